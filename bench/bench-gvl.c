/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-gvl.c: how long importing a Global Vendor List takes (BRIEF §6: about 1,000 vendors in
 * under 200 ms): reading, comparing with the ledger and writing, as consentctl does it.
 *
 *   bench-gvl [--vendors N] [--runs R] [FILE]
 *
 * FILE defaults to ../shared/data/gvl/vendor-list-v17.json when it is there; a synthetic list of
 * N vendors (default 1,000) shaped like the real ones is always measured too. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#include "cl-ledger.h"
#include "cl-vendor-import.h"
#include "cl-vendor-store.h"

static int n_runs = 5;
static int n_ledgers = 0;  /* every run gets a fresh ledger file */

/* A list shaped like the real GVL: purposes, retention, URLs in two languages, declarations. */
static char *
synthetic_list (guint n_vendors,
                guint version)
{
  GString *json = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (version);

  g_string_append_printf (json, "{\"gvlSpecificationVersion\":3,\"vendorListVersion\":%u,"
                          "\"tcfPolicyVersion\":4,\"lastUpdated\":\"2024-01-%02uT16:00:00Z\","
                          "\"purposes\":{\"1\":{\"id\":1,\"name\":\"Store and/or access "
                          "information on a device\",\"description\":\"…\"}},\"vendors\":{",
                          version, 1 + version % 28);
  for (guint id = 1; id <= n_vendors; id++)
    {
      guint p = g_rand_int_range (rand, 1, 11);

      g_string_append_printf (json,
                              "%s\"%u\":{\"id\":%u,\"name\":\"Vendor %u Advertising GmbH\","
                              "\"purposes\":[1,%u,%u],\"legIntPurposes\":[%u],"
                              "\"flexiblePurposes\":[%u],\"specialPurposes\":[1,2],"
                              "\"features\":[1,3],\"specialFeatures\":[%u],"
                              "\"cookieMaxAgeSeconds\":%" G_GINT64_FORMAT ","
                              "\"usesCookies\":true,\"cookieRefresh\":%s,"
                              "\"usesNonCookieAccess\":false,"
                              "\"dataRetention\":{\"stdRetention\":%u,\"purposes\":{\"%u\":30},"
                              "\"specialPurposes\":{\"1\":365}},"
                              "\"urls\":[{\"langId\":\"en\",\"privacy\":\"https://v%u.example/"
                              "privacy\",\"legIntClaim\":\"https://v%u.example/li\"},"
                              "{\"langId\":\"de\",\"privacy\":\"https://v%u.example/de/"
                              "datenschutz\"}],\"dataDeclaration\":[1,2,3,%u],"
                              "\"deviceStorageDisclosureUrl\":\"https://v%u.example/ds.json\"%s}",
                              id == 1 ? "" : ",", id, id, id, p, p + 1, 11 - p % 10, p + 1,
                              1 + p % 2, (gint64) g_rand_int_range (rand, 0, 400) * 86400,
                              p % 2 ? "true" : "false", 30 + p, p, id, id, id, 4 + p % 8, id,
                              id % 97 == 0 && version > 1
                              ? ",\"deletedDate\":\"2024-01-02T00:00:00Z\"" : "");
    }
  g_string_append (json, "}}");
  g_rand_free (rand);
  return g_string_free (json, FALSE);
}

/* The process's processor time: on a shared, busy machine the wall clock also counts the time
 * other programs had the processor. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static double
import_once (ClLedger   *ledger,
             const char *path,
             char      **counts,
             double     *cpu)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClVendorImport) import = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_ms ();
  double ms;

  import = cl_vendor_import_new_for_path (ledger, path, NULL, &error);
  if (import == NULL || !cl_vendor_import_apply (import, ledger, NULL, &error))
    g_error ("%s", error->message);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  if (cpu != NULL)
    *cpu = cpu_ms () - cpu_start;
  if (counts != NULL)
    *counts = cl_vendor_import_format_counts (import);
  return ms;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Runs `what` n_runs times on fresh copies of the ledger prepared by `before`; prints the
 * median and the fastest run. */
