/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendor-rows.c: vendor rows. The columns hold what other queries need (name, country,
 * safeguard, privacy address, retention, cookie age, withdrawal); vendor_tcf the TCF
 * declarations; vendor_purposes the company purposes declared directly; details (JSON, GVL key
 * names) the rest of the entry, so that a stored vendor reads back exactly as its list declared
 * it and a re-import can tell what changed. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cl-error.h"
#include "cl-vendor-private.h"
#include "cl-vendor-rows.h"

/* ---- the company purposes and the TCF mapping ---- */

typedef struct
{
  gint64  id;
  char   *key;
  char   *name;
  guint   index;  /* policy order */
} MapPurpose;

struct _ClVendorPurposeMap
{
  GPtrArray  *purposes;  /* MapPurpose, policy order */
  GHashTable *by_key;    /* key → MapPurpose */
  GHashTable *by_id;     /* gint64 id → MapPurpose */
  GHashTable *by_tcf;    /* TCF purpose → GPtrArray of MapPurpose (borrowed) */
};

static void
map_purpose_free (gpointer data)
{
  MapPurpose *purpose = data;

  g_free (purpose->key);
  g_free (purpose->name);
  g_free (purpose);
}

void
cl_vendor_purpose_map_free (ClVendorPurposeMap *map)
{
  if (map == NULL)
    return;
  g_hash_table_unref (map->by_tcf);
  g_hash_table_unref (map->by_id);
  g_hash_table_unref (map->by_key);
  g_ptr_array_unref (map->purposes);
  g_free (map);
}

ClVendorPurposeMap *
cl_vendor_purpose_map_load (ClLedger  *ledger,
                            GError   **error)
{
  g_autoptr(ClVendorPurposeMap) map = g_new0 (ClVendorPurposeMap, 1);
  sqlite3_stmt *stmt;
  int rc;

  map->purposes = g_ptr_array_new_with_free_func (map_purpose_free);
  map->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  map->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  map->by_tcf = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);

  stmt = cl_ledger_statement (ledger, "SELECT id, key, name FROM purposes ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MapPurpose *purpose = g_new0 (MapPurpose, 1);

      purpose->id = sqlite3_column_int64 (stmt, 0);
      purpose->key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      purpose->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      purpose->index = map->purposes->len;
      g_ptr_array_add (map->purposes, purpose);
      g_hash_table_insert (map->by_key, purpose->key, purpose);
      g_hash_table_insert (map->by_id, &purpose->id, purpose);
    }
  if (rc != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not read the purposes")), NULL;

  stmt = cl_ledger_statement (ledger, "SELECT tcf_purpose, purpose_id FROM purpose_tcf", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer tcf = GINT_TO_POINTER (sqlite3_column_int (stmt, 0));
      gint64 purpose_id = sqlite3_column_int64 (stmt, 1);
      MapPurpose *purpose = g_hash_table_lookup (map->by_id, &purpose_id);
      GPtrArray *targets = g_hash_table_lookup (map->by_tcf, tcf);

      if (purpose == NULL)
        continue;
      if (targets == NULL)
        {
          targets = g_ptr_array_new ();
          g_hash_table_insert (map->by_tcf, tcf, targets);
        }
      g_ptr_array_add (targets, purpose);
    }
  if (rc != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not read the purposes")), NULL;

  return g_steal_pointer (&map);
}

gboolean
cl_vendor_purpose_map_has_key (ClVendorPurposeMap *map,
                               const char         *key)
{
  return g_hash_table_contains (map->by_key, key);
}

GStrv
cl_vendor_purpose_map_dup_keys (ClVendorPurposeMap *map)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < map->purposes->len; i++)
    g_strv_builder_add (builder, ((MapPurpose *) map->purposes->pdata[i])->key);
  return g_strv_builder_end (builder);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  ClVendorPurposeMap *map = user_data;
  MapPurpose *x = g_hash_table_lookup (map->by_key, *(char **) a);
  MapPurpose *y = g_hash_table_lookup (map->by_key, *(char **) b);
  guint i = x != NULL ? x->index : G_MAXUINT;
  guint j = y != NULL ? y->index : G_MAXUINT;

  if (i != j)
    return i < j ? -1 : 1;
  return g_strcmp0 (*(char **) a, *(char **) b);
}

