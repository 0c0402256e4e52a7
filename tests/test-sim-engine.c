/* test-sim-engine.c: the simulator's rules, states, durations and errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs the engine on a paused clock and moves it explicitly.
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "rds-aws-error.h"
#include "rds-db-instance.h"
#include "rds-db-snapshot.h"
#include "rds-endpoint.h"
#include "rds-event.h"
#include "rds-pending-modified-values.h"
#include "rds-sim-engine.h"
#include "rds-rules.h"
#include "rds-tag.h"
#include "sim-state-text.h"

#define REGION "us-east-1"
/* Monday 2026-01-05 00:00:00 UTC */
#define START_TIME G_GINT64_CONSTANT (1767571200000000)
#define MINUTE 60
#define HOUR 3600
#define DAY 86400

typedef struct
{
  RdsSimClock  *clock;
  RdsSimEngine *engine;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->clock = rds_sim_clock_new (START_TIME, 1.0, TRUE);
  f->engine = rds_sim_engine_new (42, f->clock);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->engine);
  g_assert_finalize_object (f->clock);
}

/* Runs an action with name/value pairs ending in NULL. */
static RdsQueryResult *
call_valist (RdsSimEngine  *engine,
             const char    *action,
             GError       **error,
             va_list        args)
{
  g_autoptr(RdsRequest) request = rds_request_new (action);
  const char *name;

  while ((name = va_arg (args, const char *)) != NULL)
    rds_request_set (request, name, va_arg (args, const char *));

  return rds_sim_engine_call (engine, REGION, request, error);
}

static RdsQueryResult *
call (RdsSimEngine *engine,
      const char   *action,
      ...)
{
  g_autoptr(GError) error = NULL;
  RdsQueryResult *result;
  va_list args;

  va_start (args, action);
  result = call_valist (engine, action, &error, args);
  va_end (args);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* Expects the action to fail with @code, and returns the message. */
static char *
call_error (RdsSimEngine *engine,
            RdsAwsError   code,
            const char   *action,
            ...)
{
  g_autoptr(GError) error = NULL;
  RdsQueryResult *result;
  va_list args;

  va_start (args, action);
  result = call_valist (engine, action, &error, args);
  va_end (args);

  if (result != NULL)
    g_error ("%s succeeded, but %s was expected", action, rds_aws_error_get_code (code));
  g_assert_error (error, RDS_AWS_ERROR, (int) code);
  return g_strdup (error->message);
}

static void
assert_error (RdsSimEngine *engine,
              RdsAwsError   code,
              const char   *fragment,
              const char   *action,
              ...)
{
  g_autoptr(GError) error = NULL;
  RdsQueryResult *result;
  va_list args;

  va_start (args, action);
  result = call_valist (engine, action, &error, args);
  va_end (args);

  if (result != NULL)
    g_error ("%s succeeded, but %s was expected", action, rds_aws_error_get_code (code));
  if (error->code != (int) code)
    g_error ("%s failed with %s (%s), but %s was expected", action,
             rds_aws_error_get_code (error->code), error->message, rds_aws_error_get_code (code));
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
}

static RdsQueryResult *
create_postgres (RdsSimEngine *engine,
                 const char   *id)
{
  return call (engine, "CreateDBInstance",
               "DBInstanceIdentifier", id,
               "DBInstanceClass", "db.t3.micro",
               "Engine", "postgres",
               "MasterUsername", "postgres",
               "MasterUserPassword", "correct-horse-battery",
               "AllocatedStorage", "20",
               NULL);
}

static RdsDbInstance *
describe (RdsSimEngine *engine,
          const char   *id)
{
  g_autoptr(RdsQueryResult) result = call (engine, "DescribeDBInstances",
                                           "DBInstanceIdentifier", id, NULL);

  g_assert_cmpuint (result->items->len, ==, 1);
  return g_object_ref (g_ptr_array_index (result->items, 0));
}

static char *
status_of (RdsSimEngine *engine,
           const char   *id)
{
  g_autoptr(RdsDbInstance) instance = describe (engine, id);

  return g_strdup (rds_db_instance_get_status (instance));
}

/* Advances a minute at a time until the instance has @status; returns how
 * many seconds that took. */
static gint64
advance_until (RdsSimEngine *engine,
               const char   *id,
               const char   *status,
               gint64        limit)
{
  for (gint64 waited = 0; waited <= limit; waited += MINUTE)
    {
      g_autofree char *now = status_of (engine, id);

      if (g_str_equal (now, status))
        return waited;
      rds_sim_engine_advance (engine, MINUTE);
    }

  g_error ("%s did not become %s within %" G_GINT64_FORMAT " s", id, status, limit);
  return -1;
}

static guint
count_instances (RdsSimEngine *engine)
{
  g_autoptr(RdsQueryResult) result = call (engine, "DescribeDBInstances", NULL);

  return result->items->len;
}

static GPtrArray *
events_of (RdsSimEngine *engine,
           const char   *source_type,
           const char   *id,
           const char   *duration)
{
  RdsQueryResult *result = call (engine, "DescribeEvents",
                                 "SourceType", source_type,
                                 "SourceIdentifier", id,
                                 "Duration", duration,
                                 NULL);
  GPtrArray *messages = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < result->items->len; i++)
    g_ptr_array_add (messages, g_strdup (rds_event_get_message (g_ptr_array_index (result->items, i))));
  g_ptr_array_add (messages, NULL);
  rds_query_result_free (result);

  return messages;
}

static gboolean
has_message (GPtrArray  *messages,
             const char *message)
{
  return g_strv_contains ((const char * const *) messages->pdata, message);
}

/* Creating */

static void
test_create_lifecycle (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RdsQueryResult) created = create_postgres (f->engine, "Orders-DB");
  RdsDbInstance *instance = RDS_DB_INSTANCE (created->item);
  RdsShape *shape = RDS_SHAPE (instance);
  g_autoptr(RdsDbInstance) later = NULL;
  g_autoptr(GPtrArray) events = NULL;
  RdsShape *endpoint;
  gint64 creating, backing_up;

  /* Stored lowercase; creating, without an endpoint yet; the password shows
   * as pending while it is set. */
  g_assert_cmpstr (rds_db_instance_get_identifier (instance), ==, "orders-db");
  g_assert_cmpstr (rds_db_instance_get_status (instance), ==, "creating");
  g_assert_null (rds_shape_get_object (shape, "endpoint"));
  g_assert_cmpstr (rds_shape_get_string (rds_shape_get_object (shape, "pending-modified-values"),
                                         "master-user-password"), ==, "****");
  g_assert_cmpstr (rds_shape_get_string (shape, "engine-version"), ==, "17.4");
  g_assert_cmpstr (rds_shape_get_string (shape, "storage-type"), ==, "gp2");
  g_assert_cmpint (rds_shape_get_int (shape, "backup-retention-period"), ==, 1);
  g_assert_true (g_str_has_prefix (rds_db_instance_get_resource_id (instance), "db-"));
  g_assert_cmpuint (strlen (rds_db_instance_get_resource_id (instance)), ==, 29);
  g_assert_true (g_str_has_prefix (rds_db_instance_get_arn (instance), "arn:aws:rds:us-east-1:"));
  g_assert_true (g_str_has_suffix (rds_db_instance_get_arn (instance), ":db:orders-db"));
  g_assert_true (rds_shape_get_boolean (shape, "publicly-accessible"));
  g_assert_true (g_str_has_prefix (rds_shape_get_string (shape, "availability-zone"), "us-east-1"));

  /* 5 to 9 minutes of creating, then the first backup of 1 to 2.5 minutes. */
  creating = advance_until (f->engine, "orders-db", "backing-up", 20 * MINUTE);
  g_assert_cmpint (creating, >=, 5 * MINUTE);
  g_assert_cmpint (creating, <=, 10 * MINUTE);
  backing_up = advance_until (f->engine, "orders-db", "available", 10 * MINUTE);
  g_assert_cmpint (backing_up, >=, 1 * MINUTE);
  g_assert_cmpint (backing_up, <=, 3 * MINUTE);

  later = describe (f->engine, "ORDERS-DB");
  shape = RDS_SHAPE (later);
  endpoint = rds_shape_get_object (shape, "endpoint");
  g_assert_nonnull (endpoint);
  g_assert_cmpint (rds_shape_get_int (endpoint, "port"), ==, 5432);
  g_assert_true (g_str_has_prefix (rds_shape_get_string (endpoint, "address"), "orders-db."));
  g_assert_true (g_str_has_suffix (rds_shape_get_string (endpoint, "address"),
                                   ".us-east-1.rds.amazonaws.com"));
  g_assert_true (rds_pending_modified_values_is_empty (rds_shape_get_object (shape, "pending-modified-values")));
  g_assert_cmpint (rds_shape_get_timestamp (shape, "instance-create-time"), >, START_TIME);
  g_assert_cmpint (rds_shape_get_timestamp (shape, "latest-restorable-time"), >=,
                   rds_shape_get_timestamp (shape, "instance-create-time"));
  g_assert_nonnull (rds_shape_get_object (shape, "certificate-details"));

  events = events_of (f->engine, "db-instance", "orders-db", "60");
  g_assert_true (has_message (events, "DB instance created."));
  g_assert_true (has_message (events, "Backing up DB instance."));
  g_assert_true (has_message (events, "Finished DB Instance backup."));
}

static void
test_create_multi_az (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RdsQueryResult) created = call (f->engine, "CreateDBInstance",
                                            "DBInstanceIdentifier", "ha",
                                            "DBInstanceClass", "db.m5.large",
                                            "Engine", "mysql",
                                            "MasterUsername", "admin",
                                            "MasterUserPassword", "s3cret-Passw0rd",
                                            "AllocatedStorage", "100",
                                            "StorageType", "io1",
                                            "Iops", "3000",
                                            "MultiAZ", "true",
                                            "BackupRetentionPeriod", "0",
                                            NULL);
  RdsShape *shape = RDS_SHAPE (created->item);
  const char *primary = rds_shape_get_string (shape, "availability-zone");
  const char *secondary = rds_shape_get_string (shape, "secondary-availability-zone");
  gint64 creating;

  g_assert_true (rds_shape_get_boolean (shape, "multi-az"));
  g_assert_nonnull (secondary);
  g_assert_cmpstr (primary, !=, secondary);
  g_assert_cmpint (rds_shape_get_int (shape, "iops"), ==, 3000);

  /* A standby takes longer; without backups there is no backing-up step. */
  creating = advance_until (f->engine, "ha", "available", 30 * MINUTE);
  g_assert_cmpint (creating, >=, 7 * MINUTE);
}

