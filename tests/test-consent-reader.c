/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-consent-reader.c: the consent log reader (BRIEF §4): good JSON Lines and CSV fixtures
 * with known contents, and one test per kind of bad input, each checking that the message
 * names the file, the line and the field. */
#include "config.h"

#include <string.h>

#include "cl-consent-reader.h"
#include "cl-error.h"
#include "cl-test-utils.h"

static const char * const purposes[] = {
  "network", "functional", "measurement", "personalization", "advertising", NULL
};

static const char good_event[] =
  "{\"event_id\":\"ev-1\",\"subject\":\"c-1\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
  "\"method\":\"accept_all\"}";

/* Reads every event and renders it as "LINE: <canonical JSON line>". */
static char *
read_all (ClConsentReader  *reader,
          GError          **error)
{
  g_auto(ClConsentRecord) record;
  g_autoptr(GString) out = g_string_new (NULL);

  cl_consent_record_init (&record);
  while (cl_consent_reader_next (reader, &record, error))
    {
      g_string_append_printf (out, "%u: ", cl_consent_reader_get_line (reader));
      cl_consent_record_append_jsonl (&record, out);
    }

  if (error != NULL && *error != NULL)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static ClConsentReader *
reader_for_data (const char            *filename,
                 const char            *data,
                 gssize                 len,
                 ClConsentReaderFlags   flags)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  ClConsentReader *reader;

  if (len < 0)
    len = (gssize) strlen (data);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (data, (gsize) len), len, g_free);
  reader = cl_consent_reader_new (stream, filename, purposes, flags, &error);
  g_assert_no_error (error);
  return reader;
}

/* Reads @data as @filename until it fails; returns the message, after checking the error
 * is INVALID_INPUT and that a second call reports it again. */
static char *
error_of (const char *filename,
          const char *data,
          gssize      len)
{
  g_autoptr(ClConsentReader) reader = reader_for_data (filename, data, len, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  g_auto(ClConsentRecord) record;
  g_autofree char *events = NULL;

  cl_consent_record_init (&record);
  events = read_all (reader, &error);
  g_assert_null (events);
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_test_message ("%s", error->message);

  g_assert_false (cl_consent_reader_next (reader, &record, &again));
  g_assert_error (again, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_assert_cmpstr (again->message, ==, error->message);

  return g_strdup (error->message);
}

#define assert_prefix(text, prefix) G_STMT_START {                                   \
    const char *_t = (text), *_p = (prefix);                                          \
    if (!g_str_has_prefix (_t, _p))                                                   \
      g_error ("“%s”\n  does not start with\n“%s”", _t, _p);                          \
  } G_STMT_END

static void
assert_error (const char *filename,
              const char *data,
              const char *expected_prefix)
{
  g_autofree char *message = error_of (filename, data, -1);

  assert_prefix (message, expected_prefix);
}

/* A JSON Lines file of @n_good good events, then @bad: the error is on line n_good + 1. */
static char *
jsonl_with_bad_line (guint       n_good,
                     const char *bad)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_good; i++)
    g_string_append_printf (out, "%s\n", good_event);
  g_string_append_printf (out, "%s\n%s\n", bad, good_event);
  return g_string_free (out, FALSE);
}

static void
assert_jsonl_error (const char *bad_line,
                    const char *expected_after_line)
{
  g_autofree char *data = jsonl_with_bad_line (2, bad_line);
  g_autofree char *expected = g_strdup_printf ("log.jsonl:3: %s", expected_after_line);

  assert_error ("log.jsonl", data, expected);
}

#define CSV_HEADER "event_id,subject,recorded_at,policy_version,method,measurement," \
  "personalization,advertising,tc_string,gpc,email,account,url,country,ip,user_agent\r\n"
#define CSV_GOOD_ROW "ev-1,c-1,2026-03-01T12:00:00Z,3.1,custom,1,0,,,false,,,,,,\r\n"

static void
assert_csv_row_error (const char *bad_row,
                      const char *expected_after_line)
{
  g_autofree char *data = g_strconcat (CSV_HEADER, CSV_GOOD_ROW, bad_row, "\r\n",
                                       CSV_GOOD_ROW, NULL);
  g_autofree char *expected = g_strdup_printf ("log.csv:3: %s", expected_after_line);

  assert_error ("log.csv", data, expected);
}

/* Good input */

static const char expected_good_jsonl[] =
  "1: {\"event_id\":\"ev-0001\",\"subject\":\"c-7f3a9e\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
  "\"policy_version\":\"3.1\",\"method\":\"custom\",\"decisions\":{\"measurement\":true,"
  "\"personalization\":false,\"advertising\":false},\"vendors\":{\"755\":true,\"52\":false},"
  "\"tc_string\":\"COtybn4PA_zT4KjACBENAPCIAEBAAECAAIAAAAAAAAAA\",\"gpc\":false,"
  "\"identifiers\":{\"email\":\"anna@example.se\",\"account\":\"A-1042\"},"
  "\"context\":{\"url\":\"https://www.alleima.com/en/\",\"country\":\"SE\",\"ip\":\"203.0.113.0\","
  "\"user_agent\":\"Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0\"}}\n"
  "3: {\"event_id\":\"ev-0002\",\"subject\":\"c-7f3a9e\",\"recorded_at\":\"2026-03-02T07:30:15.250Z\","
  "\"policy_version\":\"3.1\",\"method\":\"withdraw\",\"decisions\":{\"measurement\":false,"
  "\"personalization\":false,\"advertising\":false},\"gpc\":false}\n"
  "4: {\"subject\":\"c-b2e4\",\"recorded_at\":\"2025-11-30T23:59:59Z\",\"method\":\"gpc\","
  "\"decisions\":{\"advertising\":false},\"gpc\":true,\"context\":{\"country\":\"US\"}}\n"
  "6: {\"subject\":\"c-åäö\",\"recorded_at\":\"2024-02-29T05:30:00Z\",\"method\":\"accept_all\","
  "\"decisions\":{\"measurement\":true,\"personalization\":true,\"advertising\":true,"
  "\"functional\":true,\"network\":true},\"gpc\":false,\"identifiers\":{\"email\":\"björn@example.se\"},"
  "\"context\":{\"user_agent\":\"Agent \\\"quoted\\\" \\\\ back\"}}\n"
  "7: {\"event_id\":\"ev-0005\",\"subject\":\"c-9\",\"recorded_at\":\"2026-01-01T00:00:00Z\","
  "\"method\":\"reject_all\",\"decisions\":{},\"gpc\":false}\n";

