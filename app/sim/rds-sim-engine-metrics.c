/* rds-sim-engine-metrics.c: CloudWatch's metrics of the simulated instances
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The `monitoring` service beside RDS on the same endpoint: GetMetricData,
 * GetMetricStatistics and ListMetrics over the AWS/RDS metrics. Nothing is
 * stored point by point: each datapoint aggregates the one-minute samples
 * the instance's workload gives for its period (rds-sim-workload.c), so the
 * answer is a function of the instance's history and the time asked for.
 * As CloudWatch does, data older than 15 days is kept only at five
 * minutes, older than 63 days only at an hour, and none after 455 days.
 */

#include "config.h"

#include "rds-sim-engine-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rds-datapoint.h"
#include "rds-db-cluster-member.h"
#include "rds-dimension.h"
#include "rds-message-data.h"
#include "rds-metric.h"
#include "rds-metric-data.h"
#include "rds-metric-data-result.h"
#include "rds-metric-list.h"
#include "rds-metric-statistics.h"
#include "rds-statistic-value.h"

#define MINUTE USEC (60)
#define MAX_STATISTICS_DATAPOINTS 1440
#define MAX_DATAPOINTS 100800
#define MAX_QUERIES 500
#define MAX_STATISTICS 5
#define MAX_EXTENDED_STATISTICS 10
#define MAX_DIMENSIONS 30
#define LIST_PAGE 500

/* Statistics */

typedef enum
{
  STAT_SAMPLE_COUNT,
  STAT_AVERAGE,
  STAT_SUM,
  STAT_MINIMUM,
  STAT_MAXIMUM,
  STAT_PERCENTILE,
} StatKind;

typedef struct
{
  StatKind kind;
  double   percentile;  /* 0 to 100 */
} Stat;

static const char * const stat_names[] = { "SampleCount", "Average", "Sum", "Minimum", "Maximum" };

/* "Average", or a percentile from "p0" to "p100" ("p99.9"). */
static gboolean
parse_stat (const char *text,
            gboolean    extended,
            Stat       *stat)
{
  char *end = NULL;
  double value;

  if (!extended)
    {
      for (guint i = 0; i < G_N_ELEMENTS (stat_names); i++)
        if (g_strcmp0 (text, stat_names[i]) == 0)
          {
            stat->kind = i;
            return TRUE;
          }
      if (text == NULL || text[0] != 'p')
        return FALSE;
    }

  if (text == NULL || text[0] != 'p' || !g_ascii_isdigit (text[1]))
    return FALSE;
  value = g_ascii_strtod (text + 1, &end);
  if (*end != '\0' || value < 0 || value > 100)
    return FALSE;
  stat->kind = STAT_PERCENTILE;
  stat->percentile = value;
  return TRUE;
}

typedef struct
{
  double  sum;
  double  minimum;
  double  maximum;
  guint   count;
  GArray *values;   /* double: only when a percentile is asked for */
} Accumulator;

static void
accumulator_reset (Accumulator *acc)
{
  acc->sum = 0;
  acc->minimum = INFINITY;
  acc->maximum = -INFINITY;
  acc->count = 0;
  if (acc->values != NULL)
    g_array_set_size (acc->values, 0);
}

static void
accumulator_add (Accumulator *acc,
                 double       value)
{
  acc->sum += value;
  acc->minimum = MIN (acc->minimum, value);
  acc->maximum = MAX (acc->maximum, value);
  acc->count++;
  if (acc->values != NULL)
    g_array_append_val (acc->values, value);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* The nearest-rank percentile of the samples, sorted once. */
static double
accumulator_percentile (Accumulator *acc,
                        double       percentile,
                        gboolean    *sorted)
{
  guint rank;

  if (!*sorted)
    {
      qsort (acc->values->data, acc->values->len, sizeof (double), compare_doubles);
      *sorted = TRUE;
    }
  rank = (guint) ceil (percentile / 100.0 * acc->values->len);
  rank = CLAMP (rank, 1, acc->values->len);
  return g_array_index (acc->values, double, rank - 1);
}

static double
accumulator_get (Accumulator *acc,
                 const Stat  *stat,
                 gboolean    *sorted)
{
  switch (stat->kind)
    {
    case STAT_SAMPLE_COUNT:
      return acc->count;
    case STAT_AVERAGE:
      return acc->sum / acc->count;
    case STAT_SUM:
      return acc->sum;
    case STAT_MINIMUM:
      return acc->minimum;
    case STAT_MAXIMUM:
      return acc->maximum;
    case STAT_PERCENTILE:
    default:
      return accumulator_percentile (acc, stat->percentile, sorted);
    }
}

/* Metrics and what they name */

typedef struct
{
  char      *namespace;
  char      *name;
  GPtrArray *dimensions;  /* RdsDimension */
} MetricRef;

static void
metric_ref_clear (MetricRef *ref)
{
  g_clear_pointer (&ref->namespace, g_free);
  g_clear_pointer (&ref->name, g_free);
  g_clear_pointer (&ref->dimensions, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MetricRef, metric_ref_clear)

/* `PREFIX.Namespace`, `PREFIX.MetricName`, `PREFIX.Dimensions.member.N.Name/Value` */
static gboolean
read_metric (RdsRequest  *request,
             const char  *prefix,
             gboolean     required,
             MetricRef   *ref,
             GError     **error)
{
  g_autofree char *ns_key = g_strconcat (prefix, "Namespace", NULL);
  g_autofree char *name_key = g_strconcat (prefix, "MetricName", NULL);
  const char *ns = rds_request_get_string (request, ns_key);
  const char *name = rds_request_get_string (request, name_key);

  if (required && ns == NULL)
    return _rds_sim_fail (error, RDS_AWS_ERROR_MISSING_PARAMETER, "The parameter %s is required.", ns_key);
  if (required && name == NULL)
    return _rds_sim_fail (error, RDS_AWS_ERROR_MISSING_PARAMETER, "The parameter %s is required.", name_key);

  ref->namespace = g_strdup (ns);
  ref->name = g_strdup (name);
  ref->dimensions = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 1;; i++)
    {
      g_autofree char *key = g_strdup_printf ("%sDimensions.member.%u.Name", prefix, i);
      g_autofree char *value_key = g_strdup_printf ("%sDimensions.member.%u.Value", prefix, i);
      const char *dimension = rds_request_get_string (request, key);
      const char *value = rds_request_get_string (request, value_key);

      if (dimension == NULL)
        {
          if (value != NULL)
            return _rds_sim_fail (error, RDS_AWS_ERROR_MISSING_PARAMETER, "The parameter %s is required.", key);
          break;
        }
      if (i > MAX_DIMENSIONS)
        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                              "The collection %sDimensions must not have more than %d members.",
                              prefix, MAX_DIMENSIONS);
      if (required && value == NULL)
        return _rds_sim_fail (error, RDS_AWS_ERROR_MISSING_PARAMETER, "The parameter %s is required.", value_key);
      g_ptr_array_add (ref->dimensions, g_object_new (RDS_TYPE_DIMENSION, "name", dimension, "value", value, NULL));
    }

  return TRUE;
}

