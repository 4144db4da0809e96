/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-stored-text.c: the audit log is hash-chained and request steps are evidence, so what the
 * code wrote stays byte for byte as written (English); the words are translated only when
 * shown, by matching the stored text against the patterns it was written from. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "cl-stored-text.h"

#define MAX_CAPTURES 8
#define CLAUSE_SEPARATOR "; "
/* Backtracking is bounded by the patterns' few placeholders, but not by a text's length: a
 * text this long was not written by one of these patterns anyway. */
#define MAX_MATCHED_LENGTH 16384

typedef struct
{
  const char *start;
  gsize       len;
  gboolean    number;
} Capture;

typedef struct
{
  Capture captures[MAX_CAPTURES];
  guint   n;
} Match;

static gboolean
match_from (const char *pattern,
            const char *text,
            Match      *match)
{
  while (*pattern != '\0')
    {
      if (pattern[0] == '%' && pattern[1] == '%')
        {
          if (*text != '%')
            return FALSE;
          pattern += 2;
          text++;
          continue;
        }
      if (pattern[0] == '%'
          && (pattern[1] == 's' || pattern[1] == 'u' || pattern[1] == 'w'
              || (pattern[1] == '*' && pattern[2] == 's')))
        {
          gboolean shown = pattern[1] != '*';
          gboolean number = pattern[1] == 'u';
          gboolean word = pattern[1] == 'w';
          const char *rest = pattern + (shown ? 2 : 3);
          const char *clause_end = strstr (text, CLAUSE_SEPARATOR);
          gsize text_len = strlen (text);
          /* A value never runs into the next clause: "received %s" must not swallow
           * "; due …" (see cl_stored_text_translate). */
          gsize max_len = clause_end != NULL ? (gsize) (clause_end - text) : text_len;
          guint slot = match->n;

          if (shown && slot == MAX_CAPTURES)
            return FALSE;
          for (gsize len = number ? 1 : 0; len <= max_len; len++)
            {
              if (number && !g_ascii_isdigit (text[len - 1]))
                break;
              if (word && len > 0 && g_ascii_isspace (text[len - 1]))
                break;
              /* Only where what follows can start: keeps the search linear in practice. */
              if (rest[0] == '\0' ? len != text_len : (rest[0] != '%' && text[len] != rest[0]))
                continue;
              if (shown)
                {
                  match->captures[slot] = (Capture) { text, len, number };
                  match->n = slot + 1;
                }
              if (match_from (rest, text + len, match))
                return TRUE;
              match->n = slot;
            }
          return FALSE;
        }
      if (*pattern != *text)
        return FALSE;
      pattern++;
      text++;
    }
  return *text == '\0';
}

/* The label with the captured values in place of its conversions (%s, %u, %1$s …); NULL when
 * it asks for a value that was not captured. */
static char *
fill_label (const char  *format,
            const Match *match)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint next = 0;
  const char *f = format;

  while (*f != '\0')
    {
      guint index = next;
      const Capture *capture;

      if (f[0] != '%')
        {
          g_string_append_c (out, *f++);
          continue;
        }
      if (f[1] == '%')
        {
          g_string_append_c (out, '%');
          f += 2;
          continue;
        }
      f++;
      if (g_ascii_isdigit (*f))
        {
          guint position = 0;

          while (g_ascii_isdigit (*f) && position < 100)
            position = position * 10 + (guint) (*f++ - '0');
          if (*f != '$' || position == 0)
            return NULL;
          index = position - 1;
          f++;
        }
      while (*f == 'l' || *f == 'h' || *f == 'z')
        f++;
      if (*f != 's' && *f != 'u' && *f != 'd' && *f != 'i')
        return NULL;
      f++;
      if (index >= match->n)
        return NULL;
      capture = &match->captures[index];
      g_string_append_len (out, capture->start, (gssize) capture->len);
      next = index + 1;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
translate_one (const ClStoredText *table,
               gsize               n_entries,
               const char         *stored)
{
  for (gsize i = 0; i < n_entries; i++)
    {
      Match match = { 0 };
      const char *format;

      if (!match_from (table[i].stored, stored, &match))
        continue;
      if (table[i].plural != NULL)
        {
          gulong n = 0;

          for (guint c = 0; c < match.n; c++)
            if (match.captures[c].number)
              {
                g_autofree char *digits = g_strndup (match.captures[c].start,
                                                     match.captures[c].len);
                n = strtoul (digits, NULL, 10);
                break;
              }
          format = table[i].plural (n);
        }
      else
        format = _(table[i].label);
      return fill_label (format, &match);
    }
  return NULL;
}

char *
cl_stored_text_translate (const ClStoredText *table,
                          gsize               n_entries,
                          const char         *stored)
{
  g_auto(GStrv) clauses = NULL;
  char *whole;

  g_return_val_if_fail (table != NULL || n_entries == 0, NULL);

  if (stored == NULL)
    return NULL;
  if (strlen (stored) > MAX_MATCHED_LENGTH)
    return g_strdup (stored);
  if ((whole = translate_one (table, n_entries, stored)) != NULL)
    return whole;

  clauses = g_strsplit (stored, CLAUSE_SEPARATOR, -1);
  for (guint i = 0; clauses[i] != NULL; i++)
    {
      char *clause = translate_one (table, n_entries, clauses[i]);

      if (clause != NULL)
        {
          g_free (clauses[i]);
          clauses[i] = clause;
        }
    }
  return g_strjoinv (CLAUSE_SEPARATOR, clauses);
}
