/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendor-import.c: a vendor list against the ledger. Vendors are matched by GVL id, else by
 * name among the vendors without one. Each side owns its fields: a GVL import keeps what only
 * the company declares (its purposes, country, transfer safeguard, privacy address, retention);
 * a CSV import changes only what its row declares. Vendors the list does not name are kept. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-audit.h"
#include "cl-error.h"
#include "cl-gvl-reader.h"
#include "cl-tcf-names.h"
#include "cl-vendor-csv-reader.h"
#include "cl-vendor-import.h"
#include "cl-vendor-rows.h"

struct _ClVendorImport
{
  GObject       parent_instance;

  ClVendorList *list;
  char         *filename;
  GPtrArray    *changes;   /* ClVendorChange */
  guint         counts[CL_VENDOR_CHANGE_UNCHANGED + 1];
  guint         n_missing;
  guint         previous_version;
  char         *audit_head;  /* the last audit entry when the difference was computed */
};

G_DEFINE_FINAL_TYPE (ClVendorImport, cl_vendor_import, G_TYPE_OBJECT)

static void
change_free (gpointer data)
{
  ClVendorChange *change = data;

  if (change->record != NULL)
    cl_vendor_record_unref ((ClVendorRecord *) change->record);
  if (change->old_record != NULL)
    cl_vendor_record_unref ((ClVendorRecord *) change->old_record);
  g_strfreev (change->fields);
  g_free (change);
}

static void
cl_vendor_import_finalize (GObject *object)
{
  ClVendorImport *self = CL_VENDOR_IMPORT (object);

  g_clear_pointer (&self->list, cl_vendor_list_free);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_free (self->filename);
  g_free (self->audit_head);

  G_OBJECT_CLASS (cl_vendor_import_parent_class)->finalize (object);
}

static void
cl_vendor_import_class_init (ClVendorImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_vendor_import_finalize;
}

static void
cl_vendor_import_init (ClVendorImport *self)
{
}

/* ---- reading ---- */

/* A JSON object is a GVL; a JSON array is no vendor list at all, and the GVL reader says so
 * better than the CSV reader would. No CSV header starts with either. */
static gboolean
looks_like_json (const char *data,
                 gsize       length)
{
  gsize i = 0;

  if (cl_gvl_looks_like_json (data, length))
    return TRUE;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  return i < length && data[i] == '[';
}

ClVendorList *
cl_vendor_import_read_list (const char          *data,
                            gsize                length,
                            const char          *filename,
                            const char * const  *purpose_keys,
                            GError             **error)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (purpose_keys != NULL, NULL);

  if (looks_like_json (data, length))
    return cl_gvl_read_data (data, length, filename, error);

  stream = g_memory_input_stream_new_from_data (data, length, NULL);
  return cl_vendor_csv_read_stream (stream, filename, purpose_keys, error);
}

/* ---- the difference ---- */

/* How the list names a vendor in messages. */
static char *
vendor_label (const ClVendorRecord *record)
{
  if (record->gvl_id != 0)
    return g_strdup_printf ("%u", record->gvl_id);
  return g_strdup_printf ("“%s”", record->name != NULL ? record->name : "");
}

static void
replace_ids (GArray       *to,
             const GArray *from)
{
  g_array_set_size (to, 0);
  if (from->len > 0)
    g_array_append_vals (to, from->data, from->len);
}

static void
replace_string (char       **to,
                const char  *from)
{
  g_free (*to);
  *to = g_strdup (from);
}

static void
replace_strv (char        ***to,
              char * const  *from)
{
  g_strfreev (*to);
  *to = g_strdupv ((char **) from);
}

