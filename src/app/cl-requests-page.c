/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-requests-page.c: the Requests page: the register of data-subject requests, open ones
 * first and the urgent ones standing out, with a detail pane and every step as a page action
 * (requests.*), so the buttons, the shortcuts and the tests take the same path. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-drop-down.h"
#include "cl-new-request-dialog.h"
#include "cl-prompt.h"
#include "cl-report-actions.h"
#include "cl-request-detail.h"
#include "cl-request-format.h"
#include "cl-requests-page.h"

struct _ClRequestsPage
{
  AdwBin              parent_instance;

  ClLedger           *ledger;
  GSettings          *settings;       /* which of the optional columns are shown */
  GListStore         *requests;       /* as the library orders them: open first, soonest due */
  GtkSortListModel   *sorted;         /* as shown: by the column the officer clicked, if any */
  char               *status_filter;  /* "all", "open" or a status name */
  char               *type_filter;    /* "all" or a type name */
  gboolean            overdue_only;
  char               *last_message;
  ClNewRequestDialog *new_dialog;     /* weak */

  /* template widgets */
  GtkDropDown        *status_filter_dropdown;
  GtkStringList      *status_list;
  GtkDropDown        *type_filter_dropdown;
  GtkStringList      *type_list;
  GtkLabel           *summary_label;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  GtkSingleSelection *selection;
  GtkColumnViewColumn *reference_column;
  GtkColumnViewColumn *days_left_column;
  GtkColumnViewColumn *due_column;
  GtkColumnViewColumn *subject_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *type_column;
  GtkColumnViewColumn *received_column;
  ClRequestDetail    *detail;
  ClReportActions    *report_actions;  /* in the detail pane (issue 6) */
};

G_DEFINE_FINAL_TYPE (ClRequestsPage, cl_requests_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LEDGER,
  PROP_STATUS_FILTER,
  PROP_TYPE_FILTER,
  PROP_OVERDUE_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The status drop-down: "all", "open", then each status in ClRequestStatus order. */
#define STATUS_FILTER_FIRST_STATUS 2

static void reload (ClRequestsPage *self);

static void
cl_requests_page_dispose (GObject *object)
{
  ClRequestsPage *self = CL_REQUESTS_PAGE (object);

  if (self->new_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->new_dialog));
  g_clear_object (&self->ledger);
  g_clear_object (&self->settings);
  g_clear_object (&self->requests);
  g_clear_object (&self->sorted);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_REQUESTS_PAGE);

  G_OBJECT_CLASS (cl_requests_page_parent_class)->dispose (object);
}

static void
cl_requests_page_finalize (GObject *object)
{
  ClRequestsPage *self = CL_REQUESTS_PAGE (object);

  g_free (self->status_filter);
  g_free (self->type_filter);
  g_free (self->last_message);

  G_OBJECT_CLASS (cl_requests_page_parent_class)->finalize (object);
}

static void
cl_requests_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ClRequestsPage *self = CL_REQUESTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEDGER:
      g_value_set_object (value, self->ledger);
      break;

    case PROP_STATUS_FILTER:
      g_value_set_string (value, self->status_filter);
      break;

    case PROP_TYPE_FILTER:
      g_value_set_string (value, self->type_filter);
      break;

    case PROP_OVERDUE_ONLY:
      g_value_set_boolean (value, self->overdue_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static guint
status_filter_index (const char *filter)
{
  ClRequestStatus status;

  if (g_strcmp0 (filter, "open") == 0)
    return 1;
  if (cl_request_status_from_string (filter, &status))
    return STATUS_FILTER_FIRST_STATUS + status;
  return 0;
}

static guint
type_filter_index (const char *filter)
{
  ClRequestType type;

  if (cl_request_type_from_string (filter, &type))
    return 1 + type;
  return 0;
}

static void
set_status_filter (ClRequestsPage *self,
                   const char     *filter)
{
  guint index = status_filter_index (filter);
  const char *canonical = index == 0 ? "all" : index == 1 ? "open"
    : cl_request_status_to_string ((ClRequestStatus) (index - STATUS_FILTER_FIRST_STATUS));

  if (g_strcmp0 (self->status_filter, canonical) == 0)
    return;
  g_free (self->status_filter);
  self->status_filter = g_strdup (canonical);
  if (gtk_drop_down_get_selected (self->status_filter_dropdown) != index)
    gtk_drop_down_set_selected (self->status_filter_dropdown, index);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_FILTER]);
}

static void
set_type_filter (ClRequestsPage *self,
                 const char     *filter)
{
  guint index = type_filter_index (filter);
  const char *canonical = index == 0 ? "all"
                                     : cl_request_type_to_string ((ClRequestType) (index - 1));

  if (g_strcmp0 (self->type_filter, canonical) == 0)
    return;
  g_free (self->type_filter);
  self->type_filter = g_strdup (canonical);
  if (gtk_drop_down_get_selected (self->type_filter_dropdown) != index)
    gtk_drop_down_set_selected (self->type_filter_dropdown, index);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPE_FILTER]);
}

static void
set_overdue_only (ClRequestsPage *self,
                  gboolean        overdue_only)
{
  overdue_only = !!overdue_only;
  if (self->overdue_only == overdue_only)
    return;
  self->overdue_only = overdue_only;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE_ONLY]);
}

