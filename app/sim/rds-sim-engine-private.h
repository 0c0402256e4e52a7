/* rds-sim-engine-private.h: what the files of RdsSimEngine share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-aws-error.h"
#include "rds-db-cluster.h"
#include "rds-db-cluster-endpoint.h"
#include "rds-db-cluster-snapshot.h"
#include "rds-db-instance.h"
#include "rds-db-instance-automated-backup.h"
#include "rds-db-parameter-group.h"
#include "rds-db-snapshot.h"
#include "rds-db-subnet-group.h"
#include "rds-event.h"
#include "rds-region.h"
#include "rds-catalog.h"
#include "rds-sim-engine.h"
#include "rds-sim-kind.h"
#include "rds-sim-rng.h"
#include "rds-sim-workload.h"

G_BEGIN_DECLS

#define USEC(seconds) ((gint64) (seconds) * G_USEC_PER_SEC)

typedef struct _RdsSimInstance RdsSimInstance;
typedef struct _RdsSimSnapshot RdsSimSnapshot;
typedef struct _RdsSimCluster  RdsSimCluster;

typedef enum
{
  RDS_SIM_TIMER_STEP,         /* the end of the current operation's step */
  RDS_SIM_TIMER_RESTART,      /* a stopped instance starts again by itself */
  RDS_SIM_TIMER_MAINTENANCE,  /* the maintenance window applies pending changes */
  RDS_SIM_TIMER_STORAGE,      /* free space crosses a line: low, autoscaling, full */
  RDS_SIM_TIMER_STANDBY,      /* the end of a step of building the Multi-AZ standby */
  RDS_SIM_TIMER_BACKUP,       /* the daily automated backup, in the backup window */
  RDS_SIM_N_TIMERS
} RdsSimTimerKind;

/* What an instance is doing; each has a status and a step that ends it. */
typedef enum
{
  RDS_SIM_OP_NONE,
  RDS_SIM_OP_CREATE,          /* creating */
  RDS_SIM_OP_FIRST_BACKUP,    /* backing-up, right after creation */
  RDS_SIM_OP_REBOOT,          /* rebooting */
  RDS_SIM_OP_STOP,            /* stopping */
  RDS_SIM_OP_START,           /* starting */
  RDS_SIM_OP_MODIFY,          /* modifying */
  RDS_SIM_OP_OPTIMIZE,        /* storage-optimization */
  RDS_SIM_OP_SNAPSHOT,        /* backing-up, for a snapshot */
  RDS_SIM_OP_DELETE,          /* deleting */
  RDS_SIM_OP_FAILOVER,        /* rebooting: the standby takes over */
  RDS_SIM_OP_DOWN,            /* failed: its host, storage or zone is gone */
  RDS_SIM_OP_RECOVER,         /* rebooting: back on a new host or from backups */
  RDS_SIM_OP_REPLICATE,       /* modifying: a new replica sets up replication */
  RDS_SIM_OP_PROMOTE,         /* modifying: a replica stops replicating */
  RDS_SIM_OP_BACKUP,          /* backing-up: the daily automated backup */
  RDS_SIM_OP_RENAME,          /* renaming */
  RDS_SIM_N_OPS
} RdsSimOp;

/* The synchronous standby of a Multi-AZ instance. Building one (converting
 * to Multi-AZ, or replacing a lost one) takes three steps in order. */
typedef enum
{
  RDS_SIM_STANDBY_NONE,       /* Single-AZ */
  RDS_SIM_STANDBY_SNAPSHOT,   /* building: a snapshot of the primary's volumes */
  RDS_SIM_STANDBY_RESTORE,    /* building: its volumes restored from the snapshot */
  RDS_SIM_STANDBY_SYNC,       /* building: synchronous replication catches up */
  RDS_SIM_STANDBY_IN_SYNC,    /* ready to take over */
  RDS_SIM_STANDBY_LOST,       /* its host or zone failed; waits for a healthy zone */
  RDS_SIM_STANDBY_REMOVING,   /* Multi-AZ to Single-AZ */
  RDS_SIM_N_STANDBY_STATES
} RdsSimStandby;

/* What failed under an instance (faults injected through /_sim/). */
typedef enum
{
  RDS_SIM_FAULT_ZONE = 1 << 0,      /* its Availability Zone is down */
  RDS_SIM_FAULT_HOST = 1 << 1,      /* its host failed */
  RDS_SIM_FAULT_STORAGE = 1 << 2,   /* its storage volumes failed */
} RdsSimFault;

