/* rds-subnet.c: A subnet of a DB subnet group.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-subnet.h"
#include "rds-availability-zone.h"

struct _RdsSubnet
{
  RdsShape parent_instance;

  char       *subnet_identifier;
  RdsShape   *subnet_availability_zone;
  const char *subnet_status;
};

G_DEFINE_FINAL_TYPE (RdsSubnet, rds_subnet, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsSubnet, subnet_identifier, "subnet-identifier", "SubnetIdentifier",
                    N_("The ID of the subnet")),
  RDS_FIELD_OBJECT (RdsSubnet, subnet_availability_zone, "subnet-availability-zone", "SubnetAvailabilityZone",
                    N_("The Availability Zone of the subnet"), rds_availability_zone_get_type),
  RDS_FIELD_INTERNED (RdsSubnet, subnet_status, "subnet-status", "SubnetStatus",
                      N_("The status of the subnet, normally Active")),
};

static void
rds_subnet_class_init (RdsSubnetClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_subnet_init (RdsSubnet *self)
{
}
