/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendor-pane.c: the detail pane of the Vendors page. TCF ids are shown with their names,
 * company purposes by their names in the policy, durations in days or years. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-purpose.h"
#include "cl-vendor-pane.h"

struct _ClVendorPane
{
  AdwBin      parent_instance;

  ClVendor   *vendor;
  ClTcfNames *names;
  GListModel *purposes;
  GPtrArray  *url_rows;

  /* template widgets */
  GtkStack             *stack;
  GtkLabel             *name_label;
  GtkLabel             *source_label;
  GtkLabel             *withdrawn_label;
  AdwActionRow         *consent_row;
  AdwActionRow         *li_row;
  AdwActionRow         *country_row;
  AdwActionRow         *safeguard_row;
  AdwActionRow         *privacy_row;
  AdwActionRow         *tcf_consent_row;
  AdwActionRow         *tcf_li_row;
  AdwActionRow         *flexible_row;
  AdwActionRow         *special_purposes_row;
  AdwActionRow         *features_row;
  AdwActionRow         *special_features_row;
  AdwActionRow         *data_categories_row;
  AdwActionRow         *retention_row;
  AdwActionRow         *company_retention_row;
  AdwActionRow         *cookie_row;
  AdwActionRow         *storage_row;
  AdwActionRow         *disclosure_row;
  AdwPreferencesGroup  *urls_group;
};

G_DEFINE_FINAL_TYPE (ClVendorPane, cl_vendor_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VENDOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_vendor_pane_dispose (GObject *object)
{
  ClVendorPane *self = CL_VENDOR_PANE (object);

  g_clear_object (&self->vendor);
  g_clear_object (&self->purposes);
  g_clear_pointer (&self->names, cl_tcf_names_unref);
  g_clear_pointer (&self->url_rows, g_ptr_array_unref);
  /* The bin's child is a template child: the bin lets go of it first, or the template would
   * unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_VENDOR_PANE);

  G_OBJECT_CLASS (cl_vendor_pane_parent_class)->dispose (object);
}

static void
cl_vendor_pane_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ClVendorPane *self = CL_VENDOR_PANE (object);

  switch (prop_id)
    {
    case PROP_VENDOR:
      g_value_set_object (value, self->vendor);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_vendor_pane_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ClVendorPane *self = CL_VENDOR_PANE (object);

  switch (prop_id)
    {
    case PROP_VENDOR:
      cl_vendor_pane_set_vendor (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_vendor_pane_class_init (ClVendorPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_vendor_pane_dispose;
  object_class->get_property = cl_vendor_pane_get_property;
  object_class->set_property = cl_vendor_pane_set_property;

  properties[PROP_VENDOR] =
    g_param_spec_object ("vendor", NULL, NULL, CL_TYPE_VENDOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-vendor-pane.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ClVendorPane, name)
  BIND (stack);
  BIND (name_label);
  BIND (source_label);
  BIND (withdrawn_label);
  BIND (consent_row);
  BIND (li_row);
  BIND (country_row);
  BIND (safeguard_row);
  BIND (privacy_row);
  BIND (tcf_consent_row);
  BIND (tcf_li_row);
  BIND (flexible_row);
  BIND (special_purposes_row);
  BIND (features_row);
  BIND (special_features_row);
  BIND (data_categories_row);
  BIND (retention_row);
  BIND (company_retention_row);
  BIND (cookie_row);
  BIND (storage_row);
  BIND (disclosure_row);
  BIND (urls_group);
#undef BIND
}

static void
cl_vendor_pane_init (ClVendorPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->url_rows = g_ptr_array_new ();
  self->names = cl_tcf_names_new_builtin ();
}

/* ---- words ---- */

static const char *
or_none (const char *text)
{
  return text != NULL && *text != '\0' ? text : _("None declared");
}

static char *
tcf_lines (ClVendorPane        *self,
           ClGvlDefinitionKind  kind,
           const GArray        *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *line = cl_tcf_names_describe (self->names, kind,
                                                     g_array_index (ids, guint, i));
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
purpose_name (ClVendorPane *self,
              const char   *key)
{
  guint n = self->purposes != NULL ? g_list_model_get_n_items (self->purposes) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClPurpose) purpose = g_list_model_get_item (self->purposes, i);

      if (g_strcmp0 (cl_purpose_get_key (purpose), key) == 0)
        return cl_purpose_get_name (purpose);
    }
  return key;
}

static char *
purpose_lines (ClVendorPane       *self,
               const char * const *keys)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, purpose_name (self, keys[i]));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
