/* rds-problem.c: a rule's verdict, worded as the RDS API words it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The service's own English, for the simulator's error answers; where one
 * was observed, the wording of rds.md §1.3 and §1.4. The console words the
 * same verdicts in the user's language (rds-validation.c).
 */

#include "config.h"

#include "rds-problem.h"

#include <math.h>

#include "rds-aws-error.h"

#define TAG_CHARACTERS "Unicode letters, digits, white space and _ . : / = + - @"

static gboolean
set (GError      **error,
     RdsAwsError   code,
     const char   *format,
     ...) G_GNUC_PRINTF (3, 4);

static gboolean
set (GError      **error,
     RdsAwsError   code,
     const char   *format,
     ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, RDS_AWS_ERROR, code, message);
  return FALSE;
}

static gboolean
identifier_error (const RdsProblem  *problem,
                  GError           **error)
{
  if (problem->code == RDS_PROBLEM_TOO_LONG)
    return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                "The parameter %s is not a valid identifier: it is %" G_GINT64_FORMAT
                " characters long, and identifiers can have at most %" G_GINT64_FORMAT ".",
                problem->parameter, problem->value, problem->max);

  return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
              "The parameter %s is not a valid identifier. Identifiers must begin with a "
              "letter; must contain only ASCII letters, digits, and hyphens; and must not "
              "end with a hyphen or contain two consecutive hyphens.", problem->parameter);
}

static gboolean
username_error (const RdsProblem  *problem,
                GError           **error)
{
  switch (problem->code)
    {
    case RDS_PROBLEM_MISSING:
      return set (error, RDS_AWS_ERROR_MISSING_PARAMETER,
                  "The parameter MasterUsername must be provided and must not be blank.");
    case RDS_PROBLEM_RESERVED:
      return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                  "MasterUsername %s cannot be used as it is a reserved word used by the engine",
                  problem->word);
    default:
      return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                  "The parameter MasterUsername is not valid: for %s it must be 1 to %d letters, "
                  "digits or underscores, beginning with a letter.",
                  problem->engine->engine, problem->engine->username_max);
    }
}

static gboolean
password_error (const RdsProblem  *problem,
                GError           **error)
{
  switch (problem->code)
    {
    case RDS_PROBLEM_MISSING:
      return set (error, RDS_AWS_ERROR_MISSING_PARAMETER,
                  "The parameter MasterUserPassword must be provided and must not be blank.");
    case RDS_PROBLEM_TOO_SHORT:
      return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                  "The parameter MasterUserPassword is not a valid password because it "
                  "is shorter than %" G_GINT64_FORMAT " characters.", problem->min);
    case RDS_PROBLEM_TOO_LONG:
      return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                  "The parameter MasterUserPassword is not a valid password because it is "
                  "longer than %" G_GINT64_FORMAT " characters.", problem->max);
    default:
      return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                  "The parameter MasterUserPassword is not a valid password. Only printable "
                  "ASCII characters besides '/', '@', '\"', ' '%s may be used.",
                  problem->charset == RDS_CHARSET_PASSWORD_ORACLE ? ", '&', '''" : "");
    }
}

static gboolean
db_name_error (const RdsProblem  *problem,
               GError           **error)
{
  switch (problem->code)
    {
    case RDS_PROBLEM_NOT_FOR_ENGINE:
      return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                  "The parameter DBName must be null for SQL Server; create "
                  "databases after the instance is available.");
    case RDS_PROBLEM_TOO_LONG:
      return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                  "The parameter DBName is too long: for %s it can have at most %"
                  G_GINT64_FORMAT " characters.", problem->engine->engine, problem->max);
    default:
      return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                  "DBName must begin with a letter and contain only alphanumeric characters.");
    }
}

