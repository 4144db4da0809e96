/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendor-import-dialog.c: the import preview. The vendor rows of each kind of change are
 * made when their section is opened: a new GVL adds hundreds. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-vendor-import-dialog.h"

struct _ClVendorImportDialog
{
  AdwWindow       parent_instance;

  ClVendorImport *import;
  gboolean        responded;
  char           *summary;

  /* template widgets */
  GtkLabel       *summary_label;
  GtkLabel       *source_label;
  GtkLabel       *note_label;
  AdwExpanderRow *added_row;
  AdwExpanderRow *changed_row;
  AdwExpanderRow *withdrawn_row;
  GtkButton      *import_button;
};

G_DEFINE_FINAL_TYPE (ClVendorImportDialog, cl_vendor_import_dialog, ADW_TYPE_WINDOW)

enum {
  RESPONSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cl_vendor_import_dialog_dispose (GObject *object)
{
  ClVendorImportDialog *self = CL_VENDOR_IMPORT_DIALOG (object);

  g_clear_object (&self->import);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_VENDOR_IMPORT_DIALOG);

  G_OBJECT_CLASS (cl_vendor_import_dialog_parent_class)->dispose (object);
}

static void
cl_vendor_import_dialog_finalize (GObject *object)
{
  ClVendorImportDialog *self = CL_VENDOR_IMPORT_DIALOG (object);

  g_free (self->summary);

  G_OBJECT_CLASS (cl_vendor_import_dialog_parent_class)->finalize (object);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cl_vendor_import_dialog_respond (CL_VENDOR_IMPORT_DIALOG (widget), TRUE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cl_vendor_import_dialog_respond (CL_VENDOR_IMPORT_DIALOG (widget), FALSE);
}

/* Closing the window any other way is a cancel. */
static gboolean
cl_vendor_import_dialog_close_request (GtkWindow *window)
{
  ClVendorImportDialog *self = CL_VENDOR_IMPORT_DIALOG (window);

  if (!self->responded)
    {
      self->responded = TRUE;
      g_signal_emit (self, signals[RESPONSE], 0, FALSE);
    }
  return GTK_WINDOW_CLASS (cl_vendor_import_dialog_parent_class)->close_request (window);
}

static void on_expanded (ClVendorImportDialog *self,
                         GParamSpec           *pspec,
                         AdwExpanderRow       *row);

static void
cl_vendor_import_dialog_class_init (ClVendorImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cl_vendor_import_dialog_dispose;
  object_class->finalize = cl_vendor_import_dialog_finalize;
  window_class->close_request = cl_vendor_import_dialog_close_request;

  signals[RESPONSE] = g_signal_new ("response", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-vendor-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClVendorImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ClVendorImportDialog, source_label);
  gtk_widget_class_bind_template_child (widget_class, ClVendorImportDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, ClVendorImportDialog, added_row);
  gtk_widget_class_bind_template_child (widget_class, ClVendorImportDialog, changed_row);
  gtk_widget_class_bind_template_child (widget_class, ClVendorImportDialog, withdrawn_row);
  gtk_widget_class_bind_template_child (widget_class, ClVendorImportDialog, import_button);
  gtk_widget_class_bind_template_callback (widget_class, on_expanded);

  gtk_widget_class_install_action (widget_class, "import.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
cl_vendor_import_dialog_init (ClVendorImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

const char *
cl_vendor_field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "gvl_id", N_("GVL id") },
    { "name", N_("name") },
    { "tcf_purposes", N_("TCF purposes on consent") },
    { "tcf_legitimate_interest_purposes", N_("TCF purposes on legitimate interest") },
    { "flexible_purposes", N_("flexible purposes") },
    { "special_purposes", N_("special purposes") },
    { "features", N_("features") },
    { "special_features", N_("special features") },
    { "data_categories", N_("data categories") },
    { "data_retention", N_("retention") },
    { "urls", N_("addresses") },
    { "uses_cookies", N_("use of cookies") },
    { "cookie_max_age_seconds", N_("cookie max age") },
    { "cookie_refresh", N_("cookie refresh") },
    { "uses_non_cookie_access", N_("other storage than cookies") },
    { "device_storage_disclosure_url", N_("device storage disclosure") },
    { "deleted", N_("withdrawal") },
    { "purposes", N_("company purposes on consent") },
    { "legitimate_interest_purposes", N_("company purposes on legitimate interest") },
    { "country", N_("country") },
    { "transfer_safeguard", N_("transfer safeguard") },
    { "privacy_url", N_("privacy policy") },
    { "retention_days", N_("agreed retention") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].field, field) == 0)
      return _(labels[i].label);
  return field;
}

