/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reconsent.c: who must consent again, against tests/data/reconsent.jsonl, whose answers
 * are worked out by hand in tests/data/reconsent.md. */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "cl-audit.h"
#include "cl-error.h"
#include "cl-policy.h"
#include "cl-reconsent.h"
#include "cl-test-fill.h"
#include "cl-test-utils.h"
#include "cl-time.h"

static gint64
at (const char *text)
{
  gint64 ms = 0;

  g_assert_true (cl_time_parse_rfc3339 (text, &ms));
  return ms;
}

static void
add_version (ClLedger   *ledger,
             const char *version,
             const char *effective,
             gboolean    significant)
{
  g_autoptr(ClPolicyVersion) added = NULL;
  g_autoptr(GError) error = NULL;
  ClPolicyFields fields = { version, effective, significant, NULL, NULL };

  added = cl_policy_add (ledger, &fields, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
}

static ClLedger *
fixture_ledger (gboolean with_versions)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "reconsent.db", NULL);
  g_autofree char *log = cl_test_data_path ("reconsent.jsonl");
  g_autoptr(GError) error = NULL;
  ClLedger *ledger = cl_ledger_open (path, &error);

  g_assert_no_error (error);
  if (with_versions)
    {
      add_version (ledger, "3.0", "2024-01-01", TRUE);
      add_version (ledger, "3.1", "2024-06-01", FALSE);
      add_version (ledger, "4.0", "2025-03-01", TRUE);
      add_version (ledger, "5.0", "2026-09-01", TRUE);
    }
  cl_test_fill_from_jsonl (ledger, log);
  return ledger;
}

static ClReconsent *
compute (ClLedger   *ledger,
         const char *now)
{
  g_autoptr(GError) error = NULL;
  ClReconsent *reconsent = cl_reconsent_compute (ledger, at (now), CL_RECONSENT_WITH_SUBJECTS,
                                                 NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reconsent);
  return reconsent;
}

static const ClReconsentSubject *
subject_at (const ClReconsent *reconsent,
            guint              index)
{
  g_assert_cmpuint (index, <, reconsent->subjects->len);
  return &g_array_index (reconsent->subjects, ClReconsentSubject, index);
}

static const ClReconsentSubject *
find_subject (const ClReconsent *reconsent,
              const char        *subject)
{
  for (guint i = 0; i < reconsent->subjects->len; i++)
    if (g_strcmp0 (subject_at (reconsent, i)->subject, subject) == 0)
      return subject_at (reconsent, i);
  return NULL;
}

static void
test_policy_and_age (void)
{
  g_autoptr(ClLedger) ledger = fixture_ledger (TRUE);
  g_autoptr(ClReconsent) reconsent = compute (ledger, "2026-06-15T12:00:00Z");
  static const struct { const char *subject, *reason, *last_event, *version; } expected[] = {
    { "c-a", "policy", "2025-02-03T10:00:00Z", "3.1" },
    { "c-g-2", "policy", "2025-02-15T09:00:00Z", "3.1" },
    { "c-d", "policy", "2025-02-20T11:00:00Z", "3.1" },
    { "c-h", "policy", "2025-02-25T10:00:00Z", NULL },
    { "c-e", "age", "2025-03-10T16:00:00Z", "4.0" },
    { "c-b", "age", "2025-04-01T08:30:00Z", "4.0" },
  };

  g_assert_cmpuint (cl_reconsent_get_count (reconsent), ==, 6);
  g_assert_cmpuint (reconsent->n_policy, ==, 4);
  g_assert_cmpuint (reconsent->n_age, ==, 2);
  g_assert_cmpstr (reconsent->significant_version, ==, "4.0");
  g_assert_cmpstr (reconsent->significant_effective, ==, "2025-03-01");
  g_assert_cmpint (reconsent->age_months, ==, 13);
  g_assert_cmpint (reconsent->age_cutoff_ms, ==, at ("2025-05-15T12:00:00Z"));

  g_assert_cmpuint (reconsent->subjects->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const ClReconsentSubject *subject = subject_at (reconsent, i);

      g_assert_cmpstr (subject->subject, ==, expected[i].subject);
      g_assert_cmpstr (cl_reconsent_reason_to_string (subject->reason), ==, expected[i].reason);
      g_assert_cmpint (subject->last_event_ms, ==, at (expected[i].last_event));
      g_assert_cmpstr (subject->policy_version, ==, expected[i].version);
    }

  /* Given under the version in effect and recent: not asked again. */
  g_assert_null (find_subject (reconsent, "c-c"));
  /* No version named, but recorded after 4.0 took effect. */
  g_assert_null (find_subject (reconsent, "c-i"));
}

