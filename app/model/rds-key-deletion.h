/* rds-key-deletion.h: The answer of ScheduleKeyDeletion and CancelKeyDeletion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_KEY_DELETION (rds_key_deletion_get_type ())
G_DECLARE_FINAL_TYPE (RdsKeyDeletion, rds_key_deletion, RDS, KEY_DELETION, RdsShape)

G_END_DECLS
