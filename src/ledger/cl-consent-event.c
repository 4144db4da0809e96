/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-consent-event.c: a consent event read from the ledger; immutable once built. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-consent-event-private.h"
#include "cl-consent-record.h"
#include "cl-ledger-private.h"
#include "cl-time.h"

struct _ClConsentEvent
{
  GObject  parent_instance;

  gint64   id;
  gint64   subject_id;
  gint64   recorded_at;
  guint64  granted;
  guint64  denied;
  char    *event_id;
  char    *subject;
  char    *time_label;
  char    *policy_version;
  char    *tc_string;
  char    *url;
  char    *country;
  char    *ip;
  char    *user_agent;
  int      method;
  guint    gpc : 1;
  guint    present : 1;
};

G_DEFINE_FINAL_TYPE (ClConsentEvent, cl_consent_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_EVENT_ID,
  PROP_SUBJECT,
  PROP_RECORDED_AT,
  PROP_TIME_LABEL,
  PROP_POLICY_VERSION,
  PROP_METHOD,
  PROP_METHOD_LABEL,
  PROP_COUNTRY,
  PROP_URL,
  PROP_TC_STRING,
  PROP_GPC,
  PROP_IP,
  PROP_USER_AGENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_consent_event_finalize (GObject *object)
{
  ClConsentEvent *self = CL_CONSENT_EVENT (object);

  g_free (self->event_id);
  g_free (self->subject);
  g_free (self->time_label);
  g_free (self->policy_version);
  g_free (self->tc_string);
  g_free (self->url);
  g_free (self->country);
  g_free (self->ip);
  g_free (self->user_agent);

  G_OBJECT_CLASS (cl_consent_event_parent_class)->finalize (object);
}

static void
cl_consent_event_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ClConsentEvent *self = CL_CONSENT_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_EVENT_ID:
      g_value_set_string (value, self->event_id);
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_RECORDED_AT:
      g_value_set_int64 (value, self->recorded_at);
      break;
    case PROP_TIME_LABEL:
      g_value_set_string (value, self->time_label);
      break;
    case PROP_POLICY_VERSION:
      g_value_set_string (value, self->policy_version);
      break;
    case PROP_METHOD:
      g_value_set_int (value, self->method);
      break;
    case PROP_METHOD_LABEL:
      g_value_set_string (value, cl_consent_event_get_method_label (self));
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_TC_STRING:
      g_value_set_string (value, self->tc_string);
      break;
    case PROP_GPC:
      g_value_set_boolean (value, self->gpc);
      break;
    case PROP_IP:
      g_value_set_string (value, self->ip);
      break;
    case PROP_USER_AGENT:
      g_value_set_string (value, self->user_agent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_consent_event_class_init (ClConsentEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cl_consent_event_finalize;
  object_class->get_property = cl_consent_event_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_EVENT_ID] = g_param_spec_string ("event-id", NULL, NULL, NULL, flags);
  properties[PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, NULL, flags);
  properties[PROP_RECORDED_AT] =
    g_param_spec_int64 ("recorded-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_TIME_LABEL] = g_param_spec_string ("time-label", NULL, NULL, NULL, flags);
  properties[PROP_POLICY_VERSION] =
    g_param_spec_string ("policy-version", NULL, NULL, NULL, flags);
  properties[PROP_METHOD] = g_param_spec_int ("method", NULL, NULL, 0, 4, 0, flags);
  properties[PROP_METHOD_LABEL] = g_param_spec_string ("method-label", NULL, NULL, NULL, flags);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, NULL, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_TC_STRING] = g_param_spec_string ("tc-string", NULL, NULL, NULL, flags);
  properties[PROP_GPC] = g_param_spec_boolean ("gpc", NULL, NULL, FALSE, flags);
  properties[PROP_IP] = g_param_spec_string ("ip", NULL, NULL, NULL, flags);
  properties[PROP_USER_AGENT] = g_param_spec_string ("user-agent", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_consent_event_init (ClConsentEvent *self)
{
}

const char *
cl_consent_method_to_label (int method)
{
  switch (method)
    {
    case CL_CONSENT_METHOD_ACCEPT_ALL: return _("Accept all");
    case CL_CONSENT_METHOD_REJECT_ALL: return _("Reject all");
    case CL_CONSENT_METHOD_CUSTOM: return _("Custom choice");
    case CL_CONSENT_METHOD_WITHDRAW: return _("Withdrawal");
    case CL_CONSENT_METHOD_GPC: return _("GPC signal");
    default: return _("Unknown");
    }
}

const char *
cl_decision_to_label (ClDecision decision)
{
  switch (decision)
    {
    case CL_DECISION_GRANTED: return _("Granted");
    case CL_DECISION_DENIED: return _("Denied");
    case CL_DECISION_NOT_ASKED:
    default: return _("Not asked");
    }
}

static char *
format_time_label (gint64 ms)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (ms >= 0 ? ms / 1000
                                                                      : (ms - 999) / 1000);

  if (time == NULL)
    return g_strdup ("");
  return g_date_time_format (time, "%Y-%m-%d %H:%M:%S");
}

static char *
column_strdup (sqlite3_stmt *stmt,
               int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

ClConsentEvent *
cl_consent_event_new_from_row (sqlite3_stmt *stmt,
                               int           c)
{
  ClConsentEvent *self = g_object_new (CL_TYPE_CONSENT_EVENT, NULL);

  self->id = sqlite3_column_int64 (stmt, c + 0);
  self->event_id = column_strdup (stmt, c + 1);
  self->subject_id = sqlite3_column_int64 (stmt, c + 2);
  self->subject = column_strdup (stmt, c + 3);
  self->recorded_at = sqlite3_column_int64 (stmt, c + 4);
  self->policy_version = column_strdup (stmt, c + 5);
  self->method = sqlite3_column_int (stmt, c + 6);
  self->granted = (guint64) sqlite3_column_int64 (stmt, c + 7);
  self->denied = (guint64) sqlite3_column_int64 (stmt, c + 8);
  self->gpc = sqlite3_column_int (stmt, c + 9) != 0;
  self->tc_string = column_strdup (stmt, c + 10);
  self->url = column_strdup (stmt, c + 11);
  self->country = column_strdup (stmt, c + 12);
  self->ip = column_strdup (stmt, c + 13);
  self->user_agent = column_strdup (stmt, c + 14);
  self->time_label = format_time_label (self->recorded_at);
  self->present = TRUE;
  return self;
}

ClConsentEvent *
cl_consent_event_new_absent (gint64 id)
{
  ClConsentEvent *self = g_object_new (CL_TYPE_CONSENT_EVENT, NULL);

  self->id = id;
  self->subject = g_strdup (_("(erased)"));
  self->time_label = g_strdup ("");
  return self;
}

/* One statement per page: the ids travel as one JSON array, and json_each keeps their order.
 * CROSS JOIN makes SQLite walk the ids and look each event up by its primary key. */
GPtrArray *
cl_consent_event_load (ClLedger      *ledger,
                       const gint64  *ids,
                       guint          n_ids,
                       GError       **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_full (n_ids, g_object_unref);
  g_autoptr(GString) json = g_string_sized_new (n_ids * 9 + 2);
  sqlite3_stmt *stmt;
  guint next = 0;
  int rc;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  if (n_ids == 0)
    return g_steal_pointer (&events);

  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, i == 0 ? "%" G_GINT64_FORMAT : ",%" G_GINT64_FORMAT, ids[i]);
  g_string_append_c (json, ']');

  stmt = cl_ledger_statement (ledger,
                              "SELECT j.key, " CL_CONSENT_EVENT_COLUMNS
                              " FROM json_each (?) AS j CROSS JOIN events e ON e.id = j.value"
                              CL_CONSENT_EVENT_JOINS
                              " ORDER BY j.key", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, json->str, json->len, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint position = sqlite3_column_int (stmt, 0);

      /* Ids erased since the snapshot leave a gap: keep the positions stable. */
      for (; next < position && next < n_ids; next++)
        g_ptr_array_add (events, cl_consent_event_new_absent (ids[next]));
      g_ptr_array_add (events, cl_consent_event_new_from_row (stmt, 1));
      next = position + 1;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not read the consent events"));
      return NULL;
    }
  for (; next < n_ids; next++)
    g_ptr_array_add (events, cl_consent_event_new_absent (ids[next]));
  return g_steal_pointer (&events);
}

gint64
cl_consent_event_get_id (ClConsentEvent *self)
{
  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), 0);
  return self->id;
}

