/* rds-disable-key-dialog.h: disable a customer managed KMS key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-action-dialog.h"
#include "rds-key-item.h"

G_BEGIN_DECLS

#define RDS_TYPE_DISABLE_KEY_DIALOG (rds_disable_key_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdsDisableKeyDialog, rds_disable_key_dialog, RDS, DISABLE_KEY_DIALOG, RdsActionDialog)

RdsActionDialog *rds_disable_key_dialog_new (RdsSession *session,
                                             RdsKeyItem *key);

/* What losing the key does to the databases that use it, for this dialog
 * and Schedule deletion's. */
char            *rds_key_describe_users     (const char * const *used_by);

G_END_DECLS
