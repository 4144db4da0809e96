/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-records-filters.c: the Filters popover of the Consent Records page. Its widgets show the
 * page's ClEventQuery; what the officer changes goes to the page's records.filter-* actions. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-consent-record.h"
#include "cl-purpose.h"
#include "cl-records-filters.h"

struct _ClRecordsFilters
{
  GtkPopover    parent_instance;

  ClEventQuery *query;
  GPtrArray    *purpose_keys;     /* char *, purpose_dropdown position - 1 → key */
  GStrv         policy_versions;  /* policy_dropdown position - 1 → version */
  char         *summary;
  gboolean      syncing;

  /* template widgets */
  GtkDropDown  *purpose_dropdown;
  GtkDropDown  *decision_dropdown;
  GtkDropDown  *policy_dropdown;
  GtkDropDown  *method_dropdown;
  GtkEntry     *since_entry;
  GtkEntry     *until_entry;
};

G_DEFINE_FINAL_TYPE (ClRecordsFilters, cl_records_filters, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_QUERY,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of decision_dropdown's items. */
static const char * const decision_words[] = { "granted", "denied", "not-asked" };
static const ClDecision decision_values[] = {
  CL_DECISION_GRANTED, CL_DECISION_DENIED, CL_DECISION_NOT_ASKED,
};

const char *
cl_records_filters_decision_to_word (ClDecision decision)
{
  for (guint i = 0; i < G_N_ELEMENTS (decision_values); i++)
    if (decision_values[i] == decision)
      return decision_words[i];
  g_return_val_if_reached (decision_words[0]);
}

gboolean
cl_records_filters_decision_from_word (const char *word,
                                       ClDecision *decision)
{
  g_return_val_if_fail (decision != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (decision_words); i++)
    if (g_strcmp0 (word, decision_words[i]) == 0)
      {
        *decision = decision_values[i];
        return TRUE;
      }
  return FALSE;
}

static void
cl_records_filters_dispose (GObject *object)
{
  ClRecordsFilters *self = CL_RECORDS_FILTERS (object);

  if (self->query != NULL)
    g_signal_handlers_disconnect_by_data (self->query, self);
  g_clear_object (&self->query);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_RECORDS_FILTERS);

  G_OBJECT_CLASS (cl_records_filters_parent_class)->dispose (object);
}

static void
cl_records_filters_finalize (GObject *object)
{
  ClRecordsFilters *self = CL_RECORDS_FILTERS (object);

  g_ptr_array_unref (self->purpose_keys);
  g_strfreev (self->policy_versions);
  g_free (self->summary);

  G_OBJECT_CLASS (cl_records_filters_parent_class)->finalize (object);
}

static void
cl_records_filters_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ClRecordsFilters *self = CL_RECORDS_FILTERS (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_object (value, self->query);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_records_filters_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ClRecordsFilters *self = CL_RECORDS_FILTERS (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      cl_records_filters_set_query (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* ---- The query into the widgets. ---- */

static void
fill_dropdowns (ClRecordsFilters *self,
                GListModel       *purposes)
{
  g_autoptr(GtkStringList) purpose_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) versions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->purpose_keys, 0);
  gtk_string_list_append (purpose_names, _("Any purpose"));
  for (guint i = 0; purposes != NULL && i < g_list_model_get_n_items (purposes); i++)
    {
      g_autoptr(ClPurpose) purpose = g_list_model_get_item (purposes, i);

      if (!cl_purpose_get_refusable (purpose))
        continue;
      gtk_string_list_append (purpose_names, cl_purpose_get_name (purpose));
      g_ptr_array_add (self->purpose_keys, g_strdup (cl_purpose_get_key (purpose)));
    }

  gtk_string_list_append (versions, _("Any version"));
  for (guint i = 0; self->policy_versions != NULL && self->policy_versions[i] != NULL; i++)
    gtk_string_list_append (versions, self->policy_versions[i]);

  gtk_string_list_append (methods, _("Any method"));
  for (int m = 0; m < CL_CONSENT_N_METHODS; m++)
    gtk_string_list_append (methods, cl_consent_method_to_label (m));

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->purpose_dropdown, G_LIST_MODEL (purpose_names));
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
sync_widgets (ClRecordsFilters *self)
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

  self->syncing = FALSE;
}

