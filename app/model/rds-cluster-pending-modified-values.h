/* rds-cluster-pending-modified-values.h: changes waiting to be applied to a DB cluster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_CLUSTER_PENDING_MODIFIED_VALUES (rds_cluster_pending_modified_values_get_type ())
G_DECLARE_FINAL_TYPE (RdsClusterPendingModifiedValues, rds_cluster_pending_modified_values, RDS,
                      CLUSTER_PENDING_MODIFIED_VALUES, RdsShape)

gboolean rds_cluster_pending_modified_values_is_empty (RdsClusterPendingModifiedValues *self);

G_END_DECLS
