/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv-reader.c: the streaming RFC 4180 reader, its errors, and the CSV quoting helpers. */
#include "config.h"

#include <string.h>

#include "cl-csv-reader.h"
#include "cl-error.h"

/* A stream that returns one byte per read, so that every state of the reader meets the end
 * of a block (a CR LF split in two, a doubled quote split in two, a BOM in three). */
#define TEST_TYPE_TRICKLE_STREAM (test_trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, TEST, TRICKLE_STREAM, GInputStream)

struct _TestTrickleStream
{
  GInputStream parent_instance;
  GBytes      *bytes;
  gsize        pos;
  gsize        fail_at;  /* a read error here, when not 0 */
};

G_DEFINE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
test_trickle_stream_read (GInputStream  *stream,
                          void          *buffer,
                          gsize          count,
                          GCancellable  *cancellable,
                          GError       **error)
{
  TestTrickleStream *self = TEST_TRICKLE_STREAM (stream);
  gsize size;
  const guint8 *data = g_bytes_get_data (self->bytes, &size);

  if (self->fail_at != 0 && self->pos == self->fail_at)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the disk went away");
      return -1;
    }
  if (self->pos >= size || count == 0)
    return 0;
  ((guint8 *) buffer)[0] = data[self->pos++];
  return 1;
}

static void
test_trickle_stream_finalize (GObject *object)
{
  g_bytes_unref (TEST_TRICKLE_STREAM (object)->bytes);
  G_OBJECT_CLASS (test_trickle_stream_parent_class)->finalize (object);
}

static void
test_trickle_stream_class_init (TestTrickleStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_trickle_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_trickle_stream_read;
}

static void
test_trickle_stream_init (TestTrickleStream *self)
{
}

static GInputStream *
make_stream (const char *data,
             gssize      len,
             gboolean    trickle)
{
  GBytes *bytes = g_bytes_new (data, len < 0 ? strlen (data) : (gsize) len);

  if (trickle)
    {
      TestTrickleStream *stream = g_object_new (TEST_TYPE_TRICKLE_STREAM, NULL);

      stream->bytes = bytes;
      return G_INPUT_STREAM (stream);
    }

  return g_memory_input_stream_new_from_bytes (bytes);
}

/* Reads the whole CSV and renders it as "LINE:[f1][f2]\n" per record, or returns NULL with
 * the error. Reads it both in one block and a byte at a time, and checks they agree. */
static char *
parse_len (const char  *csv,
           gssize       len,
           GError     **error)
{
  char *results[2] = { NULL, NULL };
  GError *errors[2] = { NULL, NULL };

  for (guint trickle = 0; trickle < 2; trickle++)
    {
      g_autoptr(GInputStream) stream = make_stream (csv, len, trickle);
      g_autoptr(ClCsvReader) reader = cl_csv_reader_new (stream, "test.csv");
      GString *out = g_string_new (NULL);
      GPtrArray *row;

      while (cl_csv_reader_next_row (reader, &row, &errors[trickle]))
        {
          g_string_append_printf (out, "%u:", cl_csv_reader_get_line (reader));
          for (guint i = 0; i < row->len; i++)
            g_string_append_printf (out, "[%s]", (const char *) row->pdata[i]);
          g_string_append_c (out, '\n');
        }

      /* After the end or an error, it stays there. */
      if (errors[trickle] == NULL)
        {
          g_assert_false (cl_csv_reader_next_row (reader, &row, NULL));
          g_assert_cmpuint (cl_csv_reader_get_bytes_read (reader), ==,
                            len < 0 ? strlen (csv) : (gsize) len);
        }
      else
        {
          g_autoptr(GError) again = NULL;

          g_assert_false (cl_csv_reader_next_row (reader, &row, &again));
          g_assert_error (again, errors[trickle]->domain, errors[trickle]->code);
        }
      results[trickle] = g_string_free (out, FALSE);
    }

  g_assert_cmpstr (results[0], ==, results[1]);
  if (errors[0] != NULL || errors[1] != NULL)
    {
      g_assert_nonnull (errors[0]);
      g_assert_nonnull (errors[1]);
      g_assert_cmpstr (errors[0]->message, ==, errors[1]->message);
    }
  g_free (results[1]);
  g_clear_error (&errors[1]);

  if (errors[0] != NULL)
    {
      g_propagate_error (error, errors[0]);
      g_free (results[0]);
      return NULL;
    }

  return results[0];
}

static char *
parse (const char  *csv,
       GError     **error)
{
  return parse_len (csv, -1, error);
}

static void
assert_rows (const char *csv,
             const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = parse (csv, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rows, ==, expected);
}

