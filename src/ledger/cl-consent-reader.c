/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-consent-reader.c: reads consent logs (BRIEF §4) one event at a time, with memory flat in
 * the file's size, and refuses bad input with "FILE:LINE: field: value: what was expected"
 * so that a privacy officer can find and fix the line. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "cl-consent-reader.h"
#include "cl-csv-reader.h"
#include "cl-error.h"
#include "cl-json-line.h"
#include "cl-time.h"

/* Reads start small (a short file costs little) and grow while the stream fills them. */
#define FIRST_BLOCK_SIZE (16 * 1024)
#define BLOCK_SIZE (256 * 1024)
#define MAX_SHOWN_VALUE 60  /* bytes of a bad value quoted in a message */

/* What a CSV column holds. Purpose columns are COL_PURPOSE + the purpose's index. */
typedef enum
{
  COL_IGNORED,
  COL_EVENT_ID,
  COL_SUBJECT,
  COL_RECORDED_AT,
  COL_POLICY_VERSION,
  COL_METHOD,
  COL_TC_STRING,
  COL_GPC,
  COL_EMAIL,
  COL_ACCOUNT,
  COL_URL,
  COL_COUNTRY,
  COL_IP,
  COL_USER_AGENT,
  COL_PURPOSE,
} Column;

static const struct
{
  const char *name;
  Column      column;
} csv_columns[] = {
  { "event_id", COL_EVENT_ID },
  { "subject", COL_SUBJECT },
  { "recorded_at", COL_RECORDED_AT },
  { "policy_version", COL_POLICY_VERSION },
  { "method", COL_METHOD },
  { "tc_string", COL_TC_STRING },
  { "gpc", COL_GPC },
  { "email", COL_EMAIL },
  { "account", COL_ACCOUNT },
  { "url", COL_URL },
  { "country", COL_COUNTRY },
  { "ip", COL_IP },
  { "user_agent", COL_USER_AGENT },
};

struct _ClConsentReader
{
  ClConsentFormat       format;
  ClConsentReaderFlags  flags;
  char                 *filename;
  GStrv                 purpose_keys;
  guint                 n_purposes;
  gboolean              failed;
  GError               *failure;  /* reported again by every call after the first error */
  guint                 line;     /* line of the event last returned */

  /* CSV */
  ClCsvReader          *csv;
  GArray               *columns;  /* Column (as guint), one per header field */
  gboolean              have_header;

  /* JSON Lines */
  GInputStream         *stream;
  GCancellable         *cancellable;
  ClJsonLine           *json;
  const char           *json_line;  /* the line json has parsed */
  guint8               *buf;
  gsize                 buf_size;
  const guint8         *pos;
  const guint8         *end;
  gboolean              eof;
  gboolean              started;
  guint64               bytes_read;
  guint8               *line_buf; /* a line that spans blocks */
  gsize                 line_len;
  gsize                 line_cap;
  guint                 next_line;
};

gboolean
cl_consent_format_for_filename (const char      *filename,
                                ClConsentFormat *out)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  lower = g_ascii_strdown (filename, -1);
  if (g_str_has_suffix (lower, ".jsonl") || g_str_has_suffix (lower, ".json"))
    *out = CL_CONSENT_FORMAT_JSONL;
  else if (g_str_has_suffix (lower, ".csv"))
    *out = CL_CONSENT_FORMAT_CSV;
  else
    return FALSE;

  return TRUE;
}

/**
 * cl_consent_reader_new_for_format:
 * @stream: the log's bytes
 * @filename: the name used in error messages
 * @format: how to read them
 * @purpose_keys: (array zero-terminated=1): the purpose keys the ledger knows; a decision for
 *   any other key is an error
 * @flags: options
 *
 * Returns: (transfer full): a reader; nothing is read before the first
 *   cl_consent_reader_next()
 */
ClConsentReader *
cl_consent_reader_new_for_format (GInputStream         *stream,
                                  const char           *filename,
                                  ClConsentFormat       format,
                                  const char * const   *purpose_keys,
                                  ClConsentReaderFlags  flags)
{
  ClConsentReader *reader;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (purpose_keys != NULL, NULL);
  g_return_val_if_fail (format == CL_CONSENT_FORMAT_JSONL || format == CL_CONSENT_FORMAT_CSV, NULL);

  reader = g_new0 (ClConsentReader, 1);
  reader->format = format;
  reader->flags = flags;
  reader->filename = g_strdup (filename != NULL ? filename : _("(stream)"));
  reader->purpose_keys = g_strdupv ((char **) purpose_keys);
  reader->n_purposes = g_strv_length (reader->purpose_keys);

  if (format == CL_CONSENT_FORMAT_CSV)
    {
      reader->csv = cl_csv_reader_new (stream, reader->filename);
      reader->columns = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  else
    {
      reader->stream = g_object_ref (stream);
      reader->json = cl_json_line_new ();
      reader->buf_size = FIRST_BLOCK_SIZE;
      reader->buf = g_malloc (reader->buf_size);
      reader->pos = reader->end = reader->buf;
      reader->line_cap = 4096;
      reader->line_buf = g_malloc (reader->line_cap);
      reader->next_line = 1;
    }

  return reader;
}

/**
 * cl_consent_reader_new:
 *
 * Like cl_consent_reader_new_for_format(), with the format chosen by @filename's extension:
 * `.jsonl` or `.json` for JSON Lines, `.csv` for CSV.
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL with
 *   %CL_LEDGER_ERROR_INVALID_INPUT when the extension is none of those
 */
ClConsentReader *
cl_consent_reader_new (GInputStream          *stream,
                       const char            *filename,
                       const char * const    *purpose_keys,
                       ClConsentReaderFlags   flags,
                       GError               **error)
{
  ClConsentFormat format;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (purpose_keys != NULL, NULL);

  if (!cl_consent_format_for_filename (filename, &format))
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("%s: not a consent log: the name must end in .jsonl, .json or .csv"),
                   filename);
      return NULL;
    }

  return cl_consent_reader_new_for_format (stream, filename, format, purpose_keys, flags);
}

