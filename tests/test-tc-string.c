/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-tc-string.c: the TC string decoder against the shared vectors and hand-built strings,
 * and the CMP list reader. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cl-cmp-list.h"
#include "cl-error.h"
#include "cl-tc-string.h"
#include "cl-test-utils.h"

/* ------------------------------------------------------------------------------------------ */
/* A bit writer: fixtures are built field by field, so each one reads like the specification. */

typedef struct
{
  GString *bits;  /* '0' and '1' */
} Bits;

static Bits *
bits_new (void)
{
  Bits *b = g_new0 (Bits, 1);
  b->bits = g_string_new (NULL);
  return b;
}

static void
bits_free (Bits *b)
{
  g_string_free (b->bits, TRUE);
  g_free (b);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Bits, bits_free)

static void
put (Bits    *b,
     guint64  value,
     guint    n)
{
  /* Wider than 64 bits only for runs of zeros. */
  g_assert (n >= 64 || value < (G_GUINT64_CONSTANT (1) << n));
  for (guint i = 0; i < n; i++)
    {
      guint shift = n - 1 - i;
      g_string_append_c (b->bits, shift < 64 && (value >> shift) & 1 ? '1' : '0');
    }
}

/* Ids (1-based, 0-terminated) as a bit field of width bits. */
static void
put_ids (Bits       *b,
         guint       width,
         const guint *ids)
{
  g_autofree char *field = g_malloc (width + 1);

  memset (field, '0', width);
  field[width] = '\0';
  for (guint i = 0; ids != NULL && ids[i] != 0; i++)
    {
      g_assert (ids[i] <= width);
      field[ids[i] - 1] = '1';
    }
  g_string_append (b->bits, field);
}

static void
put_letters (Bits       *b,
             const char *two)
{
  put (b, two[0] - 'A', 6);
  put (b, two[1] - 'A', 6);
}

/* Pads with zeros to whole bytes, as CMPs do, then base64url without padding. */
static char *
bits_encode (Bits *b)
{
  GString *out = g_string_new (NULL);
  static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  while (b->bits->len % 8 != 0)
    g_string_append_c (b->bits, '0');
  while (b->bits->len % 6 != 0)
    g_string_append_c (b->bits, '0');
  for (gsize i = 0; i < b->bits->len; i += 6)
    {
      guint v = 0;
      for (gsize j = 0; j < 6; j++)
        v = (v << 1) | (b->bits->str[i + j] == '1');
      g_string_append_c (out, alphabet[v]);
    }
  return g_string_free (out, FALSE);
}

/* The core fields before the vendor sections, with recognisable values. */
static void
put_core_header (Bits *b)
{
  static const guint special[] = { 2, 0 };
  static const guint consent[] = { 1, 3, 11, 0 };
  static const guint li[] = { 2, 7, 0 };

  put (b, 2, 6);                          /* version */
  put (b, G_GUINT64_CONSTANT (17405928153), 36);  /* created 2025-02-26T18:00:15.3Z */
  put (b, G_GUINT64_CONSTANT (17405928150), 36);  /* lastUpdated 2025-02-26T18:00:15Z */
  put (b, 7, 12);                         /* cmpId */
  put (b, 3, 12);                         /* cmpVersion */
  put (b, 1, 6);                          /* consentScreen */
  put_letters (b, "SV");                  /* consentLanguage */
  put (b, 48, 12);                        /* vendorListVersion */
  put (b, 4, 6);                          /* tcfPolicyVersion */
  put (b, 1, 1);                          /* isServiceSpecific */
  put (b, 0, 1);                          /* useNonStandardTexts */
  put_ids (b, 12, special);               /* specialFeatureOptIns */
  put_ids (b, 24, consent);               /* purposesConsent */
  put_ids (b, 24, li);                    /* purposesLITransparency */
  put (b, 0, 1);                          /* purposeOneTreatment */
  put_letters (b, "SE");                  /* publisherCC */
}

static void
put_bitfield_section (Bits        *b,
                      guint        max_vendor_id,
                      const guint *ids)
{
  put (b, max_vendor_id, 16);
  put (b, 0, 1);
  put_ids (b, max_vendor_id, ids);
}

typedef struct
{
  guint first;
  guint last;  /* == first: a single id */
} Entry;

static void
put_entries (Bits        *b,
             const Entry *entries,
             guint        n)
{
  put (b, n, 12);
  for (guint i = 0; i < n; i++)
    {
      gboolean range = entries[i].last != entries[i].first;
      put (b, range, 1);
      put (b, entries[i].first, 16);
      if (range)
        put (b, entries[i].last, 16);
    }
}

static void
put_range_section (Bits        *b,
                   guint        max_vendor_id,
                   const Entry *entries,
                   guint        n)
{
  put (b, max_vendor_id, 16);
  put (b, 1, 1);
  put_entries (b, entries, n);
}

/* A whole core segment with small bit-field vendor sections and no restrictions. */
static char *
simple_core (void)
{
  static const guint consents[] = { 1, 3, 10, 0 };
  static const guint lis[] = { 2, 0 };
  g_autoptr(Bits) b = bits_new ();

  put_core_header (b);
  put_bitfield_section (b, 10, consents);
  put_bitfield_section (b, 5, lis);
  put (b, 0, 12);
  return bits_encode (b);
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers */

static ClTcString *
decode_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  ClTcString *tc = cl_tc_string_decode (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tc);
  return tc;
}

static void
assert_rejected (const char *text,
                 const char *says)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClTcString) tc = cl_tc_string_decode (text, &error);

  g_assert_null (tc);
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
  if (says != NULL && strstr (error->message, says) == NULL)
    g_error ("“%s” was rejected with “%s”, which does not say “%s”", text, error->message, says);
}

static char *
json_of (const ClTcString *tc)
{
  g_autoptr(JsonNode) node = cl_tc_string_to_json (tc);
  return json_to_string (node, FALSE);
}

static void
assert_ids (const ClTcVendorSet *set,
            const char          *expected)
{
  g_autoptr(GArray) ids = cl_tc_vendor_set_to_array (set);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (s, "%s%u", i ? "," : "", g_array_index (ids, guint, i));
  g_assert_cmpstr (s->str, ==, expected);
}

/* ------------------------------------------------------------------------------------------ */
/* The shared vectors: what the IAB's and other decoders assert for 43 real strings */

static JsonNode *
json_path (JsonNode   *node,
           const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      node = json_object_get_member (json_node_get_object (node), parts[i]);
    }
  return node;
}

static gboolean
json_array_has_int (JsonNode *array,
                    gint64    value)
{
  JsonArray *a;

  g_assert_true (JSON_NODE_HOLDS_ARRAY (array));
  a = json_node_get_array (array);
  for (guint i = 0; i < json_array_get_length (a); i++)
    if (json_array_get_int_element (a, i) == value)
      return TRUE;
  return FALSE;
}

static const ClTcVendorSet *
vendor_set_named (const ClTcString *tc,
                  const char       *name)
{
  if (g_str_equal (name, "vendorConsents"))
    return tc->vendor_consents;
  if (g_str_equal (name, "vendorLegitimateInterests"))
    return tc->vendor_legitimate_interests;
  if (g_str_equal (name, "disclosedVendors"))
    return tc->disclosed_vendors;
  if (g_str_equal (name, "allowedVendors"))
    return tc->allowed_vendors;
  return NULL;
}

static gint64
node_int (JsonNode *node)
{
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  return json_node_get_int (node);
}

