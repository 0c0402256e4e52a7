/* rds-validation.c: what is wrong with a form's value, in the user's words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wizards check every field as the user types. The verdict comes from
 * the very rules the simulator enforces (rds-rules, rds-catalog), as an
 * RdsProblem; these functions only say what is wrong in a translated
 * sentence, as the RDS console does, instead of the API's English message.
 */

#include "config.h"

#include "rds-validation.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "rds-rules.h"

/* Whole decimal numbers only: "20", not "20GiB" or "2e1". */
gboolean
rds_parse_int (const char *text,
               int        *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  gint64 number;

  if (*stripped == '\0' || strlen (stripped) > 9)
    return FALSE;
  for (const char *p = stripped; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  number = g_ascii_strtoll (stripped, NULL, 10);
  *value = (int) number;
  return TRUE;
}

/**
 * rds_problem_describe:
 *
 * Words a rule's verdict in the user's language, as the RDS console says
 * it next to the field.
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL if there is
 *   no problem
 */
char *
rds_problem_describe (const RdsProblem *problem)
{
  const char *parameter = problem->parameter != NULL ? problem->parameter : "";
  guint max = (guint) problem->max;

  switch (problem->code)
    {
    case RDS_PROBLEM_NONE:
      return NULL;

    case RDS_PROBLEM_MISSING:
      if (g_str_equal (parameter, "DBInstanceIdentifier"))
        return g_strdup (_("Enter a DB instance identifier."));
      if (g_str_equal (parameter, "DBSnapshotIdentifier"))
        return g_strdup (_("Enter a snapshot name."));
      if (g_str_equal (parameter, "MasterUsername"))
        return g_strdup (_("Enter a master username."));
      if (g_str_equal (parameter, "MasterUserPassword"))
        return g_strdup (_("Enter a master password."));
      if (g_str_equal (parameter, "TagKey"))
        return g_strdup (_("Enter a key."));
      return g_strdup (_("Enter a value."));

    case RDS_PROBLEM_FIRST_NOT_LETTER:
      return g_strdup (_("Must begin with a letter."));

    case RDS_PROBLEM_BAD_CHARACTERS:
      switch (problem->charset)
        {
        case RDS_CHARSET_IDENTIFIER:
          return g_strdup (_("Can only contain ASCII letters, digits and hyphens."));
        case RDS_CHARSET_USERNAME:
        case RDS_CHARSET_DB_NAME:
          return g_strdup (_("Can only contain ASCII letters, digits and underscores."));
        case RDS_CHARSET_ALPHANUMERIC:
          return g_strdup (_("Can only contain ASCII letters and digits."));
        case RDS_CHARSET_PASSWORD:
          return g_strdup (_("Use printable ASCII characters other than / (slash), \" (double quote), "
                             "@ (at sign) and spaces."));
        case RDS_CHARSET_PASSWORD_ORACLE:
          return g_strdup (_("Use printable ASCII characters other than / (slash), ' (single quote), "
                             "\" (double quote), @ (at sign), & (ampersand) and spaces."));
        case RDS_CHARSET_TAG:
        default:
          return g_strdup (_("Can only contain letters, digits, spaces and _ . : / = + - @."));
        }

    case RDS_PROBLEM_DOUBLE_HYPHEN:
      return g_strdup (_("Can't contain two consecutive hyphens."));

    case RDS_PROBLEM_ENDS_WITH_HYPHEN:
      return g_strdup (_("Can't end with a hyphen."));

    case RDS_PROBLEM_TOO_SHORT:
      return g_strdup_printf (ngettext ("Must be at least %u character long.",
                                        "Must be at least %u characters long.", (guint) problem->min),
                              (guint) problem->min);

    case RDS_PROBLEM_TOO_LONG:
      return g_strdup_printf (ngettext ("Must be at most %u character long.",
                                        "Must be at most %u characters long.", max),
                              max);

    case RDS_PROBLEM_RESERVED:
      if (g_str_equal (parameter, "TagKey"))
        return g_strdup (_("Keys can't begin with “aws:” or “rds:”."));
      if (g_str_equal (parameter, "Port"))
        return g_strdup (_("SQL Server can't use ports 1234, 1434, 3260, 3343, 3389, 47001 and "
                           "49152–49156."));
      /* Translators: %s is a user name such as "admin" */
      return g_strdup_printf (_("“%s” is reserved by the database engine. Choose another name."),
                              problem->word != NULL ? problem->word : "");

    case RDS_PROBLEM_NOT_FOR_ENGINE:
      if (g_str_equal (parameter, "DBName"))
        return g_strdup (_("SQL Server doesn't take an initial database name; create databases once "
                           "the DB instance is available."));
      if (g_str_equal (parameter, "MaxAllocatedStorage") && g_strcmp0 (problem->word, "standard") == 0)
        return g_strdup (_("Storage autoscaling isn't available for magnetic storage."));
      return g_strdup (_("Choose a storage type."));

    case RDS_PROBLEM_WINDOWS_OVERLAP:
      return g_strdup (_("The backup window and the maintenance window can’t overlap."));

    case RDS_PROBLEM_SHRINKS:
      return g_strdup_printf (_("Storage can't shrink: enter %d GiB or more."), (int) problem->min);

    case RDS_PROBLEM_GROWS_TOO_LITTLE:
      return g_strdup_printf (_("Must grow by at least 10%%: enter %d GiB or more."), (int) problem->min);

    case RDS_PROBLEM_RATIO:
      if (g_str_equal (parameter, "StorageThroughput"))
        return g_strdup_printf (_("At most 0.25 MiB/s per IOPS: with %d IOPS, at most %d MiB/s."),
                                (int) problem->size, (int) problem->size / 4);
      if (problem->high > 0 && problem->value > problem->high * problem->size)
        return g_strdup_printf (_("At most %g IOPS per GiB: with %d GiB, at most %d IOPS."),
                                problem->high, (int) problem->size, (int) (problem->size * problem->high));
      return g_strdup_printf (_("At least %g IOPS per GiB: with %d GiB, at least %d IOPS."),
                              problem->low, (int) problem->size, (int) (problem->size * problem->low + 0.5));

    case RDS_PROBLEM_WRONG_STATUS:
      if (g_str_equal (parameter, "StopDBInstance"))
        return g_strdup (_("Only an available DB instance can be stopped."));
      /* Translators: %s is a DB instance status such as "backing-up" */
      return g_strdup_printf (_("Not possible while the DB instance is %s."),
                              problem->state != NULL ? problem->state : "");

    case RDS_PROBLEM_READ_REPLICA:
      return g_strdup (_("A read replica can't be stopped."));

    case RDS_PROBLEM_HAS_REPLICAS:
      return g_strdup (_("A DB instance with read replicas can't be stopped."));

    case RDS_PROBLEM_SQLSERVER_MULTI_AZ:
      return g_strdup (_("SQL Server Multi-AZ DB instances can't be stopped."));

    case RDS_PROBLEM_CLUSTER_MEMBER:
      if (g_str_equal (parameter, "StopDBInstance"))
        return g_strdup (_("Stop the DB cluster instead of its instances."));
      if (g_str_equal (parameter, "StartDBInstance"))
        return g_strdup (_("Start the DB cluster instead of its instances."));
      if (g_str_equal (parameter, "CreateDBSnapshot"))
        return g_strdup (_("Take a snapshot of the DB cluster instead of its instances."));
      if (g_str_equal (parameter, "CreateDBInstanceReadReplica"))
        return g_strdup (_("Add a reader to the DB cluster instead of a read replica."));
      if (g_str_equal (parameter, "RestoreDBInstanceToPointInTime"))
        return g_strdup (_("Restore the DB cluster to a point in time instead of its instances."));
      if (g_str_equal (parameter, "RebootDBInstance"))
        return g_strdup (_("Fail over the DB cluster instead: its readers take over."));
      return g_strdup (_("The DB cluster decides this for its instances."));

    case RDS_PROBLEM_NO_BACKUPS:
      if (g_str_equal (parameter, "RestoreDBInstanceToPointInTime"))
        return g_strdup (_("Turn on automated backups (a retention period of 1 day or more) to restore to a "
                           "point in time."));
      return g_strdup (_("Turn on automated backups (a retention period of 1 day or more) to create read "
                         "replicas."));

    case RDS_PROBLEM_TOO_MANY_REPLICAS:
      return g_strdup_printf (ngettext ("It already has %d read replica, the most it can have.",
                                           "It already has %d read replicas, the most it can have.",
                                           (gulong) problem->max),
                              (int) problem->max);

    case RDS_PROBLEM_NO_CASCADE:
      return g_strdup (_("This engine can't create a read replica of a read replica."));

    case RDS_PROBLEM_NOT_A_REPLICA:
      return g_strdup (_("Only a read replica can be promoted."));

    case RDS_PROBLEM_SINGLE_AZ:
      return g_strdup (_("Only a Multi-AZ DB instance can fail over."));

    case RDS_PROBLEM_ALREADY:
      return g_strdup (_("The DB instance is deployed that way already."));

    case RDS_PROBLEM_ENCRYPTED:
      return g_strdup (_("The DB instance is encrypted already."));

    case RDS_PROBLEM_REPLICA:
      return g_strdup (_("A read replica is encrypted as its source is: encrypt the source."));

    case RDS_PROBLEM_NOT_RESTORABLE_YET:
      return g_strdup (_("There is no restorable time yet: the first automated backup isn’t finished."));

    case RDS_PROBLEM_OUT_OF_RANGE:
      if (g_str_equal (parameter, "Port"))
        return g_strdup (_("The port must be between 1150 and 65535."));
      if (g_str_equal (parameter, "AllocatedStorage"))
        return g_strdup_printf (_("Must be between %d and %d GiB for this engine and storage type."),
                                (int) problem->min, (int) problem->max);
      if (g_str_equal (parameter, "Iops"))
        return g_strdup_printf (_("Must be between %d and %d IOPS at this size."),
                                (int) problem->min, (int) problem->max);
      if (g_str_equal (parameter, "StorageThroughput"))
        return g_strdup_printf (_("Must be between %d and %d MiB/s."), (int) problem->min, (int) problem->max);
      if (g_str_equal (parameter, "MaxAllocatedStorage") && problem->value < problem->min)
        return g_strdup_printf (_("Must be at least 10%% more than the allocated storage: %d GiB or "
                                  "more."), (int) problem->min);
      if (g_str_equal (parameter, "MaxAllocatedStorage"))
        return g_strdup_printf (_("Must be at most %d GiB."), (int) problem->max);
      return g_strdup_printf (_("Must be between %d and %d."), (int) problem->min, (int) problem->max);

    default:
      g_return_val_if_reached (g_strdup (_("The value is not valid.")));
    }
}

char *
rds_validate_instance_identifier (const char *value)
{
  RdsProblem problem;

  rds_rules_identifier ("DBInstanceIdentifier", value, 63, &problem);
  return rds_problem_describe (&problem);
}

char *
rds_validate_snapshot_identifier (const char *value)
{
  RdsProblem problem;

  rds_rules_identifier ("DBSnapshotIdentifier", value, 255, &problem);
  return rds_problem_describe (&problem);
}

char *
rds_validate_master_username (const RdsEngineInfo *engine,
                              const char          *value)
{
  RdsProblem problem;

  rds_rules_master_username (engine, value, &problem);
  return rds_problem_describe (&problem);
}

char *
rds_validate_master_password (const RdsEngineInfo *engine,
                              const char          *value)
{
  RdsProblem problem;

  rds_rules_master_password (engine, value, &problem);
  return rds_problem_describe (&problem);
}

/**
 * rds_validate_tag:
 * @value: (nullable): the tag's value, or %NULL to check the key alone
 */
char *
rds_validate_tag (const char *key,
                  const char *value)
{
  RdsProblem problem;

  rds_rules_tag (key, value, &problem);
  return rds_problem_describe (&problem);
}

/**
 * rds_validate_windows:
 * @backup_window: (nullable): the daily backup window, if any
 * @maintenance_window: (nullable): the weekly maintenance window, if any
 */
char *
rds_validate_windows (const char *backup_window,
                      const char *maintenance_window)
{
  RdsProblem problem;

  rds_rules_windows (backup_window, maintenance_window, &problem);
  return rds_problem_describe (&problem);
}

char *
rds_validate_password_confirmation (const char *password,
                                    const char *confirmation)
{
  if (confirmation == NULL || *confirmation == '\0')
    return g_strdup (_("Confirm the master password."));
  if (g_strcmp0 (password, confirmation) != 0)
    return g_strdup (_("The passwords don't match."));
  return NULL;
}

char *
rds_validate_db_name (const RdsEngineInfo *engine,
                      const char          *value)
{
  RdsProblem problem;

  /* Blank: no initial database (PostgreSQL makes "postgres" anyway). */
  if (value == NULL || *value == '\0')
    return NULL;
  rds_rules_db_name (engine, value, &problem);
  return rds_problem_describe (&problem);
}

char *
rds_validate_port (const RdsEngineInfo *engine,
                   const char          *text,
                   int                 *port)
{
  RdsProblem problem;
  int value;

  if (!rds_parse_int (text, &value))
    return g_strdup (_("Enter a port number."));
  if (!rds_rules_port (engine, value, &problem))
    return rds_problem_describe (&problem);

  *port = value;
  return NULL;
}

/* @current: the instance's storage when modifying, 0 when creating. */
char *
rds_validate_allocated_storage (const RdsEngineInfo *engine,
                                const char          *storage_type,
                                const char          *text,
                                int                  current,
                                int                 *allocated)
{
  RdsProblem problem;
  int value;

  if (!rds_parse_int (text, &value))
    return g_strdup (_("Enter the storage in GiB, as a whole number."));
  if (current > 0 && !rds_rules_storage_change (engine, storage_type, current, value, &problem))
    return rds_problem_describe (&problem);
  /* What RDS rounds a small growth up to must fit too. */
  if (!rds_rules_storage_size (engine, storage_type,
                               current > 0 && value > current
                               ? MAX (value, rds_rules_storage_growth_minimum (current)) : value,
                               &problem))
    return rds_problem_describe (&problem);

  *allocated = value;
  return NULL;
}

char *
rds_validate_iops (const RdsEngineInfo *engine,
                   const char          *storage_type,
                   int                  allocated,
                   const char          *text,
                   int                 *iops)
{
  RdsStorageRules rules;
  RdsProblem problem;
  int value;

  if (!rds_catalog_storage_rules (engine, storage_type, allocated, &rules) || rules.min_iops == 0)
    {
      *iops = 0;
      return NULL;
    }
  if (!rds_parse_int (text, &value))
    return g_strdup (_("Enter the provisioned IOPS, as a whole number."));
  if (!rds_rules_iops (engine, storage_type, allocated, value, &problem))
    return rds_problem_describe (&problem);

  *iops = value;
  return NULL;
}

char *
rds_validate_throughput (const RdsEngineInfo *engine,
                         const char          *storage_type,
                         int                  allocated,
                         int                  iops,
                         const char          *text,
                         int                 *throughput)
{
  RdsStorageRules rules;
  RdsProblem problem;
  int value;

  if (!rds_catalog_storage_rules (engine, storage_type, allocated, &rules) ||
      rules.min_throughput == 0)
    {
      *throughput = 0;
      return NULL;
    }
  if (!rds_parse_int (text, &value))
    return g_strdup (_("Enter the storage throughput in MiB/s, as a whole number."));
  if (!rds_rules_throughput (engine, storage_type, allocated, iops, value, &problem))
    return rds_problem_describe (&problem);

  *throughput = value;
  return NULL;
}

char *
rds_validate_max_storage (const RdsEngineInfo *engine,
                          const char          *storage_type,
                          int                  allocated,
                          const char          *text,
                          int                 *max_storage)
{
  RdsProblem problem;
  int value;

  if (!rds_parse_int (text, &value))
    return g_strdup (_("Enter the maximum storage threshold in GiB."));
  if (!rds_rules_max_storage (engine, storage_type, allocated, value, &problem))
    return rds_problem_describe (&problem);

  *max_storage = value;
  return NULL;
}

char *
rds_validate_kms_key (const char *value)
{
  if (value == NULL || *value == '\0')
    return g_strdup (_("Enter a KMS key ID, alias or ARN."));
  if (strchr (value, ' ') != NULL)
    return g_strdup (_("A KMS key ID, alias or ARN has no spaces."));
  return NULL;
}

/**
 * rds_validate_endpoint_url:
 * @required: whether it may be empty (AWS's own endpoints then)
 */
char *
rds_validate_endpoint_url (const char *value,
                           gboolean    required)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (value == NULL || *value == '\0')
    return required ? g_strdup (_("Enter the endpoint’s URL, such as http://127.0.0.1:9400.")) : NULL;

  uri = g_uri_parse (value, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (scheme == NULL || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    return g_strdup (_("The URL must start with http:// or https://, such as http://127.0.0.1:9400."));
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return g_strdup (_("The URL needs a host name or address after http://."));
  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL ||
      g_uri_get_userinfo (uri) != NULL)
    return g_strdup (_("Give the endpoint’s address alone, without a user, a query or a fragment."));
  return NULL;
}

/**
 * rds_validate_access_key_id:
 * @aws: whether it is an AWS access key (20 capitals and digits, such as
 *   AKIAIOSFODNN7EXAMPLE); other endpoints take any word
 */
char *
rds_validate_access_key_id (const char *value,
                            gboolean    aws)
{
  gsize length = value != NULL ? strlen (value) : 0;

  if (length == 0)
    return g_strdup (_("Enter the access key ID."));
  for (const char *p = value; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || (aws && !g_ascii_isupper (*p) && !g_ascii_isdigit (*p)))
      return g_strdup (aws ? _("An AWS access key ID has only capital letters and digits, such as AKIAIOSFODNN7EXAMPLE.")
                           : _("An access key ID has no spaces."));
  if (aws && (length < 16 || length > 128))
    return g_strdup (_("An AWS access key ID is 16 to 128 characters long, usually 20."));
  return NULL;
}

char *
rds_validate_secret_access_key (const char *value)
{
  if (value == NULL || *value == '\0')
    return g_strdup (_("Enter the secret access key."));
  for (const char *p = value; *p != '\0'; p++)
    if (g_ascii_isspace (*p))
      return g_strdup (_("A secret access key has no spaces."));
  return NULL;
}
