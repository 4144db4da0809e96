/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-json-line.c: a recursive-descent JSON parser for the lines of a consent log.
 *
 * json-glib builds a tree of GObject-backed nodes through GScanner: about 10 µs per consent
 * event, twenty times the cost of reading the same event from CSV. A consent log line is small
 * and flat, so this parser keeps its nodes in one array and its decoded strings in one buffer,
 * both reused from line to line: nothing is allocated per line once they have grown. It accepts
 * exactly RFC 8259 (no comments, no single quotes, no trailing commas) and says where and what
 * is wrong otherwise. Nesting is limited so that a hostile line cannot exhaust the stack. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-json-line.h"

#define MAX_DEPTH 64

struct _ClJsonLine
{
  GArray     *nodes;   /* ClJsonNode; index 0 unused, so that 0 can mean none */
  GString    *texts;   /* decoded names and strings, each followed by a NUL */
  const char *line;
  gsize       len;
  gsize       pos;
  gboolean    has_more;
  guint       error_column;
  char       *error_message;
};

ClJsonLine *
cl_json_line_new (void)
{
  ClJsonLine *json = g_new0 (ClJsonLine, 1);

  json->nodes = g_array_sized_new (FALSE, TRUE, sizeof (ClJsonNode), 64);
  json->texts = g_string_sized_new (1024);
  return json;
}

void
cl_json_line_free (ClJsonLine *json)
{
  if (json == NULL)
    return;
  g_array_unref (json->nodes);
  g_string_free (json->texts, TRUE);
  g_free (json->error_message);
  g_free (json);
}

const ClJsonNode *
cl_json_line_node (ClJsonLine *json,
                   guint       index)
{
  g_return_val_if_fail (index > 0 && index < json->nodes->len, NULL);
  return &g_array_index (json->nodes, ClJsonNode, index);
}

const char *
cl_json_line_text (ClJsonLine *json,
                   guint       offset)
{
  g_return_val_if_fail (offset < json->texts->len, NULL);
  return json->texts->str + offset;
}

/* Whether the line holds a second value after the first (which cl_json_line_parse() read). */
gboolean
cl_json_line_has_more (ClJsonLine *json)
{
  return json->has_more;
}

/* Errors: the first one wins; the column counts characters from 1, as an editor shows them. */
static gboolean
fail_at (ClJsonLine *json,
         gsize       pos,
         const char *message)
{
  if (json->error_message == NULL)
    {
      json->error_column = (guint) g_utf8_strlen (json->line, (gssize) MIN (pos, json->len)) + 1;
      json->error_message = g_strdup (message);
    }
  return FALSE;
}

static gboolean
fail_unexpected (ClJsonLine *json,
                 const char *expected)
{
  g_autofree char *message = NULL;

  if (json->pos >= json->len)
    /* Translators: %s says what should have come, e.g. “expected a value”. */
    message = g_strdup_printf (_("the line ends too early; %s"), expected);
  else
    {
      const char *at = json->line + json->pos;
      const char *after = g_utf8_find_next_char (at, json->line + json->len);
      int n = after != NULL ? (int) (after - at) : (int) (json->len - json->pos);

      /* Translators: “unexpected ‘x’; expected a value” */
      message = g_strdup_printf (_("unexpected ‘%.*s’; %s"), n, at, expected);
    }
  return fail_at (json, json->pos, message);
}

static void
skip_space (ClJsonLine *json)
{
  while (json->pos < json->len)
    {
      char c = json->line[json->pos];

      if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
        break;
      json->pos++;
    }
}

static guint
add_node (ClJsonLine *json,
          ClJsonType  type,
          guint       name)
{
  ClJsonNode node = { type, name, G_MAXUINT, 0, (guint) json->pos, 0, 0, 0 };

  g_array_append_val (json->nodes, node);
  return json->nodes->len - 1;
}

static ClJsonNode *
node_at (ClJsonLine *json,
         guint       index)
{
  return &g_array_index (json->nodes, ClJsonNode, index);
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (ClJsonLine *json,
           gunichar   *out)
{
  gunichar value = 0;

  if (json->pos + 4 > json->len)
    return fail_at (json, json->pos, _("a \\u escape needs four hexadecimal digits"));
  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (json->line[json->pos + i]);

      if (digit < 0)
        return fail_at (json, json->pos, _("a \\u escape needs four hexadecimal digits"));
      value = value << 4 | (gunichar) digit;
    }
  json->pos += 4;
  *out = value;
  return TRUE;
}

/* A \uXXXX escape (the \u read already). A surrogate pair makes one character; a lone
 * surrogate is kept as the bytes json-glib made of it, which are not UTF-8: the reader then
 * refuses the field by name. */
