/* rds-db-snapshot-attributes-result.h: the attributes of a manual DB snapshot, as
 * DescribeDBSnapshotAttributes and ModifyDBSnapshotAttribute answer them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_DB_SNAPSHOT_ATTRIBUTES_RESULT (rds_db_snapshot_attributes_result_get_type ())
G_DECLARE_FINAL_TYPE (RdsDbSnapshotAttributesResult, rds_db_snapshot_attributes_result,
                      RDS, DB_SNAPSHOT_ATTRIBUTES_RESULT, RdsShape)

G_END_DECLS
