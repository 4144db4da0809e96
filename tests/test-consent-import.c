/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-consent-import.c: importing consent logs: counts, linking, deduplication, the current
 * state, erased subjects, cancelling, and bad input that must leave the ledger file as it was. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-audit.h"
#include "cl-consent-generator.h"
#include "cl-consent-import.h"
#include "cl-error.h"
#include "cl-ledger-private.h"
#include "cl-test-utils.h"
#include "cl-tombstone.h"

typedef struct
{
  char     *dir;
  char     *path;
  ClLedger *ledger;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = cl_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "ledger.db", NULL);
  f->ledger = cl_ledger_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->ledger);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
query_int (ClLedger   *ledger,
           const char *sql)
{
  sqlite3_stmt *stmt = cl_ledger_statement (ledger, sql, NULL);
  gint64 value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static char *
query_text (ClLedger   *ledger,
            const char *sql)
{
  sqlite3_stmt *stmt = cl_ledger_statement (ledger, sql, NULL);
  char *value = NULL;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

/* What the import must never break: the foreign keys it no longer has SQLite check row by
 * row, the file's structure, and the audit chain. */
static void
assert_ledger_sound (ClLedger *ledger)
{
  g_autofree char *integrity = query_text (ledger, "PRAGMA integrity_check");
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cl_ledger_statement (ledger, "PRAGMA foreign_key_check", NULL);

  g_assert_cmpstr (integrity, ==, "ok");
  /* Every index is there, whatever a bulk import dropped on the way. */
  g_assert_cmpint (query_int (ledger, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                                      " AND name IN ('events_by_event_key', 'events_by_content',"
                                      " 'events_by_time', 'events_by_subject',"
                                      " 'identifiers_by_value', 'identifiers_by_subject',"
                                      " 'subjects_by_latest')"), ==, 7);
  /* Every event id once, with its key: the import is what keeps them unique. */
  g_assert_cmpint (query_int (ledger, "SELECT count(event_id) - count(DISTINCT event_id) FROM events"),
                   ==, 0);
  g_assert_cmpint (query_int (ledger, "SELECT count(*) FROM events"
                                      " WHERE (event_id IS NULL) <> (event_key IS NULL)"), ==, 0);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  g_assert_true (cl_audit_verify (ledger, NULL, &error));
  g_assert_no_error (error);
  /* Every subject's latest event is its own, and is the latest by time, then by id. */
  g_assert_cmpint (query_int (ledger,
                              "SELECT count(*) FROM subjects s WHERE latest_event_id IS NOT"
                              " (SELECT id FROM events WHERE subject_id = s.id"
                              "  ORDER BY recorded_at DESC, id DESC LIMIT 1)"), ==, 0);
  /* No subject without an identifier, no identifier of a missing subject. */
  g_assert_cmpint (query_int (ledger,
                              "SELECT count(*) FROM subjects s WHERE NOT EXISTS"
                              " (SELECT 1 FROM identifiers WHERE subject_id = s.id)"), ==, 0);
  /* The connection is as the import found it: checks on, temporary tables in memory, the
   * page cache of cl_ledger_open(). */
  g_assert_cmpint (query_int (ledger, "PRAGMA cache_size"), ==, -64 * 1024);
  g_assert_cmpint (query_int (ledger, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (ledger, "PRAGMA ignore_check_constraints"), ==, 0);
  g_assert_cmpint (query_int (ledger, "PRAGMA temp_store"), ==, 2);
}

static ClConsentImportResult *
import_ok (ClLedger   *ledger,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cl_test_data_path (name);
  ClConsentImportResult *result = NULL;

  cl_consent_import_file (ledger, path, CL_CONSENT_READER_FLAGS_NONE, NULL, NULL, NULL, &result,
                          &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpstr (result->filename, ==, path);
  return result;
}

static void
test_jsonl (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ClConsentImportResult) r = import_ok (f->ledger, "import/basic.jsonl");
  g_autofree char *detail = NULL;
  g_autofree char *effective = NULL;
  g_autofree char *summary = NULL;

  g_assert_cmpuint (r->n_read, ==, 4);
  g_assert_cmpuint (r->n_imported, ==, 4);
  g_assert_cmpuint (r->n_new_subjects, ==, 3);
  g_assert_cmpuint (r->n_duplicates, ==, 0);
  g_assert_cmpuint (r->n_erased, ==, 0);
  g_assert_cmpuint (r->n_new_policies, ==, 2);
  g_assert_true (r->bulk);

  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM events"), ==, 4);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM subjects"), ==, 3);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM identifiers"), ==, 5);
  /* One user agent, interned. */
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM user_agents"), ==, 1);
  g_assert_cmpint (query_int (f->ledger,
                              "SELECT count(DISTINCT user_agent_id) FROM events"), ==, 1);
  /* Decisions as bit masks over purposes.bit. */
  g_assert_cmpint (query_int (f->ledger,
                              "SELECT granted FROM events WHERE event_id = 'ev-1'"), ==,
                   query_int (f->ledger,
                              "SELECT 1 << bit FROM purposes WHERE key = 'measurement'"));
  g_assert_cmpint (query_int (f->ledger,
                              "SELECT denied FROM events WHERE event_id = 'ev-1'"), ==,
                   query_int (f->ledger,
                              "SELECT sum(1 << bit) FROM purposes"
                              " WHERE key IN ('personalization', 'advertising')"));
  g_assert_cmpint (query_int (f->ledger,
                              "SELECT granted << 8 | denied FROM events WHERE event_id = 'ev-4'"),
                   ==, query_int (f->ledger, "SELECT 1 << bit FROM purposes"
                                             " WHERE key = 'advertising'"));
  g_assert_cmpint (query_int (f->ledger, "SELECT method FROM events WHERE event_id = 'ev-4'"),
                   ==, CL_CONSENT_METHOD_GPC);
  g_assert_cmpint (query_int (f->ledger, "SELECT gpc FROM events WHERE event_id = 'ev-4'"), ==, 1);
  g_assert_cmpint (query_int (f->ledger, "SELECT recorded_at FROM events WHERE event_id = 'ev-1'"),
                   ==, G_GINT64_CONSTANT (1772366400000));
  /* Per-vendor decisions. */
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM event_vendors"), ==, 2);
  g_assert_cmpint (query_int (f->ledger,
                              "SELECT granted FROM event_vendors WHERE gvl_id = 755"), ==, 1);
  /* Unknown policy versions registered, dated by their first event. */
  effective = query_text (f->ledger, "SELECT effective FROM policy_versions WHERE version = '3.0'");
  g_assert_cmpstr (effective, ==, "2026-02-01");
  summary = query_text (f->ledger, "SELECT summary FROM policy_versions WHERE version = '3.1'");
  g_assert_cmpstr (summary, ==, "First seen in an imported consent log");
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM policy_versions"
                                         " WHERE significant = 0"), ==, 2);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM events WHERE policy_id IS NULL"),
                   ==, 1);
  /* They are written at the end of the import, under the ids their events were given when
   * each was first met: 3.1 (line 1) before 3.0 (line 3). */
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM events e"
                                         " JOIN policy_versions p ON p.id = e.policy_id"
                                         " WHERE (e.event_id IN ('ev-1', 'ev-2') AND p.version = '3.1')"
                                         " OR (e.event_id = 'ev-3' AND p.version = '3.0')"), ==, 3);
  g_assert_cmpint (query_int (f->ledger,
                              "SELECT (SELECT id FROM policy_versions WHERE version = '3.1')"
                              " < (SELECT id FROM policy_versions WHERE version = '3.0')"), ==, 1);
  /* The indexes dropped for the bulk import are back. */
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                                         " AND name IN ('events_by_time', 'events_by_subject',"
                                         " 'events_by_event_key', 'events_by_content',"
                                         " 'identifiers_by_subject', 'subjects_by_latest')"),
                   ==, 6);
  /* One audit entry, with the counts. */
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM audit_log WHERE action = 'import'"),
                   ==, 1);
  detail = query_text (f->ledger, "SELECT detail FROM audit_log WHERE action = 'import'");
  /* The file's name only: a folder can name a person (/home/anna.svensson/…), and the audit log
   * can never be erased. */
  g_assert_null (strstr (detail, "/"));
  g_assert_true (g_str_has_prefix (detail, "basic.jsonl: "));
  g_assert_nonnull (strstr (detail, "4 events imported, 3 new subjects, 0 duplicates skipped, "
                                    "0 erased subjects skipped"));
  assert_ledger_sound (f->ledger);
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(ClConsentImportResult) r = import_ok (f->ledger, "import/basic.csv");

  g_assert_cmpuint (r->n_imported, ==, 3);
  g_assert_cmpuint (r->n_new_subjects, ==, 2);
  g_assert_cmpint (query_int (f->ledger,
                              "SELECT count(*) FROM identifiers WHERE kind = 'email'"), ==, 1);
  /* An empty purpose cell is "not asked": in neither mask. */
  g_assert_cmpint (query_int (f->ledger, "SELECT (granted | denied) & (SELECT 1 << bit FROM"
                                         " purposes WHERE key = 'advertising') FROM events"
                                         " WHERE event_id = 'csv-1'"), ==, 0);
  assert_ledger_sound (f->ledger);
}

