/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-request.c: consentctl request … and consentctl audit [--verify], with their exit
 * statuses (BRIEF §5), including an audit log tampered with through the sqlite3 C API, and the
 * audit log and the request register in Swedish. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-cli-commands.h"
#include "cl-ledger.h"
#include "cl-test-utils.h"

typedef struct
{
  char *path;
  char *out;
  char *err;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  fixture->path = g_build_filename (dir, "cli.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->path);
  g_free (fixture->out);
  g_free (fixture->err);
}

/* Runs `consentctl --ledger PATH ARGS…` with CONSENT_LEDGER_TODAY=today; keeps the output. */
static int
run (Fixture    *fixture,
     const char *today,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *today_env = g_strdup_printf ("CONSENT_LEDGER_TODAY=%s", today);
  const char *env[] = { today_env, NULL };
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "--ledger");
  g_ptr_array_add (argv, fixture->path);
  va_start (args, today);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (&fixture->out, g_free);
  g_clear_pointer (&fixture->err, g_free);
  return cl_test_run_consentctl ((const char * const *) argv->pdata, env, &fixture->out,
                                 &fixture->err);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text, part);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static void
add_subject (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (fixture->path, &error);
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  /* Another connection (the window, a page's worker thread) may be writing: wait for it. */
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO subjects (id, created_at) VALUES (1, '2025-01-01');"
                                 "INSERT INTO identifiers (subject_id, kind, value) VALUES"
                                 " (1, 'consent_id', 'c-7f3a9e'), (1, 'email', 'anna@example.se')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_new (Fixture       *fixture,
          gconstpointer  data)
{
  add_subject (fixture);

  g_assert_cmpint (run (fixture, "2025-09-10", "request", "new", "--type", "access",
                        "--subject", "anna@example.se", "--received", "2025-09-03", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, "DSR-2025-0001\n");
  g_assert_cmpstr (fixture->err, ==, "");

  /* Unknown subject: kept, with a warning; CCPA; today by default. */
  g_assert_cmpint (run (fixture, "2025-09-10", "request", "new", "--type", "erasure",
                        "--subject", "who@example.org", "--jurisdiction", "ccpa", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, "DSR-2025-0002\n");
  assert_contains (fixture->err, "warning: no subject in the ledger has the identifier");

  /* Usage errors: 2. */
  g_assert_cmpint (run (fixture, "2025-09-10", "request", "new", "--type", "gossip",
                        "--subject", "x", NULL), ==, 2);
  assert_contains (fixture->err, "--type must be");
  g_assert_cmpint (run (fixture, "2025-09-10", "request", "new", "--type", "access", NULL), ==, 2);
  g_assert_cmpint (run (fixture, "2025-09-10", "request", "new", "--type", "access",
                        "--subject", "x", "--received", "3 Sep", NULL), ==, 2);
  g_assert_cmpint (run (fixture, "2025-09-10", "request", "new", "--type", "access",
                        "--subject", "x", "--jurisdiction", "lgpd", NULL), ==, 2);
  g_assert_cmpint (run (fixture, "2025-09-10", "request", NULL), ==, 2);
  g_assert_cmpint (run (fixture, "2025-09-10", "request", "frobnicate", NULL), ==, 2);

  /* Refused by the ledger: 1. */
  g_assert_cmpint (run (fixture, "2025-09-10", "request", "new", "--type", "access",
                        "--subject", "x", "--received", "2025-12-01", NULL), ==, 1);
  assert_contains (fixture->err, "is in the future");
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  JsonArray *array;
  g_autoptr(JsonNode) node = NULL;

  run (fixture, "2025-09-10", "request", "new", "--type", "access", "--subject", "c-1",
       "--received", "2025-07-31", NULL);
  run (fixture, "2025-09-10", "request", "new", "--type", "erasure", "--subject", "c-2",
       "--received", "2025-09-09", NULL);
  run (fixture, "2025-09-10", "request", "new", "--type", "objection", "--subject", "c-3",
       "--received", "2025-09-08", NULL);
  run (fixture, "2025-09-10", "request", "close", "DSR-2025-0003", "--reject", "--reason",
       "Not a customer", NULL);

  g_assert_cmpint (run (fixture, "2025-09-10", "request", "list", NULL), ==, 0);
  assert_contains (fixture->out, "DSR-2025-0001");
  assert_contains (fixture->out, "OVERDUE");
  assert_contains (fixture->out, "DSR-2025-0003");
  /* Type and status in the words of the window's register, not the stored keys. */
  assert_contains (fixture->out, "DSR-2025-0003  Objection  Rejected  ");
  assert_contains (fixture->out, "DSR-2025-0002  Erasure    Received  ");
  assert_contains (fixture->out, "DSR-2025-0001  Access     Received  ");
  g_assert_null (strstr (fixture->out, "objection"));
  g_assert_null (strstr (fixture->out, "rejected"));

  g_assert_cmpint (run (fixture, "2025-09-10", "request", "list", "--open", "--json", NULL), ==, 0);
  node = parse_json (fixture->out);
  array = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "reference"), ==, "DSR-2025-0001");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "due"), ==, "2025-09-01");
  g_clear_pointer (&node, json_node_unref);

  g_assert_cmpint (run (fixture, "2025-09-10", "request", "list", "--overdue", "--json", NULL),
                   ==, 0);
  node = parse_json (fixture->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 1);
  g_clear_pointer (&node, json_node_unref);

  g_assert_cmpint (run (fixture, "2025-09-10", "request", "list", "--status", "rejected",
                        "--json", NULL), ==, 0);
  node = parse_json (fixture->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 1);
  g_clear_pointer (&node, json_node_unref);

  g_assert_cmpint (run (fixture, "2025-09-10", "request", "list", "--type", "erasure", "--json",
                        NULL), ==, 0);
  node = parse_json (fixture->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 1);

  g_assert_cmpint (run (fixture, "2025-09-10", "request", "list", "--status", "lost", NULL),
                   ==, 2);
  g_assert_cmpint (run (fixture, "2025-09-10", "request", "list", "extra", NULL), ==, 2);
}

