/* rds-key-list.c: The answer of ListKeys: a page of keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-key-list.h"
#include "rds-key-list-entry.h"

struct _RdsKeyList
{
  RdsShape parent_instance;

  GListStore  *keys;
  char        *next_marker;
  gboolean     truncated;
};

G_DEFINE_FINAL_TYPE (RdsKeyList, rds_key_list, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_LIST (RdsKeyList, keys, "keys", "Keys",
                  N_("The keys"), rds_key_list_entry_get_type, "member"),
  RDS_FIELD_STRING (RdsKeyList, next_marker, "next-marker", "NextMarker",
                    N_("Where the next page starts")),
  RDS_FIELD_BOOLEAN (RdsKeyList, truncated, "truncated", "Truncated",
                     N_("Whether more pages follow")),
};

static void
rds_key_list_class_init (RdsKeyListClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_key_list_init (RdsKeyList *self)
{
}
