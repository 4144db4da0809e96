/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-consent-generator.c: writes a synthetic consent log that looks like a real one (visitors
 * who come back, change their minds, withdraw, are asked again after a significant policy
 * change, log in on several devices) and is the same byte for byte for the same seed, so that
 * demos, tests and benchmarks are repeatable. It uses its own PRNG, not g_random, whose
 * sequence GLib does not promise to keep. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-consent-generator.h"
#include "cl-error.h"
#include "cl-time.h"

#define FLUSH_SIZE (1024 * 1024)
#define MS_PER_DAY G_GINT64_CONSTANT (86400000)

/* Two years of events, under four policy versions. */
#define SPAN_START "2024-11-01"
#define SPAN_END   "2026-11-01"

static const ClGeneratedPolicy policies[] = {
  { "2.0", "2024-11-01", TRUE, "Cookie policy for the new Alleima websites." },
  { "2.1", "2025-04-01", FALSE, "The chat widget listed under functional cookies; retention "
                                "periods clarified." },
  { "3.0", "2025-10-01", TRUE, "New advertising partners and personalized content: visitors "
                               "are asked for consent again." },
  { "3.1", "2026-05-15", FALSE, "Vendor list and contact details updated." },
};

/* The refusable purposes of the seeded ledger: the columns and decision keys written. */
enum { MEASUREMENT, PERSONALIZATION, ADVERTISING, N_PURPOSES };
static const char * const purpose_keys[] = { "measurement", "personalization", "advertising", NULL };
#define ALL_PURPOSES ((1u << N_PURPOSES) - 1)

static const char * const urls[] = {
  "https://www.alleima.com/en/",
  "https://www.alleima.com/sv/",
  "https://www.alleima.com/en/products/tube/",
  "https://www.alleima.com/en/products/strip-steel/",
  "https://www.alleima.com/en/products/wire/",
  "https://www.alleima.com/en/products/heating-technology/",
  "https://www.alleima.com/en/industries/medical/",
  "https://www.alleima.com/en/about-us/",
  "https://www.alleima.com/en/investors/",
  "https://www.alleima.com/en/careers/",
  "https://www.alleima.com/en/sustainability/",
  "https://www.alleima.com/en/contact-us/",
  "https://www.alleima.com/sv/om-alleima/",
  "https://www.alleima.com/de/",
  "https://www.alleima.com/zh/",
};

static const struct { const char *value; guint weight; } user_agents[] = {
  { "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36", 34 },
  { "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0", 14 },
  { "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0", 7 },
  { "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.4 Safari/605.1.15", 10 },
  { "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/17.4 Mobile/15E148 Safari/604.1", 15 },
  { "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Mobile Safari/537.36", 14 },
  { "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36", 3 },
  { "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0", 3 },
};

/* Where the visitors of a Swedish steel maker's sites come from, in percent. */
static const struct { const char *code; guint weight; } countries[] = {
  { "SE", 28 }, { "DE", 12 }, { "US", 12 }, { "GB", 6 }, { "CN", 6 }, { "FR", 5 }, { "IN", 5 },
  { "FI", 4 }, { "NO", 4 }, { "IT", 4 }, { "PL", 3 }, { "NL", 3 }, { "JP", 3 }, { "ES", 2 },
  { "BR", 2 }, { "CZ", 1 },
};

/* First octets of public IPv4 space for the truncated addresses (the last octet is zeroed). */
static const guint8 ip_octets[] = {
  31, 37, 46, 62, 77, 78, 79, 81, 83, 85, 90, 94, 95, 109, 151, 176, 178, 185, 188, 193, 194,
  195, 212, 213, 217, 24, 50, 66, 73, 98, 104, 174, 203,
};

static const char * const first_names[] = {
  "anna", "erik", "maria", "lars", "karin", "johan", "eva", "anders", "sara", "per", "emma",
  "mikael", "lena", "oskar", "ingrid", "jonas", "sofia", "henrik", "elin", "magnus", "julia",
  "thomas", "linnea", "daniel",
};

