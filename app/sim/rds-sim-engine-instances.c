/* rds-sim-engine-instances.c: DB instances: create, describe, modify, reboot, stop, start, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every action validates the whole request before it touches anything, so a
 * rejected request changes nothing. Operations that take time set the
 * instance's status and its step timer; instance_fire() moves it
 * on when the step ends. Durations of steps that start later are drawn from
 * a hash of the seed and the instance, not from the generator, so that a
 * restarted simulator (which replays no requests) draws the same.
 */

#include "config.h"

#include "rds-sim-engine-private.h"

#include <math.h>
#include <string.h>

#include "rds-certificate-details.h"
#include "rds-db-parameter-group-status.h"
#include "rds-endpoint.h"
#include "rds-master-user-secret.h"
#include "rds-option-group-membership.h"
#include "rds-pending-modified-values.h"
#include "rds-rules.h"
#include "rds-tag.h"
#include "rds-vpc-security-group-membership.h"

#define HOUR USEC (3600)
#define DAY  USEC (86400)
#define STOP_LIMIT (7 * DAY)
#define STORAGE_COOLDOWN (6 * HOUR)
#define MINUTE USEC (60)
#define LOW_STORAGE 0.1           /* autoscaling: less than 10 % free… */
#define LOW_STORAGE_LASTS (5 * MINUTE) /* …for at least five minutes */

static const char * const op_names[RDS_SIM_N_OPS] = {
  [RDS_SIM_OP_NONE] = "none",
  [RDS_SIM_OP_CREATE] = "create",
  [RDS_SIM_OP_FIRST_BACKUP] = "first-backup",
  [RDS_SIM_OP_REBOOT] = "reboot",
  [RDS_SIM_OP_STOP] = "stop",
  [RDS_SIM_OP_START] = "start",
  [RDS_SIM_OP_MODIFY] = "modify",
  [RDS_SIM_OP_OPTIMIZE] = "optimize",
  [RDS_SIM_OP_SNAPSHOT] = "snapshot",
  [RDS_SIM_OP_DELETE] = "delete",
  [RDS_SIM_OP_FAILOVER] = "failover",
  [RDS_SIM_OP_DOWN] = "down",
  [RDS_SIM_OP_RECOVER] = "recover",
  [RDS_SIM_OP_REPLICATE] = "replicate",
  [RDS_SIM_OP_PROMOTE] = "promote",
  [RDS_SIM_OP_BACKUP] = "backup",
  [RDS_SIM_OP_RENAME] = "rename",
};

const char *
_rds_sim_op_get_name (RdsSimOp op)
{
  g_return_val_if_fail (op < RDS_SIM_N_OPS, "none");

  return op_names[op];
}

gboolean
_rds_sim_op_from_name (const char *name,
                       RdsSimOp   *op)
{
  for (guint i = 0; i < RDS_SIM_N_OPS; i++)
    if (g_strcmp0 (op_names[i], name) == 0)
      {
        *op = i;
        return TRUE;
      }

  return FALSE;
}

static void
instance_free (RdsSimResource *resource)
{
  RdsSimInstance *instance = (RdsSimInstance *) resource;

  g_clear_object (&instance->model);
  rds_sim_workload_clear (&instance->workload);
  g_clear_pointer (&instance->automated, g_ptr_array_unref);
  g_free (instance->restore_note);
  g_free (instance);
}

/* Its storage counts against the Region's quota while it is there. */
static void
instance_added (RdsSimResource *resource)
{
  RdsSimInstance *instance = (RdsSimInstance *) resource;

  instance->region->allocated_storage += rds_shape_get_int (RDS_SHAPE (instance->model), "allocated-storage");
  instance->region->instances_changed++;
}

static void
instance_removed (RdsSimResource *resource)
{
  RdsSimInstance *instance = (RdsSimInstance *) resource;

  instance->region->allocated_storage -= rds_shape_get_int (RDS_SHAPE (instance->model), "allocated-storage");
  instance->region->instances_changed++;
}

static RdsShape *
shape (RdsSimInstance *instance)
{
  return RDS_SHAPE (instance->model);
}

static const char *
instance_id (RdsSimInstance *instance)
{
  return rds_db_instance_get_identifier (instance->model);
}

RdsShape *
_rds_sim_instance_pending (RdsSimInstance *instance)
{
  RdsShape *values = rds_shape_get_object (shape (instance), "pending-modified-values");

  if (values == NULL)
    {
      g_autoptr(RdsPendingModifiedValues) empty = g_object_new (RDS_TYPE_PENDING_MODIFIED_VALUES, NULL);

      rds_shape_set_object (shape (instance), "pending-modified-values", empty);
      values = RDS_SHAPE (empty);
    }

  return values;
}

void
_rds_sim_instance_dirty (RdsSimEngine   *self,
                         RdsSimInstance *instance)
{
  _rds_sim_resource_changed (self, &instance->resource);
}

void
_rds_sim_instance_emit (RdsSimEngine   *self,
                        RdsSimInstance *instance,
                        const char     *message,
                        const char     *category,
                        gint64          date)
{
  _rds_sim_engine_emit (self, instance->region, "db-instance", instance_id (instance),
                        message, category, date);
}

/* A duration for a step that begins later: depends on the seed, the instance
 * and the step, never on the generator's position. */
gint64
_rds_sim_instance_hashed_duration (RdsSimEngine   *self,
                                   RdsSimInstance *instance,
                                   const char     *step,
                                   gint64          start,
                                   int             low,
                                   int             high)
{
  g_autofree char *salt = g_strdup_printf ("%s/%s/%s/%" G_GINT64_FORMAT,
                                           instance->region->info->name, instance_id (instance),
                                           step, start);
  guint64 value = rds_sim_hash (rds_sim_engine_get_seed (self), salt);

  return USEC (low + (gint64) (value % (guint64) (high - low + 1)));
}

void
_rds_sim_instance_start_op (RdsSimEngine   *self,
                            RdsSimInstance *instance,
                            RdsSimOp        op,
                            const char     *status,
                            gint64          due)
{
  instance->op = op;
  rds_db_instance_set_status (instance->model, status);
  _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_STEP, due);
  _rds_sim_instance_dirty (self, instance);
}

static void storage_schedule (RdsSimEngine   *self,
                              RdsSimInstance *instance,
                              gint64          now);

/* Available, or storage-full if the disk filled up meanwhile. */
void
_rds_sim_instance_become_available (RdsSimEngine   *self,
                                    RdsSimInstance *instance,
                                    gint64          now)
{
  const RdsSimSegment *segment = rds_sim_workload_last (&instance->workload);
  gboolean full = segment != NULL && segment->phase == RDS_SIM_PHASE_FULL;

  instance->op = RDS_SIM_OP_NONE;
  rds_db_instance_set_status (instance->model, full ? "storage-full" : "available");
  _rds_sim_instance_refresh (self, instance, now);
  storage_schedule (self, instance, now);
  _rds_sim_instance_dirty (self, instance);

  /* A fault that came while it was busy reaches it now. */
  if (instance->faults != 0 || instance->region->zones_down != 0)
    _rds_sim_instance_zone_changed (self, instance, now);
  /* An Aurora instance that serves again may take over from a lost writer. */
  if (instance->op == RDS_SIM_OP_NONE && rds_shape_get_string (shape (instance), "db-cluster-identifier") != NULL)
    _rds_sim_cluster_member_recovered (self, instance, now);
}

/* Its metrics' history */

/* What a new instance's disk holds before any data: the engine's files. */
static double
initial_used_gib (int allocated)
{
  return 0.5 + allocated * 0.01;
}

static void
workload_init (RdsSimEngine   *self,
               RdsSimInstance *instance,
               gint64          created)
{
  const RdsEngineInfo *engine = rds_catalog_find_engine (rds_db_instance_get_engine (instance->model));
  g_autofree char *salt = g_strdup_printf ("workload/%s/%s/%" G_GINT64_FORMAT, instance->region->info->name,
                                           instance_id (instance), created);
  RdsSimSegment *segment;

  rds_sim_workload_init (&instance->workload, rds_sim_hash (rds_sim_engine_get_seed (self), salt),
                         engine != NULL ? engine->family : RDS_FAMILY_MYSQL);
  segment = rds_sim_workload_change (&instance->workload, created);
  segment->used_gib = initial_used_gib (rds_shape_get_int (shape (instance), "allocated-storage"));
}

/* A new stretch of the instance's history from @now, in step with its
 * model; @phase < 0 keeps the phase. */
RdsSimSegment *
_rds_sim_instance_record (RdsSimEngine   *self,
                          RdsSimInstance *instance,
                          gint64          now,
                          int             phase)
{
  RdsShape *model = shape (instance);
  RdsSimSegment *segment;

  /* History as long as CloudWatch keeps metrics, no longer. */
  rds_sim_workload_prune (&instance->workload, now - (gint64) RDS_METRICS_HOUR_RETENTION_DAYS * DAY);
  segment = rds_sim_workload_change (&instance->workload, now);
  segment->klass = rds_catalog_find_class (rds_shape_get_string (model, "db-instance-class"));
  segment->storage_type = g_intern_string (rds_shape_get_string (model, "storage-type"));
  segment->allocated_gib = rds_shape_get_int (model, "allocated-storage");
  _rds_sim_cluster_member_scaling (instance, &segment->min_acu, &segment->max_acu);
  if (phase >= 0)
    segment->phase = phase;
  storage_schedule (self, instance, now);
  _rds_sim_instance_dirty (self, instance);
  return segment;
}

/* The engine starts afresh at @now: connections and caches build up again. */
void
_rds_sim_instance_record_start (RdsSimEngine   *self,
                                RdsSimInstance *instance,
                                gint64          now)
{
  _rds_sim_instance_record (self, instance, now, RDS_SIM_PHASE_RUNNING)->restarted = now;
}

/**
 * _rds_sim_instance_set_workload:
 *
 * Changes the instance's workload from @now: its profile and its load
 * multiplier.
 */
void
_rds_sim_instance_set_workload (RdsSimEngine   *self,
                                RdsSimInstance *instance,
                                RdsSimProfile   profile,
                                double          multiplier,
                                gint64          now)
{
  RdsSimSegment *segment = rds_sim_workload_change (&instance->workload, now);

  segment->profile = profile;
  segment->multiplier = (float) multiplier;
  storage_schedule (self, instance, now);
  _rds_sim_instance_dirty (self, instance);
}

static RdsSimInstance *
workload_instance (RdsSimEngine  *self,
                   const char    *region_name,
                   const char    *identifier,
                   GError       **error)
{
  RdsSimRegion *region = region_name != NULL ? _rds_sim_engine_get_region (self, region_name) : NULL;

  if (region == NULL)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "The Region '%s' is not one this endpoint serves.", region_name ? region_name : "");
      return NULL;
    }
  rds_sim_engine_catch_up (self);
  return _rds_sim_instance_lookup (region, identifier, error);
}

/**
 * rds_sim_engine_get_workload:
 * @profile: (out): its profile's name
 * @multiplier: (out): its load multiplier
 */
gboolean
rds_sim_engine_get_workload (RdsSimEngine  *self,
                             const char    *region,
                             const char    *identifier,
                             const char   **profile,
                             double        *multiplier,
                             GError       **error)
{
  RdsSimInstance *instance = workload_instance (self, region, identifier, error);
  const RdsSimSegment *segment;

  if (instance == NULL)
    return FALSE;
  segment = rds_sim_workload_last (&instance->workload);
  *profile = rds_sim_profile_get_name (segment != NULL ? segment->profile : RDS_SIM_PROFILE_OLTP);
  *multiplier = segment != NULL ? segment->multiplier : 1.0;
  return TRUE;
}

/**
 * rds_sim_engine_set_workload:
 * @profile: idle, steady-oltp, read-heavy-reporting or spiky-batch
 * @multiplier: the load, from 0 to 100 times the profile's
 *
 * Changes what the instance is asked to do from now on: its metrics
 * follow, and so does the growth of its data.
 */
gboolean
rds_sim_engine_set_workload (RdsSimEngine  *self,
                             const char    *region,
                             const char    *identifier,
                             const char    *profile,
                             double         multiplier,
                             GError       **error)
{
  RdsSimInstance *instance;
  RdsSimProfile value;

  if (!rds_sim_profile_from_name (profile, &value))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "The workload profile '%s' is not one of idle, steady-oltp, read-heavy-reporting or "
                   "spiky-batch.", profile != NULL ? profile : "");
      return FALSE;
    }
  if (!(multiplier >= 0 && multiplier <= 100))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "The load multiplier must be a number from 0 to 100, not %g.", multiplier);
      return FALSE;
    }
  instance = workload_instance (self, region, identifier, error);
  if (instance == NULL)
    return FALSE;

  _rds_sim_instance_set_workload (self, instance, value, multiplier, rds_sim_engine_get_now (self));
  return TRUE;
}

const char * const *
rds_sim_engine_list_profiles (void)
{
  static const char *names[RDS_SIM_N_PROFILES + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < RDS_SIM_N_PROFILES; i++)
      names[i] = rds_sim_profile_get_name (i);
  return names;
}

/* Storage: low, autoscaling, full, from the curve of free space */

static int
max_allocated (RdsSimInstance *instance)
{
  return rds_shape_get_int (shape (instance), "max-allocated-storage");
}

/* Autoscaling acts on an available or full instance below its threshold. */
static gboolean
can_autoscale (RdsSimInstance      *instance,
               const RdsSimSegment *segment)
{
  const char *status = rds_db_instance_get_status (instance->model);

  return max_allocated (instance) > segment->allocated_gib &&
         (g_strcmp0 (status, "available") == 0 || g_strcmp0 (status, "storage-full") == 0);
}

/* The first minute the segment has less than 10 % free. */
static gint64
low_storage_time (const RdsSimSegment *segment)
{
  return rds_sim_segment_time_used (segment, segment->allocated_gib * (1.0 - LOW_STORAGE) + 1e-9);
}

