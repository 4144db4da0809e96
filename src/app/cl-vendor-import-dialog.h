/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendor-import-dialog.h: the difference a vendor list makes, shown before anything is
 * written; the officer imports it or cancels. */
#pragma once

#include <adwaita.h>

#include "cl-vendor-import.h"

G_BEGIN_DECLS

#define CL_TYPE_VENDOR_IMPORT_DIALOG (cl_vendor_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClVendorImportDialog, cl_vendor_import_dialog, CL, VENDOR_IMPORT_DIALOG,
                      AdwWindow)

/* Emits "response" (TRUE: import, FALSE: cancel) once, then closes. */
ClVendorImportDialog *cl_vendor_import_dialog_new         (ClVendorImport       *import);
ClVendorImport       *cl_vendor_import_dialog_get_import  (ClVendorImportDialog *self);
void                  cl_vendor_import_dialog_respond     (ClVendorImportDialog *self,
                                                           gboolean              confirmed);
/* The counts as the dialog shows them, for tests. */
const char           *cl_vendor_import_dialog_get_summary (ClVendorImportDialog *self);

/* A changed field (as cl_vendor_record_diff() names it) in words. */
const char           *cl_vendor_field_label               (const char           *field);

G_END_DECLS
