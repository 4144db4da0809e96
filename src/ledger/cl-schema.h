/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-schema.h: the ledger's SQL schema and its migrations (private to the library). */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Marks a SQLite file as a Consent Ledger ("CLdg"), so a foreign database is never migrated. */
#define CL_SCHEMA_APPLICATION_ID 0x434c6467

int      cl_schema_latest_version (void);
gboolean cl_schema_migrate        (sqlite3     *db,
                                   int          from_version,
                                   int          to_version,
                                   GError     **error);

G_END_DECLS
