/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-records-page.c: the Consent Records page: every consent event, searched, filtered and
 * sorted by SQL through one ClEventQuery, shown by a GtkColumnView over a lazy model. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "cl-consent-record.h"
#include "cl-event-list-model.h"
#include "cl-event-query.h"
#include "cl-purpose.h"
#include "cl-records-page.h"
#include "cl-records-page-import.h"
#include "cl-subject-pane.h"

/* What a column sorts by; the compare function of its GtkCustomSorter only notes which column
 * GTK asked about (see on_sort_changed). */
typedef struct
{
  ClRecordsPage *page;
  ClEventSort    sort;
  char          *purpose_key;
} SortColumn;

struct _ClRecordsPage
{
  AdwBin               parent_instance;

  ClLedger            *ledger;
  ClEventQuery        *query;
  ClEventListModel    *model;
  GtkSingleSelection  *selection;
  GListStore          *purposes;
  GPtrArray           *purpose_columns;  /* GtkColumnViewColumn, one per refusable purpose */
  GPtrArray           *purpose_keys;     /* char *, purpose_dropdown position - 1 → key */
  GStrv                policy_versions;  /* policy_dropdown position - 1 → version */
  GPtrArray           *sort_columns;     /* SortColumn, owned */
  GObject             *probe_a;
  GObject             *probe_b;
  SortColumn          *probed;
  char                *count_text;
  guint                scroll_source;
  gboolean             probing;
  gboolean             syncing;

  /* template widgets */
  AdwFlap             *flap;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *purpose_dropdown;
  GtkDropDown         *decision_dropdown;
  GtkDropDown         *policy_dropdown;
  GtkDropDown         *method_dropdown;
  GtkEntry            *since_entry;
  GtkEntry            *until_entry;
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
  GtkColumnViewColumn *method_column;
  GtkCustomSorter     *time_sorter;
  GtkCustomSorter     *subject_sorter;
  GtkCustomSorter     *policy_sorter;
  GtkCustomSorter     *method_sorter;
  GtkCustomSorter     *country_sorter;
  GtkCustomSorter     *url_sorter;
  ClSubjectPane       *subject_pane;
};

G_DEFINE_FINAL_TYPE (ClRecordsPage, cl_records_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LEDGER,
  PROP_CURRENT_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const decision_words[] = { "granted", "denied", "not-asked" };
static const ClDecision decision_values[] = {
  CL_DECISION_GRANTED, CL_DECISION_DENIED, CL_DECISION_NOT_ASKED,
};

static void update_view (ClRecordsPage *self);

static void
sort_column_free (SortColumn *column)
{
  g_free (column->purpose_key);
  g_free (column);
}

static void
cl_records_page_dispose (GObject *object)
{
  ClRecordsPage *self = CL_RECORDS_PAGE (object);

  g_clear_handle_id (&self->scroll_source, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  /* The flap is the bin's child and a template child: let the bin drop it first, or the
   * template would unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_RECORDS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->ledger);
  g_clear_object (&self->query);
  g_clear_object (&self->purposes);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);

  G_OBJECT_CLASS (cl_records_page_parent_class)->dispose (object);
}

static void
cl_records_page_finalize (GObject *object)
{
  ClRecordsPage *self = CL_RECORDS_PAGE (object);

  g_ptr_array_unref (self->purpose_columns);
  g_ptr_array_unref (self->purpose_keys);
  g_ptr_array_unref (self->sort_columns);
  g_strfreev (self->policy_versions);
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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* ---- Sorting: GTK 4.8 cannot say which header is sorted, so ask the sorters. ---- */

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SortColumn *column = user_data;

  if (column->page->probing && column->page->probed == NULL)
    column->page->probed = column;
  return GTK_ORDERING_SMALLER;
}

static void
on_sort_changed (ClRecordsPage *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering order;

  self->probing = TRUE;
  self->probed = NULL;
  order = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
  self->probing = FALSE;

  /* No sorted column: back to the default, newest first. */
  if (order == GTK_ORDERING_EQUAL || self->probed == NULL)
    cl_event_query_set_sort (self->query, CL_EVENT_SORT_TIME, NULL, TRUE);
  else
    cl_event_query_set_sort (self->query, self->probed->sort, self->probed->purpose_key,
                             order == GTK_ORDERING_LARGER);
}

static SortColumn *
new_sort_column (ClRecordsPage *self,
                 ClEventSort    sort,
                 const char    *purpose_key)
{
  SortColumn *column = g_new0 (SortColumn, 1);

  column->page = self;
  column->sort = sort;
  column->purpose_key = g_strdup (purpose_key);
  g_ptr_array_add (self->sort_columns, column);
  return column;
}

static void
set_probe (ClRecordsPage   *self,
           GtkCustomSorter *sorter,
           ClEventSort      sort,
           const char      *purpose_key)
{
  gtk_custom_sorter_set_sort_func (sorter, probe_compare,
                                   new_sort_column (self, sort, purpose_key), NULL);
}

/* ---- The purpose columns, made from the ledger's purposes. ---- */

static void
setup_decision_cell (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *image = gtk_image_new ();

  gtk_widget_set_halign (image, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_list_item_set_child (item, image);
}

static void
bind_decision_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    ClPurpose                *purpose)
{
  GtkWidget *image = gtk_list_item_get_child (item);
  ClConsentEvent *event = gtk_list_item_get_item (item);
  ClDecision decision = cl_consent_event_get_decision (event, cl_purpose_get_bit (purpose));
  g_autofree char *label = NULL;

  gtk_widget_remove_css_class (image, "decision-granted");
  gtk_widget_remove_css_class (image, "decision-denied");
  gtk_widget_remove_css_class (image, "dim-label");
  switch (decision)
    {
    case CL_DECISION_GRANTED:
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "object-select-symbolic");
      gtk_widget_add_css_class (image, "decision-granted");
      break;
    case CL_DECISION_DENIED:
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "window-close-symbolic");
      gtk_widget_add_css_class (image, "decision-denied");
      break;
    case CL_DECISION_NOT_ASKED:
    default:
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "list-remove-symbolic");
      gtk_widget_add_css_class (image, "dim-label");
      break;
    }
  if (!cl_consent_event_is_present (event))
    gtk_image_clear (GTK_IMAGE (image));

  /* Translators: "Advertisement and ad measurement: Denied", for screen readers and tooltips */
  label = g_strdup_printf (_("%s: %s"), cl_purpose_get_name (purpose),
                           cl_decision_to_label (decision));
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_tooltip_text (image, label);
}

