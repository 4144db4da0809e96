/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-test-utils.h: temporary folders, file bytes and running consentctl, for the tests. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new empty folder, removed (with its contents) at the end of the test. */
char    *cl_test_make_tmpdir     (void);
GBytes  *cl_test_read_bytes      (const char  *path);
/* The path of a file under tests/data, or under ../shared/data (NULL and the test is skipped
 * when the shared folder is absent, as in a user's clone). */
char    *cl_test_data_path       (const char  *relative);
char    *cl_test_shared_path     (const char  *relative);
/* Runs consentctl with argv (NULL-terminated, without the program) and env overrides
 * ("NAME=value" strings, may be NULL); returns the exit status. */
int      cl_test_run_consentctl  (const char * const *argv,
                                  const char * const *env,
                                  char              **out_stdout,
                                  char              **out_stderr);

/* Switches the process's messages to Swedish with the catalogue po/ compiled: LANGUAGE=sv
 * under C.UTF-8 (gettext ignores LANGUAGE under the plain C locale, not under C.UTF-8, which
 * every glibc since 2.35 has), so no Swedish locale need be installed. Returns FALSE and marks
 * the test skipped when the catalogue or C.UTF-8 is missing. Call it in a subprocess (or a
 * test program of its own): translations already looked up are not undone. */
gboolean cl_test_use_swedish     (void);

G_END_DECLS
