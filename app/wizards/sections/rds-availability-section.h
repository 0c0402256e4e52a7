/* rds-availability-section.h: Multi-AZ or Single-AZ, a section of the database forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-form-section.h"

G_BEGIN_DECLS

#define RDS_TYPE_AVAILABILITY_SECTION (rds_availability_section_get_type ())
G_DECLARE_FINAL_TYPE (RdsAvailabilitySection, rds_availability_section, RDS, AVAILABILITY_SECTION, RdsFormSection)

gboolean rds_availability_section_get_multi_az (RdsAvailabilitySection *self);
void     rds_availability_section_set_multi_az (RdsAvailabilitySection *self,
                                                gboolean                multi_az,
                                                gboolean                possible);

G_END_DECLS
