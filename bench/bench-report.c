/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-report.c: the subject-access report and erasure on a big ledger (BRIEF §6): the report
 * of one subject among 1M events in JSON, HTML (target < 50 ms) and PDF (< 300 ms), and the
 * erasure of one subject with secure deletion (< 1 s), then a residue scan of the files.
 *
 *   bench-report [--subjects N] [--no-erase] [LEDGER]
 *
 * Without LEDGER it uses build/bench-data/ledger-1m.db (the ledger bench-browse makes: 1,000,000
 * events over 300,000 subjects, consentctl generate --seed 7 and import consents), made here if
 * it is missing. The ledger is copied first: the benchmark adds requests and erases subjects. */
#define _GNU_SOURCE  /* memmem */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "cl-erasure.h"
#include "cl-report-model.h"
#include "cl-report-file.h"
#include "cl-report-pdf.h"
#include "cl-request.h"

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
      g_printerr ("bench-report: consentctl failed: %s\n", error->message);
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

/* The benchmark's own copy only: SQL outside the library on purpose, to pick subjects. */
static GPtrArray *
pick_subjects (const char *path,
               guint       n)
{
  GPtrArray *picked = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db,
                             "SELECT (SELECT value FROM identifiers i WHERE i.subject_id = s.id"
                             "        ORDER BY id LIMIT 1)"
                             " FROM subjects s WHERE s.id % (SELECT max(id) / ?1 FROM subjects) = 7"
                             " LIMIT ?1", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int (stmt, 1, n);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        if (sqlite3_column_text (stmt, 0) != NULL)
          g_ptr_array_add (picked, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return picked;
}

static GPtrArray *
identifiers_of (ClLedger   *ledger,
                const char *identifier)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_strdup (cl_ledger_get_path (ledger));
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db,
                             "SELECT value FROM identifiers WHERE subject_id ="
                             " (SELECT subject_id FROM identifiers WHERE value = ?)", -1, &stmt,
                             NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, identifier, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return values;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
print_figures (const char *what,
               GArray     *wall,
               GArray     *cpu,
               double      target)
{
  double median, max, cpu_median;

  if (wall->len == 0)
    return;
  g_array_sort (wall, compare_doubles);
  g_array_sort (cpu, compare_doubles);
  median = g_array_index (wall, double, wall->len / 2);
  max = g_array_index (wall, double, wall->len - 1);
  cpu_median = g_array_index (cpu, double, cpu->len / 2);
  printf ("  %-32s wall median %7.1f ms, max %7.1f ms; CPU median %7.1f ms (%u runs)%s\n", what,
          median, max, cpu_median, wall->len,
          target <= 0 ? "" : cpu_median < target ? "  ok" : "  OVER TARGET");
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of this thread, in ms: on a shared, busy machine the steadier figure. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

typedef struct
{
  double wall;
  double cpu;
} Mark;

static Mark
mark (void)
{
  return (Mark) { now_ms (), cpu_ms () };
}

/* Appends the time since from (plus extra, a time already spent) to wall and cpu. */
static void
record (GArray *wall,
        GArray *cpu,
        Mark    from,
        Mark    extra)
{
  double w = now_ms () - from.wall + extra.wall;
  double c = cpu_ms () - from.cpu + extra.cpu;

  g_array_append_val (wall, w);
  g_array_append_val (cpu, c);
}

static char *
new_request (ClLedger      *ledger,
             ClRequestType  type,
             const char    *subject)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRequest) request = cl_request_create (ledger, type, subject, CL_JURISDICTION_GDPR,
                                                    NULL, &error);
  g_autoptr(ClRequest) verified = NULL;

  if (request == NULL
      || !(verified = cl_request_verify (ledger, cl_request_get_reference (request),
                                         "benchmark", &error)))
    g_error ("bench-report: %s", error->message);
  return g_strdup (cl_request_get_reference (request));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GPtrArray) subjects = NULL;
  GArray *times[12];
  g_autofree char *source = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *copy_command = NULL;
  double first_pdf = -1;
  enum { BUILD, JSON, HTML, PDF, FILE_HTML, ERASE };
  guint n_subjects = 20;
  guint residue = 0;
  guint n_pages = 0;
  gboolean erase = TRUE;
  int i;

  for (guint t = 0; t < G_N_ELEMENTS (times); t++)
    times[t] = g_array_new (FALSE, FALSE, sizeof (double));
