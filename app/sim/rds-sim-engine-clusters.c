/* rds-sim-engine-clusters.c: Aurora DB clusters, their writer and readers, their volume
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cluster is created empty (CreateDBCluster); its DB instances join it
 * with CreateDBInstance and DBClusterIdentifier: the first is the writer,
 * the others readers, each with a promotion tier. The cluster keeps their
 * roles in DBClusterMembers; an instance keeps the rest of its life (its
 * status, its workload) as any DB instance does.
 *
 * The cluster volume keeps six copies of every 10 GiB protection group,
 * two in each of the cluster's three Availability Zones. Writes need four
 * copies of every group, reads three. A lost copy is repaired from its
 * peers in simulated seconds; copies in a zone that is down wait for it,
 * then catch up. So an AZ outage (two copies) leaves the cluster writing,
 * and one more lost copy stops writes until it is repaired.
 *
 * The writer's failure fails the cluster over to a reader: the lowest
 * promotion tier, then the largest class, then the first by name; in well
 * under 30 simulated seconds.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rds-sim-engine-private.h"

#include "rds-cluster-pending-modified-values.h"
#include "rds-db-cluster-member.h"
#include "rds-option-group-membership.h"
#include "rds-rules.h"
#include "rds-serverless-v2-scaling-configuration.h"
#include "rds-vpc-security-group-membership.h"

#define DAY (G_GINT64_CONSTANT (86400))
#define STOP_LIMIT USEC (7 * DAY)
/* A writer and 15 readers */
#define MAX_MEMBERS 16
#define MAX_CUSTOM_ENDPOINTS 5

static const char * const op_names[RDS_SIM_N_CLUSTER_OPS] = {
  "none", "create", "stop", "start", "delete", "failover"
};

static RdsShape *
shape (RdsSimCluster *cluster)
{
  return RDS_SHAPE (cluster->model);
}

static const char *
cluster_id (RdsSimCluster *cluster)
{
  return rds_db_cluster_get_identifier (cluster->model);
}

static void
dirty (RdsSimEngine  *self,
       RdsSimCluster *cluster)
{
  _rds_sim_resource_changed (self, &cluster->resource);
}

static void
emit (RdsSimEngine  *self,
      RdsSimCluster *cluster,
      const char    *message,
      const char    *category,
      gint64         now)
{
  _rds_sim_engine_emit (self, cluster->region, "db-cluster", cluster_id (cluster), message, category, now);
}

/* A duration from the seed and the step, not from the generator: timers
 * that fire in any order give the same durations. */
static gint64
hashed_duration (RdsSimEngine  *self,
                 RdsSimCluster *cluster,
                 const char    *step,
                 gint64         start,
                 int            low,
                 int            high)
{
  g_autofree char *salt = g_strdup_printf ("cluster/%s/%s/%s/%" G_GINT64_FORMAT,
                                           cluster->region->info->name, cluster_id (cluster), step, start);

  return USEC (low + (gint64) (rds_sim_hash (rds_sim_engine_get_seed (self), salt) % (guint64) (high - low + 1)));
}

static RdsSimCluster *
lookup (RdsSimRegion  *region,
        const char    *identifier,
        GError       **error)
{
  return (RdsSimCluster *) _rds_sim_region_lookup (region, &_rds_sim_kind_db_cluster, identifier, error);
}

static RdsSimCluster *
lookup_required (RdsSimRegion  *region,
                 RdsRequest    *request,
                 GError       **error)
{
  const char *identifier = rds_request_require_string (request, "DBClusterIdentifier", error);

  return identifier != NULL ? lookup (region, identifier, error) : NULL;
}

RdsSimCluster *
_rds_sim_cluster_lookup (RdsSimRegion  *region,
                         const char    *identifier,
                         GError       **error)
{
  return lookup (region, identifier, error);
}

/* The most ACUs a Serverless v2 instance of @cluster has, 0 without a range. */
static double
scaling_max (RdsSimCluster *cluster)
{
  RdsShape *scaling = rds_shape_get_object (shape (cluster), "serverless-v2-scaling-configuration");

  return scaling != NULL ? rds_shape_get_double (scaling, "max-capacity") : 0.0;
}

static RdsQueryResult *
item_result (const char *action,
             gpointer    item)
{
  RdsQueryResult *result = rds_query_result_new (rds_action_lookup (action));

  result->item = g_object_ref (item);
  return result;
}

static gboolean
fail_state (RdsSimCluster  *cluster,
            GError        **error)
{
  return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_DB_CLUSTER_STATE,
                        "DbCluster %s is not in available state.", cluster_id (cluster));
}

static gboolean
is_available (RdsSimCluster *cluster)
{
  return g_strcmp0 (rds_db_cluster_get_status (cluster->model), "available") == 0;
}

/* Members */

static GListStore *
members (RdsSimCluster *cluster)
{
  return rds_shape_ensure_list (shape (cluster), "db-cluster-members");
}

static guint
n_members (RdsSimCluster *cluster)
{
  GListModel *list = rds_db_cluster_get_members (cluster->model);

  return list != NULL ? g_list_model_get_n_items (list) : 0;
}

static RdsShape *
get_member (RdsSimCluster *cluster,
            guint          i)
{
  /* The list holds it: a borrowed reference. */
  RdsShape *member = g_list_model_get_item (rds_db_cluster_get_members (cluster->model), i);

  g_object_unref (member);
  return member;
}

static RdsShape *
find_member (RdsSimCluster *cluster,
             const char    *instance_id,
             guint         *position)
{
  for (guint i = 0; i < n_members (cluster); i++)
    {
      RdsShape *member = get_member (cluster, i);

      if (g_strcmp0 (rds_shape_get_string (member, "db-instance-identifier"), instance_id) == 0)
        {
          if (position != NULL)
            *position = i;
          return member;
        }
    }
  return NULL;
}

static const char *
instance_id (RdsSimInstance *instance)
{
  return rds_db_instance_get_identifier (instance->model);
}

static RdsSimInstance *
member_instance (RdsSimCluster *cluster,
                 RdsShape      *member)
{
  return _rds_sim_instance_lookup (cluster->region, rds_shape_get_string (member, "db-instance-identifier"), NULL);
}

static gboolean
is_writer (RdsSimCluster  *cluster,
           RdsSimInstance *instance)
{
  RdsShape *member = find_member (cluster, instance_id (instance), NULL);

  return member != NULL && rds_shape_get_boolean (member, "is-cluster-writer");
}

static RdsSimInstance *
writer_instance (RdsSimCluster *cluster)
{
  const char *writer = rds_db_cluster_get_writer (cluster->model);

  return writer != NULL ? _rds_sim_instance_lookup (cluster->region, writer, NULL) : NULL;
}

/**
 * _rds_sim_instance_get_cluster:
 *
 * Returns: (nullable): the cluster @instance belongs to, or %NULL when it
 *   is an RDS DB instance of its own
 */
RdsSimCluster *
_rds_sim_instance_get_cluster (RdsSimInstance *instance)
{
  const char *name = rds_shape_get_string (RDS_SHAPE (instance->model), "db-cluster-identifier");

  return name != NULL ? lookup (instance->region, name, NULL) : NULL;
}

static const char *
instance_zone (RdsSimInstance *instance)
{
  return rds_shape_get_string (RDS_SHAPE (instance->model), "availability-zone");
}

/* Running, and not failing over or being replaced: it serves. */
static gboolean
instance_serves (RdsSimInstance *instance)
{
  const char *status = rds_db_instance_get_status (instance->model);

  return instance->op == RDS_SIM_OP_NONE && instance->faults == 0 &&
         !_rds_sim_region_zone_is_down (instance->region, instance_zone (instance)) &&
         (g_strcmp0 (status, "available") == 0 || g_strcmp0 (status, "modifying") == 0 ||
          g_strcmp0 (status, "configuring-enhanced-monitoring") == 0);
}

/* The reader a failover promotes: the lowest tier, then the largest
 * class, then the first by name; none when no reader serves. */
static RdsSimInstance *
pick_failover_target (RdsSimCluster *cluster)
{
  RdsSimInstance *best = NULL;
  int best_tier = G_MAXINT;
  double best_memory = -1;

  for (guint i = 0; i < n_members (cluster); i++)
    {
      RdsShape *member = get_member (cluster, i);
      RdsSimInstance *instance;
      const RdsClassInfo *klass;
      int tier;
      double memory;

      if (rds_shape_get_boolean (member, "is-cluster-writer"))
        continue;
      instance = member_instance (cluster, member);
      if (instance == NULL || !instance_serves (instance))
        continue;

      tier = rds_shape_get_int (member, "promotion-tier");
      klass = rds_catalog_find_class (rds_shape_get_string (RDS_SHAPE (instance->model), "db-instance-class"));
      memory = klass == NULL ? 0
               : klass->serverless ? scaling_max (cluster) * RDS_SERVERLESS_GIB_PER_ACU
               : klass->memory_gib;
      if (best == NULL || tier < best_tier || (tier == best_tier && memory > best_memory) ||
          (tier == best_tier && memory == best_memory && strcmp (instance_id (instance), instance_id (best)) < 0))
        {
          best = instance;
          best_tier = tier;
          best_memory = memory;
        }
    }
  return best;
}

/* The cluster volume */

static const char *
copy_zone (RdsSimCluster *cluster,
           int            copy)
{
  const char * const *zones = rds_shape_get_strv (shape (cluster), "availability-zones");

  if (zones == NULL || g_strv_length ((char **) zones) < 3)
    return NULL;
  return zones[copy / 2];
}

static gboolean
copy_zone_down (RdsSimCluster *cluster,
                int            copy)
{
  const char *zone = copy_zone (cluster, copy);

  return zone != NULL && _rds_sim_region_zone_is_down (cluster->region, zone);
}

static double
volume_used_gib (RdsSimCluster *cluster,
                 gint64         now)
{
  const RdsSimSegment *segment = rds_sim_workload_at (&cluster->volume, now);

  return segment != NULL ? rds_sim_segment_used_gib (segment, now) : 0;
}

/* The data on the cluster volume at @time, in GiB. */
double
_rds_sim_cluster_volume_gib (RdsSimCluster *cluster,
                             gint64         time)
{
  return volume_used_gib (cluster, time);
}

static int
protection_groups (RdsSimCluster *cluster,
                   gint64         now)
{
  return MAX (1, (int) ceil (volume_used_gib (cluster, now) / RDS_SIM_PROTECTION_GROUP_GIB - 1e-9));
}

/* Whether copy @copy of protection group @group is up: its zone is up and
 * it isn't lost or catching up. @group < 0 asks of a group no loss names. */
static gboolean
copy_is_up (RdsSimCluster *cluster,
            int            group,
            int            copy)
{
  if (copy_zone_down (cluster, copy))
    return FALSE;
  for (guint i = 0; i < cluster->lost->len; i++)
    {
      RdsSimLostCopy *lost = &g_array_index (cluster->lost, RdsSimLostCopy, i);

      if (lost->copy == copy && (lost->group < 0 || lost->group == group))
        return FALSE;
    }
  return TRUE;
}

static int
copies_up (RdsSimCluster *cluster,
           int            group)
{
  int up = 0;

  for (int copy = 0; copy < RDS_SIM_VOLUME_COPIES; copy++)
    if (copy_is_up (cluster, group, copy))
      up++;
  return up;
}

/* The fewest copies up of any protection group, and which group that is
 * (-1: any, no loss names one). */
static int
fewest_copies_up (RdsSimCluster *cluster,
                  int           *group)
{
  int fewest = copies_up (cluster, -1);

  if (group != NULL)
    *group = -1;
  for (guint i = 0; i < cluster->lost->len; i++)
    {
      int g = g_array_index (cluster->lost, RdsSimLostCopy, i).group;
      int up;

      if (g < 0)
        continue;
      up = copies_up (cluster, g);
      if (up < fewest)
        {
          fewest = up;
          if (group != NULL)
            *group = g;
        }
    }
  return fewest;
}

static void
repair_schedule (RdsSimEngine  *self,
                 RdsSimCluster *cluster)
{
  gint64 due = 0;

  for (guint i = 0; i < cluster->lost->len; i++)
    {
      RdsSimLostCopy *lost = &g_array_index (cluster->lost, RdsSimLostCopy, i);

      if (lost->repair_due != 0 && (due == 0 || lost->repair_due < due))
        due = lost->repair_due;
    }
  _rds_sim_engine_schedule (self, &cluster->resource, RDS_SIM_CLUSTER_TIMER_REPAIR, due);
}

static RdsSimPhase
volume_phase (RdsSimCluster *cluster)
{
  const char *status = rds_db_cluster_get_status (cluster->model);

  if (g_strcmp0 (status, "stopped") == 0 || g_strcmp0 (status, "stopping") == 0 ||
      g_strcmp0 (status, "starting") == 0)
    return RDS_SIM_PHASE_STOPPED;
  /* No writes: no growth. */
  if (!cluster->write_quorum)
    return RDS_SIM_PHASE_FULL;
  return RDS_SIM_PHASE_RUNNING;
}

/* A new stretch of the volume's history from @now, if its phase changed. */
static void
volume_record (RdsSimEngine  *self,
               RdsSimCluster *cluster,
               gint64         now)
{
  const RdsSimSegment *last = rds_sim_workload_last (&cluster->volume);
  RdsSimPhase phase = volume_phase (cluster);
  RdsSimSegment *segment;

  if (last != NULL && last->phase == phase)
    return;
  rds_sim_workload_prune (&cluster->volume, now - (gint64) RDS_METRICS_HOUR_RETENTION_DAYS * USEC (DAY));
  segment = rds_sim_workload_change (&cluster->volume, now);
  segment->phase = phase;
  segment->allocated_gib = RDS_SIM_VOLUME_MAX_GIB;
  segment->storage_type = g_intern_string (rds_shape_get_string (shape (cluster), "storage-type"));
  dirty (self, cluster);
}

/* The quorums after a change of the copies: said once when lost, once
 * when back. */
static void
volume_update (RdsSimEngine  *self,
               RdsSimCluster *cluster,
               gint64         now)
{
  int group;
  int up = fewest_copies_up (cluster, &group);
  gboolean write = up >= RDS_SIM_VOLUME_WRITE_QUORUM;
  gboolean read = up >= RDS_SIM_VOLUME_READ_QUORUM;
  g_autofree char *where = group >= 0 ? g_strdup_printf ("protection group %d", group)
                                      : g_strdup ("every protection group");

  if (cluster->write_quorum && !write)
    {
      g_autofree char *message = g_strdup_printf ("The cluster volume lost its write quorum: %s has %d of 6 "
                                                  "copies, and writes need 4. Writes wait until a copy is "
                                                  "repaired.", where, up);
      emit (self, cluster, message, "failure", now);
    }
  else if (!cluster->write_quorum && write)
    emit (self, cluster, "The cluster volume has its write quorum again: writes go on.", "notification", now);

  if (cluster->read_quorum && !read)
    {
      g_autofree char *message = g_strdup_printf ("The cluster volume lost its read quorum: %s has %d of 6 "
                                                  "copies, and reads need 3. The database is unavailable until "
                                                  "copies are repaired.", where, up);
      emit (self, cluster, message, "failure", now);
    }
  else if (!cluster->read_quorum && read)
    emit (self, cluster, "The cluster volume has its read quorum again.", "notification", now);

  if (cluster->write_quorum != write || cluster->read_quorum != read)
    {
      cluster->write_quorum = write;
      cluster->read_quorum = read;
      dirty (self, cluster);
    }
  volume_record (self, cluster, now);
}

/* Copies of the zones that are up start their repair (or catch-up);
 * those of zones that are down wait. */
static void
repairs_start (RdsSimEngine  *self,
               RdsSimCluster *cluster,
               gint64         now)
{
  for (guint i = 0; i < cluster->lost->len; i++)
    {
      RdsSimLostCopy *lost = &g_array_index (cluster->lost, RdsSimLostCopy, i);
      g_autofree char *step = NULL;

      if (lost->repair_due != 0 || copy_zone_down (cluster, lost->copy))
        continue;
      step = g_strdup_printf ("repair/%d/%d", lost->group, lost->copy);
      /* A 10 GiB segment copies from a peer in seconds; every group of a
       * copy, or a copy catching up, in a minute or two. */
      lost->repair_due = now + (lost->group >= 0 && !lost->catch_up
                                ? hashed_duration (self, cluster, step, now, 10, 30)
                                : hashed_duration (self, cluster, step, now, 45, 150));
    }
  repair_schedule (self, cluster);
  dirty (self, cluster);
}

static void
repair_fire (RdsSimEngine  *self,
             RdsSimCluster *cluster,
             gint64         now)
{
  for (guint i = 0; i < cluster->lost->len;)
    {
      RdsSimLostCopy lost = g_array_index (cluster->lost, RdsSimLostCopy, i);

      if (lost.repair_due == 0 || lost.repair_due > now)
        {
          i++;
          continue;
        }
      g_array_remove_index (cluster->lost, i);
      if (!lost.catch_up)
        {
          g_autofree char *message = NULL;

          if (lost.group >= 0)
            message = g_strdup_printf ("Copy %d of protection group %d was repaired from its peers.",
                                       lost.copy + 1, lost.group);
          else
            message = g_strdup_printf ("Copy %d of the cluster volume (in %s) was repaired from its peers.",
                                       lost.copy + 1, copy_zone (cluster, lost.copy));
          emit (self, cluster, message, "notification", now);
        }
    }
  repair_schedule (self, cluster);
  dirty (self, cluster);
  volume_update (self, cluster, now);
}

/**
 * _rds_sim_cluster_zone_changed:
 *
 * A zone went down or came back: the copies there are gone until it is
 * back, then catch up from their peers.
 */
