/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-request.c: the request register and every step of a request's life, each one transaction
 * with its timeline row and its audit entry. The law (due dates, the status machine) is asked
 * of cl-deadline; this file only stores what it decides. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-audit.h"
#include "cl-error.h"
#include "cl-ledger-private.h"
#include "cl-request.h"

#define TODAY_ENV "CONSENT_LEDGER_TODAY"

static const char * const type_names[] = {
  "access", "erasure", "portability", "rectification", "restriction", "objection", "withdrawal",
};

G_STATIC_ASSERT (G_N_ELEMENTS (type_names) == CL_REQUEST_N_TYPES);

struct _ClRequest
{
  GObject          parent_instance;

  gint64           id;
  char            *reference;
  ClRequestType    type;
  gint64           subject_id;
  char            *subject_label;
  ClJurisdiction   jurisdiction;
  ClRequestStatus  status;
  GDate            received;
  GDate            extended_until;  /* invalid when not extended */
  char            *extension_reason;
  GDate            paused_since;    /* invalid when the clock runs */
  guint            paused_days;
  char            *verification;
  char            *resolution;
  char            *notes;
  char            *created_at;
  char            *closed_at;
  GPtrArray       *steps;
  GPtrArray       *files;

  /* Derived when loaded. */
  GDate            today;
  GDate            due;
  ClRequestStatus  paused_from;
};

G_DEFINE_FINAL_TYPE (ClRequest, cl_request, G_TYPE_OBJECT)

/* ------------------------------------------------------------------------------------------ */
/* Names, labels and dates                                                                    */

const char *
cl_request_type_to_string (ClRequestType type)
{
  g_return_val_if_fail (type < CL_REQUEST_N_TYPES, NULL);
  return type_names[type];
}

