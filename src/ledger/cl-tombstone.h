/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-tombstone.h: the keyed hash that remembers an erased identifier without keeping it. */
#pragma once

#include "cl-ledger.h"

G_BEGIN_DECLS

/* Length of a tombstone hash in hex, without the NUL. */
#define CL_TOMBSTONE_HASH_LEN 64

/* The identifier kinds as the identifiers table spells them (the text of ClIdentifierKind in
 * cl-subject.h, which cl_identifier_kind_to_key returns). */
#define CL_IDENTIFIER_KIND_CONSENT_ID_KEY "consent_id"
#define CL_IDENTIFIER_KIND_EMAIL_KEY      "email"
#define CL_IDENTIFIER_KIND_ACCOUNT_KEY    "account"

/* HMAC-SHA256, keyed with the ledger setting tombstone.key, over "kind:value" (an e-mail
 * address lowercased first), as lowercase hex: the value of tombstones.identifier_hash.
 * Returns NULL when the ledger has no tombstone key. */
char     *cl_tombstone_hash             (ClLedger    *ledger,
                                         const char  *kind,
                                         const char  *value);

/* Whether the identifier kind:value was erased (has a tombstone). */
gboolean  cl_tombstone_contains         (ClLedger    *ledger,
                                         const char  *kind,
                                         const char  *value,
                                         GError     **error);

/* For hashing many identifiers (an import): the key is read once. */
typedef struct _ClTombstoneHasher ClTombstoneHasher;

ClTombstoneHasher *cl_tombstone_hasher_new  (ClLedger          *ledger);
void               cl_tombstone_hasher_free (ClTombstoneHasher *hasher);
/* Writes the hash of kind:value into out, NUL-terminated. */
void               cl_tombstone_hasher_hash (ClTombstoneHasher *hasher,
                                             const char        *kind,
                                             const char        *value,
                                             char               out[CL_TOMBSTONE_HASH_LEN + 1]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClTombstoneHasher, cl_tombstone_hasher_free)

G_END_DECLS
