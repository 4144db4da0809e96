/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-dashboard-stats.c: the Overview's numbers. Each query reads an index or the subjects'
 * current states rather than joining the events table with itself, so that a million events
 * take well under a second. */
#include "config.h"

#include "cl-dashboard-stats.h"
#include "cl-error.h"
#include "cl-ledger-private.h"
#include "cl-purpose.h"
#include "cl-reconsent.h"

#define DAY_MS G_GINT64_CONSTANT (86400000)
#define WEEK_MS (7 * DAY_MS)
/* 1970-01-01 was a Thursday: Mondays are 4 days after the epoch, modulo a week. */
#define MONDAY_OFFSET_MS (4 * DAY_MS)

static const char * const method_keys[CL_DASHBOARD_N_METHODS] = {
  "accept_all", "reject_all", "custom", "withdraw", "gpc",
};

const char *
cl_dashboard_method_key (guint method)
{
  g_return_val_if_fail (method < CL_DASHBOARD_N_METHODS, NULL);
  return method_keys[method];
}

void
cl_dashboard_stats_free (ClDashboardStats *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->weeks, g_array_unref);
  if (self->purposes != NULL)
    {
      for (guint i = 0; i < self->purposes->len; i++)
        {
          ClPurposeShare *share = &g_array_index (self->purposes, ClPurposeShare, i);
          g_free (share->key);
          g_free (share->name);
        }
      g_array_unref (self->purposes);
    }
  g_free (self->significant_version);
  g_free (self);
}

