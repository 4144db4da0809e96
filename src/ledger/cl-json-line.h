/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-json-line.h: a strict JSON (RFC 8259) parser for one line of a JSON Lines file, into a
 * flat array of nodes that is reused from line to line. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CL_JSON_NULL,
  CL_JSON_FALSE,
  CL_JSON_TRUE,
  CL_JSON_NUMBER,
  CL_JSON_STRING,
  CL_JSON_OBJECT,
  CL_JSON_ARRAY,
} ClJsonType;

/* Nodes are numbered from 1 in document order; 0 means none. */
typedef struct
{
  ClJsonType type;
  guint      name;         /* a member's name (offset for cl_json_line_text), else G_MAXUINT */
  guint      text;         /* a string's decoded text (offset), else G_MAXUINT */
  guint      text_len;     /* its length in bytes (it may hold a NUL from \u0000) */
  guint      start;        /* where the value is in the line: bytes start … end - 1 */
  guint      end;
  guint      first_child;  /* of an object or an array */
  guint      next;         /* the next member or element of the same parent */
} ClJsonNode;

typedef struct _ClJsonLine ClJsonLine;

ClJsonLine       *cl_json_line_new   (void);
void              cl_json_line_free  (ClJsonLine  *json);
gboolean          cl_json_line_parse (ClJsonLine  *json,
                                      const char  *line,
                                      gsize        len,
                                      guint       *error_column,
                                      char       **error_message);
gboolean          cl_json_line_has_more (ClJsonLine *json);
const ClJsonNode *cl_json_line_node  (ClJsonLine  *json,
                                      guint        index);
const char       *cl_json_line_text  (ClJsonLine  *json,
                                      guint        offset);

#define cl_json_line_root(json) cl_json_line_node ((json), 1)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClJsonLine, cl_json_line_free)

G_END_DECLS
