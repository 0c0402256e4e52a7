/* rds-convert-multi-az-wizard.h: convert a Single-AZ DB instance to Multi-AZ, and watch it happen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rds-db-instance.h"
#include "rds-types.h"

G_BEGIN_DECLS

#define RDS_TYPE_CONVERT_MULTI_AZ_WIZARD (rds_convert_multi_az_wizard_get_type ())
G_DECLARE_FINAL_TYPE (RdsConvertMultiAzWizard, rds_convert_multi_az_wizard, RDS, CONVERT_MULTI_AZ_WIZARD, AdwWindow)

GtkWindow  *rds_convert_multi_az_wizard_new               (RdsSession              *session,
                                                           RdsDbInstance           *instance);
int         rds_convert_multi_az_wizard_get_step          (RdsConvertMultiAzWizard *self);
const char *rds_convert_multi_az_wizard_get_progress_text (RdsConvertMultiAzWizard *self);

G_END_DECLS
