/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-audit-texts.c: the audit log's actions, object types and details in the user's language.
 * The log itself keeps the fixed English each feature wrote (its entries are hash-chained, and
 * an officer in another country must read the same evidence); these are the words shown for
 * it. Each stored pattern is exactly what the feature named in its comment writes. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-audit-entry.h"
#include "cl-request-texts.h"
#include "cl-request.h"
#include "cl-stored-text.h"

typedef struct
{
  const char *key;
  const char *label;
} Label;

static const Label action_labels[] = {
  { "import", NC_("audit action", "Consent log imported") },
  { "erase", NC_("audit action", "Subject erased") },
  { "erase.clear", NC_("audit action", "Erased data cleared") },
  { "export", NC_("audit action", "Portability export") },
  { "vendor.import", NC_("audit action", "Vendor list imported") },
  { "vendor.add", NC_("audit action", "Vendor added") },
  { "vendor.edit", NC_("audit action", "Vendor edited") },
  { "vendor.delete", NC_("audit action", "Vendor deleted") },
  { "cmp.import", NC_("audit action", "CMP list imported") },
  { "purpose.edit", NC_("audit action", "Purpose edited") },
  { "purpose.restore-defaults", NC_("audit action", "Purposes restored to defaults") },
  { "policy.add", NC_("audit action", "Policy version added") },
  { "policy.edit", NC_("audit action", "Policy version edited") },
  { "change", NC_("audit action", "Setting changed") },
};

static const Label object_type_labels[] = {
  { "consent_log", NC_("audit object", "Consent log") },
  { "request", NC_("audit object", "Request") },
  { "subject", NC_("audit object", "Subject") },
  { "ledger", NC_("audit object", "Ledger file") },
  { "vendor", NC_("audit object", "Vendor") },
  { "vendor_list", NC_("audit object", "Vendor list") },
  { "cmp_list", NC_("audit object", "CMP list") },
  { "purpose", NC_("audit object", "Purpose") },
  { "policy_version", NC_("audit object", "Policy version") },
  { "setting", NC_("audit object", "Setting") },
};

/* A key no table knows (a newer version's, or a step another feature named) still reads as
 * words: "vendor.merge" → "Vendor merge". */
static char *
humanize (const char *key)
{
  char *text = g_strdelimit (g_strdup (key != NULL ? key : ""), "_.-", ' ');

  if (text[0] != '\0')
    text[0] = g_ascii_toupper (text[0]);
  return text;
}

static const char *
find_label (const Label *labels,
            gsize        n_labels,
            const char  *context,
            const char  *key)
{
  for (gsize i = 0; i < n_labels; i++)
    if (g_strcmp0 (labels[i].key, key) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, context, labels[i].label);
  return NULL;
}

char *
cl_audit_action_dup_label (const char *action)
{
  const char *label = find_label (action_labels, G_N_ELEMENTS (action_labels), "audit action",
                                  action);

  if (label != NULL)
    return g_strdup (label);
  /* Request steps are named as on the request's timeline. */
  label = cl_request_step_action_to_label (action);
  if (label != NULL && label != action)
    return g_strdup (label);
  return humanize (action);
}

char *
cl_audit_object_type_dup_label (const char *object_type)
{
  const char *label = find_label (object_type_labels, G_N_ELEMENTS (object_type_labels),
                                  "audit object", object_type);

  return label != NULL ? g_strdup (label) : humanize (object_type);
}

/* ---- details ---- */

/* cl-consent-import.c, one text in clauses. */
static const ClStoredText import_texts[] = {
  /* Translators: the file's name, then counts: events imported, new subjects, duplicates
   * skipped, erased subjects skipped. */
  { "%s: %u events imported, %u new subjects, %u duplicates skipped, %u erased subjects skipped",
    N_("%s: %u events imported, %u new subjects, %u duplicates skipped, %u erased subjects "
       "skipped") },
  { "%u new policy versions registered", N_("%u new policy versions registered") },
  /* Translators: a count, the subjects merged, then how many more were not listed. */
  { "%u subjects merged by a shared identifier: %s and %u more",
    N_("%u subjects merged by a shared identifier: %s and %u more") },
  { "%u subjects merged by a shared identifier: %s",
    N_("%u subjects merged by a shared identifier: %s") },
};

