/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-report-pages.c: pagination happens once, as a list of drawing operations per page, so that
 * a print dialog can ask for any page in any order without laying the report out again. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cl-report-pages.h"
#include "cl-report-text.h"

/* 2 cm margins, in points. */
#define MARGIN       56.7
#define CELL_PADDING 3.0
#define FOOTER_FONT  "Sans 8"
#define N_MEASURED   4  /* cells measured per column to size it */

typedef enum
{
  OP_TEXT,
  OP_FILL,  /* a light rectangle behind a table header */
  OP_RULE,  /* a thin line under a table row */
} OpKind;

typedef struct
{
  OpKind       kind;
  double       x, y, width, height;
  PangoLayout *layout;  /* OP_TEXT */
} Op;

struct _ClReportPages
{
  char      *title;
  double     width;
  double     height;
  GPtrArray *pages;  /* of GArray of Op */

  /* While laying out: one Pango context for every layout (a context per layout costs more
   * than the layout), and the fonts parsed once. */
  PangoContext *context;
  GHashTable   *fonts;  /* font string → PangoFontDescription */
  double        y;
};

static void
clear_op (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->layout);
}

static GArray *
new_page (ClReportPages *self)
{
  GArray *ops = g_array_new (FALSE, TRUE, sizeof (Op));

  g_array_set_clear_func (ops, clear_op);
  g_ptr_array_add (self->pages, ops);
  self->y = MARGIN;
  return ops;
}

