/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-consent-event-private.h: how an event row is selected, for the query and the list model. */
#pragma once

#include <sqlite3.h>

#include "cl-consent-event.h"

G_BEGIN_DECLS

/* The columns cl_consent_event_new_from_row() reads, and the joins they need. Every statement
 * that produces ClConsentEvents uses these two, so a new field is added in one place. */
#define CL_CONSENT_EVENT_COLUMNS \
  "e.id, e.event_id, e.subject_id, i.value, e.recorded_at, p.version, e.method, e.granted," \
  " e.denied, e.gpc, e.tc_string, u.value, e.country, e.ip, ua.value"
#define CL_CONSENT_EVENT_N_COLUMNS 15
#define CL_CONSENT_EVENT_JOINS \
  " LEFT JOIN identifiers i ON i.id = e.identifier_id" \
  " LEFT JOIN policy_versions p ON p.id = e.policy_id" \
  " LEFT JOIN user_agents ua ON ua.id = e.user_agent_id" \
  " LEFT JOIN urls u ON u.id = e.url_id"

ClConsentEvent *cl_consent_event_new_from_row (sqlite3_stmt *stmt,
                                               int           first_column);
/* A row erased since its id was listed: only the id is left. */
ClConsentEvent *cl_consent_event_new_absent   (gint64        id);

G_END_DECLS
