/* rds-db-cluster.h: an Aurora DB cluster, as DescribeDBClusters returns it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rds-shape.h"

G_BEGIN_DECLS

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

G_END_DECLS