const char *
cl_consent_event_get_event_id (ClConsentEvent *self)
{
  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), NULL);
  return self->event_id;
}

gint64
cl_consent_event_get_subject_id (ClConsentEvent *self)
{
  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), 0);
  return self->subject_id;
}

const char *
cl_consent_event_get_subject (ClConsentEvent *self)
{
  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), NULL);
  return self->subject;
}

gint64
cl_consent_event_get_recorded_at (ClConsentEvent *self)
{
  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), 0);
  return self->recorded_at;
}

const char *
cl_consent_event_get_time_label (ClConsentEvent *self)
{
  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), NULL);
  return self->time_label;
}

const char *
cl_consent_event_get_policy_version (ClConsentEvent *self)
{
  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), NULL);
  return self->policy_version;
}

int
cl_consent_event_get_method (ClConsentEvent *self)
{
  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), 0);
  return self->method;
}

const char *
cl_consent_event_get_method_label (ClConsentEvent *self)
{
  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), NULL);
  return self->present ? cl_consent_method_to_label (self->method) : "";
}

guint64
cl_consent_event_get_granted_mask (ClConsentEvent *self)
{
  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), 0);
  return self->granted;
}

guint64
cl_consent_event_get_denied_mask (ClConsentEvent *self)
{
  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), 0);
  return self->denied;
}

