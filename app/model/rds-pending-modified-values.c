/* rds-pending-modified-values.c: changes waiting to be applied to an instance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-pending-modified-values.h"

struct _RdsPendingModifiedValues
{
  RdsShape parent_instance;

  const char  *db_instance_class;
  int          allocated_storage;
  char        *master_user_password;
  int          port;
  int          backup_retention_period;
  RdsTristate  multi_az;
  const char  *engine_version;
  const char  *license_model;
  int          iops;
  char        *db_instance_identifier;
  const char  *storage_type;
  const char  *ca_certificate_identifier;
  char        *db_subnet_group_name;
  RdsTristate  iam_database_authentication_enabled;
  int          storage_throughput;
};

G_DEFINE_FINAL_TYPE (RdsPendingModifiedValues, rds_pending_modified_values, RDS_TYPE_SHAPE)

#define T RdsPendingModifiedValues
static const RdsField fields[] = {
  RDS_FIELD_INTERNED (T, db_instance_class, "db-instance-class", "DBInstanceClass",
                      N_("The instance class the instance will have")),
  RDS_FIELD_OPTIONAL_INT (T, allocated_storage, "allocated-storage", "AllocatedStorage",
                          N_("The storage, in GiB, the instance will have"), G_MAXINT),
  RDS_FIELD_STRING (T, master_user_password, "master-user-password", "MasterUserPassword",
                    N_("Shown as **** while a new master password is being applied")),
  RDS_FIELD_OPTIONAL_INT (T, port, "port", "Port",
                          N_("The port the instance will listen on"), 65535),
  RDS_FIELD_OPTIONAL_INT (T, backup_retention_period, "backup-retention-period",
                          "BackupRetentionPeriod",
                          N_("The number of days automated backups will be kept"), 35),
  RDS_FIELD_OPTIONAL_BOOLEAN (T, multi_az, "multi-az", "MultiAZ",
                              N_("Whether the instance will have a standby in another Availability Zone")),
  RDS_FIELD_INTERNED (T, engine_version, "engine-version", "EngineVersion",
                      N_("The engine version the instance will run")),
  RDS_FIELD_INTERNED (T, license_model, "license-model", "LicenseModel",
                      N_("The license model the instance will use")),
  RDS_FIELD_OPTIONAL_INT (T, iops, "iops", "Iops",
                          N_("The provisioned IOPS the instance will have"), G_MAXINT),
  RDS_FIELD_STRING (T, db_instance_identifier, "db-instance-identifier", "DBInstanceIdentifier",
                    N_("The new identifier of the instance")),
  RDS_FIELD_INTERNED (T, storage_type, "storage-type", "StorageType",
                      N_("The storage type the instance will use")),
  RDS_FIELD_INTERNED (T, ca_certificate_identifier, "ca-certificate-identifier",
                      "CACertificateIdentifier",
                      N_("The certificate authority the instance will use")),
  RDS_FIELD_STRING (T, db_subnet_group_name, "db-subnet-group-name", "DBSubnetGroupName",
                    N_("The DB subnet group the instance will move to")),
  RDS_FIELD_OPTIONAL_BOOLEAN (T, iam_database_authentication_enabled,
                              "iam-database-authentication-enabled",
                              "IAMDatabaseAuthenticationEnabled",
                              N_("Whether IAM database authentication will be enabled")),
  RDS_FIELD_OPTIONAL_INT (T, storage_throughput, "storage-throughput", "StorageThroughput",
                          N_("The storage throughput, in MiB/s, the instance will have"), G_MAXINT),
};
#undef T

static void
rds_pending_modified_values_class_init (RdsPendingModifiedValuesClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_pending_modified_values_init (RdsPendingModifiedValues *self)
{
}

/**
 * rds_pending_modified_values_is_empty:
 *
 * Returns: whether no change is pending
 */
gboolean
rds_pending_modified_values_is_empty (RdsPendingModifiedValues *self)
{
  g_return_val_if_fail (RDS_IS_PENDING_MODIFIED_VALUES (self), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (rds_shape_field_is_present (RDS_SHAPE (self), &fields[i]))
      return FALSE;

  return TRUE;
}
