/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-subject.c: look a subject up by any identifier and read what it chose, and when. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-consent-event-private.h"
#include "cl-error.h"
#include "cl-event-key.h"
#include "cl-ledger-private.h"
/* Before cl-subject.h on purpose: the two headers must work together in either order. */
#include "cl-tombstone.h"
#include "cl-subject.h"

#define N_KINDS 3

struct _ClSubject
{
  GObject         parent_instance;

  gint64          id;
  GPtrArray      *identifiers[N_KINDS];  /* NULL-terminated arrays of char * */
  GListStore     *history;
  GListStore     *purposes;
  ClConsentEvent *current;
};

G_DEFINE_FINAL_TYPE (ClSubject, cl_subject, G_TYPE_OBJECT)

static const char * const kind_keys[N_KINDS] = {
  [CL_IDENTIFIER_CONSENT_ID] = CL_IDENTIFIER_KIND_CONSENT_ID_KEY,
  [CL_IDENTIFIER_EMAIL] = CL_IDENTIFIER_KIND_EMAIL_KEY,
  [CL_IDENTIFIER_ACCOUNT] = CL_IDENTIFIER_KIND_ACCOUNT_KEY,
};

static void
cl_subject_dispose (GObject *object)
{
  ClSubject *self = CL_SUBJECT (object);

  g_clear_object (&self->history);
  g_clear_object (&self->purposes);
  g_clear_object (&self->current);

  G_OBJECT_CLASS (cl_subject_parent_class)->dispose (object);
}

static void
cl_subject_finalize (GObject *object)
{
  ClSubject *self = CL_SUBJECT (object);

  for (guint k = 0; k < N_KINDS; k++)
    g_ptr_array_unref (self->identifiers[k]);

  G_OBJECT_CLASS (cl_subject_parent_class)->finalize (object);
}

static void
cl_subject_class_init (ClSubjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_subject_dispose;
  object_class->finalize = cl_subject_finalize;
}

static void
cl_subject_init (ClSubject *self)
{
  for (guint k = 0; k < N_KINDS; k++)
    {
      self->identifiers[k] = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->identifiers[k], NULL);
    }
  self->history = g_list_store_new (CL_TYPE_CONSENT_EVENT);
}

const char *
cl_identifier_kind_to_key (ClIdentifierKind kind)
{
  g_return_val_if_fail ((guint) kind < N_KINDS, NULL);
  return kind_keys[kind];
}

const char *
cl_identifier_kind_to_label (ClIdentifierKind kind)
{
  switch (kind)
    {
    case CL_IDENTIFIER_CONSENT_ID: return _("Consent ID");
    case CL_IDENTIFIER_EMAIL: return _("E-mail");
    case CL_IDENTIFIER_ACCOUNT: return _("Account");
    default: g_return_val_if_reached (NULL);
    }
}

static void
add_identifier (ClSubject  *self,
                const char *kind,
                const char *value)
{
  for (guint k = 0; k < N_KINDS; k++)
    if (g_strcmp0 (kind, kind_keys[k]) == 0)
      {
        GPtrArray *list = self->identifiers[k];
        /* Keep the trailing NULL last. */
        list->pdata[list->len - 1] = g_strdup (value);
        g_ptr_array_add (list, NULL);
        return;
      }
}

ClSubject *
cl_subject_load (ClLedger  *ledger,
                 gint64     subject_id,
                 GError   **error)
{
  g_autoptr(ClSubject) self = NULL;
  sqlite3_stmt *stmt;
  gint64 latest_id = 0;
  int rc;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);

  stmt = cl_ledger_statement (ledger, "SELECT latest_event_id FROM subjects WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, subject_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    latest_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND,
                   _("The subject is no longer in the ledger; it may have been erased"));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not read the subject"));
      return NULL;
    }

  self = g_object_new (CL_TYPE_SUBJECT, NULL);
  self->id = subject_id;

  stmt = cl_ledger_statement (ledger,
                              "SELECT kind, value FROM identifiers WHERE subject_id = ? ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, subject_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_identifier (self, (const char *) sqlite3_column_text (stmt, 0),
                    (const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not read the subject’s identifiers"));
      return NULL;
    }

  stmt = cl_ledger_statement (ledger,
                              "SELECT " CL_CONSENT_EVENT_COLUMNS " FROM events e"
                              CL_CONSENT_EVENT_JOINS
                              " WHERE e.subject_id = ? ORDER BY e.recorded_at, e.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, subject_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ClConsentEvent) event = cl_consent_event_new_from_row (stmt, 0);

      if (cl_consent_event_get_id (event) == latest_id)
        g_set_object (&self->current, event);
      g_list_store_append (self->history, event);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not read the subject’s consent history"));
      return NULL;
    }

  /* A ledger whose import did not record the latest event: the history says it. */
  if (self->current == NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->history));
      if (n > 0)
        self->current = g_list_model_get_item (G_LIST_MODEL (self->history), n - 1);
    }

  self->purposes = cl_purpose_list (ledger, error);
  if (self->purposes == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

ClSubject *
cl_subject_lookup (ClLedger    *ledger,
                   const char  *identifier,
                   GError     **error)
{
  g_autofree char *trimmed = NULL;
  sqlite3_stmt *stmt;
  gint64 subject_id = 0;
  int rc;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (identifier != NULL, NULL);

  trimmed = g_strstrip (g_strdup (identifier));
  stmt = cl_ledger_statement (ledger,
                              "SELECT subject_id FROM identifiers WHERE value = ?1"
                              " UNION ALL SELECT subject_id FROM identifiers WHERE value = lower (?1)"
                              " UNION ALL SELECT subject_id FROM events"
                              " WHERE event_key = ?2 AND event_id = ?1"
                              " LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, cl_event_key (trimmed, strlen (trimmed)));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    subject_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || *trimmed == '\0')
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND,
                   _("No subject is known by “%s”: it is not a consent id, e-mail address, "
                     "account id or event id in this ledger"), trimmed);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not look the subject up"));
      return NULL;
    }
  return cl_subject_load (ledger, subject_id, error);
}

