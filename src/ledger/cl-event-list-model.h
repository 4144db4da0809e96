/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-event-list-model.h: a lazy GListModel of the consent events a ClEventQuery matches. */
#pragma once

#include <gio/gio.h>

#include "cl-event-query.h"
#include "cl-ledger.h"

G_BEGIN_DECLS

/* Rows read per page, and pages kept. */
#define CL_EVENT_LIST_MODEL_PAGE_SIZE 200
#define CL_EVENT_LIST_MODEL_MAX_PAGES 16

#define CL_TYPE_EVENT_LIST_MODEL (cl_event_list_model_get_type ())
G_DECLARE_FINAL_TYPE (ClEventListModel, cl_event_list_model, CL, EVENT_LIST_MODEL, GObject)

/* A model over a snapshot of the row ids that query matches, in its order. The snapshot is
 * computed in a worker thread with its own connection to the ledger's file, again whenever the
 * query changes. In time order the first page of the answer replaces the list as soon as it is
 * found, while the model is still loading, and the rest is appended when it is all read; in
 * other orders the whole answer replaces the list at once. Rows are read a page at a time when
 * asked for, from ledger on the calling (main) thread. Starts empty and loading. */
ClEventListModel *cl_event_list_model_new           (ClLedger         *ledger,
                                                     ClEventQuery     *query);
ClLedger         *cl_event_list_model_get_ledger    (ClEventListModel *self);
ClEventQuery     *cl_event_list_model_get_query     (ClEventListModel *self);
/* TRUE while a snapshot is being computed: the items are the previous answer or the first
 * page of the new one, and n-items is not the count of matches yet. */
gboolean          cl_event_list_model_get_loading   (ClEventListModel *self);
/* All events in the ledger, whatever the query (known once the first snapshot is in). */
guint64           cl_event_list_model_get_total     (ClEventListModel *self);
/* Why the last snapshot failed (a sentence), or NULL. */
const char       *cl_event_list_model_get_error     (ClEventListModel *self);
/* Recompute after the ledger changed (an import, an erasure). */
void              cl_event_list_model_reload        (ClEventListModel *self);
/* Pages read from the ledger so far; for the tests and the benchmark. */
guint             cl_event_list_model_get_n_page_loads (ClEventListModel *self);

G_END_DECLS
