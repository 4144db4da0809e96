/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-policy-row.h: one policy version in the Policies page's list. */
#pragma once

#include <adwaita.h>

#include "cl-policy.h"

G_BEGIN_DECLS

#define CL_TYPE_POLICY_ROW (cl_policy_row_get_type ())
G_DECLARE_FINAL_TYPE (ClPolicyRow, cl_policy_row, CL, POLICY_ROW, AdwActionRow)

/* now_ms decides whether the version is current, scheduled or superseded. */
GtkWidget       *cl_policy_row_new         (ClPolicyVersion *version,
                                            gboolean         is_current,
                                            gint64           now_ms);
ClPolicyVersion *cl_policy_row_get_version (ClPolicyRow     *self);

G_END_DECLS
