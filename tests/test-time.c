/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-time.c: strict RFC 3339 parsing and formatting, and YYYY-MM-DD dates. */
#include "config.h"

#include <string.h>

#include "cl-time.h"

static void
test_parse_valid (void)
{
  static const struct { const char *text; gint64 ms; } cases[] = {
    { "1970-01-01T00:00:00Z", 0 },
    { "1970-01-01T00:00:00.001Z", 1 },
    { "1969-12-31T23:59:59.999Z", -1 },
    { "2026-03-01T12:00:00Z", G_GINT64_CONSTANT (1772366400000) },
    { "2026-03-01t12:00:00z", G_GINT64_CONSTANT (1772366400000) },
    { "2026-03-01T13:00:00+01:00", G_GINT64_CONSTANT (1772366400000) },
    { "2026-03-01T06:30:00-05:30", G_GINT64_CONSTANT (1772366400000) },
    { "2026-03-01T12:00:00-00:00", G_GINT64_CONSTANT (1772366400000) },
    { "2026-03-01T12:00:00.5Z", G_GINT64_CONSTANT (1772366400500) },
    { "2026-03-01T12:00:00.25Z", G_GINT64_CONSTANT (1772366400250) },
    { "2026-03-01T12:00:00.123456789Z", G_GINT64_CONSTANT (1772366400123) },  /* truncated */
    { "2024-02-29T00:00:00Z", G_GINT64_CONSTANT (1709164800000) },           /* leap year */
    { "2000-02-29T00:00:00Z", G_GINT64_CONSTANT (951782400000) },            /* 400-year rule */
    { "2026-12-31T23:59:59Z", G_GINT64_CONSTANT (1798761599000) },
    { "0000-01-01T00:00:00Z", G_GINT64_CONSTANT (-62167219200000) },
    { "9999-12-31T23:59:59.999Z", G_GINT64_CONSTANT (253402300799999) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 ms = 42;

      g_test_message ("%s", cases[i].text);
      g_assert_true (cl_time_parse_rfc3339 (cases[i].text, &ms));
      g_assert_cmpint (ms, ==, cases[i].ms);
    }
}

static void
test_parse_invalid (void)
{
  static const char * const cases[] = {
    "",
    "2026-03-01",                    /* a date is not a timestamp */
    "2026-03-01T12:00:00",           /* no offset: local time is ambiguous */
    "2026-03-01 12:00:00Z",          /* space instead of T */
    "2026-03-01T12:00Z",             /* no seconds */
    "2026-3-01T12:00:00Z",
    "2026-03-1T12:00:00Z",
    "26-03-01T12:00:00Z",
    "2026-13-01T12:00:00Z",          /* month 13 */
    "2026-00-01T12:00:00Z",
    "2026-02-29T12:00:00Z",          /* not a leap year */
    "1900-02-29T12:00:00Z",          /* century, not a leap year */
    "2026-04-31T12:00:00Z",
    "2026-03-00T12:00:00Z",
    "2026-03-32T12:00:00Z",
    "2026-03-01T24:00:00Z",
    "2026-03-01T12:60:00Z",
    "2026-03-01T12:00:60Z",          /* leap seconds do not fit Unix time */
    "2026-03-01T12:00:00.Z",         /* a dot without digits */
    "2026-03-01T12:00:00,5Z",
    "2026-03-01T12:00:00+0100",
    "2026-03-01T12:00:00+01",
    "2026-03-01T12:00:00+24:00",
    "2026-03-01T12:00:00+01:60",
    "2026-03-01T12:00:00 Z",
    "2026-03-01T12:00:00Z ",         /* trailing text */
    " 2026-03-01T12:00:00Z",
    "2026-03-01T12:00:00ZZ",
    "2026-03-01T12:00:00UTC",
    "+2026-03-01T12:00:00Z",
    "２０２６-03-01T12:00:00Z",     /* full-width digits */
    "1772366400",
    "2026-03-01T12:00:00.5x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 ms = 42;

      g_test_message ("%s", cases[i]);
      g_assert_false (cl_time_parse_rfc3339 (cases[i], &ms));
    }
}

static void
test_format (void)
{
  static const struct { gint64 ms; const char *text; } cases[] = {
    { 0, "1970-01-01T00:00:00Z" },
    { 1, "1970-01-01T00:00:00.001Z" },
    { -1, "1969-12-31T23:59:59.999Z" },
    { G_GINT64_CONSTANT (1772366400000), "2026-03-01T12:00:00Z" },
    { G_GINT64_CONSTANT (1772366400500), "2026-03-01T12:00:00.500Z" },
    { G_GINT64_CONSTANT (1709164800000), "2024-02-29T00:00:00Z" },
    { G_GINT64_CONSTANT (253402300799999), "9999-12-31T23:59:59.999Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cl_time_format_rfc3339 (cases[i].ms);
      char buf[CL_TIME_RFC3339_BUF_SIZE];

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpuint (cl_time_format_rfc3339_buf (cases[i].ms, buf), ==, strlen (cases[i].text));
      g_assert_cmpstr (buf, ==, cases[i].text);
    }
}

/* Every millisecond pattern over four centuries survives a round trip, and agrees with
 * GDateTime (which the hot path avoids, but is a good witness). */
static void
test_round_trip (void)
{
  guint64 state = 12345;

  for (guint i = 0; i < 20000; i++)
    {
      gint64 ms, back = 0;
      g_autofree char *text = NULL;
      g_autoptr(GDateTime) dt = NULL;

      state = state * G_GUINT64_CONSTANT (6364136223846793005) + 1442695040888963407;
      ms = (gint64) (state >> 20) % G_GINT64_CONSTANT (12622780800000)
           - G_GINT64_CONSTANT (6311390400000);  /* 1770 to 2170 */

      text = cl_time_format_rfc3339 (ms);
      g_assert_true (cl_time_parse_rfc3339 (text, &back));
      g_assert_cmpint (back, ==, ms);

      dt = g_date_time_new_from_iso8601 (text, NULL);
      g_assert_nonnull (dt);
      g_assert_cmpint (g_date_time_to_unix (dt) * 1000 + g_date_time_get_microsecond (dt) / 1000,
                       ==, ms);
    }
}

static void
test_civil_days (void)
{
  for (gint64 days = -800000; days < 800000; days += 7)
    {
      gint64 year;
      guint month, day;

      cl_time_civil_from_days (days, &year, &month, &day);
      g_assert_cmpint (cl_time_days_from_civil (year, month, day), ==, days);
    }
}

static void
test_parse_date (void)
{
  static const char * const invalid[] = {
    "", "2026-02-29", "2026-13-01", "2026-1-01", "2026-01-01T00:00:00Z", "2026-01-01 ",
    "0000-01-01", "20260101", "2026/01/01",
  };
  GDate date;

  g_assert_true (cl_time_parse_date ("2026-03-02", &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2026);
  g_assert_cmpint (g_date_get_month (&date), ==, 3);
  g_assert_cmpint (g_date_get_day (&date), ==, 2);
  g_assert_true (cl_time_parse_date ("2024-02-29", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 29);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("%s", invalid[i]);
      g_assert_false (cl_time_parse_date (invalid[i], &date));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ledger/time/parse-valid", test_parse_valid);
  g_test_add_func ("/ledger/time/parse-invalid", test_parse_invalid);
  g_test_add_func ("/ledger/time/format", test_format);
  g_test_add_func ("/ledger/time/round-trip", test_round_trip);
  g_test_add_func ("/ledger/time/civil-days", test_civil_days);
  g_test_add_func ("/ledger/time/parse-date", test_parse_date);

  return g_test_run ();
}
