/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-audit.c: each entry carries the SHA-256 of the previous one, so an edit or a deletion
 * made behind the application's back breaks the chain where it happened. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

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

/* Where the chain ends: the id and hash of the last entry written. It is kept in the settings
 * as well as in the last row, so that deleting the newest entries is found too (a chain alone
 * cannot tell a shortened log from a complete one), and the next entry chains onto the deleted
 * one rather than quietly onto what is left. */
#define HEAD_SETTING "audit.head"

typedef struct
{
  gint64 id;
  char  *hash;
} Head;

static void
head_clear (Head *head)
{
  g_clear_pointer (&head->hash, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Head, head_clear)

static gboolean
parse_head (const char *text,
            Head       *head)
{
  g_auto(GStrv) parts = text != NULL ? g_strsplit (text, " ", 2) : NULL;
  guint64 id;

  if (parts == NULL || g_strv_length (parts) != 2
      || !g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXINT64, &id, NULL)
      || strlen (parts[1]) != 64)
    return FALSE;
  head->id = (gint64) id;
  head->hash = g_strdup (parts[1]);
  return TRUE;
}

/* The head from the settings, else (a ledger written before the head was kept) the last row. */
static gboolean
read_head (ClLedger  *ledger,
           Head      *head,
           GError   **error)
{
  g_autofree char *text = cl_ledger_get_setting (ledger, HEAD_SETTING);
  sqlite3_stmt *stmt;
  int rc;

  if (parse_head (text, head))
    return TRUE;

  stmt = cl_ledger_statement (ledger, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      head->id = sqlite3_column_int64 (stmt, 0);
      head->hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  else
    {
      head->id = 0;
      head->hash = g_strdup (GENESIS_HASH);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not read the audit log"));
  return TRUE;
}

static gint64
max_id (ClLedger  *ledger,
        GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 id = -1;

  stmt = cl_ledger_statement (ledger, "SELECT COALESCE(MAX(id), 0) FROM audit_log", error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else
    cl_ledger_set_db_error (ledger, error, _("Could not read the audit log"));
  sqlite3_reset (stmt);
  return id;
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
  g_autofree char *hash = NULL;
  g_autofree char *head_text = NULL;
  g_auto(Head) head = { 0 };
  const char *actor = g_get_user_name ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (action != NULL && object_type != NULL, FALSE);

  object_id = object_id != NULL ? object_id : "";
  detail = detail != NULL ? detail : "";

  if (!read_head (ledger, &head, error) || (id = max_id (ledger, error)) < 0)
    return FALSE;
  /* After the newest entries were deleted, the next id leaves the gap visible. */
  id = MAX (id, head.id) + 1;
  hash = entry_hash (head.hash, at, actor, action, object_type, object_id, detail);

  stmt = cl_ledger_statement (ledger,
                              "INSERT INTO audit_log (id, at, actor, action, object_type,"
                              "                       object_id, detail, prev_hash, hash)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, object_type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, object_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, detail, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, head.hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, hash, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not write the audit log"));

  head_text = g_strdup_printf ("%" G_GINT64_FORMAT " %s", id, hash);
  return cl_ledger_set_setting (ledger, HEAD_SETTING, head_text, error);
}

#define COLUMN(i) ((const char *) sqlite3_column_text (stmt, (i)))

static gboolean
tampered (GError     **error,
          guint       *n_checked,
          guint        checked,
          const char  *format,
          ...) G_GNUC_PRINTF (4, 5);

static gboolean
tampered (GError     **error,
          guint       *n_checked,
          guint        checked,
          const char  *format,
          ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
               /* Translators: %s says what was found, e.g. “entry 3 is missing; it was
                * deleted (entry 4 follows entry 2)”. */
               _("The audit log was tampered with: %s"), what);
  if (n_checked != NULL)
    *n_checked = checked;
  return FALSE;
}

gboolean
cl_audit_verify (ClLedger  *ledger,
                 guint     *n_checked,
                 GError   **error)
{
  g_autofree char *expected_prev = g_strdup (GENESIS_HASH);
  g_autofree char *head_text = NULL;
  g_auto(Head) head = { 0 };
  gboolean has_head;
  sqlite3_stmt *stmt;
  gint64 expected_id = 1;
  guint checked = 0;
  int rc;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);

  head_text = cl_ledger_get_setting (ledger, HEAD_SETTING);
  has_head = parse_head (head_text, &head);

  stmt = cl_ledger_statement (ledger,
                              "SELECT id, at, actor, action, object_type, object_id, detail,"
                              "       prev_hash, hash FROM audit_log ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *recomputed = entry_hash (COLUMN (7), COLUMN (1), COLUMN (2), COLUMN (3),
                                                COLUMN (4), COLUMN (5), COLUMN (6));

      if (id != expected_id)
        {
          sqlite3_reset (stmt);
          if (expected_id == 1)
            return tampered (error, n_checked, checked,
                             _("the first entries are missing; they were deleted (the log "
                               "starts at entry %" PRId64 ")"), id);
          if (id > expected_id + 1)
            return tampered (error, n_checked, checked,
                             _("entries %" PRId64 " to %" PRId64 " are missing; they were "
                               "deleted (entry %" PRId64 " follows entry %" PRId64 ")"),
                             expected_id, id - 1, id, expected_id - 1);
          return tampered (error, n_checked, checked,
                           _("entry %" PRId64 " is missing; it was deleted (entry %" PRId64
                             " follows entry %" PRId64 ")"),
                           expected_id, id, expected_id - 1);
        }
      if (g_strcmp0 (COLUMN (7), expected_prev) != 0 || g_strcmp0 (COLUMN (8), recomputed) != 0)
        {
          gboolean self_changed = g_strcmp0 (COLUMN (7), expected_prev) == 0;

          sqlite3_reset (stmt);
          return tampered (error, n_checked, checked,
                           /* Translators: %s is “the entry itself was changed” or “an
                            * entry before it was changed or deleted”. */
                           _("entry %" PRId64 " does not match the chain (%s)"), id,
                           self_changed ? _("the entry itself was changed")
                                        : _("an entry before it was changed or deleted"));
        }
      g_free (expected_prev);
      expected_prev = g_strdup (COLUMN (8));
      expected_id++;
      checked++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not read the audit log"));

  /* The chain is whole; is it also complete? */
  if (has_head && (head.id != expected_id - 1 || g_strcmp0 (head.hash, expected_prev) != 0))
    {
      if (head.id > expected_id - 1)
        return tampered (error, n_checked, checked,
                         _("entry %" PRId64 ", the last one written, is missing; the newest "
                           "entries were deleted (the log now ends at entry %" PRId64 ")"),
                         head.id, expected_id - 1);
      return tampered (error, n_checked, checked,
                       _("entry %" PRId64 " is not the last entry the ledger wrote (that "
                         "was entry %" PRId64 ")"), expected_id - 1, head.id);
    }
  if (n_checked != NULL)
    *n_checked = checked;
  return TRUE;
}
