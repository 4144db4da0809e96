/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-test-fill.c: the fixtures go in the way a user's log does: through the import. */
#include "config.h"

#include "cl-consent-import.h"
#include "cl-test-fill.h"

void
cl_test_fill_from_jsonl (ClLedger   *ledger,
                         const char *path)
{
  g_autoptr(ClConsentImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  gboolean ok = cl_consent_import_file (ledger, path, CL_CONSENT_READER_FLAGS_NONE, NULL, NULL,
                                        NULL, &result, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (result->n_imported, ==, result->n_read);
}
