/* rds-pending-modified-values.h: changes waiting to be applied to an instance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_PENDING_MODIFIED_VALUES (rds_pending_modified_values_get_type ())
G_DECLARE_FINAL_TYPE (RdsPendingModifiedValues, rds_pending_modified_values, RDS,
                      PENDING_MODIFIED_VALUES, RdsShape)

gboolean rds_pending_modified_values_is_empty (RdsPendingModifiedValues *self);

G_END_DECLS
