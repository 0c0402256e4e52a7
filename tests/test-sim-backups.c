/* test-sim-backups.c: automated backups, point-in-time and snapshot restores, renames
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs the engine on a paused clock and moves it explicitly.
 */

#include "config.h"

#include "rds-db-instance.h"
#include "rds-db-instance-automated-backup.h"
#include "rds-db-snapshot.h"
#include "rds-pending-modified-values.h"
#include "rds-sim-engine.h"
#include "sim-calls.h"
#include "sim-state-text.h"

#define EAST "us-east-1"
/* Monday 2026-01-05 00:00:00 UTC */
#define START_TIME G_GINT64_CONSTANT (1767571200000000)
#define MINUTE 60
#define HOUR 3600
#define DAY (24 * HOUR)
#define USEC(s) ((gint64) (s) * G_USEC_PER_SEC)

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

/* An available PostgreSQL instance, backed up 03:00-03:30 UTC. */
static void
make (Fixture    *f,
      const char *id,
      const char *retention,
      gboolean    multi_az)
{
  g_autoptr(RdsQueryResult) created = sim_call (f->engine, EAST, "CreateDBInstance",
                                                "DBInstanceIdentifier", id,
                                                "DBInstanceClass", "db.m5.large",
                                                "Engine", "postgres",
                                                "MasterUsername", "admin",
                                                "MasterUserPassword", "correct-horse-battery",
                                                "AllocatedStorage", "100",
                                                "DBName", "orders",
                                                "BackupRetentionPeriod", retention,
                                                "PreferredBackupWindow", "03:00-03:30",
                                                "PreferredMaintenanceWindow", "sun:05:00-sun:05:30",
                                                "MultiAZ", multi_az ? "true" : "false",
                                                NULL);

  sim_advance_until (f->engine, EAST, id, "available", HOUR);
}

static RdsQueryResult *
automated_snapshots (Fixture    *f,
                     const char *id)
{
  return sim_call (f->engine, EAST, "DescribeDBSnapshots", "DBInstanceIdentifier", id,
                   "SnapshotType", "automated", NULL);
}

static gint64
timestamp_of (gpointer    shape,
              const char *field)
{
  return rds_shape_get_timestamp (RDS_SHAPE (shape), field);
}

static gint64
now_of (Fixture *f)
{
  return rds_sim_engine_get_now (f->engine);
}

static int
minute_of_day (gint64 usec)
{
  return (int) ((usec / G_USEC_PER_SEC) % DAY / MINUTE);
}

