/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-test-fill.h: fills a ledger from a JSON Lines consent log with plain SQL, for tests only,
 * until the import is on main. */
#pragma once

#include "cl-ledger.h"

G_BEGIN_DECLS

/* Subjects are linked by any shared identifier; the latest event is the greatest recorded_at,
 * ties to the later event (as the import does). Unknown policy versions are registered. */
void cl_test_fill_from_jsonl (ClLedger   *ledger,
                              const char *path);

G_END_DECLS
