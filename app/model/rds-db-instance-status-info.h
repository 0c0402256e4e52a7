/* rds-db-instance-status-info.h: a detail of an instance's status: a read replica's replication
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_DB_INSTANCE_STATUS_INFO (rds_db_instance_status_info_get_type ())
G_DECLARE_FINAL_TYPE (RdsDbInstanceStatusInfo, rds_db_instance_status_info, RDS, DB_INSTANCE_STATUS_INFO, RdsShape)

G_END_DECLS
