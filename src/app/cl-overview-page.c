/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-overview-page.c: the state of consent at a glance. The numbers are computed in a worker
 * thread on its own connection; the page shows the last numbers with a spinner meanwhile. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-bar-chart.h"
#include "cl-dashboard-stats.h"
#include "cl-format.h"
#include "cl-overview-page.h"
#include "cl-share-chart.h"

/* Counting again when the page is shown, unless it was just done. */
#define FRESH_USEC (2 * G_USEC_PER_SEC)

struct _ClOverviewPage
{
  AdwBin            parent_instance;

  ClLedger         *ledger;
  ClDashboardStats *stats;
  GCancellable     *cancellable;
  gint64            computed_at;  /* monotonic µs of the last result */
  gboolean          busy;

  /* template widgets */
  GtkStack         *stack;
  GtkSpinner       *loading_spinner;
  AdwStatusPage    *empty_page;
  GtkLabel         *updated_label;
  GtkSpinner       *spinner;
  GtkLabel         *subjects_value;
  GtkLabel         *events_value;
  GtkLabel         *events_caption;
  GtkButton        *reconsent_card;
  GtkButton        *requests_card;
  GtkLabel         *reconsent_value;
  GtkLabel         *reconsent_caption;
  GtkLabel         *requests_value;
  GtkLabel         *requests_caption;
  ClBarChart       *weeks_chart;
  GtkLabel         *weeks_summary;
  ClShareChart     *purposes_chart;
  GtkLabel         *purposes_summary;
  ClShareChart     *methods_chart;
  GtkLabel         *methods_summary;
};

G_DEFINE_FINAL_TYPE (ClOverviewPage, cl_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LEDGER,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (ClOverviewPage *self);

static void
cl_overview_page_dispose (GObject *object)
{
  ClOverviewPage *self = CL_OVERVIEW_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->ledger);
  g_clear_pointer (&self->stats, cl_dashboard_stats_free);
  /* The stack is both the bin's child and a template child: let the bin drop it first, or it
   * would unparent a stack the template already disposed. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (cl_overview_page_parent_class)->dispose (object);
}

static void
cl_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ClOverviewPage *self = CL_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEDGER:
      g_value_set_object (value, self->ledger);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ClOverviewPage *self = CL_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEDGER:
      cl_overview_page_set_ledger (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static char *
format_percent (guint64 part,
                guint64 whole)
{
  if (whole == 0)
    return g_strdup ("0%");
  if (part > 0 && part * 100 < whole)
    return g_strdup ("<1%");
  return g_strdup_printf ("%.0f%%", 100.0 * part / whole);
}

static const char *
method_label (guint method)
{
  switch (method)
    {
    case 0: return _("Accept all");
    case 1: return _("Reject all");
    case 2: return _("Custom choice");
    case 3: return _("Withdrawal");
    case 4: return _("Browser signal (GPC)");
    default: return "";
    }
}

static void
set_summary (GtkWidget  *chart,
             GtkLabel   *label,
             const char *summary)
{
  gtk_label_set_text (label, summary);
  /* The chart is an image to assistive technologies: the summary is what it says. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  summary, -1);
}

static void
show_cards (ClOverviewPage *self)
{
  const ClDashboardStats *stats = self->stats;
  guint64 reconsent = stats->reconsent_policy + stats->reconsent_age;
  g_autofree char *subjects = cl_format_count (stats->n_subjects);
  g_autofree char *events = cl_format_count (stats->n_events);
  g_autofree char *since = cl_format_date (stats->first_event_ms);
  g_autofree char *events_caption = NULL;
  g_autofree char *reconsent_text = cl_format_count (reconsent);
  g_autofree char *open = cl_format_count (stats->requests_open);
  g_autoptr(GString) reconsent_caption = g_string_new (NULL);
  g_autoptr(GString) requests_caption = g_string_new (NULL);

  gtk_label_set_text (self->subjects_value, subjects);
  gtk_label_set_text (self->events_value, events);
  events_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "consent event since %s",
                                                 "consent events since %s", stats->n_events),
                                    since);
  gtk_label_set_text (self->events_caption, events_caption);

  gtk_label_set_text (self->reconsent_value, reconsent_text);
  g_string_append (reconsent_caption,
                   g_dngettext (GETTEXT_PACKAGE, "must be asked again", "must be asked again",
                                reconsent));
  if (stats->significant_version != NULL && stats->reconsent_policy > 0)
    {
      g_autofree char *n = cl_format_count (stats->reconsent_policy);
      g_string_append_printf (reconsent_caption, _(": %s under versions before %s"), n,
                              stats->significant_version);
    }
  if (stats->reconsent_age > 0)
    {
      g_autofree char *n = cl_format_count (stats->reconsent_age);
      g_string_append_printf (reconsent_caption,
                              stats->significant_version != NULL && stats->reconsent_policy > 0
                              ? _(", %s older than %d months") : _(": %s older than %d months"),
                              n, stats->reconsent_age_months);
    }
  gtk_label_set_text (self->reconsent_caption, reconsent_caption->str);
  {
    /* The card is a button: its name is what it says. */
    g_autofree char *name = g_strdup_printf ("%s %s", reconsent_text, reconsent_caption->str);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->reconsent_card),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  if (reconsent > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->reconsent_value), "due-soon");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->reconsent_value), "due-soon");

  gtk_label_set_text (self->requests_value, open);
  g_string_append (requests_caption,
                   g_dngettext (GETTEXT_PACKAGE, "open request", "open requests",
                                stats->requests_open));
  if (stats->requests_overdue > 0)
    {
      g_autofree char *n = cl_format_count (stats->requests_overdue);
      g_string_append_printf (requests_caption, _(", %s overdue"), n);
    }
  if (stats->requests_due_soon > 0)
    {
      g_autofree char *n = cl_format_count (stats->requests_due_soon);
      g_string_append_printf (requests_caption, _(", %s due within 7 days"), n);
    }
  gtk_label_set_text (self->requests_caption, requests_caption->str);
  {
    g_autofree char *name = g_strdup_printf ("%s %s", open, requests_caption->str);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->requests_card),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  gtk_widget_remove_css_class (GTK_WIDGET (self->requests_value), "overdue");
  gtk_widget_remove_css_class (GTK_WIDGET (self->requests_value), "due-soon");
  if (stats->requests_overdue > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->requests_value), "overdue");
  else if (stats->requests_due_soon > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->requests_value), "due-soon");
}

