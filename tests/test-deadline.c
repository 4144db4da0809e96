/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-deadline.c: the legal clocks and the request status machine, as tables of cases. */
#include <stdio.h>
#include <string.h>

#include "cl-deadline.h"
#include "cl-error.h"

static void
parse_date (const char *text,
            GDate      *date)
{
  guint year, month, day;

  g_assert_cmpint (sscanf (text, "%u-%u-%u", &year, &month, &day), ==, 3);
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  g_assert_true (g_date_valid (date));
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  char text[16];

  g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
  g_assert_cmpstr (text, ==, expected);
}

typedef struct
{
  const char *why;
  const char *received;
  const char *due;
} DueCase;

static void
test_gdpr_due (void)
{
  static const DueCase cases[] = {
    { "BRIEF: Wed 3 Sep, 4 Oct is a Saturday", "2025-09-03", "2025-10-06" },
    { "BRIEF: no 31 Feb, 28 Feb is a Saturday", "2026-01-30", "2026-03-02" },
    { "31 Jan → last day of February", "2025-01-30", "2025-02-28" },
    { "31 Jan → 29 Feb in a leap year", "2024-01-30", "2024-02-29" },
    { "29 Jan → 29 Feb in a leap year", "2024-01-28", "2024-02-29" },
    { "29 Jan → 28 Feb in a common year", "2025-01-28", "2025-02-28" },
    { "starting on 29 Feb", "2024-02-28", "2024-03-29" },
    { "received on 29 Feb", "2024-02-29", "2024-04-01" },
    { "across the year end, Sunday → Monday", "2025-12-31", "2026-02-02" },
    { "31 Mar → 30 Apr", "2025-03-30", "2025-04-30" },
    { "received on a Saturday", "2025-09-06", "2025-10-07" },
    { "Sunday → Monday", "2025-09-04", "2025-10-06" },
    { "1 Mar is a Sunday", "2026-01-31", "2026-03-02" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ClDeadline deadline;
      GDate received, due;

      g_test_message ("%s", cases[i].why);
      parse_date (cases[i].received, &received);
      cl_deadline_init (&deadline, CL_JURISDICTION_GDPR, &received);
      cl_deadline_get_due (&deadline, &due);
      assert_date (&due, cases[i].due);
      g_assert_false (cl_deadline_get_confirmation_due (&deadline, &due));
    }
}

typedef struct
{
  const char     *why;
  ClJurisdiction  jurisdiction;
  const char     *received;
  const char     *today;
  const char     *until;       /* NULL: the legal maximum */
  const char     *due;         /* after the extension; NULL when refused */
} ExtendCase;

static void
test_extension (void)
{
  static const ExtendCase cases[] = {
    { "to the maximum, on the due day", CL_JURISDICTION_GDPR, "2025-09-03", "2025-10-06", NULL,
      "2025-12-04" },
    { "early in the first month", CL_JURISDICTION_GDPR, "2025-09-03", "2025-09-04", NULL,
      "2025-12-04" },
    { "after the first month: refused", CL_JURISDICTION_GDPR, "2025-09-03", "2025-10-07", NULL,
      NULL },
    { "asks for less, a Saturday → Monday", CL_JURISDICTION_GDPR, "2025-09-03", "2025-09-20",
      "2025-11-15", "2025-11-17" },
    { "asks for exactly the maximum", CL_JURISDICTION_GDPR, "2025-09-03", "2025-09-20",
      "2025-12-04", "2025-12-04" },
    { "asks for more than the maximum", CL_JURISDICTION_GDPR, "2025-09-03", "2025-09-20",
      "2025-12-05", NULL },
    { "asks for a date before the due date", CL_JURISDICTION_GDPR, "2025-09-03", "2025-09-20",
      "2025-10-01", NULL },
    { "31 Jan + 3 months → 30 Apr", CL_JURISDICTION_GDPR, "2026-01-30", "2026-02-10", NULL,
      "2026-04-30" },
    { "maximum on a Saturday → Monday", CL_JURISDICTION_GDPR, "2025-11-29", "2025-12-01", NULL,
      "2026-03-02" },
    { "CCPA: 45 more days", CL_JURISDICTION_CCPA, "2025-09-03", "2025-10-18", NULL,
      "2025-12-02" },
    { "CCPA: after the first 45 days", CL_JURISDICTION_CCPA, "2025-09-03", "2025-10-19", NULL,
      NULL },
    { "CCPA: asks for less", CL_JURISDICTION_CCPA, "2025-09-03", "2025-09-10", "2025-11-01",
      "2025-11-01" },
    { "CCPA: asks for more", CL_JURISDICTION_CCPA, "2025-09-03", "2025-09-10", "2025-12-03",
      NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      ClDeadline deadline, before;
      GDate received, today, until, due;
      gboolean ok;

      g_test_message ("%s", cases[i].why);
      parse_date (cases[i].received, &received);
      parse_date (cases[i].today, &today);
      if (cases[i].until != NULL)
        parse_date (cases[i].until, &until);
      cl_deadline_init (&deadline, cases[i].jurisdiction, &received);
      before = deadline;

      ok = cl_deadline_extend (&deadline, &today, cases[i].until ? &until : NULL, &error);
      if (cases[i].due == NULL)
        {
          g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED);
          g_assert_false (ok);
          g_assert_false (deadline.extended);
          g_assert_cmpint (g_date_compare (&deadline.period_end, &before.period_end), ==, 0);
          continue;
        }

      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_true (deadline.extended);
      cl_deadline_get_due (&deadline, &due);
      assert_date (&due, cases[i].due);

      /* Once only. */
      g_assert_false (cl_deadline_can_extend (&deadline, &today, &error));
      g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED);
      g_clear_error (&error);
      g_assert_false (cl_deadline_extend (&deadline, &today, NULL, &error));
      g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED);
    }
}

