/* rds-topology-view.h: a database's deployment drawn: its Region, zones, standby and replicas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "rds-db-instance.h"
#include "rds-types.h"

G_BEGIN_DECLS

#define RDS_TYPE_TOPOLOGY_VIEW (rds_topology_view_get_type ())
G_DECLARE_FINAL_TYPE (RdsTopologyView, rds_topology_view, RDS, TOPOLOGY_VIEW, GtkWidget)

GtkWidget     *rds_topology_view_new          (void);
RdsSession    *rds_topology_view_get_session  (RdsTopologyView *self);
void           rds_topology_view_set_session  (RdsTopologyView *self,
                                               RdsSession      *session);
RdsDbInstance *rds_topology_view_get_instance (RdsTopologyView *self);
void           rds_topology_view_set_instance (RdsTopologyView *self,
                                               RdsDbInstance   *instance);
void           rds_topology_view_refresh      (RdsTopologyView *self);
char          *rds_topology_view_describe     (RdsTopologyView *self);
gboolean       rds_topology_view_is_animating (RdsTopologyView *self);
gboolean       rds_topology_view_is_loading   (RdsTopologyView *self);

/* For benchmarks: the view as the simulator would tell it, without a
 * session. @detail is what /_sim/instance says of the primary, @lags the
 * replicas' lag in seconds (NAN when unknown), by identifier. */
void           rds_topology_view_set_state    (RdsTopologyView *self,
                                               GListModel      *instances,
                                               JsonNode        *detail,
                                               GHashTable      *lags,
                                               const char * const *zones_down);

G_END_DECLS
