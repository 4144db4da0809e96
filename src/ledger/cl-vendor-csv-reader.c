/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendor-csv-reader.c: the vendor CSV that procurement keeps (BRIEF §4): one vendor per row,
 * purposes as the company's purpose keys or TCF numbers. Errors say "FILE:LINE: field: what". */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-vendor-csv-reader.h"

#include "cl-csv-reader.h"
#include "cl-error.h"
#include "cl-gvl-reader.h"

/* TC strings give purposes 24 bits: a larger TCF purpose number is a typing error. */
#define MAX_TCF_PURPOSE 24
#define MAX_GVL_ID      G_MAXUINT16
#define MAX_DAYS        G_MAXINT32
#define SECONDS_PER_DAY 86400
#define MAX_SHOWN       40

typedef enum
{
  COLUMN_NAME,
  COLUMN_GVL_ID,
  COLUMN_PURPOSES,
  COLUMN_LEGITIMATE_INTEREST_PURPOSES,
  COLUMN_COUNTRY,
  COLUMN_TRANSFER_SAFEGUARD,
  COLUMN_PRIVACY_URL,
  COLUMN_RETENTION_DAYS,
  COLUMN_COOKIE_MAX_AGE_DAYS,
  N_COLUMNS
} Column;

static const char * const column_names[N_COLUMNS] = {
  "name", "gvl_id", "purposes", "legitimate_interest_purposes", "country", "transfer_safeguard",
  "privacy_url", "retention_days", "cookie_max_age_days",
};

typedef struct
{
  const char         *filename;
  const char * const *purpose_keys;
  guint               line;
  int                 index[N_COLUMNS];  /* column → field index, -1 when the file lacks it */
  guint               n_fields;
  GHashTable         *gvl_ids;           /* gvl id → line */
  GHashTable         *names;             /* casefolded name of a vendor without gvl id → line */
} Reader;

static gboolean
fail (const Reader  *reader,
      const char    *field,
      GError       **error,
      const char    *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (const Reader  *reader,
      const char    *field,
      GError       **error,
      const char    *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (field != NULL)
    g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT, "%s:%u: %s: %s",
                 reader->filename, reader->line, field, what);
  else
    g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT, "%s:%u: %s",
                 reader->filename, reader->line, what);

  return FALSE;
}

static char *
shorten (const char *text)
{
  if (g_utf8_strlen (text, -1) <= MAX_SHOWN)
    return g_strdup (text);
  else
    {
      g_autofree char *start = g_utf8_substring (text, 0, MAX_SHOWN);

      return g_strconcat (start, "…", NULL);
    }
}

/* A cell without the white space around it; NULL when it is empty. */
static char *
cell (const Reader *reader,
      GPtrArray    *row,
      Column        column)
{
  char *value;

  if (reader->index[column] < 0)
    return NULL;

  value = g_strstrip (g_strdup (g_ptr_array_index (row, reader->index[column])));
  if (*value == '\0')
    g_clear_pointer (&value, g_free);

  return value;
}

static gboolean
read_header (Reader     *reader,
             GPtrArray  *row,
             GError    **error)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    reader->index[c] = -1;

  for (guint i = 0; i < row->len; i++)
    {
      g_autofree char *name = g_strstrip (g_ascii_strdown (g_ptr_array_index (row, i), -1));
      g_autofree char *shown = shorten (name);
      guint c;

      for (c = 0; c < N_COLUMNS; c++)
        if (strcmp (name, column_names[c]) == 0)
          break;

      if (c == N_COLUMNS)
        {
          g_autofree char *known = g_strjoinv (", ", (char **) column_names);

          return fail (reader, "header", error,
                       _("unknown column “%s”; the columns of a vendor list are %s"),
                       shown, known);
        }
      if (reader->index[c] >= 0)
        return fail (reader, "header", error, _("the column “%s” appears twice"), shown);
      reader->index[c] = (int) i;
    }

  if (reader->index[COLUMN_NAME] < 0)
    return fail (reader, "header", error, _("the column “name” is missing"));

  reader->n_fields = row->len;
  return TRUE;
}

