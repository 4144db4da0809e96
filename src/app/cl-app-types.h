/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-app-types.h: registers every widget class that has a template in ui/. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

void cl_app_ensure_types (void);

G_END_DECLS
