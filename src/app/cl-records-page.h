/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-records-page.h: the Consent Records page of the main window. */
#pragma once

#include <adwaita.h>

#include "cl-event-list-model.h"
#include "cl-ledger.h"
#include "cl-subject-pane.h"

G_BEGIN_DECLS

#define CL_TYPE_RECORDS_PAGE (cl_records_page_get_type ())
G_DECLARE_FINAL_TYPE (ClRecordsPage, cl_records_page, CL, RECORDS_PAGE, AdwBin)

void              cl_records_page_set_ledger       (ClRecordsPage *self,
                                                    ClLedger      *ledger);
ClLedger         *cl_records_page_get_ledger       (ClRecordsPage *self);
/* Read the ledger again (after an import): the purposes, the versions and the events. */
void              cl_records_page_reload           (ClRecordsPage *self);

/* For the import button's place in the toolbar: append widgets here. */
GtkBox           *cl_records_page_get_import_slot  (ClRecordsPage *self);
GtkMenuButton    *cl_records_page_get_sort_button  (ClRecordsPage *self);

/* What the page shows, for the tests. */
ClEventListModel *cl_records_page_get_model        (ClRecordsPage *self);
ClEventQuery     *cl_records_page_get_query        (ClRecordsPage *self);
const char       *cl_records_page_get_count_text   (ClRecordsPage *self);
/* "list", "loading", "empty", "no-results", "error" or "no-ledger". */
const char       *cl_records_page_get_view         (ClRecordsPage *self);
GtkColumnView    *cl_records_page_get_column_view  (ClRecordsPage *self);
ClSubjectPane    *cl_records_page_get_subject_pane (ClRecordsPage *self);
gboolean          cl_records_page_get_subject_shown (ClRecordsPage *self);

G_END_DECLS
