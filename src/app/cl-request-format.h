/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-request-format.h: how a request's clock reads on screen, shared by the register and the
 * detail pane so that both say the same thing: words, an icon and a style class, never colour
 * alone. */
#pragma once

#include <gtk/gtk.h>

#include "cl-request.h"

G_BEGIN_DECLS

/* "Overdue by 3 days", "Due today", "5 days left", "Paused", "Completed" … */
char       *cl_request_format_days_left  (ClRequest   *request);
/* The same in the register, shorter and number first: "9 days overdue", "26 days left". */
char       *cl_request_format_days_left_short (ClRequest *request);
/* The detail pane's clock line, also the register's tooltip: "Overdue by 3 days — due Monday
 * 6 October 2025", "Completed on 2025-10-01 14:03". */
char       *cl_request_format_clock_line (ClRequest   *request);
/* alarm-symbolic, dialog-warning-symbolic, media-playback-pause-symbolic, or NULL. */
const char *cl_request_format_clock_icon (ClRequest   *request);
/* "overdue", "due-soon" or NULL (the classes of ui/style.css). */
const char *cl_request_format_css_class  (ClRequest   *request);
/* Replaces the urgency classes of widget by the request's. */
void        cl_request_format_apply_css  (GtkWidget   *widget,
                                          ClRequest   *request);
/* "Monday 6 October 2025", in the user's language. */
char       *cl_request_format_long_date  (const GDate *date);
/* A date in the register: "6 Oct" this year, "6 Oct 2025" another year. */
char       *cl_request_format_short_date (const GDate *date);
/* A timestamp of the ledger (ISO 8601, UTC) in local time: "2025-09-10 14:03". */
char       *cl_request_format_timestamp  (const char  *iso8601);

G_END_DECLS