gint64
cl_subject_get_id (ClSubject *self)
{
  g_return_val_if_fail (CL_IS_SUBJECT (self), 0);
  return self->id;
}

const char *
cl_subject_get_display_id (ClSubject *self)
{
  g_return_val_if_fail (CL_IS_SUBJECT (self), NULL);

  for (guint k = 0; k < N_KINDS; k++)
    if (self->identifiers[k]->len > 1)
      return self->identifiers[k]->pdata[0];
  return "";
}

const char * const *
cl_subject_get_identifiers (ClSubject        *self,
                            ClIdentifierKind  kind)
{
  g_return_val_if_fail (CL_IS_SUBJECT (self), NULL);
  g_return_val_if_fail ((guint) kind < N_KINDS, NULL);
  return (const char * const *) self->identifiers[kind]->pdata;
}

GListModel *
cl_subject_get_history (ClSubject *self)
{
  g_return_val_if_fail (CL_IS_SUBJECT (self), NULL);
  return G_LIST_MODEL (self->history);
}

ClConsentEvent *
cl_subject_get_current (ClSubject *self)
{
  g_return_val_if_fail (CL_IS_SUBJECT (self), NULL);
  return self->current;
}

ClDecision
cl_subject_get_current_decision (ClSubject *self,
                                 ClPurpose *purpose)
{
  g_return_val_if_fail (CL_IS_SUBJECT (self), CL_DECISION_NOT_ASKED);
  g_return_val_if_fail (CL_IS_PURPOSE (purpose), CL_DECISION_NOT_ASKED);

  if (self->current == NULL)
    return CL_DECISION_NOT_ASKED;
  return cl_consent_event_get_decision (self->current, cl_purpose_get_bit (purpose));
}

GListModel *
cl_subject_get_purposes (ClSubject *self)
{
  g_return_val_if_fail (CL_IS_SUBJECT (self), NULL);
  return G_LIST_MODEL (self->purposes);
}

const char *
cl_subject_get_tc_string (ClSubject *self)
{
  GListModel *history;

  g_return_val_if_fail (CL_IS_SUBJECT (self), NULL);

  history = G_LIST_MODEL (self->history);
  for (guint i = g_list_model_get_n_items (history); i > 0; i--)
    {
      g_autoptr(ClConsentEvent) event = g_list_model_get_item (history, i - 1);

      if (cl_consent_event_get_tc_string (event) != NULL)
        return cl_consent_event_get_tc_string (event);  /* the history keeps it alive */
    }
  return NULL;
}

char *
cl_subject_describe_event (ClSubject *self,
                           guint      position)
{
  g_autoptr(ClConsentEvent) event = NULL;
  g_autoptr(ClConsentEvent) previous = NULL;

  g_return_val_if_fail (CL_IS_SUBJECT (self), NULL);

  event = g_list_model_get_item (G_LIST_MODEL (self->history), position);
  g_return_val_if_fail (event != NULL, NULL);
  if (position > 0)
    previous = g_list_model_get_item (G_LIST_MODEL (self->history), position - 1);
  return cl_consent_event_describe (event, previous, G_LIST_MODEL (self->purposes));
}

JsonNode *
cl_subject_to_json (ClSubject  *self,
                    ClLedger   *ledger,
                    GError    **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *purposes;
  GListModel *history;

  g_return_val_if_fail (CL_IS_SUBJECT (self), NULL);
  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);

  purposes = G_LIST_MODEL (self->purposes);
  history = G_LIST_MODEL (self->history);

  json_builder_begin_object (builder);

  /* Lists throughout: a person linked by e-mail can have several devices, and so on. */
  json_builder_set_member_name (builder, "identifiers");
  json_builder_begin_object (builder);
  for (guint k = 0; k < N_KINDS; k++)
    {
      const char * const *values = cl_subject_get_identifiers (self, k);

      if (values[0] == NULL)
        continue;
      json_builder_set_member_name (builder, kind_keys[k]);
      json_builder_begin_array (builder);
      for (guint i = 0; values[i] != NULL; i++)
        json_builder_add_string_value (builder, values[i]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "current");
  json_builder_begin_object (builder);
  for (guint i = 0; i < g_list_model_get_n_items (purposes); i++)
    {
      g_autoptr(ClPurpose) purpose = g_list_model_get_item (purposes, i);
      ClDecision decision;

      if (!cl_purpose_get_refusable (purpose))
        continue;
      decision = cl_subject_get_current_decision (self, purpose);
      json_builder_set_member_name (builder, cl_purpose_get_key (purpose));
      if (decision == CL_DECISION_NOT_ASKED)
        json_builder_add_null_value (builder);
      else
        json_builder_add_boolean_value (builder, decision == CL_DECISION_GRANTED);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(ClConsentEvent) event = g_list_model_get_item (history, i);
      JsonNode *node = cl_consent_event_to_json (event, ledger, purposes, error);

      if (node == NULL)
        return NULL;
      json_builder_add_value (builder, node);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