/* "11000000 0000" against the ids of a JSON array. */
static void
check_bits (JsonNode   *ours,
            const char *expected_bits)
{
  g_autoptr(GString) want = g_string_new (NULL);
  g_autoptr(GString) got = g_string_new (NULL);

  for (const char *p = expected_bits; *p; p++)
    if (*p != ' ')
      g_string_append_c (want, *p);
  for (guint i = 1; i <= want->len; i++)
    g_string_append_c (got, json_array_has_int (ours, i) ? '1' : '0');
  g_assert_cmpstr (got->str, ==, want->str);
}

/* For a vendor: purpose id → the restriction types that name it, as the Perl decoder shows. */
static void
check_restrictions_for_vendor (const ClTcString *tc,
                               guint             vendor,
                               JsonNode         *want)
{
  JsonObject *o = json_node_get_object (want);
  guint n_seen = 0;

  for (guint i = 0; i < tc->publisher_restrictions->len; i++)
    {
      const ClTcPublisherRestriction *pr = g_ptr_array_index (tc->publisher_restrictions, i);
      g_autofree char *key = g_strdup_printf ("%u", pr->purpose_id);
      JsonNode *types;

      if (!cl_tc_vendor_set_contains (pr->vendors, vendor))
        continue;
      n_seen++;
      types = json_object_get_member (o, key);
      g_assert_nonnull (types);
      g_assert_true (json_array_has_int (types, pr->restriction_type));
    }
  /* Every expected (purpose, type) pair was found, and nothing more. */
  {
    guint n_want = 0;
    g_autoptr(GList) members = json_object_get_members (o);
    for (GList *l = members; l; l = l->next)
      n_want += json_array_get_length (json_object_get_array_member (o, l->data));
    g_assert_cmpuint (n_seen, ==, n_want);
  }
}

static gboolean
restricted (const ClTcString *tc,
            guint             purpose,
            guint             type,
            guint             vendor)
{
  for (guint i = 0; i < tc->publisher_restrictions->len; i++)
    {
      const ClTcPublisherRestriction *pr = g_ptr_array_index (tc->publisher_restrictions, i);
      if (pr->purpose_id == purpose && pr->restriction_type == type &&
          cl_tc_vendor_set_contains (pr->vendors, vendor))
        return TRUE;
    }
  return FALSE;
}

static void
check_vendor_map (JsonNode *want,
                  gboolean (*has) (gconstpointer data, guint id),
                  gconstpointer data)
{
  JsonObject *o = json_node_get_object (want);
  g_autoptr(GList) members = json_object_get_members (o);

  for (GList *l = members; l; l = l->next)
    {
      guint id = (guint) g_ascii_strtoull (l->data, NULL, 10);
      g_assert_cmpint (has (data, id), ==, json_object_get_boolean_member (o, l->data));
    }
}

static gboolean
has_vendor_consent (gconstpointer data,
                    guint         id)
{
  return cl_tc_string_vendor_consent (data, id);
}

typedef struct
{
  const ClTcString *tc;
  guint             purpose;
  guint             type;
} RestrictionQuery;

static gboolean
has_restriction (gconstpointer data,
                 guint         id)
{
  const RestrictionQuery *q = data;
  return restricted (q->tc, q->purpose, q->type, id);
}

/* Compares one expected key; returns FALSE when the key's form is not understood. */
static gboolean
check_expected (const ClTcString *tc,
                JsonNode         *ours,
                const char       *key,
                JsonNode         *want)
{
  g_autofree char *head = NULL;
  const char *dot;
  guint a, b;

  /* A plain specification field: the JSON must match exactly; null means absent. */
  if (json_object_has_member (json_node_get_object (ours), key) || JSON_NODE_HOLDS_NULL (want))
    {
      JsonNode *got = json_object_get_member (json_node_get_object (ours), key);

      if (JSON_NODE_HOLDS_NULL (want))
        g_assert_null (got);
      else if (!json_node_equal (got, want))
        {
          g_autofree char *g = json_to_string (got, FALSE);
          g_autofree char *w = json_to_string (want, FALSE);
          g_error ("%s: got %s, expected %s", key, g, w);
        }
      return TRUE;
    }

  if (g_str_has_suffix (key, "(truncated to s, UTC)"))
    {
      g_autofree char *field = g_strndup (key, strchr (key, '(') - key);
      const char *got = json_object_get_string_member (json_node_get_object (ours), field);
      g_assert_cmpint (strncmp (got, json_node_get_string (want), 19), ==, 0);
      return TRUE;
    }
  if (g_str_has_suffix (key, "(bits)"))
    {
      g_autofree char *field = g_strndup (key, strchr (key, '(') - key);
      check_bits (json_path (ours, field), json_node_get_string (want));
      return TRUE;
    }
  if (g_str_equal (key, "created.epochSeconds") || g_str_equal (key, "lastUpdated.epochSeconds"))
    {
      gint64 ds = key[0] == 'c' ? tc->created : tc->last_updated;
      g_assert_cmpint (ds / 10, ==, node_int (want));
      return TRUE;
    }
  if (g_str_equal (key, "created.nanos") || g_str_equal (key, "lastUpdated.nanos"))
    {
      gint64 ds = key[0] == 'c' ? tc->created : tc->last_updated;
      g_assert_cmpint ((ds % 10) * 100000000, ==, node_int (want));
      return TRUE;
    }
  if (sscanf (key, "publisherRestrictions[purpose=%u,type=%u].vendorIds", &a, &b) == 2)
    {
      JsonArray *ids = json_node_get_array (want);
      guint n = 0;

      for (guint v = 1; v <= 65535; v++)
        if (restricted (tc, a, b, v))
          {
            g_assert_cmpuint (n, <, json_array_get_length (ids));
            g_assert_cmpint (json_array_get_int_element (ids, n), ==, v);
            n++;
          }
      g_assert_cmpuint (n, ==, json_array_get_length (ids));
      return TRUE;
    }
  if (sscanf (key, "restrictionsForVendor(%u)", &a) == 1)
    {
      check_restrictions_for_vendor (tc, a, want);
      return TRUE;
    }
  if (sscanf (key, "restricted(purpose%u,type%u)", &a, &b) == 2)
    {
      RestrictionQuery q = { tc, a, b };
      check_vendor_map (want, has_restriction, &q);
      return TRUE;
    }
  if (g_str_equal (key, "vendorAllowed"))
    {
      check_vendor_map (want, has_vendor_consent, tc);
      return TRUE;
    }

  /* "field.property": a property of a vendor set or of a JSON array. */
  dot = strrchr (key, '.');
  if (dot == NULL)
    return FALSE;
  head = g_strndup (key, dot - key);
  {
    const char *prop = dot + 1;
    const ClTcVendorSet *set = vendor_set_named (tc, head);
    JsonNode *node = json_path (ours, head);

    if (set != NULL && g_str_equal (prop, "maxVendorId"))
      g_assert_cmpint (cl_tc_vendor_set_get_max_id (set), ==, node_int (want));
    else if (set != NULL && g_str_equal (prop, "isRangeEncoding"))
      g_assert_cmpint (cl_tc_vendor_set_is_range_encoded (set), ==, json_node_get_boolean (want));
    else if (set != NULL && g_str_equal (prop, "count"))
      g_assert_cmpint (cl_tc_vendor_set_get_count (set), ==, node_int (want));
    else if (set != NULL && g_str_equal (prop, "nonEmpty"))
      g_assert_cmpint (cl_tc_vendor_set_get_count (set) > 0, ==, json_node_get_boolean (want));
    else if (set != NULL && g_str_equal (prop, "ranges"))
      {
        g_autoptr(GArray) runs = cl_tc_vendor_set_to_runs (set);
        JsonArray *w = json_node_get_array (want);

        g_assert_cmpuint (runs->len, ==, 2 * json_array_get_length (w));
        for (guint i = 0; i < json_array_get_length (w); i++)
          {
            JsonArray *pair = json_array_get_array_element (w, i);
            g_assert_cmpint (g_array_index (runs, guint, 2 * i), ==,
                             json_array_get_int_element (pair, 0));
            g_assert_cmpint (g_array_index (runs, guint, 2 * i + 1), ==,
                             json_array_get_int_element (pair, 1));
          }
      }
    else if (set != NULL && sscanf (prop, "has(%u)", &a) == 1)
      g_assert_cmpint (cl_tc_vendor_set_contains (set, a), ==, json_node_get_boolean (want));
    else if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) && g_str_equal (prop, "count"))
      g_assert_cmpint (json_array_get_length (json_node_get_array (node)), ==, node_int (want));
    else if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) && sscanf (prop, "has(%u)", &a) == 1)
      g_assert_cmpint (json_array_has_int (node, a), ==, json_node_get_boolean (want));
    else if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) && g_str_equal (prop, "containsAll"))
      {
        JsonArray *w = json_node_get_array (want);
        for (guint i = 0; i < json_array_get_length (w); i++)
          g_assert_true (json_array_has_int (node, json_array_get_int_element (w, i)));
      }
    else if (json_path (ours, key) != NULL)
      {
        /* A nested field, e.g. publisherTC.numCustomPurposes. */
        JsonNode *got = json_path (ours, key);
        g_autofree char *g = NULL;
        g_autofree char *w = NULL;

        if (json_node_equal (got, want))
          return TRUE;
        g = json_to_string (got, FALSE);
        w = json_to_string (want, FALSE);
        g_error ("%s: got %s, expected %s", key, g, w);
      }
    else if (node != NULL)
      {
        g_autofree char *g = json_to_string (node, FALSE);
        g_autofree char *w = json_to_string (want, FALSE);
        g_error ("%s: got %s, expected %s", key, g, w);
      }
    else
      return FALSE;
  }
  return TRUE;
}

