/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-audit-page.c: the Audit Log page: who changed what and when, filtered by object, action
 * and day, and a check of the hash chain (audit.verify) run on its own connection in a worker
 * thread, so a long log never freezes the window. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-audit-page.h"
#include "cl-audit-query.h"
#include "cl-audit.h"
#include "cl-drop-down.h"
#include "cl-request-format.h"
#include "cl-request.h"

/* The newest entries shown; the count says when there are more (narrow the filters). */
#define MAX_SHOWN 5000

struct _ClAuditPage
{
  AdwBin              parent_instance;

  ClLedger           *ledger;
  GListStore         *entries;
  GStrv               object_types;  /* the drop-down's values after "All Objects" */
  GStrv               actions;       /* the drop-down's values after "All Actions" */
  char               *object_type_filter;
  char               *action_filter;
  GCancellable       *verify_cancellable;
  char               *verify_result;
  gboolean            verify_ok;
  gboolean            verifying;
  gboolean            updating_choices;

  /* template widgets */
  GtkDropDown        *object_type_dropdown;
  GtkStringList      *object_type_list;
  GtkSearchEntry     *object_entry;
  GtkDropDown        *action_dropdown;
  GtkStringList      *action_list;
  GtkMenuButton      *dates_button;
  GtkEntry           *since_entry;
  GtkEntry           *until_entry;
  GtkLabel           *count_label;
  GtkRevealer        *verify_revealer;
  GtkWidget          *verify_box;
  GtkSpinner         *verify_spinner;
  GtkImage           *verify_icon;
  GtkLabel           *verify_label;
  GtkStack           *stack;
  GtkNoSelection     *selection;
};

G_DEFINE_FINAL_TYPE (ClAuditPage, cl_audit_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LEDGER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (ClAuditPage *self);

static void
cl_audit_page_dispose (GObject *object)
{
  ClAuditPage *self = CL_AUDIT_PAGE (object);

  g_cancellable_cancel (self->verify_cancellable);
  g_clear_object (&self->verify_cancellable);
  g_clear_object (&self->ledger);
  g_clear_object (&self->entries);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_AUDIT_PAGE);

  G_OBJECT_CLASS (cl_audit_page_parent_class)->dispose (object);
}

static void
cl_audit_page_finalize (GObject *object)
{
  ClAuditPage *self = CL_AUDIT_PAGE (object);

  g_strfreev (self->object_types);
  g_strfreev (self->actions);
  g_free (self->object_type_filter);
  g_free (self->action_filter);
  g_free (self->verify_result);

  G_OBJECT_CLASS (cl_audit_page_parent_class)->finalize (object);
}

static void
cl_audit_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ClAuditPage *self = CL_AUDIT_PAGE (object);

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
cl_audit_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ClAuditPage *self = CL_AUDIT_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEDGER:
      cl_audit_page_set_ledger (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Words                                                                                      */

/* In local time, to the second: an audit trail is read at that grain. */
static char *
format_when (const char *iso8601)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

/* ------------------------------------------------------------------------------------------ */
/* Filters                                                                                    */

static gboolean
entry_date (GtkEntry *entry,
            GDate    *date,
            gboolean *valid)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  *valid = text[0] == '\0' || cl_request_parse_date (text, date);
  if (*valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  return text[0] != '\0' && *valid;
}

static void
fill_choices (GtkStringList  *list,
              GtkDropDown    *dropdown,
              GStrv          *values,
              GStrv           fresh,
              const char     *all_label,
              const char     *current,
              gboolean        object_types)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint selected = 0;
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) label_array = NULL;

  g_strv_builder_add (labels, all_label);
  for (guint i = 0; fresh != NULL && fresh[i] != NULL; i++)
    {
      /* The stored keys filter; their words are shown. */
      g_autofree char *label = object_types ? cl_audit_object_type_dup_label (fresh[i])
                                            : cl_audit_action_dup_label (fresh[i]);
      g_strv_builder_add (labels, label);
      if (g_strcmp0 (fresh[i], current) == 0)
        selected = i + 1;
    }
  label_array = g_strv_builder_end (labels);
  gtk_string_list_splice (list, 0, n, (const char * const *) label_array);
  g_strfreev (*values);
  *values = g_strdupv (fresh);
  gtk_drop_down_set_selected (dropdown, selected);
}

