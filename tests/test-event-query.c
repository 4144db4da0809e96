/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-event-query.c: every records filter, through ClEventQuery and through consentctl
 * records, against tests/data/records-fixture.jsonl (imported) whose answers are known by hand. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-consent-record.h"
#include "cl-error.h"
#include "cl-event-query.h"
#include "cl-subject.h"
#include "cl-test-records.h"
#include "cl-test-utils.h"

/* Newest first, as both front ends list them: "-" is the event imported without an id. */
#define ALL "- ev-005 ev-006 ev-002 ev-004 ev-003 ev-001"

typedef struct
{
  const char *name;
  const char *args[7];      /* the consentctl records options */
  const char *subject;
  const char *purpose;
  ClDecision  decision;
  const char *policy;
  int         method;
  const char *since;
  const char *until;
  gboolean    current;
  const char *expected;
} FilterCase;

static const FilterCase filter_cases[] = {
  { "all", { NULL }, .method = -1, .expected = ALL },
  { "subject-email-any-case", { "--subject", "ANNA@EXAMPLE.SE" }, .subject = "ANNA@EXAMPLE.SE",
    .method = -1, .expected = "ev-006 ev-002 ev-001" },
  { "subject-account", { "--subject", "A-1042" }, .subject = "A-1042", .method = -1,
    .expected = "ev-006 ev-002 ev-001" },
  { "subject-second-device", { "--subject", "c-anna-phone" }, .subject = "c-anna-phone",
    .method = -1, .expected = "ev-006 ev-002 ev-001" },
  { "subject-event-id", { "--subject", "ev-004" }, .subject = "ev-004", .method = -1,
    .expected = "- ev-004 ev-003" },
  { "subject-unknown", { "--subject", "x' OR 1=1 --" }, .subject = "x' OR 1=1 --", .method = -1,
    .expected = "" },
  { "advertising-granted", { "--purpose", "advertising", "--granted" }, .purpose = "advertising",
    .decision = CL_DECISION_GRANTED, .method = -1, .expected = "- ev-001" },
  { "advertising-denied", { "--purpose", "advertising", "--denied" }, .purpose = "advertising",
    .decision = CL_DECISION_DENIED, .method = -1, .expected = "ev-005 ev-006 ev-002 ev-003" },
  { "advertising-not-asked", { "--purpose", "advertising", "--not-asked" },
    .purpose = "advertising", .decision = CL_DECISION_NOT_ASKED, .method = -1,
    .expected = "ev-004" },
  { "measurement-not-asked", { "--purpose", "measurement", "--not-asked" },
    .purpose = "measurement", .decision = CL_DECISION_NOT_ASKED, .method = -1,
    .expected = "ev-005" },
  { "policy", { "--policy", "3.0" }, .policy = "3.0", .method = -1,
    .expected = "ev-003 ev-001" },
  { "method-custom", { "--method", "custom" }, .method = 2, .expected = "ev-006 ev-004" },
  { "method-withdraw", { "--method", "withdraw" }, .method = 3, .expected = "ev-002" },
  { "method-gpc", { "--method", "gpc" }, .method = 4, .expected = "ev-005" },
  { "since-date", { "--since", "2026-01-01" }, .since = "2026-01-01", .method = -1,
    .expected = "- ev-005 ev-006 ev-002 ev-004" },
  { "until-date-whole-day", { "--until", "2025-07-15" }, .until = "2025-07-15", .method = -1,
    .expected = "ev-003 ev-001" },
  { "date-range", { "--since", "2026-02-01", "--until", "2026-02-28" }, .since = "2026-02-01",
    .until = "2026-02-28", .method = -1, .expected = "ev-006 ev-002" },
  { "since-time", { "--since", "2026-02-01T09:00:00Z" }, .since = "2026-02-01T09:00:00Z",
    .method = -1, .expected = "- ev-005 ev-006 ev-002" },
  { "until-time-inclusive", { "--until", "2026-02-01T10:00:00+01:00" },
    .until = "2026-02-01T10:00:00+01:00", .method = -1,
    .expected = "ev-002 ev-004 ev-003 ev-001" },
  { "current", { "--current" }, .current = TRUE, .method = -1,
    .expected = "- ev-005 ev-006" },
  { "current-advertising-denied", { "--current", "--purpose", "advertising", "--denied" },
    .current = TRUE, .purpose = "advertising", .decision = CL_DECISION_DENIED, .method = -1,
    .expected = "ev-005 ev-006" },
  { "subject-and-method", { "--subject", "c-bob", "--method", "custom" }, .subject = "c-bob",
    .method = 2, .expected = "ev-004" },
};

