/* rds-sim-engine-catalog.c: engine versions, orderable options and default groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rds-sim-engine-private.h"

#include <stdlib.h>
#include <string.h>

#include "rds-account-quota.h"
#include "rds-availability-zone.h"
#include "rds-db-engine-version.h"
#include "rds-db-parameter-group.h"
#include "rds-db-security-group.h"
#include "rds-orderable-db-instance-option.h"
#include "rds-upgrade-target.h"

/* Every filter naming one of @names must list the matching value. */
static gboolean
filters_match (GPtrArray          *filters,
               const char * const *names,
               const char * const *values)
{
  for (guint i = 0; i < filters->len; i++)
    {
      RdsFilter *filter = g_ptr_array_index (filters, i);

      for (guint j = 0; names[j] != NULL; j++)
        if (g_str_equal (filter->name, names[j]) &&
            !g_strv_contains ((const char * const *) filter->values, values[j]))
          return FALSE;
    }
  return TRUE;
}

static const RdsEngineInfo *
engine_argument (RdsRequest  *request,
                 gboolean     required,
                 GError     **error)
{
  const char *name = required ? rds_request_require_string (request, "Engine", error)
                              : rds_request_get_string (request, "Engine");
  const RdsEngineInfo *engine;

  if (name == NULL)
    return NULL;

  engine = rds_catalog_find_engine (name);
  if (engine == NULL)
    g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                 "Invalid DB engine: %s. Valid engines are aurora-mysql, aurora-postgresql, mysql, "
                 "mariadb, postgres, oracle-ee, oracle-se2, sqlserver-ee, sqlserver-se, sqlserver-ex "
                 "and sqlserver-web.", name);

  return engine;
}

/* DescribeDBEngineVersions */

static RdsDbEngineVersion *
engine_version_new (const RdsEngineInfo *engine,
                    guint                   index)
{
  const RdsVersionInfo *version = &engine->versions[index];
  const char *modes[] = { "provisioned", NULL };
  g_autoptr(GStrvBuilder) cas = g_strv_builder_new ();
  g_auto(GStrv) ca_list = NULL;
  const RdsCertificateAuthority *authorities;
  RdsShape *shape;
  GListStore *targets;
  const char *next_major = NULL;
  guint n_cas;

  authorities = rds_catalog_get_cas (&n_cas);
  for (guint i = 0; i < n_cas; i++)
    g_strv_builder_add (cas, authorities[i].identifier);
  ca_list = g_strv_builder_end (cas);

  shape = g_object_new (RDS_TYPE_DB_ENGINE_VERSION,
                        "engine", engine->engine,
                        "engine-version", version->version,
                        "db-parameter-group-family", version->family,
                        "db-engine-description", engine->description,
                        "db-engine-version-description", version->description,
                        "exportable-log-types", engine->log_types,
                        "supports-log-exports-to-cloudwatch-logs", TRUE,
                        "supports-read-replica", engine->read_replica,
                        "supported-engine-modes", modes,
                        "status", "available",
                        "major-engine-version", version->major,
                        "supports-certificate-rotation-without-restart", RDS_TRISTATE_TRUE,
                        "supported-ca-certificate-identifiers", ca_list,
                        NULL);

  /* Newer minors of the same major, and the newest minors of the next major
   * up (versions are listed newest first). */
  targets = rds_shape_ensure_list (shape, "valid-upgrade-target");
  for (int i = (int) index - 1; i >= 0; i--)
    {
      const RdsVersionInfo *target = &engine->versions[i];
      gboolean major = !g_str_equal (target->major, version->major);
      g_autoptr(RdsShape) upgrade = NULL;

      if (major)
        {
          if (next_major == NULL)
            next_major = target->major;
          if (!g_str_equal (target->major, next_major))
            continue;
        }

      upgrade = g_object_new (RDS_TYPE_UPGRADE_TARGET,
                              "engine", engine->engine,
                              "engine-version", target->version,
                              "description", target->description,
                              "auto-upgrade", FALSE,
                              "is-major-version-upgrade", major,
                              NULL);
      g_list_store_append (targets, upgrade);
    }

  return RDS_DB_ENGINE_VERSION (shape);
}

