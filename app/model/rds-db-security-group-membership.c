/* rds-db-security-group-membership.c: A classic DB security group an instance belongs to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-db-security-group-membership.h"

struct _RdsDbSecurityGroupMembership
{
  RdsShape parent_instance;

  char       *db_security_group_name;
  const char *status;
};

G_DEFINE_FINAL_TYPE (RdsDbSecurityGroupMembership, rds_db_security_group_membership, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsDbSecurityGroupMembership, db_security_group_name, "db-security-group-name", "DBSecurityGroupName",
                    N_("The name of the DB security group")),
  RDS_FIELD_INTERNED (RdsDbSecurityGroupMembership, status, "status", "Status",
                      N_("The membership status")),
};

static void
rds_db_security_group_membership_class_init (RdsDbSecurityGroupMembershipClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_db_security_group_membership_init (RdsDbSecurityGroupMembership *self)
{
}
