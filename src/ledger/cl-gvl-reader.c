/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-gvl-reader.c: the IAB TCF Global Vendor List (specification versions 2 and 3) into vendor
 * records. It tolerates what real lists do (huge and null cookie ages, untidy names, missing
 * sections and fields) and refuses, with a sentence, what would make the ledger wrong. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cl-error.h"
#include "cl-gvl-reader.h"

/* Real lists nest five levels deep; json-glib 1.6 parses recursively and has no limit of its
 * own, so deeper input is refused before it reaches the parser (the stack would overflow). */
#define MAX_NESTING 64
/* TC strings encode vendor ids in 16 bits; purposes and the rest are far smaller. */
#define MAX_TCF_ID G_MAXUINT16
#define MAX_NAME_IN_MESSAGE 40

typedef struct
{
  const char *filename;
  const char *vendor;   /* the vendor key being read, for messages; NULL outside vendors */
} Reader;

static gboolean
fail (const Reader  *reader,
      GError       **error,
      const char    *format,
      ...) G_GNUC_PRINTF (3, 4);

/* "FILE: what is wrong (vendor ID)". */
static gboolean
fail (const Reader  *reader,
      GError       **error,
      const char    *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (reader->vendor != NULL)
    /* Translators: “FILE: what is wrong (vendor ID)”. */
    g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT, _("%s: %s (vendor %s)"),
                 reader->filename, what, reader->vendor);
  else
    g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT, "%s: %s",
                 reader->filename, what);

  return FALSE;
}

static gboolean
fail_at_line (const Reader  *reader,
              guint          line,
              GError       **error,
              const char    *what)
{
  g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT, "%s:%u: %s",
               reader->filename, line, what);
  return FALSE;
}

/* A key or value from the file, short enough for a message. */
static char *
shorten (const char *text)
{
  if (g_utf8_strlen (text, -1) <= MAX_NAME_IN_MESSAGE)
    return g_strdup (text);
  else
    {
      g_autofree char *start = g_utf8_substring (text, 0, MAX_NAME_IN_MESSAGE);

      return g_strconcat (start, "…", NULL);
    }
}

/* A kind of JSON value, as a message puts it: “must be text, not a list”. Translated here, so
 * that the messages' “not %s” reads as a sentence; called only when a message is made. */
static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return C_("kind of JSON value", "an object");
    case JSON_NODE_ARRAY:
      return C_("kind of JSON value", "a list");
    case JSON_NODE_NULL:
      return C_("kind of JSON value", "null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return C_("kind of JSON value", "text");
    case G_TYPE_BOOLEAN:
      return C_("kind of JSON value", "true or false");
    case G_TYPE_INT64:
      return C_("kind of JSON value", "a number");
    case G_TYPE_DOUBLE:
      {
        double d = json_node_get_double (node);

        if (!isfinite (d) || fabs (d) > 9007199254740992.0)
          return C_("kind of JSON value", "a number out of range");
        if (d != floor (d))
          return C_("kind of JSON value", "a fraction");
        return C_("kind of JSON value", "a number");
      }
    default:
      return C_("kind of JSON value", "a value of an unknown kind");
    }
}