static void
assert_error_len (const char *csv,
                  gssize      len,
                  const char *expected_prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = parse_len (csv, len, &error);

  g_assert_null (rows);
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_test_message ("%s", error->message);
  if (!g_str_has_prefix (error->message, expected_prefix))
    g_error ("“%s” does not start with “%s”", error->message, expected_prefix);
}

static void
assert_error (const char *csv,
              const char *expected_prefix)
{
  assert_error_len (csv, -1, expected_prefix);
}

static void
test_simple (void)
{
  assert_rows ("a,b,c\n1,2,3\n", "1:[a][b][c]\n2:[1][2][3]\n");
  assert_rows ("a,b,c\n1,2,3", "1:[a][b][c]\n2:[1][2][3]\n");  /* no final line break */
  assert_rows ("", "");
  assert_rows ("x", "1:[x]\n");
}

static void
test_empty_fields (void)
{
  assert_rows (",\n", "1:[][]\n");
  assert_rows ("a,,c,\n", "1:[a][][c][]\n");
  assert_rows ("a,", "1:[a][]\n");
  assert_rows ("\"\"\n", "1:[]\n");
  assert_rows ("\"\",\"\"", "1:[][]\n");
}

static void
test_line_endings (void)
{
  assert_rows ("a,b\r\nc,d\r\n", "1:[a][b]\n2:[c][d]\n");
  assert_rows ("a,b\rc,d\r", "1:[a][b]\n2:[c][d]\n");        /* old Mac line ends */
  assert_rows ("a\r\nb\nc\rd", "1:[a]\n2:[b]\n3:[c]\n4:[d]\n");
  assert_rows ("\"a\"\r\n\"b\"\n", "1:[a]\n2:[b]\n");
}

static void
test_blank_lines (void)
{
  assert_rows ("\n\na\n\n\r\n\rb\n\n", "3:[a]\n7:[b]\n");
  assert_rows ("\r\n\r\n", "");
}

static void
test_quoted (void)
{
  assert_rows ("\"a,b\",c\n", "1:[a,b][c]\n");
  assert_rows ("\"he said \"\"hi\"\"\",x\n", "1:[he said \"hi\"][x]\n");
  assert_rows ("\"\"\"\"\n", "1:[\"]\n");
  assert_rows ("\"a\nb\",c\nd\n", "1:[a\nb][c]\n3:[d]\n");
  assert_rows ("\"a\r\nb\",c\r\nd\r\n", "1:[a\r\nb][c]\n3:[d]\n");
  assert_rows ("\"multi\n\nline\"\n", "1:[multi\n\nline]\n");
  assert_rows ("x,\"\"\n", "1:[x][]\n");
  /* Spaces are data, not padding. */
  assert_rows (" a , b \n", "1:[ a ][ b ]\n");
}

static void
test_bom (void)
{
  assert_rows ("\xEF\xBB\xBF" "a,b\n", "1:[a][b]\n");
  assert_rows ("\xEF\xBB\xBF", "");
  assert_rows ("\xEF\xBB\xBF\"q\"\n", "1:[q]\n");
  /* Only at the very start. */
  assert_rows ("a\n\xEF\xBB\xBF" "b\n", "1:[a]\n2:[\xEF\xBB\xBF" "b]\n");
}

static void
test_utf8 (void)
{
  assert_rows ("Åsa,Björk,\"Ödmjuk, ärlig\"\n", "1:[Åsa][Björk][Ödmjuk, ärlig]\n");
  assert_rows ("😀,\"€\"\n", "1:[😀][€]\n");
}

static void
test_error_unterminated_quote (void)
{
  assert_error ("a,b\nc,\"open\nmore\n", "test.csv:2: a quoted field starts here and is never closed");
}

static void
test_error_stray_quote (void)
{
  assert_error ("a,b\nc,d\"e\n", "test.csv:2: a double quote inside a field");
  assert_error ("ab\"\n", "test.csv:1: a double quote inside a field");
}

static void
test_error_text_after_quote (void)
{
  assert_error ("a\n\"x\"y,z\n", "test.csv:2: text after the closing double quote");
  assert_error ("\"x\" ,z\n", "test.csv:1: text after the closing double quote");
  /* The line of the error, not of the record it started. */
  assert_error ("\"a\nb\"c\n", "test.csv:2: text after the closing double quote");
}

