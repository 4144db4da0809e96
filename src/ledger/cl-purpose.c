/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-purpose.c: purposes read from the ledger, for the window, the CLI and reports. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "cl-audit.h"
#include "cl-error.h"
#include "cl-ledger-private.h"
#include "cl-purpose.h"
#include "cl-seed.h"

/* IAB TCF v2.2 defines purposes 1 to 11. */
#define TCF_MAX_PURPOSE 11

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

const char * const *
cl_legal_basis_all (void)
{
  static const char * const bases[] = {
    "consent", "legitimate_interest", "contract", "legal_obligation", NULL,
  };
  return bases;
}

static gboolean
is_legal_basis (const char *text)
{
  const char * const *bases = cl_legal_basis_all ();

  for (guint i = 0; bases[i] != NULL; i++)
    if (g_strcmp0 (bases[i], text) == 0)
      return TRUE;
  return FALSE;
}

ClPurpose *
cl_purpose_lookup (ClLedger    *ledger,
                   const char  *key,
                   GError     **error)
{
  g_autoptr(GListStore) purposes = NULL;
  guint n;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  purposes = cl_purpose_list (ledger, error);
  if (purposes == NULL)
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (purposes));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClPurpose) purpose = g_list_model_get_item (G_LIST_MODEL (purposes), i);
      if (strcmp (purpose->key, key) == 0)
        return g_steal_pointer (&purpose);
    }
  g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND,
               _("The ledger has no purpose “%s”"), key);
  return NULL;
}

void
cl_purpose_fields_init (ClPurposeFields *fields,
                        ClPurpose       *purpose)
{
  g_return_if_fail (fields != NULL);
  g_return_if_fail (CL_IS_PURPOSE (purpose));

  memset (fields, 0, sizeof *fields);
  fields->name = purpose->name;
  fields->description = purpose->description;
  fields->legal_basis = purpose->legal_basis;
  fields->refusable = purpose->refusable;
  fields->data_categories = purpose->data_categories;
  fields->retention = purpose->retention;
  fields->tcf_purposes = (const int *) (gpointer) purpose->tcf_purposes->data;
  fields->n_tcf_purposes = purpose->tcf_purposes->len;
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;
  return (x > y) - (x < y);
}

static void
sort_unique (GArray *numbers)
{
  guint out = 0;

  g_array_sort (numbers, compare_ints);
  for (guint i = 0; i < numbers->len; i++)
    if (out == 0 || g_array_index (numbers, int, i) != g_array_index (numbers, int, out - 1))
      g_array_index (numbers, int, out++) = g_array_index (numbers, int, i);
  g_array_set_size (numbers, out);
}

GArray *
cl_purpose_parse_tcf_list (const char  *text,
                           GError     **error)
{
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (int));
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  parts = g_regex_split_simple ("[,; ]+", text, 0, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 number;

      if (*parts[i] == '\0')
        continue;
      if (!g_ascii_string_to_unsigned (parts[i], 10, 1, TCF_MAX_PURPOSE, &number, NULL))
        {
          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                       _("tcf_purposes: “%s” is not an IAB TCF purpose; give numbers from 1 to %d "
                         "separated by commas, e.g. 7, 8, 9"), parts[i], TCF_MAX_PURPOSE);
          return NULL;
        }
      g_array_append_vals (numbers, &(int) { (int) number }, 1);
    }
  sort_unique (numbers);
  return g_steal_pointer (&numbers);
}

char *
cl_purpose_format_tcf_list (const GArray *tcf_purposes)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (tcf_purposes != NULL, NULL);

  for (guint i = 0; i < tcf_purposes->len; i++)
    g_string_append_printf (text, "%s%d", i > 0 ? ", " : "", g_array_index (tcf_purposes, int, i));
  return g_string_free (text, FALSE);
}

static gboolean
purpose_invalid (GError     **error,
                 const char  *message)
{
  g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT, message);
  return FALSE;
}

