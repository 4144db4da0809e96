/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ledger-changed-window.c: what one page changes in the ledger, the others show without a
 * refresh: an import on the Consent Records page reaches the Overview's counts (through
 * win.ledger-changed, which the window relays to every page). */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "cl-overview-page.h"
#include "cl-records-page.h"
#include "cl-records-page-import.h"
#include "cl-test-utils.h"
#include "cl-window.h"
#include "cl-test-window.h"

static void
wait_imported (ClRecordsPage *page)
{
  ClEventListModel *model = cl_records_page_get_model (page);

  while (cl_records_page_get_importing (page))
    g_main_context_iteration (NULL, TRUE);
  while (cl_event_list_model_get_loading (model))
    g_main_context_iteration (NULL, TRUE);
  cl_test_drain_main_loop ();
}

static guint64
overview_events (ClOverviewPage *overview)
{
  const ClDashboardStats *stats = cl_overview_page_get_stats (overview);

  g_assert_nonnull (stats);
  return stats->n_events;
}

static void
test_import_reaches_overview (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autofree char *jsonl = cl_test_data_path ("import/basic.jsonl");
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = g_file_new_for_path (jsonl);
  ClWindow *window = cl_window_new (NULL);
  ClOverviewPage *overview;
  ClRecordsPage *page;
  guint64 before;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (cl_window_open_path (window, path, TRUE));
  gtk_window_present (GTK_WINDOW (window));
  overview = CL_OVERVIEW_PAGE (cl_test_find_widget (GTK_WIDGET (window), CL_TYPE_OVERVIEW_PAGE));
  page = CL_RECORDS_PAGE (cl_test_find_widget (GTK_WIDGET (window), CL_TYPE_RECORDS_PAGE));
  g_assert_nonnull (overview);
  g_assert_nonnull (page);

  /* The Overview has counted the new ledger; then the officer goes to Consent Records. */
  cl_test_wait_counted (overview);
  before = overview_events (overview);
  g_assert_cmpuint (before, ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "records"));
  cl_test_drain_main_loop ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (overview)));

  /* What records.import does once the file is chosen. */
  g_list_store_append (files, file);
  cl_records_page_import_files (page, G_LIST_MODEL (files));
  wait_imported (page);
  g_assert_cmpstr (cl_records_page_get_count_text (page), ==, "4 events");

  /* The Overview counted again by itself, while it was not even shown. */
  cl_test_wait_counted (overview);
  g_assert_cmpuint (overview_events (overview), ==, 4);
  g_assert_cmpstr (cl_overview_page_get_card_text (overview, "events"), ==, "4");
  g_assert_cmpstr (cl_window_get_page (window), ==, "records");

  cl_test_close_window (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  if (!cl_test_window_init (&argc, &argv))
    return 0;

  g_test_add_func ("/window/ledger-changed/import-reaches-overview",
                   test_import_reaches_overview);

  return g_test_run ();
}
