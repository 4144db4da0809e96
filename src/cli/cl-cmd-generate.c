/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cmd-generate.c: consentctl generate — write a synthetic consent log for demos and
 * benchmarks. It does not touch the ledger. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-cli-commands.h"
#include "cl-consent-generator.h"

ClExit
cl_cmd_generate (ClCli  *cli,
                 int     argc,
                 char  **argv)
{
  gint64 n_events = -1;
  gint64 n_subjects = 0;
  gint64 seed = 1;
  gboolean tc_strings = FALSE;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "events", 0, 0, G_OPTION_ARG_INT64, &n_events, N_("How many consent events"), "N" },
    { "subjects", 0, 0, G_OPTION_ARG_INT64, &n_subjects,
      N_("How many visitors (default: three for every ten events)"), "M" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      N_("The same seed writes the same file (default: 1)"), "S" },
    { "tc-strings", 0, 0, G_OPTION_ARG_NONE, &tc_strings,
      N_("Add IAB TCF consent strings to the events"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write: .jsonl or .csv"), "FILE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  ClConsentGeneratorOptions options;
  ClConsentFormat format;

  if (!cl_cli_parse_options ("generate", "", entries, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error ("generate", _("generate takes no arguments; name the file with -o"));
  if (n_events < 1)
    return cl_cli_usage_error ("generate", _("--events must be given and be at least 1"));
  if (n_subjects < 0)
    return cl_cli_usage_error ("generate", _("--subjects must be at least 1"));
  if (seed < 0)
    return cl_cli_usage_error ("generate", _("--seed must not be negative"));
  if (output == NULL)
    return cl_cli_usage_error ("generate", _("name the file to write with -o FILE"));
  if (!cl_consent_format_for_filename (output, &format))
    return cl_cli_usage_error ("generate", _("the file name must end in .jsonl or .csv"));

  cl_consent_generator_options_init (&options);
  options.n_events = (guint64) n_events;
  options.n_subjects = (guint64) n_subjects;
  options.seed = (guint64) seed;
  options.tc_strings = tc_strings;

  if (!cl_consent_generate_to_file (&options, output, NULL, &error))
    return cl_cli_fail (error);

  {
    g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, n_events);

    g_print (_("Wrote %s consent events to %s\n"), count, output);
  }
  return CL_EXIT_OK;
}