static gboolean
string_list_has (JsonArray  *list,
                 const char *s)
{
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    if (g_str_equal (json_array_get_string_element (list, i), s))
      return TRUE;
  return FALSE;
}

static void
check_segment_vector (const char *id,
                      const char *text,
                      JsonObject *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClTcSegment) segment = cl_tc_segment_decode (text, &error);
  g_autoptr(GList) keys = json_object_get_members (expected);

  g_assert_no_error (error);
  /* A bare segment is not a TC string. */
  assert_rejected (text, NULL);
  for (GList *l = keys; l; l = l->next)
    {
      const char *key = l->data;
      guint a;

      if (g_str_equal (key, "segmentType"))
        g_assert_cmpint (segment->type, ==, json_object_get_int_member (expected, key));
      else if (sscanf (key, "allowedVendors.has(%u)", &a) == 1)
        {
          g_assert_cmpint (segment->type, ==, CL_TC_SEGMENT_ALLOWED_VENDORS);
          g_assert_cmpint (cl_tc_vendor_set_contains (segment->vendors, a), ==,
                           json_object_get_boolean_member (expected, key));
        }
      else
        g_error ("%s: expected key %s not understood", id, key);
    }
}

static void
test_shared_vectors (void)
{
  g_autofree char *path = cl_test_shared_path ("tcf/tcstrings.json");
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *vectors;
  guint n_positive = 0;
  guint n_negative = 0;

  if (path == NULL)
    return;

  parser = json_parser_new ();
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  vectors = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "vectors");

  for (guint i = 0; i < json_array_get_length (vectors); i++)
    {
      JsonObject *v = json_array_get_object_element (vectors, i);
      const char *id = json_object_get_string_member (v, "id");
      const char *text = json_object_get_string_member (v, "tcString");
      JsonObject *expected = json_object_get_object_member (v, "expected");
      JsonObject *agreement = json_object_get_object_member (v, "agreement");
      JsonArray *checked = json_object_get_array_member (agreement, "checked");
      JsonArray *unchecked = json_object_get_array_member (agreement, "unchecked");
      g_autoptr(ClTcString) tc = NULL;
      g_autoptr(JsonNode) ours = NULL;
      g_autoptr(GList) keys = NULL;

      g_test_message ("vector %s", id);

      if (json_object_get_boolean_member (v, "expectDecodeError"))
        {
          assert_rejected (text, NULL);
          /* A rejected string still announces its version; an unknown one is named. */
          if (json_object_has_member (expected, "version"))
            g_assert_cmpint (cl_tc_string_peek_version (text), ==,
                             json_object_get_int_member (expected, "version"));
          n_negative++;
          continue;
        }
      n_positive++;

      if (json_object_has_member (expected, "segmentType"))
        {
          check_segment_vector (id, text, expected);
          continue;
        }

      /* Only the 6-bit version was asserted (the bytes are a v2 string relabelled v1, which
       * no v1 decoder can read): recognise the version; the decode itself may refuse. */
      if (string_list_has (checked, "version(6-bit field only)"))
        {
          g_autoptr(GError) local_error = NULL;

          g_assert_cmpint (cl_tc_string_peek_version (text), ==,
                           json_object_get_int_member (expected, "version"));
          tc = cl_tc_string_decode (text, &local_error);
          if (tc != NULL)
            g_assert_cmpint (tc->version, ==, json_object_get_int_member (expected, "version"));
          else
            {
              g_assert_error (local_error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
              g_assert_nonnull (strstr (local_error->message, "version 1"));
            }
          continue;
        }

      tc = decode_ok (text);
      ours = cl_tc_string_to_json (tc);
      keys = json_object_get_members (expected);
      for (GList *l = keys; l; l = l->next)
        {
          const char *key = l->data;

          /* Business-logic assertions the bits alone cannot settle (re-encoding, GVL rules). */
          if (string_list_has (unchecked, key))
            continue;
          if (!check_expected (tc, ours, key, json_object_get_member (expected, key)))
            g_error ("%s: expected key %s not understood", id, key);
        }
    }

  g_assert_cmpuint (n_positive, ==, 30);
  g_assert_cmpuint (n_negative, ==, 13);
}

/* The independent decode in the vectors file covers every field, also where the suites asserted
 * few: our JSON must agree with it wherever both have the field. */
