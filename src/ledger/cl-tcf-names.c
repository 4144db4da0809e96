/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-tcf-names.c: the GVL's definitions are kept in the ledger's settings (one JSON value), so
 * that a vendor's TCF declarations can be shown by name without the list at hand. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cl-tcf-names.h"

#define SETTING_KEY "gvl_definitions"

typedef struct
{
  guint       id;
  const char *name;
} BuiltinName;

/* IAB TCF policy version 4 (TCF 2.2), as the GVL names them. */
static const BuiltinName builtin_purposes[] = {
  { 1, N_("Store and/or access information on a device") },
  { 2, N_("Use limited data to select advertising") },
  { 3, N_("Create profiles for personalised advertising") },
  { 4, N_("Use profiles to select personalised advertising") },
  { 5, N_("Create profiles to personalise content") },
  { 6, N_("Use profiles to select personalised content") },
  { 7, N_("Measure advertising performance") },
  { 8, N_("Measure content performance") },
  { 9, N_("Understand audiences through statistics or combinations of data from different sources") },
  { 10, N_("Develop and improve services") },
  { 11, N_("Use limited data to select content") },
};

static const BuiltinName builtin_special_purposes[] = {
  { 1, N_("Ensure security, prevent and detect fraud, and fix errors") },
  { 2, N_("Deliver and present advertising and content") },
  { 3, N_("Save and communicate privacy choices") },
};

static const BuiltinName builtin_features[] = {
  { 1, N_("Match and combine data from other data sources") },
  { 2, N_("Link different devices") },
  { 3, N_("Identify devices based on information transmitted automatically") },
};

static const BuiltinName builtin_special_features[] = {
  { 1, N_("Use precise geolocation data") },
  { 2, N_("Actively scan device characteristics for identification") },
};

static const BuiltinName builtin_data_categories[] = {
  { 1, N_("IP addresses") },
  { 2, N_("Device characteristics") },
  { 3, N_("Device identifiers") },
  { 4, N_("Probabilistic identifiers") },
  { 5, N_("Authentication-derived identifiers") },
  { 6, N_("Browsing and interaction data") },
  { 7, N_("User-provided data") },
  { 8, N_("Non-precise location data") },
  { 9, N_("Precise location data") },
  { 10, N_("Users’ profiles") },
  { 11, N_("Privacy choices") },
};

static const struct
{
  const BuiltinName *names;
  guint              n_names;
} builtin[CL_GVL_N_DEFINITION_KINDS] = {
  [CL_GVL_PURPOSES] = { builtin_purposes, G_N_ELEMENTS (builtin_purposes) },
  [CL_GVL_SPECIAL_PURPOSES] = { builtin_special_purposes, G_N_ELEMENTS (builtin_special_purposes) },
  [CL_GVL_FEATURES] = { builtin_features, G_N_ELEMENTS (builtin_features) },
  [CL_GVL_SPECIAL_FEATURES] = { builtin_special_features, G_N_ELEMENTS (builtin_special_features) },
  [CL_GVL_DATA_CATEGORIES] = { builtin_data_categories, G_N_ELEMENTS (builtin_data_categories) },
  [CL_GVL_STACKS] = { NULL, 0 },
};

struct _ClTcfNames
{
  GHashTable *names[CL_GVL_N_DEFINITION_KINDS];  /* id → name, from the GVL */
};

ClTcfNames *
cl_tcf_names_new_builtin (void)
{
  ClTcfNames *self = g_atomic_rc_box_new0 (ClTcfNames);

  for (guint kind = 0; kind < CL_GVL_N_DEFINITION_KINDS; kind++)
    self->names[kind] = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  return self;
}