void
cl_vendor_purpose_map_sort_keys (ClVendorPurposeMap *map,
                                 GStrv               keys)
{
  if (keys != NULL)
    g_qsort_with_data (keys, g_strv_length (keys), sizeof (char *), compare_keys, map);
}

/* Marks the company purposes that the TCF ids translate into and those declared directly. */
static void
mark_purposes (ClVendorPurposeMap *map,
               const GArray       *tcf,
               char              **direct,
               gboolean           *marks)
{
  for (guint i = 0; i < tcf->len; i++)
    {
      GPtrArray *targets = g_hash_table_lookup (map->by_tcf,
                                                GINT_TO_POINTER (g_array_index (tcf, guint, i)));

      for (guint j = 0; targets != NULL && j < targets->len; j++)
        marks[((MapPurpose *) targets->pdata[j])->index] = TRUE;
    }
  for (guint i = 0; direct != NULL && direct[i] != NULL; i++)
    {
      MapPurpose *purpose = g_hash_table_lookup (map->by_key, direct[i]);

      if (purpose != NULL)
        marks[purpose->index] = TRUE;
    }
}

static GStrv
marked_keys (ClVendorPurposeMap *map,
             const gboolean     *marks)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < map->purposes->len; i++)
    if (marks[i])
      g_strv_builder_add (builder, ((MapPurpose *) map->purposes->pdata[i])->key);
  return g_strv_builder_end (builder);
}

static ClVendor *
make_vendor (ClVendorPurposeMap *map,
             gint64              id,
             ClVendorRecord     *record,
             const char         *updated_at)
{
  g_autofree gboolean *consent = g_new0 (gboolean, map->purposes->len + 1);
  g_autofree gboolean *li = g_new0 (gboolean, map->purposes->len + 1);
  g_autoptr(GString) label = g_string_new (NULL);
  g_autoptr(GString) summary = g_string_new (NULL);

  mark_purposes (map, record->purposes, record->company_purposes, consent);
  mark_purposes (map, record->leg_int_purposes, record->company_leg_int_purposes, li);

  /* Every company purpose the vendor serves, on either basis, by the name the policy gives it;
   * the list cell marks those on legitimate interest alone. */
  for (guint i = 0; i < map->purposes->len; i++)
    if (consent[i] || li[i])
      {
        const char *name = ((MapPurpose *) map->purposes->pdata[i])->name;

        if (label->len > 0)
          {
            g_string_append (label, ", ");
            g_string_append (summary, ", ");
          }
        g_string_append (label, name);
        if (consent[i])
          g_string_append (summary, name);
        else
          /* TRANSLATORS: a company purpose's name on legitimate interest, in the vendor list:
           * "Measurement and performance (LI)" */
          g_string_append_printf (summary, _("%s (LI)"), name);
      }

  return cl_vendor_new_stored (id, record, marked_keys (map, consent), marked_keys (map, li),
                               g_string_free (g_steal_pointer (&label), FALSE),
                               g_string_free (g_steal_pointer (&summary), FALSE), updated_at);
}

/* ---- details: the rest of the entry, as JSON with the GVL's key names ---- */

static void
add_id_array (JsonBuilder  *builder,
              const char   *key,
              const GArray *ids)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (ids, guint, i));
  json_builder_end_array (builder);
}

static void
add_retention (JsonBuilder  *builder,
               const char   *key,
               const GArray *retention)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_object (builder);
  for (guint i = 0; i < retention->len; i++)
    {
      const ClVendorRetention *item = &g_array_index (retention, ClVendorRetention, i);
      char id[16];

      g_snprintf (id, sizeof id, "%u", item->id);
      json_builder_set_member_name (builder, id);
      json_builder_add_int_value (builder, item->days);
    }
  json_builder_end_object (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value);
}

