/* rds-sim-engine-availability.c: Multi-AZ standbys, failovers and injected faults
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A Multi-AZ instance keeps a synchronous standby in another zone of its
 * Region. Building one, to convert to Multi-AZ or to replace one that was
 * lost, takes three steps in simulated time, each told in an event: a
 * snapshot of the primary's volumes, the standby's volumes restored from it
 * in the other zone, and synchronous replication catching up. A failover
 * hands the endpoint to the standby in 60-120 s: on request (a reboot with
 * failover), or by itself when the primary's zone, host or storage fails.
 *
 * Faults come from the /_sim/ API: a zone goes down or comes back, an
 * instance's host or storage fails. A Single-AZ instance whose zone is down
 * is failed until the zone returns; a failed host is replaced, failed
 * storage is restored from backups (or is lost without them).
 */

#include "config.h"

#include "rds-sim-engine-private.h"

#include "rds-pending-modified-values.h"
#include "rds-rules.h"
#include "rds-sim-rng.h"

#define FAILOVER_GAP USEC (600)   /* a failover sooner after the last is abandoned */

static const char * const standby_names[RDS_SIM_N_STANDBY_STATES] = {
  [RDS_SIM_STANDBY_NONE] = "none",
  [RDS_SIM_STANDBY_SNAPSHOT] = "snapshot",
  [RDS_SIM_STANDBY_RESTORE] = "restore",
  [RDS_SIM_STANDBY_SYNC] = "sync",
  [RDS_SIM_STANDBY_IN_SYNC] = "in-sync",
  [RDS_SIM_STANDBY_LOST] = "lost",
  [RDS_SIM_STANDBY_REMOVING] = "removing",
};

const char *
_rds_sim_standby_get_name (RdsSimStandby standby)
{
  g_return_val_if_fail (standby < RDS_SIM_N_STANDBY_STATES, "none");

  return standby_names[standby];
}

gboolean
_rds_sim_standby_from_name (const char    *name,
                            RdsSimStandby *standby)
{
  for (guint i = 0; i < RDS_SIM_N_STANDBY_STATES; i++)
    if (g_strcmp0 (standby_names[i], name) == 0)
      {
        *standby = i;
        return TRUE;
      }

  return FALSE;
}

static RdsShape *
shape (RdsSimInstance *instance)
{
  return RDS_SHAPE (instance->model);
}

static const char *
primary_zone (RdsSimInstance *instance)
{
  return rds_shape_get_string (shape (instance), "availability-zone");
}

static int
zone_index (RdsSimRegion *region,
            const char   *zone)
{
  guint n = rds_region_get_n_zones (region->info);

  for (guint i = 0; zone != NULL && i < n; i++)
    {
      g_autofree char *name = rds_region_get_zone (region->info, i);

      if (g_str_equal (name, zone))
        return (int) i;
    }

  return -1;
}

gboolean
_rds_sim_region_zone_is_down (RdsSimRegion *region,
                              const char   *zone)
{
  int index = zone_index (region, zone);

  return index >= 0 && (region->zones_down & (1u << index)) != 0;
}

/* A healthy zone for a standby, other than the primary's: one drawn from
 * the seed, the instance and the time, so a restart draws the same. */
static const char *
pick_standby_zone (RdsSimEngine   *self,
                   RdsSimInstance *instance,
                   gint64          now)
{
  RdsSimRegion *region = instance->region;
  guint n = rds_region_get_n_zones (region->info);
  g_autofree char *salt = g_strdup_printf ("secondary/%s/%" G_GINT64_FORMAT, instance->id, now);
  guint first = (guint) (rds_sim_hash (rds_sim_engine_get_seed (self), salt) % n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *zone = rds_region_get_zone (region->info, (first + i) % n);

      if (g_strcmp0 (zone, primary_zone (instance)) != 0 && !(region->zones_down & (1u << ((first + i) % n))))
        return g_intern_string (zone);
    }

  return NULL;
}

/* Building a standby */

