/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-report-html.c: the subject-access report as one self-contained, printable HTML file. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-report.h"
#include "cl-report-text.h"

static const char stylesheet[] =
  "body{font-family:Cantarell,'Noto Sans',sans-serif;max-width:52em;margin:2em auto;"
  "padding:0 1em;color:#1e1e1e;line-height:1.45}"
  "h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;border-bottom:1px solid #ccc;"
  "margin-top:1.8em}h3{font-size:1.05em;margin-bottom:.2em}"
  "table{border-collapse:collapse;width:100%;font-size:.92em}"
  "th,td{text-align:left;padding:.3em .5em;border-bottom:1px solid #e0e0e0;vertical-align:top}"
  "th{background:#f3f3f3}.meta{color:#555}.granted{color:#1c7a3c}.denied{color:#b3261e}"
  "@media print{body{margin:0;max-width:none}h2{page-break-after:avoid}"
  "tr{page-break-inside:avoid}}";

static void
append_escaped (GString    *html,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);
  g_string_append (html, escaped);
}

static void
append_element (GString    *html,
                const char *tag,
                const char *text)
{
  g_string_append_printf (html, "<%s>", tag);
  append_escaped (html, text);
  g_string_append_printf (html, "</%s>\n", tag);
}

static void
append_row (GString            *html,
            const char * const *cells,
            const char         *cell_tag)
{
  g_string_append (html, "<tr>");
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_string_append_printf (html, "<%s>", cell_tag);
      append_escaped (html, cells[i]);
      g_string_append_printf (html, "</%s>", cell_tag);
    }
  g_string_append (html, "</tr>\n");
}

static void
append_section (GString         *html,
                ClReportSection *section)
{
  append_element (html, "h2", section->title);
  for (guint i = 0; i < section->blocks->len; i++)
    {
      ClReportBlock *block = g_ptr_array_index (section->blocks, i);

      switch (block->kind)
        {
        case CL_REPORT_BLOCK_HEADING:
          append_element (html, "h3", block->text);
          break;

        case CL_REPORT_BLOCK_PARAGRAPH:
          append_element (html, "p", block->text);
          break;

        case CL_REPORT_BLOCK_FIELD:
          g_string_append (html, "<p><strong>");
          append_escaped (html, block->label);
          g_string_append (html, ":</strong> ");
          append_escaped (html, block->text);
          g_string_append (html, "</p>\n");
          break;

        case CL_REPORT_BLOCK_TABLE:
          g_string_append (html, "<table>\n");
          append_row (html, (const char * const *) block->header, "th");
          for (guint r = 0; r < block->rows->len; r++)
            append_row (html, g_ptr_array_index (block->rows, r), "td");
          g_string_append (html, "</table>\n");
          break;
        }
    }
}

GBytes *
cl_report_render_html (JsonObject *report)
{
  g_autoptr(ClReportDocument) document = cl_report_document_new (report);
  GString *html = g_string_new (NULL);

  g_string_append (html, "<!DOCTYPE html>\n<html lang=\"");
  append_escaped (html, document->language);
  g_string_append (html, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width\">\n<title>");
  append_escaped (html, document->title);
  g_string_append_printf (html, "</title>\n<style>%s</style>\n</head>\n<body>\n", stylesheet);

  append_element (html, "h1", document->title);
  for (guint i = 0; i < document->meta->len; i++)
    {
      g_string_append (html, "<p class=\"meta\">");
      append_escaped (html, g_ptr_array_index (document->meta, i));
      g_string_append (html, "</p>\n");
    }
  for (guint i = 0; i < document->sections->len; i++)
    append_section (html, g_ptr_array_index (document->sections, i));

  g_string_append (html, "</body>\n</html>\n");
  return g_string_free_to_bytes (html);
}
