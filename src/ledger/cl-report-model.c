/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-report-model.c: reads the request, its subject, the subject's consent events, the purposes
 * and their recipients, and the company's details into one JSON object. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-error.h"
#include "cl-ledger-private.h"
#include "cl-purpose.h"
#include "cl-report-model.h"
#include "cl-request-subject.h"
#include "cl-request.h"
#include "cl-subject.h"
#include "cl-tc-names.h"
#include "cl-tc-string.h"
#include "cl-time.h"

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL ? text : "";
}

/* Unknown is null, not "": the subject should see that we do not know, not an empty answer. */
static void
set_optional_member (JsonObject   *object,
                     const char   *name,
                     sqlite3_stmt *stmt,
                     int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text != NULL && *text != '\0')
    json_object_set_string_member (object, name, text);
  else
    json_object_set_null_member (object, name);
}

static void
set_date_member (JsonObject  *object,
                 const char  *name,
                 const GDate *date)
{
  g_autofree char *text = date != NULL && g_date_valid (date) ? cl_request_format_date (date) : NULL;

  if (text != NULL)
    json_object_set_string_member (object, name, text);
  else
    json_object_set_null_member (object, name);
}

static JsonObject *
request_to_model (ClRequest *request)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "reference", cl_request_get_reference (request));
  json_object_set_string_member (object, "type",
                                 cl_request_type_to_string (cl_request_get_request_type (request)));
  json_object_set_string_member (object, "subject", cl_request_get_subject_label (request));
  json_object_set_string_member (object, "jurisdiction",
                                 cl_jurisdiction_to_string (cl_request_get_jurisdiction (request)));
  set_date_member (object, "received", cl_request_get_received (request));
  set_date_member (object, "due", cl_request_get_due (request));
  json_object_set_string_member (object, "status",
                                 cl_request_status_to_string (cl_request_get_status (request)));
  return object;
}

static JsonObject *
read_controller (ClLedger *ledger)
{
  static const char * const keys[][2] = {
    { "name", "company.name" },
    { "address", "company.address" },
    { "dpo_contact", "company.dpo_contact" },
    { "supervisory_authority", "company.supervisory_authority" },
  };
  JsonObject *controller = json_object_new ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *value = cl_ledger_get_setting (ledger, keys[i][1]);
      json_object_set_string_member (controller, keys[i][0], value != NULL ? value : "");
    }
  return controller;
}

static JsonObject *
subject_to_model (ClSubject *subject)
{
  JsonObject *object = json_object_new ();
  JsonArray *identifiers = json_array_new ();
  static const ClIdentifierKind kinds[] = {
    CL_IDENTIFIER_CONSENT_ID, CL_IDENTIFIER_EMAIL, CL_IDENTIFIER_ACCOUNT,
  };

  for (guint k = 0; subject != NULL && k < G_N_ELEMENTS (kinds); k++)
    {
      const char * const *values = cl_subject_get_identifiers (subject, kinds[k]);

      for (guint i = 0; values[i] != NULL; i++)
        {
          JsonObject *identifier = json_object_new ();
          json_object_set_string_member (identifier, "kind", cl_identifier_kind_to_key (kinds[k]));
          json_object_set_string_member (identifier, "value", values[i]);
          json_array_add_object_element (identifiers, identifier);
        }
    }
  json_object_set_boolean_member (object, "found", subject != NULL);
  json_object_set_array_member (object, "identifiers", identifiers);
  return object;
}

static const char *
decision_key (ClDecision decision)
{
  switch (decision)
    {
    case CL_DECISION_GRANTED: return "granted";
    case CL_DECISION_DENIED: return "denied";
    case CL_DECISION_NOT_ASKED:
    default: return "not_asked";
    }
}

/* For each refusable purpose: the latest decision, and since when it has held (the first of
 * the unbroken run of events that gave it). */
