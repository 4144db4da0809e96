/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cmd-import.c: consentctl import — one subcommand per kind of file. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cl-cli-commands.h"

/* Each subcommand gets argv from its own name on ("vendors FILE --dry-run"). */
static const ClCommand subcommands[] = {
  { "consents", cl_cmd_import_consents,
    N_("Import consent logs (.jsonl or .csv), each file all or nothing") },
  { "vendors", cl_cmd_import_vendors,
    N_("Import a vendor list: an IAB Global Vendor List (.json) or a vendor CSV file") },
  { "cmps", cl_cmd_import_cmps,
    N_("Import the IAB CMP list (cmp-list.json), which names the CMP of a TC string") },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n%s\n", _("Usage: consentctl import WHAT FILE… [OPTIONS…]"),
           _("What to import:"));
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    fprintf (stream, "  %-10s %s\n", subcommands[i].name, _(subcommands[i].summary));
}

ClExit
cl_cmd_import (ClCli  *cli,
               int     argc,
               char  **argv)
{
  if (argc < 2)
    {
      print_usage (stderr);
      return CL_EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_usage (stdout);
      return CL_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (strcmp (argv[1], subcommands[i].name) == 0)
      return subcommands[i].run (cli, argc - 1, argv + 1);

  {
    g_autofree char *message = g_strdup_printf (_("unknown kind of import “%s”"), argv[1]);
    return cl_cli_usage_error ("import", message);
  }
}
