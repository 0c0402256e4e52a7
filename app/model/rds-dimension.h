/* rds-dimension.h: A name and value pair that narrows a metric to one resource
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_DIMENSION (rds_dimension_get_type ())
G_DECLARE_FINAL_TYPE (RdsDimension, rds_dimension, RDS, DIMENSION, RdsShape)

G_END_DECLS
