/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-drop-down.h: filter drop-downs of string lists that keep their width, whatever is chosen. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The button shows the choice ellipsized to max_chars (full text in its tooltip); the list
 * shows every choice in full. Without it, choosing a long item widens the toolbar and can
 * fold the window's sidebar away. name is what a screen reader announces for the drop-down
 * and for the button inside it (GTK 4.8 leaves that one unnamed). */
void cl_drop_down_setup (GtkDropDown *dropdown,
                         int          max_chars,
                         const char  *name);

G_END_DECLS
