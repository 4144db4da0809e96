/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-policies-window.c: the Policies and Overview pages on tests/data/reconsent.jsonl, driven
 * through their actions: adding a significant version changes who must consent again. */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "cl-overview-page.h"
#include "cl-policies-page.h"
#include "cl-policy-dialog.h"
#include "cl-purpose-dialog.h"
#include "cl-purpose.h"
#include "cl-reconsent.h"
#include "cl-test-fill.h"
#include "cl-test-utils.h"
#include "cl-window.h"
#include "cl-test-window.h"

static gboolean
on_timeout (gpointer user_data)
{
  g_error ("the worker thread did not finish in time");
  return G_SOURCE_REMOVE;
}

/* Until the worker threads of both pages are done. */
static void
wait_for_pages (ClWindow *window)
{
  ClPoliciesPage *policies = CL_POLICIES_PAGE (cl_test_find_widget (GTK_WIDGET (window),
                                                                CL_TYPE_POLICIES_PAGE));
  ClOverviewPage *overview = CL_OVERVIEW_PAGE (cl_test_find_widget (GTK_WIDGET (window),
                                                                CL_TYPE_OVERVIEW_PAGE));
  guint timeout = g_timeout_add_seconds (60, on_timeout, NULL);

  cl_test_drain_main_loop ();
  while (cl_policies_page_get_busy (policies) || cl_overview_page_get_busy (overview))
    g_main_context_iteration (NULL, TRUE);
  cl_test_drain_main_loop ();
  g_source_remove (timeout);
}

/* The fixture with 3.0 (significant), 3.1 and 4.0 (significant); a re-consent age of five
 * years (the longest allowed), so that only the policy reason applies until 2030: c-a, c-g-2,
 * c-d and c-h. */
static ClWindow *
window_on_fixture (char **out_dir)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "window.db", NULL);
  g_autofree char *log = cl_test_data_path ("reconsent.jsonl");
  g_autoptr(GError) error = NULL;
  ClWindow *window;

  {
    g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);
    static const struct { const char *version, *effective; gboolean significant; } versions[] = {
      { "3.0", "2024-01-01", TRUE },
      { "3.1", "2024-06-01", FALSE },
      { "4.0", "2025-03-01", TRUE },
    };

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
      {
        ClPolicyFields fields = { versions[i].version, versions[i].effective,
                                  versions[i].significant, NULL, NULL };
        g_autoptr(ClPolicyVersion) added = cl_policy_add (ledger, &fields, &error);
        g_assert_no_error (error);
      }
    g_assert_true (cl_reconsent_set_age_months (ledger, 60, &error));
    cl_test_fill_from_jsonl (ledger, log);
  }

  window = cl_window_new (NULL);
  g_assert_true (cl_window_open_path (window, path, FALSE));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_pages (window);
  if (out_dir != NULL)
    *out_dir = g_steal_pointer (&dir);
  return window;
}

static void
close_window (ClWindow *window)
{
  wait_for_pages (window);
  cl_test_close_window (GTK_WINDOW (window));
}

static ClPoliciesPage *
show_policies (ClWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "policies"));
  wait_for_pages (window);
  return CL_POLICIES_PAGE (cl_test_find_widget (GTK_WIDGET (window), CL_TYPE_POLICIES_PAGE));
}

static char *
today_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* An age typed in but not saved yet survives a reload, and is saved, not overwritten. */
static void
test_age_edit_survives_reload (void)
{
  ClWindow *window = window_on_fixture (NULL);
  ClPoliciesPage *page = show_policies (window);
  GtkSpinButton *spin = GTK_SPIN_BUTTON (cl_test_find_widget (GTK_WIDGET (page),
                                                          GTK_TYPE_SPIN_BUTTON));

  gtk_spin_button_set_value (spin, 24);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "policies.refresh", NULL));
  wait_for_pages (window);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 24);
  g_assert_cmpint (cl_reconsent_get_age_months (cl_policies_page_get_ledger (page)), ==, 24);
  close_window (window);
}

static void
test_add_significant_version (void)
{
  ClWindow *window = window_on_fixture (NULL);
  ClPoliciesPage *page = show_policies (window);
  g_autofree char *today = today_utc ();
  ClPolicyDialog *dialog;

  g_assert_cmpint (cl_policies_page_get_reconsent_count (page), ==, 4);
  g_assert_cmpstr (cl_policies_page_get_reconsent_text (page), ==, "4");
  g_assert_cmpuint (cl_policies_page_get_n_versions (page), ==, 3);

  /* A significant version that takes effect today: everyone consented under an older text. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "policies.add", NULL));
  dialog = CL_POLICY_DIALOG (cl_policies_page_get_dialog (page));
  g_assert_nonnull (dialog);
  cl_policy_dialog_fill (dialog, "6.0", today, TRUE, "New vendors for advertising", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "policy.save", NULL));
  wait_for_pages (window);

  g_assert_null (cl_policies_page_get_dialog (page));
  g_assert_cmpuint (cl_policies_page_get_n_versions (page), ==, 4);
  g_assert_cmpint (cl_policies_page_get_reconsent_count (page), ==, 9);
  g_assert_cmpstr (cl_policies_page_get_reconsent_text (page), ==, "9");
  close_window (window);
}

static void
test_dialog_shows_refusal (void)
{
  ClWindow *window = window_on_fixture (NULL);
  ClPoliciesPage *page = show_policies (window);
  ClPolicyDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "policies.add", NULL));
  dialog = CL_POLICY_DIALOG (cl_policies_page_get_dialog (page));
  cl_policy_dialog_fill (dialog, "3.1", "2026-02-30", FALSE, NULL, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "policy.save", NULL));
  cl_test_drain_main_loop ();
  /* Still open, with the library's sentence, and nothing was written. */
  g_assert_true (cl_policies_page_get_dialog (page) == GTK_WINDOW (dialog));
  g_assert_nonnull (strstr (cl_policy_dialog_get_error (dialog), "“2026-02-30” is not a date"));

  cl_policy_dialog_fill (dialog, "3.1", "2026-02-28", FALSE, NULL, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "policy.save", NULL));
  cl_test_drain_main_loop ();
  g_assert_nonnull (strstr (cl_policy_dialog_get_error (dialog), "already exists"));
  g_assert_cmpuint (cl_policies_page_get_n_versions (page), ==, 3);

  gtk_window_close (GTK_WINDOW (dialog));
  cl_test_drain_main_loop ();
  g_assert_null (cl_policies_page_get_dialog (page));
  close_window (window);
}

