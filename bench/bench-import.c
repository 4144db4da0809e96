/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-import.c: imports a generated consent log (1M events over 300k subjects by default)
 * into a new ledger and, in the same run, times the sqlite3 shell's plain CSV import of the
 * same file into an empty table: the ratio is the figure of BRIEF §6 (goal: below 1.0).
 *
 *   bench-import [--events N] [--subjects M] [--runs R] [--dir DIR] [--keep]
 *
 * The ledger import runs in a child process (this program again, with --import-only) so that
 * its peak memory is measured alone, without the generator's. With --runs, the two imports
 * are timed R times, in turns (the shell first in odd runs, the ledger first in even ones),
 * and the median of the R ratios is the figure: on a machine whose speed changes from minute
 * to minute, one pair of runs can be off by a fifth either way. */
#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "cl-consent-generator.h"
#include "cl-consent-import.h"
#include "cl-ledger.h"

static int
import_only (const char *ledger_path,
             const char *log_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClConsentImportResult) result = NULL;
  struct rusage usage;
  gint64 start, opened, done;

  start = g_get_monotonic_time ();
  ledger = cl_ledger_open (ledger_path, &error);
  if (ledger == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  opened = g_get_monotonic_time ();
  if (!cl_consent_import_file (ledger, log_path, CL_CONSENT_READER_FLAGS_NONE, NULL, NULL, NULL,
                               &result, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  /* Closing checkpoints the WAL into the ledger file: part of the cost. */
  g_clear_object (&ledger);
  done = g_get_monotonic_time ();

  getrusage (RUSAGE_SELF, &usage);
  printf ("%.3f %.3f %ld %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %d\n",
          (done - start) / 1e6, (done - opened) / 1e6, usage.ru_maxrss, result->n_imported,
          result->n_new_subjects, result->n_duplicates, result->bulk);
  return 0;
}

static double
children_cpu (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* Runs argv; returns its wall-clock time and sets cpu to its user + system time: on a busy
 * machine the second is the steadier figure. */
static double
run_timed (const char * const *argv,
           char              **out,
           double             *cpu)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu_before = children_cpu ();
  int status = 0;
  g_autofree char *err = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, &err,
                     &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s failed: %s\n%s", argv[0], error->message, err != NULL ? err : "");
      exit (1);
    }
  *cpu = children_cpu () - cpu_before;
  return (g_get_monotonic_time () - start) / 1e6;
}

static guint64
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? (guint64) buf.st_size : 0;
}

/* One timing of each import. */
typedef struct
{
  double   sqlite_time, sqlite_cpu;
  double   ledger_time, ledger_cpu;
  double   ledger_open, ledger_import;  /* as the child measured them */
  double   maxrss_kb;
  guint64  imported, subjects, duplicates;
  int      bulk;
  guint64  sqlite_size, ledger_size;
} Run;

static void
time_sqlite_shell (const char *log_path,
                   const char *sqlite_path,
                   Run        *run)
{
  g_autofree char *import_cmd = g_strdup_printf (".import '%s' t", log_path);
  const char *sqlite_argv[] = { "sqlite3", "-cmd", ".mode csv", sqlite_path, import_cmd, NULL };

  g_unlink (sqlite_path);
  run->sqlite_time = run_timed (sqlite_argv, NULL, &run->sqlite_cpu);
  run->sqlite_size = file_size (sqlite_path);
}

static void
time_ledger (const char *log_path,
             const char *ledger_path,
             Run        *run)
{
  const char *child_argv[] = { "/proc/self/exe", "--import-only", ledger_path, "--log",
                               log_path, NULL };
  g_autofree char *child_out = NULL;
  double total;

  g_unlink (ledger_path);
  run->ledger_time = run_timed (child_argv, &child_out, &run->ledger_cpu);
  if (sscanf (child_out, "%lf %lf %lf %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
              " %" G_GUINT64_FORMAT " %d", &total, &run->ledger_import, &run->maxrss_kb,
              &run->imported, &run->subjects, &run->duplicates, &run->bulk) != 7)
    {
      g_printerr ("unexpected output from the import: %s\n", child_out);
      exit (1);
    }
  run->ledger_open = total - run->ledger_import;
  run->ledger_size = file_size (ledger_path);
}

static double
ratio (const Run *run)
{
  return run->ledger_time / run->sqlite_time;
}

static int
compare_ratios (gconstpointer a,
                gconstpointer b)
{
  double x = ratio (a), y = ratio (b);

  return (x > y) - (x < y);
}

