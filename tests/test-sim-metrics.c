/* test-sim-metrics.c: the simulator's metrics, storage autoscaling and
 * CloudWatch's answers, on a manual clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "rds-aws-error.h"
#include "rds-db-instance.h"
#include "rds-event.h"
#include "rds-sim-engine.h"
#include "sim-state-text.h"

#define REGION "us-east-1"
/* Monday 2026-01-05 00:00:00 UTC */
#define START_TIME G_GINT64_CONSTANT (1767571200000000)
#define MINUTE 60
#define HOUR 3600
#define DAY 86400
#define SEC(s) ((gint64) (s) * G_USEC_PER_SEC)
#define GIB 1073741824.0

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

static gint64
now (Fixture *f)
{
  return rds_sim_engine_get_now (f->engine);
}

/* Runs a request of @api with name/value pairs ending in NULL. */
static RdsQueryResult *
call_api_valist (RdsSimEngine  *engine,
                 const RdsApi  *api,
                 const char    *action,
                 GError       **error,
                 va_list        args)
{
  g_autoptr(RdsRequest) request = rds_request_new_for_api (api, action);
  const char *name;

  while ((name = va_arg (args, const char *)) != NULL)
    rds_request_set (request, name, va_arg (args, const char *));

  return rds_sim_engine_call (engine, REGION, request, error);
}

static RdsQueryResult *
call_api (RdsSimEngine *engine,
          const RdsApi *api,
          const char   *action,
          ...)
{
  g_autoptr(GError) error = NULL;
  RdsQueryResult *result;
  va_list args;

  va_start (args, action);
  result = call_api_valist (engine, api, action, &error, args);
  va_end (args);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
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
  result = call_api_valist (engine, &rds_api_monitoring, action, &error, args);
  va_end (args);

  if (result != NULL)
    g_error ("%s succeeded, but %s was expected", action, rds_aws_error_get_code (code));
  if (error->code != (int) code)
    g_error ("%s failed with %s (%s), but %s was expected", action,
             rds_aws_error_get_code (error->code), error->message, rds_aws_error_get_code (code));
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
}

static void
create (Fixture    *f,
        const char *id,
        const char *klass,
        const char *storage,
        const char *max_storage)
{
  g_autoptr(RdsQueryResult) result = NULL;

  result = call_api (f->engine, &rds_api_rds, "CreateDBInstance",
                     "DBInstanceIdentifier", id,
                     "DBInstanceClass", klass,
                     "Engine", "postgres",
                     "MasterUsername", "postgres",
                     "MasterUserPassword", "secret-password",
                     "AllocatedStorage", storage,
                     "StorageType", "gp2",
                     max_storage != NULL ? "MaxAllocatedStorage" : NULL, max_storage,
                     NULL);
}

static void
advance (Fixture *f,
         gint64   seconds)
{
  rds_sim_engine_advance (f->engine, seconds);
}

static const char *
status_of (Fixture    *f,
           const char *id)
{
  g_autoptr(RdsQueryResult) result = call_api (f->engine, &rds_api_rds, "DescribeDBInstances",
                                               "DBInstanceIdentifier", id, NULL);

  return g_intern_string (rds_db_instance_get_status (g_ptr_array_index (result->items, 0)));
}

/* Advances a minute at a time until @id is @status. */
static void
wait_for (Fixture    *f,
          const char *id,
          const char *status)
{
  for (int i = 0; i < 24 * 60 * 3 && g_strcmp0 (status_of (f, id), status) != 0; i++)
    advance (f, MINUTE);
  g_assert_cmpstr (status_of (f, id), ==, status);
}

static void
set_workload (Fixture    *f,
              const char *id,
              const char *profile,
              double      multiplier)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rds_sim_engine_set_workload (f->engine, REGION, id, profile, multiplier, &error));
  g_assert_no_error (error);
}

typedef struct
{
  GArray *times;   /* gint64 */
  GArray *values;  /* double */
} Points;