gboolean
cl_request_type_from_string (const char    *text,
                             ClRequestType *type)
{
  g_return_val_if_fail (type != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (type_names); i++)
    if (g_ascii_strcasecmp (text, type_names[i]) == 0)
      {
        *type = (ClRequestType) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cl_request_type_to_label (ClRequestType type)
{
  switch (type)
    {
    case CL_REQUEST_TYPE_ACCESS:
      return _("Access");
    case CL_REQUEST_TYPE_ERASURE:
      return _("Erasure");
    case CL_REQUEST_TYPE_PORTABILITY:
      return _("Portability");
    case CL_REQUEST_TYPE_RECTIFICATION:
      return _("Rectification");
    case CL_REQUEST_TYPE_RESTRICTION:
      return _("Restriction");
    case CL_REQUEST_TYPE_OBJECTION:
      return _("Objection");
    case CL_REQUEST_TYPE_WITHDRAWAL:
      /* Translators: also the request register's Type column, which has little room beside
       * the detail pane: one word if the language has one. */
      return _("Withdrawal of consent");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
cl_request_type_to_title (ClRequestType type)
{
  switch (type)
    {
    case CL_REQUEST_TYPE_ACCESS:
      return _("Access request");
    case CL_REQUEST_TYPE_ERASURE:
      return _("Erasure request");
    case CL_REQUEST_TYPE_PORTABILITY:
      return _("Portability request");
    case CL_REQUEST_TYPE_RECTIFICATION:
      return _("Rectification request");
    case CL_REQUEST_TYPE_RESTRICTION:
      return _("Restriction request");
    case CL_REQUEST_TYPE_OBJECTION:
      return _("Objection request");
    case CL_REQUEST_TYPE_WITHDRAWAL:
      return _("Withdrawal of consent request");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
cl_request_status_to_label (ClRequestStatus status)
{
  switch (status)
    {
    case CL_REQUEST_STATUS_RECEIVED:
      return _("Received");
    case CL_REQUEST_STATUS_VERIFYING:
      return _("Verifying ID");
    case CL_REQUEST_STATUS_IN_PROGRESS:
      return _("In progress");
    case CL_REQUEST_STATUS_PAUSED:
      return _("Paused");
    case CL_REQUEST_STATUS_COMPLETED:
      return _("Completed");
    case CL_REQUEST_STATUS_REJECTED:
      return _("Rejected");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
cl_request_step_action_to_label (const char *action)
{
  static const struct { const char *action; const char *label; } labels[] = {
    { "received", N_("Received") },
    { "verification_started", N_("Identity verification started") },
    { "verified", N_("Identity verified") },
    { "extended", N_("Deadline extended") },
    { "paused", N_("Clock paused") },
    { "resumed", N_("Clock resumed") },
    { "completed", N_("Completed") },
    { "rejected", N_("Rejected") },
    { "note", N_("Note") },
    { "file", N_("File produced") },
    { "erased", N_("Subject erased") },
    { "receipt_confirmed", N_("Receipt confirmed") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (action, labels[i].action) == 0)
      return _(labels[i].label);
  /* Steps added by other features (reports, erasure) name themselves. */
  return action;
}

gboolean
cl_request_parse_date (const char *text,
                       GDate      *date)
{
  guint year = 0, month = 0, day = 0;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  day = (text[8] - '0') * 10 + (text[9] - '0');
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

char *
cl_request_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

void
cl_request_today (GDate *today)
{
  const char *fixed = g_getenv (TODAY_ENV);

  g_return_if_fail (today != NULL);

  if (fixed != NULL && cl_request_parse_date (fixed, today))
    return;
  if (fixed != NULL)
    g_warning ("%s=%s is not a YYYY-MM-DD date; using the real date", TODAY_ENV, fixed);

  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

/* The timestamp of a step. With a fixed "today" it falls on that day, so that a replayed
 * timeline reads in order. */
static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *fixed = g_getenv (TODAY_ENV);
  GDate date;

  if (fixed != NULL && cl_request_parse_date (fixed, &date))
    {
      g_autofree char *time_of_day = g_date_time_format (now, "%H:%M:%S");
      return g_strdup_printf ("%04u-%02u-%02uT%sZ", g_date_get_year (&date),
                              g_date_get_month (&date), g_date_get_day (&date), time_of_day);
    }
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* @message is marked with N_() by the caller: a whole sentence translates better than a noun
 * dropped into one, and it is translated only when the text is refused. */
static gboolean
check_text (const char  *text,
            const char  *message,
            GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT, _(message));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Steps and files                                                                            */

ClRequestStep *
cl_request_step_copy (const ClRequestStep *step)
{
  ClRequestStep *copy = g_new0 (ClRequestStep, 1);

  copy->id = step->id;
  copy->at = g_strdup (step->at);
  copy->actor = g_strdup (step->actor);
  copy->action = g_strdup (step->action);
  copy->detail = g_strdup (step->detail);
  return copy;
}

void
cl_request_step_free (ClRequestStep *step)
{
  if (step == NULL)
    return;
  g_free (step->at);
  g_free (step->actor);
  g_free (step->action);
  g_free (step->detail);
  g_free (step);
}

ClRequestFile *
cl_request_file_copy (const ClRequestFile *file)
{
  ClRequestFile *copy = g_new0 (ClRequestFile, 1);

  copy->id = file->id;
  copy->path = g_strdup (file->path);
  copy->format = g_strdup (file->format);
  copy->sha256 = g_strdup (file->sha256);
  copy->created_at = g_strdup (file->created_at);
  return copy;
}

void
cl_request_file_free (ClRequestFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_free (file->format);
  g_free (file->sha256);
  g_free (file->created_at);
  g_free (file);
}

G_DEFINE_BOXED_TYPE (ClRequestStep, cl_request_step, cl_request_step_copy, cl_request_step_free)
G_DEFINE_BOXED_TYPE (ClRequestFile, cl_request_file, cl_request_file_copy, cl_request_file_free)

/* ------------------------------------------------------------------------------------------ */
/* The object                                                                                 */

static void
cl_request_finalize (GObject *object)
{
  ClRequest *self = CL_REQUEST (object);

  g_free (self->reference);
  g_free (self->subject_label);
  g_free (self->extension_reason);
  g_free (self->verification);
  g_free (self->resolution);
  g_free (self->notes);
  g_free (self->created_at);
  g_free (self->closed_at);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->files, g_ptr_array_unref);

  G_OBJECT_CLASS (cl_request_parent_class)->finalize (object);
}

static void
cl_request_class_init (ClRequestClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_request_finalize;
}

static void
cl_request_init (ClRequest *self)
{
  g_date_clear (&self->received, 1);
  g_date_clear (&self->extended_until, 1);
  g_date_clear (&self->paused_since, 1);
  g_date_clear (&self->today, 1);
  g_date_clear (&self->due, 1);
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_request_step_free);
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_request_file_free);
}

/* The deadline facts, without the pause that may be running. */
static void
get_deadline (ClRequest  *self,
              ClDeadline *deadline)
{
  cl_deadline_restore (deadline, self->jurisdiction, &self->received,
                       g_date_valid (&self->extended_until) ? &self->extended_until : NULL,
                       self->paused_days);
}

/* The deadline as it would be if the clock resumed today. */
static void
get_deadline_as_of_today (ClRequest  *self,
                          ClDeadline *deadline)
{
  get_deadline (self, deadline);
  if (self->status == CL_REQUEST_STATUS_PAUSED && g_date_valid (&self->paused_since))
    cl_deadline_add_pause (deadline, &self->paused_since, &self->today);
}

/* Where a paused request resumes: the last status-changing step before the pause. */
static ClRequestStatus
derive_paused_from (ClRequest *self)
{
  ClRequestStatus from = CL_REQUEST_STATUS_RECEIVED;

  for (guint i = 0; i < self->steps->len; i++)
    {
      ClRequestStep *step = g_ptr_array_index (self->steps, i);

      if (g_strcmp0 (step->action, "verification_started") == 0)
        from = CL_REQUEST_STATUS_VERIFYING;
      else if (g_strcmp0 (step->action, "verified") == 0)
        from = CL_REQUEST_STATUS_IN_PROGRESS;
    }
  return from;
}

static void
update_derived (ClRequest *self)
{
  ClDeadline deadline;

  cl_request_today (&self->today);
  get_deadline_as_of_today (self, &deadline);
  cl_deadline_get_due (&deadline, &self->due);
  self->paused_from = self->status == CL_REQUEST_STATUS_PAUSED
                        ? derive_paused_from (self) : self->status;
}

gint64
cl_request_get_id (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), 0);
  return self->id;
}

const char *
cl_request_get_reference (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), NULL);
  return self->reference;
}

ClRequestType
cl_request_get_request_type (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), 0);
  return self->type;
}

const char *
cl_request_get_subject_label (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), NULL);
  return self->subject_label;
}

gboolean
cl_request_get_subject_erased (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), FALSE);

  /* Ledgers erased before the mark was kept in English hold it in the language of whoever
   * erased: recognised in the user's language as well. */
  return self->subject_id == 0
         && (g_strcmp0 (self->subject_label, CL_REQUEST_ERASED_SUBJECT) == 0
             || g_strcmp0 (self->subject_label, _(CL_REQUEST_ERASED_SUBJECT)) == 0);
}

const char *
cl_request_get_subject_display (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), NULL);

  if (cl_request_get_subject_erased (self))
    return _("(erased subject)");
  return self->subject_label;
}

gint64
cl_request_get_subject_id (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), 0);
  return self->subject_id;
}

ClJurisdiction
cl_request_get_jurisdiction (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), 0);
  return self->jurisdiction;
}

ClRequestStatus
cl_request_get_status (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), 0);
  return self->status;
}

gboolean
cl_request_is_open (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), FALSE);
  return cl_request_status_is_open (self->status);
}

ClRequestStatus
cl_request_get_paused_from (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), 0);
  return self->paused_from;
}

const GDate *
cl_request_get_received (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), NULL);
  return &self->received;
}

const GDate *
cl_request_get_due (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), NULL);
  return &self->due;
}

const GDate *
cl_request_get_as_of (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), NULL);
  return &self->today;
}

int
cl_request_get_days_left (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), 0);
  return cl_deadline_days_left (&self->due, &self->today);
}

ClUrgency
cl_request_get_urgency (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), CL_URGENCY_OK);

  if (!cl_request_status_is_open (self->status))
    return CL_URGENCY_OK;
  return cl_deadline_urgency (&self->due, &self->today);
}