static void
cl_requests_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ClRequestsPage *self = CL_REQUESTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEDGER:
      cl_requests_page_set_ledger (self, g_value_get_object (value));
      break;

    case PROP_STATUS_FILTER:
      set_status_filter (self, g_value_get_string (value));
      break;

    case PROP_TYPE_FILTER:
      set_type_filter (self, g_value_get_string (value));
      break;

    case PROP_OVERDUE_ONLY:
      set_overdue_only (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Messages                                                                                   */

static void
tell (ClRequestsPage *self,
      const char     *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_free (self->last_message);
  self->last_message = g_strdup (message);
  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (message);

      /* Refusals are sentences to read, not flashes. */
      adw_toast_set_timeout (toast, 8);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* The register                                                                               */

static ClRequest *
selected_request (ClRequestsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (ClRequestsPage *self)
{
  ClRequest *request = selected_request (self);
  ClRequestStatus status = request != NULL ? cl_request_get_status (request)
                                           : CL_REQUEST_STATUS_COMPLETED;
  gboolean open = request != NULL && cl_request_is_open (request);
  GtkWidget *widget = GTK_WIDGET (self);
  GDate limit;

  gtk_widget_action_set_enabled (widget, "requests.new", self->ledger != NULL);
  gtk_widget_action_set_enabled (widget, "requests.create", self->ledger != NULL);
  gtk_widget_action_set_enabled (widget, "requests.confirm-receipt",
                                 open && cl_request_get_receipt_confirmed (request) == NULL);
  gtk_widget_action_set_enabled (widget, "requests.start-verification",
                                 status == CL_REQUEST_STATUS_RECEIVED && request != NULL);
  gtk_widget_action_set_enabled (widget, "requests.verify",
                                 request != NULL && (status == CL_REQUEST_STATUS_RECEIVED
                                                     || status == CL_REQUEST_STATUS_VERIFYING));
  gtk_widget_action_set_enabled (widget, "requests.extend",
                                 request != NULL
                                 && cl_request_get_extension_limit (request, &limit));
  gtk_widget_action_set_enabled (widget, "requests.pause",
                                 open && status != CL_REQUEST_STATUS_PAUSED);
  gtk_widget_action_set_enabled (widget, "requests.resume", status == CL_REQUEST_STATUS_PAUSED);
  gtk_widget_action_set_enabled (widget, "requests.complete",
                                 status == CL_REQUEST_STATUS_IN_PROGRESS);
  gtk_widget_action_set_enabled (widget, "requests.reject",
                                 open && status != CL_REQUEST_STATUS_PAUSED);
  gtk_widget_action_set_enabled (widget, "requests.note", request != NULL);
}

static void
on_selection_changed (ClRequestsPage *self)
{
  cl_request_detail_set_request (self->detail, selected_request (self));
  cl_report_actions_set_request (self->report_actions, selected_request (self));
  update_actions (self);
}

static void
select_reference (ClRequestsPage *self,
                  const char     *reference)
{
  GListModel *shown = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (shown);

  for (guint i = 0; reference != NULL && i < n; i++)
    {
      g_autoptr(ClRequest) request = g_list_model_get_item (shown, i);

      if (g_ascii_strcasecmp (cl_request_get_reference (request), reference) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          /* The same position may hold a fresh snapshot: redraw the pane regardless. */
          on_selection_changed (self);
          return;
        }
    }
  /* The first one shown (unsorted: the most urgent), so the pane is never empty for nothing. */
  gtk_single_selection_set_selected (self->selection, n > 0 ? 0 : GTK_INVALID_LIST_POSITION);
  on_selection_changed (self);
}

static void
update_summary (ClRequestsPage *self,
                GListModel     *all)
{
  guint n_open = 0, n_overdue = 0, n_soon = 0, n_paused = 0;
  guint n = g_list_model_get_n_items (all);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClRequest) request = g_list_model_get_item (all, i);

      if (!cl_request_is_open (request))
        continue;
      n_open++;
      if (cl_request_get_status (request) == CL_REQUEST_STATUS_PAUSED)
        n_paused++;
      switch (cl_request_get_urgency (request))
        {
        case CL_URGENCY_OVERDUE:
          n_overdue++;
          break;
        case CL_URGENCY_DUE_SOON:
          n_soon++;
          break;
        case CL_URGENCY_OK:
        default:
          break;
        }
    }

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u open", "%u open", n_open),
                          n_open);
  if (n_overdue > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " · %u overdue",
                                               " · %u overdue", n_overdue), n_overdue);
  if (n_soon > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " · %u due within 7 days",
                                               " · %u due within 7 days", n_soon), n_soon);
  if (n_paused > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " · %u paused",
                                               " · %u paused", n_paused), n_paused);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " · %u in all", " · %u in all", n),
                          n);
  gtk_label_set_label (self->summary_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), TRUE);
}

static void
reload_selecting (ClRequestsPage *self,
                  const char     *reference)
{
  g_autoptr(GListStore) all = NULL;
  g_autoptr(GListStore) shown = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *keep = g_strdup (reference);
  ClRequestFilter filter = { 0 };
  ClRequestStatus status;
  ClRequestType type;

  if (keep == NULL && selected_request (self) != NULL)
    keep = g_strdup (cl_request_get_reference (selected_request (self)));

  if (self->ledger == NULL)
    {
      g_list_store_remove_all (self->requests);
      gtk_stack_set_visible_child_name (self->list_stack, "no-ledger");
      gtk_label_set_label (self->summary_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
      select_reference (self, NULL);
      return;
    }

  if (g_strcmp0 (self->status_filter, "open") == 0)
    filter.open_only = TRUE;
  else if (cl_request_status_from_string (self->status_filter, &status))
    filter.status_mask = 1u << status;
  if (cl_request_type_from_string (self->type_filter, &type))
    filter.type_mask = 1u << type;
  filter.overdue_only = self->overdue_only;

  all = cl_request_list (self->ledger, NULL, &error);
  if (all != NULL)
    shown = cl_request_list (self->ledger, &filter, &error);
  if (shown == NULL)
    {
      tell (self, error->message);
      return;
    }

  update_summary (self, G_LIST_MODEL (all));
  {
    guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->requests));
    guint n_new = g_list_model_get_n_items (G_LIST_MODEL (shown));
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < n_new; i++)
      g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (shown), i));
    g_list_store_splice (self->requests, 0, n_old, items->pdata, n_new);
  }

  if (g_list_model_get_n_items (G_LIST_MODEL (all)) == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (shown)) == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  select_reference (self, keep);
}

