/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-request.c: data-subject requests: references, every transition allowed or refused, the
 * extension gate, pauses, and every step in request_steps and the audit log. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-audit-query.h"
#include "cl-audit.h"
#include "cl-error.h"
#include "cl-request.h"
#include "cl-test-utils.h"

typedef struct
{
  char     *path;
  ClLedger *ledger;
} Fixture;

static void
set_today (const char *date)
{
  g_setenv ("CONSENT_LEDGER_TODAY", date, TRUE);
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* Another connection (the window, a page's worker thread) may be writing: wait for it. */
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* Another connection (the window, a page's worker thread) may be writing: wait for it. */
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;

  fixture->path = g_build_filename (dir, "requests.db", NULL);
  fixture->ledger = cl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);

  /* Two subjects, as an import would leave them: anna on two devices, one account. */
  run_sql (fixture->path,
           "INSERT INTO subjects (id, created_at) VALUES (1, '2025-01-01'), (2, '2025-01-01');"
           "INSERT INTO identifiers (subject_id, kind, value) VALUES"
           " (1, 'consent_id', 'c-7f3a9e'), (1, 'email', 'anna@example.se'),"
           " (1, 'account', 'A-1042'), (2, 'consent_id', 'c-0000b2');");
  set_today ("2025-09-10");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->ledger);
  g_free (fixture->path);
  g_unsetenv ("CONSENT_LEDGER_TODAY");
}

static GDate
date (const char *text)
{
  GDate value;

  g_assert_true (cl_request_parse_date (text, &value));
  return value;
}

static void
assert_date (const GDate *value,
             const char  *expected)
{
  g_autofree char *text = cl_request_format_date (value);
  g_assert_cmpstr (text, ==, expected);
}

static ClRequest *
create (Fixture        *fixture,
        ClRequestType   type,
        const char     *subject,
        ClJurisdiction  jurisdiction,
        const char     *received)
{
  g_autoptr(GError) error = NULL;
  GDate day = date (received);
  ClRequest *request = cl_request_create (fixture->ledger, type, subject, jurisdiction, &day,
                                          &error);

  g_assert_no_error (error);
  g_assert_nonnull (request);
  return request;
}

static gint64
n_steps (Fixture *fixture)
{
  return query_int (fixture->path, "SELECT count(*) FROM request_steps");
}

static gint64
n_audit (Fixture *fixture)
{
  return query_int (fixture->path, "SELECT count(*) FROM audit_log");
}

/* A refused change leaves nothing behind: no step, no audit entry, the same status. */
static void
assert_refused (Fixture    *fixture,
                ClRequest  *(*change) (ClLedger *, const char *, const char *, GError **),
                const char *reference,
                const char *argument,
                GQuark      domain,
                int         code,
                const char *expect_in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRequest) before = cl_request_load (fixture->ledger, reference, &error);
  g_autoptr(ClRequest) after = NULL;
  g_autoptr(ClRequest) result = NULL;
  gint64 steps = n_steps (fixture);
  gint64 audit = n_audit (fixture);

  g_assert_no_error (error);
  result = change (fixture->ledger, reference, argument, &error);
  g_assert_null (result);
  g_assert_error (error, domain, code);
  if (expect_in_message != NULL && strstr (error->message, expect_in_message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expect_in_message);
  g_assert_false (cl_ledger_in_transaction (fixture->ledger));
  g_clear_error (&error);

  after = cl_request_load (fixture->ledger, reference, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cl_request_get_status (after), ==, cl_request_get_status (before));
  g_assert_cmpint (n_steps (fixture), ==, steps);
  g_assert_cmpint (n_audit (fixture), ==, audit);
}

/* Adapters, so every change has the same signature in the tables below. */
static ClRequest *
do_start (ClLedger *l, const char *r, const char *a, GError **e)
{
  return cl_request_start_verification (l, r, e);
}

static ClRequest *
do_verify (ClLedger *l, const char *r, const char *a, GError **e)
{
  return cl_request_verify (l, r, a, e);
}

static ClRequest *
do_extend (ClLedger *l, const char *r, const char *a, GError **e)
{
  return cl_request_extend (l, r, a, NULL, e);
}

static ClRequest *
do_pause (ClLedger *l, const char *r, const char *a, GError **e)
{
  return cl_request_pause (l, r, a, e);
}

static ClRequest *
do_resume (ClLedger *l, const char *r, const char *a, GError **e)
{
  return cl_request_resume (l, r, e);
}

static ClRequest *
do_complete (ClLedger *l, const char *r, const char *a, GError **e)
{
  return cl_request_complete (l, r, a, e);
}

static ClRequest *
do_reject (ClLedger *l, const char *r, const char *a, GError **e)
{
  return cl_request_reject (l, r, a, e);
}