static void
add_flag (JsonBuilder  *builder,
          const char   *key,
          ClVendorFlag  flag)
{
  if (flag == CL_VENDOR_FLAG_UNKNOWN)
    return;
  json_builder_set_member_name (builder, key);
  json_builder_add_boolean_value (builder, flag == CL_VENDOR_FLAG_YES);
}

static char *
details_to_json (const ClVendorRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_id_array (builder, "dataDeclaration", record->data_declaration);
  json_builder_set_member_name (builder, "dataRetention");
  json_builder_begin_object (builder);
  if (record->has_std_retention)
    {
      json_builder_set_member_name (builder, "stdRetention");
      json_builder_add_int_value (builder, record->std_retention);
    }
  add_retention (builder, "purposes", record->purpose_retention);
  add_retention (builder, "specialPurposes", record->special_purpose_retention);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "urls");
  json_builder_begin_array (builder);
  for (guint i = 0; i < record->urls->len; i++)
    {
      const ClVendorUrl *url = g_ptr_array_index (record->urls, i);

      json_builder_begin_object (builder);
      add_string (builder, "langId", url->lang_id);
      add_string (builder, "privacy", url->privacy);
      add_string (builder, "legIntClaim", url->leg_int_claim);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_string (builder, "policyUrl", record->policy_url);
  add_flag (builder, "cookieRefresh", record->cookie_refresh);
  add_flag (builder, "usesNonCookieAccess", record->uses_non_cookie_access);
  add_string (builder, "deviceStorageDisclosureUrl", record->device_storage_disclosure_url);
  /* The privacy_url column holds the address to show, whichever declared it; this is the one
   * the company declared itself (CSV, hand edit), which a GVL import must keep. */
  add_string (builder, "companyPrivacyUrl", record->privacy_url);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* ---- reading rows ---- */

static int
compare_retention (gconstpointer a,
                   gconstpointer b)
{
  const ClVendorRetention *x = a;
  const ClVendorRetention *y = b;

  return x->id < y->id ? -1 : x->id > y->id;
}


static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static GArray *
tcf_array_for_kind (ClVendorRecord *record,
                    const char     *kind)
{
  if (strcmp (kind, "consent") == 0)
    return record->purposes;
  if (strcmp (kind, "legitimate_interest") == 0)
    return record->leg_int_purposes;
  if (strcmp (kind, "flexible") == 0)
    return record->flexible_purposes;
  if (strcmp (kind, "special_purpose") == 0)
    return record->special_purposes;
  if (strcmp (kind, "feature") == 0)
    return record->features;
  if (strcmp (kind, "special_feature") == 0)
    return record->special_features;
  return NULL;
}

/* Reads the rows of a statement that selects VENDOR_COLUMNS, binding done by the caller. The
 * rows are collected first: loading declarations runs other statements on the connection. */
typedef struct
{
  gint64          id;
  ClVendorRecord *record;
  char           *updated_at;
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_pointer (&row->record, cl_vendor_record_unref);
  g_free (row->updated_at);
}

static gboolean
add_declarations (ClLedger      *ledger,
                  sqlite3_stmt  *tcf,
                  sqlite3_stmt  *purposes,
                  GHashTable    *records,
                  GError       **error)
{
  g_autoptr(GHashTable) consent = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                         (GDestroyNotify) g_strv_builder_unref);
  g_autoptr(GHashTable) li = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                    (GDestroyNotify) g_strv_builder_unref);
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  while ((rc = sqlite3_step (tcf)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (tcf, 0);
      ClVendorRecord *record = g_hash_table_lookup (records, &id);
      GArray *ids;
      guint number;

      if (record == NULL)
        continue;
      ids = tcf_array_for_kind (record, (const char *) sqlite3_column_text (tcf, 1));
      number = (guint) sqlite3_column_int64 (tcf, 2);
      if (ids != NULL)
        g_array_append_val (ids, number);
    }
  sqlite3_reset (tcf);
  if (rc != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not read the vendors"));

  while ((rc = sqlite3_step (purposes)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (purposes, 0);
      gint64 *stored_id;
      GHashTable *builders;
      GStrvBuilder *builder;

      if (!g_hash_table_lookup_extended (records, &id, (gpointer *) &stored_id, NULL))
        continue;
      builders = g_strcmp0 ((const char *) sqlite3_column_text (purposes, 2),
                            "legitimate_interest") == 0 ? li : consent;
      builder = g_hash_table_lookup (builders, stored_id);
      if (builder == NULL)
        {
          builder = g_strv_builder_new ();
          g_hash_table_insert (builders, stored_id, builder);
        }
      g_strv_builder_add (builder, (const char *) sqlite3_column_text (purposes, 1));
    }
  sqlite3_reset (purposes);
  if (rc != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not read the vendors"));

  g_hash_table_iter_init (&iter, consent);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ClVendorRecord *record = g_hash_table_lookup (records, key);

      g_strfreev (record->company_purposes);
      record->company_purposes = g_strv_builder_end (value);
    }
  g_hash_table_iter_init (&iter, li);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ClVendorRecord *record = g_hash_table_lookup (records, key);

      g_strfreev (record->company_leg_int_purposes);
      record->company_leg_int_purposes = g_strv_builder_end (value);
    }
  return TRUE;
}

/* The TCF declarations and company purposes of the rows: for a few vendors one query each, for
 * many one pass over each table. */
static gboolean
load_declarations (ClLedger  *ledger,
                   GArray    *rows,
                   GError   **error)
{
  g_autoptr(GHashTable) records = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean few = rows->len < 32;
  sqlite3_stmt *tcf;
  sqlite3_stmt *purposes;

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      g_hash_table_insert (records, &row->id, row->record);
    }

  if (!few)
    {
      if (!(tcf = cl_ledger_statement (ledger,
                                       "SELECT vendor_id, kind, number FROM vendor_tcf"
                                       " ORDER BY vendor_id, kind, number", error))
          || !(purposes = cl_ledger_statement (ledger,
                                               "SELECT vp.vendor_id, p.key, vp.basis"
                                               " FROM vendor_purposes vp"
                                               " JOIN purposes p ON p.id = vp.purpose_id"
                                               " ORDER BY vp.vendor_id, p.position, p.id",
                                               error)))
        return FALSE;
      return add_declarations (ledger, tcf, purposes, records, error);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      if (!(tcf = cl_ledger_statement (ledger,
                                       "SELECT vendor_id, kind, number FROM vendor_tcf"
                                       " WHERE vendor_id = ? ORDER BY kind, number", error)))
        return FALSE;
      sqlite3_bind_int64 (tcf, 1, row->id);
      if (!(purposes = cl_ledger_statement (ledger,
                                            "SELECT vp.vendor_id, p.key, vp.basis"
                                            " FROM vendor_purposes vp"
                                            " JOIN purposes p ON p.id = vp.purpose_id"
                                            " WHERE vp.vendor_id = ? ORDER BY p.position, p.id",
                                            error)))
        return FALSE;
      sqlite3_bind_int64 (purposes, 1, row->id);
      if (!add_declarations (ledger, tcf, purposes, records, error))
        return FALSE;
    }
  return TRUE;
}