static void
reload (ClRequestsPage *self)
{
  reload_selecting (self, NULL);
}

/* A report, export or erasure finished (or was refused): its file or step is in the ledger. */
static void
on_report_done (ClRequestsPage *self,
                const char     *reference,
                const char     *message)
{
  tell (self, message);
  reload_selecting (self, reference);
}

/* Cells: one line each (GtkInscription), with an icon where the words need one. A reference, a
 * date, the clock's words ("72 days overdue", the column that must be read at a glance, in
 * every language), the status and the type are never cut; the subject takes the rest of the
 * width and gives way (ellipsized, whole in the tooltip) only when it is longer than that. */
static void
setup_text (GtkListItem *item,
            guint        min_chars,
            guint        nat_chars)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), nat_chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (item, inscription);
}

static void
setup_icon_text (GtkListItem *item,
                 guint        min_chars,
                 guint        nat_chars)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *image = gtk_image_new ();
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_hexpand (inscription, TRUE);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), nat_chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), inscription);
  gtk_list_item_set_child (item, box);
}

static void
setup_reference_cell (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  setup_text (item, 13, 13);
}

/* The width of the widest of texts in widget's font. */
static int
widest_text (GtkWidget          *widget,
             const char * const *texts,
             guint               n_texts)
{
  int widest = 0;

  g_assert (GTK_IS_WIDGET (widget));

  for (guint i = 0; i < n_texts; i++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, texts[i]);
      int width = 0;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  return widest;
}

/* A type or a status is never cut, and its column does not change width as rows of other
 * types scroll into view: the cell asks for the widest of the words it can hold (a width in
 * characters would ask for a fifth more than the words need, which the register does not
 * have beside the detail pane). Measured when bound, in the font the cell then has. */
static void
ask_for_widest (GtkListItem        *item,
                const char * const *texts,
                guint               n_texts)
{
  GtkWidget *inscription = gtk_list_item_get_child (item);

  gtk_widget_set_size_request (inscription, widest_text (inscription, texts, n_texts), -1);
}

static void
setup_type_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  setup_text (item, 0, 0);  /* the width: ask_for_widest */
}

static void
setup_status_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  setup_text (item, 0, 0);  /* the width: ask_for_widest */
}

static void
setup_date_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  setup_text (item, 6, 6);  /* set to the text's length when bound */
}

static void
setup_subject_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  setup_icon_text (item, 3, 22);
}

static void
setup_clock_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  /* As wide as its words when bound (bind_days_left). */
  setup_icon_text (item, 8, 16);
}

static GtkInscription *
icon_cell_text (GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  return GTK_INSCRIPTION (gtk_widget_get_last_child (box));
}

static GtkImage *
icon_cell_image (GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  return GTK_IMAGE (gtk_widget_get_first_child (box));
}

static void
set_text (GtkListItem *item,
          const char  *text)
{
  GtkWidget *inscription = gtk_list_item_get_child (item);

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  /* A narrow column cuts words: the whole text is a hover away. */
  gtk_widget_set_tooltip_text (inscription, text);
}

static void
bind_reference (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  set_text (item, cl_request_get_reference (gtk_list_item_get_item (item)));
}

static void
bind_type (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  ClRequest *request = gtk_list_item_get_item (item);
  const char *labels[CL_REQUEST_N_TYPES];

  for (guint i = 0; i < CL_REQUEST_N_TYPES; i++)
    labels[i] = cl_request_type_to_label ((ClRequestType) i);
  ask_for_widest (item, labels, G_N_ELEMENTS (labels));
  set_text (item, cl_request_type_to_label (cl_request_get_request_type (request)));
}

