/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-request-texts.h: for the audit log's words (cl-audit-texts.c): what a request step wrote
 * into the audit log, in the user's language. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* detail as stored by the step action (“Extended the deadline from … to …”), translated;
 * a text the request code did not write comes back as it is. */
char *cl_request_audit_detail_to_label (const char *action,
                                        const char *detail);

G_END_DECLS
