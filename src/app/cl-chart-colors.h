/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-chart-colors.h: chart colours from the current style, so charts follow the dark style. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  CL_CHART_COLOR_ACCENT,
  CL_CHART_COLOR_GOOD,     /* granted, accept all */
  CL_CHART_COLOR_BAD,      /* denied, reject all */
  CL_CHART_COLOR_NEUTRAL,  /* not asked */
  CL_CHART_COLOR_WARNING,  /* withdrawal */
  CL_CHART_COLOR_PURPLE,   /* browser signal */
} ClChartColor;

/* The fill for a chart element, and the text colour that reads on top of it. */
void cl_chart_color_fill       (GtkWidget    *widget,
                                ClChartColor  color,
                                GdkRGBA      *fill,
                                GdkRGBA      *text_on_fill);
/* The widget's foreground, and the same at a lower alpha for grid lines and captions. */
void cl_chart_color_foreground (GtkWidget    *widget,
                                double        alpha,
                                GdkRGBA      *color);

G_END_DECLS
