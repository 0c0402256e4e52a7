/* rds-tag.c: A metadata label: a key and an optional value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-tag.h"

struct _RdsTag
{
  RdsShape parent_instance;

  char *key;
  char *value;
};

G_DEFINE_FINAL_TYPE (RdsTag, rds_tag, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsTag, key, "key", "Key",
                    N_("The tag key, up to 128 characters")),
  RDS_FIELD_STRING (RdsTag, value, "value", "Value",
                    N_("The tag value, up to 256 characters")),
};

static void
rds_tag_class_init (RdsTagClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_tag_init (RdsTag *self)
{
}
