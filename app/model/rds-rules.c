/* rds-rules.c: RDS's rules for names, credentials, ports and windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the simulator, which enforces them, and the console, which
 * checks fields as the user types. The rules and, where one was observed,
 * the wording of the service's messages come from shared/reference/rds.md
 * §1.3 and §1.4.
 */

#include "config.h"

#include "rds-rules.h"

#include <stdio.h>
#include <string.h>

#include "rds-aws-error.h"
#include "rds-db-instance.h"
#include "rds-problem.h"

static const char * const weekdays[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

/* Each rule fills in @problem and returns whether the value passes; the
 * rds_rules_check_*() beside it words the verdict as the AWS error. */

static gboolean
found (RdsProblem     *problem,
       RdsProblemCode  code)
{
  problem->code = code;
  return FALSE;
}

static void
problem_init (RdsProblem          *problem,
              const char          *parameter,
              const RdsEngineInfo *engine)
{
  *problem = (RdsProblem) { RDS_PROBLEM_NONE, parameter, 0, 0, 0, 0, NULL, NULL, 0, 0.0, 0.0, engine };
}

/* Whether every character of @value is of @charset. */
static gboolean
in_charset (const char *value,
            RdsCharset  charset)
{
  for (const char *p = value; *p != '\0'; p = charset == RDS_CHARSET_TAG ? g_utf8_next_char (p) : p + 1)
    {
      guchar c = *p;
      gunichar u;

      switch (charset)
        {
        case RDS_CHARSET_IDENTIFIER:
          if (!g_ascii_isalnum (c) && c != '-')
            return FALSE;
          break;
        case RDS_CHARSET_USERNAME:
        case RDS_CHARSET_DB_NAME:
          if (!g_ascii_isalnum (c) && c != '_')
            return FALSE;
          break;
        case RDS_CHARSET_ALPHANUMERIC:
          if (!g_ascii_isalnum (c))
            return FALSE;
          break;
        case RDS_CHARSET_PASSWORD:
        case RDS_CHARSET_PASSWORD_ORACLE:
          if (c < 0x21 || c > 0x7e || c == '/' || c == '@' || c == '"' ||
              (charset == RDS_CHARSET_PASSWORD_ORACLE && (c == '&' || c == '\'')))
            return FALSE;
          break;
        case RDS_CHARSET_TAG:
          /* AWS's ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$ */
          u = g_utf8_get_char (p);
          switch (g_unichar_type (u))
            {
            case G_UNICODE_LOWERCASE_LETTER:
            case G_UNICODE_MODIFIER_LETTER:
            case G_UNICODE_OTHER_LETTER:
            case G_UNICODE_TITLECASE_LETTER:
            case G_UNICODE_UPPERCASE_LETTER:
            case G_UNICODE_SPACE_SEPARATOR:
            case G_UNICODE_LINE_SEPARATOR:
            case G_UNICODE_PARAGRAPH_SEPARATOR:
            case G_UNICODE_DECIMAL_NUMBER:
            case G_UNICODE_LETTER_NUMBER:
            case G_UNICODE_OTHER_NUMBER:
              break;
            default:
              if (u >= 0x80 || strchr ("_.:/=+-@", (char) u) == NULL)
                return FALSE;
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return TRUE;
}

/**
 * rds_rules_identifier:
 * @parameter: "DBInstanceIdentifier" or "DBSnapshotIdentifier"
 * @max_length: 63 for instances, 255 for snapshots
 *
 * 1 to @max_length letters, digits or hyphens; a letter first; no hyphen at
 * the end and no two in a row.
 */
gboolean
rds_rules_identifier (const char *parameter,
                      const char *value,
                      guint       max_length,
                      RdsProblem *problem)
{
  gsize length = value != NULL ? strlen (value) : 0;

  problem_init (problem, parameter, NULL);
  problem->charset = RDS_CHARSET_IDENTIFIER;
  problem->value = (gint64) length;
  problem->max = max_length;

  if (length == 0)
    return found (problem, RDS_PROBLEM_MISSING);
  if (!g_ascii_isalpha (value[0]))
    return found (problem, RDS_PROBLEM_FIRST_NOT_LETTER);
  if (!in_charset (value, RDS_CHARSET_IDENTIFIER))
    return found (problem, RDS_PROBLEM_BAD_CHARACTERS);
  if (strstr (value, "--") != NULL)
    return found (problem, RDS_PROBLEM_DOUBLE_HYPHEN);
  if (value[length - 1] == '-')
    return found (problem, RDS_PROBLEM_ENDS_WITH_HYPHEN);
  if (length > max_length)
    return found (problem, RDS_PROBLEM_TOO_LONG);
  return TRUE;
}

static const char * const reserved_usernames[] = {
  "rdsadmin", "rdsrepladmin", "rds_superuser", "rdsa", "sa", "sys", "system", "public",
  "select", "insert", "update", "delete", "table", "user", "all", "grant", "from", "where",
  "create", "drop", "alter", "database", "index", "order", "group", "null",
  NULL
};

gboolean
rds_rules_master_username (const RdsEngineInfo *engine,
                           const char          *username,
                           RdsProblem          *problem)
{
  gsize length = username != NULL ? strlen (username) : 0;
  g_autofree char *lower = NULL;

  problem_init (problem, "MasterUsername", engine);
  problem->charset = RDS_CHARSET_USERNAME;
  problem->value = (gint64) length;
  problem->max = engine->username_max;
  problem->word = username;

  if (length == 0)
    return found (problem, RDS_PROBLEM_MISSING);
  if (!g_ascii_isalpha (username[0]))
    return found (problem, RDS_PROBLEM_FIRST_NOT_LETTER);
  if (!in_charset (username, RDS_CHARSET_USERNAME))
    return found (problem, RDS_PROBLEM_BAD_CHARACTERS);
  if (length > (gsize) engine->username_max)
    return found (problem, RDS_PROBLEM_TOO_LONG);

  lower = g_ascii_strdown (username, -1);
  if (g_strv_contains (reserved_usernames, lower) ||
      (engine->family == RDS_FAMILY_POSTGRES && g_str_has_prefix (lower, "pg_")))
    return found (problem, RDS_PROBLEM_RESERVED);

  return TRUE;
}

/* Never puts the password in the problem: no message can show it. */
gboolean
rds_rules_master_password (const RdsEngineInfo *engine,
                           const char          *password,
                           RdsProblem          *problem)
{
  gsize length = password != NULL ? strlen (password) : 0;

  problem_init (problem, "MasterUserPassword", engine);
  problem->charset = engine->family == RDS_FAMILY_ORACLE ? RDS_CHARSET_PASSWORD_ORACLE
                                                         : RDS_CHARSET_PASSWORD;
  problem->value = (gint64) length;
  problem->min = 8;
  problem->max = engine->password_max;

  if (length == 0)
    return found (problem, RDS_PROBLEM_MISSING);
  if (!in_charset (password, problem->charset))
    return found (problem, RDS_PROBLEM_BAD_CHARACTERS);
  if (length < 8)
    return found (problem, RDS_PROBLEM_TOO_SHORT);
  if (length > (gsize) engine->password_max)
    return found (problem, RDS_PROBLEM_TOO_LONG);
  return TRUE;
}

/**
 * rds_rules_db_name:
 * @db_name: (nullable): the initial database's name; %NULL for none
 */
gboolean
rds_rules_db_name (const RdsEngineInfo *engine,
                   const char          *db_name,
                   RdsProblem          *problem)
{
  gsize length = db_name != NULL ? strlen (db_name) : 0;

  problem_init (problem, "DBName", engine);
  problem->charset = engine->family == RDS_FAMILY_ORACLE ? RDS_CHARSET_ALPHANUMERIC : RDS_CHARSET_DB_NAME;
  problem->value = (gint64) length;
  problem->max = engine->family == RDS_FAMILY_ORACLE ? 8
                 : engine->family == RDS_FAMILY_POSTGRES ? 63 : 64;

  if (db_name == NULL)
    return TRUE;
  if (engine->family == RDS_FAMILY_SQLSERVER)
    return found (problem, RDS_PROBLEM_NOT_FOR_ENGINE);
  if (length == 0)
    return found (problem, RDS_PROBLEM_MISSING);
  if (!g_ascii_isalpha (db_name[0]))
    return found (problem, RDS_PROBLEM_FIRST_NOT_LETTER);
  if (!in_charset (db_name, problem->charset))
    return found (problem, RDS_PROBLEM_BAD_CHARACTERS);
  if ((gint64) length > problem->max)
    return found (problem, RDS_PROBLEM_TOO_LONG);
  return TRUE;
}

gboolean
rds_rules_port (const RdsEngineInfo *engine,
                int                  port,
                RdsProblem          *problem)
{
  static const int sqlserver_reserved[] = { 1234, 1434, 3260, 3343, 3389, 47001,
                                            49152, 49153, 49154, 49155, 49156 };

  problem_init (problem, "Port", engine);
  problem->value = port;
  problem->min = 1150;
  problem->max = 65535;

  if (port < 1150 || port > 65535)
    return found (problem, RDS_PROBLEM_OUT_OF_RANGE);
  if (engine->family == RDS_FAMILY_SQLSERVER)
    for (guint i = 0; i < G_N_ELEMENTS (sqlserver_reserved); i++)
      if (port == sqlserver_reserved[i])
        return found (problem, RDS_PROBLEM_RESERVED);
  return TRUE;
}

/**
 * rds_rules_tag:
 * @value: (nullable): a tag may have no value
 *
 * Keys of 1 to 128 characters, not starting with "aws:" or "rds:" (in any
 * case); values of up to 256; both of AWS's character set. The problem's
 * parameter is "TagKey" or "TagValue", its word the key.
 */
gboolean
rds_rules_tag (const char *key,
               const char *value,
               RdsProblem *problem)
{
  glong key_length = key != NULL ? g_utf8_strlen (key, -1) : 0;

  problem_init (problem, "TagKey", NULL);
  problem->charset = RDS_CHARSET_TAG;
  problem->value = key_length;
  problem->min = 1;
  problem->max = 128;
  problem->word = key;

  if (key_length == 0)
    return found (problem, RDS_PROBLEM_MISSING);
  if (key_length > 128)
    return found (problem, RDS_PROBLEM_TOO_LONG);
  if (g_ascii_strncasecmp (key, "aws:", 4) == 0 || g_ascii_strncasecmp (key, "rds:", 4) == 0)
    return found (problem, RDS_PROBLEM_RESERVED);
  if (!in_charset (key, RDS_CHARSET_TAG))
    return found (problem, RDS_PROBLEM_BAD_CHARACTERS);

  if (value == NULL)
    return TRUE;
  problem->parameter = "TagValue";
  problem->value = g_utf8_strlen (value, -1);
  problem->min = 0;
  problem->max = 256;
  if (!in_charset (value, RDS_CHARSET_TAG))
    return found (problem, RDS_PROBLEM_BAD_CHARACTERS);
  if (problem->value > 256)
    return found (problem, RDS_PROBLEM_TOO_LONG);
  return TRUE;
}

/**
 * rds_rules_storage_size:
 *
 * The storage type must be one the engine has, and the size within its
 * range. The problem's word is the storage type.
 */
gboolean
rds_rules_storage_size (const RdsEngineInfo *engine,
                        const char          *storage_type,
                        int                  allocated,
                        RdsProblem          *problem)
{
  RdsStorageRules rules;

  problem_init (problem, "StorageType", engine);
  problem->word = storage_type;
  problem->value = allocated;

  if (storage_type == NULL || !rds_catalog_storage_rules (engine, storage_type, allocated, &rules))
    return found (problem, RDS_PROBLEM_NOT_FOR_ENGINE);

  problem->parameter = "AllocatedStorage";
  problem->min = rules.min_storage;
  problem->max = rules.max_storage;
  if (allocated < rules.min_storage || allocated > rules.max_storage)
    return found (problem, RDS_PROBLEM_OUT_OF_RANGE);
  return TRUE;
}

/**
 * rds_rules_storage_change:
 * @current: the instance's storage now, in GiB
 *
 * Storage never shrinks; it grows by at least 10 %, which SQL Server
 * enforces and the other engines round up to (so for them a smaller step
 * passes, and becomes 10 %). The problem's min is the least it may be.
 */
gboolean
rds_rules_storage_change (const RdsEngineInfo *engine,
                          const char          *storage_type,
                          int                  current,
                          int                  requested,
                          RdsProblem          *problem)
{
  problem_init (problem, "AllocatedStorage", engine);
  problem->word = storage_type;
  problem->value = requested;
  problem->size = current;

  if (requested == current)
    return TRUE;
  if (requested < current)
    {
      problem->min = current;
      return found (problem, RDS_PROBLEM_SHRINKS);
    }
  problem->min = rds_rules_storage_growth_minimum (current);
  if (requested < problem->min && engine->family == RDS_FAMILY_SQLSERVER)
    return found (problem, RDS_PROBLEM_GROWS_TOO_LITTLE);
  return TRUE;
}

/* The least a storage of @current GiB grows to: 10 % more, rounded up. */
int
rds_rules_storage_growth_minimum (int current)
{
  return (current * 11 + 9) / 10;
}

/**
 * rds_rules_iops:
 * @iops: the Provisioned IOPS asked for
 *
 * For storage that takes IOPS (io1, and gp3 above its threshold): within
 * the range, and within the ratio to the size. The problem's word is the
 * storage type, its size the storage.
 */
gboolean
rds_rules_iops (const RdsEngineInfo *engine,
                const char          *storage_type,
                int                  allocated,
                int                  iops,
                RdsProblem          *problem)
{
  RdsStorageRules rules;

  problem_init (problem, "Iops", engine);
  problem->word = storage_type;
  problem->value = iops;
  problem->size = allocated;

  if (!rds_catalog_storage_rules (engine, storage_type, allocated, &rules) || rules.min_iops == 0)
    return TRUE;

  problem->min = rules.min_iops;
  problem->max = rules.max_iops;
  problem->low = rules.min_iops_per_gib;
  problem->high = rules.max_iops_per_gib;
  if (iops < rules.min_iops || iops > rules.max_iops)
    return found (problem, RDS_PROBLEM_OUT_OF_RANGE);
  if ((rules.max_iops_per_gib > 0 && iops > rules.max_iops_per_gib * allocated) ||
      (rules.min_iops_per_gib > 0 && iops < rules.min_iops_per_gib * allocated))
    return found (problem, RDS_PROBLEM_RATIO);
  return TRUE;
}

/**
 * rds_rules_throughput:
 *
 * For gp3 above its threshold: within the range, and at most 0.25 MiB/s
 * per IOPS. The problem's size is the IOPS.
 */
gboolean
rds_rules_throughput (const RdsEngineInfo *engine,
                      const char          *storage_type,
                      int                  allocated,
                      int                  iops,
                      int                  throughput,
                      RdsProblem          *problem)
{
  RdsStorageRules rules;

  problem_init (problem, "StorageThroughput", engine);
  problem->word = storage_type;
  problem->value = throughput;
  problem->size = iops;

  if (!rds_catalog_storage_rules (engine, storage_type, allocated, &rules) || rules.min_throughput == 0)
    return TRUE;

  problem->min = rules.min_throughput;
  problem->max = rules.max_throughput;
  problem->high = 0.25;
  if (throughput < rules.min_throughput || throughput > rules.max_throughput)
    return found (problem, RDS_PROBLEM_OUT_OF_RANGE);
  if (iops > 0 && throughput > iops / 4)
    return found (problem, RDS_PROBLEM_RATIO);
  return TRUE;
}

/**
 * rds_rules_max_storage:
 *
 * Storage autoscaling's threshold: at least 10 % over the allocated
 * storage, at most the storage type's maximum; none for magnetic storage.
 */
gboolean
rds_rules_max_storage (const RdsEngineInfo *engine,
                       const char          *storage_type,
                       int                  allocated,
                       int                  max_allocated,
                       RdsProblem          *problem)
{
  RdsStorageRules rules;

  problem_init (problem, "MaxAllocatedStorage", engine);
  problem->word = storage_type;
  problem->value = max_allocated;
  problem->size = allocated;

  if (storage_type == NULL || g_str_equal (storage_type, "standard") ||
      !rds_catalog_storage_rules (engine, storage_type, allocated, &rules))
    return found (problem, RDS_PROBLEM_NOT_FOR_ENGINE);

  problem->min = rds_rules_storage_growth_minimum (allocated);
  problem->max = rules.max_storage;
  if (max_allocated < problem->min || max_allocated > problem->max)
    return found (problem, RDS_PROBLEM_OUT_OF_RANGE);
  return TRUE;
}

/**
 * rds_rules_instance_action:
 *
 * Whether @instance, as it is now, allows @action: the statuses of the
 * reference (§2.2), and for a stop, what RDS never stops. The console
 * offers the action in its menu exactly when the simulator would take it.
 * The problem's parameter is the action's name, its word the identifier,
 * its state the status.
 */
gboolean
rds_rules_instance_action (RdsDbInstance     *instance,
                           RdsInstanceAction  action,
                           RdsProblem        *problem)
{
  static const char * const names[] = {
    [RDS_INSTANCE_ACTION_MODIFY] = "ModifyDBInstance",
    [RDS_INSTANCE_ACTION_REBOOT] = "RebootDBInstance",
    [RDS_INSTANCE_ACTION_STOP] = "StopDBInstance",
    [RDS_INSTANCE_ACTION_START] = "StartDBInstance",
    [RDS_INSTANCE_ACTION_DELETE] = "DeleteDBInstance",
    [RDS_INSTANCE_ACTION_TAKE_SNAPSHOT] = "CreateDBSnapshot",
    [RDS_INSTANCE_ACTION_CREATE_READ_REPLICA] = "CreateDBInstanceReadReplica",
    [RDS_INSTANCE_ACTION_PROMOTE] = "PromoteReadReplica",
    [RDS_INSTANCE_ACTION_FAILOVER] = "RebootDBInstance",
    [RDS_INSTANCE_ACTION_CONVERT_TO_MULTI_AZ] = "ModifyDBInstance",
    [RDS_INSTANCE_ACTION_CONVERT_TO_SINGLE_AZ] = "ModifyDBInstance",
    [RDS_INSTANCE_ACTION_RESTORE_TO_POINT_IN_TIME] = "RestoreDBInstanceToPointInTime",
    /* Its first step */
    [RDS_INSTANCE_ACTION_ENCRYPT] = "CreateDBSnapshot",
  };
  RdsShape *shape = RDS_SHAPE (instance);
  const char *status = rds_db_instance_get_status (instance);
  const char * const *replicas = rds_shape_get_strv (shape, "read-replica-db-instance-identifiers");
  const char *engine = rds_db_instance_get_engine (instance);
  const RdsEngineInfo *info = engine != NULL ? rds_catalog_find_engine (engine) : NULL;
  gboolean modifiable;
  gboolean allowed;

  problem_init (problem, NULL, NULL);
  g_return_val_if_fail (action < G_N_ELEMENTS (names), FALSE);

  problem->parameter = names[action];
  problem->word = rds_db_instance_get_identifier (instance);
  problem->state = status;
  problem->engine = info;

  modifiable = g_strcmp0 (status, "available") == 0 || g_strcmp0 (status, "storage-optimization") == 0 ||
               g_strcmp0 (status, "storage-full") == 0;

  /* An Aurora DB instance: its cluster stops and starts, backs up and
   * restores, fails over; readers are added to the cluster, not made by
   * replication. */
  if (rds_shape_get_string (shape, "db-cluster-identifier") != NULL &&
      action != RDS_INSTANCE_ACTION_MODIFY && action != RDS_INSTANCE_ACTION_REBOOT &&
      action != RDS_INSTANCE_ACTION_DELETE && action != RDS_INSTANCE_ACTION_PROMOTE)
    return found (problem, RDS_PROBLEM_CLUSTER_MEMBER);

  switch (action)
    {
    case RDS_INSTANCE_ACTION_MODIFY:
      allowed = modifiable;
      break;
    case RDS_INSTANCE_ACTION_REBOOT:
    case RDS_INSTANCE_ACTION_STOP:
      allowed = g_strcmp0 (status, "available") == 0;
      break;
    case RDS_INSTANCE_ACTION_START:
      /* Starting one that lost its KMS key recovers it, once the key is
       * enabled again. */
      allowed = g_strcmp0 (status, "stopped") == 0 ||
                g_strcmp0 (status, "inaccessible-encryption-credentials-recoverable") == 0;
      break;
    case RDS_INSTANCE_ACTION_DELETE:
      allowed = status != NULL && g_strcmp0 (status, "deleting") != 0;
      break;
    case RDS_INSTANCE_ACTION_TAKE_SNAPSHOT:
      allowed = g_strcmp0 (status, "available") == 0 || g_strcmp0 (status, "storage-optimization") == 0;
      break;
    case RDS_INSTANCE_ACTION_CREATE_READ_REPLICA:
      if (info != NULL && !info->read_replica)
        return found (problem, RDS_PROBLEM_NOT_FOR_ENGINE);
      /* Another replica's snapshot may have the source backing up. */
      allowed = g_strcmp0 (status, "available") == 0 || g_strcmp0 (status, "storage-optimization") == 0 ||
                g_strcmp0 (status, "backing-up") == 0;
      break;
    case RDS_INSTANCE_ACTION_PROMOTE:
      if (rds_shape_get_string (shape, "read-replica-source-db-instance-identifier") == NULL)
        return found (problem, RDS_PROBLEM_NOT_A_REPLICA);
      allowed = g_strcmp0 (status, "available") == 0;
      break;
    case RDS_INSTANCE_ACTION_FAILOVER:
      if (!rds_shape_get_boolean (shape, "multi-az"))
        return found (problem, RDS_PROBLEM_SINGLE_AZ);
      allowed = g_strcmp0 (status, "available") == 0;
      break;
    case RDS_INSTANCE_ACTION_CONVERT_TO_MULTI_AZ:
    case RDS_INSTANCE_ACTION_CONVERT_TO_SINGLE_AZ:
      /* What Modify's Multi-AZ choice does, offered on its own (so in the
       * statuses Modify is, storage-optimization and storage-full too);
       * not while a conversion waits for the window. */
      {
        RdsShape *values = rds_shape_get_object (shape, "pending-modified-values");
        gboolean multi_az = rds_shape_get_boolean (shape, "multi-az");

        if (values != NULL && rds_shape_get_tristate (values, "multi-az") != RDS_TRISTATE_UNSET)
          multi_az = rds_shape_get_tristate (values, "multi-az") == RDS_TRISTATE_TRUE;
        if (multi_az == (action == RDS_INSTANCE_ACTION_CONVERT_TO_MULTI_AZ))
          return found (problem, RDS_PROBLEM_ALREADY);
        /* SQL Server Express and Web have no Multi-AZ deployments. */
        if (action == RDS_INSTANCE_ACTION_CONVERT_TO_MULTI_AZ && info != NULL && !info->multi_az)
          return found (problem, RDS_PROBLEM_NOT_FOR_ENGINE);
        allowed = modifiable;
      }
      break;
    case RDS_INSTANCE_ACTION_ENCRYPT:
      /* A snapshot of it, copied encrypted, restored: a replica's
       * encryption is its source's. */
      if (rds_shape_get_boolean (shape, "storage-encrypted"))
        return found (problem, RDS_PROBLEM_ENCRYPTED);
      if (rds_shape_get_string (shape, "read-replica-source-db-instance-identifier") != NULL)
        return found (problem, RDS_PROBLEM_REPLICA);
      allowed = g_strcmp0 (status, "available") == 0;
      break;
    case RDS_INSTANCE_ACTION_RESTORE_TO_POINT_IN_TIME:
      /* A new instance from the backups, whatever the source is doing:
       * once there are backups, and a time they reach. */
      if (rds_shape_get_int (shape, "backup-retention-period") <= 0)
        return found (problem, RDS_PROBLEM_NO_BACKUPS);
      if (rds_shape_get_timestamp (shape, "latest-restorable-time") <= 0)
        return found (problem, RDS_PROBLEM_NOT_RESTORABLE_YET);
      allowed = TRUE;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  if (!allowed)
    return found (problem, RDS_PROBLEM_WRONG_STATUS);

  if (action == RDS_INSTANCE_ACTION_STOP)
    {
      if (rds_shape_get_string (shape, "read-replica-source-db-instance-identifier") != NULL)
        return found (problem, RDS_PROBLEM_READ_REPLICA);
      if (replicas != NULL && replicas[0] != NULL)
        return found (problem, RDS_PROBLEM_HAS_REPLICAS);
      if (engine != NULL && g_str_has_prefix (engine, "sqlserver") && rds_shape_get_boolean (shape, "multi-az"))
        return found (problem, RDS_PROBLEM_SQLSERVER_MULTI_AZ);
    }

  if (action == RDS_INSTANCE_ACTION_CREATE_READ_REPLICA)
    {
      gboolean is_replica = rds_shape_get_string (shape, "read-replica-source-db-instance-identifier") != NULL;
      gboolean few = engine != NULL && (g_str_has_prefix (engine, "oracle") || g_str_has_prefix (engine, "sqlserver"));

      if (rds_shape_get_int (shape, "backup-retention-period") <= 0)
        return found (problem, RDS_PROBLEM_NO_BACKUPS);
      if (is_replica && few)
        return found (problem, RDS_PROBLEM_NO_CASCADE);
      /* 15 replicas of a source (Oracle and SQL Server 5); 5 of a replica. */
      problem->max = few || is_replica ? 5 : 15;
      problem->value = replicas != NULL ? g_strv_length ((char **) replicas) : 0;
      if (problem->value >= problem->max)
        return found (problem, RDS_PROBLEM_TOO_MANY_REPLICAS);
    }

  return TRUE;
}

/* The same rules, worded as the RDS API's errors. */

gboolean
rds_rules_check_identifier (const char  *parameter,
                            const char  *value,
                            guint        max_length,
                            GError     **error)
{
  RdsProblem problem;

  rds_rules_identifier (parameter, value, max_length, &problem);
  return rds_problem_set_aws_error (&problem, error);
}

gboolean
rds_rules_check_master_username (const RdsEngineInfo  *engine,
                                 const char           *username,
                                 GError              **error)
{
  RdsProblem problem;

  rds_rules_master_username (engine, username, &problem);
  return rds_problem_set_aws_error (&problem, error);
}

gboolean
rds_rules_check_master_password (const RdsEngineInfo  *engine,
                                 const char           *password,
                                 GError              **error)
{
  RdsProblem problem;

  rds_rules_master_password (engine, password, &problem);
  return rds_problem_set_aws_error (&problem, error);
}

gboolean
rds_rules_check_db_name (const RdsEngineInfo  *engine,
                         const char           *db_name,
                         GError              **error)
{
  RdsProblem problem;

  rds_rules_db_name (engine, db_name, &problem);
  return rds_problem_set_aws_error (&problem, error);
}

gboolean
rds_rules_check_port (const RdsEngineInfo  *engine,
                      int                   port,
                      GError              **error)
{
  RdsProblem problem;

  rds_rules_port (engine, port, &problem);
  return rds_problem_set_aws_error (&problem, error);
}

gboolean
rds_rules_check_instance_action (RdsDbInstance      *instance,
                                 RdsInstanceAction   action,
                                 GError            **error)
{
  RdsProblem problem;

  rds_rules_instance_action (instance, action, &problem);
  return rds_problem_set_aws_error (&problem, error);
}

/* Both windows well-formed, and apart. */
gboolean
rds_rules_check_windows (const char  *backup_window,
                         const char  *maintenance_window,
                         GError     **error)
{
  RdsProblem problem;
  int start, length;

  if ((backup_window != NULL && !rds_rules_parse_backup_window (backup_window, &start, &length, error)) ||
      (maintenance_window != NULL &&
       !rds_rules_parse_maintenance_window (maintenance_window, &start, &length, error)))
    return FALSE;
  rds_rules_windows (backup_window, maintenance_window, &problem);
  return rds_problem_set_aws_error (&problem, error);
}

gboolean
rds_rules_check_tag (const char  *key,
                     const char  *value,
                     GError     **error)
{
  RdsProblem problem;

  rds_rules_tag (key, value, &problem);
  return rds_problem_set_aws_error (&problem, error);
}

static gboolean
parse_hh_mm (const char *text,
             int        *minutes)
{
  if (strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;

  int h = (text[0] - '0') * 10 + (text[1] - '0');
  int m = (text[3] - '0') * 10 + (text[4] - '0');

  if (h > 23 || m > 59)
    return FALSE;

  *minutes = h * 60 + m;
  return TRUE;
}

gboolean
rds_rules_parse_backup_window (const char *text,
                               int        *start,
                               int        *length,
                               GError    **error)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", "-", -1);
  int from, to;

  if (g_strv_length (parts) != 2 || !parse_hh_mm (parts[0], &from))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid backup window time '%s' specified. Should be specified as a time "
                   "hh24:mi (24H Clock UTC). Example: 03:15",
                   g_strv_length (parts) > 0 ? parts[0] : "");
      return FALSE;
    }
  if (!parse_hh_mm (parts[1], &to))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid backup window time '%s' specified. Should be specified as a time "
                   "hh24:mi (24H Clock UTC). Example: 03:15", parts[1]);
      return FALSE;
    }

  *start = from;
  *length = ((to - from) % 1440 + 1440) % 1440;
  if (*length < 30)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                           "Backup window must be at least 30 minutes.");
      return FALSE;
    }
  if (*length > 24 * 60 - 1)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                           "Backup window must be less than 24 hours.");
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_day_time (const char *text,
                int        *minutes)
{
  int day = -1;
  int time;

  if (strlen (text) != 9 || text[3] != ':')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (weekdays); i++)
    if (g_ascii_strncasecmp (text, weekdays[i], 3) == 0)
      day = i;

  if (day < 0 || !parse_hh_mm (text + 4, &time))
    return FALSE;

  *minutes = day * 1440 + time;
  return TRUE;
}

