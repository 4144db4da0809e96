/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-report-actions.c: Create Report…, Print…, Export Data… and Erase Subject… on a request.
 * Each job runs in a GTask thread with its own connection (cl_ledger_open on the same file),
 * so the window never waits on SQLite, and can be cancelled until it commits. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-erasure.h"
#include "cl-export.h"
#include "cl-report-actions.h"
#include "cl-report-file.h"
#include "cl-report-model.h"
#include "cl-report-pages.h"

typedef enum
{
  JOB_REPORT,
  JOB_EXPORT,
  JOB_ERASE,
  JOB_PRINT,  /* the thread builds the report; the print operation then runs here */
} JobKind;

typedef struct
{
  JobKind         kind;
  char           *ledger_path;
  char           *reference;
  char           *path;        /* the file to write; for JOB_PRINT, a PDF to export to or NULL */
  ClReportFormat  format;
} Job;

typedef struct
{
  char       *message;
  JsonObject *report;  /* JOB_PRINT */
} JobResult;

struct _ClReportActions
{
  AdwBin            parent_instance;

  ClLedger         *ledger;
  ClRequest        *request;
  GCancellable     *cancellable;
  gboolean          busy;
  char             *last_message;
  AdwMessageDialog *erase_dialog;
  GtkNativeDialog  *chooser;
  guint             printed_pages;
  gboolean          disposed;

  GtkWidget        *create_report_button;
  GtkWidget        *print_button;
  GtkWidget        *export_button;
  GtkWidget        *erase_button;
  GtkRevealer      *busy_revealer;
  GtkSpinner       *spinner;
  GtkLabel         *busy_label;
};

G_DEFINE_FINAL_TYPE (ClReportActions, cl_report_actions, ADW_TYPE_BIN)

enum {
  SIGNAL_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->ledger_path);
  g_free (job->reference);
  g_free (job->path);
  g_free (job);
}

static void
job_result_free (gpointer data)
{
  JobResult *result = data;

  g_free (result->message);
  g_clear_pointer (&result->report, json_object_unref);
  g_free (result);
}

/* ------------------------------------------------------------------------------------------ */
/* State                                                                                      */

static void
update_actions (ClReportActions *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  ClRequestType type = self->request != NULL ? cl_request_get_request_type (self->request)
                                             : CL_REQUEST_TYPE_RECTIFICATION;
  gboolean usable = self->ledger != NULL && self->request != NULL && !self->busy
                    && cl_request_get_status (self->request) != CL_REQUEST_STATUS_REJECTED;
  gboolean verified = self->request != NULL && cl_request_get_verification (self->request) != NULL;
  const char *why = !verified ? _("Verify the subject’s identity first") : NULL;

  gtk_widget_action_set_enabled (widget, "report.create",
                                 usable && verified && type == CL_REQUEST_TYPE_ACCESS);
  gtk_widget_action_set_enabled (widget, "report.print",
                                 usable && verified && type == CL_REQUEST_TYPE_ACCESS);
  gtk_widget_action_set_enabled (widget, "report.export",
                                 usable && verified && type == CL_REQUEST_TYPE_PORTABILITY);
  gtk_widget_action_set_enabled (widget, "report.erase",
                                 usable && verified && type == CL_REQUEST_TYPE_ERASURE
                                 && cl_request_is_open (self->request));
  gtk_widget_action_set_enabled (widget, "report.cancel", self->busy);

  if (self->create_report_button == NULL)
    return;  /* disposed */
  gtk_widget_set_visible (self->create_report_button, type == CL_REQUEST_TYPE_ACCESS);
  gtk_widget_set_visible (self->print_button, type == CL_REQUEST_TYPE_ACCESS);
  gtk_widget_set_visible (self->export_button, type == CL_REQUEST_TYPE_PORTABILITY);
  gtk_widget_set_visible (self->erase_button, type == CL_REQUEST_TYPE_ERASURE);
  gtk_widget_set_tooltip_text (self->create_report_button,
                               why != NULL ? why : _("Write the subject-access report (HTML, "
                                                     "PDF or JSON) and record it on the request"));
  gtk_widget_set_tooltip_text (self->export_button,
                               why != NULL ? why : _("Write the subject’s identifiers and consent "
                                                     "events as JSON and record the file on the "
                                                     "request"));
  gtk_widget_set_tooltip_text (self->erase_button,
                               why != NULL ? why : _("Delete the subject’s identifiers and consent "
                                                     "events, keeping only tombstones"));
  /* Nothing to show for the other request types. */
  gtk_widget_set_visible (GTK_WIDGET (self),
                          self->request != NULL && (type == CL_REQUEST_TYPE_ACCESS
                                                    || type == CL_REQUEST_TYPE_PORTABILITY
                                                    || type == CL_REQUEST_TYPE_ERASURE));
}

