/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-consent-import.h: imports consent logs (BRIEF §4) into a ledger, all or nothing per file. */
#pragma once

#include <gio/gio.h>

#include "cl-consent-reader.h"
#include "cl-ledger.h"

G_BEGIN_DECLS

/* What one imported file did to the ledger. */
typedef struct
{
  char    *filename;        /* as given */
  guint64  n_read;          /* events in the file */
  guint64  n_imported;      /* events added */
  guint64  n_new_subjects;  /* subjects created (not counting any merged away again) */
  guint64  n_duplicates;    /* events already in the ledger or earlier in the file */
  guint64  n_erased;        /* events skipped because an identifier of theirs was erased */
  guint64  n_merged;        /* existing subjects merged into another by a shared identifier */
  guint64  n_new_policies;  /* policy versions first seen in this file, now registered */
  gboolean bulk;            /* indexes were rebuilt at the end instead of kept up per row */
} ClConsentImportResult;

void cl_consent_import_result_free (ClConsentImportResult *result);

/* Called from the importing thread, at most a few times per megabyte read, and once per
 * index rebuilt. done and total are units of work, done growing to total: each file counts
 * twice its size, its bytes as they are read and stored, then as much again for what follows
 * (in a bulk import, rebuilding the indexes and committing take about as long as reading),
 * so that the progress keeps moving to the end. */
typedef void (*ClConsentImportProgress) (guint64  done,
                                         guint64  total,
                                         gpointer user_data);

gboolean cl_consent_import_file  (ClLedger                *ledger,
                                  const char              *path,
                                  ClConsentReaderFlags     flags,
                                  GCancellable            *cancellable,
                                  ClConsentImportProgress  progress,
                                  gpointer                 user_data,
                                  ClConsentImportResult  **result,
                                  GError                 **error);

/* Imports each file in its own transaction, in order, and stops at the first that fails;
 * results (of ClConsentImportResult, free func set by the caller or not) receives one
 * entry per file committed, also when a later file fails. */
gboolean cl_consent_import_files (ClLedger                *ledger,
                                  const char * const      *paths,
                                  ClConsentReaderFlags     flags,
                                  GCancellable            *cancellable,
                                  ClConsentImportProgress  progress,
                                  gpointer                 user_data,
                                  GPtrArray               *results,
                                  GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClConsentImportResult, cl_consent_import_result_free)

G_END_DECLS