static void
points_clear (Points *points)
{
  g_clear_pointer (&points->times, g_array_unref);
  g_clear_pointer (&points->values, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Points, points_clear)

/* One statistic of a metric from @start to @end, oldest first, through
 * GetMetricData as a client asks for it. */
static void
fetch (Fixture    *f,
       const char *id,
       const char *metric,
       const char *stat,
       int         period,
       gint64      start,
       gint64      end,
       Points     *out)
{
  g_autoptr(RdsRequest) request = rds_request_new_for_api (&rds_api_monitoring, "GetMetricData");
  g_autoptr(RdsQueryResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsShape) item = NULL;
  GArray *timestamps, *values;

  rds_request_set (request, "MetricDataQueries.member.1.Id", "m1");
  rds_request_set (request, "MetricDataQueries.member.1.MetricStat.Metric.Namespace", "AWS/RDS");
  rds_request_set (request, "MetricDataQueries.member.1.MetricStat.Metric.MetricName", metric);
  rds_request_set (request, "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name",
                   "DBInstanceIdentifier");
  rds_request_set (request, "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value", id);
  rds_request_set (request, "MetricDataQueries.member.1.MetricStat.Stat", stat);
  rds_request_set_int (request, "MetricDataQueries.member.1.MetricStat.Period", period);
  rds_request_set_timestamp (request, "StartTime", start);
  rds_request_set_timestamp (request, "EndTime", end);
  rds_request_set (request, "ScanBy", "TimestampAscending");

  result = rds_sim_engine_call (f->engine, REGION, request, &error);
  g_assert_no_error (error);
  item = g_list_model_get_item (G_LIST_MODEL (rds_shape_get_list (result->item, "metric-data-results")), 0);
  g_assert_cmpstr (rds_shape_get_string (item, "status-code"), ==, "Complete");
  g_assert_cmpstr (rds_shape_get_string (item, "label"), ==, metric);

  timestamps = rds_shape_get_array (item, "timestamps");
  values = rds_shape_get_array (item, "values");
  g_assert_cmpuint (timestamps != NULL ? timestamps->len : 0, ==, values != NULL ? values->len : 0);
  out->times = timestamps != NULL ? g_array_copy (timestamps) : g_array_new (FALSE, FALSE, sizeof (gint64));
  out->values = values != NULL ? g_array_copy (values) : g_array_new (FALSE, FALSE, sizeof (double));
}

static double
value_at (Points *points,
          gint64  time)
{
  for (guint i = 0; i < points->times->len; i++)
    if (g_array_index (points->times, gint64, i) == time)
      return g_array_index (points->values, double, i);
  return NAN;
}

static double
average (Points *points)
{
  double total = 0;

  g_assert_cmpuint (points->values->len, >, 0);
  for (guint i = 0; i < points->values->len; i++)
    total += g_array_index (points->values, double, i);
  return total / points->values->len;
}

/* When the newest event of @id whose message starts with @prefix happened, or 0. */
static gint64
event_time (Fixture    *f,
            const char *id,
            const char *prefix,
            guint      *count)
{
  g_autoptr(RdsQueryResult) result = NULL;
  gint64 when = 0;
  guint n = 0;

  result = call_api (f->engine, &rds_api_rds, "DescribeEvents",
                     "SourceIdentifier", id, "SourceType", "db-instance",
                     "Duration", "20160", "MaxRecords", "100", NULL);
  for (guint i = 0; i < result->items->len; i++)
    {
      RdsShape *event = g_ptr_array_index (result->items, i);

      if (g_str_has_prefix (rds_shape_get_string (event, "message"), prefix))
        {
          when = rds_shape_get_timestamp (event, "date");
          n++;
        }
    }
  if (count != NULL)
    *count = n;
  return when;
}

/* No data before the instance exists, while it reboots no connections
 * and then a CPU spike, nothing while it is stopped. */
static void
test_lifecycle (Fixture       *f,
                gconstpointer  data)
{
  g_auto(Points) before = { NULL };
  g_auto(Points) day = { NULL };
  g_auto(Points) connections = { NULL };
  g_auto(Points) cpu = { NULL };
  g_auto(Points) stopped = { NULL };
  g_autoptr(RdsQueryResult) result = NULL;
  gint64 created, rebooted, restarted, stop_time, start_time;

  create (f, "db1", "db.t3.micro", "20", NULL);
  advance (f, 2 * MINUTE);
  fetch (f, "db1", "CPUUtilization", "Average", 60, START_TIME, now (f), &before);
  g_assert_cmpuint (before.times->len, ==, 0);

  wait_for (f, "db1", "available");
  created = event_time (f, "db1", "DB instance created.", NULL);
  g_assert_cmpint (created, >, START_TIME);
  advance (f, DAY);

  /* One datapoint a minute from the first whole minute after creation. */
  fetch (f, "db1", "CPUUtilization", "Average", 60, START_TIME, now (f), &day);
  g_assert_cmpuint (day.times->len, >, 1430);
  g_assert_cmpint (g_array_index (day.times, gint64, 0), >=, created - SEC (MINUTE));
  for (guint i = 0; i < day.values->len; i++)
    {
      double v = g_array_index (day.values, double, i);
      g_assert_cmpfloat (v, >=, 0.0);
      g_assert_cmpfloat (v, <=, 100.0);
    }

  /* A reboot: connections drop to nothing, and come back after it. */
  g_clear_pointer (&result, rds_query_result_free);
  result = call_api (f->engine, &rds_api_rds, "RebootDBInstance", "DBInstanceIdentifier", "db1", NULL);
  rebooted = now (f);
  wait_for (f, "db1", "available");
  restarted = event_time (f, "db1", "DB instance restarted.", NULL);
  g_assert_cmpint (restarted, >, rebooted);
  advance (f, HOUR);
  fetch (f, "db1", "DatabaseConnections", "Maximum", 60, rebooted - SEC (HOUR), now (f), &connections);
  g_assert_cmpfloat (value_at (&connections, rebooted - SEC (30 * MINUTE)), >, 5.0);
  for (gint64 t = rebooted + SEC (MINUTE) - rebooted % SEC (MINUTE); t < restarted - SEC (MINUTE); t += SEC (MINUTE))
    g_assert_cmpfloat (value_at (&connections, t), ==, 0.0);
  g_assert_cmpfloat (value_at (&connections, restarted - restarted % SEC (MINUTE) + SEC (30 * MINUTE)), >, 5.0);

  /* The engine's start shows as a spike. */
  fetch (f, "db1", "CPUUtilization", "Average", 60, rebooted - SEC (HOUR), now (f), &cpu);
  {
    gint64 first = restarted - restarted % SEC (MINUTE) + SEC (MINUTE);
    double spike = value_at (&cpu, first);
    double later = value_at (&cpu, first + SEC (20 * MINUTE));

    g_assert_cmpfloat (spike, >, later + 15.0);
  }

  /* Stopped: no data at all. */
  g_clear_pointer (&result, rds_query_result_free);
  result = call_api (f->engine, &rds_api_rds, "StopDBInstance", "DBInstanceIdentifier", "db1", NULL);
  wait_for (f, "db1", "stopped");
  stop_time = event_time (f, "db1", "DB instance stopped.", NULL);
  advance (f, 3 * HOUR);
  g_clear_pointer (&result, rds_query_result_free);
  result = call_api (f->engine, &rds_api_rds, "StartDBInstance", "DBInstanceIdentifier", "db1", NULL);
  wait_for (f, "db1", "available");
  start_time = event_time (f, "db1", "DB instance started.", NULL);
  advance (f, HOUR);
  fetch (f, "db1", "FreeableMemory", "Average", 60, stop_time - SEC (HOUR), now (f), &stopped);
  for (guint i = 0; i < stopped.times->len; i++)
    {
      gint64 t = g_array_index (stopped.times, gint64, i);

      g_assert_false (t >= stop_time && t + SEC (MINUTE) <= start_time);
    }
  g_assert_false (isnan (value_at (&stopped, stop_time - stop_time % SEC (MINUTE) - SEC (10 * MINUTE))));
  g_assert_false (isnan (value_at (&stopped, start_time - start_time % SEC (MINUTE) + SEC (10 * MINUTE))));
}

/* A class with twice the processors does the same work at about half
 * the CPU. */
static void
test_class_change (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RdsQueryResult) result = NULL;
  g_auto(Points) small = { NULL };
  g_auto(Points) large = { NULL };
  gint64 changed;

  create (f, "db1", "db.m5.large", "20", NULL);
  wait_for (f, "db1", "available");
  /* Tuesday, a whole day on two vCPUs. */
  advance (f, DAY + (START_TIME + SEC (DAY) - now (f)) / G_USEC_PER_SEC);
  result = call_api (f->engine, &rds_api_rds, "ModifyDBInstance",
                     "DBInstanceIdentifier", "db1", "DBInstanceClass", "db.m5.xlarge",
                     "ApplyImmediately", "true", NULL);
  wait_for (f, "db1", "available");
  changed = event_time (f, "db1", "Finished applying modification to DB instance class", NULL);
  g_assert_cmpint (changed, >, 0);
  advance (f, 2 * DAY);

  fetch (f, "db1", "CPUUtilization", "Average", 3600,
         START_TIME + SEC (DAY), START_TIME + SEC (2 * DAY), &small);
  fetch (f, "db1", "CPUUtilization", "Average", 3600,
         START_TIME + SEC (3 * DAY), START_TIME + SEC (4 * DAY), &large);
  g_assert_cmpuint (small.values->len, ==, 24);
  g_assert_cmpuint (large.values->len, ==, 24);
  g_assert_cmpfloat (average (&large), <, average (&small) * 0.7);
  g_assert_cmpfloat (average (&large), >, average (&small) * 0.35);
}

