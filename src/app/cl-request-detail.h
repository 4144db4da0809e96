/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-request-detail.h: the detail pane of the Requests page. */
#pragma once

#include <adwaita.h>

#include "cl-request.h"

G_BEGIN_DECLS

#define CL_TYPE_REQUEST_DETAIL (cl_request_detail_get_type ())
G_DECLARE_FINAL_TYPE (ClRequestDetail, cl_request_detail, CL, REQUEST_DETAIL, AdwBin)

ClRequestDetail *cl_request_detail_new            (void);
/* Shows a snapshot of a request (NULL: none selected). Its buttons name the requests.* actions
 * of the page that holds the pane. */
void             cl_request_detail_set_request    (ClRequestDetail *self,
                                                   ClRequest       *request);
ClRequest       *cl_request_detail_get_request    (ClRequestDetail *self);
/* The place reserved for "Create Report…", "Export Data…" and "Erase Subject…": an empty,
 * hidden horizontal box under the step buttons. Add buttons naming page actions and show it. */
GtkBox          *cl_request_detail_get_report_box (ClRequestDetail *self);

G_END_DECLS
