/* rds-tag.h: A metadata label: a key and an optional value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_TAG (rds_tag_get_type ())
G_DECLARE_FINAL_TYPE (RdsTag, rds_tag, RDS, TAG, RdsShape)

G_END_DECLS
