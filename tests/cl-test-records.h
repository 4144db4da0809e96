/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-test-records.h: a ledger holding the hand-written consent events of the records tests. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new ledger in a temporary folder holding tests/data/records-fixture.sql; its path. */
char *cl_test_records_ledger (void);

G_END_DECLS
