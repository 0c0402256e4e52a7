/* rds-alarm-history-item.h: One change to an alarm: its configuration or its state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_ALARM_HISTORY_ITEM (rds_alarm_history_item_get_type ())
G_DECLARE_FINAL_TYPE (RdsAlarmHistoryItem, rds_alarm_history_item, RDS, ALARM_HISTORY_ITEM, RdsShape)

G_END_DECLS
