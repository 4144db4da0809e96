/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report.c: the subject-access report (BRIEF §3, issue 6) and the portability export for
 * the fixture subject: the JSON model, the HTML and PDF renderings, and the recorded files. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cl-audit.h"
#include "cl-consent-import.h"
#include "cl-error.h"
#include "cl-export.h"
#include "cl-report-file.h"
#include "cl-report-model.h"
#include "cl-report-pdf.h"
#include "cl-test-report.h"
#include "cl-test-utils.h"
#include "cl-time.h"

typedef struct
{
  char     *dir;
  ClLedger *ledger;
  char     *reference;  /* Anna's access request, verified */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = cl_test_make_tmpdir ();
  fixture->ledger = cl_test_report_ledger (fixture->dir, "report.db");
  /* Made with the e-mail in another case than the ledger holds it. */
  fixture->reference = cl_test_report_request (fixture->ledger, CL_REQUEST_TYPE_ACCESS,
                                               "Anna.Lindqvist@Example.se", TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->ledger);
  g_free (fixture->reference);
  g_free (fixture->dir);
}

static JsonObject *
object_at (JsonArray *array,
           guint      index)
{
  return json_array_get_object_element (array, index);
}

static JsonObject *
find_by (JsonArray  *array,
         const char *member,
         const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_object_get_string_member_with_default (object_at (array, i), member,
                                                               NULL), value) == 0)
      return object_at (array, i);
  return NULL;
}

static char *
to_text (JsonObject *object)
{
  g_autoptr(GBytes) bytes = cl_report_render_json (object);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_json_keys (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const keys[] = {
    "controller", "request", "subject", "current_choices", "consent_history", "purposes",
    "sources", "rights", "generated_at",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) report = cl_report_build (fixture->ledger, fixture->reference, &error);
  g_autoptr(GList) members = NULL;
  gint64 generated = 0;

  g_assert_no_error (error);
  members = json_object_get_members (report);
  g_assert_cmpuint (g_list_length (members), ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (report, keys[i]));
  g_assert_true (cl_time_parse_rfc3339 (json_object_get_string_member (report, "generated_at"),
                                        &generated));
}

static void
test_json_header (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) report = cl_report_build (fixture->ledger, fixture->reference, &error);
  JsonObject *controller, *request, *subject;
  JsonArray *identifiers;

  g_assert_no_error (error);
  controller = json_object_get_object_member (report, "controller");
  g_assert_cmpstr (json_object_get_string_member (controller, "name"), ==, "Alleima AB");
  g_assert_cmpstr (json_object_get_string_member (controller, "address"), ==,
                   "Storgatan 1, 811 81 Sandviken, Sweden");
  g_assert_cmpstr (json_object_get_string_member (controller, "dpo_contact"), ==,
                   "dpo@alleima.example");
  g_assert_nonnull (strstr (json_object_get_string_member (controller, "supervisory_authority"),
                            "IMY"));

  request = json_object_get_object_member (report, "request");
  g_assert_cmpstr (json_object_get_string_member (request, "reference"), ==, fixture->reference);
  g_assert_cmpstr (json_object_get_string_member (request, "type"), ==, "access");
  g_assert_cmpstr (json_object_get_string_member (request, "received"), ==, "2026-03-02");
  g_assert_cmpstr (json_object_get_string_member (request, "due"), ==, "2026-04-03");

  /* Every identifier of both devices, found through the e-mail in another case. */
  subject = json_object_get_object_member (report, "subject");
  g_assert_true (json_object_get_boolean_member (subject, "found"));
  identifiers = json_object_get_array_member (subject, "identifiers");
  g_assert_cmpuint (json_array_get_length (identifiers), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (object_at (identifiers, 0), "kind"), ==,
                   "consent_id");
  for (guint i = 0; cl_test_anna_identifiers[i] != NULL; i++)
    g_assert_nonnull (find_by (identifiers, "value", cl_test_anna_identifiers[i]));
  g_assert_cmpstr (json_object_get_string_member (find_by (identifiers, "value", "A-1042"),
                                                  "kind"), ==, "account");
}

