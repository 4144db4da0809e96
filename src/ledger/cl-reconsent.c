/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-reconsent.c: the re-consent rule of cl-reconsent.h, as one pass over the subjects' current
 * states. The version ordering is decided in C (cl-policy.c) and handed to SQL as a list. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-audit.h"
#include "cl-error.h"
#include "cl-ledger-private.h"
#include "cl-policy.h"
#include "cl-reconsent-private.h"
#include "cl-settings.h"
#include "cl-time.h"

#define DEFAULT_AGE_MONTHS 13

#define BY_POLICY CL_RECONSENT_SQL_BY_POLICY
#define DUE CL_RECONSENT_SQL_DUE

const char *
cl_reconsent_reason_to_string (ClReconsentReason reason)
{
  return reason == CL_RECONSENT_REASON_POLICY ? "policy" : "age";
}

void
cl_reconsent_free (ClReconsent *self)
{
  if (self == NULL)
    return;
  if (self->subjects != NULL)
    {
      for (guint i = 0; i < self->subjects->len; i++)
        {
          ClReconsentSubject *subject = &g_array_index (self->subjects, ClReconsentSubject, i);
          g_free (subject->subject);
          g_free (subject->policy_version);
        }
      g_array_unref (self->subjects);
    }
  g_free (self->significant_version);
  g_free (self->significant_effective);
  g_free (self);
}

guint64
cl_reconsent_get_count (const ClReconsent *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_policy + self->n_age;
}

int
cl_reconsent_get_age_months (ClLedger *ledger)
{
  const ClSettingInfo *info = cl_settings_lookup ("reconsent.months");
  int months;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), DEFAULT_AGE_MONTHS);

  months = cl_ledger_get_setting_int (ledger, "reconsent.months", DEFAULT_AGE_MONTHS);
  return months >= info->minimum && months <= info->maximum ? months : DEFAULT_AGE_MONTHS;
}

gboolean
cl_reconsent_set_age_months (ClLedger  *ledger,
                             int        months,
                             GError   **error)
{
  g_autofree char *value = g_strdup_printf ("%d", months);

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);

  /* The settings module validates and audits every setting the same way. */
  return cl_settings_change (ledger, "reconsent.months", value, error);
}

/* The subjects' latest events are scattered over the whole events table: read through a
 * memory map, they come several times faster than as page copies. Not inside a transaction
 * (SQLite only applies it to the next one), and harmless to set twice. */
static gboolean
use_memory_map (ClLedger  *ledger,
                GError   **error)
{
  if (cl_ledger_in_transaction (ledger))
    return TRUE;
  return cl_ledger_exec (ledger, "PRAGMA mmap_size = 4294967296", error);
}

/* Lets a GCancellable stop a long statement: SQLite calls this every few thousand steps. */
static int
check_cancelled (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

static void
watch_cancellable (ClLedger     *ledger,
                   GCancellable *cancellable)
{
  sqlite3_progress_handler (cl_ledger_get_db (ledger), cancellable != NULL ? 10000 : 0,
                            cancellable != NULL ? check_cancelled : NULL, cancellable);
}

static gboolean
step_failed (ClLedger      *ledger,
             GCancellable  *cancellable,
             GError       **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return cl_ledger_set_db_error (ledger, error, _("Could not work out who must consent again"));
}

static gint64
months_before (gint64 now_ms,
               int    months)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (now_ms / 1000);
  g_autoptr(GDateTime) cutoff = NULL;

  if (now == NULL)
    return G_MININT64;
  /* Calendar months, so 13 months before 31 March is 28 (or 29) February of the year before. */
  cutoff = g_date_time_add_months (now, -months);
  if (cutoff == NULL)
    return G_MININT64;
  return g_date_time_to_unix (cutoff) * 1000 + now_ms % 1000;
}

static gint64
date_start_ms (const char *date)
{
  GDate parsed;
  g_autoptr(GDateTime) start = NULL;

  if (!cl_policy_parse_date (date, &parsed))
    return G_MININT64;
  start = g_date_time_new_utc (g_date_get_year (&parsed), g_date_get_month (&parsed),
                               g_date_get_day (&parsed), 0, 0, 0);
  return g_date_time_to_unix (start) * 1000;
}

/* Works out the rule's parameters: the latest significant version, the ids older than it, and
 * the age cutoff. */
