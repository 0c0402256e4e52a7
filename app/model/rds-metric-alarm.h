/* rds-metric-alarm.h: A CloudWatch alarm on one metric: its rule and its state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_METRIC_ALARM (rds_metric_alarm_get_type ())
G_DECLARE_FINAL_TYPE (RdsMetricAlarm, rds_metric_alarm, RDS, METRIC_ALARM, RdsShape)

G_END_DECLS
