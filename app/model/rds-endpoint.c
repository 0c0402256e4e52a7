/* rds-endpoint.c: The DNS address and port clients connect to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-endpoint.h"

struct _RdsEndpoint
{
  RdsShape parent_instance;

  char *address;
  int  port;
  char *hosted_zone_id;
};

G_DEFINE_FINAL_TYPE (RdsEndpoint, rds_endpoint, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsEndpoint, address, "address", "Address",
                    N_("The DNS name of the endpoint")),
  RDS_FIELD_INT (RdsEndpoint, port, "port", "Port",
                 N_("The port the database engine listens on"), 0, G_MAXINT),
  RDS_FIELD_STRING (RdsEndpoint, hosted_zone_id, "hosted-zone-id", "HostedZoneId",
                    N_("The Route 53 hosted zone of the endpoint")),
};

static void
rds_endpoint_class_init (RdsEndpointClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_endpoint_init (RdsEndpoint *self)
{
}
