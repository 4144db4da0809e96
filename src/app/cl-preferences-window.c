/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-preferences-window.c: edits the ledger settings through cl_settings_change, so each change
 * is validated and audited exactly as consentctl settings does it. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-preferences-window.h"
#include "cl-settings.h"

struct _ClPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  ClLedger            *ledger;
  char                *last_error;

  AdwEntryRow         *name_row;
  AdwEntryRow         *address_row;
  AdwEntryRow         *dpo_row;
  AdwEntryRow         *authority_row;
  GtkSpinButton       *reconsent_spin;
};

G_DEFINE_FINAL_TYPE (ClPreferencesWindow, cl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char *
setting_key_for_row (ClPreferencesWindow *self,
                     AdwEntryRow         *row)
{
  if (row == self->name_row)
    return "company.name";
  if (row == self->address_row)
    return "company.address";
  if (row == self->dpo_row)
    return "company.dpo_contact";
  if (row == self->authority_row)
    return "company.supervisory_authority";
  g_assert_not_reached ();
}

static void
save_setting (ClPreferencesWindow *self,
              const char          *key,
              const char          *value)
{
  g_autoptr(GError) error = NULL;

  if (self->ledger == NULL)
    return;
  g_clear_pointer (&self->last_error, g_free);
  if (!cl_settings_change (self->ledger, key, value, &error))
    {
      self->last_error = g_strdup (error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
    }
}

static void
on_row_apply (AdwEntryRow         *row,
              ClPreferencesWindow *self)
{
  save_setting (self, setting_key_for_row (self, row),
                gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_reconsent_changed (ClPreferencesWindow *self)
{
  g_autofree char *months =
    g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->reconsent_spin));

  save_setting (self, "reconsent.months", months);
}

static void
load_settings (ClPreferencesWindow *self)
{
  AdwEntryRow *rows[] = { self->name_row, self->address_row, self->dpo_row, self->authority_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *value = cl_ledger_get_setting (self->ledger,
                                                      setting_key_for_row (self, rows[i]));
      gtk_editable_set_text (GTK_EDITABLE (rows[i]), value != NULL ? value : "");
    }

  g_signal_handlers_block_by_func (self->reconsent_spin, on_reconsent_changed, self);
  gtk_spin_button_set_value (self->reconsent_spin,
                             cl_ledger_get_setting_int (self->ledger, "reconsent.months", 13));
  g_signal_handlers_unblock_by_func (self->reconsent_spin, on_reconsent_changed, self);
}

static void
cl_preferences_window_dispose (GObject *object)
{
  ClPreferencesWindow *self = CL_PREFERENCES_WINDOW (object);

  g_clear_object (&self->ledger);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (cl_preferences_window_parent_class)->dispose (object);
}

static void
cl_preferences_window_finalize (GObject *object)
{
  ClPreferencesWindow *self = CL_PREFERENCES_WINDOW (object);

  g_free (self->last_error);

  G_OBJECT_CLASS (cl_preferences_window_parent_class)->finalize (object);
}

static void
cl_preferences_window_class_init (ClPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_preferences_window_dispose;
  object_class->finalize = cl_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/"
                                               "cl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, dpo_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, authority_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, reconsent_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_row_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_reconsent_changed);
}

static void
cl_preferences_window_init (ClPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ClPreferencesWindow *
cl_preferences_window_new (GtkWindow *parent,
                           ClLedger  *ledger)
{
  ClPreferencesWindow *self;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);

  self = g_object_new (CL_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->ledger = g_object_ref (ledger);
  load_settings (self);
  return self;
}

const char *
cl_preferences_window_get_error (ClPreferencesWindow *self)
{
  g_return_val_if_fail (CL_IS_PREFERENCES_WINDOW (self), NULL);
  return self->last_error;
}
