/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-settings.h: the ledger settings an officer may change: the company's details that reports
 * print, and the re-consent age. Each change is validated and audited. */
#pragma once

#include "cl-ledger.h"

G_BEGIN_DECLS

typedef struct
{
  const char *key;        /* e.g. "company.name" */
  const char *label;      /* N_() */
  const char *description;/* N_() */
  gboolean    is_number;  /* a whole number of months */
  int         minimum;
  int         maximum;
} ClSettingInfo;

/* The settings in the order a form shows them, NULL-key terminated. */
const ClSettingInfo *cl_settings_list   (void);
const ClSettingInfo *cl_settings_lookup (const char  *key);

/* Validates, writes and audits one setting in one transaction. */
gboolean             cl_settings_change (ClLedger    *ledger,
                                         const char  *key,
                                         const char  *value,
                                         GError     **error);

G_END_DECLS
