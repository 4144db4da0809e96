/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-request-detail.c: the detail pane of the Requests page: one request's clock, the steps
 * its status allows next, its timeline, notes and the files produced for it. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-request-detail.h"
#include "cl-request-format.h"

struct _ClRequestDetail
{
  AdwBin        parent_instance;

  ClRequest    *request;

  /* template widgets */
  GtkStack     *stack;
  GtkLabel     *reference_label;
  GtkLabel     *summary_label;
  GtkWidget    *clock_box;
  GtkImage     *clock_icon;
  GtkLabel     *clock_label;
  GtkWidget    *subject_warning;
  GtkLabel     *subject_warning_label;
  GtkFlowBox   *step_buttons;
  GtkWidget    *start_verification_button;
  GtkWidget    *verify_button;
  GtkWidget    *complete_button;
  GtkWidget    *extend_button;
  GtkWidget    *pause_button;
  GtkWidget    *resume_button;
  GtkWidget    *reject_button;
  GtkBox       *report_box;
  AdwActionRow *received_row;
  AdwActionRow *due_row;
  AdwActionRow *extension_row;
  AdwActionRow *pause_row;
  AdwActionRow *confirm_row;
  GtkWidget    *confirm_button;
  AdwActionRow *subject_row;
  AdwActionRow *verification_row;
  AdwActionRow *resolution_row;
  GtkListBox   *timeline_list;
  GtkLabel     *notes_label;
  GtkListBox   *files_list;
  GtkWidget    *no_files_label;
};

G_DEFINE_FINAL_TYPE (ClRequestDetail, cl_request_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REQUEST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_request_detail_dispose (GObject *object)
{
  ClRequestDetail *self = CL_REQUEST_DETAIL (object);

  g_clear_object (&self->request);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_REQUEST_DETAIL);

  G_OBJECT_CLASS (cl_request_detail_parent_class)->dispose (object);
}

static void
cl_request_detail_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ClRequestDetail *self = CL_REQUEST_DETAIL (object);

  switch (prop_id)
    {
    case PROP_REQUEST:
      g_value_set_object (value, self->request);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_request_detail_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ClRequestDetail *self = CL_REQUEST_DETAIL (object);

  switch (prop_id)
    {
    case PROP_REQUEST:
      cl_request_detail_set_request (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_request_detail_class_init (ClRequestDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_request_detail_dispose;
  object_class->get_property = cl_request_detail_get_property;
  object_class->set_property = cl_request_detail_set_property;

  properties[PROP_REQUEST] =
    g_param_spec_object ("request", NULL, NULL, CL_TYPE_REQUEST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-request-detail.ui");
  /* The bin's own child is not bound: gtk_widget_dispose_template() would unparent it before
   * AdwBin does, and AdwBin would then unparent it twice. */
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, reference_label);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, clock_box);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, clock_icon);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, clock_label);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, subject_warning);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, subject_warning_label);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, step_buttons);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, start_verification_button);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, verify_button);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, complete_button);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, extend_button);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, pause_button);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, resume_button);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, reject_button);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, report_box);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, received_row);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, due_row);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, extension_row);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, pause_row);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, subject_row);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, verification_row);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, resolution_row);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, notes_label);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, files_list);
  gtk_widget_class_bind_template_child (widget_class, ClRequestDetail, no_files_label);
}

static void
cl_request_detail_init (ClRequestDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
}

ClRequestDetail *
cl_request_detail_new (void)
{
  return g_object_new (CL_TYPE_REQUEST_DETAIL, NULL);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Rows of the timeline and the file list: a title, a subtitle and a dim suffix. The rows are
 * data, not a layout, so they are made here rather than in a template. */
static GtkWidget *
info_row (const char *title,
          const char *subtitle,
          const char *suffix)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *label;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    {
      adw_action_row_set_subtitle (row, subtitle);
      adw_action_row_set_subtitle_lines (row, 0);
    }
  if (suffix != NULL)
    {
      label = gtk_label_new (suffix);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      adw_action_row_add_suffix (row, label);
    }
  return GTK_WIDGET (row);
}

static void
set_row (AdwActionRow *row,
         const char   *subtitle)
{
  gboolean shown = subtitle != NULL && subtitle[0] != '\0';

  gtk_widget_set_visible (GTK_WIDGET (row), shown);
  if (shown)
    {
      adw_action_row_set_subtitle (row, subtitle);
      adw_action_row_set_subtitle_lines (row, 0);
    }
}

