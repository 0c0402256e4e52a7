/* rds-alarm-history-item.c: One change to an alarm: its configuration or its state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-alarm-history-item.h"

struct _RdsAlarmHistoryItem
{
  RdsShape parent_instance;

  char        *alarm_name;
  char        *alarm_type;
  gint64       timestamp;
  char        *history_item_type;
  char        *history_summary;
  char        *history_data;
};

G_DEFINE_FINAL_TYPE (RdsAlarmHistoryItem, rds_alarm_history_item, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsAlarmHistoryItem, alarm_name, "alarm-name", "AlarmName",
                  N_("The alarm")),
  RDS_FIELD_STRING (RdsAlarmHistoryItem, alarm_type, "alarm-type", "AlarmType",
                  N_("MetricAlarm")),
  RDS_FIELD_TIMESTAMP (RdsAlarmHistoryItem, timestamp, "timestamp", "Timestamp",
                  N_("When it happened")),
  RDS_FIELD_STRING (RdsAlarmHistoryItem, history_item_type, "history-item-type", "HistoryItemType",
                  N_("ConfigurationUpdate, StateUpdate or Action")),
  RDS_FIELD_STRING (RdsAlarmHistoryItem, history_summary, "history-summary", "HistorySummary",
                  N_("What happened, in words")),
  RDS_FIELD_STRING (RdsAlarmHistoryItem, history_data, "history-data", "HistoryData",
                  N_("What happened, as JSON")),
};

static void
rds_alarm_history_item_class_init (RdsAlarmHistoryItemClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_alarm_history_item_init (RdsAlarmHistoryItem *self)
{
}