/* What a metric is of: a DB instance, or an Aurora cluster's volume. */
typedef struct
{
  RdsSimInstance *instance;
  RdsSimCluster  *cluster;
} Source;

/* The instance or cluster and metric @ref names, if the simulator
 * publishes it: AWS/RDS, one dimension, DBInstanceIdentifier (or
 * DBClusterIdentifier for the volume's). Anything else has no data, which
 * is not an error to CloudWatch. */
static gboolean
resolve_metric (RdsSimRegion          *region,
                const MetricRef       *ref,
                const RdsMetricInfo  **info,
                Source                *source)
{
  RdsShape *dimension;
  const char *name, *value;

  source->instance = NULL;
  source->cluster = NULL;
  if (g_strcmp0 (ref->namespace, RDS_METRICS_NAMESPACE) != 0 || ref->dimensions->len != 1)
    return FALSE;
  dimension = g_ptr_array_index (ref->dimensions, 0);
  name = rds_shape_get_string (dimension, "name");
  value = rds_shape_get_string (dimension, "value");
  *info = rds_metrics_lookup (ref->name);
  if (*info == NULL)
    return FALSE;

  if (g_strcmp0 (name, RDS_METRICS_DIMENSION) == 0 && (*info)->scope != RDS_METRIC_FOR_CLUSTER)
    source->instance = (RdsSimInstance *) g_tree_lookup (RDS_SIM_INSTANCES (region), value);
  else if (g_strcmp0 (name, RDS_METRICS_CLUSTER_DIMENSION) == 0 &&
           ((*info)->scope == RDS_METRIC_FOR_CLUSTER || (*info)->id == RDS_METRIC_SERVERLESS_DATABASE_CAPACITY))
    source->cluster = (RdsSimCluster *) g_tree_lookup (RDS_SIM_CLUSTERS (region), value);
  return source->instance != NULL || source->cluster != NULL;
}

/* Serverless v2 */

/* Whom a Serverless v2 reader of promotion tier 0 or 1 keeps up with: its
 * writer, to take over at its size; NULL for any other instance. */
static RdsSimInstance *
capacity_lead (RdsSimInstance *instance)
{
  RdsSimCluster *cluster = _rds_sim_instance_get_cluster (instance);
  const char *writer = cluster != NULL ? rds_db_cluster_get_writer (cluster->model) : NULL;

  if (writer == NULL || g_str_equal (writer, rds_db_instance_get_identifier (instance->model)) ||
      rds_shape_get_int (RDS_SHAPE (instance->model), "promotion-tier") > 1)
    return NULL;
  return _rds_sim_instance_lookup (instance->region, writer, NULL);
}

/* An instance's ACUs over the minute from @m: its own, or at least
 * @lead's within its range. */
static gboolean
serverless_capacity (RdsSimInstance *instance,
                     RdsSimInstance *lead,
                     gint64          m,
                     double         *acu)
{
  const RdsSimSegment *segment = rds_sim_workload_at (&instance->workload, m);

  if (!rds_sim_workload_sample (&instance->workload, segment, RDS_METRIC_SERVERLESS_DATABASE_CAPACITY, m, acu))
    return FALSE;
  if (lead != NULL)
    *acu = MAX (*acu, MIN (rds_sim_workload_capacity (&lead->workload, rds_sim_workload_at (&lead->workload, m), m),
                           segment->max_acu));
  return TRUE;
}

/* A cluster's instances and whom each keeps up with, in pairs (the second
 * may be NULL). */
static GPtrArray *
serverless_members (RdsSimCluster *cluster)
{
  GListModel *list = rds_db_cluster_get_members (cluster->model);
  GPtrArray *members = g_ptr_array_new ();

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RdsDbClusterMember) member = g_list_model_get_item (list, i);
      RdsSimInstance *instance = _rds_sim_instance_lookup (cluster->region,
                                                           rds_db_cluster_member_get_instance_identifier (member),
                                                           NULL);

      if (instance == NULL)
        continue;
      g_ptr_array_add (members, instance);
      g_ptr_array_add (members, capacity_lead (instance));
    }
  return members;
}

/* A series */

typedef struct
{
  gint64 *timestamps;
  double *values;
  guint   n;
  guint   capacity;  /* of arrays the caller gave, or 0 */
} Series;

static void
series_clear (Series *series)
{
  g_clear_pointer (&series->timestamps, g_free);
  g_clear_pointer (&series->values, g_free);
  series->n = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Series, series_clear)

/* One statistic of @metric per period from @start until @end, oldest
 * first, for the periods with data. A period has the samples of its
 * minutes that are published by @now (a minute's is, a minute after it). */
