/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-vendor-store.c: vendors in the ledger: importing GVL and CSV lists (the difference, all
 * or nothing), company purposes through the TCF mapping, and edits by hand with undo. */
#include "config.h"

#include <sqlite3.h>

#include "cl-audit.h"
#include "cl-error.h"
#include "cl-ledger.h"
#include "cl-tcf-names.h"
#include "cl-test-utils.h"
#include "cl-vendor-import.h"
#include "cl-vendor-store.h"

typedef struct
{
  char     *dir;
  char     *path;
  ClLedger *ledger;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = cl_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "vendors.db", NULL);
  fixture->ledger = cl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->ledger);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Reads path and compares it with the ledger; applies it unless dry. */
static ClVendorImport *
import_path (ClLedger   *ledger,
             const char *path,
             gboolean    apply)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClVendorImport) import = cl_vendor_import_new_for_path (ledger, path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  if (apply)
    {
      g_assert_true (cl_vendor_import_apply (import, ledger, NULL, &error));
      g_assert_no_error (error);
    }
  return g_steal_pointer (&import);
}

static void
assert_counts (ClVendorImport *import,
               const char     *expected)
{
  g_autofree char *counts = cl_vendor_import_format_counts (import);

  g_assert_cmpstr (counts, ==, expected);
}

