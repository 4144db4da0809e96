/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendor-dialog.h: adding a vendor by hand, or editing one. */
#pragma once

#include <adwaita.h>

#include "cl-ledger.h"
#include "cl-vendor.h"

G_BEGIN_DECLS

#define CL_TYPE_VENDOR_DIALOG (cl_vendor_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClVendorDialog, cl_vendor_dialog, CL, VENDOR_DIALOG, AdwWindow)

/* vendor: the one to edit, or NULL to add one; purposes: the ledger's purposes (ClPurpose).
 * Emits "saved" with the vendor as stored, then closes. */
ClVendorDialog *cl_vendor_dialog_new       (ClLedger       *ledger,
                                            ClVendor       *vendor,
                                            GListModel     *purposes);
/* What the Save button does; FALSE (and the reason shown in the dialog) when refused. */
gboolean        cl_vendor_dialog_save      (ClVendorDialog *self);
const char     *cl_vendor_dialog_get_error (ClVendorDialog *self);
/* The form's name field, for tests. */
GtkEditable    *cl_vendor_dialog_get_name_field (ClVendorDialog *self);

G_END_DECLS
