/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-records-columns.c: the Consent Records column view's sorting and purpose columns. The
 * view never sorts rows itself (a million rows): a header click only changes the query's
 * order, and SQL does the sorting. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-consent-event.h"
#include "cl-purpose.h"
#include "cl-records-columns.h"

/* What a column sorts by; the compare function of its GtkCustomSorter only notes which column
 * GTK asked about (see on_sort_changed). Owned by that sorter. */
typedef struct
{
  ClRecordsColumns *owner;
  ClEventSort       sort;
  char             *purpose_key;
} SortColumn;

struct _ClRecordsColumns
{
  GObject              parent_instance;

  GtkColumnView       *view;
  ClEventQuery        *query;
  GtkColumnViewColumn *purposes_after;
  GtkColumnViewColumn *time_column;
  GPtrArray           *sortable_columns;  /* GtkColumnViewColumn, with a probe sorter */
  GPtrArray           *purpose_columns;   /* GtkColumnViewColumn, one per refusable purpose */
  GObject             *probe_a;
  GObject             *probe_b;
  SortColumn          *probed;
  gboolean             probing;
  gboolean             switching;  /* see cl_records_columns_sort_by() */

  char                *sort_column;  /* the sort name of the column sorted by */
  gboolean             sort_descending;
  GMenu               *sort_menu;    /* the sortable columns, in the view's order */
};

G_DEFINE_FINAL_TYPE (ClRecordsColumns, cl_records_columns, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COLUMN_VIEW,
  PROP_QUERY,
  PROP_PURPOSES_AFTER,
  PROP_SORT_COLUMN,
  PROP_SORT_DESCENDING,
  N_PROPS
};

/* The names of the sorts, for the page's records.sort-column action: by ClEventSort. */
static const char * const sort_names[] = {
  [CL_EVENT_SORT_TIME] = "time",
  [CL_EVENT_SORT_SUBJECT] = "subject",
  [CL_EVENT_SORT_POLICY] = "policy",
  [CL_EVENT_SORT_METHOD] = "method",
  [CL_EVENT_SORT_PURPOSE] = "purpose",
  [CL_EVENT_SORT_COUNTRY] = "country",
  [CL_EVENT_SORT_URL] = "url",
};

/* A column's data key: its sort name, "purpose:KEY" for a purpose. */
#define SORT_NAME_KEY "cl-sort-name"

static GParamSpec *properties[N_PROPS];

static void
sort_column_free (gpointer data)
{
  SortColumn *column = data;

  g_free (column->purpose_key);
  g_free (column);
}

/* The sorters may outlive this object inside the view: they must not point at it then. */
static void
forget_sorters (GPtrArray *columns)
{
  for (guint i = 0; i < columns->len; i++)
    {
      GtkSorter *sorter = gtk_column_view_column_get_sorter (columns->pdata[i]);

      if (GTK_IS_CUSTOM_SORTER (sorter))
        gtk_custom_sorter_set_sort_func (GTK_CUSTOM_SORTER (sorter), NULL, NULL, NULL);
    }
}

static void
cl_records_columns_dispose (GObject *object)
{
  ClRecordsColumns *self = CL_RECORDS_COLUMNS (object);

  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->view), self);
  forget_sorters (self->sortable_columns);
  forget_sorters (self->purpose_columns);
  g_ptr_array_set_size (self->sortable_columns, 0);
  g_ptr_array_set_size (self->purpose_columns, 0);
  g_clear_object (&self->time_column);
  g_clear_object (&self->purposes_after);
  g_clear_object (&self->query);
  g_clear_object (&self->view);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);
  g_clear_object (&self->sort_menu);

  G_OBJECT_CLASS (cl_records_columns_parent_class)->dispose (object);
}

static void
cl_records_columns_finalize (GObject *object)
{
  ClRecordsColumns *self = CL_RECORDS_COLUMNS (object);

  g_ptr_array_unref (self->sortable_columns);
  g_ptr_array_unref (self->purpose_columns);
  g_free (self->sort_column);

  G_OBJECT_CLASS (cl_records_columns_parent_class)->finalize (object);
}

