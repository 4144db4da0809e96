/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-private-file.h: writing files that hold personal data: atomically, owner-only. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes data to path atomically (a temporary file renamed over it) with mode 0600.
 * sha256_out (nullable) receives the hex SHA-256 of what was written. */
gboolean cl_private_file_write (const char  *path,
                                const void  *data,
                                gsize        length,
                                char       **sha256_out,
                                GError     **error);

G_END_DECLS
