/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-gvl-reader.c: libFuzzer target for the Global Vendor List reader: any input is read or
 * refused with an INVALID_INPUT error, never a crash, a leak or a critical warning. */
#include <stdint.h>

#include "cl-error.h"
#include "cl-gvl-reader.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

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
  g_autoptr(GError) error = NULL;
  g_autoptr(ClVendorList) list = NULL;

  list = cl_gvl_read_data ((const char *) data, size, "fuzz.json", &error);
  if (list == NULL)
    {
      g_assert (error != NULL);
      g_assert (g_error_matches (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT));
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert (error == NULL);
  /* Touch what the import and the window will use. */
  for (guint i = 0; i < list->vendors->len; i++)
    {
      const ClVendorRecord *record = g_ptr_array_index (list->vendors, i);
      g_auto(GStrv) fields = cl_vendor_record_diff (record, record);

      g_assert (fields[0] == NULL);
      g_assert (record->name != NULL && g_utf8_validate (record->name, -1, NULL));
      g_assert (cl_vendor_list_find_gvl_vendor (list, record->gvl_id) == record);
      (void) cl_vendor_record_get_privacy_url (record);
      for (guint j = 0; j < record->purposes->len; j++)
        (void) cl_vendor_list_get_definition (list, CL_GVL_PURPOSES,
                                              g_array_index (record->purposes, guint, j));
    }

  return 0;
}