static void
test_show (Fixture       *fixture,
           gconstpointer  data)
{
  static const char * const keys[] = {
    "reference", "type", "subject", "jurisdiction", "status", "received", "due", "extended",
    "extension_reason", "steps", "files",
  };
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  add_subject (fixture);
  run (fixture, "2026-02-02", "request", "new", "--type", "portability", "--subject",
       "c-7f3a9e", "--received", "2026-01-30", NULL);

  g_assert_cmpint (run (fixture, "2026-02-02", "request", "show", "DSR-2026-0001", "--json",
                        NULL), ==, 0);
  node = parse_json (fixture->out);
  object = json_node_get_object (node);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (object, keys[i]));
  g_assert_cmpstr (json_object_get_string_member (object, "reference"), ==, "DSR-2026-0001");
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "portability");
  g_assert_cmpstr (json_object_get_string_member (object, "subject"), ==, "c-7f3a9e");
  g_assert_cmpstr (json_object_get_string_member (object, "jurisdiction"), ==, "gdpr");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "received");
  g_assert_cmpstr (json_object_get_string_member (object, "received"), ==, "2026-01-30");
  g_assert_cmpstr (json_object_get_string_member (object, "due"), ==, "2026-03-02");
  g_assert_false (json_object_get_boolean_member (object, "extended"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "steps")), ==, 1);

  g_assert_cmpint (run (fixture, "2026-02-02", "request", "show", "dsr-2026-0001", NULL), ==, 0);
  assert_contains (fixture->out, "DSR-2026-0001");
  assert_contains (fixture->out, "2026-03-02 (28 days left)");

  g_assert_cmpint (run (fixture, "2026-02-02", "request", "show", "DSR-2026-0099", NULL), ==, 1);
  assert_contains (fixture->err, "There is no request DSR-2026-0099");
  g_assert_cmpint (run (fixture, "2026-02-02", "request", "show", NULL), ==, 2);
}

static const char *
status_of (Fixture    *fixture,
           const char *today,
           JsonNode  **node)
{
  g_assert_cmpint (run (fixture, today, "request", "show", "DSR-2025-0001", "--json", NULL), ==, 0);
  g_clear_pointer (node, json_node_unref);
  *node = parse_json (fixture->out);
  return json_object_get_string_member (json_node_get_object (*node), "status");
}

