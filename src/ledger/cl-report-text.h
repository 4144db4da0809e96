/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-report-text.h: the report model put into words: sections of headings, paragraphs, fields
 * and tables, which the HTML and PDF renderers lay out each in their own way. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  CL_REPORT_BLOCK_HEADING,
  CL_REPORT_BLOCK_PARAGRAPH,
  CL_REPORT_BLOCK_FIELD,
  CL_REPORT_BLOCK_TABLE,
} ClReportBlockKind;

typedef struct
{
  ClReportBlockKind kind;
  char             *label;   /* FIELD */
  char             *text;    /* HEADING, PARAGRAPH, FIELD */
  char            **header;  /* TABLE: column titles, NULL-terminated */
  GPtrArray        *rows;    /* TABLE: of NULL-terminated char ** */
} ClReportBlock;

typedef struct
{
  char      *title;
  GPtrArray *blocks;  /* of ClReportBlock */
} ClReportSection;

typedef struct
{
  char      *language;  /* for <html lang> */
  char      *title;
  GPtrArray *meta;      /* lines under the title */
  GPtrArray *sections;  /* of ClReportSection */
} ClReportDocument;

ClReportDocument *cl_report_document_new  (JsonObject       *report);
void              cl_report_document_free (ClReportDocument *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClReportDocument, cl_report_document_free)

G_END_DECLS
