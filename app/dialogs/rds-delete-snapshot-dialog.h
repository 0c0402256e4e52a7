/* rds-delete-snapshot-dialog.h: delete a manual DB snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-action-dialog.h"
#include "rds-db-snapshot.h"

G_BEGIN_DECLS

#define RDS_TYPE_DELETE_SNAPSHOT_DIALOG (rds_delete_snapshot_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdsDeleteSnapshotDialog, rds_delete_snapshot_dialog, RDS, DELETE_SNAPSHOT_DIALOG, RdsActionDialog)

RdsActionDialog *rds_delete_snapshot_dialog_new (RdsSession    *session,
                                                 RdsDbSnapshot *snapshot);

G_END_DECLS
