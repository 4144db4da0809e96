/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-records-window.c: the Consent Records page on a fixture ledger, driven by its actions. */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "cl-consent-record.h"
#include "cl-records-filters.h"
#include "cl-records-page.h"
#include "cl-test-records.h"
#include "cl-test-utils.h"
#include "cl-window.h"
#include "cl-test-window.h"

/* Whether a cell on screen shows text: what the officer sees, not just the model. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_INSCRIPTION (child)
          && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (child)), text) == 0
          && gtk_widget_get_mapped (child))
        return TRUE;
      if (shows_text (child, text))
        return TRUE;
    }
  return FALSE;
}

static void
wait_loaded (ClRecordsPage *page)
{
  ClEventListModel *model = cl_records_page_get_model (page);

  cl_test_drain_main_loop ();
  while (model != NULL && cl_event_list_model_get_loading (model))
    g_main_context_iteration (NULL, TRUE);
  cl_test_drain_main_loop ();
}

static ClWindow *
window_on (const char     *path,
           ClRecordsPage **out_page)
{
  ClWindow *window = cl_window_new (NULL);
  ClRecordsPage *page;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (cl_window_open_path (window, path, FALSE));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "records"));
  page = CL_RECORDS_PAGE (cl_test_find_widget (GTK_WIDGET (window), CL_TYPE_RECORDS_PAGE));
  g_assert_nonnull (page);
  wait_loaded (page);
  *out_page = page;
  return window;
}

static char *
shown_ids (ClRecordsPage *page)
{
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (cl_records_page_get_column_view (page)));
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(ClConsentEvent) event = g_list_model_get_item (rows, i);
      const char *id = cl_consent_event_get_event_id (event);

      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", id != NULL ? id : "-");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Waits for the page's answer, then compares the event ids of its rows, in order ("-" for an
 * event without one). A macro, so that a failure names the caller's line. */
#define assert_rows_shown(page, expected) \
  G_STMT_START \
    { \
      g_autofree char *shown_ = NULL; \
      wait_loaded (page); \
      shown_ = shown_ids (page); \
      g_assert_cmpstr (shown_, ==, (expected)); \
    } \
  G_STMT_END

static void
test_lists_and_searches (void)
{
  g_autofree char *path = cl_test_records_ledger ();
  ClRecordsPage *page;
  ClWindow *window = window_on (path, &page);
  ClSubjectPane *pane = cl_records_page_get_subject_pane (page);
  g_autofree char *ids = NULL;

  g_assert_cmpstr (cl_records_page_get_view (page), ==, "list");
  g_assert_cmpstr (cl_records_page_get_count_text (page), ==, "7 events");
  ids = shown_ids (page);
  g_assert_cmpstr (ids, ==, "- ev-005 ev-006 ev-002 ev-004 ev-003 ev-001");
  g_assert_true (shows_text (GTK_WIDGET (page), "c-carl"));
  g_assert_true (shows_text (GTK_WIDGET (page), "2026-03-05 07:45:00"));

  /* Search a subject by e-mail: all of Anna's events, on both devices. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "records.search", "s",
                                             "anna@example.se"));
  wait_loaded (page);
  g_clear_pointer (&ids, g_free);
  ids = shown_ids (page);
  g_assert_cmpstr (ids, ==, "ev-006 ev-002 ev-001");
  g_assert_cmpstr (cl_records_page_get_count_text (page), ==, "3 of 7 events");
  g_assert_true (shows_text (GTK_WIDGET (page), "c-anna-phone"));
  g_assert_false (shows_text (GTK_WIDGET (page), "c-carl"));
  /* A search that finds someone opens them beside the list. */
  g_assert_true (cl_records_page_get_subject_shown (page));
  g_assert_cmpstr (cl_subject_pane_get_title (pane), ==, "Subject anna@example.se");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "records.hide-subject", NULL));

  /* Open the subject: identifiers, history in plain words, the TC string. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "records.show-subject", "s",
                                             "anna@example.se"));
  cl_test_drain_main_loop ();
  g_assert_true (cl_records_page_get_subject_shown (page));
  g_assert_cmpstr (cl_subject_pane_get_title (pane), ==, "Subject anna@example.se");
  g_assert_cmpuint (cl_subject_pane_get_n_history (pane), ==, 3);
  g_assert_cmpstr (cl_subject_pane_get_history_text (pane, 1), ==,
                   "Withdrew consent to Advertisement and ad measurement under policy 3.1, via the "
                   "settings page, from SE");
  g_assert_cmpstr (cl_subject_pane_get_history_text (pane, 2), ==,
                   "Accepted all purposes under policy 3.0, via the cookie banner, from SE");
  g_assert_cmpstr (cl_subject_pane_get_tc_string (pane), ==, "CQTestTCStringForAnnaAAAA");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "records.hide-subject", NULL));
  cl_test_drain_main_loop ();
  g_assert_false (cl_records_page_get_subject_shown (page));

  /* No one by that name: its own status page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "records.search", "s", "nobody"));
  wait_loaded (page);
  g_assert_cmpstr (cl_records_page_get_view (page), ==, "no-results");
  g_assert_cmpstr (cl_records_page_get_count_text (page), ==, "0 of 7 events");
  g_assert_false (cl_records_page_get_subject_shown (page));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "records.clear-filters", NULL));
  wait_loaded (page);
  g_assert_cmpstr (cl_records_page_get_view (page), ==, "list");
  g_assert_cmpstr (cl_records_page_get_count_text (page), ==, "7 events");

  /* After an import (here: rows written by another connection), reload shows them. */
  cl_test_records_add_bulk (path, 1000);
  cl_records_page_reload (page);
  wait_loaded (page);
  g_assert_cmpstr (cl_records_page_get_count_text (page), ==, "1,007 events");

  cl_test_close_window (GTK_WINDOW (window));
}