static void
test_json_choices_and_history (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) report = cl_report_build (fixture->ledger, fixture->reference, &error);
  JsonArray *choices, *history;
  JsonObject *choice, *event;

  g_assert_no_error (error);
  choices = json_object_get_array_member (report, "current_choices");
  g_assert_cmpuint (json_array_get_length (choices), ==, 3);  /* the refusable purposes */
  choice = find_by (choices, "purpose", "measurement");
  g_assert_cmpstr (json_object_get_string_member (choice, "decision"), ==, "denied");
  g_assert_false (json_object_get_boolean_member (choice, "granted"));
  g_assert_cmpstr (json_object_get_string_member (choice, "since"), ==, "2026-03-01T12:00:00Z");
  choice = find_by (choices, "purpose", "advertising");
  g_assert_cmpstr (json_object_get_string_member (choice, "name"), ==,
                   "Advertisement and ad measurement");
  g_assert_cmpstr (json_object_get_string_member (choice, "since"), ==, "2026-01-15T14:02:30Z");
  g_assert_cmpstr (json_object_get_string_member (choice, "policy_version"), ==, "3.1");
  g_assert_null (find_by (choices, "purpose", "network"));

  /* Both devices' events, oldest first, in the consent log shape and in plain words. */
  history = json_object_get_array_member (report, "consent_history");
  g_assert_cmpuint (json_array_get_length (history), ==, 4);
  event = object_at (history, 0);
  g_assert_cmpstr (json_object_get_string_member (event, "event_id"), ==, "rep-0001");
  g_assert_cmpstr (json_object_get_string_member (event, "recorded_at"), ==,
                   "2025-11-03T09:15:00Z");
  g_assert_cmpstr (json_object_get_string_member (event, "policy_version"), ==, "3.0");
  g_assert_cmpstr (json_object_get_string_member (event, "method"), ==, "accept_all");
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (event, "decisions"),
                                                 "advertising"));
  /* The sentence is the Records page's own (cl_consent_event_describe). */
  g_assert_nonnull (strstr (json_object_get_string_member (event, "description"),
                            "under policy 3.0, via the cookie banner, from SE"));
  g_assert_cmpstr (json_object_get_string_member (object_at (history, 2), "subject"), ==,
                   "c-anna-phone-99b1");
  event = object_at (history, 3);
  g_assert_cmpstr (json_object_get_string_member (event, "method"), ==, "withdraw");
  g_assert_nonnull (strstr (json_object_get_string_member (event, "description"),
                            "Withdrew consent to Measurement and performance under policy 3.1"));
}

