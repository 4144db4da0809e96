/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-test-window.h: what every window test needs to drive the real window. */
#pragma once

#include <gtk/gtk.h>

#include "cl-overview-page.h"
#include "cl-window.h"

G_BEGIN_DECLS

/* gtk_test_init() and adw_init(); FALSE (after printing a TAP skip) without a display. */
gboolean   cl_test_window_init     (int        *argc,
                                    char     ***argv);
/* Runs every source that is ready, without waiting: what the window would do between frames. */
void       cl_test_drain_main_loop (void);
typedef gboolean (*ClTestMatches) (GtkWidget     *widget,
                                   gconstpointer  data);

/* The first widget under root (not root itself), depth first, that matches; or NULL. */
GtkWidget *cl_test_find_matching   (GtkWidget     *root,
                                    ClTestMatches  matches,
                                    gconstpointer  data);
/* … of type; a GtkLabel showing text; a widget with css_class. */
GtkWidget *cl_test_find_widget     (GtkWidget     *root,
                                    GType          type);
GtkWidget *cl_test_find_label      (GtkWidget     *root,
                                    const char    *text);
GtkWidget *cl_test_find_with_class (GtkWidget     *root,
                                    const char    *css_class);
/* A window on a new ledger in a new folder, presented; width 0: the saved size. */
ClWindow  *cl_test_window_on_new_ledger (int        width,
                                         int        height,
                                         char     **out_path);
/* Destroys the window and checks that nothing keeps it alive. */
void       cl_test_close_window    (GtkWindow *window);
/* Waits until the Overview has counted the ledger in its worker. */
void       cl_test_wait_counted    (ClOverviewPage *overview);

G_END_DECLS