/* Free space runs down at the profile's rate; below 10 % for five minutes,
 * autoscaling adds max(5 GiB, 10 %, seven hours' growth) up to the
 * threshold, and the events fall on the minutes the curve shows. */
static void
test_storage_autoscaling (Fixture       *f,
                          gconstpointer  data)
{
  g_auto(Points) free_space = { NULL };
  gint64 low, applying, finished, crossed = 0, full;
  guint count = 0;
  double threshold = 20 * GIB * 0.1;

  create (f, "db1", "db.t3.micro", "20", "30");
  wait_for (f, "db1", "available");
  /* Batch at twenty times: about 1.2 GiB an hour. */
  set_workload (f, "db1", "spiky-batch", 20.0);

  /* Free space falls to 10 % in about 15 hours. */
  advance (f, 15 * HOUR);
  wait_for (f, "db1", "modifying");
  low = event_time (f, "db1", "The free storage capacity for DB instance: db1 is low", &count);
  g_assert_cmpuint (count, ==, 1);
  applying = event_time (f, "db1", "Applying autoscaling-initiated modification to allocated storage.", NULL);
  g_assert_cmpint (low, >, 0);
  g_assert_cmpint (applying, ==, low + SEC (5 * MINUTE));

  /* The curve agrees to the minute: the first sample under 10 % is the
   * low-storage event's minute. */
  fetch (f, "db1", "FreeStorageSpace", "Minimum", 60, START_TIME, now (f), &free_space);
  for (guint i = 0; i < free_space.times->len; i++)
    if (g_array_index (free_space.values, double, i) < threshold)
      {
        crossed = g_array_index (free_space.times, gint64, i);
        break;
      }
  g_assert_cmpint (crossed, ==, low);
  g_assert_cmpfloat (value_at (&free_space, low - SEC (MINUTE)), >=, threshold);

  /* 20 GiB grows by max(5 GiB, 10 %, 7 hours at 1.2 GiB) = 9 GiB. */
  wait_for (f, "db1", "storage-optimization");
  finished = event_time (f, "db1", "Finished applying autoscaling-initiated modification", NULL);
  g_assert_cmpint (finished, >, applying);
  {
    g_autoptr(RdsQueryResult) result = call_api (f->engine, &rds_api_rds, "DescribeDBInstances",
                                                 "DBInstanceIdentifier", "db1", NULL);
    int allocated = rds_shape_get_int (g_ptr_array_index (result->items, 0), "allocated-storage");

    g_assert_cmpint (allocated, ==, 29);
  }
  /* Near the threshold: the warning. */
  g_assert_cmpint (event_time (f, "db1", "Storage size", NULL), ==, finished);

  /* The space shows in the curve from the minute the change finished. */
  g_clear_pointer (&free_space.times, g_array_unref);
  g_clear_pointer (&free_space.values, g_array_unref);
  advance (f, 10 * MINUTE);
  fetch (f, "db1", "FreeStorageSpace", "Minimum", 60, finished - SEC (5 * MINUTE), now (f), &free_space);
  {
    gint64 minute = finished - finished % SEC (MINUTE);

    g_assert_cmpfloat (value_at (&free_space, minute + SEC (MINUTE)), >,
                       value_at (&free_space, minute - SEC (MINUTE)) + 4 * GIB);
  }

  /* It fills again within the cooling-off period: autoscaling waits and
   * says so. At 1.5 GiB an hour, 10 % of 29 GiB is left after about five
   * hours. */
  set_workload (f, "db1", "spiky-batch", 25.0);
  advance (f, 5 * HOUR + 30 * MINUTE);
  g_assert_cmpint (event_time (f, "db1", "Unable to apply autoscaling-initiated modification to allocated "
                               "storage: the cooling-off period", NULL), >, 0);

  /* Then it grows to the threshold, 30 GiB, and no further; the disk fills. */
  advance (f, 2 * DAY);
  {
    g_autoptr(RdsQueryResult) result = call_api (f->engine, &rds_api_rds, "DescribeDBInstances",
                                                 "DBInstanceIdentifier", "db1", NULL);

    g_assert_cmpint (rds_shape_get_int (g_ptr_array_index (result->items, 0), "allocated-storage"), ==, 30);
  }
  event_time (f, "db1", "Applying autoscaling-initiated modification", &count);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpint (event_time (f, "db1", "Unable to apply autoscaling-initiated modification to allocated "
                               "storage: the allocated storage has reached", NULL), >, 0);
  g_assert_cmpstr (status_of (f, "db1"), ==, "storage-full");
  full = event_time (f, "db1", "Allocated storage has been exhausted.", NULL);
  g_assert_cmpint (full, >, 0);
  g_clear_pointer (&free_space.times, g_array_unref);
  g_clear_pointer (&free_space.values, g_array_unref);
  fetch (f, "db1", "FreeStorageSpace", "Minimum", 60, full, full + SEC (HOUR), &free_space);
  g_assert_cmpfloat (value_at (&free_space, full), ==, 0.0);
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Autoscaling held back by the Region's storage quota says so once and
 * tries again later; a raised threshold lets a full disk grow. */
static void
test_storage_limits (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RdsQueryResult) result = NULL;
  guint count = 0;

  create (f, "db1", "db.t3.micro", "20", "30");
  wait_for (f, "db1", "available");
  set_workload (f, "db1", "spiky-batch", 20.0);
  rds_sim_engine_set_quota (f->engine, RDS_SIM_QUOTA_STORAGE_GIB, 20);

  /* Low for 5 minutes, no room in the quota: one failure, no spinning. */
  advance (f, 16 * HOUR);
  event_time (f, "db1", "Unable to apply autoscaling-initiated modification to allocated storage: the "
              "Region's allocated storage quota", &count);
  g_assert_cmpuint (count, ==, 1);
  advance (f, 3 * HOUR);
  g_assert_cmpstr (status_of (f, "db1"), ==, "storage-full");
  event_time (f, "db1", "Unable to apply autoscaling-initiated modification to allocated storage: the "
              "Region's allocated storage quota", &count);
  g_assert_cmpuint (count, ==, 1);

  /* Room in the quota and a higher threshold: the full disk grows. */
  rds_sim_engine_set_quota (f->engine, RDS_SIM_QUOTA_STORAGE_GIB, 100000);
  result = call_api (f->engine, &rds_api_rds, "ModifyDBInstance", "DBInstanceIdentifier", "db1",
                     "MaxAllocatedStorage", "200", "ApplyImmediately", "true", NULL);
  advance (f, 7 * HOUR);
  g_assert_cmpint (event_time (f, "db1", "Finished applying autoscaling-initiated modification", NULL), >, 0);
  g_clear_pointer (&result, rds_query_result_free);
  result = call_api (f->engine, &rds_api_rds, "DescribeDBInstances", "DBInstanceIdentifier", "db1", NULL);
  g_assert_cmpint (rds_shape_get_int (g_ptr_array_index (result->items, 0), "allocated-storage"), >, 20);
}

