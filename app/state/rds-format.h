/* rds-format.h: how the console writes the model's values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small pure functions, also called from templates' <closure>s: their
 * first argument is the closure's object and is ignored.
 */

#pragma once

#include <glib-object.h>

#include "rds-metrics.h"
#include "rds-shape.h"
#include "rds-types.h"

G_BEGIN_DECLS

typedef enum
{
  RDS_STATUS_KIND_NEUTRAL,   /* stopped: not running, nothing wrong */
  RDS_STATUS_KIND_SUCCESS,   /* available */
  RDS_STATUS_KIND_PROGRESS,  /* a transition: creating, modifying, … */
  RDS_STATUS_KIND_WARNING,   /* usable but degraded */
  RDS_STATUS_KIND_ERROR,     /* failed, storage-full, … */
} RdsStatusKind;

RdsStatusKind  rds_status_get_kind       (const char    *status);
const char    *rds_status_get_css_class  (const char    *status);
gboolean       rds_status_is_transition  (const char    *status);

char          *rds_format_status         (gpointer       unused,
                                          const char    *status);
char          *rds_format_role           (gpointer       unused,
                                          RdsDbInstance *instance);
char          *rds_format_engine         (gpointer       unused,
                                          const char    *engine);
char          *rds_format_engine_version (gpointer       unused,
                                          const char    *engine,
                                          const char    *version);
char          *rds_format_yes_no         (gpointer       unused,
                                          gboolean       value);
char          *rds_format_enabled        (gpointer       unused,
                                          gboolean       value);
char          *rds_format_gib            (gpointer       unused,
                                          int            gib);
char          *rds_format_storage_type   (gpointer       unused,
                                          const char    *storage_type);
char          *rds_format_zone           (gpointer       unused,
                                          const char    *zone);
char          *rds_format_time           (gpointer       unused,
                                          gint64         usec);
char          *rds_format_restore_time   (gpointer       unused,
                                          GDateTime     *time);
char          *rds_format_time_short     (gpointer       unused,
                                          gint64         usec);
char          *rds_format_or_dash        (gpointer       unused,
                                          const char    *text);
char          *rds_format_usd            (double         usd);
char          *rds_format_pending        (RdsShape      *pending);
char          *rds_format_percent        (gpointer       unused,
                                          int            percent);
char          *rds_format_retention      (gpointer       unused,
                                          int            days);
char          *rds_format_source_type    (gpointer       unused,
                                          const char    *source_type);
char          *rds_format_snapshot_type  (gpointer       unused,
                                          const char    *snapshot_type);
char          *rds_format_class          (gpointer       unused,
                                          const char    *instance_class);
const char    *rds_format_region_name    (const char    *region);
char          *rds_format_date_time      (gpointer       unused,
                                          GDateTime     *time);
gint64         rds_date_time_to_usec     (gpointer       unused,
                                          GDateTime     *time);

const char    *rds_format_alarm_state    (const char    *state);
const char    *rds_alarm_state_get_css_class (const char  *state);

/* How a chart writes a metric's values: one unit for a range of them. */
typedef struct
{
  double      divisor;   /* what is shown is the value divided by this */
  const char *unit;      /* translated: "%", "MiB", "ms"; "" for counts */
  int         decimals;
} RdsMetricScale;

void           rds_metric_scale_for       (RdsMetricDisplay      display,
                                           double                largest,
                                           RdsMetricScale       *scale);
char          *rds_metric_scale_format    (const RdsMetricScale *scale,
                                           double                value);
char          *rds_format_metric_value    (RdsMetricDisplay      display,
                                           double                value);
double         rds_metric_nice_step       (double                range,
                                           int                   ticks);
gint64         rds_time_nice_step         (gint64                range_usec,
                                           int                   ticks);
char          *rds_format_axis_time       (gint64                usec,
                                           gint64                step_usec);

G_END_DECLS
