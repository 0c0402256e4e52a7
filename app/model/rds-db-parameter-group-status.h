/* rds-db-parameter-group-status.h: A DB parameter group an instance uses, and whether it is applied.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_DB_PARAMETER_GROUP_STATUS (rds_db_parameter_group_status_get_type ())
G_DECLARE_FINAL_TYPE (RdsDbParameterGroupStatus, rds_db_parameter_group_status, RDS, DB_PARAMETER_GROUP_STATUS, RdsShape)

G_END_DECLS
