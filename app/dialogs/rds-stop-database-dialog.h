/* rds-stop-database-dialog.h: stop a DB instance temporarily
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-action-dialog.h"
#include "rds-db-instance.h"

G_BEGIN_DECLS

#define RDS_TYPE_STOP_DATABASE_DIALOG (rds_stop_database_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdsStopDatabaseDialog, rds_stop_database_dialog, RDS, STOP_DATABASE_DIALOG, RdsActionDialog)

RdsActionDialog *rds_stop_database_dialog_new (RdsSession    *session,
                                               RdsDbInstance *instance);

G_END_DECLS
