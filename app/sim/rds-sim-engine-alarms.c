/* rds-sim-engine-alarms.c: CloudWatch's metric alarms, evaluated on the
 * simulated clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An alarm is a resource of its own kind. Its one timer fires at the end
 * of each of its periods; it then looks at its last EvaluationPeriods
 * datapoints, computed exactly as GetMetricData computes them, and goes to
 * ALARM when DatapointsToAlarm of them breach, to OK otherwise, and to
 * INSUFFICIENT_DATA when all are missing (as TreatMissingData says).
 * Every change of configuration or state is kept in its history.
 */

#include "config.h"

#include "rds-sim-engine-private.h"

#include <math.h>
#include <string.h>

#include "rds-alarm-history.h"
#include "rds-alarm-history-item.h"
#include "rds-alarm-list.h"
#include "rds-dimension.h"
#include "rds-metric-alarm.h"

#define HISTORY_LIMIT 100
#define HISTORY_DAYS 14
#define MAX_ALARM_PAGE 100

typedef struct
{
  union
  {
    RdsSimResource resource;
    struct { RDS_SIM_RESOURCE_FIELDS (RdsMetricAlarm) };
  };
  GPtrArray *history;   /* RdsAlarmHistoryItem, oldest first */

  /* Its configuration, read from the model once (configure ()) */
  char        *instance;  /* NULL: a metric the simulator does not publish */
  RdsMetricId  metric;
  const char  *stat;      /* the model's */
  gint64       step;
  int          periods;
  int          needed;
  int          op;        /* in operators[] */
  int          treat;     /* in missing_treatments[] */
  double       threshold;
  const char  *state;     /* interned: the model's state-value */
  RdsSimInstance *watched;  /* the instance, while instances_changed is… */
  guint64      watched_changes;  /* …this, else looked up again */
} RdsSimAlarm;

enum { STATE_OK, STATE_ALARM, STATE_INSUFFICIENT_DATA };
static const char * const states[] = { "OK", "ALARM", "INSUFFICIENT_DATA" };
/* The same, interned (configure ()): states compare as pointers. */
static const char *interned_states[G_N_ELEMENTS (states)];

static const struct
{
  const char *name;
  const char *words;
} operators[] = {
  { "GreaterThanOrEqualToThreshold", "greater than or equal to" },
  { "GreaterThanThreshold", "greater than" },
  { "LessThanThreshold", "less than" },
  { "LessThanOrEqualToThreshold", "less than or equal to" },
};

enum { TREAT_MISSING, TREAT_NOT_BREACHING, TREAT_BREACHING, TREAT_IGNORE };
static const char * const missing_treatments[] = { "missing", "notBreaching", "breaching", "ignore" };

static int
index_in (const char         *value,
          const char * const *set,
          guint               n)
{
  for (guint i = 0; value != NULL && i < n; i++)
    if (g_str_equal (set[i], value))
      return (int) i;
  return -1;
}

static gboolean
in_set (const char         *value,
        const char * const *set,
        guint               n)
{
  for (guint i = 0; value != NULL && i < n; i++)
    if (g_str_equal (set[i], value))
      return TRUE;
  return FALSE;
}

static RdsShape *
shape (RdsSimAlarm *alarm)
{
  return RDS_SHAPE (alarm->model);
}

static const char *
alarm_name (RdsSimAlarm *alarm)
{
  return rds_shape_get_string (shape (alarm), "alarm-name");
}

static RdsSimAlarm *
find_alarm (RdsSimRegion *region,
            const char   *name)
{
  return name != NULL ? g_tree_lookup (_rds_sim_region_resources (region, &_rds_sim_kind_metric_alarm), name)
                      : NULL;
}

static gboolean
not_found (GError     **error,
           const char  *name)
{
  g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_RESOURCE_NOT_FOUND,
               "The alarm %s does not exist.", name != NULL ? name : "");
  return FALSE;
}

/* `dd/MM/yy HH:mm:ss`, as alarm reasons write times. */
static char *
reason_time (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_format (time, "%d/%m/%y %H:%M:%S");
}

static void
add_history (RdsSimAlarm *alarm,
             const char  *type,
             const char  *summary,
             const char  *data,
             gint64       when)
{
  RdsShape *item = g_object_new (RDS_TYPE_ALARM_HISTORY_ITEM,
                                 "alarm-name", alarm_name (alarm),
                                 "alarm-type", "MetricAlarm",
                                 "history-item-type", type,
                                 "history-summary", summary,
                                 "history-data", data,
                                 NULL);

  rds_shape_set_timestamp (item, "timestamp", when);
  g_ptr_array_add (alarm->history, item);

  /* CloudWatch keeps two weeks of it. */
  while (alarm->history->len > HISTORY_LIMIT ||
         (alarm->history->len > 0 &&
          rds_shape_get_timestamp (g_ptr_array_index (alarm->history, 0), "timestamp") <
          when - (gint64) HISTORY_DAYS * 86400 * G_USEC_PER_SEC))
    g_ptr_array_remove_index (alarm->history, 0);
}

