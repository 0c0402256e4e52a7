/* rds-sim-workload.c: what a simulated database is asked to do, and the
 * metrics that follow from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An instance's history is a list of segments, one per change (created,
 * rebooted, stopped, resized, its profile changed); within a segment the
 * load is a function of time alone: a daily and weekly shape, seeded
 * bursts, and a little seeded noise per minute and metric. Every metric
 * is computed from the load and the segment when someone asks, so a
 * year of minutes costs nothing until it is read, and the same seed gives
 * the same curves on every run.
 *
 * The data on disk grows linearly within a segment at the profile's rate,
 * so the time free space crosses a line is known exactly: storage
 * autoscaling and storage-full are timers set from this same curve.
 */

#include "config.h"

#include "rds-sim-workload.h"

#include <math.h>
#include <string.h>

#define MINUTE_USEC (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)
#define HOUR_USEC (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)
#define DAY_USEC (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)
#define GIB 1073741824.0
#define KIB 1024.0

/* At a load of 1 (a busy afternoon), on an instance of 2 vCPUs. */
typedef struct
{
  const char *name;
  double cpu;           /* percent */
  double connections;
  double read_iops;
  double write_iops;
  double receive;       /* bytes per second */
  double transmit;
  double growth;        /* GiB per hour */
  double night;         /* the load at 4 in the morning, against the afternoon's 1 */
  double weekend;
  double burst_chance;  /* that an hour has a burst */
  double burst_size;    /* added to the load at its peak */
  double nightly_job;   /* added from 02:00 to 03:00 UTC */
} Profile;

static const Profile profiles[RDS_SIM_N_PROFILES] = {
  [RDS_SIM_PROFILE_IDLE] = { "idle", 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0002, 1.0, 1.0, 0.0, 0.0, 0.0 },
  [RDS_SIM_PROFILE_OLTP] = { "steady-oltp", 30.0, 40.0, 150.0, 90.0, 400e3, 1.2e6, 0.02,
                             0.25, 0.6, 0.10, 0.6, 0.0 },
  [RDS_SIM_PROFILE_REPORTING] = { "read-heavy-reporting", 45.0, 12.0, 900.0, 20.0, 60e3, 4e6, 0.008,
                                  0.12, 0.35, 0.15, 0.8, 0.0 },
  [RDS_SIM_PROFILE_BATCH] = { "spiky-batch", 15.0, 8.0, 300.0, 400.0, 800e3, 200e3, 0.06,
                              0.5, 1.0, 0.35, 4.0, 4.0 },
};

const char *
rds_sim_profile_get_name (RdsSimProfile profile)
{
  g_return_val_if_fail (profile < RDS_SIM_N_PROFILES, NULL);
  return profiles[profile].name;
}

gboolean
rds_sim_profile_from_name (const char    *name,
                           RdsSimProfile *profile)
{
  for (guint i = 0; name != NULL && i < RDS_SIM_N_PROFILES; i++)
    if (g_str_equal (profiles[i].name, name))
      {
        *profile = i;
        return TRUE;
      }
  return FALSE;
}

/* GiB per hour, at a multiplier of 1. */
double
rds_sim_profile_growth (RdsSimProfile profile)
{
  g_return_val_if_fail (profile < RDS_SIM_N_PROFILES, 0);
  return profiles[profile].growth;
}

/* Seeded noise */

static inline guint64
mix (guint64 x)
{
  x ^= x >> 30;
  x *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x ^= x >> 27;
  x *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  x ^= x >> 31;
  return x;
}

/* Uniform in [0, 1), the same for the same key, time and salt. */
static inline double
uniform (guint64 key,
         gint64  when,
         guint   salt)
{
  guint64 h = mix (key ^ mix ((guint64) when * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) + salt));

  return (double) (h >> 11) * (1.0 / 9007199254740992.0);
}

/* Uniform in [-1, 1). */
static inline double
noise (guint64 key,
       gint64  minute,
       guint   salt)
{
  return uniform (key, minute, salt) * 2.0 - 1.0;
}

/* The workload */

void
rds_sim_workload_init (RdsSimWorkload  *self,
                       guint64          key,
                       RdsEngineFamily  family)
{
  self->key = key;
  /* Each database its own size of business: from 0.6 to 1.4 times the profile's. */
  self->size = 0.6 + 0.8 * uniform (key, 0, 997);
  self->family = family;
  self->segments = g_array_new (FALSE, TRUE, sizeof (RdsSimSegment));
}

