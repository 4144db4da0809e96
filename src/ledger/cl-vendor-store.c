/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendor-store.c: the vendors of a ledger for the window and the CLI: list, search, get, and
 * edits by hand, each one transaction with its audit entry. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-audit.h"
#include "cl-error.h"
#include "cl-vendor-rows.h"

GListStore *
cl_vendor_store_list (ClLedger    *ledger,
                      const char  *search,
                      GError     **error)
{
  g_autoptr(ClVendorPurposeMap) map = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GPtrArray) vendors = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);

  if (!(map = cl_vendor_purpose_map_load (ledger, error)))
    return NULL;
  stmt = cl_ledger_statement (ledger,
                              "SELECT " VENDOR_COLUMNS " FROM vendors"
                              " ORDER BY name COLLATE NOCASE, id", error);
  if (stmt == NULL || !(vendors = cl_vendor_rows_read (ledger, map, stmt, error)))
    return NULL;

  /* A few thousand vendors at most: matching here keeps one definition of a match, which the
   * window's search field uses as well. */
  store = g_list_store_new (CL_TYPE_VENDOR);
  for (guint i = 0; i < vendors->len; i++)
    if (cl_vendor_matches (vendors->pdata[i], search))
      g_list_store_append (store, vendors->pdata[i]);
  return g_steal_pointer (&store);
}

static ClVendor *
get_one (ClLedger     *ledger,
         const char   *sql,
         gint64        value,
         GError      **error)
{
  g_autoptr(ClVendorPurposeMap) map = NULL;
  g_autoptr(GPtrArray) vendors = NULL;
  sqlite3_stmt *stmt;

  if (!(map = cl_vendor_purpose_map_load (ledger, error)))
    return NULL;
  if (!(stmt = cl_ledger_statement (ledger, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, value);
  if (!(vendors = cl_vendor_rows_read (ledger, map, stmt, error)))
    return NULL;
  if (vendors->len == 0)
    return NULL;
  return g_object_ref (vendors->pdata[0]);
}

ClVendor *
cl_vendor_store_get (ClLedger  *ledger,
                     gint64     id,
                     GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  ClVendor *vendor;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);

  vendor = get_one (ledger, "SELECT " VENDOR_COLUMNS " FROM vendors WHERE id = ?", id,
                    &local_error);
  if (vendor == NULL && local_error == NULL)
    g_set_error (&local_error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND,
                 _("The ledger has no vendor with id %lld; it may have been deleted"),
                 (long long) id);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return vendor;
}

ClVendor *
cl_vendor_store_get_by_gvl_id (ClLedger  *ledger,
                               guint      gvl_id,
                               GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  ClVendor *vendor;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);

  vendor = get_one (ledger, "SELECT " VENDOR_COLUMNS " FROM vendors WHERE gvl_id = ?", gvl_id,
                    &local_error);
  if (vendor == NULL && local_error == NULL)
    g_set_error (&local_error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND,
                 _("The ledger has no vendor with GVL id %u"), gvl_id);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return vendor;
}

/* ---- edits by hand ---- */

static gboolean
is_country_code (const char *country)
{
  return strlen (country) == 2 && g_ascii_isupper (country[0]) && g_ascii_isupper (country[1]);
}

static gboolean
is_web_address (const char *url)
{
  return (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://"))
         && g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL);
}

gboolean
cl_vendor_store_check (ClLedger             *ledger,
                       const ClVendorRecord *record,
                       gint64                except_id,
                       GError              **error)
{
  g_autoptr(ClVendorPurposeMap) map = NULL;
  g_autofree char *clean = NULL;
  char **lists[2];

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  clean = record->name != NULL ? cl_vendor_clean_name (record->name) : NULL;
  if (clean == NULL || *clean == '\0')
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                           _("The vendor needs a name"));
      return FALSE;
    }
  if (record->country != NULL && !is_country_code (record->country))
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("“%s” is not a country code: use the two capital letters of ISO 3166, "
                     "such as SE or US"), record->country);
      return FALSE;
    }
  if (record->privacy_url != NULL && !is_web_address (record->privacy_url))
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("“%s” is not a web address: it must start with https:// or http://"),
                   record->privacy_url);
      return FALSE;
    }

  if (!(map = cl_vendor_purpose_map_load (ledger, error)))
    return FALSE;
  lists[0] = record->company_purposes;
  lists[1] = record->company_leg_int_purposes;
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && lists[l][i] != NULL; i++)
      if (!cl_vendor_purpose_map_has_key (map, lists[l][i]))
        {
          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                       _("“%s” is not a purpose of this ledger"), lists[l][i]);
          return FALSE;
        }

  if (record->gvl_id != 0)
    {
      g_autoptr(ClVendor) other = cl_vendor_store_get_by_gvl_id (ledger, record->gvl_id, NULL);

      if (other != NULL && cl_vendor_get_id (other) != except_id)
        {
          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_CONFLICT,
                       _("GVL id %u already belongs to “%s”"), record->gvl_id,
                       cl_vendor_get_name (other));
          return FALSE;
        }
    }
  return TRUE;
}

/* The record as it is stored: the name cleaned and the purposes in order, the way the list
 * readers give them, so that a later import compares like with like. */