static void
test_error_invalid_utf8 (void)
{
  assert_error ("a,b\nc,\xff\n", "test.csv:2: field 2 is not valid UTF-8");
  assert_error ("\xc3\x28\n", "test.csv:1: field 1 is not valid UTF-8");    /* bad continuation */
  assert_error ("\xe2\x82\n", "test.csv:1: field 1 is not valid UTF-8");    /* truncated */
  assert_error ("\xc0\xaf\n", "test.csv:1: field 1 is not valid UTF-8");    /* overlong */
  assert_error ("\xed\xa0\x80\n", "test.csv:1: field 1 is not valid UTF-8"); /* surrogate */
  assert_error ("\"a\nb\n\xfe\"\n", "test.csv:3: field 1 is not valid UTF-8");
  /* Latin-1, as an old spreadsheet would save it. */
  assert_error ("namn\nBj\xf6rk\n", "test.csv:2: field 1 is not valid UTF-8");
}

static void
test_error_nul (void)
{
  assert_error_len ("a,b\nc\0d\n", 8, "test.csv:2: the file contains a NUL byte");
  assert_error_len ("\"a\0\"\n", 5, "test.csv:1: the file contains a NUL byte");
}

static void
test_error_record_too_long (void)
{
  gsize len = CL_CSV_MAX_RECORD + 10;
  g_autofree char *csv = g_malloc (len + 16);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(ClCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *row;

  strcpy (csv, "a,b\n");
  memset (csv + 4, 'x', len);
  strcpy (csv + 4 + len, "\n");

  stream = make_stream (csv, -1, FALSE);
  reader = cl_csv_reader_new (stream, "test.csv");
  g_assert_true (cl_csv_reader_next_row (reader, &row, &error));
  g_assert_false (cl_csv_reader_next_row (reader, &row, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "test.csv:2: the record is longer than 1 MiB"));
}

/* Many tiny fields count against the limit too: a line of a million commas is refused. */
static void
test_error_too_many_fields (void)
{
  gsize len = CL_CSV_MAX_RECORD + 10;
  g_autofree char *csv = g_malloc (len + 1);

  memset (csv, ',', len);
  csv[len] = '\0';
  assert_error (csv, "test.csv:1: the record is longer than 1 MiB");
}

/* Records that straddle block boundaries, with quotes and line breaks, come out whole. */
static void
test_big_records (void)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(ClCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *row;
  guint n = 0;

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(GString) field = g_string_new (NULL);
      char number[16];

      for (gsize j = 0; j < 1000 + i * 20011; j++)
        g_string_append_c (field, j % 97 == 0 ? '\n' : j % 89 == 0 ? '"' : 'a' + (char) (j % 26));
      g_snprintf (number, sizeof number, "%u", i);
      cl_csv_append_row (csv, (const char * const[]) { number, field->str, "end" }, 3);
    }

  stream = make_stream (csv->str, (gssize) csv->len, FALSE);
  reader = cl_csv_reader_new (stream, "big.csv");
  while (cl_csv_reader_next_row (reader, &row, &error))
    {
      gsize len = 1000 + n * 20011;
      const char *field = row->pdata[1];

      g_assert_cmpuint (row->len, ==, 3);
      g_assert_cmpuint (strtoul (row->pdata[0], NULL, 10), ==, n);
      g_assert_cmpuint (strlen (field), ==, len);
      for (gsize j = 0; j < len; j++)
        g_assert_cmpint (field[j], ==, j % 97 == 0 ? '\n' : j % 89 == 0 ? '"' : 'a' + (char) (j % 26));
      g_assert_cmpstr (row->pdata[2], ==, "end");
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 40);
  g_assert_cmpuint (cl_csv_reader_get_bytes_read (reader), ==, csv->len);
}

