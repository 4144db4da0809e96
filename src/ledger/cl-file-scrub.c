/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-file-scrub.c: walks b-trees in the ledger file with the SQLite file format (sqlite.org/
 * fileformat2.html) and overwrites matches that lie outside every cell. Only space SQLite
 * itself treats as unallocated is written, under the write lock, with the WAL empty, so the
 * file means exactly what it meant before; any page that does not parse is left alone. */
#define _GNU_SOURCE  /* memmem */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cl-error.h"
#include "cl-file-scrub.h"
#include "cl-ledger-private.h"

#define PAGE_INTERIOR_INDEX 2
#define PAGE_INTERIOR_TABLE 5
#define PAGE_LEAF_INDEX     10
#define PAGE_LEAF_TABLE     13

typedef struct
{
  int                 fd;
  guint               page_size;
  guint               usable_size;
  guint32             n_pages_in_file;
  guchar             *page;
  GHashTable         *visited;
  const char * const *values;
  ClFileScrubResult  *result;
} Scrub;

static guint
get2 (const guchar *p)
{
  return (p[0] << 8) | p[1];
}

static guint32
get4 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* doing is marked with N_() by the caller and translated here, after errno is saved: looking
 * up a translation may change errno. */
static gboolean
set_io_error (GError     **error,
              const char  *doing)
{
  int saved = errno;

  g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_DATABASE,
               "%s: %s", _(doing), g_strerror (saved));
  return FALSE;
}

/* Whether [start, end) lies in free space: the gap, or a freeblock past its 4-byte header. */
static gboolean
is_free (const guchar *page,
         guint         header,
         guint         gap_start,
         guint         gap_end,
         guint         start,
         guint         end,
         guint         usable_size)
{
  guint block = get2 (page + header + 1);
  guint guard = 0;

  if (start >= gap_start && end <= gap_end)
    return TRUE;
  while (block != 0 && block + 4 <= usable_size && guard++ < usable_size / 4)
    {
      guint size = get2 (page + block + 2);

      if (size < 4 || block + size > usable_size)
        break;
      if (start >= block + 4 && end <= block + size)
        return TRUE;
      if (get2 (page + block) <= block)
        break;  /* freeblocks are in ascending order; anything else is not ours to trust */
      block = get2 (page + block);
    }
  return FALSE;
}

/* Without values to look for: every byte of free space that is not zero yet. */
static gboolean
zero_free_space (Scrub *scrub,
                 guint  header,
                 guint  gap_start,
                 guint  gap_end)
{
  guchar *page = scrub->page;
  guint block = get2 (page + header + 1);
  guint guard = 0;
  gboolean changed = FALSE;

  for (guint i = gap_start; i < gap_end; i++)
    if (page[i] != 0)
      {
        memset (page + gap_start, 0, gap_end - gap_start);
        changed = TRUE;
        break;
      }
  while (block != 0 && block + 4 <= scrub->usable_size && guard++ < scrub->usable_size / 4)
    {
      guint size = get2 (page + block + 2);
      guint next = get2 (page + block);

      if (size < 4 || block + size > scrub->usable_size)
        break;
      for (guint i = block + 4; i < block + size; i++)
        if (page[i] != 0)
          {
            memset (page + block + 4, 0, size - 4);
            changed = TRUE;
            break;
          }
      if (next <= block)
        break;
      block = next;
    }
  if (changed)
    scrub->result->n_zeroed++;
  return changed;
}

/* Zeroes the free-space matches in the page buffer; TRUE when it changed. */
static gboolean
scrub_page (Scrub  *scrub,
            guint   header)
{
  guchar *page = scrub->page;
  guint type = page[header];
  guint n_cells = get2 (page + header + 3);
  guint content = get2 (page + header + 5);
  guint header_size = (type == PAGE_LEAF_INDEX || type == PAGE_LEAF_TABLE) ? 8 : 12;
  guint gap_start = header + header_size + 2 * n_cells;
  gboolean changed = FALSE;

  if (content == 0)
    content = 65536;
  if (gap_start > content || content > scrub->usable_size)
    return FALSE;

  if (scrub->values == NULL)
    return zero_free_space (scrub, header, gap_start, content);

  for (guint v = 0; scrub->values[v] != NULL; v++)
    {
      gsize length = strlen (scrub->values[v]);
      const guchar *from = page;
      const guchar *found;

      if (length == 0)
        continue;
      while ((found = memmem (from, scrub->usable_size - (from - page), scrub->values[v],
                              length)) != NULL)
        {
          guint start = found - page;

          if (is_free (page, header, gap_start, content, start, start + length,
                       scrub->usable_size))
            {
              memset (page + start, 0, length);
              scrub->result->n_zeroed++;
              changed = TRUE;
            }
          else
            scrub->result->n_live++;
          from = found + 1;
          if ((gsize) (from - page) + length > scrub->usable_size)
            break;
        }
    }
  return changed;
}

static gboolean
read_page (Scrub    *scrub,
           guint32   number,
           GError  **error)
{
  goffset offset = (goffset) (number - 1) * scrub->page_size;

  if (pread (scrub->fd, scrub->page, scrub->page_size, offset) != (ssize_t) scrub->page_size)
    return set_io_error (error, N_("Could not read the ledger file"));
  return TRUE;
}

