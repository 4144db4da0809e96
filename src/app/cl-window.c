/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-window.c: the main window. Pages are shown through the win.show-page action, so the
 * sidebar, the keyboard shortcuts and the tests all take the same path. A ledger that must be
 * upgraded to the current format is opened in a worker thread, so the window never freezes
 * for the seconds that takes on a large ledger. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-audit-page.h"
#include "cl-overview-page.h"
#include "cl-policies-page.h"
#include "cl-preferences-window.h"
#include "cl-records-page.h"
#include "cl-requests-page.h"
#include "cl-upgrade-status.h"
#include "cl-vendors-page.h"
#include "cl-window.h"

struct _ClWindow
{
  AdwApplicationWindow parent_instance;

  ClLedger            *ledger;
  GSettings           *settings;
  char                *last_error;
  GCancellable        *upgrade_cancellable;  /* while a ledger is upgraded, else NULL */

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *content_stack;
  ClUpgradeStatus     *upgrade_status;
  AdwLeaflet          *leaflet;
  AdwClamp            *sidebar_clamp;
  GtkListBox          *sidebar;
  AdwViewStack        *stack;
  AdwWindowTitle      *window_title;
  GtkWidget           *overview_page;
  GtkWidget           *records_page;
  GtkWidget           *requests_page;
  GtkWidget           *vendors_page;
  GtkWidget           *policies_page;
  GtkWidget           *audit_page;
};

G_DEFINE_FINAL_TYPE (ClWindow, cl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LEDGER,
  PROP_UPGRADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The page names, in sidebar order; the sidebar rows are in the same order. */
/* The sidebar's width beside the pages (its box asks for as much in cl-window.ui). */
#define SIDEBAR_WIDTH 232

static const char * const page_names[] = {
  "overview", "records", "requests", "vendors", "policies", "audit",
};

static void
cl_window_dispose (GObject *object)
{
  ClWindow *self = CL_WINDOW (object);

  /* An upgrade under way runs to its end in its thread (cl_ledger_open cannot be stopped
   * halfway); cancelled, its result is then dropped instead of shown. */
  if (self->upgrade_cancellable != NULL)
    g_cancellable_cancel (self->upgrade_cancellable);
  g_clear_object (&self->upgrade_cancellable);
  g_clear_object (&self->ledger);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_WINDOW);

  G_OBJECT_CLASS (cl_window_parent_class)->dispose (object);
}

static void
cl_window_finalize (GObject *object)
{
  ClWindow *self = CL_WINDOW (object);

  g_free (self->last_error);

  G_OBJECT_CLASS (cl_window_parent_class)->finalize (object);
}