void
_rds_sim_cluster_zone_changed (RdsSimEngine  *self,
                               RdsSimCluster *cluster,
                               gint64         now)
{
  for (int copy = 0; copy < RDS_SIM_VOLUME_COPIES; copy++)
    {
      gboolean down = copy_zone_down (cluster, copy);
      gboolean waiting = FALSE;

      for (guint i = 0; i < cluster->lost->len; i++)
        {
          RdsSimLostCopy *lost = &g_array_index (cluster->lost, RdsSimLostCopy, i);

          if (lost->copy == copy && lost->group < 0 && lost->catch_up)
            waiting = TRUE;
          /* A repair under way in a zone that went down starts over. */
          if (lost->copy == copy && down)
            lost->repair_due = 0;
        }
      if (down && !waiting)
        {
          RdsSimLostCopy lost = { -1, copy, 0, TRUE };

          g_array_append_val (cluster->lost, lost);
        }
    }
  repairs_start (self, cluster, now);
  volume_update (self, cluster, now);
}

static gboolean
zone_changed_cb (gpointer key,
                 gpointer value,
                 gpointer user_data)
{
  RdsSimEngine *self = user_data;

  _rds_sim_cluster_zone_changed (self, value, rds_sim_engine_get_now (self));
  return FALSE;
}

void
_rds_sim_clusters_zone_changed (RdsSimEngine *self,
                                RdsSimRegion *region)
{
  g_tree_foreach (RDS_SIM_CLUSTERS (region), zone_changed_cb, self);
}

/* Failover */

static void
start_failover (RdsSimEngine   *self,
                RdsSimCluster  *cluster,
                RdsSimInstance *target,
                gboolean        automatic,
                gint64          now)
{
  RdsSimInstance *writer = writer_instance (cluster);
  gboolean same_zone = writer != NULL && g_strcmp0 (instance_zone (writer), instance_zone (target)) == 0;
  g_autofree char *message = g_strdup_printf ("Started %s failover to DB instance: %s",
                                              same_zone ? "same AZ" : "cross AZ", instance_id (target));

  emit (self, cluster, message, "failover", now);
  cluster->op = RDS_SIM_CLUSTER_OP_FAILOVER;
  g_free (cluster->failover_target);
  cluster->failover_target = g_strdup (instance_id (target));
  cluster->failover_automatic = automatic;
  rds_db_cluster_set_status (cluster->model, "failing-over");
  /* Aurora: typically under 30 s; a failure is noticed first. */
  _rds_sim_engine_schedule (self, &cluster->resource, RDS_SIM_CLUSTER_TIMER_STEP,
                            now + (automatic ? hashed_duration (self, cluster, "failover", now, 15, 28)
                                             : hashed_duration (self, cluster, "failover", now, 10, 20)));
  dirty (self, cluster);
}

static void
set_writer (RdsSimEngine  *self,
            RdsSimCluster *cluster,
            const char    *writer)
{
  for (guint i = 0; i < n_members (cluster); i++)
    {
      RdsShape *member = get_member (cluster, i);

      rds_shape_set_boolean (member, "is-cluster-writer",
                             g_strcmp0 (rds_shape_get_string (member, "db-instance-identifier"), writer) == 0);
    }
  dirty (self, cluster);
}

static void become_available (RdsSimEngine  *self,
                              RdsSimCluster *cluster,
                              gint64         now);

static void
finish_failover (RdsSimEngine  *self,
                 RdsSimCluster *cluster,
                 gint64         now)
{
  RdsSimInstance *old_writer = writer_instance (cluster);
  RdsSimInstance *target = _rds_sim_instance_lookup (cluster->region, cluster->failover_target, NULL);
  g_autofree char *message = NULL;

  /* The reader chosen failed meanwhile: the next best, if any. */
  if (target == NULL || !instance_serves (target) || !find_member (cluster, instance_id (target), NULL))
    target = pick_failover_target (cluster);
  g_clear_pointer (&cluster->failover_target, g_free);

  if (target == NULL)
    {
      emit (self, cluster, "Cluster failover failed, check the health of your cluster instances and try "
            "again.", "failover", now);
      become_available (self, cluster, now);
      return;
    }

  set_writer (self, cluster, instance_id (target));
  message = g_strdup_printf ("Completed failover to DB instance: %s", instance_id (target));
  emit (self, cluster, message, "failover", now);
  cluster->last_failover = now;
  /* The new writer's engine restarts as a writer; the old one, if it still
   * runs, restarts as a reader. */
  _rds_sim_instance_record_start (self, target, now);
  if (old_writer != NULL && old_writer != target && instance_serves (old_writer))
    {
      _rds_sim_instance_record (self, old_writer, now, RDS_SIM_PHASE_REBOOTING);
      _rds_sim_instance_start_op (self, old_writer, RDS_SIM_OP_REBOOT, "rebooting",
                                  now + _rds_sim_instance_hashed_duration (self, old_writer, "demote", now, 10, 25));
    }
  become_available (self, cluster, now);
}

/* Whether the writer is gone (down, replaced, deleted) with no failover
 * under way: then a reader that serves takes over. */
static void
writer_check (RdsSimEngine  *self,
              RdsSimCluster *cluster,
              gint64         now)
{
  RdsSimInstance *writer = writer_instance (cluster);
  RdsSimInstance *target;

  if (cluster->op != RDS_SIM_CLUSTER_OP_NONE || n_members (cluster) == 0)
    return;
  if (writer != NULL && writer->op != RDS_SIM_OP_DOWN && writer->op != RDS_SIM_OP_RECOVER &&
      writer->op != RDS_SIM_OP_DELETE)
    return;
  target = pick_failover_target (cluster);
  if (target != NULL)
    start_failover (self, cluster, target, TRUE, now);
}

/**
 * _rds_sim_cluster_member_failed:
 *
 * @instance's host or zone failed (it goes down or recovers next): the
 * writer's failure fails the cluster over to a reader.
 */
void
_rds_sim_cluster_member_failed (RdsSimEngine   *self,
                                RdsSimInstance *instance,
                                gint64          now)
{
  RdsSimCluster *cluster = _rds_sim_instance_get_cluster (instance);
  RdsSimInstance *target;

  if (cluster == NULL || !is_writer (cluster, instance) || cluster->op != RDS_SIM_CLUSTER_OP_NONE)
    return;
  target = pick_failover_target (cluster);
  if (target != NULL)
    start_failover (self, cluster, target, TRUE, now);
}

/* A member serves again: if the writer is down, it may take over. */
void
_rds_sim_cluster_member_recovered (RdsSimEngine   *self,
                                   RdsSimInstance *instance,
                                   gint64          now)
{
  RdsSimCluster *cluster = _rds_sim_instance_get_cluster (instance);

  if (cluster != NULL)
    writer_check (self, cluster, now);
}

/* Deleting the writer fails the cluster over to a reader first. */
void
_rds_sim_cluster_member_deleting (RdsSimEngine   *self,
                                  RdsSimInstance *instance,
                                  gint64          now)
{
  RdsSimCluster *cluster = _rds_sim_instance_get_cluster (instance);

  if (cluster != NULL && is_writer (cluster, instance))
    writer_check (self, cluster, now);
}

static void
endpoint_forget_instance (RdsSimEngine          *self,
                          RdsSimClusterEndpoint *endpoint,
                          const char            *instance)
{
  static const char * const lists[] = { "static-members", "excluded-members" };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      const char * const *values = rds_shape_get_strv (endpoint->shape, lists[l]);
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      g_auto(GStrv) result = NULL;
      gboolean found = FALSE;

      for (guint i = 0; values != NULL && values[i] != NULL; i++)
        if (g_str_equal (values[i], instance))
          found = TRUE;
        else
          g_strv_builder_add (kept, values[i]);
      if (!found)
        continue;
      result = g_strv_builder_end (kept);
      rds_shape_set_strv (endpoint->shape, lists[l], result[0] != NULL ? (const char * const *) result : NULL);
      _rds_sim_resource_changed (self, &endpoint->resource);
    }
}

/* The custom endpoints of @cluster, by name. */
static GPtrArray *
cluster_endpoints (RdsSimCluster *cluster)
{
  GPtrArray *found = g_ptr_array_new ();
  GTreeNode *node;

  for (node = g_tree_node_first (RDS_SIM_CLUSTER_ENDPOINTS (cluster->region)); node != NULL;
       node = g_tree_node_next (node))
    {
      RdsSimClusterEndpoint *endpoint = g_tree_node_value (node);

      if (g_strcmp0 (rds_db_cluster_endpoint_get_cluster_identifier (endpoint->model), cluster_id (cluster)) == 0)
        g_ptr_array_add (found, endpoint);
    }
  return found;
}

/* A member is gone: it leaves the cluster's list and its endpoints'. */
void
_rds_sim_cluster_member_removed (RdsSimEngine   *self,
                                 RdsSimInstance *instance,
                                 gint64          now)
{
  RdsSimCluster *cluster = _rds_sim_instance_get_cluster (instance);
  g_autoptr(GPtrArray) endpoints = NULL;
  guint position;

  if (cluster == NULL || find_member (cluster, instance_id (instance), &position) == NULL)
    return;
  g_list_store_remove (members (cluster), position);
  endpoints = cluster_endpoints (cluster);
  for (guint i = 0; i < endpoints->len; i++)
    endpoint_forget_instance (self, g_ptr_array_index (endpoints, i), instance_id (instance));
  dirty (self, cluster);
  writer_check (self, cluster, now);
}

/* A new member is ready: it serves at once (Aurora instances take no
 * backup of their own: the volume is backed up continuously). */
void
_rds_sim_cluster_member_created (RdsSimEngine   *self,
                                 RdsSimInstance *instance,
                                 gint64          now)
{
  RdsSimCluster *cluster = _rds_sim_instance_get_cluster (instance);

  _rds_sim_instance_become_available (self, instance, now);
  if (cluster != NULL)
    writer_check (self, cluster, now);
}

/* CreateDBInstance with DBClusterIdentifier: a writer or a reader */

/* What a cluster's instance takes from its cluster, and may not be given. */
static const struct
{
  const char *parameter;
  const char *what;
} cluster_settings[] = {
  { "AllocatedStorage", "allocated storage" },
  { "MaxAllocatedStorage", "maximum allocated storage" },
  { "StorageType", "storage type" },
  { "Iops", "IOPS" },
  { "StorageThroughput", "storage throughput" },
  { "MasterUsername", "master username" },
  { "MasterUserPassword", "master user password" },
  { "ManageMasterUserPassword", "master user password" },
  { "DBName", "database name" },
  { "Port", "port" },
  { "BackupRetentionPeriod", "backup retention period" },
  { "PreferredBackupWindow", "backup window" },
  { "StorageEncrypted", "storage encryption" },
  { "KmsKeyId", "KMS key" },
  { "VpcSecurityGroupIds.VpcSecurityGroupId.1", "VPC security groups" },
  { "EnableIAMDatabaseAuthentication", "IAM database authentication" },
  { "DeletionProtection", "deletion protection" },
  { "EnableCloudwatchLogsExports.member.1", "log exports" },
  { "CharacterSetName", "character set" },
};

/* The range a Serverless v2 member scales within: its cluster's; 0 and 0
 * for any other instance. */
void
_rds_sim_cluster_member_scaling (RdsSimInstance *instance,
                                 float          *min_acu,
                                 float          *max_acu)
{
  const RdsClassInfo *klass = rds_catalog_find_class (rds_shape_get_string (RDS_SHAPE (instance->model),
                                                                            "db-instance-class"));
  const char *cluster_name = rds_shape_get_string (RDS_SHAPE (instance->model), "db-cluster-identifier");
  RdsSimCluster *cluster = cluster_name != NULL ? lookup (instance->region, cluster_name, NULL) : NULL;
  RdsShape *scaling = cluster != NULL ? rds_shape_get_object (shape (cluster), "serverless-v2-scaling-configuration")
                                      : NULL;

  *min_acu = *max_acu = 0;
  if (klass == NULL || !klass->serverless || scaling == NULL)
    return;
  *min_acu = (float) rds_shape_get_double (scaling, "min-capacity");
  *max_acu = (float) rds_shape_get_double (scaling, "max-capacity");
}

/* A Serverless v2 instance scales within its cluster's range: the range
 * comes first. */
static gboolean
check_serverless (RdsSimCluster  *cluster,
                  const char     *class_name,
                  gboolean        creating,
                  GError        **error)
{
  const RdsClassInfo *klass = rds_catalog_find_class (class_name);

  if (klass == NULL || !klass->serverless ||
      rds_shape_get_object (shape (cluster), "serverless-v2-scaling-configuration") != NULL)
    return TRUE;
  return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                        "Set the Serverless v2 scaling configuration on the parent DB cluster %s before %s a "
                        "Serverless v2 DB instance.", cluster_id (cluster),
                        creating ? "creating" : "changing a DB instance into");
}

gboolean
_rds_sim_cluster_check_member_request (RdsSimInstance  *instance,
                                       RdsRequest      *request,
                                       GError         **error)
{
  static const struct
  {
    const char *parameter;
    const char *what;
    const char *how;
  } modify_settings[] = {
    { "AllocatedStorage", "storage", "it grows by itself" },
    { "MaxAllocatedStorage", "storage", "it grows by itself" },
    { "StorageType", "storage type", "use ModifyDBCluster" },
    { "Iops", "IOPS", "use ModifyDBCluster" },
    { "StorageThroughput", "storage throughput", "it has none of its own" },
    { "MultiAZ", "availability", "add a reader in another Availability Zone" },
    { "BackupRetentionPeriod", "backup retention period", "use ModifyDBCluster" },
    { "PreferredBackupWindow", "backup window", "use ModifyDBCluster" },
    { "MasterUserPassword", "master user password", "use ModifyDBCluster" },
    { "ManageMasterUserPassword", "master user password", "use ModifyDBCluster" },
    { "EnableIAMDatabaseAuthentication", "IAM database authentication", "use ModifyDBCluster" },
    { "DeletionProtection", "deletion protection", "use ModifyDBCluster" },
    { "VpcSecurityGroupIds.VpcSecurityGroupId.1", "VPC security groups", "use ModifyDBCluster" },
    { "DBPortNumber", "port", "use ModifyDBCluster" },
    { "CloudwatchLogsExportConfiguration.EnableLogTypes.member.1", "log exports", "use ModifyDBCluster" },
    { "NewDBInstanceIdentifier", "name", "Aurora instances keep theirs in the simulator" },
  };

  int tier = 0;

  for (guint i = 0; i < G_N_ELEMENTS (modify_settings); i++)
    if (rds_request_has (request, modify_settings[i].parameter))
      return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                            "The %s of DB instance %s is its DB cluster's (%s): %s.", modify_settings[i].what,
                            instance_id (instance),
                            rds_shape_get_string (RDS_SHAPE (instance->model), "db-cluster-identifier"),
                            modify_settings[i].how);
  if (!rds_request_get_int (request, "PromotionTier", &tier, error))
    return FALSE;
  if (tier < 0 || tier > 15)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "Invalid PromotionTier %d: it must be between 0 and 15.", tier);
  if (rds_request_has (request, "DBInstanceClass"))
    {
      RdsSimCluster *cluster = _rds_sim_cluster_lookup (instance->region,
                                                        rds_shape_get_string (RDS_SHAPE (instance->model),
                                                                              "db-cluster-identifier"),
                                                        NULL);

      if (cluster != NULL && !check_serverless (cluster, rds_request_get_string (request, "DBInstanceClass"), FALSE,
                                                error))
        return FALSE;
    }
  return TRUE;
}

/* The zone of a new member: the one asked for, else the cluster's zone
 * with the fewest of its instances, so that readers spread. */
static const char *
member_zone (RdsSimCluster *cluster)
{
  const char * const *zones = rds_shape_get_strv (shape (cluster), "availability-zones");
  const char *best = NULL;
  guint best_count = G_MAXUINT;

  for (guint z = 0; zones != NULL && zones[z] != NULL; z++)
    {
      guint count = 0;

      if (_rds_sim_region_zone_is_down (cluster->region, zones[z]))
        continue;
      for (guint i = 0; i < n_members (cluster); i++)
        {
          RdsSimInstance *instance = member_instance (cluster, get_member (cluster, i));

          if (instance != NULL && g_strcmp0 (instance_zone (instance), zones[z]) == 0)
            count++;
        }
      if (count < best_count)
        {
          best = zones[z];
          best_count = count;
        }
    }
  return best != NULL ? best : zones != NULL ? zones[0] : NULL;
}

