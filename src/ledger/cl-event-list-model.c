/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-event-list-model.c: gom's paged entity list idea for consent events.
 *
 * The snapshot is an array of row ids (8 MB for a million events), so any position maps to its
 * row in O(1) and scrolling to position 900,000 reads one page of 200 rows by primary key. The
 * order and the filters are the query's SQL: nothing here compares or filters rows. */
#include "config.h"

#include <string.h>

#include "cl-consent-event-private.h"
#include "cl-event-list-model.h"
#include "cl-ledger-private.h"

/* The worker thread's own connection, shared by the snapshot jobs one at a time. */
typedef struct
{
  gatomicrefcount ref_count;
  GMutex          mutex;
  char           *path;
  ClLedger       *ledger;
} Worker;

typedef struct
{
  guint      index;
  GPtrArray *events;
  GList      link;   /* in the LRU queue; data = this page */
} Page;

typedef struct
{
  Worker       *worker;
  ClEventQuery *query;
  gboolean      want_total;
} Job;

typedef struct
{
  GArray  *ids;
  guint64  total;
  gboolean has_total;
} Snapshot;

struct _ClEventListModel
{
  GObject       parent_instance;

  ClLedger     *ledger;
  ClEventQuery *query;
  Worker       *worker;
  GCancellable *cancellable;  /* of the snapshot in progress */
  GArray       *ids;          /* the current snapshot: gint64 row ids */
  GHashTable   *pages;        /* page index → Page */
  GQueue        lru;          /* most recently used first */
  char         *error;
  guint64       total;
  guint         n_page_loads;
  guint         has_total : 1;
  guint         loading : 1;
  guint         partial : 1;  /* ids holds only the first page of the answer being read */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ClEventListModel, cl_event_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_LEDGER,
  PROP_QUERY,
  PROP_LOADING,
  PROP_N_ITEMS,
  PROP_TOTAL,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static Worker *
worker_new (const char *path)
{
  Worker *worker = g_new0 (Worker, 1);

  g_atomic_ref_count_init (&worker->ref_count);
  g_mutex_init (&worker->mutex);
  worker->path = g_strdup (path);
  return worker;
}

static Worker *
worker_ref (Worker *worker)
{
  g_atomic_ref_count_inc (&worker->ref_count);
  return worker;
}

static void
worker_unref (Worker *worker)
{
  if (!g_atomic_ref_count_dec (&worker->ref_count))
    return;
  g_clear_object (&worker->ledger);
  g_mutex_clear (&worker->mutex);
  g_free (worker->path);
  g_free (worker);
}

static void
job_free (Job *job)
{
  worker_unref (job->worker);
  g_object_unref (job->query);
  g_free (job);
}

static void
snapshot_free (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->ids, g_array_unref);
  g_free (snapshot);
}

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->events);
  g_free (page);
}

static void
drop_pages (ClEventListModel *self)
{
  g_queue_init (&self->lru);
  g_hash_table_remove_all (self->pages);
}

/* The first rows of a new answer, shown while the rest of it is still being read. */
typedef struct
{
  ClEventListModel *self;
  GCancellable     *cancellable;
  GArray           *ids;
} Prefix;

static void
prefix_free (Prefix *prefix)
{
  g_object_unref (prefix->self);
  g_object_unref (prefix->cancellable);
  g_array_unref (prefix->ids);
  g_free (prefix);
}

static gboolean apply_prefix (gpointer data);

static gboolean
worker_ensure_ledger (Worker  *worker,
                      GError **error)
{
  if (worker->ledger != NULL)
    return TRUE;
  worker->ledger = cl_ledger_open (worker->path, error);
  if (worker->ledger == NULL)
    return FALSE;
  /* Snapshots scan whole indexes once; the OS caches the file anyway. A smaller page cache
   * keeps the window's memory down (BRIEF §6: under 150 MB). */
  cl_ledger_exec (worker->ledger, "PRAGMA cache_size = -8192", NULL);
  return TRUE;
}

/* In time order the first page of matches is found after a short walk down the time index,
 * whatever the filter, long before the whole answer is read: it is handed to the main thread
 * at once, so the user sees rows in milliseconds. Other orders must sort every match before
 * the first one is known, so there a first page would cost as much as the whole answer. */
