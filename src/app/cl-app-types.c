/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-app-types.c: one list of the template classes, so a test can build every template in ui/
 * (version fences do not check .ui files; this catches widgets newer than libadwaita 1.2). */
#include "config.h"

#include "cl-app-types.h"
#include "cl-audit-page.h"
#include "cl-new-request-dialog.h"
#include "cl-import-progress.h"
#include "cl-overview-page.h"
#include "cl-policies-page.h"
#include "cl-policy-dialog.h"
#include "cl-policy-row.h"
#include "cl-purpose-dialog.h"
#include "cl-purpose-row.h"
#include "cl-preferences-window.h"
#include "cl-records-filters.h"
#include "cl-records-page.h"
#include "cl-report-actions.h"
#include "cl-request-detail.h"
#include "cl-requests-page.h"
#include "cl-subject-pane.h"
#include "cl-upgrade-status.h"
#include "cl-vendor-dialog.h"
#include "cl-vendor-import-dialog.h"
#include "cl-vendor-pane.h"
#include "cl-vendors-page.h"
#include "cl-window.h"

void
cl_app_ensure_types (void)
{
  g_type_ensure (CL_TYPE_AUDIT_PAGE);
  g_type_ensure (CL_TYPE_NEW_REQUEST_DIALOG);
  g_type_ensure (CL_TYPE_IMPORT_PROGRESS);
  g_type_ensure (CL_TYPE_OVERVIEW_PAGE);
  g_type_ensure (CL_TYPE_POLICIES_PAGE);
  g_type_ensure (CL_TYPE_POLICY_DIALOG);
  g_type_ensure (CL_TYPE_POLICY_ROW);
  g_type_ensure (CL_TYPE_PURPOSE_DIALOG);
  g_type_ensure (CL_TYPE_PURPOSE_ROW);
  g_type_ensure (CL_TYPE_PREFERENCES_WINDOW);
  g_type_ensure (CL_TYPE_RECORDS_FILTERS);
  g_type_ensure (CL_TYPE_RECORDS_PAGE);
  g_type_ensure (CL_TYPE_REPORT_ACTIONS);
  g_type_ensure (CL_TYPE_REQUEST_DETAIL);
  g_type_ensure (CL_TYPE_REQUESTS_PAGE);
  g_type_ensure (CL_TYPE_SUBJECT_PANE);
  g_type_ensure (CL_TYPE_UPGRADE_STATUS);
  g_type_ensure (CL_TYPE_VENDOR_DIALOG);
  g_type_ensure (CL_TYPE_VENDOR_IMPORT_DIALOG);
  g_type_ensure (CL_TYPE_VENDOR_PANE);
  g_type_ensure (CL_TYPE_VENDORS_PAGE);
  g_type_ensure (CL_TYPE_WINDOW);
}
