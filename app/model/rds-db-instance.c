/* rds-db-instance.c: an RDS DB instance, as DescribeDBInstances returns it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-db-instance.h"

#include "rds-certificate-details.h"
#include "rds-db-instance-status-info.h"
#include "rds-db-parameter-group-status.h"
#include "rds-db-security-group-membership.h"
#include "rds-db-subnet-group.h"
#include "rds-endpoint.h"
#include "rds-master-user-secret.h"
#include "rds-option-group-membership.h"
#include "rds-pending-modified-values.h"
#include "rds-rules.h"
#include "rds-tag.h"
#include "rds-vpc-security-group-membership.h"

struct _RdsDbInstance
{
  RdsShape parent_instance;

  char        *db_instance_identifier;
  const char  *db_instance_class;
  const char  *engine;
  const char  *db_instance_status;
  const char  *availability_zone;   /* with the four above: what a search reads */
  gint64       automatic_restart_time;
  char        *master_username;
  char        *db_name;
  RdsShape    *endpoint;
  int          allocated_storage;
  gint64       instance_create_time;
  char        *preferred_backup_window;
  int          backup_retention_period;
  GListStore  *db_security_groups;
  GListStore  *vpc_security_groups;
  GListStore  *db_parameter_groups;
  RdsShape    *db_subnet_group;
  char        *preferred_maintenance_window;
  RdsShape    *pending_modified_values;
  gint64       latest_restorable_time;
  gboolean     multi_az;
  const char  *engine_version;
  gboolean     auto_minor_version_upgrade;
  char        *read_replica_source_db_instance_identifier;
  char       **read_replica_db_instance_identifiers;
  char       **read_replica_db_cluster_identifiers;
  const char  *replica_mode;
  const char  *license_model;
  int          iops;
  GListStore  *option_group_memberships;
  char        *character_set_name;
  char        *nchar_character_set_name;
  const char  *secondary_availability_zone;
  gboolean     publicly_accessible;
  const char  *storage_type;
  int          db_instance_port;
  char        *db_cluster_identifier;
  gboolean     storage_encrypted;
  char        *kms_key_id;
  char        *dbi_resource_id;
  const char  *ca_certificate_identifier;
  gboolean     copy_tags_to_snapshot;
  int          monitoring_interval;
  char        *enhanced_monitoring_resource_arn;
  char        *monitoring_role_arn;
  int          promotion_tier;
  char        *db_instance_arn;
  char        *timezone;
  gboolean     iam_database_authentication_enabled;
  RdsTristate  performance_insights_enabled;
  char        *performance_insights_kms_key_id;
  int          performance_insights_retention_period;
  char       **enabled_cloudwatch_logs_exports;
  gboolean     deletion_protection;
  int          max_allocated_storage;
  GListStore  *tag_list;
  RdsTristate  customer_owned_ip_enabled;
  const char  *backup_target;
  const char  *network_type;
  int          storage_throughput;
  RdsShape    *master_user_secret;
  RdsShape    *certificate_details;
  GListStore  *status_infos;
};

G_DEFINE_FINAL_TYPE (RdsDbInstance, rds_db_instance, RDS_TYPE_SHAPE)

