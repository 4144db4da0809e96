/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-csv-reader.c: a streaming RFC 4180 CSV reader built for million-line imports: it reads
 * big blocks, scans runs of ordinary bytes with a table lookup instead of one call per byte,
 * and reuses one record buffer, so memory stays flat whatever the file's size. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-csv-reader.h"
#include "cl-error.h"

/* Reads start small (a short file costs little) and grow while the stream fills them. */
#define FIRST_BLOCK_SIZE (16 * 1024)
#define BLOCK_SIZE (256 * 1024)

typedef enum
{
  ST_RECORD_START,    /* between records: blank lines are skipped here */
  ST_FIELD_START,     /* after a comma, or the first byte of a record */
  ST_UNQUOTED,
  ST_QUOTED,
  ST_QUOTE_IN_QUOTED, /* saw a quote inside a quoted field: doubled, or the closing one */
  ST_DONE,            /* end of file reached */
  ST_FAILED,          /* an error was reported; it is reported again on every later call */
} State;

/* Byte classes for the scanning loops: 0 = ordinary, 1 = stops the scan, 2 = non-ASCII. */
enum { ORD = 0, STOP = 1, HIGH = 2 };

struct _ClCsvReader
{
  GInputStream *stream;
  GCancellable *cancellable;
  char         *filename;

  guint8       *buf;
  gsize         buf_size;
  const guint8 *pos;
  const guint8 *end;
  guint8        last_byte;   /* the byte before buf[0], to pair CR LF across blocks */
  guint64       bytes_read;
  gboolean      eof;
  gboolean      started;     /* the BOM check has been done */

  State         state;
  GError       *failure;
  guint         line;        /* line of the byte being parsed, from 1 */
  guint         row_line;    /* line where the current record started */
  guint         quote_line;  /* line where the open quoted field started */

  /* The current record: fields without quotes, each NUL-terminated, back to back. */
  guint8       *rec;
  gsize         rec_len;
  gsize         rec_cap;
  GArray       *starts;      /* gsize offset of each field in rec */
  gboolean      non_ascii;   /* the record has bytes >= 0x80 and must be validated */
  GPtrArray    *row;         /* borrowed pointers into rec, handed out */
};

static guint8 unquoted_class[256];
static guint8 quoted_class[256];

static void
init_tables (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0x80; i < 256; i++)
        unquoted_class[i] = quoted_class[i] = HIGH;
      unquoted_class[','] = unquoted_class['"'] = STOP;
      unquoted_class['\r'] = unquoted_class['\n'] = unquoted_class['\0'] = STOP;
      quoted_class['"'] = quoted_class['\n'] = quoted_class['\0'] = STOP;
      g_once_init_leave (&done, 1);
    }
}

/**
 * cl_csv_reader_new:
 * @stream: the CSV bytes, UTF-8, with or without a byte-order mark
 * @filename: the name used in error messages
 *
 * Returns: (transfer full): a reader; free it with cl_csv_reader_free()
 */
ClCsvReader *
cl_csv_reader_new (GInputStream *stream,
                   const char   *filename)
{
  ClCsvReader *reader;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  init_tables ();

  reader = g_new0 (ClCsvReader, 1);
  reader->stream = g_object_ref (stream);
  reader->filename = g_strdup (filename != NULL ? filename : _("(stream)"));
  reader->buf_size = FIRST_BLOCK_SIZE;
  reader->buf = g_malloc (reader->buf_size);
  reader->pos = reader->end = reader->buf;
  reader->state = ST_RECORD_START;
  reader->line = 1;
  reader->rec_cap = 4096;
  reader->rec = g_malloc (reader->rec_cap);
  reader->starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 32);
  reader->row = g_ptr_array_sized_new (32);

  return reader;
}

void
cl_csv_reader_free (ClCsvReader *reader)
{
  if (reader == NULL)
    return;

  g_clear_object (&reader->stream);
  g_clear_object (&reader->cancellable);
  g_clear_error (&reader->failure);
  g_free (reader->filename);
  g_free (reader->buf);
  g_free (reader->rec);
  g_array_unref (reader->starts);
  g_ptr_array_unref (reader->row);
  g_free (reader);
}

void
cl_csv_reader_set_cancellable (ClCsvReader  *reader,
                               GCancellable *cancellable)
{
  g_return_if_fail (reader != NULL);

  g_set_object (&reader->cancellable, cancellable);
}

/**
 * cl_csv_reader_get_line:
 *
 * Returns: the line (from 1) where the row last returned started
 */
guint
cl_csv_reader_get_line (ClCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->row_line;
}

