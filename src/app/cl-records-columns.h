/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-records-columns.h: the Consent Records column view's sorting (pushed into a ClEventQuery)
 * and its columns made from the ledger's purposes. */
#pragma once

#include <gtk/gtk.h>

#include "cl-event-query.h"

G_BEGIN_DECLS

#define CL_TYPE_RECORDS_COLUMNS (cl_records_columns_get_type ())
G_DECLARE_FINAL_TYPE (ClRecordsColumns, cl_records_columns, CL, RECORDS_COLUMNS, GObject)

/* Keeps query's sort in step with the headers of view; the purpose columns go right after
 * purposes_after. */
ClRecordsColumns *cl_records_columns_new              (GtkColumnView       *view,
                                                       ClEventQuery        *query,
                                                       GtkColumnViewColumn *purposes_after);
/* Makes a header click on column sort the query by sort. The CL_EVENT_SORT_TIME column is the
 * one shown sorted when the query has its default order, newest first. */
void              cl_records_columns_add_sortable     (ClRecordsColumns    *self,
                                                       GtkColumnViewColumn *column,
                                                       ClEventSort          sort);
void              cl_records_columns_sort_by          (ClRecordsColumns    *self,
                                                       const char          *name,
                                                       gboolean             descending);
GMenuModel       *cl_records_columns_get_sort_menu    (ClRecordsColumns    *self);
/* Shows the query's default order: the time column, descending. */
void              cl_records_columns_sort_newest_first (ClRecordsColumns   *self);
/* One column per refusable purpose of purposes (ClPurpose; NULL: none), replacing those shown.
 * A sort by a purpose column goes back to newest first, since that column may be gone. */
void              cl_records_columns_set_purposes     (ClRecordsColumns    *self,
                                                       GListModel          *purposes);

G_END_DECLS
