/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-test-window.c: what every window test needs to drive the real window. */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "cl-test-utils.h"
#include "cl-test-window.h"

gboolean
cl_test_window_init (int    *argc,
                     char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("1..0 # SKIP no display: run the window tests under xvfb-run\n");
      return FALSE;
    }
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  return TRUE;
}

void
cl_test_drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

GtkWidget *
cl_test_find_matching (GtkWidget     *root,
                       ClTestMatches  matches,
                       gconstpointer  data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (matches (child, data))
        return child;
      if ((found = cl_test_find_matching (child, matches, data)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
cl_test_find_widget (GtkWidget *root,
                     GType      type)
{
  return cl_test_find_matching (root, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_label_showing (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

GtkWidget *
cl_test_find_label (GtkWidget  *root,
                    const char *text)
{
  return cl_test_find_matching (root, is_label_showing, text);
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

GtkWidget *
cl_test_find_with_class (GtkWidget  *root,
                         const char *css_class)
{
  return cl_test_find_matching (root, has_css_class, css_class);
}

ClWindow *
cl_test_window_on_new_ledger (int    width,
                              int    height,
                              char **out_path)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "window.db", NULL);
  ClWindow *window = cl_window_new (NULL);

  g_assert_true (cl_window_open_path (window, path, TRUE));
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  cl_test_drain_main_loop ();
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return window;
}

void
cl_test_close_window (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (window);
  cl_test_drain_main_loop ();
  g_assert_finalize_object (window);
}

void
cl_test_wait_counted (ClOverviewPage *overview)
{
  cl_test_drain_main_loop ();
  while (cl_overview_page_get_busy (overview))
    g_main_context_iteration (NULL, TRUE);
  cl_test_drain_main_loop ();
}
