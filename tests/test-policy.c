/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-policy.c: policy versions and purposes — validation, audit, and the JSON of consentctl
 * policy list, purposes and reconsent. */
#include "config.h"

#include <json-glib/json-glib.h>

#include "cl-audit.h"
#include "cl-error.h"
#include "cl-ledger-private.h"
#include "cl-policy.h"
#include "cl-purpose.h"
#include "cl-test-fill.h"
#include "cl-test-utils.h"

static ClLedger *
new_ledger (char **out_path)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "policy.db", NULL);
  g_autoptr(GError) error = NULL;
  ClLedger *ledger = cl_ledger_open (path, &error);

  g_assert_no_error (error);
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return ledger;
}

static guint
n_audit_entries (ClLedger *ledger)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (cl_audit_verify (ledger, &n, &error));
  g_assert_no_error (error);
  return n;
}

static ClPolicyVersion *
add (ClLedger   *ledger,
     const char *version,
     const char *effective,
     gboolean    significant,
     GError    **error)
{
  ClPolicyFields fields = { version, effective, significant, "A summary", NULL };
  return cl_policy_add (ledger, &fields, error);
}

static void
add_ok (ClLedger   *ledger,
        const char *version,
        const char *effective,
        gboolean    significant)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClPolicyVersion) added = add (ledger, version, effective, significant, &error);

  g_assert_no_error (error);
  g_assert_nonnull (added);
}

static guint
n_versions (ClLedger *ledger)
{
  g_autoptr(GListStore) versions = cl_policy_list (ledger, NULL);
  return g_list_model_get_n_items (G_LIST_MODEL (versions));
}

static void
test_compare_labels (void)
{
  g_assert_cmpint (cl_policy_compare_labels ("3.9", "3.10"), <, 0);
  g_assert_cmpint (cl_policy_compare_labels ("3.10", "3.9"), >, 0);
  g_assert_cmpint (cl_policy_compare_labels ("3.1", "3.1"), ==, 0);
  g_assert_cmpint (cl_policy_compare_labels ("3.01", "3.1"), ==, 0);
  g_assert_cmpint (cl_policy_compare_labels ("3", "3.1"), <, 0);
  g_assert_cmpint (cl_policy_compare_labels ("10.0", "9.9"), >, 0);
  g_assert_cmpint (cl_policy_compare_labels ("2025-a", "2025-b"), <, 0);
}

static void
test_add_and_list (void)
{
  g_autoptr(ClLedger) ledger = new_ledger (NULL);
  g_autoptr(GListStore) versions = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "3.9", "3.10", "4.0" };

  add_ok (ledger, "3.10", "2025-06-01", FALSE);
  g_assert_no_error (error);
  add_ok (ledger, "4.0", "2026-03-01", TRUE);
  g_assert_no_error (error);
  add_ok (ledger, "3.9", "2025-01-01", FALSE);
  g_assert_no_error (error);

  versions = cl_policy_list (ledger, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (versions)), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(ClPolicyVersion) version = g_list_model_get_item (G_LIST_MODEL (versions), i);
      g_assert_cmpstr (cl_policy_version_get_version (version), ==, expected[i]);
      g_assert_cmpstr (cl_policy_version_get_summary (version), ==, "A summary");
      g_assert_null (cl_policy_version_get_text_sha256 (version));
    }
  g_assert_cmpuint (n_audit_entries (ledger), ==, 3);
}

/* Every refusal leaves the ledger exactly as it was: no row, no audit entry. */
static void
assert_refused (ClLedger      *ledger,
                const char    *version,
                const char    *effective,
                gboolean       significant,
                ClLedgerError  code,
                const char    *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClPolicyVersion) added = NULL;
  guint versions_before = n_versions (ledger);
  guint audit_before = n_audit_entries (ledger);

  added = add (ledger, version, effective, significant, &error);
  g_assert_null (added);
  g_assert_error (error, CL_LEDGER_ERROR, (int) code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
  g_assert_cmpuint (n_versions (ledger), ==, versions_before);
  g_assert_cmpuint (n_audit_entries (ledger), ==, audit_before);
  g_assert_false (cl_ledger_in_transaction (ledger));
}

