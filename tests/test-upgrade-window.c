/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-upgrade-window.c: a ledger of an earlier format opens in a worker thread: the window
 * says it is upgrading, with the pages out of reach, then shows the ledger at the current
 * format; when the upgrade fails, it says why and keeps the ledger it had. */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "cl-ledger.h"
#include "cl-overview-page.h"
#include "cl-schema.h"
#include "cl-test-utils.h"
#include "cl-test-window.h"
#include "cl-upgrade-status.h"
#include "cl-window.h"

/* A ledger left at the format before the latest, with three events of two subjects, in WAL
 * mode as the app leaves its ledgers. Written with SQL of that format, not with the import,
 * which writes the latest one. */
static char *
make_older_ledger (const char *dir,
                   const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (cl_schema_migrate (db, 0, cl_schema_latest_version () - 1, &error));
  g_assert_no_error (error);
  sqlite3_exec (db, "PRAGMA journal_mode = WAL;"
                    "INSERT INTO subjects (id, created_at) VALUES"
                    " (1, '2026-01-01'), (2, '2026-01-02');"
                    "INSERT INTO identifiers (id, subject_id, kind, value) VALUES"
                    " (1, 1, 'consent_id', 'c-1'), (2, 2, 'consent_id', 'c-2');"
                    "INSERT INTO events (id, event_id, content_hash, subject_id, identifier_id,"
                    " recorded_at, method, granted, denied) VALUES"
                    " (1, 'ev-1', x'01', 1, 1, 1767225600000, 0, 28, 0),"
                    " (2, 'ev-2', x'02', 1, 1, 1767225700000, 1, 0, 28),"
                    " (3, 'ev-3', x'03', 2, 2, 1767225800000, 2, 4, 24);"
                    "UPDATE subjects SET latest_event_id = 2 WHERE id = 1;"
                    "UPDATE subjects SET latest_event_id = 3 WHERE id = 2;",
                NULL, NULL, &message);
  g_assert_null (message);
  sqlite3_close (db);

  g_assert_true (cl_ledger_needs_upgrade (path, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static ClWindow *
new_window (void)
{
  ClWindow *window = cl_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));
  cl_test_drain_main_loop ();
  return window;
}

static void
wait_upgraded (ClWindow *window)
{
  while (cl_window_get_upgrading (window))
    g_main_context_iteration (NULL, TRUE);
  cl_test_drain_main_loop ();
}

static GtkWidget *
find_pages (ClWindow *window)
{
  GtkWidget *leaflet = cl_test_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET);

  g_assert_nonnull (leaflet);
  return leaflet;
}

/* What the officer sees while the upgrade runs: the status, not the pages. */
static void
assert_shows_upgrading (ClWindow   *window,
                        const char *basename)
{
  GtkWidget *status = cl_test_find_widget (GTK_WIDGET (window), CL_TYPE_UPGRADE_STATUS);
  AdwStatusPage *page;

  g_assert_nonnull (status);
  page = ADW_STATUS_PAGE (cl_test_find_widget (status, ADW_TYPE_STATUS_PAGE));
  g_assert_true (cl_window_get_upgrading (window));
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_false (gtk_widget_get_mapped (find_pages (window)));
  g_assert_false (gtk_widget_get_sensitive (find_pages (window)));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "Upgrading the Ledger…");
  g_assert_nonnull (strstr (adw_status_page_get_description (page), basename));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "only once"));
}

static void
assert_shows_pages (ClWindow *window)
{
  GtkWidget *status = cl_test_find_widget (GTK_WIDGET (window), CL_TYPE_UPGRADE_STATUS);

  g_assert_false (cl_window_get_upgrading (window));
  g_assert_false (gtk_widget_get_mapped (status));
  g_assert_true (gtk_widget_get_mapped (find_pages (window)));
  g_assert_true (gtk_widget_get_sensitive (find_pages (window)));
}

