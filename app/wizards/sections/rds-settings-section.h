/* rds-settings-section.h: the identifier and the master credentials, a section of the database forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-form-section.h"

G_BEGIN_DECLS

#define RDS_TYPE_SETTINGS_SECTION (rds_settings_section_get_type ())
G_DECLARE_FINAL_TYPE (RdsSettingsSection, rds_settings_section, RDS, SETTINGS_SECTION, RdsFormSection)

const char *rds_settings_section_get_identifier         (RdsSettingsSection *self);
gboolean    rds_settings_section_get_password_generated (RdsSettingsSection *self);
char       *rds_settings_section_take_password          (RdsSettingsSection *self);

G_END_DECLS
