/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-request-format.c: how a request's clock reads on screen. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-request-format.h"

char *
cl_request_format_days_left (ClRequest *request)
{
  ClRequestStatus status = cl_request_get_status (request);
  int days;

  g_return_val_if_fail (CL_IS_REQUEST (request), NULL);

  if (!cl_request_is_open (request))
    return g_strdup (cl_request_status_to_label (status));

  days = cl_request_get_days_left (request);
  if (status == CL_REQUEST_STATUS_PAUSED)
    {
      /* The clock stands still: say so first, then where it will stand when it restarts. */
      if (days < 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Paused, overdue by %d day",
                                             "Paused, overdue by %d days", -days), -days);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Paused, %d day left",
                                           "Paused, %d days left", days), days);
    }
  if (days < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d day",
                                         "Overdue by %d days", -days), -days);
  if (days == 0)
    return g_strdup (_("Due today"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days),
                          days);
}

char *
cl_request_format_clock_line (ClRequest *request)
{
  g_autofree char *days = NULL;

  g_return_val_if_fail (CL_IS_REQUEST (request), NULL);

  days = cl_request_format_days_left (request);
  if (cl_request_is_open (request))
    {
      g_autofree char *due = cl_request_format_long_date (cl_request_get_due (request));
      return g_strdup_printf (_("%s — due %s"), days, due);
    }
  else
    {
      g_autofree char *closed = cl_request_format_timestamp (cl_request_get_closed_at (request));
      return g_strdup_printf (_("%s on %s"), days, closed);
    }
}

char *
cl_request_format_days_left_short (ClRequest *request)
{
  int days;

  g_return_val_if_fail (CL_IS_REQUEST (request), NULL);

  if (!cl_request_is_open (request))
    return g_strdup (cl_request_status_to_label (cl_request_get_status (request)));

  /* The number first, so that it survives when a narrow column cuts the words; a pause is
   * told by the icon (and the Status column). */
  days = cl_request_get_days_left (request);
  if (days < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue",
                                         -days), -days);
  if (days == 0)
    return g_strdup (_("Due today"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days),
                          days);
}

const char *
cl_request_format_clock_icon (ClRequest *request)
{
  g_return_val_if_fail (CL_IS_REQUEST (request), NULL);

  if (!cl_request_is_open (request))
    return NULL;
  switch (cl_request_get_urgency (request))
    {
    case CL_URGENCY_OVERDUE:
      return "dialog-warning-symbolic";
    case CL_URGENCY_DUE_SOON:
      return "alarm-symbolic";
    case CL_URGENCY_OK:
    default:
      break;
    }
  if (cl_request_get_status (request) == CL_REQUEST_STATUS_PAUSED)
    return "media-playback-pause-symbolic";
  return NULL;
}

const char *
cl_request_format_css_class (ClRequest *request)
{
  g_return_val_if_fail (CL_IS_REQUEST (request), NULL);

  switch (cl_request_get_urgency (request))
    {
    case CL_URGENCY_OVERDUE:
      return "overdue";
    case CL_URGENCY_DUE_SOON:
      return "due-soon";
    case CL_URGENCY_OK:
    default:
      return NULL;
    }
}

void
cl_request_format_apply_css (GtkWidget *widget,
                             ClRequest *request)
{
  const char *css_class = request != NULL ? cl_request_format_css_class (request) : NULL;

  gtk_widget_remove_css_class (widget, "overdue");
  gtk_widget_remove_css_class (widget, "due-soon");
  if (css_class != NULL)
    gtk_widget_add_css_class (widget, css_class);
}

char *
cl_request_format_long_date (const GDate *date)
{
  char text[128];

  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return g_strdup ("");
  /* TRANSLATORS: a due date in the request pane, see strftime(3): "Monday 6 October 2025". */
  if (g_date_strftime (text, sizeof text, _("%A %-d %B %Y"), date) == 0)
    return cl_request_format_date (date);
  return g_strdup (text);
}

char *
cl_request_format_short_date (const GDate *date)
{
  GDate today;
  char text[64];
  const char *format;

  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return g_strdup ("");
  /* As Files does: the year only when it is not this year's, so the register's columns stay
   * narrow (the full date is in the tooltip and the pane). */
  cl_request_today (&today);
  if (g_date_get_year (date) == g_date_get_year (&today))
    /* TRANSLATORS: a date of this year in the request register, see strftime(3): "6 Oct". */
    format = _("%-d %b");
  else
    /* TRANSLATORS: a date of another year in the request register, see strftime(3):
     * "6 Oct 2025". */
    format = _("%-d %b %Y");
  if (g_date_strftime (text, sizeof text, format, date) == 0)
    return cl_request_format_date (date);
  return g_strdup (text);
}

char *
cl_request_format_timestamp (const char *iso8601)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso8601 == NULL)
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (utc == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}
