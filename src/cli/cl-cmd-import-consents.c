/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cmd-import-consents.c: consentctl import consents FILE… — consent logs into the ledger,
 * each file all or nothing, with the counts of what it did. */
#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "cl-cli-commands.h"
#include "cl-consent-import.h"
#include "cl-error.h"

/* "imported 3 events (1 new subject, 0 duplicates skipped, 0 erased subjects skipped)" */
static char *
describe_result (const ClConsentImportResult *r)
{
  g_autofree char *events = NULL;
  g_autofree char *subjects = NULL;
  g_autofree char *duplicates = NULL;
  g_autofree char *erased = NULL;

  events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu event",
                                         "%lu events", r->n_imported),
                            (unsigned long) r->n_imported);
  subjects = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu new subject",
                                           "%lu new subjects",
                                           r->n_new_subjects),
                              (unsigned long) r->n_new_subjects);
  duplicates = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%lu duplicate skipped",
                                             "%lu duplicates skipped",
                                             r->n_duplicates),
                                (unsigned long) r->n_duplicates);
  erased = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%lu erased subject skipped",
                                         "%lu erased subjects skipped",
                                         r->n_erased),
                            (unsigned long) r->n_erased);
  /* TRANSLATORS: the parts are "3 events", "1 new subject", "0 duplicates skipped" and
   * "0 erased subjects skipped" */
  return g_strdup_printf (_("imported %s (%s, %s, %s)"), events, subjects, duplicates, erased);
}

static JsonNode *
result_to_json (const ClConsentImportResult *r)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, r->filename);
  json_builder_set_member_name (builder, "events");
  json_builder_add_int_value (builder, (gint64) r->n_read);
  json_builder_set_member_name (builder, "imported");
  json_builder_add_int_value (builder, (gint64) r->n_imported);
  json_builder_set_member_name (builder, "new_subjects");
  json_builder_add_int_value (builder, (gint64) r->n_new_subjects);
  json_builder_set_member_name (builder, "duplicates_skipped");
  json_builder_add_int_value (builder, (gint64) r->n_duplicates);
  json_builder_set_member_name (builder, "erased_skipped");
  json_builder_add_int_value (builder, (gint64) r->n_erased);
  json_builder_set_member_name (builder, "subjects_merged");
  json_builder_add_int_value (builder, (gint64) r->n_merged);
  json_builder_set_member_name (builder, "new_policy_versions");
  json_builder_add_int_value (builder, (gint64) r->n_new_policies);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* On a terminal, a percentage on stderr so a million-line import does not look hung. */
static void
show_progress (guint64  done,
               guint64  total,
               gpointer user_data)
{
  const char *path = user_data;

  if (total > 0)
    g_printerr ("\r%s: %3d %%", path, (int) (done * 100 / total));
}

ClExit
cl_cmd_import_consents (ClCli  *cli,
                        int     argc,
                        char  **argv)
{
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) json_results = json_array_new ();
  gboolean ignore_unknown = FALSE;
  gboolean json = FALSE;
  gboolean tty = isatty (STDERR_FILENO);
  GOptionEntry entries[] = {
    { "ignore-unknown-columns", 0, 0, G_OPTION_ARG_NONE, &ignore_unknown,
      N_("Skip CSV columns and JSON members that are not part of the format"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the counts as JSON"), NULL },
    { NULL }
  };

  if (!cl_cli_parse_options ("import consents", _("FILE…"), entries, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc < 2)
    return cl_cli_usage_error ("import consents",
                               _("name at least one consent log (.jsonl or .csv)"));

  ledger = cl_cli_open_ledger (cli, &error);
  if (ledger == NULL)
    return cl_cli_fail (error);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(ClConsentImportResult) result = NULL;
      gboolean ok;

      ok = cl_consent_import_file (ledger, argv[i],
                                   ignore_unknown ? CL_CONSENT_READER_IGNORE_UNKNOWN_COLUMNS
                                                  : CL_CONSENT_READER_FLAGS_NONE,
                                   NULL, tty && !json ? show_progress : NULL, argv[i],
                                   &result, &error);
      if (tty && !json)
        g_printerr ("\r\033[K");
      if (!ok)
        {
          /* Bad input reads like a compiler's message: FILE:LINE: what is wrong. */
          if (g_error_matches (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT))
            {
              g_printerr ("%s\n", error->message);
              if (i > 1)
                g_printerr (_("The files before %s were imported; %s and the files after it "
                              "were not.\n"), argv[i], argv[i]);
              return CL_EXIT_REFUSED;
            }
          return cl_cli_fail (error);
        }

      if (json)
        json_array_add_element (json_results, result_to_json (result));
      else
        {
          g_autofree char *line = describe_result (result);

          if (argc > 2)
            g_print ("%s: %s\n", argv[i], line);
          else
            g_print ("%s\n", line);
        }
    }

  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      json_node_set_array (root, json_results);
      cl_cli_print_json (root);
    }
  return CL_EXIT_OK;
}