gboolean
cl_request_get_extended (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), FALSE);
  return g_date_valid (&self->extended_until);
}

const char *
cl_request_get_extension_reason (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), NULL);
  return self->extension_reason;
}

gboolean
cl_request_get_extension_limit (ClRequest *self,
                                GDate     *max_due)
{
  ClDeadline deadline;

  g_return_val_if_fail (CL_IS_REQUEST (self), FALSE);
  g_return_val_if_fail (max_due != NULL, FALSE);

  if (!cl_request_status_is_open (self->status))
    return FALSE;
  get_deadline_as_of_today (self, &deadline);
  if (!cl_deadline_can_extend (&deadline, &self->today, NULL))
    return FALSE;
  cl_deadline_get_extension_limit (&deadline, max_due);
  return TRUE;
}

guint
cl_request_get_paused_days (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), 0);
  return self->paused_days;
}

const GDate *
cl_request_get_paused_since (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), NULL);
  return g_date_valid (&self->paused_since) ? &self->paused_since : NULL;
}

gboolean
cl_request_get_confirmation_due (ClRequest *self,
                                 GDate     *confirm_by)
{
  ClDeadline deadline;

  g_return_val_if_fail (CL_IS_REQUEST (self), FALSE);

  get_deadline (self, &deadline);
  return cl_deadline_get_confirmation_due (&deadline, confirm_by);
}

const char *
cl_request_get_receipt_confirmed (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), NULL);

  for (guint i = 0; i < self->steps->len; i++)
    {
      ClRequestStep *step = g_ptr_array_index (self->steps, i);

      if (g_strcmp0 (step->action, "receipt_confirmed") == 0)
        return step->at;
    }
  return NULL;
}

const char *
cl_request_get_verification (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), NULL);
  return self->verification;
}

const char *
cl_request_get_resolution (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), NULL);
  return self->resolution;
}

const char *
cl_request_get_notes (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), NULL);
  return self->notes;
}

const char *
cl_request_get_created_at (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), NULL);
  return self->created_at;
}

const char *
cl_request_get_closed_at (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), NULL);
  return self->closed_at;
}

GPtrArray *
cl_request_get_steps (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), NULL);
  return self->steps;
}

GPtrArray *
cl_request_get_files (ClRequest *self)
{
  g_return_val_if_fail (CL_IS_REQUEST (self), NULL);
  return self->files;
}