days_text (guint days)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", days), days);
}

static char *
retention_lines (ClVendorPane         *self,
                 const ClVendorRecord *record)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const struct { ClGvlDefinitionKind kind; const GArray *items; } sections[] = {
    { CL_GVL_PURPOSES, record->purpose_retention },
    { CL_GVL_SPECIAL_PURPOSES, record->special_purpose_retention },
  };

  if (record->has_std_retention)
    {
      g_autofree char *days = days_text (record->std_retention);
      g_string_append_printf (text, _("Standard: %s"), days);
    }
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    for (guint i = 0; i < sections[s].items->len; i++)
      {
        const ClVendorRetention *item = &g_array_index (sections[s].items, ClVendorRetention, i);
        g_autofree char *what = cl_tcf_names_describe (self->names, sections[s].kind, item->id);
        g_autofree char *days = days_text (item->days);

        if (text->len > 0)
          g_string_append_c (text, '\n');
        /* TRANSLATORS: "7. Measure advertising performance: 90 days" */
        g_string_append_printf (text, _("%s: %s"), what, days);
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
flag_text (ClVendorFlag flag)
{
  switch (flag)
    {
    case CL_VENDOR_FLAG_YES:
      return _("yes");
    case CL_VENDOR_FLAG_NO:
      return _("no");
    case CL_VENDOR_FLAG_UNKNOWN:
    default:
      return _("not declared");
    }
}

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, or_none (text));
}

static void
set_subtitle_take (AdwActionRow *row,
                   char         *text)
{
  set_subtitle (row, text);
  g_free (text);
}

static void
clear_url_rows (ClVendorPane *self)
{
  for (guint i = 0; i < self->url_rows->len; i++)
    adw_preferences_group_remove (self->urls_group, self->url_rows->pdata[i]);
  g_ptr_array_set_size (self->url_rows, 0);
}

static void
show_urls (ClVendorPane         *self,
           const ClVendorRecord *record)
{
  clear_url_rows (self);

  for (guint i = 0; i < record->urls->len; i++)
    {
      const ClVendorUrl *url = g_ptr_array_index (record->urls, i);
      g_autoptr(GString) text = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();

      if (url->privacy != NULL)
        g_string_append_printf (text, _("Privacy policy: %s"), url->privacy);
      if (url->leg_int_claim != NULL)
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append_printf (text, _("Legitimate interest claim: %s"), url->leg_int_claim);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), url->lang_id);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text->str);
      adw_preferences_group_add (self->urls_group, row);
      g_ptr_array_add (self->url_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->urls_group), record->urls->len > 0);
}