RdsQueryResult *
_rds_sim_cluster_create_instance (RdsSimEngine  *self,
                                  RdsSimRegion  *region,
                                  RdsRequest    *request,
                                  GError       **error)
{
  const RdsEngineInfo *engine;
  const RdsVersionInfo *version;
  const char *identifier, *engine_name, *class_name, *zone_request, *parameter_group, *ca;
  const char *monitoring_role, *pi_kms_request, *license;
  g_autofree char *id = NULL;
  g_autofree char *backup_window = NULL;
  g_autofree char *maintenance_window = NULL;
  g_autofree char *default_parameter_group = NULL;
  g_autofree char *arn = NULL;
  g_autofree char *resource_suffix = NULL;
  g_autofree char *resource_id = NULL;
  g_autofree char *monitoring_arn = NULL;
  g_autofree char *pi_kms_key = NULL;
  g_autofree char *option_group = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(RdsShape) member = NULL;
  GListModel *groups;
  RdsSimCluster *cluster;
  RdsSimInstance *instance;
  RdsShape *model;
  const char *zone;
  int tier = 1, monitoring_interval = 0, pi_retention = 7;
  gboolean auto_minor = TRUE, publicly_accessible = FALSE, copy_tags = FALSE, performance_insights = FALSE;
  gboolean writer;
  gint64 now = rds_sim_engine_get_now (self);

  if ((identifier = rds_request_require_string (request, "DBInstanceIdentifier", error)) == NULL ||
      !rds_rules_check_identifier ("DBInstanceIdentifier", identifier, 63, error) ||
      (engine_name = rds_request_require_string (request, "Engine", error)) == NULL ||
      (class_name = rds_request_require_string (request, "DBInstanceClass", error)) == NULL ||
      (cluster = lookup_required (region, request, error)) == NULL)
    return NULL;
  id = g_ascii_strdown (identifier, -1);

  engine = rds_catalog_find_engine (engine_name);
  if (engine == NULL || !g_str_equal (engine->engine, rds_db_cluster_get_engine (cluster->model)))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                   "The engine name requested for your DB instance (%s) doesn't match the engine name of "
                   "your DB cluster (%s).", engine_name, rds_db_cluster_get_engine (cluster->model));
      return NULL;
    }
  if (!engine->aurora)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                   "Only Aurora DB instances join a DB cluster; %s DB instances stand alone.", engine_name);
      return NULL;
    }
  version = rds_catalog_find_version (engine, rds_shape_get_string (shape (cluster), "engine-version"));
  if (rds_request_has (request, "EngineVersion") &&
      !g_str_equal (rds_request_get_string (request, "EngineVersion"), version->version))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                   "The engine version requested for your DB instance (%s) doesn't match the engine "
                   "version of your DB cluster (%s).", rds_request_get_string (request, "EngineVersion"),
                   version->version);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cluster_settings); i++)
    if (rds_request_has (request, cluster_settings[i].parameter))
      {
        g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                     "The requested DB Instance will be a member of a DB Cluster. Set %s for the DB "
                     "Cluster.", cluster_settings[i].what);
        return NULL;
      }
  if (rds_request_has (request, "MultiAZ"))
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "Aurora DB instances have no standby: add a reader in another Availability "
                           "Zone instead of MultiAZ.");
      return NULL;
    }

  license = rds_request_get_string (request, "LicenseModel");
  if (license == NULL)
    license = engine->license_models[0];
  if (!_rds_sim_check_class (engine, version, class_name, license, error) ||
      !check_serverless (cluster, class_name, TRUE, error))
    return NULL;

  if (g_tree_lookup (RDS_SIM_INSTANCES (region), id) != NULL)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_INSTANCE_ALREADY_EXISTS,
                           "DB instance already exists");
      return NULL;
    }

  /* Members join a cluster that is being created or is up (the rule the
   * console's Add reader follows). */
  if (!rds_db_cluster_status_allows (rds_db_cluster_get_status (cluster->model), RDS_CLUSTER_ACTION_ADD_READER) ||
      (cluster->op != RDS_SIM_CLUSTER_OP_NONE && cluster->op != RDS_SIM_CLUSTER_OP_CREATE))
    {
      fail_state (cluster, error);
      return NULL;
    }
  if (n_members (cluster) >= MAX_MEMBERS)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INSTANCE_QUOTA_EXCEEDED,
                   "DB cluster %s already has %d DB instances, a writer and 15 readers: the most an Aurora "
                   "cluster can have.", cluster_id (cluster), MAX_MEMBERS);
      return NULL;
    }

  if (!rds_request_get_int (request, "PromotionTier", &tier, error))
    return NULL;
  if (tier < 0 || tier > 15)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid PromotionTier %d: it must be between 0 and 15.", tier);
      return NULL;
    }

  zone_request = rds_request_get_string (request, "AvailabilityZone");
  if (zone_request != NULL && !rds_region_has_zone (region->info, zone_request))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid Availability Zone %s: it is not an Availability Zone of %s.", zone_request,
                   region->info->name);
      return NULL;
    }
  if (rds_request_has (request, "DBSubnetGroupName") &&
      g_ascii_strcasecmp (rds_request_get_string (request, "DBSubnetGroupName"),
                          rds_shape_get_string (shape (cluster), "db-subnet-group")) != 0)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                   "The DB subnet group of a cluster's DB instance is its cluster's (%s).",
                   rds_shape_get_string (shape (cluster), "db-subnet-group"));
      return NULL;
    }

  default_parameter_group = g_strconcat ("default.", version->family, NULL);
  parameter_group = rds_request_get_string (request, "DBParameterGroupName");
  if (parameter_group == NULL)
    parameter_group = default_parameter_group;
  if (!_rds_sim_check_parameter_group (region, version, parameter_group, error))
    return NULL;

  ca = rds_request_get_string (request, "CACertificateIdentifier");
  if (ca == NULL)
    ca = rds_catalog_default_ca ();
  if (!_rds_sim_check_ca (ca, error))
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

  if (!rds_request_get_boolean (request, "PubliclyAccessible", &publicly_accessible, error) ||
      !rds_request_get_boolean (request, "AutoMinorVersionUpgrade", &auto_minor, error) ||
      !rds_request_get_boolean (request, "CopyTagsToSnapshot", &copy_tags, error))
    return NULL;
  tags = rds_request_get_tags (request, "Tags", error);
  if (tags == NULL || !_rds_rules_check_tags (tags, error))
    return NULL;
  if (!_rds_sim_check_quotas (self, region, 1, 0, error))
    return NULL;

  /* Every check passed: from here on, the generator is drawn from and the
   * state changes. */
  if (!_rds_sim_draw_windows (self, region, request, &backup_window, &maintenance_window, error))
    return NULL;
  zone = zone_request != NULL ? zone_request : member_zone (cluster);
  resource_suffix = rds_sim_rng_string (&self->rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 26);
  resource_id = g_strconcat ("db-", resource_suffix, NULL);
  arn = _rds_sim_engine_arn (self, region, "db", id);
  if (monitoring_interval > 0)
    monitoring_arn = g_strdup_printf ("arn:aws:logs:%s:%s:log-group:RDSOSMetrics:log-stream:%s",
                                      region->info->name, rds_sim_engine_get_account_id (self),
                                      resource_id);
  option_group = g_strdup_printf ("default:%s-%s", engine->engine, version->major);
  g_strdelimit (option_group + strlen ("default:"), ".", '-');

  model = g_object_new (RDS_TYPE_DB_INSTANCE,
                        "db-instance-identifier", id,
                        "db-instance-class", class_name,
                        "engine", engine->engine,
                        "db-instance-status", "creating",
                        "master-username", rds_shape_get_string (shape (cluster), "master-username"),
                        "db-name", rds_shape_get_string (shape (cluster), "database-name"),
                        "allocated-storage", 1,
                        "preferred-backup-window", rds_shape_get_string (shape (cluster), "preferred-backup-window"),
                        "backup-retention-period", rds_shape_get_int (shape (cluster), "backup-retention-period"),
                        "availability-zone", zone,
                        "db-subnet-group", region->default_subnet_group,
                        "preferred-maintenance-window", maintenance_window,
                        "multi-az", FALSE,
                        "engine-version", version->version,
                        "auto-minor-version-upgrade", auto_minor,
                        "license-model", license,
                        "publicly-accessible", publicly_accessible,
                        "storage-type", rds_shape_get_string (shape (cluster), "storage-type"),
                        "storage-encrypted", rds_shape_get_boolean (shape (cluster), "storage-encrypted"),
                        "kms-key-id", rds_shape_get_string (shape (cluster), "kms-key-id"),
                        "dbi-resource-id", resource_id,
                        "ca-certificate-identifier", ca,
                        "copy-tags-to-snapshot", copy_tags,
                        "monitoring-interval", monitoring_interval,
                        "monitoring-role-arn", monitoring_interval > 0 ? monitoring_role : NULL,
                        "enhanced-monitoring-resource-arn", monitoring_arn,
                        "db-instance-arn", arn,
                        "db-cluster-identifier", cluster_id (cluster),
                        "promotion-tier", tier,
                        "iam-database-authentication-enabled",
                        rds_shape_get_boolean (shape (cluster), "iam-database-authentication-enabled"),
                        "performance-insights-enabled",
                        performance_insights ? RDS_TRISTATE_TRUE : RDS_TRISTATE_FALSE,
                        "performance-insights-kms-key-id", pi_kms_key,
                        "performance-insights-retention-period", performance_insights ? pi_retention : -1,
                        "deletion-protection", FALSE,
                        "customer-owned-ip-enabled", RDS_TRISTATE_FALSE,
                        "backup-target", "region",
                        "network-type", rds_shape_get_string (shape (cluster), "network-type"),
                        NULL);

  instance = _rds_sim_instance_new (self, region, RDS_DB_INSTANCE (model),
                                    rds_shape_get_int (shape (cluster), "port"), now);
  {
    g_autoptr(GPtrArray) group_ids = g_ptr_array_new ();

    groups = rds_shape_get_list (shape (cluster), "vpc-security-groups");
    for (guint i = 0; groups != NULL && i < g_list_model_get_n_items (groups); i++)
      {
        g_autoptr(RdsShape) group = g_list_model_get_item (groups, i);

        g_ptr_array_add (group_ids, (gpointer) rds_shape_get_string (group, "vpc-security-group-id"));
      }
    g_ptr_array_add (group_ids, NULL);
    _rds_sim_instance_set_security_groups (instance, (char **) group_ids->pdata);
  }
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

  /* The first instance is the writer. */
  writer = rds_db_cluster_get_writer (cluster->model) == NULL;
  member = g_object_new (RDS_TYPE_DB_CLUSTER_MEMBER,
                         "db-instance-identifier", id,
                         "is-cluster-writer", writer,
                         "db-cluster-parameter-group-status", "in-sync",
                         "promotion-tier", tier,
                         NULL);
  g_list_store_append (members (cluster), member);
  dirty (self, cluster);

  _rds_sim_instance_start_op (self, instance, RDS_SIM_OP_CREATE, "creating",
                              now + USEC (_rds_sim_engine_draw (self, 300, 600)));
  return item_result ("CreateDBInstance", instance->model);
}

/* ModifyDBInstance of a member, once the request is checked: the
 * promotion tier changes at once, as the cluster lists it. */
void
_rds_sim_cluster_modify_member (RdsSimEngine    *self,
                                RdsSimInstance  *instance,
                                RdsRequest      *request)
{
  RdsSimCluster *cluster = _rds_sim_instance_get_cluster (instance);
  RdsShape *member;
  int tier = -1;

  if (!rds_request_get_int (request, "PromotionTier", &tier, NULL) || tier < 0 || cluster == NULL)
    return;

  rds_shape_set_int (RDS_SHAPE (instance->model), "promotion-tier", tier);
  _rds_sim_instance_dirty (self, instance);
  member = find_member (cluster, instance_id (instance), NULL);
  if (member != NULL)
    {
      rds_shape_set_int (member, "promotion-tier", tier);
      dirty (self, cluster);
    }
}

/* The cluster's life */

static char *
endpoint_address (RdsSimCluster *cluster,
                  const char    *name,
                  const char    *kind)
{
  return g_strdup_printf ("%s.%s-%s.%s.rds.amazonaws.com", name, kind, cluster->region->endpoint_label,
                          cluster->region->info->name);
}

static void
set_endpoints (RdsSimCluster *cluster)
{
  g_autofree char *writer = endpoint_address (cluster, cluster_id (cluster), "cluster");
  g_autofree char *reader = endpoint_address (cluster, cluster_id (cluster), "cluster-ro");

  rds_shape_set_string (shape (cluster), "endpoint", writer);
  rds_shape_set_string (shape (cluster), "reader-endpoint", reader);
}

static void
become_available (RdsSimEngine  *self,
                  RdsSimCluster *cluster,
                  gint64         now)
{
  cluster->op = RDS_SIM_CLUSTER_OP_NONE;
  rds_db_cluster_set_status (cluster->model, "available");
  _rds_sim_engine_schedule (self, &cluster->resource, RDS_SIM_CLUSTER_TIMER_STEP, 0);
  volume_record (self, cluster, now);
  dirty (self, cluster);
  /* The writer may have failed while the cluster was busy. */
  writer_check (self, cluster, now);
}

/* What DescribeDBClusters shows that follows from the clock and the
 * members. */
static void
refresh (RdsSimCluster *cluster,
         gint64         now)
{
  RdsShape *model = shape (cluster);
  gint64 created = rds_shape_get_timestamp (model, "cluster-create-time");
  int retention = rds_shape_get_int (model, "backup-retention-period");
  const char *first_zone = NULL;
  gboolean multi_az = FALSE;

  /* Continuous backups: restorable to a few minutes ago, back to the
   * retention period. */
  if (cluster->op != RDS_SIM_CLUSTER_OP_CREATE)
    {
      gint64 latest = MAX (created, now - USEC (300));

      rds_shape_set_timestamp (model, "latest-restorable-time", latest / G_USEC_PER_SEC * G_USEC_PER_SEC);
      rds_shape_set_timestamp (model, "earliest-restorable-time",
                               MAX (created, now - USEC (retention * DAY)) / G_USEC_PER_SEC * G_USEC_PER_SEC);
    }

  for (guint i = 0; i < n_members (cluster) && !multi_az; i++)
    {
      RdsSimInstance *instance = member_instance (cluster, get_member (cluster, i));
      const char *zone = instance != NULL ? instance_zone (instance) : NULL;

      if (zone == NULL)
        continue;
      if (first_zone == NULL)
        first_zone = zone;
      else if (!g_str_equal (first_zone, zone))
        multi_az = TRUE;
    }
  rds_shape_set_boolean (model, "multi-az", multi_az);
}

void
_rds_sim_cluster_refresh (RdsSimCluster *cluster,
                          gint64         now)
{
  refresh (cluster, now);
}

static gboolean
check_storage_type (const char  *storage_type,
                    GError     **error)
{
  if (storage_type == NULL || g_str_equal (storage_type, "aurora") || g_str_equal (storage_type, "aurora-iopt1"))
    return TRUE;
  return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                        "Invalid storage type for Aurora: %s. Valid storage types are aurora (Aurora "
                        "Standard) and aurora-iopt1 (Aurora I/O-Optimized).", storage_type);
}

static gboolean
check_retention (int      days,
                 GError **error)
{
  if (days < 1 || days > 35)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "Invalid backup retention period: %d. Retention period must be between 1 and 35.",
                          days);
  return TRUE;
}

static gboolean
check_cluster_parameter_group (const RdsVersionInfo  *version,
                               const char            *name,
                               GError               **error)
{
  g_autofree char *default_name = g_strconcat ("default.", version->family, NULL);

  if (name == NULL || g_ascii_strcasecmp (name, default_name) == 0)
    return TRUE;
  return _rds_sim_fail (error, RDS_AWS_ERROR_DB_CLUSTER_PARAMETER_GROUP_NOT_FOUND,
                        "DBClusterParameterGroup not found: %s", name);
}

static void
set_security_groups (RdsSimCluster  *cluster,
                     char          **groups)
{
  GListStore *list = rds_shape_ensure_list (shape (cluster), "vpc-security-groups");

  g_list_store_remove_all (list);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autoptr(RdsShape) membership = g_object_new (RDS_TYPE_VPC_SECURITY_GROUP_MEMBERSHIP,
                                                     "vpc-security-group-id", groups[i],
                                                     "status", "active",
                                                     NULL);
      g_list_store_append (list, membership);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Three zones of the Region for the volume: those asked for, then drawn. */
static char **
draw_volume_zones (RdsSimEngine  *self,
                   RdsSimRegion  *region,
                   char         **asked)
{
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_free);
  guint n_zones = rds_region_get_n_zones (region->info);

  for (guint i = 0; asked != NULL && asked[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (zones, asked[i], g_str_equal, NULL))
      g_ptr_array_add (zones, g_strdup (asked[i]));
  while (zones->len < MIN (3, n_zones))
    {
      g_autofree char *zone = rds_region_get_zone (region->info, (guint) _rds_sim_engine_draw (self, 0, n_zones - 1));

      if (!g_ptr_array_find_with_equal_func (zones, zone, g_str_equal, NULL))
        g_ptr_array_add (zones, g_steal_pointer (&zone));
    }
  g_ptr_array_sort (zones, compare_names);
  g_ptr_array_add (zones, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&zones), FALSE);
}

static void
volume_init (RdsSimEngine  *self,
             RdsSimCluster *cluster,
             gint64         now)
{
  g_autofree char *salt = g_strdup_printf ("volume/%s/%s/%" G_GINT64_FORMAT, cluster->region->info->name,
                                           cluster_id (cluster), now);
  const RdsEngineInfo *engine = rds_catalog_find_engine (rds_db_cluster_get_engine (cluster->model));
  RdsSimSegment *segment;

  rds_sim_workload_init (&cluster->volume, rds_sim_hash (rds_sim_engine_get_seed (self), salt),
                         engine != NULL ? engine->family : RDS_FAMILY_MYSQL);
  segment = rds_sim_workload_change (&cluster->volume, now);
  /* The engine's own tables, before any data. */
  segment->used_gib = 0.15;
  segment->allocated_gib = RDS_SIM_VOLUME_MAX_GIB;
  segment->phase = RDS_SIM_PHASE_ABSENT;
}

static RdsSimCluster *
cluster_new (RdsSimRegion *region,
             RdsDbCluster *model)
{
  RdsSimCluster *cluster = g_new0 (RdsSimCluster, 1);

  cluster->kind = &_rds_sim_kind_db_cluster;
  cluster->region = region;
  cluster->model = model;
  cluster->lost = g_array_new (FALSE, FALSE, sizeof (RdsSimLostCopy));
  cluster->write_quorum = TRUE;
  cluster->read_quorum = TRUE;
  return cluster;
}


/* ServerlessV2ScalingConfiguration: @current's range with what @request
 * changes of it, or a new range (both bounds then); *scaling is NULL when
 * the request says nothing of it. */
