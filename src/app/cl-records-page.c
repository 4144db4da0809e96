/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-records-page.c: the Consent Records page: every consent event, searched, filtered and
 * sorted by SQL through one ClEventQuery, shown by a GtkColumnView over a lazy model. The
 * Filters popover is a ClRecordsFilters, the column view's sorting and purpose columns a
 * ClRecordsColumns, Import… is in cl-records-page-import.c. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "cl-consent-record.h"
#include "cl-event-list-model.h"
#include "cl-event-query.h"
#include "cl-purpose.h"
#include "cl-records-columns.h"
#include "cl-records-filters.h"
#include "cl-format.h"
#include "cl-records-page.h"
#include "cl-records-page-import.h"
#include "cl-subject-pane.h"

struct _ClRecordsPage
{
  AdwBin               parent_instance;

  ClLedger            *ledger;
  ClEventQuery        *query;
  ClEventListModel    *model;
  GtkSingleSelection  *selection;
  ClRecordsColumns    *columns;
  char                *count_text;
  guint                scroll_source;
  gboolean             syncing;

  /* template widgets */
  AdwFlap             *flap;
  GtkSearchEntry      *search_entry;
  ClRecordsFilters    *filters;
  GtkMenuButton       *sort_button;
  GtkSpinner          *busy_spinner;
  GtkSpinner          *loading_spinner;
  GtkLabel            *count_label;
  GtkLabel            *filter_summary;
  GtkBox              *import_slot;
  GtkStack            *view_stack;
  AdwStatusPage       *no_results_page;
  AdwStatusPage       *error_page;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *time_column;
  GtkColumnViewColumn *subject_column;
  GtkColumnViewColumn *policy_column;
  GtkColumnViewColumn *method_column;
  GtkColumnViewColumn *country_column;
  GtkColumnViewColumn *url_column;
  ClSubjectPane       *subject_pane;
};

G_DEFINE_FINAL_TYPE (ClRecordsPage, cl_records_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LEDGER,
  PROP_CURRENT_ONLY,
  PROP_SORT_COLUMN,
  PROP_SORT_DESCENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_view (ClRecordsPage *self);

static void
cl_records_page_dispose (GObject *object)
{
  ClRecordsPage *self = CL_RECORDS_PAGE (object);

  g_clear_handle_id (&self->scroll_source, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  /* Before the column view goes: it would tell the query about every column it drops. */
  g_clear_object (&self->columns);
  /* The flap is the bin's child and a template child: let the bin drop it first, or the
   * template would unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_RECORDS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->ledger);
  g_clear_object (&self->query);

  G_OBJECT_CLASS (cl_records_page_parent_class)->dispose (object);
}

static void
cl_records_page_finalize (GObject *object)
{
  ClRecordsPage *self = CL_RECORDS_PAGE (object);

  g_free (self->count_text);

  G_OBJECT_CLASS (cl_records_page_parent_class)->finalize (object);
}

static void
cl_records_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ClRecordsPage *self = CL_RECORDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEDGER:
      g_value_set_object (value, self->ledger);
      break;
    case PROP_CURRENT_ONLY:
      g_value_set_boolean (value, cl_event_query_get_current_only (self->query));
      break;
    case PROP_SORT_COLUMN:
    case PROP_SORT_DESCENDING:
      /* The column view's, kept by the columns object (gone once disposed). */
      if (self->columns != NULL)
        g_object_get_property (G_OBJECT (self->columns), pspec->name, value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_records_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ClRecordsPage *self = CL_RECORDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEDGER:
      cl_records_page_set_ledger (self, g_value_get_object (value));
      break;
    case PROP_CURRENT_ONLY:
      if (cl_event_query_get_current_only (self->query) != g_value_get_boolean (value))
        {
          cl_event_query_set_current_only (self->query, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SORT_COLUMN:
    case PROP_SORT_DESCENDING:
      if (self->columns != NULL)
        g_object_set_property (G_OBJECT (self->columns), pspec->name, value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* ---- Search and filters: the query, and the widgets kept in step with it. ---- */

/* The Filters popover follows the query itself; the search entry is the page's. */
static void
sync_search_entry (ClRecordsPage *self)
{
  const char *subject = cl_event_query_get_subject (self->query) ?: "";

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), subject) == 0
      || gtk_widget_has_focus (GTK_WIDGET (self->search_entry)))
    return;
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), subject);
  self->syncing = FALSE;
}

static void
on_filter_summary_changed (ClRecordsPage *self)
{
  const char *summary = cl_records_filters_get_summary (self->filters);

  if (*summary != '\0')
    gtk_label_set_label (self->filter_summary, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_summary), *summary != '\0');
}

static void
on_query_changed (ClRecordsPage *self)
{
  sync_search_entry (self);
  update_view (self);
}

static void
on_search_changed (ClRecordsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (!self->syncing)
    gtk_widget_activate_action (GTK_WIDGET (self), "records.search", "s", text);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClRecordsPage *self = CL_RECORDS_PAGE (widget);

  cl_event_query_set_subject (self->query, g_variant_get_string (parameter, NULL));
}

static void
filter_purpose_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ClRecordsPage *self = CL_RECORDS_PAGE (widget);
  const char *key, *word;
  ClDecision decision = CL_DECISION_GRANTED;

  g_variant_get (parameter, "(&s&s)", &key, &word);
  cl_records_filters_decision_from_word (word, &decision);
  cl_event_query_set_purpose (self->query, *key != '\0' ? key : NULL, decision);
}

