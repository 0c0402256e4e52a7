/* rds-metric-data.c: The answer of GetMetricData: one result per query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-metric-data.h"
#include "rds-message-data.h"
#include "rds-metric-data-result.h"

struct _RdsMetricData
{
  RdsShape parent_instance;

  GListStore  *metric_data_results;
  char        *next_token;
  GListStore  *messages;
};

G_DEFINE_FINAL_TYPE (RdsMetricData, rds_metric_data, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_LIST (RdsMetricData, metric_data_results, "metric-data-results", "MetricDataResults",
                  N_("One per query"), rds_metric_data_result_get_type, "member"),
  RDS_FIELD_STRING (RdsMetricData, next_token, "next-token", "NextToken",
                  N_("Where the next page starts")),
  RDS_FIELD_LIST (RdsMetricData, messages, "messages", "Messages",
                  N_("Notes about the whole answer"), rds_message_data_get_type, "member"),
};

static void
rds_metric_data_class_init (RdsMetricDataClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_metric_data_init (RdsMetricData *self)
{
}