void
rds_sim_workload_clear (RdsSimWorkload *self)
{
  g_clear_pointer (&self->segments, g_array_unref);
}

const RdsSimSegment *
rds_sim_workload_last (const RdsSimWorkload *self)
{
  if (self->segments == NULL || self->segments->len == 0)
    return NULL;
  return &g_array_index (self->segments, RdsSimSegment, self->segments->len - 1);
}

gint64
rds_sim_workload_first_start (const RdsSimWorkload *self)
{
  if (self->segments == NULL || self->segments->len == 0)
    return G_MAXINT64;
  return g_array_index (self->segments, RdsSimSegment, 0).start;
}

/* GiB per hour while the segment lasts. */
double
rds_sim_segment_growth (const RdsSimSegment *segment)
{
  if (segment->phase != RDS_SIM_PHASE_RUNNING)
    return 0;
  return profiles[segment->profile].growth * segment->multiplier;
}

/* Never more than the allocated storage: a full disk takes no more. */
double
rds_sim_segment_used_gib (const RdsSimSegment *segment,
                          gint64               time)
{
  double hours = (double) MAX (0, time - segment->start) / HOUR_USEC;

  return MIN (segment->allocated_gib, segment->used_gib + rds_sim_segment_growth (segment) * hours);
}

/**
 * rds_sim_segment_time_used:
 *
 * Returns: the first whole minute at which the segment has at least
 *   @used_gib on disk, or %G_MAXINT64 when it never will
 */
gint64
rds_sim_segment_time_used (const RdsSimSegment *segment,
                           double               used_gib)
{
  double growth = rds_sim_segment_growth (segment);
  double hours;
  gint64 time;

  if (segment->used_gib >= used_gib)
    return segment->start;
  if (growth <= 0)
    return G_MAXINT64;

  hours = (used_gib - segment->used_gib) / growth;
  if (hours > 1e6)
    return G_MAXINT64;
  time = segment->start + (gint64) ceil (hours * HOUR_USEC);
  /* On the minute, as CloudWatch samples. */
  time = (time + MINUTE_USEC - 1) / MINUTE_USEC * MINUTE_USEC;
  while (rds_sim_segment_used_gib (segment, time) < used_gib)
    time += MINUTE_USEC;
  return time;
}

/**
 * rds_sim_workload_change:
 * @time: when the change happens
 *
 * Begins a segment at @time like the last, its data grown to that time,
 * for the caller to change. A second change at the same time changes the
 * same segment.
 *
 * Returns: (transfer none): the new segment
 */
RdsSimSegment *
rds_sim_workload_change (RdsSimWorkload *self,
                         gint64          time)
{
  RdsSimSegment *last = (RdsSimSegment *) rds_sim_workload_last (self);
  RdsSimSegment next;

  if (last == NULL)
    {
      memset (&next, 0, sizeof next);
      next.start = time;
      next.multiplier = 1.0f;
      next.profile = RDS_SIM_PROFILE_OLTP;
      next.phase = RDS_SIM_PHASE_ABSENT;
      g_array_append_val (self->segments, next);
      return &g_array_index (self->segments, RdsSimSegment, 0);
    }

  if (last->start >= time)
    return last;

  next = *last;
  next.start = time;
  next.used_gib = rds_sim_segment_used_gib (last, time);
  /* A replica's backlog goes on from where it was (its base lag aside). */
  if (last->replication == RDS_SIM_LAG_BROKEN)
    next.lag_start = last->lag_start + (float) ((time - last->start) / (double) G_USEC_PER_SEC);
  else if (last->replication != RDS_SIM_LAG_NONE)
    next.lag_start = (float) MAX (0.0, last->lag_start - 2.0 * (time - last->start) / (double) G_USEC_PER_SEC);
  g_array_append_val (self->segments, next);
  return &g_array_index (self->segments, RdsSimSegment, self->segments->len - 1);
}

/**
 * rds_sim_workload_at:
 *
 * Returns: (nullable): the segment @time falls in, or %NULL before the first
 */
