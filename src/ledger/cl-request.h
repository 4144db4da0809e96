/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-request.h: data-subject requests (BRIEF §2): the register, each step of their lifecycle,
 * and the files produced for them. The legal clocks themselves are in cl-deadline.h. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cl-deadline.h"
#include "cl-ledger.h"

G_BEGIN_DECLS

typedef enum
{
  CL_REQUEST_TYPE_ACCESS,         /* Art. 15: a subject-access report */
  CL_REQUEST_TYPE_ERASURE,        /* Art. 17 */
  CL_REQUEST_TYPE_PORTABILITY,    /* Art. 20: a machine-readable export */
  CL_REQUEST_TYPE_RECTIFICATION,  /* Art. 16 */
  CL_REQUEST_TYPE_RESTRICTION,    /* Art. 18 */
  CL_REQUEST_TYPE_OBJECTION,      /* Art. 21 */
  CL_REQUEST_TYPE_WITHDRAWAL,     /* Art. 7(3): withdrawal of consent */
} ClRequestType;

#define CL_REQUEST_N_TYPES    (CL_REQUEST_TYPE_WITHDRAWAL + 1)
/* What an erasure leaves in place of the subject's identifier on its requests. */
#define CL_REQUEST_ERASED_SUBJECT "(erased subject)"
#define CL_REQUEST_N_STATUSES (CL_REQUEST_STATUS_REJECTED + 1)

const char *cl_request_type_to_string      (ClRequestType     type);
gboolean    cl_request_type_from_string    (const char       *text,
                                            ClRequestType    *type);
/* Translated words for the window and the CLI's text output. */
const char *cl_request_type_to_label       (ClRequestType     type);
/* The type as the name of a request, where the label would sit inside a phrase: "Erasure
 * request", "Objection request" (in Swedish the type word is not capitalized there). */
const char *cl_request_type_to_title       (ClRequestType     type);
const char *cl_request_status_to_label     (ClRequestStatus   status);
const char *cl_request_step_action_to_label (const char      *action);

/* The day the clocks are read against: $CONSENT_LEDGER_TODAY (YYYY-MM-DD, for tests and
 * scripts that replay a past day) or the local date. */
void        cl_request_today               (GDate            *today);
/* Strict YYYY-MM-DD; FALSE for anything else, including dates that do not exist. */
gboolean    cl_request_parse_date          (const char       *text,
                                            GDate            *date);
char       *cl_request_format_date         (const GDate      *date);

/* One entry of a request's timeline. */
typedef struct
{
  gint64  id;
  char   *at;       /* ISO 8601, UTC */
  char   *actor;    /* the OS user */
  char   *action;   /* "received", "verified", "extended", … or one the caller chose */
  char   *detail;
} ClRequestStep;

/* A file produced for a request: a report, an export, an erasure certificate. */
typedef struct
{
  gint64  id;
  char   *path;
  char   *format;   /* "html", "pdf", "json", … */
  char   *sha256;   /* 64 lowercase hex digits */
  char   *created_at;
} ClRequestFile;

#define CL_TYPE_REQUEST_STEP (cl_request_step_get_type ())
#define CL_TYPE_REQUEST_FILE (cl_request_file_get_type ())
GType          cl_request_step_get_type (void) G_GNUC_CONST;
GType          cl_request_file_get_type (void) G_GNUC_CONST;
ClRequestStep *cl_request_step_copy     (const ClRequestStep *step);
void           cl_request_step_free     (ClRequestStep       *step);
ClRequestFile *cl_request_file_copy     (const ClRequestFile *file);
void           cl_request_file_free     (ClRequestFile       *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClRequestStep, cl_request_step_free)
/* The step's detail in the user's language. The stored detail stays as written (English, for
 * the steps the code writes): the timeline is evidence. A note, or a text the code did not
 * write, comes back as it is. */
char          *cl_request_step_dup_detail_label (const ClRequestStep *step);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClRequestFile, cl_request_file_free)

/* A request as read from the ledger: a snapshot, not a live view. Reload it after a change
 * (the store functions below return the fresh snapshot). */
