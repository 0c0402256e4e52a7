/* rds-create-alarm-dialog.h: an alarm on one metric of a DB instance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-action-dialog.h"
#include "rds-db-instance.h"

G_BEGIN_DECLS

#define RDS_TYPE_CREATE_ALARM_DIALOG (rds_create_alarm_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdsCreateAlarmDialog, rds_create_alarm_dialog, RDS, CREATE_ALARM_DIALOG, RdsActionDialog)

RdsActionDialog *rds_create_alarm_dialog_new        (RdsSession           *session,
                                                     RdsDbInstance        *instance,
                                                     const char           *metric);
GtkWidget       *rds_create_alarm_dialog_get_widget (RdsCreateAlarmDialog *self,
                                                     const char           *name);

G_END_DECLS
