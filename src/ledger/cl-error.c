/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-error.c: the ledger's error domain. */
#include "cl-error.h"

G_DEFINE_QUARK (cl-ledger-error-quark, cl_ledger_error)
