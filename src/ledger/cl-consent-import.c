/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-consent-import.c: imports consent logs into the ledger, one transaction per file, fast
 * enough for millions of events: statements prepared once, subjects, identifiers, policy
 * versions and user agents resolved from bounded in-memory caches, and, when the file is big
 * against the ledger, the secondary indexes dropped and rebuilt in the same transaction. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cl-audit.h"
#include "cl-consent-import.h"
#include "cl-error.h"
#include "cl-event-key.h"
#include "cl-hash.h"
#include "cl-hash-index.h"
#include "cl-key-set.h"
#include "cl-ledger-private.h"
#include "cl-policy.h"
#include "cl-read-ahead.h"
#include "cl-time.h"
#include "cl-tombstone.h"

/* Page cache while importing, in KiB (negative: SQLite's unit for a size). */
#define IMPORT_CACHE_SIZE   "-131072"
#define BULK_CACHE_SIZE     "-32768"
#define REBUILD_CACHE_SIZE  "-2048"
/* Bounds of the caches, so memory stays flat however many subjects a file holds: when one is
 * full it is emptied (written out first where needed) and refilled from the ledger. */
#define MAX_IDENTIFIERS     (1u << 20)
#define MAX_SUBJECTS        (1u << 20)
#define MAX_TEXTS           (1u << 16)
/* Events whose keys the bulk import holds in memory instead of the UNIQUE indexes: at most
 * 64 MiB; a bigger file has the indexes built when the set is full. */
#define MAX_SEEN_EVENTS     (1u << 22)
/* Events between two looks at the cancellable and two progress reports. */
#define CHECK_EVERY         1024
/* Events per INSERT statement in a bulk import (see queue_event()), and new subjects (see
 * write_latest()). */
#define EVENT_BATCH         64
#define SUBJECT_BATCH       64
#define IDENTIFIER_BATCH    64
/* How many records ahead the storing thread starts warming up the caches: one per link of
 * the chain of look-ups (see warm_caches()). */
#define WARM_AHEAD          4
/* Events between two nudges to write the WAL to disk (see cl_ledger_start_writeback()). */
#define WRITEBACK_EVERY     (64 * 1024)
/* Bytes per event, to guess a file's number of events from its size. */
#define BYTES_PER_EVENT     200
#define CONTENT_HASH_LEN    16
/* Units of progress of a file of size bytes: see ClConsentImportProgress. */
#define FILE_WORK(size)     ((size) * 2)
#define MAX_MERGES_SHOWN    20


typedef enum
{
  KIND_CONSENT_ID,
  KIND_EMAIL,
  KIND_ACCOUNT,
  N_KINDS
} Kind;

static const char * const kind_names[N_KINDS] = {
  [KIND_CONSENT_ID] = CL_IDENTIFIER_KIND_CONSENT_ID_KEY,
  [KIND_EMAIL] = CL_IDENTIFIER_KIND_EMAIL_KEY,
  [KIND_ACCOUNT] = CL_IDENTIFIER_KIND_ACCOUNT_KEY,
};

/* An identifier the ledger knows; identifier_id 0 marks one that was erased (tombstone). */
typedef struct
{
  gint64      identifier_id;
  gint64      subject_id;
  Kind        kind;   /* with value: the cache's key */
  const char *value;  /* in Import.identifier_values */
} Identifier;

/* The texts that events name by id, each stored once in a table of its own. */
typedef enum
{
  TEXTS_USER_AGENT,
  TEXTS_URL,
  N_TEXTS
} TextsKind;

typedef struct
{
  gint64      id;
  const char *value;  /* in Texts.values */
} Text;

/* What the reading thread works out from a record before it hands it over (see
 * prepare_record()): the hashing and the checks that need nothing from the ledger. */
typedef struct
{
  guint64  identifier_hash[N_KINDS];  /* of the values the record has */
  guint64  text_hash[N_TEXTS];
  guint64  granted;                   /* masks of purpose bits */
  guint64  denied;
  guint8   content_hash[CONTENT_HASH_LEN];  /* of an event without event_id */
  gboolean maybe_seen;  /* its key is in the set already, or the set is full */
  guint    n_vendors;   /* so that a record without any need not open its array */
  guint64  seen_key;    /* see seen_key() */
  gint64   event_key;   /* of its event_id, when it has one (see cl_event_key()) */
} Prepared;

/* The read-ahead steps through the prepared data 8 bytes at a time. */
G_STATIC_ASSERT (sizeof (Prepared) % 8 == 0);

/* The reading thread's own: nothing here is touched by the storing one while it reads. */
typedef struct
{
  const guint64 *purpose_masks;  /* by the reader's purpose index; read-only */
  ClKeySet      *seen;           /* keys of the events read so far; NULL: not needed */
  gint           seen_decides;   /* atomic: the storing thread still defers to the set */
  GChecksum     *checksum;
  GString       *canonical;
} Preparer;

/* A subject's latest event as the import goes; written to subjects.latest_event_id at the
 * end when it differs from what was stored. subject_id 0: merged away. A subject this import
 * creates is pending: its row is written once, with its latest event, instead of inserted at
 * its first event and updated at the end. */
typedef struct
{
  gint64   subject_id;
  gint64   latest_at;
  gint64   latest_id;
  gint64   stored_id;
  gboolean pending;
} SubjectState;

typedef struct
{
  gint64   id;
  gboolean is_new;
  gint64   earliest;  /* of a new version: its first event, the effective date we register */
  char    *version;
} Policy;

/* An event of a bulk import waiting for its INSERT: what bind_event() needs. The record stays
 * valid until the batch of records in hand goes back to the reading thread, and the queue is
 * flushed before that (see import_one()). */
typedef struct
{
  const ClConsentRecord *record;
  const Prepared        *prepared;
  gint64                 id;
  gint64                 subject_id;
  gint64                 identifier_id;
  gint64                 policy_id;
  gint64                 text_ids[N_TEXTS];
} PendingEvent;

typedef enum
{
  STMT_INSERT_EVENT,
  STMT_INSERT_NEW_EVENT,
  STMT_FIND_EVENT,
  STMT_INSERT_VENDOR,
  STMT_DELETE_IDENTIFIER,
  STMT_FIND_IDENTIFIER,
  STMT_INSERT_IDENTIFIER,
  STMT_INSERT_SUBJECT,
  STMT_LOAD_SUBJECT,
  STMT_UPDATE_LATEST,
  STMT_FIND_TOMBSTONE,
  STMT_FIND_POLICY,
  STMT_INSERT_POLICY,
  STMT_FIND_USER_AGENT,
  STMT_INSERT_USER_AGENT,
  STMT_FIND_URL,
  STMT_INSERT_URL,
  N_STATEMENTS
} Statement;

/* The columns an import fills in, in the order bind_event() binds them. */
#define EVENT_COLUMNS \
  "event_id, content_hash, subject_id, identifier_id, recorded_at, policy_id, method," \
  " granted, denied, gpc, tc_string, url_id, country, ip, user_agent_id, event_key"
#define N_EVENT_COLUMNS  16
#define EVENT_PARAMETERS "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"

static const char * const statement_sql[N_STATEMENTS] = {
  [STMT_INSERT_EVENT] =
    "INSERT OR IGNORE INTO events (" EVENT_COLUMNS ") VALUES (" EVENT_PARAMETERS ")",
  [STMT_INSERT_NEW_EVENT] =
    "INSERT INTO events (" EVENT_COLUMNS ") VALUES (" EVENT_PARAMETERS ")",
  [STMT_FIND_EVENT] = "SELECT 1 FROM events WHERE event_key = ? AND event_id = ?",
  [STMT_INSERT_VENDOR] =
    "INSERT OR REPLACE INTO event_vendors (event_id, gvl_id, granted) VALUES (?, ?, ?)",
  [STMT_DELETE_IDENTIFIER] = "DELETE FROM identifiers WHERE id = ?",
  [STMT_FIND_IDENTIFIER] = "SELECT id, subject_id FROM identifiers WHERE value = ? AND kind = ?",
  [STMT_INSERT_IDENTIFIER] = "INSERT INTO identifiers (subject_id, kind, value) VALUES (?, ?, ?)",
  [STMT_INSERT_SUBJECT] =
    "INSERT INTO subjects (id, created_at, latest_event_id) VALUES (?, ?, ?)",
  [STMT_LOAD_SUBJECT] =
    "SELECT e.id, e.recorded_at FROM subjects s JOIN events e ON e.id = s.latest_event_id"
    " WHERE s.id = ?",
  [STMT_UPDATE_LATEST] = "UPDATE subjects SET latest_event_id = ? WHERE id = ?",
  [STMT_FIND_TOMBSTONE] = "SELECT 1 FROM tombstones WHERE identifier_hash = ?",
  [STMT_FIND_POLICY] = "SELECT id FROM policy_versions WHERE version = ?",
  [STMT_INSERT_POLICY] =
    "INSERT INTO policy_versions (id, version, effective, significant, summary, created_at)"
    " VALUES (?, ?, ?, 0, ?, ?)",
  [STMT_FIND_USER_AGENT] = "SELECT id FROM user_agents WHERE value = ?",
  [STMT_INSERT_USER_AGENT] = "INSERT INTO user_agents (value) VALUES (?)",
  [STMT_FIND_URL] = "SELECT id FROM urls WHERE value = ?",
  [STMT_INSERT_URL] = "INSERT INTO urls (value) VALUES (?)",
};

/* Where each kind of text comes from and goes to. */
static const struct
{
  ClConsentField field;
  Statement      find;
  Statement      insert;
} texts_tables[N_TEXTS] = {
  [TEXTS_USER_AGENT] = { CL_CONSENT_FIELD_USER_AGENT, STMT_FIND_USER_AGENT,
                         STMT_INSERT_USER_AGENT },
  [TEXTS_URL] = { CL_CONSENT_FIELD_URL, STMT_FIND_URL, STMT_INSERT_URL },
};