static ClRequest *
apply (Fixture    *fixture,
       ClRequest  *(*change) (ClLedger *, const char *, const char *, GError **),
       const char *reference,
       const char *argument)
{
  g_autoptr(GError) error = NULL;
  ClRequest *request = change (fixture->ledger, reference, argument, &error);

  g_assert_no_error (error);
  g_assert_nonnull (request);
  return request;
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(ClRequest) request = create (fixture, CL_REQUEST_TYPE_ACCESS, "anna@example.se",
                                         CL_JURISDICTION_GDPR, "2025-09-03");
  GPtrArray *steps = cl_request_get_steps (request);
  ClRequestStep *step;

  g_assert_cmpstr (cl_request_get_reference (request), ==, "DSR-2025-0001");
  g_assert_cmpint (cl_request_get_request_type (request), ==, CL_REQUEST_TYPE_ACCESS);
  g_assert_cmpstr (cl_request_get_subject_label (request), ==, "anna@example.se");
  g_assert_cmpint (cl_request_get_subject_id (request), ==, 1);
  g_assert_cmpint (cl_request_get_status (request), ==, CL_REQUEST_STATUS_RECEIVED);
  assert_date (cl_request_get_received (request), "2025-09-03");
  /* BRIEF §2: Wed 3 Sep 2025 → 4 Oct is a Saturday → due Mon 6 Oct. */
  assert_date (cl_request_get_due (request), "2025-10-06");
  g_assert_cmpint (cl_request_get_days_left (request), ==, 26);
  g_assert_cmpint (cl_request_get_urgency (request), ==, CL_URGENCY_OK);
  g_assert_false (cl_request_get_extended (request));
  g_assert_true (cl_request_is_open (request));

  g_assert_cmpuint (steps->len, ==, 1);
  step = g_ptr_array_index (steps, 0);
  g_assert_cmpstr (step->action, ==, "received");
  g_assert_cmpstr (step->actor, ==, g_get_user_name ());
  g_assert_true (g_str_has_prefix (step->at, "2025-09-10T"));
  g_assert_nonnull (strstr (step->detail, "due 2025-10-06"));

  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count(*) FROM audit_log WHERE action = 'received'"
                              " AND object_type = 'request' AND object_id = 'DSR-2025-0001'"),
                   ==, 1);
  g_assert_cmpstr (cl_ledger_get_path (fixture->ledger), ==, fixture->path);
}

static void
test_subject_by_any_identifier (Fixture       *fixture,
                                gconstpointer  data)
{
  static const struct { const char *given; gint64 subject; } cases[] = {
    { "c-7f3a9e", 1 },
    { "anna@example.se", 1 },
    { "  Anna@Example.SE ", 1 },  /* e-mail in another case, stray spaces */
    { "A-1042", 1 },
    { "c-0000b2", 2 },
    { "nobody@example.se", 0 },
  };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) identifiers = NULL;
  gint64 subject_id = -1;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ClRequest) request = create (fixture, CL_REQUEST_TYPE_ERASURE, cases[i].given,
                                             CL_JURISDICTION_GDPR, "2025-09-01");

      g_assert_cmpint (cl_request_get_subject_id (request), ==, cases[i].subject);
    }

  g_assert_true (cl_request_find_subject (fixture->ledger, "A-1042", &subject_id, &identifiers,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpint (subject_id, ==, 1);
  g_assert_cmpuint (g_strv_length (identifiers), ==, 3);
  g_assert_true (g_strv_contains ((const char * const *) identifiers, "email: anna@example.se"));

  g_assert_false (cl_request_find_subject (fixture->ledger, "nobody", NULL, NULL, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND);
}

static void
test_unknown_subject_kept (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(ClRequest) request = create (fixture, CL_REQUEST_TYPE_ACCESS, "who@example.org",
                                         CL_JURISDICTION_GDPR, "2025-09-10");
  g_autoptr(ClRequest) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *steps = cl_request_get_steps (request);

  g_assert_cmpint (cl_request_get_subject_id (request), ==, 0);
  g_assert_cmpstr (cl_request_get_subject_label (request), ==, "who@example.org");
  g_assert_nonnull (strstr (((ClRequestStep *) g_ptr_array_index (steps, 0))->detail,
                            "No subject in the ledger"));

  loaded = cl_request_load (fixture->ledger, "dsr-2025-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cl_request_get_subject_label (loaded), ==, "who@example.org");
}

static void
test_reference_sequence (Fixture       *fixture,
                         gconstpointer  data)
{
  static const struct { const char *received; const char *reference; } cases[] = {
    { "2025-09-01", "DSR-2025-0001" },
    { "2025-09-02", "DSR-2025-0002" },
    { "2024-12-30", "DSR-2024-0001" },  /* registered late: numbered in its own year */
    { "2025-09-10", "DSR-2025-0003" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ClRequest) request = create (fixture, CL_REQUEST_TYPE_ACCESS, "c-7f3a9e",
                                             CL_JURISDICTION_GDPR, cases[i].received);
      g_assert_cmpstr (cl_request_get_reference (request), ==, cases[i].reference);
    }

  /* A new year starts again at 0001. */
  set_today ("2026-01-05");
  {
    g_autoptr(ClRequest) request = cl_request_create (fixture->ledger, CL_REQUEST_TYPE_ACCESS,
                                                      "c-7f3a9e", CL_JURISDICTION_CCPA, NULL,
                                                      NULL);
    g_assert_cmpstr (cl_request_get_reference (request), ==, "DSR-2026-0001");
    assert_date (cl_request_get_received (request), "2026-01-05");
  }

  /* Numbers go past 9999 rather than wrapping. */
  run_sql (fixture->path,
           "INSERT INTO requests (reference, type, jurisdiction, status, received, due,"
           " created_at) VALUES ('DSR-2026-9999', 'access', 'gdpr', 'received', '2026-01-01',"
           " '2026-02-02', '2026-01-01')");
  {
    g_autoptr(ClRequest) request = create (fixture, CL_REQUEST_TYPE_ACCESS, "c-7f3a9e",
                                           CL_JURISDICTION_GDPR, "2026-01-02");
    g_assert_cmpstr (cl_request_get_reference (request), ==, "DSR-2026-10000");
  }
}

static void
test_create_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate future = date ("2025-09-11");
  ClRequest *request;

  request = cl_request_create (fixture->ledger, CL_REQUEST_TYPE_ACCESS, "  ",
                               CL_JURISDICTION_GDPR, NULL, &error);
  g_assert_null (request);
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  request = cl_request_create (fixture->ledger, CL_REQUEST_TYPE_ACCESS, "c-7f3a9e",
                               CL_JURISDICTION_GDPR, &future, &error);
  g_assert_null (request);
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "2025-09-11 is in the future"));
  g_clear_error (&error);

  request = cl_request_create (fixture->ledger, CL_REQUEST_TYPE_ACCESS, "\xff\xfe",
                               CL_JURISDICTION_GDPR, NULL, &error);
  g_assert_null (request);
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM requests"), ==, 0);
  g_assert_cmpint (n_steps (fixture), ==, 0);
  g_assert_cmpint (n_audit (fixture), ==, 0);

  g_assert_null (cl_request_load (fixture->ledger, "DSR-2025-0042", &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "DSR-2025-0042"));
}

