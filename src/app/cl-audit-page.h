/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-audit-page.h: the Audit Log page of the main window. */
#pragma once

#include <adwaita.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_AUDIT_PAGE (cl_audit_page_get_type ())
G_DECLARE_FINAL_TYPE (ClAuditPage, cl_audit_page, CL, AUDIT_PAGE, AdwBin)

void      cl_audit_page_set_ledger (ClAuditPage *self,
                      ClLedger *ledger);
ClLedger *cl_audit_page_get_ledger (ClAuditPage *self);

G_END_DECLS