static gboolean
read_scaling (RdsRequest  *request,
              RdsShape    *current,
              RdsShape   **scaling,
              GError     **error)
{
  static const char * const names[] = {
    "ServerlessV2ScalingConfiguration.MinCapacity", "ServerlessV2ScalingConfiguration.MaxCapacity",
  };
  double bounds[2];

  *scaling = NULL;
  if (!rds_request_has (request, names[0]) && !rds_request_has (request, names[1]))
    return TRUE;

  bounds[0] = current != NULL ? rds_shape_get_double (current, "min-capacity") : -1;
  bounds[1] = current != NULL ? rds_shape_get_double (current, "max-capacity") : -1;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *text = rds_request_get_string (request, names[i]);
      char *end = NULL;
      double value;

      if (text == NULL)
        continue;
      value = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0' || !isfinite (value) ||
          value < (i == 0 ? RDS_SERVERLESS_MIN_ACU : 1.0) || value > RDS_SERVERLESS_MAX_ACU ||
          fmod (value * 2.0, 1.0) != 0.0)
        {
          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                       "Invalid %s %s: Serverless v2 capacity is %g to %g ACUs (the maximum at least 1), in "
                       "steps of 0.5.", strchr (names[i], '.') + 1, text, RDS_SERVERLESS_MIN_ACU,
                       RDS_SERVERLESS_MAX_ACU);
          return FALSE;
        }
      bounds[i] = value;
    }
  if (bounds[0] < 0 || bounds[1] < 0)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "Specify both MinCapacity and MaxCapacity in ServerlessV2ScalingConfiguration.");
      return FALSE;
    }
  if (bounds[0] > bounds[1])
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                   "The maximum capacity (%g ACUs) must be greater than or equal to the minimum capacity "
                   "(%g ACUs).", bounds[1], bounds[0]);
      return FALSE;
    }

  *scaling = g_object_new (RDS_TYPE_SERVERLESS_V2_SCALING_CONFIGURATION,
                           "min-capacity", bounds[0], "max-capacity", bounds[1], NULL);
  return TRUE;
}

/* A new cluster, from CreateDBCluster's request (@source NULL) or from
 * a restore's: then the engine, its version, the credentials, the
 * database, the encryption and the data are the source's. */
static RdsSimCluster *
new_cluster (RdsSimEngine                *self,
             RdsSimRegion                *region,
             RdsRequest                  *request,
             const RdsSimClusterSource   *source,
             GError                     **error)
{
  const RdsEngineInfo *engine;
  const RdsVersionInfo *version;
  const char *identifier, *engine_name, *username, *password, *database_name, *kms_request, *storage_type;
  const char *subnet_group_name, *network_type, *engine_mode;
  g_autofree char *id = NULL;
  g_autofree char *backup_window = NULL;
  g_autofree char *maintenance_window = NULL;
  g_autofree char *kms_key = NULL;
  g_autofree char *arn = NULL;
  g_autofree char *resource_suffix = NULL;
  g_autofree char *resource_id = NULL;
  g_autofree char *parameter_group = NULL;
  g_auto(GStrv) zones_asked = NULL;
  g_auto(GStrv) zones = NULL;
  g_auto(GStrv) security_groups = NULL;
  g_auto(GStrv) log_exports = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(RdsShape) scaling = NULL;
  RdsSimCluster *cluster;
  RdsShape *model;
  int port, retention = 1;
  gint64 backtrack = 0;
  gboolean encrypted = FALSE, iam_auth = FALSE, deletion_protection = FALSE, copy_tags = FALSE;
  gboolean manage_password = FALSE;
  gint64 now = rds_sim_engine_get_now (self);
  gint64 quota = rds_sim_engine_get_quota (self, RDS_SIM_QUOTA_CLUSTERS);

  if ((identifier = rds_request_require_string (request, "DBClusterIdentifier", error)) == NULL ||
      !rds_rules_check_identifier ("DBClusterIdentifier", identifier, 63, error))
    return NULL;
  if (source != NULL)
    engine_name = rds_request_has (request, "Engine") ? rds_request_get_string (request, "Engine") : source->engine;
  else if ((engine_name = rds_request_require_string (request, "Engine", error)) == NULL)
    return NULL;
  id = g_ascii_strdown (identifier, -1);

  engine = rds_catalog_find_engine (engine_name);
  if (source != NULL && engine != NULL && !g_str_equal (engine->engine, source->engine))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                   "The engine %s can't restore a snapshot of %s: restore it with its own engine.",
                   engine_name, source->engine);
      return NULL;
    }
  if (engine == NULL || !engine->aurora)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid DB engine for a DB cluster: %s. The engines of Aurora DB clusters are aurora-mysql "
                   "and aurora-postgresql (Multi-AZ DB clusters of mysql and postgres aren't simulated).",
                   engine_name);
      return NULL;
    }
  engine_mode = rds_request_get_string (request, "EngineMode");
  if (engine_mode != NULL && !g_str_equal (engine_mode, "provisioned"))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid EngineMode %s: this simulator's Aurora clusters are provisioned "
                   "(Serverless v1, global and multimaster clusters aren't simulated).", engine_mode);
      return NULL;
    }
  if (rds_request_has (request, "DBClusterInstanceClass") || rds_request_has (request, "AllocatedStorage") ||
      rds_request_has (request, "Iops"))
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "DBClusterInstanceClass, AllocatedStorage and Iops are for Multi-AZ DB clusters: an "
                           "Aurora cluster volume grows by itself, and its instances are added with "
                           "CreateDBInstance.");
      return NULL;
    }
  if (rds_request_has (request, "ReplicationSourceIdentifier") ||
      rds_request_has (request, "GlobalClusterIdentifier"))
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "Replica clusters and global databases aren't simulated yet.");
      return NULL;
    }
  if (!read_scaling (request, NULL, &scaling, error))
    return NULL;

  if (source != NULL)
    version = rds_catalog_find_version (engine, source->engine_version);
  else if (rds_request_has (request, "EngineVersion"))
    {
      version = rds_catalog_find_version (engine, rds_request_get_string (request, "EngineVersion"));
      if (version == NULL)
        {
          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                       "Cannot find version %s for %s", rds_request_get_string (request, "EngineVersion"),
                       engine->engine);
          return NULL;
        }
    }
  else
    version = rds_catalog_default_version (engine);

  if (g_tree_lookup (RDS_SIM_CLUSTERS (region), id) != NULL)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_CLUSTER_ALREADY_EXISTS,
                   "DB Cluster already exists: %s", id);
      return NULL;
    }

  /* Credentials; the password is checked and forgotten. A restored
   * cluster has its source's. */
  if (source != NULL)
    {
      username = source->master_username;
      database_name = source->database_name;
    }
  else
    {
      username = rds_request_get_string (request, "MasterUsername");
      password = rds_request_get_string (request, "MasterUserPassword");
      if (!rds_request_get_boolean (request, "ManageMasterUserPassword", &manage_password, error))
        return NULL;
      if (username == NULL)
        {
          g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                               "The parameter MasterUsername must be provided and must not be blank.");
          return NULL;
        }
      if (!rds_rules_check_master_username (engine, username, error))
        return NULL;
      if (manage_password && password != NULL)
        {
          g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                               "Specify either MasterUserPassword or ManageMasterUserPassword, not both.");
          return NULL;
        }
      if (!manage_password && !rds_rules_check_master_password (engine, password, error))
        return NULL;

      database_name = rds_request_get_string (request, "DatabaseName");
      if (!rds_rules_check_db_name (engine, database_name, error))
        return NULL;
    }

  port = engine->default_port;
  if (!rds_request_get_int (request, "Port", &port, error) || !rds_rules_check_port (engine, port, error))
    return NULL;

  zones_asked = rds_request_get_list (request, "AvailabilityZones", "AvailabilityZone");
  for (guint i = 0; zones_asked != NULL && zones_asked[i] != NULL; i++)
    if (!rds_region_has_zone (region->info, zones_asked[i]) || i >= 3)
      {
        g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                     i >= 3 ? "At most 3 Availability Zones can be given for a DB cluster; %s is one too many."
                            : "Invalid Availability Zone %s for this Region.", zones_asked[i]);
        return NULL;
      }

  subnet_group_name = rds_request_get_string (request, "DBSubnetGroupName");
  if (subnet_group_name != NULL && g_ascii_strcasecmp (subnet_group_name, "default") != 0)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_SUBNET_GROUP_NOT_FOUND,
                   "DBSubnetGroup '%s' not found.", subnet_group_name);
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
  if (!check_cluster_parameter_group (version, rds_request_get_string (request, "DBClusterParameterGroupName"),
                                      error))
    return NULL;
  parameter_group = g_strconcat ("default.", version->family, NULL);

  if (source != NULL)
    retention = source->retention;
  if (!rds_request_get_int (request, "BackupRetentionPeriod", &retention, error) ||
      !check_retention (retention, error))
    return NULL;
  if (rds_request_has (request, "BacktrackWindow"))
    {
      const char *text = rds_request_get_string (request, "BacktrackWindow");

      backtrack = g_ascii_strtoll (text, NULL, 10);
      if (backtrack != 0)
        {
          g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                               "Backtrack isn't simulated yet: leave BacktrackWindow at 0.");
          return NULL;
        }
    }

  storage_type = rds_request_get_string (request, "StorageType");
  if (!check_storage_type (storage_type, error))
    return NULL;

  kms_request = rds_request_get_string (request, "KmsKeyId");
  if (source != NULL)
    {
      /* A restore keeps the source's encryption; an unencrypted source
       * may be restored encrypted with a key. */
      encrypted = source->encrypted || kms_request != NULL;
      if (kms_request == NULL && source->encrypted)
        kms_request = source->kms_key;
    }
  else if (!rds_request_get_boolean (request, "StorageEncrypted", &encrypted, error))
    return NULL;
  if (kms_request != NULL && !encrypted)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "You must enable StorageEncrypted when you specify KmsKeyId");
      return NULL;
    }
  if (encrypted &&
      (kms_key = _rds_sim_resolve_kms_key (self, region, kms_request ? kms_request : "alias/aws/rds", error)) == NULL)
    return NULL;

  if (!rds_request_get_boolean (request, "EnableIAMDatabaseAuthentication", &iam_auth, error) ||
      !rds_request_get_boolean (request, "DeletionProtection", &deletion_protection, error) ||
      !rds_request_get_boolean (request, "CopyTagsToSnapshot", &copy_tags, error))
    return NULL;
  log_exports = rds_request_get_list (request, "EnableCloudwatchLogsExports", "member");
  if (!_rds_sim_check_log_exports (engine, log_exports, error))
    return NULL;
  tags = rds_request_get_tags (request, "Tags", error);
  if (tags == NULL || !_rds_rules_check_tags (tags, error))
    return NULL;

  if (source != NULL && storage_type == NULL)
    storage_type = source->storage_type;
  if (g_tree_nnodes (RDS_SIM_CLUSTERS (region)) >= quota)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_CLUSTER_QUOTA_EXCEEDED,
                   "Cannot create more than %" G_GINT64_FORMAT " DB clusters in %s: the DBClusters quota "
                   "is reached.", quota, region->info->name);
      return NULL;
    }

  /* Every check passed: from here on, the generator is drawn from and the
   * state changes. */
  if (!_rds_sim_draw_windows (self, region, request, &backup_window, &maintenance_window, error))
    return NULL;
  zones = draw_volume_zones (self, region, zones_asked);
  resource_suffix = rds_sim_rng_string (&self->rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 26);
  resource_id = g_strconcat ("cluster-", resource_suffix, NULL);
  arn = _rds_sim_engine_arn (self, region, "cluster", id);

  model = g_object_new (RDS_TYPE_DB_CLUSTER,
                        "allocated-storage", 1,
                        "availability-zones", zones,
                        "backup-retention-period", retention,
                        "database-name", database_name,
                        "db-cluster-identifier", id,
                        "db-cluster-parameter-group", parameter_group,
                        "db-subnet-group", "default",
                        "status", "creating",
                        "multi-az", FALSE,
                        "engine", engine->engine,
                        "engine-version", version->version,
                        "port", port,
                        "master-username", username,
                        "preferred-backup-window", backup_window,
                        "preferred-maintenance-window", maintenance_window,
                        "hosted-zone-id", region->info->hosted_zone_id,
                        "storage-encrypted", encrypted,
                        "kms-key-id", kms_key,
                        "db-cluster-resource-id", resource_id,
                        "db-cluster-arn", arn,
                        "iam-database-authentication-enabled", iam_auth,
                        "enabled-cloudwatch-logs-exports", log_exports,
                        "engine-mode", "provisioned",
                        "deletion-protection", deletion_protection,
                        "http-endpoint-enabled", FALSE,
                        "copy-tags-to-snapshot", copy_tags,
                        "cross-account-clone", FALSE,
                        "storage-type", storage_type != NULL ? storage_type : "aurora",
                        "auto-minor-version-upgrade", RDS_TRISTATE_TRUE,
                        "network-type", network_type != NULL ? network_type : "IPV4",
                        NULL);
  rds_shape_set_timestamp (model, "cluster-create-time", now);
  if (scaling != NULL)
    rds_shape_set_object (model, "serverless-v2-scaling-configuration", scaling);
  cluster = cluster_new (region, RDS_DB_CLUSTER (model));
  set_endpoints (cluster);
  if (security_groups == NULL || security_groups[0] == NULL)
    {
      g_strfreev (security_groups);
      security_groups = g_strdupv ((char *[]) { region->security_group_id, NULL });
    }
  set_security_groups (cluster, security_groups);
  if (tags->len > 0)
    _rds_sim_merge_tags (rds_shape_ensure_list (model, "tag-list"), tags);
  volume_init (self, cluster, now);
  if (source != NULL)
    {
      RdsSimSegment *segment = rds_sim_workload_change (&cluster->volume, now);

      segment->used_gib = source->volume_gib;
      cluster->restore_note = g_strdup (source->note);
    }

  _rds_sim_region_add (region, &cluster->resource);
  cluster->op = RDS_SIM_CLUSTER_OP_CREATE;
  /* A restore reads the source's volume: longer for more data. */
  _rds_sim_engine_schedule (self, &cluster->resource, RDS_SIM_CLUSTER_TIMER_STEP,
                            now + USEC (_rds_sim_engine_draw (self, 60, 180)) +
                            (source != NULL ? USEC (300 + (gint64) (source->volume_gib * 6)) : 0));
  dirty (self, cluster);
  return cluster;
}

static RdsQueryResult *
create_db_cluster (RdsSimEngine  *self,
                   RdsSimRegion  *region,
                   RdsRequest    *request,
                   GError       **error)
{
  RdsSimCluster *cluster = new_cluster (self, region, request, NULL, error);

  return cluster != NULL ? item_result ("CreateDBCluster", cluster->model) : NULL;
}

static void
finish_create (RdsSimEngine  *self,
               RdsSimCluster *cluster,
               gint64         now)
{
  emit (self, cluster, "DB cluster created.", "creation", now);
  if (cluster->restore_note != NULL)
    emit (self, cluster, cluster->restore_note, "notification", now);
  g_clear_pointer (&cluster->restore_note, g_free);
  become_available (self, cluster, now);
  _rds_sim_cluster_backup_schedule (self, cluster, now);
}

/* RestoreDBClusterFromSnapshot and RestoreDBClusterToPointInTime: a new
 * cluster, without instances (they are added after, as to any cluster). */

static RdsQueryResult *
restore_db_cluster_from_snapshot (RdsSimEngine  *self,
                                  RdsSimRegion  *region,
                                  RdsRequest    *request,
                                  GError       **error)
{
  const char *name;
  RdsSimClusterSnapshot *snapshot;
  RdsSimClusterSource source = { 0 };
  RdsSimCluster *cluster;
  g_autofree char *note = NULL;
  RdsShape *model;

  if ((name = rds_request_require_string (request, "SnapshotIdentifier", error)) == NULL ||
      rds_request_require_string (request, "Engine", error) == NULL)
    return NULL;
  /* By name, or by ARN in this Region. */
  if (g_str_has_prefix (name, "arn:") && strrchr (name, ':') != NULL)
    name = strrchr (name, ':') + 1;
  snapshot = (RdsSimClusterSnapshot *) _rds_sim_region_lookup (region, &_rds_sim_kind_db_cluster_snapshot, name,
                                                                error);
  if (snapshot == NULL)
    return NULL;
  model = snapshot->shape;
  if (g_strcmp0 (rds_db_cluster_snapshot_get_status (snapshot->model), "available") != 0)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_DB_CLUSTER_SNAPSHOT_STATE,
                   "DBClusterSnapshot %s is %s: only an available snapshot can be restored.", name,
                   rds_db_cluster_snapshot_get_status (snapshot->model));
      return NULL;
    }

  source.engine = rds_shape_get_string (model, "engine");
  source.engine_version = rds_request_has (request, "EngineVersion")
                            ? rds_request_get_string (request, "EngineVersion")
                            : rds_shape_get_string (model, "engine-version");
  source.master_username = rds_shape_get_string (model, "master-username");
  source.database_name = snapshot->database_name;
  source.encrypted = rds_shape_get_boolean (model, "storage-encrypted");
  source.kms_key = rds_shape_get_string (model, "kms-key-id");
  source.storage_type = snapshot->storage_type;
  source.retention = MAX (1, snapshot->retention);
  source.volume_gib = snapshot->volume_gib;
  note = g_strdup_printf ("Restored from snapshot %s.", rds_db_cluster_snapshot_get_identifier (snapshot->model));
  source.note = note;
  if (rds_catalog_find_version (rds_catalog_find_engine (source.engine), source.engine_version) == NULL)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                   "Cannot find version %s for %s", source.engine_version, source.engine);
      return NULL;
    }

  cluster = new_cluster (self, region, request, &source, error);
  return cluster != NULL ? item_result ("RestoreDBClusterFromSnapshot", cluster->model) : NULL;
}

