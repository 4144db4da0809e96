/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendor-record.h: a vendor as a vendor list declares it (IAB GVL or procurement CSV), and the
 * list itself; plain records that the readers produce and the vendor import compares and stores. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A yes/no that older lists (GVL specification 2, CSV) do not declare at all. */
typedef enum
{
  CL_VENDOR_FLAG_UNKNOWN = -1,
  CL_VENDOR_FLAG_NO      = 0,
  CL_VENDOR_FLAG_YES     = 1,
} ClVendorFlag;

/* How long data is kept for one TCF purpose or special purpose (dataRetention, in days). */
typedef struct
{
  guint id;
  guint days;
} ClVendorRetention;

/* The GVL's urls[]: privacy policy and legitimate-interest claim, per language. */
typedef struct
{
  char *lang_id;        /* as in the list, e.g. "en", "sr - cyrl" */
  char *privacy;        /* nullable */
  char *leg_int_claim;  /* nullable */
} ClVendorUrl;

#define CL_TYPE_VENDOR_RECORD (cl_vendor_record_get_type ())

typedef struct
{
  guint         gvl_id;                    /* 0: not on the GVL (CSV vendors without one) */
  char         *name;                      /* trimmed, zero-width characters removed */

  /* TCF ids, ascending and without duplicates (GArray of guint). */
  GArray       *purposes;                  /* on consent */
  GArray       *leg_int_purposes;          /* on legitimate interest */
  GArray       *flexible_purposes;
  GArray       *special_purposes;
  GArray       *features;
  GArray       *special_features;
  GArray       *data_declaration;          /* data category ids */

  /* dataRetention, in days. */
  gboolean      has_std_retention;
  guint         std_retention;
  GArray       *purpose_retention;         /* ClVendorRetention, by purpose id */
  GArray       *special_purpose_retention; /* ClVendorRetention, by special purpose id */

  GPtrArray    *urls;                      /* ClVendorUrl, in the list's order */
  char         *policy_url;                /* GVL specification 2; nullable */

  /* Device storage (GVL specification 3). A cookie age of 0 or less means a session cookie. */
  ClVendorFlag  uses_cookies;
  gboolean      has_cookie_max_age;        /* FALSE when absent or null */
  gint64        cookie_max_age_seconds;    /* 64-bit: real lists hold 63,072,000,000 */
  ClVendorFlag  cookie_refresh;
  ClVendorFlag  uses_non_cookie_access;
  char         *device_storage_disclosure_url;

  char         *deleted_date;              /* RFC 3339 as in the list; NULL while active */

  /* Declared by company lists (CSV): company purpose keys in the order of the keys the reader
   * was given (the ledger's purposes), NULL-terminated; their TCF numbers go to purposes and
   * leg_int_purposes above. */
  GStrv         company_purposes;          /* on consent */
  GStrv         company_leg_int_purposes;  /* on legitimate interest */
  char         *country;                   /* ISO 3166-1 alpha-2, upper case; nullable */
  char         *transfer_safeguard;        /* nullable */
  char         *privacy_url;               /* nullable */
  gboolean      has_retention_days;
  guint         retention_days;
} ClVendorRecord;

GType           cl_vendor_record_get_type        (void) G_GNUC_CONST;
ClVendorRecord *cl_vendor_record_new             (void);
ClVendorRecord *cl_vendor_record_ref             (ClVendorRecord       *self);
void            cl_vendor_record_unref           (ClVendorRecord       *self);
const char     *cl_vendor_record_get_privacy_url (const ClVendorRecord *self);
gboolean        cl_vendor_record_is_deleted      (const ClVendorRecord *self);
GStrv           cl_vendor_record_diff            (const ClVendorRecord *old_record,
                                                  const ClVendorRecord *new_record);

char           *cl_vendor_clean_name             (const char           *name);
void            cl_vendor_id_list_normalize      (GArray               *ids);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClVendorRecord, cl_vendor_record_unref)

/* The definitions a GVL carries, so that ids can be shown by name. */
typedef enum
{
  CL_GVL_PURPOSES,
  CL_GVL_SPECIAL_PURPOSES,
  CL_GVL_FEATURES,
  CL_GVL_SPECIAL_FEATURES,
  CL_GVL_DATA_CATEGORIES,
  CL_GVL_STACKS,
  CL_GVL_N_DEFINITION_KINDS
} ClGvlDefinitionKind;

typedef struct
{
  guint  id;
  char  *name;         /* trimmed */
  char  *description;  /* nullable */
} ClGvlDefinition;

typedef enum
{
  CL_VENDOR_LIST_GVL,
  CL_VENDOR_LIST_CSV,
} ClVendorListFormat;

typedef struct
{
  ClVendorListFormat  format;
  /* The GVL header; all 0 / NULL for a CSV list. */
  guint               spec_version;        /* gvlSpecificationVersion: 2 or 3 */
  guint               vendor_list_version;
  guint               tcf_policy_version;  /* 0 when absent */
  char               *last_updated;        /* RFC 3339 as in the list; nullable */

  GPtrArray          *vendors;             /* ClVendorRecord: by gvl_id (GVL), by line (CSV) */
  GPtrArray          *definitions[CL_GVL_N_DEFINITION_KINDS];  /* ClGvlDefinition, by id;
                                                                 empty when the list has none */
} ClVendorList;

ClVendorList          *cl_vendor_list_new             (ClVendorListFormat   format);
void                   cl_vendor_list_free            (ClVendorList        *self);
const ClVendorRecord  *cl_vendor_list_find_gvl_vendor (const ClVendorList  *self,
                                                       guint                gvl_id);
const ClGvlDefinition *cl_vendor_list_get_definition  (const ClVendorList  *self,
                                                       ClGvlDefinitionKind  kind,
                                                       guint                id);
const char            *cl_gvl_definition_kind_to_key  (ClGvlDefinitionKind  kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClVendorList, cl_vendor_list_free)

G_END_DECLS
