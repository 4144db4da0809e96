/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-vendors-window.c: the Vendors page driven through its actions: the import preview
 * (nothing written before the officer confirms), search, add, and delete with undo. */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "cl-app-types.h"
#include "cl-test-utils.h"
#include "cl-vendor-dialog.h"
#include "cl-vendor-import-dialog.h"
#include "cl-vendor-store.h"
#include "cl-vendors-page.h"
#include "cl-window.h"
#include "cl-test-window.h"

typedef gboolean (*Condition) (gpointer data);

/* Worker threads report through the main loop: run it until cond holds (or fail after 20 s). */
static void
wait_until (Condition cond,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!cond (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  cl_test_drain_main_loop ();
}

static gboolean
page_idle (gpointer data)
{
  return !cl_vendors_page_is_busy (data);
}

static gboolean
preview_open (gpointer data)
{
  return cl_vendors_page_get_import_dialog (data) != NULL;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  ClWindow      *window;
  ClVendorsPage *page;
  char          *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *dir = cl_test_make_tmpdir ();

  fixture->path = g_build_filename (dir, "vendors-window.db", NULL);
  fixture->window = cl_window_new (NULL);
  g_assert_true (cl_window_open_path (fixture->window, fixture->path, TRUE));
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             "vendors"));
  fixture->page = CL_VENDORS_PAGE (find_descendant (GTK_WIDGET (fixture->window),
                                                    CL_TYPE_VENDORS_PAGE));
  g_assert_nonnull (fixture->page);
  wait_until (page_idle, fixture->page);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  wait_until (page_idle, fixture->page);
  g_object_ref (fixture->window);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  cl_test_drain_main_loop ();
  g_assert_finalize_object (fixture->window);
  g_free (fixture->path);
}

static guint
n_shown (Fixture *fixture)
{
  return g_list_model_get_n_items (cl_vendors_page_get_vendors (fixture->page));
}

static guint
n_stored (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) vendors = cl_vendor_store_list (cl_window_get_ledger (fixture->window),
                                                        NULL, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (vendors));
}

static ClVendorImportDialog *
open_preview (Fixture    *fixture,
              const char *name)
{
  g_autofree char *path = cl_test_data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  cl_vendors_page_import_file (fixture->page, file);
  g_assert_true (cl_vendors_page_is_busy (fixture->page));
  wait_until (preview_open, fixture->page);
  return cl_vendors_page_get_import_dialog (fixture->page);
}

static void
import_confirmed (Fixture    *fixture,
                  const char *name)
{
  ClVendorImportDialog *dialog = open_preview (fixture, name);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.confirm", NULL));
  wait_until (page_idle, fixture->page);
}

static void
test_preview_confirm (Fixture       *fixture,
                      gconstpointer  data)
{
  ClVendorImportDialog *dialog = open_preview (fixture, "vendors/gvl-small-v1.json");

  /* The preview shows the difference; the ledger has nothing yet. */
  g_assert_cmpstr (cl_vendor_import_dialog_get_summary (dialog), ==,
                   "3 added, 0 changed, 0 withdrawn, 0 unchanged");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpuint (n_stored (fixture), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.confirm", NULL));
  wait_until (page_idle, fixture->page);
  g_assert_null (cl_vendors_page_get_import_dialog (fixture->page));
  g_assert_cmpuint (n_stored (fixture), ==, 3);
  g_assert_cmpuint (n_shown (fixture), ==, 3);
  g_assert_true (g_str_has_prefix (cl_vendors_page_get_last_message (fixture->page),
                                   "Imported gvl-small-v1.json: 3 added"));

  /* The next version: the preview shows every kind of change. */
  dialog = open_preview (fixture, "vendors/gvl-small-v2.json");
  g_assert_cmpstr (cl_vendor_import_dialog_get_summary (dialog), ==,
                   "1 added, 1 changed, 1 withdrawn, 1 unchanged");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.confirm", NULL));
  wait_until (page_idle, fixture->page);
  g_assert_cmpuint (n_shown (fixture), ==, 4);
}

static void
test_preview_cancel (Fixture       *fixture,
                     gconstpointer  data)
{
  ClVendorImportDialog *dialog;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClVendor) vendor = NULL;

  import_confirmed (fixture, "vendors/gvl-small-v1.json");

  dialog = open_preview (fixture, "vendors/gvl-small-v2.json");
  g_assert_cmpstr (cl_vendor_import_dialog_get_summary (dialog), ==,
                   "1 added, 1 changed, 1 withdrawn, 1 unchanged");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
  wait_until (page_idle, fixture->page);

  g_assert_null (cl_vendors_page_get_import_dialog (fixture->page));
  g_assert_cmpstr (cl_vendors_page_get_last_message (fixture->page), ==, "Nothing was imported");
  g_assert_cmpuint (n_stored (fixture), ==, 3);
  vendor = cl_vendor_store_get_by_gvl_id (cl_window_get_ledger (fixture->window), 3, &error);
  g_assert_no_error (error);
  g_assert_false (cl_vendor_get_deleted (vendor));
}

