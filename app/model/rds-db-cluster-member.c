/* rds-db-cluster-member.c: a DB instance of an Aurora cluster, as its cluster lists it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-db-cluster-member.h"

struct _RdsDbClusterMember
{
  RdsShape parent_instance;

  char       *db_instance_identifier;
  gboolean    is_cluster_writer;
  const char *db_cluster_parameter_group_status;
  int         promotion_tier;
};

G_DEFINE_FINAL_TYPE (RdsDbClusterMember, rds_db_cluster_member, RDS_TYPE_SHAPE)

#define T RdsDbClusterMember
static const RdsField fields[] = {
  RDS_FIELD_STRING (T, db_instance_identifier, "db-instance-identifier", "DBInstanceIdentifier",
                    N_("The DB instance in the cluster")),
  RDS_FIELD_BOOLEAN (T, is_cluster_writer, "is-cluster-writer", "IsClusterWriter",
                     N_("Whether the instance is the cluster's writer")),
  RDS_FIELD_INTERNED (T, db_cluster_parameter_group_status, "db-cluster-parameter-group-status",
                      "DBClusterParameterGroupStatus",
                      N_("Whether the instance runs with its cluster parameter group's values")),
  RDS_FIELD_OPTIONAL_INT (T, promotion_tier, "promotion-tier", "PromotionTier",
                          N_("The order in which a reader is chosen to become the writer, 0 first"), 15),
};
#undef T

static void
rds_db_cluster_member_class_init (RdsDbClusterMemberClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_db_cluster_member_init (RdsDbClusterMember *self)
{
}

const char *
rds_db_cluster_member_get_instance_identifier (RdsDbClusterMember *self)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER_MEMBER (self), NULL);

  return self->db_instance_identifier;
}

gboolean
rds_db_cluster_member_is_writer (RdsDbClusterMember *self)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER_MEMBER (self), FALSE);

  return self->is_cluster_writer;
}

int
rds_db_cluster_member_get_promotion_tier (RdsDbClusterMember *self)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER_MEMBER (self), -1);

  return self->promotion_tier;
}
