/* rds-db-snapshot.h: a DB snapshot, as DescribeDBSnapshots returns it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

/* What the console's Actions menus offer on a DB snapshot (the Snapshots
 * page's and a snapshot's page). */
typedef enum
{
  RDS_SNAPSHOT_ACTION_RESTORE,   /* to a new DB instance */
  RDS_SNAPSHOT_ACTION_COPY,
  RDS_SNAPSHOT_ACTION_SHARE,     /* with other AWS accounts, or public */
  RDS_SNAPSHOT_ACTION_DELETE,
} RdsSnapshotAction;

#define RDS_TYPE_DB_SNAPSHOT (rds_db_snapshot_get_type ())
G_DECLARE_FINAL_TYPE (RdsDbSnapshot, rds_db_snapshot, RDS, DB_SNAPSHOT, RdsShape)

const char *rds_db_snapshot_get_identifier             (RdsDbSnapshot *self);
const char *rds_db_snapshot_get_db_instance_identifier (RdsDbSnapshot *self);
const char *rds_db_snapshot_get_status                 (RdsDbSnapshot *self);
void        rds_db_snapshot_set_status                 (RdsDbSnapshot *self,
                                                        const char    *status);
const char *rds_db_snapshot_get_arn                    (RdsDbSnapshot *self);
gboolean    rds_db_snapshot_allows                     (RdsDbSnapshot     *self,
                                                        RdsSnapshotAction  action);

G_END_DECLS