/* When the next thing about the instance's storage happens, if it grows. */
static void
storage_schedule (RdsSimEngine   *self,
                  RdsSimInstance *instance,
                  gint64          now)
{
  const RdsSimSegment *segment = rds_sim_workload_last (&instance->workload);
  gint64 due = G_MAXINT64;

  /* An Aurora instance's data is on its cluster's volume. */
  if (segment == NULL || rds_shape_get_string (shape (instance), "db-cluster-identifier") != NULL)
    return;

  if (segment->phase == RDS_SIM_PHASE_RUNNING && rds_sim_segment_growth (segment) > 0)
    {
      due = rds_sim_segment_time_used (segment, segment->allocated_gib);
      if (!(instance->storage_notices & RDS_SIM_NOTICE_LOW))
        due = MIN (due, low_storage_time (segment));
    }

  /* Low for five minutes, and six hours since the last change: autoscaling
   * (or first, while it waits, the notice that it does). */
  if ((segment->phase == RDS_SIM_PHASE_RUNNING || segment->phase == RDS_SIM_PHASE_FULL) &&
      (instance->storage_notices & RDS_SIM_NOTICE_LOW) && can_autoscale (instance, segment))
    {
      gint64 lasted = instance->low_since + LOW_STORAGE_LASTS;
      gint64 cooled = instance->last_storage_change + STORAGE_COOLDOWN;

      if (!(instance->storage_notices & RDS_SIM_NOTICE_COOLING) && lasted < cooled)
        due = MIN (due, lasted);
      else
        due = MIN (due, MAX (MAX (lasted, cooled), instance->storage_retry));
    }

  _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_STORAGE,
                            due == G_MAXINT64 ? 0 : MAX (due, now));
}

static void
emit_storage_failure (RdsSimEngine   *self,
                      RdsSimInstance *instance,
                      const char     *reason,
                      gint64          now)
{
  g_autofree char *message = g_strdup_printf ("Unable to apply autoscaling-initiated modification to "
                                              "allocated storage: %s", reason);

  _rds_sim_instance_emit (self, instance, message, "failure", now);
}

/* Autoscaling adds max(5 GiB, 10 %, the growth of the next 7 hours), up
 * to the threshold. */
static void
autoscale (RdsSimEngine        *self,
           RdsSimInstance      *instance,
           const RdsSimSegment *segment,
           gint64               now)
{
  int allocated = segment->allocated_gib;
  int threshold = max_allocated (instance);
  int increment = MAX (5, (int) ceil (allocated * 0.1));
  int target;

  increment = MAX (increment, (int) ceil (rds_sim_segment_growth (segment) * 7.0));
  target = MIN (allocated + increment, threshold);

  if (instance->region->allocated_storage + (target - allocated) >
      rds_sim_engine_get_quota (self, RDS_SIM_QUOTA_STORAGE_GIB))
    {
      if (!(instance->storage_notices & RDS_SIM_NOTICE_QUOTA))
        emit_storage_failure (self, instance, "the Region's allocated storage quota would be exceeded.", now);
      instance->storage_notices |= RDS_SIM_NOTICE_QUOTA;
      /* Tried again after the cooling-off period: the quota may have room then. */
      instance->storage_retry = now + STORAGE_COOLDOWN;
      return;
    }

  rds_shape_set_int (_rds_sim_instance_pending (instance), "allocated-storage", target);
  instance->autoscaling = TRUE;
  instance->last_storage_change = now;
  _rds_sim_instance_emit (self, instance, "Applying autoscaling-initiated modification to allocated storage.",
                          "configuration change", now);
  _rds_sim_instance_start_op (self, instance, RDS_SIM_OP_MODIFY, "modifying",
                              now + _rds_sim_instance_hashed_duration (self, instance, "autoscale", now, 240, 600));
}

static void
storage_fire (RdsSimEngine   *self,
              RdsSimInstance *instance,
              gint64          now)
{
  const RdsSimSegment *segment = rds_sim_workload_last (&instance->workload);
  const char *status = rds_db_instance_get_status (instance->model);
  double used, allocated;

  if (segment == NULL || (segment->phase != RDS_SIM_PHASE_RUNNING && segment->phase != RDS_SIM_PHASE_FULL))
    return;

  used = rds_sim_segment_used_gib (segment, now);
  allocated = segment->allocated_gib;

  if (segment->phase == RDS_SIM_PHASE_RUNNING && used >= allocated)
    {
      _rds_sim_instance_emit (self, instance, "Allocated storage has been exhausted. Allocate additional storage to resolve.",
                              "low storage", now);
      if (g_strcmp0 (status, "available") == 0)
        rds_db_instance_set_status (instance->model, "storage-full");
      _rds_sim_instance_record (self, instance, now, RDS_SIM_PHASE_FULL);
      /* Shut down: it neither replicates nor serves its replicas. */
      _rds_sim_replication_update (self, instance, now);
      return;
    }

  if (used > allocated * (1.0 - LOW_STORAGE))
    {
      int threshold = max_allocated (instance);

      if (!(instance->storage_notices & RDS_SIM_NOTICE_LOW))
        {
          double free_gib = allocated - used;
          g_autofree char *message = g_strdup_printf ("The free storage capacity for DB instance: %s is low at "
                                                      "%d%% of the provisioned storage [Provisioned Storage: "
                                                      "%.2f GB, Free Storage: %.2f GB]. You may want to "
                                                      "increase the provisioned storage to address this issue.",
                                                      instance_id (instance),
                                                      (int) floor (free_gib / allocated * 100.0),
                                                      allocated, free_gib);

          _rds_sim_instance_emit (self, instance, message, "low storage", now);
          instance->storage_notices |= RDS_SIM_NOTICE_LOW;
          instance->low_since = now;
        }

      if (can_autoscale (instance, segment))
        {
          gint64 lasted = instance->low_since + LOW_STORAGE_LASTS;
          gint64 cooled = instance->last_storage_change + STORAGE_COOLDOWN;

          if (now >= lasted && now >= cooled && now >= instance->storage_retry)
            {
              autoscale (self, instance, segment, now);
              if (instance->autoscaling)
                return;
            }
          else if (now >= lasted && !(instance->storage_notices & RDS_SIM_NOTICE_COOLING))
            {
              emit_storage_failure (self, instance, "the cooling-off period of 6 hours since the last "
                                    "storage modification has not ended yet.", now);
              instance->storage_notices |= RDS_SIM_NOTICE_COOLING;
            }
        }
      else if (threshold > 0 && threshold <= allocated && !(instance->storage_notices & RDS_SIM_NOTICE_AT_MAX))
        {
          g_autofree char *reason = g_strdup_printf ("the allocated storage has reached the maximum "
                                                     "storage threshold of %d GiB. Increase the maximum "
                                                     "storage threshold.", threshold);

          emit_storage_failure (self, instance, reason, now);
          instance->storage_notices |= RDS_SIM_NOTICE_AT_MAX;
        }
    }

  storage_schedule (self, instance, now);
  _rds_sim_instance_dirty (self, instance);
}

RdsSimInstance *
_rds_sim_instance_lookup (RdsSimRegion  *region,
                          const char    *identifier,
                          GError       **error)
{
  return (RdsSimInstance *) _rds_sim_region_lookup (region, &_rds_sim_kind_db_instance, identifier, error);
}

static RdsSimInstance *
lookup_required (RdsSimRegion  *region,
                 RdsRequest    *request,
                 GError       **error)
{
  const char *identifier = rds_request_require_string (request, "DBInstanceIdentifier", error);

  if (identifier == NULL)
    return NULL;

  return _rds_sim_instance_lookup (region, identifier, error);
}

static RdsQueryResult *
item_result (const char *action,
             gpointer    item)
{
  RdsQueryResult *result = rds_query_result_new (rds_action_lookup (action));

  result->item = g_object_ref (item);
  return result;
}

static const RdsEngineInfo *
engine_of (RdsSimInstance *instance)
{
  return rds_catalog_find_engine (rds_db_instance_get_engine (instance->model));
}

/* Derived values, brought up to date before the instance is shown. */
void
_rds_sim_instance_refresh (RdsSimEngine   *self,
                           RdsSimInstance *instance,
                           gint64          now)
{
  RdsShape *model = shape (instance);
  gint64 created = rds_shape_get_timestamp (model, "instance-create-time");
  const char *status = rds_db_instance_get_status (instance->model);
  gboolean running = created != 0 && instance->op != RDS_SIM_OP_CREATE &&
                     instance->op != RDS_SIM_OP_DELETE &&
                     g_strcmp0 (status, "stopped") != 0 && g_strcmp0 (status, "stopping") != 0;

  /* Transaction logs reach S3 every five minutes. */
  if (rds_shape_get_int (model, "backup-retention-period") == 0)
    rds_shape_set_timestamp (model, "latest-restorable-time", 0);
  else if (running)
    rds_shape_set_timestamp (model, "latest-restorable-time",
                             MAX (created, now - (now - created) % USEC (300)));
}

void
_rds_sim_instance_set_security_groups (RdsSimInstance  *instance,
                                       char           **groups)
{
  GListStore *list = rds_shape_ensure_list (shape (instance), "vpc-security-groups");

  g_list_store_remove_all (list);
  for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
    {
      g_autoptr(RdsShape) membership = g_object_new (RDS_TYPE_VPC_SECURITY_GROUP_MEMBERSHIP,
                                                     "vpc-security-group-id", groups[i],
                                                     "status", "active",
                                                     NULL);
      g_list_store_append (list, membership);
    }
}

void
_rds_sim_instance_set_parameter_group (RdsSimInstance *instance,
                                       const char     *name,
                                       const char     *apply_status)
{
  GListStore *list = rds_shape_ensure_list (shape (instance), "db-parameter-groups");
  g_autoptr(RdsShape) status = g_object_new (RDS_TYPE_DB_PARAMETER_GROUP_STATUS,
                                             "db-parameter-group-name", name,
                                             "parameter-apply-status", apply_status,
                                             NULL);

  g_list_store_remove_all (list);
  g_list_store_append (list, status);
}

void
_rds_sim_instance_set_parameter_apply_status (RdsSimInstance *instance,
                                              const char     *apply_status)
{
  GListModel *list = rds_shape_get_list (shape (instance), "db-parameter-groups");

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RdsShape) status = g_list_model_get_item (list, i);

      rds_shape_set_string (status, "parameter-apply-status", apply_status);
    }
}

/**
 * _rds_sim_instance_new:
 * @model: (transfer full): what DescribeDBInstances will show
 * @port: the endpoint's port, 0 for the engine's
 *
 * Returns: (transfer none): a new instance, in @region from @now
 */
RdsSimInstance *
_rds_sim_instance_new (RdsSimEngine  *self,
                       RdsSimRegion  *region,
                       RdsDbInstance *model,
                       int            port,
                       gint64         now)
{
  RdsSimInstance *instance = g_new0 (RdsSimInstance, 1);

  instance->kind = &_rds_sim_kind_db_instance;
  instance->region = region;
  instance->model = model;
  instance->port = port;
  _rds_sim_region_add (region, &instance->resource);
  workload_init (self, instance, now);
  return instance;
}

/* CreateDBInstance */

static char *
default_option_group (const RdsEngineInfo  *engine,
                      const RdsVersionInfo *version)
{
  g_autofree char *major = g_strdelimit (g_strdup (version->major), ".", '-');

  return g_strdup_printf ("default:%s-%s", engine->engine, major);
}

static gint64
create_duration (RdsSimEngine           *self,
                 const RdsEngineInfo *engine,
                 gboolean                multi_az)
{
  gint64 seconds = _rds_sim_engine_draw (self, 300, 540);

  if (multi_az)
    seconds += _rds_sim_engine_draw (self, 120, 240);
  if (engine->family == RDS_FAMILY_ORACLE || engine->family == RDS_FAMILY_SQLSERVER)
    seconds += _rds_sim_engine_draw (self, 600, 900);

  return USEC (seconds);
}

static char *
draw_zone (RdsSimEngine *self,
           RdsSimRegion *region,
           const char   *other)
{
  guint n = rds_region_get_n_zones (region->info);

  for (;;)
    {
      char *zone = rds_region_get_zone (region->info, (guint) _rds_sim_engine_draw (self, 0, n - 1));

      if (g_strcmp0 (zone, other) != 0)
        return zone;
      g_free (zone);
    }
}

