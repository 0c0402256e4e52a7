/* rds-monitoring-section.h: Performance Insights and Enhanced Monitoring, a section of the database forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-form-section.h"

G_BEGIN_DECLS

#define RDS_TYPE_MONITORING_SECTION (rds_monitoring_section_get_type ())
G_DECLARE_FINAL_TYPE (RdsMonitoringSection, rds_monitoring_section, RDS, MONITORING_SECTION, RdsFormSection)

void rds_monitoring_section_set_account_id (RdsMonitoringSection *self,
                                           const char           *account_id);

G_END_DECLS
