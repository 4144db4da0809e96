/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-schema.c: the ledger's schema, one migration per version, each in its own transaction. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-error.h"
#include "cl-event-key.h"
#include "cl-schema.h"
#include "cl-seed.h"

/* Version 1: the whole domain model of the brief.
 *
 * Consent events are the big table (millions of rows), so they are kept narrow: times are
 * Unix milliseconds, the method is a small integer, and the decisions on the refusable purposes
 * are two bit masks (granted, denied) indexed by purposes.bit, so a filter on "advertising
 * denied" is an integer test rather than a join. Per-vendor decisions, which only TCF sites
 * have, live in their own table. */
static const char migration_1[] =
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ");"

  "CREATE TABLE purposes ("
  "  id              INTEGER PRIMARY KEY,"
  "  key             TEXT NOT NULL UNIQUE,"
  "  bit             INTEGER NOT NULL UNIQUE CHECK (bit BETWEEN 0 AND 62),"
  "  position        INTEGER NOT NULL,"
  "  name            TEXT NOT NULL,"
  "  description     TEXT NOT NULL DEFAULT '',"
  "  legal_basis     TEXT NOT NULL CHECK (legal_basis IN ('consent', 'legitimate_interest',"
  "                                                       'contract', 'legal_obligation')),"
  "  refusable       INTEGER NOT NULL CHECK (refusable IN (0, 1)),"
  "  data_categories TEXT NOT NULL DEFAULT '',"  /* one category per line */
  "  retention       TEXT NOT NULL DEFAULT ''"
  ");"

  /* Which IAB TCF purposes translate into which company purpose. */
  "CREATE TABLE purpose_tcf ("
  "  tcf_purpose INTEGER NOT NULL CHECK (tcf_purpose > 0),"
  "  purpose_id  INTEGER NOT NULL REFERENCES purposes (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (tcf_purpose, purpose_id)"
  ") WITHOUT ROWID;"

  "CREATE TABLE policy_versions ("
  "  id          INTEGER PRIMARY KEY,"
  "  version     TEXT NOT NULL UNIQUE,"
  "  effective   TEXT,"                          /* YYYY-MM-DD */
  "  significant INTEGER NOT NULL DEFAULT 0 CHECK (significant IN (0, 1)),"
  "  summary     TEXT NOT NULL DEFAULT '',"
  "  text_sha256 TEXT,"
  "  created_at  TEXT NOT NULL"
  ");"

  "CREATE TABLE vendors ("
  "  id                     INTEGER PRIMARY KEY,"
  "  gvl_id                 INTEGER UNIQUE,"
  "  name                   TEXT NOT NULL,"
  "  privacy_url            TEXT,"
  "  country                TEXT,"
  "  transfer_safeguard     TEXT,"
  "  retention_days         INTEGER,"
  "  cookie_max_age_seconds INTEGER,"            /* 64-bit: real lists hold 63,072,000,000 */
  "  uses_cookies           INTEGER,"
  "  deleted_at             TEXT,"
  "  details                TEXT NOT NULL DEFAULT '{}'," /* the rest of the GVL entry, as JSON */
  "  updated_at             TEXT NOT NULL"
  ");"
  "CREATE INDEX vendors_by_name ON vendors (name COLLATE NOCASE);"

  /* TCF declarations of a vendor: kind is consent, legitimate_interest, flexible,
   * special_purpose, feature or special_feature; number is the TCF id. */
  "CREATE TABLE vendor_tcf ("
  "  vendor_id INTEGER NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,"
  "  kind      TEXT NOT NULL,"
  "  number    INTEGER NOT NULL,"
  "  PRIMARY KEY (vendor_id, kind, number)"
  ") WITHOUT ROWID;"

  /* Company purposes declared directly (vendor CSV lists, hand edits). */
  "CREATE TABLE vendor_purposes ("
  "  vendor_id  INTEGER NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,"
  "  purpose_id INTEGER NOT NULL REFERENCES purposes (id) ON DELETE CASCADE,"
  "  basis      TEXT NOT NULL CHECK (basis IN ('consent', 'legitimate_interest')),"
  "  PRIMARY KEY (vendor_id, purpose_id, basis)"
  ") WITHOUT ROWID;"

  /* The IAB CMP list: names the CMP of a decoded TC string. */
  "CREATE TABLE cmps ("
  "  id   INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL"
  ");"

  "CREATE TABLE gvl_imports ("
  "  id                  INTEGER PRIMARY KEY,"
  "  vendor_list_version INTEGER,"
  "  tcf_policy_version  INTEGER,"
  "  last_updated        TEXT,"
  "  source              TEXT NOT NULL,"
  "  imported_at         TEXT NOT NULL"
  ");"

  "CREATE TABLE subjects ("
  "  id              INTEGER PRIMARY KEY,"
  "  created_at      TEXT NOT NULL,"
  "  latest_event_id INTEGER"                    /* the current state, kept by the import */
  ");"
  "CREATE INDEX subjects_by_latest ON subjects (latest_event_id);"

  /* consent_id: the CMP's consent or visitor id (a device); email and account link devices. */
  "CREATE TABLE identifiers ("
  "  id         INTEGER PRIMARY KEY,"
  "  subject_id INTEGER NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,"
  "  kind       TEXT NOT NULL CHECK (kind IN ('consent_id', 'email', 'account')),"
  "  value      TEXT NOT NULL,"
  "  UNIQUE (value, kind)"
  ");"
  "CREATE INDEX identifiers_by_subject ON identifiers (subject_id);"

  "CREATE TABLE user_agents ("
  "  id    INTEGER PRIMARY KEY,"
  "  value TEXT NOT NULL UNIQUE"
  ");"

  /* method: 0 accept_all, 1 reject_all, 2 custom, 3 withdraw, 4 gpc (ClConsentMethod). */
  "CREATE TABLE events ("
  "  id            INTEGER PRIMARY KEY,"
  "  event_id      TEXT UNIQUE,"
  "  content_hash  BLOB NOT NULL UNIQUE,"         /* deduplicates events without event_id */
  "  subject_id    INTEGER NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,"
  "  identifier_id INTEGER NOT NULL REFERENCES identifiers (id) ON DELETE CASCADE,"
  "  recorded_at   INTEGER NOT NULL,"
  "  policy_id     INTEGER REFERENCES policy_versions (id),"
  "  method        INTEGER NOT NULL CHECK (method BETWEEN 0 AND 4),"
  "  granted       INTEGER NOT NULL DEFAULT 0,"
  "  denied        INTEGER NOT NULL DEFAULT 0,"
  "  gpc           INTEGER NOT NULL DEFAULT 0,"
  "  tc_string     TEXT,"
  "  url           TEXT,"
  "  country       TEXT,"
  "  ip            TEXT,"
  "  user_agent_id INTEGER REFERENCES user_agents (id)"
  ");"
  "CREATE INDEX events_by_time ON events (recorded_at, id);"
  "CREATE INDEX events_by_subject ON events (subject_id, recorded_at);"
  "CREATE INDEX events_by_identifier ON events (identifier_id);"
  "CREATE INDEX events_by_policy ON events (policy_id, recorded_at);"

  "CREATE TABLE event_vendors ("
  "  event_id  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,"
  "  gvl_id    INTEGER NOT NULL,"
  "  granted   INTEGER NOT NULL CHECK (granted IN (0, 1)),"
  "  PRIMARY KEY (event_id, gvl_id)"
  ") WITHOUT ROWID;"

  "CREATE TABLE requests ("
  "  id                INTEGER PRIMARY KEY,"
  "  reference         TEXT NOT NULL UNIQUE,"
  "  type              TEXT NOT NULL CHECK (type IN ('access', 'erasure', 'portability',"
  "                      'rectification', 'restriction', 'objection', 'withdrawal')),"
  "  subject_id        INTEGER REFERENCES subjects (id) ON DELETE SET NULL,"
  "  subject_label     TEXT NOT NULL DEFAULT '',"
  "  jurisdiction      TEXT NOT NULL CHECK (jurisdiction IN ('gdpr', 'ccpa')),"
  "  status            TEXT NOT NULL CHECK (status IN ('received', 'verifying', 'in_progress',"
  "                      'paused', 'completed', 'rejected')),"
  "  received          TEXT NOT NULL,"           /* YYYY-MM-DD */
  "  due               TEXT NOT NULL,"
  "  extended_until    TEXT,"
  "  extension_reason  TEXT,"
  "  paused_since      TEXT,"
  "  paused_days       INTEGER NOT NULL DEFAULT 0,"
  "  verification      TEXT,"
  "  resolution        TEXT,"
  "  notes             TEXT NOT NULL DEFAULT '',"
  "  created_at        TEXT NOT NULL,"
  "  closed_at         TEXT"
  ");"
  "CREATE INDEX requests_by_due ON requests (status, due);"
  "CREATE INDEX requests_by_subject ON requests (subject_id);"

  "CREATE TABLE request_steps ("
  "  id         INTEGER PRIMARY KEY,"
  "  request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,"
  "  at         TEXT NOT NULL,"
  "  actor      TEXT NOT NULL,"
  "  action     TEXT NOT NULL,"
  "  detail     TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX request_steps_by_request ON request_steps (request_id, id);"

  "CREATE TABLE request_files ("
  "  id         INTEGER PRIMARY KEY,"
  "  request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,"
  "  path       TEXT NOT NULL,"
  "  format     TEXT NOT NULL,"
  "  sha256     TEXT NOT NULL,"
  "  created_at TEXT NOT NULL"
  ");"
  "CREATE INDEX request_files_by_request ON request_files (request_id);"

  /* Append-only and tamper-evident: hash = SHA-256 over prev_hash and the entry's fields. */
  "CREATE TABLE audit_log ("
  "  id          INTEGER PRIMARY KEY,"
  "  at          TEXT NOT NULL,"
  "  actor       TEXT NOT NULL,"
  "  action      TEXT NOT NULL,"
  "  object_type TEXT NOT NULL,"
  "  object_id   TEXT NOT NULL DEFAULT '',"
  "  detail      TEXT NOT NULL DEFAULT '',"
  "  prev_hash   TEXT NOT NULL,"
  "  hash        TEXT NOT NULL"
  ");"
  "CREATE INDEX audit_by_object ON audit_log (object_type, object_id);"
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"

  /* Erased subjects: a keyed hash of each identifier, so an old log cannot bring them back. */
  "CREATE TABLE tombstones ("
  "  identifier_hash TEXT PRIMARY KEY,"
  "  erased_at       TEXT NOT NULL,"
  "  request_ref     TEXT"
  ") WITHOUT ROWID;";

