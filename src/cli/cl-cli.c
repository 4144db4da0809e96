/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cli.c: helpers shared by the consentctl commands. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cl-cli.h"

ClLedger *
cl_cli_open_ledger (ClCli   *cli,
                    GError **error)
{
  g_autofree char *path = NULL;

  path = cli->ledger_path != NULL ? g_strdup (cli->ledger_path) : cl_ledger_default_path ();
  return cl_ledger_open (path, error);
}

ClExit
cl_cli_fail (const GError *error)
{
  g_printerr ("consentctl: %s\n", error->message);
  return CL_EXIT_REFUSED;
}

ClExit
cl_cli_usage_error (const char *command,
                    const char *message)
{
  g_printerr ("consentctl %s: %s\n", command, message);
  g_printerr (_("Try “consentctl %s --help”.\n"), command);
  return CL_EXIT_USAGE;
}

gboolean
cl_cli_parse_options (const char    *command,
                      const char    *parameters,
                      GOptionEntry  *entries,
                      int           *argc,
                      char        ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("consentctl %s", command);

  g_set_prgname (prgname);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      cl_cli_usage_error (command, error->message);
      return FALSE;
    }
  return TRUE;
}

void
cl_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
}

void
cl_cli_append_padded (GString    *line,
                      const char *text,
                      guint       width)
{
  g_return_if_fail (line != NULL && text != NULL);

  g_string_append (line, text);
  for (glong i = g_utf8_strlen (text, -1); i < (glong) width; i++)
    g_string_append_c (line, ' ');
}
