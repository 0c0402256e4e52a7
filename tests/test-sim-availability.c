/* test-sim-availability.c: Multi-AZ conversion, failovers, faults and read replicas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs the engine on a paused clock and moves it explicitly.
 */

#include "config.h"

#include "rds-db-instance.h"
#include "rds-pending-modified-values.h"
#include "rds-request.h"
#include "rds-sim-engine.h"
#include "sim-calls.h"
#include "sim-state-text.h"

#define EAST "us-east-1"
#define WEST "us-west-2"
/* Monday 2026-01-05 00:00:00 UTC */
#define START_TIME G_GINT64_CONSTANT (1767571200000000)
#define MINUTE 60
#define HOUR 3600
#define DAY (24 * HOUR)

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

/* An available instance; Multi-AZ when asked. */
static void
make (Fixture    *f,
      const char *region,
      const char *id,
      const char *engine,
      gboolean    multi_az)
{
  g_autoptr(RdsQueryResult) created = sim_call (f->engine, region, "CreateDBInstance",
                                                "DBInstanceIdentifier", id,
                                                "DBInstanceClass", "db.m5.large",
                                                "Engine", engine,
                                                "MasterUsername", "admin",
                                                "MasterUserPassword", "correct-horse-battery",
                                                "AllocatedStorage", "100",
                                                "LicenseModel", g_str_has_prefix (engine, "sqlserver")
                                                                  ? "license-included" : NULL,
                                                "MultiAZ", multi_az ? "true" : "false",
                                                NULL);

  sim_advance_until (f->engine, region, id, "available", HOUR);
}

static char *
field (Fixture    *f,
       const char *region,
       const char *id,
       const char *name)
{
  g_autoptr(RdsDbInstance) instance = sim_describe (f->engine, region, id);

  return g_strdup (rds_shape_get_string (RDS_SHAPE (instance), name));
}

/* The simulator's own view (/_sim/instance), as a JSON object. */
static JsonObject *
inside (Fixture    *f,
        const char *region,
        const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = rds_sim_engine_describe_instance (f->engine, region, id, &error);

  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (node));
}

static const char *
standby_state (JsonObject *object)
{
  JsonNode *standby = json_object_get_member (object, "standby");

  if (JSON_NODE_HOLDS_NULL (standby))
    return "none";
  return json_object_get_string_member (json_node_get_object (standby), "state");
}

/* Events in this order among the instance's last hours. */
static void
assert_events_in_order (Fixture            *f,
                        const char         *region,
                        const char         *id,
                        const char * const *messages)
{
  g_autoptr(GPtrArray) events = sim_events (f->engine, region, "db-instance", id, "600");
  int last = -1;

  for (guint i = 0; messages[i] != NULL; i++)
    {
      int index = sim_event_index (events, messages[i]);

      if (index < 0)
        g_error ("%s has no event “%s”", id, messages[i]);
      if (index < last)
        g_error ("“%s” came before “%s”", messages[i], messages[i - 1]);
      last = index;
    }
}

static double
latest (Fixture    *f,
        const char *region,
        const char *id,
        const char *metric,
        const char *stat)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  gint64 now = rds_sim_engine_get_now (f->engine);
  g_autoptr(RdsQueryResult) result = NULL;
  GListModel *points;
  double value = -1;
  gint64 newest = 0;

  start = rds_format_timestamp (now - 5 * MINUTE * G_USEC_PER_SEC);
  end = rds_format_timestamp (now);
  result = sim_call (f->engine, region, "GetMetricStatistics",
                     "Namespace", "AWS/RDS", "MetricName", metric,
                     "Dimensions.member.1.Name", "DBInstanceIdentifier",
                     "Dimensions.member.1.Value", id,
                     "StartTime", start, "EndTime", end, "Period", "60",
                     "Statistics.member.1", stat, NULL);
  points = rds_shape_get_list (RDS_SHAPE (result->item), "datapoints");
  for (guint i = 0; points != NULL && i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(RdsShape) point = g_list_model_get_item (points, i);
      double v = rds_shape_get_double (point, g_str_equal (stat, "Average") ? "average" : "maximum");

      /* The latest minute; -1 when there is none. */
      if (rds_shape_get_timestamp (point, "timestamp") > newest)
        {
          newest = rds_shape_get_timestamp (point, "timestamp");
          value = v;
        }
    }
  return value;
}

/* The instance's read replication StatusInfo: its status, and its message
 * in @message; NULL when it has none. */
static char *
replication_status (Fixture     *f,
                    const char  *region,
                    const char  *id,
                    char       **message)
{
  g_autoptr(RdsDbInstance) instance = sim_describe (f->engine, region, id);
  GListModel *infos = rds_shape_get_list (RDS_SHAPE (instance), "status-infos");
  g_autoptr(RdsShape) info = NULL;

  if (infos == NULL || g_list_model_get_n_items (infos) == 0)
    return NULL;
  g_assert_cmpuint (g_list_model_get_n_items (infos), ==, 1);
  info = g_list_model_get_item (infos, 0);
  g_assert_cmpstr (rds_shape_get_string (info, "status-type"), ==, "read replication");
  /* Normal exactly while it replicates. */
  g_assert_true (rds_shape_get_boolean (info, "normal") ==
                 g_str_equal (rds_shape_get_string (info, "status"), "replicating"));
  if (message != NULL)
    *message = g_strdup (rds_shape_get_string (info, "message"));
  return g_strdup (rds_shape_get_string (info, "status"));
}

static void
assert_replication (Fixture    *f,
                    const char *region,
                    const char *id,
                    const char *status,
                    const char *fragment)
{
  g_autofree char *message = NULL;
  g_autofree char *now = replication_status (f, region, id, &message);

  g_assert_cmpstr (now, ==, status);
  if (fragment != NULL && (message == NULL || strstr (message, fragment) == NULL))
    g_error ("%s's replication message “%s” does not say “%s”", id, message, fragment);
}

/* How many times @message is among the instance's events of the last
 * @minutes. */
static guint
count_events (Fixture    *f,
              const char *region,
              const char *id,
              const char *message,
              const char *minutes)
{
  g_autoptr(GPtrArray) events = sim_events (f->engine, region, "db-instance", id, minutes);
  guint n = 0;

  for (guint i = 0; i + 1 < events->len; i++)
    n += g_str_equal (g_ptr_array_index (events, i), message);
  return n;
}

/* A read replica of @source, available, that keeps automated backups (so
 * it can be a source itself). */
static void
make_replica_with_backups (Fixture    *f,
                           const char *region,
                           const char *id,
                           const char *source)
{
  g_autoptr(RdsQueryResult) created = sim_call (f->engine, region, "CreateDBInstanceReadReplica",
                                                "DBInstanceIdentifier", id,
                                                "SourceDBInstanceIdentifier", source, NULL);
  g_autoptr(RdsQueryResult) modified = NULL;

  sim_advance_until (f->engine, region, id, "available", 2 * HOUR);
  modified = sim_call (f->engine, region, "ModifyDBInstance", "DBInstanceIdentifier", id,
                       "BackupRetentionPeriod", "1", "ApplyImmediately", "true", NULL);
  sim_advance_until (f->engine, region, id, "available", HOUR);
}

/* Converting to Multi-AZ */

static void
test_convert_to_multi_az (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RdsQueryResult) modified = NULL;
  g_autoptr(RdsDbInstance) done = NULL;
  g_autofree char *primary = NULL;
  const char *steps[] = { "snapshot", "restore", "sync", NULL };
  guint step = 0;
  gint64 took = 0;

  make (f, EAST, "app", "postgres", FALSE);
  primary = field (f, EAST, "app", "availability-zone");

  modified = sim_call (f->engine, EAST, "ModifyDBInstance", "DBInstanceIdentifier", "app",
                       "MultiAZ", "true", "ApplyImmediately", "true", NULL);
  /* Modifying, Single-AZ until done, the change pending. */
  g_assert_cmpstr (rds_db_instance_get_status (RDS_DB_INSTANCE (modified->item)), ==, "modifying");
  g_assert_false (rds_shape_get_boolean (modified->item, "multi-az"));
  g_assert_cmpint (rds_shape_get_tristate (rds_shape_get_object (modified->item, "pending-modified-values"),
                                           "multi-az"), ==, RDS_TRISTATE_TRUE);

  /* The steps in order, never a moment without the database. */
  for (;;)
    {
      g_autoptr(JsonObject) detail = inside (f, EAST, "app");
      g_autofree char *status = sim_status (f->engine, EAST, "app");
      const char *state = standby_state (detail);

      if (g_str_equal (status, "available"))
        break;
      g_assert_cmpstr (status, ==, "modifying");
      if (steps[step] != NULL && !g_str_equal (state, steps[step]))
        {
          step++;
          g_assert_nonnull (steps[step]);
        }
      g_assert_cmpstr (state, ==, steps[step]);
      g_assert_cmpfloat (latest (f, EAST, "app", "DatabaseConnections", "Average"), >, 0);
      rds_sim_engine_advance (f->engine, MINUTE);
      took += MINUTE;
      g_assert_cmpint (took, <, HOUR);
    }
  g_assert_cmpuint (step, ==, 2);
  /* 10 to 30 minutes, as RDS takes. */
  g_assert_cmpint (took, >=, 8 * MINUTE);
  g_assert_cmpint (took, <=, 30 * MINUTE);

  done = sim_describe (f->engine, EAST, "app");
  g_assert_true (rds_shape_get_boolean (RDS_SHAPE (done), "multi-az"));
  g_assert_nonnull (rds_shape_get_string (RDS_SHAPE (done), "secondary-availability-zone"));
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (done), "secondary-availability-zone"), !=, primary);
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (done), "availability-zone"), ==, primary);
  g_assert_true (rds_pending_modified_values_is_empty (rds_shape_get_object (RDS_SHAPE (done),
                                                                             "pending-modified-values")));
  {
    g_autoptr(JsonObject) detail = inside (f, EAST, "app");
    g_autofree char *secondary = field (f, EAST, "app", "secondary-availability-zone");

    g_assert_cmpstr (standby_state (detail), ==, "in-sync");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (detail, "standby"), "zone"),
                     ==, secondary);
  }

  {
    g_autofree char *restore = NULL;
    g_autofree char *secondary = field (f, EAST, "app", "secondary-availability-zone");

    restore = g_strdup_printf ("Creating the standby: restoring its storage volumes from the snapshot in %s.",
                               secondary);
    assert_events_in_order (f, EAST, "app", (const char *[]) {
      "Applying modification to convert to a Multi-AZ DB instance.",
      "Creating the standby: taking a snapshot of the primary's storage volumes.",
      restore,
      "Creating the standby: synchronous replication is on and the standby is catching up with the primary.",
      "Finished applying modification to convert to a Multi-AZ DB instance.",
      NULL });
  }

  /* And back to Single-AZ. */
  {
    g_autoptr(RdsQueryResult) back = sim_call (f->engine, EAST, "ModifyDBInstance", "DBInstanceIdentifier", "app",
                                               "MultiAZ", "false", "ApplyImmediately", "true", NULL);
    g_autoptr(JsonObject) detail = NULL;
    g_autofree char *secondary = NULL;

    took = sim_advance_until (f->engine, EAST, "app", "available", HOUR);
    g_assert_cmpint (took, <=, 6 * MINUTE);
    secondary = field (f, EAST, "app", "secondary-availability-zone");
    g_assert_null (secondary);
    detail = inside (f, EAST, "app");
    g_assert_cmpstr (standby_state (detail), ==, "none");
    assert_events_in_order (f, EAST, "app", (const char *[]) {
      "Applying modification to convert to a standard (Single-AZ) DB instance.",
      "Finished applying modification to convert to a standard (Single-AZ) DB instance.",
      NULL });
  }
}