static void
test_json_purposes_and_sources (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) report = cl_report_build (fixture->ledger, fixture->reference, &error);
  JsonArray *purposes, *recipients, *sources, *rights;
  JsonObject *purpose, *recipient, *source;

  g_assert_no_error (error);
  purposes = json_object_get_array_member (report, "purposes");
  g_assert_cmpuint (json_array_get_length (purposes), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      static const char * const members[] = {
        "key", "name", "description", "legal_basis", "data_categories", "recipients", "retention",
      };
      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        g_assert_true (json_object_has_member (object_at (purposes, i), members[m]));
    }

  purpose = find_by (purposes, "key", "measurement");
  g_assert_cmpstr (json_object_get_string_member (purpose, "legal_basis"), ==, "consent");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (purpose,
                                                                         "data_categories")),
                    >, 0);
  recipients = json_object_get_array_member (purpose, "recipients");
  g_assert_cmpuint (json_array_get_length (recipients), ==, 1);
  recipient = object_at (recipients, 0);
  g_assert_cmpstr (json_object_get_string_member (recipient, "name"), ==, "Nordic Analytics AB");
  g_assert_cmpstr (json_object_get_string_member (recipient, "country"), ==, "SE");
  g_assert_true (json_object_get_null_member (recipient, "transfer_safeguard"));

  purpose = find_by (purposes, "key", "advertising");
  recipient = find_by (json_object_get_array_member (purpose, "recipients"), "name",
                       "Global Ads Inc.");
  g_assert_nonnull (recipient);
  g_assert_cmpstr (json_object_get_string_member (recipient, "country"), ==, "US");
  g_assert_cmpstr (json_object_get_string_member (recipient, "transfer_safeguard"), ==,
                   "Standard contractual clauses");
  purpose = find_by (purposes, "key", "network");
  g_assert_cmpstr (json_object_get_string_member (purpose, "legal_basis"), ==,
                   "legitimate_interest");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (purpose, "recipients")),
                    ==, 0);

  /* The CMP named through the cmps table, and the sites without their page paths. */
  sources = json_object_get_array_member (report, "sources");
  source = find_by (sources, "name", CL_TEST_FIXTURE_CMP_NAME);
  g_assert_nonnull (source);
  g_assert_cmpint (json_object_get_int_member (source, "cmp_id"), ==, 675);
  source = find_by (sources, "url", "https://www.example.com/");
  g_assert_nonnull (source);
  g_assert_cmpstr (json_object_get_string_member (source, "type"), ==, "website");
  g_assert_cmpint (json_object_get_int_member (source, "events"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (source, "first_seen"), ==,
                   "2025-11-03T09:15:00Z");
  g_assert_nonnull (find_by (sources, "url", "https://shop.example.com/"));

  rights = json_object_get_array_member (report, "rights");
  for (guint i = 0; i < 6; i++)
    {
      static const char * const keys[] = {
        "rectification", "erasure", "restriction", "objection", "portability", "complaint",
      };
      g_assert_nonnull (find_by (rights, "right", keys[i]));
    }
  g_assert_nonnull (strstr (json_object_get_string_member (find_by (rights, "right", "complaint"),
                                                           "text"), "IMY"));
}

/* Nothing of another subject is in anybody's report. */
static void
test_json_only_this_subject (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) report = cl_report_build (fixture->ledger, fixture->reference, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = to_text (report);
  for (guint i = 0; cl_test_bertil_identifiers[i] != NULL; i++)
    g_assert_null (strstr (text, cl_test_bertil_identifiers[i]));
  g_assert_null (strstr (text, "198.51.100.0"));
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *portability = cl_test_report_request (fixture->ledger,
                                                         CL_REQUEST_TYPE_PORTABILITY,
                                                         "A-1042", TRUE);
  g_autofree char *unverified = cl_test_report_request (fixture->ledger, CL_REQUEST_TYPE_ACCESS,
                                                        "A-1042", FALSE);
  JsonObject *report;

  report = cl_report_build (fixture->ledger, portability, &error);
  g_assert_null (report);
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "is a portability request, not an access request"));
  g_clear_error (&error);

  report = cl_report_build (fixture->ledger, unverified, &error);
  g_assert_null (report);
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "has not been verified"));
  g_clear_error (&error);

  report = cl_report_build (fixture->ledger, "DSR-2026-0999", &error);
  g_assert_null (report);
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND);
}

/* Art. 15 wants an answer when nothing is held, too. */
static void
test_no_subject (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = cl_test_report_request (fixture->ledger, CL_REQUEST_TYPE_ACCESS,
                                                       "stranger@example.net", TRUE);
  g_autoptr(JsonObject) report = cl_report_build (fixture->ledger, reference, &error);
  g_autoptr(GBytes) html = NULL;
  JsonObject *subject;

  g_assert_no_error (error);
  subject = json_object_get_object_member (report, "subject");
  g_assert_false (json_object_get_boolean_member (subject, "found"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (subject, "identifiers")),
                    ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report,
                                                                         "consent_history")),
                    ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "purposes")),
                    ==, 5);
  html = cl_report_render_html (report);
  g_assert_cmpuint (cl_test_count_bytes (html, "We hold no consent records under the identifier "
                                               "you gave us (stranger@example.net)"), ==, 1);
}

