/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-report-file.h: the subject-access report of a request, rendered in any of its formats,
 * written as a private file and recorded on the request. Part of the report library (cairo and
 * Pango, for the PDF), which the app and consentctl link with the core library. */
#pragma once

#include <gio/gio.h>

#include "cl-ledger.h"
#include "cl-report.h"

G_BEGIN_DECLS

/* The report answering the access request reference, in format. */
GBytes   *cl_report_render_request (ClLedger        *ledger,
                                    const char      *reference,
                                    ClReportFormat   format,
                                    GCancellable    *cancellable,
                                    GError         **error);

/* Renders the report, writes it to path (atomically, mode 0600) and records the file with its
 * SHA-256 on the request (a step and an audit entry). sha256_out (nullable) receives the hex
 * digest. When recording fails the file is removed again. */
gboolean  cl_report_file_write     (ClLedger        *ledger,
                                    const char      *reference,
                                    ClReportFormat   format,
                                    const char      *path,
                                    char           **sha256_out,
                                    GCancellable    *cancellable,
                                    GError         **error);

G_END_DECLS
