/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-purpose-dialog.h: the Edit Purpose dialog. */
#pragma once

#include <adwaita.h>

#include "cl-purpose.h"

G_BEGIN_DECLS

#define CL_TYPE_PURPOSE_DIALOG (cl_purpose_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClPurposeDialog, cl_purpose_dialog, CL, PURPOSE_DIALOG, AdwWindow)

/* Saves through the library, shows its refusal in place, emits "saved" (the key) and closes. */
ClPurposeDialog *cl_purpose_dialog_new       (GtkWindow       *parent,
                                              ClLedger        *ledger,
                                              ClPurpose       *purpose);
/* Sets the name field as a person would (tests). */
void             cl_purpose_dialog_set_name  (ClPurposeDialog *self,
                                              const char      *name);
const char      *cl_purpose_dialog_get_error (ClPurposeDialog *self);

G_END_DECLS