static void
test_create_defaults_per_engine (Fixture       *f,
                                 gconstpointer  data)
{
  struct { const char *engine, *klass, *user; int port; const char *license; } cases[] = {
    { "mysql", "db.t4g.micro", "admin", 3306, "general-public-license" },
    { "mariadb", "db.t3.small", "admin", 3306, "general-public-license" },
    { "postgres", "db.m6g.large", "postgres", 5432, "postgresql-license" },
    { "oracle-ee", "db.m5.large", "admin", 1521, "bring-your-own-license" },
    { "oracle-se2", "db.t3.small", "admin", 1521, "license-included" },
    { "sqlserver-ex", "db.t3.micro", "admin", 1433, "license-included" },
    { "sqlserver-web", "db.t3.small", "admin", 1433, "license-included" },
    { "sqlserver-se", "db.m5.large", "admin", 1433, "license-included" },
    { "sqlserver-ee", "db.r5.xlarge", "admin", 1433, "license-included" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = g_strdup_printf ("db%u", i);
      g_autoptr(RdsQueryResult) created = call (f->engine, "CreateDBInstance",
                                                "DBInstanceIdentifier", id,
                                                "DBInstanceClass", cases[i].klass,
                                                "Engine", cases[i].engine,
                                                "MasterUsername", cases[i].user,
                                                "MasterUserPassword", "Passw0rd-long",
                                                "AllocatedStorage", "20",
                                                NULL);

      g_assert_cmpstr (rds_shape_get_string (created->item, "license-model"), ==, cases[i].license);
    }

  rds_sim_engine_advance (f->engine, 40 * MINUTE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = g_strdup_printf ("db%u", i);
      g_autoptr(RdsDbInstance) instance = describe (f->engine, id);
      RdsShape *endpoint = rds_shape_get_object (RDS_SHAPE (instance), "endpoint");

      g_assert_cmpstr (rds_db_instance_get_status (instance), ==, "available");
      g_assert_cmpint (rds_shape_get_int (endpoint, "port"), ==, cases[i].port);
    }
}

static void
test_create_errors (Fixture       *f,
                    gconstpointer  data)
{
  RdsSimEngine *e = f->engine;
  g_autoptr(RdsQueryResult) first = NULL;

#define BASE "DBInstanceClass", "db.t3.micro", "Engine", "postgres", \
             "MasterUsername", "postgres", "MasterUserPassword", "correct-horse"

  /* Identifiers */
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "Identifiers must begin with a letter",
                "CreateDBInstance", "DBInstanceIdentifier", "1db", BASE, "AllocatedStorage", "20", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "two consecutive hyphens",
                "CreateDBInstance", "DBInstanceIdentifier", "my--db", BASE, "AllocatedStorage", "20", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "end with a hyphen",
                "CreateDBInstance", "DBInstanceIdentifier", "mydb-", BASE, "AllocatedStorage", "20", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "at most 63",
                "CreateDBInstance", "DBInstanceIdentifier",
                "a234567890123456789012345678901234567890123456789012345678901234",
                BASE, "AllocatedStorage", "20", NULL);
  assert_error (e, RDS_AWS_ERROR_MISSING_PARAMETER, "DBInstanceIdentifier",
                "CreateDBInstance", BASE, "AllocatedStorage", "20", NULL);

  /* Engine, version, class */
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "Invalid DB engine: postgress",
                "CreateDBInstance", "DBInstanceIdentifier", "db", "DBInstanceClass", "db.t3.micro",
                "Engine", "postgress", "MasterUsername", "u", "MasterUserPassword", "correct-horse",
                "AllocatedStorage", "20", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "Cannot find version 9.6 for postgres",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "EngineVersion", "9.6",
                "AllocatedStorage", "20", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "DBInstanceClass=db.t4g.micro, Engine=oracle-ee",
                "CreateDBInstance", "DBInstanceIdentifier", "db", "DBInstanceClass", "db.t4g.micro",
                "Engine", "oracle-ee", "MasterUsername", "admin", "MasterUserPassword", "correct-horse",
                "AllocatedStorage", "20", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "DBInstanceClass=db.x9.huge",
                "CreateDBInstance", "DBInstanceIdentifier", "db", "DBInstanceClass", "db.x9.huge",
                "Engine", "mysql", "MasterUsername", "admin", "MasterUserPassword", "correct-horse",
                "AllocatedStorage", "20", NULL);

  /* Credentials, never echoing the password */
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "shorter than 8 characters",
                "CreateDBInstance", "DBInstanceIdentifier", "db", "DBInstanceClass", "db.t3.micro",
                "Engine", "postgres", "MasterUsername", "postgres", "MasterUserPassword", "short",
                "AllocatedStorage", "20", NULL);
  {
    g_autofree char *message = call_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "CreateDBInstance",
                                           "DBInstanceIdentifier", "db", "DBInstanceClass", "db.t3.micro",
                                           "Engine", "postgres", "MasterUsername", "postgres",
                                           "MasterUserPassword", "has@sign-secret",
                                           "AllocatedStorage", "20", NULL);
    g_assert_nonnull (strstr (message, "Only printable ASCII characters besides"));
    g_assert_null (strstr (message, "has@sign-secret"));
  }
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "longer than 41",
                "CreateDBInstance", "DBInstanceIdentifier", "db", "DBInstanceClass", "db.t3.micro",
                "Engine", "mysql", "MasterUsername", "admin",
                "MasterUserPassword", "0123456789012345678901234567890123456789xx",
                "AllocatedStorage", "20", NULL);
  assert_error (e, RDS_AWS_ERROR_MISSING_PARAMETER, "MasterUsername",
                "CreateDBInstance", "DBInstanceIdentifier", "db", "DBInstanceClass", "db.t3.micro",
                "Engine", "postgres", "MasterUserPassword", "correct-horse", "AllocatedStorage", "20", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "reserved word",
                "CreateDBInstance", "DBInstanceIdentifier", "db", "DBInstanceClass", "db.t3.micro",
                "Engine", "postgres", "MasterUsername", "rdsadmin", "MasterUserPassword", "correct-horse",
                "AllocatedStorage", "20", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "1 to 16",
                "CreateDBInstance", "DBInstanceIdentifier", "db", "DBInstanceClass", "db.t3.micro",
                "Engine", "mysql", "MasterUsername", "a_very_long_admin_name", "MasterUserPassword",
                "correct-horse", "AllocatedStorage", "20", NULL);

  /* Storage */
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                "Invalid storage size for engine name postgres and storage type gp2: 10",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "10", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "between 20 and 16384",
                "CreateDBInstance", "DBInstanceIdentifier", "db", "DBInstanceClass", "db.t3.micro",
                "Engine", "sqlserver-ex", "MasterUsername", "admin", "MasterUserPassword", "correct-horse",
                "AllocatedStorage", "20000", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "whole number",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "20GB", NULL);
  assert_error (e, RDS_AWS_ERROR_MISSING_PARAMETER, "AllocatedStorage",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "requires a Provisioned IOPS",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "100",
                "StorageType", "io1", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "iops to storage (GB) ratio",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "100",
                "StorageType", "io1", "Iops", "6000", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "storage size less than 400",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "100",
                "StorageType", "gp3", "Iops", "12000", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "You can't specify IOPS",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "100",
                "StorageType", "gp2", "Iops", "1000", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "Invalid storage type: ssd",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "100",
                "StorageType", "ssd", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "22 GiB or more",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "20",
                "MaxAllocatedStorage", "21", NULL);

  /* Availability, network, groups */
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "not valid for Multi-AZ",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "20",
                "MultiAZ", "true", "AvailabilityZone", "us-east-1a", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "sqlserver-ex",
                "CreateDBInstance", "DBInstanceIdentifier", "db", "DBInstanceClass", "db.t3.micro",
                "Engine", "sqlserver-ex", "MasterUsername", "admin", "MasterUserPassword", "correct-horse",
                "AllocatedStorage", "20", "MultiAZ", "true", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "us-east-1z",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "20",
                "AvailabilityZone", "us-east-1z", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "between 1150 and 65535",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "20",
                "Port", "80", NULL);
  assert_error (e, RDS_AWS_ERROR_DB_PARAMETER_GROUP_NOT_FOUND, "DB Parameter Group tuned not found.",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "20",
                "DBParameterGroupName", "tuned", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "DBParameterGroupFamily postgres17",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "20",
                "DBParameterGroupName", "default.mysql8.0", NULL);
  assert_error (e, RDS_AWS_ERROR_DB_SUBNET_GROUP_NOT_FOUND, "DBSubnetGroup 'private' not found.",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "20",
                "DBSubnetGroupName", "private", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "SQL Server",
                "CreateDBInstance", "DBInstanceIdentifier", "db", "DBInstanceClass", "db.t3.micro",
                "Engine", "sqlserver-ex", "MasterUsername", "admin", "MasterUserPassword", "correct-horse",
                "AllocatedStorage", "20", "DBName", "app", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "alphanumeric",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "20",
                "DBName", "my-app", NULL);

  /* Windows and backups */
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "must not overlap",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "20",
                "PreferredBackupWindow", "03:00-04:00", "PreferredMaintenanceWindow", "tue:03:30-tue:04:30",
                NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "Invalid backup window time '0700'",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "20",
                "PreferredBackupWindow", "0700-0800", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "at least 30 minutes",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "20",
                "PreferredMaintenanceWindow", "mon:01:00-mon:01:15", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "Retention period must be between 0 and 35",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "20",
                "BackupRetentionPeriod", "36", NULL);

  /* Encryption, CA, authentication, monitoring */
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                "You must enable StorageEncrypted when you specify KmsKeyId",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "20",
                "KmsKeyId", "alias/aws/rds", NULL);
  assert_error (e, RDS_AWS_ERROR_KMS_KEY_NOT_ACCESSIBLE, "alias/mine",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "20",
                "StorageEncrypted", "true", "KmsKeyId", "alias/mine", NULL);
  assert_error (e, RDS_AWS_ERROR_CERTIFICATE_NOT_FOUND, "rds-ca-2015",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "20",
                "CACertificateIdentifier", "rds-ca-2015", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "MonitoringRoleARN value is required",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "20",
                "MonitoringInterval", "60", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "IAM database authentication",
                "CreateDBInstance", "DBInstanceIdentifier", "db", "DBInstanceClass", "db.m5.large",
                "Engine", "oracle-ee", "MasterUsername", "admin", "MasterUserPassword", "correct-horse",
                "AllocatedStorage", "20", "EnableIAMDatabaseAuthentication", "true", NULL);
  assert_error (e, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "aws:",
                "CreateDBInstance", "DBInstanceIdentifier", "db", BASE, "AllocatedStorage", "20",
                "Tags.Tag.1.Key", "aws:owner", "Tags.Tag.1.Value", "me", NULL);

  /* Nothing above created anything. */
  g_assert_cmpuint (count_instances (e), ==, 0);
  g_assert_false (rds_sim_engine_is_dirty (e));

  /* Duplicates, in any case */
  first = create_postgres (e, "db");
  assert_error (e, RDS_AWS_ERROR_DB_INSTANCE_ALREADY_EXISTS, "DB instance already exists",
                "CreateDBInstance", "DBInstanceIdentifier", "DB", BASE, "AllocatedStorage", "20", NULL);

  /* Quotas */
  rds_sim_engine_set_quota (e, RDS_SIM_QUOTA_INSTANCES, 1);
  assert_error (e, RDS_AWS_ERROR_INSTANCE_QUOTA_EXCEEDED, NULL,
                "CreateDBInstance", "DBInstanceIdentifier", "db2", BASE, "AllocatedStorage", "20", NULL);
  rds_sim_engine_set_quota (e, RDS_SIM_QUOTA_INSTANCES, 40);
  rds_sim_engine_set_quota (e, RDS_SIM_QUOTA_STORAGE_GIB, 100);
  assert_error (e, RDS_AWS_ERROR_STORAGE_QUOTA_EXCEEDED, NULL,
                "CreateDBInstance", "DBInstanceIdentifier", "db2", BASE, "AllocatedStorage", "81", NULL);
  g_assert_cmpuint (count_instances (e), ==, 1);

  /* Unknown actions */
  assert_error (e, RDS_AWS_ERROR_INVALID_ACTION, "DescribeEverything", "DescribeEverything", NULL);
