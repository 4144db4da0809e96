/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-hash-index.c: open addressing with linear probing over a power-of-two table of (hash,
 * position) slots, at most half full. A slot holds 32 bits of the hash, folded from all 64,
 * so a probe compares hashes in the table itself and touches the caller's entries only for
 * candidates (a false one about once in four thousand look-ups among a million entries); a
 * cache line holds eight slots, where a GHashTable reads three arrays and calls two functions.
 *
 * Position 0 marks an empty slot. A removed entry leaves its slot behind, marked REMOVED, so
 * that the probes that went past it still find what lies beyond; the slot counts as taken
 * until the table is rebuilt when it grows. */
#include "config.h"

#include <string.h>

#include "cl-hash-index.h"

#define MIN_SLOTS 1024
#define REMOVED   G_MAXUINT

typedef struct
{
  guint32 hash;      /* folded: see fold() */
  guint32 position;  /* 1-based; 0: empty */
} Slot;

struct _ClHashIndex
{
  Slot  *slots;
  gsize  mask;   /* number of slots - 1 */
  guint  taken;  /* slots not empty, removed ones included */
  guint  size;   /* entries */
};

/**
 * cl_hash_index_new:
 *
 * Returns: (transfer full): an empty index, which grows as entries are inserted
 */
ClHashIndex *
cl_hash_index_new (void)
{
  ClHashIndex *self = g_new0 (ClHashIndex, 1);

  self->slots = g_new0 (Slot, MIN_SLOTS);
  self->mask = MIN_SLOTS - 1;
  return self;
}

void
cl_hash_index_free (ClHashIndex *self)
{
  if (self == NULL)
    return;
  g_free (self->slots);
  g_free (self);
}

static inline guint32
fold (guint64 hash)
{
  return (guint32) (hash ^ (hash >> 32));
}

static void
grow (ClHashIndex *self)
{
  gsize n_slots = (self->mask + 1) * 2;
  Slot *slots = g_new0 (Slot, n_slots);

  for (gsize i = 0; i <= self->mask; i++)
    {
      const Slot *old = &self->slots[i];
      gsize j;

      if (old->position == 0 || old->position == REMOVED)
        continue;
      for (j = old->hash & (n_slots - 1); slots[j].position != 0; j = (j + 1) & (n_slots - 1))
        ;
      slots[j] = *old;
    }
  g_free (self->slots);
  self->slots = slots;
  self->mask = n_slots - 1;
  self->taken = self->size;
}

/**
 * cl_hash_index_insert:
 * @self: the index
 * @hash: the hash of the entry's key
 * @position: where the entry is in the caller's array, 1-based
 *
 * Adds the entry; the caller has made sure its key is not in the index already.
 */
void
cl_hash_index_insert (ClHashIndex *self,
                      guint64      hash,
                      guint        position)
{
  guint32 folded = fold (hash);
  gsize i;

  g_return_if_fail (position != 0 && position != REMOVED);

  for (i = folded & self->mask; self->slots[i].position != 0; i = (i + 1) & self->mask)
    ;
  self->slots[i].hash = folded;
  self->slots[i].position = position;
  self->size++;
  /* At most half full, removed slots included, so that a probe stays short. */
  if (++self->taken * 2 > self->mask + 1)
    grow (self);
}

/**
 * cl_hash_index_next:
 * @self: the index
 * @hash: the hash of the key looked for
 * @cursor: (inout): 0 for the first candidate; pass it back for the next
 *
 * Returns: the position of the next entry inserted with @hash, or 0 when there is no more
 */
guint
cl_hash_index_next (ClHashIndex *self,
                    guint64      hash,
                    gsize       *cursor)
{
  guint32 folded = fold (hash);
  /* The cursor is the number of slots probed so far, 0 at the start. */
  gsize i = (folded + *cursor) & self->mask;

  for (; self->slots[i].position != 0; i = (i + 1) & self->mask)
    {
      const Slot *slot = &self->slots[i];

      (*cursor)++;
      if (slot->hash == folded && slot->position != REMOVED)
        return slot->position;
    }
  return 0;
}

/* Asks the processor to load the slot where a look-up of hash starts, without waiting for
 * it: a caller that knows its next keys early can have their slots in cache by then. */
void
cl_hash_index_prefetch (ClHashIndex *self,
                        guint64      hash)
{
  __builtin_prefetch (&self->slots[fold (hash) & self->mask]);
}

/* Takes the entry at position, inserted with hash, out of the index. */
void
cl_hash_index_remove (ClHashIndex *self,
                      guint64      hash,
                      guint        position)
{
  guint32 folded = fold (hash);

  for (gsize i = folded & self->mask; self->slots[i].position != 0; i = (i + 1) & self->mask)
    if (self->slots[i].hash == folded && self->slots[i].position == position)
      {
        self->slots[i].position = REMOVED;
        self->size--;
        return;
      }
}

guint
cl_hash_index_size (ClHashIndex *self)
{
  return self->size;
}

/* Empties the index, keeping its table for the entries to come. */
void
cl_hash_index_clear (ClHashIndex *self)
{
  memset (self->slots, 0, (self->mask + 1) * sizeof (Slot));
  self->taken = 0;
  self->size = 0;
}