static void
set_state (RdsSimEngine *self,
           RdsSimAlarm  *alarm,
           const char   *state,
           const char   *reason,
           const char   *reason_data,
           gint64        when)
{
  RdsShape *model = shape (alarm);
  g_autofree char *old = g_strdup (rds_shape_get_string (model, "state-value"));
  g_autofree char *summary = g_strdup_printf ("Alarm updated from %s to %s", old, state);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, "1.0");
  json_builder_set_member_name (builder, "oldState");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "stateValue");
  json_builder_add_string_value (builder, old);
  json_builder_set_member_name (builder, "stateReason");
  json_builder_add_string_value (builder, rds_shape_get_string (model, "state-reason"));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "newState");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "stateValue");
  json_builder_add_string_value (builder, state);
  json_builder_set_member_name (builder, "stateReason");
  json_builder_add_string_value (builder, reason);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  data = json_to_string (root, FALSE);

  rds_shape_set_string (model, "state-value", state);
  alarm->state = g_intern_string (state);
  rds_shape_set_string (model, "state-reason", reason);
  rds_shape_set_string (model, "state-reason-data", reason_data);
  rds_shape_set_timestamp (model, "state-updated-timestamp", when);
  rds_shape_set_timestamp (model, "state-transitioned-timestamp", when);
  add_history (alarm, "StateUpdate", summary, data, when);
  _rds_sim_resource_changed (self, &alarm->resource);
}

/* Reads what evaluation needs from the model, once. */
static void
configure (RdsSimAlarm *alarm)
{
  RdsShape *model = shape (alarm);

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    interned_states[i] = g_intern_static_string (states[i]);
  g_clear_pointer (&alarm->instance, g_free);
  _rds_sim_metric_resolve (rds_shape_get_string (model, "namespace"), rds_shape_get_string (model, "metric-name"),
                           G_LIST_MODEL (rds_shape_get_list (model, "dimensions")),
                           rds_shape_get_string (model, "unit"), &alarm->instance, &alarm->metric);
  alarm->stat = rds_shape_get_string (model, "statistic");
  if (alarm->stat == NULL)
    alarm->stat = rds_shape_get_string (model, "extended-statistic");
  alarm->step = (gint64) MAX (10, rds_shape_get_int (model, "period")) * G_USEC_PER_SEC;
  alarm->periods = MAX (1, rds_shape_get_int (model, "evaluation-periods"));
  alarm->needed = rds_shape_get_int (model, "datapoints-to-alarm");
  if (alarm->needed < 1)
    alarm->needed = alarm->periods;
  alarm->op = MAX (0, index_in (rds_shape_get_string (model, "comparison-operator"),
                                (const char * const[]) { operators[0].name, operators[1].name,
                                                         operators[2].name, operators[3].name }, 4));
  alarm->treat = MAX (0, index_in (rds_shape_get_string (model, "treat-missing-data"), missing_treatments,
                                   G_N_ELEMENTS (missing_treatments)));
  alarm->threshold = rds_shape_get_double (model, "threshold");
  alarm->state = g_intern_string (rds_shape_get_string (model, "state-value"));
  alarm->watched = NULL;
  alarm->watched_changes = G_MAXUINT64;
}

/* At the end of its next period. */
static void
schedule (RdsSimEngine *self,
          RdsSimAlarm  *alarm,
          gint64        now)
{
  gint64 step = MAX (alarm->step, 60 * G_USEC_PER_SEC);

  _rds_sim_engine_schedule (self, &alarm->resource, 0, (now / step + 1) * step);
}

static gboolean
breaches (RdsSimAlarm *alarm,
          double       value)
{
  switch (alarm->op)
    {
    case 0:
      return value >= alarm->threshold;
    case 1:
      return value > alarm->threshold;
    case 2:
      return value < alarm->threshold;
    default:
      return value <= alarm->threshold;
    }
}

static const char *
operator_words (RdsSimAlarm *alarm)
{
  return operators[alarm->op].words;
}

/* "Threshold Crossed: 2 out of the last 3 datapoints [91.2 (05/01/26
 * 10:04:00), …] were greater than the threshold (80.0) …" */
static char *
crossed_reason (RdsSimAlarm  *alarm,
                gboolean      alarming,
                const gint64 *times,
                const double *values,
                guint         n_values,
                guint         n_periods,
                int           needed)
{
  GString *reason = g_string_new ("Threshold Crossed: ");
  double threshold = alarm->threshold;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (n_periods == 1)
    g_string_append (reason, "1 datapoint [");
  else
    g_string_append_printf (reason, "%u out of the last %u datapoints [", n_values, n_periods);
  for (guint i = 0; i < n_values; i++)
    {
      g_autofree char *when = reason_time (times[n_values - 1 - i]);

      g_string_append_printf (reason, "%s%s (%s)", i > 0 ? ", " : "",
                              g_ascii_formatd (number, sizeof number, "%.1f", values[n_values - 1 - i]), when);
    }
  g_string_append_printf (reason, "] %s %s%s the threshold (%s)",
                          n_periods == 1 ? "was" : "were",
                          alarming ? "" : "not ", operator_words (alarm),
                          g_ascii_formatd (number, sizeof number, "%.1f", threshold));
  if (alarming && n_periods > 1)
    g_string_append_printf (reason, " (minimum %d datapoint%s for OK -> ALARM transition)", needed,
                            needed == 1 ? "" : "s");
  g_string_append_c (reason, '.');
  return g_string_free (reason, FALSE);
}

