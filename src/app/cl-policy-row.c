/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-policy-row.c: label, date, summary and text hash of a version; activating it edits it. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-format.h"
#include "cl-policy-row.h"

struct _ClPolicyRow
{
  AdwActionRow     parent_instance;

  ClPolicyVersion *version;

  /* template widgets */
  GtkLabel        *state_tag;
  GtkLabel        *significant_tag;
  GtkButton       *edit_button;
};

G_DEFINE_FINAL_TYPE (ClPolicyRow, cl_policy_row, ADW_TYPE_ACTION_ROW)

static void
cl_policy_row_dispose (GObject *object)
{
  ClPolicyRow *self = CL_POLICY_ROW (object);

  g_clear_object (&self->version);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_POLICY_ROW);

  G_OBJECT_CLASS (cl_policy_row_parent_class)->dispose (object);
}

static void
cl_policy_row_activated (AdwActionRow *row)
{
  ClPolicyRow *self = CL_POLICY_ROW (row);

  gtk_widget_activate_action (GTK_WIDGET (self), "policies.edit", "s",
                              cl_policy_version_get_version (self->version));
}

static void
cl_policy_row_class_init (ClPolicyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwActionRowClass *row_class = ADW_ACTION_ROW_CLASS (klass);

  object_class->dispose = cl_policy_row_dispose;
  row_class->activate = cl_policy_row_activated;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-policy-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ClPolicyRow, state_tag);
  gtk_widget_class_bind_template_child (widget_class, ClPolicyRow, significant_tag);
  gtk_widget_class_bind_template_child (widget_class, ClPolicyRow, edit_button);
}

static void
cl_policy_row_init (ClPolicyRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static char *
format_effective (const char *effective)
{
  GDate date;
  char text[64];

  if (effective == NULL || !cl_policy_parse_date (effective, &date))
    return g_strdup (_("no effective date yet"));
  g_date_strftime (text, sizeof text, "%-d %b %Y", &date);
  return g_strdup (text);
}

GtkWidget *
cl_policy_row_new (ClPolicyVersion *version,
                   gboolean         is_current,
                   gint64           now_ms)
{
  ClPolicyRow *self;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *tooltip = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *effective, *summary, *sha256;

  g_return_val_if_fail (CL_IS_POLICY_VERSION (version), NULL);

  self = g_object_new (CL_TYPE_POLICY_ROW, NULL);
  self->version = g_object_ref (version);
  effective = cl_policy_version_get_effective (version);
  summary = cl_policy_version_get_summary_label (version);
  sha256 = cl_policy_version_get_text_sha256 (version);

  title = g_strdup_printf (_("Version %s"), cl_policy_version_get_version (version));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);

  date = format_effective (effective);
  if (effective == NULL)
    g_string_append (subtitle, date);
  else if (cl_policy_version_is_in_effect (version, now_ms))
    g_string_append_printf (subtitle, _("In effect since %s"), date);
  else
    g_string_append_printf (subtitle, _("Takes effect on %s"), date);
  if (*summary != '\0')
    g_string_append_printf (subtitle, " · %s", summary);
  /* The full hash is in the tooltip and the edit dialog; a row shows enough to recognise it. */
  if (sha256 != NULL && strlen (sha256) > 24)
    g_string_append_printf (subtitle, "\n%s %.12s…%s", _("Text SHA-256"), sha256,
                            sha256 + strlen (sha256) - 12);
  else if (sha256 != NULL)
    g_string_append_printf (subtitle, "\n%s %s", _("Text SHA-256"), sha256);
  else
    g_string_append_printf (subtitle, "\n%s", _("No policy text attached"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);
  if (sha256 != NULL)
    {
      g_autofree char *hash_tooltip = g_strdup_printf ("%s %s", _("Text SHA-256"), sha256);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), hash_tooltip);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->significant_tag),
                          cl_policy_version_get_significant (version));
  if (is_current)
    gtk_label_set_text (self->state_tag, _("Current"));
  else if (effective != NULL && !cl_policy_version_is_in_effect (version, now_ms))
    {
      gtk_label_set_text (self->state_tag, _("Scheduled"));
      gtk_widget_add_css_class (GTK_WIDGET (self->state_tag), "scheduled");
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->state_tag), FALSE);

  tooltip = g_strdup_printf (_("Edit Version %s"), cl_policy_version_get_version (version));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->edit_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s",
                                    cl_policy_version_get_version (version));
  return GTK_WIDGET (self);
}

ClPolicyVersion *
cl_policy_row_get_version (ClPolicyRow *self)
{
  g_return_val_if_fail (CL_IS_POLICY_ROW (self), NULL);
  return self->version;
}
