/* rds-sim-engine-checks.c: the checks that creating, modifying and (later)
 * restoring an instance or making a replica share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each checks one part of a request (a class, storage, windows, groups,
 * features, quotas...) against the catalog and the Region, and fills in
 * what RDS gives by default. None changes a resource (drawing windows draws
 * from the generator, as creating does anyway), so an action calls them all
 * before it touches anything.
 */

#include "config.h"

#include "rds-sim-engine-private.h"

#include <string.h>

#include "rds-rules.h"

/* Sets an AWS error and returns FALSE. */
gboolean
_rds_sim_fail (GError      **error,
               RdsAwsError   code,
               const char   *format,
               ...)
{
  va_list args;

  va_start (args, format);
  g_set_error_literal (error, RDS_AWS_ERROR, code, "");
  if (error != NULL && *error != NULL)
    {
      g_free ((*error)->message);
      (*error)->message = g_strdup_vprintf (format, args);
    }
  va_end (args);

  return FALSE;
}

/* Checks a storage configuration and fills in the IOPS and throughput RDS
 * gives by default; @explicit_iops and @explicit_throughput say whether the
 * request set them. */
gboolean
_rds_sim_check_storage (const RdsEngineInfo  *engine,
                        RdsSimStorage        *storage,
                        gboolean              explicit_iops,
                        gboolean              explicit_throughput,
                        GError              **error)
{
  RdsStorageRules rules;
  RdsProblem problem;
  const char *type = storage->storage_type;

  if (!rds_rules_storage_size (engine, type, storage->allocated, &problem))
    return rds_problem_set_aws_error (&problem, error);
  rds_catalog_storage_rules (engine, type, storage->allocated, &rules);

  if (g_str_equal (type, "gp2") || g_str_equal (type, "standard"))
    {
      if (explicit_iops || explicit_throughput)
        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                              "You can't specify IOPS or storage throughput for storage type %s; "
                              "use io1 or gp3 storage to provision them.", type);
      storage->iops = -1;
      storage->throughput = -1;
      return TRUE;
    }

  if (g_str_equal (type, "io1"))
    {
      if (explicit_throughput)
        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                              "You can't specify storage throughput for storage type io1.");
      if (storage->iops < 0)
        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                              "Storage type io1 requires a Provisioned IOPS value (Iops).");
      if (!rds_rules_iops (engine, type, storage->allocated, storage->iops, &problem))
        return rds_problem_set_aws_error (&problem, error);
      storage->throughput = -1;
      return TRUE;
    }

  /* gp3 */
  if (rules.min_iops == 0)
    {
      if (explicit_iops || explicit_throughput)
        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                              "You can't specify IOPS or storage throughput for engine %s and a "
                              "storage size less than %d.", engine->engine,
                              rds_catalog_gp3_threshold (engine));
      storage->iops = 3000;
      storage->throughput = 125;
      return TRUE;
    }

  if (storage->iops < 0)
    storage->iops = rules.min_iops;
  if (storage->throughput < 0)
    storage->throughput = rules.min_throughput;

  if (!rds_rules_iops (engine, type, storage->allocated, storage->iops, &problem) ||
      !rds_rules_throughput (engine, type, storage->allocated, storage->iops, storage->throughput, &problem))
    return rds_problem_set_aws_error (&problem, error);

  return TRUE;
}

gboolean
_rds_sim_check_max_allocated (const RdsEngineInfo  *engine,
                              const char           *storage_type,
                              int                   allocated,
                              int                   max_allocated,
                              GError              **error)
{
  RdsProblem problem;

  if (!rds_rules_max_storage (engine, storage_type, allocated, max_allocated, &problem))
    return rds_problem_set_aws_error (&problem, error);
  return TRUE;
}

/* Other parameters shared by create and modify */

gboolean
_rds_sim_check_class (const RdsEngineInfo   *engine,
                      const RdsVersionInfo  *version,
                      const char            *class_name,
                      const char            *license,
                      GError               **error)
{
  const RdsClassInfo *klass = rds_catalog_find_class (class_name);

  if (klass != NULL && rds_catalog_class_supports_version (klass, engine, version) &&
      rds_catalog_has_license_model (engine, license))
    return TRUE;

  return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                        "RDS does not support creating a DB instance with the following combination: "
                        "DBInstanceClass=%s, Engine=%s, EngineVersion=%s, LicenseModel=%s. For supported "
                        "combinations of instance class and database engine version, see the "
                        "documentation.", class_name, engine->engine, version->version, license);
}

