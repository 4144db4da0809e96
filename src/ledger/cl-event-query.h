/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-event-query.h: which consent events to show and in what order; the one place that turns
 * the records filters into SQL, for consentctl records and the window's list alike. */
#pragma once

#include <gio/gio.h>

#include "cl-consent-event.h"
#include "cl-ledger.h"

G_BEGIN_DECLS

typedef enum
{
  CL_EVENT_SORT_TIME,
  CL_EVENT_SORT_SUBJECT,
  CL_EVENT_SORT_POLICY,
  CL_EVENT_SORT_METHOD,
  CL_EVENT_SORT_PURPOSE,   /* by the decision on the sort purpose: not asked, denied, granted */
  CL_EVENT_SORT_COUNTRY,
  CL_EVENT_SORT_URL,
} ClEventSort;

/* No bound on that side of the time range. */
#define CL_EVENT_QUERY_NO_SINCE G_MININT64
#define CL_EVENT_QUERY_NO_UNTIL G_MAXINT64

#define CL_TYPE_EVENT_QUERY (cl_event_query_get_type ())
G_DECLARE_FINAL_TYPE (ClEventQuery, cl_event_query, CL, EVENT_QUERY, GObject)

/* A new query matches every event, newest first. Each change emits ::changed once (changes
 * made between g_object_freeze_notify() and thaw emit it once in all). */
ClEventQuery *cl_event_query_new            (void);
ClEventQuery *cl_event_query_copy           (ClEventQuery  *self);

/* Any identifier of a subject (consent id, e-mail, account) or an event_id: all of that
 * subject's events. NULL or "" for every subject. */
void          cl_event_query_set_subject    (ClEventQuery  *self,
                                             const char    *subject);
const char   *cl_event_query_get_subject    (ClEventQuery  *self);
/* Events whose decision on purpose_key (NULL: no purpose filter) is decision. */
void          cl_event_query_set_purpose    (ClEventQuery  *self,
                                             const char    *purpose_key,
                                             ClDecision     decision);
const char   *cl_event_query_get_purpose    (ClEventQuery  *self);
ClDecision    cl_event_query_get_decision   (ClEventQuery  *self);
/* A policy version label such as "3.1"; NULL for every version. */
void          cl_event_query_set_policy     (ClEventQuery  *self,
                                             const char    *version);
const char   *cl_event_query_get_policy     (ClEventQuery  *self);
/* events.method (0 accept_all … 4 gpc), or -1 for every method. */
void          cl_event_query_set_method     (ClEventQuery  *self,
                                             int            method);
int           cl_event_query_get_method     (ClEventQuery  *self);
/* Unix ms, since inclusive and until exclusive; CL_EVENT_QUERY_NO_SINCE/NO_UNTIL: open. */
void          cl_event_query_set_since      (ClEventQuery  *self,
                                             gint64         since_ms);
gint64        cl_event_query_get_since      (ClEventQuery  *self);
void          cl_event_query_set_until      (ClEventQuery  *self,
                                             gint64         until_ms);
gint64        cl_event_query_get_until      (ClEventQuery  *self);
/* Only each subject's latest event (its current state). */
void          cl_event_query_set_current_only (ClEventQuery *self,
                                               gboolean      current_only);
gboolean      cl_event_query_get_current_only (ClEventQuery *self);
/* sort_purpose is the purpose key for CL_EVENT_SORT_PURPOSE, else ignored. */
void          cl_event_query_set_sort       (ClEventQuery  *self,
                                             ClEventSort    column,
                                             const char    *sort_purpose,
                                             gboolean       descending);
ClEventSort   cl_event_query_get_sort       (ClEventQuery  *self);
gboolean      cl_event_query_get_descending (ClEventQuery  *self);
/* TRUE when anything narrows the events (sorting does not). */
gboolean      cl_event_query_is_filtered    (ClEventQuery  *self);

/* Dates as typed by people: YYYY-MM-DD (a whole UTC day: since takes its start, until its
 * end) or an RFC 3339 time. Sets INVALID_INPUT naming the value otherwise. */
gboolean      cl_event_query_parse_since    (const char    *text,
                                             gint64        *out_ms,
                                             GError       **error);
gboolean      cl_event_query_parse_until    (const char    *text,
                                             gint64        *out_ms,
                                             GError       **error);

/* Running it. An unknown purpose key or policy version is NOT_FOUND, with the known ones. */
gboolean      cl_event_query_count          (ClEventQuery  *self,
                                             ClLedger      *ledger,
                                             guint64       *out_count,
                                             GError       **error);
/* The matching events in order; limit 0 = all. An array of ClConsentEvent. */
GPtrArray    *cl_event_query_list           (ClEventQuery  *self,
                                             ClLedger      *ledger,
                                             guint          limit,
                                             GError       **error);
/* Calls func for each matching event in order, at most limit (0 = all) of them, without
 * holding them all in memory; func returns FALSE (and sets error) to stop with an error. */
typedef gboolean (*ClEventQueryFunc) (ClConsentEvent  *event,
                                      gpointer         user_data,
                                      GError         **error);
gboolean      cl_event_query_foreach        (ClEventQuery     *self,
                                             ClLedger         *ledger,
                                             guint             limit,
                                             ClEventQueryFunc  func,
                                             gpointer          user_data,
                                             GError          **error);
/* The matching row ids in order (gint64), at most limit of them (0: all), for the list
 * model's snapshot; stops with G_IO_ERROR_CANCELLED soon after cancellable is triggered. */
GArray       *cl_event_query_collect_ids    (ClEventQuery  *self,
                                             ClLedger      *ledger,
                                             guint          limit,
                                             GCancellable  *cancellable,
                                             GError       **error);

/* The policy versions events can be filtered by, oldest first (NULL-terminated). */
char        **cl_event_query_list_policy_versions (ClLedger  *ledger,
                                                   GError   **error);

/* The SQL for debugging and the tests (EXPLAIN QUERY PLAN). */
char         *cl_event_query_to_sql         (ClEventQuery  *self);

G_END_DECLS
