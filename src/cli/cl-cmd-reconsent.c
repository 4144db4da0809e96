/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cmd-reconsent.c: consentctl reconsent — who must be asked for consent again, and why. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-cli-commands.h"
#include "cl-reconsent.h"
#include "cl-time.h"

/* --at accepts a date (its start, UTC) or an RFC 3339 time. */
static gboolean
parse_at (const char *text,
          gint64     *out_ms)
{
  GDate date;

  if (cl_time_parse_date (text, &date))
    {
      *out_ms = cl_time_days_from_civil (g_date_get_year (&date), g_date_get_month (&date),
                                         g_date_get_day (&date)) * 86400000;
      return TRUE;
    }
  return cl_time_parse_rfc3339 (text, out_ms);
}

static JsonNode *
reconsent_to_json (const ClReconsent *reconsent)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *now = cl_time_format_rfc3339 (reconsent->now_ms);
  g_autofree char *cutoff = cl_time_format_rfc3339 (reconsent->age_cutoff_ms);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, cl_reconsent_get_count (reconsent));
  json_builder_set_member_name (builder, "at");
  json_builder_add_string_value (builder, now);
  json_builder_set_member_name (builder, "significant_version");
  if (reconsent->significant_version != NULL)
    json_builder_add_string_value (builder, reconsent->significant_version);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "significant_effective");
  if (reconsent->significant_effective != NULL)
    json_builder_add_string_value (builder, reconsent->significant_effective);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "age_months");
  json_builder_add_int_value (builder, reconsent->age_months);
  json_builder_set_member_name (builder, "age_cutoff");
  json_builder_add_string_value (builder, cutoff);
  json_builder_set_member_name (builder, "by_reason");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "policy");
  json_builder_add_int_value (builder, reconsent->n_policy);
  json_builder_set_member_name (builder, "age");
  json_builder_add_int_value (builder, reconsent->n_age);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "subjects");
  json_builder_begin_array (builder);
  for (guint i = 0; i < reconsent->subjects->len; i++)
    {
      const ClReconsentSubject *subject = &g_array_index (reconsent->subjects,
                                                          ClReconsentSubject, i);
      g_autofree char *last_event = cl_time_format_rfc3339 (subject->last_event_ms);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "subject");
      json_builder_add_string_value (builder, subject->subject);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, cl_reconsent_reason_to_string (subject->reason));
      json_builder_set_member_name (builder, "last_event");
      json_builder_add_string_value (builder, last_event);
      json_builder_set_member_name (builder, "policy_version");
      if (subject->policy_version != NULL)
        json_builder_add_string_value (builder, subject->policy_version);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
print_text (const ClReconsent *reconsent,
            gboolean           count_only)
{
  guint64 count = cl_reconsent_get_count (reconsent);
  g_autofree char *cutoff = cl_time_format_rfc3339 (reconsent->age_cutoff_ms);
  g_autofree char *n = g_strdup_printf ("%" G_GUINT64_FORMAT, count);
  g_autofree char *n_policy = g_strdup_printf ("%" G_GUINT64_FORMAT, reconsent->n_policy);
  g_autofree char *n_age = g_strdup_printf ("%" G_GUINT64_FORMAT, reconsent->n_age);

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s subject must be asked again.\n",
                        "%s subjects must be asked again.\n", count), n);

  if (reconsent->significant_version != NULL)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "  policy: %s last consented under a version older than %s "
                          "(significant, effective %s)\n",
                          "  policy: %s last consented under a version older than %s "
                          "(significant, effective %s)\n", reconsent->n_policy),
             n_policy, reconsent->significant_version, reconsent->significant_effective);
  else
    g_print ("%s\n", _("  policy: no significant version is in effect"));
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "  age: %s last consented more than %d months ago (before %s)\n",
                        "  age: %s last consented more than %d months ago (before %s)\n",
                        reconsent->n_age),
           n_age, reconsent->age_months, cutoff);

  if (count_only || count == 0)
    return;
  g_print ("\n%-24s %-7s %-24s %s\n", _("SUBJECT"), _("REASON"), _("LAST EVENT"), _("VERSION"));
  for (guint i = 0; i < reconsent->subjects->len; i++)
    {
      const ClReconsentSubject *subject = &g_array_index (reconsent->subjects,
                                                          ClReconsentSubject, i);
      g_autofree char *last_event = cl_time_format_rfc3339 (subject->last_event_ms);

      g_print ("%-24s %-7s %-24s %s\n", subject->subject,
               cl_reconsent_reason_to_string (subject->reason), last_event,
               subject->policy_version != NULL ? subject->policy_version : "–");
    }
}

ClExit
cl_cmd_reconsent (ClCli  *cli,
                  int     argc,
                  char  **argv)
{
  gboolean json = FALSE, count_only = FALSE;
  g_autofree char *at = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "count", 0, 0, G_OPTION_ARG_NONE, &count_only, N_("Print only the counts"), NULL },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at,
      N_("Answer as of this date or time instead of now"), N_("DATE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the list as CSV for the CMP (one row per device)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClReconsent) reconsent = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now_ms = g_get_real_time () / 1000;

  if (!cl_cli_parse_options ("reconsent", "", entries, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error ("reconsent", _("reconsent takes no arguments"));
  if (at != NULL && !parse_at (at, &now_ms))
    return cl_cli_usage_error ("reconsent", _("--at takes a date (YYYY-MM-DD) or an RFC 3339 "
                                              "time"));

  ledger = cl_cli_open_ledger (cli, &error);
  if (ledger == NULL)
    return cl_cli_fail (error);

  if (output != NULL)
    {
      guint64 n_subjects = 0, n_rows = 0;

      if (!cl_reconsent_export_csv (ledger, now_ms, output, &n_subjects, &n_rows, NULL, &error))
        return cl_cli_fail (error);
      g_autofree char *subjects = g_strdup_printf ("%" G_GUINT64_FORMAT, n_subjects);
      g_autofree char *rows = g_strdup_printf ("%" G_GUINT64_FORMAT, n_rows);

      g_printerr (g_dngettext (GETTEXT_PACKAGE, "Wrote %s subject (%s devices) to %s\n",
                               "Wrote %s subjects (%s devices) to %s\n", n_subjects),
                  subjects, rows, output);
      count_only = TRUE;  /* the list is in the file */
    }

  reconsent = cl_reconsent_compute (ledger, now_ms,
                                    json || !count_only ? CL_RECONSENT_WITH_SUBJECTS
                                                        : CL_RECONSENT_COUNT_ONLY,
                                    NULL, &error);
  if (reconsent == NULL)
    return cl_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) root = reconsent_to_json (reconsent);
      /* --count --json: the same object without the list. */
      if (count_only)
        json_object_remove_member (json_node_get_object (root), "subjects");
      cl_cli_print_json (root);
    }
  else
    print_text (reconsent, count_only);
  return CL_EXIT_OK;
}