ClDecision
cl_consent_event_get_decision (ClConsentEvent *self,
                               guint           purpose_bit)
{
  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), CL_DECISION_NOT_ASKED);
  g_return_val_if_fail (purpose_bit < 63, CL_DECISION_NOT_ASKED);

  if (self->granted & (G_GUINT64_CONSTANT (1) << purpose_bit))
    return CL_DECISION_GRANTED;
  if (self->denied & (G_GUINT64_CONSTANT (1) << purpose_bit))
    return CL_DECISION_DENIED;
  return CL_DECISION_NOT_ASKED;
}

gboolean
cl_consent_event_get_gpc (ClConsentEvent *self)
{
  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), FALSE);
  return self->gpc;
}

const char *
cl_consent_event_get_tc_string (ClConsentEvent *self)
{
  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), NULL);
  return self->tc_string;
}

const char *
cl_consent_event_get_url (ClConsentEvent *self)
{
  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), NULL);
  return self->url;
}

const char *
cl_consent_event_get_country (ClConsentEvent *self)
{
  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), NULL);
  return self->country;
}

const char *
cl_consent_event_get_ip (ClConsentEvent *self)
{
  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), NULL);
  return self->ip;
}

const char *
cl_consent_event_get_user_agent (ClConsentEvent *self)
{
  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), NULL);
  return self->user_agent;
}

gboolean
cl_consent_event_is_present (ClConsentEvent *self)
{
  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), FALSE);
  return self->present;
}

GArray *
cl_consent_event_load_vendors (ClConsentEvent  *self,
                               ClLedger        *ledger,
                               GError         **error)
{
  g_autoptr(GArray) vendors = g_array_new (FALSE, FALSE, sizeof (ClEventVendor));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), NULL);
  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);

  stmt = cl_ledger_statement (ledger,
                              "SELECT gvl_id, granted FROM event_vendors WHERE event_id = ?"
                              " ORDER BY gvl_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, self->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClEventVendor vendor = {
        .gvl_id = sqlite3_column_int (stmt, 0),
        .granted = sqlite3_column_int (stmt, 1) != 0,
      };
      g_array_append_val (vendors, vendor);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not read the vendor decisions"));
      return NULL;
    }
  return g_steal_pointer (&vendors);
}

/* "A", "A and B", "A, B and C", with the purposes in policy order. */
static char *
join_purposes (GListModel *purposes,
               guint64     mask)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GString *text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (purposes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClPurpose) purpose = g_list_model_get_item (purposes, i);

      if (mask & (G_GUINT64_CONSTANT (1) << cl_purpose_get_bit (purpose)))
        g_ptr_array_add (names, (gpointer) cl_purpose_get_name (purpose));
    }
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0 && i == names->len - 1)
        /* Translators: between the last two purposes of a list */
        g_string_append (text, _(" and "));
      else if (i > 0)
        /* Translators: between purposes of a list */
        g_string_append (text, _(", "));
      g_string_append (text, names->pdata[i]);
    }
  return g_string_free (text, FALSE);
}

