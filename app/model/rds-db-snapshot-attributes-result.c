/* rds-db-snapshot-attributes-result.c: the attributes of a manual DB snapshot, as
 * DescribeDBSnapshotAttributes and ModifyDBSnapshotAttribute answer them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-db-snapshot-attributes-result.h"
#include "rds-db-snapshot-attribute.h"

struct _RdsDbSnapshotAttributesResult
{
  RdsShape parent_instance;

  char        *db_snapshot_identifier;
  GListStore  *db_snapshot_attributes;
};

G_DEFINE_FINAL_TYPE (RdsDbSnapshotAttributesResult, rds_db_snapshot_attributes_result, RDS_TYPE_SHAPE)

#define T RdsDbSnapshotAttributesResult
static const RdsField fields[] = {
  RDS_FIELD_STRING (T, db_snapshot_identifier, "db-snapshot-identifier", "DBSnapshotIdentifier",
                    N_("The snapshot the attributes are of")),
  RDS_FIELD_LIST (T, db_snapshot_attributes, "db-snapshot-attributes", "DBSnapshotAttributes",
                  N_("The attributes of the snapshot and their values"),
                  rds_db_snapshot_attribute_get_type, "DBSnapshotAttribute"),
};
#undef T

static void
rds_db_snapshot_attributes_result_class_init (RdsDbSnapshotAttributesResultClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_db_snapshot_attributes_result_init (RdsDbSnapshotAttributesResult *self)
{
}