const RdsSimSegment *
rds_sim_workload_at (const RdsSimWorkload *self,
                     gint64                time)
{
  guint low = 0, high;

  if (self->segments == NULL || self->segments->len == 0 ||
      g_array_index (self->segments, RdsSimSegment, 0).start > time)
    return NULL;

  /* The last segment starting at or before @time. */
  high = self->segments->len;
  while (high - low > 1)
    {
      guint middle = (low + high) / 2;

      if (g_array_index (self->segments, RdsSimSegment, middle).start <= time)
        low = middle;
      else
        high = middle;
    }
  return &g_array_index (self->segments, RdsSimSegment, low);
}

/* Forgets what CloudWatch no longer keeps: segments that ended before @before. */
void
rds_sim_workload_prune (RdsSimWorkload *self,
                        gint64          before)
{
  guint keep = 0;

  while (keep + 1 < self->segments->len &&
         g_array_index (self->segments, RdsSimSegment, keep + 1).start <= before)
    keep++;
  if (keep > 0)
    g_array_remove_range (self->segments, 0, keep);
}

/* The load */

/* Hours since the epoch, and the hour of the day. */
static double
daily_shape (const Profile *p,
             gint64         time)
{
  double hour = (double) (time % DAY_USEC) / HOUR_USEC;
  /* Lowest at 04:00 UTC, highest at 16:00. */
  double day = 0.5 * (1.0 - cos ((hour - 4.0) / 24.0 * 2.0 * G_PI));
  /* 1970-01-01 was a Thursday: day 2 and 3 of the week are Saturday and Sunday. */
  gint64 weekday = (time / DAY_USEC) % 7;
  double week = weekday == 2 || weekday == 3 ? p->weekend : 1.0;

  return (p->night + (1.0 - p->night) * day) * week;
}

/* A seeded burst in the hour @time falls in, or the one before. */
static double
burst (const RdsSimWorkload *self,
       const Profile        *p,
       gint64                time)
{
  gint64 hour = time / HOUR_USEC;
  double total = 0;

  if (p->burst_chance <= 0)
    return 0;

  for (gint64 h = hour - 1; h <= hour; h++)
    {
      gint64 start, length;
      double position;

      if (uniform (self->key, h, 101) >= p->burst_chance)
        continue;
      start = h * HOUR_USEC + (gint64) (uniform (self->key, h, 102) * 60) * MINUTE_USEC;
      length = (5 + (gint64) (uniform (self->key, h, 103) * 25)) * MINUTE_USEC;
      if (time < start || time >= start + length)
        continue;
      /* A quick rise and a slower fall. */
      position = (double) (time - start) / length;
      total += p->burst_size * (position < 0.2 ? position / 0.2 : 1.0 - (position - 0.2) / 0.8 * 0.7);
    }

  return total;
}

static double
load (const RdsSimWorkload *self,
      const RdsSimSegment  *segment,
      gint64                time)
{
  const Profile *p = &profiles[segment->profile];
  double value = daily_shape (p, time) + burst (self, p, time);
  gint64 of_day = time % DAY_USEC;

  if (p->nightly_job > 0 && of_day >= 2 * HOUR_USEC && of_day < 3 * HOUR_USEC)
    value += p->nightly_job;

  return value * segment->multiplier * self->size;
}

/* How the engine's own work weighs on the processors. */
static double
engine_weight (guint8 family)
{
  switch (family)
    {
    case RDS_FAMILY_ORACLE:
    case RDS_FAMILY_SQLSERVER:
      return 1.3;
    case RDS_FAMILY_POSTGRES:
      return 1.1;
    default:
      return 1.0;
    }
}

/* From 0 when the engine starts to 1 after @ramp. */
static double
warmth (const RdsSimSegment *segment,
        gint64               time,
        gint64               ramp)
{
  if (segment->restarted == 0 || time - segment->restarted >= ramp)
    return 1.0;
  return (double) MAX (0, time - segment->restarted) / ramp;
}

static double
storage_latency (const char *storage_type)
{
  if (g_strcmp0 (storage_type, "io1") == 0 || g_strcmp0 (storage_type, "io2") == 0)
    return 0.00045;
  if (g_strcmp0 (storage_type, "standard") == 0)
    return 0.004;
  return 0.0007;
}

static double
storage_capacity (const RdsSimSegment *segment)
{
  if (g_strcmp0 (segment->storage_type, "gp2") == 0)
    return MAX (100.0, 3.0 * segment->allocated_gib);
  if (g_strcmp0 (segment->storage_type, "standard") == 0)
    return 150.0;
  return 3000.0;
}