/* Data older than 15 days only at 5 minutes, older than 63 days only at
 * an hour. */
static void
test_retention (Fixture       *f,
                gconstpointer  data)
{
  g_auto(Points) minutes = { NULL };
  g_auto(Points) five = { NULL };
  g_auto(Points) hours = { NULL };
  g_auto(Points) old_five = { NULL };
  gint64 day_two = START_TIME + SEC (DAY);

  create (f, "db1", "db.t3.micro", "100", NULL);
  wait_for (f, "db1", "available");
  set_workload (f, "db1", "idle", 1.0);
  advance (f, 20 * DAY);

  fetch (f, "db1", "CPUUtilization", "Average", 60, day_two, day_two + SEC (HOUR), &minutes);
  g_assert_cmpuint (minutes.times->len, ==, 0);
  fetch (f, "db1", "CPUUtilization", "Average", 300, day_two, day_two + SEC (HOUR), &five);
  g_assert_cmpuint (five.times->len, ==, 12);

  advance (f, 50 * DAY);
  fetch (f, "db1", "CPUUtilization", "Average", 300, day_two, day_two + SEC (HOUR), &old_five);
  g_assert_cmpuint (old_five.times->len, ==, 0);
  fetch (f, "db1", "CPUUtilization", "Average", 3600, day_two, day_two + SEC (DAY), &hours);
  g_assert_cmpuint (hours.times->len, ==, 24);

  /* After 455 days, nothing of then; the history of then is forgotten
   * (a reboot records the present), the saved state does not grow. */
  {
    g_autoptr(RdsQueryResult) result = NULL;
    g_auto(Points) gone = { NULL };
    g_autofree char *state = NULL;
    guint segments_before, segments_after;

    for (int i = 0; i < 20; i++)
      {
        g_clear_pointer (&result, rds_query_result_free);
        result = call_api (f->engine, &rds_api_rds, "RebootDBInstance", "DBInstanceIdentifier", "db1", NULL);
        wait_for (f, "db1", "available");
      }
    state = sim_state_dump (f->engine);
    segments_before = count_occurrences (state, "\"running\"");
    advance (f, 460 * DAY);
    g_clear_pointer (&result, rds_query_result_free);
    result = call_api (f->engine, &rds_api_rds, "RebootDBInstance", "DBInstanceIdentifier", "db1", NULL);
    wait_for (f, "db1", "available");
    g_clear_pointer (&state, g_free);
    state = sim_state_dump (f->engine);
    segments_after = count_occurrences (state, "\"running\"");
    g_assert_cmpuint (segments_after, <, segments_before);
    fetch (f, "db1", "CPUUtilization", "Average", 3600, day_two, day_two + SEC (DAY), &gone);
    g_assert_cmpuint (gone.times->len, ==, 0);
  }

}

/* Statistics, percentiles, units and the errors of GetMetricStatistics. */
static void
test_statistics (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RdsQueryResult) result = NULL;
  g_autofree char *start = NULL, *end = NULL;
  GListModel *points;

  create (f, "db1", "db.t3.micro", "20", NULL);
  wait_for (f, "db1", "available");
  advance (f, DAY);
  start = rds_format_timestamp (START_TIME + SEC (12 * HOUR));
  end = rds_format_timestamp (START_TIME + SEC (14 * HOUR));

  result = call_api (f->engine, &rds_api_monitoring, "GetMetricStatistics",
                     "Namespace", "AWS/RDS", "MetricName", "DatabaseConnections",
                     "Dimensions.member.1.Name", "DBInstanceIdentifier",
                     "Dimensions.member.1.Value", "db1",
                     "StartTime", start, "EndTime", end, "Period", "3600",
                     "Statistics.member.1", "SampleCount", "Statistics.member.2", "Minimum",
                     "Statistics.member.3", "Maximum", "Statistics.member.4", "Average",
                     "Statistics.member.5", "Sum", NULL);
  points = G_LIST_MODEL (rds_shape_get_list (result->item, "datapoints"));
  g_assert_cmpstr (rds_shape_get_string (result->item, "label"), ==, "DatabaseConnections");
  g_assert_cmpuint (g_list_model_get_n_items (points), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RdsShape) point = g_list_model_get_item (points, i);

      g_assert_cmpfloat (rds_shape_get_double (point, "sample-count"), ==, 60);
      g_assert_cmpfloat (rds_shape_get_double (point, "minimum"), <=, rds_shape_get_double (point, "average"));
      g_assert_cmpfloat (rds_shape_get_double (point, "average"), <=, rds_shape_get_double (point, "maximum"));
      g_assert_cmpfloat (fabs (rds_shape_get_double (point, "sum") / 60 - rds_shape_get_double (point, "average")),
                         <, 1e-9);
      g_assert_cmpstr (rds_shape_get_string (point, "unit"), ==, "Count");
    }

  /* Another unit than the metric's: no data. An unknown instance: none. */
  g_clear_pointer (&result, rds_query_result_free);
  result = call_api (f->engine, &rds_api_monitoring, "GetMetricStatistics",
                     "Namespace", "AWS/RDS", "MetricName", "DatabaseConnections",
                     "Dimensions.member.1.Name", "DBInstanceIdentifier", "Dimensions.member.1.Value", "db1",
                     "StartTime", start, "EndTime", end, "Period", "3600", "Unit", "Bytes",
                     "Statistics.member.1", "Average", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rds_shape_ensure_list (result->item, "datapoints"))),
                    ==, 0);

  assert_error (f->engine, RDS_AWS_ERROR_MISSING_PARAMETER, "Must specify either Statistics or ExtendedStatistics",
                "GetMetricStatistics", "Namespace", "AWS/RDS", "MetricName", "CPUUtilization",
                "StartTime", start, "EndTime", end, "Period", "60", NULL);
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "Statistics.member.1",
                "GetMetricStatistics", "Namespace", "AWS/RDS", "MetricName", "CPUUtilization",
                "StartTime", start, "EndTime", end, "Period", "60", "Statistics.member.1", "Median", NULL);
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "multiple of 60",
                "GetMetricStatistics", "Namespace", "AWS/RDS", "MetricName", "CPUUtilization",
                "StartTime", start, "EndTime", end, "Period", "90", "Statistics.member.1", "Average", NULL);
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "StartTime must be less than",
                "GetMetricStatistics", "Namespace", "AWS/RDS", "MetricName", "CPUUtilization",
                "StartTime", end, "EndTime", start, "Period", "60", "Statistics.member.1", "Average", NULL);
  {
    g_autofree char *early = rds_format_timestamp (START_TIME - SEC (DAY));

    assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "exceeds the limit of 1,440",
                  "GetMetricStatistics", "Namespace", "AWS/RDS", "MetricName", "CPUUtilization",
                  "StartTime", early, "EndTime", end, "Period", "60", "Statistics.member.1", "Average", NULL);
  }
}

