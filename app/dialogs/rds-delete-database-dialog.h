/* rds-delete-database-dialog.h: delete a DB instance, with its final snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-action-dialog.h"
#include "rds-db-instance.h"

G_BEGIN_DECLS

#define RDS_TYPE_DELETE_DATABASE_DIALOG (rds_delete_database_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdsDeleteDatabaseDialog, rds_delete_database_dialog, RDS, DELETE_DATABASE_DIALOG, RdsActionDialog)

RdsActionDialog *rds_delete_database_dialog_new (RdsSession    *session,
                                                 RdsDbInstance *instance);

G_END_DECLS