/* A whole number in [min, max] written with digits only. */
static gboolean
parse_number (const char *text,
              guint64     min,
              guint64     max,
              guint64    *value)
{
  return g_ascii_string_to_unsigned (text, 10, min, max, value, NULL);
}

static const char *
find_purpose_key (const Reader *reader,
                  const char   *token)
{
  for (guint i = 0; reader->purpose_keys[i] != NULL; i++)
    if (g_ascii_strcasecmp (token, reader->purpose_keys[i]) == 0)
      return reader->purpose_keys[i];
  return NULL;
}

/* "measurement; 7;8" → company keys (in the caller's order of keys) and TCF numbers. */
static gboolean
read_purposes (const Reader  *reader,
               GPtrArray     *row,
               Column         column,
               GStrv         *company_keys,
               GArray        *tcf_ids,
               GError       **error)
{
  g_autofree char *value = cell (reader, row, column);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) tokens = NULL;
  g_autoptr(GHashTable) seen = NULL;

  if (value == NULL)
    return TRUE;

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  tokens = g_strsplit (value, ";", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *token = g_strstrip (tokens[i]);
      const char *key;
      guint64 number;

      if (*token == '\0')
        continue;

      if (g_ascii_isdigit (*token))
        {
          guint id;

          if (!parse_number (token, 1, MAX_TCF_PURPOSE, &number))
            {
              g_autofree char *shown = shorten (token);

              return fail (reader, column_names[column], error,
                           _("“%s” is not a TCF purpose number (1 to %d)"), shown,
                           MAX_TCF_PURPOSE);
            }
          id = (guint) number;
          g_array_append_val (tcf_ids, id);
          continue;
        }

      key = find_purpose_key (reader, token);
      if (key == NULL)
        {
          g_autofree char *shown = shorten (token);
          g_autofree char *known = g_strjoinv (", ", (char **) reader->purpose_keys);

          /* Translators: the second %s lists the ledger's purpose keys. */
          return fail (reader, column_names[column], error,
                       _("“%s” is neither a purpose key (%s) nor a TCF purpose number"),
                       shown, known);
        }
      g_hash_table_add (seen, (gpointer) key);
    }

  builder = g_strv_builder_new ();
  for (guint i = 0; reader->purpose_keys[i] != NULL; i++)
    if (g_hash_table_contains (seen, reader->purpose_keys[i]))
      g_strv_builder_add (builder, reader->purpose_keys[i]);
  g_strfreev (*company_keys);
  *company_keys = g_strv_builder_end (builder);
  cl_vendor_id_list_normalize (tcf_ids);

  return TRUE;
}

static gboolean
read_days (const Reader  *reader,
           GPtrArray     *row,
           Column         column,
           gboolean      *present,
           guint         *days,
           GError       **error)
{
  g_autofree char *value = cell (reader, row, column);
  guint64 number;

  *present = FALSE;
  if (value == NULL)
    return TRUE;

  if (!parse_number (value, 0, MAX_DAYS, &number))
    {
      g_autofree char *shown = shorten (value);

      return fail (reader, column_names[column], error, _("“%s” is not a number of days"), shown);
    }

  *present = TRUE;
  *days = (guint) number;
  return TRUE;
}

static gboolean
is_web_address (const char *text)
{
  const char *rest;

  if (g_ascii_strncasecmp (text, "https://", 8) == 0)
    rest = text + 8;
  else if (g_ascii_strncasecmp (text, "http://", 7) == 0)
    rest = text + 7;
  else
    return FALSE;

  if (*rest == '\0' || *rest == '/')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
      return FALSE;

  return TRUE;
}

