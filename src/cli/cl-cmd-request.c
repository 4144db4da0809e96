/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cmd-request.c: consentctl request new|list|show|verify|extend|pause|resume|note|close. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cl-cli-commands.h"
#include "cl-error.h"
#include "cl-request.h"

/* --today replays a past day (tests, scripts that catch up); hidden from --help. */
static char *today_option;

#define TODAY_ENTRY \
  { "today", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &today_option, NULL, "DATE" }

static gboolean
apply_today (const char *command)
{
  GDate date;

  if (today_option == NULL)
    return TRUE;
  if (!cl_request_parse_date (today_option, &date))
    {
      cl_cli_usage_error (command, _("--today needs a date as YYYY-MM-DD"));
      return FALSE;
    }
  g_setenv ("CONSENT_LEDGER_TODAY", today_option, TRUE);
  return TRUE;
}

/* Parses the options and checks the number of positional arguments (after the command). */
static gboolean
parse (const char    *command,
       const char    *parameters,
       GOptionEntry  *entries,
       int            n_positional,
       int           *argc,
       char        ***argv,
       ClExit        *exit_code)
{
  if (!cl_cli_parse_options (command, parameters, entries, argc, argv))
    {
      *exit_code = CL_EXIT_USAGE;
      return FALSE;
    }
  if (*argc - 1 != n_positional)
    {
      *exit_code = cl_cli_usage_error (command,
                                       *argc - 1 < n_positional ? _("missing argument")
                                                                : _("too many arguments"));
      return FALSE;
    }
  if (!apply_today (command))
    {
      *exit_code = CL_EXIT_USAGE;
      return FALSE;
    }
  return TRUE;
}

static char *
days_left_text (ClRequest *request)
{
  int days = cl_request_get_days_left (request);

  if (!cl_request_is_open (request))
    return g_strdup ("-");
  switch (cl_request_get_urgency (request))
    {
    case CL_URGENCY_OVERDUE:
      return g_strdup_printf (_("%d OVERDUE"), days);
    case CL_URGENCY_DUE_SOON:
      return g_strdup_printf (_("%d due soon"), days);
    case CL_URGENCY_OK:
    default:
      return g_strdup_printf ("%d", days);
    }
}

static void
warn_unknown_subject (ClRequest *request)
{
  if (cl_request_get_subject_id (request) == 0 && !cl_request_get_subject_erased (request))
    g_printerr (_("consentctl: warning: no subject in the ledger has the identifier “%s”; the "
                  "request keeps it as given, but there is nothing to report on or erase yet.\n"),
                cl_request_get_subject_label (request));
}

/* ------------------------------------------------------------------------------------------ */

static ClExit
request_new (ClCli  *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *type_text = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *received_text = NULL;
  g_autofree char *jurisdiction_text = NULL;
  GOptionEntry entries[] = {
    { "type", 0, 0, G_OPTION_ARG_STRING, &type_text,
      N_("access, erasure, portability, rectification, restriction, objection or withdrawal"),
      N_("TYPE") },
    { "subject", 0, 0, G_OPTION_ARG_STRING, &subject,
      N_("the subject’s consent id, e-mail address or account id"), N_("ID") },
    { "received", 0, 0, G_OPTION_ARG_STRING, &received_text,
      N_("the day the request arrived (default: today)"), N_("DATE") },
    { "jurisdiction", 0, 0, G_OPTION_ARG_STRING, &jurisdiction_text,
      N_("gdpr (default) or ccpa"), "gdpr|ccpa" },
    TODAY_ENTRY,
    { NULL }
  };
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  ClRequestType type;
  ClJurisdiction jurisdiction = CL_JURISDICTION_GDPR;
  GDate received;
  ClExit exit_code;

  if (!parse ("request new", "", entries, 0, &argc, &argv, &exit_code))
    return exit_code;
  if (type_text == NULL || subject == NULL)
    return cl_cli_usage_error ("request new", _("--type and --subject are required"));
  if (!cl_request_type_from_string (type_text, &type))
    return cl_cli_usage_error ("request new",
                               _("--type must be access, erasure, portability, rectification, "
                                 "restriction, objection or withdrawal"));
  if (jurisdiction_text != NULL && !cl_jurisdiction_from_string (jurisdiction_text, &jurisdiction))
    return cl_cli_usage_error ("request new", _("--jurisdiction must be gdpr or ccpa"));
  if (received_text != NULL && !cl_request_parse_date (received_text, &received))
    return cl_cli_usage_error ("request new", _("--received needs a date as YYYY-MM-DD"));

  if (!(ledger = cl_cli_open_ledger (cli, &error))
      || !(request = cl_request_create (ledger, type, subject, jurisdiction,
                                        received_text != NULL ? &received : NULL, &error)))
    return cl_cli_fail (error);

  warn_unknown_subject (request);
  g_print ("%s\n", cl_request_get_reference (request));
  return CL_EXIT_OK;
}