static void
update_choices (ClAuditPage *self)
{
  g_auto(GStrv) types = NULL;
  g_auto(GStrv) actions = NULL;

  if (self->ledger != NULL)
    {
      types = cl_audit_list_object_types (self->ledger, NULL);
      actions = cl_audit_list_actions (self->ledger, NULL);
    }
  /* Refilling the drop-downs changes their selection: not a choice of the user. */
  self->updating_choices = TRUE;
  fill_choices (self->object_type_list, self->object_type_dropdown, &self->object_types, types,
                _("All Objects"), self->object_type_filter, TRUE);
  fill_choices (self->action_list, self->action_dropdown, &self->actions, actions,
                _("All Actions"), self->action_filter, FALSE);
  self->updating_choices = FALSE;
}

static void
update_dates_button (ClAuditPage *self,
                     const GDate *since,
                     const GDate *until,
                     gboolean     valid)
{
  g_autofree char *since_text = since != NULL ? cl_request_format_date (since) : NULL;
  g_autofree char *until_text = until != NULL ? cl_request_format_date (until) : NULL;
  g_autofree char *label = NULL;

  if (!valid)
    label = g_strdup (_("Dates: not a date"));
  else if (since_text != NULL && until_text != NULL)
    label = g_strdup_printf (_("%s to %s"), since_text, until_text);
  else if (since_text != NULL)
    label = g_strdup_printf (_("From %s"), since_text);
  else if (until_text != NULL)
    label = g_strdup_printf (_("Until %s"), until_text);
  else
    label = g_strdup (_("Any Date"));
  gtk_menu_button_set_label (self->dates_button, label);
}

/* The count has a line of its own under the filters, hidden when there is nothing to say. */
static void
set_count (ClAuditPage *self,
           const char  *text)
{
  gtk_label_set_label (self->count_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), text != NULL && *text != '\0');
}

static void
reload (ClAuditPage *self)
{
  g_autoptr(GListStore) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *object_id = NULL;
  ClAuditFilter filter = { 0 };
  GDate since, until;
  gboolean since_valid, until_valid;
  gint64 total;
  guint n;

  if (self->ledger == NULL)
    {
      g_list_store_remove_all (self->entries);
      set_count (self, NULL);
      gtk_stack_set_visible_child_name (self->stack, "no-ledger");
      return;
    }

  object_id = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->object_entry))));
  filter.object_type = self->object_type_filter;
  filter.object_id = object_id[0] != '\0' ? object_id : NULL;
  filter.action = self->action_filter;
  if (entry_date (self->since_entry, &since, &since_valid))
    filter.since = &since;
  if (entry_date (self->until_entry, &until, &until_valid))
    filter.until = &until;
  filter.limit = MAX_SHOWN;
  update_dates_button (self, filter.since, filter.until, since_valid && until_valid);

  found = cl_audit_list (self->ledger, &filter, &error);
  total = found != NULL ? cl_audit_count (self->ledger, &filter, &error) : -1;
  if (found == NULL || total < 0)
    {
      set_count (self, error->message);
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (found));
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < n; i++)
      g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (found), i));
    g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                         items->pdata, n);
  }

  if ((gint64) n < total)
    {
      g_autofree char *total_text = g_strdup_printf ("%" G_GINT64_FORMAT, total);
      g_autofree char *text = g_strdup_printf (_("The %u newest of %s entries; narrow the "
                                                 "filters to see older ones"),
                                               n, total_text);
      set_count (self, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry",
                                                            "%u entries", n), n);
      set_count (self, text);
    }

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (filter.object_type == NULL && filter.object_id == NULL && filter.action == NULL
           && filter.since == NULL && filter.until == NULL)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "no-match");
}

static void
set_filter (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = value != NULL && value[0] != '\0' ? g_strdup (value) : NULL;
}