static JsonArray *
current_choices (ClSubject *subject)
{
  JsonArray *choices = json_array_new ();
  GListModel *purposes;
  GListModel *history;
  guint n_events;

  if (subject == NULL)
    return choices;
  purposes = cl_subject_get_purposes (subject);
  history = cl_subject_get_history (subject);
  n_events = g_list_model_get_n_items (history);

  for (guint i = 0; i < g_list_model_get_n_items (purposes); i++)
    {
      g_autoptr(ClPurpose) purpose = g_list_model_get_item (purposes, i);
      ClDecision decision;
      JsonObject *choice;
      gint64 since = 0;
      const char *version = NULL;

      if (!cl_purpose_get_refusable (purpose))
        continue;
      decision = cl_subject_get_current_decision (subject, purpose);
      for (guint e = n_events; e > 0; e--)
        {
          g_autoptr(ClConsentEvent) event = g_list_model_get_item (history, e - 1);

          if (cl_consent_event_get_decision (event, cl_purpose_get_bit (purpose)) != decision)
            break;
          since = cl_consent_event_get_recorded_at (event);
          version = cl_consent_event_get_policy_version (event);
        }

      choice = json_object_new ();
      json_object_set_string_member (choice, "purpose", cl_purpose_get_key (purpose));
      json_object_set_string_member (choice, "name", cl_purpose_get_name (purpose));
      json_object_set_string_member (choice, "decision", decision_key (decision));
      if (decision == CL_DECISION_NOT_ASKED)
        json_object_set_null_member (choice, "granted");
      else
        json_object_set_boolean_member (choice, "granted", decision == CL_DECISION_GRANTED);
      if (n_events > 0 && since != 0)
        {
          g_autofree char *text = cl_time_format_rfc3339 (since);
          json_object_set_string_member (choice, "since", text);
        }
      else
        json_object_set_null_member (choice, "since");
      if (version != NULL)
        json_object_set_string_member (choice, "policy_version", version);
      else
        json_object_set_null_member (choice, "policy_version");
      json_array_add_object_element (choices, choice);
    }
  return choices;
}

/* Every event in the BRIEF §4 shape (the same as `records --json`), with its sentence. */
static JsonArray *
consent_history (ClLedger   *ledger,
                 ClSubject  *subject,
                 GError    **error)
{
  g_autoptr(JsonArray) history = json_array_new ();
  GListModel *events;

  if (subject == NULL)
    return g_steal_pointer (&history);
  events = cl_subject_get_history (subject);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(ClConsentEvent) event = g_list_model_get_item (events, i);
      g_autofree char *description = cl_subject_describe_event (subject, i);
      JsonNode *node = cl_consent_event_to_json (event, ledger, cl_subject_get_purposes (subject),
                                                 error);

      if (node == NULL)
        return NULL;
      json_object_set_string_member (json_node_get_object (node), "description", description);
      json_array_add_element (history, node);
    }
  return g_steal_pointer (&history);
}

/* The vendors that receive data for each purpose, by purpose id: those declaring it directly,
 * or declaring a TCF purpose (on consent or legitimate interest) that maps onto it; withdrawn
 * vendors are not. One pass over the declarations: a real GVL has some ten thousand. */
