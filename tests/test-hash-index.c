/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-hash-index.c: the index that finds an import's cached identifiers and user agents by
 * a hash worked out on the reading thread. */
#include "config.h"

#include "cl-hash-index.h"

/* Every position inserted under a hash, in the order inserted, then 0. */
static GArray *
candidates (ClHashIndex *index,
            guint64      hash)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));
  gsize cursor = 0;
  guint position;

  while ((position = cl_hash_index_next (index, hash, &cursor)) != 0)
    g_array_append_val (found, position);
  return found;
}

/* Each entry is found by its hash, across many growths of the table; a hash never inserted
 * finds nothing. */
static void
test_insert (void)
{
  g_autoptr(ClHashIndex) index = cl_hash_index_new ();
  const guint n = 100000;

  for (guint i = 1; i <= n; i++)
    cl_hash_index_insert (index, i * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15), i);
  g_assert_cmpuint (cl_hash_index_size (index), ==, n);
  for (guint i = 1; i <= n; i++)
    {
      g_autoptr(GArray) found = candidates (index, i * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

      g_assert_cmpuint (found->len, ==, 1);
      g_assert_cmpuint (g_array_index (found, guint, 0), ==, i);
    }
  {
    g_autoptr(GArray) found = candidates (index, 12345);

    g_assert_cmpuint (found->len, ==, 0);
  }
}

/* Entries that share a hash are all given, for the caller to tell apart; hashes that share
 * their low bits (one slot) do not mix. */
static void
test_shared_hash (void)
{
  g_autoptr(ClHashIndex) index = cl_hash_index_new ();
  g_autoptr(GArray) three = NULL;
  g_autoptr(GArray) other = NULL;

  for (guint i = 1; i <= 3; i++)
    cl_hash_index_insert (index, 7, i);
  for (guint i = 1; i <= 5000; i++)
    cl_hash_index_insert (index, ((guint64) i << 40) | 7, 100 + i);

  three = candidates (index, 7);
  g_assert_cmpuint (three->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (g_array_index (three, guint, i), ==, i + 1);
  other = candidates (index, ((guint64) 4000 << 40) | 7);
  g_assert_cmpuint (other->len, ==, 1);
  g_assert_cmpuint (g_array_index (other, guint, 0), ==, 4100);
}

/* A removed entry is no longer found; those probed past it still are, and survive the
 * table's growth; clearing empties it. */
static void
test_remove_and_clear (void)
{
  g_autoptr(ClHashIndex) index = cl_hash_index_new ();
  g_autoptr(GArray) after_remove = NULL;
  g_autoptr(GArray) after_growth = NULL;
  g_autoptr(GArray) after_clear = NULL;

  cl_hash_index_insert (index, 5, 1);
  cl_hash_index_insert (index, 5, 2);
  cl_hash_index_insert (index, 6, 3);  /* probed past 5's two slots */
  cl_hash_index_remove (index, 5, 1);
  g_assert_cmpuint (cl_hash_index_size (index), ==, 2);
  after_remove = candidates (index, 5);
  g_assert_cmpuint (after_remove->len, ==, 1);
  g_assert_cmpuint (g_array_index (after_remove, guint, 0), ==, 2);
  g_assert_cmpuint (cl_hash_index_next (index, 6, &(gsize) { 0 }), ==, 3);

  for (guint i = 10; i < 5000; i++)
    cl_hash_index_insert (index, i, i);
  after_growth = candidates (index, 5);
  g_assert_cmpuint (after_growth->len, ==, 1);
  g_assert_cmpuint (cl_hash_index_next (index, 6, &(gsize) { 0 }), ==, 3);
  g_assert_cmpuint (cl_hash_index_size (index), ==, 2 + 4990);

  cl_hash_index_clear (index);
  g_assert_cmpuint (cl_hash_index_size (index), ==, 0);
  after_clear = candidates (index, 6);
  g_assert_cmpuint (after_clear->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ledger/hash-index/insert", test_insert);
  g_test_add_func ("/ledger/hash-index/shared-hash", test_shared_hash);
  g_test_add_func ("/ledger/hash-index/remove-and-clear", test_remove_and_clear);
  return g_test_run ();
}
