/* rds-key-metadata.h: A KMS key: its identity, state and use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_KEY_METADATA (rds_key_metadata_get_type ())
G_DECLARE_FINAL_TYPE (RdsKeyMetadata, rds_key_metadata, RDS, KEY_METADATA, RdsShape)

G_END_DECLS
