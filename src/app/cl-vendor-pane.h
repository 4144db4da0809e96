/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendor-pane.h: everything the ledger knows about one vendor, in words. */
#pragma once

#include <adwaita.h>

#include "cl-tcf-names.h"
#include "cl-vendor.h"

G_BEGIN_DECLS

#define CL_TYPE_VENDOR_PANE (cl_vendor_pane_get_type ())
G_DECLARE_FINAL_TYPE (ClVendorPane, cl_vendor_pane, CL, VENDOR_PANE, AdwBin)

/* names: how TCF ids read; purposes: the ledger's purposes (ClPurpose), for their names. */
void      cl_vendor_pane_set_context (ClVendorPane *self,
                                      ClTcfNames   *names,
                                      GListModel   *purposes);
void      cl_vendor_pane_set_vendor  (ClVendorPane *self,
                                      ClVendor     *vendor);
ClVendor *cl_vendor_pane_get_vendor  (ClVendorPane *self);

G_END_DECLS
