/* rds-master-user-secret.h: The Secrets Manager secret that holds the master password.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_MASTER_USER_SECRET (rds_master_user_secret_get_type ())
G_DECLARE_FINAL_TYPE (RdsMasterUserSecret, rds_master_user_secret, RDS, MASTER_USER_SECRET, RdsShape)

G_END_DECLS
