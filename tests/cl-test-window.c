/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-test-window.c: what every window test needs to drive the real window. */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

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
cl_test_find_widget (GtkWidget *root,
                     GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = cl_test_find_widget (child, type)) != NULL)
        return found;
    }
  return NULL;
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
