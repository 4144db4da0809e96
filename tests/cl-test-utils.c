/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-test-utils.c: helpers shared by the tests. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "cl-test-utils.h"

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
remove_and_free_tree (gpointer path)
{
  remove_tree (path);
  g_free (path);
}

char *
cl_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("consent-ledger-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_test_queue_destroy (remove_and_free_tree, g_strdup (path));
  return path;
}

GBytes *
cl_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

char *
cl_test_data_path (const char *relative)
{
  return g_build_filename (CL_TEST_DATA_DIR, relative, NULL);
}

char *
cl_test_shared_path (const char *relative)
{
  char *path = g_build_filename (CL_SHARED_DATA_DIR, relative, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/data is not here (a user's clone does not have it)");
      g_free (path);
      return NULL;
    }
  return path;
}

int
cl_test_run_consentctl (const char * const  *argv,
                        const char * const  *env,
                        char               **out_stdout,
                        char               **out_stderr)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *consentctl = g_getenv ("CONSENTCTL");
  char *stdout_text = NULL;
  char *stderr_text = NULL;

  g_assert_nonnull (consentctl);
  g_ptr_array_add (args, (gpointer) consentctl);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "CONSENT_LEDGER");
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);
      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &stdout_text, &stderr_text, &error);
  g_assert_no_error (error);

  if (out_stdout != NULL)
    *out_stdout = stdout_text;
  else
    g_free (stdout_text);
  if (out_stderr != NULL)
    *out_stderr = stderr_text;
  else
    g_free (stderr_text);

  return g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

gboolean
cl_test_use_swedish (void)
{
  g_autofree char *catalogue = g_build_filename (CL_BUILD_LOCALE_DIR, "sv", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (catalogue, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the Swedish catalogue is not built");
      return FALSE;
    }
  if (g_strcmp0 (g_getenv ("LANGUAGE"), "sv") != 0)
    g_setenv ("LANGUAGE", "sv", TRUE);
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    {
      g_test_skip ("no C.UTF-8 locale");
      return FALSE;
    }
  bindtextdomain (GETTEXT_PACKAGE, CL_BUILD_LOCALE_DIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* GtkBuilder translates the templates in the default domain, as the app sets it. */
  textdomain (GETTEXT_PACKAGE);
  return TRUE;
}
