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
 * @record: a record just read, still the reading thread's: it may be changed
 * @prepared: the record's prepared_size bytes, zeroed, for what is worked out from it
 * @user_data: as given to cl_read_ahead_new_full()
 *
 * Runs on the reading thread, for each record in the order of the file, before the record is
 * handed over: work that needs nothing but the record is done on that thread's core.
 */
typedef void (*ClReadAheadPrepare) (ClConsentRecord *record,
                                    gpointer         prepared,
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
