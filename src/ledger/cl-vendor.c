/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendor.c: a stored vendor, with its company purposes worked out, for the window and CLI. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-vendor-private.h"

struct _ClVendor
{
  GObject         parent_instance;

  gint64          id;
  ClVendorRecord *record;
  GStrv           purposes;
  GStrv           li_purposes;
  char           *purposes_label;
  char           *purposes_summary;
  char           *updated_at;
  char           *gvl_id_label;
  char           *deleted_label;
  char           *status_label;
};

G_DEFINE_FINAL_TYPE (ClVendor, cl_vendor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_GVL_ID,
  PROP_GVL_ID_LABEL,
  PROP_NAME,
  PROP_PURPOSES_LABEL,
  PROP_PURPOSES_SUMMARY,
  PROP_COUNTRY,
  PROP_TRANSFER_SAFEGUARD,
  PROP_PRIVACY_URL,
  PROP_DELETED,
  PROP_DELETED_DATE,
  PROP_DELETED_LABEL,
  PROP_STATUS_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_vendor_finalize (GObject *object)
{
  ClVendor *self = CL_VENDOR (object);

  g_clear_pointer (&self->record, cl_vendor_record_unref);
  g_strfreev (self->purposes);
  g_strfreev (self->li_purposes);
  g_free (self->purposes_label);
  g_free (self->purposes_summary);
  g_free (self->updated_at);
  g_free (self->gvl_id_label);
  g_free (self->deleted_label);
  g_free (self->status_label);

  G_OBJECT_CLASS (cl_vendor_parent_class)->finalize (object);
}

static void
cl_vendor_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ClVendor *self = CL_VENDOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_GVL_ID:
      g_value_set_uint (value, self->record->gvl_id);
      break;

    case PROP_GVL_ID_LABEL:
      g_value_set_string (value, self->gvl_id_label);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->record->name);
      break;

    case PROP_PURPOSES_LABEL:
      g_value_set_string (value, self->purposes_label);
      break;

    case PROP_PURPOSES_SUMMARY:
      g_value_set_string (value, self->purposes_summary);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->record->country);
      break;

    case PROP_TRANSFER_SAFEGUARD:
      g_value_set_string (value, self->record->transfer_safeguard);
      break;

    case PROP_PRIVACY_URL:
      g_value_set_string (value, cl_vendor_get_privacy_url (self));
      break;

    case PROP_DELETED:
      g_value_set_boolean (value, cl_vendor_get_deleted (self));
      break;

    case PROP_DELETED_DATE:
      g_value_set_string (value, self->record->deleted_date);
      break;

    case PROP_DELETED_LABEL:
      g_value_set_string (value, self->deleted_label);
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, self->status_label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_vendor_class_init (ClVendorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cl_vendor_finalize;
  object_class->get_property = cl_vendor_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_GVL_ID] = g_param_spec_uint ("gvl-id", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* Empty for a vendor that is not on the GVL, so a list cell shows nothing rather than 0. */
  properties[PROP_GVL_ID_LABEL] = g_param_spec_string ("gvl-id-label", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_PURPOSES_LABEL] = g_param_spec_string ("purposes-label", NULL, NULL, NULL, flags);
  /* The company purposes by name, those only on legitimate interest marked: "Measurement and
   * performance, Advertisement and ad measurement (LI)". */
  properties[PROP_PURPOSES_SUMMARY] =
    g_param_spec_string ("purposes-summary", NULL, NULL, NULL, flags);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, NULL, flags);
  properties[PROP_TRANSFER_SAFEGUARD] =
    g_param_spec_string ("transfer-safeguard", NULL, NULL, NULL, flags);
  properties[PROP_PRIVACY_URL] = g_param_spec_string ("privacy-url", NULL, NULL, NULL, flags);
  properties[PROP_DELETED] = g_param_spec_boolean ("deleted", NULL, NULL, FALSE, flags);
  properties[PROP_DELETED_DATE] = g_param_spec_string ("deleted-date", NULL, NULL, NULL, flags);
  /* "Withdrawn 2023-08-01", or empty. */
  properties[PROP_DELETED_LABEL] = g_param_spec_string ("deleted-label", NULL, NULL, NULL, flags);
  /* "Withdrawn", or empty: the list's Status cell, which has little room; the date is in
   * deleted-label (its tooltip) and in the detail pane. */
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_vendor_init (ClVendor *self)
{
}