static void
test_convert_in_window (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RdsQueryResult) modified = NULL;
  g_autoptr(JsonObject) detail = NULL;

  make (f, EAST, "app", "mysql", FALSE);
  modified = sim_call (f->engine, EAST, "ModifyDBInstance", "DBInstanceIdentifier", "app",
                       "MultiAZ", "true", NULL);
  g_assert_cmpstr (rds_db_instance_get_status (RDS_DB_INSTANCE (modified->item)), ==, "available");

  /* Nothing happens before the weekly window; then the conversion runs. */
  rds_sim_engine_advance (f->engine, 10 * MINUTE);
  detail = inside (f, EAST, "app");
  g_assert_cmpstr (standby_state (detail), ==, "none");
  for (int hours = 0; hours < 24 * 8; hours++)
    {
      g_autofree char *status = sim_status (f->engine, EAST, "app");

      if (g_str_equal (status, "modifying"))
        break;
      rds_sim_engine_advance (f->engine, HOUR);
    }
  sim_advance_until (f->engine, EAST, "app", "available", HOUR);
  {
    g_autoptr(RdsDbInstance) done = sim_describe (f->engine, EAST, "app");

    g_assert_true (rds_shape_get_boolean (RDS_SHAPE (done), "multi-az"));
  }
}

/* The daily automated backup: a Single-AZ instance is backing-up while its
 * I/O is suspended; a Multi-AZ one is backed up from its standby and stays
 * available. */
static guint
count_automated (Fixture    *f,
                 const char *id)
{
  g_autoptr(RdsQueryResult) result = sim_call (f->engine, EAST, "DescribeDBSnapshots", "DBInstanceIdentifier", id,
                                               "SnapshotType", "automated", NULL);

  return result->items->len;
}

static void
test_backup_from_standby (Fixture       *f,
                          gconstpointer  data)
{
  guint single_before, ha_before;
  int single_backing_up = 0;

  make (f, EAST, "single", "postgres", FALSE);
  make (f, EAST, "ha", "postgres", TRUE);
  /* Past the first backups of both. */
  rds_sim_engine_advance (f->engine, HOUR);
  single_before = count_automated (f, "single");
  ha_before = count_automated (f, "ha");

  /* A day and a bit, a minute at a time: each backup window comes once. */
  for (int minute = 0; minute < 25 * 60; minute++)
    {
      g_autofree char *single = sim_status (f->engine, EAST, "single");
      g_autofree char *ha = sim_status (f->engine, EAST, "ha");

      g_assert_cmpstr (ha, ==, "available");
      if (g_str_equal (single, "backing-up"))
        single_backing_up++;
      else
        g_assert_cmpstr (single, ==, "available");
      rds_sim_engine_advance (f->engine, MINUTE);
    }
  g_test_message ("backing-up for %d minutes", single_backing_up);
  /* A few minutes of it, not more. */
  g_assert_cmpint (single_backing_up, >=, 1);
  g_assert_cmpint (single_backing_up, <=, 5);

  /* Both were backed up all the same. */
  g_assert_cmpuint (count_automated (f, "single"), ==, single_before + 1);
  g_assert_cmpuint (count_automated (f, "ha"), ==, ha_before + 1);
  for (guint i = 0; i < 2; i++)
    {
      const char *id = i == 0 ? "single" : "ha";
      g_autoptr(GPtrArray) events = sim_events (f->engine, EAST, "db-instance", id, "1440");
      int begun = sim_event_index (events, "Backing up DB instance.");

      g_assert_cmpint (begun, >=, 0);
      g_assert_cmpint (sim_event_index (events, "Finished DB Instance backup."), >, begun);
      g_assert_cmpuint (count_events (f, EAST, id, "Backing up DB instance.", "1440"), ==, 1);
      g_assert_cmpuint (count_events (f, EAST, id, "Finished DB Instance backup.", "1440"), ==, 1);
    }
}

/* Failovers */

static void
test_reboot_with_failover (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after_secondary = NULL;
  g_autofree char *third = NULL;
  g_autoptr(RdsQueryResult) rebooting = NULL;
  gint64 took;

  make (f, EAST, "single", "mysql", FALSE);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "Single-AZ",
                    "RebootDBInstance", "DBInstanceIdentifier", "single", "ForceFailover", "true", NULL);

  make (f, EAST, "ha", "postgres", TRUE);
  primary = field (f, EAST, "ha", "availability-zone");
  secondary = field (f, EAST, "ha", "secondary-availability-zone");

  rebooting = sim_call (f->engine, EAST, "RebootDBInstance", "DBInstanceIdentifier", "ha",
                        "ForceFailover", "true", NULL);
  g_assert_cmpstr (rds_db_instance_get_status (RDS_DB_INSTANCE (rebooting->item)), ==, "rebooting");
  rds_sim_engine_advance (f->engine, 2 * MINUTE);
  g_assert_cmpfloat (latest (f, EAST, "ha", "DatabaseConnections", "Average"), ==, 0);
  took = sim_advance_until (f->engine, EAST, "ha", "available", 10 * MINUTE) + 2 * MINUTE;
  g_assert_cmpint (took, <=, 3 * MINUTE);

  /* The zones swapped; the endpoint's name did not change. */
  after = field (f, EAST, "ha", "availability-zone");
  after_secondary = field (f, EAST, "ha", "secondary-availability-zone");
  g_assert_cmpstr (after, ==, secondary);
  g_assert_cmpstr (after_secondary, ==, primary);
  assert_events_in_order (f, EAST, "ha", (const char *[]) {
    "Multi-AZ instance failover started.", "Multi-AZ instance failover completed.", NULL });

  /* Another too soon is abandoned: a plain reboot, the zones stay. */
  {
    g_autoptr(RdsQueryResult) again = sim_call (f->engine, EAST, "RebootDBInstance", "DBInstanceIdentifier", "ha",
                                                "ForceFailover", "true", NULL);
    g_autoptr(GPtrArray) events = NULL;

    sim_advance_until (f->engine, EAST, "ha", "available", 10 * MINUTE);
    third = field (f, EAST, "ha", "availability-zone");
    g_assert_cmpstr (third, ==, secondary);
    events = sim_events (f->engine, EAST, "db-instance", "ha", "60");
    g_assert_cmpint (sim_event_index (events, "Abandoning user requested failover since a failover "
                                      "recently occurred on the database instance."), >=, 0);
  }

  /* Later, it fails over again. */
  rds_sim_engine_advance (f->engine, 15 * MINUTE);
  {
    g_autoptr(RdsQueryResult) later = sim_call (f->engine, EAST, "RebootDBInstance", "DBInstanceIdentifier", "ha",
                                                "ForceFailover", "true", NULL);
    g_autofree char *back = NULL;

    sim_advance_until (f->engine, EAST, "ha", "available", 10 * MINUTE);
    back = field (f, EAST, "ha", "availability-zone");
    g_assert_cmpstr (back, ==, primary);
  }
}