/* Metric math, ReturnData, pages and their tokens. */
static void
test_metric_data (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RdsQueryResult) result = NULL;
  g_autoptr(RdsQueryResult) page = NULL;
  g_autofree char *start = NULL, *end = NULL;
  GListModel *results;
  g_autoptr(RdsShape) reads = NULL, total = NULL;
  GArray *read_values, *total_values;

#define QUERY(n, field) "MetricDataQueries.member." #n "." field
#define METRIC(n, name) QUERY (n, "MetricStat.Metric.Namespace"), "AWS/RDS", \
  QUERY (n, "MetricStat.Metric.MetricName"), name, \
  QUERY (n, "MetricStat.Metric.Dimensions.member.1.Name"), "DBInstanceIdentifier", \
  QUERY (n, "MetricStat.Metric.Dimensions.member.1.Value"), "db1", \
  QUERY (n, "MetricStat.Period"), "300", QUERY (n, "MetricStat.Stat"), "Average"

  create (f, "db1", "db.t3.micro", "20", NULL);
  wait_for (f, "db1", "available");
  advance (f, DAY);
  start = rds_format_timestamp (START_TIME + SEC (12 * HOUR));
  end = rds_format_timestamp (START_TIME + SEC (13 * HOUR));

  result = call_api (f->engine, &rds_api_monitoring, "GetMetricData",
                     QUERY (1, "Id"), "r", METRIC (1, "ReadIOPS"),
                     QUERY (2, "Id"), "w", METRIC (2, "WriteIOPS"), QUERY (2, "ReturnData"), "false",
                     QUERY (3, "Id"), "total", QUERY (3, "Expression"), "SUM([r, w])",
                     QUERY (3, "Label"), "All I/O",
                     QUERY (4, "Id"), "share", QUERY (4, "Expression"), "100 * r / (r + w)",
                     "StartTime", start, "EndTime", end, NULL);
  results = G_LIST_MODEL (rds_shape_get_list (result->item, "metric-data-results"));
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);
  reads = g_list_model_get_item (results, 0);
  total = g_list_model_get_item (results, 1);
  g_assert_cmpstr (rds_shape_get_string (total, "label"), ==, "All I/O");
  read_values = rds_shape_get_array (reads, "values");
  total_values = rds_shape_get_array (total, "values");
  g_assert_cmpuint (read_values->len, ==, 12);
  g_assert_cmpuint (total_values->len, ==, 12);
  /* Newest first, by default; the sum is more than its part. */
  g_assert_cmpint (g_array_index (rds_shape_get_array (reads, "timestamps"), gint64, 0), ==,
                   START_TIME + SEC (12 * HOUR + 55 * MINUTE));
  for (guint i = 0; i < 12; i++)
    g_assert_cmpfloat (g_array_index (total_values, double, i), >, g_array_index (read_values, double, i));
  {
    g_autoptr(RdsShape) share = g_list_model_get_item (results, 2);
    double value = g_array_index (rds_shape_get_array (share, "values"), double, 0);

    g_assert_cmpfloat (value, >, 0);
    g_assert_cmpfloat (value, <, 100);
  }

  /* Pages of five datapoints: the token leads to the rest. */
  page = call_api (f->engine, &rds_api_monitoring, "GetMetricData",
                   QUERY (1, "Id"), "r", METRIC (1, "ReadIOPS"),
                   "StartTime", start, "EndTime", end, "MaxDatapoints", "5", NULL);
  {
    g_autoptr(RdsShape) first = g_list_model_get_item (G_LIST_MODEL (rds_shape_get_list (page->item,
                                                                                          "metric-data-results")), 0);
    g_autofree char *token = g_strdup (rds_shape_get_string (page->item, "next-token"));
    g_autoptr(RdsQueryResult) last = NULL;

    g_assert_cmpstr (rds_shape_get_string (first, "status-code"), ==, "PartialData");
    g_assert_cmpuint (rds_shape_get_array (first, "values")->len, ==, 5);
    g_assert_nonnull (token);
    g_clear_pointer (&page, rds_query_result_free);
    page = call_api (f->engine, &rds_api_monitoring, "GetMetricData",
                     QUERY (1, "Id"), "r", METRIC (1, "ReadIOPS"),
                     "StartTime", start, "EndTime", end, "MaxDatapoints", "5", "NextToken", token, NULL);
    g_free (token);
    token = g_strdup (rds_shape_get_string (page->item, "next-token"));
    last = call_api (f->engine, &rds_api_monitoring, "GetMetricData",
                     QUERY (1, "Id"), "r", METRIC (1, "ReadIOPS"),
                     "StartTime", start, "EndTime", end, "MaxDatapoints", "5", "NextToken", token, NULL);
    {
      g_autoptr(RdsShape) tail = g_list_model_get_item (G_LIST_MODEL (rds_shape_get_list (last->item,
                                                                                           "metric-data-results")), 0);

      g_assert_cmpstr (rds_shape_get_string (tail, "status-code"), ==, "Complete");
      g_assert_cmpuint (rds_shape_get_array (tail, "values")->len, ==, 2);
      g_assert_cmpfloat (g_array_index (rds_shape_get_array (tail, "values"), double, 1), ==,
                         g_array_index (read_values, double, 11));
      g_assert_null (rds_shape_get_string (last->item, "next-token"));
    }
  }

  /* A range from long before to long after: what CloudWatch keeps, no more,
   * at once (a minute's datapoints only for 15 days). */
  {
    g_autoptr(RdsQueryResult) wide = call_api (f->engine, &rds_api_monitoring, "GetMetricData",
                                               QUERY (1, "Id"), "r", METRIC (1, "ReadIOPS"),
                                               QUERY (1, "MetricStat.Period"), "60",
                                               "StartTime", "0001-01-01T00:00:00Z",
                                               "EndTime", "9999-12-31T00:00:00Z", NULL);
    g_autoptr(RdsShape) all = g_list_model_get_item (G_LIST_MODEL (rds_shape_get_list (wide->item,
                                                                                        "metric-data-results")), 0);
    GArray *values = rds_shape_get_array (all, "values");

    g_assert_nonnull (values);
    g_assert_cmpuint (values->len, >, 1000);
    g_assert_cmpuint (values->len, <=, 2 * 24 * 60);
  }

  assert_error (f->engine, RDS_AWS_ERROR_INVALID_NEXT_TOKEN, NULL, "GetMetricData",
                QUERY (1, "Id"), "r", METRIC (1, "ReadIOPS"),
                "StartTime", start, "EndTime", end, "NextToken", "not-a-token", NULL);
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "starts with a lowercase letter",
                "GetMetricData", QUERY (1, "Id"), "Reads", METRIC (1, "ReadIOPS"),
                "StartTime", start, "EndTime", end, NULL);
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "unknown query id",
                "GetMetricData", QUERY (1, "Id"), "r", METRIC (1, "ReadIOPS"),
                QUERY (2, "Id"), "e", QUERY (2, "Expression"), "r / q",
                "StartTime", start, "EndTime", end, NULL);
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "in a circle",
                "GetMetricData", QUERY (1, "Id"), "a", QUERY (1, "Expression"), "b + 1",
                QUERY (2, "Id"), "b", QUERY (2, "Expression"), "a + 1",
                "StartTime", start, "EndTime", end, NULL);
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "either MetricStat or Expression",
                "GetMetricData", QUERY (1, "Id"), "r", METRIC (1, "ReadIOPS"), QUERY (1, "Expression"), "1",
                "StartTime", start, "EndTime", end, NULL);
  assert_error (f->engine, RDS_AWS_ERROR_MISSING_PARAMETER, "StartTime",
                "GetMetricData", QUERY (1, "Id"), "r", METRIC (1, "ReadIOPS"), "EndTime", end, NULL);
