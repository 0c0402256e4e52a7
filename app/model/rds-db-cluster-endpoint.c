/* rds-db-cluster-endpoint.c: an Aurora cluster's endpoint: writer, reader or custom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DescribeDBClusterEndpoints lists the cluster's own two (WRITER and
 * READER, which can't be changed) and its custom ones. A custom endpoint
 * reaches either the instances of its static list, or every eligible
 * instance but those of its exclusion list, new ones included.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-db-cluster-endpoint.h"

struct _RdsDbClusterEndpoint
{
  RdsShape parent_instance;

  char       *db_cluster_endpoint_identifier;
  char       *db_cluster_identifier;
  char       *db_cluster_endpoint_resource_identifier;
  char       *endpoint;
  const char *status;
  const char *endpoint_type;
  const char *custom_endpoint_type;
  char      **static_members;
  char      **excluded_members;
  char       *db_cluster_endpoint_arn;
};

G_DEFINE_FINAL_TYPE (RdsDbClusterEndpoint, rds_db_cluster_endpoint, RDS_TYPE_SHAPE)

#define T RdsDbClusterEndpoint
static const RdsField fields[] = {
  RDS_FIELD_STRING (T, db_cluster_endpoint_identifier, "db-cluster-endpoint-identifier",
                    "DBClusterEndpointIdentifier", N_("The name of the endpoint")),
  RDS_FIELD_STRING (T, db_cluster_identifier, "db-cluster-identifier", "DBClusterIdentifier",
                    N_("The cluster the endpoint belongs to")),
  RDS_FIELD_STRING (T, db_cluster_endpoint_resource_identifier, "db-cluster-endpoint-resource-identifier",
                    "DBClusterEndpointResourceIdentifier",
                    N_("The endpoint's identifier that never changes")),
  RDS_FIELD_STRING (T, endpoint, "endpoint", "Endpoint",
                    N_("The DNS name applications connect to")),
  RDS_FIELD_INTERNED (T, status, "status", "Status",
                      N_("creating, available, modifying, deleting or inactive")),
  RDS_FIELD_INTERNED (T, endpoint_type, "endpoint-type", "EndpointType",
                      N_("WRITER, READER or CUSTOM")),
  RDS_FIELD_INTERNED (T, custom_endpoint_type, "custom-endpoint-type", "CustomEndpointType",
                      N_("Which instances a custom endpoint reaches: READER or ANY")),
  RDS_FIELD_STRV (T, static_members, "static-members", "StaticMembers",
                  N_("The instances a custom endpoint reaches, when it lists them"), "member"),
  RDS_FIELD_STRV (T, excluded_members, "excluded-members", "ExcludedMembers",
                  N_("The instances a custom endpoint leaves out; it reaches all the others, new "
                     "ones too"), "member"),
  RDS_FIELD_STRING (T, db_cluster_endpoint_arn, "db-cluster-endpoint-arn", "DBClusterEndpointArn",
                    N_("The Amazon Resource Name of the endpoint")),
};
#undef T

static void
rds_db_cluster_endpoint_class_init (RdsDbClusterEndpointClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_db_cluster_endpoint_init (RdsDbClusterEndpoint *self)
{
}

const char *
rds_db_cluster_endpoint_get_identifier (RdsDbClusterEndpoint *self)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER_ENDPOINT (self), NULL);

  return self->db_cluster_endpoint_identifier;
}

const char *
rds_db_cluster_endpoint_get_cluster_identifier (RdsDbClusterEndpoint *self)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER_ENDPOINT (self), NULL);

  return self->db_cluster_identifier;
}

const char *
rds_db_cluster_endpoint_get_status (RdsDbClusterEndpoint *self)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER_ENDPOINT (self), NULL);

  return self->status;
}

const char *
rds_db_cluster_endpoint_get_endpoint_type (RdsDbClusterEndpoint *self)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER_ENDPOINT (self), NULL);

  return self->endpoint_type;
}

const char *
rds_db_cluster_endpoint_get_custom_type (RdsDbClusterEndpoint *self)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER_ENDPOINT (self), NULL);

  return self->custom_endpoint_type;
}

const char *
rds_db_cluster_endpoint_get_address (RdsDbClusterEndpoint *self)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER_ENDPOINT (self), NULL);

  return self->endpoint;
}

const char * const *
rds_db_cluster_endpoint_get_static_members (RdsDbClusterEndpoint *self)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER_ENDPOINT (self), NULL);

  return (const char * const *) self->static_members;
}

const char * const *
rds_db_cluster_endpoint_get_excluded_members (RdsDbClusterEndpoint *self)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER_ENDPOINT (self), NULL);

  return (const char * const *) self->excluded_members;
}

/**
 * rds_db_cluster_endpoint_reaches:
 * @instance: a DB instance of the endpoint's cluster
 * @writer: whether @instance is the cluster's writer
 *
 * Whether the endpoint sends connections to @instance, as Aurora decides:
 * the cluster endpoint to the writer, the reader endpoint to the readers
 * (to the writer too when there are none, which the caller knows); a
 * custom endpoint to the instances of its static list, or to all but
 * those of its exclusion list, new ones included; never a READER one to
 * the writer.
 */
gboolean
rds_db_cluster_endpoint_reaches (RdsDbClusterEndpoint *self,
                                 const char           *instance,
                                 gboolean              writer)
{
  g_return_val_if_fail (RDS_IS_DB_CLUSTER_ENDPOINT (self), FALSE);
  g_return_val_if_fail (instance != NULL, FALSE);

  if (g_strcmp0 (self->endpoint_type, "WRITER") == 0)
    return writer;
  if (g_strcmp0 (self->endpoint_type, "READER") == 0)
    return !writer;

  if (writer && g_strcmp0 (self->custom_endpoint_type, "READER") == 0)
    return FALSE;
  if (self->static_members != NULL && self->static_members[0] != NULL)
    return g_strv_contains ((const char * const *) self->static_members, instance);
  return self->excluded_members == NULL || !g_strv_contains ((const char * const *) self->excluded_members, instance);
}