RdsQueryResult *
_rds_sim_action_create_db_instance (RdsSimEngine  *self,
                                    RdsSimRegion  *region,
                                    RdsRequest    *request,
                                    GError       **error)
{
  const RdsEngineInfo *engine;
  const RdsVersionInfo *version;
  const RdsClassInfo *klass;
  const char *identifier, *engine_name, *class_name, *license, *username, *password;
  const char *zone_request, *subnet_group_name, *network_type, *kms_request, *ca, *db_name;
  const char *parameter_group, *option_group_request, *monitoring_role, *pi_kms_request;
  const char *character_set;
  g_autofree char *id = NULL;
  g_autofree char *option_group = NULL;
  g_autofree char *backup_window = NULL;
  g_autofree char *maintenance_window = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *secondary_zone = NULL;
  g_autofree char *kms_key = NULL;
  g_autofree char *pi_kms_key = NULL;
  g_autofree char *default_parameter_group = NULL;
  g_autofree char *arn = NULL;
  g_autofree char *resource_suffix = NULL;
  g_autofree char *resource_id = NULL;
  g_autofree char *monitoring_arn = NULL;
  g_auto(GStrv) security_groups = NULL;
  g_auto(GStrv) db_security_groups = NULL;
  g_auto(GStrv) log_exports = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  RdsSimStorage storage = { NULL, 0, -1, -1 };
  int port, retention = 1, max_allocated = -1, monitoring_interval = 0, pi_retention = 7;
  gboolean multi_az = FALSE, encrypted = FALSE, deletion_protection = FALSE;
  gboolean copy_tags = FALSE, auto_minor = TRUE, publicly_accessible, iam_auth = FALSE;
  gboolean manage_password = FALSE, performance_insights = FALSE;
  RdsSimInstance *instance;
  RdsShape *model;
  gint64 now = rds_sim_engine_get_now (self);

  /* An Aurora instance joins its cluster. */
  if (rds_request_has (request, "DBClusterIdentifier"))
    return _rds_sim_cluster_create_instance (self, region, request, error);

  /* Identity: engine, version, class, license. */
  if ((identifier = rds_request_require_string (request, "DBInstanceIdentifier", error)) == NULL ||
      !rds_rules_check_identifier ("DBInstanceIdentifier", identifier, 63, error) ||
      (engine_name = rds_request_require_string (request, "Engine", error)) == NULL ||
      (class_name = rds_request_require_string (request, "DBInstanceClass", error)) == NULL)
    return NULL;

  id = g_ascii_strdown (identifier, -1);

  engine = rds_catalog_find_engine (engine_name);
  if (engine == NULL)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid DB engine: %s. Valid engines are aurora-mysql, aurora-postgresql, mysql, "
                   "mariadb, postgres, oracle-ee, oracle-se2, sqlserver-ee, sqlserver-se, sqlserver-ex and "
                   "sqlserver-web.", engine_name);
      return NULL;
    }
  if (engine->aurora)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                   "An %s DB instance belongs to a DB cluster: create the cluster with CreateDBCluster, then "
                   "its instances with DBClusterIdentifier.", engine->engine);
      return NULL;
    }

  if (rds_request_has (request, "EngineVersion"))
    {
      version = rds_catalog_find_version (engine, rds_request_get_string (request, "EngineVersion"));
      if (version == NULL)
        {
          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                       "Cannot find version %s for %s",
                       rds_request_get_string (request, "EngineVersion"), engine->engine);
          return NULL;
        }
    }
  else
    {
      version = rds_catalog_default_version (engine);
    }

  license = rds_request_get_string (request, "LicenseModel");
  if (license == NULL)
    license = engine->license_models[0];

  if (!_rds_sim_check_class (engine, version, class_name, license, error))
    return NULL;
  klass = rds_catalog_find_class (class_name);

  if (g_tree_lookup (RDS_SIM_INSTANCES (region), id) != NULL)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_INSTANCE_ALREADY_EXISTS,
                           "DB instance already exists");
      return NULL;
    }

  /* Credentials; the password is checked and forgotten. */
  username = rds_request_get_string (request, "MasterUsername");
  password = rds_request_get_string (request, "MasterUserPassword");
  if (!rds_request_get_boolean (request, "ManageMasterUserPassword", &manage_password, error) ||
      !rds_rules_check_master_username (engine, username, error))
    return NULL;
  if (manage_password && password != NULL)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "Specify either MasterUserPassword or ManageMasterUserPassword, not "
                           "both.");
      return NULL;
    }
  if (!manage_password && !rds_rules_check_master_password (engine, password, error))
    return NULL;

  db_name = rds_request_get_string (request, "DBName");
  if (!rds_rules_check_db_name (engine, db_name, error))
    return NULL;

  /* Storage */
  if (!rds_request_has (request, "AllocatedStorage"))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_MISSING_PARAMETER,
                   "The request must contain the parameter AllocatedStorage: %s DB instances need "
                   "their storage size in GiB.", engine->engine);
      return NULL;
    }
  if (!rds_request_get_int (request, "AllocatedStorage", &storage.allocated, error) ||
      !rds_request_get_int (request, "Iops", &storage.iops, error) ||
      !rds_request_get_int (request, "StorageThroughput", &storage.throughput, error) ||
      !rds_request_get_int (request, "MaxAllocatedStorage", &max_allocated, error))
    return NULL;
  storage.storage_type = rds_request_get_string (request, "StorageType");
  if (storage.storage_type == NULL)
    storage.storage_type = rds_request_has (request, "Iops") ? "io1" : "gp2";
  if (!_rds_sim_check_storage (engine, &storage, rds_request_has (request, "Iops"),
                      rds_request_has (request, "StorageThroughput"), error))
    return NULL;
  if (max_allocated >= 0 && max_allocated != storage.allocated &&
      !_rds_sim_check_max_allocated (engine, storage.storage_type, storage.allocated, max_allocated, error))
    return NULL;
  if (max_allocated == storage.allocated)
    max_allocated = -1;

  /* Availability and network */
  if (!rds_request_get_boolean (request, "MultiAZ", &multi_az, error))
    return NULL;
  zone_request = rds_request_get_string (request, "AvailabilityZone");
  if (zone_request != NULL && !rds_region_has_zone (region->info, zone_request))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid Availability Zone %s: the Availability Zones of %s are %s%c to %s%c.",
                   zone_request, region->info->name, region->info->name,
                   region->info->zone_letters[0], region->info->name,
                   region->info->zone_letters[strlen (region->info->zone_letters) - 1]);
      return NULL;
    }
  if (multi_az && zone_request != NULL)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "Requesting a specific availability zone is not valid for Multi-AZ "
                           "instances.");
      return NULL;
    }
  port = engine->default_port;
  if (!rds_request_get_int (request, "Port", &port, error) ||
      !rds_rules_check_port (engine, port, error))
    return NULL;

  subnet_group_name = rds_request_get_string (request, "DBSubnetGroupName");
  if (subnet_group_name != NULL && g_ascii_strcasecmp (subnet_group_name, "default") != 0)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_SUBNET_GROUP_NOT_FOUND,
                   "DBSubnetGroup '%s' not found.", subnet_group_name);
      return NULL;
    }
  /* The default VPC has an internet gateway, so RDS defaults to public. */
  publicly_accessible = subnet_group_name == NULL;
  if (!rds_request_get_boolean (request, "PubliclyAccessible", &publicly_accessible, error))
    return NULL;

  db_security_groups = rds_request_get_list (request, "DBSecurityGroups", "DBSecurityGroupName");
  if (db_security_groups != NULL && db_security_groups[0] != NULL)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "DB Security Groups can only be associated with VPC DB Instances using "
                           "API versions 2012-01-15 through 2012-09-17.");
      return NULL;
    }
  security_groups = rds_request_get_list (request, "VpcSecurityGroupIds", "VpcSecurityGroupId");
  if (!_rds_sim_check_security_groups (region, security_groups, error))
    return NULL;

  network_type = rds_request_get_string (request, "NetworkType");
  if (network_type != NULL && !g_str_equal (network_type, "IPV4") && !g_str_equal (network_type, "DUAL"))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid NetworkType %s: it must be IPV4 or DUAL.", network_type);
      return NULL;
    }

  /* Groups */
  default_parameter_group = g_strconcat ("default.", version->family, NULL);
  parameter_group = rds_request_get_string (request, "DBParameterGroupName");
  if (parameter_group == NULL)
    parameter_group = default_parameter_group;
  if (!_rds_sim_check_parameter_group (region, version, parameter_group, error))
    return NULL;

  option_group = default_option_group (engine, version);
  option_group_request = rds_request_get_string (request, "OptionGroupName");
  if (option_group_request != NULL && !g_str_equal (option_group_request, option_group))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_OPTION_GROUP_NOT_FOUND,
                   "Specified OptionGroupName: %s not found. The option group of %s %s is %s.",
                   option_group_request, engine->engine, version->major, option_group);
      return NULL;
    }

  character_set = rds_request_get_string (request, "CharacterSetName");
  if (character_set != NULL && engine->family != RDS_FAMILY_ORACLE &&
      engine->family != RDS_FAMILY_SQLSERVER)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                   "CharacterSetName can't be set for %s; only Oracle and SQL Server have it.",
                   engine->engine);
      return NULL;
    }

  /* Backups and maintenance */
  if (!rds_request_get_int (request, "BackupRetentionPeriod", &retention, error) ||
      !_rds_sim_check_backup_retention (retention, error))
    return NULL;

  /* Encryption */
  kms_request = rds_request_get_string (request, "KmsKeyId");
  if (!rds_request_get_boolean (request, "StorageEncrypted", &encrypted, error))
    return NULL;
  if (kms_request != NULL && !encrypted)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "You must enable StorageEncrypted when you specify KmsKeyId");
      return NULL;
    }
  if (encrypted && (kms_key = _rds_sim_resolve_kms_key (self, region, kms_request ? kms_request : "alias/aws/rds",
                                               error)) == NULL)
    return NULL;

  ca = rds_request_get_string (request, "CACertificateIdentifier");
  if (ca == NULL)
    ca = rds_catalog_default_ca ();
  if (!_rds_sim_check_ca (ca, error))
    return NULL;

  /* Authentication and monitoring */
  if (!rds_request_get_boolean (request, "EnableIAMDatabaseAuthentication", &iam_auth, error) ||
      !_rds_sim_check_features (engine, multi_az, iam_auth, error))
    return NULL;

  monitoring_role = rds_request_get_string (request, "MonitoringRoleArn");
  if (!rds_request_get_int (request, "MonitoringInterval", &monitoring_interval, error) ||
      !_rds_sim_check_monitoring (request, monitoring_interval, monitoring_role, error))
    return NULL;

  if (!rds_request_get_boolean (request, "EnablePerformanceInsights", &performance_insights, error) ||
      !rds_request_get_int (request, "PerformanceInsightsRetentionPeriod", &pi_retention, error))
    return NULL;
  if (performance_insights && !_rds_sim_check_pi_retention (pi_retention, error))
    return NULL;
  pi_kms_request = rds_request_get_string (request, "PerformanceInsightsKMSKeyId");
  if (performance_insights &&
      (pi_kms_key = _rds_sim_resolve_kms_key (self, region, pi_kms_request ? pi_kms_request : "alias/aws/rds",
                                     error)) == NULL)
    return NULL;

  log_exports = rds_request_get_list (request, "EnableCloudwatchLogsExports", "member");
  if (!_rds_sim_check_log_exports (engine, log_exports, error))
    return NULL;

  if (!rds_request_get_boolean (request, "DeletionProtection", &deletion_protection, error) ||
      !rds_request_get_boolean (request, "CopyTagsToSnapshot", &copy_tags, error) ||
      !rds_request_get_boolean (request, "AutoMinorVersionUpgrade", &auto_minor, error))
    return NULL;

  tags = rds_request_get_tags (request, "Tags", error);
  if (tags == NULL || !_rds_rules_check_tags (tags, error))
    return NULL;

  if (!_rds_sim_check_quotas (self, region, 1, storage.allocated, error))
    return NULL;

  /* Every check passed: from here on, the generator is drawn from and the
   * state changes. */
  if (!_rds_sim_draw_windows (self, region, request, &backup_window, &maintenance_window, error))
    return NULL;

  zone = zone_request != NULL ? g_strdup (zone_request) : draw_zone (self, region, NULL);
  if (multi_az)
    secondary_zone = draw_zone (self, region, zone);

  resource_suffix = rds_sim_rng_string (&self->rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 26);
  resource_id = g_strconcat ("db-", resource_suffix, NULL);
  arn = _rds_sim_engine_arn (self, region, "db", id);
  if (monitoring_interval > 0)
    monitoring_arn = g_strdup_printf ("arn:aws:logs:%s:%s:log-group:RDSOSMetrics:log-stream:%s",
                                      region->info->name, rds_sim_engine_get_account_id (self),
                                      resource_id);

  model = g_object_new (RDS_TYPE_DB_INSTANCE,
                        "db-instance-identifier", id,
                        "db-instance-class", klass->name,
                        "engine", engine->engine,
                        "db-instance-status", "creating",
                        "master-username", username,
                        "db-name", db_name,
                        "allocated-storage", storage.allocated,
                        "preferred-backup-window", backup_window,
                        "backup-retention-period", retention,
                        "availability-zone", zone,
                        "db-subnet-group", region->default_subnet_group,
                        "preferred-maintenance-window", maintenance_window,
                        "multi-az", multi_az,
                        "engine-version", version->version,
                        "auto-minor-version-upgrade", auto_minor,
                        "license-model", license,
                        "iops", storage.iops,
                        "secondary-availability-zone", secondary_zone,
                        "publicly-accessible", publicly_accessible,
                        "storage-type", storage.storage_type,
                        "storage-encrypted", encrypted,
                        "kms-key-id", kms_key,
                        "dbi-resource-id", resource_id,
                        "ca-certificate-identifier", ca,
                        "copy-tags-to-snapshot", copy_tags,
                        "monitoring-interval", monitoring_interval,
                        "monitoring-role-arn", monitoring_interval > 0 ? monitoring_role : NULL,
                        "enhanced-monitoring-resource-arn", monitoring_arn,
                        "db-instance-arn", arn,
                        "iam-database-authentication-enabled", iam_auth,
                        "performance-insights-enabled",
                        performance_insights ? RDS_TRISTATE_TRUE : RDS_TRISTATE_FALSE,
                        "performance-insights-kms-key-id", pi_kms_key,
                        "performance-insights-retention-period",
                        performance_insights ? pi_retention : -1,
                        "enabled-cloudwatch-logs-exports", log_exports,
                        "deletion-protection", deletion_protection,
                        "max-allocated-storage", max_allocated,
                        "customer-owned-ip-enabled", RDS_TRISTATE_FALSE,
                        "backup-target", "region",
                        "network-type", network_type != NULL ? network_type : "IPV4",
                        "storage-throughput", storage.throughput,
                        "character-set-name",
                        character_set != NULL ? character_set
                        : engine->family == RDS_FAMILY_ORACLE ? "AL32UTF8" : NULL,
                        "nchar-character-set-name",
                        engine->family == RDS_FAMILY_ORACLE ? "AL16UTF16" : NULL,
                        NULL);

  instance = _rds_sim_instance_new (self, region, RDS_DB_INSTANCE (model), port, now);
  if (multi_az)
    {
      instance->standby = RDS_SIM_STANDBY_IN_SYNC;
      instance->standby_zone = g_intern_string (secondary_zone);
    }

  if (security_groups == NULL || security_groups[0] == NULL)
    {
      g_strfreev (security_groups);
      security_groups = g_strdupv ((char *[]) { region->security_group_id, NULL });
    }
  _rds_sim_instance_set_security_groups (instance, security_groups);
  _rds_sim_instance_set_parameter_group (instance, parameter_group, "in-sync");
  {
    g_autoptr(RdsShape) membership = g_object_new (RDS_TYPE_OPTION_GROUP_MEMBERSHIP,
                                                   "option-group-name", option_group,
                                                   "status", "in-sync",
                                                   NULL);
    g_list_store_append (rds_shape_ensure_list (model, "option-group-memberships"), membership);
  }
  if (tags->len > 0)
    _rds_sim_merge_tags (rds_shape_ensure_list (model, "tag-list"), tags);

  /* While the instance is created, its master password shows as pending. */
  if (manage_password)
    {
      g_autofree char *secret_suffix = rds_sim_rng_string (&self->rng, "abcdefghijklmnopqrstuvwxyz0123456789", 6);
      g_autofree char *secret_arn = g_strdup_printf ("arn:aws:secretsmanager:%s:%s:secret:rds!%s-%s",
                                                     region->info->name,
                                                     rds_sim_engine_get_account_id (self),
                                                     resource_id, secret_suffix);
      g_autoptr(RdsShape) secret = g_object_new (RDS_TYPE_MASTER_USER_SECRET,
                                                 "secret-arn", secret_arn,
                                                 "secret-status", "creating",
                                                 "kms-key-id", region->default_kms_key,
                                                 NULL);
      rds_shape_set_object (model, "master-user-secret", secret);
    }
  rds_shape_set_string (_rds_sim_instance_pending (instance), "master-user-password", "****");

  _rds_sim_instance_start_op (self, instance, RDS_SIM_OP_CREATE, "creating",
                              now + create_duration (self, engine, multi_az));

  return item_result ("CreateDBInstance", instance->model);
}

