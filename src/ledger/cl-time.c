/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-time.c: strict RFC 3339 timestamps and ISO dates without GDateTime, because the import
 * parses one per line and GDateTime allocates and consults time zones. */
#include "config.h"

#include "cl-time.h"

#define MS_PER_DAY G_GINT64_CONSTANT (86400000)

static inline gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* Reads exactly @n digits; FALSE if any of them is not a digit. */
static inline gboolean
read_digits (const char *p,
             guint       n,
             guint      *out)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!is_digit (p[i]))
        return FALSE;
      v = v * 10 + (guint) (p[i] - '0');
    }

  *out = v;
  return TRUE;
}

static inline gboolean
is_leap_year (gint64 year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static inline guint
days_in_month (gint64 year,
               guint  month)
{
  static const guint8 days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_assert (month >= 1 && month <= 12);
  if (month == 2 && is_leap_year (year))
    return 29;
  return days[month - 1];
}

/* Howard Hinnant's days_from_civil: exact for the whole proleptic Gregorian calendar. */
gint64
cl_time_days_from_civil (gint64 year,
                         guint  month,
                         guint  day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 mp = (month + 9) % 12;
  gint64 doy = (153 * mp + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

void
cl_time_civil_from_days (gint64  days,
                         gint64 *year,
                         guint  *month,
                         guint  *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  guint d = (guint) (doy - (153 * mp + 2) / 5 + 1);
  guint m = (guint) (mp < 10 ? mp + 3 : mp - 9);

  *year = yoe + era * 400 + (m <= 2);
  *month = m;
  *day = d;
}

/* YYYY-MM-DD at @p, checked against the calendar. */
static gboolean
parse_full_date (const char *p,
                 guint      *year,
                 guint      *month,
                 guint      *day)
{
  if (!read_digits (p, 4, year) || p[4] != '-'
      || !read_digits (p + 5, 2, month) || p[7] != '-'
      || !read_digits (p + 8, 2, day))
    return FALSE;

  return *month >= 1 && *month <= 12 && *day >= 1 && *day <= days_in_month (*year, *month);
}

/**
 * cl_time_parse_rfc3339:
 * @text: e.g. `2026-03-01T12:00:00Z`, `2026-03-01T13:00:00.250+01:00`
 * @out_ms: (out): milliseconds since the Unix epoch
 *
 * Accepts exactly the RFC 3339 `date-time` production: a `T` (or `t`) between date and time,
 * an optional fraction of any length (truncated to milliseconds), and `Z`, `z` or `±HH:MM`.
 * Rejects impossible dates (2026-02-29), hour 24, and leap seconds (:60), which Unix time
 * cannot hold; and anything before or after the timestamp, including spaces.
 */
gboolean
cl_time_parse_rfc3339 (const char *text,
                       gint64     *out_ms)
{
  const char *p = text;
  guint year, month, day, hour, minute, second;
  guint ms = 0;
  gint64 offset_min = 0;
  gint64 days;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_ms != NULL, FALSE);

  if (!parse_full_date (p, &year, &month, &day))
    return FALSE;
  p += 10;

  if (*p != 'T' && *p != 't')
    return FALSE;
  p++;

  if (!read_digits (p, 2, &hour) || p[2] != ':'
      || !read_digits (p + 3, 2, &minute) || p[5] != ':'
      || !read_digits (p + 6, 2, &second))
    return FALSE;
  if (hour > 23 || minute > 59 || second > 59)
    return FALSE;
  p += 8;

  if (*p == '.')
    {
      guint n = 0;

      p++;
      if (!is_digit (*p))
        return FALSE;
      for (; is_digit (*p); p++, n++)
        if (n < 3)
          ms = ms * 10 + (guint) (*p - '0');
      for (; n < 3; n++)
        ms *= 10;
    }

  if (*p == 'Z' || *p == 'z')
    p++;
  else if (*p == '+' || *p == '-')
    {
      guint oh, om;

      if (!read_digits (p + 1, 2, &oh) || p[3] != ':' || !read_digits (p + 4, 2, &om))
        return FALSE;
      if (oh > 23 || om > 59)
        return FALSE;
      offset_min = (gint64) (oh * 60 + om);
      if (*p == '-')
        offset_min = -offset_min;
      p += 6;
    }
  else
    return FALSE;

  if (*p != '\0')
    return FALSE;

  days = cl_time_days_from_civil (year, month, day);
  *out_ms = days * MS_PER_DAY
            + ((gint64) hour * 3600 + minute * 60 + second - offset_min * 60) * 1000
            + ms;
  return TRUE;
}

static inline char *
put2 (char *p,
      guint v)
{
  p[0] = (char) ('0' + v / 10);
  p[1] = (char) ('0' + v % 10);
  return p + 2;
}

/**
 * cl_time_format_rfc3339_buf:
 * @ms: milliseconds since the Unix epoch
 * @buf: at least %CL_TIME_RFC3339_BUF_SIZE bytes
 *
 * Writes @ms in UTC as `YYYY-MM-DDTHH:MM:SS[.mmm]Z`, the fraction only when it is not zero,
 * without allocating (exports write one per event).
 *
 * Returns: the length written, without the NUL
 */
gsize
cl_time_format_rfc3339_buf (gint64 ms,
                            char   buf[CL_TIME_RFC3339_BUF_SIZE])
{
  gint64 days = ms / MS_PER_DAY;
  gint64 rem = ms % MS_PER_DAY;
  gint64 year;
  guint month, day, secs, frac;
  char *p = buf;

  if (rem < 0)
    {
      rem += MS_PER_DAY;
      days--;
    }
  cl_time_civil_from_days (days, &year, &month, &day);
  secs = (guint) (rem / 1000);
  frac = (guint) (rem % 1000);

  if (year >= 0 && year <= 9999)
    {
      guint y = (guint) year;

      p = put2 (p, y / 100);
      p = put2 (p, y % 100);
    }
  else
    p += g_snprintf (p, 16, "%" G_GINT64_FORMAT, year);  /* outside RFC 3339, but say it */

  *p++ = '-';
  p = put2 (p, month);
  *p++ = '-';
  p = put2 (p, day);
  *p++ = 'T';
  p = put2 (p, secs / 3600);
  *p++ = ':';
  p = put2 (p, secs / 60 % 60);
  *p++ = ':';
  p = put2 (p, secs % 60);
  if (frac != 0)
    {
      *p++ = '.';
      *p++ = (char) ('0' + frac / 100);
      *p++ = (char) ('0' + frac / 10 % 10);
      *p++ = (char) ('0' + frac % 10);
    }
  *p++ = 'Z';
  *p = '\0';

  return (gsize) (p - buf);
}

char *
cl_time_format_rfc3339 (gint64 ms)
{
  char buf[CL_TIME_RFC3339_BUF_SIZE];

  cl_time_format_rfc3339_buf (ms, buf);
  return g_strdup (buf);
}

/**
 * cl_time_parse_date:
 * @text: `YYYY-MM-DD`, nothing before or after
 * @out: (out): the date
 *
 * Returns: %FALSE unless @text is a real calendar date from year 1 to 9999
 */
gboolean
cl_time_parse_date (const char *text,
                    GDate      *out)
{
  guint year, month, day;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!parse_full_date (text, &year, &month, &day) || text[10] != '\0' || year == 0)
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}
