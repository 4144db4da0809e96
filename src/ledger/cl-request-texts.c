/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-request-texts.c: the texts request steps store (in their timeline and in the audit log),
 * shown in the user's language. The stored English never changes: a timeline is evidence and
 * the audit log is hash-chained. Each stored pattern here is exactly what cl-request.c (and
 * cl-erasure.c for "erased") writes; test-request's /ledger/request/steps-translated runs
 * every step to keep them in step. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-request-texts.h"
#include "cl-request.h"
#include "cl-stored-text.h"

typedef struct
{
  const char         *action;
  const ClStoredText *texts;
  gsize               n_texts;
} StepTexts;

#define STEP_TEXTS(action, table) { action, table, G_N_ELEMENTS (table) }

/* Written by cl_request_create as one text in both places, in two clauses: "Erasure request
 * under the GDPR, received 2025-09-03; due 2025-10-06." */
static const ClStoredText received_texts[] = {
  /* Translators: the first part of the step that registers a request; %s is GDPR or CCPA,
   * then the date it was received (YYYY-MM-DD). */
  { "Access request under the %w, received %w",
    N_("Access request under the %s, received %s") },
  { "Erasure request under the %w, received %w",
    N_("Erasure request under the %s, received %s") },
  { "Portability request under the %w, received %w",
    N_("Portability request under the %s, received %s") },
  { "Rectification request under the %w, received %w",
    N_("Rectification request under the %s, received %s") },
  { "Restriction request under the %w, received %w",
    N_("Restriction request under the %s, received %s") },
  { "Objection request under the %w, received %w",
    N_("Objection request under the %s, received %s") },
  { "Withdrawal request under the %w, received %w",
    N_("Withdrawal request under the %s, received %s") },
  /* Translators: the second part of the step that registers a request; %s is the due date. */
  { "due %w.", N_("due %s.") },
  { "due %w. No subject in the ledger has the identifier given.",
    N_("due %s. No subject in the ledger has the identifier given.") },
};

/* ---- the timeline (request_steps.detail) ---- */

static const ClStoredText receipt_confirmed_step[] = {
  { "Told the subject that the request was received.",
    N_("Told the subject that the request was received.") },
};

static const ClStoredText verification_started_step[] = {
  { "Asked the subject to prove their identity.",
    N_("Asked the subject to prove their identity.") },
};

static const ClStoredText verified_step[] = {
  /* Translators: %s is how the identity was verified, as the officer wrote it. */
  { "Identity verified: %s", N_("Identity verified: %s") },
};

static const ClStoredText extended_step[] = {
  /* Translators: two dates (YYYY-MM-DD), then the reason as the officer wrote it. */
  { "Due date extended from %w to %w: %s", N_("Due date extended from %s to %s: %s") },
};

static const ClStoredText paused_step[] = {
  { "Clock stopped while waiting for the subject.",
    N_("Clock stopped while waiting for the subject.") },
  /* Translators: %s is the reason as the officer wrote it. */
  { "Clock stopped while waiting for the subject: %s",
    N_("Clock stopped while waiting for the subject: %s") },
};

static const char *
resumed_step_label (gulong n)
{
  /* Translators: %u is a number of days, %s the new due date (YYYY-MM-DD). */
  return g_dngettext (GETTEXT_PACKAGE, "Clock restarted after %u day; due %s.",
                      "Clock restarted after %u days; due %s.", n);
}

static const ClStoredText resumed_step[] = {
  { "Clock restarted after %u day%*s; due %w.", NULL, resumed_step_label },
};

static const ClStoredText completed_step[] = {
  { "Completed.", N_("Completed.") },
  /* Translators: %s is what was done, as the officer wrote it. */
  { "Completed: %s", N_("Completed: %s") },
};

static const ClStoredText rejected_step[] = {
  /* Translators: %s is the reason, as the officer wrote it. */
  { "Rejected: %s", N_("Rejected: %s") },
};

static const ClStoredText erased_step[] = {
  /* Translators: two counts: consent events, then identifiers. */
  { "Subject erased: %u consent events and %u identifiers deleted; a keyed fingerprint of "
    "each identifier is kept so that no import brings them back.",
    N_("Subject erased: %u consent events and %u identifiers deleted; a keyed fingerprint of "
       "each identifier is kept so that no import brings them back.") },
};

static const ClStoredText file_step[] = {
  /* Translators: a produced file: its format (html, pdf, json), its path, its SHA-256. */
  { "%w file %s (SHA-256 %w)", N_("%s file %s (SHA-256 %s)") },
};

