/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendor-record.c: vendor records and vendor lists, as the GVL and CSV readers produce them. */
#include "cl-vendor-record.h"

#include <string.h>

G_DEFINE_BOXED_TYPE (ClVendorRecord, cl_vendor_record, cl_vendor_record_ref, cl_vendor_record_unref)

static void
vendor_url_free (gpointer data)
{
  ClVendorUrl *url = data;

  g_free (url->lang_id);
  g_free (url->privacy);
  g_free (url->leg_int_claim);
  g_free (url);
}

ClVendorRecord *
cl_vendor_record_new (void)
{
  ClVendorRecord *self = g_rc_box_new0 (ClVendorRecord);

  self->purposes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->leg_int_purposes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->flexible_purposes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->special_purposes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->features = g_array_new (FALSE, FALSE, sizeof (guint));
  self->special_features = g_array_new (FALSE, FALSE, sizeof (guint));
  self->data_declaration = g_array_new (FALSE, FALSE, sizeof (guint));
  self->purpose_retention = g_array_new (FALSE, FALSE, sizeof (ClVendorRetention));
  self->special_purpose_retention = g_array_new (FALSE, FALSE, sizeof (ClVendorRetention));
  self->urls = g_ptr_array_new_with_free_func (vendor_url_free);
  self->uses_cookies = CL_VENDOR_FLAG_UNKNOWN;
  self->cookie_refresh = CL_VENDOR_FLAG_UNKNOWN;
  self->uses_non_cookie_access = CL_VENDOR_FLAG_UNKNOWN;
  self->company_purposes = g_new0 (char *, 1);
  self->company_leg_int_purposes = g_new0 (char *, 1);

  return self;
}

ClVendorRecord *
cl_vendor_record_ref (ClVendorRecord *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_rc_box_acquire (self);
}

static void
cl_vendor_record_clear (gpointer data)
{
  ClVendorRecord *self = data;

  g_free (self->name);
  g_array_unref (self->purposes);
  g_array_unref (self->leg_int_purposes);
  g_array_unref (self->flexible_purposes);
  g_array_unref (self->special_purposes);
  g_array_unref (self->features);
  g_array_unref (self->special_features);
  g_array_unref (self->data_declaration);
  g_array_unref (self->purpose_retention);
  g_array_unref (self->special_purpose_retention);
  g_ptr_array_unref (self->urls);
  g_free (self->policy_url);
  g_free (self->device_storage_disclosure_url);
  g_free (self->deleted_date);
  g_strfreev (self->company_purposes);
  g_strfreev (self->company_leg_int_purposes);
  g_free (self->country);
  g_free (self->transfer_safeguard);
  g_free (self->privacy_url);
}

void
cl_vendor_record_unref (ClVendorRecord *self)
{
  g_return_if_fail (self != NULL);

  g_rc_box_release_full (self, cl_vendor_record_clear);
}

/* The one privacy-policy address to show: the company's own (CSV), the specification-2
 * policyUrl, else the English one of the GVL's urls[], else the first. */
const char *
cl_vendor_record_get_privacy_url (const ClVendorRecord *self)
{
  const char *first = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->privacy_url != NULL)
    return self->privacy_url;
  if (self->policy_url != NULL)
    return self->policy_url;

  for (guint i = 0; i < self->urls->len; i++)
    {
      const ClVendorUrl *url = g_ptr_array_index (self->urls, i);

      if (url->privacy == NULL)
        continue;
      if (g_ascii_strcasecmp (url->lang_id, "en") == 0)
        return url->privacy;
      if (first == NULL)
        first = url->privacy;
    }

  return first;
}

gboolean
cl_vendor_record_is_deleted (const ClVendorRecord *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->deleted_date != NULL;
}

static gboolean
id_arrays_equal (const GArray *a,
                 const GArray *b)
{
  gsize element_size = g_array_get_element_size ((GArray *) a);

  /* memcmp() must not see the NULL data of an empty array. */
  return a->len == b->len
         && (a->len == 0 || memcmp (a->data, b->data, (gsize) a->len * element_size) == 0);
}

