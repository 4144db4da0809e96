/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-seed.h: what a new ledger starts with (private to the library). */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

gboolean cl_seed_new_ledger (sqlite3  *db,
                             GError  **error);

gboolean cl_seed_purposes   (sqlite3  *db,
                             GError  **error);

G_END_DECLS
