/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-prompt.c: a message dialog asking for a line or two of text before a request step. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-prompt.h"

#define ACCEPT "accept"

typedef struct
{
  GtkWidget    *widget;   /* owned: the page the step is for */
  ClPromptFunc  func;
  GtkBox       *fields;
  GPtrArray    *entries;  /* GtkEntry, borrowed from the dialog */
  GPtrArray    *required; /* GINT_TO_POINTER */
} Prompt;

static void
prompt_free (gpointer data)
{
  Prompt *prompt = data;

  g_object_unref (prompt->widget);
  g_ptr_array_unref (prompt->entries);
  g_ptr_array_unref (prompt->required);
  g_free (prompt);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
update_accept (AdwMessageDialog *dialog)
{
  Prompt *prompt = g_object_get_data (G_OBJECT (dialog), "cl-prompt");
  gboolean complete = TRUE;

  for (guint i = 0; i < prompt->entries->len; i++)
    if (GPOINTER_TO_INT (g_ptr_array_index (prompt->required, i))
        && is_blank (gtk_editable_get_text (g_ptr_array_index (prompt->entries, i))))
      complete = FALSE;
  adw_message_dialog_set_response_enabled (dialog, ACCEPT, complete);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  Prompt *prompt = g_object_get_data (G_OBJECT (dialog), "cl-prompt");

  if (g_strcmp0 (response, ACCEPT) == 0)
    {
      const char *first = prompt->entries->len > 0
        ? gtk_editable_get_text (g_ptr_array_index (prompt->entries, 0)) : NULL;
      const char *second = prompt->entries->len > 1
        ? gtk_editable_get_text (g_ptr_array_index (prompt->entries, 1)) : NULL;

      prompt->func (prompt->widget, first, second);
    }
}

AdwMessageDialog *
cl_prompt_new (GtkWidget    *widget,
               const char   *heading,
               const char   *body,
               const char   *accept_label,
               gboolean      destructive,
               ClPromptFunc  func)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;
  Prompt *prompt;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                             : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), ACCEPT, accept_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, ACCEPT,
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE
                                                          : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, ACCEPT);
  adw_message_dialog_set_close_response (dialog, "cancel");

  prompt = g_new0 (Prompt, 1);
  prompt->widget = g_object_ref (widget);
  prompt->func = func;
  prompt->entries = g_ptr_array_new ();
  prompt->required = g_ptr_array_new ();
  prompt->fields = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (prompt->fields));
  g_object_set_data_full (G_OBJECT (dialog), "cl-prompt", prompt, prompt_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);
  return dialog;
}

GtkEntry *
cl_prompt_add_entry (AdwMessageDialog *dialog,
                     const char       *placeholder,
                     const char       *text,
                     gboolean          required)
{
  Prompt *prompt = g_object_get_data (G_OBJECT (dialog), "cl-prompt");
  GtkEntry *entry;

  g_return_val_if_fail (prompt != NULL, NULL);

  entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (entry, placeholder);
  gtk_entry_set_activates_default (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  placeholder, -1);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_box_append (prompt->fields, GTK_WIDGET (entry));
  g_ptr_array_add (prompt->entries, entry);
  g_ptr_array_add (prompt->required, GINT_TO_POINTER (required));
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (update_accept), dialog);
  update_accept (dialog);
  return entry;
}
