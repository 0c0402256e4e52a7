/* rds-metric-data-result.h: The answer to one query of GetMetricData: timestamps and values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_METRIC_DATA_RESULT (rds_metric_data_result_get_type ())
G_DECLARE_FINAL_TYPE (RdsMetricDataResult, rds_metric_data_result, RDS, METRIC_DATA_RESULT, RdsShape)

G_END_DECLS