/* The alarm's state at @now, from its last periods. It runs every period
 * of every alarm: only a change of state costs more than a few samples. */
static void
evaluate (RdsSimEngine *self,
          RdsSimAlarm  *alarm,
          gint64        now)
{
  gint64 step = alarm->step;
  int periods = alarm->periods;
  gint64 end = now - now % step;
  gint64 start = end - periods * step;
  gint64 times_buffer[16];
  double values_buffer[16];
  g_autofree gint64 *times_heap = NULL;
  g_autofree double *values_heap = NULL;
  gint64 *times = times_buffer;
  double *values = values_buffer;
  g_autofree char *reason = NULL;
  const char *current = alarm->state;
  guint n = 0, breaching = 0, missing;
  const char *state;

  if (periods > (int) G_N_ELEMENTS (times_buffer))
    {
      times = times_heap = g_new (gint64, periods);
      values = values_heap = g_new (double, periods);
    }

  if (alarm->instance != NULL && alarm->watched_changes != alarm->region->instances_changed)
    {
      alarm->watched = g_tree_lookup (RDS_SIM_INSTANCES (alarm->region), alarm->instance);
      alarm->watched_changes = alarm->region->instances_changed;
    }
  if (alarm->watched != NULL)
    n = _rds_sim_metric_values (alarm->watched, alarm->metric, alarm->stat, (int) (step / G_USEC_PER_SEC),
                                start, end, now, times, values, (guint) periods);
  for (guint i = 0; i < n; i++)
    breaching += breaches (alarm, values[i]);
  missing = (guint) periods - n;
  if (alarm->treat == TREAT_BREACHING)
    breaching += missing;

  if ((int) breaching >= alarm->needed)
    state = interned_states[STATE_ALARM];
  else if (n == 0 && alarm->treat == TREAT_IGNORE)
    state = current;
  else if (n == 0 && alarm->treat == TREAT_MISSING)
    state = interned_states[STATE_INSUFFICIENT_DATA];
  else
    state = interned_states[STATE_OK];

  if (state != current)
    {
      g_autofree char *query_date = rds_format_timestamp (now);
      g_autofree char *start_date = rds_format_timestamp (start);
      g_autofree char *data = NULL;
      GString *json = g_string_new (NULL);
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      if (g_str_equal (state, "ALARM"))
        reason = crossed_reason (alarm, TRUE, times, values, n, (guint) periods, alarm->needed);
      else if (g_str_equal (state, "INSUFFICIENT_DATA"))
        reason = g_strdup_printf ("Insufficient Data: %d datapoint%s %s unknown.", periods,
                                  periods == 1 ? "" : "s", periods == 1 ? "was" : "were");
      else if (n > 0)
        reason = crossed_reason (alarm, FALSE, times, values, n, (guint) periods, alarm->needed);
      else
        reason = g_strdup ("Threshold Crossed: no datapoints were received for the evaluation periods, "
                           "which are treated as not breaching.");

      g_string_append_printf (json, "{\"version\":\"1.0\",\"queryDate\":\"%s\",\"startDate\":\"%s\","
                              "\"statistic\":\"%s\",\"period\":%d,\"recentDatapoints\":[",
                              query_date, start_date, alarm->stat, (int) (step / G_USEC_PER_SEC));
      for (guint i = 0; i < n; i++)
        g_string_append_printf (json, "%s%s", i > 0 ? "," : "",
                                g_ascii_dtostr (number, sizeof number, values[i]));
      g_string_append_printf (json, "],\"threshold\":%s}",
                              g_ascii_dtostr (number, sizeof number, alarm->threshold));
      data = g_string_free (json, FALSE);
      set_state (self, alarm, state, reason, data, now);
    }
}

static void
alarm_fire (RdsSimEngine   *self,
            RdsSimResource *resource,
            guint           timer,
            gint64          now)
{
  RdsSimAlarm *alarm = (RdsSimAlarm *) resource;

  evaluate (self, alarm, now);
  schedule (self, alarm, now);
}

/* PutMetricAlarm */

static gboolean
required (RdsRequest  *request,
          const char  *name,
          const char **value,
          GError     **error)
{
  *value = rds_request_get_string (request, name);
  if (*value == NULL || **value == '\0')
    return _rds_sim_fail (error, RDS_AWS_ERROR_MISSING_PARAMETER, "The parameter %s is required.", name);
  return TRUE;
}

static gboolean
get_double (RdsRequest  *request,
            const char  *name,
            double      *value,
            GError     **error)
{
  const char *text = rds_request_get_string (request, name);
  char *end = NULL;

  if (text == NULL)
    return _rds_sim_fail (error, RDS_AWS_ERROR_MISSING_PARAMETER, "The parameter %s is required.", name);
  *value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (*value))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The value %s for parameter %s is not a number.", text, name);
  return TRUE;
}

