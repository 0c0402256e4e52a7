/* rds-upgrade-target.h: An engine version an instance can be upgraded to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_UPGRADE_TARGET (rds_upgrade_target_get_type ())
G_DECLARE_FINAL_TYPE (RdsUpgradeTarget, rds_upgrade_target, RDS, UPGRADE_TARGET, RdsShape)

G_END_DECLS
