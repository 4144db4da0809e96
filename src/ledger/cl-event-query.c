/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-event-query.c: the records filters and sort order, turned into SQL in build_sql() only.
 *
 * Every value reaches SQLite as a named, bound parameter; the SQL text itself depends only on
 * which filters are set, so each combination is prepared once and cached by the ledger. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-consent-event-private.h"
#include "cl-error.h"
#include "cl-event-key.h"
#include "cl-event-query.h"
#include "cl-ledger-private.h"
#include "cl-time.h"

struct _ClEventQuery
{
  GObject      parent_instance;

  char        *subject;
  char        *purpose;
  char        *policy;
  char        *sort_purpose;
  gint64       since;
  gint64       until;
  ClDecision   decision;
  ClEventSort  sort;
  int          method;
  gboolean     current_only;
  gboolean     descending;
};

G_DEFINE_FINAL_TYPE (ClEventQuery, cl_event_query, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SUBJECT,
  PROP_PURPOSE,
  PROP_DECISION,
  PROP_POLICY,
  PROP_METHOD,
  PROP_SINCE,
  PROP_UNTIL,
  PROP_CURRENT_ONLY,
  PROP_SORT,
  PROP_SORT_PURPOSE,
  PROP_DESCENDING,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef enum
{
  SELECT_IDS,
  SELECT_ROWS,
  SELECT_COUNT,
} SelectKind;

/* What the ledger's own tables say about the query's labels, looked up before running. */
typedef struct
{
  gint64 purpose_bit;
  gint64 policy_id;
  gint64 sort_bit;
} Resolved;

static void
cl_event_query_finalize (GObject *object)
{
  ClEventQuery *self = CL_EVENT_QUERY (object);

  g_free (self->subject);
  g_free (self->purpose);
  g_free (self->policy);
  g_free (self->sort_purpose);

  G_OBJECT_CLASS (cl_event_query_parent_class)->finalize (object);
}

static void
cl_event_query_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ClEventQuery *self = CL_EVENT_QUERY (object);

  switch (prop_id)
    {
    case PROP_SUBJECT: g_value_set_string (value, self->subject); break;
    case PROP_PURPOSE: g_value_set_string (value, self->purpose); break;
    case PROP_DECISION: g_value_set_int (value, self->decision); break;
    case PROP_POLICY: g_value_set_string (value, self->policy); break;
    case PROP_METHOD: g_value_set_int (value, self->method); break;
    case PROP_SINCE: g_value_set_int64 (value, self->since); break;
    case PROP_UNTIL: g_value_set_int64 (value, self->until); break;
    case PROP_CURRENT_ONLY: g_value_set_boolean (value, self->current_only); break;
    case PROP_SORT: g_value_set_int (value, self->sort); break;
    case PROP_SORT_PURPOSE: g_value_set_string (value, self->sort_purpose); break;
    case PROP_DESCENDING: g_value_set_boolean (value, self->descending); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
cl_event_query_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ClEventQuery *self = CL_EVENT_QUERY (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_SUBJECT:
      {
        g_autofree char *trimmed = g_strstrip (g_value_dup_string (value) ?: g_strdup (""));
        changed = set_string (&self->subject, trimmed);
      }
      break;
    case PROP_PURPOSE:
      changed = set_string (&self->purpose, g_value_get_string (value));
      break;
    case PROP_DECISION:
      changed = self->decision != (ClDecision) g_value_get_int (value);
      self->decision = g_value_get_int (value);
      break;
    case PROP_POLICY:
      changed = set_string (&self->policy, g_value_get_string (value));
      break;
    case PROP_METHOD:
      changed = self->method != g_value_get_int (value);
      self->method = g_value_get_int (value);
      break;
    case PROP_SINCE:
      changed = self->since != g_value_get_int64 (value);
      self->since = g_value_get_int64 (value);
      break;
    case PROP_UNTIL:
      changed = self->until != g_value_get_int64 (value);
      self->until = g_value_get_int64 (value);
      break;
    case PROP_CURRENT_ONLY:
      changed = self->current_only != g_value_get_boolean (value);
      self->current_only = g_value_get_boolean (value);
      break;
    case PROP_SORT:
      changed = self->sort != (ClEventSort) g_value_get_int (value);
      self->sort = g_value_get_int (value);
      break;
    case PROP_SORT_PURPOSE:
      changed = set_string (&self->sort_purpose, g_value_get_string (value));
      break;
    case PROP_DESCENDING:
      changed = self->descending != g_value_get_boolean (value);
      self->descending = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

/* Called once per batch of notifications, so a thawed batch of changes is one ::changed. */
static void
cl_event_query_dispatch_properties_changed (GObject     *object,
                                            guint        n_pspecs,
                                            GParamSpec **pspecs)
{
  G_OBJECT_CLASS (cl_event_query_parent_class)->dispatch_properties_changed (object, n_pspecs,
                                                                            pspecs);
  g_signal_emit (object, signals[CHANGED], 0);
}

static void
cl_event_query_class_init (ClEventQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cl_event_query_finalize;
  object_class->get_property = cl_event_query_get_property;
  object_class->set_property = cl_event_query_set_property;
  object_class->dispatch_properties_changed = cl_event_query_dispatch_properties_changed;

  properties[PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, NULL, flags);
  properties[PROP_PURPOSE] = g_param_spec_string ("purpose", NULL, NULL, NULL, flags);
  properties[PROP_DECISION] =
    g_param_spec_int ("decision", NULL, NULL, CL_DECISION_NOT_ASKED, CL_DECISION_DENIED,
                      CL_DECISION_GRANTED, flags);
  properties[PROP_POLICY] = g_param_spec_string ("policy", NULL, NULL, NULL, flags);
  properties[PROP_METHOD] = g_param_spec_int ("method", NULL, NULL, -1, 4, -1, flags);
  properties[PROP_SINCE] =
    g_param_spec_int64 ("since", NULL, NULL, G_MININT64, G_MAXINT64, CL_EVENT_QUERY_NO_SINCE,
                        flags);
  properties[PROP_UNTIL] =
    g_param_spec_int64 ("until", NULL, NULL, G_MININT64, G_MAXINT64, CL_EVENT_QUERY_NO_UNTIL,
                        flags);
  properties[PROP_CURRENT_ONLY] = g_param_spec_boolean ("current-only", NULL, NULL, FALSE, flags);
  properties[PROP_SORT] =
    g_param_spec_int ("sort", NULL, NULL, CL_EVENT_SORT_TIME, CL_EVENT_SORT_URL,
                      CL_EVENT_SORT_TIME, flags);
  properties[PROP_SORT_PURPOSE] = g_param_spec_string ("sort-purpose", NULL, NULL, NULL, flags);
  properties[PROP_DESCENDING] = g_param_spec_boolean ("descending", NULL, NULL, TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ClEventQuery::changed:
   *
   * The set of events or their order changed; a list over the query must be recomputed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cl_event_query_init (ClEventQuery *self)
{
  self->decision = CL_DECISION_GRANTED;
  self->method = -1;
  self->since = CL_EVENT_QUERY_NO_SINCE;
  self->until = CL_EVENT_QUERY_NO_UNTIL;
  self->sort = CL_EVENT_SORT_TIME;
  self->descending = TRUE;
}

ClEventQuery *
cl_event_query_new (void)
{
  return g_object_new (CL_TYPE_EVENT_QUERY, NULL);
}

ClEventQuery *
cl_event_query_copy (ClEventQuery *self)
{
  ClEventQuery *copy;

  g_return_val_if_fail (CL_IS_EVENT_QUERY (self), NULL);

  copy = cl_event_query_new ();
  copy->subject = g_strdup (self->subject);
  copy->purpose = g_strdup (self->purpose);
  copy->policy = g_strdup (self->policy);
  copy->sort_purpose = g_strdup (self->sort_purpose);
  copy->since = self->since;
  copy->until = self->until;
  copy->decision = self->decision;
  copy->sort = self->sort;
  copy->method = self->method;
  copy->current_only = self->current_only;
  copy->descending = self->descending;
  return copy;
}

void
cl_event_query_set_subject (ClEventQuery *self,
                            const char   *subject)
{
  g_return_if_fail (CL_IS_EVENT_QUERY (self));
  g_object_set (self, "subject", subject, NULL);
}

const char *
cl_event_query_get_subject (ClEventQuery *self)
{
  g_return_val_if_fail (CL_IS_EVENT_QUERY (self), NULL);
  return self->subject;
}

void
cl_event_query_set_purpose (ClEventQuery *self,
                            const char   *purpose_key,
                            ClDecision    decision)
{
  g_return_if_fail (CL_IS_EVENT_QUERY (self));
  g_object_set (self, "purpose", purpose_key, "decision", decision, NULL);
}

const char *
cl_event_query_get_purpose (ClEventQuery *self)
{
  g_return_val_if_fail (CL_IS_EVENT_QUERY (self), NULL);
  return self->purpose;
}

ClDecision
cl_event_query_get_decision (ClEventQuery *self)
{
  g_return_val_if_fail (CL_IS_EVENT_QUERY (self), CL_DECISION_GRANTED);
  return self->decision;
}

void
cl_event_query_set_policy (ClEventQuery *self,
                           const char   *version)
{
  g_return_if_fail (CL_IS_EVENT_QUERY (self));
  g_object_set (self, "policy", version, NULL);
}

const char *
cl_event_query_get_policy (ClEventQuery *self)
{
  g_return_val_if_fail (CL_IS_EVENT_QUERY (self), NULL);
  return self->policy;
}

void
cl_event_query_set_method (ClEventQuery *self,
                           int           method)
{
  g_return_if_fail (CL_IS_EVENT_QUERY (self));
  g_return_if_fail (method >= -1 && method <= 4);
  g_object_set (self, "method", method, NULL);
}

int
cl_event_query_get_method (ClEventQuery *self)
{
  g_return_val_if_fail (CL_IS_EVENT_QUERY (self), -1);
  return self->method;
}

void
cl_event_query_set_since (ClEventQuery *self,
                          gint64        since_ms)
{
  g_return_if_fail (CL_IS_EVENT_QUERY (self));
  g_object_set (self, "since", since_ms, NULL);
}

gint64
cl_event_query_get_since (ClEventQuery *self)
{
  g_return_val_if_fail (CL_IS_EVENT_QUERY (self), CL_EVENT_QUERY_NO_SINCE);
  return self->since;
}

void
cl_event_query_set_until (ClEventQuery *self,
                          gint64        until_ms)
{
  g_return_if_fail (CL_IS_EVENT_QUERY (self));
  g_object_set (self, "until", until_ms, NULL);
}

gint64
cl_event_query_get_until (ClEventQuery *self)
{
  g_return_val_if_fail (CL_IS_EVENT_QUERY (self), CL_EVENT_QUERY_NO_UNTIL);
  return self->until;
}

void
cl_event_query_set_current_only (ClEventQuery *self,
                                 gboolean      current_only)
{
  g_return_if_fail (CL_IS_EVENT_QUERY (self));
  g_object_set (self, "current-only", !!current_only, NULL);
}

gboolean
cl_event_query_get_current_only (ClEventQuery *self)
{
  g_return_val_if_fail (CL_IS_EVENT_QUERY (self), FALSE);
  return self->current_only;
}

void
cl_event_query_set_sort (ClEventQuery *self,
                         ClEventSort   column,
                         const char   *sort_purpose,
                         gboolean      descending)
{
  g_return_if_fail (CL_IS_EVENT_QUERY (self));
  g_return_if_fail (column != CL_EVENT_SORT_PURPOSE || sort_purpose != NULL);

  g_object_set (self,
                "sort", column,
                "sort-purpose", column == CL_EVENT_SORT_PURPOSE ? sort_purpose : NULL,
                "descending", !!descending,
                NULL);
}

ClEventSort
cl_event_query_get_sort (ClEventQuery *self)
{
  g_return_val_if_fail (CL_IS_EVENT_QUERY (self), CL_EVENT_SORT_TIME);
  return self->sort;
}

gboolean
cl_event_query_get_descending (ClEventQuery *self)
{
  g_return_val_if_fail (CL_IS_EVENT_QUERY (self), TRUE);
  return self->descending;
}

gboolean
cl_event_query_is_filtered (ClEventQuery *self)
{
  g_return_val_if_fail (CL_IS_EVENT_QUERY (self), FALSE);

  return self->subject != NULL || self->purpose != NULL || self->policy != NULL
         || self->method >= 0 || self->since != CL_EVENT_QUERY_NO_SINCE
         || self->until != CL_EVENT_QUERY_NO_UNTIL || self->current_only;
}

static gboolean
invalid_date (const char  *text,
              GError     **error)
{
  g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
               _("“%s” is not a date: write it as YYYY-MM-DD (for example 2026-03-01) or as an "
                 "RFC 3339 time (2026-03-01T12:00:00Z)"), text);
  return FALSE;
}

/* A whole day is end_of_day FALSE: its first millisecond; TRUE: the first after it. */
static gboolean
parse_date (const char  *text,
            gboolean     end_of_day,
            gint64      *out_ms,
            GError     **error)
{
  GDate date;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_ms != NULL, FALSE);

  if (cl_time_parse_date (text, &date))
    {
      gint64 days = cl_time_days_from_civil (g_date_get_year (&date), g_date_get_month (&date),
                                             g_date_get_day (&date));
      *out_ms = (days + (end_of_day ? 1 : 0)) * 86400 * G_GINT64_CONSTANT (1000);
      return TRUE;
    }
  if (!cl_time_parse_rfc3339 (text, out_ms))
    return invalid_date (text, error);
  /* until is exclusive: a time given to the millisecond includes that millisecond. */
  if (end_of_day)
    *out_ms += 1;
  return TRUE;
}

gboolean
cl_event_query_parse_since (const char  *text,
                            gint64      *out_ms,
                            GError     **error)
{
  return parse_date (text, FALSE, out_ms, error);
}

gboolean
cl_event_query_parse_until (const char  *text,
                            gint64      *out_ms,
                            GError     **error)
{
  return parse_date (text, TRUE, out_ms, error);
}

static char *
known_values (ClLedger   *ledger,
              const char *sql)
{
  g_autoptr(GString) list = g_string_new (NULL);
  sqlite3_stmt *stmt = cl_ledger_statement (ledger, sql, NULL);

  if (stmt == NULL)
    return g_strdup ("");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, (const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_reset (stmt);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static gboolean
lookup_int (ClLedger    *ledger,
            const char  *sql,
            const char  *key,
            gint64      *out,
            gboolean    *found,
            GError     **error)
{
  sqlite3_stmt *stmt = cl_ledger_statement (ledger, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  if (*found)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not read the ledger"));
  return TRUE;
}

static gboolean
resolve_purpose (ClLedger    *ledger,
                 const char  *key,
                 gint64      *bit,
                 GError     **error)
{
  gboolean found = FALSE;

  if (!lookup_int (ledger, "SELECT bit FROM purposes WHERE key = ?", key, bit, &found, error))
    return FALSE;
  if (!found)
    {
      g_autofree char *known =
        known_values (ledger, "SELECT key FROM purposes ORDER BY position, id");
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND,
                   _("The ledger has no purpose “%s”; its purposes are: %s"), key, known);
      return FALSE;
    }
  return TRUE;
}

static gboolean
resolve (ClEventQuery  *self,
         ClLedger      *ledger,
         Resolved      *resolved,
         GError       **error)
{
  gboolean found = FALSE;

  memset (resolved, 0, sizeof *resolved);
  if (self->purpose != NULL && !resolve_purpose (ledger, self->purpose, &resolved->purpose_bit,
                                                 error))
    return FALSE;
  if (self->sort == CL_EVENT_SORT_PURPOSE
      && !resolve_purpose (ledger, self->sort_purpose, &resolved->sort_bit, error))
    return FALSE;
  if (self->policy != NULL)
    {
      if (!lookup_int (ledger, "SELECT id FROM policy_versions WHERE version = ?", self->policy,
                       &resolved->policy_id, &found, error))
        return FALSE;
      if (!found)
        {
          g_autofree char *known =
            known_values (ledger, "SELECT version FROM policy_versions ORDER BY effective, id");
          if (*known == '\0')
            g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND,
                         _("The ledger has no policy version “%s”; it has none yet"),
                         self->policy);
          else
            g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND,
                         _("The ledger has no policy version “%s”; its versions are: %s"),
                         self->policy, known);
          return FALSE;
        }
    }
  return TRUE;
}

/* The one place where the query becomes SQL. The parameters are named; bind() fills those
 * that the text uses. */
static char *
build_sql (ClEventQuery *self,
           SelectKind    kind)
{
  GString *sql = g_string_new (NULL);
  const char *dir = self->descending ? " DESC" : "";
  const char *joiner = " WHERE ";

  switch (kind)
    {
    case SELECT_IDS:
      g_string_append (sql, "SELECT e.id FROM events e");
      break;
    case SELECT_COUNT:
      g_string_append (sql, "SELECT count(*) FROM events e");
      break;
    case SELECT_ROWS:
    default:
      g_string_append (sql, "SELECT " CL_CONSENT_EVENT_COLUMNS " FROM events e");
      break;
    }
  /* Left joins on primary keys: SQLite drops the ones a statement does not use. */
  if (kind == SELECT_ROWS || self->sort == CL_EVENT_SORT_SUBJECT)
    g_string_append (sql, " LEFT JOIN identifiers i ON i.id = e.identifier_id");
  if (kind == SELECT_ROWS || self->sort == CL_EVENT_SORT_POLICY)
    g_string_append (sql, " LEFT JOIN policy_versions p ON p.id = e.policy_id");
  if (kind == SELECT_ROWS)
    g_string_append (sql, " LEFT JOIN user_agents ua ON ua.id = e.user_agent_id");
  if (kind == SELECT_ROWS)
    g_string_append (sql, " LEFT JOIN urls u ON u.id = e.url_id");
  /* The few URLs ranked once, so that a million events sort by a number, not by a text
   * looked up for each: as fast as sorting by country. */
  if (self->sort == CL_EVENT_SORT_URL)
    g_string_append (sql, " LEFT JOIN (SELECT id, row_number () OVER (ORDER BY value) AS rank"
                          " FROM urls) url_order ON url_order.id = e.url_id");

#define WHERE(cond) G_STMT_START { g_string_append (sql, joiner); g_string_append (sql, cond); \
                                   joiner = " AND "; } G_STMT_END

  if (self->subject != NULL)
    /* Any identifier, e-mail in any case, or an event's own id: the subject's every event. */
    WHERE ("e.subject_id IN (SELECT subject_id FROM identifiers WHERE value IN (:subject,"
           " lower (:subject)) UNION ALL SELECT subject_id FROM events"
           " WHERE event_key = :subject_key AND event_id = :subject)");
  if (self->purpose != NULL)
    {
      if (self->decision == CL_DECISION_GRANTED)
        WHERE ("((e.granted >> :purpose_bit) & 1) = 1");
      else if (self->decision == CL_DECISION_DENIED)
        WHERE ("((e.denied >> :purpose_bit) & 1) = 1");
      else
        WHERE ("(((e.granted | e.denied) >> :purpose_bit) & 1) = 0");
    }
  if (self->policy != NULL)
    WHERE ("e.policy_id = :policy_id");
  if (self->method >= 0)
    WHERE ("e.method = :method");
  if (self->since != CL_EVENT_QUERY_NO_SINCE)
    WHERE ("e.recorded_at >= :since");
  if (self->until != CL_EVENT_QUERY_NO_UNTIL)
    WHERE ("e.recorded_at < :until");
  if (self->current_only)
    /* Correlated, not IN (…): IN first builds a set of every subject's latest event, which
     * costs the first page as much as the whole answer. */
    WHERE ("EXISTS (SELECT 1 FROM subjects s WHERE s.latest_event_id = e.id)");
#undef WHERE

  if (kind == SELECT_COUNT)
    return g_string_free (sql, FALSE);

  g_string_append (sql, " ORDER BY ");
  switch (self->sort)
    {
    case CL_EVENT_SORT_SUBJECT:
      g_string_append_printf (sql, "i.value%s, ", dir);
      break;
    case CL_EVENT_SORT_POLICY:
      g_string_append_printf (sql, "p.effective%s, p.id%s, ", dir, dir);
      break;
    case CL_EVENT_SORT_METHOD:
      g_string_append_printf (sql, "e.method%s, ", dir);
      break;
    case CL_EVENT_SORT_PURPOSE:
      /* not asked 0, denied 1, granted 2 */
      g_string_append_printf (sql, "((e.granted >> :sort_bit) & 1) * 2"
                                   " + ((e.denied >> :sort_bit) & 1)%s, ", dir);
      break;
    case CL_EVENT_SORT_COUNTRY:
      g_string_append_printf (sql, "e.country%s, ", dir);
      break;
    case CL_EVENT_SORT_URL:
      g_string_append_printf (sql, "url_order.rank%s, ", dir);
      break;
    case CL_EVENT_SORT_TIME:
    default:
      break;
    }
  g_string_append_printf (sql, "e.recorded_at%s, e.id%s", dir, dir);

  g_string_append (sql, " LIMIT :limit");
  return g_string_free (sql, FALSE);
}

static void
bind_int64 (sqlite3_stmt *stmt,
            const char   *name,
            gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind (ClEventQuery   *self,
      sqlite3_stmt   *stmt,
      const Resolved *resolved)
{
  int index = sqlite3_bind_parameter_index (stmt, ":subject");

  if (index > 0)
    sqlite3_bind_text (stmt, index, self->subject, -1, SQLITE_TRANSIENT);
  if (self->subject != NULL)
    bind_int64 (stmt, ":subject_key", cl_event_key (self->subject, strlen (self->subject)));
  bind_int64 (stmt, ":purpose_bit", resolved->purpose_bit);
  bind_int64 (stmt, ":policy_id", resolved->policy_id);
  bind_int64 (stmt, ":method", self->method);
  bind_int64 (stmt, ":since", self->since);
  bind_int64 (stmt, ":until", self->until);
  bind_int64 (stmt, ":sort_bit", resolved->sort_bit);
}

static sqlite3_stmt *
prepare (ClEventQuery  *self,
         ClLedger      *ledger,
         SelectKind     kind,
         GError       **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  Resolved resolved;

  if (!resolve (self, ledger, &resolved, error))
    return NULL;
  sql = build_sql (self, kind);
  stmt = cl_ledger_statement (ledger, sql, error);
  if (stmt != NULL)
    bind (self, stmt, &resolved);
  return stmt;
}

char *
cl_event_query_to_sql (ClEventQuery *self)
{
  g_return_val_if_fail (CL_IS_EVENT_QUERY (self), NULL);
  return build_sql (self, SELECT_IDS);
}

gboolean
cl_event_query_count (ClEventQuery  *self,
                      ClLedger      *ledger,
                      guint64       *out_count,
                      GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_EVENT_QUERY (self), FALSE);
  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (out_count != NULL, FALSE);

  stmt = prepare (self, ledger, SELECT_COUNT, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return cl_ledger_set_db_error (ledger, error, _("Could not count the consent events"));
  return TRUE;
}

gboolean
cl_event_query_foreach (ClEventQuery      *self,
                        ClLedger          *ledger,
                        guint              limit,
                        ClEventQueryFunc   func,
                        gpointer           user_data,
                        GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_EVENT_QUERY (self), FALSE);
  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = prepare (self, ledger, SELECT_ROWS, error);
  if (stmt == NULL)
    return FALSE;
  bind_int64 (stmt, ":limit", limit == 0 ? -1 : (gint64) limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ClConsentEvent) event = cl_consent_event_new_from_row (stmt, 0);

      if (!func (event, user_data, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not read the consent events"));
  return TRUE;
}

static gboolean
add_to_array (ClConsentEvent  *event,
              gpointer         user_data,
              GError         **error)
{
  g_ptr_array_add (user_data, g_object_ref (event));
  return TRUE;
}

GPtrArray *
cl_event_query_list (ClEventQuery  *self,
                     ClLedger      *ledger,
                     guint          limit,
                     GError       **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (CL_IS_EVENT_QUERY (self), NULL);
  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);

  if (!cl_event_query_foreach (self, ledger, limit, add_to_array, events, error))
    return NULL;
  return g_steal_pointer (&events);
}

static int
progress_cancelled (void *data)
{
  return g_cancellable_is_cancelled (data);
}

GArray *
cl_event_query_collect_ids (ClEventQuery  *self,
                            ClLedger      *ledger,
                            guint          limit,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GArray) ids = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_EVENT_QUERY (self), NULL);
  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  stmt = prepare (self, ledger, SELECT_IDS, error);
  if (stmt == NULL)
    return NULL;
  bind_int64 (stmt, ":limit", limit == 0 ? -1 : (gint64) limit);

  db = cl_ledger_get_db (ledger);
  /* A sort over a million rows must stop as soon as the user asks for another one. */
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 20000, progress_cancelled, cancellable);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1024);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 0, NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (rc != SQLITE_DONE)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not list the consent events"));
      return NULL;
    }
  /* The array grew by doubling: hand back exactly what it holds (8 MB, not 16, for 1M ids). */
  if (ids->len < 4096)
    return g_steal_pointer (&ids);
  {
    GArray *exact = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);
    g_array_append_vals (exact, ids->data, ids->len);
    return exact;
  }
}

char **
cl_event_query_list_policy_versions (ClLedger  *ledger,
                                     GError   **error)
{
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);

  stmt = cl_ledger_statement (ledger,
                              "SELECT version FROM policy_versions ORDER BY effective, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (versions, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not read the policy versions"));
      return NULL;
    }
  g_ptr_array_add (versions, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&versions), FALSE);
}