static const char * const last_names[] = {
  "andersson", "johansson", "karlsson", "nilsson", "eriksson", "larsson", "olsson", "persson",
  "svensson", "gustafsson", "pettersson", "lindberg", "lindqvist", "berg", "holm", "schmidt",
  "mueller", "smith", "garcia", "rossi", "nowak", "virtanen", "hansen", "wang",
};

static const char * const email_domains[] = {
  "example.com", "example.se", "example.org", "example.net",
};

/* GVL ids of advertising vendors that some visitors decide on one by one. */
static const guint vendor_ids[] = { 755, 52, 32, 21, 91, 126, 10, 793, 28, 25 };

/* Valid IAB TCF v2 strings (from the IAB libraries' test suites), by what they grant. */
static const char tc_all[] =
  "COzcJxTOzcJxTBcAAAENAiCMAP_AAAAAAAAADTwAQDTgAAAA.IF5EX2S5OI2tho2YdF7BEYYwfJxyigMgShgQIsS8NwIe"
  "FbBoGPmAAHBG4JAQAGBAkkACBAQIsHGBcCQABgIgRiRCMQEGMjzNKBJBAggkbI0FACCVmnkHS3ZCY70-6u__bA";
static const char tc_none[] = "COv__-wOv__-wC2AAAENAPCgAAAAAAAAAAAAA_wAQA_gEBABAEAAAA";
static const char tc_measurement[] =
  "CLcVDxRMWfGmWAVAHCENAXCkAKDAADnAABRgA5mdfCKZuYJez-NQm0TBMYA4oCAAGQYIAAAAAAEAIAEgAA";
static const char tc_advertising[] = "COwxsONOwxsONKpAAAENAdCAAMAAAAAAAAAAAAAAAAAA";
static const char tc_most[] =
  "COrEAV4OrXx94ACABBENAHCIAD-AAAAAAACAAxAAAAgAIAwgAgAAAAEAgQAAAAAEAYQAQAAAACAAAABAAA";

typedef struct
{
  guint8 granted;      /* bit per purpose */
  guint8 asked;        /* bit per purpose */
  guint8 policy;       /* index of the policy of the last event, 0xff before the first */
  guint8 n_events;
} SubjectState;

typedef struct
{
  const ClConsentGeneratorOptions *options;
  guint64          rng;
  guint64          key;            /* derived from the seed, salts the per-subject hashes */
  guint64          n_subjects;
  guint64          introduced;
  guint64          n_persons;
  SubjectState    *subjects;
  gint64           policy_start[G_N_ELEMENTS (policies)];
  guint            weight_total_ua;
  ClConsentRecord  record;
  GString         *scratch;
} Generator;

/* splitmix64: small, fast, and good enough for synthetic data. */
static inline guint64
next_u64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static inline guint64
below (Generator *gen,
       guint64    n)
{
  return next_u64 (&gen->rng) % n;
}

/* A stateless hash of a number: the splitmix64 finalizer, a bijection on 64 bits, so that
 * distinct inputs give distinct event ids. */
static inline guint64
mix (guint64 x)
{
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return x ^ (x >> 31);
}

/* A bijection on 48 bits (odd multipliers and xor-shifts modulo 2^48), so that consent ids,
 * which show 12 hex digits, never collide. */
static inline guint64
mix48 (guint64 x)
{
  const guint64 mask = (G_GUINT64_CONSTANT (1) << 48) - 1;

  x &= mask;
  x = (x * G_GUINT64_CONSTANT (0x9E3779B97F4B)) & mask;
  x ^= x >> 23;
  x = (x * G_GUINT64_CONSTANT (0xD6E8FEB86659)) & mask;
  x ^= x >> 19;
  return x;
}

void
cl_consent_generator_options_init (ClConsentGeneratorOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->n_events = 1000;
  options->seed = 1;
}