static const StepTexts step_texts[] = {
  STEP_TEXTS ("received", received_texts),
  STEP_TEXTS ("receipt_confirmed", receipt_confirmed_step),
  STEP_TEXTS ("verification_started", verification_started_step),
  STEP_TEXTS ("verified", verified_step),
  STEP_TEXTS ("extended", extended_step),
  STEP_TEXTS ("paused", paused_step),
  STEP_TEXTS ("resumed", resumed_step),
  STEP_TEXTS ("completed", completed_step),
  STEP_TEXTS ("rejected", rejected_step),
  STEP_TEXTS ("erased", erased_step),
  STEP_TEXTS ("file", file_step),
  /* "note": the officer's own words, shown as written. */
};

/* ---- the audit log (audit_log.detail of object type "request") ---- */

static const ClStoredText receipt_confirmed_audit[] = {
  { "Confirmed receipt of the request to the subject",
    N_("Confirmed receipt of the request to the subject") },
};

static const ClStoredText verification_started_audit[] = {
  { "Asked the subject to prove their identity", N_("Asked the subject to prove their identity") },
};

static const ClStoredText verified_audit[] = {
  { "Verified the subject’s identity", N_("Verified the subject’s identity") },
};

static const ClStoredText extended_audit[] = {
  /* Translators: two dates, YYYY-MM-DD. */
  { "Extended the deadline from %w to %w", N_("Extended the deadline from %s to %s") },
};

static const ClStoredText paused_audit[] = {
  { "Paused the clock while waiting for the subject",
    N_("Paused the clock while waiting for the subject") },
};

static const char *
resumed_audit_label (gulong n)
{
  /* Translators: %u is a number of days, %s the new due date (YYYY-MM-DD). */
  return g_dngettext (GETTEXT_PACKAGE, "Restarted the clock after %u day; due %s",
                      "Restarted the clock after %u days; due %s", n);
}

static const ClStoredText resumed_audit[] = {
  { "Restarted the clock after %u day%*s; due %w", NULL, resumed_audit_label },
};

static const ClStoredText completed_audit[] = {
  { "Completed the request", N_("Completed the request") },
};

static const ClStoredText rejected_audit[] = {
  { "Rejected the request", N_("Rejected the request") },
};

static const ClStoredText note_audit[] = {
  { "Added a note", N_("Added a note") },
};

static const ClStoredText erased_audit[] = {
  { "Recorded the erasure of the subject", N_("Recorded the erasure of the subject") },
};

static const ClStoredText file_audit[] = {
  /* Translators: a produced file's format (html, pdf, json), then its SHA-256. */
  { "Recorded a %w file (SHA-256 %w)", N_("Recorded a %s file (SHA-256 %s)") },
};

/* Steps other features add under their own action name (cl_request_add_step). */
static const ClStoredText other_audit[] = {
  /* Translators: %s is the step's name as the program calls it. */
  { "Recorded the step “%s”", N_("Recorded the step “%s”") },
};

static const StepTexts audit_texts[] = {
  STEP_TEXTS ("received", received_texts),
  STEP_TEXTS ("receipt_confirmed", receipt_confirmed_audit),
  STEP_TEXTS ("verification_started", verification_started_audit),
  STEP_TEXTS ("verified", verified_audit),
  STEP_TEXTS ("extended", extended_audit),
  STEP_TEXTS ("paused", paused_audit),
  STEP_TEXTS ("resumed", resumed_audit),
  STEP_TEXTS ("completed", completed_audit),
  STEP_TEXTS ("rejected", rejected_audit),
  STEP_TEXTS ("note", note_audit),
  STEP_TEXTS ("erased", erased_audit),
  STEP_TEXTS ("file", file_audit),
};

static char *
translate (const StepTexts  *tables,
           gsize             n_tables,
           const StepTexts  *fallback,
           const char       *action,
           const char       *detail)
{
  const StepTexts *found = fallback;

  if (detail == NULL)
    return NULL;
  for (gsize i = 0; i < n_tables; i++)
    if (g_strcmp0 (action, tables[i].action) == 0)
      {
        found = &tables[i];
        break;
      }
  /* Keyed by the action: a note that happens to read "Completed." stays the officer's. */
  if (found == NULL)
    return g_strdup (detail);
  return cl_stored_text_translate (found->texts, found->n_texts, detail);
}

char *
cl_request_step_dup_detail_label (const ClRequestStep *step)
{
  g_return_val_if_fail (step != NULL, NULL);

  return translate (step_texts, G_N_ELEMENTS (step_texts), NULL, step->action, step->detail);
}

char *
cl_request_audit_detail_to_label (const char *action,
                                  const char *detail)
{
  static const StepTexts other = STEP_TEXTS (NULL, other_audit);

  return translate (audit_texts, G_N_ELEMENTS (audit_texts), &other, action, detail);
}