static ClVendorFlag
column_flag (sqlite3_stmt *stmt,
             int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return CL_VENDOR_FLAG_UNKNOWN;
  return sqlite3_column_int (stmt, column) ? CL_VENDOR_FLAG_YES : CL_VENDOR_FLAG_NO;
}

static const char *
member_string (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static ClVendorFlag
member_flag (JsonObject *object,
             const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return CL_VENDOR_FLAG_UNKNOWN;
  return json_node_get_boolean (node) ? CL_VENDOR_FLAG_YES : CL_VENDOR_FLAG_NO;
}

static JsonObject *
member_object (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static void
read_id_array (JsonObject *object,
               const char *key,
               GArray     *ids)
{
  JsonArray *array = member_array (object, key);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      guint id = (guint) json_array_get_int_element (array, i);
      g_array_append_val (ids, id);
    }
}

static void
read_retention (JsonObject *object,
                const char *key,
                GArray     *retention)
{
  JsonObject *items = member_object (object, key);
  g_autoptr(GList) members = NULL;

  if (items == NULL)
    return;
  members = json_object_get_members (items);
  for (GList *l = members; l != NULL; l = l->next)
    {
      ClVendorRetention item;
      guint64 id;

      if (!g_ascii_string_to_unsigned (l->data, 10, 0, G_MAXUINT, &id, NULL))
        continue;
      item.id = (guint) id;
      item.days = (guint) json_object_get_int_member (items, l->data);
      g_array_append_val (retention, item);
    }
  g_array_sort (retention, compare_retention);
}

/* The details were written by details_to_json(); anything else is read as far as it goes. */
static void
details_from_object (JsonObject     *object,
                     ClVendorRecord *record)
{
  JsonObject *retention = member_object (object, "dataRetention");
  JsonArray *urls = member_array (object, "urls");

  read_id_array (object, "dataDeclaration", record->data_declaration);
  if (retention != NULL)
    {
      if (json_object_has_member (retention, "stdRetention"))
        {
          record->has_std_retention = TRUE;
          record->std_retention = (guint) json_object_get_int_member (retention, "stdRetention");
        }
      read_retention (retention, "purposes", record->purpose_retention);
      read_retention (retention, "specialPurposes", record->special_purpose_retention);
    }

  for (guint i = 0; urls != NULL && i < json_array_get_length (urls); i++)
    {
      JsonNode *node = json_array_get_element (urls, i);
      JsonObject *item;
      ClVendorUrl *url;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      item = json_node_get_object (node);
      url = g_new0 (ClVendorUrl, 1);
      url->lang_id = g_strdup (member_string (item, "langId"));
      url->privacy = g_strdup (member_string (item, "privacy"));
      url->leg_int_claim = g_strdup (member_string (item, "legIntClaim"));
      g_ptr_array_add (record->urls, url);
    }

  record->policy_url = g_strdup (member_string (object, "policyUrl"));
  record->cookie_refresh = member_flag (object, "cookieRefresh");
  record->uses_non_cookie_access = member_flag (object, "usesNonCookieAccess");
  record->device_storage_disclosure_url =
    g_strdup (member_string (object, "deviceStorageDisclosureUrl"));
  record->privacy_url = g_strdup (member_string (object, "companyPrivacyUrl"));
}

/* Every row's details in one JSON document: one parse instead of one per vendor, which is most
 * of the time a list of a thousand vendors takes to read. */
static void
read_details (GArray    *rows,
              GPtrArray *details)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GString) all = g_string_new ("[");
  JsonNode *root;

  for (guint i = 0; i < details->len; i++)
    {
      if (i > 0)
        g_string_append_c (all, ',');
      g_string_append (all, details->pdata[i] != NULL ? details->pdata[i] : "{}");
    }
  g_string_append_c (all, ']');

  if (json_parser_load_from_data (parser, all->str, all->len, NULL)
      && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root)
      && json_array_get_length (json_node_get_array (root)) == rows->len)
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < rows->len; i++)
        {
          JsonNode *node = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (node))
            details_from_object (json_node_get_object (node),
                                 g_array_index (rows, Row, i).record);
        }
      return;
    }

  /* A row whose details are damaged: read the others one by one. */
  for (guint i = 0; i < rows->len; i++)
    if (details->pdata[i] != NULL
        && json_parser_load_from_data (parser, details->pdata[i], -1, NULL)
        && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
      details_from_object (json_node_get_object (root), g_array_index (rows, Row, i).record);
}