static ClVendorChangeKind
row_kind (ClVendorImportDialog *self,
          AdwExpanderRow       *row)
{
  if (row == self->added_row)
    return CL_VENDOR_CHANGE_ADDED;
  if (row == self->changed_row)
    return CL_VENDOR_CHANGE_CHANGED;
  return CL_VENDOR_CHANGE_WITHDRAWN;
}

static char *
change_subtitle (const ClVendorChange *change)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (change->record->gvl_id != 0)
    g_string_append_printf (text, _("GVL id %u"), change->record->gvl_id);
  if (change->kind == CL_VENDOR_CHANGE_CHANGED)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      for (guint i = 0; change->fields[i] != NULL; i++)
        {
          g_string_append (text, i == 0 ? _("Changed: ") : ", ");
          g_string_append (text, cl_vendor_field_label (change->fields[i]));
        }
    }
  else if (change->kind == CL_VENDOR_CHANGE_WITHDRAWN && change->record->deleted_date != NULL)
    {
      g_autofree char *date = g_strndup (change->record->deleted_date, 10);

      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, _("withdrawn %s"), date);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_expanded (ClVendorImportDialog *self,
             GParamSpec           *pspec,
             AdwExpanderRow       *row)
{
  GPtrArray *changes;
  ClVendorChangeKind kind;

  if (self->import == NULL || !adw_expander_row_get_expanded (row)
      || g_object_get_data (G_OBJECT (row), "filled") != NULL)
    return;
  g_object_set_data (G_OBJECT (row), "filled", GINT_TO_POINTER (TRUE));

  kind = row_kind (self, row);
  changes = cl_vendor_import_get_changes (self->import);
  for (guint i = 0; i < changes->len; i++)
    {
      const ClVendorChange *change = changes->pdata[i];
      g_autofree char *subtitle = NULL;
      GtkWidget *child;

      if (change->kind != kind)
        continue;
      subtitle = change_subtitle (change);
      child = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (child), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), change->record->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (child), subtitle);
      adw_expander_row_add_row (row, child);
    }
}

static void
set_count (AdwExpanderRow *row,
           guint           count)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vendor",
                                                        "%u vendors", count), count);

  adw_expander_row_set_subtitle (row, text);
  gtk_widget_set_sensitive (GTK_WIDGET (row), count > 0);
}

static char *
describe_source (ClVendorImport *import)
{
  const ClVendorList *list = cl_vendor_import_get_list (import);
  g_autofree char *basename = g_path_get_basename (cl_vendor_import_get_filename (import));

  if (list->format == CL_VENDOR_LIST_CSV)
    /* TRANSLATORS: "vendors.csv: a vendor list in CSV" */
    return g_strdup_printf (_("%s: a vendor list in CSV"), basename);
  if (list->last_updated != NULL)
    {
      g_autofree char *date = g_strndup (list->last_updated, 10);
      /* TRANSLATORS: "vendor-list.json: IAB Global Vendor List version 17 of 2023-09-07" */
      return g_strdup_printf (_("%s: IAB Global Vendor List version %u of %s"), basename,
                              list->vendor_list_version, date);
    }
  return g_strdup_printf (_("%s: IAB Global Vendor List version %u"), basename,
                          list->vendor_list_version);
}