static void
test_zone_down_multi_az (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;
  g_autofree char *now_primary = NULL;
  g_autofree char *new_secondary = NULL;
  g_auto(GStrv) down = NULL;
  gint64 took;

  make (f, EAST, "ha", "mysql", TRUE);
  primary = field (f, EAST, "ha", "availability-zone");
  secondary = field (f, EAST, "ha", "secondary-availability-zone");

  g_assert_false (rds_sim_engine_set_zone_down (f->engine, EAST, "us-east-9z", TRUE, &error));
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE);
  g_clear_error (&error);

  /* The primary's zone goes down: the standby takes over by itself. */
  g_assert_true (rds_sim_engine_set_zone_down (f->engine, EAST, primary, TRUE, &error));
  down = rds_sim_engine_list_zones_down (f->engine, EAST);
  g_assert_cmpstrv (down, ((const char *[]) { primary, NULL }));
  {
    g_autofree char *status = sim_status (f->engine, EAST, "ha");

    g_assert_cmpstr (status, ==, "rebooting");
  }
  took = sim_advance_until (f->engine, EAST, "ha", "available", 10 * MINUTE);
  g_assert_cmpint (took, >=, MINUTE);
  g_assert_cmpint (took, <=, 2 * MINUTE);
  now_primary = field (f, EAST, "ha", "availability-zone");
  g_assert_cmpstr (now_primary, ==, secondary);

  /* Its lost standby is rebuilt in a healthy zone. */
  {
    g_autoptr(JsonObject) detail = inside (f, EAST, "ha");

    g_assert_cmpstr (standby_state (detail), ==, "snapshot");
  }
  rds_sim_engine_advance (f->engine, 40 * MINUTE);
  {
    g_autoptr(JsonObject) detail = inside (f, EAST, "ha");

    g_assert_cmpstr (standby_state (detail), ==, "in-sync");
  }
  new_secondary = field (f, EAST, "ha", "secondary-availability-zone");
  g_assert_cmpstr (new_secondary, !=, primary);
  g_assert_cmpstr (new_secondary, !=, now_primary);
  assert_events_in_order (f, EAST, "ha", (const char *[]) {
    "Multi-AZ instance failover started.",
    "Multi-AZ failover to standby complete - DNS propagation may take a few minutes.",
    "Multi-AZ instance recovery started.",
    "Multi-AZ instance recovery completed. Pending failover or activation.",
    NULL });
}

static void
test_zone_down_single_az (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *zone = NULL;
  g_autoptr(GPtrArray) events = NULL;

  make (f, EAST, "solo", "postgres", FALSE);
  zone = field (f, EAST, "solo", "availability-zone");

  g_assert_true (rds_sim_engine_set_zone_down (f->engine, EAST, zone, TRUE, &error));
  {
    g_autofree char *status = sim_status (f->engine, EAST, "solo");

    g_assert_cmpstr (status, ==, "failed");
  }
  /* It stays down, with no metrics, for as long as its zone is. */
  rds_sim_engine_advance (f->engine, 3 * HOUR);
  {
    g_autofree char *status = sim_status (f->engine, EAST, "solo");

    g_assert_cmpstr (status, ==, "failed");
  }
  g_assert_cmpfloat (latest (f, EAST, "solo", "CPUUtilization", "Average"), ==, -1);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, NULL,
                    "RebootDBInstance", "DBInstanceIdentifier", "solo", NULL);

  /* The zone returns: it recovers. */
  g_assert_true (rds_sim_engine_set_zone_down (f->engine, EAST, zone, FALSE, &error));
  {
    g_autofree char *status = sim_status (f->engine, EAST, "solo");

    g_assert_cmpstr (status, ==, "rebooting");
  }
  sim_advance_until (f->engine, EAST, "solo", "available", HOUR);
  events = sim_events (f->engine, EAST, "db-instance", "solo", "600");
  assert_events_in_order (f, EAST, "solo", (const char *[]) {
    "DB instance shutdown.",
    "Recovery of the DB instance has started. Recovery time will vary with the amount of data to be recovered.",
    "Recovery of the DB instance is complete.",
    NULL });
}

static void
test_zone_down_standby (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;
  g_autofree char *rebuilt = NULL;

  make (f, EAST, "ha", "postgres", TRUE);
  primary = field (f, EAST, "ha", "availability-zone");
  secondary = field (f, EAST, "ha", "secondary-availability-zone");

  /* The standby's zone: no outage, a new standby elsewhere; no failover
   * can happen meanwhile. */
  g_assert_true (rds_sim_engine_set_zone_down (f->engine, EAST, secondary, TRUE, &error));
  {
    g_autofree char *status = sim_status (f->engine, EAST, "ha");

    g_assert_cmpstr (status, ==, "available");
  }
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "standby",
                    "RebootDBInstance", "DBInstanceIdentifier", "ha", "ForceFailover", "true", NULL);
  rds_sim_engine_advance (f->engine, 40 * MINUTE);
  rebuilt = field (f, EAST, "ha", "secondary-availability-zone");
  g_assert_cmpstr (rebuilt, !=, secondary);
  g_assert_cmpstr (rebuilt, !=, primary);
  {
    g_autofree char *zone = field (f, EAST, "ha", "availability-zone");

    g_assert_cmpstr (zone, ==, primary);
  }
}

static void
test_host_and_storage_failures (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;

  make (f, EAST, "solo", "mysql", FALSE);
  g_assert_false (rds_sim_engine_fail_instance (f->engine, EAST, "solo", "disk", &error));
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE);
  g_clear_error (&error);
  g_assert_false (rds_sim_engine_fail_instance (f->engine, EAST, "nobody", "host", &error));
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND);
  g_clear_error (&error);

  /* A failed host is replaced within minutes. */
  g_assert_true (rds_sim_engine_fail_instance (f->engine, EAST, "solo", "host", &error));
  {
    g_autofree char *status = sim_status (f->engine, EAST, "solo");

    g_assert_cmpstr (status, ==, "rebooting");
  }
  g_assert_cmpint (sim_advance_until (f->engine, EAST, "solo", "available", HOUR), <=, 16 * MINUTE);

  /* Failed storage is restored from backups, which takes longer. */
  g_assert_true (rds_sim_engine_fail_instance (f->engine, EAST, "solo", "storage", &error));
  g_assert_cmpint (sim_advance_until (f->engine, EAST, "solo", "available", 2 * HOUR), >=, 20 * MINUTE);
  events = sim_events (f->engine, EAST, "db-instance", "solo", "120");
  g_assert_cmpint (sim_event_index (events, "The DB instance was restored from its automated backups to its "
                                    "latest restorable time; changes made after it were lost."), >=, 0);

  /* Without backups, failed storage is the end of it. */
  {
    g_autoptr(RdsQueryResult) modified = sim_call (f->engine, EAST, "ModifyDBInstance", "DBInstanceIdentifier",
                                                   "solo", "BackupRetentionPeriod", "0",
                                                   "ApplyImmediately", "true", NULL);

    sim_advance_until (f->engine, EAST, "solo", "available", HOUR);
  }
  g_assert_true (rds_sim_engine_fail_instance (f->engine, EAST, "solo", "storage", &error));
  rds_sim_engine_advance (f->engine, 6 * HOUR);
  {
    g_autofree char *status = sim_status (f->engine, EAST, "solo");

    g_assert_cmpstr (status, ==, "failed");
  }

  /* A Multi-AZ instance fails over instead. */
  make (f, EAST, "ha", "postgres", TRUE);
  {
    g_autofree char *secondary = field (f, EAST, "ha", "secondary-availability-zone");
    g_autofree char *primary = NULL;

    g_assert_true (rds_sim_engine_fail_instance (f->engine, EAST, "ha", "storage", &error));
    sim_advance_until (f->engine, EAST, "ha", "available", 10 * MINUTE);
    primary = field (f, EAST, "ha", "availability-zone");
    g_assert_cmpstr (primary, ==, secondary);
  }
}

/* The primary's host fails: the standby takes over in 60-120 s, the
 * endpoint keeps its name, and a new standby replaces the lost host. */
static void
test_host_failure_multi_az (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsDbInstance) before = NULL;
  g_autoptr(RdsDbInstance) after = NULL;
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;
  g_autofree char *address = NULL;
  gint64 took = 0;

  make (f, EAST, "ha", "postgres", TRUE);
  rds_sim_engine_advance (f->engine, 10 * MINUTE);
  before = sim_describe (f->engine, EAST, "ha");
  primary = g_strdup (rds_shape_get_string (RDS_SHAPE (before), "availability-zone"));
  secondary = g_strdup (rds_shape_get_string (RDS_SHAPE (before), "secondary-availability-zone"));
  address = g_strdup (rds_shape_get_string (rds_shape_get_object (RDS_SHAPE (before), "endpoint"), "address"));
  g_assert_cmpfloat (latest (f, EAST, "ha", "DatabaseConnections", "Average"), >, 0);

  g_assert_true (rds_sim_engine_fail_instance (f->engine, EAST, "ha", "host", &error));
  g_assert_no_error (error);

  /* At once: rebooting, failing over, no connections. */
  for (;;)
    {
      g_autofree char *status = sim_status (f->engine, EAST, "ha");

      if (g_str_equal (status, "available"))
        break;
      g_assert_cmpstr (status, ==, "rebooting");
      if (took == 60)
        g_assert_cmpfloat (latest (f, EAST, "ha", "DatabaseConnections", "Average"), ==, 0);
      g_assert_cmpint (took, <=, 120);
      rds_sim_engine_advance (f->engine, 5);
      took += 5;
    }
  g_assert_cmpint (took, >=, 60);
  g_assert_cmpint (took, <=, 120);

  /* The zones swapped; the name the applications use did not change. */
  after = sim_describe (f->engine, EAST, "ha");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (after), "availability-zone"), ==, secondary);
  g_assert_cmpstr (rds_shape_get_string (rds_shape_get_object (RDS_SHAPE (after), "endpoint"), "address"), ==,
                   address);
  {
    g_autoptr(JsonObject) detail = inside (f, EAST, "ha");

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (detail, "faults")), ==, 0);
    g_assert_true (json_object_has_member (detail, "lastFailover"));
    /* The failed host is no standby: one is built again. */
    g_assert_cmpstr (standby_state (detail), ==, "snapshot");
  }
  rds_sim_engine_advance (f->engine, 2 * MINUTE);
  g_assert_cmpfloat (latest (f, EAST, "ha", "DatabaseConnections", "Average"), >, 0);

  rds_sim_engine_advance (f->engine, 40 * MINUTE);
  {
    g_autoptr(JsonObject) detail = inside (f, EAST, "ha");
    g_autofree char *rebuilt = field (f, EAST, "ha", "secondary-availability-zone");

    g_assert_cmpstr (standby_state (detail), ==, "in-sync");
    g_assert_cmpstr (rebuilt, !=, secondary);
  }
  assert_events_in_order (f, EAST, "ha", (const char *[]) {
    "Multi-AZ instance failover started.",
    "Multi-AZ failover to standby complete - DNS propagation may take a few minutes.",
    "Multi-AZ instance recovery started.",
    "Multi-AZ instance recovery completed. Pending failover or activation.",
    NULL });
  g_assert_cmpuint (count_events (f, EAST, "ha", "Multi-AZ instance failover started.", "60"), ==, 1);
}