static GHashTable *
read_recipients (ClLedger  *ledger,
                 GError   **error)
{
  g_autoptr(GHashTable) by_purpose = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            (GDestroyNotify) json_array_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = cl_ledger_statement (
    ledger,
    "SELECT uses.purpose_id, v.name, v.country, v.transfer_safeguard, v.privacy_url,"
    "       v.retention_days"
    " FROM (SELECT pt.purpose_id AS purpose_id, vt.vendor_id AS vendor_id"
    "         FROM vendor_tcf vt JOIN purpose_tcf pt ON pt.tcf_purpose = vt.number"
    "        WHERE vt.kind IN ('consent', 'legitimate_interest')"
    "       UNION"
    "       SELECT purpose_id, vendor_id FROM vendor_purposes) AS uses"
    " JOIN vendors v ON v.id = uses.vendor_id"
    " WHERE v.deleted_at IS NULL"
    " ORDER BY uses.purpose_id, v.name COLLATE NOCASE, v.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 purpose_id = sqlite3_column_int64 (stmt, 0);
      JsonArray *recipients = g_hash_table_lookup (by_purpose, &purpose_id);
      JsonObject *recipient = json_object_new ();

      if (recipients == NULL)
        {
          recipients = json_array_new ();
          g_hash_table_insert (by_purpose, g_memdup2 (&purpose_id, sizeof purpose_id),
                               recipients);
        }
      json_object_set_string_member (recipient, "name", column_text (stmt, 1));
      set_optional_member (recipient, "country", stmt, 2);
      set_optional_member (recipient, "transfer_safeguard", stmt, 3);
      set_optional_member (recipient, "privacy_url", stmt, 4);
      if (sqlite3_column_type (stmt, 5) == SQLITE_INTEGER)
        json_object_set_int_member (recipient, "retention_days", sqlite3_column_int64 (stmt, 5));
      else
        json_object_set_null_member (recipient, "retention_days");
      json_array_add_object_element (recipients, recipient);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not read the vendors"));
      return NULL;
    }
  return g_steal_pointer (&by_purpose);
}

static JsonArray *
lines_to_array (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  JsonArray *array = json_array_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      json_array_add_string_element (array, lines[i]);
  return array;
}

static gint64
purpose_id (ClLedger   *ledger,
            ClPurpose  *purpose,
            GError    **error)
{
  sqlite3_stmt *stmt = cl_ledger_statement (ledger, "SELECT id FROM purposes WHERE key = ?", error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, cl_purpose_get_key (purpose), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static JsonArray *
read_purposes (ClLedger   *ledger,
               GListStore *purposes,
               GError    **error)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(GHashTable) recipients = read_recipients (ledger, error);

  if (recipients == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (purposes)); i++)
    {
      g_autoptr(ClPurpose) purpose = g_list_model_get_item (G_LIST_MODEL (purposes), i);
      JsonObject *object = json_object_new ();
      gint64 id = purpose_id (ledger, purpose, error);
      JsonArray *list;

      if (id < 0)
        {
          json_object_unref (object);
          return NULL;
        }
      list = g_hash_table_lookup (recipients, &id);
      json_object_set_string_member (object, "key", cl_purpose_get_key (purpose));
      json_object_set_string_member (object, "name", cl_purpose_get_name (purpose));
      json_object_set_string_member (object, "description", cl_purpose_get_description (purpose));
      json_object_set_string_member (object, "legal_basis", cl_purpose_get_legal_basis (purpose));
      json_object_set_string_member (object, "legal_basis_label",
                                     cl_legal_basis_to_label (cl_purpose_get_legal_basis (purpose)));
      json_object_set_boolean_member (object, "refusable", cl_purpose_get_refusable (purpose));
      json_object_set_array_member (object, "data_categories",
                                    lines_to_array (cl_purpose_get_data_categories (purpose)));
      json_object_set_array_member (object, "recipients",
                                    list != NULL ? json_array_ref (list) : json_array_new ());
      json_object_set_string_member (object, "retention", cl_purpose_get_retention (purpose));
      json_array_add_object_element (array, object);
    }
  return g_steal_pointer (&array);
}

static void
add_right (JsonArray  *rights,
           const char *key,
           const char *article,
           const char *name,
           const char *text)
{
  JsonObject *right = json_object_new ();

  json_object_set_string_member (right, "right", key);
  json_object_set_string_member (right, "article", article);
  json_object_set_string_member (right, "name", name);
  json_object_set_string_member (right, "text", text);
  json_array_add_object_element (rights, right);
}