static gint64
step_duration (RdsSimEngine   *self,
               RdsSimInstance *instance,
               RdsSimStandby   step)
{
  int allocated = rds_shape_get_int (shape (instance), "allocated-storage");
  /* Bigger volumes take longer to hydrate and catch up: a minute per 100 GiB. */
  int extra = MIN (allocated / 100 * 60, 1800);

  switch (step)
    {
    case RDS_SIM_STANDBY_SNAPSHOT:
      return _rds_sim_instance_hashed_duration (self, instance, "standby-snapshot", instance->standby_started,
                                                60, 240);
    case RDS_SIM_STANDBY_RESTORE:
      return _rds_sim_instance_hashed_duration (self, instance, "standby-restore", instance->standby_started,
                                                180, 480) + USEC (extra / 2);
    case RDS_SIM_STANDBY_SYNC:
      return _rds_sim_instance_hashed_duration (self, instance, "standby-sync", instance->standby_started,
                                                240, 720) + USEC (extra / 2);
    default:
      return 0;
    }
}

static void
announce_step (RdsSimEngine   *self,
               RdsSimInstance *instance,
               gint64          now)
{
  g_autofree char *message = NULL;

  switch (instance->standby)
    {
    case RDS_SIM_STANDBY_SNAPSHOT:
      message = g_strdup ("Creating the standby: taking a snapshot of the primary's storage volumes.");
      break;
    case RDS_SIM_STANDBY_RESTORE:
      message = g_strdup_printf ("Creating the standby: restoring its storage volumes from the snapshot "
                                 "in %s.", instance->standby_zone);
      break;
    case RDS_SIM_STANDBY_SYNC:
      message = g_strdup ("Creating the standby: synchronous replication is on and the standby is "
                          "catching up with the primary.");
      break;
    default:
      return;
    }

  _rds_sim_instance_emit (self, instance, message, "notification", now);
}

/* Waits for a healthy zone when there is none. */
static void
standby_lost (RdsSimEngine   *self,
              RdsSimInstance *instance,
              gint64          now)
{
  instance->standby = RDS_SIM_STANDBY_LOST;
  _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_STANDBY, 0);
  _rds_sim_instance_dirty (self, instance);
}

/**
 * _rds_sim_standby_build:
 * @conversion: it converts the instance to Multi-AZ (else it replaces a
 *   lost standby)
 *
 * Starts building a standby in a healthy zone.
 *
 * Returns: when the build will end if nothing fails, or 0 when no zone is
 *   healthy (it waits for one)
 */
gint64
_rds_sim_standby_build (RdsSimEngine   *self,
                        RdsSimInstance *instance,
                        gboolean        conversion,
                        gint64          now)
{
  const char *zone = pick_standby_zone (self, instance, now);
  gint64 end;

  instance->standby_conversion = conversion;
  if (zone == NULL)
    {
      standby_lost (self, instance, now);
      return 0;
    }

  instance->standby = RDS_SIM_STANDBY_SNAPSHOT;
  instance->standby_zone = zone;
  instance->standby_started = now;
  end = now + step_duration (self, instance, RDS_SIM_STANDBY_SNAPSHOT) +
        step_duration (self, instance, RDS_SIM_STANDBY_RESTORE) +
        step_duration (self, instance, RDS_SIM_STANDBY_SYNC);
  announce_step (self, instance, now);
  _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_STANDBY,
                            now + step_duration (self, instance, RDS_SIM_STANDBY_SNAPSHOT));
  _rds_sim_instance_dirty (self, instance);
  return end;
}

gboolean
_rds_sim_standby_is_building (RdsSimInstance *instance)
{
  return instance->standby == RDS_SIM_STANDBY_SNAPSHOT || instance->standby == RDS_SIM_STANDBY_RESTORE ||
         instance->standby == RDS_SIM_STANDBY_SYNC || instance->standby == RDS_SIM_STANDBY_LOST;
}

/* The standby is in sync: a conversion finishes with the modification, a
 * replacement says so itself. */
