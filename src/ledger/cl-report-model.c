/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-report-model.c: reads the request, its subject, the subject's consent events, the purposes
 * and their recipients, and the company's details into one JSON object. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-error.h"
#include "cl-ledger-private.h"
#include "cl-purpose.h"
#include "cl-report-model.h"
#include "cl-time.h"

typedef struct
{
  sqlite3_int64 id;
  sqlite3_int64 subject_id;  /* 0: the request matched no subject */
} RequestRow;

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL ? text : "";
}

static JsonObject *
read_request (ClLedger    *ledger,
              const char  *reference,
              RequestRow  *row,
              GError     **error)
{
  sqlite3_stmt *stmt;
  JsonObject *request;
  int rc;

  stmt = cl_ledger_statement (ledger,
                              "SELECT id, reference, type, subject_id, subject_label,"
                              "       jurisdiction, received, due, status"
                              " FROM requests WHERE reference = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND,
                   _("There is no request %s in this ledger"), reference);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      cl_ledger_set_db_error (ledger, error, "Could not read the request");
      return NULL;
    }
  if (g_strcmp0 (column_text (stmt, 2), "access") != 0)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                   _("%s is not an access request; subject-access reports answer access "
                     "requests (use an export for portability)"), reference);
      sqlite3_reset (stmt);
      return NULL;
    }

  row->id = sqlite3_column_int64 (stmt, 0);
  row->subject_id = sqlite3_column_int64 (stmt, 3);
  request = json_object_new ();
  json_object_set_string_member (request, "reference", column_text (stmt, 1));
  json_object_set_string_member (request, "type", column_text (stmt, 2));
  json_object_set_string_member (request, "subject", column_text (stmt, 4));
  json_object_set_string_member (request, "jurisdiction", column_text (stmt, 5));
  json_object_set_string_member (request, "received", column_text (stmt, 6));
  json_object_set_string_member (request, "due", column_text (stmt, 7));
  json_object_set_string_member (request, "status", column_text (stmt, 8));
  sqlite3_reset (stmt);
  return request;
}

static JsonObject *
read_controller (ClLedger *ledger)
{
  static const char * const keys[][2] = {
    { "name", "company.name" },
    { "address", "company.address" },
    { "dpo_contact", "company.dpo_contact" },
    { "supervisory_authority", "company.supervisory_authority" },
  };
  JsonObject *controller = json_object_new ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *value = cl_ledger_get_setting (ledger, keys[i][1]);
      json_object_set_string_member (controller, keys[i][0], value != NULL ? value : "");
    }
  return controller;
}

static JsonObject *
read_subject (ClLedger       *ledger,
              sqlite3_int64   subject_id,
              GError        **error)
{
  JsonObject *subject = json_object_new ();
  JsonArray *identifiers = json_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  json_object_set_array_member (subject, "identifiers", identifiers);
  stmt = cl_ledger_statement (ledger,
                              "SELECT kind, value FROM identifiers WHERE subject_id = ?"
                              " ORDER BY CASE kind WHEN 'consent_id' THEN 0"
                              "                    WHEN 'email' THEN 1 ELSE 2 END, id", error);
  if (stmt == NULL)
    {
      json_object_unref (subject);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, subject_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *identifier = json_object_new ();
      json_object_set_string_member (identifier, "kind", column_text (stmt, 0));
      json_object_set_string_member (identifier, "value", column_text (stmt, 1));
      json_array_add_object_element (identifiers, identifier);
    }
  if (rc != SQLITE_DONE)
    {
      json_object_unref (subject);
      cl_ledger_set_db_error (ledger, error, "Could not read the subject");
      return NULL;
    }
  return subject;
}

/* Vendors that receive data for a purpose: those declaring it directly, or declaring a TCF
 * purpose (on consent or legitimate interest) that maps onto it; withdrawn vendors are not. */
