/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-requests-window.c: the Requests and Audit Log pages, driven through their actions on a
 * temporary ledger: create a request, see it in the register with its due date, verify and
 * close it; the New Request dialog's subject lookup; urgency shown in words and style; the
 * audit log's filters and verification. */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <stdio.h>

#include "cl-audit-page.h"
#include "cl-request-format.h"
#include "cl-requests-page.h"
#include "cl-test-utils.h"
#include "cl-window.h"
#include "cl-test-window.h"

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* Another connection (the window, a page's worker thread) may be writing: wait for it. */
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static ClWindow *
window_on_new_ledger (char **out_path)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "requests.db", NULL);
  ClWindow *window = cl_window_new (NULL);

  g_assert_true (cl_window_open_path (window, path, TRUE));
  run_sql (path,
           "INSERT INTO subjects (id, created_at) VALUES (1, '2026-01-01');"
           "INSERT INTO identifiers (subject_id, kind, value) VALUES"
           " (1, 'consent_id', 'c-7f3a9e'), (1, 'email', 'anna@example.se');");
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  cl_test_drain_main_loop ();
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return window;
}

/* The text every visible label and inscription under widget shows, one per line; with the
 * CSS class of its parent box when it has one of the urgency classes. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  /* Mapped, not merely visible: a stack's other pages are visible but not shown. */
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) || GTK_IS_INSCRIPTION (widget))
    {
      const char *value = GTK_IS_LABEL (widget) ? gtk_label_get_label (GTK_LABEL (widget))
                                                : gtk_inscription_get_text (GTK_INSCRIPTION (widget));
      GtkWidget *styled = gtk_widget_get_parent (widget);

      if (value != NULL)
        {
          g_string_append (text, value);
          if (gtk_widget_has_css_class (widget, "overdue")
              || (styled != NULL && gtk_widget_has_css_class (styled, "overdue")))
            g_string_append (text, " [overdue]");
          if (gtk_widget_has_css_class (widget, "due-soon")
              || (styled != NULL && gtk_widget_has_css_class (styled, "due-soon")))
            g_string_append (text, " [due-soon]");
          g_string_append_c (text, '\n');
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static char *
shown_text (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  collect_text (widget, text);
  return g_string_free (text, FALSE);
}

static void
assert_shows (GtkWidget  *widget,
              const char *part)
{
  g_autofree char *text = shown_text (widget);

  if (strstr (text, part) == NULL)
    g_error ("The widget does not show “%s”; it shows:\n%s", part, text);
}

/* The tooltip of a mapped widget under widget says text. */
static gboolean
has_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_tooltip (child, text))
      return TRUE;
  return FALSE;
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *column_view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;  /* the column view keeps it */
    }
  g_error ("No column titled “%s”", title);
  return NULL;
}

/* What the header menu's toggles do: the columns hidden at first are shown. The choice is
 * remembered (in GSettings, in memory for the tests): only the hidden ones are toggled. */
static void
show_all_columns (ClRequestsPage *page)
{
  static const struct { const char *action, *title; } optional[] = {
    { "register.show-reference", "Reference" },
    { "register.show-due", "Due" },
    { "register.show-received", "Received" },
  };
  GtkColumnView *view = GTK_COLUMN_VIEW (cl_test_find_widget (GTK_WIDGET (page),
                                                              GTK_TYPE_COLUMN_VIEW));

  for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
    if (!gtk_column_view_column_get_visible (column_titled (view, optional[i].title)))
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), optional[i].action, NULL));
  cl_test_drain_main_loop ();
}

static ClRequestsPage *
show_requests (ClWindow *window)
{
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "requests"));
  cl_test_drain_main_loop ();
  page = cl_test_find_widget (GTK_WIDGET (window), CL_TYPE_REQUESTS_PAGE);
  g_assert_nonnull (page);
  return CL_REQUESTS_PAGE (page);
}

static ClRequest *
load (const char *path,
      const char *reference)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);
  ClRequest *request;

  g_assert_no_error (error);
  request = cl_request_load (ledger, reference, &error);
  g_assert_no_error (error);
  return request;
}

