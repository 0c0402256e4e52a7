/* rds-account-quota.h: a quota of the account in a Region, and its use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_ACCOUNT_QUOTA (rds_account_quota_get_type ())
G_DECLARE_FINAL_TYPE (RdsAccountQuota, rds_account_quota, RDS, ACCOUNT_QUOTA, RdsShape)

RdsAccountQuota *rds_account_quota_new (const char *name,
                                        gint64      used,
                                        gint64      max);

G_END_DECLS
