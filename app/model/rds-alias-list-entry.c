/* rds-alias-list-entry.c: A KMS alias: a name for a key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-alias-list-entry.h"

struct _RdsAliasListEntry
{
  RdsShape parent_instance;

  char        *alias_name;
  char        *alias_arn;
  char        *target_key_id;
  gint64       creation_date;
  gint64       last_updated_date;
};

G_DEFINE_FINAL_TYPE (RdsAliasListEntry, rds_alias_list_entry, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsAliasListEntry, alias_name, "alias-name", "AliasName",
                    N_("The alias, such as alias/orders")),
  RDS_FIELD_STRING (RdsAliasListEntry, alias_arn, "alias-arn", "AliasArn",
                    N_("The alias’s ARN")),
  RDS_FIELD_STRING (RdsAliasListEntry, target_key_id, "target-key-id", "TargetKeyId",
                    N_("The identifier of the key the alias names")),
  RDS_FIELD_TIMESTAMP (RdsAliasListEntry, creation_date, "creation-date", "CreationDate",
                       N_("When the alias was created")),
  RDS_FIELD_TIMESTAMP (RdsAliasListEntry, last_updated_date, "last-updated-date", "LastUpdatedDate",
                       N_("When the alias last changed its key")),
};

static void
rds_alias_list_entry_class_init (RdsAliasListEntryClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_alias_list_entry_init (RdsAliasListEntry *self)
{
}
