/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cmd-audit.c: consentctl audit — browse the audit log, or verify its hash chain. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-audit-entry.h"
#include "cl-audit-query.h"
#include "cl-audit.h"
#include "cl-cli-commands.h"
#include "cl-error.h"
#include "cl-request.h"

static ClExit
verify (ClLedger *ledger,
        gboolean  json)
{
  g_autoptr(GError) error = NULL;
  guint checked = 0;
  gboolean ok = cl_audit_verify (ledger, &checked, &error);

  if (error != NULL && !g_error_matches (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED))
    return cl_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "intact");
      json_builder_add_boolean_value (builder, ok);
      json_builder_set_member_name (builder, "checked");
      json_builder_add_int_value (builder, checked);
      json_builder_set_member_name (builder, "error");
      if (ok)
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, error->message);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      cl_cli_print_json (root);
    }

  if (!ok)
    return cl_cli_fail (error);
  if (!json)
    g_print (g_dngettext (GETTEXT_PACKAGE, "The audit log is intact: %u entry checked.\n",
                          "The audit log is intact: %u entries checked.\n", checked),
             checked);
  return CL_EXIT_OK;
}

/* Text output: the same words the window's Audit Log page shows, in the user's language. The
 * log keeps the English its hash chain was computed over; --json prints that. */
typedef struct
{
  ClAuditEntry *entry;
  char *actor;
  char *action;
  char *object;
  char *detail;
} Row;

static void
row_clear (Row *row)
{
  g_clear_object (&row->entry);
  g_free (row->actor);
  g_free (row->action);
  g_free (row->object);
  g_free (row->detail);
}

static void
row_fill (Row          *row,
          ClAuditEntry *entry)
{
  const char *object_id = cl_audit_entry_get_object_id (entry);
  g_autofree char *type = cl_audit_object_type_dup_label (cl_audit_entry_get_object_type (entry));

  row->entry = g_object_ref (entry);
  row->actor = g_strdup (cl_audit_entry_get_actor (entry));
  row->action = cl_audit_action_dup_label (cl_audit_entry_get_action (entry));
  /* The id as stored, so that it can be copied into --object TYPE:ID. */
  row->object = object_id[0] != '\0' ? g_strdup_printf ("%s %s", type, object_id)
                                      : g_steal_pointer (&type);
  row->detail = cl_audit_entry_dup_detail_label (entry);
}

/* Oldest first, as a log reads; the columns as wide as their widest label, which depends on
 * the language. */
static void
print_entries (GListModel *entries)
{
  guint n = g_list_model_get_n_items (entries);
  g_autofree Row *rows = g_new0 (Row, n);
  guint actor_width = 0, action_width = 0, object_width = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClAuditEntry) entry = g_list_model_get_item (entries, n - 1 - i);

      row_fill (&rows[i], entry);
      actor_width = MAX (actor_width, (guint) g_utf8_strlen (rows[i].actor, -1));
      action_width = MAX (action_width, (guint) g_utf8_strlen (rows[i].action, -1));
      object_width = MAX (object_width, (guint) g_utf8_strlen (rows[i].object, -1));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      g_string_append_printf (line, "%6" G_GINT64_FORMAT "  %.19s  ",
                              cl_audit_entry_get_id (rows[i].entry),
                              cl_audit_entry_get_at (rows[i].entry));
      cl_cli_append_padded (line, rows[i].actor, actor_width);
      g_string_append (line, "  ");
      cl_cli_append_padded (line, rows[i].action, action_width);
      g_string_append (line, "  ");
      cl_cli_append_padded (line, rows[i].object, object_width);
      g_string_append (line, "  ");
      g_string_append (line, rows[i].detail);
      g_print ("%s\n", line->str);
      row_clear (&rows[i]);
    }
}

ClExit
cl_cmd_audit (ClCli  *cli,
              int     argc,
              char  **argv)
{
  gboolean verify_chain = FALSE;
  gboolean json = FALSE;
  g_autofree char *object = NULL;
  g_autofree char *action = NULL;
  g_autofree char *since_text = NULL;
  g_autofree char *until_text = NULL;
  int limit = 0;
  GOptionEntry entries[] = {
    { "verify", 0, 0, G_OPTION_ARG_NONE, &verify_chain,
      N_("check the hash chain; exit 1 naming the first entry that does not match"), NULL },
    { "object", 0, 0, G_OPTION_ARG_STRING, &object,
      N_("only entries about this object: a type (request) or TYPE:ID (request:DSR-2026-0001)"),
      N_("OBJECT") },
    { "action", 0, 0, G_OPTION_ARG_STRING, &action, N_("only entries with this action"),
      N_("ACTION") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since_text, N_("from this day (UTC)"), N_("DATE") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until_text, N_("to this day (UTC)"), N_("DATE") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("at most N entries, the newest"), "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("print JSON"), NULL },
    { NULL }
  };
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GListStore) entries_found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *object_type = NULL;
  ClAuditFilter filter = { 0 };
  GDate since, until;
  guint n;

  if (!cl_cli_parse_options ("audit", "", entries, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error ("audit", _("audit takes no arguments"));
  if (since_text != NULL && !cl_request_parse_date (since_text, &since))
    return cl_cli_usage_error ("audit", _("--since needs a date as YYYY-MM-DD"));
  if (until_text != NULL && !cl_request_parse_date (until_text, &until))
    return cl_cli_usage_error ("audit", _("--until needs a date as YYYY-MM-DD"));
  if (limit < 0)
    return cl_cli_usage_error ("audit", _("--limit must be a positive number"));

  if (!(ledger = cl_cli_open_ledger (cli, &error)))
    return cl_cli_fail (error);
  if (verify_chain)
    return verify (ledger, json);

  if (object != NULL)
    {
      const char *colon = strchr (object, ':');

      object_type = colon != NULL ? g_strndup (object, colon - object) : g_strdup (object);
      filter.object_type = object_type;
      filter.object_id = colon != NULL ? colon + 1 : NULL;
    }
  filter.action = action;
  filter.since = since_text != NULL ? &since : NULL;
  filter.until = until_text != NULL ? &until : NULL;
  filter.limit = (guint) limit;
  /* Newest first finds the limit; a log reads oldest first. */
  if (!(entries_found = cl_audit_list (ledger, &filter, &error)))
    return cl_cli_fail (error);

  n = g_list_model_get_n_items (G_LIST_MODEL (entries_found));
  if (json)
    {
      g_autoptr(JsonArray) array = json_array_sized_new (n);
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      for (guint i = n; i-- > 0;)
        {
          g_autoptr(ClAuditEntry) entry = g_list_model_get_item (G_LIST_MODEL (entries_found), i);
          json_array_add_element (array, cl_audit_entry_to_json (entry));
        }
      json_node_set_array (root, array);
      cl_cli_print_json (root);
      return CL_EXIT_OK;
    }

  print_entries (G_LIST_MODEL (entries_found));
  if (n == 0)
    g_printerr ("%s\n", _("No audit entries match."));
  return CL_EXIT_OK;
}
