/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-policies-page.c: the policy versions, the purposes, and who must consent again. Edits are
 * small transactions on the window's connection; counting and exporting the re-consent list
 * read the whole ledger, so they run in a worker thread on a connection of their own. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-format.h"
#include "cl-policies-page.h"
#include "cl-policy-dialog.h"
#include "cl-policy-row.h"
#include "cl-purpose-dialog.h"
#include "cl-purpose-row.h"
#include "cl-reconsent.h"
#include "cl-window.h"

/* Saving the re-consent age waits until the spin button rests, so that clicking from 13 to 6
 * writes one audit entry, not seven. */
#define AGE_SAVE_DELAY_MS 800
#define FRESH_USEC (2 * G_USEC_PER_SEC)

struct _ClPoliciesPage
{
  AdwBin          parent_instance;

  ClLedger       *ledger;
  GCancellable   *count_cancellable;
  GCancellable   *export_cancellable;
  GtkWindow      *dialog;           /* weak: the open add/edit dialog */
  ClReconsent    *reconsent;        /* the last count */
  GListStore     *versions;         /* oldest first, as the library lists them */
  gint64          current_id;       /* the version in effect now, or 0 */
  gint64          now_ms;           /* of the last reload, for the rows */
  gint64          counted_at;       /* monotonic µs */
  char           *last_message;
  guint           age_timeout_id;
  guint           n_busy;
  gboolean        setting_age;

  /* template widgets */
  AdwPreferencesGroup *reconsent_group;
  GtkButton      *export_button;
  AdwActionRow   *reconsent_row;
  GtkSpinner     *spinner;
  GtkLabel       *reconsent_count_label;
  AdwActionRow   *policy_reason_row;
  GtkLabel       *policy_reason_label;
  AdwActionRow   *age_reason_row;
  GtkLabel       *age_reason_label;
  GtkSpinButton  *age_spin;
  GtkListBox     *versions_list;
  GtkListBox     *purposes_list;
};

G_DEFINE_FINAL_TYPE (ClPoliciesPage, cl_policies_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LEDGER,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void count_again (ClPoliciesPage *self);

static void
cl_policies_page_dispose (GObject *object)
{
  ClPoliciesPage *self = CL_POLICIES_PAGE (object);

  g_cancellable_cancel (self->count_cancellable);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->count_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_handle_id (&self->age_timeout_id, g_source_remove);
  if (self->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
      gtk_window_destroy (self->dialog);
      self->dialog = NULL;
    }
  g_clear_object (&self->ledger);
  g_clear_object (&self->versions);
  g_clear_pointer (&self->reconsent, cl_reconsent_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_POLICIES_PAGE);

  G_OBJECT_CLASS (cl_policies_page_parent_class)->dispose (object);
}

static void
cl_policies_page_finalize (GObject *object)
{
  ClPoliciesPage *self = CL_POLICIES_PAGE (object);

  g_free (self->last_message);

  G_OBJECT_CLASS (cl_policies_page_parent_class)->finalize (object);
}

static void
cl_policies_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ClPoliciesPage *self = CL_POLICIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEDGER:
      g_value_set_object (value, self->ledger);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->n_busy > 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_policies_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ClPoliciesPage *self = CL_POLICIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEDGER:
      cl_policies_page_set_ledger (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
busy_changed (ClPoliciesPage *self,
              int             delta)
{
  gboolean was_busy = self->n_busy > 0;

  g_assert (delta >= 0 || self->n_busy > 0);
  self->n_busy += delta;
  gtk_spinner_set_spinning (self->spinner, self->count_cancellable != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button),
                            self->export_cancellable == NULL && self->reconsent != NULL
                            && cl_reconsent_get_count (self->reconsent) > 0);
  if (was_busy != (self->n_busy > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* A toast on the window (and kept for tests). */
static void
tell (ClPoliciesPage *self,
      const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_free (self->last_message);
  self->last_message = g_strdup (message);
  if (CL_IS_WINDOW (root))
    cl_window_show_toast (CL_WINDOW (root), message);
}

static char *
format_day (const char *iso_date)
{
  GDate date;
  char text[64];

  if (iso_date == NULL || !cl_policy_parse_date (iso_date, &date))
    return g_strdup (iso_date != NULL ? iso_date : "");
  g_date_strftime (text, sizeof text, "%-d %b %Y", &date);
  return g_strdup (text);
}

/* The next significant version not yet in effect, to say when the count will jump. */
static ClPolicyVersion *
next_significant (ClPoliciesPage *self)
{
  guint n = self->versions != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->versions)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClPolicyVersion) version = g_list_model_get_item (G_LIST_MODEL (self->versions), i);

      if (cl_policy_version_get_significant (version)
          && cl_policy_version_get_effective (version) != NULL
          && !cl_policy_version_is_in_effect (version, self->now_ms))
        return g_steal_pointer (&version);
    }
  return NULL;
}

static void
show_reconsent (ClPoliciesPage *self)
{
  const ClReconsent *reconsent = self->reconsent;
  g_autoptr(ClPolicyVersion) next = next_significant (self);
  g_autoptr(GString) policy_text = g_string_new (NULL);
  g_autofree char *count = NULL;
  g_autofree char *n_policy = NULL;
  g_autofree char *n_age = NULL;
  g_autofree char *cutoff = NULL;
  g_autofree char *age_text = NULL;

  if (reconsent == NULL)
    {
      gtk_label_set_text (self->reconsent_count_label, "–");
      gtk_label_set_text (self->policy_reason_label, "");
      gtk_label_set_text (self->age_reason_label, "");
      return;
    }

  count = cl_format_count (cl_reconsent_get_count (reconsent));
  n_policy = cl_format_count (reconsent->n_policy);
  n_age = cl_format_count (reconsent->n_age);
  cutoff = cl_format_date (reconsent->age_cutoff_ms);
  gtk_label_set_text (self->reconsent_count_label, count);
  gtk_label_set_text (self->policy_reason_label, n_policy);
  gtk_label_set_text (self->age_reason_label, n_age);

  if (reconsent->significant_version != NULL)
    {
      g_autofree char *since = format_day (reconsent->significant_effective);
      g_string_printf (policy_text,
                       _("Current choice made under a version before %s, the latest significant "
                         "version (in effect since %s)"),
                       reconsent->significant_version, since);
    }
  else
    g_string_assign (policy_text, _("No significant version is in effect"));
  if (next != NULL)
    {
      g_autofree char *on = format_day (cl_policy_version_get_effective (next));
      g_string_append_printf (policy_text, _(". Significant version %s takes effect on %s: "
                                             "everyone who consented before must then be asked "
                                             "again"),
                              cl_policy_version_get_version (next), on);
    }
  adw_action_row_set_subtitle (self->policy_reason_row, policy_text->str);

  age_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Current choice made before %s (%d month ago) and "
                                           "not renewed since",
                                           "Current choice made before %s (%d months ago) and "
                                           "not renewed since", reconsent->age_months),
                              cutoff, reconsent->age_months);
  adw_action_row_set_subtitle (self->age_reason_row, age_text);
}

