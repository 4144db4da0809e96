/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-test-records.c: a test ledger with known consent events, imported from a fixture. */
#include "config.h"

#include <sqlite3.h>

#include "cl-consent-import.h"
#include "cl-ledger.h"
#include "cl-test-records.h"
#include "cl-test-utils.h"

char *
cl_test_records_ledger (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "records.db", NULL);
  g_autofree char *fixture = cl_test_data_path ("records-fixture.jsonl");
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClConsentImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* The real import, as consentctl import consents and Import… do it. */
  ledger = cl_ledger_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (cl_consent_import_file (ledger, fixture, 0, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_imported, ==, 7);
  g_assert_cmpuint (result->n_new_subjects, ==, 3);
  return g_steal_pointer (&path);
}

void
cl_test_records_exec (const char *path,
                      const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

void
cl_test_records_add_bulk (const char *path,
                          guint       n)
{
  g_autofree char *sql =
    g_strdup_printf ("WITH RECURSIVE n (x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < %u)"
                     " INSERT INTO events (event_id, content_hash, subject_id, identifier_id,"
                     "                     recorded_at, policy_id, method, granted, denied)"
                     " SELECT 'bulk-' || x, randomblob (16), 2, 4, 1700000000000 + x * 1000, 2,"
                     "        x %% 5, CASE WHEN x %% 2 THEN 16 ELSE 0 END,"
                     "        CASE WHEN x %% 2 THEN 0 ELSE 16 END FROM n", n);

  cl_test_records_exec (path, sql);
}
