/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendor-rows.h: reading and writing vendor rows, for the vendor store and the vendor list
 * import; writers run inside the caller's transaction. */
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
/* The purpose keys in policy order. */
GStrv               cl_vendor_purpose_map_dup_keys (ClVendorPurposeMap *map);
/* Puts company purpose keys in policy order (unknown keys last), as the readers give them. */
void                cl_vendor_purpose_map_sort_keys (ClVendorPurposeMap *map,
                                                    GStrv               keys);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClVendorPurposeMap, cl_vendor_purpose_map_free)

#define VENDOR_COLUMNS \
  "id, gvl_id, name, country, transfer_safeguard, retention_days, cookie_max_age_seconds," \
  " uses_cookies, deleted_at, updated_at, details"

/* The vendors a statement selecting VENDOR_COLUMNS yields (ClVendor); bindings are the
 * caller's. */
GPtrArray *cl_vendor_rows_read      (ClLedger             *ledger,
                                     ClVendorPurposeMap   *map,
                                     sqlite3_stmt         *stmt,
                                     GError              **error);

/* Every vendor of the ledger (ClVendor), by id. */
GPtrArray *cl_vendor_store_load_all (ClLedger             *ledger,
                                     ClVendorPurposeMap   *map,
                                     GError              **error);

/* Writes record as vendor id: a new row when insert (id 0: a new id), else replaces the row;
 * fields: the fields that changed (cl_vendor_record_diff), so that declarations that did not
 * are left alone, or NULL for all. */
gboolean   cl_vendor_store_write    (ClLedger             *ledger,
                                     ClVendorPurposeMap   *map,
                                     gint64                id,
                                     gboolean              insert,
                                     const ClVendorRecord *record,
                                     const char * const   *fields,
                                     gint64               *out_id,
                                     GError              **error);

char      *cl_vendor_store_now      (void);

G_END_DECLS
