/* rds-key-list.h: The answer of ListKeys: a page of keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_KEY_LIST (rds_key_list_get_type ())
G_DECLARE_FINAL_TYPE (RdsKeyList, rds_key_list, RDS, KEY_LIST, RdsShape)

G_END_DECLS