static void
test_ccpa (void)
{
  ClDeadline deadline;
  GDate received, date;

  parse_date ("2025-09-03", &received);
  cl_deadline_init (&deadline, CL_JURISDICTION_CCPA, &received);
  cl_deadline_get_due (&deadline, &date);
  /* 45 calendar days; the CCPA has no weekend rule, so a Saturday stays. */
  assert_date (&date, "2025-10-18");
  cl_deadline_get_extension_limit (&deadline, &date);
  assert_date (&date, "2025-12-02");
  g_assert_true (cl_deadline_get_confirmation_due (&deadline, &date));
  assert_date (&date, "2025-09-17");

  /* Received on a Friday: ten business days skip two weekends. */
  parse_date ("2025-09-05", &received);
  cl_deadline_init (&deadline, CL_JURISDICTION_CCPA, &received);
  g_assert_true (cl_deadline_get_confirmation_due (&deadline, &date));
  assert_date (&date, "2025-09-19");
}

static void
test_pauses (void)
{
  ClDeadline deadline, restored;
  GDate received, from, to, due, today;
  g_autoptr(GError) error = NULL;

  parse_date ("2025-09-03", &received);
  cl_deadline_init (&deadline, CL_JURISDICTION_GDPR, &received);

  /* Two days paused: 4 Oct + 2 = Monday 6 Oct, the weekend is not counted twice. */
  parse_date ("2025-09-10", &from);
  parse_date ("2025-09-12", &to);
  cl_deadline_add_pause (&deadline, &from, &to);
  g_assert_cmpuint (deadline.paused_days, ==, 2);
  cl_deadline_get_due (&deadline, &due);
  assert_date (&due, "2025-10-06");

  /* Three more: 4 Oct + 5 = Thursday 9 Oct. */
  parse_date ("2025-09-15", &from);
  parse_date ("2025-09-18", &to);
  cl_deadline_add_pause (&deadline, &from, &to);
  cl_deadline_get_due (&deadline, &due);
  assert_date (&due, "2025-10-09");

  /* Paused and resumed the same day: nothing. */
  cl_deadline_add_pause (&deadline, &to, &to);
  g_assert_cmpuint (deadline.paused_days, ==, 5);

  /* The gate moves with the pauses: 8 Oct is still inside the first month. */
  cl_deadline_get_extension_limit (&deadline, &due);
  assert_date (&due, "2025-12-09");
  parse_date ("2025-10-08", &today);
  g_assert_true (cl_deadline_can_extend (&deadline, &today, NULL));
  parse_date ("2025-10-10", &today);
  g_assert_false (cl_deadline_can_extend (&deadline, &today, NULL));

  /* Extend to Thursday 20 Nov, then three more days paused: Sunday 23 → Monday 24 Nov. */
  parse_date ("2025-10-08", &today);
  parse_date ("2025-11-20", &to);
  g_assert_true (cl_deadline_extend (&deadline, &today, &to, &error));
  g_assert_no_error (error);
  cl_deadline_get_due (&deadline, &due);
  assert_date (&due, "2025-11-20");

  /* What the ledger stores gives back the same dates. */
  cl_deadline_restore (&restored, CL_JURISDICTION_GDPR, &received, &deadline.period_end,
                       deadline.paused_days);
  g_assert_true (restored.extended);
  cl_deadline_get_due (&restored, &due);
  assert_date (&due, "2025-11-20");

  parse_date ("2025-10-20", &from);
  parse_date ("2025-10-23", &to);
  cl_deadline_add_pause (&deadline, &from, &to);
  cl_deadline_get_due (&deadline, &due);
  assert_date (&due, "2025-11-24");

  /* While paused, the due date moves every day. */
  cl_deadline_init (&deadline, CL_JURISDICTION_GDPR, &received);
  parse_date ("2025-09-10", &from);
  parse_date ("2025-09-20", &today);
  cl_deadline_get_due_while_paused (&deadline, &from, &today, &due);
  assert_date (&due, "2025-10-14");
  g_assert_cmpuint (deadline.paused_days, ==, 0);

  /* CCPA: calendar days. */
  cl_deadline_init (&deadline, CL_JURISDICTION_CCPA, &received);
  parse_date ("2025-09-10", &from);
  parse_date ("2025-09-20", &to);
  cl_deadline_add_pause (&deadline, &from, &to);
  cl_deadline_get_due (&deadline, &due);
  assert_date (&due, "2025-10-28");
}