ClReconsent *
cl_reconsent_prepare (ClLedger  *ledger,
                      gint64     now_ms,
                      char     **out_stale_ids,
                      gint64    *out_policy_start,
                      GError   **error)
{
  g_autoptr(ClReconsent) self = g_new0 (ClReconsent, 1);
  g_autoptr(GListStore) versions = NULL;
  g_autoptr(ClPolicyVersion) latest = NULL;
  g_autoptr(GError) local_error = NULL;
  GString *stale = g_string_new ("[");

  self->now_ms = now_ms;
  self->age_months = cl_reconsent_get_age_months (ledger);
  self->age_cutoff_ms = months_before (now_ms, self->age_months);
  *out_policy_start = G_MININT64;

  latest = cl_policy_latest_significant (ledger, now_ms, &local_error);
  if (local_error != NULL)
    {
      g_string_free (stale, TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (latest != NULL)
    {
      guint n;

      versions = cl_policy_list (ledger, error);
      if (versions == NULL)
        {
          g_string_free (stale, TRUE);
          return NULL;
        }
      n = g_list_model_get_n_items (G_LIST_MODEL (versions));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClPolicyVersion) version = g_list_model_get_item (G_LIST_MODEL (versions), i);

          if (cl_policy_version_is_older (version, latest))
            g_string_append_printf (stale, "%s%" G_GINT64_FORMAT, stale->len > 1 ? "," : "",
                                    cl_policy_version_get_id (version));
        }
      self->significant_version = g_strdup (cl_policy_version_get_version (latest));
      self->significant_effective = g_strdup (cl_policy_version_get_effective (latest));
      *out_policy_start = date_start_ms (self->significant_effective);
    }
  g_string_append_c (stale, ']');
  *out_stale_ids = g_string_free (stale, FALSE);
  return g_steal_pointer (&self);
}

void
cl_reconsent_bind_rule (sqlite3_stmt *stmt,
                        const char   *stale_ids,
                        gint64        policy_start,
                        gint64        age_cutoff)
{
  sqlite3_bind_text (stmt, 1, stale_ids, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, policy_start);
  sqlite3_bind_int64 (stmt, 3, age_cutoff);
}

