/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-hash.h: a fast 64-bit hash of bytes, 8 at a time, finished with splitmix64's mixer. The
 * import's caches find their keys with it, and every ledger stores it (see cl_event_key()):
 * it must never change. */
#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* splitmix64's finalizer: a bijection on 64 bits that spreads every input bit over all. */
static inline guint64
cl_hash_mix64 (guint64 x)
{
  x ^= x >> 30;
  x *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x ^= x >> 27;
  x *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  x ^= x >> 31;
  return x;
}

static inline guint64
cl_hash_bytes (const char *data,
               gsize       len)
{
  guint64 h = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ len;
  guint64 word;

  for (; len >= 8; data += 8, len -= 8)
    {
      memcpy (&word, data, 8);
      h = cl_hash_mix64 (h ^ GUINT64_FROM_LE (word));
    }
  word = 0;
  memcpy (&word, data, len);
  /* Read as little-endian: the same bytes give the same hash on every machine. len is the
   * last word's length here (0 to 7), the whole length went in at the start. */
  return cl_hash_mix64 (h ^ GUINT64_FROM_LE (word) ^ ((guint64) len << 56));
}

G_END_DECLS
