/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cmd-report.c: consentctl report (Art. 15), export (Art. 20) and erase (Art. 17). */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-cli-commands.h"
#include "cl-erasure.h"
#include "cl-export.h"
#include "cl-report-file.h"

ClExit
cl_cmd_report (ClCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  ClReportFormat format;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("html, pdf or json"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("the file to write"), N_("FILE") },
    { NULL }
  };

  if (!cl_cli_parse_options ("report", N_("REF"), entries, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc != 2)
    return cl_cli_usage_error ("report", _("give one request reference"));
  if (format_name == NULL || !cl_report_format_from_string (format_name, &format))
    return cl_cli_usage_error ("report", _("--format must be html, pdf or json"));
  if (output == NULL)
    return cl_cli_usage_error ("report", _("-o FILE is required"));

  ledger = cl_cli_open_ledger (cli, &error);
  if (ledger == NULL
      || !cl_report_file_write (ledger, argv[1], format, output, &sha256, NULL, &error))
    return cl_cli_fail (error);

  g_print (_("wrote %s (SHA-256 %s)\n"), output, sha256);
  return CL_EXIT_OK;
}

ClExit
cl_cmd_export (ClCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *subject = NULL;
  g_autofree char *request = NULL;
  g_autofree char *output = NULL;
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  GOptionEntry entries[] = {
    { "subject", 0, 0, G_OPTION_ARG_STRING, &subject, N_("any identifier of the subject"),
      N_("ID") },
    { "request", 0, 0, G_OPTION_ARG_STRING, &request, N_("the portability request it answers"),
      N_("REF") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("the file to write"), N_("FILE") },
    { NULL }
  };

  if (!cl_cli_parse_options ("export", "", entries, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc != 1)
    return cl_cli_usage_error ("export", _("unexpected argument"));
  if (subject == NULL && request == NULL)
    return cl_cli_usage_error ("export", _("--subject ID (or --request REF) is required"));
  if (output == NULL)
    return cl_cli_usage_error ("export", _("-o FILE is required"));

  ledger = cl_cli_open_ledger (cli, &error);
  if (ledger == NULL
      || !cl_export_file_write (ledger, subject, request, output, &sha256, NULL, &error))
    return cl_cli_fail (error);

  g_print (_("wrote %s (SHA-256 %s)\n"), output, sha256);
  return CL_EXIT_OK;
}

/* erase --finish: the clearing of the file that an erasure could not do (another program was
 * reading the ledger), done now. */
static ClExit
finish_erasures (ClCli     *cli,
                 gboolean   json)
{
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pending = NULL;
  guint n_pages = 0;

  ledger = cl_cli_open_ledger (cli, &error);
  if (ledger == NULL)
    return cl_cli_fail (error);
  pending = cl_erasure_get_clear_pending (ledger);
  if (!cl_erasure_clear_log (ledger, &n_pages, &error))
    return cl_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "pending_since");
      if (pending != NULL)
        json_builder_add_string_value (builder, pending);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "pages_cleared");
      json_builder_add_int_value (builder, n_pages);
      json_builder_set_member_name (builder, "log_cleared");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      cl_cli_print_json (root);
    }
  else if (pending != NULL)
    /* Translators: %s is a date (YYYY-MM-DD) */
    g_print (_("the ledger file is cleared of the data erased since %s: its log is empty and "
               "the free space of its tables overwritten\n"), pending);
  else
    g_print (_("no erasure was waiting; the ledger's log is empty and the free space of its "
               "tables overwritten\n"));
  return CL_EXIT_OK;
}

ClExit
cl_cmd_erase (ClCli  *cli,
              int     argc,
              char  **argv)
{
  g_autofree char *subject = NULL;
  g_autofree char *request = NULL;
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  gboolean finish = FALSE;
  ClErasureResult result;
  GOptionEntry entries[] = {
    { "subject", 0, 0, G_OPTION_ARG_STRING, &subject, N_("any identifier of the subject"),
      N_("ID") },
    { "request", 0, 0, G_OPTION_ARG_STRING, &request, N_("the erasure request it answers"),
      N_("REF") },
    { "finish", 0, 0, G_OPTION_ARG_NONE, &finish,
      N_("clear the ledger file after an erasure that could not (another program was reading "
         "it)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("print what was erased as JSON"), NULL },
    { NULL }
  };

  if (!cl_cli_parse_options ("erase", "", entries, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc != 1)
    return cl_cli_usage_error ("erase", _("unexpected argument"));
  if (finish && (subject != NULL || request != NULL))
    return cl_cli_usage_error ("erase", _("--finish takes no subject or request"));
  if (finish)
    return finish_erasures (cli, json);
  if (subject == NULL && request == NULL)
    return cl_cli_usage_error ("erase", _("--subject ID (or --request REF) is required"));

  ledger = cl_cli_open_ledger (cli, &error);
  if (ledger == NULL
      || !cl_erasure_erase_subject (ledger, subject, request, NULL, &result, &error))
    return cl_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "events");
      json_builder_add_int_value (builder, result.n_events);
      json_builder_set_member_name (builder, "identifiers");
      json_builder_add_int_value (builder, result.n_identifiers);
      json_builder_set_member_name (builder, "texts_scrubbed");
      json_builder_add_int_value (builder, result.n_texts_scrubbed);
      json_builder_set_member_name (builder, "audit_mentions");
      json_builder_add_int_value (builder, result.n_audit_mentions);
      json_builder_set_member_name (builder, "log_cleared");
      json_builder_add_boolean_value (builder, result.log_cleared);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      cl_cli_print_json (root);
    }
  else
    {
      g_autofree char *events = g_strdup_printf (ngettext ("%u consent event",
                                                           "%u consent events",
                                                           result.n_events), result.n_events);
      g_autofree char *identifiers = g_strdup_printf (ngettext ("%u identifier",
                                                                "%u identifiers",
                                                                result.n_identifiers),
                                                      result.n_identifiers);

      /* Translators: "erased 4 consent events and 3 identifiers; …" */
      g_print (_("erased %s and %s; a tombstone was kept for each identifier\n"), events,
               identifiers);
    }

  if (result.n_audit_mentions > 0)
    g_printerr (ngettext ("consentctl: warning: %u audit log entry names an erased identifier in "
                          "clear text; the audit log is append-only, so it remains\n",
                          "consentctl: warning: %u audit log entries name an erased identifier in "
                          "clear text; the audit log is append-only, so they remain\n",
                          result.n_audit_mentions),
                result.n_audit_mentions);
  if (!result.log_cleared)
    g_printerr (_("consentctl: warning: another program is reading the ledger, so its log file "
                  "could not be emptied; old copies of the erased data stay in the ledger's "
                  "files until you run “consentctl erase --finish” once that program has closed "
                  "the ledger (the next erasure also tries again)\n"));
  return CL_EXIT_OK;
}
