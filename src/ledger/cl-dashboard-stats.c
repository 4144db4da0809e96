/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-dashboard-stats.c: the Overview's numbers. Each query reads an index or the subjects'
 * current states rather than joining the events table with itself, so that a million events
 * take well under a second. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-dashboard-stats.h"
#include "cl-error.h"
#include "cl-ledger-private.h"
#include "cl-purpose.h"
#include "cl-reconsent-private.h"
#include "cl-request.h"

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
  return cl_ledger_set_db_error (ledger, error, _("Could not compute the overview"));
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

  stmt = cl_ledger_statement (ledger, "SELECT min (recorded_at), max (recorded_at) FROM events",
                              error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return query_failed (ledger, cancellable, error);
  self->first_event_ms = sqlite3_column_int64 (stmt, 0);
  self->last_event_ms = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  /* The smallest index answers this; the table itself (hundreds of megabytes) is not read. */
  stmt = cl_ledger_statement (ledger, "SELECT count (*) FROM events", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return query_failed (ledger, cancellable, error);
  self->n_events = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
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

/* One pass over the current states, grouped by their masks, method and re-consent reason: at
 * most a few hundred rows, from which every purpose's share, the split of methods and the
 * re-consent counts follow, whatever the number of purposes. The rule is cl-reconsent's own
 * SQL, so the two cannot disagree. */
static gboolean
count_current_states (ClLedger          *ledger,
                      ClDashboardStats  *self,
                      GCancellable      *cancellable,
                      GError           **error)
{
  g_autoptr(GListStore) purposes = NULL;
  g_autoptr(GArray) bits = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(ClReconsent) rule = NULL;
  g_autofree char *stale_ids = NULL;
  sqlite3_stmt *stmt;
  gint64 policy_start;
  guint n;
  int rc;

  purposes = cl_purpose_list (ledger, error);
  if (purposes == NULL)
    return FALSE;
  rule = cl_reconsent_prepare (ledger, self->now_ms, &stale_ids, &policy_start, error);
  if (rule == NULL)
    return FALSE;
  self->reconsent_age_months = rule->age_months;
  self->significant_version = g_strdup (rule->significant_version);

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
                              "SELECT e.granted, e.denied, e.method,"
                              "       " CL_RECONSENT_SQL_BY_POLICY ","
                              "       " CL_RECONSENT_SQL_BY_AGE ", count (*)"
                              " FROM subjects s JOIN events e ON e.id = s.latest_event_id"
                              " GROUP BY 1, 2, 3, 4, 5", error);
  if (stmt == NULL)
    return FALSE;
  cl_reconsent_bind_rule (stmt, stale_ids, policy_start, rule->age_cutoff_ms);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint64 granted = sqlite3_column_int64 (stmt, 0);
      guint64 denied = sqlite3_column_int64 (stmt, 1);
      int method = sqlite3_column_int (stmt, 2);
      gboolean by_policy = sqlite3_column_int (stmt, 3) != 0;
      gboolean by_age = sqlite3_column_int (stmt, 4) != 0;
      guint64 count = sqlite3_column_int64 (stmt, 5);

      self->n_subjects += count;
      if (method >= 0 && method < CL_DASHBOARD_N_METHODS)
        self->methods[method] += count;
      /* As in cl-reconsent: a subject due for both reasons is counted under "policy". */
      if (by_policy)
        self->reconsent_policy += count;
      else if (by_age)
        self->reconsent_age += count;
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
    {
      sqlite3_reset (stmt);
      return query_failed (ledger, cancellable, error);
    }
  return TRUE;
}

/* Through the request register itself, so that the Overview and the Requests page always
 * agree on what is overdue (a paused request keeps the urgency it had, for instance). */
static gboolean
count_requests (ClLedger          *ledger,
                ClDashboardStats  *self,
                GCancellable      *cancellable,
                GError           **error)
{
  g_autoptr(GListStore) requests = NULL;
  ClRequestFilter filter = { 0 };
  guint n;

  requests = cl_request_list (ledger, &filter, error);
  if (requests == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (requests));
  self->has_requests = n > 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClRequest) request = g_list_model_get_item (G_LIST_MODEL (requests), i);

      if (!cl_request_is_open (request))
        continue;
      self->requests_open++;
      switch (cl_request_get_urgency (request))
        {
        case CL_URGENCY_OVERDUE:
          self->requests_overdue++;
          break;

        case CL_URGENCY_DUE_SOON:
          self->requests_due_soon++;
          break;

        case CL_URGENCY_OK:
        default:
          break;
        }
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

ClDashboardStats *
cl_dashboard_stats_compute (ClLedger      *ledger,
                            gint64         now_ms,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(ClDashboardStats) self = g_new0 (ClDashboardStats, 1);
  gboolean ok;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);

  self->now_ms = now_ms;

  /* The current states are scattered over the whole events table; reading it through a
   * memory map instead of copying each page saves most of the time (about 4× on 1M events).
   * One read transaction, so that the numbers agree with each other even while an import
   * commits on another connection. */
  if (!cl_ledger_exec (ledger, "PRAGMA mmap_size = 4294967296", error)
      || !cl_ledger_exec (ledger, "BEGIN", error))
    return NULL;
  sqlite3_progress_handler (cl_ledger_get_db (ledger), cancellable != NULL ? 10000 : 0,
                            cancellable != NULL ? check_cancelled : NULL, cancellable);
  ok = count_events (ledger, self, cancellable, error)
       && count_weeks (ledger, self, cancellable, error)
       && count_current_states (ledger, self, cancellable, error)
       && count_requests (ledger, self, cancellable, error);
  sqlite3_progress_handler (cl_ledger_get_db (ledger), 0, NULL, NULL);
  cl_ledger_rollback (ledger);
  if (!ok)
    return NULL;
  return g_steal_pointer (&self);
}
