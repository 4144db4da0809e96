/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-erasure.c: erasing a subject (BRIEF §2, issue 6). The residue scan reads the bytes of the
 * ledger file, its WAL and its journal: none of the subject's identifiers may be found there
 * afterwards, while another subject's still are. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cl-audit.h"
#include "cl-consent-generator.h"
#include "cl-consent-import.h"
#include "cl-erasure.h"
#include "cl-event-query.h"
#include "cl-error.h"
#include "cl-ledger-private.h"
#include "cl-report-file.h"
#include "cl-subject.h"
#include "cl-test-report.h"
#include "cl-test-utils.h"
#include "cl-tombstone.h"

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
  fixture->dir = cl_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "ledger.db", NULL);
  fixture->ledger = cl_test_report_ledger (fixture->dir, "ledger.db");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->ledger);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* The bytes of the ledger file and of its WAL, journal and shared-memory files, as they are. */
static GBytes *
ledger_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-journal", "-shm" };
  GByteArray *all = g_byte_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (name, G_FILE_TEST_EXISTS))
        {
          g_autoptr(GBytes) bytes = cl_test_read_bytes (name);
          g_byte_array_append (all, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
        }
    }
  return g_byte_array_free_to_bytes (all);
}

static void
assert_no_residue (const char         *path,
                   const char * const *identifiers)
{
  g_autoptr(GBytes) bytes = ledger_files (path);

  for (guint i = 0; identifiers[i] != NULL; i++)
    if (cl_test_count_bytes (bytes, identifiers[i]) != 0)
      g_error ("“%s” is still in the bytes of %s or its WAL/journal", identifiers[i], path);
}

static void
assert_present (const char         *path,
                const char * const *identifiers)
{
  g_autoptr(GBytes) bytes = ledger_files (path);

  for (guint i = 0; identifiers[i] != NULL; i++)
    g_assert_cmpuint (cl_test_count_bytes (bytes, identifiers[i]), >, 0);
}