static void
show_weeks (ClOverviewPage *self)
{
  const ClDashboardStats *stats = self->stats;
  guint n = stats->weeks->len;
  g_autofree guint64 *values = g_new0 (guint64, MAX (n, 1));
  g_autoptr(GPtrArray) tooltips = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) axis = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;
  guint busiest = 0;
  guint64 total = 0;

  for (guint i = 0; i < n; i++)
    {
      const ClWeekCount *week = &g_array_index (stats->weeks, ClWeekCount, i);
      g_autofree char *date = cl_format_date (week->week_start_ms);
      g_autofree char *count = cl_format_count (week->n_events);

      values[i] = week->n_events;
      total += week->n_events;
      if (week->n_events > values[busiest])
        busiest = i;
      g_ptr_array_add (tooltips,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Week of %s: %s event",
                                                     "Week of %s: %s events", week->n_events),
                                        date, count));
    }
  if (n > 0)
    {
      const ClWeekCount *first = &g_array_index (stats->weeks, ClWeekCount, 0);
      const ClWeekCount *middle = &g_array_index (stats->weeks, ClWeekCount, n / 2);
      const ClWeekCount *last = &g_array_index (stats->weeks, ClWeekCount, n - 1);
      const ClWeekCount *peak = &g_array_index (stats->weeks, ClWeekCount, busiest);
      g_autofree char *from = cl_format_date (first->week_start_ms);
      g_autofree char *to = cl_format_date (last->week_start_ms);
      g_autofree char *peak_date = cl_format_date (peak->week_start_ms);
      g_autofree char *peak_count = cl_format_count (peak->n_events);
      g_autofree char *total_text = cl_format_count (total);

      g_ptr_array_add (axis, cl_format_date (first->week_start_ms));
      g_ptr_array_add (axis, cl_format_date (middle->week_start_ms));
      g_ptr_array_add (axis, cl_format_date (last->week_start_ms));
      g_ptr_array_add (axis, NULL);
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The %u week up to the latest event (week of %s to "
                                              "week of %s): %s events; the busiest was the week "
                                              "of %s with %s.",
                                              "The %u weeks up to the latest event (week of %s to "
                                              "week of %s): %s events; the busiest was the week "
                                              "of %s with %s.", n),
                                 n, from, to, total_text, peak_date, peak_count);
    }
  else
    summary = g_strdup (_("No events."));

  cl_bar_chart_set_bars (self->weeks_chart, values, (const char * const *) tooltips->pdata,
                         n > 0 ? (const char * const *) axis->pdata : NULL, n);
  set_summary (GTK_WIDGET (self->weeks_chart), self->weeks_summary, summary);
}

