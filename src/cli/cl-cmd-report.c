/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cmd-report.c: consentctl report (Art. 15), export (Art. 20) and erase (Art. 17). */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-cli-commands.h"
#include "cl-erasure.h"
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
    { "subject", 0, 0, G_OPTION_ARG_STRING, &subject, N_("any identifier of the subject"), N_("ID") },
    { "request", 0, 0, G_OPTION_ARG_STRING, &request, N_("the portability request it answers"),
      N_("REF") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("the file to write"), N_("FILE") },
    { NULL }
  };

  if (!cl_cli_parse_options ("export", "", entries, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc != 1)
    return cl_cli_usage_error ("export", _("unexpected argument"));
  if (subject == NULL || output == NULL)
    return cl_cli_usage_error ("export", _("--subject ID and -o FILE are required"));

  ledger = cl_cli_open_ledger (cli, &error);
  if (ledger == NULL
      || !cl_export_file_write (ledger, subject, request, output, &sha256, &error))
    return cl_cli_fail (error);

  g_print (_("wrote %s (SHA-256 %s)\n"), output, sha256);
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
  ClErasureResult result;
  GOptionEntry entries[] = {
    { "subject", 0, 0, G_OPTION_ARG_STRING, &subject, N_("any identifier of the subject"), N_("ID") },
    { "request", 0, 0, G_OPTION_ARG_STRING, &request, N_("the erasure request it answers"),
      N_("REF") },
    { NULL }
  };

  if (!cl_cli_parse_options ("erase", "", entries, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc != 1)
    return cl_cli_usage_error ("erase", _("unexpected argument"));
  if (subject == NULL)
    return cl_cli_usage_error ("erase", _("--subject ID is required"));

  ledger = cl_cli_open_ledger (cli, &error);
  if (ledger == NULL || !cl_erasure_erase_subject (ledger, subject, request, &result, &error))
    return cl_cli_fail (error);

  g_print (_("erased %u events and %u identifiers\n"), result.n_events, result.n_identifiers);
  return CL_EXIT_OK;
}
