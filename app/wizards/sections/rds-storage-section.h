/* rds-storage-section.h: storage type, size, IOPS, throughput and autoscaling, a section of the database forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-form-section.h"

G_BEGIN_DECLS

#define RDS_TYPE_STORAGE_SECTION (rds_storage_section_get_type ())
G_DECLARE_FINAL_TYPE (RdsStorageSection, rds_storage_section, RDS, STORAGE_SECTION, RdsFormSection)

/* The storage a form asks for. */
typedef struct
{
  const char *storage_type;
  int         allocated;
  int         iops;
  int         throughput;
  int         max_allocated;    /* 0: autoscaling off */
} RdsStorageChoice;

void rds_storage_section_get_choice      (RdsStorageSection *self,
                                          RdsStorageChoice  *choice);
void rds_storage_section_choose          (RdsStorageSection *self,
                                          const char        *storage_type,
                                          int                allocated,
                                          int                iops,
                                          int                max_allocated);
void rds_storage_section_set_offer       (RdsStorageSection *self,
                                          GListModel        *orderable,
                                          const char        *instance_class,
                                          const char        *license);

const char *rds_storage_section_get_aurora_storage_type (RdsStorageSection *self);

G_END_DECLS