/* The first backup at creation; then one a day in the backup window. */
static void
test_daily_backups (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RdsQueryResult) first = NULL;
  g_autoptr(RdsQueryResult) later = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(RdsDbInstance) instance = NULL;
  RdsDbSnapshot *snapshot;
  g_autofree char *name = NULL;
  gboolean seen_backing_up = FALSE;

  make (f, "app", "7", FALSE);
  first = automated_snapshots (f, "app");
  g_assert_cmpuint (first->items->len, ==, 1);
  snapshot = g_ptr_array_index (first->items, 0);
  g_assert_cmpstr (rds_db_snapshot_get_status (snapshot), ==, "available");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (snapshot), "snapshot-type"), ==, "automated");
  /* rds:<id>-YYYY-MM-DD-HH-MM, when it was taken */
  {
    g_autoptr(GDateTime) taken = g_date_time_new_from_unix_utc (timestamp_of (snapshot, "snapshot-create-time") / G_USEC_PER_SEC);
    g_autofree char *expected = g_date_time_format (taken, "rds:app-%Y-%m-%d-%H-%M");

    g_assert_cmpstr (rds_db_snapshot_get_identifier (snapshot), ==, expected);
  }
  events = sim_events (f->engine, EAST, "db-snapshot", rds_db_snapshot_get_identifier (snapshot), "60");
  g_assert_cmpint (sim_event_index (events, "Creating automated snapshot."), >=, 0);
  g_assert_cmpint (sim_event_index (events, "Automated snapshot created."), >, 0);

  /* Three days: three more, each in the window; a Single-AZ instance is
   * backing-up meanwhile. */
  for (int minute = 0; minute < 3 * DAY / MINUTE; minute++)
    {
      g_autofree char *status = sim_status (f->engine, EAST, "app");

      if (g_str_equal (status, "backing-up"))
        {
          seen_backing_up = TRUE;
          g_assert_cmpint (minute_of_day (now_of (f)), >=, 3 * 60);
          g_assert_cmpint (minute_of_day (now_of (f)), <, 3 * 60 + 30);
        }
      rds_sim_engine_advance (f->engine, MINUTE);
    }
  g_assert_true (seen_backing_up);
  later = automated_snapshots (f, "app");
  g_assert_cmpuint (later->items->len, ==, 4);
  for (guint i = 1; i < later->items->len; i++)
    {
      gint64 taken = timestamp_of (g_ptr_array_index (later->items, i), "snapshot-create-time");

      g_assert_cmpint (minute_of_day (taken), >=, 3 * 60);
      g_assert_cmpint (minute_of_day (taken), <, 3 * 60 + 30);
    }

  /* The logs: at most five minutes behind. */
  instance = sim_describe (f->engine, EAST, "app");
  g_assert_cmpint (timestamp_of (instance, "latest-restorable-time"), <=, now_of (f));
  g_assert_cmpint (timestamp_of (instance, "latest-restorable-time"), >, now_of (f) - USEC (5 * MINUTE));
}

/* Backups older than the retention period go; 0 turns them off. */
static void
test_retention (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RdsQueryResult) kept = NULL;
  g_autoptr(RdsQueryResult) none = NULL;
  g_autoptr(RdsQueryResult) modified = NULL;
  g_autoptr(RdsDbInstance) instance = NULL;
  gint64 cutoff;

  make (f, "app", "2", FALSE);
  rds_sim_engine_advance (f->engine, 5 * DAY);
  kept = automated_snapshots (f, "app");
  /* Two days of them, at most one more being taken. */
  g_assert_cmpuint (kept->items->len, >=, 2);
  g_assert_cmpuint (kept->items->len, <=, 3);
  cutoff = now_of (f) - USEC (3 * DAY);
  for (guint i = 0; i < kept->items->len; i++)
    g_assert_cmpint (timestamp_of (g_ptr_array_index (kept->items, i), "snapshot-create-time"), >, cutoff);

  /* Shorter: at once, without an outage. */
  modified = sim_call (f->engine, EAST, "ModifyDBInstance", "DBInstanceIdentifier", "app",
                       "BackupRetentionPeriod", "1", "ApplyImmediately", "true", NULL);
  g_clear_pointer (&kept, rds_query_result_free);
  kept = automated_snapshots (f, "app");
  for (guint i = 0; i < kept->items->len; i++)
    g_assert_cmpint (timestamp_of (g_ptr_array_index (kept->items, i), "snapshot-create-time"), >=,
                     now_of (f) - USEC (DAY));

  /* Off: they all go, and there is nothing to restore to. */
  g_clear_pointer (&modified, rds_query_result_free);
  modified = sim_call (f->engine, EAST, "ModifyDBInstance", "DBInstanceIdentifier", "app",
                       "BackupRetentionPeriod", "0", "ApplyImmediately", "true", NULL);
  sim_advance_until (f->engine, EAST, "app", "available", HOUR);
  none = automated_snapshots (f, "app");
  g_assert_cmpuint (none->items->len, ==, 0);
  instance = sim_describe (f->engine, EAST, "app");
  g_assert_cmpint (timestamp_of (instance, "latest-restorable-time"), ==, 0);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_POINT_IN_TIME_RESTORE_NOT_ENABLED, "backup retention period 0",
                    "RestoreDBInstanceToPointInTime", "SourceDBInstanceIdentifier", "app",
                    "TargetDBInstanceIdentifier", "copy", "UseLatestRestorableTime", "true", NULL);
  rds_sim_engine_advance (f->engine, 2 * DAY);
  g_clear_pointer (&none, rds_query_result_free);
  none = automated_snapshots (f, "app");
  g_assert_cmpuint (none->items->len, ==, 0);
}