static void
finish (ClReportActions *self,
        const char      *reference,
        const char      *message)
{
  g_free (self->last_message);
  self->last_message = g_strdup (message);
  g_signal_emit (self, signals[SIGNAL_DONE], 0, reference, message);
}

static void
set_busy (ClReportActions *self,
          const char      *what)
{
  self->busy = what != NULL;
  if (self->busy_revealer != NULL)
    {
      gtk_label_set_label (self->busy_label, what != NULL ? what : "");
      gtk_revealer_set_reveal_child (self->busy_revealer, self->busy);
      gtk_spinner_set_spinning (self->spinner, self->busy);
    }
  update_actions (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Printing                                                                                   */

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             JsonObject        *report)
{
  ClReportPages *pages = cl_report_pages_new (report, gtk_print_context_get_cairo_context (context),
                                              gtk_print_context_get_width (context),
                                              gtk_print_context_get_height (context));

  if (pages == NULL)
    {
      /* A paper too small for the margins: nothing sensible to draw. */
      gtk_print_operation_cancel (operation);
      return;
    }
  g_object_set_data_full (G_OBJECT (operation), "cl-report-pages", pages,
                          (GDestroyNotify) cl_report_pages_free);
  gtk_print_operation_set_n_pages (operation, cl_report_pages_get_n_pages (pages));
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page,
           ClReportActions   *self)
{
  ClReportPages *pages = g_object_get_data (G_OBJECT (operation), "cl-report-pages");

  if (pages == NULL || page < 0 || (guint) page >= cl_report_pages_get_n_pages (pages))
    return;
  cl_report_pages_draw (pages, gtk_print_context_get_cairo_context (context), page);
  self->printed_pages++;
}

static void
print_done (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            ClReportActions         *self)
{
  g_autoptr(GError) error = NULL;
  const char *reference = g_object_get_data (G_OBJECT (operation), "cl-reference");
  g_autofree char *message = NULL;

  /* A synchronous run may or may not have said "done" already. */
  if (g_object_get_data (G_OBJECT (operation), "cl-done") != NULL)
    return;
  g_object_set_data (G_OBJECT (operation), "cl-done", GINT_TO_POINTER (TRUE));

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      message = g_strdup_printf (_("The report could not be printed: %s"), error->message);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_CANCEL)
    message = g_strdup (_("Printing was cancelled"));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The report was printed (%u page)",
                                            "The report was printed (%u pages)",
                                            self->printed_pages),
                               self->printed_pages);
  finish (self, reference, message);
}

static void
release_operation (GtkPrintOperation       *operation,
                   GtkPrintOperationResult  result,
                   gpointer                 user_data)
{
  g_object_unref (operation);
}

static void
unref_report (gpointer  data,
              GClosure *closure)
{
  json_object_unref (data);
}

static void
run_print (ClReportActions *self,
           const char      *reference,
           JsonObject      *report,
           const char      *export_path)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *job_name = g_strdup_printf (_("Subject-access report %s"), reference);
  GtkPrintOperationResult result;
  g_autoptr(GError) error = NULL;

  self->printed_pages = 0;
  gtk_print_operation_set_job_name (operation, job_name);
  /* The report's own 2 cm margins, in points, from the paper's edge. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "cl-reference", g_strdup (reference), g_free);
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (begin_print),
                         json_object_ref (report), unref_report, 0);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), self);
  g_signal_connect (operation, "done", G_CALLBACK (print_done), self);

  if (export_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_path);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                        &error);
    }
  else
    {
      gtk_print_operation_set_allow_async (operation, TRUE);
      g_signal_connect_after (operation, "done", G_CALLBACK (release_operation), NULL);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
      if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
        return;  /* "done" comes later, and releases the operation */
      g_signal_handlers_disconnect_by_func (operation, release_operation, NULL);
    }
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The report could not be printed: %s"),
                                                  error->message);
      g_object_set_data (G_OBJECT (operation), "cl-done", GINT_TO_POINTER (TRUE));
      finish (self, reference, message);
    }
  else
    print_done (operation, result, self);
  g_object_unref (operation);
}

/* ------------------------------------------------------------------------------------------ */
/* Jobs                                                                                       */