RdsQueryResult *
_rds_sim_action_describe_db_engine_versions (RdsSimEngine  *self,
                                             RdsSimRegion  *region,
                                             RdsRequest    *request,
                                             GError       **error)
{
  static const char * const filter_names[] = { "engine", "engine-version",
                                               "db-parameter-group-family", "status",
                                               "engine-mode", NULL };
  g_autoptr(RdsQueryResult) result = rds_query_result_new (rds_action_lookup ("DescribeDBEngineVersions"));
  g_autoptr(GPtrArray) filters = NULL;
  const RdsEngineInfo *only_engine, *engines;
  const char *version_filter = rds_request_get_string (request, "EngineVersion");
  const char *family_filter = rds_request_get_string (request, "DBParameterGroupFamily");
  const char *marker;
  gboolean default_only = FALSE;
  guint64 start, index = 0;
  guint n_engines;
  int max_records;

  if (!_rds_sim_engine_page_args (request, 100, &max_records, &marker, error) ||
      !_rds_sim_decode_index_marker (marker, &start, error) ||
      !rds_request_get_boolean (request, "DefaultOnly", &default_only, error))
    return NULL;

  only_engine = engine_argument (request, FALSE, error);
  if (only_engine == NULL && rds_request_has (request, "Engine"))
    return NULL;

  filters = rds_request_get_filters (request, error);
  if (filters == NULL)
    return NULL;
  for (guint i = 0; i < filters->len; i++)
    if (!g_strv_contains (filter_names, ((RdsFilter *) g_ptr_array_index (filters, i))->name))
      {
        g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                     "Unrecognized filter name: %s.", ((RdsFilter *) g_ptr_array_index (filters, i))->name);
        return NULL;
      }

  engines = rds_catalog_get_engines (&n_engines);
  for (guint e = 0; e < n_engines; e++)
    {
      const RdsEngineInfo *engine = &engines[e];

      if (only_engine != NULL && engine != only_engine)
        continue;

      for (guint v = 0; v < engine->n_versions; v++)
        {
          const RdsVersionInfo *version = &engine->versions[v];
          const char *names[] = { "engine", "engine-version", "db-parameter-group-family",
                                  "status", "engine-mode", NULL };
          const char *values[] = { engine->engine, version->version, version->family,
                                   "available", "provisioned", NULL };

          if (default_only && v != engine->default_version)
            continue;
          if (version_filter != NULL && !g_str_equal (version_filter, version->version) &&
              !g_str_equal (version_filter, version->major))
            continue;
          if (family_filter != NULL && !g_str_equal (family_filter, version->family))
            continue;
          if (!filters_match (filters, names, values))
            continue;

          if (index++ < start)
            continue;
          if (result->items->len == (guint) max_records)
            {
              result->marker = _rds_sim_encode_index_marker (index - 1);
              return g_steal_pointer (&result);
            }
          g_ptr_array_add (result->items, engine_version_new (engine, v));
        }
    }

  return g_steal_pointer (&result);
}

/* DescribeOrderableDBInstanceOptions */