GPtrArray *
cl_vendor_rows_read (ClLedger            *ledger,
                     ClVendorPurposeMap  *map,
                     sqlite3_stmt        *stmt,
                     GError             **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) vendors = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_array_set_clear_func (rows, row_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row row = { 0 };
      ClVendorRecord *record = cl_vendor_record_new ();

      row.id = sqlite3_column_int64 (stmt, 0);
      record->gvl_id = (guint) sqlite3_column_int64 (stmt, 1);
      record->name = column_text (stmt, 2);
      record->country = column_text (stmt, 3);
      record->transfer_safeguard = column_text (stmt, 4);
      if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
        {
          record->has_retention_days = TRUE;
          record->retention_days = (guint) sqlite3_column_int64 (stmt, 5);
        }
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        {
          record->has_cookie_max_age = TRUE;
          record->cookie_max_age_seconds = sqlite3_column_int64 (stmt, 6);
        }
      record->uses_cookies = column_flag (stmt, 7);
      record->deleted_date = column_text (stmt, 8);
      row.updated_at = column_text (stmt, 9);
      g_ptr_array_add (details, column_text (stmt, 10));
      row.record = record;
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not read the vendors")), NULL;

  /* The rows array does not grow from here: pointers into it stay valid. */
  read_details (rows, details);
  if (!load_declarations (ledger, rows, error))
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      g_ptr_array_add (vendors, make_vendor (map, row->id, g_steal_pointer (&row->record),
                                             row->updated_at));
    }
  return g_steal_pointer (&vendors);
}

