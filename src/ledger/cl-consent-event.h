/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-consent-event.h: one consent event as the ledger holds it, for lists, timelines and JSON. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cl-ledger.h"
#include "cl-purpose.h"

G_BEGIN_DECLS

/* A visitor's answer for one purpose in one event. */
typedef enum
{
  CL_DECISION_NOT_ASKED,
  CL_DECISION_GRANTED,
  CL_DECISION_DENIED,
} ClDecision;

/* One per-vendor decision of a TCF event. */
typedef struct
{
  guint    gvl_id;
  gboolean granted;
} ClEventVendor;

#define CL_TYPE_CONSENT_EVENT (cl_consent_event_get_type ())
G_DECLARE_FINAL_TYPE (ClConsentEvent, cl_consent_event, CL, CONSENT_EVENT, GObject)

gint64       cl_consent_event_get_id             (ClConsentEvent *self);
/* The event_id of the consent log; NULL for events imported without one. */
const char  *cl_consent_event_get_event_id       (ClConsentEvent *self);
gint64       cl_consent_event_get_subject_id     (ClConsentEvent *self);
/* The identifier the event was recorded under: the CMP's consent id. */
const char  *cl_consent_event_get_subject        (ClConsentEvent *self);
/* Unix milliseconds, UTC. */
gint64       cl_consent_event_get_recorded_at    (ClConsentEvent *self);
/* "2026-03-01 12:00:00" in UTC, as the records list shows it. */
const char  *cl_consent_event_get_time_label     (ClConsentEvent *self);
const char  *cl_consent_event_get_policy_version (ClConsentEvent *self);
/* events.method: 0 accept_all … 4 gpc (ClConsentMethod). */
int          cl_consent_event_get_method         (ClConsentEvent *self);
const char  *cl_consent_event_get_method_label   (ClConsentEvent *self);
guint64      cl_consent_event_get_granted_mask   (ClConsentEvent *self);
guint64      cl_consent_event_get_denied_mask    (ClConsentEvent *self);
ClDecision   cl_consent_event_get_decision       (ClConsentEvent *self,
                                                  guint           purpose_bit);
gboolean     cl_consent_event_get_gpc            (ClConsentEvent *self);
const char  *cl_consent_event_get_tc_string      (ClConsentEvent *self);
const char  *cl_consent_event_get_url            (ClConsentEvent *self);
const char  *cl_consent_event_get_country        (ClConsentEvent *self);
const char  *cl_consent_event_get_ip             (ClConsentEvent *self);
const char  *cl_consent_event_get_user_agent     (ClConsentEvent *self);
/* FALSE for a row that was erased after the list was computed: only its id is left. */
gboolean     cl_consent_event_is_present         (ClConsentEvent *self);

/* Per-vendor decisions are read only when asked for: few sites have them. */
GArray      *cl_consent_event_load_vendors       (ClConsentEvent *self,
                                                  ClLedger       *ledger,
                                                  GError        **error);

/* The timeline's sentence, e.g. "Withdrew consent to Advertisement and ad measurement under
 * policy 3.1, via the settings page, from SE". previous (nullable) is the subject's event before
 * this one, so a withdrawal names what was withdrawn; purposes is the ledger's ClPurpose list. */
char        *cl_consent_event_describe           (ClConsentEvent *self,
                                                  ClConsentEvent *previous,
                                                  GListModel     *purposes);

/* The BRIEF §4 JSON Lines shape; reads the vendors and the subject's other identifiers. */
JsonNode    *cl_consent_event_to_json            (ClConsentEvent *self,
                                                  ClLedger       *ledger,
                                                  GListModel     *purposes,
                                                  GError        **error);

/* The events with these row ids, in the same order; an id no longer in the ledger gives an
 * event for which cl_consent_event_is_present() is FALSE. */
GPtrArray   *cl_consent_event_load               (ClLedger       *ledger,
                                                  const gint64   *ids,
                                                  guint           n_ids,
                                                  GError        **error);

const char  *cl_consent_method_to_label          (int             method);
const char  *cl_decision_to_label                (ClDecision      decision);

G_END_DECLS