static void
test_upgrades_in_worker (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = make_older_ledger (dir, "older.db");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last = NULL;
  g_autoptr(GError) error = NULL;
  ClWindow *window = new_window ();
  ClWindow *second;
  ClOverviewPage *overview;
  ClLedger *ledger;
  const ClDashboardStats *stats;
  int version = -1;

  g_settings_set_string (settings, "last-ledger", "");

  /* cl_window_open_path returns at once, before the worker has migrated anything. */
  g_assert_true (cl_window_open_path (window, path, FALSE));
  assert_shows_upgrading (window, "older.db");
  g_assert_null (cl_window_get_ledger (window));

  /* The pages and what needs a ledger wait meanwhile. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "records");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
  g_assert_cmpstr (cl_window_get_page (window), ==, "overview");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, 1);

  wait_upgraded (window);
  assert_shows_pages (window);
  g_assert_null (cl_window_get_last_error (window));
  ledger = cl_window_get_ledger (window);
  g_assert_nonnull (ledger);
  g_assert_cmpstr (cl_ledger_get_path (ledger), ==, path);
  g_assert_cmpint (cl_ledger_get_schema_version (ledger), ==, cl_schema_latest_version ());
  g_assert_cmpstr (cl_window_get_ledger_title (window), ==, "older.db");
  last = g_settings_get_string (settings, "last-ledger");
  g_assert_cmpstr (last, ==, path);

  /* The Overview counts the ledger's events, which the upgrade kept. */
  overview = CL_OVERVIEW_PAGE (cl_test_find_widget (GTK_WIDGET (window), CL_TYPE_OVERVIEW_PAGE));
  cl_test_wait_counted (overview);
  stats = cl_overview_page_get_stats (overview);
  g_assert_nonnull (stats);
  g_assert_cmpuint (stats->n_events, ==, 3);
  g_assert_cmpuint (stats->n_subjects, ==, 2);

  /* The pages are back within reach. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "records"));
  g_assert_cmpstr (cl_window_get_page (window), ==, "records");

  /* The file is at the current format: the next open is at once, with no upgrade. */
  g_assert_false (cl_ledger_needs_upgrade (path, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, cl_schema_latest_version ());
  second = new_window ();
  g_assert_true (cl_window_open_path (second, path, FALSE));
  g_assert_false (cl_window_get_upgrading (second));
  g_assert_nonnull (cl_window_get_ledger (second));
  cl_test_close_window (GTK_WINDOW (second));

  cl_test_close_window (GTK_WINDOW (window));
}

/* Another program holds the older ledger's write lock: the upgrade gives up after the busy
 * timeout, the window says why and goes on showing the ledger it had open. */
static void
test_failure_keeps_previous (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *current = g_build_filename (dir, "current.db", NULL);
  g_autofree char *older = make_older_ledger (dir, "older.db");
  g_autoptr(GError) error = NULL;
  ClWindow *window = new_window ();
  ClLedger *previous;
  sqlite3 *db = NULL;
  int version = -1;

  g_assert_true (cl_window_open_path (window, current, TRUE));
  previous = cl_window_get_ledger (window);
  g_assert_nonnull (previous);

  g_assert_cmpint (sqlite3_open (older, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_true (cl_window_open_path (window, older, FALSE));
  assert_shows_upgrading (window, "older.db");
  /* Meanwhile another open waits for this one. */
  g_assert_false (cl_window_open_path (window, current, FALSE));
  g_assert_nonnull (strstr (cl_window_get_last_error (window), "Wait until"));

  wait_upgraded (window);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);

  assert_shows_pages (window);
  g_assert_true (cl_window_get_ledger (window) == previous);
  g_assert_cmpstr (cl_window_get_ledger_title (window), ==, "current.db");
  g_assert_nonnull (strstr (cl_window_get_last_error (window), "locked"));

  /* Nothing of the upgrade stayed: the file is still at its old format. */
  g_assert_true (cl_ledger_needs_upgrade (older, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, cl_schema_latest_version () - 1);

  cl_test_close_window (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  if (!cl_test_window_init (&argc, &argv))
    return 0;

  g_test_add_func ("/upgrade-window/upgrades-in-worker", test_upgrades_in_worker);
  g_test_add_func ("/upgrade-window/failure-keeps-previous", test_failure_keeps_previous);

  return g_test_run ();
}