static Snapshot *
collect_snapshot (GTask        *task,
                  Job          *job,
                  GCancellable *cancellable,
                  GError      **error)
{
  ClLedger *ledger = job->worker->ledger;
  g_autoptr(GArray) ids = NULL;
  Snapshot *snapshot;

  if (cl_event_query_get_sort (job->query) == CL_EVENT_SORT_TIME)
    {
      g_autoptr(GArray) prefix = cl_event_query_collect_ids (job->query, ledger,
                                                            CL_EVENT_LIST_MODEL_PAGE_SIZE,
                                                            cancellable, error);
      if (prefix == NULL)
        return NULL;
      if (prefix->len < CL_EVENT_LIST_MODEL_PAGE_SIZE)
        ids = g_steal_pointer (&prefix);   /* that was the whole answer */
      else
        {
          Prefix *shown = g_new0 (Prefix, 1);
          g_autoptr(GSource) source = g_idle_source_new ();

          shown->self = g_object_ref (g_task_get_source_object (task));
          shown->cancellable = g_object_ref (cancellable);
          shown->ids = g_steal_pointer (&prefix);
          /* An idle source, not g_main_context_invoke(): that one runs the function right here,
           * in this thread, when the main thread happens not to hold its context. At the task's
           * priority, attached first: it is dispatched before the task's own completion. */
          g_source_set_priority (source, G_PRIORITY_DEFAULT);
          g_source_set_callback (source, apply_prefix, shown, (GDestroyNotify) prefix_free);
          g_source_attach (source, g_task_get_context (task));
        }
    }
  if (ids == NULL)
    ids = cl_event_query_collect_ids (job->query, ledger, 0, cancellable, error);
  if (ids == NULL)
    return NULL;

  snapshot = g_new0 (Snapshot, 1);
  snapshot->ids = g_steal_pointer (&ids);
  if (!cl_event_query_is_filtered (job->query))
    {
      snapshot->total = snapshot->ids->len;
      snapshot->has_total = TRUE;
    }
  else if (job->want_total)
    {
      g_autoptr(ClEventQuery) all = cl_event_query_new ();

      snapshot->has_total = cl_event_query_count (all, ledger, &snapshot->total, NULL);
    }
  return snapshot;
}

static void
snapshot_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&job->worker->mutex);
  Snapshot *snapshot;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!worker_ensure_ledger (job->worker, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* One read transaction: the first page, the whole answer and the total see the same ledger,
   * even when an import commits in between. */
  cl_ledger_exec (job->worker->ledger, "BEGIN", NULL);
  snapshot = collect_snapshot (task, job, cancellable, &error);
  cl_ledger_exec (job->worker->ledger, "COMMIT", NULL);

  if (snapshot == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, snapshot, (GDestroyNotify) snapshot_free);
}