#undef BASE
}

static void
test_create_storage_defaults (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(RdsQueryResult) small = NULL;
  g_autoptr(RdsQueryResult) large = NULL;
  g_autoptr(RdsQueryResult) io1 = NULL;

  small = call (f->engine, "CreateDBInstance", "DBInstanceIdentifier", "small",
                "DBInstanceClass", "db.t3.micro", "Engine", "postgres",
                "MasterUsername", "postgres", "MasterUserPassword", "correct-horse",
                "AllocatedStorage", "100", "StorageType", "gp3", "MaxAllocatedStorage", "1000", NULL);
  g_assert_cmpint (rds_shape_get_int (small->item, "iops"), ==, 3000);
  g_assert_cmpint (rds_shape_get_int (small->item, "storage-throughput"), ==, 125);
  g_assert_cmpint (rds_shape_get_int (small->item, "max-allocated-storage"), ==, 1000);

  large = call (f->engine, "CreateDBInstance", "DBInstanceIdentifier", "large",
                "DBInstanceClass", "db.m5.large", "Engine", "postgres",
                "MasterUsername", "postgres", "MasterUserPassword", "correct-horse",
                "AllocatedStorage", "400", "StorageType", "gp3", NULL);
  g_assert_cmpint (rds_shape_get_int (large->item, "iops"), ==, 12000);
  g_assert_cmpint (rds_shape_get_int (large->item, "storage-throughput"), ==, 500);
  g_assert_cmpint (rds_shape_get_int (large->item, "max-allocated-storage"), ==, -1);

  /* Iops alone means io1. */
  io1 = call (f->engine, "CreateDBInstance", "DBInstanceIdentifier", "fast",
              "DBInstanceClass", "db.m5.large", "Engine", "mysql",
              "MasterUsername", "admin", "MasterUserPassword", "correct-horse",
              "AllocatedStorage", "100", "Iops", "5000", "StorageEncrypted", "true", NULL);
  g_assert_cmpstr (rds_shape_get_string (io1->item, "storage-type"), ==, "io1");
  g_assert_true (g_str_has_prefix (rds_shape_get_string (io1->item, "kms-key-id"), "arn:aws:kms:us-east-1:"));
}

/* Describing */

static void
test_describe_pagination (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *marker = NULL;
  guint pages = 0;

  rds_sim_engine_set_quota (f->engine, RDS_SIM_QUOTA_INSTANCES, 100);
  for (guint i = 0; i < 45; i++)
    {
      g_autofree char *id = g_strdup_printf ("db-%02u", 44 - i);
      g_autoptr(RdsQueryResult) created = create_postgres (f->engine, id);
    }

  do
    {
      g_autoptr(RdsQueryResult) page = call (f->engine, "DescribeDBInstances",
                                             "MaxRecords", "20", "Marker", marker, NULL);

      for (guint i = 0; i < page->items->len; i++)
        g_ptr_array_add (seen, g_strdup (rds_db_instance_get_identifier (g_ptr_array_index (page->items, i))));
      g_free (marker);
      marker = g_strdup (page->marker);
      pages++;
      g_assert_cmpuint (page->items->len, ==, pages < 3 ? 20 : 5);
    }
  while (marker != NULL);

  /* Every instance once, sorted by identifier. */
  g_assert_cmpuint (pages, ==, 3);
  g_assert_cmpuint (seen->len, ==, 45);
  for (guint i = 0; i < seen->len; i++)
    {
      g_autofree char *expected = g_strdup_printf ("db-%02u", i);
      g_assert_cmpstr (g_ptr_array_index (seen, i), ==, expected);
    }

  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "Must be between 20 and 100",
                "DescribeDBInstances", "MaxRecords", "10", NULL);
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "Marker",
                "DescribeDBInstances", "Marker", "garbage!", NULL);
  assert_error (f->engine, RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND, "DBInstance nope not found.",
                "DescribeDBInstances", "DBInstanceIdentifier", "nope", NULL);
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "Unrecognized filter name: colour",
                "DescribeDBInstances", "Filters.Filter.1.Name", "colour",
                "Filters.Filter.1.Values.Value.1", "blue", NULL);
}

static void
test_describe_filters (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RdsQueryResult) a = create_postgres (f->engine, "pg-one");
  g_autoptr(RdsQueryResult) b = create_postgres (f->engine, "pg-two");
  g_autoptr(RdsQueryResult) c = call (f->engine, "CreateDBInstance",
                                      "DBInstanceIdentifier", "my-one", "DBInstanceClass", "db.t3.micro",
                                      "Engine", "mysql", "MasterUsername", "admin",
                                      "MasterUserPassword", "correct-horse", "AllocatedStorage", "20", NULL);
  g_autoptr(RdsQueryResult) by_engine = NULL;
  g_autoptr(RdsQueryResult) by_id = NULL;
  g_autoptr(RdsQueryResult) by_resource = NULL;

  by_engine = call (f->engine, "DescribeDBInstances", "Filters.Filter.1.Name", "engine",
                    "Filters.Filter.1.Values.Value.1", "postgres", NULL);
  g_assert_cmpuint (by_engine->items->len, ==, 2);

  by_id = call (f->engine, "DescribeDBInstances", "Filters.Filter.1.Name", "db-instance-id",
                "Filters.Filter.1.Values.Value.1", "my-one",
                "Filters.Filter.1.Values.Value.2", rds_db_instance_get_arn (RDS_DB_INSTANCE (b->item)), NULL);
  g_assert_cmpuint (by_id->items->len, ==, 2);

  by_resource = call (f->engine, "DescribeDBInstances", "Filters.Filter.1.Name", "dbi-resource-id",
                      "Filters.Filter.1.Values.Value.1",
                      rds_db_instance_get_resource_id (RDS_DB_INSTANCE (a->item)), NULL);
  g_assert_cmpuint (by_resource->items->len, ==, 1);
  g_assert_true (g_ptr_array_index (by_resource->items, 0) == (gpointer) a->item);
}

/* Modifying */

static RdsShape *
pending_of (RdsDbInstance *instance)
{
  return rds_shape_get_object (RDS_SHAPE (instance), "pending-modified-values");
}

static void
make_available (Fixture    *f,
                const char *id)
{
  g_autoptr(RdsQueryResult) created = create_postgres (f->engine, id);

  advance_until (f->engine, id, "available", 30 * MINUTE);
}

