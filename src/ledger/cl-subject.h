/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-subject.h: a data subject found by any of its identifiers, with its consent history. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cl-consent-event.h"
#include "cl-ledger.h"
#include "cl-purpose.h"

G_BEGIN_DECLS


typedef enum
{
  CL_IDENTIFIER_CONSENT_ID,
  CL_IDENTIFIER_EMAIL,
  CL_IDENTIFIER_ACCOUNT,
} ClIdentifierKind;

#define CL_TYPE_SUBJECT (cl_subject_get_type ())
G_DECLARE_FINAL_TYPE (ClSubject, cl_subject, CL, SUBJECT, GObject)

/* identifier: a consent id, an e-mail address (any case), an account id or an event_id.
 * NOT_FOUND with a sentence when no subject has it. */
ClSubject          *cl_subject_lookup          (ClLedger         *ledger,
                                                const char       *identifier,
                                                GError          **error);
ClSubject          *cl_subject_load            (ClLedger         *ledger,
                                                gint64            subject_id,
                                                GError          **error);

gint64              cl_subject_get_id          (ClSubject        *self);
/* The first consent id the ledger learnt for this subject. */
const char         *cl_subject_get_display_id  (ClSubject        *self);
/* The identifiers of one kind, in the order the ledger learnt them; never NULL. */
const char * const *cl_subject_get_identifiers (ClSubject        *self,
                                                ClIdentifierKind  kind);
/* The subject's events, oldest first (ClConsentEvent). */
GListModel         *cl_subject_get_history     (ClSubject        *self);
/* The latest event (the current state), or NULL for a subject without events. */
ClConsentEvent     *cl_subject_get_current     (ClSubject        *self);
ClDecision          cl_subject_get_current_decision (ClSubject   *self,
                                                     ClPurpose   *purpose);
/* The ledger's purposes, as they were when the subject was loaded (ClPurpose). */
GListModel         *cl_subject_get_purposes    (ClSubject        *self);
/* The latest raw TC string among the events, or NULL. */
const char         *cl_subject_get_tc_string   (ClSubject        *self);
/* The plain-words sentence for history event number position. */
char               *cl_subject_describe_event  (ClSubject        *self,
                                                guint             position);

/* {"identifiers": {...}, "current": {"<purpose>": true|false|null}, "events": [...]} */
JsonNode           *cl_subject_to_json         (ClSubject        *self,
                                                ClLedger         *ledger,
                                                GError          **error);

const char         *cl_identifier_kind_to_key  (ClIdentifierKind  kind);
const char         *cl_identifier_kind_to_label (ClIdentifierKind kind);

G_END_DECLS
