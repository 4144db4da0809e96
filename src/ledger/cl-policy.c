/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-policy.c: policy versions: validation, the text's SHA-256, and one audited transaction per
 * change. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-audit.h"
#include "cl-error.h"
#include "cl-ledger-private.h"
#include "cl-policy.h"
#include "cl-time.h"

#define MAX_LABEL_CHARS 64
#define MAX_SUMMARY_CHARS 4000

struct _ClPolicyVersion
{
  GObject   parent_instance;

  gint64    id;
  char     *version;
  char     *effective;
  char     *summary;
  char     *text_sha256;
  char     *created_at;
  gboolean  significant;
};

G_DEFINE_FINAL_TYPE (ClPolicyVersion, cl_policy_version, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VERSION,
  PROP_EFFECTIVE,
  PROP_SIGNIFICANT,
  PROP_SUMMARY,
  PROP_TEXT_SHA256,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_policy_version_finalize (GObject *object)
{
  ClPolicyVersion *self = CL_POLICY_VERSION (object);

  g_free (self->version);
  g_free (self->effective);
  g_free (self->summary);
  g_free (self->text_sha256);
  g_free (self->created_at);

  G_OBJECT_CLASS (cl_policy_version_parent_class)->finalize (object);
}

static void
cl_policy_version_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ClPolicyVersion *self = CL_POLICY_VERSION (object);

  switch (prop_id)
    {
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;

    case PROP_EFFECTIVE:
      g_value_set_string (value, self->effective);
      break;

    case PROP_SIGNIFICANT:
      g_value_set_boolean (value, self->significant);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_TEXT_SHA256:
      g_value_set_string (value, self->text_sha256);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_policy_version_class_init (ClPolicyVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_policy_version_finalize;
  object_class->get_property = cl_policy_version_get_property;

  properties[PROP_VERSION] =
    g_param_spec_string ("version", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EFFECTIVE] =
    g_param_spec_string ("effective", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIGNIFICANT] =
    g_param_spec_boolean ("significant", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT_SHA256] =
    g_param_spec_string ("text-sha256", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_policy_version_init (ClPolicyVersion *self)
{
}

gint64
cl_policy_version_get_id (ClPolicyVersion *self)
{
  g_return_val_if_fail (CL_IS_POLICY_VERSION (self), 0);
  return self->id;
}

const char *
cl_policy_version_get_version (ClPolicyVersion *self)
{
  g_return_val_if_fail (CL_IS_POLICY_VERSION (self), NULL);
  return self->version;
}

const char *
cl_policy_version_get_effective (ClPolicyVersion *self)
{
  g_return_val_if_fail (CL_IS_POLICY_VERSION (self), NULL);
  return self->effective;
}

gboolean
cl_policy_version_get_significant (ClPolicyVersion *self)
{
  g_return_val_if_fail (CL_IS_POLICY_VERSION (self), FALSE);
  return self->significant;
}

const char *
cl_policy_version_get_summary (ClPolicyVersion *self)
{
  g_return_val_if_fail (CL_IS_POLICY_VERSION (self), NULL);
  return self->summary;
}

const char *
cl_policy_version_get_summary_label (ClPolicyVersion *self)
{
  g_return_val_if_fail (CL_IS_POLICY_VERSION (self), NULL);

  if (g_strcmp0 (self->summary, CL_POLICY_FIRST_SEEN_SUMMARY) == 0)
    return _("First seen in an imported consent log");
  return self->summary;
}

const char *
cl_policy_version_get_text_sha256 (ClPolicyVersion *self)
{
  g_return_val_if_fail (CL_IS_POLICY_VERSION (self), NULL);
  return self->text_sha256;
}

const char *
cl_policy_version_get_created_at (ClPolicyVersion *self)
{
  g_return_val_if_fail (CL_IS_POLICY_VERSION (self), NULL);
  return self->created_at;
}

/* The UTC date of a Unix-millisecond time, as YYYY-MM-DD (comparable as text). */
static void
utc_date_string (gint64 now_ms,
                 char   buf[11])
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (now_ms / 1000);

  if (now == NULL)
    {
      g_strlcpy (buf, "9999-12-31", 11);
      return;
    }
  g_snprintf (buf, 11, "%04d-%02d-%02d", g_date_time_get_year (now),
              g_date_time_get_month (now), g_date_time_get_day_of_month (now));
}

gboolean
cl_policy_version_is_in_effect (ClPolicyVersion *self,
                                gint64           now_ms)
{
  char today[11];

  g_return_val_if_fail (CL_IS_POLICY_VERSION (self), FALSE);

  if (self->effective == NULL)
    return FALSE;
  utc_date_string (now_ms, today);
  return strcmp (self->effective, today) <= 0;
}

int
cl_policy_compare_labels (const char *a,
                          const char *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, 0);

  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          const char *a_end, *b_end;
          gsize a_len, b_len;

          /* Leading zeros carry no weight: "3.01" and "3.1" are the same number. */
          while (*a == '0' && g_ascii_isdigit (a[1]))
            a++;
          while (*b == '0' && g_ascii_isdigit (b[1]))
            b++;
          for (a_end = a; g_ascii_isdigit (*a_end); a_end++)
            ;
          for (b_end = b; g_ascii_isdigit (*b_end); b_end++)
            ;
          a_len = a_end - a;
          b_len = b_end - b;
          if (a_len != b_len)
            return a_len < b_len ? -1 : 1;
          for (; a < a_end; a++, b++)
            if (*a != *b)
              return *a < *b ? -1 : 1;
          continue;
        }
      if (*a != *b)
        return (guchar) *a < (guchar) *b ? -1 : 1;
      a++;
      b++;
    }
  if (*a == *b)
    return 0;
  return *a == '\0' ? -1 : 1;
}