static void
test_lifecycle (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ClRequest) request = create (fixture, CL_REQUEST_TYPE_ACCESS, "c-7f3a9e",
                                         CL_JURISDICTION_GDPR, "2025-09-03");
  const char *ref = "DSR-2025-0001";
  ClRequest *next;

  /* received: cannot complete, resume or go back; may start verification. */
  assert_refused (fixture, do_complete, ref, NULL, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                  "Only a request in progress can be completed");
  assert_refused (fixture, do_resume, ref, NULL, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                  "not paused");
  assert_refused (fixture, do_verify, ref, " ", CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                  "how the identity was verified");

  next = apply (fixture, do_start, ref, NULL);
  g_assert_cmpint (cl_request_get_status (next), ==, CL_REQUEST_STATUS_VERIFYING);
  g_object_unref (next);
  assert_refused (fixture, do_start, ref, NULL, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                  "already being verified");
  assert_refused (fixture, do_complete, ref, NULL, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                  NULL);

  /* verifying → paused → verifying. */
  next = apply (fixture, do_pause, ref, "Asked for a copy of the ID card");
  g_assert_cmpint (cl_request_get_status (next), ==, CL_REQUEST_STATUS_PAUSED);
  g_assert_cmpint (cl_request_get_paused_from (next), ==, CL_REQUEST_STATUS_VERIFYING);
  g_object_unref (next);
  assert_refused (fixture, do_pause, ref, NULL, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                  "already paused");
  assert_refused (fixture, do_verify, ref, "ID card", CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                  "resumes where it was");
  assert_refused (fixture, do_complete, ref, NULL, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                  NULL);
  assert_refused (fixture, do_reject, ref, "No answer", CL_LEDGER_ERROR,
                  CL_LEDGER_ERROR_REFUSED, NULL);
  next = apply (fixture, do_resume, ref, NULL);
  g_assert_cmpint (cl_request_get_status (next), ==, CL_REQUEST_STATUS_VERIFYING);
  g_object_unref (next);

  /* verifying → in_progress, with the method kept. */
  next = apply (fixture, do_verify, ref, "Copy of ID card checked");
  g_assert_cmpint (cl_request_get_status (next), ==, CL_REQUEST_STATUS_IN_PROGRESS);
  g_assert_cmpstr (cl_request_get_verification (next), ==, "Copy of ID card checked");
  g_object_unref (next);
  assert_refused (fixture, do_verify, ref, "again", CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                  NULL);
  assert_refused (fixture, do_start, ref, NULL, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED, NULL);

  /* in_progress → paused resumes to in_progress. */
  next = apply (fixture, do_pause, ref, NULL);
  g_assert_cmpint (cl_request_get_paused_from (next), ==, CL_REQUEST_STATUS_IN_PROGRESS);
  g_object_unref (next);
  next = apply (fixture, do_resume, ref, NULL);
  g_assert_cmpint (cl_request_get_status (next), ==, CL_REQUEST_STATUS_IN_PROGRESS);
  g_object_unref (next);

  /* Completed: closed for good. */
  next = apply (fixture, do_complete, ref, "Report sent by registered mail");
  g_assert_cmpint (cl_request_get_status (next), ==, CL_REQUEST_STATUS_COMPLETED);
  g_assert_cmpstr (cl_request_get_resolution (next), ==, "Report sent by registered mail");
  g_assert_nonnull (cl_request_get_closed_at (next));
  g_assert_false (cl_request_is_open (next));
  g_assert_cmpint (cl_request_get_urgency (next), ==, CL_URGENCY_OK);
  g_object_unref (next);

  assert_refused (fixture, do_complete, ref, NULL, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                  "already completed");
  assert_refused (fixture, do_reject, ref, "late", CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                  "already completed");
  assert_refused (fixture, do_pause, ref, NULL, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED, NULL);
  assert_refused (fixture, do_verify, ref, "x", CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED, NULL);
  assert_refused (fixture, do_extend, ref, "more time", CL_LEDGER_ERROR,
                  CL_LEDGER_ERROR_REFUSED, "closed request cannot be extended");

  /* A note is still allowed on a closed request: it does not change it. */
  next = cl_request_add_note (fixture->ledger, ref, "Subject confirmed receipt", NULL);
  g_assert_nonnull (next);
  g_assert_cmpstr (cl_request_get_notes (next), ==, "Subject confirmed receipt");
  g_object_unref (next);
}

