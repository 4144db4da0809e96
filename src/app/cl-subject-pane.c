/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-subject-pane.c: shows a ClSubject; the rows depend on the subject, so they are made here. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-subject-pane.h"

struct _ClSubjectPane
{
  AdwBin                parent_instance;

  ClSubject            *subject;
  GPtrArray            *rows;          /* the rows added to the groups, to remove them */
  GPtrArray            *history_text;  /* char *, newest first, as shown */

  /* template widgets */
  GtkLabel             *title_label;
  AdwPreferencesGroup  *identifiers_group;
  AdwPreferencesGroup  *current_group;
  AdwPreferencesGroup  *history_group;
  AdwPreferencesGroup  *tc_group;
  GtkLabel             *tc_label;
};

G_DEFINE_FINAL_TYPE (ClSubjectPane, cl_subject_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SUBJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_rows (ClSubjectPane *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];
      AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (row), "cl-group");

      adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->history_text, 0);
}

static void
cl_subject_pane_dispose (GObject *object)
{
  ClSubjectPane *self = CL_SUBJECT_PANE (object);

  g_clear_object (&self->subject);
  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_SUBJECT_PANE);

  G_OBJECT_CLASS (cl_subject_pane_parent_class)->dispose (object);
}

static void
cl_subject_pane_finalize (GObject *object)
{
  ClSubjectPane *self = CL_SUBJECT_PANE (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->history_text);

  G_OBJECT_CLASS (cl_subject_pane_parent_class)->finalize (object);
}

