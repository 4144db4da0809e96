/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ledger.c: creating, reopening and migrating a ledger; refusing files that are not ours. */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "cl-error.h"
#include "cl-event-key.h"
#include "cl-ledger-private.h"
#include "cl-purpose.h"
#include "cl-schema.h"
#include "cl-test-utils.h"

static char *
tmp_ledger_path (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  return g_build_filename (dir, "ledger.db", NULL);
}

static void
test_create (void)
{
  g_autofree char *path = tmp_ledger_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ledger);
  g_assert_cmpstr (cl_ledger_get_path (ledger), ==, path);
  g_assert_cmpint (cl_ledger_get_schema_version (ledger), ==, cl_schema_latest_version ());
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_create_in_new_folder (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "a", "b", "ledger.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_mode_0600 (void)
{
  g_autofree char *path = tmp_ledger_path ();
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = NULL;
  GStatBuf st;
  mode_t old_umask = umask (0);  /* a careless umask must not make the file world-readable */

  ledger = cl_ledger_open (path, &error);
  umask (old_umask);
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  wal = g_strconcat (path, "-wal", NULL);
  if (g_stat (wal, &st) == 0)
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
assert_seeded_purposes (ClLedger *ledger)
{
  static const struct {
    const char *key;
    const char *name;
    const char *legal_basis;
    gboolean    refusable;
    const char *category;  /* one of its data categories */
    int         tcf[4];
  } expected[] = {
    { "network", "Strictly necessary: network communication", "legitimate_interest", FALSE,
      "IP address", { 1 } },
    { "functional", "Strictly necessary: functional", "legitimate_interest", FALSE,
      "Privacy choices", { 1 } },
    { "measurement", "Measurement and performance", "consent", TRUE,
      "Number and frequency of visits", { 7, 8, 9, 10 } },
    { "personalization", "Personalized content", "consent", TRUE,
      "Links clicked on or shared", { 5, 6, 11 } },
    { "advertising", "Advertisement and ad measurement", "consent", TRUE,
      "Approximate location", { 2, 3, 4 } },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) purposes = cl_purpose_list (ledger, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (purposes)), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(ClPurpose) purpose = g_list_model_get_item (G_LIST_MODEL (purposes), i);
      const GArray *tcf = cl_purpose_get_tcf_purposes (purpose);
      guint n_tcf = 0;

      g_assert_cmpstr (cl_purpose_get_key (purpose), ==, expected[i].key);
      g_assert_cmpstr (cl_purpose_get_name (purpose), ==, expected[i].name);
      g_assert_cmpstr (cl_purpose_get_legal_basis (purpose), ==, expected[i].legal_basis);
      g_assert_cmpint (cl_purpose_get_refusable (purpose), ==, expected[i].refusable);
      g_assert_nonnull (strstr (cl_purpose_get_data_categories (purpose), expected[i].category));
      g_assert_cmpuint (cl_purpose_get_bit (purpose), ==, i);

      while (n_tcf < G_N_ELEMENTS (expected[i].tcf) && expected[i].tcf[n_tcf] != 0)
        n_tcf++;
      g_assert_cmpuint (tcf->len, ==, n_tcf);
      for (guint j = 0; j < n_tcf; j++)
        g_assert_cmpint (g_array_index (tcf, int, j), ==, expected[i].tcf[j]);
    }
}

static void
test_seeded_purposes (void)
{
  g_autofree char *path = tmp_ledger_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);

  g_assert_no_error (error);
  assert_seeded_purposes (ledger);
}

static void
test_reopen (void)
{
  g_autofree char *path = tmp_ledger_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) first = cl_ledger_open (path, &error);
  g_autoptr(ClLedger) second = NULL;
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  g_assert_true (cl_ledger_set_setting (first, "company.name", "Example AB", &error));
  g_assert_no_error (error);
  g_clear_object (&first);

  second = cl_ledger_open (path, &error);
  g_assert_no_error (error);
  name = cl_ledger_get_setting (second, "company.name");
  g_assert_cmpstr (name, ==, "Example AB");
  /* Reopening must not seed a second time. */
  assert_seeded_purposes (second);
}

