/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-purpose.h: a processing purpose of the cookie policy, as the ledger holds it. */
#pragma once

#include <gio/gio.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_PURPOSE (cl_purpose_get_type ())
G_DECLARE_FINAL_TYPE (ClPurpose, cl_purpose, CL, PURPOSE, GObject)

const char  *cl_purpose_get_key             (ClPurpose   *self);
const char  *cl_purpose_get_name            (ClPurpose   *self);
const char  *cl_purpose_get_description     (ClPurpose   *self);
const char  *cl_purpose_get_legal_basis     (ClPurpose   *self);
gboolean     cl_purpose_get_refusable       (ClPurpose   *self);
/* One category per line, as the policy lists them. */
const char  *cl_purpose_get_data_categories (ClPurpose   *self);
const char  *cl_purpose_get_retention       (ClPurpose   *self);
/* The bit of this purpose in an event's granted and denied masks. */
guint        cl_purpose_get_bit             (ClPurpose   *self);
/* The IAB TCF purposes that translate into this one, ascending. */
const GArray *cl_purpose_get_tcf_purposes   (ClPurpose   *self);

/* Every purpose of the ledger in policy order: a list of ClPurpose. */
GListStore  *cl_purpose_list                (ClLedger    *ledger,
                                             GError     **error);

const char  *cl_legal_basis_to_label        (const char  *legal_basis);
/* The legal bases the ledger accepts, NULL-terminated, in the order a form offers them. */
const char * const *cl_legal_basis_all      (void);

ClPurpose   *cl_purpose_lookup              (ClLedger    *ledger,
                                             const char  *key,
                                             GError     **error);

/* What a form or the CLI gives for a purpose. The key and the bit never change: events refer
 * to purposes by bit, reports and imports by key. */
typedef struct
{
  const char *name;
  const char *description;
  const char *legal_basis;      /* consent, legitimate_interest, contract, legal_obligation */
  gboolean    refusable;
  const char *data_categories;  /* one per line */
  const char *retention;
  const int  *tcf_purposes;     /* IAB TCF purposes 1 to 11 */
  guint       n_tcf_purposes;
} ClPurposeFields;

/* Fills fields from a purpose (borrowed strings), so a caller can change one field. */
void         cl_purpose_fields_init         (ClPurposeFields        *fields,
                                             ClPurpose              *purpose);

/* Validates and saves in one transaction with an audit entry naming what changed. */
gboolean     cl_purpose_update              (ClLedger               *ledger,
                                             const char             *key,
                                             const ClPurposeFields  *fields,
                                             GError                **error);

/* Writes the policy's seeded purposes back (names, texts, bases, TCF mapping; retention
 * emptied), keeping ids and bits so that events and vendors still point at them. */
gboolean     cl_purpose_restore_defaults    (ClLedger               *ledger,
                                             GError                **error);

/* "7, 8, 9" or "7;8;9" → ascending, without duplicates; "" is the empty list. */
GArray      *cl_purpose_parse_tcf_list      (const char             *text,
                                             GError                **error);
char        *cl_purpose_format_tcf_list     (const GArray           *tcf_purposes);

G_END_DECLS