GPtrArray *
cl_vendor_store_load_all (ClLedger            *ledger,
                          ClVendorPurposeMap  *map,
                          GError             **error)
{
  sqlite3_stmt *stmt;

  stmt = cl_ledger_statement (ledger, "SELECT " VENDOR_COLUMNS " FROM vendors ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  return cl_vendor_rows_read (ledger, map, stmt, error);
}

/* ---- writing rows ---- */

char *
cl_vendor_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
bind_optional_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
write_tcf (ClLedger      *ledger,
           gint64         id,
           const char    *kind,
           const GArray  *ids,
           GError       **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_stmt *stmt = cl_ledger_statement (ledger,
                                                "INSERT OR IGNORE INTO vendor_tcf"
                                                " (vendor_id, kind, number) VALUES (?, ?, ?)",
                                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, g_array_index (ids, guint, i));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return cl_ledger_set_db_error (ledger, error, _("Could not save the vendor"));
    }
  return TRUE;
}

static gboolean
write_company_purposes (ClLedger            *ledger,
                        ClVendorPurposeMap  *map,
                        gint64               id,
                        const char          *basis,
                        char               **keys,
                        GError             **error)
{
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      MapPurpose *purpose = g_hash_table_lookup (map->by_key, keys[i]);
      sqlite3_stmt *stmt;

      if (purpose == NULL)
        {
          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                       _("“%s” is not a purpose of this ledger"), keys[i]);
          return FALSE;
        }
      stmt = cl_ledger_statement (ledger,
                                  "INSERT OR IGNORE INTO vendor_purposes"
                                  " (vendor_id, purpose_id, basis) VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, purpose->id);
      sqlite3_bind_text (stmt, 3, basis, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return cl_ledger_set_db_error (ledger, error, _("Could not save the vendor"));
    }
  return TRUE;
}

static gboolean
any_field (const char * const *fields,
           const char * const *wanted)
{
  if (fields == NULL)
    return TRUE;
  for (guint i = 0; wanted[i] != NULL; i++)
    if (g_strv_contains (fields, wanted[i]))
      return TRUE;
  return FALSE;
}

