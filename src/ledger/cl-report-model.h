/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-report-model.h: gathers what the ledger holds about a request's subject into the report
 * model, a JSON object with the keys of issue 6. */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

/* The model of the subject-access report answering the access request reference:
 * controller, request, subject, current_choices, consent_history, purposes, sources, rights,
 * generated_at. Refused (CL_LEDGER_ERROR_REFUSED) for other request types; a request whose
 * identifier matches no subject gives a report that says so (Art. 15 wants an answer then too). */
JsonObject *cl_report_build (ClLedger    *ledger,
                             const char  *reference,
                             GError     **error);

G_END_DECLS
