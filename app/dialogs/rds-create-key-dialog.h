/* rds-create-key-dialog.h: create a customer managed KMS key with an alias
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-action-dialog.h"

G_BEGIN_DECLS

#define RDS_TYPE_CREATE_KEY_DIALOG (rds_create_key_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdsCreateKeyDialog, rds_create_key_dialog, RDS, CREATE_KEY_DIALOG, RdsActionDialog)

RdsActionDialog *rds_create_key_dialog_new        (RdsSession         *session);
const char      *rds_create_key_dialog_get_key_id (RdsCreateKeyDialog *self);
char            *rds_create_key_dialog_dup_alias  (RdsCreateKeyDialog *self);

/* An alias name as a person types it ("orders", or "alias/orders"):
 * NULL when it is valid, else why not. */
const char      *rds_key_alias_problem            (const char         *name);

G_END_DECLS
