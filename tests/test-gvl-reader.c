/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-gvl-reader.c: the Global Vendor List reader on real lists, own fixtures and bad files. */
#include <string.h>

#include "cl-error.h"
#include "cl-gvl-reader.h"
#include "cl-vendor-csv-reader.h"
#include "cl-test-utils.h"

static ClVendorList *
read_fixture (const char *relative)
{
  g_autofree char *path = cl_test_data_path (relative);
  g_autoptr(GError) error = NULL;
  ClVendorList *list;

  list = cl_gvl_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static ClVendorList *
read_shared (const char *relative)
{
  g_autofree char *path = cl_test_shared_path (relative);
  g_autoptr(GError) error = NULL;
  ClVendorList *list;

  if (path == NULL)
    return NULL;
  list = cl_gvl_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static guint
count_withdrawn (const ClVendorList *list)
{
  guint withdrawn = 0;

  for (guint i = 0; i < list->vendors->len; i++)
    withdrawn += cl_vendor_record_is_deleted (g_ptr_array_index (list->vendors, i));
  return withdrawn;
}

static void
assert_ids (const GArray *ids,
            const char   *expected)
{
  g_autoptr(GString) text = g_string_new ("");

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%u", i > 0 ? "," : "", g_array_index (ids, guint, i));
  g_assert_cmpstr (text->str, ==, expected);
}

/* Every name as people see it: no white space at either end, no zero-width space. */
static void
assert_names_clean (const ClVendorList *list)
{
  for (guint i = 0; i < list->vendors->len; i++)
    {
      const ClVendorRecord *record = g_ptr_array_index (list->vendors, i);
      gsize length = strlen (record->name);

      g_assert_cmpuint (length, >, 0);
      g_assert_false (g_ascii_isspace (record->name[0]));
      g_assert_false (g_ascii_isspace (record->name[length - 1]));
      g_assert_null (strstr (record->name, "\u200b"));
      if (i > 0)
        g_assert_cmpuint (((ClVendorRecord *) g_ptr_array_index (list->vendors, i - 1))->gvl_id,
                          <, record->gvl_id);
    }
}

static void
test_real_v7 (void)
{
  g_autoptr(ClVendorList) list = read_shared ("gvl/vendor-list-v7.json");
  const ClVendorRecord *record;

  if (list == NULL)
    return;

  g_assert_cmpuint (list->spec_version, ==, 3);
  g_assert_cmpuint (list->vendor_list_version, ==, 7);
  g_assert_cmpuint (list->tcf_policy_version, ==, 4);
  g_assert_cmpstr (list->last_updated, ==, "2023-06-29T16:07:26Z");
  g_assert_cmpuint (list->vendors->len, ==, 376);
  g_assert_cmpuint (count_withdrawn (list), ==, 0);
  g_assert_cmpuint (list->definitions[CL_GVL_PURPOSES]->len, ==, 11);
  g_assert_cmpuint (list->definitions[CL_GVL_DATA_CATEGORIES]->len, ==, 11);
  g_assert_cmpuint (list->definitions[CL_GVL_STACKS]->len, ==, 43);
  assert_names_clean (list);

  record = cl_vendor_list_find_gvl_vendor (list, 52);
  g_assert_cmpstr (record->name, ==, "Magnite, Inc.");
  record = cl_vendor_list_find_gvl_vendor (list, 126);
  g_assert_cmpstr (record->name, ==, "DoubleVerify Inc.");

  record = cl_vendor_list_find_gvl_vendor (list, 1);
  g_assert_cmpstr (record->name, ==, "Exponential Interactive, Inc d/b/a VDX.tv");
  assert_ids (record->purposes, "1,2,3,4,7,8,9,10");
  assert_ids (record->flexible_purposes, "7,8,9,10");
  assert_ids (record->special_purposes, "1,2");
  assert_ids (record->features, "1,2,3");
  assert_ids (record->data_declaration, "1,3,4,6,8,10,11");
  g_assert_true (record->has_cookie_max_age);
  g_assert_cmpint (record->cookie_max_age_seconds, ==, 7776000);
  g_assert_cmpint (record->uses_cookies, ==, CL_VENDOR_FLAG_YES);
  g_assert_cmpint (record->cookie_refresh, ==, CL_VENDOR_FLAG_YES);
  g_assert_cmpint (record->uses_non_cookie_access, ==, CL_VENDOR_FLAG_NO);
  g_assert_true (record->has_std_retention);
  g_assert_cmpuint (record->std_retention, ==, 397);
  g_assert_cmpstr (cl_vendor_record_get_privacy_url (record), ==, "https://vdx.tv/privacy/");
  g_assert_cmpstr (record->device_storage_disclosure_url, ==, "https://vdxtv.expo.workers.dev");

  /* Definitions name the ids; the trailing newline of a real name is gone. */
  g_assert_cmpstr (cl_vendor_list_get_definition (list, CL_GVL_SPECIAL_PURPOSES, 1)->name, ==,
                   "Ensure security, prevent and detect fraud, and fix errors");
  g_assert_cmpstr (cl_vendor_list_get_definition (list, CL_GVL_DATA_CATEGORIES, 1)->name, ==,
                   "IP addresses");
  g_assert_null (cl_vendor_list_get_definition (list, CL_GVL_PURPOSES, 12));
}

static void
test_real_v17 (void)
{
  g_autoptr(ClVendorList) list = read_shared ("gvl/vendor-list-v17.json");
  const ClVendorRecord *record;
  guint no_data_declaration = 0, no_std_retention = 0, no_purposes = 0, null_cookie_age = 0;
  gboolean serbian = FALSE;

  if (list == NULL)
    return;

  g_assert_cmpuint (list->spec_version, ==, 3);
  g_assert_cmpuint (list->vendor_list_version, ==, 17);
  g_assert_cmpuint (list->vendors->len, ==, 692);
  g_assert_cmpuint (count_withdrawn (list), ==, 1);
  assert_names_clean (list);

  record = cl_vendor_list_find_gvl_vendor (list, 468);
  g_assert_cmpstr (record->deleted_date, ==, "2023-09-04T00:00:00Z");

  /* Above 2^32 and read exactly. */
  record = cl_vendor_list_find_gvl_vendor (list, 825);
  g_assert_true (record->has_cookie_max_age);
  g_assert_cmpint (record->cookie_max_age_seconds, ==, G_GINT64_CONSTANT (63072000000));
  record = cl_vendor_list_find_gvl_vendor (list, 815);
  g_assert_cmpint (record->cookie_max_age_seconds, ==, G_GINT64_CONSTANT (2592000000));

  /* Ids up to 4,176 with only a few hundred vendors. */
  record = g_ptr_array_index (list->vendors, list->vendors->len - 1);
  g_assert_cmpuint (record->gvl_id, ==, 4176);
  g_assert_cmpstr (cl_vendor_list_find_gvl_vendor (list, 10)->name, ==, "Index Exchange Inc.");
  g_assert_cmpstr (cl_vendor_list_find_gvl_vendor (list, 444)->name, ==, "EX.CO Technologies Ltd");
  g_assert_null (cl_vendor_list_find_gvl_vendor (list, 4175));

  for (guint i = 0; i < list->vendors->len; i++)
    {
      record = g_ptr_array_index (list->vendors, i);
      no_data_declaration += record->data_declaration->len == 0;
      no_std_retention += !record->has_std_retention;
      no_purposes += record->purposes->len == 0 && record->leg_int_purposes->len == 0;
      null_cookie_age += !record->has_cookie_max_age;
      for (guint j = 0; j < record->urls->len; j++)
        serbian |= g_strcmp0 (((ClVendorUrl *) g_ptr_array_index (record->urls, j))->lang_id,
                              "sr - cyrl") == 0;
    }
  g_assert_cmpuint (no_data_declaration, >=, 1);
  g_assert_cmpuint (no_std_retention, >=, 1);
  g_assert_cmpuint (no_purposes, ==, 17);
  g_assert_cmpuint (null_cookie_age, ==, 193);
  g_assert_true (serbian);
}

static void
test_real_v51_spec2 (void)
{
  g_autoptr(ClVendorList) list = read_shared ("gvl/vendor-list-v51-spec2.json");
  const ClVendorRecord *record;

  if (list == NULL)
    return;

  g_assert_cmpuint (list->spec_version, ==, 2);
  g_assert_cmpuint (list->vendor_list_version, ==, 51);
  g_assert_cmpuint (list->tcf_policy_version, ==, 2);
  g_assert_cmpuint (list->vendors->len, ==, 496);
  g_assert_cmpuint (count_withdrawn (list), ==, 2);
  g_assert_cmpuint (list->definitions[CL_GVL_PURPOSES]->len, ==, 10);
  g_assert_cmpuint (list->definitions[CL_GVL_DATA_CATEGORIES]->len, ==, 0);
  assert_names_clean (list);

  record = cl_vendor_list_find_gvl_vendor (list, 8);
  g_assert_cmpstr (record->name, ==, "Emerse Sverige AB");
  assert_ids (record->purposes, "1,3,4");
  assert_ids (record->leg_int_purposes, "2,7,8,9");
  assert_ids (record->flexible_purposes, "2,9");
  g_assert_cmpstr (record->policy_url, ==, "https://www.emerse.com/privacy-policy/");
  g_assert_cmpstr (cl_vendor_record_get_privacy_url (record), ==,
                   "https://www.emerse.com/privacy-policy/");
  g_assert_cmpuint (record->urls->len, ==, 0);
  g_assert_false (record->has_cookie_max_age);
  g_assert_false (record->has_std_retention);
  g_assert_cmpint (record->uses_cookies, ==, CL_VENDOR_FLAG_UNKNOWN);
  g_assert_cmpstr (cl_vendor_list_find_gvl_vendor (list, 52)->name, ==,
                   "The Rubicon Project, Inc.");
}

/* v7 → v17 compared vendor by vendor, as a re-import shows it. */
static void
test_real_diff (void)
{
  g_autoptr(ClVendorList) old_list = read_shared ("gvl/vendor-list-v7.json");
  g_autoptr(ClVendorList) new_list = read_shared ("gvl/vendor-list-v17.json");
  guint added = 0, changed = 0, withdrawn = 0, unchanged = 0, gone = 0;

  if (old_list == NULL || new_list == NULL)
    return;

  for (guint i = 0; i < new_list->vendors->len; i++)
    {
      const ClVendorRecord *record = g_ptr_array_index (new_list->vendors, i);
      const ClVendorRecord *old_record = cl_vendor_list_find_gvl_vendor (old_list, record->gvl_id);
      g_auto(GStrv) fields = NULL;

      if (old_record == NULL)
        {
          added++;
          continue;
        }
      fields = cl_vendor_record_diff (old_record, record);
      if (cl_vendor_record_is_deleted (record) && !cl_vendor_record_is_deleted (old_record))
        withdrawn++;
      else if (fields[0] != NULL)
        changed++;
      else
        unchanged++;
    }
  for (guint i = 0; i < old_list->vendors->len; i++)
    {
      const ClVendorRecord *record = g_ptr_array_index (old_list->vendors, i);

      gone += cl_vendor_list_find_gvl_vendor (new_list, record->gvl_id) == NULL;
    }

  g_assert_cmpuint (added, ==, 317);
  g_assert_cmpuint (changed, ==, 78);
  g_assert_cmpuint (withdrawn, ==, 1);
  g_assert_cmpuint (unchanged, ==, 296);
  g_assert_cmpuint (gone, ==, 1);
}

static void
test_spec3 (void)
{
  g_autoptr(ClVendorList) list = read_fixture ("gvl/spec3.json");
  const ClVendorRecord *record;
  const ClVendorRetention *retention;
  const ClVendorUrl *url;

  g_assert_cmpint (list->format, ==, CL_VENDOR_LIST_GVL);
  g_assert_cmpuint (list->spec_version, ==, 3);
  g_assert_cmpuint (list->vendor_list_version, ==, 12);
  g_assert_cmpuint (list->tcf_policy_version, ==, 4);
  g_assert_cmpstr (list->last_updated, ==, "2024-03-07T16:05:28Z");
  g_assert_cmpuint (list->vendors->len, ==, 3);
  g_assert_cmpuint (((ClVendorRecord *) g_ptr_array_index (list->vendors, 0))->gvl_id, ==, 7);
  g_assert_cmpuint (((ClVendorRecord *) g_ptr_array_index (list->vendors, 2))->gvl_id, ==, 4176);
  g_assert_cmpstr (cl_vendor_list_get_definition (list, CL_GVL_PURPOSES, 7)->name, ==,
                   "Measure advertising performance");
  g_assert_cmpstr (cl_vendor_list_get_definition (list, CL_GVL_PURPOSES, 7)->description, ==,
                   "Ad measurement.");
  g_assert_null (cl_vendor_list_get_definition (list, CL_GVL_PURPOSES, 3));
  g_assert_cmpstr (cl_vendor_list_get_definition (list, CL_GVL_SPECIAL_PURPOSES, 1)->name, ==,
                   "Ensure security, prevent and detect fraud, and fix errors");
  g_assert_cmpstr (cl_vendor_list_get_definition (list, CL_GVL_STACKS, 2)->name, ==,
                   "Advertising based on limited data and advertising measurement");
  g_assert_cmpstr (cl_vendor_list_get_definition (list, CL_GVL_DATA_CATEGORIES, 3)->name, ==,
                   "Device characteristics");

  record = cl_vendor_list_find_gvl_vendor (list, 4176);
  g_assert_cmpstr (record->name, ==, "Nordic Ads AB");
  assert_ids (record->purposes, "1,2,7");  /* sorted, duplicates gone */
  assert_ids (record->leg_int_purposes, "");
  assert_ids (record->flexible_purposes, "2");
  assert_ids (record->special_purposes, "1");
  assert_ids (record->features, "1");
  assert_ids (record->special_features, "1");
  assert_ids (record->data_declaration, "1,3");
  g_assert_true (record->has_cookie_max_age);
  g_assert_cmpint (record->cookie_max_age_seconds, ==, G_GINT64_CONSTANT (63072000000));
  g_assert_cmpint (record->uses_cookies, ==, CL_VENDOR_FLAG_YES);
  g_assert_cmpint (record->cookie_refresh, ==, CL_VENDOR_FLAG_NO);
  g_assert_cmpint (record->uses_non_cookie_access, ==, CL_VENDOR_FLAG_YES);
  g_assert_true (record->has_std_retention);
  g_assert_cmpuint (record->std_retention, ==, 397);
  g_assert_cmpuint (record->purpose_retention->len, ==, 2);
  retention = &g_array_index (record->purpose_retention, ClVendorRetention, 0);
  g_assert_cmpuint (retention->id, ==, 2);
  g_assert_cmpuint (retention->days, ==, 14);
  retention = &g_array_index (record->purpose_retention, ClVendorRetention, 1);
  g_assert_cmpuint (retention->id, ==, 7);
  g_assert_cmpuint (retention->days, ==, 90);
  g_assert_cmpuint (record->special_purpose_retention->len, ==, 1);
  g_assert_cmpuint (g_array_index (record->special_purpose_retention, ClVendorRetention, 0).days,
                    ==, 0);
  g_assert_cmpuint (record->urls->len, ==, 3);
  url = g_ptr_array_index (record->urls, 2);
  g_assert_cmpstr (url->lang_id, ==, "sr - cyrl");
  g_assert_null (url->leg_int_claim);
  url = g_ptr_array_index (record->urls, 1);
  g_assert_cmpstr (url->leg_int_claim, ==, "https://nordicads.example/li");
  /* English first, even when it is not the first language listed. */
  g_assert_cmpstr (cl_vendor_record_get_privacy_url (record), ==,
                   "https://nordicads.example/privacy");
  g_assert_cmpstr (record->device_storage_disclosure_url, ==,
                   "https://nordicads.example/devicestorage.json");
  g_assert_null (record->deleted_date);
  g_assert_null (record->policy_url);
  g_assert_null (record->company_purposes[0]);

  /* A zero-width space, a null cookie age, no stdRetention, no dataDeclaration, no purposes. */
  record = cl_vendor_list_find_gvl_vendor (list, 126);
  g_assert_cmpstr (record->name, ==, "Verify Inc.");
  g_assert_false (record->has_cookie_max_age);
  g_assert_false (record->has_std_retention);
  g_assert_cmpuint (record->special_purpose_retention->len, ==, 1);
  g_assert_cmpuint (record->data_declaration->len, ==, 0);
  g_assert_cmpuint (record->purposes->len, ==, 0);
  g_assert_cmpstr (cl_vendor_record_get_privacy_url (record), ==, "https://verify.example/fr");

  /* Withdrawn, with a session cookie (a negative age). */
  record = cl_vendor_list_find_gvl_vendor (list, 7);
  g_assert_cmpstr (record->name, ==, "Session Only Ltd");
  g_assert_true (cl_vendor_record_is_deleted (record));
  g_assert_cmpstr (record->deleted_date, ==, "2024-02-01T00:00:00Z");
  g_assert_true (record->has_cookie_max_age);
  g_assert_cmpint (record->cookie_max_age_seconds, ==, -1);
  assert_ids (record->leg_int_purposes, "7");
  g_assert_null (cl_vendor_record_get_privacy_url (record));
}

static void
test_spec2 (void)
{
  g_autoptr(ClVendorList) list = read_fixture ("gvl/spec2.json");
  const ClVendorRecord *record;

  g_assert_cmpuint (list->spec_version, ==, 2);
  g_assert_cmpuint (list->vendor_list_version, ==, 51);
  g_assert_cmpuint (list->vendors->len, ==, 3);
  g_assert_cmpuint (count_withdrawn (list), ==, 1);
  g_assert_cmpuint (list->definitions[CL_GVL_PURPOSES]->len, ==, 1);
  g_assert_cmpuint (list->definitions[CL_GVL_FEATURES]->len, ==, 0);

  record = cl_vendor_list_find_gvl_vendor (list, 8);
  assert_ids (record->leg_int_purposes, "2,7,8,9");
  g_assert_cmpstr (cl_vendor_record_get_privacy_url (record), ==,
                   "https://www.emerse.example/privacy-policy/");
  g_assert_cmpint (record->uses_cookies, ==, CL_VENDOR_FLAG_UNKNOWN);
  g_assert_cmpint (record->cookie_refresh, ==, CL_VENDOR_FLAG_UNKNOWN);
  g_assert_cmpint (record->uses_non_cookie_access, ==, CL_VENDOR_FLAG_UNKNOWN);
  g_assert_false (record->has_cookie_max_age);

  record = cl_vendor_list_find_gvl_vendor (list, 12);
  g_assert_cmpstr (record->name, ==, "No Purposes Ltd");
  g_assert_cmpuint (record->purposes->len + record->leg_int_purposes->len, ==, 0);
  g_assert_cmpstr (cl_vendor_list_find_gvl_vendor (list, 9)->deleted_date, ==,
                   "2020-06-17T00:00:00Z");
}

static void
test_no_definitions (void)
{
  g_autoptr(ClVendorList) list = read_fixture ("gvl/no-definitions.json");
  const ClVendorRecord *record;

  g_assert_cmpuint (list->vendors->len, ==, 2);
  for (guint kind = 0; kind < CL_GVL_N_DEFINITION_KINDS; kind++)
    g_assert_cmpuint (list->definitions[kind]->len, ==, 0);
  g_assert_null (cl_vendor_list_get_definition (list, CL_GVL_PURPOSES, 1));

  record = cl_vendor_list_find_gvl_vendor (list, 1);
  assert_ids (record->purposes, "1");
  g_assert_cmpint (record->cookie_max_age_seconds, ==, 86400);
  g_assert_cmpstr (cl_vendor_record_get_privacy_url (record), ==,
                   "https://minimal.example/privacy");

  /* Only an id and a name: everything else is simply not declared. */
  record = cl_vendor_list_find_gvl_vendor (list, 2);
  g_assert_cmpstr (record->name, ==, "Bare Vendor");
  g_assert_cmpuint (record->purposes->len, ==, 0);
  g_assert_cmpuint (record->urls->len, ==, 0);
  g_assert_cmpint (record->uses_cookies, ==, CL_VENDOR_FLAG_UNKNOWN);
}

typedef struct
{
  const char *file;
  const char *message;  /* what follows the path */
} BadCase;

static const BadCase bad_cases[] = {
  { "root-array.json", ": the file holds a list, not an object; this is not a Global Vendor List" },
  { "empty.json", ": the file is empty" },
  { "syntax.json", ":3: the file is not valid JSON: unexpected character `,', expected character "
                   "`]' (column 42)" },
  /* Found by the fuzzer: json-glib cut the quoted token inside a character. */
  { "split-character.json", ":8: the file is not valid JSON: invalid string constant \"Measure "
                            "advertising performa\uFFFD\", expected valid string constant "
                            "(column 76)" },
  { "not-utf8.json", ":2: the text is not UTF-8; a vendor list is a UTF-8 JSON file" },
  { "deep.json", ":2: the data nests too deeply to be a vendor list" },
  { "spec1.json", ": the list has no “gvlSpecificationVersion”; it is either a TCF version 1 "
                  "list or not a Global Vendor List. Specification versions 2 and 3 can be "
                  "imported" },
  { "spec4.json", ": the list is in specification version 4, which Consent Ledger does not know; "
                  "versions 2 and 3 can be imported" },
  { "spec-text.json", ": “gvlSpecificationVersion” must be a whole number, not text" },
  { "no-version.json", ": the list has no “vendorListVersion”" },
  { "no-vendors.json", ": the list has no “vendors”; this is not a Global Vendor List" },
  { "vendors-array.json", ": “vendors” must be an object of vendors by id, not a list" },
  { "last-updated.json", ": “lastUpdated” is “last Tuesday”, which is not a date and time such as "
                         "2023-09-04T00:00:00Z" },
  { "definition-id.json", ": the “id” of “purposes” “1” disagrees with its key" },
  { "definition-name.json", ": “dataCategories” “1” has no “name” text" },
  { "definitions-list.json", ": “features” must be an object of definitions by id, not a list" },
  { "id-mismatch.json", ": the vendor’s “id” 13 disagrees with its key “12” (vendor 12)" },
  { "id-zero.json", ": the key “0” of “vendors” is not a vendor id (vendor 0)" },
  { "id-negative.json", ": the key “-5” of “vendors” is not a vendor id (vendor -5)" },
  { "key-text.json", ": the key “abc” of “vendors” is not a vendor id (vendor abc)" },
  { "id-text.json", ": the vendor’s “id” must be a positive whole number, not text (vendor 12)" },
  { "id-fraction.json", ": the vendor’s “id” must be a positive whole number, not a fraction "
                        "(vendor 12)" },
  { "id-missing.json", ": the vendor has no “id” (vendor 12)" },
  { "id-range.json", ": the vendor id 70000 is out of range; TCF vendor ids are 1 to 65535 "
                     "(vendor 70000)" },
  { "vendor-not-object.json", ": the vendor is a list, not an object (vendor 3)" },
  { "duplicate.json", ": vendor 7 appears twice in “vendors”" },
  { "name-missing.json", ": the vendor’s “name” must be text, not missing (vendor 3)" },
  { "name-number.json", ": the vendor’s “name” must be text, not a number (vendor 3)" },
  { "name-empty.json", ": the vendor’s “name” is empty (vendor 3)" },
  { "purposes-text.json", ": “purposes” must be a list of TCF ids, not text (vendor 3)" },
  { "purposes-zero.json", ": “purposes” holds 0, which is not a TCF id (vendor 3)" },
  { "purposes-strings.json", ": “legIntPurposes” must be a list of TCF ids, but it holds text "
                             "(vendor 3)" },
  { "features-object.json", ": “features” must be a list of TCF ids, not an object (vendor 3)" },
  { "cookie-text.json", ": “cookieMaxAgeSeconds” must be a whole number, not text (vendor 3)" },
  { "cookie-huge.json", ":4: a number is too large for any vendor list field" },
  { "cookie-infinite.json", ": “cookieMaxAgeSeconds” must be a whole number, not a number out of "
                            "range (vendor 3)" },
  { "uses-cookies-text.json", ": “usesCookies” must be true or false, not text (vendor 3)" },
  { "retention-key.json", ": “dataRetention.purposes” has the key “x”, which is not a TCF id "
                          "(vendor 3)" },
  { "retention-negative.json", ": “dataRetention.stdRetention” is -1, out of range (0 to "
                               "2147483647) (vendor 3)" },
  { "retention-days-text.json", ": “dataRetention.specialPurposes.1” must be a number of days, "
                                "not text (vendor 3)" },
  { "urls-no-lang.json", ": an entry of “urls” has no “langId” (vendor 3)" },
  { "urls-object.json", ": “urls” must be a list, not an object (vendor 3)" },
  { "deleted-date.json", ": “deletedDate” is “yesterday”, which is not a date and time such as "
                         "2023-09-04T00:00:00Z (vendor 3)" },
  { "policy-url-number.json", ": “policyUrl” must be text, not a number (vendor 3)" },
};

static void
test_bad (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *relative = g_build_filename ("gvl", "bad", bad_cases[i].file, NULL);
      g_autofree char *path = cl_test_data_path (relative);
      g_autofree char *expected = g_strconcat (path, bad_cases[i].message, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(ClVendorList) list = NULL;

      list = cl_gvl_read_file (path, &error);
      g_assert_null (list);
      g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, expected);
    }
}

/* Every file under bad/ has its case, so none is left untested. */
static void
test_bad_all_listed (void)
{
  g_autofree char *folder = cl_test_data_path ("gvl/bad");
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
        listed |= strcmp (bad_cases[i].file, name) == 0;
      if (!listed)
        g_test_message ("%s has no expected error", name);
      g_assert_true (listed);
      files++;
    }
  g_assert_cmpuint (files, ==, G_N_ELEMENTS (bad_cases));
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (cl_gvl_read_file ("/nonexistent/vendor-list.json", &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/vendor-list.json: "));
}

/* Every prefix of a good list is either read or refused with a message, never a crash. */
static void
test_truncated (void)
{
  g_autofree char *path = cl_test_data_path ("gvl/spec3.json");
  g_autoptr(GBytes) bytes = cl_test_read_bytes (path);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  for (gsize cut = 0; cut < length; cut++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ClVendorList) list = cl_gvl_read_data (data, cut, "cut.json", &error);

      if (list == NULL)
        {
          g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
          g_assert_true (g_str_has_prefix (error->message, "cut.json"));
        }
    }
}

static void
test_bom (void)
{
  static const char data[] = "\xEF\xBB\xBF  {\"gvlSpecificationVersion\": 3, "
                             "\"vendorListVersion\": 2, \"vendors\": {}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(ClVendorList) list = NULL;

  g_assert_true (cl_gvl_looks_like_json (data, sizeof data - 1));
  g_assert_false (cl_gvl_looks_like_json ("name,gvl_id\n", 12));
  g_assert_false (cl_gvl_looks_like_json ("", 0));

  list = cl_gvl_read_data (data, sizeof data - 1, "bom.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->vendor_list_version, ==, 2);
  g_assert_cmpuint (list->vendors->len, ==, 0);
}

static void
test_clean_name (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Magnite, Inc. ", "Magnite, Inc." },
    { "DoubleVerify Inc.\u200b", "DoubleVerify Inc." },
    { "\u00a0 Nordic\u200b Ads\t\n", "Nordic Ads" },
    { "Line\nBreak", "Line Break" },
    { "\u200b", "" },
    { "Zero\u200dWidth Joiner", "Zero\u200dWidth Joiner" },
    { "Multi\r\nLine  Media", "Multi Line Media" },
    { " \t ", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *clean = cl_vendor_clean_name (cases[i].in);

      g_assert_cmpstr (clean, ==, cases[i].out);
    }
  g_assert_null (cl_vendor_clean_name ("Caf\xe9"));
}

static void
test_diff (void)
{
  g_autoptr(ClVendorList) list = read_fixture ("gvl/spec3.json");
  g_autoptr(ClVendorList) again = read_fixture ("gvl/spec3.json");
  ClVendorRecord *record = g_ptr_array_index (again->vendors, 2);
  g_auto(GStrv) same = NULL;
  g_auto(GStrv) fields = NULL;
  g_autofree char *joined = NULL;
  guint extra = 11;

  same = cl_vendor_record_diff (g_ptr_array_index (list->vendors, 2), record);
  g_assert_cmpuint (g_strv_length (same), ==, 0);

  g_free (record->name);
  record->name = g_strdup ("Nordic Ads Group AB");
  g_array_append_val (record->purposes, extra);
  record->cookie_max_age_seconds++;
  record->deleted_date = g_strdup ("2024-05-01T00:00:00Z");
  g_array_index (record->purpose_retention, ClVendorRetention, 0).days = 15;

  fields = cl_vendor_record_diff (g_ptr_array_index (list->vendors, 2), record);
  joined = g_strjoinv (",", fields);
  g_assert_cmpstr (joined, ==, "name,tcf_purposes,data_retention,cookie_max_age_seconds,deleted");
}

static const char * const purpose_keys[] = {
  "network", "functional", "measurement", "personalization", "advertising", NULL,
};

static void
assert_keys (GStrv       keys,
             const char *expected)
{
  g_autofree char *joined = g_strjoinv (",", keys);

  g_assert_cmpstr (joined, ==, expected);
}

static void
test_csv_good (void)
{
  g_autofree char *path = cl_test_data_path ("vendor-csv/vendors.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClVendorList) list = NULL;
  const ClVendorRecord *record;

  list = cl_vendor_csv_read_file (path, purpose_keys, &error);
  g_assert_no_error (error);
  g_assert_cmpint (list->format, ==, CL_VENDOR_LIST_CSV);
  g_assert_cmpuint (list->spec_version, ==, 0);
  g_assert_null (list->last_updated);
  g_assert_cmpuint (list->vendors->len, ==, 5);

  record = g_ptr_array_index (list->vendors, 0);
  g_assert_cmpstr (record->name, ==, "WebStats Inc.");
  g_assert_cmpuint (record->gvl_id, ==, 0);
  assert_keys (record->company_purposes, "measurement");
  assert_keys (record->company_leg_int_purposes, "");
  g_assert_cmpuint (record->purposes->len, ==, 0);
  g_assert_cmpstr (record->country, ==, "US");
  g_assert_cmpstr (record->transfer_safeguard, ==, "EU-US Data Privacy Framework");
  g_assert_cmpstr (cl_vendor_record_get_privacy_url (record), ==,
                   "https://webstats.example/privacy");
  g_assert_true (record->has_retention_days);
  g_assert_cmpuint (record->retention_days, ==, 426);
  g_assert_true (record->has_cookie_max_age);
  g_assert_cmpint (record->cookie_max_age_seconds, ==, 730 * 86400);
  g_assert_cmpint (record->uses_cookies, ==, CL_VENDOR_FLAG_UNKNOWN);

  /* Keys and TCF numbers mixed, spaces and a repeat; a lower-case country. */
  record = g_ptr_array_index (list->vendors, 1);
  g_assert_cmpstr (record->name, ==, "Nordic Ads AB");
  g_assert_cmpuint (record->gvl_id, ==, 4176);
  assert_keys (record->company_purposes, "advertising");
  assert_ids (record->purposes, "2,3,4");
  assert_ids (record->leg_int_purposes, "7");
  g_assert_cmpstr (record->country, ==, "SE");
  g_assert_null (record->transfer_safeguard);
  g_assert_false (record->has_cookie_max_age);

  record = g_ptr_array_index (list->vendors, 2);
  assert_keys (record->company_purposes, "functional");
  assert_keys (record->company_leg_int_purposes, "network");
  g_assert_null (record->privacy_url);
  g_assert_true (record->has_cookie_max_age);
  g_assert_cmpint (record->cookie_max_age_seconds, ==, 0);

  record = g_ptr_array_index (list->vendors, 3);
  g_assert_cmpstr (record->name, ==, "Index Exchange, Inc.");
  assert_ids (record->purposes, "1,2,7");
  g_assert_false (record->has_retention_days);
  g_assert_true (cl_vendor_list_find_gvl_vendor (list, 10) == record);

  /* Keys in the ledger's order, whatever order the file gives them in. */
  record = g_ptr_array_index (list->vendors, 4);
  g_assert_cmpstr (record->name, ==, "Multi Line Media");
  assert_keys (record->company_purposes, "measurement,personalization,advertising");
  g_assert_null (record->country);
}

static void
test_csv_few_columns (void)
{
  g_autofree char *path = cl_test_data_path ("vendor-csv/few-columns.csv");
  g_autofree char *empty_path = cl_test_data_path ("vendor-csv/header-only.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClVendorList) list = NULL;
  g_autoptr(ClVendorList) empty = NULL;

  /* A byte-order mark, header names in any case and with spaces, only some columns. */
  list = cl_vendor_csv_read_file (path, purpose_keys, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->vendors->len, ==, 2);
  g_assert_cmpstr (((ClVendorRecord *) g_ptr_array_index (list->vendors, 1))->name, ==,
                   "acme analytics ltd");

  empty = cl_vendor_csv_read_file (empty_path, purpose_keys, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->vendors->len, ==, 0);
}

#define HEADER "name,gvl_id,purposes,legitimate_interest_purposes,country,transfer_safeguard," \
               "privacy_url,retention_days,cookie_max_age_days\n"

static const struct
{
  const char *csv;
  const char *message;
} csv_bad_cases[] = {
  { "", "vendors.csv:1: the file is empty; a vendor list starts with a header row (name, gvl_id, "
        "purposes, …)" },
  { "name,gvl,purposes\n", "vendors.csv:1: header: unknown column “gvl”; the columns of a vendor "
    "list are name, gvl_id, purposes, legitimate_interest_purposes, country, transfer_safeguard, "
    "privacy_url, retention_days, cookie_max_age_days" },
  { "name,gvl_id,Name\n", "vendors.csv:1: header: the column “name” appears twice" },
  { "gvl_id,purposes\n1,measurement\n", "vendors.csv:1: header: the column “name” is missing" },
  { "name,gvl_id\nAcme\n", "vendors.csv:2: the row has 1 field but the header has 2" },
  { "name,gvl_id\nAcme,1,2\n", "vendors.csv:2: the row has 3 fields but the header has 2" },
  { "name,gvl_id\n \u200b ,5\n", "vendors.csv:2: name: the vendor has no name" },
  { "name,gvl_id\nAcme,abc\n", "vendors.csv:2: gvl_id: “abc” is not a GVL vendor id (1 to 65535)" },
  { "name,gvl_id\nAcme,0\n", "vendors.csv:2: gvl_id: “0” is not a GVL vendor id (1 to 65535)" },
  { "name,gvl_id\nAcme,70000\n", "vendors.csv:2: gvl_id: “70000” is not a GVL vendor id (1 to "
    "65535)" },
  { "name,gvl_id\nAcme,-3\n", "vendors.csv:2: gvl_id: “-3” is not a GVL vendor id (1 to 65535)" },
  { HEADER "Acme,,marketing,,,,,,\n", "vendors.csv:2: purposes: “marketing” is neither a purpose "
    "key (network, functional, measurement, personalization, advertising) nor a TCF purpose "
    "number" },
  { HEADER "Acme,,,25,,,,,\n", "vendors.csv:2: legitimate_interest_purposes: “25” is not a TCF "
    "purpose number (1 to 24)" },
  { HEADER "Acme,,0,,,,,,\n", "vendors.csv:2: purposes: “0” is not a TCF purpose number (1 to 24)" },
  { HEADER "Acme,,1.5,,,,,,\n", "vendors.csv:2: purposes: “1.5” is not a TCF purpose number (1 to "
    "24)" },
  { HEADER "Acme,,,,Sweden,,,,\n", "vendors.csv:2: country: “Sweden” is not a two-letter country "
    "code (ISO 3166-1, such as SE or US)" },
  { HEADER "Acme,,,,S1,,,,\n", "vendors.csv:2: country: “S1” is not a two-letter country code "
    "(ISO 3166-1, such as SE or US)" },
  { HEADER "Acme,,,,,,www.acme.example/privacy,,\n", "vendors.csv:2: privacy_url: "
    "“www.acme.example/privacy” is not a web address starting with https:// or http://" },
  { HEADER "Acme,,,,,,https:// acme.example,,\n", "vendors.csv:2: privacy_url: “https:// "
    "acme.example” is not a web address starting with https:// or http://" },
  { HEADER "Acme,,,,,,,two years,\n", "vendors.csv:2: retention_days: “two years” is not a number "
    "of days" },
  { HEADER "Acme,,,,,,,-5,\n", "vendors.csv:2: retention_days: “-5” is not a number of days" },
  { HEADER "Acme,,,,,,,,99999999999\n", "vendors.csv:2: cookie_max_age_days: “99999999999” is not "
    "a number of days" },
  { HEADER "Acme,52,,,,,,,\n\"Other,\nName\",7,,,,,,,\nAcme Two,52,,,,,,,\n",
    "vendors.csv:5: gvl_id: vendor 52 is already on line 2" },
  { "name\nAcme Analytics\nBeta\nACME  analytics\n", "vendors.csv:4: name: “ACME analytics” is "
    "already on line 2; give one of them its gvl_id or a distinct name" },
};

static void
test_csv_bad (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (csv_bad_cases); i++)
    {
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ClVendorList) list = NULL;

      stream = g_memory_input_stream_new_from_data (csv_bad_cases[i].csv, -1, NULL);
      list = cl_vendor_csv_read_stream (stream, "vendors.csv", purpose_keys, &error);
      g_assert_null (list);
      g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, csv_bad_cases[i].message);
    }
}

/* What the CSV reader refuses (quoting, encoding) comes through with its own message. */
static void
test_csv_bad_syntax (void)
{
  static const char * const inputs[] = {
    "name,gvl_id\n\"Acme,1\n",
    "name,gvl_id\nAc\"me,1\n",
    "name,gvl_id\nCaf\xe9,1\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ClVendorList) list = NULL;

      stream = g_memory_input_stream_new_from_data (inputs[i], -1, NULL);
      list = cl_vendor_csv_read_stream (stream, "vendors.csv", purpose_keys, &error);
      g_assert_null (list);
      g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
      g_assert_true (g_str_has_prefix (error->message, "vendors.csv:2"));
    }
}

/* One entry point for either kind of file, told apart by content. */
static void
test_read_either (void)
{
  g_autofree char *gvl = cl_test_data_path ("gvl/spec2.json");
  g_autofree char *csv = cl_test_data_path ("vendor-csv/vendors.csv");
  g_autofree char *bad = cl_test_data_path ("gvl/bad/id-mismatch.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClVendorList) gvl_list = NULL;
  g_autoptr(ClVendorList) csv_list = NULL;
  g_autoptr(ClVendorList) bad_list = NULL;

  gvl_list = cl_vendor_list_read_file (gvl, purpose_keys, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gvl_list->format, ==, CL_VENDOR_LIST_GVL);
  g_assert_cmpuint (gvl_list->vendors->len, ==, 3);

  csv_list = cl_vendor_list_read_file (csv, purpose_keys, &error);
  g_assert_no_error (error);
  g_assert_cmpint (csv_list->format, ==, CL_VENDOR_LIST_CSV);
  g_assert_cmpuint (csv_list->vendors->len, ==, 5);

  bad_list = cl_vendor_list_read_file (bad, purpose_keys, &error);
  g_assert_null (bad_list);
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_assert_true (g_str_has_suffix (error->message, "disagrees with its key “12” (vendor 12)"));
  g_clear_error (&error);

  g_assert_null (cl_vendor_list_read_file ("/nonexistent/vendors.csv", purpose_keys, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (cl_vendor_csv_read_file ("/nonexistent/vendors.csv", purpose_keys, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ledger/gvl/real-v7", test_real_v7);
  g_test_add_func ("/ledger/gvl/real-v17", test_real_v17);
  g_test_add_func ("/ledger/gvl/real-v51-spec2", test_real_v51_spec2);
  g_test_add_func ("/ledger/gvl/real-diff-v7-v17", test_real_diff);
  g_test_add_func ("/ledger/gvl/spec3", test_spec3);
  g_test_add_func ("/ledger/gvl/spec2", test_spec2);
  g_test_add_func ("/ledger/gvl/no-definitions", test_no_definitions);
  g_test_add_func ("/ledger/gvl/bad", test_bad);
  g_test_add_func ("/ledger/gvl/bad-all-listed", test_bad_all_listed);
  g_test_add_func ("/ledger/gvl/missing-file", test_missing_file);
  g_test_add_func ("/ledger/gvl/truncated", test_truncated);
  g_test_add_func ("/ledger/gvl/bom", test_bom);
  g_test_add_func ("/ledger/gvl/clean-name", test_clean_name);
  g_test_add_func ("/ledger/gvl/diff", test_diff);
  g_test_add_func ("/ledger/vendor-csv/good", test_csv_good);
  g_test_add_func ("/ledger/vendor-csv/few-columns", test_csv_few_columns);
  g_test_add_func ("/ledger/vendor-csv/bad", test_csv_bad);
  g_test_add_func ("/ledger/vendor-csv/bad-syntax", test_csv_bad_syntax);
  g_test_add_func ("/ledger/vendor-csv/read-either", test_read_either);

  return g_test_run ();
}
