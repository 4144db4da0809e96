/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendor-dialog.c: the form for a vendor's own fields. The TCF declarations stay as the
 * vendor list declared them; the form holds what the company itself knows or agreed. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-purpose.h"
#include "cl-vendor-dialog.h"
#include "cl-vendor-store.h"

/* The rows of each purpose's combo, in this order. */
enum {
  BASIS_NONE,
  BASIS_CONSENT,
  BASIS_LEGITIMATE_INTEREST,
};

struct _ClVendorDialog
{
  AdwWindow       parent_instance;

  ClLedger       *ledger;
  ClVendor       *vendor;
  GListModel     *purposes;
  GPtrArray      *purpose_rows;   /* AdwComboRow, one per purpose, in policy order */
  char           *initial_cookie_text;
  char           *error;

  /* template widgets */
  AdwEntryRow         *name_row;
  AdwEntryRow         *gvl_row;
  AdwEntryRow         *country_row;
  AdwEntryRow         *safeguard_row;
  AdwEntryRow         *privacy_row;
  AdwEntryRow         *retention_row;
  AdwEntryRow         *cookie_row;
  AdwPreferencesGroup *purposes_group;
  AdwPreferencesGroup *error_group;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (ClVendorDialog, cl_vendor_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cl_vendor_dialog_dispose (GObject *object)
{
  ClVendorDialog *self = CL_VENDOR_DIALOG (object);

  g_clear_object (&self->ledger);
  g_clear_object (&self->vendor);
  g_clear_object (&self->purposes);
  g_clear_pointer (&self->purpose_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_VENDOR_DIALOG);

  G_OBJECT_CLASS (cl_vendor_dialog_parent_class)->dispose (object);
}

static void
cl_vendor_dialog_finalize (GObject *object)
{
  ClVendorDialog *self = CL_VENDOR_DIALOG (object);

  g_free (self->initial_cookie_text);
  g_free (self->error);

  G_OBJECT_CLASS (cl_vendor_dialog_parent_class)->finalize (object);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cl_vendor_dialog_save (CL_VENDOR_DIALOG (widget));
}

static void
cl_vendor_dialog_class_init (ClVendorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_vendor_dialog_dispose;
  object_class->finalize = cl_vendor_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, CL_TYPE_VENDOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-vendor-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClVendorDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ClVendorDialog, gvl_row);
  gtk_widget_class_bind_template_child (widget_class, ClVendorDialog, country_row);
  gtk_widget_class_bind_template_child (widget_class, ClVendorDialog, safeguard_row);
  gtk_widget_class_bind_template_child (widget_class, ClVendorDialog, privacy_row);
  gtk_widget_class_bind_template_child (widget_class, ClVendorDialog, retention_row);
  gtk_widget_class_bind_template_child (widget_class, ClVendorDialog, cookie_row);
  gtk_widget_class_bind_template_child (widget_class, ClVendorDialog, purposes_group);
  gtk_widget_class_bind_template_child (widget_class, ClVendorDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, ClVendorDialog, error_label);

  gtk_widget_class_install_action (widget_class, "vendor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "vendor.save",
                                       NULL);
}

static void
cl_vendor_dialog_init (ClVendorDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->purpose_rows = g_ptr_array_new ();
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* What the vendor's TCF purposes already make of a company purpose, beside the form's choice. */
static char *
tcf_basis (ClVendor   *vendor,
           const char *key)
{
  const ClVendorRecord *record = cl_vendor_get_record (vendor);
  gboolean consent = g_strv_contains (cl_vendor_get_purposes (vendor), key)
                     && !g_strv_contains ((const char * const *) record->company_purposes, key);
  gboolean li = g_strv_contains (cl_vendor_get_legitimate_interest_purposes (vendor), key)
                && !g_strv_contains ((const char * const *) record->company_leg_int_purposes, key);

  if (consent && li)
    return g_strdup (_("Through its TCF purposes: on consent and on legitimate interest"));
  if (consent)
    return g_strdup (_("Through its TCF purposes: on consent"));
  if (li)
    return g_strdup (_("Through its TCF purposes: on legitimate interest"));
  return NULL;
}

static void
add_purpose_rows (ClVendorDialog       *self,
                  const ClVendorRecord *record)
{
  guint n = g_list_model_get_n_items (self->purposes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClPurpose) purpose = g_list_model_get_item (self->purposes, i);
      const char * const bases[] = { _("Not declared"), _("On consent"),
                                     _("On legitimate interest"), NULL };
      g_autoptr(GtkStringList) model = gtk_string_list_new (bases);
      const char *key = cl_purpose_get_key (purpose);
      GtkWidget *row = adw_combo_row_new ();
      guint basis = BASIS_NONE;

      if (record != NULL && g_strv_contains ((const char * const *) record->company_purposes, key))
        basis = BASIS_CONSENT;
      else if (record != NULL
               && g_strv_contains ((const char * const *) record->company_leg_int_purposes, key))
        basis = BASIS_LEGITIMATE_INTEREST;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_purpose_get_name (purpose));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), basis);
      if (self->vendor != NULL)
        {
          g_autofree char *through = tcf_basis (self->vendor, key);

          if (through != NULL)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), through);
        }
      g_object_set_data_full (G_OBJECT (row), "purpose-key", g_strdup (key), g_free);
      adw_preferences_group_add (self->purposes_group, row);
      g_ptr_array_add (self->purpose_rows, row);
    }
}