static void
filter_policy_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ClRecordsPage *self = CL_RECORDS_PAGE (widget);

  cl_event_query_set_policy (self->query, g_variant_get_string (parameter, NULL));
}

static void
filter_method_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ClRecordsPage *self = CL_RECORDS_PAGE (widget);
  const char *key = g_variant_get_string (parameter, NULL);
  ClConsentMethod method;

  if (*key == '\0')
    cl_event_query_set_method (self->query, -1);
  else if (cl_consent_method_from_string (key, &method))
    cl_event_query_set_method (self->query, method);
  else
    g_warning ("No consent method “%s”", key);
}

static void
filter_dates_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ClRecordsPage *self = CL_RECORDS_PAGE (widget);
  const char *since_text, *until_text;
  gint64 since = CL_EVENT_QUERY_NO_SINCE, until = CL_EVENT_QUERY_NO_UNTIL;

  g_variant_get (parameter, "(&s&s)", &since_text, &until_text);
  if ((*since_text != '\0' && !cl_event_query_parse_since (since_text, &since, NULL))
      || (*until_text != '\0' && !cl_event_query_parse_until (until_text, &until, NULL)))
    {
      g_warning ("Not a date range: “%s” to “%s”", since_text, until_text);
      return;
    }
  g_object_freeze_notify (G_OBJECT (self->query));
  cl_event_query_set_since (self->query, since);
  cl_event_query_set_until (self->query, until);
  g_object_thaw_notify (G_OBJECT (self->query));
}