/* What the ledger will hold for a vendor of the list, given what it holds now (old). */
static ClVendorRecord *
effective_record (const ClVendorRecord *old,
                  const ClVendorRecord *new,
                  ClVendorListFormat    format)
{
  ClVendorRecord *record;

  if (old == NULL)
    return cl_vendor_record_copy_deep (new);

  if (format == CL_VENDOR_LIST_GVL)
    {
      record = cl_vendor_record_copy_deep (new);
      replace_strv (&record->company_purposes, old->company_purposes);
      replace_strv (&record->company_leg_int_purposes, old->company_leg_int_purposes);
      replace_string (&record->country, old->country);
      replace_string (&record->transfer_safeguard, old->transfer_safeguard);
      replace_string (&record->privacy_url, old->privacy_url);
      record->has_retention_days = old->has_retention_days;
      record->retention_days = old->retention_days;
      return record;
    }

  /* A CSV row: an empty cell keeps what the ledger has. A purposes cell states the company
   * purposes; TCF numbers in it replace the TCF declaration only when it lists some, so that a
   * procurement list does not erase what the GVL declares. */
  record = cl_vendor_record_copy_deep (old);
  replace_string (&record->name, new->name);
  if (new->gvl_id != 0)
    record->gvl_id = new->gvl_id;
  if (new->company_purposes[0] != NULL || new->purposes->len > 0)
    {
      replace_strv (&record->company_purposes, new->company_purposes);
      if (new->purposes->len > 0)
        replace_ids (record->purposes, new->purposes);
    }
  if (new->company_leg_int_purposes[0] != NULL || new->leg_int_purposes->len > 0)
    {
      replace_strv (&record->company_leg_int_purposes, new->company_leg_int_purposes);
      if (new->leg_int_purposes->len > 0)
        replace_ids (record->leg_int_purposes, new->leg_int_purposes);
    }
  if (new->country != NULL)
    replace_string (&record->country, new->country);
  if (new->transfer_safeguard != NULL)
    replace_string (&record->transfer_safeguard, new->transfer_safeguard);
  if (new->privacy_url != NULL)
    replace_string (&record->privacy_url, new->privacy_url);
  if (new->has_retention_days)
    {
      record->has_retention_days = TRUE;
      record->retention_days = new->retention_days;
    }
  if (new->has_cookie_max_age)
    {
      record->has_cookie_max_age = TRUE;
      record->cookie_max_age_seconds = new->cookie_max_age_seconds;
    }
  return record;
}

typedef struct
{
  GPtrArray *changes;
  guint      counts[CL_VENDOR_CHANGE_UNCHANGED + 1];
  guint      n_missing;
} Plan;

static void
plan_clear (Plan *plan)
{
  g_clear_pointer (&plan->changes, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Plan, plan_clear)

static gboolean
check_purposes (ClVendorPurposeMap    *map,
                const ClVendorRecord  *record,
                const char            *filename,
                GError               **error)
{
  char **lists[] = { record->company_purposes, record->company_leg_int_purposes };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && lists[l][i] != NULL; i++)
      if (!cl_vendor_purpose_map_has_key (map, lists[l][i]))
        {
          g_autofree char *label = vendor_label (record);

          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                       _("%s: “%s” is not a purpose of this ledger (vendor %s)"),
                       filename, lists[l][i], label);
          return FALSE;
        }
  return TRUE;
}

