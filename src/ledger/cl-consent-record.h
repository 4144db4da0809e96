/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-consent-record.h: one consent event as read from (or written to) a consent log file. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The integer values are stored in the ledger (events.method): never renumber them. */
typedef enum
{
  CL_CONSENT_METHOD_ACCEPT_ALL = 0,
  CL_CONSENT_METHOD_REJECT_ALL = 1,
  CL_CONSENT_METHOD_CUSTOM     = 2,
  CL_CONSENT_METHOD_WITHDRAW   = 3,
  CL_CONSENT_METHOD_GPC        = 4,
} ClConsentMethod;

#define CL_CONSENT_N_METHODS 5

const char *cl_consent_method_to_string   (ClConsentMethod  method);
gboolean    cl_consent_method_from_string (const char      *text,
                                           ClConsentMethod *out);

/* The decision for one purpose the visitor was asked about; purposes not asked have none. */
typedef struct
{
  guint       purpose;  /* index into the purpose keys the record was read with */
  const char *key;      /* that key; owned by whoever filled the record (the reader) */
  gboolean    granted;
} ClConsentDecision;

typedef struct
{
  guint    gvl_id;      /* IAB Global Vendor List id, > 0 */
  gboolean granted;
} ClConsentVendor;

/* The text fields, for cl_consent_record_set_string(). */
typedef enum
{
  CL_CONSENT_FIELD_EVENT_ID,
  CL_CONSENT_FIELD_SUBJECT,
  CL_CONSENT_FIELD_POLICY_VERSION,
  CL_CONSENT_FIELD_TC_STRING,
  CL_CONSENT_FIELD_EMAIL,
  CL_CONSENT_FIELD_ACCOUNT,
  CL_CONSENT_FIELD_URL,
  CL_CONSENT_FIELD_COUNTRY,
  CL_CONSENT_FIELD_IP,
  CL_CONSENT_FIELD_USER_AGENT,
  CL_CONSENT_N_FIELDS
} ClConsentField;

/*
 * A plain struct, reused from line to line so that an import allocates nothing per event:
 * cl_consent_record_reset() empties it and keeps its buffers. The string members are NULL
 * when absent and otherwise point into the record's own buffers: they stay valid until the
 * next reset or set of the same field. Read them; write them with the setters.
 */
typedef struct
{
  const char      *event_id;        /* nullable: deduplicate on content when absent */
  const char      *subject;         /* the CMP's consent id */
  gint64           recorded_at;     /* Unix milliseconds */
  const char      *policy_version;  /* nullable */
  ClConsentMethod  method;
  GArray          *decisions;       /* ClConsentDecision, in the order of the file */
  GArray          *vendors;         /* ClConsentVendor, in the order of the file */
  const char      *tc_string;       /* nullable */
  gboolean         gpc;             /* the Global Privacy Control signal was present */
  const char      *email;           /* nullable, like everything below */
  const char      *account;
  const char      *url;
  const char      *country;
  const char      *ip;
  const char      *user_agent;

  /*< private >*/
  /* The present fields' texts, back to back, each NUL-terminated: one buffer, so that the
   * thread that stores a record reads its texts in a few neighbouring cache lines, not in
   * ten separate allocations. */
  GString         *text;
  guint32          lengths[CL_CONSENT_N_FIELDS];
} ClConsentRecord;

ClConsentRecord *cl_consent_record_new         (void);
void             cl_consent_record_free        (ClConsentRecord *record);
void             cl_consent_record_init        (ClConsentRecord *record);
void             cl_consent_record_clear       (ClConsentRecord *record);
void             cl_consent_record_reset       (ClConsentRecord *record);

void             cl_consent_record_set_string  (ClConsentRecord *record,
                                                ClConsentField   field,
                                                const char      *value,
                                                gssize           len);
const char      *cl_consent_record_get_string  (const ClConsentRecord *record,
                                                ClConsentField   field);
gsize            cl_consent_record_get_length  (const ClConsentRecord *record,
                                                ClConsentField   field);
void             cl_consent_record_ascii_down  (ClConsentRecord *record,
                                                ClConsentField   field);
void             cl_consent_record_add_decision (ClConsentRecord *record,
                                                 guint            purpose,
                                                 const char      *key,
                                                 gboolean         granted);
void             cl_consent_record_add_vendor  (ClConsentRecord *record,
                                                guint            gvl_id,
                                                gboolean         granted);
const ClConsentDecision *
                 cl_consent_record_find_decision (const ClConsentRecord *record,
                                                  const char            *key);

/* Writers for the BRIEF §4 formats; the generator and exports use them. */
void             cl_consent_record_append_jsonl (const ClConsentRecord *record,
                                                 GString               *out);
void             cl_consent_csv_append_header   (GString               *out,
                                                 const char * const    *purpose_keys);
void             cl_consent_record_append_csv   (const ClConsentRecord *record,
                                                 const char * const    *purpose_keys,
                                                 GString               *out);
void             cl_json_append_string          (GString               *out,
                                                 const char            *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClConsentRecord, cl_consent_record_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ClConsentRecord, cl_consent_record_clear)

G_END_DECLS