static void
add_date_member (JsonBuilder *builder,
                 const char  *name,
                 const GDate *date)
{
  g_autofree char *text = date != NULL ? cl_request_format_date (date) : NULL;

  json_builder_set_member_name (builder, name);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
cl_request_to_json (ClRequest *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  static const char * const urgency_names[] = { "ok", "due_soon", "overdue" };
  GDate date;

  g_return_val_if_fail (CL_IS_REQUEST (self), NULL);

  json_builder_begin_object (builder);
  add_string_member (builder, "reference", self->reference);
  add_string_member (builder, "type", cl_request_type_to_string (self->type));
  add_string_member (builder, "subject", self->subject_label);
  json_builder_set_member_name (builder, "subject_found");
  json_builder_add_boolean_value (builder, self->subject_id != 0);
  add_string_member (builder, "jurisdiction", cl_jurisdiction_to_string (self->jurisdiction));
  add_string_member (builder, "status", cl_request_status_to_string (self->status));
  add_date_member (builder, "received", &self->received);
  add_date_member (builder, "due", &self->due);
  json_builder_set_member_name (builder, "days_left");
  if (cl_request_status_is_open (self->status))
    json_builder_add_int_value (builder, cl_request_get_days_left (self));
  else
    json_builder_add_null_value (builder);
  add_string_member (builder, "urgency", urgency_names[cl_request_get_urgency (self)]);
  json_builder_set_member_name (builder, "extended");
  json_builder_add_boolean_value (builder, cl_request_get_extended (self));
  add_string_member (builder, "extension_reason", self->extension_reason);
  add_date_member (builder, "paused_since", cl_request_get_paused_since (self));
  json_builder_set_member_name (builder, "paused_days");
  json_builder_add_int_value (builder, self->paused_days);
  add_date_member (builder, "confirm_receipt_by",
                   cl_request_get_confirmation_due (self, &date) ? &date : NULL);
  add_string_member (builder, "receipt_confirmed", cl_request_get_receipt_confirmed (self));
  add_string_member (builder, "verification", self->verification);
  add_string_member (builder, "resolution", self->resolution);
  add_string_member (builder, "notes", self->notes);
  add_string_member (builder, "created_at", self->created_at);
  add_string_member (builder, "closed_at", self->closed_at);

  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->steps->len; i++)
    {
      ClRequestStep *step = g_ptr_array_index (self->steps, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "at", step->at);
      add_string_member (builder, "actor", step->actor);
      add_string_member (builder, "action", step->action);
      add_string_member (builder, "detail", step->detail);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->files->len; i++)
    {
      ClRequestFile *file = g_ptr_array_index (self->files, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "path", file->path);
      add_string_member (builder, "format", file->format);
      add_string_member (builder, "sha256", file->sha256);
      add_string_member (builder, "created_at", file->created_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* ------------------------------------------------------------------------------------------ */
/* Reading                                                                                    */

#define REQUEST_COLUMNS \
  "id, reference, type, subject_id, subject_label, jurisdiction, status, received," \
  " extended_until, extension_reason, paused_since, paused_days, verification, resolution," \
  " notes, created_at, closed_at"

#define TEXT(i) ((const char *) sqlite3_column_text (stmt, (i)))

static void
set_date_column (GDate      *date,
                 const char *text)
{
  if (text == NULL || !cl_request_parse_date (text, date))
    g_date_clear (date, 1);
}

static gboolean
load_steps_and_files (ClLedger   *ledger,
                      ClRequest  *self,
                      GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = cl_ledger_statement (ledger,
                              "SELECT id, at, actor, action, detail FROM request_steps"
                              " WHERE request_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClRequestStep *step = g_new0 (ClRequestStep, 1);

      step->id = sqlite3_column_int64 (stmt, 0);
      step->at = g_strdup (TEXT (1));
      step->actor = g_strdup (TEXT (2));
      step->action = g_strdup (TEXT (3));
      step->detail = g_strdup (TEXT (4));
      g_ptr_array_add (self->steps, step);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not read the request’s steps"));

  stmt = cl_ledger_statement (ledger,
                              "SELECT id, path, format, sha256, created_at FROM request_files"
                              " WHERE request_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClRequestFile *file = g_new0 (ClRequestFile, 1);

      file->id = sqlite3_column_int64 (stmt, 0);
      file->path = g_strdup (TEXT (1));
      file->format = g_strdup (TEXT (2));
      file->sha256 = g_strdup (TEXT (3));
      file->created_at = g_strdup (TEXT (4));
      g_ptr_array_add (self->files, file);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not read the request’s files"));
  return TRUE;
}

/* A request from the current row of stmt (REQUEST_COLUMNS), without steps and files. */
static ClRequest *
request_from_row (sqlite3_stmt *stmt)
{
  ClRequest *self = g_object_new (CL_TYPE_REQUEST, NULL);
  ClRequestType type = CL_REQUEST_TYPE_ACCESS;
  ClJurisdiction jurisdiction = CL_JURISDICTION_GDPR;
  ClRequestStatus status = CL_REQUEST_STATUS_RECEIVED;

  /* The schema's CHECK constraints keep these valid. */
  cl_request_type_from_string (TEXT (2), &type);
  cl_jurisdiction_from_string (TEXT (5), &jurisdiction);
  cl_request_status_from_string (TEXT (6), &status);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->reference = g_strdup (TEXT (1));
  self->type = type;
  self->subject_id = sqlite3_column_int64 (stmt, 3);
  self->subject_label = g_strdup (TEXT (4));
  self->jurisdiction = jurisdiction;
  self->status = status;
  set_date_column (&self->received, TEXT (7));
  set_date_column (&self->extended_until, TEXT (8));
  self->extension_reason = g_strdup (TEXT (9));
  set_date_column (&self->paused_since, TEXT (10));
  self->paused_days = (guint) MAX (sqlite3_column_int64 (stmt, 11), 0);
  self->verification = g_strdup (TEXT (12));
  self->resolution = g_strdup (TEXT (13));
  self->notes = g_strdup (TEXT (14));
  self->created_at = g_strdup (TEXT (15));
  self->closed_at = g_strdup (TEXT (16));
  return self;
}

static ClRequest *
load_request (ClLedger    *ledger,
              const char  *reference,
              GError     **error)
{
  g_autoptr(ClRequest) self = NULL;
  g_autofree char *upper = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (is_blank (reference) || !g_utf8_validate (reference, -1, NULL))
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                           _("A request reference such as DSR-2026-0042 is needed."));
      return NULL;
    }
  upper = g_strstrip (g_ascii_strup (reference, -1));

  stmt = cl_ledger_statement (ledger,
                              "SELECT " REQUEST_COLUMNS " FROM requests WHERE reference = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, upper, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    self = request_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND,
                   /* Translators: %s is a request reference, e.g. DSR-2026-0042. */
                   _("There is no request %s in this ledger."), upper);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not read the request"));
      return NULL;
    }
  if (!load_steps_and_files (ledger, self, error))
    return NULL;
  update_derived (self);
  return g_steal_pointer (&self);
}

ClRequest *
cl_request_load (ClLedger    *ledger,
                 const char  *reference,
                 GError     **error)
{
  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_request (ledger, reference, error);
}

static int
compare_register (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  ClRequest *first = CL_REQUEST ((gpointer) a);
  ClRequest *second = CL_REQUEST ((gpointer) b);
  gboolean first_open = cl_request_status_is_open (first->status);
  gboolean second_open = cl_request_status_is_open (second->status);
  int order;

  if (first_open != second_open)
    return first_open ? -1 : 1;
  if (first_open)
    {
      order = g_date_compare (&first->due, &second->due);
      if (order != 0)
        return order;
      return g_strcmp0 (first->reference, second->reference);
    }
  /* Closed: the latest closed first. */
  order = g_strcmp0 (second->closed_at, first->closed_at);
  if (order != 0)
    return order;
  return g_strcmp0 (second->reference, first->reference);
}

GListStore *
cl_request_list (ClLedger               *ledger,
                 const ClRequestFilter  *filter,
                 GError                **error)
{
  g_autoptr(GListStore) store = g_list_store_new (CL_TYPE_REQUEST);
  static const ClRequestFilter everything = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL)
    filter = &everything;

  /* A register holds hundreds or a few thousand requests: read them all, then filter on what
   * only the clock knows (the due date of a paused request moves every day). */
  stmt = cl_ledger_statement (ledger, "SELECT " REQUEST_COLUMNS " FROM requests ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;

  {
    g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func (g_object_unref);

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        ClRequest *request = request_from_row (stmt);

        if ((filter->status_mask != 0 && !(filter->status_mask & (1u << request->status)))
            || (filter->type_mask != 0 && !(filter->type_mask & (1u << request->type)))
            || (filter->open_only && !cl_request_status_is_open (request->status)))
          {
            g_object_unref (request);
            continue;
          }
        g_ptr_array_add (requests, request);
      }
    sqlite3_reset (stmt);
    if (rc != SQLITE_DONE)
      {
        cl_ledger_set_db_error (ledger, error, _("Could not read the requests"));
        return NULL;
      }

    for (guint i = 0; i < requests->len; i++)
      {
        ClRequest *request = g_ptr_array_index (requests, i);

        if (!load_steps_and_files (ledger, request, error))
          return NULL;
        update_derived (request);
        if (filter->overdue_only && cl_request_get_urgency (request) != CL_URGENCY_OVERDUE)
          continue;
        g_list_store_append (store, request);
      }
  }

  g_list_store_sort (store, compare_register, NULL);
  return g_steal_pointer (&store);
}

/* ------------------------------------------------------------------------------------------ */
/* Subjects                                                                                   */

static gboolean
lookup_identifier (ClLedger    *ledger,
                   const char  *value,
                   gint64      *subject_id,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* A consent id names one device; an account or an e-mail may link several devices to one
   * person, so prefer them in that order when values collide across kinds. */
  stmt = cl_ledger_statement (ledger,
                              "SELECT subject_id FROM identifiers WHERE value = ?"
                              " ORDER BY CASE kind WHEN 'consent_id' THEN 0"
                              "                    WHEN 'account' THEN 1 ELSE 2 END LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *subject_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not look the subject up"));
  return TRUE;
}