/**
 * cl_consent_generator_get_policies:
 * @n_policies: (out): how many
 *
 * Returns: (array length=n_policies) (transfer none): the policy versions the generated
 *   events name, oldest first
 */
const ClGeneratedPolicy *
cl_consent_generator_get_policies (guint *n_policies)
{
  g_return_val_if_fail (n_policies != NULL, NULL);

  *n_policies = G_N_ELEMENTS (policies);
  return policies;
}

/**
 * cl_consent_generator_get_purposes:
 *
 * Returns: (transfer none): the purpose keys the generated events decide on
 */
const char * const *
cl_consent_generator_get_purposes (void)
{
  return purpose_keys;
}

static gint64
date_ms (const char *text)
{
  GDate date;
  gboolean ok = cl_time_parse_date (text, &date);

  g_assert (ok);
  return cl_time_days_from_civil (g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date)) * MS_PER_DAY;
}

static void
append_hex (GString *out,
            guint64  value,
            guint    digits)
{
  static const char hex[] = "0123456789abcdef";

  for (guint i = digits; i > 0; i--)
    g_string_append_c (out, hex[(value >> ((i - 1) * 4)) & 0xf]);
}

static inline guint64
subject_hash (Generator *gen,
              guint64    subject)
{
  return mix (gen->key ^ (subject * G_GUINT64_CONSTANT (0x2545F4914F6CDD1D)));
}

/* The same device keeps its country, browser and network. */
static guint
subject_country (Generator *gen,
                 guint64    subject)
{
  guint pick = (guint) (subject_hash (gen, subject) % 100);
  guint c, acc;

  for (c = 0, acc = 0; c < G_N_ELEMENTS (countries) - 1; c++)
    if (pick < (acc += countries[c].weight))
      break;

  return c;
}

static void
set_subject_fields (Generator *gen,
                    guint64    subject)
{
  ClConsentRecord *r = &gen->record;
  guint64 h = subject_hash (gen, subject);
  guint64 h2 = mix (h);
  GString *s = gen->scratch;
  guint pick, acc;
  guint u;

  g_string_assign (s, "c-");
  append_hex (s, mix48 (subject ^ gen->key), 12);
  cl_consent_record_set_string (r, CL_CONSENT_FIELD_SUBJECT, s->str, (gssize) s->len);

  cl_consent_record_set_string (r, CL_CONSENT_FIELD_COUNTRY,
                                countries[subject_country (gen, subject)].code, -1);

  pick = (guint) ((h >> 8) % gen->weight_total_ua);
  for (u = 0, acc = 0; u < G_N_ELEMENTS (user_agents) - 1; u++)
    if (pick < (acc += user_agents[u].weight))
      break;
  cl_consent_record_set_string (r, CL_CONSENT_FIELD_USER_AGENT, user_agents[u].value, -1);

  g_string_truncate (s, 0);
  if ((h >> 16) % 10 == 0)
    {
      /* IPv6, truncated to the /48, in the documentation prefix */
      g_string_append (s, "2001:db8:");
      append_hex (s, (h2 >> 8) & 0xffff, 4);
      g_string_append (s, "::");
    }
  else
    g_string_append_printf (s, "%u.%u.%u.0", ip_octets[(h2 >> 24) % G_N_ELEMENTS (ip_octets)],
                            (guint) ((h2 >> 32) & 0xff), (guint) ((h2 >> 40) & 0xff));
  cl_consent_record_set_string (r, CL_CONSENT_FIELD_IP, s->str, (gssize) s->len);

  /* A quarter of the devices belong to someone who logged in or subscribed; people have
   * one to three devices, so some e-mail addresses and accounts link several consent ids. */
  if ((h >> 24) % 4 == 0)
    {
      guint64 person = mix (h2 ^ gen->key) % gen->n_persons;
      guint64 ph = mix (person + gen->key);
      guint kind = (guint) (ph % 10);

      if (kind < 8)
        {
          guint64 nf = G_N_ELEMENTS (first_names), nl = G_N_ELEMENTS (last_names);

          g_string_assign (s, first_names[person % nf]);
          g_string_append_c (s, '.');
          g_string_append (s, last_names[(person / nf) % nl]);
          if (person >= nf * nl)
            g_string_append_printf (s, "%" G_GUINT64_FORMAT, person / (nf * nl));
          g_string_append_c (s, '@');
          g_string_append (s, email_domains[(ph >> 8) % G_N_ELEMENTS (email_domains)]);
          cl_consent_record_set_string (r, CL_CONSENT_FIELD_EMAIL, s->str, (gssize) s->len);
        }
      if (kind >= 5)
        {
          g_string_printf (s, "A-%06" G_GUINT64_FORMAT, 100000 + person);
          cl_consent_record_set_string (r, CL_CONSENT_FIELD_ACCOUNT, s->str, (gssize) s->len);
        }
    }
}