static void
test_urgency (void)
{
  static const struct { const char *today; int days_left; ClUrgency urgency; } cases[] = {
    { "2025-09-01", 35, CL_URGENCY_OK },
    { "2025-09-28", 8, CL_URGENCY_OK },
    { "2025-09-29", 7, CL_URGENCY_DUE_SOON },
    { "2025-10-06", 0, CL_URGENCY_DUE_SOON },
    { "2025-10-07", -1, CL_URGENCY_OVERDUE },
    { "2026-10-06", -365, CL_URGENCY_OVERDUE },
  };
  GDate due;

  parse_date ("2025-10-06", &due);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate today;

      parse_date (cases[i].today, &today);
      g_assert_cmpint (cl_deadline_days_left (&due, &today), ==, cases[i].days_left);
      g_assert_cmpint (cl_deadline_urgency (&due, &today), ==, cases[i].urgency);
    }
}

static void
test_names (void)
{
  ClJurisdiction jurisdiction;
  ClRequestStatus status;

  for (ClRequestStatus s = CL_REQUEST_STATUS_RECEIVED; s <= CL_REQUEST_STATUS_REJECTED; s++)
    {
      g_assert_true (cl_request_status_from_string (cl_request_status_to_string (s), &status));
      g_assert_cmpint (status, ==, s);
    }
  g_assert_cmpstr (cl_request_status_to_string (CL_REQUEST_STATUS_IN_PROGRESS), ==,
                   "in_progress");
  g_assert_false (cl_request_status_from_string ("done", &status));
  g_assert_false (cl_request_status_from_string (NULL, &status));

  g_assert_true (cl_jurisdiction_from_string ("GDPR", &jurisdiction));
  g_assert_cmpint (jurisdiction, ==, CL_JURISDICTION_GDPR);
  g_assert_true (cl_jurisdiction_from_string ("ccpa", &jurisdiction));
  g_assert_cmpint (jurisdiction, ==, CL_JURISDICTION_CCPA);
  g_assert_cmpstr (cl_jurisdiction_to_string (jurisdiction), ==, "ccpa");
  g_assert_false (cl_jurisdiction_from_string ("lgpd", &jurisdiction));
}

/* Every pair of statuses, from every place a pause can come from: what the machine allows is
 * exactly this list; everything else is refused with a sentence. */