static void
test_default_settings (void)
{
  g_autofree char *path = tmp_ledger_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);
  g_autofree char *company = NULL;
  g_autofree char *key = NULL;

  g_assert_no_error (error);
  company = cl_ledger_get_setting (ledger, "company.name");
  g_assert_cmpstr (company, ==, "Alleima AB");
  g_assert_cmpint (cl_ledger_get_setting_int (ledger, "reconsent.months", 0), ==, 13);
  key = cl_ledger_get_setting (ledger, "tombstone.key");
  g_assert_cmpuint (strlen (key), ==, 64);
}

/* A ledger stopped at each older schema version migrates to the latest one. */
static void
test_migrate_from_older (void)
{
  for (int version = 0; version < cl_schema_latest_version (); version++)
    {
      g_autofree char *path = tmp_ledger_path ();
      g_autoptr(ClLedger) ledger = NULL;
      g_autoptr(GError) error = NULL;
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_true (cl_schema_migrate (db, 0, version, &error));
      g_assert_no_error (error);
      sqlite3_close (db);

      ledger = cl_ledger_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cl_ledger_get_schema_version (ledger), ==, cl_schema_latest_version ());
      assert_seeded_purposes (ledger);
    }
}

static int
count_rows (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* A ledger file stopped at schema version, holding what sql inserts; then opened (and so
 * migrated) once by cl_ledger_open(). Returns an SQLite connection to the migrated file. */
static sqlite3 *
migrate_from (const char *path,
              int         version,
              const char *sql)
{
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (cl_schema_migrate (db, 0, version, &error));
  g_assert_no_error (error);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_null (message);
  sqlite3_close (db);

  ledger = cl_ledger_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cl_ledger_get_schema_version (ledger), ==, cl_schema_latest_version ());
  g_clear_object (&ledger);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

/* Version 2 widens the time index so that the records filters read it alone; the events of a
 * version 1 ledger stay, and the query planner then answers a purpose filter from the index. */
static void
test_migrate_time_index (void)
{
  g_autofree char *path = tmp_ledger_path ();
  sqlite3 *db = migrate_from (path, 1,
                              "INSERT INTO subjects (id, created_at) VALUES (1, '2026-01-01');"
                              "INSERT INTO identifiers (id, subject_id, kind, value)"
                              " VALUES (1, 1, 'consent_id', 'c-1');"
                              "INSERT INTO events (content_hash, subject_id, identifier_id,"
                              " recorded_at, method, granted)"
                              " VALUES (x'01', 1, 1, 1767225600, 0, 30);");

  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM pragma_index_info('events_by_time')"),
                   ==, 6);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM events WHERE granted = 30"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM pragma_index_list('events')"
                                   " WHERE name = 'events_by_time'"), ==, 1);
  sqlite3_close (db);
}

/* Version 3 rebuilds the events table with fewer indexes: every event and its per-vendor
 * decisions stay (dropping the old table must not cascade into event_vendors), an event with
 * an event_id loses its content hash, and an identifier or a content is still refused a
 * second time (since version 5, the import is what refuses an event_id a second time: see
 * /ledger/import/idempotent). */
static void
test_migrate_fewer_event_indexes (void)
{
  g_autofree char *path = tmp_ledger_path ();
  sqlite3 *db = migrate_from (path, 2,
                              "PRAGMA foreign_keys = ON;"
                              "INSERT INTO subjects (id, created_at) VALUES (1, '2026-01-01');"
                              "INSERT INTO identifiers (id, subject_id, kind, value)"
                              " VALUES (1, 1, 'consent_id', 'c-1');"
                              "INSERT INTO events (id, event_id, content_hash, subject_id,"
                              " identifier_id, recorded_at, method, granted) VALUES"
                              " (1, 'ev-1', x'01', 1, 1, 1767225600000, 0, 30),"
                              " (2, NULL, x'02', 1, 1, 1767225700000, 1, 0);"
                              "INSERT INTO event_vendors VALUES (1, 755, 1), (1, 793, 0);");

  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM events"), ==, 2);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM event_vendors WHERE event_id = 1"),
                   ==, 2);
  g_assert_cmpint (count_rows (db, "SELECT content_hash IS NULL FROM events WHERE id = 1"),
                   ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT content_hash = x'02' FROM events WHERE id = 2"),
                   ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM pragma_index_list('events')"
                                   " WHERE name IN ('events_by_identifier', 'events_by_policy')"),
                   ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM identifiers WHERE value = 'c-1'"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO identifiers (subject_id, kind, value)"
                                     " VALUES (1, 'consent_id', 'c-1')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO events (content_hash, subject_id,"
                                     " identifier_id, recorded_at, method)"
                                     " VALUES (x'02', 1, 1, 1, 0)",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