static void
bind_subject (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  ClRequest *request = gtk_list_item_get_item (item);
  const char *label = cl_request_get_subject_display (request);
  /* An erased subject is not a missing one: no warning. */
  gboolean erased = cl_request_get_subject_erased (request);
  gboolean found = cl_request_get_subject_id (request) != 0 || erased;
  GtkWidget *box = gtk_list_item_get_child (item);

  gtk_inscription_set_text (icon_cell_text (item), label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (icon_cell_text (item)),
                               erased ? _("The subject was erased; the request keeps its history")
                               : found ? label : NULL);
  gtk_image_set_from_icon_name (icon_cell_image (item), found ? NULL : "dialog-warning-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (icon_cell_image (item)), !found);
  if (erased)
    gtk_widget_add_css_class (box, "dim-label");
  else
    gtk_widget_remove_css_class (box, "dim-label");
  gtk_widget_set_tooltip_text (box, found ? NULL
                                          : _("No subject in the ledger has this identifier"));
}

static void
bind_status (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  ClRequest *request = gtk_list_item_get_item (item);
  const char *labels[CL_REQUEST_N_STATUSES];

  for (guint i = 0; i < CL_REQUEST_N_STATUSES; i++)
    labels[i] = cl_request_status_to_label ((ClRequestStatus) i);
  ask_for_widest (item, labels, G_N_ELEMENTS (labels));
  set_text (item, cl_request_status_to_label (cl_request_get_status (request)));
}

/* A date is never cut: the cell asks for the width of its text ("6 Oct", or "6 Oct 2025" from
 * another year), and the column for its widest. The tooltip has the day of the week. */
static void
set_date (GtkListItem *item,
          const GDate *date)
{
  GtkInscription *inscription = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  g_autofree char *text = cl_request_format_short_date (date);
  g_autofree char *long_date = cl_request_format_long_date (date);
  guint length = (guint) g_utf8_strlen (text, -1);

  gtk_inscription_set_text (inscription, text);
  gtk_inscription_set_min_chars (inscription, length);
  gtk_inscription_set_nat_chars (inscription, length);
  gtk_widget_set_tooltip_text (GTK_WIDGET (inscription), long_date);
}

static void
bind_received (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  set_date (item, cl_request_get_received (gtk_list_item_get_item (item)));
}

static void
bind_due (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  ClRequest *request = gtk_list_item_get_item (item);

  set_date (item, cl_request_get_due (request));
  cl_request_format_apply_css (gtk_list_item_get_child (item), request);
}

static void
bind_days_left (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  ClRequest *request = gtk_list_item_get_item (item);
  g_autofree char *text = cl_request_format_days_left_short (request);
  /* The due date too: its column is not shown at the default width. */
  g_autofree char *words = cl_request_format_clock_line (request);
  const char *icon = cl_request_format_clock_icon (request);
  GtkWidget *box = gtk_list_item_get_child (item);

  /* Never cut, like a date: the cell asks for its words' width, the column for its widest
   * (an inscription's character is wide enough for the bold face of an urgent request). */
  gtk_inscription_set_text (icon_cell_text (item), text);
  gtk_inscription_set_min_chars (icon_cell_text (item), (guint) g_utf8_strlen (text, -1));
  gtk_inscription_set_nat_chars (icon_cell_text (item), (guint) g_utf8_strlen (text, -1));
  gtk_image_set_from_icon_name (icon_cell_image (item), icon);
  gtk_widget_set_visible (GTK_WIDGET (icon_cell_image (item)), icon != NULL);
  gtk_widget_set_tooltip_text (box, words);
  cl_request_format_apply_css (box, request);
  if (!cl_request_is_open (request))
    gtk_widget_add_css_class (box, "dim-label");
  else
    gtk_widget_remove_css_class (box, "dim-label");
}

/* ------------------------------------------------------------------------------------------ */
/* Sorting by a column header                                                                 */

/* The register holds every request of the ledger (hundreds, not millions): a GtkSortListModel
 * over the loaded rows sorts them at once. With no column chosen it keeps the library's order
 * (open first, soonest due); its sort is stable, so rows that tie keep that order too. */

static int
compare_dates (const GDate *a,
               const GDate *b)
{
  gboolean a_valid = a != NULL && g_date_valid (a);
  gboolean b_valid = b != NULL && g_date_valid (b);

  if (!a_valid || !b_valid)
    return (int) b_valid - (int) a_valid;  /* no date last */
  return g_date_compare (a, b);
}

static GtkOrdering
to_ordering (int result)
{
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_reference (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  /* DSR-YYYY-NNNN: the text's order is the order of receipt numbering. */
  return to_ordering (g_ascii_strcasecmp (cl_request_get_reference ((ClRequest *) a),
                                          cl_request_get_reference ((ClRequest *) b)));
}

static int
compare_type (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  /* By the name shown, in the officer's language. */
  return to_ordering (g_utf8_collate (
    cl_request_type_to_label (cl_request_get_request_type ((ClRequest *) a)),
    cl_request_type_to_label (cl_request_get_request_type ((ClRequest *) b))));
}

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  /* The order of the workflow: received, verifying, in progress, paused, completed, rejected. */
  return to_ordering ((int) cl_request_get_status ((ClRequest *) a)
                      - (int) cl_request_get_status ((ClRequest *) b));
}

static int
compare_subject (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return to_ordering (g_utf8_collate (cl_request_get_subject_label ((ClRequest *) a),
                                      cl_request_get_subject_label ((ClRequest *) b)));
}

static int
compare_received (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return to_ordering (compare_dates (cl_request_get_received ((ClRequest *) a),
                                     cl_request_get_received ((ClRequest *) b)));
}

static int
compare_due (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  return to_ordering (compare_dates (cl_request_get_due ((ClRequest *) a),
                                     cl_request_get_due ((ClRequest *) b)));
}

static int
compare_days_left (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  ClRequest *x = (ClRequest *) a;
  ClRequest *y = (ClRequest *) b;
  gboolean x_open = cl_request_is_open (x);
  gboolean y_open = cl_request_is_open (y);

  /* A closed request has no clock: those come after the open ones (ascending). */
  if (x_open != y_open)
    return x_open ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  if (!x_open)
    return GTK_ORDERING_EQUAL;
  return to_ordering (cl_request_get_days_left (x) - cl_request_get_days_left (y));
}

static void
set_column_sorter (GtkColumnViewColumn *column,
                   GCompareDataFunc     compare)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare, NULL, NULL));

  gtk_column_view_column_set_sorter (column, sorter);
}

