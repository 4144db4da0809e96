/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-tombstone.c: erased identifiers are kept only as HMAC-SHA256 with a per-ledger random
 * key, so the tombstones table cannot be matched against a list of guessed e-mail addresses
 * without the ledger's own key, yet an import can still recognise an erased subject. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-ledger-private.h"
#include "cl-tombstone.h"

struct _ClTombstoneHasher
{
  GHmac   *keyed;   /* the key applied, nothing hashed: copied for each identifier */
  GString *message;
};

/**
 * cl_tombstone_hasher_new:
 * @ledger: a ledger
 *
 * Returns: (transfer full) (nullable): a hasher, or %NULL when the ledger has no
 *   `tombstone.key` setting (every ledger is seeded with one)
 */
ClTombstoneHasher *
cl_tombstone_hasher_new (ClLedger *ledger)
{
  g_autofree char *key = NULL;
  ClTombstoneHasher *hasher;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);

  key = cl_ledger_get_setting (ledger, "tombstone.key");
  if (key == NULL || *key == '\0')
    return NULL;

  /* The key is used as the setting's text (64 hex digits = one SHA-256 block). */
  hasher = g_new0 (ClTombstoneHasher, 1);
  hasher->keyed = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) key, strlen (key));
  hasher->message = g_string_sized_new (128);
  return hasher;
}

void
cl_tombstone_hasher_free (ClTombstoneHasher *hasher)
{
  if (hasher == NULL)
    return;
  g_hmac_unref (hasher->keyed);
  g_string_free (hasher->message, TRUE);
  g_free (hasher);
}

void
cl_tombstone_hasher_hash (ClTombstoneHasher *hasher,
                          const char        *kind,
                          const char        *value,
                          char               out[CL_TOMBSTONE_HASH_LEN + 1])
{
  g_autoptr(GHmac) hmac = NULL;
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  static const char hex[] = "0123456789abcdef";

  g_return_if_fail (hasher != NULL);
  g_return_if_fail (kind != NULL && value != NULL);

  g_string_assign (hasher->message, kind);
  g_string_append_c (hasher->message, ':');
  g_string_append (hasher->message, value);
  /* E-mail addresses are compared without regard to case, as the import links them. */
  if (strcmp (kind, CL_IDENTIFIER_KIND_EMAIL_KEY) == 0)
    for (gsize i = strlen (kind) + 1; i < hasher->message->len; i++)
      hasher->message->str[i] = g_ascii_tolower (hasher->message->str[i]);

  hmac = g_hmac_copy (hasher->keyed);
  g_hmac_update (hmac, (const guchar *) hasher->message->str, hasher->message->len);
  g_hmac_get_digest (hmac, digest, &digest_len);

  for (gsize i = 0; i < sizeof digest; i++)
    {
      out[2 * i] = hex[digest[i] >> 4];
      out[2 * i + 1] = hex[digest[i] & 0xf];
    }
  out[CL_TOMBSTONE_HASH_LEN] = '\0';
}

/**
 * cl_tombstone_hash:
 * @ledger: a ledger
 * @kind: the identifier kind: `consent_id`, `email` or `account`
 * @value: the identifier
 *
 * Returns: (transfer full) (nullable): the keyed hash stored in `tombstones.identifier_hash`,
 *   or %NULL when the ledger has no tombstone key
 */
char *
cl_tombstone_hash (ClLedger   *ledger,
                   const char *kind,
                   const char *value)
{
  g_autoptr(ClTombstoneHasher) hasher = NULL;
  char out[CL_TOMBSTONE_HASH_LEN + 1];

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (kind != NULL && value != NULL, NULL);

  hasher = cl_tombstone_hasher_new (ledger);
  if (hasher == NULL)
    return NULL;
  cl_tombstone_hasher_hash (hasher, kind, value, out);
  return g_strdup (out);
}

gboolean
cl_tombstone_contains (ClLedger    *ledger,
                       const char  *kind,
                       const char  *value,
                       GError     **error)
{
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (kind != NULL && value != NULL, FALSE);

  hash = cl_tombstone_hash (ledger, kind, value);
  if (hash == NULL)
    return FALSE;
  stmt = cl_ledger_statement (ledger, "SELECT 1 FROM tombstones WHERE identifier_hash = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return cl_ledger_set_db_error (ledger, error, _("Could not read the erased subjects"));
  return rc == SQLITE_ROW;
}
