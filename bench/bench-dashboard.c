/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-dashboard.c: times the Overview's numbers and the re-consent count, list and CSV export
 * (BRIEF §6, issue 5: under 1 s on 1M events).
 *
 *   bench-dashboard [LEDGER [RUNS]]
 *
 * Without LEDGER it uses build/bench-data/ledger-1m.db (shared with bench-browse), made once
 * (1,000,000 events over 300,000 subjects) with consentctl generate and import consents. The
 * latest version the generator writes is marked significant for the run, so that both reasons
 * of the re-consent rule have subjects. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "cl-dashboard-stats.h"
#include "cl-policy.h"
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

#define N_EVENTS   1000000
#define N_SUBJECTS 300000

static gboolean
run_consentctl (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) CONSENTCTL);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                     &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-dashboard: consentctl failed: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
make_ledger (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *csv = g_build_filename (dir, "consents-1m.csv", NULL);
  g_autofree char *events = g_strdup_printf ("%d", N_EVENTS);
  g_autofree char *subjects = g_strdup_printf ("%d", N_SUBJECTS);
  const char *generate[] = { "generate", "--events", events, "--subjects", subjects,
                             "--seed", "7", "-o", csv, NULL };
  const char *import[] = { "--ledger", path, "import", "consents", csv, NULL };

  g_mkdir_with_parents (dir, 0700);
  g_print ("Making %s (once): %d events over %d subjects…\n", path, N_EVENTS, N_SUBJECTS);
  return run_consentctl (generate) && run_consentctl (import);
}

/* The generator's versions are registered by the import as not significant; mark the
 * second-latest one significant (an edit, audited like any other), unless one already is. */
static void
make_a_version_significant (ClLedger *ledger)
{
  g_autoptr(GListStore) versions = cl_policy_list (ledger, NULL);
  guint n = versions != NULL ? g_list_model_get_n_items (G_LIST_MODEL (versions)) : 0;
  g_autoptr(ClPolicyVersion) chosen = NULL;
  g_autoptr(ClPolicyVersion) edited = NULL;
  ClPolicyFields fields = { NULL };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClPolicyVersion) version = g_list_model_get_item (G_LIST_MODEL (versions), i);
      if (cl_policy_version_get_significant (version))
        return;
    }
  if (n < 2)
    return;
  chosen = g_list_model_get_item (G_LIST_MODEL (versions), n - 2);
  fields.version = cl_policy_version_get_version (chosen);
  fields.effective = cl_policy_version_get_effective (chosen);
  fields.significant = TRUE;
  fields.summary = cl_policy_version_get_summary (chosen);
  edited = cl_policy_edit (ledger, fields.version, &fields, NULL);
  if (edited != NULL)
    g_print ("Marked version %s (effective %s) significant\n", fields.version, fields.effective);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;
  gint64 now_ms = g_get_real_time () / 1000;
  int runs = argc > 2 ? atoi (argv[2]) : 3;

  if (argc > 3 || (argc > 1 && argv[1][0] == '-') || runs < 1)
    {
      g_printerr ("Usage: bench-dashboard [LEDGER [RUNS]]\n");
      return 2;
    }
  path = argc > 1 ? g_strdup (argv[1])
                  : g_build_filename (BUILD_ROOT, "bench-data", "ledger-1m.db", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !make_ledger (path))
    return 1;
  ledger = cl_ledger_open (path, &error);
  if (ledger == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  make_a_version_significant (ledger);
  csv = g_build_filename (g_get_tmp_dir (), "bench-reconsent.csv", NULL);
  g_print ("bench-dashboard: %s\n", path);

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
