/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-vendor-csv.c: libFuzzer target for the vendor CSV reader: any input is read or refused
 * with an INVALID_INPUT error, never a crash, a leak or a critical warning. */
#include <stdint.h>

#include "cl-error.h"
#include "cl-vendor-csv-reader.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char * const purpose_keys[] = {
  "network", "functional", "measurement", "personalization", "advertising", NULL,
};

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClVendorList) list = NULL;

  stream = g_memory_input_stream_new_from_data (data, (gssize) size, NULL);
  list = cl_vendor_csv_read_stream (stream, "fuzz.csv", purpose_keys, &error);
  if (list == NULL)
    {
      g_assert (g_error_matches (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT));
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert (error == NULL);
  for (guint i = 0; i < list->vendors->len; i++)
    {
      const ClVendorRecord *record = g_ptr_array_index (list->vendors, i);
      g_auto(GStrv) fields = cl_vendor_record_diff (record, record);

      g_assert (fields[0] == NULL);
      g_assert (record->name[0] != '\0' && g_utf8_validate (record->name, -1, NULL));
      g_assert (record->cookie_max_age_seconds >= 0);
      (void) cl_vendor_record_get_privacy_url (record);
    }

  return 0;
}
