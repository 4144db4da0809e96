/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-preferences-window.h: the ledger's settings: the controller's details and re-consent age. */
#pragma once

#include <adwaita.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_PREFERENCES_WINDOW (cl_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (ClPreferencesWindow, cl_preferences_window, CL, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

ClPreferencesWindow *cl_preferences_window_new        (GtkWindow           *parent,
                                                       ClLedger            *ledger);
/* The message of the last setting that could not be saved, for tests. */
const char          *cl_preferences_window_get_error  (ClPreferencesWindow *self);

G_END_DECLS