static void
show_vendor (ClVendorPane *self)
{
  ClVendor *vendor = self->vendor;
  const ClVendorRecord *record;
  g_autofree char *source = NULL;
  g_autoptr(GString) storage = g_string_new (NULL);
  gint64 seconds = 0;

  if (vendor == NULL)
    {
      clear_url_rows (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  record = cl_vendor_get_record (vendor);
  gtk_stack_set_visible_child_name (self->stack, "vendor");

  gtk_label_set_text (self->name_label, record->name);
  if (record->gvl_id != 0)
    source = g_strdup_printf (_("IAB Global Vendor List id %u"), record->gvl_id);
  else
    source = g_strdup (_("Not on the IAB Global Vendor List"));
  gtk_label_set_text (self->source_label, source);
  gtk_widget_set_visible (GTK_WIDGET (self->withdrawn_label), record->deleted_date != NULL);
  if (record->deleted_date != NULL)
    {
      g_autofree char *date = g_strndup (record->deleted_date, 10);
      g_autofree char *text =
        g_strdup_printf (_("Withdrawn from the Global Vendor List on %s. Consent given to it "
                           "before then stays in the ledger."), date);
      gtk_label_set_text (self->withdrawn_label, text);
    }

  set_subtitle_take (self->consent_row, purpose_lines (self, cl_vendor_get_purposes (vendor)));
  set_subtitle_take (self->li_row,
                     purpose_lines (self, cl_vendor_get_legitimate_interest_purposes (vendor)));

  /* The GVL names neither: the company records them. */
  adw_action_row_set_subtitle (self->country_row,
                               record->country != NULL ? record->country
                                                       : _("Not recorded yet; add it with Edit…"));
  adw_action_row_set_subtitle (self->safeguard_row,
                               record->transfer_safeguard != NULL
                               ? record->transfer_safeguard
                               : _("Not recorded yet; add it with Edit…"));
  set_subtitle (self->privacy_row, cl_vendor_get_privacy_url (vendor));

  set_subtitle_take (self->tcf_consent_row, tcf_lines (self, CL_GVL_PURPOSES, record->purposes));
  set_subtitle_take (self->tcf_li_row,
                     tcf_lines (self, CL_GVL_PURPOSES, record->leg_int_purposes));
  set_subtitle_take (self->flexible_row,
                     tcf_lines (self, CL_GVL_PURPOSES, record->flexible_purposes));
  set_subtitle_take (self->special_purposes_row,
                     tcf_lines (self, CL_GVL_SPECIAL_PURPOSES, record->special_purposes));
  set_subtitle_take (self->features_row, tcf_lines (self, CL_GVL_FEATURES, record->features));
  set_subtitle_take (self->special_features_row,
                     tcf_lines (self, CL_GVL_SPECIAL_FEATURES, record->special_features));
  set_subtitle_take (self->data_categories_row,
                     tcf_lines (self, CL_GVL_DATA_CATEGORIES, record->data_declaration));
  set_subtitle_take (self->retention_row, retention_lines (self, record));
  set_subtitle_take (self->company_retention_row,
                     record->has_retention_days ? days_text (record->retention_days) : NULL);

  if (cl_vendor_get_cookie_max_age (vendor, &seconds))
    {
      g_autofree char *words = cl_vendor_format_duration (seconds);
      g_autofree char *exact = g_strdup_printf ("%'" G_GINT64_FORMAT, seconds);
      /* TRANSLATORS: "2,000 years (63,072,000,000 seconds)" */
      set_subtitle_take (self->cookie_row,
                         seconds > 0 ? g_strdup_printf (_("%s (%s seconds)"), words, exact)
                                     : g_strdup (words));
    }
  else
    set_subtitle (self->cookie_row, NULL);

  g_string_append_printf (storage, _("Cookies: %s"), flag_text (record->uses_cookies));
  g_string_append (storage, "\n");
  g_string_append_printf (storage, _("Cookies refreshed on use: %s"),
                          flag_text (record->cookie_refresh));
  g_string_append (storage, "\n");
  g_string_append_printf (storage, _("Other storage than cookies: %s"),
                          flag_text (record->uses_non_cookie_access));
  set_subtitle (self->storage_row, storage->str);
  set_subtitle (self->disclosure_row, record->device_storage_disclosure_url);

  show_urls (self, record);
}

void
cl_vendor_pane_set_context (ClVendorPane *self,
                            ClTcfNames   *names,
                            GListModel   *purposes)
{
  g_return_if_fail (CL_IS_VENDOR_PANE (self));
  g_return_if_fail (names != NULL);

  g_clear_pointer (&self->names, cl_tcf_names_unref);
  self->names = cl_tcf_names_ref (names);
  g_set_object (&self->purposes, purposes);
  show_vendor (self);
}

void
cl_vendor_pane_set_vendor (ClVendorPane *self,
                           ClVendor     *vendor)
{
  g_return_if_fail (CL_IS_VENDOR_PANE (self));
  g_return_if_fail (vendor == NULL || CL_IS_VENDOR (vendor));

  if (!g_set_object (&self->vendor, vendor))
    return;
  show_vendor (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VENDOR]);
}

ClVendor *
cl_vendor_pane_get_vendor (ClVendorPane *self)
{
  g_return_val_if_fail (CL_IS_VENDOR_PANE (self), NULL);
  return self->vendor;
}
