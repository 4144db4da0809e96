/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-erasure.h: erasing a subject (GDPR Art. 17) so that no copy stays readable in the file. */
#pragma once

#include <gio/gio.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

typedef struct
{
  guint n_events;
  guint n_identifiers;
  guint n_requests_scrubbed;
} ClErasureResult;

/* Erases the subject known by identifier (any of its identifiers), leaving a tombstone per
 * identifier; request_reference (nullable) is the erasure request it answers. */
gboolean cl_erasure_erase_subject (ClLedger         *ledger,
                                   const char       *identifier,
                                   const char       *request_reference,
                                   ClErasureResult  *result,
                                   GError          **error);

G_END_DECLS