static char *
describe_action (ClConsentEvent *self,
                 ClConsentEvent *previous,
                 GListModel     *purposes)
{
  g_autofree char *granted = join_purposes (purposes, self->granted);
  g_autofree char *denied = join_purposes (purposes, self->denied);
  guint64 refusable = 0;

  for (guint i = 0; i < g_list_model_get_n_items (purposes); i++)
    {
      g_autoptr(ClPurpose) purpose = g_list_model_get_item (purposes, i);

      if (cl_purpose_get_refusable (purpose))
        refusable |= G_GUINT64_CONSTANT (1) << cl_purpose_get_bit (purpose);
    }

  switch (self->method)
    {
    case CL_CONSENT_METHOD_ACCEPT_ALL:
      /* The usual case says it shortly; a partial "accept all" names what it covered. */
      if (*granted == '\0' || (refusable != 0 && (self->granted & refusable) == refusable))
        return g_strdup (_("Accepted all purposes"));
      /* Translators: %s is a list of purposes */
      return g_strdup_printf (_("Gave consent to %s"), granted);

    case CL_CONSENT_METHOD_REJECT_ALL:
      if (*denied == '\0' || (refusable != 0 && (self->denied & refusable) == refusable))
        return g_strdup (_("Rejected all optional purposes"));
      /* Translators: %s is a list of purposes */
      return g_strdup_printf (_("Refused consent to %s"), denied);

    case CL_CONSENT_METHOD_WITHDRAW:
      {
        guint64 withdrawn = self->denied;
        g_autofree char *names = NULL;

        /* Name what was actually taken back, when the event before says so. */
        if (previous != NULL && (previous->granted & self->denied) != 0)
          withdrawn = previous->granted & self->denied;
        names = join_purposes (purposes, withdrawn);
        if (*names == '\0')
          return g_strdup (_("Withdrew consent"));
        /* Translators: %s is a list of purposes */
        return g_strdup_printf (_("Withdrew consent to %s"), names);
      }

    case CL_CONSENT_METHOD_GPC:
      if (*denied == '\0')
        return g_strdup (_("Sent a Global Privacy Control signal"));
      /* Translators: %s is a list of purposes */
      return g_strdup_printf (_("Opted out of %s"), denied);

    case CL_CONSENT_METHOD_CUSTOM:
    default:
      if (*granted != '\0' && *denied != '\0')
        /* Translators: both %s are lists of purposes */
        return g_strdup_printf (_("Gave consent to %s; refused %s"), granted, denied);
      if (*granted != '\0')
        return g_strdup_printf (_("Gave consent to %s"), granted);
      if (*denied != '\0')
        return g_strdup_printf (_("Refused consent to %s"), denied);
      return g_strdup (_("Made a choice that names no purpose"));
    }
}

static const char *
method_channel (int method)
{
  switch (method)
    {
    case CL_CONSENT_METHOD_ACCEPT_ALL:
    case CL_CONSENT_METHOD_REJECT_ALL:
      return _("the cookie banner");
    case CL_CONSENT_METHOD_WITHDRAW:
      return _("the settings page");
    case CL_CONSENT_METHOD_GPC:
      return _("the browser’s Global Privacy Control signal");
    case CL_CONSENT_METHOD_CUSTOM:
    default:
      return _("the cookie settings");
    }
}

char *
cl_consent_event_describe (ClConsentEvent *self,
                           ClConsentEvent *previous,
                           GListModel     *purposes)
{
  g_autofree char *action = NULL;
  g_autofree char *with_policy = NULL;
  g_autofree char *with_channel = NULL;

  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), NULL);
  g_return_val_if_fail (previous == NULL || CL_IS_CONSENT_EVENT (previous), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (purposes), NULL);

  if (!self->present)
    return g_strdup (_("This event has been erased"));

  action = describe_action (self, previous, purposes);
  if (self->policy_version != NULL)
    /* Translators: "<what was done> under policy 3.1" */
    with_policy = g_strdup_printf (_("%s under policy %s"), action, self->policy_version);
  else
    /* Translators: the event names no policy version */
    with_policy = g_strdup_printf (_("%s under no recorded policy version"), action);

  /* Translators: "<what was done under which policy>, via the settings page" */
  with_channel = g_strdup_printf (_("%s, via %s"), with_policy, method_channel (self->method));
  if (self->country != NULL)
    /* Translators: "<…>, from SE": a country code */
    return g_strdup_printf (_("%s, from %s"), with_channel, self->country);
  return g_steal_pointer (&with_channel);
}