/* Read replicas */

static void
test_replica_lifecycle (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RdsQueryResult) created = NULL;
  g_autoptr(RdsDbInstance) replica = NULL;
  g_autoptr(RdsDbInstance) source = NULL;
  GListModel *infos;
  g_autoptr(RdsShape) info = NULL;
  gint64 creating, modifying;

  make (f, EAST, "main", "postgres", FALSE);
  created = sim_call (f->engine, EAST, "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "Reader-1",
                      "SourceDBInstanceIdentifier", "main", NULL);
  g_assert_cmpstr (rds_db_instance_get_identifier (RDS_DB_INSTANCE (created->item)), ==, "reader-1");
  g_assert_cmpstr (rds_db_instance_get_status (RDS_DB_INSTANCE (created->item)), ==, "creating");
  g_assert_cmpstr (rds_shape_get_string (created->item, "read-replica-source-db-instance-identifier"), ==, "main");
  g_assert_cmpint (rds_shape_get_int (created->item, "backup-retention-period"), ==, 0);
  g_assert_cmpstr (rds_shape_get_string (created->item, "engine-version"), ==, "17.4");
  g_assert_cmpstr (rds_shape_get_string (created->item, "db-instance-class"), ==, "db.m5.large");

  /* The Single-AZ source backs up for its snapshot, and lists its replica. */
  source = sim_describe (f->engine, EAST, "main");
  g_assert_cmpstr (rds_db_instance_get_status (source), ==, "backing-up");
  g_assert_cmpstrv (rds_shape_get_strv (RDS_SHAPE (source), "read-replica-db-instance-identifiers"),
                    ((const char *[]) { "reader-1", NULL }));
  g_assert_cmpint (sim_advance_until (f->engine, EAST, "main", "available", 5 * MINUTE), <=, 2 * MINUTE);

  creating = sim_advance_until (f->engine, EAST, "reader-1", "modifying", HOUR);
  modifying = sim_advance_until (f->engine, EAST, "reader-1", "available", HOUR);
  g_assert_cmpint (creating + modifying, >=, 8 * MINUTE);
  g_assert_cmpint (creating + modifying, <=, 20 * MINUTE);

  replica = sim_describe (f->engine, EAST, "reader-1");
  g_assert_nonnull (rds_shape_get_object (RDS_SHAPE (replica), "endpoint"));
  infos = rds_shape_get_list (RDS_SHAPE (replica), "status-infos");
  g_assert_cmpuint (g_list_model_get_n_items (infos), ==, 1);
  info = g_list_model_get_item (infos, 0);
  g_assert_cmpstr (rds_shape_get_string (info, "status-type"), ==, "read replication");
  g_assert_cmpstr (rds_shape_get_string (info, "status"), ==, "replicating");
  g_assert_true (rds_shape_get_boolean (info, "normal"));
  assert_events_in_order (f, EAST, "reader-1", (const char *[]) {
    "DB instance created.", "Replication for the Read Replica resumed.", NULL });

  /* It catches up from its snapshot's age to well under a second. */
  rds_sim_engine_advance (f->engine, 30 * MINUTE);
  g_assert_cmpfloat (latest (f, EAST, "reader-1", "ReplicaLag", "Maximum"), >=, 0);
  g_assert_cmpfloat (latest (f, EAST, "reader-1", "ReplicaLag", "Maximum"), <, 2);
  g_assert_cmpfloat (latest (f, EAST, "main", "ReplicaLag", "Maximum"), ==, -1);

  /* A source writing hard leaves it behind. */
  {
    g_autoptr(GError) error = NULL;
    double calm = latest (f, EAST, "reader-1", "ReplicaLag", "Average");

    g_assert_true (rds_sim_engine_set_workload (f->engine, EAST, "main", "spiky-batch", 40, &error));
    rds_sim_engine_advance (f->engine, 30 * MINUTE);
    g_assert_cmpfloat (latest (f, EAST, "reader-1", "ReplicaLag", "Maximum"), >, calm + 5);
  }

  /* Neither can be stopped; the source keeps its backups. */
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "read replicas",
                    "StopDBInstance", "DBInstanceIdentifier", "main", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "read replicas can't be stopped",
                    "StopDBInstance", "DBInstanceIdentifier", "reader-1", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "has read replicas",
                    "ModifyDBInstance", "DBInstanceIdentifier", "main", "BackupRetentionPeriod", "0",
                    "ApplyImmediately", "true", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "FinalDBSnapshotIdentifier",
                    "DeleteDBInstance", "DBInstanceIdentifier", "reader-1", "FinalDBSnapshotIdentifier", "x", NULL);
}

static void
test_replica_multi_az_source (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(RdsQueryResult) created = NULL;
  g_autoptr(RdsDbInstance) source = NULL;
  g_autoptr(RdsDbInstance) replica = NULL;

  /* A Multi-AZ source gives the snapshot from its standby: no backing-up.
   * A replica can be Multi-AZ itself. */
  make (f, EAST, "main", "mysql", TRUE);
  created = sim_call (f->engine, EAST, "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "r",
                      "SourceDBInstanceIdentifier", "main", "MultiAZ", "true",
                      "DBInstanceClass", "db.m5.xlarge", NULL);
  source = sim_describe (f->engine, EAST, "main");
  g_assert_cmpstr (rds_db_instance_get_status (source), ==, "available");
  sim_advance_until (f->engine, EAST, "r", "available", HOUR);
  replica = sim_describe (f->engine, EAST, "r");
  g_assert_true (rds_shape_get_boolean (RDS_SHAPE (replica), "multi-az"));
  g_assert_nonnull (rds_shape_get_string (RDS_SHAPE (replica), "secondary-availability-zone"));
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (replica), "db-instance-class"), ==, "db.m5.xlarge");
  {
    g_autoptr(RdsQueryResult) failover = sim_call (f->engine, EAST, "RebootDBInstance", "DBInstanceIdentifier", "r",
                                                   "ForceFailover", "true", NULL);

    sim_advance_until (f->engine, EAST, "r", "available", 10 * MINUTE);
  }
}

static void
test_replica_errors (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RdsQueryResult) off = NULL;

  make (f, EAST, "main", "postgres", FALSE);
  make (f, EAST, "ora", "oracle-se2", FALSE);

  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_MISSING_PARAMETER, "SourceDBInstanceIdentifier",
                    "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "r", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND, "nobody",
                    "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "r",
                    "SourceDBInstanceIdentifier", "nobody", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_DB_INSTANCE_ALREADY_EXISTS, NULL,
                    "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "ora",
                    "SourceDBInstanceIdentifier", "main", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, NULL,
                    "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "1bad",
                    "SourceDBInstanceIdentifier", "main", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_DB_SUBNET_GROUP_NOT_ALLOWED, "same region",
                    "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "r",
                    "SourceDBInstanceIdentifier", "main", "DBSubnetGroupName", "default", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "unencrypted",
                    "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "r",
                    "SourceDBInstanceIdentifier", "main", "KmsKeyId", "alias/aws/rds", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "less than its source",
                    "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "r",
                    "SourceDBInstanceIdentifier", "main", "AllocatedStorage", "50", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, NULL,
                    "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "r",
                    "SourceDBInstanceIdentifier", "arn:aws:rds:us-east-1:db:main", NULL);

  /* Backups are needed. */
  off = sim_call (f->engine, EAST, "ModifyDBInstance", "DBInstanceIdentifier", "main",
                  "BackupRetentionPeriod", "0", "ApplyImmediately", "true", NULL);
  sim_advance_until (f->engine, EAST, "main", "available", HOUR);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                    "Automated backups are not enabled for this database instance.",
                    "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "r",
                    "SourceDBInstanceIdentifier", "main", NULL);
  {
    g_autofree char *count = NULL;
    g_autoptr(GPtrArray) none = sim_events (f->engine, EAST, "db-instance", "r", "60");

    /* A refused request leaves nothing behind. */
    g_assert_cmpuint (none->len, ==, 1);
    count = sim_status (f->engine, EAST, "main");
    g_assert_cmpstr (count, ==, "available");
  }

  /* Oracle: five replicas, none of a replica. */
  rds_sim_engine_set_quota (f->engine, RDS_SIM_QUOTA_INSTANCES, 100);
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("ora-r%d", i);
      g_autoptr(RdsQueryResult) replica = sim_call (f->engine, EAST, "CreateDBInstanceReadReplica",
                                                    "DBInstanceIdentifier", id,
                                                    "SourceDBInstanceIdentifier", "ora", NULL);
    }
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "already has 5 read replicas",
                    "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "ora-r5",
                    "SourceDBInstanceIdentifier", "ora", NULL);
  sim_advance_until (f->engine, EAST, "ora-r0", "available", 2 * HOUR);
  {
    g_autoptr(RdsQueryResult) on = sim_call (f->engine, EAST, "ModifyDBInstance", "DBInstanceIdentifier", "ora-r0",
                                             "BackupRetentionPeriod", "1", "ApplyImmediately", "true", NULL);

    sim_advance_until (f->engine, EAST, "ora-r0", "available", HOUR);
  }
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "of a read replica",
                    "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "ora-rr",
                    "SourceDBInstanceIdentifier", "ora-r0", NULL);
}

