/* rds-db-cluster.h: an Aurora DB cluster, as DescribeDBClusters returns it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rds-shape.h"

G_BEGIN_DECLS

/* What the console's Actions menu offers on an Aurora cluster. */
typedef enum
{
  RDS_CLUSTER_ACTION_ADD_READER,
  RDS_CLUSTER_ACTION_FAILOVER,
  RDS_CLUSTER_ACTION_STOP,
  RDS_CLUSTER_ACTION_START,
  RDS_CLUSTER_ACTION_TAKE_SNAPSHOT,
  RDS_CLUSTER_ACTION_DELETE,
  RDS_CLUSTER_ACTION_CREATE_ENDPOINT,
  RDS_CLUSTER_ACTION_MODIFY,
  RDS_CLUSTER_ACTION_RESTORE_TO_POINT_IN_TIME,
} RdsClusterAction;

#define RDS_TYPE_DB_CLUSTER (rds_db_cluster_get_type ())
G_DECLARE_FINAL_TYPE (RdsDbCluster, rds_db_cluster, RDS, DB_CLUSTER, RdsShape)

const char *rds_db_cluster_get_identifier (RdsDbCluster *self);
const char *rds_db_cluster_get_status     (RdsDbCluster *self);
void        rds_db_cluster_set_status     (RdsDbCluster *self,
                                           const char   *status);
const char *rds_db_cluster_get_engine     (RdsDbCluster *self);
const char *rds_db_cluster_get_arn        (RdsDbCluster *self);
GListModel *rds_db_cluster_get_members    (RdsDbCluster *self);
const char *rds_db_cluster_get_writer     (RdsDbCluster *self);
gboolean    rds_db_cluster_allows         (RdsDbCluster     *self,
                                           RdsClusterAction  action);
gboolean    rds_db_cluster_status_allows  (const char       *status,
                                           RdsClusterAction  action);

G_END_DECLS
