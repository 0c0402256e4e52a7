/* rds-alias-list.h: The answer of ListAliases: a page of aliases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_ALIAS_LIST (rds_alias_list_get_type ())
G_DECLARE_FINAL_TYPE (RdsAliasList, rds_alias_list, RDS, ALIAS_LIST, RdsShape)

G_END_DECLS
