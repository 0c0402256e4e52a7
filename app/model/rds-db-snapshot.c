/* rds-db-snapshot.c: a DB snapshot, as DescribeDBSnapshots returns it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-db-snapshot.h"
#include "rds-tag.h"

struct _RdsDbSnapshot
{
  RdsShape parent_instance;

  char        *db_snapshot_identifier;
  char        *db_instance_identifier;
  gint64       snapshot_create_time;
  const char  *engine;
  int          allocated_storage;
  const char  *status;
  int          port;
  const char  *availability_zone;
  char        *vpc_id;
  gint64       instance_create_time;
  char        *master_username;
  const char  *engine_version;
  const char  *license_model;
  const char  *snapshot_type;
  int          iops;
  char        *option_group_name;
  int          percent_progress;
  const char  *source_region;
  char        *source_db_snapshot_identifier;
  const char  *storage_type;
  gboolean     encrypted;
  char        *kms_key_id;
  char        *db_snapshot_arn;
  char        *timezone;
  gboolean     iam_database_authentication_enabled;
  char        *dbi_resource_id;
  GListStore  *tag_list;
  gint64       original_snapshot_create_time;
  gint64       snapshot_database_time;
  const char  *snapshot_target;
  int          storage_throughput;
};

G_DEFINE_FINAL_TYPE (RdsDbSnapshot, rds_db_snapshot, RDS_TYPE_SHAPE)

#define T RdsDbSnapshot
static const RdsField fields[] = {
  RDS_FIELD_STRING (T, db_snapshot_identifier, "db-snapshot-identifier", "DBSnapshotIdentifier",
                    N_("The name of the snapshot")),
  RDS_FIELD_STRING (T, db_instance_identifier, "db-instance-identifier", "DBInstanceIdentifier",
                    N_("The instance the snapshot was taken of")),
  RDS_FIELD_TIMESTAMP (T, snapshot_create_time, "snapshot-create-time", "SnapshotCreateTime",
                       N_("When the snapshot was taken")),
  RDS_FIELD_INTERNED (T, engine, "engine", "Engine",
                      N_("The database engine")),
  RDS_FIELD_INT (T, allocated_storage, "allocated-storage", "AllocatedStorage",
                 N_("The storage of the instance, in GiB"), 0, G_MAXINT),
  RDS_FIELD_INTERNED (T, status, "status", "Status",
                      N_("creating, available, deleting or failed")),
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
  RDS_FIELD_INTERNED (T, engine_version, "engine-version", "EngineVersion",
                      N_("The version of the database engine")),
  RDS_FIELD_INTERNED (T, license_model, "license-model", "LicenseModel",
                      N_("How the engine is licensed")),
  RDS_FIELD_INTERNED (T, snapshot_type, "snapshot-type", "SnapshotType",
                      N_("manual or automated")),
  RDS_FIELD_OPTIONAL_INT (T, iops, "iops", "Iops",
                          N_("The provisioned IOPS of the instance"), G_MAXINT),
  RDS_FIELD_STRING (T, option_group_name, "option-group-name", "OptionGroupName",
                    N_("The option group of the instance")),
  RDS_FIELD_INT (T, percent_progress, "percent-progress", "PercentProgress",
                 N_("How much of the snapshot is done"), 0, 100),
  RDS_FIELD_INTERNED (T, source_region, "source-region", "SourceRegion",
                      N_("The Region a copied snapshot came from")),
  RDS_FIELD_STRING (T, source_db_snapshot_identifier, "source-db-snapshot-identifier",
                    "SourceDBSnapshotIdentifier",
                    N_("The snapshot a copy was made from")),
  RDS_FIELD_INTERNED (T, storage_type, "storage-type", "StorageType",
                      N_("The storage type of the instance")),
  RDS_FIELD_BOOLEAN (T, encrypted, "encrypted", "Encrypted",
                     N_("Whether the snapshot is encrypted")),
  RDS_FIELD_STRING (T, kms_key_id, "kms-key-id", "KmsKeyId",
                    N_("The KMS key that encrypts the snapshot")),
  RDS_FIELD_STRING (T, db_snapshot_arn, "db-snapshot-arn", "DBSnapshotArn",
                    N_("The Amazon Resource Name of the snapshot")),
  RDS_FIELD_STRING (T, timezone, "timezone", "Timezone",
                    N_("The time zone (SQL Server)")),
  RDS_FIELD_BOOLEAN (T, iam_database_authentication_enabled,
                     "iam-database-authentication-enabled", "IAMDatabaseAuthenticationEnabled",
                     N_("Whether IAM database authentication was on")),
  RDS_FIELD_STRING (T, dbi_resource_id, "dbi-resource-id", "DbiResourceId",
                    N_("The resource ID of the instance")),
  RDS_FIELD_LIST (T, tag_list, "tag-list", "TagList",
                  N_("The tags of the snapshot"), rds_tag_get_type, "Tag"),
  RDS_FIELD_TIMESTAMP (T, original_snapshot_create_time, "original-snapshot-create-time",
                       "OriginalSnapshotCreateTime",
                       N_("When the original snapshot was taken, for copies")),
  RDS_FIELD_TIMESTAMP (T, snapshot_database_time, "snapshot-database-time",
                       "SnapshotDatabaseTime",
                       N_("The point in time of the database the snapshot holds")),
  RDS_FIELD_INTERNED (T, snapshot_target, "snapshot-target", "SnapshotTarget",
                      N_("Where the snapshot is stored: region or outposts")),
  RDS_FIELD_OPTIONAL_INT (T, storage_throughput, "storage-throughput", "StorageThroughput",
                          N_("The storage throughput of the instance, in MiB/s"), G_MAXINT),
};
#undef T

static void
rds_db_snapshot_class_init (RdsDbSnapshotClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_db_snapshot_init (RdsDbSnapshot *self)
{
}

const char *
rds_db_snapshot_get_identifier (RdsDbSnapshot *self)
{
  g_return_val_if_fail (RDS_IS_DB_SNAPSHOT (self), NULL);

  return self->db_snapshot_identifier;
}

const char *
rds_db_snapshot_get_db_instance_identifier (RdsDbSnapshot *self)
{
  g_return_val_if_fail (RDS_IS_DB_SNAPSHOT (self), NULL);

  return self->db_instance_identifier;
}

const char *
rds_db_snapshot_get_status (RdsDbSnapshot *self)
{
  g_return_val_if_fail (RDS_IS_DB_SNAPSHOT (self), NULL);

  return self->status;
}

void
rds_db_snapshot_set_status (RdsDbSnapshot *self,
                            const char    *status)
{
  g_return_if_fail (RDS_IS_DB_SNAPSHOT (self));

  rds_shape_set_string (RDS_SHAPE (self), "status", status);
}

const char *
rds_db_snapshot_get_arn (RdsDbSnapshot *self)
{
  g_return_val_if_fail (RDS_IS_DB_SNAPSHOT (self), NULL);

  return self->db_snapshot_arn;
}

/**
 * rds_db_snapshot_allows:
 *
 * Whether @action is offered for the snapshot in its current status and
 * of its type, as the RDS console offers it: any available snapshot
 * restores; one of this account's (manual or automated) copies; only a
 * manual one is shared or deleted (an automated one goes with its
 * retention period, a shared one is another account's).
 */
gboolean
rds_db_snapshot_allows (RdsDbSnapshot     *self,
                        RdsSnapshotAction  action)
{
  gboolean available;

  g_return_val_if_fail (RDS_IS_DB_SNAPSHOT (self), FALSE);

  available = g_strcmp0 (self->status, "available") == 0;
  switch (action)
    {
    case RDS_SNAPSHOT_ACTION_RESTORE:
      return available;
    case RDS_SNAPSHOT_ACTION_COPY:
      return available && g_strcmp0 (self->snapshot_type, "shared") != 0;
    case RDS_SNAPSHOT_ACTION_SHARE:
    case RDS_SNAPSHOT_ACTION_DELETE:
      return available && g_strcmp0 (self->snapshot_type, "manual") == 0;
    default:
      g_return_val_if_reached (FALSE);
    }
}