static gboolean
compute_plan (ClLedger            *ledger,
              const ClVendorList  *list,
              const char          *filename,
              GCancellable        *cancellable,
              Plan                *plan,
              GError             **error)
{
  g_autoptr(ClVendorPurposeMap) map = NULL;
  g_autoptr(GPtrArray) vendors = NULL;
  g_autoptr(GHashTable) by_gvl_id = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) matched = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!(map = cl_vendor_purpose_map_load (ledger, error))
      || !(vendors = cl_vendor_store_load_all (ledger, map, error)))
    return FALSE;

  for (guint i = 0; i < vendors->len; i++)
    {
      ClVendor *vendor = vendors->pdata[i];

      if (cl_vendor_get_gvl_id (vendor) != 0)
        g_hash_table_insert (by_gvl_id, GUINT_TO_POINTER (cl_vendor_get_gvl_id (vendor)), vendor);
      else
        g_hash_table_insert (by_name, g_utf8_casefold (cl_vendor_get_name (vendor), -1), vendor);
    }

  plan->changes = g_ptr_array_new_full (list->vendors->len, change_free);
  for (guint i = 0; i < list->vendors->len; i++)
    {
      const ClVendorRecord *record = g_ptr_array_index (list->vendors, i);
      g_autofree char *folded = g_utf8_casefold (record->name, -1);
      char *key;
      ClVendor *old = NULL;
      ClVendorChange *change;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!check_purposes (map, record, filename, error))
        return FALSE;

      key = record->gvl_id != 0 ? g_strdup_printf ("%u", record->gvl_id)
                                : g_strconcat ("name:", folded, NULL);
      if (!g_hash_table_add (seen, key))
        {
          g_autofree char *label = vendor_label (record);

          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                       _("%s: the list names the same vendor twice (vendor %s)"), filename, label);
          return FALSE;
        }

      if (record->gvl_id != 0)
        old = g_hash_table_lookup (by_gvl_id, GUINT_TO_POINTER (record->gvl_id));
      /* A vendor added by hand without a GVL id is the same vendor when the list names it. */
      if (old == NULL)
        old = g_hash_table_lookup (by_name, folded);
      if (old != NULL && !g_hash_table_add (matched, old))
        old = NULL;

      change = g_new0 (ClVendorChange, 1);
      change->record = effective_record (old != NULL ? cl_vendor_get_record (old) : NULL,
                                         record, list->format);
      if (old == NULL)
        {
          change->kind = cl_vendor_record_is_deleted (change->record)
                         ? CL_VENDOR_CHANGE_WITHDRAWN : CL_VENDOR_CHANGE_ADDED;
          change->fields = g_new0 (char *, 1);
        }
      else
        {
          change->vendor_id = cl_vendor_get_id (old);
          change->old_record = cl_vendor_record_ref ((ClVendorRecord *) cl_vendor_get_record (old));
          change->fields = cl_vendor_record_diff (change->old_record, change->record);
          if (change->fields[0] == NULL)
            change->kind = CL_VENDOR_CHANGE_UNCHANGED;
          else if (cl_vendor_record_is_deleted (change->record)
                   && !cl_vendor_record_is_deleted (change->old_record))
            change->kind = CL_VENDOR_CHANGE_WITHDRAWN;
          else
            change->kind = CL_VENDOR_CHANGE_CHANGED;
        }
      plan->counts[change->kind]++;
      g_ptr_array_add (plan->changes, change);
    }

  if (list->format == CL_VENDOR_LIST_GVL)
    for (guint i = 0; i < vendors->len; i++)
      if (cl_vendor_get_gvl_id (vendors->pdata[i]) != 0
          && !g_hash_table_contains (matched, vendors->pdata[i]))
        plan->n_missing++;

  return TRUE;
}

/* Every change to a ledger appends to its audit log: while the last entry stays the same, so do
 * the vendors. NULL when it cannot be read (the difference is then computed again). */
static char *
audit_head (ClLedger *ledger)
{
  sqlite3_stmt *stmt;
  char *hash = NULL;

  stmt = cl_ledger_statement (ledger, "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      hash = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      break;
    case SQLITE_DONE:
      hash = g_strdup ("");
      break;
    default:
      break;
    }
  sqlite3_reset (stmt);
  return hash;
}

static guint
previous_version (ClLedger *ledger)
{
  sqlite3_stmt *stmt;
  guint version = 0;

  stmt = cl_ledger_statement (ledger,
                              "SELECT vendor_list_version FROM gvl_imports"
                              " WHERE vendor_list_version IS NOT NULL ORDER BY id DESC LIMIT 1",
                              NULL);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return version;
}

ClVendorImport *
cl_vendor_import_new_for_list (ClLedger      *ledger,
                               ClVendorList  *list,
                               const char    *filename,
                               GError       **error)
{
  g_autoptr(ClVendorImport) self = g_object_new (CL_TYPE_VENDOR_IMPORT, NULL);
  g_auto(Plan) plan = { 0 };

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (list != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  self->list = list;
  self->filename = g_strdup (filename);
  /* Read before the vendors: a change in between makes the apply compute again. */
  self->audit_head = audit_head (ledger);
  if (!compute_plan (ledger, list, filename, NULL, &plan, error))
    return NULL;
  self->changes = g_steal_pointer (&plan.changes);
  memcpy (self->counts, plan.counts, sizeof self->counts);
  self->n_missing = plan.n_missing;
  self->previous_version = previous_version (ledger);
  return g_steal_pointer (&self);
}

static GStrv
ledger_purpose_keys (ClLedger  *ledger,
                     GError   **error)
{
  g_autoptr(ClVendorPurposeMap) map = cl_vendor_purpose_map_load (ledger, error);

  return map != NULL ? cl_vendor_purpose_map_dup_keys (map) : NULL;
}

static ClVendorImport *
new_for_data (ClLedger      *ledger,
              const char    *data,
              gsize          length,
              const char    *filename,
              GCancellable  *cancellable,
              GError       **error)
{
  g_auto(GStrv) keys = NULL;
  ClVendorList *list;

  if (length > CL_GVL_MAX_FILE_SIZE)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("%s: the file is too large to be a vendor list"), filename);
      return NULL;
    }
  if (!(keys = ledger_purpose_keys (ledger, error))
      || !(list = cl_vendor_import_read_list (data, length, filename,
                                              (const char * const *) keys, error)))
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      cl_vendor_list_free (list);
      return NULL;
    }
  return cl_vendor_import_new_for_list (ledger, list, filename, error);
}