#undef QUERY
#undef METRIC
}

/* ListMetrics: what each instance publishes, by its class and storage. */
static void
test_list_metrics (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RdsQueryResult) all = NULL;
  g_autoptr(RdsQueryResult) one = NULL;
  g_autoptr(RdsQueryResult) none = NULL;
  GListModel *metrics;
  gboolean credits_small = FALSE, credits_large = FALSE, lag = FALSE;

  create (f, "small", "db.t3.micro", "20", NULL);
  create (f, "large", "db.m5.large", "20", NULL);
  none = call_api (f->engine, &rds_api_monitoring, "ListMetrics", "Namespace", "AWS/RDS", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rds_shape_ensure_list (none->item, "metrics"))), ==, 0);
  wait_for (f, "small", "available");
  wait_for (f, "large", "available");

  all = call_api (f->engine, &rds_api_monitoring, "ListMetrics", "Namespace", "AWS/RDS", NULL);
  metrics = G_LIST_MODEL (rds_shape_get_list (all->item, "metrics"));
  for (guint i = 0; i < g_list_model_get_n_items (metrics); i++)
    {
      g_autoptr(RdsShape) metric = g_list_model_get_item (metrics, i);
      g_autoptr(RdsShape) dimension = g_list_model_get_item (G_LIST_MODEL (rds_shape_get_list (metric,
                                                                                                 "dimensions")), 0);
      const char *name = rds_shape_get_string (metric, "metric-name");
      const char *id = rds_shape_get_string (dimension, "value");

      g_assert_cmpstr (rds_shape_get_string (metric, "namespace"), ==, "AWS/RDS");
      g_assert_cmpstr (rds_shape_get_string (dimension, "name"), ==, "DBInstanceIdentifier");
      if (g_str_equal (name, "CPUCreditBalance"))
        {
          credits_small |= g_str_equal (id, "small");
          credits_large |= g_str_equal (id, "large");
        }
      lag |= g_str_equal (name, "ReplicaLag");
    }
  g_assert_true (credits_small);
  g_assert_false (credits_large);
  g_assert_false (lag);

  one = call_api (f->engine, &rds_api_monitoring, "ListMetrics", "MetricName", "BurstBalance",
                  "Dimensions.member.1.Name", "DBInstanceIdentifier",
                  "Dimensions.member.1.Value", "large", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rds_shape_get_list (one->item, "metrics"))), ==, 1);
}

/* The workload's profile and multiplier change the curves from then on,
 * and survive a restart of the simulator with everything else. */
