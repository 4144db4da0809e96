/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-purpose.c: purposes read from the ledger, for the window, the CLI and reports. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-ledger-private.h"
#include "cl-purpose.h"

struct _ClPurpose
{
  GObject  parent_instance;

  char    *key;
  char    *name;
  char    *description;
  char    *legal_basis;
  char    *data_categories;
  char    *retention;
  GArray  *tcf_purposes;
  guint    bit;
  gboolean refusable;
};

G_DEFINE_FINAL_TYPE (ClPurpose, cl_purpose, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_NAME,
  PROP_REFUSABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_purpose_finalize (GObject *object)
{
  ClPurpose *self = CL_PURPOSE (object);

  g_free (self->key);
  g_free (self->name);
  g_free (self->description);
  g_free (self->legal_basis);
  g_free (self->data_categories);
  g_free (self->retention);
  g_array_unref (self->tcf_purposes);

  G_OBJECT_CLASS (cl_purpose_parent_class)->finalize (object);
}

static void
cl_purpose_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ClPurpose *self = CL_PURPOSE (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_REFUSABLE:
      g_value_set_boolean (value, self->refusable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_purpose_class_init (ClPurposeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_purpose_finalize;
  object_class->get_property = cl_purpose_get_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFUSABLE] =
    g_param_spec_boolean ("refusable", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_purpose_init (ClPurpose *self)
{
  self->tcf_purposes = g_array_new (FALSE, FALSE, sizeof (int));
}

#define GETTER(type, field) \
  type cl_purpose_get_##field (ClPurpose *self) \
  { \
    g_return_val_if_fail (CL_IS_PURPOSE (self), 0); \
    return self->field; \
  }

GETTER (const char *, key)
GETTER (const char *, name)
GETTER (const char *, description)
GETTER (const char *, legal_basis)
GETTER (gboolean, refusable)
GETTER (const char *, data_categories)
GETTER (const char *, retention)
GETTER (guint, bit)
GETTER (const GArray *, tcf_purposes)

static gboolean
load_tcf_purposes (ClLedger      *ledger,
                   ClPurpose     *purpose,
                   sqlite3_int64  purpose_id,
                   GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = cl_ledger_statement (ledger,
                              "SELECT tcf_purpose FROM purpose_tcf WHERE purpose_id = ?"
                              " ORDER BY tcf_purpose", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, purpose_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int number = sqlite3_column_int (stmt, 0);
      g_array_append_val (purpose->tcf_purposes, number);
    }
  if (rc != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not read the purposes"));
  return TRUE;
}

static char *
column_strdup (sqlite3_stmt *stmt,
               int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return g_strdup (text != NULL ? text : "");
}

GListStore *
cl_purpose_list (ClLedger  *ledger,
                 GError   **error)
{
  g_autoptr(GListStore) store = g_list_store_new (CL_TYPE_PURPOSE);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);

  stmt = cl_ledger_statement (ledger,
                              "SELECT id, key, name, description, legal_basis, refusable,"
                              "       data_categories, retention, bit"
                              " FROM purposes ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ClPurpose) purpose = g_object_new (CL_TYPE_PURPOSE, NULL);

      purpose->key = column_strdup (stmt, 1);
      purpose->name = column_strdup (stmt, 2);
      purpose->description = column_strdup (stmt, 3);
      purpose->legal_basis = column_strdup (stmt, 4);
      purpose->refusable = sqlite3_column_int (stmt, 5) != 0;
      purpose->data_categories = column_strdup (stmt, 6);
      purpose->retention = column_strdup (stmt, 7);
      purpose->bit = sqlite3_column_int (stmt, 8);
      g_ptr_array_add (ids, GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 0)));
      g_list_store_append (store, purpose);
    }
  if (rc != SQLITE_DONE)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not read the purposes"));
      return NULL;
    }

  /* A second statement per purpose after the first is done: the cached statement is reused. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(ClPurpose) purpose = g_list_model_get_item (G_LIST_MODEL (store), i);
      if (!load_tcf_purposes (ledger, purpose, GPOINTER_TO_SIZE (ids->pdata[i]), error))
        return NULL;
    }
  return g_steal_pointer (&store);
}

const char *
cl_legal_basis_to_label (const char *legal_basis)
{
  if (g_strcmp0 (legal_basis, "consent") == 0)
    return _("Consent");
  if (g_strcmp0 (legal_basis, "legitimate_interest") == 0)
    return _("Legitimate interest");
  if (g_strcmp0 (legal_basis, "contract") == 0)
    return _("Contract");
  if (g_strcmp0 (legal_basis, "legal_obligation") == 0)
    return _("Legal obligation");
  return legal_basis;
}
