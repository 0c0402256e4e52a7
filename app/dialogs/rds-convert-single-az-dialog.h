/* rds-convert-single-az-dialog.h: convert a Multi-AZ DB instance back to Single-AZ
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-action-dialog.h"
#include "rds-db-instance.h"

G_BEGIN_DECLS

#define RDS_TYPE_CONVERT_SINGLE_AZ_DIALOG (rds_convert_single_az_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdsConvertSingleAzDialog, rds_convert_single_az_dialog, RDS, CONVERT_SINGLE_AZ_DIALOG, RdsActionDialog)

RdsActionDialog *rds_convert_single_az_dialog_new (RdsSession    *session,
                                                   RdsDbInstance *instance);

G_END_DECLS
