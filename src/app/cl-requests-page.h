/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-requests-page.h: the Requests page of the main window. */
#pragma once

#include <adwaita.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_REQUESTS_PAGE (cl_requests_page_get_type ())
G_DECLARE_FINAL_TYPE (ClRequestsPage, cl_requests_page, CL, REQUESTS_PAGE, AdwBin)

void      cl_requests_page_set_ledger (ClRequestsPage *self,
                      ClLedger *ledger);
ClLedger *cl_requests_page_get_ledger (ClRequestsPage *self);

G_END_DECLS
