/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-reconsent.h: who must be asked for consent again, and why (BRIEF §2). */
#pragma once

#include <gio/gio.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

/*
 * A subject is due for re-consent when its current state — the latest of its events over all
 * its devices (subjects.latest_event_id: the greatest recorded_at, ties to the event imported
 * last) — was given
 *
 *  - "policy": under a version older than the latest significant version in effect (see
 *    cl_policy_version_is_older). An event that names no version is placed by its time: recorded
 *    before that version's effective date (00:00 UTC), it was given under an older text.
 *  - "age": more than the re-consent age (setting reconsent.months, default 13) before now.
 *
 * Every method counts, refusals and withdrawals too: a refusal is a choice that must be renewed
 * with the new text. A subject counts once, however many devices it has; when both reasons
 * apply it is listed under "policy". Times are UTC.
 */

typedef enum
{
  CL_RECONSENT_REASON_POLICY,
  CL_RECONSENT_REASON_AGE,
} ClReconsentReason;

const char *cl_reconsent_reason_to_string (ClReconsentReason reason);

typedef struct
{
  gint64             subject_id;
  char              *subject;         /* the consent id the latest event was recorded under */
  ClReconsentReason  reason;
  gint64             last_event_ms;   /* Unix milliseconds */
  char              *policy_version;  /* of the latest event; NULL when it named none */
} ClReconsentSubject;

typedef struct
{
  gint64   now_ms;
  int      age_months;
  gint64   age_cutoff_ms;          /* latest events before this are too old */
  char    *significant_version;    /* latest significant version in effect, or NULL */
  char    *significant_effective;  /* its YYYY-MM-DD */
  guint64  n_policy;
  guint64  n_age;
  GArray  *subjects;               /* ClReconsentSubject, or NULL when not asked for */
} ClReconsent;

typedef enum
{
  CL_RECONSENT_COUNT_ONLY    = 0,
  CL_RECONSENT_WITH_SUBJECTS = 1 << 0,
} ClReconsentFlags;

/* now_ms is passed in so that "as of" questions and tests have a fixed clock. */
ClReconsent *cl_reconsent_compute       (ClLedger          *ledger,
                                         gint64             now_ms,
                                         ClReconsentFlags   flags,
                                         GCancellable      *cancellable,
                                         GError           **error);
guint64      cl_reconsent_get_count     (const ClReconsent *self);
void         cl_reconsent_free          (ClReconsent       *self);

/* Writes the subjects due for re-consent as CSV for the CMP to prompt again: a header
 * "consent_id,subject,reason,last_event,policy_version", then one row per device (consent id)
 * of each subject, so that every device is prompted; subject is the consent id of the latest
 * event. Written atomically, readable by the owner only (it holds identifiers). */
gboolean     cl_reconsent_export_csv    (ClLedger          *ledger,
                                         gint64             now_ms,
                                         const char        *path,
                                         guint64           *out_n_subjects,
                                         guint64           *out_n_rows,
                                         GCancellable      *cancellable,
                                         GError           **error);

/* The re-consent age in months (setting reconsent.months; 13, the CNIL benchmark, if unset). */
int          cl_reconsent_get_age_months (ClLedger         *ledger);
/* Through cl_settings_change: validated (1 to 60 months) and audited. */
gboolean     cl_reconsent_set_age_months (ClLedger         *ledger,
                                          int               months,
                                          GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClReconsent, cl_reconsent_free)

G_END_DECLS
