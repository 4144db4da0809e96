/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-tc-string.c: decodes IAB TCF TC strings bit by bit, refusing anything it cannot account for. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "cl-error.h"
#include "cl-tc-string.h"
#include "cl-tcf-names.h"

/* Layout from "IAB Tech Lab - Consent string and vendor list formats v2" (and v1.1 for the
 * legacy strings). Field widths in bits. */
#define BITS_VERSION        6
#define BITS_TIMESTAMP      36
#define BITS_CMP_ID         12
#define BITS_CMP_VERSION    12
#define BITS_CONSENT_SCREEN 6
#define BITS_LETTER         6
#define BITS_VL_VERSION     12
#define BITS_POLICY_VERSION 6
#define BITS_SPECIAL_FEAT   12
#define BITS_PURPOSES       24
#define BITS_VENDOR_ID      16
#define BITS_NUM_ENTRIES    12
#define BITS_SEGMENT_TYPE   3
#define BITS_RESTR_PURPOSE  6
#define BITS_RESTR_TYPE     2
#define BITS_NUM_CUSTOM     6

/* The smallest range entry: the is-a-range flag and one vendor id. */
#define MIN_ENTRY_BITS (1 + BITS_VENDOR_ID)

typedef struct
{
  guint first;
  guint last;
} Run;

struct _ClTcVendorSet
{
  guint    max_vendor_id;
  gboolean is_range_encoded;
  guint    count;
  GArray  *runs;  /* of Run: sorted, disjoint and not touching */
};

/* ------------------------------------------------------------------------------------------ */
/* Vendor sets */

static ClTcVendorSet *
vendor_set_new (guint    max_vendor_id,
                gboolean is_range_encoded)
{
  ClTcVendorSet *set = g_new0 (ClTcVendorSet, 1);

  set->max_vendor_id = max_vendor_id;
  set->is_range_encoded = is_range_encoded;
  set->runs = g_array_new (FALSE, FALSE, sizeof (Run));
  return set;
}

static void
vendor_set_free (ClTcVendorSet *set)
{
  if (set == NULL)
    return;
  g_array_unref (set->runs);
  g_free (set);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClTcVendorSet, vendor_set_free)

static ClTcVendorSet *
vendor_set_copy (const ClTcVendorSet *set)
{
  ClTcVendorSet *copy;

  if (set == NULL)
    return NULL;
  copy = g_memdup2 (set, sizeof *set);
  copy->runs = g_array_copy (set->runs);
  return copy;
}

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const Run *ra = a;
  const Run *rb = b;

  if (ra->first != rb->first)
    return ra->first < rb->first ? -1 : 1;
  if (ra->last != rb->last)
    return ra->last < rb->last ? -1 : 1;
  return 0;
}

/* Range entries may come in any order and may overlap; afterwards the runs are canonical so
 * that lookups can bisect and counts are exact. */
static void
vendor_set_normalize (ClTcVendorSet *set)
{
  guint out = 0;
  gboolean sorted = TRUE;

  /* Bit fields yield their runs in order already; only range entries need sorting. */
  for (guint i = 1; i < set->runs->len && sorted; i++)
    sorted = compare_runs (&g_array_index (set->runs, Run, i - 1),
                           &g_array_index (set->runs, Run, i)) <= 0;
  if (!sorted)
    g_array_sort (set->runs, compare_runs);
  set->count = 0;
  for (guint i = 0; i < set->runs->len; i++)
    {
      Run r = g_array_index (set->runs, Run, i);

      if (out > 0 && r.first <= g_array_index (set->runs, Run, out - 1).last + 1)
        {
          Run *prev = &g_array_index (set->runs, Run, out - 1);
          prev->last = MAX (prev->last, r.last);
        }
      else
        g_array_index (set->runs, Run, out++) = r;
    }
  g_array_set_size (set->runs, out);
  for (guint i = 0; i < out; i++)
    {
      const Run *r = &g_array_index (set->runs, Run, i);
      set->count += r->last - r->first + 1;
    }
}

static void
vendor_set_add_run (ClTcVendorSet *set,
                    guint          first,
                    guint          last)
{
  Run r = { first, last };

  g_assert (first >= 1 && first <= last);
  g_array_append_val (set->runs, r);
}

guint
cl_tc_vendor_set_get_max_id (const ClTcVendorSet *set)
{
  g_return_val_if_fail (set != NULL, 0);
  return set->max_vendor_id;
}

gboolean
cl_tc_vendor_set_is_range_encoded (const ClTcVendorSet *set)
{
  g_return_val_if_fail (set != NULL, FALSE);
  return set->is_range_encoded;
}

guint
cl_tc_vendor_set_get_count (const ClTcVendorSet *set)
{
  g_return_val_if_fail (set != NULL, 0);
  return set->count;
}

gboolean
cl_tc_vendor_set_contains (const ClTcVendorSet *set,
                           guint                vendor_id)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (set != NULL, FALSE);

  hi = set->runs->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const Run *r = &g_array_index (set->runs, Run, mid);

      if (vendor_id < r->first)
        hi = mid;
      else if (vendor_id > r->last)
        lo = mid + 1;
      else
        return TRUE;
    }
  return FALSE;
}

GArray *
cl_tc_vendor_set_to_array (const ClTcVendorSet *set)
{
  GArray *ids;

  g_return_val_if_fail (set != NULL, NULL);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (guint), set->count);
  for (guint i = 0; i < set->runs->len; i++)
    {
      const Run *r = &g_array_index (set->runs, Run, i);
      for (guint id = r->first; id <= r->last; id++)
        g_array_append_val (ids, id);
    }
  return ids;
}

GArray *
cl_tc_vendor_set_to_runs (const ClTcVendorSet *set)
{
  GArray *pairs;

  g_return_val_if_fail (set != NULL, NULL);

  pairs = g_array_sized_new (FALSE, FALSE, sizeof (guint), set->runs->len * 2);
  for (guint i = 0; i < set->runs->len; i++)
    {
      const Run *r = &g_array_index (set->runs, Run, i);
      g_array_append_val (pairs, r->first);
      g_array_append_val (pairs, r->last);
    }
  return pairs;
}

/* ------------------------------------------------------------------------------------------ */
/* Base64url and the bit reader */

typedef struct
{
  guint8     *bytes;      /* the segment's bits, most significant first */
  gsize       n_bits;
  gsize       pos;
  const char *segment;    /* for messages, N_(): "core segment", "publisher TC segment" … */
  guint       segment_index;  /* while the type of an optional segment is unknown: "segment 2" */
  guint       restriction;    /* the publisher restriction being read, for restriction_field */
} BitReader;

/* Messages are translated only when a string fails: decoding a valid one, which a benchmark does
 * 100,000 times, never calls gettext. Segment and field names are N_() strings (or these
 * markers) until then. */

/* The field name of publisher restriction r->restriction; see field_text(). */
static const char restriction_field[] = "publisher restriction %u";

static char *
segment_text (const BitReader *r)
{
  if (r->segment_index != 0)
    /* Translators: segment names (“core segment”, “segment 2” …) fill “The %s is empty”,
     * “inside the %s”: Swedish takes the definite form in lower case (kärnsegmentet). */
    return g_strdup_printf (_("segment %u"), r->segment_index);
  return g_strdup (_(r->segment));
}

static char *
field_text (const BitReader *r,
            const char      *field)
{
  if (field == restriction_field)
    /* Translators: field names (“the creation time”, “publisher restriction 2” …) fill “in
     * %s”, “of %s”, “for %s”: Swedish takes the definite form in lower case. */
    return g_strdup_printf (_("publisher restriction %u"), r->restriction);
  return g_strdup (_(field));
}

