/* rds-chart.h: a metric over time, drawn with GtkSnapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-metrics.h"

G_BEGIN_DECLS

/* What happened to the resource at a time: shown on the time axis. */
typedef enum
{
  RDS_CHART_MARKER_REBOOT,
  RDS_CHART_MARKER_FAILOVER,
  RDS_CHART_MARKER_MODIFICATION,
  RDS_CHART_MARKER_STORAGE,
  RDS_CHART_MARKER_OTHER,
} RdsChartMarkerKind;

#define RDS_TYPE_CHART (rds_chart_get_type ())
G_DECLARE_FINAL_TYPE (RdsChart, rds_chart, RDS, CHART, GtkWidget)

GtkWidget        *rds_chart_new            (void);
const char       *rds_chart_get_title      (RdsChart           *self);
void              rds_chart_set_title      (RdsChart           *self,
                                            const char         *title);
RdsMetricDisplay  rds_chart_get_display    (RdsChart           *self);
void              rds_chart_set_display    (RdsChart           *self,
                                            RdsMetricDisplay    display);
void              rds_chart_set_range      (RdsChart           *self,
                                            gint64              start,
                                            gint64              end);
void              rds_chart_set_data       (RdsChart           *self,
                                            GArray             *timestamps,
                                            GArray             *values,
                                            int                 period);
guint             rds_chart_get_n_points   (RdsChart           *self);
gboolean          rds_chart_get_point      (RdsChart           *self,
                                            guint               index,
                                            gint64             *time,
                                            double             *value);
void              rds_chart_set_threshold  (RdsChart           *self,
                                            double              threshold);
double            rds_chart_get_threshold  (RdsChart           *self);
void              rds_chart_clear_markers  (RdsChart           *self);
void              rds_chart_add_marker     (RdsChart           *self,
                                            gint64              time,
                                            RdsChartMarkerKind  kind,
                                            const char         *label);
guint             rds_chart_get_n_markers  (RdsChart           *self);
void              rds_chart_set_empty_text (RdsChart           *self,
                                            const char         *text);
int               rds_chart_get_selected   (RdsChart           *self);
void              rds_chart_select         (RdsChart           *self,
                                            int                 index);
char             *rds_chart_describe       (RdsChart           *self);

G_END_DECLS