static void
test_filters (void)
{
  g_autofree char *path = cl_test_records_ledger ();
  ClRecordsPage *page;
  ClWindow *window = window_on (path, &page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "records.filter-purpose", "(ss)",
                                             "advertising", "denied"));
  assert_rows_shown (page, "ev-005 ev-006 ev-002 ev-003");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "records.filter-current", NULL));
  assert_rows_shown (page, "ev-005 ev-006");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "records.clear-filters", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "records.filter-policy", "s",
                                             "3.0"));
  assert_rows_shown (page, "ev-003 ev-001");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "records.clear-filters", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "records.filter-method", "s",
                                             "custom"));
  assert_rows_shown (page, "ev-006 ev-004");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "records.clear-filters", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "records.filter-dates", "(ss)",
                                             "2026-02-01", "2026-02-28"));
  assert_rows_shown (page, "ev-006 ev-002");

  cl_test_close_window (GTK_WINDOW (window));
}

/* The n-th widget of type under root, depth first: the popover's widgets in template order. */
static GtkWidget *
nth_widget (GtkWidget *root,
            GType      type,
            guint     *n)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && (*n)-- == 0)
        return child;
      if ((found = nth_widget (child, type, n)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
filters_widget (GtkWidget *filters,
                GType      type,
                guint      n)
{
  GtkWidget *widget = nth_widget (filters, type, &n);

  g_assert_nonnull (widget);
  return widget;
}

/* What the officer does in the Filters popover reaches the query through the page's actions,
 * and the "Filters: …" line says what is filtered. */
static void
test_filters_popover (void)
{
  g_autofree char *path = cl_test_records_ledger ();
  ClRecordsPage *page;
  ClWindow *window = window_on (path, &page);
  ClEventQuery *query = cl_records_page_get_query (page);
  ClRecordsFilters *filters;
  GtkDropDown *purpose, *decision, *method;
  ClConsentMethod custom;

  filters = CL_RECORDS_FILTERS (cl_test_find_widget (GTK_WIDGET (page), CL_TYPE_RECORDS_FILTERS));
  g_assert_nonnull (filters);
  g_assert_cmpstr (cl_records_filters_get_summary (filters), ==, "");
  purpose = GTK_DROP_DOWN (filters_widget (GTK_WIDGET (filters), GTK_TYPE_DROP_DOWN, 0));
  decision = GTK_DROP_DOWN (filters_widget (GTK_WIDGET (filters), GTK_TYPE_DROP_DOWN, 1));
  method = GTK_DROP_DOWN (filters_widget (GTK_WIDGET (filters), GTK_TYPE_DROP_DOWN, 3));
  /* Any purpose, and the three refusable purposes of the fixture. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (purpose)), ==, 4);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (decision)));

  gtk_drop_down_set_selected (purpose, 1);
  g_assert_nonnull (cl_event_query_get_purpose (query));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (decision)));
  gtk_drop_down_set_selected (decision, 1);
  g_assert_cmpint (cl_event_query_get_decision (query), ==, CL_DECISION_DENIED);
  g_assert_true (g_str_has_prefix (cl_records_filters_get_summary (filters), "Filters: "));
  g_assert_true (g_str_has_suffix (cl_records_filters_get_summary (filters), ": Denied"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "records.clear-filters", NULL));
  g_assert_cmpuint (gtk_drop_down_get_selected (purpose), ==, 0);
  g_assert_cmpstr (cl_records_filters_get_summary (filters), ==, "");

  g_assert_true (cl_consent_method_from_string ("custom", &custom));
  gtk_drop_down_set_selected (method, custom + 1);
  assert_rows_shown (page, "ev-006 ev-004");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "records.clear-filters", NULL));
  gtk_editable_set_text (GTK_EDITABLE (filters_widget (GTK_WIDGET (filters), GTK_TYPE_ENTRY, 1)),
                         "2026-02-28");
  gtk_editable_set_text (GTK_EDITABLE (filters_widget (GTK_WIDGET (filters), GTK_TYPE_ENTRY, 0)),
                         "2026-02-01");
  assert_rows_shown (page, "ev-006 ev-002");
  g_assert_cmpstr (cl_records_filters_get_summary (filters), ==,
                   "Filters: from 2026-02-01 · to 2026-02-28");

  cl_test_close_window (GTK_WINDOW (window));
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;  /* the view keeps it */
    }
  return NULL;
}

/* The classes of each header's sort arrow, "Title:class …", in the view's order. */
static void
append_arrows (GtkWidget *widget,
               GString   *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_next_sibling (child) != NULL
          && g_str_equal (gtk_widget_get_css_name (gtk_widget_get_next_sibling (child)),
                          "sort-indicator"))
        {
          GtkWidget *arrow = gtk_widget_get_next_sibling (child);
          const char *state = gtk_widget_has_css_class (arrow, "ascending") ? "up"
                              : gtk_widget_has_css_class (arrow, "descending") ? "down" : NULL;

          if (state != NULL)
            g_string_append_printf (out, "%s%s:%s", out->len > 0 ? " " : "",
                                    gtk_label_get_text (GTK_LABEL (child)), state);
        }
      append_arrows (child, out);
    }
}