static void
compute_series (const Source   *from,
                RdsMetricId     metric,
                gint64          start,
                gint64          end,
                int             period,
                const Stat     *stats,
                guint           n_stats,
                gint64          now,
                Series         *out)
{
  gint64 step = USEC (period);
  gint64 periods = MAX (0, (end - start + step - 1) / step);
  guint capacity = (guint) MIN (periods, 1024);
  Accumulator acc = { 0 };
  gboolean percentile = FALSE;
  RdsSimInstance *source = NULL;
  RdsSimInstance *lead = NULL;
  g_autoptr(GPtrArray) members = NULL;

  for (guint s = 0; s < n_stats; s++)
    percentile |= stats[s].kind == STAT_PERCENTILE;
  if (percentile)
    acc.values = g_array_new (FALSE, FALSE, sizeof (double));

  out->n = 0;
  /* Room grows with the data, not with the range asked for. */
  if (out->capacity == 0)
    {
      out->timestamps = g_new (gint64, capacity + 1);
      out->values = g_new (double, (capacity + 1) * n_stats);
    }

  RdsSimInstance *instance = from->instance;
  const RdsSimWorkload *workload = from->cluster != NULL ? &from->cluster->volume : &instance->workload;
  gboolean published = TRUE;

  /* A replica's lag follows its source's writes. */
  if (metric == RDS_METRIC_REPLICA_LAG)
    source = _rds_sim_instance_get_source (instance);
  /* An Aurora reader publishes its lag; the writer the worst of its readers'. */
  if (metric == RDS_METRIC_AURORA_REPLICA_LAG || metric == RDS_METRIC_AURORA_REPLICA_LAG_MAXIMUM)
    {
      RdsSimCluster *cluster = _rds_sim_instance_get_cluster (instance);
      const char *writer = cluster != NULL ? rds_db_cluster_get_writer (cluster->model) : NULL;
      gboolean is_writer = g_strcmp0 (writer, rds_db_instance_get_identifier (instance->model)) == 0;

      published = cluster != NULL && (metric == RDS_METRIC_AURORA_REPLICA_LAG ? !is_writer : is_writer);
    }

  if (metric == RDS_METRIC_SERVERLESS_DATABASE_CAPACITY || metric == RDS_METRIC_ACU_UTILIZATION)
    {
      if (from->cluster != NULL)
        members = serverless_members (from->cluster);
      else
        lead = capacity_lead (instance);
    }

  for (gint64 t = start; t < end; t += step)
    {
      int resolution = rds_metrics_resolution_for_age (now - t);
      gint64 until = MIN (t + step, now - MINUTE + 1);
      gboolean sorted = FALSE;

      if (resolution == 0 || period % resolution != 0)
        continue;

      accumulator_reset (&acc);
      for (gint64 m = t; m < until && published; m += MINUTE)
        {
          const RdsSimSegment *segment = rds_sim_workload_at (workload, m);
          double value;

          if (members != NULL)
            {
              /* The cluster's: the average of its Serverless v2 instances'. */
              double sum = 0;
              guint count = 0;

              for (guint i = 0; i < members->len; i += 2)
                if (serverless_capacity (g_ptr_array_index (members, i), g_ptr_array_index (members, i + 1), m,
                                         &value))
                  {
                    sum += value;
                    count++;
                  }
              if (count > 0)
                accumulator_add (&acc, sum / count);
            }
          else if (lead != NULL && (metric == RDS_METRIC_SERVERLESS_DATABASE_CAPACITY ||
                                    metric == RDS_METRIC_ACU_UTILIZATION))
            {
              if (serverless_capacity (instance, lead, m, &value))
                accumulator_add (&acc, metric == RDS_METRIC_ACU_UTILIZATION
                                       ? 100.0 * value / segment->max_acu : value);
            }
          else if (metric == RDS_METRIC_REPLICA_LAG
                     ? _rds_sim_instance_replica_lag (instance, source, m, &value)
                     : rds_sim_workload_sample (workload, segment, metric, m, &value))
            accumulator_add (&acc, value);
        }
      if (acc.count == 0)
        continue;

      if (out->capacity != 0 && out->n >= out->capacity)
        break;
      if (out->capacity == 0 && out->n >= capacity)
        {
          capacity = capacity * 2 + 16;
          out->timestamps = g_renew (gint64, out->timestamps, capacity + 1);
          out->values = g_renew (double, out->values, (capacity + 1) * n_stats);
        }
      out->timestamps[out->n] = t;
      for (guint s = 0; s < n_stats; s++)
        out->values[out->n * n_stats + s] = accumulator_get (&acc, &stats[s], &sorted);
      out->n++;
    }

  if (acc.values != NULL)
    g_array_unref (acc.values);
}

/* CloudWatch rounds the start down to the resolution its age keeps. */
static gint64
align_start (gint64 start,
             gint64 now)
{
  int resolution = rds_metrics_resolution_for_age (now - start);
  gint64 step = USEC (resolution != 0 ? resolution : 3600);

  return start - (start % step + step) % step;
}

/* What can have data: no more than CloudWatch keeps (455 days; high
 * resolution, under a minute, three hours), and nothing after now. The
 * start moves by whole periods, so the datapoints' times do not change. */
static void
clamp_window (gint64  *start,
              gint64  *end,
              int      period,
              gint64   now)
{
  gint64 step = USEC (MAX (1, period));
  gint64 oldest = now - (period < 60 ? USEC (3 * 3600) : USEC ((gint64) RDS_METRICS_HOUR_RETENTION_DAYS * 86400));

  if (*start < oldest)
    *start += (oldest - *start + step - 1) / step * step;
  if (*end > now + step)
    *end = now + step;
  if (*end < *start)
    *end = *start;
}

static gboolean
read_times (RdsRequest  *request,
            gint64      *start,
            gint64      *end,
            GError     **error)
{
  if (!rds_request_has (request, "StartTime"))
    return _rds_sim_fail (error, RDS_AWS_ERROR_MISSING_PARAMETER, "The parameter StartTime is required.");
  if (!rds_request_has (request, "EndTime"))
    return _rds_sim_fail (error, RDS_AWS_ERROR_MISSING_PARAMETER, "The parameter EndTime is required.");
  if (!rds_request_get_timestamp (request, "StartTime", start, error) ||
      !rds_request_get_timestamp (request, "EndTime", end, error))
    return FALSE;
  if (*start >= *end)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The parameter StartTime must be less than the parameter EndTime.");
  return TRUE;
}

static gboolean
check_period (int          period,
              const char  *name,
              GError     **error)
{
  if (period < 1)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The parameter %s must be greater than 0.", name);
  if (period != 1 && period != 5 && period != 10 && period != 30 && period % 60 != 0)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The parameter %s must be 1, 5, 10, 30 or a multiple of 60.", name);
  return TRUE;
}

/**
 * _rds_sim_metric_resolve:
 * @dimensions: (element-type RdsDimension): the metric's
 * @instance: (out) (transfer full): the instance it is of
 * @metric: (out): which of its metrics
 *
 * Returns: whether the simulator publishes the metric so named (in
 *   @unit, when given): AWS/RDS, by DBInstanceIdentifier
 */
gboolean
_rds_sim_metric_resolve (const char   *namespace,
                         const char   *metric_name,
                         GListModel   *dimensions,
                         const char   *unit,
                         char        **instance,
                         RdsMetricId  *metric)
{
  const RdsMetricInfo *info = rds_metrics_lookup (metric_name);
  g_autoptr(RdsShape) dimension = NULL;

  *instance = NULL;
  if (g_strcmp0 (namespace, RDS_METRICS_NAMESPACE) != 0 || info == NULL || dimensions == NULL ||
      g_list_model_get_n_items (dimensions) != 1 || (unit != NULL && !g_str_equal (unit, info->unit)))
    return FALSE;
  dimension = g_list_model_get_item (dimensions, 0);
  if (g_strcmp0 (rds_shape_get_string (dimension, "name"), RDS_METRICS_DIMENSION) != 0)
    return FALSE;

  *instance = g_strdup (rds_shape_get_string (dimension, "value"));
  *metric = info->id;
  return TRUE;
}

/**
 * _rds_sim_metric_values:
 * @stat: a statistic or percentile: "Average", "p99"
 * @timestamps: (out caller-allocates) (array length=capacity): the start of
 *   each period with data
 * @values: (out caller-allocates) (array length=capacity): the statistic of each
 *
 * One statistic of an instance's metric per period from @start to @end,
 * oldest first, as GetMetricData computes it (alarms evaluate the same).
 *
 * Returns: how many periods have data
 */
guint
_rds_sim_metric_values (RdsSimInstance *instance,
                        RdsMetricId   metric,
                        const char   *stat,
                        int           period,
                        gint64        start,
                        gint64        end,
                        gint64        now,
                        gint64       *timestamps,
                        double       *values,
                        guint         capacity)
{
  Series series = { timestamps, values, 0, capacity };
  Stat parsed;

  if (instance == NULL || capacity == 0 || !parse_stat (stat, FALSE, &parsed))
    return 0;

  compute_series (&(Source) { instance, NULL }, metric, start, end, period, &parsed, 1, now, &series);
  return series.n;
}

