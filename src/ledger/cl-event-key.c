/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-event-key.c: events are found by their event_id through a 64-bit hash of it, stored
 * beside it (events.event_key) and indexed, instead of through an index of the texts: an
 * import builds an index of numbers in two thirds of the time, and the index is smaller.
 * Two ids may share a key, so a look-up compares the ids of the events it finds. Every
 * ledger stores these keys: the function must never change. */
#include "config.h"

#include "cl-event-key.h"
#include "cl-hash.h"

/**
 * cl_event_key:
 * @event_id: an event's id, as in the consent log
 * @length: its length in bytes
 *
 * Returns: the key stored with the event in events.event_key
 */
gint64
cl_event_key (const char *event_id,
              gsize       length)
{
  g_return_val_if_fail (event_id != NULL, 0);

  return (gint64) cl_hash_bytes (event_id, length);
}