static gboolean
allowed (ClRequestStatus from,
         ClRequestStatus to,
         ClRequestStatus paused_from)
{
  switch (from)
    {
    case CL_REQUEST_STATUS_RECEIVED:
      return to == CL_REQUEST_STATUS_VERIFYING || to == CL_REQUEST_STATUS_PAUSED
             || to == CL_REQUEST_STATUS_REJECTED;
    case CL_REQUEST_STATUS_VERIFYING:
      return to == CL_REQUEST_STATUS_IN_PROGRESS || to == CL_REQUEST_STATUS_PAUSED
             || to == CL_REQUEST_STATUS_REJECTED;
    case CL_REQUEST_STATUS_IN_PROGRESS:
      return to == CL_REQUEST_STATUS_COMPLETED || to == CL_REQUEST_STATUS_PAUSED
             || to == CL_REQUEST_STATUS_REJECTED;
    case CL_REQUEST_STATUS_PAUSED:
      return to == paused_from && (paused_from == CL_REQUEST_STATUS_RECEIVED
                                   || paused_from == CL_REQUEST_STATUS_VERIFYING
                                   || paused_from == CL_REQUEST_STATUS_IN_PROGRESS);
    case CL_REQUEST_STATUS_COMPLETED:
    case CL_REQUEST_STATUS_REJECTED:
    default:
      return FALSE;
    }
}

static void
test_transitions (void)
{
  guint refused = 0;

  for (ClRequestStatus from = 0; from <= CL_REQUEST_STATUS_REJECTED; from++)
    for (ClRequestStatus to = 0; to <= CL_REQUEST_STATUS_REJECTED; to++)
      for (ClRequestStatus paused_from = 0; paused_from <= CL_REQUEST_STATUS_REJECTED;
           paused_from++)
        {
          g_autoptr(GError) error = NULL;
          gboolean ok;

          ok = cl_request_status_check_transition (from, to, paused_from, "Not the data subject",
                                                   &error);
          g_test_message ("%s -> %s (paused from %s): %s", cl_request_status_to_string (from),
                          cl_request_status_to_string (to),
                          cl_request_status_to_string (paused_from),
                          ok ? "allowed" : error->message);
          g_assert_cmpint (ok, ==, allowed (from, to, paused_from));
          if (ok)
            {
              g_assert_no_error (error);
              continue;
            }
          refused++;
          g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED);
          g_assert_true (g_str_has_suffix (error->message, "."));
          g_assert_true (g_ascii_isupper (error->message[0]));
          /* Without a GError it still answers. */
          g_assert_false (cl_request_status_check_transition (from, to, paused_from,
                                                              "Not the data subject", NULL));
        }
  g_assert_cmpuint (refused, >, 150);
}

static void
test_rejection_reason (void)
{
  static const char *const blank[] = { NULL, "", "   ", "\t\n", "\u00a0\u2003" };
  static const ClRequestStatus open[] = {
    CL_REQUEST_STATUS_RECEIVED, CL_REQUEST_STATUS_VERIFYING, CL_REQUEST_STATUS_IN_PROGRESS,
  };

  for (guint i = 0; i < G_N_ELEMENTS (open); i++)
    {
      for (guint j = 0; j < G_N_ELEMENTS (blank); j++)
        {
          g_autoptr(GError) error = NULL;

          g_assert_false (cl_request_status_check_transition (open[i], CL_REQUEST_STATUS_REJECTED,
                                                              CL_REQUEST_STATUS_RECEIVED,
                                                              blank[j], &error));
          g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED);
          g_assert_nonnull (strstr (error->message, "reason"));
        }
      g_assert_true (cl_request_status_check_transition (open[i], CL_REQUEST_STATUS_REJECTED,
                                                         CL_REQUEST_STATUS_RECEIVED,
                                                         "Identity could not be verified", NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ledger/deadline/gdpr-due", test_gdpr_due);
  g_test_add_func ("/ledger/deadline/extension", test_extension);
  g_test_add_func ("/ledger/deadline/ccpa", test_ccpa);
  g_test_add_func ("/ledger/deadline/pauses", test_pauses);
  g_test_add_func ("/ledger/deadline/urgency", test_urgency);
  g_test_add_func ("/ledger/request-status/names", test_names);
  g_test_add_func ("/ledger/request-status/transitions", test_transitions);
  g_test_add_func ("/ledger/request-status/rejection-reason", test_rejection_reason);

  return g_test_run ();
}