/* GetMetricStatistics */

RdsQueryResult *
_rds_sim_action_get_metric_statistics (RdsSimEngine  *self,
                                       RdsSimRegion  *region,
                                       RdsRequest    *request,
                                       GError       **error)
{
  g_auto(MetricRef) ref = { NULL };
  g_auto(GStrv) statistics = rds_request_get_list (request, "Statistics", "member");
  g_auto(GStrv) extended = rds_request_get_list (request, "ExtendedStatistics", "member");
  const char *unit = rds_request_get_string (request, "Unit");
  const RdsMetricInfo *info = NULL;
  Source source;
  RdsQueryResult *result;
  Stat stats[MAX_STATISTICS + MAX_EXTENDED_STATISTICS];
  guint n_plain = statistics != NULL ? g_strv_length (statistics) : 0;
  guint n_extended = extended != NULL ? g_strv_length (extended) : 0;
  g_auto(Series) series = { NULL };
  GListStore *datapoints;
  gint64 start, end, now = rds_sim_engine_get_now (self);
  gint64 requested;
  int period = 0;

  if (!read_metric (request, "", TRUE, &ref, error) || !read_times (request, &start, &end, error))
    return NULL;
  if (!rds_request_has (request, "Period"))
    return _rds_sim_fail (error, RDS_AWS_ERROR_MISSING_PARAMETER, "The parameter Period is required."), NULL;
  if (!rds_request_get_int (request, "Period", &period, error) || !check_period (period, "Period", error))
    return NULL;
  if (n_plain == 0 && n_extended == 0)
    return _rds_sim_fail (error, RDS_AWS_ERROR_MISSING_PARAMETER,
                          "Must specify either Statistics or ExtendedStatistics."), NULL;
  if (n_plain > 0 && n_extended > 0)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                          "Must specify either Statistics or ExtendedStatistics, but not both."), NULL;
  if (n_plain > MAX_STATISTICS)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The collection Statistics must not have more than %d members.", MAX_STATISTICS), NULL;
  if (n_extended > MAX_EXTENDED_STATISTICS)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The collection ExtendedStatistics must not have more than %d members.",
                          MAX_EXTENDED_STATISTICS), NULL;
  for (guint i = 0; i < n_plain; i++)
    if (!parse_stat (statistics[i], FALSE, &stats[i]) || stats[i].kind == STAT_PERCENTILE)
      return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                            "The parameter Statistics.member.%u must be a value in the set "
                            "[ Average, Sum, SampleCount, Maximum, Minimum ].", i + 1), NULL;
  for (guint i = 0; i < n_extended; i++)
    if (!parse_stat (extended[i], TRUE, &stats[i]))
      return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                            "The parameter ExtendedStatistics.member.%u must be a percentile from p0.0 to p100, "
                            "not “%s”.", i + 1, extended[i]), NULL;
  if (unit != NULL && !rds_metrics_is_unit (unit))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The parameter Unit must be a CloudWatch standard unit, not “%s”.", unit), NULL;

  start = align_start (start, now);
  requested = (end - start + USEC (period) - 1) / USEC (period);
  if (requested > MAX_STATISTICS_DATAPOINTS)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                          "You have requested up to %" G_GINT64_FORMAT " datapoints, which exceeds the limit of "
                          "1,440. You may reduce the datapoints requested by increasing Period, or decreasing "
                          "the time range.", requested), NULL;

  result = rds_query_result_new (rds_api_lookup_action (&rds_api_monitoring, "GetMetricStatistics"));
  result->item = g_object_new (RDS_TYPE_METRIC_STATISTICS, "label", ref.name, NULL);
  datapoints = rds_shape_ensure_list (result->item, "datapoints");

  if (!resolve_metric (region, &ref, &info, &source) || (unit != NULL && !g_str_equal (unit, info->unit)))
    return result;

  clamp_window (&start, &end, period, now);
  compute_series (&source, info->id, start, end, period, stats, n_plain + n_extended, now, &series);
  for (guint p = 0; p < series.n; p++)
    {
      g_autoptr(RdsShape) point = g_object_new (RDS_TYPE_DATAPOINT, "unit", info->unit, NULL);
      const double *values = &series.values[p * (n_plain + n_extended)];

      rds_shape_set_timestamp (point, "timestamp", series.timestamps[p]);
      for (guint i = 0; i < n_plain; i++)
        rds_shape_set_double (point, (const char *[]) { "sample-count", "average", "sum", "minimum",
                                                        "maximum" }[stats[i].kind], values[i]);
      for (guint i = 0; i < n_extended; i++)
        {
          g_autoptr(RdsShape) entry = g_object_new (RDS_TYPE_STATISTIC_VALUE, "key", extended[i], NULL);

          rds_shape_set_double (entry, "value", values[i]);
          g_list_store_append (rds_shape_ensure_list (point, "extended-statistics"), entry);
        }
      g_list_store_append (datapoints, point);
    }

  return result;
}

/* GetMetricData */

typedef struct _Query Query;

struct _Query
{
  char      *id;
  char      *label;
  char      *expression;
  gboolean   return_data;
  MetricRef  metric;
  Stat       stat;
  char      *stat_name;
  char      *unit;
  int        period;
  /* Evaluated */
  gboolean   evaluating;
  gboolean   done;
  Series     series;
};

static void
query_free (gpointer data)
{
  Query *query = data;

  g_free (query->id);
  g_free (query->label);
  g_free (query->expression);
  metric_ref_clear (&query->metric);
  g_free (query->stat_name);
  g_free (query->unit);
  series_clear (&query->series);
  g_free (query);
}

