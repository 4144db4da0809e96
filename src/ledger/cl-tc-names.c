/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-tc-names.c: looks up the names a decoded TC string refers to by number. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-ledger-private.h"
#include "cl-tc-names.h"

/* @doing is marked with N_(): describing a TC string looks up every vendor it names, so the
 * message is translated only when a lookup fails. */
static char *
lookup_name (ClLedger    *ledger,
             const char  *sql,
             guint        id,
             const char  *doing,
             GError     **error)
{
  sqlite3_stmt *stmt = cl_ledger_statement (ledger, sql, error);
  char *name = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    cl_ledger_set_db_error (ledger, error, _(doing));
  sqlite3_reset (stmt);
  return name;
}

char *
cl_tc_names_cmp (ClLedger  *ledger,
                 guint      cmp_id,
                 GError   **error)
{
  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return lookup_name (ledger, "SELECT name FROM cmps WHERE id = ?1", cmp_id,
                      N_("Could not read the CMP list"), error);
}

char *
cl_tc_names_vendor (ClLedger  *ledger,
                    guint      gvl_id,
                    GError   **error)
{
  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return lookup_name (ledger, "SELECT name FROM vendors WHERE gvl_id = ?1", gvl_id,
                      N_("Could not read the vendors"), error);
}

typedef struct
{
  ClLedger *ledger;
  GError   *error;  /* the first failure; later lookups are skipped */
} Lookup;

static char *
ledger_lookup (ClTcNameKind kind,
               guint        id,
               gpointer     user_data)
{
  Lookup *lookup = user_data;

  if (lookup->error != NULL)
    return NULL;
  if (kind == CL_TC_NAME_CMP)
    return cl_tc_names_cmp (lookup->ledger, id, &lookup->error);
  return cl_tc_names_vendor (lookup->ledger, id, &lookup->error);
}

char *
cl_tc_string_describe_in (const ClTcString  *tc,
                          ClLedger          *ledger,
                          GError           **error)
{
  Lookup lookup = { ledger, NULL };
  g_autofree char *text = NULL;

  g_return_val_if_fail (tc != NULL, NULL);
  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = cl_tc_string_describe (tc, ledger_lookup, &lookup);
  if (lookup.error != NULL)
    {
      g_propagate_error (error, lookup.error);
      return NULL;
    }
  return g_steal_pointer (&text);
}