gboolean
cl_policy_version_is_older (ClPolicyVersion *a,
                            ClPolicyVersion *b)
{
  int by_date;

  g_return_val_if_fail (CL_IS_POLICY_VERSION (a), FALSE);
  g_return_val_if_fail (CL_IS_POLICY_VERSION (b), FALSE);
  g_return_val_if_fail (b->effective != NULL, FALSE);

  if (a->id == b->id)
    return FALSE;
  /* An undated version (met in a log, never dated) can only be placed by its label. */
  by_date = a->effective != NULL ? strcmp (a->effective, b->effective) : 0;
  if (by_date != 0)
    return by_date < 0;
  return cl_policy_compare_labels (a->version, b->version) < 0;
}

static int
compare_versions (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  ClPolicyVersion *va = (ClPolicyVersion *) a;
  ClPolicyVersion *vb = (ClPolicyVersion *) b;
  int by_date;

  if ((va->effective == NULL) != (vb->effective == NULL))
    return va->effective == NULL ? -1 : 1;
  by_date = va->effective != NULL ? strcmp (va->effective, vb->effective) : 0;
  if (by_date != 0)
    return by_date;
  return cl_policy_compare_labels (va->version, vb->version);
}

gboolean
cl_policy_parse_date (const char *text,
                      GDate      *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  /* A year outside this range in a policy's date is a typing error, not a plan. */
  return text != NULL && cl_time_parse_date (text, out)
         && g_date_get_year (out) >= 1970 && g_date_get_year (out) <= 2999;
}