static GtkWidget *
create_version_row (gpointer item,
                    gpointer user_data)
{
  ClPoliciesPage *self = user_data;
  ClPolicyVersion *version = item;

  return cl_policy_row_new (version, cl_policy_version_get_id (version) == self->current_id,
                            self->now_ms);
}

static GtkWidget *
create_purpose_row (gpointer item,
                    gpointer user_data)
{
  return cl_purpose_row_new (item);
}

static gboolean save_age (gpointer user_data);

/* Versions and purposes are a handful of rows: read on the main thread. */
static void
reload (ClPoliciesPage *self)
{
  g_autoptr(GListStore) newest_first = g_list_store_new (CL_TYPE_POLICY_VERSION);
  g_autoptr(GListStore) purposes = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  /* A re-consent age typed in but not saved yet (the page waits for the typing to stop) is
   * saved now: reading the stored age back below would throw it away, and a reload comes
   * with every import, erasure or policy edit. */
  if (self->age_timeout_id != 0)
    {
      g_clear_handle_id (&self->age_timeout_id, g_source_remove);
      save_age (self);
    }

  g_clear_object (&self->versions);
  self->current_id = 0;
  self->now_ms = g_get_real_time () / 1000;

  if (self->ledger == NULL)
    {
      gtk_list_box_bind_model (self->versions_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->purposes_list, NULL, NULL, NULL, NULL);
      return;
    }

  self->versions = cl_policy_list (self->ledger, &error);
  if (self->versions == NULL)
    {
      tell (self, error->message);
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->versions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClPolicyVersion) version = g_list_model_get_item (G_LIST_MODEL (self->versions), i);

      if (cl_policy_version_is_in_effect (version, self->now_ms))
        self->current_id = cl_policy_version_get_id (version);
      g_list_store_insert (newest_first, 0, version);
    }
  gtk_list_box_bind_model (self->versions_list, G_LIST_MODEL (newest_first), create_version_row,
                           self, NULL);

  purposes = cl_purpose_list (self->ledger, &error);
  if (purposes == NULL)
    {
      tell (self, error->message);
      return;
    }
  gtk_list_box_bind_model (self->purposes_list, G_LIST_MODEL (purposes), create_purpose_row, self,
                           NULL);

  self->setting_age = TRUE;
  gtk_spin_button_set_value (self->age_spin, cl_reconsent_get_age_months (self->ledger));
  self->setting_age = FALSE;
  show_reconsent (self);
}

