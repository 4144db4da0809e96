/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-seed.c: the purposes of the company's cookie policy, its TCF mapping and default settings. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sys/random.h>

#include "cl-error.h"
#include "cl-seed.h"

typedef struct
{
  const char *key;
  const char *name;
  const char *description;
  const char *legal_basis;
  gboolean    refusable;
  const char *data_categories;  /* one per line */
  const int   tcf_purposes[5];  /* zero-terminated */
} SeedPurpose;

/* Word for word from the policy (seed/cookie-privacy-policy.txt, section 4). These strings are
 * data in the ledger, not interface text, so they are not translated. */
static const SeedPurpose seed_purposes[] = {
  { "network", "Strictly necessary: network communication",
    "Keeps track of the same user during a visit so that pages can be navigated without losing "
    "previous actions, and serves data from a location as close to the visitor as possible.",
    "legitimate_interest", FALSE,
    "Device attributes: browser type, mobile device ID, time zone setting, operating system, platform\n"
    "IP address, used to infer approximate location",
    { 1 } },
  { "functional", "Strictly necessary: functional",
    "Saves preferences and settings such as privacy choices and where a video was paused, helps "
    "to start a chat, and remembers returning visitors so that messages for new visitors are not "
    "shown again.",
    "legitimate_interest", FALSE,
    "Preferences and settings\n"
    "Privacy choices\n"
    "Video playback position\n"
    "Chat state\n"
    "Whether the website was visited before",
    { 1 } },
  { "measurement", "Measurement and performance",
    "Measures the number of visitors, how they move around the site and how often they use the "
    "online services, and monitors service performance such as errors and loading times.",
    "consent", TRUE,
    "Number and frequency of visits to websites, apps and online services\n"
    "Navigation and interactions with the websites\n"
    "Aggregated, anonymized statistics and usage metadata",
    { 7, 8, 9, 10, 0 } },
  { "personalization", "Personalized content",
    "Creates a user profile from browsing actions to provide content more relevant to the "
    "visitor's interests.",
    "consent", TRUE,
    "Browsing activities\n"
    "Device attributes\n"
    "Links clicked on or shared\n"
    "Types of content viewed and how long they were interacted with, with time and date\n"
    "Inferred interests and preferences",
    { 5, 6, 11, 0 } },
  { "advertising", "Advertisement and ad measurement",
    "Shows ads on other apps or websites based on the content viewed, online actions, approximate "
    "location or device type, and may build an interest profile for personalized ads.",
    "consent", TRUE,
    "Browsing activities on own and third-party websites and apps\n"
    "Links clicked on or shared, including through email and social media\n"
    "Types of content interacted with, for how long and how\n"
    "Approximate location\n"
    "Device type\n"
    "Inferred interests and preferences",
    { 2, 3, 4, 0 } },
};

static gboolean
seed_error (sqlite3  *db,
            GError  **error)
{
  g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_DATABASE,
               _("Could not seed the new ledger: %s"), sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
insert_purpose (sqlite3           *db,
                const SeedPurpose *purpose,
                int                position,
                GError           **error)
{
  /* An upsert keyed on the purpose's key, never a delete: purposes.id is referenced by the
   * vendors' declarations (ON DELETE CASCADE), and restoring the defaults must not drop them.
   * The bit is kept as it is: events refer to purposes by bit. */
  static const char purpose_sql[] =
    "INSERT INTO purposes (key, bit, position, name, description, legal_basis, refusable,"
    "                      data_categories, retention) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '')"
    " ON CONFLICT (key) DO UPDATE SET position = excluded.position, name = excluded.name,"
    "   description = excluded.description, legal_basis = excluded.legal_basis,"
    "   refusable = excluded.refusable, data_categories = excluded.data_categories,"
    "   retention = excluded.retention"
    " RETURNING id";
  static const char clear_tcf_sql[] = "DELETE FROM purpose_tcf WHERE purpose_id = ?";
  static const char tcf_sql[] = "INSERT INTO purpose_tcf (tcf_purpose, purpose_id) VALUES (?, ?)";
  sqlite3_stmt *stmt = NULL;
  sqlite3_int64 purpose_id;
  gboolean ok;

  if (sqlite3_prepare_v2 (db, purpose_sql, -1, &stmt, NULL) != SQLITE_OK)
    return seed_error (db, error);
  sqlite3_bind_text (stmt, 1, purpose->key, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, position);
  sqlite3_bind_int (stmt, 3, position);
  sqlite3_bind_text (stmt, 4, purpose->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, purpose->description, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, purpose->legal_basis, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, purpose->refusable);
  sqlite3_bind_text (stmt, 8, purpose->data_categories, -1, SQLITE_STATIC);
  ok = sqlite3_step (stmt) == SQLITE_ROW;
  purpose_id = ok ? sqlite3_column_int64 (stmt, 0) : 0;
  if (ok)
    ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  if (!ok)
    return seed_error (db, error);

  if (sqlite3_prepare_v2 (db, clear_tcf_sql, -1, &stmt, NULL) != SQLITE_OK)
    return seed_error (db, error);
  sqlite3_bind_int64 (stmt, 1, purpose_id);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  if (!ok)
    return seed_error (db, error);

  if (sqlite3_prepare_v2 (db, tcf_sql, -1, &stmt, NULL) != SQLITE_OK)
    return seed_error (db, error);
  for (int i = 0; i < (int) G_N_ELEMENTS (purpose->tcf_purposes) && purpose->tcf_purposes[i]; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, purpose->tcf_purposes[i]);
      sqlite3_bind_int64 (stmt, 2, purpose_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          return seed_error (db, error);
        }
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Writes the policy's defaults over the purposes of the same keys (also "Restore Defaults").
 * Ids and bits stay, so events and vendor declarations keep pointing at the same purposes. */
gboolean
cl_seed_purposes (sqlite3  *db,
                  GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_purposes); i++)
    if (!insert_purpose (db, &seed_purposes[i], i, error))
      return FALSE;
  return TRUE;
}

static gboolean
insert_setting (sqlite3     *db,
                const char  *key,
                const char  *value,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return seed_error (db, error);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  return ok ? TRUE : seed_error (db, error);
}

/* The key of the erasure tombstones' keyed hash: random per ledger, so that a tombstone
 * cannot be matched against a list of guessed e-mail addresses without the ledger itself. */
static char *
new_tombstone_key (void)
{
  guint8 bytes[32];
  gsize filled = 0;

  while (filled < sizeof bytes)
    {
      gssize got = getrandom (bytes + filled, sizeof bytes - filled, 0);
      if (got < 0)
        g_error ("The system’s random number generator is not available");
      filled += got;
    }
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, bytes, sizeof bytes);
}

gboolean
cl_seed_new_ledger (sqlite3  *db,
                    GError  **error)
{
  g_autofree char *tombstone_key = new_tombstone_key ();

  return cl_seed_purposes (db, error)
         && insert_setting (db, "company.name", "Alleima AB", error)
         && insert_setting (db, "company.address", "", error)
         && insert_setting (db, "company.dpo_contact", "", error)
         && insert_setting (db, "company.supervisory_authority",
                            "Integritetsskyddsmyndigheten (IMY), Box 8114, 104 20 Stockholm, Sweden",
                            error)
         && insert_setting (db, "reconsent.months", "13", error)
         && insert_setting (db, "tombstone.key", tombstone_key, error);
}