static void
on_object_type_selected (ClAuditPage *self)
{
  guint index = gtk_drop_down_get_selected (self->object_type_dropdown);

  if (self->updating_choices)
    return;
  set_filter (&self->object_type_filter,
              index > 0 && self->object_types != NULL
              && index <= g_strv_length (self->object_types)
                ? self->object_types[index - 1] : NULL);
  reload (self);
}

static void
on_action_selected (ClAuditPage *self)
{
  guint index = gtk_drop_down_get_selected (self->action_dropdown);

  if (self->updating_choices)
    return;
  set_filter (&self->action_filter,
              index > 0 && self->actions != NULL && index <= g_strv_length (self->actions)
                ? self->actions[index - 1] : NULL);
  reload (self);
}

static void
on_object_changed (ClAuditPage *self)
{
  reload (self);
}

static void
on_dates_changed (ClAuditPage *self)
{
  reload (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Cells                                                                                      */

static void
setup_inscription (GtkListItem *item,
                   guint        min_chars,
                   guint        nat_chars)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), nat_chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (item, inscription);
}

static void
setup_when_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  setup_inscription (item, 19, 19);
}

static void
setup_who_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  setup_inscription (item, 6, 10);
}

static void
setup_action_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  /* An action is read whole: its words are short ("Consent log imported", "Deadline
   * extended"), the detail beside it gives way first. */
  setup_inscription (item, 22, 29);
}

static void
setup_object_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  setup_inscription (item, 12, 22);
}

static void
setup_detail_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  setup_inscription (item, 20, 30);
}

static void
set_text (GtkListItem *item,
          const char  *text)
{
  GtkWidget *inscription = gtk_list_item_get_child (item);

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  /* The detail can be long: the whole text is a hover away. */
  gtk_widget_set_tooltip_text (inscription, text);
}

static void
bind_when (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  g_autofree char *text = format_when (cl_audit_entry_get_at (gtk_list_item_get_item (item)));
  set_text (item, text);
}

static void
bind_who (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  set_text (item, cl_audit_entry_get_actor (gtk_list_item_get_item (item)));
}

static void
bind_action (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  ClAuditEntry *entry = gtk_list_item_get_item (item);
  g_autofree char *text = cl_audit_action_dup_label (cl_audit_entry_get_action (entry));

  set_text (item, text);
}

static void
bind_object (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  ClAuditEntry *entry = gtk_list_item_get_item (item);
  const char *id = cl_audit_entry_get_object_id (entry);
  g_autofree char *type = cl_audit_object_type_dup_label (cl_audit_entry_get_object_type (entry));
  g_autofree char *text = id[0] != '\0' ? g_strdup_printf ("%s %s", type, id) : g_strdup (type);

  set_text (item, text);
}

static void
bind_detail (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  /* Shown in the user's language; the entry keeps the English its hash was computed over. */
  g_autofree char *text = cl_audit_entry_dup_detail_label (gtk_list_item_get_item (item));

  set_text (item, text);
}

/* ------------------------------------------------------------------------------------------ */
/* Verification                                                                               */

typedef struct
{
  guint  checked;
  char  *message;
} VerifyResult;

static void
verify_result_free (gpointer data)
{
  VerifyResult *result = data;

  g_free (result->message);
  g_free (result);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  VerifyResult *result = g_new0 (VerifyResult, 1);

  /* Its own connection: SQLite connections are not shared between threads. */
  ledger = cl_ledger_open (path, &error);
  if (ledger != NULL && cl_audit_verify (ledger, &result->checked, &error))
    result->message = NULL;
  else
    result->message = g_strdup (error->message);
  g_task_return_pointer (task, result, verify_result_free);
}

static void
show_verify_result (ClAuditPage *self,
                    gboolean     ok,
                    const char  *message)
{
  g_free (self->verify_result);
  self->verify_result = g_strdup (message);
  self->verify_ok = ok;

  gtk_spinner_stop (self->verify_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->verify_spinner), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->verify_icon), TRUE);
  gtk_image_set_from_icon_name (self->verify_icon,
                                ok ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_label_set_label (self->verify_label, message);
  /* Colour on the words and the icon, which carry the meaning on their own as well. */
  for (GtkWidget *widget = gtk_widget_get_first_child (self->verify_box); widget != NULL;
       widget = gtk_widget_get_next_sibling (widget))
    {
      gtk_widget_remove_css_class (widget, ok ? "error" : "success");
      gtk_widget_add_css_class (widget, ok ? "success" : "error");
    }
  gtk_revealer_set_reveal_child (self->verify_revealer, TRUE);
}

