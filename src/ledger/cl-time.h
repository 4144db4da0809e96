/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-time.h: strict RFC 3339 timestamps and ISO dates, fast enough for a million-line import. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longest text cl_time_format_rfc3339_buf() writes, with its NUL ("-123456-01-01T00:00:00.000Z"). */
#define CL_TIME_RFC3339_BUF_SIZE 40

gboolean  cl_time_parse_rfc3339      (const char *text,
                                      gint64     *out_ms);
char     *cl_time_format_rfc3339     (gint64      ms);
gsize     cl_time_format_rfc3339_buf (gint64      ms,
                                      char        buf[CL_TIME_RFC3339_BUF_SIZE]);
gboolean  cl_time_parse_date         (const char *text,
                                      GDate      *out);

/* Days since 1970-01-01 of a proleptic Gregorian date, and back; no validation. */
gint64    cl_time_days_from_civil    (gint64      year,
                                      guint       month,
                                      guint       day);
void      cl_time_civil_from_days    (gint64      days,
                                      gint64     *year,
                                      guint      *month,
                                      guint      *day);

G_END_DECLS