static void
unref_closure_data (gpointer  data,
                    GClosure *closure)
{
  g_object_unref (data);
}

static void
remove_purpose_columns (ClRecordsPage *self)
{
  for (guint i = 0; i < self->purpose_columns->len; i++)
    gtk_column_view_remove_column (self->column_view, self->purpose_columns->pdata[i]);
  g_ptr_array_set_size (self->purpose_columns, 0);
}

static guint
column_position (ClRecordsPage       *self,
                 GtkColumnViewColumn *column)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) candidate = g_list_model_get_item (columns, i);
      if (candidate == column)
        return i;
    }
  g_return_val_if_reached (0);
}

static void
add_purpose_columns (ClRecordsPage *self)
{
  guint position = column_position (self, self->method_column) + 1;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->purposes)); i++)
    {
      g_autoptr(ClPurpose) purpose = g_list_model_get_item (G_LIST_MODEL (self->purposes), i);
      g_autoptr(GtkListItemFactory) factory = NULL;
      g_autoptr(GtkCustomSorter) sorter = NULL;
      GtkColumnViewColumn *column;

      if (!cl_purpose_get_refusable (purpose))
        continue;

      factory = gtk_signal_list_item_factory_new ();
      g_signal_connect (factory, "setup", G_CALLBACK (setup_decision_cell), NULL);
      g_signal_connect_data (factory, "bind", G_CALLBACK (bind_decision_cell),
                             g_object_ref (purpose), unref_closure_data, 0);
      sorter = gtk_custom_sorter_new (NULL, NULL, NULL);
      set_probe (self, sorter, CL_EVENT_SORT_PURPOSE, cl_purpose_get_key (purpose));

      column = gtk_column_view_column_new (NULL, g_steal_pointer (&factory));
      {
        /* Headers cannot wrap or show a tooltip on 4.8: the name's first word fits, and the
         * cells' tooltips and accessible names carry the whole name. */
        g_auto(GStrv) words = g_strsplit (cl_purpose_get_name (purpose), " ", 2);
        gtk_column_view_column_set_title (column, words[0] != NULL ? words[0]
                                                                   : cl_purpose_get_name (purpose));
      }
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, 105);
      gtk_column_view_insert_column (self->column_view, position++, column);
      g_ptr_array_add (self->purpose_columns, column);
    }
}

