/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cmd-records.c: consentctl records and consentctl subject — browse the consent log. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cl-cli-commands.h"
#include "cl-consent-record.h"
#include "cl-error.h"
#include "cl-event-query.h"
#include "cl-purpose.h"
#include "cl-subject.h"
#include "cl-time.h"

/* Numbers as the user's locale writes them: 1,000,000 or 1 000 000. */
static char *
format_count (guint64 n)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

static GPtrArray *
refusable_purposes (GListStore *purposes)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (purposes)); i++)
    {
      ClPurpose *purpose = g_list_model_get_item (G_LIST_MODEL (purposes), i);

      if (cl_purpose_get_refusable (purpose))
        g_ptr_array_add (list, purpose);
      else
        g_object_unref (purpose);
    }
  return list;
}

static const char *
decision_word (ClDecision decision)
{
  /* Plain words, not translated: scripts read this table. */
  switch (decision)
    {
    case CL_DECISION_GRANTED: return "granted";
    case CL_DECISION_DENIED: return "denied";
    case CL_DECISION_NOT_ASKED:
    default: return "-";
    }
}

/* The table's columns are as wide as their widest cell among the first MEASURED_ROWS rows (or
 * the header), counted in characters, not bytes, so that "Åsa" lines up with "Ann". Later rows
 * are streamed with those widths: --limit 0 on a million events must not be held in memory. */
#define MEASURED_ROWS 100

typedef struct
{
  ClLedger   *ledger;
  GListStore *purposes;
  GPtrArray  *refusable;
  guint       n_printed;
  GPtrArray  *pending;   /* (element-type GStrv): the rows not printed yet, while measuring */
  guint      *widths;    /* per column, in characters; NULL until measured */
  guint       n_columns;
} Printer;

static void
printer_clear (Printer *printer)
{
  g_clear_pointer (&printer->pending, g_ptr_array_unref);
  g_clear_pointer (&printer->widths, g_free);
}

/* Column keys, not translated: scripts read this table. */
static GStrv
header_cells (Printer *printer)
{
  g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();

  g_strv_builder_add_many (cells, "recorded_at", "subject", "policy", "method", NULL);
  for (guint i = 0; i < printer->refusable->len; i++)
    g_strv_builder_add (cells, cl_purpose_get_key (printer->refusable->pdata[i]));
  g_strv_builder_add_many (cells, "country", "url", NULL);
  return g_strv_builder_end (cells);
}

static GStrv
row_cells (Printer        *printer,
           ClConsentEvent *event)
{
  g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
  g_autofree char *time = cl_time_format_rfc3339 (cl_consent_event_get_recorded_at (event));
  int method = cl_consent_event_get_method (event);

  g_strv_builder_add (cells, time);
  g_strv_builder_add (cells, cl_consent_event_get_subject (event) ?: "-");
  g_strv_builder_add (cells, cl_consent_event_get_policy_version (event) ?: "-");
  g_strv_builder_add (cells,
                      cl_consent_method_to_string (CLAMP (method, 0, CL_CONSENT_N_METHODS - 1)));
  for (guint i = 0; i < printer->refusable->len; i++)
    {
      ClPurpose *purpose = printer->refusable->pdata[i];
      ClDecision decision = cl_consent_event_get_decision (event, cl_purpose_get_bit (purpose));

      g_strv_builder_add (cells, decision_word (decision));
    }
  g_strv_builder_add (cells, cl_consent_event_get_country (event) ?: "-");
  g_strv_builder_add (cells, cl_consent_event_get_url (event) ?: "-");
  return g_strv_builder_end (cells);
}

static void
measure (Printer     *printer,
         const GStrv  cells)
{
  for (guint i = 0; i < printer->n_columns && cells[i] != NULL; i++)
    printer->widths[i] = MAX (printer->widths[i], (guint) g_utf8_strlen (cells[i], -1));
}