static void
test_validation (void)
{
  g_autoptr(ClLedger) ledger = new_ledger (NULL);
  g_autoptr(GError) error = NULL;

  add_ok (ledger, "3.0", "2025-01-01", FALSE);
  g_assert_no_error (error);
  add_ok (ledger, "4.0", "2026-03-01", TRUE);
  g_assert_no_error (error);

  assert_refused (ledger, "", "2026-01-01", FALSE, CL_LEDGER_ERROR_INVALID_INPUT,
                  "give the version a label");
  assert_refused (ledger, "3.\n1", "2026-01-01", FALSE, CL_LEDGER_ERROR_INVALID_INPUT,
                  "control character");
  assert_refused (ledger, "3.5", NULL, FALSE, CL_LEDGER_ERROR_INVALID_INPUT,
                  "give the date version 3.5 takes effect");
  assert_refused (ledger, "3.5", "2025-02-30", FALSE, CL_LEDGER_ERROR_INVALID_INPUT,
                  "“2025-02-30” is not a date");
  assert_refused (ledger, "3.5", "2025-2-3", FALSE, CL_LEDGER_ERROR_INVALID_INPUT,
                  "write it as YYYY-MM-DD");
  assert_refused (ledger, "3.5", "03/02/2025", FALSE, CL_LEDGER_ERROR_INVALID_INPUT,
                  "is not a date");
  assert_refused (ledger, "3.5", "1899-01-01", FALSE, CL_LEDGER_ERROR_INVALID_INPUT,
                  "is not a date");
  assert_refused (ledger, "3.0", "2025-05-01", FALSE, CL_LEDGER_ERROR_CONFLICT,
                  "Policy version 3.0 already exists (effective 2025-01-01)");
  /* Labels are compared after trimming. */
  assert_refused (ledger, " 3.0 ", "2025-05-01", FALSE, CL_LEDGER_ERROR_CONFLICT,
                  "already exists");
  /* A significant version before an earlier one. */
  assert_refused (ledger, "3.5", "2024-12-01", TRUE, CL_LEDGER_ERROR_INVALID_INPUT,
                  "version 3.5 is significant and cannot take effect on 2024-12-01, before the "
                  "earlier version 3.0 (effective 2025-01-01)");
  /* An earlier version after a significant later one. */
  assert_refused (ledger, "3.5", "2026-04-01", FALSE, CL_LEDGER_ERROR_INVALID_INPUT,
                  "after the later significant version 4.0 (effective 2026-03-01)");

  /* Spaces around a date are not an error. */
  add_ok (ledger, "3.2", " 2025-06-01 ", FALSE);

  /* On the same day is fine, and a non-significant version may come in between. */
  add_ok (ledger, "3.5", "2026-03-01", FALSE);
  g_assert_no_error (error);
  add_ok (ledger, "5.0", "2026-03-01", TRUE);
  g_assert_no_error (error);
}