static void
bit_reader_clear (BitReader *r)
{
  g_clear_pointer (&r->bytes, g_free);
}

static int
base64url_value (guchar c)
{
  if (c >= 'A' && c <= 'Z')
    return c - 'A';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 26;
  if (c >= '0' && c <= '9')
    return c - '0' + 52;
  if (c == '-')
    return 62;
  if (c == '_')
    return 63;
  return -1;
}

static char *
describe_char (guchar c)
{
  if (c >= 0x21 && c < 0x7f)
    return g_strdup_printf ("'%c'", c);
  if (c == ' ')
    return g_strdup (_("a space"));
  return g_strdup_printf (_("byte 0x%02X"), c);
}

/* Decodes one segment, text[start..end), into r. offset is where the segment starts in the whole
 * string, so that messages can point at the character a person sees. Padding ('=') is
 * tolerated only where base64 puts it: one or two at the very end, making the length a multiple
 * of four. */
static gboolean
bit_reader_init (BitReader   *r,
                 const char  *text,
                 gsize        start,
                 gsize        end,
                 const char  *segment,
                 guint        segment_index,
                 GError     **error)
{
  gsize n_chars = end - start;
  gsize n_data = n_chars;
  gsize n_pad = 0;

  memset (r, 0, sizeof *r);
  r->segment = segment;
  r->segment_index = segment_index;

  while (n_data > 0 && text[start + n_data - 1] == '=')
    {
      n_data--;
      n_pad++;
    }
  if (n_pad > 0 && (n_pad > 2 || n_chars % 4 != 0 || n_data == 0))
    {
      g_autofree char *name = segment_text (r);

      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("The %s ends in %zu '=' padding characters where base64 allows none: "
                     "the string was cut or altered."), name, n_pad);
      return FALSE;
    }

  if (n_data == 0)
    {
      /* "segment 2" before its type is known, else "core segment". */
      if (segment_index != 0)
        g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                     _("Segment %u is empty (character %zu): two dots in a row, or a dot at "
                       "the end."), segment_index, start + 1);
      else
        {
          g_autofree char *name = segment_text (r);

          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                       _("The %s is empty (character %zu): the string starts with a dot."),
                       name, start + 1);
        }
      return FALSE;
    }

  /* n_data * 6 bits packed into bytes; one spare byte so the last partial byte is in bounds. */
  r->bytes = g_malloc0 (n_data * 6 / 8 + 1);
  r->n_bits = n_data * 6;
  {
    guint32 acc = 0;
    guint n_acc = 0;
    gsize out = 0;

    for (gsize i = 0; i < n_data; i++)
      {
        int v = base64url_value ((guchar) text[start + i]);

        if (v < 0)
          break;  /* reported below */
        acc = (acc << 6) | (guint32) v;
        n_acc += 6;
        if (n_acc >= 8)
          {
            n_acc -= 8;
            r->bytes[out++] = (guint8) (acc >> n_acc);
            acc &= (1u << n_acc) - 1;
          }
      }
    if (n_acc > 0)
      r->bytes[out] = (guint8) (acc << (8 - n_acc));
  }
  for (gsize i = 0; i < n_data; i++)
    {
      guchar c = (guchar) text[start + i];
      int v = base64url_value (c);

      if (v < 0)
        {
          g_autofree char *what = describe_char (c);
          g_autofree char *name = segment_text (r);

          bit_reader_clear (r);
          if (c == '=')
            g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                         _("Character %zu is a '=' inside the %s: padding may only end a "
                           "segment."), start + i + 1, name);
          else
            /* Translators: %s is a character in quotes, “a space” or “byte 0x1F”. */
            g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                         _("Character %zu (%s) is not base64url: a TC string holds only A-Z, "
                           "a-z, 0-9, '-', '_' and dots between segments."),
                         start + i + 1, what);
          return FALSE;
        }
    }
  return TRUE;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BitReader, bit_reader_clear)

static gsize
bits_left (const BitReader *r)
{
  return r->n_bits - r->pos;
}

static gboolean
read_bits (BitReader   *r,
           guint        n,
           const char  *field,
           guint64     *out,
           GError     **error)
{
  guint64 v = 0;

  g_assert (n <= 64);

  if (n > bits_left (r))
    {
      g_autofree char *name = segment_text (r);
      g_autofree char *where = field_text (r, field);
      g_autofree char *needed =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more bit is needed",
                                      "%u more bits are needed", n), n);
      g_autofree char *left =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%zu is left", "%zu are left",
                                      bits_left (r)), bits_left (r));

      /* Translators: e.g. “The core segment is truncated at bit 6, in the creation time: 36
       * more bits are needed, 30 are left.” */
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("The %s is truncated at bit %zu, in %s: %s, %s."),
                   name, r->pos, where, needed, left);
      return FALSE;
    }
  for (guint i = 0; i < n; i++, r->pos++)
    v = (v << 1) | ((r->bytes[r->pos / 8] >> (7 - r->pos % 8)) & 1);
  *out = v;
  return TRUE;
}

/* Convenience for the many small fields. */
static gboolean
read_uint (BitReader   *r,
           guint        n,
           const char  *field,
           guint       *out,
           GError     **error)
{
  guint64 v;

  g_assert (n <= 32);
  if (!read_bits (r, n, field, &v, error))
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

static gboolean
read_bool (BitReader   *r,
           const char  *field,
           gboolean    *out,
           GError     **error)
{
  guint v;

  if (!read_uint (r, 1, field, &v, error))
    return FALSE;
  *out = v != 0;
  return TRUE;
}

/* Reads width bits MSB first into a mask whose bit (i - 1) stands for id i. */
static gboolean
read_id_mask (BitReader   *r,
              guint        width,
              const char  *field,
              guint64     *out,
              GError     **error)
{
  guint64 raw;
  guint64 mask = 0;

  if (!read_bits (r, width, field, &raw, error))
    return FALSE;
  for (guint i = 0; i < width; i++)
    if (raw & (G_GUINT64_CONSTANT (1) << (width - 1 - i)))
      mask |= G_GUINT64_CONSTANT (1) << i;
  *out = mask;
  return TRUE;
}

static gboolean
read_mask32 (BitReader   *r,
             guint        width,
             const char  *field,
             guint32     *out,
             GError     **error)
{
  guint64 mask;

  g_assert (width <= 32);
  if (!read_id_mask (r, width, field, &mask, error))
    return FALSE;
  *out = (guint32) mask;
  return TRUE;
}

static gboolean
read_letters (BitReader   *r,
              const char  *field,
              char         out[3],
              GError     **error)
{
  for (int i = 0; i < 2; i++)
    {
      guint v;

      if (!read_uint (r, BITS_LETTER, field, &v, error))
        return FALSE;
      if (v > 25)
        {
          g_autofree char *name = segment_text (r);
          g_autofree char *where = field_text (r, field);

          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                       _("The %s holds letter code %u in %s, where only 0-25 (A-Z) exist."),
                       name, v, where);
          return FALSE;
        }
      out[i] = (char) ('A' + v);
    }
  out[2] = '\0';
  return TRUE;
}

/* What a count in the string claims; need_bits() words it. */
typedef enum
{
  CLAIM_RANGE_ENTRIES,  /* count range entries for field */
  CLAIM_BIT_FIELD,      /* a bit field of count vendors for field */
  CLAIM_RESTRICTIONS,   /* count publisher restrictions */
} Claim;

