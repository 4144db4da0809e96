/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-deadline.c: GDPR and CCPA response deadlines and the request status machine (BRIEF §2). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-deadline.h"
#include "cl-error.h"

#define CCPA_PERIOD_DAYS        45
#define CCPA_EXTENSION_DAYS     45
#define CCPA_CONFIRMATION_DAYS  10  /* business days */
#define GDPR_PERIOD_MONTHS      1
#define GDPR_EXTENSION_MONTHS   2

static const char * const jurisdiction_names[] = { "gdpr", "ccpa" };
static const char * const status_names[] = {
  "received", "verifying", "in_progress", "paused", "completed", "rejected",
};
/* The same, as words in a sentence (“The request is already %s.”); see status_word(). */
#define STATUS_WORD_CONTEXT "request status in a sentence"
static const char * const status_words[] = {
  NC_("request status in a sentence", "received"),
  NC_("request status in a sentence", "being verified"),
  NC_("request status in a sentence", "in progress"),
  NC_("request status in a sentence", "paused"),
  NC_("request status in a sentence", "completed"),
  NC_("request status in a sentence", "rejected"),
};

/* Translated only when a transition is refused. */
static const char *
status_word (ClRequestStatus status)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, STATUS_WORD_CONTEXT, status_words[status]);
}

const char *
cl_jurisdiction_to_string (ClJurisdiction jurisdiction)
{
  g_return_val_if_fail (jurisdiction <= CL_JURISDICTION_CCPA, NULL);

  return jurisdiction_names[jurisdiction];
}

gboolean
cl_jurisdiction_from_string (const char     *text,
                             ClJurisdiction *jurisdiction)
{
  g_return_val_if_fail (jurisdiction != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (jurisdiction_names); i++)
    {
      if (g_ascii_strcasecmp (text, jurisdiction_names[i]) == 0)
        {
          *jurisdiction = (ClJurisdiction) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* GDPR: a Saturday or Sunday moves to the next Monday. */
static void
roll_weekend (GDate *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  if (weekday == G_DATE_SATURDAY)
    g_date_add_days (date, 2);
  else if (weekday == G_DATE_SUNDAY)
    g_date_add_days (date, 1);
}

/* The end of a period of @months months (GDPR) or @days days (CCPA) from receipt, before pauses
 * and the weekend rule. GDPR counts from the day after receipt to the same date @months later;
 * g_date_add_months() gives the month's last day where that date does not exist. Counting from
 * the anchor each time (rather than adding to a previous end) keeps 31 Jan + 3 months at 30 Apr. */
static void
period_end (ClJurisdiction  jurisdiction,
            const GDate    *received,
            guint           months,
            guint           days,
            GDate          *end)
{
  *end = *received;
  if (jurisdiction == CL_JURISDICTION_GDPR)
    {
      g_date_add_days (end, 1);
      g_date_add_months (end, months);
    }
  else
    {
      g_date_add_days (end, days);
    }
}

static void
due_from_period_end (ClJurisdiction  jurisdiction,
                     const GDate    *end,
                     guint           paused_days,
                     GDate          *due)
{
  *due = *end;
  g_date_add_days (due, paused_days);
  /* The CCPA counts calendar days and has no weekend rule: the earlier date is the safe one. */
  if (jurisdiction == CL_JURISDICTION_GDPR)
    roll_weekend (due);
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

void
cl_deadline_init (ClDeadline     *self,
                  ClJurisdiction  jurisdiction,
                  const GDate    *received)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (jurisdiction <= CL_JURISDICTION_CCPA);
  g_return_if_fail (received != NULL && g_date_valid (received));

  self->jurisdiction = jurisdiction;
  self->received = *received;
  self->paused_days = 0;
  self->extended = FALSE;
  period_end (jurisdiction, received, GDPR_PERIOD_MONTHS, CCPA_PERIOD_DAYS, &self->period_end);
}

/* @extended_until: the period_end stored when the request was extended, or NULL / invalid. */
void
cl_deadline_restore (ClDeadline     *self,
                     ClJurisdiction  jurisdiction,
                     const GDate    *received,
                     const GDate    *extended_until,
                     guint           paused_days)
{
  g_return_if_fail (self != NULL);

  cl_deadline_init (self, jurisdiction, received);
  self->paused_days = paused_days;
  if (extended_until != NULL && g_date_valid (extended_until))
    {
      self->period_end = *extended_until;
      self->extended = TRUE;
    }
}

void
cl_deadline_get_due (const ClDeadline *self,
                     GDate            *due)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (due != NULL);

  due_from_period_end (self->jurisdiction, &self->period_end, self->paused_days, due);
}

/* While paused the clock stands still: every day since @paused_since moves the due date. */
void
cl_deadline_get_due_while_paused (const ClDeadline *self,
                                  const GDate      *paused_since,
                                  const GDate      *today,
                                  GDate            *due)
{
  ClDeadline paused;

  g_return_if_fail (self != NULL);
  g_return_if_fail (paused_since != NULL && g_date_valid (paused_since));
  g_return_if_fail (today != NULL && g_date_valid (today));

  paused = *self;
  cl_deadline_add_pause (&paused, paused_since, today);
  cl_deadline_get_due (&paused, due);
}

/* A pause from @paused_since until @resumed_on adds the days between them (0 the same day). */
void
cl_deadline_add_pause (ClDeadline  *self,
                       const GDate *paused_since,
                       const GDate *resumed_on)
{
  int days;

  g_return_if_fail (self != NULL);
  g_return_if_fail (paused_since != NULL && g_date_valid (paused_since));
  g_return_if_fail (resumed_on != NULL && g_date_valid (resumed_on));

  days = g_date_days_between (paused_since, resumed_on);
  if (days > 0)
    self->paused_days += (guint) days;
}

/* The latest due date an extension may give: two more months (GDPR) or 45 more days (CCPA),
 * counted from receipt like the first period, plus the days paused so far. */
void
cl_deadline_get_extension_limit (const ClDeadline *self,
                                 GDate            *max_due)
{
  GDate end;

  g_return_if_fail (self != NULL);
  g_return_if_fail (max_due != NULL);

  period_end (self->jurisdiction, &self->received, GDPR_PERIOD_MONTHS + GDPR_EXTENSION_MONTHS,
              CCPA_PERIOD_DAYS + CCPA_EXTENSION_DAYS, &end);
  due_from_period_end (self->jurisdiction, &end, self->paused_days, max_due);
}

gboolean
cl_deadline_can_extend (const ClDeadline  *self,
                        const GDate       *today,
                        GError           **error)
{
  GDate due;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (self->extended)
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                           _("The request has already been extended; the law allows one "
                             "extension only."));
      return FALSE;
    }

  /* The subject must be told of the extension within the first period (GDPR Art. 12(3),
   * CCPA §1798.130(a)(2)). */
  cl_deadline_get_due (self, &due);
  if (g_date_compare (today, &due) > 0)
    {
      g_autofree char *due_text = format_date (&due);

      if (self->jurisdiction == CL_JURISDICTION_GDPR)
        g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                     _("The first month ended on %s; an extension had to be notified to the "
                       "subject before then and can no longer be granted."), due_text);
      else
        g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                     _("The first 45 days ended on %s; an extension had to be notified to the "
                       "subject before then and can no longer be granted."), due_text);
      return FALSE;
    }

  return TRUE;
}

