/* rds-metrics.h: the AWS/RDS metrics of a DB instance, described once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rds-request.h"
#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_METRICS_NAMESPACE "AWS/RDS"
#define RDS_METRICS_DIMENSION "DBInstanceIdentifier"
/* Of an Aurora cluster's volume */
#define RDS_METRICS_CLUSTER_DIMENSION "DBClusterIdentifier"

/* The order of the table in rds-metrics.c. */
typedef enum
{
  RDS_METRIC_CPU_UTILIZATION,
  RDS_METRIC_DATABASE_CONNECTIONS,
  RDS_METRIC_FREE_STORAGE_SPACE,
  RDS_METRIC_FREEABLE_MEMORY,
  RDS_METRIC_SWAP_USAGE,
  RDS_METRIC_READ_IOPS,
  RDS_METRIC_WRITE_IOPS,
  RDS_METRIC_READ_LATENCY,
  RDS_METRIC_WRITE_LATENCY,
  RDS_METRIC_READ_THROUGHPUT,
  RDS_METRIC_WRITE_THROUGHPUT,
  RDS_METRIC_NETWORK_RECEIVE_THROUGHPUT,
  RDS_METRIC_NETWORK_TRANSMIT_THROUGHPUT,
  RDS_METRIC_DISK_QUEUE_DEPTH,
  RDS_METRIC_BURST_BALANCE,
  RDS_METRIC_CPU_CREDIT_USAGE,
  RDS_METRIC_CPU_CREDIT_BALANCE,
  RDS_METRIC_REPLICA_LAG,
  RDS_METRIC_BUFFER_CACHE_HIT_RATIO,
  RDS_METRIC_AURORA_REPLICA_LAG,
  RDS_METRIC_AURORA_REPLICA_LAG_MAXIMUM,
  RDS_METRIC_VOLUME_BYTES_USED,
  RDS_METRIC_VOLUME_READ_IOPS,
  RDS_METRIC_VOLUME_WRITE_IOPS,
  RDS_METRIC_VOLUME_BYTES_LEFT,
  RDS_METRIC_SERVERLESS_DATABASE_CAPACITY,
  RDS_METRIC_ACU_UTILIZATION,
  RDS_N_METRICS
} RdsMetricId;

/* Which instances publish a metric. */
typedef enum
{
  RDS_METRIC_FOR_ALL,
  RDS_METRIC_FOR_NOT_SQLSERVER,  /* SwapUsage */
  RDS_METRIC_FOR_GP2,            /* BurstBalance */
  RDS_METRIC_FOR_BURSTABLE,      /* db.t*: CPU credits */
  RDS_METRIC_FOR_REPLICA,        /* ReplicaLag */
  RDS_METRIC_FOR_STORAGE,        /* an RDS instance's own volume: not Aurora's */
  RDS_METRIC_FOR_AURORA,         /* an Aurora instance */
  RDS_METRIC_FOR_AURORA_READER,  /* AuroraReplicaLag */
  RDS_METRIC_FOR_AURORA_WRITER,  /* AuroraReplicaLagMaximum */
  RDS_METRIC_FOR_CLUSTER,        /* the cluster volume, dimension DBClusterIdentifier */
  RDS_METRIC_FOR_SERVERLESS,     /* a db.serverless instance: its ACUs */
} RdsMetricScope;

/* How a person reads the values: CloudWatch's unit, scaled for display. */
typedef enum
{
  RDS_METRIC_DISPLAY_PERCENT,
  RDS_METRIC_DISPLAY_COUNT,
  RDS_METRIC_DISPLAY_BYTES,             /* MiB or GiB */
  RDS_METRIC_DISPLAY_BYTES_PER_SECOND,  /* KiB/s or MiB/s */
  RDS_METRIC_DISPLAY_PER_SECOND,        /* IOPS */
  RDS_METRIC_DISPLAY_LATENCY,           /* seconds shown as ms */
  RDS_METRIC_DISPLAY_SECONDS,
  RDS_METRIC_DISPLAY_MILLISECONDS,
} RdsMetricDisplay;

typedef struct
{
  RdsMetricId       id;
  const char       *name;         /* "CPUUtilization" */
  const char       *unit;         /* CloudWatch's StandardUnit: "Percent" */
  const char       *title;        /* N_(): "CPU utilization" */
  const char       *description;  /* N_(): one line of what it measures */
  RdsMetricScope    scope;
  RdsMetricDisplay  display;
} RdsMetricInfo;

const RdsMetricInfo *rds_metrics_get_all     (guint               *n_metrics);
const RdsMetricInfo *rds_metrics_get         (RdsMetricId          id);
const RdsMetricInfo *rds_metrics_lookup      (const char          *name);
gboolean             rds_metrics_publishes   (const RdsMetricInfo *info,
                                              const char          *engine,
                                              const char          *instance_class,
                                              const char          *storage_type,
                                              gboolean             replica);
gboolean             rds_metrics_is_unit     (const char          *unit);

void                 rds_metrics_add_query   (RdsRequest          *request,
                                              guint                n,
                                              const char          *id,
                                              const char          *metric,
                                              const char          *instance,
                                              int                  period,
                                              const char          *stat,
                                              gboolean             return_data);
void                 rds_metrics_add_query_for (RdsRequest        *request,
                                                guint              n,
                                                const char        *id,
                                                const char        *metric,
                                                const char        *dimension,
                                                const char        *value,
                                                int                period,
                                                const char        *stat,
                                                gboolean           return_data);
const char          *rds_metrics_alarm_instance (RdsShape         *alarm);

/* Where CloudWatch keeps data of an age, at what resolution. */
#define RDS_METRICS_MINUTE_RETENTION_DAYS 15
#define RDS_METRICS_FIVE_MINUTE_RETENTION_DAYS 63
#define RDS_METRICS_HOUR_RETENTION_DAYS 455

int                  rds_metrics_resolution_for_age (gint64 age_usec);

G_END_DECLS
