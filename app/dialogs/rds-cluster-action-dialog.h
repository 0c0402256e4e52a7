/* rds-cluster-action-dialog.h: an Aurora cluster's actions: add a reader, fail over, stop, start, snapshot, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-action-dialog.h"
#include "rds-db-cluster.h"

G_BEGIN_DECLS

#define RDS_TYPE_CLUSTER_ACTION_DIALOG (rds_cluster_action_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdsClusterActionDialog, rds_cluster_action_dialog, RDS, CLUSTER_ACTION_DIALOG, RdsActionDialog)

RdsActionDialog *rds_cluster_action_dialog_new (RdsSession       *session,
                                                RdsDbCluster     *cluster,
                                                RdsClusterAction  action);

G_END_DECLS
