/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-import-progress.c: runs a consent log import in a GTask thread with its own ledger
 * connection (the window keeps reading through its own, thanks to WAL), and shows how far it
 * is with a Cancel button. The worker only stores the byte count; the main loop picks it up at
 * most once per idle, so a fast import never floods it. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-import-progress.h"

struct _ClImportProgress
{
  AdwBin          parent_instance;

  GCancellable   *cancellable;  /* of the import running, else NULL */
  guint           n_files;

  /* Written by the worker, read by the main loop. */
  GMutex          lock;
  guint64         done;
  guint64         total;
  gboolean        update_pending;

  /* template widgets */
  GtkProgressBar *progress_bar;
  GtkButton      *cancel_button;
};

G_DEFINE_FINAL_TYPE (ClImportProgress, cl_import_progress, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_RUNNING,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char      *ledger_path;
  GStrv      paths;
  GPtrArray *results;  /* ClConsentImportResult */
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *d = data;

  g_free (d->ledger_path);
  g_strfreev (d->paths);
  g_ptr_array_unref (d->results);
  g_free (d);
}

static void
cl_import_progress_dispose (GObject *object)
{
  ClImportProgress *self = CL_IMPORT_PROGRESS (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_IMPORT_PROGRESS);

  G_OBJECT_CLASS (cl_import_progress_parent_class)->dispose (object);
}

static void
cl_import_progress_finalize (GObject *object)
{
  ClImportProgress *self = CL_IMPORT_PROGRESS (object);

  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (cl_import_progress_parent_class)->finalize (object);
}

