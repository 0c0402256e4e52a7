/* rds-account-quota.c: a quota of the account in a Region, and its use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One AccountQuota of DescribeAccountAttributes: the console's dashboard
 * shows each as "used/max".
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-account-quota.h"

struct _RdsAccountQuota
{
  RdsShape  parent_instance;

  char     *account_quota_name;
  int       used;
  int       max;
};

G_DEFINE_FINAL_TYPE (RdsAccountQuota, rds_account_quota, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsAccountQuota, account_quota_name, "account-quota-name", "AccountQuotaName",
                    N_("The name of the quota, such as DBInstances")),
  RDS_FIELD_INT (RdsAccountQuota, used, "used", "Used",
                 N_("How much of the quota is used"), 0, G_MAXINT),
  RDS_FIELD_INT (RdsAccountQuota, max, "max", "Max",
                 N_("The most the quota allows"), 0, G_MAXINT),
};

static void
rds_account_quota_class_init (RdsAccountQuotaClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_account_quota_init (RdsAccountQuota *self)
{
}

RdsAccountQuota *
rds_account_quota_new (const char *name,
                       gint64      used,
                       gint64      max)
{
  RdsAccountQuota *self = g_object_new (RDS_TYPE_ACCOUNT_QUOTA, NULL);

  rds_shape_set_string (RDS_SHAPE (self), "account-quota-name", name);
  rds_shape_set_int (RDS_SHAPE (self), "used", (int) CLAMP (used, 0, G_MAXINT));
  rds_shape_set_int (RDS_SHAPE (self), "max", (int) CLAMP (max, 0, G_MAXINT));

  return self;
}
