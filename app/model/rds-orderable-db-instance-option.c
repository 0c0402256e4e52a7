/* rds-orderable-db-instance-option.c: a class, version and storage type that can be ordered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-orderable-db-instance-option.h"
#include "rds-availability-zone.h"

struct _RdsOrderableDbInstanceOption
{
  RdsShape parent_instance;

  const char  *engine;
  const char  *engine_version;
  const char  *db_instance_class;
  const char  *license_model;
  const char  *availability_zone_group;
  GListStore  *availability_zones;
  gboolean     multi_az_capable;
  gboolean     read_replica_capable;
  gboolean     vpc;
  gboolean     supports_storage_encryption;
  const char  *storage_type;
  gboolean     supports_iops;
  gboolean     supports_enhanced_monitoring;
  gboolean     supports_iam_database_authentication;
  gboolean     supports_performance_insights;
  int          min_storage_size;
  int          max_storage_size;
  int          min_iops_per_db_instance;
  int          max_iops_per_db_instance;
  double       min_iops_per_gib;
  double       max_iops_per_gib;
  char       **supported_engine_modes;
  RdsTristate  supports_storage_autoscaling;
  RdsTristate  supports_kerberos_authentication;
  gboolean     outpost_capable;
  gboolean     supports_global_databases;
  gboolean     supports_clusters;
  char       **supported_network_types;
  gboolean     supports_storage_throughput;
  int          min_storage_throughput_per_db_instance;
  int          max_storage_throughput_per_db_instance;
  double       min_storage_throughput_per_iops;
  double       max_storage_throughput_per_iops;
};

G_DEFINE_FINAL_TYPE (RdsOrderableDbInstanceOption, rds_orderable_db_instance_option,
                     RDS_TYPE_SHAPE)

#define T RdsOrderableDbInstanceOption
static const RdsField fields[] = {
  RDS_FIELD_INTERNED (T, engine, "engine", "Engine", N_("The database engine")),
  RDS_FIELD_INTERNED (T, engine_version, "engine-version", "EngineVersion",
                      N_("The engine version")),
  RDS_FIELD_INTERNED (T, db_instance_class, "db-instance-class", "DBInstanceClass",
                      N_("The instance class")),
  RDS_FIELD_INTERNED (T, license_model, "license-model", "LicenseModel",
                      N_("How the engine is licensed")),
  RDS_FIELD_INTERNED (T, availability_zone_group, "availability-zone-group",
                      "AvailabilityZoneGroup", N_("The Availability Zone group")),
  RDS_FIELD_LIST (T, availability_zones, "availability-zones", "AvailabilityZones",
                  N_("The Availability Zones that offer the option"),
                  rds_availability_zone_get_type, "AvailabilityZone"),
  RDS_FIELD_BOOLEAN (T, multi_az_capable, "multi-az-capable", "MultiAZCapable",
                     N_("Whether the option can be Multi-AZ")),
  RDS_FIELD_BOOLEAN (T, read_replica_capable, "read-replica-capable", "ReadReplicaCapable",
                     N_("Whether the option can have read replicas")),
  RDS_FIELD_BOOLEAN (T, vpc, "vpc", "Vpc", N_("Whether the option runs in a VPC")),
  RDS_FIELD_BOOLEAN (T, supports_storage_encryption, "supports-storage-encryption",
                     "SupportsStorageEncryption",
                     N_("Whether the storage can be encrypted")),
  RDS_FIELD_INTERNED (T, storage_type, "storage-type", "StorageType",
                      N_("The storage type")),
  RDS_FIELD_BOOLEAN (T, supports_iops, "supports-iops", "SupportsIops",
                     N_("Whether IOPS can be provisioned")),
  RDS_FIELD_BOOLEAN (T, supports_enhanced_monitoring, "supports-enhanced-monitoring",
                     "SupportsEnhancedMonitoring",
                     N_("Whether Enhanced Monitoring is available")),
  RDS_FIELD_BOOLEAN (T, supports_iam_database_authentication,
                     "supports-iam-database-authentication",
                     "SupportsIAMDatabaseAuthentication",
                     N_("Whether IAM database authentication is available")),
  RDS_FIELD_BOOLEAN (T, supports_performance_insights, "supports-performance-insights",
                     "SupportsPerformanceInsights",
                     N_("Whether Performance Insights is available")),
  RDS_FIELD_OPTIONAL_INT (T, min_storage_size, "min-storage-size", "MinStorageSize",
                          N_("The smallest storage, in GiB"), G_MAXINT),
  RDS_FIELD_OPTIONAL_INT (T, max_storage_size, "max-storage-size", "MaxStorageSize",
                          N_("The largest storage, in GiB"), G_MAXINT),
  RDS_FIELD_OPTIONAL_INT (T, min_iops_per_db_instance, "min-iops-per-db-instance",
                          "MinIopsPerDbInstance", N_("The fewest provisioned IOPS"), G_MAXINT),
  RDS_FIELD_OPTIONAL_INT (T, max_iops_per_db_instance, "max-iops-per-db-instance",
                          "MaxIopsPerDbInstance", N_("The most provisioned IOPS"), G_MAXINT),
  RDS_FIELD_DOUBLE (T, min_iops_per_gib, "min-iops-per-gib", "MinIopsPerGib",
                    N_("The fewest provisioned IOPS per GiB")),
  RDS_FIELD_DOUBLE (T, max_iops_per_gib, "max-iops-per-gib", "MaxIopsPerGib",
                    N_("The most provisioned IOPS per GiB")),
  RDS_FIELD_STRV (T, supported_engine_modes, "supported-engine-modes", "SupportedEngineModes",
                  N_("The engine modes"), "member"),
  RDS_FIELD_OPTIONAL_BOOLEAN (T, supports_storage_autoscaling, "supports-storage-autoscaling",
                              "SupportsStorageAutoscaling",
                              N_("Whether storage autoscaling is available")),
  RDS_FIELD_OPTIONAL_BOOLEAN (T, supports_kerberos_authentication,
                              "supports-kerberos-authentication",
                              "SupportsKerberosAuthentication",
                              N_("Whether Kerberos authentication is available")),
  RDS_FIELD_BOOLEAN (T, outpost_capable, "outpost-capable", "OutpostCapable",
                     N_("Whether the option runs on Outposts")),
  RDS_FIELD_BOOLEAN (T, supports_global_databases, "supports-global-databases",
                     "SupportsGlobalDatabases",
                     N_("Whether Aurora global databases are available")),
  RDS_FIELD_BOOLEAN (T, supports_clusters, "supports-clusters", "SupportsClusters",
                     N_("Whether Multi-AZ DB clusters are available")),
  RDS_FIELD_STRV (T, supported_network_types, "supported-network-types",
                  "SupportedNetworkTypes", N_("IPV4, DUAL or both"), "member"),
  RDS_FIELD_BOOLEAN (T, supports_storage_throughput, "supports-storage-throughput",
                     "SupportsStorageThroughput",
                     N_("Whether storage throughput can be provisioned")),
  RDS_FIELD_OPTIONAL_INT (T, min_storage_throughput_per_db_instance,
                          "min-storage-throughput-per-db-instance",
                          "MinStorageThroughputPerDbInstance",
                          N_("The lowest storage throughput, in MiB/s"), G_MAXINT),
  RDS_FIELD_OPTIONAL_INT (T, max_storage_throughput_per_db_instance,
                          "max-storage-throughput-per-db-instance",
                          "MaxStorageThroughputPerDbInstance",
                          N_("The highest storage throughput, in MiB/s"), G_MAXINT),
  RDS_FIELD_DOUBLE (T, min_storage_throughput_per_iops, "min-storage-throughput-per-iops",
                    "MinStorageThroughputPerIops",
                    N_("The lowest storage throughput per IOPS")),
  RDS_FIELD_DOUBLE (T, max_storage_throughput_per_iops, "max-storage-throughput-per-iops",
                    "MaxStorageThroughputPerIops",
                    N_("The highest storage throughput per IOPS")),
};
#undef T

static void
rds_orderable_db_instance_option_class_init (RdsOrderableDbInstanceOptionClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_orderable_db_instance_option_init (RdsOrderableDbInstanceOption *self)
{
}
