/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cmd-vendors.c: consentctl vendors — the vendor inventory —, consentctl import vendors and
 * consentctl import cmps (the IAB CMP list, for the names of the CMPs in TC strings). */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cl-cli-commands.h"
#include "cl-cmp-store.h"
#include "cl-vendor-import.h"
#include "cl-vendor-store.h"

static void
add_strv (JsonBuilder        *builder,
          const char         *key,
          const char * const *values)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_ids (JsonBuilder  *builder,
         const char   *key,
         const GArray *ids)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (ids, guint, i));
  json_builder_end_array (builder);
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *key,
                     const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static JsonNode *
vendors_to_json (GListModel *vendors)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  guint n = g_list_model_get_n_items (vendors);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClVendor) vendor = g_list_model_get_item (vendors, i);
      const ClVendorRecord *record = cl_vendor_get_record (vendor);
      gint64 cookie_max_age;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, cl_vendor_get_id (vendor));
      json_builder_set_member_name (builder, "gvl_id");
      if (record->gvl_id != 0)
        json_builder_add_int_value (builder, record->gvl_id);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, record->name);
      add_strv (builder, "purposes", cl_vendor_get_purposes (vendor));
      add_strv (builder, "legitimate_interest_purposes",
                cl_vendor_get_legitimate_interest_purposes (vendor));
      add_ids (builder, "tcf_purposes", record->purposes);
      add_ids (builder, "tcf_legitimate_interest_purposes", record->leg_int_purposes);
      add_ids (builder, "special_features", record->special_features);
      add_nullable_string (builder, "country", record->country);
      add_nullable_string (builder, "transfer_safeguard", record->transfer_safeguard);
      add_nullable_string (builder, "privacy_url", cl_vendor_get_privacy_url (vendor));
      json_builder_set_member_name (builder, "cookie_max_age_seconds");
      if (cl_vendor_get_cookie_max_age (vendor, &cookie_max_age))
        json_builder_add_int_value (builder, cookie_max_age);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "deleted");
      json_builder_add_boolean_value (builder, cl_vendor_get_deleted (vendor));
      add_nullable_string (builder, "deleted_date", cl_vendor_get_deleted_date (vendor));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* Pads to a width in characters, not bytes: vendor names are not ASCII. */
static void
print_padded (const char *text,
              guint       width)
{
  glong length = g_utf8_strlen (text, -1);

  fputs (text, stdout);
  for (glong i = length; i < (glong) width; i++)
    fputc (' ', stdout);
}

static void
print_vendors (GListModel *vendors)
{
  guint n = g_list_model_get_n_items (vendors);

  if (n == 0)
    {
      g_print ("%s\n", _("The ledger has no vendors. Import a vendor list with "
                         "“consentctl import vendors FILE”."));
      return;
    }

  print_padded (_("GVL ID"), 8);
  print_padded (_("NAME"), 42);
  print_padded (_("COUNTRY"), 9);
  print_padded (_("STATUS"), 12);
  g_print ("%s\n", _("PURPOSES"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClVendor) vendor = g_list_model_get_item (vendors, i);
      const char *country = cl_vendor_get_country (vendor);
      g_autofree char *purposes = g_strjoinv (", ", (char **) cl_vendor_get_purposes (vendor));
      g_autofree char *li = g_strjoinv (", ",
                                        (char **) cl_vendor_get_legitimate_interest_purposes (vendor));
      g_autofree char *gvl_id = NULL;

      g_object_get (vendor, "gvl-id-label", &gvl_id, NULL);
      print_padded (gvl_id, 8);
      print_padded (cl_vendor_get_name (vendor), 42);
      print_padded (country != NULL ? country : "", 9);
      print_padded (cl_vendor_get_deleted (vendor) ? _("withdrawn") : _("active"), 12);
      fputs (purposes, stdout);
      if (*li != '\0')
        g_print (*purposes != '\0' ? "; %s %s" : "%s %s", _("legitimate interest:"), li);
      fputc ('\n', stdout);
    }
}

