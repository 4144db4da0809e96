/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-generate.c: consentctl generate — output, determinism, exit statuses (BRIEF §5). */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cl-consent-reader.h"
#include "cl-test-utils.h"

static const char * const purposes[] = {
  "network", "functional", "measurement", "personalization", "advertising", NULL
};

static guint
count_events (const char *path,
              GHashTable *subjects)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClConsentReader) reader = cl_consent_reader_new_for_path (path, purposes, 0, &error);
  g_autoptr(ClConsentRecord) record = cl_consent_record_new ();
  guint n = 0;

  g_assert_no_error (error);
  while (cl_consent_reader_next (reader, record, &error))
    {
      n++;
      if (subjects != NULL)
        g_hash_table_add (subjects, g_strdup (record->subject));
    }
  g_assert_no_error (error);
  return n;
}

static void
test_generate_both_formats (void)
{
  static const char * const names[] = { "log.csv", "log.jsonl" };
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *ledger = g_build_filename (dir, "ledger.db", NULL);
  g_autofree char *env_var = g_strdup_printf ("CONSENT_LEDGER=%s", ledger);
  const char *env[] = { env_var, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      const char *argv[] = { "generate", "--events", "2000", "--subjects", "300", "--seed", "9",
                             "-o", path, NULL };
      g_autoptr(GHashTable) subjects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autofree char *out = NULL;
      GStatBuf st;

      g_assert_cmpint (cl_test_run_consentctl (argv, env, &out, NULL), ==, 0);
      g_assert_nonnull (strstr (out, "2000"));
      g_assert_nonnull (strstr (out, path));
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);  /* it looks like personal data */
      g_assert_cmpuint (count_events (path, subjects), ==, 2000);
      g_assert_cmpuint (g_hash_table_size (subjects), ==, 300);
    }

  /* Generating touches no ledger. */
  g_assert_false (g_file_test (ledger, G_FILE_TEST_EXISTS));
}

static void
test_generate_deterministic (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *a = g_build_filename (dir, "a.jsonl", NULL);
  g_autofree char *b = g_build_filename (dir, "b.jsonl", NULL);
  g_autofree char *c = g_build_filename (dir, "c.jsonl", NULL);
  const char *argv_a[] = { "generate", "--events", "500", "--seed", "5", "--tc-strings", "-o", a, NULL };
  const char *argv_b[] = { "generate", "--events", "500", "--seed", "5", "--tc-strings", "-o", b, NULL };
  const char *argv_c[] = { "generate", "--events", "500", "--seed", "6", "--tc-strings", "-o", c, NULL };
  g_autoptr(GBytes) bytes_a = NULL;
  g_autoptr(GBytes) bytes_b = NULL;
  g_autoptr(GBytes) bytes_c = NULL;

  g_assert_cmpint (cl_test_run_consentctl (argv_a, NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (cl_test_run_consentctl (argv_b, NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (cl_test_run_consentctl (argv_c, NULL, NULL, NULL), ==, 0);
  bytes_a = cl_test_read_bytes (a);
  bytes_b = cl_test_read_bytes (b);
  bytes_c = cl_test_read_bytes (c);
  g_assert_true (g_bytes_equal (bytes_a, bytes_b));
  g_assert_false (g_bytes_equal (bytes_a, bytes_c));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes_a, NULL), (gssize) g_bytes_get_size (bytes_a),
                                  "\"tc_string\":\"C"));
}

static void
assert_exit (const char * const *argv,
             int                 expected,
             const char         *in_stderr)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (cl_test_run_consentctl (argv, NULL, NULL, &err), ==, expected);
  g_test_message ("%s", err);
  if (in_stderr != NULL && strstr (err, in_stderr) == NULL)
    g_error ("“%s” not in stderr: %s", in_stderr, err);
}

static void
test_generate_usage_errors (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *csv = g_build_filename (dir, "x.csv", NULL);
  g_autofree char *txt = g_build_filename (dir, "x.txt", NULL);
  const char *no_events[] = { "generate", "-o", csv, NULL };
  const char *zero_events[] = { "generate", "--events", "0", "-o", csv, NULL };
  const char *bad_number[] = { "generate", "--events", "many", "-o", csv, NULL };
  const char *no_output[] = { "generate", "--events", "10", NULL };
  const char *bad_extension[] = { "generate", "--events", "10", "-o", txt, NULL };
  const char *extra[] = { "generate", "--events", "10", "-o", csv, "more", NULL };
  const char *unknown[] = { "generate", "--events", "10", "-o", csv, "--frob", NULL };
  const char *negative_seed[] = { "generate", "--events", "10", "--seed", "-1", "-o", csv, NULL };

  assert_exit (no_events, 2, "--events");
  assert_exit (zero_events, 2, "--events");
  assert_exit (bad_number, 2, "consentctl generate");
  assert_exit (no_output, 2, "-o");
  assert_exit (bad_extension, 2, ".jsonl or .csv");
  assert_exit (extra, 2, "consentctl generate");
  assert_exit (unknown, 2, "consentctl generate");
  assert_exit (negative_seed, 2, "--seed");
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
}

static void
test_generate_write_error (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "missing", "x.csv", NULL);
  const char *argv[] = { "generate", "--events", "10", "-o", path, NULL };

  assert_exit (argv, 1, "consentctl: ");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/generate/both-formats", test_generate_both_formats);
  g_test_add_func ("/cli/generate/deterministic", test_generate_deterministic);
  g_test_add_func ("/cli/generate/usage-errors", test_generate_usage_errors);
  g_test_add_func ("/cli/generate/write-error", test_generate_write_error);

  return g_test_run ();
}
