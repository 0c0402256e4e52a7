/* rds-reboot-database-dialog.h: reboot a DB instance, with failover when Multi-AZ
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-action-dialog.h"
#include "rds-db-instance.h"

G_BEGIN_DECLS

#define RDS_TYPE_REBOOT_DATABASE_DIALOG (rds_reboot_database_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdsRebootDatabaseDialog, rds_reboot_database_dialog, RDS, REBOOT_DATABASE_DIALOG, RdsActionDialog)

RdsActionDialog *rds_reboot_database_dialog_new (RdsSession    *session,
                                                 RdsDbInstance *instance);

G_END_DECLS