static void
update_labels (ClVendor *self)
{
  g_free (self->gvl_id_label);
  self->gvl_id_label = self->record->gvl_id != 0 ? g_strdup_printf ("%u", self->record->gvl_id)
                                                 : g_strdup ("");
  g_free (self->deleted_label);
  if (self->record->deleted_date != NULL)
    {
      /* The date part of an RFC 3339 time is enough in a list. */
      g_autofree char *date = g_strndup (self->record->deleted_date, 10);
      self->deleted_label = g_strdup_printf (_("Withdrawn %s"), date);
    }
  else
    self->deleted_label = g_strdup ("");
  g_free (self->status_label);
  self->status_label = g_strdup (cl_vendor_get_deleted (self) ? cl_vendor_withdrawn_label () : "");
}

const char *
cl_vendor_withdrawn_label (void)
{
  /* TRANSLATORS: the Status cell of a vendor no longer on the IAB Global Vendor List; the
   * vendor list gives it little room, so as short as the language allows. */
  return _("Withdrawn");
}

ClVendor *
cl_vendor_new_stored (gint64          id,
                      ClVendorRecord *record,
                      GStrv           purposes,
                      GStrv           li_purposes,
                      char           *purposes_label,
                      char           *purposes_summary,
                      const char     *updated_at)
{
  ClVendor *self = g_object_new (CL_TYPE_VENDOR, NULL);

  g_assert (record != NULL && purposes != NULL && li_purposes != NULL);

  self->id = id;
  self->record = record;
  self->purposes = purposes;
  self->li_purposes = li_purposes;
  self->purposes_label = purposes_label != NULL ? purposes_label : g_strdup ("");
  self->purposes_summary = purposes_summary != NULL ? purposes_summary : g_strdup ("");
  self->updated_at = g_strdup (updated_at);
  update_labels (self);
  return self;
}

gint64
cl_vendor_get_id (ClVendor *self)
{
  g_return_val_if_fail (CL_IS_VENDOR (self), 0);
  return self->id;
}

const ClVendorRecord *
cl_vendor_get_record (ClVendor *self)
{
  g_return_val_if_fail (CL_IS_VENDOR (self), NULL);
  return self->record;
}

guint
cl_vendor_get_gvl_id (ClVendor *self)
{
  g_return_val_if_fail (CL_IS_VENDOR (self), 0);
  return self->record->gvl_id;
}

const char *
cl_vendor_get_name (ClVendor *self)
{
  g_return_val_if_fail (CL_IS_VENDOR (self), NULL);
  return self->record->name;
}

const char * const *
cl_vendor_get_purposes (ClVendor *self)
{
  g_return_val_if_fail (CL_IS_VENDOR (self), NULL);
  return (const char * const *) self->purposes;
}

const char * const *
cl_vendor_get_legitimate_interest_purposes (ClVendor *self)
{
  g_return_val_if_fail (CL_IS_VENDOR (self), NULL);
  return (const char * const *) self->li_purposes;
}

const char *
cl_vendor_get_purposes_label (ClVendor *self)
{
  g_return_val_if_fail (CL_IS_VENDOR (self), NULL);
  return self->purposes_label;
}

const char *
cl_vendor_get_purposes_summary (ClVendor *self)
{
  g_return_val_if_fail (CL_IS_VENDOR (self), NULL);
  return self->purposes_summary;
}

const char *
cl_vendor_get_country (ClVendor *self)
{
  g_return_val_if_fail (CL_IS_VENDOR (self), NULL);
  return self->record->country;
}

const char *
cl_vendor_get_transfer_safeguard (ClVendor *self)
{
  g_return_val_if_fail (CL_IS_VENDOR (self), NULL);
  return self->record->transfer_safeguard;
}

const char *
cl_vendor_get_privacy_url (ClVendor *self)
{
  g_return_val_if_fail (CL_IS_VENDOR (self), NULL);
  return cl_vendor_record_get_privacy_url (self->record);
}

gboolean
cl_vendor_get_cookie_max_age (ClVendor *self,
                              gint64   *seconds)
{
  g_return_val_if_fail (CL_IS_VENDOR (self), FALSE);

  if (seconds != NULL)
    *seconds = self->record->has_cookie_max_age ? self->record->cookie_max_age_seconds : 0;
  return self->record->has_cookie_max_age;
}

const char *
cl_vendor_get_deleted_date (ClVendor *self)
{
  g_return_val_if_fail (CL_IS_VENDOR (self), NULL);
  return self->record->deleted_date;
}

gboolean
cl_vendor_get_deleted (ClVendor *self)
{
  g_return_val_if_fail (CL_IS_VENDOR (self), FALSE);
  return self->record->deleted_date != NULL;
}

const char *
cl_vendor_get_updated_at (ClVendor *self)
{
  g_return_val_if_fail (CL_IS_VENDOR (self), NULL);
  return self->updated_at;
}