static gboolean
valid_id (const char *id)
{
  if (id == NULL || !g_ascii_islower (id[0]) || strlen (id) > 255)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static GPtrArray *
read_queries (RdsRequest  *request,
              GError     **error)
{
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (query_free);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 1;; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("MetricDataQueries.member.%u.", i);
      g_autofree char *id_key = g_strconcat (prefix, "Id", NULL);
      g_autofree char *stat_prefix = g_strconcat (prefix, "MetricStat", NULL);
      g_autofree char *metric_prefix = g_strconcat (prefix, "MetricStat.Metric.", NULL);
      g_autofree char *period_key = g_strconcat (prefix, "MetricStat.Period", NULL);
      g_autofree char *stat_key = g_strconcat (prefix, "MetricStat.Stat", NULL);
      g_autofree char *unit_key = g_strconcat (prefix, "MetricStat.Unit", NULL);
      g_autofree char *expression_key = g_strconcat (prefix, "Expression", NULL);
      g_autofree char *label_key = g_strconcat (prefix, "Label", NULL);
      g_autofree char *return_key = g_strconcat (prefix, "ReturnData", NULL);
      g_autofree char *expression_period_key = g_strconcat (prefix, "Period", NULL);
      gboolean has_stat;
      Query *query;

      if (!rds_request_has (request, id_key))
        {
          g_autofree char *any = g_strdup_printf ("MetricDataQueries.member.%u", i);

          if (!rds_request_is_empty_of (request, any))
            return _rds_sim_fail (error, RDS_AWS_ERROR_MISSING_PARAMETER,
                                  "The parameter %s is required.", id_key), NULL;
          break;
        }
      if (i > MAX_QUERIES)
        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                              "The collection MetricDataQueries must not have more than %d members.",
                              MAX_QUERIES), NULL;

      query = g_new0 (Query, 1);
      g_ptr_array_add (queries, query);
      query->id = g_strdup (rds_request_get_string (request, id_key));
      query->label = g_strdup (rds_request_get_string (request, label_key));
      query->expression = g_strdup (rds_request_get_string (request, expression_key));
      query->return_data = TRUE;
      if (!rds_request_get_boolean (request, return_key, &query->return_data, error))
        return NULL;

      if (!valid_id (query->id))
        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                              "The value %s for parameter %s is invalid: an Id starts with a lowercase letter and "
                              "has only letters, digits and underscores.", query->id, id_key), NULL;
      if (g_hash_table_contains (ids, query->id))
        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                              "The Id %s is used by more than one query: each query needs its own.", query->id), NULL;
      g_hash_table_add (ids, query->id);

      has_stat = !rds_request_is_empty_of (request, stat_prefix);
      if (has_stat == (query->expression != NULL))
        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                              "The query %s must have either MetricStat or Expression, and not both.", query->id), NULL;

      if (has_stat)
        {
          if (!read_metric (request, metric_prefix, TRUE, &query->metric, error))
            return NULL;
          if (!rds_request_has (request, period_key))
            return _rds_sim_fail (error, RDS_AWS_ERROR_MISSING_PARAMETER,
                                  "The parameter %s is required.", period_key), NULL;
          if (!rds_request_get_int (request, period_key, &query->period, error) ||
              !check_period (query->period, period_key, error))
            return NULL;
          query->stat_name = g_strdup (rds_request_get_string (request, stat_key));
          if (query->stat_name == NULL)
            return _rds_sim_fail (error, RDS_AWS_ERROR_MISSING_PARAMETER,
                                  "The parameter %s is required.", stat_key), NULL;
          if (!parse_stat (query->stat_name, FALSE, &query->stat))
            return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                                  "The value %s for parameter %s is not a statistic: use SampleCount, Average, Sum, "
                                  "Minimum, Maximum or a percentile such as p99.", query->stat_name, stat_key), NULL;
          query->unit = g_strdup (rds_request_get_string (request, unit_key));
          if (query->unit != NULL && !rds_metrics_is_unit (query->unit))
            return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                                  "The parameter %s must be a CloudWatch standard unit, not “%s”.", unit_key,
                                  query->unit), NULL;
        }
      else
        {
          query->period = 0;
          if (rds_request_has (request, expression_period_key) &&
              (!rds_request_get_int (request, expression_period_key, &query->period, error) ||
               !check_period (query->period, expression_period_key, error)))
            return NULL;
          if (*query->expression == '\0' || strlen (query->expression) > 2048)
            return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                                  "The expression of query %s must have 1 to 2048 characters.", query->id), NULL;
        }
    }

  if (queries->len == 0)
    return _rds_sim_fail (error, RDS_AWS_ERROR_MISSING_PARAMETER, "The parameter MetricDataQueries is required."), NULL;

  return g_steal_pointer (&queries);
}

/* Metric math: numbers, query ids, + - * /, parentheses, and the functions
 * SUM, AVG, MIN, MAX (of [a, b, …] or METRICS()), ABS and RATE. Every
 * series lies on one grid: the start, and the period of the query that
 * asks. Missing values stay missing. */

typedef struct
{
  double   *values;   /* grid->n of them, NaN when missing; NULL for a scalar */
  double    scalar;
} Value;

typedef struct
{
  gint64 start;
  gint64 end;
  int    period;
  guint  n;
} Grid;

typedef struct
{
  const char  *text;
  const char  *p;
  GPtrArray   *queries;
  const Grid  *grid;
  Query       *owner;
  RdsSimRegion *region;
  gint64       now;
  GError     **error;
} Parser;

static gboolean evaluate (Query *query, GPtrArray *queries, RdsSimRegion *region, const Grid *grid,
                          gint64 now, GError **error);
static gboolean parse_sum (Parser *parser, Value *out);

static void
value_clear (Value *value)
{
  g_clear_pointer (&value->values, g_free);
}

static gboolean
parse_fail (Parser     *parser,
            const char *what)
{
  return _rds_sim_fail (parser->error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                        "Error in expression %s: %s at position %d of “%s”.", parser->owner->id, what,
                        (int) (parser->p - parser->text) + 1, parser->text);
}

static void
skip_space (Parser *parser)
{
  while (g_ascii_isspace (*parser->p))
    parser->p++;
}

static Query *
find_query (GPtrArray  *queries,
            const char *id,
            gsize       length)
{
  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = g_ptr_array_index (queries, i);

      if (strlen (query->id) == length && strncmp (query->id, id, length) == 0)
        return query;
    }
  return NULL;
}

/* A query's series on the grid. */
static gboolean
series_on_grid (Parser *parser,
                Query  *query,
                Value  *out)
{
  const Grid *grid = parser->grid;

  if (!evaluate (query, parser->queries, parser->region, grid, parser->now, parser->error))
    return FALSE;
  if (query->period != 0 && query->period != grid->period)
    return _rds_sim_fail (parser->error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "Error in expression %s: %s has a period of %d seconds and the expression %d; metric "
                          "math needs one period.", parser->owner->id, query->id, query->period, grid->period);

  out->values = g_new (double, grid->n);
  for (guint i = 0; i < grid->n; i++)
    out->values[i] = NAN;
  for (guint i = 0; i < query->series.n; i++)
    {
      gint64 index = (query->series.timestamps[i] - grid->start) / USEC (grid->period);

      if (index >= 0 && index < grid->n)
        out->values[index] = query->series.values[i];
    }
  return TRUE;
}

static double
at (const Value *value,
    guint        i)
{
  return value->values != NULL ? value->values[i] : value->scalar;
}

static void
combine (const Grid *grid,
         Value      *left,
         Value      *right,
         char        op)
{
  gboolean series = left->values != NULL || right->values != NULL;
  guint n = series ? grid->n : 1;
  double *result = series ? g_new (double, n) : NULL;

  for (guint i = 0; i < n; i++)
    {
      double a = at (left, i), b = at (right, i), r;

      switch (op)
        {
        case '+': r = a + b; break;
        case '-': r = a - b; break;
        case '*': r = a * b; break;
        default:  r = b == 0 ? NAN : a / b; break;
        }
      if (series)
        result[i] = r;
      else
        left->scalar = r;
    }

  value_clear (left);
  value_clear (right);
  left->values = result;
}

