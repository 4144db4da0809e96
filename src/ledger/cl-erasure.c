/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-erasure.c: deletes a subject's identifiers and events in one transaction, with
 * secure_delete on (freed space and pages are overwritten with zeros, not left readable) and a
 * WAL checkpoint that truncates the log, so the bytes are gone from the database, its WAL and
 * its journal. A keyed hash of each identifier stays behind so that an old consent log cannot
 * bring the subject back. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-audit.h"
#include "cl-erasure.h"
#include "cl-error.h"
#include "cl-file-scrub.h"
#include "cl-ledger-private.h"
#include "cl-request-subject.h"
#include "cl-tombstone.h"

/* What replaces an erased identifier inside a longer text. */
#define ERASED_MARK "[erased]"

/* Set, to the day, in the transaction of an erasure, and removed only once the file has been
 * cleared after it: a reader that kept the WAL from being emptied, or a crash in between,
 * leaves it behind, so that the next erasure or cl_erasure_clear_log clears all free space
 * (the values are not kept anywhere to aim at). */
#define CLEAR_PENDING_SETTING "erasure.clear_pending"

typedef struct
{
  char *kind;
  char *value;
} Identifier;

static void
identifier_clear (gpointer data)
{
  Identifier *identifier = data;

  /* Not left in freed memory either. */
  if (identifier->value != NULL)
    explicit_bzero (identifier->value, strlen (identifier->value));
  g_free (identifier->kind);
  g_free (identifier->value);
}

static gboolean
find_subject (ClLedger    *ledger,
              const char  *identifier,
              const char  *reference,
              gint64      *subject_id,
              GError     **error)
{
  if (identifier == NULL && reference == NULL)
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                           _("Name the subject to erase by an identifier or an erasure request"));
      return FALSE;
    }
  return cl_request_subject_for (ledger, identifier, reference, CL_REQUEST_TYPE_ERASURE,
                                 subject_id, NULL, error);
}

static gboolean
count_rows (ClLedger    *ledger,
            const char  *sql,
            gint64       subject_id,
            guint       *count,
            GError     **error)
{
  sqlite3_stmt *stmt = cl_ledger_statement (ledger, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, subject_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return cl_ledger_set_db_error (ledger, error, _("Could not count the subject’s records"));
  return TRUE;
}

gboolean
cl_erasure_preview (ClLedger         *ledger,
                    const char       *identifier,
                    const char       *reference,
                    ClErasureResult  *result,
                    GError          **error)
{
  gint64 subject_id = 0;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  return find_subject (ledger, identifier, reference, &subject_id, error)
         && count_rows (ledger, "SELECT count(*) FROM events WHERE subject_id = ?", subject_id,
                        &result->n_events, error)
         && count_rows (ledger, "SELECT count(*) FROM identifiers WHERE subject_id = ?",
                        subject_id, &result->n_identifiers, error);
}

static GArray *
read_identifiers (ClLedger  *ledger,
                  gint64     subject_id,
                  GError   **error)
{
  g_autoptr(GArray) identifiers = g_array_new (FALSE, TRUE, sizeof (Identifier));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (identifiers, identifier_clear);
  stmt = cl_ledger_statement (ledger,
                              "SELECT kind, value FROM identifiers WHERE subject_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, subject_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Identifier identifier = {
        g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
      };
      g_array_append_val (identifiers, identifier);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not read the subject’s identifiers"));
      return NULL;
    }
  return g_steal_pointer (&identifiers);
}

