/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-event-list-model.c: the lazy records model without a display: snapshots, items-changed,
 * pages read on demand, sorting and filtering by the query. */
#include "config.h"

#include "cl-consent-record.h"
#include "cl-event-list-model.h"
#include "cl-test-records.h"
#include "cl-test-utils.h"

typedef struct
{
  guint n_calls;
  guint position, removed, added;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->n_calls++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
wait_loaded (ClEventListModel *model)
{
  while (cl_event_list_model_get_loading (model))
    g_main_context_iteration (NULL, TRUE);
}

static char *
ids_of (GListModel *model)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ClConsentEvent) event = g_list_model_get_item (model, i);
      const char *id = cl_consent_event_get_event_id (event);

      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", id != NULL ? id : "-");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_snapshot (void)
{
  g_autofree char *path = cl_test_records_ledger ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);
  g_autoptr(ClEventQuery) query = cl_event_query_new ();
  g_autoptr(ClEventListModel) model = NULL;
  g_autoptr(ClConsentEvent) first = NULL;
  g_autoptr(ClConsentEvent) again = NULL;
  g_autofree char *ids = NULL;
  ItemsChanged changed = { 0 };

  model = cl_event_list_model_new (ledger, query);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changed);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == CL_TYPE_CONSENT_EVENT);
  g_assert_true (cl_event_list_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  wait_loaded (model);
  g_assert_null (cl_event_list_model_get_error (model));
  g_assert_cmpuint (changed.n_calls, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 7);
  g_assert_cmpuint (cl_event_list_model_get_total (model), ==, 7);
  g_assert_cmpuint (cl_event_list_model_get_n_page_loads (model), ==, 0);  /* nothing read yet */

  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  again = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (first == again);  /* the same page, kept */
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 7));
  ids = ids_of (G_LIST_MODEL (model));
  g_assert_cmpstr (ids, ==, "- ev-005 ev-006 ev-002 ev-004 ev-003 ev-001");
  g_assert_cmpuint (cl_event_list_model_get_n_page_loads (model), ==, 1);
  g_assert_cmpuint (changed.n_calls, ==, 1);  /* reading pages changes nothing */
}

static void
test_filter_and_sort (void)
{
  g_autofree char *path = cl_test_records_ledger ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);
  g_autoptr(ClEventQuery) query = cl_event_query_new ();
  g_autoptr(ClEventListModel) model = cl_event_list_model_new (ledger, query);
  ItemsChanged changed = { 0 };
  char *ids;

  wait_loaded (model);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changed);

  cl_event_query_set_purpose (query, "advertising", CL_DECISION_DENIED);
  g_assert_true (cl_event_list_model_get_loading (model));
  wait_loaded (model);
  g_assert_cmpuint (changed.n_calls, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 7);
  g_assert_cmpuint (changed.added, ==, 4);
  g_assert_cmpuint (cl_event_list_model_get_total (model), ==, 7);
  ids = ids_of (G_LIST_MODEL (model));
  g_assert_cmpstr (ids, ==, "ev-005 ev-006 ev-002 ev-003");
  g_free (ids);

  cl_event_query_set_sort (query, CL_EVENT_SORT_SUBJECT, NULL, FALSE);
  wait_loaded (model);
  g_assert_cmpuint (changed.n_calls, ==, 2);
  ids = ids_of (G_LIST_MODEL (model));
  g_assert_cmpstr (ids, ==, "ev-002 ev-006 ev-003 ev-005");
  g_free (ids);

  /* Three changes in a row: the first two snapshots are dropped, one items-changed. */
  cl_event_query_set_purpose (query, NULL, CL_DECISION_GRANTED);
  cl_event_query_set_subject (query, "anna@example.se");
  cl_event_query_set_current_only (query, TRUE);
  wait_loaded (model);
  g_assert_cmpuint (changed.n_calls, ==, 3);
  ids = ids_of (G_LIST_MODEL (model));
  g_assert_cmpstr (ids, ==, "ev-006");
  g_free (ids);

  /* An unknown purpose: the model says why and keeps its rows. */
  cl_event_query_set_purpose (query, "astrology", CL_DECISION_GRANTED);
  wait_loaded (model);
  g_assert_nonnull (cl_event_list_model_get_error (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
}

static void
test_pages (void)
{
  g_autofree char *path = cl_test_records_ledger ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClEventQuery) query = cl_event_query_new ();
  g_autoptr(ClEventListModel) model = NULL;
  const guint page = CL_EVENT_LIST_MODEL_PAGE_SIZE;
  const guint n_pages = CL_EVENT_LIST_MODEL_MAX_PAGES + 9;
  guint n_items;

  cl_test_records_add_bulk (path, n_pages * page - 7);
  ledger = cl_ledger_open (path, &error);
  g_assert_no_error (error);
  cl_event_query_set_sort (query, CL_EVENT_SORT_TIME, NULL, FALSE);  /* bulk-1 first */
  model = cl_event_list_model_new (ledger, query);
  wait_loaded (model);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n_items, ==, n_pages * page);

  /* A deep position reads its own page only. */
  {
    g_autoptr(ClConsentEvent) deep = g_list_model_get_item (G_LIST_MODEL (model), n_items - 1);
    g_autoptr(ClConsentEvent) start = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_cmpuint (cl_event_list_model_get_n_page_loads (model), ==, 2);
    g_assert_cmpstr (cl_consent_event_get_event_id (start), ==, "bulk-1");
    g_assert_null (cl_consent_event_get_event_id (deep));  /* the newest: imported without id */
  }

  /* Walk every page: each read once; then the least recently used were dropped. */
  for (guint i = 0; i < n_items; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  g_assert_cmpuint (cl_event_list_model_get_n_page_loads (model), ==, n_pages + 1);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), n_items - 1));
  g_assert_cmpuint (cl_event_list_model_get_n_page_loads (model), ==, n_pages + 1);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), 0));
  g_assert_cmpuint (cl_event_list_model_get_n_page_loads (model), ==, n_pages + 2);
}

