/* rds-restore-timeline.h: a DB instance's restorable window, and the time chosen in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RDS_TYPE_RESTORE_TIMELINE (rds_restore_timeline_get_type ())
G_DECLARE_FINAL_TYPE (RdsRestoreTimeline, rds_restore_timeline, RDS, RESTORE_TIMELINE, GtkWidget)

GtkWidget *rds_restore_timeline_new          (void);
void       rds_restore_timeline_set_window   (RdsRestoreTimeline *self,
                                              gint64              earliest,
                                              gint64              latest);
gint64     rds_restore_timeline_get_earliest (RdsRestoreTimeline *self);
gint64     rds_restore_timeline_get_latest   (RdsRestoreTimeline *self);
gint64     rds_restore_timeline_get_chosen   (RdsRestoreTimeline *self);
void       rds_restore_timeline_set_chosen   (RdsRestoreTimeline *self,
                                              gint64              chosen);
char      *rds_restore_timeline_describe     (RdsRestoreTimeline *self);

G_END_DECLS