static void
finish_create (RdsSimEngine   *self,
               RdsSimInstance *instance,
               gint64          now)
{
  RdsShape *model = shape (instance);
  RdsShape *secret = rds_shape_get_object (model, "master-user-secret");
  const RdsCertificateAuthority *ca;
  g_autofree char *address = NULL;
  g_autoptr(RdsShape) endpoint = NULL;
  g_autoptr(RdsShape) certificate = NULL;
  int port = instance->port != 0 ? instance->port : engine_of (instance)->default_port;

  address = g_strdup_printf ("%s.%s.%s.rds.amazonaws.com", instance_id (instance),
                             instance->region->endpoint_label, instance->region->info->name);
  endpoint = g_object_new (RDS_TYPE_ENDPOINT,
                           "address", address,
                           "port", port,
                           "hosted-zone-id", instance->region->info->hosted_zone_id,
                           NULL);
  rds_shape_set_object (model, "endpoint", endpoint);
  rds_shape_set_timestamp (model, "instance-create-time", now);

  ca = rds_catalog_find_ca (rds_shape_get_string (model, "ca-certificate-identifier"));
  certificate = g_object_new (RDS_TYPE_CERTIFICATE_DETAILS,
                              "ca-identifier", ca->identifier,
                              NULL);
  /* Server certificates last a year, and never beyond their CA. */
  rds_shape_set_timestamp (certificate, "valid-till", MIN (now + 365 * DAY, ca->valid_till));
  rds_shape_set_object (model, "certificate-details", certificate);

  if (secret != NULL)
    rds_shape_set_string (secret, "secret-status", "active");

  _rds_sim_instance_emit (self, instance, "DB instance created.", "creation", now);
  if (rds_shape_get_string (model, "db-cluster-identifier") != NULL)
    {
      rds_shape_set_string (_rds_sim_instance_pending (instance), "master-user-password", NULL);
      _rds_sim_instance_record_start (self, instance, now);
      _rds_sim_cluster_member_created (self, instance, now);
      return;
    }
  if (instance->restore_note != NULL)
    _rds_sim_instance_emit (self, instance, instance->restore_note, "restoration", now);
  g_clear_pointer (&instance->restore_note, g_free);
  _rds_sim_instance_record_start (self, instance, now);

  if (instance->replication == RDS_SIM_REPLICATION_STARTING)
    _rds_sim_replica_finish_create (self, instance, now);
  else if (rds_shape_get_int (model, "backup-retention-period") > 0)
    {
      gint64 due = now + _rds_sim_instance_hashed_duration (self, instance, "first-backup", now, 60, 150);

      _rds_sim_instance_emit (self, instance, "Backing up DB instance.", "backup", now);
      _rds_sim_backup_take (self, instance, now, due);
      _rds_sim_instance_start_op (self, instance, RDS_SIM_OP_FIRST_BACKUP, "backing-up", due);
    }
  else
    {
      rds_shape_set_string (_rds_sim_instance_pending (instance), "master-user-password", NULL);
      _rds_sim_instance_become_available (self, instance, now);
    }
}

/* DescribeDBInstances */

static gboolean
arn_or_id_matches (RdsSimInstance *instance,
                   const char     *value)
{
  return g_ascii_strcasecmp (value, instance_id (instance)) == 0 ||
         g_strcmp0 (value, rds_db_instance_get_arn (instance->model)) == 0;
}

static gboolean
instance_matches (RdsSimInstance *instance,
                  GPtrArray      *filters)
{
  for (guint i = 0; filters != NULL && i < filters->len; i++)
    {
      RdsFilter *filter = g_ptr_array_index (filters, i);
      gboolean any = FALSE;

      for (guint j = 0; filter->values[j] != NULL && !any; j++)
        {
          const char *value = filter->values[j];

          if (g_str_equal (filter->name, "db-instance-id"))
            any = arn_or_id_matches (instance, value);
          else if (g_str_equal (filter->name, "dbi-resource-id"))
            any = g_strcmp0 (value, rds_db_instance_get_resource_id (instance->model)) == 0;
          else if (g_str_equal (filter->name, "engine"))
            any = g_strcmp0 (value, rds_db_instance_get_engine (instance->model)) == 0;
          else if (g_str_equal (filter->name, "db-cluster-id"))
            any = g_strcmp0 (value, rds_shape_get_string (shape (instance), "db-cluster-identifier")) == 0;
        }

      if (!any)
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_filter_names (GPtrArray           *filters,
                    const char * const  *known,
                    GError             **error)
{
  for (guint i = 0; i < filters->len; i++)
    {
      RdsFilter *filter = g_ptr_array_index (filters, i);

      if (!g_strv_contains (known, filter->name))
        {
          g_autofree char *list = g_strjoinv (", ", (char **) known);

          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                       "Unrecognized filter name: %s. The filters of this action are %s.",
                       filter->name, list);
          return FALSE;
        }
    }
  return TRUE;
}

RdsQueryResult *
_rds_sim_action_describe_db_instances (RdsSimEngine  *self,
                                       RdsSimRegion  *region,
                                       RdsRequest    *request,
                                       GError       **error)
{
  static const char * const known[] = { "db-cluster-id", "db-instance-id", "dbi-resource-id",
                                        "domain", "engine", NULL };
  g_autoptr(RdsQueryResult) result = rds_query_result_new (rds_action_lookup ("DescribeDBInstances"));
  g_autoptr(GPtrArray) filters = NULL;
  g_autofree char *after = NULL;
  const char *identifier = rds_request_get_string (request, "DBInstanceIdentifier");
  const char *marker;
  gint64 now = rds_sim_engine_get_now (self);
  GTreeNode *node;
  int max_records;

  if (!_rds_sim_engine_page_args (request, 100, &max_records, &marker, error))
    return NULL;
  filters = rds_request_get_filters (request, error);
  if (filters == NULL || !check_filter_names (filters, known, error))
    return NULL;
  if (marker != NULL && (after = _rds_sim_decode_marker (marker, error)) == NULL)
    return NULL;

  if (identifier != NULL)
    {
      RdsSimInstance *instance = _rds_sim_instance_lookup (region, identifier, error);

      if (instance == NULL)
        return NULL;
      if (instance_matches (instance, filters))
        {
          _rds_sim_instance_refresh (self, instance, now);
          g_ptr_array_add (result->items, g_object_ref (instance->model));
        }
      return g_steal_pointer (&result);
    }

  node = after != NULL ? g_tree_upper_bound (RDS_SIM_INSTANCES (region), after)
                       : g_tree_node_first (RDS_SIM_INSTANCES (region));
  for (; node != NULL; node = g_tree_node_next (node))
    {
      RdsSimInstance *instance = g_tree_node_value (node);

      if (!instance_matches (instance, filters))
        continue;

      if (result->items->len == (guint) max_records)
        {
          RdsDbInstance *last = g_ptr_array_index (result->items, result->items->len - 1);

          result->marker = _rds_sim_encode_marker (rds_db_instance_get_identifier (last));
          break;
        }

      _rds_sim_instance_refresh (self, instance, now);
      g_ptr_array_add (result->items, g_object_ref (instance->model));
    }

  return g_steal_pointer (&result);
}

/* ModifyDBInstance */

static const char * const storage_parameters[] = {
  "AllocatedStorage", "StorageType", "Iops", "StorageThroughput", NULL
};

/* Parameters this simulator does not change yet: refused rather than
 * silently ignored when they ask for something new. */
static const struct
{
  const char *parameter;
  const char *field;
} unsupported[] = {
  { "EngineVersion", "engine-version" },
  { "LicenseModel", "license-model" },
};

static gboolean
modification_requested (RdsRequest *request)
{
  static const char * const parameters[] = {
    "DBInstanceClass", "AllocatedStorage", "StorageType", "Iops", "StorageThroughput",
    "CACertificateIdentifier", "MultiAZ", "EnableIAMDatabaseAuthentication",
    "BackupRetentionPeriod", "MasterUserPassword", "PreferredBackupWindow",
    "PreferredMaintenanceWindow", "DeletionProtection", "MaxAllocatedStorage",
    "CopyTagsToSnapshot", "AutoMinorVersionUpgrade", "PubliclyAccessible",
    "DBParameterGroupName", "MonitoringInterval", "MonitoringRoleArn",
    "EnablePerformanceInsights", "PerformanceInsightsRetentionPeriod",
    "PerformanceInsightsKMSKeyId", "EngineVersion", "NewDBInstanceIdentifier", "LicenseModel",
    "DBPortNumber", "DBSubnetGroupName", "OptionGroupName",
  };

  for (guint i = 0; i < G_N_ELEMENTS (parameters); i++)
    if (rds_request_has (request, parameters[i]))
      return TRUE;

  return !rds_request_is_empty_of (request, "VpcSecurityGroupIds");
}

static int
pending_or_current_int (RdsSimInstance *instance,
                        const char     *field)
{
  int value = rds_shape_get_int (_rds_sim_instance_pending (instance), field);

  return value >= 0 ? value : rds_shape_get_int (shape (instance), field);
}

static const char *
pending_or_current_string (RdsSimInstance *instance,
                           const char     *field)
{
  const char *value = rds_shape_get_string (_rds_sim_instance_pending (instance), field);

  return value != NULL ? value : rds_shape_get_string (shape (instance), field);
}

static gint64
modify_duration (RdsSimEngine   *self,
                 RdsSimInstance *instance,
                 gint64          now)
{
  RdsShape *values = _rds_sim_instance_pending (instance);
  gint64 longest = USEC (120);

  if (rds_shape_get_string (values, "db-instance-class") != NULL)
    longest = MAX (longest, _rds_sim_instance_hashed_duration (self, instance, "class", now, 300, 720));
  if (rds_shape_get_int (values, "allocated-storage") >= 0 ||
      rds_shape_get_string (values, "storage-type") != NULL ||
      rds_shape_get_int (values, "iops") >= 0 ||
      rds_shape_get_int (values, "storage-throughput") >= 0)
    longest = MAX (longest, _rds_sim_instance_hashed_duration (self, instance, "storage", now, 240, 600));
  if (rds_shape_get_tristate (values, "multi-az") == RDS_TRISTATE_FALSE)
    longest = MAX (longest, _rds_sim_instance_hashed_duration (self, instance, "multi-az-off", now, 120, 300));
  if (rds_shape_get_string (values, "ca-certificate-identifier") != NULL)
    longest = MAX (longest, _rds_sim_instance_hashed_duration (self, instance, "ca", now, 120, 300));

  return longest;
}

/* Renaming: the new name and endpoint at once, clients reconnect while
 * it is renaming. */
static void
rename_instance (RdsSimEngine   *self,
                 RdsSimInstance *instance,
                 const char     *new_id,
                 gint64          now)
{
  RdsShape *model = shape (instance);
  RdsShape *endpoint = rds_shape_get_object (model, "endpoint");
  g_autofree char *old_id = g_strdup (instance_id (instance));
  g_autofree char *old_arn = g_strdup (rds_db_instance_get_arn (instance->model));
  g_autofree char *arn = _rds_sim_engine_arn (self, instance->region, "db", new_id);
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) related = _rds_sim_replicas_find_related (instance);

  _rds_sim_resource_rekey (self, &instance->resource, new_id);
  /* What names it by its identifier (alarms' dimensions) looks again. */
  instance->region->instances_changed++;
  rds_shape_set_string (model, "db-instance-arn", arn);
  if (endpoint != NULL)
    {
      g_autofree char *address = g_strdup_printf ("%s.%s.%s.rds.amazonaws.com", new_id,
                                                  instance->region->endpoint_label,
                                                  instance->region->info->name);
      g_autoptr(RdsShape) renamed = rds_shape_copy (endpoint);

      rds_shape_set_string (renamed, "address", address);
      rds_shape_set_object (model, "endpoint", renamed);
    }
  _rds_sim_replicas_renamed (self, instance, related, old_id, old_arn);

  message = g_strdup_printf ("Renamed DB instance from %s to %s.", old_id, new_id);
  _rds_sim_instance_emit (self, instance, message, "configuration change", now);
  _rds_sim_instance_dirty (self, instance);
}

static void
finish_rename (RdsSimEngine   *self,
               RdsSimInstance *instance,
               gint64          now)
{
  _rds_sim_instance_emit (self, instance, "DB instance restarted.", "availability", now);
  _rds_sim_instance_record_start (self, instance, now);
  _rds_sim_instance_become_available (self, instance, now);
}