#define T RdsDbInstance
static const RdsField fields[] = {
  RDS_FIELD_STRING (T, db_instance_identifier, "db-instance-identifier", "DBInstanceIdentifier",
                    N_("The name of the DB instance, unique in its Region")),
  RDS_FIELD_INTERNED (T, db_instance_class, "db-instance-class", "DBInstanceClass",
                      N_("The compute and memory capacity of the instance")),
  RDS_FIELD_INTERNED (T, engine, "engine", "Engine",
                      N_("The database engine")),
  RDS_FIELD_INTERNED (T, db_instance_status, "db-instance-status", "DBInstanceStatus",
                      N_("The current state of the instance")),
  RDS_FIELD_TIMESTAMP (T, automatic_restart_time, "automatic-restart-time", "AutomaticRestartTime",
                       N_("When a stopped instance starts again by itself")),
  RDS_FIELD_STRING (T, master_username, "master-username", "MasterUsername",
                    N_("The name of the master user")),
  RDS_FIELD_STRING (T, db_name, "db-name", "DBName",
                    N_("The name of the initial database")),
  RDS_FIELD_OBJECT (T, endpoint, "endpoint", "Endpoint",
                    N_("Where clients connect"), rds_endpoint_get_type),
  RDS_FIELD_INT (T, allocated_storage, "allocated-storage", "AllocatedStorage",
                 N_("The storage of the instance, in GiB"), 0, G_MAXINT),
  RDS_FIELD_TIMESTAMP (T, instance_create_time, "instance-create-time", "InstanceCreateTime",
                       N_("When the instance was created")),
  RDS_FIELD_STRING (T, preferred_backup_window, "preferred-backup-window", "PreferredBackupWindow",
                    N_("The daily time range, in UTC, when automated backups are taken")),
  RDS_FIELD_INT (T, backup_retention_period, "backup-retention-period", "BackupRetentionPeriod",
                 N_("The number of days automated backups are kept; 0 turns them off"), 0, 35),
  RDS_FIELD_LIST (T, db_security_groups, "db-security-groups", "DBSecurityGroups",
                  N_("Classic DB security groups"), rds_db_security_group_membership_get_type,
                  "DBSecurityGroup"),
  RDS_FIELD_LIST (T, vpc_security_groups, "vpc-security-groups", "VpcSecurityGroups",
                  N_("The VPC security groups that act as the instance's firewall"),
                  rds_vpc_security_group_membership_get_type, "VpcSecurityGroupMembership"),
  RDS_FIELD_LIST (T, db_parameter_groups, "db-parameter-groups", "DBParameterGroups",
                  N_("The DB parameter group of the instance"),
                  rds_db_parameter_group_status_get_type, "DBParameterGroup"),
  RDS_FIELD_INTERNED (T, availability_zone, "availability-zone", "AvailabilityZone",
                      N_("The Availability Zone of the instance (of the primary, if Multi-AZ)")),
  RDS_FIELD_OBJECT (T, db_subnet_group, "db-subnet-group", "DBSubnetGroup",
                    N_("The subnets the instance may be placed in"), rds_db_subnet_group_get_type),
  RDS_FIELD_STRING (T, preferred_maintenance_window, "preferred-maintenance-window",
                    "PreferredMaintenanceWindow",
                    N_("The weekly time range, in UTC, when maintenance and pending changes are applied")),
  RDS_FIELD_OBJECT (T, pending_modified_values, "pending-modified-values", "PendingModifiedValues",
                    N_("Changes waiting to be applied"), rds_pending_modified_values_get_type),
  RDS_FIELD_TIMESTAMP (T, latest_restorable_time, "latest-restorable-time", "LatestRestorableTime",
                       N_("The latest time the instance can be restored to")),
  RDS_FIELD_BOOLEAN (T, multi_az, "multi-az", "MultiAZ",
                     N_("Whether a standby runs in another Availability Zone")),
  RDS_FIELD_INTERNED (T, engine_version, "engine-version", "EngineVersion",
                      N_("The version of the database engine")),
  RDS_FIELD_BOOLEAN (T, auto_minor_version_upgrade, "auto-minor-version-upgrade",
                     "AutoMinorVersionUpgrade",
                     N_("Whether minor engine upgrades are applied in the maintenance window")),
  RDS_FIELD_STRING (T, read_replica_source_db_instance_identifier,
                    "read-replica-source-db-instance-identifier",
                    "ReadReplicaSourceDBInstanceIdentifier",
                    N_("The instance this read replica copies")),
  RDS_FIELD_STRV (T, read_replica_db_instance_identifiers, "read-replica-db-instance-identifiers",
                  "ReadReplicaDBInstanceIdentifiers",
                  N_("The read replicas of the instance"), "ReadReplicaDBInstanceIdentifier"),
  RDS_FIELD_STRV (T, read_replica_db_cluster_identifiers, "read-replica-db-cluster-identifiers",
                  "ReadReplicaDBClusterIdentifiers",
                  N_("The Aurora clusters that replicate the instance"),
                  "ReadReplicaDBClusterIdentifier"),
  RDS_FIELD_INTERNED (T, replica_mode, "replica-mode", "ReplicaMode",
                      N_("open-read-only or mounted (Oracle replicas)")),
  RDS_FIELD_INTERNED (T, license_model, "license-model", "LicenseModel",
                      N_("How the engine is licensed")),
  RDS_FIELD_OPTIONAL_INT (T, iops, "iops", "Iops",
                          N_("The provisioned IOPS of the storage"), G_MAXINT),
  RDS_FIELD_LIST (T, option_group_memberships, "option-group-memberships",
                  "OptionGroupMemberships", N_("The option group of the instance"),
                  rds_option_group_membership_get_type, "OptionGroupMembership"),
  RDS_FIELD_STRING (T, character_set_name, "character-set-name", "CharacterSetName",
                    N_("The character set (Oracle, SQL Server)")),
  RDS_FIELD_STRING (T, nchar_character_set_name, "nchar-character-set-name",
                    "NcharCharacterSetName", N_("The national character set (Oracle)")),
  RDS_FIELD_INTERNED (T, secondary_availability_zone, "secondary-availability-zone",
                      "SecondaryAvailabilityZone",
                      N_("The Availability Zone of the standby of a Multi-AZ instance")),
  RDS_FIELD_BOOLEAN (T, publicly_accessible, "publicly-accessible", "PubliclyAccessible",
                     N_("Whether the endpoint resolves to a public IP address")),
  RDS_FIELD_INTERNED (T, storage_type, "storage-type", "StorageType",
                      N_("gp2, gp3, io1 or standard (magnetic)")),
  RDS_FIELD_INT (T, db_instance_port, "db-instance-port", "DbInstancePort",
                 N_("The port of a DB cluster member; 0 otherwise"), 0, 65535),
  RDS_FIELD_STRING (T, db_cluster_identifier, "db-cluster-identifier", "DBClusterIdentifier",
                    N_("The DB cluster the instance belongs to")),
  RDS_FIELD_BOOLEAN (T, storage_encrypted, "storage-encrypted", "StorageEncrypted",
                     N_("Whether the storage is encrypted")),
  RDS_FIELD_STRING (T, kms_key_id, "kms-key-id", "KmsKeyId",
                    N_("The KMS key that encrypts the storage")),
  RDS_FIELD_STRING (T, dbi_resource_id, "dbi-resource-id", "DbiResourceId",
                    N_("The Region-unique, immutable identifier of the instance")),
  RDS_FIELD_INTERNED (T, ca_certificate_identifier, "ca-certificate-identifier",
                      "CACertificateIdentifier",
                      N_("The certificate authority of the server certificate")),
  RDS_FIELD_BOOLEAN (T, copy_tags_to_snapshot, "copy-tags-to-snapshot", "CopyTagsToSnapshot",
                     N_("Whether snapshots get the instance's tags")),
  RDS_FIELD_OPTIONAL_INT (T, monitoring_interval, "monitoring-interval", "MonitoringInterval",
                          N_("Seconds between Enhanced Monitoring samples; 0 turns it off"), 60),
  RDS_FIELD_STRING (T, enhanced_monitoring_resource_arn, "enhanced-monitoring-resource-arn",
                    "EnhancedMonitoringResourceArn",
                    N_("The CloudWatch Logs stream of Enhanced Monitoring")),
  RDS_FIELD_STRING (T, monitoring_role_arn, "monitoring-role-arn", "MonitoringRoleArn",
                    N_("The IAM role that sends Enhanced Monitoring data")),
  RDS_FIELD_OPTIONAL_INT (T, promotion_tier, "promotion-tier", "PromotionTier",
                          N_("The failover priority of an Aurora replica"), 15),
  RDS_FIELD_STRING (T, db_instance_arn, "db-instance-arn", "DBInstanceArn",
                    N_("The Amazon Resource Name of the instance")),
  RDS_FIELD_STRING (T, timezone, "timezone", "Timezone",
                    N_("The time zone (SQL Server)")),
  RDS_FIELD_BOOLEAN (T, iam_database_authentication_enabled,
                     "iam-database-authentication-enabled", "IAMDatabaseAuthenticationEnabled",
                     N_("Whether IAM users can sign in to the database")),
  RDS_FIELD_OPTIONAL_BOOLEAN (T, performance_insights_enabled, "performance-insights-enabled",
                              "PerformanceInsightsEnabled",
                              N_("Whether Performance Insights is on")),
  RDS_FIELD_STRING (T, performance_insights_kms_key_id, "performance-insights-kms-key-id",
                    "PerformanceInsightsKMSKeyId",
                    N_("The KMS key that encrypts Performance Insights data")),
  RDS_FIELD_OPTIONAL_INT (T, performance_insights_retention_period,
                          "performance-insights-retention-period",
                          "PerformanceInsightsRetentionPeriod",
                          N_("Days Performance Insights data is kept"), 731),
  RDS_FIELD_STRV (T, enabled_cloudwatch_logs_exports, "enabled-cloudwatch-logs-exports",
                  "EnabledCloudwatchLogsExports",
                  N_("The logs published to CloudWatch Logs"), "member"),
  RDS_FIELD_BOOLEAN (T, deletion_protection, "deletion-protection", "DeletionProtection",
                     N_("Whether the instance refuses to be deleted")),
  RDS_FIELD_OPTIONAL_INT (T, max_allocated_storage, "max-allocated-storage",
                          "MaxAllocatedStorage",
                          N_("The limit, in GiB, storage autoscaling may grow to"), G_MAXINT),
  RDS_FIELD_LIST (T, tag_list, "tag-list", "TagList",
                  N_("The tags of the instance"), rds_tag_get_type, "Tag"),
  RDS_FIELD_OPTIONAL_BOOLEAN (T, customer_owned_ip_enabled, "customer-owned-ip-enabled",
                              "CustomerOwnedIpEnabled",
                              N_("Whether a customer-owned IP address is used (Outposts)")),
  RDS_FIELD_INTERNED (T, backup_target, "backup-target", "BackupTarget",
                      N_("Where automated backups are stored: region or outposts")),
  RDS_FIELD_INTERNED (T, network_type, "network-type", "NetworkType",
                      N_("IPV4 or DUAL")),
  RDS_FIELD_OPTIONAL_INT (T, storage_throughput, "storage-throughput", "StorageThroughput",
                          N_("The storage throughput, in MiB/s"), G_MAXINT),
  RDS_FIELD_OBJECT (T, master_user_secret, "master-user-secret", "MasterUserSecret",
                    N_("The secret that holds the master password, when RDS manages it"),
                    rds_master_user_secret_get_type),
  RDS_FIELD_OBJECT (T, certificate_details, "certificate-details", "CertificateDetails",
                    N_("The server certificate"), rds_certificate_details_get_type),
  RDS_FIELD_LIST (T, status_infos, "status-infos", "StatusInfos",
                  N_("How a read replica's replication is going"),
                  rds_db_instance_status_info_get_type, "DBInstanceStatusInfo"),
};
#undef T

