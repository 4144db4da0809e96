/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-test-report.c: builds the report fixture ledger through the library, as an officer would:
 * import the consent log and the vendor list, then make the request. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cl-cmp-store.h"
#include "cl-consent-import.h"
#include "cl-settings.h"
#include "cl-test-report.h"
#include "cl-test-utils.h"
#include "cl-vendor-import.h"

const char * const cl_test_anna_identifiers[] = {
  "c-anna-7f3a9e", "c-anna-phone-99b1", "anna.lindqvist@example.se", "A-1042", NULL,
};
const char * const cl_test_bertil_identifiers[] = {
  "c-bertil-11aa22", "bertil.berg@example.org", "B-2077", NULL,
};

ClLedger *
cl_test_report_ledger (const char *dir,
                       const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *consents = cl_test_data_path ("report/consents.jsonl");
  g_autofree char *vendors = cl_test_data_path ("report/vendors.csv");
  g_autofree char *cmps = cl_test_data_path ("report/cmp-list.json");
  g_autoptr(ClConsentImportResult) result = NULL;
  g_autoptr(ClVendorImport) import = NULL;
  g_autoptr(GError) error = NULL;
  ClLedger *ledger;

  ledger = cl_ledger_open (path, &error);
  g_assert_no_error (error);
  cl_consent_import_file (ledger, consents, CL_CONSENT_READER_FLAGS_NONE, NULL, NULL, NULL,
                          &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_imported, ==, 5);

  import = cl_vendor_import_new_for_path (ledger, vendors, NULL, &error);
  g_assert_no_error (error);
  cl_vendor_import_apply (import, ledger, NULL, &error);
  g_assert_no_error (error);

  /* The IAB CMP list names the CMP of Anna's TC string. */
  cl_cmp_store_import (ledger, cmps, FALSE, NULL, &error);
  g_assert_no_error (error);
  cl_settings_change (ledger, "company.address", "Storgatan 1, 811 81 Sandviken, Sweden",
                      &error);
  g_assert_no_error (error);
  cl_settings_change (ledger, "company.dpo_contact", "dpo@alleima.example", &error);
  g_assert_no_error (error);
  return ledger;
}

char *
cl_test_report_request (ClLedger      *ledger,
                        ClRequestType  type,
                        const char    *subject,
                        gboolean       verify)
{
  g_autoptr(ClRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  GDate received;

  g_date_clear (&received, 1);
  g_date_set_dmy (&received, 2, G_DATE_MARCH, 2026);
  request = cl_request_create (ledger, type, subject, CL_JURISDICTION_GDPR, &received, &error);
  g_assert_no_error (error);
  if (verify)
    {
      g_autoptr(ClRequest) verified = cl_request_verify (ledger,
                                                         cl_request_get_reference (request),
                                                         "passport checked at the front desk",
                                                         &error);
      g_assert_no_error (error);
    }
  return g_strdup (cl_request_get_reference (request));
}

gpointer
cl_test_hold_reader (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  /* In WAL mode the read transaction, and its snapshot, last until COMMIT. */
  g_assert_cmpint (sqlite3_exec (db, "BEGIN; SELECT count(*) FROM events;", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  return db;
}

void
cl_test_release_reader (gpointer reader)
{
  sqlite3 *db = reader;

  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

guint
cl_test_count_bytes (GBytes     *data,
                     const char *needle)
{
  gsize length = 0;
  const char *bytes = g_bytes_get_data (data, &length);
  gsize needle_length = strlen (needle);
  guint count = 0;

  for (gsize i = 0; needle_length <= length && i <= length - needle_length; i++)
    if (g_ascii_strncasecmp (bytes + i, needle, needle_length) == 0)
      count++;
  return count;
}
