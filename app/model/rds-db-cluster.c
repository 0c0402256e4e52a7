/* rds-db-cluster.c: an Aurora DB cluster, as DescribeDBClusters returns it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cluster is its storage (the cluster volume) and its endpoints; its
 * DB instances are listed in DBClusterMembers, the writer first made and
 * the readers after it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-db-cluster.h"
#include "rds-cluster-pending-modified-values.h"
#include "rds-db-cluster-member.h"
#include "rds-serverless-v2-scaling-configuration.h"
#include "rds-tag.h"
#include "rds-vpc-security-group-membership.h"

struct _RdsDbCluster
{
  RdsShape parent_instance;

  int          allocated_storage;
  char       **availability_zones;
  int          backup_retention_period;
  char        *database_name;
  char        *db_cluster_identifier;
  char        *db_cluster_parameter_group;
  char        *db_subnet_group;
  const char  *status;
  gint64       automatic_restart_time;
  gint64       earliest_restorable_time;
  char        *endpoint;
  char        *reader_endpoint;
  char       **custom_endpoints;
  gboolean     multi_az;
  const char  *engine;
  const char  *engine_version;
  gint64       latest_restorable_time;
  int          port;
  char        *master_username;
  char        *preferred_backup_window;
  char        *preferred_maintenance_window;
  char       **read_replica_identifiers;
  GListStore  *db_cluster_members;
  GListStore  *vpc_security_groups;
  char        *hosted_zone_id;
  gboolean     storage_encrypted;
  char        *kms_key_id;
  char        *db_cluster_resource_id;
  char        *db_cluster_arn;
  gboolean     iam_database_authentication_enabled;
  gint64       cluster_create_time;
  char       **enabled_cloudwatch_logs_exports;
  const char  *engine_mode;
  gboolean     deletion_protection;
  gboolean     http_endpoint_enabled;
  gboolean     copy_tags_to_snapshot;
  gboolean     cross_account_clone;
  GListStore  *tag_list;
  const char  *storage_type;
  RdsTristate  auto_minor_version_upgrade;
  const char  *network_type;
  RdsShape    *pending_modified_values;
  RdsShape    *serverless_v2_scaling_configuration;
};

G_DEFINE_FINAL_TYPE (RdsDbCluster, rds_db_cluster, RDS_TYPE_SHAPE)

#define T RdsDbCluster
static const RdsField fields[] = {
  RDS_FIELD_INT (T, allocated_storage, "allocated-storage", "AllocatedStorage",
                 N_("Always 1 for Aurora: its volume grows by itself"), 0, G_MAXINT),
  RDS_FIELD_STRV (T, availability_zones, "availability-zones", "AvailabilityZones",
                  N_("The Availability Zones the cluster volume keeps its copies in"),
                  "AvailabilityZone"),
  RDS_FIELD_INT (T, backup_retention_period, "backup-retention-period", "BackupRetentionPeriod",
                 N_("The number of days continuous backups are kept, 1 to 35"), 0, 35),
  RDS_FIELD_STRING (T, database_name, "database-name", "DatabaseName",
                    N_("The database created with the cluster")),
  RDS_FIELD_STRING (T, db_cluster_identifier, "db-cluster-identifier", "DBClusterIdentifier",
                    N_("The name of the cluster")),
  RDS_FIELD_STRING (T, db_cluster_parameter_group, "db-cluster-parameter-group",
                    "DBClusterParameterGroup", N_("The DB cluster parameter group")),
  RDS_FIELD_STRING (T, db_subnet_group, "db-subnet-group", "DBSubnetGroup",
                    N_("The subnet group of the cluster")),
  RDS_FIELD_INTERNED (T, status, "status", "Status",
                      N_("What the cluster is doing: available, creating, failing-over…")),
  RDS_FIELD_TIMESTAMP (T, automatic_restart_time, "automatic-restart-time", "AutomaticRestartTime",
                       N_("When a stopped cluster starts again by itself")),
  RDS_FIELD_TIMESTAMP (T, earliest_restorable_time, "earliest-restorable-time",
                       "EarliestRestorableTime",
                       N_("The earliest time the cluster can be restored to")),
  RDS_FIELD_STRING (T, endpoint, "endpoint", "Endpoint",
                    N_("The cluster (writer) endpoint: always the current writer")),
  RDS_FIELD_STRING (T, reader_endpoint, "reader-endpoint", "ReaderEndpoint",
                    N_("The reader endpoint: spreads connections over the readers")),
  RDS_FIELD_STRV (T, custom_endpoints, "custom-endpoints", "CustomEndpoints",
                  N_("The cluster's custom endpoints"), "member"),
  RDS_FIELD_BOOLEAN (T, multi_az, "multi-az", "MultiAZ",
                     N_("Whether the cluster has instances in more than one Availability Zone")),
  RDS_FIELD_INTERNED (T, engine, "engine", "Engine",
                      N_("aurora-mysql or aurora-postgresql")),
  RDS_FIELD_INTERNED (T, engine_version, "engine-version", "EngineVersion",
                      N_("The version of the database engine")),
  RDS_FIELD_TIMESTAMP (T, latest_restorable_time, "latest-restorable-time", "LatestRestorableTime",
                       N_("The latest time the cluster can be restored to")),
  RDS_FIELD_INT (T, port, "port", "Port",
                 N_("The port the database engine listens on"), 0, 65535),
  RDS_FIELD_STRING (T, master_username, "master-username", "MasterUsername",
                    N_("The name of the master user")),
  RDS_FIELD_STRING (T, preferred_backup_window, "preferred-backup-window", "PreferredBackupWindow",
                    N_("The daily time range of automated backups, in UTC")),
  RDS_FIELD_STRING (T, preferred_maintenance_window, "preferred-maintenance-window",
                    "PreferredMaintenanceWindow",
                    N_("The weekly time range for maintenance, in UTC")),
  RDS_FIELD_STRV (T, read_replica_identifiers, "read-replica-identifiers", "ReadReplicaIdentifiers",
                  N_("The clusters that replicate this one"), "ReadReplicaIdentifier"),
  RDS_FIELD_LIST (T, db_cluster_members, "db-cluster-members", "DBClusterMembers",
                  N_("The DB instances of the cluster: its writer and readers"),
                  rds_db_cluster_member_get_type, "DBClusterMember"),
  RDS_FIELD_LIST (T, vpc_security_groups, "vpc-security-groups", "VpcSecurityGroups",
                  N_("The VPC security groups that act as the cluster's firewall"),
                  rds_vpc_security_group_membership_get_type, "VpcSecurityGroupMembership"),
  RDS_FIELD_STRING (T, hosted_zone_id, "hosted-zone-id", "HostedZoneId",
                    N_("The Route 53 hosted zone of the endpoints")),
  RDS_FIELD_BOOLEAN (T, storage_encrypted, "storage-encrypted", "StorageEncrypted",
                     N_("Whether the cluster volume is encrypted")),
  RDS_FIELD_STRING (T, kms_key_id, "kms-key-id", "KmsKeyId",
                    N_("The KMS key that encrypts the cluster volume")),
  RDS_FIELD_STRING (T, db_cluster_resource_id, "db-cluster-resource-id", "DbClusterResourceId",
                    N_("The cluster's identifier that never changes")),
  RDS_FIELD_STRING (T, db_cluster_arn, "db-cluster-arn", "DBClusterArn",
                    N_("The Amazon Resource Name of the cluster")),
  RDS_FIELD_BOOLEAN (T, iam_database_authentication_enabled, "iam-database-authentication-enabled",
                     "IAMDatabaseAuthenticationEnabled",
                     N_("Whether IAM database authentication is on")),
  RDS_FIELD_TIMESTAMP (T, cluster_create_time, "cluster-create-time", "ClusterCreateTime",
                       N_("When the cluster was created")),
  RDS_FIELD_STRV (T, enabled_cloudwatch_logs_exports, "enabled-cloudwatch-logs-exports",
                  "EnabledCloudwatchLogsExports",
                  N_("The logs published to CloudWatch Logs"), "member"),
  RDS_FIELD_INTERNED (T, engine_mode, "engine-mode", "EngineMode",
                      N_("provisioned, or serverless for Aurora Serverless v1")),
  RDS_FIELD_BOOLEAN (T, deletion_protection, "deletion-protection", "DeletionProtection",
                     N_("Whether the cluster refuses to be deleted")),
  RDS_FIELD_BOOLEAN (T, http_endpoint_enabled, "http-endpoint-enabled", "HttpEndpointEnabled",
                     N_("Whether the Data API is on")),
  RDS_FIELD_BOOLEAN (T, copy_tags_to_snapshot, "copy-tags-to-snapshot", "CopyTagsToSnapshot",
                     N_("Whether snapshots get the cluster's tags")),
  RDS_FIELD_BOOLEAN (T, cross_account_clone, "cross-account-clone", "CrossAccountClone",
                     N_("Whether the cluster can be cloned into another account")),
  RDS_FIELD_LIST (T, tag_list, "tag-list", "TagList",
                  N_("The tags of the cluster"), rds_tag_get_type, "Tag"),
  RDS_FIELD_INTERNED (T, storage_type, "storage-type", "StorageType",
                      N_("aurora (Aurora Standard) or aurora-iopt1 (Aurora I/O-Optimized)")),
  RDS_FIELD_OPTIONAL_BOOLEAN (T, auto_minor_version_upgrade, "auto-minor-version-upgrade",
                              "AutoMinorVersionUpgrade",
                              N_("Whether minor engine upgrades are applied in the maintenance window")),
  RDS_FIELD_INTERNED (T, network_type, "network-type", "NetworkType",
                      N_("IPV4 or DUAL")),
  RDS_FIELD_OBJECT (T, pending_modified_values, "pending-modified-values", "PendingModifiedValues",
                    N_("Changes waiting for the maintenance window"),
                    rds_cluster_pending_modified_values_get_type),
  RDS_FIELD_OBJECT (T, serverless_v2_scaling_configuration, "serverless-v2-scaling-configuration",
                    "ServerlessV2ScalingConfiguration",
                    N_("The capacity range of the cluster's Serverless v2 instances, in ACUs"),
                    rds_serverless_v2_scaling_configuration_get_type),
};
#undef T

static void
rds_db_cluster_class_init (RdsDbClusterClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_db_cluster_init (RdsDbCluster *self)
{
}

const char *
rds_db_cluster_get_identifier (RdsDbCluster *self)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER (self), NULL);

  return self->db_cluster_identifier;
}

const char *
rds_db_cluster_get_status (RdsDbCluster *self)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER (self), NULL);

  return self->status;
}

void
rds_db_cluster_set_status (RdsDbCluster *self,
                           const char   *status)
{
  g_return_if_fail (RDS_IS_DB_CLUSTER (self));

  rds_shape_set_string (RDS_SHAPE (self), "status", status);
}

const char *
rds_db_cluster_get_engine (RdsDbCluster *self)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER (self), NULL);

  return self->engine;
}

const char *
rds_db_cluster_get_arn (RdsDbCluster *self)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER (self), NULL);

  return self->db_cluster_arn;
}

/**
 * rds_db_cluster_get_members:
 *
 * Returns: (transfer none) (nullable): its RdsDbClusterMember, or %NULL
 *   when it has no instances
 */