static void
cl_import_progress_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ClImportProgress *self = CL_IMPORT_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, cl_import_progress_get_running (self));
      break;

    case PROP_FRACTION:
      g_value_set_double (value, cl_import_progress_get_fraction (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_cancel_clicked (ClImportProgress *self)
{
  cl_import_progress_cancel (self);
}

static void
cl_import_progress_class_init (ClImportProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_import_progress_dispose;
  object_class->finalize = cl_import_progress_finalize;
  object_class->get_property = cl_import_progress_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-import-progress.ui");
  gtk_widget_class_bind_template_child (widget_class, ClImportProgress, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ClImportProgress, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
}

static void
cl_import_progress_init (ClImportProgress *self)
{
  g_mutex_init (&self->lock);
  gtk_widget_init_template (GTK_WIDGET (self));
}

ClImportProgress *
cl_import_progress_new (void)
{
  return g_object_new (CL_TYPE_IMPORT_PROGRESS, NULL);
}

static void
show_fraction (ClImportProgress *self,
               double            fraction)
{
  g_autofree char *text = NULL;
  int percent = (int) (fraction * 100);

  if (self->n_files > 1)
    /* TRANSLATORS: the progress bar of an import of several files */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Importing %u file… %d %%",
                                         "Importing %u files… %d %%", self->n_files),
                            self->n_files, percent);
  else
    /* TRANSLATORS: the progress bar of an import */
    text = g_strdup_printf (_("Importing… %d %%"), percent);
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static gboolean
update_progress (gpointer data)
{
  ClImportProgress *self = data;
  guint64 done, total;

  g_mutex_lock (&self->lock);
  done = self->done;
  total = self->total;
  self->update_pending = FALSE;
  g_mutex_unlock (&self->lock);

  /* Shown even when the import is over by now: a small file can be imported before this idle
   * callback runs, and the bar (hidden then) should still say how far it got. The next import
   * starts from 0 again. */
  if (total > 0)
    show_fraction (self, (double) done / (double) total);
  return G_SOURCE_REMOVE;
}

/* In the worker thread. */
static void
on_import_progress (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  ClImportProgress *self = user_data;
  gboolean schedule;

  g_mutex_lock (&self->lock);
  self->done = done;
  self->total = total;
  schedule = !self->update_pending;
  self->update_pending = TRUE;
  g_mutex_unlock (&self->lock);

  if (schedule)
    g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT_IDLE, update_progress,
                                g_object_ref (self), g_object_unref);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;

  /* One SQLite connection per thread. */
  ledger = cl_ledger_open (data->ledger_path, &error);
  if (ledger == NULL
      || !cl_consent_import_files (ledger, (const char * const *) data->paths,
                                   CL_CONSENT_READER_FLAGS_NONE, cancellable,
                                   on_import_progress, source_object, data->results, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
set_running (ClImportProgress *self,
             GCancellable     *cancellable)
{
  g_set_object (&self->cancellable, cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self), cancellable != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ClImportProgress *self = CL_IMPORT_PROGRESS (source);
  GTask *outer = user_data;

  set_running (self, NULL);
  g_task_return_pointer (outer, g_object_ref (result), g_object_unref);
  g_object_unref (outer);
}

/**
 * cl_import_progress_run_async:
 * @self: the progress widget, shown while the import runs
 * @ledger: the ledger the window has open; the import opens its own connection to its file
 * @files: (element-type GFile): local consent logs, .jsonl or .csv
 * @callback: called in the main loop when the import is over
 * @user_data: for @callback
 *
 * Each file is imported in its own transaction, in order, until one fails.
 */
void
cl_import_progress_run_async (ClImportProgress    *self,
                              ClLedger            *ledger,
                              GListModel          *files,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  ImportData *data;
  guint n;

  g_return_if_fail (CL_IS_IMPORT_PROGRESS (self));
  g_return_if_fail (CL_IS_LEDGER (ledger));
  g_return_if_fail (G_IS_LIST_MODEL (files));
  g_return_if_fail (!cl_import_progress_get_running (self));

  outer = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (outer, cl_import_progress_run_async);

  n = g_list_model_get_n_items (files);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (file);

          g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   _("%s is not a local file; copy it to this computer "
                                     "first"), uri);
          return;
        }
      g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);

  data = g_new0 (ImportData, 1);
  data->ledger_path = g_strdup (cl_ledger_get_path (ledger));
  data->paths = (GStrv) g_ptr_array_free (g_steal_pointer (&paths), FALSE);
  data->results = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_consent_import_result_free);

  self->n_files = n;
  g_mutex_lock (&self->lock);
  self->done = self->total = 0;
  self->update_pending = FALSE;
  g_mutex_unlock (&self->lock);
  set_running (self, cancellable);
  show_fraction (self, 0.0);

  /* The inner task runs in the thread; the outer one is what the caller finishes, once the
   * widget has stopped showing progress. */
  task = g_task_new (self, cancellable, on_import_done, g_steal_pointer (&outer));
  g_task_set_source_tag (task, import_thread);
  /* What the thread returns is the truth: a Cancel that came after the last commit must not
   * report as cancelled an import that is in the ledger. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, import_data_free);
  g_task_run_in_thread (task, import_thread);
}

gboolean
cl_import_progress_run_finish (ClImportProgress  *self,
                               GAsyncResult      *result,
                               GPtrArray        **results,
                               GError           **error)
{
  g_autoptr(GAsyncResult) inner = NULL;
  ImportData *data;

  g_return_val_if_fail (CL_IS_IMPORT_PROGRESS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  inner = g_task_propagate_pointer (G_TASK (result), error);
  if (inner == NULL)
    {
      if (results != NULL)
        *results = g_ptr_array_new ();
      return FALSE;
    }

  data = g_task_get_task_data (G_TASK (inner));
  if (results != NULL)
    *results = g_ptr_array_ref (data->results);
  return g_task_propagate_boolean (G_TASK (inner), error);
}

gboolean
cl_import_progress_get_running (ClImportProgress *self)
{
  g_return_val_if_fail (CL_IS_IMPORT_PROGRESS (self), FALSE);
  return self->cancellable != NULL;
}

double
cl_import_progress_get_fraction (ClImportProgress *self)
{
  g_return_val_if_fail (CL_IS_IMPORT_PROGRESS (self), 0.0);
  return gtk_progress_bar_get_fraction (self->progress_bar);
}

void
cl_import_progress_cancel (ClImportProgress *self)
{
  g_return_if_fail (CL_IS_IMPORT_PROGRESS (self));

  if (self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
  /* TRANSLATORS: shown while a cancelled import rolls back */
  gtk_progress_bar_set_text (self->progress_bar, _("Cancelling…"));
}

char *
cl_import_progress_describe (GPtrArray *results)
{
  guint64 imported = 0, subjects = 0, duplicates = 0, erased = 0;
  g_autofree char *events_text = NULL;
  g_autofree char *subjects_text = NULL;
  g_autofree char *duplicates_text = NULL;
  g_autofree char *erased_text = NULL;

  g_return_val_if_fail (results != NULL, NULL);

  for (guint i = 0; i < results->len; i++)
    {
      const ClConsentImportResult *r = results->pdata[i];

      imported += r->n_imported;
      subjects += r->n_new_subjects;
      duplicates += r->n_duplicates;
      erased += r->n_erased;
    }

  events_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu event",
                                              "%lu events", imported),
                                 (unsigned long) imported);
  subjects_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%lu new subject",
                                                "%lu new subjects", subjects),
                                   (unsigned long) subjects);
  duplicates_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%lu duplicate skipped",
                                                  "%lu duplicates skipped",
                                                  duplicates),
                                     (unsigned long) duplicates);
  erased_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%lu erased subject skipped",
                                              "%lu erased subjects skipped",
                                              erased),
                                 (unsigned long) erased);
  /* TRANSLATORS: the parts are "3 events", "1 new subject", "0 duplicates skipped" and
   * "0 erased subjects skipped" */
  return g_strdup_printf (_("Imported %s (%s, %s, %s)"), events_text, subjects_text,
                          duplicates_text, erased_text);
}