/* The list of a SUM (…): `[a, b]`, `METRICS()` or one series. */
static gboolean
parse_list (Parser    *parser,
            GPtrArray *items)
{
  skip_space (parser);
  if (g_str_has_prefix (parser->p, "METRICS()"))
    {
      parser->p += strlen ("METRICS()");
      for (guint i = 0; i < parser->queries->len; i++)
        {
          Query *query = g_ptr_array_index (parser->queries, i);
          Value *value;

          if (query->expression != NULL)
            continue;
          value = g_new0 (Value, 1);
          g_ptr_array_add (items, value);
          if (!series_on_grid (parser, query, value))
            return FALSE;
        }
      return TRUE;
    }

  if (*parser->p == '[')
    {
      parser->p++;
      for (;;)
        {
          Value *value = g_new0 (Value, 1);

          g_ptr_array_add (items, value);
          if (!parse_sum (parser, value))
            return FALSE;
          skip_space (parser);
          if (*parser->p == ',')
            {
              parser->p++;
              continue;
            }
          if (*parser->p != ']')
            return parse_fail (parser, "“]” expected");
          parser->p++;
          return TRUE;
        }
    }

  {
    Value *value = g_new0 (Value, 1);

    g_ptr_array_add (items, value);
    return parse_sum (parser, value);
  }
}

static void
value_free (gpointer data)
{
  value_clear (data);
  g_free (data);
}

static gboolean
parse_function (Parser     *parser,
                const char *name,
                gsize       length,
                Value      *out)
{
  const Grid *grid = parser->grid;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (value_free);
  gboolean aggregate = FALSE;
  guint kind = 0;

  static const char * const aggregates[] = { "SUM", "AVG", "MIN", "MAX" };

  for (guint i = 0; i < G_N_ELEMENTS (aggregates); i++)
    if (strlen (aggregates[i]) == length && strncmp (name, aggregates[i], length) == 0)
      {
        aggregate = TRUE;
        kind = i;
      }

  if (aggregate)
    {
      if (!parse_list (parser, items))
        return FALSE;
    }
  else if ((length == 4 && strncmp (name, "RATE", 4) == 0) || (length == 3 && strncmp (name, "ABS", 3) == 0))
    {
      Value *value = g_new0 (Value, 1);

      g_ptr_array_add (items, value);
      if (!parse_sum (parser, value))
        return FALSE;
    }
  else
    {
      return parse_fail (parser, "unknown function");
    }

  skip_space (parser);
  if (*parser->p != ')')
    return parse_fail (parser, "“)” expected");
  parser->p++;

  out->values = g_new (double, grid->n);
  if (aggregate)
    {
      for (guint i = 0; i < grid->n; i++)
        {
          double total = 0, low = INFINITY, high = -INFINITY;
          guint count = 0;

          for (guint k = 0; k < items->len; k++)
            {
              double v = at (g_ptr_array_index (items, k), i);

              if (isnan (v))
                continue;
              total += v;
              low = MIN (low, v);
              high = MAX (high, v);
              count++;
            }
          out->values[i] = count == 0 ? NAN :
                           kind == 0 ? total : kind == 1 ? total / count : kind == 2 ? low : high;
        }
    }
  else if (name[0] == 'R')
    {
      const Value *value = g_ptr_array_index (items, 0);
      double previous = NAN;
      guint previous_index = 0;

      /* Per second, over the time since the previous point, gaps included. */
      for (guint i = 0; i < grid->n; i++)
        {
          double v = at (value, i);

          out->values[i] = (v - previous) / ((double) (i - previous_index) * grid->period);
          if (!isnan (v))
            {
              previous = v;
              previous_index = i;
            }
        }
    }
  else
    {
      for (guint i = 0; i < grid->n; i++)
        out->values[i] = fabs (at (g_ptr_array_index (items, 0), i));
    }

  return TRUE;
}

static gboolean
parse_factor (Parser *parser,
              Value  *out)
{
  skip_space (parser);

  if (*parser->p == '-')
    {
      Value zero = { NULL, 0 };

      parser->p++;
      if (!parse_factor (parser, out))
        return FALSE;
      combine (parser->grid, &zero, out, '-');
      *out = zero;
      return TRUE;
    }

  if (*parser->p == '(')
    {
      parser->p++;
      if (!parse_sum (parser, out))
        return FALSE;
      skip_space (parser);
      if (*parser->p != ')')
        return parse_fail (parser, "“)” expected");
      parser->p++;
      return TRUE;
    }

  if (g_ascii_isdigit (*parser->p) || *parser->p == '.')
    {
      char *end = NULL;

      out->values = NULL;
      out->scalar = g_ascii_strtod (parser->p, &end);
      if (end == parser->p)
        return parse_fail (parser, "a number expected");
      parser->p = end;
      return TRUE;
    }

  if (g_ascii_isalpha (*parser->p))
    {
      const char *name = parser->p;
      gsize length;
      Query *query;

      while (g_ascii_isalnum (*parser->p) || *parser->p == '_')
        parser->p++;
      length = (gsize) (parser->p - name);
      skip_space (parser);
      if (*parser->p == '(')
        {
          parser->p++;
          return parse_function (parser, name, length, out);
        }

      query = find_query (parser->queries, name, length);
      if (query == NULL)
        return parse_fail (parser, "unknown query id");
      if (query == parser->owner)
        return parse_fail (parser, "an expression cannot use itself");
      return series_on_grid (parser, query, out);
    }

  return parse_fail (parser, "a value expected");
}

/* Operands joined by the operators in @ops, left to right. */
static gboolean
parse_chain (Parser      *parser,
             Value       *out,
             const char  *ops,
             gboolean   (*operand) (Parser *, Value *))
{
  if (!operand (parser, out))
    return FALSE;

  for (;;)
    {
      Value right = { NULL, 0 };
      char op;

      skip_space (parser);
      op = *parser->p;
      if (op == '\0' || strchr (ops, op) == NULL)
        return TRUE;
      parser->p++;
      if (!operand (parser, &right))
        {
          value_clear (&right);
          return FALSE;
        }
      combine (parser->grid, out, &right, op);
    }
}

static gboolean
parse_product (Parser *parser,
               Value  *out)
{
  return parse_chain (parser, out, "*/", parse_factor);
}

static gboolean
parse_sum (Parser *parser,
           Value  *out)
{
  return parse_chain (parser, out, "+-", parse_product);
}