static char *
counts_text (guint n_events,
             guint n_identifiers)
{
  g_autofree char *events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u consent event",
                                                          "%u consent events", n_events),
                                             n_events);
  g_autofree char *identifiers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u identifier",
                                                               "%u identifiers", n_identifiers),
                                                  n_identifiers);

  /* Translators: "4 consent events and 3 identifiers" */
  return g_strdup_printf (_("%s and %s"), events, identifiers);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  JobResult *result = g_new0 (JobResult, 1);
  ClErasureResult erased;

  ledger = cl_ledger_open (job->ledger_path, &error);
  if (ledger == NULL)
    goto fail;

  switch (job->kind)
    {
    case JOB_REPORT:
      if (!cl_report_file_write (ledger, job->reference, job->format, job->path, &sha256,
                                 cancellable, &error))
        goto fail;
      result->message = g_strdup_printf (_("Report written to %s and recorded on %s"),
                                         job->path, job->reference);
      break;

    case JOB_EXPORT:
      if (!cl_export_file_write (ledger, NULL, job->reference, job->path, &sha256, cancellable,
                                 &error))
        goto fail;
      result->message = g_strdup_printf (_("Data exported to %s and recorded on %s"),
                                         job->path, job->reference);
      break;

    case JOB_ERASE:
      if (!cl_erasure_erase_subject (ledger, NULL, job->reference, cancellable, &erased, &error))
        goto fail;
      {
        g_autofree char *counts = counts_text (erased.n_events, erased.n_identifiers);
        GString *message = g_string_new (NULL);

        g_string_append_printf (message, _("Subject erased: %s deleted."), counts);
        if (erased.n_audit_mentions > 0)
          g_string_append_printf (message, " %s",
                                  _("The audit log names the subject in entries written by "
                                    "other features; it is append-only, so they remain."));
        if (!erased.log_cleared)
          g_string_append_printf (message, " %s",
                                  _("Another program is reading the ledger: old copies of the "
                                    "erased data stay in its files until that program closes "
                                    "it and the next erasure, or “consentctl erase --finish”, "
                                    "clears them."));
        result->message = g_string_free (message, FALSE);
      }
      break;

    case JOB_PRINT:
      result->report = cl_report_build (ledger, job->reference, &error);
      if (result->report == NULL)
        goto fail;
      break;

    default:
      g_assert_not_reached ();
    }

  g_task_return_pointer (task, result, job_result_free);
  return;

fail:
  job_result_free (result);
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
job_done (GObject      *source_object,
          GAsyncResult *async_result,
          gpointer      user_data)
{
  ClReportActions *self = CL_REPORT_ACTIONS (source_object);
  Job *job = g_task_get_task_data (G_TASK (async_result));
  g_autoptr(GError) error = NULL;
  JobResult *result = g_task_propagate_pointer (G_TASK (async_result), &error);

  g_clear_object (&self->cancellable);
  if (self->disposed)
    {
      /* The window closed meanwhile: the job ran to its end (or was cancelled); say nothing. */
      if (result != NULL)
        job_result_free (result);
      return;
    }
  set_busy (self, NULL);

  if (result == NULL)
    {
      finish (self, job->reference,
              g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ? _("Cancelled; nothing "
                                                                            "was changed")
                                                                        : error->message);
      return;
    }
  /* The subject's events are gone: the counts, charts and lists of every page change too. */
  if (job->kind == JOB_ERASE)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.ledger-changed", NULL);
  if (job->kind == JOB_PRINT)
    run_print (self, job->reference, result->report, job->path);
  else
    finish (self, job->reference, result->message);
  job_result_free (result);
}

static void
start_job (ClReportActions *self,
           JobKind          kind,
           ClReportFormat   format,
           const char      *path,
           const char      *what)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (self->ledger != NULL && self->request != NULL);
  if (self->busy)
    return;

  job = g_new0 (Job, 1);
  job->kind = kind;
  job->ledger_path = g_strdup (cl_ledger_get_path (self->ledger));
  job->reference = g_strdup (cl_request_get_reference (self->request));
  job->path = g_strdup (path);
  job->format = format;

  self->cancellable = g_cancellable_new ();
  set_busy (self, what);
  task = g_task_new (self, self->cancellable, job_done, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, job_thread);
}

/* ------------------------------------------------------------------------------------------ */
/* Create Report…                                                                             */

static const char * const format_ids[] = { "pdf", "html", "json", NULL };

/* The chosen format's extension on the file name, in place of another report format's. */
static char *
path_for_format (const char *path,
                 const char *format)
{
  g_autofree char *base = NULL;
  const char *dot = strrchr (path, '.');
  const char *slash = strrchr (path, G_DIR_SEPARATOR);

  if (dot != NULL && (slash == NULL || dot > slash) && g_strv_contains (format_ids, dot + 1))
    base = g_strndup (path, dot - path);
  else
    base = g_strdup (path);
  return g_strconcat (base, ".", format, NULL);
}