/* No backups while stopped. */
static void
test_no_backups_while_stopped (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(RdsQueryResult) stopped = NULL;
  g_autoptr(RdsQueryResult) before = NULL;
  g_autoptr(RdsQueryResult) after = NULL;

  make (f, "app", "7", FALSE);
  stopped = sim_call (f->engine, EAST, "StopDBInstance", "DBInstanceIdentifier", "app", NULL);
  sim_advance_until (f->engine, EAST, "app", "stopped", HOUR);
  before = automated_snapshots (f, "app");
  rds_sim_engine_advance (f->engine, 3 * DAY);
  after = automated_snapshots (f, "app");
  g_assert_cmpuint (after->items->len, ==, before->items->len);
}

/* DescribeDBInstanceAutomatedBackups; backups retained after a delete, and
 * deleted. */
static void
test_automated_backups (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RdsQueryResult) active = NULL;
  g_autoptr(RdsQueryResult) retained = NULL;
  g_autoptr(RdsQueryResult) deleted = NULL;
  g_autoptr(RdsQueryResult) gone = NULL;
  g_autoptr(RdsQueryResult) snapshots = NULL;
  g_autoptr(RdsDbInstance) instance = NULL;
  RdsShape *backup, *window;
  g_autofree char *resource_id = NULL;
  gint64 deleted_at;

  make (f, "app", "3", FALSE);
  make (f, "other", "1", FALSE);
  rds_sim_engine_advance (f->engine, DAY);
  instance = sim_describe (f->engine, EAST, "app");
  resource_id = g_strdup (rds_db_instance_get_resource_id (instance));

  active = sim_call (f->engine, EAST, "DescribeDBInstanceAutomatedBackups", "DBInstanceIdentifier", "app", NULL);
  g_assert_cmpuint (active->items->len, ==, 1);
  backup = g_ptr_array_index (active->items, 0);
  g_assert_cmpstr (rds_shape_get_string (backup, "status"), ==, "active");
  g_assert_cmpstr (rds_shape_get_string (backup, "dbi-resource-id"), ==, resource_id);
  g_assert_cmpint (rds_shape_get_int (backup, "backup-retention-period"), ==, 3);
  window = rds_shape_get_object (backup, "restore-window");
  g_assert_nonnull (window);
  g_assert_cmpint (timestamp_of (window, "earliest-time"), <, timestamp_of (window, "latest-time"));
  g_assert_cmpint (timestamp_of (window, "latest-time"), >, now_of (f) - USEC (5 * MINUTE));

  /* Deleted without its backups' deletion: they stay, restorable to then. */
  deleted = sim_call (f->engine, EAST, "DeleteDBInstance", "DBInstanceIdentifier", "app",
                      "SkipFinalSnapshot", "true", "DeleteAutomatedBackups", "false", NULL);
  deleted_at = now_of (f);
  rds_sim_engine_advance (f->engine, HOUR);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND, NULL,
                    "DescribeDBInstances", "DBInstanceIdentifier", "app", NULL);
  retained = sim_call (f->engine, EAST, "DescribeDBInstanceAutomatedBackups", "DbiResourceId", resource_id, NULL);
  g_assert_cmpuint (retained->items->len, ==, 1);
  backup = g_ptr_array_index (retained->items, 0);
  g_assert_cmpstr (rds_shape_get_string (backup, "status"), ==, "retained");
  window = rds_shape_get_object (backup, "restore-window");
  g_assert_cmpint (timestamp_of (window, "latest-time"), <=, deleted_at);
  g_assert_cmpint (timestamp_of (window, "latest-time"), >, deleted_at - USEC (5 * MINUTE));
  snapshots = automated_snapshots (f, "app");
  g_assert_cmpuint (snapshots->items->len, >=, 2);

  /* Restorable from them, by resource ID. */
  {
    g_autoptr(RdsQueryResult) restored = sim_call (f->engine, EAST, "RestoreDBInstanceToPointInTime",
                                                   "SourceDbiResourceId", resource_id,
                                                   "TargetDBInstanceIdentifier", "app-again",
                                                   "UseLatestRestorableTime", "true", NULL);
    g_assert_cmpstr (rds_db_instance_get_status (RDS_DB_INSTANCE (restored->item)), ==, "creating");
  }

  /* Running instances' backups can't be deleted this way. */
  {
    g_autoptr(RdsDbInstance) other = sim_describe (f->engine, EAST, "other");

    sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_AUTOMATED_BACKUP_STATE, NULL,
                      "DeleteDBInstanceAutomatedBackup", "DbiResourceId",
                      rds_db_instance_get_resource_id (other), NULL);
  }
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_DB_INSTANCE_AUTOMATED_BACKUP_NOT_FOUND, NULL,
                    "DeleteDBInstanceAutomatedBackup", "DbiResourceId", "db-NOSUCHTHING", NULL);

  g_clear_pointer (&deleted, rds_query_result_free);
  deleted = sim_call (f->engine, EAST, "DeleteDBInstanceAutomatedBackup", "DbiResourceId", resource_id, NULL);
  g_assert_cmpstr (rds_shape_get_string (deleted->item, "status"), ==, "deleting");
  gone = automated_snapshots (f, "app");
  g_assert_cmpuint (gone->items->len, ==, 0);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_DB_INSTANCE_AUTOMATED_BACKUP_NOT_FOUND, NULL,
                    "DescribeDBInstanceAutomatedBackups", "DbiResourceId", resource_id, NULL);
}

