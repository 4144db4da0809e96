/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-file-scrub.h: zeroes the copies of erased values that SQLite leaves in the unallocated space
 * of b-tree pages. secure_delete overwrites a cell when it is deleted, but when a page is
 * rebalanced its cells are rewritten elsewhere and the old bytes stay in the page's free gap,
 * out of SQLite's reach: an identifier erased later would still be readable there. */
#pragma once

#include "cl-ledger.h"

G_BEGIN_DECLS

typedef struct
{
  guint n_pages;   /* pages read */
  guint n_zeroed;  /* copies overwritten in free space (without values: pages cleared) */
  guint n_live;    /* matches inside live cells (another value containing this one): left */
} ClFileScrubResult;

/* Reads every page of the b-trees (tables and their indexes) of tables from the ledger file and
 * zeroes each occurrence of each of values that lies in free space (the gap between the cell
 * pointers and the cell content, or a freeblock); values NULL zeroes all free space. Takes the write lock, and works only when
 * the WAL is empty (after a TRUNCATE checkpoint): CL_LEDGER_ERROR_CONFLICT otherwise. Drops
 * the connection's page cache afterwards, so no stale page is written back. */
gboolean cl_file_scrub (ClLedger            *ledger,
                        const char * const  *tables,
                        const char * const  *values,
                        ClFileScrubResult   *result,
                        GError             **error);

G_END_DECLS
