/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reports-window.c: issue 6 in the window. On the report fixture, through the Requests
 * page's actions: create an access request, produce a report (it shows in the request's files)
 * and print it, export a portability request's data, and erase a subject through the
 * Erase Subject confirmation, then scan the ledger's bytes with the window still open. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cl-app-types.h"
#include "cl-overview-page.h"
#include "cl-requests-page.h"
#include "cl-test-report.h"
#include "cl-test-utils.h"
#include "cl-window.h"
#include "cl-test-window.h"

static gboolean
give_up (gpointer data)
{
  g_error ("The report job did not finish");
  return G_SOURCE_REMOVE;
}

/* Lets the worker thread finish and its result reach the window. */
static void
wait_until_idle (ClReportActions *actions)
{
  guint timeout = g_timeout_add_seconds (60, give_up, NULL);

  while (cl_report_actions_get_busy (actions))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  cl_test_drain_main_loop ();
}

static ClWindow *
window_on_fixture (char **out_dir,
                   char **out_path)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "window.db", NULL);
  ClLedger *ledger = cl_test_report_ledger (dir, "window.db");
  ClWindow *window;

  g_object_unref (ledger);
  window = cl_window_new (NULL);
  g_assert_true (cl_window_open_path (window, path, FALSE));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  cl_test_drain_main_loop ();
  *out_dir = g_steal_pointer (&dir);
  *out_path = g_steal_pointer (&path);
  return window;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static ClRequestsPage *
show_requests (ClWindow *window)
{
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "requests"));
  cl_test_drain_main_loop ();
  page = find_descendant (GTK_WIDGET (window), CL_TYPE_REQUESTS_PAGE);
  g_assert_nonnull (page);
  return CL_REQUESTS_PAGE (page);
}

/* A new request through the page, verified through the page; returns its reference. */
static char *
new_verified_request (ClRequestsPage *page,
                      const char     *type,
                      const char     *subject)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.create", "(ssss)",
                                             type, subject, "2026-03-02", "gdpr"));
  cl_test_drain_main_loop ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.verify", "s",
                                             "Passport checked at the front desk"));
  cl_test_drain_main_loop ();
  g_assert_nonnull (cl_request_get_verification (cl_requests_page_get_selected (page)));
  return g_strdup (cl_request_get_reference (cl_requests_page_get_selected (page)));
}

/* The events the Overview counted, once it is done counting. */
static guint64
overview_events (ClWindow *window)
{
  ClOverviewPage *overview =
    CL_OVERVIEW_PAGE (find_descendant (GTK_WIDGET (window), CL_TYPE_OVERVIEW_PAGE));

  cl_test_drain_main_loop ();
  while (cl_overview_page_get_busy (overview))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (cl_overview_page_get_stats (overview));
  return cl_overview_page_get_stats (overview)->n_events;
}

static gboolean
action_enabled (ClReportActions *actions,
                const char      *name)
{
  /* The widget's own action group, as its buttons see it. */
  GtkWidget *button = find_descendant (GTK_WIDGET (actions), GTK_TYPE_BUTTON);
  gboolean enabled = FALSE;

  for (; button != NULL; button = gtk_widget_get_next_sibling (button))
    if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), name) == 0)
      {
        enabled = gtk_widget_get_sensitive (button) && gtk_widget_get_visible (button);
        break;
      }
  return enabled;
}