static void
test_html (Fixture       *fixture,
           gconstpointer  data)
{
  static const char * const facts[] = {
    "Alleima AB", "c-anna-7f3a9e", "c-anna-phone-99b1", "anna.lindqvist@example.se", "A-1042",
    "Withdrew consent to Measurement and performance under policy 3.1",
    "Advertisement and ad measurement", "Legitimate interest", "Nordic Analytics AB",
    "Global Ads Inc.", "Standard contractual clauses", CL_TEST_FIXTURE_CMP_NAME,
    "https://shop.example.com/", "Data portability", "Integritetsskyddsmyndigheten",
    "2026-03-01 12:00 UTC",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) report = cl_report_build (fixture->ledger, fixture->reference, &error);
  g_autoptr(GBytes) html = NULL;
  g_autofree char *text = NULL;
  g_autofree char *request_line = NULL;

  g_assert_no_error (error);
  html = cl_report_render_html (report);
  text = g_strndup (g_bytes_get_data (html, NULL), g_bytes_get_size (html));
  g_assert_true (g_str_has_prefix (text, "<!DOCTYPE html>"));
  g_assert_true (g_str_has_suffix (text, "</html>\n"));
  g_assert_true (g_utf8_validate (text, -1, NULL));

  /* One file: nothing is fetched from elsewhere. */
  g_assert_null (strstr (text, "<link"));
  g_assert_null (strstr (text, "<script"));
  g_assert_null (strstr (text, "<img"));
  g_assert_null (strstr (text, "src="));
  g_assert_null (strstr (text, "url("));
  g_assert_null (strstr (text, "@import"));
  g_assert_nonnull (strstr (text, "@media print"));

  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    if (strstr (text, facts[i]) == NULL)
      g_error ("The HTML report does not say “%s”", facts[i]);
  request_line = g_strdup_printf ("Request %s, received 2026-03-02", fixture->reference);
  g_assert_nonnull (strstr (text, request_line));
}

static void
test_html_escapes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(GBytes) html = NULL;

  cl_ledger_set_setting (fixture->ledger, "company.name", "<script>alert(1)</script> & Co",
                         &error);
  g_assert_no_error (error);
  report = cl_report_build (fixture->ledger, fixture->reference, &error);
  g_assert_no_error (error);
  html = cl_report_render_html (report);
  g_assert_cmpuint (cl_test_count_bytes (html, "<script"), ==, 0);
  g_assert_cmpuint (cl_test_count_bytes (html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"),
                    >, 0);
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) report = cl_report_build (fixture->ledger, fixture->reference, &error);
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *count = NULL;
  const char *bytes;
  gsize length;
  guint n_pages = 0;

  g_assert_no_error (error);
  pdf = cl_report_render_pdf (report, &n_pages, &error);
  g_assert_no_error (error);
  bytes = g_bytes_get_data (pdf, &length);
  g_assert_cmpuint (length, >, 5000);
  g_assert_true (g_str_has_prefix (bytes, "%PDF-1."));
  g_assert_cmpuint (cl_test_count_bytes (pdf, "%%EOF"), >=, 1);

  /* A4 pages, as many as were laid out: the report does not fit on one. */
  g_assert_cmpuint (n_pages, >=, 2);
  count = g_strdup_printf ("/Count %u", n_pages);
  g_assert_cmpuint (cl_test_count_bytes (pdf, count), ==, 1);
  g_assert_cmpuint (cl_test_count_bytes (pdf, "/MediaBox [ 0 0 595.28 841.89 ]"), >=, 1);
  g_assert_cmpuint (cl_test_count_bytes (pdf, "/Type /Page %"), ==, n_pages);
}

static void
assert_private_file (const char *path,
                     const char *sha256)
{
  g_autoptr(GBytes) bytes = cl_test_read_bytes (path);
  g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpstr (digest, ==, sha256);
}

