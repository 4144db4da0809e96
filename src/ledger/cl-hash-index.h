/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-hash-index.h: finds the entries of the caller's array by a 64-bit hash of their key,
 * computed beforehand (on another thread, say). Several entries may share a hash, and the
 * index keeps only part of it: the caller compares the keys of the candidates it is given. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ClHashIndex ClHashIndex;

ClHashIndex *cl_hash_index_new    (void);
void         cl_hash_index_free   (ClHashIndex *self);
void         cl_hash_index_insert (ClHashIndex *self,
                                   guint64      hash,
                                   guint        position);
guint        cl_hash_index_next   (ClHashIndex *self,
                                   guint64      hash,
                                   gsize       *cursor);
void         cl_hash_index_prefetch (ClHashIndex *self,
                                     guint64      hash);
void         cl_hash_index_remove (ClHashIndex *self,
                                   guint64      hash,
                                   guint        position);
guint        cl_hash_index_size   (ClHashIndex *self);
void         cl_hash_index_clear  (ClHashIndex *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClHashIndex, cl_hash_index_free)

G_END_DECLS
