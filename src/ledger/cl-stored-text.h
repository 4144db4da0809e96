/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-stored-text.h: texts the ledger stores in fixed English (the audit log, request steps)
 * shown in the user's language, without ever changing what is stored. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One text the code stores, and how it reads on screen.
 *
 * stored is the English exactly as written, with placeholders: %s any text up to the next
 * "; " (clauses are matched one by one, so a free text holding "; " still reads right), %w a
 * word (no spaces: a date, a digest, a format; it keeps a free text beside it from being
 * split in the wrong place), %u a whole number, %*s the same as %s but not shown (the "s" of
 * "day%s"). label is the N_()
 * msgid shown instead; it takes the captured values in order (as strings, whatever their
 * conversion; %1$s-style positions allowed). plural, when set, picks the label by the first
 * captured number instead, so that languages with other plural rules can say it right. */
typedef struct
{
  const char  *stored;
  const char  *label;
  const char *(*plural) (gulong n);
} ClStoredText;

/* The text in the user's language: the first entry that matches the whole of stored; else,
 * clause by clause ("; " apart), each clause by the first entry that matches it and kept as
 * stored when none does. Texts the code did not write (a reason, a note) come back as they
 * are. */
char *cl_stored_text_translate (const ClStoredText *table,
                                gsize               n_entries,
                                const char         *stored);

G_END_DECLS