/* The re-consent count: a worker thread with its own connection. */
static void
count_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  ClReconsent *reconsent;

  ledger = cl_ledger_open (task_data, &error);
  if (ledger == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  reconsent = cl_reconsent_compute (ledger, g_get_real_time () / 1000, CL_RECONSENT_COUNT_ONLY,
                                    cancellable, &error);
  if (reconsent == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, reconsent, (GDestroyNotify) cl_reconsent_free);
}

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ClPoliciesPage *self = CL_POLICIES_PAGE (source);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;
  ClReconsent *reconsent = g_task_propagate_pointer (G_TASK (result), &error);

  if (cancellable != self->count_cancellable || g_cancellable_is_cancelled (cancellable))
    {
      g_clear_pointer (&reconsent, cl_reconsent_free);
      return;
    }
  g_clear_object (&self->count_cancellable);

  if (reconsent == NULL)
    tell (self, error->message);
  else
    {
      g_clear_pointer (&self->reconsent, cl_reconsent_free);
      self->reconsent = reconsent;
      self->counted_at = g_get_monotonic_time ();
      show_reconsent (self);
    }
  busy_changed (self, -1);
}

static void
count_again (ClPoliciesPage *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->count_cancellable != NULL)
    {
      g_cancellable_cancel (self->count_cancellable);
      g_clear_object (&self->count_cancellable);
      busy_changed (self, -1);
    }
  if (self->ledger == NULL)
    return;

  self->count_cancellable = g_cancellable_new ();
  busy_changed (self, +1);
  task = g_task_new (self, self->count_cancellable, on_counted, NULL);
  g_task_set_source_tag (task, count_again);
  g_task_set_task_data (task, g_strdup (cl_ledger_get_path (self->ledger)), g_free);
  g_task_run_in_thread (task, count_in_thread);
}

static void
changed (ClPoliciesPage *self)
{
  reload (self);
  count_again (self);
}

/* A version or a purpose changed: the Records page's columns and filters and the Overview's
 * re-consent card show them too. The window relays to every page, this one included; outside
 * a window, at least this page reads them again. */
static void
tell_ledger_changed (ClPoliciesPage *self)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.ledger-changed", NULL))
    changed (self);
}

static void
on_dialog_saved (ClPoliciesPage *self,
                 const char     *what)
{
  tell_ledger_changed (self);
}

static void
present_dialog (ClPoliciesPage *self,
                GtkWindow      *dialog)
{
  if (self->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
      gtk_window_destroy (self->dialog);
    }
  self->dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static GtkWindow *
parent_window (ClPoliciesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_version (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClPoliciesPage *self = CL_POLICIES_PAGE (widget);

  if (self->ledger == NULL)
    return;
  present_dialog (self, GTK_WINDOW (cl_policy_dialog_new (parent_window (self), self->ledger,
                                                          NULL)));
}

static void
edit_version (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ClPoliciesPage *self = CL_POLICIES_PAGE (widget);
  g_autoptr(ClPolicyVersion) version = NULL;
  g_autoptr(GError) error = NULL;

  if (self->ledger == NULL)
    return;
  version = cl_policy_lookup (self->ledger, g_variant_get_string (parameter, NULL), &error);
  if (version == NULL)
    {
      tell (self, error->message);
      return;
    }
  present_dialog (self, GTK_WINDOW (cl_policy_dialog_new (parent_window (self), self->ledger,
                                                          version)));
}

static void
edit_purpose (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ClPoliciesPage *self = CL_POLICIES_PAGE (widget);
  g_autoptr(ClPurpose) purpose = NULL;
  g_autoptr(GError) error = NULL;

  if (self->ledger == NULL)
    return;
  purpose = cl_purpose_lookup (self->ledger, g_variant_get_string (parameter, NULL), &error);
  if (purpose == NULL)
    {
      tell (self, error->message);
      return;
    }
  present_dialog (self, GTK_WINDOW (cl_purpose_dialog_new (parent_window (self), self->ledger,
                                                           purpose)));
}

static void
on_restore_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ClPoliciesPage   *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "restore") != 0 || self->ledger == NULL)
    return;
  if (!cl_purpose_restore_defaults (self->ledger, &error))
    {
      tell (self, error->message);
      return;
    }
  tell (self, _("The purposes are back to the policy’s texts"));
  tell_ledger_changed (self);
}