static void
test_edit (void)
{
  g_autoptr(ClLedger) ledger = new_ledger (NULL);
  g_autoptr(ClPolicyVersion) edited = NULL;
  g_autoptr(ClPolicyVersion) renamed = NULL;
  g_autoptr(GError) error = NULL;
  ClPolicyFields fields = { "4.0", "2026-03-01", TRUE, "Vendors added", NULL };
  sqlite3_stmt *stmt;

  add_ok (ledger, "3.0", "2025-01-01", FALSE);
  add_ok (ledger, "4.0", "2026-03-01", FALSE);
  g_assert_no_error (error);

  edited = cl_policy_edit (ledger, "4.0", &fields, &error);
  g_assert_no_error (error);
  g_assert_true (cl_policy_version_get_significant (edited));
  g_assert_cmpstr (cl_policy_version_get_summary (edited), ==, "Vendors added");

  fields.version = "4.1";
  renamed = cl_policy_edit (ledger, "4.0", &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cl_policy_version_get_version (renamed), ==, "4.1");
  g_assert_cmpint (cl_policy_version_get_id (renamed), ==, cl_policy_version_get_id (edited));

  /* Renaming onto another label, editing what is not there. */
  fields.version = "3.0";
  g_assert_null (cl_policy_edit (ledger, "4.1", &fields, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_null (cl_policy_edit (ledger, "9.9", &fields, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* 3.0 cannot move after the significant 4.1. */
  fields.version = "3.0";
  fields.effective = "2026-04-01";
  g_assert_null (cl_policy_edit (ledger, "3.0", &fields, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* The audit log says what changed. */
  stmt = cl_ledger_statement (ledger, "SELECT action, object_id, detail FROM audit_log"
                              " ORDER BY id DESC LIMIT 2", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "policy.edit");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "4.1");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "label 4.0 → 4.1");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==,
                   "significant no → yes; summary: Vendors added");
  sqlite3_reset (stmt);
  g_assert_cmpuint (n_audit_entries (ledger), ==, 4);
}

static void
test_text_sha256 (void)
{
  g_autoptr(ClLedger) ledger = new_ledger (NULL);
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *text = g_build_filename (dir, "policy.txt", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  g_autoptr(ClPolicyVersion) version = NULL;
  g_autoptr(ClPolicyVersion) kept = NULL;
  g_autoptr(GError) error = NULL;
  const char *contents = "Cookie and privacy policy, version 4.0.\n";
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);
  ClPolicyFields fields = { "4.0", "2026-03-01", TRUE, NULL, text };

  g_file_set_contents (text, contents, -1, NULL);
  g_file_set_contents (empty, "", 0, NULL);

  version = cl_policy_add (ledger, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cl_policy_version_get_text_sha256 (version), ==, expected);

  /* An edit without a file keeps the hash. */
  fields.text_path = NULL;
  fields.summary = "Typo";
  kept = cl_policy_edit (ledger, "4.0", &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cl_policy_version_get_text_sha256 (kept), ==, expected);

  fields.version = "4.1";
  fields.text_path = missing;
  g_assert_null (cl_policy_add (ledger, &fields, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Could not read the policy text"));
  g_clear_error (&error);
  fields.text_path = empty;
  g_assert_null (cl_policy_add (ledger, &fields, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "is empty"));
}

static void
test_purpose_edit (void)
{
  g_autoptr(ClLedger) ledger = new_ledger (NULL);
  g_autoptr(ClPurpose) before = NULL;
  g_autoptr(ClPurpose) after = NULL;
  g_autoptr(GArray) tcf = NULL;
  g_autoptr(GError) error = NULL;
  ClPurposeFields fields;
  guint audit_before;

  before = cl_purpose_lookup (ledger, "measurement", &error);
  g_assert_no_error (error);
  cl_purpose_fields_init (&fields, before);
  fields.name = "  Statistics  ";
  fields.data_categories = "Visits\n\n  Page views  \n";
  fields.retention = "13 months";
  tcf = cl_purpose_parse_tcf_list ("9; 7,8 8", &error);
  g_assert_no_error (error);
  fields.tcf_purposes = (const int *) (gpointer) tcf->data;
  fields.n_tcf_purposes = tcf->len;
  g_assert_true (cl_purpose_update (ledger, "measurement", &fields, &error));
  g_assert_no_error (error);

  after = cl_purpose_lookup (ledger, "measurement", &error);
  g_assert_cmpstr (cl_purpose_get_name (after), ==, "Statistics");
  g_assert_cmpstr (cl_purpose_get_data_categories (after), ==, "Visits\nPage views");
  g_assert_cmpstr (cl_purpose_get_retention (after), ==, "13 months");
  g_assert_cmpuint (cl_purpose_get_tcf_purposes (after)->len, ==, 3);
  g_assert_cmpuint (cl_purpose_get_bit (after), ==, cl_purpose_get_bit (before));

  /* Refusals leave everything as it was. */
  audit_before = n_audit_entries (ledger);
  cl_purpose_fields_init (&fields, after);
  fields.refusable = FALSE;
  g_assert_false (cl_purpose_update (ledger, "measurement", &fields, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "must be refusable"));
  g_clear_error (&error);
  cl_purpose_fields_init (&fields, after);
  fields.legal_basis = "vibes";
  g_assert_false (cl_purpose_update (ledger, "measurement", &fields, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  cl_purpose_fields_init (&fields, after);
  fields.name = " ";
  g_assert_false (cl_purpose_update (ledger, "measurement", &fields, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  cl_purpose_fields_init (&fields, after);
  g_assert_false (cl_purpose_update (ledger, "nonsense", &fields, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (cl_purpose_parse_tcf_list ("7, 12", &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpuint (n_audit_entries (ledger), ==, audit_before);

  /* A legitimate interest that can be objected to is allowed. */
  cl_purpose_fields_init (&fields, after);
  fields.legal_basis = "legitimate_interest";
  g_assert_true (cl_purpose_update (ledger, "measurement", &fields, &error));
  g_assert_no_error (error);
}

static void
test_restore_defaults (void)
{
  g_autoptr(ClLedger) ledger = new_ledger (NULL);
  g_autoptr(ClPurpose) purpose = NULL;
  g_autoptr(ClPurpose) restored = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = cl_ledger_get_db (ledger);
  sqlite3_stmt *stmt = NULL;
  ClPurposeFields fields;
  gint64 id_before;

  purpose = cl_purpose_lookup (ledger, "advertising", &error);
  cl_purpose_fields_init (&fields, purpose);
  fields.name = "Ads";
  fields.n_tcf_purposes = 0;
  g_assert_true (cl_purpose_update (ledger, "advertising", &fields, &error));
  g_assert_no_error (error);

  /* A vendor's declaration of the purpose must survive the restore. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO vendors (id, name, updated_at) VALUES (1, 'V', 'x');"
                                 "INSERT INTO vendor_purposes SELECT 1, id, 'consent' FROM purposes"
                                 " WHERE key = 'advertising';", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "SELECT id FROM purposes WHERE key = 'advertising'", -1, &stmt, NULL);
  sqlite3_step (stmt);
  id_before = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  g_assert_true (cl_purpose_restore_defaults (ledger, &error));
  g_assert_no_error (error);
  restored = cl_purpose_lookup (ledger, "advertising", &error);
  g_assert_cmpstr (cl_purpose_get_name (restored), ==, "Advertisement and ad measurement");
  g_assert_cmpuint (cl_purpose_get_tcf_purposes (restored)->len, ==, 3);

  sqlite3_prepare_v2 (db, "SELECT count (*) FROM vendor_purposes WHERE purpose_id = ?", -1,
                      &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, id_before);
  sqlite3_step (stmt);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n_audit_entries (ledger), ==, 2);
}

static JsonNode *
run_json (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;

  if (cl_test_run_consentctl (argv, NULL, &out, &err) != 0)
    g_error ("consentctl failed: %s", err);
  return json_from_string (out, &error);
}

static void
test_cli_policy_list_json (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cli.db", NULL);
  g_autofree char *text = g_build_filename (dir, "policy.txt", NULL);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "text\n", -1);
  const char *add_30[] = { "--ledger", path, "policy", "add", "3.0", "--effective", "2025-01-01",
                           NULL };
  const char *add_40[] = { "--ledger", path, "policy", "add", "4.0", "--effective", "2026-03-01",
                           "--significant", "--summary", "New vendors", "--text", text, NULL };
  const char *list[] = { "--ledger", path, "policy", "list", "--json", NULL };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  JsonObject *first, *second;

  g_file_set_contents (text, "text\n", -1, NULL);
  g_assert_cmpint (cl_test_run_consentctl (add_30, NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (cl_test_run_consentctl (add_40, NULL, NULL, NULL), ==, 0);

  root = run_json (list);
  g_assert_nonnull (root);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  first = json_array_get_object_element (array, 0);
  second = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "version"), ==, "3.0");
  g_assert_cmpstr (json_object_get_string_member (first, "effective"), ==, "2025-01-01");
  g_assert_false (json_object_get_boolean_member (first, "significant"));
  g_assert_cmpstr (json_object_get_string_member (first, "summary"), ==, "");
  g_assert_true (json_object_get_null_member (first, "text_sha256"));
  g_assert_cmpstr (json_object_get_string_member (second, "version"), ==, "4.0");
  g_assert_true (json_object_get_boolean_member (second, "significant"));
  g_assert_cmpstr (json_object_get_string_member (second, "summary"), ==, "New vendors");
  g_assert_cmpstr (json_object_get_string_member (second, "text_sha256"), ==, sha);
  g_assert_cmpuint (json_object_get_size (second), ==, 5);
}

static void
test_cli_policy_errors (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cli.db", NULL);
  const char *no_date[] = { "--ledger", path, "policy", "add", "3.0", NULL };
  const char *bad_date[] = { "--ledger", path, "policy", "add", "3.0", "--effective",
                             "2025-13-01", NULL };
  const char *no_sub[] = { "--ledger", path, "policy", NULL };
  const char *bad_sub[] = { "--ledger", path, "policy", "remove", NULL };
  const char *edit_missing[] = { "--ledger", path, "policy", "edit", "9.9", "--significant",
                                 NULL };
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;

  g_assert_cmpint (cl_test_run_consentctl (no_date, NULL, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--effective DATE is required"));
  g_assert_cmpint (cl_test_run_consentctl (bad_date, NULL, NULL, &err2), ==, 1);
  g_assert_nonnull (strstr (err2, "“2025-13-01” is not a date"));
  g_assert_cmpint (cl_test_run_consentctl (no_sub, NULL, NULL, NULL), ==, 2);
  g_assert_cmpint (cl_test_run_consentctl (bad_sub, NULL, NULL, NULL), ==, 2);
  g_assert_cmpint (cl_test_run_consentctl (edit_missing, NULL, NULL, NULL), ==, 1);
}

static void
test_cli_reconsent_json (void)
{
  g_autofree char *path = NULL;
  g_autoptr(ClLedger) ledger = new_ledger (&path);
  g_autofree char *log = cl_test_data_path ("reconsent.jsonl");
  const char *argv[] = { "--ledger", path, "reconsent", "--json", "--at",
                         "2026-06-15T12:00:00Z", NULL };
  const char *count_argv[] = { "--ledger", path, "reconsent", "--json", "--count", "--at",
                               "2026-09-02", NULL };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) counts = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object, *first, *last;
  JsonArray *subjects;

  add_ok (ledger, "3.0", "2024-01-01", TRUE);
  add_ok (ledger, "3.1", "2024-06-01", FALSE);
  add_ok (ledger, "4.0", "2025-03-01", TRUE);
  add_ok (ledger, "5.0", "2026-09-01", TRUE);
  g_assert_no_error (error);
  cl_test_fill_from_jsonl (ledger, log);

  root = run_json (argv);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "count"), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (object, "significant_version"), ==, "4.0");
  g_assert_cmpint (json_object_get_int_member (object, "age_months"), ==, 13);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "by_reason"),
                                               "policy"), ==, 4);
  subjects = json_object_get_array_member (object, "subjects");
  g_assert_cmpuint (json_array_get_length (subjects), ==, 6);
  first = json_array_get_object_element (subjects, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "subject"), ==, "c-a");
  g_assert_cmpstr (json_object_get_string_member (first, "reason"), ==, "policy");
  g_assert_cmpstr (json_object_get_string_member (first, "last_event"), ==, "2025-02-03T10:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (first, "policy_version"), ==, "3.1");
  g_assert_cmpuint (json_object_get_size (first), ==, 4);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (subjects, 3),
                                              "policy_version"));
  last = json_array_get_object_element (subjects, 5);
  g_assert_cmpstr (json_object_get_string_member (last, "subject"), ==, "c-b");
  g_assert_cmpstr (json_object_get_string_member (last, "reason"), ==, "age");

  counts = run_json (count_argv);
  object = json_node_get_object (counts);
  g_assert_cmpint (json_object_get_int_member (object, "count"), ==, 9);
  g_assert_cmpstr (json_object_get_string_member (object, "significant_version"), ==, "5.0");
  g_assert_false (json_object_has_member (object, "subjects"));
}

static void
test_cli_purposes (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cli.db", NULL);
  const char *set[] = { "--ledger", path, "purposes", "set", "measurement", "--retention",
                        "13 months", "--tcf", "7,8", "--data-category", "Visits",
                        "--data-category", "Clicks", NULL };
  const char *bad[] = { "--ledger", path, "purposes", "set", "measurement", "--refusable", "no",
                        NULL };
  const char *reset[] = { "--ledger", path, "purposes", "reset", NULL };
  const char *list[] = { "--ledger", path, "purposes", "--json", NULL };
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(JsonNode) restored = NULL;
  JsonObject *measurement;

  g_assert_cmpint (cl_test_run_consentctl (set, NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (cl_test_run_consentctl (bad, NULL, NULL, NULL), ==, 1);
  edited = run_json (list);
  measurement = json_array_get_object_element (json_node_get_array (edited), 2);
  g_assert_cmpstr (json_object_get_string_member (measurement, "key"), ==, "measurement");
  g_assert_cmpstr (json_object_get_string_member (measurement, "retention"), ==, "13 months");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (measurement,
                                                                         "tcf_purposes")), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (measurement,
                                                                                "data_categories"),
                                                  1), ==, "Clicks");
  g_assert_true (json_object_get_boolean_member (measurement, "refusable"));

  g_assert_cmpint (cl_test_run_consentctl (reset, NULL, NULL, NULL), ==, 0);
  restored = run_json (list);
  measurement = json_array_get_object_element (json_node_get_array (restored), 2);
  g_assert_cmpstr (json_object_get_string_member (measurement, "retention"), ==, "");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (measurement,
                                                                         "tcf_purposes")), ==, 4);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ledger/policy/compare-labels", test_compare_labels);
  g_test_add_func ("/ledger/policy/add-and-list", test_add_and_list);
  g_test_add_func ("/ledger/policy/validation", test_validation);
  g_test_add_func ("/ledger/policy/edit", test_edit);
  g_test_add_func ("/ledger/policy/text-sha256", test_text_sha256);
  g_test_add_func ("/ledger/purpose/edit", test_purpose_edit);
  g_test_add_func ("/ledger/purpose/restore-defaults", test_restore_defaults);
  g_test_add_func ("/cli/policy/list-json", test_cli_policy_list_json);
  g_test_add_func ("/cli/policy/errors", test_cli_policy_errors);
  g_test_add_func ("/cli/reconsent/json", test_cli_reconsent_json);
  g_test_add_func ("/cli/purposes", test_cli_purposes);

  return g_test_run ();
}