ClVendorImport *
cl_vendor_import_new_for_path (ClLedger      *ledger,
                               const char    *path,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("%s: this is a folder, not a vendor list"), display);
      return NULL;
    }
  if (!(file = g_mapped_file_new (path, FALSE, &local_error)))
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("%s: the file cannot be read: %s"), display, local_error->message);
      return NULL;
    }
  return new_for_data (ledger, g_mapped_file_get_contents (file), g_mapped_file_get_length (file),
                       display, cancellable, error);
}

ClVendorImport *
cl_vendor_import_new_for_file (ClLedger      *ledger,
                               GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  gsize length = 0;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (g_file_peek_path (file) != NULL)
    return cl_vendor_import_new_for_path (ledger, g_file_peek_path (file), cancellable, error);

  display = g_file_get_parse_name (file);
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                     _("%s: the file cannot be read: %s"), display, local_error->message);
      return NULL;
    }
  return new_for_data (ledger, contents, length, display, cancellable, error);
}

const ClVendorList *
cl_vendor_import_get_list (ClVendorImport *self)
{
  g_return_val_if_fail (CL_IS_VENDOR_IMPORT (self), NULL);
  return self->list;
}

const char *
cl_vendor_import_get_filename (ClVendorImport *self)
{
  g_return_val_if_fail (CL_IS_VENDOR_IMPORT (self), NULL);
  return self->filename;
}

guint
cl_vendor_import_count (ClVendorImport     *self,
                        ClVendorChangeKind  kind)
{
  g_return_val_if_fail (CL_IS_VENDOR_IMPORT (self), 0);
  g_return_val_if_fail (kind <= CL_VENDOR_CHANGE_UNCHANGED, 0);
  return self->counts[kind];
}

GPtrArray *
cl_vendor_import_get_changes (ClVendorImport *self)
{
  g_return_val_if_fail (CL_IS_VENDOR_IMPORT (self), NULL);
  return self->changes;
}

guint
cl_vendor_import_get_n_missing (ClVendorImport *self)
{
  g_return_val_if_fail (CL_IS_VENDOR_IMPORT (self), 0);
  return self->n_missing;
}

guint
cl_vendor_import_get_previous_version (ClVendorImport *self)
{
  g_return_val_if_fail (CL_IS_VENDOR_IMPORT (self), 0);
  return self->previous_version;
}

gboolean
cl_vendor_import_has_changes (ClVendorImport *self)
{
  g_return_val_if_fail (CL_IS_VENDOR_IMPORT (self), FALSE);
  return self->counts[CL_VENDOR_CHANGE_UNCHANGED] < self->changes->len;
}

/* The CLI prints this line as it is; scripts may read it, so it is not translated. */
char *
cl_vendor_import_format_counts (ClVendorImport *self)
{
  g_return_val_if_fail (CL_IS_VENDOR_IMPORT (self), NULL);

  return g_strdup_printf ("added %u, changed %u, withdrawn %u, unchanged %u",
                          self->counts[CL_VENDOR_CHANGE_ADDED],
                          self->counts[CL_VENDOR_CHANGE_CHANGED],
                          self->counts[CL_VENDOR_CHANGE_WITHDRAWN],
                          self->counts[CL_VENDOR_CHANGE_UNCHANGED]);
}

/* ---- applying ---- */

/* "FILE: what is wrong (vendor ID)", as the readers say it. */
static void
name_vendor_in_error (GError               **error,
                      const char            *filename,
                      const ClVendorRecord  *record)
{
  g_autofree char *label = NULL;
  char *message;

  if (error == NULL || *error == NULL)
    return;
  label = vendor_label (record);
  message = g_strdup_printf ("%s: %s (vendor %s)", filename, (*error)->message, label);
  g_free ((*error)->message);
  (*error)->message = message;
}

static gboolean
same_plan (GPtrArray *a,
           GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const ClVendorChange *x = a->pdata[i];
      const ClVendorChange *y = b->pdata[i];

      if (x->kind != y->kind || x->vendor_id != y->vendor_id
          || !g_strv_equal ((const char * const *) x->fields, (const char * const *) y->fields))
        return FALSE;
    }
  return TRUE;
}