/* A cache of one table of texts (see TextsKind): the ids of the values met so far. */
typedef struct
{
  ClHashIndex  *index;    /* hash → position + 1 in entries */
  GArray       *entries;  /* Text */
  GStringChunk *values;
} Texts;

typedef struct
{
  ClLedger                *ledger;
  sqlite3                 *db;
  const char              *path;
  ClConsentReaderFlags     flags;
  GCancellable            *cancellable;
  ClConsentImportProgress  progress;
  gpointer                 user_data;
  guint64                  work_before;  /* progress units of the earlier files of the call */
  guint64                  work_total;
  guint64                  file_size;

  ClReadAhead             *reader;
  Preparer                 preparer;
  ClConsentImportResult   *result;
  char                     created_at[CL_TIME_RFC3339_BUF_SIZE];
  sqlite3_stmt            *stmt[N_STATEMENTS];
  sqlite3_stmt            *insert_events;    /* EVENT_BATCH rows of EVENT_COLUMNS */
  sqlite3_stmt            *insert_subjects;  /* SUBJECT_BATCH rows, see insert_subjects() */
  sqlite3_stmt            *insert_identifiers;  /* IDENTIFIER_BATCH rows */
  PendingEvent             pending[EVENT_BATCH];
  guint                    n_pending;
  gint64                   next_event_id;  /* while events are queued: the id of the next */

  GStrv                    purpose_keys;
  guint64                 *purpose_masks;  /* by the reader's purpose index */

  gboolean                 bulk;
  GPtrArray               *dropped_indexes;  /* their CREATE INDEX statements */
  GPtrArray               *deferred_unique;  /* the UNIQUE ones, while a set stands in */
  gint64                   max_subject_before;
  gint64                   next_subject_id;  /* the ids of new subjects, given out in order */
  gint64                   next_policy_id;   /* and of new policy versions */
  guint                    finish_steps;  /* after the reading: 0 until it is over */
  guint                    finish_done;

  /* In a bulk import, the new identifiers waiting for their INSERT, as the events wait (see
   * insert_identifier()); their values are the cache's copies. */
  Identifier               pending_identifiers[IDENTIFIER_BATCH];
  guint                    n_pending_identifiers;
  gint64                   next_identifier_id;

  /* Identifier hash → position + 1 in identifiers */
  ClHashIndex             *identifier_index;
  GArray                  *identifiers;
  GStringChunk            *identifier_values;
  gboolean                 identifiers_complete;  /* a miss means "not in the ledger" */

  ClHashIndex             *subject_index;  /* subject id → index + 1 in subject_states */
  GArray                  *subject_states;
  GHashTable              *merged;    /* subject id → the subject it was merged into */
  GString                 *merges_shown;

  GHashTable              *policies;  /* version → Policy */
  Texts                    texts[N_TEXTS];

  ClTombstoneHasher       *tombstones;  /* NULL when nothing was ever erased */
} Import;

static guint64
identifier_hash (Kind        kind,
                 const char *value)
{
  return cl_hash_mix64 (cl_hash_bytes (value, strlen (value)) ^ (guint64) kind);
}

void
cl_consent_import_result_free (ClConsentImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->filename);
  g_free (result);
}

static void
policy_free (gpointer data)
{
  Policy *policy = data;

  g_free (policy->version);
  g_free (policy);
}

static void
import_clear (Import *im)
{
  /* The reading thread first: it stops, and the preparer is free to go. */
  g_clear_pointer (&im->reader, cl_read_ahead_free);
  g_clear_pointer (&im->preparer.seen, cl_key_set_free);
  g_clear_pointer (&im->preparer.checksum, g_checksum_free);
  if (im->preparer.canonical != NULL)
    g_string_free (g_steal_pointer (&im->preparer.canonical), TRUE);
  g_clear_pointer (&im->purpose_keys, g_strfreev);
  g_clear_pointer (&im->purpose_masks, g_free);
  g_clear_pointer (&im->dropped_indexes, g_ptr_array_unref);
  g_clear_pointer (&im->deferred_unique, g_ptr_array_unref);
  g_clear_pointer (&im->identifier_index, cl_hash_index_free);
  g_clear_pointer (&im->identifiers, g_array_unref);
  g_clear_pointer (&im->identifier_values, g_string_chunk_free);
  g_clear_pointer (&im->subject_index, cl_hash_index_free);
  g_clear_pointer (&im->subject_states, g_array_unref);
  g_clear_pointer (&im->merged, g_hash_table_unref);
  if (im->merges_shown != NULL)
    g_string_free (g_steal_pointer (&im->merges_shown), TRUE);
  g_clear_pointer (&im->policies, g_hash_table_unref);
  for (guint t = 0; t < N_TEXTS; t++)
    {
      g_clear_pointer (&im->texts[t].index, cl_hash_index_free);
      g_clear_pointer (&im->texts[t].entries, g_array_unref);
      g_clear_pointer (&im->texts[t].values, g_string_chunk_free);
    }
  g_clear_pointer (&im->tombstones, cl_tombstone_hasher_free);
}

/* Errors */

static gboolean
db_error (Import  *im,
          GError **error)
{
  g_autofree char *doing = NULL;

  if (im->reader != NULL && cl_read_ahead_get_line (im->reader) > 0)
    doing = g_strdup_printf (_("Could not import %s (at line %u)"), im->path,
                             cl_read_ahead_get_line (im->reader));
  else
    doing = g_strdup_printf (_("Could not import %s"), im->path);
  return cl_ledger_set_db_error (im->ledger, error, doing);
}

/* Sets error when the import has been cancelled. */
static gboolean
not_cancelled (Import  *im,
               GError **error)
{
  if (!g_cancellable_is_cancelled (im->cancellable))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
               _("The import of %s was cancelled; the ledger is as it was before"), im->path);
  return FALSE;
}

/* Runs a statement that returns no row, and resets it. */
static gboolean
step_done (Import       *im,
           sqlite3_stmt *stmt,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return db_error (im, error);
  return TRUE;
}

/* Setup */