static char *
header_arrows (GtkColumnView *view)
{
  GString *out = g_string_new (NULL);

  append_arrows (GTK_WIDGET (view), out);
  return g_string_free (out, FALSE);
}

static void
test_columns_and_sorting (void)
{
  g_autofree char *path = cl_test_records_ledger ();
  ClRecordsPage *page;
  ClWindow *window = window_on (path, &page);
  GtkColumnView *view = cl_records_page_get_column_view (page);
  ClEventQuery *query = cl_records_page_get_query (page);
  GMenuModel *menu, *columns_menu;
  gboolean descending;
  char *name;

  /* One column per refusable purpose, between Method and Country. */
  g_assert_nonnull (column_titled (view, "Measurement"));
  g_assert_nonnull (column_titled (view, "Personalized"));
  g_assert_nonnull (column_titled (view, "Advertisement"));
  g_assert_null (column_titled (view, "Strictly"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==, 9);

  /* A header click, as GTK 4.8 reports it: the page pushes the order into SQL. */
  gtk_column_view_sort_by_column (view, column_titled (view, "Subject"), GTK_SORT_ASCENDING);
  g_assert_cmpint (cl_event_query_get_sort (query), ==, CL_EVENT_SORT_SUBJECT);
  g_assert_false (cl_event_query_get_descending (query));
  assert_rows_shown (page, "ev-001 ev-002 ev-006 ev-003 ev-004 - ev-005");

  gtk_column_view_sort_by_column (view, column_titled (view, "Advertisement"),
                                  GTK_SORT_DESCENDING);
  g_assert_cmpint (cl_event_query_get_sort (query), ==, CL_EVENT_SORT_PURPOSE);
  g_assert_true (cl_event_query_get_descending (query));
  assert_rows_shown (page, "- ev-001 ev-005 ev-006 ev-002 ev-003 ev-004");

  /* From the keyboard, the Sort menu: its actions sort as a header click does, and follow
   * the headers. */
  g_object_get (page, "sort-column", &name, "sort-descending", &descending, NULL);
  g_assert_cmpstr (name, ==, "purpose:advertising");
  g_assert_true (descending);
  g_free (name);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "records.sort-column", "s",
                                             "subject"));
  g_assert_cmpint (cl_event_query_get_sort (query), ==, CL_EVENT_SORT_SUBJECT);
  g_assert_true (cl_event_query_get_descending (query));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "records.sort-descending", NULL));
  g_assert_false (cl_event_query_get_descending (query));
  assert_rows_shown (page, "ev-001 ev-002 ev-006 ev-003 ev-004 - ev-005");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "records.sort-column", "s",
                                             "time"));
  assert_rows_shown (page, "ev-001 ev-003 ev-004 ev-002 ev-006 ev-005 -");
  g_object_get (page, "sort-column", &name, "sort-descending", &descending, NULL);
  g_assert_cmpstr (name, ==, "time");
  g_assert_false (descending);
  g_free (name);
  /* The menu: every sortable column, in the view's order, then the order. */
  menu = gtk_menu_button_get_menu_model (cl_records_page_get_sort_button (page));
  columns_menu = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (columns_menu), ==, 9);
  g_assert_true (g_menu_model_get_item_attribute (columns_menu, 4, G_MENU_ATTRIBUTE_LABEL, "s",
                                                  &name));
  g_assert_cmpstr (name, ==, "Measurement");
  g_free (name);
  g_assert_true (g_menu_model_get_item_attribute (columns_menu, 8, G_MENU_ATTRIBUTE_TARGET, "s",
                                                  &name));
  g_assert_cmpstr (name, ==, "url");
  g_free (name);
  g_object_unref (columns_menu);

  /* No sorted column: newest first again. */
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  g_assert_cmpint (cl_event_query_get_sort (query), ==, CL_EVENT_SORT_TIME);
  g_assert_true (cl_event_query_get_descending (query));

  /* Selecting a row opens its subject. */
  wait_loaded (page);
  gtk_selection_model_select_item (gtk_column_view_get_model (view), 1, TRUE);
  cl_test_drain_main_loop ();
  g_assert_true (cl_records_page_get_subject_shown (page));
  g_assert_cmpstr (cl_subject_pane_get_title (cl_records_page_get_subject_pane (page)), ==,
                   "Subject A-7");

  cl_test_close_window (GTK_WINDOW (window));
}