static JsonArray *
rights_of_the_subject (JsonObject *controller)
{
  JsonArray *rights = json_array_new ();
  g_autofree char *complain = NULL;
  const char *authority;

  add_right (rights, "withdraw", "7(3)", _("Withdraw consent"),
             _("You can withdraw your consent at any time in the cookie settings of our websites, "
               "as easily as you gave it. Withdrawal does not affect processing before it."));
  add_right (rights, "rectification", "16", _("Rectification"),
             _("You can ask us to correct personal data about you that is inaccurate."));
  add_right (rights, "erasure", "17", _("Erasure"),
             _("You can ask us to erase your personal data; we then delete your identifiers and "
               "consent history and keep only a one-way fingerprint so that it is not imported again."));
  add_right (rights, "restriction", "18", _("Restriction of processing"),
             _("You can ask us to restrict the processing of your data while a dispute is resolved."));
  add_right (rights, "portability", "20", _("Data portability"),
             _("You can receive the data you gave us in a structured, machine-readable format."));
  add_right (rights, "objection", "21", _("Objection"),
             _("You can object to processing based on our legitimate interests."));
  authority = json_object_get_string_member (controller, "supervisory_authority");
  if (authority != NULL && *authority != '\0')
    complain = g_strdup_printf (_("You can lodge a complaint with a supervisory authority: %s."),
                                authority);
  else
    complain = g_strdup (_("You can lodge a complaint with the data protection authority of "
                           "the country where you live or work, or where you think the "
                           "infringement took place."));
  add_right (rights, "complaint", "77", _("Complaint"), complain);
  return rights;
}

typedef struct
{
  char   *url;
  guint   n_events;
  gint64  first_seen;
  gint64  last_seen;
} Site;

static void
site_free (gpointer data)
{
  Site *site = data;

  g_free (site->url);
  g_free (site);
}

/* The site of a page address: scheme, host and port; the page itself may carry more than the
 * subject needs to know (campaign tags, search terms). */
static char *
site_of (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (url);
  return g_uri_join (G_URI_FLAGS_NONE, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                     g_uri_get_port (uri), "/", NULL, NULL);
}

/* Where the data came from: the consent management platforms that recorded the events (named
 * by the TC strings' CMP id, through the IAB CMP list when it was imported), and the sites the
 * banner was answered on. */
static JsonArray *
read_sources (ClLedger   *ledger,
              ClSubject  *subject,
              GError    **error)
{
  g_autoptr(JsonArray) sources = json_array_new ();
  g_autoptr(GHashTable) sites = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) site_list = g_ptr_array_new_with_free_func (site_free);
  g_autoptr(GHashTable) tc_strings = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) cmp_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  GListModel *history;
  gboolean without_tc = FALSE;

  if (subject == NULL)
    return g_steal_pointer (&sources);
  history = cl_subject_get_history (subject);

  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(ClConsentEvent) event = g_list_model_get_item (history, i);
      const char *tc = cl_consent_event_get_tc_string (event);
      const char *url = cl_consent_event_get_url (event);
      gint64 at = cl_consent_event_get_recorded_at (event);

      if (tc == NULL)
        without_tc = TRUE;
      else if (!g_hash_table_contains (tc_strings, tc))
        {
          g_autoptr(ClTcString) decoded = cl_tc_string_decode (tc, NULL);
          gboolean seen = FALSE;

          /* The history holds the string for as long as the table does. */
          g_hash_table_add (tc_strings, (gpointer) tc);
          if (decoded == NULL)
            {
              without_tc = TRUE;
              continue;
            }
          for (guint c = 0; c < cmp_ids->len; c++)
            seen |= g_array_index (cmp_ids, guint, c) == decoded->cmp_id;
          if (!seen)
            g_array_append_val (cmp_ids, decoded->cmp_id);
        }

      if (url != NULL && *url != '\0')
        {
          g_autofree char *site_url = site_of (url);
          Site *site = g_hash_table_lookup (sites, site_url);

          if (site == NULL)
            {
              site = g_new0 (Site, 1);
              site->url = g_steal_pointer (&site_url);
              site->first_seen = at;
              g_ptr_array_add (site_list, site);
              g_hash_table_insert (sites, site->url, site);
            }
          site->n_events++;
          site->first_seen = MIN (site->first_seen, at);
          site->last_seen = MAX (site->last_seen, at);
        }
    }

  for (guint c = 0; c < cmp_ids->len; c++)
    {
      guint id = g_array_index (cmp_ids, guint, c);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = cl_tc_names_cmp (ledger, id, &local_error);
      JsonObject *source = json_object_new ();

      if (local_error != NULL)
        {
          json_object_unref (source);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      json_object_set_string_member (source, "type", "cmp");
      json_object_set_int_member (source, "cmp_id", id);
      if (name != NULL)
        json_object_set_string_member (source, "name", name);
      else
        json_object_set_null_member (source, "name");
      json_object_set_string_member (source, "description",
                                     name != NULL
                                     ? _("The consent management platform that recorded your "
                                         "choices in an IAB TCF consent string")
                                     : _("A consent management platform (its IAB CMP id is "
                                         "given) that recorded your choices in an IAB TCF "
                                         "consent string"));
      json_array_add_object_element (sources, source);
    }
  if (without_tc || g_list_model_get_n_items (history) == 0)
    {
      JsonObject *source = json_object_new ();

      json_object_set_string_member (source, "type", "cmp");
      json_object_set_null_member (source, "cmp_id");
      json_object_set_null_member (source, "name");
      json_object_set_string_member (source, "description",
                                     _("The consent banner of our websites, when you answered it"));
      json_array_add_object_element (sources, source);
    }

  for (guint i = 0; i < site_list->len; i++)
    {
      Site *site = g_ptr_array_index (site_list, i);
      JsonObject *source = json_object_new ();
      g_autofree char *first = cl_time_format_rfc3339 (site->first_seen);
      g_autofree char *last = cl_time_format_rfc3339 (site->last_seen);

      json_object_set_string_member (source, "type", "website");
      json_object_set_string_member (source, "url", site->url);
      json_object_set_int_member (source, "events", site->n_events);
      json_object_set_string_member (source, "first_seen", first);
      json_object_set_string_member (source, "last_seen", last);
      json_array_add_object_element (sources, source);
    }
  return g_steal_pointer (&sources);
}