static gboolean
query_int64 (Import      *im,
             const char  *sql,
             gint64      *value,
             GError     **error)
{
  sqlite3_stmt *stmt = cl_ledger_statement (im->ledger, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  *value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return db_error (im, error);
  return TRUE;
}

static gboolean
load_purposes (Import  *im,
               GError **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GArray) masks = g_array_new (FALSE, FALSE, sizeof (guint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = cl_ledger_statement (im->ledger, "SELECT key, bit FROM purposes ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint64 mask = G_GUINT64_CONSTANT (1) << sqlite3_column_int (stmt, 1);

      g_ptr_array_add (keys, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_array_append_val (masks, mask);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_set_free_func (keys, g_free);
      return db_error (im, error);
    }
  g_ptr_array_add (keys, NULL);
  im->purpose_keys = (GStrv) g_ptr_array_free (g_steal_pointer (&keys), FALSE);
  im->purpose_masks = (guint64 *) (gpointer) g_array_free (g_steal_pointer (&masks), FALSE);
  return TRUE;
}

static gboolean
prepare_statements (Import  *im,
                    GError **error)
{
  g_autoptr(GString) batch_sql = g_string_new ("INSERT INTO events (" EVENT_COLUMNS ") VALUES ");
  g_autoptr(GString) subjects_sql =
    g_string_new ("INSERT INTO subjects (id, created_at, latest_event_id) VALUES ");
  g_autoptr(GString) identifiers_sql =
    g_string_new ("INSERT INTO identifiers (subject_id, kind, value) VALUES ");

  for (guint i = 0; i < N_STATEMENTS; i++)
    {
      /* Borrowed from the ledger's cache; looked up once here, not per event. */
      im->stmt[i] = cl_ledger_statement (im->ledger, statement_sql[i], error);
      if (im->stmt[i] == NULL)
        return FALSE;
    }

  for (guint i = 0; i < EVENT_BATCH; i++)
    g_string_append (batch_sql, i == 0 ? "(" EVENT_PARAMETERS ")" : ", (" EVENT_PARAMETERS ")");
  im->insert_events = cl_ledger_statement (im->ledger, batch_sql->str, error);
  if (im->insert_events == NULL)
    return FALSE;

  /* ?1 is the time of the import, the same for every row. */
  for (guint i = 0; i < SUBJECT_BATCH; i++)
    g_string_append_printf (subjects_sql, "%s(?%u, ?1, ?%u)", i == 0 ? "" : ", ",
                            2 + 2 * i, 3 + 2 * i);
  im->insert_subjects = cl_ledger_statement (im->ledger, subjects_sql->str, error);
  if (im->insert_subjects == NULL)
    return FALSE;

  for (guint i = 0; i < IDENTIFIER_BATCH; i++)
    g_string_append (identifiers_sql, i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
  im->insert_identifiers = cl_ledger_statement (im->ledger, identifiers_sql->str, error);
  return im->insert_identifiers != NULL;
}

/* Events */

/* Binds a text field of the record, or NULL when it is absent, with the length the record
 * knows: SQLite would otherwise count it, a few times per event. */
static void
bind_field (sqlite3_stmt          *stmt,
            int                    column,
            const ClConsentRecord *record,
            ClConsentField         field)
{
  const char *value = cl_consent_record_get_string (record, field);

  if (value != NULL)
    sqlite3_bind_text (stmt, column, value, (int) cl_consent_record_get_length (record, field),
                       SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, column);
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           column,
                 gint64        id)
{
  if (id != 0)
    sqlite3_bind_int64 (stmt, column, id);
  else
    sqlite3_bind_null (stmt, column);
}

/* Binds an event's values from column first on, in the order of EVENT_COLUMNS. */
static void
bind_event (sqlite3_stmt       *stmt,
            int                 first,
            const PendingEvent *event)
{
  const ClConsentRecord *record = event->record;

  bind_field (stmt, first, record, CL_CONSENT_FIELD_EVENT_ID);
  if (record->event_id == NULL)
    sqlite3_bind_blob (stmt, first + 1, event->prepared->content_hash, CONTENT_HASH_LEN,
                       SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, first + 1);
  sqlite3_bind_int64 (stmt, first + 2, event->subject_id);
  sqlite3_bind_int64 (stmt, first + 3, event->identifier_id);
  sqlite3_bind_int64 (stmt, first + 4, record->recorded_at);
  bind_id_or_null (stmt, first + 5, event->policy_id);
  sqlite3_bind_int (stmt, first + 6, (int) record->method);
  sqlite3_bind_int64 (stmt, first + 7, (gint64) event->prepared->granted);
  sqlite3_bind_int64 (stmt, first + 8, (gint64) event->prepared->denied);
  sqlite3_bind_int (stmt, first + 9, record->gpc ? 1 : 0);
  bind_field (stmt, first + 10, record, CL_CONSENT_FIELD_TC_STRING);
  bind_id_or_null (stmt, first + 11, event->text_ids[TEXTS_URL]);
  bind_field (stmt, first + 12, record, CL_CONSENT_FIELD_COUNTRY);
  bind_field (stmt, first + 13, record, CL_CONSENT_FIELD_IP);
  bind_id_or_null (stmt, first + 14, event->text_ids[TEXTS_USER_AGENT]);
  if (record->event_id != NULL)
    sqlite3_bind_int64 (stmt, first + 15, event->prepared->event_key);
  else
    sqlite3_bind_null (stmt, first + 15);
}

/* Whether the ledger has an event with the record's event_id already. */
static gboolean
event_stored (Import                 *im,
              const ClConsentRecord  *record,
              const Prepared         *prepared,
              gboolean               *stored,
              GError                **error)
{
  sqlite3_stmt *stmt = im->stmt[STMT_FIND_EVENT];
  int rc;

  sqlite3_bind_int64 (stmt, 1, prepared->event_key);
  bind_field (stmt, 2, record, CL_CONSENT_FIELD_EVENT_ID);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return db_error (im, error);
  *stored = rc == SQLITE_ROW;
  return TRUE;
}

/* Whether the last row inserted got the id a queue gave it (see queue_event()). */
static gboolean
numbered_as_queued (Import  *im,
                    gint64   last_id,
                    GError **error)
{
  if (sqlite3_last_insert_rowid (im->db) == last_id)
    return TRUE;
  g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_DATABASE,
               _("Could not import %s: the ledger numbered the new rows otherwise than "
                 "expected"), im->path);
  return FALSE;
}

/* Writes the queued events: EVENT_BATCH of them in one statement, fewer one by one. */
static gboolean
flush_events (Import  *im,
              GError **error)
{
  sqlite3_stmt *stmt = im->insert_events;
  gint64 last_id;

  if (im->n_pending == 0)
    return TRUE;
  last_id = im->pending[im->n_pending - 1].id;

  if (im->n_pending == EVENT_BATCH)
    {
      for (guint i = 0; i < EVENT_BATCH; i++)
        bind_event (stmt, 1 + (int) i * N_EVENT_COLUMNS, &im->pending[i]);
      im->n_pending = 0;
      if (!step_done (im, stmt, error))
        return FALSE;
    }
  else
    {
      stmt = im->stmt[STMT_INSERT_NEW_EVENT];
      for (guint i = 0; i < im->n_pending; i++)
        {
          bind_event (stmt, 1, &im->pending[i]);
          if (!step_done (im, stmt, error))
            return FALSE;
        }
      im->n_pending = 0;
    }

  /* SQLite numbers the rows after the last one, as the queue did: anything else would be a
   * fault, and the events would be linked to the wrong ids. */
  return numbered_as_queued (im, last_id, error);
}

/* Writes the queued identifiers: IDENTIFIER_BATCH of them in one statement, fewer one by one,
 * then checks that SQLite numbered them as the queue did (see insert_identifier()). */
static gboolean
flush_identifiers (Import  *im,
                   GError **error)
{
  sqlite3_stmt *stmt = im->insert_identifiers;
  guint n = im->n_pending_identifiers;
  gboolean batch = n == IDENTIFIER_BATCH;

  if (n == 0)
    return TRUE;
  im->n_pending_identifiers = 0;

  if (!batch)
    stmt = im->stmt[STMT_INSERT_IDENTIFIER];
  for (guint i = 0; i < n; i++)
    {
      const Identifier *entry = &im->pending_identifiers[i];
      int first = batch ? 1 + 3 * (int) i : 1;

      sqlite3_bind_int64 (stmt, first, entry->subject_id);
      sqlite3_bind_text (stmt, first + 1, kind_names[entry->kind], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, first + 2, entry->value, -1, SQLITE_STATIC);
      if ((!batch || i == n - 1) && !step_done (im, stmt, error))
        return FALSE;
    }

  return numbered_as_queued (im, im->pending_identifiers[n - 1].identifier_id, error);
}

/* In a bulk import, events wait to be inserted EVENT_BATCH at a time: one statement for
 * many rows saves SQLite's per-statement work (starting, opening the table, halting), about
 * a third of the cost of inserting a row. An event's id is known at once all the same (for
 * its vendors and its subject's latest event): with the ledger's events table empty at the
 * start and the write lock held, SQLite numbers the rows 1, 2, 3… in the order they come.
 * The import does not give the ids itself: SQLite would then look each one up in the table
 * first. */
static void
queue_event (Import             *im,
             const PendingEvent *event)
{
  g_assert (im->n_pending < EVENT_BATCH);
  im->pending[im->n_pending++] = *event;
}

/* Progress */

/* done: of this file's units of work, twice its size (see ClConsentImportProgress). */
static void
report_progress (Import  *im,
                 guint64  done)
{
  if (im->progress != NULL)
    im->progress (im->work_before + MIN (done, FILE_WORK (im->file_size)), im->work_total,
                  im->user_data);
}

/* The second half of the file's work, in equal steps: each index rebuilt, then the rest. */
static void
report_finish_step (Import *im)
{
  if (im->finish_steps == 0)
    return;  /* an index built during the reading (see restore_unique_indexes()) */
  im->finish_done = MIN (im->finish_done + 1, im->finish_steps);
  report_progress (im, im->file_size + im->file_size * im->finish_done / im->finish_steps);
}

/* Bulk mode: a big file into a small ledger. Keeping the secondary indexes up to date row by
 * row scatters writes over the whole file; building them once at the end is a sort. All of it
 * happens inside the import's transaction, so a failure or a cancel brings the indexes back
 * with the rest.
 *
 * The UNIQUE indexes are what finds duplicates, and so does events_by_event_key, which cannot
 * be UNIQUE (two ids may share a key): here it counts as one of them. Into an empty ledger
 * they are dropped too (with_unique): the identifier cache then knows every identifier, and a
 * set of event keys finds a duplicate event (see prepare_batch()).
 *
 * events_by_content stays: it holds only the events without an event_id, and their content
 * hash starts with the time, so a log in time order adds to its end, which costs next to
 * nothing, where rebuilding it would read the whole table. */
static gboolean
drop_indexes (Import    *im,
              gboolean   with_unique,
              GError   **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = cl_ledger_statement (im->ledger,
                              "SELECT m.name, m.sql, l.\"unique\" OR m.name = 'events_by_event_key'"
                              " FROM sqlite_master m"
                              " JOIN pragma_index_list (m.tbl_name) l ON l.name = m.name"
                              " WHERE m.type = 'index' AND m.sql IS NOT NULL"
                              " AND m.tbl_name IN ('events', 'identifiers', 'subjects')"
                              " AND m.name <> 'events_by_content'",
                              error);
  if (stmt == NULL)
    return FALSE;
  im->dropped_indexes = g_ptr_array_new_with_free_func (g_free);
  if (with_unique)
    im->deferred_unique = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean unique = sqlite3_column_int (stmt, 2);

      if (unique && !with_unique)
        continue;
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (unique ? im->deferred_unique : im->dropped_indexes,
                       g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return db_error (im, error);

  for (guint i = 0; i < names->len; i++)
    {
      char *sql = sqlite3_mprintf ("DROP INDEX \"%w\"", (const char *) names->pdata[i]);
      gboolean ok = cl_ledger_exec (im->ledger, sql, error);

      sqlite3_free (sql);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Runs the CREATE INDEX statements in *indexes, then forgets them. */
static gboolean
create_indexes (Import     *im,
                GPtrArray **indexes,
                GError    **error)
{
  gboolean ok = TRUE;

  if (*indexes == NULL)
    return TRUE;
  /* A helper thread sorts while the main one reads the table: on a machine with a core to
   * spare, the rebuild takes less wall-clock time. */
  cl_ledger_exec (im->ledger, "PRAGMA threads = 2", NULL);
  /* Each sorter holds as much as the page cache before it sorts that run and writes it to a
   * file, to be merged with the others at the end. Small runs sort within the processor's
   * cache: 2 MiB builds the indexes of a million events in 1.6 s where 32 MiB took 2.8 s,
   * and keeps the rebuild's memory bounded however big the table. */
  cl_ledger_exec (im->ledger, "PRAGMA cache_size = " REBUILD_CACHE_SIZE, NULL);
  for (guint i = 0; ok && i < (*indexes)->len; i++)
    {
      ok = cl_ledger_exec (im->ledger, (*indexes)->pdata[i], error)
           && not_cancelled (im, error);
      if (ok)
        {
          cl_ledger_start_writeback (im->ledger);
          report_finish_step (im);
        }
    }
  cl_ledger_exec (im->ledger, "PRAGMA threads = 0", NULL);
  cl_ledger_exec (im->ledger, "PRAGMA cache_size = " IMPORT_CACHE_SIZE, NULL);
  g_clear_pointer (indexes, g_ptr_array_unref);
  return ok;
}

/* Builds the deferred UNIQUE indexes: from now on they find duplicates, as on any import.
 * Nothing the set let in can break them: every event and identifier in is a first. */
static gboolean
restore_unique_indexes (Import  *im,
                        GError **error)
{
  /* The events and identifiers queued so far go in first: from now on, the indexes decide. */
  if (!flush_events (im, error) || !flush_identifiers (im, error))
    return FALSE;
  /* The reading thread may stop adding keys. */
  g_atomic_int_set (&im->preparer.seen_decides, FALSE);
  return create_indexes (im, &im->deferred_unique, error);
}

static gboolean
import_begin (Import  *im,
              GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 n_events, n_identifiers, n_tombstones;

  cl_time_format_rfc3339_buf (g_date_time_to_unix (now) * 1000, im->created_at);

  if (!load_purposes (im, error) || !prepare_statements (im, error))
    return FALSE;

  if (!query_int64 (im, "SELECT max(id) FROM events", &n_events, error)
      || !query_int64 (im, "SELECT max(id) FROM policy_versions", &im->next_policy_id, error)
      || !query_int64 (im, "SELECT max(id) FROM subjects", &im->max_subject_before, error)
      || !query_int64 (im, "SELECT EXISTS (SELECT 1 FROM identifiers)", &n_identifiers, error)
      || !query_int64 (im, "SELECT EXISTS (SELECT 1 FROM tombstones)", &n_tombstones, error))
    return FALSE;

  /* The ids SQLite would give the new subjects: the import holds the write lock. */
  im->next_subject_id = im->max_subject_before + 1;
  im->next_policy_id++;
  im->next_event_id = n_events + 1;
  /* Used only with the identifiers table empty (see insert_identifier()). */
  im->next_identifier_id = 1;
  /* max(id) is at least the number of events, and costs nothing to read. */
  im->bulk = n_events == 0 || n_events * 4 < (gint64) (im->file_size / BYTES_PER_EVENT);
  im->result->bulk = im->bulk;
  if (im->bulk && !drop_indexes (im, n_events == 0 && n_identifiers == 0, error))
    return FALSE;
  if (im->deferred_unique != NULL)
    {
      im->preparer.seen = cl_key_set_new (MAX_SEEN_EVENTS);
      im->preparer.seen_decides = TRUE;
      /* With no index to keep up, every table grows at its end: only the last pages are
       * written again and again, and a small cache holds them. The import's peak memory
       * halves (190 MB for a million events with the 128 MiB cache), in the same time.
       * Not smaller than 32 MiB, though: the events table's upper pages change every
       * thousand pages or so, and a cache that writes one out in between has SQLite
       * overwrite its frame in the WAL and recompute the checksums of all the frames after
       * it at the commit (see register_new_policies()). */
      cl_ledger_exec (im->ledger, "PRAGMA cache_size = " BULK_CACHE_SIZE, NULL);
    }

  im->identifiers_complete = n_identifiers == 0;
  if (n_tombstones)
    im->tombstones = cl_tombstone_hasher_new (im->ledger);

  im->identifier_index = cl_hash_index_new ();
  im->identifiers = g_array_new (FALSE, FALSE, sizeof (Identifier));
  im->identifier_values = g_string_chunk_new (256 * 1024);
  im->subject_index = cl_hash_index_new ();
  im->subject_states = g_array_new (FALSE, FALSE, sizeof (SubjectState));
  im->merged = g_hash_table_new (g_direct_hash, g_direct_equal);
  im->merges_shown = g_string_new (NULL);
  im->policies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, policy_free);
  for (guint t = 0; t < N_TEXTS; t++)
    {
      im->texts[t].index = cl_hash_index_new ();
      im->texts[t].entries = g_array_new (FALSE, FALSE, sizeof (Text));
      im->texts[t].values = g_string_chunk_new (64 * 1024);
    }
  im->preparer.purpose_masks = im->purpose_masks;
  im->preparer.checksum = g_checksum_new (G_CHECKSUM_SHA256);
  im->preparer.canonical = g_string_sized_new (1024);
  return TRUE;
}

/* Identifiers */

static gboolean
is_tombstoned (Import      *im,
               Kind         kind,
               const char  *value,
               gboolean    *erased,
               GError     **error)
{
  char hash[CL_TOMBSTONE_HASH_LEN + 1];
  sqlite3_stmt *stmt = im->stmt[STMT_FIND_TOMBSTONE];
  int rc;

  *erased = FALSE;
  if (im->tombstones == NULL)
    return TRUE;

  cl_tombstone_hasher_hash (im->tombstones, kind_names[kind], value, hash);
  sqlite3_bind_text (stmt, 1, hash, CL_TOMBSTONE_HASH_LEN, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return db_error (im, error);
  *erased = rc == SQLITE_ROW;
  return TRUE;
}

/* Adds entry (identifier_id and subject_id) to the cache as kind:value, of the given hash. */
static gboolean
cache_identifier (Import      *im,
                  Kind         kind,
                  const char  *value,
                  guint64      hash,
                  Identifier  *entry,
                  GError     **error)
{
  if (cl_hash_index_size (im->identifier_index) >= MAX_IDENTIFIERS)
    {
      /* Without the cache, the ledger finds identifiers: its UNIQUE index has to be back. */
      if (!restore_unique_indexes (im, error))
        return FALSE;
      cl_hash_index_clear (im->identifier_index);
      g_array_set_size (im->identifiers, 0);
      g_string_chunk_clear (im->identifier_values);
      im->identifiers_complete = FALSE;
    }

  entry->kind = kind;
  entry->value = g_string_chunk_insert (im->identifier_values, value);
  g_array_append_val (im->identifiers, *entry);
  cl_hash_index_insert (im->identifier_index, hash, im->identifiers->len);
  return TRUE;
}

/* The position + 1 of kind:value in the cache, or 0. */
static guint
cached_identifier (Import      *im,
                   Kind         kind,
                   const char  *value,
                   guint64      hash)
{
  gsize cursor = 0;
  guint position;

  while ((position = cl_hash_index_next (im->identifier_index, hash, &cursor)) != 0)
    {
      const Identifier *entry = &g_array_index (im->identifiers, Identifier, position - 1);

      if (entry->kind == kind && strcmp (entry->value, value) == 0)
        break;
    }
  return position;
}

/* Finds kind:value (of the given hash) in the cache, else in the ledger (and caches it), else
 * in the tombstones. known is FALSE when the ledger has never seen it; an erased one is known
 * with identifier_id 0. */
static gboolean
find_identifier (Import      *im,
                 Kind         kind,
                 const char  *value,
                 guint64      hash,
                 Identifier  *out,
                 gboolean    *known,
                 GError     **error)
{
  sqlite3_stmt *stmt = im->stmt[STMT_FIND_IDENTIFIER];
  guint position = cached_identifier (im, kind, value, hash);
  gboolean erased;
  int rc;

  if (position != 0)
    {
      *out = g_array_index (im->identifiers, Identifier, position - 1);
      *known = TRUE;
      return TRUE;
    }

  *known = FALSE;
  if (!im->identifiers_complete)
    {
      sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, kind_names[kind], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          out->identifier_id = sqlite3_column_int64 (stmt, 0);
          out->subject_id = sqlite3_column_int64 (stmt, 1);
          *known = TRUE;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_error (im, error);
    }

  if (!*known)
    {
      if (!is_tombstoned (im, kind, value, &erased, error))
        return FALSE;
      if (!erased)
        return TRUE;
      out->identifier_id = 0;
      out->subject_id = 0;
      *known = TRUE;
    }

  return cache_identifier (im, kind, value, hash, out, error);
}

/* Adds kind:value to the ledger, for subject_id, and to the cache.
 *
 * In a bulk import, new identifiers wait to be inserted IDENTIFIER_BATCH at a time, like the
 * events (see queue_event()): the identifiers table is empty at the start, so SQLite numbers
 * them 1, 2, 3… in the order they come, and the id is known at once. Nothing reads the table
 * meanwhile: the cache knows every identifier, and when it fills, the queue is written before
 * the UNIQUE index is built (see restore_unique_indexes()). */
static gboolean
insert_identifier (Import      *im,
                   Kind         kind,
                   const char  *value,
                   guint64      hash,
                   gint64       subject_id,
                   gint64      *identifier_id,
                   GError     **error)
{
  Identifier entry = { 0, subject_id, kind, NULL };

  if (im->deferred_unique != NULL
      && cl_hash_index_size (im->identifier_index) < MAX_IDENTIFIERS)
    {
      entry.identifier_id = im->next_identifier_id++;
      /* The cache has room, and its copy of the value is what the queue points at. */
      if (!cache_identifier (im, kind, value, hash, &entry, error))
        return FALSE;
      im->pending_identifiers[im->n_pending_identifiers++] = entry;
      if (im->n_pending_identifiers == IDENTIFIER_BATCH && !flush_identifiers (im, error))
        return FALSE;
    }
  else
    {
      sqlite3_stmt *stmt = im->stmt[STMT_INSERT_IDENTIFIER];

      sqlite3_bind_int64 (stmt, 1, subject_id);
      sqlite3_bind_text (stmt, 2, kind_names[kind], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, value, -1, SQLITE_STATIC);
      if (!step_done (im, stmt, error))
        return FALSE;
      entry.identifier_id = sqlite3_last_insert_rowid (im->db);
      if (!cache_identifier (im, kind, value, hash, &entry, error))
        return FALSE;
    }

  if (identifier_id != NULL)
    *identifier_id = entry.identifier_id;
  return TRUE;
}

/* Subjects */

/* Follows merges made earlier in this import to the subject that absorbed s. */
static gint64
subject_root (Import *im,
              gint64  subject_id)
{
  gpointer into;

  if (g_hash_table_size (im->merged) == 0)
    return subject_id;
  while ((into = g_hash_table_lookup (im->merged, GSIZE_TO_POINTER (subject_id))) != NULL)
    subject_id = (gint64) GPOINTER_TO_SIZE (into);
  return subject_id;
}

/* Inserts the new subjects of the states at the given indexes, with their latest events:
 * SUBJECT_BATCH of them in one statement, which saves SQLite's per-statement work, or fewer
 * one by one. */
static gboolean
insert_subjects (Import      *im,
                 const guint *indexes,
                 guint        n,
                 GError     **error)
{
  sqlite3_stmt *stmt = im->insert_subjects;

  if (n == SUBJECT_BATCH)
    {
      sqlite3_bind_text (stmt, 1, im->created_at, -1, SQLITE_STATIC);
      for (guint i = 0; i < n; i++)
        {
          const SubjectState *state = &g_array_index (im->subject_states, SubjectState,
                                                      indexes[i]);

          sqlite3_bind_int64 (stmt, (int) (2 + 2 * i), state->subject_id);
          sqlite3_bind_int64 (stmt, (int) (3 + 2 * i), state->latest_id);
        }
      if (!step_done (im, stmt, error))
        return FALSE;
    }
  else
    {
      stmt = im->stmt[STMT_INSERT_SUBJECT];
      for (guint i = 0; i < n; i++)
        {
          const SubjectState *state = &g_array_index (im->subject_states, SubjectState,
                                                      indexes[i]);

          sqlite3_bind_int64 (stmt, 1, state->subject_id);
          sqlite3_bind_text (stmt, 2, im->created_at, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 3, state->latest_id);
          if (!step_done (im, stmt, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      SubjectState *state = &g_array_index (im->subject_states, SubjectState, indexes[i]);

      state->pending = FALSE;
      state->stored_id = state->latest_id;
    }
  return TRUE;
}

/* Writes the new subjects and the latest events that changed. */
static gboolean
write_latest (Import  *im,
              GError **error)
{
  sqlite3_stmt *update = im->stmt[STMT_UPDATE_LATEST];
  guint new_subjects[SUBJECT_BATCH];
  guint n_new = 0;

  for (guint i = 0; i < im->subject_states->len; i++)
    {
      SubjectState *state = &g_array_index (im->subject_states, SubjectState, i);

      if (state->subject_id == 0 || (!state->pending && state->latest_id == state->stored_id))
        continue;
      if (state->pending)
        {
          new_subjects[n_new++] = i;
          if (n_new == SUBJECT_BATCH)
            {
              if (!insert_subjects (im, new_subjects, n_new, error))
                return FALSE;
              n_new = 0;
            }
          continue;
        }
      sqlite3_bind_int64 (update, 1, state->latest_id);
      sqlite3_bind_int64 (update, 2, state->subject_id);
      if (!step_done (im, update, error))
        return FALSE;
      state->stored_id = state->latest_id;
    }
  return insert_subjects (im, new_subjects, n_new, error);
}

static guint64
subject_hash (gint64 subject_id)
{
  return cl_hash_mix64 ((guint64) subject_id);
}

/* The position + 1 of the subject's state in subject_states, or 0. */
static guint
cached_subject (Import *im,
                gint64  subject_id)
{
  gsize cursor = 0;
  guint position;

  while ((position = cl_hash_index_next (im->subject_index, subject_hash (subject_id),
                                         &cursor)) != 0)
    if (g_array_index (im->subject_states, SubjectState, position - 1).subject_id == subject_id)
      break;
  return position;
}

/* Takes the state at index out of the cache: its subject was merged away, or not created
 * after all. write_latest() skips it. */
static void
forget_subject_state (Import *im,
                      guint   index)
{
  SubjectState *state = &g_array_index (im->subject_states, SubjectState, index);

  cl_hash_index_remove (im->subject_index, subject_hash (state->subject_id), index + 1);
  state->subject_id = 0;
}

/* Writes the states out and empties the cache, when it is full. */
static gboolean
flush_subject_states (Import  *im,
                      GError **error)
{
  if (!write_latest (im, error))
    return FALSE;
  cl_hash_index_clear (im->subject_index);
  g_array_set_size (im->subject_states, 0);
  return TRUE;
}

/* Returns the index of the subject's state in subject_states, loading it when needed;
 * G_MAXUINT on error. */
static guint
subject_state (Import      *im,
               gint64       subject_id,
               gboolean     is_new,
               GError     **error)
{
  sqlite3_stmt *stmt = im->stmt[STMT_LOAD_SUBJECT];
  guint position = cached_subject (im, subject_id);
  SubjectState state = { subject_id, G_MININT64, 0, 0, is_new };

  if (position != 0)
    return position - 1;

  if (cl_hash_index_size (im->subject_index) >= MAX_SUBJECTS
      && !flush_subject_states (im, error))
    return G_MAXUINT;

  if (!is_new)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, subject_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          state.latest_id = state.stored_id = sqlite3_column_int64 (stmt, 0);
          state.latest_at = sqlite3_column_int64 (stmt, 1);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          db_error (im, error);
          return G_MAXUINT;
        }
    }

  g_array_append_val (im->subject_states, state);
  cl_hash_index_insert (im->subject_index, subject_hash (subject_id), im->subject_states->len);
  return im->subject_states->len - 1;
}

static void
state_update (SubjectState *state,
              gint64        at,
              gint64        event_id)
{
  /* Latest by time; of two at the same millisecond, the one imported last. */
  if (at > state->latest_at || (at == state->latest_at && event_id > state->latest_id))
    {
      state->latest_at = at;
      state->latest_id = event_id;
    }
}

/* A new subject, pending: see SubjectState. */
static gboolean
new_subject (Import  *im,
             gint64  *subject_id,
             GError **error)
{
  *subject_id = im->next_subject_id++;
  im->result->n_new_subjects++;
  return subject_state (im, *subject_id, TRUE, error) != G_MAXUINT;
}

/* Two subjects turned out to be one person (an event names identifiers of both): from is
 * merged into into. The rows move at the end of the import, in a few statements. */
static gboolean
merge_subjects (Import  *im,
                gint64   from,
                gint64   into,
                GError **error)
{
  guint from_index, into_index;
  SubjectState *from_state, *into_state;

  g_assert (from > into);

  /* Room for both states first, so that loading one cannot empty the cache under the other. */
  if (cl_hash_index_size (im->subject_index) + 2 > MAX_SUBJECTS
      && !flush_subject_states (im, error))
    return FALSE;

  from_index = subject_state (im, from, FALSE, error);
  if (from_index == G_MAXUINT)
    return FALSE;
  into_index = subject_state (im, into, FALSE, error);
  if (into_index == G_MAXUINT)
    return FALSE;
  /* Only now: the second call may have moved the array. */
  from_state = &g_array_index (im->subject_states, SubjectState, from_index);
  into_state = &g_array_index (im->subject_states, SubjectState, into_index);
  state_update (into_state, from_state->latest_at, from_state->latest_id);
  forget_subject_state (im, from_index);

  g_hash_table_insert (im->merged, GSIZE_TO_POINTER (from), GSIZE_TO_POINTER (into));

  if (from > im->max_subject_before)
    {
      /* Created earlier in this file: one new subject, not two. */
      im->result->n_new_subjects--;
    }
  else
    {
      im->result->n_merged++;
      if (im->result->n_merged <= MAX_MERGES_SHOWN)
        g_string_append_printf (im->merges_shown, "%ssubject %" G_GINT64_FORMAT
                                " merged into subject %" G_GINT64_FORMAT,
                                im->merges_shown->len > 0 ? ", " : "", from, into);
    }
  return TRUE;
}

static gboolean
apply_merges (Import  *im,
              GError **error)
{
  static const char * const move_sql[] = {
    "UPDATE identifiers SET subject_id = (SELECT to_id FROM temp.import_merges"
    "  WHERE from_id = identifiers.subject_id)"
    " WHERE subject_id IN (SELECT from_id FROM temp.import_merges)",
    "UPDATE events SET subject_id = (SELECT to_id FROM temp.import_merges"
    "  WHERE from_id = events.subject_id)"
    " WHERE subject_id IN (SELECT from_id FROM temp.import_merges)",
    "UPDATE requests SET subject_id = (SELECT to_id FROM temp.import_merges"
    "  WHERE from_id = requests.subject_id)"
    " WHERE subject_id IN (SELECT from_id FROM temp.import_merges)",
    "DELETE FROM subjects WHERE id IN (SELECT from_id FROM temp.import_merges)",
    "DROP TABLE temp.import_merges",
  };
  GHashTableIter iter;
  gpointer from;
  sqlite3_stmt *stmt = NULL;

  if (g_hash_table_size (im->merged) == 0)
    return TRUE;

  if (!cl_ledger_exec (im->ledger,
                       "CREATE TEMP TABLE import_merges (from_id INTEGER PRIMARY KEY,"
                       " to_id INTEGER NOT NULL)", error))
    return FALSE;
  if (sqlite3_prepare_v2 (im->db, "INSERT INTO temp.import_merges VALUES (?, ?)", -1, &stmt,
                          NULL) != SQLITE_OK)
    return db_error (im, error);

  g_hash_table_iter_init (&iter, im->merged);
  while (g_hash_table_iter_next (&iter, &from, NULL))
    {
      gint64 from_id = (gint64) GPOINTER_TO_SIZE (from);

      sqlite3_bind_int64 (stmt, 1, from_id);
      sqlite3_bind_int64 (stmt, 2, subject_root (im, from_id));
      if (!step_done (im, stmt, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < G_N_ELEMENTS (move_sql); i++)
    if (!cl_ledger_exec (im->ledger, move_sql[i], error))
      return FALSE;
  return TRUE;
}

/* Policy versions and user agents */

static void
format_date (gint64 ms,
             char   out[16])
{
  gint64 days = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
  gint64 year;
  guint month, day;

  cl_time_civil_from_days (days, &year, &month, &day);
  g_snprintf (out, 16, "%04" G_GINT64_FORMAT "-%02u-%02u", year, month, day);
}

static gboolean
find_policy (Import      *im,
             const char  *version,
             gint64       recorded_at,
             gint64      *policy_id,
             GError     **error)
{
  Policy *policy = g_hash_table_lookup (im->policies, version);
  sqlite3_stmt *stmt;
  int rc;

  if (policy == NULL)
    {
      policy = g_new0 (Policy, 1);
      policy->version = g_strdup (version);
      policy->earliest = recorded_at;
      g_hash_table_insert (im->policies, policy->version, policy);

      stmt = im->stmt[STMT_FIND_POLICY];
      sqlite3_bind_text (stmt, 1, version, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        policy->id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_error (im, error);

      if (rc == SQLITE_DONE)
        {
          /* Registered at the end (see register_new_policies()), under the id given now. */
          policy->id = im->next_policy_id++;
          policy->is_new = TRUE;
          im->result->n_new_policies++;
        }
    }
  else if (policy->is_new && recorded_at < policy->earliest)
    policy->earliest = recorded_at;

  *policy_id = policy->id;
  return TRUE;
}

/* Registers the versions the ledger did not know, so the events can refer to them; the
 * officer can complete them later (effective date, significance, summary) on the Policies
 * page. A new version's effective date is the day of its earliest event in the file, which
 * need not be the first line.
 *
 * They are written at the end, not when first met: a version that first appears halfway
 * through a big file would otherwise change the policy table's pages again long after the
 * page cache wrote them to the WAL, and SQLite then overwrites their frame, which has it
 * recompute the checksum of every frame after it at the commit: on a million events, 11,000
 * writes scattered over the 184 MB WAL, all to be flushed again. */
static gboolean
register_new_policies (Import  *im,
                       GError **error)
{
  sqlite3_stmt *stmt = im->stmt[STMT_INSERT_POLICY];
  GHashTableIter iter;
  Policy *policy;

  g_hash_table_iter_init (&iter, im->policies);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &policy))
    {
      char date[16];

      if (!policy->is_new)
        continue;
      format_date (policy->earliest, date);
      sqlite3_bind_int64 (stmt, 1, policy->id);
      sqlite3_bind_text (stmt, 2, policy->version, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, date, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, CL_POLICY_FIRST_SEEN_SUMMARY, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, im->created_at, -1, SQLITE_STATIC);
      if (!step_done (im, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The id of value (of the given hash) in a table of texts, added to it when new. */
static gboolean
find_text (Import      *im,
           TextsKind    kind,
           const char  *value,
           guint64      hash,
           gint64      *id,
           GError     **error)
{
  Texts *texts = &im->texts[kind];
  Text entry;
  gsize cursor = 0;
  guint position;
  sqlite3_stmt *stmt;
  int rc;

  while ((position = cl_hash_index_next (texts->index, hash, &cursor)) != 0)
    {
      const Text *known = &g_array_index (texts->entries, Text, position - 1);

      if (strcmp (known->value, value) == 0)
        {
          *id = known->id;
          return TRUE;
        }
    }

  stmt = im->stmt[texts_tables[kind].find];
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return db_error (im, error);

  if (rc == SQLITE_DONE)
    {
      stmt = im->stmt[texts_tables[kind].insert];
      sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
      if (!step_done (im, stmt, error))
        return FALSE;
      *id = sqlite3_last_insert_rowid (im->db);
    }

  if (texts->entries->len >= MAX_TEXTS)
    {
      cl_hash_index_clear (texts->index);
      g_array_set_size (texts->entries, 0);
      g_string_chunk_clear (texts->values);
    }
  entry.id = *id;
  entry.value = g_string_chunk_insert (texts->values, value);
  g_array_append_val (texts->entries, entry);
  cl_hash_index_insert (texts->index, hash, texts->entries->len);
  return TRUE;
}

/* Events */

static void
canonical_string (GString    *out,
                  const char *value)
{
  guint32 len;

  if (value == NULL)
    {
      g_string_append_c (out, '\0');
      return;
    }
  len = GUINT32_TO_LE ((guint32) strlen (value));
  g_string_append_c (out, '\1');
  g_string_append_len (out, (const char *) &len, sizeof len);
  g_string_append_len (out, value, (gssize) strlen (value));
}

static void
canonical_int (GString *out,
               gint64   value)
{
  guint64 le = GUINT64_TO_LE ((guint64) value);

  g_string_append_len (out, (const char *) &le, sizeof le);
}

static int
compare_vendors (gconstpointer a,
                 gconstpointer b)
{
  const ClConsentVendor *va = a, *vb = b;

  return va->gvl_id < vb->gvl_id ? -1 : va->gvl_id > vb->gvl_id;
}

/* events.content_hash, for an event without an event_id: what makes it the same event twice.
 * 8 bytes of time, big-endian, so that a log in time order fills the UNIQUE index at its end
 * instead of all over it, then 8 bytes of the SHA-256 of all its fields, which tell apart the
 * events of one millisecond. (An event with an event_id is told apart by the id alone.) */
static void
content_hash (Preparer              *preparer,
              const ClConsentRecord *record,
              guint64                granted,
              guint64                denied,
              guint8                 out[CONTENT_HASH_LEN])
{
  guint64 time_key = (guint64) record->recorded_at ^ G_GUINT64_CONSTANT (0x8000000000000000);
  GString *c = preparer->canonical;
  guint8 digest[32];
  gsize digest_len = sizeof digest;

  for (guint i = 0; i < 8; i++)
    out[i] = (guint8) (time_key >> (56 - 8 * i));

  g_string_truncate (c, 0);
  canonical_string (c, record->subject);
  canonical_int (c, record->recorded_at);
  canonical_string (c, record->policy_version);
  canonical_int (c, record->method);
  canonical_int (c, (gint64) granted);
  canonical_int (c, (gint64) denied);
  canonical_int (c, record->gpc);
  canonical_string (c, record->tc_string);
  canonical_string (c, record->email);
  canonical_string (c, record->account);
  canonical_string (c, record->url);
  canonical_string (c, record->country);
  canonical_string (c, record->ip);
  canonical_string (c, record->user_agent);
  if (record->vendors->len > 1)
    g_array_sort (record->vendors, compare_vendors);
  canonical_int (c, record->vendors->len);
  for (guint i = 0; i < record->vendors->len; i++)
    {
      const ClConsentVendor *v = &g_array_index (record->vendors, ClConsentVendor, i);

      canonical_int (c, v->gvl_id);
      canonical_int (c, v->granted);
    }

  g_checksum_reset (preparer->checksum);
  g_checksum_update (preparer->checksum, (const guchar *) c->str, (gssize) c->len);
  g_checksum_get_digest (preparer->checksum, digest, &digest_len);
  memcpy (out + 8, digest, 8);
}

static gboolean
undo_new_device (Import      *im,
                 const char  *consent_id,
                 guint64      hash,
                 gint64       identifier_id,
                 gint64       subject_id,
                 GError     **error)
{
  sqlite3_stmt *stmt = im->stmt[STMT_DELETE_IDENTIFIER];
  guint position;

  sqlite3_bind_int64 (stmt, 1, identifier_id);
  if (!step_done (im, stmt, error))
    return FALSE;
  position = cached_identifier (im, KIND_CONSENT_ID, consent_id, hash);
  if (position != 0)
    cl_hash_index_remove (im->identifier_index, hash, position);

  if (subject_id != 0)
    {
      /* Created for this event and still pending: forgetting it is enough, and its id is
       * the last given out. */
      guint state_position = cached_subject (im, subject_id);

      if (state_position != 0)
        forget_subject_state (im, state_position - 1);
      if (subject_id == im->next_subject_id - 1)
        im->next_subject_id--;
      im->result->n_new_subjects--;
    }
  return TRUE;
}


static guint64
load_be64 (const guint8 *bytes)
{
  guint64 value = 0;

  for (guint i = 0; i < 8; i++)
    value = value << 8 | bytes[i];
  return value;
}

/* With the UNIQUE indexes deferred (an import into an empty ledger), the set of event keys
 * finds duplicates: a hash of the event_id, or of the content hash. A key seen before is
 * most likely a duplicate, rarely two events whose hashes agree: either way the storing
 * thread then has the indexes built, and they decide, like on any import. */
/* The key of an event in the set of the events read so far: a hash of its id, or of its
 * content when it has none. */
static guint64
seen_key (const ClConsentRecord *record,
          const Prepared        *prepared)
{
  /* Even keys for ids, odd ones for contents: the two kinds never meet. */
  if (record->event_id != NULL)
    return (guint64) prepared->event_key << 1;
  return cl_hash_mix64 (load_be64 (prepared->content_hash) ^ load_be64 (prepared->content_hash + 8)) | 1;
}

static void
decision_masks (const guint64         *purpose_masks,
                const ClConsentRecord *record,
                guint64               *granted,
                guint64               *denied)
{
  *granted = *denied = 0;
  for (guint i = 0; i < record->decisions->len; i++)
    {
      const ClConsentDecision *d = &g_array_index (record->decisions, ClConsentDecision, i);
      guint64 mask = purpose_masks[d->purpose];

      if (d->granted)
        {
          *granted |= mask;
          *denied &= ~mask;
        }
      else
        {
          *denied |= mask;
          *granted &= ~mask;
        }
    }
}

/* On the reading thread: everything about a record that needs nothing from the ledger, so
 * that the storing thread only looks up and stores. */
static void
prepare_record (Preparer        *preparer,
                ClConsentRecord *record,
                Prepared        *prepared)
{
  const char *values[N_KINDS];

  /* E-mail addresses link devices whatever their case. */
  cl_consent_record_ascii_down (record, CL_CONSENT_FIELD_EMAIL);
  values[KIND_CONSENT_ID] = record->subject;
  values[KIND_EMAIL] = record->email;
  values[KIND_ACCOUNT] = record->account;
  for (guint k = 0; k < N_KINDS; k++)
    if (values[k] != NULL)
      prepared->identifier_hash[k] = identifier_hash (k, values[k]);
  for (guint t = 0; t < N_TEXTS; t++)
    {
      ClConsentField field = texts_tables[t].field;
      const char *text = cl_consent_record_get_string (record, field);

      if (text != NULL)
        prepared->text_hash[t] = cl_hash_bytes (text, cl_consent_record_get_length (record, field));
    }

  decision_masks (preparer->purpose_masks, record, &prepared->granted, &prepared->denied);
  prepared->n_vendors = record->vendors->len;
  if (record->event_id == NULL)
    content_hash (preparer, record, prepared->granted, prepared->denied,
                  prepared->content_hash);
  else
    prepared->event_key = cl_event_key (record->event_id,
                                        cl_consent_record_get_length (record,
                                                                      CL_CONSENT_FIELD_EVENT_ID));
}

/* On the reading thread (see ClReadAheadPrepare), a batch of records at a time. The set of
 * the events read so far is too big for the processor's caches: each key looked up there is
 * a wait on memory. So the keys of the whole batch are worked out first, their slots asked
 * for as they come, and only then looked up, the waits overlapping. */
static void
prepare_batch (ClConsentRecord *records,
               gpointer         data,
               guint            n_records,
               gpointer         user_data)
{
  Preparer *preparer = user_data;
  Prepared *prepared = data;
  gboolean check_seen = preparer->seen != NULL && g_atomic_int_get (&preparer->seen_decides);

  for (guint i = 0; i < n_records; i++)
    {
      prepare_record (preparer, &records[i], &prepared[i]);
      if (check_seen)
        {
          prepared[i].seen_key = seen_key (&records[i], &prepared[i]);
          cl_key_set_prefetch (preparer->seen, prepared[i].seen_key);
        }
    }
  /* In the order of the file: of two events with the same key, the second is the one seen. */
  if (check_seen)
    for (guint i = 0; i < n_records; i++)
      prepared[i].maybe_seen = cl_key_set_is_full (preparer->seen)
                               || !cl_key_set_add (preparer->seen, prepared[i].seen_key);
}

/* The first entry an index gives for hash, 0 when none: a guess, good enough to warm a cache. */
static guint
first_candidate (ClHashIndex *index,
                 guint64      hash)
{
  gsize cursor = 0;

  return cl_hash_index_next (index, hash, &cursor);
}

/* Warms up one link of the chain of look-ups for an identifier of a record to come (see
 * warm_caches()). */
static void
warm_identifier (Import  *im,
                 guint64  hash,
                 guint    ahead)
{
  const Identifier *entry;
  guint position;

  if (ahead == WARM_AHEAD)
    {
      cl_hash_index_prefetch (im->identifier_index, hash);
      return;
    }
  position = first_candidate (im->identifier_index, hash);
  if (position == 0)
    return;  /* a new identifier: nothing in the caches */
  entry = &g_array_index (im->identifiers, Identifier, position - 1);
  switch (ahead)
    {
    case 3:
      __builtin_prefetch (entry);
      break;
    case 2:
      __builtin_prefetch (entry->value);
      cl_hash_index_prefetch (im->subject_index, subject_hash (entry->subject_id));
      break;
    case 1:
      position = first_candidate (im->subject_index, subject_hash (entry->subject_id));
      if (position != 0)
        __builtin_prefetch (&g_array_index (im->subject_states, SubjectState, position - 1));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Storing a record starts with a chain of look-ups, each likely a cache miss among a million
 * identifiers: the identifier's slot in the index, the entry it names, the entry's value (to
 * compare), then its subject's slot and state. The reading thread has hashed the records to
 * come, so while this one is stored the next ones are warmed up one link at a time: each
 * step finds in cache what the step before asked for a record earlier, and asks for the next
 * link. Only hints: a wrong guess costs a wasted load. */
static void
warm_caches (Import *im)
{
  for (guint ahead = 1; ahead <= WARM_AHEAD; ahead++)
    {
      const Prepared *prepared = cl_read_ahead_peek_prepared (im->reader, ahead);

      if (prepared == NULL)
        return;  /* the end of the batch in hand */
      for (guint k = 0; k < N_KINDS; k++)
        if (prepared->identifier_hash[k] != 0)
          warm_identifier (im, prepared->identifier_hash[k], ahead);
    }
}

/* Stores one record, which prepare_record() has seen on the reading thread. */
static gboolean
import_record (Import                 *im,
               const ClConsentRecord  *record,
               const Prepared         *prepared,
               GError                **error)
{
  const char *values[N_KINDS] = { record->subject, record->email, record->account };
  Identifier found[N_KINDS] = { { 0 } };
  gboolean known[N_KINDS] = { FALSE };
  gint64 subject_id = 0, identifier_id, policy_id = 0, event_id;
  gint64 text_ids[N_TEXTS] = { 0 };
  PendingEvent event;
  gboolean created_subject = FALSE;
  sqlite3_stmt *stmt;
  guint state_index;

  im->result->n_read++;

  /* Maybe a duplicate the deferred UNIQUE indexes would have caught: they are built now. */
  if (prepared->maybe_seen && im->deferred_unique != NULL
      && !restore_unique_indexes (im, error))
    return FALSE;

  /* Who is it? Any identifier the ledger knows names the subject; an erased one skips
   * the event, so an old log cannot bring an erased subject back. */
  for (guint k = 0; k < N_KINDS; k++)
    {
      if (values[k] == NULL)
        continue;
      if (!find_identifier (im, k, values[k], prepared->identifier_hash[k], &found[k],
                            &known[k], error))
        return FALSE;
      if (known[k] && found[k].identifier_id == 0)
        {
          im->result->n_erased++;
          return TRUE;
        }
    }

  for (guint k = 0; k < N_KINDS; k++)
    if (known[k])
      {
        gint64 root = subject_root (im, found[k].subject_id);

        /* The oldest subject absorbs the others. */
        if (subject_id == 0 || root < subject_id)
          subject_id = root;
      }

  if (!known[KIND_CONSENT_ID])
    {
      if (subject_id == 0)
        {
          if (!new_subject (im, &subject_id, error))
            return FALSE;
          created_subject = TRUE;
        }
      if (!insert_identifier (im, KIND_CONSENT_ID, values[KIND_CONSENT_ID],
                              prepared->identifier_hash[KIND_CONSENT_ID], subject_id,
                              &identifier_id, error))
        return FALSE;
    }
  else
    identifier_id = found[KIND_CONSENT_ID].identifier_id;

  if (record->policy_version != NULL
      && !find_policy (im, record->policy_version, record->recorded_at, &policy_id, error))
    return FALSE;
  for (guint t = 0; t < N_TEXTS; t++)
    {
      const char *text = cl_consent_record_get_string (record, texts_tables[t].field);

      if (text != NULL
          && !find_text (im, t, text, prepared->text_hash[t], &text_ids[t], error))
        return FALSE;
    }

  event.record = record;
  event.prepared = prepared;
  event.subject_id = subject_id;
  event.identifier_id = identifier_id;
  event.policy_id = policy_id;
  memcpy (event.text_ids, text_ids, sizeof text_ids);
  if (im->deferred_unique != NULL)
    {
      /* Nothing can be a duplicate here (the set of keys has said so), and the ids are the
       * ones SQLite would give. */
      event_id = event.id = im->next_event_id++;
      queue_event (im, &event);
    }
  else
    {
      gboolean duplicate = FALSE;

      /* An event_id the ledger has is found by its key; the same content without an id, by
       * events_by_content, which makes the INSERT ignore the row. */
      if (record->event_id != NULL && !event_stored (im, record, prepared, &duplicate, error))
        return FALSE;
      if (!duplicate)
        {
          stmt = im->stmt[STMT_INSERT_EVENT];
          event.id = 0;
          bind_event (stmt, 1, &event);
          if (!step_done (im, stmt, error))
            return FALSE;
          duplicate = sqlite3_changes (im->db) == 0;
        }
      if (duplicate)
        {
          /* The same event_id or the same content is already in the ledger. */
          im->result->n_duplicates++;
          if (!known[KIND_CONSENT_ID])
            return undo_new_device (im, values[KIND_CONSENT_ID],
                                    prepared->identifier_hash[KIND_CONSENT_ID], identifier_id,
                                    created_subject ? subject_id : 0, error);
          return TRUE;
        }
      event_id = sqlite3_last_insert_rowid (im->db);
    }

  stmt = im->stmt[STMT_INSERT_VENDOR];
  for (guint i = 0; i < prepared->n_vendors; i++)
    {
      const ClConsentVendor *v = &g_array_index (record->vendors, ClConsentVendor, i);

      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_int64 (stmt, 2, v->gvl_id);
      sqlite3_bind_int (stmt, 3, v->granted ? 1 : 0);
      if (!step_done (im, stmt, error))
        return FALSE;
    }

  /* Only now that the event is in: link what it says belongs together. */
  for (guint k = 0; k < N_KINDS; k++)
    {
      if (values[k] == NULL)
        continue;
      if (known[k])
        {
          gint64 root = subject_root (im, found[k].subject_id);

          if (root != subject_id && !merge_subjects (im, root, subject_id, error))
            return FALSE;
        }
      else if (k != KIND_CONSENT_ID
               && !insert_identifier (im, k, values[k], prepared->identifier_hash[k],
                                      subject_id, NULL, error))
        return FALSE;
    }

  state_index = subject_state (im, subject_id, FALSE, error);
  if (state_index == G_MAXUINT)
    return FALSE;
  state_update (&g_array_index (im->subject_states, SubjectState, state_index),
                record->recorded_at, event_id);

  im->result->n_imported++;
  return TRUE;
}

/* One file */

static gboolean
import_finish (Import  *im,
               GError **error)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *name = g_path_get_basename (im->path);
  const ClConsentImportResult *r = im->result;

  /* Latest events first, while subjects_by_latest is still dropped in bulk mode; merges
   * after the rebuild, which they need (events by subject). The UNIQUE indexes before the
   * others: they are the ones a failure to build would be about. */
  im->finish_steps = 1 + (im->deferred_unique != NULL ? im->deferred_unique->len : 0)
                     + (im->dropped_indexes != NULL ? im->dropped_indexes->len : 0);
  if (!flush_events (im, error)
      || !flush_identifiers (im, error)
      || !write_latest (im, error)
      || !restore_unique_indexes (im, error)
      || !create_indexes (im, &im->dropped_indexes, error)
      || !apply_merges (im, error)
      || !register_new_policies (im, error))
    return FALSE;

  g_string_append_printf (detail,
                          "%s: %" G_GUINT64_FORMAT " events imported, %" G_GUINT64_FORMAT
                          " new subjects, %" G_GUINT64_FORMAT " duplicates skipped, %"
                          G_GUINT64_FORMAT " erased subjects skipped",
                          name, r->n_imported, r->n_new_subjects, r->n_duplicates,
                          r->n_erased);
  if (r->n_new_policies > 0)
    g_string_append_printf (detail, "; %" G_GUINT64_FORMAT " new policy versions registered",
                            r->n_new_policies);
  if (r->n_merged > 0)
    {
      g_string_append_printf (detail, "; %" G_GUINT64_FORMAT " subjects merged by a shared "
                              "identifier: %s", r->n_merged, im->merges_shown->str);
      if (r->n_merged > MAX_MERGES_SHOWN)
        g_string_append_printf (detail, " and %" G_GUINT64_FORMAT " more",
                                r->n_merged - MAX_MERGES_SHOWN);
    }

  return cl_audit_append (im->ledger, "import", "consent_log", name, detail->str, error);
}

static gboolean
import_one (Import  *im,
            GError **error)
{
  g_autoptr(ClConsentReader) reader = NULL;
  const ClConsentRecord *record;
  GError *local_error = NULL;

  if (!cl_ledger_begin (im->ledger, error))
    return FALSE;

  if (!import_begin (im, error))
    goto fail;

  reader = cl_consent_reader_new_for_path (im->path, (const char * const *) im->purpose_keys,
                                           im->flags, error);
  if (reader == NULL)
    goto fail;
  cl_consent_reader_set_cancellable (reader, im->cancellable);
  /* Parsing and validating runs on another core while this thread stores. */
  im->reader = cl_read_ahead_new_full (g_steal_pointer (&reader), sizeof (Prepared),
                                       prepare_batch, &im->preparer);

  while (cl_read_ahead_next (im->reader, &record, &local_error))
    {
      warm_caches (im);
      if (!import_record (im, record, cl_read_ahead_get_prepared (im->reader), error))
        goto fail;
      /* The queued events point into the batch of records in hand: they go in before the
       * reading thread gets it back, at the latest. */
      if ((im->n_pending == EVENT_BATCH || cl_read_ahead_batch_ends (im->reader))
          && !flush_events (im, error))
        goto fail;

      if (im->result->n_read % CHECK_EVERY == 0)
        {
          if (g_cancellable_is_cancelled (im->cancellable))
            break;
          report_progress (im, cl_read_ahead_get_bytes_read (im->reader));
          if (im->result->n_read % WRITEBACK_EVERY == 0)
            cl_ledger_start_writeback (im->ledger);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto fail;
    }
  /* Cancel is heard until the commit: the rebuild after the reading can take a while. */
  if (!not_cancelled (im, error)
      || !import_finish (im, error)
      || !not_cancelled (im, error)
      || !cl_ledger_commit (im->ledger, error))
    goto fail;

  report_progress (im, FILE_WORK (im->file_size));
  return TRUE;

fail:
  cl_ledger_rollback (im->ledger);
  return FALSE;
}

static gboolean
file_size (const char  *path,
           guint64     *size,
           GError     **error)
{
  GStatBuf buf;

  if (g_stat (path, &buf) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not read %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  if (S_ISDIR (buf.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("Could not read %s: it is a folder, not a consent log"), path);
      return FALSE;
    }
  *size = (guint64) buf.st_size;
  return TRUE;
}

static gboolean
import_path (ClLedger                *ledger,
             const char              *path,
             ClConsentReaderFlags     flags,
             GCancellable            *cancellable,
             ClConsentImportProgress  progress,
             gpointer                 user_data,
             guint64                  work_before,
             guint64                  work_total,
             guint64                  size,
             ClConsentImportResult  **result,
             GError                 **error)
{
  g_autoptr(ClConsentImportResult) r = g_new0 (ClConsentImportResult, 1);
  g_autofree char *cache_size = NULL;
  Import im = { 0 };
  gboolean ok;

  r->filename = g_strdup (path);
  im.ledger = ledger;
  im.db = cl_ledger_get_db (ledger);
  im.path = path;
  im.flags = flags;
  im.cancellable = cancellable;
  im.progress = progress;
  im.user_data = user_data;
  im.work_before = work_before;
  im.work_total = work_total;
  im.file_size = size;
  im.result = r;

  /* A bigger page cache while importing: the UNIQUE indexes are written all over. */
  {
    sqlite3_stmt *stmt = NULL;

    if (sqlite3_prepare_v2 (im.db, "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK
        && sqlite3_step (stmt) == SQLITE_ROW)
      cache_size = g_strdup_printf ("PRAGMA cache_size = %d", sqlite3_column_int (stmt, 0));
    sqlite3_finalize (stmt);
  }
  cl_ledger_exec (ledger, "PRAGMA cache_size = " IMPORT_CACHE_SIZE, NULL);
  /* The import makes every reference itself, from ids SQLite has just handed it, and the
   * reader has validated every value, so the per-row checks only cost: foreign keys are four
   * look-ups per event, and the CHECK (kind IN (…)) on identifiers builds a temporary table
   * per row. Both are back on for every other change (the tests check the imported ledgers
   * with foreign_key_check and integrity_check). foreign_keys can only change outside a
   * transaction: here, before BEGIN. */
  cl_ledger_exec (ledger, "PRAGMA foreign_keys = OFF", NULL);
  cl_ledger_exec (ledger, "PRAGMA ignore_check_constraints = ON", NULL);
  /* The index rebuild's sorter is about twice as fast with its sorted runs in temporary
   * files as in memory. SQLite creates those files owner-only and deletes them as it opens
   * them: no other program can open them, and they are gone when the import ends. Like
   * foreign_keys, temp_store cannot change inside a transaction. */
  cl_ledger_exec (ledger, "PRAGMA temp_store = FILE", NULL);

  ok = import_one (&im, error);

  cl_ledger_exec (ledger, "PRAGMA temp_store = MEMORY", NULL);
  cl_ledger_exec (ledger, "PRAGMA ignore_check_constraints = OFF", NULL);
  cl_ledger_exec (ledger, "PRAGMA foreign_keys = ON", NULL);
  if (cache_size != NULL)
    cl_ledger_exec (ledger, cache_size, NULL);
  import_clear (&im);

  if (ok && result != NULL)
    *result = g_steal_pointer (&r);
  return ok;
}

/**
 * cl_consent_import_file:
 * @ledger: the ledger
 * @path: a consent log, `.jsonl` (or `.json`) or `.csv`
 * @flags: reader options, e.g. %CL_CONSENT_READER_IGNORE_UNKNOWN_COLUMNS
 * @cancellable: (nullable): cancels the import; the ledger is then left as it was
 * @progress: (nullable) (scope call): told the progress (see #ClConsentImportProgress)
 * @user_data: for @progress
 * @result: (out) (optional): what the import did
 * @error: %CL_LEDGER_ERROR_INVALID_INPUT "FILE:LINE: field: what is wrong" for bad input,
 *   %G_IO_ERROR_CANCELLED, or a file or database error
 *
 * Imports the file in one transaction, with one audit entry: on any error nothing of it is
 * in the ledger.
 *
 * Returns: whether the file was imported
 */
gboolean
cl_consent_import_file (ClLedger                *ledger,
                        const char              *path,
                        ClConsentReaderFlags     flags,
                        GCancellable            *cancellable,
                        ClConsentImportProgress  progress,
                        gpointer                 user_data,
                        ClConsentImportResult  **result,
                        GError                 **error)
{
  guint64 size;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (!cl_ledger_in_transaction (ledger), FALSE);

  if (!file_size (path, &size, error))
    return FALSE;
  return import_path (ledger, path, flags, cancellable, progress, user_data, 0,
                      FILE_WORK (size), size, result, error);
}

/**
 * cl_consent_import_files:
 * @ledger: the ledger
 * @paths: (array zero-terminated=1): consent logs
 * @flags: reader options
 * @cancellable: (nullable): cancels the file being imported (it is rolled back) and the rest
 * @progress: (nullable) (scope call): told the progress over all the files (see
 *   #ClConsentImportProgress)
 * @user_data: for @progress
 * @results: (element-type ClConsentImportResult): receives one result per file imported; make
 *   it with g_ptr_array_new_with_free_func (cl_consent_import_result_free)
 * @error: as for cl_consent_import_file()
 *
 * Imports the files in order, each in its own transaction, and stops at the first one that
 * fails: the files before it stay imported, and @results says which they were.
 *
 * Returns: whether every file was imported
 */
gboolean
cl_consent_import_files (ClLedger                *ledger,
                         const char * const      *paths,
                         ClConsentReaderFlags     flags,
                         GCancellable            *cancellable,
                         ClConsentImportProgress  progress,
                         gpointer                 user_data,
                         GPtrArray               *results,
                         GError                 **error)
{
  g_autofree guint64 *sizes = NULL;
  guint64 total = 0, before = 0;
  guint n;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);
  g_return_val_if_fail (results != NULL, FALSE);
  g_return_val_if_fail (!cl_ledger_in_transaction (ledger), FALSE);

  /* Sizes first, for a progress over all the files, and so that a missing file is found
   * before anything is imported. */
  n = g_strv_length ((char **) paths);
  sizes = g_new0 (guint64, n + 1);
  for (guint i = 0; i < n; i++)
    {
      if (!file_size (paths[i], &sizes[i], error))
        return FALSE;
      total += FILE_WORK (sizes[i]);
    }

  for (guint i = 0; i < n; i++)
    {
      ClConsentImportResult *result = NULL;

      if (!import_path (ledger, paths[i], flags, cancellable, progress, user_data, before,
                        total, sizes[i], &result, error))
        return FALSE;
      g_ptr_array_add (results, result);
      before += FILE_WORK (sizes[i]);
    }
  return TRUE;
}
