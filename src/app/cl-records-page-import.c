/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-records-page-import.c: the Import… action of the Consent Records page, kept apart from the
 * page's list and filters. The page has an import slot in its toolbar; this file puts the
 * Import… button and a ClImportProgress there, and keeps its own state on the page. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-import-progress.h"
#include "cl-records-page-import.h"
#include "cl-window.h"

typedef struct
{
  ClImportProgress *progress;  /* owned by the import slot */
  char             *message;   /* of the last import */
} ImportState;

static void
import_state_free (gpointer data)
{
  ImportState *state = data;

  g_free (state->message);
  g_free (state);
}

static GQuark
import_state_quark (void)
{
  return g_quark_from_static_string ("cl-records-page-import");
}

static ImportState *
get_state (ClRecordsPage *self)
{
  return g_object_get_qdata (G_OBJECT (self), import_state_quark ());
}

static void
set_message (ClRecordsPage *self,
             const char    *message)
{
  ImportState *state = get_state (self);

  g_free (state->message);
  state->message = g_strdup (message);
}

static void
show_toast (ClRecordsPage *self,
            const char    *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  set_message (self, message);
  if (CL_IS_WINDOW (root))
    cl_window_show_toast (CL_WINDOW (root), message);
}

static void
show_error (ClRecordsPage *self,
            const char    *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  set_message (self, body);
  if (!GTK_IS_WINDOW (root))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Could Not Import"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_action (ClRecordsPage *self)
{
  ImportState *state = get_state (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.import",
                                 cl_records_page_get_ledger (self) != NULL
                                 && !cl_import_progress_get_running (state->progress));
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ClRecordsPage) self = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  gboolean ok;

  ok = cl_import_progress_run_finish (CL_IMPORT_PROGRESS (source), result, &results, &error);
  update_action (self);
  /* Every page that shows what events say reads the ledger again, this one included; outside
   * a window nobody relays, so at least this page does. */
  if (results->len > 0
      && !gtk_widget_activate_action (GTK_WIDGET (self), "win.ledger-changed", NULL))
    cl_records_page_reload (self);
  counts = cl_import_progress_describe (results);

  if (ok)
    show_toast (self, counts);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = NULL;

      if (results->len > 0)
        /* TRANSLATORS: %s is "Imported 7 events (…)" for the files done before the cancel */
        message = g_strdup_printf (_("Import cancelled; the file being imported was left out. %s"),
                                   counts);
      else
        message = g_strdup (_("Import cancelled; the ledger is as it was"));
      show_toast (self, message);
    }
  else
    {
      g_autoptr(GString) body = g_string_new (error->message);

      g_string_append (body, "\n\n");
      if (g_error_matches (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT))
        g_string_append (body, _("Nothing of that file was imported. Correct the line and "
                                 "import the file again."));
      if (results->len > 0)
        {
          g_string_append_c (body, ' ');
          /* TRANSLATORS: %s is "Imported 7 events (…)", for the files before the bad one */
          g_string_append_printf (body, _("The files before it were imported: %s."), counts);
        }
      show_error (self, g_strstrip (body->str));
    }
}

void
cl_records_page_import_files (ClRecordsPage *self,
                              GListModel    *files)
{
  ImportState *state;
  ClLedger *ledger;

  g_return_if_fail (CL_IS_RECORDS_PAGE (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  state = get_state (self);
  ledger = cl_records_page_get_ledger (self);
  if (ledger == NULL || cl_import_progress_get_running (state->progress)
      || g_list_model_get_n_items (files) == 0)
    return;

  cl_import_progress_run_async (state->progress, ledger, files, on_import_done,
                                g_object_ref (self));
  update_action (self);
}

static void
on_files_chosen (GtkNativeDialog *dialog,
                 int              response,
                 ClRecordsPage   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      cl_records_page_import_files (self, files);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClRecordsPage *self = CL_RECORDS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) logs = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Consent Logs"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                         _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (logs, _("Consent logs (JSON Lines, CSV)"));
  gtk_file_filter_add_suffix (logs, "jsonl");
  gtk_file_filter_add_suffix (logs, "json");
  gtk_file_filter_add_suffix (logs, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), logs);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect (chooser, "response", G_CALLBACK (on_files_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_ledger_changed (ClRecordsPage *self)
{
  update_action (self);
}

void
cl_records_page_class_init_import (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "records.import", NULL, import_action);
}

void
cl_records_page_init_import (ClRecordsPage *self)
{
  ImportState *state = g_new0 (ImportState, 1);
  GtkWidget *button;

  g_return_if_fail (CL_IS_RECORDS_PAGE (self));

  g_object_set_qdata_full (G_OBJECT (self), import_state_quark (), state, import_state_free);

  button = gtk_button_new_with_mnemonic (_("_Import…"));
  gtk_widget_set_tooltip_text (button, _("Import consent logs (JSON Lines or CSV)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "records.import");
  state->progress = cl_import_progress_new ();
  gtk_box_append (cl_records_page_get_import_slot (self), GTK_WIDGET (state->progress));
  gtk_box_append (cl_records_page_get_import_slot (self), button);

  g_signal_connect (self, "notify::ledger", G_CALLBACK (on_ledger_changed), NULL);
  update_action (self);
}

gboolean
cl_records_page_get_importing (ClRecordsPage *self)
{
  g_return_val_if_fail (CL_IS_RECORDS_PAGE (self), FALSE);
  return cl_import_progress_get_running (get_state (self)->progress);
}

const char *
cl_records_page_get_import_message (ClRecordsPage *self)
{
  g_return_val_if_fail (CL_IS_RECORDS_PAGE (self), NULL);
  return get_state (self)->message;
}