static void
test_replica_limit_and_cascade (Fixture       *f,
                                gconstpointer  data)
{
  rds_sim_engine_set_quota (f->engine, RDS_SIM_QUOTA_INSTANCES, 100);
  make (f, EAST, "main", "mysql", FALSE);
  for (int i = 0; i < 15; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%02d", i);
      g_autoptr(RdsQueryResult) replica = sim_call (f->engine, EAST, "CreateDBInstanceReadReplica",
                                                    "DBInstanceIdentifier", id,
                                                    "SourceDBInstanceIdentifier", "main", NULL);
    }
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "already has 15 read replicas",
                    "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "r15",
                    "SourceDBInstanceIdentifier", "main", NULL);

  /* MySQL: a replica of a replica, once it keeps backups. */
  sim_advance_until (f->engine, EAST, "r00", "available", HOUR);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "Automated backups",
                    "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "second",
                    "SourceDBInstanceIdentifier", "r00", NULL);
  {
    g_autoptr(RdsQueryResult) on = sim_call (f->engine, EAST, "ModifyDBInstance", "DBInstanceIdentifier", "r00",
                                             "BackupRetentionPeriod", "3", "ApplyImmediately", "true", NULL);
    g_autoptr(RdsQueryResult) second = NULL;

    sim_advance_until (f->engine, EAST, "r00", "available", HOUR);
    second = sim_call (f->engine, EAST, "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "second",
                       "SourceDBInstanceIdentifier", "r00", NULL);
    g_assert_cmpstr (rds_shape_get_string (second->item, "read-replica-source-db-instance-identifier"), ==, "r00");
  }
}

/* A replica of a replica of a replica, and no deeper; an engine without
 * cascading makes none. */
static void
test_replica_depth_limit (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RdsDbInstance) third = NULL;
  g_autoptr(GPtrArray) none = NULL;

  make (f, EAST, "main", "mysql", FALSE);
  make_replica_with_backups (f, EAST, "tier-1", "main");
  make_replica_with_backups (f, EAST, "tier-2", "tier-1");
  make_replica_with_backups (f, EAST, "tier-3", "tier-2");
  third = sim_describe (f->engine, EAST, "tier-3");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (third), "read-replica-source-db-instance-identifier"), ==,
                   "tier-2");
  assert_replication (f, EAST, "tier-3", "replicating", NULL);

  /* Four instances in a chain at most. */
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "at most 3 levels deep",
                    "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "tier-4",
                    "SourceDBInstanceIdentifier", "tier-3", NULL);
  g_clear_object (&third);
  third = sim_describe (f->engine, EAST, "tier-3");
  g_assert_null (rds_shape_get_strv (RDS_SHAPE (third), "read-replica-db-instance-identifiers"));
  g_assert_cmpstr (rds_db_instance_get_status (third), ==, "available");
  none = sim_events (f->engine, EAST, "db-instance", "tier-4", "60");
  g_assert_cmpuint (none->len, ==, 1);
  /* The second tier can still branch. */
  {
    g_autoptr(RdsQueryResult) branch = sim_call (f->engine, EAST, "CreateDBInstanceReadReplica",
                                                 "DBInstanceIdentifier", "tier-3b",
                                                 "SourceDBInstanceIdentifier", "tier-2", NULL);
  }

  /* SQL Server has no replica of a replica, backups or not. */
  make (f, EAST, "mssql", "sqlserver-se", FALSE);
  make_replica_with_backups (f, EAST, "mssql-r", "mssql");
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "of a read replica",
                    "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "mssql-rr",
                    "SourceDBInstanceIdentifier", "mssql-r", NULL);
}

/* SQL Server: five replicas of a source; Express and Web none. */
static void
test_replica_sqlserver_limit (Fixture       *f,
                              gconstpointer  data)
{
  rds_sim_engine_set_quota (f->engine, RDS_SIM_QUOTA_INSTANCES, 100);
  make (f, EAST, "mssql", "sqlserver-se", FALSE);
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("mssql-r%d", i);
      g_autoptr(RdsQueryResult) replica = sim_call (f->engine, EAST, "CreateDBInstanceReadReplica",
                                                    "DBInstanceIdentifier", id,
                                                    "SourceDBInstanceIdentifier", "mssql", NULL);
    }
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "already has 5 read replicas",
                    "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "mssql-r5",
                    "SourceDBInstanceIdentifier", "mssql", NULL);

  /* One gone, room for another. */
  sim_advance_until (f->engine, EAST, "mssql-r0", "available", 2 * HOUR);
  {
    g_autoptr(RdsQueryResult) deleted = sim_call (f->engine, EAST, "DeleteDBInstance",
                                                  "DBInstanceIdentifier", "mssql-r0",
                                                  "SkipFinalSnapshot", "true", NULL);
    g_autoptr(RdsQueryResult) again = NULL;

    sim_advance_until (f->engine, EAST, "mssql", "available", HOUR);
    again = sim_call (f->engine, EAST, "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "mssql-r5",
                      "SourceDBInstanceIdentifier", "mssql", NULL);
  }
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "already has 5 read replicas",
                    "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "mssql-r6",
                    "SourceDBInstanceIdentifier", "mssql", NULL);

  /* Express has no read replicas at all. */
  {
    g_autoptr(RdsQueryResult) created = sim_call (f->engine, EAST, "CreateDBInstance",
                                                  "DBInstanceIdentifier", "express",
                                                  "DBInstanceClass", "db.t3.small",
                                                  "Engine", "sqlserver-ex",
                                                  "MasterUsername", "admin",
                                                  "MasterUserPassword", "correct-horse-battery",
                                                  "AllocatedStorage", "20",
                                                  "LicenseModel", "license-included", NULL);

    sim_advance_until (f->engine, EAST, "express", "available", 2 * HOUR);
    sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "not supported for sqlserver-ex",
                      "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "express-r",
                      "SourceDBInstanceIdentifier", "express", NULL);
  }
}

static void
test_replica_cross_region (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(RdsQueryResult) created = NULL;
  g_autoptr(RdsDbInstance) source = NULL;
  g_autofree char *source_arn = NULL;
  g_autofree char *replica_arn = NULL;

  make (f, EAST, "main", "postgres", FALSE);
  make (f, EAST, "mssql", "sqlserver-se", FALSE);
  source = sim_describe (f->engine, EAST, "main");
  source_arn = g_strdup (rds_db_instance_get_arn (source));

  created = sim_call (f->engine, WEST, "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "west-reader",
                      "SourceDBInstanceIdentifier", source_arn, NULL);
  replica_arn = g_strdup (rds_db_instance_get_arn (RDS_DB_INSTANCE (created->item)));
  g_assert_true (g_str_has_prefix (replica_arn, "arn:aws:rds:us-west-2:"));
  g_assert_true (g_str_has_prefix (rds_shape_get_string (created->item, "availability-zone"), "us-west-2"));
  g_assert_cmpstr (rds_shape_get_string (created->item, "read-replica-source-db-instance-identifier"), ==,
                   source_arn);
  g_clear_object (&source);
  source = sim_describe (f->engine, EAST, "main");
  g_assert_cmpstrv (rds_shape_get_strv (RDS_SHAPE (source), "read-replica-db-instance-identifiers"),
                    ((const char *[]) { replica_arn, NULL }));
  sim_advance_until (f->engine, WEST, "west-reader", "available", HOUR);

  /* A little more lag than in its own Region, from the distance. */
  rds_sim_engine_advance (f->engine, 30 * MINUTE);
  g_assert_cmpfloat (latest (f, WEST, "west-reader", "ReplicaLag", "Average"), >=, 0.4);

  {
    g_autoptr(RdsDbInstance) mssql = sim_describe (f->engine, EAST, "mssql");

    sim_assert_error (f->engine, WEST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "SQL Server",
                      "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "west-mssql",
                      "SourceDBInstanceIdentifier", rds_db_instance_get_arn (mssql), NULL);
  }

  /* An encrypted source needs a key of the replica's Region. */
  {
    g_autoptr(RdsQueryResult) secret = sim_call (f->engine, EAST, "CreateDBInstance",
                                                 "DBInstanceIdentifier", "secret", "DBInstanceClass", "db.m5.large",
                                                 "Engine", "mysql", "MasterUsername", "admin",
                                                 "MasterUserPassword", "correct-horse-battery",
                                                 "AllocatedStorage", "20", "StorageEncrypted", "true", NULL);
    g_autofree char *arn = g_strdup (rds_db_instance_get_arn (RDS_DB_INSTANCE (secret->item)));
    g_autoptr(RdsQueryResult) replica = NULL;

    sim_advance_until (f->engine, EAST, "secret", "available", HOUR);
    sim_assert_error (f->engine, WEST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "KmsKeyId is required",
                      "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "west-secret",
                      "SourceDBInstanceIdentifier", arn, NULL);
    sim_assert_error (f->engine, WEST, RDS_AWS_ERROR_KMS_KEY_NOT_ACCESSIBLE, NULL,
                      "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "west-secret",
                      "SourceDBInstanceIdentifier", arn,
                      "KmsKeyId", rds_shape_get_string (secret->item, "kms-key-id"), NULL);
    replica = sim_call (f->engine, WEST, "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "west-secret",
                        "SourceDBInstanceIdentifier", arn, "KmsKeyId", "alias/aws/rds", NULL);
    g_assert_true (rds_shape_get_boolean (replica->item, "storage-encrypted"));
    g_assert_true (g_str_has_prefix (rds_shape_get_string (replica->item, "kms-key-id"), "arn:aws:kms:us-west-2:"));
  }
}