static void
test_modify_pending_until_window (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(RdsQueryResult) modified = NULL;
  g_autoptr(RdsDbInstance) instance = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *window = NULL;
  int start, length;
  gint64 window_start;

  make_available (f, "app");
  modified = call (f->engine, "ModifyDBInstance", "DBInstanceIdentifier", "app",
                   "DBInstanceClass", "db.m5.large", "PreferredMaintenanceWindow", "sun:05:00-sun:05:30",
                   "PreferredBackupWindow", "01:00-01:30", NULL);

  /* Still available, the class waiting for the window. */
  g_assert_cmpstr (rds_db_instance_get_status (RDS_DB_INSTANCE (modified->item)), ==, "available");
  g_assert_cmpstr (rds_shape_get_string (modified->item, "db-instance-class"), ==, "db.t3.micro");
  g_assert_cmpstr (rds_shape_get_string (pending_of (RDS_DB_INSTANCE (modified->item)), "db-instance-class"),
                   ==, "db.m5.large");
  g_assert_cmpstr (rds_shape_get_string (modified->item, "preferred-maintenance-window"), ==,
                   "sun:05:00-sun:05:30");

  /* Right up to the window nothing happens... */
  g_assert_true (rds_rules_parse_maintenance_window ("sun:05:00-sun:05:30", &start, &length, NULL));
  window_start = rds_rules_next_window_start (start, rds_sim_engine_get_now (f->engine));
  rds_sim_engine_advance (f->engine, (window_start - rds_sim_engine_get_now (f->engine)) / G_USEC_PER_SEC - 1);
  instance = describe (f->engine, "app");
  g_assert_cmpstr (rds_db_instance_get_status (instance), ==, "available");
  g_clear_object (&instance);

  /* ...then it is applied, with an outage. */
  rds_sim_engine_advance (f->engine, 2);
  instance = describe (f->engine, "app");
  g_assert_cmpstr (rds_db_instance_get_status (instance), ==, "modifying");
  g_clear_object (&instance);

  advance_until (f->engine, "app", "available", HOUR);
  instance = describe (f->engine, "app");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (instance), "db-instance-class"), ==, "db.m5.large");
  g_assert_true (rds_pending_modified_values_is_empty (RDS_PENDING_MODIFIED_VALUES (pending_of (instance))));

  events = events_of (f->engine, "db-instance", "app", "120");
  g_assert_true (has_message (events, "Applying modification to database instance class"));
  g_assert_true (has_message (events, "Finished applying modification to DB instance class"));
}

static void
test_modify_apply_immediately (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(RdsQueryResult) modified = NULL;
  g_autoptr(RdsDbInstance) instance = NULL;

  make_available (f, "app");
  modified = call (f->engine, "ModifyDBInstance", "DBInstanceIdentifier", "app",
                   "DBInstanceClass", "db.t3.small", "ApplyImmediately", "true", NULL);

  /* The pending value shows while it is applied, then the new value. */
  g_assert_cmpstr (rds_db_instance_get_status (RDS_DB_INSTANCE (modified->item)), ==, "modifying");
  g_assert_cmpstr (rds_shape_get_string (pending_of (RDS_DB_INSTANCE (modified->item)), "db-instance-class"),
                   ==, "db.t3.small");
  g_assert_cmpstr (rds_shape_get_string (modified->item, "db-instance-class"), ==, "db.t3.micro");

  /* A modifying instance takes no other change. */
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "is not in available state",
                "ModifyDBInstance", "DBInstanceIdentifier", "app", "DeletionProtection", "true", NULL);

  advance_until (f->engine, "app", "available", HOUR);
  instance = describe (f->engine, "app");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (instance), "db-instance-class"), ==, "db.t3.small");
  g_assert_null (rds_shape_get_string (pending_of (instance), "db-instance-class"));
}

static void
test_modify_storage (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RdsQueryResult) modified = NULL;
  g_autoptr(RdsQueryResult) other = NULL;
  g_autoptr(RdsDbInstance) instance = NULL;
  gint64 optimizing;

  make_available (f, "app");

  /* Storage never shrinks; below +10 % it rounds up for PostgreSQL. */
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                "Invalid storage size for engine name postgres and storage type gp2: 15",
                "ModifyDBInstance", "DBInstanceIdentifier", "app", "AllocatedStorage", "15",
                "ApplyImmediately", "true", NULL);
  modified = call (f->engine, "ModifyDBInstance", "DBInstanceIdentifier", "app",
                   "AllocatedStorage", "21", "ApplyImmediately", "true", NULL);
  g_assert_cmpint (rds_shape_get_int (pending_of (RDS_DB_INSTANCE (modified->item)), "allocated-storage"), ==, 22);

  advance_until (f->engine, "app", "storage-optimization", HOUR);
  instance = describe (f->engine, "app");
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (instance), "allocated-storage"), ==, 22);
  g_clear_object (&instance);

  /* While optimizing: no storage change, but other changes are fine. */
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "being optimized",
                "ModifyDBInstance", "DBInstanceIdentifier", "app", "AllocatedStorage", "50",
                "ApplyImmediately", "true", NULL);
  other = call (f->engine, "ModifyDBInstance", "DBInstanceIdentifier", "app",
                "DeletionProtection", "true", NULL);
  g_assert_true (rds_shape_get_boolean (other->item, "deletion-protection"));

  optimizing = advance_until (f->engine, "app", "available", 4 * HOUR);
  g_assert_cmpint (optimizing, >=, 50 * MINUTE);

  /* Within six hours of the last change, still no. */
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "less than 6 hours ago",
                "ModifyDBInstance", "DBInstanceIdentifier", "app", "AllocatedStorage", "50",
                "ApplyImmediately", "true", NULL);
  rds_sim_engine_advance (f->engine, 6 * HOUR);
  g_clear_pointer (&other, rds_query_result_free);
  other = call (f->engine, "ModifyDBInstance", "DBInstanceIdentifier", "app", "AllocatedStorage", "50",
                "StorageType", "gp3", "ApplyImmediately", "true", NULL);
  advance_until (f->engine, "app", "storage-optimization", HOUR);
  instance = describe (f->engine, "app");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (instance), "storage-type"), ==, "gp3");
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (instance), "iops"), ==, 3000);
}

static void
test_modify_immediate_settings (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(RdsQueryResult) a = NULL;
  g_autoptr(RdsQueryResult) b = NULL;
  g_autoptr(RdsQueryResult) c = NULL;

  make_available (f, "app");

  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "No modifications were requested",
                "ModifyDBInstance", "DBInstanceIdentifier", "app", NULL);
  assert_error (f->engine, RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND, NULL,
                "ModifyDBInstance", "DBInstanceIdentifier", "gone", "DeletionProtection", "true", NULL);

  /* Retention between non-zero values, windows, protection: at once. */
  a = call (f->engine, "ModifyDBInstance", "DBInstanceIdentifier", "app", "BackupRetentionPeriod", "7",
            "PreferredBackupWindow", "23:50-00:20", "PreferredMaintenanceWindow", "Wed:04:00-Wed:05:00",
            "DeletionProtection", "true", "MaxAllocatedStorage", "200", NULL);
  g_assert_cmpstr (rds_db_instance_get_status (RDS_DB_INSTANCE (a->item)), ==, "available");
  g_assert_cmpint (rds_shape_get_int (a->item, "backup-retention-period"), ==, 7);
  g_assert_cmpstr (rds_shape_get_string (a->item, "preferred-backup-window"), ==, "23:50-00:20");
  g_assert_cmpstr (rds_shape_get_string (a->item, "preferred-maintenance-window"), ==, "wed:04:00-wed:05:00");
  g_assert_true (rds_shape_get_boolean (a->item, "deletion-protection"));
  g_assert_cmpint (rds_shape_get_int (a->item, "max-allocated-storage"), ==, 200);

  /* Turning backups off takes an outage: pending. */
  b = call (f->engine, "ModifyDBInstance", "DBInstanceIdentifier", "app", "BackupRetentionPeriod", "0", NULL);
  g_assert_cmpint (rds_shape_get_int (b->item, "backup-retention-period"), ==, 7);
  g_assert_cmpint (rds_shape_get_int (pending_of (RDS_DB_INSTANCE (b->item)), "backup-retention-period"), ==, 0);

  /* A later ApplyImmediately flushes what was pending. */
  c = call (f->engine, "ModifyDBInstance", "DBInstanceIdentifier", "app", "ApplyImmediately", "true", NULL);
  g_assert_cmpstr (rds_db_instance_get_status (RDS_DB_INSTANCE (c->item)), ==, "modifying");
  advance_until (f->engine, "app", "available", HOUR);
  {
    g_autoptr(RdsDbInstance) instance = describe (f->engine, "app");
    g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (instance), "backup-retention-period"), ==, 0);
    g_assert_cmpint (rds_shape_get_timestamp (RDS_SHAPE (instance), "latest-restorable-time"), ==, 0);
  }

  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "must not overlap",
                "ModifyDBInstance", "DBInstanceIdentifier", "app", "PreferredBackupWindow", "04:30-05:00", NULL);
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "22 GiB or more",
                "ModifyDBInstance", "DBInstanceIdentifier", "app", "MaxAllocatedStorage", "21", NULL);
}

/* Reboot, stop, start */

static void
test_reboot (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RdsQueryResult) rebooting = NULL;
  g_autoptr(GPtrArray) events = NULL;
  gint64 took;

  make_available (f, "app");
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "Multi-AZ",
                "RebootDBInstance", "DBInstanceIdentifier", "app", "ForceFailover", "true", NULL);

  rebooting = call (f->engine, "RebootDBInstance", "DBInstanceIdentifier", "app", NULL);
  g_assert_cmpstr (rds_db_instance_get_status (RDS_DB_INSTANCE (rebooting->item)), ==, "rebooting");
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "Instance app is not in available state.",
                "RebootDBInstance", "DBInstanceIdentifier", "app", NULL);

  took = advance_until (f->engine, "app", "available", 10 * MINUTE);
  g_assert_cmpint (took, >=, MINUTE);
  g_assert_cmpint (took, <=, 3 * MINUTE);
  events = events_of (f->engine, "db-instance", "app", "10");
  g_assert_true (has_message (events, "DB instance restarted."));
}

static void
test_reboot_failover (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RdsQueryResult) created = call (f->engine, "CreateDBInstance",
                                            "DBInstanceIdentifier", "ha", "DBInstanceClass", "db.m5.large",
                                            "Engine", "postgres", "MasterUsername", "postgres",
                                            "MasterUserPassword", "correct-horse", "AllocatedStorage", "20",
                                            "MultiAZ", "true", NULL);
  g_autofree char *primary = g_strdup (rds_shape_get_string (created->item, "availability-zone"));
  g_autofree char *secondary = g_strdup (rds_shape_get_string (created->item, "secondary-availability-zone"));
  g_autoptr(RdsQueryResult) rebooted = NULL;
  g_autoptr(RdsDbInstance) after = NULL;
  g_autoptr(GPtrArray) events = NULL;

  advance_until (f->engine, "ha", "available", HOUR);
  rebooted = call (f->engine, "RebootDBInstance", "DBInstanceIdentifier", "ha", "ForceFailover", "true", NULL);
  advance_until (f->engine, "ha", "available", 10 * MINUTE);

  after = describe (f->engine, "ha");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (after), "availability-zone"), ==, secondary);
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (after), "secondary-availability-zone"), ==, primary);
  events = events_of (f->engine, "db-instance", "ha", "10");
  g_assert_true (has_message (events, "Multi-AZ instance failover started."));
  g_assert_true (has_message (events, "Multi-AZ instance failover completed."));
}