static GListStore *
read_dimensions (RdsRequest  *request,
                 GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (RDS_TYPE_DIMENSION);

  for (guint i = 1;; i++)
    {
      g_autofree char *name_key = g_strdup_printf ("Dimensions.member.%u.Name", i);
      g_autofree char *value_key = g_strdup_printf ("Dimensions.member.%u.Value", i);
      const char *name = rds_request_get_string (request, name_key);
      const char *value = rds_request_get_string (request, value_key);
      g_autoptr(RdsShape) dimension = NULL;

      if (name == NULL && value == NULL)
        break;
      if (name == NULL || value == NULL)
        return _rds_sim_fail (error, RDS_AWS_ERROR_MISSING_PARAMETER, "The parameter %s is required.",
                              name == NULL ? name_key : value_key), NULL;
      if (i > 30)
        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                              "The collection Dimensions must not have more than 30 members."), NULL;
      dimension = g_object_new (RDS_TYPE_DIMENSION, "name", name, "value", value, NULL);
      g_list_store_append (list, dimension);
    }

  return g_steal_pointer (&list);
}

static RdsSimAlarm *
alarm_new (RdsSimRegion   *region,
           RdsMetricAlarm *model)
{
  RdsSimAlarm *alarm = g_new0 (RdsSimAlarm, 1);

  alarm->kind = &_rds_sim_kind_metric_alarm;
  alarm->region = region;
  alarm->model = model;
  alarm->history = g_ptr_array_new_with_free_func (g_object_unref);
  return alarm;
}

static RdsQueryResult *
none_result (const char *action)
{
  return rds_query_result_new (rds_api_lookup_action (&rds_api_monitoring, action));
}

