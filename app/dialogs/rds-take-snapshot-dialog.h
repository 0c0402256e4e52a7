/* rds-take-snapshot-dialog.h: take a manual snapshot of a DB instance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-action-dialog.h"
#include "rds-db-instance.h"

G_BEGIN_DECLS

#define RDS_TYPE_TAKE_SNAPSHOT_DIALOG (rds_take_snapshot_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdsTakeSnapshotDialog, rds_take_snapshot_dialog, RDS, TAKE_SNAPSHOT_DIALOG, RdsActionDialog)

RdsActionDialog *rds_take_snapshot_dialog_new (RdsSession    *session,
                                               RdsDbInstance *instance);

G_END_DECLS