static gboolean
is_null (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

/* A whole number; JSON does not distinguish 3 from 3.0, so an integral double counts. */
static gboolean
node_get_integer (JsonNode *node,
                  gint64   *value)
{
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *value = json_node_get_int (node);
      return TRUE;
    }

  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      /* 2^53: beyond it a double no longer holds every whole number. */
      if (isfinite (d) && d == floor (d) && fabs (d) <= 9007199254740992.0)
        {
          *value = (gint64) d;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_boolean (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

/* A decimal id as an object key ("52"): digits only, no sign, no spaces. */
static gboolean
parse_key_id (const char *key,
              guint64     max,
              guint      *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (key, 10, 1, max, &value, NULL))
    return FALSE;
  *id = (guint) value;
  return TRUE;
}

/* Refuses, before parsing, what json-glib would not survive or would read wrongly: text that is
 * not UTF-8, nesting deeper than MAX_NESTING, and whole numbers beyond 64 bits (json-glib 1.6
 * turns those into -1 without a word). */
static gboolean
check_text (const Reader  *reader,
            const char    *data,
            gsize          length,
            GError       **error)
{
  const char *end = NULL;
  guint line = 1;
  guint depth = 0;
  gboolean in_string = FALSE;

  if (!g_utf8_validate_len (data, length, &end))
    {
      for (const char *p = data; p < end; p++)
        line += *p == '\n';
      return fail_at_line (reader, line, error,
                           _("the text is not UTF-8; a vendor list is a UTF-8 JSON file"));
    }

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;

      if (in_string)
        {
          if (c == '\\' && i + 1 < length && data[i + 1] != '\n')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;

        case '[':
        case '{':
          if (++depth > MAX_NESTING)
            return fail_at_line (reader, line, error,
                                 _("the data nests too deeply to be a vendor list"));
          break;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;

        case '-':
        case '0' ... '9':
          {
            gsize start = i;
            gboolean integral = TRUE;
            char number[32];

            while (i + 1 < length && strchr ("0123456789+-.eE", data[i + 1]) != NULL
                   && data[i + 1] != '\0')
              {
                i++;
                if (data[i] == '.' || data[i] == 'e' || data[i] == 'E')
                  integral = FALSE;
              }
            if (!integral)
              break;
            /* Malformed numbers are left to the parser, which names them. */
            if (i - start + 1 >= sizeof number)
              return fail_at_line (reader, line, error,
                                   _("a number is too large for any vendor list field"));
            memcpy (number, data + start, i - start + 1);
            number[i - start + 1] = '\0';
            errno = 0;
            g_ascii_strtoll (number, NULL, 10);
            if (errno == ERANGE)
              return fail_at_line (reader, line, error,
                                   _("a number is too large for any vendor list field"));
          }
          break;

        default:
          break;
        }
    }

  return TRUE;
}

/* json-glib translates its "Parse error: " label; returns @text past it in either language. */
static const char *
skip_parse_error_label (const char *text)
{
  const char *format = g_dgettext ("json-glib-1.0", "%s:%d:%d: Parse error: %s");
  const char *label = g_strrstr (format, "%d: ");
  gsize len;

  if (label == NULL || !g_str_has_suffix (format, "%s"))
    return text;
  label += strlen ("%d: ");
  len = strlen (label) - strlen ("%s");
  if (len > 0 && strncmp (text, label, len) == 0)
    return text + len;
  return text;
}

/* json-glib says "<data>:3:2: Parse error: unexpected …"; the officer needs the file and line. */
static gboolean
fail_parse (const Reader  *reader,
            GError        *parse_error,
            GError       **error)
{
  /* json-glib quotes the bad token, cut at a byte count that may split a character. */
  g_autofree char *message = g_utf8_make_valid (parse_error->message, -1);
  guint line = 0, column = 0;
  int consumed = 0;

  if (g_str_has_prefix (message, "<data>:")
      && sscanf (message + strlen ("<data>:"), "%u:%u: %n", &line, &column, &consumed) == 2
      && consumed > 0)
    {
      const char *rest = message + strlen ("<data>:") + consumed;
      const char *what = skip_parse_error_label (rest);

      if (what != rest)
        {
          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                       _("%s:%u: the file is not valid JSON: %s (column %u)"), reader->filename,
                       line, what, column);
          return FALSE;
        }
    }

  return fail (reader, error, _("the file is not valid JSON: %s"), message);
}

/* An optional list of TCF ids: absent or null is an empty list. */
static gboolean
read_id_list (const Reader  *reader,
              JsonObject    *object,
              const char    *member,
              GArray        *ids,
              GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;
  guint length;

  if (is_null (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, error, _("“%s” must be a list of TCF ids, not %s"), member,
                 describe_node (node));

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gint64 value;
      guint id;

      if (!node_get_integer (element, &value))
        return fail (reader, error, _("“%s” must be a list of TCF ids, but it holds %s"), member,
                     describe_node (element));
      if (value < 1 || value > MAX_TCF_ID)
        return fail (reader, error, _("“%s” holds %" PRId64 ", which is not a TCF id"),
                     member, value);
      id = (guint) value;
      g_array_append_val (ids, id);
    }

  cl_vendor_id_list_normalize (ids);
  return TRUE;
}

