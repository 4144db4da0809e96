/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendor-store-private.h: reading and writing vendor rows, shared by the store and the
 * vendor list import; callers hold the transaction. */
#pragma once

#include "cl-ledger-private.h"
#include "cl-vendor-store.h"

G_BEGIN_DECLS

/* The company purposes and the TCF mapping, loaded once per operation. */
typedef struct _ClVendorPurposeMap ClVendorPurposeMap;

ClVendorPurposeMap *cl_vendor_purpose_map_load    (ClLedger            *ledger,
                                                   GError             **error);
void                cl_vendor_purpose_map_free    (ClVendorPurposeMap  *map);
gboolean            cl_vendor_purpose_map_has_key (ClVendorPurposeMap  *map,
                                                   const char          *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClVendorPurposeMap, cl_vendor_purpose_map_free)

/* Every vendor of the ledger (ClVendor), by id. */
GPtrArray *cl_vendor_store_load_all (ClLedger             *ledger,
                                     ClVendorPurposeMap   *map,
                                     GError              **error);

/* Writes record as vendor id: a new row when insert (id 0: a new id), else replaces the row. */
gboolean   cl_vendor_store_write    (ClLedger             *ledger,
                                     ClVendorPurposeMap   *map,
                                     gint64                id,
                                     gboolean              insert,
                                     const ClVendorRecord *record,
                                     gint64               *out_id,
                                     GError              **error);

char      *cl_vendor_store_now      (void);

G_END_DECLS
