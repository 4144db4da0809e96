/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-subject-pane.h: one subject beside the records list: identifiers, choices, history. */
#pragma once

#include <adwaita.h>

#include "cl-subject.h"

G_BEGIN_DECLS

#define CL_TYPE_SUBJECT_PANE (cl_subject_pane_get_type ())
G_DECLARE_FINAL_TYPE (ClSubjectPane, cl_subject_pane, CL, SUBJECT_PANE, AdwBin)

void        cl_subject_pane_set_subject       (ClSubjectPane *self,
                                               ClSubject     *subject);
ClSubject  *cl_subject_pane_get_subject       (ClSubjectPane *self);
/* What the pane shows, for the tests. */
const char *cl_subject_pane_get_title         (ClSubjectPane *self);
guint       cl_subject_pane_get_n_history     (ClSubjectPane *self);
const char *cl_subject_pane_get_history_text  (ClSubjectPane *self,
                                               guint          position);
const char *cl_subject_pane_get_tc_string     (ClSubjectPane *self);

G_END_DECLS