static void
test_count_only_agrees (void)
{
  g_autoptr(ClLedger) ledger = fixture_ledger (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClReconsent) reconsent = NULL;

  reconsent = cl_reconsent_compute (ledger, at ("2026-06-15T12:00:00Z"), CL_RECONSENT_COUNT_ONLY,
                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_null (reconsent->subjects);
  g_assert_cmpuint (reconsent->n_policy, ==, 4);
  g_assert_cmpuint (reconsent->n_age, ==, 2);
}

static void
test_refusals_included (void)
{
  g_autoptr(ClLedger) ledger = fixture_ledger (TRUE);
  g_autoptr(ClReconsent) reconsent = compute (ledger, "2026-06-15T12:00:00Z");

  /* A reject_all under 3.1 and a withdrawal 15 months old must be renewed too. */
  g_assert_nonnull (find_subject (reconsent, "c-d"));
  g_assert_cmpint (find_subject (reconsent, "c-d")->reason, ==, CL_RECONSENT_REASON_POLICY);
  g_assert_nonnull (find_subject (reconsent, "c-e"));
  g_assert_cmpint (find_subject (reconsent, "c-e")->reason, ==, CL_RECONSENT_REASON_AGE);
}

static void
test_linked_devices_count_once (void)
{
  g_autoptr(ClLedger) ledger = fixture_ledger (TRUE);
  g_autoptr(ClReconsent) reconsent = compute (ledger, "2026-06-15T12:00:00Z");

  /* g@example.se: two devices, both under 3.1; one subject, named by its latest device. */
  g_assert_nonnull (find_subject (reconsent, "c-g-2"));
  g_assert_null (find_subject (reconsent, "c-g-1"));
  /* f@example.se: the laptop consented under 3.1, but the phone since under 4.0, and the
   * person's current state is the phone's. */
  g_assert_null (find_subject (reconsent, "c-f-laptop"));
  g_assert_null (find_subject (reconsent, "c-f-phone"));
}

static void
test_future_version_not_yet (void)
{
  g_autoptr(ClLedger) ledger = fixture_ledger (TRUE);
  g_autoptr(ClReconsent) before = compute (ledger, "2026-08-31T23:59:59Z");
  g_autoptr(ClReconsent) after = compute (ledger, "2026-09-01T00:00:00Z");

  g_assert_cmpstr (before->significant_version, ==, "4.0");
  g_assert_cmpstr (after->significant_version, ==, "5.0");
  /* From the day 5.0 takes effect everyone consented under an older text. */
  g_assert_cmpuint (after->n_policy, ==, 9);
  g_assert_cmpuint (after->n_age, ==, 0);
}

static void
test_no_significant_version (void)
{
  g_autoptr(ClLedger) ledger = fixture_ledger (FALSE);
  g_autoptr(ClReconsent) reconsent = compute (ledger, "2026-06-15T12:00:00Z");

  /* Versions the import registers from the log are not significant: only age counts. Latest
   * events before 2025-05-15T12:00Z: c-a, c-g-2, c-d, c-h, c-e, c-b. */
  g_assert_null (reconsent->significant_version);
  g_assert_cmpuint (reconsent->n_policy, ==, 0);
  g_assert_cmpuint (reconsent->n_age, ==, 6);
}

static void
test_age_setting (void)
{
  g_autoptr(ClLedger) ledger = fixture_ledger (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClReconsent) reconsent = NULL;
  guint n_before = 0, n_after = 0;

  g_assert_true (cl_audit_verify (ledger, &n_before, &error));
  g_assert_false (cl_reconsent_set_age_months (ledger, 0, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (cl_reconsent_set_age_months (ledger, 61, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  g_assert_true (cl_reconsent_set_age_months (ledger, 24, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_reconsent_get_age_months (ledger), ==, 24);
  g_assert_true (cl_audit_verify (ledger, &n_after, &error));
  g_assert_cmpuint (n_after, ==, n_before + 1);

  /* 24 months before 2026-06-15: nobody's latest event is that old. */
  reconsent = compute (ledger, "2026-06-15T12:00:00Z");
  g_assert_cmpuint (reconsent->n_age, ==, 0);
  g_assert_cmpuint (reconsent->n_policy, ==, 4);
}

static void
test_month_end_cutoff (void)
{
  g_autoptr(ClLedger) ledger = fixture_ledger (FALSE);
  g_autoptr(ClReconsent) reconsent = compute (ledger, "2026-03-31T00:00:00Z");

  /* 13 calendar months before 31 March 2026 is 28 February 2025. */
  g_assert_cmpint (reconsent->age_cutoff_ms, ==, at ("2025-02-28T00:00:00Z"));
}

static void
test_export_csv (void)
{
  g_autoptr(ClLedger) ledger = fixture_ledger (TRUE);
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "reconsent.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint64 n_subjects = 0, n_rows = 0;
  struct stat info;

  g_assert_true (cl_reconsent_export_csv (ledger, at ("2026-06-15T12:00:00Z"), path, &n_subjects,
                                          &n_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_subjects, ==, 6);
  g_assert_cmpuint (n_rows, ==, 7);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==,
                   "consent_id,subject,reason,last_event,policy_version\r\n"
                   "c-a,c-a,policy,2025-02-03T10:00:00Z,3.1\r\n"
                   "c-g-1,c-g-2,policy,2025-02-15T09:00:00Z,3.1\r\n"
                   "c-g-2,c-g-2,policy,2025-02-15T09:00:00Z,3.1\r\n"
                   "c-d,c-d,policy,2025-02-20T11:00:00Z,3.1\r\n"
                   "c-h,c-h,policy,2025-02-25T10:00:00Z,\r\n"
                   "c-e,c-e,age,2025-03-10T16:00:00Z,4.0\r\n"
                   "c-b,c-b,age,2025-04-01T08:30:00Z,4.0\r\n");
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
}

static void
test_cancelled (void)
{
  g_autoptr(ClLedger) ledger = fixture_ledger (TRUE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClReconsent) reconsent = NULL;

  g_cancellable_cancel (cancellable);
  reconsent = cl_reconsent_compute (ledger, at ("2026-06-15T12:00:00Z"),
                                    CL_RECONSENT_WITH_SUBJECTS, cancellable, &error);
  /* A query this small may finish before SQLite looks at the cancellable; either way the
   * caller gets a clear answer, and a cancelled one says so. */
  if (reconsent == NULL)
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  else
    g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ledger/reconsent/policy-and-age", test_policy_and_age);
  g_test_add_func ("/ledger/reconsent/count-only", test_count_only_agrees);
  g_test_add_func ("/ledger/reconsent/refusals", test_refusals_included);
  g_test_add_func ("/ledger/reconsent/linked-devices", test_linked_devices_count_once);
  g_test_add_func ("/ledger/reconsent/future-version", test_future_version_not_yet);
  g_test_add_func ("/ledger/reconsent/no-significant-version", test_no_significant_version);
  g_test_add_func ("/ledger/reconsent/age-setting", test_age_setting);
  g_test_add_func ("/ledger/reconsent/month-end", test_month_end_cutoff);
  g_test_add_func ("/ledger/reconsent/export-csv", test_export_csv);
  g_test_add_func ("/ledger/reconsent/cancelled", test_cancelled);

  return g_test_run ();
}
