/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-share-chart.c: each row is a label line and a bar under it, so long purpose names never
 * squeeze the bars. Percentages are written on the bars (or after them), so the chart does not
 * depend on telling colours apart. */
#include "config.h"

#include <adwaita.h>

#include "cl-format.h"
#include "cl-share-chart.h"

#define BAR_HEIGHT 22
#define LABEL_GAP 4
#define ROW_GAP 12
#define LEGEND_GAP 14
#define SWATCH 12

typedef struct
{
  char    *label;
  guint64 *values;
} Row;

struct _ClShareChart
{
  GtkWidget     parent_instance;

  gboolean      stacked;
  GPtrArray    *segment_names;  /* char * */
  GArray       *colors;         /* ClChartColor */
  GArray       *rows;           /* Row */
};

G_DEFINE_FINAL_TYPE (ClShareChart, cl_share_chart, GTK_TYPE_WIDGET)

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->label);
  g_free (row->values);
}

static void
cl_share_chart_finalize (GObject *object)
{
  ClShareChart *self = CL_SHARE_CHART (object);

  g_ptr_array_unref (self->segment_names);
  g_array_unref (self->colors);
  g_array_unref (self->rows);

  G_OBJECT_CLASS (cl_share_chart_parent_class)->finalize (object);
}

static guint
n_values (ClShareChart *self)
{
  return self->stacked ? self->segment_names->len : 1;
}

static guint64
row_total (ClShareChart *self,
           const Row    *row)
{
  guint64 total = 0;

  for (guint i = 0; i < n_values (self); i++)
    total += row->values[i];
  return total;
}

/* Not stacked: bars are shares of everything. */
static guint64
grand_total (ClShareChart *self)
{
  guint64 total = 0;

  for (guint i = 0; i < self->rows->len; i++)
    total += row_total (self, &g_array_index (self->rows, Row, i));
  return total;
}

static int
text_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "Mg");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static int
content_height (ClShareChart *self)
{
  int line = text_height (GTK_WIDGET (self));
  int height = self->rows->len * (line + LABEL_GAP + BAR_HEIGHT + ROW_GAP);

  if (self->stacked && self->segment_names->len > 0)
    height += LEGEND_GAP - ROW_GAP + line;
  return MAX (height, line);
}