static void
update_clock (ClRequestDetail *self)
{
  ClRequest *request = self->request;
  g_autofree char *days = cl_request_format_days_left (request);
  g_autofree char *clock_line = cl_request_format_clock_line (request);
  g_autofree char *due = cl_request_format_long_date (cl_request_get_due (request));
  g_autofree char *received = cl_request_format_long_date (cl_request_get_received (request));
  g_autofree char *due_text = NULL;
  g_autofree char *extension = NULL;
  g_autofree char *pause = NULL;
  g_autofree char *confirm = NULL;
  const char *icon = cl_request_format_clock_icon (request);
  GDate date;

  /* The clock line: an icon and words as well as the colour. */
  gtk_image_set_from_icon_name (self->clock_icon, icon);
  gtk_widget_set_visible (GTK_WIDGET (self->clock_icon), icon != NULL);
  gtk_label_set_label (self->clock_label, clock_line);
  cl_request_format_apply_css (self->clock_box, request);

  set_row (self->received_row, received);
  if (cl_request_is_open (request))
    due_text = g_strdup_printf ("%s (%s)", due, days);
  else
    due_text = g_strdup (due);
  set_row (self->due_row, due_text);
  cl_request_format_apply_css (GTK_WIDGET (self->due_row), request);

  if (cl_request_get_extended (request))
    extension = g_strdup_printf (_("Extended: %s"), cl_request_get_extension_reason (request));
  else if (cl_request_get_extension_limit (request, &date))
    {
      g_autofree char *limit = cl_request_format_long_date (&date);
      g_autofree char *first = cl_request_format_long_date (cl_request_get_due (request));

      extension = g_strdup_printf (_("Not extended. It can be extended once, up to %s, if the "
                                     "subject is told before %s."), limit, first);
    }
  else if (cl_request_is_open (request))
    extension = g_strdup (_("Not extended. The first period has passed, so it can no longer "
                            "be extended."));
  else
    extension = g_strdup (_("Not extended"));
  set_row (self->extension_row, extension);

  if (cl_request_get_paused_since (request) != NULL)
    {
      g_autofree char *since = cl_request_format_long_date (cl_request_get_paused_since (request));
      pause = g_strdup_printf (_("Since %s, waiting for the subject. Each day paused moves the "
                                 "due date by a day."), since);
    }
  else if (cl_request_get_paused_days (request) > 0)
    pause = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u day in all, added to the due date",
                                          "%u days in all, added to the due date",
                                          cl_request_get_paused_days (request)),
                             cl_request_get_paused_days (request));
  set_row (self->pause_row, pause);

  /* The CCPA asks for it within 10 business days; under the GDPR it is shown once done. */
  if (cl_request_get_receipt_confirmed (request) != NULL)
    {
      g_autofree char *when = cl_request_format_timestamp (cl_request_get_receipt_confirmed (request));
      confirm = g_strdup_printf (_("Confirmed on %s"), when);
    }
  else if (cl_request_get_confirmation_due (request, &date) && cl_request_is_open (request))
    {
      g_autofree char *by = cl_request_format_long_date (&date);
      const GDate *today = cl_request_get_as_of (request);

      if (g_date_compare (today, &date) > 0)
        confirm = g_strdup_printf (_("Not confirmed. It was due by %s (10 business days)."), by);
      else
        confirm = g_strdup_printf (_("Not yet. Due by %s (10 business days)."), by);
    }
  gtk_widget_set_visible (self->confirm_button,
                          cl_request_get_receipt_confirmed (request) == NULL
                          && cl_request_is_open (request));
  set_row (self->confirm_row, confirm);
}