static void
test_idempotent (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ClConsentImportResult) first = import_ok (f->ledger, "import/basic.jsonl");
  g_autoptr(ClConsentImportResult) second = NULL;
  g_autoptr(ClConsentImportResult) third = NULL;

  g_assert_cmpuint (first->n_imported, ==, 4);
  second = import_ok (f->ledger, "import/basic.jsonl");
  g_assert_cmpuint (second->n_read, ==, 4);
  g_assert_cmpuint (second->n_imported, ==, 0);
  g_assert_cmpuint (second->n_duplicates, ==, 4);
  g_assert_cmpuint (second->n_new_subjects, ==, 0);
  g_assert_cmpuint (second->n_new_policies, ==, 0);
  g_assert_false (second->bulk);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM events"), ==, 4);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM subjects"), ==, 3);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM identifiers"), ==, 5);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM event_vendors"), ==, 2);

  /* The same events under another file name and format are still the same events. */
  third = import_ok (f->ledger, "import/basic.csv");
  g_assert_cmpuint (third->n_imported, ==, 3);
  g_clear_pointer (&third, cl_consent_import_result_free);
  third = import_ok (f->ledger, "import/basic.csv");
  g_assert_cmpuint (third->n_duplicates, ==, 3);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM audit_log WHERE action = 'import'"),
                   ==, 4);
  assert_ledger_sound (f->ledger);
}