/**
 * cl_consent_reader_new_for_path:
 *
 * Opens the file at @path and reads it in the format its extension names.
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL with an error
 */
ClConsentReader *
cl_consent_reader_new_for_path (const char            *path,
                                const char * const    *purpose_keys,
                                ClConsentReaderFlags   flags,
                                GError               **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  ClConsentFormat format;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (purpose_keys != NULL, NULL);

  if (!cl_consent_format_for_filename (path, &format))
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("%s: not a consent log: the name must end in .jsonl, .json or .csv"), path);
      return NULL;
    }

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  return cl_consent_reader_new_for_format (G_INPUT_STREAM (stream), path, format,
                                           purpose_keys, flags);
}

void
cl_consent_reader_free (ClConsentReader *reader)
{
  if (reader == NULL)
    return;

  g_free (reader->filename);
  g_strfreev (reader->purpose_keys);
  g_clear_error (&reader->failure);
  g_clear_pointer (&reader->csv, cl_csv_reader_free);
  g_clear_pointer (&reader->columns, g_array_unref);
  g_clear_object (&reader->stream);
  g_clear_object (&reader->cancellable);
  g_clear_pointer (&reader->json, cl_json_line_free);
  g_free (reader->buf);
  g_free (reader->line_buf);
  g_free (reader);
}

void
cl_consent_reader_set_cancellable (ClConsentReader *reader,
                                   GCancellable    *cancellable)
{
  g_return_if_fail (reader != NULL);

  g_set_object (&reader->cancellable, cancellable);
  if (reader->csv != NULL)
    cl_csv_reader_set_cancellable (reader->csv, cancellable);
}

ClConsentFormat
cl_consent_reader_get_format (ClConsentReader *reader)
{
  g_return_val_if_fail (reader != NULL, CL_CONSENT_FORMAT_JSONL);

  return reader->format;
}

const char *
cl_consent_reader_get_filename (ClConsentReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);

  return reader->filename;
}

/**
 * cl_consent_reader_get_line:
 *
 * Returns: the line (from 1) where the event last returned starts
 */
guint
cl_consent_reader_get_line (ClConsentReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->line;
}

/**
 * cl_consent_reader_get_bytes_read:
 *
 * Returns: the bytes read from the stream so far; against the file's size, the progress
 */
guint64
cl_consent_reader_get_bytes_read (ClConsentReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  if (reader->csv != NULL)
    return cl_csv_reader_get_bytes_read (reader->csv);
  return reader->bytes_read;
}

/**
 * cl_consent_reader_get_purpose_keys:
 *
 * Returns: (transfer none): the purpose keys given at creation; a #ClConsentDecision's
 *   `purpose` indexes them and its `key` points into them
 */
const char * const *
cl_consent_reader_get_purpose_keys (ClConsentReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);

  return (const char * const *) reader->purpose_keys;
}

/* Errors */

/* Quotes a bad value for a message: escaped, and shortened when long. */
static char *
quote_value (const char *value,
             gsize       len)
{
  GString *out = g_string_new ("\"");
  gsize n = len;

  if (n > MAX_SHOWN_VALUE)
    {
      n = MAX_SHOWN_VALUE;
      while (n > 0 && ((guchar) value[n] & 0xC0) == 0x80)
        n--;  /* do not cut a character in two */
    }

  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar) value[i];

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append (out, n < len ? "…\"" : "\"");

  return g_string_free (out, FALSE);
}

/* A bad value as the line has it (a string: its decoded text, quoted), cut if long. */
static char *
show_node (ClConsentReader  *reader,
           const ClJsonNode *node)
{
  const char *text = reader->json_line + node->start;
  gsize len = node->end - node->start;

  if (node->type == CL_JSON_STRING)
    return quote_value (cl_json_line_text (reader->json, node->text), node->text_len);

  if (len > MAX_SHOWN_VALUE)
    {
      gsize n = MAX_SHOWN_VALUE;

      while (n > 0 && ((guchar) text[n] & 0xC0) == 0x80)
        n--;
      return g_strdup_printf ("%.*s…", (int) n, text);
    }
  return g_strndup (text, len);
}

static gboolean
fail_with (ClConsentReader  *reader,
           GError          **error,
           GError           *failure)
{
  reader->failed = TRUE;
  reader->failure = failure;
  g_propagate_error (error, g_error_copy (failure));
  return FALSE;
}