static void
restore_purposes (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClPoliciesPage *self = CL_POLICIES_PAGE (widget);
  AdwMessageDialog *dialog;

  if (self->ledger == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self),
                                                       _("Restore the Policy’s Purposes?"),
                                                       _("The names, descriptions, legal bases, "
                                                         "data categories and IAB TCF mapping of "
                                                         "the five purposes go back to the texts "
                                                         "of the cookie policy, and retention "
                                                         "periods are emptied. Your edits are "
                                                         "lost; the audit log keeps a record of "
                                                         "them. Consent events are not "
                                                         "touched.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "restore",
                                    _("_Restore Defaults"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  char    *ledger_path;
  char    *path;
  guint64  n_subjects;
  guint64  n_rows;
} Export;

static void
export_free (Export *export)
{
  g_free (export->ledger_path);
  g_free (export->path);
  g_free (export);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Export *export = task_data;
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;

  ledger = cl_ledger_open (export->ledger_path, &error);
  if (ledger == NULL
      || !cl_reconsent_export_csv (ledger, g_get_real_time () / 1000, export->path,
                                   &export->n_subjects, &export->n_rows, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ClPoliciesPage *self = CL_POLICIES_PAGE (source);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  Export *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (cancellable != self->export_cancellable || g_cancellable_is_cancelled (cancellable))
    return;
  g_clear_object (&self->export_cancellable);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    tell (self, error->message);
  else
    {
      g_autofree char *basename = g_path_get_basename (export->path);
      g_autofree char *subjects = cl_format_count (export->n_subjects);
      g_autofree char *rows = cl_format_count (export->n_rows);
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Saved %s subject (%s consent ids) to %s",
                                      "Saved %s subjects (%s consent ids) to %s",
                                      export->n_subjects),
                         subjects, rows, basename);
      tell (self, message);
    }
  busy_changed (self, -1);
}

static void
export_reconsent_to (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ClPoliciesPage *self = CL_POLICIES_PAGE (widget);
  g_autoptr(GTask) task = NULL;
  Export *export;

  if (self->ledger == NULL || self->export_cancellable != NULL)
    return;

  export = g_new0 (Export, 1);
  export->ledger_path = g_strdup (cl_ledger_get_path (self->ledger));
  export->path = g_strdup (g_variant_get_string (parameter, NULL));
  self->export_cancellable = g_cancellable_new ();
  busy_changed (self, +1);

  task = g_task_new (self, self->export_cancellable, on_exported, NULL);
  g_task_set_source_tag (task, export_reconsent_to);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, export_in_thread);
}

static void
on_export_chosen (GtkNativeDialog *chooser,
                  int              response,
                  ClPoliciesPage  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "policies.export-reconsent-to", "s", path);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_reconsent (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClPoliciesPage *self = CL_POLICIES_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "reconsent-%Y-%m-%d.csv");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->ledger == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Who Must Consent Again"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  changed (CL_POLICIES_PAGE (widget));
}

static gboolean
save_age (gpointer user_data)
{
  ClPoliciesPage *self = user_data;
  g_autoptr(GError) error = NULL;
  int months = gtk_spin_button_get_value_as_int (self->age_spin);

  self->age_timeout_id = 0;
  if (self->ledger == NULL || months == cl_reconsent_get_age_months (self->ledger))
    return G_SOURCE_REMOVE;
  if (!cl_reconsent_set_age_months (self->ledger, months, &error))
    {
      tell (self, error->message);
      reload (self);
      return G_SOURCE_REMOVE;
    }
  count_again (self);
  return G_SOURCE_REMOVE;
}

static void
on_age_changed (ClPoliciesPage *self)
{
  if (self->setting_age)
    return;
  g_clear_handle_id (&self->age_timeout_id, g_source_remove);
  self->age_timeout_id = g_timeout_add (AGE_SAVE_DELAY_MS, save_age, self);
}

static void
cl_policies_page_map (GtkWidget *widget)
{
  ClPoliciesPage *self = CL_POLICIES_PAGE (widget);

  GTK_WIDGET_CLASS (cl_policies_page_parent_class)->map (widget);

  /* Imports elsewhere change who must consent again: count when the page is shown. */
  if (self->ledger != NULL && self->count_cancellable == NULL
      && g_get_monotonic_time () - self->counted_at > FRESH_USEC)
    changed (self);
}

