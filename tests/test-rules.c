/* test-rules.c: the console and the simulator give the same verdicts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every case of every shared rule goes through both: the console's field
 * check (rds-validation, in the user's words) and the simulator's action
 * (the AWS error). They must agree on whether the value passes, and each
 * must say something when it does not.
 */

#include "config.h"

#include <string.h>

#include "rds-aws-error.h"
#include "rds-db-cluster.h"
#include "rds-db-instance.h"
#include "rds-rules.h"
#include "rds-sim-engine.h"
#include "rds-validation.h"
#include "sim-calls.h"
#include "sim-state-text.h"

#define REGION "us-east-1"
#define START_TIME G_GINT64_CONSTANT (1767571200000000)

typedef enum
{
  INSTANCE_ID,
  SNAPSHOT_ID,
  USERNAME,
  PASSWORD,
  DB_NAME,
  PORT,
  TAG_KEY,
  TAG_VALUE,
  STORAGE,          /* gp2, when creating */
  STORAGE_GROWTH,   /* gp2 from 100 GiB, when modifying */
  STORAGE_GROWTH_NEAR_MAX,  /* gp2 from 65,000 GiB: rounded up past the maximum */
  IOPS,             /* io1 with 100 GiB */
  THROUGHPUT,       /* gp3 with 400 GiB and 12,000 IOPS */
  MAX_STORAGE,      /* gp2 with 100 GiB */
  WINDOWS,          /* "backup window|maintenance window" */
} Rule;

typedef struct
{
  Rule        rule;
  const char *engine;
  const char *input;
  gboolean    valid;
} Case;

/* What the simulator's message must be about: the rule, not another. */
static const char * const mentions[] = {
  [INSTANCE_ID] = "DBInstanceIdentifier",
  [SNAPSHOT_ID] = "DBSnapshotIdentifier",
  [USERNAME] = "MasterUsername",
  [PASSWORD] = "MasterUserPassword",
  [DB_NAME] = "DBName",
  [PORT] = "port",
  [TAG_KEY] = "tag",
  [TAG_VALUE] = "tag",
  [STORAGE] = "storage",
  [STORAGE_GROWTH] = "torage",
  [STORAGE_GROWTH_NEAR_MAX] = "torage",
  [IOPS] = "IOPS",
  [THROUGHPUT] = "throughput",
  [MAX_STORAGE] = "storage",
  [WINDOWS] = "window",
};

static const char long_64[] = "a123456789012345678901234567890123456789012345678901234567890123";