static RdsQueryResult *
restore_db_cluster_to_point_in_time (RdsSimEngine  *self,
                                     RdsSimRegion  *region,
                                     RdsRequest    *request,
                                     GError       **error)
{
  RdsSimCluster *source_cluster, *cluster;
  RdsSimClusterSource source = { 0 };
  RdsShape *model;
  const char *restore_type = rds_request_get_string (request, "RestoreType");
  const char *time_text = rds_request_get_string (request, "RestoreToTime");
  g_autofree char *note = NULL;
  g_autofree char *when_text = NULL;
  gboolean latest = FALSE;
  gint64 now = rds_sim_engine_get_now (self);
  gint64 when, earliest, newest;
  const char *source_name;

  if ((source_name = rds_request_require_string (request, "SourceDBClusterIdentifier", error)) == NULL ||
      !rds_request_get_boolean (request, "UseLatestRestorableTime", &latest, error))
    return NULL;
  if (g_str_has_prefix (source_name, "arn:") && strrchr (source_name, ':') != NULL)
    source_name = strrchr (source_name, ':') + 1;
  if ((source_cluster = lookup (region, source_name, error)) == NULL)
    return NULL;
  if (!rds_db_cluster_status_allows (rds_db_cluster_get_status (source_cluster->model),
                                     RDS_CLUSTER_ACTION_RESTORE_TO_POINT_IN_TIME))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_DB_CLUSTER_STATE,
                   "DB cluster %s is being deleted: restore from one of its snapshots instead.",
                   cluster_id (source_cluster));
      return NULL;
    }
  if (restore_type != NULL && !g_str_equal (restore_type, "full-copy") && !g_str_equal (restore_type, "copy-on-write"))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid RestoreType %s: it must be full-copy or copy-on-write.", restore_type);
      return NULL;
    }
  if (latest == (time_text != NULL))
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "Give either RestoreToTime or UseLatestRestorableTime, not both and not neither.");
      return NULL;
    }
  if (source_cluster->op == RDS_SIM_CLUSTER_OP_CREATE)
    {
      fail_state (source_cluster, error);
      return NULL;
    }

  refresh (source_cluster, now);
  model = shape (source_cluster);
  earliest = rds_shape_get_timestamp (model, "earliest-restorable-time");
  newest = rds_shape_get_timestamp (model, "latest-restorable-time");
  if (latest)
    when = newest;
  else if (!rds_parse_timestamp (time_text, &when))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid RestoreToTime %s: give an ISO 8601 time in UTC.", time_text);
      return NULL;
    }
  if (when < earliest || when > newest)
    {
      g_autofree char *from = rds_format_timestamp_seconds (earliest);
      g_autofree char *to = rds_format_timestamp_seconds (newest);

      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_RESTORE,
                   "The restore time is outside the restorable window of DB cluster %s: from %s to %s.",
                   source_name, from, to);
      return NULL;
    }

  source.engine = rds_db_cluster_get_engine (source_cluster->model);
  source.engine_version = rds_shape_get_string (model, "engine-version");
  source.master_username = rds_shape_get_string (model, "master-username");
  source.database_name = rds_shape_get_string (model, "database-name");
  source.encrypted = rds_shape_get_boolean (model, "storage-encrypted");
  source.kms_key = rds_shape_get_string (model, "kms-key-id");
  source.storage_type = rds_shape_get_string (model, "storage-type");
  source.retention = rds_shape_get_int (model, "backup-retention-period");
  source.volume_gib = volume_used_gib (source_cluster, when);
  when_text = rds_format_timestamp_seconds (when);
  note = g_strdup_printf ("Restored from DB cluster %s to %s.", source_name, when_text);
  source.note = note;

  cluster = new_cluster (self, region, request, &source, error);
  return cluster != NULL ? item_result ("RestoreDBClusterToPointInTime", cluster->model) : NULL;
}

/* DescribeDBClusters */

static gboolean
cluster_matches (RdsSimCluster *cluster,
                 GPtrArray     *filters)
{
  for (guint i = 0; i < filters->len; i++)
    {
      RdsFilter *filter = g_ptr_array_index (filters, i);
      gboolean any = FALSE;

      for (guint v = 0; filter->values[v] != NULL && !any; v++)
        {
          const char *value = filter->values[v];

          if (g_str_equal (filter->name, "db-cluster-id"))
            any = g_ascii_strcasecmp (value, cluster_id (cluster)) == 0 ||
                  g_strcmp0 (value, rds_db_cluster_get_arn (cluster->model)) == 0;
          else if (g_str_equal (filter->name, "engine"))
            any = g_strcmp0 (value, rds_db_cluster_get_engine (cluster->model)) == 0;
          /* No clones and no Active Directory domains here. */
        }
      if (!any)
        return FALSE;
    }
  return TRUE;
}

static RdsQueryResult *
describe_db_clusters (RdsSimEngine  *self,
                      RdsSimRegion  *region,
                      RdsRequest    *request,
                      GError       **error)
{
  static const char * const known[] = { "clone-group-id", "db-cluster-id", "domain", "engine", NULL };
  g_autoptr(RdsQueryResult) result = rds_query_result_new (rds_action_lookup ("DescribeDBClusters"));
  g_autoptr(GPtrArray) filters = NULL;
  g_autofree char *after = NULL;
  const char *name = rds_request_get_string (request, "DBClusterIdentifier");
  const char *marker;
  gint64 now = rds_sim_engine_get_now (self);
  GTreeNode *node;
  int max_records;

  if (!_rds_sim_engine_page_args (request, 100, &max_records, &marker, error))
    return NULL;
  filters = rds_request_get_filters (request, error);
  if (filters == NULL)
    return NULL;
  for (guint i = 0; i < filters->len; i++)
    {
      RdsFilter *filter = g_ptr_array_index (filters, i);

      if (!g_strv_contains (known, filter->name))
        {
          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                       "Unrecognized filter name: %s. The filters of DescribeDBClusters are clone-group-id, "
                       "db-cluster-id, domain and engine.", filter->name);
          return NULL;
        }
    }
  if (marker != NULL && (after = _rds_sim_decode_marker (marker, error)) == NULL)
    return NULL;

  if (name != NULL)
    {
      RdsSimCluster *cluster = NULL;

      /* By name, or by ARN. */
      if (g_str_has_prefix (name, "arn:"))
        {
          const char *colon = strrchr (name, ':');

          if (colon != NULL)
            cluster = lookup (region, colon + 1, NULL);
          if (cluster != NULL && g_strcmp0 (rds_db_cluster_get_arn (cluster->model), name) != 0)
            cluster = NULL;
          if (cluster == NULL)
            {
              g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_CLUSTER_NOT_FOUND, "DBCluster %s not found.",
                           name);
              return NULL;
            }
        }
      else if ((cluster = lookup (region, name, error)) == NULL)
        return NULL;
      if (cluster_matches (cluster, filters))
        {
          refresh (cluster, now);
          g_ptr_array_add (result->items, g_object_ref (cluster->model));
        }
      return g_steal_pointer (&result);
    }

  node = after != NULL ? g_tree_upper_bound (RDS_SIM_CLUSTERS (region), after)
                       : g_tree_node_first (RDS_SIM_CLUSTERS (region));
  for (; node != NULL; node = g_tree_node_next (node))
    {
      RdsSimCluster *cluster = g_tree_node_value (node);

      if (!cluster_matches (cluster, filters))
        continue;
      if (result->items->len == (guint) max_records)
        {
          RdsDbCluster *last = g_ptr_array_index (result->items, result->items->len - 1);

          result->marker = _rds_sim_encode_marker (rds_db_cluster_get_identifier (last));
          break;
        }
      refresh (cluster, now);
      g_ptr_array_add (result->items, g_object_ref (cluster->model));
    }
  return g_steal_pointer (&result);
}

/* ModifyDBCluster: applied at once, but for a new name, a new master
 * password and IAM database authentication, which wait for the
 * maintenance window unless ApplyImmediately (which applies what was
 * pending too). */

static RdsShape *
cluster_pending (RdsSimCluster *cluster)
{
  RdsShape *values = rds_shape_get_object (shape (cluster), "pending-modified-values");

  return values != NULL && !rds_cluster_pending_modified_values_is_empty (RDS_CLUSTER_PENDING_MODIFIED_VALUES (values))
         ? values : NULL;
}

static RdsShape *
cluster_pending_new (RdsSimCluster *cluster)
{
  RdsShape *values = rds_shape_get_object (shape (cluster), "pending-modified-values");

  if (values == NULL)
    {
      g_autoptr(RdsShape) empty = g_object_new (RDS_TYPE_CLUSTER_PENDING_MODIFIED_VALUES, NULL);

      rds_shape_set_object (shape (cluster), "pending-modified-values", empty);
      values = empty;
    }
  return values;
}

/* A cluster busy when its window opens (failing over, its volume under
 * repair) tries again five minutes later while the window lasts, then in
 * the next one. */
static gint64
retry_in_window (RdsSimCluster *cluster,
                 gint64         now)
{
  int start, length;
  gint64 opened;

  if (!rds_rules_parse_maintenance_window (rds_shape_get_string (shape (cluster), "preferred-maintenance-window"),
                                           &start, &length, NULL))
    return now + USEC (7 * DAY);
  opened = rds_rules_next_window_start (start, now - USEC ((gint64) length * 60));
  if (opened <= now && now + USEC (5 * 60) < opened + USEC ((gint64) length * 60))
    return now + USEC (5 * 60);
  return rds_rules_next_window_start (start, now);
}

/* What the members show of their cluster. */
static void
mirror_members (RdsSimEngine  *self,
                RdsSimCluster *cluster)
{
  RdsShape *model = shape (cluster);

  for (guint i = 0; i < n_members (cluster); i++)
    {
      RdsSimInstance *instance = member_instance (cluster, get_member (cluster, i));

      if (instance == NULL)
        continue;
      rds_shape_set_int (RDS_SHAPE (instance->model), "backup-retention-period",
                         rds_shape_get_int (model, "backup-retention-period"));
      rds_shape_set_string (RDS_SHAPE (instance->model), "preferred-backup-window",
                            rds_shape_get_string (model, "preferred-backup-window"));
      rds_shape_set_boolean (RDS_SHAPE (instance->model), "iam-database-authentication-enabled",
                             rds_shape_get_boolean (model, "iam-database-authentication-enabled"));
      rds_shape_set_string (RDS_SHAPE (instance->model), "storage-type", rds_shape_get_string (model, "storage-type"));
      _rds_sim_instance_dirty (self, instance);
    }
}

/* The start of the cluster's next maintenance window after @now. */
static gint64
next_window (RdsSimCluster *cluster,
             gint64         now)
{
  int start, length;

  if (!rds_rules_parse_maintenance_window (rds_shape_get_string (shape (cluster), "preferred-maintenance-window"),
                                           &start, &length, NULL))
    return now + USEC (7 * DAY);
  return rds_rules_next_window_start (start, now);
}

static void
rename_cluster (RdsSimEngine  *self,
                RdsSimCluster *cluster,
                const char    *new_id,
                gint64         now)
{
  g_autofree char *old_id = g_strdup (cluster_id (cluster));
  g_autofree char *arn = _rds_sim_engine_arn (self, cluster->region, "cluster", new_id);
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) endpoints = cluster_endpoints (cluster);

  _rds_sim_resource_rekey (self, &cluster->resource, new_id);
  rds_shape_set_string (shape (cluster), "db-cluster-arn", arn);
  set_endpoints (cluster);
  for (guint i = 0; i < n_members (cluster); i++)
    {
      RdsSimInstance *instance = member_instance (cluster, get_member (cluster, i));

      if (instance == NULL)
        continue;
      rds_shape_set_string (RDS_SHAPE (instance->model), "db-cluster-identifier", new_id);
      _rds_sim_instance_dirty (self, instance);
    }
  for (guint i = 0; i < endpoints->len; i++)
    {
      RdsSimClusterEndpoint *endpoint = g_ptr_array_index (endpoints, i);

      rds_shape_set_string (endpoint->shape, "db-cluster-identifier", new_id);
      _rds_sim_resource_changed (self, &endpoint->resource);
    }
  message = g_strdup_printf ("Renamed cluster from %s to %s.", old_id, new_id);
  emit (self, cluster, message, "notification", now);
}

static RdsQueryResult *
modify_db_cluster (RdsSimEngine  *self,
                   RdsSimRegion  *region,
                   RdsRequest    *request,
                   GError       **error)
{
  static const char * const unsupported[] = {
    "EngineVersion", "BacktrackWindow", "DBClusterInstanceClass", "AllocatedStorage", "Iops",
    "Domain", "EnableGlobalWriteForwarding", "OptionGroupName",
  };
  RdsSimCluster *cluster;
  const RdsEngineInfo *engine;
  const RdsVersionInfo *version;
  RdsShape *model;
  const char *password, *backup_window, *maintenance_window, *storage_type;
  g_autofree char *new_id = NULL;
  g_auto(GStrv) security_groups = NULL;
  g_auto(GStrv) enable_logs = NULL;
  g_auto(GStrv) disable_logs = NULL;
  int retention, port;
  gboolean iam_auth, deletion_protection, copy_tags, apply_immediately = FALSE;
  gboolean reset_password;
  RdsShape *pending;
  g_autoptr(RdsShape) scaling = NULL;
  gint64 now = rds_sim_engine_get_now (self);

  if ((cluster = lookup_required (region, request, error)) == NULL)
    return NULL;
  model = shape (cluster);
  engine = rds_catalog_find_engine (rds_db_cluster_get_engine (cluster->model));
  version = rds_catalog_find_version (engine, rds_shape_get_string (model, "engine-version"));

  for (guint i = 0; i < G_N_ELEMENTS (unsupported); i++)
    if (rds_request_has (request, unsupported[i]))
      {
        g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                     "This simulator can't change %s of a DB cluster yet.", unsupported[i]);
        return NULL;
      }
  if (!is_available (cluster))
    {
      fail_state (cluster, error);
      return NULL;
    }

  retention = rds_shape_get_int (model, "backup-retention-period");
  port = rds_shape_get_int (model, "port");
  iam_auth = rds_shape_get_boolean (model, "iam-database-authentication-enabled");
  deletion_protection = rds_shape_get_boolean (model, "deletion-protection");
  copy_tags = rds_shape_get_boolean (model, "copy-tags-to-snapshot");
  if (!rds_request_get_int (request, "BackupRetentionPeriod", &retention, error) ||
      !check_retention (retention, error) ||
      !rds_request_get_int (request, "Port", &port, error) ||
      !rds_rules_check_port (engine, port, error) ||
      !rds_request_get_boolean (request, "EnableIAMDatabaseAuthentication", &iam_auth, error) ||
      !rds_request_get_boolean (request, "DeletionProtection", &deletion_protection, error) ||
      !rds_request_get_boolean (request, "CopyTagsToSnapshot", &copy_tags, error) ||
      !rds_request_get_boolean (request, "ApplyImmediately", &apply_immediately, error))
    return NULL;

  password = rds_request_get_string (request, "MasterUserPassword");
  if (password != NULL && !rds_rules_check_master_password (engine, password, error))
    return NULL;

  backup_window = rds_request_get_string (request, "PreferredBackupWindow");
  maintenance_window = rds_request_get_string (request, "PreferredMaintenanceWindow");
  if ((backup_window != NULL || maintenance_window != NULL) &&
      !rds_rules_check_windows (backup_window != NULL ? backup_window
                                                      : rds_shape_get_string (model, "preferred-backup-window"),
                                maintenance_window != NULL ? maintenance_window
                                                           : rds_shape_get_string (model, "preferred-maintenance-window"),
                                error))
    return NULL;

  storage_type = rds_request_get_string (request, "StorageType");
  if (!check_storage_type (storage_type, error) ||
      !check_cluster_parameter_group (version, rds_request_get_string (request, "DBClusterParameterGroupName"),
                                      error) ||
      !read_scaling (request, rds_shape_get_object (model, "serverless-v2-scaling-configuration"), &scaling, error))
    return NULL;

  security_groups = rds_request_get_list (request, "VpcSecurityGroupIds", "VpcSecurityGroupId");
  if (!_rds_sim_check_security_groups (region, security_groups, error))
    return NULL;
  enable_logs = rds_request_get_list (request, "CloudwatchLogsExportConfiguration.EnableLogTypes", "member");
  disable_logs = rds_request_get_list (request, "CloudwatchLogsExportConfiguration.DisableLogTypes", "member");
  if (!_rds_sim_check_log_exports (engine, enable_logs, error) ||
      !_rds_sim_check_log_exports (engine, disable_logs, error))
    return NULL;

  if (rds_request_has (request, "NewDBClusterIdentifier"))
    {
      new_id = g_ascii_strdown (rds_request_get_string (request, "NewDBClusterIdentifier"), -1);
      if (!rds_rules_check_identifier ("NewDBClusterIdentifier", new_id, 63, error))
        return NULL;
      if (g_str_equal (new_id, cluster_id (cluster)))
        g_clear_pointer (&new_id, g_free);
      else if (g_tree_lookup (RDS_SIM_CLUSTERS (region), new_id) != NULL)
        {
          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_CLUSTER_ALREADY_EXISTS,
                       "DB Cluster already exists: %s", new_id);
          return NULL;
        }
    }

  /* ApplyImmediately takes what was pending along, unless this request
   * says otherwise. */
  pending = cluster_pending (cluster);
  reset_password = password != NULL;
  if (apply_immediately && pending != NULL)
    {
      const char *pending_id = rds_shape_get_string (pending, "db-cluster-identifier");
      RdsTristate pending_iam = rds_shape_get_tristate (pending, "iam-database-authentication-enabled");

      /* A name taken since is dropped, as in the window. */
      if (!rds_request_has (request, "NewDBClusterIdentifier") && pending_id != NULL &&
          !g_str_equal (pending_id, cluster_id (cluster)) &&
          g_tree_lookup (RDS_SIM_CLUSTERS (region), pending_id) == NULL)
        new_id = g_strdup (pending_id);
      if (!rds_request_has (request, "EnableIAMDatabaseAuthentication") && pending_iam != RDS_TRISTATE_UNSET)
        iam_auth = pending_iam == RDS_TRISTATE_TRUE;
      reset_password |= rds_shape_get_string (pending, "master-user-password") != NULL;
    }

  /* Every check passed. Without ApplyImmediately, the name, the password
   * and IAM authentication wait for the window. */
  if (!apply_immediately)
    {
      gboolean current_iam = rds_shape_get_boolean (model, "iam-database-authentication-enabled");

      pending = cluster_pending_new (cluster);
      if (new_id != NULL)
        rds_shape_set_string (pending, "db-cluster-identifier", new_id);
      else if (rds_request_has (request, "NewDBClusterIdentifier"))
        rds_shape_set_string (pending, "db-cluster-identifier", NULL);
      if (reset_password)
        rds_shape_set_string (pending, "master-user-password", "****");
      if (rds_request_has (request, "EnableIAMDatabaseAuthentication"))
        rds_shape_set_tristate (pending, "iam-database-authentication-enabled",
                                iam_auth == current_iam ? RDS_TRISTATE_UNSET
                                                        : iam_auth ? RDS_TRISTATE_TRUE : RDS_TRISTATE_FALSE);
      g_clear_pointer (&new_id, g_free);
      reset_password = FALSE;
      iam_auth = current_iam;
    }
  else
    rds_shape_set_object (model, "pending-modified-values", NULL);
  if (cluster_pending (cluster) == NULL)
    rds_shape_set_object (model, "pending-modified-values", NULL);

  g_object_freeze_notify (G_OBJECT (model));
  rds_shape_set_int (model, "backup-retention-period", retention);
  rds_shape_set_int (model, "port", port);
  rds_shape_set_boolean (model, "iam-database-authentication-enabled", iam_auth);
  rds_shape_set_boolean (model, "deletion-protection", deletion_protection);
  rds_shape_set_boolean (model, "copy-tags-to-snapshot", copy_tags);
  if (backup_window != NULL)
    rds_shape_set_string (model, "preferred-backup-window", backup_window);
  if (maintenance_window != NULL)
    rds_shape_set_string (model, "preferred-maintenance-window", maintenance_window);
  if (storage_type != NULL)
    rds_shape_set_string (model, "storage-type", storage_type);
  if (scaling != NULL)
    rds_shape_set_object (model, "serverless-v2-scaling-configuration", scaling);
  if (security_groups != NULL && security_groups[0] != NULL)
    set_security_groups (cluster, security_groups);
  if (enable_logs != NULL || disable_logs != NULL)
    {
      const char * const *current = rds_shape_get_strv (model, "enabled-cloudwatch-logs-exports");
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) logs = NULL;

      for (guint i = 0; engine->log_types[i] != NULL; i++)
        {
          gboolean on = current != NULL && g_strv_contains (current, engine->log_types[i]);

          if (enable_logs != NULL && g_strv_contains ((const char * const *) enable_logs, engine->log_types[i]))
            on = TRUE;
          if (disable_logs != NULL && g_strv_contains ((const char * const *) disable_logs, engine->log_types[i]))
            on = FALSE;
          if (on)
            g_strv_builder_add (builder, engine->log_types[i]);
        }
      logs = g_strv_builder_end (builder);
      rds_shape_set_strv (model, "enabled-cloudwatch-logs-exports",
                          logs[0] != NULL ? (const char * const *) logs : NULL);
    }
  g_object_thaw_notify (G_OBJECT (model));
  /* In the window this request may have moved. */
  _rds_sim_engine_schedule (self, &cluster->resource, RDS_SIM_CLUSTER_TIMER_MAINTENANCE,
                            cluster_pending (cluster) != NULL ? next_window (cluster, now) : 0);

  mirror_members (self, cluster);
  /* Its Serverless v2 instances scale within the new range from now. */
  if (scaling != NULL)
    for (guint i = 0; i < n_members (cluster); i++)
      {
        RdsSimInstance *instance = member_instance (cluster, get_member (cluster, i));

        if (instance != NULL && rds_sim_workload_last (&instance->workload) != NULL)
          _rds_sim_instance_record (self, instance, now, -1);
      }

  if (reset_password)
    emit (self, cluster, "Reset master credentials.", "configuration change", now);
  if (new_id != NULL)
    rename_cluster (self, cluster, new_id, now);
  _rds_sim_cluster_backup_schedule (self, cluster, now);
  volume_record (self, cluster, now);
  refresh (cluster, now);
  dirty (self, cluster);
  return item_result ("ModifyDBCluster", cluster->model);
}