#define WALL(what) times[2 * (what)]
#define CPU(what)  times[2 * (what) + 1]

  for (i = 1; i < argc && argv[i][0] == '-'; i++)
    if (strcmp (argv[i], "--subjects") == 0 && i + 1 < argc)
      {
        int n = atoi (argv[++i]);
        n_subjects = n > 0 ? (guint) n : 1;
      }
    else if (strcmp (argv[i], "--no-erase") == 0)
      erase = FALSE;
    else
      {
        g_printerr ("Usage: bench-report [--subjects N] [--no-erase] [LEDGER]\n");
        return 2;
      }
  source = i < argc ? g_strdup (argv[i])
                    : g_build_filename (BUILD_ROOT, "bench-data", "ledger-1m.db", NULL);
  if (!g_file_test (source, G_FILE_TEST_EXISTS) && (i < argc || !make_ledger (source)))
    return 1;

  /* A scratch copy: the benchmark adds requests and erases subjects. */
  dir = g_dir_make_tmp ("bench-report-XXXXXX", &error);
  g_assert_no_error (error);
  copy = g_build_filename (dir, "ledger.db", NULL);
  copy_command = g_strdup_printf ("cp '%s' '%s'", source, copy);
  if (system (copy_command) != 0)
    return 1;

  ledger = cl_ledger_open (copy, &error);
  if (ledger == NULL)
    g_error ("bench-report: %s", error->message);
  subjects = pick_subjects (copy, n_subjects);
  printf ("bench-report: %s, %u subjects\n", source, subjects->len);

  for (guint s = 0; s < subjects->len; s++)
    {
      const char *subject = g_ptr_array_index (subjects, s);
      g_autofree char *reference = new_request (ledger, CL_REQUEST_TYPE_ACCESS, subject);
      g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
      g_autoptr(JsonObject) report = NULL;
      g_autoptr(GBytes) json = NULL;
      g_autoptr(GBytes) html = NULL;
      g_autoptr(GBytes) pdf = NULL;
      Mark start, built, t;

      /* Each format as the CLI and the window make it: the model read from the ledger, then
       * rendered. */
      start = mark ();
      report = cl_report_build (ledger, reference, &error);
      if (report == NULL)
        g_error ("bench-report: %s", error->message);
      record (WALL (BUILD), CPU (BUILD), start, (Mark) { 0, 0 });
      built = (Mark) { now_ms () - start.wall, cpu_ms () - start.cpu };

      t = mark ();
      json = cl_report_render_json (report);
      record (WALL (JSON), CPU (JSON), t, built);

      t = mark ();
      html = cl_report_render_html (report);
      record (WALL (HTML), CPU (HTML), t, built);

      t = mark ();
      pdf = cl_report_render_pdf (report, &n_pages, &error);
      if (pdf == NULL)
        g_error ("bench-report: %s", error->message);
      if (first_pdf < 0)
        first_pdf = now_ms () - t.wall + built.wall;  /* loads the fonts: once per process */
      else
        record (WALL (PDF), CPU (PDF), t, built);

      /* The whole of it: build, render, write the file (fsync), record it on the request. */
      t = mark ();
      if (!cl_report_file_write (ledger, reference, CL_REPORT_FORMAT_HTML, path, NULL, NULL,
                                 &error))
        g_error ("bench-report: %s", error->message);
      record (WALL (FILE_HTML), CPU (FILE_HTML), t, (Mark) { 0, 0 });
    }

  printf ("Subject-access report of one subject (model from the ledger + rendering):\n");
  print_figures ("model only", WALL (BUILD), CPU (BUILD), 0);
  print_figures ("JSON", WALL (JSON), CPU (JSON), 50);
  print_figures ("HTML", WALL (HTML), CPU (HTML), 50);
  printf ("  %-32s wall %7.1f ms (fonts loaded once per process)\n", "PDF, first of the process",
          first_pdf);
  print_figures ("PDF", WALL (PDF), CPU (PDF), 300);
  print_figures ("HTML file written and recorded", WALL (FILE_HTML), CPU (FILE_HTML), 0);
  printf ("  (last PDF: %u pages)\n", n_pages);

  if (erase)
    printf ("Erasure of one subject (secure delete, WAL truncated, free space scrubbed):\n");
  for (guint s = 0; erase && s < subjects->len; s++)
    {
      const char *subject = g_ptr_array_index (subjects, s);
      g_autofree char *reference = new_request (ledger, CL_REQUEST_TYPE_ERASURE, subject);
      g_autoptr(GPtrArray) values = identifiers_of (ledger, subject);
      g_autofree char *db_bytes = NULL;
      gsize length = 0;
      ClErasureResult result;
      Mark t = mark ();

      if (!cl_erasure_erase_subject (ledger, NULL, reference, NULL, &result, &error))
        g_error ("bench-report: %s", error->message);
      record (WALL (ERASE), CPU (ERASE), t, (Mark) { 0, 0 });
      if (!result.log_cleared)
        printf ("  the log could not be cleared for %s\n", reference);

      /* Residue: the bytes of the ledger and its WAL. */
      for (guint f = 0; f < 2; f++)
        {
          g_autofree char *name = g_strconcat (copy, f == 0 ? "" : "-wal", NULL);

          g_clear_pointer (&db_bytes, g_free);
          if (!g_file_get_contents (name, &db_bytes, &length, NULL))
            continue;
          for (guint v = 0; v < values->len; v++)
            if (memmem (db_bytes, length, values->pdata[v], strlen (values->pdata[v])) != NULL)
              residue++;
        }
    }
  if (erase)
    {
      print_figures ("erase one subject", WALL (ERASE), CPU (ERASE), 1000);
      printf ("  residue scan: %u identifiers of erased subjects found in the files\n", residue);
    }

  g_clear_object (&ledger);
  {
    static const char * const suffixes[] = { "", "-wal", "-shm" };
    g_autofree char *report = g_build_filename (dir, "report.pdf", NULL);

    for (guint f = 0; f < G_N_ELEMENTS (suffixes); f++)
      {
        g_autofree char *name = g_strconcat (copy, suffixes[f], NULL);
        g_unlink (name);
      }
    g_unlink (report);
    g_rmdir (dir);
  }
  for (guint t = 0; t < G_N_ELEMENTS (times); t++)
    g_array_unref (times[t]);
  return residue == 0 ? 0 : 1;
}