static void
cl_subject_pane_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ClSubjectPane *self = CL_SUBJECT_PANE (object);

  switch (prop_id)
    {
    case PROP_SUBJECT:
      g_value_set_object (value, self->subject);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_subject_pane_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ClSubjectPane *self = CL_SUBJECT_PANE (object);

  switch (prop_id)
    {
    case PROP_SUBJECT:
      cl_subject_pane_set_subject (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_subject_pane_class_init (ClSubjectPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_subject_pane_dispose;
  object_class->finalize = cl_subject_pane_finalize;
  object_class->get_property = cl_subject_pane_get_property;
  object_class->set_property = cl_subject_pane_set_property;

  properties[PROP_SUBJECT] =
    g_param_spec_object ("subject", NULL, NULL, CL_TYPE_SUBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-subject-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ClSubjectPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, ClSubjectPane, identifiers_group);
  gtk_widget_class_bind_template_child (widget_class, ClSubjectPane, current_group);
  gtk_widget_class_bind_template_child (widget_class, ClSubjectPane, history_group);
  gtk_widget_class_bind_template_child (widget_class, ClSubjectPane, tc_group);
  gtk_widget_class_bind_template_child (widget_class, ClSubjectPane, tc_label);
}

static void
cl_subject_pane_init (ClSubjectPane *self)
{
  self->rows = g_ptr_array_new ();
  self->history_text = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkWidget *
add_row (ClSubjectPane       *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "cl-group", group);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
show_identifiers (ClSubjectPane *self)
{
  static const ClIdentifierKind kinds[] = {
    CL_IDENTIFIER_CONSENT_ID, CL_IDENTIFIER_EMAIL, CL_IDENTIFIER_ACCOUNT,
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const char * const *values = cl_subject_get_identifiers (self->subject, kinds[k]);

      for (guint i = 0; values[i] != NULL; i++)
        {
          GtkWidget *row = add_row (self, self->identifiers_group, values[i],
                                    cl_identifier_kind_to_label (kinds[k]));

          /* The value is what the officer copies into a reply: the title, selectable. */
          gtk_widget_add_css_class (row, "property");
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
        }
    }
}

static GtkWidget *
decision_badge (ClDecision decision)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *image = gtk_image_new ();
  GtkWidget *label = gtk_label_new (cl_decision_to_label (decision));

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cl_decision_to_label (decision), -1);
  gtk_widget_set_can_target (image, FALSE);
  switch (decision)
    {
    case CL_DECISION_GRANTED:
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "object-select-symbolic");
      gtk_widget_add_css_class (box, "decision-granted");
      break;
    case CL_DECISION_DENIED:
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "window-close-symbolic");
      gtk_widget_add_css_class (box, "decision-denied");
      break;
    case CL_DECISION_NOT_ASKED:
    default:
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "list-remove-symbolic");
      gtk_widget_add_css_class (box, "dim-label");
      break;
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
show_current (ClSubjectPane *self)
{
  ClConsentEvent *current = cl_subject_get_current (self->subject);
  GListModel *purposes = cl_subject_get_purposes (self->subject);
  g_autofree char *description = NULL;

  if (current == NULL)
    {
      adw_preferences_group_set_description (self->current_group,
                                             _("This subject has no consent events."));
      return;
    }

  if (cl_consent_event_get_policy_version (current) != NULL)
    description = g_strdup_printf (_("Since %s UTC, under policy %s"),
                                   cl_consent_event_get_time_label (current),
                                   cl_consent_event_get_policy_version (current));
  else
    description = g_strdup_printf (_("Since %s UTC"), cl_consent_event_get_time_label (current));
  adw_preferences_group_set_description (self->current_group, description);

  for (guint i = 0; i < g_list_model_get_n_items (purposes); i++)
    {
      g_autoptr(ClPurpose) purpose = g_list_model_get_item (purposes, i);
      GtkWidget *row;

      if (!cl_purpose_get_refusable (purpose))
        continue;
      row = add_row (self, self->current_group, cl_purpose_get_name (purpose), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 decision_badge (cl_subject_get_current_decision (self->subject,
                                                                                  purpose)));
    }
}

static void
show_history (ClSubjectPane *self)
{
  GListModel *history = cl_subject_get_history (self->subject);
  guint n = g_list_model_get_n_items (history);

  /* Newest first: what the officer is asked about is usually the latest change. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(ClConsentEvent) event = g_list_model_get_item (history, i - 1);
      g_autofree char *sentence = cl_subject_describe_event (self->subject, i - 1);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      /* Which device (consent id) and which log line: what the officer cites as proof. */
      if (cl_consent_event_get_event_id (event) != NULL)
        subtitle = g_strdup_printf ("%s · %s · %s", cl_consent_event_get_time_label (event),
                                    cl_consent_event_get_subject (event),
                                    cl_consent_event_get_event_id (event));
      else
        subtitle = g_strdup_printf ("%s · %s", cl_consent_event_get_time_label (event),
                                    cl_consent_event_get_subject (event));
      row = add_row (self, self->history_group, sentence, subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      g_ptr_array_add (self->history_text, g_steal_pointer (&sentence));
    }
}

void
cl_subject_pane_set_subject (ClSubjectPane *self,
                             ClSubject     *subject)
{
  const char *tc_string;

  g_return_if_fail (CL_IS_SUBJECT_PANE (self));
  g_return_if_fail (subject == NULL || CL_IS_SUBJECT (subject));

  if (!g_set_object (&self->subject, subject))
    return;

  clear_rows (self);
  adw_preferences_group_set_description (self->current_group, NULL);
  if (subject != NULL)
    {
      const char *email = cl_subject_get_identifiers (subject, CL_IDENTIFIER_EMAIL)[0];
      const char *account = cl_subject_get_identifiers (subject, CL_IDENTIFIER_ACCOUNT)[0];
      /* A person is best known by e-mail or account; a device only by its consent id. */
      g_autofree char *title =
        g_strdup_printf (_("Subject %s"), email != NULL ? email
                                          : account != NULL ? account
                                          : cl_subject_get_display_id (subject));

      gtk_label_set_label (self->title_label, title);
      show_identifiers (self);
      show_current (self);
      show_history (self);
    }
  else
    gtk_label_set_label (self->title_label, "");

  tc_string = subject != NULL ? cl_subject_get_tc_string (subject) : NULL;
  gtk_label_set_label (self->tc_label, tc_string != NULL ? tc_string : "");
  gtk_widget_set_visible (GTK_WIDGET (self->tc_group), tc_string != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBJECT]);
}

ClSubject *
cl_subject_pane_get_subject (ClSubjectPane *self)
{
  g_return_val_if_fail (CL_IS_SUBJECT_PANE (self), NULL);
  return self->subject;
}

const char *
cl_subject_pane_get_title (ClSubjectPane *self)
{
  g_return_val_if_fail (CL_IS_SUBJECT_PANE (self), NULL);
  return gtk_label_get_label (self->title_label);
}

guint
cl_subject_pane_get_n_history (ClSubjectPane *self)
{
  g_return_val_if_fail (CL_IS_SUBJECT_PANE (self), 0);
  return self->history_text->len;
}

const char *
cl_subject_pane_get_history_text (ClSubjectPane *self,
                                  guint          position)
{
  g_return_val_if_fail (CL_IS_SUBJECT_PANE (self), NULL);
  g_return_val_if_fail (position < self->history_text->len, NULL);
  return self->history_text->pdata[position];
}

const char *
cl_subject_pane_get_tc_string (ClSubjectPane *self)
{
  g_return_val_if_fail (CL_IS_SUBJECT_PANE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->tc_group))
         ? gtk_label_get_label (self->tc_label) : NULL;
}