static void
test_files_recorded (Fixture       *fixture,
                     gconstpointer  data)
{
  static const ClReportFormat formats[] = {
    CL_REPORT_FORMAT_JSON, CL_REPORT_FORMAT_HTML, CL_REPORT_FORMAT_PDF,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRequest) request = NULL;
  char *shas[3] = { NULL };
  char *paths[3] = { NULL };
  GPtrArray *files;
  guint n_file_steps = 0;
  guint n_checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const char *name = cl_report_format_to_string (formats[i]);
      g_autofree char *file = g_strdup_printf ("report.%s", name);

      paths[i] = g_build_filename (fixture->dir, file, NULL);
      /* An older file there, readable by all, is replaced by an owner-only one. */
      g_file_set_contents (paths[i], "old", -1, &error);
      g_assert_no_error (error);
      g_chmod (paths[i], 0644);

      cl_report_file_write (fixture->ledger, fixture->reference, formats[i], paths[i], &shas[i],
                            NULL, &error);
      g_assert_no_error (error);
      assert_private_file (paths[i], shas[i]);
    }

  request = cl_request_load (fixture->ledger, fixture->reference, &error);
  g_assert_no_error (error);
  files = cl_request_get_files (request);
  g_assert_cmpuint (files->len, ==, 3);
  for (guint i = 0; i < files->len; i++)
    {
      ClRequestFile *file = g_ptr_array_index (files, i);

      g_assert_cmpstr (file->path, ==, paths[i]);
      g_assert_cmpstr (file->format, ==, cl_report_format_to_string (formats[i]));
      g_assert_cmpstr (file->sha256, ==, shas[i]);
    }
  for (guint i = 0; i < cl_request_get_steps (request)->len; i++)
    if (g_strcmp0 (((ClRequestStep *) g_ptr_array_index (cl_request_get_steps (request), i))->action,
                   "file") == 0)
      n_file_steps++;
  g_assert_cmpuint (n_file_steps, ==, 3);
  cl_audit_verify (fixture->ledger, &n_checked, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_free (shas[i]);
      g_free (paths[i]);
    }
}

/* A refused report leaves no file behind, and the old one as it was. */
static void
test_refused_writes_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *unverified = cl_test_report_request (fixture->ledger, CL_REQUEST_TYPE_ACCESS,
                                                        "A-1042", FALSE);
  g_autofree char *path = g_build_filename (fixture->dir, "refused.html", NULL);

  g_assert_false (cl_report_file_write (fixture->ledger, unverified, CL_REPORT_FORMAT_HTML, path,
                                        NULL, NULL, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "cancelled.pdf", NULL);
  g_autoptr(ClRequest) request = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (cl_report_file_write (fixture->ledger, fixture->reference, CL_REPORT_FORMAT_PDF,
                                        path, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  request = cl_request_load (fixture->ledger, fixture->reference, NULL);
  g_assert_cmpuint (cl_request_get_files (request)->len, ==, 0);
}

/* The export's events are consent log lines: imported into a new ledger, they give back the
 * same subject, identifiers and history. */
static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) export = cl_export_build (fixture->ledger, "c-anna-phone-99b1", NULL,
                                                  &error);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autofree char *log_path = g_build_filename (fixture->dir, "exported.jsonl", NULL);
  g_autofree char *ledger_path = g_build_filename (fixture->dir, "again.db", NULL);
  g_autoptr(ClLedger) again = NULL;
  g_autoptr(ClConsentImportResult) result = NULL;
  g_autoptr(JsonObject) second = NULL;
  g_autofree char *first_events = NULL;
  g_autofree char *second_events = NULL;
  JsonArray *events;
  JsonObject *identifiers;

  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (export, "format"), ==, "consent-ledger-export");
  g_assert_cmpint (json_object_get_int_member (export, "format_version"), ==, 1);
  g_assert_true (json_object_get_null_member (export, "request"));
  identifiers = json_object_get_object_member (export, "identifiers");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (identifiers,
                                                                         "consent_id")), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (identifiers,
                                                                                "email"), 0),
                   ==, "anna.lindqvist@example.se");
  g_assert_true (json_object_has_member (json_object_get_object_member (export, "current"),
                                         "advertising"));

  events = json_object_get_array_member (export, "events");
  g_assert_cmpuint (json_array_get_length (events), ==, 4);
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *line = NULL;

      json_generator_set_root (generator, json_array_get_element (events, i));
      line = json_generator_to_data (generator, NULL);
      g_string_append_printf (lines, "%s\n", line);
    }
  g_file_set_contents (log_path, lines->str, -1, &error);
  g_assert_no_error (error);

  again = cl_ledger_open (ledger_path, &error);
  g_assert_no_error (error);
  cl_consent_import_file (again, log_path, CL_CONSENT_READER_FLAGS_NONE, NULL, NULL, NULL,
                          &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_imported, ==, 4);
  g_assert_cmpuint (result->n_new_subjects, ==, 1);

  second = cl_export_build (again, "A-1042", NULL, &error);
  g_assert_no_error (error);
  first_events = to_text (export);
  second_events = to_text (second);
  /* Everything but the header (times of writing, controller) is the same. */
  g_assert_cmpstr (strstr (first_events, "\"identifiers\""), ==,
                   strstr (second_events, "\"identifiers\""));
}