static void
clear_filters (ClRecordsPage *self)
{
  g_object_freeze_notify (G_OBJECT (self->query));
  cl_event_query_set_subject (self->query, NULL);
  cl_event_query_set_purpose (self->query, NULL, CL_DECISION_GRANTED);
  cl_event_query_set_policy (self->query, NULL);
  cl_event_query_set_method (self->query, -1);
  cl_event_query_set_since (self->query, CL_EVENT_QUERY_NO_SINCE);
  cl_event_query_set_until (self->query, CL_EVENT_QUERY_NO_UNTIL);
  g_object_set (self, "current-only", FALSE, NULL);
  g_object_thaw_notify (G_OBJECT (self->query));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  clear_filters (CL_RECORDS_PAGE (widget));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ClRecordsPage *self = CL_RECORDS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- The subject pane. ---- */

static void
show_error (ClRecordsPage *self,
            const char    *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
show_subject (ClRecordsPage *self,
              ClSubject     *subject)
{
  cl_subject_pane_set_subject (self->subject_pane, subject);
  adw_flap_set_reveal_flap (self->flap, subject != NULL);
}

static void
show_subject_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ClRecordsPage *self = CL_RECORDS_PAGE (widget);
  g_autoptr(ClSubject) subject = NULL;
  g_autoptr(GError) error = NULL;

  if (self->ledger == NULL)
    return;
  subject = cl_subject_lookup (self->ledger, g_variant_get_string (parameter, NULL), &error);
  if (subject == NULL)
    {
      show_error (self, error->message);
      return;
    }
  show_subject (self, subject);
}

static void
hide_subject_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ClRecordsPage *self = CL_RECORDS_PAGE (widget);

  show_subject (self, NULL);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

static void
on_selection_changed (ClRecordsPage *self)
{
  ClConsentEvent *event = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(ClSubject) subject = NULL;
  g_autoptr(GError) error = NULL;

  if (event == NULL || !cl_consent_event_is_present (event) || self->ledger == NULL)
    return;
  subject = cl_subject_load (self->ledger, cl_consent_event_get_subject_id (event), &error);
  if (subject == NULL)
    {
      show_error (self, error->message);
      return;
    }
  show_subject (self, subject);
}

/* ---- What the page shows. ---- */

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_VIEW (child))
        return child;
      if ((found = find_list_view (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
update_view (ClRecordsPage *self)
{
  const char *view;
  gboolean loading = self->model != NULL && cl_event_list_model_get_loading (self->model);
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  guint64 total = self->model != NULL ? cl_event_list_model_get_total (self->model) : 0;
  const char *subject = cl_event_query_get_subject (self->query);

  if (self->model == NULL)
    view = "no-ledger";
  else if (cl_event_list_model_get_error (self->model) != NULL && !loading)
    {
      view = "error";
      adw_status_page_set_description (self->error_page,
                                       cl_event_list_model_get_error (self->model));
    }
  else if (n == 0 && loading)
    view = "loading";
  else if (n == 0 && !cl_event_query_is_filtered (self->query))
    view = "empty";
  else if (n == 0)
    {
      g_autofree char *description = NULL;

      view = "no-results";
      if (subject != NULL)
        description = g_strdup_printf (_("No consent id, e-mail address, account id or event id "
                                         "is “%s”, or that subject has no events that match the "
                                         "filters."), subject);
      else
        description = g_strdup (_("No consent event matches these filters."));
      adw_status_page_set_description (self->no_results_page, description);
    }
  else
    view = "list";

  gtk_stack_set_visible_child_name (self->view_stack, view);
  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (view, "loading"));
  gtk_spinner_set_spinning (self->busy_spinner, loading && !g_str_equal (view, "loading"));
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), loading);

  g_free (self->count_text);
  if (self->model == NULL || (loading && n == 0))
    self->count_text = g_strdup ("");
  else if (loading)
    self->count_text = g_strdup (_("Counting events…"));
  else if (cl_event_query_is_filtered (self->query))
    {
      g_autofree char *shown = cl_format_count (n);
      g_autofree char *all = cl_format_count (total);
      /* Translators: "12 of 1,000,000 events" */
      self->count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s event",
                                                       "%s of %s events", total),
                                          shown, all);
    }
  else
    {
      g_autofree char *shown = cl_format_count (n);
      /* Translators: "1,000,000 events" */
      self->count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s event", "%s events",
                                                       n), shown);
    }
  gtk_label_set_label (self->count_label, self->count_text);
}