gboolean
rds_rules_parse_maintenance_window (const char *text,
                                    int        *start,
                                    int        *length,
                                    GError    **error)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", "-", -1);
  int from, to;

  if (g_strv_length (parts) != 2 || !parse_day_time (parts[0], &from))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid maintenance window time '%s' specified. Should be specified as a "
                   "time ddd:hh24:mi (24H Clock UTC). Example: Mon:00:15",
                   g_strv_length (parts) > 0 ? parts[0] : "");
      return FALSE;
    }
  if (!parse_day_time (parts[1], &to))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid maintenance window time '%s' specified. Should be specified as a "
                   "time ddd:hh24:mi (24H Clock UTC). Example: Mon:00:15", parts[1]);
      return FALSE;
    }

  *start = from;
  *length = ((to - from) % RDS_MINUTES_PER_WEEK + RDS_MINUTES_PER_WEEK) %
            RDS_MINUTES_PER_WEEK;
  if (*length < 30)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                           "Maintenance window must be at least 30 minutes.");
      return FALSE;
    }
  if (*length > 24 * 60)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                           "Maintenance window must be less than 24 hours.");
      return FALSE;
    }

  return TRUE;
}

char *
rds_rules_format_backup_window (int start,
                                int length)
{
  int end = (start + length) % 1440;

  return g_strdup_printf ("%02d:%02d-%02d:%02d", start / 60, start % 60, end / 60, end % 60);
}

