/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-policy-dialog.c: adds or edits a policy version. Validation is the library's: the dialog
 * shows its sentence and keeps what was typed, so nothing is lost to a typo in a date. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-policy-dialog.h"

struct _ClPolicyDialog
{
  AdwWindow        parent_instance;

  ClLedger        *ledger;
  ClPolicyVersion *version;     /* NULL when adding */
  char            *text_path;   /* a newly chosen text, or NULL */
  char            *error;

  /* template widgets */
  GtkButton       *save_button;
  GtkLabel        *error_label;
  AdwEntryRow     *version_row;
  AdwEntryRow     *effective_row;
  GtkMenuButton   *calendar_button;
  GtkCalendar     *calendar;
  GtkSwitch       *significant_switch;
  GtkTextView     *summary_view;
  AdwActionRow    *text_row;
  AdwActionRow    *sha256_row;
  GtkLabel        *sha256_label;
};

G_DEFINE_FINAL_TYPE (ClPolicyDialog, cl_policy_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cl_policy_dialog_dispose (GObject *object)
{
  ClPolicyDialog *self = CL_POLICY_DIALOG (object);

  g_clear_object (&self->ledger);
  g_clear_object (&self->version);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_POLICY_DIALOG);

  G_OBJECT_CLASS (cl_policy_dialog_parent_class)->dispose (object);
}

static void
cl_policy_dialog_finalize (GObject *object)
{
  ClPolicyDialog *self = CL_POLICY_DIALOG (object);

  g_free (self->text_path);
  g_free (self->error);

  G_OBJECT_CLASS (cl_policy_dialog_parent_class)->finalize (object);
}

static void
show_error (ClPolicyDialog *self,
            const char     *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static char *
summary_text (ClPolicyDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_text (ClPolicyDialog *self,
           const char     *path,
           const char     *sha256)
{
  if (path != NULL)
    {
      g_autofree char *basename = g_path_get_basename (path);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->text_row), basename);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->text_row), path);
    }
  else if (sha256 != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->text_row),
                                 _("Attached earlier; choose a file to replace it"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->text_row), _("No file attached"));

  gtk_label_set_text (self->sha256_label, sha256 != NULL ? sha256 : "–");
}

static void
save (GtkWidget  *widget,
      const char *action_name,
      GVariant   *parameter)
{
  ClPolicyDialog *self = CL_POLICY_DIALOG (widget);
  g_autofree char *summary = summary_text (self);
  g_autoptr(ClPolicyVersion) saved = NULL;
  g_autoptr(GError) error = NULL;
  ClPolicyFields fields = { NULL };

  fields.version = gtk_editable_get_text (GTK_EDITABLE (self->version_row));
  fields.effective = gtk_editable_get_text (GTK_EDITABLE (self->effective_row));
  fields.significant = gtk_switch_get_active (self->significant_switch);
  fields.summary = summary;
  fields.text_path = self->text_path;

  if (self->version == NULL)
    saved = cl_policy_add (self->ledger, &fields, &error);
  else
    saved = cl_policy_edit (self->ledger, cl_policy_version_get_version (self->version), &fields,
                            &error);
  if (saved == NULL)
    {
      show_error (self, error->message);
      return;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, cl_policy_version_get_version (saved));
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_text_chosen (GtkNativeDialog *chooser,
                int              response,
                ClPolicyDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autofree char *sha256 = NULL;

      /* Hashed now, so the officer sees the fingerprint before saving. */
      if (path != NULL && (sha256 = cl_policy_hash_file (path, NULL, &error)) == NULL)
        show_error (self, error->message);
      else if (path != NULL)
        {
          show_error (self, NULL);
          g_free (self->text_path);
          self->text_path = g_steal_pointer (&path);
          show_text (self, self->text_path, sha256);
        }
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_text (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClPolicyDialog *self = CL_POLICY_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) texts = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose the Policy Text"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (texts, _("Documents"));
  gtk_file_filter_add_mime_type (texts, "text/*");
  gtk_file_filter_add_mime_type (texts, "application/pdf");
  gtk_file_filter_add_suffix (texts, "md");
  gtk_file_filter_add_suffix (texts, "html");
  gtk_file_filter_add_suffix (texts, "pdf");
  gtk_file_filter_add_suffix (texts, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), texts);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect (chooser, "response", G_CALLBACK (on_text_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_entry_activated (ClPolicyDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "policy.save", NULL);
}

static void
on_day_selected (ClPolicyDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->effective_row), text);
  gtk_menu_button_popdown (self->calendar_button);
}

