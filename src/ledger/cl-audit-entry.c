/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-audit-entry.c: one entry of the audit log, as read back for browsing. */
#include "config.h"

#include "cl-audit-entry.h"

struct _ClAuditEntry
{
  GObject  parent_instance;

  gint64   id;
  char    *at;
  char    *actor;
  char    *action;
  char    *object_type;
  char    *object_id;
  char    *detail;
};

G_DEFINE_FINAL_TYPE (ClAuditEntry, cl_audit_entry, G_TYPE_OBJECT)

static void
cl_audit_entry_finalize (GObject *object)
{
  ClAuditEntry *self = CL_AUDIT_ENTRY (object);

  g_free (self->at);
  g_free (self->actor);
  g_free (self->action);
  g_free (self->object_type);
  g_free (self->object_id);
  g_free (self->detail);

  G_OBJECT_CLASS (cl_audit_entry_parent_class)->finalize (object);
}

static void
cl_audit_entry_class_init (ClAuditEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_audit_entry_finalize;
}

static void
cl_audit_entry_init (ClAuditEntry *self)
{
}

ClAuditEntry *
cl_audit_entry_new (gint64      id,
                    const char *at,
                    const char *actor,
                    const char *action,
                    const char *object_type,
                    const char *object_id,
                    const char *detail)
{
  ClAuditEntry *self = g_object_new (CL_TYPE_AUDIT_ENTRY, NULL);

  self->id = id;
  self->at = g_strdup (at != NULL ? at : "");
  self->actor = g_strdup (actor != NULL ? actor : "");
  self->action = g_strdup (action != NULL ? action : "");
  self->object_type = g_strdup (object_type != NULL ? object_type : "");
  self->object_id = g_strdup (object_id != NULL ? object_id : "");
  self->detail = g_strdup (detail != NULL ? detail : "");
  return self;
}

gint64
cl_audit_entry_get_id (ClAuditEntry *self)
{
  g_return_val_if_fail (CL_IS_AUDIT_ENTRY (self), 0);
  return self->id;
}

const char *
cl_audit_entry_get_at (ClAuditEntry *self)
{
  g_return_val_if_fail (CL_IS_AUDIT_ENTRY (self), NULL);
  return self->at;
}

const char *
cl_audit_entry_get_actor (ClAuditEntry *self)
{
  g_return_val_if_fail (CL_IS_AUDIT_ENTRY (self), NULL);
  return self->actor;
}

const char *
cl_audit_entry_get_action (ClAuditEntry *self)
{
  g_return_val_if_fail (CL_IS_AUDIT_ENTRY (self), NULL);
  return self->action;
}

const char *
cl_audit_entry_get_object_type (ClAuditEntry *self)
{
  g_return_val_if_fail (CL_IS_AUDIT_ENTRY (self), NULL);
  return self->object_type;
}

const char *
cl_audit_entry_get_object_id (ClAuditEntry *self)
{
  g_return_val_if_fail (CL_IS_AUDIT_ENTRY (self), NULL);
  return self->object_id;
}

const char *
cl_audit_entry_get_detail (ClAuditEntry *self)
{
  g_return_val_if_fail (CL_IS_AUDIT_ENTRY (self), NULL);
  return self->detail;
}

JsonNode *
cl_audit_entry_to_json (ClAuditEntry *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (CL_IS_AUDIT_ENTRY (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  json_builder_set_member_name (builder, "at");
  json_builder_add_string_value (builder, self->at);
  json_builder_set_member_name (builder, "actor");
  json_builder_add_string_value (builder, self->actor);
  json_builder_set_member_name (builder, "action");
  json_builder_add_string_value (builder, self->action);
  json_builder_set_member_name (builder, "object_type");
  json_builder_add_string_value (builder, self->object_type);
  json_builder_set_member_name (builder, "object_id");
  json_builder_add_string_value (builder, self->object_id);
  json_builder_set_member_name (builder, "detail");
  json_builder_add_string_value (builder, self->detail);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