static void
rds_db_instance_class_init (RdsDbInstanceClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_db_instance_init (RdsDbInstance *self)
{
}

const char *
rds_db_instance_get_identifier (RdsDbInstance *self)
{
  g_return_val_if_fail (RDS_IS_DB_INSTANCE (self), NULL);

  return self->db_instance_identifier;
}

const char *
rds_db_instance_get_status (RdsDbInstance *self)
{
  g_return_val_if_fail (RDS_IS_DB_INSTANCE (self), NULL);

  return self->db_instance_status;
}

void
rds_db_instance_set_status (RdsDbInstance *self,
                            const char    *status)
{
  g_return_if_fail (RDS_IS_DB_INSTANCE (self));

  rds_shape_set_string (RDS_SHAPE (self), "db-instance-status", status);
}

const char *
rds_db_instance_get_engine (RdsDbInstance *self)
{
  g_return_val_if_fail (RDS_IS_DB_INSTANCE (self), NULL);

  return self->engine;
}

const char *
rds_db_instance_get_arn (RdsDbInstance *self)
{
  g_return_val_if_fail (RDS_IS_DB_INSTANCE (self), NULL);

  return self->db_instance_arn;
}

const char *
rds_db_instance_get_resource_id (RdsDbInstance *self)
{
  g_return_val_if_fail (RDS_IS_DB_INSTANCE (self), NULL);

  return self->dbi_resource_id;
}

/**
 * rds_db_instance_allows:
 *
 * Whether @action is offered for the instance in its current status, as
 * the RDS console's Actions menu offers it (reference §2.2): exactly when
 * the simulator would take it (rds_rules_instance_action()).
 */
gboolean
rds_db_instance_allows (RdsDbInstance     *self,
                        RdsInstanceAction  action)
{
  RdsProblem problem;

  g_return_val_if_fail (RDS_IS_DB_INSTANCE (self), FALSE);

  return rds_rules_instance_action (self, action, &problem);
}
