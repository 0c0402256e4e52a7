/* rds-clock-control.h: the simulator's clock, in the header bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-types.h"

G_BEGIN_DECLS

#define RDS_TYPE_CLOCK_CONTROL (rds_clock_control_get_type ())
G_DECLARE_FINAL_TYPE (RdsClockControl, rds_clock_control, RDS, CLOCK_CONTROL, GtkWidget)

RdsSession *rds_clock_control_get_session   (RdsClockControl *self);
void        rds_clock_control_set_session   (RdsClockControl *self,
                                             RdsSession      *session);
const char *rds_clock_control_get_rate      (RdsClockControl *self);
void        rds_clock_control_set_rate      (RdsClockControl *self,
                                             const char      *rate);
void        rds_clock_control_toggle_paused (RdsClockControl *self);
void        rds_clock_control_advance       (RdsClockControl *self,
                                             int              seconds);

G_END_DECLS
