/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-read-ahead.h: reads a consent log in a thread of its own, a few batches of records ahead
 * of whoever takes them, so that parsing and validating one part of the file overlaps with
 * storing the part before it. */
#pragma once

#include "cl-consent-reader.h"

G_BEGIN_DECLS

typedef struct _ClReadAhead ClReadAhead;

ClReadAhead *cl_read_ahead_new            (ClConsentReader        *reader);
void         cl_read_ahead_free           (ClReadAhead            *self);
gboolean     cl_read_ahead_next           (ClReadAhead            *self,
                                           const ClConsentRecord **record,
                                           GError                **error);
guint        cl_read_ahead_get_line       (ClReadAhead            *self);
guint64      cl_read_ahead_get_bytes_read (ClReadAhead            *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClReadAhead, cl_read_ahead_free)

G_END_DECLS