/* A read error is not bad input: it keeps its own domain, names the file, and sticks. */
static void
test_read_error (void)
{
  g_autoptr(GInputStream) stream = make_stream ("a,b\nc,d\n", -1, TRUE);
  g_autoptr(ClCsvReader) reader = cl_csv_reader_new (stream, "test.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  GPtrArray *row;

  TEST_TRICKLE_STREAM (stream)->fail_at = 6;
  g_assert_true (cl_csv_reader_next_row (reader, &row, &error));
  g_assert_false (cl_csv_reader_next_row (reader, &row, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "test.csv: the disk went away");
  g_assert_false (cl_csv_reader_next_row (reader, &row, &again));
  g_assert_error (again, G_IO_ERROR, G_IO_ERROR_FAILED);
}

static void
test_needs_quotes (void)
{
  g_assert_false (cl_csv_field_needs_quotes ("plain", -1));
  g_assert_false (cl_csv_field_needs_quotes ("", -1));
  g_assert_false (cl_csv_field_needs_quotes (NULL, -1));
  g_assert_false (cl_csv_field_needs_quotes ("Åsa Öberg", -1));
  g_assert_true (cl_csv_field_needs_quotes ("a,b", -1));
  g_assert_true (cl_csv_field_needs_quotes ("a\"b", -1));
  g_assert_true (cl_csv_field_needs_quotes ("a\nb", -1));
  g_assert_true (cl_csv_field_needs_quotes ("a\rb", -1));
  g_assert_true (cl_csv_field_needs_quotes (" lead", -1));
  g_assert_true (cl_csv_field_needs_quotes ("trail ", -1));
  g_assert_false (cl_csv_field_needs_quotes ("a,b", 1));
}

static void
test_write (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *fields[] = { "plain", "a,b", "say \"hi\"", NULL, "", "two\nlines", "\"" };

  cl_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  g_assert_cmpstr (out->str, ==,
                   "plain,\"a,b\",\"say \"\"hi\"\"\",,,\"two\nlines\",\"\"\"\"\r\n");

  g_string_truncate (out, 0);
  cl_csv_append_field_len (out, "ab\"cd", 3);
  g_assert_cmpstr (out->str, ==, "\"ab\"\"\"");
}

/* Whatever the writer writes, the reader reads back the same. */
static void
test_write_read_round_trip (void)
{
  static const char alphabet[] = "ab ,\"\r\nÅ€";
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(ClCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint32 state = 7;
  GPtrArray *row;
  guint k = 0;

  for (guint r = 0; r < 500; r++)
    {
      guint n_fields = 1 + r % 5;
      g_autoptr(GPtrArray) fields = g_ptr_array_new ();

      for (guint f = 0; f < n_fields; f++)
        {
          GString *value = g_string_new (NULL);
          guint len;

          state = state * 1103515245 + 12345;
          len = (state >> 16) % 8;
          for (guint i = 0; i < len; i++)
            {
              state = state * 1103515245 + 12345;
              switch ((state >> 16) % 9)
                {
                case 7: g_string_append (value, "Å"); break;
                case 8: g_string_append (value, "€"); break;
                default: g_string_append_c (value, alphabet[(state >> 16) % 7]); break;
                }
            }
          g_ptr_array_add (fields, value->str);
          g_ptr_array_add (expected, g_string_free (value, FALSE));
        }
      /* A record of one empty field would be a blank line, which is skipped. */
      if (n_fields == 1 && ((char *) fields->pdata[0])[0] == '\0')
        {
          g_ptr_array_remove_index (expected, expected->len - 1);
          continue;
        }
      cl_csv_append_row (csv, (const char * const *) fields->pdata, fields->len);
    }

  stream = make_stream (csv->str, (gssize) csv->len, FALSE);
  reader = cl_csv_reader_new (stream, "round.csv");
  while (cl_csv_reader_next_row (reader, &row, &error))
    for (guint i = 0; i < row->len; i++)
      g_assert_cmpstr (row->pdata[i], ==, expected->pdata[k++]);
  g_assert_no_error (error);
  g_assert_cmpuint (k, ==, expected->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ledger/csv/simple", test_simple);
  g_test_add_func ("/ledger/csv/empty-fields", test_empty_fields);
  g_test_add_func ("/ledger/csv/line-endings", test_line_endings);
  g_test_add_func ("/ledger/csv/blank-lines", test_blank_lines);
  g_test_add_func ("/ledger/csv/quoted", test_quoted);
  g_test_add_func ("/ledger/csv/bom", test_bom);
  g_test_add_func ("/ledger/csv/utf8", test_utf8);
  g_test_add_func ("/ledger/csv/big-records", test_big_records);
  g_test_add_func ("/ledger/csv/bad-unterminated-quote", test_error_unterminated_quote);
  g_test_add_func ("/ledger/csv/bad-stray-quote", test_error_stray_quote);
  g_test_add_func ("/ledger/csv/bad-text-after-quote", test_error_text_after_quote);
  g_test_add_func ("/ledger/csv/bad-utf8", test_error_invalid_utf8);
  g_test_add_func ("/ledger/csv/bad-nul", test_error_nul);
  g_test_add_func ("/ledger/csv/bad-record-too-long", test_error_record_too_long);
  g_test_add_func ("/ledger/csv/bad-too-many-fields", test_error_too_many_fields);
  g_test_add_func ("/ledger/csv/read-error", test_read_error);
  g_test_add_func ("/ledger/csv/needs-quotes", test_needs_quotes);
  g_test_add_func ("/ledger/csv/write", test_write);
  g_test_add_func ("/ledger/csv/write-read-round-trip", test_write_read_round_trip);

  return g_test_run ();
}