/* Sorting from the Sort menu moves the header's arrow as a click would: on the sorted column,
 * and only there (GTK 4.8 would leave one on the column sorted before). */
static void
test_sort_menu (void)
{
  g_autofree char *path = cl_test_records_ledger ();
  ClRecordsPage *page;
  ClWindow *window = window_on (path, &page);
  GtkColumnView *view = cl_records_page_get_column_view (page);
  const struct
  {
    const char *action;
    const char *column;
    const char *arrows;
  } steps[] = {
    { NULL, NULL, "Time (UTC):down" },
    { "records.sort-column", "country", "Country:down" },
    { "records.sort-descending", NULL, "Country:up" },
    { "records.sort-column", "purpose:advertising", "Advertisement:up" },
    { "records.sort-column", "time", "Time (UTC):up" },
    { "records.sort-descending", NULL, "Time (UTC):down" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *arrows = NULL;

      if (steps[i].column != NULL)
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), steps[i].action, "s",
                                                   steps[i].column));
      else if (steps[i].action != NULL)
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), steps[i].action, NULL));
      wait_loaded (page);
      arrows = header_arrows (view);
      g_assert_cmpstr (arrows, ==, steps[i].arrows);
    }

  cl_test_close_window (GTK_WINDOW (window));
}

static void
test_empty_ledger (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  ClWindow *window = cl_window_new (NULL);
  ClRecordsPage *page;

  g_assert_true (cl_window_open_path (window, path, TRUE));
  gtk_window_present (GTK_WINDOW (window));
  page = CL_RECORDS_PAGE (cl_test_find_widget (GTK_WIDGET (window), CL_TYPE_RECORDS_PAGE));
  g_assert_cmpstr (cl_records_page_get_view (page), ==, "loading");
  wait_loaded (page);
  g_assert_cmpstr (cl_records_page_get_view (page), ==, "empty");
  g_assert_nonnull (cl_records_page_get_import_slot (page));
  cl_test_close_window (GTK_WINDOW (window));
}

