/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-records-filters.h: the Filters popover of the Consent Records page (purpose and decision,
 * policy version, method, dates, current state only) and the summary of what it filters. */
#pragma once

#include <gtk/gtk.h>

#include "cl-consent-event.h"
#include "cl-event-query.h"

G_BEGIN_DECLS

#define CL_TYPE_RECORDS_FILTERS (cl_records_filters_get_type ())
G_DECLARE_FINAL_TYPE (ClRecordsFilters, cl_records_filters, CL, RECORDS_FILTERS, GtkPopover)

/* The query the popover shows. A change made in the popover activates the page's
 * records.filter-* actions, which change the query, so the popover and the tests take one
 * path; the popover follows every change of the query, whoever made it. */
void          cl_records_filters_set_query    (ClRecordsFilters    *self,
                                               ClEventQuery        *query);
ClEventQuery *cl_records_filters_get_query    (ClRecordsFilters    *self);
/* What the dropdowns offer: the refusable purposes of purposes (ClPurpose; NULL: none) and the
 * policy versions (NULL: none). */
void          cl_records_filters_set_choices  (ClRecordsFilters    *self,
                                               GListModel          *purposes,
                                               const char * const  *policy_versions);
/* "Filters: Advertisement: Denied · policy 3.0 · from 2026-02-01", or "" when the query
 * filters nothing but the subject (the search box shows that). */
const char   *cl_records_filters_get_summary  (ClRecordsFilters    *self);

/* The decision words of the records.filter-purpose action: "granted", "denied", "not-asked". */
const char   *cl_records_filters_decision_to_word   (ClDecision  decision);
gboolean      cl_records_filters_decision_from_word (const char *word,
                                                     ClDecision *decision);

G_END_DECLS