/* 0 when no subject has the identifier. E-mail addresses are also tried in lower case,
 * since that is how a CMP usually stores them and not always how a person writes them. */
static gboolean
find_subject_id (ClLedger    *ledger,
                 const char  *identifier,
                 gint64      *subject_id,
                 GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (identifier));

  if (!lookup_identifier (ledger, trimmed, subject_id, error))
    return FALSE;
  if (*subject_id == 0 && strchr (trimmed, '@') != NULL)
    {
      g_autofree char *lower = g_utf8_strdown (trimmed, -1);

      if (g_strcmp0 (lower, trimmed) != 0 && !lookup_identifier (ledger, lower, subject_id, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
cl_request_find_subject (ClLedger    *ledger,
                         const char  *identifier,
                         gint64      *out_subject_id,
                         GStrv       *out_identifiers,
                         GError     **error)
{
  g_autoptr(GStrvBuilder) identifiers = NULL;
  sqlite3_stmt *stmt;
  gint64 subject_id = 0;
  int rc;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_blank (identifier) || !g_utf8_validate (identifier, -1, NULL))
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                           _("Enter a consent id, an e-mail address or an account id."));
      return FALSE;
    }
  if (!find_subject_id (ledger, identifier, &subject_id, error))
    return FALSE;
  if (subject_id == 0)
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND,
                           _("No subject in the ledger has this identifier."));
      return FALSE;
    }

  if (out_identifiers != NULL)
    {
      identifiers = g_strv_builder_new ();
      stmt = cl_ledger_statement (ledger,
                                  "SELECT kind, value FROM identifiers WHERE subject_id = ?"
                                  " ORDER BY kind, value LIMIT 50", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, subject_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autofree char *line = g_strdup_printf ("%s: %s", TEXT (0), TEXT (1));
          g_strv_builder_add (identifiers, line);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return cl_ledger_set_db_error (ledger, error,
                                       _("Could not read the subject’s identifiers"));
      *out_identifiers = g_strv_builder_end (identifiers);
    }
  if (out_subject_id != NULL)
    *out_subject_id = subject_id;
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Writing                                                                                    */

static void
bind_date (sqlite3_stmt *stmt,
           int           column,
           const GDate  *date)
{
  g_autofree char *text = g_date_valid (date) ? cl_request_format_date (date) : NULL;

  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

/* Writes the request's mutable columns; `due` is stored without a running pause, the value
 * the register orders and filters by until the clock resumes. */
static gboolean
save_request (ClLedger   *ledger,
              ClRequest  *self,
              GError    **error)
{
  ClDeadline deadline;
  GDate stored_due;
  sqlite3_stmt *stmt;

  get_deadline (self, &deadline);
  cl_deadline_get_due (&deadline, &stored_due);

  stmt = cl_ledger_statement (ledger,
                              "UPDATE requests SET status = ?, due = ?, extended_until = ?,"
                              " extension_reason = ?, paused_since = ?, paused_days = ?,"
                              " verification = ?, resolution = ?, notes = ?, closed_at = ?"
                              " WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cl_request_status_to_string (self->status), -1, SQLITE_STATIC);
  bind_date (stmt, 2, &stored_due);
  bind_date (stmt, 3, &self->extended_until);
  sqlite3_bind_text (stmt, 4, self->extension_reason, -1, SQLITE_TRANSIENT);
  bind_date (stmt, 5, &self->paused_since);
  sqlite3_bind_int64 (stmt, 6, self->paused_days);
  sqlite3_bind_text (stmt, 7, self->verification, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, self->resolution, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, self->notes != NULL ? self->notes : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, self->closed_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 11, self->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not update the request"));
  return TRUE;
}

/* The timeline row and the audit entry of one step. The audit log is append-only and can never
 * be scrubbed, so it gets audit_detail: a fixed text naming the step, never what the officer
 * typed (reasons, notes, the verification) nor an identifier. detail, which may hold both,
 * stays in request_steps, which an erasure scrubs. */
static gboolean
write_step (ClLedger    *ledger,
            gint64       request_id,
            const char  *reference,
            const char  *action,
            const char  *detail,
            const char  *audit_detail,
            GError     **error)
{
  g_autofree char *at = now_iso ();
  sqlite3_stmt *stmt;

  stmt = cl_ledger_statement (ledger,
                              "INSERT INTO request_steps (request_id, at, actor, action, detail)"
                              " VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request_id);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, g_get_user_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, detail != NULL ? detail : "", -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not record the step"));

  g_assert (audit_detail != NULL);
  return cl_audit_append (ledger, action, "request", reference, audit_detail, error);
}

static char *
next_reference (ClLedger    *ledger,
                guint        year,
                GError     **error)
{
  g_autofree char *pattern = g_strdup_printf ("DSR-%04u-%%", year);
  sqlite3_stmt *stmt;
  gint64 last = 0;
  int rc;

  stmt = cl_ledger_statement (ledger,
                              "SELECT MAX(CAST(substr(reference, 10) AS INTEGER)) FROM requests"
                              " WHERE reference LIKE ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    last = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not number the request"));
      return NULL;
    }
  return g_strdup_printf ("DSR-%04u-%04" G_GINT64_FORMAT, year, last + 1);
}

ClRequest *
cl_request_create (ClLedger        *ledger,
                   ClRequestType    type,
                   const char      *subject,
                   ClJurisdiction   jurisdiction,
                   const GDate     *received,
                   GError         **error)
{
  g_autofree char *reference = NULL;
  g_autofree char *label = NULL;
  g_autofree char *received_text = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *detail = NULL;
  ClDeadline deadline;
  GDate today;
  GDate receipt;
  GDate due;
  gint64 subject_id = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (type < CL_REQUEST_N_TYPES, NULL);
  g_return_val_if_fail (jurisdiction <= CL_JURISDICTION_CCPA, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_text (subject, N_("The subject’s identifier is not valid UTF-8 text."), error))
    return NULL;
  if (is_blank (subject))
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                           _("A request needs the subject’s identifier: a consent id, an e-mail "
                             "address or an account id."));
      return NULL;
    }

  cl_request_today (&today);
  if (received != NULL && !g_date_valid (received))
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                           _("The received date is not a valid date."));
      return NULL;
    }
  receipt = received != NULL ? *received : today;
  received_text = cl_request_format_date (&receipt);
  if (g_date_compare (&receipt, &today) > 0)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   /* Translators: %s is a date, YYYY-MM-DD. */
                   _("The received date %s is in the future."), received_text);
      return NULL;
    }

  cl_deadline_init (&deadline, jurisdiction, &receipt);
  cl_deadline_get_due (&deadline, &due);
  due_text = cl_request_format_date (&due);
  label = g_strstrip (g_strdup (subject));
  created_at = now_iso ();

  if (!cl_ledger_begin (ledger, error))
    return NULL;

  if (!find_subject_id (ledger, label, &subject_id, error)
      || !(reference = next_reference (ledger, g_date_get_year (&receipt), error)))
    goto fail;

  stmt = cl_ledger_statement (ledger,
                              "INSERT INTO requests (reference, type, subject_id, subject_label,"
                              " jurisdiction, status, received, due, created_at)"
                              " VALUES (?, ?, ?, ?, ?, 'received', ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, cl_request_type_to_string (type), -1, SQLITE_STATIC);
  if (subject_id != 0)
    sqlite3_bind_int64 (stmt, 3, subject_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, cl_jurisdiction_to_string (jurisdiction), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, received_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, due_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, created_at, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not record the request"));
      goto fail;
    }

  /* The identifier itself stays out of the step and the audit log: if the subject is erased
   * later, the log must not still name them. */
  detail = g_strdup_printf ("%s request under the %s, received %s; due %s.%s",
                            type_names[type],
                            jurisdiction == CL_JURISDICTION_GDPR ? "GDPR" : "CCPA",
                            received_text, due_text,
                            subject_id != 0 ? ""
                              : " No subject in the ledger has the identifier given.");
  detail[0] = g_ascii_toupper (detail[0]);
  /* Built only from the type, the jurisdiction and dates: fit for the audit log as it is. */
  if (!write_step (ledger, sqlite3_last_insert_rowid (cl_ledger_get_db (ledger)), reference,
                   "received", detail, detail, error)
      || !cl_ledger_commit (ledger, error))
    goto fail;

  return load_request (ledger, reference, error);

fail:
  cl_ledger_rollback (ledger);
  return NULL;
}