/* One space between columns; the last column (the URL) is not padded. A cell wider than its
 * column (a row after the measured ones) pushes the rest of its line along. */
static void
print_cells (Printer     *printer,
             const GStrv  cells)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < printer->n_columns && cells[i] != NULL; i++)
    {
      g_string_append (line, cells[i]);
      if (i + 1 < printer->n_columns)
        {
          glong length = g_utf8_strlen (cells[i], -1);

          for (glong pad = length; pad < (glong) printer->widths[i]; pad++)
            g_string_append_c (line, ' ');
          g_string_append_c (line, ' ');
        }
    }
  g_print ("%s\n", line->str);
}

/* Fixes the widths and prints the header and the rows held so far. */
static void
flush_pending (Printer *printer)
{
  g_auto(GStrv) header = header_cells (printer);

  if (printer->widths != NULL)
    return;
  printer->n_columns = g_strv_length (header);
  printer->widths = g_new0 (guint, printer->n_columns);
  measure (printer, header);
  for (guint i = 0; i < printer->pending->len; i++)
    measure (printer, printer->pending->pdata[i]);

  print_cells (printer, header);
  for (guint i = 0; i < printer->pending->len; i++)
    print_cells (printer, printer->pending->pdata[i]);
  g_ptr_array_set_size (printer->pending, 0);
}

static gboolean
print_row (ClConsentEvent  *event,
           gpointer         user_data,
           GError         **error)
{
  Printer *printer = user_data;
  g_auto(GStrv) cells = row_cells (printer, event);

  if (printer->widths != NULL)
    print_cells (printer, cells);
  else
    {
      g_ptr_array_add (printer->pending, g_steal_pointer (&cells));
      if (printer->pending->len == MEASURED_ROWS)
        flush_pending (printer);
    }
  printer->n_printed++;
  return TRUE;
}

/* A JSON array written element by element, so --limit 0 on a million events stays small. */
static gboolean
print_json_element (ClConsentEvent  *event,
                    gpointer         user_data,
                    GError         **error)
{
  Printer *printer = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *text = NULL;

  node = cl_consent_event_to_json (event, printer->ledger, G_LIST_MODEL (printer->purposes),
                                   error);
  if (node == NULL)
    return FALSE;
  generator = json_generator_new ();
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s  %s", printer->n_printed == 0 ? "" : ",\n", text);
  printer->n_printed++;
  return TRUE;
}

