/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-report-pages.h: the subject-access report laid out on pages with Pango, drawn with cairo:
 * the same pages for the PDF file and for the window's print operation. */
#pragma once

#include <cairo.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _ClReportPages ClReportPages;

/* Lays report out on pages of width × height points (margins included); NULL for a paper too
 * small for the margins. cr is the context the pages will be drawn on, or one like it: text is
 * measured with its font options. */
ClReportPages *cl_report_pages_new         (JsonObject    *report,
                                            cairo_t       *cr,
                                            double         width,
                                            double         height);
void           cl_report_pages_free        (ClReportPages *pages);
guint          cl_report_pages_get_n_pages (ClReportPages *pages);
const char    *cl_report_pages_get_title   (ClReportPages *pages);
/* Draws page number page (from 0) on cr, whose origin is the page's top-left corner. */
void           cl_report_pages_draw        (ClReportPages *pages,
                                            cairo_t       *cr,
                                            guint          page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClReportPages, cl_report_pages_free)

G_END_DECLS