static RdsQueryResult *
action_put_metric_alarm (RdsSimEngine  *self,
                                  RdsSimRegion  *region,
                                  RdsRequest    *request,
                                  GError       **error)
{
  const char *name, *namespace, *metric, *op;
  const char *statistic = rds_request_get_string (request, "Statistic");
  const char *extended = rds_request_get_string (request, "ExtendedStatistic");
  const char *treat = rds_request_get_string (request, "TreatMissingData");
  const char *unit = rds_request_get_string (request, "Unit");
  const char *description = rds_request_get_string (request, "AlarmDescription");
  g_autoptr(GListStore) dimensions = NULL;
  g_auto(GStrv) alarm_actions = rds_request_get_list (request, "AlarmActions", "member");
  g_auto(GStrv) ok_actions = rds_request_get_list (request, "OKActions", "member");
  g_auto(GStrv) insufficient_actions = rds_request_get_list (request, "InsufficientDataActions", "member");
  g_autoptr(RdsShape) model = NULL;
  g_autofree char *arn = NULL;
  g_autofree char *summary = NULL;
  RdsSimAlarm *alarm;
  gboolean actions_enabled = TRUE, existed;
  int period = 0, periods = 0, needed = -1;
  double threshold = 0;
  gint64 now = rds_sim_engine_get_now (self);

  if (!required (request, "AlarmName", &name, error))
    return NULL;
  if (strlen (name) > 255)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The parameter AlarmName must be at most 255 characters long."), NULL;
  if (!rds_request_is_empty_of (request, "Metrics"))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                          "Alarms on metric math (Metrics) are not served by this simulator; give MetricName, "
                          "Namespace and Dimensions."), NULL;
  if (!required (request, "MetricName", &metric, error) || !required (request, "Namespace", &namespace, error))
    return NULL;
  if (!rds_request_has (request, "EvaluationPeriods"))
    return _rds_sim_fail (error, RDS_AWS_ERROR_MISSING_PARAMETER, "The parameter EvaluationPeriods is required."), NULL;
  if (!rds_request_get_int (request, "EvaluationPeriods", &periods, error))
    return NULL;
  if (periods < 1)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The parameter EvaluationPeriods must be greater than or equal to 1."), NULL;
  if (!rds_request_has (request, "Period"))
    return _rds_sim_fail (error, RDS_AWS_ERROR_MISSING_PARAMETER, "The parameter Period is required."), NULL;
  if (!rds_request_get_int (request, "Period", &period, error))
    return NULL;
  if (period != 10 && period != 30 && (period < 60 || period % 60 != 0))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The parameter Period must be 10, 30 or a multiple of 60."), NULL;
  if ((gint64) period * periods > 86400 * 7)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "Period multiplied by EvaluationPeriods must not be more than 604,800 seconds "
                          "(7 days)."), NULL;
  if (rds_request_has (request, "DatapointsToAlarm") &&
      !rds_request_get_int (request, "DatapointsToAlarm", &needed, error))
    return NULL;
  if (rds_request_has (request, "DatapointsToAlarm") && (needed < 1 || needed > periods))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "DatapointsToAlarm must be from 1 to EvaluationPeriods (%d).", periods), NULL;
  if (!get_double (request, "Threshold", &threshold, error) ||
      !required (request, "ComparisonOperator", &op, error))
    return NULL;
  {
    gboolean known = FALSE;

    for (guint i = 0; i < G_N_ELEMENTS (operators); i++)
      known |= g_str_equal (operators[i].name, op);
    if (!known)
      return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                            "The parameter ComparisonOperator must be GreaterThanOrEqualToThreshold, "
                            "GreaterThanThreshold, LessThanThreshold or LessThanOrEqualToThreshold, not “%s”.",
                            op), NULL;
  }
  if ((statistic == NULL) == (extended == NULL))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                          "Exactly one element of the Statistic and ExtendedStatistic fields must be present."), NULL;
  if (statistic != NULL &&
      !in_set (statistic, (const char * const[]) { "SampleCount", "Average", "Sum", "Minimum", "Maximum" }, 5))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The parameter Statistic must be a value in the set [ Average, Sum, SampleCount, Maximum, "
                          "Minimum ]."), NULL;
  if (extended != NULL)
    {
      char *end = NULL;
      double p = extended[0] == 'p' ? g_ascii_strtod (extended + 1, &end) : -1;

      if (end == NULL || end == extended + 1 || *end != '\0' || p < 0 || p > 100)
        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                              "The parameter ExtendedStatistic must be a percentile such as p99, not “%s”.",
                              extended), NULL;
    }
  if (treat != NULL && !in_set (treat, missing_treatments, G_N_ELEMENTS (missing_treatments)))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The parameter TreatMissingData must be missing, notBreaching, breaching or ignore."), NULL;
  if (unit != NULL && !rds_metrics_is_unit (unit))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The parameter Unit must be a CloudWatch standard unit, not “%s”.", unit), NULL;
  if (!rds_request_get_boolean (request, "ActionsEnabled", &actions_enabled, error))
    return NULL;
  dimensions = read_dimensions (request, error);
  if (dimensions == NULL)
    return NULL;

  alarm = find_alarm (region, name);
  existed = alarm != NULL;
  if (!existed && g_tree_nnodes (_rds_sim_region_resources (region, &_rds_sim_kind_metric_alarm)) >= 5000)
    return _rds_sim_fail (error, RDS_AWS_ERROR_LIMIT_EXCEEDED,
                          "The maximum number of alarms (5000) for this Region has been reached."), NULL;

  arn = g_strdup_printf ("arn:aws:cloudwatch:%s:%s:alarm:%s", region->info->name,
                         rds_sim_engine_get_account_id (self), name);
  model = g_object_new (RDS_TYPE_METRIC_ALARM,
                        "alarm-name", name,
                        "alarm-arn", arn,
                        "alarm-description", description,
                        "actions-enabled", actions_enabled,
                        "metric-name", metric,
                        "namespace", namespace,
                        "statistic", statistic,
                        "extended-statistic", extended,
                        "period", period,
                        "unit", unit,
                        "evaluation-periods", periods,
                        "datapoints-to-alarm", needed,
                        "threshold", threshold,
                        "comparison-operator", op,
                        "treat-missing-data", treat,
                        NULL);
  rds_shape_set_strv (model, "alarm-actions", (const char * const *) alarm_actions);
  rds_shape_set_strv (model, "ok-actions", (const char * const *) ok_actions);
  rds_shape_set_strv (model, "insufficient-data-actions", (const char * const *) insufficient_actions);
  if (g_list_model_get_n_items (G_LIST_MODEL (dimensions)) > 0)
    {
      GListStore *list = rds_shape_ensure_list (model, "dimensions");

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (dimensions)); i++)
        {
          g_autoptr(RdsShape) dimension = g_list_model_get_item (G_LIST_MODEL (dimensions), i);

          g_list_store_append (list, dimension);
        }
    }
  rds_shape_set_timestamp (model, "alarm-configuration-updated-timestamp", now);

  if (existed)
    {
      /* A new configuration; the state stays until the next evaluation. */
      RdsShape *old = shape (alarm);

      rds_shape_set_string (model, "state-value", rds_shape_get_string (old, "state-value"));
      rds_shape_set_string (model, "state-reason", rds_shape_get_string (old, "state-reason"));
      rds_shape_set_string (model, "state-reason-data", rds_shape_get_string (old, "state-reason-data"));
      rds_shape_set_timestamp (model, "state-updated-timestamp",
                               rds_shape_get_timestamp (old, "state-updated-timestamp"));
      rds_shape_set_timestamp (model, "state-transitioned-timestamp",
                               rds_shape_get_timestamp (old, "state-transitioned-timestamp"));
      g_object_unref (alarm->model);
      alarm->model = RDS_METRIC_ALARM (g_steal_pointer (&model));
      summary = g_strdup_printf ("Alarm \"%s\" updated", name);
    }
  else
    {
      rds_shape_set_string (model, "state-value", "INSUFFICIENT_DATA");
      rds_shape_set_string (model, "state-reason", "Unchecked: Initial alarm creation");
      rds_shape_set_timestamp (model, "state-updated-timestamp", now);
      rds_shape_set_timestamp (model, "state-transitioned-timestamp", now);
      alarm = alarm_new (region, RDS_METRIC_ALARM (g_steal_pointer (&model)));
      _rds_sim_region_add (region, &alarm->resource);
      summary = g_strdup_printf ("Alarm \"%s\" created", name);
    }

  configure (alarm);
  add_history (alarm, "ConfigurationUpdate", summary, NULL, now);
  schedule (self, alarm, now);
  _rds_sim_resource_changed (self, &alarm->resource);

  return none_result ("PutMetricAlarm");
}

