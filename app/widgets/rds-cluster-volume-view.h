/* rds-cluster-volume-view.h: an Aurora cluster's volume drawn: six copies in three zones, the quorums
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-types.h"

G_BEGIN_DECLS

#define RDS_TYPE_CLUSTER_VOLUME_VIEW (rds_cluster_volume_view_get_type ())
G_DECLARE_FINAL_TYPE (RdsClusterVolumeView, rds_cluster_volume_view, RDS, CLUSTER_VOLUME_VIEW, GtkWidget)

GtkWidget *rds_cluster_volume_view_new         (void);
void       rds_cluster_volume_view_set_cluster (RdsClusterVolumeView *self,
                                                RdsSession           *session,
                                                const char           *cluster);
void       rds_cluster_volume_view_refresh     (RdsClusterVolumeView *self);
char      *rds_cluster_volume_view_describe    (RdsClusterVolumeView *self);
gboolean   rds_cluster_volume_view_is_loaded   (RdsClusterVolumeView *self);
gboolean   rds_cluster_volume_view_is_loading  (RdsClusterVolumeView *self);
guint      rds_cluster_volume_view_get_copies_up (RdsClusterVolumeView *self);

G_END_DECLS