static void
cl_records_columns_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ClRecordsColumns *self = CL_RECORDS_COLUMNS (object);

  switch (prop_id)
    {
    case PROP_COLUMN_VIEW:
      g_value_set_object (value, self->view);
      break;
    case PROP_QUERY:
      g_value_set_object (value, self->query);
      break;
    case PROP_PURPOSES_AFTER:
      g_value_set_object (value, self->purposes_after);
      break;
    case PROP_SORT_COLUMN:
      g_value_set_string (value, self->sort_column);
      break;
    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, self->sort_descending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_records_columns_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ClRecordsColumns *self = CL_RECORDS_COLUMNS (object);

  switch (prop_id)
    {
    case PROP_COLUMN_VIEW:
      self->view = g_value_dup_object (value);
      break;
    case PROP_QUERY:
      self->query = g_value_dup_object (value);
      break;
    case PROP_PURPOSES_AFTER:
      self->purposes_after = g_value_dup_object (value);
      break;
    case PROP_SORT_COLUMN:
      cl_records_columns_sort_by (self, g_value_get_string (value), self->sort_descending);
      break;
    case PROP_SORT_DESCENDING:
      cl_records_columns_sort_by (self, self->sort_column, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* ---- Sorting: GTK 4.8 cannot say which header is sorted, so ask the sorters. ---- */

static char *
sort_name (ClEventSort  sort,
           const char  *purpose_key)
{
  if (sort == CL_EVENT_SORT_PURPOSE)
    return g_strconcat (sort_names[sort], ":", purpose_key, NULL);
  return g_strdup (sort_names[sort]);
}

/* Keeps the sort-column and sort-descending properties in step with the view. */
static void
note_sort (ClRecordsColumns *self,
           const char       *name,
           gboolean          descending)
{
  if (g_strcmp0 (self->sort_column, name) != 0)
    {
      g_free (self->sort_column);
      self->sort_column = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_COLUMN]);
    }
  if (self->sort_descending != descending)
    {
      self->sort_descending = descending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DESCENDING]);
    }
}

/* The menu of the columns to sort by, as they stand in the view: headers take a mouse, and
 * this menu is the way to sort from the keyboard. */
static void
update_sort_menu (ClRecordsColumns *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);

  g_menu_remove_all (self->sort_menu);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *name = g_object_get_data (G_OBJECT (column), SORT_NAME_KEY);
      g_autoptr(GMenuItem) item = NULL;

      if (name == NULL)
        continue;
      item = g_menu_item_new (gtk_column_view_column_get_title (column), NULL);
      g_menu_item_set_action_and_target (item, "records.sort-column", "s", name);
      g_menu_append_item (self->sort_menu, item);
    }
}

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SortColumn *column = user_data;

  if (column->owner->probing && column->owner->probed == NULL)
    column->owner->probed = column;
  return GTK_ORDERING_SMALLER;
}

static void
on_sort_changed (ClRecordsColumns *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->view);
  GtkOrdering order;

  if (self->switching)
    return;

  self->probing = TRUE;
  self->probed = NULL;
  order = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
  self->probing = FALSE;

  /* No sorted column: back to the default, newest first. */
  if (order == GTK_ORDERING_EQUAL || self->probed == NULL)
    {
      cl_event_query_set_sort (self->query, CL_EVENT_SORT_TIME, NULL, TRUE);
      note_sort (self, sort_names[CL_EVENT_SORT_TIME], TRUE);
    }
  else
    {
      g_autofree char *name = sort_name (self->probed->sort, self->probed->purpose_key);

      cl_event_query_set_sort (self->query, self->probed->sort, self->probed->purpose_key,
                               order == GTK_ORDERING_LARGER);
      note_sort (self, name, order == GTK_ORDERING_LARGER);
    }
}

static void
set_probe_sorter (ClRecordsColumns    *self,
                  GtkColumnViewColumn *column,
                  ClEventSort          sort,
                  const char          *purpose_key)
{
  g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (NULL, NULL, NULL);
  SortColumn *probe = g_new0 (SortColumn, 1);

  probe->owner = self;
  probe->sort = sort;
  probe->purpose_key = g_strdup (purpose_key);
  gtk_custom_sorter_set_sort_func (sorter, probe_compare, probe, sort_column_free);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  g_object_set_data_full (G_OBJECT (column), SORT_NAME_KEY, sort_name (sort, purpose_key),
                          g_free);
}

/* ---- The purpose columns, made from the ledger's purposes. ---- */

