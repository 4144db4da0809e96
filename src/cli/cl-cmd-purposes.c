/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cmd-purposes.c: consentctl purposes [list|set|reset] — the purposes of the policy. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-cli-commands.h"
#include "cl-purpose.h"

static JsonNode *
purpose_to_json (ClPurpose *purpose)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(GStrv) categories = NULL;
  const GArray *tcf = cl_purpose_get_tcf_purposes (purpose);
  const char *text = cl_purpose_get_data_categories (purpose);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, cl_purpose_get_key (purpose));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, cl_purpose_get_name (purpose));
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, cl_purpose_get_description (purpose));
  json_builder_set_member_name (builder, "legal_basis");
  json_builder_add_string_value (builder, cl_purpose_get_legal_basis (purpose));
  json_builder_set_member_name (builder, "refusable");
  json_builder_add_boolean_value (builder, cl_purpose_get_refusable (purpose));
  json_builder_set_member_name (builder, "data_categories");
  json_builder_begin_array (builder);
  categories = g_strsplit (text, "\n", -1);
  for (guint i = 0; *text != '\0' && categories[i] != NULL; i++)
    json_builder_add_string_value (builder, categories[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "retention");
  json_builder_add_string_value (builder, cl_purpose_get_retention (purpose));
  json_builder_set_member_name (builder, "tcf_purposes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < tcf->len; i++)
    json_builder_add_int_value (builder, g_array_index (tcf, int, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static ClExit
purposes_list (ClCli  *cli,
               int     argc,
               char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GListStore) purposes = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (!cl_cli_parse_options ("purposes", "", entries, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error ("purposes", _("purposes list takes no arguments"));

  ledger = cl_cli_open_ledger (cli, &error);
  if (ledger == NULL)
    return cl_cli_fail (error);
  purposes = cl_purpose_list (ledger, &error);
  if (purposes == NULL)
    return cl_cli_fail (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (purposes));

  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_new ();

      json_node_take_array (root, array);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClPurpose) purpose = g_list_model_get_item (G_LIST_MODEL (purposes), i);
          json_array_add_element (array, purpose_to_json (purpose));
        }
      cl_cli_print_json (root);
      return CL_EXIT_OK;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClPurpose) purpose = g_list_model_get_item (G_LIST_MODEL (purposes), i);
      g_autofree char *tcf = cl_purpose_format_tcf_list (cl_purpose_get_tcf_purposes (purpose));

      g_print ("%-16s %s\n", cl_purpose_get_key (purpose), cl_purpose_get_name (purpose));
      g_print ("%-16s %s; %s; TCF %s\n", "",
               cl_legal_basis_to_label (cl_purpose_get_legal_basis (purpose)),
               cl_purpose_get_refusable (purpose) ? _("can be refused") : _("cannot be refused"),
               *tcf != '\0' ? tcf : "–");
    }
  return CL_EXIT_OK;
}

static gboolean
parse_yes_no (const char *text,
              gboolean   *out)
{
  if (g_ascii_strcasecmp (text, "yes") == 0 || g_ascii_strcasecmp (text, "true") == 0
      || strcmp (text, "1") == 0)
    *out = TRUE;
  else if (g_ascii_strcasecmp (text, "no") == 0 || g_ascii_strcasecmp (text, "false") == 0
           || strcmp (text, "0") == 0)
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

static ClExit
purposes_set (ClCli  *cli,
              int     argc,
              char  **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *legal_basis = NULL;
  g_autofree char *refusable = NULL;
  g_autofree char *retention = NULL;
  g_autofree char *tcf = NULL;
  g_auto(GStrv) categories = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The purpose's name"), N_("TEXT") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("What it is for"), N_("TEXT") },
    { "legal-basis", 0, 0, G_OPTION_ARG_STRING, &legal_basis,
      N_("consent, legitimate_interest, contract or legal_obligation"), N_("BASIS") },
    { "refusable", 0, 0, G_OPTION_ARG_STRING, &refusable,
      N_("Whether visitors can refuse it"), N_("yes|no") },
    { "data-category", 0, 0, G_OPTION_ARG_STRING_ARRAY, &categories,
      N_("A category of personal data (repeat; replaces the list)"), N_("TEXT") },
    { "retention", 0, 0, G_OPTION_ARG_STRING, &retention, N_("How long data is kept"),
      N_("TEXT") },
    { "tcf", 0, 0, G_OPTION_ARG_STRING, &tcf,
      N_("The IAB TCF purposes that map to it, e.g. 7,8,9 (empty for none)"), N_("LIST") },
    { NULL }
  };
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClPurpose) purpose = NULL;
  g_autoptr(GArray) tcf_list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *joined_categories = NULL;
  ClPurposeFields fields;

  if (!cl_cli_parse_options ("purposes set", N_("KEY"), entries, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc != 2)
    return cl_cli_usage_error ("purposes set", _("give the key of one purpose, e.g. measurement"));

  ledger = cl_cli_open_ledger (cli, &error);
  if (ledger == NULL)
    return cl_cli_fail (error);
  purpose = cl_purpose_lookup (ledger, argv[1], &error);
  if (purpose == NULL)
    return cl_cli_fail (error);

  /* What is not given stays as it is. */
  cl_purpose_fields_init (&fields, purpose);
  if (name != NULL)
    fields.name = name;
  if (description != NULL)
    fields.description = description;
  if (legal_basis != NULL)
    fields.legal_basis = legal_basis;
  if (refusable != NULL && !parse_yes_no (refusable, &fields.refusable))
    return cl_cli_usage_error ("purposes set", _("--refusable takes yes or no"));
  if (categories != NULL)
    fields.data_categories = joined_categories = g_strjoinv ("\n", categories);
  if (retention != NULL)
    fields.retention = retention;
  if (tcf != NULL)
    {
      tcf_list = cl_purpose_parse_tcf_list (tcf, &error);
      if (tcf_list == NULL)
        return cl_cli_fail (error);
      fields.tcf_purposes = (const int *) (gpointer) tcf_list->data;
      fields.n_tcf_purposes = tcf_list->len;
    }

  if (!cl_purpose_update (ledger, argv[1], &fields, &error))
    return cl_cli_fail (error);
  g_print (_("Saved purpose %s.\n"), argv[1]);
  return CL_EXIT_OK;
}

static ClExit
purposes_reset (ClCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;

  if (!cl_cli_parse_options ("purposes reset", "", NULL, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error ("purposes reset", _("purposes reset takes no arguments"));

  ledger = cl_cli_open_ledger (cli, &error);
  if (ledger == NULL)
    return cl_cli_fail (error);
  if (!cl_purpose_restore_defaults (ledger, &error))
    return cl_cli_fail (error);
  g_print ("%s\n", _("The purposes are back to the policy’s defaults."));
  return CL_EXIT_OK;
}

ClExit
cl_cmd_purposes (ClCli  *cli,
                 int     argc,
                 char  **argv)
{
  /* "purposes" and "purposes --json" list, as the other listing commands do. */
  if (argc < 2 || argv[1][0] == '-' || strcmp (argv[1], "list") == 0)
    {
      if (argc >= 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0))
        {
          g_print ("%s\n", _("Usage:\n"
                             "  consentctl purposes [list] [--json]\n"
                             "  consentctl purposes set KEY [--name TEXT] [--description TEXT] "
                             "[--legal-basis BASIS] [--refusable yes|no] [--data-category TEXT…] "
                             "[--retention TEXT] [--tcf LIST]\n"
                             "  consentctl purposes reset"));
          return CL_EXIT_OK;
        }
      if (argc >= 2 && strcmp (argv[1], "list") == 0)
        return purposes_list (cli, argc - 1, argv + 1);
      return purposes_list (cli, argc, argv);
    }
  if (strcmp (argv[1], "set") == 0)
    return purposes_set (cli, argc - 1, argv + 1);
  if (strcmp (argv[1], "reset") == 0)
    return purposes_reset (cli, argc - 1, argv + 1);

  {
    g_autofree char *message = g_strdup_printf (_("unknown subcommand “%s”; use list, set or "
                                                  "reset"), argv[1]);
    return cl_cli_usage_error ("purposes", message);
  }
}
