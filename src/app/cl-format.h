/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-format.h: numbers and dates as the window shows them. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Grouped by thousands: the locale's separator, or a narrow no-break space when the locale
 * has none (the C locale), since "1000000" is hard to read at a glance. */
char *cl_format_count (guint64 value);

/* "1 Mar 2026" of a Unix-millisecond time, UTC. */
char *cl_format_date  (gint64  ms);

G_END_DECLS
