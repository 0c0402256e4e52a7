/* rds-endpoint.h: The DNS address and port clients connect to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_ENDPOINT (rds_endpoint_get_type ())
G_DECLARE_FINAL_TYPE (RdsEndpoint, rds_endpoint, RDS, ENDPOINT, RdsShape)

G_END_DECLS