static gint64
query_int (ClLedger   *ledger,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  /* A second connection: the test looks at the file as any reader would. */
  g_assert_cmpint (sqlite3_open_v2 (cl_ledger_get_path (ledger), &db, SQLITE_OPEN_READONLY, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
data_path (const char *name)
{
  return cl_test_data_path (name);
}

static const ClVendorChange *
find_change (ClVendorImport *import,
             guint           gvl_id)
{
  GPtrArray *changes = cl_vendor_import_get_changes (import);

  for (guint i = 0; i < changes->len; i++)
    {
      const ClVendorChange *change = changes->pdata[i];

      if (change->record->gvl_id == gvl_id)
        return change;
    }
  g_error ("the import has no vendor %u", gvl_id);
}

static gboolean
strv_contains (const char * const *strv,
               const char         *value)
{
  return strv != NULL && g_strv_contains (strv, value);
}

/* ---- GVL imports ---- */

static void
test_gvl_small_diff (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *v1 = data_path ("vendors/gvl-small-v1.json");
  g_autofree char *v2 = data_path ("vendors/gvl-small-v2.json");
  g_autoptr(ClVendorImport) first = NULL;
  g_autoptr(ClVendorImport) second = NULL;
  g_autoptr(ClVendorImport) again = NULL;
  g_autoptr(ClVendor) withdrawn = NULL;
  g_autoptr(GError) error = NULL;
  const ClVendorChange *change;

  first = import_path (fixture->ledger, v1, TRUE);
  assert_counts (first, "added 3, changed 0, withdrawn 0, unchanged 0");

  second = import_path (fixture->ledger, v2, FALSE);
  assert_counts (second, "added 1, changed 1, withdrawn 1, unchanged 1");
  g_assert_cmpuint (cl_vendor_import_get_previous_version (second), ==, 1);
  change = find_change (second, 2);
  g_assert_cmpint (change->kind, ==, CL_VENDOR_CHANGE_CHANGED);
  {
    g_autofree char *fields = g_strjoinv (",", change->fields);
    g_assert_cmpstr (fields, ==, "tcf_purposes,special_features");
  }
  change = find_change (second, 3);
  g_assert_cmpint (change->kind, ==, CL_VENDOR_CHANGE_WITHDRAWN);
  g_assert_true (strv_contains ((const char * const *) change->fields, "deleted"));
  g_assert_cmpint (find_change (second, 4)->kind, ==, CL_VENDOR_CHANGE_ADDED);
  g_assert_cmpint (find_change (second, 1)->kind, ==, CL_VENDOR_CHANGE_UNCHANGED);

  g_assert_true (cl_vendor_import_apply (second, fixture->ledger, NULL, &error));
  g_assert_no_error (error);
  withdrawn = cl_vendor_store_get_by_gvl_id (fixture->ledger, 3, &error);
  g_assert_no_error (error);
  g_assert_true (cl_vendor_get_deleted (withdrawn));
  g_assert_cmpstr (cl_vendor_get_deleted_date (withdrawn), ==, "2024-01-10T00:00:00Z");

  /* The same list again: everything reads back exactly as it was declared. */
  again = import_path (fixture->ledger, v2, TRUE);
  assert_counts (again, "added 0, changed 0, withdrawn 0, unchanged 4");
  g_assert_false (cl_vendor_import_has_changes (again));

  g_assert_cmpint (query_int (fixture->ledger, "SELECT count(*) FROM gvl_imports"), ==, 3);
  g_assert_cmpint (query_int (fixture->ledger, "SELECT vendor_list_version FROM gvl_imports"
                                               " ORDER BY id DESC LIMIT 1"), ==, 2);
  g_assert_cmpint (query_int (fixture->ledger, "SELECT count(*) FROM audit_log"
                                               " WHERE action = 'vendor.import'"), ==, 3);
  g_assert_true (cl_audit_verify (fixture->ledger, NULL, &error));
  g_assert_no_error (error);
}

static void
test_gvl_real_v7_to_v17 (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *v7 = cl_test_shared_path ("gvl/vendor-list-v7.json");
  g_autofree char *v17 = cl_test_shared_path ("gvl/vendor-list-v17.json");
  g_autoptr(ClVendorImport) first = NULL;
  g_autoptr(ClVendorImport) second = NULL;
  g_autoptr(ClVendorImport) again = NULL;
  g_autoptr(ClVendorImport) older = NULL;

  if (v7 == NULL || v17 == NULL)
    return;

  first = import_path (fixture->ledger, v7, TRUE);
  assert_counts (first, "added 376, changed 0, withdrawn 0, unchanged 0");

  /* v17 has 692 vendors: 317 new, one of the v7 vendors withdrawn (deletedDate), and one v7
   * vendor that v17 no longer lists at all (kept in the ledger). */
  second = import_path (fixture->ledger, v17, TRUE);
  assert_counts (second, "added 317, changed 78, withdrawn 1, unchanged 296");
  g_assert_cmpuint (cl_vendor_import_get_n_missing (second), ==, 1);
  g_assert_cmpuint (cl_vendor_import_get_previous_version (second), ==, 17);

  again = import_path (fixture->ledger, v17, FALSE);
  assert_counts (again, "added 0, changed 0, withdrawn 0, unchanged 692");

  /* Going back to an older list is shown for what it is. */
  older = import_path (fixture->ledger, v7, FALSE);
  g_assert_cmpuint (cl_vendor_import_get_previous_version (older), ==, 17);
  g_assert_cmpuint (cl_vendor_import_count (older, CL_VENDOR_CHANGE_CHANGED), >, 0);

  g_assert_cmpint (query_int (fixture->ledger, "SELECT count(*) FROM vendors"), ==, 693);
}

static void
test_gvl_spec2 (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = data_path ("gvl/spec2.json");
  g_autofree char *real = NULL;
  g_autoptr(ClVendorImport) import = NULL;
  g_autoptr(ClVendorImport) again = NULL;
  g_autoptr(ClVendor) vendor = NULL;
  g_autoptr(GError) error = NULL;

  import = import_path (fixture->ledger, path, TRUE);
  assert_counts (import, "added 2, changed 0, withdrawn 1, unchanged 0");
  vendor = cl_vendor_store_get_by_gvl_id (fixture->ledger, 8, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cl_vendor_get_name (vendor), ==, "Emerse Sverige AB");
  /* Specification 2 names the privacy policy with policyUrl. */
  g_assert_cmpstr (cl_vendor_get_privacy_url (vendor), ==,
                   "https://www.emerse.example/privacy-policy/");
  g_assert_false (cl_vendor_get_cookie_max_age (vendor, NULL));
  again = import_path (fixture->ledger, path, FALSE);
  assert_counts (again, "added 0, changed 0, withdrawn 0, unchanged 3");

  real = cl_test_shared_path ("gvl/vendor-list-v51-spec2.json");
  if (real != NULL)
    {
      g_autoptr(ClVendorImport) real_import = import_path (fixture->ledger, real, TRUE);
      g_autoptr(ClVendorImport) real_again = import_path (fixture->ledger, real, FALSE);

      g_assert_cmpuint (cl_vendor_import_get_changes (real_import)->len, ==, 496);
      g_assert_cmpuint (cl_vendor_import_count (real_again, CL_VENDOR_CHANGE_UNCHANGED), ==, 496);
    }
}

static void
test_gvl_without_definitions (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *bare = data_path ("gvl/no-definitions.json");
  g_autofree char *full = data_path ("gvl/spec3.json");
  g_autoptr(ClVendorImport) import = NULL;
  g_autoptr(ClVendorImport) with_definitions = NULL;
  g_autoptr(ClVendorImport) bare_again = NULL;
  g_autoptr(ClTcfNames) builtin = NULL;
  g_autoptr(ClTcfNames) from_gvl = NULL;
  g_autoptr(ClTcfNames) kept = NULL;
  g_autofree char *unknown = NULL;

  import = import_path (fixture->ledger, bare, TRUE);
  assert_counts (import, "added 2, changed 0, withdrawn 0, unchanged 0");

  /* No definitions yet: the built-in names. */
  builtin = cl_tcf_names_load (fixture->ledger);
  g_assert_cmpstr (cl_tcf_names_get (builtin, CL_GVL_PURPOSES, 7), ==,
                   "Measure advertising performance");
  g_assert_cmpstr (cl_tcf_names_get (builtin, CL_GVL_SPECIAL_FEATURES, 1), ==,
                   "Use precise geolocation data");
  unknown = cl_tcf_names_describe (builtin, CL_GVL_PURPOSES, 99);
  g_assert_cmpstr (unknown, ==, "Purpose 99");

  /* A GVL with definitions: its names (trimmed by the reader). */
  with_definitions = import_path (fixture->ledger, full, TRUE);
  from_gvl = cl_tcf_names_load (fixture->ledger);
  g_assert_cmpstr (cl_tcf_names_get (from_gvl, CL_GVL_SPECIAL_PURPOSES, 1), ==,
                   "Ensure security, prevent and detect fraud, and fix errors");
  g_assert_cmpstr (cl_tcf_names_get (from_gvl, CL_GVL_DATA_CATEGORIES, 1), ==, "IP addresses");

  /* A later list without them keeps what the ledger learnt. */
  bare_again = import_path (fixture->ledger, bare, TRUE);
  kept = cl_tcf_names_load (fixture->ledger);
  g_assert_cmpstr (cl_tcf_names_get (kept, CL_GVL_PURPOSES, 2), ==,
                   "Use limited data to select advertising");
}

/* Every bad file: the right error, naming the file, and the ledger file byte for byte as it was. */
static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct
  {
    const char *file;
    const char *message;  /* a part of the message */
  } cases[] = {
    { "vendors/bad/unknown-purpose.csv", "unknown-purpose.csv:3: purposes: “marketing”" },
    { "vendors/bad/country.csv", "country.csv:2: country:" },
    { "vendors/bad/duplicate-gvl-id.csv", "duplicate-gvl-id.csv:3: gvl_id: vendor 77" },
    { "vendors/bad/no-name.csv", "no-name.csv:2: name:" },
    { "vendors/bad/empty.csv", "empty.csv" },
    { "vendors/bad/semicolons.csv", "semicolons.csv" },
    { "vendors/bad/truncated.json", "truncated.json" },
    { "vendors/bad/vendor-purposes-text.json", "(vendor 31)" },
    { "vendors/bad/cookie-age-text.json", "(vendor 5)" },
    { "gvl/bad/duplicate.json", "duplicate.json" },
    { "gvl/bad/not-utf8.json", "not-utf8.json" },
    { "gvl/bad/root-array.json", "root-array.json" },
  };
  g_autofree char *good = data_path ("vendors/gvl-small-v1.json");
  g_autoptr(ClVendorImport) first = import_path (fixture->ledger, good, TRUE);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  /* Closing checkpoints the WAL into the file: from here on the file is the whole ledger. */
  g_clear_object (&fixture->ledger);
  before = cl_test_read_bytes (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = data_path (cases[i].file);
      g_autoptr(ClLedger) ledger = cl_ledger_open (fixture->path, &error);
      g_autoptr(ClVendorImport) import = NULL;
      g_autoptr(GBytes) after = NULL;

      g_assert_no_error (error);
      import = cl_vendor_import_new_for_path (ledger, path, NULL, &error);
      g_assert_null (import);
      g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
      if (g_test_verbose ())
        g_printerr ("%s\n", error->message);
      g_assert_true (g_str_has_prefix (error->message, path));
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_clear_error (&error);
      g_clear_object (&ledger);

      after = cl_test_read_bytes (fixture->path);
      g_assert_true (g_bytes_equal (before, after));
    }
}

static void
test_dry_run_writes_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *v1 = data_path ("vendors/gvl-small-v1.json");
  g_autofree char *v2 = data_path ("vendors/gvl-small-v2.json");
  g_autoptr(ClVendorImport) first = import_path (fixture->ledger, v1, TRUE);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->ledger);
  before = cl_test_read_bytes (fixture->path);
  {
    g_autoptr(ClLedger) ledger = cl_ledger_open (fixture->path, &error);
    g_autoptr(ClVendorImport) dry = NULL;

    g_assert_no_error (error);
    dry = import_path (ledger, v2, FALSE);
    assert_counts (dry, "added 1, changed 1, withdrawn 1, unchanged 1");
  }
  after = cl_test_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* The ledger changed between the preview and the confirmation: nothing is written. */
static void
test_apply_refuses_stale_difference (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *v1 = data_path ("vendors/gvl-small-v1.json");
  g_autofree char *v2 = data_path ("vendors/gvl-small-v2.json");
  g_autoptr(ClVendorImport) first = import_path (fixture->ledger, v1, TRUE);
  g_autoptr(ClVendorImport) preview = import_path (fixture->ledger, v2, FALSE);
  g_autoptr(ClVendorRecord) record = cl_vendor_record_new ();
  g_autoptr(ClVendor) added = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_vendors;

  record->name = g_strdup ("Newcomer GmbH");
  added = cl_vendor_store_add (fixture->ledger, record, &error);
  g_assert_no_error (error);
  n_vendors = query_int (fixture->ledger, "SELECT count(*) FROM vendors");

  g_assert_false (cl_vendor_import_apply (preview, fixture->ledger, NULL, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_CONFLICT);
  g_assert_cmpint (query_int (fixture->ledger, "SELECT count(*) FROM vendors"), ==, n_vendors);
  g_assert_cmpint (query_int (fixture->ledger, "SELECT count(*) FROM gvl_imports"), ==, 1);
  g_assert_false (cl_ledger_in_transaction (fixture->ledger));
}

/* ---- CSV ---- */

static void
test_csv_vendors (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *csv = data_path ("vendors/procurement.csv");
  g_autofree char *csv2 = data_path ("vendors/procurement-v2.csv");
  g_autofree char *gvl = data_path ("gvl/spec3.json");
  g_autoptr(ClVendorImport) import = NULL;
  g_autoptr(ClVendorImport) again = NULL;
  g_autoptr(ClVendorImport) newer = NULL;
  g_autoptr(ClVendorImport) from_gvl = NULL;
  g_autoptr(GListStore) vendors = NULL;
  g_autoptr(ClVendor) nordic = NULL;
  g_autoptr(ClVendor) partner = NULL;
  g_autoptr(GError) error = NULL;
  const char * const measurement[] = { "measurement", NULL };
  const char * const measurement_personalization[] = { "measurement", "personalization", NULL };
  gint64 seconds = 0;
  gint64 nordic_id;
  const ClVendorChange *change;

  import = import_path (fixture->ledger, csv, TRUE);
  assert_counts (import, "added 3, changed 0, withdrawn 0, unchanged 0");
  again = import_path (fixture->ledger, csv, FALSE);
  assert_counts (again, "added 0, changed 0, withdrawn 0, unchanged 3");

  vendors = cl_vendor_store_list (fixture->ledger, "nordic", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vendors)), ==, 1);
  nordic = g_list_model_get_item (G_LIST_MODEL (vendors), 0);
  g_assert_cmpuint (cl_vendor_get_gvl_id (nordic), ==, 0);
  g_assert_true (g_strv_equal (cl_vendor_get_purposes (nordic), measurement));
  g_assert_cmpstr (cl_vendor_get_country (nordic), ==, "SE");
  g_assert_cmpstr (cl_vendor_get_privacy_url (nordic), ==,
                   "https://nordic-analytics.example/privacy");
  g_assert_true (cl_vendor_get_cookie_max_age (nordic, &seconds));
  g_assert_cmpint (seconds, ==, 395 * 86400);
  g_assert_cmpuint (cl_vendor_get_record (nordic)->retention_days, ==, 395);

  /* A newer procurement list: one vendor more, one with another purpose. */
  newer = import_path (fixture->ledger, csv2, TRUE);
  assert_counts (newer, "added 1, changed 1, withdrawn 0, unchanged 2");
  nordic_id = cl_vendor_get_id (nordic);
  g_clear_object (&nordic);
  nordic = cl_vendor_store_get (fixture->ledger, nordic_id, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal (cl_vendor_get_purposes (nordic), measurement_personalization));

  /* The GVL then declares what procurement did not know, and keeps what only the company
   * declares: the country and the transfer safeguard. */
  from_gvl = import_path (fixture->ledger, gvl, TRUE);
  change = find_change (from_gvl, 4176);
  g_assert_cmpint (change->kind, ==, CL_VENDOR_CHANGE_CHANGED);
  g_assert_false (strv_contains ((const char * const *) change->fields, "country"));
  partner = cl_vendor_store_get_by_gvl_id (fixture->ledger, 4176, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cl_vendor_get_name (partner), ==, "Nordic Ads AB");
  g_assert_cmpstr (cl_vendor_get_country (partner), ==, "US");
  g_assert_cmpstr (cl_vendor_get_transfer_safeguard (partner), ==,
                   "EU-US Data Privacy Framework");
  g_assert_true (cl_vendor_get_cookie_max_age (partner, &seconds));
  g_assert_cmpint (seconds, ==, G_GINT64_CONSTANT (63072000000));
}

