/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-settings.c: the officer-editable settings: validated, saved, audited; and the CLI. */
#include "config.h"

#include <sqlite3.h>

#include "cl-error.h"
#include "cl-ledger.h"
#include "cl-settings.h"
#include "cl-test-utils.h"

static char *
new_ledger_path (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  return g_build_filename (dir, "settings.db", NULL);
}

static int
count_audit_entries (const char *path,
                     const char *object_id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int count;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM audit_log WHERE object_type = "
                                           "'setting' AND object_id = ?", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, object_id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

static void
test_change_and_audit (void)
{
  g_autofree char *path = new_ledger_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);
  g_autofree char *address = NULL;

  g_assert_no_error (error);
  g_assert_true (cl_settings_change (ledger, "company.address", "Storgatan 1, 811 81 Sandviken",
                                     &error));
  g_assert_no_error (error);
  address = cl_ledger_get_setting (ledger, "company.address");
  g_assert_cmpstr (address, ==, "Storgatan 1, 811 81 Sandviken");
  g_assert_cmpint (count_audit_entries (path, "company.address"), ==, 1);

  /* The same value again changes nothing and is not audited twice. */
  g_assert_true (cl_settings_change (ledger, "company.address", "Storgatan 1, 811 81 Sandviken",
                                     &error));
  g_assert_cmpint (count_audit_entries (path, "company.address"), ==, 1);
}

static void
test_refused_values (void)
{
  g_autofree char *path = new_ledger_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);
  const char *bad[][2] = {
    { "reconsent.months", "0" },
    { "reconsent.months", "61" },
    { "reconsent.months", "thirteen" },
    { "company.name", "   " },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) refused = NULL;
      g_assert_false (cl_settings_change (ledger, bad[i][0], bad[i][1], &refused));
      g_assert_error (refused, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
    }
  g_assert_cmpint (cl_ledger_get_setting_int (ledger, "reconsent.months", 0), ==, 13);
  g_assert_cmpint (count_audit_entries (path, "reconsent.months"), ==, 0);

  g_assert_false (cl_settings_change (ledger, "tombstone.key", "0000", &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND);
}

static void
test_cli (void)
{
  g_autofree char *path = new_ledger_path ();
  const char *set[] = { "--ledger", path, "settings", "set", "reconsent.months", "6", NULL };
  const char *bad[] = { "--ledger", path, "settings", "set", "reconsent.months", "0", NULL };
  const char *unknown[] = { "--ledger", path, "settings", "set", "colour", "blue", NULL };
  const char *list[] = { "--ledger", path, "settings", "--json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cl_test_run_consentctl (set, NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (cl_test_run_consentctl (bad, NULL, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "from 1 to 60"));
  g_assert_cmpint (cl_test_run_consentctl (unknown, NULL, NULL, NULL), ==, 2);
  g_assert_cmpint (cl_test_run_consentctl (list, NULL, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"reconsent.months\" : \"6\""));
  g_assert_nonnull (strstr (out, "\"company.name\" : \"Alleima AB\""));
  g_assert_null (strstr (out, "tombstone"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/settings/change-and-audit", test_change_and_audit);
  g_test_add_func ("/settings/refused-values", test_refused_values);
  g_test_add_func ("/settings/cli", test_cli);

  return g_test_run ();
}