/* The register as text: type and status in the words the window's register shows, in the
 * user's language (--json prints the stored keys). Each column as wide as its widest cell, in
 * characters, since the width of a translated label depends on the language. */
#define N_COLS 7  /* reference, type, status, received, due, days left, subject */

static void
print_register (GListModel *requests)
{
  guint n = g_list_model_get_n_items (requests);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  guint widths[N_COLS] = { 0 };

  g_ptr_array_add (cells, g_strdup (_("REFERENCE")));
  g_ptr_array_add (cells, g_strdup (_("TYPE")));
  g_ptr_array_add (cells, g_strdup (_("STATUS")));
  g_ptr_array_add (cells, g_strdup (_("RECEIVED")));
  g_ptr_array_add (cells, g_strdup (_("DUE")));
  g_ptr_array_add (cells, g_strdup (_("DAYS LEFT")));
  g_ptr_array_add (cells, g_strdup (_("SUBJECT")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClRequest) request = g_list_model_get_item (requests, i);
      gboolean unknown = cl_request_get_subject_id (request) == 0
                         && !cl_request_get_subject_erased (request);

      g_ptr_array_add (cells, g_strdup (cl_request_get_reference (request)));
      g_ptr_array_add (cells,
                       g_strdup (cl_request_type_to_label (cl_request_get_request_type (request))));
      g_ptr_array_add (cells,
                       g_strdup (cl_request_status_to_label (cl_request_get_status (request))));
      g_ptr_array_add (cells, cl_request_format_date (cl_request_get_received (request)));
      g_ptr_array_add (cells, cl_request_format_date (cl_request_get_due (request)));
      g_ptr_array_add (cells, days_left_text (request));
      g_ptr_array_add (cells, g_strconcat (cl_request_get_subject_display (request),
                                           unknown ? _(" (no such subject)") : "", NULL));
    }

  for (guint i = 0; i < cells->len; i++)
    widths[i % N_COLS] = MAX (widths[i % N_COLS], (guint) g_utf8_strlen (cells->pdata[i], -1));

  for (guint row = 0; row * N_COLS < cells->len; row++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint col = 0; col + 1 < N_COLS; col++)
        {
          cl_cli_append_padded (line, cells->pdata[row * N_COLS + col], widths[col]);
          g_string_append (line, "  ");
        }
      g_string_append (line, cells->pdata[row * N_COLS + N_COLS - 1]);
      g_print ("%s\n", line->str);
    }
}

static ClExit
request_list (ClCli  *cli,
              int     argc,
              char  **argv)
{
  gboolean open_only = FALSE;
  gboolean overdue_only = FALSE;
  gboolean json = FALSE;
  g_autofree char *status_text = NULL;
  g_autofree char *type_text = NULL;
  GOptionEntry entries[] = {
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_only, N_("only requests not yet closed"), NULL },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue_only,
      N_("only open requests past their due date"), NULL },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("received, verifying, in_progress, paused, completed or rejected"), N_("STATUS") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type_text, N_("only requests of this type"),
      N_("TYPE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("print JSON"), NULL },
    TODAY_ENTRY,
    { NULL }
  };
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GListStore) requests = NULL;
  g_autoptr(GError) error = NULL;
  ClRequestFilter filter = { 0 };
  ClExit exit_code;
  guint n;

  if (!parse ("request list", "", entries, 0, &argc, &argv, &exit_code))
    return exit_code;
  if (status_text != NULL)
    {
      ClRequestStatus status;

      if (!cl_request_status_from_string (status_text, &status))
        return cl_cli_usage_error ("request list",
                                   _("--status must be received, verifying, in_progress, "
                                     "paused, completed or rejected"));
      filter.status_mask = 1u << status;
    }
  if (type_text != NULL)
    {
      ClRequestType type;

      if (!cl_request_type_from_string (type_text, &type))
        return cl_cli_usage_error ("request list",
                                   _("--type must be access, erasure, portability, "
                                     "rectification, restriction, objection or withdrawal"));
      filter.type_mask = 1u << type;
    }
  filter.open_only = open_only;
  filter.overdue_only = overdue_only;

  if (!(ledger = cl_cli_open_ledger (cli, &error))
      || !(requests = cl_request_list (ledger, &filter, &error)))
    return cl_cli_fail (error);

  n = g_list_model_get_n_items (G_LIST_MODEL (requests));
  if (json)
    {
      g_autoptr(JsonArray) array = json_array_sized_new (n);
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClRequest) request = g_list_model_get_item (G_LIST_MODEL (requests), i);
          json_array_add_element (array, cl_request_to_json (request));
        }
      json_node_set_array (root, array);
      cl_cli_print_json (root);
      return CL_EXIT_OK;
    }

  if (n == 0)
    {
      g_printerr ("%s\n", _("No requests match."));
      return CL_EXIT_OK;
    }
  print_register (G_LIST_MODEL (requests));
  return CL_EXIT_OK;
}

