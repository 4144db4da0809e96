/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cmd-policy.c: consentctl policy add|edit|list — the versions of the policy. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-cli-commands.h"
#include "cl-policy.h"
#include "cl-reconsent.h"

static JsonNode *
version_to_json (ClPolicyVersion *version)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *effective = cl_policy_version_get_effective (version);
  const char *sha256 = cl_policy_version_get_text_sha256 (version);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, cl_policy_version_get_version (version));
  json_builder_set_member_name (builder, "effective");
  if (effective != NULL)
    json_builder_add_string_value (builder, effective);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "significant");
  json_builder_add_boolean_value (builder, cl_policy_version_get_significant (version));
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, cl_policy_version_get_summary (version));
  json_builder_set_member_name (builder, "text_sha256");
  if (sha256 != NULL)
    json_builder_add_string_value (builder, sha256);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* After a change, say what it means for re-consent: that is the question behind the change. */
static void
print_reconsent_effect (ClLedger        *ledger,
                        ClPolicyVersion *version)
{
  gint64 now_ms = g_get_real_time () / 1000;
  g_autoptr(ClReconsent) reconsent = NULL;

  if (!cl_policy_version_get_significant (version))
    return;
  if (!cl_policy_version_is_in_effect (version, now_ms))
    {
      g_print (_("Subjects will be asked again from %s, when version %s takes effect.\n"),
               cl_policy_version_get_effective (version), cl_policy_version_get_version (version));
      return;
    }
  reconsent = cl_reconsent_compute (ledger, now_ms, CL_RECONSENT_COUNT_ONLY, NULL, NULL);
  if (reconsent != NULL)
    {
      guint64 count = cl_reconsent_get_count (reconsent);
      g_autofree char *n = g_strdup_printf ("%" G_GUINT64_FORMAT, count);

      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "%s subject must now be asked again (consentctl reconsent).\n",
                            "%s subjects must now be asked again (consentctl reconsent).\n",
                            count), n);
    }
}

static ClExit
policy_add (ClCli  *cli,
            int     argc,
            char  **argv)
{
  g_autofree char *effective = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;
  gboolean significant = FALSE;
  GOptionEntry entries[] = {
    { "effective", 0, 0, G_OPTION_ARG_STRING, &effective,
      N_("The date the version takes effect"), N_("YYYY-MM-DD") },
    { "significant", 0, 0, G_OPTION_ARG_NONE, &significant,
      N_("A significant change: subjects must consent again"), NULL },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &summary, N_("What changed"), N_("TEXT") },
    { "text", 0, 0, G_OPTION_ARG_FILENAME, &text,
      N_("The policy's text; its SHA-256 is stored"), N_("FILE") },
    { NULL }
  };
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClPolicyVersion) version = NULL;
  g_autoptr(GError) error = NULL;
  ClPolicyFields fields = { NULL };

  if (!cl_cli_parse_options ("policy add", N_("VERSION --effective DATE"), entries, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc != 2)
    return cl_cli_usage_error ("policy add", _("give one version label, e.g. policy add 3.1"));
  if (effective == NULL)
    return cl_cli_usage_error ("policy add", _("--effective DATE is required"));

  ledger = cl_cli_open_ledger (cli, &error);
  if (ledger == NULL)
    return cl_cli_fail (error);

  fields.version = argv[1];
  fields.effective = effective;
  fields.significant = significant;
  fields.summary = summary;
  fields.text_path = text;
  version = cl_policy_add (ledger, &fields, &error);
  if (version == NULL)
    return cl_cli_fail (error);

  g_print (_("Added policy version %s, effective %s%s.\n"), cl_policy_version_get_version (version),
           cl_policy_version_get_effective (version),
           cl_policy_version_get_significant (version) ? _(", significant") : "");
  if (cl_policy_version_get_text_sha256 (version) != NULL)
    g_print (_("Text SHA-256: %s\n"), cl_policy_version_get_text_sha256 (version));
  print_reconsent_effect (ledger, version);
  return CL_EXIT_OK;
}