static gboolean
read_unicode_escape (ClJsonLine *json)
{
  gunichar c, low;
  char utf8[6];
  int n;

  if (!read_hex4 (json, &c))
    return FALSE;
  if (c >= 0xD800 && c <= 0xDBFF && json->pos + 6 <= json->len
      && json->line[json->pos] == '\\' && json->line[json->pos + 1] == 'u')
    {
      gsize saved = json->pos;

      json->pos += 2;
      if (!read_hex4 (json, &low))
        return FALSE;
      if (low >= 0xDC00 && low <= 0xDFFF)
        c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
      else
        json->pos = saved;
    }
  n = g_unichar_to_utf8 (c, utf8);
  g_string_append_len (json->texts, utf8, n);
  return TRUE;
}

/* A string (json->pos at its opening quote), decoded into texts; returns its offset. */
static gboolean
read_string (ClJsonLine *json,
             guint      *offset,
             guint      *length)
{
  *offset = (guint) json->texts->len;
  json->pos++;

  for (;;)
    {
      gsize run = json->pos;
      char c;

      /* Plain characters are copied in runs. */
      while (run < json->len && json->line[run] != '"' && json->line[run] != '\\'
             && (guchar) json->line[run] >= 0x20)
        run++;
      g_string_append_len (json->texts, json->line + json->pos, (gssize) (run - json->pos));
      json->pos = run;

      if (json->pos >= json->len)
        return fail_at (json, json->pos, _("a string is not closed"));
      c = json->line[json->pos];
      if (c == '"')
        break;
      if (c != '\\')
        return fail_at (json, json->pos,
                        _("a control character in a string must be written as an escape"));

      json->pos++;
      if (json->pos >= json->len)
        return fail_at (json, json->pos, _("a string is not closed"));
      c = json->line[json->pos++];
      switch (c)
        {
        case '"': case '\\': case '/':
          g_string_append_c (json->texts, c);
          break;
        case 'b': g_string_append_c (json->texts, '\b'); break;
        case 'f': g_string_append_c (json->texts, '\f'); break;
        case 'n': g_string_append_c (json->texts, '\n'); break;
        case 'r': g_string_append_c (json->texts, '\r'); break;
        case 't': g_string_append_c (json->texts, '\t'); break;
        case 'u':
          if (!read_unicode_escape (json))
            return FALSE;
          break;
        default:
          return fail_at (json, json->pos - 2, _("unknown escape in a string"));
        }
    }

  json->pos++;
  *length = (guint) json->texts->len - *offset;
  g_string_append_c (json->texts, '\0');
  return TRUE;
}

static gboolean
read_digits (ClJsonLine *json)
{
  gsize start = json->pos;

  while (json->pos < json->len && g_ascii_isdigit (json->line[json->pos]))
    json->pos++;
  return json->pos > start;
}

/* -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
static gboolean
read_number (ClJsonLine *json)
{
  if (json->line[json->pos] == '-')
    json->pos++;
  if (json->pos < json->len && json->line[json->pos] == '0')
    json->pos++;
  else if (!read_digits (json))
    return fail_unexpected (json, _("expected a digit"));

  if (json->pos < json->len && json->line[json->pos] == '.')
    {
      json->pos++;
      if (!read_digits (json))
        return fail_unexpected (json, _("expected a digit after the decimal point"));
    }
  if (json->pos < json->len && (json->line[json->pos] == 'e' || json->line[json->pos] == 'E'))
    {
      json->pos++;
      if (json->pos < json->len && (json->line[json->pos] == '+' || json->line[json->pos] == '-'))
        json->pos++;
      if (!read_digits (json))
        return fail_unexpected (json, _("expected a digit in the exponent"));
    }
  return TRUE;
}

static gboolean
read_word (ClJsonLine *json,
           const char *word)
{
  gsize n = strlen (word);

  if (json->len - json->pos < n || memcmp (json->line + json->pos, word, n) != 0)
    return fail_unexpected (json, _("expected a value: an object, an array, a string, a "
                                    "number, true, false or null"));
  json->pos += n;
  return TRUE;
}

static gboolean read_value (ClJsonLine *json,
                            guint       name,
                            guint       depth,
                            guint      *index);

/* Links a parent's children in order: prev is the last child so far (0: none yet). */
static void
link_child (ClJsonLine *json,
            guint       parent,
            guint      *prev,
            guint       child)
{
  if (*prev == 0)
    node_at (json, parent)->first_child = child;
  else
    node_at (json, *prev)->next = child;
  *prev = child;
}

/* "name": of an object member, up to its value. */
static gboolean
read_member_name (ClJsonLine *json,
                  guint      *name)
{
  guint name_len;

  skip_space (json);
  if (json->pos >= json->len || json->line[json->pos] != '"')
    return fail_unexpected (json, _("expected a member name in double quotes"));
  if (!read_string (json, name, &name_len))
    return FALSE;
  skip_space (json);
  if (json->pos >= json->len || json->line[json->pos] != ':')
    return fail_unexpected (json, _("expected ‘:’ after a member name"));
  json->pos++;
  return TRUE;
}