static gboolean
scrub_tree (Scrub    *scrub,
            guint32   root,
            GError  **error)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint32));

  g_array_append_val (stack, root);
  while (stack->len > 0)
    {
      guint32 number = g_array_index (stack, guint32, stack->len - 1);
      guint header = number == 1 ? 100 : 0;
      guint type;

      g_array_set_size (stack, stack->len - 1);
      if (number == 0 || number > scrub->n_pages_in_file
          || !g_hash_table_add (scrub->visited, GUINT_TO_POINTER (number)))
        continue;
      if (!read_page (scrub, number, error))
        return FALSE;
      scrub->result->n_pages++;

      type = scrub->page[header];
      if (type != PAGE_INTERIOR_INDEX && type != PAGE_INTERIOR_TABLE
          && type != PAGE_LEAF_INDEX && type != PAGE_LEAF_TABLE)
        continue;  /* not a b-tree page after all: leave it alone */

      if (type == PAGE_INTERIOR_INDEX || type == PAGE_INTERIOR_TABLE)
        {
          guint n_cells = get2 (scrub->page + header + 3);
          guint32 right = get4 (scrub->page + header + 8);

          g_array_append_val (stack, right);
          for (guint c = 0; c < n_cells; c++)
            {
              guint cell = get2 (scrub->page + header + 12 + 2 * c);
              guint32 child;

              if (header + 12 + 2 * c + 2 > scrub->usable_size || cell + 4 > scrub->usable_size)
                break;
              child = get4 (scrub->page + cell);
              g_array_append_val (stack, child);
            }
        }

      if (scrub_page (scrub, header)
          && pwrite (scrub->fd, scrub->page, scrub->page_size,
                     (goffset) (number - 1) * scrub->page_size) != (ssize_t) scrub->page_size)
        return set_io_error (error, N_("Could not overwrite erased data in the ledger file"));
    }
  return TRUE;
}

static GArray *
tree_roots (ClLedger            *ledger,
            const char * const  *tables,
            GError             **error)
{
  g_autoptr(GArray) roots = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint t = 0; tables[t] != NULL; t++)
    {
      sqlite3_stmt *stmt = cl_ledger_statement (ledger,
                                                "SELECT rootpage FROM sqlite_schema"
                                                " WHERE tbl_name = ? AND rootpage > 0", error);
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, tables[t], -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          guint32 root = (guint32) sqlite3_column_int64 (stmt, 0);
          g_array_append_val (roots, root);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          cl_ledger_set_db_error (ledger, error, _("Could not read the ledger’s structure"));
          return NULL;
        }
    }
  return g_steal_pointer (&roots);
}

static gboolean
scrub_locked (ClLedger            *ledger,
              const char * const  *tables,
              Scrub               *scrub,
              GError             **error)
{
  g_autofree char *wal_path = g_strconcat (cl_ledger_get_path (ledger), "-wal", NULL);
  g_autoptr(GArray) roots = NULL;
  guchar header[100];
  struct stat wal;
  struct stat file;

  /* Newer pages in the WAL would be checkpointed over the file later, old bytes and all. */
  if (g_stat (wal_path, &wal) == 0 && wal.st_size > 0)
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_CONFLICT,
                           _("The ledger’s log file is not empty, so erased data could not be "
                             "cleared from the ledger file yet"));
      return FALSE;
    }

  if (pread (scrub->fd, header, sizeof header, 0) != sizeof header)
    return set_io_error (error, N_("Could not read the ledger file"));
  scrub->page_size = get2 (header + 16) == 1 ? 65536 : get2 (header + 16);
  if (scrub->page_size < 512 || (scrub->page_size & (scrub->page_size - 1)) != 0)
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_DATABASE,
                           _("The ledger file has an unexpected page size"));
      return FALSE;
    }
  scrub->usable_size = scrub->page_size - header[20];
  if (fstat (scrub->fd, &file) != 0)
    return set_io_error (error, N_("Could not read the ledger file"));
  scrub->n_pages_in_file = file.st_size / scrub->page_size;
  scrub->page = g_malloc (scrub->page_size);

  if (!(roots = tree_roots (ledger, tables, error)))
    return FALSE;
  for (guint r = 0; r < roots->len; r++)
    if (!scrub_tree (scrub, g_array_index (roots, guint32, r), error))
      return FALSE;
  if (scrub->result->n_zeroed > 0 && fsync (scrub->fd) != 0)
    return set_io_error (error, N_("Could not write the ledger file"));
  return TRUE;
}

gboolean
cl_file_scrub (ClLedger            *ledger,
               const char * const  *tables,
               const char * const  *values,
               ClFileScrubResult   *result,
               GError             **error)
{
  g_autoptr(GHashTable) visited = g_hash_table_new (NULL, NULL);
  ClFileScrubResult counts = { 0 };
  Scrub scrub = { -1, 0, 0, 0, NULL, visited, values, &counts };
  gboolean ok;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (tables != NULL, FALSE);
  g_return_val_if_fail (!cl_ledger_in_transaction (ledger), FALSE);

  /* The write lock keeps every other connection from writing (or checkpointing) meanwhile. */
  if (!cl_ledger_begin (ledger, error))
    return FALSE;
  scrub.fd = g_open (cl_ledger_get_path (ledger), O_RDWR | O_CLOEXEC, 0);
  if (scrub.fd < 0)
    ok = set_io_error (error, N_("Could not open the ledger file"));
  else
    ok = scrub_locked (ledger, tables, &scrub, error);
  if (scrub.fd >= 0)
    close (scrub.fd);
  g_free (scrub.page);
  cl_ledger_rollback (ledger);

  /* This connection's cache still holds the pages as they were, old bytes included: drop it,
   * so that a later write does not put them back. */
  sqlite3_db_release_memory (cl_ledger_get_db (ledger));

  if (result != NULL)
    *result = counts;
  return ok;
}
