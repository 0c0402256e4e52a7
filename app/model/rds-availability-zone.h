/* rds-availability-zone.h: An Availability Zone, by name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_AVAILABILITY_ZONE (rds_availability_zone_get_type ())
G_DECLARE_FINAL_TYPE (RdsAvailabilityZone, rds_availability_zone, RDS, AVAILABILITY_ZONE, RdsShape)

G_END_DECLS
