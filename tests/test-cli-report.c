/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-report.c: consentctl report, export and erase: what they write, and their exit
 * statuses (BRIEF §5: 0 done, 1 refused, 2 usage). */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cl-test-report.h"
#include "cl-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
  char *access;       /* Anna's access request, verified */
  char *portability;  /* Anna's portability request, verified */
  char *erasure;      /* Anna's erasure request, verified */
  char *unverified;   /* Bertil's access request, not verified */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ClLedger) ledger = NULL;

  fixture->dir = cl_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "cli.db", NULL);
  ledger = cl_test_report_ledger (fixture->dir, "cli.db");
  fixture->access = cl_test_report_request (ledger, CL_REQUEST_TYPE_ACCESS, "A-1042", TRUE);
  fixture->portability = cl_test_report_request (ledger, CL_REQUEST_TYPE_PORTABILITY,
                                                 "c-anna-7f3a9e", TRUE);
  fixture->erasure = cl_test_report_request (ledger, CL_REQUEST_TYPE_ERASURE,
                                             "anna.lindqvist@example.se", TRUE);
  fixture->unverified = cl_test_report_request (ledger, CL_REQUEST_TYPE_ACCESS, "B-2077", FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->access);
  g_free (fixture->portability);
  g_free (fixture->erasure);
  g_free (fixture->unverified);
}

/* Runs consentctl --ledger PATH with the NULL-terminated arguments. */
static int
run (Fixture     *fixture,
     char       **out,
     char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (gpointer) "--ledger");
  g_ptr_array_add (argv, fixture->path);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return cl_test_run_consentctl ((const char * const *) argv->pdata, NULL, out, err);
}

static void
assert_written (const char *out,
                const char *path)
{
  g_autoptr(GBytes) bytes = cl_test_read_bytes (path);
  g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *line = g_strdup_printf ("wrote %s (SHA-256 %s)\n", path, digest);
  GStatBuf st;

  g_assert_cmpstr (out, ==, line);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const formats[] = { "html", "pdf", "json" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("report.%s", formats[i]);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *out = NULL;

      g_assert_cmpint (run (fixture, &out, NULL, "report", fixture->access, "--format", formats[i],
                            "-o", path, NULL), ==, 0);
      assert_written (out, path);
    }

  /* Recorded on the request, with the same digests. */
  {
    g_autofree char *out = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonArray *files;

    g_assert_cmpint (run (fixture, &out, NULL, "request", "show", fixture->access, "--json", NULL),
                     ==, 0);
    json_parser_load_from_data (parser, out, -1, NULL);
    files = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "files");
    g_assert_cmpuint (json_array_get_length (files), ==, 3);
  }
}

static void
test_report_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "no.html", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (run (fixture, NULL, &err, "report", fixture->erasure, "--format", "html",
                        "-o", path, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "is an erasure request, not an access request"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, NULL, &err, "report", fixture->unverified, "--format", "html",
                        "-o", path, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "has not been verified"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, NULL, NULL, "report", "DSR-1999-0001", "--format", "html",
                        "-o", path, NULL), ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_report_usage (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "no.html", NULL);

  g_assert_cmpint (run (fixture, NULL, NULL, "report", fixture->access, "--format", "docx",
                        "-o", path, NULL), ==, 2);
  g_assert_cmpint (run (fixture, NULL, NULL, "report", fixture->access, "--format", "html", NULL),
                   ==, 2);
  g_assert_cmpint (run (fixture, NULL, NULL, "report", "--format", "html", "-o", path, NULL), ==,
                   2);
  g_assert_cmpint (run (fixture, NULL, NULL, "report", fixture->access, "--format", "pdf",
                        "-o", path, "--bogus", NULL), ==, 2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "export.json", NULL);
  g_autofree char *loose = g_build_filename (fixture->dir, "loose.json", NULL);
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  g_assert_cmpint (run (fixture, &out, NULL, "export", "--subject", "A-1042", "--request",
                        fixture->portability, "-o", path, NULL), ==, 0);
  assert_written (out, path);
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "consent-ledger-export");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "events")), ==, 4);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (fixture, &out, NULL, "export", "--subject", "bertil.berg@example.org",
                        "-o", loose, NULL), ==, 0);
  assert_written (out, loose);

  /* Refused: another subject than the request's; an access request; nobody. */
  g_assert_cmpint (run (fixture, NULL, NULL, "export", "--subject", "B-2077", "--request",
                        fixture->portability, "-o", path, NULL), ==, 1);
  g_assert_cmpint (run (fixture, NULL, NULL, "export", "--request", fixture->access, "-o", path,
                        NULL), ==, 1);
  g_assert_cmpint (run (fixture, NULL, NULL, "export", "--subject", "nobody@example.com", "-o",
                        path, NULL), ==, 1);
  /* Usage. */
  g_assert_cmpint (run (fixture, NULL, NULL, "export", "-o", path, NULL), ==, 2);
  g_assert_cmpint (run (fixture, NULL, NULL, "export", "--subject", "A-1042", NULL), ==, 2);
  g_assert_cmpint (run (fixture, NULL, NULL, "export", "extra", "--subject", "A-1042", "-o", path,
                        NULL), ==, 2);
}