static ClVendorRecord *
read_vendor (Reader     *reader,
             GPtrArray  *row,
             GError    **error)
{
  g_autoptr(ClVendorRecord) record = cl_vendor_record_new ();
  g_autofree char *name = NULL;
  g_autofree char *gvl_id = NULL;
  g_autofree char *country = NULL;
  g_autofree char *privacy_url = NULL;
  guint cookie_days = 0;
  gboolean has_cookie_days = FALSE;

  if (row->len != reader->n_fields)
    return fail (reader, NULL, error,
                 g_dngettext (GETTEXT_PACKAGE, "the row has %u field but the header has %u",
                              "the row has %u fields but the header has %u", row->len),
                 row->len, reader->n_fields), NULL;

  name = cell (reader, row, COLUMN_NAME);
  record->name = name != NULL ? cl_vendor_clean_name (name) : NULL;
  if (record->name == NULL || record->name[0] == '\0')
    return fail (reader, "name", error, _("the vendor has no name")), NULL;

  gvl_id = cell (reader, row, COLUMN_GVL_ID);
  if (gvl_id != NULL)
    {
      guint64 id;

      if (!parse_number (gvl_id, 1, MAX_GVL_ID, &id))
        {
          g_autofree char *shown = shorten (gvl_id);

          return fail (reader, "gvl_id", error, _("“%s” is not a GVL vendor id (1 to %d)"), shown,
                       MAX_GVL_ID), NULL;
        }
      record->gvl_id = (guint) id;
    }

  if (!read_purposes (reader, row, COLUMN_PURPOSES, &record->company_purposes, record->purposes,
                      error)
      || !read_purposes (reader, row, COLUMN_LEGITIMATE_INTEREST_PURPOSES,
                         &record->company_leg_int_purposes, record->leg_int_purposes, error))
    return NULL;

  country = cell (reader, row, COLUMN_COUNTRY);
  if (country != NULL)
    {
      g_autofree char *shown = shorten (country);

      if (strlen (country) != 2 || !g_ascii_isalpha (country[0]) || !g_ascii_isalpha (country[1]))
        return fail (reader, "country", error,
                     _("“%s” is not a two-letter country code (ISO 3166-1, such as SE or US)"),
                     shown), NULL;
      record->country = g_ascii_strup (country, -1);
    }

  record->transfer_safeguard = cell (reader, row, COLUMN_TRANSFER_SAFEGUARD);

  privacy_url = cell (reader, row, COLUMN_PRIVACY_URL);
  if (privacy_url != NULL)
    {
      if (!is_web_address (privacy_url))
        {
          g_autofree char *shown = shorten (privacy_url);

          return fail (reader, "privacy_url", error,
                       _("“%s” is not a web address starting with https:// or http://"),
                       shown), NULL;
        }
      record->privacy_url = g_steal_pointer (&privacy_url);
    }

  if (!read_days (reader, row, COLUMN_RETENTION_DAYS, &record->has_retention_days,
                  &record->retention_days, error)
      || !read_days (reader, row, COLUMN_COOKIE_MAX_AGE_DAYS, &has_cookie_days, &cookie_days,
                     error))
    return NULL;
  /* MAX_DAYS × 86,400 stays far inside 64 bits. */
  record->has_cookie_max_age = has_cookie_days;
  record->cookie_max_age_seconds = (gint64) cookie_days * SECONDS_PER_DAY;

  /* The import matches vendors by GVL id, else by name: neither may be ambiguous. */
  if (record->gvl_id != 0)
    {
      gpointer line = g_hash_table_lookup (reader->gvl_ids, GUINT_TO_POINTER (record->gvl_id));

      if (line != NULL)
        return fail (reader, "gvl_id", error, _("vendor %u is already on line %u"),
                     record->gvl_id, GPOINTER_TO_UINT (line)), NULL;
      g_hash_table_insert (reader->gvl_ids, GUINT_TO_POINTER (record->gvl_id),
                           GUINT_TO_POINTER (reader->line));
    }
  else
    {
      char *folded = g_utf8_casefold (record->name, -1);
      gpointer line = g_hash_table_lookup (reader->names, folded);

      if (line != NULL)
        {
          g_free (folded);
          return fail (reader, "name", error,
                       _("“%s” is already on line %u; give one of them its gvl_id or a distinct "
                         "name"), record->name, GPOINTER_TO_UINT (line)), NULL;
        }
      g_hash_table_insert (reader->names, folded, GUINT_TO_POINTER (reader->line));
    }

  return g_steal_pointer (&record);
}

