/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-drop-down.h: filter drop-downs of string lists that keep their width, whatever is chosen. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The button shows the choice ellipsized to max_chars (full text in its tooltip); the list
 * shows every choice in full. Without it, choosing a long item widens the toolbar and can
 * fold the window's sidebar away. */
void cl_drop_down_limit_width (GtkDropDown *dropdown,
                               int          max_chars);

G_END_DECLS
