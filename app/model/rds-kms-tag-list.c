/* rds-kms-tag-list.c: The answer of ListResourceTags: a page of a key’s tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-kms-tag-list.h"
#include "rds-kms-tag.h"

struct _RdsKmsTagList
{
  RdsShape parent_instance;

  GListStore  *tags;
  char        *next_marker;
  gboolean     truncated;
};

G_DEFINE_FINAL_TYPE (RdsKmsTagList, rds_kms_tag_list, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_LIST (RdsKmsTagList, tags, "tags", "Tags",
                  N_("The tags"), rds_kms_tag_get_type, "member"),
  RDS_FIELD_STRING (RdsKmsTagList, next_marker, "next-marker", "NextMarker",
                    N_("Where the next page starts")),
  RDS_FIELD_BOOLEAN (RdsKmsTagList, truncated, "truncated", "Truncated",
                     N_("Whether more pages follow")),
};

static void
rds_kms_tag_list_class_init (RdsKmsTagListClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_kms_tag_list_init (RdsKmsTagList *self)
{
}
