/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-policies-page.h: the Policies page of the main window. */
#pragma once

#include <adwaita.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_POLICIES_PAGE (cl_policies_page_get_type ())
G_DECLARE_FINAL_TYPE (ClPoliciesPage, cl_policies_page, CL, POLICIES_PAGE, AdwBin)

void      cl_policies_page_set_ledger (ClPoliciesPage *self,
                      ClLedger *ledger);
ClLedger *cl_policies_page_get_ledger (ClPoliciesPage *self);

G_END_DECLS
