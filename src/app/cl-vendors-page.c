/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendors-page.c: the Vendors page. The inventory is small (the whole GVL is about a
 * thousand vendors), so it is loaded whole in a worker thread and searched and sorted in
 * memory; reading and applying a vendor list also run in worker threads, each on its own
 * connection to the ledger. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-purpose.h"
#include "cl-tcf-names.h"
#include "cl-vendor-dialog.h"
#include "cl-vendor-import.h"
#include "cl-vendor-pane.h"
#include "cl-vendor-store.h"
#include "cl-vendors-page.h"

struct _ClVendorsPage
{
  AdwBin                parent_instance;

  ClLedger             *ledger;
  GSettings            *settings;  /* whether the Purposes column is shown */
  GListStore           *vendors;
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filtered;
  GtkSortListModel     *sorted;
  GtkSingleSelection   *selection;
  ClTcfNames           *names;
  GListModel           *purposes;
  ClVendor             *deleted;          /* the last vendor deleted, for Undo */
  ClVendorImportDialog *import_dialog;    /* weak */
  GCancellable         *load_cancellable;
  GCancellable         *work_cancellable; /* reading or applying a vendor list */
  char                 *search;
  char                 *last_message;
  gint64                select_after_load;
  guint                 n_loading;
  gboolean              disposed;
  guint                 pulse_id;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkSearchEntry       *search_entry;
  GtkLabel             *count_label;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_label;
  GtkStack             *list_stack;
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *name_column;
  GtkColumnViewColumn  *purposes_column;
  ClVendorPane         *pane;
};

G_DEFINE_FINAL_TYPE (ClVendorsPage, cl_vendors_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LEDGER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (ClVendorsPage *self);
static void update_actions (ClVendorsPage *self);

static void
stop_pulse (ClVendorsPage *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->progress_revealer != NULL)
    gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
}

static void
cl_vendors_page_dispose (GObject *object)
{
  ClVendorsPage *self = CL_VENDORS_PAGE (object);

  /* Worker threads hold a reference; their results find the page disposed and are dropped. */
  self->disposed = TRUE;
  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->work_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->work_cancellable);
  stop_pulse (self);
  if (self->import_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->import_dialog, self);
      g_object_remove_weak_pointer (G_OBJECT (self->import_dialog),
                                    (gpointer *) &self->import_dialog);
      gtk_window_destroy (GTK_WINDOW (self->import_dialog));
      self->import_dialog = NULL;
    }
  g_clear_object (&self->ledger);
  g_clear_object (&self->settings);
  g_clear_object (&self->deleted);
  g_clear_object (&self->purposes);
  g_clear_pointer (&self->names, cl_tcf_names_unref);
  /* The bin's child is a template child: the bin lets go of it first, or the template would
   * unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_VENDORS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->vendors);

  G_OBJECT_CLASS (cl_vendors_page_parent_class)->dispose (object);
}

static void
cl_vendors_page_finalize (GObject *object)
{
  ClVendorsPage *self = CL_VENDORS_PAGE (object);

  g_free (self->search);
  g_free (self->last_message);

  G_OBJECT_CLASS (cl_vendors_page_parent_class)->finalize (object);
}

static void
cl_vendors_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ClVendorsPage *self = CL_VENDORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEDGER:
      g_value_set_object (value, self->ledger);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_vendors_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ClVendorsPage *self = CL_VENDORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEDGER:
      cl_vendors_page_set_ledger (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* ---- messages ---- */

static void
remember_message (ClVendorsPage *self,
                  const char    *message)
{
  g_free (self->last_message);
  self->last_message = g_strdup (message);
}

