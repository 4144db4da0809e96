/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-request-subject.c: a request names its subject by the identifier it was made with; the
 * subject may have been imported, merged or erased since, so it is resolved when it is used. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-error.h"
#include "cl-request-subject.h"

gboolean
cl_request_subject_resolve (ClLedger   *ledger,
                            ClRequest  *request,
                            gint64     *subject_id,
                            GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (CL_IS_REQUEST (request), FALSE);

  *subject_id = cl_request_get_subject_id (request);
  if (*subject_id != 0)
    return TRUE;
  if (cl_request_find_subject (ledger, cl_request_get_subject_label (request), subject_id, NULL,
                               &local_error))
    return TRUE;
  *subject_id = 0;
  if (g_error_matches (local_error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND)
      || g_error_matches (local_error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static const char *
type_phrase (ClRequestType type)
{
  switch (type)
    {
    case CL_REQUEST_TYPE_ACCESS: return _("an access request");
    case CL_REQUEST_TYPE_ERASURE: return _("an erasure request");
    case CL_REQUEST_TYPE_PORTABILITY: return _("a portability request");
    case CL_REQUEST_TYPE_RECTIFICATION: return _("a rectification request");
    case CL_REQUEST_TYPE_RESTRICTION: return _("a restriction request");
    case CL_REQUEST_TYPE_OBJECTION: return _("an objection");
    case CL_REQUEST_TYPE_WITHDRAWAL: return _("a withdrawal of consent");
    default: g_return_val_if_reached ("");
    }
}

gboolean
cl_request_check_ready (ClRequest      *request,
                        ClRequestType   expected_type,
                        GError        **error)
{
  const char *reference;

  g_return_val_if_fail (CL_IS_REQUEST (request), FALSE);

  reference = cl_request_get_reference (request);
  if (cl_request_get_request_type (request) != expected_type)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                   _("%s is %s, not %s"), reference,
                   type_phrase (cl_request_get_request_type (request)),
                   type_phrase (expected_type));
      return FALSE;
    }
  if (cl_request_get_status (request) == CL_REQUEST_STATUS_REJECTED)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                   _("%s was rejected; nothing is produced or erased for it"), reference);
      return FALSE;
    }
  /* Disclosing or erasing a person's data for someone who may not be that person is the one
   * mistake that cannot be undone. */
  if (cl_request_get_verification (request) == NULL)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                   _("The identity of the subject of %s has not been verified yet; record how "
                     "it was verified first"), reference);
      return FALSE;
    }
  return TRUE;
}

gboolean
cl_request_subject_for (ClLedger       *ledger,
                        const char     *identifier,
                        const char     *reference,
                        ClRequestType   expected_type,
                        gint64         *subject_id,
                        ClRequest     **out_request,
                        GError        **error)
{
  g_autoptr(ClRequest) request = NULL;
  gint64 request_subject = 0;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (identifier != NULL || reference != NULL, FALSE);

  *subject_id = 0;
  if (reference != NULL)
    {
      request = cl_request_load (ledger, reference, error);
      if (request == NULL)
        return FALSE;
      if (!cl_request_check_ready (request, expected_type, error))
        return FALSE;
      if (!cl_request_subject_resolve (ledger, request, &request_subject, error))
        return FALSE;
    }

  if (identifier != NULL)
    {
      /* The identifier is not repeated in the message: it may be all there is of a person. */
      if (!cl_request_find_subject (ledger, identifier, subject_id, NULL, error))
        return FALSE;
      if (request != NULL && request_subject != *subject_id)
        {
          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_REFUSED,
                       _("%s is about another subject than the identifier given"),
                       cl_request_get_reference (request));
          return FALSE;
        }
    }
  else
    {
      *subject_id = request_subject;
      if (*subject_id == 0)
        {
          g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND,
                       _("No subject in the ledger has the identifier %s was made with"),
                       cl_request_get_reference (request));
          return FALSE;
        }
    }

  if (out_request != NULL)
    *out_request = g_steal_pointer (&request);
  return TRUE;
}