static const Case cases[] = {
  { INSTANCE_ID, "postgres", "db-1", TRUE },
  { INSTANCE_ID, "postgres", "", FALSE },
  { INSTANCE_ID, "postgres", "1db", FALSE },
  { INSTANCE_ID, "postgres", "db_1", FALSE },
  { INSTANCE_ID, "postgres", "db--1", FALSE },
  { INSTANCE_ID, "postgres", "db-", FALSE },
  { INSTANCE_ID, "postgres", long_64, FALSE },
  { INSTANCE_ID, "postgres", long_64 + 1, FALSE },  /* 63 characters, a digit first */
  { INSTANCE_ID, "postgres", "Db-1", TRUE },
  { SNAPSHOT_ID, "postgres", "nightly-1", TRUE },
  { SNAPSHOT_ID, "postgres", "nightly_1", FALSE },
  { SNAPSHOT_ID, "postgres", "-nightly", FALSE },
  { SNAPSHOT_ID, "postgres", "nightly-", FALSE },
  { USERNAME, "postgres", "admin_1", TRUE },
  { USERNAME, "postgres", "", FALSE },
  { USERNAME, "postgres", "1admin", FALSE },
  { USERNAME, "postgres", "ad-min", FALSE },
  { USERNAME, "postgres", "pg_admin", FALSE },
  { USERNAME, "mysql", "pg_admin", TRUE },
  { USERNAME, "mysql", "rdsadmin", FALSE },
  { USERNAME, "mysql", "SELECT", FALSE },
  { USERNAME, "mysql", "abcdefghij0123456789abcdefghij0", FALSE },
  { USERNAME, "mysql", "abcdefghij0123456789abcdefghij", FALSE },
  { PASSWORD, "postgres", "correct-horse", TRUE },
  { PASSWORD, "postgres", "", FALSE },
  { PASSWORD, "postgres", "short", FALSE },
  { PASSWORD, "postgres", "has space in", FALSE },
  { PASSWORD, "postgres", "has/slash1", FALSE },
  { PASSWORD, "postgres", "has@at-sign", FALSE },
  { PASSWORD, "postgres", "amp&ersand1", TRUE },
  { PASSWORD, "oracle-ee", "amp&ersand1", FALSE },
  { PASSWORD, "mysql", "abcdefghij0123456789abcdefghij0123456789a", TRUE },
  { PASSWORD, "mysql", "abcdefghij0123456789abcdefghij0123456789ab", FALSE },
  { DB_NAME, "postgres", "", TRUE },
  { DB_NAME, "postgres", "app_db", TRUE },
  { DB_NAME, "postgres", "1app", FALSE },
  { DB_NAME, "postgres", "app-db", FALSE },
  { DB_NAME, "oracle-ee", "ORCL", TRUE },
  { DB_NAME, "oracle-ee", "ORCL_1", FALSE },
  { DB_NAME, "oracle-ee", "ORCL12345", FALSE },
  { DB_NAME, "sqlserver-se", "master2", FALSE },
  { DB_NAME, "sqlserver-se", "", TRUE },
  { PORT, "postgres", "5432", TRUE },
  { PORT, "postgres", "1149", FALSE },
  { PORT, "postgres", "65536", FALSE },
  { PORT, "sqlserver-se", "1434", FALSE },
  { PORT, "sqlserver-se", "1433", TRUE },
  { PORT, "postgres", "1434", TRUE },
  { TAG_KEY, "postgres", "team", TRUE },
  { TAG_KEY, "postgres", "팀 이름", TRUE },
  { TAG_KEY, "postgres", "cost-center:a/b=c+d@e_f.g", TRUE },
  { TAG_KEY, "postgres", "", FALSE },
  { TAG_KEY, "postgres", "aws:owner", FALSE },
  { TAG_KEY, "postgres", "RDS:owner", FALSE },
  { TAG_KEY, "postgres", "team!", FALSE },
  { TAG_KEY, "postgres", "<script>", FALSE },
  { TAG_VALUE, "postgres", "", TRUE },
  { TAG_VALUE, "postgres", "Data Platform", TRUE },
  { TAG_VALUE, "postgres", "a;b", FALSE },
  { STORAGE, "postgres", "100", TRUE },
  { STORAGE, "postgres", "20", TRUE },
  { STORAGE, "postgres", "19", FALSE },
  { STORAGE, "postgres", "70000", FALSE },
  { STORAGE, "sqlserver-se", "20", TRUE },
  { STORAGE, "sqlserver-se", "19", FALSE },
  { STORAGE_GROWTH, "postgres", "150", TRUE },
  { STORAGE_GROWTH, "postgres", "99", FALSE },
  { STORAGE_GROWTH, "postgres", "105", TRUE },   /* rounded up to 110 */
  { STORAGE_GROWTH, "sqlserver-se", "105", FALSE },
  { STORAGE_GROWTH, "sqlserver-se", "110", TRUE },
  { STORAGE_GROWTH_NEAR_MAX, "postgres", "65100", FALSE },  /* would become 71,500 */
  { STORAGE_GROWTH_NEAR_MAX, "postgres", "65536", FALSE },  /* likewise */
  { IOPS, "postgres", "3000", TRUE },
  { IOPS, "postgres", "1000", TRUE },
  { IOPS, "postgres", "999", FALSE },
  { IOPS, "postgres", "6000", FALSE },
  { THROUGHPUT, "postgres", "500", TRUE },
  { THROUGHPUT, "postgres", "100", FALSE },
  { THROUGHPUT, "postgres", "3001", FALSE },
  { MAX_STORAGE, "postgres", "110", TRUE },
  { MAX_STORAGE, "postgres", "1000", TRUE },
  { MAX_STORAGE, "postgres", "109", FALSE },
  /* Daily against weekly, across midnight and the week's end. */
  { WINDOWS, "postgres", "03:00-03:30|mon:03:30-mon:04:00", TRUE },
  { WINDOWS, "postgres", "03:00-03:30|mon:03:15-mon:03:45", FALSE },
  { WINDOWS, "postgres", "23:30-00:30|wed:00:00-wed:00:30", FALSE },
  { WINDOWS, "postgres", "23:30-00:00|sun:23:45-mon:00:15", FALSE },
  { WINDOWS, "postgres", "22:00-23:00|sun:23:00-mon:00:30", TRUE },
  { MAX_STORAGE, "postgres", "70000", FALSE },
};

static RdsSimEngine *
new_engine (void)
{
  g_autoptr(RdsSimClock) clock = rds_sim_clock_new (START_TIME, 1.0, TRUE);

  return rds_sim_engine_new (5, clock);
}

static const char *
license_for (const char *engine)
{
  if (g_str_has_prefix (engine, "oracle"))
    return "bring-your-own-license";
  if (g_str_has_prefix (engine, "sqlserver"))
    return "license-included";
  return NULL;
}

static RdsRequest *
create_request (const char *engine,
                const char *id)
{
  RdsRequest *request = rds_request_new ("CreateDBInstance");

  rds_request_set (request, "DBInstanceIdentifier", id);
  rds_request_set (request, "DBInstanceClass", license_for (engine) != NULL ? "db.m5.large" : "db.t3.micro");
  rds_request_set (request, "Engine", engine);
  rds_request_set (request, "MasterUsername", "admin_user");
  rds_request_set (request, "MasterUserPassword", "valid-password-1");
  rds_request_set (request, "AllocatedStorage", "20");
  if (license_for (engine) != NULL)
    rds_request_set (request, "LicenseModel", license_for (engine));
  return request;
}