ClTcfNames *
cl_tcf_names_ref (ClTcfNames *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

static void
names_clear (gpointer data)
{
  ClTcfNames *self = data;

  for (guint kind = 0; kind < CL_GVL_N_DEFINITION_KINDS; kind++)
    g_hash_table_unref (self->names[kind]);
}

/* Loaded in a worker thread and read on the main thread: never changed once loaded. */
void
cl_tcf_names_unref (ClTcfNames *self)
{
  if (self != NULL)
    g_atomic_rc_box_release_full (self, names_clear);
}

ClTcfNames *
cl_tcf_names_load (ClLedger *ledger)
{
  g_autoptr(ClTcfNames) self = cl_tcf_names_new_builtin ();
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *json = NULL;
  JsonNode *root;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);

  json = cl_ledger_get_setting (ledger, SETTING_KEY);
  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return g_steal_pointer (&self);
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return g_steal_pointer (&self);

  for (guint kind = 0; kind < CL_GVL_N_DEFINITION_KINDS; kind++)
    {
      JsonObject *object = json_node_get_object (root);
      const char *key = cl_gvl_definition_kind_to_key (kind);
      g_autoptr(GList) members = NULL;
      JsonObject *section;

      if (!json_object_has_member (object, key)
          || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, key)))
        continue;
      section = json_object_get_object_member (object, key);
      members = json_object_get_members (section);
      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *node = json_object_get_member (section, l->data);
          guint64 id;

          if (g_ascii_string_to_unsigned (l->data, 10, 1, G_MAXUINT, &id, NULL)
              && json_node_get_value_type (node) == G_TYPE_STRING)
            g_hash_table_insert (self->names[kind], GUINT_TO_POINTER ((guint) id),
                                 g_strdup (json_node_get_string (node)));
        }
    }
  return g_steal_pointer (&self);
}

const char *
cl_tcf_names_get (ClTcfNames          *self,
                  ClGvlDefinitionKind  kind,
                  guint                id)
{
  const char *name;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kind < CL_GVL_N_DEFINITION_KINDS, NULL);

  name = g_hash_table_lookup (self->names[kind], GUINT_TO_POINTER (id));
  if (name != NULL)
    return name;
  return cl_tcf_names_builtin (kind, id);
}

/**
 * cl_tcf_names_builtin:
 * @kind: which list
 * @id: the TCF id
 *
 * Returns: (nullable): the built-in (TCF 2.2) name, translated, or %NULL for an id it lacks
 */
const char *
cl_tcf_names_builtin (ClGvlDefinitionKind kind,
                      guint               id)
{
  g_return_val_if_fail (kind < CL_GVL_N_DEFINITION_KINDS, NULL);

  for (guint i = 0; i < builtin[kind].n_names; i++)
    if (builtin[kind].names[i].id == id)
      return _(builtin[kind].names[i].name);
  return NULL;
}

char *
cl_tcf_names_describe (ClTcfNames          *self,
                       ClGvlDefinitionKind  kind,
                       guint                id)
{
  const char *name;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kind < CL_GVL_N_DEFINITION_KINDS, NULL);

  name = cl_tcf_names_get (self, kind, id);
  if (name != NULL)
    return g_strdup_printf ("%u. %s", id, name);

  switch (kind)
    {
    case CL_GVL_PURPOSES:
      return g_strdup_printf (_("Purpose %u"), id);
    case CL_GVL_SPECIAL_PURPOSES:
      return g_strdup_printf (_("Special purpose %u"), id);
    case CL_GVL_FEATURES:
      return g_strdup_printf (_("Feature %u"), id);
    case CL_GVL_SPECIAL_FEATURES:
      return g_strdup_printf (_("Special feature %u"), id);
    case CL_GVL_DATA_CATEGORIES:
      return g_strdup_printf (_("Data category %u"), id);
    case CL_GVL_STACKS:
    case CL_GVL_N_DEFINITION_KINDS:
    default:
      return g_strdup_printf ("%u", id);
    }
}

gboolean
cl_tcf_names_save (ClLedger            *ledger,
                   const ClVendorList  *list,
                   GError             **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  gboolean any = FALSE;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (list != NULL, FALSE);

  json_builder_begin_object (builder);
  for (guint kind = 0; kind < CL_GVL_N_DEFINITION_KINDS; kind++)
    {
      GPtrArray *definitions = list->definitions[kind];

      if (kind == CL_GVL_STACKS || definitions->len == 0)
        continue;
      any = TRUE;
      json_builder_set_member_name (builder, cl_gvl_definition_kind_to_key (kind));
      json_builder_begin_object (builder);
      for (guint i = 0; i < definitions->len; i++)
        {
          const ClGvlDefinition *definition = g_ptr_array_index (definitions, i);
          char id[16];

          g_snprintf (id, sizeof id, "%u", definition->id);
          json_builder_set_member_name (builder, id);
          json_builder_add_string_value (builder, definition->name);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  if (!any)
    return TRUE;

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  return cl_ledger_set_setting (ledger, SETTING_KEY, json, error);
}