void
_rds_sim_standby_complete (RdsSimEngine   *self,
                           RdsSimInstance *instance,
                           gint64          now)
{
  gboolean conversion = instance->standby_conversion;

  instance->standby = RDS_SIM_STANDBY_IN_SYNC;
  instance->standby_conversion = FALSE;
  _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_STANDBY, 0);
  _rds_sim_instance_dirty (self, instance);

  if (conversion)
    {
      /* The modification waited for its standby. */
      if (instance->op == RDS_SIM_OP_MODIFY && instance->due[RDS_SIM_TIMER_STEP] == 0)
        _rds_sim_instance_finish_modify (self, instance, now);
      return;
    }

  rds_shape_set_string (shape (instance), "secondary-availability-zone", instance->standby_zone);
  _rds_sim_instance_emit (self, instance, "Multi-AZ instance recovery completed. Pending failover or activation.",
                          "recovery", now);
}

void
_rds_sim_standby_fire (RdsSimEngine   *self,
                       RdsSimInstance *instance,
                       gint64          now)
{
  switch (instance->standby)
    {
    case RDS_SIM_STANDBY_SNAPSHOT:
    case RDS_SIM_STANDBY_RESTORE:
      instance->standby++;
      announce_step (self, instance, now);
      _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_STANDBY,
                                now + step_duration (self, instance, instance->standby));
      _rds_sim_instance_dirty (self, instance);
      break;
    case RDS_SIM_STANDBY_SYNC:
      _rds_sim_standby_complete (self, instance, now);
      break;
    default:
      break;
    }
}

/* The standby is gone with its zone or host: RDS builds another. */
static void
replace_standby (RdsSimEngine   *self,
                 RdsSimInstance *instance,
                 gint64          now)
{
  gboolean conversion = instance->standby_conversion;

  if (!conversion)
    _rds_sim_instance_emit (self, instance, "Multi-AZ instance recovery started.", "recovery", now);
  _rds_sim_standby_build (self, instance, conversion, now);
}

/* Failovers */

gboolean
_rds_sim_instance_check_failover (RdsSimInstance  *instance,
                                  GError         **error)
{
  if (!rds_shape_get_boolean (shape (instance), "multi-az"))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                          "Reboot with failover is only possible for a Multi-AZ DB instance, and %s is "
                          "Single-AZ.", instance->id);
  if (instance->standby != RDS_SIM_STANDBY_IN_SYNC)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                          "Cannot fail over DB instance %s: its standby is being replaced and is not in "
                          "sync yet.", instance->id);
  return TRUE;
}

gboolean
_rds_sim_instance_failover_recent (RdsSimInstance *instance,
                                   gint64          now)
{
  return instance->last_failover != 0 && now - instance->last_failover < FAILOVER_GAP;
}

/**
 * _rds_sim_instance_failover:
 * @automatic: RDS fails over by itself (the primary failed), not on request
 *
 * The standby takes over: the instance is rebooting for 60-120 s while the
 * endpoint's DNS name moves to it; connections drop.
 */
void
_rds_sim_instance_failover (RdsSimEngine   *self,
                            RdsSimInstance *instance,
                            gboolean        automatic,
                            gint64          now)
{
  instance->failover_automatic = automatic;
  _rds_sim_instance_emit (self, instance, "Multi-AZ instance failover started.", "failover", now);
  _rds_sim_instance_record (self, instance, now, RDS_SIM_PHASE_REBOOTING);
  _rds_sim_instance_start_op (self, instance, RDS_SIM_OP_FAILOVER, "rebooting",
                              now + _rds_sim_instance_hashed_duration (self, instance, "failover", now, 60, 120));
  /* Its replicas lose their source for a minute or two. */
  _rds_sim_replication_update (self, instance, now);
}

static gboolean
primary_site_failed (RdsSimInstance *instance)
{
  return (instance->faults & (RDS_SIM_FAULT_HOST | RDS_SIM_FAULT_STORAGE)) != 0 ||
         _rds_sim_region_zone_is_down (instance->region, primary_zone (instance));
}

/* The zones swap: the endpoint's name stays and now points at the old
 * standby. */
