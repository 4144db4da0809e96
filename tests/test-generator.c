/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-generator.c: the synthetic consent log is deterministic, has the counts asked for,
 * and reads back through the consent reader without an error in both formats. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cl-consent-generator.h"
#include "cl-error.h"
#include "cl-time.h"
#include "cl-test-utils.h"

static const char * const ledger_purposes[] = {
  "network", "functional", "measurement", "personalization", "advertising", NULL
};

static GBytes *
generate (guint64         n_events,
          guint64         n_subjects,
          guint64         seed,
          gboolean        tc_strings,
          ClConsentFormat format)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  ClConsentGeneratorOptions options;

  cl_consent_generator_options_init (&options);
  options.n_events = n_events;
  options.n_subjects = n_subjects;
  options.seed = seed;
  options.tc_strings = tc_strings;
  g_assert_true (cl_consent_generate_to_stream (&options, format, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
test_deterministic (void)
{
  for (ClConsentFormat format = CL_CONSENT_FORMAT_JSONL; format <= CL_CONSENT_FORMAT_CSV; format++)
    {
      g_autoptr(GBytes) a = generate (3000, 0, 42, TRUE, format);
      g_autoptr(GBytes) b = generate (3000, 0, 42, TRUE, format);
      g_autoptr(GBytes) c = generate (3000, 0, 43, TRUE, format);

      g_assert_true (g_bytes_equal (a, b));
      g_assert_false (g_bytes_equal (a, c));
    }
}

/* A fixed fingerprint: the output must not change by accident (a new GLib, another
 * machine: the generator uses integer arithmetic only), since demos and benchmarks compare
 * runs. Update it only on purpose. */
static void
test_stable_output (void)
{
  g_autoptr(GBytes) bytes = generate (200, 50, 7, FALSE, CL_CONSENT_FORMAT_JSONL);
  g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *first_line_end = memchr (data, '\n', size);
  g_autofree char *first = g_strndup (data, (gsize) (first_line_end - data));

  g_test_message ("first line: %s\nsha256: %s", first, sum);
  g_assert_true (g_str_has_prefix (first, "{\"event_id\":\"ev-195bf822d0d2d8bf\","
                                          "\"subject\":\"c-9971b170f962\","
                                          "\"recorded_at\":\"2024-11-03T16:55:57.709Z\""));
  g_assert_cmpstr (sum, ==, "ebfcd5dc6e6df5146971873c7da026fc914c3b2959b9c59589ce7bac09526e37");
}

typedef struct
{
  guint       n_events;
  GHashTable *subjects;        /* consent id → number of events */
  GHashTable *email_subjects;  /* e-mail → GHashTable of consent ids */
  guint       methods[CL_CONSENT_N_METHODS];
  guint       n_tc_strings;
  guint       n_vendors;
  guint       n_without_id;
  guint       policy_seen[8];
} Summary;

static void
summary_clear (Summary *s)
{
  g_clear_pointer (&s->subjects, g_hash_table_unref);
  g_clear_pointer (&s->email_subjects, g_hash_table_unref);
}

/* Reads the log back with the reader the importer uses, checking every event on the way. */
static void
read_back (GBytes          *bytes,
           ClConsentFormat  format,
           Summary         *s)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(ClConsentReader) reader = NULL;
  g_autoptr(ClConsentRecord) record = cl_consent_record_new ();
  g_autoptr(GError) error = NULL;
  guint n_policies;
  const ClGeneratedPolicy *policies = cl_consent_generator_get_policies (&n_policies);
  gint64 last = G_MININT64;

  memset (s, 0, sizeof *s);
  s->subjects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s->email_subjects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_hash_table_unref);

  reader = cl_consent_reader_new_for_format (stream, "generated", format, ledger_purposes, 0);
  while (cl_consent_reader_next (reader, record, &error))
    {
      guint p;

      s->n_events++;
      g_assert_cmpint (record->recorded_at, >=, last);  /* in time order */
      last = record->recorded_at;
      g_assert_true (g_str_has_prefix (record->subject, "c-"));
      g_hash_table_insert (s->subjects, g_strdup (record->subject),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (s->subjects, record->subject)) + 1));
      s->methods[record->method]++;
      s->n_tc_strings += record->tc_string != NULL;
      s->n_vendors += record->vendors->len;
      s->n_without_id += record->event_id == NULL;

      g_assert_nonnull (record->policy_version);
      for (p = 0; p < n_policies; p++)
        if (strcmp (policies[p].version, record->policy_version) == 0)
          break;
      g_assert_cmpuint (p, <, n_policies);
      s->policy_seen[p]++;

      g_assert_nonnull (record->url);
      g_assert_true (g_str_has_prefix (record->url, "https://www.alleima.com/"));
      g_assert_nonnull (record->country);
      g_assert_cmpuint (strlen (record->country), ==, 2);
      g_assert_nonnull (record->ip);
      g_assert_true (g_str_has_suffix (record->ip, ".0") || g_str_has_suffix (record->ip, "::"));
      g_assert_nonnull (record->user_agent);
      g_assert_true (g_str_has_prefix (record->user_agent, "Mozilla/5.0 ("));

      if (record->method == CL_CONSENT_METHOD_GPC)
        g_assert_true (record->gpc);
      if (record->method == CL_CONSENT_METHOD_ACCEPT_ALL)
        for (guint d = 0; d < record->decisions->len; d++)
          g_assert_true (g_array_index (record->decisions, ClConsentDecision, d).granted);
      if (record->method == CL_CONSENT_METHOD_REJECT_ALL)
        for (guint d = 0; d < record->decisions->len; d++)
          g_assert_false (g_array_index (record->decisions, ClConsentDecision, d).granted);

      if (record->email != NULL)
        {
          GHashTable *set = g_hash_table_lookup (s->email_subjects, record->email);

          g_assert_nonnull (strchr (record->email, '@'));
          if (set == NULL)
            {
              set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              g_hash_table_insert (s->email_subjects, g_strdup (record->email), set);
            }
          g_hash_table_add (set, g_strdup (record->subject));
        }
    }
  g_assert_no_error (error);
}

