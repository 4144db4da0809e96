/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-import-progress.h: a progress bar and a Cancel button for a consent log import that runs
 * in a worker thread with its own ledger connection. */
#pragma once

#include <adwaita.h>

#include "cl-consent-import.h"
#include "cl-ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_IMPORT_PROGRESS (cl_import_progress_get_type ())
G_DECLARE_FINAL_TYPE (ClImportProgress, cl_import_progress, CL, IMPORT_PROGRESS, AdwBin)

ClImportProgress *cl_import_progress_new         (void);

/* Imports files (a list of GFile) into the ledger's file, showing itself meanwhile. */
void              cl_import_progress_run_async   (ClImportProgress     *self,
                                                  ClLedger             *ledger,
                                                  GListModel           *files,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
/* results: (out) (optional) (element-type ClConsentImportResult): the files imported, also on
 * failure (those before the one that failed). */
gboolean          cl_import_progress_run_finish  (ClImportProgress     *self,
                                                  GAsyncResult         *result,
                                                  GPtrArray           **results,
                                                  GError              **error);
gboolean          cl_import_progress_get_running (ClImportProgress     *self);
double            cl_import_progress_get_fraction (ClImportProgress    *self);
/* The import rolls the current file back; run_finish then fails with G_IO_ERROR_CANCELLED. */
void              cl_import_progress_cancel      (ClImportProgress     *self);

/* "Imported 7 events (2 new subjects, 0 duplicates skipped, 0 erased subjects skipped)", summed
 * over results. */
char             *cl_import_progress_describe    (GPtrArray            *results);

G_END_DECLS
