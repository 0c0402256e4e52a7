/* rds-option-group-membership.h: An option group an instance uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_OPTION_GROUP_MEMBERSHIP (rds_option_group_membership_get_type ())
G_DECLARE_FINAL_TYPE (RdsOptionGroupMembership, rds_option_group_membership, RDS, OPTION_GROUP_MEMBERSHIP, RdsShape)

G_END_DECLS
