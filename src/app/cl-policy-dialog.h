/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-policy-dialog.h: the Add / Edit Policy Version dialog. */
#pragma once

#include <adwaita.h>

#include "cl-policy.h"

G_BEGIN_DECLS

#define CL_TYPE_POLICY_DIALOG (cl_policy_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClPolicyDialog, cl_policy_dialog, CL, POLICY_DIALOG, AdwWindow)

/* version NULL: add a new version. The dialog saves through the library itself, shows the
 * library's error in place when it refuses, and emits "saved" (the label) before closing. */
ClPolicyDialog *cl_policy_dialog_new       (GtkWindow       *parent,
                                            ClLedger        *ledger,
                                            ClPolicyVersion *version);

/* Fills the form as a person would type it (tests drive the dialog with this and the
 * policy.save action). */
void            cl_policy_dialog_fill      (ClPolicyDialog  *self,
                                            const char      *version,
                                            const char      *effective,
                                            gboolean         significant,
                                            const char      *summary,
                                            const char      *text_path);
/* The refusal shown in the dialog, or NULL. */
const char     *cl_policy_dialog_get_error (ClPolicyDialog  *self);

G_END_DECLS
