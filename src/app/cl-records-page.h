/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-records-page.h: the Consent Records page of the main window. */
#pragma once

#include <adwaita.h>

#include "cl-ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_RECORDS_PAGE (cl_records_page_get_type ())
G_DECLARE_FINAL_TYPE (ClRecordsPage, cl_records_page, CL, RECORDS_PAGE, AdwBin)

void      cl_records_page_set_ledger (ClRecordsPage *self,
                      ClLedger *ledger);
ClLedger *cl_records_page_get_ledger (ClRecordsPage *self);

G_END_DECLS