/**
 * cl_csv_reader_get_bytes_read:
 *
 * Returns: how many bytes were read from the stream so far, for a progress bar
 */
guint64
cl_csv_reader_get_bytes_read (ClCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->bytes_read;
}

const char *
cl_csv_reader_get_filename (ClCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);

  return reader->filename;
}

G_GNUC_PRINTF (4, 5)
static gboolean
fail (ClCsvReader  *reader,
      GError      **error,
      guint         line,
      const char   *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  reader->state = ST_FAILED;
  reader->failure = g_error_new (CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                                 "%s:%u: %s", reader->filename, line, what);
  g_propagate_error (error, g_error_copy (reader->failure));
  return FALSE;
}

static gboolean
read_failed (ClCsvReader  *reader,
             GError      **error,
             GError       *read_error)
{
  reader->state = ST_FAILED;
  g_prefix_error (&read_error, "%s: ", reader->filename);
  reader->failure = read_error;
  g_propagate_error (error, g_error_copy (reader->failure));
  return FALSE;
}

/* Reads the next block; FALSE with @error set when the stream fails. At end of file it
 * returns TRUE and sets reader->eof. */
static gboolean
refill (ClCsvReader  *reader,
        GError      **error)
{
  GError *read_error = NULL;
  gssize n;

  if (reader->end > reader->buf)
    reader->last_byte = reader->end[-1];

  /* Everything in buf is consumed: it can grow without moving anything still needed. */
  if ((gsize) (reader->end - reader->buf) == reader->buf_size && reader->buf_size < BLOCK_SIZE)
    {
      reader->buf_size *= 2;
      g_free (reader->buf);
      reader->buf = g_malloc (reader->buf_size);
    }

  n = g_input_stream_read (reader->stream, reader->buf, reader->buf_size, reader->cancellable,
                           &read_error);
  if (n < 0)
    return read_failed (reader, error, read_error);

  reader->pos = reader->buf;
  reader->end = reader->buf + n;
  reader->bytes_read += (guint64) n;
  if (n == 0)
    reader->eof = TRUE;

  return TRUE;
}

/* The first bytes may be a UTF-8 byte-order mark, which spreadsheets like to write. The
 * stream may return fewer than three bytes at a time, so gather them first. */
static gboolean
skip_bom (ClCsvReader  *reader,
          GError      **error)
{
  gsize have = 0;

  while (have < 3)
    {
      GError *read_error = NULL;
      gssize n = g_input_stream_read (reader->stream, reader->buf + have, reader->buf_size - have,
                                      reader->cancellable, &read_error);
      if (n < 0)
        return read_failed (reader, error, read_error);
      if (n == 0)
        break;
      have += (gsize) n;
    }

  reader->bytes_read += have;
  reader->pos = reader->buf;
  reader->end = reader->buf + have;
  if (have >= 3 && memcmp (reader->buf, "\xEF\xBB\xBF", 3) == 0)
    reader->pos += 3;

  return TRUE;
}

static inline gboolean
rec_append (ClCsvReader   *reader,
            const guint8  *data,
            gsize          len,
            GError       **error)
{
  if (G_UNLIKELY (reader->rec_len + len + 1 > reader->rec_cap))
    {
      if (reader->rec_len + len + 1 > CL_CSV_MAX_RECORD)
        return fail (reader, error, reader->row_line,
                     _("the record is longer than 1 MiB; is the file really CSV, "
                       "or is a quote left open?"));

      while (reader->rec_len + len + 1 > reader->rec_cap)
        reader->rec_cap *= 2;
      reader->rec_cap = MIN (reader->rec_cap, CL_CSV_MAX_RECORD);
      reader->rec = g_realloc (reader->rec, reader->rec_cap);
    }

  memcpy (reader->rec + reader->rec_len, data, len);
  reader->rec_len += len;
  return TRUE;
}

static inline gboolean
field_begin (ClCsvReader *reader)
{
  g_array_append_val (reader->starts, reader->rec_len);
  return TRUE;
}

static inline gboolean
field_end (ClCsvReader  *reader,
           GError      **error)
{
  static const guint8 nul = 0;

  return rec_append (reader, &nul, 1, error);
}

/* Which line holds byte @offset of the record: the record's first line plus the newlines
 * before it, which can only be inside quoted fields. */
static guint
line_of_offset (ClCsvReader *reader,
                gsize        offset)
{
  guint line = reader->row_line;

  for (gsize i = 0; i < offset; i++)
    if (reader->rec[i] == '\n')
      line++;

  return line;
}

