/* rds-db-instance.h: an RDS DB instance, as DescribeDBInstances returns it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_DB_INSTANCE (rds_db_instance_get_type ())
G_DECLARE_FINAL_TYPE (RdsDbInstance, rds_db_instance, RDS, DB_INSTANCE, RdsShape)

const char *rds_db_instance_get_identifier  (RdsDbInstance *self);
const char *rds_db_instance_get_status      (RdsDbInstance *self);
void        rds_db_instance_set_status      (RdsDbInstance *self,
                                             const char    *status);
const char *rds_db_instance_get_engine      (RdsDbInstance *self);
const char *rds_db_instance_get_arn         (RdsDbInstance *self);
const char *rds_db_instance_get_resource_id (RdsDbInstance *self);

G_END_DECLS
