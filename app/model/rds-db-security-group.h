/* rds-db-security-group.h: A classic DB security group.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_DB_SECURITY_GROUP (rds_db_security_group_get_type ())
G_DECLARE_FINAL_TYPE (RdsDbSecurityGroup, rds_db_security_group, RDS, DB_SECURITY_GROUP, RdsShape)

G_END_DECLS