/* A search names one person: open them beside the list, since that is what comes next. */
static void
show_searched_subject (ClRecordsPage *self)
{
  const char *searched = cl_event_query_get_subject (self->query);
  ClSubject *shown = cl_subject_pane_get_subject (self->subject_pane);
  g_autoptr(ClSubject) subject = NULL;

  if (searched == NULL || self->ledger == NULL
      || g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    return;
  subject = cl_subject_lookup (self->ledger, searched, NULL);
  if (subject == NULL
      || (shown != NULL && cl_subject_get_id (shown) == cl_subject_get_id (subject)
          && adw_flap_get_reveal_flap (self->flap)))
    return;
  show_subject (self, subject);
}

/* A new snapshot is a new answer: start at its top. (No gtk_column_view_scroll_to on 4.8.)
 * From an idle: the list view must have taken the new items in first. */
static gboolean
scroll_to_top (gpointer data)
{
  ClRecordsPage *self = data;
  GtkWidget *list_view = find_list_view (GTK_WIDGET (self->column_view));

  self->scroll_source = 0;
  if (list_view != NULL && self->model != NULL
      && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", 0);
  return G_SOURCE_REMOVE;
}

/* Swapped: the page first. A new answer replaces the list from position 0; the rest of an
 * answer whose first page is shown is appended after it and must not pull the view back up. */
static void
on_items_changed (ClRecordsPage *self,
                  guint          position,
                  guint          removed,
                  guint          added,
                  GListModel    *model)
{
  if (position == 0)
    {
      show_searched_subject (self);
      if (self->scroll_source == 0)
        self->scroll_source = g_idle_add (scroll_to_top, self);
    }
  update_view (self);
}

/* The purposes make columns and, with the policy versions, the Filters popover's choices. */
static void
load_ledger_lists (ClRecordsPage *self)
{
  g_autoptr(GListStore) purposes = NULL;
  g_auto(GStrv) policy_versions = NULL;
  g_autoptr(GError) error = NULL;

  if (self->ledger != NULL)
    {
      purposes = cl_purpose_list (self->ledger, &error);
      if (purposes == NULL)
        show_error (self, error->message);
      g_clear_error (&error);
      policy_versions = cl_event_query_list_policy_versions (self->ledger, &error);
      if (error != NULL)
        show_error (self, error->message);
    }
  cl_records_columns_set_purposes (self->columns, G_LIST_MODEL (purposes));
  cl_records_filters_set_choices (self->filters, G_LIST_MODEL (purposes),
                                  (const char * const *) policy_versions);
}

static void
cl_records_page_class_init (ClRecordsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_records_page_dispose;
  object_class->finalize = cl_records_page_finalize;
  object_class->get_property = cl_records_page_get_property;
  object_class->set_property = cl_records_page_set_property;

  properties[PROP_LEDGER] =
    g_param_spec_object ("ledger", NULL, NULL, CL_TYPE_LEDGER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_ONLY] =
    g_param_spec_boolean ("current-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The column the records are sorted by ("time", "subject", … "purpose:KEY": see
   * ClRecordsColumns) and its order, as a header click sets them. */
  properties[PROP_SORT_COLUMN] =
    g_param_spec_string ("sort-column", NULL, NULL, "time",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_DESCENDING] =
    g_param_spec_boolean ("sort-descending", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The cell templates look ClConsentEvent up by name. */
  g_type_ensure (CL_TYPE_CONSENT_EVENT);
  g_type_ensure (CL_TYPE_RECORDS_FILTERS);
  g_type_ensure (CL_TYPE_SUBJECT_PANE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-records-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, flap);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, filters);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, sort_button);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, filter_summary);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, import_slot);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, time_column);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, subject_column);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, policy_column);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, method_column);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, country_column);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, url_column);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, subject_pane);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);

  gtk_widget_class_install_action (widget_class, "records.search", "s", search_action);
  gtk_widget_class_install_action (widget_class, "records.filter-purpose", "(ss)",
                                   filter_purpose_action);
  gtk_widget_class_install_action (widget_class, "records.filter-policy", "s",
                                   filter_policy_action);
  gtk_widget_class_install_action (widget_class, "records.filter-method", "s",
                                   filter_method_action);
  gtk_widget_class_install_action (widget_class, "records.filter-dates", "(ss)",
                                   filter_dates_action);
  gtk_widget_class_install_property_action (widget_class, "records.sort-column", "sort-column");
  gtk_widget_class_install_property_action (widget_class, "records.sort-descending",
                                            "sort-descending");
  gtk_widget_class_install_property_action (widget_class, "records.filter-current",
                                            "current-only");
  gtk_widget_class_install_action (widget_class, "records.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "records.show-subject", "s",
                                   show_subject_action);
  gtk_widget_class_install_action (widget_class, "records.hide-subject", NULL,
                                   hide_subject_action);

  gtk_widget_class_install_action (widget_class, "records.focus-search", NULL,
                                   focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "records.hide-subject", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "records.focus-search", NULL);

  /* Import… (records.import): cl-records-page-import.c */
  cl_records_page_class_init_import (widget_class);
}

static void
on_columns_sort_changed (ClRecordsPage *self,
                         GParamSpec    *pspec)
{
  /* The page's properties of the same names, which the sort actions follow. */
  g_object_notify (G_OBJECT (self), g_param_spec_get_name (pspec));
}

/* The Sort menu: the columns, then the order. A header takes a mouse; this menu does the same
 * from the keyboard (records.sort-column, records.sort-descending). */
