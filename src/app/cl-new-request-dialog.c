/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-new-request-dialog.c: New Request…: the type, the subject looked up by any identifier as
 * it is typed (with a warning when none matches), the day received and the jurisdiction, with
 * the due date they give. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-new-request-dialog.h"
#include "cl-request-format.h"

struct _ClNewRequestDialog
{
  AdwWindow      parent_instance;

  ClLedger      *ledger;
  gboolean       subject_found;

  /* template widgets */
  AdwComboRow   *type_row;
  GtkStringList *type_list;
  AdwEntryRow   *subject_row;
  AdwEntryRow   *received_row;
  GtkCalendar   *calendar;
  GtkPopover    *calendar_popover;
  AdwComboRow   *jurisdiction_row;
  GtkWidget     *match_box;
  GtkImage      *match_icon;
  GtkLabel      *match_label;
  GtkLabel      *due_label;
  GtkLabel      *error_label;
};

G_DEFINE_FINAL_TYPE (ClNewRequestDialog, cl_new_request_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LEDGER,
  N_PROPS
};

enum {
  CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
cl_new_request_dialog_dispose (GObject *object)
{
  ClNewRequestDialog *self = CL_NEW_REQUEST_DIALOG (object);

  g_clear_object (&self->ledger);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_NEW_REQUEST_DIALOG);

  G_OBJECT_CLASS (cl_new_request_dialog_parent_class)->dispose (object);
}

static void
cl_new_request_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ClNewRequestDialog *self = CL_NEW_REQUEST_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LEDGER:
      g_value_set_object (value, self->ledger);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void update_subject (ClNewRequestDialog *self);

static void
cl_new_request_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ClNewRequestDialog *self = CL_NEW_REQUEST_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LEDGER:
      if (g_set_object (&self->ledger, g_value_get_object (value)))
        {
          update_subject (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
show_error (ClNewRequestDialog *self,
            const char         *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
get_received (ClNewRequestDialog *self,
              GDate              *received)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->received_row))));

  return cl_request_parse_date (text, received);
}

static void
update_subject (ClNewRequestDialog *self)
{
  g_autofree char *subject = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->subject_row))));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) identifiers = NULL;

  self->subject_found = FALSE;
  gtk_widget_remove_css_class (self->match_box, "warning");
  gtk_widget_remove_css_class (self->match_box, "success");

  if (subject[0] == '\0' || self->ledger == NULL)
    {
      gtk_image_set_from_icon_name (self->match_icon, "avatar-default-symbolic");
      gtk_label_set_label (self->match_label,
                           _("Enter any identifier the subject gave: the subject is looked up by "
                             "consent id, e-mail address and account id."));
      return;
    }

  if (cl_request_find_subject (self->ledger, subject, NULL, &identifiers, &error))
    {
      g_autofree char *list = NULL;
      g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
      g_auto(GStrv) described = NULL;

      /* "email: anna@example.se" → "e-mail anna@example.se", in the user's language. */
      for (guint i = 0; identifiers[i] != NULL; i++)
        {
          g_auto(GStrv) pair = g_strsplit (identifiers[i], ": ", 2);
          const char *kind = pair[0];
          g_autofree char *word = NULL;

          if (g_strcmp0 (kind, "consent_id") == 0)
            kind = _("consent id");
          else if (g_strcmp0 (kind, "email") == 0)
            kind = _("e-mail");
          else if (g_strcmp0 (kind, "account") == 0)
            kind = _("account");
          word = g_strdup_printf ("%s %s", kind, pair[1] != NULL ? pair[1] : "");
          g_strv_builder_add (words, word);
        }
      described = g_strv_builder_end (words);
      list = g_strjoinv (", ", described);
      g_autofree char *text = g_strdup_printf (_("Matches a subject in the ledger, known as: %s"),
                                               list);

      self->subject_found = TRUE;
      gtk_image_set_from_icon_name (self->match_icon, "emblem-ok-symbolic");
      gtk_label_set_label (self->match_label, text);
      gtk_widget_add_css_class (self->match_box, "success");
    }
  else if (g_error_matches (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND))
    {
      gtk_image_set_from_icon_name (self->match_icon, "dialog-warning-symbolic");
      gtk_label_set_label (self->match_label,
                           _("Warning: no subject in the ledger has this identifier. The request "
                             "can still be registered with the identifier as given, but there "
                             "will be nothing to report on or erase until a consent log that "
                             "holds it is imported."));
      gtk_widget_add_css_class (self->match_box, "warning");
    }
  else
    {
      gtk_image_set_from_icon_name (self->match_icon, "dialog-error-symbolic");
      gtk_label_set_label (self->match_label, error->message);
    }
}

static void
update_due (ClNewRequestDialog *self)
{
  ClJurisdiction jurisdiction = adw_combo_row_get_selected (self->jurisdiction_row) == 1
                                  ? CL_JURISDICTION_CCPA : CL_JURISDICTION_GDPR;
  ClDeadline deadline;
  GDate received, today, due;

  cl_request_today (&today);
  if (!get_received (self, &received))
    {
      gtk_label_set_label (self->due_label, _("Enter the day the request was received as "
                                              "YYYY-MM-DD, for example 2026-03-02."));
      gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "error");
      return;
    }
  if (g_date_compare (&received, &today) > 0)
    {
      gtk_label_set_label (self->due_label, _("The day received cannot be in the future."));
      gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "error");

  cl_deadline_init (&deadline, jurisdiction, &received);
  cl_deadline_get_due (&deadline, &due);
  {
    g_autofree char *due_text = cl_request_format_long_date (&due);
    int days = cl_deadline_days_left (&due, &today);
    g_autofree char *days_text = days < 0
      ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "already overdue by %d day",
                                      "already overdue by %d days", -days), -days)
      : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day from today",
                                      "%d days from today", days), days);
    g_autofree char *text = g_strdup_printf (jurisdiction == CL_JURISDICTION_GDPR
                                               ? _("Due %s (%s): one month from the day after "
                                                   "receipt, a weekend moved to the Monday; it "
                                                   "can be extended once by two more months.")
                                               : _("Due %s (%s): 45 days from receipt; it can "
                                                   "be extended once by 45 more days. Receipt "
                                                   "must be confirmed within 10 business days."),
                                             due_text, days_text);

    gtk_label_set_label (self->due_label, text);
  }
}

