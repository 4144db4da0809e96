/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-overview-page.h: the Overview page of the main window: the state of consent at a glance. */
#pragma once

#include <adwaita.h>

#include "cl-dashboard-stats.h"
#include "cl-ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_OVERVIEW_PAGE (cl_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (ClOverviewPage, cl_overview_page, CL, OVERVIEW_PAGE, AdwBin)

void                    cl_overview_page_set_ledger    (ClOverviewPage *self,
                                                        ClLedger       *ledger);
ClLedger               *cl_overview_page_get_ledger    (ClOverviewPage *self);
/* Counts again (the ledger changed): the last numbers stay, with the spinner, meanwhile. */
void                    cl_overview_page_reload        (ClOverviewPage *self);
/* TRUE while the numbers are being counted in the worker thread. */
gboolean                cl_overview_page_get_busy      (ClOverviewPage *self);
/* The numbers shown, or NULL before the first count. */
const ClDashboardStats *cl_overview_page_get_stats     (ClOverviewPage *self);
/* The text a card or summary shows: "subjects", "events", "reconsent", "reconsent-caption",
 * "requests", "requests-caption", "weeks-summary", "purposes-summary", "methods-summary". */
const char             *cl_overview_page_get_card_text (ClOverviewPage *self,
                                                        const char     *card);

G_END_DECLS