static void
test_verify_extend_close (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  run (fixture, "2025-09-10", "request", "new", "--type", "access", "--subject", "c-1",
       "--received", "2025-09-03", NULL);

  /* verify */
  g_assert_cmpint (run (fixture, "2025-09-10", "request", "verify", "DSR-2025-0001", NULL), ==, 2);
  g_assert_cmpint (run (fixture, "2025-09-10", "request", "verify", "DSR-2025-0001", "--method",
                        "", NULL), ==, 1);
  g_assert_cmpint (run (fixture, "2025-09-10", "request", "verify", "DSR-2025-0001", "--start",
                        NULL), ==, 0);
  g_assert_cmpstr (status_of (fixture, "2025-09-10", &node), ==, "verifying");
  g_assert_cmpint (run (fixture, "2025-09-10", "request", "verify", "DSR-2025-0001", "--method",
                        "Replied from the address on file", NULL), ==, 0);
  assert_contains (fixture->out, "In progress, due 2025-10-06");
  g_assert_cmpstr (status_of (fixture, "2025-09-10", &node), ==, "in_progress");

  /* close refused without --reason when rejecting */
  g_assert_cmpint (run (fixture, "2025-09-10", "request", "close", "DSR-2025-0001", "--reject",
                        NULL), ==, 1);
  assert_contains (fixture->err, "A rejection needs a reason");

  /* pause, resume, note */
  g_assert_cmpint (run (fixture, "2025-09-10", "request", "pause", "DSR-2025-0001", "--reason",
                        "Asked which account", NULL), ==, 0);
  g_assert_cmpstr (status_of (fixture, "2025-09-10", &node), ==, "paused");
  g_assert_cmpint (run (fixture, "2025-09-15", "request", "resume", "DSR-2025-0001", NULL), ==, 0);
  g_assert_cmpstr (status_of (fixture, "2025-09-15", &node), ==, "in_progress");
  /* 4 Oct + 5 days = Thu 9 Oct */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "due"), ==,
                   "2025-10-09");
  g_assert_cmpint (run (fixture, "2025-09-15", "request", "resume", "DSR-2025-0001", NULL), ==, 1);
  g_assert_cmpint (run (fixture, "2025-09-15", "request", "note", "DSR-2025-0001",
                        "Phoned the subject", NULL), ==, 0);
  g_assert_cmpint (run (fixture, "2025-09-15", "request", "note", "DSR-2025-0001", NULL), ==, 2);

  /* extend: reason required (usage), --until past the maximum refused, then granted once */
  g_assert_cmpint (run (fixture, "2025-09-20", "request", "extend", "DSR-2025-0001", NULL), ==, 2);
  g_assert_cmpint (run (fixture, "2025-09-20", "request", "extend", "DSR-2025-0001", "--reason",
                        "Archives", "--until", "2026-01-31", NULL), ==, 1);
  assert_contains (fixture->err, "later than the law allows");
  g_assert_cmpint (run (fixture, "2025-09-20", "request", "extend", "DSR-2025-0001", "--reason",
                        "Archives in three systems", NULL), ==, 0);
  /* three months from receipt (4 Dec) + 5 days paused = Tue 9 Dec */
  assert_contains (fixture->out, "due 2025-12-09");
  (void) status_of (fixture, "2025-09-20", &node);
  object = json_node_get_object (node);
  g_assert_true (json_object_get_boolean_member (object, "extended"));
  g_assert_cmpstr (json_object_get_string_member (object, "extension_reason"), ==,
                   "Archives in three systems");
  g_assert_cmpstr (json_object_get_string_member (object, "due"), ==, "2025-12-09");
  g_assert_cmpint (run (fixture, "2025-09-20", "request", "extend", "DSR-2025-0001", "--reason",
                        "Again", NULL), ==, 1);
  assert_contains (fixture->err, "one extension");

  /* close */
  g_assert_cmpint (run (fixture, "2025-09-25", "request", "close", "DSR-2025-0001", "--reason",
                        "Report sent", NULL), ==, 0);
  g_assert_cmpstr (status_of (fixture, "2025-09-25", &node), ==, "completed");
  object = json_node_get_object (node);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "steps")), ==, 8);
  g_assert_cmpint (run (fixture, "2025-09-25", "request", "close", "DSR-2025-0001", NULL), ==, 1);
  assert_contains (fixture->err, "already completed");
}