static void
test_jsonl_good (void)
{
  g_autofree char *path = cl_test_data_path ("consents/good.jsonl");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClConsentReader) reader = cl_consent_reader_new_for_path (path, purposes, 0, &error);
  g_autofree char *events = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (cl_consent_reader_get_format (reader), ==, CL_CONSENT_FORMAT_JSONL);
  events = read_all (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (events, ==, expected_good_jsonl);
}

/* The struct itself, not just its JSON form: purpose indexes, vendors, milliseconds. */
static void
test_jsonl_record_fields (void)
{
  g_autofree char *path = cl_test_data_path ("consents/good.jsonl");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClConsentReader) reader = cl_consent_reader_new_for_path (path, purposes, 0, &error);
  g_autoptr(ClConsentRecord) record = cl_consent_record_new ();
  const ClConsentDecision *d;
  const ClConsentVendor *v;

  g_assert_true (cl_consent_reader_next (reader, record, &error));
  g_assert_cmpstr (record->event_id, ==, "ev-0001");
  g_assert_cmpstr (record->subject, ==, "c-7f3a9e");
  g_assert_cmpint (record->recorded_at, ==, G_GINT64_CONSTANT (1772366400000));
  g_assert_cmpstr (record->policy_version, ==, "3.1");
  g_assert_cmpint (record->method, ==, CL_CONSENT_METHOD_CUSTOM);
  g_assert_cmpuint (record->decisions->len, ==, 3);
  d = &g_array_index (record->decisions, ClConsentDecision, 0);
  g_assert_cmpuint (d->purpose, ==, 2);
  g_assert_cmpstr (d->key, ==, "measurement");
  g_assert_true (d->granted);
  d = cl_consent_record_find_decision (record, "advertising");
  g_assert_nonnull (d);
  g_assert_cmpuint (d->purpose, ==, 4);
  g_assert_false (d->granted);
  g_assert_null (cl_consent_record_find_decision (record, "network"));
  g_assert_cmpuint (record->vendors->len, ==, 2);
  v = &g_array_index (record->vendors, ClConsentVendor, 0);
  g_assert_cmpuint (v->gvl_id, ==, 755);
  g_assert_true (v->granted);
  v = &g_array_index (record->vendors, ClConsentVendor, 1);
  g_assert_cmpuint (v->gvl_id, ==, 52);
  g_assert_false (v->granted);
  g_assert_false (record->gpc);
  g_assert_cmpstr (record->email, ==, "anna@example.se");
  g_assert_cmpstr (record->account, ==, "A-1042");
  g_assert_cmpstr (record->country, ==, "SE");
  g_assert_cmpstr (cl_consent_record_get_string (record, CL_CONSENT_FIELD_IP), ==, "203.0.113.0");
  /* Lengths come with the fields (the import binds them without counting); absent is 0. */
  g_assert_cmpuint (cl_consent_record_get_length (record, CL_CONSENT_FIELD_IP), ==, 11);
  g_assert_cmpuint (cl_consent_record_get_length (record, CL_CONSENT_FIELD_EVENT_ID), ==, 7);
  g_assert_cmpuint (cl_consent_record_get_length (record, CL_CONSENT_FIELD_TC_STRING), ==,
                    strlen (record->tc_string));
  cl_consent_record_set_string (record, CL_CONSENT_FIELD_TC_STRING, NULL, 0);
  g_assert_cmpuint (cl_consent_record_get_length (record, CL_CONSENT_FIELD_TC_STRING), ==, 0);
  /* The import links e-mail addresses whatever their case. */
  cl_consent_record_set_string (record, CL_CONSENT_FIELD_EMAIL, "Anna.Berg@Example.SE", -1);
  cl_consent_record_ascii_down (record, CL_CONSENT_FIELD_EMAIL);
  g_assert_cmpstr (record->email, ==, "anna.berg@example.se");
  cl_consent_record_ascii_down (record, CL_CONSENT_FIELD_TC_STRING);
  g_assert_null (record->tc_string);

  /* The next event resets what the previous one had. */
  g_assert_true (cl_consent_reader_next (reader, record, &error));
  g_assert_cmpstr (record->event_id, ==, "ev-0002");
  g_assert_cmpuint (record->vendors->len, ==, 0);
  g_assert_null (record->tc_string);
  g_assert_null (record->email);
  g_assert_null (record->url);
  g_assert_cmpint (record->method, ==, CL_CONSENT_METHOD_WITHDRAW);
  g_assert_no_error (error);
}

static const char expected_good_csv[] =
  "2: {\"event_id\":\"ev-1\",\"subject\":\"c-001\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
  "\"policy_version\":\"3.1\",\"method\":\"custom\",\"decisions\":{\"measurement\":true,"
  "\"personalization\":false},\"gpc\":false,\"identifiers\":{\"email\":\"anna@example.se\","
  "\"account\":\"A-1042\"},\"context\":{\"url\":\"https://www.alleima.com/en/\",\"country\":\"SE\","
  "\"ip\":\"203.0.113.0\",\"user_agent\":\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) "
  "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36\"}}\n"
  "3: {\"event_id\":\"ev-2\",\"subject\":\"c-001\",\"recorded_at\":\"2026-03-01T12:05:00.500Z\","
  "\"policy_version\":\"3.1\",\"method\":\"custom\",\"decisions\":{\"measurement\":true,"
  "\"personalization\":false,\"advertising\":true},\"gpc\":false}\n"
  "4: {\"event_id\":\"ev-3\",\"subject\":\"c-002\",\"recorded_at\":\"2026-03-01T23:00:00Z\","
  "\"policy_version\":\"3.0\",\"method\":\"custom\",\"decisions\":{\"measurement\":true,"
  "\"personalization\":false,\"advertising\":true},\"gpc\":false}\n"
  "5: {\"event_id\":\"ev-4\",\"subject\":\"c-003\",\"recorded_at\":\"2026-03-03T00:00:00Z\","
  "\"policy_version\":\"3.0\",\"method\":\"custom\",\"decisions\":{\"measurement\":true,"
  "\"personalization\":false,\"advertising\":false},\"gpc\":true}\n"
  "6: {\"event_id\":\"ev-5\",\"subject\":\"c-004\",\"recorded_at\":\"2026-03-04T00:00:00Z\","
  "\"method\":\"accept_all\",\"decisions\":{\"measurement\":false,\"personalization\":false,"
  "\"advertising\":true},\"tc_string\":\"COtybn4PA_zT4KjACBENAPCIAEBAAECAAIAAAAAAAAAA\","
  "\"gpc\":true}\n"
  "7: {\"subject\":\"c-005\",\"recorded_at\":\"2026-03-05T00:00:00Z\",\"policy_version\":\"2.1\","
  "\"method\":\"gpc\",\"decisions\":{\"advertising\":false},\"gpc\":true,"
  "\"identifiers\":{\"email\":\"björn@example.se\"},\"context\":{\"url\":"
  "\"https://www.alleima.com/sv/om-alleima/\",\"country\":\"SE\",\"ip\":\"198.51.100.0\","
  "\"user_agent\":\"Agent with \\\"quotes\\\", a comma\\r\\nand a line break\"}}\n"
  "10: {\"event_id\":\"ev-7\",\"subject\":\"c-006\",\"recorded_at\":\"2026-03-06T00:00:00Z\","
  "\"policy_version\":\"3.1\",\"method\":\"withdraw\",\"decisions\":{\"measurement\":false,"
  "\"personalization\":false,\"advertising\":false},\"gpc\":false}\n";