/* Retained backups expire with their retention period. */
static void
test_retained_expire (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RdsQueryResult) deleted = NULL;
  g_autoptr(RdsQueryResult) left = NULL;
  g_autoptr(RdsDbInstance) instance = NULL;
  g_autofree char *resource_id = NULL;

  make (f, "app", "2", FALSE);
  instance = sim_describe (f->engine, EAST, "app");
  resource_id = g_strdup (rds_db_instance_get_resource_id (instance));
  deleted = sim_call (f->engine, EAST, "DeleteDBInstance", "DBInstanceIdentifier", "app",
                      "SkipFinalSnapshot", "true", "DeleteAutomatedBackups", "false", NULL);
  rds_sim_engine_advance (f->engine, DAY);
  left = sim_call (f->engine, EAST, "DescribeDBInstanceAutomatedBackups", NULL);
  g_assert_cmpuint (left->items->len, ==, 1);
  rds_sim_engine_advance (f->engine, 2 * DAY);
  g_clear_pointer (&left, rds_query_result_free);
  left = sim_call (f->engine, EAST, "DescribeDBInstanceAutomatedBackups", NULL);
  g_assert_cmpuint (left->items->len, ==, 0);
  g_clear_pointer (&left, rds_query_result_free);
  left = automated_snapshots (f, "app");
  g_assert_cmpuint (left->items->len, ==, 0);
}

