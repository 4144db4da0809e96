/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-prompt.h: a message dialog that asks for one or two lines of text (a reason, a method, a
 * date) before a request step; the accept button stays off until the required ones are filled. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef void (*ClPromptFunc) (GtkWidget   *widget,
                              const char  *first,
                              const char  *second);

/* The dialog is modal on widget's window. On accept, func gets the texts (second is NULL when
 * there is one field). accept_label is a verb ("Reject Request"); destructive colours it red. */
AdwMessageDialog *cl_prompt_new       (GtkWidget    *widget,
                                       const char   *heading,
                                       const char   *body,
                                       const char   *accept_label,
                                       gboolean      destructive,
                                       ClPromptFunc  func);
/* Adds a field; the first one added is "first". */
GtkEntry         *cl_prompt_add_entry (AdwMessageDialog *dialog,
                                       const char       *placeholder,
                                       const char       *text,
                                       gboolean          required);

G_END_DECLS