static void
print_field (const char *label,
             const char *value)
{
  if (value != NULL && value[0] != '\0')
    g_print ("  %-18s %s\n", label, value);
}

static void
print_request (ClRequest *request)
{
  g_autofree char *received = cl_request_format_date (cl_request_get_received (request));
  g_autofree char *due = cl_request_format_date (cl_request_get_due (request));
  g_autofree char *due_line = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *extension = NULL;
  GPtrArray *steps = cl_request_get_steps (request);
  GPtrArray *files = cl_request_get_files (request);
  ClRequestStatus status = cl_request_get_status (request);
  GDate date;

  g_print ("%s  %s (%s)\n", cl_request_get_reference (request),
           cl_request_type_to_label (cl_request_get_request_type (request)),
           cl_jurisdiction_to_string (cl_request_get_jurisdiction (request)));

  if (cl_request_get_subject_id (request) != 0 || cl_request_get_subject_erased (request))
    subject = g_strdup (cl_request_get_subject_display (request));
  else
    subject = g_strdup_printf (_("%s (no subject in the ledger has this identifier)"),
                               cl_request_get_subject_label (request));
  print_field (_("Subject:"), subject);

  if (status == CL_REQUEST_STATUS_PAUSED)
    {
      g_autofree char *since = cl_request_format_date (cl_request_get_paused_since (request));
      g_autofree char *paused = g_strdup_printf (_("Paused since %s (resumes as: %s)"), since,
                                                 cl_request_status_to_label (
                                                   cl_request_get_paused_from (request)));
      print_field (_("Status:"), paused);
    }
  else
    print_field (_("Status:"), cl_request_status_to_label (status));
  print_field (_("Received:"), received);

  if (cl_request_is_open (request))
    {
      int days = cl_request_get_days_left (request);

      if (days < 0)
        due_line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — OVERDUE by %d day",
                                                 "%s — OVERDUE by %d days", -days), due, -days);
      else
        due_line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%d day left)",
                                                 "%s (%d days left)", days), due, days);
    }
  else
    due_line = g_strdup (due);
  print_field (_("Due:"), due_line);

  if (cl_request_get_extended (request))
    extension = g_strdup_printf (_("yes: %s"), cl_request_get_extension_reason (request));
  else if (cl_request_get_extension_limit (request, &date))
    {
      g_autofree char *limit = cl_request_format_date (&date);
      extension = g_strdup_printf (_("no (possible until the first period ends, up to %s)"),
                                   limit);
    }
  else
    extension = g_strdup (_("no"));
  print_field (_("Extended:"), extension);

  if (cl_request_get_receipt_confirmed (request) != NULL)
    {
      g_autofree char *confirmed = g_strndup (cl_request_get_receipt_confirmed (request), 10);
      print_field (_("Receipt confirmed:"), confirmed);
    }
  else if (cl_request_get_confirmation_due (request, &date))
    {
      g_autofree char *confirm = cl_request_format_date (&date);
      print_field (_("Confirm receipt:"), confirm);
    }
  if (cl_request_get_paused_days (request) > 0)
    {
      g_autofree char *paused = g_strdup_printf ("%u", cl_request_get_paused_days (request));
      print_field (_("Days paused:"), paused);
    }
  print_field (_("Verification:"), cl_request_get_verification (request));
  print_field (_("Resolution:"), cl_request_get_resolution (request));

  g_print ("%s\n", _("Steps:"));
  for (guint i = 0; i < steps->len; i++)
    {
      ClRequestStep *step = g_ptr_array_index (steps, i);
      /* --json prints the stored detail; people read it in their language. */
      g_autofree char *detail = cl_request_step_dup_detail_label (step);

      g_print ("  %s  %-10s %s — %s\n", step->at, step->actor,
               cl_request_step_action_to_label (step->action), detail);
    }
  if (files->len > 0)
    {
      g_print ("%s\n", _("Files:"));
      for (guint i = 0; i < files->len; i++)
        {
          ClRequestFile *file = g_ptr_array_index (files, i);
          g_print ("  %-5s %s  SHA-256 %s\n", file->format, file->path, file->sha256);
        }
    }
}

