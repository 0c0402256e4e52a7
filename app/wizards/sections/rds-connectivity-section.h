/* rds-connectivity-section.h: network, access, certificate and port, a section of the database forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-form-section.h"

G_BEGIN_DECLS

#define RDS_TYPE_CONNECTIVITY_SECTION (rds_connectivity_section_get_type ())
G_DECLARE_FINAL_TYPE (RdsConnectivitySection, rds_connectivity_section, RDS, CONNECTIVITY_SECTION, RdsFormSection)

void        rds_connectivity_section_set_multi_az   (RdsConnectivitySection *self,
                                                     gboolean                multi_az);
const char *rds_connectivity_section_get_account_id (RdsConnectivitySection *self);

G_END_DECLS