static void
test_shared_vectors_independent (void)
{
  g_autofree char *path = cl_test_shared_path ("tcf/tcstrings.json");
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *vectors;
  guint n_compared = 0;

  if (path == NULL)
    return;

  parser = json_parser_new ();
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  vectors = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "vectors");

  for (guint i = 0; i < json_array_get_length (vectors); i++)
    {
      JsonObject *v = json_array_get_object_element (vectors, i);
      JsonObject *ind = json_object_get_object_member (v, "independentDecode");
      JsonObject *decoded;
      g_autoptr(ClTcString) tc = NULL;
      g_autoptr(JsonNode) ours = NULL;
      g_autoptr(GList) keys = NULL;
      JsonObject *o;

      if (json_object_get_boolean_member (v, "expectDecodeError") ||
          !json_object_has_member (ind, "decoded") ||
          json_object_has_member (json_object_get_object_member (ind, "decoded"), "segmentType"))
        continue;

      decoded = json_object_get_object_member (ind, "decoded");
      tc = decode_ok (json_object_get_string_member (v, "tcString"));
      ours = cl_tc_string_to_json (tc);
      o = json_node_get_object (ours);
      keys = json_object_get_members (decoded);
      for (GList *l = keys; l; l = l->next)
        {
          const char *key = l->data;
          JsonNode *want = json_object_get_member (decoded, key);
          JsonNode *got = json_object_get_member (o, key);
          const ClTcVendorSet *set = vendor_set_named (tc, key);

          if (JSON_NODE_HOLDS_OBJECT (want) && json_object_has_member (json_node_get_object (want), "iso"))
            want = json_object_get_member (json_node_get_object (want), "iso");
          if (set != NULL && JSON_NODE_HOLDS_OBJECT (want))
            {
              JsonObject *w = json_node_get_object (want);
              JsonNode *ids = json_object_get_member (w, "ids");

              g_assert_cmpint (cl_tc_vendor_set_get_max_id (set), ==,
                               json_object_get_int_member (w, "maxVendorId"));
              g_assert_cmpint (cl_tc_vendor_set_is_range_encoded (set), ==,
                               json_object_get_boolean_member (w, "isRangeEncoding"));
              /* Long lists are abbreviated there ("<935 ids: …>"). */
              if (JSON_NODE_HOLDS_ARRAY (ids))
                want = ids;
              else
                continue;
            }
          if (g_str_equal (key, "publisherRestrictions"))
            {
              JsonArray *w = json_node_get_array (want);
              g_assert_cmpuint (tc->publisher_restrictions->len, ==, json_array_get_length (w));
              for (guint r = 0; r < json_array_get_length (w); r++)
                {
                  JsonObject *wr = json_array_get_object_element (w, r);
                  const ClTcPublisherRestriction *pr = g_ptr_array_index (tc->publisher_restrictions, r);
                  JsonArray *gr = json_object_get_array_member (o, "publisherRestrictions");
                  JsonObject *gro = json_array_get_object_element (gr, r);

                  g_assert_cmpint (pr->purpose_id, ==, json_object_get_int_member (wr, "purposeId"));
                  g_assert_cmpint (pr->restriction_type, ==,
                                   json_object_get_int_member (wr, "restrictionType"));
                  g_assert_true (json_node_equal (json_object_get_member (gro, "vendors"),
                                                  json_object_get_member (wr, "vendorIds")));
                }
              n_compared++;
              continue;
            }
          if (tc->version == 1 && (g_str_equal (key, "maxVendorId") ||
                                   g_str_equal (key, "defaultConsent") ||
                                   g_str_equal (key, "ranges")))
            {
              if (g_str_equal (key, "maxVendorId"))
                g_assert_cmpint (cl_tc_vendor_set_get_max_id (tc->vendor_consents), ==,
                                 json_node_get_int (want));
              continue;
            }
          g_assert_nonnull (got);
          if (!json_node_equal (got, want))
            {
              g_autofree char *g = json_to_string (got, FALSE);
              g_autofree char *w = json_to_string (want, FALSE);
              g_error ("%s: %s: got %.200s, independent decode %.200s",
                       json_object_get_string_member (v, "id"), key, g, w);
            }
          n_compared++;
        }
    }
  g_assert_cmpuint (n_compared, >, 400);
}

/* ------------------------------------------------------------------------------------------ */
/* Hand-built strings: each encoding */

static void
test_core_bitfield (void)
{
  g_autofree char *text = simple_core ();
  g_autoptr(ClTcString) tc = decode_ok (text);
  g_autofree char *json = json_of (tc);

  g_assert_cmpuint (tc->version, ==, 2);
  g_assert_cmpint (tc->created, ==, G_GINT64_CONSTANT (17405928153));
  g_assert_cmpstr (tc->consent_language, ==, "SV");
  g_assert_cmpstr (tc->publisher_cc, ==, "SE");
  g_assert_false (cl_tc_vendor_set_is_range_encoded (tc->vendor_consents));
  g_assert_cmpuint (cl_tc_vendor_set_get_max_id (tc->vendor_consents), ==, 10);
  assert_ids (tc->vendor_consents, "1,3,10");
  assert_ids (tc->vendor_legitimate_interests, "2");
  g_assert_true (cl_tc_string_purpose_consent (tc, 11));
  g_assert_false (cl_tc_string_purpose_consent (tc, 2));
  g_assert_true (cl_tc_string_vendor_consent (tc, 10));
  g_assert_false (cl_tc_string_vendor_consent (tc, 11));
  g_assert_true (cl_tc_string_vendor_legitimate_interest (tc, 2));
  g_assert_null (tc->disclosed_vendors);
  g_assert_null (tc->publisher_tc);

  /* Every field name of issue 4, in its order; a fraction only when there is one. */
  g_assert_cmpstr (json, ==,
                   "{\"version\":2,\"created\":\"2025-02-26T18:00:15.3Z\","
                   "\"lastUpdated\":\"2025-02-26T18:00:15Z\",\"cmpId\":7,\"cmpVersion\":3,"
                   "\"consentScreen\":1,\"consentLanguage\":\"SV\",\"vendorListVersion\":48,"
                   "\"tcfPolicyVersion\":4,\"isServiceSpecific\":true,"
                   "\"useNonStandardTexts\":false,\"specialFeatureOptIns\":[2],"
                   "\"purposesConsent\":[1,3,11],\"purposesLITransparency\":[2,7],"
                   "\"purposeOneTreatment\":false,\"publisherCC\":\"SE\","
                   "\"vendorConsents\":[1,3,10],\"vendorLegitimateInterests\":[2],"
                   "\"publisherRestrictions\":[]}");
}

static void
test_core_range (void)
{
  /* Out of order, overlapping and touching entries: the set is what they cover together. */
  static const Entry consents[] = { { 690, 700 }, { 5, 5 }, { 100, 102 }, { 101, 103 }, { 6, 6 } };
  static const Entry lis[] = { { 1, 65535 } };
  g_autoptr(Bits) b = bits_new ();
  g_autofree char *text = NULL;
  g_autoptr(ClTcString) tc = NULL;
  g_autoptr(GArray) runs = NULL;

  put_core_header (b);
  put_range_section (b, 700, consents, G_N_ELEMENTS (consents));
  put_range_section (b, 65535, lis, G_N_ELEMENTS (lis));
  put (b, 0, 12);
  text = bits_encode (b);
  tc = decode_ok (text);

  g_assert_true (cl_tc_vendor_set_is_range_encoded (tc->vendor_consents));
  g_assert_cmpuint (cl_tc_vendor_set_get_max_id (tc->vendor_consents), ==, 700);
  g_assert_cmpuint (cl_tc_vendor_set_get_count (tc->vendor_consents), ==, 2 + 4 + 11);
  runs = cl_tc_vendor_set_to_runs (tc->vendor_consents);
  g_assert_cmpuint (runs->len, ==, 6);
  g_assert_cmpuint (g_array_index (runs, guint, 0), ==, 5);
  g_assert_cmpuint (g_array_index (runs, guint, 1), ==, 6);
  g_assert_cmpuint (g_array_index (runs, guint, 2), ==, 100);
  g_assert_cmpuint (g_array_index (runs, guint, 3), ==, 103);
  g_assert_true (cl_tc_string_vendor_consent (tc, 700));
  g_assert_false (cl_tc_string_vendor_consent (tc, 689));
  /* 65,535 vendors from 33 bits, without a 65,535-entry allocation anywhere. */
  g_assert_cmpuint (cl_tc_vendor_set_get_count (tc->vendor_legitimate_interests), ==, 65535);
  g_assert_true (cl_tc_string_vendor_legitimate_interest (tc, 65535));
  g_assert_false (cl_tc_string_vendor_legitimate_interest (tc, 0));
}

static char *
core_with_restrictions (void)
{
  static const Entry none[] = { { 0, 0 } };
  static const Entry r1[] = { { 5, 5 }, { 7, 9 } };
  static const Entry r2[] = { { 1, 1 } };
  static const Entry r3[] = { { 300, 302 }, { 8, 8 } };
  g_autoptr(Bits) b = bits_new ();

  put_core_header (b);
  put_range_section (b, 0, none, 0);
  put_bitfield_section (b, 0, NULL);
  put (b, 3, 12);
  put (b, 2, 6); put (b, CL_TC_RESTRICTION_NOT_ALLOWED, 2); put_entries (b, r1, 2);
  put (b, 7, 6); put (b, CL_TC_RESTRICTION_REQUIRE_LEGITIMATE_INTEREST, 2); put_entries (b, r2, 1);
  put (b, 2, 6); put (b, CL_TC_RESTRICTION_REQUIRE_CONSENT, 2); put_entries (b, r3, 2);
  return bits_encode (b);
}