static char *
column_strdup_or_null (sqlite3_stmt *stmt,
                       int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

#define SELECT_VERSION \
  "SELECT id, version, effective, significant, summary, text_sha256, created_at" \
  " FROM policy_versions"

static ClPolicyVersion *
version_from_row (sqlite3_stmt *stmt)
{
  ClPolicyVersion *version = g_object_new (CL_TYPE_POLICY_VERSION, NULL);

  version->id = sqlite3_column_int64 (stmt, 0);
  version->version = column_strdup_or_null (stmt, 1);
  version->effective = column_strdup_or_null (stmt, 2);
  version->significant = sqlite3_column_int (stmt, 3) != 0;
  version->summary = column_strdup_or_null (stmt, 4);
  version->text_sha256 = column_strdup_or_null (stmt, 5);
  version->created_at = column_strdup_or_null (stmt, 6);
  if (version->summary == NULL)
    version->summary = g_strdup ("");
  /* A date an older tool wrote badly is treated as no date rather than compared as text. */
  if (version->effective != NULL)
    {
      GDate date;
      if (!cl_policy_parse_date (version->effective, &date))
        g_clear_pointer (&version->effective, g_free);
    }
  return version;
}

static GPtrArray *
load_versions (ClLedger  *ledger,
               GError   **error)
{
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = cl_ledger_statement (ledger, SELECT_VERSION, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (versions, version_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not read the policy versions"));
      return NULL;
    }
  return g_steal_pointer (&versions);
}

static int
compare_version_ptrs (gconstpointer a,
                      gconstpointer b)
{
  return compare_versions (*(ClPolicyVersion **) a, *(ClPolicyVersion **) b, NULL);
}

GListStore *
cl_policy_list (ClLedger  *ledger,
                GError   **error)
{
  g_autoptr(GListStore) store = g_list_store_new (CL_TYPE_POLICY_VERSION);
  g_autoptr(GPtrArray) versions = NULL;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);

  versions = load_versions (ledger, error);
  if (versions == NULL)
    return NULL;
  g_ptr_array_sort (versions, compare_version_ptrs);
  g_list_store_splice (store, 0, 0, versions->pdata, versions->len);
  return g_steal_pointer (&store);
}

ClPolicyVersion *
cl_policy_lookup (ClLedger    *ledger,
                  const char  *version,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (version != NULL, NULL);

  stmt = cl_ledger_statement (ledger, SELECT_VERSION " WHERE version = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, version, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      ClPolicyVersion *found = version_from_row (stmt);

      /* A cached statement left on a row keeps a read cursor open, which makes a later
       * DROP INDEX (the import's bulk mode) fail as "locked". */
      sqlite3_reset (stmt);
      return found;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND,
                 /* Translators: %s is a policy version label, e.g. 3.1. */
                 _("The ledger has no policy version “%s”"), version);
  else
    cl_ledger_set_db_error (ledger, error, _("Could not read the policy versions"));
  return NULL;
}

ClPolicyVersion *
cl_policy_latest_significant (ClLedger  *ledger,
                              gint64     now_ms,
                              GError   **error)
{
  g_autoptr(GPtrArray) versions = NULL;
  ClPolicyVersion *latest = NULL;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);

  versions = load_versions (ledger, error);
  if (versions == NULL)
    return NULL;
  for (guint i = 0; i < versions->len; i++)
    {
      ClPolicyVersion *version = versions->pdata[i];

      if (!version->significant || !cl_policy_version_is_in_effect (version, now_ms))
        continue;
      if (latest == NULL || compare_versions (latest, version, NULL) < 0)
        latest = version;
    }
  return latest != NULL ? g_object_ref (latest) : NULL;
}

char *
cl_policy_hash_file (const char    *path,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) local_error = NULL;
  guint8 buffer[65536];
  gsize total = 0;
  gssize n;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   /* Translators: the first %s is a file’s path, the second says why. */
                   _("Could not read the policy text %s: %s"), path, local_error->message);
      return NULL;
    }
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer,
                                   cancellable, &local_error)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      total += n;
    }
  if (n < 0)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   /* Translators: the first %s is a file’s path, the second says why. */
                   _("Could not read the policy text %s: %s"), path, local_error->message);
      return NULL;
    }
  if (total == 0)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   /* Translators: %s is a file’s path. */
                   _("The policy text %s is empty; attach the file that holds the policy’s text"),
                   path);
      return NULL;
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT, message);
  return FALSE;
}

/* The messages below start with the field's key ("version:", "effective:", "summary:"), as
 * the CLI option and the JSON key spell it; translators keep that key as it is. */
static gboolean
validate_label (const char  *label,
                GError     **error)
{
  if (label == NULL || *label == '\0')
    /* Translators: keep “version:”, the field’s key. */
    return invalid (error, _("version: give the version a label, e.g. 3.1"));
  if (!g_utf8_validate (label, -1, NULL))
    /* Translators: keep “version:”, the field’s key. */
    return invalid (error, _("version: the label is not valid UTF-8 text"));
  if (g_utf8_strlen (label, -1) > MAX_LABEL_CHARS)
    /* Translators: keep “version:”, the field’s key; %.20s is the start of the label, %d a
     * number of characters. */
    return invalid (error, _("version: “%.20s…” is too long; a label has at most %d characters"),
                    label, MAX_LABEL_CHARS);
  if (g_ascii_isspace (label[0]) || g_ascii_isspace (label[strlen (label) - 1]))
    /* Translators: keep “version:”, the field’s key; %s is the label. */
    return invalid (error, _("version: “%s” starts or ends with a space; remove it"), label);
  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      /* Translators: keep “version:”, the field’s key; %s is the label. */
      return invalid (error, _("version: the label “%s” holds a control character (such as a "
                        "line break); use letters, digits and dots"), label);
  return TRUE;
}

