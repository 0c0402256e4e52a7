/* rds-metrics.c: the AWS/RDS metrics of a DB instance, described once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulator computes these, CloudWatch's API lists them and the
 * console draws them; each reads the same row.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-metrics.h"

#include <gio/gio.h>

static const RdsMetricInfo metrics[RDS_N_METRICS] = {
  { RDS_METRIC_CPU_UTILIZATION, "CPUUtilization", "Percent",
    N_("CPU utilization"), N_("The share of the instance's processors in use"),
    RDS_METRIC_FOR_ALL, RDS_METRIC_DISPLAY_PERCENT },
  { RDS_METRIC_DATABASE_CONNECTIONS, "DatabaseConnections", "Count",
    N_("Database connections"), N_("Client sessions connected to the database"),
    RDS_METRIC_FOR_ALL, RDS_METRIC_DISPLAY_COUNT },
  { RDS_METRIC_FREE_STORAGE_SPACE, "FreeStorageSpace", "Bytes",
    N_("Free storage space"), N_("Allocated storage not yet used by data and logs"),
    RDS_METRIC_FOR_STORAGE, RDS_METRIC_DISPLAY_BYTES },
  { RDS_METRIC_FREEABLE_MEMORY, "FreeableMemory", "Bytes",
    N_("Freeable memory"), N_("Memory the operating system can still hand out"),
    RDS_METRIC_FOR_ALL, RDS_METRIC_DISPLAY_BYTES },
  { RDS_METRIC_SWAP_USAGE, "SwapUsage", "Bytes",
    N_("Swap usage"), N_("Memory paged out to disk"),
    RDS_METRIC_FOR_NOT_SQLSERVER, RDS_METRIC_DISPLAY_BYTES },
  { RDS_METRIC_READ_IOPS, "ReadIOPS", "Count/Second",
    N_("Read IOPS"), N_("Disk read operations per second"),
    RDS_METRIC_FOR_STORAGE, RDS_METRIC_DISPLAY_PER_SECOND },
  { RDS_METRIC_WRITE_IOPS, "WriteIOPS", "Count/Second",
    N_("Write IOPS"), N_("Disk write operations per second"),
    RDS_METRIC_FOR_STORAGE, RDS_METRIC_DISPLAY_PER_SECOND },
  { RDS_METRIC_READ_LATENCY, "ReadLatency", "Seconds",
    N_("Read latency"), N_("The average time a disk read takes"),
    RDS_METRIC_FOR_ALL, RDS_METRIC_DISPLAY_LATENCY },
  { RDS_METRIC_WRITE_LATENCY, "WriteLatency", "Seconds",
    N_("Write latency"), N_("The average time a disk write takes"),
    RDS_METRIC_FOR_ALL, RDS_METRIC_DISPLAY_LATENCY },
  { RDS_METRIC_READ_THROUGHPUT, "ReadThroughput", "Bytes/Second",
    N_("Read throughput"), N_("Bytes read from disk per second"),
    RDS_METRIC_FOR_STORAGE, RDS_METRIC_DISPLAY_BYTES_PER_SECOND },
  { RDS_METRIC_WRITE_THROUGHPUT, "WriteThroughput", "Bytes/Second",
    N_("Write throughput"), N_("Bytes written to disk per second"),
    RDS_METRIC_FOR_STORAGE, RDS_METRIC_DISPLAY_BYTES_PER_SECOND },
  { RDS_METRIC_NETWORK_RECEIVE_THROUGHPUT, "NetworkReceiveThroughput", "Bytes/Second",
    N_("Network receive throughput"), N_("Incoming network traffic, clients' and replication's"),
    RDS_METRIC_FOR_ALL, RDS_METRIC_DISPLAY_BYTES_PER_SECOND },
  { RDS_METRIC_NETWORK_TRANSMIT_THROUGHPUT, "NetworkTransmitThroughput", "Bytes/Second",
    N_("Network transmit throughput"), N_("Outgoing network traffic, clients' and replication's"),
    RDS_METRIC_FOR_ALL, RDS_METRIC_DISPLAY_BYTES_PER_SECOND },
  { RDS_METRIC_DISK_QUEUE_DEPTH, "DiskQueueDepth", "Count",
    N_("Disk queue depth"), N_("Disk operations waiting to be served"),
    RDS_METRIC_FOR_STORAGE, RDS_METRIC_DISPLAY_COUNT },
  { RDS_METRIC_BURST_BALANCE, "BurstBalance", "Percent",
    N_("Burst balance"), N_("The gp2 volume's I/O credits left for bursts"),
    RDS_METRIC_FOR_GP2, RDS_METRIC_DISPLAY_PERCENT },
  { RDS_METRIC_CPU_CREDIT_USAGE, "CPUCreditUsage", "Count",
    N_("CPU credit usage"), N_("CPU credits a burstable instance spent"),
    RDS_METRIC_FOR_BURSTABLE, RDS_METRIC_DISPLAY_COUNT },
  { RDS_METRIC_CPU_CREDIT_BALANCE, "CPUCreditBalance", "Count",
    N_("CPU credit balance"), N_("CPU credits a burstable instance has saved"),
    RDS_METRIC_FOR_BURSTABLE, RDS_METRIC_DISPLAY_COUNT },
  { RDS_METRIC_REPLICA_LAG, "ReplicaLag", "Seconds",
    N_("Replica lag"), N_("How far a read replica is behind its source"),
    RDS_METRIC_FOR_REPLICA, RDS_METRIC_DISPLAY_SECONDS },
  { RDS_METRIC_BUFFER_CACHE_HIT_RATIO, "BufferCacheHitRatio", "Percent",
    N_("Buffer cache hit ratio"), N_("The share of reads served from memory"),
    RDS_METRIC_FOR_AURORA, RDS_METRIC_DISPLAY_PERCENT },
  { RDS_METRIC_AURORA_REPLICA_LAG, "AuroraReplicaLag", "Milliseconds",
    N_("Aurora replica lag"), N_("How far a reader is behind the writer's changes"),
    RDS_METRIC_FOR_AURORA_READER, RDS_METRIC_DISPLAY_MILLISECONDS },
  { RDS_METRIC_AURORA_REPLICA_LAG_MAXIMUM, "AuroraReplicaLagMaximum", "Milliseconds",
    N_("Aurora replica lag maximum"), N_("The lag of the reader furthest behind the writer"),
    RDS_METRIC_FOR_AURORA_WRITER, RDS_METRIC_DISPLAY_MILLISECONDS },
  { RDS_METRIC_VOLUME_BYTES_USED, "VolumeBytesUsed", "Bytes",
    N_("Volume bytes used"), N_("The data on the cluster volume, which grows by itself"),
    RDS_METRIC_FOR_CLUSTER, RDS_METRIC_DISPLAY_BYTES },
  { RDS_METRIC_VOLUME_READ_IOPS, "VolumeReadIOPs", "Count",
    N_("Volume read I/O"), N_("Reads from the cluster volume, billed as I/O"),
    RDS_METRIC_FOR_CLUSTER, RDS_METRIC_DISPLAY_COUNT },
  { RDS_METRIC_VOLUME_WRITE_IOPS, "VolumeWriteIOPs", "Count",
    N_("Volume write I/O"), N_("Writes to the cluster volume, billed as I/O"),
    RDS_METRIC_FOR_CLUSTER, RDS_METRIC_DISPLAY_COUNT },
  { RDS_METRIC_VOLUME_BYTES_LEFT, "AuroraVolumeBytesLeftTotal", "Bytes",
    N_("Volume bytes left"), N_("Room left on the cluster volume before its 128 TiB limit"),
    RDS_METRIC_FOR_CLUSTER, RDS_METRIC_DISPLAY_BYTES },
  { RDS_METRIC_SERVERLESS_DATABASE_CAPACITY, "ServerlessDatabaseCapacity", "Count",
    N_("Serverless capacity"), N_("The Aurora capacity units (ACUs) the Serverless v2 instance has"),
    RDS_METRIC_FOR_SERVERLESS, RDS_METRIC_DISPLAY_COUNT },
  { RDS_METRIC_ACU_UTILIZATION, "ACUUtilization", "Percent",
    N_("ACU utilization"), N_("Its capacity as a share of the most its cluster allows"),
    RDS_METRIC_FOR_SERVERLESS, RDS_METRIC_DISPLAY_PERCENT },
};

/* CloudWatch's StandardUnit values. */
static const char * const units[] = {
  "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes",
  "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count",
  "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
  "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second",
  "Count/Second", "None",
};