/* The query's series: its metric's, or its expression's. */
static gboolean
evaluate (Query         *query,
          GPtrArray     *queries,
          RdsSimRegion  *region,
          const Grid    *grid,
          gint64         now,
          GError       **error)
{
  if (query->done)
    return TRUE;
  if (query->evaluating)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The expressions use each other in a circle through %s.", query->id);

  query->evaluating = TRUE;

  if (query->expression == NULL)
    {
      const RdsMetricInfo *info = NULL;
      Source source;

      if (resolve_metric (region, &query->metric, &info, &source) &&
          (query->unit == NULL || g_str_equal (query->unit, info->unit)))
        compute_series (&source, info->id, grid->start, grid->end, query->period, &query->stat, 1, now,
                        &query->series);
    }
  else
    {
      Grid own = *grid;
      Value value = { NULL, 0 };
      Parser parser = { query->expression, query->expression, queries, &own, query, region, now, error };

      if (query->period != 0)
        {
          own.period = query->period;
          own.n = (guint) ((grid->end - grid->start + USEC (own.period) - 1) / USEC (own.period));
        }
      else
        {
          /* The period of the first metric it uses, else the grid's. */
          for (guint i = 0; i < queries->len; i++)
            {
              Query *other = g_ptr_array_index (queries, i);

              if (other->expression == NULL && strstr (query->expression, other->id) != NULL)
                {
                  own.period = other->period;
                  own.n = (guint) ((grid->end - grid->start + USEC (own.period) - 1) / USEC (own.period));
                  break;
                }
            }
          query->period = own.period;
        }

      if (!parse_sum (&parser, &value))
        {
          value_clear (&value);
          query->evaluating = FALSE;
          return FALSE;
        }
      skip_space (&parser);
      if (*parser.p != '\0')
        {
          value_clear (&value);
          query->evaluating = FALSE;
          return parse_fail (&parser, "unexpected text");
        }

      query->series.timestamps = g_new (gint64, own.n + 1);
      query->series.values = g_new (double, own.n + 1);
      for (guint i = 0; i < own.n; i++)
        {
          double v = at (&value, i);

          if (isnan (v) || isinf (v))
            continue;
          query->series.timestamps[query->series.n] = own.start + (gint64) i * USEC (own.period);
          query->series.values[query->series.n] = v;
          query->series.n++;
        }
      value_clear (&value);
    }

  query->evaluating = FALSE;
  query->done = TRUE;
  return TRUE;
}

RdsQueryResult *
_rds_sim_action_get_metric_data (RdsSimEngine  *self,
                                 RdsSimRegion  *region,
                                 RdsRequest    *request,
                                 GError       **error)
{
  g_autoptr(GPtrArray) queries = NULL;
  const char *scan_by = rds_request_get_string (request, "ScanBy");
  const char *token = rds_request_get_string (request, "NextToken");
  gboolean ascending = FALSE;
  gint64 start, end, now = rds_sim_engine_get_now (self);
  int max_points = MAX_DATAPOINTS;
  guint64 offset = 0, position = 0, total = 0;
  RdsQueryResult *result;
  GListStore *results;
  Grid grid;
  int smallest = 0;

  if (!read_times (request, &start, &end, error))
    return NULL;
  queries = read_queries (request, error);
  if (queries == NULL)
    return NULL;
  if (scan_by != NULL && !g_str_equal (scan_by, "TimestampDescending") && !g_str_equal (scan_by, "TimestampAscending"))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The parameter ScanBy must be TimestampDescending or TimestampAscending, not “%s”.",
                          scan_by), NULL;
  ascending = g_strcmp0 (scan_by, "TimestampAscending") == 0;
  if (!rds_request_get_int (request, "MaxDatapoints", &max_points, error))
    return NULL;
  if (max_points < 1)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The parameter MaxDatapoints must be greater than 0."), NULL;
  if (token != NULL)
    {
      g_autoptr(GError) local = NULL;

      if (!_rds_sim_decode_index_marker (token, &offset, &local))
        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_NEXT_TOKEN,
                              "The NextToken is not valid: pass the NextToken of the previous answer, with the "
                              "same queries and times."), NULL;
    }

  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = g_ptr_array_index (queries, i);

      if (query->expression == NULL && (smallest == 0 || query->period < smallest))
        smallest = query->period;
    }
  grid.start = align_start (start, now);
  grid.end = end;
  grid.period = smallest != 0 ? smallest : 60;
  /* Expressions may ask for a period of their own: the shortest bounds all. */
  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = g_ptr_array_index (queries, i);

      if (query->period != 0 && query->period < grid.period)
        grid.period = query->period;
    }
  clamp_window (&grid.start, &grid.end, grid.period, now);
  if (smallest != 0)
    grid.period = smallest;
  grid.n = (guint) ((grid.end - grid.start + USEC (grid.period) - 1) / USEC (grid.period));

  for (guint i = 0; i < queries->len; i++)
    if (!evaluate (g_ptr_array_index (queries, i), queries, region, &grid, now, error))
      return NULL;

  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = g_ptr_array_index (queries, i);

      if (query->return_data)
        total += query->series.n;
    }
  if (offset > total)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_NEXT_TOKEN,
                          "The NextToken is not valid: pass the NextToken of the previous answer, with the same "
                          "queries and times."), NULL;

  result = rds_query_result_new (rds_api_lookup_action (&rds_api_monitoring, "GetMetricData"));
  result->item = g_object_new (RDS_TYPE_METRIC_DATA, NULL);
  results = rds_shape_ensure_list (result->item, "metric-data-results");

  /* The points of every query, one after the other, in pages. */
  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = g_ptr_array_index (queries, i);
      g_autoptr(RdsShape) item = NULL;
      guint64 first, last;
      GArray *timestamps, *values;
      guint n;

      if (!query->return_data)
        continue;

      first = MAX (offset, position);
      last = MIN (offset + (guint64) max_points, position + query->series.n);
      n = last > first ? (guint) (last - first) : 0;

      item = g_object_new (RDS_TYPE_METRIC_DATA_RESULT,
                           "id", query->id,
                           "label", query->label != NULL ? query->label :
                                    query->expression != NULL ? query->id : query->metric.name,
                           "status-code", position + query->series.n <= offset + (guint64) max_points ?
                                          "Complete" : "PartialData",
                           NULL);
      timestamps = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
      values = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
      g_array_set_size (timestamps, n);
      g_array_set_size (values, n);
      for (guint k = 0; k < n; k++)
        {
          guint index = (guint) (first - position) + k;
          guint from = ascending ? index : query->series.n - 1 - index;

          g_array_index (timestamps, gint64, k) = query->series.timestamps[from];
          g_array_index (values, double, k) = query->series.values[from];
        }
      rds_shape_take_array (item, "timestamps", timestamps);
      rds_shape_take_array (item, "values", values);
      g_list_store_append (results, item);

      position += query->series.n;
    }

  if (offset + (guint64) max_points < total)
    {
      g_autofree char *next = _rds_sim_encode_index_marker (offset + (guint64) max_points);

      rds_shape_set_string (result->item, "next-token", next);
    }

  return result;
}

/* ListMetrics */

