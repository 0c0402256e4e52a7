/* bench-metrics.c: figures for the simulator's metrics and alarms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it prints what it measured.
 *
 *   bench-metrics [--instances N]
 *
 * 1. GetMetricData for 5 metrics × 20,160 points (14 days at a minute) of
 *    one instance: the server's work (engine and XML), and the client's
 *    parse of the answer into numbers.
 * 2. One simulated day for N instances (1,000), each with storage
 *    autoscaling and an alarm: the CPU time of the engine's advance.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "rds-sim-engine.h"
#include "rds-xml.h"

#define START_TIME G_GINT64_CONSTANT (1767571200000000)
#define DAY 86400
#define RUNS 7

static int n_instances = 1000;
static char *only = NULL;

static const char * const metrics[] = {
  "CPUUtilization", "DatabaseConnections", "FreeStorageSpace", "ReadIOPS", "WriteIOPS",
};

static void
call (RdsSimEngine *engine,
      RdsRequest   *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsQueryResult) result = rds_sim_engine_call (engine, "us-east-1", request, &error);

  g_assert_no_error (error);
}

static RdsRequest *
create_request (guint i)
{
  g_autofree char *id = g_strdup_printf ("bench-%05u", i);
  RdsRequest *request = rds_request_new ("CreateDBInstance");

  rds_request_set (request, "DBInstanceIdentifier", id);
  rds_request_set (request, "DBInstanceClass", "db.t3.micro");
  rds_request_set (request, "Engine", "postgres");
  rds_request_set (request, "MasterUsername", "admin_user");
  rds_request_set (request, "MasterUserPassword", "bench-password");
  rds_request_set (request, "AllocatedStorage", "20");
  rds_request_set (request, "MaxAllocatedStorage", "100");
  return request;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values)
{
  qsort (values, RUNS, sizeof (double), compare_doubles);
  return values[RUNS / 2];
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static void
bench_metric_data (void)
{
  g_autoptr(RdsSimClock) clock = rds_sim_clock_new (START_TIME, 1.0, TRUE);
  g_autoptr(RdsSimEngine) engine = rds_sim_engine_new (1, clock);
  g_autoptr(RdsRequest) create = create_request (0);
  g_autoptr(RdsRequest) request = rds_request_new_for_api (&rds_api_monitoring, "GetMetricData");
  double engine_ms[RUNS], xml_ms[RUNS], parse_ms[RUNS];
  gsize size = 0;
  guint points = 0;

  call (engine, create);
  rds_sim_engine_advance (engine, 15 * DAY);

  for (guint m = 0; m < G_N_ELEMENTS (metrics); m++)
    {
      g_autofree char *prefix = g_strdup_printf ("MetricDataQueries.member.%u.", m + 1);
      g_autofree char *id = g_strdup_printf ("m%u", m);
#define SET(field, value) G_STMT_START { g_autofree char *key = g_strconcat (prefix, field, NULL); \
  rds_request_set (request, key, value); } G_STMT_END
      SET ("Id", id);
      SET ("MetricStat.Metric.Namespace", "AWS/RDS");
      SET ("MetricStat.Metric.MetricName", metrics[m]);
      SET ("MetricStat.Metric.Dimensions.member.1.Name", "DBInstanceIdentifier");
      SET ("MetricStat.Metric.Dimensions.member.1.Value", "bench-00000");
      SET ("MetricStat.Period", "60");
      SET ("MetricStat.Stat", "Average");
#undef SET
    }
  rds_request_set_timestamp (request, "StartTime", START_TIME + (gint64) DAY * G_USEC_PER_SEC);
  rds_request_set_timestamp (request, "EndTime", START_TIME + (gint64) 15 * DAY * G_USEC_PER_SEC);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RdsQueryResult) result = NULL;
      g_autoptr(RdsQueryResult) read = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gint64 t0, t1, t2, t3;
      GListModel *results;

      t0 = g_get_monotonic_time ();
      result = rds_sim_engine_call (engine, "us-east-1", request, &error);
      g_assert_no_error (error);
      t1 = g_get_monotonic_time ();
      bytes = rds_xml_write_response (result, "bench");
      t2 = g_get_monotonic_time ();

      /* The client: the document into shapes, the values into numbers. */
      {
        const char *data = g_bytes_get_data (bytes, &size);

        read = rds_xml_read_response (result->action, data, (gssize) size, NULL, &error);
      }
      g_assert_no_error (error);
      results = G_LIST_MODEL (rds_shape_get_list (read->item, "metric-data-results"));
      points = 0;
      for (guint i = 0; i < g_list_model_get_n_items (results); i++)
        {
          g_autoptr(RdsShape) item = g_list_model_get_item (results, i);
          GArray *values = rds_shape_get_array (item, "values");
          GArray *times = rds_shape_get_array (item, "timestamps");
          volatile double sum = 0;

          for (guint k = 0; values != NULL && k < values->len; k++)
            {
              sum += g_array_index (values, double, k) + (double) g_array_index (times, gint64, k);
              points++;
            }
        }
      t3 = g_get_monotonic_time ();

      engine_ms[run] = (t1 - t0) / 1000.0;
      xml_ms[run] = (t2 - t1) / 1000.0;
      parse_ms[run] = (t3 - t2) / 1000.0;
    }

  g_print ("GetMetricData, %u metrics x %u points (%.1f MiB of XML), median of %d:\n",
           (guint) G_N_ELEMENTS (metrics), points / (guint) G_N_ELEMENTS (metrics), size / 1048576.0, RUNS);
  g_print ("  server: %.1f ms (engine %.1f ms, XML %.1f ms)\n",
           median (engine_ms) + median (xml_ms), median (engine_ms), median (xml_ms));
  g_print ("  client parse into numbers: %.1f ms\n", median (parse_ms));
}