ClExit
cl_cmd_records (ClCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClEventQuery) query = cl_event_query_new ();
  g_autoptr(GListStore) purposes = NULL;
  g_autoptr(GPtrArray) refusable = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *purpose = NULL;
  g_autofree char *policy = NULL;
  g_autofree char *method_text = NULL;
  g_autofree char *since_text = NULL;
  g_autofree char *until_text = NULL;
  gboolean granted = FALSE, denied = FALSE, not_asked = FALSE;
  gboolean current = FALSE, count_only = FALSE, json = FALSE;
  int limit = 100;
  Printer printer = { NULL };
  GOptionEntry entries[] = {
    { "subject", 0, 0, G_OPTION_ARG_STRING, &subject,
      N_("Only the events of the subject known by ID (consent id, e-mail, account or event id)"),
      N_("ID") },
    { "purpose", 0, 0, G_OPTION_ARG_STRING, &purpose,
      N_("Only events with a decision on purpose KEY (with --granted, --denied or --not-asked)"),
      N_("KEY") },
    { "granted", 0, 0, G_OPTION_ARG_NONE, &granted, N_("The purpose was granted"), NULL },
    { "denied", 0, 0, G_OPTION_ARG_NONE, &denied, N_("The purpose was denied"), NULL },
    { "not-asked", 0, 0, G_OPTION_ARG_NONE, &not_asked, N_("The purpose was not asked about"),
      NULL },
    { "policy", 0, 0, G_OPTION_ARG_STRING, &policy, N_("Only events under policy VERSION"),
      N_("VERSION") },
    { "method", 0, 0, G_OPTION_ARG_STRING, &method_text,
      N_("Only events of METHOD: accept_all, reject_all, custom, withdraw or gpc"), N_("METHOD") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since_text,
      N_("Events on or after DATE (YYYY-MM-DD, UTC, or an RFC 3339 time)"), N_("DATE") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until_text,
      N_("Events on or before DATE (YYYY-MM-DD includes that whole day)"), N_("DATE") },
    { "current", 0, 0, G_OPTION_ARG_NONE, &current,
      N_("Only each subject’s latest event (its current state)"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Show at most N events (default 100, 0 = all)"),
      N_("N") },
    { "count", 0, 0, G_OPTION_ARG_NONE, &count_only, N_("Print only the number of events"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of events"), NULL },
    { NULL }
  };

  if (!cl_cli_parse_options ("records", "", entries, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error ("records", _("records takes options only; to look a subject up "
                                            "use --subject ID"));
  if (granted + denied + not_asked > 1)
    return cl_cli_usage_error ("records", _("choose one of --granted, --denied and --not-asked"));
  if (purpose != NULL && granted + denied + not_asked == 0)
    return cl_cli_usage_error ("records", _("--purpose needs --granted, --denied or --not-asked"));
  if (purpose == NULL && granted + denied + not_asked > 0)
    return cl_cli_usage_error ("records", _("--granted, --denied and --not-asked need --purpose KEY"));
  if (limit < 0)
    return cl_cli_usage_error ("records", _("--limit must be 0 (all) or more"));

  g_object_freeze_notify (G_OBJECT (query));
  cl_event_query_set_subject (query, subject);
  if (purpose != NULL)
    cl_event_query_set_purpose (query, purpose,
                                granted ? CL_DECISION_GRANTED
                                        : denied ? CL_DECISION_DENIED : CL_DECISION_NOT_ASKED);
  cl_event_query_set_policy (query, policy);
  if (method_text != NULL)
    {
      ClConsentMethod method;

      if (!cl_consent_method_from_string (method_text, &method))
        {
          g_autofree char *message =
            g_strdup_printf (_("unknown method “%s”: use accept_all, reject_all, custom, "
                               "withdraw or gpc"), method_text);
          return cl_cli_usage_error ("records", message);
        }
      cl_event_query_set_method (query, method);
    }
  if (since_text != NULL)
    {
      gint64 ms;
      if (!cl_event_query_parse_since (since_text, &ms, &error))
        return cl_cli_usage_error ("records", error->message);
      cl_event_query_set_since (query, ms);
    }
  if (until_text != NULL)
    {
      gint64 ms;
      if (!cl_event_query_parse_until (until_text, &ms, &error))
        return cl_cli_usage_error ("records", error->message);
      cl_event_query_set_until (query, ms);
    }
  cl_event_query_set_current_only (query, current);
  g_object_thaw_notify (G_OBJECT (query));

  ledger = cl_cli_open_ledger (cli, &error);
  if (ledger == NULL)
    return cl_cli_fail (error);

  if (count_only)
    {
      guint64 count = 0;

      if (!cl_event_query_count (query, ledger, &count, &error))
        return cl_cli_fail (error);
      /* A bare number: valid JSON too, so --json changes nothing here. */
      g_print ("%" G_GUINT64_FORMAT "\n", count);
      return CL_EXIT_OK;
    }

  purposes = cl_purpose_list (ledger, &error);
  if (purposes == NULL)
    return cl_cli_fail (error);
  refusable = refusable_purposes (purposes);
  printer.ledger = ledger;
  printer.purposes = purposes;
  printer.refusable = refusable;

  if (json)
    {
      g_print ("[\n");
      if (!cl_event_query_foreach (query, ledger, limit, print_json_element, &printer, &error))
        {
          g_print ("\n]\n");
          return cl_cli_fail (error);
        }
      g_print ("%s]\n", printer.n_printed > 0 ? "\n" : "");
      return CL_EXIT_OK;
    }

  printer.pending = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  if (!cl_event_query_foreach (query, ledger, limit, print_row, &printer, &error))
    {
      flush_pending (&printer);
      printer_clear (&printer);
      return cl_cli_fail (error);
    }
  flush_pending (&printer);
  printer_clear (&printer);

  /* Say when the list was cut, so nobody takes the first 100 for all of them. */
  if (limit > 0 && printer.n_printed == (guint) limit)
    {
      guint64 count = 0;

      if (cl_event_query_count (query, ledger, &count, NULL) && count > (guint64) limit)
        {
          g_autofree char *shown = format_count (limit);
          g_autofree char *all = format_count (count);

          g_printerr (_("Showing the first %s of %s events; use --limit 0 to show them all.\n"),
                      shown, all);
        }
    }
  else if (printer.n_printed == 0)
    g_printerr ("%s\n", _("No consent events match."));
  return CL_EXIT_OK;
}

static void
print_subject (ClSubject *subject)
{
  static const ClIdentifierKind kinds[] = {
    CL_IDENTIFIER_CONSENT_ID, CL_IDENTIFIER_EMAIL, CL_IDENTIFIER_ACCOUNT,
  };
  GListModel *purposes = cl_subject_get_purposes (subject);
  GListModel *history = cl_subject_get_history (subject);
  ClConsentEvent *current = cl_subject_get_current (subject);
  const char *tc_string = cl_subject_get_tc_string (subject);

  g_print (_("Subject %s\n"), cl_subject_get_display_id (subject));
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const char * const *values = cl_subject_get_identifiers (subject, kinds[k]);
      g_autofree char *joined = g_strjoinv (", ", (char **) values);

      if (values[0] != NULL)
        g_print ("  %s: %s\n", cl_identifier_kind_to_label (kinds[k]), joined);
    }

  g_print ("\n");
  if (current == NULL)
    g_print ("%s\n", _("No consent events."));
  else
    {
      g_print (_("Current choices (since %s UTC, policy %s):\n"),
               cl_consent_event_get_time_label (current),
               cl_consent_event_get_policy_version (current) ?: "-");
      for (guint i = 0; i < g_list_model_get_n_items (purposes); i++)
        {
          g_autoptr(ClPurpose) purpose = g_list_model_get_item (purposes, i);

          if (cl_purpose_get_refusable (purpose))
            g_print ("  %s: %s\n", cl_purpose_get_name (purpose),
                     cl_decision_to_label (cl_subject_get_current_decision (subject, purpose)));
        }
    }

  g_print ("\n%s\n", _("History:"));
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(ClConsentEvent) event = g_list_model_get_item (history, i);
      g_autofree char *sentence = cl_subject_describe_event (subject, i);

      g_print ("  %s  %s\n", cl_consent_event_get_time_label (event), sentence);
    }
  if (tc_string != NULL)
    g_print ("\n%s\n  %s\n", _("Latest TC string:"), tc_string);
}

ClExit
cl_cmd_subject (ClCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClSubject) subject = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print {\"identifiers\", \"current\", \"events\"} as JSON"), NULL },
    { NULL }
  };

  if (!cl_cli_parse_options ("subject", _("ID"), entries, &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc != 2)
    return cl_cli_usage_error ("subject", _("give one identifier: a consent id, e-mail address, "
                                            "account id or event id"));

  ledger = cl_cli_open_ledger (cli, &error);
  if (ledger == NULL)
    return cl_cli_fail (error);
  subject = cl_subject_lookup (ledger, argv[1], &error);
  if (subject == NULL)
    return cl_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = cl_subject_to_json (subject, ledger, &error);

      if (node == NULL)
        return cl_cli_fail (error);
      cl_cli_print_json (node);
    }
  else
    print_subject (subject);
  return CL_EXIT_OK;
}
