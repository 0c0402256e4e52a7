/* rds-additional-configuration-section.h: database options, backups, encryption, logs and maintenance, a section of the database forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-form-section.h"

G_BEGIN_DECLS

#define RDS_TYPE_ADDITIONAL_CONFIGURATION_SECTION (rds_additional_configuration_section_get_type ())
G_DECLARE_FINAL_TYPE (RdsAdditionalConfigurationSection, rds_additional_configuration_section, RDS, ADDITIONAL_CONFIGURATION_SECTION, RdsFormSection)

void rds_additional_configuration_section_set_family             (RdsAdditionalConfigurationSection *self,
                                                                   const char                        *family);
void rds_additional_configuration_section_set_deletion_protection (RdsAdditionalConfigurationSection *self,
                                                                   gboolean                           protect);

G_END_DECLS