/* Trimmed copies of the text fields, with the data categories one per line and no blank ones. */
typedef struct
{
  char   *name;
  char   *description;
  char   *data_categories;
  char   *retention;
  GArray *tcf;
} CleanFields;

static void
clean_fields_clear (CleanFields *clean)
{
  g_free (clean->name);
  g_free (clean->description);
  g_free (clean->data_categories);
  g_free (clean->retention);
  g_clear_pointer (&clean->tcf, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CleanFields, clean_fields_clear)

static char *
clean_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, lines[i]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
validate_purpose (const ClPurposeFields  *fields,
                  CleanFields            *clean,
                  GError                **error)
{
  const char *texts[] = { fields->name, fields->description, fields->data_categories,
                          fields->retention };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL && !g_utf8_validate (texts[i], -1, NULL))
      return purpose_invalid (error, _("The purpose’s text is not valid UTF-8"));

  clean->name = g_strstrip (g_strdup (fields->name != NULL ? fields->name : ""));
  clean->description = g_strstrip (g_strdup (fields->description != NULL ? fields->description : ""));
  clean->retention = g_strstrip (g_strdup (fields->retention != NULL ? fields->retention : ""));
  clean->data_categories = clean_lines (fields->data_categories);

  if (*clean->name == '\0')
    return purpose_invalid (error, _("name: give the purpose a name, as the policy calls it"));
  if (strchr (clean->name, '\n') != NULL)
    return purpose_invalid (error, _("name: the name must fit on one line"));
  if (!is_legal_basis (fields->legal_basis))
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("legal_basis: “%s” is not a legal basis; use consent, legitimate_interest, "
                     "contract or legal_obligation"),
                   fields->legal_basis != NULL ? fields->legal_basis : "");
      return FALSE;
    }
  /* GDPR Art. 7(3): consent can be withdrawn at any time, so a purpose that rests on consent
   * must be one the visitor can refuse. */
  if (strcmp (fields->legal_basis, "consent") == 0 && !fields->refusable)
    return purpose_invalid (error, _("refusable: a purpose based on consent must be refusable, "
                              "since consent can always be refused or withdrawn (GDPR Art. 7(3)); "
                              "make it refusable or choose another legal basis"));

  clean->tcf = g_array_new (FALSE, FALSE, sizeof (int));
  if (fields->n_tcf_purposes > 0)
    g_array_append_vals (clean->tcf, fields->tcf_purposes, fields->n_tcf_purposes);
  for (guint i = 0; i < clean->tcf->len; i++)
    {
      int number = g_array_index (clean->tcf, int, i);
      if (number < 1 || number > TCF_MAX_PURPOSE)
        {
          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                       _("tcf_purposes: %d is not an IAB TCF purpose; TCF purposes are numbered "
                         "1 to %d"), number, TCF_MAX_PURPOSE);
          return FALSE;
        }
    }
  sort_unique (clean->tcf);
  return TRUE;
}

static gboolean
purpose_id_by_key (ClLedger    *ledger,
                   const char  *key,
                   gint64      *out_id,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = cl_ledger_statement (ledger, "SELECT id FROM purposes WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND,
                 _("The ledger has no purpose “%s”"), key);
  else
    cl_ledger_set_db_error (ledger, error, _("Could not read the purposes"));
  return FALSE;
}

