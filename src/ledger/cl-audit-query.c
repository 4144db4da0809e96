/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-audit-query.c: browsing the audit log. One statement per order, its filters bound as
 * parameters that are NULL when unused, so nothing from a form reaches the SQL text. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-audit-query.h"
#include "cl-error.h"
#include "cl-ledger-private.h"

#define WHERE \
  " WHERE (?1 IS NULL OR object_type = ?1)" \
  "   AND (?2 IS NULL OR instr (lower (object_id), lower (?2)) > 0)" \
  "   AND (?3 IS NULL OR action = ?3)" \
  "   AND (?4 IS NULL OR at >= ?4)" \
  "   AND (?5 IS NULL OR at < ?5)"

#define COLUMNS "SELECT id, at, actor, action, object_type, object_id, detail FROM audit_log"

static char *
day_text (const GDate *date,
          int          add_days)
{
  GDate day = *date;

  g_date_add_days (&day, add_days);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&day), g_date_get_month (&day),
                          g_date_get_day (&day));
}

static void
bind_optional (sqlite3_stmt *stmt,
               int           column,
               const char   *text)
{
  if (text != NULL && text[0] != '\0')
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

static void
bind_filter (sqlite3_stmt        *stmt,
             const ClAuditFilter *filter)
{
  /* Timestamps are ISO 8601 text, so a day's bounds compare as strings: the day after
   * `until` is the first timestamp not wanted. */
  g_autofree char *since = filter->since != NULL && g_date_valid (filter->since)
                             ? day_text (filter->since, 0) : NULL;
  g_autofree char *until = filter->until != NULL && g_date_valid (filter->until)
                             ? day_text (filter->until, 1) : NULL;

  bind_optional (stmt, 1, filter->object_type);
  bind_optional (stmt, 2, filter->object_id);
  bind_optional (stmt, 3, filter->action);
  bind_optional (stmt, 4, since);
  bind_optional (stmt, 5, until);
}

#define TEXT(i) ((const char *) sqlite3_column_text (stmt, (i)))

GListStore *
cl_audit_list (ClLedger             *ledger,
               const ClAuditFilter  *filter,
               GError              **error)
{
  static const ClAuditFilter everything = { 0 };
  g_autoptr(GListStore) store = g_list_store_new (CL_TYPE_AUDIT_ENTRY);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL)
    filter = &everything;

  stmt = cl_ledger_statement (ledger,
                              filter->oldest_first
                                ? COLUMNS WHERE " ORDER BY id LIMIT ?6"
                                : COLUMNS WHERE " ORDER BY id DESC LIMIT ?6",
                              error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter);
  sqlite3_bind_int64 (stmt, 6, filter->limit > 0 ? (gint64) filter->limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ClAuditEntry) entry = cl_audit_entry_new (sqlite3_column_int64 (stmt, 0),
                                                          TEXT (1), TEXT (2), TEXT (3),
                                                          TEXT (4), TEXT (5), TEXT (6));
      g_list_store_append (store, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not read the audit log"));
      return NULL;
    }
  return g_steal_pointer (&store);
}

gint64
cl_audit_count (ClLedger             *ledger,
                const ClAuditFilter  *filter,
                GError              **error)
{
  static const ClAuditFilter everything = { 0 };
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), -1);

  if (filter == NULL)
    filter = &everything;

  stmt = cl_ledger_statement (ledger, "SELECT count(*) FROM audit_log" WHERE, error);
  if (stmt == NULL)
    return -1;
  bind_filter (stmt, filter);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    cl_ledger_set_db_error (ledger, error, _("Could not read the audit log"));
  sqlite3_reset (stmt);
  return count;
}

static GStrv
distinct (ClLedger    *ledger,
          const char  *sql,
          GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = cl_ledger_statement (ledger, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, TEXT (0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not read the audit log"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

GStrv
cl_audit_list_actions (ClLedger  *ledger,
                       GError   **error)
{
  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  return distinct (ledger, "SELECT DISTINCT action FROM audit_log ORDER BY action", error);
}

GStrv
cl_audit_list_object_types (ClLedger  *ledger,
                            GError   **error)
{
  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  return distinct (ledger, "SELECT DISTINCT object_type FROM audit_log ORDER BY object_type",
                   error);
}