static void
test_content_dedup (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ClConsentImportResult) first = import_ok (f->ledger, "import/no-ids.jsonl");
  g_autoptr(ClConsentImportResult) second = NULL;

  /* Line 3 repeats line 1; lines 2 and 4 differ in one field. */
  g_assert_cmpuint (first->n_imported, ==, 3);
  g_assert_cmpuint (first->n_duplicates, ==, 1);
  g_assert_cmpuint (first->n_new_subjects, ==, 1);
  second = import_ok (f->ledger, "import/no-ids.jsonl");
  g_assert_cmpuint (second->n_imported, ==, 0);
  g_assert_cmpuint (second->n_duplicates, ==, 4);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM events WHERE event_id IS NULL"),
                   ==, 3);
  assert_ledger_sound (f->ledger);
}

/* Into an empty ledger the UNIQUE indexes wait until the end and a set of keys finds the
 * duplicates: an event_id seen again (even at another time, for another visitor) is skipped,
 * with nothing of it in the ledger, and the indexes decide from then on. */
static void
test_bulk_duplicate_ids (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ClConsentImportResult) r = import_ok (f->ledger, "import/dup-ids.jsonl");

  g_assert_true (r->bulk);
  g_assert_cmpuint (r->n_imported, ==, 3);
  g_assert_cmpuint (r->n_duplicates, ==, 2);
  g_assert_cmpuint (r->n_new_subjects, ==, 2);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM events WHERE event_id = 'd-1'"),
                   ==, 1);
  g_assert_cmpint (query_int (f->ledger, "SELECT method FROM events WHERE event_id = 'd-1'"),
                   ==, CL_CONSENT_METHOD_ACCEPT_ALL);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM identifiers"
                                         " WHERE value IN ('c-erik', 'erik@example.se')"), ==, 0);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM events"), ==, 3);
  assert_ledger_sound (f->ledger);
}

