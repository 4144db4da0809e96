/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-requests-page.h: the Requests page of the main window. Its actions (requests.new,
 * requests.create, requests.verify, requests.extend, requests.pause, requests.resume,
 * requests.complete, requests.reject, requests.note, requests.select, …) act on the selected
 * request; a step's text parameter left empty asks for it in a dialog. */
#pragma once

#include <adwaita.h>

#include "cl-ledger.h"
#include "cl-new-request-dialog.h"
#include "cl-report-actions.h"
#include "cl-request-detail.h"
#include "cl-request.h"

G_BEGIN_DECLS

#define CL_TYPE_REQUESTS_PAGE (cl_requests_page_get_type ())
G_DECLARE_FINAL_TYPE (ClRequestsPage, cl_requests_page, CL, REQUESTS_PAGE, AdwBin)

void                cl_requests_page_set_ledger             (ClRequestsPage *self,
                                                             ClLedger       *ledger);
ClLedger           *cl_requests_page_get_ledger             (ClRequestsPage *self);
/* Reads the register again (the ledger changed), keeping the selected request. */
void                cl_requests_page_reload                 (ClRequestsPage *self);
/* The register as shown (ClRequest, filtered; open ones first, soonest due, unless a column
 * header sorts it). */
GListModel         *cl_requests_page_get_model              (ClRequestsPage *self);
ClRequest          *cl_requests_page_get_selected           (ClRequestsPage *self);
ClRequestDetail    *cl_requests_page_get_detail             (ClRequestsPage *self);
/* Create Report…, Print…, Export Data… and Erase Subject… of the selected request. */
ClReportActions    *cl_requests_page_get_report_actions     (ClRequestsPage *self);
/* The New Request… dialog while it is open, else NULL. */
ClNewRequestDialog *cl_requests_page_get_new_request_dialog (ClRequestsPage *self);
/* The last confirmation or refusal shown in a toast. */
const char         *cl_requests_page_get_last_message       (ClRequestsPage *self);

G_END_DECLS