static void
test_workload (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Points) busy = { NULL };
  g_auto(Points) idle = { NULL };
  g_auto(Points) reloaded = { NULL };
  g_autofree char *state = NULL;
  const char *profile = NULL;
  double multiplier = 0;
  gint64 changed;

  create (f, "db1", "db.m5.large", "20", NULL);
  wait_for (f, "db1", "available");
  g_assert_true (rds_sim_engine_get_workload (f->engine, REGION, "db1", &profile, &multiplier, &error));
  g_assert_cmpstr (profile, ==, "steady-oltp");
  g_assert_cmpfloat (multiplier, ==, 1.0);

  g_assert_false (rds_sim_engine_set_workload (f->engine, REGION, "db1", "frantic", 1, &error));
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE);
  g_clear_error (&error);
  g_assert_false (rds_sim_engine_set_workload (f->engine, REGION, "db1", "idle", -2, &error));
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE);
  g_clear_error (&error);
  g_assert_false (rds_sim_engine_set_workload (f->engine, REGION, "nobody", "idle", 1, &error));
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND);
  g_clear_error (&error);

  advance (f, (START_TIME + SEC (DAY) - now (f)) / G_USEC_PER_SEC);
  set_workload (f, "db1", "read-heavy-reporting", 3.0);
  advance (f, DAY);
  changed = now (f);
  set_workload (f, "db1", "idle", 1.0);
  advance (f, DAY);

  fetch (f, "db1", "ReadIOPS", "Average", 3600, START_TIME + SEC (DAY), changed, &busy);
  fetch (f, "db1", "ReadIOPS", "Average", 3600, changed, now (f), &idle);
  g_assert_cmpfloat (average (&busy), >, 500);
  g_assert_cmpfloat (average (&idle), <, 1);

  /* Saved and loaded: the same curves. */
  state = sim_state_dump (f->engine);
  {
    g_autoptr(RdsSimClock) clock = rds_sim_clock_new (now (f), 1.0, TRUE);
    g_autoptr(RdsSimEngine) engine = rds_sim_engine_new (42, clock);
    Fixture other = { clock, engine };

    sim_state_load (engine, state);
    fetch (&other, "db1", "ReadIOPS", "Average", 3600, START_TIME + SEC (DAY), changed, &reloaded);
    g_assert_cmpuint (reloaded.values->len, ==, busy.values->len);
    for (guint i = 0; i < busy.values->len; i++)
      g_assert_cmpfloat (g_array_index (reloaded.values, double, i), ==, g_array_index (busy.values, double, i));
    g_assert_true (rds_sim_engine_get_workload (engine, REGION, "db1", &profile, &multiplier, &error));
    g_assert_cmpstr (profile, ==, "idle");
  }
}

static RdsShape *
describe_alarm (Fixture    *f,
       const char *name)
{
  g_autoptr(RdsQueryResult) result = call_api (f->engine, &rds_api_monitoring, "DescribeAlarms",
                                               "AlarmNames.member.1", name, NULL);
  GListModel *alarms = G_LIST_MODEL (rds_shape_get_list (result->item, "metric-alarms"));

  g_assert_cmpuint (g_list_model_get_n_items (alarms), ==, 1);
  return g_list_model_get_item (alarms, 0);
}

static const char *
alarm_state (Fixture    *f,
             const char *name)
{
  g_autoptr(RdsShape) shape = describe_alarm (f, name);

  return g_intern_string (rds_shape_get_string (shape, "state-value"));
}

static void
put_alarm (Fixture    *f,
           const char *name,
           const char *metric,
           const char *threshold,
           const char *treat)
{
  g_autoptr(RdsQueryResult) result = NULL;

  result = call_api (f->engine, &rds_api_monitoring, "PutMetricAlarm",
                     "AlarmName", name, "Namespace", "AWS/RDS", "MetricName", metric,
                     "Dimensions.member.1.Name", "DBInstanceIdentifier",
                     "Dimensions.member.1.Value", "db1",
                     "Statistic", "Average", "Period", "300", "EvaluationPeriods", "2",
                     "Threshold", threshold, "ComparisonOperator", "GreaterThanThreshold",
                     "AlarmActions.member.1", "arn:aws:sns:us-east-1:123456789012:ops",
                     treat != NULL ? "TreatMissingData" : NULL, treat, NULL);
}

/* Alarms follow the same metrics on the simulated clock: INSUFFICIENT_DATA
 * at first, OK, ALARM when two periods breach, and back; missing data as
 * TreatMissingData says; every change in the history. */