static void
test_devices (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ClConsentImportResult) r = import_ok (f->ledger, "import/devices.jsonl");

  /* Phone and laptop share an e-mail address (in another case); the tablet, first a subject
   * of its own, shares an account with the phone: one person. */
  g_assert_cmpuint (r->n_imported, ==, 4);
  g_assert_cmpuint (r->n_new_subjects, ==, 1);
  g_assert_cmpuint (r->n_merged, ==, 0);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM subjects"), ==, 1);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(DISTINCT subject_id) FROM events"), ==, 1);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM identifiers"), ==, 5);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM identifiers"
                                         " WHERE kind = 'email' AND value = 'gus@example.se'"),
                   ==, 1);
  g_assert_cmpint (query_int (f->ledger, "SELECT e.event_id = 'dev-4' FROM subjects s"
                                         " JOIN events e ON e.id = s.latest_event_id"), ==, 1);
  /* Each event remembers the device it came from. */
  g_assert_cmpint (query_int (f->ledger, "SELECT count(DISTINCT identifier_id) FROM events"), ==, 3);
  assert_ledger_sound (f->ledger);
}

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ClConsentImportResult) first = import_ok (f->ledger, "import/merge-1.jsonl");
  g_autoptr(ClConsentImportResult) second = NULL;
  g_autofree char *detail = NULL;
  gint64 hana;

  g_assert_cmpuint (first->n_new_subjects, ==, 2);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM subjects"), ==, 2);

  second = import_ok (f->ledger, "import/merge-2.jsonl");
  g_assert_cmpuint (second->n_imported, ==, 1);
  g_assert_cmpuint (second->n_new_subjects, ==, 0);
  g_assert_cmpuint (second->n_merged, ==, 1);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM subjects"), ==, 1);
  hana = query_int (f->ledger, "SELECT id FROM subjects");
  g_assert_cmpint (hana, ==, 1);  /* the older subject absorbs the newer */
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM identifiers WHERE subject_id = 1"),
                   ==, 4);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM events WHERE subject_id = 1"), ==, 3);
  /* The latest event came with the merged subject. */
  g_assert_cmpint (query_int (f->ledger, "SELECT e.event_id = 'm-2' FROM subjects s"
                                         " JOIN events e ON e.id = s.latest_event_id"), ==, 1);
  detail = query_text (f->ledger, "SELECT detail FROM audit_log WHERE action = 'import'"
                                  " ORDER BY id DESC LIMIT 1");
  g_assert_nonnull (strstr (detail, "1 subjects merged by a shared identifier: "
                                    "subject 2 merged into subject 1"));
  assert_ledger_sound (f->ledger);
}

static void
test_latest (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ClConsentImportResult) first = import_ok (f->ledger, "import/latest.jsonl");
  g_autoptr(ClConsentImportResult) second = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *later = NULL;

  /* l-1 and l-3 share the latest millisecond: the one imported last wins. */
  latest = query_text (f->ledger, "SELECT e.event_id FROM subjects s"
                                  " JOIN events e ON e.id = s.latest_event_id");
  g_assert_cmpstr (latest, ==, "l-3");

  /* An older event does not move it; a newer one does (the incremental path). */
  second = import_ok (f->ledger, "import/latest-later.jsonl");
  g_assert_false (second->bulk);
  later = query_text (f->ledger, "SELECT e.event_id FROM subjects s"
                                 " JOIN events e ON e.id = s.latest_event_id");
  g_assert_cmpstr (later, ==, "l-6");
  assert_ledger_sound (f->ledger);
}

static void
add_tombstone (ClLedger   *ledger,
               const char *kind,
               const char *value)
{
  g_autofree char *hash = cl_tombstone_hash (ledger, kind, value);
  sqlite3_stmt *stmt;

  g_assert_nonnull (hash);
  stmt = cl_ledger_statement (ledger, "INSERT INTO tombstones (identifier_hash, erased_at,"
                                      " request_ref) VALUES (?, '2026-03-20', 'DSR-2026-0001')",
                              NULL);
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

static void
test_tombstone (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ClConsentImportResult) r = NULL;
  g_autoptr(GError) error = NULL;

  /* Anna erased by her consent id; Dora by her e-mail address, written in another case. */
  add_tombstone (f->ledger, "consent_id", "c-anna-laptop");
  add_tombstone (f->ledger, "email", "DORA@example.se");
  g_assert_true (cl_tombstone_contains (f->ledger, "email", "dora@example.se", &error));
  g_assert_no_error (error);
  g_assert_false (cl_tombstone_contains (f->ledger, "consent_id", "c-bert", &error));

  r = import_ok (f->ledger, "import/basic.jsonl");
  g_assert_cmpuint (r->n_read, ==, 4);
  g_assert_cmpuint (r->n_erased, ==, 2);
  g_assert_cmpuint (r->n_imported, ==, 2);
  g_assert_cmpuint (r->n_new_subjects, ==, 2);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM identifiers"
                                         " WHERE value LIKE '%anna%' OR value = 'A-1042'"), ==, 0);
  g_clear_pointer (&r, cl_consent_import_result_free);

  /* Dora's first event names her erased e-mail address: skipped. Her second names only a
   * consent id that was never erased, so nothing ties it to her: imported. */
  r = import_ok (f->ledger, "import/basic.csv");
  g_assert_cmpuint (r->n_erased, ==, 1);
  g_assert_cmpuint (r->n_imported, ==, 2);
  assert_ledger_sound (f->ledger);
}

