/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-event-key.h: the number an event is found by its event_id with. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gint64 cl_event_key (const char *event_id,
                     gsize       length);

G_END_DECLS
