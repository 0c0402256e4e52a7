/* rds-alias-list.c: The answer of ListAliases: a page of aliases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-alias-list.h"
#include "rds-alias-list-entry.h"

struct _RdsAliasList
{
  RdsShape parent_instance;

  GListStore  *aliases;
  char        *next_marker;
  gboolean     truncated;
};

G_DEFINE_FINAL_TYPE (RdsAliasList, rds_alias_list, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_LIST (RdsAliasList, aliases, "aliases", "Aliases",
                  N_("The aliases"), rds_alias_list_entry_get_type, "member"),
  RDS_FIELD_STRING (RdsAliasList, next_marker, "next-marker", "NextMarker",
                    N_("Where the next page starts")),
  RDS_FIELD_BOOLEAN (RdsAliasList, truncated, "truncated", "Truncated",
                     N_("Whether more pages follow")),
};

static void
rds_alias_list_class_init (RdsAliasListClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_alias_list_init (RdsAliasList *self)
{
}