static void
test_read_back (void)
{
  for (ClConsentFormat format = CL_CONSENT_FORMAT_JSONL; format <= CL_CONSENT_FORMAT_CSV; format++)
    {
      g_autoptr(GBytes) bytes = generate (20000, 4000, 3, TRUE, format);
      Summary s;
      GHashTableIter iter;
      gpointer key, value;
      guint shared = 0, returning = 0;

      read_back (bytes, format, &s);

      g_assert_cmpuint (s.n_events, ==, 20000);
      g_assert_cmpuint (g_hash_table_size (s.subjects), ==, 4000);
      for (guint m = 0; m < CL_CONSENT_N_METHODS; m++)
        g_assert_cmpuint (s.methods[m], >, 20000 / 50);  /* every method, at least 2 % */
      g_assert_cmpuint (s.methods[CL_CONSENT_METHOD_ACCEPT_ALL], >, s.methods[CL_CONSENT_METHOD_REJECT_ALL]);
      g_assert_cmpuint (s.methods[CL_CONSENT_METHOD_ACCEPT_ALL], >, s.methods[CL_CONSENT_METHOD_WITHDRAW]);
      for (guint p = 0; p < 4; p++)
        g_assert_cmpuint (s.policy_seen[p], >, 1000);  /* four versions over two years */
      g_assert_cmpuint (s.n_tc_strings, ==, 20000);
      g_assert_cmpuint (s.n_without_id, >, 0);
      g_assert_cmpuint (s.n_without_id, <, 20000 / 20);
      if (format == CL_CONSENT_FORMAT_JSONL)
        g_assert_cmpuint (s.n_vendors, >, 0);
      else
        g_assert_cmpuint (s.n_vendors, ==, 0);  /* the CSV format has no vendor column */

      /* Some people use several devices under one e-mail address. */
      g_hash_table_iter_init (&iter, s.email_subjects);
      while (g_hash_table_iter_next (&iter, &key, &value))
        shared += g_hash_table_size (value) > 1;
      g_assert_cmpuint (shared, >, 10);

      /* Visitors come back. */
      g_hash_table_iter_init (&iter, s.subjects);
      while (g_hash_table_iter_next (&iter, &key, &value))
        returning += GPOINTER_TO_UINT (value) > 1;
      g_assert_cmpuint (returning, >, 4000 / 2);

      summary_clear (&s);
    }
}