static void
verify_done (GObject      *source,
             GAsyncResult *async_result,
             gpointer      user_data)
{
  g_autoptr(ClAuditPage) self = user_data;
  g_autoptr(GError) error = NULL;
  VerifyResult *result = g_task_propagate_pointer (G_TASK (async_result), &error);

  self->verifying = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.verify", self->ledger != NULL);
  if (result == NULL)
    return;  /* cancelled: the page went away or the ledger changed */

  if (result->message == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *when = g_date_time_format (now, "%H:%M");
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The audit log is intact: %u entry checked, none changed "
                                      "or missing (checked at %s).",
                                      "The audit log is intact: %u entries checked, none changed "
                                      "or missing (checked at %s).", result->checked),
                         result->checked, when);
      show_verify_result (self, TRUE, text);
    }
  else
    show_verify_result (self, FALSE, result->message);
  verify_result_free (result);
}

static void
verify (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  ClAuditPage *self = CL_AUDIT_PAGE (widget);
  g_autoptr(GTask) task = NULL;

  if (self->ledger == NULL || self->verifying)
    return;

  self->verifying = TRUE;
  gtk_widget_action_set_enabled (widget, "audit.verify", FALSE);
  g_clear_pointer (&self->verify_result, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->verify_icon), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->verify_spinner), TRUE);
  gtk_spinner_start (self->verify_spinner);
  for (GtkWidget *child = gtk_widget_get_first_child (self->verify_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_remove_css_class (child, "success");
      gtk_widget_remove_css_class (child, "error");
    }
  gtk_label_set_label (self->verify_label, _("Checking every entry of the audit log…"));
  gtk_revealer_set_reveal_child (self->verify_revealer, TRUE);

  g_clear_object (&self->verify_cancellable);
  self->verify_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->verify_cancellable, verify_done, g_object_ref (self));
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, g_strdup (cl_ledger_get_path (self->ledger)), g_free);
  g_task_run_in_thread (task, verify_thread);
}

static void
refresh (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  ClAuditPage *self = CL_AUDIT_PAGE (widget);

  update_choices (self);
  reload (self);
}

static void
clear_filters (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClAuditPage *self = CL_AUDIT_PAGE (widget);

  self->updating_choices = TRUE;
  set_filter (&self->object_type_filter, NULL);
  set_filter (&self->action_filter, NULL);
  gtk_drop_down_set_selected (self->object_type_dropdown, 0);
  gtk_drop_down_set_selected (self->action_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->object_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->since_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->until_entry), "");
  self->updating_choices = FALSE;
  reload (self);
}

/* New entries arrive with every change elsewhere in the window: read them when shown. */
static void
on_map (ClAuditPage *self)
{
  update_choices (self);
  reload (self);
}

