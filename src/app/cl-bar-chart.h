/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-bar-chart.h: a column chart of counts over time (events per week), drawn natively. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CL_TYPE_BAR_CHART (cl_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (ClBarChart, cl_bar_chart, CL, BAR_CHART, GtkWidget)

GtkWidget *cl_bar_chart_new        (void);

/* One column per value; tooltips[i] is shown when the pointer is over column i. The axis
 * labels are drawn under the first, middle and last column. */
void       cl_bar_chart_set_bars   (ClBarChart          *self,
                                    const guint64       *values,
                                    const char * const  *tooltips,
                                    const char * const  *axis_labels,
                                    guint                n_values);
guint      cl_bar_chart_get_n_bars (ClBarChart          *self);

G_END_DECLS
