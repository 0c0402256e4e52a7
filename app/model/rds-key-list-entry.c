/* rds-key-list-entry.c: A KMS key in a list of keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-key-list-entry.h"

struct _RdsKeyListEntry
{
  RdsShape parent_instance;

  char        *key_id;
  char        *key_arn;
};

G_DEFINE_FINAL_TYPE (RdsKeyListEntry, rds_key_list_entry, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsKeyListEntry, key_id, "key-id", "KeyId",
                    N_("The key’s unique identifier")),
  RDS_FIELD_STRING (RdsKeyListEntry, key_arn, "key-arn", "KeyArn",
                    N_("The key’s ARN")),
};

static void
rds_key_list_entry_class_init (RdsKeyListEntryClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_key_list_entry_init (RdsKeyListEntry *self)
{
}