static guint64
pick_subject (Generator *gen,
              guint64    event,
              guint64    n_events)
{
  guint64 remaining_new = gen->n_subjects - gen->introduced;
  guint64 remaining_events = n_events - event;
  guint64 window;

  /* New visitors arrive at the rate that uses them all up by the last event. */
  if (remaining_new > 0 && (gen->introduced == 0 || below (gen, remaining_events) < remaining_new))
    return gen->introduced++;

  /* Returning visitors: most came recently, some long ago. */
  window = MAX (1, gen->introduced / 20);
  if (below (gen, 100) < 60)
    return gen->introduced - 1 - below (gen, window);
  return below (gen, gen->introduced);
}

static guint
policy_at (Generator *gen,
           gint64     ms)
{
  guint p = 0;

  for (guint i = 0; i < G_N_ELEMENTS (policies); i++)
    if (ms >= gen->policy_start[i])
      p = i;

  return p;
}

static gboolean
needs_reconsent (guint policy_now,
                 guint policy_then)
{
  for (guint i = policy_then + 1; i <= policy_now; i++)
    if (policies[i].significant)
      return TRUE;

  return FALSE;
}

/* A visitor's choice on the banner: all, none, or a mix from the settings page. */
static ClConsentMethod
banner_choice (Generator *gen,
               gboolean   in_us,
               guint     *granted)
{
  guint roll = (guint) below (gen, 100);

  if (roll < (in_us ? 20u : 4u))
    {
      *granted = 0;
      return CL_CONSENT_METHOD_GPC;
    }
  if (roll < 58)
    {
      *granted = ALL_PURPOSES;
      return CL_CONSENT_METHOD_ACCEPT_ALL;
    }
  if (roll < 78)
    {
      *granted = 0;
      return CL_CONSENT_METHOD_REJECT_ALL;
    }

  /* Custom: measurement is the purpose people allow most, advertising the least. */
  do
    {
      *granted = 0;
      if (below (gen, 100) < 70)
        *granted |= 1u << MEASUREMENT;
      if (below (gen, 100) < 40)
        *granted |= 1u << PERSONALIZATION;
      if (below (gen, 100) < 25)
        *granted |= 1u << ADVERTISING;
    }
  while (*granted == ALL_PURPOSES);
  return CL_CONSENT_METHOD_CUSTOM;
}

static const char *
tc_string_for (ClConsentMethod method,
               guint           granted)
{
  if (method == CL_CONSENT_METHOD_ACCEPT_ALL)
    return tc_all;
  if (granted == 0)
    return tc_none;
  if (granted & (1u << ADVERTISING))
    return (granted & (1u << PERSONALIZATION)) ? tc_most : tc_advertising;
  if (granted & (1u << PERSONALIZATION))
    return tc_most;
  return tc_measurement;
}