static gboolean
record_import (ClLedger        *ledger,
               ClVendorImport  *self,
               GError         **error)
{
  const ClVendorList *list = self->list;
  g_autofree char *now = cl_vendor_store_now ();
  g_autofree char *counts = cl_vendor_import_format_counts (self);
  g_autofree char *detail = NULL;
  g_autofree char *object_id = NULL;
  /* The audit log can never be edited, and a folder may be named after a person: it keeps
   * the file's name only. */
  g_autofree char *basename = g_path_get_basename (self->filename);
  sqlite3_stmt *stmt;

  stmt = cl_ledger_statement (ledger,
                              "INSERT INTO gvl_imports (vendor_list_version, tcf_policy_version,"
                              " last_updated, source, imported_at) VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  if (list->format == CL_VENDOR_LIST_GVL)
    {
      sqlite3_bind_int64 (stmt, 1, list->vendor_list_version);
      if (list->tcf_policy_version != 0)
        sqlite3_bind_int64 (stmt, 2, list->tcf_policy_version);
      if (list->last_updated != NULL)
        sqlite3_bind_text (stmt, 3, list->last_updated, -1, SQLITE_TRANSIENT);
    }
  sqlite3_bind_text (stmt, 4, self->filename, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, "Could not record the import");

  if (list->format == CL_VENDOR_LIST_GVL)
    {
      object_id = g_strdup_printf ("gvl-%u", list->vendor_list_version);
      detail = g_strdup_printf ("%s: Global Vendor List version %u (%s): %s", basename,
                                list->vendor_list_version,
                                list->last_updated != NULL ? list->last_updated : "no date",
                                counts);
    }
  else
    {
      object_id = g_strdup (basename);
      detail = g_strdup_printf ("%s: vendor CSV: %s", basename, counts);
    }
  return cl_audit_append (ledger, "vendor.import", "vendor_list", object_id, detail, error);
}

gboolean
cl_vendor_import_apply (ClVendorImport  *self,
                        ClLedger        *ledger,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr(ClVendorPurposeMap) map = NULL;
  g_autofree char *head = NULL;
  g_auto(Plan) plan = { 0 };
  GPtrArray *changes;

  g_return_val_if_fail (CL_IS_VENDOR_IMPORT (self), FALSE);
  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);

  if (!cl_ledger_begin (ledger, error))
    return FALSE;

  /* Under the write lock: what is written is exactly what the officer reviewed, or nothing.
   * When the ledger changed since the review, the difference is computed again and must be
   * the same. */
  head = audit_head (ledger);
  if (!(map = cl_vendor_purpose_map_load (ledger, error)))
    goto fail;
  if (head != NULL && g_strcmp0 (head, self->audit_head) == 0)
    changes = self->changes;
  else
    {
      if (!compute_plan (ledger, self->list, self->filename, cancellable, &plan, error))
        goto fail;
      if (!same_plan (self->changes, plan.changes))
        {
          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_CONFLICT,
                       _("%s: the ledger’s vendors changed while the import was being reviewed; "
                         "nothing was imported. Import the list again to review the new "
                         "difference."), self->filename);
          goto fail;
        }
      changes = plan.changes;
    }

  for (guint i = 0; i < changes->len; i++)
    {
      const ClVendorChange *change = changes->pdata[i];

      if (i % 128 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      if (change->kind == CL_VENDOR_CHANGE_UNCHANGED)
        continue;
      if (!cl_vendor_store_write (ledger, map, change->vendor_id, change->vendor_id == 0,
                                  change->record, (const char * const *) change->fields, NULL,
                                  error))
        {
          name_vendor_in_error (error, self->filename, change->record);
          goto fail;
        }
    }

  if ((self->list->format == CL_VENDOR_LIST_GVL && !cl_tcf_names_save (ledger, self->list, error))
      || !record_import (ledger, self, error)
      || g_cancellable_set_error_if_cancelled (cancellable, error)
      || !cl_ledger_commit (ledger, error))
    goto fail;

  self->previous_version = previous_version (ledger);
  /* Applied: the ledger now holds the list, and applying it again must see that. */
  g_free (self->audit_head);
  self->audit_head = NULL;
  return TRUE;

fail:
  cl_ledger_rollback (ledger);
  return FALSE;
}
