/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-consent-reader.c: libFuzzer target for the consent log reader. The bytes are read as a
 * JSON Lines file and as a CSV file: every input is read or refused with an INVALID_INPUT error
 * naming the file, never a crash, a leak or a critical warning; and every event read survives
 * a round trip through the writers unchanged. */
#include <stdint.h>
#include <string.h>

#include "cl-consent-reader.h"
#include "cl-error.h"
#include "cl-time.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char * const purpose_keys[] = {
  "network", "functional", "measurement", "personalization", "advertising", NULL,
};

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
check_string (const char *value)
{
  if (value != NULL)
    g_assert (g_utf8_validate (value, -1, NULL));
}

static void
check_record (const ClConsentRecord *record)
{
  char buf[CL_TIME_RFC3339_BUF_SIZE];
  gint64 back = 0;

  g_assert (record->subject != NULL && record->subject[0] != '\0');
  g_assert ((guint) record->method < CL_CONSENT_N_METHODS);
  for (guint i = 0; i < CL_CONSENT_N_FIELDS; i++)
    check_string (cl_consent_record_get_string (record, i));
  for (guint i = 0; i < record->decisions->len; i++)
    {
      const ClConsentDecision *d = &g_array_index (record->decisions, ClConsentDecision, i);

      g_assert (d->purpose < G_N_ELEMENTS (purpose_keys) - 1);
      g_assert (strcmp (d->key, purpose_keys[d->purpose]) == 0);
    }
  for (guint i = 0; i < record->vendors->len; i++)
    g_assert (g_array_index (record->vendors, ClConsentVendor, i).gvl_id > 0);

  cl_time_format_rfc3339_buf (record->recorded_at, buf);
  g_assert (cl_time_parse_rfc3339 (buf, &back));
  g_assert (back == record->recorded_at);
}

/* Writes @record in @format, reads it back, writes it again: both writes must agree. */
static void
check_round_trip (const ClConsentRecord *record,
                  ClConsentFormat        format)
{
  g_autoptr(GString) first = g_string_new (NULL);
  g_autoptr(GString) second = g_string_new (NULL);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(ClConsentReader) reader = NULL;
  g_autoptr(ClConsentRecord) again = cl_consent_record_new ();
  g_autoptr(GError) error = NULL;

  if (format == CL_CONSENT_FORMAT_CSV)
    {
      cl_consent_csv_append_header (first, purpose_keys);
      cl_consent_record_append_csv (record, purpose_keys, first);
    }
  else
    cl_consent_record_append_jsonl (record, first);

  stream = g_memory_input_stream_new_from_data (first->str, (gssize) first->len, NULL);
  reader = cl_consent_reader_new_for_format (stream, "again", format, purpose_keys, 0);
  if (!cl_consent_reader_next (reader, again, &error))
    g_error ("the writer wrote what the reader refuses: %s\n%s",
             error != NULL ? error->message : "(no event)", first->str);

  if (format == CL_CONSENT_FORMAT_CSV)
    {
      cl_consent_csv_append_header (second, purpose_keys);
      cl_consent_record_append_csv (again, purpose_keys, second);
    }
  else
    cl_consent_record_append_jsonl (again, second);

  if (strcmp (first->str, second->str) != 0)
    g_error ("round trip changed the event:\n%s\n%s", first->str, second->str);

  g_assert (!cl_consent_reader_next (reader, again, &error));
  g_assert (error == NULL);
}

static void
read_as (const uint8_t   *data,
         size_t           size,
         const char      *filename)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, (gssize) size, NULL);
  g_autoptr(ClConsentReader) reader = NULL;
  g_autoptr(ClConsentRecord) record = cl_consent_record_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strconcat (filename, ":", NULL);
  ClConsentReaderFlags flags = size > 0 && data[0] == ' ' ? CL_CONSENT_READER_IGNORE_UNKNOWN_COLUMNS : 0;
  guint last_line = 0;

  reader = cl_consent_reader_new (stream, filename, purpose_keys, flags, &error);
  g_assert (reader != NULL && error == NULL);

  while (cl_consent_reader_next (reader, record, &error))
    {
      g_assert (cl_consent_reader_get_line (reader) > last_line);
      last_line = cl_consent_reader_get_line (reader);
      g_assert (cl_consent_reader_get_bytes_read (reader) <= size);
      check_record (record);
      check_round_trip (record, CL_CONSENT_FORMAT_JSONL);
      check_round_trip (record, CL_CONSENT_FORMAT_CSV);
    }

  if (error != NULL)
    {
      g_assert (g_error_matches (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT));
      g_assert (g_utf8_validate (error->message, -1, NULL));
      g_assert (g_str_has_prefix (error->message, prefix));
    }
  g_assert (cl_consent_reader_get_bytes_read (reader) <= size);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  read_as (data, size, "fuzz.jsonl");
  read_as (data, size, "fuzz.csv");
  return 0;
}