/* The time index carries the small columns the records filters test (purpose masks, method,
 * policy): a filter then walks this index alone, in the order the page shows, and never reads
 * the wide event rows (tc_string, url, …). On a million events a purpose filter drops from
 * ~400 ms to ~100 ms, at no extra index to keep up on import. */
static const char migration_2[] =
  "DROP INDEX events_by_time;"
  "CREATE INDEX events_by_time ON events (recorded_at, id, granted, denied, method, policy_id);";

/* Version 3: fewer indexes on events, because keeping them is most of an import's cost (BRIEF
 * §6 compares it with the sqlite3 shell's plain .import).
 *
 * - content_hash is only for events without an event_id (NULL otherwise): events with one are
 *   told apart by the id alone, and a million 16-byte keys no longer have to be kept.
 * - The two UNIQUE constraints become partial UNIQUE indexes, and identifiers' UNIQUE (value,
 *   kind) a UNIQUE index, which an import into an empty ledger can drop and build again in one
 *   sort (a constraint's index cannot be dropped).
 * - events_by_policy goes: the widened time index serves the policy filter.
 * - events_by_identifier goes, with the foreign key on identifier_id that needed it: nothing
 *   deletes an identifier that events still name (erasure deletes the events first, an import
 *   only takes back an identifier it has just added), and the key's check on every identifier
 *   deleted would otherwise read every event.
 *
 * SQLite cannot drop a constraint, so the two tables are rebuilt (its documented twelve steps; the
 * migration runs with foreign keys off and checks them before it commits). */
