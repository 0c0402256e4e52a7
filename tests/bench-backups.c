/* bench-backups.c: figures for automated backups at scale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it prints what it measured.
 *
 *   bench-backups [--instances N] [--days N]
 *
 * 1,000 instances with 35 days of retention, simulated for 35 days: each
 * takes a backup a day, so 35,000 automated snapshots are kept at the end.
 *
 * 1. Simulating the 35 days: the CPU time of the engine's advance, and per
 *    simulated day.
 * 2. DescribeDBSnapshots, a page of 100 of the automated snapshots (and of
 *    the manual ones among them), engine and XML: the mean and the worst
 *    over pages spread over the list.
 * 3. RestoreDBInstanceToPointInTime of one of them: the server's time.
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
#define DAY (24 * HOUR)

static int n_instances = 1000;
static int n_days = 35;

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

/* Pages of DescribeDBSnapshots from a few places in the list: the mean and
 * the worst time, engine and XML. */
static void
measure_pages (RdsSimEngine *engine,
               const char   *type,
               guint        *listed)
{
  g_autofree char *marker = NULL;
  gint64 total = 0, worst = 0;
  guint pages = 0;

  *listed = 0;
  for (int round = 0; round < 2; round++)
    {
      total = worst = 0;
      pages = 0;
      *listed = 0;
      g_clear_pointer (&marker, g_free);
      do
        {
          g_autoptr(RdsRequest) request = rds_request_new ("DescribeDBSnapshots");
          g_autoptr(RdsQueryResult) result = NULL;
          g_autoptr(GBytes) xml = NULL;
          gint64 start, spent;

          rds_request_set (request, "SnapshotType", type);
          rds_request_set (request, "Marker", marker);
          start = g_get_monotonic_time ();
          result = call (engine, request);
          xml = rds_xml_write_response (result, "00000000-0000-0000-0000-000000000000");
          spent = g_get_monotonic_time () - start;

          total += spent;
          worst = MAX (worst, spent);
          pages++;
          *listed += result->items->len;
          g_free (marker);
          marker = g_strdup (result->marker);
        }
      while (marker != NULL);
    }

  g_print ("DescribeDBSnapshots SnapshotType=%s, page of 100 (engine and XML), %u snapshots in %u pages: "
           "mean %.2f ms, worst %.2f ms\n", type, *listed, pages, total / 1000.0 / MAX (pages, 1),
           worst / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "instances", 0, 0, G_OPTION_ARG_INT, &n_instances, "Instances", "N" },
    { "days", 0, 0, G_OPTION_ARG_INT, &n_days, "Days simulated (and kept)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsSimClock) clock = rds_sim_clock_new (START_TIME, 1.0, TRUE);
  g_autoptr(RdsSimEngine) engine = rds_sim_engine_new (1, clock);
  g_autofree char *retention = NULL;
  double before, spent;
  gint64 wall;
  guint listed;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  retention = g_strdup_printf ("%d", MIN (n_days, 35));

  rds_sim_engine_set_quota (engine, RDS_SIM_QUOTA_INSTANCES, n_instances + 10);
  rds_sim_engine_set_quota (engine, RDS_SIM_QUOTA_STORAGE_GIB, (gint64) n_instances * 100);
  for (int i = 0; i < n_instances; i++)
    {
      g_autoptr(RdsRequest) request = rds_request_new ("CreateDBInstance");
      g_autoptr(RdsQueryResult) result = NULL;
      g_autofree char *id = g_strdup_printf ("db-%04d", i);

      rds_request_set (request, "DBInstanceIdentifier", id);
      rds_request_set (request, "DBInstanceClass", "db.m5.large");
      rds_request_set (request, "Engine", "mysql");
      rds_request_set (request, "MasterUsername", "admin");
      rds_request_set (request, "MasterUserPassword", "bench-password");
      rds_request_set (request, "AllocatedStorage", "50");
      rds_request_set (request, "BackupRetentionPeriod", retention);
      result = call (engine, request);
    }
  rds_sim_engine_advance (engine, HOUR);

  before = cpu_seconds ();
  wall = g_get_monotonic_time ();
  rds_sim_engine_advance (engine, (gint64) n_days * DAY);
  spent = cpu_seconds () - before;
  g_print ("%d days of daily backups for %d instances (retention %s days): %.3f s of CPU (%.3f s wall), "
           "%.1f ms per simulated day\n", n_days, n_instances, retention, spent,
           (g_get_monotonic_time () - wall) / 1e6, spent * 1000.0 / n_days);

  measure_pages (engine, "automated", &listed);
  measure_pages (engine, "manual", &listed);

  {
    g_autoptr(RdsRequest) request = rds_request_new ("RestoreDBInstanceToPointInTime");
    g_autoptr(RdsQueryResult) result = NULL;
    g_autofree char *middle = g_strdup_printf ("db-%04d", n_instances / 2);

    gint64 start;

    rds_request_set (request, "SourceDBInstanceIdentifier", middle);
    rds_request_set (request, "TargetDBInstanceIdentifier", "restored");
    rds_request_set (request, "UseLatestRestorableTime", "true");
    rds_sim_engine_set_quota (engine, RDS_SIM_QUOTA_INSTANCES, n_instances + 20);
    start = g_get_monotonic_time ();
    result = call (engine, request);
    g_print ("RestoreDBInstanceToPointInTime among them: %.2f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  }

  return 0;
}
