/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-report-file.c: one function per format is enough for the renderers; this is where a report
 * becomes a file the ledger can account for. */
#include "config.h"

#include <glib/gstdio.h>

#include "cl-private-file.h"
#include "cl-report-file.h"
#include "cl-report-model.h"
#include "cl-report-pdf.h"
#include "cl-request.h"

GBytes *
cl_report_render_request (ClLedger        *ledger,
                          const char      *reference,
                          ClReportFormat   format,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autoptr(JsonObject) report = NULL;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  report = cl_report_build (ledger, reference, error);
  if (report == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  switch (format)
    {
    case CL_REPORT_FORMAT_JSON:
      return cl_report_render_json (report);
    case CL_REPORT_FORMAT_HTML:
      return cl_report_render_html (report);
    case CL_REPORT_FORMAT_PDF:
      return cl_report_render_pdf (report, NULL, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
cl_report_file_write (ClLedger        *ledger,
                      const char      *reference,
                      ClReportFormat   format,
                      const char      *path,
                      char           **sha256_out,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha256 = NULL;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = cl_report_render_request (ledger, reference, format, cancellable, error);
  if (bytes == NULL
      || g_cancellable_set_error_if_cancelled (cancellable, error)
      || !cl_private_file_write (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 &sha256, error))
    return FALSE;

  if (!cl_request_add_file (ledger, reference, path, cl_report_format_to_string (format), sha256,
                            error))
    {
      /* A report nobody can account for must not stay behind. */
      g_unlink (path);
      return FALSE;
    }
  if (sha256_out != NULL)
    *sha256_out = g_steal_pointer (&sha256);
  return TRUE;
}
