/* rds-kms-tag-list.h: The answer of ListResourceTags: a page of a key’s tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_KMS_TAG_LIST (rds_kms_tag_list_get_type ())
G_DECLARE_FINAL_TYPE (RdsKmsTagList, rds_kms_tag_list, RDS, KMS_TAG_LIST, RdsShape)

G_END_DECLS