/* What the simulator says of the case: NULL if it takes it. */
static GError *
simulator_verdict (const Case *c)
{
  g_autoptr(RdsSimEngine) engine = new_engine ();
  g_autoptr(RdsRequest) request = NULL;
  g_autoptr(RdsQueryResult) result = NULL;
  GError *error = NULL;

  switch (c->rule)
    {
    case INSTANCE_ID:
      request = create_request (c->engine, c->input);
      break;
    case USERNAME:
      request = create_request (c->engine, "db1");
      rds_request_set (request, "MasterUsername", c->input);
      break;
    case PASSWORD:
      request = create_request (c->engine, "db1");
      rds_request_set (request, "MasterUserPassword", c->input);
      break;
    case DB_NAME:
      request = create_request (c->engine, "db1");
      /* Blank, the console sends none. */
      if (*c->input != '\0')
        rds_request_set (request, "DBName", c->input);
      break;
    case PORT:
      request = create_request (c->engine, "db1");
      rds_request_set (request, "Port", c->input);
      break;
    case STORAGE:
      request = create_request (c->engine, "db1");
      rds_request_set (request, "AllocatedStorage", c->input);
      break;
    case IOPS:
      request = create_request (c->engine, "db1");
      rds_request_set (request, "StorageType", "io1");
      rds_request_set (request, "AllocatedStorage", "100");
      rds_request_set (request, "Iops", c->input);
      break;
    case THROUGHPUT:
      request = create_request (c->engine, "db1");
      rds_request_set (request, "StorageType", "gp3");
      rds_request_set (request, "AllocatedStorage", "400");
      rds_request_set (request, "Iops", "12000");
      rds_request_set (request, "StorageThroughput", c->input);
      break;
    case WINDOWS:
      {
        g_auto(GStrv) windows = g_strsplit (c->input, "|", 2);

        request = create_request (c->engine, "db1");
        rds_request_set (request, "PreferredBackupWindow", windows[0]);
        rds_request_set (request, "PreferredMaintenanceWindow", windows[1]);
      }
      break;
    case MAX_STORAGE:
      request = create_request (c->engine, "db1");
      rds_request_set (request, "AllocatedStorage", "100");
      rds_request_set (request, "MaxAllocatedStorage", c->input);
      break;
    case STORAGE_GROWTH:
    case STORAGE_GROWTH_NEAR_MAX:
      {
        g_autoptr(RdsRequest) create = create_request (c->engine, "db1");
        g_autoptr(RdsQueryResult) created = NULL;

        rds_request_set (create, "AllocatedStorage", c->rule == STORAGE_GROWTH ? "100" : "65000");
        created = rds_sim_engine_call (engine, REGION, create, &error);
        g_assert_no_error (error);
        rds_sim_engine_advance (engine, 3600);
        request = rds_request_new ("ModifyDBInstance");
        rds_request_set (request, "DBInstanceIdentifier", "db1");
        rds_request_set (request, "AllocatedStorage", c->input);
        rds_request_set (request, "ApplyImmediately", "true");
      }
      break;
    case SNAPSHOT_ID:
    case TAG_KEY:
    case TAG_VALUE:
      {
        g_autoptr(RdsRequest) create = create_request (c->engine, "db1");
        g_autoptr(RdsQueryResult) created = rds_sim_engine_call (engine, REGION, create, &error);

        g_assert_no_error (error);
        rds_sim_engine_advance (engine, 3600);
        if (c->rule == SNAPSHOT_ID)
          {
            request = rds_request_new ("CreateDBSnapshot");
            rds_request_set (request, "DBInstanceIdentifier", "db1");
            rds_request_set (request, "DBSnapshotIdentifier", c->input);
          }
        else
          {
            request = rds_request_new ("AddTagsToResource");
            rds_request_set (request, "ResourceName", rds_db_instance_get_arn (RDS_DB_INSTANCE (created->item)));
            if (c->rule == TAG_KEY)
              rds_request_add_tag (request, "Tags", c->input, "v");
            else
              rds_request_add_tag (request, "Tags", "team", c->input);
          }
      }
      break;
    default:
      g_assert_not_reached ();
    }

  result = rds_sim_engine_call (engine, REGION, request, &error);
  g_assert_true ((result == NULL) == (error != NULL));
  return error;
}

/* What the console says of it, next to the field: NULL if it takes it. */
static char *
console_verdict (const Case *c)
{
  const RdsEngineInfo *engine = rds_catalog_find_engine (c->engine);
  int port, value;

  switch (c->rule)
    {
    case INSTANCE_ID:
      return rds_validate_instance_identifier (c->input);
    case SNAPSHOT_ID:
      return rds_validate_snapshot_identifier (c->input);
    case USERNAME:
      return rds_validate_master_username (engine, c->input);
    case PASSWORD:
      return rds_validate_master_password (engine, c->input);
    case DB_NAME:
      return rds_validate_db_name (engine, c->input);
    case PORT:
      return rds_validate_port (engine, c->input, &port);
    case TAG_KEY:
      return rds_validate_tag (c->input, "v");
    case TAG_VALUE:
      return rds_validate_tag ("team", c->input);
    case STORAGE:
      return rds_validate_allocated_storage (engine, "gp2", c->input, 0, &value);
    case STORAGE_GROWTH:
      return rds_validate_allocated_storage (engine, "gp2", c->input, 100, &value);
    case STORAGE_GROWTH_NEAR_MAX:
      return rds_validate_allocated_storage (engine, "gp2", c->input, 65000, &value);
    case IOPS:
      return rds_validate_iops (engine, "io1", 100, c->input, &value);
    case THROUGHPUT:
      return rds_validate_throughput (engine, "gp3", 400, 12000, c->input, &value);
    case MAX_STORAGE:
      return rds_validate_max_storage (engine, "gp2", 100, c->input, &value);
    case WINDOWS:
      {
        g_auto(GStrv) windows = g_strsplit (c->input, "|", 2);

        return rds_validate_windows (windows[0], windows[1]);
      }
    default:
      g_assert_not_reached ();
    }
}