static void
setup_decision_cell (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *image = gtk_image_new ();

  gtk_widget_set_halign (image, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_list_item_set_child (item, image);
}

static void
bind_decision_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    ClPurpose                *purpose)
{
  GtkWidget *image = gtk_list_item_get_child (item);
  ClConsentEvent *event = gtk_list_item_get_item (item);
  ClDecision decision = cl_consent_event_get_decision (event, cl_purpose_get_bit (purpose));
  g_autofree char *label = NULL;

  gtk_widget_remove_css_class (image, "decision-granted");
  gtk_widget_remove_css_class (image, "decision-denied");
  gtk_widget_remove_css_class (image, "dim-label");
  switch (decision)
    {
    case CL_DECISION_GRANTED:
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "object-select-symbolic");
      gtk_widget_add_css_class (image, "decision-granted");
      break;
    case CL_DECISION_DENIED:
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "window-close-symbolic");
      gtk_widget_add_css_class (image, "decision-denied");
      break;
    case CL_DECISION_NOT_ASKED:
    default:
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "list-remove-symbolic");
      gtk_widget_add_css_class (image, "dim-label");
      break;
    }
  if (!cl_consent_event_is_present (event))
    gtk_image_clear (GTK_IMAGE (image));

  /* Translators: "Advertisement and ad measurement: Denied", for screen readers and tooltips */
  label = g_strdup_printf (_("%s: %s"), cl_purpose_get_name (purpose),
                           cl_decision_to_label (decision));
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_tooltip_text (image, label);
}

static void
unref_closure_data (gpointer  data,
                    GClosure *closure)
{
  g_object_unref (data);
}

static void
remove_purpose_columns (ClRecordsColumns *self)
{
  for (guint i = 0; i < self->purpose_columns->len; i++)
    gtk_column_view_remove_column (self->view, self->purpose_columns->pdata[i]);
  forget_sorters (self->purpose_columns);
  g_ptr_array_set_size (self->purpose_columns, 0);
}

static guint
column_position (ClRecordsColumns    *self,
                 GtkColumnViewColumn *column)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) candidate = g_list_model_get_item (columns, i);
      if (candidate == column)
        return i;
    }
  g_return_val_if_reached (0);
}

/* Headers cannot wrap or show a tooltip on 4.8: the name's first word fits, and the cells'
 * tooltips and accessible names carry the whole name. */
static char *
short_title (ClPurpose *purpose)
{
  g_auto(GStrv) words = g_strsplit (cl_purpose_get_name (purpose), " ", 2);

  return g_strdup (words[0] != NULL ? words[0] : cl_purpose_get_name (purpose));
}

static void
add_purpose_columns (ClRecordsColumns *self,
                     GListModel       *purposes)
{
  guint position = column_position (self, self->purposes_after) + 1;

  for (guint i = 0; i < g_list_model_get_n_items (purposes); i++)
    {
      g_autoptr(ClPurpose) purpose = g_list_model_get_item (purposes, i);
      g_autoptr(GtkListItemFactory) factory = NULL;
      g_autofree char *title = NULL;
      GtkColumnViewColumn *column;

      if (!cl_purpose_get_refusable (purpose))
        continue;

      factory = gtk_signal_list_item_factory_new ();
      g_signal_connect (factory, "setup", G_CALLBACK (setup_decision_cell), NULL);
      g_signal_connect_data (factory, "bind", G_CALLBACK (bind_decision_cell),
                             g_object_ref (purpose), unref_closure_data, 0);

      title = short_title (purpose);
      column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
      set_probe_sorter (self, column, CL_EVENT_SORT_PURPOSE, cl_purpose_get_key (purpose));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, 105);
      gtk_column_view_insert_column (self->view, position++, column);
      g_ptr_array_add (self->purpose_columns, column);
    }
}

static void
cl_records_columns_constructed (GObject *object)
{
  ClRecordsColumns *self = CL_RECORDS_COLUMNS (object);

  G_OBJECT_CLASS (cl_records_columns_parent_class)->constructed (object);

  g_assert (GTK_IS_COLUMN_VIEW (self->view));
  g_assert (CL_IS_EVENT_QUERY (self->query));
  g_assert (GTK_IS_COLUMN_VIEW_COLUMN (self->purposes_after));

  g_signal_connect_swapped (gtk_column_view_get_sorter (self->view), "changed",
                            G_CALLBACK (on_sort_changed), self);
}

