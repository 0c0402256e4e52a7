/* rds-db-instance-automated-backup.h: an instance's automated backups, as
 * DescribeDBInstanceAutomatedBackups returns them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_DB_INSTANCE_AUTOMATED_BACKUP (rds_db_instance_automated_backup_get_type ())
G_DECLARE_FINAL_TYPE (RdsDbInstanceAutomatedBackup, rds_db_instance_automated_backup,
                      RDS, DB_INSTANCE_AUTOMATED_BACKUP, RdsShape)

const char *rds_db_instance_automated_backup_get_resource_id (RdsDbInstanceAutomatedBackup *self);
const char *rds_db_instance_automated_backup_get_status      (RdsDbInstanceAutomatedBackup *self);

G_END_DECLS