static void
on_status_filter_changed (ClRequestsPage *self)
{
  guint index = gtk_drop_down_get_selected (self->status_filter_dropdown);

  if (index == 0)
    set_status_filter (self, "all");
  else if (index == 1)
    set_status_filter (self, "open");
  else
    set_status_filter (self, cl_request_status_to_string ((ClRequestStatus)
                                                          (index - STATUS_FILTER_FIRST_STATUS)));
}

static void
on_type_filter_changed (ClRequestsPage *self)
{
  guint index = gtk_drop_down_get_selected (self->type_filter_dropdown);

  set_type_filter (self, index == 0 ? "all"
                                    : cl_request_type_to_string ((ClRequestType) (index - 1)));
}

/* ------------------------------------------------------------------------------------------ */
/* Steps                                                                                      */

/* Shows the outcome of a step: the fresh request, selected, or the ledger's sentence. */
static void
after_step (ClRequestsPage *self,
            ClRequest      *request,
            GError         *error,
            const char     *done)
{
  if (request == NULL)
    {
      tell (self, error->message);
      return;
    }
  reload_selecting (self, cl_request_get_reference (request));
  if (done != NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", cl_request_get_reference (request),
                                                  done);
      tell (self, message);
    }
}

static const char *
selected_reference (ClRequestsPage *self)
{
  ClRequest *request = selected_request (self);
  return request != NULL ? cl_request_get_reference (request) : NULL;
}

static void
on_created (ClRequestsPage *self,
            ClRequest      *request)
{
  if (cl_request_get_subject_id (request) == 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("%s registered. No subject in the ledger has the identifier given."),
                         cl_request_get_reference (request));
      tell (self, message);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("%s registered."),
                                                  cl_request_get_reference (request));
      tell (self, message);
    }
  /* Show it even if the filters would hide it. */
  set_status_filter (self, "all");
  set_type_filter (self, "all");
  set_overdue_only (self, FALSE);
  reload_selecting (self, cl_request_get_reference (request));
}

static void
new_request (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClRequestsPage *self = CL_REQUESTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->ledger == NULL)
    return;
  if (self->new_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->new_dialog));
      return;
    }
  self->new_dialog = cl_new_request_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                self->ledger);
  g_object_add_weak_pointer (G_OBJECT (self->new_dialog), (gpointer *) &self->new_dialog);
  g_signal_connect_object (self->new_dialog, "created", G_CALLBACK (on_created), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->new_dialog));
}

/* requests.create (type, subject, received or "" for today, jurisdiction): what the dialog
 * does, for scripts of the page and tests. */
static void
create_request (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ClRequestsPage *self = CL_REQUESTS_PAGE (widget);
  g_autoptr(ClRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  const char *type_text, *subject, *received_text, *jurisdiction_text;
  ClRequestType type;
  ClJurisdiction jurisdiction;
  GDate received;

  g_variant_get (parameter, "(&s&s&s&s)", &type_text, &subject, &received_text,
                 &jurisdiction_text);
  if (!cl_request_type_from_string (type_text, &type)
      || !cl_jurisdiction_from_string (jurisdiction_text, &jurisdiction)
      || (received_text[0] != '\0' && !cl_request_parse_date (received_text, &received)))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot create a request of type “%s” under "
                                                    "“%s” received “%s”."),
                                                  type_text, jurisdiction_text, received_text);
      tell (self, message);
      return;
    }
  request = cl_request_create (self->ledger, type, subject, jurisdiction,
                               received_text[0] != '\0' ? &received : NULL, &error);
  if (request == NULL)
    tell (self, error->message);
  else
    on_created (self, request);
}

static void
confirm_receipt (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ClRequestsPage *self = CL_REQUESTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRequest) request = cl_request_confirm_receipt (self->ledger,
                                                             selected_reference (self), &error);

  after_step (self, request, error, _("receipt confirmed to the subject."));
}

static void
start_verification (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ClRequestsPage *self = CL_REQUESTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRequest) request = cl_request_start_verification (self->ledger,
                                                                selected_reference (self),
                                                                &error);

  after_step (self, request, error, _("waiting for proof of identity."));
}

static void
do_verify (GtkWidget  *widget,
           const char *method,
           const char *unused)
{
  ClRequestsPage *self = CL_REQUESTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRequest) request = NULL;

  if (selected_reference (self) == NULL)
    return;
  request = cl_request_verify (self->ledger, selected_reference (self), method, &error);
  after_step (self, request, error, _("identity verified; the request is in progress."));
}

static void
verify (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  const char *method = g_variant_get_string (parameter, NULL);
  ClRequestsPage *self = CL_REQUESTS_PAGE (widget);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (method[0] != '\0')
    {
      do_verify (widget, method, NULL);
      return;
    }
  if (selected_reference (self) == NULL)
    return;
  heading = g_strdup_printf (_("Verify Identity for %s"), selected_reference (self));
  dialog = cl_prompt_new (widget, heading,
                          _("How was the subject’s identity verified? This is kept with the "
                            "request as the proof that the answer went to the right person."),
                          _("_Verify"), FALSE, do_verify);
  cl_prompt_add_entry (dialog, _("For example: replied from the e-mail address on file"), NULL,
                       TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
do_extend (GtkWidget  *widget,
           const char *reason,
           const char *until_text)
{
  ClRequestsPage *self = CL_REQUESTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRequest) request = NULL;
  g_autofree char *until_trimmed = g_strstrip (g_strdup (until_text != NULL ? until_text : ""));
  GDate until;

  if (selected_reference (self) == NULL)
    return;
  if (until_trimmed[0] != '\0' && !cl_request_parse_date (until_trimmed, &until))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date: write it as "
                                                    "YYYY-MM-DD."), until_trimmed);
      tell (self, message);
      return;
    }
  request = cl_request_extend (self->ledger, selected_reference (self), reason,
                               until_trimmed[0] != '\0' ? &until : NULL, &error);
  if (request != NULL)
    {
      g_autofree char *due = cl_request_format_long_date (cl_request_get_due (request));
      g_autofree char *done = g_strdup_printf (_("extended; now due %s. Tell the subject why."),
                                               due);
      after_step (self, request, NULL, done);
    }
  else
    after_step (self, NULL, error, NULL);
}

