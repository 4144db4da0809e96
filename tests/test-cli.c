/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c: consentctl's global options, init and exit statuses (BRIEF §5). */
#include "config.h"

#include <string.h>

#include "cl-ledger.h"
#include "cl-purpose.h"
#include "cl-test-utils.h"

static guint
n_purposes (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);
  g_autoptr(GListStore) purposes = NULL;

  g_assert_no_error (error);
  purposes = cl_purpose_list (ledger, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (purposes));
}

static void
test_init_with_ledger_option (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "x.db", NULL);
  const char *argv[] = { "--ledger", path, "init", NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (cl_test_run_consentctl (argv, NULL, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, path));
  g_assert_cmpuint (n_purposes (path), ==, 5);
}

static void
test_init_with_environment (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "env.db", NULL);
  g_autofree char *env_var = g_strdup_printf ("CONSENT_LEDGER=%s", path);
  const char *argv[] = { "init", NULL };
  const char *env[] = { env_var, NULL };

  g_assert_cmpint (cl_test_run_consentctl (argv, env, NULL, NULL), ==, 0);
  g_assert_cmpuint (n_purposes (path), ==, 5);
}

static void
test_init_default_xdg_path (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *env_var = g_strdup_printf ("XDG_DATA_HOME=%s", dir);
  g_autofree char *expected = g_build_filename (dir, "consent-ledger", "ledger.db", NULL);
  const char *argv[] = { "init", NULL };
  const char *env[] = { env_var, NULL };

  g_assert_cmpint (cl_test_run_consentctl (argv, env, NULL, NULL), ==, 0);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
}

static void
test_ledger_option_wins_over_environment (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *chosen = g_build_filename (dir, "chosen.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *env_var = g_strdup_printf ("CONSENT_LEDGER=%s", other);
  const char *argv[] = { "--ledger", chosen, "init", NULL };
  const char *env[] = { env_var, NULL };

  g_assert_cmpint (cl_test_run_consentctl (argv, env, NULL, NULL), ==, 0);
  g_assert_true (g_file_test (chosen, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
}

static void
assert_usage_error (const char * const *argv)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (cl_test_run_consentctl (argv, NULL, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "consentctl"));
}

static void
test_usage_errors (void)
{
  const char *no_command[] = { NULL };
  const char *unknown_command[] = { "frobnicate", NULL };
  const char *unknown_global[] = { "--frob", "init", NULL };
  const char *unknown_option[] = { "--ledger", "/nonexistent/x.db", "init", "--frob", NULL };
  const char *extra_argument[] = { "--ledger", "/nonexistent/x.db", "init", "extra", NULL };

  assert_usage_error (no_command);
  assert_usage_error (unknown_command);
  assert_usage_error (unknown_global);
  assert_usage_error (unknown_option);
  assert_usage_error (extra_argument);
}

static void
test_help_and_version (void)
{
  const char *help[] = { "--help", NULL };
  const char *version[] = { "--version", NULL };
  g_autofree char *help_out = NULL;
  g_autofree char *version_out = NULL;

  g_assert_cmpint (cl_test_run_consentctl (help, NULL, &help_out, NULL), ==, 0);
  g_assert_nonnull (strstr (help_out, "init"));
  g_assert_cmpint (cl_test_run_consentctl (version, NULL, &version_out, NULL), ==, 0);
  g_assert_nonnull (strstr (version_out, PACKAGE_VERSION));
}

static void
test_not_a_ledger (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  const char *argv[] = { "--ledger", path, "init", NULL };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  g_file_set_contents (path, "These are my notes, not a ledger.\n", -1, &error);
  g_assert_no_error (error);
  before = cl_test_read_bytes (path);

  g_assert_cmpint (cl_test_run_consentctl (argv, NULL, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "is not a Consent Ledger file"));

  after = cl_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

/* Whether a line of `consentctl records` has a column starting at character @column: a space
 * before it, none at it. */
static gboolean
column_starts_at (const char *line,
                  glong       column)
{
  glong length = g_utf8_strlen (line, -1);
  gunichar here, before;

  if (column >= length)
    return FALSE;
  here = g_utf8_get_char (g_utf8_offset_to_pointer (line, column));
  before = column > 0 ? g_utf8_get_char (g_utf8_offset_to_pointer (line, column - 1)) : ' ';
  return here != ' ' && before == ' ';
}

/* The table's columns line up with its header, counted in characters: a subject with å and ö
 * (more bytes than characters), one longer than the header and a time with milliseconds. */
static void
test_records_table_aligned (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "wide.db", NULL);
  g_autofree char *log = cl_test_data_path ("records-wide.jsonl");
  const char *import[] = { "--ledger", path, "import", "consents", log, NULL };
  const char *records[] = { "--ledger", path, "records", NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (glong));
  const char *header;

  g_assert_cmpint (cl_test_run_consentctl (import, NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (cl_test_run_consentctl (records, NULL, &out, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);  /* header, 3 rows, "" */

  /* The header's words, where each starts (in characters). */
  header = lines[0];
  for (const char *p = header; *p != '\0'; p++)
    if (*p != ' ' && (p == header || p[-1] == ' '))
      {
        glong column = g_utf8_pointer_to_offset (header, p);
        g_array_append_val (columns, column);
      }
  g_assert_true (g_str_has_prefix (header, "recorded_at "));
  g_assert_true (g_str_has_suffix (header, " country url"));
  g_assert_cmpuint (columns->len, ==, 9);  /* 4 + measurement, personalization, advertising + 2 */

  for (guint i = 1; i <= 3; i++)
    for (guint c = 0; c < columns->len; c++)
      if (!column_starts_at (lines[i], g_array_index (columns, glong, c)))
        g_error ("column %u does not line up with the header:\n%s\n%s", c, header, lines[i]);

  g_assert_nonnull (strstr (out, "2026-03-01T12:00:00.250Z c-åsa-öberg "));
  g_assert_nonnull (strstr (out, "https://www.example.se/för-dig\n"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/init/ledger-option", test_init_with_ledger_option);
  g_test_add_func ("/cli/init/environment", test_init_with_environment);
  g_test_add_func ("/cli/init/default-xdg-path", test_init_default_xdg_path);
  g_test_add_func ("/cli/init/option-wins", test_ledger_option_wins_over_environment);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/help-and-version", test_help_and_version);
  g_test_add_func ("/cli/not-a-ledger", test_not_a_ledger);
  g_test_add_func ("/cli/records/table-aligned", test_records_table_aligned);

  return g_test_run ();
}
