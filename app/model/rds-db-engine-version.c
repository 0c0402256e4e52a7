/* rds-db-engine-version.c: an engine version, as DescribeDBEngineVersions returns it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-db-engine-version.h"
#include "rds-upgrade-target.h"

struct _RdsDbEngineVersion
{
  RdsShape parent_instance;

  const char  *engine;
  const char  *engine_version;
  const char  *db_parameter_group_family;
  const char  *db_engine_description;
  char        *db_engine_version_description;
  GListStore  *valid_upgrade_target;
  char       **exportable_log_types;
  gboolean     supports_log_exports_to_cloudwatch_logs;
  gboolean     supports_read_replica;
  char       **supported_engine_modes;
  const char  *status;
  gboolean     supports_parallel_query;
  gboolean     supports_global_databases;
  const char  *major_engine_version;
  gboolean     supports_babelfish;
  RdsTristate  supports_certificate_rotation_without_restart;
  char       **supported_ca_certificate_identifiers;
};

G_DEFINE_FINAL_TYPE (RdsDbEngineVersion, rds_db_engine_version, RDS_TYPE_SHAPE)

#define T RdsDbEngineVersion
static const RdsField fields[] = {
  RDS_FIELD_INTERNED (T, engine, "engine", "Engine",
                      N_("The database engine")),
  RDS_FIELD_INTERNED (T, engine_version, "engine-version", "EngineVersion",
                      N_("The version number")),
  RDS_FIELD_INTERNED (T, db_parameter_group_family, "db-parameter-group-family",
                      "DBParameterGroupFamily",
                      N_("The parameter group family of the version")),
  RDS_FIELD_INTERNED (T, db_engine_description, "db-engine-description", "DBEngineDescription",
                      N_("The name of the engine")),
  RDS_FIELD_STRING (T, db_engine_version_description, "db-engine-version-description",
                    "DBEngineVersionDescription",
                    N_("The name of the version")),
  RDS_FIELD_LIST (T, valid_upgrade_target, "valid-upgrade-target", "ValidUpgradeTarget",
                  N_("The versions an instance can be upgraded to"),
                  rds_upgrade_target_get_type, "UpgradeTarget"),
  RDS_FIELD_STRV (T, exportable_log_types, "exportable-log-types", "ExportableLogTypes",
                  N_("The logs that can be published to CloudWatch Logs"), "member"),
  RDS_FIELD_BOOLEAN (T, supports_log_exports_to_cloudwatch_logs,
                     "supports-log-exports-to-cloudwatch-logs",
                     "SupportsLogExportsToCloudwatchLogs",
                     N_("Whether logs can be published to CloudWatch Logs")),
  RDS_FIELD_BOOLEAN (T, supports_read_replica, "supports-read-replica", "SupportsReadReplica",
                     N_("Whether the version supports read replicas")),
  RDS_FIELD_STRV (T, supported_engine_modes, "supported-engine-modes", "SupportedEngineModes",
                  N_("The engine modes of the version"), "member"),
  RDS_FIELD_INTERNED (T, status, "status", "Status",
                      N_("available or deprecated")),
  RDS_FIELD_BOOLEAN (T, supports_parallel_query, "supports-parallel-query",
                     "SupportsParallelQuery",
                     N_("Whether the version supports Aurora parallel query")),
  RDS_FIELD_BOOLEAN (T, supports_global_databases, "supports-global-databases",
                     "SupportsGlobalDatabases",
                     N_("Whether the version supports Aurora global databases")),
  RDS_FIELD_INTERNED (T, major_engine_version, "major-engine-version", "MajorEngineVersion",
                      N_("The major version")),
  RDS_FIELD_BOOLEAN (T, supports_babelfish, "supports-babelfish", "SupportsBabelfish",
                     N_("Whether the version supports Babelfish")),
  RDS_FIELD_OPTIONAL_BOOLEAN (T, supports_certificate_rotation_without_restart,
                              "supports-certificate-rotation-without-restart",
                              "SupportsCertificateRotationWithoutRestart",
                              N_("Whether a new server certificate needs no restart")),
  RDS_FIELD_STRV (T, supported_ca_certificate_identifiers,
                  "supported-ca-certificate-identifiers", "SupportedCACertificateIdentifiers",
                  N_("The certificate authorities the version supports"), "member"),
};
#undef T

static void
rds_db_engine_version_class_init (RdsDbEngineVersionClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_db_engine_version_init (RdsDbEngineVersion *self)
{
}