/* One step on an existing request: load it inside the transaction (so nobody changes it in
 * between), let change() decide and edit the snapshot, save it, record the step. */
typedef struct
{
  const char  *action;
  char        *detail;        /* set by change() */
  char        *audit_detail;  /* set by change(): a fixed text, see write_step() */
  gconstpointer data;
} Step;

typedef gboolean (*StepFunc) (ClRequest  *request,
                              Step       *step,
                              GError    **error);

static ClRequest *
run_step (ClLedger    *ledger,
          const char  *reference,
          const char  *action,
          StepFunc     change,
          gconstpointer data,
          GError     **error)
{
  g_autoptr(ClRequest) request = NULL;
  g_autofree char *ref = NULL;
  Step step = { action, NULL, NULL, data };

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!cl_ledger_begin (ledger, error))
    return NULL;
  if (!(request = load_request (ledger, reference, error))
      || !change (request, &step, error)
      || !save_request (ledger, request, error)
      || !write_step (ledger, request->id, request->reference, action, step.detail,
                      step.audit_detail, error)
      || !cl_ledger_commit (ledger, error))
    {
      cl_ledger_rollback (ledger);
      g_free (step.detail);
      g_free (step.audit_detail);
      return NULL;
    }
  g_free (step.detail);
  g_free (step.audit_detail);

  ref = g_strdup (request->reference);
  return load_request (ledger, ref, error);
}

static gboolean
check_transition (ClRequest        *request,
                  ClRequestStatus   to,
                  const char       *reason,
                  GError          **error)
{
  return cl_request_status_check_transition (request->status, to, request->paused_from, reason,
                                             error);
}

static gboolean
change_confirm_receipt (ClRequest  *request,
                        Step       *step,
                        GError    **error)
{
  const char *confirmed = cl_request_get_receipt_confirmed (request);

  if (!cl_request_status_is_open (request->status))
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                           request->status == CL_REQUEST_STATUS_COMPLETED
                           ? _("The request is already completed; there is no receipt left "
                               "to confirm.")
                           : _("The request is already rejected; there is no receipt left "
                               "to confirm."));
      return FALSE;
    }
  if (confirmed != NULL)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                   /* Translators: %.10s is a date, YYYY-MM-DD. */
                   _("Receipt of the request was already confirmed on %.10s."), confirmed);
      return FALSE;
    }
  step->detail = g_strdup ("Told the subject that the request was received.");
  step->audit_detail = g_strdup ("Confirmed receipt of the request to the subject");
  return TRUE;
}

ClRequest *
cl_request_confirm_receipt (ClLedger    *ledger,
                            const char  *reference,
                            GError     **error)
{
  return run_step (ledger, reference, "receipt_confirmed", change_confirm_receipt, NULL, error);
}

static gboolean
change_start_verification (ClRequest  *request,
                           Step       *step,
                           GError    **error)
{
  if (!check_transition (request, CL_REQUEST_STATUS_VERIFYING, NULL, error))
    return FALSE;
  request->status = CL_REQUEST_STATUS_VERIFYING;
  step->detail = g_strdup ("Asked the subject to prove their identity.");
  step->audit_detail = g_strdup ("Asked the subject to prove their identity");
  return TRUE;
}

ClRequest *
cl_request_start_verification (ClLedger    *ledger,
                               const char  *reference,
                               GError     **error)
{
  return run_step (ledger, reference, "verification_started", change_start_verification, NULL,
                   error);
}

