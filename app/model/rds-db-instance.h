/* rds-db-instance.h: an RDS DB instance, as DescribeDBInstances returns it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

/* What the console's Actions menu offers on a DB instance. */
typedef enum
{
  RDS_INSTANCE_ACTION_MODIFY,
  RDS_INSTANCE_ACTION_REBOOT,
  RDS_INSTANCE_ACTION_STOP,
  RDS_INSTANCE_ACTION_START,
  RDS_INSTANCE_ACTION_DELETE,
  RDS_INSTANCE_ACTION_TAKE_SNAPSHOT,
  RDS_INSTANCE_ACTION_CREATE_READ_REPLICA,  /* with the instance as the source */
  RDS_INSTANCE_ACTION_PROMOTE,
  RDS_INSTANCE_ACTION_FAILOVER,             /* reboot with failover */
  RDS_INSTANCE_ACTION_CONVERT_TO_MULTI_AZ,
  RDS_INSTANCE_ACTION_CONVERT_TO_SINGLE_AZ,
  RDS_INSTANCE_ACTION_RESTORE_TO_POINT_IN_TIME,  /* a new instance from its automated backups */
  RDS_INSTANCE_ACTION_ENCRYPT,              /* by snapshot, encrypted copy and restore */
} RdsInstanceAction;

#define RDS_TYPE_DB_INSTANCE (rds_db_instance_get_type ())
G_DECLARE_FINAL_TYPE (RdsDbInstance, rds_db_instance, RDS, DB_INSTANCE, RdsShape)

const char *rds_db_instance_get_identifier  (RdsDbInstance *self);
const char *rds_db_instance_get_status      (RdsDbInstance *self);
void        rds_db_instance_set_status      (RdsDbInstance *self,
                                             const char    *status);
const char *rds_db_instance_get_engine      (RdsDbInstance *self);
const char *rds_db_instance_get_arn         (RdsDbInstance *self);
const char *rds_db_instance_get_resource_id (RdsDbInstance *self);
gboolean    rds_db_instance_allows          (RdsDbInstance     *self,
                                             RdsInstanceAction  action);

G_END_DECLS