char *
rds_rules_format_maintenance_window (int start,
                                     int length)
{
  int end = (start + length) % RDS_MINUTES_PER_WEEK;

  return g_strdup_printf ("%s:%02d:%02d-%s:%02d:%02d",
                          weekdays[start / 1440], start % 1440 / 60, start % 60,
                          weekdays[end / 1440], end % 1440 / 60, end % 60);
}

static gboolean
intervals_overlap (int a_start,
                   int a_length,
                   int b_start,
                   int b_length)
{
  /* Half-open intervals on the line; the caller unrolls the circle. */
  return a_start < b_start + b_length && b_start < a_start + a_length;
}

/**
 * rds_rules_windows_overlap:
 *
 * The backup window recurs every day, the maintenance window once a week;
 * touching ends (03:00-04:00 and mon:04:00-mon:05:00) are fine.
 */
gboolean
rds_rules_windows_overlap (int backup_start,
                           int backup_length,
                           int maintenance_start,
                           int maintenance_length)
{
  for (int day = -1; day <= 7; day++)
    {
      int b = day * 1440 + backup_start;

      for (int shift = -1; shift <= 1; shift++)
        if (intervals_overlap (b, backup_length,
                               maintenance_start + shift * RDS_MINUTES_PER_WEEK,
                               maintenance_length))
          return TRUE;
    }

  return FALSE;
}