static void
update_buttons (ClRequestDetail *self)
{
  ClRequestStatus status = cl_request_get_status (self->request);
  gboolean open = cl_request_is_open (self->request);
  GDate limit;

  gtk_widget_set_visible (self->start_verification_button,
                          status == CL_REQUEST_STATUS_RECEIVED);
  gtk_widget_set_visible (self->verify_button,
                          status == CL_REQUEST_STATUS_RECEIVED
                          || status == CL_REQUEST_STATUS_VERIFYING);
  gtk_widget_set_visible (self->complete_button, status == CL_REQUEST_STATUS_IN_PROGRESS);
  gtk_widget_set_visible (self->extend_button,
                          cl_request_get_extension_limit (self->request, &limit));
  gtk_widget_set_visible (self->pause_button, open && status != CL_REQUEST_STATUS_PAUSED);
  gtk_widget_set_visible (self->resume_button, status == CL_REQUEST_STATUS_PAUSED);
  gtk_widget_set_visible (self->reject_button, open && status != CL_REQUEST_STATUS_PAUSED);

  /* A GtkFlowBox child stays even when its button hides: hide the child too. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->step_buttons));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      gtk_widget_set_visible (child, button != NULL && gtk_widget_get_visible (button));
    }
}

static void
update_timeline (ClRequestDetail *self)
{
  GPtrArray *steps = cl_request_get_steps (self->request);
  GPtrArray *files = cl_request_get_files (self->request);
  const char *notes = cl_request_get_notes (self->request);

  clear_list (self->timeline_list);
  for (guint i = 0; i < steps->len; i++)
    {
      ClRequestStep *step = g_ptr_array_index (steps, i);
      g_autofree char *when = cl_request_format_timestamp (step->at);
      /* Stored in English (the timeline is evidence), shown in the user's language. */
      g_autofree char *detail = cl_request_step_dup_detail_label (step);
      /* When and who first, then what: the pane is narrow, so no suffix column. */
      g_autofree char *subtitle = detail != NULL && detail[0] != '\0'
        ? g_strdup_printf ("%s · %s\n%s", when, step->actor, detail)
        : g_strdup_printf ("%s · %s", when, step->actor);

      gtk_list_box_append (self->timeline_list,
                           info_row (cl_request_step_action_to_label (step->action), subtitle,
                                     NULL));
    }

  if (notes != NULL && notes[0] != '\0')
    {
      gtk_label_set_label (self->notes_label, notes);
      gtk_widget_remove_css_class (GTK_WIDGET (self->notes_label), "dim-label");
    }
  else
    {
      gtk_label_set_label (self->notes_label, _("No notes."));
      gtk_widget_add_css_class (GTK_WIDGET (self->notes_label), "dim-label");
    }

  clear_list (self->files_list);
  for (guint i = 0; i < files->len; i++)
    {
      ClRequestFile *file = g_ptr_array_index (files, i);
      g_autofree char *name = g_path_get_basename (file->path);
      g_autofree char *when = cl_request_format_timestamp (file->created_at);
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s\n%s\nSHA-256 %s"), when,
                                                   file->format, file->path, file->sha256);
      GtkWidget *row = info_row (name, subtitle, NULL);

      gtk_widget_set_tooltip_text (row, file->path);
      gtk_list_box_append (self->files_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->files_list), files->len > 0);
  gtk_widget_set_visible (self->no_files_label, files->len == 0);
}

static void
update (ClRequestDetail *self)
{
  ClRequest *request = self->request;
  g_autofree char *summary = NULL;
  g_autofree char *warning = NULL;
  const char *verification;
  const char *resolution;

  if (request == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "request");

  gtk_label_set_label (self->reference_label, cl_request_get_reference (request));
  /* Translators: the request's type (“Erasure request”), its law (GDPR) and its status. */
  summary = g_strdup_printf (_("%s · %s · %s"),
                             cl_request_type_to_title (cl_request_get_request_type (request)),
                             cl_request_get_jurisdiction (request) == CL_JURISDICTION_GDPR
                               ? _("GDPR") : _("CCPA/CPRA"),
                             cl_request_get_status (request) == CL_REQUEST_STATUS_PAUSED
                               ? _("Paused")
                               : cl_request_status_to_label (cl_request_get_status (request)));
  gtk_label_set_label (self->summary_label, summary);

  gtk_widget_set_visible (self->subject_warning, cl_request_get_subject_id (request) == 0
                                                 && !cl_request_get_subject_erased (request));
  warning = g_strdup_printf (_("No subject in the ledger has the identifier “%s”. The request "
                               "is kept as received, but there are no consent records to report "
                               "on or erase. Check the identifier with the subject, or import "
                               "the consent log that holds it."),
                             cl_request_get_subject_label (request));
  gtk_label_set_label (self->subject_warning_label, warning);

  update_clock (self);
  update_buttons (self);

  set_row (self->subject_row, cl_request_get_subject_display (request));
  verification = cl_request_get_verification (request);
  set_row (self->verification_row,
           verification != NULL ? verification
           : cl_request_get_status (request) == CL_REQUEST_STATUS_VERIFYING
             ? _("The subject has been asked to prove their identity.")
             : _("Not verified yet."));
  resolution = cl_request_get_resolution (request);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->resolution_row),
                                 cl_request_get_status (request) == CL_REQUEST_STATUS_REJECTED
                                   ? _("Reason for rejection") : _("Resolution"));
  set_row (self->resolution_row, resolution);

  update_timeline (self);
}

void
cl_request_detail_set_request (ClRequestDetail *self,
                               ClRequest       *request)
{
  g_return_if_fail (CL_IS_REQUEST_DETAIL (self));
  g_return_if_fail (request == NULL || CL_IS_REQUEST (request));

  /* A new snapshot of the same request still needs redrawing: no early return on equality
   * of references, only on the same object. */
  if (!g_set_object (&self->request, request))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUEST]);
}

ClRequest *
cl_request_detail_get_request (ClRequestDetail *self)
{
  g_return_val_if_fail (CL_IS_REQUEST_DETAIL (self), NULL);
  return self->request;
}

GtkBox *
cl_request_detail_get_report_box (ClRequestDetail *self)
{
  g_return_val_if_fail (CL_IS_REQUEST_DETAIL (self), NULL);
  return self->report_box;
}
