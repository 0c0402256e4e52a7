/* rds-sim-rng.c: the simulator's one seeded random generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rds-sim-rng.h"

#include <stdio.h>
#include <string.h>

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

void
rds_sim_rng_init (RdsSimRng *rng,
                  guint64    seed)
{
  guint64 state = seed;

  g_return_if_fail (rng != NULL);

  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&state);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

guint64
rds_sim_rng_next (RdsSimRng *rng)
{
  guint64 result = rotl (rng->s[1] * 5, 7) * 9;
  guint64 t = rng->s[1] << 17;

  rng->s[2] ^= rng->s[0];
  rng->s[3] ^= rng->s[1];
  rng->s[1] ^= rng->s[2];
  rng->s[0] ^= rng->s[3];
  rng->s[2] ^= t;
  rng->s[3] = rotl (rng->s[3], 45);

  return result;
}

/**
 * rds_sim_rng_range:
 *
 * Returns: a uniformly drawn number in [@low, @high]
 */
gint64
rds_sim_rng_range (RdsSimRng *rng,
                   gint64     low,
                   gint64     high)
{
  guint64 span;
  guint64 limit;
  guint64 value;

  g_return_val_if_fail (low <= high, low);

  span = (guint64) (high - low) + 1;
  if (span == 0)
    return (gint64) rds_sim_rng_next (rng);

  /* Rejection sampling keeps it unbiased. */
  limit = G_MAXUINT64 - G_MAXUINT64 % span;
  do
    value = rds_sim_rng_next (rng);
  while (value >= limit);

  return low + (gint64) (value % span);
}

char *
rds_sim_rng_string (RdsSimRng  *rng,
                    const char *alphabet,
                    guint       length)
{
  gsize n = strlen (alphabet);
  char *out = g_malloc (length + 1);

  for (guint i = 0; i < length; i++)
    out[i] = alphabet[rds_sim_rng_range (rng, 0, (gint64) n - 1)];
  out[length] = '\0';

  return out;
}

char *
rds_sim_rng_to_string (const RdsSimRng *rng)
{
  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x%016" G_GINT64_MODIFIER "x"
                          "%016" G_GINT64_MODIFIER "x%016" G_GINT64_MODIFIER "x",
                          rng->s[0], rng->s[1], rng->s[2], rng->s[3]);
}

gboolean
rds_sim_rng_from_string (RdsSimRng  *rng,
                         const char *text)
{
  RdsSimRng parsed;

  if (text == NULL || strlen (text) != 64)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      char chunk[17];
      char *end = NULL;

      memcpy (chunk, text + i * 16, 16);
      chunk[16] = '\0';
      for (guint j = 0; j < 16; j++)
        if (!g_ascii_isxdigit (chunk[j]))
          return FALSE;
      parsed.s[i] = g_ascii_strtoull (chunk, &end, 16);
    }

  if ((parsed.s[0] | parsed.s[1] | parsed.s[2] | parsed.s[3]) == 0)
    return FALSE;

  *rng = parsed;
  return TRUE;
}

/**
 * rds_sim_hash:
 *
 * Returns: a number that depends only on @seed and @text, for values that
 *   must not depend on the order of requests (a Region's VPC ID, say)
 */
guint64
rds_sim_hash (guint64     seed,
              const char *text)
{
  guint64 state = seed ^ G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    state = (state ^ *p) * G_GUINT64_CONSTANT (0x100000001b3);

  return splitmix64 (&state);
}
