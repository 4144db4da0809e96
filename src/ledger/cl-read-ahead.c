/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-read-ahead.c: a consent log read in its own thread. Batches of records go round between
 * two queues: the thread fills the empty ones, the taker empties the filled ones and hands
 * them back. A fixed number of batches bounds the memory and the lead, so a big file costs
 * no more than a small one; the records keep their buffers from batch to batch, so reading
 * allocates nothing per event.
 *
 * The reader belongs to the thread while it runs: the taker asks this object, not the
 * reader, for the line and the bytes read of the record in hand. A prepare function can do
 * more of the work on the reading thread: what it works out from a record travels with it. */
#include "config.h"

#include <string.h>

#include "cl-read-ahead.h"

/* Records per batch: enough that passing a batch costs nothing against reading it. */
#define BATCH_SIZE  256
/* Batches in circulation: the thread can be this many batches ahead, less one. */
#define N_BATCHES   4

typedef struct
{
  ClConsentRecord  records[BATCH_SIZE];
  guint            lines[BATCH_SIZE];
  guint64          bytes_read[BATCH_SIZE];
  guint8          *prepared;  /* BATCH_SIZE times the prepared size */
  guint            n_records;
  gboolean         last;   /* the end of the file, or the error below, follows these records */
  GError          *error;  /* what stopped the reader, if not the end of the file */
} Batch;

struct _ClReadAhead
{
  ClConsentReader    *reader;
  GThread            *thread;
  GAsyncQueue        *empty;
  GAsyncQueue        *filled;
  Batch              *batches[N_BATCHES];
  gsize               prepared_size;
  ClReadAheadPrepare  prepare;
  gpointer            prepare_data;

  Batch              *current;   /* the taker's */
  guint               position;  /* in current, of the next record to take */
  gboolean            finished;
  guint               line;
  guint64             bytes_read;
  gconstpointer       prepared;
};

/* Its address, pushed into the empty queue, stops the thread early. */
static char stop_request;

/* The reading thread. */

static void
fill_batch (ClReadAhead *self,
            Batch       *batch)
{
  batch->n_records = 0;
  while (batch->n_records < BATCH_SIZE)
    {
      guint i = batch->n_records;

      if (!cl_consent_reader_next (self->reader, &batch->records[i], &batch->error))
        {
          batch->last = TRUE;
          return;
        }
      batch->lines[i] = cl_consent_reader_get_line (self->reader);
      batch->bytes_read[i] = cl_consent_reader_get_bytes_read (self->reader);
      batch->n_records++;
    }
}

static void
prepare_batch (ClReadAhead *self,
               Batch       *batch)
{
  if (self->prepare == NULL || batch->n_records == 0)
    return;
  memset (batch->prepared, 0, batch->n_records * self->prepared_size);
  self->prepare (batch->records, batch->prepared, batch->n_records, self->prepare_data);
}

static gpointer
read_ahead_thread (gpointer data)
{
  ClReadAhead *self = data;

  for (;;)
    {
      Batch *batch = g_async_queue_pop (self->empty);

      if ((gpointer) batch == (gpointer) &stop_request)
        break;
      fill_batch (self, batch);
      prepare_batch (self, batch);
      g_async_queue_push (self->filled, batch);
      if (batch->last)
        break;
    }
  return NULL;
}

/* The taker's side. */

/**
 * cl_read_ahead_new:
 * @reader: (transfer full): the log to read, from its start
 *
 * Starts reading @reader in a new thread.
 *
 * Returns: (transfer full): the read-ahead; cl_read_ahead_free() stops the thread
 */
ClReadAhead *
cl_read_ahead_new (ClConsentReader *reader)
{
  return cl_read_ahead_new_full (reader, 0, NULL, NULL);
}

/**
 * cl_read_ahead_new_full:
 * @reader: (transfer full): the log to read, from its start
 * @prepared_size: the bytes @prepare has for each record
 * @prepare: (nullable): run on the reading thread for each batch of records read
 * @user_data: for @prepare; only the reading thread uses it until cl_read_ahead_free()
 *
 * Starts reading @reader in a new thread, preparing the records with @prepare there;
 * cl_read_ahead_get_prepared() gives what it worked out for the record in hand.
 *
 * Returns: (transfer full): the read-ahead; cl_read_ahead_free() stops the thread
 */
ClReadAhead *
cl_read_ahead_new_full (ClConsentReader    *reader,
                        gsize               prepared_size,
                        ClReadAheadPrepare  prepare,
                        gpointer            user_data)
{
  ClReadAhead *self = g_new0 (ClReadAhead, 1);

  g_return_val_if_fail (prepare == NULL || prepared_size > 0, NULL);

  self->reader = reader;
  /* Whole multiples of 8 bytes: the prepared data of each record stays aligned. */
  self->prepared_size = (prepared_size + 7) & ~(gsize) 7;
  self->prepare = prepare;
  self->prepare_data = user_data;
  self->empty = g_async_queue_new ();
  self->filled = g_async_queue_new ();
  for (guint i = 0; i < N_BATCHES; i++)
    {
      self->batches[i] = g_new0 (Batch, 1);
      if (self->prepared_size > 0)
        self->batches[i]->prepared = g_malloc0 (BATCH_SIZE * self->prepared_size);
      for (guint j = 0; j < BATCH_SIZE; j++)
        cl_consent_record_init (&self->batches[i]->records[j]);
      g_async_queue_push (self->empty, self->batches[i]);
    }
  self->thread = g_thread_new ("consent-log-reader", read_ahead_thread, self);
  return self;
}

