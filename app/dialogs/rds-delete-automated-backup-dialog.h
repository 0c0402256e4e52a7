/* rds-delete-automated-backup-dialog.h: delete a retained automated backup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-action-dialog.h"
#include "rds-db-instance-automated-backup.h"

G_BEGIN_DECLS

#define RDS_TYPE_DELETE_AUTOMATED_BACKUP_DIALOG (rds_delete_automated_backup_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdsDeleteAutomatedBackupDialog, rds_delete_automated_backup_dialog,
                      RDS, DELETE_AUTOMATED_BACKUP_DIALOG, RdsActionDialog)

RdsActionDialog *rds_delete_automated_backup_dialog_new (RdsSession                   *session,
                                                         RdsDbInstanceAutomatedBackup *backup);

G_END_DECLS
