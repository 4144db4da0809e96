/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-tc-string.c: libFuzzer target for the TC string decoder: any input is decoded or refused
 * with an INVALID_INPUT error, never a crash, a leak, a hang or a critical warning. */
#include <stdint.h>
#include <string.h>

#include "cl-error.h"
#include "cl-tc-string.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Restrictions may name 65,535 vendors in 33 bits each; their JSON grows with that, so the
 * JSON form is only exercised when it stays a sane size for a fuzzing loop. */
#define MAX_IDS_FOR_JSON 200000

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static char *
some_names (ClTcNameKind kind,
            guint        id,
            gpointer     user_data)
{
  /* Known for some ids, unknown for others, as with a partly imported vendor list. */
  if (id % 3 == 0)
    return NULL;
  return g_strdup_printf ("%s %u", kind == CL_TC_NAME_CMP ? "CMP" : "Vendor", id);
}

static void
check_refusal (GError *error)
{
  g_assert (error != NULL);
  g_assert (g_error_matches (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT));
  g_assert (error->message[0] != '\0');
  g_assert (g_utf8_validate (error->message, -1, NULL));
}

/* Checked through its runs, so that a set of 65,535 ids costs no more than its encoding did. */
static void
check_set (const ClTcVendorSet *set)
{
  g_autoptr(GArray) runs = NULL;
  guint count = 0;

  if (set == NULL)
    return;
  runs = cl_tc_vendor_set_to_runs (set);
  g_assert (runs->len % 2 == 0);
  for (guint i = 0; i < runs->len; i += 2)
    {
      guint first = g_array_index (runs, guint, i);
      guint last = g_array_index (runs, guint, i + 1);

      g_assert (first >= 1 && first <= last && last <= 65535);
      /* Canonical: sorted, disjoint and not touching. */
      g_assert (i == 0 || g_array_index (runs, guint, i - 1) + 1 < first);
      g_assert (cl_tc_vendor_set_contains (set, first));
      g_assert (cl_tc_vendor_set_contains (set, last));
      g_assert (!cl_tc_vendor_set_contains (set, first - 1));
      g_assert (!cl_tc_vendor_set_contains (set, last + 1));
      count += last - first + 1;
    }
  g_assert (count == cl_tc_vendor_set_get_count (set));
  g_assert (!cl_tc_vendor_set_contains (set, 0));
}

/* Inputs that start with this byte are bits, not text: each run of bytes between '.' bytes is
 * base64url-encoded into a segment. Mutating bits reaches deeper than mutating characters. */
#define RAW_MARKER 0xB1

static char *
text_from_input (const uint8_t *data,
                 size_t         size)
{
  static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  GString *text;
  guint32 acc = 0;
  guint n_acc = 0;

  if (size == 0 || data[0] != RAW_MARKER)
    return g_strndup ((const char *) data, size);

  text = g_string_new (NULL);
  for (size_t i = 1; i <= size; i++)
    {
      if (i == size || data[i] == '.')
        {
          if (n_acc > 0)
            g_string_append_c (text, alphabet[(acc << (6 - n_acc)) & 63]);
          acc = 0;
          n_acc = 0;
          if (i < size)
            g_string_append_c (text, '.');
          continue;
        }
      acc = (acc << 8) | data[i];
      n_acc += 8;
      while (n_acc >= 6)
        {
          n_acc -= 6;
          g_string_append_c (text, alphabet[(acc >> n_acc) & 63]);
        }
      acc &= (1u << n_acc) - 1;
    }
  return g_string_free (text, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = text_from_input (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) segment_error = NULL;
  g_autoptr(ClTcString) tc = NULL;
  g_autoptr(ClTcSegment) segment = NULL;
  g_autoptr(ClTcString) copy = NULL;
  g_autoptr(GArray) decisions = NULL;
  g_autofree char *described = NULL;
  guint64 n_ids = 0;

  (void) cl_tc_string_peek_version (text);

  segment = cl_tc_segment_decode (text, &segment_error);
  if (segment == NULL)
    check_refusal (segment_error);
  else
    check_set (segment->vendors);

  tc = cl_tc_string_decode (text, &error);
  if (tc == NULL)
    {
      check_refusal (error);
      return 0;
    }
  g_assert (error == NULL);
  g_assert (tc->version == 1 || tc->version == 2);
  g_assert (strlen (tc->consent_language) == 2);

  check_set (tc->vendor_consents);
  check_set (tc->vendor_legitimate_interests);
  check_set (tc->disclosed_vendors);
  check_set (tc->allowed_vendors);
  n_ids += cl_tc_vendor_set_get_count (tc->vendor_consents);
  for (guint i = 0; i < tc->publisher_restrictions->len; i++)
    {
      const ClTcPublisherRestriction *pr = g_ptr_array_index (tc->publisher_restrictions, i);
      g_assert (pr->purpose_id >= 1 && pr->purpose_id <= 63);
      g_assert (pr->restriction_type <= CL_TC_RESTRICTION_UNDEFINED);
      check_set (pr->vendors);
      n_ids += cl_tc_vendor_set_get_count (pr->vendors);
    }

  /* What the consent importer takes over: one decision per id up to the maximum. */
  decisions = cl_tc_string_get_vendor_decisions (tc);
  g_assert (decisions->len == cl_tc_vendor_set_get_max_id (tc->vendor_consents));
  for (guint i = 0; i < decisions->len; i++)
    {
      const ClTcVendorDecision *d = &g_array_index (decisions, ClTcVendorDecision, i);
      g_assert (d->vendor_id == i + 1);
      g_assert (d->granted == cl_tc_string_vendor_consent (tc, d->vendor_id));
    }

  described = cl_tc_string_describe (tc, some_names, NULL);
  g_assert (described != NULL && g_utf8_validate (described, -1, NULL));

  copy = cl_tc_string_copy (tc);
  if (n_ids <= MAX_IDS_FOR_JSON)
    {
      g_autoptr(JsonNode) a = cl_tc_string_to_json (tc);
      g_autoptr(JsonNode) b = cl_tc_string_to_json (copy);
      g_autofree char *json = json_to_string (a, FALSE);

      g_assert (json_node_equal (a, b));
      g_assert (g_utf8_validate (json, -1, NULL));
    }

  return 0;
}
