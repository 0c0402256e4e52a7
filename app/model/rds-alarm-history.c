/* rds-alarm-history.c: The answer of DescribeAlarmHistory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-alarm-history.h"
#include "rds-alarm-history-item.h"

struct _RdsAlarmHistory
{
  RdsShape parent_instance;

  GListStore  *alarm_history_items;
  char        *next_token;
};

G_DEFINE_FINAL_TYPE (RdsAlarmHistory, rds_alarm_history, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_LIST (RdsAlarmHistory, alarm_history_items, "alarm-history-items", "AlarmHistoryItems",
                  N_("Changes, newest first"), rds_alarm_history_item_get_type, "member"),
  RDS_FIELD_STRING (RdsAlarmHistory, next_token, "next-token", "NextToken",
                  N_("Where the next page starts")),
};

static void
rds_alarm_history_class_init (RdsAlarmHistoryClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_alarm_history_init (RdsAlarmHistory *self)
{
}
