/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-report-pdf.h: the subject-access report drawn as PDF with cairo and Pango. Kept apart from
 * the core library, which needs neither. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

GBytes *cl_report_render_pdf (JsonObject  *report,
                              GError     **error);

G_END_DECLS
