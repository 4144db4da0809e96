/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-request-subject.h: which subject a request, or an identifier given with it, is about; shared
 * by the report, the export and erasure so that they agree. */
#pragma once

#include "cl-ledger.h"
#include "cl-request.h"

G_BEGIN_DECLS

/* The subject the request is about: the one it matched when it was made, else the one its
 * identifier names now (the subject's consent log may have been imported since). 0 when none. */
gboolean cl_request_subject_resolve (ClLedger    *ledger,
                                     ClRequest   *request,
                                     gint64      *subject_id,
                                     GError     **error);

/* Whether request may be answered now: it is of expected_type, not rejected, and the subject's
 * identity was verified. CL_LEDGER_ERROR_REFUSED with the reason otherwise. */
gboolean cl_request_check_ready     (ClRequest      *request,
                                     ClRequestType   expected_type,
                                     GError        **error);

/* The subject for an operation given an identifier (nullable) and a request (nullable, of the
 * type expected): the identifier's subject, which must be the request's when both are given.
 * The request must be ready (cl_request_check_ready). */
gboolean cl_request_subject_for (ClLedger       *ledger,
                                 const char     *identifier,
                                 const char     *reference,
                                 ClRequestType   expected_type,
                                 gint64         *subject_id,
                                 ClRequest     **out_request,
                                 GError        **error);

G_END_DECLS