static void
generate_event (Generator       *gen,
                ClConsentFormat  format,
                guint64          event,
                guint64          n_events,
                gint64           ms)
{
  ClConsentRecord *r = &gen->record;
  guint64 subject = pick_subject (gen, event, n_events);
  SubjectState *state = &gen->subjects[subject];
  gboolean in_us = strcmp (countries[subject_country (gen, subject)].code, "US") == 0;
  guint policy = policy_at (gen, ms);
  ClConsentMethod method;
  guint granted, asked = ALL_PURPOSES;

  cl_consent_record_reset (r);
  r->recorded_at = ms;

  if (below (gen, 100) != 0)  /* one event in a hundred comes without an id */
    {
      g_string_assign (gen->scratch, "ev-");
      append_hex (gen->scratch, mix (event ^ gen->key), 16);
      cl_consent_record_set_string (r, CL_CONSENT_FIELD_EVENT_ID, gen->scratch->str,
                                    (gssize) gen->scratch->len);
    }
  cl_consent_record_set_string (r, CL_CONSENT_FIELD_POLICY_VERSION, policies[policy].version, -1);
  set_subject_fields (gen, subject);

  if (state->policy == 0xff || needs_reconsent (policy, state->policy))
    method = banner_choice (gen, in_us, &granted);
  else
    {
      guint roll = (guint) below (gen, 100);

      if (roll < 18 && state->granted != 0)
        {
          /* Withdrawal from the settings page: everything, or the one purpose that bothers. */
          method = CL_CONSENT_METHOD_WITHDRAW;
          granted = state->granted;
          if (below (gen, 2) == 0)
            granted = 0;
          else
            {
              guint which;

              do
                which = (guint) below (gen, N_PURPOSES);
              while (!(granted & (1u << which)));
              granted &= ~(1u << which);
            }
        }
      else
        method = banner_choice (gen, in_us, &granted);
    }

  if (method == CL_CONSENT_METHOD_GPC)
    {
      /* The browser's signal opts out of selling and sharing; measurement is not asked. */
      asked = (1u << PERSONALIZATION) | (1u << ADVERTISING);
      granted = 0;
      r->gpc = TRUE;
    }

  r->method = method;
  for (guint p = 0; p < N_PURPOSES; p++)
    if (asked & (1u << p))
      cl_consent_record_add_decision (r, p, purpose_keys[p], (granted >> p) & 1);

  /* Some who chose in the settings also decided vendor by vendor (the CSV has no column). */
  if (format == CL_CONSENT_FORMAT_JSONL && method == CL_CONSENT_METHOD_CUSTOM && below (gen, 2) == 0)
    {
      guint n = 3 + (guint) below (gen, 3);
      guint first = (guint) below (gen, G_N_ELEMENTS (vendor_ids));
      gboolean ads = (granted >> ADVERTISING) & 1;

      for (guint v = 0; v < n; v++)
        cl_consent_record_add_vendor (r, vendor_ids[(first + v) % G_N_ELEMENTS (vendor_ids)],
                                      below (gen, 20) == 0 ? !ads : ads);
    }

  if (gen->options->tc_strings)
    cl_consent_record_set_string (r, CL_CONSENT_FIELD_TC_STRING, tc_string_for (method, granted), -1);

  /* First visits land on the home page more often than not. */
  if (state->policy == 0xff && below (gen, 100) < 45)
    cl_consent_record_set_string (r, CL_CONSENT_FIELD_URL, urls[below (gen, 2)], -1);
  else
    cl_consent_record_set_string (r, CL_CONSENT_FIELD_URL, urls[below (gen, G_N_ELEMENTS (urls))], -1);

  state->granted = (guint8) ((state->granted & ~asked) | (granted & asked));
  state->asked |= (guint8) asked;
  state->policy = (guint8) policy;
  if (state->n_events < G_MAXUINT8)
    state->n_events++;
}

static gboolean
flush (GString        *out,
       GOutputStream  *stream,
       GCancellable   *cancellable,
       GError        **error)
{
  if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
    return FALSE;
  g_string_truncate (out, 0);
  return TRUE;
}

/**
 * cl_consent_generate_to_stream:
 * @options: how many events and subjects, the seed
 * @format: JSON Lines or CSV
 * @stream: where to write; not closed
 * @cancellable: (nullable): to stop early
 * @error: an error
 *
 * Writes @options->n_events events in time order over two years. Every subject appears
 * (up to one per event); the same options give the same bytes.
 */