/* RestoreDBInstanceToPointInTime: within the window, and its errors. */
static void
test_point_in_time (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RdsQueryResult) restored = NULL;
  g_autoptr(RdsDbInstance) source = NULL;
  g_autoptr(RdsDbInstance) copy = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *early = NULL;
  g_autofree char *late = NULL;
  g_autofree char *within = NULL;
  g_autofree char *expected = NULL;
  gint64 latest;

  make (f, "app", "7", FALSE);
  rds_sim_engine_advance (f->engine, 2 * DAY);
  source = sim_describe (f->engine, EAST, "app");
  latest = timestamp_of (source, "latest-restorable-time");

  early = rds_format_timestamp (START_TIME - USEC (HOUR));
  late = rds_format_timestamp (now_of (f) + USEC (HOUR));
  within = rds_format_timestamp (now_of (f) - USEC (DAY));
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_RESTORE, "outside the restorable window",
                    "RestoreDBInstanceToPointInTime", "SourceDBInstanceIdentifier", "app",
                    "TargetDBInstanceIdentifier", "copy", "RestoreTime", early, NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_RESTORE, "outside the restorable window",
                    "RestoreDBInstanceToPointInTime", "SourceDBInstanceIdentifier", "app",
                    "TargetDBInstanceIdentifier", "copy", "RestoreTime", late, NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "not both",
                    "RestoreDBInstanceToPointInTime", "SourceDBInstanceIdentifier", "app",
                    "TargetDBInstanceIdentifier", "copy", "RestoreTime", within,
                    "UseLatestRestorableTime", "true", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "RestoreTime",
                    "RestoreDBInstanceToPointInTime", "SourceDBInstanceIdentifier", "app",
                    "TargetDBInstanceIdentifier", "copy", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_DB_INSTANCE_ALREADY_EXISTS, NULL,
                    "RestoreDBInstanceToPointInTime", "SourceDBInstanceIdentifier", "app",
                    "TargetDBInstanceIdentifier", "app", "UseLatestRestorableTime", "true", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND, NULL,
                    "RestoreDBInstanceToPointInTime", "SourceDBInstanceIdentifier", "nothing",
                    "TargetDBInstanceIdentifier", "copy", "UseLatestRestorableTime", "true", NULL);

  /* A day back, in another class and Multi-AZ. */
  restored = sim_call (f->engine, EAST, "RestoreDBInstanceToPointInTime", "SourceDBInstanceIdentifier", "app",
                       "TargetDBInstanceIdentifier", "copy", "RestoreTime", within,
                       "DBInstanceClass", "db.m5.xlarge", "MultiAZ", "true", NULL);
  g_assert_cmpstr (rds_db_instance_get_status (RDS_DB_INSTANCE (restored->item)), ==, "creating");
  sim_advance_until (f->engine, EAST, "copy", "available", 2 * HOUR);
  copy = sim_describe (f->engine, EAST, "copy");
  g_assert_cmpstr (rds_db_instance_get_engine (copy), ==, "postgres");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (copy), "engine-version"), ==,
                   rds_shape_get_string (RDS_SHAPE (source), "engine-version"));
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (copy), "db-instance-class"), ==, "db.m5.xlarge");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (copy), "master-username"), ==, "admin");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (copy), "db-name"), ==, "orders");
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (copy), "allocated-storage"), ==, 100);
  g_assert_true (rds_shape_get_boolean (RDS_SHAPE (copy), "multi-az"));
  g_assert_null (rds_shape_get_string (rds_shape_get_object (RDS_SHAPE (copy), "pending-modified-values"),
                                       "master-user-password"));
  events = sim_events (f->engine, EAST, "db-instance", "copy", "180");
  expected = g_strdup_printf ("Restored from DB instance app to copy, as of %s.", within);
  g_assert_cmpint (sim_event_index (events, expected), >=, 0);

  /* The latest restorable time. */
  {
    g_autoptr(RdsQueryResult) latest_copy = sim_call (f->engine, EAST, "RestoreDBInstanceToPointInTime",
                                                      "SourceDBInstanceIdentifier", "app",
                                                      "TargetDBInstanceIdentifier", "latest",
                                                      "UseLatestRestorableTime", "true", NULL);
    g_assert_nonnull (latest_copy->item);
    g_assert_cmpint (latest, >, 0);
  }
}

/* RestoreDBInstanceFromDBSnapshot: the snapshot's settings, and the changes
 * a restore may make. */