/* Extends to @until, or to the legal maximum when @until is NULL. @until may ask for less than
 * the maximum, never more, and never a date before the current due date. */
gboolean
cl_deadline_extend (ClDeadline   *self,
                    const GDate  *today,
                    const GDate  *until,
                    GError      **error)
{
  GDate due;
  GDate max_due;
  GDate target;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (until == NULL || g_date_valid (until), FALSE);

  if (!cl_deadline_can_extend (self, today, error))
    return FALSE;

  cl_deadline_get_due (self, &due);
  cl_deadline_get_extension_limit (self, &max_due);
  target = until != NULL ? *until : max_due;

  if (g_date_compare (&target, &due) < 0)
    {
      g_autofree char *target_text = format_date (&target);
      g_autofree char *due_text = format_date (&due);

      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                   _("The extension date %s is before the current due date %s."),
                   target_text, due_text);
      return FALSE;
    }

  if (g_date_compare (&target, &max_due) > 0)
    {
      g_autofree char *target_text = format_date (&target);
      g_autofree char *max_text = format_date (&max_due);

      if (self->jurisdiction == CL_JURISDICTION_GDPR)
        g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                     _("The extension date %s is later than the law allows; the latest is %s "
                       "(two more months)."), target_text, max_text);
      else
        g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                     _("The extension date %s is later than the law allows; the latest is %s "
                       "(45 more days)."), target_text, max_text);
      return FALSE;
    }

  /* Keep the period end free of the days already paused, so they are not counted twice;
   * target ≥ due ≥ period_end + paused_days, so this cannot go below the first period. */
  g_date_subtract_days (&target, self->paused_days);
  self->period_end = target;
  self->extended = TRUE;

  return TRUE;
}

/* CCPA: receipt is confirmed within 10 business days (Monday to Friday; holidays are not known
 * here, so the date is never later than the law's). FALSE for a GDPR request, which has no
 * such step. */