static ClVendorRecord *
normalized (ClVendorPurposeMap   *map,
            const ClVendorRecord *record)
{
  ClVendorRecord *copy = cl_vendor_record_copy_deep (record);
  char *clean = cl_vendor_clean_name (record->name);

  g_free (copy->name);
  copy->name = clean;
  cl_vendor_purpose_map_sort_keys (map, copy->company_purposes);
  cl_vendor_purpose_map_sort_keys (map, copy->company_leg_int_purposes);
  cl_vendor_id_list_normalize (copy->purposes);
  cl_vendor_id_list_normalize (copy->leg_int_purposes);
  cl_vendor_id_list_normalize (copy->flexible_purposes);
  cl_vendor_id_list_normalize (copy->special_purposes);
  cl_vendor_id_list_normalize (copy->features);
  cl_vendor_id_list_normalize (copy->special_features);
  cl_vendor_id_list_normalize (copy->data_declaration);
  return copy;
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* One transaction: check, write, audit. */
static ClVendor *
save (ClLedger             *ledger,
      const char           *action,
      gint64                id,
      gboolean              insert,
      const ClVendorRecord *record,
      const char           *detail,
      GError              **error)
{
  g_autoptr(ClVendorPurposeMap) map = NULL;
  g_autoptr(ClVendorRecord) clean = NULL;
  g_autofree char *object_id = NULL;
  gint64 stored_id = 0;

  if (!cl_ledger_begin (ledger, error))
    return NULL;
  if (!cl_vendor_store_check (ledger, record, insert ? -1 : id, error)
      || !(map = cl_vendor_purpose_map_load (ledger, error)))
    goto fail;

  clean = normalized (map, record);
  if (!cl_vendor_store_write (ledger, map, id, insert, clean, NULL, &stored_id, error))
    goto fail;
  object_id = id_text (stored_id);
  if (!cl_audit_append (ledger, action, "vendor", object_id,
                        detail != NULL ? detail : clean->name, error)
      || !cl_ledger_commit (ledger, error))
    goto fail;

  return cl_vendor_store_get (ledger, stored_id, error);

fail:
  cl_ledger_rollback (ledger);
  return NULL;
}

ClVendor *
cl_vendor_store_add (ClLedger             *ledger,
                     const ClVendorRecord *record,
                     GError              **error)
{
  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (record != NULL, NULL);

  return save (ledger, "vendor.add", 0, TRUE, record, NULL, error);
}

ClVendor *
cl_vendor_store_update (ClLedger             *ledger,
                        gint64                id,
                        const ClVendorRecord *record,
                        GError              **error)
{
  g_autoptr(ClVendorPurposeMap) map = NULL;
  g_autoptr(ClVendor) old = NULL;
  g_autoptr(ClVendorRecord) clean = NULL;
  g_auto(GStrv) fields = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (record != NULL, NULL);

  if (!(old = cl_vendor_store_get (ledger, id, error)))
    return NULL;
  if (record->name == NULL)
    return save (ledger, "vendor.edit", id, FALSE, record, NULL, error);  /* fails the check */

  /* The audit entry says which fields the officer changed. */
  if (!(map = cl_vendor_purpose_map_load (ledger, error)))
    return NULL;
  clean = normalized (map, record);
  fields = cl_vendor_record_diff (cl_vendor_get_record (old), clean);
  joined = g_strjoinv (", ", fields);
  detail = g_strdup_printf ("%s: %s", clean->name, *joined != '\0' ? joined : "no change");
  return save (ledger, "vendor.edit", id, FALSE, record, detail, error);
}

ClVendor *
cl_vendor_store_delete (ClLedger  *ledger,
                        gint64     id,
                        GError   **error)
{
  g_autoptr(ClVendor) old = NULL;
  g_autofree char *object_id = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);

  if (!cl_ledger_begin (ledger, error))
    return NULL;
  if (!(old = cl_vendor_store_get (ledger, id, error)))
    goto fail;
  if (!(stmt = cl_ledger_statement (ledger, "DELETE FROM vendors WHERE id = ?", error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not delete the vendor"));
      goto fail;
    }
  object_id = id_text (id);
  if (!cl_audit_append (ledger, "vendor.delete", "vendor", object_id, cl_vendor_get_name (old),
                        error)
      || !cl_ledger_commit (ledger, error))
    goto fail;
  return g_steal_pointer (&old);

fail:
  cl_ledger_rollback (ledger);
  return NULL;
}

ClVendor *
cl_vendor_store_restore (ClLedger  *ledger,
                         ClVendor  *deleted,
                         GError   **error)
{
  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (CL_IS_VENDOR (deleted), NULL);
  g_return_val_if_fail (cl_vendor_get_id (deleted) > 0, NULL);

  {
    g_autoptr(ClVendor) taken = cl_vendor_store_get (ledger, cl_vendor_get_id (deleted), NULL);

    if (taken != NULL)
      {
        g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_CONFLICT,
                     _("“%s” cannot be restored: the ledger already holds it"),
                     cl_vendor_get_name (deleted));
        return NULL;
      }
  }
  return save (ledger, "vendor.restore", cl_vendor_get_id (deleted), TRUE,
               cl_vendor_get_record (deleted), NULL, error);
}