static void
on_subject_changed (ClNewRequestDialog *self)
{
  show_error (self, NULL);
  update_subject (self);
}

static void
on_received_changed (ClNewRequestDialog *self)
{
  GDate received;

  show_error (self, NULL);
  update_due (self);
  if (get_received (self, &received))
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (&received),
                                                        g_date_get_month (&received),
                                                        g_date_get_day (&received), 0, 0, 0);
      if (day != NULL)
        gtk_calendar_select_day (self->calendar, day);
    }
}

static void
on_jurisdiction_changed (ClNewRequestDialog *self)
{
  update_due (self);
}

static void
on_day_selected (ClNewRequestDialog *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self->received_row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->received_row), text);
  gtk_popover_popdown (self->calendar_popover);
}

static void
create (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  ClNewRequestDialog *self = CL_NEW_REQUEST_DIALOG (widget);
  g_autoptr(ClRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  guint type = adw_combo_row_get_selected (self->type_row);
  GDate received;

  if (self->ledger == NULL)
    return;
  if (!get_received (self, &received))
    {
      show_error (self, _("The day received is not a date: write it as YYYY-MM-DD."));
      return;
    }
  if (type >= CL_REQUEST_N_TYPES)
    type = CL_REQUEST_TYPE_ACCESS;

  request = cl_request_create (self->ledger, (ClRequestType) type,
                               gtk_editable_get_text (GTK_EDITABLE (self->subject_row)),
                               adw_combo_row_get_selected (self->jurisdiction_row) == 1
                                 ? CL_JURISDICTION_CCPA : CL_JURISDICTION_GDPR,
                               &received, &error);
  if (request == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[CREATED], 0, request);
  gtk_window_close (GTK_WINDOW (self));
}

static void
cl_new_request_dialog_class_init (ClNewRequestDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_new_request_dialog_dispose;
  object_class->get_property = cl_new_request_dialog_get_property;
  object_class->set_property = cl_new_request_dialog_set_property;

  properties[PROP_LEDGER] =
    g_param_spec_object ("ledger", NULL, NULL, CL_TYPE_LEDGER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The request as created, once it is in the ledger. */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, CL_TYPE_REQUEST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-new-request-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClNewRequestDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, ClNewRequestDialog, type_list);
  gtk_widget_class_bind_template_child (widget_class, ClNewRequestDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, ClNewRequestDialog, received_row);
  gtk_widget_class_bind_template_child (widget_class, ClNewRequestDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, ClNewRequestDialog, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, ClNewRequestDialog, jurisdiction_row);
  gtk_widget_class_bind_template_child (widget_class, ClNewRequestDialog, match_box);
  gtk_widget_class_bind_template_child (widget_class, ClNewRequestDialog, match_icon);
  gtk_widget_class_bind_template_child (widget_class, ClNewRequestDialog, match_label);
  gtk_widget_class_bind_template_child (widget_class, ClNewRequestDialog, due_label);
  gtk_widget_class_bind_template_child (widget_class, ClNewRequestDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_subject_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_received_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_jurisdiction_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_new_request_dialog_init (ClNewRequestDialog *self)
{
  g_autofree char *today_text = NULL;
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < CL_REQUEST_N_TYPES; i++)
    gtk_string_list_append (self->type_list, cl_request_type_to_label ((ClRequestType) i));

  cl_request_today (&today);
  today_text = cl_request_format_date (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->received_row), today_text);
  update_subject (self);
  update_due (self);
}

ClNewRequestDialog *
cl_new_request_dialog_new (GtkWindow *parent,
                           ClLedger  *ledger)
{
  return g_object_new (CL_TYPE_NEW_REQUEST_DIALOG,
                       "transient-for", parent,
                       "ledger", ledger,
                       NULL);
}

void
cl_new_request_dialog_set_request_type (ClNewRequestDialog *self,
                                        ClRequestType       type)
{
  g_return_if_fail (CL_IS_NEW_REQUEST_DIALOG (self));
  adw_combo_row_set_selected (self->type_row, type);
}

void
cl_new_request_dialog_set_subject (ClNewRequestDialog *self,
                                   const char         *subject)
{
  g_return_if_fail (CL_IS_NEW_REQUEST_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), subject != NULL ? subject : "");
}

void
cl_new_request_dialog_set_received (ClNewRequestDialog *self,
                                    const char         *received)
{
  g_return_if_fail (CL_IS_NEW_REQUEST_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->received_row), received != NULL ? received : "");
}

void
cl_new_request_dialog_set_jurisdiction (ClNewRequestDialog *self,
                                        ClJurisdiction      jurisdiction)
{
  g_return_if_fail (CL_IS_NEW_REQUEST_DIALOG (self));
  adw_combo_row_set_selected (self->jurisdiction_row, jurisdiction);
}

gboolean
cl_new_request_dialog_get_subject_found (ClNewRequestDialog *self)
{
  g_return_val_if_fail (CL_IS_NEW_REQUEST_DIALOG (self), FALSE);
  return self->subject_found;
}
