/* rds-key-description.h: The answer of CreateKey and DescribeKey: a key’s metadata
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_KEY_DESCRIPTION (rds_key_description_get_type ())
G_DECLARE_FINAL_TYPE (RdsKeyDescription, rds_key_description, RDS, KEY_DESCRIPTION, RdsShape)

G_END_DECLS