/* DescribeAlarms, DescribeAlarmsForMetric */

static gboolean
page_args (RdsRequest  *request,
           int          default_size,
           int         *size,
           guint64     *offset,
           GError     **error)
{
  const char *token = rds_request_get_string (request, "NextToken");
  g_autoptr(GError) local = NULL;

  *size = default_size;
  if (!rds_request_get_int (request, "MaxRecords", size, error))
    return FALSE;
  if (*size < 1 || *size > MAX_ALARM_PAGE)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The parameter MaxRecords must be from 1 to %d.", MAX_ALARM_PAGE);
  if (!_rds_sim_decode_index_marker (token, offset, &local))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_NEXT_TOKEN,
                          "The NextToken is not valid: pass the NextToken of the previous answer.");
  return TRUE;
}

/* One page of @items, from @offset, and the token of the next. */
static RdsQueryResult *
page_result (const char  *action,
             GType        type,
             const char  *list_name,
             GPtrArray   *items,
             guint64      offset,
             int          size,
             GError     **error)
{
  RdsQueryResult *result;
  GListStore *list;

  if (offset > items->len)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_NEXT_TOKEN,
                          "The NextToken is not valid: pass the NextToken of the previous answer."), NULL;

  result = rds_query_result_new (rds_api_lookup_action (&rds_api_monitoring, action));
  result->item = g_object_new (type, NULL);
  list = rds_shape_ensure_list (result->item, list_name);
  for (guint64 i = offset; i < items->len && i < offset + (guint64) size; i++)
    g_list_store_append (list, g_ptr_array_index (items, i));
  if (offset + (guint64) size < items->len)
    {
      g_autofree char *next = _rds_sim_encode_index_marker (offset + (guint64) size);

      rds_shape_set_string (result->item, "next-token", next);
    }
  return result;
}

static RdsQueryResult *
action_describe_alarms (RdsSimEngine  *self,
                                 RdsSimRegion  *region,
                                 RdsRequest    *request,
                                 GError       **error)
{
  g_auto(GStrv) names = rds_request_get_list (request, "AlarmNames", "member");
  g_auto(GStrv) types = rds_request_get_list (request, "AlarmTypes", "member");
  const char *prefix = rds_request_get_string (request, "AlarmNamePrefix");
  const char *state = rds_request_get_string (request, "StateValue");
  const char *action_prefix = rds_request_get_string (request, "ActionPrefix");
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  guint64 offset = 0;
  int size = 50;

  if (names != NULL && prefix != NULL)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                          "AlarmNames and AlarmNamePrefix cannot be given together."), NULL;
  if (names != NULL && g_strv_length (names) > 100)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The collection AlarmNames must not have more than 100 members."), NULL;
  if (state != NULL && !in_set (state, states, G_N_ELEMENTS (states)))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The parameter StateValue must be OK, ALARM or INSUFFICIENT_DATA."), NULL;
  for (guint i = 0; types != NULL && types[i] != NULL; i++)
    if (!g_str_equal (types[i], "MetricAlarm") && !g_str_equal (types[i], "CompositeAlarm"))
      return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                            "The parameter AlarmTypes must hold MetricAlarm or CompositeAlarm."), NULL;
  if (!page_args (request, 50, &size, &offset, error))
    return NULL;

  if (types == NULL || g_strv_contains ((const char * const *) types, "MetricAlarm"))
    for (GTreeNode *node = g_tree_node_first (_rds_sim_region_resources (region, &_rds_sim_kind_metric_alarm));
         node != NULL; node = g_tree_node_next (node))
      {
        RdsSimAlarm *alarm = g_tree_node_value (node);
        RdsShape *model = shape (alarm);

        if (names != NULL && !g_strv_contains ((const char * const *) names, alarm_name (alarm)))
          continue;
        if (prefix != NULL && !g_str_has_prefix (alarm_name (alarm), prefix))
          continue;
        if (state != NULL && g_strcmp0 (rds_shape_get_string (model, "state-value"), state) != 0)
          continue;
        if (action_prefix != NULL)
          {
            const char * const *actions = rds_shape_get_strv (model, "alarm-actions");
            gboolean found = FALSE;

            for (guint i = 0; actions != NULL && actions[i] != NULL; i++)
              found |= g_str_has_prefix (actions[i], action_prefix);
            if (!found)
              continue;
          }
        g_ptr_array_add (matches, model);
      }

  return page_result ("DescribeAlarms", RDS_TYPE_ALARM_LIST, "metric-alarms", matches, offset, size, error);
}

static gboolean
same_dimensions (GListModel *a,
                 GListStore *b)
{
  guint n = a != NULL ? g_list_model_get_n_items (a) : 0;

  if (n != g_list_model_get_n_items (G_LIST_MODEL (b)))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsShape) x = g_list_model_get_item (a, i);
      g_autoptr(RdsShape) y = g_list_model_get_item (G_LIST_MODEL (b), i);

      if (!rds_shape_equal (x, y))
        return FALSE;
    }
  return TRUE;
}

