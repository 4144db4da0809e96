/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendor-csv-reader.h: reads the procurement vendor CSV of BRIEF §4 into a ClVendorList, and
 * reads a vendor list file of either kind (GVL JSON or CSV) by its content. */
#pragma once

#include <gio/gio.h>

#include "cl-vendor-record.h"

G_BEGIN_DECLS

/* More rows than this is not a vendor list (the whole GVL has about a thousand vendors). */
#define CL_VENDOR_CSV_MAX_VENDORS 100000

ClVendorList *cl_vendor_csv_read_stream (GInputStream        *stream,
                                         const char          *filename,
                                         const char * const  *purpose_keys,
                                         GError             **error);
ClVendorList *cl_vendor_csv_read_file   (const char          *path,
                                         const char * const  *purpose_keys,
                                         GError             **error);
ClVendorList *cl_vendor_list_read_file  (const char          *path,
                                         const char * const  *purpose_keys,
                                         GError             **error);

G_END_DECLS