static gboolean
read_optional_string (const Reader  *reader,
                      JsonObject    *object,
                      const char    *member,
                      char         **value,
                      GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (is_null (node))
    return TRUE;

  if (!node_is_string (node))
    return fail (reader, error, _("“%s” must be text, not %s"), member, describe_node (node));

  g_free (*value);
  *value = g_strstrip (g_strdup (json_node_get_string (node)));
  if (**value == '\0')
    g_clear_pointer (value, g_free);

  return TRUE;
}

/* An optional date and time (lastUpdated, deletedDate), kept as the list writes it. */
static gboolean
read_optional_date_time (const Reader  *reader,
                         JsonObject    *object,
                         const char    *member,
                         char         **value,
                         GError       **error)
{
  g_autoptr(GDateTime) date_time = NULL;

  if (!read_optional_string (reader, object, member, value, error))
    return FALSE;
  if (*value == NULL)
    return TRUE;

  date_time = g_date_time_new_from_iso8601 (*value, NULL);
  if (date_time == NULL)
    {
      g_autofree char *shown = shorten (*value);

      return fail (reader, error, _("“%s” is “%s”, which is not a date and time such as "
                     "2023-09-04T00:00:00Z"), member, shown);
    }

  return TRUE;
}

static gboolean
read_optional_flag (const Reader  *reader,
                    JsonObject    *object,
                    const char    *member,
                    ClVendorFlag  *flag,
                    GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (is_null (node))
    return TRUE;

  if (!node_is_boolean (node))
    return fail (reader, error, _("“%s” must be true or false, not %s"), member,
                 describe_node (node));

  *flag = json_node_get_boolean (node) ? CL_VENDOR_FLAG_YES : CL_VENDOR_FLAG_NO;
  return TRUE;
}

/* A whole number in [min, max]; absent or null leaves *present FALSE. @label names the member in
 * messages when its name alone would not say where it is. */
static gboolean
read_optional_integer (const Reader  *reader,
                       JsonObject    *object,
                       const char    *member,
                       const char    *label,
                       gint64         min,
                       gint64         max,
                       gboolean      *present,
                       gint64        *value,
                       GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *present = FALSE;
  if (is_null (node))
    return TRUE;

  if (label == NULL)
    label = member;
  if (!node_get_integer (node, value))
    return fail (reader, error, _("“%s” must be a whole number, not %s"), label,
                 describe_node (node));
  if (*value < min || *value > max)
    return fail (reader, error, _("“%s” is %" PRId64 ", out of range (%" PRId64
                   " to %" PRId64 ")"), label, *value, min, max);

  *present = TRUE;
  return TRUE;
}

static int
compare_retention (gconstpointer a,
                   gconstpointer b)
{
  const ClVendorRetention *x = a;
  const ClVendorRetention *y = b;

  return x->id < y->id ? -1 : x->id > y->id;
}

/* dataRetention.purposes / .specialPurposes: {"2": 14, "7": 14} → id → days. */
static gboolean
read_retention_map (const Reader  *reader,
                    JsonObject    *retention,
                    const char    *member,
                    GArray        *out,
                    GError       **error)
{
  JsonNode *node = json_object_get_member (retention, member);
  JsonObjectIter iter;
  const char *key;
  JsonNode *value_node;

  if (is_null (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (reader, error, _("“dataRetention.%s” must be an object of days by purpose id, "
                   "not %s"), member, describe_node (node));

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &key, &value_node))
    {
      ClVendorRetention entry;
      gint64 days;

      if (!parse_key_id (key, MAX_TCF_ID, &entry.id))
        {
          g_autofree char *shown = shorten (key);

          return fail (reader, error, _("“dataRetention.%s” has the key “%s”, which is not a TCF "
                         "id"), member, shown);
        }
      if (!node_get_integer (value_node, &days) || days < 0 || days > G_MAXINT32)
        return fail (reader, error, _("“dataRetention.%s.%s” must be a number of days, not %s"),
                     member, key, describe_node (value_node));
      entry.days = (guint) days;
      g_array_append_val (out, entry);
    }

  g_array_sort (out, compare_retention);
  return TRUE;
}