static ClExit
policy_edit (ClCli  *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *label = NULL;
  g_autofree char *effective = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;
  gboolean significant = FALSE, not_significant = FALSE;
  GOptionEntry entries[] = {
    { "label", 0, 0, G_OPTION_ARG_STRING, &label, N_("A new label"), N_("VERSION") },
    { "effective", 0, 0, G_OPTION_ARG_STRING, &effective,
      N_("The date the version takes effect"), N_("YYYY-MM-DD") },
    { "significant", 0, 0, G_OPTION_ARG_NONE, &significant,
      N_("A significant change: subjects must consent again"), NULL },
    { "not-significant", 0, 0, G_OPTION_ARG_NONE, &not_significant,
      N_("Not a significant change"), NULL },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &summary, N_("What changed"), N_("TEXT") },
    { "text", 0, 0, G_OPTION_ARG_FILENAME, &text,
      N_("The policy's text; its SHA-256 is stored"), N_("FILE") },
    { NULL }
  };
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClPolicyVersion) old = NULL;
  g_autoptr(ClPolicyVersion) version = NULL;
  g_autoptr(GError) error = NULL;
  ClPolicyFields fields = { NULL };

  if (!cl_cli_parse_options ("policy edit", N_("VERSION"), entries, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc != 2)
    return cl_cli_usage_error ("policy edit", _("give the label of the version to edit"));
  if (significant && not_significant)
    return cl_cli_usage_error ("policy edit",
                               _("--significant and --not-significant exclude each other"));

  ledger = cl_cli_open_ledger (cli, &error);
  if (ledger == NULL)
    return cl_cli_fail (error);
  old = cl_policy_lookup (ledger, argv[1], &error);
  if (old == NULL)
    return cl_cli_fail (error);

  /* What is not given stays as it is. */
  fields.version = label != NULL ? label : cl_policy_version_get_version (old);
  fields.effective = effective != NULL ? effective : cl_policy_version_get_effective (old);
  fields.significant = significant ? TRUE : not_significant ? FALSE
                                   : cl_policy_version_get_significant (old);
  fields.summary = summary != NULL ? summary : cl_policy_version_get_summary (old);
  fields.text_path = text;
  version = cl_policy_edit (ledger, argv[1], &fields, &error);
  if (version == NULL)
    return cl_cli_fail (error);

  g_print (_("Saved policy version %s, effective %s%s.\n"), cl_policy_version_get_version (version),
           cl_policy_version_get_effective (version),
           cl_policy_version_get_significant (version) ? _(", significant") : "");
  print_reconsent_effect (ledger, version);
  return CL_EXIT_OK;
}

static ClExit
policy_list (ClCli  *cli,
             int     argc,
             char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GListStore) versions = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (!cl_cli_parse_options ("policy list", "", entries, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error ("policy list", _("policy list takes no arguments"));

  ledger = cl_cli_open_ledger (cli, &error);
  if (ledger == NULL)
    return cl_cli_fail (error);
  versions = cl_policy_list (ledger, &error);
  if (versions == NULL)
    return cl_cli_fail (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (versions));

  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_new ();

      json_node_take_array (root, array);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClPolicyVersion) version = g_list_model_get_item (G_LIST_MODEL (versions), i);
          json_array_add_element (array, version_to_json (version));
        }
      cl_cli_print_json (root);
      return CL_EXIT_OK;
    }

  if (n == 0)
    {
      g_print ("%s\n", _("No policy versions yet. Add one with: consentctl policy add VERSION "
                         "--effective DATE"));
      return CL_EXIT_OK;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClPolicyVersion) version = g_list_model_get_item (G_LIST_MODEL (versions), i);
      const char *effective = cl_policy_version_get_effective (version);
      const char *summary = cl_policy_version_get_summary_label (version);
      const char *sha256 = cl_policy_version_get_text_sha256 (version);

      g_print ("%-10s %-10s %-11s %s\n", cl_policy_version_get_version (version),
               effective != NULL ? effective : _("no date"),
               cl_policy_version_get_significant (version) ? _("significant") : "",
               *summary != '\0' ? summary : "");
      if (sha256 != NULL)
        g_print ("           %s %s\n", _("text SHA-256"), sha256);
    }
  return CL_EXIT_OK;
}

ClExit
cl_cmd_policy (ClCli  *cli,
               int     argc,
               char  **argv)
{
  static const struct
  {
    const char *name;
    ClCommandFunc run;
  } subcommands[] = {
    { "add", policy_add },
    { "edit", policy_edit },
    { "list", policy_list },
  };

  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      (argc < 2 ? g_printerr : g_print) ("%s\n", _("Usage:\n"
                         "  consentctl policy add VERSION --effective DATE [--significant] "
                         "[--summary TEXT] [--text FILE]\n"
                         "  consentctl policy edit VERSION [--label VERSION] [--effective DATE] "
                         "[--significant|--not-significant] [--summary TEXT] [--text FILE]\n"
                         "  consentctl policy list [--json]\n"
                         "The re-consent age: consentctl settings set reconsent.months MONTHS"));
      return argc < 2 ? CL_EXIT_USAGE : CL_EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (strcmp (argv[1], subcommands[i].name) == 0)
      return subcommands[i].run (cli, argc - 1, argv + 1);

  {
    g_autofree char *message = g_strdup_printf (_("unknown subcommand “%s”; use add, edit or "
                                                  "list"), argv[1]);
    return cl_cli_usage_error ("policy", message);
  }
}
