/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-tcf-names.h: readable names of the IAB TCF purposes, special purposes, features, special
 * features and data categories: those of the last imported GVL, else built-in ones. */
#pragma once

#include "cl-ledger.h"
#include "cl-vendor-record.h"

G_BEGIN_DECLS

typedef struct _ClTcfNames ClTcfNames;

/* The built-in names (TCF 2.2, translated). */
ClTcfNames *cl_tcf_names_new_builtin (void);
/* The names of the last GVL imported into the ledger that had definitions; built-in names for
 * any id it lacks. Never NULL. */
ClTcfNames *cl_tcf_names_load        (ClLedger            *ledger);
ClTcfNames *cl_tcf_names_ref         (ClTcfNames          *self);
void        cl_tcf_names_unref       (ClTcfNames          *self);

/* The name, or NULL when neither the GVL nor the built-in list knows the id. */
const char *cl_tcf_names_get         (ClTcfNames          *self,
                                      ClGvlDefinitionKind  kind,
                                      guint                id);
/* The built-in name alone, or NULL. */
const char *cl_tcf_names_builtin     (ClGvlDefinitionKind  kind,
                                      guint                id);
/* "7. Measure advertising performance", or "Purpose 12" for an unknown id. */
char       *cl_tcf_names_describe    (ClTcfNames          *self,
                                      ClGvlDefinitionKind  kind,
                                      guint                id);

/* Remembers the list's definitions (inside the caller's transaction); a list without
 * definition sections leaves the ones the ledger has. */
gboolean    cl_tcf_names_save        (ClLedger            *ledger,
                                      const ClVendorList  *list,
                                      GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClTcfNames, cl_tcf_names_unref)

G_END_DECLS
