/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-ledger.c: opens a ledger file safely, creating or migrating it, and never touches a file
 * that is not a ledger. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cl-error.h"
#include "cl-ledger-private.h"
#include "cl-schema.h"

struct _ClLedger
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;  /* SQL text → sqlite3_stmt */
  int         schema_version;
  GThreadPool *wal_flusher;  /* see cl_ledger_start_writeback() */
};

G_DEFINE_FINAL_TYPE (ClLedger, cl_ledger, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_ledger_finalize (GObject *object)
{
  ClLedger *self = CL_LEDGER (object);

  /* A flush still running holds a descriptor of the WAL: it ends before the connection. */
  if (self->wal_flusher != NULL)
    g_thread_pool_free (self->wal_flusher, FALSE, TRUE);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (cl_ledger_parent_class)->finalize (object);
}

static void
cl_ledger_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ClLedger *self = CL_LEDGER (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Settles SQLite's process-wide settings, before its first connection (after it they can no
 * longer change, and sqlite3_config() refuses: harmless). Without memory statistics, which
 * nothing here reads, each of SQLite's allocations skips a global mutex: an import makes
 * millions of them, from more than one thread. */
static void
configure_sqlite (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
}

static void
cl_ledger_class_init (ClLedgerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_ledger_finalize;
  object_class->get_property = cl_ledger_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
cl_ledger_init (ClLedger *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

gboolean
cl_ledger_set_db_error (ClLedger    *self,
                        GError     **error,
                        const char  *doing)
{
  int code = sqlite3_errcode (self->db);
  const char *reason;

  if (code == SQLITE_FULL)
    reason = _("the disk is full");
  else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    reason = _("another program is using the ledger; try again in a moment");
  else if (code == SQLITE_READONLY)
    reason = _("the ledger file is read-only");
  else
    reason = sqlite3_errmsg (self->db);

  g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_DATABASE,
               "%s: %s", doing, reason);
  return FALSE;
}

sqlite3 *
cl_ledger_get_db (ClLedger *self)
{
  g_return_val_if_fail (CL_IS_LEDGER (self), NULL);
  return self->db;
}

sqlite3_stmt *
cl_ledger_statement (ClLedger    *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_LEDGER (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      cl_ledger_set_db_error (self, error, _("Could not read the ledger"));
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
cl_ledger_exec (ClLedger    *self,
                const char  *sql,
                GError     **error)
{
  g_return_val_if_fail (CL_IS_LEDGER (self), FALSE);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return cl_ledger_set_db_error (self, error, _("Could not update the ledger"));
  return TRUE;
}

/* New ledgers hold personal data: create the file owner-only before SQLite sees it. The WAL
 * and shared-memory files inherit the database file's permissions. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the ledger %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
query_int (sqlite3    *db,
           const char *sql,
           int        *value)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  ok = sqlite3_step (stmt) == SQLITE_ROW;
  if (ok)
    *value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return ok;
}

/* Reads the file's identity without writing to it: a file that is not ours must come out of
 * this byte for byte as it went in. Shared by cl_ledger_open and cl_ledger_needs_upgrade, so
 * that both refuse a file with the same words. */
static gboolean
check_file_identity (sqlite3     *db,
                     const char  *path,
                     int         *version,
                     GError     **error)
{
  int application_id = 0;
  int n_objects = 0;

  if (!query_int (db, "PRAGMA application_id", &application_id)
      || !query_int (db, "PRAGMA user_version", version)
      || !query_int (db, "SELECT count(*) FROM sqlite_master", &n_objects))
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_A_LEDGER,
                   _("%s is not a Consent Ledger file (it is not an SQLite database)"), path);
      return FALSE;
    }

  if (application_id == 0 && *version == 0 && n_objects == 0)
    return TRUE;  /* a new, empty database: migrate from nothing */

  if (application_id != CL_SCHEMA_APPLICATION_ID)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_A_LEDGER,
                   _("%s is not a Consent Ledger file (it is a database of another program)"),
                   path);
      return FALSE;
    }

  if (*version > cl_schema_latest_version ())
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_TOO_NEW,
                   _("%s was written by a newer version of Consent Ledger (ledger format %d; "
                     "this version reads up to %d); update Consent Ledger to open it"),
                   path, *version, cl_schema_latest_version ());
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_identity (ClLedger  *self,
                int       *version,
                GError   **error)
{
  return check_file_identity (self->db, self->path, version, error);
}

