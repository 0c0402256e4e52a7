/* rds-alarm-list.c: The answer of DescribeAlarms: metric alarms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-alarm-list.h"
#include "rds-metric-alarm.h"

struct _RdsAlarmList
{
  RdsShape parent_instance;

  GListStore  *metric_alarms;
  char        *next_token;
};

G_DEFINE_FINAL_TYPE (RdsAlarmList, rds_alarm_list, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_LIST (RdsAlarmList, metric_alarms, "metric-alarms", "MetricAlarms",
                  N_("The alarms"), rds_metric_alarm_get_type, "member"),
  RDS_FIELD_STRING (RdsAlarmList, next_token, "next-token", "NextToken",
                  N_("Where the next page starts")),
};

static void
rds_alarm_list_class_init (RdsAlarmListClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_alarm_list_init (RdsAlarmList *self)
{
}
