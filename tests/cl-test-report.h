/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-test-report.h: the ledger of tests/data/report, for the report, erasure and window tests. */
#pragma once

#include "cl-ledger.h"
#include "cl-request.h"

G_BEGIN_DECLS

/* The people of the fixture (tests/data/report/README.md). */
extern const char * const cl_test_anna_identifiers[];    /* NULL-terminated */
extern const char * const cl_test_bertil_identifiers[];  /* NULL-terminated */
#define CL_TEST_FIXTURE_CMP_NAME "Fixture Consent Platform AB"

/* A new ledger at dir/name with the fixture's consent log, vendors, CMP name and company
 * details. */
ClLedger *cl_test_report_ledger  (const char    *dir,
                                  const char    *name);
/* A request of type for the identifier subject, received on 2026-03-02 under the GDPR, its
 * subject's identity verified unless verify is FALSE. Returns its reference. */
char     *cl_test_report_request (ClLedger      *ledger,
                                  ClRequestType  type,
                                  const char    *subject,
                                  gboolean       verify);
/* A second connection to the ledger at path that holds a read transaction open, as another
 * program reading the ledger would: the WAL cannot be emptied until it is released. */
gpointer  cl_test_hold_reader    (const char    *path);
void      cl_test_release_reader (gpointer       reader);
/* How many times needle occurs in data, ASCII case ignored. */
guint     cl_test_count_bytes    (GBytes        *data,
                                  const char    *needle);

G_END_DECLS
