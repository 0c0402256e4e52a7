/* rds-orderable-db-instance-option.h: a class, version and storage type that can be ordered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_ORDERABLE_DB_INSTANCE_OPTION (rds_orderable_db_instance_option_get_type ())
G_DECLARE_FINAL_TYPE (RdsOrderableDbInstanceOption, rds_orderable_db_instance_option, RDS,
                      ORDERABLE_DB_INSTANCE_OPTION, RdsShape)

G_END_DECLS