static void
test_stop_start (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RdsQueryResult) stopping = NULL;
  g_autoptr(RdsQueryResult) starting = NULL;
  g_autoptr(RdsDbInstance) stopped = NULL;
  g_autoptr(GPtrArray) events = NULL;

  make_available (f, "app");
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "is not stopped, it cannot be started",
                "StartDBInstance", "DBInstanceIdentifier", "app", NULL);

  stopping = call (f->engine, "StopDBInstance", "DBInstanceIdentifier", "app", NULL);
  g_assert_cmpstr (rds_db_instance_get_status (RDS_DB_INSTANCE (stopping->item)), ==, "stopping");
  advance_until (f->engine, "app", "stopped", 10 * MINUTE);

  /* It stopped within the last minute and starts again 7 days later. */
  stopped = describe (f->engine, "app");
  g_assert_cmpint (rds_shape_get_timestamp (RDS_SHAPE (stopped), "automatic-restart-time"), <=,
                   rds_sim_engine_get_now (f->engine) + (gint64) 7 * DAY * G_USEC_PER_SEC);
  g_assert_cmpint (rds_shape_get_timestamp (RDS_SHAPE (stopped), "automatic-restart-time"), >,
                   rds_sim_engine_get_now (f->engine) + (gint64) (7 * DAY - MINUTE) * G_USEC_PER_SEC);
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, NULL,
                "StopDBInstance", "DBInstanceIdentifier", "app", NULL);
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, NULL,
                "ModifyDBInstance", "DBInstanceIdentifier", "app", "DeletionProtection", "true", NULL);

  starting = call (f->engine, "StartDBInstance", "DBInstanceIdentifier", "app", NULL);
  g_assert_cmpstr (rds_db_instance_get_status (RDS_DB_INSTANCE (starting->item)), ==, "starting");
  g_assert_cmpint (rds_shape_get_timestamp (starting->item, "automatic-restart-time"), ==, 0);
  advance_until (f->engine, "app", "available", 10 * MINUTE);

  events = events_of (f->engine, "db-instance", "app", "60");
  g_assert_true (has_message (events, "DB instance stopped."));
  g_assert_true (has_message (events, "DB instance started."));
}

static void
test_stop_restarts_after_seven_days (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(RdsQueryResult) stopping = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *status = NULL;

  make_available (f, "app");
  stopping = call (f->engine, "StopDBInstance", "DBInstanceIdentifier", "app", NULL);
  advance_until (f->engine, "app", "stopped", 10 * MINUTE);

  rds_sim_engine_advance (f->engine, 7 * DAY - HOUR);
  status = status_of (f->engine, "app");
  g_assert_cmpstr (status, ==, "stopped");

  rds_sim_engine_advance (f->engine, HOUR);
  g_free (status);
  status = status_of (f->engine, "app");
  g_assert_cmpstr (status, ==, "starting");
  advance_until (f->engine, "app", "available", 10 * MINUTE);

  events = events_of (f->engine, "db-instance", "app", "30");
  g_assert_true (has_message (events, "DB instance is being started due to it exceeding the maximum "
                              "allowed time being stopped."));
  g_assert_true (has_message (events, "DB instance started."));
}

/* Deleting */

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RdsQueryResult) protected_db = NULL;
  g_autoptr(RdsQueryResult) deleting = NULL;
  g_autoptr(RdsQueryResult) snapshot = NULL;
  g_autoptr(RdsQueryResult) unprotect = NULL;
  g_autoptr(GPtrArray) events = NULL;

  make_available (f, "app");
  protected_db = call (f->engine, "ModifyDBInstance", "DBInstanceIdentifier", "app",
                       "DeletionProtection", "true", NULL);

  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                "Cannot delete protected DB Instance, please disable deletion protection and try again.",
                "DeleteDBInstance", "DBInstanceIdentifier", "app", "SkipFinalSnapshot", "true", NULL);
  unprotect = call (f->engine, "ModifyDBInstance", "DBInstanceIdentifier", "app",
                    "DeletionProtection", "false", NULL);

  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                "FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.",
                "DeleteDBInstance", "DBInstanceIdentifier", "app", NULL);
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, NULL,
                "DeleteDBInstance", "DBInstanceIdentifier", "app", "SkipFinalSnapshot", "true",
                "FinalDBSnapshotIdentifier", "last", NULL);

  deleting = call (f->engine, "DeleteDBInstance", "DBInstanceIdentifier", "app",
                   "FinalDBSnapshotIdentifier", "app-final", NULL);
  g_assert_cmpstr (rds_db_instance_get_status (RDS_DB_INSTANCE (deleting->item)), ==, "deleting");
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "already being deleted",
                "DeleteDBInstance", "DBInstanceIdentifier", "app", "SkipFinalSnapshot", "true", NULL);

  snapshot = call (f->engine, "DescribeDBSnapshots", "DBSnapshotIdentifier", "app-final", NULL);
  g_assert_cmpstr (rds_db_snapshot_get_status (g_ptr_array_index (snapshot->items, 0)), ==, "creating");

  rds_sim_engine_advance (f->engine, 30 * MINUTE);
  g_assert_cmpuint (count_instances (f->engine), ==, 0);
  assert_error (f->engine, RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND, NULL,
                "DescribeDBInstances", "DBInstanceIdentifier", "app", NULL);
  g_clear_pointer (&snapshot, rds_query_result_free);
  snapshot = call (f->engine, "DescribeDBSnapshots", "DBSnapshotIdentifier", "app-final", NULL);
  g_assert_cmpstr (rds_db_snapshot_get_status (g_ptr_array_index (snapshot->items, 0)), ==, "available");

  events = events_of (f->engine, "db-instance", "app", "60");
  g_assert_true (has_message (events, "DB instance deleted."));
}

static void
test_delete_while_creating (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(RdsQueryResult) created = create_postgres (f->engine, "app");
  g_autoptr(RdsQueryResult) deleting = NULL;

  assert_error (f->engine, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "a final snapshot cannot be taken",
                "DeleteDBInstance", "DBInstanceIdentifier", "app", "FinalDBSnapshotIdentifier", "x", NULL);
  deleting = call (f->engine, "DeleteDBInstance", "DBInstanceIdentifier", "app",
                   "SkipFinalSnapshot", "true", NULL);
  rds_sim_engine_advance (f->engine, 10 * MINUTE);
  g_assert_cmpuint (count_instances (f->engine), ==, 0);
}

/* Snapshots */

static void
test_snapshots (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RdsQueryResult) taken = NULL;
  g_autoptr(RdsQueryResult) listed = NULL;
  g_autoptr(RdsQueryResult) deleted = NULL;
  g_autoptr(RdsQueryResult) tagged = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *status = NULL;
  RdsDbSnapshot *snapshot;

  make_available (f, "app");
  tagged = call (f->engine, "ModifyDBInstance", "DBInstanceIdentifier", "app",
                 "CopyTagsToSnapshot", "true", NULL);
  g_clear_pointer (&tagged, rds_query_result_free);
  {
    g_autoptr(RdsDbInstance) instance = describe (f->engine, "app");
    g_autofree char *arn = g_strdup (rds_db_instance_get_arn (instance));

    tagged = call (f->engine, "AddTagsToResource", "ResourceName", arn,
                   "Tags.Tag.1.Key", "team", "Tags.Tag.1.Value", "billing", NULL);
  }

  taken = call (f->engine, "CreateDBSnapshot", "DBInstanceIdentifier", "app",
                "DBSnapshotIdentifier", "Before-Upgrade", NULL);
  snapshot = RDS_DB_SNAPSHOT (taken->item);
  g_assert_cmpstr (rds_db_snapshot_get_identifier (snapshot), ==, "before-upgrade");
  g_assert_cmpstr (rds_db_snapshot_get_status (snapshot), ==, "creating");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (snapshot), "snapshot-type"), ==, "manual");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (snapshot), "engine"), ==, "postgres");
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (snapshot), "port"), ==, 5432);
  g_assert_cmpuint (g_list_model_get_n_items (rds_shape_get_list (RDS_SHAPE (snapshot), "tag-list")), ==, 1);

  /* A Single-AZ instance backs up meanwhile. */
  status = status_of (f->engine, "app");
  g_assert_cmpstr (status, ==, "backing-up");
  assert_error (f->engine, RDS_AWS_ERROR_DB_SNAPSHOT_ALREADY_EXISTS,
                "a snapshot with the identifier before-upgrade already exists",
                "CreateDBSnapshot", "DBInstanceIdentifier", "app", "DBSnapshotIdentifier", "before-upgrade", NULL);
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, NULL,
                "CreateDBSnapshot", "DBInstanceIdentifier", "app", "DBSnapshotIdentifier", "another", NULL);
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_DB_SNAPSHOT_STATE, "wait until it is available",
                "DeleteDBSnapshot", "DBSnapshotIdentifier", "before-upgrade", NULL);

  rds_sim_engine_advance (f->engine, 90);
  listed = call (f->engine, "DescribeDBSnapshots", "DBInstanceIdentifier", "app", "SnapshotType", "manual", NULL);
  g_assert_cmpuint (listed->items->len, ==, 1);
  g_assert_cmpint (rds_shape_get_int (g_ptr_array_index (listed->items, 0), "percent-progress"), >, 0);

  advance_until (f->engine, "app", "available", 10 * MINUTE);
  g_clear_pointer (&listed, rds_query_result_free);
  listed = call (f->engine, "DescribeDBSnapshots", "SnapshotType", "manual", NULL);
  g_assert_cmpstr (rds_db_snapshot_get_status (g_ptr_array_index (listed->items, 0)), ==, "available");
  g_assert_cmpint (rds_shape_get_int (g_ptr_array_index (listed->items, 0), "percent-progress"), ==, 100);

  events = events_of (f->engine, "db-snapshot", "before-upgrade", "60");
  g_assert_true (has_message (events, "Creating manual snapshot."));
  g_assert_true (has_message (events, "Manual snapshot created."));

  deleted = call (f->engine, "DeleteDBSnapshot", "DBSnapshotIdentifier", "before-upgrade", NULL);
  g_assert_cmpstr (rds_db_snapshot_get_status (RDS_DB_SNAPSHOT (deleted->item)), ==, "deleted");
  assert_error (f->engine, RDS_AWS_ERROR_DB_SNAPSHOT_NOT_FOUND, "DBSnapshot before-upgrade not found.",
                "DescribeDBSnapshots", "DBSnapshotIdentifier", "before-upgrade", NULL);

  /* The quota */
  rds_sim_engine_set_quota (f->engine, RDS_SIM_QUOTA_MANUAL_SNAPSHOTS, 0);
  assert_error (f->engine, RDS_AWS_ERROR_SNAPSHOT_QUOTA_EXCEEDED, NULL,
                "CreateDBSnapshot", "DBInstanceIdentifier", "app", "DBSnapshotIdentifier", "more", NULL);
}