/* Trims the fields and checks each on its own; the checks against other versions follow. */
static gboolean
validate_fields (const ClPolicyFields  *fields,
                 char                 **out_label,
                 char                 **out_effective,
                 char                 **out_summary,
                 GError               **error)
{
  g_autofree char *label = g_strstrip (g_strdup (fields->version != NULL ? fields->version : ""));
  g_autofree char *effective = g_strstrip (g_strdup (fields->effective != NULL ? fields->effective
                                                                              : ""));
  g_autofree char *summary = g_strstrip (g_strdup (fields->summary != NULL ? fields->summary : ""));
  GDate date;

  if (!validate_label (label, error))
    return FALSE;
  if (*effective == '\0')
    /* Translators: keep “effective:”, the field’s key; %s is a version label. */
    return invalid (error, _("effective: give the date version %s takes effect, as YYYY-MM-DD "
                      "(e.g. 2026-03-01)"), label);
  if (!cl_policy_parse_date (effective, &date))
    /* Translators: keep “effective:”, the field’s key; %s is what was entered. */
    return invalid (error, _("effective: “%s” is not a date; write it as YYYY-MM-DD "
                      "(e.g. 2026-03-01) with a real day of the month"), effective);
  if (!g_utf8_validate (summary, -1, NULL))
    /* Translators: keep “summary:”, the field’s key. */
    return invalid (error, _("summary: the text is not valid UTF-8"));
  if (g_utf8_strlen (summary, -1) > MAX_SUMMARY_CHARS)
    /* Translators: keep “summary:”, the field’s key; %d is a number of characters. */
    return invalid (error, _("summary: the summary has more than %d characters; shorten it and "
                      "attach the full text as a file"), MAX_SUMMARY_CHARS);

  *out_label = g_steal_pointer (&label);
  *out_effective = g_steal_pointer (&effective);
  *out_summary = g_steal_pointer (&summary);
  return TRUE;
}

/* A significant version cannot take effect before a version that comes before it: "earlier"
 * is the label's order, since that is how versions are named and read. Otherwise "older than
 * the latest significant version" would mean different things by label and by date. Checked
 * both ways: for the version being saved when it is significant, and against every later
 * significant version. */
static gboolean
check_order (GPtrArray    *versions,
             gint64        self_id,
             const char   *label,
             const char   *effective,
             gboolean      significant,
             GError      **error)
{
  for (guint i = 0; i < versions->len; i++)
    {
      ClPolicyVersion *other = versions->pdata[i];
      int by_label;

      if (other->id == self_id || other->effective == NULL)
        continue;
      by_label = cl_policy_compare_labels (other->version, label);

      if (significant && by_label < 0 && strcmp (effective, other->effective) < 0)
        {
          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                       /* Translators: keep “effective:”, the field’s key; in order: the new
                        * version, its date, the earlier version, its date and that date again
                        * (all dates YYYY-MM-DD). */
                       _("effective: version %s is significant and cannot take effect on %s, "
                         "before the earlier version %s (effective %s); give it a date on or "
                         "after %s"),
                       label, effective, other->version, other->effective, other->effective);
          return FALSE;
        }
      if (other->significant && by_label > 0 && strcmp (effective, other->effective) > 0)
        {
          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                       /* Translators: keep “effective:”, the field’s key; in order: the new
                        * version, its date, the later version, its date, that date again and the
                        * later version again. */
                       _("effective: version %s cannot take effect on %s, after the later "
                         "significant version %s (effective %s); give it a date on or before %s, "
                         "or a label that comes after %s"),
                       label, effective, other->version, other->effective, other->effective,
                       other->version);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_unique (GPtrArray   *versions,
              gint64       self_id,
              const char  *label,
              GError     **error)
{
  for (guint i = 0; i < versions->len; i++)
    {
      ClPolicyVersion *other = versions->pdata[i];

      if (other->id != self_id && strcmp (other->version, label) == 0)
        {
          if (other->effective != NULL)
            g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_CONFLICT,
                         /* Translators: the first %s is a version label, the second its date
                          * (YYYY-MM-DD). */
                         _("Policy version %s already exists (effective %s); choose another "
                           "label, or edit that version"), label, other->effective);
          else
            g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_CONFLICT,
                         /* Translators: %s is a version label. */
                         _("Policy version %s already exists (it was found in an imported log "
                           "and has no date yet); edit that version to date it"), label);
          return FALSE;
        }
    }
  return TRUE;
}

static ClPolicyVersion *
find_by_label (GPtrArray  *versions,
               const char *label)
{
  for (guint i = 0; i < versions->len; i++)
    {
      ClPolicyVersion *version = versions->pdata[i];
      if (strcmp (version->version, label) == 0)
        return version;
    }
  return NULL;
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format_iso8601 (now);
}

static const char *
yes_no (gboolean value)
{
  return value ? "yes" : "no";
}