/* Claims are checked before they are read, so that a damaged length fails at once and says
 * what it claimed. */
static gboolean
need_bits (BitReader   *r,
           guint64      n,
           Claim        claim,
           guint        count,
           const char  *field,
           GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *what = NULL;

  if (n <= bits_left (r))
    return TRUE;

  name = segment_text (r);
  what = field != NULL ? field_text (r, field) : NULL;
  switch (claim)
    {
    case CLAIM_RANGE_ENTRIES:
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("The %s claims %u range entries for %s, which take at least %" PRIu64
                     " bits from bit %zu, but only %zu are left."),
                   name, count, what, n, r->pos, bits_left (r));
      break;
    case CLAIM_BIT_FIELD:
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("The %s claims a bit field of %u vendors for %s, which take at least %"
                     PRIu64 " bits from bit %zu, but only %zu are left."),
                   name, count, what, n, r->pos, bits_left (r));
      break;
    case CLAIM_RESTRICTIONS:
    default:
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("The %s claims %u publisher restrictions, which take at least %" PRIu64
                     " bits from bit %zu, but only %zu are left."),
                   name, count, n, r->pos, bits_left (r));
      break;
    }
  return FALSE;
}

/* What is left after the last field is only there to fill the last character; a 1 in it
 * means the fields were not what the string's author wrote. */
static gboolean
check_trailing (BitReader   *r,
                GError     **error)
{
  gsize end = r->pos;

  while (r->pos < r->n_bits)
    {
      guint64 bit;

      if (!read_bits (r, 1, N_("padding"), &bit, error))
        return FALSE;
      if (bit != 0)
        {
          g_autofree char *name = segment_text (r);

          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                       _("The %s has data after its last field (a 1 at bit %zu, the fields end "
                         "at bit %zu): its lengths do not match its content."),
                       name, r->pos - 1, end);
          return FALSE;
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Sections */

/* NumEntries range entries: (IsARange, StartOrOnlyVendorId[, EndVendorId]). max_vendor_id == 0
 * means no upper bound (publisher restrictions have none). */
static gboolean
read_range_entries (BitReader      *r,
                    const char     *what,
                    ClTcVendorSet  *set,
                    guint           max_vendor_id,
                    GError        **error)
{
  guint n_entries;

  if (!read_uint (r, BITS_NUM_ENTRIES, what, &n_entries, error))
    return FALSE;
  if (!need_bits (r, (guint64) n_entries * MIN_ENTRY_BITS, CLAIM_RANGE_ENTRIES, n_entries, what,
                  error))
    return FALSE;

  for (guint i = 0; i < n_entries; i++)
    {
      gboolean is_range;
      guint first;
      guint last;

      if (!read_bool (r, what, &is_range, error) ||
          !read_uint (r, BITS_VENDOR_ID, what, &first, error))
        return FALSE;
      last = first;
      if (is_range && !read_uint (r, BITS_VENDOR_ID, what, &last, error))
        return FALSE;

      if (first == 0)
        {
          g_autofree char *name = segment_text (r);
          g_autofree char *where = field_text (r, what);

          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                       _("The %s names vendor 0 in entry %u of %s; vendor ids start at 1."),
                       name, i + 1, where);
          return FALSE;
        }
      if (last < first)
        {
          g_autofree char *name = segment_text (r);
          g_autofree char *where = field_text (r, what);

          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                       _("The %s has the backwards range %u-%u in entry %u of %s."),
                       name, first, last, i + 1, where);
          return FALSE;
        }
      if (max_vendor_id > 0 && last > max_vendor_id)
        {
          g_autofree char *name = segment_text (r);
          g_autofree char *where = field_text (r, what);

          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                       _("The %s names vendor %u in entry %u of %s, above its maximum vendor "
                         "id %u."), name, last, i + 1, where, max_vendor_id);
          return FALSE;
        }
      vendor_set_add_run (set, first, last);
    }
  return TRUE;
}

static gboolean
read_bitfield (BitReader      *r,
               const char     *what,
               ClTcVendorSet  *set,
               guint           n_bits,
               GError        **error)
{
  guint run_start = 0;

  if (!need_bits (r, n_bits, CLAIM_BIT_FIELD, n_bits, what, error))
    return FALSE;

  /* need_bits has vouched for all of them: read straight from the bytes, as a real string
   * has bit fields of thousands of vendors and decoding them is most of the work. */
  for (guint id = 1; id <= n_bits; id++, r->pos++)
    {
      gboolean bit;

      /* A whole byte that neither starts nor ends a run: skip it. */
      while (r->pos % 8 == 0 && n_bits - id >= 8 &&
             r->bytes[r->pos / 8] == (run_start ? 0xFF : 0x00))
        {
          id += 8;
          r->pos += 8;
        }
      bit = (r->bytes[r->pos / 8] >> (7 - r->pos % 8)) & 1;

      if (bit && run_start == 0)
        run_start = id;
      else if (!bit && run_start != 0)
        {
          vendor_set_add_run (set, run_start, id - 1);
          run_start = 0;
        }
    }
  if (run_start != 0)
    vendor_set_add_run (set, run_start, n_bits);
  return TRUE;
}

/* The v2 vendor section, shared by the core segment's consents and legitimate interests and by
 * the disclosed- and allowed-vendors segments: MaxVendorId, IsRangeEncoding, then a bit field
 * or range entries. */
static ClTcVendorSet *
read_vendor_section (BitReader   *r,
                     const char  *what,
                     GError     **error)
{
  g_autoptr(ClTcVendorSet) set = NULL;
  guint max_vendor_id;
  gboolean is_range;

  if (!read_uint (r, BITS_VENDOR_ID, what, &max_vendor_id, error) ||
      !read_bool (r, what, &is_range, error))
    return NULL;

  set = vendor_set_new (max_vendor_id, is_range);
  if (is_range)
    {
      if (!read_range_entries (r, what, set, max_vendor_id, error))
        return NULL;
      /* A range entry must stay within max, and max 0 bounds nothing: every entry is above 0. */
      if (max_vendor_id == 0 && set->runs->len > 0)
        {
          g_autofree char *name = segment_text (r);
          g_autofree char *where = field_text (r, what);

          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                       _("The %s lists vendors in %s although its maximum vendor id is 0."),
                       name, where);
          return NULL;
        }
    }
  else if (!read_bitfield (r, what, set, max_vendor_id, error))
    return NULL;

  vendor_set_normalize (set);
  return g_steal_pointer (&set);
}

static void
publisher_restriction_free (gpointer data)
{
  ClTcPublisherRestriction *pr = data;

  vendor_set_free (pr->vendors);
  g_free (pr);
}

static gpointer
publisher_restriction_copy (gconstpointer src,
                            gpointer      user_data)
{
  const ClTcPublisherRestriction *pr = src;
  ClTcPublisherRestriction *copy = g_memdup2 (pr, sizeof *pr);

  copy->vendors = vendor_set_copy (pr->vendors);
  return copy;
}

/* Every purpose (24 ids) under every restriction type (4), for every vendor id (65,535), is
 * about 6.3 million: a real string restricts a few purposes for a few hundred vendors. */
#define MAX_RESTRICTED_VENDORS (1u << 20)