static void
test_console_and_simulator_agree (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(GError) error = simulator_verdict (c);
      g_autofree char *message = console_verdict (c);

      /* Passwords, even made-up ones, stay out of the test's output. */
      g_test_message ("case %u (“%s” on %s): simulator %s, console %s", i,
                      c->rule == PASSWORD ? "a password" : c->input, c->engine,
                      error != NULL ? error->message : "takes it",
                      message != NULL ? message : "takes it");
      if (c->valid)
        {
          g_assert_no_error (error);
          g_assert_null (message);
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == RDS_AWS_ERROR);
          g_assert_true (error->code == RDS_AWS_ERROR_INVALID_PARAMETER_VALUE ||
                         error->code == RDS_AWS_ERROR_MISSING_PARAMETER ||
                         error->code == RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION);
          g_assert_nonnull (strstr (error->message, mentions[c->rule]));
          /* The service's words, never this program's own names. */
          g_assert_null (strstr (error->message, "Rds"));
          g_assert_nonnull (message);
          g_assert_cmpuint (strlen (message), >, 5);
        }
    }
}

/* No verdict carries a password: not the AWS error, not the console's. */
static void
test_passwords_never_echoed (void)
{
  const RdsEngineInfo *engine = rds_catalog_find_engine ("oracle-ee");
  const char *passwords[] = { "Xq7!zp", "Xq7 zp-Secret9", "Xq7&zp-Secret9",
                              "Xq7zpSecret9Xq7zpSecret9Xq7zpSecret9Xq7zpSecret9" };

  for (guint i = 0; i < G_N_ELEMENTS (passwords); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *message = rds_validate_master_password (engine, passwords[i]);

      g_assert_false (rds_rules_check_master_password (engine, passwords[i], &error));
      g_assert_null (strstr (error->message, passwords[i]));
      g_assert_null (strstr (message, passwords[i]));
    }
}

/* The Actions menu offers an action exactly when the simulator takes it,
 * in every status. */
static void
test_actions_by_status (void)
{
  const char *statuses[] = { "available", "stopped", "stopping", "starting", "rebooting", "modifying",
                             "backing-up", "storage-optimization", "storage-full", "creating",
                             "deleting" };
  const RdsInstanceAction actions[] = { RDS_INSTANCE_ACTION_MODIFY, RDS_INSTANCE_ACTION_REBOOT,
                                        RDS_INSTANCE_ACTION_STOP, RDS_INSTANCE_ACTION_START,
                                        RDS_INSTANCE_ACTION_DELETE, RDS_INSTANCE_ACTION_TAKE_SNAPSHOT };

  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
      {
        g_autoptr(RdsSimEngine) engine = new_engine ();
        g_autoptr(RdsRequest) create = create_request ("postgres", "db1");
        g_autoptr(RdsQueryResult) created = NULL;
        g_autoptr(RdsRequest) request = NULL;
        g_autoptr(RdsQueryResult) result = NULL;
        g_autoptr(GError) error = NULL;
        RdsDbInstance *model;
        gboolean offered, taken;

        created = rds_sim_engine_call (engine, REGION, create, &error);
        g_assert_no_error (error);
        rds_sim_engine_advance (engine, 3600);
        /* The engine's own object: the status is set as its timers would. */
        model = RDS_DB_INSTANCE (created->item);
        rds_db_instance_set_status (model, statuses[s]);
        offered = rds_db_instance_allows (model, actions[a]);

        switch (actions[a])
          {
          case RDS_INSTANCE_ACTION_MODIFY:
            request = rds_request_new ("ModifyDBInstance");
            rds_request_set (request, "BackupRetentionPeriod", "3");
            break;
          case RDS_INSTANCE_ACTION_REBOOT:
            request = rds_request_new ("RebootDBInstance");
            break;
          case RDS_INSTANCE_ACTION_STOP:
            request = rds_request_new ("StopDBInstance");
            break;
          case RDS_INSTANCE_ACTION_START:
            request = rds_request_new ("StartDBInstance");
            break;
          case RDS_INSTANCE_ACTION_DELETE:
            request = rds_request_new ("DeleteDBInstance");
            rds_request_set (request, "SkipFinalSnapshot", "true");
            break;
          case RDS_INSTANCE_ACTION_TAKE_SNAPSHOT:
            request = rds_request_new ("CreateDBSnapshot");
            rds_request_set (request, "DBSnapshotIdentifier", "snap1");
            break;
          default:
            g_assert_not_reached ();
          }
        rds_request_set (request, "DBInstanceIdentifier", "db1");
        result = rds_sim_engine_call (engine, REGION, request, &error);
        taken = result != NULL;
        if (!taken)
          g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE);

        g_test_message ("%s, action %u: menu %s, simulator %s", statuses[s], actions[a],
                        offered ? "offers it" : "does not", taken ? "takes it" : error->message);
        g_assert_cmpint (offered, ==, taken);
      }
}

/* The availability and read-scaling actions, by role */

typedef enum
{
  ROLE_MULTI_AZ = 1 << 0,   /* the instance is Multi-AZ */
  ROLE_REPLICA = 1 << 1,    /* it is a read replica (of a Single-AZ primary) */
  ROLE_BACKUPS = 1 << 2,    /* a replica that keeps automated backups */
  ROLE_NO_BACKUPS = 1 << 3, /* a primary without automated backups */
} RoleFlags;