static RdsQueryResult *
action_describe_alarms_for_metric (RdsSimEngine  *self,
                                            RdsSimRegion  *region,
                                            RdsRequest    *request,
                                            GError       **error)
{
  const char *metric, *namespace;
  const char *statistic = rds_request_get_string (request, "Statistic");
  const char *extended = rds_request_get_string (request, "ExtendedStatistic");
  const char *unit = rds_request_get_string (request, "Unit");
  g_autoptr(GListStore) dimensions = NULL;
  RdsQueryResult *result;
  GListStore *alarms;
  int period = 0;

  if (!required (request, "MetricName", &metric, error) || !required (request, "Namespace", &namespace, error) ||
      !rds_request_get_int (request, "Period", &period, error))
    return NULL;
  dimensions = read_dimensions (request, error);
  if (dimensions == NULL)
    return NULL;

  result = rds_query_result_new (rds_api_lookup_action (&rds_api_monitoring, "DescribeAlarmsForMetric"));
  result->item = g_object_new (RDS_TYPE_ALARM_LIST, NULL);
  alarms = rds_shape_ensure_list (result->item, "metric-alarms");
  for (GTreeNode *node = g_tree_node_first (_rds_sim_region_resources (region, &_rds_sim_kind_metric_alarm));
       node != NULL; node = g_tree_node_next (node))
    {
      RdsSimAlarm *alarm = g_tree_node_value (node);
      RdsShape *model = shape (alarm);

      if (g_strcmp0 (rds_shape_get_string (model, "metric-name"), metric) != 0 ||
          g_strcmp0 (rds_shape_get_string (model, "namespace"), namespace) != 0 ||
          (statistic != NULL && g_strcmp0 (rds_shape_get_string (model, "statistic"), statistic) != 0) ||
          (extended != NULL && g_strcmp0 (rds_shape_get_string (model, "extended-statistic"), extended) != 0) ||
          (unit != NULL && g_strcmp0 (rds_shape_get_string (model, "unit"), unit) != 0) ||
          (period != 0 && rds_shape_get_int (model, "period") != period) ||
          (g_list_model_get_n_items (G_LIST_MODEL (dimensions)) > 0 &&
           !same_dimensions (G_LIST_MODEL (rds_shape_get_list (model, "dimensions")), dimensions)))
        continue;
      g_list_store_append (alarms, model);
    }
  return result;
}

/* DeleteAlarms */

static RdsQueryResult *
action_delete_alarms (RdsSimEngine  *self,
                               RdsSimRegion  *region,
                               RdsRequest    *request,
                               GError       **error)
{
  g_auto(GStrv) names = rds_request_get_list (request, "AlarmNames", "member");

  if (names == NULL || names[0] == NULL)
    return _rds_sim_fail (error, RDS_AWS_ERROR_MISSING_PARAMETER, "The parameter AlarmNames is required."), NULL;
  if (g_strv_length (names) > 100)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The collection AlarmNames must not have more than 100 members."), NULL;
  /* All or none. */
  for (guint i = 0; names[i] != NULL; i++)
    if (find_alarm (region, names[i]) == NULL)
      return not_found (error, names[i]), NULL;
  for (guint i = 0; names[i] != NULL; i++)
    {
      RdsSimAlarm *alarm = find_alarm (region, names[i]);

      if (alarm != NULL)
        _rds_sim_resource_remove (self, &alarm->resource);
    }

  return none_result ("DeleteAlarms");
}

/* SetAlarmState */

static RdsQueryResult *
action_set_alarm_state (RdsSimEngine  *self,
                                 RdsSimRegion  *region,
                                 RdsRequest    *request,
                                 GError       **error)
{
  const char *name, *state, *reason;
  const char *data = rds_request_get_string (request, "StateReasonData");
  RdsSimAlarm *alarm;

  if (!required (request, "AlarmName", &name, error) || !required (request, "StateValue", &state, error) ||
      !required (request, "StateReason", &reason, error))
    return NULL;
  if (!in_set (state, states, G_N_ELEMENTS (states)))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The parameter StateValue must be OK, ALARM or INSUFFICIENT_DATA."), NULL;
  if (data != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (!json_parser_load_from_data (parser, data, -1, NULL))
        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                              "The parameter StateReasonData must be JSON."), NULL;
    }
  alarm = find_alarm (region, name);
  if (alarm == NULL)
    return not_found (error, name), NULL;

  /* Until the next evaluation, which may well change it back. */
  if (g_strcmp0 (rds_shape_get_string (shape (alarm), "state-value"), state) != 0)
    set_state (self, alarm, state, reason, data, rds_sim_engine_get_now (self));

  return none_result ("SetAlarmState");
}

/* DescribeAlarmHistory */

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  gint64 x = rds_shape_get_timestamp (*(RdsShape **) a, "timestamp");
  gint64 y = rds_shape_get_timestamp (*(RdsShape **) b, "timestamp");

  return x < y ? -1 : x > y ? 1 : 0;
}