static void
test_publisher_restrictions (void)
{
  g_autofree char *text = core_with_restrictions ();
  g_autoptr(ClTcString) tc = decode_ok (text);
  g_autofree char *json = json_of (tc);
  const ClTcPublisherRestriction *pr;

  g_assert_cmpuint (tc->publisher_restrictions->len, ==, 3);
  pr = g_ptr_array_index (tc->publisher_restrictions, 0);
  g_assert_cmpuint (pr->purpose_id, ==, 2);
  g_assert_cmpint (pr->restriction_type, ==, CL_TC_RESTRICTION_NOT_ALLOWED);
  assert_ids (pr->vendors, "5,7,8,9");
  pr = g_ptr_array_index (tc->publisher_restrictions, 2);
  assert_ids (pr->vendors, "8,300,301,302");
  g_assert_cmpuint (cl_tc_vendor_set_get_count (tc->vendor_consents), ==, 0);

  g_assert_nonnull (strstr (json,
                            "\"vendorConsents\":[],\"vendorLegitimateInterests\":[],"
                            "\"publisherRestrictions\":["
                            "{\"purposeId\":2,\"restrictionType\":0,\"vendors\":[5,7,8,9]},"
                            "{\"purposeId\":7,\"restrictionType\":2,\"vendors\":[1]},"
                            "{\"purposeId\":2,\"restrictionType\":1,\"vendors\":[8,300,301,302]}]}"));
}

static char *
disclosed_segment (void)
{
  static const guint ids[] = { 2, 4, 0 };
  g_autoptr(Bits) b = bits_new ();

  put (b, CL_TC_SEGMENT_DISCLOSED_VENDORS, 3);
  put_bitfield_section (b, 4, ids);
  return bits_encode (b);
}

static char *
allowed_segment (void)
{
  static const Entry entries[] = { { 10, 12 }, { 40, 40 } };
  g_autoptr(Bits) b = bits_new ();

  put (b, CL_TC_SEGMENT_ALLOWED_VENDORS, 3);
  put_range_section (b, 40, entries, 2);
  return bits_encode (b);
}

static char *
publisher_tc_segment (guint n_custom)
{
  static const guint consent[] = { 1, 24, 0 };
  static const guint li[] = { 3, 0 };
  g_autoptr(Bits) b = bits_new ();

  put (b, CL_TC_SEGMENT_PUBLISHER_TC, 3);
  put_ids (b, 24, consent);
  put_ids (b, 24, li);
  put (b, n_custom, 6);
  for (guint i = 0; i < n_custom; i++)
    put (b, i % 2 == 0, 1);   /* custom consent: 1, 3, 5 … */
  for (guint i = 0; i < n_custom; i++)
    put (b, i == n_custom - 1, 1);  /* custom LI: the last one */
  return bits_encode (b);
}

static void
test_optional_segments (void)
{
  g_autofree char *core = simple_core ();
  g_autofree char *dv = disclosed_segment ();
  g_autofree char *av = allowed_segment ();
  g_autofree char *ptc = publisher_tc_segment (3);
  /* Any order after the core segment. */
  g_autofree char *text = g_strjoin (".", core, ptc, av, dv, NULL);
  g_autoptr(ClTcString) tc = decode_ok (text);
  g_autofree char *json = json_of (tc);

  assert_ids (tc->disclosed_vendors, "2,4");
  g_assert_false (cl_tc_vendor_set_is_range_encoded (tc->disclosed_vendors));
  assert_ids (tc->allowed_vendors, "10,11,12,40");
  g_assert_true (cl_tc_vendor_set_is_range_encoded (tc->allowed_vendors));
  g_assert_nonnull (tc->publisher_tc);
  g_assert_cmpuint (tc->publisher_tc->num_custom_purposes, ==, 3);
  g_assert_true (g_str_has_suffix (json,
                                   "\"disclosedVendors\":[2,4],\"allowedVendors\":[10,11,12,40],"
                                   "\"publisherTC\":{\"pubPurposesConsent\":[1,24],"
                                   "\"pubPurposesLITransparency\":[3],\"numCustomPurposes\":3,"
                                   "\"customPurposesConsent\":[1,3],"
                                   "\"customPurposesLITransparency\":[3]}}"));
}

static void
test_publisher_tc_max_custom (void)
{
  g_autofree char *core = simple_core ();
  g_autofree char *ptc = publisher_tc_segment (63);
  g_autofree char *text = g_strjoin (".", core, ptc, NULL);
  g_autoptr(ClTcString) tc = decode_ok (text);

  g_assert_cmpuint (tc->publisher_tc->num_custom_purposes, ==, 63);
  g_assert_true (tc->publisher_tc->custom_purposes_consent & (G_GUINT64_CONSTANT (1) << 62));
  g_assert_cmpuint (tc->publisher_tc->custom_purposes_li_transparency, ==,
                    G_GUINT64_CONSTANT (1) << 62);
}

static void
test_segment_alone (void)
{
  g_autofree char *av = allowed_segment ();
  g_autofree char *core = simple_core ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClTcSegment) segment = cl_tc_segment_decode (av, &error);

  g_assert_no_error (error);
  g_assert_cmpint (segment->type, ==, CL_TC_SEGMENT_ALLOWED_VENDORS);
  assert_ids (segment->vendors, "10,11,12,40");

  g_assert_null (cl_tc_segment_decode (core, &error));
  g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
}

static void
test_padding_tolerated (void)
{
  g_autofree char *core = simple_core ();
  g_autofree char *ptc = publisher_tc_segment (0);
  g_autofree char *padded = NULL;
  g_autoptr(ClTcString) tc = NULL;

  /* Base64 padding where base64 puts it: to a multiple of four characters. */
  padded = g_strdup_printf ("%s.%s%s", core, ptc, strlen (ptc) % 4 == 2 ? "==" :
                            strlen (ptc) % 4 == 3 ? "=" : "");
  g_assert_cmpuint (strlen (ptc) % 4, !=, 0);
  g_assert_cmpuint (strlen (ptc) % 4, !=, 1);
  tc = decode_ok (padded);
  g_assert_nonnull (tc->publisher_tc);
}