static ClPolicyVersion *
save (ClLedger              *ledger,
      const char            *old_label,
      const ClPolicyFields  *fields,
      GError               **error)
{
  g_autofree char *label = NULL;
  g_autofree char *effective = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *created_at = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);
  ClPolicyVersion *existing = NULL;
  const char *new_sha256;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!validate_fields (fields, &label, &effective, &summary, error))
    return NULL;
  /* Hash before the transaction: the write lock is not held while a file is read. */
  if (fields->text_path != NULL && !(sha256 = cl_policy_hash_file (fields->text_path, NULL, error)))
    return NULL;

  if (!cl_ledger_begin (ledger, error))
    return NULL;

  versions = load_versions (ledger, error);
  if (versions == NULL)
    goto fail;
  if (old_label != NULL && (existing = find_by_label (versions, old_label)) == NULL)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND,
                   /* Translators: %s is a policy version label, e.g. 3.1. */
                   _("The ledger has no policy version “%s”"), old_label);
      goto fail;
    }
  id = existing != NULL ? existing->id : 0;
  if (!check_unique (versions, id, label, error)
      || !check_order (versions, id, label, effective, fields->significant, error))
    goto fail;

  new_sha256 = sha256 != NULL ? sha256 : (existing != NULL ? existing->text_sha256 : NULL);

  if (existing == NULL)
    {
      created_at = now_iso8601 ();
      stmt = cl_ledger_statement (ledger,
                                  "INSERT INTO policy_versions (version, effective, significant,"
                                  "                             summary, text_sha256, created_at)"
                                  " VALUES (?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 6, created_at, -1, SQLITE_TRANSIENT);
    }
  else
    {
      stmt = cl_ledger_statement (ledger,
                                  "UPDATE policy_versions SET version = ?, effective = ?,"
                                  " significant = ?, summary = ?, text_sha256 = ? WHERE id = ?",
                                  error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 6, id);
    }
  sqlite3_bind_text (stmt, 1, label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, effective, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, fields->significant ? 1 : 0);
  sqlite3_bind_text (stmt, 4, summary, -1, SQLITE_TRANSIENT);
  if (new_sha256 != NULL)
    sqlite3_bind_text (stmt, 5, new_sha256, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 5);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not save the policy version"));
      goto fail;
    }
  if (existing == NULL)
    id = sqlite3_last_insert_rowid (cl_ledger_get_db (ledger));

  /* The audit entry says what changed, so the log alone answers "who made 4.0 significant". */
  if (existing == NULL)
    {
      g_string_append_printf (detail, "effective %s; significant %s", effective,
                              yes_no (fields->significant));
      if (new_sha256 != NULL)
        g_string_append_printf (detail, "; text SHA-256 %s", new_sha256);
      if (*summary != '\0')
        g_string_append_printf (detail, "; summary: %s", summary);
    }
  else
    {
      if (strcmp (existing->version, label) != 0)
        g_string_append_printf (detail, "label %s → %s; ", existing->version, label);
      if (g_strcmp0 (existing->effective, effective) != 0)
        g_string_append_printf (detail, "effective %s → %s; ",
                                existing->effective != NULL ? existing->effective : "none",
                                effective);
      if (existing->significant != fields->significant)
        g_string_append_printf (detail, "significant %s → %s; ", yes_no (existing->significant),
                                yes_no (fields->significant));
      if (g_strcmp0 (existing->text_sha256, new_sha256) != 0)
        g_string_append_printf (detail, "text SHA-256 %s → %s; ",
                                existing->text_sha256 != NULL ? existing->text_sha256 : "none",
                                new_sha256);
      if (g_strcmp0 (existing->summary, summary) != 0)
        g_string_append_printf (detail, "summary: %s; ", summary);
      if (detail->len == 0)
        g_string_append (detail, "no change");
      else
        g_string_truncate (detail, detail->len - 2);
    }
  if (!cl_audit_append (ledger, existing == NULL ? "policy.add" : "policy.edit",
                        "policy_version", label, detail->str, error))
    goto fail;
  if (!cl_ledger_commit (ledger, error))
    return NULL;

  return cl_policy_lookup (ledger, label, error);

fail:
  cl_ledger_rollback (ledger);
  return NULL;
}

ClPolicyVersion *
cl_policy_add (ClLedger              *ledger,
               const ClPolicyFields  *fields,
               GError               **error)
{
  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  return save (ledger, NULL, fields, error);
}

ClPolicyVersion *
cl_policy_edit (ClLedger              *ledger,
                const char            *version,
                const ClPolicyFields  *fields,
                GError               **error)
{
  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (version != NULL, NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  return save (ledger, version, fields, error);
}
