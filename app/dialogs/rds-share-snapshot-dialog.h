/* rds-share-snapshot-dialog.h: share a manual DB snapshot with other accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-action-dialog.h"
#include "rds-db-snapshot.h"

G_BEGIN_DECLS

#define RDS_TYPE_SHARE_SNAPSHOT_DIALOG (rds_share_snapshot_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdsShareSnapshotDialog, rds_share_snapshot_dialog, RDS, SHARE_SNAPSHOT_DIALOG, RdsActionDialog)

RdsActionDialog *rds_share_snapshot_dialog_new          (RdsSession             *session,
                                                         RdsDbSnapshot          *snapshot);
gboolean         rds_share_snapshot_dialog_get_loading  (RdsShareSnapshotDialog *self);
GListModel      *rds_share_snapshot_dialog_get_accounts (RdsShareSnapshotDialog *self);
gboolean         rds_share_snapshot_dialog_add_account  (RdsShareSnapshotDialog *self,
                                                         const char             *account);
void             rds_share_snapshot_dialog_remove_account (RdsShareSnapshotDialog *self,
                                                           const char             *account);

G_END_DECLS