static RdsOrderableDbInstanceOption *
orderable_option_new (RdsSimRegion            *region,
                      const RdsEngineInfo  *engine,
                      const RdsVersionInfo *version,
                      const RdsClassInfo   *klass,
                      const char              *license,
                      const char              *storage_type)
{
  const char *modes[] = { "provisioned", NULL };
  const char *network_types[] = { "IPV4", "DUAL", NULL };
  RdsStorageRules small, large;
  gboolean gp3 = g_str_equal (storage_type, "gp3");
  gboolean io1 = g_str_equal (storage_type, "io1");
  gboolean micro = g_str_has_suffix (klass->name, ".micro") || g_str_has_suffix (klass->name, ".small");
  RdsShape *shape;
  GListStore *zones;

  rds_catalog_storage_rules (engine, storage_type, 0, &small);
  rds_catalog_storage_rules (engine, storage_type, G_MAXINT / 2, &large);

  shape = g_object_new (RDS_TYPE_ORDERABLE_DB_INSTANCE_OPTION,
                        "engine", engine->engine,
                        "engine-version", version->version,
                        "db-instance-class", klass->name,
                        "license-model", license,
                        "availability-zone-group", region->info->name,
                        "multi-az-capable", engine->multi_az || engine->aurora,
                        "read-replica-capable", engine->read_replica,
                        "vpc", TRUE,
                        "supports-storage-encryption", TRUE,
                        "storage-type", storage_type,
                        "supports-iops", io1 || gp3,
                        "supports-enhanced-monitoring", TRUE,
                        "supports-iam-database-authentication", engine->iam_auth,
                        "supports-performance-insights", !micro,
                        "min-storage-size", small.min_storage,
                        "max-storage-size", small.max_storage,
                        "supported-engine-modes", modes,
                        "supports-storage-autoscaling",
                        g_str_equal (storage_type, "standard") || engine->aurora ? RDS_TRISTATE_FALSE : RDS_TRISTATE_TRUE,
                        "supports-kerberos-authentication",
                        engine->family == RDS_FAMILY_MARIADB ? RDS_TRISTATE_FALSE : RDS_TRISTATE_TRUE,
                        "outpost-capable", FALSE,
                        "supports-global-databases", engine->aurora,
                        "supports-clusters", engine->aurora,
                        "supported-network-types", network_types,
                        "supports-storage-throughput", gp3,
                        NULL);

  if (io1 || gp3)
    {
      rds_shape_set_int (shape, "min-iops-per-db-instance", large.min_iops);
      rds_shape_set_int (shape, "max-iops-per-db-instance", large.max_iops);
      rds_shape_set_double (shape, "min-iops-per-gib", large.min_iops_per_gib);
      rds_shape_set_double (shape, "max-iops-per-gib", large.max_iops_per_gib);
    }
  if (gp3)
    {
      rds_shape_set_int (shape, "min-storage-throughput-per-db-instance", large.min_throughput);
      rds_shape_set_int (shape, "max-storage-throughput-per-db-instance", large.max_throughput);
      rds_shape_set_double (shape, "min-storage-throughput-per-iops", 0.0);
      rds_shape_set_double (shape, "max-storage-throughput-per-iops", 0.25);
    }

  zones = rds_shape_ensure_list (shape, "availability-zones");
  for (guint i = 0; i < rds_region_get_n_zones (region->info); i++)
    {
      g_autofree char *name = rds_region_get_zone (region->info, i);
      g_autoptr(RdsShape) zone = g_object_new (RDS_TYPE_AVAILABILITY_ZONE, "name", name, NULL);

      g_list_store_append (zones, zone);
    }

  return RDS_ORDERABLE_DB_INSTANCE_OPTION (shape);
}