static int
check_cancelled (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

static gboolean
query_failed (ClLedger      *ledger,
              GCancellable  *cancellable,
              GError       **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return cl_ledger_set_db_error (ledger, error, "Could not compute the overview");
}

static gint64
week_start (gint64 ms)
{
  gint64 shifted = ms - MONDAY_OFFSET_MS;
  gint64 weeks = shifted / WEEK_MS - (shifted % WEEK_MS < 0);
  return weeks * WEEK_MS + MONDAY_OFFSET_MS;
}

static gboolean
count_events (ClLedger          *ledger,
              ClDashboardStats  *self,
              GCancellable      *cancellable,
              GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = cl_ledger_statement (ledger, "SELECT min (recorded_at), max (recorded_at) FROM events",
                              error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return query_failed (ledger, cancellable, error);
  self->first_event_ms = sqlite3_column_int64 (stmt, 0);
  self->last_event_ms = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  /* The methods need the table (no index holds them); the total comes with them. */
  stmt = cl_ledger_statement (ledger, "SELECT method, count (*) FROM events GROUP BY method",
                              error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int method = sqlite3_column_int (stmt, 0);
      guint64 n = sqlite3_column_int64 (stmt, 1);

      if (method >= 0 && method < CL_DASHBOARD_N_METHODS)
        self->methods[method] = n;
      self->n_events += n;
    }
  if (rc != SQLITE_DONE)
    return query_failed (ledger, cancellable, error);
  return TRUE;
}

static gboolean
count_weeks (ClLedger          *ledger,
             ClDashboardStats  *self,
             GCancellable      *cancellable,
             GError           **error)
{
  sqlite3_stmt *stmt;
  gint64 last_week, first_week;
  guint n_weeks;
  int rc;

  self->weeks = g_array_new (FALSE, TRUE, sizeof (ClWeekCount));
  if (self->n_events == 0)
    return TRUE;

  last_week = week_start (self->last_event_ms);
  first_week = MAX (week_start (self->first_event_ms),
                    last_week - (CL_DASHBOARD_MAX_WEEKS - 1) * WEEK_MS);
  n_weeks = (guint) ((last_week - first_week) / WEEK_MS) + 1;
  g_array_set_size (self->weeks, n_weeks);
  for (guint i = 0; i < n_weeks; i++)
    g_array_index (self->weeks, ClWeekCount, i).week_start_ms = first_week + i * WEEK_MS;

  /* Reads only the (recorded_at, id) index. */
  stmt = cl_ledger_statement (ledger,
                              "SELECT (recorded_at - ?1) / ?2, count (*) FROM events"
                              " WHERE recorded_at >= ?1 GROUP BY 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first_week);
  sqlite3_bind_int64 (stmt, 2, WEEK_MS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 index = sqlite3_column_int64 (stmt, 0);

      if (index >= 0 && index < n_weeks)
        g_array_index (self->weeks, ClWeekCount, index).n_events = sqlite3_column_int64 (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    return query_failed (ledger, cancellable, error);
  return TRUE;
}

/* The current states grouped by their (granted, denied) masks: a handful of rows, from which
 * every purpose's share follows, whatever the number of purposes. */
static gboolean
count_purposes (ClLedger          *ledger,
                ClDashboardStats  *self,
                GCancellable      *cancellable,
                GError           **error)
{
  g_autoptr(GListStore) purposes = NULL;
  g_autoptr(GArray) bits = g_array_new (FALSE, FALSE, sizeof (guint));
  sqlite3_stmt *stmt;
  guint n;
  int rc;

  purposes = cl_purpose_list (ledger, error);
  if (purposes == NULL)
    return FALSE;

  self->purposes = g_array_new (FALSE, TRUE, sizeof (ClPurposeShare));
  n = g_list_model_get_n_items (G_LIST_MODEL (purposes));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClPurpose) purpose = g_list_model_get_item (G_LIST_MODEL (purposes), i);
      ClPurposeShare share = { NULL };
      guint bit = cl_purpose_get_bit (purpose);

      if (!cl_purpose_get_refusable (purpose))
        continue;
      share.key = g_strdup (cl_purpose_get_key (purpose));
      share.name = g_strdup (cl_purpose_get_name (purpose));
      g_array_append_val (self->purposes, share);
      g_array_append_val (bits, bit);
    }

  stmt = cl_ledger_statement (ledger,
                              "SELECT e.granted, e.denied, count (*)"
                              " FROM subjects s JOIN events e ON e.id = s.latest_event_id"
                              " GROUP BY e.granted, e.denied", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint64 granted = sqlite3_column_int64 (stmt, 0);
      guint64 denied = sqlite3_column_int64 (stmt, 1);
      guint64 count = sqlite3_column_int64 (stmt, 2);

      self->n_subjects += count;
      for (guint i = 0; i < self->purposes->len; i++)
        {
          ClPurposeShare *share = &g_array_index (self->purposes, ClPurposeShare, i);
          guint64 mask = G_GUINT64_CONSTANT (1) << g_array_index (bits, guint, i);

          /* Granted wins should a bad row have both bits. */
          if (granted & mask)
            share->granted += count;
          else if (denied & mask)
            share->denied += count;
          else
            share->not_asked += count;
        }
    }
  if (rc != SQLITE_DONE)
    return query_failed (ledger, cancellable, error);
  return TRUE;
}

static gboolean
count_requests (ClLedger          *ledger,
                ClDashboardStats  *self,
                GCancellable      *cancellable,
                GError           **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (self->now_ms / 1000);
  g_autoptr(GDateTime) soon = NULL;
  g_autofree char *today = NULL;
  g_autofree char *soon_date = NULL;
  sqlite3_stmt *stmt;

  if (now == NULL)
    return TRUE;
  soon = g_date_time_add_days (now, 7);
  today = g_date_time_format (now, "%Y-%m-%d");
  soon_date = g_date_time_format (soon, "%Y-%m-%d");

  /* Dates are YYYY-MM-DD text, so they compare as text. A paused request's clock stands
   * still, so it is neither overdue nor due soon while paused. */
  stmt = cl_ledger_statement (ledger,
                              "SELECT count (*),"
                              "  coalesce (sum (status NOT IN ('completed', 'rejected')), 0),"
                              "  coalesce (sum (status NOT IN ('completed', 'rejected', 'paused')"
                              "                 AND due < ?1), 0),"
                              "  coalesce (sum (status NOT IN ('completed', 'rejected', 'paused')"
                              "                 AND due >= ?1 AND due <= ?2), 0)"
                              " FROM requests", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, soon_date, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return query_failed (ledger, cancellable, error);
  self->has_requests = sqlite3_column_int64 (stmt, 0) > 0;
  self->requests_open = sqlite3_column_int64 (stmt, 1);
  self->requests_overdue = sqlite3_column_int64 (stmt, 2);
  self->requests_due_soon = sqlite3_column_int64 (stmt, 3);
  sqlite3_reset (stmt);
  return TRUE;
}

ClDashboardStats *
cl_dashboard_stats_compute (ClLedger      *ledger,
                            gint64         now_ms,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(ClDashboardStats) self = g_new0 (ClDashboardStats, 1);
  g_autoptr(ClReconsent) reconsent = NULL;
  gboolean ok;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);

  self->now_ms = now_ms;

  /* One read transaction, so that the numbers agree with each other even while an import
   * commits on another connection. */
  if (!cl_ledger_exec (ledger, "BEGIN", error))
    return NULL;
  sqlite3_progress_handler (cl_ledger_get_db (ledger), cancellable != NULL ? 10000 : 0,
                            cancellable != NULL ? check_cancelled : NULL, cancellable);
  ok = count_events (ledger, self, cancellable, error)
       && count_weeks (ledger, self, cancellable, error)
       && count_purposes (ledger, self, cancellable, error)
       && count_requests (ledger, self, cancellable, error);
  sqlite3_progress_handler (cl_ledger_get_db (ledger), 0, NULL, NULL);
  if (ok)
    {
      reconsent = cl_reconsent_compute (ledger, now_ms, CL_RECONSENT_COUNT_ONLY, cancellable,
                                        error);
      ok = reconsent != NULL;
    }
  cl_ledger_rollback (ledger);
  if (!ok)
    return NULL;

  self->reconsent_policy = reconsent->n_policy;
  self->reconsent_age = reconsent->n_age;
  self->reconsent_age_months = reconsent->age_months;
  self->significant_version = g_strdup (reconsent->significant_version);
  return g_steal_pointer (&self);
}
