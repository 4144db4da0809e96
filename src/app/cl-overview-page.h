/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-overview-page.h: the Overview page of the main window. */
#pragma once

#include <adwaita.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_OVERVIEW_PAGE (cl_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (ClOverviewPage, cl_overview_page, CL, OVERVIEW_PAGE, AdwBin)

void      cl_overview_page_set_ledger (ClOverviewPage *self,
                      ClLedger *ledger);
ClLedger *cl_overview_page_get_ledger (ClOverviewPage *self);

G_END_DECLS
