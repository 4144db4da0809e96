/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-test-fill.h: fills a test ledger from a consent log fixture through the real import. */
#pragma once

#include "cl-ledger.h"

G_BEGIN_DECLS

/* Imports path (JSON Lines or CSV) with cl_consent_import_file and asserts it succeeded. */
void cl_test_fill_from_jsonl (ClLedger   *ledger,
                              const char *path);

G_END_DECLS