static void
begin_applying (RdsSimEngine   *self,
                RdsSimInstance *instance,
                gint64          now)
{
  RdsShape *values = _rds_sim_instance_pending (instance);
  gboolean multi_az = rds_shape_get_boolean (shape (instance), "multi-az");
  RdsTristate multi_az_pending = rds_shape_get_tristate (values, "multi-az");
  int retention_pending = rds_shape_get_int (values, "backup-retention-period");
  g_autofree char *new_id = g_strdup (rds_shape_get_string (values, "db-instance-identifier"));
  gint64 due;

  _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_MAINTENANCE, 0);

  if (new_id != NULL)
    {
      rds_shape_set_string (values, "db-instance-identifier", NULL);
      /* The name may have been taken since it was asked for. */
      if (g_tree_lookup (RDS_SIM_INSTANCES (instance->region), new_id) != NULL)
        {
          g_autofree char *message = g_strdup_printf ("The DB instance wasn't renamed %s: another DB instance "
                                                      "has that name now.", new_id);

          _rds_sim_instance_emit (self, instance, message, "configuration change", now);
          g_clear_pointer (&new_id, g_free);
        }
      else
        rename_instance (self, instance, new_id, now);
      if (new_id != NULL && rds_pending_modified_values_is_empty (RDS_PENDING_MODIFIED_VALUES (values)))
        {
          _rds_sim_instance_record (self, instance, now, RDS_SIM_PHASE_REBOOTING);
          _rds_sim_instance_start_op (self, instance, RDS_SIM_OP_RENAME, "renaming",
                                      now + _rds_sim_instance_hashed_duration (self, instance, "rename", now, 60, 120));
          return;
        }
    }

  if (rds_shape_get_string (values, "db-instance-class") != NULL)
    _rds_sim_instance_emit (self, instance, "Applying modification to database instance class", "configuration change", now);
  if (rds_shape_get_int (values, "allocated-storage") >= 0 ||
      rds_shape_get_string (values, "storage-type") != NULL ||
      rds_shape_get_int (values, "iops") >= 0)
    {
      _rds_sim_instance_emit (self, instance, "Applying modification to allocated storage.", "configuration change", now);
      instance->last_storage_change = now;
    }
  if (multi_az_pending == RDS_TRISTATE_TRUE && !multi_az)
    _rds_sim_instance_emit (self, instance, "Applying modification to convert to a Multi-AZ DB instance.",
                            "configuration change", now);
  if (multi_az_pending == RDS_TRISTATE_FALSE && multi_az)
    _rds_sim_instance_emit (self, instance, "Applying modification to convert to a standard (Single-AZ) DB instance.",
                            "configuration change", now);
  if (retention_pending == 0)
    _rds_sim_instance_emit (self, instance, "Disabled automated backups.", "configuration change", now);
  else if (retention_pending > 0)
    _rds_sim_instance_emit (self, instance, "Enabled automated backups.", "configuration change", now);

  due = now + modify_duration (self, instance, now);
  if (multi_az_pending == RDS_TRISTATE_TRUE && !multi_az)
    due = MAX (due, _rds_sim_standby_build (self, instance, TRUE, now));
  else if (multi_az_pending == RDS_TRISTATE_FALSE && multi_az)
    {
      instance->standby = RDS_SIM_STANDBY_REMOVING;
      _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_STANDBY, 0);
    }
  _rds_sim_instance_start_op (self, instance, RDS_SIM_OP_MODIFY, "modifying", due);
}

void
_rds_sim_instance_finish_modify (RdsSimEngine   *self,
                                 RdsSimInstance *instance,
                                 gint64          now)
{
  RdsShape *model = shape (instance);
  RdsShape *values = _rds_sim_instance_pending (instance);
  const char *class_name = rds_shape_get_string (values, "db-instance-class");
  const char *storage_type = rds_shape_get_string (values, "storage-type");
  const char *ca = rds_shape_get_string (values, "ca-certificate-identifier");
  RdsTristate multi_az = rds_shape_get_tristate (values, "multi-az");
  RdsTristate iam = rds_shape_get_tristate (values, "iam-database-authentication-enabled");
  int allocated = rds_shape_get_int (values, "allocated-storage");
  int iops = rds_shape_get_int (values, "iops");
  int throughput = rds_shape_get_int (values, "storage-throughput");
  int retention = rds_shape_get_int (values, "backup-retention-period");
  int old_retention = rds_shape_get_int (model, "backup-retention-period");
  gboolean storage_changed = allocated >= 0 || storage_type != NULL || iops >= 0 || throughput >= 0;

  /* A conversion to Multi-AZ ends when its standby is in sync. */
  if (multi_az == RDS_TRISTATE_TRUE && instance->standby_conversion && _rds_sim_standby_is_building (instance))
    return;

  g_object_freeze_notify (G_OBJECT (model));

  if (class_name != NULL)
    {
      rds_shape_set_string (model, "db-instance-class", class_name);
      _rds_sim_instance_emit (self, instance, "Finished applying modification to DB instance class", "configuration change", now);
    }
  if (storage_changed)
    {
      if (storage_type != NULL)
        {
          rds_shape_set_string (model, "storage-type", storage_type);
          /* gp2 and standard have no provisioned IOPS or throughput. */
          if (g_str_equal (storage_type, "gp2") || g_str_equal (storage_type, "standard"))
            {
              rds_shape_set_int (model, "iops", -1);
              rds_shape_set_int (model, "storage-throughput", -1);
            }
          if (g_str_equal (storage_type, "io1"))
            rds_shape_set_int (model, "storage-throughput", -1);
        }
      if (allocated >= 0)
        {
          instance->region->allocated_storage += allocated - rds_shape_get_int (model, "allocated-storage");
          rds_shape_set_int (model, "allocated-storage", allocated);
        }
      if (iops >= 0)
        rds_shape_set_int (model, "iops", iops);
      if (throughput >= 0)
        rds_shape_set_int (model, "storage-throughput", throughput);
      if (instance->autoscaling)
        _rds_sim_instance_emit (self, instance, "Finished applying autoscaling-initiated modification to allocated storage.",
                                "configuration change", now);
      else
        _rds_sim_instance_emit (self, instance, "Finished applying modification to allocated storage.", "configuration change",
                                now);
    }
  if (multi_az != RDS_TRISTATE_UNSET)
    {
      gboolean on = multi_az == RDS_TRISTATE_TRUE;

      if (on && !rds_shape_get_boolean (model, "multi-az"))
        {
          /* The standby is in sync by now (a state from before standbys had none). */
          for (guint i = 0; instance->standby_zone == NULL; i++)
            {
              g_autofree char *zone = rds_region_get_zone (instance->region->info, i);

              if (g_strcmp0 (zone, rds_shape_get_string (model, "availability-zone")) != 0)
                instance->standby_zone = g_intern_string (zone);
            }
          instance->standby = RDS_SIM_STANDBY_IN_SYNC;
          instance->standby_conversion = FALSE;
          _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_STANDBY, 0);
          rds_shape_set_string (model, "secondary-availability-zone", instance->standby_zone);
          _rds_sim_instance_emit (self, instance,
                                  "Finished applying modification to convert to a Multi-AZ DB instance.",
                                  "configuration change", now);
        }
      else if (!on && rds_shape_get_boolean (model, "multi-az"))
        {
          rds_shape_set_string (model, "secondary-availability-zone", NULL);
          instance->standby = RDS_SIM_STANDBY_NONE;
          instance->standby_zone = NULL;
          _rds_sim_instance_emit (self, instance,
                                  "Finished applying modification to convert to a standard (Single-AZ) DB instance.",
                                  "configuration change", now);
        }
      rds_shape_set_boolean (model, "multi-az", on);
    }
  if (ca != NULL)
    {
      g_autoptr(RdsShape) certificate = g_object_new (RDS_TYPE_CERTIFICATE_DETAILS,
                                                      "ca-identifier", ca, NULL);
      const RdsCertificateAuthority *authority = rds_catalog_find_ca (ca);

      rds_shape_set_string (model, "ca-certificate-identifier", ca);
      rds_shape_set_timestamp (certificate, "valid-till", MIN (now + 365 * DAY, authority->valid_till));
      rds_shape_set_object (model, "certificate-details", certificate);
    }
  if (iam != RDS_TRISTATE_UNSET)
    rds_shape_set_boolean (model, "iam-database-authentication-enabled", iam == RDS_TRISTATE_TRUE);
  if (retention >= 0)
    rds_shape_set_int (model, "backup-retention-period", retention);

  g_object_thaw_notify (G_OBJECT (model));

  rds_shape_set_object (model, "pending-modified-values", NULL);
  _rds_sim_instance_pending (instance);

  /* The metrics follow: a new class restarts the engine; more storage
   * frees a full disk. */
  if (storage_changed)
    {
      int threshold = max_allocated (instance);
      int now_allocated = rds_shape_get_int (model, "allocated-storage");

      instance->storage_notices = 0;
      instance->low_since = 0;
      instance->storage_retry = 0;
      if (instance->autoscaling && threshold > 0 && now_allocated * 5 >= threshold * 4)
        {
          g_autofree char *message = g_strdup_printf ("Storage size %d GB is approaching the maximum storage "
                                                      "threshold %d GB. Increase the maximum storage "
                                                      "threshold.", now_allocated, threshold);

          _rds_sim_instance_emit (self, instance, message, "notification", now);
        }
      instance->autoscaling = FALSE;
    }
  if (class_name != NULL)
    _rds_sim_instance_record_start (self, instance, now);
  else
    {
      const RdsSimSegment *last = rds_sim_workload_last (&instance->workload);
      gboolean freed = last != NULL && last->phase == RDS_SIM_PHASE_FULL &&
                       rds_shape_get_int (model, "allocated-storage") > last->allocated_gib;

      _rds_sim_instance_record (self, instance, now, freed ? RDS_SIM_PHASE_RUNNING : -1);
    }

  if (storage_changed)
    _rds_sim_instance_start_op (self, instance, RDS_SIM_OP_OPTIMIZE, "storage-optimization",
                                now + _rds_sim_instance_hashed_duration (self, instance, "optimize", now, 3600, 10800));
  else
    _rds_sim_instance_become_available (self, instance, now);

  /* Backups turned off go with their snapshots; turned on, they begin
   * with one at once. */
  if (retention == 0 && old_retention > 0)
    _rds_sim_backup_delete_all (self, instance);
  else if (retention > 0 && old_retention == 0)
    {
      _rds_sim_instance_emit (self, instance, "Backing up DB instance.", "backup", now);
      _rds_sim_backup_take (self, instance, now,
                            now + _rds_sim_instance_hashed_duration (self, instance, "enable-backup", now, 60, 180));
    }
  if (retention >= 0)
    _rds_sim_backup_schedule (self, instance, now);
  /* A full disk that has room again runs, and replicates, again. */
  _rds_sim_replication_update (self, instance, now);
}

