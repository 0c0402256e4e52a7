/* rds-db-subnet-group.c: A DB subnet group: the subnets, in two or more Availability Zones, an instance may use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-db-subnet-group.h"
#include "rds-subnet.h"

struct _RdsDbSubnetGroup
{
  RdsShape parent_instance;

  char       *db_subnet_group_name;
  char       *db_subnet_group_description;
  char       *vpc_id;
  const char *subnet_group_status;
  GListStore *subnets;
  char       *db_subnet_group_arn;
  char       **supported_network_types;
};

G_DEFINE_FINAL_TYPE (RdsDbSubnetGroup, rds_db_subnet_group, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsDbSubnetGroup, db_subnet_group_name, "db-subnet-group-name", "DBSubnetGroupName",
                    N_("The name of the DB subnet group")),
  RDS_FIELD_STRING (RdsDbSubnetGroup, db_subnet_group_description, "db-subnet-group-description", "DBSubnetGroupDescription",
                    N_("What the group is for")),
  RDS_FIELD_STRING (RdsDbSubnetGroup, vpc_id, "vpc-id", "VpcId",
                    N_("The VPC of the subnets")),
  RDS_FIELD_INTERNED (RdsDbSubnetGroup, subnet_group_status, "subnet-group-status", "SubnetGroupStatus",
                      N_("The status of the group, normally Complete")),
  RDS_FIELD_LIST (RdsDbSubnetGroup, subnets, "subnets", "Subnets",
                  N_("The subnets of the group"), rds_subnet_get_type, "Subnet"),
  RDS_FIELD_STRING (RdsDbSubnetGroup, db_subnet_group_arn, "db-subnet-group-arn", "DBSubnetGroupArn",
                    N_("The Amazon Resource Name of the group")),
  RDS_FIELD_STRV (RdsDbSubnetGroup, supported_network_types, "supported-network-types", "SupportedNetworkTypes",
                  N_("IPV4, DUAL or both"), "member"),
};

static void
rds_db_subnet_group_class_init (RdsDbSubnetGroupClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_db_subnet_group_init (RdsDbSubnetGroup *self)
{
}
