/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-error.h: the ledger's error domain, shared by the app and consentctl. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CL_LEDGER_ERROR (cl_ledger_error_quark ())

typedef enum
{
  CL_LEDGER_ERROR_NOT_A_LEDGER,   /* the file is not a Consent Ledger file */
  CL_LEDGER_ERROR_TOO_NEW,        /* written by a newer Consent Ledger */
  CL_LEDGER_ERROR_INVALID_INPUT,  /* bad content in an imported file or a form: "FILE:LINE: what" */
  CL_LEDGER_ERROR_NOT_FOUND,      /* no such subject, request, vendor, policy version … */
  CL_LEDGER_ERROR_CONFLICT,       /* already exists, e.g. a duplicate policy version label */
  CL_LEDGER_ERROR_REFUSED,        /* not allowed in this state, e.g. a status change the law forbids */
  CL_LEDGER_ERROR_DATABASE,       /* SQLite failed: disk full, locked, corrupt */
} ClLedgerError;

GQuark cl_ledger_error_quark (void);

G_END_DECLS