static void
test_edit_purpose (void)
{
  ClWindow *window = window_on_fixture (NULL);
  ClPoliciesPage *page = show_policies (window);
  g_autoptr(ClPurpose) purpose = NULL;
  ClPurposeDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "policies.edit-purpose", "s",
                                             "measurement"));
  dialog = CL_PURPOSE_DIALOG (cl_policies_page_get_dialog (page));
  g_assert_nonnull (dialog);
  cl_purpose_dialog_set_name (dialog, "  ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "purpose.save", NULL));
  cl_test_drain_main_loop ();
  g_assert_nonnull (strstr (cl_purpose_dialog_get_error (dialog), "give the purpose a name"));

  cl_purpose_dialog_set_name (dialog, "Statistics");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "purpose.save", NULL));
  wait_for_pages (window);
  g_assert_null (cl_policies_page_get_dialog (page));

  purpose = cl_purpose_lookup (cl_window_get_ledger (window), "measurement", NULL);
  g_assert_cmpstr (cl_purpose_get_name (purpose), ==, "Statistics");
  close_window (window);
}

static void
test_export_reconsent (void)
{
  g_autofree char *dir = NULL;
  ClWindow *window = window_on_fixture (&dir);
  ClPoliciesPage *page = show_policies (window);
  g_autofree char *path = g_build_filename (dir, "reconsent.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "policies.export-reconsent-to",
                                             "s", path));
  g_assert_true (cl_policies_page_get_busy (page));
  wait_for_pages (window);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  /* The header, c-a, c-g-1 and c-g-2 (one person), c-d, c-h, and the empty end. */
  g_assert_cmpuint (g_strv_length (lines), ==, 7);
  g_assert_cmpstr (lines[0], ==, "consent_id,subject,reason,last_event,policy_version");
  g_assert_nonnull (strstr (cl_policies_page_get_last_message (page), "Saved 4 subjects"));
  close_window (window);
}

static void
test_overview_counts (void)
{
  ClWindow *window = window_on_fixture (NULL);
  ClOverviewPage *page = CL_OVERVIEW_PAGE (cl_test_find_widget (GTK_WIDGET (window),
                                                            CL_TYPE_OVERVIEW_PAGE));
  const ClDashboardStats *stats;

  g_assert_cmpstr (cl_window_get_page (window), ==, "overview");
  stats = cl_overview_page_get_stats (page);
  g_assert_nonnull (stats);
  g_assert_cmpuint (stats->n_events, ==, 14);
  g_assert_cmpstr (cl_overview_page_get_card_text (page, "subjects"), ==, "9");
  g_assert_cmpstr (cl_overview_page_get_card_text (page, "events"), ==, "14");
  g_assert_cmpstr (cl_overview_page_get_card_text (page, "reconsent"), ==, "4");
  g_assert_nonnull (strstr (cl_overview_page_get_card_text (page, "reconsent-caption"),
                            "4 under versions before 4.0"));
  g_assert_cmpstr (cl_overview_page_get_card_text (page, "requests"), ==, "0");
  /* Each chart says in words what it shows. */
  g_assert_nonnull (strstr (cl_overview_page_get_card_text (page, "purposes-summary"),
                            "Measurement and performance: 56% granted, 33% denied, 11% not asked"));
  g_assert_nonnull (strstr (cl_overview_page_get_card_text (page, "methods-summary"),
                            "Custom choice 33% (3)"));
  g_assert_nonnull (strstr (cl_overview_page_get_card_text (page, "weeks-summary"), "3 events"));
  close_window (window);
}

int
main (int    argc,
      char **argv)
{
  if (!cl_test_window_init (&argc, &argv))
    return 0;

  g_test_add_func ("/window/policies/add-significant-version", test_add_significant_version);
  g_test_add_func ("/window/policies/age-edit-survives-reload", test_age_edit_survives_reload);
  g_test_add_func ("/window/policies/dialog-shows-refusal", test_dialog_shows_refusal);
  g_test_add_func ("/window/policies/edit-purpose", test_edit_purpose);
  g_test_add_func ("/window/policies/export-reconsent", test_export_reconsent);
  g_test_add_func ("/window/overview/counts", test_overview_counts);

  return g_test_run ();
}
