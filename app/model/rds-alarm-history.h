/* rds-alarm-history.h: The answer of DescribeAlarmHistory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_ALARM_HISTORY (rds_alarm_history_get_type ())
G_DECLARE_FINAL_TYPE (RdsAlarmHistory, rds_alarm_history, RDS, ALARM_HISTORY, RdsShape)

G_END_DECLS
