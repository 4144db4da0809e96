/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-dashboard-stats.c: the Overview's numbers on tests/data/reconsent.jsonl, whose answers are
 * in tests/data/reconsent.md. */
#include "config.h"

#include "cl-dashboard-stats.h"
#include "cl-policy.h"
#include "cl-request.h"
#include "cl-test-fill.h"
#include "cl-test-utils.h"
#include "cl-time.h"

static gint64
at (const char *text)
{
  gint64 ms = 0;

  g_assert_true (cl_time_parse_rfc3339 (text, &ms));
  return ms;
}

static ClLedger *
fixture_ledger (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "stats.db", NULL);
  g_autofree char *log = cl_test_data_path ("reconsent.jsonl");
  g_autoptr(GError) error = NULL;
  ClLedger *ledger = cl_ledger_open (path, &error);
  static const struct { const char *version, *effective; gboolean significant; } versions[] = {
    { "3.0", "2024-01-01", TRUE },
    { "3.1", "2024-06-01", FALSE },
    { "4.0", "2025-03-01", TRUE },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      ClPolicyFields fields = { versions[i].version, versions[i].effective,
                                versions[i].significant, NULL, NULL };
      g_autoptr(ClPolicyVersion) added = cl_policy_add (ledger, &fields, &error);
      g_assert_no_error (error);
    }
  cl_test_fill_from_jsonl (ledger, log);
  return ledger;
}

static ClDashboardStats *
compute (ClLedger   *ledger,
         const char *now)
{
  g_autoptr(GError) error = NULL;
  ClDashboardStats *stats = cl_dashboard_stats_compute (ledger, at (now), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stats);
  return stats;
}

static void
test_known_numbers (void)
{
  g_autoptr(ClLedger) ledger = fixture_ledger ();
  g_autoptr(ClDashboardStats) stats = compute (ledger, "2026-06-15T12:00:00Z");
  /* Of the current states: c-b, c-h; c-d, c-i; c-a, c-c, c-f; c-e; c-g. */
  static const guint64 methods[] = { 2, 2, 3, 1, 1 };
  static const struct { const char *key; guint64 granted, denied, not_asked; } shares[] = {
    { "measurement", 5, 3, 1 },
    { "personalization", 3, 5, 1 },
    { "advertising", 2, 6, 1 },
  };
  static const char * const busy_weeks[] = {
    "2026-01-12T00:00:00Z", "2026-02-02T00:00:00Z", "2026-03-30T00:00:00Z",
  };
  guint64 week_total = 0;

  g_assert_cmpuint (stats->n_events, ==, 14);
  g_assert_cmpuint (stats->n_subjects, ==, 9);
  g_assert_cmpint (stats->first_event_ms, ==, at ("2024-11-04T09:00:00Z"));
  g_assert_cmpint (stats->last_event_ms, ==, at ("2026-04-01T10:00:00Z"));
  for (guint i = 0; i < CL_DASHBOARD_N_METHODS; i++)
    g_assert_cmpuint (stats->methods[i], ==, methods[i]);

  g_assert_cmpuint (stats->purposes->len, ==, G_N_ELEMENTS (shares));
  for (guint i = 0; i < G_N_ELEMENTS (shares); i++)
    {
      const ClPurposeShare *share = &g_array_index (stats->purposes, ClPurposeShare, i);

      g_assert_cmpstr (share->key, ==, shares[i].key);
      g_assert_cmpuint (share->granted, ==, shares[i].granted);
      g_assert_cmpuint (share->denied, ==, shares[i].denied);
      g_assert_cmpuint (share->not_asked, ==, shares[i].not_asked);
    }

  /* 26 Mondays, ending with the week of the latest event. */
  g_assert_cmpuint (stats->weeks->len, ==, CL_DASHBOARD_MAX_WEEKS);
  g_assert_cmpint (g_array_index (stats->weeks, ClWeekCount, 0).week_start_ms, ==,
                   at ("2025-10-06T00:00:00Z"));
  g_assert_cmpint (g_array_index (stats->weeks, ClWeekCount, 25).week_start_ms, ==,
                   at ("2026-03-30T00:00:00Z"));
  for (guint i = 0; i < stats->weeks->len; i++)
    {
      const ClWeekCount *week = &g_array_index (stats->weeks, ClWeekCount, i);
      gboolean busy = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (busy_weeks); j++)
        busy |= week->week_start_ms == at (busy_weeks[j]);
      g_assert_cmpuint (week->n_events, ==, busy ? 1 : 0);
      week_total += week->n_events;
    }
  g_assert_cmpuint (week_total, ==, 3);

  g_assert_cmpuint (stats->reconsent_policy, ==, 4);
  g_assert_cmpuint (stats->reconsent_age, ==, 2);
  g_assert_cmpstr (stats->significant_version, ==, "4.0");
  g_assert_false (stats->has_requests);
}

