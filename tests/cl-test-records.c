/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-test-records.c: fills a test ledger with known consent events by SQL (tests only). */
#include "config.h"

#include <sqlite3.h>

#include "cl-ledger.h"
#include "cl-test-records.h"
#include "cl-test-utils.h"

char *
cl_test_records_ledger (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "records.db", NULL);
  g_autofree char *fixture = cl_test_data_path ("records-fixture.sql");
  g_autofree char *sql = NULL;
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;

  ledger = cl_ledger_open (path, &error);  /* creates and seeds it */
  g_assert_no_error (error);
  g_clear_object (&ledger);

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", fixture, message);
  sqlite3_close (db);
  return g_steal_pointer (&path);
}