static void
test_create_verify_close (void)
{
  g_autofree char *path = NULL;
  ClWindow *window = window_on_new_ledger (&path);
  ClRequestsPage *page = show_requests (window);
  GtkWidget *column_view = cl_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  ClRequestDetail *detail = cl_requests_page_get_detail (page);
  ClRequest *request;

  /* Empty register: the empty state. */
  g_assert_cmpuint (g_list_model_get_n_items (cl_requests_page_get_model (page)), ==, 0);
  assert_shows (GTK_WIDGET (page), "No Requests Yet");

  /* Create through the page action. Received Wed 3 Sep 2025 → due Mon 6 Oct. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.create", "(ssss)",
                                             "access", "anna@example.se", "2025-09-03", "gdpr"));
  cl_test_drain_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (cl_requests_page_get_model (page)), ==, 1);
  g_assert_nonnull (cl_requests_page_get_selected (page));
  g_assert_cmpstr (cl_request_get_reference (cl_requests_page_get_selected (page)), ==,
                   "DSR-2025-0001");
  g_assert_cmpstr (cl_requests_page_get_last_message (page), ==, "DSR-2025-0001 registered.");

  /* In the register, with its days left and its due date in their tooltip (today is fixed
   * at 10 Sep 2025); the reference and the dates are in the detail pane. */
  assert_shows (column_view, "26 days left");
  assert_shows (column_view, "anna@example.se");
  assert_shows (column_view, "Received");
  assert_shows (column_view, "Access");
  g_assert_true (has_tooltip (column_view, "26 days left — due Monday 6 October 2025"));
  assert_shows (GTK_WIDGET (detail), "DSR-2025-0001");
  {
    g_autofree char *text = shown_text (column_view);
    g_assert_null (strstr (text, "DSR-2025-0001"));
  }
  /* The header menu brings back the reference and the dates. */
  show_all_columns (page);
  assert_shows (column_view, "DSR-2025-0001");
  assert_shows (column_view, "6 Oct");
  assert_shows (column_view, "3 Sep");

  /* Verify: in progress, the method kept, a step on the timeline. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.verify", "s",
                                             "Replied from the e-mail address on file"));
  cl_test_drain_main_loop ();
  request = load (path, "DSR-2025-0001");
  g_assert_cmpint (cl_request_get_status (request), ==, CL_REQUEST_STATUS_IN_PROGRESS);
  g_assert_cmpstr (cl_request_get_verification (request), ==,
                   "Replied from the e-mail address on file");
  g_object_unref (request);
  assert_shows (GTK_WIDGET (detail), "Identity verified");
  assert_shows (GTK_WIDGET (detail), "Replied from the e-mail address on file");
  assert_shows (column_view, "In progress");

  /* Verifying twice is not possible: the action is off and does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (page), "requests.verify", "s", "again");
  cl_test_drain_main_loop ();
  request = load (path, "DSR-2025-0001");
  g_assert_cmpuint (cl_request_get_steps (request)->len, ==, 2);
  g_object_unref (request);

  /* Close it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.complete", "s",
                                             "Report sent by registered mail"));
  cl_test_drain_main_loop ();
  request = load (path, "DSR-2025-0001");
  g_assert_cmpint (cl_request_get_status (request), ==, CL_REQUEST_STATUS_COMPLETED);
  g_assert_cmpstr (cl_request_get_resolution (request), ==, "Report sent by registered mail");
  g_assert_cmpuint (cl_request_get_steps (request)->len, ==, 3);
  g_object_unref (request);
  assert_shows (column_view, "Completed");
  assert_shows (GTK_WIDGET (detail), "Report sent by registered mail");
  gtk_widget_activate_action (GTK_WIDGET (page), "requests.reject", "s", "too late");
  cl_test_drain_main_loop ();
  request = load (path, "DSR-2025-0001");
  g_assert_cmpint (cl_request_get_status (request), ==, CL_REQUEST_STATUS_COMPLETED);
  g_object_unref (request);

  cl_test_close_window (GTK_WINDOW (window));
}

static void
test_steps_and_refusals (void)
{
  g_autofree char *path = NULL;
  ClWindow *window = window_on_new_ledger (&path);
  ClRequestsPage *page = show_requests (window);
  ClRequestDetail *detail = cl_requests_page_get_detail (page);
  ClRequest *request;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.create", "(ssss)",
                                             "erasure", "c-7f3a9e", "2025-09-03", "gdpr"));
  cl_test_drain_main_loop ();

  /* Pause and resume: the clock stops, the pane says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.pause", "s",
                                             "Asked for the account id"));
  cl_test_drain_main_loop ();
  assert_shows (GTK_WIDGET (detail), "Paused, 26 days left");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.resume", NULL));
  cl_test_drain_main_loop ();

  /* Extend to the legal maximum, with a reason; a second extension is not offered. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.extend", "(ss)",
                                             "Archives in three systems", ""));
  cl_test_drain_main_loop ();
  request = load (path, "DSR-2025-0001");
  g_assert_true (cl_request_get_extended (request));
  g_object_unref (request);
  assert_shows (GTK_WIDGET (detail), "Extended: Archives in three systems");
  gtk_widget_activate_action (GTK_WIDGET (page), "requests.extend", "(ss)", "Again", "");

  /* A note. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.note", "s",
                                             "Phoned the subject"));
  cl_test_drain_main_loop ();
  assert_shows (GTK_WIDGET (detail), "Phoned the subject");

  /* Completing before the identity is verified is not offered: nothing changes. */
  gtk_widget_activate_action (GTK_WIDGET (page), "requests.complete", "s", "Done");
  cl_test_drain_main_loop ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.reject", "s",
                                             "Identity could not be verified"));
  cl_test_drain_main_loop ();
  request = load (path, "DSR-2025-0001");
  g_assert_cmpint (cl_request_get_status (request), ==, CL_REQUEST_STATUS_REJECTED);
  g_assert_cmpuint (cl_request_get_steps (request)->len, ==, 6);
  g_object_unref (request);
  assert_shows (GTK_WIDGET (detail), "Reason for rejection");

  /* Another page can point at a request. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.select", "s",
                                             "DSR-2025-0001"));
  cl_test_drain_main_loop ();
  g_assert_cmpstr (cl_request_get_reference (cl_requests_page_get_selected (page)), ==,
                   "DSR-2025-0001");

  cl_test_close_window (GTK_WINDOW (window));
}

static void
test_urgency_and_filters (void)
{
  g_autofree char *path = NULL;
  ClWindow *window = window_on_new_ledger (&path);
  ClRequestsPage *page = show_requests (window);
  GtkWidget *column_view = cl_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  g_autofree char *text = NULL;

  /* Overdue (due 1 Sep), due soon (15 Sep), plenty of time (6 Oct), unknown subject. */
  gtk_widget_activate_action (GTK_WIDGET (page), "requests.create", "(ssss)", "access",
                              "c-7f3a9e", "2025-07-31", "gdpr");
  gtk_widget_activate_action (GTK_WIDGET (page), "requests.create", "(ssss)", "erasure",
                              "c-7f3a9e", "2025-08-14", "gdpr");
  gtk_widget_activate_action (GTK_WIDGET (page), "requests.create", "(ssss)", "objection",
                              "nobody@example.org", "2025-09-03", "gdpr");
  cl_test_drain_main_loop ();
  g_assert_cmpstr (cl_requests_page_get_last_message (page), ==,
                   "DSR-2025-0003 registered. No subject in the ledger has the identifier given.");
  show_all_columns (page);

  /* Open ones by due date: the overdue one first. Urgency in words and in a style class. */
  {
    g_autoptr(ClRequest) first = g_list_model_get_item (cl_requests_page_get_model (page), 0);
    g_assert_cmpstr (cl_request_get_reference (first), ==, "DSR-2025-0001");
  }
  text = shown_text (column_view);
  if (strstr (text, "9 days overdue [overdue]") == NULL
      || strstr (text, "5 days left [due-soon]") == NULL
      || strstr (text, "1 Sep [overdue]") == NULL
      || strstr (text, "26 days left\n") == NULL)
    g_error ("Urgency not shown as expected:\n%s", text);

  /* The unknown subject is marked in the pane. */
  gtk_widget_activate_action (GTK_WIDGET (page), "requests.select", "s", "DSR-2025-0003");
  cl_test_drain_main_loop ();
  assert_shows (GTK_WIDGET (cl_requests_page_get_detail (page)),
                "No subject in the ledger has the identifier “nobody@example.org”");

  /* Filters: overdue only (a page action), a type, a status. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.overdue-only", NULL));
  cl_test_drain_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (cl_requests_page_get_model (page)), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.clear-filters", NULL));
  cl_test_drain_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (cl_requests_page_get_model (page)), ==, 3);
  g_object_set (page, "type-filter", "erasure", NULL);
  cl_test_drain_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (cl_requests_page_get_model (page)), ==, 1);
  g_object_set (page, "type-filter", "all", "status-filter", "completed", NULL);
  cl_test_drain_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (cl_requests_page_get_model (page)), ==, 0);
  assert_shows (GTK_WIDGET (page), "No Matching Requests");
  g_object_set (page, "status-filter", "open", NULL);
  cl_test_drain_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (cl_requests_page_get_model (page)), ==, 3);

  cl_test_close_window (GTK_WINDOW (window));
}

/* The references, in the order shown, joined by spaces. */
static char *
shown_order (ClRequestsPage *page)
{
  GListModel *model = cl_requests_page_get_model (page);
  GString *order = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ClRequest) request = g_list_model_get_item (model, i);
      g_string_append_printf (order, "%s%s", i > 0 ? " " : "",
                              cl_request_get_reference (request) + strlen ("DSR-2025-"));
    }
  return g_string_free (order, FALSE);
}