/**
 * rds_rules_windows:
 * @backup_window: (nullable): "hh24:mi-hh24:mi", or %NULL for none
 * @maintenance_window: (nullable): "ddd:hh24:mi-ddd:hh24:mi", or %NULL
 *
 * The two windows may not overlap. Windows that do not parse are another
 * rule's (rds_rules_parse_*_window ()), not this one's.
 *
 * Returns: whether they are fine together
 */
gboolean
rds_rules_windows (const char *backup_window,
                   const char *maintenance_window,
                   RdsProblem *problem)
{
  int b_start, b_length, m_start, m_length;

  problem_init (problem, "PreferredMaintenanceWindow", NULL);
  if (backup_window == NULL || maintenance_window == NULL ||
      !rds_rules_parse_backup_window (backup_window, &b_start, &b_length, NULL) ||
      !rds_rules_parse_maintenance_window (maintenance_window, &m_start, &m_length, NULL))
    return TRUE;
  if (rds_rules_windows_overlap (b_start, b_length, m_start, m_length))
    return found (problem, RDS_PROBLEM_WINDOWS_OVERLAP);
  return TRUE;
}

/**
 * rds_rules_next_window_start:
 *
 * Returns: the first start of the weekly window strictly after @after_usec
 */
gint64
rds_rules_next_window_start (int    maintenance_start,
                             gint64 after_usec)
{
  const gint64 week = (gint64) RDS_MINUTES_PER_WEEK * 60 * G_USEC_PER_SEC;
  /* 1970-01-05 was a Monday. */
  const gint64 monday = (gint64) 4 * 86400 * G_USEC_PER_SEC;
  gint64 week_start = after_usec - ((after_usec - monday) % week + week) % week;
  gint64 candidate = week_start + (gint64) maintenance_start * 60 * G_USEC_PER_SEC;

  while (candidate <= after_usec)
    candidate += week;

  return candidate;
}

/**
 * rds_rules_final_snapshot_possible:
 * @status: a DB instance's status
 *
 * Whether deleting the instance can take a final snapshot: not of one that
 * never ran.
 */
gboolean
rds_rules_final_snapshot_possible (const char *status)
{
  return g_strcmp0 (status, "creating") != 0 && g_strcmp0 (status, "failed") != 0 &&
         g_strcmp0 (status, "incompatible-restore") != 0 &&
         g_strcmp0 (status, "incompatible-network") != 0 &&
         !g_str_has_prefix (status != NULL ? status : "", "inaccessible-encryption-credentials");
}