static void
test_reject (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(ClRequest) first = create (fixture, CL_REQUEST_TYPE_ERASURE, "c-7f3a9e",
                                       CL_JURISDICTION_GDPR, "2025-09-03");
  g_autoptr(ClRequest) second = create (fixture, CL_REQUEST_TYPE_OBJECTION, "c-0000b2",
                                        CL_JURISDICTION_CCPA, "2025-09-03");
  ClRequest *next;

  /* Without a reason: refused, from any status. */
  assert_refused (fixture, do_reject, "DSR-2025-0001", NULL, CL_LEDGER_ERROR,
                  CL_LEDGER_ERROR_REFUSED, "needs a reason");
  assert_refused (fixture, do_reject, "DSR-2025-0001", " \t", CL_LEDGER_ERROR,
                  CL_LEDGER_ERROR_REFUSED, "needs a reason");

  next = apply (fixture, do_reject, "DSR-2025-0001", "Identity could not be verified");
  g_assert_cmpint (cl_request_get_status (next), ==, CL_REQUEST_STATUS_REJECTED);
  g_assert_cmpstr (cl_request_get_resolution (next), ==, "Identity could not be verified");
  g_object_unref (next);
  assert_refused (fixture, do_reject, "DSR-2025-0001", "again", CL_LEDGER_ERROR,
                  CL_LEDGER_ERROR_REFUSED, "already rejected");

  /* From in_progress too. */
  g_object_unref (apply (fixture, do_verify, "DSR-2025-0002", "Account login"));
  next = apply (fixture, do_reject, "DSR-2025-0002", "Manifestly unfounded (Art. 12(5))");
  g_assert_cmpint (cl_request_get_status (next), ==, CL_REQUEST_STATUS_REJECTED);
  g_object_unref (next);
}

static ClRequest *
extend (Fixture    *fixture,
        const char *reference,
        const char *until,
        GError    **error)
{
  GDate day;

  if (until != NULL)
    day = date (until);
  return cl_request_extend (fixture->ledger, reference, "Many systems to search",
                            until != NULL ? &day : NULL, error);
}

static void
test_extension_gate (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ClRequest *request;
  GDate limit;

  /* Received Wed 3 Sep 2025, due Mon 6 Oct. */
  g_object_unref (create (fixture, CL_REQUEST_TYPE_ACCESS, "c-7f3a9e", CL_JURISDICTION_GDPR,
                          "2025-09-03"));
  g_object_unref (create (fixture, CL_REQUEST_TYPE_ACCESS, "c-7f3a9e", CL_JURISDICTION_GDPR,
                          "2025-09-03"));
  g_object_unref (create (fixture, CL_REQUEST_TYPE_ACCESS, "c-7f3a9e", CL_JURISDICTION_GDPR,
                          "2025-09-03"));

  /* Without a reason: refused. */
  request = cl_request_extend (fixture->ledger, "DSR-2025-0001", "", NULL, &error);
  g_assert_null (request);
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED);
  g_clear_error (&error);

  /* On the due date itself the first month has not yet passed: to the legal maximum,
   * three months from receipt (4 Dec 2025, a Thursday). */
  set_today ("2025-10-06");
  request = cl_request_load (fixture->ledger, "DSR-2025-0001", NULL);
  g_assert_true (cl_request_get_extension_limit (request, &limit));
  assert_date (&limit, "2025-12-04");
  g_object_unref (request);

  request = extend (fixture, "DSR-2025-0001", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cl_request_get_extended (request));
  g_assert_cmpstr (cl_request_get_extension_reason (request), ==, "Many systems to search");
  assert_date (cl_request_get_due (request), "2025-12-04");
  g_assert_false (cl_request_get_extension_limit (request, &limit));
  g_object_unref (request);

  /* Once only. */
  request = extend (fixture, "DSR-2025-0001", "2025-11-01", &error);
  g_assert_null (request);
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "one extension"));
  g_clear_error (&error);

  /* --until asks for less than the maximum; never more, never before the due date. */
  request = extend (fixture, "DSR-2025-0002", "2025-12-05", &error);
  g_assert_null (request);
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "later than the law allows"));
  g_clear_error (&error);
  request = extend (fixture, "DSR-2025-0002", "2025-10-01", &error);
  g_assert_null (request);
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED);
  g_clear_error (&error);
  request = extend (fixture, "DSR-2025-0002", "2025-11-03", &error);
  g_assert_no_error (error);
  assert_date (cl_request_get_due (request), "2025-11-03");
  g_object_unref (request);

  /* The day after the first month: too late, and nothing written. */
  set_today ("2025-10-07");
  {
    gint64 steps = n_steps (fixture);

    request = extend (fixture, "DSR-2025-0003", NULL, &error);
    g_assert_null (request);
    g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED);
    g_assert_nonnull (strstr (error->message, "2025-10-06"));
    g_assert_cmpint (n_steps (fixture), ==, steps);
    g_clear_error (&error);
  }
  request = cl_request_load (fixture->ledger, "DSR-2025-0003", NULL);
  g_assert_false (cl_request_get_extension_limit (request, &limit));
  g_assert_cmpint (cl_request_get_urgency (request), ==, CL_URGENCY_OVERDUE);
  g_assert_cmpint (cl_request_get_days_left (request), ==, -1);
  g_object_unref (request);
}