static void
cl_policy_dialog_class_init (ClPolicyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_policy_dialog_dispose;
  object_class->finalize = cl_policy_dialog_finalize;

  /**
   * ClPolicyDialog::saved:
   * @version: the label of the version as saved
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-policy-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClPolicyDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ClPolicyDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ClPolicyDialog, version_row);
  gtk_widget_class_bind_template_child (widget_class, ClPolicyDialog, effective_row);
  gtk_widget_class_bind_template_child (widget_class, ClPolicyDialog, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, ClPolicyDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, ClPolicyDialog, significant_switch);
  gtk_widget_class_bind_template_child (widget_class, ClPolicyDialog, summary_view);
  gtk_widget_class_bind_template_child (widget_class, ClPolicyDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, ClPolicyDialog, sha256_row);
  gtk_widget_class_bind_template_child (widget_class, ClPolicyDialog, sha256_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);

  gtk_widget_class_install_action (widget_class, "policy.save", NULL, save);
  gtk_widget_class_install_action (widget_class, "policy.choose-text", NULL, choose_text);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_policy_dialog_init (ClPolicyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_text (self, NULL, NULL);
}

ClPolicyDialog *
cl_policy_dialog_new (GtkWindow       *parent,
                      ClLedger        *ledger,
                      ClPolicyVersion *version)
{
  ClPolicyDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (version == NULL || CL_IS_POLICY_VERSION (version), NULL);

  self = g_object_new (CL_TYPE_POLICY_DIALOG, "transient-for", parent, NULL);
  self->ledger = g_object_ref (ledger);

  if (version != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Edit Version %s"),
                                                cl_policy_version_get_version (version));
      const char *effective = cl_policy_version_get_effective (version);

      self->version = g_object_ref (version);
      gtk_window_set_title (GTK_WINDOW (self), title);
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->version_row),
                             cl_policy_version_get_version (version));
      gtk_editable_set_text (GTK_EDITABLE (self->effective_row), effective != NULL ? effective : "");
      gtk_switch_set_active (self->significant_switch, cl_policy_version_get_significant (version));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view),
                                cl_policy_version_get_summary (version), -1);
      show_text (self, NULL, cl_policy_version_get_text_sha256 (version));
    }
  return self;
}

void
cl_policy_dialog_fill (ClPolicyDialog *self,
                       const char     *version,
                       const char     *effective,
                       gboolean        significant,
                       const char     *summary,
                       const char     *text_path)
{
  g_return_if_fail (CL_IS_POLICY_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->version_row), version != NULL ? version : "");
  gtk_editable_set_text (GTK_EDITABLE (self->effective_row), effective != NULL ? effective : "");
  gtk_switch_set_active (self->significant_switch, significant);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view),
                            summary != NULL ? summary : "", -1);
  g_free (self->text_path);
  self->text_path = g_strdup (text_path);
  if (text_path != NULL)
    {
      g_autofree char *sha256 = cl_policy_hash_file (text_path, NULL, NULL);
      show_text (self, text_path, sha256);
    }
}

const char *
cl_policy_dialog_get_error (ClPolicyDialog *self)
{
  g_return_val_if_fail (CL_IS_POLICY_DIALOG (self), NULL);
  return self->error;
}