/**
 * cl_read_ahead_free:
 * @self: (nullable): the read-ahead
 *
 * Stops the reading thread, if it has not reached the end of the file yet, and frees
 * everything, the reader included.
 */
void
cl_read_ahead_free (ClReadAhead *self)
{
  if (self == NULL)
    return;

  /* At the front: the thread takes it before any batch still waiting to be filled. */
  g_async_queue_push_front (self->empty, &stop_request);
  g_thread_join (self->thread);

  for (guint i = 0; i < N_BATCHES; i++)
    {
      for (guint j = 0; j < BATCH_SIZE; j++)
        cl_consent_record_clear (&self->batches[i]->records[j]);
      g_clear_error (&self->batches[i]->error);
      g_free (self->batches[i]->prepared);
      g_free (self->batches[i]);
    }
  g_async_queue_unref (self->empty);
  g_async_queue_unref (self->filled);
  cl_consent_reader_free (self->reader);
  g_free (self);
}

/* Gives a batch the taker is done with back to the thread. Its records are emptied first, so
 * that one kept too long reads as empty rather than as some later line. */
static void
hand_back (ClReadAhead *self,
           Batch       *batch)
{
  for (guint i = 0; i < batch->n_records; i++)
    cl_consent_record_reset (&batch->records[i]);
  g_async_queue_push (self->empty, batch);
}

/**
 * cl_read_ahead_next:
 * @self: the read-ahead
 * @record: (out) (transfer none): the next record, valid until the next call at least (see
 *   cl_read_ahead_batch_ends())
 * @error: the reader's error, once every record before it has been taken
 *
 * Takes the next record of the log, waiting for the thread when it is not ahead.
 *
 * Returns: %TRUE with a record, %FALSE at the end of the file or with @error set
 */
gboolean
cl_read_ahead_next (ClReadAhead            *self,
                    const ClConsentRecord **record,
                    GError                **error)
{
  while (self->current == NULL || self->position == self->current->n_records)
    {
      if (self->finished)
        return FALSE;
      if (self->current != NULL && self->current->last)
        {
          self->finished = TRUE;
          if (self->current->error != NULL)
            g_propagate_error (error, g_steal_pointer (&self->current->error));
          return FALSE;
        }
      if (self->current != NULL)
        hand_back (self, self->current);
      self->current = g_async_queue_pop (self->filled);
      self->position = 0;
    }

  *record = &self->current->records[self->position];
  self->prepared = self->current->prepared + self->position * self->prepared_size;
  self->line = self->current->lines[self->position];
  self->bytes_read = self->current->bytes_read[self->position];
  self->position++;
  return TRUE;
}

/* What the prepare function worked out for the last record taken (NULL without one). */
gconstpointer
cl_read_ahead_get_prepared (ClReadAhead *self)
{
  return self->prepare != NULL ? self->prepared : NULL;
}

/**
 * cl_read_ahead_batch_ends:
 * @self: a read-ahead
 *
 * The records taken stay valid as long as their batch is in hand: a taker may keep the ones
 * it took since the batch began, until it takes the record after the one for which this
 * returns %TRUE. The next call to cl_read_ahead_next() then hands the batch back.
 *
 * Returns: whether the record last taken is the last of its batch
 */
gboolean
cl_read_ahead_batch_ends (ClReadAhead *self)
{
  return self->current == NULL || self->position == self->current->n_records;
}

/**
 * cl_read_ahead_peek_prepared:
 * @self: a read-ahead with a prepare function
 * @ahead: how many records after the last one taken, 1 for the next
 *
 * Looks at what the prepare function worked out for a record still to come, when the
 * thread has read it already: the taker can get ready for it (say, warm a cache).
 *
 * Returns: (nullable): that record's prepared data, or %NULL when it is not at hand
 */
gconstpointer
cl_read_ahead_peek_prepared (ClReadAhead *self,
                             guint        ahead)
{
  guint index;

  g_return_val_if_fail (ahead > 0, NULL);

  /* Only within the batch in hand: the next ones may still be the thread's. */
  if (self->prepare == NULL || self->current == NULL || self->position == 0)
    return NULL;
  index = self->position - 1 + ahead;
  if (index >= self->current->n_records)
    return NULL;
  return self->current->prepared + index * self->prepared_size;
}

/* The line of the last record taken (0 before the first): where a problem storing it is. */
guint
cl_read_ahead_get_line (ClReadAhead *self)
{
  return self->line;
}

/* The bytes of the file read up to the end of the last record taken: the progress. */
guint64
cl_read_ahead_get_bytes_read (ClReadAhead *self)
{
  return self->bytes_read;
}
