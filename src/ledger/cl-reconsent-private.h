/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-reconsent-private.h: the re-consent rule as SQL, for library queries that fold it into a
 * pass of their own over the subjects' current states (the dashboard). */
#pragma once

#include <sqlite3.h>

#include "cl-reconsent.h"

G_BEGIN_DECLS

/* Over "subjects s JOIN events e ON e.id = s.latest_event_id", with the parameters bound by
 * cl_reconsent_bind_rule: ?1 a JSON array of the policy ids older than the latest significant
 * version, ?2 that version's start (events that name no version and are older than this were
 * given under an older text), ?3 the age cutoff. */
#define CL_RECONSENT_SQL_BY_POLICY \
  "(e.policy_id IN (SELECT value FROM json_each (?1))" \
  " OR (e.policy_id IS NULL AND e.recorded_at < ?2))"
#define CL_RECONSENT_SQL_BY_AGE "(e.recorded_at < ?3)"
#define CL_RECONSENT_SQL_DUE CL_RECONSENT_SQL_BY_POLICY " OR " CL_RECONSENT_SQL_BY_AGE

/* Works out the rule's parameters as of now_ms: a ClReconsent with no counts yet, and what
 * cl_reconsent_bind_rule needs. */
ClReconsent *cl_reconsent_prepare   (ClLedger      *ledger,
                                     gint64         now_ms,
                                     char         **out_stale_ids,
                                     gint64        *out_policy_start,
                                     GError       **error);
void         cl_reconsent_bind_rule (sqlite3_stmt  *stmt,
                                     const char    *stale_ids,
                                     gint64         policy_start,
                                     gint64         age_cutoff);

G_END_DECLS
