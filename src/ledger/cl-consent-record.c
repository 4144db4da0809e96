/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-consent-record.c: one consent event from a consent log, reusable from line to line, and
 * its JSON Lines and CSV forms. */
#include "config.h"

#include <string.h>

#include "cl-consent-record.h"
#include "cl-csv-reader.h"
#include "cl-time.h"

static const char * const method_names[CL_CONSENT_N_METHODS] = {
  [CL_CONSENT_METHOD_ACCEPT_ALL] = "accept_all",
  [CL_CONSENT_METHOD_REJECT_ALL] = "reject_all",
  [CL_CONSENT_METHOD_CUSTOM] = "custom",
  [CL_CONSENT_METHOD_WITHDRAW] = "withdraw",
  [CL_CONSENT_METHOD_GPC] = "gpc",
};

/* Where each text field's public pointer lives in the struct. */
static const gsize field_offsets[CL_CONSENT_N_FIELDS] = {
  [CL_CONSENT_FIELD_EVENT_ID] = G_STRUCT_OFFSET (ClConsentRecord, event_id),
  [CL_CONSENT_FIELD_SUBJECT] = G_STRUCT_OFFSET (ClConsentRecord, subject),
  [CL_CONSENT_FIELD_POLICY_VERSION] = G_STRUCT_OFFSET (ClConsentRecord, policy_version),
  [CL_CONSENT_FIELD_TC_STRING] = G_STRUCT_OFFSET (ClConsentRecord, tc_string),
  [CL_CONSENT_FIELD_EMAIL] = G_STRUCT_OFFSET (ClConsentRecord, email),
  [CL_CONSENT_FIELD_ACCOUNT] = G_STRUCT_OFFSET (ClConsentRecord, account),
  [CL_CONSENT_FIELD_URL] = G_STRUCT_OFFSET (ClConsentRecord, url),
  [CL_CONSENT_FIELD_COUNTRY] = G_STRUCT_OFFSET (ClConsentRecord, country),
  [CL_CONSENT_FIELD_IP] = G_STRUCT_OFFSET (ClConsentRecord, ip),
  [CL_CONSENT_FIELD_USER_AGENT] = G_STRUCT_OFFSET (ClConsentRecord, user_agent),
};

#define FIELD_PTR(record, field) \
  G_STRUCT_MEMBER_P ((record), field_offsets[(field)])

const char *
cl_consent_method_to_string (ClConsentMethod method)
{
  g_return_val_if_fail ((guint) method < CL_CONSENT_N_METHODS, NULL);

  return method_names[method];
}

/**
 * cl_consent_method_from_string:
 * @text: a method key as in the consent log: `accept_all`, `reject_all`, `custom`,
 *   `withdraw` or `gpc`
 * @out: (out): the method
 *
 * Returns: %FALSE when @text is not one of the keys (exactly, in lower case)
 */