/* The members of an object or the elements of an array (json->pos at its opening bracket). */
static gboolean
read_container (ClJsonLine *json,
                guint       index,
                guint       depth,
                gboolean    is_object)
{
  const char close = is_object ? '}' : ']';
  guint prev = 0;

  json->pos++;
  skip_space (json);
  if (json->pos < json->len && json->line[json->pos] == close)
    {
      json->pos++;
      return TRUE;
    }

  for (;;)
    {
      guint name = G_MAXUINT, child;

      if (is_object && !read_member_name (json, &name))
        return FALSE;
      if (!read_value (json, name, depth + 1, &child))
        return FALSE;
      link_child (json, index, &prev, child);

      skip_space (json);
      if (json->pos < json->len && json->line[json->pos] == ',')
        {
          json->pos++;
          continue;
        }
      if (json->pos < json->len && json->line[json->pos] == close)
        {
          json->pos++;
          return TRUE;
        }
      return fail_unexpected (json, is_object ? _("expected ‘,’ or ‘}’ after a member")
                                              : _("expected ‘,’ or ‘]’ after an element"));
    }
}

static gboolean
read_value (ClJsonLine *json,
            guint       name,
            guint       depth,
            guint      *index)
{
  gboolean ok;
  char c;

  skip_space (json);
  if (depth > MAX_DEPTH)
    return fail_at (json, json->pos, _("objects and arrays are nested too deeply"));
  if (json->pos >= json->len)
    return fail_unexpected (json, _("expected a value"));

  c = json->line[json->pos];
  switch (c)
    {
    case '{':
      *index = add_node (json, CL_JSON_OBJECT, name);
      ok = read_container (json, *index, depth, TRUE);
      break;
    case '[':
      *index = add_node (json, CL_JSON_ARRAY, name);
      ok = read_container (json, *index, depth, FALSE);
      break;
    case '"':
      {
        guint text, text_len;

        *index = add_node (json, CL_JSON_STRING, name);
        ok = read_string (json, &text, &text_len);
        node_at (json, *index)->text = text;
        node_at (json, *index)->text_len = text_len;
      }
      break;
    case 't':
      *index = add_node (json, CL_JSON_TRUE, name);
      ok = read_word (json, "true");
      break;
    case 'f':
      *index = add_node (json, CL_JSON_FALSE, name);
      ok = read_word (json, "false");
      break;
    case 'n':
      *index = add_node (json, CL_JSON_NULL, name);
      ok = read_word (json, "null");
      break;
    default:
      if (c == '-' || g_ascii_isdigit (c))
        {
          *index = add_node (json, CL_JSON_NUMBER, name);
          ok = read_number (json);
        }
      else
        return fail_unexpected (json, _("expected a value: an object, an array, a string, a "
                                        "number, true, false or null"));
    }

  if (ok)
    node_at (json, *index)->end = (guint) json->pos;
  return ok;
}

/**
 * cl_json_line_parse:
 * @json: a parser
 * @line: one line, without its newline; it must stay alive while the nodes are read
 * @len: its length in bytes (at most G_MAXUINT)
 * @error_column: (out): on failure, the column (in characters, from 1) of the problem
 * @error_message: (out) (transfer full): on failure, what is wrong, in words
 *
 * Parses the first JSON value of @line: node 1, cl_json_line_root(). What may follow it is
 * white space, or a second value, which cl_json_line_has_more() then reports.
 *
 * Returns: whether @line starts with a valid JSON value and holds nothing else but space or
 *   another value
 */
gboolean
cl_json_line_parse (ClJsonLine  *json,
                    const char  *line,
                    gsize        len,
                    guint       *error_column,
                    char       **error_message)
{
  ClJsonNode none = { 0 };
  guint root;

  g_return_val_if_fail (len < G_MAXUINT, FALSE);

  g_array_set_size (json->nodes, 0);
  g_array_append_val (json->nodes, none);
  g_string_truncate (json->texts, 0);
  g_clear_pointer (&json->error_message, g_free);
  json->line = line;
  json->len = len;
  json->pos = 0;
  json->has_more = FALSE;

  if (read_value (json, G_MAXUINT, 0, &root))
    {
      skip_space (json);
      if (json->pos == json->len)
        return TRUE;
      if (json->line[json->pos] == '{' || json->line[json->pos] == '[')
        {
          json->has_more = TRUE;
          return TRUE;
        }
      fail_unexpected (json, _("expected the end of the line after the value"));
    }

  *error_column = json->error_column;
  *error_message = g_steal_pointer (&json->error_message);
  return FALSE;
}