static char *
ids_of (GPtrArray *events)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < events->len; i++)
    {
      const char *id = cl_consent_event_get_event_id (events->pdata[i]);
      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", id != NULL ? id : "-");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
ids_of_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *event = json_array_get_object_element (array, i);
      const char *id = json_object_get_string_member_with_default (event, "event_id", "-");

      g_assert_true (json_object_has_member (event, "recorded_at"));
      g_assert_true (json_object_has_member (event, "decisions"));
      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", id);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static ClEventQuery *
query_for (const FilterCase *c)
{
  ClEventQuery *query = cl_event_query_new ();
  g_autoptr(GError) error = NULL;
  gint64 ms;

  cl_event_query_set_subject (query, c->subject);
  if (c->purpose != NULL)
    cl_event_query_set_purpose (query, c->purpose, c->decision);
  cl_event_query_set_policy (query, c->policy);
  cl_event_query_set_method (query, c->method);
  if (c->since != NULL)
    {
      g_assert_true (cl_event_query_parse_since (c->since, &ms, &error));
      cl_event_query_set_since (query, ms);
    }
  if (c->until != NULL)
    {
      g_assert_true (cl_event_query_parse_until (c->until, &ms, &error));
      cl_event_query_set_until (query, ms);
    }
  cl_event_query_set_current_only (query, c->current);
  return query;
}

static void
test_filter (gconstpointer data)
{
  const FilterCase *c = data;
  g_autofree char *path = cl_test_records_ledger ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);
  g_autoptr(ClEventQuery) query = query_for (c);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *from_query = NULL;
  g_autofree char *from_cli = NULL;
  g_autofree char *out = NULL;
  g_autofree char *count_text = NULL;
  guint64 count = 0;

  g_assert_no_error (error);

  /* The query object. */
  events = cl_event_query_list (query, ledger, 0, &error);
  g_assert_no_error (error);
  from_query = ids_of (events);
  g_assert_cmpstr (from_query, ==, c->expected);
  g_assert_true (cl_event_query_count (query, ledger, &count, &error));
  g_assert_cmpuint (count, ==, events->len);

  /* consentctl records --json, with the same filters. */
  g_ptr_array_add (argv, "--ledger");
  g_ptr_array_add (argv, path);
  g_ptr_array_add (argv, "records");
  for (guint i = 0; c->args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) c->args[i]);
  g_ptr_array_add (argv, "--json");
  g_ptr_array_add (argv, NULL);
  g_assert_cmpint (cl_test_run_consentctl ((const char * const *) argv->pdata, NULL, &out, NULL),
                   ==, 0);
  from_cli = ids_of_json (out);
  g_assert_cmpstr (from_cli, ==, c->expected);

  /* … and --count. */
  g_clear_pointer (&out, g_free);
  argv->pdata[argv->len - 2] = "--count";
  g_assert_cmpint (cl_test_run_consentctl ((const char * const *) argv->pdata, NULL, &out, NULL),
                   ==, 0);
  count_text = g_strdup_printf ("%u\n", events->len);
  g_assert_cmpstr (out, ==, count_text);
}

static void
test_sort (void)
{
  static const struct {
    ClEventSort sort;
    const char *purpose;
    gboolean    descending;
    const char *expected;
  } cases[] = {
    { CL_EVENT_SORT_TIME, NULL, FALSE, "ev-001 ev-003 ev-004 ev-002 ev-006 ev-005 -" },
    { CL_EVENT_SORT_SUBJECT, NULL, FALSE, "ev-001 ev-002 ev-006 ev-003 ev-004 - ev-005" },
    { CL_EVENT_SORT_COUNTRY, NULL, FALSE, "ev-003 ev-004 - ev-001 ev-002 ev-006 ev-005" },
    { CL_EVENT_SORT_METHOD, NULL, TRUE, "ev-005 ev-002 ev-006 ev-004 ev-003 - ev-001" },
    { CL_EVENT_SORT_POLICY, NULL, FALSE, "ev-001 ev-003 ev-004 ev-002 ev-006 ev-005 -" },
    { CL_EVENT_SORT_PURPOSE, "advertising", TRUE, "- ev-001 ev-005 ev-006 ev-002 ev-003 ev-004" },
    { CL_EVENT_SORT_URL, NULL, FALSE, "ev-006 ev-003 - ev-004 ev-001 ev-005 ev-002" },
  };
  g_autofree char *path = cl_test_records_ledger ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ClEventQuery) query = cl_event_query_new ();
      g_autoptr(GPtrArray) events = NULL;
      g_autofree char *ids = NULL;

      cl_event_query_set_sort (query, cases[i].sort, cases[i].purpose, cases[i].descending);
      events = cl_event_query_list (query, ledger, 0, &error);
      g_assert_no_error (error);
      ids = ids_of (events);
      g_assert_cmpstr (ids, ==, cases[i].expected);
    }
}