static char *
describe_query (ClRecordsFilters *self)
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
  if (*text == '\0')
    return g_strdup ("");
  return g_strdup_printf (_("Filters: %s"), text);
}

static void
update_summary (ClRecordsFilters *self)
{
  g_autofree char *summary = self->query != NULL ? describe_query (self) : g_strdup ("");

  if (g_strcmp0 (summary, self->summary) == 0)
    return;
  g_free (self->summary);
  self->summary = g_steal_pointer (&summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
on_query_changed (ClRecordsFilters *self)
{
  sync_widgets (self);
  update_summary (self);
}

/* ---- The widgets into the page's actions. ---- */

static void
on_purpose_filter_changed (ClRecordsFilters *self)
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
on_policy_filter_changed (ClRecordsFilters *self)
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
on_method_filter_changed (ClRecordsFilters *self)
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
on_dates_changed (ClRecordsFilters *self)
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
on_date_text_changed (ClRecordsFilters *self)
{
  if (self->syncing)
    return;
  if (entry_date_ok (self->since_entry, FALSE) && entry_date_ok (self->until_entry, TRUE))
    on_dates_changed (self);
}

static void
cl_records_filters_class_init (ClRecordsFiltersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_records_filters_dispose;
  object_class->finalize = cl_records_filters_finalize;
  object_class->get_property = cl_records_filters_get_property;
  object_class->set_property = cl_records_filters_set_property;

  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL, CL_TYPE_EVENT_QUERY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-records-filters.ui");
  gtk_widget_class_bind_template_child (widget_class, ClRecordsFilters, purpose_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsFilters, decision_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsFilters, policy_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsFilters, method_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsFilters, since_entry);
  gtk_widget_class_bind_template_child (widget_class, ClRecordsFilters, until_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_purpose_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_policy_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_method_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_dates_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_text_changed);
}

static void
cl_records_filters_init (ClRecordsFilters *self)
{
  self->purpose_keys = g_ptr_array_new_with_free_func (g_free);
  self->summary = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));

  fill_dropdowns (self, NULL);
}

void
cl_records_filters_set_query (ClRecordsFilters *self,
                              ClEventQuery     *query)
{
  g_return_if_fail (CL_IS_RECORDS_FILTERS (self));
  g_return_if_fail (query == NULL || CL_IS_EVENT_QUERY (query));

  if (self->query == query)
    return;
  if (self->query != NULL)
    g_signal_handlers_disconnect_by_data (self->query, self);
  g_set_object (&self->query, query);
  if (query != NULL)
    {
      g_signal_connect_object (query, "changed", G_CALLBACK (on_query_changed), self,
                               G_CONNECT_SWAPPED);
      sync_widgets (self);
    }
  update_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

ClEventQuery *
cl_records_filters_get_query (ClRecordsFilters *self)
{
  g_return_val_if_fail (CL_IS_RECORDS_FILTERS (self), NULL);
  return self->query;
}

void
cl_records_filters_set_choices (ClRecordsFilters   *self,
                                GListModel         *purposes,
                                const char * const *policy_versions)
{
  g_return_if_fail (CL_IS_RECORDS_FILTERS (self));
  g_return_if_fail (purposes == NULL || G_IS_LIST_MODEL (purposes));

  g_strfreev (self->policy_versions);
  self->policy_versions = g_strdupv ((char **) policy_versions);
  fill_dropdowns (self, purposes);
  if (self->query != NULL)
    sync_widgets (self);
  update_summary (self);
}

const char *
cl_records_filters_get_summary (ClRecordsFilters *self)
{
  g_return_val_if_fail (CL_IS_RECORDS_FILTERS (self), NULL);
  return self->summary;
}
