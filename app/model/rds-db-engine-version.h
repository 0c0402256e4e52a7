/* rds-db-engine-version.h: an engine version, as DescribeDBEngineVersions returns it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_DB_ENGINE_VERSION (rds_db_engine_version_get_type ())
G_DECLARE_FINAL_TYPE (RdsDbEngineVersion, rds_db_engine_version, RDS, DB_ENGINE_VERSION, RdsShape)

G_END_DECLS