static GArray *
current_page (ClReportPages *self)
{
  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

static double
text_width (ClReportPages *self)
{
  return self->width - 2 * MARGIN;
}

static PangoLayout *
new_layout (ClReportPages *self,
            const char    *text,
            const char    *font,
            double         width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *description = g_hash_table_lookup (self->fonts, font);

  if (description == NULL)
    {
      description = pango_font_description_from_string (font);
      g_hash_table_insert (self->fonts, (gpointer) font, description);
    }
  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, width < 0 ? -1 : (int) (width * PANGO_SCALE));
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

/* The bottom margin leaves room for the page number. */
static double
bottom (ClReportPages *self)
{
  return self->height - MARGIN;
}

/* Starts a new page when height does not fit on this one (unless the page is still empty:
 * something taller than a page is then cut, rather than looping). */
static void
make_room (ClReportPages *self,
           double         height)
{
  if (self->y + height > bottom (self) && self->y > MARGIN)
    new_page (self);
}

static void
add_text_op (ClReportPages *self,
             PangoLayout   *layout,
             double         x,
             double         y)
{
  Op op = { OP_TEXT, x, y, 0, 0, layout };

  g_array_append_val (current_page (self), op);
}

static void
add_shape_op (ClReportPages *self,
              OpKind         kind,
              double         x,
              double         y,
              double         width,
              double         height)
{
  Op op = { kind, x, y, width, height, NULL };

  g_array_append_val (current_page (self), op);
}

static void
put_layout (ClReportPages *self,
            PangoLayout   *layout,
            double         space_before,
            double         space_after,
            double         keep_with_next)
{
  double height = layout_height (layout);

  self->y += space_before;
  /* A heading is not left alone at the foot of a page. */
  make_room (self, height + keep_with_next);
  add_text_op (self, layout, MARGIN, self->y);
  self->y += height + space_after;
}

static void
put_text (ClReportPages *self,
          const char    *text,
          const char    *font,
          double         space_before,
          double         space_after,
          double         keep_with_next)
{
  put_layout (self, new_layout (self, text, font, text_width (self)), space_before, space_after,
              keep_with_next);
}

/* "Label: text", the label in bold. */
static void
put_field (ClReportPages *self,
           const char    *label,
           const char    *text)
{
  PangoLayout *layout = new_layout (self, NULL, "Sans 10", text_width (self));
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s:</b> %s", label, text);

  pango_layout_set_markup (layout, markup, -1);
  put_layout (self, layout, 0, 4, 0);
}

/* Column widths for a table, as a browser lays out an automatic table: each column its natural
 * (unwrapped) width when all fit; otherwise its minimum, plus a share of the rest. */
static double *
column_widths (ClReportPages *self,
               ClReportBlock *block,
               guint          n_columns)
{
  double *natural = g_new0 (double, n_columns);
  double *minimum = g_new0 (double, n_columns);
  double *widths = g_new0 (double, n_columns);
  double total = text_width (self);
  double natural_sum = 0;
  double minimum_sum = 0;

  /* The widest cell is among the longest texts: measure the header and those only, which
   * keeps a table of a thousand recipients from costing a thousand extra layouts. */
  for (guint c = 0; c < n_columns; c++)
    {
      const char *longest[N_MEASURED] = { NULL };
      glong lengths[N_MEASURED] = { 0 };

      for (guint r = 0; r < block->rows->len; r++)
        {
          const char *cell = ((char **) g_ptr_array_index (block->rows, r))[c];
          glong length = g_utf8_strlen (cell, -1);

          for (guint m = 0; m < N_MEASURED; m++)
            if (longest[m] == NULL || length > lengths[m])
              {
                memmove (longest + m + 1, longest + m, (N_MEASURED - m - 1) * sizeof *longest);
                memmove (lengths + m + 1, lengths + m, (N_MEASURED - m - 1) * sizeof *lengths);
                longest[m] = cell;
                lengths[m] = length;
                break;
              }
        }
      for (guint m = 0; m <= N_MEASURED; m++)
        {
          const char *text = m == N_MEASURED ? block->header[c] : longest[m];
          g_autoptr(PangoLayout) layout = NULL;
          int width;

          if (text == NULL)
            continue;
          layout = new_layout (self, text, m == N_MEASURED ? "Sans Bold 9" : "Sans 9", -1);
          pango_layout_get_size (layout, &width, NULL);
          natural[c] = MAX (natural[c], (double) width / PANGO_SCALE + 2 * CELL_PADDING + 1);
        }
    }

  /* A header is never broken inside a word: its longest word is the column's minimum. */
  for (guint c = 0; c < n_columns; c++)
    {
      g_auto(GStrv) words = g_strsplit (block->header[c], " ", -1);

      for (guint w = 0; words[w] != NULL; w++)
        {
          g_autoptr(PangoLayout) layout = new_layout (self, words[w], "Sans Bold 9", -1);
          int width;

          pango_layout_get_size (layout, &width, NULL);
          minimum[c] = MAX (minimum[c], (double) width / PANGO_SCALE + 2 * CELL_PADDING + 1);
        }
      natural[c] = MAX (natural[c], minimum[c]);
      natural_sum += natural[c];
      minimum_sum += minimum[c];
    }

  if (natural_sum <= total)
    {
      /* Everything fits on one line: spread the slack evenly. */
      for (guint c = 0; c < n_columns; c++)
        widths[c] = natural[c] + (total - natural_sum) / n_columns;
    }
  else if (minimum_sum >= total)
    {
      for (guint c = 0; c < n_columns; c++)
        widths[c] = total * minimum[c] / minimum_sum;
    }
  else
    {
      /* Narrow columns (a date, a number) whole; each other column its minimum, and what is
       * left in proportion to how much more it wants. */
      double fair = total / n_columns;
      double left = total;
      double wanted = 0;

      for (guint c = 0; c < n_columns; c++)
        {
          widths[c] = natural[c] <= fair ? natural[c] : minimum[c];
          left -= widths[c];
          if (natural[c] > fair)
            wanted += natural[c] - minimum[c];
        }
      for (guint c = 0; c < n_columns; c++)
        if (natural[c] > fair && wanted > 0)
          widths[c] += MAX (left, 0) * (natural[c] - minimum[c]) / wanted;
    }
  g_free (minimum);
  g_free (natural);
  return widths;
}

/* The layouts of one row, and its height. */
static GPtrArray *
layout_row (ClReportPages      *self,
            const char * const *cells,
            const double       *widths,
            guint               n_columns,
            gboolean            is_header,
            double             *row_height)
{
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);

  *row_height = 0;
  for (guint c = 0; c < n_columns; c++)
    {
      PangoLayout *layout = new_layout (self, cells[c], is_header ? "Sans Bold 9" : "Sans 9",
                                        widths[c] - 2 * CELL_PADDING);
      *row_height = MAX (*row_height, layout_height (layout) + 2 * CELL_PADDING);
      g_ptr_array_add (layouts, layout);
    }
  return layouts;
}

static void
place_row (ClReportPages *self,
           GPtrArray     *layouts,
           const double  *widths,
           double         row_height,
           gboolean       is_header)
{
  double x = MARGIN;

  if (is_header)
    add_shape_op (self, OP_FILL, MARGIN, self->y, text_width (self), row_height);
  for (guint c = 0; c < layouts->len; c++)
    {
      add_text_op (self, g_object_ref (g_ptr_array_index (layouts, c)), x + CELL_PADDING,
                   self->y + CELL_PADDING);
      x += widths[c];
    }
  add_shape_op (self, OP_RULE, MARGIN, self->y + row_height, text_width (self), 0);
  self->y += row_height;
}

static void
put_table (ClReportPages *self,
           ClReportBlock *block)
{
  guint n_columns = g_strv_length (block->header);
  g_autofree double *widths = column_widths (self, block, n_columns);
  g_autoptr(GPtrArray) header = NULL;
  double header_height;

  header = layout_row (self, (const char * const *) block->header, widths, n_columns, TRUE,
                       &header_height);
  for (guint r = 0; r < block->rows->len; r++)
    {
      double row_height;
      g_autoptr(GPtrArray) row = layout_row (self, g_ptr_array_index (block->rows, r), widths,
                                             n_columns, FALSE, &row_height);
      guint page = self->pages->len;

      /* The header goes with the first row, and comes again on each page the table runs on. */
      make_room (self, (r == 0 ? header_height : 0) + row_height);
      if (r == 0 || self->pages->len != page)
        place_row (self, header, widths, header_height, TRUE);
      place_row (self, row, widths, row_height, FALSE);
    }
  if (block->rows->len == 0)
    {
      make_room (self, header_height);
      place_row (self, header, widths, header_height, TRUE);
    }
  self->y += 8;
}