/* A read replica's replication, as StatusInfos shows it. */
typedef enum
{
  RDS_SIM_REPLICATION_NONE,         /* not a replica */
  RDS_SIM_REPLICATION_STARTING,     /* being created */
  RDS_SIM_REPLICATION_REPLICATING,
  RDS_SIM_REPLICATION_ERROR,        /* it can't reach its source, or is down */
  RDS_SIM_N_REPLICATION_STATES
} RdsSimReplication;

typedef struct
{
  gint64          due;
  guint           timer;     /* which of the resource's timers */
  RdsSimResource *resource;
  const char     *id;        /* the resource's, for the order of timers due together */
  guint           index;     /* in the engine's heap */
} RdsSimTimer;

struct _RdsSimInstance
{
  union
  {
    RdsSimResource resource;
    struct { RDS_SIM_RESOURCE_FIELDS (RdsDbInstance) };
  };
  RdsSimOp        op;
  gboolean        failover;                /* the reboot fails over */
  gint64          last_storage_change;
  int             port;                    /* the endpoint's, asked for at creation */
  gboolean        autoscaling;             /* the modification under way is autoscaling's */
  guint           storage_notices;         /* RdsSimStorageNotice said since the last change */
  gint64          low_since;               /* when less than 10 % was first free */
  gint64          storage_retry;           /* autoscaling blocked: not before then */
  RdsSimWorkload  workload;                /* its load and history, for its metrics */

  /* Availability: the standby, faults and failovers */
  RdsSimStandby   standby;
  const char     *standby_zone;            /* interned; where it is or is being built */
  gint64          standby_started;         /* when the current build began */
  gboolean        standby_conversion;      /* the build converts to Multi-AZ (else it replaces) */
  guint           faults;                  /* RdsSimFault */
  gint64          last_failover;           /* when the last failover finished */
  gboolean        failover_automatic;      /* the failover under way was not asked for */
  RdsSimReplication replication;
  gint64          replica_snapshot;        /* how far in its source's history a new replica is */

  /* Automated backups: the identifiers of its automated snapshots, oldest
   * first (they keep their names when it is renamed). */
  GPtrArray      *automated;
  char           *restore_note;            /* a restore's event, said when it is created */
};

/* What an instance deleted with DeleteAutomatedBackups=false leaves: its
 * automated snapshots, restorable until they expire. Keyed by the
 * instance's DbiResourceId; its one timer is the next expiry. */
typedef struct
{
  union
  {
    RdsSimResource resource;
    struct { RDS_SIM_RESOURCE_FIELDS (RdsDbInstanceAutomatedBackup) };
  };
  GPtrArray      *automated;               /* as RdsSimInstance's */
  RdsDbInstance  *instance;                /* the instance as it was, for restores */
} RdsSimRetainedBackup;

/* What an instance said about its storage, once per storage change. */
typedef enum
{
  RDS_SIM_NOTICE_LOW = 1 << 0,        /* 0089: less than 10 % free */
  RDS_SIM_NOTICE_COOLING = 1 << 1,    /* 0220: autoscaling waits for the cooling-off period */
  RDS_SIM_NOTICE_AT_MAX = 1 << 2,     /* 0224: autoscaling reached the threshold */
  RDS_SIM_NOTICE_QUOTA = 1 << 3,      /* autoscaling would pass the Region's storage quota */
} RdsSimStorageNotice;

/* A snapshot has one timer, the end of its copy. */
struct _RdsSimSnapshot
{
  union
  {
    RdsSimResource resource;
    struct { RDS_SIM_RESOURCE_FIELDS (RdsDbSnapshot) };
  };
  gint64          started;
  char          **restore;                 /* shared with: account IDs, or "all"; NULL when private */
  /* What the DBSnapshot shape doesn't say of its instance, as it was when
   * it was taken, for a restore once the instance is gone: its class
   * ("the same DBInstanceClass as the original DB instance") and its
   * database's name. */
  char           *instance_class;
  char           *db_name;
};

/* An Aurora DB cluster: its volume, its endpoints, its writer and readers
 * (DB instances whose model names the cluster). */