/* CPU credits a burstable class earns in an hour. */
static double
credits_per_hour (const RdsClassInfo *klass)
{
  const char *size = klass != NULL ? strrchr (klass->name, '.') : NULL;

  if (size == NULL)
    return 24;
  if (g_str_equal (size, ".micro"))
    return 12;
  if (g_str_equal (size, ".small") || g_str_equal (size, ".medium"))
    return 24;
  if (g_str_equal (size, ".large"))
    return 36;
  if (g_str_equal (size, ".xlarge"))
    return 96;
  return 192;
}

/* The processors the load keeps busy, in vCPUs. */
static double
busy_vcpus (const RdsSimWorkload *self,
            const RdsSimSegment  *segment,
            double                level)
{
  return level * profiles[segment->profile].cpu * 2.0 * engine_weight (self->family) / 100.0;
}

/* An ACU is about a quarter of a vCPU with its 2 GiB of memory. */
#define VCPUS_PER_ACU 0.25

/**
 * rds_sim_workload_capacity:
 * @time: a whole minute
 *
 * Returns: the ACUs a Serverless v2 instance has over the minute: enough to
 *   keep its processors about 70 % busy, within its cluster's range, in
 *   steps of 0.5; it scales up at once and down after five quieter
 *   minutes. 0 for a provisioned class.
 */
double
rds_sim_workload_capacity (const RdsSimWorkload *self,
                           const RdsSimSegment  *segment,
                           gint64                time)
{
  double wanted = 0.0;

  double low, high;

  if (segment == NULL || segment->klass == NULL || !segment->klass->serverless)
    return 0.0;
  /* Without its cluster's range (a record from before it), the widest. */
  low = segment->max_acu > 0 ? segment->min_acu : RDS_SERVERLESS_MIN_ACU;
  high = segment->max_acu > 0 ? segment->max_acu : RDS_SERVERLESS_MAX_ACU;
  if (segment->phase != RDS_SIM_PHASE_RUNNING)
    return low;

  /* The load is a function of time: the minutes before count even across
   * a change of segment. */
  for (int back = 0; back < 5; back++)
    wanted = MAX (wanted, busy_vcpus (self, segment, load (self, segment, time - back * MINUTE_USEC)) /
                            VCPUS_PER_ACU / 0.7);
  return CLAMP (ceil (wanted * 2.0) / 2.0, low, high);
}

/* The vCPUs the instance has: its class's, or its ACUs'. */
static double
segment_vcpus (const RdsSimWorkload *self,
               const RdsSimSegment  *segment,
               gint64                time)
{
  if (segment->klass != NULL && segment->klass->serverless)
    return MAX (0.5, rds_sim_workload_capacity (self, segment, time)) * VCPUS_PER_ACU;
  return segment->klass != NULL ? segment->klass->vcpu : 2;
}

static double
cpu_percent (const RdsSimWorkload *self,
             const RdsSimSegment  *segment,
             double                level,
             gint64                minute,
             gboolean              noisy)
{
  double value = 1.5 + busy_vcpus (self, segment, level) * 100.0 / segment_vcpus (self, segment, minute);

  if (noisy)
    value *= 1.0 + 0.08 * noise (self->key, minute, RDS_METRIC_CPU_UTILIZATION);

  /* The engine recovers and warms up after a start. */
  if (segment->phase == RDS_SIM_PHASE_RUNNING && segment->restarted != 0 &&
      minute - segment->restarted < 3 * MINUTE_USEC)
    value += 35.0 * (1.0 - (double) (minute - segment->restarted) / (3 * MINUTE_USEC));

  return CLAMP (value, 0.0, 100.0);
}

/**
 * rds_sim_workload_sample:
 * @segment: the segment @time falls in (rds_sim_workload_at ())
 * @time: a whole minute
 * @value: (out): the metric's value over the minute from @time
 *
 * Returns: whether the instance published @metric then
 */
