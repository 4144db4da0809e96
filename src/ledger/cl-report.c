/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-report.c: the report formats, and the JSON renderer (the model as it is). */
#include "config.h"

#include "cl-report.h"

static const char * const format_names[] = { "json", "html", "pdf" };

gboolean
cl_report_format_from_string (const char     *text,
                              ClReportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (text, format_names[i]) == 0)
      {
        *format = (ClReportFormat) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cl_report_format_to_string (ClReportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (format_names), NULL);
  return format_names[format];
}

GBytes *
cl_report_render_json (JsonObject *report)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length = 0;
  char *text;

  json_node_set_object (root, report);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}