static char *
query_plan (const char   *path,
            ClEventQuery *query)
{
  g_autofree char *sql = cl_event_query_to_sql (query);
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&plan), FALSE);
}

/* The searches that must stay instant on a million events never read the events table whole. */
static void
test_query_plans (void)
{
  g_autofree char *path = cl_test_records_ledger ();
  g_autoptr(ClEventQuery) query = cl_event_query_new ();
  char *plan;

  /* Newest first straight from an index: no sort of a million rows before the first page. */
  plan = query_plan (path, query);
  g_assert_nonnull (strstr (plan, "USING COVERING INDEX"));
  g_assert_null (strstr (plan, "TEMP B-TREE"));
  g_free (plan);

  cl_event_query_set_subject (query, "anna@example.se");
  plan = query_plan (path, query);
  g_assert_nonnull (strstr (plan, "events_by_subject (subject_id=?)"));
  g_assert_null (strstr (plan, "SCAN e\n"));
  g_free (plan);

  cl_event_query_set_subject (query, NULL);
  /* A policy version is a stretch of time: the time index, which holds policy_id, finds its
   * events in the page's order without a sort. */
  cl_event_query_set_policy (query, "3.0");
  plan = query_plan (path, query);
  g_assert_nonnull (strstr (plan, "SCAN e USING COVERING INDEX events_by_time"));
  g_assert_null (strstr (plan, "TEMP B-TREE"));
  g_free (plan);

  /* An event id is found through its own index. */
  cl_event_query_set_policy (query, NULL);
  cl_event_query_set_subject (query, "ev-001");
  plan = query_plan (path, query);
  g_assert_nonnull (strstr (plan, "events_by_event_key (event_key=?)"));
  g_assert_null (strstr (plan, "SCAN e\n"));
  g_free (plan);
  cl_event_query_set_subject (query, NULL);

  /* Purpose, method and current state walk the time index alone, in the page's order: the
   * first page of matches comes after a short walk, and the wide rows are never read. */
  cl_event_query_set_policy (query, NULL);
  cl_event_query_set_purpose (query, "advertising", CL_DECISION_DENIED);
  cl_event_query_set_method (query, CL_CONSENT_METHOD_CUSTOM);
  cl_event_query_set_current_only (query, TRUE);
  plan = query_plan (path, query);
  g_assert_nonnull (strstr (plan, "SCAN e USING COVERING INDEX events_by_time"));
  g_assert_nonnull (strstr (plan, "CORRELATED"));
  g_assert_nonnull (strstr (plan, "subjects_by_latest (latest_event_id=?)"));
  g_assert_null (strstr (plan, "TEMP B-TREE"));
  g_assert_null (strstr (plan, "LIST SUBQUERY"));
  g_free (plan);
}

static void
test_unknown_labels (void)
{
  g_autofree char *path = cl_test_records_ledger ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);
  g_autoptr(ClEventQuery) query = cl_event_query_new ();
  g_autoptr(GPtrArray) events = NULL;
  guint64 count;

  cl_event_query_set_purpose (query, "astrology", CL_DECISION_GRANTED);
  g_assert_false (cl_event_query_count (query, ledger, &count, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "measurement, personalization, advertising"));
  g_clear_error (&error);

  cl_event_query_set_purpose (query, NULL, CL_DECISION_GRANTED);
  cl_event_query_set_policy (query, "9.9");
  events = cl_event_query_list (query, ledger, 0, &error);
  g_assert_null (events);
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "3.0, 3.1"));
}

static void
count_call (guint *counter)
{
  (*counter)++;
}