/* DeleteDBCluster */

static RdsQueryResult *
delete_db_cluster (RdsSimEngine  *self,
                   RdsSimRegion  *region,
                   RdsRequest    *request,
                   GError       **error)
{
  RdsSimCluster *cluster;
  const char *final_snapshot;
  g_autofree char *final_lower = NULL;
  gboolean skip_final = FALSE;
  gint64 now = rds_sim_engine_get_now (self);

  if ((cluster = lookup_required (region, request, error)) == NULL ||
      !rds_request_get_boolean (request, "SkipFinalSnapshot", &skip_final, error))
    return NULL;

  if (cluster->op == RDS_SIM_CLUSTER_OP_DELETE ||
      !rds_db_cluster_status_allows (rds_db_cluster_get_status (cluster->model), RDS_CLUSTER_ACTION_DELETE))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_DB_CLUSTER_STATE,
                   "DB cluster %s is already being deleted.", cluster_id (cluster));
      return NULL;
    }
  if (rds_shape_get_boolean (shape (cluster), "deletion-protection"))
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "Cannot delete protected Cluster, please disable deletion protection and try "
                           "again.");
      return NULL;
    }
  for (guint i = 0; i < n_members (cluster); i++)
    {
      RdsSimInstance *instance = member_instance (cluster, get_member (cluster, i));

      if (instance != NULL && instance->op != RDS_SIM_OP_DELETE)
        {
          g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_DB_CLUSTER_STATE,
                               "Cluster cannot be deleted, it still contains DB instances in non-deleting "
                               "state.");
          return NULL;
        }
    }

  final_snapshot = rds_request_get_string (request, "FinalDBSnapshotIdentifier");
  if (skip_final && final_snapshot != NULL)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "Cannot specify FinalDBSnapshotIdentifier when SkipFinalSnapshot is true.");
      return NULL;
    }
  if (!skip_final && final_snapshot == NULL)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.");
      return NULL;
    }
  if (final_snapshot != NULL)
    {
      final_lower = g_ascii_strdown (final_snapshot, -1);
      if (!rds_rules_check_identifier ("FinalDBSnapshotIdentifier", final_lower, 63, error) ||
          !_rds_sim_cluster_snapshot_check_new (self, region, final_lower, error))
        return NULL;
    }

  /* Its final snapshot keeps the volume; its automated ones go with it. */
  if (final_lower != NULL)
    _rds_sim_cluster_snapshot_take (self, cluster, final_lower, FALSE, NULL, now);
  _rds_sim_cluster_backups_delete (self, cluster);
  for (guint i = 0; i < RDS_SIM_N_CLUSTER_TIMERS; i++)
    _rds_sim_engine_schedule (self, &cluster->resource, i, 0);
  g_clear_pointer (&cluster->failover_target, g_free);
  rds_shape_set_timestamp (shape (cluster), "automatic-restart-time", 0);
  cluster->op = RDS_SIM_CLUSTER_OP_DELETE;
  rds_db_cluster_set_status (cluster->model, "deleting");
  volume_record (self, cluster, now);
  _rds_sim_engine_schedule (self, &cluster->resource, RDS_SIM_CLUSTER_TIMER_STEP,
                            now + USEC (_rds_sim_engine_draw (self, 60, 180)));
  dirty (self, cluster);
  return item_result ("DeleteDBCluster", cluster->model);
}

static void
finish_delete (RdsSimEngine  *self,
               RdsSimCluster *cluster,
               gint64         now)
{
  g_autoptr(GPtrArray) endpoints = NULL;

  /* Its last instances are still going: it waits for them. */
  if (n_members (cluster) > 0)
    {
      _rds_sim_engine_schedule (self, &cluster->resource, RDS_SIM_CLUSTER_TIMER_STEP, now + USEC (60));
      return;
    }
  endpoints = cluster_endpoints (cluster);
  for (guint i = 0; i < endpoints->len; i++)
    _rds_sim_resource_remove (self, g_ptr_array_index (endpoints, i));
  emit (self, cluster, "DB cluster deleted.", "deletion", now);
  _rds_sim_resource_remove (self, &cluster->resource);
}

/* StopDBCluster and StartDBCluster: the cluster and its instances */

static void
members_start_op (RdsSimEngine  *self,
                  RdsSimCluster *cluster,
                  RdsSimOp       op,
                  const char    *status,
                  gint64         now)
{
  for (guint i = 0; i < n_members (cluster); i++)
    {
      RdsSimInstance *instance = member_instance (cluster, get_member (cluster, i));

      if (instance == NULL)
        continue;
      /* Their cluster ends the step: no timer of their own. */
      _rds_sim_instance_start_op (self, instance, op, status, 0);
      if (op == RDS_SIM_OP_STOP)
        _rds_sim_instance_record (self, instance, now, RDS_SIM_PHASE_STOPPED);
    }
}

static RdsQueryResult *
stop_db_cluster (RdsSimEngine  *self,
                 RdsSimRegion  *region,
                 RdsRequest    *request,
                 GError       **error)
{
  RdsSimCluster *cluster;
  gint64 now = rds_sim_engine_get_now (self);

  if ((cluster = lookup_required (region, request, error)) == NULL)
    return NULL;
  if (!is_available (cluster))
    {
      fail_state (cluster, error);
      return NULL;
    }
  for (guint i = 0; i < n_members (cluster); i++)
    {
      RdsSimInstance *instance = member_instance (cluster, get_member (cluster, i));

      if (instance != NULL && g_strcmp0 (rds_db_instance_get_status (instance->model), "available") != 0)
        {
          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                       "DB instance %s of DB cluster %s is %s: a cluster stops when all its instances are "
                       "available.", instance_id (instance), cluster_id (cluster),
                       rds_db_instance_get_status (instance->model));
          return NULL;
        }
    }

  cluster->op = RDS_SIM_CLUSTER_OP_STOP;
  rds_db_cluster_set_status (cluster->model, "stopping");
  members_start_op (self, cluster, RDS_SIM_OP_STOP, "stopping", now);
  volume_record (self, cluster, now);
  _rds_sim_engine_schedule (self, &cluster->resource, RDS_SIM_CLUSTER_TIMER_STEP,
                            now + USEC (_rds_sim_engine_draw (self, 120, 300)));
  dirty (self, cluster);
  return item_result ("StopDBCluster", cluster->model);
}

static void
finish_stop (RdsSimEngine  *self,
             RdsSimCluster *cluster,
             gint64         now)
{
  for (guint i = 0; i < n_members (cluster); i++)
    {
      RdsSimInstance *instance = member_instance (cluster, get_member (cluster, i));

      if (instance == NULL)
        continue;
      instance->op = RDS_SIM_OP_NONE;
      rds_db_instance_set_status (instance->model, "stopped");
      _rds_sim_instance_dirty (self, instance);
    }
  cluster->op = RDS_SIM_CLUSTER_OP_NONE;
  rds_db_cluster_set_status (cluster->model, "stopped");
  rds_shape_set_timestamp (shape (cluster), "automatic-restart-time", now + STOP_LIMIT);
  _rds_sim_engine_schedule (self, &cluster->resource, RDS_SIM_CLUSTER_TIMER_RESTART, now + STOP_LIMIT);
  emit (self, cluster, "DB cluster stopped.", "notification", now);
  dirty (self, cluster);
}

static void
begin_start (RdsSimEngine  *self,
             RdsSimCluster *cluster,
             gint64         now,
             gint64         due)
{
  rds_shape_set_timestamp (shape (cluster), "automatic-restart-time", 0);
  _rds_sim_engine_schedule (self, &cluster->resource, RDS_SIM_CLUSTER_TIMER_RESTART, 0);
  cluster->op = RDS_SIM_CLUSTER_OP_START;
  rds_db_cluster_set_status (cluster->model, "starting");
  members_start_op (self, cluster, RDS_SIM_OP_START, "starting", now);
  _rds_sim_engine_schedule (self, &cluster->resource, RDS_SIM_CLUSTER_TIMER_STEP, due);
  dirty (self, cluster);
}

static RdsQueryResult *
start_db_cluster (RdsSimEngine  *self,
                  RdsSimRegion  *region,
                  RdsRequest    *request,
                  GError       **error)
{
  RdsSimCluster *cluster;
  gint64 now = rds_sim_engine_get_now (self);

  if ((cluster = lookup_required (region, request, error)) == NULL)
    return NULL;
  if (g_strcmp0 (rds_db_cluster_get_status (cluster->model), "stopped") != 0)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_DB_CLUSTER_STATE,
                   "DbCluster %s is in %s state but expected it to be stopped.", cluster_id (cluster),
                   rds_db_cluster_get_status (cluster->model));
      return NULL;
    }
  begin_start (self, cluster, now, now + USEC (_rds_sim_engine_draw (self, 180, 420)));
  return item_result ("StartDBCluster", cluster->model);
}

static void
finish_start (RdsSimEngine  *self,
              RdsSimCluster *cluster,
              gint64         now)
{
  for (guint i = 0; i < n_members (cluster); i++)
    {
      RdsSimInstance *instance = member_instance (cluster, get_member (cluster, i));

      if (instance == NULL)
        continue;
      _rds_sim_instance_record_start (self, instance, now);
      _rds_sim_instance_become_available (self, instance, now);
    }
  emit (self, cluster, "DB cluster started.", "notification", now);
  become_available (self, cluster, now);
}

/* FailoverDBCluster */

static RdsQueryResult *
failover_db_cluster (RdsSimEngine  *self,
                     RdsSimRegion  *region,
                     RdsRequest    *request,
                     GError       **error)
{
  RdsSimCluster *cluster;
  RdsSimInstance *target;
  const char *target_name;
  gint64 now = rds_sim_engine_get_now (self);

  if ((cluster = lookup_required (region, request, error)) == NULL)
    return NULL;
  if (!is_available (cluster))
    {
      fail_state (cluster, error);
      return NULL;
    }

  target_name = rds_request_get_string (request, "TargetDBInstanceIdentifier");
  if (target_name != NULL)
    {
      if ((target = _rds_sim_instance_lookup (region, target_name, error)) == NULL)
        return NULL;
      if (find_member (cluster, instance_id (target), NULL) == NULL)
        {
          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                       "DB instance %s is not a member of DB cluster %s.", target_name, cluster_id (cluster));
          return NULL;
        }
      if (is_writer (cluster, target))
        {
          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                       "DB instance %s is the writer of DB cluster %s already: fail over to a reader.",
                       target_name, cluster_id (cluster));
          return NULL;
        }
      if (!instance_serves (target))
        {
          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                       "DB instance %s is %s: a failover needs an available reader.", target_name,
                       rds_db_instance_get_status (target->model));
          return NULL;
        }
    }
  else if ((target = pick_failover_target (cluster)) == NULL)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_DB_CLUSTER_STATE,
                   "DB cluster %s has no available reader to fail over to: add a reader first.",
                   cluster_id (cluster));
      return NULL;
    }

  start_failover (self, cluster, target, FALSE, now);
  return item_result ("FailoverDBCluster", cluster->model);
}

/* Timers */

/* The maintenance window: what ModifyDBCluster kept for it. A cluster busy
 * then (stopped, failing over) keeps it for the next window. */
static void
apply_pending (RdsSimEngine  *self,
               RdsSimCluster *cluster,
               gint64         now)
{
  RdsShape *pending = cluster_pending (cluster);
  g_autofree char *new_id = NULL;
  RdsTristate iam;
  gboolean reset_password;

  if (pending == NULL)
    return;
  if (!is_available (cluster))
    {
      _rds_sim_engine_schedule (self, &cluster->resource, RDS_SIM_CLUSTER_TIMER_MAINTENANCE,
                                retry_in_window (cluster, now));
      dirty (self, cluster);
      return;
    }

  new_id = g_strdup (rds_shape_get_string (pending, "db-cluster-identifier"));
  iam = rds_shape_get_tristate (pending, "iam-database-authentication-enabled");
  reset_password = rds_shape_get_string (pending, "master-user-password") != NULL;
  rds_shape_set_object (shape (cluster), "pending-modified-values", NULL);

  if (iam != RDS_TRISTATE_UNSET)
    {
      rds_shape_set_boolean (shape (cluster), "iam-database-authentication-enabled", iam == RDS_TRISTATE_TRUE);
      mirror_members (self, cluster);
    }
  /* A name taken since is not applied: the cluster keeps its own. */
  if (new_id != NULL && !g_str_equal (new_id, cluster_id (cluster)) &&
      g_tree_lookup (RDS_SIM_CLUSTERS (cluster->region), new_id) == NULL)
    rename_cluster (self, cluster, new_id, now);
  if (reset_password)
    emit (self, cluster, "Reset master credentials.", "configuration change", now);
  refresh (cluster, now);
  dirty (self, cluster);
}

static void
cluster_fire (RdsSimEngine   *self,
              RdsSimResource *resource,
              guint           timer,
              gint64          now)
{
  RdsSimCluster *cluster = (RdsSimCluster *) resource;

  if (timer == RDS_SIM_CLUSTER_TIMER_REPAIR)
    {
      repair_fire (self, cluster, now);
      return;
    }
  if (timer == RDS_SIM_CLUSTER_TIMER_BACKUP)
    {
      _rds_sim_cluster_backup_fire (self, cluster, now);
      return;
    }
  if (timer == RDS_SIM_CLUSTER_TIMER_MAINTENANCE)
    {
      apply_pending (self, cluster, now);
      return;
    }
  if (timer == RDS_SIM_CLUSTER_TIMER_RESTART)
    {
      emit (self, cluster, "DB cluster is being started due to it exceeding the maximum allowed time being "
            "stopped.", "notification", now);
      begin_start (self, cluster, now, now + hashed_duration (self, cluster, "auto-start", now, 180, 420));
      return;
    }

  switch (cluster->op)
    {
    case RDS_SIM_CLUSTER_OP_CREATE:
      finish_create (self, cluster, now);
      break;
    case RDS_SIM_CLUSTER_OP_STOP:
      finish_stop (self, cluster, now);
      break;
    case RDS_SIM_CLUSTER_OP_START:
      finish_start (self, cluster, now);
      break;
    case RDS_SIM_CLUSTER_OP_DELETE:
      finish_delete (self, cluster, now);
      break;
    case RDS_SIM_CLUSTER_OP_FAILOVER:
      finish_failover (self, cluster, now);
      break;
    case RDS_SIM_CLUSTER_OP_NONE:
    case RDS_SIM_N_CLUSTER_OPS:
    default:
      break;
    }
}

/* Saving and loading */

static const char * const timer_names[RDS_SIM_N_CLUSTER_TIMERS] = {
  "step", "repair", "restart", "backup", "maintenance",
};