static void
show_toast (ClVendorsPage *self,
            AdwToast      *toast)
{
  remember_message (self, adw_toast_get_title (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Errors about a file are long ("FILE:LINE: field: what is wrong"): a dialog has room. */
static void
show_error (ClVendorsPage *self,
            const char    *heading,
            const GError  *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  remember_message (self, error->message);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- progress ---- */

static gboolean
pulse (gpointer data)
{
  ClVendorsPage *self = data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
start_pulse (ClVendorsPage *self,
             const char    *what)
{
  gtk_label_set_text (self->progress_label, what);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  if (self->pulse_id == 0)
    self->pulse_id = g_timeout_add (100, pulse, self);
}

/* ---- loading the list ---- */

typedef struct
{
  GListStore *vendors;
  ClTcfNames *names;
  GListStore *purposes;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->vendors);
  g_clear_pointer (&loaded->names, cl_tcf_names_unref);
  g_clear_object (&loaded->purposes);
  g_free (loaded);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  Loaded *loaded = g_new0 (Loaded, 1);

  if (!(ledger = cl_ledger_open (path, &error))
      || !(loaded->vendors = cl_vendor_store_list (ledger, NULL, &error))
      || !(loaded->purposes = cl_purpose_list (ledger, &error)))
    {
      loaded_free (loaded);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  loaded->names = cl_tcf_names_load (ledger);
  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

static guint
position_of (ClVendorsPage *self,
             gint64         id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClVendor) vendor = g_list_model_get_item (model, i);

      if (cl_vendor_get_id (vendor) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
update_list_state (ClVendorsPage *self)
{
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->vendors));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *count = NULL;
  const char *page;

  if (n_shown == n_all)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vendor", "%u vendors", n_all),
                             n_all);
  else
    /* TRANSLATORS: how many vendors the search finds: "12 of 693 vendors" */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u vendor", "%u of %u vendors",
                                          n_all), n_shown, n_all);
  gtk_label_set_text (self->count_label, count);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->vendors)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    page = "no-results";
  else
    page = "list";
  gtk_stack_set_visible_child_name (self->list_stack, page);
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(ClVendorsPage) self = data;
  g_autoptr(GError) error = NULL;
  Loaded *loaded = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(ClVendor) selected = NULL;
  gint64 select_id;
  guint n_old;

  self->n_loading--;
  if (self->disposed || g_task_get_cancellable (G_TASK (result)) != self->load_cancellable
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* The page moved on: a newer load, another ledger or no page at all. */
      g_clear_pointer (&loaded, loaded_free);
      return;
    }
  if (loaded == NULL)
    {
      show_error (self, _("Could Not Read the Vendors"), error);
      update_actions (self);
      return;
    }

  /* The same vendor stays selected across reloads, unless one was asked for. */
  selected = cl_vendors_page_get_selected (self);
  if (selected != NULL)
    g_object_ref (selected);
  select_id = self->select_after_load != 0 ? self->select_after_load
            : selected != NULL ? cl_vendor_get_id (selected) : 0;
  self->select_after_load = 0;

  g_clear_pointer (&self->names, cl_tcf_names_unref);
  self->names = cl_tcf_names_ref (loaded->names);
  g_set_object (&self->purposes, G_LIST_MODEL (loaded->purposes));
  cl_vendor_pane_set_context (self->pane, self->names, self->purposes);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->vendors));
  {
    guint n_new = g_list_model_get_n_items (G_LIST_MODEL (loaded->vendors));
    g_autoptr(GPtrArray) items = g_ptr_array_new_full (n_new, g_object_unref);

    for (guint i = 0; i < n_new; i++)
      g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (loaded->vendors), i));
    g_list_store_splice (self->vendors, 0, n_old, items->pdata, items->len);
  }
  loaded_free (loaded);

  if (select_id != 0)
    cl_vendors_page_select_vendor (self, select_id);
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  update_list_state (self);
  update_actions (self);
}

static void
reload (ClVendorsPage *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  if (self->ledger == NULL)
    {
      g_list_store_remove_all (self->vendors);
      update_list_state (self);
      update_actions (self);
      return;
    }

  self->load_cancellable = g_cancellable_new ();
  self->n_loading++;
  task = g_task_new (NULL, self->load_cancellable, load_done, g_object_ref (self));
  g_task_set_source_tag (task, reload);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, g_strdup (cl_ledger_get_path (self->ledger)), g_free);
  g_task_run_in_thread (task, load_thread);
  update_actions (self);
}

/* ---- selection, search, actions ---- */

static void
update_actions (ClVendorsPage *self)
{
  gboolean have_ledger = self->ledger != NULL;
  gboolean working = self->work_cancellable != NULL;
  gboolean selected = cl_vendors_page_get_selected (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vendors.add", have_ledger);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vendors.import", have_ledger && !working);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vendors.edit", have_ledger && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vendors.delete", have_ledger && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vendors.undo-delete",
                                 have_ledger && self->deleted != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vendors.cancel", working);
}

static void
on_selected_item (ClVendorsPage *self)
{
  cl_vendor_pane_set_vendor (self->pane, cl_vendors_page_get_selected (self));
  update_actions (self);
}

static gboolean
filter_vendor (gpointer item,
               gpointer data)
{
  ClVendorsPage *self = data;

  return cl_vendor_matches (item, self->search);
}

static void
setup_status_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (item, inscription);
}