static const char migration_3[] =
  "CREATE TABLE events_v3 ("
  "  id            INTEGER PRIMARY KEY,"
  "  event_id      TEXT,"
  "  content_hash  BLOB,"                         /* of an event without event_id */
  "  subject_id    INTEGER NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,"
  "  identifier_id INTEGER NOT NULL,"             /* the device (consent_id) it came from */
  "  recorded_at   INTEGER NOT NULL,"
  "  policy_id     INTEGER REFERENCES policy_versions (id),"
  "  method        INTEGER NOT NULL CHECK (method BETWEEN 0 AND 4),"
  "  granted       INTEGER NOT NULL DEFAULT 0,"
  "  denied        INTEGER NOT NULL DEFAULT 0,"
  "  gpc           INTEGER NOT NULL DEFAULT 0,"
  "  tc_string     TEXT,"
  "  url           TEXT,"
  "  country       TEXT,"
  "  ip            TEXT,"
  "  user_agent_id INTEGER REFERENCES user_agents (id)"
  ");"
  "INSERT INTO events_v3 SELECT id, event_id,"
  "  CASE WHEN event_id IS NULL THEN content_hash END, subject_id, identifier_id, recorded_at,"
  "  policy_id, method, granted, denied, gpc, tc_string, url, country, ip, user_agent_id"
  "  FROM events ORDER BY id;"
  "DROP TABLE events;"
  "ALTER TABLE events_v3 RENAME TO events;"
  "CREATE UNIQUE INDEX events_by_event_id ON events (event_id) WHERE event_id IS NOT NULL;"
  "CREATE UNIQUE INDEX events_by_content ON events (content_hash)"
  "  WHERE content_hash IS NOT NULL;"
  "CREATE INDEX events_by_time ON events (recorded_at, id, granted, denied, method, policy_id);"
  "CREATE INDEX events_by_subject ON events (subject_id, recorded_at);"
  "CREATE TABLE identifiers_v3 ("
  "  id         INTEGER PRIMARY KEY,"
  "  subject_id INTEGER NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,"
  "  kind       TEXT NOT NULL CHECK (kind IN ('consent_id', 'email', 'account')),"
  "  value      TEXT NOT NULL"
  ");"
  "INSERT INTO identifiers_v3 SELECT id, subject_id, kind, value FROM identifiers ORDER BY id;"
  "DROP TABLE identifiers;"
  "ALTER TABLE identifiers_v3 RENAME TO identifiers;"
  "CREATE UNIQUE INDEX identifiers_by_value ON identifiers (value, kind);"
  "CREATE INDEX identifiers_by_subject ON identifiers (subject_id);";

