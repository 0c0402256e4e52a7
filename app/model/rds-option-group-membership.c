/* rds-option-group-membership.c: An option group an instance uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-option-group-membership.h"

struct _RdsOptionGroupMembership
{
  RdsShape parent_instance;

  char       *option_group_name;
  const char *status;
};

G_DEFINE_FINAL_TYPE (RdsOptionGroupMembership, rds_option_group_membership, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsOptionGroupMembership, option_group_name, "option-group-name", "OptionGroupName",
                    N_("The name of the option group")),
  RDS_FIELD_INTERNED (RdsOptionGroupMembership, status, "status", "Status",
                      N_("in-sync, pending-apply, pending-removal, ...")),
};

static void
rds_option_group_membership_class_init (RdsOptionGroupMembershipClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_option_group_membership_init (RdsOptionGroupMembership *self)
{
}
