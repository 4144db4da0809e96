/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendors-page.h: the Vendors page: the vendor inventory, its details, edits by hand and
 * vendor list imports. */
#pragma once

#include <adwaita.h>

#include "cl-ledger.h"
#include "cl-vendor.h"
#include "cl-vendor-import-dialog.h"

G_BEGIN_DECLS

#define CL_TYPE_VENDORS_PAGE (cl_vendors_page_get_type ())
G_DECLARE_FINAL_TYPE (ClVendorsPage, cl_vendors_page, CL, VENDORS_PAGE, AdwBin)

void                  cl_vendors_page_set_ledger        (ClVendorsPage *self,
                                                         ClLedger      *ledger);
ClLedger             *cl_vendors_page_get_ledger        (ClVendorsPage *self);

/* What Import Vendor List… does once a file is chosen: reads it in a worker thread, then shows
 * the difference in a preview dialog; the ledger is written only when the officer confirms. */
void                  cl_vendors_page_import_file       (ClVendorsPage *self,
                                                         GFile         *file);
/* The open import preview, or NULL. */
ClVendorImportDialog *cl_vendors_page_get_import_dialog (ClVendorsPage *self);
/* Loading the list, reading a file or importing one. */
gboolean              cl_vendors_page_is_busy           (ClVendorsPage *self);

/* The vendors as the list shows them: searched and sorted (ClVendor). */
GListModel           *cl_vendors_page_get_vendors       (ClVendorsPage *self);
gboolean              cl_vendors_page_select_vendor     (ClVendorsPage *self,
                                                         gint64         id);
ClVendor             *cl_vendors_page_get_selected      (ClVendorsPage *self);
void                  cl_vendors_page_set_search        (ClVendorsPage *self,
                                                         const char    *text);
/* The last message the page gave (a toast or an error dialog), for tests. */
const char           *cl_vendors_page_get_last_message  (ClVendorsPage *self);

G_END_DECLS
