/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-export.h: the portability export (GDPR Art. 20): a subject's identifiers and consent events
 * as structured, documented JSON (the consent log shape of BRIEF §4). */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

#define CL_EXPORT_FORMAT_NAME    "consent-ledger-export"
#define CL_EXPORT_FORMAT_VERSION 1

/* The export of the subject known by identifier (nullable when reference is given), for the
 * portability request reference (nullable). With both, they must name the same subject; a
 * request must be a portability request whose subject's identity was verified. */
JsonObject *cl_export_build      (ClLedger      *ledger,
                                  const char    *identifier,
                                  const char    *reference,
                                  GError       **error);

/* Builds the export and writes it to path (atomically, mode 0600), then records it: as a file
 * of the request when there is one, else in the audit log. sha256_out (nullable) receives the
 * file's SHA-256 in hex. */
gboolean    cl_export_file_write (ClLedger      *ledger,
                                  const char    *identifier,
                                  const char    *reference,
                                  const char    *path,
                                  char         **sha256_out,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