/* One tombstone per identifier, keyed with the ledger's secret exactly as the import checks. */
static gboolean
bury_identifiers (ClLedger    *ledger,
                  GArray      *identifiers,
                  const char  *reference,
                  const char  *today,
                  GError     **error)
{
  for (guint i = 0; i < identifiers->len; i++)
    {
      Identifier *identifier = &g_array_index (identifiers, Identifier, i);
      g_autofree char *hash = cl_tombstone_hash (ledger, identifier->kind, identifier->value);
      sqlite3_stmt *stmt;

      if (hash == NULL)
        {
          g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                               _("This ledger has no tombstone key, so an erased subject could "
                                 "come back with the next import; nothing was erased"));
          return FALSE;
        }
      stmt = cl_ledger_statement (ledger,
                                  "INSERT OR REPLACE INTO tombstones"
                                  " (identifier_hash, erased_at, request_ref) VALUES (?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
      if (reference != NULL)
        sqlite3_bind_text (stmt, 3, reference, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 3);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return cl_ledger_set_db_error (ledger, error, _("Could not record the erasure"));
    }
  return TRUE;
}

/* text with every occurrence of value (ASCII case ignored, as e-mail addresses are) replaced
 * by the mark; NULL when it holds none. */
static char *
replace_identifier (const char *text,
                    const char *value)
{
  g_autofree char *folded_text = g_ascii_strdown (text, -1);
  g_autofree char *folded_value = g_ascii_strdown (value, -1);
  gsize value_len = strlen (value);
  GString *result;
  const char *from = folded_text;
  const char *found;

  if (value_len == 0 || strstr (folded_text, folded_value) == NULL)
    return NULL;

  result = g_string_new (NULL);
  while ((found = strstr (from, folded_value)) != NULL)
    {
      g_string_append_len (result, text + (from - folded_text), found - from);
      g_string_append (result, ERASED_MARK);
      from = found + value_len;
    }
  g_string_append (result, text + (from - folded_text));
  return g_string_free (result, FALSE);
}

/* Request texts where an officer (or a file name) may have written the identifier. */
static const struct
{
  const char *table;
  const char *column;
} scrubbed_texts[] = {
  { "requests", "notes" },
  { "requests", "verification" },
  { "requests", "resolution" },
  { "requests", "extension_reason" },
  { "request_steps", "detail" },
  { "request_files", "path" },
};