static void
test_extension_ccpa (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ClRequest *request = create (fixture, CL_REQUEST_TYPE_ERASURE, "c-0000b2",
                               CL_JURISDICTION_CCPA, "2025-09-10");
  GDate confirm;

  /* 45 calendar days, no weekend rule; receipt confirmed within 10 business days. */
  assert_date (cl_request_get_due (request), "2025-10-25");
  g_assert_true (cl_request_get_confirmation_due (request, &confirm));
  assert_date (&confirm, "2025-09-24");
  g_object_unref (request);

  request = extend (fixture, "DSR-2025-0001", NULL, &error);
  g_assert_no_error (error);
  assert_date (cl_request_get_due (request), "2025-12-09");
  g_object_unref (request);
}

static void
test_pause_moves_due_date (Fixture       *fixture,
                           gconstpointer  data)
{
  ClRequest *request = create (fixture, CL_REQUEST_TYPE_ACCESS, "c-7f3a9e",
                               CL_JURISDICTION_GDPR, "2025-09-03");

  /* Period end Sat 4 Oct, due Mon 6 Oct. */
  assert_date (cl_request_get_due (request), "2025-10-06");
  g_object_unref (request);

  set_today ("2025-09-10");
  request = apply (fixture, do_pause, "DSR-2025-0001", "Waiting for the account id");
  assert_date (cl_request_get_paused_since (request), "2025-09-10");
  assert_date (cl_request_get_due (request), "2025-10-06");
  g_object_unref (request);

  /* While paused, every day moves the due date: 5 days → Thu 9 Oct. */
  set_today ("2025-09-15");
  request = cl_request_load (fixture->ledger, "DSR-2025-0001", NULL);
  assert_date (cl_request_get_due (request), "2025-10-09");
  g_assert_cmpint (cl_request_get_days_left (request), ==, 24);
  g_object_unref (request);

  /* Resumed after 10 days: 4 Oct + 10 = Tue 14 Oct. */
  set_today ("2025-09-20");
  request = apply (fixture, do_resume, "DSR-2025-0001", NULL);
  g_assert_cmpuint (cl_request_get_paused_days (request), ==, 10);
  g_assert_null (cl_request_get_paused_since (request));
  assert_date (cl_request_get_due (request), "2025-10-14");
  g_assert_cmpstr (((ClRequestStep *) g_ptr_array_index (cl_request_get_steps (request), 2))->detail,
                   ==, "Clock restarted after 10 days; due 2025-10-14.");
  g_object_unref (request);
  g_assert_cmpint (query_int (fixture->path, "SELECT due = '2025-10-14' FROM requests"), ==, 1);

  /* A second pause adds up; a pause resumed the same day adds nothing. */
  request = apply (fixture, do_pause, "DSR-2025-0001", NULL);
  g_object_unref (request);
  request = apply (fixture, do_resume, "DSR-2025-0001", NULL);
  g_assert_cmpuint (cl_request_get_paused_days (request), ==, 10);
  g_object_unref (request);

  set_today ("2025-09-21");
  g_object_unref (apply (fixture, do_pause, "DSR-2025-0001", NULL));
  set_today ("2025-09-24");
  request = apply (fixture, do_resume, "DSR-2025-0001", NULL);
  g_assert_cmpuint (cl_request_get_paused_days (request), ==, 13);
  /* 4 Oct + 13 = Fri 17 Oct. */
  assert_date (cl_request_get_due (request), "2025-10-17");
  g_object_unref (request);
}

static void
test_extend_while_paused (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ClRequest *request = create (fixture, CL_REQUEST_TYPE_ACCESS, "c-7f3a9e",
                               CL_JURISDICTION_GDPR, "2025-09-03");

  g_object_unref (request);
  set_today ("2025-09-12");
  g_object_unref (apply (fixture, do_pause, "DSR-2025-0001", NULL));

  /* Paused 8 days so far: the maximum is 4 Dec + 8 = Fri 12 Dec. */
  set_today ("2025-09-20");
  request = extend (fixture, "DSR-2025-0001", NULL, &error);
  g_assert_no_error (error);
  assert_date (cl_request_get_due (request), "2025-12-12");
  g_object_unref (request);

  /* Resumed after 10 days in all: Sun 14 Dec → Mon 15 Dec. */
  set_today ("2025-09-22");
  request = apply (fixture, do_resume, "DSR-2025-0001", NULL);
  assert_date (cl_request_get_due (request), "2025-12-15");
  g_object_unref (request);
}