static void
test_promote (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RdsQueryResult) created = NULL;
  g_autoptr(RdsQueryResult) promoted = NULL;
  g_autoptr(RdsDbInstance) replica = NULL;
  g_autoptr(RdsDbInstance) source = NULL;

  make (f, EAST, "main", "mysql", FALSE);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "not a read replica",
                    "PromoteReadReplica", "DBInstanceIdentifier", "main", NULL);
  created = sim_call (f->engine, EAST, "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "r",
                      "SourceDBInstanceIdentifier", "main", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "not in available state",
                    "PromoteReadReplica", "DBInstanceIdentifier", "r", NULL);
  sim_advance_until (f->engine, EAST, "r", "available", HOUR);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, NULL,
                    "PromoteReadReplica", "DBInstanceIdentifier", "r", "BackupRetentionPeriod", "36", NULL);

  promoted = sim_call (f->engine, EAST, "PromoteReadReplica", "DBInstanceIdentifier", "r",
                       "BackupRetentionPeriod", "7", "PreferredBackupWindow", "03:00-03:30", NULL);
  g_assert_cmpstr (rds_db_instance_get_status (RDS_DB_INSTANCE (promoted->item)), ==, "modifying");
  sim_advance_until (f->engine, EAST, "r", "rebooting", HOUR);
  sim_advance_until (f->engine, EAST, "r", "available", HOUR);

  replica = sim_describe (f->engine, EAST, "r");
  g_assert_null (rds_shape_get_string (RDS_SHAPE (replica), "read-replica-source-db-instance-identifier"));
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (replica), "backup-retention-period"), ==, 7);
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (replica), "preferred-backup-window"), ==, "03:00-03:30");
  g_assert_cmpuint (g_list_model_get_n_items (rds_shape_get_list (RDS_SHAPE (replica), "status-infos")), ==, 0);
  source = sim_describe (f->engine, EAST, "main");
  g_assert_null (rds_shape_get_strv (RDS_SHAPE (source), "read-replica-db-instance-identifiers"));

  /* A standalone instance has no ReplicaLag from now on, and can stop. */
  rds_sim_engine_advance (f->engine, 10 * MINUTE);
  g_assert_cmpfloat (latest (f, EAST, "r", "ReplicaLag", "Maximum"), ==, -1);
  {
    g_autoptr(RdsQueryResult) stopped = sim_call (f->engine, EAST, "StopDBInstance", "DBInstanceIdentifier", "r",
                                                  NULL);
  }
}

/* Not while the replica is backing-up: once its snapshot is done. */
static void
test_promote_not_while_backing_up (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(RdsQueryResult) snapshot = NULL;
  g_autoptr(RdsQueryResult) promoted = NULL;

  make (f, EAST, "main", "mysql", FALSE);
  make_replica_with_backups (f, EAST, "r", "main");

  /* A Single-AZ replica's snapshot suspends its I/O: backing-up. */
  snapshot = sim_call (f->engine, EAST, "CreateDBSnapshot", "DBInstanceIdentifier", "r",
                       "DBSnapshotIdentifier", "r-before", NULL);
  {
    g_autofree char *status = sim_status (f->engine, EAST, "r");

    g_assert_cmpstr (status, ==, "backing-up");
  }
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "not in available state",
                    "PromoteReadReplica", "DBInstanceIdentifier", "r", "BackupRetentionPeriod", "3", NULL);
  /* Refused, it is still a replica that replicates. */
  {
    g_autoptr(RdsDbInstance) replica = sim_describe (f->engine, EAST, "r");

    g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (replica), "read-replica-source-db-instance-identifier"), ==,
                     "main");
  }

  sim_advance_until (f->engine, EAST, "r", "available", HOUR);
  promoted = sim_call (f->engine, EAST, "PromoteReadReplica", "DBInstanceIdentifier", "r",
                       "BackupRetentionPeriod", "3", NULL);
  g_assert_cmpstr (rds_db_instance_get_status (RDS_DB_INSTANCE (promoted->item)), ==, "modifying");
}

static void
test_delete_source_promotes (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RdsQueryResult) created = NULL;
  g_autoptr(RdsQueryResult) deleted = NULL;
  g_autoptr(RdsDbInstance) replica = NULL;

  make (f, EAST, "main", "postgres", FALSE);
  created = sim_call (f->engine, EAST, "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "r",
                      "SourceDBInstanceIdentifier", "main", NULL);
  sim_advance_until (f->engine, EAST, "r", "available", HOUR);
  deleted = sim_call (f->engine, EAST, "DeleteDBInstance", "DBInstanceIdentifier", "main",
                      "SkipFinalSnapshot", "true", NULL);
  replica = sim_describe (f->engine, EAST, "r");
  g_assert_null (rds_shape_get_string (RDS_SHAPE (replica), "read-replica-source-db-instance-identifier"));
  g_assert_cmpstr (rds_db_instance_get_status (replica), ==, "rebooting");
  sim_advance_until (f->engine, EAST, "r", "available", HOUR);

  /* Deleting a replica takes it off its source's list. */
  {
    g_autoptr(RdsQueryResult) other = NULL;
    g_autoptr(RdsQueryResult) gone = NULL;
    g_autoptr(RdsDbInstance) source = NULL;

    make (f, EAST, "second", "mysql", FALSE);
    other = sim_call (f->engine, EAST, "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "r2",
                      "SourceDBInstanceIdentifier", "second", NULL);
    sim_advance_until (f->engine, EAST, "r2", "available", HOUR);
    gone = sim_call (f->engine, EAST, "DeleteDBInstance", "DBInstanceIdentifier", "r2", NULL);
    source = sim_describe (f->engine, EAST, "second");
    g_assert_null (rds_shape_get_strv (RDS_SHAPE (source), "read-replica-db-instance-identifiers"));
  }
}

static void
test_replica_zone_down (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsQueryResult) created = NULL;
  g_autoptr(RdsDbInstance) replica = NULL;
  g_autoptr(RdsShape) info = NULL;
  g_autofree char *source_zone = NULL;
  g_autofree char *replica_zone = NULL;
  double caught_up, just_back;

  make (f, EAST, "main", "mysql", FALSE);
  source_zone = field (f, EAST, "main", "availability-zone");
  /* The replica in another zone than its source. */
  for (guint i = 0; ; i++)
    {
      g_autofree char *zone = g_strdup_printf ("us-east-1%c", "abcdef"[i]);

      if (g_str_equal (zone, source_zone))
        continue;
      created = sim_call (f->engine, EAST, "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "r",
                          "SourceDBInstanceIdentifier", "main", "AvailabilityZone", zone, NULL);
      replica_zone = g_steal_pointer (&zone);
      break;
    }
  sim_advance_until (f->engine, EAST, "r", "available", HOUR);
  rds_sim_engine_advance (f->engine, 30 * MINUTE);
  caught_up = latest (f, EAST, "r", "ReplicaLag", "Maximum");
  g_assert_cmpfloat (caught_up, <, 5);

  /* The source's zone goes down: replication breaks and the lag grows;
   * the replica can be promoted to take over. */
  g_assert_true (rds_sim_engine_set_zone_down (f->engine, EAST, source_zone, TRUE, &error));
  rds_sim_engine_advance (f->engine, 20 * MINUTE);
  replica = sim_describe (f->engine, EAST, "r");
  info = g_list_model_get_item (rds_shape_get_list (RDS_SHAPE (replica), "status-infos"), 0);
  g_assert_cmpstr (rds_shape_get_string (info, "status"), ==, "error");
  g_assert_false (rds_shape_get_boolean (info, "normal"));
  g_assert_cmpfloat (latest (f, EAST, "r", "ReplicaLag", "Maximum"), >=, 18 * MINUTE);

  /* It comes back: replication resumes and catches up. */
  g_assert_true (rds_sim_engine_set_zone_down (f->engine, EAST, source_zone, FALSE, &error));
  sim_advance_until (f->engine, EAST, "main", "available", HOUR);
  rds_sim_engine_advance (f->engine, 2 * MINUTE);
  just_back = latest (f, EAST, "r", "ReplicaLag", "Maximum");
  g_assert_cmpfloat (just_back, >, 60);
  rds_sim_engine_advance (f->engine, HOUR);
  g_assert_cmpfloat (latest (f, EAST, "r", "ReplicaLag", "Maximum"), <, 5);
  {
    g_autoptr(RdsDbInstance) back = sim_describe (f->engine, EAST, "r");
    g_autoptr(RdsShape) replicating = g_list_model_get_item (rds_shape_get_list (RDS_SHAPE (back), "status-infos"),
                                                             0);

    g_assert_cmpstr (rds_shape_get_string (replicating, "status"), ==, "replicating");
  }

  /* The replica's own zone: it is down, and stops replicating. */
  g_assert_true (rds_sim_engine_set_zone_down (f->engine, EAST, replica_zone, TRUE, &error));
  {
    g_autofree char *status = sim_status (f->engine, EAST, "r");

    g_assert_cmpstr (status, ==, "failed");
  }
  assert_replication (f, EAST, "r", "error", "not running");
  g_assert_true (rds_sim_engine_set_zone_down (f->engine, EAST, replica_zone, FALSE, &error));
  sim_advance_until (f->engine, EAST, "r", "available", HOUR);
  assert_replication (f, EAST, "r", "replicating", NULL);
}

/* An instance of 20 GiB that writes hard: its disk fills within a day. */
static void
fill_up (Fixture    *f,
         const char *id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rds_sim_engine_set_workload (f->engine, EAST, id, "spiky-batch", 40, &error));
  for (int hours = 0; ; hours++)
    {
      g_autofree char *status = sim_status (f->engine, EAST, id);

      if (g_str_equal (status, "storage-full"))
        break;
      g_assert_cmpint (hours, <, 48);
      rds_sim_engine_advance (f->engine, HOUR);
    }
}

