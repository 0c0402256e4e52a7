/* rds-db-parameter-group.c: A DB parameter group.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-db-parameter-group.h"

struct _RdsDbParameterGroup
{
  RdsShape parent_instance;

  char       *db_parameter_group_name;
  const char *db_parameter_group_family;
  char       *description;
  char       *db_parameter_group_arn;
};

G_DEFINE_FINAL_TYPE (RdsDbParameterGroup, rds_db_parameter_group, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsDbParameterGroup, db_parameter_group_name, "db-parameter-group-name", "DBParameterGroupName",
                    N_("The name of the DB parameter group")),
  RDS_FIELD_INTERNED (RdsDbParameterGroup, db_parameter_group_family, "db-parameter-group-family", "DBParameterGroupFamily",
                      N_("The engine family the group applies to")),
  RDS_FIELD_STRING (RdsDbParameterGroup, description, "description", "Description",
                    N_("What the group is for")),
  RDS_FIELD_STRING (RdsDbParameterGroup, db_parameter_group_arn, "db-parameter-group-arn", "DBParameterGroupArn",
                    N_("The Amazon Resource Name of the group")),
};

static void
rds_db_parameter_group_class_init (RdsDbParameterGroupClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_db_parameter_group_init (RdsDbParameterGroup *self)
{
}