static ClExit
request_show (ClCli  *cli,
              int     argc,
              char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("print JSON"), NULL },
    TODAY_ENTRY,
    { NULL }
  };
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  ClExit exit_code;

  if (!parse ("request show", _("REF"), entries, 1, &argc, &argv, &exit_code))
    return exit_code;
  if (!(ledger = cl_cli_open_ledger (cli, &error))
      || !(request = cl_request_load (ledger, argv[1], &error)))
    return cl_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = cl_request_to_json (request);
      cl_cli_print_json (node);
    }
  else
    print_request (request);
  return CL_EXIT_OK;
}

static void
print_outcome (ClRequest *request)
{
  g_autofree char *due = cl_request_format_date (cl_request_get_due (request));

  if (cl_request_is_open (request))
    g_print (_("%s: %s, due %s.\n"), cl_request_get_reference (request),
             cl_request_status_to_label (cl_request_get_status (request)), due);
  else
    g_print (_("%s: %s.\n"), cl_request_get_reference (request),
             cl_request_status_to_label (cl_request_get_status (request)));
}

static ClExit
request_verify (ClCli  *cli,
                int     argc,
                char  **argv)
{
  g_autofree char *method = NULL;
  gboolean start = FALSE;
  GOptionEntry entries[] = {
    { "method", 0, 0, G_OPTION_ARG_STRING, &method,
      N_("how the identity was verified"), N_("TEXT") },
    { "start", 0, 0, G_OPTION_ARG_NONE, &start,
      N_("only record that the subject was asked to prove their identity"), NULL },
    TODAY_ENTRY,
    { NULL }
  };
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  ClExit exit_code;

  if (!parse ("request verify", _("REF"), entries, 1, &argc, &argv, &exit_code))
    return exit_code;
  if ((method == NULL) == !start)
    return cl_cli_usage_error ("request verify", _("give either --method TEXT or --start"));
  if (!(ledger = cl_cli_open_ledger (cli, &error)))
    return cl_cli_fail (error);
  request = start ? cl_request_start_verification (ledger, argv[1], &error)
                  : cl_request_verify (ledger, argv[1], method, &error);
  if (request == NULL)
    return cl_cli_fail (error);
  print_outcome (request);
  return CL_EXIT_OK;
}

static ClExit
request_extend (ClCli  *cli,
                int     argc,
                char  **argv)
{
  g_autofree char *reason = NULL;
  g_autofree char *until_text = NULL;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("why more time is needed (the subject must be told)"), N_("TEXT") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until_text,
      N_("a due date before the legal maximum"), N_("DATE") },
    TODAY_ENTRY,
    { NULL }
  };
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  GDate until;
  ClExit exit_code;

  if (!parse ("request extend", _("REF"), entries, 1, &argc, &argv, &exit_code))
    return exit_code;
  if (reason == NULL)
    return cl_cli_usage_error ("request extend", _("--reason is required"));
  if (until_text != NULL && !cl_request_parse_date (until_text, &until))
    return cl_cli_usage_error ("request extend", _("--until needs a date as YYYY-MM-DD"));

  if (!(ledger = cl_cli_open_ledger (cli, &error))
      || !(request = cl_request_extend (ledger, argv[1], reason,
                                        until_text != NULL ? &until : NULL, &error)))
    return cl_cli_fail (error);
  print_outcome (request);
  return CL_EXIT_OK;
}

static ClExit
request_pause (ClCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("what the subject was asked for"), N_("TEXT") },
    TODAY_ENTRY,
    { NULL }
  };
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  ClExit exit_code;

  if (!parse ("request pause", _("REF"), entries, 1, &argc, &argv, &exit_code))
    return exit_code;
  if (!(ledger = cl_cli_open_ledger (cli, &error))
      || !(request = cl_request_pause (ledger, argv[1], reason, &error)))
    return cl_cli_fail (error);
  print_outcome (request);
  return CL_EXIT_OK;
}