static gboolean
change_verify (ClRequest  *request,
               Step       *step,
               GError    **error)
{
  const char *method = step->data;

  /* received → verifying → in_progress: both moves must be allowed. */
  if (request->status == CL_REQUEST_STATUS_RECEIVED
      && !check_transition (request, CL_REQUEST_STATUS_VERIFYING, NULL, error))
    return FALSE;
  if (request->status != CL_REQUEST_STATUS_RECEIVED
      && !check_transition (request, CL_REQUEST_STATUS_IN_PROGRESS, NULL, error))
    return FALSE;

  request->status = CL_REQUEST_STATUS_IN_PROGRESS;
  g_free (request->verification);
  request->verification = g_strstrip (g_strdup (method));
  step->detail = g_strdup_printf ("Identity verified: %s", request->verification);
  step->audit_detail = g_strdup ("Verified the subject’s identity");
  return TRUE;
}

ClRequest *
cl_request_verify (ClLedger    *ledger,
                   const char  *reference,
                   const char  *method,
                   GError     **error)
{
  if (!check_text (method, N_("The verification method is not valid UTF-8 text."), error))
    return NULL;
  if (is_blank (method))
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                           _("Say how the identity was verified, e.g. “replied from the e-mail "
                             "address on file”."));
      return NULL;
    }
  return run_step (ledger, reference, "verified", change_verify, method, error);
}

typedef struct
{
  const char  *reason;
  const GDate *until;
} ExtendData;

static gboolean
change_extend (ClRequest  *request,
               Step       *step,
               GError    **error)
{
  const ExtendData *data = step->data;
  g_autofree char *old_due = cl_request_format_date (&request->due);
  g_autofree char *new_due = NULL;
  ClDeadline deadline;
  GDate due;

  if (!cl_request_status_is_open (request->status))
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                           request->status == CL_REQUEST_STATUS_COMPLETED
                           ? _("The request is already completed; a closed request "
                               "cannot be extended.")
                           : _("The request is already rejected; a closed request "
                               "cannot be extended."));
      return FALSE;
    }

  /* Counting a running pause up to today keeps the stored period end free of it: when the
   * clock resumes, the pause is added once, and the due date lands where it was asked to. */
  get_deadline_as_of_today (request, &deadline);
  if (!cl_deadline_extend (&deadline, &request->today, data->until, error))
    return FALSE;
  cl_deadline_get_due (&deadline, &due);
  new_due = cl_request_format_date (&due);

  request->extended_until = deadline.period_end;
  g_free (request->extension_reason);
  request->extension_reason = g_strstrip (g_strdup (data->reason));
  step->detail = g_strdup_printf ("Due date extended from %s to %s: %s", old_due, new_due,
                                  request->extension_reason);
  step->audit_detail = g_strdup_printf ("Extended the deadline from %s to %s", old_due, new_due);
  return TRUE;
}

ClRequest *
cl_request_extend (ClLedger     *ledger,
                   const char   *reference,
                   const char   *reason,
                   const GDate  *until,
                   GError      **error)
{
  ExtendData data = { reason, until };

  if (!check_text (reason, N_("The reason is not valid UTF-8 text."), error))
    return NULL;
  if (is_blank (reason))
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                           _("An extension needs a reason, which the subject must be told."));
      return NULL;
    }
  if (until != NULL && !g_date_valid (until))
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                           _("The extension date is not a valid date."));
      return NULL;
    }
  return run_step (ledger, reference, "extended", change_extend, &data, error);
}

static gboolean
change_pause (ClRequest  *request,
              Step       *step,
              GError    **error)
{
  const char *reason = step->data;

  if (!check_transition (request, CL_REQUEST_STATUS_PAUSED, NULL, error))
    return FALSE;
  request->status = CL_REQUEST_STATUS_PAUSED;
  request->paused_since = request->today;
  if (is_blank (reason))
    step->detail = g_strdup ("Clock stopped while waiting for the subject.");
  else
    {
      g_autofree char *text = g_strstrip (g_strdup (reason));
      step->detail = g_strdup_printf ("Clock stopped while waiting for the subject: %s", text);
    }
  step->audit_detail = g_strdup ("Paused the clock while waiting for the subject");
  return TRUE;
}

ClRequest *
cl_request_pause (ClLedger    *ledger,
                  const char  *reference,
                  const char  *reason,
                  GError     **error)
{
  if (!check_text (reason, N_("The reason is not valid UTF-8 text."), error))
    return NULL;
  return run_step (ledger, reference, "paused", change_pause, reason, error);
}

static gboolean
change_resume (ClRequest  *request,
               Step       *step,
               GError    **error)
{
  g_autofree char *due_text = NULL;
  ClDeadline deadline;
  guint days;

  if (request->status != CL_REQUEST_STATUS_PAUSED)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                   /* Translators: %s is the request's status, e.g. “In progress”. */
                   _("The request is not paused; its status is “%s”."),
                   cl_request_status_to_label (request->status));
      return FALSE;
    }
  if (!check_transition (request, request->paused_from, NULL, error))
    return FALSE;

  get_deadline_as_of_today (request, &deadline);
  days = deadline.paused_days - request->paused_days;
  request->paused_days = deadline.paused_days;
  g_date_clear (&request->paused_since, 1);
  request->status = request->paused_from;
  due_text = cl_request_format_date (&request->due);  /* already counts the pause up to today */
  step->detail = g_strdup_printf ("Clock restarted after %u day%s; due %s.", days,
                                  days == 1 ? "" : "s", due_text);
  step->audit_detail = g_strdup_printf ("Restarted the clock after %u day%s; due %s", days,
                                        days == 1 ? "" : "s", due_text);
  return TRUE;
}

ClRequest *
cl_request_resume (ClLedger    *ledger,
                   const char  *reference,
                   GError     **error)
{
  return run_step (ledger, reference, "resumed", change_resume, NULL, error);
}

static gboolean
change_close (ClRequest  *request,
              Step       *step,
              GError    **error)
{
  gboolean reject = g_strcmp0 (step->action, "rejected") == 0;
  const char *reason = step->data;
  ClRequestStatus to = reject ? CL_REQUEST_STATUS_REJECTED : CL_REQUEST_STATUS_COMPLETED;

  if (!check_transition (request, to, reason, error))
    return FALSE;
  request->status = to;
  g_free (request->resolution);
  request->resolution = is_blank (reason) ? NULL : g_strstrip (g_strdup (reason));
  g_free (request->closed_at);
  request->closed_at = now_iso ();
  if (reject)
    step->detail = g_strdup_printf ("Rejected: %s", request->resolution);
  else if (request->resolution != NULL)
    step->detail = g_strdup_printf ("Completed: %s", request->resolution);
  else
    step->detail = g_strdup ("Completed.");
  step->audit_detail = g_strdup (reject ? "Rejected the request" : "Completed the request");
  return TRUE;
}

