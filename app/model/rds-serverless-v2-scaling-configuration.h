/* rds-serverless-v2-scaling-configuration.h: an Aurora cluster's Serverless v2 capacity range
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_SERVERLESS_V2_SCALING_CONFIGURATION (rds_serverless_v2_scaling_configuration_get_type ())
G_DECLARE_FINAL_TYPE (RdsServerlessV2ScalingConfiguration, rds_serverless_v2_scaling_configuration, RDS,
                      SERVERLESS_V2_SCALING_CONFIGURATION, RdsShape)

G_END_DECLS
