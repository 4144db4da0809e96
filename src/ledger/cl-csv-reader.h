/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-csv-reader.h: a streaming RFC 4180 CSV reader, and the quoting rules for writing CSV. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A record (one row, quotes removed) may not be longer than this. */
#define CL_CSV_MAX_RECORD (1024 * 1024)

typedef struct _ClCsvReader ClCsvReader;

ClCsvReader *cl_csv_reader_new            (GInputStream  *stream,
                                           const char    *filename);
void         cl_csv_reader_free           (ClCsvReader   *reader);
gboolean     cl_csv_reader_next_row       (ClCsvReader   *reader,
                                           GPtrArray    **row,
                                           GError       **error);
guint        cl_csv_reader_get_line       (ClCsvReader   *reader);
guint64      cl_csv_reader_get_bytes_read (ClCsvReader   *reader);
const char  *cl_csv_reader_get_filename   (ClCsvReader   *reader);
void         cl_csv_reader_set_cancellable (ClCsvReader  *reader,
                                            GCancellable *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClCsvReader, cl_csv_reader_free)

/* Writing: fields are quoted only when they must be; rows end with CRLF as RFC 4180 says. */
gboolean     cl_csv_field_needs_quotes    (const char    *value,
                                           gssize         len);
void         cl_csv_append_field          (GString       *out,
                                           const char    *value);
void         cl_csv_append_field_len      (GString       *out,
                                           const char    *value,
                                           gssize         len);
void         cl_csv_append_row            (GString       *out,
                                           const char * const *values,
                                           guint          n_values);

G_END_DECLS