static void
show_purposes (ClOverviewPage *self)
{
  const ClDashboardStats *stats = self->stats;
  const char *names[] = { _("Granted"), _("Denied"), _("Not asked") };
  const ClChartColor colors[] = { CL_CHART_COLOR_GOOD, CL_CHART_COLOR_BAD, CL_CHART_COLOR_NEUTRAL };
  g_autofree char *subjects = cl_format_count (stats->n_subjects);
  g_autoptr(GString) summary = g_string_new (NULL);

  cl_share_chart_set_segments (self->purposes_chart, TRUE, names, colors, G_N_ELEMENTS (names));
  g_string_printf (summary, g_dngettext (GETTEXT_PACKAGE,
                                         "Current choice of %s subject, by refusable purpose",
                                         "Current choices of %s subjects, by refusable purpose",
                                         stats->n_subjects), subjects);
  for (guint i = 0; i < stats->purposes->len; i++)
    {
      const ClPurposeShare *share = &g_array_index (stats->purposes, ClPurposeShare, i);
      guint64 values[] = { share->granted, share->denied, share->not_asked };
      g_autofree char *granted = format_percent (share->granted, stats->n_subjects);
      g_autofree char *denied = format_percent (share->denied, stats->n_subjects);
      g_autofree char *not_asked = format_percent (share->not_asked, stats->n_subjects);

      cl_share_chart_add_row (self->purposes_chart, share->name, values);
      g_string_append_printf (summary, _("%s %s: %s granted, %s denied, %s not asked"),
                              i == 0 ? ":" : ";", share->name, granted, denied, not_asked);
    }
  if (stats->purposes->len == 0)
    g_string_append (summary, _(": no purpose can be refused"));
  g_string_append_c (summary, '.');
  set_summary (GTK_WIDGET (self->purposes_chart), self->purposes_summary, summary->str);
}

static void
show_methods (ClOverviewPage *self)
{
  const ClDashboardStats *stats = self->stats;
  const char *names[CL_DASHBOARD_N_METHODS];
  const ClChartColor colors[CL_DASHBOARD_N_METHODS] = {
    CL_CHART_COLOR_GOOD, CL_CHART_COLOR_BAD, CL_CHART_COLOR_ACCENT, CL_CHART_COLOR_WARNING,
    CL_CHART_COLOR_PURPLE,
  };
  g_autofree char *subjects = cl_format_count (stats->n_subjects);
  g_autoptr(GString) summary = g_string_new (NULL);

  for (guint i = 0; i < CL_DASHBOARD_N_METHODS; i++)
    names[i] = method_label (i);
  cl_share_chart_set_segments (self->methods_chart, FALSE, names, colors, CL_DASHBOARD_N_METHODS);
  g_string_printf (summary, g_dngettext (GETTEXT_PACKAGE,
                                         "How the current choice of %s subject was made",
                                         "How the current choices of %s subjects were made",
                                         stats->n_subjects), subjects);
  for (guint i = 0; i < CL_DASHBOARD_N_METHODS; i++)
    {
      g_autofree char *percent = format_percent (stats->methods[i], stats->n_subjects);
      g_autofree char *count = cl_format_count (stats->methods[i]);

      cl_share_chart_add_row (self->methods_chart, names[i], &stats->methods[i]);
      g_string_append_printf (summary, _("%s %s %s (%s)"), i == 0 ? ":" : ",", names[i], percent,
                              count);
    }
  g_string_append_c (summary, '.');
  set_summary (GTK_WIDGET (self->methods_chart), self->methods_summary, summary->str);
}