/* What a click on a header does (gtk_column_view_sort_by_column is the header's own handler),
 * then what the register shows, first row included. */
static void
assert_sorted (ClRequestsPage      *page,
               GtkColumnView       *column_view,
               const char          *title,
               GtkSortType          direction,
               const char          *expected)
{
  g_autofree char *order = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;

  gtk_column_view_sort_by_column (column_view,
                                  title != NULL ? column_titled (column_view, title) : NULL,
                                  direction);
  cl_test_drain_main_loop ();
  order = shown_order (page);
  if (g_strcmp0 (order, expected) != 0)
    g_error ("Sorted by %s: %s, expected %s", title != NULL ? title : "nothing", order, expected);
  /* The rows on screen follow: the first reference shown is the first of the order. */
  text = shown_text (GTK_WIDGET (column_view));
  first = g_strdup_printf ("DSR-2025-%.4s", expected);
  g_assert_nonnull (strstr (text, first));
  g_assert_true (strstr (text, first) < strstr (text, "DSR-2025-") + 1);
}

static void
test_sort_by_header (void)
{
  g_autofree char *path = NULL;
  ClWindow *window = window_on_new_ledger (&path);
  ClRequestsPage *page = show_requests (window);
  GtkColumnView *column_view = GTK_COLUMN_VIEW (cl_test_find_widget (GTK_WIDGET (page),
                                                                     GTK_TYPE_COLUMN_VIEW));

  /* 0001 access, due 1 Sep (overdue); 0002 erasure, due 15 Sep; 0003 objection, due 6 Oct;
   * 0004 portability, received 2 Sep, completed. Today is 10 Sep 2025. */
  gtk_widget_activate_action (GTK_WIDGET (page), "requests.create", "(ssss)", "access",
                              "c-7f3a9e", "2025-07-31", "gdpr");
  gtk_widget_activate_action (GTK_WIDGET (page), "requests.create", "(ssss)", "erasure",
                              "c-7f3a9e", "2025-08-14", "gdpr");
  gtk_widget_activate_action (GTK_WIDGET (page), "requests.create", "(ssss)", "objection",
                              "nobody@example.org", "2025-09-03", "gdpr");
  gtk_widget_activate_action (GTK_WIDGET (page), "requests.create", "(ssss)", "portability",
                              "c-7f3a9e", "2025-09-02", "gdpr");
  cl_test_drain_main_loop ();
  gtk_widget_activate_action (GTK_WIDGET (page), "requests.select", "s", "DSR-2025-0004");
  gtk_widget_activate_action (GTK_WIDGET (page), "requests.verify", "s", "passport");
  gtk_widget_activate_action (GTK_WIDGET (page), "requests.complete", "s", "sent");
  cl_test_drain_main_loop ();

  /* Every column, so that each header can be clicked. */
  show_all_columns (page);

  /* Unsorted: open ones first, soonest due; then the closed one. */
  assert_sorted (page, column_view, NULL, GTK_SORT_ASCENDING, "0001 0002 0003 0004");
  assert_sorted (page, column_view, "Reference", GTK_SORT_DESCENDING, "0004 0003 0002 0001");
  assert_sorted (page, column_view, "Type", GTK_SORT_ASCENDING, "0001 0002 0003 0004");
  assert_sorted (page, column_view, "Type", GTK_SORT_DESCENDING, "0004 0003 0002 0001");
  assert_sorted (page, column_view, "Received", GTK_SORT_DESCENDING, "0003 0004 0002 0001");
  assert_sorted (page, column_view, "Due", GTK_SORT_DESCENDING, "0003 0004 0002 0001");
  assert_sorted (page, column_view, "Status", GTK_SORT_DESCENDING, "0004 0001 0002 0003");
  assert_sorted (page, column_view, "Days Left", GTK_SORT_ASCENDING, "0001 0002 0003 0004");
  assert_sorted (page, column_view, "Days Left", GTK_SORT_DESCENDING, "0004 0003 0002 0001");

  /* The selection follows its request, and a reload keeps the order. */
  g_assert_cmpstr (cl_request_get_reference (cl_requests_page_get_selected (page)), ==,
                   "DSR-2025-0004");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.refresh", NULL));
  cl_test_drain_main_loop ();
  {
    g_autofree char *order = shown_order (page);
    g_assert_cmpstr (order, ==, "0004 0003 0002 0001");
  }

  /* Back to the default. */
  assert_sorted (page, column_view, NULL, GTK_SORT_ASCENDING, "0001 0002 0003 0004");
  cl_test_close_window (GTK_WINDOW (window));
}