static gboolean
scrub_column (ClLedger    *ledger,
              const char  *table,
              const char  *column,
              const char  *value,
              guint       *n_scrubbed,
              GError     **error)
{
  g_autofree char *select_sql = NULL;
  g_autofree char *update_sql = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  /* Table and column names come from the list above, never from input. */
  select_sql = g_strdup_printf ("SELECT id, %s FROM %s"
                                " WHERE instr (lower (%s), lower (?1)) > 0 OR instr (%s, ?1) > 0",
                                column, table, column, column);
  update_sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE id = ?", table, column);

  stmt = cl_ledger_statement (ledger, select_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *replaced = replace_identifier ((const char *) sqlite3_column_text (stmt, 1), value);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (replaced == NULL)
        continue;
      g_array_append_val (ids, id);
      g_ptr_array_add (texts, replaced);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not read the requests"));

  for (guint i = 0; i < ids->len; i++)
    {
      stmt = cl_ledger_statement (ledger, update_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, texts->pdata[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return cl_ledger_set_db_error (ledger, error, _("Could not update the requests"));
      (*n_scrubbed)++;
    }
  return TRUE;
}

/* Requests keep their history for accountability, but not the person's identifiers. */
static gboolean
scrub_requests (ClLedger    *ledger,
                gint64       subject_id,
                GArray      *identifiers,
                guint       *n_scrubbed,
                GError     **error)
{
  /* A fixed mark, never translated when stored: it is shown in the user's language
   * (cl_request_get_subject_display). */
  const char *erased_label = CL_REQUEST_ERASED_SUBJECT;
  sqlite3_stmt *stmt;

  stmt = cl_ledger_statement (ledger,
                              "UPDATE requests SET subject_label = ?1, subject_id = NULL"
                              " WHERE subject_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, erased_label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, subject_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not update the requests"));
  *n_scrubbed += sqlite3_changes (cl_ledger_get_db (ledger));

  for (guint i = 0; i < identifiers->len; i++)
    {
      const char *value = g_array_index (identifiers, Identifier, i).value;

      /* Requests made with the identifier before the subject was imported. */
      stmt = cl_ledger_statement (ledger,
                                  "UPDATE requests SET subject_label = ?1"
                                  " WHERE lower (trim (subject_label)) = lower (?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, erased_label, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return cl_ledger_set_db_error (ledger, error, _("Could not update the requests"));
      *n_scrubbed += sqlite3_changes (cl_ledger_get_db (ledger));

      for (guint t = 0; t < G_N_ELEMENTS (scrubbed_texts); t++)
        if (!scrub_column (ledger, scrubbed_texts[t].table, scrubbed_texts[t].column, value,
                           n_scrubbed, error))
          return FALSE;
    }
  return TRUE;
}

/* The audit log is append-only and hash-chained: what another feature wrote into it cannot be
 * taken back. Counted, so that the officer is told instead of reassured. */
static gboolean
count_audit_mentions (ClLedger  *ledger,
                      GArray    *identifiers,
                      guint     *n_mentions,
                      GError   **error)
{
  for (guint i = 0; i < identifiers->len; i++)
    {
      guint count = 0;
      sqlite3_stmt *stmt = cl_ledger_statement (ledger,
                                                "SELECT count(*) FROM audit_log"
                                                " WHERE instr (lower (detail), lower (?1)) > 0"
                                                "    OR instr (lower (object_id), lower (?1)) > 0",
                                                error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, g_array_index (identifiers, Identifier, i).value, -1,
                         SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        count = (guint) sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        return cl_ledger_set_db_error (ledger, error, _("Could not read the audit log"));
      *n_mentions += count;
    }
  return TRUE;
}

/* Runs sql, a DELETE of the rows of a subject (or a row) whose id is its one parameter. */
static gboolean
delete_rows (ClLedger    *ledger,
             const char  *sql,
             gint64       id,
             guint       *n_deleted,
             GError     **error)
{
  sqlite3_stmt *stmt = cl_ledger_statement (ledger, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not erase the subject"));
  if (n_deleted != NULL)
    *n_deleted = sqlite3_changes (cl_ledger_get_db (ledger));
  return TRUE;
}

/* The texts stored once for all the events that name them (see the schema's version 4). */
static const struct
{
  const char *list;    /* the subject's, before its events go */
  const char *delete;  /* one of them, once no event names it */
} shared_texts[] = {
  { "SELECT DISTINCT url_id FROM events WHERE subject_id = ? AND url_id IS NOT NULL",
    "DELETE FROM urls WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM events WHERE url_id = ?1)" },
  { "SELECT DISTINCT user_agent_id FROM events WHERE subject_id = ? AND user_agent_id IS NOT NULL",
    "DELETE FROM user_agents WHERE id = ?1"
    " AND NOT EXISTS (SELECT 1 FROM events WHERE user_agent_id = ?1)" },
};

static gboolean
list_ids (ClLedger    *ledger,
          const char  *sql,
          gint64       subject_id,
          GArray      *ids,
          GError     **error)
{
  sqlite3_stmt *stmt = cl_ledger_statement (ledger, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, subject_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not erase the subject"));
  return TRUE;
}

/* Deletes the events and, of the page URLs and user agents they named, those that no other
 * event names: a URL can carry the person's own data in its query, a rare user agent can tell
 * their device. Each check reads the events until the first that names the text, so a site's
 * common pages cost nothing; only a text that was the subject's alone is looked for in them
 * all. */
static gboolean
delete_events (ClLedger  *ledger,
               gint64     subject_id,
               guint     *n_events,
               GError   **error)
{
  GArray *ids[G_N_ELEMENTS (shared_texts)];
  gboolean ok = TRUE;
  guint t, i;

  for (t = 0; t < G_N_ELEMENTS (shared_texts); t++)
    {
      ids[t] = g_array_new (FALSE, FALSE, sizeof (gint64));
      ok = ok && list_ids (ledger, shared_texts[t].list, subject_id, ids[t], error);
    }
  ok = ok && delete_rows (ledger, "DELETE FROM events WHERE subject_id = ?", subject_id,
                          n_events, error);
  for (t = 0; ok && t < G_N_ELEMENTS (shared_texts); t++)
    for (i = 0; ok && i < ids[t]->len; i++)
      ok = delete_rows (ledger, shared_texts[t].delete, g_array_index (ids[t], gint64, i), NULL,
                        error);

  for (t = 0; t < G_N_ELEMENTS (shared_texts); t++)
    g_array_unref (ids[t]);
  return ok;
}

static gboolean
erase_in_transaction (ClLedger         *ledger,
                      gint64            subject_id,
                      GArray           *identifiers,
                      const char       *reference,
                      ClErasureResult  *result,
                      GError          **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%F");
  g_autofree char *object_id = g_strdup_printf ("#%" G_GINT64_FORMAT, subject_id);
  g_autofree char *detail = NULL;

  g_autofree char *pending = cl_ledger_get_setting (ledger, CLEAR_PENDING_SETTING);

  if ((pending == NULL
       && !cl_ledger_set_setting (ledger, CLEAR_PENDING_SETTING, today, error))
      || !bury_identifiers (ledger, identifiers, reference, today, error)
      || !scrub_requests (ledger, subject_id, identifiers, &result->n_texts_scrubbed, error)
      || !delete_events (ledger, subject_id, &result->n_events, error)
      || !delete_rows (ledger, "DELETE FROM identifiers WHERE subject_id = ?", subject_id,
                       &result->n_identifiers, error)
      || !delete_rows (ledger, "DELETE FROM subjects WHERE id = ?", subject_id, NULL, error)
      || !count_audit_mentions (ledger, identifiers, &result->n_audit_mentions, error))
    return FALSE;

  /* Names the subject only by its row number: the audit log never holds erased identifiers. */
  detail = g_strdup_printf ("Subject erased: %u consent events and %u identifiers deleted, "
                            "%u tombstones kept%s%s",
                            result->n_events, result->n_identifiers, identifiers->len,
                            reference != NULL ? "; request " : "",
                            reference != NULL ? reference : "");
  if (!cl_audit_append (ledger, "erase", "subject", object_id, detail, error))
    return FALSE;

  if (reference != NULL)
    {
      g_autofree char *step = g_strdup_printf ("Subject erased: %u consent events and %u "
                                               "identifiers deleted; a keyed fingerprint of each "
                                               "identifier is kept so that no import brings "
                                               "them back.",
                                               result->n_events, result->n_identifiers);
      if (!cl_request_add_step (ledger, reference, "erased", step, error))
        return FALSE;
    }
  return TRUE;
}

/* The tables whose rows can hold an identifier, and so copies of it in free space. */
static const char * const scrubbed_tables[] = {
  "identifiers", "requests", "request_steps", "request_files", NULL,
};

static gboolean
checkpoint (ClLedger  *ledger,
            GError   **error)
{
  int rc;

  /* The WAL still holds the page images written before and during the erasure: copy the
   * (overwritten) pages back into the database and truncate the log to nothing. */
  rc = sqlite3_wal_checkpoint_v2 (cl_ledger_get_db (ledger), NULL, SQLITE_CHECKPOINT_TRUNCATE,
                                  NULL, NULL);
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_CONFLICT,
                           _("Another program is reading the ledger, so its log file could not "
                             "be emptied; old copies of erased data stay in it until that "
                             "program closes the ledger and the log is cleared"));
      return FALSE;
    }
  if (rc != SQLITE_OK)
    return cl_ledger_set_db_error (ledger, error, _("Could not clear the ledger’s log"));
  return TRUE;
}

static gboolean
drop_pending (ClLedger  *ledger,
              GError   **error)
{
  sqlite3_stmt *stmt = cl_ledger_statement (ledger, "DELETE FROM settings WHERE key = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, CLEAR_PENDING_SETTING, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not record that the ledger file was "
                                                    "cleared"));
  return TRUE;
}

/* Empties the WAL, then overwrites the copies of values left in free space in the file (all
 * free space of those tables when values is NULL), then forgets that a clearing was pending.
 * When anything was overwritten, an audit entry says so: that commit also makes every other
 * connection drop its cached pages. */
static gboolean
clear_file (ClLedger            *ledger,
            const char * const  *values,
            guint               *n_zeroed,
            GError             **error)
{
  ClFileScrubResult scrub = { 0 };
  g_autofree char *detail = NULL;
  g_autofree char *pending = NULL;

  if (!checkpoint (ledger, error)
      || !cl_file_scrub (ledger, scrubbed_tables, values, &scrub, error))
    return FALSE;
  if (n_zeroed != NULL)
    *n_zeroed = scrub.n_zeroed;
  pending = cl_ledger_get_setting (ledger, CLEAR_PENDING_SETTING);
  if (scrub.n_zeroed == 0 && pending == NULL)
    return TRUE;

  if (!cl_ledger_begin (ledger, error))
    return FALSE;
  if (scrub.n_zeroed > 0)
    {
      detail = g_strdup_printf (values != NULL
                                ? "Erased data cleared from the ledger file: %u leftover copies "
                                  "overwritten in free space"
                                : "Free space of %u ledger pages overwritten, so that no "
                                  "leftover copy of erased data remains", scrub.n_zeroed);
      if (!cl_audit_append (ledger, "erase.clear", "ledger", "", detail, error))
        goto fail;
    }
  if ((pending != NULL && !drop_pending (ledger, error))
      || !cl_ledger_commit (ledger, error))
    goto fail;
  return TRUE;

fail:
  cl_ledger_rollback (ledger);
  return FALSE;
}

gboolean
cl_erasure_clear_log (ClLedger  *ledger,
                      guint     *n_pages,
                      GError   **error)
{
  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (!cl_ledger_in_transaction (ledger), FALSE);

  return clear_file (ledger, NULL, n_pages, error);
}

char *
cl_erasure_get_clear_pending (ClLedger *ledger)
{
  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);

  return cl_ledger_get_setting (ledger, CLEAR_PENDING_SETTING);
}

gboolean
cl_erasure_erase_subject (ClLedger         *ledger,
                          const char       *identifier,
                          const char       *reference,
                          GCancellable     *cancellable,
                          ClErasureResult  *result,
                          GError          **error)
{
  ClErasureResult counts = { 0 };
  g_autoptr(GError) log_error = NULL;
  g_autoptr(GArray) identifiers = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autofree char *pending = NULL;
  gint64 subject_id = 0;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (!cl_ledger_in_transaction (ledger), FALSE);

  /* An earlier erasure whose file was never cleared: this one clears all free space. */
  pending = cl_erasure_get_clear_pending (ledger);

  /* The connection's default, but the whole guarantee rests on it. */
  if (!cl_ledger_exec (ledger, "PRAGMA secure_delete = ON", error)
      || !cl_ledger_begin (ledger, error))
    return FALSE;
  if (!find_subject (ledger, identifier, reference, &subject_id, error)
      || !(identifiers = read_identifiers (ledger, subject_id, error))
      || !erase_in_transaction (ledger, subject_id, identifiers, reference, &counts, error)
      || g_cancellable_set_error_if_cancelled (cancellable, error)
      || !cl_ledger_commit (ledger, error))
    {
      cl_ledger_rollback (ledger);
      return FALSE;
    }

  /* The erasure itself is done and committed: a file that could not be cleared yet is
   * reported in the result, for the caller to tell the officer and retry. */
  for (guint i = 0; i < identifiers->len; i++)
    g_ptr_array_add (values, g_array_index (identifiers, Identifier, i).value);
  g_ptr_array_add (values, NULL);
  counts.log_cleared = clear_file (ledger,
                                   pending != NULL ? NULL : (const char * const *) values->pdata,
                                   NULL, &log_error);
  if (log_error != NULL)
    g_debug ("Erasure: %s", log_error->message);
  if (result != NULL)
    *result = counts;
  return TRUE;
}