RdsQueryResult *
_rds_sim_action_modify_db_instance (RdsSimEngine  *self,
                                    RdsSimRegion  *region,
                                    RdsRequest    *request,
                                    GError       **error)
{
  RdsSimInstance *instance;
  const RdsEngineInfo *engine;
  const RdsVersionInfo *version;
  RdsShape *model;
  const char *class_name, *ca, *parameter_group, *password, *monitoring_role, *pi_kms_request;
  const char *backup_text, *maintenance_text, *subnet_group, *option_group_request;
  g_autofree char *option_group = NULL;
  g_autofree char *pi_kms_key = NULL;
  g_autofree char *new_id = NULL;
  g_auto(GStrv) security_groups = NULL;
  RdsSimStorage storage;
  RdsSimStorage current;
  gboolean apply_immediately = FALSE, storage_changing = FALSE;
  gboolean multi_az, iam_auth, deletion_protection, copy_tags, auto_minor, publicly_accessible;
  gboolean performance_insights;
  int retention, max_allocated, monitoring_interval, pi_retention;
  int b_start, b_length, m_start, m_length;
  const char *backup_window, *maintenance_window;
  gint64 now = rds_sim_engine_get_now (self);
  gboolean had_pending;

  instance = lookup_required (region, request, error);
  if (instance == NULL)
    return NULL;

  model = shape (instance);
  engine = engine_of (instance);

  /* An Aurora instance changes what is its own; its promotion tier alone
   * at once. */
  if (rds_shape_get_string (model, "db-cluster-identifier") != NULL)
    {
      if (!_rds_sim_cluster_check_member_request (instance, request, error))
        return NULL;
      if (!modification_requested (request) && rds_request_has (request, "PromotionTier"))
        {
          if (!rds_rules_check_instance_action (instance->model, RDS_INSTANCE_ACTION_MODIFY, error))
            return NULL;
          _rds_sim_cluster_modify_member (self, instance, request);
          return item_result ("ModifyDBInstance", instance->model);
        }
    }
  version = rds_catalog_find_version (engine, rds_shape_get_string (model, "engine-version"));

  if (!rds_request_get_boolean (request, "ApplyImmediately", &apply_immediately, error))
    return NULL;

  if (!modification_requested (request) &&
      !(apply_immediately && !rds_pending_modified_values_is_empty (RDS_PENDING_MODIFIED_VALUES (_rds_sim_instance_pending (instance)))))
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "No modifications were requested");
      return NULL;
    }

  if (!rds_rules_check_instance_action (instance->model, RDS_INSTANCE_ACTION_MODIFY, error))
    return NULL;

  if (rds_request_has (request, "NewDBInstanceIdentifier"))
    {
      new_id = g_ascii_strdown (rds_request_get_string (request, "NewDBInstanceIdentifier"), -1);
      if (!rds_rules_check_identifier ("NewDBInstanceIdentifier", new_id, 63, error))
        return NULL;
      if (g_str_equal (new_id, instance_id (instance)))
        g_clear_pointer (&new_id, g_free);
      else if (g_tree_lookup (RDS_SIM_INSTANCES (region), new_id) != NULL)
        {
          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_INSTANCE_ALREADY_EXISTS,
                       "DB instance already exists: %s is the name of another DB instance.", new_id);
          return NULL;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (unsupported); i++)
    {
      const char *value = rds_request_get_string (request, unsupported[i].parameter);

      if (value != NULL && g_ascii_strcasecmp (value, rds_shape_get_string (model, unsupported[i].field)) != 0)
        {
          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                       "This simulator can't change %s yet.", unsupported[i].parameter);
          return NULL;
        }
    }

  /* The configuration the instance will have: current, then pending, then
   * this request. Everything is checked before anything changes. */
  current.storage_type = rds_shape_get_string (model, "storage-type");
  current.allocated = rds_shape_get_int (model, "allocated-storage");
  current.iops = rds_shape_get_int (model, "iops");
  current.throughput = rds_shape_get_int (model, "storage-throughput");

  storage.storage_type = pending_or_current_string (instance, "storage-type");
  storage.allocated = pending_or_current_int (instance, "allocated-storage");
  storage.iops = pending_or_current_int (instance, "iops");
  storage.throughput = pending_or_current_int (instance, "storage-throughput");

  if (!rds_request_get_int (request, "AllocatedStorage", &storage.allocated, error) ||
      !rds_request_get_int (request, "Iops", &storage.iops, error) ||
      !rds_request_get_int (request, "StorageThroughput", &storage.throughput, error))
    return NULL;
  if (rds_request_has (request, "StorageType"))
    storage.storage_type = rds_request_get_string (request, "StorageType");

  if (rds_request_has (request, "AllocatedStorage") && storage.allocated != current.allocated)
    {
      RdsProblem problem;

      if (!rds_rules_storage_change (engine, storage.storage_type, current.allocated, storage.allocated,
                                     &problem))
        {
          rds_problem_set_aws_error (&problem, error);
          return NULL;
        }
      /* MySQL, MariaDB, Oracle and PostgreSQL round up to 10 %. */
      storage.allocated = MAX (storage.allocated, rds_rules_storage_growth_minimum (current.allocated));
    }

  /* gp3 falls back to its baseline when the size crosses the threshold. */
  if (g_strcmp0 (storage.storage_type, "gp3") == 0 && !rds_request_has (request, "Iops") &&
      !rds_request_has (request, "StorageThroughput") &&
      (g_strcmp0 (current.storage_type, "gp3") != 0 ||
       (storage.allocated >= rds_catalog_gp3_threshold (engine)) !=
       (current.allocated >= rds_catalog_gp3_threshold (engine))))
    {
      storage.iops = -1;
      storage.throughput = -1;
    }
  if (g_strcmp0 (storage.storage_type, "io1") != 0 && g_strcmp0 (current.storage_type, "io1") == 0 &&
      !rds_request_has (request, "Iops"))
    storage.iops = -1;

  if (!_rds_sim_check_storage (engine, &storage,
                      rds_request_has (request, "Iops") &&
                        !(g_strcmp0 (storage.storage_type, "gp3") == 0 &&
                          storage.allocated < rds_catalog_gp3_threshold (engine) &&
                          storage.iops == current.iops),
                      rds_request_has (request, "StorageThroughput") &&
                        !(g_strcmp0 (storage.storage_type, "gp3") == 0 &&
                          storage.allocated < rds_catalog_gp3_threshold (engine) &&
                          storage.throughput == current.throughput),
                      error))
    return NULL;

  storage_changing = g_strcmp0 (storage.storage_type, current.storage_type) != 0 ||
                     storage.allocated != current.allocated || storage.iops != current.iops ||
                     storage.throughput != current.throughput;
  if (storage_changing)
    {
      gboolean requested = FALSE;

      for (guint i = 0; storage_parameters[i] != NULL; i++)
        requested |= rds_request_has (request, storage_parameters[i]);

      if (requested && instance->op == RDS_SIM_OP_OPTIMIZE)
        {
          g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                               "You can't currently modify the storage of this DB instance because "
                               "the previous storage change is being optimized.");
          return NULL;
        }
      if (requested && instance->last_storage_change != 0 &&
          now - instance->last_storage_change < STORAGE_COOLDOWN)
        {
          g_autofree char *when = rds_format_timestamp (instance->last_storage_change + STORAGE_COOLDOWN);

          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                       "You can't currently modify the storage of this DB instance: its storage "
                       "was modified less than 6 hours ago. Try again after %s.", when);
          return NULL;
        }
    }

  max_allocated = rds_shape_get_int (model, "max-allocated-storage");
  if (!rds_request_get_int (request, "MaxAllocatedStorage", &max_allocated, error))
    return NULL;
  if (max_allocated == storage.allocated)
    max_allocated = -1;
  if (max_allocated >= 0 &&
      !_rds_sim_check_max_allocated (engine, storage.storage_type, storage.allocated, max_allocated, error))
    return NULL;

  class_name = rds_request_get_string (request, "DBInstanceClass");
  if (class_name != NULL &&
      !_rds_sim_check_class (engine, version, class_name, rds_shape_get_string (model, "license-model"), error))
    return NULL;

  ca = rds_request_get_string (request, "CACertificateIdentifier");
  if (ca != NULL && !_rds_sim_check_ca (ca, error))
    return NULL;

  multi_az = rds_shape_get_boolean (model, "multi-az");
  iam_auth = rds_shape_get_boolean (model, "iam-database-authentication-enabled");
  if (!rds_request_get_boolean (request, "MultiAZ", &multi_az, error) ||
      !rds_request_get_boolean (request, "EnableIAMDatabaseAuthentication", &iam_auth, error) ||
      !_rds_sim_check_features (engine, multi_az, iam_auth, error))
    return NULL;

  retention = pending_or_current_int (instance, "backup-retention-period");
  if (!rds_request_get_int (request, "BackupRetentionPeriod", &retention, error) ||
      !_rds_sim_check_backup_retention (retention, error))
    return NULL;
  if (retention == 0 && _rds_sim_instance_count_replicas (instance) > 0)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                          "Cannot turn off automated backups of DB instance %s: it has read replicas. "
                          "Promote or delete them first.", instance_id (instance)), NULL;

  password = rds_request_get_string (request, "MasterUserPassword");
  if (password != NULL && !rds_rules_check_master_password (engine, password, error))
    return NULL;

  /* Windows, checked together against each other. */
  backup_text = rds_request_get_string (request, "PreferredBackupWindow");
  maintenance_text = rds_request_get_string (request, "PreferredMaintenanceWindow");
  backup_window = backup_text ? backup_text : rds_shape_get_string (model, "preferred-backup-window");
  maintenance_window = maintenance_text ? maintenance_text
                                        : rds_shape_get_string (model, "preferred-maintenance-window");
  if (!rds_rules_check_windows (backup_window, maintenance_window, error) ||
      !rds_rules_parse_backup_window (backup_window, &b_start, &b_length, error) ||
      !rds_rules_parse_maintenance_window (maintenance_window, &m_start, &m_length, error))
    return NULL;

  deletion_protection = rds_shape_get_boolean (model, "deletion-protection");
  copy_tags = rds_shape_get_boolean (model, "copy-tags-to-snapshot");
  auto_minor = rds_shape_get_boolean (model, "auto-minor-version-upgrade");
  publicly_accessible = rds_shape_get_boolean (model, "publicly-accessible");
  if (!rds_request_get_boolean (request, "DeletionProtection", &deletion_protection, error) ||
      !rds_request_get_boolean (request, "CopyTagsToSnapshot", &copy_tags, error) ||
      !rds_request_get_boolean (request, "AutoMinorVersionUpgrade", &auto_minor, error) ||
      !rds_request_get_boolean (request, "PubliclyAccessible", &publicly_accessible, error))
    return NULL;

  parameter_group = rds_request_get_string (request, "DBParameterGroupName");
  if (parameter_group != NULL && !_rds_sim_check_parameter_group (region, version, parameter_group, error))
    return NULL;

  subnet_group = rds_request_get_string (request, "DBSubnetGroupName");
  if (subnet_group != NULL && g_ascii_strcasecmp (subnet_group, "default") != 0)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_SUBNET_GROUP_NOT_FOUND,
                   "DBSubnetGroup '%s' not found.", subnet_group);
      return NULL;
    }
  option_group = default_option_group (engine, version);
  option_group_request = rds_request_get_string (request, "OptionGroupName");
  if (option_group_request != NULL && !g_str_equal (option_group_request, option_group))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_OPTION_GROUP_NOT_FOUND,
                   "Specified OptionGroupName: %s not found.", option_group_request);
      return NULL;
    }
  if (rds_request_has (request, "DBPortNumber"))
    {
      int new_port = 0;

      if (!rds_request_get_int (request, "DBPortNumber", &new_port, error) ||
          !rds_rules_check_port (engine, new_port, error))
        return NULL;
      if (rds_shape_get_object (model, "endpoint") == NULL ||
          new_port != rds_shape_get_int (rds_shape_get_object (model, "endpoint"), "port"))
        {
          g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                               "This simulator can't change DBPortNumber yet.");
          return NULL;
        }
    }

  security_groups = rds_request_get_list (request, "VpcSecurityGroupIds", "VpcSecurityGroupId");
  if (!_rds_sim_check_security_groups (region, security_groups, error))
    return NULL;

  monitoring_interval = rds_shape_get_int (model, "monitoring-interval");
  monitoring_role = rds_request_has (request, "MonitoringRoleArn")
    ? rds_request_get_string (request, "MonitoringRoleArn")
    : rds_shape_get_string (model, "monitoring-role-arn");
  if (!rds_request_get_int (request, "MonitoringInterval", &monitoring_interval, error) ||
      !_rds_sim_check_monitoring (request, MAX (monitoring_interval, 0), monitoring_role, error))
    return NULL;

  performance_insights = rds_shape_get_tristate (model, "performance-insights-enabled") == RDS_TRISTATE_TRUE;
  pi_retention = rds_shape_get_int (model, "performance-insights-retention-period");
  if (pi_retention < 0)
    pi_retention = 7;
  if (!rds_request_get_boolean (request, "EnablePerformanceInsights", &performance_insights, error) ||
      !rds_request_get_int (request, "PerformanceInsightsRetentionPeriod", &pi_retention, error))
    return NULL;
  if (performance_insights && !_rds_sim_check_pi_retention (pi_retention, error))
    return NULL;
  pi_kms_request = rds_request_get_string (request, "PerformanceInsightsKMSKeyId");
  if (performance_insights && pi_kms_request != NULL &&
      (pi_kms_key = _rds_sim_resolve_kms_key (self, region, pi_kms_request, error)) == NULL)
    return NULL;

  /* All checked: record the changes. Those RDS applies with an outage wait
   * in PendingModifiedValues for the maintenance window unless applied
   * immediately; the others apply now. */
  had_pending = !rds_pending_modified_values_is_empty (RDS_PENDING_MODIFIED_VALUES (_rds_sim_instance_pending (instance)));
  g_object_freeze_notify (G_OBJECT (model));

  if (new_id != NULL)
    rds_shape_set_string (_rds_sim_instance_pending (instance), "db-instance-identifier", new_id);

  if (class_name != NULL && !g_str_equal (class_name, rds_shape_get_string (model, "db-instance-class")))
    rds_shape_set_string (_rds_sim_instance_pending (instance), "db-instance-class", class_name);
  else if (class_name != NULL)
    rds_shape_set_string (_rds_sim_instance_pending (instance), "db-instance-class", NULL);

  if (storage_changing)
    {
      RdsShape *values = _rds_sim_instance_pending (instance);

      rds_shape_set_int (values, "allocated-storage",
                         storage.allocated != current.allocated ? storage.allocated : -1);
      rds_shape_set_string (values, "storage-type",
                            g_strcmp0 (storage.storage_type, current.storage_type) != 0
                              ? storage.storage_type : NULL);
      rds_shape_set_int (values, "iops", storage.iops != current.iops ? MAX (storage.iops, -1) : -1);
      rds_shape_set_int (values, "storage-throughput",
                         storage.throughput != current.throughput ? MAX (storage.throughput, -1) : -1);
      /* Leaving io1 or gp3 for gp2 drops the provisioned values. */
      if (storage.iops < 0 && current.iops >= 0 && rds_shape_get_string (values, "storage-type") == NULL)
        rds_shape_set_int (values, "iops", -1);
    }

  if (ca != NULL)
    rds_shape_set_string (_rds_sim_instance_pending (instance), "ca-certificate-identifier",
                          g_str_equal (ca, rds_shape_get_string (model, "ca-certificate-identifier")) ? NULL : ca);
  if (rds_request_has (request, "MultiAZ"))
    rds_shape_set_tristate (_rds_sim_instance_pending (instance), "multi-az",
                            multi_az == rds_shape_get_boolean (model, "multi-az") ? RDS_TRISTATE_UNSET
                            : multi_az ? RDS_TRISTATE_TRUE : RDS_TRISTATE_FALSE);
  if (rds_request_has (request, "EnableIAMDatabaseAuthentication"))
    rds_shape_set_tristate (_rds_sim_instance_pending (instance), "iam-database-authentication-enabled",
                            iam_auth == rds_shape_get_boolean (model, "iam-database-authentication-enabled")
                            ? RDS_TRISTATE_UNSET : iam_auth ? RDS_TRISTATE_TRUE : RDS_TRISTATE_FALSE);

  if (rds_request_has (request, "BackupRetentionPeriod"))
    {
      int current_retention = rds_shape_get_int (model, "backup-retention-period");

      if ((current_retention == 0) != (retention == 0))
        {
          rds_shape_set_int (_rds_sim_instance_pending (instance), "backup-retention-period", retention);
        }
      else
        {
          /* Non-zero to non-zero applies at once, without an outage. */
          rds_shape_set_int (_rds_sim_instance_pending (instance), "backup-retention-period", -1);
          rds_shape_set_int (model, "backup-retention-period", retention);
          /* A shorter period lets the oldest backups go now. */
          _rds_sim_backup_expire (self, instance, now);
        }
    }

  if (backup_text != NULL)
    {
      g_autofree char *window = rds_rules_format_backup_window (b_start, b_length);
      rds_shape_set_string (model, "preferred-backup-window", window);
    }
  if (maintenance_text != NULL)
    {
      g_autofree char *window = rds_rules_format_maintenance_window (m_start, m_length);
      rds_shape_set_string (model, "preferred-maintenance-window", window);
    }

  rds_shape_set_boolean (model, "deletion-protection", deletion_protection);
  rds_shape_set_boolean (model, "copy-tags-to-snapshot", copy_tags);
  rds_shape_set_boolean (model, "auto-minor-version-upgrade", auto_minor);
  rds_shape_set_boolean (model, "publicly-accessible", publicly_accessible);
  if (rds_shape_get_int (model, "max-allocated-storage") != max_allocated)
    {
      rds_shape_set_int (model, "max-allocated-storage", max_allocated);
      /* A new threshold: autoscaling may act again, a full disk included. */
      instance->storage_notices &= ~(guint) (RDS_SIM_NOTICE_AT_MAX | RDS_SIM_NOTICE_QUOTA);
      instance->storage_retry = 0;
      storage_schedule (self, instance, now);
    }

  if (rds_request_has (request, "MonitoringInterval") || rds_request_has (request, "MonitoringRoleArn"))
    {
      int old_interval = rds_shape_get_int (model, "monitoring-interval");

      rds_shape_set_int (model, "monitoring-interval", monitoring_interval);
      rds_shape_set_string (model, "monitoring-role-arn", monitoring_interval > 0 ? monitoring_role : NULL);
      if (monitoring_interval > 0 && rds_shape_get_string (model, "enhanced-monitoring-resource-arn") == NULL)
        {
          g_autofree char *arn = g_strdup_printf ("arn:aws:logs:%s:%s:log-group:RDSOSMetrics:log-stream:%s",
                                                  region->info->name,
                                                  rds_sim_engine_get_account_id (self),
                                                  rds_db_instance_get_resource_id (instance->model));
          rds_shape_set_string (model, "enhanced-monitoring-resource-arn", arn);
        }
      if (old_interval != monitoring_interval)
        {
          g_autofree char *message = g_strdup_printf ("Monitoring Interval changed to %d.",
                                                      monitoring_interval);
          _rds_sim_instance_emit (self, instance, message, "configuration change", now);
        }
    }

  if (rds_request_has (request, "EnablePerformanceInsights") ||
      rds_request_has (request, "PerformanceInsightsRetentionPeriod") || pi_kms_key != NULL)
    {
      rds_shape_set_tristate (model, "performance-insights-enabled",
                              performance_insights ? RDS_TRISTATE_TRUE : RDS_TRISTATE_FALSE);
      rds_shape_set_int (model, "performance-insights-retention-period",
                         performance_insights ? pi_retention : -1);
      if (performance_insights && rds_shape_get_string (model, "performance-insights-kms-key-id") == NULL)
        rds_shape_set_string (model, "performance-insights-kms-key-id",
                              pi_kms_key != NULL ? pi_kms_key : region->default_kms_key);
      if (!performance_insights)
        rds_shape_set_string (model, "performance-insights-kms-key-id", NULL);
    }

  if (security_groups != NULL && security_groups[0] != NULL)
    _rds_sim_instance_set_security_groups (instance, security_groups);

  if (parameter_group != NULL)
    {
      GListModel *groups = rds_shape_get_list (model, "db-parameter-groups");
      g_autoptr(RdsShape) current_group = groups ? g_list_model_get_item (groups, 0) : NULL;

      if (current_group == NULL ||
          !g_str_equal (parameter_group, rds_shape_get_string (current_group, "db-parameter-group-name")))
        {
          g_autofree char *message = g_strdup_printf ("Updated to use DBParameterGroup %s", parameter_group);

          _rds_sim_instance_set_parameter_group (instance, parameter_group, "pending-reboot");
          _rds_sim_instance_emit (self, instance, message, "configuration change", now);
        }
    }

  if (password != NULL)
    _rds_sim_instance_emit (self, instance, "Reset master credentials.", "configuration change", now);

  g_object_thaw_notify (G_OBJECT (model));

  /* Apply now, or wait for the window. */
  if (!rds_pending_modified_values_is_empty (RDS_PENDING_MODIFIED_VALUES (_rds_sim_instance_pending (instance))))
    {
      if (apply_immediately)
        begin_applying (self, instance, now);
      else if (!had_pending || maintenance_text != NULL)
        _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_MAINTENANCE,
                                  rds_rules_next_window_start (m_start, now));
    }
  else
    {
      _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_MAINTENANCE, 0);
    }

  if (rds_shape_get_string (model, "db-cluster-identifier") != NULL)
    _rds_sim_cluster_modify_member (self, instance, request);
  _rds_sim_instance_refresh (self, instance, now);
  _rds_sim_instance_dirty (self, instance);
  return item_result ("ModifyDBInstance", instance->model);
}