/* Version 5 finds events by a key of their event_id: the events there get theirs, the same
 * the import gives (cl_event_key()), an event without an id none, and look-ups by id go
 * through the new index. */
static void
test_migrate_event_keys (void)
{
  g_autofree char *path = tmp_ledger_path ();
  g_autofree char *expected = NULL;
  sqlite3 *db = migrate_from (path, 4,
                              "INSERT INTO subjects (id, created_at) VALUES (1, '2026-01-01');"
                              "INSERT INTO identifiers (id, subject_id, kind, value)"
                              " VALUES (1, 1, 'consent_id', 'c-1');"
                              "INSERT INTO events (id, event_id, content_hash, subject_id,"
                              " identifier_id, recorded_at, method) VALUES"
                              " (1, 'ev-1', NULL, 1, 1, 1767225600000, 0),"
                              " (2, NULL, x'02', 1, 1, 1767225700000, 1),"
                              " (3, 'ev-3', NULL, 1, 1, 1767225800000, 2);");

  expected = g_strdup_printf ("SELECT count(*) FROM events WHERE id = 1 AND event_key = %"
                              G_GINT64_FORMAT, cl_event_key ("ev-1", 4));
  g_assert_cmpint (count_rows (db, expected), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM events WHERE event_key IS NULL"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(DISTINCT event_key) FROM events"), ==, 2);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM pragma_index_list('events')"
                                   " WHERE name = 'events_by_event_key'"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM pragma_index_list('events')"
                                   " WHERE name = 'events_by_event_id'"), ==, 0);
  /* The function that filled them in is gone: other programs can still change the file. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE events SET event_id = 'ev-9' WHERE id = 3",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM pragma_integrity_check"
                                   " WHERE integrity_check = 'ok'"), ==, 1);
  sqlite3_close (db);
}

/* The key is stored in every ledger: it must stay what it was when the ledgers were written,
 * on every machine. The values were worked out apart from the C code, by the same algorithm
 * written again in Python (little-endian 8-byte words, splitmix64's mixer, the length of
 * the last, short word in its top byte). */
static void
test_event_key_stable (void)
{
  g_assert_cmpint (cl_event_key ("ev-1", 4), ==, G_GINT64_CONSTANT (1231470815378357815));
  g_assert_cmpint (cl_event_key ("ev-93b5b7e9b7394166", 19), ==,
                   G_GINT64_CONSTANT (-4509646510319521959));
  g_assert_cmpint (cl_event_key ("", 0), ==, G_GINT64_CONSTANT (-2152535657050944081));
  /* Only the bytes given. */
  g_assert_cmpint (cl_event_key ("ev-10", 4), ==, cl_event_key ("ev-1", 4));
}

/* Version 4 stores each page URL once: every event keeps its URL, or its lack of one, and its
 * per-vendor decisions; the same URL twice is one row. */
