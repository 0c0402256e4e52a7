/* rds-db-snapshot.h: a DB snapshot, as DescribeDBSnapshots returns it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_DB_SNAPSHOT (rds_db_snapshot_get_type ())
G_DECLARE_FINAL_TYPE (RdsDbSnapshot, rds_db_snapshot, RDS, DB_SNAPSHOT, RdsShape)

const char *rds_db_snapshot_get_identifier             (RdsDbSnapshot *self);
const char *rds_db_snapshot_get_db_instance_identifier (RdsDbSnapshot *self);
const char *rds_db_snapshot_get_status                 (RdsDbSnapshot *self);
void        rds_db_snapshot_set_status                 (RdsDbSnapshot *self,
                                                        const char    *status);
const char *rds_db_snapshot_get_arn                    (RdsDbSnapshot *self);

G_END_DECLS
