/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cli.h: what every consentctl command shares: the ledger path, exit codes, option parsing. */
#pragma once

#include <glib.h>

#include <json-glib/json-glib.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

/* BRIEF §5: 0 done; 1 the input or the ledger refused it; 2 usage. */
typedef enum
{
  CL_EXIT_OK = 0,
  CL_EXIT_REFUSED = 1,
  CL_EXIT_USAGE = 2,
} ClExit;

typedef struct
{
  const char *ledger_path;  /* --ledger, else NULL for the default */
} ClCli;

typedef ClExit (*ClCommandFunc) (ClCli  *cli,
                                 int     argc,
                                 char  **argv);

typedef struct
{
  const char   *name;
  ClCommandFunc run;
  const char   *summary;  /* N_() */
} ClCommand;

/* Opens (creating and seeding if needed) the ledger the user asked for. */
ClLedger *cl_cli_open_ledger   (ClCli         *cli,
                                GError       **error);

/* Prints the error on stderr; returns CL_EXIT_REFUSED. */
ClExit    cl_cli_fail          (const GError  *error);

/* Parses a command's options; on a usage error prints it with the usage line and returns
 * FALSE (the command then returns CL_EXIT_USAGE). argv[0] is the command's name. */
gboolean  cl_cli_parse_options (const char    *command,
                                const char    *parameters,
                                GOptionEntry  *entries,
                                int           *argc,
                                char        ***argv);

ClExit    cl_cli_usage_error   (const char    *command,
                                const char    *message);

/* Prints JSON (pretty) to stdout. */
void      cl_cli_print_json    (JsonNode      *node);

/* Appends text padded with spaces to width characters (not bytes: translated labels are not
 * ASCII), for the columns of a text table. */
void      cl_cli_append_padded (GString       *line,
                                const char    *text,
                                guint          width);

G_END_DECLS