static void
add_optional_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

JsonNode *
cl_consent_event_to_json (ClConsentEvent  *self,
                          ClLedger        *ledger,
                          GListModel      *purposes,
                          GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GArray) vendors = NULL;
  g_autofree char *recorded_at = NULL;
  sqlite3_stmt *stmt;
  guint n_purposes;
  int rc;

  g_return_val_if_fail (CL_IS_CONSENT_EVENT (self), NULL);
  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (purposes), NULL);

  vendors = cl_consent_event_load_vendors (self, ledger, error);
  if (vendors == NULL)
    return NULL;

  json_builder_begin_object (builder);
  add_optional_string (builder, "event_id", self->event_id);
  add_optional_string (builder, "subject", self->subject);
  recorded_at = cl_time_format_rfc3339 (self->recorded_at);
  add_optional_string (builder, "recorded_at", recorded_at);
  add_optional_string (builder, "policy_version", self->policy_version);
  add_optional_string (builder, "method", self->method >= 0 && self->method < CL_CONSENT_N_METHODS
                                          ? cl_consent_method_to_string (self->method) : NULL);

  json_builder_set_member_name (builder, "decisions");
  json_builder_begin_object (builder);
  n_purposes = g_list_model_get_n_items (purposes);
  for (guint i = 0; i < n_purposes; i++)
    {
      g_autoptr(ClPurpose) purpose = g_list_model_get_item (purposes, i);
      ClDecision decision = cl_consent_event_get_decision (self, cl_purpose_get_bit (purpose));

      if (decision == CL_DECISION_NOT_ASKED)
        continue;
      json_builder_set_member_name (builder, cl_purpose_get_key (purpose));
      json_builder_add_boolean_value (builder, decision == CL_DECISION_GRANTED);
    }
  json_builder_end_object (builder);

  if (vendors->len > 0)
    {
      json_builder_set_member_name (builder, "vendors");
      json_builder_begin_object (builder);
      for (guint i = 0; i < vendors->len; i++)
        {
          const ClEventVendor *vendor = &g_array_index (vendors, ClEventVendor, i);
          char key[16];

          g_snprintf (key, sizeof key, "%u", vendor->gvl_id);
          json_builder_set_member_name (builder, key);
          json_builder_add_boolean_value (builder, vendor->granted);
        }
      json_builder_end_object (builder);
    }

  add_optional_string (builder, "tc_string", self->tc_string);
  json_builder_set_member_name (builder, "gpc");
  json_builder_add_boolean_value (builder, self->gpc);

  /* The subject's e-mail and account, as the log line that linked them carried them. */
  json_builder_set_member_name (builder, "identifiers");
  json_builder_begin_object (builder);
  stmt = cl_ledger_statement (ledger,
                              "SELECT kind, value FROM identifiers"
                              " WHERE subject_id = ? AND kind != 'consent_id'"
                              " ORDER BY kind, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, self->subject_id);
  {
    g_autofree char *last_kind = NULL;

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        const char *kind = (const char *) sqlite3_column_text (stmt, 0);

        /* One value per kind in this shape: the first one the ledger learnt. */
        if (g_strcmp0 (kind, last_kind) == 0)
          continue;
        g_free (last_kind);
        last_kind = g_strdup (kind);
        json_builder_set_member_name (builder, kind);
        json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 1));
      }
  }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not read the subject’s identifiers"));
      return NULL;
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "context");
  json_builder_begin_object (builder);
  add_optional_string (builder, "url", self->url);
  add_optional_string (builder, "country", self->country);
  add_optional_string (builder, "ip", self->ip);
  add_optional_string (builder, "user_agent", self->user_agent);
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