RdsQueryResult *
_rds_sim_action_list_metrics (RdsSimEngine  *self,
                              RdsSimRegion  *region,
                              RdsRequest    *request,
                              GError       **error)
{
  g_auto(MetricRef) filter = { NULL };
  const char *token = rds_request_get_string (request, "NextToken");
  const char *recently = rds_request_get_string (request, "RecentlyActive");
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func (g_object_unref);
  RdsQueryResult *result;
  GListStore *metrics;
  GTreeNode *node;
  guint64 offset = 0;
  gint64 now = rds_sim_engine_get_now (self);

  if (!read_metric (request, "", FALSE, &filter, error))
    return NULL;
  if (recently != NULL && !g_str_equal (recently, "PT3H"))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The parameter RecentlyActive must be PT3H, not “%s”.", recently), NULL;
  if (token != NULL)
    {
      g_autoptr(GError) local = NULL;

      if (!_rds_sim_decode_index_marker (token, &offset, &local))
        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_NEXT_TOKEN,
                              "The NextToken is not valid: pass the NextToken of the previous answer."), NULL;
    }

  if (filter.namespace == NULL || g_str_equal (filter.namespace, RDS_METRICS_NAMESPACE))
    for (node = g_tree_node_first (RDS_SIM_INSTANCES (region)); node != NULL; node = g_tree_node_next (node))
      {
        RdsSimInstance *instance = g_tree_node_value (node);
        RdsShape *model = RDS_SHAPE (instance->model);
        const char *id = rds_db_instance_get_identifier (instance->model);
        gint64 since = recently != NULL ? now - USEC (3 * 3600) : now - USEC (14 * 86400);
        const RdsSimSegment *segment = rds_sim_workload_last (&instance->workload);
        gboolean published = FALSE;
        gboolean dimensions_match = TRUE;
        gboolean reader;

        /* Metrics with data in the last two weeks (or three hours). */
        for (guint i = instance->workload.segments->len; i > 0; i--)
          {
            const RdsSimSegment *s = &g_array_index (instance->workload.segments, RdsSimSegment, i - 1);

            if (s->phase != RDS_SIM_PHASE_ABSENT && s->phase != RDS_SIM_PHASE_STOPPED)
              {
                published = TRUE;
                break;
              }
            if (s->start <= since)
              break;
          }
        if (!published || segment == NULL)
          continue;
        /* An Aurora reader publishes as a replica does. */
        if (rds_shape_get_string (model, "db-cluster-identifier") != NULL)
          {
            RdsSimCluster *cluster = _rds_sim_instance_get_cluster (instance);

            reader = cluster != NULL && g_strcmp0 (rds_db_cluster_get_writer (cluster->model), id) != 0;
          }
        else
          reader = instance->replication != RDS_SIM_REPLICATION_NONE;

        for (guint d = 0; d < filter.dimensions->len; d++)
          {
            RdsShape *dimension = g_ptr_array_index (filter.dimensions, d);
            const char *value = rds_shape_get_string (dimension, "value");

            if (g_strcmp0 (rds_shape_get_string (dimension, "name"), RDS_METRICS_DIMENSION) != 0 ||
                (value != NULL && g_strcmp0 (value, id) != 0))
              dimensions_match = FALSE;
          }
        if (!dimensions_match)
          continue;

        for (guint m = 0; m < RDS_N_METRICS; m++)
          {
            const RdsMetricInfo *info = rds_metrics_get (m);
            g_autoptr(RdsShape) dimension = NULL;
            RdsShape *metric;

            if ((filter.name != NULL && !g_str_equal (filter.name, info->name)) ||
                !rds_metrics_publishes (info, rds_db_instance_get_engine (instance->model),
                                        rds_shape_get_string (model, "db-instance-class"),
                                        rds_shape_get_string (model, "storage-type"),
                                        reader))
              continue;
            metric = g_object_new (RDS_TYPE_METRIC, "namespace", RDS_METRICS_NAMESPACE,
                                   "metric-name", info->name, NULL);
            dimension = g_object_new (RDS_TYPE_DIMENSION, "name", RDS_METRICS_DIMENSION, "value", id, NULL);
            g_list_store_append (rds_shape_ensure_list (metric, "dimensions"), dimension);
            g_ptr_array_add (matches, metric);
          }
      }

  /* The cluster volumes' own, once created. */
  if (filter.namespace == NULL || g_str_equal (filter.namespace, RDS_METRICS_NAMESPACE))
    for (node = g_tree_node_first (RDS_SIM_CLUSTERS (region)); node != NULL; node = g_tree_node_next (node))
      {
        RdsSimCluster *cluster = g_tree_node_value (node);
        const char *id = rds_db_cluster_get_identifier (cluster->model);
        gboolean dimensions_match = TRUE;

        if (cluster->op == RDS_SIM_CLUSTER_OP_CREATE)
          continue;
        for (guint d = 0; d < filter.dimensions->len; d++)
          {
            RdsShape *dimension = g_ptr_array_index (filter.dimensions, d);
            const char *value = rds_shape_get_string (dimension, "value");

            if (g_strcmp0 (rds_shape_get_string (dimension, "name"), RDS_METRICS_CLUSTER_DIMENSION) != 0 ||
                (value != NULL && g_strcmp0 (value, id) != 0))
              dimensions_match = FALSE;
          }
        if (!dimensions_match)
          continue;
        for (guint m = 0; m < RDS_N_METRICS; m++)
          {
            const RdsMetricInfo *info = rds_metrics_get (m);
            g_autoptr(RdsShape) dimension = NULL;
            RdsShape *metric;

            /* And the average capacity of its Serverless v2 instances, once
             * it has a range. */
            if ((info->scope != RDS_METRIC_FOR_CLUSTER &&
                 (m != RDS_METRIC_SERVERLESS_DATABASE_CAPACITY ||
                  rds_shape_get_object (RDS_SHAPE (cluster->model), "serverless-v2-scaling-configuration") == NULL)) ||
                (filter.name != NULL && !g_str_equal (filter.name, info->name)))
              continue;
            metric = g_object_new (RDS_TYPE_METRIC, "namespace", RDS_METRICS_NAMESPACE,
                                   "metric-name", info->name, NULL);
            dimension = g_object_new (RDS_TYPE_DIMENSION, "name", RDS_METRICS_CLUSTER_DIMENSION, "value", id, NULL);
            g_list_store_append (rds_shape_ensure_list (metric, "dimensions"), dimension);
            g_ptr_array_add (matches, metric);
          }
      }

  if (offset > matches->len)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_NEXT_TOKEN,
                          "The NextToken is not valid: pass the NextToken of the previous answer."), NULL;

  result = rds_query_result_new (rds_api_lookup_action (&rds_api_monitoring, "ListMetrics"));
  result->item = g_object_new (RDS_TYPE_METRIC_LIST, NULL);
  metrics = rds_shape_ensure_list (result->item, "metrics");
  for (guint64 i = offset; i < matches->len && i < offset + LIST_PAGE; i++)
    g_list_store_append (metrics, g_ptr_array_index (matches, i));
  if (offset + LIST_PAGE < matches->len)
    {
      g_autofree char *next = _rds_sim_encode_index_marker (offset + LIST_PAGE);

      rds_shape_set_string (result->item, "next-token", next);
    }

  return result;
}

