/* rds-cluster-page.h: an Aurora DB cluster's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-db-cluster.h"
#include "rds-page.h"

G_BEGIN_DECLS

#define RDS_TYPE_CLUSTER_PAGE (rds_cluster_page_get_type ())
G_DECLARE_FINAL_TYPE (RdsClusterPage, rds_cluster_page, RDS, CLUSTER_PAGE, RdsPage)

const char         *rds_cluster_page_get_identifier (RdsClusterPage *self);
guint               rds_cluster_page_get_copies_up  (RdsClusterPage *self);
void                rds_cluster_page_set_identifier (RdsClusterPage *self,
                                                     const char     *identifier);
RdsDbCluster       *rds_cluster_page_get_cluster    (RdsClusterPage *self);
const char         *rds_cluster_page_get_writer     (RdsClusterPage *self);
const char * const *rds_cluster_page_get_members    (RdsClusterPage *self);
GListModel         *rds_cluster_page_get_instances  (RdsClusterPage *self);
GListModel         *rds_cluster_page_get_endpoints  (RdsClusterPage *self);
GListModel         *rds_cluster_page_get_snapshots  (RdsClusterPage *self);
void                rds_cluster_page_show_tab       (RdsClusterPage *self,
                                                     const char     *tab);

G_END_DECLS