static void
swap_zones (RdsSimEngine   *self,
            RdsSimInstance *instance,
            gint64          now)
{
  RdsShape *model = shape (instance);
  const char *old_primary = g_intern_string (primary_zone (instance));
  gboolean old_site_failed = primary_site_failed (instance);

  rds_shape_set_string (model, "availability-zone", instance->standby_zone);
  rds_shape_set_string (model, "secondary-availability-zone", old_primary);
  instance->standby_zone = old_primary;
  instance->last_failover = now;
  instance->faults = 0;

  /* The old primary, now the standby, is lost with its host or zone. */
  if (old_site_failed)
    replace_standby (self, instance, now);
}

void
_rds_sim_instance_finish_failover (RdsSimEngine   *self,
                                   RdsSimInstance *instance,
                                   gint64          now)
{
  gboolean automatic = instance->failover_automatic;

  instance->failover_automatic = FALSE;
  _rds_sim_instance_emit (self, instance, "DB instance restarted.", "availability", now);
  /* The restart applies a parameter group waiting for one. */
  _rds_sim_instance_set_parameter_apply_status (instance, "in-sync");
  if (automatic)
    _rds_sim_instance_emit (self, instance, "Multi-AZ failover to standby complete - DNS propagation may take "
                            "a few minutes.", "failover", now);
  else
    _rds_sim_instance_emit (self, instance, "Multi-AZ instance failover completed.", "failover", now);
  swap_zones (self, instance, now);
  _rds_sim_instance_record_start (self, instance, now);
  _rds_sim_instance_become_available (self, instance, now);
  _rds_sim_replication_update (self, instance, now);
}

/* Faults */

/* What an instance is doing lets a fault reach it: not while it is created,
 * stopped or deleted. */
static gboolean
exposed (RdsSimInstance *instance)
{
  switch (instance->op)
    {
    case RDS_SIM_OP_CREATE:
    case RDS_SIM_OP_STOP:
    case RDS_SIM_OP_START:
    case RDS_SIM_OP_DELETE:
      return FALSE;
    default:
      return g_strcmp0 (rds_db_instance_get_status (instance->model), "stopped") != 0;
    }
}

/* Which operations a failover may interrupt; under the others (a
 * modification, a reboot) the standby takes over at once. */
static gboolean
interruptible (RdsSimOp op)
{
  return op == RDS_SIM_OP_NONE || op == RDS_SIM_OP_OPTIMIZE || op == RDS_SIM_OP_SNAPSHOT ||
         op == RDS_SIM_OP_FIRST_BACKUP;
}

/* A failure ends what the instance was doing: what can finish, does. */
static void
interrupt (RdsSimEngine   *self,
           RdsSimInstance *instance,
           gint64          now)
{
  switch (instance->op)
    {
    case RDS_SIM_OP_FIRST_BACKUP:
      /* The password was set with the instance. */
      rds_shape_set_string (_rds_sim_instance_pending (instance), "master-user-password", NULL);
      break;
    case RDS_SIM_OP_PROMOTE:
      _rds_sim_replica_complete_promotion (self, instance, now);
      break;
    default:
      /* A replica setting up replication (still "starting") sets it up
       * again once recovered. */
      break;
    }
}

/* Standby builds wait while the primary is down: a standby is built from
 * it. */
static void
pause_standby (RdsSimEngine   *self,
               RdsSimInstance *instance)
{
  if (instance->standby == RDS_SIM_STANDBY_NONE || instance->standby == RDS_SIM_STANDBY_REMOVING)
    return;
  if (instance->standby != RDS_SIM_STANDBY_IN_SYNC || _rds_sim_region_zone_is_down (instance->region,
                                                                                    instance->standby_zone))
    {
      instance->standby = RDS_SIM_STANDBY_LOST;
      _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_STANDBY, 0);
    }
}

