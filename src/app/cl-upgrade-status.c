/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-upgrade-status.c: a spinner and a sentence in place of the pages while a ledger written
 * by an earlier version is brought to the current format in a worker thread, which can take
 * seconds on a large ledger. It has its own header bar, so the window can still be moved and
 * closed meanwhile. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-upgrade-status.h"

struct _ClUpgradeStatus
{
  AdwBin          parent_instance;

  char           *path;

  /* template widgets */
  AdwWindowTitle *window_title;
  AdwStatusPage  *status_page;
};

G_DEFINE_FINAL_TYPE (ClUpgradeStatus, cl_upgrade_status, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_upgrade_status_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CL_TYPE_UPGRADE_STATUS);

  G_OBJECT_CLASS (cl_upgrade_status_parent_class)->dispose (object);
}

static void
cl_upgrade_status_finalize (GObject *object)
{
  ClUpgradeStatus *self = CL_UPGRADE_STATUS (object);

  g_free (self->path);

  G_OBJECT_CLASS (cl_upgrade_status_parent_class)->finalize (object);
}

static void
cl_upgrade_status_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ClUpgradeStatus *self = CL_UPGRADE_STATUS (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_upgrade_status_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ClUpgradeStatus *self = CL_UPGRADE_STATUS (object);

  switch (prop_id)
    {
    case PROP_PATH:
      cl_upgrade_status_set_path (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_upgrade_status_class_init (ClUpgradeStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_upgrade_status_dispose;
  object_class->finalize = cl_upgrade_status_finalize;
  object_class->get_property = cl_upgrade_status_get_property;
  object_class->set_property = cl_upgrade_status_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-upgrade-status.ui");
  gtk_widget_class_bind_template_child (widget_class, ClUpgradeStatus, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClUpgradeStatus, status_page);
}

static void
cl_upgrade_status_init (ClUpgradeStatus *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ClUpgradeStatus *
cl_upgrade_status_new (void)
{
  return g_object_new (CL_TYPE_UPGRADE_STATUS, NULL);
}

const char *
cl_upgrade_status_get_path (ClUpgradeStatus *self)
{
  g_return_val_if_fail (CL_IS_UPGRADE_STATUS (self), NULL);
  return self->path;
}

void
cl_upgrade_status_set_path (ClUpgradeStatus *self,
                            const char      *path)
{
  g_autofree char *basename = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (CL_IS_UPGRADE_STATUS (self));

  if (g_strcmp0 (self->path, path) == 0)
    return;
  g_free (self->path);
  self->path = g_strdup (path);

  if (path != NULL)
    {
      basename = g_path_get_basename (path);
      /* Translators: %s is the ledger's file name, e.g. ledger.db. */
      description = g_strdup_printf (_("%s was made by an earlier version of Consent Ledger and "
                                       "is being upgraded to the current format. This happens "
                                       "only once, and can take a while on a large ledger. "
                                       "Nothing in it is lost."),
                                     basename);
    }
  adw_window_title_set_subtitle (self->window_title, basename);
  adw_status_page_set_description (self->status_page, description);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}
