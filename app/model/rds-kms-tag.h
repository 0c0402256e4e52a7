/* rds-kms-tag.h: A tag of a KMS key: a key and a value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_KMS_TAG (rds_kms_tag_get_type ())
G_DECLARE_FINAL_TYPE (RdsKmsTag, rds_kms_tag, RDS, KMS_TAG, RdsShape)

G_END_DECLS
