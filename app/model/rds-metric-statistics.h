/* rds-metric-statistics.h: The answer of GetMetricStatistics: a metric's datapoints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_METRIC_STATISTICS (rds_metric_statistics_get_type ())
G_DECLARE_FINAL_TYPE (RdsMetricStatistics, rds_metric_statistics, RDS, METRIC_STATISTICS, RdsShape)

G_END_DECLS
