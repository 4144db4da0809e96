/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json-line.c: the strict JSON parser of consent log lines. */
#include "config.h"

#include <string.h>

#include "cl-json-line.h"

static ClJsonLine *
parse_ok (const char *line)
{
  ClJsonLine *json = cl_json_line_new ();
  g_autofree char *message = NULL;
  guint column = 0;

  if (!cl_json_line_parse (json, line, strlen (line), &column, &message))
    g_error ("%s: column %u: %s", line, column, message);
  return json;
}

static void
assert_error (const char *line,
              guint       expected_column,
              const char *expected_message)
{
  g_autoptr(ClJsonLine) json = cl_json_line_new ();
  g_autofree char *message = NULL;
  guint column = 0;

  g_assert_false (cl_json_line_parse (json, line, strlen (line), &column, &message));
  g_assert_cmpuint (column, ==, expected_column);
  if (strstr (message, expected_message) == NULL)
    g_error ("%s: “%s” does not say “%s”", line, message, expected_message);
}

static const ClJsonNode *
member (ClJsonLine       *json,
        const ClJsonNode *object,
        const char       *name)
{
  for (guint i = object->first_child; i != 0; i = cl_json_line_node (json, i)->next)
    {
      const ClJsonNode *node = cl_json_line_node (json, i);

      if (strcmp (cl_json_line_text (json, node->name), name) == 0)
        return node;
    }
  return NULL;
}

/* Members in order, nested objects, every kind of value, and where each value is in the line. */
static void
test_values (void)
{
  const char *line = "{\"s\":\"text\", \"t\":true,\"f\":false,\"n\":null,"
                     "\"num\":-12.5e+3,\"o\":{\"a\":{}},\"l\":[1,[],\"x\"]}";
  g_autoptr(ClJsonLine) json = parse_ok (line);
  const ClJsonNode *root = cl_json_line_root (json);
  const ClJsonNode *node;

  g_assert_cmpint (root->type, ==, CL_JSON_OBJECT);
  g_assert_false (cl_json_line_has_more (json));
  node = cl_json_line_node (json, root->first_child);
  g_assert_cmpstr (cl_json_line_text (json, node->name), ==, "s");
  g_assert_cmpint (node->type, ==, CL_JSON_STRING);
  g_assert_cmpstr (cl_json_line_text (json, node->text), ==, "text");
  g_assert_cmpint (member (json, root, "t")->type, ==, CL_JSON_TRUE);
  g_assert_cmpint (member (json, root, "f")->type, ==, CL_JSON_FALSE);
  g_assert_cmpint (member (json, root, "n")->type, ==, CL_JSON_NULL);
  node = member (json, root, "num");
  g_assert_cmpint (node->type, ==, CL_JSON_NUMBER);
  g_assert_cmpint (node->end - node->start, ==, strlen ("-12.5e+3"));
  g_assert_cmpint (strncmp (line + node->start, "-12.5e+3", node->end - node->start), ==, 0);
  node = member (json, root, "o");
  g_assert_cmpint (node->type, ==, CL_JSON_OBJECT);
  g_assert_cmpint (member (json, node, "a")->type, ==, CL_JSON_OBJECT);
  g_assert_cmpuint (member (json, node, "a")->first_child, ==, 0);
  node = member (json, root, "l");
  g_assert_cmpint (node->type, ==, CL_JSON_ARRAY);
  node = cl_json_line_node (json, node->first_child);
  g_assert_cmpint (node->type, ==, CL_JSON_NUMBER);
  node = cl_json_line_node (json, node->next);
  g_assert_cmpint (node->type, ==, CL_JSON_ARRAY);
  node = cl_json_line_node (json, node->next);
  g_assert_cmpstr (cl_json_line_text (json, node->text), ==, "x");
  g_assert_cmpuint (node->next, ==, 0);
}

/* Escapes decode; a surrogate pair makes one character; a lone surrogate is kept as bytes that
 * are not UTF-8, and \u0000 as a NUL inside the text, for the reader to refuse by name. */
