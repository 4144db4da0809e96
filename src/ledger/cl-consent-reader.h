/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-consent-reader.h: a streaming reader for consent logs (BRIEF §4: JSON Lines and CSV). */
#pragma once

#include <gio/gio.h>

#include "cl-consent-record.h"

G_BEGIN_DECLS

/* A line (JSON Lines) or a record (CSV) may not be longer than this. */
#define CL_CONSENT_MAX_LINE (1024 * 1024)

typedef enum
{
  CL_CONSENT_FORMAT_JSONL,
  CL_CONSENT_FORMAT_CSV,
} ClConsentFormat;

typedef enum
{
  CL_CONSENT_READER_FLAGS_NONE           = 0,
  /* Skip CSV columns (and JSON members) that are not part of the format, instead of
   * refusing the file. */
  CL_CONSENT_READER_IGNORE_UNKNOWN_COLUMNS = 1 << 0,
} ClConsentReaderFlags;

typedef struct _ClConsentReader ClConsentReader;

gboolean         cl_consent_format_for_filename   (const char            *filename,
                                                   ClConsentFormat       *out);

ClConsentReader *cl_consent_reader_new            (GInputStream          *stream,
                                                   const char            *filename,
                                                   const char * const    *purpose_keys,
                                                   ClConsentReaderFlags   flags,
                                                   GError               **error);
ClConsentReader *cl_consent_reader_new_for_format (GInputStream          *stream,
                                                   const char            *filename,
                                                   ClConsentFormat        format,
                                                   const char * const    *purpose_keys,
                                                   ClConsentReaderFlags   flags);
ClConsentReader *cl_consent_reader_new_for_path   (const char            *path,
                                                   const char * const    *purpose_keys,
                                                   ClConsentReaderFlags   flags,
                                                   GError               **error);
void             cl_consent_reader_free           (ClConsentReader       *reader);

void             cl_consent_reader_set_cancellable (ClConsentReader      *reader,
                                                    GCancellable         *cancellable);
gboolean         cl_consent_reader_next           (ClConsentReader       *reader,
                                                   ClConsentRecord       *out,
                                                   GError               **error);
ClConsentFormat  cl_consent_reader_get_format     (ClConsentReader       *reader);
const char      *cl_consent_reader_get_filename   (ClConsentReader       *reader);
guint            cl_consent_reader_get_line       (ClConsentReader       *reader);
guint64          cl_consent_reader_get_bytes_read (ClConsentReader       *reader);
const char * const *
                 cl_consent_reader_get_purpose_keys (ClConsentReader     *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClConsentReader, cl_consent_reader_free)

G_END_DECLS