/* Version 4: each event's page URL is stored once per distinct URL, in urls, as user agents
 * are. A company's logs name a few thousand pages at most, and the URL was a third of every
 * event row: a million events take 35 MB less, which an import writes twice (to the WAL, then
 * into the file). Nothing else refers to events.url; the events table is rebuilt like in
 * version 3, its indexes with it. urls has no foreign key from events for the same reason as
 * identifiers: an erasure deletes the URLs no event names any more, and a key's check would
 * read every event for each. */
static const char migration_4[] =
  "CREATE TABLE urls ("
  "  id    INTEGER PRIMARY KEY,"
  "  value TEXT NOT NULL UNIQUE"
  ");"
  "INSERT INTO urls (value) SELECT DISTINCT url FROM events WHERE url IS NOT NULL ORDER BY url;"
  "CREATE TABLE events_v4 ("
  "  id            INTEGER PRIMARY KEY,"
  "  event_id      TEXT,"
  "  content_hash  BLOB,"                         /* of an event without event_id */
  "  subject_id    INTEGER NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,"
  "  identifier_id INTEGER NOT NULL,"             /* the device (consent_id) it came from */
  "  recorded_at   INTEGER NOT NULL,"
  "  policy_id     INTEGER REFERENCES policy_versions (id),"
  "  method        INTEGER NOT NULL CHECK (method BETWEEN 0 AND 4),"
  "  granted       INTEGER NOT NULL DEFAULT 0,"
  "  denied        INTEGER NOT NULL DEFAULT 0,"
  "  gpc           INTEGER NOT NULL DEFAULT 0,"
  "  tc_string     TEXT,"
  "  url_id        INTEGER,"                      /* urls (id) */
  "  country       TEXT,"
  "  ip            TEXT,"
  "  user_agent_id INTEGER REFERENCES user_agents (id)"
  ");"
  "INSERT INTO events_v4 SELECT e.id, e.event_id, e.content_hash, e.subject_id,"
  "  e.identifier_id, e.recorded_at, e.policy_id, e.method, e.granted, e.denied, e.gpc,"
  "  e.tc_string, u.id, e.country, e.ip, e.user_agent_id"
  "  FROM events e LEFT JOIN urls u ON u.value = e.url ORDER BY e.id;"
  "DROP TABLE events;"
  "ALTER TABLE events_v4 RENAME TO events;"
  "CREATE UNIQUE INDEX events_by_event_id ON events (event_id) WHERE event_id IS NOT NULL;"
  "CREATE UNIQUE INDEX events_by_content ON events (content_hash)"
  "  WHERE content_hash IS NOT NULL;"
  "CREATE INDEX events_by_time ON events (recorded_at, id, granted, denied, method, policy_id);"
  "CREATE INDEX events_by_subject ON events (subject_id, recorded_at);";

