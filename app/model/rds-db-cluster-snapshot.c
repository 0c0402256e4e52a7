/* rds-db-cluster-snapshot.c: a snapshot of an Aurora cluster's volume
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-db-cluster-snapshot.h"
#include "rds-tag.h"

struct _RdsDbClusterSnapshot
{
  RdsShape parent_instance;

  char       **availability_zones;
  char        *db_cluster_snapshot_identifier;
  char        *db_cluster_identifier;
  gint64       snapshot_create_time;
  const char  *engine;
  const char  *engine_mode;
  int          allocated_storage;
  const char  *status;
  int          port;
  char        *vpc_id;
  gint64       cluster_create_time;
  char        *master_username;
  const char  *engine_version;
  const char  *license_model;
  const char  *snapshot_type;
  int          percent_progress;
  gboolean     storage_encrypted;
  char        *kms_key_id;
  char        *db_cluster_snapshot_arn;
  char        *source_db_cluster_snapshot_arn;
  gboolean     iam_database_authentication_enabled;
  GListStore  *tag_list;
};

G_DEFINE_FINAL_TYPE (RdsDbClusterSnapshot, rds_db_cluster_snapshot, RDS_TYPE_SHAPE)

#define T RdsDbClusterSnapshot
static const RdsField fields[] = {
  RDS_FIELD_STRV (T, availability_zones, "availability-zones", "AvailabilityZones",
                  N_("The Availability Zones of the cluster's volume"), "AvailabilityZone"),
  RDS_FIELD_STRING (T, db_cluster_snapshot_identifier, "db-cluster-snapshot-identifier",
                    "DBClusterSnapshotIdentifier", N_("The name of the cluster snapshot")),
  RDS_FIELD_STRING (T, db_cluster_identifier, "db-cluster-identifier", "DBClusterIdentifier",
                    N_("The cluster the snapshot was taken of")),
  RDS_FIELD_TIMESTAMP (T, snapshot_create_time, "snapshot-create-time", "SnapshotCreateTime",
                       N_("When the snapshot was taken")),
  RDS_FIELD_INTERNED (T, engine, "engine", "Engine", N_("The database engine")),
  RDS_FIELD_INTERNED (T, engine_mode, "engine-mode", "EngineMode", N_("provisioned or serverless")),
  RDS_FIELD_INT (T, allocated_storage, "allocated-storage", "AllocatedStorage",
                 N_("The size of the volume when the snapshot was taken, in GiB"), 0, G_MAXINT),
  RDS_FIELD_INTERNED (T, status, "status", "Status", N_("creating, copying, available or deleting")),
  RDS_FIELD_INT (T, port, "port", "Port", N_("The port of the cluster"), 0, 65535),
  RDS_FIELD_STRING (T, vpc_id, "vpc-id", "VpcId", N_("The VPC of the cluster")),
  RDS_FIELD_TIMESTAMP (T, cluster_create_time, "cluster-create-time", "ClusterCreateTime",
                       N_("When the cluster was created")),
  RDS_FIELD_STRING (T, master_username, "master-username", "MasterUsername",
                    N_("The name of the master user")),
  RDS_FIELD_INTERNED (T, engine_version, "engine-version", "EngineVersion",
                      N_("The version of the database engine")),
  RDS_FIELD_INTERNED (T, license_model, "license-model", "LicenseModel", N_("How the engine is licensed")),
  RDS_FIELD_INTERNED (T, snapshot_type, "snapshot-type", "SnapshotType", N_("manual or automated")),
  RDS_FIELD_INT (T, percent_progress, "percent-progress", "PercentProgress",
                 N_("How much of the snapshot is done"), 0, 100),
  RDS_FIELD_BOOLEAN (T, storage_encrypted, "storage-encrypted", "StorageEncrypted",
                     N_("Whether the snapshot is encrypted")),
  RDS_FIELD_STRING (T, kms_key_id, "kms-key-id", "KmsKeyId", N_("The KMS key that encrypts the snapshot")),
  RDS_FIELD_STRING (T, db_cluster_snapshot_arn, "db-cluster-snapshot-arn", "DBClusterSnapshotArn",
                    N_("The Amazon Resource Name of the snapshot")),
  RDS_FIELD_STRING (T, source_db_cluster_snapshot_arn, "source-db-cluster-snapshot-arn",
                    "SourceDBClusterSnapshotArn", N_("The snapshot a copy was made from")),
  RDS_FIELD_BOOLEAN (T, iam_database_authentication_enabled, "iam-database-authentication-enabled",
                     "IAMDatabaseAuthenticationEnabled", N_("Whether IAM database authentication was on")),
  RDS_FIELD_LIST (T, tag_list, "tag-list", "TagList", N_("The tags of the snapshot"), rds_tag_get_type, "Tag"),
};
#undef T

static void
rds_db_cluster_snapshot_class_init (RdsDbClusterSnapshotClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_db_cluster_snapshot_init (RdsDbClusterSnapshot *self)
{
}

const char *
rds_db_cluster_snapshot_get_identifier (RdsDbClusterSnapshot *self)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER_SNAPSHOT (self), NULL);

  return self->db_cluster_snapshot_identifier;
}

const char *
rds_db_cluster_snapshot_get_cluster_identifier (RdsDbClusterSnapshot *self)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER_SNAPSHOT (self), NULL);

  return self->db_cluster_identifier;
}

const char *
rds_db_cluster_snapshot_get_status (RdsDbClusterSnapshot *self)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER_SNAPSHOT (self), NULL);

  return self->status;
}

const char *
rds_db_cluster_snapshot_get_snapshot_type (RdsDbClusterSnapshot *self)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER_SNAPSHOT (self), NULL);

  return self->snapshot_type;
}

const char *
rds_db_cluster_snapshot_get_arn (RdsDbClusterSnapshot *self)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER_SNAPSHOT (self), NULL);

  return self->db_cluster_snapshot_arn;
}