gboolean
rds_sim_workload_sample (const RdsSimWorkload *self,
                         const RdsSimSegment  *segment,
                         RdsMetricId           metric,
                         gint64                time,
                         double               *value)
{
  const Profile *p;
  double level, n, memory, warm;
  gboolean engine_up;

  if (segment == NULL)
    return FALSE;
  if (segment->phase == RDS_SIM_PHASE_ABSENT || segment->phase == RDS_SIM_PHASE_STOPPED)
    return FALSE;

  p = &profiles[segment->profile];
  engine_up = segment->phase == RDS_SIM_PHASE_RUNNING;
  level = engine_up ? load (self, segment, time) : 0.0;
  n = noise (self->key, time / MINUTE_USEC, metric);
  memory = (segment->klass == NULL ? 1.0
            : segment->klass->serverless ? rds_sim_workload_capacity (self, segment, time) * RDS_SERVERLESS_GIB_PER_ACU
            : segment->klass->memory_gib) * GIB;
  warm = warmth (segment, time, 2 * HOUR_USEC);

  switch (metric)
    {
    case RDS_METRIC_CPU_UTILIZATION:
      *value = cpu_percent (self, segment, level, time, TRUE);
      break;

    case RDS_METRIC_DATABASE_CONNECTIONS:
      *value = engine_up ? round (level * p->connections * warmth (segment, time, 5 * MINUTE_USEC) *
                                  (1.0 + 0.1 * n)) : 0.0;
      *value = MAX (0.0, *value);
      break;

    case RDS_METRIC_FREE_STORAGE_SPACE:
      *value = (segment->allocated_gib - rds_sim_segment_used_gib (segment, time)) * GIB;
      break;

    case RDS_METRIC_FREEABLE_MEMORY:
      {
        double base = memory <= 1.0 * GIB ? 0.45 : 0.22;
        double used = base + (engine_up ? 0.45 * warm + 0.04 * level : 0.0);

        *value = round (memory * MAX (0.05, 1.0 - used) * (1.0 + 0.01 * n));
      }
      break;

    case RDS_METRIC_SWAP_USAGE:
      if (self->family == RDS_FAMILY_SQLSERVER)
        return FALSE;
      *value = round ((memory <= 2.0 * GIB ? (8.0 + 30.0 * warm) * 1048576.0 : 256.0 * KIB) * (1.0 + 0.05 * n));
      break;

    case RDS_METRIC_READ_IOPS:
      /* A cold cache reads more from disk. */
      *value = MAX (0.0, (engine_up ? 0.05 : 0.0) + level * p->read_iops * (1.0 + 2.0 * (1.0 - warm)) *
                         (1.0 + 0.1 * n));
      break;

    case RDS_METRIC_WRITE_IOPS:
      *value = MAX (0.0, (engine_up ? 0.4 : 0.0) + level * p->write_iops * (1.0 + 0.1 * n));
      break;

    case RDS_METRIC_READ_LATENCY:
    case RDS_METRIC_WRITE_LATENCY:
      {
        double busy = level * (p->read_iops + p->write_iops) / storage_capacity (segment);
        double base = storage_latency (segment->storage_type) * (metric == RDS_METRIC_WRITE_LATENCY ? 1.4 : 1.0);

        *value = base * (1.0 + 0.6 * MIN (busy, 3.0)) * (1.0 + 0.15 * n);
      }
      break;

    case RDS_METRIC_READ_THROUGHPUT:
      {
        double iops;

        rds_sim_workload_sample (self, segment, RDS_METRIC_READ_IOPS, time, &iops);
        *value = iops * 16.0 * KIB * (1.0 + 0.05 * n);
      }
      break;

    case RDS_METRIC_WRITE_THROUGHPUT:
      {
        double iops;

        rds_sim_workload_sample (self, segment, RDS_METRIC_WRITE_IOPS, time, &iops);
        *value = iops * 11.0 * KIB * (1.0 + 0.05 * n);
      }
      break;

    case RDS_METRIC_NETWORK_RECEIVE_THROUGHPUT:
      *value = MAX (0.0, 1500.0 + level * p->receive * (1.0 + 0.1 * n));
      break;

    case RDS_METRIC_NETWORK_TRANSMIT_THROUGHPUT:
      *value = MAX (0.0, 2500.0 + level * p->transmit * (1.0 + 0.1 * n));
      break;

    case RDS_METRIC_DISK_QUEUE_DEPTH:
      {
        double reads, writes, read_latency, write_latency;

        rds_sim_workload_sample (self, segment, RDS_METRIC_READ_IOPS, time, &reads);
        rds_sim_workload_sample (self, segment, RDS_METRIC_WRITE_IOPS, time, &writes);
        rds_sim_workload_sample (self, segment, RDS_METRIC_READ_LATENCY, time, &read_latency);
        rds_sim_workload_sample (self, segment, RDS_METRIC_WRITE_LATENCY, time, &write_latency);
        *value = reads * read_latency + writes * write_latency;
      }
      break;

    case RDS_METRIC_BURST_BALANCE:
      {
        /* Demand above the baseline drains the bucket; below, it is full. */
        double baseline = storage_capacity (segment);
        double demand = level * (p->read_iops + p->write_iops);
        double excess = MAX (0.0, demand - baseline) / MAX (1.0, 3000.0 - baseline);

        if (g_strcmp0 (segment->storage_type, "gp2") != 0)
          return FALSE;
        *value = 100.0 * (1.0 - 0.95 * MIN (1.0, excess));
      }
      break;

    case RDS_METRIC_CPU_CREDIT_USAGE:
      {
        int vcpu = segment->klass != NULL ? segment->klass->vcpu : 2;

        if (segment->klass == NULL || !g_str_has_prefix (segment->klass->name, "db.t"))
          return FALSE;
        /* One credit is one vCPU at full use for a minute. */
        *value = vcpu * cpu_percent (self, segment, level, time, TRUE) / 100.0;
      }
      break;

    case RDS_METRIC_CPU_CREDIT_BALANCE:
      {
        int vcpu;
        double earned, baseline, smooth, over;

        if (segment->klass == NULL || !g_str_has_prefix (segment->klass->name, "db.t"))
          return FALSE;
        vcpu = segment->klass->vcpu;
        earned = credits_per_hour (segment->klass);
        baseline = earned / 60.0 / vcpu * 100.0;
        smooth = cpu_percent (self, segment, level, time, FALSE);
        over = MAX (0.0, smooth - baseline) / MAX (1.0, 100.0 - baseline);
        *value = round (earned * 24.0 * (1.0 - 0.8 * MIN (1.0, over * 3.0)) * 100.0) / 100.0;
      }
      break;

    case RDS_METRIC_BUFFER_CACHE_HIT_RATIO:
      /* A cold cache after a start misses more. */
      if (!engine_up)
        return FALSE;
      *value = CLAMP (99.6 - 30.0 * (1.0 - warmth (segment, time, 20 * MINUTE_USEC)) + 0.3 * n, 0.0, 100.0);
      break;

    case RDS_METRIC_AURORA_REPLICA_LAG:
    case RDS_METRIC_AURORA_REPLICA_LAG_MAXIMUM:
      /* Readers read the writer's volume: they trail it by milliseconds,
       * a little more under heavy writes; the maximum is the worst reader. */
      if (!engine_up)
        return FALSE;
      *value = (metric == RDS_METRIC_AURORA_REPLICA_LAG_MAXIMUM ? 9.0 : 5.5) + 1.5 * level +
               2.0 * fabs (n);
      break;

    case RDS_METRIC_VOLUME_BYTES_USED:
      *value = round (rds_sim_segment_used_gib (segment, time) * GIB);
      break;

    case RDS_METRIC_SERVERLESS_DATABASE_CAPACITY:
      if (segment->klass == NULL || !segment->klass->serverless || segment->max_acu <= 0)
        return FALSE;
      *value = rds_sim_workload_capacity (self, segment, time);
      break;

    case RDS_METRIC_ACU_UTILIZATION:
      if (segment->klass == NULL || !segment->klass->serverless || segment->max_acu <= 0)
        return FALSE;
      *value = 100.0 * rds_sim_workload_capacity (self, segment, time) / segment->max_acu;
      break;

    case RDS_METRIC_VOLUME_BYTES_LEFT:
      /* What the volume can still grow by: its limit (128 TiB) less what
       * it holds, so that the two add up. */
      *value = MAX (0.0, segment->allocated_gib * GIB - round (rds_sim_segment_used_gib (segment, time) * GIB));
      break;

    case RDS_METRIC_VOLUME_READ_IOPS:
      /* The volume's I/O over the minute: reads the buffer cache misses. */
      *value = round (MAX (0.0, level * p->read_iops * 60.0 * 0.25 * (1.0 + 0.1 * n)));
      break;

    case RDS_METRIC_VOLUME_WRITE_IOPS:
      /* Without a write quorum (FULL) nothing is written. */
      *value = round (MAX (0.0, (engine_up ? 20.0 : 0.0) + level * p->write_iops * 60.0 * (1.0 + 0.1 * n)));
      break;

    case RDS_METRIC_REPLICA_LAG:
    case RDS_N_METRICS:
    default:
      /* No replicas yet: no data. */
      return FALSE;
    }

  return TRUE;
}

