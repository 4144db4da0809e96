/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-key-set.h: a set of 64-bit hash keys, compact enough to hold one per event of a big
 * import (8 bytes a key at most half full), and bounded. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ClKeySet ClKeySet;

ClKeySet *cl_key_set_new     (guint     max_keys);
void      cl_key_set_free    (ClKeySet *set);
gboolean  cl_key_set_add     (ClKeySet *set,
                              guint64   key);
gboolean  cl_key_set_is_full (ClKeySet *set);
void      cl_key_set_prefetch (ClKeySet *set,
                               guint64   key);
guint     cl_key_set_size    (ClKeySet *set);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClKeySet, cl_key_set_free)

G_END_DECLS
