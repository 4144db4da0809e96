/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-tc-names.h: names for the CMP and vendor ids of a TC string, from the ledger's tables. */
#pragma once

#include "cl-ledger.h"
#include "cl-tc-string.h"

G_BEGIN_DECLS

/* The name, or NULL with no error when the ledger does not know the id. */
char *cl_tc_names_cmp          (ClLedger          *ledger,
                                guint              cmp_id,
                                GError           **error);
char *cl_tc_names_vendor       (ClLedger          *ledger,
                                guint              gvl_id,
                                GError           **error);

/* cl_tc_string_describe() with the ledger's CMP list and vendors; NULL and an error when the
 * ledger cannot be read. */
char *cl_tc_string_describe_in (const ClTcString  *tc,
                                ClLedger          *ledger,
                                GError           **error);

G_END_DECLS