ClVendorDialog *
cl_vendor_dialog_new (ClLedger   *ledger,
                      ClVendor   *vendor,
                      GListModel *purposes)
{
  ClVendorDialog *self;
  const ClVendorRecord *record = NULL;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (vendor == NULL || CL_IS_VENDOR (vendor), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (purposes), NULL);

  self = g_object_new (CL_TYPE_VENDOR_DIALOG, NULL);
  self->ledger = g_object_ref (ledger);
  self->vendor = vendor != NULL ? g_object_ref (vendor) : NULL;
  self->purposes = g_object_ref (purposes);

  gtk_window_set_title (GTK_WINDOW (self), vendor != NULL ? _("Edit Vendor") : _("Add Vendor"));
  if (vendor != NULL)
    {
      gint64 seconds;

      record = cl_vendor_get_record (vendor);
      set_text (self->name_row, record->name);
      if (record->gvl_id != 0)
        {
          g_autofree char *id = g_strdup_printf ("%u", record->gvl_id);
          set_text (self->gvl_row, id);
        }
      set_text (self->country_row, record->country);
      set_text (self->safeguard_row, record->transfer_safeguard);
      set_text (self->privacy_row, record->privacy_url);
      if (record->has_retention_days)
        {
          g_autofree char *days = g_strdup_printf ("%u", record->retention_days);
          set_text (self->retention_row, days);
        }
      if (cl_vendor_get_cookie_max_age (vendor, &seconds))
        {
          /* Shown in whole days; saved unchanged unless the officer edits it. */
          g_autofree char *days = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                   MAX (seconds, 0) / 86400);
          set_text (self->cookie_row, days);
        }
    }
  self->initial_cookie_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->cookie_row)));
  add_purpose_rows (self, record);
  return self;
}

static char *
field_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
read_number (AdwEntryRow  *row,
             guint64       max,
             gboolean     *present,
             guint64      *value,
             const char   *what,
             GError      **error)
{
  g_autofree char *text = field_text (row);

  *present = text != NULL;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, max, value, NULL))
    {
      /* TRANSLATORS: "“abc” is not a number: Retention (days)" */
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("“%s” is not a whole number: %s"), text, what);
      return FALSE;
    }
  return TRUE;
}

/* The record the form describes: the vendor's own, with the form's fields in it. */
static ClVendorRecord *
form_record (ClVendorDialog  *self,
             GError         **error)
{
  g_autoptr(ClVendorRecord) record = NULL;
  g_autoptr(GStrvBuilder) consent = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) li = g_strv_builder_new ();
  g_autofree char *country = NULL;
  guint64 number = 0;
  gboolean present;

  record = self->vendor != NULL ? cl_vendor_record_copy_deep (cl_vendor_get_record (self->vendor))
                                : cl_vendor_record_new ();

  g_free (record->name);
  record->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));

  if (!read_number (self->gvl_row, G_MAXUINT16, &present, &number, _("IAB GVL id"), error))
    return NULL;
  record->gvl_id = present ? (guint) number : 0;

  country = field_text (self->country_row);
  g_free (record->country);
  record->country = country != NULL ? g_ascii_strup (country, -1) : NULL;
  g_free (record->transfer_safeguard);
  record->transfer_safeguard = field_text (self->safeguard_row);
  g_free (record->privacy_url);
  record->privacy_url = field_text (self->privacy_row);

  if (!read_number (self->retention_row, G_MAXINT32, &present, &number, _("Retention (days)"),
                    error))
    return NULL;
  record->has_retention_days = present;
  record->retention_days = present ? (guint) number : 0;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->cookie_row)),
                 self->initial_cookie_text) != 0)
    {
      if (!read_number (self->cookie_row, G_MAXINT32, &present, &number,
                        _("Cookie max age (days)"), error))
        return NULL;
      record->has_cookie_max_age = present;
      record->cookie_max_age_seconds = present ? (gint64) number * 86400 : 0;
    }

  for (guint i = 0; i < self->purpose_rows->len; i++)
    {
      AdwComboRow *row = self->purpose_rows->pdata[i];
      const char *key = g_object_get_data (G_OBJECT (row), "purpose-key");

      switch (adw_combo_row_get_selected (row))
        {
        case BASIS_CONSENT:
          g_strv_builder_add (consent, key);
          break;
        case BASIS_LEGITIMATE_INTEREST:
          g_strv_builder_add (li, key);
          break;
        default:
          break;
        }
    }
  g_strfreev (record->company_purposes);
  record->company_purposes = g_strv_builder_end (consent);
  g_strfreev (record->company_leg_int_purposes);
  record->company_leg_int_purposes = g_strv_builder_end (li);

  return g_steal_pointer (&record);
}

static void
show_error (ClVendorDialog *self,
            const char     *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), message != NULL);
}

gboolean
cl_vendor_dialog_save (ClVendorDialog *self)
{
  g_autoptr(ClVendorRecord) record = NULL;
  g_autoptr(ClVendor) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CL_IS_VENDOR_DIALOG (self), FALSE);

  if ((record = form_record (self, &error)) != NULL)
    {
      if (self->vendor != NULL)
        stored = cl_vendor_store_update (self->ledger, cl_vendor_get_id (self->vendor), record,
                                         &error);
      else
        stored = cl_vendor_store_add (self->ledger, record, &error);
    }
  if (stored == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, stored);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

const char *
cl_vendor_dialog_get_error (ClVendorDialog *self)
{
  g_return_val_if_fail (CL_IS_VENDOR_DIALOG (self), NULL);
  return self->error;
}

GtkEditable *
cl_vendor_dialog_get_name_field (ClVendorDialog *self)
{
  g_return_val_if_fail (CL_IS_VENDOR_DIALOG (self), NULL);
  return GTK_EDITABLE (self->name_row);
}
