/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-audit.c: each entry carries the SHA-256 of the previous one, so an edit or a deletion
 * made behind the application's back breaks the chain where it happened. */
#include "config.h"

#include "cl-audit.h"
#include "cl-error.h"
#include "cl-ledger-private.h"

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

static char *
entry_hash (const char *prev_hash,
            const char *at,
            const char *actor,
            const char *action,
            const char *object_type,
            const char *object_id,
            const char *detail)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *fields[] = { prev_hash, at, actor, action, object_type, object_id, detail };

  /* The unit separator keeps ("ab","c") and ("a","bc") apart. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_checksum_update (checksum, (const guchar *) fields[i], -1);
      g_checksum_update (checksum, (const guchar *) "\x1f", 1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static char *
last_hash (ClLedger  *ledger,
           GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = cl_ledger_statement (ledger, "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc == SQLITE_DONE)
    return g_strdup (GENESIS_HASH);
  cl_ledger_set_db_error (ledger, error, "Could not read the audit log");
  return NULL;
}

gboolean
cl_audit_append (ClLedger    *ledger,
                 const char  *action,
                 const char  *object_type,
                 const char  *object_id,
                 const char  *detail,
                 GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  const char *actor = g_get_user_name ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (action != NULL && object_type != NULL, FALSE);

  object_id = object_id != NULL ? object_id : "";
  detail = detail != NULL ? detail : "";

  if (!(prev_hash = last_hash (ledger, error)))
    return FALSE;
  hash = entry_hash (prev_hash, at, actor, action, object_type, object_id, detail);

  stmt = cl_ledger_statement (ledger,
                              "INSERT INTO audit_log (at, actor, action, object_type, object_id,"
                              "                       detail, prev_hash, hash)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, object_type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, object_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, detail, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, prev_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, hash, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, "Could not write the audit log");
  return TRUE;
}

#define COLUMN(i) ((const char *) sqlite3_column_text (stmt, (i)))

gboolean
cl_audit_verify (ClLedger  *ledger,
                 guint     *n_checked,
                 GError   **error)
{
  g_autofree char *expected_prev = g_strdup (GENESIS_HASH);
  sqlite3_stmt *stmt;
  guint checked = 0;
  int rc;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);

  stmt = cl_ledger_statement (ledger,
                              "SELECT id, at, actor, action, object_type, object_id, detail,"
                              "       prev_hash, hash FROM audit_log ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *recomputed = entry_hash (COLUMN (7), COLUMN (1), COLUMN (2), COLUMN (3),
                                                COLUMN (4), COLUMN (5), COLUMN (6));

      if (g_strcmp0 (COLUMN (7), expected_prev) != 0 || g_strcmp0 (COLUMN (8), recomputed) != 0)
        {
          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                       "The audit log was tampered with: entry %" G_GINT64_FORMAT
                       " does not match the chain (%s)",
                       (gint64) sqlite3_column_int64 (stmt, 0),
                       g_strcmp0 (COLUMN (7), expected_prev) != 0
                         ? "an entry before it was changed or deleted"
                         : "the entry itself was changed");
          if (n_checked != NULL)
            *n_checked = checked;
          sqlite3_reset (stmt);
          return FALSE;
        }
      g_free (expected_prev);
      expected_prev = g_strdup (COLUMN (8));
      checked++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, "Could not read the audit log");
  if (n_checked != NULL)
    *n_checked = checked;
  return TRUE;
}