static gboolean
configure_connection (ClLedger  *self,
                      GError   **error)
{
  /* WAL lets the window read while a worker thread imports. secure_delete makes erasure
   * overwrite the freed pages instead of leaving them readable in the file. */
  return cl_ledger_exec (self, "PRAGMA journal_mode = WAL", error)
         && cl_ledger_exec (self, "PRAGMA synchronous = NORMAL", error)
         && cl_ledger_exec (self, "PRAGMA foreign_keys = ON", error)
         && cl_ledger_exec (self, "PRAGMA secure_delete = ON", error)
         && cl_ledger_exec (self, "PRAGMA cache_size = -65536", error)
         && cl_ledger_exec (self, "PRAGMA temp_store = MEMORY", error);
}

/**
 * cl_ledger_open:
 * @path: the ledger file; created (mode 0600) and seeded when it does not exist
 *
 * Returns: (transfer full): the ledger, migrated to the current schema, or %NULL with
 * %CL_LEDGER_ERROR_NOT_A_LEDGER or %CL_LEDGER_ERROR_TOO_NEW when the file must not be touched.
 */
ClLedger *
cl_ledger_open (const char  *path,
                GError     **error)
{
  g_autoptr(ClLedger) self = NULL;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !create_private_file (path, error))
    return NULL;
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_A_LEDGER,
                   _("%s is a folder, not a Consent Ledger file"), path);
      return NULL;
    }

  self = g_object_new (CL_TYPE_LEDGER, NULL);
  self->path = g_strdup (path);

  configure_sqlite ();
  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_DATABASE,
                   _("Could not open %s: %s"), path, sqlite3_errmsg (self->db));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 0);
  sqlite3_busy_timeout (self->db, 5000);

  if (!check_identity (self, &version, error))
    return NULL;
  /* A new ledger gets 16 KiB pages (SQLite's default is 4 KiB): a million events then take a
   * quarter of the pages, and an import writes and indexes them about 15 % faster. The size
   * can only be chosen before the first table exists, and WAL mode keeps it for good. */
  if (version == 0 && !cl_ledger_exec (self, "PRAGMA page_size = 16384", error))
    return NULL;
  if (!configure_connection (self, error))
    return NULL;
  if (version < cl_schema_latest_version ()
      && !cl_schema_migrate (self->db, version, cl_schema_latest_version (), error))
    return NULL;

  self->schema_version = cl_schema_latest_version ();
  return g_steal_pointer (&self);
}

/**
 * cl_ledger_needs_upgrade:
 * @path: a ledger file
 * @from_version: (out) (optional): the file's ledger format, 0 when it is missing or empty
 *
 * Tells, without writing to the file, whether cl_ledger_open() would migrate an existing
 * ledger to the current format: on a large ledger that can take seconds, so a window opens
 * it in a worker thread instead. A missing or empty file (a new ledger) and a current one
 * need no upgrade.
 *
 * Returns: %TRUE when cl_ledger_open() would migrate the ledger; %FALSE when it would not,
 * or with @error set when it would refuse the file (the same error cl_ledger_open() gives).
 */
gboolean
cl_ledger_needs_upgrade (const char  *path,
                         int         *from_version,
                         GError     **error)
{
  sqlite3 *db = NULL;
  int version = 0;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (from_version != NULL)
    *from_version = 0;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_A_LEDGER,
                   _("%s is a folder, not a Consent Ledger file"), path);
      return FALSE;
    }

  configure_sqlite ();
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_DATABASE,
                   _("Could not open %s: %s"), path, sqlite3_errmsg (db));
      sqlite3_close_v2 (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, 5000);
  ok = check_file_identity (db, path, &version, error);
  sqlite3_close_v2 (db);
  if (!ok)
    return FALSE;

  if (from_version != NULL)
    *from_version = version;
  return version > 0 && version < cl_schema_latest_version ();
}

