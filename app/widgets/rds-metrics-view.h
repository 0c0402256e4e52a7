/* rds-metrics-view.h: a DB instance's CloudWatch metrics and alarms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-chart.h"
#include "rds-types.h"

G_BEGIN_DECLS

/* The time ranges the Monitoring tab offers, as the RDS console does. */
typedef enum
{
  RDS_METRICS_RANGE_1_HOUR,
  RDS_METRICS_RANGE_3_HOURS,
  RDS_METRICS_RANGE_12_HOURS,
  RDS_METRICS_RANGE_1_DAY,
  RDS_METRICS_RANGE_3_DAYS,
  RDS_METRICS_RANGE_1_WEEK,
  RDS_METRICS_RANGE_2_WEEKS,
  RDS_METRICS_RANGE_CUSTOM,
  RDS_METRICS_N_RANGES
} RdsMetricsRange;

#define RDS_TYPE_METRICS_VIEW (rds_metrics_view_get_type ())
G_DECLARE_FINAL_TYPE (RdsMetricsView, rds_metrics_view, RDS, METRICS_VIEW, GtkWidget)

GtkWidget       *rds_metrics_view_new              (void);
void             rds_metrics_view_set_session      (RdsMetricsView  *self,
                                                    RdsSession      *session);
void             rds_metrics_view_set_instance     (RdsMetricsView  *self,
                                                    RdsDbInstance   *instance);
void             rds_metrics_view_set_cluster      (RdsMetricsView  *self,
                                                    RdsDbCluster    *cluster);
RdsMetricsRange  rds_metrics_view_get_range        (RdsMetricsView  *self);
void             rds_metrics_view_set_range        (RdsMetricsView  *self,
                                                    RdsMetricsRange  range);
gboolean         rds_metrics_view_set_custom_range (RdsMetricsView  *self,
                                                    gint64           start,
                                                    gint64           end,
                                                    GError         **error);
void             rds_metrics_view_get_window       (RdsMetricsView  *self,
                                                    gint64          *start,
                                                    gint64          *end,
                                                    int             *period);
RdsChart        *rds_metrics_view_get_chart        (RdsMetricsView  *self,
                                                    const char      *metric);
guint            rds_metrics_view_get_n_charts     (RdsMetricsView  *self);
GListModel      *rds_metrics_view_get_alarms       (RdsMetricsView  *self);
gboolean         rds_metrics_view_is_loading       (RdsMetricsView  *self);
void             rds_metrics_view_refresh          (RdsMetricsView  *self);
const char      *rds_metrics_view_get_range_label  (RdsMetricsRange  range);

G_END_DECLS