typedef struct
{
  GArray           *calls;    /* ItemsChanged, one per emission */
  ClEventListModel *model;
  gboolean          loading_at_first;
} Emissions;

static void
record_emission (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 Emissions  *emissions)
{
  ItemsChanged call = { emissions->calls->len + 1, position, removed, added };

  if (emissions->calls->len == 0)
    emissions->loading_at_first = cl_event_list_model_get_loading (emissions->model);
  g_array_append_val (emissions->calls, call);
}

/* In time order the first page of an answer is shown while the rest is still being read, and
 * the rest is appended after it: rows already on screen (and read) stay. In another order the
 * whole answer comes at once. */
static void
test_first_page_first (void)
{
  g_autofree char *path = cl_test_records_ledger ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClEventQuery) query = cl_event_query_new ();
  g_autoptr(ClEventListModel) model = NULL;
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  const guint page = CL_EVENT_LIST_MODEL_PAGE_SIZE;
  Emissions emissions = { calls, NULL, FALSE };
  ItemsChanged *call;
  guint n_items;

  cl_test_records_add_bulk (path, 3 * page);
  ledger = cl_ledger_open (path, &error);
  g_assert_no_error (error);
  cl_event_query_set_sort (query, CL_EVENT_SORT_TIME, NULL, FALSE);  /* bulk-1 first */
  model = emissions.model = cl_event_list_model_new (ledger, query);
  g_signal_connect (model, "items-changed", G_CALLBACK (record_emission), &emissions);
  wait_loaded (model);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n_items, >, 3 * page);

  g_assert_cmpuint (calls->len, ==, 2);
  g_assert_true (emissions.loading_at_first);
  call = &g_array_index (calls, ItemsChanged, 0);
  g_assert_cmpuint (call->position, ==, 0);
  g_assert_cmpuint (call->removed, ==, 0);
  g_assert_cmpuint (call->added, ==, page);
  call = &g_array_index (calls, ItemsChanged, 1);
  g_assert_cmpuint (call->position, ==, page);
  g_assert_cmpuint (call->removed, ==, 0);
  g_assert_cmpuint (call->added, ==, n_items - page);
  {
    g_autoptr(ClConsentEvent) first = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_cmpstr (cl_consent_event_get_event_id (first), ==, "bulk-1");
  }

  /* A filter in time order: the same two steps, the first page replacing the old answer. */
  g_array_set_size (calls, 0);
  cl_event_query_set_until (query, 1700000000000 + 400 * 1000);  /* bulk-1 … bulk-399 */
  wait_loaded (model);
  g_assert_cmpuint (calls->len, ==, 2);
  g_assert_true (emissions.loading_at_first);
  call = &g_array_index (calls, ItemsChanged, 0);
  g_assert_cmpuint (call->removed, ==, n_items);
  g_assert_cmpuint (call->added, ==, page);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 399);

  /* A small answer is whole in its first page: one step. */
  g_array_set_size (calls, 0);
  cl_event_query_set_method (query, CL_CONSENT_METHOD_ACCEPT_ALL);
  wait_loaded (model);
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 79);  /* x % 5 == 0 */
  cl_event_query_set_method (query, -1);

  /* Sorted by country: one step, the whole answer. */
  g_array_set_size (calls, 0);
  cl_event_query_set_sort (query, CL_EVENT_SORT_COUNTRY, NULL, FALSE);
  wait_loaded (model);
  g_assert_cmpuint (calls->len, ==, 1);
  call = &g_array_index (calls, ItemsChanged, 0);
  g_assert_cmpuint (call->position, ==, 0);
  g_assert_cmpuint (call->added, ==, g_list_model_get_n_items (G_LIST_MODEL (model)));
}