/* How many write IOPS a replica of @segment's class replays in step with its
 * source: MySQL and MariaDB apply on fewer threads than PostgreSQL, Oracle
 * and SQL Server, which replay the log physically. */
static double
apply_capacity (const RdsSimWorkload *self,
                const RdsSimSegment  *segment)
{
  int vcpu = segment->klass != NULL ? MAX (1, segment->klass->vcpu) : 2;
  double per_vcpu = self->family == RDS_FAMILY_MYSQL || self->family == RDS_FAMILY_MARIADB ? 140.0 : 420.0;

  return per_vcpu * sqrt ((double) vcpu);
}

/**
 * rds_sim_workload_replica_lag:
 * @segment: the segment @time falls in
 * @source_writes: the write IOPS of its source over the minute
 * @value: (out): ReplicaLag over the minute from @time, in seconds
 *
 * A replica keeps up while its source writes less than it can replay;
 * beyond that it falls behind, more the harder the source writes. After a
 * break, it starts behind by the time it missed and catches up at twice
 * real time; while broken, the lag grows with the clock.
 *
 * Returns: whether the instance published ReplicaLag then
 */
gboolean
rds_sim_workload_replica_lag (const RdsSimWorkload *self,
                              const RdsSimSegment  *segment,
                              gint64                time,
                              double                source_writes,
                              double               *value)
{
  double since, pressure, lag;

  if (segment == NULL || segment->replication == RDS_SIM_LAG_NONE ||
      segment->phase == RDS_SIM_PHASE_ABSENT || segment->phase == RDS_SIM_PHASE_STOPPED)
    return FALSE;

  since = (double) (time - segment->start) / G_USEC_PER_SEC;
  if (segment->replication == RDS_SIM_LAG_BROKEN)
    {
      *value = round (segment->lag_start + since);
      return TRUE;
    }

  pressure = source_writes / apply_capacity (self, segment);
  lag = 0.02 + 0.08 * fabs (noise (self->key, time / MINUTE_USEC, RDS_METRIC_REPLICA_LAG));
  if (pressure > 0.5)
    lag += (pressure - 0.5) * (pressure - 0.5) * 90.0;
  if (segment->replication == RDS_SIM_LAG_REMOTE)
    lag += 0.4 + 0.3 * fabs (noise (self->key, time / MINUTE_USEC, RDS_METRIC_REPLICA_LAG + 1));
  lag = MAX (lag, segment->lag_start - 2.0 * since);

  /* MySQL and MariaDB count whole seconds (Seconds_Behind_Source). */
  if (self->family == RDS_FAMILY_MYSQL || self->family == RDS_FAMILY_MARIADB)
    lag = floor (lag);
  *value = lag;
  return TRUE;
}

