/* rds-metric.h: A metric: its namespace, name and dimensions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_METRIC (rds_metric_get_type ())
G_DECLARE_FINAL_TYPE (RdsMetric, rds_metric, RDS, METRIC, RdsShape)

G_END_DECLS
