/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-tc-string.h: a strict decoder for IAB TCF consent strings (TC strings, v2 and legacy v1). */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Only the first 6 bits of a string: what a CMP says its version is, before any check. */
#define CL_TC_VERSION_1 1
#define CL_TC_VERSION_2 2

typedef enum
{
  CL_TC_SEGMENT_CORE              = 0,
  CL_TC_SEGMENT_DISCLOSED_VENDORS = 1,
  CL_TC_SEGMENT_ALLOWED_VENDORS   = 2,  /* legacy out-of-band segment, still found in logs */
  CL_TC_SEGMENT_PUBLISHER_TC      = 3,
} ClTcSegmentType;

typedef enum
{
  CL_TC_RESTRICTION_NOT_ALLOWED             = 0,
  CL_TC_RESTRICTION_REQUIRE_CONSENT         = 1,
  CL_TC_RESTRICTION_REQUIRE_LEGITIMATE_INTEREST = 2,
  CL_TC_RESTRICTION_UNDEFINED               = 3,
} ClTcRestrictionType;

/* A set of vendor ids (1..65535) as a TC string encodes it: a maximum id and the ids present.
 * Kept as sorted ranges, so that a range entry of 65,535 vendors costs 33 bits of input and
 * a few bytes of memory, not 8 KiB. */
typedef struct _ClTcVendorSet ClTcVendorSet;

guint        cl_tc_vendor_set_get_max_id       (const ClTcVendorSet *set);
gboolean     cl_tc_vendor_set_is_range_encoded (const ClTcVendorSet *set);
guint        cl_tc_vendor_set_get_count        (const ClTcVendorSet *set);
gboolean     cl_tc_vendor_set_contains         (const ClTcVendorSet *set,
                                                guint                vendor_id);
/* The ids present, ascending, as an array of guint. */
GArray      *cl_tc_vendor_set_to_array         (const ClTcVendorSet *set);
/* The ids present as maximal runs: n_runs pairs (first, last) in an array of guint. */
GArray      *cl_tc_vendor_set_to_runs          (const ClTcVendorSet *set);

typedef struct
{
  guint               purpose_id;
  ClTcRestrictionType restriction_type;
  ClTcVendorSet      *vendors;
} ClTcPublisherRestriction;

/* Bit masks below: bit (id - 1) set = id present, as in the string's bit fields. */
typedef struct
{
  guint32 pub_purposes_consent;             /* 24 bits */
  guint32 pub_purposes_li_transparency;     /* 24 bits */
  guint   num_custom_purposes;              /* 0..63 */
  guint64 custom_purposes_consent;
  guint64 custom_purposes_li_transparency;
} ClTcPublisherTC;

/* A decoded string. Read-only: every field is filled by cl_tc_string_decode(). */
typedef struct
{
  guint            version;                  /* 1 or 2 */
  gint64           created;                  /* deciseconds since 1970-01-01 UTC */
  gint64           last_updated;             /* deciseconds since 1970-01-01 UTC */
  guint            cmp_id;
  guint            cmp_version;
  guint            consent_screen;
  char             consent_language[3];      /* two capital letters */
  guint            vendor_list_version;
  guint32          purposes_consent;         /* 24 bits; for version 1: the v1 "purposes allowed" */

  /* Version 2 only (zero, FALSE, "" or NULL for version 1): */
  guint            tcf_policy_version;
  gboolean         is_service_specific;
  gboolean         use_non_standard_texts;
  guint32          special_feature_opt_ins;  /* 12 bits */
  guint32          purposes_li_transparency; /* 24 bits */
  gboolean         purpose_one_treatment;
  char             publisher_cc[3];

  ClTcVendorSet   *vendor_consents;          /* never NULL */
  ClTcVendorSet   *vendor_legitimate_interests;  /* NULL for version 1 */
  GPtrArray       *publisher_restrictions;   /* of ClTcPublisherRestriction, as encoded; never NULL */

  /* The optional segments: NULL when the string does not carry them. */
  ClTcVendorSet   *disclosed_vendors;
  ClTcVendorSet   *allowed_vendors;
  ClTcPublisherTC *publisher_tc;
} ClTcString;

#define CL_TYPE_TC_STRING (cl_tc_string_get_type ())

GType        cl_tc_string_get_type           (void) G_GNUC_CONST;

/* The version a string announces in its first character, or -1 when it does not start with a
 * base64url character. Says nothing about whether the rest is valid. */
int          cl_tc_string_peek_version       (const char        *text);

/* Decodes a whole string: the core segment, then each optional segment at most once. Any
 * defect is a CL_LEDGER_ERROR_INVALID_INPUT error that says what is wrong. */
ClTcString  *cl_tc_string_decode             (const char        *text,
                                              GError           **error);
ClTcString  *cl_tc_string_copy               (const ClTcString  *tc);
void         cl_tc_string_free               (ClTcString        *tc);

gboolean     cl_tc_string_purpose_consent    (const ClTcString  *tc,
                                              guint              purpose_id);
gboolean     cl_tc_string_vendor_consent     (const ClTcString  *tc,
                                              guint              vendor_id);
gboolean     cl_tc_string_vendor_legitimate_interest (const ClTcString *tc,
                                                      guint             vendor_id);

/* One vendor's consent as the string records it. */
typedef struct
{
  guint    vendor_id;
  gboolean granted;
} ClTcVendorDecision;

/* The vendors the string speaks about, 1..max vendor id of the vendor consents, each granted
 * or denied: what a consent event without its own per-vendor decisions takes over. */
GArray      *cl_tc_string_get_vendor_decisions (const ClTcString *tc);

/* The specification's field names; see issue 4. Version 1 strings use the v1 names where the
 * fields differ ("purposesAllowed"), because their purpose ids mean other things. */
JsonNode    *cl_tc_string_to_json            (const ClTcString  *tc);

typedef enum
{
  CL_TC_NAME_CMP,
  CL_TC_NAME_VENDOR,
} ClTcNameKind;

/* Returns a newly allocated name, or NULL when it is not known (the id is printed instead). */
typedef char *(*ClTcNameLookup) (ClTcNameKind kind,
                                 guint        id,
                                 gpointer     user_data);

/* A text for people: dates, the CMP, purposes and special features by name, vendors by name
 * when lookup knows them. lookup may be NULL. */
char        *cl_tc_string_describe           (const ClTcString  *tc,
                                              ClTcNameLookup     lookup,
                                              gpointer           user_data);

/* The translated English name of a TCF v2 purpose (1..11) or special feature (1..2), or NULL. */
const char  *cl_tc_purpose_name              (guint              purpose_id);
const char  *cl_tc_special_feature_name      (guint              feature_id);
const char  *cl_tc_restriction_type_name     (ClTcRestrictionType type);

/* One optional segment on its own, as some CMPs store the out-of-band segments apart from
 * the string. A core segment is refused here: use cl_tc_string_decode(). */
typedef struct
{
  ClTcSegmentType  type;
  ClTcVendorSet   *vendors;        /* disclosed or allowed vendors, else NULL */
  ClTcPublisherTC *publisher_tc;   /* publisher TC, else NULL */
} ClTcSegment;

ClTcSegment *cl_tc_segment_decode            (const char        *text,
                                              GError           **error);
void         cl_tc_segment_free              (ClTcSegment       *segment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClTcString, cl_tc_string_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClTcSegment, cl_tc_segment_free)

G_END_DECLS