const RdsMetricInfo *
rds_metrics_get_all (guint *n_metrics)
{
  if (n_metrics != NULL)
    *n_metrics = G_N_ELEMENTS (metrics);
  return metrics;
}

const RdsMetricInfo *
rds_metrics_get (RdsMetricId id)
{
  g_return_val_if_fail (id < RDS_N_METRICS, NULL);
  return &metrics[id];
}

/**
 * rds_metrics_lookup:
 * @name: a metric name, as CloudWatch spells it (case matters)
 *
 * Returns: (nullable): the metric, or %NULL when RDS publishes none so named
 */
const RdsMetricInfo *
rds_metrics_lookup (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (metrics); i++)
    if (g_str_equal (metrics[i].name, name))
      return &metrics[i];
  return NULL;
}

/**
 * rds_metrics_publishes:
 *
 * Returns: whether an instance of @engine, @instance_class and
 *   @storage_type publishes @info at all (a gp2 volume's burst balance,
 *   a burstable class's CPU credits, a replica's lag)
 */
gboolean
rds_metrics_publishes (const RdsMetricInfo *info,
                       const char          *engine,
                       const char          *instance_class,
                       const char          *storage_type,
                       gboolean             replica)
{
  gboolean aurora;

  g_return_val_if_fail (info != NULL, FALSE);

  aurora = engine != NULL && g_str_has_prefix (engine, "aurora");
  switch (info->scope)
    {
    case RDS_METRIC_FOR_ALL:
      return TRUE;
    case RDS_METRIC_FOR_STORAGE:
      return !aurora;
    case RDS_METRIC_FOR_AURORA:
      return aurora;
    case RDS_METRIC_FOR_AURORA_READER:
      return aurora && replica;
    case RDS_METRIC_FOR_AURORA_WRITER:
      return aurora && !replica;
    case RDS_METRIC_FOR_CLUSTER:
      return FALSE;
    case RDS_METRIC_FOR_SERVERLESS:
      return g_strcmp0 (instance_class, "db.serverless") == 0;
    case RDS_METRIC_FOR_NOT_SQLSERVER:
      return engine == NULL || !g_str_has_prefix (engine, "sqlserver");
    case RDS_METRIC_FOR_GP2:
      return g_strcmp0 (storage_type, "gp2") == 0;
    case RDS_METRIC_FOR_BURSTABLE:
      return instance_class != NULL && g_str_has_prefix (instance_class, "db.t");
    case RDS_METRIC_FOR_REPLICA:
      return replica && !aurora;
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
rds_metrics_is_unit (const char *unit)
{
  for (guint i = 0; unit != NULL && i < G_N_ELEMENTS (units); i++)
    if (g_str_equal (units[i], unit))
      return TRUE;
  return FALSE;
}

/**
 * rds_metrics_resolution_for_age:
 * @age_usec: how long ago a datapoint was
 *
 * Returns: the finest period, in seconds, CloudWatch still has for data
 *   that old (60, 300 or 3600), or 0 when it has none any more
 */
int
rds_metrics_resolution_for_age (gint64 age_usec)
{
  gint64 day = G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC;

  if (age_usec < RDS_METRICS_MINUTE_RETENTION_DAYS * day)
    return 60;
  if (age_usec < RDS_METRICS_FIVE_MINUTE_RETENTION_DAYS * day)
    return 300;
  if (age_usec < RDS_METRICS_HOUR_RETENTION_DAYS * day)
    return 3600;
  return 0;
}

/**
 * rds_metrics_add_query:
 * @n: the query's place in the request, from 1
 * @return_data: whether its datapoints come back, or only feed metric math
 *
 * Adds to a GetMetricData request query @n: one statistic of one of
 * @instance's AWS/RDS metrics.
 */
void
rds_metrics_add_query (RdsRequest *request,
                       guint       n,
                       const char *id,
                       const char *metric,
                       const char *instance,
                       int         period,
                       const char *stat,
                       gboolean    return_data)
{
  rds_metrics_add_query_for (request, n, id, metric, RDS_METRICS_DIMENSION, instance, period, stat, return_data);
}

/**
 * rds_metrics_add_query_for:
 * @dimension: RDS_METRICS_DIMENSION or RDS_METRICS_CLUSTER_DIMENSION
 *
 * As rds_metrics_add_query(), of the metric whose @dimension is @value:
 * an instance's, or an Aurora cluster's.
 */
void
rds_metrics_add_query_for (RdsRequest *request,
                           guint       n,
                           const char *id,
                           const char *metric,
                           const char *dimension,
                           const char *value,
                           int         period,
                           const char *stat,
                           gboolean    return_data)
{
  g_autofree char *period_text = g_strdup_printf ("%d", period);
  g_autofree char *prefix = g_strdup_printf ("MetricDataQueries.member.%u.", n);
  const char *fields[][2] = {
    { "Id", id },
    { "MetricStat.Metric.Namespace", RDS_METRICS_NAMESPACE },
    { "MetricStat.Metric.MetricName", metric },
    { "MetricStat.Metric.Dimensions.member.1.Name", dimension },
    { "MetricStat.Metric.Dimensions.member.1.Value", value },
    { "MetricStat.Period", period_text },
    { "MetricStat.Stat", stat },
    { "ReturnData", return_data ? NULL : "false" },
  };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_autofree char *key = g_strconcat (prefix, fields[f][0], NULL);

      rds_request_set (request, key, fields[f][1]);
    }
}

/**
 * rds_metrics_alarm_instance:
 * @alarm: an RdsMetricAlarm
 *
 * Returns: (nullable): the DB instance whose AWS/RDS metric @alarm watches
 */
const char *
rds_metrics_alarm_instance (RdsShape *alarm)
{
  GListModel *dimensions = G_LIST_MODEL (rds_shape_get_list (alarm, "dimensions"));
  g_autoptr(RdsShape) dimension = NULL;

  if (g_strcmp0 (rds_shape_get_string (alarm, "namespace"), RDS_METRICS_NAMESPACE) != 0 ||
      dimensions == NULL || g_list_model_get_n_items (dimensions) != 1)
    return NULL;
  dimension = g_list_model_get_item (dimensions, 0);
  if (g_strcmp0 (rds_shape_get_string (dimension, "name"), RDS_METRICS_DIMENSION) != 0)
    return NULL;
  return rds_shape_get_string (dimension, "value");
}
