/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-report.c: builds the subject-access report model (BRIEF §3) from the ledger, and its JSON. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-error.h"
#include "cl-ledger-private.h"
#include "cl-purpose.h"
#include "cl-report.h"
#include "cl-report-model.h"

gboolean
cl_report_format_from_string (const char     *text,
                              ClReportFormat *format)
{
  static const char * const names[] = { "json", "html", "pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *format = (ClReportFormat) i;
        return TRUE;
      }
  return FALSE;
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
