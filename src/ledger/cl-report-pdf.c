/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-report-pdf.c: lays the report's words out on A4 pages, no external converter. */
#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "cl-error.h"
#include "cl-report-pdf.h"
#include "cl-report-text.h"

/* A4 in points, with 2 cm margins. */
#define PAGE_WIDTH   595.28
#define PAGE_HEIGHT  841.89
#define MARGIN       56.7
#define TEXT_WIDTH   (PAGE_WIDTH - 2 * MARGIN)
#define CELL_PADDING 3.0

typedef struct
{
  cairo_t *cr;
  double   y;
} Pen;

static PangoLayout *
new_layout (Pen        *pen,
            const char *text,
            const char *font,
            double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (pen->cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* Starts a new page when height does not fit on this one. */
static void
make_room (Pen    *pen,
           double  height)
{
  if (pen->y + height > PAGE_HEIGHT - MARGIN && pen->y > MARGIN)
    {
      cairo_show_page (pen->cr);
      pen->y = MARGIN;
    }
}

static void
draw_text (Pen        *pen,
           const char *text,
           const char *font,
           double      space_before,
           double      space_after)
{
  g_autoptr(PangoLayout) layout = new_layout (pen, text, font, TEXT_WIDTH);
  double height = layout_height (layout);

  pen->y += space_before;
  make_room (pen, height);
  cairo_move_to (pen->cr, MARGIN, pen->y);
  pango_cairo_show_layout (pen->cr, layout);
  pen->y += height + space_after;
}

static void
draw_field (Pen           *pen,
            ClReportBlock *block)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", block->label, block->text);
  draw_text (pen, text, "Sans 10", 0, 4);
}

static void
draw_row (Pen                *pen,
          const char * const *cells,
          guint               n_columns,
          gboolean            is_header)
{
  double column_width = TEXT_WIDTH / n_columns;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double row_height = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      PangoLayout *layout = new_layout (pen, cells[c], is_header ? "Sans Bold 9" : "Sans 9",
                                        column_width - 2 * CELL_PADDING);
      row_height = MAX (row_height, layout_height (layout) + 2 * CELL_PADDING);
      g_ptr_array_add (layouts, layout);
    }

  make_room (pen, row_height);
  if (is_header)
    {
      cairo_set_source_rgb (pen->cr, 0.94, 0.94, 0.94);
      cairo_rectangle (pen->cr, MARGIN, pen->y, TEXT_WIDTH, row_height);
      cairo_fill (pen->cr);
    }
  cairo_set_source_rgb (pen->cr, 0.12, 0.12, 0.12);
  for (guint c = 0; c < n_columns; c++)
    {
      cairo_move_to (pen->cr, MARGIN + c * column_width + CELL_PADDING, pen->y + CELL_PADDING);
      pango_cairo_show_layout (pen->cr, g_ptr_array_index (layouts, c));
    }

  cairo_set_source_rgb (pen->cr, 0.85, 0.85, 0.85);
  cairo_set_line_width (pen->cr, 0.5);
  cairo_move_to (pen->cr, MARGIN, pen->y + row_height);
  cairo_line_to (pen->cr, MARGIN + TEXT_WIDTH, pen->y + row_height);
  cairo_stroke (pen->cr);
  cairo_set_source_rgb (pen->cr, 0.12, 0.12, 0.12);
  pen->y += row_height;
}

static void
draw_table (Pen           *pen,
            ClReportBlock *block)
{
  guint n_columns = g_strv_length (block->header);

  draw_row (pen, (const char * const *) block->header, n_columns, TRUE);
  for (guint r = 0; r < block->rows->len; r++)
    draw_row (pen, g_ptr_array_index (block->rows, r), n_columns, FALSE);
  pen->y += 8;
}

static void
draw_section (Pen             *pen,
              ClReportSection *section)
{
  draw_text (pen, section->title, "Sans Bold 13", 14, 6);
  for (guint i = 0; i < section->blocks->len; i++)
    {
      ClReportBlock *block = g_ptr_array_index (section->blocks, i);

      switch (block->kind)
        {
        case CL_REPORT_BLOCK_HEADING:
          draw_text (pen, block->text, "Sans Bold 11", 8, 3);
          break;

        case CL_REPORT_BLOCK_PARAGRAPH:
          draw_text (pen, block->text, "Sans 10", 0, 5);
          break;

        case CL_REPORT_BLOCK_FIELD:
          draw_field (pen, block);
          break;

        case CL_REPORT_BLOCK_TABLE:
          draw_table (pen, block);
          break;
        }
    }
}

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
                      GError     **error)
{
  g_autoptr(ClReportDocument) document = cl_report_document_new (report);
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  Pen pen = { NULL, MARGIN };

  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, pdf, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, document->title);
  pen.cr = cairo_create (surface);
  cairo_set_source_rgb (pen.cr, 0.12, 0.12, 0.12);

  draw_text (&pen, document->title, "Sans Bold 18", 0, 6);
  for (guint i = 0; i < document->meta->len; i++)
    draw_text (&pen, g_ptr_array_index (document->meta, i), "Sans 9", 0, 2);
  for (guint i = 0; i < document->sections->len; i++)
    draw_section (&pen, g_ptr_array_index (document->sections, i));

  cairo_show_page (pen.cr);
  cairo_destroy (pen.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_DATABASE,
                   "Could not draw the PDF report: %s", cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}