gboolean
_rds_sim_check_features (const RdsEngineInfo  *engine,
                         gboolean              multi_az,
                         gboolean              iam_auth,
                         GError              **error)
{
  if (multi_az && !engine->multi_az)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                          "Multi-AZ deployments are not available for %s.", engine->engine);
  if (iam_auth && !engine->iam_auth)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                          "IAM database authentication is not available for %s; it is for MySQL, "
                          "MariaDB and PostgreSQL.", engine->engine);
  return TRUE;
}

gboolean
_rds_sim_check_ca (const char  *ca,
                   GError     **error)
{
  if (rds_catalog_find_ca (ca) != NULL)
    return TRUE;

  return _rds_sim_fail (error, RDS_AWS_ERROR_CERTIFICATE_NOT_FOUND,
                        "Certificate not found: %s. Use rds-ca-rsa2048-g1, rds-ca-rsa4096-g1 or "
                        "rds-ca-ecc384-g1.", ca);
}

gboolean
_rds_sim_check_backup_retention (int      days,
                                 GError **error)
{
  if (days < 0 || days > 35)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "Invalid backup retention period: %d. Retention period must be "
                          "between 0 and 35.", days);
  return TRUE;
}

gboolean
_rds_sim_check_monitoring (RdsRequest  *request,
                           int          interval,
                           const char  *role,
                           GError     **error)
{
  static const int intervals[] = { 0, 1, 5, 10, 15, 30, 60 };
  gboolean valid = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (intervals); i++)
    valid |= interval == intervals[i];

  if (!valid)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "Invalid MonitoringInterval %d: it must be 0, 1, 5, 10, 15, 30 or 60.",
                          interval);
  if (interval != 0 && (role == NULL || *role == '\0'))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                          "A MonitoringRoleARN value is required if you specify a "
                          "MonitoringInterval value other than 0.");
  if (interval == 0 && role != NULL && *role != '\0' && rds_request_has (request, "MonitoringRoleArn"))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                          "A MonitoringInterval value other than 0 is required if you specify a "
                          "MonitoringRoleARN value.");
  if (role != NULL && *role != '\0' && !g_str_has_prefix (role, "arn:aws:iam::"))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "Invalid MonitoringRoleArn %s: it must be an IAM role ARN such as "
                          "arn:aws:iam::123456789012:role/rds-monitoring-role.", role);
  return TRUE;
}

gboolean
_rds_sim_check_pi_retention (int      days,
                             GError **error)
{
  if (days == 7 || days == 731 || (days >= 31 && days <= 713 && days % 31 == 0))
    return TRUE;

  return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                        "Invalid PerformanceInsightsRetentionPeriod %d: it must be 7, a multiple "
                        "of 31 up to 713 (months), or 731.", days);
}

/* Resolves a KMS key the way RDS records it: as a key ARN of the Region,
 * of a key there that is enabled (rds-sim-engine-kms.c). */
char *
_rds_sim_resolve_kms_key (RdsSimEngine  *self,
                          RdsSimRegion  *region,
                          const char    *key,
                          GError       **error)
{
  return _rds_sim_kms_resolve_for_rds (self, region, key, error);
}

gboolean
_rds_sim_check_log_exports (const RdsEngineInfo  *engine,
                            char                **exports,
                            GError              **error)
{
  for (guint i = 0; exports != NULL && exports[i] != NULL; i++)
    if (!g_strv_contains (engine->log_types, exports[i]))
      {
        g_autofree char *valid = g_strjoinv (", ", (char **) engine->log_types);

        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                              "You cannot use the log type '%s' with engine %s. Valid log "
                              "types are: %s.", exports[i], engine->engine, valid);
      }
  return TRUE;
}

gboolean
_rds_sim_check_security_groups (RdsSimRegion  *region,
                                char         **groups,
                                GError       **error)
{
  for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
    if (!g_str_equal (groups[i], region->security_group_id))
      return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                            "Invalid security group, groupId=%s: it does not exist in the "
                            "default VPC %s, whose security group is %s.", groups[i],
                            region->vpc_id, region->security_group_id);
  if (groups != NULL && g_strv_length (groups) > 5)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "A DB instance can be in at most 5 VPC security groups.");
  return TRUE;
}