static char *
percent_text (guint64 part,
              guint64 whole)
{
  if (whole == 0)
    return g_strdup ("0%");
  /* A sliver is "<1%", never a misleading "0%". */
  if (part > 0 && part * 100 < whole)
    return g_strdup ("<1%");
  return g_strdup_printf ("%.0f%%", 100.0 * part / whole);
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             float          x,
             float          y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
cl_share_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  ClShareChart *self = CL_SHARE_CHART (widget);
  float width = gtk_widget_get_width (widget);
  int line = text_height (widget);
  guint64 all = grand_total (self);
  GdkRGBA fg, track;
  float y = 0;

  cl_chart_color_foreground (widget, 1.0, &fg);
  cl_chart_color_foreground (widget, 0.08, &track);

  for (guint r = 0; r < self->rows->len; r++)
    {
      const Row *row = &g_array_index (self->rows, Row, r);
      guint64 total = row_total (self, row);
      g_autoptr(PangoLayout) label = gtk_widget_create_pango_layout (widget, row->label);
      GskRoundedRect bar;
      float x = 0;

      append_text (snapshot, label, 0, y, &fg);
      y += line + LABEL_GAP;

      gsk_rounded_rect_init_from_rect (&bar, &GRAPHENE_RECT_INIT (0, y, width, BAR_HEIGHT), 4);
      gtk_snapshot_push_rounded_clip (snapshot, &bar);
      gtk_snapshot_append_color (snapshot, &track, &bar.bounds);

      for (guint s = 0; s < n_values (self); s++)
        {
          guint64 value = row->values[s];
          ClChartColor color = g_array_index (self->colors, ClChartColor,
                                              self->stacked ? s : MIN (r, self->colors->len - 1));
          guint64 whole = self->stacked ? total : all;
          float segment = whole > 0 ? (float) ((double) value / whole * width) : 0;
          g_autofree char *percent = percent_text (value, whole);
          g_autoptr(PangoLayout) text = gtk_widget_create_pango_layout (widget, percent);
          GdkRGBA fill, on_fill;
          int text_width;

          if (value > 0)
            segment = MAX (segment, 2.0f);
          cl_chart_color_fill (widget, color, &fill, &on_fill);
          gtk_snapshot_append_color (snapshot, &fill,
                                     &GRAPHENE_RECT_INIT (x, y, segment, BAR_HEIGHT));
          pango_layout_get_pixel_size (text, &text_width, NULL);
          if (self->stacked && value > 0 && segment >= text_width + 8)
            append_text (snapshot, text, x + (segment - text_width) / 2,
                         y + (BAR_HEIGHT - line) / 2.0f, &on_fill);
          else if (!self->stacked)
            {
              /* After the bar, or inside it when the bar leaves no room. */
              g_autofree char *count = cl_format_count (value);
              g_autofree char *full = g_strdup_printf ("%s · %s", percent, count);
              g_autoptr(PangoLayout) full_text = gtk_widget_create_pango_layout (widget, full);
              int full_width;

              pango_layout_get_pixel_size (full_text, &full_width, NULL);
              if (x + segment + 6 + full_width <= width)
                append_text (snapshot, full_text, x + segment + 6, y + (BAR_HEIGHT - line) / 2.0f,
                             &fg);
              else
                append_text (snapshot, full_text, x + segment - full_width - 6,
                             y + (BAR_HEIGHT - line) / 2.0f, &on_fill);
            }
          x += segment;
        }
      gtk_snapshot_pop (snapshot);
      y += BAR_HEIGHT + ROW_GAP;
    }

  if (self->stacked && self->segment_names->len > 0 && self->rows->len > 0)
    {
      float x = 0;

      y += LEGEND_GAP - ROW_GAP;
      for (guint s = 0; s < self->segment_names->len; s++)
        {
          g_autoptr(PangoLayout) name =
            gtk_widget_create_pango_layout (widget, self->segment_names->pdata[s]);
          GdkRGBA fill, on_fill;
          GskRoundedRect swatch;
          int name_width;

          cl_chart_color_fill (widget, g_array_index (self->colors, ClChartColor, s), &fill,
                               &on_fill);
          gsk_rounded_rect_init_from_rect (&swatch,
                                           &GRAPHENE_RECT_INIT (x, y + (line - SWATCH) / 2.0f,
                                                                SWATCH, SWATCH), 3);
          gtk_snapshot_push_rounded_clip (snapshot, &swatch);
          gtk_snapshot_append_color (snapshot, &fill, &swatch.bounds);
          gtk_snapshot_pop (snapshot);
          append_text (snapshot, name, x + SWATCH + 6, y, &fg);
          pango_layout_get_pixel_size (name, &name_width, NULL);
          x += SWATCH + 6 + name_width + 18;
        }
    }
}

static void
cl_share_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 420;
    }
  else
    *minimum = *natural = content_height (CL_SHARE_CHART (widget));
}

static void
cl_share_chart_class_init (ClShareChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cl_share_chart_finalize;
  widget_class->snapshot = cl_share_chart_snapshot;
  widget_class->measure = cl_share_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "sharechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cl_share_chart_init (ClShareChart *self)
{
  self->segment_names = g_ptr_array_new_with_free_func (g_free);
  self->colors = g_array_new (FALSE, FALSE, sizeof (ClChartColor));
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
cl_share_chart_new (void)
{
  return g_object_new (CL_TYPE_SHARE_CHART, NULL);
}

void
cl_share_chart_set_segments (ClShareChart        *self,
                             gboolean             stacked,
                             const char * const  *names,
                             const ClChartColor  *colors,
                             guint                n_segments)
{
  g_return_if_fail (CL_IS_SHARE_CHART (self));
  g_return_if_fail (n_segments > 0 && names != NULL && colors != NULL);

  cl_share_chart_clear (self);
  self->stacked = stacked;
  g_ptr_array_set_size (self->segment_names, 0);
  g_array_set_size (self->colors, 0);
  for (guint i = 0; i < n_segments; i++)
    g_ptr_array_add (self->segment_names, g_strdup (names[i]));
  g_array_append_vals (self->colors, colors, n_segments);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cl_share_chart_clear (ClShareChart *self)
{
  g_return_if_fail (CL_IS_SHARE_CHART (self));

  g_array_set_size (self->rows, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cl_share_chart_add_row (ClShareChart  *self,
                        const char    *label,
                        const guint64 *values)
{
  Row row;

  g_return_if_fail (CL_IS_SHARE_CHART (self));
  g_return_if_fail (label != NULL && values != NULL);
  g_return_if_fail (self->segment_names->len > 0);

  row.label = g_strdup (label);
  row.values = g_memdup2 (values, n_values (self) * sizeof (guint64));
  g_array_append_val (self->rows, row);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
cl_share_chart_get_n_rows (ClShareChart *self)
{
  g_return_val_if_fail (CL_IS_SHARE_CHART (self), 0);
  return self->rows->len;
}
