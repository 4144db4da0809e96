/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-purpose-dialog.c: edits a purpose's texts, legal basis, refusability, data categories,
 * retention and TCF mapping; the key and the bit never change. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-purpose-dialog.h"

struct _ClPurposeDialog
{
  AdwWindow        parent_instance;

  ClLedger        *ledger;
  ClPurpose       *purpose;
  char            *error;

  /* template widgets */
  AdwPreferencesGroup *main_group;
  GtkLabel        *error_label;
  AdwEntryRow     *name_row;
  AdwComboRow     *basis_row;
  GtkSwitch       *refusable_switch;
  AdwEntryRow     *tcf_row;
  AdwEntryRow     *retention_row;
  GtkTextView     *description_view;
  GtkTextView     *categories_view;
};

G_DEFINE_FINAL_TYPE (ClPurposeDialog, cl_purpose_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cl_purpose_dialog_dispose (GObject *object)
{
  ClPurposeDialog *self = CL_PURPOSE_DIALOG (object);

  g_clear_object (&self->ledger);
  g_clear_object (&self->purpose);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_PURPOSE_DIALOG);

  G_OBJECT_CLASS (cl_purpose_dialog_parent_class)->dispose (object);
}

static void
cl_purpose_dialog_finalize (GObject *object)
{
  ClPurposeDialog *self = CL_PURPOSE_DIALOG (object);

  g_free (self->error);

  G_OBJECT_CLASS (cl_purpose_dialog_parent_class)->finalize (object);
}

static void
show_error (ClPurposeDialog *self,
            const char      *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
save (GtkWidget  *widget,
      const char *action_name,
      GVariant   *parameter)
{
  ClPurposeDialog *self = CL_PURPOSE_DIALOG (widget);
  g_autofree char *description = view_text (self->description_view);
  g_autofree char *categories = view_text (self->categories_view);
  g_autoptr(GArray) tcf = NULL;
  g_autoptr(GError) error = NULL;
  guint basis = adw_combo_row_get_selected (self->basis_row);
  ClPurposeFields fields = { NULL };

  tcf = cl_purpose_parse_tcf_list (gtk_editable_get_text (GTK_EDITABLE (self->tcf_row)), &error);
  if (tcf == NULL)
    {
      show_error (self, error->message);
      return;
    }

  fields.name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  fields.description = description;
  fields.legal_basis = cl_legal_basis_all ()[basis];
  fields.refusable = gtk_switch_get_active (self->refusable_switch);
  fields.data_categories = categories;
  fields.retention = gtk_editable_get_text (GTK_EDITABLE (self->retention_row));
  fields.tcf_purposes = (const int *) (gpointer) tcf->data;
  fields.n_tcf_purposes = tcf->len;

  if (!cl_purpose_update (self->ledger, cl_purpose_get_key (self->purpose), &fields, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, cl_purpose_get_key (self->purpose));
  gtk_window_close (GTK_WINDOW (self));
}

static void
cl_purpose_dialog_class_init (ClPurposeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_purpose_dialog_dispose;
  object_class->finalize = cl_purpose_dialog_finalize;

  /**
   * ClPurposeDialog::saved:
   * @key: the purpose's key
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-purpose-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClPurposeDialog, main_group);
  gtk_widget_class_bind_template_child (widget_class, ClPurposeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ClPurposeDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ClPurposeDialog, basis_row);
  gtk_widget_class_bind_template_child (widget_class, ClPurposeDialog, refusable_switch);
  gtk_widget_class_bind_template_child (widget_class, ClPurposeDialog, tcf_row);
  gtk_widget_class_bind_template_child (widget_class, ClPurposeDialog, retention_row);
  gtk_widget_class_bind_template_child (widget_class, ClPurposeDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, ClPurposeDialog, categories_view);

  gtk_widget_class_install_action (widget_class, "purpose.save", NULL, save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_purpose_dialog_init (ClPurposeDialog *self)
{
  g_autoptr(GtkStringList) bases = gtk_string_list_new (NULL);
  const char * const *keys = cl_legal_basis_all ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; keys[i] != NULL; i++)
    gtk_string_list_append (bases, cl_legal_basis_to_label (keys[i]));
  adw_combo_row_set_model (self->basis_row, G_LIST_MODEL (bases));
}

ClPurposeDialog *
cl_purpose_dialog_new (GtkWindow *parent,
                       ClLedger  *ledger,
                       ClPurpose *purpose)
{
  ClPurposeDialog *self;
  const char * const *keys = cl_legal_basis_all ();
  g_autofree char *tcf = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (CL_IS_PURPOSE (purpose), NULL);

  self = g_object_new (CL_TYPE_PURPOSE_DIALOG, "transient-for", parent, NULL);
  self->ledger = g_object_ref (ledger);
  self->purpose = g_object_ref (purpose);

  title = g_strdup_printf (_("Purpose “%s”"), cl_purpose_get_key (purpose));
  adw_preferences_group_set_title (self->main_group, title);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), cl_purpose_get_name (purpose));
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_strcmp0 (keys[i], cl_purpose_get_legal_basis (purpose)) == 0)
      adw_combo_row_set_selected (self->basis_row, i);
  gtk_switch_set_active (self->refusable_switch, cl_purpose_get_refusable (purpose));
  tcf = cl_purpose_format_tcf_list (cl_purpose_get_tcf_purposes (purpose));
  gtk_editable_set_text (GTK_EDITABLE (self->tcf_row), tcf);
  gtk_editable_set_text (GTK_EDITABLE (self->retention_row), cl_purpose_get_retention (purpose));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            cl_purpose_get_description (purpose), -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->categories_view),
                            cl_purpose_get_data_categories (purpose), -1);
  return self;
}

void
cl_purpose_dialog_set_name (ClPurposeDialog *self,
                            const char      *name)
{
  g_return_if_fail (CL_IS_PURPOSE_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
}

const char *
cl_purpose_dialog_get_error (ClPurposeDialog *self)
{
  g_return_val_if_fail (CL_IS_PURPOSE_DIALOG (self), NULL);
  return self->error;
}
