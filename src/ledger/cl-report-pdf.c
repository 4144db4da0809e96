/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-report-pdf.c: the report's pages in a PDF file, with cairo: no external converter. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "cl-error.h"
#include "cl-report-pages.h"
#include "cl-report-pdf.h"

/* A4 in points. */
#define A4_WIDTH  595.28
#define A4_HEIGHT 841.89

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
cl_report_render_pdf (JsonObject  *report,
                      guint       *n_pages,
                      GError     **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(ClReportPages) pages = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (report != NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, pdf, A4_WIDTH, A4_HEIGHT);
  cr = cairo_create (surface);
  pages = cl_report_pages_new (report, cr, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  cl_report_pages_get_title (pages));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Consent Ledger");

  for (guint p = 0; p < cl_report_pages_get_n_pages (pages); p++)
    {
      cl_report_pages_draw (pages, cr, p);
      cairo_show_page (cr);
    }
  if (n_pages != NULL)
    *n_pages = cl_report_pages_get_n_pages (pages);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_DATABASE,
                   /* Translators: %s is cairo's own (English) account of what went wrong. */
                   _("Could not draw the PDF report: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}