static void
test_restore_snapshot (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RdsQueryResult) taken = NULL;
  g_autoptr(RdsQueryResult) restored = NULL;
  g_autoptr(RdsDbInstance) copy = NULL;
  g_autoptr(GPtrArray) events = NULL;

  make (f, "app", "7", FALSE);
  taken = sim_call (f->engine, EAST, "CreateDBSnapshot", "DBInstanceIdentifier", "app",
                    "DBSnapshotIdentifier", "before", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_SNAPSHOT_STATE, "once it is available",
                    "RestoreDBInstanceFromDBSnapshot", "DBInstanceIdentifier", "copy",
                    "DBSnapshotIdentifier", "before", NULL);
  sim_advance_until (f->engine, EAST, "app", "available", HOUR);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_DB_SNAPSHOT_NOT_FOUND, NULL,
                    "RestoreDBInstanceFromDBSnapshot", "DBInstanceIdentifier", "copy",
                    "DBSnapshotIdentifier", "nothing", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "can't shrink",
                    "RestoreDBInstanceFromDBSnapshot", "DBInstanceIdentifier", "copy",
                    "DBSnapshotIdentifier", "before", "AllocatedStorage", "50", NULL);

  restored = sim_call (f->engine, EAST, "RestoreDBInstanceFromDBSnapshot", "DBInstanceIdentifier", "copy",
                       "DBSnapshotIdentifier", "before", "StorageType", "io1", "Iops", "3000",
                       "Tags.Tag.1.Key", "purpose", "Tags.Tag.1.Value", "test", NULL);
  sim_advance_until (f->engine, EAST, "copy", "available", 2 * HOUR);
  copy = sim_describe (f->engine, EAST, "copy");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (copy), "storage-type"), ==, "io1");
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (copy), "iops"), ==, 3000);
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (copy), "db-instance-class"), ==, "db.m5.large");
  g_assert_false (rds_shape_get_boolean (RDS_SHAPE (copy), "multi-az"));
  g_assert_cmpuint (g_list_model_get_n_items (rds_shape_get_list (RDS_SHAPE (copy), "tag-list")), ==, 1);
  events = sim_events (f->engine, EAST, "db-instance", "copy", "180");
  g_assert_cmpint (sim_event_index (events, "Restored from snapshot before."), >=, 0);
}

/* Without a DBInstanceClass, a restore takes the class of the instance the
 * backup is of ("the same DBInstanceClass as the original DB instance"),
 * also once that instance is gone: its snapshots (and their copies) and
 * its retained automated backups keep it, across a restart too, though
 * the DBSnapshot shape has no field for it. */
