/* rds-sim-rng.h: the simulator's one seeded random generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* xoshiro256**: small, fast, and its whole state fits in a string, so the
 * state file can carry it and a restart goes on with the same numbers. */
typedef struct
{
  guint64 s[4];
} RdsSimRng;

void     rds_sim_rng_init        (RdsSimRng  *rng,
                                  guint64     seed);
guint64  rds_sim_rng_next        (RdsSimRng  *rng);
gint64   rds_sim_rng_range       (RdsSimRng  *rng,
                                  gint64      low,
                                  gint64      high);
char    *rds_sim_rng_string      (RdsSimRng  *rng,
                                  const char *alphabet,
                                  guint       length);
char    *rds_sim_rng_to_string   (const RdsSimRng *rng);
gboolean rds_sim_rng_from_string (RdsSimRng  *rng,
                                  const char *text);
guint64  rds_sim_hash            (guint64     seed,
                                  const char *text);

G_END_DECLS