static void
go_down (RdsSimEngine   *self,
         RdsSimInstance *instance,
         const char     *why,
         gint64          now)
{
  interrupt (self, instance, now);
  pause_standby (self, instance);
  _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_STEP, 0);
  _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_MAINTENANCE, 0);
  instance->op = RDS_SIM_OP_DOWN;
  rds_db_instance_set_status (instance->model, "failed");
  _rds_sim_instance_record (self, instance, now, RDS_SIM_PHASE_STOPPED);
  _rds_sim_instance_emit (self, instance, "DB instance shutdown.", "availability", now);
  _rds_sim_instance_emit (self, instance, why, "failure", now);
  _rds_sim_instance_dirty (self, instance);
  _rds_sim_replication_update (self, instance, now);
}

static void
begin_recovery (RdsSimEngine   *self,
                RdsSimInstance *instance,
                gint64          now)
{
  gboolean restore = (instance->faults & RDS_SIM_FAULT_STORAGE) != 0;

  if (instance->op != RDS_SIM_OP_DOWN)
    interrupt (self, instance, now);
  pause_standby (self, instance);
  _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_MAINTENANCE, 0);
  _rds_sim_instance_emit (self, instance, "Recovery of the DB instance has started. Recovery time will vary "
                          "with the amount of data to be recovered.", "recovery", now);
  _rds_sim_instance_record (self, instance, now, RDS_SIM_PHASE_REBOOTING);
  _rds_sim_instance_start_op (self, instance, RDS_SIM_OP_RECOVER, "rebooting",
                              now + (restore
                                     ? _rds_sim_instance_hashed_duration (self, instance, "restore", now,
                                                                          1200, 2400)
                                     : _rds_sim_instance_hashed_duration (self, instance, "recover", now,
                                                                          300, 900)));
  _rds_sim_replication_update (self, instance, now);
}

void
_rds_sim_instance_finish_recovery (RdsSimEngine   *self,
                                   RdsSimInstance *instance,
                                   gint64          now)
{
  if (instance->faults & RDS_SIM_FAULT_STORAGE)
    _rds_sim_instance_emit (self, instance, "The DB instance was restored from its automated backups to its "
                            "latest restorable time; changes made after it were lost.", "recovery", now);
  instance->faults = 0;
  _rds_sim_instance_emit (self, instance, "Recovery of the DB instance is complete.", "recovery", now);
  _rds_sim_instance_set_parameter_apply_status (instance, "in-sync");
  _rds_sim_instance_record_start (self, instance, now);
  /* A replica interrupted while setting up replication sets it up again. */
  if (instance->replication == RDS_SIM_REPLICATION_STARTING)
    {
      _rds_sim_replica_finish_create (self, instance, now);
      return;
    }
  _rds_sim_instance_become_available (self, instance, now);
  _rds_sim_replication_update (self, instance, now);
  /* A standby lost meanwhile is built again from the recovered primary. */
  if (instance->standby == RDS_SIM_STANDBY_LOST && instance->op == RDS_SIM_OP_NONE)
    replace_standby (self, instance, now);

  /* Changes that waited in PendingModifiedValues wait for the next window. */
  if (!rds_pending_modified_values_is_empty (RDS_PENDING_MODIFIED_VALUES (_rds_sim_instance_pending (instance))))
    {
      int start, length;

      if (rds_rules_parse_maintenance_window (rds_shape_get_string (shape (instance),
                                                                  "preferred-maintenance-window"),
                                            &start, &length, NULL))
        _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_MAINTENANCE,
                                  rds_rules_next_window_start (start, now));
    }
}

/* The primary's zone, host or storage failed: the standby takes over if
 * there is one in sync; else the instance is down or recovers alone. */