static gboolean
read_publisher_restrictions (BitReader  *r,
                             GPtrArray  *out,
                             GError    **error)
{
  /* Purpose id, type and an entry count: the least one restriction takes. */
  const guint min_bits = BITS_RESTR_PURPOSE + BITS_RESTR_TYPE + BITS_NUM_ENTRIES;
  guint64 n_restricted = 0;
  guint n;

  if (!read_uint (r, BITS_NUM_ENTRIES, N_("the number of publisher restrictions"), &n, error))
    return FALSE;
  if (!need_bits (r, (guint64) n * min_bits, CLAIM_RESTRICTIONS, n, NULL, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClTcVendorSet) set = NULL;
      const char *what = restriction_field;
      ClTcPublisherRestriction *pr;
      guint purpose_id;
      guint type;

      r->restriction = i + 1;
      if (!read_uint (r, BITS_RESTR_PURPOSE, what, &purpose_id, error) ||
          !read_uint (r, BITS_RESTR_TYPE, what, &type, error))
        return FALSE;
      if (purpose_id == 0)
        {
          g_autofree char *name = segment_text (r);
          g_autofree char *where = field_text (r, what);

          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                       _("The %s restricts purpose 0 in %s; purpose ids start at 1."),
                       name, where);
          return FALSE;
        }

      set = vendor_set_new (0, TRUE);
      if (!read_range_entries (r, what, set, 0, error))
        return FALSE;
      vendor_set_normalize (set);
      if (set->runs->len > 0)
        set->max_vendor_id = g_array_index (set->runs, Run, set->runs->len - 1).last;

      /* A range entry of 33 bits can name 65,535 vendors, so a short hostile string can
       * name billions in all; its decoded form (JSON, the window) would list every one. */
      for (guint k = 0; k < set->runs->len; k++)
        {
          const Run *run = &g_array_index (set->runs, Run, k);

          n_restricted += run->last - run->first + 1;
        }
      if (n_restricted > MAX_RESTRICTED_VENDORS)
        {
          g_autofree char *name = segment_text (r);

          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                       _("The %s names more than %u vendors in its publisher restrictions, "
                         "which no real consent holds; it is refused so that its decoded form "
                         "stays readable."), name, MAX_RESTRICTED_VENDORS);
          return FALSE;
        }

      pr = g_new0 (ClTcPublisherRestriction, 1);
      pr->purpose_id = purpose_id;
      pr->restriction_type = (ClTcRestrictionType) type;
      pr->vendors = g_steal_pointer (&set);
      g_ptr_array_add (out, pr);
    }
  return TRUE;
}

static ClTcPublisherTC *
read_publisher_tc (BitReader  *r,
                   GError    **error)
{
  g_autofree ClTcPublisherTC *ptc = g_new0 (ClTcPublisherTC, 1);

  if (!read_mask32 (r, BITS_PURPOSES, N_("the publisher purposes consent"),
                    &ptc->pub_purposes_consent, error) ||
      !read_mask32 (r, BITS_PURPOSES, N_("the publisher purposes legitimate interest"),
                    &ptc->pub_purposes_li_transparency, error) ||
      !read_uint (r, BITS_NUM_CUSTOM, N_("the number of custom purposes"),
                  &ptc->num_custom_purposes, error) ||
      !read_id_mask (r, ptc->num_custom_purposes, N_("the custom purposes consent"),
                     &ptc->custom_purposes_consent, error) ||
      !read_id_mask (r, ptc->num_custom_purposes, N_("the custom purposes legitimate interest"),
                     &ptc->custom_purposes_li_transparency, error))
    return NULL;
  return g_steal_pointer (&ptc);
}

/* ------------------------------------------------------------------------------------------ */
/* Segments */

G_DEFINE_BOXED_TYPE (ClTcString, cl_tc_string, cl_tc_string_copy, cl_tc_string_free)

static ClTcString *
tc_string_new (void)
{
  ClTcString *tc = g_new0 (ClTcString, 1);

  tc->publisher_restrictions = g_ptr_array_new_with_free_func (publisher_restriction_free);
  return tc;
}

void
cl_tc_string_free (ClTcString *tc)
{
  if (tc == NULL)
    return;
  vendor_set_free (tc->vendor_consents);
  vendor_set_free (tc->vendor_legitimate_interests);
  g_ptr_array_unref (tc->publisher_restrictions);
  vendor_set_free (tc->disclosed_vendors);
  vendor_set_free (tc->allowed_vendors);
  g_free (tc->publisher_tc);
  g_free (tc);
}

ClTcString *
cl_tc_string_copy (const ClTcString *tc)
{
  ClTcString *copy;

  g_return_val_if_fail (tc != NULL, NULL);

  copy = g_memdup2 (tc, sizeof *tc);
  copy->vendor_consents = vendor_set_copy (tc->vendor_consents);
  copy->vendor_legitimate_interests = vendor_set_copy (tc->vendor_legitimate_interests);
  copy->publisher_restrictions = g_ptr_array_copy (tc->publisher_restrictions,
                                                   publisher_restriction_copy, NULL);
  g_ptr_array_set_free_func (copy->publisher_restrictions, publisher_restriction_free);
  copy->disclosed_vendors = vendor_set_copy (tc->disclosed_vendors);
  copy->allowed_vendors = vendor_set_copy (tc->allowed_vendors);
  copy->publisher_tc = tc->publisher_tc ? g_memdup2 (tc->publisher_tc, sizeof *tc->publisher_tc)
                                        : NULL;
  return copy;
}

static gboolean
read_header (BitReader   *r,
             ClTcString  *tc,
             GError     **error)
{
  guint64 created;
  guint64 last_updated;

  /* Translators: field names fill “in %s”, “of %s”; Swedish: definite form (versionen). */
  if (!read_uint (r, BITS_VERSION, N_("the version"), &tc->version, error) ||
      !read_bits (r, BITS_TIMESTAMP, N_("the creation time"), &created, error) ||
      !read_bits (r, BITS_TIMESTAMP, N_("the last-updated time"), &last_updated, error) ||
      !read_uint (r, BITS_CMP_ID, N_("the CMP id"), &tc->cmp_id, error) ||
      !read_uint (r, BITS_CMP_VERSION, N_("the CMP version"), &tc->cmp_version, error) ||
      !read_uint (r, BITS_CONSENT_SCREEN, N_("the consent screen"), &tc->consent_screen, error) ||
      !read_letters (r, N_("the consent language"), tc->consent_language, error) ||
      !read_uint (r, BITS_VL_VERSION, N_("the vendor list version"), &tc->vendor_list_version,
                  error))
    return FALSE;
  tc->created = (gint64) created;
  tc->last_updated = (gint64) last_updated;
  return TRUE;
}

/* Consent string format v1.1: no segments, purposes allowed, and vendor consents as a bit field
 * or as ranges that flip a default. */
