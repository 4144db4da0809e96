/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-share-chart.h: horizontal bars of shares — stacked (granted / denied / not asked per
 * purpose) or one bar per row (the split of methods) — drawn natively. */
#pragma once

#include <gtk/gtk.h>

#include "cl-chart-colors.h"

G_BEGIN_DECLS

#define CL_TYPE_SHARE_CHART (cl_share_chart_get_type ())
G_DECLARE_FINAL_TYPE (ClShareChart, cl_share_chart, CL, SHARE_CHART, GtkWidget)

GtkWidget *cl_share_chart_new          (void);

/* Stacked: every row is split into the segments, which sum to the row's total, and a legend
 * names them. Not stacked: every row has one value, its bar as long as its share of all
 * rows, in the colour of its own segment (segment i for row i). */
void       cl_share_chart_set_segments (ClShareChart        *self,
                                        gboolean             stacked,
                                        const char * const  *names,
                                        const ClChartColor  *colors,
                                        guint                n_segments);
void       cl_share_chart_clear        (ClShareChart        *self);
/* values has one entry per segment when stacked, else one. */
void       cl_share_chart_add_row      (ClShareChart        *self,
                                        const char          *label,
                                        const guint64       *values);
guint      cl_share_chart_get_n_rows   (ClShareChart        *self);

G_END_DECLS