gboolean
cl_deadline_get_confirmation_due (const ClDeadline *self,
                                  GDate            *confirm_by)
{
  guint business_days = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (confirm_by != NULL, FALSE);

  if (self->jurisdiction != CL_JURISDICTION_CCPA)
    return FALSE;

  *confirm_by = self->received;
  while (business_days < CCPA_CONFIRMATION_DAYS)
    {
      GDateWeekday weekday;

      g_date_add_days (confirm_by, 1);
      weekday = g_date_get_weekday (confirm_by);
      if (weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY)
        business_days++;
    }

  return TRUE;
}

/* Days from @today to @due: 0 on the due date, negative when overdue. */
int
cl_deadline_days_left (const GDate *due,
                       const GDate *today)
{
  g_return_val_if_fail (due != NULL && g_date_valid (due), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  return g_date_days_between (today, due);
}

ClUrgency
cl_deadline_urgency (const GDate *due,
                     const GDate *today)
{
  int days_left = cl_deadline_days_left (due, today);

  if (days_left < 0)
    return CL_URGENCY_OVERDUE;
  if (days_left <= CL_DEADLINE_DUE_SOON_DAYS)
    return CL_URGENCY_DUE_SOON;
  return CL_URGENCY_OK;
}

const char *
cl_request_status_to_string (ClRequestStatus status)
{
  g_return_val_if_fail (status <= CL_REQUEST_STATUS_REJECTED, NULL);

  return status_names[status];
}

gboolean
cl_request_status_from_string (const char      *text,
                               ClRequestStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (status_names); i++)
    {
      if (strcmp (text, status_names[i]) == 0)
        {
          *status = (ClRequestStatus) i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
cl_request_status_is_open (ClRequestStatus status)
{
  return status != CL_REQUEST_STATUS_COMPLETED && status != CL_REQUEST_STATUS_REJECTED;
}

static gboolean
is_blank (const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
refuse (GError     **error,
        const char  *format,
        ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse (GError     **error,
        const char  *format,
        ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;

  va_start (args, format);
  *error = g_error_new_valist (CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED, format, args);
  va_end (args);

  return FALSE;
}

/* received → verifying → in_progress → completed; rejected (with a reason) from any open status
 * that is not paused, since an unverifiable identity is the usual reason to reject; paused from
 * received, verifying or in_progress, and back to exactly where it was (@paused_from). */
gboolean
cl_request_status_check_transition (ClRequestStatus   from,
                                    ClRequestStatus   to,
                                    ClRequestStatus   paused_from,
                                    const char       *reason,
                                    GError          **error)
{
  g_return_val_if_fail (from <= CL_REQUEST_STATUS_REJECTED, FALSE);
  g_return_val_if_fail (to <= CL_REQUEST_STATUS_REJECTED, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!cl_request_status_is_open (from))
    /* Translators: %s is a request status as a word in a sentence (“completed”, “being
     * verified” …), translated with the context “request status in a sentence”. */
    return refuse (error, _("The request is already %s; a closed request cannot change."),
                   status_word (from));

  if (from == to)
    return refuse (error, _("The request is already %s."), status_word (from));

  if (from == CL_REQUEST_STATUS_PAUSED)
    {
      if (paused_from != CL_REQUEST_STATUS_RECEIVED
          && paused_from != CL_REQUEST_STATUS_VERIFYING
          && paused_from != CL_REQUEST_STATUS_IN_PROGRESS)
        return refuse (error, _("The request is paused but it is not known where it was paused "
                                "from, so it cannot resume."));
      if (to != paused_from)
        return refuse (error, _("A paused request resumes where it was (%s); it cannot become %s "
                                "directly."),
                       status_word (paused_from), status_word (to));
      return TRUE;
    }

  switch (to)
    {
    case CL_REQUEST_STATUS_RECEIVED:
      return refuse (error, _("A request that is %s cannot go back to received."),
                     status_word (from));

    case CL_REQUEST_STATUS_VERIFYING:
      if (from != CL_REQUEST_STATUS_RECEIVED)
        return refuse (error,
                       _("Identity verification cannot start again once the request is %s."),
                       status_word (from));
      return TRUE;

    case CL_REQUEST_STATUS_IN_PROGRESS:
      if (from != CL_REQUEST_STATUS_VERIFYING)
        return refuse (error, _("The subject’s identity must be verified before work on the "
                                "request starts."));
      return TRUE;

    case CL_REQUEST_STATUS_PAUSED:
      return TRUE;

    case CL_REQUEST_STATUS_COMPLETED:
      if (from != CL_REQUEST_STATUS_IN_PROGRESS)
        return refuse (error, _("Only a request in progress can be completed; this one is %s."),
                       status_word (from));
      return TRUE;

    case CL_REQUEST_STATUS_REJECTED:
      if (is_blank (reason))
        return refuse (error, _("A rejection needs a reason, which the subject must be told."));
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}