static void
test_confirm (Fixture       *fixture,
              gconstpointer  data)
{
  run (fixture, "2025-09-10", "request", "new", "--type", "access", "--subject", "c-1",
       "--jurisdiction", "ccpa", NULL);
  g_assert_cmpint (run (fixture, "2025-09-10", "request", "show", "DSR-2025-0001", NULL), ==, 0);
  assert_contains (fixture->out, "Confirm receipt:   2025-09-24");
  g_assert_cmpint (run (fixture, "2025-09-11", "request", "confirm", "DSR-2025-0001", NULL), ==, 0);
  g_assert_cmpint (run (fixture, "2025-09-11", "request", "show", "DSR-2025-0001", NULL), ==, 0);
  assert_contains (fixture->out, "Receipt confirmed: 2025-09-11");
  g_assert_cmpint (run (fixture, "2025-09-12", "request", "confirm", "DSR-2025-0001", NULL), ==, 1);
  assert_contains (fixture->err, "already confirmed");
  g_assert_cmpint (run (fixture, "2025-09-12", "request", "confirm", NULL), ==, 2);
}

static void
test_extend_gate (Fixture       *fixture,
                  gconstpointer  data)
{
  run (fixture, "2025-09-10", "request", "new", "--type", "access", "--subject", "c-1",
       "--received", "2025-09-03", NULL);
  g_assert_cmpint (run (fixture, "2025-10-07", "request", "extend", "DSR-2025-0001", "--reason",
                        "Too late", NULL), ==, 1);
  assert_contains (fixture->err, "can no longer be granted");
  g_assert_cmpint (run (fixture, "2025-10-07", "request", "extend", "DSR-2025-0001", "--reason",
                        "Too late", "--today", "2025-10-06", NULL), ==, 0);
  g_assert_cmpint (run (fixture, "2025-10-07", "request", "list", "--today", "not-a-date", NULL),
                   ==, 2);
}

/* ------------------------------------------------------------------------------------------ */

static void
tamper (Fixture    *fixture,
        const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  /* Another connection (the window, a page's worker thread) may be writing: wait for it. */
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
five_entries (Fixture *fixture)
{
  run (fixture, "2025-09-10", "request", "new", "--type", "access", "--subject", "c-1", NULL);
  run (fixture, "2025-09-10", "request", "new", "--type", "erasure", "--subject", "c-2", NULL);
  run (fixture, "2025-09-10", "request", "verify", "DSR-2025-0001", "--method", "Login", NULL);
  run (fixture, "2025-09-10", "request", "note", "DSR-2025-0001", "Called", NULL);
  run (fixture, "2025-09-10", "request", "close", "DSR-2025-0001", NULL);
}

static void
test_audit_verify (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;

  g_assert_cmpint (run (fixture, "2025-09-10", "audit", "--verify", NULL), ==, 0);
  assert_contains (fixture->out, "0 entries checked");

  five_entries (fixture);
  g_assert_cmpint (run (fixture, "2025-09-10", "audit", "--verify", NULL), ==, 0);
  assert_contains (fixture->out, "5 entries checked");
  g_assert_cmpint (run (fixture, "2025-09-10", "audit", "--verify", "--json", NULL), ==, 0);
  node = parse_json (fixture->out);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (node), "intact"));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "checked"), ==, 5);
}

static void
test_audit_verify_edited (Fixture       *fixture,
                          gconstpointer  data)
{
  five_entries (fixture);
  tamper (fixture, "DROP TRIGGER audit_log_no_update;"
                   "UPDATE audit_log SET detail = 'Nothing happened' WHERE id = 3");
  g_assert_cmpint (run (fixture, "2025-09-10", "audit", "--verify", NULL), ==, 1);
  assert_contains (fixture->err, "entry 3 does not match the chain");
  g_assert_cmpstr (fixture->out, ==, "");
}