static void
test_counts (void)
{
  static const struct { guint64 events, subjects, expected_subjects; } cases[] = {
    { 0, 0, 0 }, { 1, 0, 1 }, { 10, 0, 3 }, { 100, 100, 100 }, { 5, 50, 5 }, { 1000, 1, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (ClConsentFormat format = CL_CONSENT_FORMAT_JSONL; format <= CL_CONSENT_FORMAT_CSV; format++)
      {
        g_autoptr(GBytes) bytes = generate (cases[i].events, cases[i].subjects, 1, FALSE, format);
        Summary s;

        read_back (bytes, format, &s);
        g_assert_cmpuint (s.n_events, ==, cases[i].events);
        g_assert_cmpuint (g_hash_table_size (s.subjects), ==, cases[i].expected_subjects);
        g_assert_cmpuint (s.n_tc_strings, ==, 0);
        summary_clear (&s);
      }
}

static void
test_to_file (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *csv = g_build_filename (dir, "log.csv", NULL);
  g_autofree char *jsonl = g_build_filename (dir, "log.jsonl", NULL);
  g_autofree char *txt = g_build_filename (dir, "log.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = generate (500, 0, 1, FALSE, CL_CONSENT_FORMAT_CSV);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(ClConsentReader) reader = NULL;
  ClConsentGeneratorOptions options;
  GStatBuf st;

  cl_consent_generator_options_init (&options);
  options.n_events = 500;

  /* An existing world-readable file is replaced by one only the owner can read. */
  g_assert_true (g_file_set_contents (csv, "old", -1, NULL));
  g_assert_cmpint (g_chmod (csv, 0644), ==, 0);
  g_assert_true (cl_consent_generate_to_file (&options, csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (csv, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  written = cl_test_read_bytes (csv);
  g_assert_true (g_bytes_equal (written, expected));

  g_assert_true (cl_consent_generate_to_file (&options, jsonl, NULL, &error));
  g_assert_cmpint (g_stat (jsonl, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  reader = cl_consent_reader_new_for_path (jsonl, ledger_purposes, 0, &error);
  g_assert_no_error (error);

  g_assert_false (cl_consent_generate_to_file (&options, txt, NULL, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
}

/* A cancelled run leaves the file that was there before untouched. */
static void
test_cancel_keeps_old_file (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "log.jsonl", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  ClConsentGeneratorOptions options;

  cl_consent_generator_options_init (&options);
  options.n_events = 100000;
  g_assert_true (g_file_set_contents (path, "old\n", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (cl_consent_generate_to_file (&options, path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old\n");
}

static void
test_policies (void)
{
  guint n;
  const ClGeneratedPolicy *p = cl_consent_generator_get_policies (&n);
  const char * const *keys = cl_consent_generator_get_purposes ();

  g_assert_cmpuint (n, >=, 3);
  for (guint i = 0; i < n; i++)
    {
      GDate date;

      g_assert_true (cl_time_parse_date (p[i].effective, &date));
      if (i > 0)
        g_assert_cmpstr (p[i - 1].effective, <, p[i].effective);
    }
  g_assert_true (p[0].significant);
  g_assert_cmpuint (g_strv_length ((char **) keys), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ledger/generator/deterministic", test_deterministic);
  g_test_add_func ("/ledger/generator/stable-output", test_stable_output);
  g_test_add_func ("/ledger/generator/read-back", test_read_back);
  g_test_add_func ("/ledger/generator/counts", test_counts);
  g_test_add_func ("/ledger/generator/to-file", test_to_file);
  g_test_add_func ("/ledger/generator/cancel-keeps-old-file", test_cancel_keeps_old_file);
  g_test_add_func ("/ledger/generator/policies", test_policies);

  return g_test_run ();
}