static void
set_loading (ClEventListModel *self,
             gboolean          loading)
{
  if (self->loading == !!loading)
    return;
  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Replaces the list by ids; the notifications come after, since nothing outside may run
 * between the new ids and items-changed (a list view asking for an old position in between
 * would get no item). */
static void
replace_ids (ClEventListModel *self,
             GArray           *ids)
{
  guint old_n = self->ids->len;

  g_array_unref (self->ids);
  self->ids = ids;
  drop_pages (self);
  if (old_n != ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (old_n != 0 || ids->len != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, ids->len);
}

/* The whole answer, when the first page of it is already shown: the rest is appended, so the
 * rows on screen and the pages read stay. */
static void
complete_ids (ClEventListModel *self,
              GArray           *ids)
{
  guint shown = self->ids->len;

  if (ids->len < shown
      || memcmp (ids->data, self->ids->data, shown * sizeof (gint64)) != 0)
    {
      replace_ids (self, ids);
      return;
    }
  g_array_unref (self->ids);
  self->ids = ids;
  if (ids->len != shown)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
      g_list_model_items_changed (G_LIST_MODEL (self), shown, 0, ids->len - shown);
    }
}

static gboolean
apply_prefix (gpointer data)
{
  Prefix *prefix = data;
  ClEventListModel *self = prefix->self;

  /* Only the answer still awaited: a newer query or a disposed model drops it. */
  if (prefix->cancellable != self->cancellable || g_cancellable_is_cancelled (prefix->cancellable))
    return G_SOURCE_REMOVE;
  g_object_freeze_notify (G_OBJECT (self));
  replace_ids (self, g_array_ref (prefix->ids));
  self->partial = TRUE;
  g_object_thaw_notify (G_OBJECT (self));
  return G_SOURCE_REMOVE;
}

static void
snapshot_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ClEventListModel *self = CL_EVENT_LIST_MODEL (source);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;
  Snapshot *snapshot;

  snapshot = g_task_propagate_pointer (G_TASK (result), &error);
  /* A newer snapshot replaced this one: its own completion will update the model. */
  if (cancellable != self->cancellable)
    {
      g_clear_pointer (&snapshot, snapshot_free);
      return;
    }
  g_clear_object (&self->cancellable);

  if (snapshot == NULL)
    {
      self->partial = FALSE;
      g_free (self->error);
      self->error = g_strdup (error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
      set_loading (self, FALSE);
      return;
    }
  if (self->error != NULL)
    {
      g_clear_pointer (&self->error, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (snapshot->has_total && (!self->has_total || self->total != snapshot->total))
    {
      self->total = snapshot->total;
      self->has_total = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }
  set_loading (self, FALSE);
  if (self->partial)
    complete_ids (self, g_steal_pointer (&snapshot->ids));
  else
    replace_ids (self, g_steal_pointer (&snapshot->ids));
  self->partial = FALSE;
  snapshot_free (snapshot);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
start_snapshot (ClEventListModel *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (Job, 1);
  job->worker = worker_ref (self->worker);
  job->query = cl_event_query_copy (self->query);
  job->want_total = !self->has_total;

  task = g_task_new (self, self->cancellable, snapshot_done, NULL);
  g_task_set_source_tag (task, start_snapshot);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, snapshot_thread);
  set_loading (self, TRUE);
}

static void
on_query_changed (ClEventListModel *self)
{
  start_snapshot (self);
}

static void
cl_event_list_model_constructed (GObject *object)
{
  ClEventListModel *self = CL_EVENT_LIST_MODEL (object);

  G_OBJECT_CLASS (cl_event_list_model_parent_class)->constructed (object);

  g_assert (self->ledger != NULL && self->query != NULL);
  self->worker = worker_new (cl_ledger_get_path (self->ledger));
  g_signal_connect_object (self->query, "changed", G_CALLBACK (on_query_changed), self,
                           G_CONNECT_SWAPPED);
  start_snapshot (self);
}

static void
cl_event_list_model_dispose (GObject *object)
{
  ClEventListModel *self = CL_EVENT_LIST_MODEL (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->pages != NULL)
    drop_pages (self);
  g_clear_object (&self->query);
  g_clear_object (&self->ledger);

  G_OBJECT_CLASS (cl_event_list_model_parent_class)->dispose (object);
}

static void
cl_event_list_model_finalize (GObject *object)
{
  ClEventListModel *self = CL_EVENT_LIST_MODEL (object);

  g_clear_pointer (&self->worker, worker_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_free (self->error);

  G_OBJECT_CLASS (cl_event_list_model_parent_class)->finalize (object);
}

static void
cl_event_list_model_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ClEventListModel *self = CL_EVENT_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_LEDGER: g_value_set_object (value, self->ledger); break;
    case PROP_QUERY: g_value_set_object (value, self->query); break;
    case PROP_LOADING: g_value_set_boolean (value, self->loading); break;
    case PROP_N_ITEMS: g_value_set_uint (value, self->ids->len); break;
    case PROP_TOTAL: g_value_set_uint64 (value, self->total); break;
    case PROP_ERROR: g_value_set_string (value, self->error); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_event_list_model_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ClEventListModel *self = CL_EVENT_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_LEDGER: self->ledger = g_value_dup_object (value); break;
    case PROP_QUERY: self->query = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_event_list_model_class_init (ClEventListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  const GParamFlags readable = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->constructed = cl_event_list_model_constructed;
  object_class->dispose = cl_event_list_model_dispose;
  object_class->finalize = cl_event_list_model_finalize;
  object_class->get_property = cl_event_list_model_get_property;
  object_class->set_property = cl_event_list_model_set_property;

  properties[PROP_LEDGER] =
    g_param_spec_object ("ledger", NULL, NULL, CL_TYPE_LEDGER, construct);
  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL, CL_TYPE_EVENT_QUERY, construct);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, readable);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[PROP_TOTAL] =
    g_param_spec_uint64 ("total", NULL, NULL, 0, G_MAXUINT64, 0, readable);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, readable);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_event_list_model_init (ClEventListModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
  g_queue_init (&self->lru);
}

static GType
cl_event_list_model_get_item_type (GListModel *model)
{
  return CL_TYPE_CONSENT_EVENT;
}

static guint
cl_event_list_model_get_n_items (GListModel *model)
{
  return CL_EVENT_LIST_MODEL (model)->ids->len;
}

static Page *
load_page (ClEventListModel *self,
           guint             index)
{
  g_autoptr(GError) error = NULL;
  guint start = index * CL_EVENT_LIST_MODEL_PAGE_SIZE;
  guint n = MIN (CL_EVENT_LIST_MODEL_PAGE_SIZE, self->ids->len - start);
  Page *page = g_new0 (Page, 1);

  page->index = index;
  page->link.data = page;
  page->events = cl_consent_event_load (self->ledger, &g_array_index (self->ids, gint64, start),
                                        n, &error);
  if (page->events == NULL)
    {
      /* The list must still hand out an item for every position: show them as gone. */
      g_warning ("%s", error->message);
      page->events = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (page->events,
                         cl_consent_event_new_absent (g_array_index (self->ids, gint64,
                                                                     start + i)));
    }
  self->n_page_loads++;

  while (self->lru.length >= CL_EVENT_LIST_MODEL_MAX_PAGES)
    {
      Page *oldest = self->lru.tail->data;
      g_queue_unlink (&self->lru, &oldest->link);
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (oldest->index));
    }
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  g_queue_push_head_link (&self->lru, &page->link);
  return page;
}

static gpointer
cl_event_list_model_get_item (GListModel *model,
                              guint       position)
{
  ClEventListModel *self = CL_EVENT_LIST_MODEL (model);
  guint index = position / CL_EVENT_LIST_MODEL_PAGE_SIZE;
  Page *page;

  if (position >= self->ids->len || self->ledger == NULL)
    return NULL;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  if (page == NULL)
    page = load_page (self, index);
  else if (self->lru.head != &page->link)
    {
      g_queue_unlink (&self->lru, &page->link);
      g_queue_push_head_link (&self->lru, &page->link);
    }
  return g_object_ref (page->events->pdata[position % CL_EVENT_LIST_MODEL_PAGE_SIZE]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cl_event_list_model_get_item_type;
  iface->get_n_items = cl_event_list_model_get_n_items;
  iface->get_item = cl_event_list_model_get_item;
}

ClEventListModel *
cl_event_list_model_new (ClLedger     *ledger,
                         ClEventQuery *query)
{
  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (CL_IS_EVENT_QUERY (query), NULL);

  return g_object_new (CL_TYPE_EVENT_LIST_MODEL, "ledger", ledger, "query", query, NULL);
}

ClLedger *
cl_event_list_model_get_ledger (ClEventListModel *self)
{
  g_return_val_if_fail (CL_IS_EVENT_LIST_MODEL (self), NULL);
  return self->ledger;
}

ClEventQuery *
cl_event_list_model_get_query (ClEventListModel *self)
{
  g_return_val_if_fail (CL_IS_EVENT_LIST_MODEL (self), NULL);
  return self->query;
}

gboolean
cl_event_list_model_get_loading (ClEventListModel *self)
{
  g_return_val_if_fail (CL_IS_EVENT_LIST_MODEL (self), FALSE);
  return self->loading;
}

guint64
cl_event_list_model_get_total (ClEventListModel *self)
{
  g_return_val_if_fail (CL_IS_EVENT_LIST_MODEL (self), 0);
  return self->total;
}

const char *
cl_event_list_model_get_error (ClEventListModel *self)
{
  g_return_val_if_fail (CL_IS_EVENT_LIST_MODEL (self), NULL);
  return self->error;
}

void
cl_event_list_model_reload (ClEventListModel *self)
{
  g_return_if_fail (CL_IS_EVENT_LIST_MODEL (self));

  self->has_total = FALSE;
  start_snapshot (self);
}

guint
cl_event_list_model_get_n_page_loads (ClEventListModel *self)
{
  g_return_val_if_fail (CL_IS_EVENT_LIST_MODEL (self), 0);
  return self->n_page_loads;
}