static void
test_audit_verify_deleted (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;

  five_entries (fixture);
  tamper (fixture, "DELETE FROM audit_log WHERE id = 2");
  g_assert_cmpint (run (fixture, "2025-09-10", "audit", "--verify", NULL), ==, 1);
  assert_contains (fixture->err, "entry 2 is missing");

  g_assert_cmpint (run (fixture, "2025-09-10", "audit", "--verify", "--json", NULL), ==, 1);
  node = parse_json (fixture->out);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (node), "intact"));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "checked"), ==, 1);
}

static void
test_audit_verify_deleted_last (Fixture       *fixture,
                                gconstpointer  data)
{
  five_entries (fixture);
  tamper (fixture, "DELETE FROM audit_log WHERE id = 5");
  g_assert_cmpint (run (fixture, "2025-09-10", "audit", "--verify", NULL), ==, 1);
  assert_contains (fixture->err, "entry 5, the last one written, is missing");
}

static void
test_audit_list (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;

  five_entries (fixture);
  g_assert_cmpint (run (fixture, "2025-09-10", "audit", NULL), ==, 0);
  /* In words, as the window's Audit Log page shows it; the reference as stored. */
  assert_contains (fixture->out, "Request DSR-2025-0002");
  assert_contains (fixture->out, "Identity verified");

  g_assert_cmpint (run (fixture, "2025-09-10", "audit", "--json", "--object",
                        "request:DSR-2025-0001", NULL), ==, 0);
  node = parse_json (fixture->out);
  array = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (array), ==, 4);
  /* Oldest first, as a log reads. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "action"), ==, "received");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 3),
                                                  "action"), ==, "completed");
  g_clear_pointer (&node, json_node_unref);

  g_assert_cmpint (run (fixture, "2025-09-10", "audit", "--json", "--action", "received", NULL),
                   ==, 0);
  node = parse_json (fixture->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 2);
  g_clear_pointer (&node, json_node_unref);

  g_assert_cmpint (run (fixture, "2025-09-10", "audit", "--json", "--until", "2000-01-01", NULL),
                   ==, 0);
  node = parse_json (fixture->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 0);

  g_assert_cmpint (run (fixture, "2025-09-10", "audit", "--since", "yesterday", NULL), ==, 2);
  g_assert_cmpint (run (fixture, "2025-09-10", "audit", "extra", NULL), ==, 2);
}

/* consentctl finds its catalogues where it is installed, never in the build tree: the command
 * runs in a subprocess of this test instead, which reads the one po/ compiled. */
static void
test_audit_list_swedish (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *stored_json = NULL;
  g_autofree char *json_pattern = NULL;

  if (g_test_subprocess ())
    {
      const char *json = g_getenv ("CL_TEST_AUDIT_JSON");
      char *argv[] = { (char *) "audit", (char *) json, NULL };
      ClCli cli = { g_getenv ("CL_TEST_LEDGER") };

      if (!cl_test_use_swedish ())
        return;
      g_assert_cmpint (cl_cmd_audit (&cli, json != NULL ? 2 : 1, argv), ==, CL_EXIT_OK);
      return;
    }

  five_entries (fixture);
  g_assert_cmpint (run (fixture, "2025-09-10", "policy", "add", "9.0", "--effective",
                        "2025-09-01", "--summary", "Clearer wording", NULL), ==, 0);
  /* What --json prints: the stored English, the same in every language. */
  g_assert_cmpint (run (fixture, "2025-09-10", "audit", "--json", NULL), ==, 0);
  stored_json = g_steal_pointer (&fixture->out);
  assert_contains (stored_json, "\"action\" : \"received\"");
  assert_contains (stored_json, "\"action\" : \"policy.add\"");
  /* Matched whole as a glob below. */
  g_assert_null (strpbrk (stored_json, "*?"));

  if (!cl_test_use_swedish ())
    return;
  g_setenv ("CL_TEST_LEDGER", fixture->path, TRUE);

  g_unsetenv ("CL_TEST_AUDIT_JSON");
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*  Inkommen                Begäran DSR-2025-0001  "
                             "Begäran om registerutdrag enligt GDPR, inkommen 2025-09-10; "
                             "sista svarsdag *");
  g_test_trap_assert_stdout ("*  Identitet kontrollerad  Begäran DSR-2025-0001  "
                             "Kontrollerade den registrerades identitet\n*");
  g_test_trap_assert_stdout ("*  Ny policyversion        Policyversion 9.0      "
                             "gäller från 2025-09-01; väsentlig: nej; sammanfattning: Clearer wording\n*");
  g_test_trap_assert_stdout_unmatched ("*received*");
  g_test_trap_assert_stdout_unmatched ("*request:*");
  g_test_trap_assert_stdout_unmatched ("*policy.add*");

  g_setenv ("CL_TEST_AUDIT_JSON", "--json", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  json_pattern = g_strconcat ("*", stored_json, "*", NULL);
  g_test_trap_assert_stdout (json_pattern);
  g_test_trap_assert_stdout_unmatched ("*Inkommen*");
}

