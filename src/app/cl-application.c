/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-application.c: opens the last ledger (or the default one, or the files given) in a window. */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-application.h"
#include "cl-window.h"

struct _ClApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (ClApplication, cl_application, ADW_TYPE_APPLICATION)

/* The ledger to show when none is named: the last one opened, else the default path. */
static char *
initial_ledger_path (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last = g_settings_get_string (settings, "last-ledger");

  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&last);
  return cl_ledger_default_path ();
}

static void
cl_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    {
      g_autofree char *path = initial_ledger_path ();

      window = GTK_WINDOW (cl_window_new (GTK_APPLICATION (application)));
      cl_window_open_path (CL_WINDOW (window), path, FALSE);
    }
  gtk_window_present (window);
}

static void
cl_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      ClWindow *window = cl_window_new (GTK_APPLICATION (application));

      if (path != NULL)
        cl_window_open_path (window, path, FALSE);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
show_about (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Consent Ledger developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (application),
                         "application-name", _("Consent Ledger"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Consent Ledger developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Keep the proof of consent and answer data-subject requests"
                                       " on time"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit (GSimpleAction *action,
      GVariant      *parameter,
      gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", show_about },
  { "quit", quit },
};

static void
cl_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (cl_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
}

static void
cl_application_class_init (ClApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  application_class->activate = cl_application_activate;
  application_class->open = cl_application_open;
  application_class->startup = cl_application_startup;
}

static void
cl_application_init (ClApplication *self)
{
}

ClApplication *
cl_application_new (void)
{
  return g_object_new (CL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/consentledger/ConsentLedger",
                       NULL);
}