static void
test_new_request_dialog (void)
{
  g_autofree char *path = NULL;
  ClWindow *window = window_on_new_ledger (&path);
  ClRequestsPage *page = show_requests (window);
  ClNewRequestDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.new", NULL));
  cl_test_drain_main_loop ();
  dialog = cl_requests_page_get_new_request_dialog (page);
  g_assert_nonnull (dialog);

  /* Looked up as it is typed: a warning when none matches, the identifiers when one does. */
  cl_new_request_dialog_set_subject (dialog, "nobody@example.org");
  cl_test_drain_main_loop ();
  g_assert_false (cl_new_request_dialog_get_subject_found (dialog));
  assert_shows (GTK_WIDGET (dialog), "Warning: no subject in the ledger has this identifier");

  cl_new_request_dialog_set_subject (dialog, "Anna@Example.se");
  cl_test_drain_main_loop ();
  g_assert_true (cl_new_request_dialog_get_subject_found (dialog));
  assert_shows (GTK_WIDGET (dialog), "consent id c-7f3a9e");

  /* The due date it will have, before it is created. */
  cl_new_request_dialog_set_request_type (dialog, CL_REQUEST_TYPE_PORTABILITY);
  cl_new_request_dialog_set_jurisdiction (dialog, CL_JURISDICTION_CCPA);
  cl_new_request_dialog_set_received (dialog, "2025-09-01");
  cl_test_drain_main_loop ();
  assert_shows (GTK_WIDGET (dialog), "Thursday 16 October 2025");

  /* A date in the future is refused in the dialog, which stays open. */
  cl_new_request_dialog_set_received (dialog, "2025-12-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL));
  cl_test_drain_main_loop ();
  g_assert_nonnull (cl_requests_page_get_new_request_dialog (page));
  assert_shows (GTK_WIDGET (dialog), "is in the future");

  cl_new_request_dialog_set_received (dialog, "2025-09-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL));
  cl_test_drain_main_loop ();
  g_assert_null (cl_requests_page_get_new_request_dialog (page));

  g_assert_cmpuint (g_list_model_get_n_items (cl_requests_page_get_model (page)), ==, 1);
  {
    ClRequest *request = cl_requests_page_get_selected (page);

    g_assert_cmpint (cl_request_get_request_type (request), ==, CL_REQUEST_TYPE_PORTABILITY);
    g_assert_cmpint (cl_request_get_jurisdiction (request), ==, CL_JURISDICTION_CCPA);
    g_assert_cmpint (cl_request_get_subject_id (request), ==, 1);
    g_assert_cmpstr (cl_request_get_subject_label (request), ==, "Anna@Example.se");
  }

  cl_test_close_window (GTK_WINDOW (window));
}

static void
wait_for_verification (ClAuditPage *page)
{
  for (guint i = 0; i < 500 && cl_audit_page_get_verify_result (page, NULL) == NULL; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  cl_test_drain_main_loop ();
  g_assert_nonnull (cl_audit_page_get_verify_result (page, NULL));
}

static void
test_audit_page (void)
{
  g_autofree char *path = NULL;
  ClWindow *window = window_on_new_ledger (&path);
  ClRequestsPage *requests = show_requests (window);
  ClAuditPage *page;
  gboolean ok = FALSE;

  gtk_widget_activate_action (GTK_WIDGET (requests), "requests.create", "(ssss)", "access",
                              "c-7f3a9e", "2025-09-03", "gdpr");
  gtk_widget_activate_action (GTK_WIDGET (requests), "requests.create", "(ssss)", "erasure",
                              "c-7f3a9e", "2025-09-04", "gdpr");
  cl_test_drain_main_loop ();
  gtk_widget_activate_action (GTK_WIDGET (requests), "requests.verify", "s", "Account login");
  cl_test_drain_main_loop ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "audit"));
  cl_test_drain_main_loop ();
  page = CL_AUDIT_PAGE (cl_test_find_widget (GTK_WIDGET (window), CL_TYPE_AUDIT_PAGE));

  /* Newest first: when, who, action, object, detail. */
  g_assert_cmpuint (g_list_model_get_n_items (cl_audit_page_get_model (page)), ==, 3);
  assert_shows (GTK_WIDGET (page), "Identity verified");
  assert_shows (GTK_WIDGET (page), "Request DSR-2025-0002");
  assert_shows (GTK_WIDGET (page), g_get_user_name ());
  assert_shows (GTK_WIDGET (page), "3 entries");

  /* Filters by object, action and date. */
  cl_audit_page_set_filters (page, "request", "dsr-2025-0001", NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cl_audit_page_get_model (page)), ==, 1);
  cl_audit_page_set_filters (page, NULL, NULL, "received", NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cl_audit_page_get_model (page)), ==, 2);
  cl_audit_page_set_filters (page, NULL, NULL, NULL, "2000-01-01", "2000-12-31");
  g_assert_cmpuint (g_list_model_get_n_items (cl_audit_page_get_model (page)), ==, 0);
  assert_shows (GTK_WIDGET (page), "No Matching Entries");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "audit.clear-filters", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (cl_audit_page_get_model (page)), ==, 3);

  /* Verify: intact. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "audit.verify", NULL));
  wait_for_verification (page);
  g_assert_nonnull (strstr (cl_audit_page_get_verify_result (page, &ok), "3 entries checked"));
  g_assert_true (ok);

  /* Edited behind the application's back: found, and the entry named. */
  run_sql (path, "DROP TRIGGER audit_log_no_update;"
                 "UPDATE audit_log SET detail = 'Nothing happened' WHERE id = 2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "audit.verify", NULL));
  wait_for_verification (page);
  g_assert_nonnull (strstr (cl_audit_page_get_verify_result (page, &ok), "entry 2"));
  g_assert_false (ok);
  assert_shows (GTK_WIDGET (page), "The audit log was tampered with: entry 2");

  cl_test_close_window (GTK_WINDOW (window));
}