static void
init_sort_menu (ClRecordsPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();

  g_menu_append (order, _("_Descending"), "records.sort-descending");
  g_menu_append_section (menu, NULL, cl_records_columns_get_sort_menu (self->columns));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  gtk_menu_button_set_menu_model (self->sort_button, G_MENU_MODEL (menu));

  g_signal_connect_object (self->columns, "notify::sort-column",
                           G_CALLBACK (on_columns_sort_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->columns, "notify::sort-descending",
                           G_CALLBACK (on_columns_sort_changed), self, G_CONNECT_SWAPPED);
}

static void
cl_records_page_init (ClRecordsPage *self)
{
  self->query = cl_event_query_new ();
  g_signal_connect_object (self->query, "changed", G_CALLBACK (on_query_changed), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  /* The purpose columns go after Method, where the template says. */
  self->columns = cl_records_columns_new (self->column_view, self->query, self->method_column);
  cl_records_columns_add_sortable (self->columns, self->time_column, CL_EVENT_SORT_TIME);
  cl_records_columns_add_sortable (self->columns, self->subject_column, CL_EVENT_SORT_SUBJECT);
  cl_records_columns_add_sortable (self->columns, self->policy_column, CL_EVENT_SORT_POLICY);
  cl_records_columns_add_sortable (self->columns, self->method_column, CL_EVENT_SORT_METHOD);
  cl_records_columns_add_sortable (self->columns, self->country_column, CL_EVENT_SORT_COUNTRY);
  cl_records_columns_add_sortable (self->columns, self->url_column, CL_EVENT_SORT_URL);
  /* Show the order the query starts with: newest first. */
  cl_records_columns_sort_newest_first (self->columns);
  init_sort_menu (self);

  cl_records_filters_set_query (self->filters, self->query);
  g_signal_connect_object (self->filters, "notify::summary",
                           G_CALLBACK (on_filter_summary_changed), self, G_CONNECT_SWAPPED);
  sync_search_entry (self);
  update_view (self);

  cl_records_page_init_import (self);
}

void
cl_records_page_set_ledger (ClRecordsPage *self,
                            ClLedger      *ledger)
{
  g_return_if_fail (CL_IS_RECORDS_PAGE (self));
  g_return_if_fail (ledger == NULL || CL_IS_LEDGER (ledger));

  if (!g_set_object (&self->ledger, ledger))
    return;

  show_subject (self, NULL);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  /* Another ledger, another question: its purposes and versions may differ too. */
  clear_filters (self);
  if (ledger != NULL)
    {
      self->model = cl_event_list_model_new (ledger, self->query);
      /* After the list view's own handler (connected through the selection model). */
      g_signal_connect_data (self->model, "items-changed", G_CALLBACK (on_items_changed), self,
                             NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_swapped (self->model, "notify::loading", G_CALLBACK (update_view), self);
      g_signal_connect_swapped (self->model, "notify::error", G_CALLBACK (update_view), self);
      g_signal_connect_swapped (self->model, "notify::total", G_CALLBACK (update_view), self);
    }
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
  load_ledger_lists (self);
  update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEDGER]);
}

ClLedger *
cl_records_page_get_ledger (ClRecordsPage *self)
{
  g_return_val_if_fail (CL_IS_RECORDS_PAGE (self), NULL);
  return self->ledger;
}

void
cl_records_page_reload (ClRecordsPage *self)
{
  g_return_if_fail (CL_IS_RECORDS_PAGE (self));

  if (self->ledger == NULL)
    return;
  load_ledger_lists (self);
  cl_event_list_model_reload (self->model);
  update_view (self);
}

GtkBox *
cl_records_page_get_import_slot (ClRecordsPage *self)
{
  g_return_val_if_fail (CL_IS_RECORDS_PAGE (self), NULL);
  return self->import_slot;
}

GtkMenuButton *
cl_records_page_get_sort_button (ClRecordsPage *self)
{
  g_return_val_if_fail (CL_IS_RECORDS_PAGE (self), NULL);

  return self->sort_button;
}

ClEventListModel *
cl_records_page_get_model (ClRecordsPage *self)
{
  g_return_val_if_fail (CL_IS_RECORDS_PAGE (self), NULL);
  return self->model;
}

ClEventQuery *
cl_records_page_get_query (ClRecordsPage *self)
{
  g_return_val_if_fail (CL_IS_RECORDS_PAGE (self), NULL);
  return self->query;
}

const char *
cl_records_page_get_count_text (ClRecordsPage *self)
{
  g_return_val_if_fail (CL_IS_RECORDS_PAGE (self), NULL);
  return self->count_text;
}

const char *
cl_records_page_get_view (ClRecordsPage *self)
{
  g_return_val_if_fail (CL_IS_RECORDS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->view_stack);
}

GtkColumnView *
cl_records_page_get_column_view (ClRecordsPage *self)
{
  g_return_val_if_fail (CL_IS_RECORDS_PAGE (self), NULL);
  return self->column_view;
}

ClSubjectPane *
cl_records_page_get_subject_pane (ClRecordsPage *self)
{
  g_return_val_if_fail (CL_IS_RECORDS_PAGE (self), NULL);
  return self->subject_pane;
}

gboolean
cl_records_page_get_subject_shown (ClRecordsPage *self)
{
  g_return_val_if_fail (CL_IS_RECORDS_PAGE (self), FALSE);
  return adw_flap_get_reveal_flap (self->flap);
}
