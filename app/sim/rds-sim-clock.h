/* rds-sim-clock.h: the simulator's virtual clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RDS_SIM_CLOCK_MAX_RATE 3600.0

#define RDS_TYPE_SIM_CLOCK (rds_sim_clock_get_type ())
G_DECLARE_FINAL_TYPE (RdsSimClock, rds_sim_clock, RDS, SIM_CLOCK, GObject)

RdsSimClock *rds_sim_clock_new        (gint64       start_usec,
                                       double       rate,
                                       gboolean     paused);
gint64       rds_sim_clock_get_now    (RdsSimClock *self);
void         rds_sim_clock_set_now    (RdsSimClock *self,
                                       gint64       usec);
void         rds_sim_clock_reset      (RdsSimClock *self,
                                       gint64       usec);
double       rds_sim_clock_get_rate   (RdsSimClock *self);
void         rds_sim_clock_set_rate   (RdsSimClock *self,
                                       double       rate);
gboolean     rds_sim_clock_get_paused (RdsSimClock *self);
void         rds_sim_clock_set_paused (RdsSimClock *self,
                                       gboolean     paused);
void         rds_sim_clock_hold       (RdsSimClock *self);
void         rds_sim_clock_release    (RdsSimClock *self);

G_END_DECLS
