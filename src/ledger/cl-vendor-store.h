/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendor-store.h: the vendors of a ledger: list, search, get, and edits by hand, each one
 * transaction with its audit entry. */
#pragma once

#include <gio/gio.h>

#include "cl-ledger.h"
#include "cl-vendor.h"

G_BEGIN_DECLS

/* Every vendor by name (ClVendor), or those whose name contains search (any case), whose GVL
 * id is search, or whose country is search. */
GListStore *cl_vendor_store_list          (ClLedger             *ledger,
                                           const char           *search,
                                           GError              **error);
/* NULL with CL_LEDGER_ERROR_NOT_FOUND when there is no such vendor. */
ClVendor   *cl_vendor_store_get           (ClLedger             *ledger,
                                           gint64                id,
                                           GError              **error);
ClVendor   *cl_vendor_store_get_by_gvl_id (ClLedger             *ledger,
                                           guint                 gvl_id,
                                           GError              **error);

/* Checks a record as a form would send it: a name, known purpose keys, a two-letter country,
 * a web address, a GVL id no other vendor has (except_id: the vendor being edited, or 0). */
gboolean    cl_vendor_store_check         (ClLedger             *ledger,
                                           const ClVendorRecord *record,
                                           gint64                except_id,
                                           GError              **error);

/* Each returns the vendor as stored now. */
ClVendor   *cl_vendor_store_add           (ClLedger             *ledger,
                                           const ClVendorRecord *record,
                                           GError              **error);
ClVendor   *cl_vendor_store_update        (ClLedger             *ledger,
                                           gint64                id,
                                           const ClVendorRecord *record,
                                           GError              **error);
/* Returns the vendor as it was: hand it to cl_vendor_store_restore() to undo. */
ClVendor   *cl_vendor_store_delete        (ClLedger             *ledger,
                                           gint64                id,
                                           GError              **error);
/* Puts a deleted vendor back under its old id (CONFLICT if its id or GVL id was taken since). */
ClVendor   *cl_vendor_store_restore       (ClLedger             *ledger,
                                           ClVendor             *deleted,
                                           GError              **error);

G_END_DECLS
