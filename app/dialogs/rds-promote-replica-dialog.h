/* rds-promote-replica-dialog.h: promote a read replica to a standalone DB instance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-action-dialog.h"
#include "rds-db-instance.h"

G_BEGIN_DECLS

#define RDS_TYPE_PROMOTE_REPLICA_DIALOG (rds_promote_replica_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdsPromoteReplicaDialog, rds_promote_replica_dialog, RDS, PROMOTE_REPLICA_DIALOG, RdsActionDialog)

RdsActionDialog *rds_promote_replica_dialog_new (RdsSession    *session,
                                                 RdsDbInstance *instance);

G_END_DECLS
