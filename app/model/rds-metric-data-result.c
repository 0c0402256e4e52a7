/* rds-metric-data-result.c: The answer to one query of GetMetricData: timestamps and values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-metric-data-result.h"
#include "rds-message-data.h"

struct _RdsMetricDataResult
{
  RdsShape parent_instance;

  char        *id;
  char        *label;
  GArray      *timestamps;
  GArray      *values;
  char        *status_code;
  GListStore  *messages;
};

G_DEFINE_FINAL_TYPE (RdsMetricDataResult, rds_metric_data_result, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsMetricDataResult, id, "id", "Id",
                  N_("The query's identifier")),
  RDS_FIELD_STRING (RdsMetricDataResult, label, "label", "Label",
                  N_("A name a person reads")),
  RDS_FIELD_TIMESTAMPS (RdsMetricDataResult, timestamps, "timestamps", "Timestamps",
                  N_("The start of each period"), "member"),
  RDS_FIELD_DOUBLES (RdsMetricDataResult, values, "values", "Values",
                  N_("The value of each period"), "member"),
  RDS_FIELD_STRING (RdsMetricDataResult, status_code, "status-code", "StatusCode",
                  N_("Complete, or PartialData when another page follows")),
  RDS_FIELD_LIST (RdsMetricDataResult, messages, "messages", "Messages",
                  N_("Notes about this query"), rds_message_data_get_type, "member"),
};

static void
rds_metric_data_result_class_init (RdsMetricDataResultClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_metric_data_result_init (RdsMetricDataResult *self)
{
}
