/* rds-alias-list-entry.h: A KMS alias: a name for a key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_ALIAS_LIST_ENTRY (rds_alias_list_entry_get_type ())
G_DECLARE_FINAL_TYPE (RdsAliasListEntry, rds_alias_list_entry, RDS, ALIAS_LIST_ENTRY, RdsShape)

G_END_DECLS