typedef enum
{
  RDS_SIM_CLUSTER_TIMER_STEP,     /* the end of the cluster's current operation */
  RDS_SIM_CLUSTER_TIMER_REPAIR,   /* the next lost copy of the volume repaired */
  RDS_SIM_CLUSTER_TIMER_RESTART,  /* a stopped cluster starts again by itself */
  RDS_SIM_CLUSTER_TIMER_BACKUP,   /* the daily automated cluster snapshot */
  RDS_SIM_CLUSTER_TIMER_MAINTENANCE, /* pending modifications, in the maintenance window */
  RDS_SIM_N_CLUSTER_TIMERS
} RdsSimClusterTimer;

typedef enum
{
  RDS_SIM_CLUSTER_OP_NONE,
  RDS_SIM_CLUSTER_OP_CREATE,      /* creating */
  RDS_SIM_CLUSTER_OP_STOP,        /* stopping */
  RDS_SIM_CLUSTER_OP_START,       /* starting */
  RDS_SIM_CLUSTER_OP_DELETE,      /* deleting */
  RDS_SIM_CLUSTER_OP_FAILOVER,    /* failing-over */
  RDS_SIM_N_CLUSTER_OPS
} RdsSimClusterOp;

/* The cluster volume keeps six copies of each 10 GiB protection group, two
 * in each of its three zones; copy k is in zone k / 2. */
#define RDS_SIM_VOLUME_COPIES 6
#define RDS_SIM_VOLUME_WRITE_QUORUM 4
#define RDS_SIM_VOLUME_READ_QUORUM 3
#define RDS_SIM_PROTECTION_GROUP_GIB 10
#define RDS_SIM_VOLUME_MAX_GIB (128 * 1024)

/* A copy lost: of one protection group, or of all (a storage node set),
 * being repaired from its peers until @repair_due; 0 while its zone is
 * down (it waits). */
typedef struct
{
  int     group;         /* -1: every protection group */
  int     copy;          /* 0–5 */
  gint64  repair_due;
  gboolean catch_up;     /* its zone came back: it catches up, nothing was lost */
} RdsSimLostCopy;

struct _RdsSimCluster
{
  union
  {
    RdsSimResource resource;
    struct { RDS_SIM_RESOURCE_FIELDS (RdsDbCluster) };
  };
  RdsSimClusterOp op;
  char           *failover_target;         /* the reader a failover under way promotes */
  gboolean        failover_automatic;
  gint64          last_failover;
  GArray         *lost;                    /* RdsSimLostCopy */
  gboolean        write_quorum;            /* as last said in events */
  gboolean        read_quorum;
  RdsSimWorkload  volume;                  /* the data on the cluster volume */
  char           *restore_note;            /* a restore's event, said when it is created */
};

/* What a restored cluster takes from its source: a cluster snapshot, or a
 * cluster at a point in time. */
typedef struct
{
  const char *engine;
  const char *engine_version;
  const char *master_username;
  const char *database_name;
  gboolean    encrypted;
  const char *kms_key;
  const char *storage_type;
  int         retention;
  double      volume_gib;
  const char *note;                        /* the new cluster's event */
} RdsSimClusterSource;

/* A snapshot of a cluster volume; its one timer ends its creation or copy. */
typedef struct
{
  union
  {
    RdsSimResource resource;
    struct { RDS_SIM_RESOURCE_FIELDS (RdsDbClusterSnapshot) };
  };
  gint64          started;
  double          volume_gib;              /* the data it holds */
  char           *database_name;
  char           *storage_type;
  int             retention;
} RdsSimClusterSnapshot;

/* A custom endpoint of a cluster; its one timer ends its creation, change
 * or deletion. */
typedef struct
{
  union
  {
    RdsSimResource resource;
    struct { RDS_SIM_RESOURCE_FIELDS (RdsDbClusterEndpoint) };
  };
} RdsSimClusterEndpoint;

void _rds_sim_kinds_freeze (void);

extern RdsSimKind _rds_sim_kind_db_instance;
extern RdsSimKind _rds_sim_kind_db_snapshot;
extern RdsSimKind _rds_sim_kind_metric_alarm;
extern RdsSimKind _rds_sim_kind_retained_backup;
extern RdsSimKind _rds_sim_kind_kms_key;
extern RdsSimKind _rds_sim_kind_kms_alias;
extern RdsSimKind _rds_sim_kind_db_cluster;
extern RdsSimKind _rds_sim_kind_db_cluster_endpoint;
extern RdsSimKind _rds_sim_kind_db_cluster_snapshot;

