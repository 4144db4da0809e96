/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-settings.c: the officer-editable settings of a ledger. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-audit.h"
#include "cl-error.h"
#include "cl-settings.h"

static const ClSettingInfo settings[] = {
  { "company.name", N_("Company name"),
    N_("The controller named at the top of subject-access reports"), FALSE, 0, 0 },
  { "company.address", N_("Postal address"),
    N_("Where data subjects can write to the controller"), FALSE, 0, 0 },
  { "company.dpo_contact", N_("Data protection officer"),
    N_("How to reach the data protection officer, e.g. an e-mail address"), FALSE, 0, 0 },
  { "company.supervisory_authority", N_("Supervisory authority"),
    N_("Where data subjects can complain, with its address"), FALSE, 0, 0 },
  { "reconsent.months", N_("Re-consent age in months"),
    N_("Consent older than this must be asked for again (the CNIL benchmark is 13)"),
    TRUE, 1, 60 },
  { NULL }
};

const ClSettingInfo *
cl_settings_list (void)
{
  return settings;
}

const ClSettingInfo *
cl_settings_lookup (const char *key)
{
  for (const ClSettingInfo *info = settings; info->key != NULL; info++)
    if (g_strcmp0 (info->key, key) == 0)
      return info;
  return NULL;
}

static gboolean
validate (const ClSettingInfo  *info,
          const char           *value,
          GError              **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value));
  gint64 number;

  if (!g_utf8_validate (value, -1, NULL) || strlen (value) > 2000)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("%s: the value is not valid text of at most 2,000 bytes"),
                   _(info->label));
      return FALSE;
    }
  if (info->is_number
      && !g_ascii_string_to_signed (value, 10, info->minimum, info->maximum, &number, NULL))
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("%s: “%s” is not a whole number from %d to %d"),
                   _(info->label), value, info->minimum, info->maximum);
      return FALSE;
    }
  if (g_str_equal (info->key, "company.name") && *trimmed == '\0')
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_INVALID_INPUT,
                   _("%s: reports need the controller’s name; it cannot be empty"),
                   _(info->label));
      return FALSE;
    }
  return TRUE;
}

gboolean
cl_settings_change (ClLedger    *ledger,
                    const char  *key,
                    const char  *value,
                    GError     **error)
{
  const ClSettingInfo *info = cl_settings_lookup (key);
  g_autofree char *old_value = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (CL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  if (info == NULL)
    {
      g_set_error (error, CL_LEDGER_ERROR, CL_LEDGER_ERROR_NOT_FOUND,
                   _("There is no setting called “%s”"), key);
      return FALSE;
    }
  if (!validate (info, value, error))
    return FALSE;

  old_value = cl_ledger_get_setting (ledger, key);
  if (g_strcmp0 (old_value, value) == 0)
    return TRUE;

  detail = g_strdup_printf ("%s: “%s” → “%s”", key, old_value != NULL ? old_value : "", value);
  if (!cl_ledger_begin (ledger, error))
    return FALSE;
  if (!cl_ledger_set_setting (ledger, key, value, error)
      || !cl_audit_append (ledger, "change", "setting", key, detail, error)
      || !cl_ledger_commit (ledger, error))
    {
      cl_ledger_rollback (ledger);
      return FALSE;
    }
  return TRUE;
}