static gboolean
urls_equal (const GPtrArray *a,
            const GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const ClVendorUrl *x = g_ptr_array_index ((GPtrArray *) a, i);
      const ClVendorUrl *y = g_ptr_array_index ((GPtrArray *) b, i);

      if (g_strcmp0 (x->lang_id, y->lang_id) != 0
          || g_strcmp0 (x->privacy, y->privacy) != 0
          || g_strcmp0 (x->leg_int_claim, y->leg_int_claim) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Which fields differ between two records of the same vendor, by the names the ledger and
 * `consentctl vendors --json` use; an empty vector when they are the same. */
GStrv
cl_vendor_record_diff (const ClVendorRecord *old_record,
                       const ClVendorRecord *new_record)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const ClVendorRecord *a = old_record;
  const ClVendorRecord *b = new_record;

  g_return_val_if_fail (old_record != NULL, NULL);
  g_return_val_if_fail (new_record != NULL, NULL);

#define DIFF(cond, field) G_STMT_START { if (cond) g_strv_builder_add (builder, field); } G_STMT_END
  DIFF (a->gvl_id != b->gvl_id, "gvl_id");
  DIFF (g_strcmp0 (a->name, b->name) != 0, "name");
  DIFF (!id_arrays_equal (a->purposes, b->purposes), "tcf_purposes");
  DIFF (!id_arrays_equal (a->leg_int_purposes, b->leg_int_purposes),
        "tcf_legitimate_interest_purposes");
  DIFF (!id_arrays_equal (a->flexible_purposes, b->flexible_purposes), "flexible_purposes");
  DIFF (!id_arrays_equal (a->special_purposes, b->special_purposes), "special_purposes");
  DIFF (!id_arrays_equal (a->features, b->features), "features");
  DIFF (!id_arrays_equal (a->special_features, b->special_features), "special_features");
  DIFF (!id_arrays_equal (a->data_declaration, b->data_declaration), "data_categories");
  DIFF (a->has_std_retention != b->has_std_retention
        || (a->has_std_retention && a->std_retention != b->std_retention)
        || !id_arrays_equal (a->purpose_retention, b->purpose_retention)
        || !id_arrays_equal (a->special_purpose_retention, b->special_purpose_retention),
        "data_retention");
  DIFF (!urls_equal (a->urls, b->urls) || g_strcmp0 (a->policy_url, b->policy_url) != 0, "urls");
  DIFF (a->uses_cookies != b->uses_cookies, "uses_cookies");
  DIFF (a->has_cookie_max_age != b->has_cookie_max_age
        || (a->has_cookie_max_age && a->cookie_max_age_seconds != b->cookie_max_age_seconds),
        "cookie_max_age_seconds");
  DIFF (a->cookie_refresh != b->cookie_refresh, "cookie_refresh");
  DIFF (a->uses_non_cookie_access != b->uses_non_cookie_access, "uses_non_cookie_access");
  DIFF (g_strcmp0 (a->device_storage_disclosure_url, b->device_storage_disclosure_url) != 0,
        "device_storage_disclosure_url");
  DIFF (g_strcmp0 (a->deleted_date, b->deleted_date) != 0, "deleted");
  DIFF (!g_strv_equal ((const char * const *) a->company_purposes,
                       (const char * const *) b->company_purposes), "purposes");
  DIFF (!g_strv_equal ((const char * const *) a->company_leg_int_purposes,
                       (const char * const *) b->company_leg_int_purposes),
        "legitimate_interest_purposes");
  DIFF (g_strcmp0 (a->country, b->country) != 0, "country");
  DIFF (g_strcmp0 (a->transfer_safeguard, b->transfer_safeguard) != 0, "transfer_safeguard");
  DIFF (g_strcmp0 (a->privacy_url, b->privacy_url) != 0, "privacy_url");
  DIFF (a->has_retention_days != b->has_retention_days
        || (a->has_retention_days && a->retention_days != b->retention_days), "retention_days");
#undef DIFF

  return g_strv_builder_end (builder);
}

/* Zero-width characters that some vendor names carry invisibly (a real GVL has
 * "DoubleVerify Inc.\u200b"); joiners are kept, since some scripts need them. */
static gboolean
is_invisible (gunichar c)
{
  return c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0x180E;
}

/* A vendor or definition name as people should see and compare it: invisible characters
 * removed, controls and runs of white space turned into one space, trimmed. NULL for invalid
 * UTF-8. */
char *
cl_vendor_clean_name (const char *name)
{
  GString *clean;

  g_return_val_if_fail (name != NULL, NULL);

  if (!g_utf8_validate (name, -1, NULL))
    return NULL;

  clean = g_string_sized_new (strlen (name));
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_invisible (c))
        continue;
      /* Unicode white space too (no-break spaces), not only ASCII. */
      if (g_unichar_iscntrl (c) || g_unichar_isspace (c))
        {
          if (clean->len == 0 || clean->str[clean->len - 1] == ' ')
            continue;
          c = ' ';
        }
      g_string_append_unichar (clean, c);
    }
  if (clean->len > 0 && clean->str[clean->len - 1] == ' ')
    g_string_truncate (clean, clean->len - 1);

  return g_string_free (clean, FALSE);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* Sorts and removes duplicates: a declaration is a set. */
