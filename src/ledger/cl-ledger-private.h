/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-ledger-private.h: the SQLite connection, for the library's own domain files only. */
#pragma once

#include <sqlite3.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

sqlite3      *cl_ledger_get_db        (ClLedger    *self);

/* A prepared statement for sql, cached per connection: reset, bindings cleared, borrowed. */
sqlite3_stmt *cl_ledger_statement     (ClLedger    *self,
                                       const char  *sql,
                                       GError     **error);
gboolean      cl_ledger_exec          (ClLedger    *self,
                                       const char  *sql,
                                       GError     **error);
/* Sets error from the connection's last SQLite error; always returns FALSE. */
gboolean      cl_ledger_set_db_error  (ClLedger    *self,
                                       GError     **error,
                                       const char  *doing);
/* Has the WAL flushed to disk in the background, for long transactions (see cl-ledger.c). */
void          cl_ledger_start_writeback (ClLedger  *self);
void          cl_ledger_wait_for_writeback (ClLedger *self);

G_END_DECLS