/* RebootDBInstance */

RdsQueryResult *
_rds_sim_action_reboot_db_instance (RdsSimEngine  *self,
                                    RdsSimRegion  *region,
                                    RdsRequest    *request,
                                    GError       **error)
{
  RdsSimInstance *instance;
  gboolean failover = FALSE;
  gint64 now = rds_sim_engine_get_now (self);

  instance = lookup_required (region, request, error);
  if (instance == NULL ||
      !rds_request_get_boolean (request, "ForceFailover", &failover, error) ||
      !rds_rules_check_instance_action (instance->model, RDS_INSTANCE_ACTION_REBOOT, error))
    return NULL;

  if (failover &&
      (!rds_rules_check_instance_action (instance->model, RDS_INSTANCE_ACTION_FAILOVER, error) ||
       !_rds_sim_instance_check_failover (instance, error)))
    return NULL;

  if (failover && !_rds_sim_instance_failover_recent (instance, now))
    {
      _rds_sim_instance_failover (self, instance, FALSE, now);
      _rds_sim_replication_update (self, instance, now);
      return item_result ("RebootDBInstance", instance->model);
    }

  /* Too soon after the last failover: a plain reboot. */
  if (failover)
    _rds_sim_instance_emit (self, instance, "Abandoning user requested failover since a failover recently "
                            "occurred on the database instance.", "failover", now);
  _rds_sim_instance_record (self, instance, now, RDS_SIM_PHASE_REBOOTING);
  _rds_sim_instance_start_op (self, instance, RDS_SIM_OP_REBOOT, "rebooting",
                              now + USEC (_rds_sim_engine_draw (self, 60, 150)));
  _rds_sim_replication_update (self, instance, now);

  return item_result ("RebootDBInstance", instance->model);
}

static void
finish_reboot (RdsSimEngine   *self,
               RdsSimInstance *instance,
               gint64          now)
{
  RdsShape *model = shape (instance);

  if (instance->failover)
    {
      g_autofree char *primary = g_strdup (rds_shape_get_string (model, "availability-zone"));

      rds_shape_set_string (model, "availability-zone",
                            rds_shape_get_string (model, "secondary-availability-zone"));
      rds_shape_set_string (model, "secondary-availability-zone", primary);
      instance->standby_zone = g_intern_string (primary);
      instance->failover = FALSE;
      _rds_sim_instance_emit (self, instance, "Multi-AZ instance failover completed.", "failover", now);
    }

  _rds_sim_instance_set_parameter_apply_status (instance, "in-sync");
  _rds_sim_instance_emit (self, instance, "DB instance restarted.", "availability", now);
  _rds_sim_instance_record_start (self, instance, now);
  _rds_sim_instance_become_available (self, instance, now);
  _rds_sim_replication_update (self, instance, now);
}

/* StopDBInstance and StartDBInstance */

RdsQueryResult *
_rds_sim_action_stop_db_instance (RdsSimEngine  *self,
                                  RdsSimRegion  *region,
                                  RdsRequest    *request,
                                  GError       **error)
{
  RdsSimInstance *instance;
  const char *snapshot_id;
  g_autofree char *snapshot_lower = NULL;
  gint64 now = rds_sim_engine_get_now (self);
  gint64 stop_due;

  instance = lookup_required (region, request, error);
  if (instance == NULL || !rds_rules_check_instance_action (instance->model, RDS_INSTANCE_ACTION_STOP, error))
    return NULL;

  snapshot_id = rds_request_get_string (request, "DBSnapshotIdentifier");
  if (snapshot_id != NULL)
    {
      snapshot_lower = g_ascii_strdown (snapshot_id, -1);
      if (!_rds_sim_snapshot_check_new (self, region, snapshot_lower, error))
        return NULL;
    }

  stop_due = now + USEC (_rds_sim_engine_draw (self, 120, 300));
  if (snapshot_lower != NULL)
    {
      gint64 snapshot_due = now + _rds_sim_snapshot_duration (self, instance);

      _rds_sim_snapshot_start (self, instance, snapshot_lower, NULL, now, snapshot_due);
      stop_due = MAX (stop_due, snapshot_due);
    }

  _rds_sim_instance_start_op (self, instance, RDS_SIM_OP_STOP, "stopping", stop_due);
  return item_result ("StopDBInstance", instance->model);
}

static void
finish_stop (RdsSimEngine   *self,
             RdsSimInstance *instance,
             gint64          now)
{
  instance->op = RDS_SIM_OP_NONE;
  rds_db_instance_set_status (instance->model, "stopped");
  _rds_sim_instance_record (self, instance, now, RDS_SIM_PHASE_STOPPED);
  rds_shape_set_timestamp (shape (instance), "automatic-restart-time", now + STOP_LIMIT);
  _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_RESTART, now + STOP_LIMIT);
  _rds_sim_instance_emit (self, instance, "DB instance stopped.", "notification", now);
  _rds_sim_instance_dirty (self, instance);
}

static void
begin_start (RdsSimEngine   *self,
             RdsSimInstance *instance,
             gint64          now,
             gint64          due)
{
  rds_shape_set_timestamp (shape (instance), "automatic-restart-time", 0);
  _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_RESTART, 0);
  _rds_sim_instance_start_op (self, instance, RDS_SIM_OP_START, "starting", due);
}

RdsQueryResult *
_rds_sim_action_start_db_instance (RdsSimEngine  *self,
                                   RdsSimRegion  *region,
                                   RdsRequest    *request,
                                   GError       **error)
{
  RdsSimInstance *instance;
  gint64 now = rds_sim_engine_get_now (self);

  instance = lookup_required (region, request, error);
  if (instance == NULL || !rds_rules_check_instance_action (instance->model, RDS_INSTANCE_ACTION_START, error))
    return NULL;

  begin_start (self, instance, now, now + USEC (_rds_sim_engine_draw (self, 180, 420)));
  return item_result ("StartDBInstance", instance->model);
}

/* DeleteDBInstance */

RdsQueryResult *
_rds_sim_action_delete_db_instance (RdsSimEngine  *self,
                                    RdsSimRegion  *region,
                                    RdsRequest    *request,
                                    GError       **error)
{
  RdsSimInstance *instance;
  const char *status;
  const char *final_snapshot;
  g_autofree char *final_lower = NULL;
  gboolean skip_final = FALSE, delete_backups = TRUE;
  gint64 now = rds_sim_engine_get_now (self);
  gint64 due;

  instance = lookup_required (region, request, error);
  if (instance == NULL || !rds_request_get_boolean (request, "SkipFinalSnapshot", &skip_final, error) ||
      !rds_request_get_boolean (request, "DeleteAutomatedBackups", &delete_backups, error))
    return NULL;

  status = rds_db_instance_get_status (instance->model);
  if (!rds_rules_check_instance_action (instance->model, RDS_INSTANCE_ACTION_DELETE, error))
    return NULL;

  if (rds_shape_get_boolean (shape (instance), "deletion-protection"))
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "Cannot delete protected DB Instance, please disable deletion protection "
                           "and try again.");
      return NULL;
    }

  final_snapshot = rds_request_get_string (request, "FinalDBSnapshotIdentifier");
  if (skip_final && final_snapshot != NULL)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "Cannot specify FinalDBSnapshotIdentifier when SkipFinalSnapshot is "
                           "true.");
      return NULL;
    }
  if (rds_shape_get_string (shape (instance), "db-cluster-identifier") != NULL)
    {
      /* Nor an Aurora instance: its cluster has the backups. */
      if (final_snapshot != NULL)
        {
          g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                               "FinalDBSnapshotIdentifier can not be specified when deleting a cluster "
                               "instance");
          return NULL;
        }
      skip_final = TRUE;
    }
  if (rds_shape_get_string (shape (instance), "read-replica-source-db-instance-identifier") != NULL)
    {
      /* A read replica has no final snapshot. */
      if (final_snapshot != NULL)
        {
          g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                               "FinalDBSnapshotIdentifier can not be specified when deleting a replica "
                               "instance");
          return NULL;
        }
      skip_final = TRUE;
    }
  if (!skip_final && final_snapshot == NULL)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is "
                           "specified.");
      return NULL;
    }

  if (!skip_final)
    {
      if (!rds_rules_final_snapshot_possible (status))
        {
          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                       "Instance %s is currently %s - a final snapshot cannot be taken. Delete it "
                       "with SkipFinalSnapshot.", instance_id (instance), status);
          return NULL;
        }
      final_lower = g_ascii_strdown (final_snapshot, -1);
      if (!_rds_sim_snapshot_check_new (self, region, final_lower, error))
        return NULL;
    }

  /* Whatever was going on stops: the instance is going away, and its
   * replicas stand alone. */
  for (guint i = 0; i < RDS_SIM_N_TIMERS; i++)
    _rds_sim_engine_schedule (self, &instance->resource, i, 0);
  if (rds_shape_get_string (shape (instance), "read-replica-source-db-instance-identifier") != NULL)
    _rds_sim_replica_detach (self, instance);
  if (_rds_sim_instance_count_replicas (instance) > 0)
    _rds_sim_replicas_source_deleted (self, instance, now);
  rds_shape_set_timestamp (shape (instance), "automatic-restart-time", 0);

  /* Its automated backups go with it, or stay behind, restorable to now. */
  if (delete_backups || rds_shape_get_string (shape (instance), "db-cluster-identifier") != NULL)
    _rds_sim_backup_delete_all (self, instance);
  else
    _rds_sim_backup_retain (self, instance, now);

  due = now;
  if (final_lower != NULL)
    {
      due = now + _rds_sim_snapshot_duration (self, instance);
      _rds_sim_snapshot_start (self, instance, final_lower, NULL, now, due);
    }
  due += USEC (_rds_sim_engine_draw (self, 120, 300));

  _rds_sim_instance_record (self, instance, now, RDS_SIM_PHASE_ABSENT);
  _rds_sim_instance_start_op (self, instance, RDS_SIM_OP_DELETE, "deleting", due);
  if (rds_shape_get_string (shape (instance), "db-cluster-identifier") != NULL)
    _rds_sim_cluster_member_deleting (self, instance, now);
  return item_result ("DeleteDBInstance", instance->model);
}

static void
finish_delete (RdsSimEngine   *self,
               RdsSimInstance *instance,
               gint64          now)
{
  _rds_sim_instance_emit (self, instance, "DB instance deleted.", "deletion", now);
  _rds_sim_cluster_member_removed (self, instance, now);
  _rds_sim_resource_remove (self, &instance->resource);
}

/* Timers */