static void
test_export_files (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *portability = cl_test_report_request (fixture->ledger,
                                                         CL_REQUEST_TYPE_PORTABILITY,
                                                         "anna.lindqvist@example.se", TRUE);
  g_autofree char *path = g_build_filename (fixture->dir, "export.json", NULL);
  g_autofree char *loose = g_build_filename (fixture->dir, "loose.json", NULL);
  g_autofree char *sha256 = NULL;
  g_autofree char *loose_sha256 = NULL;
  g_autoptr(ClRequest) request = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  ClRequestFile *file;

  /* By the request alone: the subject is the request's. */
  cl_export_file_write (fixture->ledger, NULL, portability, path, &sha256, NULL, &error);
  g_assert_no_error (error);
  assert_private_file (path, sha256);
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (
                     json_parser_get_root (parser)), "request"), ==, portability);

  request = cl_request_load (fixture->ledger, portability, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cl_request_get_files (request)->len, ==, 1);
  file = g_ptr_array_index (cl_request_get_files (request), 0);
  g_assert_cmpstr (file->sha256, ==, sha256);
  g_assert_cmpstr (file->format, ==, "json");

  /* Another subject's identifier with this request: refused. */
  g_assert_false (cl_export_file_write (fixture->ledger, "B-2077", portability, loose, NULL, NULL,
                                        &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (g_file_test (loose, G_FILE_TEST_EXISTS));

  /* An access request is answered by a report, not an export. */
  g_assert_false (cl_export_file_write (fixture->ledger, NULL, fixture->reference, loose, NULL,
                                        NULL, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED);
  g_clear_error (&error);

  /* Without a request: written, and the audit log says so (without the identifier). */
  cl_export_file_write (fixture->ledger, "B-2077", NULL, loose, &loose_sha256, NULL, &error);
  g_assert_no_error (error);
  assert_private_file (loose, loose_sha256);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ledger/report/json-keys", test_json_keys);
  ADD ("/ledger/report/json-header", test_json_header);
  ADD ("/ledger/report/json-choices-history", test_json_choices_and_history);
  ADD ("/ledger/report/json-purposes-sources-rights", test_json_purposes_and_sources);
  ADD ("/ledger/report/json-only-this-subject", test_json_only_this_subject);
  ADD ("/ledger/report/refusals", test_refusals);
  ADD ("/ledger/report/no-subject", test_no_subject);
  ADD ("/ledger/report/html", test_html);
  ADD ("/ledger/report/html-escapes", test_html_escapes);
  ADD ("/ledger/report/pdf", test_pdf);
  ADD ("/ledger/report/files-recorded", test_files_recorded);
  ADD ("/ledger/report/refused-writes-nothing", test_refused_writes_nothing);
  ADD ("/ledger/report/cancelled", test_cancelled);
  ADD ("/ledger/export/round-trip", test_export_round_trip);
  ADD ("/ledger/export/files", test_export_files);
#undef ADD

  return g_test_run ();
}
