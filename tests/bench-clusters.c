/* bench-clusters.c: figures for Aurora clusters at scale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it prints what it measured.
 *
 *   bench-clusters [--clusters N] [--instances N]
 *
 * A Region of 200 Aurora clusters of 16 instances each (a writer and 15
 * readers), with custom endpoints.
 *
 * 1. DescribeDBClusters, page of 100, engine and XML: the mean and the
 *    worst over every page.
 * 2. One simulated hour: the CPU time of the engine's advance (median of
 *    several hours), each hour with a failover and lost volume copies.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "rds-db-cluster.h"
#include "rds-sim-engine.h"
#include "rds-xml.h"

#define START_TIME G_GINT64_CONSTANT (1767571200000000)
#define HOUR 3600
#define RUNS 7

static int n_clusters = 200;
static int n_instances = 16;

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
    { "clusters", 0, 0, G_OPTION_ARG_INT, &n_clusters, "Aurora clusters", "N" },
    { "instances", 0, 0, G_OPTION_ARG_INT, &n_instances, "Instances of each cluster", "N" },
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

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  rds_sim_engine_set_quota (engine, RDS_SIM_QUOTA_INSTANCES, (gint64) n_clusters * n_instances + 10);
  rds_sim_engine_set_quota (engine, RDS_SIM_QUOTA_CLUSTERS, n_clusters + 10);
  rds_sim_engine_set_quota (engine, RDS_SIM_QUOTA_STORAGE_GIB, (gint64) n_clusters * n_instances * 10);
  for (int c = 0; c < n_clusters; c++)
    {
      g_autofree char *id = g_strdup_printf ("cluster-%03d", c);
      g_autoptr(RdsRequest) request = rds_request_new ("CreateDBCluster");
      g_autoptr(RdsQueryResult) result = NULL;

      rds_request_set (request, "DBClusterIdentifier", id);
      rds_request_set (request, "Engine", c % 2 ? "aurora-postgresql" : "aurora-mysql");
      rds_request_set (request, "MasterUsername", "dbadmin");
      rds_request_set (request, "MasterUserPassword", "bench-password");
      result = call (engine, request);

      for (int i = 0; i < n_instances; i++)
        {
          g_autofree char *instance = g_strdup_printf ("%s-%02d", id, i);
          g_autofree char *tier = g_strdup_printf ("%d", i % 16);
          g_autoptr(RdsRequest) add = rds_request_new ("CreateDBInstance");
          g_autoptr(RdsQueryResult) added = NULL;

          rds_request_set (add, "DBInstanceIdentifier", instance);
          rds_request_set (add, "DBClusterIdentifier", id);
          rds_request_set (add, "Engine", c % 2 ? "aurora-postgresql" : "aurora-mysql");
          rds_request_set (add, "DBInstanceClass", "db.r6g.large");
          rds_request_set (add, "PromotionTier", tier);
          added = call (engine, add);
        }
    }
  rds_sim_engine_advance (engine, HOUR);
  for (int c = 0; c < n_clusters; c++)
    {
      g_autofree char *id = g_strdup_printf ("cluster-%03d", c);
      g_autofree char *first = g_strdup_printf ("%s-01", id);
      g_autofree char *name = g_strdup_printf ("%s-reporting", id);
      g_autoptr(RdsRequest) request = rds_request_new ("CreateDBClusterEndpoint");
      g_autoptr(RdsQueryResult) result = NULL;

      rds_request_set (request, "DBClusterIdentifier", id);
      rds_request_set (request, "DBClusterEndpointIdentifier", name);
      rds_request_set (request, "EndpointType", "READER");
      rds_request_set (request, "ExcludedMembers.member.1", first);
      result = call (engine, request);
    }
  rds_sim_engine_advance (engine, HOUR);

  /* Warm up once, then walk every page. */
  for (int round = 0; round < 2; round++)
    {
      total = worst = 0;
      pages = count = 0;
      do
        {
          g_autoptr(RdsRequest) request = rds_request_new ("DescribeDBClusters");
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
  g_print ("DescribeDBClusters, %d clusters of %d instances, page of 100 (engine and XML): mean %.2f ms, "
           "worst %.2f ms over %u pages (%u clusters)\n", n_clusters, n_instances, total / 1000.0 / pages,
           worst / 1000.0, pages, count);

  /* Each hour a cluster fails over and another loses two copies of its
   * volume, so the hour has work in it. */
  for (int run = 0; run < RUNS; run++)
    {
      g_autofree char *failing = g_strdup_printf ("cluster-%03d", run % n_clusters);
      g_autofree char *losing = g_strdup_printf ("cluster-%03d", (run + 1) % n_clusters);
      g_autoptr(RdsRequest) failover = rds_request_new ("FailoverDBCluster");
      g_autoptr(RdsQueryResult) failed = NULL;
      double before;
      gint64 wall;

      rds_request_set (failover, "DBClusterIdentifier", failing);
      failed = call (engine, failover);
      if (!rds_sim_engine_fail_cluster_copy (engine, "us-east-1", losing, 0, -1, &error) ||
          !rds_sim_engine_fail_cluster_copy (engine, "us-east-1", losing, 3, -1, &error))
        g_error ("%s", error->message);
      before = cpu_seconds ();
      wall = g_get_monotonic_time ();
      rds_sim_engine_advance (engine, HOUR);
      hours[run] = MAX ((cpu_seconds () - before) * 1000.0, (g_get_monotonic_time () - wall) / 1000.0);
    }
  qsort (hours, RUNS, sizeof (double), compare_doubles);
  g_print ("One simulated hour, %d clusters of %d instances (a failover and two lost copies each hour): "
           "median %.2f ms of CPU, worst %.2f ms\n", n_clusters, n_instances, hours[RUNS / 2],
           hours[RUNS - 1]);
  return 0;
}
