/* rds-db-instance-automated-backup.c: an instance's automated backups, as
 * DescribeDBInstanceAutomatedBackups returns them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-db-instance-automated-backup.h"
#include "rds-restore-window.h"

struct _RdsDbInstanceAutomatedBackup
{
  RdsShape parent_instance;

  char        *db_instance_arn;
  char        *dbi_resource_id;
  const char  *region;
  char        *db_instance_identifier;
  RdsShape    *restore_window;
  int          allocated_storage;
  const char  *status;
  int          port;
  const char  *availability_zone;
  char        *vpc_id;
  gint64       instance_create_time;
  char        *master_username;
  const char  *engine;
  const char  *engine_version;
  const char  *license_model;
  int          iops;
  char        *option_group_name;
  gboolean     encrypted;
  const char  *storage_type;
  char        *kms_key_id;
  char        *timezone;
  gboolean     iam_database_authentication_enabled;
  int          backup_retention_period;
  char        *db_instance_automated_backups_arn;
  const char  *backup_target;
  int          storage_throughput;
};

G_DEFINE_FINAL_TYPE (RdsDbInstanceAutomatedBackup, rds_db_instance_automated_backup, RDS_TYPE_SHAPE)

#define T RdsDbInstanceAutomatedBackup
static const RdsField fields[] = {
  RDS_FIELD_STRING (T, db_instance_arn, "db-instance-arn", "DBInstanceArn",
                    N_("The Amazon Resource Name of the instance")),
  RDS_FIELD_STRING (T, dbi_resource_id, "dbi-resource-id", "DbiResourceId",
                    N_("The resource ID of the instance")),
  RDS_FIELD_INTERNED (T, region, "region", "Region",
                      N_("The Region of the backups")),
  RDS_FIELD_STRING (T, db_instance_identifier, "db-instance-identifier", "DBInstanceIdentifier",
                    N_("The instance the backups are of")),
  RDS_FIELD_OBJECT (T, restore_window, "restore-window", "RestoreWindow",
                    N_("The times a restore can go to"), rds_restore_window_get_type),
  RDS_FIELD_INT (T, allocated_storage, "allocated-storage", "AllocatedStorage",
                 N_("The storage of the instance, in GiB"), 0, G_MAXINT),
  RDS_FIELD_INTERNED (T, status, "status", "Status",
                      N_("active, retained or creating")),
  RDS_FIELD_INT (T, port, "port", "Port",
                 N_("The port of the instance"), 0, 65535),
  RDS_FIELD_INTERNED (T, availability_zone, "availability-zone", "AvailabilityZone",
                      N_("The Availability Zone of the instance")),
  RDS_FIELD_STRING (T, vpc_id, "vpc-id", "VpcId",
                    N_("The VPC of the instance")),
  RDS_FIELD_TIMESTAMP (T, instance_create_time, "instance-create-time", "InstanceCreateTime",
                       N_("When the instance was created")),
  RDS_FIELD_STRING (T, master_username, "master-username", "MasterUsername",
                    N_("The name of the master user")),
  RDS_FIELD_INTERNED (T, engine, "engine", "Engine",
                      N_("The database engine")),
  RDS_FIELD_INTERNED (T, engine_version, "engine-version", "EngineVersion",
                      N_("The version of the database engine")),
  RDS_FIELD_INTERNED (T, license_model, "license-model", "LicenseModel",
                      N_("How the engine is licensed")),
  RDS_FIELD_OPTIONAL_INT (T, iops, "iops", "Iops",
                          N_("The provisioned IOPS of the instance"), G_MAXINT),
  RDS_FIELD_STRING (T, option_group_name, "option-group-name", "OptionGroupName",
                    N_("The option group of the instance")),
  RDS_FIELD_BOOLEAN (T, encrypted, "encrypted", "Encrypted",
                     N_("Whether the backups are encrypted")),
  RDS_FIELD_INTERNED (T, storage_type, "storage-type", "StorageType",
                      N_("The storage type of the instance")),
  RDS_FIELD_STRING (T, kms_key_id, "kms-key-id", "KmsKeyId",
                    N_("The KMS key that encrypts the backups")),
  RDS_FIELD_STRING (T, timezone, "timezone", "Timezone",
                    N_("The time zone (SQL Server)")),
  RDS_FIELD_BOOLEAN (T, iam_database_authentication_enabled,
                     "iam-database-authentication-enabled", "IAMDatabaseAuthenticationEnabled",
                     N_("Whether IAM database authentication was on")),
  RDS_FIELD_INT (T, backup_retention_period, "backup-retention-period", "BackupRetentionPeriod",
                 N_("The number of days automated backups are kept; 0 turns them off"), 0, 35),
  RDS_FIELD_STRING (T, db_instance_automated_backups_arn, "db-instance-automated-backups-arn",
                    "DBInstanceAutomatedBackupsArn",
                    N_("The Amazon Resource Name of the automated backups")),
  RDS_FIELD_INTERNED (T, backup_target, "backup-target", "BackupTarget",
                      N_("Where automated backups are stored: region or outposts")),
  RDS_FIELD_OPTIONAL_INT (T, storage_throughput, "storage-throughput", "StorageThroughput",
                          N_("The storage throughput of the instance, in MiB/s"), G_MAXINT),
};
#undef T

static void
rds_db_instance_automated_backup_class_init (RdsDbInstanceAutomatedBackupClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_db_instance_automated_backup_init (RdsDbInstanceAutomatedBackup *self)
{
}

const char *
rds_db_instance_automated_backup_get_resource_id (RdsDbInstanceAutomatedBackup *self)
{
  g_return_val_if_fail (RDS_IS_DB_INSTANCE_AUTOMATED_BACKUP (self), NULL);

  return self->dbi_resource_id;
}

const char *
rds_db_instance_automated_backup_get_status (RdsDbInstanceAutomatedBackup *self)
{
  g_return_val_if_fail (RDS_IS_DB_INSTANCE_AUTOMATED_BACKUP (self), NULL);

  return self->status;
}
