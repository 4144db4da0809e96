/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-report-actions.h: the buttons of issue 6 in the Requests page's detail pane: Create
 * Report… and Print… (access requests), Export Data… (portability) and Erase Subject…
 * (erasure). The work runs in a worker thread on its own connection to the ledger. */
#pragma once

#include <adwaita.h>

#include "cl-ledger.h"
#include "cl-report.h"
#include "cl-request.h"

G_BEGIN_DECLS

#define CL_TYPE_REPORT_ACTIONS (cl_report_actions_get_type ())
G_DECLARE_FINAL_TYPE (ClReportActions, cl_report_actions, CL, REPORT_ACTIONS, AdwBin)

/* Actions: report.create (a file chooser with the format), report.print, report.export,
 * report.erase (a confirmation naming what will be deleted), report.cancel. Each emits
 * ::done (reference, message) when it has finished, refused or was cancelled, so that the
 * page can reload the request and show the message. */
ClReportActions  *cl_report_actions_new              (void);
void              cl_report_actions_set_ledger       (ClReportActions *self,
                                                      ClLedger        *ledger);
void              cl_report_actions_set_request      (ClReportActions *self,
                                                      ClRequest       *request);
ClRequest        *cl_report_actions_get_request      (ClReportActions *self);

/* The same work without the file chooser, for callers that have a path (and the tests). */
void              cl_report_actions_create_report    (ClReportActions *self,
                                                      ClReportFormat   format,
                                                      const char      *path);
void              cl_report_actions_export_data      (ClReportActions *self,
                                                      const char      *path);
/* Prints the report through GtkPrintOperation into a PDF file instead of to a printer. */
void              cl_report_actions_print_to_file    (ClReportActions *self,
                                                      const char      *path);

/* Whether a worker is running (a spinner and Cancel show meanwhile). */
gboolean          cl_report_actions_get_busy         (ClReportActions *self);
/* The Erase Subject confirmation while it is open, else NULL. Its responses: "cancel",
 * "erase". */
AdwMessageDialog *cl_report_actions_get_erase_dialog (ClReportActions *self);
/* The message of the last ::done. */
const char       *cl_report_actions_get_last_message (ClReportActions *self);
/* Pages drawn by the last print operation. */
guint             cl_report_actions_get_printed_pages (ClReportActions *self);

G_END_DECLS
