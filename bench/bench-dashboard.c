/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-dashboard.c: times the Overview's numbers and the re-consent list on a ledger (build a
 * 1M-event one with consentctl generate + import consents). Usage: bench-dashboard LEDGER [RUNS] */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "cl-dashboard-stats.h"
#include "cl-reconsent.h"

/* Wall time says what the officer waits; CPU time (user + system) is what the work costs,
 * and stays meaningful on a machine that other processes keep busy. */
typedef struct
{
  gint64 wall;
  double cpu;
} Mark;

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static Mark
mark (void)
{
  return (Mark) { g_get_monotonic_time (), cpu_seconds () };
}

static char *
since (Mark start)
{
  return g_strdup_printf ("%.3f s (CPU %.3f s)",
                          (g_get_monotonic_time () - start.wall) / (double) G_USEC_PER_SEC,
                          cpu_seconds () - start.cpu);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  gint64 now_ms = g_get_real_time () / 1000;
  int runs = argc > 2 ? atoi (argv[2]) : 5;

  if (argc < 2)
    {
      fprintf (stderr, "Usage: bench-dashboard LEDGER [RUNS]\n");
      return 2;
    }
  ledger = cl_ledger_open (argv[1], &error);
  if (ledger == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  csv = g_build_filename (g_get_tmp_dir (), "bench-reconsent.csv", NULL);

  for (int run = 0; run < runs; run++)
    {
      g_autoptr(ClDashboardStats) stats = NULL;
      g_autoptr(ClReconsent) count = NULL;
      g_autoptr(ClReconsent) list = NULL;
      guint64 n_subjects = 0, n_rows = 0;
      g_autofree char *t_stats = NULL, *t_count = NULL, *t_list = NULL, *t_csv = NULL;
      Mark start;

      start = mark ();
      stats = cl_dashboard_stats_compute (ledger, now_ms, NULL, &error);
      t_stats = since (start);
      g_assert_no_error (error);

      start = mark ();
      count = cl_reconsent_compute (ledger, now_ms, CL_RECONSENT_COUNT_ONLY, NULL, &error);
      t_count = since (start);
      g_assert_no_error (error);

      start = mark ();
      list = cl_reconsent_compute (ledger, now_ms, CL_RECONSENT_WITH_SUBJECTS, NULL, &error);
      t_list = since (start);
      g_assert_no_error (error);

      start = mark ();
      cl_reconsent_export_csv (ledger, now_ms, csv, &n_subjects, &n_rows, NULL, &error);
      t_csv = since (start);
      g_assert_no_error (error);

      printf ("run %d: %" G_GUINT64_FORMAT " events, %" G_GUINT64_FORMAT " subjects\n"
              "  dashboard stats (incl. re-consent count) %s\n"
              "  re-consent count                        %s\n"
              "  re-consent list (%" G_GUINT64_FORMAT " subjects)          %s\n"
              "  re-consent CSV (%" G_GUINT64_FORMAT " rows)               %s\n",
              run + 1, stats->n_events, stats->n_subjects, t_stats, t_count,
              cl_reconsent_get_count (list), t_list, n_rows, t_csv);
    }
  g_unlink (csv);
  return 0;
}