static void
test_alarms (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RdsQueryResult) history = NULL;
  g_autoptr(RdsQueryResult) result = NULL;
  g_autoptr(RdsShape) high = NULL;
  g_autofree char *state = NULL;
  GListModel *items;
  gint64 changed, alarmed;

  create (f, "db1", "db.m5.large", "20", NULL);
  wait_for (f, "db1", "available");
  advance (f, HOUR);
  put_alarm (f, "cpu-high", "CPUUtilization", "60", NULL);
  put_alarm (f, "cpu-gone", "CPUUtilization", "60", "breaching");
  put_alarm (f, "cpu-quiet", "CPUUtilization", "60", "notBreaching");
  high = describe_alarm (f, "cpu-high");
  g_assert_cmpstr (rds_shape_get_string (high, "state-value"), ==, "INSUFFICIENT_DATA");
  g_assert_cmpstr (rds_shape_get_string (high, "state-reason"), ==, "Unchecked: Initial alarm creation");
  {
    g_autofree char *arn = g_strdup_printf ("arn:aws:cloudwatch:us-east-1:%s:alarm:cpu-high",
                                            rds_sim_engine_get_account_id (f->engine));

    g_assert_cmpstr (rds_shape_get_string (high, "alarm-arn"), ==, arn);
  }

  advance (f, 10 * MINUTE);
  g_assert_cmpstr (alarm_state (f, "cpu-high"), ==, "OK");

  /* Ten times the batch load: two breaching periods, and it is in ALARM. */
  changed = now (f);
  set_workload (f, "db1", "spiky-batch", 10.0);
  advance (f, 20 * MINUTE);
  g_clear_object (&high);
  high = describe_alarm (f, "cpu-high");
  g_assert_cmpstr (rds_shape_get_string (high, "state-value"), ==, "ALARM");
  alarmed = rds_shape_get_timestamp (high, "state-updated-timestamp");
  g_assert_cmpint (alarmed % SEC (300), ==, 0);
  g_assert_cmpint (alarmed, >, changed);
  g_assert_cmpint (alarmed, <=, changed + SEC (15 * MINUTE));
  g_assert_true (g_str_has_prefix (rds_shape_get_string (high, "state-reason"),
                                   "Threshold Crossed: 2 out of the last 2 datapoints ["));
  g_assert_nonnull (strstr (rds_shape_get_string (high, "state-reason"),
                            "] were greater than the threshold (60.0) (minimum 2 datapoints for OK -> ALARM "
                            "transition)."));

  /* The history, newest first. */
  history = call_api (f->engine, &rds_api_monitoring, "DescribeAlarmHistory", "AlarmName", "cpu-high", NULL);
  items = G_LIST_MODEL (rds_shape_get_list (history->item, "alarm-history-items"));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  {
    g_autoptr(RdsShape) newest = g_list_model_get_item (items, 0);
    g_autoptr(RdsShape) oldest = g_list_model_get_item (items, 2);

    g_assert_cmpstr (rds_shape_get_string (newest, "history-summary"), ==, "Alarm updated from OK to ALARM");
    g_assert_cmpstr (rds_shape_get_string (newest, "history-item-type"), ==, "StateUpdate");
    g_assert_cmpint (rds_shape_get_timestamp (newest, "timestamp"), ==, alarmed);
    g_assert_cmpstr (rds_shape_get_string (oldest, "history-summary"), ==, "Alarm \"cpu-high\" created");
  }

  /* Set by hand, it holds until the next evaluation. */
  g_clear_pointer (&result, rds_query_result_free);
  result = call_api (f->engine, &rds_api_monitoring, "SetAlarmState", "AlarmName", "cpu-high",
                     "StateValue", "OK", "StateReason", "Testing the pager", NULL);
  g_assert_cmpstr (alarm_state (f, "cpu-high"), ==, "OK");
  advance (f, 5 * MINUTE);
  g_assert_cmpstr (alarm_state (f, "cpu-high"), ==, "ALARM");

  /* Stopped: no data. Missing is unknown, breaching or not as each says. */
  g_clear_pointer (&result, rds_query_result_free);
  result = call_api (f->engine, &rds_api_rds, "StopDBInstance", "DBInstanceIdentifier", "db1", NULL);
  wait_for (f, "db1", "stopped");
  advance (f, 20 * MINUTE);
  g_assert_cmpstr (alarm_state (f, "cpu-high"), ==, "INSUFFICIENT_DATA");
  g_assert_cmpstr (alarm_state (f, "cpu-gone"), ==, "ALARM");
  g_assert_cmpstr (alarm_state (f, "cpu-quiet"), ==, "OK");
  {
    g_autoptr(RdsShape) unknown = describe_alarm (f, "cpu-high");

    g_assert_cmpstr (rds_shape_get_string (unknown, "state-reason"), ==,
                     "Insufficient Data: 2 datapoints were unknown.");
  }

  /* Filters. */
  g_clear_pointer (&result, rds_query_result_free);
  result = call_api (f->engine, &rds_api_monitoring, "DescribeAlarms", "StateValue", "ALARM", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rds_shape_get_list (result->item, "metric-alarms"))),
                    ==, 1);
  g_clear_pointer (&result, rds_query_result_free);
  result = call_api (f->engine, &rds_api_monitoring, "DescribeAlarms", "AlarmNamePrefix", "cpu-", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rds_shape_get_list (result->item, "metric-alarms"))),
                    ==, 3);
  g_clear_pointer (&result, rds_query_result_free);
  result = call_api (f->engine, &rds_api_monitoring, "DescribeAlarmsForMetric",
                     "Namespace", "AWS/RDS", "MetricName", "CPUUtilization",
                     "Dimensions.member.1.Name", "DBInstanceIdentifier",
                     "Dimensions.member.1.Value", "db1", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rds_shape_get_list (result->item, "metric-alarms"))),
                    ==, 3);

  /* Saved and loaded: the same alarms, going on the same way. */
  state = sim_state_dump (f->engine);
  {
    g_autoptr(RdsSimClock) clock = rds_sim_clock_new (now (f), 1.0, TRUE);
    g_autoptr(RdsSimEngine) engine = rds_sim_engine_new (42, clock);
    Fixture other = { clock, engine };
    g_autoptr(RdsShape) reloaded = NULL;
    g_autoptr(RdsShape) original = describe_alarm (f, "cpu-high");

    sim_state_load (engine, state);
    reloaded = describe_alarm (&other, "cpu-high");
    g_assert_true (rds_shape_equal (reloaded, original));
  }

  /* Deleting is all or nothing. */
  assert_error (f->engine, RDS_AWS_ERROR_RESOURCE_NOT_FOUND, "nobody", "DeleteAlarms",
                "AlarmNames.member.1", "cpu-high", "AlarmNames.member.2", "nobody", NULL);
  g_clear_pointer (&result, rds_query_result_free);
  result = call_api (f->engine, &rds_api_monitoring, "DeleteAlarms", "AlarmNames.member.1", "cpu-high",
                     "AlarmNames.member.2", "cpu-gone", NULL);
  g_clear_pointer (&result, rds_query_result_free);
  result = call_api (f->engine, &rds_api_monitoring, "DescribeAlarms", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rds_shape_get_list (result->item, "metric-alarms"))),
                    ==, 1);

  /* Bad alarms. */
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "Exactly one element",
                "PutMetricAlarm", "AlarmName", "x", "Namespace", "AWS/RDS", "MetricName", "CPUUtilization",
                "Period", "60", "EvaluationPeriods", "1", "Threshold", "1",
                "ComparisonOperator", "GreaterThanThreshold", NULL);
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "Period must be",
                "PutMetricAlarm", "AlarmName", "x", "Namespace", "AWS/RDS", "MetricName", "CPUUtilization",
                "Statistic", "Average", "Period", "45", "EvaluationPeriods", "1", "Threshold", "1",
                "ComparisonOperator", "GreaterThanThreshold", NULL);
  assert_error (f->engine, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "DatapointsToAlarm",
                "PutMetricAlarm", "AlarmName", "x", "Namespace", "AWS/RDS", "MetricName", "CPUUtilization",
                "Statistic", "Average", "Period", "60", "EvaluationPeriods", "2", "DatapointsToAlarm", "3",
                "Threshold", "1", "ComparisonOperator", "GreaterThanThreshold", NULL);
  assert_error (f->engine, RDS_AWS_ERROR_MISSING_PARAMETER, "Threshold",
                "PutMetricAlarm", "AlarmName", "x", "Namespace", "AWS/RDS", "MetricName", "CPUUtilization",
                "Statistic", "Average", "Period", "60", "EvaluationPeriods", "2",
                "ComparisonOperator", "GreaterThanThreshold", NULL);
  assert_error (f->engine, RDS_AWS_ERROR_RESOURCE_NOT_FOUND, NULL, "SetAlarmState",
                "AlarmName", "nobody", "StateValue", "OK", "StateReason", "x", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/sim/metrics/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("lifecycle", test_lifecycle);
  ADD ("class-change", test_class_change);
  ADD ("storage-autoscaling", test_storage_autoscaling);
  ADD ("storage-limits", test_storage_limits);
  ADD ("retention", test_retention);
  ADD ("statistics", test_statistics);
  ADD ("metric-data", test_metric_data);
  ADD ("list-metrics", test_list_metrics);
  ADD ("workload", test_workload);
  ADD ("alarms", test_alarms);

  return g_test_run ();
}