static void
instance_fire (RdsSimEngine   *self,
               RdsSimResource *resource,
               guint           kind,
               gint64          now)
{
  RdsSimInstance *instance = (RdsSimInstance *) resource;

  if (kind == RDS_SIM_TIMER_STORAGE)
    {
      storage_fire (self, instance, now);
      return;
    }

  if (kind == RDS_SIM_TIMER_STANDBY)
    {
      _rds_sim_standby_fire (self, instance, now);
      return;
    }

  if (kind == RDS_SIM_TIMER_BACKUP)
    {
      _rds_sim_backup_fire (self, instance, now);
      return;
    }

  if (kind == RDS_SIM_TIMER_RESTART)
    {
      _rds_sim_instance_emit (self, instance, "DB instance is being started due to it exceeding the maximum allowed "
                              "time being stopped.", "notification", now);
      begin_start (self, instance, now, now + _rds_sim_instance_hashed_duration (self, instance, "auto-start", now, 180, 420));
      return;
    }

  if (kind == RDS_SIM_TIMER_MAINTENANCE)
    {
      const char *status = rds_db_instance_get_status (instance->model);
      int start, length;

      if (g_strcmp0 (status, "available") == 0 || g_strcmp0 (status, "storage-optimization") == 0)
        {
          begin_applying (self, instance, now);
        }
      else if (rds_rules_parse_maintenance_window (rds_shape_get_string (shape (instance),
                                                                       "preferred-maintenance-window"),
                                                 &start, &length, NULL))
        {
          /* Busy in this window: try the next one. */
          _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_MAINTENANCE,
                                    rds_rules_next_window_start (start, now));
          _rds_sim_instance_dirty (self, instance);
        }
      return;
    }

  switch (instance->op)
    {
    case RDS_SIM_OP_CREATE:
      finish_create (self, instance, now);
      break;
    case RDS_SIM_OP_FIRST_BACKUP:
      _rds_sim_instance_emit (self, instance, "Finished DB Instance backup.", "backup", now);
      rds_shape_set_string (_rds_sim_instance_pending (instance), "master-user-password", NULL);
      _rds_sim_instance_become_available (self, instance, now);
      _rds_sim_backup_schedule (self, instance, now);
      break;
    case RDS_SIM_OP_BACKUP:
      _rds_sim_backup_finish (self, instance, now);
      break;
    case RDS_SIM_OP_RENAME:
      finish_rename (self, instance, now);
      break;
    case RDS_SIM_OP_REBOOT:
      finish_reboot (self, instance, now);
      break;
    case RDS_SIM_OP_STOP:
      finish_stop (self, instance, now);
      break;
    case RDS_SIM_OP_START:
      _rds_sim_instance_emit (self, instance, "DB instance started.", "notification", now);
      _rds_sim_instance_record_start (self, instance, now);
      _rds_sim_instance_become_available (self, instance, now);
      _rds_sim_replication_update (self, instance, now);
      break;
    case RDS_SIM_OP_FAILOVER:
      _rds_sim_instance_finish_failover (self, instance, now);
      break;
    case RDS_SIM_OP_RECOVER:
      _rds_sim_instance_finish_recovery (self, instance, now);
      break;
    case RDS_SIM_OP_REPLICATE:
      _rds_sim_replica_finish_setup (self, instance, now);
      break;
    case RDS_SIM_OP_PROMOTE:
      _rds_sim_replica_finish_promote (self, instance, now);
      break;
    case RDS_SIM_OP_MODIFY:
      _rds_sim_instance_finish_modify (self, instance, now);
      break;
    case RDS_SIM_OP_OPTIMIZE:
    case RDS_SIM_OP_SNAPSHOT:
      _rds_sim_instance_become_available (self, instance, now);
      break;
    case RDS_SIM_OP_DELETE:
      finish_delete (self, instance, now);
      break;
    case RDS_SIM_OP_DOWN:        /* until its zone is back: no timer */
    case RDS_SIM_OP_NONE:
    case RDS_SIM_N_OPS:
    default:
      break;
    }
}

/* Saving and loading */

static const char * const timer_names[RDS_SIM_N_TIMERS] = {
  "step", "restart", "maintenance", "storage", "standby", "backup"
};

/* Saved: {"op": …, "due": {"step": …, …}, "failover": …, "lastStorageChange": …, "port": …} */
static void
instance_save (RdsSimResource *resource,
               JsonObject     *sim)
{
  RdsSimInstance *instance = (RdsSimInstance *) resource;
  JsonObject *due = json_object_new ();

  json_object_set_string_member (sim, "op", _rds_sim_op_get_name (instance->op));
  for (guint i = 0; i < RDS_SIM_N_TIMERS; i++)
    if (instance->due[i] != 0)
      json_object_set_int_member (due, timer_names[i], instance->due[i]);
  json_object_set_object_member (sim, "due", due);
  if (instance->failover)
    json_object_set_boolean_member (sim, "failover", TRUE);
  if (instance->last_storage_change != 0)
    json_object_set_int_member (sim, "lastStorageChange", instance->last_storage_change);
  if (instance->port != 0)
    json_object_set_int_member (sim, "port", instance->port);
  if (instance->autoscaling)
    json_object_set_boolean_member (sim, "autoscaling", TRUE);
  if (instance->storage_notices != 0)
    json_object_set_int_member (sim, "storageNotices", instance->storage_notices);
  if (instance->low_since != 0)
    json_object_set_int_member (sim, "lowSince", instance->low_since);
  if (instance->storage_retry != 0)
    json_object_set_int_member (sim, "storageRetry", instance->storage_retry);
  if (instance->standby != RDS_SIM_STANDBY_NONE)
    {
      json_object_set_string_member (sim, "standby", _rds_sim_standby_get_name (instance->standby));
      if (instance->standby_zone != NULL)
        json_object_set_string_member (sim, "standbyZone", instance->standby_zone);
      if (instance->standby_started != 0)
        json_object_set_int_member (sim, "standbyStarted", instance->standby_started);
      if (instance->standby_conversion)
        json_object_set_boolean_member (sim, "standbyConversion", TRUE);
    }
  if (instance->faults != 0)
    json_object_set_int_member (sim, "faults", instance->faults);
  if (instance->last_failover != 0)
    json_object_set_int_member (sim, "lastFailover", instance->last_failover);
  if (instance->failover_automatic)
    json_object_set_boolean_member (sim, "failoverAutomatic", TRUE);
  if (instance->replication != RDS_SIM_REPLICATION_NONE)
    json_object_set_string_member (sim, "replication", _rds_sim_replication_get_name (instance->replication));
  if (instance->replica_snapshot != 0)
    json_object_set_int_member (sim, "replicaSnapshot", instance->replica_snapshot);
  if (instance->restore_note != NULL)
    json_object_set_string_member (sim, "restoreNote", instance->restore_note);
  if (instance->automated != NULL && instance->automated->len > 0)
    json_object_set_array_member (sim, "automated", _rds_sim_backup_save_names (instance->automated));
  json_object_set_member (sim, "workload", rds_sim_workload_save (&instance->workload));
}

/* A record from before metrics: one stretch of history from its creation. */
static void
workload_from_model (RdsSimInstance *instance)
{
  RdsShape *model = shape (instance);
  const RdsEngineInfo *engine = rds_catalog_find_engine (rds_db_instance_get_engine (instance->model));
  const char *status = rds_db_instance_get_status (instance->model);
  gint64 created = rds_shape_get_timestamp (model, "instance-create-time");
  g_autofree char *salt = g_strdup_printf ("workload/%s/%s", instance->region->info->name, instance_id (instance));
  RdsSimSegment *segment;

  rds_sim_workload_init (&instance->workload, rds_sim_hash (0, salt),
                         engine != NULL ? engine->family : RDS_FAMILY_MYSQL);
  segment = rds_sim_workload_change (&instance->workload, created);
  segment->klass = rds_catalog_find_class (rds_shape_get_string (model, "db-instance-class"));
  segment->storage_type = g_intern_string (rds_shape_get_string (model, "storage-type"));
  segment->allocated_gib = rds_shape_get_int (model, "allocated-storage");
  segment->used_gib = initial_used_gib (segment->allocated_gib);
  if (created == 0 || g_strcmp0 (status, "creating") == 0 || g_strcmp0 (status, "deleting") == 0)
    segment->phase = RDS_SIM_PHASE_ABSENT;
  else if (g_strcmp0 (status, "stopped") == 0 || g_strcmp0 (status, "starting") == 0)
    segment->phase = RDS_SIM_PHASE_STOPPED;
  else
    segment->phase = RDS_SIM_PHASE_RUNNING;
}

static RdsSimResource *
instance_load (RdsSimRegion  *region,
               RdsShape      *model,
               JsonObject    *sim,
               GError       **error)
{
  g_autoptr(RdsShape) owned = model;
  JsonNode *due_node = json_object_get_member (sim, "due");
  JsonObject *due = due_node != NULL && JSON_NODE_HOLDS_OBJECT (due_node) ? json_node_get_object (due_node) : NULL;
  RdsShape *subnet_group;
  RdsSimInstance *instance;
  RdsSimOp op;

  if (!_rds_sim_op_from_name (json_object_get_string_member_with_default (sim, "op", "none"), &op))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "a DB instance record has an unknown operation");
      return NULL;
    }

  /* Instances in the default subnet group share its one object. */
  subnet_group = rds_shape_get_object (model, "db-subnet-group");
  if (subnet_group != NULL &&
      g_strcmp0 (rds_shape_get_string (subnet_group, "db-subnet-group-name"), "default") == 0)
    rds_shape_set_object (model, "db-subnet-group", region->default_subnet_group);

  instance = g_new0 (RdsSimInstance, 1);
  instance->kind = &_rds_sim_kind_db_instance;
  instance->region = region;
  instance->model = RDS_DB_INSTANCE (g_steal_pointer (&owned));
  instance->op = op;
  instance->failover = json_object_get_boolean_member_with_default (sim, "failover", FALSE);
  instance->last_storage_change = json_object_get_int_member_with_default (sim, "lastStorageChange", 0);
  instance->port = (int) json_object_get_int_member_with_default (sim, "port", 0);
  for (guint i = 0; due != NULL && i < RDS_SIM_N_TIMERS; i++)
    instance->due[i] = json_object_get_int_member_with_default (due, timer_names[i], 0);
  instance->autoscaling = json_object_get_boolean_member_with_default (sim, "autoscaling", FALSE);
  instance->storage_notices = (guint) json_object_get_int_member_with_default (sim, "storageNotices", 0);
  instance->low_since = json_object_get_int_member_with_default (sim, "lowSince", 0);
  instance->storage_retry = json_object_get_int_member_with_default (sim, "storageRetry", 0);
  instance->faults = (guint) json_object_get_int_member_with_default (sim, "faults", 0) & 7;
  instance->last_failover = json_object_get_int_member_with_default (sim, "lastFailover", 0);
  instance->failover_automatic = json_object_get_boolean_member_with_default (sim, "failoverAutomatic", FALSE);
  instance->standby_started = json_object_get_int_member_with_default (sim, "standbyStarted", 0);
  instance->standby_conversion = json_object_get_boolean_member_with_default (sim, "standbyConversion", FALSE);
  instance->replica_snapshot = json_object_get_int_member_with_default (sim, "replicaSnapshot", 0);
  instance->automated = _rds_sim_backup_load_names (sim);
  instance->restore_note = g_strdup (json_object_get_string_member_with_default (sim, "restoreNote", NULL));
  if (json_object_has_member (sim, "standbyZone"))
    instance->standby_zone = g_intern_string (json_object_get_string_member (sim, "standbyZone"));
  if (!json_object_has_member (sim, "standby") && rds_shape_get_boolean (model, "multi-az"))
    {
      /* A state from before standbys: a Multi-AZ instance's is in sync. */
      instance->standby = RDS_SIM_STANDBY_IN_SYNC;
      instance->standby_zone = g_intern_string (rds_shape_get_string (model, "secondary-availability-zone"));
    }
  if ((json_object_has_member (sim, "standby") &&
       !_rds_sim_standby_from_name (json_object_get_string_member (sim, "standby"), &instance->standby)) ||
      (json_object_has_member (sim, "replication") &&
       !_rds_sim_replication_from_name (json_object_get_string_member (sim, "replication"),
                                        &instance->replication)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "a DB instance record has an unknown standby or replication state");
      instance_free (&instance->resource);
      return NULL;
    }

  if (json_object_has_member (sim, "workload"))
    {
      rds_sim_workload_init (&instance->workload, 0, RDS_FAMILY_MYSQL);
      if (!rds_sim_workload_load (&instance->workload, json_object_get_member (sim, "workload"), error))
        {
          instance_free (&instance->resource);
          return NULL;
        }
      {
        const RdsEngineInfo *engine = rds_catalog_find_engine (rds_db_instance_get_engine (instance->model));
        instance->workload.family = engine != NULL ? engine->family : RDS_FAMILY_MYSQL;
      }
    }
  else
    {
      workload_from_model (instance);
    }

  return &instance->resource;
}

static const RdsSimAction instance_actions[] = {
  { "CreateDBInstance", _rds_sim_action_create_db_instance },
  { "CreateDBInstanceReadReplica", _rds_sim_action_create_db_instance_read_replica },
  { "PromoteReadReplica", _rds_sim_action_promote_read_replica },
  { "DescribeDBInstances", _rds_sim_action_describe_db_instances },
  { "ModifyDBInstance", _rds_sim_action_modify_db_instance },
  { "RebootDBInstance", _rds_sim_action_reboot_db_instance },
  { "StopDBInstance", _rds_sim_action_stop_db_instance },
  { "StartDBInstance", _rds_sim_action_start_db_instance },
  { "DeleteDBInstance", _rds_sim_action_delete_db_instance },
  { "RestoreDBInstanceFromDBSnapshot", _rds_sim_action_restore_db_instance_from_db_snapshot },
  { "RestoreDBInstanceToPointInTime", _rds_sim_action_restore_db_instance_to_point_in_time },
  { NULL }
};

RdsSimKind _rds_sim_kind_db_instance = {
  .name = "db-instance",
  .arn_type = "db",
  .model_type = rds_db_instance_get_type,
  .id_property = "db-instance-identifier",
  .not_found = RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND,
  .not_found_message = "DBInstance %s not found.",
  .timer_order = 1,
  .actions = instance_actions,
  .save = instance_save,
  .load = instance_load,
  .added = instance_added,
  .removed = instance_removed,
  .fire = instance_fire,
  .free = instance_free,
};