/* Events */

static void
test_events_window_and_retention (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(RdsQueryResult) recent = NULL;
  g_autoptr(RdsQueryResult) older = NULL;
  g_autoptr(RdsQueryResult) ranged = NULL;
  g_autoptr(RdsQueryResult) categories = NULL;
  g_autofree char *start = NULL;

  make_available (f, "app");
  rds_sim_engine_advance (f->engine, 2 * HOUR);

  /* The default is the last hour. */
  recent = call (f->engine, "DescribeEvents", NULL);
  g_assert_cmpuint (recent->items->len, ==, 0);
  /* The instance's own (its automated snapshot has its own events). */
  older = call (f->engine, "DescribeEvents", "Duration", "1440", "SourceType", "db-instance", NULL);
  g_assert_cmpuint (older->items->len, ==, 3);
  /* Oldest first. */
  g_assert_cmpstr (rds_event_get_message (g_ptr_array_index (older->items, 0)), ==, "DB instance created.");

  start = rds_format_timestamp (START_TIME);
  ranged = call (f->engine, "DescribeEvents", "StartTime", start, "SourceType", "db-instance", NULL);
  g_assert_cmpuint (ranged->items->len, ==, 3);
  categories = call (f->engine, "DescribeEvents", "StartTime", start, "SourceType", "db-instance",
                     "EventCategories.EventCategory.1", "backup", NULL);
  g_assert_cmpuint (categories->items->len, ==, 2);

  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "Invalid SourceType",
                "DescribeEvents", "SourceType", "db-thing", NULL);
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "ISO 8601",
                "DescribeEvents", "StartTime", "yesterday", NULL);

  /* Events are kept for 14 days. */
  rds_sim_engine_advance (f->engine, 15 * DAY);
  {
    g_autoptr(RdsQueryResult) kept = call (f->engine, "DescribeEvents", "StartTime", start, NULL);
    g_autoptr(RdsQueryResult) made = create_postgres (f->engine, "later");

    /* Only the daily backups of the last 14 days are left. */
    g_assert_cmpuint (kept->items->len, >, 0);
    for (guint i = 0; i < kept->items->len; i++)
      {
        RdsEvent *event = g_ptr_array_index (kept->items, i);

        g_assert_cmpint (rds_shape_get_timestamp (RDS_SHAPE (event), "date"), >=,
                         rds_sim_engine_get_now (f->engine) - (gint64) 14 * DAY * G_USEC_PER_SEC);
        g_assert_cmpstr (rds_event_get_message (event), !=, "DB instance created.");
      }
    rds_sim_engine_advance (f->engine, HOUR);
    g_clear_pointer (&kept, rds_query_result_free);
    kept = call (f->engine, "DescribeEvents", "StartTime", start, "SourceIdentifier", "later",
                 "SourceType", "db-instance", NULL);
    g_assert_cmpuint (kept->items->len, ==, 3);
    for (guint i = 0; i < kept->items->len; i++)
      g_assert_cmpstr (rds_event_get_source_identifier (g_ptr_array_index (kept->items, i)), ==, "later");
  }
}

static void
test_events_pagination (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *marker = NULL;
  guint total = 0;

  rds_sim_engine_set_quota (f->engine, RDS_SIM_QUOTA_INSTANCES, 100);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *id = g_strdup_printf ("db%u", i);
      g_autoptr(RdsQueryResult) created = create_postgres (f->engine, id);
    }
  rds_sim_engine_advance (f->engine, 20 * MINUTE);

  do
    {
      g_autoptr(RdsQueryResult) page = call (f->engine, "DescribeEvents", "MaxRecords", "20",
                                             "Marker", marker, NULL);

      total += page->items->len;
      g_free (marker);
      marker = g_strdup (page->marker);
    }
  while (marker != NULL);

  /* Each instance's three, and its first backup's two. */
  g_assert_cmpuint (total, ==, 30 * 5);
}

/* Tags */

static void
test_tags (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(RdsQueryResult) created = call (f->engine, "CreateDBInstance",
                                            "DBInstanceIdentifier", "app", "DBInstanceClass", "db.t3.micro",
                                            "Engine", "postgres", "MasterUsername", "postgres",
                                            "MasterUserPassword", "correct-horse", "AllocatedStorage", "20",
                                            "Tags.Tag.1.Key", "env", "Tags.Tag.1.Value", "dev", NULL);
  g_autofree char *arn = g_strdup (rds_db_instance_get_arn (RDS_DB_INSTANCE (created->item)));
  g_autoptr(RdsQueryResult) added = NULL;
  g_autoptr(RdsQueryResult) listed = NULL;
  g_autoptr(RdsQueryResult) removed = NULL;
  g_autoptr(RdsRequest) too_many = rds_request_new ("AddTagsToResource");
  g_autoptr(GError) error = NULL;
  g_autofree char *wrong_region = NULL;

  added = call (f->engine, "AddTagsToResource", "ResourceName", arn,
                "Tags.Tag.1.Key", "env", "Tags.Tag.1.Value", "prod",
                "Tags.Tag.2.Key", "team", "Tags.Tag.2.Value", "db", NULL);
  listed = call (f->engine, "ListTagsForResource", "ResourceName", arn, NULL);
  g_assert_cmpuint (listed->items->len, ==, 2);
  g_assert_cmpstr (rds_shape_get_string (g_ptr_array_index (listed->items, 0), "value"), ==, "prod");

  removed = call (f->engine, "RemoveTagsFromResource", "ResourceName", arn,
                  "TagKeys.member.1", "env", "TagKeys.member.2", "absent", NULL);
  g_clear_pointer (&listed, rds_query_result_free);
  listed = call (f->engine, "ListTagsForResource", "ResourceName", arn, NULL);
  g_assert_cmpuint (listed->items->len, ==, 1);
  g_assert_cmpstr (rds_shape_get_string (g_ptr_array_index (listed->items, 0), "key"), ==, "team");

  wrong_region = g_strdup (arn);
  memcpy (strstr (wrong_region, "us-east-1"), "us-west-2", 9);
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "does not match an RDS resource",
                "ListTagsForResource", "ResourceName", wrong_region, NULL);
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "does not match an RDS resource",
                "ListTagsForResource", "ResourceName", "not-an-arn", NULL);

  rds_request_set (too_many, "ResourceName", arn);
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *key = g_strdup_printf ("k%u", i);
      rds_request_add_tag (too_many, "Tags", key, "v");
    }
  g_assert_null (rds_sim_engine_call (f->engine, REGION, too_many, &error));
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE);
  g_assert_nonnull (strstr (error->message, "more than 50 tags"));
}

/* Catalog */

static void
test_engine_versions (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RdsQueryResult) defaults = call (f->engine, "DescribeDBEngineVersions", "DefaultOnly", "true", NULL);
  g_autoptr(RdsQueryResult) postgres = call (f->engine, "DescribeDBEngineVersions", "Engine", "postgres", NULL);
  g_autoptr(RdsQueryResult) family = call (f->engine, "DescribeDBEngineVersions",
                                           "DBParameterGroupFamily", "mysql8.0", NULL);
  g_autoptr(RdsQueryResult) aurora = call (f->engine, "DescribeDBEngineVersions", "Engine", "aurora-mysql", NULL);
  g_autoptr(RdsQueryResult) paged = call (f->engine, "DescribeDBEngineVersions", "MaxRecords", "20", NULL);
  g_autoptr(RdsQueryResult) rest = NULL;
  RdsShape *oldest;
  GListModel *targets;

  g_assert_cmpuint (defaults->items->len, ==, 11);
  g_assert_cmpuint (postgres->items->len, ==, 9);
  g_assert_cmpuint (family->items->len, ==, 3);
  /* Aurora MySQL 3 (MySQL 8.0) and 2 (5.7). */
  g_assert_cmpuint (aurora->items->len, ==, 4);
  g_assert_cmpstr (rds_shape_get_string (g_ptr_array_index (aurora->items, 0), "db-parameter-group-family"), ==,
                   "aurora-mysql8.0");

  /* 13.20 can go to newer 13s... none here, and to the 14s. */
  oldest = g_ptr_array_index (postgres->items, postgres->items->len - 1);
  g_assert_cmpstr (rds_shape_get_string (oldest, "engine-version"), ==, "13.20");
  targets = rds_shape_get_list (oldest, "valid-upgrade-target");
  g_assert_cmpuint (g_list_model_get_n_items (targets), ==, 2);

  g_assert_cmpuint (paged->items->len, ==, 20);
  g_assert_nonnull (paged->marker);
  rest = call (f->engine, "DescribeDBEngineVersions", "MaxRecords", "100", "Marker", paged->marker, NULL);
  g_assert_cmpuint (rest->items->len, ==, 9 + 5 + 6 + 2 + 2 + 4 * 5 + 4 + 5 - 20);

  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "Invalid DB engine",
                "DescribeDBEngineVersions", "Engine", "db2", NULL);
}