static void
test_restore_gone_instance (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(RdsSimClock) clock2 = rds_sim_clock_new (START_TIME, 1.0, TRUE);
  g_autoptr(RdsSimEngine) loaded = rds_sim_engine_new (1, clock2);
  g_autoptr(RdsQueryResult) taken = NULL;
  g_autoptr(RdsQueryResult) copied = NULL;
  g_autoptr(RdsQueryResult) deleted = NULL;
  g_autoptr(RdsQueryResult) from_snapshot = NULL;
  g_autoptr(RdsQueryResult) from_copy = NULL;
  g_autoptr(RdsQueryResult) from_backups = NULL;
  g_autoptr(RdsDbInstance) instance = NULL;
  g_autoptr(RdsDbInstance) restored = NULL;
  g_autofree char *resource_id = NULL;
  g_autofree char *saved = NULL;

  make (f, "app", "7", FALSE);
  instance = sim_describe (f->engine, EAST, "app");
  resource_id = g_strdup (rds_db_instance_get_resource_id (instance));
  taken = sim_call (f->engine, EAST, "CreateDBSnapshot", "DBInstanceIdentifier", "app",
                    "DBSnapshotIdentifier", "before", NULL);
  sim_advance_until (f->engine, EAST, "app", "available", HOUR);
  copied = sim_call (f->engine, EAST, "CopyDBSnapshot", "SourceDBSnapshotIdentifier", "before",
                     "TargetDBSnapshotIdentifier", "before-copy", NULL);
  rds_sim_engine_advance (f->engine, 2 * HOUR);

  deleted = sim_call (f->engine, EAST, "DeleteDBInstance", "DBInstanceIdentifier", "app",
                      "SkipFinalSnapshot", "true", "DeleteAutomatedBackups", "false", NULL);
  rds_sim_engine_advance (f->engine, HOUR);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND, NULL,
                    "DescribeDBInstances", "DBInstanceIdentifier", "app", NULL);

  /* A restart in between: the class is in the saved state. */
  saved = sim_state_dump (f->engine);
  g_assert_nonnull (strstr (saved, "\"instanceClass\":\"db.m5.large\""));
  sim_state_load (loaded, saved);

  from_snapshot = sim_call (loaded, EAST, "RestoreDBInstanceFromDBSnapshot", "DBInstanceIdentifier", "again",
                            "DBSnapshotIdentifier", "before", NULL);
  g_assert_cmpstr (rds_shape_get_string (from_snapshot->item, "db-instance-class"), ==, "db.m5.large");
  g_assert_cmpstr (rds_shape_get_string (from_snapshot->item, "db-name"), ==, "orders");
  from_copy = sim_call (loaded, EAST, "RestoreDBInstanceFromDBSnapshot", "DBInstanceIdentifier", "again-copy",
                        "DBSnapshotIdentifier", "before-copy", NULL);
  g_assert_cmpstr (rds_shape_get_string (from_copy->item, "db-instance-class"), ==, "db.m5.large");
  from_backups = sim_call (loaded, EAST, "RestoreDBInstanceToPointInTime", "SourceDbiResourceId", resource_id,
                           "TargetDBInstanceIdentifier", "again-backups", "UseLatestRestorableTime", "true", NULL);
  g_assert_cmpstr (rds_shape_get_string (from_backups->item, "db-instance-class"), ==, "db.m5.large");

  sim_advance_until (loaded, EAST, "again-backups", "available", 2 * HOUR);
  restored = sim_describe (loaded, EAST, "again-backups");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (restored), "db-instance-class"), ==, "db.m5.large");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (restored), "db-name"), ==, "orders");
}

