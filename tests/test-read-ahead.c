/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-read-ahead.c: the consent log read in its own thread gives the import exactly what
 * the reader alone would, in the same order, with the same lines and errors. */
#include "config.h"

#include <glib/gstdio.h>

#include "cl-consent-generator.h"
#include "cl-error.h"
#include "cl-read-ahead.h"
#include "cl-test-utils.h"

static const char * const purpose_keys[] = {
  "measurement", "personalization", "advertising", NULL
};

/* More than a few batches, so the thread has to wait for the batches to come back. */
#define N_EVENTS 3000

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ClConsentGeneratorOptions options;

  f->dir = cl_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "log.csv", NULL);
  cl_consent_generator_options_init (&options);
  options.n_events = N_EVENTS;
  options.seed = 5;
  g_assert_true (cl_consent_generate_to_file (&options, f->path, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_unlink (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static ClConsentReader *
open_reader (const char *path)
{
  g_autoptr(GError) error = NULL;
  ClConsentReader *reader = cl_consent_reader_new_for_path (path, purpose_keys, 0, &error);

  g_assert_no_error (error);
  return reader;
}

/* Every record, line and byte count, as the reader alone gives them. */
static void
test_same_as_reader (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ClConsentReader) reader = open_reader (f->path);
  g_autoptr(ClReadAhead) ahead = cl_read_ahead_new (open_reader (f->path));
  g_auto(ClConsentRecord) expected = { 0 };
  const ClConsentRecord *record;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  cl_consent_record_init (&expected);
  g_assert_cmpuint (cl_read_ahead_get_line (ahead), ==, 0);
  while (cl_consent_reader_next (reader, &expected, &error))
    {
      g_assert_true (cl_read_ahead_next (ahead, &record, &error));
      g_assert_cmpstr (record->event_id, ==, expected.event_id);
      g_assert_cmpstr (record->subject, ==, expected.subject);
      g_assert_cmpint (record->recorded_at, ==, expected.recorded_at);
      g_assert_cmpuint (record->decisions->len, ==, expected.decisions->len);
      g_assert_cmpuint (cl_read_ahead_get_line (ahead), ==, cl_consent_reader_get_line (reader));
      g_assert_cmpuint (cl_read_ahead_get_bytes_read (ahead), ==,
                        cl_consent_reader_get_bytes_read (reader));
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, N_EVENTS);

  /* The end, as often as asked, without waiting for a thread that is gone. */
  g_assert_false (cl_read_ahead_next (ahead, &record, &error));
  g_assert_no_error (error);
  g_assert_false (cl_read_ahead_next (ahead, &record, &error));
  g_assert_no_error (error);
}

typedef struct
{
  GThread *thread;     /* where prepare ran */
  guint    n;          /* records prepared */
  guint    n_batches;
} PrepareData;

typedef struct
{
  guint    number;           /* 1 for the first record of the file */
  gint64   recorded_at;
  gboolean zeroed;           /* the bytes were zero when prepare got them */
} Prepared;

static void
prepare (ClConsentRecord *records,
         gpointer         data,
         guint            n_records,
         gpointer         user_data)
{
  PrepareData *p = user_data;
  Prepared *prepared = data;

  g_assert_cmpuint (n_records, >, 0);
  p->n_batches++;
  for (guint i = 0; i < n_records; i++)
    {
      prepared[i].zeroed = prepared[i].number == 0 && prepared[i].recorded_at == 0;
      prepared[i].number = ++p->n;
      prepared[i].recorded_at = records[i].recorded_at;
      /* The records are the reading thread's until they are handed over: they may be
       * changed. */
      cl_consent_record_set_string (&records[i], CL_CONSENT_FIELD_COUNTRY, "XX", -1);
    }
  p->thread = g_thread_self ();
}

/* The prepare function sees every record, in the order of the file, on the reading thread;
 * what it works out and changes comes with that record, on clean bytes each time. */
static void
test_prepare (Fixture       *f,
              gconstpointer  data)
{
  PrepareData p = { NULL };
  g_autoptr(ClReadAhead) ahead = cl_read_ahead_new_full (open_reader (f->path), sizeof (Prepared),
                                                         prepare, &p);
  g_autoptr(GError) error = NULL;
  const ClConsentRecord *record;
  guint n = 0, n_peeked = 0;
  const ClConsentRecord *first_of_batch = NULL;
  gint64 first_at = 0;

  g_assert_null (cl_read_ahead_get_prepared (ahead));
  g_assert_null (cl_read_ahead_peek_prepared (ahead, 1));
  while (cl_read_ahead_next (ahead, &record, &error))
    {
      const Prepared *prepared = cl_read_ahead_get_prepared (ahead);
      const Prepared *next;

      n++;
      g_assert_nonnull (prepared);
      g_assert_cmpuint (prepared->number, ==, n);
      g_assert_cmpint (prepared->recorded_at, ==, record->recorded_at);
      g_assert_true (prepared->zeroed);
      g_assert_cmpstr (record->country, ==, "XX");

      /* The records to come, as far as the batch in hand goes. */
      next = cl_read_ahead_peek_prepared (ahead, 1);
      if (next != NULL)
        {
          const Prepared *after = cl_read_ahead_peek_prepared (ahead, 3);

          n_peeked++;
          g_assert_cmpuint (next->number, ==, n + 1);
          g_assert_true (after == NULL || after->number == n + 3);
        }
      else
        g_assert_null (cl_read_ahead_peek_prepared (ahead, 2));
      g_assert_true (cl_read_ahead_batch_ends (ahead) == (next == NULL));

      /* A batch's records stay as they are while it is in hand. (Once it goes back, the
       * thread empties and fills them again: no telling what they hold then.) */
      if (first_of_batch == NULL)
        {
          first_of_batch = record;
          first_at = record->recorded_at;
        }
      g_assert_cmpint (first_of_batch->recorded_at, ==, first_at);
      g_assert_cmpstr (first_of_batch->country, ==, "XX");
      if (cl_read_ahead_batch_ends (ahead))
        first_of_batch = NULL;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, N_EVENTS);
  /* Only the last record of each batch has none at hand after it. */
  g_assert_cmpuint (n_peeked, >, N_EVENTS * 9 / 10);
  g_assert_cmpuint (n_peeked, <, N_EVENTS);
  /* Read once the thread has ended: it wrote p last. */
  g_assert_cmpuint (p.n, ==, N_EVENTS);
  g_assert_true (p.thread != g_thread_self ());
  /* A batch at a time: each record once, in batches as the taker gets them. */
  g_assert_cmpuint (p.n_batches, ==, N_EVENTS - n_peeked);
  /* Without a prepare function, there is nothing to get. */
  {
    g_autoptr(ClReadAhead) plain = cl_read_ahead_new (open_reader (f->path));

    g_assert_true (cl_read_ahead_next (plain, &record, &error));
    g_assert_null (cl_read_ahead_get_prepared (plain));
  }
}

/* A bad line comes after every record before it, once, with its own line number. */
static void
test_error_after_records (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GString) bad = NULL;
  g_autoptr(ClReadAhead) ahead = NULL;
  const ClConsentRecord *record;
  guint n = 0;

  g_assert_true (g_file_get_contents (f->path, &contents, NULL, &error));
  bad = g_string_new (contents);
  g_string_append (bad, "ev-bad,c-1,2025-01-01T00:00:00Z,2.0,maybe,true,true,true,,false,,,"
                        ",,,\n");
  g_assert_true (g_file_set_contents (f->path, bad->str, bad->len, &error));

  ahead = cl_read_ahead_new (open_reader (f->path));
  while (cl_read_ahead_next (ahead, &record, &error))
    n++;
  g_assert_cmpuint (n, ==, N_EVENTS);
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  /* The header is line 1: the bad line is the one after the last event. */
  prefix = g_strdup_printf ("%s:%u: ", f->path, N_EVENTS + 2);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, "maybe"));

  g_clear_error (&error);
  g_assert_false (cl_read_ahead_next (ahead, &record, &error));
  g_assert_no_error (error);
}

