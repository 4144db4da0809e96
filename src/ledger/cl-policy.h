/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-policy.h: the versions of the cookie policy, their effective dates and significance. */
#pragma once

#include <gio/gio.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_POLICY_VERSION (cl_policy_version_get_type ())

/* The summary an import stores for a policy version it registers: in English like every text
 * the code writes; cl_policy_version_get_summary_label() shows it in the user's language. */
#define CL_POLICY_FIRST_SEEN_SUMMARY "First seen in an imported consent log"
G_DECLARE_FINAL_TYPE (ClPolicyVersion, cl_policy_version, CL, POLICY_VERSION, GObject)

gint64       cl_policy_version_get_id          (ClPolicyVersion *self);
const char  *cl_policy_version_get_version     (ClPolicyVersion *self);
/* YYYY-MM-DD, or NULL for a version an import met in a log before anyone dated it. */
const char  *cl_policy_version_get_effective   (ClPolicyVersion *self);
gboolean     cl_policy_version_get_significant (ClPolicyVersion *self);
const char  *cl_policy_version_get_summary     (ClPolicyVersion *self);
/* The summary to show: the officer's words as written, or the note an import wrote for a
 * version it registered, in the user's language. */
const char  *cl_policy_version_get_summary_label (ClPolicyVersion *self);
/* Lower-case hex, or NULL when no text was attached. */
const char  *cl_policy_version_get_text_sha256 (ClPolicyVersion *self);
const char  *cl_policy_version_get_created_at  (ClPolicyVersion *self);
/* Whether the version has taken effect on the UTC date of now_ms. */
gboolean     cl_policy_version_is_in_effect    (ClPolicyVersion *self,
                                                gint64           now_ms);

/* What a form or the CLI gives for a version. text_path is a file whose SHA-256 is stored
 * (the text itself is not); NULL leaves the stored hash as it is (none for a new version). */
typedef struct
{
  const char *version;
  const char *effective;
  gboolean    significant;
  const char *summary;
  const char *text_path;
} ClPolicyFields;

/* Every version, oldest first: by effective date (undated versions first), then by label in
 * natural order ("3.9" before "3.10"). A list of ClPolicyVersion. */
GListStore      *cl_policy_list             (ClLedger              *ledger,
                                             GError               **error);
ClPolicyVersion *cl_policy_lookup           (ClLedger              *ledger,
                                             const char            *version,
                                             GError               **error);

/* Validates (unique label, a real date, a significant version not before an earlier one),
 * hashes the text, and writes the version and its audit entry in one transaction. Errors:
 * CL_LEDGER_ERROR_INVALID_INPUT, _CONFLICT, _NOT_FOUND (edit), or a read error on the text. */
ClPolicyVersion *cl_policy_add              (ClLedger              *ledger,
                                             const ClPolicyFields  *fields,
                                             GError               **error);
/* Edits the version now labelled `version`; fields->version may rename it. */
ClPolicyVersion *cl_policy_edit             (ClLedger              *ledger,
                                             const char            *version,
                                             const ClPolicyFields  *fields,
                                             GError               **error);

/* The latest significant version in effect on the UTC date of now_ms, or NULL (no error) when
 * there is none. */
ClPolicyVersion *cl_policy_latest_significant (ClLedger            *ledger,
                                               gint64               now_ms,
                                               GError             **error);

/* Ordering of version labels: runs of digits compare as numbers. */
int              cl_policy_compare_labels   (const char            *a,
                                             const char            *b);
/* Whether a is older than b: an earlier effective date, or the same (or an unknown) date and a
 * smaller label. b must be dated. */
gboolean         cl_policy_version_is_older (ClPolicyVersion       *a,
                                             ClPolicyVersion       *b);

/* Lower-case hex SHA-256 of a file, read in blocks. */
char            *cl_policy_hash_file        (const char            *path,
                                             GCancellable          *cancellable,
                                             GError               **error);

/* Strict YYYY-MM-DD (a real calendar date, years 1970 to 2999). */
gboolean         cl_policy_parse_date       (const char            *text,
                                             GDate                 *out);

G_END_DECLS