static gboolean
read_core_v1 (BitReader   *r,
              ClTcString  *tc,
              GError     **error)
{
  const char *what = N_("the vendor consents");
  g_autoptr(ClTcVendorSet) set = NULL;
  guint max_vendor_id;
  gboolean is_range;

  if (!read_header (r, tc, error) ||
      !read_mask32 (r, BITS_PURPOSES, N_("the purposes allowed"), &tc->purposes_consent, error) ||
      !read_uint (r, BITS_VENDOR_ID, N_("the maximum vendor id"), &max_vendor_id, error) ||
      !read_bool (r, N_("the encoding type"), &is_range, error))
    return FALSE;

  set = vendor_set_new (max_vendor_id, is_range);
  if (is_range)
    {
      gboolean default_consent;
      g_autoptr(ClTcVendorSet) listed = vendor_set_new (max_vendor_id, TRUE);

      if (!read_bool (r, N_("the default consent"), &default_consent, error) ||
          !read_range_entries (r, what, listed, max_vendor_id, error))
        return FALSE;
      if (max_vendor_id == 0 && listed->runs->len > 0)
        {
          g_autofree char *name = segment_text (r);
          g_autofree char *where = field_text (r, what);

          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                       _("The %s lists vendors in %s although its maximum vendor id is 0."),
                       name, where);
          return FALSE;
        }
      vendor_set_normalize (listed);

      if (!default_consent)
        g_array_append_vals (set->runs, listed->runs->data, listed->runs->len);
      else
        {
          /* The listed ranges are the exceptions to a default of "consent": take the rest. */
          guint next = 1;

          for (guint i = 0; i < listed->runs->len; i++)
            {
              const Run *run = &g_array_index (listed->runs, Run, i);
              if (run->first > next)
                vendor_set_add_run (set, next, run->first - 1);
              next = run->last + 1;
            }
          if (next <= max_vendor_id)
            vendor_set_add_run (set, next, max_vendor_id);
        }
    }
  else if (!read_bitfield (r, what, set, max_vendor_id, error))
    return FALSE;

  vendor_set_normalize (set);
  tc->vendor_consents = g_steal_pointer (&set);
  return TRUE;
}

static gboolean
read_core_v2 (BitReader   *r,
              ClTcString  *tc,
              GError     **error)
{
  if (!read_header (r, tc, error) ||
      !read_uint (r, BITS_POLICY_VERSION, N_("the TCF policy version"), &tc->tcf_policy_version,
                  error) ||
      !read_bool (r, N_("the service-specific flag"), &tc->is_service_specific, error) ||
      !read_bool (r, N_("the non-standard-texts flag"), &tc->use_non_standard_texts, error) ||
      !read_mask32 (r, BITS_SPECIAL_FEAT, N_("the special feature opt-ins"),
                    &tc->special_feature_opt_ins, error) ||
      !read_mask32 (r, BITS_PURPOSES, N_("the purposes consent"), &tc->purposes_consent, error) ||
      !read_mask32 (r, BITS_PURPOSES, N_("the purposes legitimate interest"),
                    &tc->purposes_li_transparency, error) ||
      !read_bool (r, N_("the purpose one treatment"), &tc->purpose_one_treatment, error) ||
      !read_letters (r, N_("the publisher country"), tc->publisher_cc, error))
    return FALSE;

  tc->vendor_consents = read_vendor_section (r, N_("the vendor consents"), error);
  if (tc->vendor_consents == NULL)
    return FALSE;
  tc->vendor_legitimate_interests = read_vendor_section (r, N_("the vendor legitimate interests"),
                                                         error);
  if (tc->vendor_legitimate_interests == NULL)
    return FALSE;
  return read_publisher_restrictions (r, tc->publisher_restrictions, error);
}

static const char *
segment_name (ClTcSegmentType type)
{
  switch (type)
    {
    case CL_TC_SEGMENT_CORE:
      /* Translators: used as “The %s is empty”; Swedish: definite form (kärnsegmentet). */
      return N_("core segment");
    case CL_TC_SEGMENT_DISCLOSED_VENDORS:
      return N_("disclosed-vendors segment");
    case CL_TC_SEGMENT_ALLOWED_VENDORS:
      return N_("allowed-vendors segment");
    case CL_TC_SEGMENT_PUBLISHER_TC:
      return N_("publisher TC segment");
    default:
      return N_("segment");
    }
}

/* Reads the body of an optional segment after its type. */
static gboolean
read_optional_segment (BitReader        *r,
                       ClTcSegmentType   type,
                       ClTcVendorSet   **vendors,
                       ClTcPublisherTC **publisher_tc,
                       GError          **error)
{
  switch (type)
    {
    case CL_TC_SEGMENT_DISCLOSED_VENDORS:
      *vendors = read_vendor_section (r, N_("the disclosed vendors"), error);
      return *vendors != NULL;
    case CL_TC_SEGMENT_ALLOWED_VENDORS:
      *vendors = read_vendor_section (r, N_("the allowed vendors"), error);
      return *vendors != NULL;
    case CL_TC_SEGMENT_PUBLISHER_TC:
      *publisher_tc = read_publisher_tc (r, error);
      return *publisher_tc != NULL;
    case CL_TC_SEGMENT_CORE:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

int
cl_tc_string_peek_version (const char *text)
{
  int v;

  g_return_val_if_fail (text != NULL, -1);

  v = base64url_value ((guchar) text[0]);
  return v < 0 ? -1 : v;
}

static gboolean
check_version (const char  *text,
               GError     **error)
{
  int v = cl_tc_string_peek_version (text);
  int looks_like = v >> 3;   /* the first 3 bits, were this an optional segment */

  if (v == CL_TC_VERSION_1 || v == CL_TC_VERSION_2)
    return TRUE;
  if (v < 0)
    return TRUE;  /* the base64 check names the character */

  if (looks_like == CL_TC_SEGMENT_DISCLOSED_VENDORS)
    g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                 _("The TC string has version %d, which does not exist (only 1 and 2 do). It "
                   "looks like a disclosed-vendors segment placed first, but the core segment "
                   "must come first."), v);
  else if (looks_like == CL_TC_SEGMENT_ALLOWED_VENDORS)
    g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                 _("The TC string has version %d, which does not exist (only 1 and 2 do). It "
                   "looks like an allowed-vendors segment placed first, but the core segment "
                   "must come first."), v);
  else if (looks_like == CL_TC_SEGMENT_PUBLISHER_TC)
    g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                 _("The TC string has version %d, which does not exist (only 1 and 2 do). It "
                   "looks like a publisher TC segment placed first, but the core segment must "
                   "come first."), v);
  else
    g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                 _("The TC string has version %d, which does not exist (only 1 and 2 do)."), v);
  return FALSE;
}

