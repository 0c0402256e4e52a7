/* rds-db-security-group.c: A classic DB security group.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-db-security-group.h"

struct _RdsDbSecurityGroup
{
  RdsShape parent_instance;

  char *owner_id;
  char *db_security_group_name;
  char *db_security_group_description;
  char *vpc_id;
  char *db_security_group_arn;
};

G_DEFINE_FINAL_TYPE (RdsDbSecurityGroup, rds_db_security_group, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsDbSecurityGroup, owner_id, "owner-id", "OwnerId",
                    N_("The AWS account that owns the group")),
  RDS_FIELD_STRING (RdsDbSecurityGroup, db_security_group_name, "db-security-group-name", "DBSecurityGroupName",
                    N_("The name of the DB security group")),
  RDS_FIELD_STRING (RdsDbSecurityGroup, db_security_group_description, "db-security-group-description", "DBSecurityGroupDescription",
                    N_("What the group is for")),
  RDS_FIELD_STRING (RdsDbSecurityGroup, vpc_id, "vpc-id", "VpcId",
                    N_("The VPC of the group")),
  RDS_FIELD_STRING (RdsDbSecurityGroup, db_security_group_arn, "db-security-group-arn", "DBSecurityGroupArn",
                    N_("The Amazon Resource Name of the group")),
};

static void
rds_db_security_group_class_init (RdsDbSecurityGroupClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_db_security_group_init (RdsDbSecurityGroup *self)
{
}