static void
test_csv_good (void)
{
  g_autofree char *path = cl_test_data_path ("consents/good.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClConsentReader) reader = cl_consent_reader_new_for_path (path, purposes, 0, &error);
  g_autofree char *events = NULL;
  g_autoptr(GBytes) bytes = cl_test_read_bytes (path);

  g_assert_no_error (error);
  g_assert_cmpint (cl_consent_reader_get_format (reader), ==, CL_CONSENT_FORMAT_CSV);
  events = read_all (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (events, ==, expected_good_csv);
  g_assert_cmpuint (cl_consent_reader_get_bytes_read (reader), ==, g_bytes_get_size (bytes));
}

/* Every spelling BRIEF §4 allows in a purpose cell, in any case; empty is "not asked". */
static void
test_csv_purpose_spellings (void)
{
  static const struct { const char *cell; int expected; } cells[] = {
    { "1", 1 }, { "0", 0 }, { "true", 1 }, { "false", 0 }, { "TRUE", 1 }, { "False", 0 },
    { "yes", 1 }, { "no", 0 }, { "Yes", 1 }, { "NO", 0 }, { "granted", 1 }, { "denied", 0 },
    { "Granted", 1 }, { "DENIED", 0 }, { "", -1 }, { "\"\"", -1 }, { "\"yes\"", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autofree char *csv = g_strdup_printf ("subject,recorded_at,method,advertising\n"
                                              "c-1,2026-03-01T12:00:00Z,custom,%s\n",
                                              cells[i].cell);
      g_autoptr(ClConsentReader) reader = reader_for_data ("spell.csv", csv, -1, 0);
      g_autoptr(ClConsentRecord) record = cl_consent_record_new ();
      g_autoptr(GError) error = NULL;
      const ClConsentDecision *d;

      g_test_message ("cell %s", cells[i].cell);
      g_assert_true (cl_consent_reader_next (reader, record, &error));
      g_assert_no_error (error);
      d = cl_consent_record_find_decision (record, "advertising");
      if (cells[i].expected < 0)
        g_assert_null (d);
      else
        {
          g_assert_nonnull (d);
          g_assert_cmpint (d->granted, ==, cells[i].expected);
        }
    }
}

/* Purposes are editable: the reader knows only the keys it is given. */
static void
test_custom_purposes (void)
{
  static const char * const keys[] = { "chat", NULL };
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(ClConsentReader) reader = NULL;
  g_autoptr(ClConsentRecord) record = cl_consent_record_new ();
  g_autoptr(GError) error = NULL;
  const char *data = "subject,recorded_at,method,chat\nc,2026-03-01T12:00:00Z,custom,yes\n"
                     "subject,recorded_at,method,measurement\n";

  stream = g_memory_input_stream_new_from_data (data, -1, NULL);
  reader = cl_consent_reader_new (stream, "chat.csv", keys, 0, &error);
  g_assert_true (cl_consent_reader_next (reader, record, &error));
  g_assert_cmpuint (record->decisions->len, ==, 1);
  g_assert_cmpstr (g_array_index (record->decisions, ClConsentDecision, 0).key, ==, "chat");
  g_assert_cmpuint (g_array_index (record->decisions, ClConsentDecision, 0).purpose, ==, 0);
  g_assert_cmpstr (cl_consent_reader_get_purpose_keys (reader)[0], ==, "chat");
  g_assert_false (cl_consent_reader_next (reader, record, &error));
  /* The second header is just a bad row here; measurement is unknown to this ledger anyway. */
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  g_clear_pointer (&reader, cl_consent_reader_free);
  g_clear_object (&stream);
  stream = g_memory_input_stream_new_from_data ("{\"subject\":\"c\",\"recorded_at\":"
                                                "\"2026-03-01T12:00:00Z\",\"method\":\"custom\","
                                                "\"decisions\":{\"measurement\":true}}\n", -1, NULL);
  reader = cl_consent_reader_new (stream, "chat.jsonl", keys, 0, &error);
  g_assert_false (cl_consent_reader_next (reader, record, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  assert_prefix (error->message, "chat.jsonl:1: decisions: \"measurement\": unknown purpose key; "
                                 "expected one of chat");
}

static void
test_format_by_extension (void)
{
  static const struct { const char *name; int format; } names[] = {
    { "log.jsonl", CL_CONSENT_FORMAT_JSONL }, { "LOG.JSONL", CL_CONSENT_FORMAT_JSONL },
    { "a/b.json", CL_CONSENT_FORMAT_JSONL }, { "export.csv", CL_CONSENT_FORMAT_CSV },
    { "Export.CSV", CL_CONSENT_FORMAT_CSV }, { "log.txt", -1 }, { "csv", -1 },
    { "log.csv.gz", -1 }, { "", -1 },
  };
  g_autoptr(GInputStream) stream = g_memory_input_stream_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      ClConsentFormat format;

      g_assert_cmpint (cl_consent_format_for_filename (names[i].name, &format), ==,
                       names[i].format >= 0);
      if (names[i].format >= 0)
        g_assert_cmpint (format, ==, names[i].format);
    }

  g_assert_null (cl_consent_reader_new (stream, "log.txt", purposes, 0, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==,
                   "log.txt: not a consent log: the name must end in .jsonl, .json or .csv");
  g_clear_error (&error);

  g_assert_null (cl_consent_reader_new_for_path ("/nonexistent/log.csv", purposes, 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* All the texts share one buffer: fields set earlier follow it when it moves, a field set
 * again or lowered in place leaves its neighbours alone, and a reset starts it over. */
static void
test_record_shared_text (void)
{
  g_autoptr(ClConsentRecord) record = cl_consent_record_new ();
  g_autofree char *long_agent = g_strnfill (5000, 'M');

  cl_consent_record_set_string (record, CL_CONSENT_FIELD_EVENT_ID, "ev-0001", -1);
  cl_consent_record_set_string (record, CL_CONSENT_FIELD_EMAIL, "Anna@Example.SE", -1);
  cl_consent_record_set_string (record, CL_CONSENT_FIELD_COUNTRY, "SEX", 2);
  /* Far beyond the buffer's first size: it moves. */
  cl_consent_record_set_string (record, CL_CONSENT_FIELD_USER_AGENT, long_agent, -1);
  g_assert_cmpstr (record->event_id, ==, "ev-0001");
  g_assert_cmpstr (record->email, ==, "Anna@Example.SE");
  g_assert_cmpstr (record->country, ==, "SE");
  g_assert_cmpstr (record->user_agent, ==, long_agent);
  g_assert_cmpuint (cl_consent_record_get_length (record, CL_CONSENT_FIELD_USER_AGENT), ==, 5000);

  cl_consent_record_ascii_down (record, CL_CONSENT_FIELD_EMAIL);
  g_assert_cmpstr (record->email, ==, "anna@example.se");
  g_assert_cmpstr (record->country, ==, "SE");

  cl_consent_record_set_string (record, CL_CONSENT_FIELD_EVENT_ID, "ev-0002-longer", -1);
  g_assert_cmpstr (record->event_id, ==, "ev-0002-longer");
  g_assert_cmpuint (cl_consent_record_get_length (record, CL_CONSENT_FIELD_EVENT_ID), ==, 14);
  g_assert_cmpstr (record->email, ==, "anna@example.se");
  /* A value taken from the record itself. */
  cl_consent_record_set_string (record, CL_CONSENT_FIELD_ACCOUNT, record->email, 4);
  g_assert_cmpstr (record->account, ==, "anna");

  cl_consent_record_reset (record);
  g_assert_null (record->event_id);
  g_assert_null (record->user_agent);
  g_assert_cmpuint (cl_consent_record_get_length (record, CL_CONSENT_FIELD_EMAIL), ==, 0);
  cl_consent_record_set_string (record, CL_CONSENT_FIELD_SUBJECT, "c-1", -1);
  g_assert_cmpstr (record->subject, ==, "c-1");
  g_assert_null (record->email);
}

static void
test_jsonl_blank_lines (void)
{
  g_autoptr(ClConsentReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *events = NULL;
  g_autofree char *data = g_strdup_printf ("\n\n  \t\r\n%s\r\n\n%s", good_event, good_event);

  reader = reader_for_data ("blank.jsonl", data, -1, 0);
  events = read_all (reader, &error);
  g_assert_no_error (error);
  /* Line numbers count the blank lines; the last line needs no line break. */
  g_assert_true (g_str_has_prefix (events, "4: {"));
  g_assert_nonnull (strstr (events, "\n6: {"));

  g_clear_pointer (&reader, cl_consent_reader_free);
  g_clear_pointer (&events, g_free);
  reader = reader_for_data ("empty.jsonl", "", -1, 0);
  events = read_all (reader, &error);
  g_assert_cmpstr (events, ==, "");
}

static void
test_jsonl_bom (void)
{
  g_autofree char *data = g_strdup_printf ("\xEF\xBB\xBF%s\n", good_event);
  g_autoptr(ClConsentReader) reader = reader_for_data ("bom.jsonl", data, -1, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *events = read_all (reader, &error);

  g_assert_no_error (error);
  assert_prefix (events, "1: {\"event_id\":\"ev-1\"");
}

/* The progress accessor grows to the file's size. */
static void
test_progress (void)
{
  g_autoptr(GString) data = g_string_new (NULL);
  g_autoptr(ClConsentReader) reader = NULL;
  g_autoptr(ClConsentRecord) record = cl_consent_record_new ();
  g_autoptr(GError) error = NULL;
  guint64 last = 0;
  guint n = 0, n_moves = 0;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (data, "%s\n", good_event);
  reader = reader_for_data ("p.jsonl", data->str, (gssize) data->len, 0);
  g_assert_cmpuint (cl_consent_reader_get_bytes_read (reader), ==, 0);
  while (cl_consent_reader_next (reader, record, &error))
    {
      guint64 now = cl_consent_reader_get_bytes_read (reader);

      g_assert_cmpuint (now, >=, last);
      n_moves += now > last;
      last = now;
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 10000);
  g_assert_cmpuint (last, ==, data->len);
  g_assert_cmpuint (n_moves, >, 1);
}

/* Bad JSON Lines, one test per kind */

static void
test_jsonl_bad_json (void)
{
  assert_jsonl_error ("{\"subject\":\"c\",", "not valid JSON at column");
  assert_jsonl_error ("{subject:1}", "not valid JSON");
  assert_jsonl_error ("{\"subject\":\"c\"}}", "not valid JSON");
}

static void
test_jsonl_bad_two_values (void)
{
  g_autofree char *two = g_strdup_printf ("%s %s", good_event, good_event);

  assert_jsonl_error (two, "more than one JSON value on the line");
}

static void
test_jsonl_bad_not_object (void)
{
  assert_jsonl_error ("[1,2]", "[1,2]: expected one consent event as a JSON object");
  assert_jsonl_error ("\"text\"", "\"text\": expected one consent event");
  assert_jsonl_error ("42", "42: expected one consent event");
  assert_jsonl_error ("null", "null: expected one consent event");
}

static void
test_jsonl_missing_fields (void)
{
  assert_jsonl_error ("{\"recorded_at\":\"2026-03-01T12:00:00Z\",\"method\":\"custom\"}",
                      "subject: missing");
  assert_jsonl_error ("{\"subject\":\"c\",\"method\":\"custom\"}", "recorded_at: missing");
  assert_jsonl_error ("{\"subject\":\"c\",\"recorded_at\":\"2026-03-01T12:00:00Z\"}",
                      "method: missing");
  assert_jsonl_error ("{}", "subject: missing");
  assert_jsonl_error ("{\"subject\":\"\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                      "\"method\":\"custom\"}", "subject: \"\": expected the visitor's consent id");
}

static void
test_jsonl_bad_method (void)
{
  assert_jsonl_error ("{\"subject\":\"c\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                      "\"method\":\"accept\"}",
                      "method: \"accept\": expected accept_all, reject_all, custom, withdraw or gpc");
  assert_jsonl_error ("{\"subject\":\"c\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                      "\"method\":\"Accept_All\"}", "method: \"Accept_All\": expected");
  assert_jsonl_error ("{\"subject\":\"c\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                      "\"method\":2}", "method: 2: expected accept_all");
}

static void
test_jsonl_bad_purpose_key (void)
{
  assert_jsonl_error ("{\"subject\":\"c\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                      "\"method\":\"custom\",\"decisions\":{\"marketing\":true}}",
                      "decisions: \"marketing\": unknown purpose key; expected one of network, "
                      "functional, measurement, personalization, advertising");
}

static void
test_jsonl_bad_boolean (void)
{
  assert_jsonl_error ("{\"subject\":\"c\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                      "\"method\":\"custom\",\"decisions\":{\"measurement\":\"yes\"}}",
                      "decisions.measurement: \"yes\": expected true (granted), false (denied) "
                      "or null (not asked)");
  assert_jsonl_error ("{\"subject\":\"c\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                      "\"method\":\"custom\",\"decisions\":{\"measurement\":1}}",
                      "decisions.measurement: 1: expected true");
  assert_jsonl_error ("{\"subject\":\"c\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                      "\"method\":\"custom\",\"gpc\":\"false\"}",
                      "gpc: \"false\": expected true, false or null");
  assert_jsonl_error ("{\"subject\":\"c\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                      "\"method\":\"custom\",\"vendors\":{\"755\":0}}",
                      "vendors.755: 0: expected true");
}

static void
test_jsonl_bad_timestamp (void)
{
  g_autofree char *data = jsonl_with_bad_line (16, "{\"subject\":\"c\",\"recorded_at\":"
                                                   "\"2026-13-01\",\"method\":\"custom\"}");

  /* The example of the issue, to the letter. */
  assert_error ("log.jsonl", data,
                "log.jsonl:17: recorded_at: \"2026-13-01\": not an RFC 3339 timestamp");
  assert_jsonl_error ("{\"subject\":\"c\",\"recorded_at\":\"2026-02-29T12:00:00Z\","
                      "\"method\":\"custom\"}", "recorded_at: \"2026-02-29T12:00:00Z\": not an RFC 3339");
  assert_jsonl_error ("{\"subject\":\"c\",\"recorded_at\":\"2026-03-01 12:00:00\","
                      "\"method\":\"custom\"}", "recorded_at: \"2026-03-01 12:00:00\": not an RFC 3339");
  assert_jsonl_error ("{\"subject\":\"c\",\"recorded_at\":1772366400,\"method\":\"custom\"}",
                      "recorded_at: 1772366400: expected an RFC 3339 timestamp as a string");
}

static void
test_jsonl_bad_utf8 (void)
{
  assert_jsonl_error ("{\"subject\":\"Bj\xf6rk\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                      "\"method\":\"custom\"}",
                      "the line is not valid UTF-8 text (at byte 15)");
}

/* An escaped NUL would cut the text short in the ledger: "c\u0000-evil" must not become "c". */
static void
test_jsonl_escaped_nul (void)
{
  assert_jsonl_error ("{\"subject\":\"c\\u0000-evil\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                      "\"method\":\"custom\"}",
                      "subject: not valid text: it holds a NUL character");
  assert_jsonl_error ("{\"subject\":\"c\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                      "\"method\":\"custom\",\"identifiers\":{\"email\":\"a\\u0000@b\"}}",
                      "identifiers.email: not valid text: it holds a NUL character");
}

/* Found by fuzzing: json-glib turns a lone surrogate escape into bytes that are not UTF-8. */
static void
test_jsonl_bad_surrogate (void)
{
  assert_jsonl_error ("{\"subject\":\"\\udd38x\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                      "\"method\":\"custom\"}",
                      "subject: not valid text: a \\u escape in it is half of a surrogate pair");
  assert_jsonl_error ("{\"subject\":\"c\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                      "\"method\":\"custom\",\"context\":{\"user_agent\":\"a\\udc00b\"}}",
                      "context.user_agent: not valid text");
  /* A proper pair is an emoji, and fine. */
  {
    g_autoptr(ClConsentReader) reader =
      reader_for_data ("ok.jsonl", "{\"subject\":\"\\ud83d\\ude00\",\"recorded_at\":"
                       "\"2026-03-01T12:00:00Z\",\"method\":\"custom\"}\n", -1, 0);
    g_autoptr(ClConsentRecord) record = cl_consent_record_new ();
    g_autoptr(GError) error = NULL;

    g_assert_true (cl_consent_reader_next (reader, record, &error));
    g_assert_cmpstr (record->subject, ==, "😀");
  }
  /* Messages stay text even when they quote a bad field name. */
  {
    g_autofree char *message = error_of ("log.jsonl", "{\"\\udd38\":1}\n", -1);

    g_assert_true (g_utf8_validate (message, -1, NULL));
  }
}

static void
test_jsonl_bad_nul (void)
{
  const char data[] = "{\"subject\":\"a\0b\"}\n";
  g_autofree char *message = error_of ("log.jsonl", data, sizeof data - 1);

  assert_prefix (message, "log.jsonl:1: the line contains a NUL byte");
}

static void
test_jsonl_line_too_long (void)
{
  g_autoptr(GString) data = g_string_new (NULL);
  g_autofree char *message = NULL;

  g_string_append_printf (data, "%s\n%s\n{\"subject\":\"", good_event, good_event);
  for (guint i = 0; i < CL_CONSENT_MAX_LINE; i++)
    g_string_append_c (data, 'x');
  g_string_append (data, "\"}\n");
  message = error_of ("log.jsonl", data->str, (gssize) data->len);
  assert_prefix (message, "log.jsonl:3: the line is longer than 1 MiB");
}

static void
test_jsonl_bad_types (void)
{
  static const struct { const char *member; const char *expected; } cases[] = {
    { "\"subject\":42", "subject: 42: expected the consent id as a string" },
    { "\"subject\":null", "subject: null: expected the consent id as a string" },
    { "\"subject\":{\"id\":1}", "subject: {\"id\":1}: expected the consent id as a string" },
    { "\"event_id\":7", "event_id: 7: expected a string" },
    { "\"policy_version\":3.1", "policy_version: 3.1" },
    { "\"decisions\":[true]", "decisions: [true]: expected a JSON object" },
    { "\"vendors\":\"755\"", "vendors: \"755\": expected a JSON object" },
    { "\"tc_string\":false", "tc_string: false: expected a string" },
    { "\"identifiers\":\"anna@example.se\"", "identifiers: \"anna@example.se\": expected a JSON object" },
    { "\"identifiers\":{\"email\":1}", "identifiers.email: 1: expected a string" },
    { "\"identifiers\":{\"account\":[]}", "identifiers.account: []: expected a string" },
    { "\"context\":[]", "context: []: expected a JSON object" },
    { "\"context\":{\"url\":true}", "context.url: true: expected a string" },
    { "\"context\":{\"country\":46}", "context.country: 46: expected a string" },
    { "\"context\":{\"ip\":{}}", "context.ip: {}: expected a string" },
    { "\"context\":{\"user_agent\":0}", "context.user_agent: 0: expected a string" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *line = g_strdup_printf ("{\"subject\":\"c\",\"recorded_at\":"
                                               "\"2026-03-01T12:00:00Z\",\"method\":\"custom\","
                                               "%s}", cases[i].member);

      /* a later member of the same name wins in JSON objects; subject is repeated on purpose */
      assert_jsonl_error (line, cases[i].expected);
    }
}

static void
test_jsonl_bad_vendor_keys (void)
{
  static const char * const keys[] = { "0", "-1", "abc", "1.5", "007", "65536", " 7", "" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *line = g_strdup_printf ("{\"subject\":\"c\",\"recorded_at\":"
                                               "\"2026-03-01T12:00:00Z\",\"method\":\"custom\","
                                               "\"vendors\":{\"%s\":true}}", keys[i]);
      g_autofree char *expected = g_strdup_printf ("vendors: \"%s\": expected a Global Vendor "
                                                   "List id (an integer from 1 to 65535)", keys[i]);

      assert_jsonl_error (line, expected);
    }
}

static void
test_jsonl_unknown_field (void)
{
  const char *line = "{\"subject\":\"c\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                     "\"method\":\"custom\",\"colour\":\"blue\",\"context\":{\"city\":\"Sandviken\"}}";
  g_autofree char *data = g_strdup_printf ("%s\n", line);
  g_autoptr(ClConsentReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *events = NULL;

  assert_jsonl_error (line, "colour: unknown field; expected event_id, subject");
  assert_jsonl_error ("{\"subject\":\"c\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                      "\"method\":\"custom\",\"identifiers\":{\"phone\":\"1\"}}",
                      "identifiers.phone: unknown field; expected email or account");
  assert_jsonl_error ("{\"subject\":\"c\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                      "\"method\":\"custom\",\"context\":{\"city\":\"Sandviken\"}}",
                      "context.city: unknown field");

  reader = reader_for_data ("log.jsonl", data, -1, CL_CONSENT_READER_IGNORE_UNKNOWN_COLUMNS);
  events = read_all (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (events, ==, "1: {\"subject\":\"c\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                               "\"method\":\"custom\",\"decisions\":{},\"gpc\":false}\n");
}

/* Values in messages are quoted, escaped and shortened. */
static void
test_jsonl_long_value_shortened (void)
{
  g_autoptr(GString) line = g_string_new ("{\"subject\":\"c\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                                          "\"method\":\"");
  g_autofree char *data = NULL;
  g_autofree char *message = NULL;

  for (guint i = 0; i < 500; i++)
    g_string_append (line, "å");
  g_string_append (line, "\\n\"}");
  data = jsonl_with_bad_line (0, line->str);
  message = error_of ("log.jsonl", data, -1);
  assert_prefix (message, "log.jsonl:1: method: \"ååå");
  g_assert_nonnull (strstr (message, "å…\": expected accept_all"));
  g_assert_cmpuint (strlen (message), <, 200);
  g_assert_true (g_utf8_validate (message, -1, NULL));

  assert_jsonl_error ("{\"subject\":\"c\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                      "\"method\":\"a\\\"b\\\\c\\u0001\"}",
                      "method: \"a\\\"b\\\\c\\x01\": expected");
}

/* Bad CSV, one test per kind */

static void
test_csv_bad_quoting (void)
{
  assert_csv_row_error ("ev-2,\"c-2,2026-03-01T12:00:00Z,3.1,custom,1,0,,,false,,,,,,",
                        "a quoted field starts here and is never closed");
  assert_csv_row_error ("ev-2,c\"2,2026-03-01T12:00:00Z,3.1,custom,1,0,,,false,,,,,,",
                        "a double quote inside a field that does not start with one");
  assert_csv_row_error ("ev-2,\"c-2\"x,2026-03-01T12:00:00Z,3.1,custom,1,0,,,false,,,,,,",
                        "text after the closing double quote");
}

static void
test_csv_bad_utf8 (void)
{
  assert_csv_row_error ("ev-2,c-2,2026-03-01T12:00:00Z,3.1,custom,1,0,,,false,bj\xf6rk@example.se,,,,,",
                        "field 11 is not valid UTF-8 text");
}

static void
test_csv_record_too_long (void)
{
  g_autoptr(GString) data = g_string_new (CSV_HEADER CSV_GOOD_ROW "ev-2,c-2,2026-03-01T12:00:00Z,"
                                          "3.1,custom,1,0,,,false,,,,,,\"");
  g_autofree char *message = NULL;

  for (guint i = 0; i < CL_CONSENT_MAX_LINE; i++)
    g_string_append_c (data, 'x');
  g_string_append (data, "\"\r\n");
  message = error_of ("log.csv", data->str, (gssize) data->len);
  assert_prefix (message, "log.csv:3: the record is longer than 1 MiB");
}

static void
test_csv_missing_column (void)
{
  assert_error ("log.csv", "recorded_at,method\n2026-03-01T12:00:00Z,custom\n",
                "log.csv:1: subject: missing column; the header must name at least the columns "
                "subject, recorded_at and method");
  assert_error ("log.csv", "subject,method\nc,custom\n", "log.csv:1: recorded_at: missing column");
  assert_error ("log.csv", "\n\nsubject,recorded_at\nc,2026-03-01T12:00:00Z\n",
                "log.csv:3: method: missing column");
}

static void
test_csv_unknown_column (void)
{
  const char *data = "subject,recorded_at,method,colour,marketing\n"
                     "c,2026-03-01T12:00:00Z,custom,blue,yes\n";
  g_autoptr(ClConsentReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *events = NULL;

  assert_error ("log.csv", data,
                "log.csv:1: header: \"colour\": unknown column; expected event_id, subject, "
                "recorded_at, policy_version, method, a purpose key (network, functional, "
                "measurement, personalization, advertising), tc_string, gpc, email, account, "
                "url, country, ip or user_agent");

  reader = reader_for_data ("log.csv", data, -1, CL_CONSENT_READER_IGNORE_UNKNOWN_COLUMNS);
  events = read_all (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (events, ==, "2: {\"subject\":\"c\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                               "\"method\":\"custom\",\"decisions\":{},\"gpc\":false}\n");
}

/* Header names are matched without regard to case or surrounding spaces. */
static void
test_csv_header_names (void)
{
  const char *data = " Subject ,RECORDED_AT,Method,Advertising\nc,2026-03-01T12:00:00Z,custom,no\n";
  g_autoptr(ClConsentReader) reader = reader_for_data ("log.csv", data, -1, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *events = read_all (reader, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (events, ==, "2: {\"subject\":\"c\",\"recorded_at\":\"2026-03-01T12:00:00Z\","
                               "\"method\":\"custom\",\"decisions\":{\"advertising\":false},"
                               "\"gpc\":false}\n");
}

static void
test_csv_duplicate_column (void)
{
  assert_error ("log.csv", "subject,recorded_at,method,Subject\n",
                "log.csv:1: header: \"Subject\": this column appears twice");
  assert_error ("log.csv", "subject,recorded_at,method,advertising,advertising\n",
                "log.csv:1: header: \"advertising\": this column appears twice");
}

static void
test_csv_missing_values (void)
{
  assert_csv_row_error ("ev-2,,2026-03-01T12:00:00Z,3.1,custom,1,0,,,false,,,,,,",
                        "subject: missing; every event needs the visitor's consent id");
  assert_csv_row_error ("ev-2,c-2,,3.1,custom,1,0,,,false,,,,,,", "recorded_at: missing");
  assert_csv_row_error ("ev-2,c-2,2026-03-01T12:00:00Z,3.1,,1,0,,,false,,,,,,", "method: missing");
}

static void
test_csv_bad_boolean (void)
{
  assert_csv_row_error ("ev-2,c-2,2026-03-01T12:00:00Z,3.1,custom,maybe,0,,,false,,,,,,",
                        "measurement: \"maybe\": expected 1/0, true/false, yes/no or "
                        "granted/denied (empty: not asked)");
  assert_csv_row_error ("ev-2,c-2,2026-03-01T12:00:00Z,3.1,custom,1, no,,,false,,,,,,",
                        "personalization: \" no\": expected 1/0");
  assert_csv_row_error ("ev-2,c-2,2026-03-01T12:00:00Z,3.1,custom,1,0,2,,false,,,,,,",
                        "advertising: \"2\": expected 1/0");
  assert_csv_row_error ("ev-2,c-2,2026-03-01T12:00:00Z,3.1,custom,1,0,,,on,,,,,,",
                        "gpc: \"on\": expected 1/0, true/false or yes/no");
}

static void
test_csv_bad_timestamp (void)
{
  assert_csv_row_error ("ev-2,c-2,2026-13-01,3.1,custom,1,0,,,false,,,,,,",
                        "recorded_at: \"2026-13-01\": not an RFC 3339 timestamp");
  assert_csv_row_error ("ev-2,c-2,01/03/2026 12:00,3.1,custom,1,0,,,false,,,,,,",
                        "recorded_at: \"01/03/2026 12:00\": not an RFC 3339 timestamp");
}

static void
test_csv_bad_method (void)
{
  assert_csv_row_error ("ev-2,c-2,2026-03-01T12:00:00Z,3.1,opt-out,1,0,,,false,,,,,,",
                        "method: \"opt-out\": expected accept_all, reject_all, custom, withdraw or gpc");
}

static void
test_csv_bad_field_count (void)
{
  assert_csv_row_error ("ev-2,c-2,2026-03-01T12:00:00Z,3.1,custom",
                        "the row has 5 fields but the header has 16");
  assert_csv_row_error ("ev-2,c-2,2026-03-01T12:00:00Z,3.1,custom,1,0,,,false,,,,,,,extra",
                        "the row has 17 fields but the header has 16");
}

static void
test_csv_empty_file (void)
{
  assert_error ("log.csv", "", "log.csv:1: the file is empty; a CSV consent log starts with a header row");
  assert_error ("log.csv", "\xEF\xBB\xBF\r\n\r\n", "log.csv:1: the file is empty");

  /* A header and nothing else is a log without events. */
  {
    g_autoptr(ClConsentReader) reader = reader_for_data ("log.csv", CSV_HEADER, -1, 0);
    g_autoptr(GError) error = NULL;
    g_autofree char *events = read_all (reader, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (events, ==, "");
  }
}

/* The CSV writer of records and the reader agree. */
static void
test_csv_writer_round_trip (void)
{
  g_autofree char *path = cl_test_data_path ("consents/good.jsonl");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClConsentReader) reader = cl_consent_reader_new_for_path (path, purposes, 0, &error);
  g_autoptr(ClConsentReader) again = NULL;
  g_autoptr(ClConsentRecord) record = cl_consent_record_new ();
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GString) jsonl = g_string_new (NULL);
  g_autoptr(GString) jsonl_again = g_string_new (NULL);

  cl_consent_csv_append_header (csv, purposes);
  while (cl_consent_reader_next (reader, record, &error))
    {
      g_array_set_size (record->vendors, 0);  /* the CSV format has no vendor column */
      cl_consent_record_append_csv (record, purposes, csv);
      cl_consent_record_append_jsonl (record, jsonl);
    }
  g_assert_no_error (error);

  again = reader_for_data ("again.csv", csv->str, (gssize) csv->len, 0);
  while (cl_consent_reader_next (again, record, &error))
    cl_consent_record_append_jsonl (record, jsonl_again);
  g_assert_no_error (error);

  /* Decisions come back in column order rather than file order; compare per event. */
  {
    g_auto(GStrv) a = g_strsplit (jsonl->str, "\n", -1);
    g_auto(GStrv) b = g_strsplit (jsonl_again->str, "\n", -1);

    g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
    g_assert_cmpstr (a[0], ==, b[0]);
    g_assert_cmpstr (a[1], ==, b[1]);
    g_assert_cmpstr (a[2], ==, b[2]);
  }
}

static void
test_methods (void)
{
  static const char * const names[] = { "accept_all", "reject_all", "custom", "withdraw", "gpc" };
  ClConsentMethod method;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (cl_consent_method_to_string ((ClConsentMethod) i), ==, names[i]);
      g_assert_true (cl_consent_method_from_string (names[i], &method));
      g_assert_cmpint (method, ==, i);
    }
  /* The numbers are stored in ledgers. */
  g_assert_cmpint (CL_CONSENT_METHOD_ACCEPT_ALL, ==, 0);
  g_assert_cmpint (CL_CONSENT_METHOD_REJECT_ALL, ==, 1);
  g_assert_cmpint (CL_CONSENT_METHOD_CUSTOM, ==, 2);
  g_assert_cmpint (CL_CONSENT_METHOD_WITHDRAW, ==, 3);
  g_assert_cmpint (CL_CONSENT_METHOD_GPC, ==, 4);
  g_assert_false (cl_consent_method_from_string ("ACCEPT_ALL", &method));
  g_assert_false (cl_consent_method_from_string ("", &method));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ledger/consent-reader/methods", test_methods);
  g_test_add_func ("/ledger/consent-reader/jsonl-good", test_jsonl_good);
  g_test_add_func ("/ledger/consent-reader/jsonl-record-fields", test_jsonl_record_fields);
  g_test_add_func ("/ledger/consent-reader/record-shared-text", test_record_shared_text);
  g_test_add_func ("/ledger/consent-reader/jsonl-blank-lines", test_jsonl_blank_lines);
  g_test_add_func ("/ledger/consent-reader/jsonl-bom", test_jsonl_bom);
  g_test_add_func ("/ledger/consent-reader/csv-good", test_csv_good);
  g_test_add_func ("/ledger/consent-reader/csv-purpose-spellings", test_csv_purpose_spellings);
  g_test_add_func ("/ledger/consent-reader/csv-header-names", test_csv_header_names);
  g_test_add_func ("/ledger/consent-reader/csv-writer-round-trip", test_csv_writer_round_trip);
  g_test_add_func ("/ledger/consent-reader/custom-purposes", test_custom_purposes);
  g_test_add_func ("/ledger/consent-reader/format-by-extension", test_format_by_extension);
  g_test_add_func ("/ledger/consent-reader/progress", test_progress);

  g_test_add_func ("/ledger/consent-reader/jsonl-bad-json", test_jsonl_bad_json);
  g_test_add_func ("/ledger/consent-reader/jsonl-bad-two-values", test_jsonl_bad_two_values);
  g_test_add_func ("/ledger/consent-reader/jsonl-bad-not-object", test_jsonl_bad_not_object);
  g_test_add_func ("/ledger/consent-reader/jsonl-missing-fields", test_jsonl_missing_fields);
  g_test_add_func ("/ledger/consent-reader/jsonl-bad-method", test_jsonl_bad_method);
  g_test_add_func ("/ledger/consent-reader/jsonl-bad-purpose-key", test_jsonl_bad_purpose_key);
  g_test_add_func ("/ledger/consent-reader/jsonl-bad-boolean", test_jsonl_bad_boolean);
  g_test_add_func ("/ledger/consent-reader/jsonl-bad-timestamp", test_jsonl_bad_timestamp);
  g_test_add_func ("/ledger/consent-reader/jsonl-bad-utf8", test_jsonl_bad_utf8);
  g_test_add_func ("/ledger/consent-reader/jsonl-bad-nul", test_jsonl_bad_nul);
  g_test_add_func ("/ledger/consent-reader/jsonl-bad-surrogate", test_jsonl_bad_surrogate);
  g_test_add_func ("/ledger/consent-reader/jsonl-escaped-nul", test_jsonl_escaped_nul);
  g_test_add_func ("/ledger/consent-reader/jsonl-line-too-long", test_jsonl_line_too_long);
  g_test_add_func ("/ledger/consent-reader/jsonl-bad-types", test_jsonl_bad_types);
  g_test_add_func ("/ledger/consent-reader/jsonl-bad-vendor-keys", test_jsonl_bad_vendor_keys);
  g_test_add_func ("/ledger/consent-reader/jsonl-unknown-field", test_jsonl_unknown_field);
  g_test_add_func ("/ledger/consent-reader/jsonl-long-value-shortened", test_jsonl_long_value_shortened);

  g_test_add_func ("/ledger/consent-reader/csv-bad-quoting", test_csv_bad_quoting);
  g_test_add_func ("/ledger/consent-reader/csv-bad-utf8", test_csv_bad_utf8);
  g_test_add_func ("/ledger/consent-reader/csv-record-too-long", test_csv_record_too_long);
  g_test_add_func ("/ledger/consent-reader/csv-missing-column", test_csv_missing_column);
  g_test_add_func ("/ledger/consent-reader/csv-unknown-column", test_csv_unknown_column);
  g_test_add_func ("/ledger/consent-reader/csv-duplicate-column", test_csv_duplicate_column);
  g_test_add_func ("/ledger/consent-reader/csv-missing-values", test_csv_missing_values);
  g_test_add_func ("/ledger/consent-reader/csv-bad-boolean", test_csv_bad_boolean);
  g_test_add_func ("/ledger/consent-reader/csv-bad-timestamp", test_csv_bad_timestamp);
  g_test_add_func ("/ledger/consent-reader/csv-bad-method", test_csv_bad_method);
  g_test_add_func ("/ledger/consent-reader/csv-bad-field-count", test_csv_bad_field_count);
  g_test_add_func ("/ledger/consent-reader/csv-empty-file", test_csv_empty_file);

  return g_test_run ();
}