static gboolean
emit_row (ClCsvReader  *reader,
          GPtrArray   **row,
          GError      **error)
{
  const gsize *starts = (const gsize *) (gpointer) reader->starts->data;
  guint n = reader->starts->len;

  if (reader->non_ascii)
    {
      for (guint i = 0; i < n; i++)
        {
          const char *field = (const char *) reader->rec + starts[i];
          gsize len = (i + 1 < n ? starts[i + 1] : reader->rec_len) - starts[i] - 1;
          const char *bad = NULL;

          if (!g_utf8_validate (field, (gssize) len, &bad))
            return fail (reader, error, line_of_offset (reader, (gsize) ((const guint8 *) bad - reader->rec)),
                         _("field %u is not valid UTF-8 text; save the file as UTF-8"), i + 1);
        }
    }

  g_ptr_array_set_size (reader->row, (gint) n);
  for (guint i = 0; i < n; i++)
    reader->row->pdata[i] = reader->rec + starts[i];

  *row = reader->row;
  reader->state = ST_RECORD_START;
  return TRUE;
}

static gboolean
nul_byte (ClCsvReader  *reader,
          GError      **error)
{
  return fail (reader, error, reader->line,
               _("the file contains a NUL byte; it is not a text file"));
}

/* Is the '\n' at @p the second half of a CR LF pair? */
static inline gboolean
after_cr (ClCsvReader  *reader,
          const guint8 *p)
{
  return (p > reader->buf ? p[-1] : reader->last_byte) == '\r';
}

/**
 * cl_csv_reader_next_row:
 * @reader: a reader
 * @row: (out) (transfer none): the fields of the next record, valid until the next call
 * @error: an error
 *
 * Reads the next record. Lines with no characters at all are skipped; a line holding only
 * `""` is a record with one empty field.
 *
 * Returns: %TRUE with a row; %FALSE at the end of the file (@error unset) or on bad input
 *   (%CL_LEDGER_ERROR_INVALID_INPUT, "FILE:LINE: what is wrong") or a read error, which
 *   every later call reports again
 */
gboolean
cl_csv_reader_next_row (ClCsvReader  *reader,
                        GPtrArray   **row,
                        GError      **error)
{
  const guint8 *p;
  const guint8 *end;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  *row = NULL;

  if (reader->state == ST_FAILED)
    {
      g_propagate_error (error, g_error_copy (reader->failure));
      return FALSE;
    }
  if (reader->state == ST_DONE)
    return FALSE;

  if (!reader->started)
    {
      reader->started = TRUE;
      if (!skip_bom (reader, error))
        return FALSE;
    }

  reader->rec_len = 0;
  g_array_set_size (reader->starts, 0);
  reader->non_ascii = FALSE;

  for (;;)
    {
      p = reader->pos;
      end = reader->end;

      if (p == end)
        {
          if (!reader->eof && !refill (reader, error))
            return FALSE;

          if (reader->eof)
            {
              switch (reader->state)
                {
                case ST_RECORD_START:
                  reader->state = ST_DONE;
                  return FALSE;

                case ST_FIELD_START:
                  field_begin (reader);
                  G_GNUC_FALLTHROUGH;
                case ST_UNQUOTED:
                case ST_QUOTE_IN_QUOTED:
                  if (!field_end (reader, error) || !emit_row (reader, row, error))
                    return FALSE;
                  reader->state = ST_DONE;
                  return TRUE;

                case ST_QUOTED:
                  return fail (reader, error, reader->quote_line,
                               _("a quoted field starts here and is never closed; "
                                 "a closing double quote is missing"));

                case ST_DONE:
                case ST_FAILED:
                default:
                  g_assert_not_reached ();
                }
            }
          continue;
        }

      switch (reader->state)
        {
        case ST_RECORD_START:
          /* Blank lines (LF, CR LF or a lone CR) between records are not records. */
          while (p < end && (*p == '\n' || *p == '\r'))
            {
              if (*p == '\r' || !after_cr (reader, p))
                reader->line++;
              p++;
            }
          if (p == end)
            break;
          reader->row_line = reader->line;
          reader->state = ST_FIELD_START;
          G_GNUC_FALLTHROUGH;

        case ST_FIELD_START:
          field_begin (reader);
          if (*p == '"')
            {
              reader->quote_line = reader->line;
              reader->state = ST_QUOTED;
              p++;
              break;
            }
          reader->state = ST_UNQUOTED;
          G_GNUC_FALLTHROUGH;

        case ST_UNQUOTED:
          {
            const guint8 *s = p;

            for (;;)
              {
                while (p < end && unquoted_class[*p] == ORD)
                  p++;
                if (p < end && unquoted_class[*p] == HIGH)
                  {
                    reader->non_ascii = TRUE;
                    p++;
                    continue;
                  }
                break;
              }
            if (!rec_append (reader, s, (gsize) (p - s), error))
              return FALSE;
            if (p == end)
              break;

            switch (*p)
              {
              case ',':
                if (!field_end (reader, error))
                  return FALSE;
                reader->state = ST_FIELD_START;
                p++;
                break;

              case '\r':
              case '\n':
                reader->line++;
                p++;
                reader->pos = p;
                return field_end (reader, error) && emit_row (reader, row, error);

              case '"':
                return fail (reader, error, reader->line,
                             _("a double quote inside a field that does not start with one; "
                               "enclose the field in double quotes and double the quote (\"\")"));

              default:
                return nul_byte (reader, error);
              }
          }
          break;

        case ST_QUOTED:
          {
            const guint8 *s = p;

            for (;;)
              {
                while (p < end && quoted_class[*p] == ORD)
                  p++;
                if (p < end && quoted_class[*p] == HIGH)
                  reader->non_ascii = TRUE;
                else if (p < end && *p == '\n')
                  reader->line++;
                else
                  break;
                p++;
              }
            if (!rec_append (reader, s, (gsize) (p - s), error))
              return FALSE;
            if (p == end)
              break;
            if (*p == '\0')
              return nul_byte (reader, error);

            reader->state = ST_QUOTE_IN_QUOTED;
            p++;
          }
          break;

        case ST_QUOTE_IN_QUOTED:
          switch (*p)
            {
            case '"':
              if (!rec_append (reader, p, 1, error))
                return FALSE;
              reader->state = ST_QUOTED;
              p++;
              break;

            case ',':
              if (!field_end (reader, error))
                return FALSE;
              reader->state = ST_FIELD_START;
              p++;
              break;

            case '\r':
            case '\n':
              reader->line++;
              p++;
              reader->pos = p;
              return field_end (reader, error) && emit_row (reader, row, error);

            default:
              return fail (reader, error, reader->line,
                           _("text after the closing double quote of a field; "
                             "a comma or the end of the line was expected"));
            }
          break;

        case ST_DONE:
        case ST_FAILED:
        default:
          g_assert_not_reached ();
        }

      reader->pos = p;
    }
}

