/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-test-fill.c: a small, slow, obviously correct stand-in for the consent import. */
#include "config.h"

#include <json-glib/json-glib.h>

#include "cl-ledger-private.h"
#include "cl-policy.h"
#include "cl-test-fill.h"
#include "cl-time.h"

static void
exec_ok (sqlite3 *db,
         int      rc)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("test fill: %s", sqlite3_errmsg (db));
}

static gint64
query_int64 (sqlite3    *db,
             const char *sql,
             const char *text,
             const char *text2)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  exec_ok (db, sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL));
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (text2 != NULL)
    sqlite3_bind_text (stmt, 2, text2, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gint64
ensure_identifier (sqlite3    *db,
                   gint64      subject_id,
                   const char *kind,
                   const char *value)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = query_int64 (db, "SELECT id FROM identifiers WHERE value = ? AND kind = ?",
                           value, kind);

  if (id != 0)
    return id;
  exec_ok (db, sqlite3_prepare_v2 (db, "INSERT INTO identifiers (subject_id, kind, value)"
                                   " VALUES (?, ?, ?)", -1, &stmt, NULL));
  sqlite3_bind_int64 (stmt, 1, subject_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, value, -1, SQLITE_TRANSIENT);
  exec_ok (db, sqlite3_step (stmt));
  sqlite3_finalize (stmt);
  return sqlite3_last_insert_rowid (db);
}

static int
method_from_string (const char *method)
{
  static const char * const names[] = { "accept_all", "reject_all", "custom", "withdraw", "gpc" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (names[i], method) == 0)
      return i;
  g_error ("test fill: unknown method %s", method);
}

static void
insert_line (ClLedger   *ledger,
             const char *line)
{
  sqlite3 *db = cl_ledger_get_db (ledger);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, line, -1);
  JsonObject *object, *identifiers = NULL, *decisions = NULL;
  const char *subject, *email = NULL, *account = NULL, *version = NULL;
  gint64 subject_id = 0, identifier_id, recorded_at = 0, policy_id = 0, event_id;
  gint64 granted = 0, denied = 0;
  sqlite3_stmt *stmt = NULL;

  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  subject = json_object_get_string_member (object, "subject");
  g_assert_true (cl_time_parse_rfc3339 (json_object_get_string_member (object, "recorded_at"),
                                        &recorded_at));
  if (json_object_has_member (object, "identifiers"))
    {
      identifiers = json_object_get_object_member (object, "identifiers");
      email = json_object_get_string_member_with_default (identifiers, "email", NULL);
      account = json_object_get_string_member_with_default (identifiers, "account", NULL);
    }
  if (json_object_has_member (object, "policy_version"))
    {
      version = json_object_get_string_member (object, "policy_version");
      g_assert_true (cl_policy_ensure (ledger, version, &policy_id, NULL));
    }

  /* Any known identifier names the subject. */
  subject_id = query_int64 (db, "SELECT subject_id FROM identifiers WHERE value = ? AND kind = ?",
                            subject, "consent_id");
  if (subject_id == 0 && email != NULL)
    subject_id = query_int64 (db, "SELECT subject_id FROM identifiers WHERE value = ? AND kind = ?",
                              email, "email");
  if (subject_id == 0 && account != NULL)
    subject_id = query_int64 (db, "SELECT subject_id FROM identifiers WHERE value = ? AND kind = ?",
                              account, "account");
  if (subject_id == 0)
    {
      exec_ok (db, sqlite3_exec (db, "INSERT INTO subjects (created_at) VALUES ('2026-01-01')",
                                 NULL, NULL, NULL));
      subject_id = sqlite3_last_insert_rowid (db);
    }
  identifier_id = ensure_identifier (db, subject_id, "consent_id", subject);
  if (email != NULL)
    ensure_identifier (db, subject_id, "email", email);
  if (account != NULL)
    ensure_identifier (db, subject_id, "account", account);

  if (json_object_has_member (object, "decisions"))
    {
      g_autoptr(GList) keys = NULL;

      decisions = json_object_get_object_member (object, "decisions");
      keys = json_object_get_members (decisions);
      for (GList *l = keys; l != NULL; l = l->next)
        {
          gint64 bit = query_int64 (db, "SELECT bit FROM purposes WHERE key = ?", l->data, NULL);
          if (json_object_get_boolean_member (decisions, l->data))
            granted |= G_GINT64_CONSTANT (1) << bit;
          else
            denied |= G_GINT64_CONSTANT (1) << bit;
        }
    }

  exec_ok (db, sqlite3_prepare_v2 (db,
                                   "INSERT INTO events (event_id, content_hash, subject_id,"
                                   " identifier_id, recorded_at, policy_id, method, granted,"
                                   " denied, gpc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   -1, &stmt, NULL));
  sqlite3_bind_text (stmt, 1, json_object_get_string_member (object, "event_id"), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 2, hash, 32, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, subject_id);
  sqlite3_bind_int64 (stmt, 4, identifier_id);
  sqlite3_bind_int64 (stmt, 5, recorded_at);
  if (policy_id != 0)
    sqlite3_bind_int64 (stmt, 6, policy_id);
  sqlite3_bind_int (stmt, 7, method_from_string (json_object_get_string_member (object, "method")));
  sqlite3_bind_int64 (stmt, 8, granted);
  sqlite3_bind_int64 (stmt, 9, denied);
  sqlite3_bind_int (stmt, 10, json_object_get_boolean_member_with_default (object, "gpc", FALSE));
  exec_ok (db, sqlite3_step (stmt));
  sqlite3_finalize (stmt);
  event_id = sqlite3_last_insert_rowid (db);

  /* Ties go to the later event, as in the import. */
  {
    g_autofree char *sql =
      g_strdup_printf ("UPDATE subjects SET latest_event_id = %" G_GINT64_FORMAT
                       " WHERE id = %" G_GINT64_FORMAT " AND (latest_event_id IS NULL OR"
                       " (SELECT recorded_at FROM events WHERE id = latest_event_id) <= %"
                       G_GINT64_FORMAT ")", event_id, subject_id, recorded_at);
    exec_ok (db, sqlite3_exec (db, sql, NULL, NULL, NULL));
  }
}

void
cl_test_fill_from_jsonl (ClLedger   *ledger,
                         const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_true (cl_ledger_begin (ledger, NULL));
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      insert_line (ledger, lines[i]);
  g_assert_true (cl_ledger_commit (ledger, NULL));
}
