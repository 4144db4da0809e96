/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cmd-init.c: consentctl init — create and seed a ledger, or check an existing one. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-cli-commands.h"

ClExit
cl_cmd_init (ClCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;

  if (!cl_cli_parse_options ("init", "", NULL, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error ("init", _("init takes no arguments"));

  ledger = cl_cli_open_ledger (cli, &error);
  if (ledger == NULL)
    return cl_cli_fail (error);

  g_print (_("Ledger ready: %s\n"), cl_ledger_get_path (ledger));
  return CL_EXIT_OK;
}
