/* rds-serverless-v2-scaling-configuration.c: an Aurora cluster's Serverless v2 capacity range
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The range every db.serverless instance of the cluster scales within, in
 * Aurora capacity units (ACUs), as DescribeDBClusters returns it
 * (ServerlessV2ScalingConfigurationInfo).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-serverless-v2-scaling-configuration.h"

struct _RdsServerlessV2ScalingConfiguration
{
  RdsShape parent_instance;

  double min_capacity;
  double max_capacity;
};

G_DEFINE_FINAL_TYPE (RdsServerlessV2ScalingConfiguration, rds_serverless_v2_scaling_configuration, RDS_TYPE_SHAPE)

#define T RdsServerlessV2ScalingConfiguration
static const RdsField fields[] = {
  RDS_FIELD_DOUBLE (T, min_capacity, "min-capacity", "MinCapacity",
                    N_("The fewest ACUs a Serverless v2 instance of the cluster scales down to")),
  RDS_FIELD_DOUBLE (T, max_capacity, "max-capacity", "MaxCapacity",
                    N_("The most ACUs a Serverless v2 instance of the cluster scales up to")),
};
#undef T

static void
rds_serverless_v2_scaling_configuration_class_init (RdsServerlessV2ScalingConfigurationClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_serverless_v2_scaling_configuration_init (RdsServerlessV2ScalingConfiguration *self)
{
}
