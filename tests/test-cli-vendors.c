/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-vendors.c: consentctl import vendors [--dry-run] and consentctl vendors [--json]. */
#include "config.h"

#include <json-glib/json-glib.h>

#include "cl-test-utils.h"

static char *
new_ledger_path (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();

  return g_build_filename (dir, "cli.db", NULL);
}

static int
run (const char  *ledger,
     char       **out,
     char       **err,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "--ledger");
  g_ptr_array_add (argv, (gpointer) ledger);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return cl_test_run_consentctl ((const char * const *) argv->pdata, NULL, out, err);
}

static void
test_import_gvl (void)
{
  g_autofree char *ledger = new_ledger_path ();
  g_autofree char *v1 = cl_test_data_path ("vendors/gvl-small-v1.json");
  g_autofree char *v2 = cl_test_data_path ("vendors/gvl-small-v2.json");
  g_autofree char *out = NULL;
  g_autofree char *dry = NULL;
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;

  g_assert_cmpint (run (ledger, &out, NULL, "import", "vendors", v1, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "added 3, changed 0, withdrawn 0, unchanged 0\n");

  /* --dry-run: the same counts, with the vendors and the changed fields, and nothing written. */
  g_assert_cmpint (run (ledger, &dry, NULL, "import", "vendors", v2, "--dry-run", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (dry, "added 1, changed 1, withdrawn 1, unchanged 1\n"));
  g_assert_nonnull (strstr (dry, "Will Change AB: tcf_purposes, special_features\n"));
  g_assert_nonnull (strstr (dry, "Newcomer GmbH\n"));
  g_assert_nonnull (strstr (dry, "Will Be Withdrawn Inc. (2024-01-10T00:00:00Z)\n"));
  g_assert_nonnull (strstr (dry, "nothing was written"));

  g_assert_cmpint (run (ledger, &after, NULL, "import", "vendors", v2, NULL), ==, 0);
  g_assert_cmpstr (after, ==, "added 1, changed 1, withdrawn 1, unchanged 1\n");
  g_assert_cmpint (run (ledger, &again, NULL, "import", "vendors", v2, NULL), ==, 0);
  g_assert_cmpstr (again, ==, "added 0, changed 0, withdrawn 0, unchanged 4\n");
}

static void
test_import_dry_run_writes_nothing (void)
{
  g_autofree char *ledger = new_ledger_path ();
  g_autofree char *csv = cl_test_data_path ("vendors/procurement.csv");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *out = NULL;

  g_assert_cmpint (run (ledger, NULL, NULL, "init", NULL), ==, 0);
  before = cl_test_read_bytes (ledger);
  g_assert_cmpint (run (ledger, &out, NULL, "import", "vendors", "--dry-run", csv, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "added 3, changed 0, withdrawn 0, unchanged 0\n"));
  after = cl_test_read_bytes (ledger);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_import_refusals (void)
{
  g_autofree char *ledger = new_ledger_path ();
  g_autofree char *bad = cl_test_data_path ("vendors/bad/unknown-purpose.csv");
  g_autofree char *missing = cl_test_data_path ("vendors/no-such-file.json");
  g_autofree char *err = NULL;
  g_autofree char *err_missing = NULL;
  g_autofree char *err_usage = NULL;
  g_autofree char *err_kind = NULL;
  g_autofree char *expected = g_strdup_printf ("consentctl: %s:3: purposes:", bad);

  g_assert_cmpint (run (ledger, NULL, &err, "import", "vendors", bad, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, expected));
  g_assert_cmpint (run (ledger, NULL, &err_missing, "import", "vendors", missing, NULL), ==, 1);
  g_assert_nonnull (strstr (err_missing, "no-such-file.json"));

  g_assert_cmpint (run (ledger, NULL, &err_usage, "import", "vendors", NULL), ==, 2);
  g_assert_cmpint (run (ledger, NULL, NULL, "import", "vendors", bad, bad, NULL), ==, 2);
  g_assert_cmpint (run (ledger, NULL, NULL, "import", "vendors", "--frobnicate", bad, NULL), ==, 2);
  g_assert_cmpint (run (ledger, NULL, &err_kind, "import", "recipes", bad, NULL), ==, 2);
  g_assert_nonnull (strstr (err_kind, "recipes"));
  g_assert_cmpint (run (ledger, NULL, NULL, "import", NULL), ==, 2);
}

static JsonArray *
vendors_json (const char *ledger,
              JsonParser *parser)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_assert_cmpint (run (ledger, &out, NULL, "vendors", "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_node_get_array (root);
}

static JsonObject *
find_vendor (JsonArray  *vendors,
             const char *name)
{
  for (guint i = 0; i < json_array_get_length (vendors); i++)
    {
      JsonObject *vendor = json_array_get_object_element (vendors, i);

      if (g_strcmp0 (json_object_get_string_member (vendor, "name"), name) == 0)
        return vendor;
    }
  g_assert_not_reached ();
}

static char *
joined (JsonArray *array)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (i > 0)
        g_string_append_c (text, ',');
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        g_string_append (text, json_node_get_string (node));
      else
        g_string_append_printf (text, "%" G_GINT64_FORMAT, json_node_get_int (node));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_vendors_json (void)
{
  g_autofree char *ledger = new_ledger_path ();
  g_autofree char *gvl = cl_test_data_path ("vendors/gvl-small-v2.json");
  g_autofree char *csv = cl_test_data_path ("vendors/procurement.csv");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  g_autofree char *empty = NULL;
  JsonArray *vendors;
  JsonObject *vendor;
  g_autofree char *purposes = NULL;
  g_autofree char *li = NULL;
  g_autofree char *tcf = NULL;

  g_assert_cmpint (run (ledger, &empty, NULL, "vendors", NULL), ==, 0);
  g_assert_nonnull (strstr (empty, "no vendors"));

  g_assert_cmpint (run (ledger, NULL, NULL, "import", "vendors", gvl, NULL), ==, 0);
  g_assert_cmpint (run (ledger, NULL, NULL, "import", "vendors", csv, NULL), ==, 0);
  vendors = vendors_json (ledger, parser);
  g_assert_cmpuint (json_array_get_length (vendors), ==, 7);

  /* From the GVL: company purposes through the TCF mapping. */
  vendor = find_vendor (vendors, "Will Change AB");
  g_assert_cmpint (json_object_get_int_member (vendor, "gvl_id"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (vendor, "id"), >, 0);
  purposes = joined (json_object_get_array_member (vendor, "purposes"));
  g_assert_cmpstr (purposes, ==, "network,functional,advertising");
  li = joined (json_object_get_array_member (vendor, "legitimate_interest_purposes"));
  g_assert_cmpstr (li, ==, "measurement");
  tcf = joined (json_object_get_array_member (vendor, "tcf_purposes"));
  g_assert_cmpstr (tcf, ==, "1,2,3");
  g_assert_true (json_object_get_null_member (vendor, "country"));
  g_assert_false (json_object_get_boolean_member (vendor, "deleted"));
  g_assert_cmpint (json_object_get_int_member (vendor, "cookie_max_age_seconds"), ==,
                   G_GINT64_CONSTANT (63072000000));

  vendor = find_vendor (vendors, "Will Be Withdrawn Inc.");
  g_assert_true (json_object_get_boolean_member (vendor, "deleted"));
  g_assert_cmpstr (json_object_get_string_member (vendor, "deleted_date"), ==,
                   "2024-01-10T00:00:00Z");

  /* From the CSV: no GVL id, the country, purposes declared directly. */
  vendor = find_vendor (vendors, "Mail Relay GmbH");
  g_assert_true (json_object_get_null_member (vendor, "gvl_id"));
  g_assert_cmpstr (json_object_get_string_member (vendor, "country"), ==, "DE");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (vendor, "purposes")),
                    ==, 0);
  g_clear_pointer (&li, g_free);
  li = joined (json_object_get_array_member (vendor, "legitimate_interest_purposes"));
  g_assert_cmpstr (li, ==, "functional");

  g_assert_cmpint (run (ledger, &text, NULL, "vendors", NULL), ==, 0);
  g_assert_nonnull (strstr (text, "Mail Relay GmbH"));
  g_assert_nonnull (strstr (text, "withdrawn"));
  g_assert_cmpint (run (ledger, NULL, NULL, "vendors", "extra", NULL), ==, 2);
}

static void
test_import_cmps (void)
{
  g_autofree char *ledger = new_ledger_path ();
  g_autofree char *list = cl_test_data_path ("tc/cmp-list-small.json");
  g_autofree char *bad = cl_test_data_path ("vendors/procurement.csv");
  g_autofree char *first = NULL;
  g_autofree char *dry = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (ledger, &dry, NULL, "import", "cmps", "--dry-run", list, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (dry, "added 3, changed 0, unchanged 0\n"));
  g_assert_nonnull (strstr (dry, "nothing was written"));
  g_assert_cmpint (run (ledger, &first, NULL, "import", "cmps", list, NULL), ==, 0);
  g_assert_cmpstr (first, ==, "added 3, changed 0, unchanged 0\n");
  g_clear_pointer (&first, g_free);
  g_assert_cmpint (run (ledger, &first, NULL, "import", "cmps", list, NULL), ==, 0);
  g_assert_cmpstr (first, ==, "added 0, changed 0, unchanged 3\n");
  g_assert_cmpint (run (ledger, NULL, &err, "import", "cmps", bad, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "procurement.csv"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/vendors/import-gvl", test_import_gvl);
  g_test_add_func ("/cli/vendors/import-dry-run-writes-nothing", test_import_dry_run_writes_nothing);
  g_test_add_func ("/cli/vendors/import-refusals", test_import_refusals);
  g_test_add_func ("/cli/vendors/json", test_vendors_json);
  g_test_add_func ("/cli/vendors/import-cmps", test_import_cmps);

  return g_test_run ();
}
