/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendor-private.h: how the vendor store builds the vendors it reads from the ledger. */
#pragma once

#include "cl-vendor.h"

G_BEGIN_DECLS

/* Takes ownership of record, purposes, li_purposes, purposes_label and purposes_summary. */
ClVendor *cl_vendor_new_stored (gint64          id,
                                ClVendorRecord *record,
                                GStrv           purposes,
                                GStrv           li_purposes,
                                char           *purposes_label,
                                char           *purposes_summary,
                                const char     *updated_at);

G_END_DECLS
