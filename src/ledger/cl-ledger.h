/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-ledger.h: one ledger file, opened, created or migrated; settings and transactions. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CL_TYPE_LEDGER (cl_ledger_get_type ())
G_DECLARE_FINAL_TYPE (ClLedger, cl_ledger, CL, LEDGER, GObject)

ClLedger   *cl_ledger_open               (const char  *path,
                                          GError     **error);
/* Whether cl_ledger_open would migrate the file to the current format (read-only, cheap). */
gboolean    cl_ledger_needs_upgrade      (const char  *path,
                                          int         *from_version,
                                          GError     **error);
char       *cl_ledger_default_path       (void);
const char *cl_ledger_get_path           (ClLedger    *self);
int         cl_ledger_get_schema_version (ClLedger    *self);

char       *cl_ledger_get_setting        (ClLedger    *self,
                                          const char  *key);
int         cl_ledger_get_setting_int    (ClLedger    *self,
                                          const char  *key,
                                          int          fallback);
gboolean    cl_ledger_set_setting        (ClLedger    *self,
                                          const char  *key,
                                          const char  *value,
                                          GError     **error);

/* One operation = one transaction: begin, do the work, then commit or roll back. */
gboolean    cl_ledger_begin              (ClLedger    *self,
                                          GError     **error);
gboolean    cl_ledger_commit             (ClLedger    *self,
                                          GError     **error);
void        cl_ledger_rollback           (ClLedger    *self);
gboolean    cl_ledger_in_transaction     (ClLedger    *self);

G_END_DECLS