static gboolean
port_error (const RdsProblem  *problem,
            GError           **error)
{
  if (problem->code == RDS_PROBLEM_RESERVED)
    return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                "Invalid port %" G_GINT64_FORMAT ": SQL Server can't use ports 1234, 1434, 3260, "
                "3343, 3389, 47001 or 49152-49156.", problem->value);

  return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
              "Invalid port %" G_GINT64_FORMAT ": the database port must be between %"
              G_GINT64_FORMAT " and %" G_GINT64_FORMAT ".", problem->value, problem->min, problem->max);
}

static gboolean
tag_error (const RdsProblem  *problem,
           GError           **error)
{
  gboolean key = g_str_equal (problem->parameter, "TagKey");
  const char *name = problem->word != NULL ? problem->word : "";

  if (key && problem->code == RDS_PROBLEM_RESERVED)
    return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                "Invalid tag key '%s': keys beginning with 'aws:' or 'rds:' are reserved for AWS.",
                name);
  if (key && problem->code == RDS_PROBLEM_BAD_CHARACTERS)
    return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                "Invalid tag key '%s': tag keys may hold only " TAG_CHARACTERS ".", name);
  if (key)
    return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                "Invalid tag key '%s': tag keys must be 1 to %" G_GINT64_FORMAT " characters long.",
                name, problem->max);
  if (problem->code == RDS_PROBLEM_BAD_CHARACTERS)
    return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                "Invalid value for tag '%s': tag values may hold only " TAG_CHARACTERS ".", name);
  return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
              "Invalid value for tag '%s': tag values can be at most %" G_GINT64_FORMAT
              " characters long.", name, problem->max);
}

static gboolean
instance_state_error (const RdsProblem  *problem,
                      GError           **error)
{
  const char *id = problem->word != NULL ? problem->word : "";
  const char *action = problem->parameter;

  switch (problem->code)
    {
    case RDS_PROBLEM_READ_REPLICA:
      return set (error, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                  "Cannot stop instance %s: read replicas can't be stopped.", id);
    case RDS_PROBLEM_HAS_REPLICAS:
      return set (error, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                  "Cannot stop instance %s: it has read replicas.", id);
    case RDS_PROBLEM_SQLSERVER_MULTI_AZ:
      return set (error, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                  "Cannot stop instance %s: SQL Server Multi-AZ instances can't be stopped.", id);
    case RDS_PROBLEM_CLUSTER_MEMBER:
      if (g_strcmp0 (action, "StopDBInstance") == 0 || g_strcmp0 (action, "StartDBInstance") == 0)
        return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                    "DB instance %s is a member of a DB cluster: aurora DB instances are not eligible "
                    "for stopping and starting on their own. Use %s instead.", id,
                    g_str_equal (action, "StopDBInstance") ? "StopDBCluster" : "StartDBCluster");
      if (g_strcmp0 (action, "CreateDBSnapshot") == 0)
        return set (error, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                    "The specified instance %s is a member of a cluster and a snapshot cannot be created "
                    "directly. Please use the CreateDBClusterSnapshot API instead.", id);
      if (g_strcmp0 (action, "CreateDBInstanceReadReplica") == 0)
        return set (error, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                    "DB instance %s is a member of a DB cluster: add a reader to the cluster with "
                    "CreateDBInstance and DBClusterIdentifier instead of a read replica.", id);
      if (g_strcmp0 (action, "RestoreDBInstanceToPointInTime") == 0)
        return set (error, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                    "DB instance %s is a member of a DB cluster: restore the cluster with "
                    "RestoreDBClusterToPointInTime.", id);
      if (g_strcmp0 (action, "RebootDBInstance") == 0)
        return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                    "DB instance %s is a member of a DB cluster: to fail over, use FailoverDBCluster "
                    "instead of RebootDBInstance with ForceFailover.", id);
      return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                  "DB instance %s is a member of a DB cluster: its storage, Multi-AZ and encryption are "
                  "the cluster's.", id);
    case RDS_PROBLEM_NO_BACKUPS:
      if (g_strcmp0 (action, "RestoreDBInstanceToPointInTime") == 0)
        return set (error, RDS_AWS_ERROR_POINT_IN_TIME_RESTORE_NOT_ENABLED,
                    "Point-in-time restore is not enabled for DB instance %s: its automated backups are off "
                    "(backup retention period 0).", id);
      return set (error, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                  "Automated backups are not enabled for this database instance. To enable automated "
                  "backups, use ModifyDBInstance to set the backup retention period to a non-zero value.");
    case RDS_PROBLEM_TOO_MANY_REPLICAS:
      return set (error, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                  "DB instance %s already has %" G_GINT64_FORMAT " read replicas, the most it can have.",
                  id, problem->value);
    case RDS_PROBLEM_NO_CASCADE:
      return set (error, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                  "DB instance %s is a read replica, and this engine can't create a read replica of a "
                  "read replica.", id);
    case RDS_PROBLEM_NOT_A_REPLICA:
      return set (error, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                  "DB instance %s is not a read replica.", id);
    case RDS_PROBLEM_NOT_FOR_ENGINE:
      if (g_strcmp0 (action, "CreateDBInstanceReadReplica") == 0)
        return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                    "Read replicas are not supported for %s, the engine of DB instance %s.",
                    problem->engine != NULL ? problem->engine->engine : "", id);
      return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                  "Multi-AZ deployments are not available for %s.",
                  problem->engine != NULL ? problem->engine->engine : "");
    case RDS_PROBLEM_ALREADY:
      return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                  "DB instance %s is already deployed that way.", id);
    case RDS_PROBLEM_ENCRYPTED:
      return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                  "DB instance %s is encrypted already.", id);
    case RDS_PROBLEM_REPLICA:
      return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                  "DB instance %s is a read replica: its encryption is its source's.", id);
    case RDS_PROBLEM_NOT_RESTORABLE_YET:
      return set (error, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                  "DB instance %s has no restorable time yet: its first automated backup isn't finished.", id);
    case RDS_PROBLEM_SINGLE_AZ:
      return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                  "Reboot with failover is only possible for a Multi-AZ DB instance, and %s is "
                  "Single-AZ.", id);
    default:
      break;
    }

  if (g_str_equal (action, "StartDBInstance"))
    return set (error, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                "Instance %s is not stopped, it cannot be started.", id);
  if (g_str_equal (action, "DeleteDBInstance"))
    return set (error, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                "Instance %s is already being deleted.", id);
  if (g_str_equal (action, "CreateDBSnapshot"))
    return set (error, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                "Cannot create a snapshot because the database instance %s is not currently "
                "in the available state.", id);
  return set (error, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
              "Instance %s is not in available state.", id);
}