/* Version 5: events are found by event_id through a number, events.event_key (see
 * cl-event-key.c), instead of through an index of the texts. The keys are worked out in C,
 * by add_event_keys(), which then builds the index. */
static const char migration_5[] =
  "ALTER TABLE events ADD COLUMN event_key INTEGER;"
  "DROP INDEX events_by_event_id;";

static void
event_key_function (sqlite3_context  *context,
                    int               argc,
                    sqlite3_value   **argv)
{
  const char *event_id = (const char *) sqlite3_value_text (argv[0]);

  if (event_id == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_int64 (context, cl_event_key (event_id, sqlite3_value_bytes (argv[0])));
}

/* The keys of the events already in the ledger, in one pass, then their index: filled in
 * first, the index is built once instead of updated a million times. */
static gboolean
add_event_keys (sqlite3  *db,
                GError  **error)
{
  char *message = NULL;
  int rc;

  if (sqlite3_create_function (db, "cl_event_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                               event_key_function, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_DATABASE,
                   _("Could not update the ledger’s structure: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  rc = sqlite3_exec (db,
                     "UPDATE events SET event_key = cl_event_key (event_id)"
                     " WHERE event_id IS NOT NULL;"
                     "CREATE INDEX events_by_event_key ON events (event_key)"
                     " WHERE event_key IS NOT NULL;",
                     NULL, NULL, &message);
  /* Nothing in the schema calls it: other programs can still open and change the file. */
  sqlite3_create_function (db, "cl_event_key", 1, SQLITE_UTF8, NULL, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_DATABASE,
                   _("Could not update the ledger’s structure: %s"), message);
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char *sql;
  gboolean  (*seed) (sqlite3 *db, GError **error);
} Migration;

static const Migration migrations[] = {
  { migration_1, cl_seed_new_ledger },
  { migration_2, NULL },
  { migration_3, NULL },
  { migration_4, NULL },
  { migration_5, add_event_keys },
};

int
cl_schema_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_DATABASE,
                   _("Could not update the ledger’s structure: %s"), message);
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/* Migrations run with foreign keys off (a table rebuild drops the old table, which would
 * otherwise cascade into its children), so they are checked here, before the commit. */
static gboolean
check_foreign_keys (sqlite3  *db,
                    GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_DATABASE,
                   _("Could not update the ledger’s structure: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_DATABASE,
                 _("Could not update the ledger’s structure: %s"),
                 rc == SQLITE_ROW ? _("a reference between tables does not match")
                                   : sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
apply_migration (sqlite3     *db,
                 int          version,
                 GError     **error)
{
  const Migration *migration = &migrations[version - 1];
  g_autofree char *set_version = NULL;

  if (!exec_sql (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                 CL_SCHEMA_APPLICATION_ID, version);
  if (!exec_sql (db, migration->sql, error)
      || (migration->seed != NULL && !migration->seed (db, error))
      || !check_foreign_keys (db, error)
      || !exec_sql (db, set_version, error)
      || !exec_sql (db, "COMMIT", error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
cl_schema_migrate (sqlite3     *db,
                   int          from_version,
                   int          to_version,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int foreign_keys = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (from_version >= 0 && to_version <= cl_schema_latest_version (), FALSE);

  /* foreign_keys can only change outside a transaction. */
  if (sqlite3_prepare_v2 (db, "PRAGMA foreign_keys", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    foreign_keys = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
  for (int version = from_version + 1; ok && version <= to_version; version++)
    ok = apply_migration (db, version, error);
  if (foreign_keys)
    sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  return ok;
}
