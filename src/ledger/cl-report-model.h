/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-report-model.h: gathers what the ledger holds about a request's subject into the report
 * model, a JSON object with the keys of issue 6. */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

/* For an access request; refused (CL_LEDGER_ERROR_REFUSED) for other request types. */
JsonObject *cl_report_build (ClLedger    *ledger,
                             const char  *reference,
                             GError     **error);

G_END_DECLS
