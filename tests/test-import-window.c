/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-window.c: Import… on the Consent Records page, through the path records.import
 * takes once files are chosen: the worker thread, the progress, the toast, the reload, the
 * error dialog that names FILE:LINE, and Cancel. */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "cl-consent-generator.h"
#include "cl-import-progress.h"
#include "cl-ledger-private.h"
#include "cl-records-page.h"
#include "cl-records-page-import.h"
#include "cl-test-utils.h"
#include "cl-window.h"
#include "cl-test-window.h"

static void
wait_loaded (ClRecordsPage *page)
{
  ClEventListModel *model = cl_records_page_get_model (page);

  cl_test_drain_main_loop ();
  while (model != NULL && cl_event_list_model_get_loading (model))
    g_main_context_iteration (NULL, TRUE);
  cl_test_drain_main_loop ();
}

static void
wait_imported (ClRecordsPage *page)
{
  while (cl_records_page_get_importing (page))
    g_main_context_iteration (NULL, TRUE);
  wait_loaded (page);
}

static GListModel *
files_of (const char *first,
          ...)
{
  GListStore *store = g_list_store_new (G_TYPE_FILE);
  va_list args;

  va_start (args, first);
  for (const char *path = first; path != NULL; path = va_arg (args, const char *))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_list_store_append (store, file);
    }
  va_end (args);
  return G_LIST_MODEL (store);
}

static gint64
count_events (ClWindow *window)
{
  sqlite3_stmt *stmt = cl_ledger_statement (cl_window_get_ledger (window),
                                            "SELECT count(*) FROM events", NULL);
  gint64 n;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* The error dialog, if one is open: closed, and its text returned. */
static char *
close_error_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        {
          char *body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (toplevel)));

          gtk_window_destroy (toplevel);
          cl_test_drain_main_loop ();
          return body;
        }
    }
  return NULL;
}

static void
test_import (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autofree char *jsonl = cl_test_data_path ("import/basic.jsonl");
  g_autofree char *csv = cl_test_data_path ("import/basic.csv");
  g_autofree char *bad = cl_test_data_path ("import/bad-method.jsonl");
  g_autofree char *where = g_strdup_printf ("%s:3: method", bad);
  g_autofree char *body = NULL;
  g_autoptr(GListModel) files = files_of (jsonl, csv, NULL);
  g_autoptr(GListModel) bad_files = files_of (bad, NULL);
  ClWindow *window = cl_window_new (NULL);
  ClRecordsPage *page;
  ClImportProgress *progress;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (cl_window_open_path (window, path, TRUE));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "records"));
  page = CL_RECORDS_PAGE (cl_test_find_widget (GTK_WIDGET (window), CL_TYPE_RECORDS_PAGE));
  wait_loaded (page);
  g_assert_cmpstr (cl_records_page_get_view (page), ==, "empty");
  progress = CL_IMPORT_PROGRESS (cl_test_find_widget (GTK_WIDGET (page), CL_TYPE_IMPORT_PROGRESS));
  g_assert_nonnull (progress);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (progress)));

  /* Two files, in a worker thread, with the progress bar shown meanwhile. */
  cl_records_page_import_files (page, files);
  g_assert_true (cl_records_page_get_importing (page));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (progress)));
  wait_imported (page);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (progress)));
  g_assert_cmpstr (cl_records_page_get_import_message (page), ==,
                   "Imported 7 events (5 new subjects, 0 duplicates skipped, "
                   "0 erased subjects skipped)");
  g_assert_cmpint (count_events (window), ==, 7);
  /* The page read the ledger again. */
  g_assert_cmpstr (cl_records_page_get_view (page), ==, "list");
  g_assert_cmpstr (cl_records_page_get_count_text (page), ==, "7 events");

  /* Again: nothing new, and the toast says so. */
  cl_records_page_import_files (page, files);
  wait_imported (page);
  g_assert_cmpstr (cl_records_page_get_import_message (page), ==,
                   "Imported 0 events (0 new subjects, 7 duplicates skipped, "
                   "0 erased subjects skipped)");

  /* Bad input: a dialog that names the file and the line, and the ledger as it was. */
  g_assert_null (close_error_dialog ());
  cl_records_page_import_files (page, bad_files);
  wait_imported (page);
  g_assert_true (g_str_has_prefix (cl_records_page_get_import_message (page), where));
  body = close_error_dialog ();
  g_assert_nonnull (body);
  g_assert_true (g_str_has_prefix (body, where));
  g_assert_cmpint (count_events (window), ==, 7);

  cl_test_close_window (GTK_WINDOW (window));
}

static void
test_cancel (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autofree char *log = g_build_filename (dir, "big.csv", NULL);
  g_autoptr(GListModel) files = files_of (log, NULL);
  g_autoptr(GError) error = NULL;
  ClConsentGeneratorOptions options;
  ClWindow *window = cl_window_new (NULL);
  ClRecordsPage *page;
  ClImportProgress *progress;

  cl_consent_generator_options_init (&options);
  options.n_events = 30000;
  g_assert_true (cl_consent_generate_to_file (&options, log, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (cl_window_open_path (window, path, TRUE));
  gtk_window_present (GTK_WINDOW (window));
  page = CL_RECORDS_PAGE (cl_test_find_widget (GTK_WIDGET (window), CL_TYPE_RECORDS_PAGE));
  wait_loaded (page);
  progress = CL_IMPORT_PROGRESS (cl_test_find_widget (GTK_WIDGET (page), CL_TYPE_IMPORT_PROGRESS));

  cl_records_page_import_files (page, files);
  g_assert_true (cl_import_progress_get_running (progress));
  cl_import_progress_cancel (progress);
  wait_imported (page);
  g_assert_cmpstr (cl_records_page_get_import_message (page), ==,
                   "Import cancelled; the ledger is as it was");
  g_assert_cmpint (count_events (window), ==, 0);
  g_assert_cmpstr (cl_records_page_get_view (page), ==, "empty");

  /* Not cancelled, the same file goes in, and the bar moved on the way. */
  cl_records_page_import_files (page, files);
  wait_imported (page);
  g_assert_cmpint (count_events (window), ==, 30000);
  g_assert_cmpfloat (cl_import_progress_get_fraction (progress), >, 0.0);
  g_assert_cmpstr (cl_records_page_get_count_text (page), ==, "30,000 events");

  cl_test_close_window (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  if (!cl_test_window_init (&argc, &argv))
    return 0;

  g_test_add_func ("/window/import/files", test_import);
  g_test_add_func ("/window/import/cancel", test_cancel);

  return g_test_run ();
}
