/* rds-cluster-endpoint-dialog.h: create, change or delete an Aurora cluster's custom endpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-action-dialog.h"
#include "rds-db-cluster.h"
#include "rds-db-cluster-endpoint.h"

G_BEGIN_DECLS

#define RDS_TYPE_CLUSTER_ENDPOINT_DIALOG (rds_cluster_endpoint_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdsClusterEndpointDialog, rds_cluster_endpoint_dialog, RDS, CLUSTER_ENDPOINT_DIALOG,
                      RdsActionDialog)

RdsActionDialog *rds_cluster_endpoint_dialog_new (RdsSession           *session,
                                                  RdsDbCluster         *cluster,
                                                  RdsDbClusterEndpoint *endpoint,
                                                  gboolean              deleting);

G_END_DECLS
