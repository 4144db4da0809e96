/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-window.h: the main window: a sidebar of pages over one open ledger. */
#pragma once

#include <adwaita.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_WINDOW (cl_window_get_type ())
G_DECLARE_FINAL_TYPE (ClWindow, cl_window, CL, WINDOW, AdwApplicationWindow)

ClWindow   *cl_window_new          (GtkApplication *application);
ClLedger   *cl_window_get_ledger   (ClWindow       *self);
void        cl_window_set_ledger   (ClWindow       *self,
                                    ClLedger       *ledger);
/* Opens path (creating it when create is TRUE); on failure the window says why and returns
 * FALSE. A ledger that must first be upgraded to the current format is opened in a worker
 * thread: this returns TRUE at once, the window says it is upgrading (cl_window_get_upgrading)
 * and shows the ledger when done, or, on failure, says why and keeps the previous one. */
gboolean    cl_window_open_path    (ClWindow       *self,
                                    const char     *path,
                                    gboolean        create);
gboolean    cl_window_get_upgrading (ClWindow      *self);
const char *cl_window_get_page     (ClWindow       *self);
/* The open ledger's data changed (an import, an erasure, a policy or purpose edit): every page
 * reads what it shows again. Pages ask for it with the action win.ledger-changed, so that none
 * of them needs to know the others. */
void        cl_window_ledger_changed (ClWindow     *self);
void        cl_window_show_toast   (ClWindow       *self,
                                    const char     *message);
/* What the header shows: the page's title and the open ledger's file name. */
const char *cl_window_get_page_title   (ClWindow   *self);
const char *cl_window_get_ledger_title (ClWindow   *self);
const char *cl_window_get_last_error   (ClWindow   *self);

G_END_DECLS