#define OFFERS(action) (1u << RDS_INSTANCE_ACTION_##action)

typedef struct
{
  const char *name;
  const char *engine;
  RoleFlags   flags;
  guint       replicas;     /* its own read replicas */
  guint       available;    /* OFFERS() of what RDS allows it when available */
} Role;

static const Role roles[] = {
  { "Single-AZ primary", "postgres", 0, 0,
    OFFERS (CREATE_READ_REPLICA) | OFFERS (CONVERT_TO_MULTI_AZ) },
  { "Single-AZ primary with a replica", "postgres", 0, 1,
    OFFERS (CREATE_READ_REPLICA) | OFFERS (CONVERT_TO_MULTI_AZ) },
  { "Multi-AZ primary", "mysql", ROLE_MULTI_AZ, 0,
    OFFERS (CREATE_READ_REPLICA) | OFFERS (FAILOVER) | OFFERS (CONVERT_TO_SINGLE_AZ) },
  { "Multi-AZ primary with replicas", "mariadb", ROLE_MULTI_AZ, 2,
    OFFERS (CREATE_READ_REPLICA) | OFFERS (FAILOVER) | OFFERS (CONVERT_TO_SINGLE_AZ) },
  /* A source needs automated backups. */
  { "primary without backups", "postgres", ROLE_NO_BACKUPS, 0,
    OFFERS (CONVERT_TO_MULTI_AZ) },
  /* A replica starts without backups. */
  { "replica", "postgres", ROLE_REPLICA, 0,
    OFFERS (PROMOTE) | OFFERS (CONVERT_TO_MULTI_AZ) },
  { "Multi-AZ replica", "mysql", ROLE_REPLICA | ROLE_MULTI_AZ, 0,
    OFFERS (PROMOTE) | OFFERS (FAILOVER) | OFFERS (CONVERT_TO_SINGLE_AZ) },
  /* MySQL and PostgreSQL make replicas of a replica, 5 at most. */
  { "replica keeping backups", "mysql", ROLE_REPLICA | ROLE_BACKUPS, 0,
    OFFERS (CREATE_READ_REPLICA) | OFFERS (PROMOTE) | OFFERS (CONVERT_TO_MULTI_AZ) },
  { "replica with the most replicas of its own", "postgres", ROLE_REPLICA | ROLE_BACKUPS, 5,
    OFFERS (PROMOTE) | OFFERS (CONVERT_TO_MULTI_AZ) },
  /* Oracle makes none. */
  { "Oracle replica keeping backups", "oracle-se2", ROLE_REPLICA | ROLE_BACKUPS, 0,
    OFFERS (PROMOTE) | OFFERS (CONVERT_TO_MULTI_AZ) },
  /* SQL Server: 5 replicas of a source; Express has none, and no standby. */
  { "SQL Server primary with the most replicas", "sqlserver-se", 0, 5,
    OFFERS (CONVERT_TO_MULTI_AZ) },
  { "SQL Server Multi-AZ primary", "sqlserver-ee", ROLE_MULTI_AZ, 0,
    OFFERS (CREATE_READ_REPLICA) | OFFERS (FAILOVER) | OFFERS (CONVERT_TO_SINGLE_AZ) },
  { "SQL Server Express primary", "sqlserver-ex", 0, 0, 0 },
};

/* Besides available, the statuses RDS takes each action in: a replica's
 * snapshot while the source backs up for another; a conversion whenever
 * ModifyDBInstance is taken. */
static gboolean
status_allows (RdsInstanceAction  action,
               const char        *status)
{
  const char *modifiable[] = { "available", "storage-optimization", "storage-full", NULL };
  const char *source[] = { "available", "storage-optimization", "backing-up", NULL };

  switch (action)
    {
    case RDS_INSTANCE_ACTION_CREATE_READ_REPLICA:
      return g_strv_contains (source, status);
    case RDS_INSTANCE_ACTION_CONVERT_TO_MULTI_AZ:
    case RDS_INSTANCE_ACTION_CONVERT_TO_SINGLE_AZ:
      return g_strv_contains (modifiable, status);
    default:
      /* Promote (never backing-up) and a failover. */
      return g_str_equal (status, "available");
    }
}

static const char *
class_for (const char *engine)
{
  if (g_str_equal (engine, "sqlserver-ee"))
    return "db.m5.xlarge";
  if (g_str_equal (engine, "sqlserver-ex"))
    return "db.t3.small";
  return license_for (engine) != NULL ? "db.m5.large" : "db.t3.micro";
}

static void
settle (RdsSimEngine *engine,
        const char   *id)
{
  sim_advance_until (engine, REGION, id, "available", 3 * 3600);
}