/* ---- Filters: the widgets and the query, kept in step. ---- */

static void
fill_dropdowns (ClRecordsPage *self)
{
  g_autoptr(GtkStringList) purposes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) versions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->purpose_keys, 0);
  gtk_string_list_append (purposes, _("Any purpose"));
  for (guint i = 0; self->purposes != NULL
                    && i < g_list_model_get_n_items (G_LIST_MODEL (self->purposes)); i++)
    {
      g_autoptr(ClPurpose) purpose = g_list_model_get_item (G_LIST_MODEL (self->purposes), i);

      if (!cl_purpose_get_refusable (purpose))
        continue;
      gtk_string_list_append (purposes, cl_purpose_get_name (purpose));
      g_ptr_array_add (self->purpose_keys, g_strdup (cl_purpose_get_key (purpose)));
    }

  gtk_string_list_append (versions, _("Any version"));
  for (guint i = 0; self->policy_versions != NULL && self->policy_versions[i] != NULL; i++)
    gtk_string_list_append (versions, self->policy_versions[i]);

  gtk_string_list_append (methods, _("Any method"));
  for (int m = 0; m < CL_CONSENT_N_METHODS; m++)
    gtk_string_list_append (methods, cl_consent_method_to_label (m));

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->purpose_dropdown, G_LIST_MODEL (purposes));
  gtk_drop_down_set_model (self->policy_dropdown, G_LIST_MODEL (versions));
  gtk_drop_down_set_model (self->method_dropdown, G_LIST_MODEL (methods));
  self->syncing = FALSE;
}

static void
set_entry_text (GtkEntry   *entry,
                const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static char *
format_date (gint64 ms)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (ms / 1000);
  return time != NULL ? g_date_time_format (time, "%Y-%m-%d") : g_strdup ("");
}

/* Puts the query's state into the widgets, without the widgets acting on it again. */
static void
sync_widgets (ClRecordsPage *self)
{
  const char *purpose = cl_event_query_get_purpose (self->query);
  const char *policy = cl_event_query_get_policy (self->query);
  gint64 since = cl_event_query_get_since (self->query);
  gint64 until = cl_event_query_get_until (self->query);
  guint purpose_position = 0, policy_position = 0;

  self->syncing = TRUE;

  for (guint i = 0; purpose != NULL && i < self->purpose_keys->len; i++)
    if (g_strcmp0 (self->purpose_keys->pdata[i], purpose) == 0)
      purpose_position = i + 1;
  gtk_drop_down_set_selected (self->purpose_dropdown, purpose_position);
  for (guint i = 0; i < G_N_ELEMENTS (decision_values); i++)
    if (decision_values[i] == cl_event_query_get_decision (self->query))
      gtk_drop_down_set_selected (self->decision_dropdown, i);
  gtk_widget_set_sensitive (GTK_WIDGET (self->decision_dropdown), purpose_position > 0);

  for (guint i = 0; policy != NULL && self->policy_versions != NULL
                    && self->policy_versions[i] != NULL; i++)
    if (g_strcmp0 (self->policy_versions[i], policy) == 0)
      policy_position = i + 1;
  gtk_drop_down_set_selected (self->policy_dropdown, policy_position);
  gtk_drop_down_set_selected (self->method_dropdown, cl_event_query_get_method (self->query) + 1);

  if (since == CL_EVENT_QUERY_NO_SINCE)
    set_entry_text (self->since_entry, "");
  else
    {
      g_autofree char *text = format_date (since);
      set_entry_text (self->since_entry, text);
    }
  if (until == CL_EVENT_QUERY_NO_UNTIL)
    set_entry_text (self->until_entry, "");
  else
    {
      /* until is exclusive: the day shown is the last one included. */
      g_autofree char *text = format_date (until - 1);
      set_entry_text (self->until_entry, text);
    }
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                 cl_event_query_get_subject (self->query) ?: "") != 0
      && !gtk_widget_has_focus (GTK_WIDGET (self->search_entry)))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry),
                           cl_event_query_get_subject (self->query) ?: "");

  self->syncing = FALSE;
}