/* $CONSENT_LEDGER, else $XDG_DATA_HOME/consent-ledger/ledger.db (BRIEF §5). */
char *
cl_ledger_default_path (void)
{
  const char *from_env = g_getenv ("CONSENT_LEDGER");

  if (from_env != NULL && *from_env != '\0')
    return g_strdup (from_env);
  return g_build_filename (g_get_user_data_dir (), "consent-ledger", "ledger.db", NULL);
}

const char *
cl_ledger_get_path (ClLedger *self)
{
  g_return_val_if_fail (CL_IS_LEDGER (self), NULL);
  return self->path;
}

int
cl_ledger_get_schema_version (ClLedger *self)
{
  g_return_val_if_fail (CL_IS_LEDGER (self), 0);
  return self->schema_version;
}

char *
cl_ledger_get_setting (ClLedger   *self,
                       const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (CL_IS_LEDGER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = cl_ledger_statement (self, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  /* A statement left on a row holds its read transaction open, and a later BEGIN IMMEDIATE
   * then fails as busy once another connection has written. */
  sqlite3_reset (stmt);
  return value;
}

int
cl_ledger_get_setting_int (ClLedger   *self,
                           const char *key,
                           int         fallback)
{
  g_autofree char *text = cl_ledger_get_setting (self, key);
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &value, NULL))
    return fallback;
  return (int) value;
}

gboolean
cl_ledger_set_setting (ClLedger    *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  stmt = cl_ledger_statement (self, "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cl_ledger_set_db_error (self, error, _("Could not save the setting"));
  return TRUE;
}

gboolean
cl_ledger_begin (ClLedger  *self,
                 GError   **error)
{
  g_return_val_if_fail (CL_IS_LEDGER (self), FALSE);
  /* IMMEDIATE takes the write lock now, so a busy ledger fails before any work is done. */
  return cl_ledger_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
cl_ledger_commit (ClLedger  *self,
                  GError   **error)
{
  g_return_val_if_fail (CL_IS_LEDGER (self), FALSE);
  if (!cl_ledger_exec (self, "COMMIT", error))
    {
      cl_ledger_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
cl_ledger_rollback (ClLedger *self)
{
  g_return_if_fail (CL_IS_LEDGER (self));
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
cl_ledger_in_transaction (ClLedger *self)
{
  g_return_val_if_fail (CL_IS_LEDGER (self), FALSE);
  return !sqlite3_get_autocommit (self->db);
}

static void
flush_file (gpointer data,
            gpointer user_data)
{
  g_autofree char *path = data;
  int fd = open (path, O_RDONLY | O_CLOEXEC);

  if (fd < 0)
    return;  /* the WAL is gone: nothing left to flush */
  fdatasync (fd);
  close (fd);
}

/* Has a helper thread flush the WAL to disk, without waiting for it. A long transaction
 * writes hundreds of megabytes to the WAL, and the disk's cost of a flush grows with what was
 * written since the last one: flushed as the transaction goes, in the background, the WAL
 * costs next to nothing to sync at the commit's checkpoint, where the user waits. Only
 * ahead of time: the sync at the checkpoint is what makes the data durable, and a flush
 * asked for while one is still waiting to start is not queued again. */
void
cl_ledger_start_writeback (ClLedger *self)
{
  const char *db_file;

  g_return_if_fail (CL_IS_LEDGER (self));
  db_file = sqlite3_db_filename (self->db, "main");
  if (db_file == NULL || *db_file == '\0')
    return;  /* a temporary or in-memory database */
  if (self->wal_flusher == NULL)
    self->wal_flusher = g_thread_pool_new (flush_file, NULL, 1, FALSE, NULL);
  if (g_thread_pool_unprocessed (self->wal_flusher) == 0)
    g_thread_pool_push (self->wal_flusher, g_strdup (sqlite3_filename_wal (db_file)), NULL);
}

/* Waits for the flushes asked for so far (see cl_ledger_start_writeback()). */
void
cl_ledger_wait_for_writeback (ClLedger *self)
{
  g_return_if_fail (CL_IS_LEDGER (self));
  if (self->wal_flusher == NULL)
    return;
  g_thread_pool_free (self->wal_flusher, FALSE, TRUE);
  self->wal_flusher = NULL;
}
