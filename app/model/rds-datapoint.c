/* rds-datapoint.c: The statistics of a metric over one period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-datapoint.h"
#include "rds-statistic-value.h"

struct _RdsDatapoint
{
  RdsShape parent_instance;

  gint64       timestamp;
  double       sample_count;
  double       average;
  double       sum;
  double       minimum;
  double       maximum;
  char        *unit;
  GListStore  *extended_statistics;
};

G_DEFINE_FINAL_TYPE (RdsDatapoint, rds_datapoint, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_TIMESTAMP (RdsDatapoint, timestamp, "timestamp", "Timestamp",
                  N_("The start of the period")),
  RDS_FIELD_DOUBLE (RdsDatapoint, sample_count, "sample-count", "SampleCount",
                  N_("How many samples the period holds")),
  RDS_FIELD_DOUBLE (RdsDatapoint, average, "average", "Average",
                  N_("The average of the samples")),
  RDS_FIELD_DOUBLE (RdsDatapoint, sum, "sum", "Sum",
                  N_("The sum of the samples")),
  RDS_FIELD_DOUBLE (RdsDatapoint, minimum, "minimum", "Minimum",
                  N_("The lowest sample")),
  RDS_FIELD_DOUBLE (RdsDatapoint, maximum, "maximum", "Maximum",
                  N_("The highest sample")),
  RDS_FIELD_STRING (RdsDatapoint, unit, "unit", "Unit",
                  N_("The unit of the values")),
  RDS_FIELD_LIST (RdsDatapoint, extended_statistics, "extended-statistics", "ExtendedStatistics",
                  N_("Percentiles asked for"), rds_statistic_value_get_type, "entry"),
};

static void
rds_datapoint_class_init (RdsDatapointClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_datapoint_init (RdsDatapoint *self)
{
}
