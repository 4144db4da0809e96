/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-translated.c: the library in Swedish. What the ledger stores (request steps, the
 * hash-chained audit log, the erased-subject mark) stays in fixed English whatever the
 * officer's language, and is shown translated; the library's error messages are translated. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-audit-query.h"
#include "cl-audit.h"
#include "cl-consent-event.h"
#include "cl-erasure.h"
#include "cl-error.h"
#include "cl-event-query.h"
#include "cl-export.h"
#include "cl-file-scrub.h"
#include "cl-ledger-private.h"
#include "cl-policy.h"
#include "cl-purpose.h"
#include "cl-request.h"
#include "cl-stored-text.h"
#include "cl-test-report.h"
#include "cl-test-utils.h"
#include "cl-tombstone.h"

/* ------------------------------------------------------------------------------------------ */
/* The matching itself, in the C locale: labels not in any catalogue come back as written, so
 * the tables below show what is filled in where. */

static const char *
items_left (gulong n)
{
  return n == 1 ? "ONE ITEM (%u) LEFT" : "%u ITEMS LEFT";
}

static const ClStoredText patterns[] = {
  { "Moved from %s to %s", "TO %2$s FROM %1$s" },
  { "received %s", "RECEIVED %s" },
  { "due %s.", "DUE %s." },
  { "%u item%*s left", NULL, items_left },
  { "%w file %s (SHA-256 %w)", "FILE %2$s, FORMAT %1$s, DIGEST %3$s" },
  { "Broken %s", "BROKEN %3$s" },
  { "Said: %s", "SAID: %s" },
};

static char *
translate (const char *stored)
{
  return cl_stored_text_translate (patterns, G_N_ELEMENTS (patterns), stored);
}

static void
assert_translates (const char *stored,
                   const char *expected)
{
  g_autofree char *shown = translate (stored);
  g_assert_cmpstr (shown, ==, expected);
}

static void
test_patterns (void)
{
  g_assert_null (translate (NULL));
  /* Positions let a language put the values in its own order. */
  assert_translates ("Moved from 2026-01-01 to 2026-02-01", "TO 2026-02-01 FROM 2026-01-01");
  /* A value never runs into the next clause: each clause is its own text. */
  assert_translates ("received 2026-01-01; due 2026-02-01.", "RECEIVED 2026-01-01; DUE 2026-02-01.");
  /* A clause no entry knows stays as written, the others are translated. */
  assert_translates ("received 2026-01-01; the officer's words", "RECEIVED 2026-01-01; the officer's words");
  /* A free text holding "; " after a pattern's last value reads whole. */
  assert_translates ("Said: one; two", "SAID: one; two");
  /* The plural is chosen by the number, the unshown "s" dropped. */
  assert_translates ("1 item left", "ONE ITEM (1) LEFT");
  assert_translates ("7 items left", "7 ITEMS LEFT");
  assert_translates ("x items left", "x items left");
  /* Backtracking: a path that holds the words around it. */
  assert_translates ("pdf file /tmp/a file (SHA-256 x) b.pdf (SHA-256 abc)",
                     "FILE /tmp/a file (SHA-256 x) b.pdf, FORMAT pdf, DIGEST abc");
  /* A label asking for a value that is not there: the stored text, not garbage. */
  assert_translates ("Broken thing", "Broken thing");
  assert_translates ("Nothing known", "Nothing known");
  assert_translates ("", "");
}

/* ------------------------------------------------------------------------------------------ */

/* The label of an audit key as the table in cl-audit-texts.c would fall back to. */
static char *
humanized (const char *key)
{
  char *text = g_strdelimit (g_strdup (key), "_.-", ' ');

  text[0] = g_ascii_toupper (text[0]);
  return text;
}

typedef struct
{
  const char *action;
  const char *stored;  /* exact, or NULL to skip */
  const char *shown;
} Expected;