static void
test_every_step_recorded (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const expected[] = {
    "received", "verification_started", "verified", "extended", "paused", "resumed", "note",
    "file", "report_created", "completed",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) entries = NULL;
  ClAuditFilter filter = { .object_type = "request", .object_id = "DSR-2025-0001",
                           .oldest_first = TRUE };
  ClRequest *request;
  GPtrArray *steps;
  guint checked = 0;

  g_object_unref (create (fixture, CL_REQUEST_TYPE_ACCESS, "anna@example.se",
                          CL_JURISDICTION_GDPR, "2025-09-03"));
  g_object_unref (apply (fixture, do_start, "DSR-2025-0001", NULL));
  g_object_unref (apply (fixture, do_verify, "DSR-2025-0001", "Replied from anna's address"));
  g_object_unref (apply (fixture, do_extend, "DSR-2025-0001", "Archive search"));
  g_object_unref (apply (fixture, do_pause, "DSR-2025-0001", NULL));
  g_object_unref (apply (fixture, do_resume, "DSR-2025-0001", NULL));
  request = cl_request_add_note (fixture->ledger, "DSR-2025-0001", "Called anna@example.se",
                                 &error);
  g_assert_no_error (error);
  g_object_unref (request);
  g_assert_true (cl_request_add_file (fixture->ledger, "DSR-2025-0001",
                                      "/tmp/report-anna@example.se.json", "json",
                                      "AB5D1C1E39A8E4A9B1C3D5E7F9A1B3C5D7E9F1A3B5C7D9E1F3A5B7C9D1E3F5A7",
                                      &error));
  g_assert_no_error (error);
  g_assert_true (cl_request_add_step (fixture->ledger, "DSR-2025-0001", "report_created",
                                      "Subject-access report (JSON)", &error));
  g_assert_no_error (error);
  g_object_unref (apply (fixture, do_complete, "DSR-2025-0001", NULL));

  request = cl_request_load (fixture->ledger, "DSR-2025-0001", &error);
  g_assert_no_error (error);
  steps = cl_request_get_steps (request);
  g_assert_cmpuint (steps->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < steps->len; i++)
    g_assert_cmpstr (((ClRequestStep *) g_ptr_array_index (steps, i))->action, ==, expected[i]);

  g_assert_cmpuint (cl_request_get_files (request)->len, ==, 1);
  g_assert_cmpstr (((ClRequestFile *) g_ptr_array_index (cl_request_get_files (request), 0))->sha256,
                   ==, "ab5d1c1e39a8e4a9b1c3d5e7f9a1b3c5d7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7");
  g_object_unref (request);

  /* The audit log holds the same steps, in order, and its chain is whole. */
  entries = cl_audit_list (fixture->ledger, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(ClAuditEntry) entry = g_list_model_get_item (G_LIST_MODEL (entries), i);
      g_assert_cmpstr (cl_audit_entry_get_action (entry), ==, expected[i]);
      g_assert_cmpstr (cl_audit_entry_get_actor (entry), ==, g_get_user_name ());
    }
  g_assert_true (cl_audit_verify (fixture->ledger, &checked, &error));
  g_assert_cmpuint (checked, ==, G_N_ELEMENTS (expected));

  /* The subject's identifier is in none of the audit entries (erasure must not leave it). */
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count(*) FROM audit_log WHERE detail LIKE '%anna@%'"
                              " OR object_id LIKE '%anna@%'"), ==, 0);
}