static void
primary_failed (RdsSimEngine   *self,
                RdsSimInstance *instance,
                gint64          now)
{
  gboolean standby_ready = rds_shape_get_boolean (shape (instance), "multi-az") &&
                           instance->standby == RDS_SIM_STANDBY_IN_SYNC &&
                           !_rds_sim_region_zone_is_down (instance->region, instance->standby_zone);

  if (!exposed (instance) || instance->op == RDS_SIM_OP_FAILOVER || instance->op == RDS_SIM_OP_DOWN)
    return;

  /* An Aurora instance comes back on a new host, or when its zone does;
   * the writer's failure fails its cluster over to a reader meanwhile. */
  if (rds_shape_get_string (shape (instance), "db-cluster-identifier") != NULL)
    {
      if (instance->faults & RDS_SIM_FAULT_ZONE)
        {
          g_autofree char *why = g_strdup_printf ("The DB instance is unavailable: its Availability Zone %s is "
                                                  "down. It comes back when the zone does; the cluster's other "
                                                  "instances serve meanwhile.", primary_zone (instance));
          go_down (self, instance, why, now);
        }
      else
        begin_recovery (self, instance, now);
      _rds_sim_cluster_member_failed (self, instance, now);
      return;
    }

  if (standby_ready && interruptible (instance->op))
    {
      interrupt (self, instance, now);
      _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_STEP, 0);
      _rds_sim_instance_failover (self, instance, TRUE, now);
      return;
    }
  if (standby_ready)
    {
      /* Under a modification or reboot: the standby takes over at once. */
      _rds_sim_instance_emit (self, instance, "Multi-AZ instance failover started.", "failover", now);
      _rds_sim_instance_emit (self, instance, "Multi-AZ failover to standby complete - DNS propagation may "
                              "take a few minutes.", "failover", now);
      swap_zones (self, instance, now);
      _rds_sim_instance_dirty (self, instance);
      return;
    }

  if (instance->faults & RDS_SIM_FAULT_ZONE)
    {
      g_autofree char *why = g_strdup_printf ("The DB instance is unavailable: its Availability Zone %s is "
                                              "down. It recovers when the zone is back; to recover sooner, "
                                              "restore it to a point in time in another zone.",
                                              primary_zone (instance));
      go_down (self, instance, why, now);
    }
  else if ((instance->faults & RDS_SIM_FAULT_STORAGE) &&
           rds_shape_get_int (shape (instance), "backup-retention-period") == 0)
    go_down (self, instance, "The DB instance's storage failed and it has no automated backups: it can't be "
             "recovered. Restore it from a snapshot.", now);
  else
    begin_recovery (self, instance, now);
}

/* A zone went down or came back: what it means for @instance. */
void
_rds_sim_instance_zone_changed (RdsSimEngine   *self,
                                RdsSimInstance *instance,
                                gint64          now)
{
  gboolean primary_down = _rds_sim_region_zone_is_down (instance->region, primary_zone (instance));

  if (primary_down && !(instance->faults & RDS_SIM_FAULT_ZONE))
    {
      instance->faults |= RDS_SIM_FAULT_ZONE;
      _rds_sim_instance_dirty (self, instance);
    }
  else if (!primary_down && (instance->faults & RDS_SIM_FAULT_ZONE))
    {
      instance->faults &= ~(guint) RDS_SIM_FAULT_ZONE;
      _rds_sim_instance_dirty (self, instance);
      if (instance->op == RDS_SIM_OP_DOWN && instance->faults == 0)
        begin_recovery (self, instance, now);
    }
  /* Faults wait while it is created, stopped or deleted. */
  if (instance->faults != 0 && instance->op != RDS_SIM_OP_DOWN && instance->op != RDS_SIM_OP_RECOVER)
    primary_failed (self, instance, now);

  /* The standby, built or being built, in a zone that went down (not of a
   * database created, stopped, deleted or down: it waits). */
  if (!exposed (instance) || instance->op == RDS_SIM_OP_DOWN || instance->op == RDS_SIM_OP_RECOVER)
    return;
  if (instance->standby != RDS_SIM_STANDBY_NONE && instance->standby != RDS_SIM_STANDBY_LOST &&
      instance->standby != RDS_SIM_STANDBY_REMOVING &&
      _rds_sim_region_zone_is_down (instance->region, instance->standby_zone) &&
      instance->op != RDS_SIM_OP_FAILOVER)
    replace_standby (self, instance, now);
  else if (instance->standby == RDS_SIM_STANDBY_LOST)
    _rds_sim_standby_build (self, instance, instance->standby_conversion, now);
}