GListModel *
rds_db_cluster_get_members (RdsDbCluster *self)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER (self), NULL);

  return self->db_cluster_members != NULL ? G_LIST_MODEL (self->db_cluster_members) : NULL;
}

/**
 * rds_db_cluster_get_writer:
 *
 * Returns: (nullable): the identifier of the cluster's writer instance, or
 *   %NULL when it has none
 */
const char *
rds_db_cluster_get_writer (RdsDbCluster *self)
{
  GListModel *members;

  g_return_val_if_fail (RDS_IS_DB_CLUSTER (self), NULL);

  members = rds_db_cluster_get_members (self);
  for (guint i = 0; members != NULL && i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(RdsDbClusterMember) member = g_list_model_get_item (members, i);

      if (rds_db_cluster_member_is_writer (member))
        return rds_db_cluster_member_get_instance_identifier (member);
    }
  return NULL;
}

/**
 * rds_db_cluster_allows:
 *
 * Whether @action is possible for the cluster as it is, as RDS allows it:
 * readers join a cluster being created or available, up to 15; a
 * failover needs a reader; only an available cluster stops, takes a
 * snapshot, is modified or gets a custom endpoint (five at most), only a
 * stopped one starts; a cluster is deleted once its instances are; one
 * with a restorable time restores to a point in time, whatever it does.
 */
