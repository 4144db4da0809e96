/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cmp-store.h: the IAB CMP list in the ledger, which names the CMP of a TC string. */
#pragma once

#include "cl-ledger.h"

G_BEGIN_DECLS

typedef struct
{
  guint added;
  guint changed;    /* another name */
  guint unchanged;
} ClCmpImportCounts;

/* Reads the IAB CMP list at path and stores every CMP in it (one transaction, one audit entry),
 * or only counts when dry_run. CMPs the ledger has and the list lacks are kept: old TC strings
 * still name them. Errors read "FILE: what is wrong". */
gboolean cl_cmp_store_import (ClLedger           *ledger,
                              const char         *path,
                              gboolean            dry_run,
                              ClCmpImportCounts  *counts,
                              GError            **error);

G_END_DECLS