static void
test_escapes (void)
{
  g_autoptr(ClJsonLine) json = parse_ok ("[\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00\","
                                         "\"\\ud800x\",\"a\\u0000b\"]");
  const ClJsonNode *node = cl_json_line_node (json, cl_json_line_root (json)->first_child);

  g_assert_cmpstr (cl_json_line_text (json, node->text), ==, "a\"b\\c/d\n\té😀");
  node = cl_json_line_node (json, node->next);
  g_assert_false (g_utf8_validate (cl_json_line_text (json, node->text), -1, NULL));
  node = cl_json_line_node (json, node->next);
  g_assert_cmpuint (node->text_len, ==, 3);
  g_assert_cmpint (memcmp (cl_json_line_text (json, node->text), "a\0b", 3), ==, 0);
}

/* The parser is reused: a second line forgets the first. */
static void
test_reuse (void)
{
  g_autoptr(ClJsonLine) json = parse_ok ("{\"a\":[1,2,3],\"b\":\"long text here\"}");
  g_autofree char *message = NULL;
  guint column;

  g_assert_true (cl_json_line_parse (json, "{\"c\":1}", 7, &column, &message));
  g_assert_cmpuint (cl_json_line_root (json)->first_child, ==, 2);
  g_assert_cmpuint (cl_json_line_node (json, 2)->next, ==, 0);
  g_assert_cmpstr (cl_json_line_text (json, cl_json_line_node (json, 2)->name), ==, "c");
}

static void
test_more (void)
{
  g_autoptr(ClJsonLine) json = parse_ok ("{\"a\":1}  {\"b\":2}");

  g_assert_true (cl_json_line_has_more (json));
}

/* Each mistake is found at its column (in characters) and said in words. */
static void
test_errors (void)
{
  assert_error ("{\"subject\":\"c\",", 16, "the line ends too early");
  assert_error ("{subject:1}", 2, "expected a member name in double quotes");
  assert_error ("{\"a\":1}}", 8, "expected the end of the line");
  assert_error ("{\"a\":1,}", 8, "expected a member name");
  assert_error ("[1,]", 4, "expected a value");
  assert_error ("{'a':1}", 2, "unexpected ‘'’");
  assert_error ("{\"a\" 1}", 6, "expected ‘:’");
  assert_error ("{\"a\":1 \"b\":2}", 8, "expected ‘,’ or ‘}’");
  assert_error ("[1 2]", 4, "expected ‘,’ or ‘]’");
  assert_error ("{\"a\":\"open}", 12, "a string is not closed");
  assert_error ("{\"a\":\"tab\there\"}", 10, "control character");
  assert_error ("{\"a\":\"\\x\"}", 7, "unknown escape");
  assert_error ("{\"a\":\"\\u12g4\"}", 9, "four hexadecimal digits");
  assert_error ("{\"a\":tru}", 6, "expected a value");
  assert_error ("{\"a\":nul", 6, "expected a value");
  assert_error ("{\"a\":01}", 7, "expected ‘,’ or ‘}’");
  assert_error ("{\"a\":-}", 7, "expected a digit");
  assert_error ("{\"a\":1.}", 8, "after the decimal point");
  assert_error ("{\"a\":1e}", 8, "in the exponent");
  assert_error ("{\"a\":+1}", 6, "unexpected ‘+’");
  /* Columns count characters, not bytes. */
  assert_error ("{\"åäö\":x}", 8, "unexpected ‘x’");
  assert_error ("{\"a\":ö}", 6, "unexpected ‘ö’");
  assert_error ("", 1, "the line ends too early");
}

/* A line of a thousand brackets is refused, not followed down the stack. */
static void
test_depth (void)
{
  g_autofree char *deep = g_strnfill (1000, '[');
  g_autofree char *fine = g_strconcat ("{\"a\":[[[{\"b\":[]}]]]}", NULL);
  g_autoptr(ClJsonLine) json = parse_ok (fine);

  assert_error (deep, 66, "nested too deeply");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ledger/json-line/values", test_values);
  g_test_add_func ("/ledger/json-line/escapes", test_escapes);
  g_test_add_func ("/ledger/json-line/reuse", test_reuse);
  g_test_add_func ("/ledger/json-line/more", test_more);
  g_test_add_func ("/ledger/json-line/errors", test_errors);
  g_test_add_func ("/ledger/json-line/depth", test_depth);
  return g_test_run ();
}
