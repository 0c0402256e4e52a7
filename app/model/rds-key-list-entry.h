/* rds-key-list-entry.h: A KMS key in a list of keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_KEY_LIST_ENTRY (rds_key_list_entry_get_type ())
G_DECLARE_FINAL_TYPE (RdsKeyListEntry, rds_key_list_entry, RDS, KEY_LIST_ENTRY, RdsShape)

G_END_DECLS