struct _RdsSimRegion
{
  const RdsRegion *info;
  RdsSimEngine    *engine;
  char            *endpoint_label;   /* the per-account part of endpoint names */
  char            *vpc_id;
  char            *security_group_id;
  char            *default_kms_key;
  int              window_block_start; /* minutes of the day of the 8-hour window block */
  RdsDbSubnetGroup *default_subnet_group;
  GPtrArray       *parameter_groups; /* RdsDbParameterGroup, sorted by name */
  GPtrArray       *resources;        /* per kind, by its index: identifier → resource */
  gint64           allocated_storage; /* of all its instances, in GiB, for the quota */
  guint            zones_down;       /* a bit per zone of info that is down (/_sim/ faults) */
  guint64          instances_changed; /* counts instances added and removed */
  GPtrArray       *events;           /* RdsEvent, oldest first */
  guint64          events_base;      /* sequence number of events[0] */
};

struct _RdsSimEngine
{
  GObject       parent_instance;

  RdsSimClock  *clock;
  guint64       seed;
  RdsSimRng     rng;
  char         *account_id;
  gint64        quotas[RDS_SIM_N_QUOTAS];
  GHashTable   *regions;             /* name → RdsSimRegion */
  GPtrArray    *timers;              /* RdsSimTimer, a binary heap by due time */

  /* Changes since the last rds_sim_engine_take_changes () */
  GHashTable   *dirty;               /* "kind\nregion\nid" → NULL */
  GPtrArray    *new_events;          /* RdsEvent */
  GPtrArray    *new_event_regions;   /* the Region name of each */
  gboolean      settings_dirty;
  gboolean      in_load;
};

/* A Region's resources of one kind, by identifier. */
static inline GTree *
_rds_sim_region_resources (RdsSimRegion     *region,
                           const RdsSimKind *kind)
{
  return g_ptr_array_index (region->resources, kind->index);
}

#define RDS_SIM_INSTANCES(region) _rds_sim_region_resources ((region), &_rds_sim_kind_db_instance)
#define RDS_SIM_SNAPSHOTS(region) _rds_sim_region_resources ((region), &_rds_sim_kind_db_snapshot)
#define RDS_SIM_CLUSTERS(region) _rds_sim_region_resources ((region), &_rds_sim_kind_db_cluster)
#define RDS_SIM_CLUSTER_SNAPSHOTS(region) _rds_sim_region_resources ((region), &_rds_sim_kind_db_cluster_snapshot)
#define RDS_SIM_CLUSTER_ENDPOINTS(region) _rds_sim_region_resources ((region), &_rds_sim_kind_db_cluster_endpoint)

/* rds-sim-engine.c */
RdsSimRegion   *_rds_sim_engine_get_region       (RdsSimEngine    *self,
                                                  const char      *name);
char           *_rds_sim_engine_arn              (RdsSimEngine    *self,
                                                  RdsSimRegion    *region,
                                                  const char      *type,
                                                  const char      *id);
void            _rds_sim_engine_emit             (RdsSimEngine    *self,
                                                  RdsSimRegion    *region,
                                                  const char      *source_type,
                                                  const char      *source_id,
                                                  const char      *message,
                                                  const char      *category,
                                                  gint64           date);
void            _rds_sim_engine_schedule         (RdsSimEngine    *self,
                                                  RdsSimResource  *resource,
                                                  guint            timer,
                                                  gint64           due);
void            _rds_sim_engine_mark_dirty       (RdsSimEngine    *self,
                                                  const RdsSimKind *kind,
                                                  RdsSimRegion    *region,
                                                  const char      *id);
void            _rds_sim_resource_changed        (RdsSimEngine    *self,
                                                  RdsSimResource  *resource);
const char     *_rds_sim_resource_get_id         (RdsSimResource  *resource);
void            _rds_sim_region_add              (RdsSimRegion    *region,
                                                  RdsSimResource  *resource);
void            _rds_sim_resource_remove         (RdsSimEngine    *self,
                                                  RdsSimResource  *resource);
void            _rds_sim_resource_rekey          (RdsSimEngine    *self,
                                                  RdsSimResource  *resource,
                                                  const char      *new_id);