static void
print_run (const Run *run)
{
  printf ("sqlite3 .import (CSV into one empty table): %.2f s, CPU %.2f s  (%.1f MB file)\n",
          run->sqlite_time, run->sqlite_cpu, run->sqlite_size / 1e6);
  printf ("ledger import (validated, deduplicated, indexed): %.2f s, CPU %.2f s  (open %.2f s, "
          "import and close %.2f s; %.1f MB ledger)\n", run->ledger_time, run->ledger_cpu,
          run->ledger_open, run->ledger_import, run->ledger_size / 1e6);
  printf ("  %" G_GUINT64_FORMAT " events imported, %" G_GUINT64_FORMAT " new subjects, %"
          G_GUINT64_FORMAT " duplicates skipped%s\n", run->imported, run->subjects,
          run->duplicates, run->bulk ? ", bulk mode" : "");
  printf ("ratio ledger / sqlite3: %.2f (wall clock), %.2f (CPU)\n", ratio (run),
          run->ledger_cpu / run->sqlite_cpu);
  printf ("peak memory of the import (maxrss): %.1f MB\n", run->maxrss_kb / 1024);
}

/* The figure of several runs: the median ratio, with the spread. */
static void
print_summary (GArray *runs)
{
  guint n = runs->len, under = 0;
  double median;

  g_array_sort (runs, compare_ratios);
  median = n % 2 == 1 ? ratio (&g_array_index (runs, Run, n / 2))
                      : (ratio (&g_array_index (runs, Run, n / 2 - 1))
                         + ratio (&g_array_index (runs, Run, n / 2))) / 2;
  for (guint i = 0; i < n; i++)
    if (ratio (&g_array_index (runs, Run, i)) < 1.0)
      under++;
  printf ("\nover %u runs: median ratio %.2f (wall clock), from %.2f to %.2f; %u of %u under 1.0\n",
          n, median, ratio (&g_array_index (runs, Run, 0)),
          ratio (&g_array_index (runs, Run, n - 1)), under, n);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the consent log import");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *log_path = NULL;
  g_autofree char *ledger_path = NULL;
  g_autofree char *sqlite_path = NULL;
  g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (Run));
  ClConsentGeneratorOptions options;
  gint64 n_events = 1000000, n_subjects = 300000;
  gint n_runs = 1;
  gboolean keep = FALSE;
  char *import_args[2] = { NULL, NULL };
  GOptionEntry entries[] = {
    { "events", 0, 0, G_OPTION_ARG_INT64, &n_events, "Events to generate (1000000)", "N" },
    { "subjects", 0, 0, G_OPTION_ARG_INT64, &n_subjects, "Subjects (300000)", "M" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Time both imports this many times, in turns (1)", "R" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Where to write the files (a new temporary folder)", "DIR" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the files", NULL },
    { "import-only", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &import_args[0], NULL, NULL },
    { "log", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &import_args[1], NULL, NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (import_args[0] != NULL)
    return import_only (import_args[0], import_args[1]);
  if (n_runs < 1)
    {
      g_printerr ("--runs must be at least 1\n");
      return 2;
    }

  if (dir == NULL)
    dir = g_dir_make_tmp ("bench-import-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_printerr ("Could not create %s: %s\n", dir, g_strerror (errno));
      return 1;
    }
  log_path = g_build_filename (dir, "consents.csv", NULL);
  ledger_path = g_build_filename (dir, "ledger.db", NULL);
  sqlite_path = g_build_filename (dir, "sqlite-shell.db", NULL);
  if (!g_file_test (log_path, G_FILE_TEST_EXISTS))
    {
      gint64 start = g_get_monotonic_time ();

      cl_consent_generator_options_init (&options);
      options.n_events = (guint64) n_events;
      options.n_subjects = (guint64) n_subjects;
      if (!cl_consent_generate_to_file (&options, log_path, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      printf ("generated %" G_GINT64_FORMAT " events over %" G_GINT64_FORMAT
              " subjects: %.1f MB in %.2f s\n", n_events, n_subjects,
              file_size (log_path) / 1e6, (g_get_monotonic_time () - start) / 1e6);
    }

  for (gint i = 0; i < n_runs; i++)
    {
      Run run = { 0 };

      /* In turns: whichever goes second finds the machine as the first left it. */
      if (i % 2 == 0)
        {
          time_sqlite_shell (log_path, sqlite_path, &run);
          time_ledger (log_path, ledger_path, &run);
        }
      else
        {
          time_ledger (log_path, ledger_path, &run);
          time_sqlite_shell (log_path, sqlite_path, &run);
        }
      if (n_runs > 1)
        printf ("%srun %d of %d\n", i > 0 ? "\n" : "", i + 1, n_runs);
      print_run (&run);
      fflush (stdout);
      g_array_append_val (runs, run);
    }
  if (n_runs > 1)
    print_summary (runs);

  if (!keep)
    {
      g_unlink (log_path);
      g_unlink (ledger_path);
      g_unlink (sqlite_path);
      g_rmdir (dir);
    }
  return 0;
}
