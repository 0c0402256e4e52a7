/* rds-metric-list.c: The answer of ListMetrics: metrics with data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-metric-list.h"
#include "rds-metric.h"

struct _RdsMetricList
{
  RdsShape parent_instance;

  GListStore  *metrics;
  char        *next_token;
};

G_DEFINE_FINAL_TYPE (RdsMetricList, rds_metric_list, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_LIST (RdsMetricList, metrics, "metrics", "Metrics",
                  N_("The metrics"), rds_metric_get_type, "member"),
  RDS_FIELD_STRING (RdsMetricList, next_token, "next-token", "NextToken",
                  N_("Where the next page starts")),
};

static void
rds_metric_list_class_init (RdsMetricListClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_metric_list_init (RdsMetricList *self)
{
}