gboolean
rds_db_cluster_allows (RdsDbCluster     *self,
                       RdsClusterAction  action)
{
  GListModel *members;
  guint n;

  g_return_val_if_fail (RDS_IS_DB_CLUSTER (self), FALSE);

  if (!rds_db_cluster_status_allows (self->status, action))
    return FALSE;
  members = rds_db_cluster_get_members (self);
  n = members != NULL ? g_list_model_get_n_items (members) : 0;
  switch (action)
    {
    case RDS_CLUSTER_ACTION_ADD_READER:
      return n < 16;
    case RDS_CLUSTER_ACTION_FAILOVER:
      return n >= 2;
    case RDS_CLUSTER_ACTION_RESTORE_TO_POINT_IN_TIME:
      return self->latest_restorable_time > 0;
    case RDS_CLUSTER_ACTION_DELETE:
      return n == 0;
    case RDS_CLUSTER_ACTION_CREATE_ENDPOINT:
      return self->custom_endpoints == NULL || g_strv_length (self->custom_endpoints) < 5;
    case RDS_CLUSTER_ACTION_STOP:
    case RDS_CLUSTER_ACTION_START:
    case RDS_CLUSTER_ACTION_TAKE_SNAPSHOT:
    case RDS_CLUSTER_ACTION_MODIFY:
    default:
      return TRUE;
    }
}