/* The cell asks for the width of "Withdrawn" in its font, whatever it shows, so the column
 * keeps its width as withdrawn vendors scroll in and out of view. Measured when bound, in the
 * font the cell then has. */
static void
bind_status_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  ClVendor *vendor = gtk_list_item_get_item (item);
  GtkWidget *inscription = gtk_list_item_get_child (item);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (inscription,
                                                                  cl_vendor_withdrawn_label ());
  g_autofree char *status = NULL;
  g_autofree char *withdrawn = NULL;
  int width = 0;

  pango_layout_get_pixel_size (layout, &width, NULL);
  gtk_widget_set_size_request (inscription, width, -1);
  g_object_get (vendor, "status-label", &status, "deleted-label", &withdrawn, NULL);
  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), status);
  gtk_widget_set_tooltip_text (inscription, *withdrawn != '\0' ? withdrawn : NULL);
}

static void
on_search_changed (ClVendorsPage *self)
{
  cl_vendors_page_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_saved (ClVendorsPage *self,
          ClVendor      *vendor)
{
  g_autofree char *message = g_strdup_printf (_("“%s” saved"), cl_vendor_get_name (vendor));

  show_toast (self, adw_toast_new (message));
  self->select_after_load = cl_vendor_get_id (vendor);
  reload (self);
}

static void
open_vendor_dialog (ClVendorsPage *self,
                    ClVendor      *vendor)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ClVendorDialog *dialog;
  g_autoptr(GListModel) purposes = NULL;

  if (self->purposes != NULL)
    purposes = g_object_ref (self->purposes);
  else
    purposes = G_LIST_MODEL (g_list_store_new (CL_TYPE_PURPOSE));

  dialog = cl_vendor_dialog_new (self->ledger, vendor, purposes);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_vendor_dialog (CL_VENDORS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClVendorsPage *self = CL_VENDORS_PAGE (widget);
  ClVendor *vendor = cl_vendors_page_get_selected (self);

  if (vendor != NULL)
    open_vendor_dialog (self, vendor);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClVendorsPage *self = CL_VENDORS_PAGE (widget);
  ClVendor *vendor = cl_vendors_page_get_selected (self);
  g_autoptr(ClVendor) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (vendor == NULL || self->ledger == NULL)
    return;

  /* One small transaction: quick enough for the main thread. */
  deleted = cl_vendor_store_delete (self->ledger, cl_vendor_get_id (vendor), &error);
  if (deleted == NULL)
    {
      show_error (self, _("Could Not Delete the Vendor"), error);
      return;
    }
  g_set_object (&self->deleted, deleted);

  message = g_strdup_printf (_("“%s” deleted"), cl_vendor_get_name (deleted));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "vendors.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (self, toast);
  reload (self);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ClVendorsPage *self = CL_VENDORS_PAGE (widget);
  g_autoptr(ClVendor) deleted = g_steal_pointer (&self->deleted);
  g_autoptr(ClVendor) restored = NULL;
  g_autoptr(GError) error = NULL;

  if (deleted == NULL || self->ledger == NULL)
    return;

  restored = cl_vendor_store_restore (self->ledger, deleted, &error);
  if (restored == NULL)
    {
      show_error (self, _("Could Not Restore the Vendor"), error);
      update_actions (self);
      return;
    }
  self->select_after_load = cl_vendor_get_id (restored);
  reload (self);
}

/* ---- importing a vendor list ---- */

static void
finish_work (ClVendorsPage *self)
{
  g_clear_object (&self->work_cancellable);
  stop_pulse (self);
  update_actions (self);
}

static void
apply_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ClVendorImport *import = task_data;
  const char *path = g_object_get_data (G_OBJECT (task), "ledger-path");
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;

  if (!(ledger = cl_ledger_open (path, &error))
      || !cl_vendor_import_apply (import, ledger, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
apply_done (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(ClVendorsPage) self = data;
  ClVendorImport *import = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  if (self->disposed)
    return;
  finish_work (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, adw_toast_new (_("Import cancelled; nothing was written")));
      else
        show_error (self, _("Could Not Import the Vendor List"), error);
      return;
    }

  basename = g_path_get_basename (cl_vendor_import_get_filename (import));
  /* TRANSLATORS: "Imported vendor-list.json: 317 added, 78 changed, 1 withdrawn" */
  message = g_strdup_printf (_("Imported %s: %u added, %u changed, %u withdrawn"), basename,
                             cl_vendor_import_count (import, CL_VENDOR_CHANGE_ADDED),
                             cl_vendor_import_count (import, CL_VENDOR_CHANGE_CHANGED),
                             cl_vendor_import_count (import, CL_VENDOR_CHANGE_WITHDRAWN));
  show_toast (self, adw_toast_new (message));
  reload (self);
}

static void
on_preview_response (ClVendorsPage        *self,
                     gboolean              confirmed,
                     ClVendorImportDialog *dialog)
{
  ClVendorImport *import = cl_vendor_import_dialog_get_import (dialog);
  g_autoptr(GTask) task = NULL;

  if (!confirmed || self->ledger == NULL)
    {
      show_toast (self, adw_toast_new (_("Nothing was imported")));
      finish_work (self);
      return;
    }

  start_pulse (self, _("Importing the vendor list…"));
  task = g_task_new (NULL, self->work_cancellable, apply_done, g_object_ref (self));
  g_task_set_source_tag (task, on_preview_response);
  g_task_set_task_data (task, g_object_ref (import), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "ledger-path",
                          g_strdup (cl_ledger_get_path (self->ledger)), g_free);
  g_task_run_in_thread (task, apply_thread);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  const char *path = g_object_get_data (G_OBJECT (task), "ledger-path");
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  ClVendorImport *import = NULL;

  if (!(ledger = cl_ledger_open (path, &error))
      || !(import = cl_vendor_import_new_for_file (ledger, file, cancellable, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, import, g_object_unref);
}

static void
read_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(ClVendorsPage) self = data;
  g_autoptr(ClVendorImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root;

  import = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->disposed)
    return;
  if (import != NULL && g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      g_clear_object (&import);
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
    }
  stop_pulse (self);
  if (import == NULL)
    {
      finish_work (self);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, adw_toast_new (_("Import cancelled; nothing was written")));
      else
        show_error (self, _("Could Not Read the Vendor List"), error);
      return;
    }

  /* The work goes on until the officer answers the preview. */
  self->import_dialog = cl_vendor_import_dialog_new (import);
  g_object_add_weak_pointer (G_OBJECT (self->import_dialog), (gpointer *) &self->import_dialog);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self->import_dialog), GTK_WINDOW (root));
  g_signal_connect_object (self->import_dialog, "response", G_CALLBACK (on_preview_response),
                           self, G_CONNECT_SWAPPED);
  remember_message (self, cl_vendor_import_dialog_get_summary (self->import_dialog));
  gtk_window_present (GTK_WINDOW (self->import_dialog));
}