static void
update_filter_summary (ClRecordsPage *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *purpose = cl_event_query_get_purpose (self->query);
  int method = cl_event_query_get_method (self->query);
  g_autofree char *text = NULL;

  if (purpose != NULL)
    {
      guint position = gtk_drop_down_get_selected (self->purpose_dropdown);
      GListModel *names = gtk_drop_down_get_model (self->purpose_dropdown);
      const char *name = position > 0 && names != NULL
                         ? gtk_string_list_get_string (GTK_STRING_LIST (names), position)
                         : purpose;
      const char *decision = cl_decision_to_label (cl_event_query_get_decision (self->query));

      /* Translators: "Advertisement and ad measurement: Denied" */
      g_ptr_array_add (parts, g_strdup_printf (_("%s: %s"), name, decision));
    }
  if (cl_event_query_get_policy (self->query) != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("policy %s"),
                                             cl_event_query_get_policy (self->query)));
  if (method >= 0)
    g_ptr_array_add (parts, g_strdup (cl_consent_method_to_label (method)));
  if (cl_event_query_get_since (self->query) != CL_EVENT_QUERY_NO_SINCE)
    {
      g_autofree char *date = format_date (cl_event_query_get_since (self->query));
      g_ptr_array_add (parts, g_strdup_printf (_("from %s"), date));
    }
  if (cl_event_query_get_until (self->query) != CL_EVENT_QUERY_NO_UNTIL)
    {
      g_autofree char *date = format_date (cl_event_query_get_until (self->query) - 1);
      g_ptr_array_add (parts, g_strdup_printf (_("to %s"), date));
    }
  if (cl_event_query_get_current_only (self->query))
    g_ptr_array_add (parts, g_strdup (_("current state only")));

  g_ptr_array_add (parts, NULL);
  text = g_strjoinv (" · ", (char **) parts->pdata);
  if (*text != '\0')
    {
      g_autofree char *shown = g_strdup_printf (_("Filters: %s"), text);
      gtk_label_set_label (self->filter_summary, shown);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->filter_summary), *text != '\0');
}

static void
on_query_changed (ClRecordsPage *self)
{
  sync_widgets (self);
  update_filter_summary (self);
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
on_purpose_filter_changed (ClRecordsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->purpose_dropdown);
  guint decision = gtk_drop_down_get_selected (self->decision_dropdown);
  const char *key = "";

  if (self->syncing)
    return;
  if (position > 0 && position <= self->purpose_keys->len)
    key = self->purpose_keys->pdata[position - 1];
  gtk_widget_activate_action (GTK_WIDGET (self), "records.filter-purpose", "(ss)", key,
                              decision_words[MIN (decision, G_N_ELEMENTS (decision_words) - 1)]);
}

static void
on_policy_filter_changed (ClRecordsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->policy_dropdown);
  const char *version = "";

  if (self->syncing)
    return;
  if (position > 0 && self->policy_versions != NULL
      && position <= g_strv_length (self->policy_versions))
    version = self->policy_versions[position - 1];
  gtk_widget_activate_action (GTK_WIDGET (self), "records.filter-policy", "s", version);
}

static void
on_method_filter_changed (ClRecordsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->method_dropdown);
  const char *method = "";

  if (self->syncing)
    return;
  if (position > 0 && position <= CL_CONSENT_N_METHODS)
    method = cl_consent_method_to_string (position - 1);
  gtk_widget_activate_action (GTK_WIDGET (self), "records.filter-method", "s", method);
}

static gboolean
entry_date_ok (GtkEntry *entry,
               gboolean  until)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;
  gint64 ms;
  gboolean ok;

  ok = *text == '\0'
       || (until ? cl_event_query_parse_until (text, &ms, &error)
                 : cl_event_query_parse_since (text, &ms, &error));
  if (ok)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
    }
  return ok;
}

static void
on_dates_changed (ClRecordsPage *self)
{
  GtkEntry *entries[] = { self->since_entry, self->until_entry };

  if (self->syncing)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (!entry_date_ok (entries[i], i == 1))
      {
        gtk_widget_add_css_class (GTK_WIDGET (entries[i]), "error");
        gtk_widget_set_tooltip_text (GTK_WIDGET (entries[i]),
                                     _("Write the date as YYYY-MM-DD, for example 2026-03-01"));
        return;
      }
  gtk_widget_activate_action (GTK_WIDGET (self), "records.filter-dates", "(ss)",
                              gtk_editable_get_text (GTK_EDITABLE (self->since_entry)),
                              gtk_editable_get_text (GTK_EDITABLE (self->until_entry)));
}