static void
cl_records_columns_class_init (ClRecordsColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cl_records_columns_constructed;
  object_class->dispose = cl_records_columns_dispose;
  object_class->finalize = cl_records_columns_finalize;
  object_class->get_property = cl_records_columns_get_property;
  object_class->set_property = cl_records_columns_set_property;

  properties[PROP_COLUMN_VIEW] =
    g_param_spec_object ("column-view", NULL, NULL, GTK_TYPE_COLUMN_VIEW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL, CL_TYPE_EVENT_QUERY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PURPOSES_AFTER] =
    g_param_spec_object ("purposes-after", NULL, NULL, GTK_TYPE_COLUMN_VIEW_COLUMN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* "time", "subject", "policy", "method", "country", "url" or "purpose:KEY". */
  properties[PROP_SORT_COLUMN] =
    g_param_spec_string ("sort-column", NULL, NULL, sort_names[CL_EVENT_SORT_TIME],
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_DESCENDING] =
    g_param_spec_boolean ("sort-descending", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_records_columns_init (ClRecordsColumns *self)
{
  self->sortable_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->purpose_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  self->sort_column = g_strdup (sort_names[CL_EVENT_SORT_TIME]);
  self->sort_descending = TRUE;
  self->sort_menu = g_menu_new ();
}

ClRecordsColumns *
cl_records_columns_new (GtkColumnView       *view,
                        ClEventQuery        *query,
                        GtkColumnViewColumn *purposes_after)
{
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  g_return_val_if_fail (CL_IS_EVENT_QUERY (query), NULL);
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (purposes_after), NULL);

  return g_object_new (CL_TYPE_RECORDS_COLUMNS,
                       "column-view", view,
                       "query", query,
                       "purposes-after", purposes_after,
                       NULL);
}

void
cl_records_columns_add_sortable (ClRecordsColumns    *self,
                                 GtkColumnViewColumn *column,
                                 ClEventSort          sort)
{
  g_return_if_fail (CL_IS_RECORDS_COLUMNS (self));
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (sort != CL_EVENT_SORT_PURPOSE);

  set_probe_sorter (self, column, sort, NULL);
  g_ptr_array_add (self->sortable_columns, g_object_ref (column));
  if (sort == CL_EVENT_SORT_TIME)
    g_set_object (&self->time_column, column);
  update_sort_menu (self);
}

/* The column whose sort name is name, or NULL. */
static GtkColumnViewColumn *
column_sorting_by (ClRecordsColumns *self,
                   const char       *name)
{
  GPtrArray *lists[] = { self->sortable_columns, self->purpose_columns };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      if (g_strcmp0 (g_object_get_data (lists[l]->pdata[i], SORT_NAME_KEY), name) == 0)
        return lists[l]->pdata[i];
  return NULL;
}

/**
 * cl_records_columns_sort_by:
 * @self: the columns
 * @name: a sort name (see the sort-column property); an unknown one changes nothing
 * @descending: the order
 *
 * Sorts the view by a column as a header click would, with its arrow shown.
 */
void
cl_records_columns_sort_by (ClRecordsColumns *self,
                            const char       *name,
                            gboolean          descending)
{
  GtkColumnViewColumn *column;

  g_return_if_fail (CL_IS_RECORDS_COLUMNS (self));

  column = column_sorting_by (self, name);
  if (column == NULL)
    return;
  /* Set this way, GTK 4.8 leaves the arrow on the header sorted before. Unsorting first
   * clears it; the query hears of the new order only, and reloads once. */
  self->switching = TRUE;
  gtk_column_view_sort_by_column (self->view, NULL, GTK_SORT_ASCENDING);
  self->switching = FALSE;
  gtk_column_view_sort_by_column (self->view, column,
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

/* The menu of the columns to sort by; its items activate the page's records.sort-column. */
GMenuModel *
cl_records_columns_get_sort_menu (ClRecordsColumns *self)
{
  g_return_val_if_fail (CL_IS_RECORDS_COLUMNS (self), NULL);

  return G_MENU_MODEL (self->sort_menu);
}

void
cl_records_columns_sort_newest_first (ClRecordsColumns *self)
{
  g_return_if_fail (CL_IS_RECORDS_COLUMNS (self));
  g_return_if_fail (self->time_column != NULL);

  cl_records_columns_sort_by (self, sort_names[CL_EVENT_SORT_TIME], TRUE);
}

void
cl_records_columns_set_purposes (ClRecordsColumns *self,
                                 GListModel       *purposes)
{
  g_return_if_fail (CL_IS_RECORDS_COLUMNS (self));
  g_return_if_fail (purposes == NULL || G_IS_LIST_MODEL (purposes));

  remove_purpose_columns (self);
  if (purposes != NULL)
    add_purpose_columns (self, purposes);
  update_sort_menu (self);
  if (cl_event_query_get_sort (self->query) == CL_EVENT_SORT_PURPOSE)
    cl_records_columns_sort_newest_first (self);
}