static gboolean
read_retention (const Reader    *reader,
                JsonObject      *vendor,
                ClVendorRecord  *record,
                GError         **error)
{
  JsonNode *node = json_object_get_member (vendor, "dataRetention");
  JsonObject *retention;
  gint64 days = 0;

  if (is_null (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (reader, error, _("“dataRetention” must be an object, not %s"),
                 describe_node (node));

  retention = json_node_get_object (node);
  if (!read_optional_integer (reader, retention, "stdRetention", "dataRetention.stdRetention",
                              0, G_MAXINT32, &record->has_std_retention, &days, error))
    return FALSE;
  record->std_retention = (guint) days;

  return read_retention_map (reader, retention, "purposes", record->purpose_retention, error)
         && read_retention_map (reader, retention, "specialPurposes",
                                record->special_purpose_retention, error);
}

static gboolean
read_urls (const Reader    *reader,
           JsonObject      *vendor,
           ClVendorRecord  *record,
           GError         **error)
{
  JsonNode *node = json_object_get_member (vendor, "urls");
  JsonArray *array;
  guint length;

  if (is_null (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, error, _("“urls” must be a list, not %s"), describe_node (node));

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      ClVendorUrl *url;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (reader, error, _("“urls” must hold objects, not %s"), describe_node (element));
      object = json_node_get_object (element);

      url = g_new0 (ClVendorUrl, 1);
      g_ptr_array_add (record->urls, url);
      if (!read_optional_string (reader, object, "langId", &url->lang_id, error)
          || !read_optional_string (reader, object, "privacy", &url->privacy, error)
          || !read_optional_string (reader, object, "legIntClaim", &url->leg_int_claim, error))
        return FALSE;
      /* Not validated as a language tag: real lists say "sr - cyrl". */
      if (url->lang_id == NULL)
        return fail (reader, error, _("an entry of “urls” has no “langId”"));
    }

  return TRUE;
}

static ClVendorRecord *
read_vendor (Reader      *reader,
             const char  *key,
             JsonNode    *node,
             GError     **error)
{
  g_autoptr(ClVendorRecord) record = cl_vendor_record_new ();
  g_autofree char *shown_key = shorten (key);
  JsonObject *vendor;
  JsonNode *member;
  gint64 id;
  gboolean present;

  reader->vendor = shown_key;

  if (!parse_key_id (key, G_MAXUINT32, &record->gvl_id))
    return fail (reader, error, _("the key “%s” of “vendors” is not a vendor id"), shown_key), NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (reader, error, _("the vendor is %s, not an object"), describe_node (node)), NULL;
  vendor = json_node_get_object (node);

  member = json_object_get_member (vendor, "id");
  if (member == NULL)
    return fail (reader, error, _("the vendor has no “id”")), NULL;
  if (!node_get_integer (member, &id) || id < 1)
    return fail (reader, error, _("the vendor’s “id” must be a positive whole number, not %s"),
                 describe_node (member)), NULL;
  if (id != record->gvl_id)
    return fail (reader, error, _("the vendor’s “id” %" PRId64 " disagrees with its key "
                   "“%s”"), id, shown_key), NULL;
  if (id > MAX_TCF_ID)
    return fail (reader, error, _("the vendor id %" PRId64 " is out of range; TCF vendor "
                   "ids are 1 to %u"), id, MAX_TCF_ID), NULL;

  member = json_object_get_member (vendor, "name");
  if (member == NULL || !node_is_string (member))
    return fail (reader, error, _("the vendor’s “name” must be text, not %s"),
                 member ? describe_node (member) : C_("kind of JSON value", "missing")), NULL;
  record->name = cl_vendor_clean_name (json_node_get_string (member));
  if (record->name == NULL || record->name[0] == '\0')
    return fail (reader, error, _("the vendor’s “name” is empty")), NULL;

  if (!read_id_list (reader, vendor, "purposes", record->purposes, error)
      || !read_id_list (reader, vendor, "legIntPurposes", record->leg_int_purposes, error)
      || !read_id_list (reader, vendor, "flexiblePurposes", record->flexible_purposes, error)
      || !read_id_list (reader, vendor, "specialPurposes", record->special_purposes, error)
      || !read_id_list (reader, vendor, "features", record->features, error)
      || !read_id_list (reader, vendor, "specialFeatures", record->special_features, error)
      || !read_id_list (reader, vendor, "dataDeclaration", record->data_declaration, error)
      || !read_retention (reader, vendor, record, error)
      || !read_urls (reader, vendor, record, error)
      || !read_optional_string (reader, vendor, "policyUrl", &record->policy_url, error)
      || !read_optional_flag (reader, vendor, "usesCookies", &record->uses_cookies, error)
      || !read_optional_integer (reader, vendor, "cookieMaxAgeSeconds", NULL, G_MININT64,
                                 G_MAXINT64, &present, &record->cookie_max_age_seconds, error)
      || !read_optional_flag (reader, vendor, "cookieRefresh", &record->cookie_refresh, error)
      || !read_optional_flag (reader, vendor, "usesNonCookieAccess",
                              &record->uses_non_cookie_access, error)
      || !read_optional_string (reader, vendor, "deviceStorageDisclosureUrl",
                                &record->device_storage_disclosure_url, error)
      || !read_optional_date_time (reader, vendor, "deletedDate", &record->deleted_date, error))
    return NULL;
  record->has_cookie_max_age = present;

  reader->vendor = NULL;
  return g_steal_pointer (&record);
}

static int
compare_vendors (gconstpointer a,
                 gconstpointer b)
{
  const ClVendorRecord *x = *(ClVendorRecord * const *) a;
  const ClVendorRecord *y = *(ClVendorRecord * const *) b;

  return x->gvl_id < y->gvl_id ? -1 : x->gvl_id > y->gvl_id;
}

static gboolean
read_vendors (Reader        *reader,
              JsonObject    *root,
              ClVendorList  *list,
              GError       **error)
{
  JsonNode *node = json_object_get_member (root, "vendors");
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (node == NULL)
    return fail (reader, error, _("the list has no “vendors”; this is not a Global Vendor List"));
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (reader, error, _("“vendors” must be an object of vendors by id, not %s"),
                 describe_node (node));

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &key, &value))
    {
      ClVendorRecord *record = read_vendor (reader, key, value, error);

      if (record == NULL)
        return FALSE;
      g_ptr_array_add (list->vendors, record);
    }

  g_ptr_array_sort (list->vendors, compare_vendors);
  /* "7" and "007" are the same vendor; json-glib already merged identical keys. */
  for (guint i = 1; i < list->vendors->len; i++)
    {
      const ClVendorRecord *previous = g_ptr_array_index (list->vendors, i - 1);
      const ClVendorRecord *record = g_ptr_array_index (list->vendors, i);

      if (previous->gvl_id == record->gvl_id)
        return fail (reader, error, _("vendor %u appears twice in “vendors”"), record->gvl_id);
    }

  return TRUE;
}

