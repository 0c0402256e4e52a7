/* rds-db-parameter-group.h: A DB parameter group.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_DB_PARAMETER_GROUP (rds_db_parameter_group_get_type ())
G_DECLARE_FINAL_TYPE (RdsDbParameterGroup, rds_db_parameter_group, RDS, DB_PARAMETER_GROUP, RdsShape)

G_END_DECLS
