/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-read-ahead.h: reads a consent log in a thread of its own, a few batches of records ahead
 * of whoever takes them, so that parsing and validating one part of the file overlaps with
 * storing the part before it. */
#pragma once

#include "cl-consent-reader.h"

G_BEGIN_DECLS

typedef struct _ClReadAhead ClReadAhead;

/**
 * ClReadAheadPrepare:
 * @records: a batch of records just read, in the order of the file, still the reading
 *   thread's: they may be changed
 * @prepared: @n_records times prepared_size bytes (rounded up to a multiple of 8), zeroed,
 *   for what is worked out from each record
 * @n_records: how many records the batch has, at least one
 * @user_data: as given to cl_read_ahead_new_full()
 *
 * Runs on the reading thread for each batch, before it is handed over: work that needs
 * nothing but the records is done on that thread's core. A batch at a time, so that work
 * that waits on memory can have the look-ups of all its records under way at once.
 */
typedef void (*ClReadAheadPrepare) (ClConsentRecord *records,
                                    gpointer         prepared,
                                    guint            n_records,
                                    gpointer         user_data);

ClReadAhead *cl_read_ahead_new            (ClConsentReader        *reader);
ClReadAhead *cl_read_ahead_new_full       (ClConsentReader        *reader,
                                           gsize                   prepared_size,
                                           ClReadAheadPrepare      prepare,
                                           gpointer                user_data);
void         cl_read_ahead_free           (ClReadAhead            *self);
gboolean     cl_read_ahead_next           (ClReadAhead            *self,
                                           const ClConsentRecord **record,
                                           GError                **error);
gconstpointer cl_read_ahead_get_prepared  (ClReadAhead            *self);
gconstpointer cl_read_ahead_peek_prepared (ClReadAhead            *self,
                                           guint                   ahead);
gboolean     cl_read_ahead_batch_ends     (ClReadAhead            *self);
guint        cl_read_ahead_get_line       (ClReadAhead            *self);
guint64      cl_read_ahead_get_bytes_read (ClReadAhead            *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClReadAhead, cl_read_ahead_free)

G_END_DECLS
