/* SPDX-License-Identifier: GPL-3.0-or-later */
/* consentctl.c: the command-line front end; global options, then one command. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cl-cli-commands.h"

static const ClCommand commands[] = {
  { "init", cl_cmd_init, N_("Create and seed the ledger, or check that it opens") },
  { "import", cl_cmd_import, N_("Import a file into the ledger (import consents FILE…, import vendors FILE)") },
  { "vendors", cl_cmd_vendors, N_("List the vendors that receive data") },
  { "reconsent", cl_cmd_reconsent, N_("Subjects that must be asked again, and why") },
  { "policy", cl_cmd_policy, N_("Add, edit and list the policy versions") },
  { "purposes", cl_cmd_purposes, N_("List and edit the purposes, or restore the defaults") },
  { "records", cl_cmd_records, N_("List consent events, with filters") },
  { "subject", cl_cmd_subject, N_("Show a subject: identifiers, current choices, history") },
  { "request", cl_cmd_request, N_("Data-subject requests: new, list, show, verify, extend, close…") },
  { "report", cl_cmd_report, N_("Write the subject-access report of an access request") },
  { "export", cl_cmd_export, N_("Write a subject’s portability export (JSON)") },
  { "erase", cl_cmd_erase, N_("Erase a subject, keeping only tombstones") },
  { "audit", cl_cmd_audit, N_("Browse the audit log, or verify its hash chain (--verify)") },
  { "generate", cl_cmd_generate, N_("Write a synthetic consent log (.jsonl or .csv)") },
  { "decode-tc", cl_cmd_decode_tc, N_("Decode an IAB TCF consent string (TC string)") },
  { "settings", cl_cmd_settings, N_("Show or change the company’s details and the re-consent age") },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n%s\n",
           _("Usage: consentctl [--ledger PATH] COMMAND [OPTIONS…]"),
           _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n%s\n%s\n%s\n",
           _("Options:"),
           _("  --ledger PATH  the ledger file (default: $CONSENT_LEDGER, else"
             " $XDG_DATA_HOME/consent-ledger/ledger.db)"),
           _("  --help         show this help"),
           _("  --version      show the version"));
}

static ClExit
usage_error (const char *message)
{
  g_printerr ("consentctl: %s\n", message);
  g_printerr ("%s\n", _("Usage: consentctl [--ledger PATH] COMMAND [OPTIONS…]"));
  return CL_EXIT_USAGE;
}

int
main (int    argc,
      char **argv)
{
  ClCli cli = { NULL };
  int i;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Global options come before the command; the command parses the rest. */
  for (i = 1; i < argc && argv[i][0] == '-'; i++)
    {
      if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          print_usage (stdout);
          return CL_EXIT_OK;
        }
      else if (strcmp (argv[i], "--version") == 0)
        {
          g_print ("consentctl %s\n", PACKAGE_VERSION);
          return CL_EXIT_OK;
        }
      else if (strcmp (argv[i], "--ledger") == 0 && i + 1 < argc)
        cli.ledger_path = argv[++i];
      else if (g_str_has_prefix (argv[i], "--ledger="))
        cli.ledger_path = argv[i] + strlen ("--ledger=");
      else
        {
          g_autofree char *message = g_strdup_printf (_("unknown option “%s”"), argv[i]);
          return usage_error (message);
        }
    }

  if (i >= argc)
    return usage_error (_("no command given"));

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (strcmp (argv[i], commands[c].name) == 0)
      return commands[c].run (&cli, argc - i, argv + i);

  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), argv[i]);
    return usage_error (message);
  }
}