gboolean
cl_consent_method_from_string (const char      *text,
                               ClConsentMethod *out)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; i < CL_CONSENT_N_METHODS; i++)
    {
      if (strcmp (text, method_names[i]) == 0)
        {
          *out = (ClConsentMethod) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cl_consent_record_init:
 *
 * Prepares a record on the stack or inside another struct; undo with
 * cl_consent_record_clear().
 */
void
cl_consent_record_init (ClConsentRecord *record)
{
  g_return_if_fail (record != NULL);

  memset (record, 0, sizeof *record);
  record->decisions = g_array_sized_new (FALSE, FALSE, sizeof (ClConsentDecision), 8);
  record->vendors = g_array_new (FALSE, FALSE, sizeof (ClConsentVendor));
  record->text = g_string_sized_new (512);
}

void
cl_consent_record_clear (ClConsentRecord *record)
{
  g_return_if_fail (record != NULL);

  g_clear_pointer (&record->decisions, g_array_unref);
  g_clear_pointer (&record->vendors, g_array_unref);
  if (record->text != NULL)
    g_string_free (g_steal_pointer (&record->text), TRUE);
  for (guint i = 0; i < CL_CONSENT_N_FIELDS; i++)
    *(const char **) FIELD_PTR (record, i) = NULL;
}

ClConsentRecord *
cl_consent_record_new (void)
{
  ClConsentRecord *record = g_new (ClConsentRecord, 1);

  cl_consent_record_init (record);
  return record;
}

void
cl_consent_record_free (ClConsentRecord *record)
{
  if (record == NULL)
    return;

  cl_consent_record_clear (record);
  g_free (record);
}

/**
 * cl_consent_record_reset:
 *
 * Empties the record for the next event, keeping its buffers.
 */
void
cl_consent_record_reset (ClConsentRecord *record)
{
  g_return_if_fail (record != NULL);

  for (guint i = 0; i < CL_CONSENT_N_FIELDS; i++)
    *(const char **) FIELD_PTR (record, i) = NULL;
  g_string_truncate (record->text, 0);
  record->recorded_at = 0;
  record->method = CL_CONSENT_METHOD_ACCEPT_ALL;
  record->gpc = FALSE;
  g_array_set_size (record->decisions, 0);
  g_array_set_size (record->vendors, 0);
}

/**
 * cl_consent_record_set_string:
 * @record: a record
 * @field: which text field
 * @value: (nullable): the text, copied; %NULL makes the field absent
 * @len: the length of @value, or -1 when NUL-terminated
 */
void
cl_consent_record_set_string (ClConsentRecord *record,
                              ClConsentField   field,
                              const char      *value,
                              gssize           len)
{
  const char *before;
  gsize offset;

  g_return_if_fail (record != NULL);
  g_return_if_fail ((guint) field < CL_CONSENT_N_FIELDS);

  if (value == NULL)
    {
      *(const char **) FIELD_PTR (record, field) = NULL;
      return;
    }
  if (len < 0)
    len = (gssize) strlen (value);
  g_return_if_fail ((gsize) len < G_MAXUINT32);

  /* A field set again leaves its old text behind in the buffer, until the next reset. */
  before = record->text->str;
  offset = record->text->len;
  g_string_append_len (record->text, value, len);
  g_string_append_c (record->text, '\0');
  record->lengths[field] = (guint32) len;
  *(const char **) FIELD_PTR (record, field) = record->text->str + offset;

  /* The buffer moved as it grew: the other fields follow it. Once the buffer is as big as
   * the longest line's texts, which is soon, it no longer moves. */
  if (record->text->str != before)
    for (guint i = 0; i < CL_CONSENT_N_FIELDS; i++)
      {
        const char **member = FIELD_PTR (record, i);

        if (i != field && *member != NULL)
          *member = record->text->str + (*member - before);
      }
}

const char *
cl_consent_record_get_string (const ClConsentRecord *record,
                              ClConsentField         field)
{
  g_return_val_if_fail (record != NULL, NULL);
  g_return_val_if_fail ((guint) field < CL_CONSENT_N_FIELDS, NULL);

  return *(const char * const *) G_STRUCT_MEMBER_P (record, field_offsets[field]);
}

/* The length in bytes of a text field, 0 when absent: known without counting. */
gsize
cl_consent_record_get_length (const ClConsentRecord *record,
                              ClConsentField         field)
{
  g_return_val_if_fail (record != NULL, 0);
  g_return_val_if_fail ((guint) field < CL_CONSENT_N_FIELDS, 0);

  if (cl_consent_record_get_string (record, field) == NULL)
    return 0;
  return record->lengths[field];
}

/* Turns the ASCII capitals of a text field, when present, into small letters, in place. */
void
cl_consent_record_ascii_down (ClConsentRecord *record,
                              ClConsentField   field)
{
  g_return_if_fail (record != NULL);
  g_return_if_fail ((guint) field < CL_CONSENT_N_FIELDS);

  char *text = *(char **) FIELD_PTR (record, field);

  if (text == NULL)
    return;
  for (guint32 i = 0; i < record->lengths[field]; i++)
    text[i] = g_ascii_tolower (text[i]);
}

void
cl_consent_record_add_decision (ClConsentRecord *record,
                                guint            purpose,
                                const char      *key,
                                gboolean         granted)
{
  ClConsentDecision decision = { purpose, key, !!granted };

  g_return_if_fail (record != NULL);

  g_array_append_val (record->decisions, decision);
}

void
cl_consent_record_add_vendor (ClConsentRecord *record,
                              guint            gvl_id,
                              gboolean         granted)
{
  ClConsentVendor vendor = { gvl_id, !!granted };

  g_return_if_fail (record != NULL);

  g_array_append_val (record->vendors, vendor);
}

/**
 * cl_consent_record_find_decision:
 *
 * Returns: (nullable): the decision for the purpose @key, or %NULL when it was not asked
 */
const ClConsentDecision *
cl_consent_record_find_decision (const ClConsentRecord *record,
                                 const char            *key)
{
  g_return_val_if_fail (record != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < record->decisions->len; i++)
    {
      const ClConsentDecision *d = &g_array_index (record->decisions, ClConsentDecision, i);

      if (d->key != NULL && strcmp (d->key, key) == 0)
        return d;
    }

  return NULL;
}

/* Writing */

/**
 * cl_json_append_string:
 * @out: where JSON is being written
 * @value: UTF-8 text
 *
 * Appends @value as a JSON string: quotes, backslashes and control characters escaped,
 * everything else (Swedish letters included) as UTF-8.
 */
void
cl_json_append_string (GString    *out,
                       const char *value)
{
  const char *run = value;
  const char *p;

  g_string_append_c (out, '"');
  for (p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

static void
append_member (GString    *out,
               gboolean   *first,
               const char *name,
               const char *value)
{
  if (value == NULL)
    return;

  if (!*first)
    g_string_append_c (out, ',');
  *first = FALSE;
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\":");
  cl_json_append_string (out, value);
}

/**
 * cl_consent_record_append_jsonl:
 * @record: the event
 * @out: where the log is being written
 *
 * Appends the event as one line of the BRIEF §4 JSON Lines format, with its newline.
 * Absent optional fields are left out.
 */
void
cl_consent_record_append_jsonl (const ClConsentRecord *record,
                                GString               *out)
{
  char time_buf[CL_TIME_RFC3339_BUF_SIZE];
  gboolean first = TRUE;

  g_return_if_fail (record != NULL);
  g_return_if_fail (out != NULL);

  cl_time_format_rfc3339_buf (record->recorded_at, time_buf);

  g_string_append_c (out, '{');
  append_member (out, &first, "event_id", record->event_id);
  append_member (out, &first, "subject", record->subject != NULL ? record->subject : "");
  append_member (out, &first, "recorded_at", time_buf);
  append_member (out, &first, "policy_version", record->policy_version);
  append_member (out, &first, "method", cl_consent_method_to_string (record->method));

  g_string_append (out, ",\"decisions\":{");
  for (guint i = 0; i < record->decisions->len; i++)
    {
      const ClConsentDecision *d = &g_array_index (record->decisions, ClConsentDecision, i);

      if (i > 0)
        g_string_append_c (out, ',');
      cl_json_append_string (out, d->key);
      g_string_append (out, d->granted ? ":true" : ":false");
    }
  g_string_append_c (out, '}');

  if (record->vendors->len > 0)
    {
      g_string_append (out, ",\"vendors\":{");
      for (guint i = 0; i < record->vendors->len; i++)
        {
          const ClConsentVendor *v = &g_array_index (record->vendors, ClConsentVendor, i);

          g_string_append_printf (out, "%s\"%u\":%s", i > 0 ? "," : "", v->gvl_id,
                                  v->granted ? "true" : "false");
        }
      g_string_append_c (out, '}');
    }

  append_member (out, &first, "tc_string", record->tc_string);
  g_string_append (out, record->gpc ? ",\"gpc\":true" : ",\"gpc\":false");

  if (record->email != NULL || record->account != NULL)
    {
      gboolean inner = TRUE;

      g_string_append (out, ",\"identifiers\":{");
      append_member (out, &inner, "email", record->email);
      append_member (out, &inner, "account", record->account);
      g_string_append_c (out, '}');
    }

  if (record->url != NULL || record->country != NULL || record->ip != NULL
      || record->user_agent != NULL)
    {
      gboolean inner = TRUE;

      g_string_append (out, ",\"context\":{");
      append_member (out, &inner, "url", record->url);
      append_member (out, &inner, "country", record->country);
      append_member (out, &inner, "ip", record->ip);
      append_member (out, &inner, "user_agent", record->user_agent);
      g_string_append_c (out, '}');
    }

  g_string_append (out, "}\n");
}

/**
 * cl_consent_csv_append_header:
 * @out: where the log is being written
 * @purpose_keys: (array zero-terminated=1): the purpose columns, in order
 *
 * Appends the header row of the BRIEF §4 CSV format.
 */
void
cl_consent_csv_append_header (GString            *out,
                              const char * const *purpose_keys)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (purpose_keys != NULL);

  g_string_append (out, "event_id,subject,recorded_at,policy_version,method");
  for (guint i = 0; purpose_keys[i] != NULL; i++)
    {
      g_string_append_c (out, ',');
      cl_csv_append_field (out, purpose_keys[i]);
    }
  g_string_append (out, ",tc_string,gpc,email,account,url,country,ip,user_agent\r\n");
}

/**
 * cl_consent_record_append_csv:
 * @record: the event
 * @purpose_keys: (array zero-terminated=1): the purpose columns, as in the header
 * @out: where the log is being written
 *
 * Appends the event as one CSV row: purposes as `true`/`false`, empty when not asked.
 * Per-vendor decisions have no column in the CSV format and are left out.
 */
void
cl_consent_record_append_csv (const ClConsentRecord *record,
                              const char * const    *purpose_keys,
                              GString               *out)
{
  char time_buf[CL_TIME_RFC3339_BUF_SIZE];

  g_return_if_fail (record != NULL);
  g_return_if_fail (purpose_keys != NULL);
  g_return_if_fail (out != NULL);

  cl_time_format_rfc3339_buf (record->recorded_at, time_buf);

  cl_csv_append_field (out, record->event_id);
  g_string_append_c (out, ',');
  cl_csv_append_field (out, record->subject);
  g_string_append_c (out, ',');
  g_string_append (out, time_buf);
  g_string_append_c (out, ',');
  cl_csv_append_field (out, record->policy_version);
  g_string_append_c (out, ',');
  g_string_append (out, cl_consent_method_to_string (record->method));

  for (guint i = 0; purpose_keys[i] != NULL; i++)
    {
      const ClConsentDecision *d = cl_consent_record_find_decision (record, purpose_keys[i]);

      g_string_append_c (out, ',');
      if (d != NULL)
        g_string_append (out, d->granted ? "true" : "false");
    }

  g_string_append_c (out, ',');
  cl_csv_append_field (out, record->tc_string);
  g_string_append (out, record->gpc ? ",true," : ",false,");
  cl_csv_append_field (out, record->email);
  g_string_append_c (out, ',');
  cl_csv_append_field (out, record->account);
  g_string_append_c (out, ',');
  cl_csv_append_field (out, record->url);
  g_string_append_c (out, ',');
  cl_csv_append_field (out, record->country);
  g_string_append_c (out, ',');
  cl_csv_append_field (out, record->ip);
  g_string_append_c (out, ',');
  cl_csv_append_field (out, record->user_agent);
  g_string_append (out, "\r\n");
}
