/* rds-vpc-security-group-membership.c: A VPC security group an instance belongs to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-vpc-security-group-membership.h"

struct _RdsVpcSecurityGroupMembership
{
  RdsShape parent_instance;

  char       *vpc_security_group_id;
  const char *status;
};

G_DEFINE_FINAL_TYPE (RdsVpcSecurityGroupMembership, rds_vpc_security_group_membership, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsVpcSecurityGroupMembership, vpc_security_group_id, "vpc-security-group-id", "VpcSecurityGroupId",
                    N_("The ID of the VPC security group")),
  RDS_FIELD_INTERNED (RdsVpcSecurityGroupMembership, status, "status", "Status",
                      N_("The membership status, normally active")),
};

static void
rds_vpc_security_group_membership_class_init (RdsVpcSecurityGroupMembershipClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_vpc_security_group_membership_init (RdsVpcSecurityGroupMembership *self)
{
}
