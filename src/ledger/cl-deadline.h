/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-deadline.h: the legal clocks of data-subject requests and their status machine, as pure
 * functions on GDate (no I/O, no database) so that the law is written once and tested as a
 * table. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CL_JURISDICTION_GDPR,  /* one calendar month, weekends roll to Monday, +2 months once */
  CL_JURISDICTION_CCPA,  /* 45 calendar days, +45 once, receipt confirmed within 10 business days */
} ClJurisdiction;

typedef enum
{
  CL_URGENCY_OK,
  CL_URGENCY_DUE_SOON,   /* due today or within CL_DEADLINE_DUE_SOON_DAYS */
  CL_URGENCY_OVERDUE,    /* the due date has passed */
} ClUrgency;

#define CL_DEADLINE_DUE_SOON_DAYS 7

/* The facts a request's due date is computed from. A plain struct: keep it on the stack.
 *
 * period_end is the last day of the legal period (the first one, or the extension once granted)
 * *before* paused days and the weekend rule are applied; the due date is always derived from it,
 * so that a pause after a weekend roll does not count the weekend twice. Store period_end as the
 * request's extended_until when extended, and paused_days as it is. */
typedef struct
{
  ClJurisdiction jurisdiction;
  GDate          received;
  GDate          period_end;
  guint          paused_days;   /* days the clock stood still in finished pauses */
  gboolean       extended;
} ClDeadline;

const char *cl_jurisdiction_to_string            (ClJurisdiction     jurisdiction);
gboolean    cl_jurisdiction_from_string          (const char        *text,
                                                  ClJurisdiction    *jurisdiction);

void        cl_deadline_init                     (ClDeadline        *self,
                                                  ClJurisdiction     jurisdiction,
                                                  const GDate       *received);
void        cl_deadline_restore                  (ClDeadline        *self,
                                                  ClJurisdiction     jurisdiction,
                                                  const GDate       *received,
                                                  const GDate       *extended_until,
                                                  guint              paused_days);

void        cl_deadline_get_due                  (const ClDeadline  *self,
                                                  GDate             *due);
void        cl_deadline_get_due_while_paused     (const ClDeadline  *self,
                                                  const GDate       *paused_since,
                                                  const GDate       *today,
                                                  GDate             *due);
void        cl_deadline_add_pause                (ClDeadline        *self,
                                                  const GDate       *paused_since,
                                                  const GDate       *resumed_on);

void        cl_deadline_get_extension_limit      (const ClDeadline  *self,
                                                  GDate             *max_due);
gboolean    cl_deadline_can_extend               (const ClDeadline  *self,
                                                  const GDate       *today,
                                                  GError           **error);
gboolean    cl_deadline_extend                   (ClDeadline        *self,
                                                  const GDate       *today,
                                                  const GDate       *until,
                                                  GError           **error);

gboolean    cl_deadline_get_confirmation_due     (const ClDeadline  *self,
                                                  GDate             *confirm_by);

int         cl_deadline_days_left                (const GDate       *due,
                                                  const GDate       *today);
ClUrgency   cl_deadline_urgency                  (const GDate       *due,
                                                  const GDate       *today);

/* Request statuses, as stored in the ledger (cl_request_status_to_string). */
typedef enum
{
  CL_REQUEST_STATUS_RECEIVED,
  CL_REQUEST_STATUS_VERIFYING,
  CL_REQUEST_STATUS_IN_PROGRESS,
  CL_REQUEST_STATUS_PAUSED,
  CL_REQUEST_STATUS_COMPLETED,
  CL_REQUEST_STATUS_REJECTED,
} ClRequestStatus;

const char *cl_request_status_to_string          (ClRequestStatus    status);
gboolean    cl_request_status_from_string        (const char        *text,
                                                  ClRequestStatus   *status);
gboolean    cl_request_status_is_open            (ClRequestStatus    status);
gboolean    cl_request_status_check_transition   (ClRequestStatus    from,
                                                  ClRequestStatus    to,
                                                  ClRequestStatus    paused_from,
                                                  const char        *reason,
                                                  GError           **error);

G_END_DECLS