ClReconsent *
cl_reconsent_compute (ClLedger          *ledger,
                      gint64             now_ms,
                      ClReconsentFlags   flags,
                      GCancellable      *cancellable,
                      GError           **error)
{
  g_autoptr(ClReconsent) self = NULL;
  g_autofree char *stale_ids = NULL;
  sqlite3_stmt *stmt;
  gint64 policy_start;
  int rc;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);

  if (!use_memory_map (ledger, error))
    return NULL;
  self = cl_reconsent_prepare (ledger, now_ms, &stale_ids, &policy_start, error);
  if (self == NULL)
    return NULL;

  if (!(flags & CL_RECONSENT_WITH_SUBJECTS))
    {
      stmt = cl_ledger_statement (ledger,
                                  "SELECT coalesce (sum (by_policy), 0),"
                                  "       coalesce (sum (NOT by_policy), 0)"
                                  " FROM (SELECT " BY_POLICY " AS by_policy"
                                  "       FROM subjects s JOIN events e ON e.id = s.latest_event_id"
                                  "       WHERE " DUE ")", error);
      if (stmt == NULL)
        return NULL;
      cl_reconsent_bind_rule (stmt, stale_ids, policy_start, self->age_cutoff_ms);
      watch_cancellable (ledger, cancellable);
      rc = sqlite3_step (stmt);
      watch_cancellable (ledger, NULL);
      if (rc != SQLITE_ROW)
        {
          step_failed (ledger, cancellable, error);
          return NULL;
        }
      self->n_policy = sqlite3_column_int64 (stmt, 0);
      self->n_age = sqlite3_column_int64 (stmt, 1);
      sqlite3_reset (stmt);
      return g_steal_pointer (&self);
    }

  stmt = cl_ledger_statement (ledger,
                              "SELECT s.id, i.value, e.recorded_at, pv.version,"
                              "       " BY_POLICY " AS by_policy"
                              " FROM subjects s"
                              " JOIN events e ON e.id = s.latest_event_id"
                              " JOIN identifiers i ON i.id = e.identifier_id"
                              " LEFT JOIN policy_versions pv ON pv.id = e.policy_id"
                              " WHERE " DUE
                              " ORDER BY by_policy DESC, e.recorded_at, s.id", error);
  if (stmt == NULL)
    return NULL;
  cl_reconsent_bind_rule (stmt, stale_ids, policy_start, self->age_cutoff_ms);
  self->subjects = g_array_new (FALSE, FALSE, sizeof (ClReconsentSubject));
  watch_cancellable (ledger, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClReconsentSubject subject;
      const char *version = (const char *) sqlite3_column_text (stmt, 3);

      subject.subject_id = sqlite3_column_int64 (stmt, 0);
      subject.subject = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      subject.last_event_ms = sqlite3_column_int64 (stmt, 2);
      subject.policy_version = g_strdup (version);
      subject.reason = sqlite3_column_int (stmt, 4) ? CL_RECONSENT_REASON_POLICY
                                                    : CL_RECONSENT_REASON_AGE;
      if (subject.reason == CL_RECONSENT_REASON_POLICY)
        self->n_policy++;
      else
        self->n_age++;
      g_array_append_val (self->subjects, subject);
    }
  watch_cancellable (ledger, NULL);
  if (rc != SQLITE_DONE)
    {
      step_failed (ledger, cancellable, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* RFC 4180: quote a field that holds a comma, a quote or a line break. */
static void
append_csv_field (GString    *out,
                  const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

gboolean
cl_reconsent_export_csv (ClLedger      *ledger,
                         gint64         now_ms,
                         const char    *path,
                         guint64       *out_n_subjects,
                         guint64       *out_n_rows,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(ClReconsent) self = NULL;
  g_autoptr(GString) csv = g_string_new ("consent_id,subject,reason,last_event,policy_version\r\n");
  g_autofree char *stale_ids = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 policy_start;
  gint64 last_subject = -1;
  guint64 n_subjects = 0, n_rows = 0;
  int rc;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!use_memory_map (ledger, error))
    return FALSE;
  self = cl_reconsent_prepare (ledger, now_ms, &stale_ids, &policy_start, error);
  if (self == NULL)
    return FALSE;

  stmt = cl_ledger_statement (ledger,
                              "SELECT s.id, d.value, i.value, e.recorded_at, pv.version,"
                              "       " BY_POLICY " AS by_policy"
                              " FROM subjects s"
                              " JOIN events e ON e.id = s.latest_event_id"
                              " JOIN identifiers i ON i.id = e.identifier_id"
                              " JOIN identifiers d ON d.subject_id = s.id AND d.kind = 'consent_id'"
                              " LEFT JOIN policy_versions pv ON pv.id = e.policy_id"
                              " WHERE " DUE
                              " ORDER BY by_policy DESC, e.recorded_at, s.id, d.value", error);
  if (stmt == NULL)
    return FALSE;
  cl_reconsent_bind_rule (stmt, stale_ids, policy_start, self->age_cutoff_ms);
  watch_cancellable (ledger, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 subject_id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *last_event = cl_time_format_rfc3339 (sqlite3_column_int64 (stmt, 3));

      if (subject_id != last_subject)
        n_subjects++;
      last_subject = subject_id;
      n_rows++;

      append_csv_field (csv, (const char *) sqlite3_column_text (stmt, 1));
      g_string_append_c (csv, ',');
      append_csv_field (csv, (const char *) sqlite3_column_text (stmt, 2));
      g_string_append_c (csv, ',');
      g_string_append (csv, sqlite3_column_int (stmt, 5) ? "policy" : "age");
      g_string_append_c (csv, ',');
      g_string_append (csv, last_event);
      g_string_append_c (csv, ',');
      append_csv_field (csv, (const char *) sqlite3_column_text (stmt, 4));
      g_string_append (csv, "\r\n");
    }
  watch_cancellable (ledger, NULL);
  if (rc != SQLITE_DONE)
    {
      step_failed (ledger, cancellable, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  /* Atomic (a temporary file renamed over the target) and owner-only: identifiers are
   * personal data. */
  if (!g_file_set_contents_full (path, csv->str, csv->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                 0600, &local_error))
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                   /* Translators: %s says why, e.g. “No space left on device”. */
                   _("Could not write the re-consent list: %s"), local_error->message);
      return FALSE;
    }
  if (out_n_subjects != NULL)
    *out_n_subjects = n_subjects;
  if (out_n_rows != NULL)
    *out_n_rows = n_rows;
  return TRUE;
}