static void
cl_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ClWindow *self = CL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LEDGER:
      g_value_set_object (value, self->ledger);
      break;

    case PROP_UPGRADING:
      g_value_set_boolean (value, cl_window_get_upgrading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ClWindow *self = CL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LEDGER:
      cl_window_set_ledger (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static int
page_index (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    if (g_strcmp0 (page_names[i], name) == 0)
      return i;
  return -1;
}

static void
update_page_title (ClWindow *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->stack);
  AdwViewStackPage *page = adw_view_stack_get_page (self->stack, child);

  adw_window_title_set_title (self->window_title, adw_view_stack_page_get_title (page));
}

static void
show_page (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  int index = page_index (name);
  GtkListBoxRow *row;

  if (index < 0)
    {
      g_warning ("No page named “%s”", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, name);
  update_page_title (self);
  row = gtk_list_box_get_row_at_index (self->sidebar, index);
  if (gtk_list_box_get_selected_row (self->sidebar) != row)
    gtk_list_box_select_row (self->sidebar, row);
  /* On a narrow window the sidebar folds away: go to the content. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Selecting a row (by pointer, keyboard or a screen reader) shows its page. */
static void
on_sidebar_row_selected (ClWindow      *self,
                         GtkListBoxRow *row)
{
  int index;

  if (row == NULL)
    return;
  index = gtk_list_box_row_get_index (row);
  if (g_strcmp0 (cl_window_get_page (self), page_names[index]) != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", page_names[index]);
}

static void
on_back_clicked (ClWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

void
cl_window_show_toast (ClWindow   *self,
                      const char *message)
{
  g_return_if_fail (CL_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
report_error (ClWindow   *self,
              const char *message)
{
  g_free (self->last_error);
  self->last_error = g_strdup (message);
  cl_window_show_toast (self, message);
}

/* The actions that need a ledger, or that would start another open, wait while one is
 * upgraded; so do the pages, which still show the previous ledger behind the status. */
static void
update_actions (ClWindow *self)
{
  gboolean upgrading = cl_window_get_upgrading (self);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.preferences", self->ledger != NULL && !upgrading);
  gtk_widget_action_set_enabled (widget, "win.new-ledger", !upgrading);
  gtk_widget_action_set_enabled (widget, "win.open-ledger", !upgrading);
  gtk_widget_action_set_enabled (widget, "win.show-page", !upgrading);
  gtk_widget_action_set_enabled (widget, "win.ledger-changed", !upgrading);
}

static void
set_upgrading (ClWindow   *self,
               const char *path)
{
  if (path != NULL)
    {
      g_assert (self->upgrade_cancellable == NULL);
      self->upgrade_cancellable = g_cancellable_new ();
      cl_upgrade_status_set_path (self->upgrade_status, path);
      gtk_stack_set_visible_child_name (self->content_stack, "upgrading");
    }
  else
    {
      g_clear_object (&self->upgrade_cancellable);
      gtk_stack_set_visible_child_name (self->content_stack, "ledger");
    }
  /* Insensitive, the hidden pages take no shortcut either (Ctrl+F, F5, …). */
  gtk_widget_set_sensitive (GTK_WIDGET (self->leaflet), path == NULL);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPGRADING]);
}

/* In the worker: its own connection, migrated there. The ClLedger is then handed to the main
 * thread, which alone uses it from then on. */
static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  ClLedger *ledger = cl_ledger_open (path, &error);

  if (ledger == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, ledger, g_object_unref);
}

static void
on_upgrade_done (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ClWindow *self = CL_WINDOW (source_object);
  const char *path = g_task_get_task_data (G_TASK (result));
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;

  ledger = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* the window was closed meanwhile */

  set_upgrading (self, NULL);
  if (ledger == NULL)
    {
      /* The previous ledger, if any, is still open and shown. */
      report_error (self, error->message);
      return;
    }
  cl_window_set_ledger (self, ledger);
  g_settings_set_string (self->settings, "last-ledger", path);
}

static void
open_upgrading (ClWindow   *self,
                const char *path)
{
  g_autoptr(GTask) task = NULL;

  set_upgrading (self, path);
  task = g_task_new (self, self->upgrade_cancellable, on_upgrade_done, NULL);
  g_task_set_source_tag (task, open_upgrading);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_in_thread);
}

gboolean
cl_window_open_path (ClWindow   *self,
                     const char *path,
                     gboolean    create)
{
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (cl_window_get_upgrading (self))
    {
      g_autofree char *message =
        g_strdup_printf (_("Wait until %s is upgraded, then open %s again."),
                         cl_upgrade_status_get_path (self->upgrade_status), path);
      report_error (self, message);
      return FALSE;
    }

  if (create && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message =
        g_strdup_printf (_("%s already exists. Choose another name, or open it with Open Ledger…"),
                         path);
      report_error (self, message);
      return FALSE;
    }

  /* Only the upgrade can take long; a current ledger opens at once, here. A file the check
   * cannot read is left to cl_ledger_open below, which says what is wrong with it. */
  if (!create && cl_ledger_needs_upgrade (path, NULL, NULL))
    {
      open_upgrading (self, path);
      return TRUE;
    }

  ledger = cl_ledger_open (path, &error);
  if (ledger == NULL)
    {
      report_error (self, error->message);
      return FALSE;
    }

  cl_window_set_ledger (self, ledger);
  g_settings_set_string (self->settings, "last-ledger", path);
  return TRUE;
}

static void
on_file_chosen (GtkNativeDialog *dialog,
                int              response,
                ClWindow        *self)
{
  gboolean create = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "create"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        cl_window_open_path (self, path, create);
    }
  g_object_unref (dialog);
}

static void
choose_ledger_file (ClWindow *self,
                    gboolean  create)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (create ? _("New Ledger") : _("Open Ledger"),
                                         GTK_WINDOW (self),
                                         create ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         create ? _("_Create") : _("_Open"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Consent ledgers"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.ledger");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("ledger.db"));

  g_object_set_data (G_OBJECT (chooser), "create", GINT_TO_POINTER (create));
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_ledger (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  choose_ledger_file (CL_WINDOW (widget), TRUE);
}

static void
open_ledger (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  choose_ledger_file (CL_WINDOW (widget), FALSE);
}

void
cl_window_ledger_changed (ClWindow *self)
{
  g_return_if_fail (CL_IS_WINDOW (self));

  if (self->ledger == NULL)
    return;
  cl_overview_page_reload (CL_OVERVIEW_PAGE (self->overview_page));
  cl_records_page_reload (CL_RECORDS_PAGE (self->records_page));
  cl_requests_page_reload (CL_REQUESTS_PAGE (self->requests_page));
  cl_policies_page_reload (CL_POLICIES_PAGE (self->policies_page));
  cl_audit_page_reload (CL_AUDIT_PAGE (self->audit_page));
  /* The Vendors page shows no consent events: nothing of it depends on them. */
}

static void
ledger_changed_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  cl_window_ledger_changed (CL_WINDOW (widget));
}

static void
show_preferences (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);

  if (self->ledger != NULL)
    gtk_window_present (GTK_WINDOW (cl_preferences_window_new (GTK_WINDOW (self), self->ledger)));
}