/* More storage for a full disk, and the writing calmer. */
static void
add_storage (Fixture    *f,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsQueryResult) modified = sim_call (f->engine, EAST, "ModifyDBInstance", "DBInstanceIdentifier", id,
                                                 "AllocatedStorage", "200", "ApplyImmediately", "true", NULL);

  g_assert_true (rds_sim_engine_set_workload (f->engine, EAST, id, "steady-oltp", 1, &error));
  for (int minutes = 0; ; minutes += 5)
    {
      g_autofree char *status = sim_status (f->engine, EAST, id);

      if (g_str_equal (status, "available") || g_str_equal (status, "storage-optimization"))
        break;
      g_assert_cmpint (minutes, <, 2 * HOUR);
      rds_sim_engine_advance (f->engine, 5 * MINUTE);
    }
}

/* A small source and its replica, the replica replicating. */
static void
make_small_pair (Fixture    *f,
                 const char *source_engine)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsQueryResult) source = sim_call (f->engine, EAST, "CreateDBInstance",
                                               "DBInstanceIdentifier", "main",
                                               "DBInstanceClass", "db.m5.large",
                                               "Engine", source_engine,
                                               "MasterUsername", "admin",
                                               "MasterUserPassword", "correct-horse-battery",
                                               "AllocatedStorage", "20", NULL);
  g_autoptr(RdsQueryResult) replica = NULL;

  sim_advance_until (f->engine, EAST, "main", "available", HOUR);
  replica = sim_call (f->engine, EAST, "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "r",
                      "SourceDBInstanceIdentifier", "main", NULL);
  sim_advance_until (f->engine, EAST, "r", "available", HOUR);
  /* Neither fills by itself meanwhile. */
  g_assert_true (rds_sim_engine_set_workload (f->engine, EAST, "main", "idle", 1, &error));
  g_assert_true (rds_sim_engine_set_workload (f->engine, EAST, "r", "idle", 1, &error));
  assert_replication (f, EAST, "r", "replicating", NULL);
}

/* A replica whose disk is full can't apply its source's changes: its
 * replication is in error until it has room again. */
static void
test_replica_storage_full (Fixture       *f,
                           gconstpointer  data)
{
  make_small_pair (f, "mysql");
  fill_up (f, "r");
  assert_replication (f, EAST, "r", "error", "storage is full");
  g_assert_cmpuint (count_events (f, EAST, "r", "Replication has stopped.", "2880"), ==, 1);
  rds_sim_engine_advance (f->engine, 20 * MINUTE);
  g_assert_cmpfloat (latest (f, EAST, "r", "ReplicaLag", "Maximum"), >=, 18 * MINUTE);
  /* Its source knows nothing of it. */
  {
    g_autofree char *status = sim_status (f->engine, EAST, "main");

    g_assert_cmpstr (status, ==, "available");
  }

  add_storage (f, "r");
  assert_replication (f, EAST, "r", "replicating", NULL);
  g_assert_cmpuint (count_events (f, EAST, "r", "Replication for the Read Replica resumed.", "120"), ==, 1);
  rds_sim_engine_advance (f->engine, 2 * HOUR);
  g_assert_cmpfloat (latest (f, EAST, "r", "ReplicaLag", "Maximum"), <, 5);
}

/* A full source is shut down: its replicas can't reach it. */
static void
test_source_storage_full (Fixture       *f,
                          gconstpointer  data)
{
  make_small_pair (f, "postgres");
  fill_up (f, "main");
  assert_replication (f, EAST, "r", "error", "can't reach its source");
  {
    g_autofree char *status = sim_status (f->engine, EAST, "r");

    g_assert_cmpstr (status, ==, "available");
  }

  add_storage (f, "main");
  assert_replication (f, EAST, "r", "replicating", NULL);
}

/* The source's daily backup suspends its I/O for a minute or two, and
 * replication carries on through it, even across a restart of the
 * replica meanwhile. */
static void
test_replication_through_backups (Fixture       *f,
                                  gconstpointer  data)
{
  int backing_up = 0;

  make (f, EAST, "main", "mysql", FALSE);
  {
    g_autoptr(RdsQueryResult) replica = sim_call (f->engine, EAST, "CreateDBInstanceReadReplica",
                                                  "DBInstanceIdentifier", "r",
                                                  "SourceDBInstanceIdentifier", "main", NULL);
  }
  sim_advance_until (f->engine, EAST, "r", "available", HOUR);
  for (int minute = 0; minute < 25 * 60; minute++)
    {
      g_autofree char *status = sim_status (f->engine, EAST, "main");
      g_autofree char *replica = sim_status (f->engine, EAST, "r");

      if (g_str_equal (status, "backing-up") && backing_up++ == 0)
        {
          g_autoptr(RdsQueryResult) rebooted = sim_call (f->engine, EAST, "RebootDBInstance",
                                                         "DBInstanceIdentifier", "r", NULL);
        }
      else if (!g_str_equal (replica, "rebooting"))
        assert_replication (f, EAST, "r", "replicating", NULL);
      rds_sim_engine_advance (f->engine, MINUTE);
    }
  g_assert_cmpint (backing_up, >, 0);
}

/* Calls KMS with name/value pairs ending in NULL. */
static RdsQueryResult *
kms_call (Fixture    *f,
          const char *region,
          const char *action,
          ...)
{
  g_autoptr(RdsRequest) request = rds_request_new_for_api (&rds_api_kms, action);
  g_autoptr(GError) error = NULL;
  RdsQueryResult *result;
  const char *name;
  va_list args;

  va_start (args, action);
  while ((name = va_arg (args, const char *)) != NULL)
    rds_request_set (request, name, va_arg (args, const char *));
  va_end (args);
  result = rds_sim_engine_call (f->engine, region, request, &error);
  g_assert_no_error (error);
  return result;
}

/* A source whose KMS key is disabled stops: its replica in another Region
 * (its own key) keeps running, and can't replicate until the source is
 * back. */
static void
test_source_key_disabled (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RdsQueryResult) key = kms_call (f, EAST, "CreateKey", "Description", "app data", NULL);
  g_autofree char *key_id = g_strdup (rds_shape_get_string (rds_shape_get_object (key->item, "key-metadata"),
                                                            "key-id"));
  g_autoptr(RdsQueryResult) source = sim_call (f->engine, EAST, "CreateDBInstance",
                                               "DBInstanceIdentifier", "main",
                                               "DBInstanceClass", "db.m5.large",
                                               "Engine", "postgres",
                                               "MasterUsername", "admin",
                                               "MasterUserPassword", "correct-horse-battery",
                                               "AllocatedStorage", "100",
                                               "StorageEncrypted", "true",
                                               "KmsKeyId", key_id, NULL);
  g_autofree char *arn = g_strdup (rds_db_instance_get_arn (RDS_DB_INSTANCE (source->item)));
  g_autoptr(RdsQueryResult) replica = NULL;

  sim_advance_until (f->engine, EAST, "main", "available", HOUR);
  replica = sim_call (f->engine, WEST, "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "west-r",
                      "SourceDBInstanceIdentifier", arn, "KmsKeyId", "alias/aws/rds", NULL);
  sim_advance_until (f->engine, WEST, "west-r", "available", HOUR);
  assert_replication (f, WEST, "west-r", "replicating", NULL);

  {
    g_autoptr(RdsQueryResult) disabled = kms_call (f, EAST, "DisableKey", "KeyId", key_id, NULL);
  }
  sim_advance_until (f->engine, EAST, "main", "inaccessible-encryption-credentials-recoverable", 10 * MINUTE);
  assert_replication (f, WEST, "west-r", "error", "can't reach its source");
  {
    g_autofree char *status = sim_status (f->engine, WEST, "west-r");

    g_assert_cmpstr (status, ==, "available");
  }
  rds_sim_engine_advance (f->engine, 30 * MINUTE);
  g_assert_cmpfloat (latest (f, WEST, "west-r", "ReplicaLag", "Maximum"), >=, 25 * MINUTE);

  /* The key back, the source recovers and replication resumes. */
  {
    g_autoptr(RdsQueryResult) enabled = kms_call (f, EAST, "EnableKey", "KeyId", key_id, NULL);
  }
  sim_advance_until (f->engine, EAST, "main", "available", HOUR);
  assert_replication (f, WEST, "west-r", "replicating", NULL);
}

/* A failure under an operation ends it as RDS would, and nothing asked
 * for is lost or left half done. */