static int
compare_definitions (gconstpointer a,
                     gconstpointer b)
{
  const ClGvlDefinition *x = *(ClGvlDefinition * const *) a;
  const ClGvlDefinition *y = *(ClGvlDefinition * const *) b;

  return x->id < y->id ? -1 : x->id > y->id;
}

/* purposes, features, dataCategories …: {"1": {"id": 1, "name": "…", "description": "…"}}.
 * Lists without these sections are fine; a section that is there must be well formed. */
static gboolean
read_definitions (const Reader         *reader,
                  JsonObject           *root,
                  ClGvlDefinitionKind   kind,
                  GPtrArray            *out,
                  GError              **error)
{
  const char *section = cl_gvl_definition_kind_to_key (kind);
  JsonNode *node = json_object_get_member (root, section);
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (is_null (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (reader, error, _("“%s” must be an object of definitions by id, not %s"), section,
                 describe_node (node));

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &key, &value))
    {
      g_autofree char *shown = shorten (key);
      ClGvlDefinition *definition;
      JsonObject *object;
      JsonNode *member;
      gint64 id;
      guint key_id;

      if (!parse_key_id (key, MAX_TCF_ID, &key_id))
        return fail (reader, error, _("the key “%s” of “%s” is not an id"), shown, section);
      if (!JSON_NODE_HOLDS_OBJECT (value))
        /* Translators: a section of the list, a key in it, and a kind of value, e.g. “purposes”
         * “3” is a list, not an object. */
        return fail (reader, error, _("“%s” “%s” is %s, not an object"), section, shown,
                     describe_node (value));
      object = json_node_get_object (value);

      member = json_object_get_member (object, "id");
      if (member != NULL && (!node_get_integer (member, &id) || id != key_id))
        return fail (reader, error, _("the “id” of “%s” “%s” disagrees with its key"), section,
                     shown);

      member = json_object_get_member (object, "name");
      if (member == NULL || !node_is_string (member))
        return fail (reader, error, _("“%s” “%s” has no “name” text"), section, shown);

      definition = g_new0 (ClGvlDefinition, 1);
      g_ptr_array_add (out, definition);
      definition->id = key_id;
      definition->name = cl_vendor_clean_name (json_node_get_string (member));
      if (!read_optional_string (reader, object, "description", &definition->description, error))
        return FALSE;
    }

  g_ptr_array_sort (out, compare_definitions);
  return TRUE;
}