/**
 * cl_vendor_csv_read_stream:
 * @stream: the CSV (UTF-8, header row first)
 * @filename: the name to use in error messages
 * @purpose_keys: the ledger's company purpose keys, which the purpose columns may name
 * @error: return location for a %CL_LEDGER_ERROR_INVALID_INPUT error
 *
 * Returns: (transfer full): the vendors in file order, or %NULL
 */
ClVendorList *
cl_vendor_csv_read_stream (GInputStream        *stream,
                           const char          *filename,
                           const char * const  *purpose_keys,
                           GError             **error)
{
  g_autoptr(ClCsvReader) csv = NULL;
  g_autoptr(ClVendorList) list = NULL;
  g_autoptr(GHashTable) gvl_ids = NULL;
  g_autoptr(GHashTable) names = NULL;
  Reader reader = { filename, purpose_keys, 1, { 0 }, 0, NULL, NULL };
  GPtrArray *row = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (purpose_keys != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  gvl_ids = g_hash_table_new (NULL, NULL);
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.gvl_ids = gvl_ids;
  reader.names = names;
  csv = cl_csv_reader_new (stream, filename);

  if (!cl_csv_reader_next_row (csv, &row, error))
    {
      if (error != NULL && *error != NULL)
        return NULL;
      return fail (&reader, NULL, error,
                   _("the file is empty; a vendor list starts with a header row (name, gvl_id, "
                     "purposes, …)")), NULL;
    }
  reader.line = cl_csv_reader_get_line (csv);
  if (!read_header (&reader, row, error))
    return NULL;

  list = cl_vendor_list_new (CL_VENDOR_LIST_CSV);
  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      ClVendorRecord *record;

      if (!cl_csv_reader_next_row (csv, &row, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          break;
        }
      reader.line = cl_csv_reader_get_line (csv);

      if (list->vendors->len >= CL_VENDOR_CSV_MAX_VENDORS)
        return fail (&reader, NULL, error, _("more than %d vendors; this is not a vendor list"),
                     CL_VENDOR_CSV_MAX_VENDORS), NULL;

      record = read_vendor (&reader, row, error);
      if (record == NULL)
        return NULL;
      g_ptr_array_add (list->vendors, record);
    }

  return g_steal_pointer (&list);
}

static gboolean
fail_open (const char  *display,
           GError      *cause,
           GError     **error)
{
  g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
               _("%s: the file cannot be read: %s"), display, cause->message);
  return FALSE;
}

ClVendorList *
cl_vendor_csv_read_file (const char          *path,
                         const char * const  *purpose_keys,
                         GError             **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);
  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    return fail_open (display, local_error, error), NULL;

  return cl_vendor_csv_read_stream (G_INPUT_STREAM (stream), display, purpose_keys, error);
}

/* `consentctl import vendors FILE` and Import Vendor List…: a GVL or a CSV, told apart by the
 * content (a JSON object starts with "{"; no CSV header does), not by the file's name. */
ClVendorList *
cl_vendor_list_read_file (const char          *path,
                          const char * const  *purpose_keys,
                          GError             **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    return fail_open (display, local_error, error), NULL;

  data = g_mapped_file_get_contents (mapped);
  length = g_mapped_file_get_length (mapped);
  if (cl_gvl_looks_like_json (data, length))
    return cl_gvl_read_data (data, length, display, error);

  bytes = g_mapped_file_get_bytes (mapped);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  return cl_vendor_csv_read_stream (stream, display, purpose_keys, error);
}
