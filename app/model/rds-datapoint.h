/* rds-datapoint.h: The statistics of a metric over one period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_DATAPOINT (rds_datapoint_get_type ())
G_DECLARE_FINAL_TYPE (RdsDatapoint, rds_datapoint, RDS, DATAPOINT, RdsShape)

G_END_DECLS