/* ---- company purposes ---- */

static void
test_company_purposes_from_tcf (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(ClVendorRecord) record = cl_vendor_record_new ();
  g_autoptr(ClVendor) vendor = NULL;
  g_autoptr(GError) error = NULL;
  const guint consent[] = { 7, 8 };
  const guint li[] = { 2 };
  const char * const expected_consent[] = { "measurement", "personalization", NULL };
  const char * const expected_li[] = { "advertising", NULL };

  record->name = g_strdup ("Mapped Media");
  record->gvl_id = 900;
  g_array_append_vals (record->purposes, consent, G_N_ELEMENTS (consent));
  g_array_append_vals (record->leg_int_purposes, li, G_N_ELEMENTS (li));
  g_strfreev (record->company_purposes);
  record->company_purposes = g_strdupv ((char **) (const char * const[]) { "personalization", NULL });

  vendor = cl_vendor_store_add (fixture->ledger, record, &error);
  g_assert_no_error (error);
  /* TCF 7 and 8 → measurement (seeded mapping), plus personalization declared directly. */
  g_assert_true (g_strv_equal (cl_vendor_get_purposes (vendor), expected_consent));
  g_assert_true (g_strv_equal (cl_vendor_get_legitimate_interest_purposes (vendor), expected_li));
  g_assert_cmpstr (cl_vendor_get_purposes_label (vendor), ==,
                   "Measurement and performance, Personalized content, "
                   "Advertisement and ad measurement");
  /* The list cell: the names, not the keys, those on legitimate interest alone marked. */
  g_assert_cmpstr (cl_vendor_get_purposes_summary (vendor), ==,
                   "Measurement and performance, Personalized content, "
                   "Advertisement and ad measurement (LI)");

  /* TCF 1 (storage on a device) → both strictly necessary purposes. */
  {
    g_autoptr(ClVendorRecord) storage = cl_vendor_record_new ();
    g_autoptr(ClVendor) stored = NULL;
    const guint one = 1;
    const char * const expected[] = { "network", "functional", NULL };

    storage->name = g_strdup ("Storage Only");
    g_array_append_val (storage->purposes, one);
    stored = cl_vendor_store_add (fixture->ledger, storage, &error);
    g_assert_no_error (error);
    g_assert_true (g_strv_equal (cl_vendor_get_purposes (stored), expected));
  }
}