RdsSimResource *_rds_sim_region_lookup           (RdsSimRegion    *region,
                                                  const RdsSimKind *kind,
                                                  const char      *identifier,
                                                  GError         **error);
gint64          _rds_sim_engine_draw             (RdsSimEngine    *self,
                                                  gint64           low,
                                                  gint64           high);
gboolean        _rds_sim_engine_page_args        (RdsRequest      *request,
                                                  int              max_limit,
                                                  int             *max_records,
                                                  const char     **marker,
                                                  GError         **error);
char           *_rds_sim_encode_marker           (const char      *value);
char           *_rds_sim_decode_marker           (const char      *marker,
                                                  GError         **error);
char           *_rds_sim_encode_index_marker     (guint64          index);
gboolean        _rds_sim_decode_index_marker     (const char      *marker,
                                                  guint64         *index,
                                                  GError         **error);

/* rds-sim-engine-checks.c */
typedef struct
{
  const char *storage_type;
  int         allocated;
  int         iops;         /* -1: none */
  int         throughput;   /* -1: none */
} RdsSimStorage;

gboolean        _rds_sim_fail                    (GError              **error,
                                                  RdsAwsError           code,
                                                  const char           *format,
                                                  ...) G_GNUC_PRINTF (3, 4);
gboolean        _rds_sim_check_storage           (const RdsEngineInfo  *engine,
                                                  RdsSimStorage        *storage,
                                                  gboolean              explicit_iops,
                                                  gboolean              explicit_throughput,
                                                  GError              **error);
gboolean        _rds_sim_check_max_allocated     (const RdsEngineInfo  *engine,
                                                  const char           *storage_type,
                                                  int                   allocated,
                                                  int                   max_allocated,
                                                  GError              **error);
gboolean        _rds_sim_check_class             (const RdsEngineInfo  *engine,
                                                  const RdsVersionInfo *version,
                                                  const char           *class_name,
                                                  const char           *license,
                                                  GError              **error);
gboolean        _rds_sim_check_features          (const RdsEngineInfo  *engine,
                                                  gboolean              multi_az,
                                                  gboolean              iam_auth,
                                                  GError              **error);
gboolean        _rds_sim_check_ca                (const char           *ca,
                                                  GError              **error);
gboolean        _rds_sim_check_backup_retention  (int                   days,
                                                  GError              **error);
gboolean        _rds_sim_check_monitoring        (RdsRequest           *request,
                                                  int                   interval,
                                                  const char           *role,
                                                  GError              **error);
gboolean        _rds_sim_check_pi_retention      (int                   days,
                                                  GError              **error);
char           *_rds_sim_resolve_kms_key         (RdsSimEngine         *self,
                                                  RdsSimRegion         *region,
                                                  const char           *key,
                                                  GError              **error);
gboolean        _rds_sim_check_log_exports       (const RdsEngineInfo  *engine,
                                                  char                **exports,
                                                  GError              **error);
gboolean        _rds_sim_check_security_groups   (RdsSimRegion         *region,
                                                  char                **groups,
                                                  GError              **error);
gboolean        _rds_sim_check_parameter_group   (RdsSimRegion         *region,
                                                  const RdsVersionInfo *version,
                                                  const char           *name,
                                                  GError              **error);
gboolean        _rds_sim_check_quotas            (RdsSimEngine         *self,
                                                  RdsSimRegion         *region,
                                                  int                   new_instances,
                                                  int                   new_storage,
                                                  GError              **error);
gboolean        _rds_sim_draw_windows            (RdsSimEngine         *self,
                                                  RdsSimRegion         *region,
                                                  RdsRequest           *request,
                                                  char                **backup_window,
                                                  char                **maintenance_window,
                                                  GError              **error);

