/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-bar-chart.c: columns with a rounded scale, three gridlines and per-column tooltips. The
 * text summary for screen readers is set by the page, which knows what the numbers mean. */
#include "config.h"

#include <adwaita.h>

#include "cl-bar-chart.h"
#include "cl-chart-colors.h"
#include "cl-format.h"

#define AXIS_GAP 6
#define MIN_HEIGHT 140
#define NATURAL_HEIGHT 180

struct _ClBarChart
{
  GtkWidget  parent_instance;

  GArray    *values;       /* guint64 */
  GPtrArray *tooltips;     /* char * */
  GPtrArray *axis_labels;  /* char * */
  int        hovered;      /* column under the pointer, or -1 */
};

G_DEFINE_FINAL_TYPE (ClBarChart, cl_bar_chart, GTK_TYPE_WIDGET)

static void
cl_bar_chart_finalize (GObject *object)
{
  ClBarChart *self = CL_BAR_CHART (object);

  g_array_unref (self->values);
  g_ptr_array_unref (self->tooltips);
  g_ptr_array_unref (self->axis_labels);

  G_OBJECT_CLASS (cl_bar_chart_parent_class)->finalize (object);
}

/* The smallest 1, 2 or 5 × 10^k at or above value, so gridlines fall on round numbers. */
static guint64
nice_ceiling (guint64 value)
{
  guint64 step = 1;

  if (value <= 1)
    return 1;
  while (TRUE)
    {
      if (value <= step)
        return step;
      if (value <= 2 * step)
        return 2 * step;
      if (value <= 5 * step)
        return 5 * step;
      step *= 10;
    }
}

static guint64
max_value (ClBarChart *self)
{
  guint64 max = 0;

  for (guint i = 0; i < self->values->len; i++)
    max = MAX (max, g_array_index (self->values, guint64, i));
  return max;
}

typedef struct
{
  float left, top, width, height;  /* the plot area */
} Plot;

static Plot
plot_area (ClBarChart *self,
           int         width,
           int         height,
           int        *text_height)
{
  g_autofree char *top_label = cl_format_count (nice_ceiling (max_value (self)));
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), top_label);
  int label_width, label_height;
  Plot plot;

  pango_layout_get_pixel_size (layout, &label_width, &label_height);
  *text_height = label_height;
  plot.left = label_width + AXIS_GAP;
  plot.top = label_height / 2.0f;
  plot.width = MAX (1, width - plot.left);
  plot.height = MAX (1, height - plot.top - label_height - AXIS_GAP);
  return plot;
}

static void
draw_text (GtkSnapshot *snapshot,
           GtkWidget   *widget,
           const char  *text,
           float        x,
           float        y,
           float        align,   /* 0 left, 0.5 centre, 1 right of x */
           const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - align * width, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
cl_bar_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  ClBarChart *self = CL_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint64 scale = nice_ceiling (max_value (self));
  GdkRGBA fill, hover_fill, on_fill, grid, caption;
  int text_height;
  Plot plot;
  float slot;

  if (self->values->len == 0)
    return;

  plot = plot_area (self, width, height, &text_height);
  cl_chart_color_fill (widget, CL_CHART_COLOR_ACCENT, &fill, &on_fill);
  hover_fill = fill;
  hover_fill.alpha = 0.7f;
  cl_chart_color_foreground (widget, 0.15, &grid);
  cl_chart_color_foreground (widget, 0.7, &caption);

  /* Gridlines at 0, half and the top of the scale, labelled on the left. */
  for (int i = 0; i <= 2; i++)
    {
      float y = plot.top + plot.height - plot.height * i / 2.0f;
      g_autofree char *label = cl_format_count (scale * i / 2);

      gtk_snapshot_append_color (snapshot, &grid, &GRAPHENE_RECT_INIT (plot.left, y, plot.width, 1));
      draw_text (snapshot, widget, label, plot.left - AXIS_GAP, y - text_height / 2.0f, 1.0f,
                 &caption);
    }

  slot = plot.width / self->values->len;
  for (guint i = 0; i < self->values->len; i++)
    {
      guint64 value = g_array_index (self->values, guint64, i);
      float bar_height = (float) ((double) value / scale * plot.height);
      float gap = MAX (1.0f, slot * 0.2f);
      float x = plot.left + i * slot + gap / 2;
      GskRoundedRect rounded;

      if (value == 0)
        continue;
      bar_height = MAX (bar_height, 2.0f);  /* a week with a few events is not an empty week */
      gsk_rounded_rect_init_from_rect (&rounded,
                                       &GRAPHENE_RECT_INIT (x, plot.top + plot.height - bar_height,
                                                            slot - gap, bar_height),
                                       MIN (3.0f, (slot - gap) / 2));
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, (int) i == self->hovered ? &hover_fill : &fill,
                                 &rounded.bounds);
      gtk_snapshot_pop (snapshot);
    }

  /* The labels under the first, middle and last column. */
  for (guint i = 0; i < self->axis_labels->len && i < 3; i++)
    {
      const char *label = self->axis_labels->pdata[i];
      guint column = i == 0 ? 0 : i == 1 ? self->values->len / 2 : self->values->len - 1;
      float align = i == 0 ? 0.0f : i == 1 ? 0.5f : 1.0f;
      float x = plot.left + column * slot + (i == 0 ? 0 : i == 1 ? slot / 2 : slot);

      if (label == NULL || (i == 1 && self->values->len < 3))
        continue;
      draw_text (snapshot, widget, label, x, plot.top + plot.height + AXIS_GAP, align, &caption);
    }
}