static gboolean
storage_error (const RdsProblem  *problem,
               GError           **error)
{
  const char *parameter = problem->parameter;
  const char *engine = problem->engine != NULL ? problem->engine->engine : "";
  const char *type = problem->word != NULL ? problem->word : "";
  int value = (int) problem->value;

  if (g_str_equal (parameter, "StorageType"))
    return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                "Invalid storage type: %s. Valid storage types are gp2, gp3, io1 and standard.", type);

  if (g_str_equal (parameter, "AllocatedStorage"))
    switch (problem->code)
      {
      case RDS_PROBLEM_SHRINKS:
        return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                    "Invalid storage size for engine name %s and storage type %s: %d. Storage "
                    "can't shrink; it is %d GiB now.", engine, type, value, (int) problem->size);
      case RDS_PROBLEM_GROWS_TOO_LITTLE:
        return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                    "Invalid storage size for engine name %s and storage type %s: %d. "
                    "Storage must grow by at least 10%% (to %d GiB or more).",
                    engine, type, value, (int) problem->min);
      default:
        return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                    "Invalid storage size for engine name %s and storage type %s: %d. "
                    "Allocated storage must be between %d and %d GiB.",
                    engine, type, value, (int) problem->min, (int) problem->max);
      }

  if (g_str_equal (parameter, "Iops"))
    {
      int size = (int) problem->size;

      if (g_str_equal (type, "io1") && problem->code == RDS_PROBLEM_RATIO)
        return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                    "Invalid iops to storage (GB) ratio for engine name %s and storage "
                    "type io1: %.4f. The ratio must be between %g and %g, so %d GiB "
                    "allows %d to %d IOPS.", engine, (double) value / size,
                    problem->low, problem->high, size, (int) ceil (problem->low * size),
                    (int) (problem->high * size));
      if (g_str_equal (type, "io1"))
        return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                    "Invalid IOPS value %d for engine name %s and storage type io1 with "
                    "%d GiB: it must be between %d and %d.", value, engine, size,
                    (int) problem->min, (int) problem->max);
      return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                  "Invalid IOPS value %d for engine name %s and storage type %s with %d "
                  "GiB: it must be between %d and %d, and at most %g per GiB.",
                  value, engine, type, size, (int) problem->min, (int) problem->max, problem->high);
    }

  if (g_str_equal (parameter, "StorageThroughput"))
    {
      if (problem->code == RDS_PROBLEM_RATIO)
        return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                    "Invalid storage throughput %d MiB/s for %d IOPS: throughput can be at "
                    "most 0.25 MiB/s per IOPS (%d MiB/s).", value, (int) problem->size,
                    (int) problem->size / 4);
      return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                  "Invalid storage throughput %d MiB/s for engine name %s and storage "
                  "type %s: it must be between %d and %d.", value, engine, type,
                  (int) problem->min, (int) problem->max);
    }

  /* MaxAllocatedStorage */
  if (problem->code == RDS_PROBLEM_NOT_FOR_ENGINE)
    return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                "Storage autoscaling isn't available for magnetic (standard) storage.");
  return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
              "Invalid max storage size for engine name %s and storage type %s: %d. "
              "The maximum storage threshold must be at least 10%% more than the "
              "allocated storage (%d GiB or more) and at most %d GiB.",
              engine, type, value, (int) problem->min, (int) problem->max);
}