/* Saving and loading: [start, phase, profile, multiplier, class, storage
 * type, allocated GiB, used GiB, restarted] per segment, then for a
 * replica or a Serverless v2 instance [replication, lag at start], for the
 * latter [min ACUs, max ACUs], and the key. */

static const char * const phase_names[RDS_SIM_N_PHASES] = {
  "absent", "running", "rebooting", "stopped", "full",
};

static const char * const lag_names[RDS_SIM_N_LAG_STATES] = {
  "none", "replicating", "remote", "broken",
};

JsonNode *
rds_sim_workload_save (const RdsSimWorkload *self)
{
  JsonObject *object = json_object_new ();
  JsonArray *segments = json_array_sized_new (self->segments->len);
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *key = g_strdup_printf ("%016" G_GINT64_MODIFIER "x", self->key);

  json_object_set_string_member (object, "key", key);
  for (guint i = 0; i < self->segments->len; i++)
    {
      const RdsSimSegment *s = &g_array_index (self->segments, RdsSimSegment, i);
      JsonArray *row = json_array_sized_new (11);

      json_array_add_int_element (row, s->start);
      json_array_add_string_element (row, phase_names[s->phase]);
      json_array_add_string_element (row, profiles[s->profile].name);
      json_array_add_double_element (row, s->multiplier);
      json_array_add_string_element (row, s->klass != NULL ? s->klass->name : "");
      json_array_add_string_element (row, s->storage_type != NULL ? s->storage_type : "");
      json_array_add_int_element (row, s->allocated_gib);
      json_array_add_double_element (row, s->used_gib);
      json_array_add_int_element (row, s->restarted);
      if (s->replication != RDS_SIM_LAG_NONE || s->max_acu > 0)
        {
          json_array_add_string_element (row, lag_names[s->replication]);
          json_array_add_double_element (row, s->lag_start);
        }
      if (s->max_acu > 0)
        {
          json_array_add_double_element (row, s->min_acu);
          json_array_add_double_element (row, s->max_acu);
        }
      json_array_add_array_element (segments, row);
    }
  json_object_set_array_member (object, "segments", segments);
  json_node_take_object (node, object);
  return node;
}

