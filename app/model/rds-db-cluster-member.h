/* rds-db-cluster-member.h: a DB instance of an Aurora cluster, as its cluster lists it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_DB_CLUSTER_MEMBER (rds_db_cluster_member_get_type ())
G_DECLARE_FINAL_TYPE (RdsDbClusterMember, rds_db_cluster_member, RDS, DB_CLUSTER_MEMBER, RdsShape)

const char *rds_db_cluster_member_get_instance_identifier (RdsDbClusterMember *self);
gboolean    rds_db_cluster_member_is_writer               (RdsDbClusterMember *self);
int         rds_db_cluster_member_get_promotion_tier      (RdsDbClusterMember *self);

G_END_DECLS