static gboolean
zone_changed_cb (gpointer key,
                 gpointer value,
                 gpointer data)
{
  RdsSimEngine *self = data;

  _rds_sim_instance_zone_changed (self, value, rds_sim_engine_get_now (self));
  return FALSE;
}

static RdsSimRegion *
region_of (RdsSimEngine  *self,
           const char    *name,
           GError       **error)
{
  RdsSimRegion *region = name != NULL ? _rds_sim_engine_get_region (self, name) : NULL;

  if (region == NULL)
    g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                 "The Region '%s' is not one this endpoint serves.", name ? name : "");
  return region;
}

/**
 * rds_sim_engine_set_zone_down:
 *
 * Takes an Availability Zone of @region down, or brings it back: every
 * instance with its primary or its standby there reacts at once.
 */
gboolean
rds_sim_engine_set_zone_down (RdsSimEngine  *self,
                              const char    *region_name,
                              const char    *zone,
                              gboolean       down,
                              GError       **error)
{
  RdsSimRegion *region;
  int index;
  guint mask;

  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), FALSE);

  if ((region = region_of (self, region_name, error)) == NULL)
    return FALSE;
  index = zone_index (region, zone);
  if (index < 0)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "%s is not an Availability Zone of %s.", zone ? zone : "", region->info->name);

  rds_sim_engine_catch_up (self);
  mask = down ? region->zones_down | (1u << index) : region->zones_down & ~(1u << index);
  if (mask == region->zones_down)
    return TRUE;

  region->zones_down = mask;
  rds_sim_engine_settings_changed (self);
  g_tree_foreach (RDS_SIM_INSTANCES (region), zone_changed_cb, self);
  _rds_sim_clusters_zone_changed (self, region);
  return TRUE;
}

/**
 * rds_sim_engine_list_zones_down:
 *
 * Returns: (transfer full): the zones of @region that are down, in order
 */
char **
rds_sim_engine_list_zones_down (RdsSimEngine *self,
                                const char   *region_name)
{
  RdsSimRegion *region = region_of (self, region_name, NULL);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **zones;

  for (guint i = 0; region != NULL && i < rds_region_get_n_zones (region->info); i++)
    if (region->zones_down & (1u << i))
      {
        g_autofree char *zone = rds_region_get_zone (region->info, i);

        g_strv_builder_add (builder, zone);
      }

  zones = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return zones;
}

/**
 * rds_sim_engine_fail_instance:
 * @what: "host" or "storage"
 *
 * The instance's primary host, or its storage volumes, fail.
 */
gboolean
rds_sim_engine_fail_instance (RdsSimEngine  *self,
                              const char    *region_name,
                              const char    *identifier,
                              const char    *what,
                              GError       **error)
{
  RdsSimRegion *region;
  RdsSimInstance *instance;
  guint fault;

  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), FALSE);

  if (g_strcmp0 (what, "host") == 0)
    fault = RDS_SIM_FAULT_HOST;
  else if (g_strcmp0 (what, "storage") == 0)
    fault = RDS_SIM_FAULT_STORAGE;
  else
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "What fails must be \"host\" or \"storage\", not \"%s\".", what ? what : "");

  if ((region = region_of (self, region_name, error)) == NULL)
    return FALSE;
  rds_sim_engine_catch_up (self);
  if ((instance = _rds_sim_instance_lookup (region, identifier, error)) == NULL)
    return FALSE;
  if (fault == RDS_SIM_FAULT_STORAGE && rds_shape_get_string (shape (instance), "db-cluster-identifier") != NULL)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                          "DB instance %s keeps its data in its cluster's volume: fail copies of the volume "
                          "instead ({\"cluster\": …, \"copy\": …}).", identifier);
  if (!exposed (instance) || instance->op == RDS_SIM_OP_DOWN || instance->op == RDS_SIM_OP_RECOVER ||
      instance->op == RDS_SIM_OP_FAILOVER)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                          "DB instance %s is %s: it has no running host to fail.", identifier,
                          rds_db_instance_get_status (instance->model));

  instance->faults |= fault;
  _rds_sim_instance_dirty (self, instance);
  primary_failed (self, instance, rds_sim_engine_get_now (self));
  return TRUE;
}