void
cl_vendor_id_list_normalize (GArray *ids)
{
  guint out = 0;

  g_return_if_fail (ids != NULL);
  g_return_if_fail (g_array_get_element_size (ids) == sizeof (guint));

  g_array_sort (ids, compare_uint);
  for (guint i = 0; i < ids->len; i++)
    {
      if (out > 0 && g_array_index (ids, guint, out - 1) == g_array_index (ids, guint, i))
        continue;
      g_array_index (ids, guint, out++) = g_array_index (ids, guint, i);
    }
  g_array_set_size (ids, out);
}

static void
definition_free (gpointer data)
{
  ClGvlDefinition *definition = data;

  g_free (definition->name);
  g_free (definition->description);
  g_free (definition);
}

ClVendorList *
cl_vendor_list_new (ClVendorListFormat format)
{
  ClVendorList *self = g_new0 (ClVendorList, 1);

  self->format = format;
  self->vendors = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_vendor_record_unref);
  for (guint i = 0; i < CL_GVL_N_DEFINITION_KINDS; i++)
    self->definitions[i] = g_ptr_array_new_with_free_func (definition_free);

  return self;
}

void
cl_vendor_list_free (ClVendorList *self)
{
  if (self == NULL)
    return;

  g_free (self->last_updated);
  g_ptr_array_unref (self->vendors);
  for (guint i = 0; i < CL_GVL_N_DEFINITION_KINDS; i++)
    g_ptr_array_unref (self->definitions[i]);
  g_free (self);
}

/* Binary search over a GPtrArray of structs sorted by their id field. */
#define BSEARCH_BY_ID(array, type, field, wanted)                            \
  G_STMT_START {                                                            \
    guint lo = 0, hi = (array)->len;                                        \
    while (lo < hi)                                                         \
      {                                                                     \
        guint mid = lo + (hi - lo) / 2;                                     \
        const type *item = g_ptr_array_index ((array), mid);                \
        if (item->field == (wanted))                                        \
          return item;                                                      \
        if (item->field < (wanted))                                         \
          lo = mid + 1;                                                     \
        else                                                                \
          hi = mid;                                                         \
      }                                                                     \
    return NULL;                                                            \
  } G_STMT_END

/* A vendor by its GVL id; NULL when the list has none. A GVL is sorted by id, a CSV list is
 * in file order and small, so it is searched through. */
const ClVendorRecord *
cl_vendor_list_find_gvl_vendor (const ClVendorList *self,
                                guint               gvl_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->format != CL_VENDOR_LIST_GVL)
    {
      for (guint i = 0; i < self->vendors->len; i++)
        {
          const ClVendorRecord *record = g_ptr_array_index (self->vendors, i);

          if (gvl_id != 0 && record->gvl_id == gvl_id)
            return record;
        }
      return NULL;
    }

  BSEARCH_BY_ID (self->vendors, ClVendorRecord, gvl_id, gvl_id);
}

const ClGvlDefinition *
cl_vendor_list_get_definition (const ClVendorList  *self,
                               ClGvlDefinitionKind  kind,
                               guint                id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kind < CL_GVL_N_DEFINITION_KINDS, NULL);

  BSEARCH_BY_ID (self->definitions[kind], ClGvlDefinition, id, id);
}

/* The section's name in the GVL JSON. */
const char *
cl_gvl_definition_kind_to_key (ClGvlDefinitionKind kind)
{
  static const char * const keys[] = {
    "purposes", "specialPurposes", "features", "specialFeatures", "dataCategories", "stacks",
  };

  g_return_val_if_fail (kind < CL_GVL_N_DEFINITION_KINDS, NULL);

  return keys[kind];
}
