/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-erasure.h: erasing a subject (GDPR Art. 17) so that no copy stays readable in the file. */
#pragma once

#include <gio/gio.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

typedef struct
{
  guint    n_events;             /* consent events deleted (or, for a preview, to delete) */
  guint    n_identifiers;        /* identifiers deleted, each leaving a tombstone */
  guint    n_texts_scrubbed;     /* request texts (label, steps, notes, file paths) that named
                                  * the subject and now say "[erased]" instead */
  guint    n_audit_mentions;     /* audit entries naming an identifier in clear text: the log
                                  * is append-only, so these could not be scrubbed */
  gboolean log_cleared;          /* FALSE when another program kept the WAL from being emptied
                                  * (or the file from being cleared): old copies may stay until
                                  * cl_erasure_clear_log succeeds */
} ClErasureResult;

/* What erasing would delete (n_events, n_identifiers), without changing anything. identifier
 * and reference (an erasure request) as for cl_erasure_erase_subject. */
gboolean cl_erasure_preview       (ClLedger         *ledger,
                                   const char       *identifier,
                                   const char       *reference,
                                   ClErasureResult  *result,
                                   GError          **error);

/* Erases the subject known by identifier (any of its identifiers; nullable when reference is
 * given) in one transaction: its events and identifiers are deleted with secure_delete on, a
 * tombstone (keyed hash, date, request) is left per identifier, request texts naming it are
 * scrubbed; the WAL is then checkpointed and truncated, and copies SQLite left in the free
 * space of b-tree pages (cells moved when a page was rebalanced) are overwritten in the file. reference (nullable) is the
 * erasure request it answers: it must be of that type, verified, and about this subject; it
 * gets an "erased" step. Cancelling before the commit leaves the ledger unchanged. */
gboolean cl_erasure_erase_subject (ClLedger         *ledger,
                                   const char       *identifier,
                                   const char       *reference,
                                   GCancellable     *cancellable,
                                   ClErasureResult  *result,
                                   GError          **error);

/* Copies the WAL into the ledger, truncates it, and overwrites all free space in the pages of
 * the tables that hold identifiers (n_pages, nullable: how many pages had some); FALSE
 * (CL_LEDGER_ERROR_CONFLICT) while another connection is reading. For when an erasure's result
 * said the log was not cleared: `consentctl erase --finish`. Harmless when nothing is pending. */
gboolean cl_erasure_clear_log     (ClLedger         *ledger,
                                   guint            *n_pages,
                                   GError          **error);

/* The day (YYYY-MM-DD) of the earliest erasure after which the file could not be cleared yet,
 * or NULL when none is pending. A pending clearing is also done by the next erasure. */
char    *cl_erasure_get_clear_pending (ClLedger     *ledger);

G_END_DECLS