static JsonArray *
read_recipients (ClLedger       *ledger,
                 sqlite3_int64   purpose_bit,
                 GError        **error)
{
  JsonArray *recipients = json_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = cl_ledger_statement (
    ledger,
    "SELECT v.name, coalesce (v.country, ''), coalesce (v.transfer_safeguard, '')"
    " FROM vendors v, purposes p"
    " WHERE p.bit = ?1 AND v.deleted_at IS NULL"
    "   AND (EXISTS (SELECT 1 FROM vendor_purposes vp"
    "                WHERE vp.vendor_id = v.id AND vp.purpose_id = p.id)"
    "        OR EXISTS (SELECT 1 FROM vendor_tcf vt"
    "                   JOIN purpose_tcf pt ON pt.tcf_purpose = vt.number"
    "                   WHERE vt.vendor_id = v.id AND pt.purpose_id = p.id"
    "                     AND vt.kind IN ('consent', 'legitimate_interest')))"
    " ORDER BY v.name COLLATE NOCASE", error);
  if (stmt == NULL)
    {
      json_array_unref (recipients);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, purpose_bit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *recipient = json_object_new ();
      json_object_set_string_member (recipient, "name", column_text (stmt, 0));
      json_object_set_string_member (recipient, "country", column_text (stmt, 1));
      json_object_set_string_member (recipient, "transfer_safeguard", column_text (stmt, 2));
      json_array_add_object_element (recipients, recipient);
    }
  if (rc != SQLITE_DONE)
    {
      json_array_unref (recipients);
      cl_ledger_set_db_error (ledger, error, "Could not read the vendors");
      return NULL;
    }
  return recipients;
}

static JsonArray *
lines_to_array (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  JsonArray *array = json_array_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      json_array_add_string_element (array, lines[i]);
  return array;
}

static JsonArray *
read_purposes (ClLedger   *ledger,
               GListStore *purposes,
               GError    **error)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (purposes)); i++)
    {
      g_autoptr(ClPurpose) purpose = g_list_model_get_item (G_LIST_MODEL (purposes), i);
      JsonObject *object = json_object_new ();
      JsonArray *recipients = read_recipients (ledger, cl_purpose_get_bit (purpose), error);

      if (recipients == NULL)
        {
          json_object_unref (object);
          json_array_unref (array);
          return NULL;
        }
      json_object_set_string_member (object, "key", cl_purpose_get_key (purpose));
      json_object_set_string_member (object, "name", cl_purpose_get_name (purpose));
      json_object_set_string_member (object, "description", cl_purpose_get_description (purpose));
      json_object_set_string_member (object, "legal_basis", cl_purpose_get_legal_basis (purpose));
      json_object_set_string_member (object, "legal_basis_label",
                                     cl_legal_basis_to_label (cl_purpose_get_legal_basis (purpose)));
      json_object_set_boolean_member (object, "refusable", cl_purpose_get_refusable (purpose));
      json_object_set_array_member (object, "data_categories",
                                    lines_to_array (cl_purpose_get_data_categories (purpose)));
      json_object_set_array_member (object, "recipients", recipients);
      json_object_set_string_member (object, "retention", cl_purpose_get_retention (purpose));
      json_array_add_object_element (array, object);
    }
  return array;
}

static void
add_right (JsonArray  *rights,
           const char *key,
           const char *article,
           const char *name,
           const char *text)
{
  JsonObject *right = json_object_new ();

  json_object_set_string_member (right, "right", key);
  json_object_set_string_member (right, "article", article);
  json_object_set_string_member (right, "name", name);
  json_object_set_string_member (right, "text", text);
  json_array_add_object_element (rights, right);
}

static JsonArray *
rights_of_the_subject (JsonObject *controller)
{
  JsonArray *rights = json_array_new ();
  g_autofree char *complain = NULL;

  add_right (rights, "withdraw", "7(3)", _("Withdraw consent"),
             _("You can withdraw your consent at any time in the cookie settings of our websites, "
               "as easily as you gave it. Withdrawal does not affect processing before it."));
  add_right (rights, "rectification", "16", _("Rectification"),
             _("You can ask us to correct personal data about you that is inaccurate."));
  add_right (rights, "erasure", "17", _("Erasure"),
             _("You can ask us to erase your personal data; we then delete your identifiers and "
               "consent history and keep only a one-way fingerprint so that it is not imported again."));
  add_right (rights, "restriction", "18", _("Restriction of processing"),
             _("You can ask us to restrict the processing of your data while a dispute is resolved."));
  add_right (rights, "portability", "20", _("Data portability"),
             _("You can receive the data you gave us in a structured, machine-readable format."));
  add_right (rights, "objection", "21", _("Objection"),
             _("You can object to processing based on our legitimate interests."));
  complain = g_strdup_printf (_("You can lodge a complaint with a supervisory authority: %s."),
                              json_object_get_string_member (controller, "supervisory_authority"));
  add_right (rights, "complaint", "77", _("Complaint"), complain);
  return rights;
}