ClTcString *
cl_tc_string_decode (const char  *text,
                     GError     **error)
{
  g_autoptr(ClTcString) tc = NULL;
  gboolean seen[4] = { FALSE, };
  gsize start = 0;
  guint index = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text[0] == '\0')
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                           _("The TC string is empty."));
      return NULL;
    }
  if (!check_version (text, error))
    return NULL;

  tc = tc_string_new ();
  for (;;)
    {
      const char *dot = strchr (text + start, '.');
      gsize end = dot ? (gsize) (dot - text) : strlen (text);
      g_auto(BitReader) r = { 0, };

      index++;
      if (index == 1)
        {
          if (!bit_reader_init (&r, text, start, end, N_("core segment"), 0, error))
            return NULL;
          /* check_version has vouched for the first character. */
          if (cl_tc_string_peek_version (text) == CL_TC_VERSION_1)
            {
              r.segment = N_("version 1 TC string");
              if (dot != NULL)
                {
                  g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                               _("The TC string says it is version 1, but has a dot at "
                                 "character %zu: version 1 strings have no segments."), end + 1);
                  return NULL;
                }
              if (!read_core_v1 (&r, tc, error))
                return NULL;
            }
          else if (!read_core_v2 (&r, tc, error))
            return NULL;
          seen[CL_TC_SEGMENT_CORE] = TRUE;
        }
      else
        {
          guint type;

          if (!bit_reader_init (&r, text, start, end, N_("segment"), index, error) ||
              !read_uint (&r, BITS_SEGMENT_TYPE, N_("the segment type"), &type, error))
            return NULL;
          if (type == CL_TC_SEGMENT_CORE)
            {
              g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                           _("Segment %u is a second core segment: a TC string has one, "
                             "and only as its first segment."), index);
              return NULL;
            }
          if (type > CL_TC_SEGMENT_PUBLISHER_TC)
            {
              g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                           _("Segment %u has type %u, which does not exist (only 1 disclosed "
                             "vendors, 2 allowed vendors and 3 publisher TC do)."), index, type);
              return NULL;
            }
          if (seen[type])
            {
              if (type == CL_TC_SEGMENT_DISCLOSED_VENDORS)
                g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                             _("Segment %u is a second disclosed-vendors segment: each segment "
                               "may appear only once."), index);
              else if (type == CL_TC_SEGMENT_ALLOWED_VENDORS)
                g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                             _("Segment %u is a second allowed-vendors segment: each segment may "
                               "appear only once."), index);
              else
                g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                             _("Segment %u is a second publisher TC segment: each segment may "
                               "appear only once."), index);
              return NULL;
            }
          seen[type] = TRUE;
          r.segment = segment_name ((ClTcSegmentType) type);
          r.segment_index = 0;
          switch (type)
            {
            case CL_TC_SEGMENT_DISCLOSED_VENDORS:
              if (!read_optional_segment (&r, type, &tc->disclosed_vendors, NULL, error))
                return NULL;
              break;
            case CL_TC_SEGMENT_ALLOWED_VENDORS:
              if (!read_optional_segment (&r, type, &tc->allowed_vendors, NULL, error))
                return NULL;
              break;
            case CL_TC_SEGMENT_PUBLISHER_TC:
              if (!read_optional_segment (&r, type, NULL, &tc->publisher_tc, error))
                return NULL;
              break;
            default:
              g_assert_not_reached ();
            }
        }
      if (!check_trailing (&r, error))
        return NULL;

      if (dot == NULL)
        break;
      start = end + 1;
    }

  return g_steal_pointer (&tc);
}

ClTcSegment *
cl_tc_segment_decode (const char  *text,
                      GError     **error)
{
  g_autoptr(ClTcSegment) segment = NULL;
  g_auto(BitReader) r = { 0, };
  guint type;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strchr (text, '.') != NULL)
    {
      g_set_error_literal (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                           _("This is more than one segment: a dot separates segments."));
      return NULL;
    }
  if (!bit_reader_init (&r, text, 0, strlen (text), N_("segment"), 0, error) ||
      !read_uint (&r, BITS_SEGMENT_TYPE, N_("the segment type"), &type, error))
    return NULL;
  if (type == CL_TC_SEGMENT_CORE || type > CL_TC_SEGMENT_PUBLISHER_TC)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("The segment has type %u; only 1 disclosed vendors, 2 allowed vendors and "
                     "3 publisher TC can stand alone."), type);
      return NULL;
    }

  segment = g_new0 (ClTcSegment, 1);
  segment->type = (ClTcSegmentType) type;
  r.segment = segment_name (segment->type);
  if (!read_optional_segment (&r, segment->type, &segment->vendors, &segment->publisher_tc,
                              error) ||
      !check_trailing (&r, error))
    return NULL;
  return g_steal_pointer (&segment);
}

void
cl_tc_segment_free (ClTcSegment *segment)
{
  if (segment == NULL)
    return;
  vendor_set_free (segment->vendors);
  g_free (segment->publisher_tc);
  g_free (segment);
}

/* ------------------------------------------------------------------------------------------ */
/* Queries */

gboolean
cl_tc_string_purpose_consent (const ClTcString *tc,
                              guint             purpose_id)
{
  g_return_val_if_fail (tc != NULL, FALSE);

  if (purpose_id < 1 || purpose_id > BITS_PURPOSES)
    return FALSE;
  return (tc->purposes_consent >> (purpose_id - 1)) & 1;
}

gboolean
cl_tc_string_vendor_consent (const ClTcString *tc,
                             guint             vendor_id)
{
  g_return_val_if_fail (tc != NULL, FALSE);
  return cl_tc_vendor_set_contains (tc->vendor_consents, vendor_id);
}

gboolean
cl_tc_string_vendor_legitimate_interest (const ClTcString *tc,
                                         guint             vendor_id)
{
  g_return_val_if_fail (tc != NULL, FALSE);

  if (tc->vendor_legitimate_interests == NULL)
    return FALSE;
  return cl_tc_vendor_set_contains (tc->vendor_legitimate_interests, vendor_id);
}

GArray *
cl_tc_string_get_vendor_decisions (const ClTcString *tc)
{
  const ClTcVendorSet *set;
  GArray *decisions;
  guint next = 1;

  g_return_val_if_fail (tc != NULL, NULL);

  set = tc->vendor_consents;
  decisions = g_array_sized_new (FALSE, FALSE, sizeof (ClTcVendorDecision), set->max_vendor_id);
  g_array_set_size (decisions, set->max_vendor_id);
  /* Walk the runs once rather than bisecting for each of up to 65,535 ids. */
  for (guint i = 0; i <= set->runs->len; i++)
    {
      guint first = i < set->runs->len ? g_array_index (set->runs, Run, i).first
                                       : set->max_vendor_id + 1;
      guint last = i < set->runs->len ? g_array_index (set->runs, Run, i).last : 0;

      for (; next < first; next++)
        g_array_index (decisions, ClTcVendorDecision, next - 1) = (ClTcVendorDecision) { next, FALSE };
      for (; next <= last; next++)
        g_array_index (decisions, ClTcVendorDecision, next - 1) = (ClTcVendorDecision) { next, TRUE };
    }
  return decisions;
}

/* ------------------------------------------------------------------------------------------ */
/* JSON */

static char *
format_deciseconds (gint64 ds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (ds / 10);
  g_autofree char *base = NULL;

  if (dt == NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT, ds);  /* unreachable: 36 bits end in 2187 */
  base = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
  if (ds % 10 != 0)
    return g_strdup_printf ("%s.%dZ", base, (int) (ds % 10));
  return g_strdup_printf ("%sZ", base);
}

static void
add_mask (JsonBuilder *b,
          const char  *name,
          guint64      mask,
          guint        width)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < width; i++)
    if (mask & (G_GUINT64_CONSTANT (1) << i))
      json_builder_add_int_value (b, i + 1);
  json_builder_end_array (b);
}

static void
add_vendor_ids (JsonBuilder         *b,
                const ClTcVendorSet *set)
{
  json_builder_begin_array (b);
  for (guint i = 0; i < set->runs->len; i++)
    {
      const Run *r = &g_array_index (set->runs, Run, i);
      for (guint id = r->first; id <= r->last; id++)
        json_builder_add_int_value (b, id);
    }
  json_builder_end_array (b);
}

static void
add_vendors (JsonBuilder         *b,
             const char          *name,
             const ClTcVendorSet *set)
{
  json_builder_set_member_name (b, name);
  add_vendor_ids (b, set);
}