static gint64
count_rows (ClLedger   *ledger,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cl_ledger_statement (ledger, sql, &error);
  gint64 count;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/* Anna's identifiers are also in a request's label (in another case), a note, a file name and a
 * report; after the erasure none is anywhere in the files, while the ledger stays open. */
static void
test_residue_scan (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *access = cl_test_report_request (fixture->ledger, CL_REQUEST_TYPE_ACCESS,
                                                    "c-anna-phone-99b1", TRUE);
  g_autofree char *erasure = cl_test_report_request (fixture->ledger, CL_REQUEST_TYPE_ERASURE,
                                                     "ANNA.Lindqvist@Example.SE", TRUE);
  g_autofree char *report = g_build_filename (fixture->dir, "report-anna.lindqvist@example.se.pdf",
                                              NULL);
  g_autoptr(ClRequest) note = NULL;
  g_autoptr(ClRequest) after = NULL;
  ClErasureResult result;

  note = cl_request_add_note (fixture->ledger, erasure,
                              "Anna (Anna.Lindqvist@example.se, account A-1042) called twice.",
                              &error);
  g_assert_no_error (error);
  cl_report_file_write (fixture->ledger, access, CL_REPORT_FORMAT_PDF, report, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_present (fixture->path, cl_test_anna_identifiers);

  cl_erasure_erase_subject (fixture->ledger, NULL, erasure, NULL, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_events, ==, 4);
  g_assert_cmpuint (result.n_identifiers, ==, 4);
  g_assert_cmpuint (result.n_texts_scrubbed, >=, 4);
  g_assert_cmpuint (result.n_audit_mentions, ==, 0);
  g_assert_true (result.log_cleared);

  assert_no_residue (fixture->path, cl_test_anna_identifiers);
  assert_present (fixture->path, cl_test_bertil_identifiers);

  /* The requests keep their history, without the person. */
  after = cl_request_load (fixture->ledger, erasure, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cl_request_get_subject_label (after), ==, "(erased subject)");
  g_assert_cmpint (cl_request_get_subject_id (after), ==, 0);
  g_assert_nonnull (strstr (cl_request_get_notes (after), "[erased]"));

  g_clear_object (&fixture->ledger);
  assert_no_residue (fixture->path, cl_test_anna_identifiers);
  assert_present (fixture->path, cl_test_bertil_identifiers);
}

/* Page URLs and user agents are stored once for all the events that name them: the ones only
 * Anna's events named go with them, the one Bertil's event names too stays for him. */
static void
test_shared_texts (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const annas_only[] = {
    "https://www.example.com/start?utm_campaign=autumn", "https://shop.example.com/cart",
    "https://www.example.com/privacy", "Gecko/20100101 Firefox/121.0", NULL,
  };
  static const char * const shared[] = { "https://www.example.com/news", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *bertils = g_build_filename (fixture->dir, "bertil.jsonl", NULL);
  g_autoptr(ClConsentImportResult) result = NULL;
  g_autoptr(ClEventQuery) query = cl_event_query_new ();
  g_autoptr(GPtrArray) events = NULL;
  ClErasureResult erased;

  /* Bertil reads the page Anna's phone consented on. */
  g_assert_true (g_file_set_contents (bertils,
                                      "{\"event_id\":\"ev-b-2\",\"subject\":\"c-bertil-11aa22\","
                                      "\"recorded_at\":\"2026-03-05T09:00:00Z\","
                                      "\"policy_version\":\"3.1\",\"method\":\"accept_all\","
                                      "\"decisions\":{\"measurement\":true,"
                                      "\"personalization\":true,\"advertising\":true},"
                                      "\"context\":{\"url\":\"https://www.example.com/news\"}}\n",
                                      -1, &error));
  cl_consent_import_file (fixture->ledger, bertils, CL_CONSENT_READER_FLAGS_NONE, NULL, NULL,
                          NULL, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_imported, ==, 1);
  assert_present (fixture->path, annas_only);
  g_assert_cmpint (count_rows (fixture->ledger, "SELECT count(*) FROM urls"), ==, 5);

  cl_erasure_erase_subject (fixture->ledger, "c-anna-7f3a9e", NULL, NULL, &erased, &error);
  g_assert_no_error (error);
  g_assert_true (erased.log_cleared);
  assert_no_residue (fixture->path, annas_only);
  assert_present (fixture->path, shared);
  g_assert_cmpint (count_rows (fixture->ledger, "SELECT count(*) FROM urls"), ==, 2);
  g_assert_cmpint (count_rows (fixture->ledger, "SELECT count(*) FROM user_agents"), ==, 0);

  /* Bertil's events still show where they were given. */
  cl_event_query_set_subject (query, "c-bertil-11aa22");
  events = cl_event_query_list (query, fixture->ledger, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  for (guint i = 0; i < events->len; i++)
    g_assert_nonnull (cl_consent_event_get_url (events->pdata[i]));
}

static void
test_reimport_skips (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *consents = cl_test_data_path ("report/consents.jsonl");
  g_autoptr(ClConsentImportResult) result = NULL;
  g_autoptr(ClSubject) subject = NULL;

  cl_erasure_erase_subject (fixture->ledger, "c-anna-7f3a9e", NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  cl_consent_import_file (fixture->ledger, consents, CL_CONSENT_READER_FLAGS_NONE, NULL, NULL,
                          NULL, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_imported, ==, 0);
  g_assert_cmpuint (result->n_erased, ==, 4);
  g_assert_cmpuint (result->n_duplicates, ==, 1);
  subject = cl_subject_lookup (fixture->ledger, "anna.lindqvist@example.se", &error);
  g_assert_null (subject);
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND);
  assert_no_residue (fixture->path, cl_test_anna_identifiers);
}

static void
test_tombstones (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const kinds[] = {
    CL_IDENTIFIER_KIND_CONSENT_ID_KEY, CL_IDENTIFIER_KIND_CONSENT_ID_KEY,
    CL_IDENTIFIER_KIND_EMAIL_KEY, CL_IDENTIFIER_KIND_ACCOUNT_KEY,
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *erasure = cl_test_report_request (fixture->ledger, CL_REQUEST_TYPE_ERASURE,
                                                     "A-1042", TRUE);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%F");
  sqlite3_stmt *stmt;

  /* cl-subject.h's ClIdentifierKind and cl-tombstone.h's key names live together (this file
   * includes both: a clash of names would not compile) and agree. */
  g_assert_cmpstr (cl_identifier_kind_to_key (CL_IDENTIFIER_CONSENT_ID), ==,
                   CL_IDENTIFIER_KIND_CONSENT_ID_KEY);
  g_assert_cmpstr (cl_identifier_kind_to_key (CL_IDENTIFIER_EMAIL), ==,
                   CL_IDENTIFIER_KIND_EMAIL_KEY);
  g_assert_cmpstr (cl_identifier_kind_to_key (CL_IDENTIFIER_ACCOUNT), ==,
                   CL_IDENTIFIER_KIND_ACCOUNT_KEY);

  cl_erasure_erase_subject (fixture->ledger, "A-1042", erasure, NULL, NULL, &error);
  g_assert_no_error (error);

  /* The same keyed hash the import checks (an e-mail address in any case). */
  for (guint i = 0; cl_test_anna_identifiers[i] != NULL; i++)
    g_assert_true (cl_tombstone_contains (fixture->ledger, kinds[i], cl_test_anna_identifiers[i],
                                          NULL));
  g_assert_true (cl_tombstone_contains (fixture->ledger, "email", "Anna.Lindqvist@EXAMPLE.se",
                                        NULL));
  g_assert_false (cl_tombstone_contains (fixture->ledger, "email", "bertil.berg@example.org",
                                         NULL));

  stmt = cl_ledger_statement (fixture->ledger,
                              "SELECT identifier_hash, erased_at, request_ref FROM tombstones",
                              &error);
  g_assert_no_error (error);
  for (guint n = 0; n < 4; n++)
    {
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpuint (strlen ((const char *) sqlite3_column_text (stmt, 0)), ==, 64);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, today);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, erasure);
    }
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

static void
test_audit_clean (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *erasure = cl_test_report_request (fixture->ledger, CL_REQUEST_TYPE_ERASURE,
                                                     "anna.lindqvist@example.se", TRUE);
  sqlite3_stmt *stmt;
  guint n_checked = 0;
  gboolean erase_entry = FALSE;
  int rc;

  cl_erasure_erase_subject (fixture->ledger, NULL, erasure, NULL, NULL, &error);
  g_assert_no_error (error);

  stmt = cl_ledger_statement (fixture->ledger,
                              "SELECT action, object_type, object_id, detail FROM audit_log",
                              &error);
  g_assert_no_error (error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *joined = g_strjoin ("|", sqlite3_column_text (stmt, 0),
                                           sqlite3_column_text (stmt, 1),
                                           sqlite3_column_text (stmt, 2),
                                           sqlite3_column_text (stmt, 3), NULL);
      g_autofree char *entry = g_ascii_strdown (joined, -1);
      for (guint i = 0; cl_test_anna_identifiers[i] != NULL; i++)
        {
          g_autofree char *folded = g_ascii_strdown (cl_test_anna_identifiers[i], -1);
          if (strstr (entry, folded) != NULL)
            g_error ("The audit entry “%s” names an erased identifier", entry);
        }
      if (g_str_has_prefix (entry, "erase|subject|#"))
        {
          erase_entry = TRUE;
          g_assert_nonnull (strstr (entry, "4 consent events and 4 identifiers"));
        }
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  g_assert_true (erase_entry);

  cl_audit_verify (fixture->ledger, &n_checked, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_checked, >, 5);
}

/* Free text of every step, with the subject's identifiers and a word that is nobody's
 * identifier in it: after the erasure the audit log holds neither (it names steps with fixed
 * texts), and the files hold none of the identifiers (the timeline that kept the texts is
 * scrubbed). */
#define FREE_TEXT_MARK "Quokka-Marker"

static void
assert_audit_lacks (ClLedger           *ledger,
                    const char * const *needles)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  guint n_entries = 0;
  int rc;

  stmt = cl_ledger_statement (ledger,
                              "SELECT action, object_type, object_id, detail FROM audit_log",
                              &error);
  g_assert_no_error (error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *joined = g_strjoin ("|", sqlite3_column_text (stmt, 0),
                                           sqlite3_column_text (stmt, 1),
                                           sqlite3_column_text (stmt, 2),
                                           sqlite3_column_text (stmt, 3), NULL);
      g_autofree char *entry = g_ascii_strdown (joined, -1);

      n_entries++;
      for (guint i = 0; needles[i] != NULL; i++)
        {
          g_autofree char *folded = g_ascii_strdown (needles[i], -1);
          if (strstr (entry, folded) != NULL)
            g_error ("The audit entry “%s” holds “%s”", joined, needles[i]);
        }
    }
  sqlite3_reset (stmt);
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  g_assert_cmpuint (n_entries, >, 10);
}

static void
test_audit_no_free_text (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const marks[] = {
    FREE_TEXT_MARK, "c-anna-7f3a9e", "c-anna-phone-99b1", "anna.lindqvist@example.se",
    "A-1042", "Anna", NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *report = g_build_filename (fixture->dir, "Anna Lindqvist " FREE_TEXT_MARK
                                              ".json", NULL);
  g_autoptr(ClRequest) erasure = NULL;
  g_autoptr(ClRequest) access = NULL;
  g_autoptr(ClRequest) step = NULL;
  const char *ref;
  const char *access_ref;
  ClErasureResult result;

#define STEP(call) \
  G_STMT_START { g_clear_object (&step); step = (call); g_assert_no_error (error); } G_STMT_END

  /* Received today, so that the extension is still allowed. */
  erasure = cl_request_create (fixture->ledger, CL_REQUEST_TYPE_ERASURE,
                               "ANNA.Lindqvist@Example.SE", CL_JURISDICTION_GDPR, NULL, &error);
  g_assert_no_error (error);
  ref = cl_request_get_reference (erasure);
  STEP (cl_request_confirm_receipt (fixture->ledger, ref, &error));
  STEP (cl_request_start_verification (fixture->ledger, ref, &error));
  STEP (cl_request_pause (fixture->ledger, ref,
                          "Anna sent A-1042 but not the e-mail; " FREE_TEXT_MARK, &error));
  STEP (cl_request_resume (fixture->ledger, ref, &error));
  STEP (cl_request_verify (fixture->ledger, ref,
                           "Anna replied from anna.lindqvist@example.se " FREE_TEXT_MARK,
                           &error));
  STEP (cl_request_extend (fixture->ledger, ref,
                           "Anna (c-anna-phone-99b1) has four devices " FREE_TEXT_MARK, NULL,
                           &error));
  STEP (cl_request_add_note (fixture->ledger, ref,
                             "Called Anna on c-anna-7f3a9e " FREE_TEXT_MARK, &error));
  g_assert_true (cl_request_add_step (fixture->ledger, ref, "call",
                                      "Called back on A-1042 " FREE_TEXT_MARK, &error));
  g_assert_no_error (error);

  access = cl_request_create (fixture->ledger, CL_REQUEST_TYPE_ACCESS, "A-1042",
                              CL_JURISDICTION_GDPR, NULL, &error);
  g_assert_no_error (error);
  access_ref = cl_request_get_reference (access);
  STEP (cl_request_verify (fixture->ledger, access_ref, "A-1042 " FREE_TEXT_MARK, &error));
  cl_report_file_write (fixture->ledger, access_ref, CL_REPORT_FORMAT_JSON, report, NULL, NULL,
                        &error);
  g_assert_no_error (error);
  STEP (cl_request_complete (fixture->ledger, access_ref, "Sent to Anna " FREE_TEXT_MARK,
                             &error));

  cl_erasure_erase_subject (fixture->ledger, NULL, ref, NULL, &result, &error);
  g_assert_no_error (error);
  g_assert_true (result.log_cleared);
  g_assert_cmpuint (result.n_audit_mentions, ==, 0);
  STEP (cl_request_reject (fixture->ledger, ref, "Anna withdrew it " FREE_TEXT_MARK, &error));
#undef STEP

  assert_audit_lacks (fixture->ledger, marks);
  /* The timeline still has what the officer wrote, without the identifiers. */
  g_clear_object (&step);
  step = cl_request_load (fixture->ledger, ref, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (cl_request_get_extension_reason (step), FREE_TEXT_MARK));
  g_assert_nonnull (strstr (cl_request_get_extension_reason (step), "[erased]"));

  assert_no_residue (fixture->path, cl_test_anna_identifiers);
  g_clear_object (&fixture->ledger);
  assert_no_residue (fixture->path, cl_test_anna_identifiers);
  assert_present (fixture->path, cl_test_bertil_identifiers);
}

/* Another program reading the ledger keeps the WAL from being emptied: the erasure is done,
 * says so, and remembers it; clearing later (consentctl erase --finish) leaves no residue. */
static void
test_clear_pending (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pending = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%F");
  gpointer reader;
  ClErasureResult result;
  guint n_pages = 0;

  g_assert_null (cl_erasure_get_clear_pending (fixture->ledger));
  reader = cl_test_hold_reader (fixture->path);
  cl_erasure_erase_subject (fixture->ledger, "A-1042", NULL, NULL, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_events, ==, 4);
  g_assert_false (result.log_cleared);
  pending = cl_erasure_get_clear_pending (fixture->ledger);
  g_assert_cmpstr (pending, ==, today);
  /* The old page images are still in the WAL. */
  assert_present (fixture->path, cl_test_anna_identifiers);

  /* Still read: refused, and still pending. */
  g_assert_false (cl_erasure_clear_log (fixture->ledger, NULL, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&pending, g_free);
  pending = cl_erasure_get_clear_pending (fixture->ledger);
  g_assert_cmpstr (pending, ==, today);

  cl_test_release_reader (reader);
  g_assert_true (cl_erasure_clear_log (fixture->ledger, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_null (cl_erasure_get_clear_pending (fixture->ledger));
  assert_no_residue (fixture->path, cl_test_anna_identifiers);
  assert_present (fixture->path, cl_test_bertil_identifiers);

  /* Nothing pending: clearing again is harmless. */
  g_assert_true (cl_erasure_clear_log (fixture->ledger, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->ledger);
  assert_no_residue (fixture->path, cl_test_anna_identifiers);
}

/* A pending clearing is done by the next erasure too. */
static void
test_clear_pending_next_erasure (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gpointer reader;
  ClErasureResult result;

  reader = cl_test_hold_reader (fixture->path);
  cl_erasure_erase_subject (fixture->ledger, "A-1042", NULL, NULL, &result, &error);
  g_assert_no_error (error);
  g_assert_false (result.log_cleared);
  cl_test_release_reader (reader);

  cl_erasure_erase_subject (fixture->ledger, "B-2077", NULL, NULL, &result, &error);
  g_assert_no_error (error);
  g_assert_true (result.log_cleared);
  g_assert_null (cl_erasure_get_clear_pending (fixture->ledger));
  assert_no_residue (fixture->path, cl_test_anna_identifiers);
  assert_no_residue (fixture->path, cl_test_bertil_identifiers);
}

/* What an earlier version wrote into the append-only log cannot be scrubbed: it is counted. */
static void
test_audit_mentions_counted (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *erasure = cl_test_report_request (fixture->ledger, CL_REQUEST_TYPE_ERASURE,
                                                     "A-1042", TRUE);
  ClErasureResult result;

  cl_ledger_begin (fixture->ledger, &error);
  g_assert_no_error (error);
  cl_audit_append (fixture->ledger, "call", "request", erasure, "Called back on A-1042", &error);
  g_assert_no_error (error);
  cl_ledger_commit (fixture->ledger, &error);
  g_assert_no_error (error);
  cl_erasure_erase_subject (fixture->ledger, NULL, erasure, NULL, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_audit_mentions, ==, 1);
}

static void
test_preview (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ClErasureResult preview;

  cl_erasure_preview (fixture->ledger, "bertil.berg@example.org", NULL, &preview, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview.n_events, ==, 1);
  g_assert_cmpuint (preview.n_identifiers, ==, 3);
  cl_erasure_preview (fixture->ledger, "c-anna-phone-99b1", NULL, &preview, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview.n_events, ==, 4);
  g_assert_cmpuint (preview.n_identifiers, ==, 4);
  g_assert_cmpint (count_rows (fixture->ledger, "SELECT count(*) FROM events"), ==, 5);
}

static void
assert_refused (ClLedger     *ledger,
                const char   *identifier,
                const char   *reference,
                GQuark        domain,
                int           code,
                const char   *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cl_erasure_erase_subject (ledger, identifier, reference, NULL, NULL, &error));
  g_assert_error (error, domain, code);
  if (message != NULL && strstr (error->message, message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message);
  g_assert_cmpint (count_rows (ledger, "SELECT count(*) FROM events"), ==, 5);
  g_assert_cmpint (count_rows (ledger, "SELECT count(*) FROM tombstones"), ==, 0);
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *access = cl_test_report_request (fixture->ledger, CL_REQUEST_TYPE_ACCESS,
                                                    "A-1042", TRUE);
  g_autofree char *unverified = cl_test_report_request (fixture->ledger, CL_REQUEST_TYPE_ERASURE,
                                                        "A-1042", FALSE);
  g_autofree char *bertil = cl_test_report_request (fixture->ledger, CL_REQUEST_TYPE_ERASURE,
                                                    "B-2077", TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  assert_refused (fixture->ledger, NULL, access, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                  "is an access request, not an erasure request");
  assert_refused (fixture->ledger, NULL, unverified, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                  "has not been verified");
  assert_refused (fixture->ledger, "A-1042", bertil, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                  "is about another subject");
  assert_refused (fixture->ledger, NULL, "DSR-2026-0999", CL_LEDGER_ERROR,
                  CL_LEDGER_ERROR_NOT_FOUND, NULL);
  assert_refused (fixture->ledger, NULL, NULL, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                  NULL);
  /* An identifier that names nobody is not repeated back: it may be all there is of a person. */
  assert_refused (fixture->ledger, "someone.else@example.com", NULL, CL_LEDGER_ERROR,
                  CL_LEDGER_ERROR_NOT_FOUND, NULL);
  g_assert_false (cl_erasure_erase_subject (fixture->ledger, "someone.else@example.com", NULL,
                                            NULL, NULL, &error));
  g_assert_null (strstr (error->message, "someone.else"));
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_false (cl_erasure_erase_subject (fixture->ledger, "A-1042", NULL, cancellable, NULL,
                                            &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count_rows (fixture->ledger, "SELECT count(*) FROM events"), ==, 5);
}

/* Values of the identifiers table that occur more than twice in the file (the row and its index
 * entry): copies SQLite left in free page space when it rebalanced the b-tree. */
static GPtrArray *
identifiers_with_stale_copies (ClLedger   *ledger,
                               const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GBytes) bytes = NULL;
  GPtrArray *stale = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  const char *data;
  gsize length;
  GHashTableIter iter;
  gpointer key, value;

  stmt = cl_ledger_statement (ledger, "SELECT value FROM identifiers WHERE kind = 'consent_id'",
                              &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (counts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GUINT_TO_POINTER (0));
  sqlite3_reset (stmt);

  /* The generator's consent ids are "c-" and 12 hex digits. */
  bytes = cl_test_read_bytes (path);
  data = g_bytes_get_data (bytes, &length);
  for (gsize i = 0; i + 14 <= length; i++)
    if (data[i] == 'c' && data[i + 1] == '-')
      {
        g_autofree char *candidate = g_strndup (data + i, 14);

        if (g_hash_table_lookup_extended (counts, candidate, NULL, &value))
          g_hash_table_insert (counts, g_steal_pointer (&candidate),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + 1));
      }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > 2)
      g_ptr_array_add (stale, g_strdup (key));
  return stale;
}

static void
import_generated (ClLedger *ledger,
                  const char *dir,
                  guint64   n_events,
                  guint64   seed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("generated-%" G_GUINT64_FORMAT ".jsonl", seed);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(ClConsentImportResult) result = NULL;
  ClConsentGeneratorOptions options;

  cl_consent_generator_options_init (&options);
  options.n_events = n_events;
  options.seed = seed;
  cl_consent_generate_to_file (&options, path, NULL, &error);
  g_assert_no_error (error);
  cl_consent_import_file (ledger, path, CL_CONSENT_READER_FLAGS_NONE, NULL, NULL, NULL, &result,
                          &error);
  g_assert_no_error (error);
}

/* secure_delete overwrites a deleted cell, not the copies a page rebalance left behind: those
 * are overwritten in the file; and this connection's cached pages do not bring them back. */
static void
test_stale_copies (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stale = NULL;
  g_autoptr(GPtrArray) erased = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  /* One big import, then small ones that insert into the middle of the full index pages. */
  import_generated (fixture->ledger, fixture->dir, 20000, 1);
  for (guint64 seed = 2; seed < 10; seed++)
    import_generated (fixture->ledger, fixture->dir, 2000, seed);
  g_clear_object (&fixture->ledger);  /* the last connection checkpoints into the file */
  fixture->ledger = cl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);

  stale = identifiers_with_stale_copies (fixture->ledger, fixture->path);
  if (stale->len == 0)
    {
      g_test_skip ("this import left no stale copies to erase");
      return;
    }
  g_test_message ("%u consent ids have stale copies", stale->len);

  for (guint i = 0; i < MIN (stale->len, 5); i++)
    {
      const char *value = g_ptr_array_index (stale, i);
      ClErasureResult result;

      /* Every identifier of the subject, for the scan. */
      stmt = cl_ledger_statement (fixture->ledger,
                                  "SELECT value FROM identifiers WHERE subject_id ="
                                  " (SELECT subject_id FROM identifiers WHERE value = ?)", &error);
      g_assert_no_error (error);
      sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (erased, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);

      cl_erasure_erase_subject (fixture->ledger, value, NULL, NULL, &result, &error);
      g_assert_no_error (error);
      g_assert_true (result.log_cleared);
    }
  g_ptr_array_add (erased, NULL);
  assert_no_residue (fixture->path, (const char * const *) erased->pdata);

  /* More writes through the same connection, then the file again. */
  import_generated (fixture->ledger, fixture->dir, 2000, 7);
  g_clear_object (&fixture->ledger);
  assert_no_residue (fixture->path, (const char * const *) erased->pdata);

  fixture->ledger = cl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);
  stmt = cl_ledger_statement (fixture->ledger, "PRAGMA integrity_check", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_reset (stmt);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ledger/erasure/residue-scan", test_residue_scan);
  ADD ("/ledger/erasure/reimport-skips", test_reimport_skips);
  ADD ("/ledger/erasure/shared-texts", test_shared_texts);
  ADD ("/ledger/erasure/tombstones", test_tombstones);
  ADD ("/ledger/erasure/audit-clean", test_audit_clean);
  ADD ("/ledger/erasure/audit-no-free-text", test_audit_no_free_text);
  ADD ("/ledger/erasure/audit-mentions-counted", test_audit_mentions_counted);
  ADD ("/ledger/erasure/clear-pending", test_clear_pending);
  ADD ("/ledger/erasure/clear-pending-next-erasure", test_clear_pending_next_erasure);
  ADD ("/ledger/erasure/preview", test_preview);
  ADD ("/ledger/erasure/refusals", test_refusals);
  ADD ("/ledger/erasure/stale-copies", test_stale_copies);
#undef ADD

  return g_test_run ();
}
