/* rds-metric-statistics.c: The answer of GetMetricStatistics: a metric's datapoints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-metric-statistics.h"
#include "rds-datapoint.h"

struct _RdsMetricStatistics
{
  RdsShape parent_instance;

  char        *label;
  GListStore  *datapoints;
};

G_DEFINE_FINAL_TYPE (RdsMetricStatistics, rds_metric_statistics, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsMetricStatistics, label, "label", "Label",
                  N_("The metric's name")),
  RDS_FIELD_LIST (RdsMetricStatistics, datapoints, "datapoints", "Datapoints",
                  N_("One per period, in no particular order"), rds_datapoint_get_type, "member"),
};

static void
rds_metric_statistics_class_init (RdsMetricStatisticsClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_metric_statistics_init (RdsMetricStatistics *self)
{
}