static void
test_orderable_options (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RdsQueryResult) micro = call (f->engine, "DescribeOrderableDBInstanceOptions",
                                          "Engine", "postgres", "EngineVersion", "17.4",
                                          "DBInstanceClass", "db.t3.micro", NULL);
  g_autoptr(RdsQueryResult) oracle = call (f->engine, "DescribeOrderableDBInstanceOptions",
                                           "Engine", "oracle-ee", "DBInstanceClass", "db.t4g.micro", NULL);
  g_autofree char *marker = NULL;
  guint total = 0;

  g_assert_cmpuint (micro->items->len, ==, 4);
  for (guint i = 0; i < micro->items->len; i++)
    {
      RdsShape *option = g_ptr_array_index (micro->items, i);

      g_assert_cmpuint (g_list_model_get_n_items (rds_shape_get_list (option, "availability-zones")), ==, 6);
      if (g_str_equal (rds_shape_get_string (option, "storage-type"), "io1"))
        g_assert_cmpint (rds_shape_get_int (option, "min-storage-size"), ==, 100);
    }
  g_assert_cmpuint (oracle->items->len, ==, 0);

  do
    {
      g_autoptr(RdsQueryResult) page = call (f->engine, "DescribeOrderableDBInstanceOptions",
                                             "Engine", "mariadb", "MaxRecords", "1000", "Marker", marker, NULL);
      total += page->items->len;
      g_free (marker);
      marker = g_strdup (page->marker);
    }
  while (marker != NULL);
  g_assert_cmpuint (total, ==, 6 * 54 * 4);

  assert_error (f->engine, RDS_AWS_ERROR_MISSING_PARAMETER, "Engine",
                "DescribeOrderableDBInstanceOptions", NULL);
}

static void
test_default_groups (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RdsQueryResult) subnets = call (f->engine, "DescribeDBSubnetGroups", NULL);
  g_autoptr(RdsQueryResult) params = call (f->engine, "DescribeDBParameterGroups",
                                           "DBParameterGroupName", "default.postgres16", NULL);
  g_autoptr(RdsQueryResult) all_params = call (f->engine, "DescribeDBParameterGroups", "MaxRecords", "100", NULL);
  g_autoptr(RdsQueryResult) security = call (f->engine, "DescribeDBSecurityGroups", NULL);
  RdsShape *group;

  g_assert_cmpuint (subnets->items->len, ==, 1);
  group = g_ptr_array_index (subnets->items, 0);
  g_assert_cmpstr (rds_shape_get_string (group, "db-subnet-group-name"), ==, "default");
  g_assert_cmpuint (g_list_model_get_n_items (rds_shape_get_list (group, "subnets")), ==, 6);
  g_assert_true (g_str_has_prefix (rds_shape_get_string (group, "vpc-id"), "vpc-"));

  g_assert_cmpuint (params->items->len, ==, 1);
  g_assert_cmpstr (rds_shape_get_string (g_ptr_array_index (params->items, 0), "db-parameter-group-family"),
                   ==, "postgres16");
  g_assert_cmpuint (all_params->items->len, >, 20);
  g_assert_cmpuint (security->items->len, ==, 1);

  assert_error (f->engine, RDS_AWS_ERROR_DB_SUBNET_GROUP_NOT_FOUND, NULL,
                "DescribeDBSubnetGroups", "DBSubnetGroupName", "private", NULL);
  assert_error (f->engine, RDS_AWS_ERROR_DB_PARAMETER_GROUP_NOT_FOUND, NULL,
                "DescribeDBParameterGroups", "DBParameterGroupName", "custom", NULL);
}

/* Determinism and persistence */

static char *
dump (RdsSimEngine *engine)
{
  return sim_state_dump (engine);
}

static void
run_script (RdsSimEngine *engine)
{
  g_autoptr(RdsQueryResult) a = create_postgres (engine, "alpha");
  g_autoptr(RdsQueryResult) b = NULL;
  g_autoptr(RdsQueryResult) c = NULL;
  g_autoptr(RdsQueryResult) d = NULL;

  rds_sim_engine_advance (engine, 20 * MINUTE);
  b = call (engine, "CreateDBInstance", "DBInstanceIdentifier", "beta", "DBInstanceClass", "db.m5.large",
            "Engine", "mysql", "MasterUsername", "admin", "MasterUserPassword", "correct-horse",
            "AllocatedStorage", "50", "MultiAZ", "true", NULL);
  c = call (engine, "ModifyDBInstance", "DBInstanceIdentifier", "alpha", "DBInstanceClass", "db.t3.small",
            "ApplyImmediately", "true", NULL);
  rds_sim_engine_advance (engine, 15 * MINUTE);
  d = call (engine, "CreateDBSnapshot", "DBInstanceIdentifier", "alpha", "DBSnapshotIdentifier", "s1", NULL);
}

static void
test_deterministic (void)
{
  g_autoptr(RdsSimClock) clock1 = rds_sim_clock_new (START_TIME, 1.0, TRUE);
  g_autoptr(RdsSimClock) clock2 = rds_sim_clock_new (START_TIME, 1.0, TRUE);
  g_autoptr(RdsSimClock) clock3 = rds_sim_clock_new (START_TIME, 1.0, TRUE);
  g_autoptr(RdsSimEngine) one = rds_sim_engine_new (7, clock1);
  g_autoptr(RdsSimEngine) two = rds_sim_engine_new (7, clock2);
  g_autoptr(RdsSimEngine) other = rds_sim_engine_new (8, clock3);
  g_autofree char *dump1 = NULL;
  g_autofree char *dump2 = NULL;
  g_autofree char *dump3 = NULL;

  run_script (one);
  run_script (two);
  run_script (other);
  dump1 = dump (one);
  dump2 = dump (two);
  dump3 = dump (other);

  g_assert_cmpstr (dump1, ==, dump2);
  g_assert_cmpstr (dump1, !=, dump3);
}

static RdsSimEngine *
load (const char   *text,
      RdsSimClock **clock_out)
{
  RdsSimClock *clock = rds_sim_clock_new (0, 1.0, TRUE);
  RdsSimEngine *engine = rds_sim_engine_new (1, clock);

  sim_state_load (engine, text);
  *clock_out = clock;
  return engine;
}

static void
test_save_load_continues (void)
{
  g_autoptr(RdsSimClock) clock = rds_sim_clock_new (START_TIME, 1.0, TRUE);
  g_autoptr(RdsSimEngine) original = rds_sim_engine_new (99, clock);
  g_autoptr(RdsSimClock) loaded_clock = NULL;
  g_autoptr(RdsSimEngine) loaded = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *reloaded = NULL;
  g_autofree char *after_original = NULL;
  g_autofree char *after_loaded = NULL;

  /* Saved in the middle of everything... */
  run_script (original);
  saved = dump (original);
  loaded = load (saved, &loaded_clock);
  reloaded = dump (loaded);
  g_assert_cmpstr (saved, ==, reloaded);
  g_assert_cmpint (rds_sim_clock_get_now (loaded_clock), ==, rds_sim_clock_get_now (clock));

  /* ...a loaded engine goes on exactly as the original. */
  rds_sim_engine_advance (original, 2 * HOUR);
  rds_sim_engine_advance (loaded, 2 * HOUR);
  {
    g_autoptr(RdsQueryResult) x = create_postgres (original, "gamma");
    g_autoptr(RdsQueryResult) y = create_postgres (loaded, "gamma");
  }
  rds_sim_engine_advance (original, HOUR);
  rds_sim_engine_advance (loaded, HOUR);
  after_original = dump (original);
  after_loaded = dump (loaded);
  g_assert_cmpstr (after_original, ==, after_loaded);
  g_assert_nonnull (strstr (after_loaded, "\"DBInstanceStatus\":\"available\""));
}

static void
test_changes_replay (void)
{
  g_autoptr(RdsSimClock) clock = rds_sim_clock_new (START_TIME, 1.0, TRUE);
  g_autoptr(RdsSimEngine) original = rds_sim_engine_new (5, clock);
  g_autoptr(RdsSimClock) replica_clock = NULL;
  g_autoptr(RdsSimEngine) replica = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GPtrArray) journal = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *arn = NULL;
  JsonNode *changes;

  base = dump (original);
  g_assert_null (rds_sim_engine_take_changes (original));

  /* Each step journals what changed, as the store does. */
  {
    g_autoptr(RdsQueryResult) a = create_postgres (original, "one");
    arn = g_strdup (rds_db_instance_get_arn (RDS_DB_INSTANCE (a->item)));
    g_ptr_array_add (journal, rds_sim_engine_take_changes (original));
  }
  rds_sim_engine_advance (original, 30 * MINUTE);
  {
    g_autoptr(RdsQueryResult) b = call (original, "AddTagsToResource", "ResourceName", arn,
                                        "Tags.Tag.1.Key", "x", NULL);
  }
  g_ptr_array_add (journal, rds_sim_engine_take_changes (original));
  {
    g_autoptr(RdsQueryResult) c = call (original, "DeleteDBInstance", "DBInstanceIdentifier", "one",
                                        "SkipFinalSnapshot", "true", NULL);
    g_ptr_array_add (journal, rds_sim_engine_take_changes (original));
  }
  rds_sim_engine_advance (original, 10 * MINUTE);
  g_ptr_array_add (journal, rds_sim_engine_take_changes (original));

  replica = load (base, &replica_clock);
  for (guint i = 0; i < journal->len; i++)
    if ((changes = g_ptr_array_index (journal, i)) != NULL)
      {
        g_assert_true (rds_sim_engine_apply_changes (replica, changes, &error));
        g_assert_no_error (error);
      }

  expected = dump (original);
  actual = dump (replica);
  g_assert_cmpstr (expected, ==, actual);
  g_assert_nonnull (strstr (actual, "DB instance deleted."));
}

/* One way to damage a journal entry: each leaves most of it readable. */
static void
damage_last_put (JsonObject *changes)
{
  JsonArray *put = json_object_get_array_member (changes, "put");
  JsonObject *last = json_array_get_object_element (put, json_array_get_length (put) - 1);

  json_object_remove_member (last, "sim");
}

static void
damage_event (JsonObject *changes)
{
  JsonArray *events = json_object_get_array_member (changes, "events");
  JsonObject *event = json_object_new ();

  json_object_set_string_member (event, "type", "event");
  json_object_set_string_member (event, "region", "mars-north-1");
  json_object_set_object_member (event, "shape", json_object_new ());
  json_array_add_object_element (events, event);
}

