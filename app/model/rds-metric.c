/* rds-metric.c: A metric: its namespace, name and dimensions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-metric.h"
#include "rds-dimension.h"

struct _RdsMetric
{
  RdsShape parent_instance;

  char        *namespace;
  char        *metric_name;
  GListStore  *dimensions;
};

G_DEFINE_FINAL_TYPE (RdsMetric, rds_metric, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsMetric, namespace, "namespace", "Namespace",
                  N_("The namespace, such as AWS/RDS")),
  RDS_FIELD_STRING (RdsMetric, metric_name, "metric-name", "MetricName",
                  N_("The metric, such as CPUUtilization")),
  RDS_FIELD_LIST (RdsMetric, dimensions, "dimensions", "Dimensions",
                  N_("The dimensions that narrow it to one resource"), rds_dimension_get_type, "member"),
};

static void
rds_metric_class_init (RdsMetricClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_metric_init (RdsMetric *self)
{
}