/**
 * rds_problem_set_aws_error:
 *
 * Words @problem as the RDS API does, with its error code.
 *
 * Returns: %FALSE if there is a problem (with @error set), %TRUE if none
 */
gboolean
rds_problem_set_aws_error (const RdsProblem  *problem,
                           GError           **error)
{
  const char *parameter;

  g_return_val_if_fail (problem != NULL, FALSE);

  if (problem->code == RDS_PROBLEM_NONE)
    return TRUE;

  parameter = problem->parameter != NULL ? problem->parameter : "";
  if (problem->code == RDS_PROBLEM_WINDOWS_OVERLAP)
    return set (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                "The backup window and maintenance window must not overlap.");
  if (g_str_equal (parameter, "DBInstanceIdentifier") || g_str_equal (parameter, "DBSnapshotIdentifier") ||
      g_str_equal (parameter, "NewDBInstanceIdentifier") || g_str_equal (parameter, "TargetDBSnapshotIdentifier"))
    return identifier_error (problem, error);
  if (g_str_equal (parameter, "MasterUsername"))
    return username_error (problem, error);
  if (g_str_equal (parameter, "MasterUserPassword"))
    return password_error (problem, error);
  if (g_str_equal (parameter, "DBName"))
    return db_name_error (problem, error);
  if (g_str_equal (parameter, "Port"))
    return port_error (problem, error);
  if (g_str_equal (parameter, "TagKey") || g_str_equal (parameter, "TagValue"))
    return tag_error (problem, error);
  if (g_str_has_suffix (parameter, "DBInstance") || g_str_has_suffix (parameter, "ReadReplica") ||
      g_str_equal (parameter, "CreateDBSnapshot"))
    return instance_state_error (problem, error);
  if (g_str_equal (parameter, "StorageType") || g_str_equal (parameter, "AllocatedStorage") ||
      g_str_equal (parameter, "Iops") || g_str_equal (parameter, "StorageThroughput") ||
      g_str_equal (parameter, "MaxAllocatedStorage"))
    return storage_error (problem, error);

  g_return_val_if_reached (set (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                                "The parameter %s is not valid.", parameter));
}
