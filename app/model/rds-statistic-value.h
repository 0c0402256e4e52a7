/* rds-statistic-value.h: One extended statistic of a datapoint: a percentile and its value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_STATISTIC_VALUE (rds_statistic_value_get_type ())
G_DECLARE_FINAL_TYPE (RdsStatisticValue, rds_statistic_value, RDS, STATISTIC_VALUE, RdsShape)

G_END_DECLS