static void
test_v1 (void)
{
  static const guint purposes[] = { 1, 2, 5, 0 };
  static const guint ids[] = { 1, 4, 0 };
  static const Entry flipped[] = { { 2, 3 }, { 9, 9 } };
  g_autoptr(Bits) bf = bits_new ();
  g_autoptr(Bits) rg = bits_new ();
  g_autofree char *text_bf = NULL;
  g_autofree char *text_rg = NULL;
  g_autoptr(ClTcString) tc_bf = NULL;
  g_autoptr(ClTcString) tc_rg = NULL;
  g_autofree char *json = NULL;
  g_autofree char *with_dot = NULL;

  for (Bits **bp = (Bits *[]) { bf, rg, NULL }; *bp; bp++)
    {
      put (*bp, 1, 6);
      put (*bp, G_GUINT64_CONSTANT (15100821554), 36);
      put (*bp, G_GUINT64_CONSTANT (15100821550), 36);
      put (*bp, 7, 12);
      put (*bp, 1, 12);
      put (*bp, 3, 6);
      put_letters (*bp, "EN");
      put (*bp, 8, 12);
      put_ids (*bp, 24, purposes);
    }
  put (bf, 4, 16);         /* max vendor id */
  put (bf, 0, 1);          /* bit field */
  put_ids (bf, 4, ids);
  put (rg, 10, 16);
  put (rg, 1, 1);          /* ranges … */
  put (rg, 1, 1);          /* … that are exceptions to a default of consent */
  put_entries (rg, flipped, 2);
  text_bf = bits_encode (bf);
  text_rg = bits_encode (rg);

  g_assert_cmpint (cl_tc_string_peek_version (text_bf), ==, 1);
  tc_bf = decode_ok (text_bf);
  g_assert_cmpuint (tc_bf->version, ==, 1);
  assert_ids (tc_bf->vendor_consents, "1,4");
  g_assert_null (tc_bf->vendor_legitimate_interests);
  json = json_of (tc_bf);
  g_assert_cmpstr (json, ==,
                   "{\"version\":1,\"created\":\"2017-11-07T19:15:55.4Z\","
                   "\"lastUpdated\":\"2017-11-07T19:15:55Z\",\"cmpId\":7,\"cmpVersion\":1,"
                   "\"consentScreen\":3,\"consentLanguage\":\"EN\",\"vendorListVersion\":8,"
                   "\"purposesAllowed\":[1,2,5],\"vendorConsents\":[1,4]}");

  tc_rg = decode_ok (text_rg);
  assert_ids (tc_rg->vendor_consents, "1,4,5,6,7,8,10");

  /* Version 1 had no segments. */
  with_dot = g_strconcat (text_bf, ".", text_bf, NULL);
  assert_rejected (with_dot, "version 1 strings have no segments");
}

static void
test_vendor_decisions (void)
{
  g_autofree char *text = simple_core ();
  g_autoptr(ClTcString) tc = decode_ok (text);
  g_autoptr(GArray) decisions = cl_tc_string_get_vendor_decisions (tc);
  g_autofree char *range_text = NULL;
  g_autoptr(ClTcString) range_tc = NULL;
  g_autoptr(GArray) range_decisions = NULL;

  g_assert_cmpuint (decisions->len, ==, 10);
  for (guint i = 0; i < decisions->len; i++)
    {
      ClTcVendorDecision *d = &g_array_index (decisions, ClTcVendorDecision, i);
      g_assert_cmpuint (d->vendor_id, ==, i + 1);
      g_assert_cmpint (d->granted, ==, d->vendor_id == 1 || d->vendor_id == 3 || d->vendor_id == 10);
    }

  /* Range-encoded: ids up to the maximum that no range covers are denied. */
  {
    static const Entry consents[] = { { 3, 4 } };
    g_autoptr(Bits) b = bits_new ();

    put_core_header (b);
    put_range_section (b, 6, consents, 1);
    put_bitfield_section (b, 0, NULL);
    put (b, 0, 12);
    range_text = bits_encode (b);
  }
  range_tc = decode_ok (range_text);
  range_decisions = cl_tc_string_get_vendor_decisions (range_tc);
  g_assert_cmpuint (range_decisions->len, ==, 6);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpint (g_array_index (range_decisions, ClTcVendorDecision, i).granted, ==,
                     i == 2 || i == 3);
}

static char *
fake_names (ClTcNameKind kind,
            guint        id,
            gpointer     user_data)
{
  guint *calls = user_data;

  (*calls)++;
  if (kind == CL_TC_NAME_CMP && id == 7)
    return g_strdup ("Didomi");
  if (kind == CL_TC_NAME_VENDOR && id == 3)
    return g_strdup ("Vendor Three AB");
  return NULL;
}

static void
test_describe (void)
{
  g_autofree char *core = simple_core ();
  g_autofree char *ptc = publisher_tc_segment (2);
  g_autofree char *text = g_strjoin (".", core, ptc, NULL);
  g_autoptr(ClTcString) tc = decode_ok (text);
  g_autofree char *restr_text = core_with_restrictions ();
  g_autoptr(ClTcString) restr = decode_ok (restr_text);
  guint calls = 0;
  g_autofree char *named = cl_tc_string_describe (tc, fake_names, &calls);
  g_autofree char *anonymous = cl_tc_string_describe (tc, NULL, NULL);
  g_autofree char *restrictions = cl_tc_string_describe (restr, NULL, NULL);

  g_assert_cmpuint (calls, >, 0);
  g_assert_nonnull (strstr (named, "Didomi (id 7)"));
  g_assert_nonnull (strstr (named, "2025-02-26 18:00:15.3 UTC"));
  g_assert_nonnull (strstr (named, "Store and/or access information on a device"));
  g_assert_nonnull (strstr (named, "Use limited data to select content"));
  g_assert_nonnull (strstr (named, "Actively scan device characteristics for identification"));
  g_assert_nonnull (strstr (named, "    3  Vendor Three AB\n"));
  g_assert_nonnull (strstr (named, "Not in the vendor list: 1, 10\n"));
  g_assert_nonnull (strstr (named, "Custom purposes: 2"));
  g_assert_nonnull (strstr (anonymous, "CMP:                  id 7, version 3\n"));
  g_assert_nonnull (strstr (anonymous, "Ids: 1, 3, 10\n"));
  g_assert_nonnull (strstr (restrictions,
                            "Purpose 2 (Use limited data to select advertising): not allowed "
                            "for vendors: 5, 7-9\n"));
  g_assert_cmpstr (cl_tc_purpose_name (12), ==, NULL);
  g_assert_cmpstr (cl_tc_special_feature_name (1), ==, "Use precise geolocation data");
}

static void
test_copy (void)
{
  g_autofree char *core = core_with_restrictions ();
  g_autofree char *dv = disclosed_segment ();
  g_autofree char *ptc = publisher_tc_segment (1);
  g_autofree char *text = g_strjoin (".", core, dv, ptc, NULL);
  g_autoptr(ClTcString) tc = decode_ok (text);
  ClTcString *copy = g_boxed_copy (CL_TYPE_TC_STRING, tc);
  g_autofree char *a = json_of (tc);
  g_autofree char *b = NULL;

  g_assert_true (copy != tc);
  g_assert_true (copy->vendor_consents != tc->vendor_consents);
  b = json_of (copy);
  g_assert_cmpstr (a, ==, b);
  g_boxed_free (CL_TYPE_TC_STRING, copy);
}

/* ------------------------------------------------------------------------------------------ */
/* Hand-built strings: each error */

static void
test_error_characters (void)
{
  g_autofree char *core = simple_core ();
  g_autofree char *plus = g_strdup (core);
  g_autofree char *slash = g_strdup (core);
  g_autofree char *inner_pad = g_strdup (core);
  g_autofree char *non_ascii = g_strconcat (core, "\xc3\xa9", NULL);
  g_autofree char *spaced = g_strconcat (" ", core, NULL);
  g_autofree char *too_much_pad = g_strconcat (core, "===", NULL);

  plus[10] = '+';     /* standard base64, not base64url */
  slash[20] = '/';
  inner_pad[5] = '=';
  assert_rejected ("", "is empty");
  assert_rejected (plus, "Character 11 ('+') is not base64url");
  assert_rejected (slash, "Character 21 ('/') is not base64url");
  assert_rejected (inner_pad, "Character 6 is a '=' inside the core segment");
  assert_rejected (non_ascii, "(byte 0xC3) is not base64url");
  assert_rejected (spaced, "Character 1 (a space) is not base64url");
  assert_rejected (too_much_pad, "padding");
  assert_rejected ("====", "padding");
}

