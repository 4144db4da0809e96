/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-audit.h: the append-only, hash-chained audit log of every change to a ledger. */
#pragma once

#include "cl-ledger.h"

G_BEGIN_DECLS

/* Appends within the caller's transaction, so the entry exists exactly when the change does.
 * detail must never hold an erased subject's identifiers. */
gboolean cl_audit_append (ClLedger    *ledger,
                          const char  *action,
                          const char  *object_type,
                          const char  *object_id,
                          const char  *detail,
                          GError     **error);

/* Recomputes the chain. Returns FALSE with CL_LEDGER_ERROR_REFUSED naming the first entry
 * whose hash does not match; n_checked is the number of entries read. */
gboolean cl_audit_verify (ClLedger    *ledger,
                          guint       *n_checked,
                          GError     **error);

G_END_DECLS