static gboolean
invalid (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "a DB instance record has a malformed workload history");
  return FALSE;
}

gboolean
rds_sim_workload_load (RdsSimWorkload  *self,
                       JsonNode        *node,
                       GError         **error)
{
  JsonObject *object;
  JsonNode *segments;
  JsonArray *rows;
  const char *key;
  char *end = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error);
  object = json_node_get_object (node);
  key = json_object_get_string_member_with_default (object, "key", NULL);
  segments = json_object_get_member (object, "segments");
  if (key == NULL || segments == NULL || !JSON_NODE_HOLDS_ARRAY (segments))
    return invalid (error);
  self->key = g_ascii_strtoull (key, &end, 16);
  if (end == key || *end != '\0')
    return invalid (error);
  self->size = 0.6 + 0.8 * uniform (self->key, 0, 997);

  rows = json_node_get_array (segments);
  if (json_array_get_length (rows) == 0)
    return invalid (error);
  g_array_set_size (self->segments, 0);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *row_node = json_array_get_element (rows, i);
      JsonArray *row;
      RdsSimSegment s = { 0 };
      RdsSimProfile profile;
      const char *phase, *class_name, *storage_type;
      guint p;

      if (!JSON_NODE_HOLDS_ARRAY (row_node) ||
          (json_array_get_length (json_node_get_array (row_node)) != 9 &&
           json_array_get_length (json_node_get_array (row_node)) != 11 &&
           json_array_get_length (json_node_get_array (row_node)) != 13))
        return invalid (error);
      row = json_node_get_array (row_node);
      if (json_array_get_length (row) == 13)
        {
          s.min_acu = (float) json_array_get_double_element (row, 11);
          s.max_acu = (float) json_array_get_double_element (row, 12);
          if (!(s.min_acu >= RDS_SERVERLESS_MIN_ACU && s.max_acu >= s.min_acu &&
                s.max_acu <= RDS_SERVERLESS_MAX_ACU))
            return invalid (error);
        }
      if (json_array_get_length (row) >= 11)
        {
          const char *lag = json_array_get_string_element (row, 9);
          guint l;

          for (l = 0; l < RDS_SIM_N_LAG_STATES; l++)
            if (g_strcmp0 (lag_names[l], lag) == 0)
              break;
          if (l == RDS_SIM_N_LAG_STATES)
            return invalid (error);
          s.replication = l;
          s.lag_start = (float) json_array_get_double_element (row, 10);
        }
      s.start = json_array_get_int_element (row, 0);
      phase = json_array_get_string_element (row, 1);
      for (p = 0; p < RDS_SIM_N_PHASES; p++)
        if (g_strcmp0 (phase_names[p], phase) == 0)
          break;
      if (p == RDS_SIM_N_PHASES || !rds_sim_profile_from_name (json_array_get_string_element (row, 2), &profile))
        return invalid (error);
      s.phase = p;
      s.profile = profile;
      s.multiplier = (float) json_array_get_double_element (row, 3);
      class_name = json_array_get_string_element (row, 4);
      s.klass = class_name != NULL && *class_name != '\0' ? rds_catalog_find_class (class_name) : NULL;
      storage_type = json_array_get_string_element (row, 5);
      s.storage_type = storage_type != NULL && *storage_type != '\0' ? g_intern_string (storage_type) : NULL;
      s.allocated_gib = (int) json_array_get_int_element (row, 6);
      s.used_gib = json_array_get_double_element (row, 7);
      s.restarted = json_array_get_int_element (row, 8);
      if (s.multiplier < 0 || s.multiplier > 100 || s.allocated_gib < 0 || s.used_gib < 0 ||
          (i > 0 && s.start < g_array_index (self->segments, RdsSimSegment, i - 1).start))
        return invalid (error);
      g_array_append_val (self->segments, s);
    }

  return TRUE;
}