static gboolean
read_header (const Reader  *reader,
             JsonObject    *root,
             ClVendorList  *list,
             GError       **error)
{
  gboolean present;
  gint64 value;

  if (!read_optional_integer (reader, root, "gvlSpecificationVersion", NULL, G_MININT64,
                              G_MAXINT64, &present, &value, error))
    return FALSE;
  if (!present)
    return fail (reader, error, _("the list has no “gvlSpecificationVersion”; it is either a TCF "
                   "version 1 list or not a Global Vendor List. Specification versions 2 and 3 "
                   "can be imported"));
  if (value != 2 && value != 3)
    return fail (reader, error, _("the list is in specification version %" PRId64 ", "
                   "which Consent Ledger does not know; versions 2 and 3 can be imported"), value);
  list->spec_version = (guint) value;

  if (!read_optional_integer (reader, root, "vendorListVersion", NULL, 1, G_MAXUINT32, &present,
                              &value, error))
    return FALSE;
  if (!present)
    return fail (reader, error, _("the list has no “vendorListVersion”"));
  list->vendor_list_version = (guint) value;

  if (!read_optional_integer (reader, root, "tcfPolicyVersion", NULL, 1, G_MAXUINT32, &present,
                              &value, error))
    return FALSE;
  list->tcf_policy_version = present ? (guint) value : 0;

  return read_optional_date_time (reader, root, "lastUpdated", &list->last_updated, error);
}

/* Whether @data looks like JSON rather than CSV: its first visible character opens an object. */
gboolean
cl_gvl_looks_like_json (const char *data,
                        gsize       length)
{
  gsize i = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return i < length && data[i] == '{';
}

ClVendorList *
cl_gvl_read_data (const char  *data,
                  gsize        length,
                  const char  *filename,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(ClVendorList) list = NULL;
  g_autoptr(GError) parse_error = NULL;
  Reader reader = { filename, NULL };
  JsonNode *root;
  JsonObject *object;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A byte-order mark is not JSON, but editors on Windows add one. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (length > CL_GVL_MAX_FILE_SIZE)
    return fail (&reader, error, _("the file is too large to be a vendor list")), NULL;
  if (!check_text (&reader, data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, length > 0 ? data : "", length, &parse_error))
    return fail_parse (&reader, parse_error, error), NULL;

  root = json_parser_get_root (parser);
  if (root == NULL)
    return fail (&reader, error, _("the file is empty")), NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return fail (&reader, error, _("the file holds %s, not an object; this is not a Global Vendor "
                   "List"), describe_node (root)), NULL;
  object = json_node_get_object (root);

  list = cl_vendor_list_new (CL_VENDOR_LIST_GVL);
  if (!read_header (&reader, object, list, error))
    return NULL;
  for (guint kind = 0; kind < CL_GVL_N_DEFINITION_KINDS; kind++)
    if (!read_definitions (&reader, object, kind, list->definitions[kind], error))
      return NULL;
  if (!read_vendors (&reader, object, list, error))
    return NULL;

  return g_steal_pointer (&list);
}

ClVendorList *
cl_gvl_read_file (const char  *path,
                  GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);
  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("%s: the file cannot be read: %s"), display, local_error->message);
      return NULL;
    }

  return cl_gvl_read_data (g_mapped_file_get_contents (file), g_mapped_file_get_length (file),
                           display, error);
}
