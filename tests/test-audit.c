/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-audit.c: the audit log's hash chain finds entries edited or deleted behind its back. */
#include "config.h"

#include <sqlite3.h>

#include "cl-audit-query.h"
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

static void
test_deleted_last_entries (void)
{
  g_autofree char *path = ledger_with_entries (5);

  /* A chain alone cannot tell a shortened log from a whole one: the head record can. */
  run_sql (path, "DELETE FROM audit_log WHERE id >= 4");
  assert_verify (path, FALSE, 3, "entry 5, the last one written, is missing");
}

static void
test_deleted_last_entry_then_appended (void)
{
  g_autofree char *path = ledger_with_entries (3);
  g_autoptr(GError) error = NULL;

  run_sql (path, "DELETE FROM audit_log WHERE id = 3");
  {
    g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (cl_ledger_begin (ledger, &error));
    g_assert_true (cl_audit_append (ledger, "test", "thing", "later", "", &error));
    g_assert_true (cl_ledger_commit (ledger, &error));
  }
  /* The new entry is numbered after the deleted one, so the gap shows. */
  assert_verify (path, FALSE, 2, "entry 3 is missing");
}

static void
test_deleted_first_entry (void)
{
  g_autofree char *path = ledger_with_entries (3);

  run_sql (path, "DELETE FROM audit_log WHERE id = 1");
  assert_verify (path, FALSE, 0, "the first entries are missing");
}

static void
test_renumbered_entries (void)
{
  g_autofree char *path = ledger_with_entries (4);

  /* Deleting one and renumbering the rest to hide the gap still breaks the chain. */
  run_sql (path, "DROP TRIGGER audit_log_no_update;"
                 "DELETE FROM audit_log WHERE id = 2;"
                 "UPDATE audit_log SET id = id - 1 WHERE id > 2;");
  assert_verify (path, FALSE, 1, "entry 2 does not match the chain");
}

static void
test_list_filters (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);
  static const struct { const char *action, *type, *id; } entries[] = {
    { "received", "request", "DSR-2026-0001" },
    { "verified", "request", "DSR-2026-0001" },
    { "received", "request", "DSR-2026-0002" },
    { "import", "consents", "log.jsonl" },
  };
  g_auto(GStrv) actions = NULL;
  g_auto(GStrv) types = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDate today, yesterday;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_assert_true (cl_ledger_begin (ledger, &error));
      g_assert_true (cl_audit_append (ledger, entries[i].action, entries[i].type, entries[i].id,
                                      "", &error));
      g_assert_true (cl_ledger_commit (ledger, &error));
    }

  {
    g_autoptr(GListStore) all = cl_audit_list (ledger, NULL, &error);
    g_autoptr(ClAuditEntry) first = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 4);
    first = g_list_model_get_item (G_LIST_MODEL (all), 0);
    g_assert_cmpstr (cl_audit_entry_get_action (first), ==, "import");  /* newest first */
  }
  {
    ClAuditFilter filter = { .object_type = "request", .object_id = "dsr-2026-0001" };
    g_autoptr(GListStore) found = cl_audit_list (ledger, &filter, &error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 2);
    g_assert_cmpint (cl_audit_count (ledger, &filter, &error), ==, 2);
  }
  {
    ClAuditFilter filter = { .action = "received", .limit = 1, .oldest_first = TRUE };
    g_autoptr(GListStore) found = cl_audit_list (ledger, &filter, &error);
    g_autoptr(ClAuditEntry) entry = g_list_model_get_item (G_LIST_MODEL (found), 0);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);
    g_assert_cmpstr (cl_audit_entry_get_object_id (entry), ==, "DSR-2026-0001");
    g_assert_cmpint (cl_audit_count (ledger, &filter, &error), ==, 2);
  }

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  yesterday = today;
  g_date_subtract_days (&yesterday, 1);
  {
    ClAuditFilter filter = { .since = &today, .until = &today };
    g_autoptr(GListStore) found = cl_audit_list (ledger, &filter, &error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 4);
  }
  {
    ClAuditFilter filter = { .until = &yesterday };
    g_autoptr(GListStore) found = cl_audit_list (ledger, &filter, &error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 0);
  }

  actions = cl_audit_list_actions (ledger, &error);
  types = cl_audit_list_object_types (ledger, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (actions), ==, 3);
  g_assert_cmpstr (types[0], ==, "consents");
  g_assert_cmpstr (types[1], ==, "request");
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
  g_test_add_func ("/audit/deleted-last-entries", test_deleted_last_entries);
  g_test_add_func ("/audit/deleted-last-entry-then-appended", test_deleted_last_entry_then_appended);
  g_test_add_func ("/audit/deleted-first-entry", test_deleted_first_entry);
  g_test_add_func ("/audit/renumbered-entries", test_renumbered_entries);
  g_test_add_func ("/audit/list-filters", test_list_filters);

  return g_test_run ();
}
