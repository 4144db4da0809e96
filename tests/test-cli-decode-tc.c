/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-decode-tc.c: consentctl decode-tc, its exit statuses (BRIEF §5), and the ledger
 * name lookups its text form uses. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-error.h"
#include "cl-ledger.h"
#include "cl-tc-names.h"
#include "cl-tc-string.h"
#include "cl-test-utils.h"

/* Hand-made: CMP 7, consents for vendors 1-10 (bit field), LI for 1-10, one publisher
 * restriction (purpose 7 requires consent for vendor 32). */
#define TC_STRING "COwAdDhOwAdDhN4ABAENAPCgAAQAAv___wAAAFP_AAp_4AI6ACACAA"

typedef struct
{
  char *dir;
  char *path;
  char *out;
  char *err;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = cl_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "tc.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->out);
  g_free (fixture->err);
}

/* Runs `consentctl --ledger PATH ARGS…`; keeps the output. */
static int
run (Fixture *fixture,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "--ledger");
  g_ptr_array_add (argv, fixture->path);
  va_start (args, fixture);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (&fixture->out, g_free);
  g_clear_pointer (&fixture->err, g_free);
  return cl_test_run_consentctl ((const char * const *) argv->pdata, NULL, &fixture->out,
                                 &fixture->err);
}

/* The CMP list and the vendors are other features' imports; here they are rows put in place. */
static void
add_names (Fixture *fixture)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (run (fixture, "init", NULL), ==, 0);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO cmps (id, name) VALUES (888, 'Testbolaget CMP');"
                                 "INSERT INTO vendors (gvl_id, name, updated_at) VALUES "
                                 "  (2, 'Andra Leverantören AB', '2026-01-01T00:00:00Z'),"
                                 "  (9, 'Nionde GmbH', '2026-01-01T00:00:00Z');",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_text_with_names (Fixture       *fixture,
                      gconstpointer  data)
{
  add_names (fixture);
  g_assert_cmpint (run (fixture, "decode-tc", TC_STRING, NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");
  g_assert_nonnull (strstr (fixture->out, "Testbolaget CMP (id 888), version 1"));
  g_assert_nonnull (strstr (fixture->out, "2020-03-09 19:11:31.3 UTC"));
  g_assert_nonnull (strstr (fixture->out, "    2  Andra Leverantören AB\n"));
  g_assert_nonnull (strstr (fixture->out, "    9  Nionde GmbH\n"));
  g_assert_nonnull (strstr (fixture->out, "Not in the vendor list: 1, 3-8, 10\n"));
  g_assert_nonnull (strstr (fixture->out, "Use profiles to select personalised content"));
  g_assert_nonnull (strstr (fixture->out,
                            "Purpose 7 (Measure advertising performance): requires consent "
                            "for vendors: 32\n"));
}

static void
test_text_without_names (Fixture       *fixture,
                         gconstpointer  data)
{
  /* A new ledger knows no CMP and no vendor: ids instead of names. */
  g_assert_cmpint (run (fixture, "decode-tc", TC_STRING, NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "id 888 (not in the CMP list), version 1"));
  g_assert_nonnull (strstr (fixture->out, "Not in the vendor list: 1-10\n"));
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClTcString) tc = cl_tc_string_decode (TC_STRING, &error);
  g_autoptr(JsonNode) expected = NULL;
  JsonObject *o;

  g_assert_no_error (error);
  g_assert_cmpint (run (fixture, "decode-tc", "--json", TC_STRING, NULL), ==, 0);
  json_parser_load_from_data (parser, fixture->out, -1, &error);
  g_assert_no_error (error);
  expected = cl_tc_string_to_json (tc);
  g_assert_true (json_node_equal (json_parser_get_root (parser), expected));

  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (o, "cmpId"), ==, 888);
  g_assert_cmpstr (json_object_get_string_member (o, "created"), ==, "2020-03-09T19:11:31.3Z");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "publisherRestrictions")),
                    ==, 1);
  /* The JSON is the string alone: no ledger was needed, none was created. */
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_invalid (Fixture       *fixture,
              gconstpointer  data)
{
  /* The same string cut short, and with a character base64url does not have. */
  g_assert_cmpint (run (fixture, "decode-tc", "COwAdDhOwAdDhN4ABAENAPCgAAQ", NULL), ==, 1);
  g_assert_cmpstr (fixture->out, ==, "");
  g_assert_true (g_str_has_prefix (fixture->err, "consentctl: This is not a valid TC string. "));
  g_assert_nonnull (strstr (fixture->err, "truncated"));

  g_assert_cmpint (run (fixture, "decode-tc", "--json", "COwAdDhOwAdD+N4ABAENAPCgAAQAAv___wAAAFP_AAp_4AI6ACACAA", NULL), ==, 1);
  g_assert_cmpstr (fixture->out, ==, "");
  g_assert_nonnull (strstr (fixture->err, "Character 13 ('+') is not base64url"));

  g_assert_cmpint (run (fixture, "decode-tc", "DOwAdDhOwAdDhN4ABAENAPCgAAQAAv___wAAAFP_AAp_4AI6ACACAA", NULL), ==, 1);
  g_assert_nonnull (strstr (fixture->err, "version 3, which does not exist"));
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_cmpint (run (fixture, "decode-tc", NULL), ==, 2);
  g_assert_nonnull (strstr (fixture->err, "give the TC string to decode"));
  g_assert_cmpint (run (fixture, "decode-tc", TC_STRING, TC_STRING, NULL), ==, 2);
  g_assert_cmpint (run (fixture, "decode-tc", "--no-such-option", TC_STRING, NULL), ==, 2);
  g_assert_cmpint (run (fixture, "decode-tc", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "--json"));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_ledger_lookups (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClTcString) tc = cl_tc_string_decode (TC_STRING, &error);
  g_autofree char *cmp = NULL;
  g_autofree char *vendor = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *text = NULL;

  add_names (fixture);
  ledger = cl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);

  cmp = cl_tc_names_cmp (ledger, 888, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cmp, ==, "Testbolaget CMP");
  vendor = cl_tc_names_vendor (ledger, 9, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vendor, ==, "Nionde GmbH");
  unknown = cl_tc_names_vendor (ledger, 10, &error);
  g_assert_no_error (error);
  g_assert_null (unknown);

  text = cl_tc_string_describe_in (tc, ledger, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Testbolaget CMP"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/cli/decode-tc/text-with-names", test_text_with_names);
  ADD ("/cli/decode-tc/text-without-names", test_text_without_names);
  ADD ("/cli/decode-tc/json", test_json);
  ADD ("/cli/decode-tc/invalid", test_invalid);
  ADD ("/cli/decode-tc/usage", test_usage);
  ADD ("/ledger/tc-names/lookups", test_ledger_lookups);

  return g_test_run ();
}