/* Freed before the end (an import that failed or was cancelled): the thread stops, whether
 * it was waiting for a batch or had never been asked for one. */
static void
test_free_early (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ClReadAhead *ahead;
  const ClConsentRecord *record;

  cl_read_ahead_free (cl_read_ahead_new (open_reader (f->path)));

  ahead = cl_read_ahead_new (open_reader (f->path));
  g_assert_true (cl_read_ahead_next (ahead, &record, &error));
  g_assert_no_error (error);
  /* Long enough for the thread to fill every batch and wait. */
  g_usleep (50 * G_TIME_SPAN_MILLISECOND);
  cl_read_ahead_free (ahead);
}

/* The reader's cancellable works from the thread: the import sees the cancel as an error
 * after the records already read. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  ClConsentReader *reader = open_reader (f->path);
  g_autoptr(ClReadAhead) ahead = NULL;
  const ClConsentRecord *record;
  guint n = 0;

  cl_consent_reader_set_cancellable (reader, cancellable);
  g_cancellable_cancel (cancellable);
  ahead = cl_read_ahead_new (reader);
  while (cl_read_ahead_next (ahead, &record, &error))
    n++;
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (n, <, N_EVENTS);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ledger/read-ahead/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("same-as-reader", test_same_as_reader);
  ADD ("error-after-records", test_error_after_records);
  ADD ("free-early", test_free_early);
  ADD ("cancel", test_cancel);
  ADD ("prepare", test_prepare);
#undef ADD

  return g_test_run ();
}
