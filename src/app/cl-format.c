/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-format.c: number and date formatting shared by the pages and charts. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "cl-format.h"

char *
cl_format_count (guint64 value)
{
  const struct lconv *conv = localeconv ();
  const char *separator = conv->thousands_sep;
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  gsize n = strlen (digits);
  GString *out = g_string_sized_new (n * 2);

  /* The C locale has none: then the language's own ("1,000,000"; Swedish "1 000 000"). */
  if (separator == NULL || *separator == '\0')
    /* Translators: groups the thousands of a count when the locale does not say how. */
    separator = C_("thousands separator", ",");
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

char *
cl_format_date (gint64 ms)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (ms / 1000);

  return time != NULL ? g_date_time_format (time, "%-d %b %Y") : g_strdup ("");
}