static void
on_report_chooser_response (GtkNativeDialog *chooser,
                            int              response,
                            ClReportActions *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *format_name = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "format");
      g_autofree char *chosen = file != NULL ? g_file_get_path (file) : NULL;
      ClReportFormat format = CL_REPORT_FORMAT_PDF;

      if (chosen != NULL)
        {
          g_autofree char *path = NULL;

          cl_report_format_from_string (format_name, &format);
          path = path_for_format (chosen, cl_report_format_to_string (format));
          cl_report_actions_create_report (self, format, path);
        }
    }
  g_clear_object (&self->chooser);
}

static GtkNativeDialog *
new_save_chooser (ClReportActions *self,
                  const char      *title,
                  const char      *accept,
                  const char      *name)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  return GTK_NATIVE_DIALOG (chooser);
}

static void
create_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ClReportActions *self = CL_REPORT_ACTIONS (widget);
  const char *labels[] = { _("PDF"), _("HTML (one file, for a browser)"),
                           _("JSON (machine-readable)"), NULL };
  g_autofree char *name = NULL;

  if (self->request == NULL || self->chooser != NULL)
    return;
  name = g_strdup_printf ("%s-report.pdf", cl_request_get_reference (self->request));
  self->chooser = new_save_chooser (self, _("Create Report"), _("_Create"), name);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (self->chooser), "format", _("Format"),
                               (const char **) format_ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (self->chooser), "format", "pdf");
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_report_chooser_response), self);
  gtk_native_dialog_show (self->chooser);
}

/* ------------------------------------------------------------------------------------------ */
/* Export Data…, Print…                                                                       */

static void
on_export_chooser_response (GtkNativeDialog *chooser,
                            int              response,
                            ClReportActions *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        cl_report_actions_export_data (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClReportActions *self = CL_REPORT_ACTIONS (widget);
  g_autofree char *name = NULL;

  if (self->request == NULL || self->chooser != NULL)
    return;
  name = g_strdup_printf ("%s-export.json", cl_request_get_reference (self->request));
  self->chooser = new_save_chooser (self, _("Export Data"), _("_Export"), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_chooser_response), self);
  gtk_native_dialog_show (self->chooser);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ClReportActions *self = CL_REPORT_ACTIONS (widget);

  if (self->request != NULL)
    start_job (self, JOB_PRINT, CL_REPORT_FORMAT_PDF, NULL, _("Preparing the report…"));
}

/* ------------------------------------------------------------------------------------------ */
/* Erase Subject…                                                                             */

static void
on_erase_response (AdwMessageDialog *dialog,
                   const char       *response,
                   ClReportActions  *self)
{
  self->erase_dialog = NULL;
  if (g_strcmp0 (response, "erase") == 0 && self->request != NULL)
    start_job (self, JOB_ERASE, CL_REPORT_FORMAT_JSON, NULL, _("Erasing the subject…"));
}

static void
erase_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ClReportActions *self = CL_REPORT_ACTIONS (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *body = NULL;
  const char *reference;
  ClErasureResult preview;
  GtkWidget *dialog;

  if (self->request == NULL || self->ledger == NULL || self->erase_dialog != NULL)
    return;
  reference = cl_request_get_reference (self->request);

  /* Two counts on indexed columns: no need for a thread to name what will go. */
  if (!cl_erasure_preview (self->ledger, NULL, reference, &preview, &error))
    {
      finish (self, reference, error->message);
      return;
    }
  counts = counts_text (preview.n_events, preview.n_identifiers);
  body = g_strdup_printf (_("This deletes everything the ledger holds about the subject of %s: "
                            "%s. Only a keyed fingerprint of each identifier is kept, with the "
                            "date and the request, so that importing an old consent log does "
                            "not bring the subject back. This cannot be undone."),
                          reference, counts);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Erase Subject?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase Subject"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_erase_response), self);
  self->erase_dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClReportActions *self = CL_REPORT_ACTIONS (widget);

  g_cancellable_cancel (self->cancellable);
}

/* ------------------------------------------------------------------------------------------ */
/* The object                                                                                 */

static void
cl_report_actions_dispose (GObject *object)
{
  ClReportActions *self = CL_REPORT_ACTIONS (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->erase_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->erase_dialog, self);
      gtk_window_destroy (GTK_WINDOW (self->erase_dialog));
      self->erase_dialog = NULL;
    }
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  g_clear_object (&self->ledger);
  g_clear_object (&self->request);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_REPORT_ACTIONS);

  G_OBJECT_CLASS (cl_report_actions_parent_class)->dispose (object);
}

