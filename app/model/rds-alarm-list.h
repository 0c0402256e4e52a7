/* rds-alarm-list.h: The answer of DescribeAlarms: metric alarms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_ALARM_LIST (rds_alarm_list_get_type ())
G_DECLARE_FINAL_TYPE (RdsAlarmList, rds_alarm_list, RDS, ALARM_LIST, RdsShape)

G_END_DECLS
