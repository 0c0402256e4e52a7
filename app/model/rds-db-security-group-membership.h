/* rds-db-security-group-membership.h: A classic DB security group an instance belongs to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_DB_SECURITY_GROUP_MEMBERSHIP (rds_db_security_group_membership_get_type ())
G_DECLARE_FINAL_TYPE (RdsDbSecurityGroupMembership, rds_db_security_group_membership, RDS, DB_SECURITY_GROUP_MEMBERSHIP, RdsShape)

G_END_DECLS
