/* rds-cluster-pending-modified-values.c: changes waiting to be applied to a DB cluster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without ApplyImmediately, ModifyDBCluster keeps a new name, a new master
 * password and IAM database authentication for the maintenance window;
 * every other change of a cluster applies at once.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-cluster-pending-modified-values.h"

struct _RdsClusterPendingModifiedValues
{
  RdsShape parent_instance;

  char        *db_cluster_identifier;
  char        *master_user_password;
  RdsTristate  iam_database_authentication_enabled;
};

G_DEFINE_FINAL_TYPE (RdsClusterPendingModifiedValues, rds_cluster_pending_modified_values, RDS_TYPE_SHAPE)

#define T RdsClusterPendingModifiedValues
static const RdsField fields[] = {
  RDS_FIELD_STRING (T, db_cluster_identifier, "db-cluster-identifier", "DBClusterIdentifier",
                    N_("The new identifier of the cluster")),
  RDS_FIELD_STRING (T, master_user_password, "master-user-password", "MasterUserPassword",
                    N_("Shown as **** while a new master password is being applied")),
  RDS_FIELD_OPTIONAL_BOOLEAN (T, iam_database_authentication_enabled,
                              "iam-database-authentication-enabled",
                              "IAMDatabaseAuthenticationEnabled",
                              N_("Whether IAM database authentication will be enabled")),
};
#undef T

static void
rds_cluster_pending_modified_values_class_init (RdsClusterPendingModifiedValuesClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_cluster_pending_modified_values_init (RdsClusterPendingModifiedValues *self)
{
}

/**
 * rds_cluster_pending_modified_values_is_empty:
 *
 * Returns: whether no change is pending
 */
gboolean
rds_cluster_pending_modified_values_is_empty (RdsClusterPendingModifiedValues *self)
{
  g_return_val_if_fail (RDS_IS_CLUSTER_PENDING_MODIFIED_VALUES (self), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (rds_shape_field_is_present (RDS_SHAPE (self), &fields[i]))
      return FALSE;

  return TRUE;
}