JsonNode *
cl_tc_string_to_json (const ClTcString *tc)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *created = NULL;
  g_autofree char *last_updated = NULL;

  g_return_val_if_fail (tc != NULL, NULL);

  created = format_deciseconds (tc->created);
  last_updated = format_deciseconds (tc->last_updated);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, tc->version);
  json_builder_set_member_name (b, "created");
  json_builder_add_string_value (b, created);
  json_builder_set_member_name (b, "lastUpdated");
  json_builder_add_string_value (b, last_updated);
  json_builder_set_member_name (b, "cmpId");
  json_builder_add_int_value (b, tc->cmp_id);
  json_builder_set_member_name (b, "cmpVersion");
  json_builder_add_int_value (b, tc->cmp_version);
  json_builder_set_member_name (b, "consentScreen");
  json_builder_add_int_value (b, tc->consent_screen);
  json_builder_set_member_name (b, "consentLanguage");
  json_builder_add_string_value (b, tc->consent_language);
  json_builder_set_member_name (b, "vendorListVersion");
  json_builder_add_int_value (b, tc->vendor_list_version);

  if (tc->version == CL_TC_VERSION_1)
    {
      add_mask (b, "purposesAllowed", tc->purposes_consent, BITS_PURPOSES);
      add_vendors (b, "vendorConsents", tc->vendor_consents);
      json_builder_end_object (b);
      return json_builder_get_root (b);
    }

  json_builder_set_member_name (b, "tcfPolicyVersion");
  json_builder_add_int_value (b, tc->tcf_policy_version);
  json_builder_set_member_name (b, "isServiceSpecific");
  json_builder_add_boolean_value (b, tc->is_service_specific);
  json_builder_set_member_name (b, "useNonStandardTexts");
  json_builder_add_boolean_value (b, tc->use_non_standard_texts);
  add_mask (b, "specialFeatureOptIns", tc->special_feature_opt_ins, BITS_SPECIAL_FEAT);
  add_mask (b, "purposesConsent", tc->purposes_consent, BITS_PURPOSES);
  add_mask (b, "purposesLITransparency", tc->purposes_li_transparency, BITS_PURPOSES);
  json_builder_set_member_name (b, "purposeOneTreatment");
  json_builder_add_boolean_value (b, tc->purpose_one_treatment);
  json_builder_set_member_name (b, "publisherCC");
  json_builder_add_string_value (b, tc->publisher_cc);
  add_vendors (b, "vendorConsents", tc->vendor_consents);
  add_vendors (b, "vendorLegitimateInterests", tc->vendor_legitimate_interests);

  json_builder_set_member_name (b, "publisherRestrictions");
  json_builder_begin_array (b);
  for (guint i = 0; i < tc->publisher_restrictions->len; i++)
    {
      const ClTcPublisherRestriction *pr = g_ptr_array_index (tc->publisher_restrictions, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "purposeId");
      json_builder_add_int_value (b, pr->purpose_id);
      json_builder_set_member_name (b, "restrictionType");
      json_builder_add_int_value (b, pr->restriction_type);
      add_vendors (b, "vendors", pr->vendors);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  if (tc->disclosed_vendors != NULL)
    add_vendors (b, "disclosedVendors", tc->disclosed_vendors);
  if (tc->allowed_vendors != NULL)
    add_vendors (b, "allowedVendors", tc->allowed_vendors);
  if (tc->publisher_tc != NULL)
    {
      const ClTcPublisherTC *ptc = tc->publisher_tc;

      json_builder_set_member_name (b, "publisherTC");
      json_builder_begin_object (b);
      add_mask (b, "pubPurposesConsent", ptc->pub_purposes_consent, BITS_PURPOSES);
      add_mask (b, "pubPurposesLITransparency", ptc->pub_purposes_li_transparency, BITS_PURPOSES);
      json_builder_set_member_name (b, "numCustomPurposes");
      json_builder_add_int_value (b, ptc->num_custom_purposes);
      add_mask (b, "customPurposesConsent", ptc->custom_purposes_consent,
                ptc->num_custom_purposes);
      add_mask (b, "customPurposesLITransparency", ptc->custom_purposes_li_transparency,
                ptc->num_custom_purposes);
      json_builder_end_object (b);
    }

  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* ------------------------------------------------------------------------------------------ */
/* Text for people */

/* TCF v1 numbered its five purposes differently; a v1 string must not borrow v2 names. */
static const char * const v1_purpose_names[] = {
  N_("Information storage and access"),
  N_("Personalisation"),
  N_("Ad selection, delivery, reporting"),
  N_("Content selection, delivery, reporting"),
  N_("Measurement"),
};

static const char * const restriction_names[] = {
  N_("not allowed"),
  N_("requires consent"),
  N_("requires legitimate interest"),
  N_("undefined restriction"),
};

/* The TCF 2.2 names, shared with the vendor pages (cl-tcf-names.c). */
const char *
cl_tc_purpose_name (guint purpose_id)
{
  return cl_tcf_names_builtin (CL_GVL_PURPOSES, purpose_id);
}

const char *
cl_tc_special_feature_name (guint feature_id)
{
  return cl_tcf_names_builtin (CL_GVL_SPECIAL_FEATURES, feature_id);
}

const char *
cl_tc_restriction_type_name (ClTcRestrictionType type)
{
  if ((guint) type >= G_N_ELEMENTS (restriction_names))
    return NULL;
  return _(restriction_names[type]);
}

static const char *
v1_purpose_name (guint purpose_id)
{
  if (purpose_id < 1 || purpose_id > G_N_ELEMENTS (v1_purpose_names))
    return NULL;
  return _(v1_purpose_names[purpose_id - 1]);
}

static char *
human_time (gint64 ds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (ds / 10);

  if (dt == NULL)
    return g_strdup ("?");
  if (ds % 10 != 0)
    {
      g_autofree char *base = g_date_time_format (dt, "%Y-%m-%d %H:%M:%S");
      return g_strdup_printf ("%s.%d UTC", base, (int) (ds % 10));
    }
  return g_date_time_format (dt, "%Y-%m-%d %H:%M:%S UTC");
}

/* "Label:" padded to one column, then the value; the padding is not part of any translation. */
G_GNUC_PRINTF (3, 4)
static void
add_field (GString    *s,
           const char *label,
           const char *format,
           ...)
{
  va_list args;
  glong width = g_utf8_strlen (label, -1) + 1;

  g_string_append_printf (s, "%s:", label);
  for (glong i = width; i < 21; i++)
    g_string_append_c (s, ' ');
  g_string_append_c (s, ' ');
  va_start (args, format);
  g_string_append_vprintf (s, format, args);
  va_end (args);
  g_string_append_c (s, '\n');
}

static const char *
yes_no (gboolean b)
{
  return b ? _("yes") : _("no");
}

static void
describe_mask (GString      *s,
               const char   *title,
               guint64       mask,
               guint         width,
               const char *(*name_of) (guint id))
{
  g_string_append_printf (s, "%s\n", title);
  if (mask == 0)
    {
      g_string_append_printf (s, "  %s\n", _("none"));
      return;
    }
  for (guint i = 0; i < width; i++)
    if (mask & (G_GUINT64_CONSTANT (1) << i))
      {
        const char *name = name_of ? name_of (i + 1) : NULL;

        if (name != NULL)
          g_string_append_printf (s, "  %2u  %s\n", i + 1, name);
        else if (name_of != NULL)
          g_string_append_printf (s, "  %2u  %s\n", i + 1, _("(not defined by the TCF)"));
        else
          g_string_append_printf (s, "  %2u\n", i + 1);
      }
}

/* Restriction vendor lists and unnamed vendors are read as ranges by people too: "1-5, 100". */
static void
append_runs (GString      *s,
             const GArray *runs)
{
  for (guint i = 0; i < runs->len; i++)
    {
      const Run *r = &g_array_index (runs, Run, i);

      if (i > 0)
        g_string_append (s, ", ");
      if (r->first == r->last)
        g_string_append_printf (s, "%u", r->first);
      else
        g_string_append_printf (s, "%u-%u", r->first, r->last);
    }
}

/* Named vendors get a line each; the ids the ledger cannot name are listed compactly after them,
 * so that a string with 800 vendors and an empty vendor table stays readable. */
static void
describe_vendors (GString             *s,
                  const char          *title,
                  const ClTcVendorSet *set,
                  ClTcNameLookup       lookup,
                  gpointer             user_data)
{
  g_autoptr(GArray) unnamed = g_array_new (FALSE, FALSE, sizeof (Run));

  if (set->max_vendor_id == 0)
    {
      g_string_append_printf (s, "%s:\n  %s\n", title, _("none"));
      return;
    }
  /* TRANSLATORS: a title, then how many vendors of how many the string covers */
  g_string_append_printf (s, _("%s (%u of vendors 1-%u):\n"), title, set->count,
                          set->max_vendor_id);
  if (set->count == 0)
    {
      g_string_append_printf (s, "  %s\n", _("none"));
      return;
    }
  for (guint i = 0; i < set->runs->len; i++)
    {
      const Run *r = &g_array_index (set->runs, Run, i);

      for (guint id = r->first; id <= r->last; id++)
        {
          g_autofree char *name = lookup ? lookup (CL_TC_NAME_VENDOR, id, user_data) : NULL;

          if (name != NULL)
            g_string_append_printf (s, "  %5u  %s\n", id, name);
          else if (unnamed->len > 0 && g_array_index (unnamed, Run, unnamed->len - 1).last + 1 == id)
            g_array_index (unnamed, Run, unnamed->len - 1).last = id;
          else
            {
              Run run = { id, id };
              g_array_append_val (unnamed, run);
            }
        }
    }
  if (unnamed->len > 0)
    {
      g_string_append_printf (s, "  %s ", lookup ? _("Not in the vendor list:") : _("Ids:"));
      append_runs (s, unnamed);
      g_string_append_c (s, '\n');
    }
}

char *
cl_tc_string_describe (const ClTcString *tc,
                       ClTcNameLookup    lookup,
                       gpointer          user_data)
{
  GString *s;
  g_autofree char *created = NULL;
  g_autofree char *last_updated = NULL;
  g_autofree char *cmp_name = NULL;

  g_return_val_if_fail (tc != NULL, NULL);

  s = g_string_new (NULL);
  created = human_time (tc->created);
  last_updated = human_time (tc->last_updated);
  cmp_name = lookup ? lookup (CL_TC_NAME_CMP, tc->cmp_id, user_data) : NULL;

  g_string_append_printf (s, _("TC string, TCF version %u\n"), tc->version);
  add_field (s, _("Created"), "%s", created);
  add_field (s, _("Last updated"), "%s", last_updated);
  if (cmp_name != NULL)
    add_field (s, _("CMP"), _("%s (id %u), version %u"), cmp_name, tc->cmp_id, tc->cmp_version);
  else if (lookup != NULL)
    add_field (s, _("CMP"), _("id %u (not in the CMP list), version %u"),
               tc->cmp_id, tc->cmp_version);
  else
    add_field (s, _("CMP"), _("id %u, version %u"), tc->cmp_id, tc->cmp_version);
  add_field (s, _("Consent screen"), "%u", tc->consent_screen);
  add_field (s, _("Consent language"), "%s", tc->consent_language);
  add_field (s, _("Vendor list version"), "%u", tc->vendor_list_version);

  if (tc->version == CL_TC_VERSION_1)
    {
      g_string_append_c (s, '\n');
      describe_mask (s, _("Purposes allowed (TCF v1 purposes):"), tc->purposes_consent,
                     BITS_PURPOSES, v1_purpose_name);
      g_string_append_c (s, '\n');
      describe_vendors (s, _("Vendors with consent"), tc->vendor_consents, lookup, user_data);
      return g_string_free (s, FALSE);
    }

  add_field (s, _("TCF policy version"), "%u", tc->tcf_policy_version);
  add_field (s, _("Service-specific"), "%s", yes_no (tc->is_service_specific));
  add_field (s, _("Non-standard texts"), "%s", yes_no (tc->use_non_standard_texts));
  add_field (s, _("Publisher country"), "%s", tc->publisher_cc);
  add_field (s, _("Purpose 1 treatment"), "%s",
             tc->purpose_one_treatment
               ? _("purpose 1 not disclosed (the publisher's country's rules apply)")
               : _("standard"));

  g_string_append_c (s, '\n');
  describe_mask (s, _("Purposes with consent:"), tc->purposes_consent, BITS_PURPOSES,
                 cl_tc_purpose_name);
  describe_mask (s, _("Purposes with legitimate interest disclosed:"),
                 tc->purposes_li_transparency, BITS_PURPOSES, cl_tc_purpose_name);
  describe_mask (s, _("Special features opted in:"), tc->special_feature_opt_ins,
                 BITS_SPECIAL_FEAT, cl_tc_special_feature_name);

  g_string_append_c (s, '\n');
  describe_vendors (s, _("Vendors with consent"), tc->vendor_consents, lookup, user_data);
  describe_vendors (s, _("Vendors with legitimate interest"), tc->vendor_legitimate_interests,
                    lookup, user_data);

  g_string_append_printf (s, "\n%s\n", _("Publisher restrictions:"));
  if (tc->publisher_restrictions->len == 0)
    g_string_append_printf (s, "  %s\n", _("none"));
  for (guint i = 0; i < tc->publisher_restrictions->len; i++)
    {
      const ClTcPublisherRestriction *pr = g_ptr_array_index (tc->publisher_restrictions, i);
      const char *purpose = cl_tc_purpose_name (pr->purpose_id);

      /* TRANSLATORS: "Purpose 2 (name): not allowed for vendors 1-5, 100" */
      g_string_append_printf (s, _("  Purpose %u (%s): %s for vendors: "), pr->purpose_id,
                              purpose ? purpose : _("not defined by the TCF"),
                              cl_tc_restriction_type_name (pr->restriction_type));
      append_runs (s, pr->vendors->runs);
      g_string_append_c (s, '\n');
    }

  if (tc->disclosed_vendors != NULL)
    {
      g_string_append_c (s, '\n');
      describe_vendors (s, _("Disclosed vendors"), tc->disclosed_vendors, lookup, user_data);
    }
  if (tc->allowed_vendors != NULL)
    {
      g_string_append_c (s, '\n');
      describe_vendors (s, _("Allowed vendors"), tc->allowed_vendors, lookup, user_data);
    }
  if (tc->publisher_tc != NULL)
    {
      const ClTcPublisherTC *ptc = tc->publisher_tc;

      g_string_append_c (s, '\n');
      describe_mask (s, _("Publisher's purposes with consent:"), ptc->pub_purposes_consent,
                     BITS_PURPOSES, cl_tc_purpose_name);
      describe_mask (s, _("Publisher's purposes with legitimate interest disclosed:"),
                     ptc->pub_purposes_li_transparency, BITS_PURPOSES, cl_tc_purpose_name);
      g_string_append_printf (s, _("Custom purposes: %u\n"), ptc->num_custom_purposes);
      if (ptc->num_custom_purposes > 0)
        {
          describe_mask (s, _("Custom purposes with consent:"), ptc->custom_purposes_consent,
                         ptc->num_custom_purposes, NULL);
          describe_mask (s, _("Custom purposes with legitimate interest disclosed:"),
                         ptc->custom_purposes_li_transparency, ptc->num_custom_purposes, NULL);
        }
    }

  return g_string_free (s, FALSE);
}
