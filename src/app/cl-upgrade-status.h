/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-upgrade-status.h: what the window shows while a ledger is upgraded to the current format. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CL_TYPE_UPGRADE_STATUS (cl_upgrade_status_get_type ())
G_DECLARE_FINAL_TYPE (ClUpgradeStatus, cl_upgrade_status, CL, UPGRADE_STATUS, AdwBin)

ClUpgradeStatus *cl_upgrade_status_new      (void);
const char      *cl_upgrade_status_get_path (ClUpgradeStatus *self);
/* The ledger file being upgraded; its name is shown. */
void             cl_upgrade_status_set_path (ClUpgradeStatus *self,
                                             const char      *path);

G_END_DECLS