RdsQueryResult *
_rds_sim_action_describe_orderable_options (RdsSimEngine  *self,
                                            RdsSimRegion  *region,
                                            RdsRequest    *request,
                                            GError       **error)
{
  g_autoptr(RdsQueryResult) result = rds_query_result_new (rds_action_lookup ("DescribeOrderableDBInstanceOptions"));
  g_autoptr(GPtrArray) filters = NULL;
  const RdsEngineInfo *engine;
  const RdsClassInfo *classes;
  const char *version_filter = rds_request_get_string (request, "EngineVersion");
  const char *class_filter = rds_request_get_string (request, "DBInstanceClass");
  const char *license_filter = rds_request_get_string (request, "LicenseModel");
  const char * const *storage_types;
  const char *marker;
  gboolean vpc = TRUE;
  guint64 start, index = 0;
  guint n_classes;
  int max_records;

  engine = engine_argument (request, TRUE, error);
  if (engine == NULL)
    return NULL;
  storage_types = rds_catalog_engine_storage_types (engine);
  if (!_rds_sim_engine_page_args (request, 1000, &max_records, &marker, error) ||
      !_rds_sim_decode_index_marker (marker, &start, error) ||
      !rds_request_get_boolean (request, "Vpc", &vpc, error))
    return NULL;
  filters = rds_request_get_filters (request, error);
  if (filters == NULL)
    return NULL;
  /* Every instance runs in a VPC. */
  if (!vpc)
    return g_steal_pointer (&result);

  classes = rds_catalog_get_classes (&n_classes);
  for (guint v = 0; v < engine->n_versions; v++)
    {
      const RdsVersionInfo *version = &engine->versions[v];

      if (version_filter != NULL && !g_str_equal (version_filter, version->version))
        continue;

      for (guint c = 0; c < n_classes; c++)
        {
          if (class_filter != NULL && !g_str_equal (class_filter, classes[c].name))
            continue;
          if (!rds_catalog_class_supports_version (&classes[c], engine, version))
            continue;

          for (guint l = 0; engine->license_models[l] != NULL; l++)
            {
              if (license_filter != NULL && !g_str_equal (license_filter, engine->license_models[l]))
                continue;

              for (guint s = 0; storage_types[s] != NULL; s++)
                {
                  if (index++ < start)
                    continue;
                  if (result->items->len == (guint) max_records)
                    {
                      result->marker = _rds_sim_encode_index_marker (index - 1);
                      return g_steal_pointer (&result);
                    }
                  g_ptr_array_add (result->items,
                                   orderable_option_new (region, engine, version, &classes[c],
                                                         engine->license_models[l],
                                                         storage_types[s]));
                }
            }
        }
    }

  return g_steal_pointer (&result);
}

/* Default groups */

RdsDbParameterGroup *
_rds_sim_region_find_parameter_group (RdsSimRegion *region,
                                      const char   *name)
{
  for (guint i = 0; name != NULL && i < region->parameter_groups->len; i++)
    {
      RdsShape *group = g_ptr_array_index (region->parameter_groups, i);

      if (g_ascii_strcasecmp (rds_shape_get_string (group, "db-parameter-group-name"), name) == 0)
        return RDS_DB_PARAMETER_GROUP (group);
    }

  return NULL;
}

RdsQueryResult *
_rds_sim_action_describe_db_subnet_groups (RdsSimEngine  *self,
                                           RdsSimRegion  *region,
                                           RdsRequest    *request,
                                           GError       **error)
{
  g_autoptr(RdsQueryResult) result = rds_query_result_new (rds_action_lookup ("DescribeDBSubnetGroups"));
  const char *name = rds_request_get_string (request, "DBSubnetGroupName");
  const char *marker;
  int max_records;

  if (!_rds_sim_engine_page_args (request, 100, &max_records, &marker, error))
    return NULL;

  if (name != NULL && g_ascii_strcasecmp (name, "default") != 0)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_SUBNET_GROUP_NOT_FOUND,
                   "DBSubnetGroup '%s' not found.", name);
      return NULL;
    }

  if (marker == NULL)
    g_ptr_array_add (result->items, g_object_ref (region->default_subnet_group));

  return g_steal_pointer (&result);
}