static void
test_cookie_max_age_64_bit (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(ClVendorRecord) record = cl_vendor_record_new ();
  g_autoptr(ClVendor) added = NULL;
  g_autoptr(ClVendor) read_back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *words = NULL;
  g_autofree char *expected = NULL;
  gint64 seconds = 0;

  record->name = g_strdup ("Forever Cookies Ltd");
  record->has_cookie_max_age = TRUE;
  record->cookie_max_age_seconds = G_GINT64_CONSTANT (63072000000);
  added = cl_vendor_store_add (fixture->ledger, record, &error);
  g_assert_no_error (error);

  read_back = cl_vendor_store_get (fixture->ledger, cl_vendor_get_id (added), &error);
  g_assert_no_error (error);
  g_assert_true (cl_vendor_get_cookie_max_age (read_back, &seconds));
  g_assert_cmpint (seconds, ==, G_GINT64_CONSTANT (63072000000));
  g_assert_cmpint (query_int (fixture->ledger, "SELECT cookie_max_age_seconds FROM vendors"), ==,
                   G_GINT64_CONSTANT (63072000000));

  /* Grouped as the locale groups thousands. */
  expected = g_strdup_printf ("%'d years", 2000);
  words = cl_vendor_format_duration (seconds);
  g_assert_cmpstr (words, ==, expected);
  g_free (words);
  words = cl_vendor_format_duration (30 * 86400);
  g_assert_cmpstr (words, ==, "30 days");
  g_free (words);
  words = cl_vendor_format_duration (-1);
  g_assert_cmpstr (words, ==, "session only");
}

