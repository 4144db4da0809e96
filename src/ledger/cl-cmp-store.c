/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cmp-store.c: importing the IAB CMP list into the cmps table. */
#include "config.h"

#include "cl-audit.h"
#include "cl-cmp-list.h"
#include "cl-cmp-store.h"
#include "cl-ledger-private.h"

/* The name the ledger has for a CMP, or NULL. */
static char *
stored_name (ClLedger  *ledger,
             guint      id,
             gboolean  *failed,
             GError   **error)
{
  sqlite3_stmt *stmt = cl_ledger_statement (ledger, "SELECT name FROM cmps WHERE id = ?", error);
  char *name = NULL;
  int rc;

  *failed = stmt == NULL;
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    *failed = !cl_ledger_set_db_error (ledger, error, "Could not read the CMP list");
  sqlite3_reset (stmt);
  return name;
}

static gboolean
store (ClLedger           *ledger,
       GPtrArray          *entries,
       gboolean            write,
       ClCmpImportCounts  *counts,
       GError            **error)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const ClCmpEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *old = NULL;
      gboolean failed = FALSE;
      sqlite3_stmt *stmt;

      old = stored_name (ledger, entry->id, &failed, error);
      if (failed)
        return FALSE;
      if (old == NULL)
        counts->added++;
      else if (g_strcmp0 (old, entry->name) != 0)
        counts->changed++;
      else
        {
          counts->unchanged++;
          continue;
        }
      if (!write)
        continue;

      stmt = cl_ledger_statement (ledger, "INSERT OR REPLACE INTO cmps (id, name) VALUES (?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, entry->id);
      sqlite3_bind_text (stmt, 2, entry->name, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return cl_ledger_set_db_error (ledger, error, "Could not save the CMP list");
    }
  return TRUE;
}

gboolean
cl_cmp_store_import (ClLedger           *ledger,
                     const char         *path,
                     gboolean            dry_run,
                     ClCmpImportCounts  *counts,
                     GError            **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *display = NULL;
  g_autofree char *detail = NULL;
  ClCmpImportCounts local = { 0 };

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(entries = cl_cmp_list_load (path, error)))
    return FALSE;

  if (dry_run)
    {
      if (!store (ledger, entries, FALSE, &local, error))
        return FALSE;
    }
  else
    {
      g_autofree char *basename = g_path_get_basename (path);

      /* The file's name only: the audit log is never edited, and a folder may name a person. */
      display = g_filename_display_name (basename);
      detail = NULL;
      if (!cl_ledger_begin (ledger, error))
        return FALSE;
      if (!store (ledger, entries, TRUE, &local, error))
        goto fail;
      detail = g_strdup_printf ("%s: IAB CMP list: added %u, changed %u, unchanged %u", display,
                                local.added, local.changed, local.unchanged);
      if (!cl_audit_append (ledger, "cmp.import", "cmp_list", "", detail, error)
          || !cl_ledger_commit (ledger, error))
        goto fail;
    }

  if (counts != NULL)
    *counts = local;
  return TRUE;

fail:
  cl_ledger_rollback (ledger);
  return FALSE;
}