static void
test_changed_once (void)
{
  g_autoptr(ClEventQuery) query = cl_event_query_new ();
  guint changed = 0;

  g_signal_connect_swapped (query, "changed", G_CALLBACK (count_call), &changed);

  cl_event_query_set_subject (query, "c-anna");
  g_assert_cmpuint (changed, ==, 1);
  cl_event_query_set_subject (query, "  c-anna  ");  /* the same, once trimmed */
  g_assert_cmpuint (changed, ==, 1);
  cl_event_query_set_purpose (query, "advertising", CL_DECISION_DENIED);  /* two properties */
  g_assert_cmpuint (changed, ==, 2);
  g_object_freeze_notify (G_OBJECT (query));
  cl_event_query_set_method (query, 2);
  cl_event_query_set_current_only (query, TRUE);
  g_object_thaw_notify (G_OBJECT (query));
  g_assert_cmpuint (changed, ==, 3);
  g_assert_true (cl_event_query_is_filtered (query));
}

static void
test_dates (void)
{
  g_autoptr(GError) error = NULL;
  gint64 ms = 0;

  g_assert_true (cl_event_query_parse_since ("2026-03-01", &ms, &error));
  g_assert_cmpint (ms, ==, G_GINT64_CONSTANT (1772323200000));
  g_assert_true (cl_event_query_parse_until ("2026-03-01", &ms, &error));
  g_assert_cmpint (ms, ==, G_GINT64_CONSTANT (1772323200000) + 86400000);
  g_assert_false (cl_event_query_parse_since ("2026-02-30", &ms, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "“2026-02-30” is not a date"));
  g_clear_error (&error);
  g_assert_false (cl_event_query_parse_since ("yesterday", &ms, &error));
  g_clear_error (&error);
}

static void
test_cli_usage (void)
{
  static const struct {
    const char *args[5];
    int         status;
    const char *message;
  } cases[] = {
    { { "--purpose", "advertising" }, 2, "--purpose needs --granted" },
    { { "--granted" }, 2, "need --purpose" },
    { { "--purpose", "advertising", "--granted", "--denied" }, 2, "choose one" },
    { { "--method", "shrug" }, 2, "unknown method “shrug”" },
    { { "--since", "01/03/2026" }, 2, "is not a date" },
    { { "--limit", "-1" }, 2, "--limit" },
    { { "--purpose", "astrology", "--denied" }, 1, "no purpose “astrology”" },
    { { "--policy", "9.9" }, 1, "no policy version “9.9”" },
  };
  g_autofree char *path = cl_test_records_ledger ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autofree char *err = NULL;

      g_ptr_array_add (argv, "--ledger");
      g_ptr_array_add (argv, path);
      g_ptr_array_add (argv, "records");
      for (guint a = 0; cases[i].args[a] != NULL; a++)
        g_ptr_array_add (argv, (gpointer) cases[i].args[a]);
      g_ptr_array_add (argv, NULL);
      g_assert_cmpint (cl_test_run_consentctl ((const char * const *) argv->pdata, NULL, NULL,
                                               &err), ==, cases[i].status);
      if (strstr (err, cases[i].message) == NULL)
        g_error ("expected “%s” in: %s", cases[i].message, err);
    }
}