ClExit
cl_cmd_vendors (ClCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GListStore) vendors = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!cl_cli_parse_options ("vendors", "", entries, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error ("vendors", _("vendors takes no arguments"));

  if (!(ledger = cl_cli_open_ledger (cli, &error))
      || !(vendors = cl_vendor_store_list (ledger, NULL, &error)))
    return cl_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = vendors_to_json (G_LIST_MODEL (vendors));
      cl_cli_print_json (node);
    }
  else
    print_vendors (G_LIST_MODEL (vendors));
  return CL_EXIT_OK;
}

static void
print_changes (ClVendorImport *import)
{
  GPtrArray *changes = cl_vendor_import_get_changes (import);

  for (guint i = 0; i < changes->len; i++)
    {
      const ClVendorChange *change = changes->pdata[i];
      const ClVendorRecord *record = change->record;
      g_autofree char *id = record->gvl_id != 0 ? g_strdup_printf ("%u", record->gvl_id)
                                                : g_strdup ("-");
      g_autofree char *fields = g_strjoinv (", ", change->fields);

      switch (change->kind)
        {
        case CL_VENDOR_CHANGE_ADDED:
          g_print ("  %-10s %6s  %s\n", "added", id, record->name);
          break;

        case CL_VENDOR_CHANGE_CHANGED:
          g_print ("  %-10s %6s  %s: %s\n", "changed", id, record->name, fields);
          break;

        case CL_VENDOR_CHANGE_WITHDRAWN:
          g_print ("  %-10s %6s  %s (%s)\n", "withdrawn", id, record->name, record->deleted_date);
          break;

        case CL_VENDOR_CHANGE_UNCHANGED:
        default:
          break;
        }
    }
}

ClExit
cl_cmd_import_vendors (ClCli  *cli,
                       int     argc,
                       char  **argv)
{
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClVendorImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  gboolean dry_run = FALSE;
  const ClVendorList *list;
  guint previous;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Show what would be added, changed and withdrawn, and write nothing"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!cl_cli_parse_options ("import vendors", _("FILE"), entries, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc != 2)
    return cl_cli_usage_error ("import vendors",
                               _("give one vendor list: a Global Vendor List (.json) or a vendor "
                                 "CSV file"));

  if (!(ledger = cl_cli_open_ledger (cli, &error))
      || !(import = cl_vendor_import_new_for_path (ledger, argv[1], NULL, &error)))
    return cl_cli_fail (error);

  list = cl_vendor_import_get_list (import);
  previous = cl_vendor_import_get_previous_version (import);
  if (!dry_run && !cl_vendor_import_apply (import, ledger, NULL, &error))
    return cl_cli_fail (error);

  counts = cl_vendor_import_format_counts (import);
  g_print ("%s\n", counts);
  if (dry_run)
    print_changes (import);

  if (list->format == CL_VENDOR_LIST_GVL && previous > list->vendor_list_version)
    g_print (_("Note: the ledger already had Global Vendor List version %u; this list is the "
               "older version %u.\n"), previous, list->vendor_list_version);
  if (cl_vendor_import_get_n_missing (import) > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Note: %u vendor of the ledger is not in this list; it is kept.\n",
                          "Note: %u vendors of the ledger are not in this list; they are kept.\n",
                          cl_vendor_import_get_n_missing (import)),
             cl_vendor_import_get_n_missing (import));
  if (dry_run)
    g_print ("%s\n", _("Dry run: nothing was written."));
  return CL_EXIT_OK;
}

ClExit
cl_cmd_import_cmps (ClCli  *cli,
                    int     argc,
                    char  **argv)
{
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  ClCmpImportCounts counts = { 0 };
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Show what would be added and changed, and write nothing"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!cl_cli_parse_options ("import cmps", _("FILE"), entries, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc != 2)
    return cl_cli_usage_error ("import cmps", _("give one IAB CMP list (cmp-list.json)"));

  if (!(ledger = cl_cli_open_ledger (cli, &error))
      || !cl_cmp_store_import (ledger, argv[1], dry_run, &counts, &error))
    return cl_cli_fail (error);

  g_print ("added %u, changed %u, unchanged %u\n", counts.added, counts.changed, counts.unchanged);
  if (dry_run)
    g_print ("%s\n", _("Dry run: nothing was written."));
  return CL_EXIT_OK;
}
