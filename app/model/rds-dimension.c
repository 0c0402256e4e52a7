/* rds-dimension.c: A name and value pair that narrows a metric to one resource
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-dimension.h"

struct _RdsDimension
{
  RdsShape parent_instance;

  char        *name;
  char        *value;
};

G_DEFINE_FINAL_TYPE (RdsDimension, rds_dimension, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsDimension, name, "name", "Name",
                  N_("The dimension, such as DBInstanceIdentifier")),
  RDS_FIELD_STRING (RdsDimension, value, "value", "Value",
                  N_("Its value, such as the identifier of one DB instance")),
};

static void
rds_dimension_class_init (RdsDimensionClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_dimension_init (RdsDimension *self)
{
}