/* Writing */

/**
 * cl_csv_field_needs_quotes:
 *
 * Returns: whether the field holds a comma, a double quote, a line break, or leading or
 *   trailing spaces (which spreadsheets would otherwise trim)
 */
gboolean
cl_csv_field_needs_quotes (const char *value,
                           gssize      len)
{
  gsize n;

  if (value == NULL)
    return FALSE;

  n = len < 0 ? strlen (value) : (gsize) len;
  if (n == 0)
    return FALSE;
  if (value[0] == ' ' || value[n - 1] == ' ')
    return TRUE;

  for (gsize i = 0; i < n; i++)
    {
      char c = value[i];

      if (c == ',' || c == '"' || c == '\n' || c == '\r')
        return TRUE;
    }

  return FALSE;
}

/**
 * cl_csv_append_field_len:
 * @out: where the CSV is being written
 * @value: (nullable): the field; %NULL is written as an empty field
 * @len: length of @value, or -1 when NUL-terminated
 *
 * Appends one field, quoted when needed; the caller writes the commas and line ends.
 */
void
cl_csv_append_field_len (GString    *out,
                         const char *value,
                         gssize      len)
{
  gsize n;

  g_return_if_fail (out != NULL);

  if (value == NULL)
    return;

  n = len < 0 ? strlen (value) : (gsize) len;
  if (!cl_csv_field_needs_quotes (value, (gssize) n))
    {
      g_string_append_len (out, value, (gssize) n);
      return;
    }

  g_string_append_c (out, '"');
  for (gsize i = 0; i < n; i++)
    {
      const char *q = memchr (value + i, '"', n - i);
      gsize run = q != NULL ? (gsize) (q - (value + i)) + 1 : n - i;

      g_string_append_len (out, value + i, (gssize) run);
      if (q != NULL)
        g_string_append_c (out, '"');
      i += run - 1;
    }
  g_string_append_c (out, '"');
}

void
cl_csv_append_field (GString    *out,
                     const char *value)
{
  cl_csv_append_field_len (out, value, -1);
}

/**
 * cl_csv_append_row:
 * @out: where the CSV is being written
 * @values: (array length=n_values) (nullable): the fields; %NULL ones are empty
 * @n_values: the number of fields
 *
 * Appends one record terminated by CR LF.
 */
void
cl_csv_append_row (GString            *out,
                   const char * const *values,
                   guint               n_values)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < n_values; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      cl_csv_append_field (out, values[i]);
    }
  g_string_append (out, "\r\n");
}