static void
test_migrate_urls (void)
{
  g_autofree char *path = tmp_ledger_path ();
  sqlite3 *db = migrate_from (path, 3,
                              "PRAGMA foreign_keys = ON;"
                              "INSERT INTO subjects (id, created_at) VALUES (1, '2026-01-01');"
                              "INSERT INTO identifiers (id, subject_id, kind, value)"
                              " VALUES (1, 1, 'consent_id', 'c-1');"
                              "INSERT INTO events (id, event_id, subject_id, identifier_id,"
                              " recorded_at, method, url, country) VALUES"
                              " (1, 'ev-1', 1, 1, 1767225600000, 0, 'https://a.example/', 'SE'),"
                              " (2, 'ev-2', 1, 1, 1767225700000, 1, 'https://b.example/', 'NO'),"
                              " (3, 'ev-3', 1, 1, 1767225800000, 2, 'https://a.example/', NULL),"
                              " (4, 'ev-4', 1, 1, 1767225900000, 3, NULL, 'DK');"
                              "INSERT INTO event_vendors VALUES (3, 755, 1);");

  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM urls"), ==, 2);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM events e JOIN urls u ON u.id = e.url_id"
                                   " WHERE (e.id, u.value) IN (VALUES (1, 'https://a.example/'),"
                                   " (2, 'https://b.example/'), (3, 'https://a.example/'))"),
                   ==, 3);
  g_assert_cmpint (count_rows (db, "SELECT url_id IS NULL AND country = 'DK' FROM events"
                                   " WHERE id = 4"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM pragma_table_info('events')"
                                   " WHERE name = 'url'"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM event_vendors WHERE event_id = 3"),
                   ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM pragma_index_list('events')"), ==, 4);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  sqlite3_close (db);
}

static void
assert_refused_untouched (const char *path,
                          int         expected_code)
{
  g_autoptr(GBytes) before = cl_test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);

  g_assert_null (ledger);
  g_assert_error (error, CL_LEDGER_ERROR, expected_code);
  g_assert_nonnull (strstr (error->message, path));

  after = cl_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_refuse_random_file (void)
{
  g_autofree char *path = tmp_ledger_path ();
  g_autoptr(GError) error = NULL;
  guint8 noise[8192];

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_test_rand_int_range (0, 256);
  g_file_set_contents (path, (const char *) noise, sizeof noise, &error);
  g_assert_no_error (error);

  assert_refused_untouched (path, CL_LEDGER_ERROR_NOT_A_LEDGER);
}

static void
test_refuse_text_file (void)
{
  g_autofree char *path = tmp_ledger_path ();
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "name,email\nAnna,anna@example.se\n", -1, &error);
  g_assert_no_error (error);
  assert_refused_untouched (path, CL_LEDGER_ERROR_NOT_A_LEDGER);
}

static void
test_refuse_foreign_database (void)
{
  g_autofree char *path = tmp_ledger_path ();
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name TEXT); "
                                     "INSERT INTO contacts VALUES ('Anna')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_untouched (path, CL_LEDGER_ERROR_NOT_A_LEDGER);
}

static void
test_refuse_newer_schema (void)
{
  g_autofree char *path = tmp_ledger_path ();
  g_autofree char *pragma = NULL;
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  ledger = cl_ledger_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&ledger);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  pragma = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d",
                            cl_schema_latest_version () + 1);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_untouched (path, CL_LEDGER_ERROR_TOO_NEW);
}

