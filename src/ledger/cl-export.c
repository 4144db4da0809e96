/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-export.c: the export is `consentctl subject --json` with a header naming the format, the
 * controller and the request: the events are lines of the consent log a CMP would accept back. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cl-audit.h"
#include "cl-error.h"
#include "cl-export.h"
#include "cl-private-file.h"
#include "cl-report.h"
#include "cl-request-subject.h"
#include "cl-subject.h"
#include "cl-time.h"

static JsonObject *
build_export (ClLedger    *ledger,
              const char  *identifier,
              const char  *reference,
              gint64      *out_subject_id,
              char       **out_reference,
              GError     **error)
{
  g_autoptr(ClRequest) request = NULL;
  g_autoptr(ClSubject) subject = NULL;
  g_autoptr(JsonNode) subject_json = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *generated_at = NULL;
  g_autofree char *controller_name = NULL;
  JsonObject *export;
  JsonObject *controller;
  JsonObject *members;
  gint64 subject_id = 0;

  if (!cl_request_subject_for (ledger, identifier, reference, CL_REQUEST_TYPE_PORTABILITY,
                               &subject_id, &request, error)
      || !(subject = cl_subject_load (ledger, subject_id, error))
      || !(subject_json = cl_subject_to_json (subject, ledger, error)))
    return NULL;

  export = json_object_new ();
  json_object_set_string_member (export, "format", CL_EXPORT_FORMAT_NAME);
  json_object_set_int_member (export, "format_version", CL_EXPORT_FORMAT_VERSION);
  generated_at = cl_time_format_rfc3339 (g_date_time_to_unix (now) * 1000
                                         + g_date_time_get_microsecond (now) / 1000);
  json_object_set_string_member (export, "generated_at", generated_at);

  controller = json_object_new ();
  controller_name = cl_ledger_get_setting (ledger, "company.name");
  json_object_set_string_member (controller, "name", controller_name != NULL ? controller_name : "");
  json_object_set_object_member (export, "controller", controller);
  if (request != NULL)
    json_object_set_string_member (export, "request", cl_request_get_reference (request));
  else
    json_object_set_null_member (export, "request");

  /* identifiers, current, events: the subject --json shape, unchanged. */
  members = json_node_get_object (subject_json);
  for (const char * const *name = (const char * const[]) { "identifiers", "current", "events", NULL };
       *name != NULL; name++)
    if (json_object_has_member (members, *name))
      json_object_set_member (export, *name, json_object_dup_member (members, *name));

  *out_subject_id = subject_id;
  *out_reference = request != NULL ? g_strdup (cl_request_get_reference (request)) : NULL;
  return export;
}

JsonObject *
cl_export_build (ClLedger    *ledger,
                 const char  *identifier,
                 const char  *reference,
                 GError     **error)
{
  g_autofree char *canonical = NULL;
  gint64 subject_id;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (identifier != NULL || reference != NULL, NULL);

  return build_export (ledger, identifier, reference, &subject_id, &canonical, error);
}

gboolean
cl_export_file_write (ClLedger      *ledger,
                      const char    *identifier,
                      const char    *reference,
                      const char    *path,
                      char         **sha256_out,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(JsonObject) export = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *request = NULL;
  gint64 subject_id = 0;
  gboolean recorded;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (identifier != NULL || reference != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(export = build_export (ledger, identifier, reference, &subject_id, &request, error))
      || g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  bytes = cl_report_render_json (export);
  if (g_cancellable_set_error_if_cancelled (cancellable, error)
      || !cl_private_file_write (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 &sha256, error))
    return FALSE;

  if (request != NULL)
    recorded = cl_request_add_file (ledger, request, path, "json", sha256, error);
  else if ((recorded = cl_ledger_begin (ledger, error)))
    {
      /* No request to hold it: the audit log says that personal data left the ledger. The
       * subject is named by row, the file by its digest: its path may hold an identifier. */
      g_autofree char *object_id = g_strdup_printf ("#%" G_GINT64_FORMAT, subject_id);
      g_autofree char *detail = g_strdup_printf ("Portability export written (json, SHA-256 %s)",
                                                 sha256);

      recorded = cl_audit_append (ledger, "export", "subject", object_id, detail, error)
                 && cl_ledger_commit (ledger, error);
      if (!recorded)
        cl_ledger_rollback (ledger);
    }

  /* A file nobody can account for must not stay behind. */
  if (!recorded)
    {
      g_unlink (path);
      return FALSE;
    }
  if (sha256_out != NULL)
    *sha256_out = g_steal_pointer (&sha256);
  return TRUE;
}