static void
show_stats (ClOverviewPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M");
  g_autofree char *updated = NULL;

  if (self->stats->n_events == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Consent Events Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Import a consent log on the Consent Records page, or "
                                         "with “consentctl import consents”, to see the state of "
                                         "consent here."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  updated = g_strdup_printf (_("Counted at %s"), time);
  gtk_label_set_text (self->updated_label, updated);
  show_cards (self);
  show_weeks (self);
  show_purposes (self);
  show_methods (self);
  gtk_stack_set_visible_child_name (self->stack, "stats");
}

static void
set_busy (ClOverviewPage *self,
          gboolean        busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_spinner_set_spinning (self->loading_spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
compute_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(ClLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  ClDashboardStats *stats;

  /* Its own connection: SQLite connections are not shared between threads here. */
  ledger = cl_ledger_open (path, &error);
  if (ledger == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  stats = cl_dashboard_stats_compute (ledger, g_get_real_time () / 1000, cancellable, &error);
  if (stats == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, stats, (GDestroyNotify) cl_dashboard_stats_free);
}

static void
on_computed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ClOverviewPage *self = CL_OVERVIEW_PAGE (source);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;
  ClDashboardStats *stats;

  stats = g_task_propagate_pointer (G_TASK (result), &error);
  /* A newer computation (or the page's end) superseded this one. */
  if (cancellable != self->cancellable || g_cancellable_is_cancelled (cancellable))
    {
      g_clear_pointer (&stats, cl_dashboard_stats_free);
      return;
    }
  set_busy (self, FALSE);
  g_clear_object (&self->cancellable);

  if (stats == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Could Not Count Consent"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  g_clear_pointer (&self->stats, cl_dashboard_stats_free);
  self->stats = stats;
  self->computed_at = g_get_monotonic_time ();
  show_stats (self);
}

static void
refresh (ClOverviewPage *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->ledger == NULL)
    {
      set_busy (self, FALSE);
      adw_status_page_set_title (self->empty_page, _("No Ledger Open"));
      adw_status_page_set_description (self->empty_page,
                                       _("Open a ledger or create a new one from the main menu."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  if (self->stats == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  task = g_task_new (self, self->cancellable, on_computed, NULL);
  g_task_set_source_tag (task, refresh);
  g_task_set_task_data (task, g_strdup (cl_ledger_get_path (self->ledger)), g_free);
  g_task_run_in_thread (task, compute_in_thread);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  refresh (CL_OVERVIEW_PAGE (widget));
}

static void
cl_overview_page_map (GtkWidget *widget)
{
  ClOverviewPage *self = CL_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (cl_overview_page_parent_class)->map (widget);

  /* Other pages and consentctl change the ledger: count again when the page is shown. */
  if (self->ledger != NULL && !self->busy
      && g_get_monotonic_time () - self->computed_at > FRESH_USEC)
    refresh (self);
}

static void
cl_overview_page_class_init (ClOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_overview_page_dispose;
  object_class->get_property = cl_overview_page_get_property;
  object_class->set_property = cl_overview_page_set_property;
  widget_class->map = cl_overview_page_map;

  properties[PROP_LEDGER] =
    g_param_spec_object ("ledger", NULL, NULL, CL_TYPE_LEDGER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CL_TYPE_BAR_CHART);
  g_type_ensure (CL_TYPE_SHARE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consentledger/ConsentLedger/ui/cl-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, updated_label);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, subjects_value);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, events_value);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, events_caption);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, reconsent_card);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, requests_card);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, reconsent_value);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, reconsent_caption);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, requests_value);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, requests_caption);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, weeks_chart);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, weeks_summary);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, purposes_chart);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, purposes_summary);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, methods_chart);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, methods_summary);

  gtk_widget_class_install_action (widget_class, "overview.refresh", NULL, refresh_action);
}

static void
cl_overview_page_init (ClOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
cl_overview_page_set_ledger (ClOverviewPage *self,
                             ClLedger       *ledger)
{
  g_return_if_fail (CL_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (ledger == NULL || CL_IS_LEDGER (ledger));

  if (!g_set_object (&self->ledger, ledger))
    return;
  g_clear_pointer (&self->stats, cl_dashboard_stats_free);
  self->computed_at = 0;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEDGER]);
}

ClLedger *
cl_overview_page_get_ledger (ClOverviewPage *self)
{
  g_return_val_if_fail (CL_IS_OVERVIEW_PAGE (self), NULL);
  return self->ledger;
}

void
cl_overview_page_reload (ClOverviewPage *self)
{
  g_return_if_fail (CL_IS_OVERVIEW_PAGE (self));
  refresh (self);
}

gboolean
cl_overview_page_get_busy (ClOverviewPage *self)
{
  g_return_val_if_fail (CL_IS_OVERVIEW_PAGE (self), FALSE);
  return self->busy;
}

const ClDashboardStats *
cl_overview_page_get_stats (ClOverviewPage *self)
{
  g_return_val_if_fail (CL_IS_OVERVIEW_PAGE (self), NULL);
  return self->stats;
}

const char *
cl_overview_page_get_card_text (ClOverviewPage *self,
                                const char     *card)
{
  g_return_val_if_fail (CL_IS_OVERVIEW_PAGE (self), NULL);

  if (g_strcmp0 (card, "subjects") == 0)
    return gtk_label_get_text (self->subjects_value);
  if (g_strcmp0 (card, "events") == 0)
    return gtk_label_get_text (self->events_value);
  if (g_strcmp0 (card, "reconsent") == 0)
    return gtk_label_get_text (self->reconsent_value);
  if (g_strcmp0 (card, "reconsent-caption") == 0)
    return gtk_label_get_text (self->reconsent_caption);
  if (g_strcmp0 (card, "requests") == 0)
    return gtk_label_get_text (self->requests_value);
  if (g_strcmp0 (card, "requests-caption") == 0)
    return gtk_label_get_text (self->requests_caption);
  if (g_strcmp0 (card, "weeks-summary") == 0)
    return gtk_label_get_text (self->weeks_summary);
  if (g_strcmp0 (card, "purposes-summary") == 0)
    return gtk_label_get_text (self->purposes_summary);
  if (g_strcmp0 (card, "methods-summary") == 0)
    return gtk_label_get_text (self->methods_summary);
  g_return_val_if_reached (NULL);
}