static void
test_tombstone_hash (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *a = cl_tombstone_hash (f->ledger, "email", "anna@example.se");
  g_autofree char *b = cl_tombstone_hash (f->ledger, "email", "Anna@Example.SE");
  g_autofree char *c = cl_tombstone_hash (f->ledger, "account", "anna@example.se");
  g_autofree char *key = cl_ledger_get_setting (f->ledger, "tombstone.key");
  g_autofree char *expected = g_compute_hmac_for_string (G_CHECKSUM_SHA256,
                                                         (const guchar *) key, strlen (key),
                                                         "email:anna@example.se", -1);

  g_assert_cmpuint (strlen (a), ==, CL_TOMBSTONE_HASH_LEN);
  g_assert_cmpstr (a, ==, expected);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
}

typedef struct
{
  GCancellable *cancellable;
  gboolean      cancel_when_indexing;  /* else at the second call, while reading */
  guint         n_calls;
  guint64       last_done;
  guint64       total;
  guint         n_past_half;  /* calls between half the work and all of it */
  ClLedger     *ledger;       /* when set: the page cache's size is noted while reading */
  gint64        reading_cache_kib;
} ProgressData;

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  ProgressData *p = user_data;

  g_assert_cmpuint (done, >=, p->last_done);
  g_assert_cmpuint (done, <=, total);
  p->last_done = done;
  p->total = total;
  p->n_calls++;
  if (done > total / 2 && done < total)
    p->n_past_half++;
  if (p->ledger != NULL && done < total / 2)
    p->reading_cache_kib = MAX (p->reading_cache_kib,
                                -query_int (p->ledger, "PRAGMA cache_size"));
  if (p->cancellable != NULL
      && (p->cancel_when_indexing ? p->n_past_half == 1 : p->n_calls == 2))
    g_cancellable_cancel (p->cancellable);
}

