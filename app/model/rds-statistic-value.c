/* rds-statistic-value.c: One extended statistic of a datapoint: a percentile and its value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-statistic-value.h"

struct _RdsStatisticValue
{
  RdsShape parent_instance;

  char        *key;
  double       value;
};

G_DEFINE_FINAL_TYPE (RdsStatisticValue, rds_statistic_value, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsStatisticValue, key, "key", "key",
                  N_("The percentile, such as p99")),
  RDS_FIELD_DOUBLE (RdsStatisticValue, value, "value", "value",
                  N_("Its value")),
};

static void
rds_statistic_value_class_init (RdsStatisticValueClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_statistic_value_init (RdsStatisticValue *self)
{
}