static char *
describe_notes (ClVendorImport *import)
{
  const ClVendorList *list = cl_vendor_import_get_list (import);
  guint previous = cl_vendor_import_get_previous_version (import);
  guint missing = cl_vendor_import_get_n_missing (import);
  g_autoptr(GString) notes = g_string_new (NULL);

  if (list->format == CL_VENDOR_LIST_GVL && previous > list->vendor_list_version)
    g_string_append_printf (notes, _("This list is older than the one the ledger has (version "
                                     "%u). Importing it turns the vendors back to how they "
                                     "were."), previous);
  if (missing > 0)
    {
      if (notes->len > 0)
        g_string_append_c (notes, '\n');
      g_string_append_printf (notes, g_dngettext (GETTEXT_PACKAGE,
                                                  "%u vendor of the ledger is not in this list; "
                                                  "it is kept as it is.",
                                                  "%u vendors of the ledger are not in this "
                                                  "list; they are kept as they are.", missing),
                              missing);
    }
  if (!cl_vendor_import_has_changes (import))
    {
      if (notes->len > 0)
        g_string_append_c (notes, '\n');
      g_string_append (notes, _("The ledger already holds every vendor of this list as it is. "
                                "Importing only records that this list was imported."));
    }
  return g_string_free (g_steal_pointer (&notes), FALSE);
}

ClVendorImportDialog *
cl_vendor_import_dialog_new (ClVendorImport *import)
{
  ClVendorImportDialog *self;
  g_autofree char *source = NULL;
  g_autofree char *notes = NULL;

  g_return_val_if_fail (CL_IS_VENDOR_IMPORT (import), NULL);

  self = g_object_new (CL_TYPE_VENDOR_IMPORT_DIALOG, NULL);
  self->import = g_object_ref (import);

  /* TRANSLATORS: the import preview's summary */
  self->summary = g_strdup_printf (_("%u added, %u changed, %u withdrawn, %u unchanged"),
                                   cl_vendor_import_count (import, CL_VENDOR_CHANGE_ADDED),
                                   cl_vendor_import_count (import, CL_VENDOR_CHANGE_CHANGED),
                                   cl_vendor_import_count (import, CL_VENDOR_CHANGE_WITHDRAWN),
                                   cl_vendor_import_count (import, CL_VENDOR_CHANGE_UNCHANGED));
  gtk_label_set_text (self->summary_label, self->summary);
  source = describe_source (import);
  gtk_label_set_text (self->source_label, source);
  notes = describe_notes (import);
  gtk_label_set_text (self->note_label, notes);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), *notes != '\0');

  set_count (self->added_row, cl_vendor_import_count (import, CL_VENDOR_CHANGE_ADDED));
  set_count (self->changed_row, cl_vendor_import_count (import, CL_VENDOR_CHANGE_CHANGED));
  set_count (self->withdrawn_row, cl_vendor_import_count (import, CL_VENDOR_CHANGE_WITHDRAWN));
  return self;
}

ClVendorImport *
cl_vendor_import_dialog_get_import (ClVendorImportDialog *self)
{
  g_return_val_if_fail (CL_IS_VENDOR_IMPORT_DIALOG (self), NULL);
  return self->import;
}

void
cl_vendor_import_dialog_respond (ClVendorImportDialog *self,
                                 gboolean              confirmed)
{
  g_return_if_fail (CL_IS_VENDOR_IMPORT_DIALOG (self));

  if (self->responded)
    return;
  self->responded = TRUE;
  g_signal_emit (self, signals[RESPONSE], 0, confirmed);
  gtk_window_close (GTK_WINDOW (self));
}

const char *
cl_vendor_import_dialog_get_summary (ClVendorImportDialog *self)
{
  g_return_val_if_fail (CL_IS_VENDOR_IMPORT_DIALOG (self), NULL);
  return self->summary;
}