/* "FILE:LINE: field: value: what was expected"; @field and @shown_value may be NULL. */
G_GNUC_PRINTF (6, 7)
static gboolean
fail (ClConsentReader  *reader,
      GError          **error,
      guint             line,
      const char       *field,
      const char       *shown_value,
      const char       *format,
      ...)
{
  g_autofree char *what = NULL;
  g_autoptr(GString) message = g_string_new (NULL);
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_string_append_printf (message, "%s:%u: ", reader->filename, line);
  if (field != NULL)
    g_string_append_printf (message, "%s: ", field);
  if (shown_value != NULL)
    g_string_append_printf (message, "%s: ", shown_value);
  g_string_append (message, what);

  /* Field names and values come from the file; the message must still be text. */
  if (!g_utf8_validate (message->str, (gssize) message->len, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (message->str, (gssize) message->len);

      g_string_assign (message, valid);
    }

  return fail_with (reader, error,
                    g_error_new_literal (CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                                         message->str));
}

static gboolean
fail_value (ClConsentReader  *reader,
            GError          **error,
            const char       *field,
            const char       *value,
            const char       *expected)
{
  g_autofree char *shown = quote_value (value, strlen (value));

  return fail (reader, error, reader->line, field, shown, "%s", expected);
}

static gboolean
fail_node (ClConsentReader  *reader,
           GError          **error,
           const char       *field,
           const ClJsonNode *node,
           const char       *expected)
{
  g_autofree char *shown = show_node (reader, node);

  return fail (reader, error, reader->line, field, shown, "%s", expected);
}

/* Shared value parsing */

static gint
purpose_index (ClConsentReader *reader,
               const char      *key)
{
  for (guint i = 0; i < reader->n_purposes; i++)
    if (strcmp (reader->purpose_keys[i], key) == 0)
      return (gint) i;

  return -1;
}

static char *
purpose_list (ClConsentReader *reader)
{
  if (reader->n_purposes == 0)
    return g_strdup (_("none are defined in the ledger"));

  return g_strjoinv (", ", reader->purpose_keys);
}

/* The expectations below are marked with N_(): they are translated only when a line fails. */
static const char * const method_expected =
  N_("expected accept_all, reject_all, custom, withdraw or gpc");

static const char * const timestamp_expected =
  N_("not an RFC 3339 timestamp (expected e.g. 2026-03-01T12:00:00Z)");

/* 1/0, true/false, yes/no, granted/denied in any case; -1 when none of those. */
static int
parse_boolean (const char *text)
{
  switch (text[0])
    {
    case '1': return text[1] == '\0' ? 1 : -1;
    case '0': return text[1] == '\0' ? 0 : -1;
    case 't': case 'T': return g_ascii_strcasecmp (text, "true") == 0 ? 1 : -1;
    case 'f': case 'F': return g_ascii_strcasecmp (text, "false") == 0 ? 0 : -1;
    case 'y': case 'Y': return g_ascii_strcasecmp (text, "yes") == 0 ? 1 : -1;
    case 'n': case 'N': return g_ascii_strcasecmp (text, "no") == 0 ? 0 : -1;
    case 'g': case 'G': return g_ascii_strcasecmp (text, "granted") == 0 ? 1 : -1;
    case 'd': case 'D': return g_ascii_strcasecmp (text, "denied") == 0 ? 0 : -1;
    default: return -1;
    }
}

static const char * const boolean_expected =
  N_("expected 1/0, true/false, yes/no or granted/denied (empty: not asked)");

/* CSV */

static gboolean
column_is_empty_row (GPtrArray *row)
{
  for (guint i = 0; i < row->len; i++)
    if (((const char *) row->pdata[i])[0] != '\0')
      return FALSE;

  return TRUE;
}

static gboolean
read_csv_header (ClConsentReader  *reader,
                 GError          **error)
{
  static const Column required[] = { COL_SUBJECT, COL_RECORDED_AT, COL_METHOD };
  static const char * const required_names[] = { "subject", "recorded_at", "method" };
  GError *local_error = NULL;
  GPtrArray *row;
  guint seen = 0;  /* bit per Column below COL_PURPOSE */
  g_autofree gboolean *purpose_seen = g_new0 (gboolean, reader->n_purposes + 1);

  if (!cl_csv_reader_next_row (reader->csv, &row, &local_error))
    {
      if (local_error != NULL)
        return fail_with (reader, error, local_error);
      return fail (reader, error, 1, NULL, NULL,
                   _("the file is empty; a CSV consent log starts with a header row "
                     "(event_id,subject,recorded_at,…)"));
    }
  reader->line = cl_csv_reader_get_line (reader->csv);

  g_array_set_size (reader->columns, 0);
  for (guint i = 0; i < row->len; i++)
    {
      g_autofree char *name = g_strstrip (g_ascii_strdown (row->pdata[i], -1));
      guint column = COL_IGNORED;
      gboolean known = FALSE;
      gint purpose;

      for (guint c = 0; c < G_N_ELEMENTS (csv_columns); c++)
        {
          if (strcmp (name, csv_columns[c].name) == 0)
            {
              column = csv_columns[c].column;
              known = TRUE;
              if (seen & (1u << column))
                return fail_value (reader, error, "header", row->pdata[i],
                                   _("this column appears twice"));
              seen |= 1u << column;
              break;
            }
        }

      if (!known && (purpose = purpose_index (reader, name)) >= 0)
        {
          column = COL_PURPOSE + (guint) purpose;
          known = TRUE;
          if (purpose_seen[purpose])
            return fail_value (reader, error, "header", row->pdata[i],
                               _("this column appears twice"));
          purpose_seen[purpose] = TRUE;
        }

      if (!known && !(reader->flags & CL_CONSENT_READER_IGNORE_UNKNOWN_COLUMNS))
        {
          g_autofree char *purposes = purpose_list (reader);
          g_autofree char *expected =
            /* Translators: only “a purpose key” is to be translated in the list of columns;
             * %s lists the ledger's purpose keys. */
            g_strdup_printf (_("unknown column; expected event_id, subject, recorded_at, "
                               "policy_version, method, a purpose key (%s), tc_string, gpc, "
                               "email, account, url, country, ip or user_agent"),
                             purposes);

          return fail_value (reader, error, "header", row->pdata[i], expected);
        }

      g_array_append_val (reader->columns, column);
    }

  for (guint r = 0; r < G_N_ELEMENTS (required); r++)
    if (!(seen & (1u << required[r])))
      return fail (reader, error, reader->line, required_names[r], NULL,
                   _("missing column; the header must name at least the columns subject, "
                     "recorded_at and method"));

  reader->have_header = TRUE;
  return TRUE;
}

static gboolean
next_csv (ClConsentReader  *reader,
          ClConsentRecord  *out,
          GError          **error)
{
  GError *local_error = NULL;
  gboolean have_subject = FALSE, have_time = FALSE, have_method = FALSE;
  const guint *columns;
  GPtrArray *row;

  if (!reader->have_header && !read_csv_header (reader, error))
    return FALSE;

  columns = (const guint *) (gpointer) reader->columns->data;

  do
    {
      if (!cl_csv_reader_next_row (reader->csv, &row, &local_error))
        {
          if (local_error != NULL)
            return fail_with (reader, error, local_error);
          return FALSE;
        }
      reader->line = cl_csv_reader_get_line (reader->csv);
    }
  while (column_is_empty_row (row));  /* spreadsheets leave rows of bare commas */

  if (row->len != reader->columns->len)
    return fail (reader, error, reader->line, NULL, NULL,
                 _("the row has %u fields but the header has %u; "
                   "are there unquoted commas in a field?"),
                 row->len, reader->columns->len);

  cl_consent_record_reset (out);

  for (guint i = 0; i < row->len; i++)
    {
      const char *value = row->pdata[i];
      gboolean empty = value[0] == '\0';
      guint column = columns[i];

      switch (column)
        {
        case COL_IGNORED:
          break;

        case COL_EVENT_ID:
          if (!empty)
            cl_consent_record_set_string (out, CL_CONSENT_FIELD_EVENT_ID, value, -1);
          break;

        case COL_SUBJECT:
          if (!empty)
            {
              cl_consent_record_set_string (out, CL_CONSENT_FIELD_SUBJECT, value, -1);
              have_subject = TRUE;
            }
          break;

        case COL_RECORDED_AT:
          if (!empty)
            {
              if (!cl_time_parse_rfc3339 (value, &out->recorded_at))
                return fail_value (reader, error, "recorded_at", value, _(timestamp_expected));
              have_time = TRUE;
            }
          break;

        case COL_POLICY_VERSION:
          if (!empty)
            cl_consent_record_set_string (out, CL_CONSENT_FIELD_POLICY_VERSION, value, -1);
          break;

        case COL_METHOD:
          if (!empty)
            {
              if (!cl_consent_method_from_string (value, &out->method))
                return fail_value (reader, error, "method", value, _(method_expected));
              have_method = TRUE;
            }
          break;

        case COL_GPC:
          if (!empty)
            {
              int b = parse_boolean (value);

              if (b < 0)
                return fail_value (reader, error, "gpc", value,
                                   _("expected 1/0, true/false or yes/no (empty: no signal)"));
              out->gpc = b;
            }
          break;

        case COL_TC_STRING:
        case COL_EMAIL:
        case COL_ACCOUNT:
        case COL_URL:
        case COL_COUNTRY:
        case COL_IP:
        case COL_USER_AGENT:
          if (!empty)
            {
              static const ClConsentField fields[] = {
                [COL_TC_STRING] = CL_CONSENT_FIELD_TC_STRING,
                [COL_EMAIL] = CL_CONSENT_FIELD_EMAIL,
                [COL_ACCOUNT] = CL_CONSENT_FIELD_ACCOUNT,
                [COL_URL] = CL_CONSENT_FIELD_URL,
                [COL_COUNTRY] = CL_CONSENT_FIELD_COUNTRY,
                [COL_IP] = CL_CONSENT_FIELD_IP,
                [COL_USER_AGENT] = CL_CONSENT_FIELD_USER_AGENT,
              };

              cl_consent_record_set_string (out, fields[column], value, -1);
            }
          break;

        default:
          {
            guint purpose = column - COL_PURPOSE;
            int b;

            g_assert (purpose < reader->n_purposes);
            if (empty)
              break;  /* not asked */
            b = parse_boolean (value);
            if (b < 0)
              return fail_value (reader, error, reader->purpose_keys[purpose], value,
                                 _(boolean_expected));
            cl_consent_record_add_decision (out, purpose, reader->purpose_keys[purpose], b);
          }
          break;
        }
    }

  if (!have_subject)
    return fail (reader, error, reader->line, "subject", NULL,
                 _("missing; every event needs the visitor's consent id"));
  if (!have_time)
    return fail (reader, error, reader->line, "recorded_at", NULL,
                 _("missing; every event needs the time it was recorded (RFC 3339)"));
  if (!have_method)
    return fail (reader, error, reader->line, "method", NULL,
                 /* Translators: %s is what the method may be, e.g. “expected accept_all,
                  * reject_all, custom, withdraw or gpc”. */
                 _("missing; %s"), _(method_expected));

  return TRUE;
}

/* JSON Lines */

static gboolean
read_failed (ClConsentReader  *reader,
             GError          **error,
             GError           *read_error)
{
  g_prefix_error (&read_error, "%s: ", reader->filename);
  return fail_with (reader, error, read_error);
}

/* Reads the next block into buf; sets eof at the end of the stream. The first block skips
 * a UTF-8 byte-order mark, gathering three bytes first since a stream may return fewer. */
static gboolean
refill (ClConsentReader  *reader,
        GError          **error)
{
  GError *read_error = NULL;
  gsize have = 0;

  /* Everything in buf is consumed (a partial line was copied out): it can grow. */
  if ((gsize) (reader->end - reader->buf) == reader->buf_size && reader->buf_size < BLOCK_SIZE)
    {
      reader->buf_size *= 2;
      g_free (reader->buf);
      reader->buf = g_malloc (reader->buf_size);
    }

  do
    {
      gssize n = g_input_stream_read (reader->stream, reader->buf + have, reader->buf_size - have,
                                      reader->cancellable, &read_error);
      if (n < 0)
        return read_failed (reader, error, read_error);
      if (n == 0)
        {
          reader->eof = TRUE;
          break;
        }
      have += (gsize) n;
    }
  while (!reader->started && have < 3);

  reader->bytes_read += have;
  reader->pos = reader->buf;
  reader->end = reader->buf + have;
  if (!reader->started)
    {
      reader->started = TRUE;
      if (have >= 3 && memcmp (reader->buf, "\xEF\xBB\xBF", 3) == 0)
        reader->pos += 3;
    }

  return TRUE;
}

static gboolean
line_append (ClConsentReader  *reader,
             const guint8     *data,
             gsize             len,
             GError          **error)
{
  if (reader->line_len + len > CL_CONSENT_MAX_LINE)
    return fail (reader, error, reader->next_line, NULL, NULL,
                 _("the line is longer than 1 MiB; one event per line is expected"));

  if (reader->line_len + len > reader->line_cap)
    {
      while (reader->line_len + len > reader->line_cap)
        reader->line_cap *= 2;
      reader->line_buf = g_realloc (reader->line_buf, reader->line_cap);
    }

  memcpy (reader->line_buf + reader->line_len, data, len);
  reader->line_len += len;
  return TRUE;
}

/* The next line without its line break; FALSE at the end (error unset) or on error. */
static gboolean
next_line (ClConsentReader  *reader,
           const char      **line,
           gsize            *len,
           GError          **error)
{
  reader->line_len = 0;

  for (;;)
    {
      const guint8 *nl;

      if (reader->pos == reader->end)
        {
          if (!reader->eof && !refill (reader, error))
            return FALSE;
          if (reader->pos == reader->end && reader->eof)
            {
              if (reader->line_len == 0)
                return FALSE;
              break;  /* the last line has no line break */
            }
          continue;
        }

      nl = memchr (reader->pos, '\n', (gsize) (reader->end - reader->pos));
      if (nl != NULL && reader->line_len == 0)
        {
          /* The common case: the whole line is in the block, parse it in place. */
          gsize n = (gsize) (nl - reader->pos);

          if (n > CL_CONSENT_MAX_LINE)
            return fail (reader, error, reader->next_line, NULL, NULL,
                         _("the line is longer than 1 MiB; one event per line is expected"));
          *line = (const char *) reader->pos;
          *len = n;
          reader->pos = nl + 1;
          goto done;
        }

      if (!line_append (reader, reader->pos,
                        (gsize) ((nl != NULL ? nl : reader->end) - reader->pos), error))
        return FALSE;
      if (nl != NULL)
        {
          reader->pos = nl + 1;
          break;
        }
      reader->pos = reader->end;
    }

  *line = (const char *) reader->line_buf;
  *len = reader->line_len;

done:
  reader->line = reader->next_line++;
  if (*len > 0 && (*line)[*len - 1] == '\r')
    (*len)--;
  return TRUE;
}

static gboolean
is_blank (const char *text,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r')
      return FALSE;

  return TRUE;
}

static gboolean
is_ascii (const char *text,
          gsize       len)
{
  gsize i = 0;

  /* Eight bytes at a time: almost every consent log is ASCII. */
  for (; i + 8 <= len; i += 8)
    {
      guint64 word;

      memcpy (&word, text + i, 8);
      if (word & G_GUINT64_CONSTANT (0x8080808080808080))
        return FALSE;
    }
  for (; i < len; i++)
    if ((guchar) text[i] & 0x80)
      return FALSE;

  return TRUE;
}

static gboolean
node_is_null (const ClJsonNode *node)
{
  return node->type == CL_JSON_NULL;
}

static gboolean
node_is_string (const ClJsonNode *node)
{
  return node->type == CL_JSON_STRING;
}

static gboolean
node_is_boolean (const ClJsonNode *node)
{
  return node->type == CL_JSON_TRUE || node->type == CL_JSON_FALSE;
}

static const char *
node_text (ClConsentReader  *reader,
           const ClJsonNode *node)
{
  return cl_json_line_text (reader->json, node->text);
}

static const ClJsonNode *
first_member (ClConsentReader  *reader,
              const ClJsonNode *object)
{
  return object->first_child != 0 ? cl_json_line_node (reader->json, object->first_child) : NULL;
}

static const ClJsonNode *
next_member (ClConsentReader  *reader,
             const ClJsonNode *member)
{
  return member->next != 0 ? cl_json_line_node (reader->json, member->next) : NULL;
}

static const char *
member_name (ClConsentReader  *reader,
             const ClJsonNode *member)
{
  return cl_json_line_text (reader->json, member->name);
}

/* A string that would not come out of the ledger as it went in: an escape made it invalid
 * UTF-8 (half of a surrogate pair) or put a NUL character in it (\u0000), which would cut it
 * short. Such text must not reach the ledger. */
static gboolean
check_text (ClConsentReader  *reader,
            const char       *name,
            const ClJsonNode *node,
            GError          **error)
{
  const char *text = node_text (reader, node);

  if (G_UNLIKELY (memchr (text, '\0', node->text_len) != NULL))
    return fail (reader, error, reader->line, name, NULL,
                 _("not valid text: it holds a NUL character (\\u0000)"));
  if (G_LIKELY (g_utf8_validate (text, node->text_len, NULL)))
    return TRUE;

  return fail (reader, error, reader->line, name, NULL,
               _("not valid text: a \\u escape in it is half of a surrogate pair"));
}

/* An optional text member: a string or null. */
static gboolean
take_string (ClConsentReader  *reader,
             ClConsentRecord  *out,
             ClConsentField    field,
             const char       *name,
             const ClJsonNode *node,
             GError          **error)
{
  if (node_is_null (node))
    return TRUE;
  if (!node_is_string (node))
    return fail_node (reader, error, name, node, _("expected a string"));
  if (!check_text (reader, name, node, error))
    return FALSE;

  cl_consent_record_set_string (out, field, node_text (reader, node), -1);
  return TRUE;
}

static gboolean
unknown_member (ClConsentReader  *reader,
                GError          **error,
                const char       *parent,
                const char       *name,
                const char       *expected)
{
  g_autofree char *field = NULL;

  if (reader->flags & CL_CONSENT_READER_IGNORE_UNKNOWN_COLUMNS)
    return TRUE;

  field = parent != NULL ? g_strdup_printf ("%s.%s", parent, name) : g_strdup (name);
  /* Translators: %s is what the object may hold, e.g. “expected email or account”. */
  return fail (reader, error, reader->line, field, NULL, _("unknown field; %s"), _(expected));
}

static gboolean
read_decisions (ClConsentReader  *reader,
                ClConsentRecord  *out,
                const ClJsonNode *object,
                GError          **error)
{
  for (const ClJsonNode *node = first_member (reader, object); node != NULL;
       node = next_member (reader, node))
    {
      const char *key = member_name (reader, node);
      gint purpose = purpose_index (reader, key);

      if (purpose < 0)
        {
          g_autofree char *purposes = purpose_list (reader);
          g_autofree char *shown = quote_value (key, strlen (key));

          /* Translators: %s lists the ledger's purpose keys, e.g. “measurement, advertising”. */
          return fail (reader, error, reader->line, "decisions", shown,
                       _("unknown purpose key; expected one of %s"), purposes);
        }
      if (node_is_null (node))
        continue;  /* not asked */
      if (!node_is_boolean (node))
        {
          /* Formatted only here, not for every decision of every event. */
          g_autofree char *field = g_strdup_printf ("decisions.%s", key);

          return fail_node (reader, error, field, node,
                            _("expected true (granted), false (denied) or null (not asked)"));
        }

      cl_consent_record_add_decision (out, (guint) purpose, reader->purpose_keys[purpose],
                                      node->type == CL_JSON_TRUE);
    }

  return TRUE;
}

static gboolean
parse_gvl_id (const char *key,
              guint      *out)
{
  guint64 value = 0;

  if (key[0] < '1' || key[0] > '9')
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    {
      if (*p < '0' || *p > '9')
        return FALSE;
      value = value * 10 + (guint64) (*p - '0');
      if (value > G_MAXUINT16)  /* TCF vendor ids are 16-bit */
        return FALSE;
    }

  *out = (guint) value;
  return TRUE;
}

static gboolean
read_vendors (ClConsentReader  *reader,
              ClConsentRecord  *out,
              const ClJsonNode *object,
              GError          **error)
{
  for (const ClJsonNode *node = first_member (reader, object); node != NULL;
       node = next_member (reader, node))
    {
      const char *key = member_name (reader, node);
      guint gvl_id;

      if (!parse_gvl_id (key, &gvl_id))
        {
          g_autofree char *shown = quote_value (key, strlen (key));

          return fail (reader, error, reader->line, "vendors", shown,
                       _("expected a Global Vendor List id (an integer from 1 to 65535)"));
        }
      if (node_is_null (node))
        continue;
      if (!node_is_boolean (node))
        {
          g_autofree char *field = g_strdup_printf ("vendors.%s", key);

          return fail_node (reader, error, field, node,
                            _("expected true (granted), false (denied) or null (not asked)"));
        }

      cl_consent_record_add_vendor (out, gvl_id, node->type == CL_JSON_TRUE);
    }

  return TRUE;
}

static gboolean
read_identifiers (ClConsentReader  *reader,
                  ClConsentRecord  *out,
                  const ClJsonNode *object,
                  GError          **error)
{
  for (const ClJsonNode *node = first_member (reader, object); node != NULL;
       node = next_member (reader, node))
    {
      const char *key = member_name (reader, node);
      if (strcmp (key, "email") == 0)
        {
          if (!take_string (reader, out, CL_CONSENT_FIELD_EMAIL, "identifiers.email", node, error))
            return FALSE;
        }
      else if (strcmp (key, "account") == 0)
        {
          if (!take_string (reader, out, CL_CONSENT_FIELD_ACCOUNT, "identifiers.account", node,
                            error))
            return FALSE;
        }
      else if (!unknown_member (reader, error, "identifiers", key, N_("expected email or account")))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_context (ClConsentReader  *reader,
              ClConsentRecord  *out,
              const ClJsonNode *object,
              GError          **error)
{
  static const struct { const char *name, *field; ClConsentField id; } members[] = {
    { "url", "context.url", CL_CONSENT_FIELD_URL },
    { "country", "context.country", CL_CONSENT_FIELD_COUNTRY },
    { "ip", "context.ip", CL_CONSENT_FIELD_IP },
    { "user_agent", "context.user_agent", CL_CONSENT_FIELD_USER_AGENT },
  };
  for (const ClJsonNode *node = first_member (reader, object); node != NULL;
       node = next_member (reader, node))
    {
      const char *key = member_name (reader, node);
      guint m;

      for (m = 0; m < G_N_ELEMENTS (members); m++)
        if (strcmp (key, members[m].name) == 0)
          break;

      if (m == G_N_ELEMENTS (members))
        {
          if (!unknown_member (reader, error, "context", key,
                               N_("expected url, country, ip or user_agent")))
            return FALSE;
          continue;
        }

      if (!take_string (reader, out, members[m].id, members[m].field, node, error))
        return FALSE;
    }

  return TRUE;
}

/* An object member that may also be null; anything else is an error. */
static gboolean
object_or_null (ClConsentReader  *reader,
                const char       *name,
                const ClJsonNode *node,
                const ClJsonNode **object,
                GError          **error)
{
  *object = NULL;
  if (node_is_null (node))
    return TRUE;
  if (node->type != CL_JSON_OBJECT)
    return fail_node (reader, error, name, node, _("expected a JSON object"));

  *object = node;
  return TRUE;
}

static gboolean
read_event (ClConsentReader  *reader,
            ClConsentRecord  *out,
            const ClJsonNode *event,
            GError          **error)
{
  gboolean have_subject = FALSE, have_time = FALSE, have_method = FALSE;
  for (const ClJsonNode *node = first_member (reader, event); node != NULL;
       node = next_member (reader, node))
    {
      const char *key = member_name (reader, node);
      const ClJsonNode *object;

      if (strcmp (key, "subject") == 0)
        {
          if (!node_is_string (node))
            return fail_node (reader, error, "subject", node,
                              _("expected the consent id as a string"));
          if (node_text (reader, node)[0] == '\0')
            return fail (reader, error, reader->line, "subject", "\"\"",
                         _("expected the visitor's consent id, not an empty string"));
          if (!check_text (reader, "subject", node, error))
            return FALSE;
          cl_consent_record_set_string (out, CL_CONSENT_FIELD_SUBJECT,
                                        node_text (reader, node), -1);
          have_subject = TRUE;
        }
      else if (strcmp (key, "recorded_at") == 0)
        {
          if (!node_is_string (node))
            return fail_node (reader, error, "recorded_at", node,
                              _("expected an RFC 3339 timestamp as a string, e.g. "
                                "\"2026-03-01T12:00:00Z\""));
          if (!cl_time_parse_rfc3339 (node_text (reader, node), &out->recorded_at))
            return fail_node (reader, error, "recorded_at", node, _(timestamp_expected));
          have_time = TRUE;
        }
      else if (strcmp (key, "method") == 0)
        {
          if (!node_is_string (node)
              || !cl_consent_method_from_string (node_text (reader, node), &out->method))
            return fail_node (reader, error, "method", node, _(method_expected));
          have_method = TRUE;
        }
      else if (strcmp (key, "event_id") == 0)
        {
          if (!take_string (reader, out, CL_CONSENT_FIELD_EVENT_ID, key, node, error))
            return FALSE;
          if (out->event_id != NULL && out->event_id[0] == '\0')
            cl_consent_record_set_string (out, CL_CONSENT_FIELD_EVENT_ID, NULL, 0);
        }
      else if (strcmp (key, "policy_version") == 0)
        {
          if (!take_string (reader, out, CL_CONSENT_FIELD_POLICY_VERSION, key, node, error))
            return FALSE;
        }
      else if (strcmp (key, "decisions") == 0)
        {
          if (!object_or_null (reader, key, node, &object, error)
              || (object != NULL && !read_decisions (reader, out, object, error)))
            return FALSE;
        }
      else if (strcmp (key, "vendors") == 0)
        {
          if (!object_or_null (reader, key, node, &object, error)
              || (object != NULL && !read_vendors (reader, out, object, error)))
            return FALSE;
        }
      else if (strcmp (key, "tc_string") == 0)
        {
          if (!take_string (reader, out, CL_CONSENT_FIELD_TC_STRING, key, node, error))
            return FALSE;
        }
      else if (strcmp (key, "gpc") == 0)
        {
          if (node_is_null (node))
            continue;
          if (!node_is_boolean (node))
            return fail_node (reader, error, "gpc", node, _("expected true, false or null"));
          out->gpc = node->type == CL_JSON_TRUE;
        }
      else if (strcmp (key, "identifiers") == 0)
        {
          if (!object_or_null (reader, key, node, &object, error)
              || (object != NULL && !read_identifiers (reader, out, object, error)))
            return FALSE;
        }
      else if (strcmp (key, "context") == 0)
        {
          if (!object_or_null (reader, key, node, &object, error)
              || (object != NULL && !read_context (reader, out, object, error)))
            return FALSE;
        }
      else if (!unknown_member (reader, error, NULL, key,
                                N_("expected event_id, subject, recorded_at, policy_version, "
                                   "method, decisions, vendors, tc_string, gpc, identifiers "
                                   "or context")))
        return FALSE;
    }

  if (!have_subject)
    return fail (reader, error, reader->line, "subject", NULL,
                 _("missing; every event needs the visitor's consent id"));
  if (!have_time)
    return fail (reader, error, reader->line, "recorded_at", NULL,
                 _("missing; every event needs the time it was recorded (RFC 3339)"));
  if (!have_method)
    return fail (reader, error, reader->line, "method", NULL, _("missing; %s"),
                 _(method_expected));

  return TRUE;
}

static gboolean
next_jsonl (ClConsentReader  *reader,
            ClConsentRecord  *out,
            GError          **error)
{
  g_autofree char *message = NULL;
  const ClJsonNode *root;
  const char *line = NULL;
  gsize len = 0;
  guint column = 0;

  do
    {
      if (!next_line (reader, &line, &len, error))
        return FALSE;
    }
  while (is_blank (line, len));

  if (!is_ascii (line, len))
    {
      const char *bad = NULL;

      if (!g_utf8_validate (line, (gssize) len, &bad))
        return fail (reader, error, reader->line, NULL, NULL,
                     _("the line is not valid UTF-8 text (at byte %u); save the file as UTF-8"),
                     (guint) (bad - line) + 1);
    }
  else if (memchr (line, '\0', len) != NULL)
    return fail (reader, error, reader->line, NULL, NULL,
                 _("the line contains a NUL byte; the file is not text"));

  reader->json_line = line;
  if (!cl_json_line_parse (reader->json, line, len, &column, &message))
    /* Translators: the last %s is the JSON parser's own message. */
    return fail (reader, error, reader->line, NULL, NULL, _("not valid JSON at column %d: %s"),
                 (int) column, message);
  if (cl_json_line_has_more (reader->json))
    return fail (reader, error, reader->line, NULL, NULL,
                 _("more than one JSON value on the line; one consent event per line is expected"));

  root = cl_json_line_root (reader->json);
  if (root->type != CL_JSON_OBJECT)
    {
      g_autofree char *shown = show_node (reader, root);

      return fail (reader, error, reader->line, NULL, shown,
                   _("expected one consent event as a JSON object per line"));
    }

  cl_consent_record_reset (out);
  return read_event (reader, out, root, error);
}

/**
 * cl_consent_reader_next:
 * @reader: a reader
 * @out: the record to fill; reset first, so that one record serves the whole file
 * @error: an error
 *
 * Reads the next event. Blank lines are skipped.
 *
 * Returns: %TRUE with an event in @out; %FALSE at the end (@error unset) or on bad input
 *   (%CL_LEDGER_ERROR_INVALID_INPUT, "FILE:LINE: field: value: what was expected"), which
 *   every later call reports again
 */
gboolean
cl_consent_reader_next (ClConsentReader  *reader,
                        ClConsentRecord  *out,
                        GError          **error)
{
  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (reader->failed)
    {
      g_propagate_error (error, g_error_copy (reader->failure));
      return FALSE;
    }

  if (reader->format == CL_CONSENT_FORMAT_CSV)
    return next_csv (reader, out, error);
  return next_jsonl (reader, out, error);
}
