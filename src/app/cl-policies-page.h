/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-policies-page.h: the Policies page: policy versions, purposes, who must consent again. */
#pragma once

#include <adwaita.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_POLICIES_PAGE (cl_policies_page_get_type ())
G_DECLARE_FINAL_TYPE (ClPoliciesPage, cl_policies_page, CL, POLICIES_PAGE, AdwBin)

void        cl_policies_page_set_ledger          (ClPoliciesPage *self,
                                                  ClLedger       *ledger);
ClLedger   *cl_policies_page_get_ledger          (ClPoliciesPage *self);
/* Reads the versions and purposes again and counts who must consent again (the ledger
 * changed: an import adds the policy versions its events name). */
void        cl_policies_page_reload              (ClPoliciesPage *self);

/* TRUE while counting or exporting in the worker thread. */
gboolean    cl_policies_page_get_busy            (ClPoliciesPage *self);
/* The number of subjects due for re-consent shown, or -1 before the first count. */
gint64      cl_policies_page_get_reconsent_count (ClPoliciesPage *self);
const char *cl_policies_page_get_reconsent_text  (ClPoliciesPage *self);
guint       cl_policies_page_get_n_versions      (ClPoliciesPage *self);
/* The add/edit dialog the page opened and that is still open, or NULL. */
GtkWindow  *cl_policies_page_get_dialog          (ClPoliciesPage *self);
/* The last message shown in a toast (a save, an export, an error), or NULL. */
const char *cl_policies_page_get_last_message    (ClPoliciesPage *self);

G_END_DECLS
