/* rds-copy-snapshot-dialog.h: copy a DB snapshot, in its Region or to another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-action-dialog.h"
#include "rds-db-snapshot.h"

G_BEGIN_DECLS

#define RDS_TYPE_COPY_SNAPSHOT_DIALOG (rds_copy_snapshot_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdsCopySnapshotDialog, rds_copy_snapshot_dialog, RDS, COPY_SNAPSHOT_DIALOG, RdsActionDialog)

RdsActionDialog *rds_copy_snapshot_dialog_new          (RdsSession            *session,
                                                        RdsDbSnapshot         *snapshot);
gboolean         rds_copy_snapshot_dialog_get_loading  (RdsCopySnapshotDialog *self);
gboolean         rds_copy_snapshot_dialog_select_key   (RdsCopySnapshotDialog *self,
                                                        const char            *alias_or_id);

G_END_DECLS