static void
test_erase (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  /* Usage first, then refusals: nothing is erased by either. */
  g_assert_cmpint (run (fixture, NULL, NULL, "erase", NULL), ==, 2);
  g_assert_cmpint (run (fixture, NULL, NULL, "erase", "--subject", "A-1042", "extra", NULL), ==, 2);
  g_assert_cmpint (run (fixture, NULL, &err, "erase", "--request", fixture->access, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "is an access request, not an erasure request"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, NULL, &err, "erase", "--subject", "nobody@example.com", NULL),
                   ==, 1);
  g_assert_null (strstr (err, "nobody@example.com"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (fixture, &out, &err, "erase", "--subject", "c-anna-phone-99b1",
                        "--request", fixture->erasure, "--json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  json_parser_load_from_data (parser, out, -1, NULL);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "events"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (root, "identifiers"), ==, 4);
  g_assert_true (json_object_get_boolean_member (root, "log_cleared"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Gone: the subject is not found any more, and erasing again is refused. */
  g_assert_cmpint (run (fixture, NULL, NULL, "subject", "A-1042", NULL), ==, 1);
  g_assert_cmpint (run (fixture, NULL, NULL, "erase", "--subject", "A-1042", NULL), ==, 1);

  g_assert_cmpint (run (fixture, &out, NULL, "erase", "--subject", "B-2077", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "erased 1 consent event and 3 identifiers; a tombstone was kept "
                            "for each identifier\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (fixture, &out, NULL, "audit", "--verify", NULL), ==, 0);
}

/* erase --finish: the clearing an erasure could not do while another program read the ledger. */
static void
test_erase_finish (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%F");
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  JsonObject *root;
  gpointer reader;

  g_assert_cmpint (run (fixture, NULL, NULL, "erase", "--finish", "--subject", "A-1042", NULL),
                   ==, 2);
  g_assert_cmpint (run (fixture, &out, NULL, "erase", "--finish", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "no erasure was waiting"));
  g_clear_pointer (&out, g_free);

  reader = cl_test_hold_reader (fixture->path);
  g_assert_cmpint (run (fixture, &out, &err, "erase", "--subject", "A-1042", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "consentctl erase --finish"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  cl_test_release_reader (reader);

  g_assert_cmpint (run (fixture, &out, &err, "erase", "--finish", "--json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "pending_since"), ==, today);
  g_assert_true (json_object_get_boolean_member (root, "log_cleared"));
  g_clear_pointer (&out, g_free);

  /* Nothing of Anna in the file, and the log empty (consentctl has closed the ledger). */
  bytes = cl_test_read_bytes (fixture->path);
  for (guint i = 0; cl_test_anna_identifiers[i] != NULL; i++)
    g_assert_cmpuint (cl_test_count_bytes (bytes, cl_test_anna_identifiers[i]), ==, 0);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GBytes) log = cl_test_read_bytes (wal);
      g_assert_cmpuint (cl_test_count_bytes (log, "A-1042"), ==, 0);
    }

  g_assert_cmpint (run (fixture, &out, NULL, "erase", "--finish", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "no erasure was waiting"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/report/formats", test_report);
  ADD ("/cli/report/refused", test_report_refused);
  ADD ("/cli/report/usage", test_report_usage);
  ADD ("/cli/export", test_export);
  ADD ("/cli/erase", test_erase);
  ADD ("/cli/erase-finish", test_erase_finish);
#undef ADD

  return g_test_run ();
}
