/* rds-subnet.h: A subnet of a DB subnet group.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_SUBNET (rds_subnet_get_type ())
G_DECLARE_FINAL_TYPE (RdsSubnet, rds_subnet, RDS, SUBNET, RdsShape)

G_END_DECLS