/**
 * rds_sim_engine_describe_instance:
 *
 * What the simulator knows of an instance beyond the API: its operation,
 * its standby and the step of building one, its faults, its replication.
 *
 * Returns: (transfer full) (nullable): a JSON object
 */
JsonNode *
rds_sim_engine_describe_instance (RdsSimEngine  *self,
                                  const char    *region_name,
                                  const char    *identifier,
                                  GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  RdsSimRegion *region;
  RdsSimInstance *instance;
  gint64 now;

  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), NULL);

  if ((region = region_of (self, region_name, error)) == NULL)
    return NULL;
  rds_sim_engine_catch_up (self);
  if ((instance = _rds_sim_instance_lookup (region, identifier, error)) == NULL)
    return NULL;
  now = rds_sim_engine_get_now (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "instance");
  json_builder_add_string_value (builder, instance->id);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, rds_db_instance_get_status (instance->model));
  json_builder_set_member_name (builder, "operation");
  json_builder_add_string_value (builder, _rds_sim_op_get_name (instance->op));
  if (instance->due[RDS_SIM_TIMER_STEP] != 0)
    {
      json_builder_set_member_name (builder, "operationEnds");
      json_builder_add_int_value (builder, instance->due[RDS_SIM_TIMER_STEP] / G_USEC_PER_SEC);
    }
  json_builder_set_member_name (builder, "zone");
  json_builder_add_string_value (builder, primary_zone (instance));

  json_builder_set_member_name (builder, "standby");
  if (instance->standby == RDS_SIM_STANDBY_NONE)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, _rds_sim_standby_get_name (instance->standby));
      json_builder_set_member_name (builder, "zone");
      if (instance->standby_zone != NULL)
        json_builder_add_string_value (builder, instance->standby_zone);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "conversion");
      json_builder_add_boolean_value (builder, instance->standby_conversion);
      if (_rds_sim_standby_is_building (instance) && instance->standby != RDS_SIM_STANDBY_LOST)
        {
          gint64 step_started = instance->standby_started;

          for (RdsSimStandby step = RDS_SIM_STANDBY_SNAPSHOT; step < instance->standby; step++)
            step_started += step_duration (self, instance, step);
          json_builder_set_member_name (builder, "started");
          json_builder_add_int_value (builder, instance->standby_started / G_USEC_PER_SEC);
          json_builder_set_member_name (builder, "stepStarted");
          json_builder_add_int_value (builder, step_started / G_USEC_PER_SEC);
          json_builder_set_member_name (builder, "stepEnds");
          json_builder_add_int_value (builder, instance->due[RDS_SIM_TIMER_STANDBY] / G_USEC_PER_SEC);
        }
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "faults");
  json_builder_begin_array (builder);
  if (instance->faults & RDS_SIM_FAULT_ZONE)
    json_builder_add_string_value (builder, "zone");
  if (instance->faults & RDS_SIM_FAULT_HOST)
    json_builder_add_string_value (builder, "host");
  if (instance->faults & RDS_SIM_FAULT_STORAGE)
    json_builder_add_string_value (builder, "storage");
  json_builder_end_array (builder);

  if (instance->last_failover != 0)
    {
      json_builder_set_member_name (builder, "lastFailover");
      json_builder_add_int_value (builder, instance->last_failover / G_USEC_PER_SEC);
    }

  json_builder_set_member_name (builder, "replication");
  if (instance->replication == RDS_SIM_REPLICATION_NONE)
    json_builder_add_null_value (builder);
  else
    {
      double lag;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, _rds_sim_replication_get_name (instance->replication));
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, rds_shape_get_string (shape (instance),
                                                                    "read-replica-source-db-instance-identifier"));
      json_builder_set_member_name (builder, "lagSeconds");
      /* As of now, not as of the last whole minute CloudWatch has. */
      if (_rds_sim_instance_replica_lag (instance, _rds_sim_instance_get_source (instance), now, &lag))
        json_builder_add_double_value (builder, lag);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