/* The role's databases, all available; the one it is about is "target". */
static char *
build_role (const Role *role)
{
  g_autoptr(RdsSimEngine) engine = new_engine ();
  g_autoptr(RdsRequest) create = NULL;
  g_autoptr(RdsQueryResult) created = NULL;
  g_autoptr(GError) error = NULL;
  const char *primary = role->flags & ROLE_REPLICA ? "source" : "target";
  gboolean primary_multi_az = (role->flags & ROLE_MULTI_AZ) && !(role->flags & ROLE_REPLICA);

  create = create_request (role->engine, primary);
  rds_request_set (create, "DBInstanceClass", class_for (role->engine));
  rds_request_set (create, "MultiAZ", primary_multi_az ? "true" : "false");
  if (role->flags & ROLE_NO_BACKUPS)
    rds_request_set (create, "BackupRetentionPeriod", "0");
  created = rds_sim_engine_call (engine, REGION, create, &error);
  g_assert_no_error (error);
  settle (engine, primary);

  if (role->flags & ROLE_REPLICA)
    {
      g_autoptr(RdsQueryResult) replica = sim_call (engine, REGION, "CreateDBInstanceReadReplica",
                                                    "DBInstanceIdentifier", "target",
                                                    "SourceDBInstanceIdentifier", "source",
                                                    "MultiAZ", role->flags & ROLE_MULTI_AZ ? "true" : "false",
                                                    NULL);

      settle (engine, "target");
    }
  if (role->flags & ROLE_BACKUPS)
    {
      g_autoptr(RdsQueryResult) modified = sim_call (engine, REGION, "ModifyDBInstance",
                                                     "DBInstanceIdentifier", "target",
                                                     "BackupRetentionPeriod", "1",
                                                     "ApplyImmediately", "true", NULL);

      settle (engine, "target");
    }
  for (guint i = 0; i < role->replicas; i++)
    {
      g_autofree char *id = g_strdup_printf ("reader-%u", i);
      g_autoptr(RdsQueryResult) replica = sim_call (engine, REGION, "CreateDBInstanceReadReplica",
                                                    "DBInstanceIdentifier", id,
                                                    "SourceDBInstanceIdentifier", "target", NULL);
    }
  for (guint i = 0; i < role->replicas; i++)
    {
      g_autofree char *id = g_strdup_printf ("reader-%u", i);

      settle (engine, id);
    }
  settle (engine, "target");

  return sim_state_dump (engine);
}

/* What the simulator does with the request the console sends for @action:
 * TRUE if it takes it. A conversion is taken when one is under way after. */
static gboolean
simulator_takes (RdsSimEngine       *engine,
                 RdsInstanceAction   action,
                 GError            **error)
{
  g_autoptr(RdsRequest) request = NULL;
  g_autoptr(RdsQueryResult) result = NULL;
  RdsTristate converting = RDS_TRISTATE_UNSET;

  switch (action)
    {
    case RDS_INSTANCE_ACTION_CREATE_READ_REPLICA:
      request = rds_request_new ("CreateDBInstanceReadReplica");
      rds_request_set (request, "DBInstanceIdentifier", "new-reader");
      rds_request_set (request, "SourceDBInstanceIdentifier", "target");
      break;
    case RDS_INSTANCE_ACTION_PROMOTE:
      request = rds_request_new ("PromoteReadReplica");
      rds_request_set (request, "DBInstanceIdentifier", "target");
      rds_request_set (request, "BackupRetentionPeriod", "7");
      break;
    case RDS_INSTANCE_ACTION_FAILOVER:
      request = rds_request_new ("RebootDBInstance");
      rds_request_set (request, "DBInstanceIdentifier", "target");
      rds_request_set (request, "ForceFailover", "true");
      break;
    case RDS_INSTANCE_ACTION_CONVERT_TO_MULTI_AZ:
    case RDS_INSTANCE_ACTION_CONVERT_TO_SINGLE_AZ:
      converting = action == RDS_INSTANCE_ACTION_CONVERT_TO_MULTI_AZ ? RDS_TRISTATE_TRUE : RDS_TRISTATE_FALSE;
      request = rds_request_new ("ModifyDBInstance");
      rds_request_set (request, "DBInstanceIdentifier", "target");
      rds_request_set (request, "MultiAZ", converting == RDS_TRISTATE_TRUE ? "true" : "false");
      rds_request_set (request, "ApplyImmediately", "true");
      break;
    default:
      g_assert_not_reached ();
    }

  result = rds_sim_engine_call (engine, REGION, request, error);
  g_assert_true ((result == NULL) == (*error != NULL));
  if (result == NULL)
    return FALSE;
  if (converting == RDS_TRISTATE_UNSET)
    return TRUE;

  /* What it is already is no conversion, even if the call passes. */
  return rds_shape_get_tristate (rds_shape_get_object (result->item, "pending-modified-values"), "multi-az") ==
         converting;
}

/* The Actions menu offers Create read replica, Promote, Reboot with
 * failover and the conversions exactly when the simulator takes them, for
 * a primary and a replica, Single- and Multi-AZ, of the engines whose
 * limits differ, in every status. */