/* Applies a date as soon as it is complete; a half-typed one waits for Enter. */
static void
on_date_text_changed (ClRecordsPage *self)
{
  if (self->syncing)
    return;
  if (entry_date_ok (self->since_entry, FALSE) && entry_date_ok (self->until_entry, TRUE))
    on_dates_changed (self);
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
  for (guint i = 0; i < G_N_ELEMENTS (decision_words); i++)
    if (g_strcmp0 (word, decision_words[i]) == 0)
      decision = decision_values[i];
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

/* 1,000,000 in the user's locale; the C locale groups nothing, so group with commas there. */
static char *
format_count (guint64 n)
{
  const struct lconv *conventions = localeconv ();
  g_autofree char *digits = NULL;
  GString *text;
  gsize len;

  if (conventions->thousands_sep != NULL && *conventions->thousands_sep != '\0')
    return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);

  digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  len = strlen (digits);
  text = g_string_new (NULL);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

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
      g_autofree char *shown = format_count (n);
      g_autofree char *all = format_count (total);
      /* Translators: "12 of 1,000,000 events" */
      self->count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s event",
                                                       "%s of %s events", total),
                                          shown, all);
    }
  else
    {
      g_autofree char *shown = format_count (n);
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

static void
load_ledger_lists (ClRecordsPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->purposes);
  g_clear_pointer (&self->policy_versions, g_strfreev);
  remove_purpose_columns (self);

  if (self->ledger != NULL)
    {
      self->purposes = cl_purpose_list (self->ledger, &error);
      if (self->purposes == NULL)
        show_error (self, error->message);
      g_clear_error (&error);
      self->policy_versions = cl_event_query_list_policy_versions (self->ledger, &error);
      if (error != NULL)
        show_error (self, error->message);
    }
  if (self->purposes != NULL)
    add_purpose_columns (self);
  fill_dropdowns (self);

  /* A sort by a purpose column that is gone, or a filter on it: back to the defaults. */
  if (cl_event_query_get_sort (self->query) == CL_EVENT_SORT_PURPOSE)
    gtk_column_view_sort_by_column (self->column_view, self->time_column, GTK_SORT_DESCENDING);
  sync_widgets (self);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The cell templates look ClConsentEvent up by name. */
  g_type_ensure (CL_TYPE_CONSENT_EVENT);
  g_type_ensure (CL_TYPE_SUBJECT_PANE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-records-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, flap);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, purpose_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, decision_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, policy_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, method_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, since_entry);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, until_entry);
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
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, method_column);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, time_sorter);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, subject_sorter);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, policy_sorter);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, method_sorter);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, country_sorter);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, url_sorter);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsPage, subject_pane);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_purpose_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_policy_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_method_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_dates_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_text_changed);

  gtk_widget_class_install_action (widget_class, "records.search", "s", search_action);
  gtk_widget_class_install_action (widget_class, "records.filter-purpose", "(ss)",
                                   filter_purpose_action);
  gtk_widget_class_install_action (widget_class, "records.filter-policy", "s",
                                   filter_policy_action);
  gtk_widget_class_install_action (widget_class, "records.filter-method", "s",
                                   filter_method_action);
  gtk_widget_class_install_action (widget_class, "records.filter-dates", "(ss)",
                                   filter_dates_action);
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
cl_records_page_init (ClRecordsPage *self)
{
  self->purpose_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->purpose_keys = g_ptr_array_new_with_free_func (g_free);
  self->sort_columns = g_ptr_array_new_with_free_func ((GDestroyNotify) sort_column_free);
  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);
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

  set_probe (self, self->time_sorter, CL_EVENT_SORT_TIME, NULL);
  set_probe (self, self->subject_sorter, CL_EVENT_SORT_SUBJECT, NULL);
  set_probe (self, self->policy_sorter, CL_EVENT_SORT_POLICY, NULL);
  set_probe (self, self->method_sorter, CL_EVENT_SORT_METHOD, NULL);
  set_probe (self, self->country_sorter, CL_EVENT_SORT_COUNTRY, NULL);
  set_probe (self, self->url_sorter, CL_EVENT_SORT_URL, NULL);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (on_sort_changed), self);
  /* Show the order the query starts with: newest first. */
  gtk_column_view_sort_by_column (self->column_view, self->time_column, GTK_SORT_DESCENDING);

  fill_dropdowns (self);
  sync_widgets (self);
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
