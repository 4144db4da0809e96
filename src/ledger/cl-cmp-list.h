/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cmp-list.h: reads the IAB Global CMP List, which names the CMP a TC string was made by. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint  id;            /* 1..4095: a TC string has 12 bits for it */
  char  *name;          /* trimmed of surrounding spaces, never empty */
  char  *deleted_date;  /* when the IAB withdrew the CMP, else NULL; old strings still name it */
} ClCmpEntry;

void       cl_cmp_entry_free  (ClCmpEntry  *entry);

/* The entries of a CMP list, ascending by id, as a GPtrArray of ClCmpEntry that frees them.
 * filename only names the source in error messages ("FILE: what is wrong"). */
GPtrArray *cl_cmp_list_parse  (const char  *data,
                               gssize       length,
                               const char  *filename,
                               GError     **error);
GPtrArray *cl_cmp_list_load   (const char  *path,
                               GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClCmpEntry, cl_cmp_entry_free)

G_END_DECLS