/* ---- edits by hand ---- */

static void
test_add_edit_delete_undo (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(ClVendorRecord) record = cl_vendor_record_new ();
  g_autoptr(ClVendorRecord) edit = NULL;
  g_autoptr(ClVendor) added = NULL;
  g_autoptr(ClVendor) edited = NULL;
  g_autoptr(ClVendor) deleted = NULL;
  g_autoptr(ClVendor) restored = NULL;
  g_autoptr(ClVendor) gone = NULL;
  g_autoptr(GListStore) all = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) fields = NULL;
  gint64 id;

  record->name = g_strdup ("  Support Desk AB ");
  record->country = g_strdup ("SE");
  record->transfer_safeguard = g_strdup ("None needed (EEA)");
  record->privacy_url = g_strdup ("https://supportdesk.example/privacy");
  g_strfreev (record->company_leg_int_purposes);
  record->company_leg_int_purposes = g_strdupv ((char **) (const char * const[]) { "functional", NULL });
  added = cl_vendor_store_add (fixture->ledger, record, &error);
  g_assert_no_error (error);
  id = cl_vendor_get_id (added);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (cl_vendor_get_name (added), ==, "Support Desk AB");

  edit = cl_vendor_record_copy_deep (cl_vendor_get_record (added));
  g_free (edit->country);
  edit->country = g_strdup ("NO");
  edited = cl_vendor_store_update (fixture->ledger, id, edit, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cl_vendor_get_country (edited), ==, "NO");
  g_assert_cmpint (query_int (fixture->ledger, "SELECT count(*) FROM audit_log"
                                               " WHERE action = 'vendor.edit'"
                                               " AND detail = 'Support Desk AB: country'"), ==, 1);

  deleted = cl_vendor_store_delete (fixture->ledger, id, &error);
  g_assert_no_error (error);
  gone = cl_vendor_store_get (fixture->ledger, id, &error);
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture->ledger, "SELECT count(*) FROM vendor_purposes"), ==, 0);

  /* Undo: the same vendor under the same id, down to its purposes. */
  restored = cl_vendor_store_restore (fixture->ledger, deleted, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cl_vendor_get_id (restored), ==, id);
  fields = cl_vendor_record_diff (cl_vendor_get_record (edited), cl_vendor_get_record (restored));
  g_assert_cmpuint (g_strv_length (fields), ==, 0);
  all = cl_vendor_store_list (fixture->ledger, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 1);

  g_assert_cmpint (query_int (fixture->ledger, "SELECT count(*) FROM audit_log"
                                               " WHERE object_type = 'vendor'"), ==, 4);
  g_assert_true (cl_audit_verify (fixture->ledger, NULL, &error));
  g_assert_no_error (error);

  /* Restoring twice is refused, not duplicated. */
  g_assert_null (cl_vendor_store_restore (fixture->ledger, deleted, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_CONFLICT);
}