static void
damage_delete (JsonObject *changes)
{
  JsonArray *removed = json_object_get_array_member (changes, "delete");
  JsonObject *gone = json_object_new ();

  json_object_set_string_member (gone, "type", "db-proxy");
  json_object_set_string_member (gone, "region", "us-east-1");
  json_object_set_string_member (gone, "id", "one");
  json_array_add_object_element (removed, gone);
}

static void
damage_settings (JsonObject *changes)
{
  json_object_set_string_member (changes, "rng", "not a generator");
}

static void
test_changes_all_or_nothing (void)
{
  g_autoptr(RdsSimClock) clock = rds_sim_clock_new (START_TIME, 1.0, TRUE);
  g_autoptr(RdsSimEngine) original = rds_sim_engine_new (5, clock);
  g_autofree char *base = dump (original);
  g_autoptr(JsonNode) changes = NULL;
  void (*damages[]) (JsonObject *) = { damage_last_put, damage_event, damage_delete, damage_settings };

  rds_sim_engine_advance (original, 10 * MINUTE);
  {
    g_autoptr(RdsQueryResult) a = create_postgres (original, "one");
    g_autoptr(RdsQueryResult) b = create_postgres (original, "two");
  }
  changes = rds_sim_engine_take_changes (original);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (changes), "put")), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_autoptr(RdsSimClock) replica_clock = NULL;
      g_autoptr(RdsSimEngine) replica = load (base, &replica_clock);
      g_autofree char *text = json_to_string (changes, FALSE);
      g_autoptr(JsonNode) damaged = json_from_string (text, NULL);  /* a deep copy */
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      damages[i] (json_node_get_object (damaged));
      g_assert_false (rds_sim_engine_apply_changes (replica, damaged, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);

      /* Nothing of it was applied: not the first instance, not the clock. */
      after = dump (replica);
      g_assert_cmpstr (after, ==, base);
    }

  {
    g_autoptr(RdsSimClock) replica_clock = NULL;
    g_autoptr(RdsSimEngine) replica = load (base, &replica_clock);
    g_autoptr(GError) error = NULL;
    g_autofree char *expected = dump (original);
    g_autofree char *actual = NULL;

    g_assert_true (rds_sim_engine_apply_changes (replica, changes, &error));
    g_assert_no_error (error);
    actual = dump (replica);
    g_assert_cmpstr (actual, ==, expected);
  }
}

static void
test_clock (void)
{
  g_autoptr(RdsSimClock) paused = rds_sim_clock_new (START_TIME, 60.0, TRUE);
  g_autoptr(RdsSimClock) running = rds_sim_clock_new (START_TIME, 3600.0, FALSE);

  g_assert_cmpint (rds_sim_clock_get_now (paused), ==, START_TIME);
  rds_sim_clock_set_now (paused, START_TIME - 1);
  g_assert_cmpint (rds_sim_clock_get_now (paused), ==, START_TIME);
  rds_sim_clock_set_now (paused, START_TIME + 10);
  g_assert_cmpint (rds_sim_clock_get_now (paused), ==, START_TIME + 10);

  g_assert_cmpint (rds_sim_clock_get_now (running), >=, START_TIME);
  rds_sim_clock_set_rate (running, 100000.0);
  g_assert_cmpfloat (rds_sim_clock_get_rate (running), ==, 3600.0);
  rds_sim_clock_set_paused (running, TRUE);
  g_assert_cmpint (rds_sim_clock_get_now (running), ==, rds_sim_clock_get_now (running));
}

static void
test_windows (void)
{
  int start, length;

  g_assert_true (rds_rules_parse_backup_window ("23:50-00:20", &start, &length, NULL));
  g_assert_cmpint (start, ==, 23 * 60 + 50);
  g_assert_cmpint (length, ==, 30);
  g_assert_true (rds_rules_parse_maintenance_window ("Sun:23:30-Mon:00:30", &start, &length, NULL));
  g_assert_cmpint (length, ==, 60);

  /* Adjacent windows are fine, overlapping ones are not. */
  g_assert_false (rds_rules_windows_overlap (3 * 60, 60, 4 * 60, 60));
  g_assert_true (rds_rules_windows_overlap (3 * 60, 60, 3 * 60 + 59, 60));
  /* The daily backup window meets the weekly window on its day only. */
  g_assert_true (rds_rules_windows_overlap (23 * 60 + 50, 30, 6 * 1440 + 23 * 60 + 55, 30));
  g_assert_true (rds_rules_windows_overlap (0, 30, 0, 60));

  /* Monday 2026-01-05 00:00 → the next Monday 00:15 window starts that day. */
  g_assert_cmpint (rds_rules_next_window_start (15, START_TIME), ==, START_TIME + 15 * 60 * G_USEC_PER_SEC);
  g_assert_cmpint (rds_rules_next_window_start (0, START_TIME), ==,
                   START_TIME + (gint64) 7 * DAY * G_USEC_PER_SEC);
}

/* The port asked for at creation is the endpoint's once it is available,
 * also when the state was saved and loaded in between. */
static void
test_create_port (void)
{
  g_autoptr(RdsSimClock) clock = rds_sim_clock_new (START_TIME, 1.0, TRUE);
  g_autoptr(RdsSimEngine) original = rds_sim_engine_new (3, clock);
  g_autoptr(RdsSimClock) loaded_clock = NULL;
  g_autoptr(RdsSimEngine) loaded = NULL;
  g_autoptr(RdsQueryResult) created = NULL;
  g_autoptr(RdsDbInstance) instance = NULL;
  g_autofree char *saved = NULL;

  created = call (original, "CreateDBInstance", "DBInstanceIdentifier", "ported",
                  "DBInstanceClass", "db.t3.micro", "Engine", "postgres", "MasterUsername", "postgres",
                  "MasterUserPassword", "correct-horse", "AllocatedStorage", "20", "Port", "6543", NULL);
  saved = dump (original);
  loaded = load (saved, &loaded_clock);
  advance_until (loaded, "ported", "available", HOUR);
  instance = describe (loaded, "ported");
  g_assert_cmpint (rds_shape_get_int (rds_shape_get_object (RDS_SHAPE (instance), "endpoint"), "port"), ==, 6543);
}

#define WINDOW_BASE "DBInstanceClass", "db.t3.micro", "Engine", "postgres", \
                    "MasterUsername", "postgres", "MasterUserPassword", "correct-horse"

/* Asked only for a maintenance window, the simulator draws a backup window
 * clear of it, every time, as RDS does. */
static void
test_backup_window_avoids_maintenance (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(RdsQueryResult) probe = NULL;
  g_autofree char *maintenance = NULL;
  const char *backup;
  int start, length;

  /* A backup window the Region's block can draw, taken by maintenance. */
  probe = call (f->engine, "CreateDBInstance", "DBInstanceIdentifier", "probe", WINDOW_BASE,
                "AllocatedStorage", "20", NULL);
  backup = rds_shape_get_string (probe->item, "preferred-backup-window");
  g_assert_true (rds_rules_parse_backup_window (backup, &start, &length, NULL));
  maintenance = rds_rules_format_maintenance_window (start, 30);

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *id = g_strdup_printf ("db-%u", i);
      g_autoptr(RdsQueryResult) created = call (f->engine, "CreateDBInstance", "DBInstanceIdentifier", id,
                                                WINDOW_BASE, "AllocatedStorage", "20",
                                                "PreferredMaintenanceWindow", maintenance, NULL);
      int b_start, b_length, m_start, m_length;

      g_assert_true (rds_rules_parse_backup_window (rds_shape_get_string (created->item,
                                                                          "preferred-backup-window"),
                                                    &b_start, &b_length, NULL));
      g_assert_true (rds_rules_parse_maintenance_window (rds_shape_get_string (created->item,
                                                                               "preferred-maintenance-window"),
                                                         &m_start, &m_length, NULL));
      g_assert_false (rds_rules_windows_overlap (b_start, b_length, m_start, m_length));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/rds/sim/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("create/lifecycle", test_create_lifecycle);
  ADD ("create/multi-az", test_create_multi_az);
  ADD ("create/defaults-per-engine", test_create_defaults_per_engine);
  ADD ("create/errors", test_create_errors);
  ADD ("create/storage-defaults", test_create_storage_defaults);
  ADD ("describe/pagination", test_describe_pagination);
  ADD ("describe/filters", test_describe_filters);
  ADD ("modify/pending-until-window", test_modify_pending_until_window);
  ADD ("modify/apply-immediately", test_modify_apply_immediately);
  ADD ("modify/storage", test_modify_storage);
  ADD ("modify/immediate-settings", test_modify_immediate_settings);
  ADD ("reboot/plain", test_reboot);
  ADD ("reboot/failover", test_reboot_failover);
  ADD ("stop/stop-start", test_stop_start);
  ADD ("stop/restarts-after-seven-days", test_stop_restarts_after_seven_days);
  ADD ("delete/final-snapshot", test_delete);
  ADD ("delete/while-creating", test_delete_while_creating);
  ADD ("snapshots", test_snapshots);
  ADD ("events/window-and-retention", test_events_window_and_retention);
  ADD ("events/pagination", test_events_pagination);
  ADD ("tags", test_tags);
  ADD ("catalog/engine-versions", test_engine_versions);
  ADD ("catalog/orderable-options", test_orderable_options);
  ADD ("catalog/default-groups", test_default_groups);
  ADD ("backup-window-avoids-maintenance", test_backup_window_avoids_maintenance);
#undef ADD
  g_test_add_func ("/rds/sim/create-port", test_create_port);
  g_test_add_func ("/rds/sim/deterministic", test_deterministic);
  g_test_add_func ("/rds/sim/save-load-continues", test_save_load_continues);
  g_test_add_func ("/rds/sim/changes-replay", test_changes_replay);
  g_test_add_func ("/rds/sim/changes-all-or-nothing", test_changes_all_or_nothing);
  g_test_add_func ("/rds/sim/clock", test_clock);
  g_test_add_func ("/rds/sim/windows", test_windows);

  return g_test_run ();
}
