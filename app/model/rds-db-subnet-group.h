/* rds-db-subnet-group.h: A DB subnet group: the subnets, in two or more Availability Zones, an instance may use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_DB_SUBNET_GROUP (rds_db_subnet_group_get_type ())
G_DECLARE_FINAL_TYPE (RdsDbSubnetGroup, rds_db_subnet_group, RDS, DB_SUBNET_GROUP, RdsShape)

G_END_DECLS
