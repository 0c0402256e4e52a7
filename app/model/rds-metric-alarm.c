/* rds-metric-alarm.c: A CloudWatch alarm on one metric: its rule and its state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-metric-alarm.h"
#include "rds-dimension.h"

struct _RdsMetricAlarm
{
  RdsShape parent_instance;

  char        *alarm_name;
  char        *alarm_arn;
  char        *alarm_description;
  gint64       configuration_updated;
  gboolean     actions_enabled;
  char       **ok_actions;
  char       **alarm_actions;
  char       **insufficient_data_actions;
  char        *state_value;
  char        *state_reason;
  char        *state_reason_data;
  gint64       state_updated;
  char        *metric_name;
  char        *namespace;
  char        *statistic;
  char        *extended_statistic;
  GListStore  *dimensions;
  int          period;
  char        *unit;
  int          evaluation_periods;
  int          datapoints_to_alarm;
  double       threshold;
  char        *comparison_operator;
  char        *treat_missing_data;
  gint64       state_transitioned;
};

G_DEFINE_FINAL_TYPE (RdsMetricAlarm, rds_metric_alarm, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsMetricAlarm, alarm_name, "alarm-name", "AlarmName",
                  N_("The alarm's name, unique in its Region")),
  RDS_FIELD_STRING (RdsMetricAlarm, alarm_arn, "alarm-arn", "AlarmArn",
                  N_("The alarm's Amazon Resource Name")),
  RDS_FIELD_STRING (RdsMetricAlarm, alarm_description, "alarm-description", "AlarmDescription",
                  N_("What the alarm is for")),
  RDS_FIELD_TIMESTAMP (RdsMetricAlarm, configuration_updated, "alarm-configuration-updated-timestamp", "AlarmConfigurationUpdatedTimestamp",
                  N_("When the alarm was last set up")),
  RDS_FIELD_BOOLEAN (RdsMetricAlarm, actions_enabled, "actions-enabled", "ActionsEnabled",
                  N_("Whether its actions run when its state changes")),
  RDS_FIELD_STRV (RdsMetricAlarm, ok_actions, "ok-actions", "OKActions",
                  N_("What runs when it goes to OK"), "member"),
  RDS_FIELD_STRV (RdsMetricAlarm, alarm_actions, "alarm-actions", "AlarmActions",
                  N_("What runs when it goes to ALARM"), "member"),
  RDS_FIELD_STRV (RdsMetricAlarm, insufficient_data_actions, "insufficient-data-actions", "InsufficientDataActions",
                  N_("What runs when it goes to INSUFFICIENT_DATA"), "member"),
  RDS_FIELD_STRING (RdsMetricAlarm, state_value, "state-value", "StateValue",
                  N_("OK, ALARM or INSUFFICIENT_DATA")),
  RDS_FIELD_STRING (RdsMetricAlarm, state_reason, "state-reason", "StateReason",
                  N_("Why it is in its state, in words")),
  RDS_FIELD_STRING (RdsMetricAlarm, state_reason_data, "state-reason-data", "StateReasonData",
                  N_("Why it is in its state, as JSON")),
  RDS_FIELD_TIMESTAMP (RdsMetricAlarm, state_updated, "state-updated-timestamp", "StateUpdatedTimestamp",
                  N_("When its state was last evaluated into a change")),
  RDS_FIELD_STRING (RdsMetricAlarm, metric_name, "metric-name", "MetricName",
                  N_("The metric it watches")),
  RDS_FIELD_STRING (RdsMetricAlarm, namespace, "namespace", "Namespace",
                  N_("The metric's namespace")),
  RDS_FIELD_STRING (RdsMetricAlarm, statistic, "statistic", "Statistic",
                  N_("The statistic it compares: Average, Maximum…")),
  RDS_FIELD_STRING (RdsMetricAlarm, extended_statistic, "extended-statistic", "ExtendedStatistic",
                  N_("The percentile it compares, such as p99")),
  RDS_FIELD_LIST (RdsMetricAlarm, dimensions, "dimensions", "Dimensions",
                  N_("The metric's dimensions"), rds_dimension_get_type, "member"),
  RDS_FIELD_OPTIONAL_INT (RdsMetricAlarm, period, "period", "Period",
                          N_("Seconds over which each datapoint is taken"), G_MAXINT),
  RDS_FIELD_STRING (RdsMetricAlarm, unit, "unit", "Unit",
                  N_("The unit of the metric")),
  RDS_FIELD_OPTIONAL_INT (RdsMetricAlarm, evaluation_periods, "evaluation-periods", "EvaluationPeriods",
                          N_("How many recent periods it looks at"), G_MAXINT),
  RDS_FIELD_OPTIONAL_INT (RdsMetricAlarm, datapoints_to_alarm, "datapoints-to-alarm", "DatapointsToAlarm",
                          N_("How many of them must breach"), G_MAXINT),
  RDS_FIELD_DOUBLE (RdsMetricAlarm, threshold, "threshold", "Threshold",
                  N_("The value it compares against")),
  RDS_FIELD_STRING (RdsMetricAlarm, comparison_operator, "comparison-operator", "ComparisonOperator",
                  N_("How a datapoint is compared with the threshold")),
  RDS_FIELD_STRING (RdsMetricAlarm, treat_missing_data, "treat-missing-data", "TreatMissingData",
                  N_("What a period without data counts as")),
  RDS_FIELD_TIMESTAMP (RdsMetricAlarm, state_transitioned, "state-transitioned-timestamp", "StateTransitionedTimestamp",
                  N_("When its state last changed")),
};

static void
rds_metric_alarm_class_init (RdsMetricAlarmClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_metric_alarm_init (RdsMetricAlarm *self)
{
}