JsonObject *
cl_report_build (ClLedger    *ledger,
                 const char  *reference,
                 GError     **error)
{
  g_autoptr(JsonObject) report = json_object_new ();
  g_autoptr(ClRequest) request = NULL;
  g_autoptr(ClSubject) subject = NULL;
  g_autoptr(GListStore) purposes = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *generated_at = NULL;
  JsonObject *controller;
  JsonArray *array;
  gint64 subject_id = 0;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  request = cl_request_load (ledger, reference, error);
  if (request == NULL
      || !cl_request_check_ready (request, CL_REQUEST_TYPE_ACCESS, error)
      || !cl_request_subject_resolve (ledger, request, &subject_id, error))
    return NULL;
  if (subject_id != 0 && !(subject = cl_subject_load (ledger, subject_id, error)))
    return NULL;
  if (!(purposes = cl_purpose_list (ledger, error)))
    return NULL;

  controller = read_controller (ledger);
  json_object_set_object_member (report, "controller", controller);
  json_object_set_object_member (report, "request", request_to_model (request));
  json_object_set_object_member (report, "subject", subject_to_model (subject));
  json_object_set_array_member (report, "current_choices", current_choices (subject));

  if (!(array = consent_history (ledger, subject, error)))
    return NULL;
  json_object_set_array_member (report, "consent_history", array);
  if (!(array = read_purposes (ledger, purposes, error)))
    return NULL;
  json_object_set_array_member (report, "purposes", array);
  if (!(array = read_sources (ledger, subject, error)))
    return NULL;
  json_object_set_array_member (report, "sources", array);
  json_object_set_array_member (report, "rights", rights_of_the_subject (controller));

  now = g_date_time_new_now_utc ();
  generated_at = cl_time_format_rfc3339 (g_date_time_to_unix (now) * 1000
                                         + g_date_time_get_microsecond (now) / 1000);
  json_object_set_string_member (report, "generated_at", generated_at);
  return g_steal_pointer (&report);
}
