/* rds-instance-class-section.h: the family and the DB instance class, a section of the database forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-form-section.h"

G_BEGIN_DECLS

#define RDS_TYPE_INSTANCE_CLASS_SECTION (rds_instance_class_section_get_type ())
G_DECLARE_FINAL_TYPE (RdsInstanceClassSection, rds_instance_class_section, RDS, INSTANCE_CLASS_SECTION, RdsFormSection)

const char *rds_instance_class_section_get_class (RdsInstanceClassSection *self);
void        rds_instance_class_section_choose    (RdsInstanceClassSection *self,
                                                  const char              *instance_class);
void        rds_instance_class_section_set_offer (RdsInstanceClassSection *self,
                                                  GListModel              *orderable,
                                                  const char              *license,
                                                  const GError            *error);
gboolean    rds_instance_class_section_get_capacity (RdsInstanceClassSection *self,
                                                     double                  *min_acu,
                                                     double                  *max_acu);

G_END_DECLS
