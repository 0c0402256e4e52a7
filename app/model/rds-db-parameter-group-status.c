/* rds-db-parameter-group-status.c: A DB parameter group an instance uses, and whether it is applied.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-db-parameter-group-status.h"

struct _RdsDbParameterGroupStatus
{
  RdsShape parent_instance;

  char       *db_parameter_group_name;
  const char *parameter_apply_status;
};

G_DEFINE_FINAL_TYPE (RdsDbParameterGroupStatus, rds_db_parameter_group_status, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsDbParameterGroupStatus, db_parameter_group_name, "db-parameter-group-name", "DBParameterGroupName",
                    N_("The name of the DB parameter group")),
  RDS_FIELD_INTERNED (RdsDbParameterGroupStatus, parameter_apply_status, "parameter-apply-status", "ParameterApplyStatus",
                      N_("in-sync, applying or pending-reboot")),
};

static void
rds_db_parameter_group_status_class_init (RdsDbParameterGroupStatusClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_db_parameter_group_status_init (RdsDbParameterGroupStatus *self)
{
}