/* cl-erasure.c */
static const ClStoredText erase_texts[] = {
  /* Translators: three counts: consent events, identifiers, tombstones. */
  { "Subject erased: %u consent events and %u identifiers deleted, %u tombstones kept",
    N_("Subject erased: %u consent events and %u identifiers deleted, %u tombstones kept") },
  /* Translators: %s is a request reference, e.g. DSR-2026-0042. */
  { "request %w", N_("request %s") },
};

static const ClStoredText erase_clear_texts[] = {
  { "Erased data cleared from the ledger file: %u leftover copies overwritten in free space",
    N_("Erased data cleared from the ledger file: %u leftover copies overwritten in free "
       "space") },
  { "Free space of %u ledger pages overwritten, so that no leftover copy of erased data remains",
    N_("Free space of %u ledger pages overwritten, so that no leftover copy of erased data "
       "remains") },
};

/* cl-export.c */
static const ClStoredText export_texts[] = {
  { "Portability export written (json, SHA-256 %w)",
    N_("Portability export written (json, SHA-256 %s)") },
};

/* cl-vendor-import.c, with the counts of cl_vendor_import_format_counts. */
static const ClStoredText vendor_import_texts[] = {
  /* Translators: the file's name, the list's version, then counts of vendors added, changed,
   * withdrawn and unchanged. */
  { "%s: Global Vendor List version %u (no date): added %u, changed %u, withdrawn %u, "
    "unchanged %u",
    N_("%s: Global Vendor List version %u (no date): added %u, changed %u, withdrawn %u, "
       "unchanged %u") },
  /* Translators: the file's name, the list's version, its date, then counts of vendors added,
   * changed, withdrawn and unchanged. */
  { "%s: Global Vendor List version %u (%s): added %u, changed %u, withdrawn %u, unchanged %u",
    N_("%s: Global Vendor List version %u (%s): added %u, changed %u, withdrawn %u, "
       "unchanged %u") },
  /* Translators: the file's name, then counts of vendors added, changed, withdrawn and
   * unchanged. */
  { "%s: vendor CSV: added %u, changed %u, withdrawn %u, unchanged %u",
    N_("%s: vendor CSV: added %u, changed %u, withdrawn %u, unchanged %u") },
};

/* cl-vendor-store.c: the vendor's name, and the fields' keys, which stay as they are. */
static const ClStoredText vendor_edit_texts[] = {
  /* Translators: %s is the vendor's name. */
  { "%s: no change", N_("%s: no change") },
};

/* cl-cmp-store.c */
static const ClStoredText cmp_import_texts[] = {
  /* Translators: the file's name, then counts of CMPs added, changed and unchanged. */
  { "%s: IAB CMP list: added %u, changed %u, unchanged %u",
    N_("%s: IAB CMP list: added %u, changed %u, unchanged %u") },
};

/* cl-purpose.c, clause by clause. */
static const ClStoredText purpose_edit_texts[] = {
  /* Translators: the old and the new name of a purpose. */
  { "name: %s → %s", N_("name: %s → %s") },
  { "description changed", N_("description changed") },
  /* Translators: the old and the new legal basis, as stored (consent, legitimate_interest). */
  { "legal basis: %s → %s", N_("legal basis: %s → %s") },
  { "refusable: yes → no", N_("refusable: yes → no") },
  { "refusable: no → yes", N_("refusable: no → yes") },
  { "data categories changed", N_("data categories changed") },
  /* Translators: the new retention, as the officer wrote it. */
  { "retention: none → %s", N_("retention: none → %s") },
  /* Translators: the old retention, as the officer wrote it. */
  { "retention: %s → none", N_("retention: %s → none") },
  /* Translators: the old and the new retention, as the officer wrote them. */
  { "retention: %s → %s", N_("retention: %s → %s") },
  /* Translators: the new list of IAB TCF purpose numbers. */
  { "TCF purposes: none → %s", N_("TCF purposes: none → %s") },
  /* Translators: the old list of IAB TCF purpose numbers. */
  { "TCF purposes: %s → none", N_("TCF purposes: %s → none") },
  /* Translators: the old and the new lists of IAB TCF purpose numbers. */
  { "TCF purposes: %s → %s", N_("TCF purposes: %s → %s") },
  { "no change", N_("no change") },
};