static void
test_faults_under_operations (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  make (f, EAST, "main", "mysql", FALSE);

  /* The source deleted while a replica sets up replication: a database
   * of its own, not one that can't reach a source it no longer has. */
  {
    g_autoptr(RdsQueryResult) r = sim_call (f->engine, EAST, "CreateDBInstanceReadReplica", "DBInstanceIdentifier",
                                            "orphan", "SourceDBInstanceIdentifier", "main", NULL);
    g_autoptr(RdsQueryResult) other = sim_call (f->engine, EAST, "CreateDBInstanceReadReplica",
                                                "DBInstanceIdentifier", "setup-fault",
                                                "SourceDBInstanceIdentifier", "main", NULL);
    g_autoptr(JsonObject) detail = NULL;

    sim_advance_until (f->engine, EAST, "orphan", "modifying", HOUR);
    sim_advance_until (f->engine, EAST, "setup-fault", "modifying", HOUR);

    /* A host failure under the other's setup: it sets up again after. */
    g_assert_true (rds_sim_engine_fail_instance (f->engine, EAST, "setup-fault", "host", &error));
    sim_advance_until (f->engine, EAST, "setup-fault", "available", 2 * HOUR);
    detail = inside (f, EAST, "setup-fault");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (detail, "replication"),
                                                    "state"), ==, "replicating");
  }
  {
    g_autoptr(RdsQueryResult) gone = NULL;
    g_autoptr(RdsQueryResult) second = NULL;
    g_autoptr(JsonObject) detail = NULL;

    make (f, EAST, "src2", "postgres", FALSE);
    second = sim_call (f->engine, EAST, "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "orphan2",
                       "SourceDBInstanceIdentifier", "src2", NULL);
    sim_advance_until (f->engine, EAST, "orphan2", "modifying", HOUR);
    gone = sim_call (f->engine, EAST, "DeleteDBInstance", "DBInstanceIdentifier", "src2",
                     "SkipFinalSnapshot", "true", NULL);
    sim_advance_until (f->engine, EAST, "orphan2", "available", HOUR);
    rds_sim_engine_advance (f->engine, 10 * MINUTE);
    detail = inside (f, EAST, "orphan2");
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (detail, "replication")));
    g_assert_cmpfloat (latest (f, EAST, "orphan2", "ReplicaLag", "Maximum"), ==, -1);
  }

  /* A failure under a promotion completes it. */
  {
    g_autoptr(RdsQueryResult) promoted = NULL;
    g_autoptr(RdsDbInstance) after = NULL;

    sim_advance_until (f->engine, EAST, "orphan", "available", HOUR);
    promoted = sim_call (f->engine, EAST, "PromoteReadReplica", "DBInstanceIdentifier", "orphan",
                         "BackupRetentionPeriod", "4", NULL);
    g_assert_true (rds_sim_engine_fail_instance (f->engine, EAST, "orphan", "host", &error));
    sim_advance_until (f->engine, EAST, "orphan", "available", 2 * HOUR);
    after = sim_describe (f->engine, EAST, "orphan");
    g_assert_null (rds_shape_get_string (RDS_SHAPE (after), "read-replica-source-db-instance-identifier"));
    g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (after), "backup-retention-period"), ==, 4);
    g_assert_true (rds_pending_modified_values_is_empty (rds_shape_get_object (RDS_SHAPE (after),
                                                                               "pending-modified-values")));
  }

  /* A failover during the first backup: the password is set all the same. */
  {
    g_autoptr(RdsQueryResult) created = sim_call (f->engine, EAST, "CreateDBInstance",
                                                  "DBInstanceIdentifier", "young", "DBInstanceClass", "db.m5.large",
                                                  "Engine", "postgres", "MasterUsername", "admin",
                                                  "MasterUserPassword", "correct-horse-battery",
                                                  "AllocatedStorage", "20", "MultiAZ", "true", NULL);
    g_autoptr(RdsDbInstance) after = NULL;

    sim_advance_until (f->engine, EAST, "young", "backing-up", HOUR);
    g_assert_true (rds_sim_engine_fail_instance (f->engine, EAST, "young", "host", &error));
    sim_advance_until (f->engine, EAST, "young", "available", HOUR);
    after = sim_describe (f->engine, EAST, "young");
    g_assert_true (rds_pending_modified_values_is_empty (rds_shape_get_object (RDS_SHAPE (after),
                                                                               "pending-modified-values")));
  }
}

/* A broken replica's lag keeps growing through whatever else changes. */
static void
test_lag_survives_changes (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsQueryResult) created = NULL;
  g_autofree char *zone = NULL;
  double before;

  make (f, EAST, "main", "mysql", FALSE);
  zone = field (f, EAST, "main", "availability-zone");
  created = sim_call (f->engine, EAST, "CreateDBInstanceReadReplica", "DBInstanceIdentifier", "r",
                      "SourceDBInstanceIdentifier", "main", NULL);
  sim_advance_until (f->engine, EAST, "r", "available", HOUR);
  g_assert_true (rds_sim_engine_set_zone_down (f->engine, EAST, zone, TRUE, &error));
  rds_sim_engine_advance (f->engine, 10 * MINUTE);
  before = latest (f, EAST, "r", "ReplicaLag", "Maximum");
  g_assert_cmpfloat (before, >=, 8 * MINUTE);
  g_assert_true (rds_sim_engine_set_workload (f->engine, EAST, "r", "read-heavy-reporting", 2, &error));
  rds_sim_engine_advance (f->engine, 5 * MINUTE);
  g_assert_cmpfloat (latest (f, EAST, "r", "ReplicaLag", "Maximum"), >=, before + 4 * MINUTE);
}

/* No standby is built from a primary that is down. */
static void
test_no_standby_from_a_down_primary (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;
  g_autoptr(JsonObject) detail = NULL;

  make (f, EAST, "ha", "postgres", TRUE);
  primary = field (f, EAST, "ha", "availability-zone");
  secondary = field (f, EAST, "ha", "secondary-availability-zone");

  /* It fails over to its standby, then that zone goes down too while the
   * new standby is being built. */
  g_assert_true (rds_sim_engine_set_zone_down (f->engine, EAST, primary, TRUE, &error));
  sim_advance_until (f->engine, EAST, "ha", "available", 10 * MINUTE);
  g_assert_true (rds_sim_engine_set_zone_down (f->engine, EAST, secondary, TRUE, &error));
  {
    g_autofree char *status = sim_status (f->engine, EAST, "ha");

    g_assert_cmpstr (status, ==, "failed");
  }
  rds_sim_engine_advance (f->engine, HOUR);
  detail = inside (f, EAST, "ha");
  g_assert_cmpstr (standby_state (detail), ==, "lost");

  /* Its zone back, it recovers, and builds a standby again. */
  g_assert_true (rds_sim_engine_set_zone_down (f->engine, EAST, secondary, FALSE, &error));
  sim_advance_until (f->engine, EAST, "ha", "available", HOUR);
  g_clear_pointer (&detail, json_object_unref);
  detail = inside (f, EAST, "ha");
  g_assert_cmpstr (standby_state (detail), ==, "snapshot");
}

/* Everything survives a restart of the simulator, faults included. */
static void
test_state_survives (void)
{
  g_autoptr(RdsSimClock) clock = rds_sim_clock_new (START_TIME, 1.0, TRUE);
  g_autoptr(RdsSimEngine) engine = rds_sim_engine_new (5, clock);
  g_autoptr(RdsSimClock) clock2 = rds_sim_clock_new (0, 1.0, TRUE);
  g_autoptr(RdsSimEngine) loaded = rds_sim_engine_new (1, clock2);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;
  g_autofree char *after_a = NULL;
  g_autofree char *after_b = NULL;
  g_auto(GStrv) down = NULL;
  Fixture f = { clock, engine };

  make (&f, EAST, "main", "mysql", FALSE);
  make (&f, EAST, "solo", "postgres", FALSE);
  {
    g_autoptr(RdsQueryResult) r = sim_call (engine, EAST, "CreateDBInstanceReadReplica", "DBInstanceIdentifier",
                                            "r", "SourceDBInstanceIdentifier", "main", NULL);
    g_autoptr(RdsQueryResult) m = NULL;
    g_autofree char *zone = field (&f, EAST, "solo", "availability-zone");

    sim_advance_until (engine, EAST, "main", "available", HOUR);
    m = sim_call (engine, EAST, "ModifyDBInstance", "DBInstanceIdentifier", "main",
                  "MultiAZ", "true", "ApplyImmediately", "true", NULL);

    rds_sim_engine_advance (engine, 12 * MINUTE);
    g_assert_true (rds_sim_engine_set_zone_down (engine, EAST, zone, TRUE, &error));
  }

  saved = sim_state_dump (engine);
  sim_state_load (loaded, saved);
  again = sim_state_dump (loaded);
  g_assert_cmpstr (saved, ==, again);
  down = rds_sim_engine_list_zones_down (loaded, EAST);
  g_assert_cmpuint (g_strv_length (down), ==, 1);

  rds_sim_engine_advance (engine, HOUR);
  rds_sim_engine_advance (loaded, HOUR);
  after_a = sim_state_dump (engine);
  after_b = sim_state_dump (loaded);
  g_assert_cmpstr (after_a, ==, after_b);
  g_assert_nonnull (strstr (after_b, "\"MultiAZ\":true"));
  g_assert_nonnull (strstr (after_b, "\"DBInstanceStatus\":\"failed\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/rds/sim/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("multi-az/convert", test_convert_to_multi_az);
  ADD ("multi-az/convert-in-window", test_convert_in_window);
  ADD ("multi-az/reboot-with-failover", test_reboot_with_failover);
  ADD ("multi-az/backup-from-standby", test_backup_from_standby);
  ADD ("faults/zone-down-multi-az", test_zone_down_multi_az);
  ADD ("faults/zone-down-single-az", test_zone_down_single_az);
  ADD ("faults/zone-down-standby", test_zone_down_standby);
  ADD ("faults/host-and-storage", test_host_and_storage_failures);
  ADD ("faults/host-failure-multi-az", test_host_failure_multi_az);
  ADD ("replicas/lifecycle", test_replica_lifecycle);
  ADD ("replicas/multi-az-source", test_replica_multi_az_source);
  ADD ("replicas/errors", test_replica_errors);
  ADD ("replicas/limit-and-cascade", test_replica_limit_and_cascade);
  ADD ("replicas/depth-limit", test_replica_depth_limit);
  ADD ("replicas/sqlserver-limit", test_replica_sqlserver_limit);
  ADD ("replicas/cross-region", test_replica_cross_region);
  ADD ("replicas/promote", test_promote);
  ADD ("replicas/promote-not-while-backing-up", test_promote_not_while_backing_up);
  ADD ("replicas/delete-source", test_delete_source_promotes);
  ADD ("replicas/zone-down", test_replica_zone_down);
  ADD ("replicas/replica-storage-full", test_replica_storage_full);
  ADD ("replicas/source-storage-full", test_source_storage_full);
  ADD ("replicas/through-backups", test_replication_through_backups);
  ADD ("replicas/source-key-disabled", test_source_key_disabled);
  ADD ("faults/under-operations", test_faults_under_operations);
  ADD ("faults/lag-survives-changes", test_lag_survives_changes);
  ADD ("faults/no-standby-from-down-primary", test_no_standby_from_a_down_primary);
#undef ADD
  g_test_add_func ("/rds/sim/availability/state-survives", test_state_survives);

  return g_test_run ();
}