/* The register in Swedish, run in-process (see test_audit_list_swedish): the labels of the
 * window's register, the columns as wide as the Swedish words; --json keeps the stored keys. */
static void
test_list_swedish (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *stored_json = NULL;
  g_autofree char *json_pattern = NULL;

  if (g_test_subprocess ())
    {
      const char *json = g_getenv ("CL_TEST_LIST_JSON");
      char *argv[] = { (char *) "request", (char *) "list", (char *) "--today",
                       (char *) "2025-09-10", (char *) json, NULL };
      ClCli cli = { g_getenv ("CL_TEST_LEDGER") };

      if (!cl_test_use_swedish ())
        return;
      g_assert_cmpint (cl_cmd_request (&cli, json != NULL ? 5 : 4, argv), ==, CL_EXIT_OK);
      return;
    }

  run (fixture, "2025-09-10", "request", "new", "--type", "withdrawal", "--subject", "c-1",
       "--received", "2025-09-08", NULL);
  run (fixture, "2025-09-10", "request", "new", "--type", "rectification", "--subject", "c-2",
       "--received", "2025-09-09", NULL);
  run (fixture, "2025-09-10", "request", "close", "DSR-2025-0002", "--reject", "--reason",
       "Not a customer", NULL);
  g_assert_cmpint (run (fixture, "2025-09-10", "request", "list", "--json", NULL), ==, 0);
  stored_json = g_steal_pointer (&fixture->out);
  assert_contains (stored_json, "\"type\" : \"withdrawal\"");
  assert_contains (stored_json, "\"status\" : \"rejected\"");
  /* Matched whole as a glob below. */
  g_assert_null (strpbrk (stored_json, "*?"));

  if (!cl_test_use_swedish ())
    return;
  g_setenv ("CL_TEST_LEDGER", fixture->path, TRUE);

  g_unsetenv ("CL_TEST_LIST_JSON");
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("REFERENS       TYP           STATUS    INKOM       SISTA DAG   "
                             "DAGAR KVAR  REGISTRERAD\n*");
  g_test_trap_assert_stdout ("*\nDSR-2025-0001  Återkallelse  Inkommen  2025-09-08  *");
  g_test_trap_assert_stdout ("*\nDSR-2025-0002  Rättelse      Avslagen  2025-09-09  *");
  g_test_trap_assert_stdout_unmatched ("*withdrawal*");
  g_test_trap_assert_stdout_unmatched ("*rejected*");
  g_test_trap_assert_stdout_unmatched ("*received*");

  g_setenv ("CL_TEST_LIST_JSON", "--json", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  json_pattern = g_strconcat ("*", stored_json, "*", NULL);
  g_test_trap_assert_stdout (json_pattern);
  g_test_trap_assert_stdout_unmatched ("*Återkallelse*");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("request/new", test_new);
  ADD ("request/list", test_list);
  ADD ("request/show", test_show);
  ADD ("request/verify-extend-close", test_verify_extend_close);
  ADD ("request/extend-gate", test_extend_gate);
  ADD ("request/confirm", test_confirm);
  ADD ("audit/verify", test_audit_verify);
  ADD ("audit/verify-edited", test_audit_verify_edited);
  ADD ("audit/verify-deleted", test_audit_verify_deleted);
  ADD ("audit/verify-deleted-last", test_audit_verify_deleted_last);
  ADD ("audit/list", test_audit_list);
  ADD ("audit/list-swedish", test_audit_list_swedish);
  ADD ("request/list-swedish", test_list_swedish);

  return g_test_run ();
}
