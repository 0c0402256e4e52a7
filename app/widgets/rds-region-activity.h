/* rds-region-activity.h: the Region's recent alarms and its total connections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-chart.h"
#include "rds-types.h"

G_BEGIN_DECLS

#define RDS_TYPE_REGION_ACTIVITY (rds_region_activity_get_type ())
G_DECLARE_FINAL_TYPE (RdsRegionActivity, rds_region_activity, RDS, REGION_ACTIVITY, GtkWidget)

GtkWidget  *rds_region_activity_new         (void);
void        rds_region_activity_set_session (RdsRegionActivity *self,
                                             RdsSession        *session);
RdsChart   *rds_region_activity_get_chart   (RdsRegionActivity *self);
GListModel *rds_region_activity_get_alarms  (RdsRegionActivity *self);
gboolean    rds_region_activity_is_loading  (RdsRegionActivity *self);
void        rds_region_activity_refresh     (RdsRegionActivity *self);

G_END_DECLS
