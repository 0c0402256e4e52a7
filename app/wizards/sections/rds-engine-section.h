/* rds-engine-section.h: the engine, its edition, license and version, a section of the database forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-form-section.h"

G_BEGIN_DECLS

#define RDS_TYPE_ENGINE_SECTION (rds_engine_section_get_type ())
G_DECLARE_FINAL_TYPE (RdsEngineSection, rds_engine_section, RDS, ENGINE_SECTION, RdsFormSection)

const char          *rds_engine_section_get_version  (RdsEngineSection *self);
const char          *rds_engine_section_get_license  (RdsEngineSection *self);
const char          *rds_engine_section_get_family   (RdsEngineSection *self);
const RdsEngineInfo *rds_engine_section_get_chosen   (RdsEngineSection *self);
void                 rds_engine_section_choose       (RdsEngineSection *self,
                                                      const char       *engine);

G_END_DECLS
