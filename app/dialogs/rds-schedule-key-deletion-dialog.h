/* rds-schedule-key-deletion-dialog.h: schedule a KMS key's deletion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-action-dialog.h"
#include "rds-key-item.h"

G_BEGIN_DECLS

#define RDS_TYPE_SCHEDULE_KEY_DELETION_DIALOG (rds_schedule_key_deletion_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdsScheduleKeyDeletionDialog, rds_schedule_key_deletion_dialog,
                      RDS, SCHEDULE_KEY_DELETION_DIALOG, RdsActionDialog)

RdsActionDialog *rds_schedule_key_deletion_dialog_new (RdsSession *session,
                                                       RdsKeyItem *key);

G_END_DECLS
