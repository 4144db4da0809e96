/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-audit.c: the audit log's hash chain finds entries edited or deleted behind its back. */
#include "config.h"

#include <sqlite3.h>

#include "cl-audit.h"
#include "cl-error.h"
#include "cl-test-utils.h"

static char *
ledger_with_entries (guint n)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i);
      g_assert_true (cl_ledger_begin (ledger, &error));
      g_assert_true (cl_audit_append (ledger, "test", "thing", id, "detail", &error));
      g_assert_true (cl_ledger_commit (ledger, &error));
      g_assert_no_error (error);
    }
  return path;
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
assert_verify (const char *path,
               gboolean    expect_ok,
               guint       expect_checked,
               const char *expect_in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);
  guint checked = 0;

  g_assert_no_error (error);
  g_assert_cmpint (cl_audit_verify (ledger, &checked, &error), ==, expect_ok);
  g_assert_cmpuint (checked, ==, expect_checked);
  if (expect_ok)
    g_assert_no_error (error);
  else
    {
      g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED);
      g_assert_nonnull (strstr (error->message, expect_in_message));
    }
}

static void
test_intact_chain (void)
{
  g_autofree char *path = ledger_with_entries (5);
  assert_verify (path, TRUE, 5, NULL);
}

static void
test_edited_entry (void)
{
  g_autofree char *path = ledger_with_entries (5);

  /* The trigger forbids UPDATE; someone with the sqlite3 shell drops it first. */
  run_sql (path, "DROP TRIGGER audit_log_no_update;"
                 "UPDATE audit_log SET detail = 'nothing happened' WHERE id = 3");
  assert_verify (path, FALSE, 2, "entry 3");
}

static void
test_deleted_entry (void)
{
  g_autofree char *path = ledger_with_entries (5);

  run_sql (path, "DELETE FROM audit_log WHERE id = 2");
  assert_verify (path, FALSE, 1, "entry 3");
}

static void
test_update_refused (void)
{
  g_autofree char *path = ledger_with_entries (1);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit_log SET actor = 'someone'", NULL, NULL, NULL),
                   !=, SQLITE_OK);
  sqlite3_close (db);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit/intact-chain", test_intact_chain);
  g_test_add_func ("/audit/edited-entry", test_edited_entry);
  g_test_add_func ("/audit/deleted-entry", test_deleted_entry);
  g_test_add_func ("/audit/update-refused", test_update_refused);

  return g_test_run ();
}