static RdsQueryResult *
action_describe_alarm_history (RdsSimEngine  *self,
                                        RdsSimRegion  *region,
                                        RdsRequest    *request,
                                        GError       **error)
{
  const char *name = rds_request_get_string (request, "AlarmName");
  const char *type = rds_request_get_string (request, "HistoryItemType");
  const char *scan_by = rds_request_get_string (request, "ScanBy");
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  gint64 start = 0, end = G_MAXINT64;
  guint64 offset = 0;
  int size = 100;

  if (type != NULL && !in_set (type, (const char * const[]) { "ConfigurationUpdate", "StateUpdate", "Action" }, 3))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The parameter HistoryItemType must be ConfigurationUpdate, StateUpdate or Action."), NULL;
  if (scan_by != NULL && !g_str_equal (scan_by, "TimestampDescending") && !g_str_equal (scan_by, "TimestampAscending"))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The parameter ScanBy must be TimestampDescending or TimestampAscending."), NULL;
  if (!rds_request_get_timestamp (request, "StartDate", &start, error) ||
      !rds_request_get_timestamp (request, "EndDate", &end, error) ||
      !page_args (request, 100, &size, &offset, error))
    return NULL;

  for (GTreeNode *node = g_tree_node_first (_rds_sim_region_resources (region, &_rds_sim_kind_metric_alarm));
       node != NULL; node = g_tree_node_next (node))
    {
      RdsSimAlarm *alarm = g_tree_node_value (node);

      if (name != NULL && !g_str_equal (name, alarm_name (alarm)))
        continue;
      for (guint i = 0; i < alarm->history->len; i++)
        {
          RdsShape *item = g_ptr_array_index (alarm->history, i);
          gint64 when = rds_shape_get_timestamp (item, "timestamp");

          if ((type == NULL || g_strcmp0 (rds_shape_get_string (item, "history-item-type"), type) == 0) &&
              when >= start && when <= end)
            g_ptr_array_add (items, item);
        }
    }
  g_ptr_array_sort (items, compare_items);
  if (g_strcmp0 (scan_by, "TimestampAscending") != 0)
    for (guint i = 0; i < items->len / 2; i++)
      {
        gpointer swap = items->pdata[i];

        items->pdata[i] = items->pdata[items->len - 1 - i];
        items->pdata[items->len - 1 - i] = swap;
      }

  return page_result ("DescribeAlarmHistory", RDS_TYPE_ALARM_HISTORY, "alarm-history-items", items, offset,
                      size, error);
}

/* The kind */

static void
alarm_free (RdsSimResource *resource)
{
  RdsSimAlarm *alarm = (RdsSimAlarm *) resource;

  g_clear_object (&alarm->model);
  g_clear_pointer (&alarm->history, g_ptr_array_unref);
  g_free (alarm->instance);
  g_free (alarm);
}

/* Saved: {"due": …, "history": [items]} */
static void
alarm_save (RdsSimResource *resource,
            JsonObject     *sim)
{
  RdsSimAlarm *alarm = (RdsSimAlarm *) resource;
  JsonArray *history = json_array_sized_new (alarm->history->len);

  if (alarm->due[0] != 0)
    json_object_set_int_member (sim, "due", alarm->due[0]);
  for (guint i = 0; i < alarm->history->len; i++)
    json_array_add_element (history, rds_shape_to_json (g_ptr_array_index (alarm->history, i)));
  json_object_set_array_member (sim, "history", history);
}

static RdsSimResource *
alarm_load (RdsSimRegion  *region,
            RdsShape      *model,
            JsonObject    *sim,
            GError       **error)
{
  RdsSimAlarm *alarm = alarm_new (region, RDS_METRIC_ALARM (model));
  JsonNode *history = json_object_get_member (sim, "history");

  alarm->due[0] = json_object_get_int_member_with_default (sim, "due", 0);
  configure (alarm);
  if (history != NULL && JSON_NODE_HOLDS_ARRAY (history))
    {
      JsonArray *items = json_node_get_array (history);

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          RdsShape *item = rds_shape_new_from_json (RDS_TYPE_ALARM_HISTORY_ITEM,
                                                    json_array_get_element (items, i), error);

          if (item == NULL)
            {
              alarm_free (&alarm->resource);
              return NULL;
            }
          g_ptr_array_add (alarm->history, item);
        }
    }
  return &alarm->resource;
}

static const RdsSimAction alarm_actions[] = {
  { "PutMetricAlarm", action_put_metric_alarm, "monitoring" },
  { "DescribeAlarms", action_describe_alarms, "monitoring" },
  { "DescribeAlarmsForMetric", action_describe_alarms_for_metric, "monitoring" },
  { "DeleteAlarms", action_delete_alarms, "monitoring" },
  { "SetAlarmState", action_set_alarm_state, "monitoring" },
  { "DescribeAlarmHistory", action_describe_alarm_history, "monitoring" },
  { NULL }
};

RdsSimKind _rds_sim_kind_metric_alarm = {
  .name = "metric-alarm",
  .arn_type = "alarm",
  .model_type = rds_metric_alarm_get_type,
  .id_property = "alarm-name",
  .not_found = RDS_AWS_ERROR_RESOURCE_NOT_FOUND,
  .not_found_message = "The alarm %s does not exist.",
  /* After the instances' timers of the same time: it sees their state. */
  .timer_order = 2,
  .actions = alarm_actions,
  .save = alarm_save,
  .load = alarm_load,
  .fire = alarm_fire,
  .free = alarm_free,
};
