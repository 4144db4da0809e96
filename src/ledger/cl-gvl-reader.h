/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-gvl-reader.h: reads the IAB TCF Global Vendor List (vendor-list.json, specification
 * versions 2 and 3) into a ClVendorList; strict about what it reads, never crashes. */
#pragma once

#include "cl-vendor-record.h"

G_BEGIN_DECLS

/* Larger than any real list (about 1 MB today) by far; refuses a wrong file before loading it. */
#define CL_GVL_MAX_FILE_SIZE (64 * 1024 * 1024)

ClVendorList *cl_gvl_read_data   (const char  *data,
                                  gsize        length,
                                  const char  *filename,
                                  GError     **error);
ClVendorList *cl_gvl_read_file   (const char  *path,
                                  GError     **error);
gboolean      cl_gvl_looks_like_json (const char *data,
                                      gsize       length);

G_END_DECLS
