/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-purpose.h: a processing purpose of the cookie policy, as the ledger holds it. */
#pragma once

#include <gio/gio.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_PURPOSE (cl_purpose_get_type ())
G_DECLARE_FINAL_TYPE (ClPurpose, cl_purpose, CL, PURPOSE, GObject)

const char  *cl_purpose_get_key             (ClPurpose   *self);
const char  *cl_purpose_get_name            (ClPurpose   *self);
const char  *cl_purpose_get_description     (ClPurpose   *self);
const char  *cl_purpose_get_legal_basis     (ClPurpose   *self);
gboolean     cl_purpose_get_refusable       (ClPurpose   *self);
/* One category per line, as the policy lists them. */
const char  *cl_purpose_get_data_categories (ClPurpose   *self);
const char  *cl_purpose_get_retention       (ClPurpose   *self);
/* The bit of this purpose in an event's granted and denied masks. */
guint        cl_purpose_get_bit             (ClPurpose   *self);
/* The IAB TCF purposes that translate into this one, ascending. */
const GArray *cl_purpose_get_tcf_purposes   (ClPurpose   *self);

/* Every purpose of the ledger in policy order: a list of ClPurpose. */
GListStore  *cl_purpose_list                (ClLedger    *ledger,
                                             GError     **error);

const char  *cl_legal_basis_to_label        (const char  *legal_basis);

G_END_DECLS