ClRequest *
cl_request_complete (ClLedger    *ledger,
                     const char  *reference,
                     const char  *resolution,
                     GError     **error)
{
  if (!check_text (resolution, N_("The resolution is not valid UTF-8 text."), error))
    return NULL;
  return run_step (ledger, reference, "completed", change_close, resolution, error);
}

ClRequest *
cl_request_reject (ClLedger    *ledger,
                   const char  *reference,
                   const char  *reason,
                   GError     **error)
{
  if (!check_text (reason, N_("The reason is not valid UTF-8 text."), error))
    return NULL;
  return run_step (ledger, reference, "rejected", change_close, reason, error);
}

static gboolean
change_note (ClRequest  *request,
             Step       *step,
             GError    **error)
{
  g_autofree char *text = g_strstrip (g_strdup (step->data));
  char *notes;

  if (request->notes != NULL && request->notes[0] != '\0')
    notes = g_strconcat (request->notes, "\n\n", text, NULL);
  else
    notes = g_strdup (text);
  g_free (request->notes);
  request->notes = notes;
  step->detail = g_steal_pointer (&text);
  /* A note is free text and may name the person: the audit log only records that it exists. */
  step->audit_detail = g_strdup ("Added a note");
  return TRUE;
}

ClRequest *
cl_request_add_note (ClLedger    *ledger,
                     const char  *reference,
                     const char  *text,
                     GError     **error)
{
  if (!check_text (text, N_("The note is not valid UTF-8 text."), error))
    return NULL;
  if (is_blank (text))
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                           _("The note is empty."));
      return NULL;
    }
  return run_step (ledger, reference, "note", change_note, text, error);
}

/* ------------------------------------------------------------------------------------------ */
/* For other features: steps and files, inside the caller's transaction when there is one     */

static gboolean
find_request_id (ClLedger    *ledger,
                 const char  *reference,
                 gint64      *request_id,
                 char       **canonical,
                 GError     **error)
{
  g_autoptr(ClRequest) request = load_request (ledger, reference, error);

  if (request == NULL)
    return FALSE;
  *request_id = request->id;
  *canonical = g_strdup (request->reference);
  return TRUE;
}

static gboolean
begin_unless_in_transaction (ClLedger  *ledger,
                             gboolean  *own,
                             GError   **error)
{
  *own = !cl_ledger_in_transaction (ledger);
  return !*own || cl_ledger_begin (ledger, error);
}

static gboolean
finish (ClLedger  *ledger,
        gboolean   own,
        gboolean   ok,
        GError   **error)
{
  if (!own)
    return ok;  /* the caller commits or rolls back the whole */
  if (ok && cl_ledger_commit (ledger, error))
    return TRUE;
  cl_ledger_rollback (ledger);
  return FALSE;
}

gboolean
cl_request_add_step (ClLedger    *ledger,
                     const char  *reference,
                     const char  *action,
                     const char  *detail,
                     GError     **error)
{
  g_autofree char *canonical = NULL;
  g_autofree char *audit_detail = NULL;
  gint64 request_id = 0;
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_text (action, N_("The step’s action is not valid UTF-8 text."), error)
      || !check_text (detail, N_("The step’s detail is not valid UTF-8 text."), error))
    return FALSE;
  if (is_blank (action))
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                           _("A request step needs an action."));
      return FALSE;
    }
  /* detail is the caller's text and may name the subject: the audit log names the step only
   * (action is a word chosen by the calling code, not by the officer). */
  if (g_str_equal (action, "erased"))
    audit_detail = g_strdup ("Recorded the erasure of the subject");
  else
    audit_detail = g_strdup_printf ("Recorded the step “%s”", action);

  if (!begin_unless_in_transaction (ledger, &own, error))
    return FALSE;
  ok = find_request_id (ledger, reference, &request_id, &canonical, error)
       && write_step (ledger, request_id, canonical, action, detail, audit_detail, error);
  return finish (ledger, own, ok, error);
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

gboolean
cl_request_add_file (ClLedger    *ledger,
                     const char  *reference,
                     const char  *path,
                     const char  *format,
                     const char  *sha256,
                     GError     **error)
{
  g_autofree char *canonical = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *audit_detail = NULL;
  sqlite3_stmt *stmt;
  gint64 request_id = 0;
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_text (path, N_("The file’s path is not valid UTF-8 text."), error)
      || !check_text (format, N_("The file’s format is not valid UTF-8 text."), error))
    return FALSE;
  if (is_blank (path) || is_blank (format))
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                           _("A produced file needs its path and its format."));
      return FALSE;
    }
  if (!is_sha256 (sha256))
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                           _("A produced file’s SHA-256 must be 64 hexadecimal digits."));
      return FALSE;
    }

  digest = g_ascii_strdown (sha256, -1);
  created_at = now_iso ();
  detail = g_strdup_printf ("%s file %s (SHA-256 %s)", format, path, digest);
  /* The file name may carry the subject's identifier; the audit log keeps only what proves
   * the file: its format and digest. */
  audit_detail = g_strdup_printf ("Recorded a %s file (SHA-256 %s)", format, digest);

  if (!begin_unless_in_transaction (ledger, &own, error))
    return FALSE;
  ok = find_request_id (ledger, reference, &request_id, &canonical, error);
  if (ok)
    {
      stmt = cl_ledger_statement (ledger,
                                  "INSERT INTO request_files (request_id, path, format, sha256,"
                                  " created_at) VALUES (?, ?, ?, ?, ?)", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, request_id);
          sqlite3_bind_text (stmt, 2, path, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, format, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 4, digest, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 5, created_at, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            ok = cl_ledger_set_db_error (ledger, error, _("Could not record the file"));
        }
    }
  ok = ok && write_step (ledger, request_id, canonical, "file", detail, audit_detail, error);
  return finish (ledger, own, ok, error);
}
