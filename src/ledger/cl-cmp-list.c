/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cmp-list.c: reads the IAB Global CMP List (cmp-list.json) into id → name entries. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cl-cmp-list.h"
#include "cl-error.h"

/* The highest CMP id a TC string can carry. */
#define MAX_CMP_ID 4095

void
cl_cmp_entry_free (ClCmpEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->name);
  g_free (entry->deleted_date);
  g_free (entry);
}

static gboolean
is_invisible_edge (gunichar c)
{
  /* The real list has names ending in spaces and a zero-width space: neither is part of it. */
  return g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF || c == 0x00A0;
}

static char *
clean_name (const char *raw)
{
  const char *start = raw;
  const char *end = raw + strlen (raw);

  while (start < end && is_invisible_edge (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      if (!is_invisible_edge (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const ClCmpEntry *ea = *(ClCmpEntry * const *) a;
  const ClCmpEntry *eb = *(ClCmpEntry * const *) b;

  return ea->id < eb->id ? -1 : ea->id > eb->id;
}

static gboolean
parse_id_key (const char *key,
              guint      *out)
{
  guint64 v;

  if (!g_ascii_string_to_unsigned (key, 10, 1, MAX_CMP_ID, &v, NULL))
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

static ClCmpEntry *
read_entry (const char  *filename,
            const char  *key,
            JsonNode    *node,
            GError     **error)
{
  g_autoptr(ClCmpEntry) entry = g_new0 (ClCmpEntry, 1);
  JsonObject *obj;
  JsonNode *member;
  guint key_id;

  if (!parse_id_key (key, &key_id))
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("%s: cmps: \"%s\" is not a CMP id (a whole number from 1 to %d)."),
                   filename, key, MAX_CMP_ID);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("%s: cmps: CMP %s is not an object."), filename, key);
      return NULL;
    }
  obj = json_node_get_object (node);

  member = json_object_get_member (obj, "id");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_INT64 ||
      json_node_get_int (member) != (gint64) key_id)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   /* Translators: the last %s is the CMP id again: the “id” member must
                    * repeat the key. */
                   _("%s: cmps: CMP %s: id: missing or not %s."), filename, key, key);
      return NULL;
    }
  entry->id = key_id;

  member = json_object_get_member (obj, "name");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("%s: cmps: CMP %s: name: missing or not a string."), filename, key);
      return NULL;
    }
  entry->name = clean_name (json_node_get_string (member));
  if (entry->name[0] == '\0')
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("%s: cmps: CMP %s: name: empty."), filename, key);
      return NULL;
    }

  member = json_object_get_member (obj, "deletedDate");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
        {
          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                       _("%s: cmps: CMP %s: deletedDate: not a string."), filename, key);
          return NULL;
        }
      entry->deleted_date = g_strdup (json_node_get_string (member));
    }

  return g_steal_pointer (&entry);
}

GPtrArray *
cl_cmp_list_parse (const char  *data,
                   gssize       length,
                   const char  *filename,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GList) members = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonNode *cmps;
  JsonObject *cmps_obj;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib says "<data>:LINE:COLUMN: what"; the file's name replaces "<data>". */
      const char *msg = local_error->message;

      if (g_str_has_prefix (msg, "<data>:"))
        msg += strlen ("<data>:");
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   "%s:%s", filename, msg);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("%s: not a CMP list: the file must hold a JSON object."), filename);
      return NULL;
    }
  cmps = json_object_get_member (json_node_get_object (root), "cmps");
  if (cmps == NULL || !JSON_NODE_HOLDS_OBJECT (cmps))
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("%s: not a CMP list: it has no \"cmps\" object."), filename);
      return NULL;
    }

  cmps_obj = json_node_get_object (cmps);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_cmp_entry_free);
  members = json_object_get_members (cmps_obj);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      ClCmpEntry *entry = read_entry (filename, key, json_object_get_member (cmps_obj, key),
                                      error);
      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}

GPtrArray *
cl_cmp_list_load (const char  *path,
                  GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return cl_cmp_list_parse (contents, (gssize) length, display, error);
}
