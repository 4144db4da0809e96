/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-audit-entry.h: one entry of the audit log, as read back for browsing. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CL_TYPE_AUDIT_ENTRY (cl_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (ClAuditEntry, cl_audit_entry, CL, AUDIT_ENTRY, GObject)

ClAuditEntry *cl_audit_entry_new             (gint64        id,
                                              const char   *at,
                                              const char   *actor,
                                              const char   *action,
                                              const char   *object_type,
                                              const char   *object_id,
                                              const char   *detail);

gint64        cl_audit_entry_get_id          (ClAuditEntry *self);
/* ISO 8601, UTC. */
const char   *cl_audit_entry_get_at          (ClAuditEntry *self);
/* The OS user who made the change. */
const char   *cl_audit_entry_get_actor       (ClAuditEntry *self);
const char   *cl_audit_entry_get_action      (ClAuditEntry *self);
const char   *cl_audit_entry_get_object_type (ClAuditEntry *self);
const char   *cl_audit_entry_get_object_id   (ClAuditEntry *self);
const char   *cl_audit_entry_get_detail      (ClAuditEntry *self);

JsonNode     *cl_audit_entry_to_json         (ClAuditEntry *self);

/* The words shown for an entry, in the user's language (cl-audit-texts.c). The entry keeps
 * the fixed English it was written with: its hash covers those bytes. */
char         *cl_audit_entry_dup_detail_label (ClAuditEntry *self);
/* "import" → "Consent log imported", "request" → "Request"; a key the program does not know
 * reads as its words ("vendor.merge" → "Vendor merge"). */
char         *cl_audit_action_dup_label      (const char   *action);
char         *cl_audit_object_type_dup_label (const char   *object_type);

G_END_DECLS
