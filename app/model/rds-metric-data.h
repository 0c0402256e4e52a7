/* rds-metric-data.h: The answer of GetMetricData: one result per query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_METRIC_DATA (rds_metric_data_get_type ())
G_DECLARE_FINAL_TYPE (RdsMetricData, rds_metric_data, RDS, METRIC_DATA, RdsShape)

G_END_DECLS