static char *
generate_log (const char *dir,
              const char *name,
              guint64     n_events,
              guint64     seed)
{
  g_autoptr(GError) error = NULL;
  ClConsentGeneratorOptions options;
  char *path = g_build_filename (dir, name, NULL);

  cl_consent_generator_options_init (&options);
  options.n_events = n_events;
  options.seed = seed;
  g_assert_true (cl_consent_generate_to_file (&options, path, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* Cancelled while reading, or (data set) while the indexes are rebuilt after the reading:
 * either way nothing of the file stays. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(ClConsentImportResult) r = NULL;
  g_autofree char *log = generate_log (f->dir, "log.csv", 20000, 7);
  ProgressData progress = { g_cancellable_new (), data != NULL };

  r = import_ok (f->ledger, "import/basic.jsonl");
  g_clear_object (&f->ledger);
  before = cl_test_read_bytes (f->path);

  f->ledger = cl_ledger_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (cl_consent_import_file (f->ledger, log, CL_CONSENT_READER_FLAGS_NONE,
                                          progress.cancellable, on_progress, &progress, NULL,
                                          &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  if (progress.cancel_when_indexing)
    g_assert_cmpuint (progress.n_past_half, ==, 1);  /* the first index, then no more */
  else
    g_assert_cmpuint (progress.n_calls, ==, 2);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM events"), ==, 4);
  g_assert_false (cl_ledger_in_transaction (f->ledger));
  g_clear_object (&f->ledger);
  after = cl_test_read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
  g_object_unref (progress.cancellable);
}

static void
test_generated (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *log = generate_log (f->dir, "log.jsonl", 6000, 3);
  g_autoptr(ClConsentImportResult) whole = NULL;
  g_autoptr(ClLedger) other = NULL;
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *head = g_build_filename (f->dir, "head.jsonl", NULL);
  g_autofree char *tail = g_build_filename (f->dir, "tail.jsonl", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  ClConsentImportResult *part = NULL;
  ProgressData progress = { .ledger = f->ledger };
  GStatBuf log_stat;
  gsize length;
  const char *middle;
  const char *state_sql =
    "SELECT group_concat(x, ';') FROM (SELECT (SELECT group_concat(value, ',') FROM"
    " (SELECT value FROM identifiers WHERE subject_id = s.id ORDER BY kind, value)) || '=' ||"
    " e.event_id AS x FROM subjects s JOIN events e ON e.id = s.latest_event_id ORDER BY x)";
  /* Every event as the file had it, with its device. */
  const char *events_sql =
    "SELECT group_concat(x, ';') FROM (SELECT e.event_id || '|' || e.recorded_at || '|' ||"
    " e.granted || '|' || e.denied || '|' || e.method || '|' || ifnull (e.country, '') || '|'"
    " || ifnull (e.ip, '') || '|' || ifnull (u.value, '') || '|' || i.value AS x"
    " FROM events e JOIN identifiers i ON i.id = e.identifier_id"
    " LEFT JOIN urls u ON u.id = e.url_id ORDER BY x)";
  g_autofree char *erased = NULL;
  g_autofree char *first_line = NULL;
  const char *subject;

  /* The first visitor was erased before, in both ledgers: the bulk import skips their events
   * here and there, so the events it queues for insertion are not in step with the batches
   * of records it reads (see flush_events()). */
  g_file_get_contents (log, &first_line, NULL, &error);
  g_assert_no_error (error);
  subject = strstr (first_line, "\"subject\":\"");
  g_assert_nonnull (subject);
  subject += strlen ("\"subject\":\"");
  erased = g_strndup (subject, strchr (subject, '"') - subject);
  add_tombstone (f->ledger, "consent_id", erased);

  /* The whole log at once into an empty ledger (bulk mode)… */
  g_assert_true (cl_consent_import_file (f->ledger, log, CL_CONSENT_READER_FLAGS_NONE, NULL,
                                         on_progress, &progress, &whole, &error));
  g_assert_no_error (error);
  g_assert_true (whole->bulk);
  g_assert_cmpuint (whole->n_erased, >, 0);
  g_assert_cmpuint (whole->n_imported, ==, 6000 - whole->n_erased);
  g_assert_cmpuint (progress.last_done, ==, progress.total);
  /* The file counts twice its size: once read, once more for the six indexes rebuilt after
   * it (events_by_content is kept up as it goes) and the commit. The progress moves on with
   * each index instead of standing at the end of the reading until the commit. */
  g_assert_cmpint (g_stat (log, &log_stat), ==, 0);
  g_assert_cmpuint (progress.total, ==, 2 * (guint64) log_stat.st_size);
  g_assert_cmpuint (progress.n_past_half, >=, 6);
  /* Memory does not grow with the file: with nothing but the ends of the tables to write,
   * the bulk import reads with a small page cache (32 MiB, of the connection's 64). */
  g_assert_cmpint (progress.reading_cache_kib, >, 0);
  g_assert_cmpint (progress.reading_cache_kib, <=, 32 * 1024);
  /* Each page URL and user agent is stored once, however many events name it. */
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM urls"), ==,
                   query_int (f->ledger, "SELECT count(DISTINCT url_id) FROM events"));
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM urls"), <, 100);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM events WHERE url_id IS NULL"),
                   ==, 0);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM user_agents"), <, 100);
  assert_ledger_sound (f->ledger);

  /* …and in two parts, the second into a ledger that already holds events (row by row), must
   * give the same subjects, identifiers and current states. */
  g_file_get_contents (log, &contents, &length, &error);
  g_assert_no_error (error);
  middle = strchr (contents + length / 2, '\n') + 1;
  g_file_set_contents (head, contents, middle - contents, &error);
  g_assert_no_error (error);
  g_file_set_contents (tail, middle, -1, &error);
  g_assert_no_error (error);

  other = cl_ledger_open (other_path, &error);
  g_assert_no_error (error);
  add_tombstone (other, "consent_id", erased);
  g_assert_true (cl_consent_import_file (other, head, 0, NULL, NULL, NULL, &part, &error));
  g_assert_no_error (error);
  g_clear_pointer (&part, cl_consent_import_result_free);
  g_assert_true (cl_consent_import_file (other, tail, 0, NULL, NULL, NULL, &part, &error));
  g_assert_no_error (error);
  g_assert_false (part->bulk);
  g_clear_pointer (&part, cl_consent_import_result_free);
  assert_ledger_sound (other);

  g_assert_cmpint (query_int (other, "SELECT count(*) FROM events"), ==,
                   6000 - whole->n_erased);
  g_assert_cmpint (query_int (other, "SELECT count(*) FROM subjects"), ==,
                   query_int (f->ledger, "SELECT count(*) FROM subjects"));
  a = query_text (f->ledger, state_sql);
  b = query_text (other, state_sql);
  g_assert_cmpstr (a, ==, b);
  g_clear_pointer (&a, g_free);
  g_clear_pointer (&b, g_free);
  a = query_text (f->ledger, events_sql);
  b = query_text (other, events_sql);
  g_assert_cmpstr (a, ==, b);
}

static void
test_several_files (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_consent_import_result_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = cl_test_data_path ("import/basic.jsonl");
  g_autofree char *b = cl_test_data_path ("import/bad-method.jsonl");
  g_autofree char *c = cl_test_data_path ("import/basic.csv");
  const char *paths[] = { a, b, c, NULL };
  ProgressData progress = { NULL };

  g_assert_false (cl_consent_import_files (f->ledger, paths, 0, NULL, on_progress, &progress,
                                           results, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  /* The first file is in, the second rolled back, the third never started. */
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpuint (((ClConsentImportResult *) results->pdata[0])->n_imported, ==, 4);
  g_assert_cmpint (query_int (f->ledger, "SELECT count(*) FROM events"), ==, 4);
  g_assert_cmpuint (progress.total, >, 0);

  g_clear_error (&error);
  g_ptr_array_set_size (results, 0);
  paths[1] = c;
  paths[2] = NULL;
  g_assert_true (cl_consent_import_files (f->ledger, paths, 0, NULL, NULL, NULL, results, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_cmpuint (((ClConsentImportResult *) results->pdata[0])->n_duplicates, ==, 4);
  g_assert_cmpuint (((ClConsentImportResult *) results->pdata[1])->n_imported, ==, 3);
}

/* Bad input: the error names the file and the line, and the ledger file is byte for byte what
 * it was, whether the import ran in bulk mode (empty ledger) or row by row. */
typedef struct
{
  const char *name;
  guint       line;
  const char *needle;  /* in the message */
} BadCase;

static const BadCase bad_cases[] = {
  { "bad-json.jsonl", 3, NULL },
  { "bad-missing-subject.jsonl", 3, "subject" },
  { "bad-method.jsonl", 3, "method" },
  { "bad-purpose.jsonl", 3, "marketing" },
  { "bad-boolean.jsonl", 3, "measurement" },
  { "bad-timestamp.jsonl", 3, "recorded_at" },
  { "bad-utf8.jsonl", 3, "UTF-8" },
  { "bad-quote.csv", 4, NULL },
  { "bad-boolean.csv", 4, "personalization" },
  { "bad-header-missing.csv", 1, "method" },
  { "bad-header-unknown.csv", 1, "favourite_colour" },
  { "too-long.jsonl", 3, "1 MiB" },  /* written by the test */
};

static char *
bad_case_path (const BadCase *c,
               const char    *dir)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  char *path;

  if (strcmp (c->name, "too-long.jsonl") != 0)
    {
      g_autofree char *relative = g_strconcat ("import/", c->name, NULL);

      return cl_test_data_path (relative);
    }

  path = g_build_filename (dir, c->name, NULL);
  text = g_string_new ("{\"event_id\":\"t-1\",\"subject\":\"c-t\",\"recorded_at\":\"2026-03-01T00:00:00Z\","
                       "\"method\":\"accept_all\"}\n"
                       "{\"event_id\":\"t-2\",\"subject\":\"c-t\",\"recorded_at\":\"2026-03-02T00:00:00Z\","
                       "\"method\":\"accept_all\"}\n"
                       "{\"event_id\":\"t-3\",\"subject\":\"c-t\",\"recorded_at\":\"2026-03-03T00:00:00Z\","
                       "\"method\":\"accept_all\",\"context\":{\"url\":\"https://example.com/?");
  for (guint i = 0; i < 1100 * 1024 / 8; i++)
    g_string_append (text, "aaaaaaaa");
  g_string_append (text, "\"}}\n");
  g_file_set_contents (path, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    for (guint with_events = 0; with_events < 2; with_events++)
      {
        const BadCase *c = &bad_cases[i];
        g_autofree char *dir = cl_test_make_tmpdir ();
        g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
        g_autofree char *bad = bad_case_path (c, dir);
        g_autofree char *prefix = g_strdup_printf ("%s:%u: ", bad, c->line);
        g_autoptr(ClLedger) ledger = NULL;
        g_autoptr(GBytes) before = NULL;
        g_autoptr(GBytes) after = NULL;
        g_autoptr(GError) error = NULL;

        g_test_message ("%s, %s", c->name, with_events ? "row by row" : "bulk");
        ledger = cl_ledger_open (path, &error);
        g_assert_no_error (error);
        if (with_events)
          cl_consent_import_result_free (import_ok (ledger, "import/basic.jsonl"));
        g_clear_object (&ledger);
        before = cl_test_read_bytes (path);

        ledger = cl_ledger_open (path, &error);
        g_assert_no_error (error);
        g_assert_false (cl_consent_import_file (ledger, bad, 0, NULL, NULL, NULL, NULL, &error));
        g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
        g_assert_true (g_str_has_prefix (error->message, prefix));
        if (c->needle != NULL)
          g_assert_nonnull (strstr (error->message, c->needle));
        g_assert_false (cl_ledger_in_transaction (ledger));
        g_clear_object (&ledger);

        after = cl_test_read_bytes (path);
        g_assert_true (g_bytes_equal (before, after));
      }
}

static void
test_ignore_unknown_columns (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cl_test_data_path ("import/bad-header-unknown.csv");
  g_autoptr(ClConsentImportResult) r = NULL;

  g_assert_true (cl_consent_import_file (f->ledger, path, CL_CONSENT_READER_IGNORE_UNKNOWN_COLUMNS,
                                         NULL, NULL, NULL, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r->n_imported, ==, 1);
}

static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "nowhere.csv", NULL);

  g_assert_false (cl_consent_import_file (f->ledger, path, 0, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, path));
}

/* In Swedish, the import's own messages are Swedish too. Registered last: it leaves the
 * process in Swedish. */
static void
test_messages_translated (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "nowhere.csv", NULL);

  if (!cl_test_use_swedish ())
    return;
  g_assert_false (cl_consent_import_file (f->ledger, path, 0, NULL, NULL, NULL, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "Det gick inte att läsa "));
  g_clear_error (&error);
  g_assert_false (cl_consent_import_file (f->ledger, f->dir, 0, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "det är en mapp, inte en samtyckeslogg"));
}

/* consentctl */

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *log = cl_test_data_path ("import/basic.jsonl");
  g_autofree char *csv = cl_test_data_path ("import/basic.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "--ledger", f->path, "import", "consents", log, NULL };
  const char *argv2[] = { "--ledger", f->path, "import", "consents", log, csv, NULL };
  const char *argv_json[] = { "--ledger", f->path, "import", "consents", "--json", csv, NULL };

  g_clear_object (&f->ledger);
  g_assert_cmpint (cl_test_run_consentctl (argv, NULL, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "imported 4 events (3 new subjects, 0 duplicates skipped, "
                            "0 erased subjects skipped)\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cl_test_run_consentctl (argv2, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "basic.jsonl: imported 0 events (0 new subjects, "
                                 "4 duplicates skipped, 0 erased subjects skipped)\n"));
  g_assert_nonnull (strstr (out, "basic.csv: imported 3 events (2 new subjects, "
                                 "0 duplicates skipped, 0 erased subjects skipped)\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cl_test_run_consentctl (argv_json, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\"duplicates_skipped\" : 3"));
}

static void
test_cli_bad (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *good = cl_test_data_path ("import/basic.jsonl");
  g_autofree char *bad = cl_test_data_path ("import/bad-boolean.csv");
  g_autofree char *expected = g_strdup_printf ("%s:4: personalization", bad);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  const char *argv[] = { "--ledger", f->path, "import", "consents", bad, NULL };
  const char *argv_usage[] = { "--ledger", f->path, "import", "consents", NULL };
  const char *argv_kind[] = { "--ledger", f->path, "import", "recipes", good, NULL };

  cl_consent_import_result_free (import_ok (f->ledger, "import/basic.jsonl"));
  g_clear_object (&f->ledger);
  before = cl_test_read_bytes (f->path);

  g_assert_cmpint (cl_test_run_consentctl (argv, NULL, &out, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, expected));
  g_assert_cmpstr (out, ==, "");
  after = cl_test_read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cl_test_run_consentctl (argv_usage, NULL, NULL, NULL), ==, 2);
  g_assert_cmpint (cl_test_run_consentctl (argv_kind, NULL, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "recipes"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ledger/import/jsonl", test_jsonl);
  ADD ("/ledger/import/csv", test_csv);
  ADD ("/ledger/import/idempotent", test_idempotent);
  ADD ("/ledger/import/content-dedup", test_content_dedup);
  ADD ("/ledger/import/bulk-duplicate-ids", test_bulk_duplicate_ids);
  ADD ("/ledger/import/devices", test_devices);
  ADD ("/ledger/import/merge", test_merge);
  ADD ("/ledger/import/latest", test_latest);
  ADD ("/ledger/import/tombstone", test_tombstone);
  ADD ("/ledger/import/tombstone-hash", test_tombstone_hash);
  ADD ("/ledger/import/cancel", test_cancel);
  g_test_add ("/ledger/import/cancel-while-indexing", Fixture, "indexing", fixture_set_up,
              test_cancel, fixture_tear_down);
  ADD ("/ledger/import/generated", test_generated);
  ADD ("/ledger/import/several-files", test_several_files);
  ADD ("/ledger/import/bad-input", test_bad_input);
  ADD ("/ledger/import/ignore-unknown-columns", test_ignore_unknown_columns);
  ADD ("/ledger/import/missing-file", test_missing_file);
  ADD ("/ledger/import/cli", test_cli);
  ADD ("/ledger/import/cli-bad", test_cli_bad);
  ADD ("/ledger/import/messages-translated", test_messages_translated);

  return g_test_run ();
}