/* rds-sim-engine-instances.c */
RdsQueryResult *_rds_sim_action_create_db_instance   (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_describe_db_instances (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_modify_db_instance   (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_reboot_db_instance   (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_stop_db_instance     (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_start_db_instance    (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_delete_db_instance   (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
void            _rds_sim_instance_refresh            (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      gint64           now);
RdsSimInstance *_rds_sim_instance_lookup             (RdsSimRegion    *region,
                                                      const char      *identifier,
                                                      GError         **error);
void            _rds_sim_instance_set_workload       (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      RdsSimProfile    profile,
                                                      double           multiplier,
                                                      gint64           now);
RdsSimInstance *_rds_sim_instance_new                (RdsSimEngine    *self,
                                                      RdsSimRegion    *region,
                                                      RdsDbInstance   *model,
                                                      int              port,
                                                      gint64           now);
void            _rds_sim_instance_set_security_groups (RdsSimInstance *instance,
                                                      char           **groups);
void            _rds_sim_instance_set_parameter_apply_status (RdsSimInstance *instance,
                                                      const char      *apply_status);
void            _rds_sim_instance_set_parameter_group (RdsSimInstance *instance,
                                                      const char      *name,
                                                      const char      *apply_status);
void            _rds_sim_instance_emit               (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      const char      *message,
                                                      const char      *category,
                                                      gint64           date);
void            _rds_sim_instance_dirty              (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance);
RdsShape       *_rds_sim_instance_pending            (RdsSimInstance  *instance);
gint64          _rds_sim_instance_hashed_duration    (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      const char      *step,
                                                      gint64           start,
                                                      int              low,
                                                      int              high);
void            _rds_sim_instance_start_op           (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      RdsSimOp         op,
                                                      const char      *status,
                                                      gint64           due);
void            _rds_sim_instance_become_available   (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      gint64           now);
RdsSimSegment  *_rds_sim_instance_record             (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      gint64           now,
                                                      int              phase);
void            _rds_sim_instance_record_start       (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      gint64           now);
void            _rds_sim_instance_finish_modify      (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      gint64           now);
const char     *_rds_sim_op_get_name                 (RdsSimOp         op);
gboolean        _rds_sim_op_from_name                (const char      *name,
                                                      RdsSimOp        *op);

/* rds-sim-engine-availability.c: the standby, failovers and faults */
gint64          _rds_sim_standby_build               (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      gboolean         conversion,
                                                      gint64           now);
void            _rds_sim_standby_fire                (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      gint64           now);
gboolean        _rds_sim_standby_is_building         (RdsSimInstance  *instance);
void            _rds_sim_standby_complete            (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      gint64           now);
gboolean        _rds_sim_instance_check_failover     (RdsSimInstance  *instance,
                                                      GError         **error);
gboolean        _rds_sim_instance_failover_recent    (RdsSimInstance  *instance,
                                                      gint64           now);
void            _rds_sim_instance_failover           (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      gboolean         automatic,
                                                      gint64           now);
void            _rds_sim_instance_finish_failover    (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      gint64           now);
void            _rds_sim_instance_finish_recovery    (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      gint64           now);
void            _rds_sim_instance_zone_changed       (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      gint64           now);
gboolean        _rds_sim_region_zone_is_down         (RdsSimRegion    *region,
                                                      const char      *zone);
const char     *_rds_sim_standby_get_name            (RdsSimStandby    standby);
gboolean        _rds_sim_standby_from_name           (const char      *name,
                                                      RdsSimStandby   *standby);

/* rds-sim-engine-replicas.c */
RdsQueryResult *_rds_sim_action_create_db_instance_read_replica (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_promote_read_replica (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsSimInstance *_rds_sim_instance_get_source         (RdsSimInstance  *replica);
gboolean        _rds_sim_instance_is_running         (RdsSimInstance  *instance);
void            _rds_sim_replication_update          (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      gint64           now);
void            _rds_sim_replica_finish_create       (RdsSimEngine    *self,
                                                      RdsSimInstance  *replica,
                                                      gint64           now);
void            _rds_sim_replica_finish_setup        (RdsSimEngine    *self,
                                                      RdsSimInstance  *replica,
                                                      gint64           now);
void            _rds_sim_replica_complete_promotion  (RdsSimEngine    *self,
                                                      RdsSimInstance  *replica,
                                                      gint64           now);
void            _rds_sim_replica_finish_promote      (RdsSimEngine    *self,
                                                      RdsSimInstance  *replica,
                                                      gint64           now);
void            _rds_sim_replicas_source_deleted     (RdsSimEngine    *self,
                                                      RdsSimInstance  *source,
                                                      gint64           now);
void            _rds_sim_replica_detach              (RdsSimEngine    *self,
                                                      RdsSimInstance  *replica);
gboolean        _rds_sim_instance_replica_lag        (RdsSimInstance  *replica,
                                                      RdsSimInstance  *source,
                                                      gint64           minute,
                                                      double          *value);
guint           _rds_sim_instance_count_replicas     (RdsSimInstance  *instance);
GPtrArray      *_rds_sim_replicas_find_related       (RdsSimInstance  *instance);
void            _rds_sim_replicas_renamed            (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      GPtrArray       *related,
                                                      const char      *old_id,
                                                      const char      *old_arn);
const char     *_rds_sim_replication_get_name        (RdsSimReplication state);
gboolean        _rds_sim_replication_from_name       (const char      *name,
                                                      RdsSimReplication *state);

/* rds-sim-engine-snapshots.c */
RdsQueryResult *_rds_sim_action_create_db_snapshot    (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_delete_db_snapshot    (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_describe_db_snapshots (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsSimSnapshot *_rds_sim_snapshot_start               (RdsSimEngine    *self,
                                                       RdsSimInstance  *instance,
                                                       const char      *snapshot_id,
                                                       GPtrArray       *tags,
                                                       gint64           now,
                                                       gint64           due);
guint           _rds_sim_count_manual_snapshots       (RdsSimRegion    *region);
gboolean        _rds_sim_snapshot_check_new           (RdsSimEngine    *self,
                                                       RdsSimRegion    *region,
                                                       const char      *snapshot_id,
                                                       GError         **error);
gint64          _rds_sim_snapshot_duration            (RdsSimEngine    *self,
                                                       RdsSimInstance  *instance);
void            _rds_sim_snapshot_refresh             (RdsSimSnapshot  *snapshot,
                                                       gint64           now);
RdsSimSnapshot *_rds_sim_snapshot_lookup              (RdsSimRegion    *region,
                                                       const char      *identifier,
                                                       GError         **error);

/* rds-sim-engine-backups.c: automated backups */
RdsQueryResult *_rds_sim_action_describe_db_instance_automated_backups (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_delete_db_instance_automated_backup (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
void            _rds_sim_backup_take                  (RdsSimEngine    *self,
                                                       RdsSimInstance  *instance,
                                                       gint64           now,
                                                       gint64           due);
void            _rds_sim_backup_schedule              (RdsSimEngine    *self,
                                                       RdsSimInstance  *instance,
                                                       gint64           now);
void            _rds_sim_backup_fire                  (RdsSimEngine    *self,
                                                       RdsSimInstance  *instance,
                                                       gint64           now);
void            _rds_sim_backup_finish                (RdsSimEngine    *self,
                                                       RdsSimInstance  *instance,
                                                       gint64           now);
void            _rds_sim_backup_expire                (RdsSimEngine    *self,
                                                       RdsSimInstance  *instance,
                                                       gint64           now);
void            _rds_sim_backup_delete_all            (RdsSimEngine    *self,
                                                       RdsSimInstance  *instance);
void            _rds_sim_backup_retain                (RdsSimEngine    *self,
                                                       RdsSimInstance  *instance,
                                                       gint64           now);
gint64          _rds_sim_backup_earliest              (RdsSimRegion    *region,
                                                       GPtrArray       *automated);
RdsSimSnapshot *_rds_sim_backup_base                  (RdsSimRegion    *region,
                                                       GPtrArray       *automated,
                                                       gint64           time);
gboolean        _rds_sim_backup_lookup                (RdsSimEngine    *self,
                                                       RdsSimRegion    *region,
                                                       const char      *resource_id,
                                                       const char      *arn,
                                                       RdsSimInstance **instance,
                                                       RdsSimRetainedBackup **retained,
                                                       GError         **error);
GPtrArray      *_rds_sim_retained_get_automated       (RdsSimRetainedBackup *retained);
JsonArray      *_rds_sim_backup_save_names            (GPtrArray       *automated);
GPtrArray      *_rds_sim_backup_load_names            (JsonObject      *sim);

/* rds-sim-engine-restores.c: new instances from backups */
RdsQueryResult *_rds_sim_action_restore_db_instance_from_db_snapshot (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_restore_db_instance_to_point_in_time (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);

/* rds-sim-engine-metrics.c: CloudWatch's */
RdsQueryResult *_rds_sim_action_get_metric_statistics (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_get_metric_data       (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_list_metrics          (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
gboolean        _rds_sim_metric_resolve               (const char      *namespace,
                                                       const char      *metric_name,
                                                       GListModel      *dimensions,
                                                       const char      *unit,
                                                       char           **instance,
                                                       RdsMetricId     *metric);
guint           _rds_sim_metric_values                (RdsSimInstance  *instance,
                                                       RdsMetricId      metric,
                                                       const char      *stat,
                                                       int              period,
                                                       gint64           start,
                                                       gint64           end,
                                                       gint64           now,
                                                       gint64          *timestamps,
                                                       double          *values,
                                                       guint            capacity);

/* rds-sim-engine-catalog.c */
RdsQueryResult *_rds_sim_action_describe_db_engine_versions  (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_describe_orderable_options   (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_describe_db_subnet_groups    (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_describe_db_parameter_groups (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_describe_db_security_groups  (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_describe_events              (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_describe_account_attributes  (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_add_tags_to_resource         (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_list_tags_for_resource       (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsQueryResult *_rds_sim_action_remove_tags_from_resource    (RdsSimEngine *, RdsSimRegion *, RdsRequest *, GError **);
RdsDbParameterGroup *_rds_sim_region_find_parameter_group    (RdsSimRegion    *region,
                                                              const char      *name);
gboolean        _rds_rules_check_tags                          (GPtrArray       *tags,
                                                              GError         **error);
void            _rds_sim_merge_tags                          (GListStore      *list,
                                                              GPtrArray       *tags);

/* rds-sim-engine-clusters.c: Aurora clusters, their members and volume */
RdsSimCluster  *_rds_sim_instance_get_cluster        (RdsSimInstance  *instance);
RdsQueryResult *_rds_sim_cluster_create_instance     (RdsSimEngine    *self,
                                                      RdsSimRegion    *region,
                                                      RdsRequest      *request,
                                                      GError         **error);
void            _rds_sim_cluster_member_scaling      (RdsSimInstance  *instance,
                                                      float           *min_acu,
                                                      float           *max_acu);
void            _rds_sim_cluster_member_created      (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      gint64           now);
void            _rds_sim_cluster_member_failed       (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      gint64           now);
void            _rds_sim_cluster_member_recovered    (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      gint64           now);
void            _rds_sim_cluster_member_deleting     (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      gint64           now);
void            _rds_sim_cluster_member_removed      (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      gint64           now);
gboolean        _rds_sim_cluster_check_member_request (RdsSimInstance *instance,
                                                      RdsRequest      *request,
                                                      GError         **error);
void            _rds_sim_cluster_modify_member       (RdsSimEngine    *self,
                                                      RdsSimInstance  *instance,
                                                      RdsRequest      *request);
void            _rds_sim_cluster_zone_changed        (RdsSimEngine    *self,
                                                      RdsSimCluster   *cluster,
                                                      gint64           now);
void            _rds_sim_clusters_zone_changed       (RdsSimEngine    *self,
                                                      RdsSimRegion    *region);
RdsSimCluster  *_rds_sim_cluster_lookup              (RdsSimRegion    *region,
                                                      const char      *identifier,
                                                      GError         **error);
double          _rds_sim_cluster_volume_gib          (RdsSimCluster   *cluster,
                                                      gint64           time);
void            _rds_sim_cluster_refresh             (RdsSimCluster   *cluster,
                                                      gint64           now);

/* rds-sim-engine-cluster-snapshots.c */
RdsSimClusterSnapshot *_rds_sim_cluster_snapshot_take (RdsSimEngine   *self,
                                                      RdsSimCluster   *cluster,
                                                      const char      *snapshot_id,
                                                      gboolean         automated,
                                                      GPtrArray       *tags,
                                                      gint64           now);
gboolean        _rds_sim_cluster_snapshot_check_new  (RdsSimEngine    *self,
                                                      RdsSimRegion    *region,
                                                      const char      *snapshot_id,
                                                      GError         **error);
void            _rds_sim_cluster_backup_schedule     (RdsSimEngine    *self,
                                                      RdsSimCluster   *cluster,
                                                      gint64           now);
void            _rds_sim_cluster_backup_fire         (RdsSimEngine    *self,
                                                      RdsSimCluster   *cluster,
                                                      gint64           now);
void            _rds_sim_cluster_backups_delete      (RdsSimEngine    *self,
                                                      RdsSimCluster   *cluster);

/* rds-sim-engine-kms.c: KMS keys and aliases */
char           *_rds_sim_kms_resolve_for_rds          (RdsSimEngine    *self,
                                                       RdsSimRegion    *region,
                                                       const char      *text,
                                                       GError         **error);

G_END_DECLS
