/* rds-sim-clock.c: the simulator's virtual clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Simulated time runs at a rate (1x real time up to 3600x) from an anchor:
 * now = anchor + (monotonic time since the anchor) × rate. A paused clock
 * stays where it is and moves only when the engine advances it, which is how
 * tests drive it: no test waits for real time to pass.
 *
 * Simulated time passes only while a simulator serves it: the clock is held
 * (stopped, whatever its rate and pause) while a state loads and once
 * serving ends, so it resumes where it stopped and a restart costs none.
 */

#include "config.h"

#include "rds-sim-clock.h"

struct _RdsSimClock
{
  GObject  parent_instance;

  gint64   anchor_sim;
  gint64   anchor_mono;
  double   rate;
  gboolean paused;
  gboolean held;
};

G_DEFINE_FINAL_TYPE (RdsSimClock, rds_sim_clock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RATE,
  PROP_PAUSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rds_sim_clock_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RdsSimClock *self = RDS_SIM_CLOCK (object);

  switch (prop_id)
    {
    case PROP_RATE:
      g_value_set_double (value, self->rate);
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_sim_clock_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RdsSimClock *self = RDS_SIM_CLOCK (object);

  switch (prop_id)
    {
    case PROP_RATE:
      rds_sim_clock_set_rate (self, g_value_get_double (value));
      break;
    case PROP_PAUSED:
      rds_sim_clock_set_paused (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_sim_clock_class_init (RdsSimClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = rds_sim_clock_get_property;
  object_class->set_property = rds_sim_clock_set_property;

  properties[PROP_RATE] =
    g_param_spec_double ("rate", NULL, NULL, 1.0, RDS_SIM_CLOCK_MAX_RATE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rds_sim_clock_init (RdsSimClock *self)
{
  self->rate = 1.0;
  self->anchor_mono = g_get_monotonic_time ();
}

RdsSimClock *
rds_sim_clock_new (gint64   start_usec,
                   double   rate,
                   gboolean paused)
{
  RdsSimClock *self = g_object_new (RDS_TYPE_SIM_CLOCK, NULL);

  self->anchor_sim = start_usec;
  self->anchor_mono = g_get_monotonic_time ();
  self->rate = CLAMP (rate, 1.0, RDS_SIM_CLOCK_MAX_RATE);
  self->paused = paused;

  return self;
}

gint64
rds_sim_clock_get_now (RdsSimClock *self)
{
  g_return_val_if_fail (RDS_IS_SIM_CLOCK (self), 0);

  if (self->paused || self->held)
    return self->anchor_sim;

  return self->anchor_sim + (gint64) ((g_get_monotonic_time () - self->anchor_mono) * self->rate);
}

/**
 * rds_sim_clock_set_now:
 *
 * Moves the clock to @usec; it never goes back.
 */
void
rds_sim_clock_set_now (RdsSimClock *self,
                       gint64       usec)
{
  g_return_if_fail (RDS_IS_SIM_CLOCK (self));

  if (usec < rds_sim_clock_get_now (self))
    return;

  self->anchor_sim = usec;
  self->anchor_mono = g_get_monotonic_time ();
}

/**
 * rds_sim_clock_reset:
 *
 * Puts the clock at @usec, back or forth: a loaded state keeps its own
 * time, whatever the clock started at.
 */
void
rds_sim_clock_reset (RdsSimClock *self,
                     gint64       usec)
{
  g_return_if_fail (RDS_IS_SIM_CLOCK (self));

  self->anchor_sim = usec;
  self->anchor_mono = g_get_monotonic_time ();
}

double
rds_sim_clock_get_rate (RdsSimClock *self)
{
  g_return_val_if_fail (RDS_IS_SIM_CLOCK (self), 1.0);

  return self->rate;
}

void
rds_sim_clock_set_rate (RdsSimClock *self,
                        double       rate)
{
  g_return_if_fail (RDS_IS_SIM_CLOCK (self));

  rate = CLAMP (rate, 1.0, RDS_SIM_CLOCK_MAX_RATE);
  if (rate == self->rate)
    return;

  /* Re-anchor so the time reached so far is kept. */
  self->anchor_sim = rds_sim_clock_get_now (self);
  self->anchor_mono = g_get_monotonic_time ();
  self->rate = rate;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
}

gboolean
rds_sim_clock_get_paused (RdsSimClock *self)
{
  g_return_val_if_fail (RDS_IS_SIM_CLOCK (self), FALSE);

  return self->paused;
}

void
rds_sim_clock_set_paused (RdsSimClock *self,
                          gboolean     paused)
{
  g_return_if_fail (RDS_IS_SIM_CLOCK (self));

  paused = !!paused;
  if (paused == self->paused)
    return;

  self->anchor_sim = rds_sim_clock_get_now (self);
  self->anchor_mono = g_get_monotonic_time ();
  self->paused = paused;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

/**
 * rds_sim_clock_hold:
 *
 * Stops time, without pausing the clock: while a state loads, and once
 * serving ends. The rate and the pause stay as they are (and are saved).
 */
void
rds_sim_clock_hold (RdsSimClock *self)
{
  g_return_if_fail (RDS_IS_SIM_CLOCK (self));

  if (self->held)
    return;
  self->anchor_sim = rds_sim_clock_get_now (self);
  self->held = TRUE;
}

/**
 * rds_sim_clock_release:
 *
 * Lets time pass again from where it was held (when the clock is not paused).
 */
void
rds_sim_clock_release (RdsSimClock *self)
{
  g_return_if_fail (RDS_IS_SIM_CLOCK (self));

  if (!self->held)
    return;
  self->anchor_mono = g_get_monotonic_time ();
  self->held = FALSE;
}
