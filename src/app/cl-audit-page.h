/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-audit-page.h: the Audit Log page of the main window. Actions: audit.verify (checks the
 * hash chain in a worker thread and shows the result), audit.refresh, audit.clear-filters. */
#pragma once

#include <adwaita.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_AUDIT_PAGE (cl_audit_page_get_type ())
G_DECLARE_FINAL_TYPE (ClAuditPage, cl_audit_page, CL, AUDIT_PAGE, AdwBin)

void        cl_audit_page_set_ledger        (ClAuditPage *self,
                                             ClLedger    *ledger);
ClLedger   *cl_audit_page_get_ledger        (ClAuditPage *self);
/* Reads the log again (the ledger changed, and every change writes an entry). */
void        cl_audit_page_reload            (ClAuditPage *self);
/* The entries shown (ClAuditEntry), newest first. */
GListModel *cl_audit_page_get_model         (ClAuditPage *self);
/* The sentence shown after audit.verify finished, or NULL before (or while it runs). */
const char *cl_audit_page_get_verify_result (ClAuditPage *self,
                                             gboolean    *ok);
/* Sets every filter at once (NULL or "" = any); dates are YYYY-MM-DD. Other pages use it to
 * show the log of one object. */
void        cl_audit_page_set_filters       (ClAuditPage *self,
                                             const char  *object_type,
                                             const char  *object_id,
                                             const char  *action,
                                             const char  *since,
                                             const char  *until);

G_END_DECLS