static void
cl_bar_chart_measure (GtkWidget      *widget,
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
      *natural = 480;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = NATURAL_HEIGHT;
    }
}

static int
column_at (ClBarChart *self,
           double      x)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int text_height;
  Plot plot;
  int column;

  if (self->values->len == 0)
    return -1;
  plot = plot_area (self, width, height, &text_height);
  if (x < plot.left)
    return -1;
  column = (int) ((x - plot.left) / (plot.width / self->values->len));
  return column < (int) self->values->len ? column : -1;
}

static gboolean
cl_bar_chart_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_tooltip,
                            GtkTooltip *tooltip)
{
  ClBarChart *self = CL_BAR_CHART (widget);
  int column = column_at (self, x);

  if (column < 0 || column >= (int) self->tooltips->len || self->tooltips->pdata[column] == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->tooltips->pdata[column]);
  return TRUE;
}

static void
set_hovered (ClBarChart *self,
             int         column)
{
  if (self->hovered == column)
    return;
  self->hovered = column;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           ClBarChart               *self)
{
  set_hovered (self, column_at (self, x));
}

static void
on_leave (GtkEventControllerMotion *controller,
          ClBarChart               *self)
{
  set_hovered (self, -1);
}

static void
cl_bar_chart_class_init (ClBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cl_bar_chart_finalize;
  widget_class->snapshot = cl_bar_chart_snapshot;
  widget_class->measure = cl_bar_chart_measure;
  widget_class->query_tooltip = cl_bar_chart_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cl_bar_chart_init (ClBarChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->values = g_array_new (FALSE, FALSE, sizeof (guint64));
  self->tooltips = g_ptr_array_new_with_free_func (g_free);
  self->axis_labels = g_ptr_array_new_with_free_func (g_free);
  self->hovered = -1;

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  /* Named colours change with the style; redraw when it does. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
cl_bar_chart_new (void)
{
  return g_object_new (CL_TYPE_BAR_CHART, NULL);
}

void
cl_bar_chart_set_bars (ClBarChart          *self,
                       const guint64       *values,
                       const char * const  *tooltips,
                       const char * const  *axis_labels,
                       guint                n_values)
{
  g_return_if_fail (CL_IS_BAR_CHART (self));
  g_return_if_fail (n_values == 0 || values != NULL);

  g_array_set_size (self->values, 0);
  g_ptr_array_set_size (self->tooltips, 0);
  g_ptr_array_set_size (self->axis_labels, 0);
  if (n_values > 0)
    g_array_append_vals (self->values, values, n_values);
  for (guint i = 0; tooltips != NULL && i < n_values; i++)
    g_ptr_array_add (self->tooltips, g_strdup (tooltips[i]));
  for (guint i = 0; axis_labels != NULL && axis_labels[i] != NULL && i < 3; i++)
    g_ptr_array_add (self->axis_labels, g_strdup (axis_labels[i]));
  self->hovered = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
cl_bar_chart_get_n_bars (ClBarChart *self)
{
  g_return_val_if_fail (CL_IS_BAR_CHART (self), 0);
  return self->values->len;
}
