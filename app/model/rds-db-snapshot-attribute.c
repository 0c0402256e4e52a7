/* rds-db-snapshot-attribute.c: one attribute of a manual DB snapshot and its values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RDS has one: "restore", the AWS accounts that may copy or restore the
 * snapshot ("all" when it is public).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-db-snapshot-attribute.h"

struct _RdsDbSnapshotAttribute
{
  RdsShape parent_instance;

  char   *attribute_name;
  char  **attribute_values;
};

G_DEFINE_FINAL_TYPE (RdsDbSnapshotAttribute, rds_db_snapshot_attribute, RDS_TYPE_SHAPE)

#define T RdsDbSnapshotAttribute
static const RdsField fields[] = {
  RDS_FIELD_STRING (T, attribute_name, "attribute-name", "AttributeName",
                    N_("The attribute: restore, who may copy or restore the snapshot")),
  RDS_FIELD_STRV (T, attribute_values, "attribute-values", "AttributeValues",
                  N_("The AWS account IDs the snapshot is shared with, or all when it is public"),
                  "AttributeValue"),
};
#undef T

static void
rds_db_snapshot_attribute_class_init (RdsDbSnapshotAttributeClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_db_snapshot_attribute_init (RdsDbSnapshotAttribute *self)
{
}

/**
 * rds_db_snapshot_attribute_new:
 * @values: (nullable) (array zero-terminated=1): its values
 *
 * Returns: (transfer full): a new attribute
 */
RdsDbSnapshotAttribute *
rds_db_snapshot_attribute_new (const char         *name,
                               const char * const *values)
{
  RdsDbSnapshotAttribute *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (RDS_TYPE_DB_SNAPSHOT_ATTRIBUTE, "attribute-name", name, NULL);
  rds_shape_set_strv (RDS_SHAPE (self), "attribute-values", values);
  return self;
}
