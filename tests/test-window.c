/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the main window on a temporary ledger, driven through its actions. */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "cl-app-types.h"
#include "cl-preferences-window.h"
#include "cl-test-utils.h"
#include "cl-window.h"
#include "cl-test-window.h"

#define UI_PATH "/io/github/consentledger/ConsentLedger/ui/"

/* The preferences window is a toplevel transient for the main window. */
static GtkWindow *
find_transient (ClWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      /* GTK keeps its own reference to every toplevel. */
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      if (CL_IS_PREFERENCES_WINDOW (toplevel)
          && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return toplevel;
    }
  g_error ("No preferences window is open");
}

static void
test_opens_on_ledger (void)
{
  g_autofree char *path = NULL;
  ClWindow *window = cl_test_window_on_new_ledger (0, 0, &path);

  g_assert_nonnull (cl_window_get_ledger (window));
  g_assert_cmpstr (cl_window_get_ledger_title (window), ==, "window.db");
  g_assert_cmpstr (cl_window_get_page (window), ==, "overview");
  g_assert_cmpstr (cl_window_get_page_title (window), ==, "Overview");
  cl_test_close_window (GTK_WINDOW (window));
}

static void
test_every_page (void)
{
  static const struct { const char *name, *title; } pages[] = {
    { "records", "Consent Records" },
    { "requests", "Requests" },
    { "vendors", "Vendors" },
    { "policies", "Policies" },
    { "audit", "Audit Log" },
    { "overview", "Overview" },
  };
  ClWindow *window = cl_test_window_on_new_ledger (0, 0, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                                 pages[i].name));
      cl_test_drain_main_loop ();
      g_assert_cmpstr (cl_window_get_page (window), ==, pages[i].name);
      g_assert_cmpstr (cl_window_get_page_title (window), ==, pages[i].title);
    }
  cl_test_close_window (GTK_WINDOW (window));
}

static void
test_refuses_non_ledger (void)
{
  g_autofree char *dir = cl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GError) error = NULL;
  ClWindow *window = cl_window_new (NULL);

  g_file_set_contents (path, "not a ledger\n", -1, &error);
  g_assert_no_error (error);
  g_assert_false (cl_window_open_path (window, path, FALSE));
  g_assert_nonnull (strstr (cl_window_get_last_error (window), "is not a Consent Ledger file"));
  g_assert_null (cl_window_get_ledger (window));
  g_assert_cmpstr (cl_window_get_ledger_title (window), ==, "No ledger open");
  cl_test_close_window (GTK_WINDOW (window));
}

static void
test_new_ledger_refuses_existing_file (void)
{
  g_autofree char *path = NULL;
  ClWindow *window = cl_test_window_on_new_ledger (0, 0, &path);
  ClWindow *second = cl_window_new (NULL);

  g_assert_false (cl_window_open_path (second, path, TRUE));
  g_assert_nonnull (strstr (cl_window_get_last_error (second), "already exists"));
  cl_test_close_window (GTK_WINDOW (second));
  cl_test_close_window (GTK_WINDOW (window));
}

static void
test_preferences (void)
{
  ClWindow *window = cl_test_window_on_new_ledger (0, 0, NULL);
  ClLedger *ledger = cl_window_get_ledger (window);
  ClPreferencesWindow *preferences;
  GtkWidget *name_row;
  g_autofree char *saved = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  cl_test_drain_main_loop ();
  preferences = CL_PREFERENCES_WINDOW (find_transient (window));

  name_row = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                        CL_TYPE_PREFERENCES_WINDOW,
                                                        "name_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Alleima AB");

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Alleima Tube AB");
  g_signal_emit_by_name (name_row, "apply");
  saved = cl_ledger_get_setting (ledger, "company.name");
  g_assert_cmpstr (saved, ==, "Alleima Tube AB");

  /* An empty name is refused with a message, and the ledger keeps the old one. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_nonnull (strstr (cl_preferences_window_get_error (preferences), "cannot be empty"));
  g_free (saved);
  saved = cl_ledger_get_setting (ledger, "company.name");
  g_assert_cmpstr (saved, ==, "Alleima Tube AB");

  g_object_ref (preferences);
  gtk_window_destroy (GTK_WINDOW (preferences));
  cl_test_drain_main_loop ();
  g_assert_finalize_object (preferences);
  cl_test_close_window (GTK_WINDOW (window));
}

/* The class named by <template class="…"> in a .ui file. */
static char *
template_class (GBytes *ui)
{
  const char *text = g_bytes_get_data (ui, NULL);
  const char *start = strstr (text, "<template class=\"");
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen ("<template class=\"");
  end = strchr (start, '"');
  return g_strndup (start, end - start);
}

static void
test_every_template (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (UI_PATH, 0, NULL);
  guint n_templates = 0;

  g_assert_nonnull (names);
  cl_app_ensure_types ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (UI_PATH, names[i], NULL);
      g_autoptr(GBytes) ui = g_resources_lookup_data (path, 0, NULL);
      g_autofree char *class_name = template_class (ui);
      GType type;
      GObject *object;

      if (class_name == NULL)
        {
          g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (path);
          continue;
        }

      type = g_type_from_name (class_name);
      if (type == 0)
        g_error ("%s: %s is not registered; add it to cl_app_ensure_types()", names[i], class_name);

      object = g_object_new (type, NULL);
      if (GTK_IS_WINDOW (object))
        {
          g_object_ref (object);
          gtk_window_destroy (GTK_WINDOW (object));
        }
      else
        g_object_ref_sink (object);
      cl_test_drain_main_loop ();
      g_assert_finalize_object (object);
      n_templates++;
    }
  g_assert_cmpuint (n_templates, >=, 7);
}

/* Folded (a narrow window) the sidebar is the whole window, not the 232 pixels it keeps
 * beside the pages. */
static void
test_folded_sidebar (void)
{
  ClWindow *window = cl_test_window_on_new_ledger (400, 600, NULL);
  AdwLeaflet *leaflet;
  GtkWidget *sidebar, *clamp;

  leaflet = ADW_LEAFLET (cl_test_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  sidebar = cl_test_find_with_class (GTK_WIDGET (leaflet), "navigation-sidebar");
  g_assert_nonnull (sidebar);
  clamp = gtk_widget_get_ancestor (sidebar, ADW_TYPE_CLAMP);
  g_assert_nonnull (clamp);
  /* Folding happens at the first layout; the sidebar follows at the next. */
  for (guint i = 0; i < 200 && (gtk_widget_get_width (clamp) == 0
                                || gtk_widget_get_width (gtk_widget_get_first_child (clamp))
                                   < gtk_widget_get_width (clamp)); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpint (gtk_widget_get_width (clamp), >=, 360);
  g_assert_cmpint (gtk_widget_get_width (gtk_widget_get_first_child (clamp)), ==,
                   gtk_widget_get_width (clamp));
  cl_test_close_window (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  if (!cl_test_window_init (&argc, &argv))
    return 0;

  g_test_add_func ("/window/opens-on-ledger", test_opens_on_ledger);
  g_test_add_func ("/window/every-page", test_every_page);
  g_test_add_func ("/window/refuses-non-ledger", test_refuses_non_ledger);
  g_test_add_func ("/window/new-ledger-refuses-existing-file", test_new_ledger_refuses_existing_file);
  g_test_add_func ("/window/preferences", test_preferences);
  g_test_add_func ("/window/every-template", test_every_template);
  g_test_add_func ("/window/folded-sidebar", test_folded_sidebar);

  return g_test_run ();
}
