/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-records-page-import.h: the Consent Records page's Import… action (records.import). */
#pragma once

#include "cl-records-page.h"

G_BEGIN_DECLS

/* Called from the page's class_init and init. */
void     cl_records_page_class_init_import  (GtkWidgetClass *widget_class);
void     cl_records_page_init_import        (ClRecordsPage  *self);

/* What records.import does once files are chosen (tests call it to bypass the chooser):
 * imports them in a worker thread, then a toast with the counts (or a dialog naming FILE:LINE)
 * and a reload of the page. */
void     cl_records_page_import_files       (ClRecordsPage  *self,
                                             GListModel     *files);
gboolean cl_records_page_get_importing      (ClRecordsPage  *self);
/* The last toast or error dialog text of an import, for the tests. */
const char *cl_records_page_get_import_message (ClRecordsPage *self);

G_END_DECLS
