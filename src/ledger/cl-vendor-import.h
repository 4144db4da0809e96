/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendor-import.h: importing a vendor list (IAB GVL JSON or vendor CSV): first the
 * difference against the ledger, which nothing is written for, then, once confirmed, all of it
 * in one transaction. */
#pragma once

#include <gio/gio.h>

#include "cl-ledger.h"
#include "cl-vendor-record.h"

G_BEGIN_DECLS

typedef enum
{
  CL_VENDOR_CHANGE_ADDED,      /* new to the ledger and active */
  CL_VENDOR_CHANGE_CHANGED,    /* in the ledger; some fields differ */
  CL_VENDOR_CHANGE_WITHDRAWN,  /* the list marks it deleted (deletedDate) and the ledger did not */
  CL_VENDOR_CHANGE_UNCHANGED,
} ClVendorChangeKind;

/* What importing one vendor of the list does. */
typedef struct
{
  ClVendorChangeKind    kind;
  gint64                vendor_id;   /* the ledger's id; 0 when the vendor is new */
  const ClVendorRecord *record;      /* the vendor as the ledger will hold it */
  const ClVendorRecord *old_record;  /* as the ledger holds it now; NULL when new */
  GStrv                 fields;      /* the fields that differ (names as in cl_vendor_record_diff) */
} ClVendorChange;

#define CL_TYPE_VENDOR_IMPORT (cl_vendor_import_get_type ())
G_DECLARE_FINAL_TYPE (ClVendorImport, cl_vendor_import, CL, VENDOR_IMPORT, GObject)

/* Reads a vendor list (GVL JSON or CSV, told apart by content) and compares it with the ledger.
 * Errors read "FILE: what is wrong (vendor ID)". Writes nothing. */
ClVendorImport       *cl_vendor_import_new_for_path  (ClLedger        *ledger,
                                                      const char      *path,
                                                      GCancellable    *cancellable,
                                                      GError         **error);
ClVendorImport       *cl_vendor_import_new_for_file  (ClLedger        *ledger,
                                                      GFile           *file,
                                                      GCancellable    *cancellable,
                                                      GError         **error);
/* The same for a list already read; takes ownership of list. filename names it in messages. */
ClVendorImport       *cl_vendor_import_new_for_list  (ClLedger        *ledger,
                                                      ClVendorList    *list,
                                                      const char      *filename,
                                                      GError         **error);

const ClVendorList   *cl_vendor_import_get_list      (ClVendorImport  *self);
const char           *cl_vendor_import_get_filename  (ClVendorImport  *self);
guint                 cl_vendor_import_count         (ClVendorImport  *self,
                                                      ClVendorChangeKind kind);
/* Every vendor of the list, in the list's order (ClVendorChange, owned by the import). */
GPtrArray            *cl_vendor_import_get_changes   (ClVendorImport  *self);
/* Vendors of the ledger that came from a GVL and are missing from this one (they are kept). */
guint                 cl_vendor_import_get_n_missing (ClVendorImport  *self);
/* The GVL version the ledger last imported, or 0. */
guint                 cl_vendor_import_get_previous_version (ClVendorImport *self);
/* "added A, changed C, withdrawn W, unchanged U" */
char                 *cl_vendor_import_format_counts (ClVendorImport  *self);
gboolean              cl_vendor_import_has_changes   (ClVendorImport  *self);

/* Writes the difference in one transaction, with the list's version in gvl_imports and an
 * audit entry. Fails with CL_LEDGER_ERROR_CONFLICT, writing nothing, when the ledger's vendors
 * changed since the difference was computed. */
gboolean              cl_vendor_import_apply         (ClVendorImport  *self,
                                                      ClLedger        *ledger,
                                                      GCancellable    *cancellable,
                                                      GError         **error);

/* Reads a vendor list (GVL JSON or CSV, by content) without comparing it with anything;
 * purpose_keys: the ledger's company purpose keys, which a CSV may name. */
ClVendorList         *cl_vendor_import_read_list     (const char          *data,
                                                      gsize                length,
                                                      const char          *filename,
                                                      const char * const  *purpose_keys,
                                                      GError             **error);

G_END_DECLS
