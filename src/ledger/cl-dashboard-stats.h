/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-dashboard-stats.h: the numbers behind the Overview page, computed in one go. */
#pragma once

#include <gio/gio.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

#define CL_DASHBOARD_N_METHODS 5
#define CL_DASHBOARD_MAX_WEEKS 26

typedef struct
{
  gint64  week_start_ms;  /* Monday 00:00 UTC */
  guint64 n_events;
} ClWeekCount;

/* The current state of the subjects for one refusable purpose. */
typedef struct
{
  char    *key;
  char    *name;
  guint64  granted;
  guint64  denied;
  guint64  not_asked;
} ClPurposeShare;

typedef struct
{
  gint64   now_ms;
  guint64  n_events;
  guint64  n_subjects;          /* subjects with a current state (at least one event) */
  gint64   first_event_ms;      /* 0 when there are no events */
  gint64   last_event_ms;
  /* Up to CL_DASHBOARD_MAX_WEEKS consecutive weeks ending with the week of the latest event
   * (weeks without events are there, with 0). */
  GArray  *weeks;               /* ClWeekCount */
  GArray  *purposes;            /* ClPurposeShare, refusable purposes in policy order */
  /* How the current states were given, by ClConsentMethod: the split over subjects, not over
   * the log, so that a visitor who clicked "accept all" ten times counts once. */
  guint64  methods[CL_DASHBOARD_N_METHODS];
  guint64  reconsent_policy;
  guint64  reconsent_age;
  char    *significant_version; /* latest significant version in effect, or NULL */
  int      reconsent_age_months;
  /* Data-subject requests, when the ledger has any (has_requests), counted as the Requests
   * page counts them (cl_request_get_urgency): open, overdue, due within 7 days. Their clock
   * is today's date (cl_request_today), not now_ms. */
  gboolean has_requests;
  guint64  requests_open;
  guint64  requests_overdue;
  guint64  requests_due_soon;
} ClDashboardStats;

ClDashboardStats *cl_dashboard_stats_compute (ClLedger          *ledger,
                                              gint64             now_ms,
                                              GCancellable      *cancellable,
                                              GError           **error);
void              cl_dashboard_stats_free    (ClDashboardStats  *self);

/* The method names of the consent log (accept_all, …), by ClConsentMethod value. */
const char       *cl_dashboard_method_key    (guint              method);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClDashboardStats, cl_dashboard_stats_free)

G_END_DECLS