static void
cl_policies_page_class_init (ClPoliciesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_policies_page_dispose;
  object_class->finalize = cl_policies_page_finalize;
  object_class->get_property = cl_policies_page_get_property;
  object_class->set_property = cl_policies_page_set_property;
  widget_class->map = cl_policies_page_map;

  properties[PROP_LEDGER] =
    g_param_spec_object ("ledger", NULL, NULL, CL_TYPE_LEDGER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CL_TYPE_POLICY_ROW);
  g_type_ensure (CL_TYPE_PURPOSE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-policies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClPoliciesPage, reconsent_group);
  gtk_widget_class_bind_template_child (widget_class, ClPoliciesPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, ClPoliciesPage, reconsent_row);
  gtk_widget_class_bind_template_child (widget_class, ClPoliciesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ClPoliciesPage, reconsent_count_label);
  gtk_widget_class_bind_template_child (widget_class, ClPoliciesPage, policy_reason_row);
  gtk_widget_class_bind_template_child (widget_class, ClPoliciesPage, policy_reason_label);
  gtk_widget_class_bind_template_child (widget_class, ClPoliciesPage, age_reason_row);
  gtk_widget_class_bind_template_child (widget_class, ClPoliciesPage, age_reason_label);
  gtk_widget_class_bind_template_child (widget_class, ClPoliciesPage, age_spin);
  gtk_widget_class_bind_template_child (widget_class, ClPoliciesPage, versions_list);
  gtk_widget_class_bind_template_child (widget_class, ClPoliciesPage, purposes_list);
  gtk_widget_class_bind_template_callback (widget_class, on_age_changed);

  gtk_widget_class_install_action (widget_class, "policies.add", NULL, add_version);
  gtk_widget_class_install_action (widget_class, "policies.edit", "s", edit_version);
  gtk_widget_class_install_action (widget_class, "policies.edit-purpose", "s", edit_purpose);
  gtk_widget_class_install_action (widget_class, "policies.restore-purposes", NULL,
                                   restore_purposes);
  gtk_widget_class_install_action (widget_class, "policies.export-reconsent", NULL,
                                   export_reconsent);
  gtk_widget_class_install_action (widget_class, "policies.export-reconsent-to", "s",
                                   export_reconsent_to);
  gtk_widget_class_install_action (widget_class, "policies.refresh", NULL, refresh_action);
}

static void
cl_policies_page_init (ClPoliciesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_reconsent (self);
  busy_changed (self, 0);
}

void
cl_policies_page_set_ledger (ClPoliciesPage *self,
                             ClLedger       *ledger)
{
  g_return_if_fail (CL_IS_POLICIES_PAGE (self));
  g_return_if_fail (ledger == NULL || CL_IS_LEDGER (ledger));

  if (!g_set_object (&self->ledger, ledger))
    return;
  g_clear_pointer (&self->reconsent, cl_reconsent_free);
  g_clear_handle_id (&self->age_timeout_id, g_source_remove);
  self->counted_at = 0;
  changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEDGER]);
}

ClLedger *
cl_policies_page_get_ledger (ClPoliciesPage *self)
{
  g_return_val_if_fail (CL_IS_POLICIES_PAGE (self), NULL);
  return self->ledger;
}

void
cl_policies_page_reload (ClPoliciesPage *self)
{
  g_return_if_fail (CL_IS_POLICIES_PAGE (self));
  changed (self);
}

gboolean
cl_policies_page_get_busy (ClPoliciesPage *self)
{
  g_return_val_if_fail (CL_IS_POLICIES_PAGE (self), FALSE);
  return self->n_busy > 0;
}

gint64
cl_policies_page_get_reconsent_count (ClPoliciesPage *self)
{
  g_return_val_if_fail (CL_IS_POLICIES_PAGE (self), -1);
  return self->reconsent != NULL ? (gint64) cl_reconsent_get_count (self->reconsent) : -1;
}

const char *
cl_policies_page_get_reconsent_text (ClPoliciesPage *self)
{
  g_return_val_if_fail (CL_IS_POLICIES_PAGE (self), NULL);
  return gtk_label_get_text (self->reconsent_count_label);
}

GtkWindow *
cl_policies_page_get_dialog (ClPoliciesPage *self)
{
  g_return_val_if_fail (CL_IS_POLICIES_PAGE (self), NULL);
  return self->dialog;
}

guint
cl_policies_page_get_n_versions (ClPoliciesPage *self)
{
  g_return_val_if_fail (CL_IS_POLICIES_PAGE (self), 0);
  return self->versions != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->versions)) : 0;
}

const char *
cl_policies_page_get_last_message (ClPoliciesPage *self)
{
  g_return_val_if_fail (CL_IS_POLICIES_PAGE (self), NULL);
  return self->last_message;
}
