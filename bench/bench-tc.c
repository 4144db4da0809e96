/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-tc.c: decodes 100,000 real-size TC strings and derives their vendor decisions, as the
 * consent import does for every event that carries one (issue 4). */
#include "config.h"

#include <json-glib/json-glib.h>

#include "cl-tc-string.h"

#define N_DECODES 100000

/* Used when ../shared/data is absent: IAB test-suite strings with vendor sections. */
static const char * const fallback_strings[] = {
  "COzcJxTOzcJxTBcAAAENAiCMAP_AAAAAAAAADTwAQDTgAAAA.IF5EX2S5OI2tho2YdF7BEYYwfJxyigMgShgQIsS8NwIe"
  "FbBoGPmAAHBG4JAQAGBAkkACBAQIsHGBcCQABgIgRiRCMQEGMjzNKBJBAggkbI0FACCVmnkHS3ZCY70-6u__bA",
  "CLcVDxRMWfGmWAVAHCENAXCkAKDAADnAABRgA5mdfCKZuYJez-NQm0TBMYA4oCAAGQYIAAAAAAEAIAEgAA",
  "COrEAV4OrXx94ACABBENAHCIAD-AAAAAAACAAxAAAAgAIAwgAgAAAAEAgQAAAAAEAYQAQAAAACAAAABAAA",
};

/* The valid version 2 strings of the shared vectors, the longest real ones we have. */
static GPtrArray *
load_strings (const char *vectors_path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);
  JsonNode *root;
  JsonArray *vectors = NULL;

  if (json_parser_load_from_file (parser, vectors_path, NULL)
      && (root = json_parser_get_root (parser)) != NULL)
    {
      if (JSON_NODE_HOLDS_ARRAY (root))
        vectors = json_node_get_array (root);
      else if (JSON_NODE_HOLDS_OBJECT (root)
               && json_object_has_member (json_node_get_object (root), "vectors"))
        vectors = json_object_get_array_member (json_node_get_object (root), "vectors");
    }

  for (guint i = 0; vectors != NULL && i < json_array_get_length (vectors); i++)
    {
      JsonObject *vector = json_array_get_object_element (vectors, i);
      const char *text = json_object_get_string_member_with_default (vector, "tcString", NULL);
      ClTcString *tc;

      if (text == NULL || cl_tc_string_peek_version (text) != 2)
        continue;
      if ((tc = cl_tc_string_decode (text, NULL)) != NULL)
        {
          g_ptr_array_add (strings, g_strdup (text));
          cl_tc_string_free (tc);
        }
    }

  if (strings->len == 0)
    {
      g_print ("%s: no TC strings there; using %u shorter built-in ones\n", vectors_path,
               (guint) G_N_ELEMENTS (fallback_strings));
      for (guint i = 0; i < G_N_ELEMENTS (fallback_strings); i++)
        g_ptr_array_add (strings, g_strdup (fallback_strings[i]));
    }
  return strings;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *vectors = NULL;
  g_autoptr(GPtrArray) strings = NULL;
  gsize total_length = 0;
  guint64 n_decisions = 0;
  gint64 start, elapsed;

  if (argc > 2 || (argc > 1 && argv[1][0] == '-'))
    {
      g_printerr ("Usage: bench-tc [SHARED_DATA_DIR]\n");
      return 2;
    }
  vectors = g_build_filename (argc > 1 ? argv[1] : CL_SHARED_DATA_DIR, "tcf", "tcstrings.json",
                              NULL);
  strings = load_strings (vectors);
  for (guint i = 0; i < strings->len; i++)
    total_length += strlen (strings->pdata[i]);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_DECODES; i++)
    {
      ClTcString *tc = cl_tc_string_decode (strings->pdata[i % strings->len], NULL);
      GArray *decisions = cl_tc_string_get_vendor_decisions (tc);

      n_decisions += decisions->len;
      g_array_unref (decisions);
      cl_tc_string_free (tc);
    }
  elapsed = g_get_monotonic_time () - start;

  g_print ("TC strings: %u distinct, mean length %zu characters\n",
           strings->len, total_length / strings->len);
  g_print ("decode + vendor decisions of %d strings: %.3f s (%.1f microseconds each), %" G_GUINT64_FORMAT
           " vendor decisions\n",
           N_DECODES, elapsed / 1e6, (double) elapsed / N_DECODES, n_decisions);
  return 0;
}