static void
put_section (ClReportPages   *self,
             ClReportSection *section)
{
  put_text (self, section->title, "Sans Bold 13", 14, 6, 30);
  for (guint i = 0; i < section->blocks->len; i++)
    {
      ClReportBlock *block = g_ptr_array_index (section->blocks, i);

      switch (block->kind)
        {
        case CL_REPORT_BLOCK_HEADING:
          put_text (self, block->text, "Sans Bold 11", 8, 3, 30);
          break;

        case CL_REPORT_BLOCK_PARAGRAPH:
          put_text (self, block->text, "Sans 10", 0, 5, 0);
          break;

        case CL_REPORT_BLOCK_FIELD:
          put_field (self, block->label, block->text);
          break;

        case CL_REPORT_BLOCK_TABLE:
          put_table (self, block);
          break;
        }
    }
}

/* "Page 2 of 5" under each page, once the number of pages is known. */
static void
put_page_numbers (ClReportPages *self)
{
  for (guint p = 0; p < self->pages->len; p++)
    {
      g_autofree char *text = g_strdup_printf (_("Page %u of %u"), p + 1, self->pages->len);
      PangoLayout *layout = new_layout (self, text, FOOTER_FONT, text_width (self));
      Op op = { OP_TEXT, MARGIN, self->height - MARGIN + 14, 0, 0, layout };

      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      g_array_append_val (g_ptr_array_index (self->pages, p), op);
    }
}

ClReportPages *
cl_report_pages_new (JsonObject *report,
                     cairo_t    *cr,
                     double      width,
                     double      height)
{
  g_autoptr(ClReportDocument) document = NULL;
  ClReportPages *self;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (cr != NULL, NULL);
  /* Smaller than a postcard's text area: refused, not laid out one character a line. */
  if (width < 2 * MARGIN + 100 || height < 2 * MARGIN + 100)
    return NULL;

  document = cl_report_document_new (report);
  self = g_new0 (ClReportPages, 1);
  self->title = g_strdup (document->title);
  self->width = width;
  self->height = height;
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->context = pango_cairo_create_context (cr);
  self->fonts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) pango_font_description_free);
  new_page (self);

  put_text (self, document->title, "Sans Bold 18", 0, 6, 0);
  for (guint i = 0; i < document->meta->len; i++)
    put_text (self, g_ptr_array_index (document->meta, i), "Sans 9", 0, 2, 0);
  for (guint i = 0; i < document->sections->len; i++)
    put_section (self, g_ptr_array_index (document->sections, i));
  put_page_numbers (self);

  g_clear_pointer (&self->fonts, g_hash_table_unref);
  return self;
}

void
cl_report_pages_free (ClReportPages *pages)
{
  if (pages == NULL)
    return;
  g_free (pages->title);
  g_ptr_array_unref (pages->pages);
  g_clear_object (&pages->context);
  g_free (pages);
}

guint
cl_report_pages_get_n_pages (ClReportPages *pages)
{
  g_return_val_if_fail (pages != NULL, 0);
  return pages->pages->len;
}

const char *
cl_report_pages_get_title (ClReportPages *pages)
{
  g_return_val_if_fail (pages != NULL, NULL);
  return pages->title;
}

void
cl_report_pages_draw (ClReportPages *pages,
                      cairo_t       *cr,
                      guint          page)
{
  GArray *ops;

  g_return_if_fail (pages != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < pages->pages->len);

  ops = g_ptr_array_index (pages->pages, page);
  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);
  for (guint i = 0; i < ops->len; i++)
    {
      Op *op = &g_array_index (ops, Op, i);

      switch (op->kind)
        {
        case OP_TEXT:
          cairo_set_source_rgb (cr, 0.12, 0.12, 0.12);
          cairo_move_to (cr, op->x, op->y);
          /* Laid out with this cairo context's (or a like one's) font options: shown as is. */
          pango_cairo_show_layout (cr, op->layout);
          break;

        case OP_FILL:
          cairo_set_source_rgb (cr, 0.94, 0.94, 0.94);
          cairo_rectangle (cr, op->x, op->y, op->width, op->height);
          cairo_fill (cr);
          break;

        case OP_RULE:
          cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
          cairo_move_to (cr, op->x, op->y);
          cairo_line_to (cr, op->x + op->width, op->y);
          cairo_stroke (cr);
          break;
        }
    }
  cairo_restore (cr);
}
