/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cli-commands.h: the commands of consentctl, one source file per command group. */
#pragma once

#include "cl-cli.h"

G_BEGIN_DECLS

ClExit cl_cmd_init (ClCli *cli, int argc, char **argv);
ClExit cl_cmd_import (ClCli *cli, int argc, char **argv);
ClExit cl_cmd_import_consents (ClCli *cli, int argc, char **argv);
ClExit cl_cmd_import_vendors (ClCli *cli, int argc, char **argv);
ClExit cl_cmd_import_cmps (ClCli *cli, int argc, char **argv);
ClExit cl_cmd_vendors (ClCli *cli, int argc, char **argv);
ClExit cl_cmd_policy (ClCli *cli, int argc, char **argv);
ClExit cl_cmd_purposes (ClCli *cli, int argc, char **argv);
ClExit cl_cmd_reconsent (ClCli *cli, int argc, char **argv);
ClExit cl_cmd_records (ClCli *cli, int argc, char **argv);
ClExit cl_cmd_subject (ClCli *cli, int argc, char **argv);
ClExit cl_cmd_request (ClCli *cli, int argc, char **argv);
ClExit cl_cmd_report (ClCli *cli, int argc, char **argv);
ClExit cl_cmd_export (ClCli *cli, int argc, char **argv);
ClExit cl_cmd_erase (ClCli *cli, int argc, char **argv);
ClExit cl_cmd_audit (ClCli *cli, int argc, char **argv);
ClExit cl_cmd_generate (ClCli *cli, int argc, char **argv);
ClExit cl_cmd_decode_tc (ClCli *cli, int argc, char **argv);
ClExit cl_cmd_settings (ClCli *cli, int argc, char **argv);

G_END_DECLS
