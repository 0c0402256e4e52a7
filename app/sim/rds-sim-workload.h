/* rds-sim-workload.h: what a simulated database is asked to do, and the
 * metrics that follow from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rds-catalog.h"
#include "rds-metrics.h"

G_BEGIN_DECLS

typedef enum
{
  RDS_SIM_PROFILE_IDLE,
  RDS_SIM_PROFILE_OLTP,        /* steady OLTP: the default */
  RDS_SIM_PROFILE_REPORTING,   /* read-heavy reporting */
  RDS_SIM_PROFILE_BATCH,       /* spiky batch */
  RDS_SIM_N_PROFILES
} RdsSimProfile;

/* What the instance was doing, as far as its metrics can tell. */
typedef enum
{
  RDS_SIM_PHASE_ABSENT,     /* before creation, while deleting: no data */
  RDS_SIM_PHASE_RUNNING,
  RDS_SIM_PHASE_REBOOTING,  /* the host up, the engine down: no connections */
  RDS_SIM_PHASE_STOPPED,    /* stopped and starting: no data */
  RDS_SIM_PHASE_FULL,       /* storage-full: the engine refuses writes */
  RDS_SIM_N_PHASES
} RdsSimPhase;

/* A read replica's replication, as its lag can tell. */
typedef enum
{
  RDS_SIM_LAG_NONE,          /* not a replica: no ReplicaLag */
  RDS_SIM_LAG_REPLICATING,   /* in the source's Region */
  RDS_SIM_LAG_REMOTE,        /* from another Region: the network adds to the lag */
  RDS_SIM_LAG_BROKEN,        /* it can't reach its source: the lag grows */
  RDS_SIM_N_LAG_STATES
} RdsSimLagState;

/* One stretch of an instance's history in which nothing changed but the
 * clock: the metrics within it are a function of time alone. */
typedef struct
{
  gint64              start;       /* microseconds since the epoch */
  gint64              restarted;   /* when the engine last started, 0: never */
  double              used_gib;    /* data and logs on disk at start */
  const RdsClassInfo *klass;
  const char         *storage_type; /* interned */
  float               multiplier;  /* the user's load multiplier */
  int                 allocated_gib;
  guint8              phase;
  guint8              profile;
  guint8              replication; /* RdsSimLagState */
  float               lag_start;   /* seconds behind its source at start */
  float               min_acu;     /* Serverless v2 (klass->serverless): its cluster's range */
  float               max_acu;
} RdsSimSegment;

typedef struct
{
  guint64   key;       /* the seed and the instance: its own noise */
  double    size;      /* its own size of business, from the key */
  guint8    family;    /* RdsEngineFamily */
  GArray   *segments;  /* RdsSimSegment, oldest first; never empty once begun */
} RdsSimWorkload;

const char   *rds_sim_profile_get_name     (RdsSimProfile          profile);
gboolean      rds_sim_profile_from_name    (const char            *name,
                                            RdsSimProfile         *profile);
double        rds_sim_profile_growth       (RdsSimProfile          profile);

void          rds_sim_workload_init        (RdsSimWorkload        *self,
                                            guint64                key,
                                            RdsEngineFamily        family);
void          rds_sim_workload_clear       (RdsSimWorkload        *self);
RdsSimSegment *rds_sim_workload_change     (RdsSimWorkload        *self,
                                            gint64                 time);
const RdsSimSegment *rds_sim_workload_last (const RdsSimWorkload  *self);
const RdsSimSegment *rds_sim_workload_at   (const RdsSimWorkload  *self,
                                            gint64                 time);
gint64        rds_sim_workload_first_start (const RdsSimWorkload  *self);
void          rds_sim_workload_prune       (RdsSimWorkload        *self,
                                            gint64                 before);

double        rds_sim_segment_growth       (const RdsSimSegment   *segment);
double        rds_sim_segment_used_gib     (const RdsSimSegment   *segment,
                                            gint64                 time);
gint64        rds_sim_segment_time_used    (const RdsSimSegment   *segment,
                                            double                 used_gib);

double        rds_sim_workload_capacity    (const RdsSimWorkload  *self,
                                            const RdsSimSegment   *segment,
                                            gint64                 time);
gboolean      rds_sim_workload_sample      (const RdsSimWorkload  *self,
                                            const RdsSimSegment   *segment,
                                            RdsMetricId            metric,
                                            gint64                 time,
                                            double                *value);

gboolean      rds_sim_workload_replica_lag (const RdsSimWorkload  *self,
                                            const RdsSimSegment   *segment,
                                            gint64                 time,
                                            double                 source_writes,
                                            double                *value);

JsonNode     *rds_sim_workload_save        (const RdsSimWorkload  *self);
gboolean      rds_sim_workload_load        (RdsSimWorkload        *self,
                                            JsonNode              *node,
                                            GError               **error);

G_END_DECLS
