/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-report-pdf.h: the subject-access report drawn as an A4 PDF with cairo and Pango. Kept apart
 * from the core library, which needs neither. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* n_pages (nullable) receives the number of pages drawn. */
GBytes *cl_report_render_pdf (JsonObject  *report,
                              guint       *n_pages,
                              GError     **error);

G_END_DECLS