void
cl_vendors_page_import_file (ClVendorsPage *self,
                             GFile         *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *what = NULL;

  g_return_if_fail (CL_IS_VENDORS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->ledger == NULL || self->work_cancellable != NULL)
    return;

  self->work_cancellable = g_cancellable_new ();
  basename = g_file_get_basename (file);
  what = g_strdup_printf (_("Reading %s…"), basename);
  start_pulse (self, what);
  update_actions (self);

  task = g_task_new (NULL, self->work_cancellable, read_done, g_object_ref (self));
  g_task_set_source_tag (task, cl_vendors_page_import_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "ledger-path",
                          g_strdup (cl_ledger_get_path (self->ledger)), g_free);
  g_task_run_in_thread (task, read_thread);
}

static void
on_import_file_chosen (GtkNativeDialog *chooser,
                       int              response,
                       ClVendorsPage   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        cl_vendors_page_import_file (self, file);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClVendorsPage *self = CL_VENDORS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) lists = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Vendor List"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (lists, _("Vendor lists (GVL JSON, CSV)"));
  gtk_file_filter_add_pattern (lists, "*.json");
  gtk_file_filter_add_pattern (lists, "*.csv");
  gtk_file_filter_add_mime_type (lists, "application/json");
  gtk_file_filter_add_mime_type (lists, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), lists);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect (chooser, "response", G_CALLBACK (on_import_file_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClVendorsPage *self = CL_VENDORS_PAGE (widget);

  g_cancellable_cancel (self->work_cancellable);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (CL_VENDORS_PAGE (widget)->search_entry));
}

/* ---- class ---- */