static void
assert_private_pdf (const char *path)
{
  g_autoptr(GBytes) bytes = cl_test_read_bytes (path);
  GStatBuf st;

  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "%PDF-1."));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_report_print_export_erase (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  ClWindow *window = window_on_fixture (&dir, &path);
  ClRequestsPage *page = show_requests (window);
  ClReportActions *actions = cl_requests_page_get_report_actions (page);
  g_autofree char *access = NULL;
  g_autofree char *portability = NULL;
  g_autofree char *erasure = NULL;
  g_autofree char *report = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (dir, "export.json", NULL);
  g_autoptr(GBytes) report_bytes = NULL;
  g_autofree char *digest = NULL;
  AdwMessageDialog *dialog;
  ClRequestFile *file;
  ClRequest *request;
  guint64 events_before;

  g_assert_nonnull (actions);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (actions),
                                         GTK_WIDGET (cl_requests_page_get_detail (page))));

  /* An access request: Create Report… and Print…, once the identity is verified. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.create", "(ssss)",
                                             "access", "anna.lindqvist@example.se", "2026-03-02",
                                             "gdpr"));
  cl_test_drain_main_loop ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (actions)));
  g_assert_false (action_enabled (actions, "report.create"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.verify", "s",
                                             "Passport checked at the front desk"));
  cl_test_drain_main_loop ();
  access = g_strdup (cl_request_get_reference (cl_requests_page_get_selected (page)));
  g_assert_true (action_enabled (actions, "report.create"));
  g_assert_true (action_enabled (actions, "report.print"));
  g_assert_false (action_enabled (actions, "report.export"));
  g_assert_false (action_enabled (actions, "report.erase"));

  cl_report_actions_create_report (actions, CL_REPORT_FORMAT_PDF, report);
  g_assert_true (cl_report_actions_get_busy (actions));
  wait_until_idle (actions);
  assert_private_pdf (report);
  g_assert_nonnull (strstr (cl_requests_page_get_last_message (page), "Report written to"));

  /* The page reloaded the request: the file is among its files, with its digest. */
  request = cl_requests_page_get_selected (page);
  g_assert_cmpstr (cl_request_get_reference (request), ==, access);
  g_assert_cmpuint (cl_request_get_files (request)->len, ==, 1);
  file = g_ptr_array_index (cl_request_get_files (request), 0);
  report_bytes = cl_test_read_bytes (report);
  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, report_bytes);
  g_assert_cmpstr (file->sha256, ==, digest);
  g_assert_cmpstr (file->path, ==, report);

  /* Print… draws the same pages through GtkPrintOperation (into a PDF here). */
  cl_report_actions_print_to_file (actions, printed);
  wait_until_idle (actions);
  g_assert_cmpuint (cl_report_actions_get_printed_pages (actions), >=, 2);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (cl_test_read_bytes (printed), NULL),
                                   "%PDF-1."));
  g_assert_nonnull (strstr (cl_report_actions_get_last_message (actions), "was printed"));

  /* A portability request: Export Data…. */
  portability = new_verified_request (page, "portability", "B-2077");
  g_assert_true (action_enabled (actions, "report.export"));
  g_assert_false (action_enabled (actions, "report.create"));
  cl_report_actions_export_data (actions, exported);
  wait_until_idle (actions);
  g_assert_cmpuint (cl_request_get_files (cl_requests_page_get_selected (page))->len, ==, 1);
  g_assert_nonnull (strstr (cl_requests_page_get_last_message (page), "Data exported to"));

  /* An erasure request: the confirmation names what will go; Cancel keeps everything. */
  erasure = new_verified_request (page, "erasure", "c-anna-phone-99b1");
  g_assert_true (action_enabled (actions, "report.erase"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (actions), "report.erase", NULL));
  dialog = cl_report_actions_get_erase_dialog (actions);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Erase Subject?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "4 consent events and 4 identifiers"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "erase"), ==,
                   "_Erase Subject");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "erase"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  adw_message_dialog_response (dialog, "cancel");
  cl_test_drain_main_loop ();
  g_assert_false (cl_report_actions_get_busy (actions));
  g_assert_null (cl_report_actions_get_erase_dialog (actions));

  events_before = overview_events (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (actions), "report.erase", NULL));
  dialog = cl_report_actions_get_erase_dialog (actions);
  adw_message_dialog_response (dialog, "erase");
  wait_until_idle (actions);
  /* The Overview, not shown, counted again without the subject's events. */
  g_assert_cmpuint (overview_events (window), ==, events_before - 4);
  g_assert_cmpstr (cl_requests_page_get_last_message (page), ==,
                   "Subject erased: 4 consent events and 4 identifiers deleted.");
  request = cl_requests_page_get_selected (page);
  g_assert_cmpstr (cl_request_get_reference (request), ==, erasure);
  g_assert_cmpstr (cl_request_get_subject_label (request), ==, "(erased subject)");

  /* With the window (and its own connection) still open: nothing of Anna in the files. */
  {
    static const char * const suffixes[] = { "", "-wal", "-journal", "-shm" };

    for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
      {
        g_autofree char *name = g_strconcat (path, suffixes[s], NULL);
        g_autoptr(GBytes) bytes = NULL;

        if (!g_file_test (name, G_FILE_TEST_EXISTS))
          continue;
        bytes = cl_test_read_bytes (name);
        for (guint i = 0; cl_test_anna_identifiers[i] != NULL; i++)
          g_assert_cmpuint (cl_test_count_bytes (bytes, cl_test_anna_identifiers[i]), ==, 0);
      }
  }
  /* The access request keeps its history, without the person. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.select", "s", access));
  cl_test_drain_main_loop ();
  g_assert_cmpstr (cl_request_get_subject_label (cl_requests_page_get_selected (page)), ==,
                   "(erased subject)");

  /* Create Report… asks for the file (and the format) first; closing the window closes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (actions), "report.create", NULL));
  cl_test_drain_main_loop ();
  g_assert_false (cl_report_actions_get_busy (actions));

  cl_test_close_window (GTK_WINDOW (window));
}

/* Closing the window while a job runs neither crashes nor leaks. */
static void
test_close_while_busy (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  ClWindow *window = window_on_fixture (&dir, &path);
  ClRequestsPage *page = show_requests (window);
  ClReportActions *actions = cl_requests_page_get_report_actions (page);
  g_autofree char *access = new_verified_request (page, "access", "B-2077");
  g_autofree char *report = g_build_filename (dir, "late.html", NULL);

  g_object_ref (actions);
  cl_report_actions_create_report (actions, CL_REPORT_FORMAT_HTML, report);
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (cl_report_actions_get_busy (actions))
    g_main_context_iteration (NULL, TRUE);
  cl_test_drain_main_loop ();
  g_assert_finalize_object (window);

  /* The worker thread lets go of its task (and the task of the widget) just after the result
   * reached the widget. */
  {
    gpointer weak = actions;
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    g_object_add_weak_pointer (G_OBJECT (actions), &weak);
    g_object_unref (actions);
    while (weak != NULL && g_get_monotonic_time () < deadline)
      {
        cl_test_drain_main_loop ();
        g_usleep (1000);
      }
    g_assert_null (weak);
  }
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("CONSENT_LEDGER_TODAY", "2026-03-10", TRUE);
  if (!cl_test_window_init (&argc, &argv))
    return 0;
  cl_app_ensure_types ();

  g_test_add_func ("/window/reports/report-print-export-erase", test_report_print_export_erase);
  g_test_add_func ("/window/reports/close-while-busy", test_close_while_busy);

  return g_test_run ();
}