static void
new_request (ClLedger   *ledger,
             const char *received)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRequest) request = NULL;
  GDate date;

  g_assert_true (cl_request_parse_date (received, &date));
  request = cl_request_create (ledger, CL_REQUEST_TYPE_ACCESS, "c-a", CL_JURISDICTION_GDPR, &date,
                               &error);
  g_assert_no_error (error);
}

static void
test_requests (void)
{
  g_autoptr(ClLedger) ledger = fixture_ledger ();
  g_autoptr(ClDashboardStats) stats = NULL;
  g_autoptr(ClRequest) verified = NULL;
  g_autoptr(ClRequest) done = NULL;
  g_autoptr(ClRequest) rejected = NULL;
  g_autoptr(GError) error = NULL;

  /* Requests read their clock from the date the officer lives in (or this variable). */
  g_setenv ("CONSENT_LEDGER_TODAY", "2026-06-15", TRUE);
  new_request (ledger, "2026-05-04");  /* DSR-2026-0001: due Thu 4 June: overdue */
  new_request (ledger, "2026-05-15");  /* 0002: due Mon 15 June: today */
  new_request (ledger, "2026-05-20");  /* 0003: 20 June is a Saturday: Mon 22 June, within 7 days */
  new_request (ledger, "2026-06-10");  /* 0004: due 10 July */
  new_request (ledger, "2026-05-01");  /* 0005: completed */
  new_request (ledger, "2026-05-02");  /* 0006: rejected */
  verified = cl_request_verify (ledger, "DSR-2026-0005", "e-mail", &error);
  g_assert_no_error (error);
  done = cl_request_complete (ledger, "DSR-2026-0005", NULL, &error);
  g_assert_no_error (error);
  rejected = cl_request_reject (ledger, "DSR-2026-0006", "Not a subject of ours", &error);
  g_assert_no_error (error);

  stats = compute (ledger, "2026-06-15T12:00:00Z");
  g_unsetenv ("CONSENT_LEDGER_TODAY");
  g_assert_true (stats->has_requests);
  g_assert_cmpuint (stats->requests_open, ==, 4);
  g_assert_cmpuint (stats->requests_overdue, ==, 1);
  g_assert_cmpuint (stats->requests_due_soon, ==, 2);
}

static void
test_empty_ledger (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);
  g_autoptr(ClDashboardStats) stats = compute (ledger, "2026-06-15T12:00:00Z");

  g_assert_cmpuint (stats->n_events, ==, 0);
  g_assert_cmpuint (stats->n_subjects, ==, 0);
  g_assert_cmpuint (stats->weeks->len, ==, 0);
  g_assert_cmpuint (stats->purposes->len, ==, 3);
  g_assert_cmpuint (stats->reconsent_policy + stats->reconsent_age, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ledger/dashboard-stats/known-numbers", test_known_numbers);
  g_test_add_func ("/ledger/dashboard-stats/requests", test_requests);
  g_test_add_func ("/ledger/dashboard-stats/empty", test_empty_ledger);

  return g_test_run ();
}