static void
bench_day (void)
{
  g_autoptr(RdsSimClock) clock = rds_sim_clock_new (START_TIME, 1.0, TRUE);
  g_autoptr(RdsSimEngine) engine = rds_sim_engine_new (1, clock);
  double before, spent;
  g_autoptr(GError) error = NULL;

  rds_sim_engine_set_quota (engine, RDS_SIM_QUOTA_INSTANCES, n_instances);
  rds_sim_engine_set_quota (engine, RDS_SIM_QUOTA_STORAGE_GIB, (gint64) n_instances * 200);
  for (int i = 0; i < n_instances; i++)
    {
      g_autoptr(RdsRequest) create = create_request ((guint) i);
      g_autoptr(RdsRequest) alarm = rds_request_new_for_api (&rds_api_monitoring, "PutMetricAlarm");
      g_autofree char *id = g_strdup_printf ("bench-%05d", i);
      g_autofree char *name = g_strdup_printf ("cpu-%05d", i);

      call (engine, create);
      rds_request_set (alarm, "AlarmName", name);
      rds_request_set (alarm, "Namespace", "AWS/RDS");
      rds_request_set (alarm, "MetricName", "CPUUtilization");
      rds_request_set (alarm, "Dimensions.member.1.Name", "DBInstanceIdentifier");
      rds_request_set (alarm, "Dimensions.member.1.Value", id);
      rds_request_set (alarm, "Statistic", "Average");
      rds_request_set (alarm, "Period", "60");
      rds_request_set (alarm, "EvaluationPeriods", "3");
      rds_request_set (alarm, "Threshold", "40");
      rds_request_set (alarm, "ComparisonOperator", "GreaterThanThreshold");
      call (engine, alarm);
      /* A tenth fills its disk within the day: autoscaling works too. */
      if (i % 10 == 0 &&
          !rds_sim_engine_set_workload (engine, "us-east-1", id, "spiky-batch", 15.0, &error))
        g_error ("%s", error->message);
    }

  before = cpu_seconds ();
  rds_sim_engine_advance (engine, DAY);
  spent = cpu_seconds () - before;
  g_print ("One simulated day for %d instances, each with an alarm evaluated every minute and storage "
           "autoscaling: %.2f s of CPU\n", n_instances, spent);
  {
    g_autoptr(RdsRequest) describe = rds_request_new_for_api (&rds_api_monitoring, "DescribeAlarms");
    g_autoptr(RdsQueryResult) result = NULL;

    rds_request_set (describe, "StateValue", "ALARM");
    rds_request_set (describe, "MaxRecords", "100");
    result = rds_sim_engine_call (engine, "us-east-1", describe, &error);
    g_assert_no_error (error);
    g_print ("  (%u alarms in ALARM at the end, on the first page)\n",
             g_list_model_get_n_items (G_LIST_MODEL (rds_shape_ensure_list (result->item, "metric-alarms"))));
  }
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "instances", 0, 0, G_OPTION_ARG_INT, &n_instances, "Instances for the day", "N" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Only one part: data or day", "PART" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (only == NULL || g_str_equal (only, "data"))
    bench_metric_data ();
  if (only == NULL || g_str_equal (only, "day"))
    bench_day ();
  return 0;
}