/* A ledger left at the format before the latest, in WAL mode as the app leaves its ledgers. */
static char *
make_older_ledger (void)
{
  g_autofree char *path = tmp_ledger_path ();
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (cl_schema_migrate (db, 0, cl_schema_latest_version () - 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  return g_steal_pointer (&path);
}

/* An older ledger needs the upgrade that cl_ledger_open then does; asking does not write to
 * the file, and once opened it needs none. */
static void
test_needs_upgrade_older (void)
{
  g_autofree char *path = make_older_ledger ();
  g_autoptr(GBytes) before = cl_test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  int from_version = -1;

  g_assert_true (cl_ledger_needs_upgrade (path, &from_version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (from_version, ==, cl_schema_latest_version () - 1);
  after = cl_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  ledger = cl_ledger_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (cl_ledger_needs_upgrade (path, &from_version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (from_version, ==, cl_schema_latest_version ());
}

static void
test_needs_upgrade_current (void)
{
  g_autofree char *path = tmp_ledger_path ();
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  int from_version = -1;

  ledger = cl_ledger_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (cl_ledger_needs_upgrade (path, &from_version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (from_version, ==, cl_schema_latest_version ());

  /* Also while another connection holds the ledger open and is writing to it. */
  g_assert_true (cl_ledger_begin (ledger, &error));
  g_assert_true (cl_ledger_set_setting (ledger, "test.key", "value", &error));
  g_assert_false (cl_ledger_needs_upgrade (path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cl_ledger_commit (ledger, &error));
}

/* A missing file or an empty one becomes a new ledger, which is quick: no upgrade. */
static void
test_needs_upgrade_new (void)
{
  g_autofree char *path = tmp_ledger_path ();
  g_autoptr(GError) error = NULL;
  int from_version = -1;

  g_assert_false (cl_ledger_needs_upgrade (path, &from_version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (from_version, ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  from_version = -1;
  g_assert_false (cl_ledger_needs_upgrade (path, &from_version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (from_version, ==, 0);
}

/* What cl_ledger_open refuses, the check refuses with the same error, and leaves untouched. */
static void
assert_check_refuses_like_open (const char *path)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autoptr(GError) open_error = NULL;
  g_autoptr(ClLedger) ledger = NULL;
  gboolean is_dir = g_file_test (path, G_FILE_TEST_IS_DIR);

  if (!is_dir)
    before = cl_test_read_bytes (path);
  g_assert_false (cl_ledger_needs_upgrade (path, NULL, &check_error));
  g_assert_nonnull (check_error);
  if (!is_dir)
    {
      after = cl_test_read_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
    }

  ledger = cl_ledger_open (path, &open_error);
  g_assert_null (ledger);
  g_assert_error (check_error, open_error->domain, open_error->code);
  g_assert_cmpstr (check_error->message, ==, open_error->message);
}

static void
test_needs_upgrade_refused (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *text = g_build_filename (dir, "people.csv", NULL);
  g_autofree char *foreign = g_build_filename (dir, "contacts.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.db", NULL);
  g_autofree char *pragma = NULL;
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_file_set_contents (text, "name,email\nAnna,anna@example.se\n", -1, &error);
  g_assert_no_error (error);
  assert_check_refuses_like_open (text);

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name TEXT); "
                                     "INSERT INTO contacts VALUES ('Anna')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  assert_check_refuses_like_open (foreign);

  ledger = cl_ledger_open (newer, &error);
  g_assert_no_error (error);
  g_clear_object (&ledger);
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  pragma = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d",
                            cl_schema_latest_version () + 1);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_check_refuses_like_open (newer);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_check_refuses_like_open (folder);
}

static void
test_transactions (void)
{
  g_autofree char *path = tmp_ledger_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);
  g_autofree char *value = NULL;

  g_assert_no_error (error);
  g_assert_true (cl_ledger_begin (ledger, &error));
  g_assert_true (cl_ledger_in_transaction (ledger));
  g_assert_true (cl_ledger_set_setting (ledger, "test.key", "kept?", &error));
  cl_ledger_rollback (ledger);
  g_assert_false (cl_ledger_in_transaction (ledger));
  value = cl_ledger_get_setting (ledger, "test.key");
  g_assert_null (value);
}

/* Linux's cachestat(2), from 6.5, which Debian 12's headers predate: the state of a file's
 * pages in the page cache. */
#define CACHESTAT_SYSCALL  451
#define TMPFS_MAGIC_NUMBER 0x01021994

typedef struct
{
  guint64 offset;
  guint64 length;  /* 0: to the end of the file */
} CachestatRange;

typedef struct
{
  guint64 n_cache;
  guint64 n_dirty;
  guint64 n_writeback;
  guint64 n_evicted;
  guint64 n_recently_evicted;
} Cachestat;

/* The pages of path that are waiting to be written to disk; FALSE when the kernel cannot tell. */
static gboolean
count_dirty_pages (const char *path,
                   guint64    *n_dirty)
{
  CachestatRange range = { 0, 0 };
  Cachestat stat = { 0 };
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  long rc;

  g_assert_cmpint (fd, >=, 0);
  rc = syscall (CACHESTAT_SYSCALL, fd, &range, &stat, 0);
  close (fd);
  *n_dirty = stat.n_dirty;
  return rc == 0;
}

/* A long transaction's WAL pages are flushed to the disk when asked, in the background, not
 * left dirty in memory until the commit's sync. */
static void
test_writeback (void)
{
  g_autofree char *path = tmp_ledger_path ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLedger) ledger = cl_ledger_open (path, &error);
  struct statfs fs;
  guint64 before, after;

  g_assert_no_error (error);
  g_assert_cmpint (statfs (path, &fs), ==, 0);
  if (fs.f_type == TMPFS_MAGIC_NUMBER)
    {
      g_test_skip ("tmpfs keeps its pages in memory: there is no disk to write them to");
      return;
    }

  /* 1 MiB in the WAL: committed, not yet synced (WAL mode syncs at the checkpoint). */
  g_assert_true (cl_ledger_exec (ledger, "CREATE TABLE filler (data BLOB);"
                                         "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL"
                                         " SELECT i + 1 FROM n WHERE i < 256)"
                                         " INSERT INTO filler SELECT randomblob (4096) FROM n",
                                 &error));
  g_assert_no_error (error);
  if (!count_dirty_pages (wal, &before))
    {
      g_test_skip ("this kernel has no cachestat(2) to see the page cache with");
      return;
    }
  if (before == 0)
    {
      g_test_skip ("the kernel wrote the WAL back before the test could ask");
      return;
    }

  cl_ledger_start_writeback (ledger);
  cl_ledger_wait_for_writeback (ledger);
  g_assert_true (count_dirty_pages (wal, &after));
  g_assert_cmpuint (after, ==, 0);
}

static void
test_default_path (void)
{
  g_autofree char *from_env = NULL;
  g_autofree char *from_xdg = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "consent-ledger",
                                                "ledger.db", NULL);

  g_setenv ("CONSENT_LEDGER", "/tmp/chosen.db", TRUE);
  from_env = cl_ledger_default_path ();
  g_assert_cmpstr (from_env, ==, "/tmp/chosen.db");

  g_unsetenv ("CONSENT_LEDGER");
  from_xdg = cl_ledger_default_path ();
  g_assert_cmpstr (from_xdg, ==, expected);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ledger/create", test_create);
  g_test_add_func ("/ledger/create-in-new-folder", test_create_in_new_folder);
  g_test_add_func ("/ledger/mode-0600", test_mode_0600);
  g_test_add_func ("/ledger/seeded-purposes", test_seeded_purposes);
  g_test_add_func ("/ledger/default-settings", test_default_settings);
  g_test_add_func ("/ledger/reopen", test_reopen);
  g_test_add_func ("/ledger/migrate-from-older", test_migrate_from_older);
  g_test_add_func ("/ledger/migrate-time-index", test_migrate_time_index);
  g_test_add_func ("/ledger/migrate-fewer-event-indexes", test_migrate_fewer_event_indexes);
  g_test_add_func ("/ledger/migrate-urls", test_migrate_urls);
  g_test_add_func ("/ledger/migrate-event-keys", test_migrate_event_keys);
  g_test_add_func ("/ledger/event-key-stable", test_event_key_stable);
  g_test_add_func ("/ledger/refuse/random-file", test_refuse_random_file);
  g_test_add_func ("/ledger/refuse/text-file", test_refuse_text_file);
  g_test_add_func ("/ledger/refuse/foreign-database", test_refuse_foreign_database);
  g_test_add_func ("/ledger/refuse/newer-schema", test_refuse_newer_schema);
  g_test_add_func ("/ledger/needs-upgrade/older", test_needs_upgrade_older);
  g_test_add_func ("/ledger/needs-upgrade/current", test_needs_upgrade_current);
  g_test_add_func ("/ledger/needs-upgrade/new", test_needs_upgrade_new);
  g_test_add_func ("/ledger/needs-upgrade/refused", test_needs_upgrade_refused);
  g_test_add_func ("/ledger/transactions", test_transactions);
  g_test_add_func ("/ledger/writeback", test_writeback);
  g_test_add_func ("/ledger/default-path", test_default_path);

  return g_test_run ();
}