static void
cl_audit_page_class_init (ClAuditPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_audit_page_dispose;
  object_class->finalize = cl_audit_page_finalize;
  object_class->get_property = cl_audit_page_get_property;
  object_class->set_property = cl_audit_page_set_property;

  properties[PROP_LEDGER] =
    g_param_spec_object ("ledger", NULL, NULL, CL_TYPE_LEDGER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClAuditPage, object_type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClAuditPage, object_type_list);
  gtk_widget_class_bind_template_child (widget_class, ClAuditPage, object_entry);
  gtk_widget_class_bind_template_child (widget_class, ClAuditPage, action_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClAuditPage, action_list);
  gtk_widget_class_bind_template_child (widget_class, ClAuditPage, dates_button);
  gtk_widget_class_bind_template_child (widget_class, ClAuditPage, since_entry);
  gtk_widget_class_bind_template_child (widget_class, ClAuditPage, until_entry);
  gtk_widget_class_bind_template_child (widget_class, ClAuditPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ClAuditPage, verify_revealer);
  gtk_widget_class_bind_template_child (widget_class, ClAuditPage, verify_box);
  gtk_widget_class_bind_template_child (widget_class, ClAuditPage, verify_spinner);
  gtk_widget_class_bind_template_child (widget_class, ClAuditPage, verify_icon);
  gtk_widget_class_bind_template_child (widget_class, ClAuditPage, verify_label);
  gtk_widget_class_bind_template_child (widget_class, ClAuditPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ClAuditPage, selection);
  gtk_widget_class_bind_template_callback (widget_class, on_object_type_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_action_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_object_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_dates_changed);
  gtk_widget_class_bind_template_callback (widget_class, setup_when_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_who_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_action_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_object_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_detail_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_when);
  gtk_widget_class_bind_template_callback (widget_class, bind_who);
  gtk_widget_class_bind_template_callback (widget_class, bind_action);
  gtk_widget_class_bind_template_callback (widget_class, bind_object);
  gtk_widget_class_bind_template_callback (widget_class, bind_detail);

  gtk_widget_class_install_action (widget_class, "audit.verify", NULL, verify);
  gtk_widget_class_install_action (widget_class, "audit.refresh", NULL, refresh);
  gtk_widget_class_install_action (widget_class, "audit.clear-filters", NULL, clear_filters);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "audit.refresh", NULL);
}

static void
cl_audit_page_init (ClAuditPage *self)
{
  self->entries = g_list_store_new (CL_TYPE_AUDIT_ENTRY);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->entries));
  cl_drop_down_setup (self->object_type_dropdown, 12, _("Object"));
  cl_drop_down_setup (self->action_dropdown, 14, _("Action"));
  gtk_menu_button_set_label (self->dates_button, _("Any Date"));
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  update_choices (self);
  reload (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.verify", FALSE);
}

void
cl_audit_page_set_ledger (ClAuditPage *self,
                          ClLedger    *ledger)
{
  g_return_if_fail (CL_IS_AUDIT_PAGE (self));
  g_return_if_fail (ledger == NULL || CL_IS_LEDGER (ledger));

  if (!g_set_object (&self->ledger, ledger))
    return;

  g_cancellable_cancel (self->verify_cancellable);
  gtk_revealer_set_reveal_child (self->verify_revealer, FALSE);
  g_clear_pointer (&self->verify_result, g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.verify",
                                 ledger != NULL && !self->verifying);
  update_choices (self);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEDGER]);
}

ClLedger *
cl_audit_page_get_ledger (ClAuditPage *self)
{
  g_return_val_if_fail (CL_IS_AUDIT_PAGE (self), NULL);
  return self->ledger;
}

void
cl_audit_page_reload (ClAuditPage *self)
{
  g_return_if_fail (CL_IS_AUDIT_PAGE (self));
  update_choices (self);
  reload (self);
}

GListModel *
cl_audit_page_get_model (ClAuditPage *self)
{
  g_return_val_if_fail (CL_IS_AUDIT_PAGE (self), NULL);
  return G_LIST_MODEL (self->entries);
}

const char *
cl_audit_page_get_verify_result (ClAuditPage *self,
                                 gboolean    *ok)
{
  g_return_val_if_fail (CL_IS_AUDIT_PAGE (self), NULL);

  if (ok != NULL)
    *ok = self->verify_ok;
  return self->verify_result;
}

void
cl_audit_page_set_filters (ClAuditPage *self,
                           const char  *object_type,
                           const char  *object_id,
                           const char  *action,
                           const char  *since,
                           const char  *until)
{
  g_return_if_fail (CL_IS_AUDIT_PAGE (self));

  self->updating_choices = TRUE;
  set_filter (&self->object_type_filter, object_type);
  set_filter (&self->action_filter, action);
  gtk_editable_set_text (GTK_EDITABLE (self->object_entry), object_id != NULL ? object_id : "");
  gtk_editable_set_text (GTK_EDITABLE (self->since_entry), since != NULL ? since : "");
  gtk_editable_set_text (GTK_EDITABLE (self->until_entry), until != NULL ? until : "");
  self->updating_choices = FALSE;
  update_choices (self);
  reload (self);
}
