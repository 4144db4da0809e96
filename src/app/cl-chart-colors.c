/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-chart-colors.c: looks up libadwaita's named colours at draw time; they differ between the
 * light, dark and high-contrast styles. */
#include "config.h"

#include <adwaita.h>

#include "cl-chart-colors.h"

typedef struct
{
  const char *fill;        /* named colour */
  const char *dark_fill;   /* the palette has lighter shades that read better on dark */
  const char *fallback;
  gboolean    dark_text;   /* text on the fill is dark (yellow fills) */
} Role;

static const Role roles[] = {
  [CL_CHART_COLOR_ACCENT] = { "accent_bg_color", "accent_bg_color", "#3584e4", FALSE },
  [CL_CHART_COLOR_GOOD] = { "success_bg_color", "success_bg_color", "#2ec27e", FALSE },
  [CL_CHART_COLOR_BAD] = { "error_bg_color", "error_bg_color", "#e01b24", FALSE },
  [CL_CHART_COLOR_NEUTRAL] = { NULL, NULL, NULL, FALSE },
  [CL_CHART_COLOR_WARNING] = { "orange_3", "orange_2", "#ff7800", TRUE },
  [CL_CHART_COLOR_PURPLE] = { "purple_3", "purple_2", "#9141ac", FALSE },
};

void
cl_chart_color_foreground (GtkWidget *widget,
                           double     alpha,
                           GdkRGBA   *color)
{
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
  color->alpha *= alpha;
}

void
cl_chart_color_fill (GtkWidget    *widget,
                     ClChartColor  color,
                     GdkRGBA      *fill,
                     GdkRGBA      *text_on_fill)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const Role *role;

  g_return_if_fail (color < G_N_ELEMENTS (roles));
  role = &roles[color];

  if (role->fill == NULL)
    {
      /* Not asked: a tint of the foreground, so it reads on any background. */
      cl_chart_color_foreground (widget, 0.18, fill);
      cl_chart_color_foreground (widget, 1.0, text_on_fill);
      return;
    }
  if (!gtk_style_context_lookup_color (context, dark ? role->dark_fill : role->fill, fill))
    gdk_rgba_parse (fill, role->fallback);
  if (role->dark_text)
    gdk_rgba_parse (text_on_fill, "rgba(0, 0, 0, 0.85)");
  else
    gdk_rgba_parse (text_on_fill, "white");
}