/* Renaming: the name, the endpoint and the ARN at once; the old name free. */
static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RdsQueryResult) renamed = NULL;
  g_autoptr(RdsQueryResult) pending = NULL;
  g_autoptr(RdsDbInstance) instance = NULL;
  g_autoptr(RdsDbInstance) waiting = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *status = NULL;
  RdsShape *endpoint;

  make (f, "app", "7", FALSE);
  make (f, "taken", "1", FALSE);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_DB_INSTANCE_ALREADY_EXISTS, NULL,
                    "ModifyDBInstance", "DBInstanceIdentifier", "app", "NewDBInstanceIdentifier", "taken",
                    "ApplyImmediately", "true", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, NULL,
                    "ModifyDBInstance", "DBInstanceIdentifier", "app", "NewDBInstanceIdentifier", "9-bad",
                    "ApplyImmediately", "true", NULL);

  renamed = sim_call (f->engine, EAST, "ModifyDBInstance", "DBInstanceIdentifier", "app",
                      "NewDBInstanceIdentifier", "App-Old", "ApplyImmediately", "true", NULL);
  g_assert_cmpstr (rds_db_instance_get_identifier (RDS_DB_INSTANCE (renamed->item)), ==, "app-old");
  status = sim_status (f->engine, EAST, "app-old");
  g_assert_cmpstr (status, ==, "renaming");
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND, NULL,
                    "DescribeDBInstances", "DBInstanceIdentifier", "app", NULL);
  sim_advance_until (f->engine, EAST, "app-old", "available", HOUR);
  instance = sim_describe (f->engine, EAST, "app-old");
  endpoint = rds_shape_get_object (RDS_SHAPE (instance), "endpoint");
  g_assert_true (g_str_has_prefix (rds_shape_get_string (endpoint, "address"), "app-old."));
  g_assert_true (g_str_has_suffix (rds_db_instance_get_arn (instance), ":db:app-old"));
  events = sim_events (f->engine, EAST, "db-instance", "app-old", "60");
  g_assert_cmpint (sim_event_index (events, "Renamed DB instance from app to app-old."), >=, 0);

  /* The old name is free for another. */
  {
    g_autoptr(RdsQueryResult) again = sim_call (f->engine, EAST, "ModifyDBInstance",
                                                "DBInstanceIdentifier", "taken",
                                                "NewDBInstanceIdentifier", "app", "ApplyImmediately", "true",
                                                NULL);
    g_assert_cmpstr (rds_db_instance_get_identifier (RDS_DB_INSTANCE (again->item)), ==, "app");
  }

  /* In the maintenance window unless applied immediately. */
  pending = sim_call (f->engine, EAST, "ModifyDBInstance", "DBInstanceIdentifier", "app-old",
                      "NewDBInstanceIdentifier", "app-later", NULL);
  waiting = sim_describe (f->engine, EAST, "app-old");
  g_assert_cmpstr (rds_shape_get_string (rds_shape_get_object (RDS_SHAPE (waiting), "pending-modified-values"),
                                         "db-instance-identifier"), ==, "app-later");
  rds_sim_engine_advance (f->engine, 7 * DAY);
  {
    g_autofree char *later = sim_status (f->engine, EAST, "app-later");

    g_assert_cmpstr (later, ==, "available");
  }
}

/* Backups, retained backups and restores survive a restart. */
static void
test_saved (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(RdsSimClock) clock2 = rds_sim_clock_new (START_TIME, 1.0, TRUE);
  g_autoptr(RdsSimEngine) loaded = rds_sim_engine_new (1, clock2);
  g_autoptr(RdsQueryResult) deleted = NULL;
  g_autoptr(RdsQueryResult) restored = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;
  g_autofree char *after_a = NULL;
  g_autofree char *after_b = NULL;

  make (f, "app", "2", FALSE);
  make (f, "gone", "2", FALSE);
  rds_sim_engine_advance (f->engine, DAY + HOUR);
  deleted = sim_call (f->engine, EAST, "DeleteDBInstance", "DBInstanceIdentifier", "gone",
                      "SkipFinalSnapshot", "true", "DeleteAutomatedBackups", "false", NULL);
  restored = sim_call (f->engine, EAST, "RestoreDBInstanceToPointInTime", "SourceDBInstanceIdentifier", "app",
                       "TargetDBInstanceIdentifier", "copy", "UseLatestRestorableTime", "true", NULL);

  saved = sim_state_dump (f->engine);
  sim_state_load (loaded, saved);
  again = sim_state_dump (loaded);
  g_assert_cmpstr (saved, ==, again);

  /* Both go on the same way: backups, expiry, the restore's events. */
  rds_sim_engine_advance (f->engine, 3 * DAY);
  rds_sim_engine_advance (loaded, 3 * DAY);
  after_a = sim_state_dump (f->engine);
  after_b = sim_state_dump (loaded);
  g_assert_cmpstr (after_a, ==, after_b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/rds/sim/backups/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("daily", test_daily_backups);
  ADD ("retention", test_retention);
  ADD ("none-while-stopped", test_no_backups_while_stopped);
  ADD ("automated-backups", test_automated_backups);
  ADD ("retained-expire", test_retained_expire);
  ADD ("point-in-time", test_point_in_time);
  ADD ("restore-snapshot", test_restore_snapshot);
  ADD ("restore-gone-instance", test_restore_gone_instance);
  ADD ("rename", test_rename);
  ADD ("saved", test_saved);
#undef ADD

  return g_test_run ();
}