/* Saved: {"op": …, "due": {"step": …}, "failoverTarget": …, "failoverAutomatic": …,
 * "lastFailover": …, "lost": [{"group": …, "copy": …, "repairDue": …, "catchUp": …}],
 * "writeQuorum": …, "readQuorum": …, "volume": {…}} */
static void
cluster_save (RdsSimResource *resource,
              JsonObject     *sim)
{
  RdsSimCluster *cluster = (RdsSimCluster *) resource;
  JsonObject *due = json_object_new ();
  JsonArray *lost = json_array_new ();

  json_object_set_string_member (sim, "op", op_names[cluster->op]);
  for (guint i = 0; i < RDS_SIM_N_CLUSTER_TIMERS; i++)
    if (cluster->due[i] != 0)
      json_object_set_int_member (due, timer_names[i], cluster->due[i]);
  json_object_set_object_member (sim, "due", due);
  if (cluster->failover_target != NULL)
    json_object_set_string_member (sim, "failoverTarget", cluster->failover_target);
  json_object_set_boolean_member (sim, "failoverAutomatic", cluster->failover_automatic);
  json_object_set_int_member (sim, "lastFailover", cluster->last_failover);
  for (guint i = 0; i < cluster->lost->len; i++)
    {
      RdsSimLostCopy *copy = &g_array_index (cluster->lost, RdsSimLostCopy, i);
      JsonObject *entry = json_object_new ();

      json_object_set_int_member (entry, "group", copy->group);
      json_object_set_int_member (entry, "copy", copy->copy);
      json_object_set_int_member (entry, "repairDue", copy->repair_due);
      json_object_set_boolean_member (entry, "catchUp", copy->catch_up);
      json_array_add_object_element (lost, entry);
    }
  json_object_set_array_member (sim, "lost", lost);
  json_object_set_boolean_member (sim, "writeQuorum", cluster->write_quorum);
  json_object_set_boolean_member (sim, "readQuorum", cluster->read_quorum);
  json_object_set_member (sim, "volume", rds_sim_workload_save (&cluster->volume));
}

static RdsSimResource *
cluster_load (RdsSimRegion  *region,
              RdsShape      *model,
              JsonObject    *sim,
              GError       **error)
{
  g_autoptr(RdsShape) owned = model;
  RdsSimCluster *cluster;
  JsonNode *due_node = json_object_get_member (sim, "due");
  JsonObject *due = due_node != NULL && JSON_NODE_HOLDS_OBJECT (due_node) ? json_node_get_object (due_node) : NULL;
  JsonNode *lost = json_object_get_member (sim, "lost");
  JsonNode *volume = json_object_get_member (sim, "volume");
  const char *op = json_object_get_string_member_with_default (sim, "op", "none");
  guint op_index = G_N_ELEMENTS (op_names);

  for (guint i = 0; i < G_N_ELEMENTS (op_names); i++)
    if (g_str_equal (op, op_names[i]))
      op_index = i;
  if (op_index == G_N_ELEMENTS (op_names) || (lost != NULL && !JSON_NODE_HOLDS_ARRAY (lost)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "a DB cluster record has an unknown operation (%s) or a malformed volume", op);
      return NULL;
    }

  cluster = cluster_new (region, RDS_DB_CLUSTER (g_steal_pointer (&owned)));
  cluster->op = op_index;
  for (guint i = 0; due != NULL && i < RDS_SIM_N_CLUSTER_TIMERS; i++)
    cluster->due[i] = json_object_get_int_member_with_default (due, timer_names[i], 0);
  cluster->failover_target = g_strdup (json_object_get_string_member_with_default (sim, "failoverTarget", NULL));
  cluster->failover_automatic = json_object_get_boolean_member_with_default (sim, "failoverAutomatic", FALSE);
  cluster->last_failover = json_object_get_int_member_with_default (sim, "lastFailover", 0);
  cluster->write_quorum = json_object_get_boolean_member_with_default (sim, "writeQuorum", TRUE);
  cluster->read_quorum = json_object_get_boolean_member_with_default (sim, "readQuorum", TRUE);
  for (guint i = 0; lost != NULL && i < json_array_get_length (json_node_get_array (lost)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (lost), i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      RdsSimLostCopy copy;

      if (entry == NULL)
        continue;
      copy.group = (int) json_object_get_int_member_with_default (entry, "group", -1);
      copy.copy = (int) CLAMP (json_object_get_int_member_with_default (entry, "copy", 0), 0,
                               RDS_SIM_VOLUME_COPIES - 1);
      copy.repair_due = json_object_get_int_member_with_default (entry, "repairDue", 0);
      copy.catch_up = json_object_get_boolean_member_with_default (entry, "catchUp", FALSE);
      g_array_append_val (cluster->lost, copy);
    }
  {
    const RdsEngineInfo *engine = rds_catalog_find_engine (rds_db_cluster_get_engine (cluster->model));

    rds_sim_workload_init (&cluster->volume, 0, engine != NULL ? engine->family : RDS_FAMILY_MYSQL);
  }
  if (volume != NULL && !rds_sim_workload_load (&cluster->volume, volume, error))
    {
      _rds_sim_kind_db_cluster.free (&cluster->resource);
      return NULL;
    }
  return &cluster->resource;
}

static void
cluster_free (RdsSimResource *resource)
{
  RdsSimCluster *cluster = (RdsSimCluster *) resource;

  g_clear_object (&cluster->model);
  g_free (cluster->failover_target);
  g_free (cluster->restore_note);
  g_array_unref (cluster->lost);
  rds_sim_workload_clear (&cluster->volume);
  g_free (cluster);
}

/* Endpoints: the cluster's writer and reader endpoints, and custom ones */

static const char *
endpoint_id (RdsSimClusterEndpoint *endpoint)
{
  return rds_db_cluster_endpoint_get_identifier (endpoint->model);
}

static RdsSimClusterEndpoint *
lookup_endpoint (RdsSimRegion  *region,
                 const char    *identifier,
                 GError       **error)
{
  return (RdsSimClusterEndpoint *) _rds_sim_region_lookup (region, &_rds_sim_kind_db_cluster_endpoint,
                                                           identifier, error);
}

/* The cluster lists its custom endpoints' addresses. */
static void
list_custom_endpoints (RdsSimEngine  *self,
                       RdsSimCluster *cluster)
{
  g_autoptr(GPtrArray) endpoints = cluster_endpoints (cluster);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) addresses = NULL;

  for (guint i = 0; i < endpoints->len; i++)
    g_strv_builder_add (builder, rds_db_cluster_endpoint_get_address (((RdsSimClusterEndpoint *)
                                                                       g_ptr_array_index (endpoints, i))->model));
  addresses = g_strv_builder_end (builder);
  rds_shape_set_strv (shape (cluster), "custom-endpoints",
                      addresses[0] != NULL ? (const char * const *) addresses : NULL);
  dirty (self, cluster);
}

static gboolean
check_endpoint_type (const char  *type,
                     GError     **error)
{
  if (type != NULL && (g_ascii_strcasecmp (type, "READER") == 0 || g_ascii_strcasecmp (type, "ANY") == 0))
    return TRUE;
  return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                        "Invalid endpoint type %s: a custom endpoint's EndpointType is READER or ANY.",
                        type != NULL ? type : "");
}

/* Every instance of a list is one of the cluster's. */
static gboolean
check_endpoint_members (RdsSimCluster  *cluster,
                        char          **list,
                        GError        **error)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      g_autofree char *lower = g_ascii_strdown (list[i], -1);

      if (_rds_sim_instance_lookup (cluster->region, lower, NULL) == NULL ||
          find_member (cluster, lower, NULL) == NULL)
        return _rds_sim_fail (error, RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND,
                              "DBInstance %s not found in DB cluster %s.", list[i], cluster_id (cluster));
    }
  return TRUE;
}

static void
set_member_list (RdsShape    *model,
                 const char  *name,
                 char       **list)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lower = NULL;

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      g_autofree char *id = g_ascii_strdown (list[i], -1);

      g_strv_builder_add (builder, id);
    }
  lower = g_strv_builder_end (builder);
  rds_shape_set_strv (model, name, lower[0] != NULL ? (const char * const *) lower : NULL);
}

static RdsQueryResult *
shape_result (const char *action,
              gpointer    item)
{
  return item_result (action, item);
}

static RdsQueryResult *
create_db_cluster_endpoint (RdsSimEngine  *self,
                            RdsSimRegion  *region,
                            RdsRequest    *request,
                            GError       **error)
{
  RdsSimCluster *cluster;
  RdsSimClusterEndpoint *endpoint;
  const char *identifier, *type;
  g_autofree char *id = NULL;
  g_autofree char *upper_type = NULL;
  g_autofree char *address = NULL;
  g_autofree char *arn = NULL;
  g_autofree char *resource_suffix = NULL;
  g_autofree char *resource_id = NULL;
  g_auto(GStrv) static_members = NULL;
  g_auto(GStrv) excluded_members = NULL;
  g_autoptr(GPtrArray) endpoints = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  RdsShape *model;
  gint64 now = rds_sim_engine_get_now (self);

  if ((cluster = lookup_required (region, request, error)) == NULL ||
      (identifier = rds_request_require_string (request, "DBClusterEndpointIdentifier", error)) == NULL ||
      !rds_rules_check_identifier ("DBClusterEndpointIdentifier", identifier, 63, error) ||
      (type = rds_request_require_string (request, "EndpointType", error)) == NULL ||
      !check_endpoint_type (type, error))
    return NULL;
  id = g_ascii_strdown (identifier, -1);
  upper_type = g_ascii_strup (type, -1);

  static_members = rds_request_get_list (request, "StaticMembers", "member");
  excluded_members = rds_request_get_list (request, "ExcludedMembers", "member");
  if (static_members != NULL && static_members[0] != NULL && excluded_members != NULL &&
      excluded_members[0] != NULL)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "A custom endpoint has either StaticMembers or ExcludedMembers, not both.");
      return NULL;
    }
  if (!check_endpoint_members (cluster, static_members, error) ||
      !check_endpoint_members (cluster, excluded_members, error))
    return NULL;
  tags = rds_request_get_tags (request, "Tags", error);
  if (tags == NULL)
    return NULL;
  if (tags->len > 0)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "Tags on custom endpoints aren't kept by this simulator: create the endpoint "
                           "without Tags.");
      return NULL;
    }

  if (!is_available (cluster))
    {
      fail_state (cluster, error);
      return NULL;
    }
  if (lookup_endpoint (region, id, NULL) != NULL)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_CLUSTER_ENDPOINT_ALREADY_EXISTS,
                   "DBClusterEndpoint with identifier %s already exists.", id);
      return NULL;
    }
  endpoints = cluster_endpoints (cluster);
  if (endpoints->len >= MAX_CUSTOM_ENDPOINTS)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_CLUSTER_ENDPOINT_QUOTA_EXCEEDED,
                   "DB cluster %s already has %d custom endpoints, the most it can have.", cluster_id (cluster),
                   MAX_CUSTOM_ENDPOINTS);
      return NULL;
    }

  address = endpoint_address (cluster, id, "cluster-custom");
  arn = _rds_sim_engine_arn (self, region, "cluster-endpoint", id);
  resource_suffix = rds_sim_rng_string (&self->rng, "abcdefghijklmnopqrstuvwxyz0123456789", 20);
  resource_id = g_strconcat ("cluster-endpoint-", resource_suffix, NULL);
  model = g_object_new (RDS_TYPE_DB_CLUSTER_ENDPOINT,
                        "db-cluster-endpoint-identifier", id,
                        "db-cluster-identifier", cluster_id (cluster),
                        "db-cluster-endpoint-resource-identifier", resource_id,
                        "endpoint", address,
                        "status", "creating",
                        "endpoint-type", "CUSTOM",
                        "custom-endpoint-type", upper_type,
                        "db-cluster-endpoint-arn", arn,
                        NULL);
  set_member_list (model, "static-members", static_members);
  set_member_list (model, "excluded-members", excluded_members);

  endpoint = g_new0 (RdsSimClusterEndpoint, 1);
  endpoint->kind = &_rds_sim_kind_db_cluster_endpoint;
  endpoint->region = region;
  endpoint->model = RDS_DB_CLUSTER_ENDPOINT (model);
  _rds_sim_region_add (region, &endpoint->resource);
  _rds_sim_engine_schedule (self, &endpoint->resource, 0, now + USEC (_rds_sim_engine_draw (self, 60, 120)));
  _rds_sim_resource_changed (self, &endpoint->resource);
  list_custom_endpoints (self, cluster);
  return shape_result ("CreateDBClusterEndpoint", endpoint->model);
}

static RdsSimClusterEndpoint *
lookup_endpoint_required (RdsSimRegion  *region,
                          RdsRequest    *request,
                          GError       **error)
{
  const char *identifier = rds_request_require_string (request, "DBClusterEndpointIdentifier", error);

  return identifier != NULL ? lookup_endpoint (region, identifier, error) : NULL;
}

static gboolean
check_endpoint_available (RdsSimClusterEndpoint  *endpoint,
                          GError                **error)
{
  if (g_strcmp0 (rds_db_cluster_endpoint_get_status (endpoint->model), "available") == 0)
    return TRUE;
  return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_DB_CLUSTER_ENDPOINT_STATE,
                        "DBClusterEndpoint %s is %s, not available.", endpoint_id (endpoint),
                        rds_db_cluster_endpoint_get_status (endpoint->model));
}

static RdsQueryResult *
modify_db_cluster_endpoint (RdsSimEngine  *self,
                            RdsSimRegion  *region,
                            RdsRequest    *request,
                            GError       **error)
{
  RdsSimClusterEndpoint *endpoint;
  RdsSimCluster *cluster;
  const char *type;
  g_auto(GStrv) static_members = NULL;
  g_auto(GStrv) excluded_members = NULL;
  gboolean has_static, has_excluded;
  gint64 now = rds_sim_engine_get_now (self);

  if ((endpoint = lookup_endpoint_required (region, request, error)) == NULL)
    return NULL;
  cluster = lookup (region, rds_db_cluster_endpoint_get_cluster_identifier (endpoint->model), error);
  if (cluster == NULL)
    return NULL;
  type = rds_request_get_string (request, "EndpointType");
  if (type != NULL && !check_endpoint_type (type, error))
    return NULL;
  static_members = rds_request_get_list (request, "StaticMembers", "member");
  excluded_members = rds_request_get_list (request, "ExcludedMembers", "member");
  has_static = static_members != NULL && static_members[0] != NULL;
  has_excluded = excluded_members != NULL && excluded_members[0] != NULL;
  if (has_static && has_excluded)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "A custom endpoint has either StaticMembers or ExcludedMembers, not both.");
      return NULL;
    }
  if (!check_endpoint_members (cluster, static_members, error) ||
      !check_endpoint_members (cluster, excluded_members, error) ||
      !check_endpoint_available (endpoint, error))
    return NULL;
  if (!is_available (cluster))
    {
      fail_state (cluster, error);
      return NULL;
    }

  if (type != NULL)
    {
      g_autofree char *upper = g_ascii_strup (type, -1);

      rds_shape_set_string (endpoint->shape, "custom-endpoint-type", upper);
    }
  /* One list replaces the other. */
  if (has_static || !rds_request_is_empty_of (request, "StaticMembers") ||
      rds_request_has (request, "StaticMembers"))
    {
      set_member_list (endpoint->shape, "static-members", static_members);
      set_member_list (endpoint->shape, "excluded-members", NULL);
    }
  if (has_excluded || rds_request_has (request, "ExcludedMembers"))
    {
      set_member_list (endpoint->shape, "excluded-members", excluded_members);
      set_member_list (endpoint->shape, "static-members", NULL);
    }
  rds_shape_set_string (endpoint->shape, "status", "modifying");
  _rds_sim_engine_schedule (self, &endpoint->resource, 0, now + USEC (_rds_sim_engine_draw (self, 30, 60)));
  _rds_sim_resource_changed (self, &endpoint->resource);
  return shape_result ("ModifyDBClusterEndpoint", endpoint->model);
}

static RdsQueryResult *
delete_db_cluster_endpoint (RdsSimEngine  *self,
                            RdsSimRegion  *region,
                            RdsRequest    *request,
                            GError       **error)
{
  RdsSimClusterEndpoint *endpoint;
  gint64 now = rds_sim_engine_get_now (self);

  if ((endpoint = lookup_endpoint_required (region, request, error)) == NULL ||
      !check_endpoint_available (endpoint, error))
    return NULL;

  rds_shape_set_string (endpoint->shape, "status", "deleting");
  _rds_sim_engine_schedule (self, &endpoint->resource, 0, now + USEC (_rds_sim_engine_draw (self, 30, 60)));
  _rds_sim_resource_changed (self, &endpoint->resource);
  return shape_result ("DeleteDBClusterEndpoint", endpoint->model);
}

static void
endpoint_fire (RdsSimEngine   *self,
               RdsSimResource *resource,
               guint           timer,
               gint64          now)
{
  RdsSimClusterEndpoint *endpoint = (RdsSimClusterEndpoint *) resource;
  RdsSimCluster *cluster = lookup (endpoint->region, rds_db_cluster_endpoint_get_cluster_identifier (endpoint->model),
                                   NULL);

  if (g_strcmp0 (rds_db_cluster_endpoint_get_status (endpoint->model), "deleting") == 0)
    {
      _rds_sim_resource_remove (self, resource);
      if (cluster != NULL)
        list_custom_endpoints (self, cluster);
      return;
    }
  rds_shape_set_string (endpoint->shape, "status", "available");
  _rds_sim_resource_changed (self, resource);
}

/* The cluster's own two endpoints, as DescribeDBClusterEndpoints lists them. */
static RdsDbClusterEndpoint *
builtin_endpoint (RdsSimCluster *cluster,
                  gboolean       writer)
{
  const char *status = rds_db_cluster_get_status (cluster->model);

  return g_object_new (RDS_TYPE_DB_CLUSTER_ENDPOINT,
                       "db-cluster-identifier", cluster_id (cluster),
                       "endpoint", rds_shape_get_string (shape (cluster), writer ? "endpoint" : "reader-endpoint"),
                       "status", g_strcmp0 (status, "creating") == 0 || g_strcmp0 (status, "deleting") == 0
                                   ? status : "available",
                       "endpoint-type", writer ? "WRITER" : "READER",
                       NULL);
}

