/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-audit-query.h: browsing the audit log: entries by object, action and date. */
#pragma once

#include <gio/gio.h>

#include "cl-audit-entry.h"
#include "cl-ledger.h"

G_BEGIN_DECLS

/* Zero-initialised means every entry, newest first. */
typedef struct
{
  const char  *object_type;  /* "request", "import", …; NULL = any */
  const char  *object_id;    /* part of the object's id, any case; NULL = any */
  const char  *action;       /* NULL = any */
  const GDate *since;        /* first day (UTC), inclusive; NULL = from the start */
  const GDate *until;        /* last day (UTC), inclusive; NULL = to the end */
  guint        limit;        /* 0 = all */
  gboolean     oldest_first;
} ClAuditFilter;

/* A list of ClAuditEntry. */
GListStore *cl_audit_list              (ClLedger             *ledger,
                                        const ClAuditFilter  *filter,
                                        GError              **error);
/* How many entries the filter matches, ignoring its limit. */
gint64      cl_audit_count             (ClLedger             *ledger,
                                        const ClAuditFilter  *filter,
                                        GError              **error);
/* The distinct actions and object types in the log, sorted: the choices of the filters. */
GStrv       cl_audit_list_actions      (ClLedger             *ledger,
                                        GError              **error);
GStrv       cl_audit_list_object_types (ClLedger             *ledger,
                                        GError              **error);

G_END_DECLS
