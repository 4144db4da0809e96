/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendors-page.h: the Vendors page of the main window. */
#pragma once

#include <adwaita.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_VENDORS_PAGE (cl_vendors_page_get_type ())
G_DECLARE_FINAL_TYPE (ClVendorsPage, cl_vendors_page, CL, VENDORS_PAGE, AdwBin)

void      cl_vendors_page_set_ledger (ClVendorsPage *self,
                      ClLedger *ledger);
ClLedger *cl_vendors_page_get_ledger (ClVendorsPage *self);

G_END_DECLS
