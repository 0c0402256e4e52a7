/* bench-availability.c: figures for read replicas at scale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it prints what it measured.
 *
 *   bench-availability [--sources N] [--replicas N] [--instances N]
 *
 * A Region of 1,000 instances: 50 sources with 15 read replicas each, and
 * standalone instances for the rest, a tenth of them Multi-AZ.
 *
 * 1. One simulated hour: the CPU time of the engine's advance (median of
 *    several hours).
 * 2. DescribeDBInstances, page of 100, engine and XML: the mean and the
 *    worst over every page.
 * 3. ReplicaLag of the 15 replicas of one source over a day at a minute
 *    (GetMetricData, 15 queries): the server's time.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "rds-db-instance.h"
#include "rds-sim-engine.h"
#include "rds-xml.h"

#define START_TIME G_GINT64_CONSTANT (1767571200000000)
#define HOUR 3600
#define RUNS 7

static int n_sources = 50;
static int n_replicas = 15;
static int n_instances = 1000;

static RdsQueryResult *
call (RdsSimEngine *engine,
      RdsRequest   *request)
{
  g_autoptr(GError) error = NULL;
  RdsQueryResult *result = rds_sim_engine_call (engine, "us-east-1", request, &error);

  if (result == NULL)
    g_error ("%s", error->message);
  return result;
}

static void
create (RdsSimEngine *engine,
        const char   *id,
        gboolean      multi_az)
{
  g_autoptr(RdsRequest) request = rds_request_new ("CreateDBInstance");
  g_autoptr(RdsQueryResult) result = NULL;

  rds_request_set (request, "DBInstanceIdentifier", id);
  rds_request_set (request, "DBInstanceClass", "db.m5.large");
  rds_request_set (request, "Engine", "mysql");
  rds_request_set (request, "MasterUsername", "admin");
  rds_request_set (request, "MasterUserPassword", "bench-password");
  rds_request_set (request, "AllocatedStorage", "50");
  rds_request_set (request, "MultiAZ", multi_az ? "true" : "false");
  result = call (engine, request);
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "sources", 0, 0, G_OPTION_ARG_INT, &n_sources, "Sources of replicas", "N" },
    { "replicas", 0, 0, G_OPTION_ARG_INT, &n_replicas, "Replicas of each source", "N" },
    { "instances", 0, 0, G_OPTION_ARG_INT, &n_instances, "Instances in all", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsSimClock) clock = rds_sim_clock_new (START_TIME, 1.0, TRUE);
  g_autoptr(RdsSimEngine) engine = rds_sim_engine_new (1, clock);
  double hours[RUNS];
  g_autofree char *marker = NULL;
  gint64 total = 0, worst = 0;
  guint pages = 0, count = 0;
  int standalone;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  standalone = MAX (n_instances - n_sources * (n_replicas + 1), 0);

  rds_sim_engine_set_quota (engine, RDS_SIM_QUOTA_INSTANCES, n_instances + 10);
  rds_sim_engine_set_quota (engine, RDS_SIM_QUOTA_STORAGE_GIB, (gint64) n_instances * 100);
  for (int i = 0; i < n_sources; i++)
    {
      g_autofree char *id = g_strdup_printf ("source-%03d", i);

      create (engine, id, FALSE);
    }
  for (int i = 0; i < standalone; i++)
    {
      g_autofree char *id = g_strdup_printf ("solo-%04d", i);

      create (engine, id, i % 10 == 0);
    }
  rds_sim_engine_advance (engine, HOUR);

  for (int i = 0; i < n_sources; i++)
    for (int r = 0; r < n_replicas; r++)
      {
        g_autofree char *source = g_strdup_printf ("source-%03d", i);
        g_autofree char *id = g_strdup_printf ("source-%03d-r%02d", i, r);
        g_autoptr(RdsRequest) request = rds_request_new ("CreateDBInstanceReadReplica");
        g_autoptr(RdsQueryResult) result = NULL;

        rds_request_set (request, "DBInstanceIdentifier", id);
        rds_request_set (request, "SourceDBInstanceIdentifier", source);
        result = call (engine, request);
      }
  /* A day of replication behind them. */
  rds_sim_engine_advance (engine, 24 * HOUR);

  /* Each hour a source fails over or reboots, so replication breaks and
   * resumes somewhere, and the hour has work in it. */
  for (int run = 0; run < RUNS; run++)
    {
      g_autofree char *source = g_strdup_printf ("source-%03d", run % n_sources);
      g_autoptr(RdsRequest) reboot = rds_request_new ("RebootDBInstance");
      g_autoptr(RdsQueryResult) rebooted = NULL;
      double before;
      gint64 wall;

      rds_request_set (reboot, "DBInstanceIdentifier", source);
      rebooted = call (engine, reboot);
      before = cpu_seconds ();
      wall = g_get_monotonic_time ();
      rds_sim_engine_advance (engine, HOUR);
      hours[run] = MAX ((cpu_seconds () - before) * 1000.0, (g_get_monotonic_time () - wall) / 1000.0);
    }
  qsort (hours, RUNS, sizeof (double), compare_doubles);
  g_print ("One simulated hour, %d instances (%d sources x %d read replicas, one source rebooting): "
           "median %.2f ms of CPU, worst %.2f ms\n", n_instances, n_sources, n_replicas, hours[RUNS / 2],
           hours[RUNS - 1]);
  {
    g_autoptr(RdsRequest) request = rds_request_new ("DescribeDBInstances");
    g_autoptr(RdsQueryResult) result = NULL;

    rds_request_set (request, "DBInstanceIdentifier", "source-000-r00");
    result = call (engine, request);
    g_print ("  (a replica is %s)\n", rds_db_instance_get_status (g_ptr_array_index (result->items, 0)));
  }

  /* Warm up once, then walk every page. */
  for (int round = 0; round < 2; round++)
    {
      total = worst = 0;
      pages = count = 0;
      do
        {
          g_autoptr(RdsRequest) request = rds_request_new ("DescribeDBInstances");
          g_autoptr(RdsQueryResult) result = NULL;
          g_autoptr(GBytes) xml = NULL;
          gint64 start, spent;

          rds_request_set (request, "Marker", marker);
          start = g_get_monotonic_time ();
          result = call (engine, request);
          xml = rds_xml_write_response (result, "00000000-0000-0000-0000-000000000000");
          spent = g_get_monotonic_time () - start;

          total += spent;
          worst = MAX (worst, spent);
          pages++;
          count += result->items->len;
          g_free (marker);
          marker = g_strdup (result->marker);
        }
      while (marker != NULL);
    }
  g_print ("DescribeDBInstances, page of 100, engine and XML: mean %.3f ms, worst %.3f ms (%u pages, %u "
           "instances)\n", total / 1000.0 / pages, worst / 1000.0, pages, count);

  /* The lag of one source's replicas over the last day. */
  {
    g_autoptr(RdsRequest) request = rds_request_new_for_api (&rds_api_monitoring, "GetMetricData");
    gint64 now = rds_sim_engine_get_now (engine);
    double runs[RUNS];
    guint points = 0;

    for (int r = 0; r < n_replicas; r++)
      {
        g_autofree char *prefix = g_strdup_printf ("MetricDataQueries.member.%d.", r + 1);
        g_autofree char *id = g_strdup_printf ("lag%d", r);
        g_autofree char *replica = g_strdup_printf ("source-000-r%02d", r);
#define SET(field, value) G_STMT_START { g_autofree char *key = g_strconcat (prefix, field, NULL); \
  rds_request_set (request, key, value); } G_STMT_END
        SET ("Id", id);
        SET ("MetricStat.Metric.Namespace", "AWS/RDS");
        SET ("MetricStat.Metric.MetricName", "ReplicaLag");
        SET ("MetricStat.Metric.Dimensions.member.1.Name", "DBInstanceIdentifier");
        SET ("MetricStat.Metric.Dimensions.member.1.Value", replica);
        SET ("MetricStat.Period", "60");
        SET ("MetricStat.Stat", "Maximum");
#undef SET
      }
    rds_request_set_timestamp (request, "StartTime", now - (gint64) 24 * HOUR * G_USEC_PER_SEC);
    rds_request_set_timestamp (request, "EndTime", now);

    for (int run = 0; run < RUNS; run++)
      {
        gint64 start = g_get_monotonic_time ();
        g_autoptr(RdsQueryResult) result = call (engine, request);
        g_autoptr(GBytes) xml = rds_xml_write_response (result, "00000000-0000-0000-0000-000000000000");
        GListModel *results = rds_shape_get_list (result->item, "metric-data-results");

        runs[run] = (g_get_monotonic_time () - start) / 1000.0;
        points = 0;
        for (guint i = 0; results != NULL && i < g_list_model_get_n_items (results); i++)
          {
            g_autoptr(RdsShape) one = g_list_model_get_item (results, i);
            GArray *values = rds_shape_get_array (one, "values");

            points += values != NULL ? values->len : 0;
          }
      }
    qsort (runs, RUNS, sizeof (double), compare_doubles);
    g_print ("GetMetricData, ReplicaLag of %d replicas over a day at a minute (%u points): median %.1f ms\n",
             n_replicas, points, runs[RUNS / 2]);
  }

  return 0;
}
