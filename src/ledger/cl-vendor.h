/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-vendor.h: a vendor as the ledger holds it: what its list declared, plus what that means in
 * the company's own purposes. */
#pragma once

#include <glib-object.h>

#include "cl-vendor-record.h"

G_BEGIN_DECLS

#define CL_TYPE_VENDOR (cl_vendor_get_type ())
G_DECLARE_FINAL_TYPE (ClVendor, cl_vendor, CL, VENDOR, GObject)

/* The ledger's row id. */
gint64                cl_vendor_get_id                (ClVendor *self);
/* Everything the vendor list (or the hand edit) declared. Never modify it. */
const ClVendorRecord *cl_vendor_get_record            (ClVendor *self);

guint                 cl_vendor_get_gvl_id            (ClVendor *self);
const char           *cl_vendor_get_name              (ClVendor *self);
/* Company purpose keys in policy order: the TCF purposes translated through the ledger's
 * mapping, plus the purposes declared directly. */
const char * const   *cl_vendor_get_purposes          (ClVendor *self);
const char * const   *cl_vendor_get_legitimate_interest_purposes (ClVendor *self);
/* The company purposes by name, for a list cell ("Measurement and performance, …"). */
const char           *cl_vendor_get_purposes_label    (ClVendor *self);
/* The company purposes by name, those only on legitimate interest marked: "Network
 * communication and functional, Measurement and performance (LI)". */
const char           *cl_vendor_get_purposes_summary  (ClVendor *self);
const char           *cl_vendor_get_country           (ClVendor *self);
const char           *cl_vendor_get_transfer_safeguard (ClVendor *self);
const char           *cl_vendor_get_privacy_url       (ClVendor *self);
/* FALSE when the list does not say; a value of 0 or less means session storage only. */
gboolean              cl_vendor_get_cookie_max_age    (ClVendor *self,
                                                       gint64   *seconds);
/* RFC 3339, as the list gave it; NULL while the vendor is active. */
const char           *cl_vendor_get_deleted_date      (ClVendor *self);
gboolean              cl_vendor_get_deleted           (ClVendor *self);
/* What the list's Status cell says of a withdrawn vendor (its widest text). */
const char           *cl_vendor_withdrawn_label       (void);
/* When the ledger last changed this vendor (RFC 3339 UTC); NULL for a vendor not stored. */
const char           *cl_vendor_get_updated_at        (ClVendor *self);

/* Whether the vendor's name contains search (any case), or search is its GVL id or its
 * country; every vendor matches an empty search. The window and consentctl search alike. */
gboolean              cl_vendor_matches               (ClVendor   *self,
                                                       const char *search);

/* A deep copy, to edit without touching a record others hold. */
ClVendorRecord       *cl_vendor_record_copy_deep      (const ClVendorRecord *record);
/* A cookie age in words ("2,000 years", "30 days", "session only"). */
char                 *cl_vendor_format_duration       (gint64    seconds);

G_END_DECLS