static void
test_availability_actions_by_role (void)
{
  const char *statuses[] = { "available", "backing-up", "modifying", "storage-optimization", "storage-full",
                             "rebooting", "creating", "deleting", "stopped", "stopping", "starting", "failed",
                             "inaccessible-encryption-credentials" };
  const RdsInstanceAction actions[] = { RDS_INSTANCE_ACTION_CREATE_READ_REPLICA, RDS_INSTANCE_ACTION_PROMOTE,
                                        RDS_INSTANCE_ACTION_FAILOVER, RDS_INSTANCE_ACTION_CONVERT_TO_MULTI_AZ,
                                        RDS_INSTANCE_ACTION_CONVERT_TO_SINGLE_AZ };
  const char *names[] = { "Create read replica", "Promote", "Reboot with failover", "Convert to Multi-AZ",
                          "Convert to Single-AZ" };
  g_autoptr(GString) wrong = g_string_new (NULL);

  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      g_autofree char *state = build_role (&roles[r]);

      for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
        for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
          {
            g_autoptr(RdsSimEngine) engine = new_engine ();
            g_autoptr(RdsDbInstance) model = NULL;
            g_autoptr(GError) error = NULL;
            gboolean offered, taken, expected;

            sim_state_load (engine, state);
            /* The engine's own object: the status is set as its timers would. */
            model = sim_describe (engine, REGION, "target");
            rds_db_instance_set_status (model, statuses[s]);
            offered = rds_db_instance_allows (model, actions[a]);
            taken = simulator_takes (engine, actions[a], &error);

            g_test_message ("%s, %s, %s: menu %s, simulator %s", roles[r].name, statuses[s], names[a],
                            offered ? "offers it" : "does not", taken ? "takes it"
                            : error != NULL ? error->message : "changes nothing");
            if (error != NULL)
              {
                g_assert_true (error->domain == RDS_AWS_ERROR);
                g_assert_true (error->code == RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE ||
                               error->code == RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION);
                g_assert_null (strstr (error->message, "Rds"));
              }
            /* And both as RDS does it. */
            expected = (roles[r].available & (1u << actions[a])) != 0 && status_allows (actions[a], statuses[s]);
            if (offered != expected)
              g_string_append_printf (wrong, "%s, %s, %s: the menu %s it, RDS %s\n", roles[r].name,
                                      statuses[s], names[a], offered ? "offers" : "does not offer",
                                      expected ? "allows it" : "does not");
            if (offered != taken)
              g_string_append_printf (wrong, "%s, %s, %s: the menu %s it, the simulator %s\n", roles[r].name,
                                      statuses[s], names[a], offered ? "offers" : "does not offer",
                                      taken ? "takes it" : error != NULL ? error->message : "changes nothing");
          }
    }

  /* Every disagreement at once. */
  if (wrong->len > 0)
    g_error ("The menu, the simulator and RDS disagree:\n%s", wrong->str);
}

/* Aurora clusters: the cluster page's actions against the simulator */

typedef struct
{
  const char *name;
  guint       readers;     /* besides the writer */
  gboolean    instances;   /* a writer at all */
  guint       endpoints;   /* custom endpoints */
} ClusterRole;

static const ClusterRole cluster_roles[] = {
  { "an empty cluster", 0, FALSE, 0 },
  { "a writer alone", 0, TRUE, 0 },
  { "a writer and a reader", 1, TRUE, 0 },
  { "a writer, a reader and five custom endpoints", 1, TRUE, 5 },
};

static char *
build_cluster_role (const ClusterRole *role)
{
  g_autoptr(RdsSimEngine) engine = new_engine ();
  g_autoptr(RdsQueryResult) created = sim_call (engine, REGION, "CreateDBCluster", "DBClusterIdentifier", "target",
                                                "Engine", "aurora-mysql", "MasterUsername", "admin_user",
                                                "MasterUserPassword", "valid-password-1", NULL);
  guint n = role->instances ? role->readers + 1 : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("member-%u", i);
      g_autoptr(RdsQueryResult) member = sim_call (engine, REGION, "CreateDBInstance", "DBInstanceIdentifier", id,
                                                   "DBClusterIdentifier", "target", "Engine", "aurora-mysql",
                                                   "DBInstanceClass", "db.r6g.large", NULL);

      settle (engine, id);
    }
  /* Past the first backup: a restorable window. */
  rds_sim_engine_advance (engine, 2 * 3600);
  for (guint i = 0; i < role->endpoints; i++)
    {
      g_autofree char *id = g_strdup_printf ("custom-%u", i);
      g_autoptr(RdsQueryResult) endpoint = sim_call (engine, REGION, "CreateDBClusterEndpoint",
                                                     "DBClusterIdentifier", "target",
                                                     "DBClusterEndpointIdentifier", id, "EndpointType", "ANY",
                                                     NULL);
    }
  rds_sim_engine_advance (engine, 600);
  return sim_state_dump (engine);
}

