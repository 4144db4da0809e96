/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-consent-generator.h: a deterministic, realistic synthetic consent log for demos, tests
 * and benchmarks (consentctl generate). */
#pragma once

#include <gio/gio.h>

#include "cl-consent-reader.h"

G_BEGIN_DECLS

typedef struct
{
  guint64  n_events;
  guint64  n_subjects;  /* 0: three for every ten events */
  guint64  seed;        /* same seed and counts, same bytes */
  gboolean tc_strings;  /* add IAB TCF consent strings to the events */
} ClConsentGeneratorOptions;

/* The policy versions the generated log refers to, oldest first; the demo ledger creates them. */
typedef struct
{
  const char *version;
  const char *effective;  /* YYYY-MM-DD */
  gboolean    significant;
  const char *summary;
} ClGeneratedPolicy;

void                     cl_consent_generator_options_init (ClConsentGeneratorOptions *options);
const ClGeneratedPolicy *cl_consent_generator_get_policies  (guint                     *n_policies);
const char * const      *cl_consent_generator_get_purposes  (void);

gboolean                 cl_consent_generate_to_stream     (const ClConsentGeneratorOptions *options,
                                                            ClConsentFormat                  format,
                                                            GOutputStream                   *stream,
                                                            GCancellable                    *cancellable,
                                                            GError                         **error);
gboolean                 cl_consent_generate_to_file       (const ClConsentGeneratorOptions *options,
                                                            const char                      *path,
                                                            GCancellable                    *cancellable,
                                                            GError                         **error);

G_END_DECLS