static ClExit
request_confirm (ClCli  *cli,
                 int     argc,
                 char  **argv)
{
  GOptionEntry entries[] = { TODAY_ENTRY, { NULL } };
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  ClExit exit_code;

  if (!parse ("request confirm", _("REF"), entries, 1, &argc, &argv, &exit_code))
    return exit_code;
  if (!(ledger = cl_cli_open_ledger (cli, &error))
      || !(request = cl_request_confirm_receipt (ledger, argv[1], &error)))
    return cl_cli_fail (error);
  print_outcome (request);
  return CL_EXIT_OK;
}

static ClExit
request_resume (ClCli  *cli,
                int     argc,
                char  **argv)
{
  GOptionEntry entries[] = { TODAY_ENTRY, { NULL } };
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  ClExit exit_code;

  if (!parse ("request resume", _("REF"), entries, 1, &argc, &argv, &exit_code))
    return exit_code;
  if (!(ledger = cl_cli_open_ledger (cli, &error))
      || !(request = cl_request_resume (ledger, argv[1], &error)))
    return cl_cli_fail (error);
  print_outcome (request);
  return CL_EXIT_OK;
}

static ClExit
request_note (ClCli  *cli,
              int     argc,
              char  **argv)
{
  GOptionEntry entries[] = { TODAY_ENTRY, { NULL } };
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  ClExit exit_code;

  if (!parse ("request note", _("REF TEXT"), entries, 2, &argc, &argv, &exit_code))
    return exit_code;
  if (!(ledger = cl_cli_open_ledger (cli, &error))
      || !(request = cl_request_add_note (ledger, argv[1], argv[2], &error)))
    return cl_cli_fail (error);
  return CL_EXIT_OK;
}

static ClExit
request_close (ClCli  *cli,
               int     argc,
               char  **argv)
{
  gboolean reject = FALSE;
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "reject", 0, 0, G_OPTION_ARG_NONE, &reject,
      N_("reject the request (needs --reason)"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("why it is rejected, or what was done"), N_("TEXT") },
    TODAY_ENTRY,
    { NULL }
  };
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(ClRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  ClExit exit_code;

  if (!parse ("request close", _("REF"), entries, 1, &argc, &argv, &exit_code))
    return exit_code;
  if (!(ledger = cl_cli_open_ledger (cli, &error)))
    return cl_cli_fail (error);
  request = reject ? cl_request_reject (ledger, argv[1], reason, &error)
                   : cl_request_complete (ledger, argv[1], reason, &error);
  if (request == NULL)
    return cl_cli_fail (error);
  print_outcome (request);
  return CL_EXIT_OK;
}

static const struct
{
  const char    *name;
  ClCommandFunc  run;
  const char    *usage;
} subcommands[] = {
  { "new", request_new,
    "new --type TYPE --subject ID [--received DATE] [--jurisdiction gdpr|ccpa]" },
  { "list", request_list, "list [--open] [--overdue] [--status S] [--type T] [--json]" },
  { "show", request_show, "show REF [--json]" },
  { "confirm", request_confirm, "confirm REF" },
  { "verify", request_verify, "verify REF (--method TEXT | --start)" },
  { "extend", request_extend, "extend REF --reason TEXT [--until DATE]" },
  { "pause", request_pause, "pause REF [--reason TEXT]" },
  { "resume", request_resume, "resume REF" },
  { "note", request_note, "note REF TEXT" },
  { "close", request_close, "close REF [--reject --reason TEXT | --reason TEXT]" },
};

static void
print_subcommands (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: consentctl request SUBCOMMAND …"));
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    fprintf (stream, "  consentctl request %s\n", subcommands[i].usage);
}

ClExit
cl_cmd_request (ClCli  *cli,
                int     argc,
                char  **argv)
{
  if (argc < 2)
    {
      g_printerr ("%s\n", _("consentctl request: no subcommand given"));
      print_subcommands (stderr);
      return CL_EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_subcommands (stdout);
      return CL_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (strcmp (argv[1], subcommands[i].name) == 0)
      return subcommands[i].run (cli, argc - 1, argv + 1);

  g_printerr (_("consentctl request: unknown subcommand “%s”\n"), argv[1]);
  print_subcommands (stderr);
  return CL_EXIT_USAGE;
}