static void
test_reload_and_erased_rows (void)
{
  g_autofree char *path = cl_test_records_ledger ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);
  g_autoptr(ClEventQuery) query = cl_event_query_new ();
  g_autoptr(ClEventListModel) model = cl_event_list_model_new (ledger, query);
  g_autoptr(ClConsentEvent) gone = NULL;
  g_autoptr(ClConsentEvent) kept = NULL;

  g_autoptr(ClEventQuery) carl = cl_event_query_new ();
  g_autoptr(GPtrArray) carl_events = NULL;

  wait_loaded (model);
  cl_event_query_set_subject (carl, "ev-005");
  carl_events = cl_event_query_list (carl, ledger, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (carl_events->len, ==, 1);

  /* Erased after the snapshot: the position stays, the row says it is gone. */
  cl_test_records_exec (path,
                        "DELETE FROM event_vendors WHERE event_id IN"
                        "  (SELECT id FROM events WHERE event_id = 'ev-005');"
                        "UPDATE subjects SET latest_event_id = NULL WHERE latest_event_id IN"
                        "  (SELECT id FROM events WHERE event_id = 'ev-005');"
                        "DELETE FROM events WHERE event_id = 'ev-005'");
  gone = g_list_model_get_item (G_LIST_MODEL (model), 1);
  kept = g_list_model_get_item (G_LIST_MODEL (model), 2);
  g_assert_false (cl_consent_event_is_present (gone));
  g_assert_cmpint (cl_consent_event_get_id (gone), ==,
                   cl_consent_event_get_id (carl_events->pdata[0]));
  g_assert_true (cl_consent_event_is_present (kept));
  g_assert_cmpstr (cl_consent_event_get_event_id (kept), ==, "ev-006");

  cl_test_records_add_bulk (path, 10);
  cl_event_list_model_reload (model);
  wait_loaded (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 16);
  g_assert_cmpuint (cl_event_list_model_get_total (model), ==, 16);
}

static void
test_empty_ledger (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);
  g_autoptr(ClEventQuery) query = cl_event_query_new ();
  g_autoptr(ClEventListModel) model = cl_event_list_model_new (ledger, query);
  ItemsChanged changed = { 0 };

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changed);
  wait_loaded (model);
  g_assert_cmpuint (changed.n_calls, ==, 0);  /* nothing to nothing */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpuint (cl_event_list_model_get_total (model), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ledger/event-list-model/snapshot", test_snapshot);
  g_test_add_func ("/ledger/event-list-model/filter-and-sort", test_filter_and_sort);
  g_test_add_func ("/ledger/event-list-model/pages", test_pages);
  g_test_add_func ("/ledger/event-list-model/first-page-first", test_first_page_first);
  g_test_add_func ("/ledger/event-list-model/reload-and-erased-rows", test_reload_and_erased_rows);
  g_test_add_func ("/ledger/event-list-model/empty-ledger", test_empty_ledger);

  return g_test_run ();
}