static void
test_bad_file (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = cl_test_data_path ("vendors/bad/unknown-purpose.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GList *toplevels;

  cl_vendors_page_import_file (fixture->page, file);
  wait_until (page_idle, fixture->page);

  g_assert_null (cl_vendors_page_get_import_dialog (fixture->page));
  g_assert_nonnull (strstr (cl_vendors_page_get_last_message (fixture->page),
                            "unknown-purpose.csv:3: purposes:"));
  g_assert_cmpuint (n_stored (fixture), ==, 0);

  /* The error is shown in a dialog; close it. */
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
  g_list_free (toplevels);
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClVendor) vendor = NULL;
  g_autoptr(ClVendor) back = NULL;
  gint64 id;

  import_confirmed (fixture, "vendors/gvl-small-v1.json");
  vendor = cl_vendor_store_get_by_gvl_id (cl_window_get_ledger (fixture->window), 2, &error);
  g_assert_no_error (error);
  id = cl_vendor_get_id (vendor);

  g_assert_true (cl_vendors_page_select_vendor (fixture->page, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "vendors.delete", NULL));
  wait_until (page_idle, fixture->page);
  g_assert_cmpuint (n_stored (fixture), ==, 2);
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  g_assert_cmpstr (cl_vendors_page_get_last_message (fixture->page), ==,
                   "“Will Change AB” deleted");
  g_assert_null (cl_vendors_page_get_selected (fixture->page));

  /* The toast's Undo button names this action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "vendors.undo-delete",
                                             NULL));
  wait_until (page_idle, fixture->page);
  g_assert_cmpuint (n_shown (fixture), ==, 3);
  back = cl_vendor_store_get (cl_window_get_ledger (fixture->window), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cl_vendor_get_name (back), ==, "Will Change AB");
  g_assert_nonnull (cl_vendors_page_get_selected (fixture->page));
  g_assert_cmpint (cl_vendor_get_id (cl_vendors_page_get_selected (fixture->page)), ==, id);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  import_confirmed (fixture, "vendors/gvl-small-v2.json");
  g_assert_cmpuint (n_shown (fixture), ==, 4);

  cl_vendors_page_set_search (fixture->page, "will");
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  cl_vendors_page_set_search (fixture->page, "4");
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  cl_vendors_page_set_search (fixture->page, "no such vendor");
  g_assert_cmpuint (n_shown (fixture), ==, 0);
  cl_vendors_page_set_search (fixture->page, "");
  g_assert_cmpuint (n_shown (fixture), ==, 4);
}

static ClVendorDialog *
find_vendor_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  ClVendorDialog *dialog = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (CL_IS_VENDOR_DIALOG (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  return dialog;
}

static void
test_add_vendor (Fixture       *fixture,
                 gconstpointer  data)
{
  ClVendorDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "vendors.add", NULL));
  cl_test_drain_main_loop ();
  dialog = find_vendor_dialog ();
  g_assert_nonnull (dialog);

  /* Refused without a name: the dialog stays and says why. */
  g_assert_false (cl_vendor_dialog_save (dialog));
  g_assert_cmpstr (cl_vendor_dialog_get_error (dialog), ==, "The vendor needs a name");
  g_assert_cmpuint (n_stored (fixture), ==, 0);

  gtk_editable_set_text (cl_vendor_dialog_get_name_field (dialog), "Support Desk AB");
  g_assert_true (cl_vendor_dialog_save (dialog));
  wait_until (page_idle, fixture->page);
  g_assert_null (find_vendor_dialog ());
  g_assert_cmpuint (n_stored (fixture), ==, 1);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_cmpstr (cl_vendor_get_name (cl_vendors_page_get_selected (fixture->page)), ==,
                   "Support Desk AB");
}

int
main (int    argc,
      char **argv)
{
  if (!cl_test_window_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/vendors-window/import-preview-confirm", test_preview_confirm);
  ADD ("/vendors-window/import-preview-cancel", test_preview_cancel);
  ADD ("/vendors-window/import-bad-file", test_bad_file);
  ADD ("/vendors-window/delete-and-undo", test_delete_and_undo);
  ADD ("/vendors-window/search", test_search);
  ADD ("/vendors-window/add-vendor", test_add_vendor);
#undef ADD

  return g_test_run ();
}