static void
test_add_file (Fixture       *fixture,
               gconstpointer  data)
{
  static const char sha[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  g_autoptr(GError) error = NULL;
  ClRequest *request;

  g_object_unref (create (fixture, CL_REQUEST_TYPE_PORTABILITY, "c-7f3a9e",
                          CL_JURISDICTION_GDPR, "2025-09-03"));

  g_assert_false (cl_request_add_file (fixture->ledger, "DSR-2025-0001", "/tmp/x.json", "json",
                                       "not-a-digest", &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (cl_request_add_file (fixture->ledger, "DSR-2025-0001", "", "json", sha,
                                       &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (cl_request_add_file (fixture->ledger, "DSR-2025-0999", "/tmp/x.json", "json",
                                       sha, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Inside the caller's transaction: rolled back with it. */
  g_assert_true (cl_ledger_begin (fixture->ledger, &error));
  g_assert_true (cl_request_add_file (fixture->ledger, "DSR-2025-0001", "/tmp/x.json", "json",
                                      sha, &error));
  g_assert_true (cl_ledger_in_transaction (fixture->ledger));
  cl_ledger_rollback (fixture->ledger);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM request_files"), ==, 0);

  /* … or committed with it. */
  g_assert_true (cl_ledger_begin (fixture->ledger, &error));
  g_assert_true (cl_request_add_file (fixture->ledger, "DSR-2025-0001", "/tmp/x.json", "json",
                                      sha, &error));
  g_assert_true (cl_ledger_commit (fixture->ledger, &error));
  g_assert_no_error (error);

  request = cl_request_load (fixture->ledger, "DSR-2025-0001", &error);
  g_assert_cmpuint (cl_request_get_files (request)->len, ==, 1);
  g_assert_cmpstr (((ClRequestFile *) g_ptr_array_index (cl_request_get_files (request), 0))->path,
                   ==, "/tmp/x.json");
  g_object_unref (request);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count(*) FROM audit_log WHERE action = 'file'"
                              " AND detail LIKE '%" "0123456789abcdef%' AND detail NOT LIKE '%x.json%'"),
                   ==, 1);
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) all = NULL;
  g_autoptr(GListStore) overdue = NULL;
  g_autoptr(GListStore) open = NULL;
  g_autoptr(GListStore) erasures = NULL;
  g_autoptr(GListStore) paused = NULL;
  ClRequestFilter filter = { 0 };
  static const char * const order[] = {
    "DSR-2025-0002",  /* overdue (due 1 Sep) */
    "DSR-2025-0003",  /* due soon (due 15 Sep) */
    "DSR-2025-0004",  /* paused, due 6 Oct */
    "DSR-2025-0005",  /* due 10 Oct */
    "DSR-2025-0001",  /* completed */
  };

  g_object_unref (create (fixture, CL_REQUEST_TYPE_ACCESS, "c-7f3a9e", CL_JURISDICTION_GDPR,
                          "2025-08-01"));
  g_object_unref (create (fixture, CL_REQUEST_TYPE_ERASURE, "c-7f3a9e", CL_JURISDICTION_GDPR,
                          "2025-07-31"));
  g_object_unref (create (fixture, CL_REQUEST_TYPE_ERASURE, "c-0000b2", CL_JURISDICTION_GDPR,
                          "2025-08-14"));
  g_object_unref (create (fixture, CL_REQUEST_TYPE_OBJECTION, "c-0000b2", CL_JURISDICTION_GDPR,
                          "2025-09-03"));
  g_object_unref (create (fixture, CL_REQUEST_TYPE_ACCESS, "c-0000b2", CL_JURISDICTION_GDPR,
                          "2025-09-09"));
  g_object_unref (apply (fixture, do_verify, "DSR-2025-0001", "Account login"));
  g_object_unref (apply (fixture, do_complete, "DSR-2025-0001", NULL));
  g_object_unref (apply (fixture, do_pause, "DSR-2025-0004", NULL));

  all = cl_request_list (fixture->ledger, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(ClRequest) request = g_list_model_get_item (G_LIST_MODEL (all), i);
      g_assert_cmpstr (cl_request_get_reference (request), ==, order[i]);
    }

  filter.overdue_only = TRUE;
  overdue = cl_request_list (fixture->ledger, &filter, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (overdue)), ==, 1);

  filter = (ClRequestFilter) { .open_only = TRUE };
  open = cl_request_list (fixture->ledger, &filter, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (open)), ==, 4);

  filter = (ClRequestFilter) { .type_mask = 1u << CL_REQUEST_TYPE_ERASURE };
  erasures = cl_request_list (fixture->ledger, &filter, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (erasures)), ==, 2);

  filter = (ClRequestFilter) { .status_mask = 1u << CL_REQUEST_STATUS_PAUSED };
  paused = cl_request_list (fixture->ledger, &filter, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paused)), ==, 1);
  {
    g_autoptr(ClRequest) request = g_list_model_get_item (G_LIST_MODEL (paused), 0);
    g_assert_cmpstr (cl_request_get_reference (request), ==, "DSR-2025-0004");
  }

  {
    g_autoptr(ClRequest) soon = g_list_model_get_item (G_LIST_MODEL (all), 1);
    g_assert_cmpint (cl_request_get_urgency (soon), ==, CL_URGENCY_DUE_SOON);
  }
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  static const char * const keys[] = {
    "reference", "type", "subject", "jurisdiction", "status", "received", "due", "extended",
    "extension_reason", "steps", "files",
  };
  g_autoptr(ClRequest) request = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  set_today ("2026-02-02");
  g_object_unref (create (fixture, CL_REQUEST_TYPE_RECTIFICATION, "A-1042",
                          CL_JURISDICTION_GDPR, "2026-01-30"));
  request = cl_request_load (fixture->ledger, "DSR-2026-0001", NULL);
  node = cl_request_to_json (request);
  object = json_node_get_object (node);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (object, keys[i]));
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "rectification");
  /* BRIEF §2: received Fri 30 Jan 2026 → no 31 Feb → 28 Feb is a Saturday → Mon 2 Mar. */
  g_assert_cmpstr (json_object_get_string_member (object, "due"), ==, "2026-03-02");
  g_assert_false (json_object_get_boolean_member (object, "extended"));
  g_assert_true (json_object_get_null_member (object, "extension_reason"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "steps")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "files")), ==, 0);
}

