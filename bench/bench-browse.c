/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-browse.c: how fast the records page answers on a big ledger (BRIEF §6): first rows,
 * a deep page, each search and filter, each sort, a subject look-up.
 *
 *   bench-browse [--proposed-index] [LEDGER]
 *
 * --proposed-index adds, for this run only, the covering index the purpose, method and
 * current-state filters need (see PROPOSED_INDEX), and drops it afterwards: the figures with
 * and without it are what the lead needs to decide on a schema migration.
 *
 * Without LEDGER it uses build/bench-data/ledger-1m.db, made once (1,000,000 events over
 * 300,000 subjects) with consentctl generate and consentctl import consents. */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "cl-event-list-model.h"
#include "cl-event-query.h"
#include "cl-subject.h"

#define N_EVENTS   1000000
#define N_SUBJECTS 300000

/* Time-ordered and covering every bit-mask and small-integer filter: a filter then scans this
 * index alone, never the wide events rows. */
#define PROPOSED_INDEX \
  "CREATE INDEX IF NOT EXISTS bench_events_browse" \
  " ON events (recorded_at, id, granted, denied, method, policy_id)"

/* The benchmark's own ledger only (a cache under build/): SQL outside the library on purpose. */
static gboolean
exec_on_file (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  gboolean ok;

  ok = sqlite3_open (path, &db) == SQLITE_OK
       && sqlite3_exec (db, sql, NULL, NULL, &message) == SQLITE_OK;
  if (!ok)
    g_printerr ("bench-browse: %s\n", message != NULL ? message : sqlite3_errmsg (db));
  sqlite3_free (message);
  sqlite3_close (db);
  return ok;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double cpu_mark;

/* CPU time of the whole process (the worker thread included), in ms: on a busy machine the
 * wall clock says more about the neighbours than about the query. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static double
mark (void)
{
  cpu_mark = cpu_ms ();
  return now_ms ();
}

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

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
      g_printerr ("bench-browse: consentctl failed: %s\n", error->message);
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

static guint answers_seen;

static void
on_items_changed (void)
{
  answers_seen++;
}

static void
read_screenful (ClEventListModel *model)
{
  guint n = MIN (g_list_model_get_n_items (G_LIST_MODEL (model)), 40);

  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
}

/* What the user waits for: the first screenful of the new answer (in time order the model
 * shows the first page while it still counts the rest), then the whole answer. Returns the
 * time to the first rows; *all_ms gets the time to the whole answer. */
static double
time_to_rows (ClEventListModel *model,
              double            start,
              double           *all_ms)
{
  guint seen = answers_seen;
  double first_ms;

  while (answers_seen == seen && cl_event_list_model_get_loading (model))
    g_main_context_iteration (NULL, TRUE);
  read_screenful (model);
  first_ms = now_ms () - start;
  while (cl_event_list_model_get_loading (model))
    g_main_context_iteration (NULL, TRUE);
  if (cl_event_list_model_get_error (model) != NULL)
    g_printerr ("  error: %s\n", cl_event_list_model_get_error (model));
  if (all_ms != NULL)
    *all_ms = now_ms () - start;
  return first_ms;
}

static void
report (const char       *what,
        double            ms,
        ClEventListModel *model,
        double            target)
{
  g_print ("  %-46s %9.1f ms (cpu %7.1f)  %9u rows%s\n", what, ms, cpu_ms () - cpu_mark,
           model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0,
           target > 0 && ms > target ? "  (over target)" : "");
}

/* A search or filter: first rows against the target, and the whole answer counted. */
static void
report_answer (const char       *what,
               ClEventListModel *model,
               double            start,
               double            target)
{
  double all_ms;
  double first_ms = time_to_rows (model, start, &all_ms);

  g_print ("  %-46s %9.1f ms  all %9u in %7.1f ms (cpu %7.1f)%s\n", what, first_ms,
           g_list_model_get_n_items (G_LIST_MODEL (model)), all_ms, cpu_ms () - cpu_mark,
           target > 0 && first_ms > target ? "  (over target)" : "");
}

static ClEventQuery *
reset (ClEventQuery *query)
{
  g_object_freeze_notify (G_OBJECT (query));
  cl_event_query_set_subject (query, NULL);
  cl_event_query_set_purpose (query, NULL, CL_DECISION_GRANTED);
  cl_event_query_set_policy (query, NULL);
  cl_event_query_set_method (query, -1);
  cl_event_query_set_since (query, CL_EVENT_QUERY_NO_SINCE);
  cl_event_query_set_until (query, CL_EVENT_QUERY_NO_UNTIL);
  cl_event_query_set_current_only (query, FALSE);
  cl_event_query_set_sort (query, CL_EVENT_SORT_TIME, NULL, TRUE);
  return query;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClEventQuery) query = NULL;
  g_autoptr(ClEventListModel) model = NULL;
  g_autoptr(ClConsentEvent) sample = NULL;
  g_autoptr(ClSubject) subject = NULL;
  g_auto(GStrv) versions = NULL;
  const char *email = NULL, *account = NULL, *consent_id = NULL, *event_id = NULL;
  double start, ms, worst = 0, sum = 0;
  gboolean proposed_index = FALSE;
  guint n;

  if (argc > 1 && strcmp (argv[1], "--proposed-index") == 0)
    {
      proposed_index = TRUE;
      argv++;
      argc--;
    }
  if (argc > 2 || (argc > 1 && argv[1][0] == '-'))
    {
      g_printerr ("Usage: bench-browse [--proposed-index] [LEDGER]\n");
      return 2;
    }
  path = argc > 1 ? g_strdup (argv[1])
                  : g_build_filename (BUILD_ROOT, "bench-data", "ledger-1m.db", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !make_ledger (path))
    return 1;
  if (proposed_index && !exec_on_file (path, PROPOSED_INDEX))
    return 1;

  g_print ("bench-browse: %s%s\n", path, proposed_index ? " (with the proposed index)" : "");

  /* Opening the page: a connection, the model, its snapshot in the worker, the first rows. */
  start = mark ();
  ledger = cl_ledger_open (path, &error);
  if (ledger == NULL)
    {
      g_printerr ("bench-browse: %s\n", error->message);
      return 1;
    }
  query = cl_event_query_new ();
  model = cl_event_list_model_new (ledger, query);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), NULL);
  report_answer ("open, first rows (target 500 ms)", model, start, 500);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));

  /* Pages: a deep one, then random ones. */
  if (n > 900000)
    {
      start = mark ();
      g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), 900000));
      report ("page at position 900,000 (target 16 ms)", now_ms () - start, NULL, 16);
    }
  for (guint i = 0; i < 50 && n > 0; i++)
    {
      guint position = g_random_int_range (0, n);

      start = mark ();
      g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), position));
      ms = now_ms () - start;
      sum += ms;
      worst = MAX (worst, ms);
    }
  g_print ("  %-46s %9.1f ms  (worst %.1f ms)\n", "50 random pages, mean (target 16 ms)",
           sum / 50, worst);

  /* Sample identifiers to search for, from the ledger itself. */
  for (guint i = 0; i < n && email == NULL; i += 997)
    {
      g_autoptr(ClConsentEvent) event = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(ClSubject) candidate = cl_subject_load (ledger,
                                                        cl_consent_event_get_subject_id (event),
                                                        NULL);

      if (candidate != NULL && cl_subject_get_identifiers (candidate, CL_IDENTIFIER_EMAIL)[0])
        {
          g_set_object (&subject, candidate);
          g_set_object (&sample, event);
          email = cl_subject_get_identifiers (candidate, CL_IDENTIFIER_EMAIL)[0];
          account = cl_subject_get_identifiers (candidate, CL_IDENTIFIER_ACCOUNT)[0];
          consent_id = cl_consent_event_get_subject (event);
          event_id = cl_consent_event_get_event_id (event);
        }
    }

  /* Searches and filters: query change → snapshot → first rows. */
  {
    const struct { const char *what; const char *subject; } searches[] = {
      { "search consent id", consent_id },
      { "search e-mail", email },
      { "search account id", account },
      { "search event id", event_id },
      { "search unknown id", "nobody@example.invalid" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        if (searches[i].subject == NULL)
          continue;
        reset (query);
        start = mark ();
        cl_event_query_set_subject (query, searches[i].subject);
        g_object_thaw_notify (G_OBJECT (query));
        report_answer (searches[i].what, model, start, 100);
      }
  }
  {
    const struct { const char *what; const char *purpose; ClDecision decision; } filters[] = {
      { "advertising granted", "advertising", CL_DECISION_GRANTED },
      { "advertising denied", "advertising", CL_DECISION_DENIED },
      { "measurement not asked", "measurement", CL_DECISION_NOT_ASKED },
    };

    for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
      {
        reset (query);
        start = mark ();
        cl_event_query_set_purpose (query, filters[i].purpose, filters[i].decision);
        g_object_thaw_notify (G_OBJECT (query));
        report_answer (filters[i].what, model, start, 100);
      }
  }
  versions = cl_event_query_list_policy_versions (ledger, NULL);
  if (versions != NULL && versions[0] != NULL)
    {
      reset (query);
      start = mark ();
      cl_event_query_set_policy (query, versions[0]);
      g_object_thaw_notify (G_OBJECT (query));
      report_answer ("policy version (the oldest)", model, start, 100);
    }
  reset (query);
  start = mark ();
  cl_event_query_set_method (query, 3);
  g_object_thaw_notify (G_OBJECT (query));
  report_answer ("method withdraw", model, start, 100);
  {
    gint64 since, until;

    cl_event_query_parse_since ("2026-03-01", &since, NULL);
    cl_event_query_parse_until ("2026-03-31", &until, NULL);
    reset (query);
    start = mark ();
    cl_event_query_set_since (query, since);
    cl_event_query_set_until (query, until);
    g_object_thaw_notify (G_OBJECT (query));
    report_answer ("dates 2026-03-01 to 2026-03-31", model, start, 100);
  }
  reset (query);
  start = mark ();
  cl_event_query_set_current_only (query, TRUE);
  g_object_thaw_notify (G_OBJECT (query));
  report_answer ("current state only", model, start, 100);
  reset (query);
  start = mark ();
  cl_event_query_set_current_only (query, TRUE);
  cl_event_query_set_purpose (query, "advertising", CL_DECISION_DENIED);
  g_object_thaw_notify (G_OBJECT (query));
  report_answer ("current state, advertising denied", model, start, 100);

  /* Sorting (in the worker: the window never waits for it). */
  {
    const struct { const char *what; ClEventSort sort; const char *purpose; } sorts[] = {
      { "sort time ascending", CL_EVENT_SORT_TIME, NULL },
      { "sort subject", CL_EVENT_SORT_SUBJECT, NULL },
      { "sort policy", CL_EVENT_SORT_POLICY, NULL },
      { "sort method", CL_EVENT_SORT_METHOD, NULL },
      { "sort advertising decision", CL_EVENT_SORT_PURPOSE, "advertising" },
      { "sort country", CL_EVENT_SORT_COUNTRY, NULL },
      { "sort URL", CL_EVENT_SORT_URL, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
      {
        reset (query);
        g_object_thaw_notify (G_OBJECT (query));
        time_to_rows (model, mark (), NULL);
        start = mark ();
        cl_event_query_set_sort (query, sorts[i].sort, sorts[i].purpose, FALSE);
        report_answer (sorts[i].what, model, start, 0);
      }
  }

  /* A subject look-up, as the pane and consentctl subject do it. */
  if (email != NULL)
    {
      g_autoptr(ClSubject) found = NULL;
      GListModel *history;

      start = mark ();
      found = cl_subject_lookup (ledger, email, &error);
      history = cl_subject_get_history (found);
      for (guint i = 0; i < g_list_model_get_n_items (history); i++)
        g_free (cl_subject_describe_event (found, i));
      g_print ("  %-46s %9.1f ms  %9u events\n", "subject look-up by e-mail, with timeline",
               now_ms () - start, g_list_model_get_n_items (history));
    }

  g_print ("  %-46s %9ld MiB\n", "resident memory", rss_kib () / 1024);

  g_clear_object (&model);
  g_clear_object (&ledger);
  if (proposed_index)
    exec_on_file (path, "DROP INDEX bench_events_browse");
  return 0;
}