static void
cl_report_actions_finalize (GObject *object)
{
  ClReportActions *self = CL_REPORT_ACTIONS (object);

  g_free (self->last_message);

  G_OBJECT_CLASS (cl_report_actions_parent_class)->finalize (object);
}

static void
cl_report_actions_class_init (ClReportActionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_report_actions_dispose;
  object_class->finalize = cl_report_actions_finalize;

  /**
   * ClReportActions::done:
   * @reference: the request the job was for
   * @message: what happened, or why nothing did, in a sentence for a toast
   */
  signals[SIGNAL_DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-report-actions.ui");
  gtk_widget_class_bind_template_child (widget_class, ClReportActions, create_report_button);
  gtk_widget_class_bind_template_child (widget_class, ClReportActions, print_button);
  gtk_widget_class_bind_template_child (widget_class, ClReportActions, export_button);
  gtk_widget_class_bind_template_child (widget_class, ClReportActions, erase_button);
  gtk_widget_class_bind_template_child (widget_class, ClReportActions, busy_revealer);
  gtk_widget_class_bind_template_child (widget_class, ClReportActions, spinner);
  gtk_widget_class_bind_template_child (widget_class, ClReportActions, busy_label);

  gtk_widget_class_install_action (widget_class, "report.create", NULL, create_report_action);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "report.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "report.erase", NULL, erase_action);
  gtk_widget_class_install_action (widget_class, "report.cancel", NULL, cancel_action);
}

static void
cl_report_actions_init (ClReportActions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

ClReportActions *
cl_report_actions_new (void)
{
  return g_object_new (CL_TYPE_REPORT_ACTIONS, NULL);
}

void
cl_report_actions_set_ledger (ClReportActions *self,
                              ClLedger        *ledger)
{
  g_return_if_fail (CL_IS_REPORT_ACTIONS (self));
  g_return_if_fail (ledger == NULL || CL_IS_LEDGER (ledger));

  if (g_set_object (&self->ledger, ledger))
    update_actions (self);
}

void
cl_report_actions_set_request (ClReportActions *self,
                               ClRequest       *request)
{
  g_return_if_fail (CL_IS_REPORT_ACTIONS (self));
  g_return_if_fail (request == NULL || CL_IS_REQUEST (request));

  /* A fresh snapshot of the same request replaces the old one too. */
  g_set_object (&self->request, request);
  update_actions (self);
}

ClRequest *
cl_report_actions_get_request (ClReportActions *self)
{
  g_return_val_if_fail (CL_IS_REPORT_ACTIONS (self), NULL);
  return self->request;
}

void
cl_report_actions_create_report (ClReportActions *self,
                                 ClReportFormat   format,
                                 const char      *path)
{
  g_return_if_fail (CL_IS_REPORT_ACTIONS (self));
  g_return_if_fail (path != NULL);

  start_job (self, JOB_REPORT, format, path, _("Creating the report…"));
}

void
cl_report_actions_export_data (ClReportActions *self,
                               const char      *path)
{
  g_return_if_fail (CL_IS_REPORT_ACTIONS (self));
  g_return_if_fail (path != NULL);

  start_job (self, JOB_EXPORT, CL_REPORT_FORMAT_JSON, path, _("Exporting the data…"));
}

void
cl_report_actions_print_to_file (ClReportActions *self,
                                 const char      *path)
{
  g_return_if_fail (CL_IS_REPORT_ACTIONS (self));
  g_return_if_fail (path != NULL);

  start_job (self, JOB_PRINT, CL_REPORT_FORMAT_PDF, path, _("Preparing the report…"));
}

gboolean
cl_report_actions_get_busy (ClReportActions *self)
{
  g_return_val_if_fail (CL_IS_REPORT_ACTIONS (self), FALSE);
  return self->busy;
}

AdwMessageDialog *
cl_report_actions_get_erase_dialog (ClReportActions *self)
{
  g_return_val_if_fail (CL_IS_REPORT_ACTIONS (self), NULL);
  return self->erase_dialog;
}

const char *
cl_report_actions_get_last_message (ClReportActions *self)
{
  g_return_val_if_fail (CL_IS_REPORT_ACTIONS (self), NULL);
  return self->last_message;
}

guint
cl_report_actions_get_printed_pages (ClReportActions *self)
{
  g_return_val_if_fail (CL_IS_REPORT_ACTIONS (self), 0);
  return self->printed_pages;
}