static void
cl_window_class_init (ClWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_window_dispose;
  object_class->finalize = cl_window_finalize;
  object_class->get_property = cl_window_get_property;
  object_class->set_property = cl_window_set_property;

  properties[PROP_LEDGER] =
    g_param_spec_object ("ledger", NULL, NULL, CL_TYPE_LEDGER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPGRADING] =
    g_param_spec_boolean ("upgrading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The page classes must exist before the template that names them is parsed. */
  g_type_ensure (CL_TYPE_OVERVIEW_PAGE);
  g_type_ensure (CL_TYPE_RECORDS_PAGE);
  g_type_ensure (CL_TYPE_REQUESTS_PAGE);
  g_type_ensure (CL_TYPE_VENDORS_PAGE);
  g_type_ensure (CL_TYPE_POLICIES_PAGE);
  g_type_ensure (CL_TYPE_AUDIT_PAGE);
  g_type_ensure (CL_TYPE_UPGRADE_STATUS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, upgrade_status);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, sidebar_clamp);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, records_page);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, requests_page);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, vendors_page);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, policies_page);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, audit_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page);
  gtk_widget_class_install_action (widget_class, "win.new-ledger", NULL, new_ledger);
  gtk_widget_class_install_action (widget_class, "win.open-ledger", NULL, open_ledger);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, show_preferences);
  gtk_widget_class_install_action (widget_class, "win.ledger-changed", NULL,
                                   ledger_changed_action);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", page_names[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-ledger", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-ledger", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
}

/* Side by side with the pages the sidebar keeps SIDEBAR_WIDTH pixels; folded, it
 * is the whole window. AdwClamp gives its child the whole width when both sizes are above it:
 * 100000 is wider than any screen and small enough for the clamp's arithmetic. */
static void
on_leaflet_folded (ClWindow *self)
{
  int width = adw_leaflet_get_folded (self->leaflet) ? 100000 : SIDEBAR_WIDTH;

  adw_clamp_set_maximum_size (self->sidebar_clamp, width);
  adw_clamp_set_tightening_threshold (self->sidebar_clamp, width);
}

static void
cl_window_init (ClWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_leaflet_folded),
                           self, G_CONNECT_SWAPPED);
  on_leaflet_folded (self);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, 0));
  update_page_title (self);
  cl_window_set_ledger (self, NULL);
}

ClWindow *
cl_window_new (GtkApplication *application)
{
  return g_object_new (CL_TYPE_WINDOW, "application", application, NULL);
}

ClLedger *
cl_window_get_ledger (ClWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return self->ledger;
}

static void
update_title (ClWindow *self)
{
  if (self->ledger != NULL)
    {
      const char *path = cl_ledger_get_path (self->ledger);
      g_autofree char *basename = g_path_get_basename (path);

      adw_window_title_set_subtitle (self->window_title, basename);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), path);
    }
  else
    {
      adw_window_title_set_subtitle (self->window_title, _("No ledger open"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), NULL);
    }
}

void
cl_window_set_ledger (ClWindow *self,
                      ClLedger *ledger)
{
  g_return_if_fail (CL_IS_WINDOW (self));
  g_return_if_fail (ledger == NULL || CL_IS_LEDGER (ledger));

  if (!g_set_object (&self->ledger, ledger) && ledger != NULL)
    return;

  update_title (self);
  update_actions (self);
  cl_overview_page_set_ledger (CL_OVERVIEW_PAGE (self->overview_page), ledger);
  cl_records_page_set_ledger (CL_RECORDS_PAGE (self->records_page), ledger);
  cl_requests_page_set_ledger (CL_REQUESTS_PAGE (self->requests_page), ledger);
  cl_vendors_page_set_ledger (CL_VENDORS_PAGE (self->vendors_page), ledger);
  cl_policies_page_set_ledger (CL_POLICIES_PAGE (self->policies_page), ledger);
  cl_audit_page_set_ledger (CL_AUDIT_PAGE (self->audit_page), ledger);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEDGER]);
}

const char *
cl_window_get_page (ClWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

const char *
cl_window_get_page_title (ClWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return adw_window_title_get_title (self->window_title);
}

const char *
cl_window_get_ledger_title (ClWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return adw_window_title_get_subtitle (self->window_title);
}

const char *
cl_window_get_last_error (ClWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return self->last_error;
}

gboolean
cl_window_get_upgrading (ClWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), FALSE);
  return self->upgrade_cancellable != NULL;
}
