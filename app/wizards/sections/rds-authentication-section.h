/* rds-authentication-section.h: password or IAM database authentication, a section of the database forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-form-section.h"

G_BEGIN_DECLS

#define RDS_TYPE_AUTHENTICATION_SECTION (rds_authentication_section_get_type ())
G_DECLARE_FINAL_TYPE (RdsAuthenticationSection, rds_authentication_section, RDS, AUTHENTICATION_SECTION, RdsFormSection)


G_END_DECLS
