/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-erasure.c: deletes a subject's identifiers and events in one transaction, with
 * secure_delete on (freed pages are overwritten, not left readable) and a WAL checkpoint that
 * truncates the log, so the bytes are gone from the database, its WAL and its journal. A keyed
 * hash of each identifier stays behind so that an old consent log cannot bring the subject back. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-audit.h"
#include "cl-erasure.h"
#include "cl-error.h"
#include "cl-ledger-private.h"
#include "cl-tombstone.h"

static gboolean
find_subject (ClLedger       *ledger,
              const char     *identifier,
              sqlite3_int64  *subject_id,
              GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = cl_ledger_statement (ledger,
                              "SELECT subject_id FROM identifiers WHERE value = ? LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, identifier, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *subject_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, "Could not look up the subject");

  /* The identifier itself is not repeated: it may be all the caller has of a person. */
  g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND,
               _("No subject in this ledger has that identifier; nothing was erased"));
  return FALSE;
}

/* One tombstone per identifier; returns the identifiers' values for scrubbing requests. */
static GPtrArray *
bury_identifiers (ClLedger       *ledger,
                  sqlite3_int64   subject_id,
                  const char     *request_reference,
                  const char     *today,
                  GError        **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) kinds = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = cl_ledger_statement (ledger,
                              "SELECT kind, value FROM identifiers WHERE subject_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, subject_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (kinds, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      cl_ledger_set_db_error (ledger, error, "Could not read the subject’s identifiers");
      return NULL;
    }

  for (guint i = 0; i < values->len; i++)
    {
      g_autofree char *hash = cl_tombstone_hash (ledger, kinds->pdata[i], values->pdata[i]);

      stmt = cl_ledger_statement (ledger,
                                  "INSERT OR IGNORE INTO tombstones"
                                  " (identifier_hash, erased_at, request_ref) VALUES (?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
      if (request_reference != NULL)
        sqlite3_bind_text (stmt, 3, request_reference, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          cl_ledger_set_db_error (ledger, error, "Could not record the erasure");
          return NULL;
        }
    }
  return g_steal_pointer (&values);
}

/* Requests keep their history for accountability, but not the person's identifiers. */
static gboolean
scrub_requests (ClLedger       *ledger,
                sqlite3_int64   subject_id,
                GPtrArray      *values,
                guint          *n_scrubbed,
                GError        **error)
{
  const char *erased_label = _("(erased subject)");
  sqlite3_stmt *stmt;

  stmt = cl_ledger_statement (ledger,
                              "UPDATE requests SET subject_label = ?1, subject_id = NULL"
                              " WHERE subject_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, erased_label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, subject_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, "Could not update the requests");
  *n_scrubbed = sqlite3_changes (cl_ledger_get_db (ledger));

  for (guint i = 0; i < values->len; i++)
    {
      stmt = cl_ledger_statement (ledger,
                                  "UPDATE requests SET subject_label = ?1 WHERE subject_label = ?2",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, erased_label, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, values->pdata[i], -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return cl_ledger_set_db_error (ledger, error, "Could not update the requests");
      *n_scrubbed += sqlite3_changes (cl_ledger_get_db (ledger));
    }
  return TRUE;
}

static gboolean
delete_rows (ClLedger       *ledger,
             const char     *sql,
             sqlite3_int64   subject_id,
             guint          *n_deleted,
             GError        **error)
{
  sqlite3_stmt *stmt = cl_ledger_statement (ledger, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, subject_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, "Could not erase the subject");
  if (n_deleted != NULL)
    *n_deleted = sqlite3_changes (cl_ledger_get_db (ledger));
  return TRUE;
}

static gboolean
erase_in_transaction (ClLedger         *ledger,
                      sqlite3_int64     subject_id,
                      const char       *request_reference,
                      ClErasureResult  *result,
                      GError          **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%F");
  g_autofree char *object_id = g_strdup_printf ("#%" G_GINT64_FORMAT, (gint64) subject_id);
  g_autofree char *detail = NULL;
  g_autoptr(GPtrArray) values = NULL;

  values = bury_identifiers (ledger, subject_id, request_reference, today, error);
  if (values == NULL
      || !scrub_requests (ledger, subject_id, values, &result->n_requests_scrubbed, error)
      || !delete_rows (ledger, "DELETE FROM events WHERE subject_id = ?", subject_id,
                       &result->n_events, error)
      || !delete_rows (ledger, "DELETE FROM identifiers WHERE subject_id = ?", subject_id,
                       &result->n_identifiers, error)
      || !delete_rows (ledger, "DELETE FROM subjects WHERE id = ?", subject_id, NULL, error))
    return FALSE;

  /* Names the subject only by its row number: the audit log never holds erased identifiers. */
  detail = g_strdup_printf ("erased %u events and %u identifiers%s%s",
                            result->n_events, result->n_identifiers,
                            request_reference != NULL ? "; request " : "",
                            request_reference != NULL ? request_reference : "");
  return cl_audit_append (ledger, "erase", "subject", object_id, detail, error);
}

/* The WAL still holds older page images with the identifiers in them: copy the (overwritten)
 * pages back into the database and truncate the log to nothing. A reader in another program
 * can hold the checkpoint back; then the officer must be told, not reassured. */
static gboolean
truncate_wal (ClLedger  *ledger,
              GError   **error)
{
  sqlite3_stmt *stmt = cl_ledger_statement (ledger, "PRAGMA wal_checkpoint(TRUNCATE)", error);
  gboolean busy;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return cl_ledger_set_db_error (ledger, error, "Could not clear the ledger’s log");
  busy = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (busy)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_DATABASE,
                   _("The subject was erased, but another program is reading the ledger, so old "
                     "copies may remain in its log file until that program closes the ledger"));
      return FALSE;
    }
  return TRUE;
}

gboolean
cl_erasure_erase_subject (ClLedger         *ledger,
                          const char       *identifier,
                          const char       *request_reference,
                          ClErasureResult  *result,
                          GError          **error)
{
  ClErasureResult counts = { 0 };
  sqlite3_int64 subject_id = 0;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (identifier != NULL, FALSE);

  if (!cl_ledger_begin (ledger, error))
    return FALSE;
  if (!find_subject (ledger, identifier, &subject_id, error)
      || !erase_in_transaction (ledger, subject_id, request_reference, &counts, error)
      || !cl_ledger_commit (ledger, error))
    {
      cl_ledger_rollback (ledger);
      return FALSE;
    }

  if (!truncate_wal (ledger, error))
    return FALSE;

  if (result != NULL)
    *result = counts;
  return TRUE;
}