static void
test_cli_limit_and_table (void)
{
  g_autofree char *path = cl_test_records_ledger ();
  const char *limited[] = { "--ledger", path, "records", "--limit", "2", NULL };
  const char *all[] = { "--ledger", path, "records", "--limit", "0", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (cl_test_run_consentctl (limited, NULL, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);  /* header, 2 rows, "" */
  g_assert_true (g_str_has_prefix (lines[0], "recorded_at"));
  g_assert_nonnull (strstr (lines[0], "measurement"));
  g_assert_nonnull (strstr (lines[1], "2026-03-05T07:45:00Z c-bob"));
  g_assert_nonnull (strstr (err, "Showing the first 2 of 7 events"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&lines, g_strfreev);
  g_assert_cmpint (cl_test_run_consentctl (all, NULL, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 9);
  g_assert_cmpstr (err, ==, "");
}

static void
test_subject (void)
{
  g_autofree char *path = cl_test_records_ledger ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);
  g_autoptr(ClSubject) subject = NULL;
  g_autofree char *sentence = NULL;
  g_autoptr(GArray) vendors = NULL;
  g_autoptr(ClConsentEvent) first = NULL;

  subject = cl_subject_lookup (ledger, "ev-002", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cl_subject_get_display_id (subject), ==, "c-anna");
  g_assert_cmpstr (cl_subject_get_identifiers (subject, CL_IDENTIFIER_CONSENT_ID)[1], ==,
                   "c-anna-phone");
  g_assert_cmpstr (cl_subject_get_identifiers (subject, CL_IDENTIFIER_EMAIL)[0], ==,
                   "anna@example.se");
  g_assert_null (cl_subject_get_identifiers (subject, CL_IDENTIFIER_EMAIL)[1]);
  g_assert_cmpuint (g_list_model_get_n_items (cl_subject_get_history (subject)), ==, 3);
  g_assert_cmpstr (cl_consent_event_get_event_id (cl_subject_get_current (subject)), ==,
                   "ev-006");
  g_assert_cmpstr (cl_subject_get_tc_string (subject), ==, "CQTestTCStringForAnnaAAAA");

  sentence = cl_subject_describe_event (subject, 0);
  g_assert_cmpstr (sentence, ==, "Accepted all purposes under policy 3.0, via the cookie banner, "
                                 "from SE");
  g_free (sentence);
  /* The issue's own example sentence. */
  sentence = cl_subject_describe_event (subject, 1);
  g_assert_cmpstr (sentence, ==, "Withdrew consent to Advertisement and ad measurement under "
                                 "policy 3.1, via the settings page, from SE");

  first = g_list_model_get_item (cl_subject_get_history (subject), 0);
  vendors = cl_consent_event_load_vendors (first, ledger, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vendors->len, ==, 2);
  g_assert_cmpuint (g_array_index (vendors, ClEventVendor, 1).gvl_id, ==, 755);
  g_assert_true (g_array_index (vendors, ClEventVendor, 1).granted);

  g_clear_object (&subject);
  subject = cl_subject_lookup (ledger, "nobody@example.se", &error);
  g_assert_null (subject);
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND);
}

static void
test_cli_subject (void)
{
  g_autofree char *path = cl_test_records_ledger ();
  const char *json_argv[] = { "--ledger", path, "subject", "A-1042", "--json", NULL };
  const char *text_argv[] = { "--ledger", path, "subject", "c-carl", NULL };
  const char *unknown_argv[] = { "--ledger", path, "subject", "nobody", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *root, *current;

  g_assert_cmpint (cl_test_run_consentctl (json_argv, NULL, &out, NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_array_get_string_element (
                     json_object_get_array_member (json_object_get_object_member (root,
                                                                                  "identifiers"),
                                                   "email"), 0), ==, "anna@example.se");
  current = json_object_get_object_member (root, "current");
  g_assert_true (json_object_get_boolean_member (current, "measurement"));
  g_assert_false (json_object_get_boolean_member (current, "personalization"));
  g_assert_false (json_object_get_boolean_member (current, "advertising"));
  g_assert_false (json_object_has_member (current, "network"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "events")), ==, 3);

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cl_test_run_consentctl (text_argv, NULL, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Subject c-carl"));
  g_assert_nonnull (strstr (out, "Account: A-7"));
  g_assert_nonnull (strstr (out, "Measurement and performance: Not asked"));
  g_assert_nonnull (strstr (out, "Opted out of Personalized content and Advertisement and ad "
                                 "measurement under policy 3.1, via the browser’s Global Privacy "
                                 "Control signal, from US"));

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cl_test_run_consentctl (unknown_argv, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "No subject is known by “nobody”"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (filter_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/ledger/records/filter/%s",
                                                    filter_cases[i].name);
      g_test_add_data_func (test_path, &filter_cases[i], test_filter);
    }
  g_test_add_func ("/ledger/records/sort", test_sort);
  g_test_add_func ("/ledger/records/query-plans", test_query_plans);
  g_test_add_func ("/ledger/records/unknown-labels", test_unknown_labels);
  g_test_add_func ("/ledger/records/changed-once", test_changed_once);
  g_test_add_func ("/ledger/records/dates", test_dates);
  g_test_add_func ("/ledger/records/cli-usage", test_cli_usage);
  g_test_add_func ("/ledger/records/cli-limit-and-table", test_cli_limit_and_table);
  g_test_add_func ("/ledger/records/subject", test_subject);
  g_test_add_func ("/ledger/records/cli-subject", test_cli_subject);

  return g_test_run ();
}