/* The label under widget whose text holds part, or NULL. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *part)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), part) != NULL)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, part);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Shown whole: not ellipsized, and inside the page (not pushed past its right edge). */
static void
assert_fits (GtkWidget  *page,
             const char *part)
{
  GtkLabel *label = find_label (page, part);
  graphene_rect_t bounds;

  g_assert_nonnull (label);
  for (guint i = 0; i < 200 && gtk_widget_get_width (GTK_WIDGET (label)) == 0; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  cl_test_drain_main_loop ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    g_error ("“%s” is cut off at %d px", gtk_label_get_label (label), gtk_widget_get_width (page));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (label), page, &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (page));
}

/* At the default window size (1,100 px) the register's counts and the audit log's count are
 * read whole, however many of them there are. */
static void
test_summaries_fit (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "requests.db", NULL);
  ClWindow *window = cl_window_new (NULL);
  ClRequestsPage *requests;
  GtkWidget *audit;

  g_assert_true (cl_window_open_path (window, path, TRUE));
  run_sql (path,
           "INSERT INTO subjects (id, created_at) VALUES (1, '2026-01-01');"
           "INSERT INTO identifiers (subject_id, kind, value) VALUES (1, 'consent_id', 'c-7f3a9e');");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  cl_test_drain_main_loop ();
  requests = show_requests (window);

  /* One overdue, one due within 7 days, one paused: every part of the summary. */
  gtk_widget_activate_action (GTK_WIDGET (requests), "requests.create", "(ssss)", "access",
                              "c-7f3a9e", "2025-07-31", "gdpr");
  gtk_widget_activate_action (GTK_WIDGET (requests), "requests.create", "(ssss)", "erasure",
                              "c-7f3a9e", "2025-08-14", "gdpr");
  gtk_widget_activate_action (GTK_WIDGET (requests), "requests.create", "(ssss)", "portability",
                              "c-7f3a9e", "2025-09-03", "gdpr");
  cl_test_drain_main_loop ();
  gtk_widget_activate_action (GTK_WIDGET (requests), "requests.pause", "s", "Asked for ID");
  cl_test_drain_main_loop ();
  assert_fits (GTK_WIDGET (requests), "3 open · 1 overdue · 1 due within 7 days · 1 paused");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "audit"));
  cl_test_drain_main_loop ();
  audit = cl_test_find_widget (GTK_WIDGET (window), CL_TYPE_AUDIT_PAGE);
  assert_fits (audit, "4 entries");

  cl_test_close_window (GTK_WINDOW (window));
}