static void
extend (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  ClRequestsPage *self = CL_REQUESTS_PAGE (widget);
  const char *reason, *until;
  g_autofree char *body = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GDate limit;

  g_variant_get (parameter, "(&s&s)", &reason, &until);
  if (reason[0] != '\0')
    {
      do_extend (widget, reason, until);
      return;
    }
  if (selected_request (self) == NULL
      || !cl_request_get_extension_limit (selected_request (self), &limit))
    return;
  limit_text = cl_request_format_long_date (&limit);
  body = g_strdup_printf (_("The law allows one extension, up to %s, and the subject must be "
                            "told of it, with the reason, before the first period ends. Leave "
                            "the date empty for the longest extension."), limit_text);
  heading = g_strdup_printf (_("Extend %s?"), selected_reference (self));
  dialog = cl_prompt_new (widget, heading, body, _("_Extend"), FALSE,
                          do_extend);
  cl_prompt_add_entry (dialog, _("Reason, as told to the subject"), NULL, TRUE);
  cl_prompt_add_entry (dialog, _("New due date (YYYY-MM-DD), optional"), NULL, FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
do_pause (GtkWidget  *widget,
          const char *reason,
          const char *unused)
{
  ClRequestsPage *self = CL_REQUESTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRequest) request = NULL;

  if (selected_reference (self) == NULL)
    return;
  request = cl_request_pause (self->ledger, selected_reference (self),
                              reason != NULL && reason[0] != '\0' ? reason : NULL, &error);
  after_step (self, request, error, _("clock paused while waiting for the subject."));
}

static void
pause_clock (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  const char *reason = g_variant_get_string (parameter, NULL);
  ClRequestsPage *self = CL_REQUESTS_PAGE (widget);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (reason[0] != '\0')
    {
      do_pause (widget, reason, NULL);
      return;
    }
  if (selected_reference (self) == NULL)
    return;
  heading = g_strdup_printf (_("Pause the Clock of %s?"), selected_reference (self));
  dialog = cl_prompt_new (widget, heading,
                          _("While the request waits for the subject (proof of identity, a "
                            "clarification), the days do not count: each day paused moves the "
                            "due date by a day."),
                          _("_Pause"), FALSE, do_pause);
  cl_prompt_add_entry (dialog, _("What the subject was asked for (optional)"), NULL, FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
resume_clock (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ClRequestsPage *self = CL_REQUESTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRequest) request = cl_request_resume (self->ledger, selected_reference (self),
                                                    &error);

  if (request != NULL)
    {
      g_autofree char *due = cl_request_format_long_date (cl_request_get_due (request));
      g_autofree char *done = g_strdup_printf (_("clock restarted; now due %s."), due);
      after_step (self, request, NULL, done);
    }
  else
    after_step (self, NULL, error, NULL);
}

static void
do_complete (GtkWidget  *widget,
             const char *resolution,
             const char *unused)
{
  ClRequestsPage *self = CL_REQUESTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRequest) request = NULL;

  if (selected_reference (self) == NULL)
    return;
  request = cl_request_complete (self->ledger, selected_reference (self),
                                 resolution != NULL && resolution[0] != '\0' ? resolution : NULL,
                                 &error);
  after_step (self, request, error, _("completed."));
}

static void
complete (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  const char *resolution = g_variant_get_string (parameter, NULL);
  ClRequestsPage *self = CL_REQUESTS_PAGE (widget);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (resolution[0] != '\0')
    {
      do_complete (widget, resolution, NULL);
      return;
    }
  if (selected_reference (self) == NULL)
    return;
  heading = g_strdup_printf (_("Complete %s?"), selected_reference (self));
  dialog = cl_prompt_new (widget, heading,
                          _("Record what was done, for example how the answer was sent. A "
                            "completed request cannot be changed."),
                          _("_Complete"), FALSE, do_complete);
  cl_prompt_add_entry (dialog, _("What was done (optional)"), NULL, FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
do_reject (GtkWidget  *widget,
           const char *reason,
           const char *unused)
{
  ClRequestsPage *self = CL_REQUESTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRequest) request = NULL;

  if (selected_reference (self) == NULL)
    return;
  request = cl_request_reject (self->ledger, selected_reference (self), reason, &error);
  after_step (self, request, error, _("rejected. Tell the subject the reason and their right to "
                                      "complain to the supervisory authority."));
}

static void
reject (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  const char *reason = g_variant_get_string (parameter, NULL);
  ClRequestsPage *self = CL_REQUESTS_PAGE (widget);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (reason[0] != '\0')
    {
      do_reject (widget, reason, NULL);
      return;
    }
  if (selected_reference (self) == NULL)
    return;
  heading = g_strdup_printf (_("Reject %s?"), selected_reference (self));
  dialog = cl_prompt_new (widget, heading,
                          _("The subject must be told why, and that they may complain to a "
                            "supervisory authority. A rejected request cannot be reopened."),
                          _("_Reject Request"), TRUE, do_reject);
  cl_prompt_add_entry (dialog, _("Reason, as told to the subject"), NULL, TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
do_note (GtkWidget  *widget,
         const char *text,
         const char *unused)
{
  ClRequestsPage *self = CL_REQUESTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRequest) request = NULL;

  if (selected_reference (self) == NULL)
    return;
  request = cl_request_add_note (self->ledger, selected_reference (self), text, &error);
  after_step (self, request, error, NULL);
}

static void
note (GtkWidget  *widget,
      const char *action_name,
      GVariant   *parameter)
{
  const char *text = g_variant_get_string (parameter, NULL);
  ClRequestsPage *self = CL_REQUESTS_PAGE (widget);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (text[0] != '\0')
    {
      do_note (widget, text, NULL);
      return;
    }
  if (selected_reference (self) == NULL)
    return;
  heading = g_strdup_printf (_("Add a Note to %s"), selected_reference (self));
  dialog = cl_prompt_new (widget, heading, NULL, _("_Add Note"), FALSE, do_note);
  cl_prompt_add_entry (dialog, _("Note"), NULL, TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClRequestsPage *self = CL_REQUESTS_PAGE (widget);
  const char *reference = g_variant_get_string (parameter, NULL);

  /* Another page may point at a request the filters hide. */
  set_status_filter (self, "all");
  set_type_filter (self, "all");
  set_overdue_only (self, FALSE);
  reload_selecting (self, reference);
}

static void
refresh (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  reload (CL_REQUESTS_PAGE (widget));
}

static void
clear_filters (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClRequestsPage *self = CL_REQUESTS_PAGE (widget);

  set_status_filter (self, "all");
  set_type_filter (self, "all");
  set_overdue_only (self, FALSE);
}

/* The register may have changed behind the window's back (consentctl, another window). */
static void
on_map (ClRequestsPage *self)
{
  reload (self);
}

static void
cl_requests_page_class_init (ClRequestsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_requests_page_dispose;
  object_class->finalize = cl_requests_page_finalize;
  object_class->get_property = cl_requests_page_get_property;
  object_class->set_property = cl_requests_page_set_property;

  properties[PROP_LEDGER] =
    g_param_spec_object ("ledger", NULL, NULL, CL_TYPE_LEDGER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "all", "open" or a status name (received, verifying, in_progress, paused, …). */
  properties[PROP_STATUS_FILTER] =
    g_param_spec_string ("status-filter", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "all" or a type name (access, erasure, …). */
  properties[PROP_TYPE_FILTER] =
    g_param_spec_string ("type-filter", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERDUE_ONLY] =
    g_param_spec_boolean ("overdue-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CL_TYPE_REQUEST_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-requests-page.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "status_filter", FALSE,
                                             G_STRUCT_OFFSET (ClRequestsPage,
                                                              status_filter_dropdown));
  gtk_widget_class_bind_template_child_full (widget_class, "type_filter", FALSE,
                                             G_STRUCT_OFFSET (ClRequestsPage,
                                                              type_filter_dropdown));
  gtk_widget_class_bind_template_child (widget_class, ClRequestsPage, status_list);
  gtk_widget_class_bind_template_child (widget_class, ClRequestsPage, type_list);
  gtk_widget_class_bind_template_child (widget_class, ClRequestsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ClRequestsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ClRequestsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ClRequestsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, ClRequestsPage, reference_column);
  gtk_widget_class_bind_template_child (widget_class, ClRequestsPage, days_left_column);
  gtk_widget_class_bind_template_child (widget_class, ClRequestsPage, due_column);
  gtk_widget_class_bind_template_child (widget_class, ClRequestsPage, subject_column);
  gtk_widget_class_bind_template_child (widget_class, ClRequestsPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, ClRequestsPage, type_column);
  gtk_widget_class_bind_template_child (widget_class, ClRequestsPage, received_column);
  gtk_widget_class_bind_template_child (widget_class, ClRequestsPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_status_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_type_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, setup_reference_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_type_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_status_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_date_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_subject_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_clock_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_reference);
  gtk_widget_class_bind_template_callback (widget_class, bind_type);
  gtk_widget_class_bind_template_callback (widget_class, bind_subject);
  gtk_widget_class_bind_template_callback (widget_class, bind_status);
  gtk_widget_class_bind_template_callback (widget_class, bind_received);
  gtk_widget_class_bind_template_callback (widget_class, bind_due);
  gtk_widget_class_bind_template_callback (widget_class, bind_days_left);

  gtk_widget_class_install_action (widget_class, "requests.new", NULL, new_request);
  gtk_widget_class_install_action (widget_class, "requests.create", "(ssss)", create_request);
  gtk_widget_class_install_action (widget_class, "requests.confirm-receipt", NULL,
                                   confirm_receipt);
  gtk_widget_class_install_action (widget_class, "requests.start-verification", NULL,
                                   start_verification);
  /* An empty text asks for it in a dialog. */
  gtk_widget_class_install_action (widget_class, "requests.verify", "s", verify);
  gtk_widget_class_install_action (widget_class, "requests.extend", "(ss)", extend);
  gtk_widget_class_install_action (widget_class, "requests.pause", "s", pause_clock);
  gtk_widget_class_install_action (widget_class, "requests.resume", NULL, resume_clock);
  gtk_widget_class_install_action (widget_class, "requests.complete", "s", complete);
  gtk_widget_class_install_action (widget_class, "requests.reject", "s", reject);
  gtk_widget_class_install_action (widget_class, "requests.note", "s", note);
  gtk_widget_class_install_action (widget_class, "requests.select", "s", select_action);
  gtk_widget_class_install_action (widget_class, "requests.refresh", NULL, refresh);
  gtk_widget_class_install_action (widget_class, "requests.clear-filters", NULL, clear_filters);
  gtk_widget_class_install_property_action (widget_class, "requests.overdue-only",
                                            "overdue-only");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "requests.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "requests.refresh", NULL);
}

static void
cl_requests_page_init (ClRequestsPage *self)
{
  self->requests = g_list_store_new (CL_TYPE_REQUEST);
  self->status_filter = g_strdup ("all");
  self->type_filter = g_strdup ("all");

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (self->status_list, _("All Statuses"));
  gtk_string_list_append (self->status_list, _("Open"));
  for (guint i = 0; i < CL_REQUEST_N_STATUSES; i++)
    gtk_string_list_append (self->status_list, cl_request_status_to_label ((ClRequestStatus) i));
  gtk_string_list_append (self->type_list, _("All Types"));
  for (guint i = 0; i < CL_REQUEST_N_TYPES; i++)
    gtk_string_list_append (self->type_list, cl_request_type_to_label ((ClRequestType) i));

  set_column_sorter (self->reference_column, compare_reference);
  set_column_sorter (self->days_left_column, compare_days_left);
  set_column_sorter (self->due_column, compare_due);
  set_column_sorter (self->subject_column, compare_subject);
  set_column_sorter (self->status_column, compare_status);
  set_column_sorter (self->type_column, compare_type);
  set_column_sorter (self->received_column, compare_received);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->requests)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->sorted));
  {
    GtkBox *report_box = cl_request_detail_get_report_box (self->detail);

    self->report_actions = cl_report_actions_new ();
    gtk_box_append (report_box, GTK_WIDGET (self->report_actions));
    gtk_widget_set_visible (GTK_WIDGET (report_box), TRUE);
    g_signal_connect_object (self->report_actions, "done", G_CALLBACK (on_report_done), self,
                             G_CONNECT_SWAPPED);
  }
  {
    /* register.show-reference …: the header menu's toggles for the columns hidden at first,
     * remembered from one run to the next. */
    g_autoptr(GSimpleActionGroup) columns = g_simple_action_group_new ();
    struct { const char *name, *key; GtkColumnViewColumn *column; } optional[] = {
      { "show-reference", "requests-show-reference", self->reference_column },
      { "show-due", "requests-show-due", self->due_column },
      { "show-received", "requests-show-received", self->received_column },
    };

    self->settings = g_settings_new (APP_ID);
    for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
      {
        g_autoptr(GPropertyAction) action = g_property_action_new (optional[i].name,
                                                                   optional[i].column,
                                                                   "visible");
        g_settings_bind (self->settings, optional[i].key, optional[i].column, "visible",
                         G_SETTINGS_BIND_DEFAULT);
        g_action_map_add_action (G_ACTION_MAP (columns), G_ACTION (action));
      }
    gtk_widget_insert_action_group (GTK_WIDGET (self), "register", G_ACTION_GROUP (columns));
  }
  cl_drop_down_setup (self->status_filter_dropdown, 12, _("Status"));
  cl_drop_down_setup (self->type_filter_dropdown, 12, _("Type"));
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  reload (self);
}

void
cl_requests_page_set_ledger (ClRequestsPage *self,
                             ClLedger       *ledger)
{
  g_return_if_fail (CL_IS_REQUESTS_PAGE (self));
  g_return_if_fail (ledger == NULL || CL_IS_LEDGER (ledger));

  if (!g_set_object (&self->ledger, ledger))
    return;
  cl_report_actions_set_ledger (self->report_actions, ledger);
  if (self->new_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->new_dialog));
  reload_selecting (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEDGER]);
}

ClLedger *
cl_requests_page_get_ledger (ClRequestsPage *self)
{
  g_return_val_if_fail (CL_IS_REQUESTS_PAGE (self), NULL);
  return self->ledger;
}

void
cl_requests_page_reload (ClRequestsPage *self)
{
  g_return_if_fail (CL_IS_REQUESTS_PAGE (self));
  reload (self);
}

GListModel *
cl_requests_page_get_model (ClRequestsPage *self)
{
  g_return_val_if_fail (CL_IS_REQUESTS_PAGE (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

ClRequest *
cl_requests_page_get_selected (ClRequestsPage *self)
{
  g_return_val_if_fail (CL_IS_REQUESTS_PAGE (self), NULL);
  return selected_request (self);
}

ClRequestDetail *
cl_requests_page_get_detail (ClRequestsPage *self)
{
  g_return_val_if_fail (CL_IS_REQUESTS_PAGE (self), NULL);
  return self->detail;
}

ClReportActions *
cl_requests_page_get_report_actions (ClRequestsPage *self)
{
  g_return_val_if_fail (CL_IS_REQUESTS_PAGE (self), NULL);
  return self->report_actions;
}

ClNewRequestDialog *
cl_requests_page_get_new_request_dialog (ClRequestsPage *self)
{
  g_return_val_if_fail (CL_IS_REQUESTS_PAGE (self), NULL);
  return self->new_dialog;
}

const char *
cl_requests_page_get_last_message (ClRequestsPage *self)
{
  g_return_val_if_fail (CL_IS_REQUESTS_PAGE (self), NULL);
  return self->last_message;
}
