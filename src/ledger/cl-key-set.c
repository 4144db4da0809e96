/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-key-set.c: open addressing with linear probing over a power-of-two table of keys. The
 * keys are hashes already, so their low bits pick the slot; 0 marks an empty slot, and a key
 * of 0 is stored as 1 (a set of hashes may answer "seen" for a key it has not seen: callers
 * check such an answer properly). */
#include "config.h"

#include "cl-key-set.h"

#define MIN_SLOTS 1024

struct _ClKeySet
{
  guint64 *slots;
  gsize    mask;      /* number of slots - 1 */
  guint    size;
  guint    max_keys;
};

/**
 * cl_key_set_new:
 * @max_keys: how many keys the set may hold; cl_key_set_add() refuses more
 *
 * Returns: (transfer full): an empty set, which grows as keys are added
 */
ClKeySet *
cl_key_set_new (guint max_keys)
{
  ClKeySet *set = g_new0 (ClKeySet, 1);

  set->slots = g_new0 (guint64, MIN_SLOTS);
  set->mask = MIN_SLOTS - 1;
  set->max_keys = max_keys;
  return set;
}

void
cl_key_set_free (ClKeySet *set)
{
  if (set == NULL)
    return;
  g_free (set->slots);
  g_free (set);
}

/* Returns the slot that holds key, or the empty slot where it belongs. */
static guint64 *
find_slot (guint64 *slots,
           gsize    mask,
           guint64  key)
{
  gsize i = (gsize) key & mask;

  while (slots[i] != 0 && slots[i] != key)
    i = (i + 1) & mask;
  return &slots[i];
}

static void
grow (ClKeySet *set)
{
  gsize n_slots = (set->mask + 1) * 2;
  guint64 *slots = g_new0 (guint64, n_slots);

  for (gsize i = 0; i <= set->mask; i++)
    if (set->slots[i] != 0)
      *find_slot (slots, n_slots - 1, set->slots[i]) = set->slots[i];
  g_free (set->slots);
  set->slots = slots;
  set->mask = n_slots - 1;
}

/**
 * cl_key_set_add:
 * @set: a set that is not full
 * @key: a hash
 *
 * Returns: %TRUE if @key was new (it is now in the set), %FALSE if the set had it already
 */
gboolean
cl_key_set_add (ClKeySet *set,
                guint64   key)
{
  guint64 *slot;

  g_return_val_if_fail (!cl_key_set_is_full (set), FALSE);

  if (key == 0)
    key = 1;
  slot = find_slot (set->slots, set->mask, key);
  if (*slot == key)
    return FALSE;
  *slot = key;
  set->size++;
  /* At most half full, so that a probe stays short. */
  if (set->size * 2 > set->mask + 1)
    grow (set);
  return TRUE;
}

/* Asks the processor to load the slot where key would go, without waiting for it: a caller
 * with many keys to add can have all their slots on the way before it adds the first. */
void
cl_key_set_prefetch (ClKeySet *set,
                     guint64   key)
{
  __builtin_prefetch (&set->slots[(gsize) (key == 0 ? 1 : key) & set->mask]);
}

gboolean
cl_key_set_is_full (ClKeySet *set)
{
  return set->size >= set->max_keys;
}

guint
cl_key_set_size (ClKeySet *set)
{
  return set->size;
}