#define CL_TYPE_REQUEST (cl_request_get_type ())
G_DECLARE_FINAL_TYPE (ClRequest, cl_request, CL, REQUEST, GObject)

gint64           cl_request_get_id               (ClRequest *self);
const char      *cl_request_get_reference        (ClRequest *self);
ClRequestType    cl_request_get_request_type     (ClRequest *self);
/* The identifier the request was made with, as given; after the subject's erasure, the mark
 * CL_REQUEST_ERASED_SUBJECT (stored in English like every text the code writes). */
const char      *cl_request_get_subject_label    (ClRequest *self);
/* Whether the subject was erased (the label is the mark). */
gboolean         cl_request_get_subject_erased   (ClRequest *self);
/* The label to show: the identifier, or “(erased subject)” in the user's language. */
const char      *cl_request_get_subject_display  (ClRequest *self);
/* The subject it matched, or 0 when no subject in the ledger has that identifier (the window
 * and the CLI then warn: the request is kept, but there is nothing to report on or erase). */
gint64           cl_request_get_subject_id       (ClRequest *self);
ClJurisdiction   cl_request_get_jurisdiction     (ClRequest *self);
ClRequestStatus  cl_request_get_status           (ClRequest *self);
gboolean         cl_request_is_open              (ClRequest *self);
/* While paused, the status it will resume to. */
ClRequestStatus  cl_request_get_paused_from      (ClRequest *self);
const GDate     *cl_request_get_received         (ClRequest *self);
/* The due date as of the snapshot's day: while paused it moves a day for every day paused. */
const GDate     *cl_request_get_due              (ClRequest *self);
/* The day the snapshot was read against (cl_request_today at load time). */
const GDate     *cl_request_get_as_of            (ClRequest *self);
/* Days from today to the due date: 0 on the day, negative when overdue. */
int              cl_request_get_days_left        (ClRequest *self);
/* CL_URGENCY_OK for closed requests. A paused request keeps the urgency it had when paused
 * (its due date moves with each day paused), so pausing never hides an overdue request. */
ClUrgency        cl_request_get_urgency          (ClRequest *self);
gboolean         cl_request_get_extended         (ClRequest *self);
const char      *cl_request_get_extension_reason (ClRequest *self);
/* The latest due date an extension could give today, or FALSE when none can be granted
 * (why: see cl_request_extend's error). */
gboolean         cl_request_get_extension_limit  (ClRequest *self,
                                                  GDate     *max_due);
/* The paused days counted so far, and the day the current pause began (NULL when running). */
guint            cl_request_get_paused_days      (ClRequest *self);
const GDate     *cl_request_get_paused_since     (ClRequest *self);
/* CCPA only: confirm receipt within 10 business days. FALSE for GDPR. */
gboolean         cl_request_get_confirmation_due (ClRequest *self,
                                                  GDate     *confirm_by);
/* When receipt was confirmed to the subject (the step's ISO 8601 time), or NULL. */
const char      *cl_request_get_receipt_confirmed (ClRequest *self);
const char      *cl_request_get_verification     (ClRequest *self);
const char      *cl_request_get_resolution       (ClRequest *self);
const char      *cl_request_get_notes            (ClRequest *self);
const char      *cl_request_get_created_at       (ClRequest *self);
const char      *cl_request_get_closed_at        (ClRequest *self);
/* Oldest first; ClRequestStep / ClRequestFile, owned by the request. */
GPtrArray       *cl_request_get_steps            (ClRequest *self);
GPtrArray       *cl_request_get_files            (ClRequest *self);

/* The object `consentctl request show --json` prints (BRIEF §5, issue 6). */
JsonNode        *cl_request_to_json              (ClRequest *self);

/* Filters of the register; zero-initialised means every request. */
typedef struct
{
  guint    status_mask;   /* 1 << ClRequestStatus; 0 = any */
  guint    type_mask;     /* 1 << ClRequestType; 0 = any */
  gboolean open_only;
  gboolean overdue_only;  /* open, clock running, due date passed */
} ClRequestFilter;

/* The register: open requests first, soonest due first; then closed ones, latest first.
 * A list of ClRequest. */
