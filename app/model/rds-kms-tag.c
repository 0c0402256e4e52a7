/* rds-kms-tag.c: A tag of a KMS key: a key and a value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-kms-tag.h"

struct _RdsKmsTag
{
  RdsShape parent_instance;

  char        *tag_key;
  char        *tag_value;
};

G_DEFINE_FINAL_TYPE (RdsKmsTag, rds_kms_tag, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsKmsTag, tag_key, "tag-key", "TagKey",
                    N_("The tag key, up to 128 characters")),
  RDS_FIELD_STRING (RdsKmsTag, tag_value, "tag-value", "TagValue",
                    N_("The tag value, up to 256 characters")),
};

static void
rds_kms_tag_class_init (RdsKmsTagClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_kms_tag_init (RdsKmsTag *self)
{
}