gboolean
cl_consent_generate_to_stream (const ClConsentGeneratorOptions  *options,
                               ClConsentFormat                   format,
                               GOutputStream                    *stream,
                               GCancellable                     *cancellable,
                               GError                          **error)
{
  g_autoptr(GString) out = NULL;
  Generator gen = { 0 };
  gint64 start, end, span, mean_gap, ms;
  gboolean ok = TRUE;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  gen.options = options;
  gen.rng = mix (options->seed ^ G_GUINT64_CONSTANT (0x436F6E73656E74));  /* "Consent" */
  gen.key = mix (gen.rng + 1);
  gen.n_subjects = options->n_subjects != 0 ? options->n_subjects : MAX (1, options->n_events * 3 / 10);
  gen.n_subjects = MIN (gen.n_subjects, MAX (options->n_events, 1));
  gen.n_persons = MAX (1, gen.n_subjects / 6);
  gen.subjects = g_new (SubjectState, gen.n_subjects);
  for (guint64 i = 0; i < gen.n_subjects; i++)
    gen.subjects[i] = (SubjectState) { 0, 0, 0xff, 0 };
  for (guint i = 0; i < G_N_ELEMENTS (policies); i++)
    gen.policy_start[i] = date_ms (policies[i].effective);
  for (guint i = 0; i < G_N_ELEMENTS (user_agents); i++)
    gen.weight_total_ua += user_agents[i].weight;
  cl_consent_record_init (&gen.record);
  gen.scratch = g_string_sized_new (64);

  out = g_string_sized_new (FLUSH_SIZE + 64 * 1024);
  if (format == CL_CONSENT_FORMAT_CSV)
    cl_consent_csv_append_header (out, purpose_keys);

  /* Evenly spread arrival times, each jittered within its own slot: in time order, never past
   * the end of the span (a random walk would pile its overshoot onto the last instant). */
  start = date_ms (SPAN_START);
  end = date_ms (SPAN_END);
  span = end - start;
  mean_gap = options->n_events > 0 ? span / (gint64) options->n_events : span;

  for (guint64 i = 0; i < options->n_events; i++)
    {
      ms = start + (gint64) ((guint64) span * i / options->n_events)
           + (gint64) below (&gen, (guint64) MAX (mean_gap, 1));
      generate_event (&gen, format, i, options->n_events, ms);

      if (format == CL_CONSENT_FORMAT_CSV)
        cl_consent_record_append_csv (&gen.record, purpose_keys, out);
      else
        cl_consent_record_append_jsonl (&gen.record, out);

      if (out->len >= FLUSH_SIZE)
        {
          if (!(ok = flush (out, stream, cancellable, error)))
            break;
        }
    }

  if (ok)
    ok = flush (out, stream, cancellable, error);

  g_free (gen.subjects);
  cl_consent_record_clear (&gen.record);
  g_string_free (gen.scratch, TRUE);
  return ok;
}

/**
 * cl_consent_generate_to_file:
 * @options: how many events and subjects, the seed
 * @path: the file to write, `.jsonl`/`.json` or `.csv`
 * @cancellable: (nullable): to stop early
 * @error: an error
 *
 * Writes the log atomically (a temporary file renamed into place), readable by the owner
 * only, since it looks like personal data.
 */
gboolean
cl_consent_generate_to_file (const ClConsentGeneratorOptions  *options,
                             const char                       *path,
                             GCancellable                     *cancellable,
                             GError                          **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  ClConsentFormat format;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!cl_consent_format_for_filename (path, &format))
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("%s: the name must end in .jsonl, .json or .csv to choose the format"), path);
      return FALSE;
    }

  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE,
                           G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (!cl_consent_generate_to_stream (options, format, G_OUTPUT_STREAM (stream), cancellable, error))
    {
      /* Closing after a cancelled or failed write would put a partial file in place. */
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}