GListStore *cl_request_list         (ClLedger              *ledger,
                                     const ClRequestFilter *filter,
                                     GError               **error);
/* References are matched without regard to case. CL_LEDGER_ERROR_NOT_FOUND when absent. */
ClRequest  *cl_request_load         (ClLedger              *ledger,
                                     const char            *reference,
                                     GError               **error);

/* Looks a subject up by any identifier (consent id, e-mail, account). Returns FALSE with
 * CL_LEDGER_ERROR_NOT_FOUND when none has it; out_identifiers ("email: anna@example.se", …)
 * helps the officer see that it is the right person. */
gboolean    cl_request_find_subject (ClLedger              *ledger,
                                     const char            *identifier,
                                     gint64                *out_subject_id,
                                     GStrv                 *out_identifiers,
                                     GError               **error);

/* Every function below is one transaction that writes a request_steps row and an audit entry,
 * and returns the request as it now is. A change the law or the status machine does not allow
 * fails with CL_LEDGER_ERROR_REFUSED and a sentence saying why; the ledger is left unchanged. */

/* received: NULL for today. The reference is DSR-YYYY-NNNN, numbered per year of receipt. */
ClRequest  *cl_request_create       (ClLedger              *ledger,
                                     ClRequestType          type,
                                     const char            *subject,
                                     ClJurisdiction         jurisdiction,
                                     const GDate           *received,
                                     GError               **error);
/* Records that the subject was told the request arrived (CCPA: within 10 business days).
 * Refused on a closed request, or when already confirmed. */
ClRequest  *cl_request_confirm_receipt (ClLedger           *ledger,
                                     const char            *reference,
                                     GError               **error);
/* received → verifying: the subject has been asked to prove who they are. */
ClRequest  *cl_request_start_verification (ClLedger        *ledger,
                                     const char            *reference,
                                     GError               **error);
/* received or verifying → in_progress, recording how the identity was verified. */
ClRequest  *cl_request_verify       (ClLedger              *ledger,
                                     const char            *reference,
                                     const char            *method,
                                     GError               **error);
/* Once, before the first period ends, with a reason; until NULL = the legal maximum. */
ClRequest  *cl_request_extend       (ClLedger              *ledger,
                                     const char            *reference,
                                     const char            *reason,
                                     const GDate           *until,
                                     GError               **error);
/* Waiting for the subject: the clock stops until cl_request_resume. reason may be NULL. */
ClRequest  *cl_request_pause        (ClLedger              *ledger,
                                     const char            *reference,
                                     const char            *reason,
                                     GError               **error);
ClRequest  *cl_request_resume       (ClLedger              *ledger,
                                     const char            *reference,
                                     GError               **error);
/* in_progress → completed; resolution (what was done) may be NULL. */
ClRequest  *cl_request_complete     (ClLedger              *ledger,
                                     const char            *reference,
                                     const char            *resolution,
                                     GError               **error);
/* Any open, unpaused status → rejected; the reason is required (the subject must be told). */
ClRequest  *cl_request_reject       (ClLedger              *ledger,
                                     const char            *reference,
                                     const char            *reason,
                                     GError               **error);
ClRequest  *cl_request_add_note     (ClLedger              *ledger,
                                     const char            *reference,
                                     const char            *text,
                                     GError               **error);

/* For the features built on requests (reports, exports, erasure). These two join the
 * caller's transaction when one is open (so "write the report and record it" or "erase and
 * record it" stay one transaction), else run in their own. detail and path go to the request's
 * timeline only (an erasure scrubs them); the audit entry is a fixed text naming the step (and
 * for a file, its format and SHA-256), so action and format must be words chosen by the code. */
gboolean    cl_request_add_step     (ClLedger              *ledger,
                                     const char            *reference,
                                     const char            *action,
                                     const char            *detail,
                                     GError               **error);
/* Records a produced file with its SHA-256 (64 hex digits) and adds a "file" step. */
gboolean    cl_request_add_file     (ClLedger              *ledger,
                                     const char            *reference,
                                     const char            *path,
                                     const char            *format,
                                     const char            *sha256,
                                     GError               **error);

G_END_DECLS