static gboolean
clear_rows (ClLedger    *ledger,
            const char  *sql,
            gint64       id,
            GError     **error)
{
  sqlite3_stmt *stmt = cl_ledger_statement (ledger, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not save the vendor"));
  return TRUE;
}

gboolean
cl_vendor_store_write (ClLedger             *ledger,
                       ClVendorPurposeMap   *map,
                       gint64                id,
                       gboolean              insert,
                       const ClVendorRecord *record,
                       const char * const   *fields,
                       gint64               *out_id,
                       GError              **error)
{
  static const char * const tcf_fields[] = {
    "tcf_purposes", "tcf_legitimate_interest_purposes", "flexible_purposes", "special_purposes",
    "features", "special_features", NULL
  };
  static const char * const purpose_fields[] = {
    "purposes", "legitimate_interest_purposes", NULL
  };
  g_autofree char *details = details_to_json (record);
  g_autofree char *now = cl_vendor_store_now ();
  gboolean write_declarations = insert || any_field (fields, tcf_fields);
  gboolean write_purposes = insert || any_field (fields, purpose_fields);
  sqlite3_stmt *stmt;

  g_assert (cl_ledger_in_transaction (ledger));

  if (insert)
    stmt = cl_ledger_statement (ledger,
                                "INSERT INTO vendors (gvl_id, name, privacy_url, country,"
                                " transfer_safeguard, retention_days, cookie_max_age_seconds,"
                                " uses_cookies, deleted_at, details, updated_at, id)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  else
    stmt = cl_ledger_statement (ledger,
                                "UPDATE vendors SET gvl_id = ?, name = ?, privacy_url = ?,"
                                " country = ?, transfer_safeguard = ?, retention_days = ?,"
                                " cookie_max_age_seconds = ?, uses_cookies = ?, deleted_at = ?,"
                                " details = ?, updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  if (record->gvl_id != 0)
    sqlite3_bind_int64 (stmt, 1, record->gvl_id);
  sqlite3_bind_text (stmt, 2, record->name, -1, SQLITE_TRANSIENT);
  bind_optional_text (stmt, 3, cl_vendor_record_get_privacy_url (record));
  bind_optional_text (stmt, 4, record->country);
  bind_optional_text (stmt, 5, record->transfer_safeguard);
  if (record->has_retention_days)
    sqlite3_bind_int64 (stmt, 6, record->retention_days);
  if (record->has_cookie_max_age)
    sqlite3_bind_int64 (stmt, 7, record->cookie_max_age_seconds);
  if (record->uses_cookies != CL_VENDOR_FLAG_UNKNOWN)
    sqlite3_bind_int (stmt, 8, record->uses_cookies == CL_VENDOR_FLAG_YES);
  bind_optional_text (stmt, 9, record->deleted_date);
  sqlite3_bind_text (stmt, 10, details, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, now, -1, SQLITE_TRANSIENT);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 12, id);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      int code = sqlite3_extended_errcode (cl_ledger_get_db (ledger));

      if (code == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_CONFLICT,
                       _("Another vendor already has GVL id %u"), record->gvl_id);
          return FALSE;
        }
      if (code == SQLITE_CONSTRAINT_PRIMARYKEY)
        {
          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_CONFLICT,
                       _("“%s” cannot be restored: the ledger already holds it"), record->name);
          return FALSE;
        }
      return cl_ledger_set_db_error (ledger, error, _("Could not save the vendor"));
    }
  if (insert)
    id = sqlite3_last_insert_rowid (cl_ledger_get_db (ledger));
  else if (sqlite3_changes (cl_ledger_get_db (ledger)) == 0)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND,
                   _("The ledger has no vendor with id %lld; it may have been deleted"),
                   (long long) id);
      return FALSE;
    }

  if (write_declarations
      && ((!insert && !clear_rows (ledger, "DELETE FROM vendor_tcf WHERE vendor_id = ?", id,
                                   error))
          || !write_tcf (ledger, id, "consent", record->purposes, error)
          || !write_tcf (ledger, id, "legitimate_interest", record->leg_int_purposes, error)
          || !write_tcf (ledger, id, "flexible", record->flexible_purposes, error)
          || !write_tcf (ledger, id, "special_purpose", record->special_purposes, error)
          || !write_tcf (ledger, id, "feature", record->features, error)
          || !write_tcf (ledger, id, "special_feature", record->special_features, error)))
    return FALSE;
  if (write_purposes
      && ((!insert && !clear_rows (ledger, "DELETE FROM vendor_purposes WHERE vendor_id = ?", id,
                                   error))
          || !write_company_purposes (ledger, map, id, "consent", record->company_purposes,
                                      error)
          || !write_company_purposes (ledger, map, id, "legitimate_interest",
                                      record->company_leg_int_purposes, error)))
    return FALSE;

  if (out_id != NULL)
    *out_id = id;
  return TRUE;
}
