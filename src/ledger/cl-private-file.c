/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-private-file.c: reports and exports hold personal data; a crash mid-write must leave either
 * the old file or the new one, and nobody but the owner may read them. */
#include "config.h"

#include "cl-private-file.h"

gboolean
cl_private_file_write (const char  *path,
                       const void  *data,
                       gsize        length,
                       char       **sha256_out,
                       GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;

  if (sha256_out != NULL)
    *sha256_out = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
  return TRUE;
}
