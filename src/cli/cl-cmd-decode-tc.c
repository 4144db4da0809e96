/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cmd-decode-tc.c: consentctl decode-tc — show what an IAB TCF consent string records. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cl-cli-commands.h"
#include "cl-tc-names.h"
#include "cl-tc-string.h"

ClExit
cl_cmd_decode_tc (ClCli  *cli,
                  int     argc,
                  char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("print the specification's fields as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ClTcString) tc = NULL;
  g_autoptr(ClLedger) ledger = NULL;
  g_autofree char *text = NULL;

  if (!cl_cli_parse_options ("decode-tc", _("STRING"), entries, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc != 2)
    return cl_cli_usage_error ("decode-tc", argc < 2 ? _("give the TC string to decode")
                                                     : _("give one TC string"));

  tc = cl_tc_string_decode (argv[1], &error);
  if (tc == NULL)
    {
      g_prefix_error (&error, _("This is not a valid TC string. "));
      return cl_cli_fail (error);
    }

  /* The JSON is the string itself: no ledger is needed, none is created. */
  if (json)
    {
      g_autoptr(JsonNode) node = cl_tc_string_to_json (tc);
      cl_cli_print_json (node);
      return CL_EXIT_OK;
    }

  ledger = cl_cli_open_ledger (cli, &error);
  if (ledger == NULL)
    return cl_cli_fail (error);
  text = cl_tc_string_describe_in (tc, ledger, &error);
  if (text == NULL)
    return cl_cli_fail (error);
  fputs (text, stdout);
  return CL_EXIT_OK;
}
