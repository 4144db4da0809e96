/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-purpose-row.c: name, legal basis, refusability and TCF mapping of a purpose; activating it
 * edits it. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-purpose-row.h"

struct _ClPurposeRow
{
  AdwActionRow  parent_instance;

  ClPurpose    *purpose;

  /* template widgets */
  GtkButton    *edit_button;
};

G_DEFINE_FINAL_TYPE (ClPurposeRow, cl_purpose_row, ADW_TYPE_ACTION_ROW)

static void
cl_purpose_row_dispose (GObject *object)
{
  ClPurposeRow *self = CL_PURPOSE_ROW (object);

  g_clear_object (&self->purpose);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_PURPOSE_ROW);

  G_OBJECT_CLASS (cl_purpose_row_parent_class)->dispose (object);
}

static void
cl_purpose_row_activated (AdwActionRow *row)
{
  ClPurposeRow *self = CL_PURPOSE_ROW (row);

  gtk_widget_activate_action (GTK_WIDGET (self), "policies.edit-purpose", "s",
                              cl_purpose_get_key (self->purpose));
}

static void
cl_purpose_row_class_init (ClPurposeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwActionRowClass *row_class = ADW_ACTION_ROW_CLASS (klass);

  object_class->dispose = cl_purpose_row_dispose;
  row_class->activate = cl_purpose_row_activated;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-purpose-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ClPurposeRow, edit_button);
}

static void
cl_purpose_row_init (ClPurposeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cl_purpose_row_new (ClPurpose *purpose)
{
  ClPurposeRow *self;
  g_autofree char *tcf = NULL;
  g_autofree char *tooltip = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *retention;

  g_return_val_if_fail (CL_IS_PURPOSE (purpose), NULL);

  self = g_object_new (CL_TYPE_PURPOSE_ROW, NULL);
  self->purpose = g_object_ref (purpose);
  retention = cl_purpose_get_retention (purpose);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), cl_purpose_get_name (purpose));
  tcf = cl_purpose_format_tcf_list (cl_purpose_get_tcf_purposes (purpose));
  g_string_append_printf (subtitle, "%s · %s · %s", cl_purpose_get_key (purpose),
                          cl_legal_basis_to_label (cl_purpose_get_legal_basis (purpose)),
                          cl_purpose_get_refusable (purpose) ? _("can be refused")
                                                             : _("cannot be refused"));
  if (*tcf != '\0')
    g_string_append_printf (subtitle, " · %s %s", _("IAB TCF purposes"), tcf);
  else
    g_string_append_printf (subtitle, " · %s", _("no IAB TCF purposes"));
  if (*retention != '\0')
    g_string_append_printf (subtitle, "\n%s %s", _("Kept for"), retention);
  else
    g_string_append_printf (subtitle, "\n%s", _("Retention not stated yet"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);

  tooltip = g_strdup_printf (_("Edit “%s”"), cl_purpose_get_name (purpose));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->edit_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s",
                                    cl_purpose_get_key (purpose));
  return GTK_WIDGET (self);
}

ClPurpose *
cl_purpose_row_get_purpose (ClPurposeRow *self)
{
  g_return_val_if_fail (CL_IS_PURPOSE_ROW (self), NULL);
  return self->purpose;
}
