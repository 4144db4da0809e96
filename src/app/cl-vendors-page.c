/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendors-page.c: the Vendors page of the main window. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-vendors-page.h"

struct _ClVendorsPage
{
  AdwBin    parent_instance;

  ClLedger *ledger;
};

G_DEFINE_FINAL_TYPE (ClVendorsPage, cl_vendors_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LEDGER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_vendors_page_dispose (GObject *object)
{
  ClVendorsPage *self = CL_VENDORS_PAGE (object);

  g_clear_object (&self->ledger);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_VENDORS_PAGE);

  G_OBJECT_CLASS (cl_vendors_page_parent_class)->dispose (object);
}

static void
cl_vendors_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  ClVendorsPage *self = CL_VENDORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEDGER:
      g_value_set_object (value, self->ledger);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_vendors_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  ClVendorsPage *self = CL_VENDORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEDGER:
      cl_vendors_page_set_ledger (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_vendors_page_class_init (ClVendorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_vendors_page_dispose;
  object_class->get_property = cl_vendors_page_get_property;
  object_class->set_property = cl_vendors_page_set_property;

  properties[PROP_LEDGER] =
    g_param_spec_object ("ledger", NULL, NULL, CL_TYPE_LEDGER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-vendors-page.ui");
}

static void
cl_vendors_page_init (ClVendorsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
cl_vendors_page_set_ledger (ClVendorsPage *self,
                    ClLedger *ledger)
{
  g_return_if_fail (CL_IS_VENDORS_PAGE (self));
  g_return_if_fail (ledger == NULL || CL_IS_LEDGER (ledger));

  if (!g_set_object (&self->ledger, ledger))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEDGER]);
}

ClLedger *
cl_vendors_page_get_ledger (ClVendorsPage *self)
{
  g_return_val_if_fail (CL_IS_VENDORS_PAGE (self), NULL);
  return self->ledger;
}
