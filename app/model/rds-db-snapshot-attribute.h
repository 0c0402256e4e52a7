/* rds-db-snapshot-attribute.h: one attribute of a manual DB snapshot and its values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_DB_SNAPSHOT_ATTRIBUTE (rds_db_snapshot_attribute_get_type ())
G_DECLARE_FINAL_TYPE (RdsDbSnapshotAttribute, rds_db_snapshot_attribute, RDS, DB_SNAPSHOT_ATTRIBUTE, RdsShape)

RdsDbSnapshotAttribute *rds_db_snapshot_attribute_new (const char         *name,
                                                       const char * const *values);

G_END_DECLS