/* A column shown with the header menu is shown again in the next window; hidden again, it
 * stays hidden. */
static void
test_columns_remembered (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* As on a first run, whatever the tests before showed. */
  g_settings_reset (settings, "requests-show-reference");
  for (guint round = 0; round < 2; round++)
    {
      ClWindow *window = window_on_new_ledger (NULL);
      ClRequestsPage *page = show_requests (window);
      GtkColumnView *view = GTK_COLUMN_VIEW (cl_test_find_widget (GTK_WIDGET (page),
                                                                  GTK_TYPE_COLUMN_VIEW));
      GtkColumnViewColumn *reference = column_titled (view, "Reference");

      /* Hidden at first; shown in the second window because the first showed it. */
      g_assert_cmpint (gtk_column_view_column_get_visible (reference), ==, round == 1);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "register.show-reference",
                                                 NULL));
      g_assert_cmpint (gtk_column_view_column_get_visible (reference), ==, round == 0);
      cl_test_close_window (GTK_WINDOW (window));
    }
}

int
main (int    argc,
      char **argv)
{
  /* The clocks are read against a fixed day, so the register reads the same every run. */
  g_setenv ("CONSENT_LEDGER_TODAY", "2025-09-10", TRUE);
  if (!cl_test_window_init (&argc, &argv))
    return 0;

  g_test_add_func ("/requests-window/create-verify-close", test_create_verify_close);
  g_test_add_func ("/requests-window/steps-and-refusals", test_steps_and_refusals);
  g_test_add_func ("/requests-window/urgency-and-filters", test_urgency_and_filters);
  g_test_add_func ("/requests-window/sort-by-header", test_sort_by_header);
  g_test_add_func ("/requests-window/new-request-dialog", test_new_request_dialog);
  g_test_add_func ("/requests-window/audit-page", test_audit_page);
  g_test_add_func ("/requests-window/summaries-fit", test_summaries_fit);
  g_test_add_func ("/requests-window/columns-remembered", test_columns_remembered);

  return g_test_run ();
}
