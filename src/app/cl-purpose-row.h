/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-purpose-row.h: one purpose in the Policies page's list. */
#pragma once

#include <adwaita.h>

#include "cl-purpose.h"

G_BEGIN_DECLS

#define CL_TYPE_PURPOSE_ROW (cl_purpose_row_get_type ())
G_DECLARE_FINAL_TYPE (ClPurposeRow, cl_purpose_row, CL, PURPOSE_ROW, AdwActionRow)

GtkWidget *cl_purpose_row_new         (ClPurpose    *purpose);
ClPurpose *cl_purpose_row_get_purpose (ClPurposeRow *self);

G_END_DECLS
