/* rds-key-description.c: The answer of CreateKey and DescribeKey: a key’s metadata
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-key-description.h"
#include "rds-key-metadata.h"

struct _RdsKeyDescription
{
  RdsShape parent_instance;

  RdsShape    *key_metadata;
};

G_DEFINE_FINAL_TYPE (RdsKeyDescription, rds_key_description, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_OBJECT (RdsKeyDescription, key_metadata, "key-metadata", "KeyMetadata",
                    N_("The key"), rds_key_metadata_get_type),
};

static void
rds_key_description_class_init (RdsKeyDescriptionClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_key_description_init (RdsKeyDescription *self)
{
}