static void
test_edit_refusals (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ClVendorRecord) first = cl_vendor_record_new ();
  g_autoptr(ClVendorRecord) second = cl_vendor_record_new ();
  g_autoptr(ClVendorRecord) nameless = cl_vendor_record_new ();
  g_autoptr(ClVendorRecord) bad_country = cl_vendor_record_new ();
  g_autoptr(ClVendorRecord) bad_purpose = cl_vendor_record_new ();
  g_autoptr(ClVendor) added = NULL;
  g_autoptr(ClVendor) refused = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit_entries;

  first->name = g_strdup ("First");
  first->gvl_id = 42;
  added = cl_vendor_store_add (fixture->ledger, first, &error);
  g_assert_no_error (error);
  audit_entries = query_int (fixture->ledger, "SELECT count(*) FROM audit_log");

  second->name = g_strdup ("Second");
  second->gvl_id = 42;
  refused = cl_vendor_store_add (fixture->ledger, second, &error);
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "“First”"));
  g_clear_error (&error);

  nameless->name = g_strdup (" \u200b ");
  g_assert_null (cl_vendor_store_add (fixture->ledger, nameless, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  bad_country->name = g_strdup ("Somewhere");
  bad_country->country = g_strdup ("Sweden");
  g_assert_null (cl_vendor_store_add (fixture->ledger, bad_country, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  bad_purpose->name = g_strdup ("Marketer");
  g_strfreev (bad_purpose->company_purposes);
  bad_purpose->company_purposes = g_strdupv ((char **) (const char * const[]) { "marketing", NULL });
  g_assert_null (cl_vendor_store_update (fixture->ledger, cl_vendor_get_id (added), bad_purpose,
                                         &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  g_assert_null (cl_vendor_store_delete (fixture->ledger, 9999, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (query_int (fixture->ledger, "SELECT count(*) FROM audit_log"), ==,
                   audit_entries);
  g_assert_cmpint (query_int (fixture->ledger, "SELECT count(*) FROM vendors"), ==, 1);
  g_assert_false (cl_ledger_in_transaction (fixture->ledger));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *v2 = data_path ("vendors/gvl-small-v2.json");
  g_autofree char *csv = data_path ("vendors/procurement.csv");
  g_autoptr(ClVendorImport) gvl = import_path (fixture->ledger, v2, TRUE);
  g_autoptr(ClVendorImport) procurement = import_path (fixture->ledger, csv, TRUE);
  static const struct { const char *search; guint n; } cases[] = {
    { NULL, 7 }, { "", 7 }, { "  ", 7 }, { "WILL", 2 }, { "4", 1 }, { "se", 1 }, { "Analytics", 1 }, { "%", 0 }, { "åäö", 0 },
    { "_", 0 }, { "GmbH", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListStore) found = cl_vendor_store_list (fixture->ledger, cases[i].search,
                                                          &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, cases[i].n);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/vendors/import/gvl-small-diff", test_gvl_small_diff);
  ADD ("/vendors/import/gvl-v7-to-v17", test_gvl_real_v7_to_v17);
  ADD ("/vendors/import/gvl-spec2", test_gvl_spec2);
  ADD ("/vendors/import/gvl-without-definitions", test_gvl_without_definitions);
  ADD ("/vendors/import/bad-files", test_bad_files);
  ADD ("/vendors/import/dry-run-writes-nothing", test_dry_run_writes_nothing);
  ADD ("/vendors/import/stale-difference", test_apply_refuses_stale_difference);
  ADD ("/vendors/import/csv", test_csv_vendors);
  ADD ("/vendors/purposes/from-tcf-mapping", test_company_purposes_from_tcf);
  ADD ("/vendors/cookie-max-age-64-bit", test_cookie_max_age_64_bit);
  ADD ("/vendors/edit/add-edit-delete-undo", test_add_edit_delete_undo);
  ADD ("/vendors/edit/refusals", test_edit_refusals);
  ADD ("/vendors/search", test_search);
#undef ADD

  return g_test_run ();
}