static void
cl_vendors_page_class_init (ClVendorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_vendors_page_dispose;
  object_class->finalize = cl_vendors_page_finalize;
  object_class->get_property = cl_vendors_page_get_property;
  object_class->set_property = cl_vendors_page_set_property;

  properties[PROP_LEDGER] =
    g_param_spec_object ("ledger", NULL, NULL, CL_TYPE_LEDGER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CL_TYPE_VENDOR);
  g_type_ensure (CL_TYPE_VENDOR_PANE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-vendors-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClVendorsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClVendorsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ClVendorsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ClVendorsPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, ClVendorsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ClVendorsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ClVendorsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ClVendorsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ClVendorsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, ClVendorsPage, purposes_column);
  gtk_widget_class_bind_template_child (widget_class, ClVendorsPage, pane);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, setup_status_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_status_cell);

  gtk_widget_class_install_action (widget_class, "vendors.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "vendors.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "vendors.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "vendors.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "vendors.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "vendors.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "vendors.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "vendors.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "vendors.delete", NULL);
}

static void
cl_vendors_page_init (ClVendorsPage *self)
{
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));
  {
    /* vendor-list.show-purposes: the header menu's toggle for the column hidden at first,
     * remembered from one run to the next. */
    g_autoptr(GSimpleActionGroup) columns = g_simple_action_group_new ();
    g_autoptr(GPropertyAction) action = g_property_action_new ("show-purposes",
                                                               self->purposes_column, "visible");

    self->settings = g_settings_new (APP_ID);
    g_settings_bind (self->settings, "vendors-show-purposes", self->purposes_column, "visible",
                     G_SETTINGS_BIND_DEFAULT);

    g_action_map_add_action (G_ACTION_MAP (columns), G_ACTION (action));
    gtk_widget_insert_action_group (GTK_WIDGET (self), "vendor-list", G_ACTION_GROUP (columns));
  }

  self->vendors = g_list_store_new (CL_TYPE_VENDOR);
  self->filter = gtk_custom_filter_new (filter_vendor, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->vendors)),
                                              GTK_FILTER (self->filter));
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered),
                                          sorter != NULL ? g_object_ref (sorter) : NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  self->names = cl_tcf_names_new_builtin ();
  update_list_state (self);
  update_actions (self);
}

/* ---- public ---- */

void
cl_vendors_page_set_ledger (ClVendorsPage *self,
                            ClLedger      *ledger)
{
  g_return_if_fail (CL_IS_VENDORS_PAGE (self));
  g_return_if_fail (ledger == NULL || CL_IS_LEDGER (ledger));

  if (!g_set_object (&self->ledger, ledger))
    return;

  /* Another ledger: what belonged to the previous one goes. */
  g_cancellable_cancel (self->work_cancellable);
  g_clear_object (&self->deleted);
  if (self->import_dialog != NULL)
    cl_vendor_import_dialog_respond (self->import_dialog, FALSE);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEDGER]);
}

ClLedger *
cl_vendors_page_get_ledger (ClVendorsPage *self)
{
  g_return_val_if_fail (CL_IS_VENDORS_PAGE (self), NULL);
  return self->ledger;
}

ClVendorImportDialog *
cl_vendors_page_get_import_dialog (ClVendorsPage *self)
{
  g_return_val_if_fail (CL_IS_VENDORS_PAGE (self), NULL);
  return self->import_dialog;
}

gboolean
cl_vendors_page_is_busy (ClVendorsPage *self)
{
  g_return_val_if_fail (CL_IS_VENDORS_PAGE (self), FALSE);
  return self->n_loading > 0 || (self->work_cancellable != NULL && self->import_dialog == NULL);
}

GListModel *
cl_vendors_page_get_vendors (ClVendorsPage *self)
{
  g_return_val_if_fail (CL_IS_VENDORS_PAGE (self), NULL);
  return G_LIST_MODEL (self->selection);
}

gboolean
cl_vendors_page_select_vendor (ClVendorsPage *self,
                               gint64         id)
{
  guint position;

  g_return_val_if_fail (CL_IS_VENDORS_PAGE (self), FALSE);

  position = position_of (self, id);
  gtk_single_selection_set_selected (self->selection, position);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u",
                              position);
  return TRUE;
}

ClVendor *
cl_vendors_page_get_selected (ClVendorsPage *self)
{
  g_return_val_if_fail (CL_IS_VENDORS_PAGE (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

void
cl_vendors_page_set_search (ClVendorsPage *self,
                            const char    *text)
{
  g_return_if_fail (CL_IS_VENDORS_PAGE (self));

  if (g_strcmp0 (self->search, text) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (text);
  /* Setting the text passes through an empty entry, which the entry reports at once. */
  g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_state (self);
}

const char *
cl_vendors_page_get_last_message (ClVendorsPage *self)
{
  g_return_val_if_fail (CL_IS_VENDORS_PAGE (self), NULL);
  return self->last_message;
}