static gboolean
endpoint_matches (RdsDbClusterEndpoint *endpoint,
                  GPtrArray            *filters)
{
  for (guint i = 0; i < filters->len; i++)
    {
      RdsFilter *filter = g_ptr_array_index (filters, i);
      gboolean any = FALSE;

      for (guint v = 0; filter->values[v] != NULL && !any; v++)
        {
          const char *value = filter->values[v];

          if (g_str_equal (filter->name, "db-cluster-endpoint-type"))
            any = g_ascii_strcasecmp (value, rds_db_cluster_endpoint_get_endpoint_type (endpoint)) == 0;
          else if (g_str_equal (filter->name, "db-cluster-endpoint-custom-type"))
            any = rds_db_cluster_endpoint_get_custom_type (endpoint) != NULL &&
                  g_ascii_strcasecmp (value, rds_db_cluster_endpoint_get_custom_type (endpoint)) == 0;
          else if (g_str_equal (filter->name, "db-cluster-endpoint-id"))
            any = g_strcmp0 (value, rds_db_cluster_endpoint_get_identifier (endpoint)) == 0;
          else if (g_str_equal (filter->name, "db-cluster-endpoint-status"))
            any = g_ascii_strcasecmp (value, rds_db_cluster_endpoint_get_status (endpoint)) == 0;
        }
      if (!any)
        return FALSE;
    }
  return TRUE;
}

static void
add_cluster_endpoints (RdsSimCluster  *cluster,
                       const char     *only,
                       GPtrArray      *filters,
                       GPtrArray      *out)
{
  g_autoptr(GPtrArray) endpoints = cluster_endpoints (cluster);

  for (guint w = 0; w < 2 && only == NULL; w++)
    {
      g_autoptr(RdsDbClusterEndpoint) endpoint = builtin_endpoint (cluster, w == 0);

      if (endpoint_matches (endpoint, filters))
        g_ptr_array_add (out, g_steal_pointer (&endpoint));
    }
  for (guint i = 0; i < endpoints->len; i++)
    {
      RdsSimClusterEndpoint *endpoint = g_ptr_array_index (endpoints, i);

      if ((only == NULL || g_ascii_strcasecmp (only, endpoint_id (endpoint)) == 0) &&
          endpoint_matches (endpoint->model, filters))
        g_ptr_array_add (out, g_object_ref (endpoint->model));
    }
}

static RdsQueryResult *
describe_db_cluster_endpoints (RdsSimEngine  *self,
                               RdsSimRegion  *region,
                               RdsRequest    *request,
                               GError       **error)
{
  static const char * const known[] = { "db-cluster-endpoint-type", "db-cluster-endpoint-custom-type",
                                        "db-cluster-endpoint-id", "db-cluster-endpoint-status", NULL };
  g_autoptr(RdsQueryResult) result = rds_query_result_new (rds_action_lookup ("DescribeDBClusterEndpoints"));
  g_autoptr(GPtrArray) filters = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  const char *cluster_name = rds_request_get_string (request, "DBClusterIdentifier");
  const char *only = rds_request_get_string (request, "DBClusterEndpointIdentifier");
  const char *marker;
  guint64 start;
  int max_records;

  if (!_rds_sim_engine_page_args (request, 100, &max_records, &marker, error) ||
      !_rds_sim_decode_index_marker (marker, &start, error))
    return NULL;
  filters = rds_request_get_filters (request, error);
  if (filters == NULL)
    return NULL;
  for (guint i = 0; i < filters->len; i++)
    if (!g_strv_contains (known, ((RdsFilter *) g_ptr_array_index (filters, i))->name))
      {
        g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                     "Unrecognized filter name: %s. The filters of DescribeDBClusterEndpoints are "
                     "db-cluster-endpoint-type, db-cluster-endpoint-custom-type, db-cluster-endpoint-id and "
                     "db-cluster-endpoint-status.", ((RdsFilter *) g_ptr_array_index (filters, i))->name);
        return NULL;
      }

  if (cluster_name != NULL)
    {
      RdsSimCluster *cluster = lookup (region, cluster_name, error);

      if (cluster == NULL)
        return NULL;
      add_cluster_endpoints (cluster, only, filters, all);
    }
  else
    {
      for (GTreeNode *node = g_tree_node_first (RDS_SIM_CLUSTERS (region)); node != NULL;
           node = g_tree_node_next (node))
        add_cluster_endpoints (g_tree_node_value (node), only, filters, all);
    }

  for (guint64 i = start; i < all->len; i++)
    {
      if (result->items->len == (guint) max_records)
        {
          result->marker = _rds_sim_encode_index_marker (i);
          break;
        }
      g_ptr_array_add (result->items, g_object_ref (g_ptr_array_index (all, i)));
    }
  return g_steal_pointer (&result);
}

static void
endpoint_save (RdsSimResource *resource,
               JsonObject     *sim)
{
  if (resource->due[0] != 0)
    json_object_set_int_member (sim, "due", resource->due[0]);
}

static RdsSimResource *
endpoint_load (RdsSimRegion  *region,
               RdsShape      *model,
               JsonObject    *sim,
               GError       **error)
{
  RdsSimClusterEndpoint *endpoint = g_new0 (RdsSimClusterEndpoint, 1);

  endpoint->kind = &_rds_sim_kind_db_cluster_endpoint;
  endpoint->region = region;
  endpoint->model = RDS_DB_CLUSTER_ENDPOINT (model);
  endpoint->due[0] = json_object_get_int_member_with_default (sim, "due", 0);
  return &endpoint->resource;
}

static void
endpoint_free (RdsSimResource *resource)
{
  RdsSimClusterEndpoint *endpoint = (RdsSimClusterEndpoint *) resource;

  g_clear_object (&endpoint->model);
  g_free (endpoint);
}

/* The kinds */

static const RdsSimAction cluster_actions[] = {
  { "CreateDBCluster", create_db_cluster },
  { "DescribeDBClusters", describe_db_clusters },
  { "ModifyDBCluster", modify_db_cluster },
  { "DeleteDBCluster", delete_db_cluster },
  { "StopDBCluster", stop_db_cluster },
  { "StartDBCluster", start_db_cluster },
  { "FailoverDBCluster", failover_db_cluster },
  { "RestoreDBClusterFromSnapshot", restore_db_cluster_from_snapshot },
  { "RestoreDBClusterToPointInTime", restore_db_cluster_to_point_in_time },
  { NULL }
};

RdsSimKind _rds_sim_kind_db_cluster = {
  .name = "db-cluster",
  .arn_type = "cluster",
  .model_type = rds_db_cluster_get_type,
  .id_property = "db-cluster-identifier",
  .not_found = RDS_AWS_ERROR_DB_CLUSTER_NOT_FOUND,
  .not_found_message = "DBCluster %s not found.",
  /* After its instances at the same time: a failover sees them as they are. */
  .timer_order = 1,
  .actions = cluster_actions,
  .save = cluster_save,
  .load = cluster_load,
  .fire = cluster_fire,
  .free = cluster_free,
};

static const RdsSimAction endpoint_actions[] = {
  { "CreateDBClusterEndpoint", create_db_cluster_endpoint },
  { "ModifyDBClusterEndpoint", modify_db_cluster_endpoint },
  { "DeleteDBClusterEndpoint", delete_db_cluster_endpoint },
  { "DescribeDBClusterEndpoints", describe_db_cluster_endpoints },
  { NULL }
};

RdsSimKind _rds_sim_kind_db_cluster_endpoint = {
  .name = "db-cluster-endpoint",
  .arn_type = "cluster-endpoint",
  .model_type = rds_db_cluster_endpoint_get_type,
  .id_property = "db-cluster-endpoint-identifier",
  .not_found = RDS_AWS_ERROR_DB_CLUSTER_ENDPOINT_NOT_FOUND,
  .not_found_message = "DBClusterEndpoint %s not found.",
  .timer_order = 2,
  .actions = endpoint_actions,
  .save = endpoint_save,
  .load = endpoint_load,
  .fire = endpoint_fire,
  .free = endpoint_free,
};

/* What the simulator knows of a cluster beyond the API (the /_sim/ API) */

static RdsSimCluster *
cluster_of (RdsSimEngine  *self,
            const char    *region_name,
            const char    *identifier,
            GError       **error)
{
  RdsSimRegion *region = region_name != NULL ? _rds_sim_engine_get_region (self, region_name) : NULL;

  if (region == NULL)
    {
      _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "The Region '%s' is not one this endpoint serves.",
                     region_name != NULL ? region_name : "");
      return NULL;
    }
  rds_sim_engine_catch_up (self);
  return lookup (region, identifier, error);
}

/**
 * rds_sim_engine_fail_cluster_copy:
 * @copy: 0 to 5: copies 0 and 1 are in the cluster's first zone, 2 and 3
 *   in its second, 4 and 5 in its third
 * @group: a protection group, or -1 for the copy of every group
 *
 * A copy of the cluster volume is lost; it is repaired from its peers.
 */
gboolean
rds_sim_engine_fail_cluster_copy (RdsSimEngine  *self,
                                  const char    *region_name,
                                  const char    *identifier,
                                  int            copy,
                                  int            group,
                                  GError       **error)
{
  RdsSimCluster *cluster;
  RdsSimLostCopy lost = { group, copy, 0, FALSE };
  gint64 now;
  int groups;
  g_autofree char *message = NULL;

  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), FALSE);

  if ((cluster = cluster_of (self, region_name, identifier, error)) == NULL)
    return FALSE;
  now = rds_sim_engine_get_now (self);
  groups = protection_groups (cluster, now);
  if (copy < 0 || copy >= RDS_SIM_VOLUME_COPIES)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The cluster volume keeps copies 0 to 5, not %d.", copy);
  if (group < -1 || group >= groups)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The cluster volume of %s has protection groups 0 to %d, not %d.", cluster_id (cluster),
                          groups - 1, group);
  if (cluster->op == RDS_SIM_CLUSTER_OP_CREATE || cluster->op == RDS_SIM_CLUSTER_OP_DELETE)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_DB_CLUSTER_STATE,
                          "DB cluster %s is %s: its volume has no copies to fail yet.", cluster_id (cluster),
                          rds_db_cluster_get_status (cluster->model));
  if (!copy_is_up (cluster, group, copy))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "Copy %d of %s is down already.", copy,
                          group >= 0 ? "that protection group" : "the cluster volume");

  g_array_append_val (cluster->lost, lost);
  if (group >= 0)
    message = g_strdup_printf ("Copy %d of protection group %d (in %s) was lost; it is repaired from its peers.",
                               copy + 1, group, copy_zone (cluster, copy));
  else
    message = g_strdup_printf ("Copy %d of the cluster volume (in %s) was lost; it is repaired from its peers.",
                               copy + 1, copy_zone (cluster, copy));
  emit (self, cluster, message, "failure", now);
  repairs_start (self, cluster, now);
  volume_update (self, cluster, now);
  return TRUE;
}

static void
add_instance_list (JsonBuilder   *builder,
                   RdsSimCluster *cluster,
                   gboolean     (*reaches) (RdsSimCluster *, RdsSimInstance *, gpointer),
                   gpointer       data)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_members (cluster); i++)
    {
      RdsSimInstance *instance = member_instance (cluster, get_member (cluster, i));

      if (instance != NULL && instance_serves (instance) && reaches (cluster, instance, data))
        json_builder_add_string_value (builder, instance_id (instance));
    }
  json_builder_end_array (builder);
}

static gboolean
reaches_endpoint (RdsSimCluster  *cluster,
                  RdsSimInstance *instance,
                  gpointer        data)
{
  return rds_db_cluster_endpoint_reaches (data, instance_id (instance), is_writer (cluster, instance));
}

static gboolean
has_serving_reader (RdsSimCluster *cluster)
{
  for (guint i = 0; i < n_members (cluster); i++)
    {
      RdsShape *member = get_member (cluster, i);
      RdsSimInstance *instance = member_instance (cluster, member);

      if (!rds_shape_get_boolean (member, "is-cluster-writer") && instance != NULL && instance_serves (instance))
        return TRUE;
    }
  return FALSE;
}

/**
 * rds_sim_engine_describe_cluster:
 *
 * What the simulator knows of a cluster beyond the API: its volume (size,
 * protection groups, each copy's zone and health, the quorums, repairs
 * under way), where each endpoint sends connections now, a failover
 * under way.
 *
 * Returns: (transfer full) (nullable): a JSON object
 */
JsonNode *
rds_sim_engine_describe_cluster (RdsSimEngine  *self,
                                 const char    *region_name,
                                 const char    *identifier,
                                 GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) endpoints = NULL;
  RdsSimCluster *cluster;
  gint64 now;
  int fewest;

  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), NULL);

  if ((cluster = cluster_of (self, region_name, identifier, error)) == NULL)
    return NULL;
  now = rds_sim_engine_get_now (self);
  fewest = fewest_copies_up (cluster, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cluster");
  json_builder_add_string_value (builder, cluster_id (cluster));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, rds_db_cluster_get_status (cluster->model));
  json_builder_set_member_name (builder, "operation");
  json_builder_add_string_value (builder, op_names[cluster->op]);
  if (cluster->due[RDS_SIM_CLUSTER_TIMER_STEP] != 0)
    {
      json_builder_set_member_name (builder, "operationEnds");
      json_builder_add_int_value (builder, cluster->due[RDS_SIM_CLUSTER_TIMER_STEP] / G_USEC_PER_SEC);
    }
  json_builder_set_member_name (builder, "writer");
  if (rds_db_cluster_get_writer (cluster->model) != NULL)
    json_builder_add_string_value (builder, rds_db_cluster_get_writer (cluster->model));
  else
    json_builder_add_null_value (builder);
  if (cluster->failover_target != NULL)
    {
      json_builder_set_member_name (builder, "failoverTarget");
      json_builder_add_string_value (builder, cluster->failover_target);
      json_builder_set_member_name (builder, "failoverAutomatic");
      json_builder_add_boolean_value (builder, cluster->failover_automatic);
    }
  if (cluster->last_failover != 0)
    {
      json_builder_set_member_name (builder, "lastFailover");
      json_builder_add_int_value (builder, cluster->last_failover / G_USEC_PER_SEC);
    }

  json_builder_set_member_name (builder, "volume");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "usedBytes");
  json_builder_add_int_value (builder, (gint64) (volume_used_gib (cluster, now) * 1024 * 1024 * 1024));
  json_builder_set_member_name (builder, "protectionGroups");
  json_builder_add_int_value (builder, protection_groups (cluster, now));
  json_builder_set_member_name (builder, "fewestCopiesUp");
  json_builder_add_int_value (builder, fewest);
  json_builder_set_member_name (builder, "writeQuorum");
  json_builder_add_boolean_value (builder, fewest >= RDS_SIM_VOLUME_WRITE_QUORUM);
  json_builder_set_member_name (builder, "readQuorum");
  json_builder_add_boolean_value (builder, fewest >= RDS_SIM_VOLUME_READ_QUORUM);
  json_builder_set_member_name (builder, "copies");
  json_builder_begin_array (builder);
  for (int copy = 0; copy < RDS_SIM_VOLUME_COPIES; copy++)
    {
      const char *state = "up";
      gint64 repair_due = 0;

      for (guint i = 0; i < cluster->lost->len; i++)
        {
          RdsSimLostCopy *lost = &g_array_index (cluster->lost, RdsSimLostCopy, i);

          if (lost->copy != copy || lost->group >= 0)
            continue;
          state = lost->repair_due == 0 ? "down" : lost->catch_up ? "catching-up" : "repairing";
          repair_due = lost->repair_due;
        }
      if (copy_zone_down (cluster, copy))
        state = "down";
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "copy");
      json_builder_add_int_value (builder, copy);
      json_builder_set_member_name (builder, "zone");
      json_builder_add_string_value (builder, copy_zone (cluster, copy));
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, state);
      if (repair_due != 0)
        {
          json_builder_set_member_name (builder, "repairEnds");
          json_builder_add_int_value (builder, repair_due / G_USEC_PER_SEC);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  /* Copies lost in one protection group only. */
  json_builder_set_member_name (builder, "segmentsLost");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cluster->lost->len; i++)
    {
      RdsSimLostCopy *lost = &g_array_index (cluster->lost, RdsSimLostCopy, i);

      if (lost->group < 0)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "group");
      json_builder_add_int_value (builder, lost->group);
      json_builder_set_member_name (builder, "copy");
      json_builder_add_int_value (builder, lost->copy);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, lost->repair_due == 0 ? "down" : "repairing");
      if (lost->repair_due != 0)
        {
          json_builder_set_member_name (builder, "repairEnds");
          json_builder_add_int_value (builder, lost->repair_due / G_USEC_PER_SEC);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  /* Where each endpoint sends connections now: the reader endpoint to the
   * writer when no reader serves. */
  json_builder_set_member_name (builder, "endpoints");
  json_builder_begin_object (builder);
  {
    g_autoptr(RdsDbClusterEndpoint) writer = builtin_endpoint (cluster, TRUE);
    g_autoptr(RdsDbClusterEndpoint) reader = builtin_endpoint (cluster, !has_serving_reader (cluster));

    json_builder_set_member_name (builder, "writer");
    add_instance_list (builder, cluster, reaches_endpoint, writer);
    json_builder_set_member_name (builder, "reader");
    add_instance_list (builder, cluster, reaches_endpoint, reader);
  }
  endpoints = cluster_endpoints (cluster);
  for (guint i = 0; i < endpoints->len; i++)
    {
      RdsSimClusterEndpoint *endpoint = g_ptr_array_index (endpoints, i);

      json_builder_set_member_name (builder, endpoint_id (endpoint));
      add_instance_list (builder, cluster, reaches_endpoint, endpoint->model);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
