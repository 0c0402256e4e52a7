/* rds-db-cluster-endpoint.h: an Aurora cluster's endpoint: writer, reader or custom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_DB_CLUSTER_ENDPOINT (rds_db_cluster_endpoint_get_type ())
G_DECLARE_FINAL_TYPE (RdsDbClusterEndpoint, rds_db_cluster_endpoint, RDS, DB_CLUSTER_ENDPOINT, RdsShape)

const char *rds_db_cluster_endpoint_get_identifier         (RdsDbClusterEndpoint *self);
const char *rds_db_cluster_endpoint_get_cluster_identifier (RdsDbClusterEndpoint *self);
const char *rds_db_cluster_endpoint_get_status             (RdsDbClusterEndpoint *self);
const char *rds_db_cluster_endpoint_get_endpoint_type      (RdsDbClusterEndpoint *self);
const char *rds_db_cluster_endpoint_get_custom_type        (RdsDbClusterEndpoint *self);
const char *rds_db_cluster_endpoint_get_address            (RdsDbClusterEndpoint *self);
const char * const *rds_db_cluster_endpoint_get_static_members   (RdsDbClusterEndpoint *self);
const char * const *rds_db_cluster_endpoint_get_excluded_members (RdsDbClusterEndpoint *self);
gboolean    rds_db_cluster_endpoint_reaches                 (RdsDbClusterEndpoint *self,
                                                             const char           *instance,
                                                             gboolean              writer);

G_END_DECLS
