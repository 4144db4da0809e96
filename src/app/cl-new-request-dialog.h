/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-new-request-dialog.h: the New Request… dialog; emits "created" with the new request. */
#pragma once

#include <adwaita.h>

#include "cl-request.h"

G_BEGIN_DECLS

#define CL_TYPE_NEW_REQUEST_DIALOG (cl_new_request_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClNewRequestDialog, cl_new_request_dialog, CL, NEW_REQUEST_DIALOG, AdwWindow)

ClNewRequestDialog *cl_new_request_dialog_new              (GtkWindow          *parent,
                                                            ClLedger           *ledger);
/* Prefills the form (another page may open it for a subject already known). */
void                cl_new_request_dialog_set_request_type (ClNewRequestDialog *self,
                                                            ClRequestType       type);
void                cl_new_request_dialog_set_subject      (ClNewRequestDialog *self,
                                                            const char         *subject);
void                cl_new_request_dialog_set_received     (ClNewRequestDialog *self,
                                                            const char         *received);
void                cl_new_request_dialog_set_jurisdiction (ClNewRequestDialog *self,
                                                            ClJurisdiction      jurisdiction);
/* Whether the identifier typed matches a subject (else the dialog shows its warning). */
gboolean            cl_new_request_dialog_get_subject_found (ClNewRequestDialog *self);

G_END_DECLS