gboolean
cl_vendor_matches (ClVendor   *self,
                   const char *search)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded_search = NULL;
  g_autofree char *folded_name = NULL;

  g_return_val_if_fail (CL_IS_VENDOR (self), FALSE);

  if (search == NULL)
    return TRUE;
  trimmed = g_strstrip (g_strdup (search));
  if (*trimmed == '\0')
    return TRUE;

  if (g_strcmp0 (trimmed, self->gvl_id_label) == 0)
    return TRUE;
  if (self->record->country != NULL && g_ascii_strcasecmp (trimmed, self->record->country) == 0)
    return TRUE;

  folded_search = g_utf8_casefold (trimmed, -1);
  folded_name = g_utf8_casefold (self->record->name, -1);
  return strstr (folded_name, folded_search) != NULL;
}

static void
copy_ids (GArray       *to,
          const GArray *from)
{
  g_array_set_size (to, 0);
  if (from->len > 0)
    g_array_append_vals (to, from->data, from->len);
}

ClVendorRecord *
cl_vendor_record_copy_deep (const ClVendorRecord *record)
{
  ClVendorRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = cl_vendor_record_new ();
  copy->gvl_id = record->gvl_id;
  copy->name = g_strdup (record->name);
  copy_ids (copy->purposes, record->purposes);
  copy_ids (copy->leg_int_purposes, record->leg_int_purposes);
  copy_ids (copy->flexible_purposes, record->flexible_purposes);
  copy_ids (copy->special_purposes, record->special_purposes);
  copy_ids (copy->features, record->features);
  copy_ids (copy->special_features, record->special_features);
  copy_ids (copy->data_declaration, record->data_declaration);
  copy->has_std_retention = record->has_std_retention;
  copy->std_retention = record->std_retention;
  copy_ids (copy->purpose_retention, record->purpose_retention);
  copy_ids (copy->special_purpose_retention, record->special_purpose_retention);
  for (guint i = 0; i < record->urls->len; i++)
    {
      const ClVendorUrl *url = g_ptr_array_index (record->urls, i);
      ClVendorUrl *url_copy = g_new0 (ClVendorUrl, 1);

      url_copy->lang_id = g_strdup (url->lang_id);
      url_copy->privacy = g_strdup (url->privacy);
      url_copy->leg_int_claim = g_strdup (url->leg_int_claim);
      g_ptr_array_add (copy->urls, url_copy);
    }
  copy->policy_url = g_strdup (record->policy_url);
  copy->uses_cookies = record->uses_cookies;
  copy->has_cookie_max_age = record->has_cookie_max_age;
  copy->cookie_max_age_seconds = record->cookie_max_age_seconds;
  copy->cookie_refresh = record->cookie_refresh;
  copy->uses_non_cookie_access = record->uses_non_cookie_access;
  copy->device_storage_disclosure_url = g_strdup (record->device_storage_disclosure_url);
  copy->deleted_date = g_strdup (record->deleted_date);
  g_strfreev (copy->company_purposes);
  copy->company_purposes = g_strdupv (record->company_purposes);
  g_strfreev (copy->company_leg_int_purposes);
  copy->company_leg_int_purposes = g_strdupv (record->company_leg_int_purposes);
  copy->country = g_strdup (record->country);
  copy->transfer_safeguard = g_strdup (record->transfer_safeguard);
  copy->privacy_url = g_strdup (record->privacy_url);
  copy->has_retention_days = record->has_retention_days;
  copy->retention_days = record->retention_days;

  return copy;
}

#define MINUTE G_GINT64_CONSTANT (60)
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)
#define YEAR   (365 * DAY)

char *
cl_vendor_format_duration (gint64 seconds)
{
  if (seconds <= 0)
    return g_strdup (_("session only"));
  if (seconds < MINUTE)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d second", "%d seconds", seconds),
                            (int) seconds);
  if (seconds < HOUR)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes",
                                         seconds / MINUTE), (int) (seconds / MINUTE));
  if (seconds < DAY)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", seconds / HOUR),
                            (int) (seconds / HOUR));
  /* Retention rules are written in days up to two years; beyond that, years read better.
   * Real lists declare 63,072,000,000 seconds: 2,000 years, so the number is grouped. */
  {
    gboolean in_days = seconds < 2 * YEAR;
    gint64 count = in_days ? (seconds + DAY / 2) / DAY : (seconds + YEAR / 2) / YEAR;
    g_autofree char *number = g_strdup_printf ("%'" G_GINT64_FORMAT, count);
    gulong plural = (gulong) MIN (count, G_GINT64_CONSTANT (1000000));

    if (in_days)
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days", plural), number);
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s year", "%s years", plural), number);
  }
}
