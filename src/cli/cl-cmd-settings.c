/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cmd-settings.c: consentctl settings — the company's details and the re-consent age. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-cli-commands.h"
#include "cl-settings.h"

static ClExit
list_settings (ClCli    *cli,
               gboolean  as_json)
{
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  ledger = cl_cli_open_ledger (cli, &error);
  if (ledger == NULL)
    return cl_cli_fail (error);

  json_builder_begin_object (builder);
  for (const ClSettingInfo *info = cl_settings_list (); info->key != NULL; info++)
    {
      g_autofree char *value = cl_ledger_get_setting (ledger, info->key);

      if (as_json)
        {
          json_builder_set_member_name (builder, info->key);
          json_builder_add_string_value (builder, value != NULL ? value : "");
        }
      else
        g_print ("%s = %s\n", info->key, value != NULL ? value : "");
    }
  json_builder_end_object (builder);

  if (as_json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      cl_cli_print_json (root);
    }
  return CL_EXIT_OK;
}

ClExit
cl_cmd_settings (ClCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("print JSON"), NULL },
    { NULL }
  };

  if (!cl_cli_parse_options ("settings", N_("[set KEY VALUE]"), entries, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc == 1)
    return list_settings (cli, as_json);
  if (argc != 4 || g_strcmp0 (argv[1], "set") != 0)
    return cl_cli_usage_error ("settings", _("use “settings” or “settings set KEY VALUE”"));
  if (cl_settings_lookup (argv[2]) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unknown setting “%s”"), argv[2]);
      return cl_cli_usage_error ("settings", message);
    }

  ledger = cl_cli_open_ledger (cli, &error);
  if (ledger == NULL || !cl_settings_change (ledger, argv[2], argv[3], &error))
    return cl_cli_fail (error);
  return CL_EXIT_OK;
}
