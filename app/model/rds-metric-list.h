/* rds-metric-list.h: The answer of ListMetrics: metrics with data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_METRIC_LIST (rds_metric_list_get_type ())
G_DECLARE_FINAL_TYPE (RdsMetricList, rds_metric_list, RDS, METRIC_LIST, RdsShape)

G_END_DECLS