RdsQueryResult *
_rds_sim_action_describe_db_parameter_groups (RdsSimEngine  *self,
                                              RdsSimRegion  *region,
                                              RdsRequest    *request,
                                              GError       **error)
{
  g_autoptr(RdsQueryResult) result = rds_query_result_new (rds_action_lookup ("DescribeDBParameterGroups"));
  const char *name = rds_request_get_string (request, "DBParameterGroupName");
  const char *marker;
  guint64 start;
  int max_records;

  if (!_rds_sim_engine_page_args (request, 100, &max_records, &marker, error) ||
      !_rds_sim_decode_index_marker (marker, &start, error))
    return NULL;

  if (name != NULL)
    {
      RdsDbParameterGroup *group = _rds_sim_region_find_parameter_group (region, name);

      if (group == NULL)
        {
          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_PARAMETER_GROUP_NOT_FOUND,
                       "DB Parameter Group %s not found.", name);
          return NULL;
        }
      g_ptr_array_add (result->items, g_object_ref (group));
      return g_steal_pointer (&result);
    }

  for (guint64 i = start; i < region->parameter_groups->len; i++)
    {
      if (result->items->len == (guint) max_records)
        {
          result->marker = _rds_sim_encode_index_marker (i);
          break;
        }
      g_ptr_array_add (result->items, g_object_ref (g_ptr_array_index (region->parameter_groups, i)));
    }

  return g_steal_pointer (&result);
}

RdsQueryResult *
_rds_sim_action_describe_db_security_groups (RdsSimEngine  *self,
                                             RdsSimRegion  *region,
                                             RdsRequest    *request,
                                             GError       **error)
{
  g_autoptr(RdsQueryResult) result = rds_query_result_new (rds_action_lookup ("DescribeDBSecurityGroups"));
  const char *name = rds_request_get_string (request, "DBSecurityGroupName");
  g_autofree char *arn = NULL;
  const char *marker;
  int max_records;

  if (!_rds_sim_engine_page_args (request, 100, &max_records, &marker, error))
    return NULL;

  if (name != NULL && g_ascii_strcasecmp (name, "default") != 0)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_SECURITY_GROUP_NOT_FOUND,
                   "DBSecurityGroup %s not found.", name);
      return NULL;
    }

  arn = _rds_sim_engine_arn (self, region, "secgrp", "default");
  if (marker == NULL)
    g_ptr_array_add (result->items,
                     g_object_new (RDS_TYPE_DB_SECURITY_GROUP,
                                   "owner-id", rds_sim_engine_get_account_id (self),
                                   "db-security-group-name", "default",
                                   "db-security-group-description", "default",
                                   "vpc-id", region->vpc_id,
                                   "db-security-group-arn", arn,
                                   NULL));

  return g_steal_pointer (&result);
}

/* The Region's quotas and how much of each is used. */
RdsQueryResult *
_rds_sim_action_describe_account_attributes (RdsSimEngine  *self,
                                             RdsSimRegion  *region,
                                             RdsRequest    *request,
                                             GError       **error)
{
  g_autoptr(RdsQueryResult) result = rds_query_result_new (rds_action_lookup ("DescribeAccountAttributes"));
  gint64 used[RDS_SIM_N_QUOTAS] = { 0 };

  used[RDS_SIM_QUOTA_INSTANCES] = g_tree_nnodes (RDS_SIM_INSTANCES (region));
  used[RDS_SIM_QUOTA_STORAGE_GIB] = region->allocated_storage;
  used[RDS_SIM_QUOTA_MANUAL_SNAPSHOTS] = _rds_sim_count_manual_snapshots (region);
  used[RDS_SIM_QUOTA_CLUSTERS] = g_tree_nnodes (RDS_SIM_CLUSTERS (region));
  for (GTreeNode *node = g_tree_node_first (RDS_SIM_CLUSTER_SNAPSHOTS (region)); node != NULL;
       node = g_tree_node_next (node))
    if (g_strcmp0 (rds_db_cluster_snapshot_get_snapshot_type (((RdsSimClusterSnapshot *) g_tree_node_value (node))->model),
                   "manual") == 0)
      used[RDS_SIM_QUOTA_MANUAL_CLUSTER_SNAPSHOTS]++;

  for (guint i = 0; i < RDS_SIM_N_QUOTAS; i++)
    g_ptr_array_add (result->items,
                     rds_account_quota_new (rds_sim_quota_get_name (i), used[i],
                                            rds_sim_engine_get_quota (self, i)));

  return g_steal_pointer (&result);
}