static void
test_error_versions (void)
{
  g_autofree char *core = simple_core ();
  g_autofree char *v3 = g_strdup (core);
  g_autofree char *v0 = g_strdup (core);
  g_autofree char *v63 = g_strdup (core);
  g_autofree char *ptc = publisher_tc_segment (0);
  g_autofree char *dv = disclosed_segment ();
  g_autofree char *ptc_first = g_strjoin (".", ptc, core, NULL);
  g_autofree char *dv_only = g_strdup (dv);

  v3[0] = 'D';
  v0[0] = 'A';
  v63[0] = '_';
  assert_rejected (v3, "version 3, which does not exist");
  assert_rejected (v0, "version 0, which does not exist");
  assert_rejected (v63, "version 63, which does not exist");
  assert_rejected (ptc_first, "publisher TC segment placed first");
  assert_rejected (dv_only, "disclosed-vendors segment placed first");
  g_assert_cmpint (cl_tc_string_peek_version (v3), ==, 3);
  g_assert_cmpint (cl_tc_string_peek_version ("!"), ==, -1);
}

static void
test_error_truncated (void)
{
  g_autofree char *core = simple_core ();

  /* Cut inside the header, and just before the publisher restrictions' count. */
  for (gsize len = 1; len < strlen (core); len++)
    {
      g_autofree char *cut = g_strndup (core, len);
      g_autoptr(GError) error = NULL;
      g_autoptr(ClTcString) tc = cl_tc_string_decode (cut, &error);

      /* A cut string may end exactly where padding bits would, but never decodes fields that
       * are not there: the first 247 bits are the header and two tiny vendor sections. */
      if (len * 6 < 213 + 17 + 10 + 17 + 5 + 12)
        {
          g_assert_null (tc);
          g_assert_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
        }
    }
  assert_rejected ("CPc", "The core segment is truncated at bit 6, in the creation time: 36 more "
                   "bits are needed, 12 are left.");
}

static void
test_error_bitfield_too_long (void)
{
  g_autoptr(Bits) b = bits_new ();
  g_autofree char *text = NULL;

  put_core_header (b);
  put (b, 4000, 16);
  put (b, 0, 1);
  put (b, 0, 30);
  text = bits_encode (b);
  assert_rejected (text, "claims a bit field of 4000 vendors for the vendor consents");
}

