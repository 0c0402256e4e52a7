/* rds-db-cluster-snapshot.h: a snapshot of an Aurora cluster's volume
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_DB_CLUSTER_SNAPSHOT (rds_db_cluster_snapshot_get_type ())
G_DECLARE_FINAL_TYPE (RdsDbClusterSnapshot, rds_db_cluster_snapshot, RDS, DB_CLUSTER_SNAPSHOT, RdsShape)

const char *rds_db_cluster_snapshot_get_identifier         (RdsDbClusterSnapshot *self);
const char *rds_db_cluster_snapshot_get_cluster_identifier (RdsDbClusterSnapshot *self);
const char *rds_db_cluster_snapshot_get_status             (RdsDbClusterSnapshot *self);
const char *rds_db_cluster_snapshot_get_snapshot_type      (RdsDbClusterSnapshot *self);
const char *rds_db_cluster_snapshot_get_arn                (RdsDbClusterSnapshot *self);

G_END_DECLS