static const ClStoredText purpose_restore_texts[] = {
  { "the purposes, their legal bases, data categories and TCF mapping set back to the "
    "policy’s defaults",
    N_("the purposes, their legal bases, data categories and TCF mapping set back to the "
       "policy’s defaults") },
};

/* cl-policy.c, clause by clause; the summary is the officer's own words. */
static const ClStoredText policy_texts[] = {
  /* Translators: the date a policy version takes effect (YYYY-MM-DD). */
  { "effective %w", N_("effective %s") },
  { "significant yes", N_("significant yes") },
  { "significant no", N_("significant no") },
  { "text SHA-256 %w", N_("text SHA-256 %s") },
  /* Translators: %s is the summary as the officer wrote it. */
  { "summary: %s", N_("summary: %s") },
  /* Translators: the old and the new version label. */
  { "label %s → %s", N_("label %s → %s") },
  /* Translators: the new effective date of a version that had none. */
  { "effective none → %w", N_("effective none → %s") },
  /* Translators: the old and the new effective date. */
  { "effective %w → %w", N_("effective %s → %s") },
  { "significant no → yes", N_("significant no → yes") },
  { "significant yes → no", N_("significant yes → no") },
  /* Translators: the SHA-256 of a policy text where there was none. */
  { "text SHA-256 none → %w", N_("text SHA-256 none → %s") },
  /* Translators: the old and the new SHA-256 of the policy text. */
  { "text SHA-256 %w → %w", N_("text SHA-256 %s → %s") },
  { "no change", N_("no change") },
};

typedef struct
{
  const char         *object_type;
  const char         *action;
  const ClStoredText *texts;
  gsize               n_texts;
} DetailTexts;

#define DETAIL_TEXTS(type, action, table) { type, action, table, G_N_ELEMENTS (table) }

static const DetailTexts detail_texts[] = {
  DETAIL_TEXTS ("consent_log", "import", import_texts),
  DETAIL_TEXTS ("subject", "erase", erase_texts),
  DETAIL_TEXTS ("ledger", "erase.clear", erase_clear_texts),
  DETAIL_TEXTS ("subject", "export", export_texts),
  DETAIL_TEXTS ("vendor_list", "vendor.import", vendor_import_texts),
  DETAIL_TEXTS ("vendor", "vendor.edit", vendor_edit_texts),
  DETAIL_TEXTS ("cmp_list", "cmp.import", cmp_import_texts),
  DETAIL_TEXTS ("purpose", "purpose.edit", purpose_edit_texts),
  DETAIL_TEXTS ("purpose", "purpose.restore-defaults", purpose_restore_texts),
  DETAIL_TEXTS ("policy_version", "policy.add", policy_texts),
  DETAIL_TEXTS ("policy_version", "policy.edit", policy_texts),
};

char *
cl_audit_entry_dup_detail_label (ClAuditEntry *self)
{
  const char *object_type;
  const char *action;
  const char *detail;

  g_return_val_if_fail (CL_IS_AUDIT_ENTRY (self), NULL);

  object_type = cl_audit_entry_get_object_type (self);
  action = cl_audit_entry_get_action (self);
  detail = cl_audit_entry_get_detail (self);

  if (g_strcmp0 (object_type, "request") == 0)
    return cl_request_audit_detail_to_label (action, detail);
  for (gsize i = 0; i < G_N_ELEMENTS (detail_texts); i++)
    if (g_strcmp0 (object_type, detail_texts[i].object_type) == 0
        && g_strcmp0 (action, detail_texts[i].action) == 0)
      return cl_stored_text_translate (detail_texts[i].texts, detail_texts[i].n_texts, detail);
  /* A vendor's name, a setting's old and new value: words of their own. */
  return g_strdup (detail);
}