/* Waits until widget has been laid out. */
static void
wait_allocated (GtkWidget *widget)
{
  for (guint i = 0; i < 200 && gtk_widget_get_width (widget) == 0; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  cl_test_drain_main_loop ();
}

/* At the default window size (1,100 px), with a subject open beside the list, the search entry
 * keeps room for an identifier and Import… stays whole, left of the subject pane, and the
 * count, on its own line, is whole. */
static void
test_toolbar_fits_beside_subject (void)
{
  g_autofree char *path = cl_test_records_ledger ();
  ClWindow *window = cl_window_new (NULL);
  ClRecordsPage *page;
  GtkWidget *search, *import = NULL, *pane, *count;
  graphene_rect_t import_bounds, pane_bounds;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  g_assert_true (cl_window_open_path (window, path, FALSE));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "records"));
  page = CL_RECORDS_PAGE (cl_test_find_widget (GTK_WIDGET (window), CL_TYPE_RECORDS_PAGE));
  wait_loaded (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "records.search", "s",
                                             "anna@example.se"));
  wait_loaded (page);
  g_assert_true (cl_records_page_get_subject_shown (page));

  pane = GTK_WIDGET (cl_records_page_get_subject_pane (page));
  search = cl_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (cl_records_page_get_import_slot (page)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child)
        && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), "records.import") == 0)
      import = child;
  g_assert_nonnull (import);
  wait_allocated (pane);
  wait_allocated (import);

  g_assert_cmpint (gtk_widget_get_width (search), >=, 120);
  g_assert_true (gtk_widget_compute_bounds (import, GTK_WIDGET (page), &import_bounds));
  g_assert_true (gtk_widget_compute_bounds (pane, GTK_WIDGET (page), &pane_bounds));
  g_assert_cmpfloat (import_bounds.origin.x + import_bounds.size.width, <=,
                     pane_bounds.origin.x);
  {
    int minimum, natural;

    /* Bounds, not gtk_widget_get_width (): the button's padding is part of its size. */
    gtk_widget_measure (import, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
    g_assert_cmpfloat (import_bounds.size.width, >=, natural);
  }
  /* The count is whole too: it has a line of its own under the toolbar. */
  count = cl_test_find_label (GTK_WIDGET (page), cl_records_page_get_count_text (page));
  g_assert_cmpstr (cl_records_page_get_count_text (page), ==, "3 of 7 events");
  g_assert_nonnull (count);
  wait_allocated (count);
  {
    int natural;

    gtk_widget_measure (count, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
    /* Its text changed with the search: give the layout a few frames to follow. */
    for (guint i = 0; i < 100 && gtk_widget_get_width (count) < natural; i++)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (5000);
      }
    g_assert_cmpint (gtk_widget_get_width (count), >=, natural);
    g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (count))));
  }

  cl_test_close_window (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  if (!cl_test_window_init (&argc, &argv))
    return 0;

  g_test_add_func ("/window/records/lists-and-searches", test_lists_and_searches);
  g_test_add_func ("/window/records/filters", test_filters);
  g_test_add_func ("/window/records/filters-popover", test_filters_popover);
  g_test_add_func ("/window/records/columns-and-sorting", test_columns_and_sorting);
  g_test_add_func ("/window/records/sort-menu", test_sort_menu);
  g_test_add_func ("/window/records/empty-ledger", test_empty_ledger);
  g_test_add_func ("/window/records/toolbar-fits-beside-subject",
                   test_toolbar_fits_beside_subject);

  return g_test_run ();
}
