/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-key-set.c: the set of 64-bit keys that finds duplicates in a bulk import. */
#include "config.h"

#include "cl-key-set.h"

/* Every key is new once and seen after, across many growths of the table. */
static void
test_add (void)
{
  g_autoptr(ClKeySet) set = cl_key_set_new (G_MAXUINT);
  const guint n = 100000;

  for (guint64 i = 0; i < n; i++)
    g_assert_true (cl_key_set_add (set, i * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)));
  g_assert_cmpuint (cl_key_set_size (set), ==, n);
  for (guint64 i = 0; i < n; i++)
    g_assert_false (cl_key_set_add (set, i * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)));
  g_assert_cmpuint (cl_key_set_size (set), ==, n);
}

/* Keys that share their low bits (one slot) are still told apart. */
static void
test_same_slot (void)
{
  g_autoptr(ClKeySet) set = cl_key_set_new (G_MAXUINT);

  for (guint64 i = 1; i <= 5000; i++)
    g_assert_true (cl_key_set_add (set, i << 40));
  for (guint64 i = 1; i <= 5000; i++)
    g_assert_false (cl_key_set_add (set, i << 40));
}

/* 0 marks an empty slot: it is stored as 1, so the two answer as one key. */
static void
test_zero (void)
{
  g_autoptr(ClKeySet) set = cl_key_set_new (10);

  g_assert_true (cl_key_set_add (set, 0));
  g_assert_false (cl_key_set_add (set, 0));
  g_assert_false (cl_key_set_add (set, 1));
  g_assert_true (cl_key_set_add (set, 2));
}

static void
test_full (void)
{
  g_autoptr(ClKeySet) set = cl_key_set_new (3);

  g_assert_true (cl_key_set_add (set, 10));
  g_assert_true (cl_key_set_add (set, 20));
  g_assert_false (cl_key_set_is_full (set));
  g_assert_true (cl_key_set_add (set, 30));
  g_assert_true (cl_key_set_is_full (set));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ledger/key-set/add", test_add);
  g_test_add_func ("/ledger/key-set/same-slot", test_same_slot);
  g_test_add_func ("/ledger/key-set/zero", test_zero);
  g_test_add_func ("/ledger/key-set/full", test_full);
  return g_test_run ();
}