gboolean
_rds_sim_check_parameter_group (RdsSimRegion          *region,
                                const RdsVersionInfo  *version,
                                const char            *name,
                                GError               **error)
{
  RdsDbParameterGroup *group = _rds_sim_region_find_parameter_group (region, name);
  const char *family;

  if (group == NULL)
    return _rds_sim_fail (error, RDS_AWS_ERROR_DB_PARAMETER_GROUP_NOT_FOUND,
                          "DB Parameter Group %s not found.", name);

  family = rds_shape_get_string (RDS_SHAPE (group), "db-parameter-group-family");
  if (!g_str_equal (family, version->family))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                          "The parameter group %s with DBParameterGroupFamily %s can't be used "
                          "for this instance. Use a parameter group with DBParameterGroupFamily "
                          "%s.", name, family, version->family);
  return TRUE;
}

/* Quotas */

gboolean
_rds_sim_check_quotas (RdsSimEngine  *self,
                       RdsSimRegion  *region,
                       int            new_instances,
                       int            new_storage,
                       GError       **error)
{
  gint64 max_instances = rds_sim_engine_get_quota (self, RDS_SIM_QUOTA_INSTANCES);
  gint64 max_storage = rds_sim_engine_get_quota (self, RDS_SIM_QUOTA_STORAGE_GIB);
  guint count = g_tree_nnodes (RDS_SIM_INSTANCES (region));

  if (count + new_instances > max_instances)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INSTANCE_QUOTA_EXCEEDED,
                          "DB instance quota exceeded: the Region already has %u of at most %"
                          G_GINT64_FORMAT " DB instances.", count, max_instances);

  if (region->allocated_storage + new_storage > max_storage)
    return _rds_sim_fail (error, RDS_AWS_ERROR_STORAGE_QUOTA_EXCEEDED,
                          "Storage quota exceeded: the Region's DB instances already use %"
                          G_GINT64_FORMAT " of at most %" G_GINT64_FORMAT " GiB.",
                          region->allocated_storage, max_storage);
  return TRUE;
}

gboolean
_rds_sim_draw_windows (RdsSimEngine  *self,
                       RdsSimRegion  *region,
                       RdsRequest    *request,
                       char         **backup_window,
                       char         **maintenance_window,
                       GError       **error)
{
  const char *backup_text = rds_request_get_string (request, "PreferredBackupWindow");
  const char *maintenance_text = rds_request_get_string (request, "PreferredMaintenanceWindow");
  int b_start, b_length = 30, m_start, m_length = 30;

  if (backup_text != NULL && !rds_rules_parse_backup_window (backup_text, &b_start, &b_length, error))
    return FALSE;
  if (maintenance_text != NULL &&
      !rds_rules_parse_maintenance_window (maintenance_text, &m_start, &m_length, error))
    return FALSE;

  if (backup_text == NULL)
    {
      /* A random half hour of the Region's 8-hour block, clear of the
       * maintenance window asked for. */
      guint first = (guint) _rds_sim_engine_draw (self, 0, 15);

      for (guint k = 0; k < 16; k++)
        {
          b_start = (region->window_block_start + 30 * (int) ((first + k) % 16)) % 1440;
          if (maintenance_text == NULL || !rds_rules_windows_overlap (b_start, b_length, m_start, m_length))
            break;
        }
    }

  if (maintenance_text == NULL)
    {
      do
        m_start = (int) _rds_sim_engine_draw (self, 0, 6) * 1440 +
                  (region->window_block_start + 30 * (int) _rds_sim_engine_draw (self, 0, 15)) % 1440;
      while (rds_rules_windows_overlap (b_start, b_length, m_start, m_length));
    }

  *backup_window = rds_rules_format_backup_window (b_start, b_length);
  *maintenance_window = rds_rules_format_maintenance_window (m_start, m_length);
  if (!rds_rules_check_windows (*backup_window, *maintenance_window, error))
    {
      g_clear_pointer (backup_window, g_free);
      g_clear_pointer (maintenance_window, g_free);
      return FALSE;
    }
  return TRUE;
}