static void
measure (const char *label,
         const char *dir,
         const char *before,   /* a list imported first (not timed), or NULL */
         const char *path)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *counts = NULL;

  for (int run = 0; run < n_runs; run++)
    {
      g_autofree char *ledger_path = g_strdup_printf ("%s/bench-%d.db", dir, n_ledgers++);
      g_autoptr(ClLedger) ledger = NULL;
      g_autoptr(GError) error = NULL;
      double ms, cpu;

      ledger = cl_ledger_open (ledger_path, &error);
      if (ledger == NULL)
        g_error ("%s", error->message);
      if (before != NULL)
        import_once (ledger, before, NULL, NULL);
      g_clear_pointer (&counts, g_free);
      ms = import_once (ledger, path, &counts, &cpu);
      g_array_append_val (times, ms);
      g_array_append_val (cpu_times, cpu);
    }
  g_array_sort (times, compare_double);
  g_array_sort (cpu_times, compare_double);
  printf ("%-44s wall: median %6.1f ms, fastest %6.1f ms; processor: median %6.1f ms  (%s)\n",
          label, g_array_index (times, double, times->len / 2), g_array_index (times, double, 0),
          g_array_index (cpu_times, double, cpu_times->len / 2), counts);
}

static void
measure_list (const char *label,
              const char *dir,
              const char *path)
{
  g_autofree char *ledger_path = g_strdup_printf ("%s/bench-list.db", dir);
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = 0;

  ledger = cl_ledger_open (ledger_path, &error);
  if (ledger == NULL)
    g_error ("%s", error->message);
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));

  import_once (ledger, path, NULL, NULL);
  for (int run = 0; run < n_runs; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();
      g_autoptr(GListStore) vendors = cl_vendor_store_list (ledger, NULL, &error);
      double ms = (g_get_monotonic_time () - start) / 1000.0;
      double cpu = cpu_ms () - cpu_start;

      if (vendors == NULL)
        g_error ("%s", error->message);
      n = g_list_model_get_n_items (G_LIST_MODEL (vendors));
      g_array_append_val (times, ms);
      g_array_append_val (cpu_times, cpu);
    }
  g_array_sort (times, compare_double);
  g_array_sort (cpu_times, compare_double);
  printf ("%-44s wall: median %6.1f ms, fastest %6.1f ms; processor: median %6.1f ms  (%u vendors)\n",
          label, g_array_index (times, double, times->len / 2), g_array_index (times, double, 0),
          g_array_index (cpu_times, double, cpu_times->len / 2), n);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("[FILE] — time vendor list imports");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *default_file = NULL;
  g_autofree char *v1 = NULL;
  g_autofree char *v2 = NULL;
  g_autofree char *older = NULL;
  const char *file = NULL;
  int n_vendors = 1000;
  GOptionEntry entries[] = {
    { "vendors", 0, 0, G_OPTION_ARG_INT, &n_vendors, "Vendors in the synthetic list", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Runs of each measurement", "R" },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  n_runs = MAX (n_runs, 1);

  dir = g_dir_make_tmp ("bench-gvl-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);

  default_file = g_build_filename (CL_SHARED_DATA_DIR, "gvl", "vendor-list-v17.json", NULL);
  older = g_build_filename (CL_SHARED_DATA_DIR, "gvl", "vendor-list-v7.json", NULL);
  if (argc > 1)
    file = argv[1];
  else if (g_file_test (default_file, G_FILE_TEST_EXISTS))
    file = default_file;

  if (file != NULL)
    {
      g_autofree char *base = g_path_get_basename (file);
      g_autofree char *label = g_strdup_printf ("%s into an empty ledger", base);
      g_autofree char *again = g_strdup_printf ("%s again (all unchanged)", base);

      measure (label, dir, NULL, file);
      measure (again, dir, file, file);
      if (file == default_file && g_file_test (older, G_FILE_TEST_EXISTS))
        measure ("vendor-list-v17.json over v7 (the diff)", dir, older, file);
      measure_list ("listing every vendor (the Vendors page)", dir, file);
    }

  /* A synthetic list of the target's size, and its next version. */
  v1 = g_build_filename (dir, "synthetic-v1.json", NULL);
  v2 = g_build_filename (dir, "synthetic-v2.json", NULL);
  {
    g_autofree char *text1 = synthetic_list (n_vendors, 1);
    g_autofree char *text2 = synthetic_list (n_vendors, 2);
    g_autofree char *label = g_strdup_printf ("synthetic %d vendors into an empty ledger",
                                              n_vendors);
    g_autofree char *label2 = g_strdup_printf ("synthetic %d vendors, next version", n_vendors);

    if (!g_file_set_contents (v1, text1, -1, &error) || !g_file_set_contents (v2, text2, -1, &error))
      g_error ("%s", error->message);
    measure (label, dir, NULL, v1);
    measure (label2, dir, v1, v2);
  }

  remove_dir (dir);
  return 0;
}
