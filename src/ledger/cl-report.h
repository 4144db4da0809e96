/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-report.h: the subject-access report (GDPR Art. 15): one model, three renderers.
 *
 * The model is the JSON document itself (BRIEF §3, issue 6): the HTML and PDF renderers walk
 * the same object, so the three formats can never say different things. */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

typedef enum
{
  CL_REPORT_FORMAT_JSON,
  CL_REPORT_FORMAT_HTML,
  CL_REPORT_FORMAT_PDF,
} ClReportFormat;

gboolean    cl_report_format_from_string (const char     *text,
                                          ClReportFormat *format);
/* "json", "html" or "pdf": also the format recorded with the file on the request. */
const char *cl_report_format_to_string   (ClReportFormat  format);

/* Renders a report model (the object cl_report_build returns) to bytes; the PDF is in
 * cl-report-pdf.h, the whole of it (build, render, write, record) in cl-report-file.h. */
GBytes     *cl_report_render_json        (JsonObject     *report);
GBytes     *cl_report_render_html        (JsonObject     *report);

G_END_DECLS