static void
test_error_range_entries (void)
{
  static const Entry zero[] = { { 0, 0 } };
  static const Entry backwards[] = { { 9, 3 } };
  static const Entry above[] = { { 3, 11 } };
  static const Entry fine[] = { { 3, 4 } };
  struct {
    guint max;
    const Entry *entries;
    const char *says;
  } cases[] = {
    { 10, zero, "names vendor 0 in entry 1 of the vendor consents" },
    { 10, backwards, "backwards range 9-3" },
    { 10, above, "names vendor 11 in entry 1 of the vendor consents, above its maximum vendor id 10" },
    { 0, fine, "maximum vendor id is 0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Bits) b = bits_new ();
      g_autofree char *text = NULL;

      put_core_header (b);
      put_range_section (b, cases[i].max, cases[i].entries, 1);
      put_bitfield_section (b, 0, NULL);
      put (b, 0, 12);
      text = bits_encode (b);
      assert_rejected (text, cases[i].says);
    }

  /* More entries claimed than there are bits for. */
  {
    g_autoptr(Bits) b = bits_new ();
    g_autofree char *text = NULL;

    put_core_header (b);
    put (b, 100, 16);
    put (b, 1, 1);
    put (b, 4095, 12);
    put (b, 0, 17);
    text = bits_encode (b);
    assert_rejected (text, "claims 4095 range entries for the vendor consents");
  }
}

static void
test_error_letters (void)
{
  g_autoptr(Bits) b = bits_new ();
  g_autofree char *text = NULL;

  put (b, 2, 6);
  put (b, 1, 36);
  put (b, 1, 36);
  put (b, 1, 12);
  put (b, 1, 12);
  put (b, 1, 6);
  put (b, 4, 6);
  put (b, 30, 6);   /* no letter */
  put (b, 0, 200);
  text = bits_encode (b);
  assert_rejected (text, "letter code 30 in the consent language");
}

static void
test_error_trailing_data (void)
{
  g_autoptr(Bits) b = bits_new ();
  g_autofree char *text = NULL;

  put_core_header (b);
  put_bitfield_section (b, 0, NULL);
  put_bitfield_section (b, 0, NULL);
  put (b, 0, 12);
  put (b, 1, 2);   /* what a wrong length leaves behind */
  text = bits_encode (b);
  assert_rejected (text, "has data after its last field");
}

static void
test_error_segments (void)
{
  g_autofree char *core = simple_core ();
  g_autofree char *dv = disclosed_segment ();
  g_autofree char *av = allowed_segment ();
  g_autofree char *ptc = publisher_tc_segment (1);
  g_autofree char *two_dv = g_strjoin (".", core, dv, ptc, dv, NULL);
  g_autofree char *two_av = g_strjoin (".", core, av, av, NULL);
  g_autofree char *two_ptc = g_strjoin (".", core, ptc, ptc, NULL);
  g_autofree char *two_core = g_strjoin (".", core, core, NULL);
  g_autofree char *trailing_dot = g_strconcat (core, ".", NULL);
  g_autofree char *double_dot = g_strjoin (".", core, "", dv, NULL);
  g_autofree char *type_5 = NULL;
  g_autofree char *with_type_5 = NULL;
  g_autofree char *short_dv = NULL;
  g_autofree char *short_ptc = NULL;

  {
    g_autoptr(Bits) b = bits_new ();
    put (b, 5, 3);
    put (b, 0, 29);
    type_5 = bits_encode (b);
  }
  with_type_5 = g_strjoin (".", core, type_5, NULL);
  {
    g_autoptr(Bits) b = bits_new ();
    g_autofree char *seg = NULL;
    put (b, CL_TC_SEGMENT_DISCLOSED_VENDORS, 3);
    put (b, 500, 16);
    put (b, 0, 1);
    put (b, 0, 28);
    seg = bits_encode (b);
    short_dv = g_strjoin (".", core, seg, NULL);
  }
  {
    g_autoptr(Bits) b = bits_new ();
    g_autofree char *seg = NULL;
    put (b, CL_TC_SEGMENT_PUBLISHER_TC, 3);
    put (b, 0, 48);
    put (b, 40, 6);   /* 40 custom purposes, 80 bits that are not there */
    seg = bits_encode (b);
    short_ptc = g_strjoin (".", core, seg, NULL);
  }

  assert_rejected (two_dv, "Segment 4 is a second disclosed-vendors segment");
  assert_rejected (two_av, "Segment 3 is a second allowed-vendors segment");
  assert_rejected (two_ptc, "Segment 3 is a second publisher TC segment");
  assert_rejected (two_core, "Segment 2 is a second core segment");
  assert_rejected (trailing_dot, "is empty");
  assert_rejected (double_dot, "Segment 2 is empty (character");
  assert_rejected (with_type_5, "Segment 2 has type 5, which does not exist");
  assert_rejected (short_dv, "The disclosed-vendors segment claims a bit field of 500 vendors");
  assert_rejected (short_ptc, "The publisher TC segment is truncated");
}

static void
test_error_restrictions (void)
{
  g_autoptr(Bits) purpose_0 = bits_new ();
  g_autoptr(Bits) too_many = bits_new ();
  g_autofree char *text_0 = NULL;
  g_autofree char *text_many = NULL;

  put_core_header (purpose_0);
  put_bitfield_section (purpose_0, 0, NULL);
  put_bitfield_section (purpose_0, 0, NULL);
  put (purpose_0, 1, 12);
  put (purpose_0, 0, 6);
  put (purpose_0, 1, 2);
  put (purpose_0, 0, 12);
  text_0 = bits_encode (purpose_0);
  assert_rejected (text_0, "restricts purpose 0 in publisher restriction 1");

  put_core_header (too_many);
  put_bitfield_section (too_many, 0, NULL);
  put_bitfield_section (too_many, 0, NULL);
  put (too_many, 4000, 12);
  put (too_many, 0, 40);
  text_many = bits_encode (too_many);
  assert_rejected (text_many, "claims 4000 publisher restrictions");
}

/* Twenty restrictions of the whole range 1–65535 fit in 140 bytes and would decode to 1.3
 * million vendor ids; sixteen (1,048,560) are still accepted. */
static void
test_error_restrictions_too_wide (void)
{
  for (guint n = 16; n <= 20; n += 4)
    {
      g_autoptr(Bits) bits = bits_new ();
      g_autofree char *text = NULL;

      put_core_header (bits);
      put_bitfield_section (bits, 0, NULL);
      put_bitfield_section (bits, 0, NULL);
      put (bits, n, 12);
      for (guint i = 0; i < n; i++)
        {
          put (bits, 1 + i % 11, 6);  /* purpose */
          put (bits, i % 3, 2);       /* type */
          put (bits, 1, 12);          /* one entry: */
          put (bits, 1, 1);           /* a range */
          put (bits, 1, 16);
          put (bits, 65535, 16);
        }
      text = bits_encode (bits);
      if (n == 16)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(ClTcString) tc = cl_tc_string_decode (text, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (tc->publisher_restrictions->len, ==, 16);
        }
      else
        assert_rejected (text, "names more than 1048576 vendors in its publisher restrictions");
    }
}

/* ------------------------------------------------------------------------------------------ */
/* The CMP list */

static void
test_cmp_list_shared (void)
{
  g_autofree char *path = cl_test_shared_path ("tcf/cmp-list.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gboolean found_didomi = FALSE;

  if (path == NULL)
    return;
  entries = cl_cmp_list_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 218);
  for (guint i = 0; i < entries->len; i++)
    {
      ClCmpEntry *e = g_ptr_array_index (entries, i);

      if (i > 0)
        g_assert_cmpuint (e->id, >, ((ClCmpEntry *) g_ptr_array_index (entries, i - 1))->id);
      g_assert_false (g_ascii_isspace (e->name[0]));
      g_assert_false (g_ascii_isspace (e->name[strlen (e->name) - 1]));
      if (e->id == 7)
        {
          g_assert_cmpstr (e->name, ==, "Didomi");
          found_didomi = TRUE;
        }
      if (e->id == 2)
        g_assert_cmpstr (e->name, ==, "AppConsent by SFBX\xc2\xae");
      if (e->id == 3)
        g_assert_cmpstr (e->deleted_date, ==, "2024-11-13T14:55:31.549Z");
    }
  g_assert_true (found_didomi);
}

static void
test_cmp_list_fixtures (void)
{
  g_autofree char *good = cl_test_data_path ("tc/cmp-list-small.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = cl_cmp_list_load (good, &error);
  struct {
    const char *json;
    const char *says;
  } bad[] = {
    { "{\"cmps\": {\"1\": {\"id\": 1, \"name\": 3}}}", "f.json: cmps: CMP 1: name: missing or not a string." },
    { "{\"cmps\": {\"1\": {\"id\": 2, \"name\": \"A\"}}}", "f.json: cmps: CMP 1: id: missing or not 1." },
    { "{\"cmps\": {\"1\": {\"name\": \"A\"}}}", "f.json: cmps: CMP 1: id: missing" },
    { "{\"cmps\": {\"x\": {\"id\": 1, \"name\": \"A\"}}}", "f.json: cmps: \"x\" is not a CMP id" },
    { "{\"cmps\": {\"4096\": {\"id\": 4096, \"name\": \"A\"}}}", "\"4096\" is not a CMP id" },
    { "{\"cmps\": {\"1\": {\"id\": 1, \"name\": \" \\u200b \"}}}", "f.json: cmps: CMP 1: name: empty." },
    { "{\"cmps\": {\"1\": {\"id\": 1, \"name\": \"A\", \"deletedDate\": 5}}}", "deletedDate: not a string" },
    { "{\"cmps\": {\"1\": []}}", "CMP 1 is not an object" },
    { "{\"cmps\": []}", "f.json: not a CMP list: it has no \"cmps\" object." },
    { "[1, 2]", "f.json: not a CMP list: the file must hold a JSON object." },
    { "", "f.json: not a CMP list" },
    { "{\"cmps\":\n {\"1\": {\"id\": 1},}}", "f.json:2:" },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpuint (((ClCmpEntry *) g_ptr_array_index (entries, 0))->id, ==, 5);
  g_assert_cmpstr (((ClCmpEntry *) g_ptr_array_index (entries, 0))->name, ==, "Fem CMP");
  g_assert_cmpstr (((ClCmpEntry *) g_ptr_array_index (entries, 1))->name, ==, "Sju");
  g_assert_nonnull (((ClCmpEntry *) g_ptr_array_index (entries, 2))->deleted_date);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GPtrArray) none = cl_cmp_list_parse (bad[i].json, -1, "f.json", &local_error);

      g_assert_null (none);
      g_assert_error (local_error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT);
      if (strstr (local_error->message, bad[i].says) == NULL)
        g_error ("%s: got “%s”", bad[i].json, local_error->message);
    }

  {
    g_autofree char *missing = cl_test_data_path ("tc/no-such-file.json");
    g_autoptr(GError) local_error = NULL;
    g_assert_null (cl_cmp_list_load (missing, &local_error));
    g_assert_error (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_assert_nonnull (strstr (local_error->message, "no-such-file.json"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ledger/tc-string/shared-vectors", test_shared_vectors);
  g_test_add_func ("/ledger/tc-string/shared-vectors-independent", test_shared_vectors_independent);
  g_test_add_func ("/ledger/tc-string/core-bitfield", test_core_bitfield);
  g_test_add_func ("/ledger/tc-string/core-range", test_core_range);
  g_test_add_func ("/ledger/tc-string/publisher-restrictions", test_publisher_restrictions);
  g_test_add_func ("/ledger/tc-string/optional-segments", test_optional_segments);
  g_test_add_func ("/ledger/tc-string/publisher-tc-63-custom", test_publisher_tc_max_custom);
  g_test_add_func ("/ledger/tc-string/segment-alone", test_segment_alone);
  g_test_add_func ("/ledger/tc-string/padding", test_padding_tolerated);
  g_test_add_func ("/ledger/tc-string/v1", test_v1);
  g_test_add_func ("/ledger/tc-string/vendor-decisions", test_vendor_decisions);
  g_test_add_func ("/ledger/tc-string/describe", test_describe);
  g_test_add_func ("/ledger/tc-string/copy", test_copy);
  g_test_add_func ("/ledger/tc-string/error/characters", test_error_characters);
  g_test_add_func ("/ledger/tc-string/error/versions", test_error_versions);
  g_test_add_func ("/ledger/tc-string/error/truncated", test_error_truncated);
  g_test_add_func ("/ledger/tc-string/error/bitfield-too-long", test_error_bitfield_too_long);
  g_test_add_func ("/ledger/tc-string/error/range-entries", test_error_range_entries);
  g_test_add_func ("/ledger/tc-string/error/letters", test_error_letters);
  g_test_add_func ("/ledger/tc-string/error/trailing-data", test_error_trailing_data);
  g_test_add_func ("/ledger/tc-string/error/segments", test_error_segments);
  g_test_add_func ("/ledger/tc-string/error/restrictions", test_error_restrictions);
  g_test_add_func ("/ledger/tc-string/error/restrictions-too-wide",
                   test_error_restrictions_too_wide);
  g_test_add_func ("/ledger/cmp-list/shared", test_cmp_list_shared);
  g_test_add_func ("/ledger/cmp-list/fixtures", test_cmp_list_fixtures);

  return g_test_run ();
}