static ClRequest *
do_confirm (ClLedger *l, const char *r, const char *a, GError **e)
{
  return cl_request_confirm_receipt (l, r, e);
}

static void
test_confirm_receipt (Fixture       *fixture,
                      gconstpointer  data)
{
  ClRequest *request = create (fixture, CL_REQUEST_TYPE_ACCESS, "c-7f3a9e",
                               CL_JURISDICTION_CCPA, "2025-09-03");

  g_assert_null (cl_request_get_receipt_confirmed (request));
  g_object_unref (request);

  request = apply (fixture, do_confirm, "DSR-2025-0001", NULL);
  g_assert_true (g_str_has_prefix (cl_request_get_receipt_confirmed (request), "2025-09-10"));
  /* The status does not move. */
  g_assert_cmpint (cl_request_get_status (request), ==, CL_REQUEST_STATUS_RECEIVED);
  g_object_unref (request);

  assert_refused (fixture, do_confirm, "DSR-2025-0001", NULL, CL_LEDGER_ERROR,
                  CL_LEDGER_ERROR_REFUSED, "already confirmed on 2025-09-10");
  g_object_unref (apply (fixture, do_reject, "DSR-2025-0001", "Not a customer"));
  g_object_unref (create (fixture, CL_REQUEST_TYPE_ACCESS, "c-7f3a9e", CL_JURISDICTION_CCPA,
                          "2025-09-03"));
  g_object_unref (apply (fixture, do_reject, "DSR-2025-0002", "Not a customer"));
  assert_refused (fixture, do_confirm, "DSR-2025-0002", NULL, CL_LEDGER_ERROR,
                  CL_LEDGER_ERROR_REFUSED, "already rejected");
}

static void
test_dates (void)
{
  static const char * const bad[] = {
    "", "2025-9-3", "2025-02-29", "2025/09/03", "25-09-03", "2025-09-03T00:00", "2025-13-01",
    "0000-01-01", "２０２５-09-03",
  };
  GDate day;

  g_assert_true (cl_request_parse_date ("2024-02-29", &day));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (cl_request_parse_date (bad[i], &day));
}

/* The library's refusals reach the officer in their language: run in a child with Swedish
 * chosen and the build's catalogue bound, the messages come out translated, placeholders
 * filled in. */
static void
test_errors_translated (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *catalogue = g_build_filename (CL_BUILD_LOCALE_DIR, "sv", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (catalogue, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the Swedish catalogue is not built");
      return;
    }
  if (g_test_subprocess ())
    {
      g_autoptr(ClRequest) request = create (fixture, CL_REQUEST_TYPE_ACCESS, "c-7f3a9e",
                                             CL_JURISDICTION_GDPR, "2025-09-03");
      g_autoptr(ClRequest) missing = NULL;
      g_autoptr(ClRequest) resumed = NULL;
      g_autoptr(ClRequest) noted = NULL;
      g_autoptr(GError) error = NULL;

      /* gettext ignores LANGUAGE under the plain C locale, not under C.UTF-8 (which every
       * glibc since 2.35 has), so no Swedish locale need be installed. */
      g_setenv ("LANGUAGE", "sv", TRUE);
      if (setlocale (LC_ALL, "C.UTF-8") == NULL)
        {
          g_test_skip ("no C.UTF-8 locale");
          return;
        }
      bindtextdomain (GETTEXT_PACKAGE, CL_BUILD_LOCALE_DIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

      missing = cl_request_load (fixture->ledger, "DSR-2025-0099", &error);
      g_assert_null (missing);
      g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND);
      g_assert_cmpstr (error->message, ==,
                       "Det finns ingen begäran DSR-2025-0099 i den här liggaren.");
      g_clear_error (&error);

      resumed = cl_request_resume (fixture->ledger, "DSR-2025-0001", &error);
      g_assert_null (resumed);
      g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED);
      g_assert_cmpstr (error->message, ==, "Begäran är inte pausad; dess status är ”Inkommen”.");
      g_clear_error (&error);

      noted = cl_request_add_note (fixture->ledger, "DSR-2025-0001", "bad \xff note", &error);
      g_assert_null (noted);
      g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, "Anteckningen är inte giltig UTF-8-text.");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ledger/request/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create", test_create);
  ADD ("subject-by-any-identifier", test_subject_by_any_identifier);
  ADD ("unknown-subject-kept", test_unknown_subject_kept);
  ADD ("reference-sequence", test_reference_sequence);
  ADD ("create-refused", test_create_refused);
  ADD ("lifecycle", test_lifecycle);
  ADD ("reject", test_reject);
  ADD ("extension-gate", test_extension_gate);
  ADD ("extension-ccpa", test_extension_ccpa);
  ADD ("pause-moves-due-date", test_pause_moves_due_date);
  ADD ("extend-while-paused", test_extend_while_paused);
  ADD ("every-step-recorded", test_every_step_recorded);
  ADD ("add-file", test_add_file);
  ADD ("list", test_list);
  ADD ("json", test_json);
  ADD ("confirm-receipt", test_confirm_receipt);
  ADD ("errors-translated", test_errors_translated);
  g_test_add_func ("/ledger/request/dates", test_dates);

  return g_test_run ();
}