static char *
describe_changes (ClPurpose   *old,
                  CleanFields *clean,
                  const char  *legal_basis,
                  gboolean     refusable)
{
  GString *detail = g_string_new (NULL);
  g_autofree char *old_tcf = cl_purpose_format_tcf_list (old->tcf_purposes);
  g_autofree char *new_tcf = cl_purpose_format_tcf_list (clean->tcf);

  if (strcmp (old->name, clean->name) != 0)
    g_string_append_printf (detail, "name: %s → %s; ", old->name, clean->name);
  if (strcmp (old->description, clean->description) != 0)
    g_string_append (detail, "description changed; ");
  if (strcmp (old->legal_basis, legal_basis) != 0)
    g_string_append_printf (detail, "legal basis: %s → %s; ", old->legal_basis, legal_basis);
  if (old->refusable != refusable)
    g_string_append_printf (detail, "refusable: %s → %s; ", old->refusable ? "yes" : "no",
                            refusable ? "yes" : "no");
  if (strcmp (old->data_categories, clean->data_categories) != 0)
    g_string_append (detail, "data categories changed; ");
  if (strcmp (old->retention, clean->retention) != 0)
    g_string_append_printf (detail, "retention: %s → %s; ",
                            *old->retention ? old->retention : "none",
                            *clean->retention ? clean->retention : "none");
  if (strcmp (old_tcf, new_tcf) != 0)
    g_string_append_printf (detail, "TCF purposes: %s → %s; ", *old_tcf ? old_tcf : "none",
                            *new_tcf ? new_tcf : "none");
  if (detail->len == 0)
    g_string_append (detail, "no change");
  else
    g_string_truncate (detail, detail->len - 2);
  return g_string_free (detail, FALSE);
}

gboolean
cl_purpose_update (ClLedger               *ledger,
                   const char             *key,
                   const ClPurposeFields  *fields,
                   GError                **error)
{
  g_auto(CleanFields) clean = { NULL };
  g_autoptr(ClPurpose) old = NULL;
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  if (!validate_purpose (fields, &clean, error))
    return FALSE;
  if (!cl_ledger_begin (ledger, error))
    return FALSE;
  if (!purpose_id_by_key (ledger, key, &id, error)
      || !(old = cl_purpose_lookup (ledger, key, error)))
    goto fail;

  stmt = cl_ledger_statement (ledger,
                              "UPDATE purposes SET name = ?, description = ?, legal_basis = ?,"
                              " refusable = ?, data_categories = ?, retention = ? WHERE id = ?",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, clean.name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, clean.description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, fields->legal_basis, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, fields->refusable ? 1 : 0);
  sqlite3_bind_text (stmt, 5, clean.data_categories, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, clean.retention, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not save the purpose"));
      goto fail;
    }

  stmt = cl_ledger_statement (ledger, "DELETE FROM purpose_tcf WHERE purpose_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_ledger_set_db_error (ledger, error, _("Could not save the purpose’s TCF mapping"));
      goto fail;
    }
  for (guint i = 0; i < clean.tcf->len; i++)
    {
      stmt = cl_ledger_statement (ledger,
                                  "INSERT INTO purpose_tcf (tcf_purpose, purpose_id) VALUES (?, ?)",
                                  error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int (stmt, 1, g_array_index (clean.tcf, int, i));
      sqlite3_bind_int64 (stmt, 2, id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          cl_ledger_set_db_error (ledger, error, _("Could not save the purpose’s TCF mapping"));
          goto fail;
        }
    }

  detail = describe_changes (old, &clean, fields->legal_basis, fields->refusable);
  if (!cl_audit_append (ledger, "purpose.edit", "purpose", key, detail, error))
    goto fail;
  return cl_ledger_commit (ledger, error);

fail:
  cl_ledger_rollback (ledger);
  return FALSE;
}

gboolean
cl_purpose_restore_defaults (ClLedger  *ledger,
                             GError   **error)
{
  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);

  if (!cl_ledger_begin (ledger, error))
    return FALSE;
  if (!cl_seed_purposes (cl_ledger_get_db (ledger), error)
      || !cl_audit_append (ledger, "purpose.restore-defaults", "purpose", "",
                           "the purposes, their legal bases, data categories and TCF mapping "
                           "set back to the policy’s defaults", error))
    {
      cl_ledger_rollback (ledger);
      return FALSE;
    }
  return cl_ledger_commit (ledger, error);
}