static gboolean
simulator_takes_cluster (RdsSimEngine      *engine,
                         RdsClusterAction   action,
                         GError           **error)
{
  g_autoptr(RdsRequest) request = NULL;
  g_autoptr(RdsQueryResult) result = NULL;

  switch (action)
    {
    case RDS_CLUSTER_ACTION_ADD_READER:
      request = rds_request_new ("CreateDBInstance");
      rds_request_set (request, "DBInstanceIdentifier", "new-reader");
      rds_request_set (request, "DBClusterIdentifier", "target");
      rds_request_set (request, "Engine", "aurora-mysql");
      rds_request_set (request, "DBInstanceClass", "db.r6g.large");
      break;
    case RDS_CLUSTER_ACTION_FAILOVER:
      request = rds_request_new ("FailoverDBCluster");
      rds_request_set (request, "DBClusterIdentifier", "target");
      break;
    case RDS_CLUSTER_ACTION_STOP:
      request = rds_request_new ("StopDBCluster");
      rds_request_set (request, "DBClusterIdentifier", "target");
      break;
    case RDS_CLUSTER_ACTION_START:
      request = rds_request_new ("StartDBCluster");
      rds_request_set (request, "DBClusterIdentifier", "target");
      break;
    case RDS_CLUSTER_ACTION_TAKE_SNAPSHOT:
      request = rds_request_new ("CreateDBClusterSnapshot");
      rds_request_set (request, "DBClusterIdentifier", "target");
      rds_request_set (request, "DBClusterSnapshotIdentifier", "new-snapshot");
      break;
    case RDS_CLUSTER_ACTION_DELETE:
      request = rds_request_new ("DeleteDBCluster");
      rds_request_set (request, "DBClusterIdentifier", "target");
      rds_request_set (request, "SkipFinalSnapshot", "true");
      break;
    case RDS_CLUSTER_ACTION_CREATE_ENDPOINT:
      request = rds_request_new ("CreateDBClusterEndpoint");
      rds_request_set (request, "DBClusterIdentifier", "target");
      rds_request_set (request, "DBClusterEndpointIdentifier", "new-endpoint");
      rds_request_set (request, "EndpointType", "ANY");
      break;
    case RDS_CLUSTER_ACTION_MODIFY:
      request = rds_request_new ("ModifyDBCluster");
      rds_request_set (request, "DBClusterIdentifier", "target");
      rds_request_set (request, "BackupRetentionPeriod", "7");
      rds_request_set (request, "ApplyImmediately", "true");
      break;
    case RDS_CLUSTER_ACTION_RESTORE_TO_POINT_IN_TIME:
      request = rds_request_new ("RestoreDBClusterToPointInTime");
      rds_request_set (request, "DBClusterIdentifier", "restored");
      rds_request_set (request, "SourceDBClusterIdentifier", "target");
      rds_request_set (request, "UseLatestRestorableTime", "true");
      break;
    default:
      g_assert_not_reached ();
    }

  result = rds_sim_engine_call (engine, REGION, request, error);
  g_assert_true ((result == NULL) == (*error != NULL));
  return result != NULL;
}

/* The cluster page offers an action exactly when the simulator takes it,
 * for an empty cluster, a writer alone, a writer and a reader, and one
 * with all its custom endpoints, in every status a cluster has. */
static void
test_cluster_actions_by_status (void)
{
  const char *statuses[] = { "available", "creating", "backing-up", "modifying", "renaming", "failing-over",
                             "stopping", "stopped", "starting", "deleting", "maintenance", "migrating" };
  const char *names[] = {
    [RDS_CLUSTER_ACTION_ADD_READER] = "Add reader",
    [RDS_CLUSTER_ACTION_FAILOVER] = "Failover",
    [RDS_CLUSTER_ACTION_STOP] = "Stop",
    [RDS_CLUSTER_ACTION_START] = "Start",
    [RDS_CLUSTER_ACTION_TAKE_SNAPSHOT] = "Take snapshot",
    [RDS_CLUSTER_ACTION_DELETE] = "Delete",
    [RDS_CLUSTER_ACTION_CREATE_ENDPOINT] = "Create custom endpoint",
    [RDS_CLUSTER_ACTION_MODIFY] = "Modify",
    [RDS_CLUSTER_ACTION_RESTORE_TO_POINT_IN_TIME] = "Restore to point in time",
  };
  g_autoptr(GString) wrong = g_string_new (NULL);

  for (guint r = 0; r < G_N_ELEMENTS (cluster_roles); r++)
    {
      g_autofree char *state = build_cluster_role (&cluster_roles[r]);

      for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
        for (guint a = 0; a < G_N_ELEMENTS (names); a++)
          {
            g_autoptr(RdsSimEngine) engine = new_engine ();
            g_autoptr(RdsQueryResult) described = NULL;
            g_autoptr(GError) error = NULL;
            RdsDbCluster *model;
            gboolean offered, taken;

            sim_state_load (engine, state);
            /* The engine's own object: the status is set as its timers would. */
            described = sim_call (engine, REGION, "DescribeDBClusters", "DBClusterIdentifier", "target", NULL);
            g_assert_cmpuint (described->items->len, ==, 1);
            model = g_ptr_array_index (described->items, 0);
            rds_db_cluster_set_status (model, statuses[s]);
            offered = rds_db_cluster_allows (model, a);
            taken = simulator_takes_cluster (engine, a, &error);

            g_test_message ("%s, %s, %s: the page %s, the simulator %s", cluster_roles[r].name, statuses[s],
                            names[a], offered ? "offers it" : "does not", taken ? "takes it" : error->message);
            if (error != NULL)
              {
                g_assert_true (error->domain == RDS_AWS_ERROR);
                g_assert_null (strstr (error->message, "Rds"));
              }
            if (offered != taken)
              g_string_append_printf (wrong, "%s, %s, %s: the page %s it, the simulator %s\n",
                                      cluster_roles[r].name, statuses[s], names[a],
                                      offered ? "offers" : "does not offer",
                                      taken ? "takes it" : error->message);
          }
    }

  if (wrong->len > 0)
    g_error ("The cluster page and the simulator disagree:\n%s", wrong->str);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rds/rules/console-and-simulator-agree", test_console_and_simulator_agree);
  g_test_add_func ("/rds/rules/passwords-never-echoed", test_passwords_never_echoed);
  g_test_add_func ("/rds/rules/actions-by-status", test_actions_by_status);
  g_test_add_func ("/rds/rules/availability-actions-by-role", test_availability_actions_by_role);
  g_test_add_func ("/rds/rules/cluster-actions-by-status", test_cluster_actions_by_status);

  return g_test_run ();
}