static void
assert_steps (ClLedger       *ledger,
              const char     *reference,
              const Expected *expected,
              guint           n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRequest) request = cl_request_load (ledger, reference, &error);
  GPtrArray *steps;

  g_assert_no_error (error);
  steps = cl_request_get_steps (request);
  g_assert_cmpuint (steps->len, ==, n_expected);
  for (guint i = 0; i < steps->len; i++)
    {
      ClRequestStep *step = g_ptr_array_index (steps, i);
      g_autofree char *shown = cl_request_step_dup_detail_label (step);

      g_assert_cmpstr (step->action, ==, expected[i].action);
      if (expected[i].stored != NULL)
        g_assert_cmpstr (step->detail, ==, expected[i].stored);
      g_assert_cmpstr (shown, ==, expected[i].shown);
    }
}

/* Every step a request can take, written and read while the messages are Swedish: each
 * timeline text is stored in English and shown in Swedish; a note stays the officer's. */
static void
test_request_steps (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = cl_test_make_tmpdir ();
      g_autoptr(ClLedger) ledger = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *access = NULL;
      g_autofree char *erasure = NULL;
      g_autofree char *portability = NULL;
      g_autofree char *rejected = NULL;
      g_autofree char *extended_stored = NULL;
      g_autofree char *extended_shown = NULL;
      g_autofree char *resumed_stored = NULL;
      g_autofree char *resumed_shown = NULL;
      g_autofree char *ccpa_received_stored = NULL;
      g_autofree char *ccpa_received_shown = NULL;
      g_autofree char *file_stored = NULL;
      g_autofree char *file_shown = NULL;
      g_autofree char *due = NULL;
      g_autoptr(ClRequest) request = NULL;
      ClErasureResult erased = { 0 };
      GDate received;
      const char *digest = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

      if (!cl_test_use_swedish ())
        return;
      g_setenv ("CONSENT_LEDGER_TODAY", "2026-03-10", TRUE);
      ledger = cl_test_report_ledger (dir, "ledger.db");

#define STEP(call) \
      G_STMT_START { g_autoptr(ClRequest) r_ = (call); g_assert_no_error (error); } G_STMT_END

      access = cl_test_report_request (ledger, CL_REQUEST_TYPE_ACCESS, "c-anna-7f3a9e", FALSE);
      STEP (cl_request_confirm_receipt (ledger, access, &error));
      STEP (cl_request_start_verification (ledger, access, &error));
      STEP (cl_request_verify (ledger, access, "BankID; passport", &error));
      STEP (cl_request_extend (ledger, access, "many systems", NULL, &error));
      STEP (cl_request_pause (ledger, access, "waiting for the subject; by e-mail", &error));
      STEP (cl_request_resume (ledger, access, &error));
      STEP (cl_request_add_note (ledger, access, "Completed.", &error));
      STEP (cl_request_complete (ledger, access, "sent the report", &error));

      request = cl_request_load (ledger, access, &error);
      g_assert_no_error (error);
      due = cl_request_format_date (cl_request_get_due (request));
      extended_stored = g_strdup_printf ("Due date extended from 2026-04-03 to %s: many systems",
                                         due);
      extended_shown = g_strdup_printf ("Sista svarsdag flyttad från 2026-04-03 till %s: many "
                                        "systems", due);
      resumed_stored = g_strdup_printf ("Clock restarted after 0 days; due %s.", due);
      resumed_shown = g_strdup_printf ("Klockan startad igen efter 0 dagar; sista svarsdag %s.",
                                       due);
      {
        const Expected steps[] = {
          { "received", "Access request under the GDPR, received 2026-03-02; due 2026-04-03.",
            "Begäran om registerutdrag enligt GDPR, inkommen 2026-03-02; sista svarsdag "
            "2026-04-03." },
          { "receipt_confirmed", "Told the subject that the request was received.",
            "Den registrerade har fått besked om att begäran har kommit in." },
          { "verification_started", "Asked the subject to prove their identity.",
            "Den registrerade ombads styrka sin identitet." },
          { "verified", "Identity verified: BankID; passport",
            "Identiteten kontrollerad: BankID; passport" },
          { "extended", extended_stored, extended_shown },
          { "paused", "Clock stopped while waiting for the subject: waiting for the subject; "
            "by e-mail", "Klockan stoppad i väntan på den registrerade: waiting for the "
            "subject; by e-mail" },
          { "resumed", resumed_stored, resumed_shown },
          { "note", "Completed.", "Completed." },
          { "completed", "Completed: sent the report", "Slutförd: sent the report" },
        };
        assert_steps (ledger, access, steps, G_N_ELEMENTS (steps));
      }

      /* Received for nobody in the ledger, under the CCPA, then rejected. */
      g_date_clear (&received, 1);
      g_date_set_dmy (&received, 2, G_DATE_MARCH, 2026);
      g_clear_object (&request);
      request = cl_request_create (ledger, CL_REQUEST_TYPE_RECTIFICATION, "nobody@example.se",
                                   CL_JURISDICTION_CCPA, &received, &error);
      g_assert_no_error (error);
      rejected = g_strdup (cl_request_get_reference (request));
      g_free (due);
      due = cl_request_format_date (cl_request_get_due (request));
      STEP (cl_request_reject (ledger, rejected, "identity could not be verified", &error));
      ccpa_received_stored = g_strdup_printf ("Rectification request under the CCPA, received "
                                              "2026-03-02; due %s. No subject in the ledger has "
                                              "the identifier given.", due);
      ccpa_received_shown = g_strdup_printf ("Begäran om rättelse enligt CCPA, inkommen "
                                             "2026-03-02; sista svarsdag %s. Ingen registrerad i "
                                             "liggaren har den angivna identifieraren.", due);
      {
        const Expected steps[] = {
          { "received", ccpa_received_stored, ccpa_received_shown },
          { "rejected", "Rejected: identity could not be verified",
            "Avslagen: identity could not be verified" },
        };
        assert_steps (ledger, rejected, steps, G_N_ELEMENTS (steps));
      }

      /* Steps other features add: a produced file, an erasure, one of their own. */
      portability = cl_test_report_request (ledger, CL_REQUEST_TYPE_PORTABILITY,
                                            "c-anna-7f3a9e", TRUE);
      g_assert_true (cl_request_add_file (ledger, portability, "/tmp/out/export.json", "json",
                                          digest, &error));
      g_assert_no_error (error);
      g_assert_true (cl_request_add_step (ledger, portability, "sent_by_post",
                                          "Sent by post to the subject.", &error));
      g_assert_no_error (error);
      file_stored = g_strdup_printf ("json file /tmp/out/export.json (SHA-256 %s)", digest);
      file_shown = g_strdup_printf ("json-fil /tmp/out/export.json (SHA-256 %s)", digest);
      {
        const Expected steps[] = {
          { "received", NULL, "Begäran om dataportabilitet enligt GDPR, inkommen 2026-03-02; "
            "sista svarsdag 2026-04-03." },
          { "verified", "Identity verified: passport checked at the front desk",
            "Identiteten kontrollerad: passport checked at the front desk" },
          { "file", file_stored, file_shown },
          { "sent_by_post", "Sent by post to the subject.", "Sent by post to the subject." },
        };
        assert_steps (ledger, portability, steps, G_N_ELEMENTS (steps));
      }

      erasure = cl_test_report_request (ledger, CL_REQUEST_TYPE_ERASURE, "c-bertil-11aa22", TRUE);
      g_assert_true (cl_erasure_erase_subject (ledger, NULL, erasure, NULL, &erased, &error));
      g_assert_no_error (error);
      {
        const Expected steps[] = {
          { "received", NULL, "Begäran om radering enligt GDPR, inkommen 2026-03-02; "
            "sista svarsdag 2026-04-03." },
          { "verified", NULL, "Identiteten kontrollerad: passport checked at the front desk" },
          { "erased", "Subject erased: 1 consent events and 3 identifiers deleted; a keyed "
            "fingerprint of each identifier is kept so that no import brings them back.",
            "Den registrerade har raderats: samtyckeshändelser borttagna: 1, identifierare "
            "borttagna: 3; ett nyckelat fingeravtryck av varje identifierare sparas så att "
            "ingen import kan föra tillbaka dem." },
        };
        assert_steps (ledger, erasure, steps, G_N_ELEMENTS (steps));
      }

      /* The erased subject's mark is stored in English too, and shown in Swedish. */
      g_clear_object (&request);
      request = cl_request_load (ledger, erasure, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cl_request_get_subject_label (request), ==, "(erased subject)");
      g_assert_true (cl_request_get_subject_erased (request));
      g_assert_cmpstr (cl_request_get_subject_display (request), ==,
                       g_dgettext (GETTEXT_PACKAGE, "(erased subject)"));
      g_assert_cmpstr (cl_request_get_subject_display (request), !=, "(erased subject)");

      /* The request's name in a phrase: the type word is not capitalized in Swedish. */
      g_assert_cmpstr (cl_request_type_to_title (CL_REQUEST_TYPE_OBJECTION), ==,
                       "Begäran om invändning");
      g_assert_cmpstr (cl_request_type_to_title (CL_REQUEST_TYPE_ERASURE), ==,
                       "Begäran om radering");
#undef STEP
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

typedef struct
{
  const char *key;
  const char *shown;
} Word;

static const Word action_words[] = {
  { "import", "Samtyckesimport" },
  { "vendor.import", "Leverantörsimport" },
  { "cmp.import", "CMP-import" },
  { "change", "Inställning ändrad" },
  { "policy.add", "Ny policyversion" },
  { "policy.edit", "Policyversion ändrad" },
  { "purpose.edit", "Ändamål ändrat" },
  { "purpose.restore-defaults", "Ändamål återställda" },
  { "export", "Portabilitetsexport" },
  { "erase", "Registrerad raderad" },
  { "erase.clear", "Liggarfilen rensad" },
  { "received", "Inkommen" },
  { "verified", "Identitet kontrollerad" },
  { "extended", "Svarstiden förlängd" },
  { "note", "Anteckning" },
  { "file", "Fil framställd" },
  { "erased", "Registrerad raderad" },
};

static const Word object_words[] = {
  { "consent_log", "Samtyckeslogg" },
  { "vendor_list", "Leverantörslista" },
  { "cmp_list", "CMP-lista" },
  { "setting", "Inställning" },
  { "policy_version", "Policyversion" },
  { "purpose", "Ändamål" },
  { "subject", "Registrerad" },
  { "request", "Begäran" },
};

static const char *
word (const Word *words,
      gsize       n_words,
      const char *key)
{
  for (gsize i = 0; i < n_words; i++)
    if (g_str_equal (words[i].key, key))
      return words[i].shown;
  return NULL;
}

/* Every feature's audit entries, written while the messages are Swedish: the log keeps the
 * English (its chain still verifies), the actions, objects and details are shown in Swedish. */
static void
test_audit_entries (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = cl_test_make_tmpdir ();
      g_autofree char *export_path = NULL;
      g_autoptr(ClLedger) ledger = NULL;
      g_autoptr(ClPolicyVersion) added = NULL;
      g_autoptr(ClPolicyVersion) edited = NULL;
      g_autoptr(ClPurpose) purpose = NULL;
      g_autoptr(ClRequest) extended = NULL;
      g_autoptr(GListStore) entries = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) actions = NULL;
      g_auto(GStrv) types = NULL;
      g_autofree char *access = NULL;
      ClAuditFilter filter = { .oldest_first = TRUE };
      ClPolicyFields policy = { "9.0", "2026-03-01", FALSE, "Clearer wording; new vendor", NULL };
      ClPurposeFields fields;
      ClErasureResult erased = { 0 };
      guint checked = 0;
      guint n_known_details = 0;

      if (!cl_test_use_swedish ())
        return;
      g_setenv ("CONSENT_LEDGER_TODAY", "2026-03-10", TRUE);
      /* Consent log, vendor CSV, CMP list and two settings. */
      ledger = cl_test_report_ledger (dir, "ledger.db");

      added = cl_policy_add (ledger, &policy, &error);
      g_assert_no_error (error);
      policy.significant = TRUE;
      policy.summary = "Clearer wording; new vendor";
      edited = cl_policy_edit (ledger, "9.0", &policy, &error);
      g_assert_no_error (error);
      purpose = cl_purpose_lookup (ledger, "measurement", &error);
      g_assert_no_error (error);
      cl_purpose_fields_init (&fields, purpose);
      fields.retention = "13 months";
      fields.description = "Counting visits.";
      g_assert_true (cl_purpose_update (ledger, "measurement", &fields, &error));
      g_assert_no_error (error);
      g_assert_true (cl_purpose_restore_defaults (ledger, &error));
      g_assert_no_error (error);

      access = cl_test_report_request (ledger, CL_REQUEST_TYPE_ACCESS, "c-anna-7f3a9e", TRUE);
      extended = cl_request_extend (ledger, access, "many systems", NULL, &error);
      g_assert_no_error (error);
      export_path = g_build_filename (dir, "export.json", NULL);
      g_assert_true (cl_export_file_write (ledger, "c-anna-7f3a9e", NULL, export_path, NULL,
                                           NULL, &error));
      g_assert_no_error (error);
      g_assert_true (cl_erasure_erase_subject (ledger, "c-bertil-11aa22", NULL, NULL, &erased,
                                               &error));
      g_assert_no_error (error);

      /* A version the import registered: its note stored in English, shown in Swedish. */
      {
        g_autoptr(ClPolicyVersion) seen = cl_policy_lookup (ledger, "3.1", &error);

        g_assert_no_error (error);
        g_assert_cmpstr (cl_policy_version_get_summary (seen), ==,
                         "First seen in an imported consent log");
        g_assert_cmpstr (cl_policy_version_get_summary_label (seen), ==,
                         "Först sedd i en importerad samtyckeslogg");
      }

      /* The filters' choices: every key in the log has words of its own. */
      actions = cl_audit_list_actions (ledger, &error);
      g_assert_no_error (error);
      for (guint i = 0; actions[i] != NULL; i++)
        {
          g_autofree char *shown = cl_audit_action_dup_label (actions[i]);
          const char *expected = word (action_words, G_N_ELEMENTS (action_words), actions[i]);

          if (expected == NULL)
            g_error ("the test does not know the action “%s” (shown as “%s”)", actions[i], shown);
          g_assert_cmpstr (shown, ==, expected);
        }
      types = cl_audit_list_object_types (ledger, &error);
      g_assert_no_error (error);
      for (guint i = 0; types[i] != NULL; i++)
        {
          g_autofree char *shown = cl_audit_object_type_dup_label (types[i]);
          const char *expected = word (object_words, G_N_ELEMENTS (object_words), types[i]);

          if (expected == NULL)
            g_error ("the test does not know the object “%s” (shown as “%s”)", types[i], shown);
          g_assert_cmpstr (shown, ==, expected);
        }
      {
        /* Not in any table: its own words. */
        g_autofree char *unknown = cl_audit_action_dup_label ("vendor.merge");
        g_autofree char *fallback = humanized ("vendor.merge");
        g_assert_cmpstr (unknown, ==, fallback);
      }

      entries = cl_audit_list (ledger, &filter, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (entries)); i++)
        {
          g_autoptr(ClAuditEntry) entry = g_list_model_get_item (G_LIST_MODEL (entries), i);
          const char *action = cl_audit_entry_get_action (entry);
          const char *stored = cl_audit_entry_get_detail (entry);
          g_autofree char *shown = cl_audit_entry_dup_detail_label (entry);

          g_test_message ("%s: “%s” → “%s”", action, stored, shown);
          /* Stored as the code wrote it: English words, never the officer's language. */
          g_assert_null (strstr (stored, "registrerad"));
          g_assert_null (strstr (stored, "ändr"));
          if (g_str_equal (action, "change") || g_str_equal (action, "purpose.restore-defaults"))
            {
              if (g_str_equal (action, "change"))
                g_assert_cmpstr (shown, ==, stored);  /* a key and two values */
              else
                g_assert_cmpstr (shown, ==, "ändamålen, deras rättsliga grunder, "
                                 "datakategorier och TCF-koppling återställda till policyns "
                                 "standardvärden");
              continue;
            }
          g_assert_cmpstr (shown, !=, stored);
          n_known_details++;

          if (g_str_equal (action, "import"))
            {
              g_assert_cmpstr (stored, ==, "consents.jsonl: 5 events imported, 2 new subjects, "
                               "0 duplicates skipped, 0 erased subjects skipped; 2 new policy "
                               "versions registered");
              g_assert_cmpstr (shown, ==, "consents.jsonl: importerade händelser: 5, nya "
                               "registrerade: 2, överhoppade dubbletter: 0, överhoppade "
                               "raderade registrerade: 0; nya policyversioner registrerade: 2");
            }
          else if (g_str_equal (action, "policy.add"))
            g_assert_cmpstr (shown, ==, "gäller från 2026-03-01; väsentlig: nej; "
                             "sammanfattning: Clearer wording; new vendor");
          else if (g_str_equal (action, "policy.edit"))
            g_assert_cmpstr (shown, ==, "väsentlig: nej → ja");
          else if (g_str_equal (action, "purpose.edit"))
            g_assert_cmpstr (shown, ==, "beskrivningen ändrad; lagringstid: ingen → 13 months");
          else if (g_str_equal (action, "extended"))
            g_assert_true (g_str_has_prefix (shown, "Förlängde svarstiden från 2026-04-03 till "));
          else if (g_str_equal (action, "erase"))
            g_assert_cmpstr (shown, ==, "Registrerad raderad: samtyckeshändelser borttagna: 1, "
                             "identifierare borttagna: 3, gravstenar sparade: 3");
        }
      g_assert_cmpuint (n_known_details, >=, 10);

      /* Nothing shown was written: the chain still holds. */
      g_assert_true (cl_audit_verify (ledger, &checked, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (checked, ==, g_list_model_get_n_items (G_LIST_MODEL (entries)));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* ------------------------------------------------------------------------------------------ */

static int
interrupt_everything (void *data)
{
  return 1;
}

static void
assert_swedish_error (GError     *error,
                      const char *prefix)
{
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_DATABASE);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
}

/* Reading errors of the consent events, the event query, the tombstones and the file scrub
 * reach the officer in Swedish. */
static void
test_errors (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = cl_test_make_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
      g_autoptr(ClLedger) ledger = NULL;
      g_autoptr(ClEventQuery) query = cl_event_query_new ();
      g_autoptr(GPtrArray) events = NULL;
      g_autoptr(GError) error = NULL;
      static const char * const tables[] = { "identifiers", NULL };
      ClFileScrubResult scrub = { 0 };
      gint64 ids[] = { 1 };
      guint64 count = 0;

      if (!cl_test_use_swedish ())
        return;
      ledger = cl_test_report_ledger (dir, "ledger.db");

      /* Each call once as it should go (the statements are prepared and cached), then again
       * with every statement interrupted as it runs. */
      g_assert_true (cl_event_query_count (query, ledger, &count, &error));
      g_assert_no_error (error);
      events = cl_consent_event_load (ledger, ids, 1, &error);
      g_assert_no_error (error);
      g_clear_pointer (&events, g_ptr_array_unref);
      g_assert_false (cl_tombstone_contains (ledger, "email", "x@example.se", &error));
      g_assert_no_error (error);

      sqlite3_progress_handler (cl_ledger_get_db (ledger), 1, interrupt_everything, NULL);
      g_assert_false (cl_event_query_count (query, ledger, &count, &error));
      assert_swedish_error (error, "Det gick inte att räkna samtyckeshändelserna");
      g_clear_error (&error);
      events = cl_consent_event_load (ledger, ids, 1, &error);
      g_assert_null (events);
      assert_swedish_error (error, "Det gick inte att läsa samtyckeshändelserna");
      g_clear_error (&error);
      sqlite3_progress_handler (cl_ledger_get_db (ledger), 0, NULL, NULL);

      /* The tombstone key is read first: make the lookup itself fail. */
      g_assert_cmpint (sqlite3_exec (cl_ledger_get_db (ledger), "DROP TABLE tombstones", NULL,
                                     NULL, NULL), ==, SQLITE_OK);
      g_assert_false (cl_tombstone_contains (ledger, "email", "x@example.se", &error));
      assert_swedish_error (error, "Det gick inte att läsa de raderade registrerade");
      g_clear_error (&error);

      /* The file went away under the open ledger. */
      g_assert_cmpint (g_unlink (path), ==, 0);
      g_assert_false (cl_file_scrub (ledger, tables, NULL, &scrub, &error));
      assert_swedish_error (error, "Det gick inte att öppna liggarfilen: ");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ledger/translated/stored-text-patterns", test_patterns);
  g_test_add_func ("/ledger/translated/request-steps", test_request_steps);
  g_test_add_func ("/ledger/translated/audit-entries", test_audit_entries);
  g_test_add_func ("/ledger/translated/errors", test_errors);

  return g_test_run ();
}
