/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-test-records.h: a ledger holding the hand-written consent events of the records tests. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new ledger in a temporary folder with tests/data/records-fixture.jsonl imported; its path. */
char *cl_test_records_ledger    (void);
/* Adds n events of subject c-bob, one second apart from 2023-11-14, ids "bulk-1" … */
void  cl_test_records_add_bulk  (const char *path,
                                 guint       n);
/* Runs SQL on the ledger file behind the library's back, as another program would. */
void  cl_test_records_exec      (const char *path,
                                 const char *sql);

G_END_DECLS
