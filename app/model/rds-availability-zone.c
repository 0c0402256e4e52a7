/* rds-availability-zone.c: An Availability Zone, by name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-availability-zone.h"

struct _RdsAvailabilityZone
{
  RdsShape parent_instance;

  const char *name;
};

G_DEFINE_FINAL_TYPE (RdsAvailabilityZone, rds_availability_zone, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_INTERNED (RdsAvailabilityZone, name, "name", "Name",
                      N_("The name of the Availability Zone")),
};

static void
rds_availability_zone_class_init (RdsAvailabilityZoneClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_availability_zone_init (RdsAvailabilityZone *self)
{
}