/**
 * rds_db_cluster_status_allows:
 * @status: a DB cluster's status
 *
 * The part of the rules the status decides, the simulator's and the
 * console's: instances are added to a cluster available or still being
 * created; it fails over, stops, is snapshotted, modified and given
 * endpoints when available; starts when stopped; is deleted unless it is
 * being deleted, and restored from once created and until deleted. How many instances and endpoints it
 * has is rds_db_cluster_allows()'s to add.
 */
gboolean
rds_db_cluster_status_allows (const char       *status,
                              RdsClusterAction  action)
{
  gboolean available = g_strcmp0 (status, "available") == 0;

  switch (action)
    {
    case RDS_CLUSTER_ACTION_ADD_READER:
      return available || g_strcmp0 (status, "creating") == 0;
    case RDS_CLUSTER_ACTION_FAILOVER:
    case RDS_CLUSTER_ACTION_STOP:
    case RDS_CLUSTER_ACTION_TAKE_SNAPSHOT:
    case RDS_CLUSTER_ACTION_MODIFY:
    case RDS_CLUSTER_ACTION_CREATE_ENDPOINT:
      return available;
    case RDS_CLUSTER_ACTION_START:
      return g_strcmp0 (status, "stopped") == 0;
    case RDS_CLUSTER_ACTION_DELETE:
      return status != NULL && g_strcmp0 (status, "deleting") != 0;
    case RDS_CLUSTER_ACTION_RESTORE_TO_POINT_IN_TIME:
      /* Once it has backups to restore, until it goes. */
      return status != NULL && g_strcmp0 (status, "deleting") != 0 && g_strcmp0 (status, "creating") != 0;
    default:
      g_return_val_if_reached (FALSE);
    }
}
