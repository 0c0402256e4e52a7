/* rds-sim-engine-backups.c: automated backups: the first at creation, then
 * one a day in the backup window, kept for the retention period; the
 * restorable window; the backups an instance leaves when it is deleted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An automated backup is a snapshot named rds:<instance>-YYYY-MM-DD-HH-MM
 * (SnapshotType automated) plus the transaction logs RDS ships every five
 * minutes: together they restore the instance to any second between the
 * oldest backup kept and LatestRestorableTime. An instance keeps the names
 * of its automated snapshots, oldest first; they go when they are older
 * than the retention period, when backups are turned off, or with the
 * instance unless it is deleted with DeleteAutomatedBackups=false, in which
 * case they stay behind as a retained automated backup until they expire.
 */

#include "config.h"

#include "rds-sim-engine-private.h"

#include <string.h>

#include "rds-restore-window.h"
#include "rds-rules.h"

#define MINUTE USEC (60)
#define DAY    USEC (86400)

static RdsShape *
shape (RdsSimInstance *instance)
{
  return RDS_SHAPE (instance->model);
}

static GPtrArray *
automated_of (RdsSimInstance *instance)
{
  if (instance->automated == NULL)
    instance->automated = g_ptr_array_new_with_free_func (g_free);
  return instance->automated;
}

/* The backups' own names */

static char *
backup_name (const char *instance_id,
             gint64      time)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (time / G_USEC_PER_SEC);

  return g_strdup_printf ("rds:%s-%04d-%02d-%02d-%02d-%02d", instance_id,
                          g_date_time_get_year (date), g_date_time_get_month (date),
                          g_date_time_get_day_of_month (date), g_date_time_get_hour (date),
                          g_date_time_get_minute (date));
}

/* Taking one */

static gboolean
can_back_up (RdsSimInstance *instance)
{
  const char *status = rds_db_instance_get_status (instance->model);

  /* Not while it is being made, stopped or going away, nor while it is
   * down: there is nothing running to back up. */
  return rds_shape_get_int (shape (instance), "backup-retention-period") > 0 &&
         rds_shape_get_timestamp (shape (instance), "instance-create-time") != 0 &&
         instance->op != RDS_SIM_OP_CREATE && instance->op != RDS_SIM_OP_DELETE &&
         instance->op != RDS_SIM_OP_DOWN && instance->op != RDS_SIM_OP_STOP &&
         g_strcmp0 (status, "stopped") != 0 && g_strcmp0 (status, "starting") != 0 &&
         g_strcmp0 (status, "failed") != 0 &&
         /* Without its key, nothing can be read to back up. */
         !g_str_has_prefix (status != NULL ? status : "", "inaccessible-encryption-credentials");
}

/**
 * _rds_sim_backup_take:
 * @due: when the snapshot is done
 *
 * Starts an automated snapshot of @instance (its data as of @now).
 */
void
_rds_sim_backup_take (RdsSimEngine   *self,
                      RdsSimInstance *instance,
                      gint64          now,
                      gint64          due)
{
  g_autofree char *id = backup_name (rds_db_instance_get_identifier (instance->model), now);

  /* Two in the same minute (a backup turned off and on again): one. */
  if (g_tree_lookup (RDS_SIM_SNAPSHOTS (instance->region), id) != NULL)
    return;

  /* With the instance's tags when it copies them to snapshots. */
  _rds_sim_snapshot_start (self, instance, id, NULL, now, due);
  g_ptr_array_add (automated_of (instance), g_steal_pointer (&id));
  _rds_sim_instance_dirty (self, instance);
}

/* When the daily backup after @after starts: in the backup window, at a
 * minute of it of the instance's own, leaving time to finish within it. */
static gint64
next_backup (RdsSimEngine   *self,
             RdsSimInstance *instance,
             gint64          after)
{
  int start, length;
  gint64 day, offset, candidate;

  if (!rds_rules_parse_backup_window (rds_shape_get_string (shape (instance), "preferred-backup-window"),
                                      &start, &length, NULL))
    {
      start = 0;
      length = 30;
    }

  offset = _rds_sim_instance_hashed_duration (self, instance, "backup-minute", 0, 0,
                                              MAX (0, length - 20) * 60);
  day = after - after % DAY;
  candidate = day + (gint64) start * MINUTE + offset;
  while (candidate <= after)
    candidate += DAY;
  return candidate;
}

/**
 * _rds_sim_backup_schedule:
 *
 * Sets the next daily backup of @instance after @now, or none when it has
 * no backups.
 */
void
_rds_sim_backup_schedule (RdsSimEngine   *self,
                          RdsSimInstance *instance,
                          gint64          now)
{
  gint64 due = 0;

  /* An Aurora instance's cluster volume is backed up continuously. */
  if (rds_shape_get_int (shape (instance), "backup-retention-period") > 0 &&
      instance->op != RDS_SIM_OP_DELETE &&
      rds_shape_get_string (shape (instance), "db-cluster-identifier") == NULL)
    due = next_backup (self, instance, now);
  if (due != instance->due[RDS_SIM_TIMER_BACKUP])
    {
      _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_BACKUP, due);
      _rds_sim_instance_dirty (self, instance);
    }
}

/* The snapshots of @automated older than @cutoff go: the restorable
 * window starts at the oldest one kept, up to a day short of the
 * retention period until the next backup. */
static void
expire (RdsSimEngine *self,
        RdsSimRegion *region,
        GPtrArray    *automated,
        gint64        cutoff)
{
  guint remove = 0;

  for (guint i = 0; i < automated->len; i++)
    {
      RdsSimSnapshot *snapshot = g_tree_lookup (RDS_SIM_SNAPSHOTS (region), g_ptr_array_index (automated, i));

      if (snapshot == NULL)
        {
          /* Gone already (a state from elsewhere): forgotten. */
          if (i == remove)
            remove++;
          continue;
        }
      if (rds_shape_get_timestamp (RDS_SHAPE (snapshot->model), "snapshot-create-time") >= cutoff)
        break;
      remove = i + 1;
    }

  for (guint i = 0; i < remove; i++)
    {
      RdsSimSnapshot *snapshot = g_tree_lookup (RDS_SIM_SNAPSHOTS (region), g_ptr_array_index (automated, i));

      if (snapshot != NULL)
        _rds_sim_resource_remove (self, &snapshot->resource);
    }
  if (remove > 0)
    g_ptr_array_remove_range (automated, 0, remove);
}

/**
 * _rds_sim_backup_expire:
 *
 * What is older than @instance's retention period goes.
 */
void
_rds_sim_backup_expire (RdsSimEngine   *self,
                        RdsSimInstance *instance,
                        gint64          now)
{
  int retention = rds_shape_get_int (shape (instance), "backup-retention-period");
  guint before;

  if (instance->automated == NULL || retention <= 0)
    return;

  before = instance->automated->len;
  expire (self, instance->region, instance->automated, now - retention * DAY);
  if (instance->automated->len != before)
    _rds_sim_instance_dirty (self, instance);
}

/**
 * _rds_sim_backup_delete_all:
 *
 * Every automated snapshot of @instance goes (backups turned off, or the
 * instance deleted with its backups).
 */
void
_rds_sim_backup_delete_all (RdsSimEngine   *self,
                            RdsSimInstance *instance)
{
  if (instance->automated == NULL || instance->automated->len == 0)
    return;

  expire (self, instance->region, instance->automated, G_MAXINT64);
  _rds_sim_instance_dirty (self, instance);
}

/**
 * _rds_sim_backup_fire:
 *
 * The daily backup is due: taken if the instance can be backed up (a
 * Single-AZ one is backing-up meanwhile; a Multi-AZ one is backed up from
 * its standby), and the next one set.
 */
void
_rds_sim_backup_fire (RdsSimEngine   *self,
                      RdsSimInstance *instance,
                      gint64          now)
{
  gboolean multi_az = rds_shape_get_boolean (shape (instance), "multi-az") &&
                      instance->standby == RDS_SIM_STANDBY_IN_SYNC;
  gint64 due;

  instance->due[RDS_SIM_TIMER_BACKUP] = 0;
  if (can_back_up (instance))
    {
      _rds_sim_backup_expire (self, instance, now);
      due = now + _rds_sim_instance_hashed_duration (self, instance, "daily-backup", now, 60, 240);
      _rds_sim_instance_emit (self, instance, "Backing up DB instance.", "backup", now);
      _rds_sim_backup_take (self, instance, now, due);

      /* The I/O of a Single-AZ instance is suspended for the snapshot; a
       * Multi-AZ one (or one busy otherwise) is backed up without a
       * status of its own, and the snapshot's end says it is done. */
      if (!multi_az && instance->op == RDS_SIM_OP_NONE &&
          g_strcmp0 (rds_db_instance_get_status (instance->model), "available") == 0)
        _rds_sim_instance_start_op (self, instance, RDS_SIM_OP_BACKUP, "backing-up", due);
    }
  _rds_sim_backup_schedule (self, instance, now);
}

/**
 * _rds_sim_backup_finish:
 *
 * A daily backup is done (the instance's backing-up step ended).
 */
void
_rds_sim_backup_finish (RdsSimEngine   *self,
                        RdsSimInstance *instance,
                        gint64          now)
{
  _rds_sim_instance_emit (self, instance, "Finished DB Instance backup.", "backup", now);
  _rds_sim_instance_become_available (self, instance, now);
}

/* The restorable window */

/**
 * _rds_sim_backup_earliest:
 * @automated: (nullable): an instance's automated snapshots, oldest first
 *
 * Returns: the earliest time the backups can restore to: when the oldest
 *   finished backup was taken; 0 if none is finished
 */
gint64
_rds_sim_backup_earliest (RdsSimRegion *region,
                          GPtrArray    *automated)
{
  for (guint i = 0; automated != NULL && i < automated->len; i++)
    {
      RdsSimSnapshot *snapshot = g_tree_lookup (RDS_SIM_SNAPSHOTS (region), g_ptr_array_index (automated, i));

      if (snapshot != NULL && g_strcmp0 (rds_db_snapshot_get_status (snapshot->model), "available") == 0)
        return rds_shape_get_timestamp (RDS_SHAPE (snapshot->model), "snapshot-create-time");
    }
  return 0;
}

/**
 * _rds_sim_backup_base:
 * @time: a time in the restorable window
 *
 * Returns: (nullable): the newest finished automated snapshot taken at or
 *   before @time, which a restore to @time starts from
 */
RdsSimSnapshot *
_rds_sim_backup_base (RdsSimRegion *region,
                      GPtrArray    *automated,
                      gint64        time)
{
  RdsSimSnapshot *base = NULL;

  for (guint i = 0; automated != NULL && i < automated->len; i++)
    {
      RdsSimSnapshot *snapshot = g_tree_lookup (RDS_SIM_SNAPSHOTS (region), g_ptr_array_index (automated, i));

      if (snapshot == NULL || g_strcmp0 (rds_db_snapshot_get_status (snapshot->model), "available") != 0)
        continue;
      if (rds_shape_get_timestamp (RDS_SHAPE (snapshot->model), "snapshot-create-time") > time)
        break;
      base = snapshot;
    }
  return base;
}

/* DescribeDBInstanceAutomatedBackups: an instance's, as it is now */

static RdsShape *
window_new (gint64 earliest,
            gint64 latest)
{
  RdsShape *window = g_object_new (RDS_TYPE_RESTORE_WINDOW, NULL);

  rds_shape_set_timestamp (window, "earliest-time", earliest);
  rds_shape_set_timestamp (window, "latest-time", latest);
  return window;
}

static RdsDbInstanceAutomatedBackup *
automated_backup_new (RdsSimEngine  *self,
                      RdsSimRegion  *region,
                      RdsDbInstance *instance,
                      const char    *status)
{
  RdsShape *source = RDS_SHAPE (instance);
  RdsShape *endpoint = rds_shape_get_object (source, "endpoint");
  RdsShape *subnet_group = rds_shape_get_object (source, "db-subnet-group");
  GListModel *option_groups = rds_shape_get_list (source, "option-group-memberships");
  g_autoptr(RdsShape) option_group = NULL;
  const char *resource_id = rds_db_instance_get_resource_id (instance);
  g_autofree char *arn = NULL;
  g_autofree char *suffix = NULL;
  RdsShape *model;

  if (option_groups != NULL && g_list_model_get_n_items (option_groups) > 0)
    option_group = g_list_model_get_item (option_groups, 0);
  /* arn:aws:rds:REGION:ACCOUNT:auto-backup:ab-…, from the resource ID. */
  suffix = g_ascii_strdown (resource_id != NULL && g_str_has_prefix (resource_id, "db-") ? resource_id + 3
                            : resource_id != NULL ? resource_id : "", -1);
  arn = g_strdup_printf ("arn:aws:rds:%s:%s:auto-backup:ab-%s", region->info->name,
                         rds_sim_engine_get_account_id (self), suffix);

  model = g_object_new (RDS_TYPE_DB_INSTANCE_AUTOMATED_BACKUP,
                        "db-instance-arn", rds_db_instance_get_arn (instance),
                        "dbi-resource-id", resource_id,
                        "region", region->info->name,
                        "db-instance-identifier", rds_db_instance_get_identifier (instance),
                        "allocated-storage", rds_shape_get_int (source, "allocated-storage"),
                        "status", status,
                        "port", endpoint != NULL ? rds_shape_get_int (endpoint, "port") : 0,
                        "availability-zone", rds_shape_get_string (source, "availability-zone"),
                        "vpc-id", subnet_group != NULL ? rds_shape_get_string (subnet_group, "vpc-id") : NULL,
                        "master-username", rds_shape_get_string (source, "master-username"),
                        "engine", rds_db_instance_get_engine (instance),
                        "engine-version", rds_shape_get_string (source, "engine-version"),
                        "license-model", rds_shape_get_string (source, "license-model"),
                        "iops", rds_shape_get_int (source, "iops"),
                        "option-group-name",
                        option_group != NULL ? rds_shape_get_string (option_group, "option-group-name") : NULL,
                        "encrypted", rds_shape_get_boolean (source, "storage-encrypted"),
                        "storage-type", rds_shape_get_string (source, "storage-type"),
                        "kms-key-id", rds_shape_get_string (source, "kms-key-id"),
                        "timezone", rds_shape_get_string (source, "timezone"),
                        "iam-database-authentication-enabled",
                        rds_shape_get_boolean (source, "iam-database-authentication-enabled"),
                        "backup-retention-period", rds_shape_get_int (source, "backup-retention-period"),
                        "db-instance-automated-backups-arn", arn,
                        "backup-target", "region",
                        "storage-throughput", rds_shape_get_int (source, "storage-throughput"),
                        NULL);
  rds_shape_set_timestamp (model, "instance-create-time", rds_shape_get_timestamp (source, "instance-create-time"));
  return RDS_DB_INSTANCE_AUTOMATED_BACKUP (model);
}

/* Its window now: from the oldest finished backup to the logs shipped last. */
static void
set_window (RdsShape *model,
            gint64    earliest,
            gint64    latest)
{
  g_autoptr(RdsShape) window = NULL;

  if (earliest == 0)
    {
      rds_shape_set_object (model, "restore-window", NULL);
      return;
    }
  window = window_new (earliest, MAX (earliest, latest));
  rds_shape_set_object (model, "restore-window", window);
}

static RdsDbInstanceAutomatedBackup *
describe_active (RdsSimEngine   *self,
                 RdsSimInstance *instance,
                 gint64          now)
{
  gint64 earliest = _rds_sim_backup_earliest (instance->region, instance->automated);
  RdsDbInstanceAutomatedBackup *backup;

  _rds_sim_instance_refresh (self, instance, now);
  backup = automated_backup_new (self, instance->region, instance->model, earliest != 0 ? "active" : "creating");
  set_window (RDS_SHAPE (backup), earliest, rds_shape_get_timestamp (shape (instance), "latest-restorable-time"));
  return backup;
}

/* Retained automated backups */

static RdsSimRetainedBackup *
retained_lookup (RdsSimRegion *region,
                 const char   *resource_id)
{
  return resource_id != NULL ? g_tree_lookup (_rds_sim_region_resources (region, &_rds_sim_kind_retained_backup),
                                              resource_id)
                             : NULL;
}

/* Its next expiry: when its oldest snapshot passes the retention period. */
static void
retained_schedule (RdsSimEngine         *self,
                   RdsSimRetainedBackup *retained)
{
  int retention = rds_shape_get_int (RDS_SHAPE (retained->model), "backup-retention-period");
  gint64 due = 0;

  for (guint i = 0; i < retained->automated->len && due == 0; i++)
    {
      RdsSimSnapshot *snapshot = g_tree_lookup (RDS_SIM_SNAPSHOTS (retained->region),
                                                g_ptr_array_index (retained->automated, i));

      if (snapshot != NULL)
        due = rds_shape_get_timestamp (RDS_SHAPE (snapshot->model), "snapshot-create-time") + retention * DAY;
    }
  _rds_sim_engine_schedule (self, &retained->resource, 0, due);
}

/**
 * _rds_sim_backup_retain:
 *
 * @instance is being deleted with DeleteAutomatedBackups=false: its
 * automated snapshots stay, as a retained automated backup restorable to
 * the time it was deleted.
 */
void
_rds_sim_backup_retain (RdsSimEngine   *self,
                        RdsSimInstance *instance,
                        gint64          now)
{
  RdsSimRetainedBackup *retained;
  gint64 earliest;

  if (instance->automated == NULL || instance->automated->len == 0 ||
      rds_db_instance_get_resource_id (instance->model) == NULL)
    return;

  _rds_sim_instance_refresh (self, instance, now);
  earliest = _rds_sim_backup_earliest (instance->region, instance->automated);

  retained = g_new0 (RdsSimRetainedBackup, 1);
  retained->kind = &_rds_sim_kind_retained_backup;
  retained->region = instance->region;
  retained->model = automated_backup_new (self, instance->region, instance->model, "retained");
  set_window (RDS_SHAPE (retained->model), earliest,
              rds_shape_get_timestamp (shape (instance), "latest-restorable-time"));
  retained->automated = g_steal_pointer (&instance->automated);
  retained->instance = RDS_DB_INSTANCE (rds_shape_copy (shape (instance)));
  _rds_sim_region_add (instance->region, &retained->resource);
  retained_schedule (self, retained);
  _rds_sim_resource_changed (self, &retained->resource);
  _rds_sim_instance_dirty (self, instance);
}

/**
 * _rds_sim_backup_lookup:
 * @resource_id: (nullable): a DbiResourceId
 * @arn: (nullable): or a DBInstanceAutomatedBackupsArn
 * @instance: (out) (optional) (nullable): the instance the backups are of, if it exists
 * @retained: (out) (optional) (nullable): or the retained backup
 *
 * Finds automated backups: an instance's, or those one left.
 *
 * Returns: whether either was found; %FALSE with
 *   DBInstanceAutomatedBackupNotFound otherwise
 */
gboolean
_rds_sim_backup_lookup (RdsSimEngine          *self,
                        RdsSimRegion          *region,
                        const char            *resource_id,
                        const char            *arn,
                        RdsSimInstance       **instance,
                        RdsSimRetainedBackup **retained,
                        GError               **error)
{
  RdsSimRetainedBackup *found_retained = NULL;
  RdsSimInstance *found_instance = NULL;

  if (arn != NULL)
    {
      /* …:auto-backup:ab-<resource ID in lowercase> */
      const char *tail = strstr (arn, ":auto-backup:ab-");

      if (tail != NULL)
        {
          g_autofree char *upper = g_ascii_strup (tail + strlen (":auto-backup:ab-"), -1);
          g_autofree char *id = g_strconcat ("db-", upper, NULL);

          return _rds_sim_backup_lookup (self, region, id, NULL, instance, retained, error);
        }
    }
  else if (resource_id != NULL)
    {
      found_retained = retained_lookup (region, resource_id);
      for (GTreeNode *node = g_tree_node_first (RDS_SIM_INSTANCES (region));
           found_retained == NULL && node != NULL; node = g_tree_node_next (node))
        {
          RdsSimInstance *candidate = g_tree_node_value (node);

          if (g_strcmp0 (rds_db_instance_get_resource_id (candidate->model), resource_id) == 0)
            found_instance = candidate;
          if (found_instance != NULL)
            break;
        }
    }

  if (instance != NULL)
    *instance = found_instance;
  if (retained != NULL)
    *retained = found_retained;
  if (found_instance == NULL && found_retained == NULL)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_INSTANCE_AUTOMATED_BACKUP_NOT_FOUND,
                   "No automated backup found for %s.", arn != NULL ? arn : resource_id != NULL ? resource_id : "");
      return FALSE;
    }
  return TRUE;
}

/**
 * _rds_sim_retained_get_automated:
 *
 * Returns: (transfer none): the automated snapshots @retained keeps
 */
GPtrArray *
_rds_sim_retained_get_automated (RdsSimRetainedBackup *retained)
{
  return retained->automated;
}

static gboolean
backup_matches (RdsDbInstanceAutomatedBackup *backup,
                const char                   *instance_name,
                const char                   *resource_id,
                const char                   *arn,
                GPtrArray                    *filters)
{
  RdsShape *model = RDS_SHAPE (backup);

  if (instance_name != NULL &&
      g_ascii_strcasecmp (instance_name, rds_shape_get_string (model, "db-instance-identifier")) != 0)
    return FALSE;
  if (resource_id != NULL && g_strcmp0 (resource_id, rds_db_instance_automated_backup_get_resource_id (backup)) != 0)
    return FALSE;
  if (arn != NULL && g_strcmp0 (arn, rds_shape_get_string (model, "db-instance-automated-backups-arn")) != 0)
    return FALSE;

  for (guint i = 0; filters != NULL && i < filters->len; i++)
    {
      RdsFilter *filter = g_ptr_array_index (filters, i);
      gboolean any = FALSE;

      for (guint j = 0; filter->values[j] != NULL && !any; j++)
        {
          const char *value = filter->values[j];

          if (g_str_equal (filter->name, "status"))
            any = g_strcmp0 (value, rds_db_instance_automated_backup_get_status (backup)) == 0;
          else if (g_str_equal (filter->name, "db-instance-id"))
            any = g_ascii_strcasecmp (value, rds_shape_get_string (model, "db-instance-identifier")) == 0 ||
                  g_strcmp0 (value, rds_shape_get_string (model, "db-instance-arn")) == 0;
          else if (g_str_equal (filter->name, "dbi-resource-id"))
            any = g_strcmp0 (value, rds_db_instance_automated_backup_get_resource_id (backup)) == 0;
        }
      if (!any)
        return FALSE;
    }
  return TRUE;
}

static int
compare_backups (gconstpointer a,
                 gconstpointer b)
{
  RdsShape *first = *(RdsShape **) a;
  RdsShape *second = *(RdsShape **) b;

  return g_strcmp0 (rds_shape_get_string (first, "dbi-resource-id"),
                    rds_shape_get_string (second, "dbi-resource-id"));
}

RdsQueryResult *
_rds_sim_action_describe_db_instance_automated_backups (RdsSimEngine  *self,
                                                        RdsSimRegion  *region,
                                                        RdsRequest    *request,
                                                        GError       **error)
{
  static const char * const known[] = { "status", "db-instance-id", "dbi-resource-id", NULL };
  g_autoptr(RdsQueryResult) result = rds_query_result_new (rds_action_lookup ("DescribeDBInstanceAutomatedBackups"));
  g_autoptr(GPtrArray) filters = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *after = NULL;
  const char *instance_name = rds_request_get_string (request, "DBInstanceIdentifier");
  const char *resource_id = rds_request_get_string (request, "DbiResourceId");
  const char *arn = rds_request_get_string (request, "DBInstanceAutomatedBackupsArn");
  const char *marker;
  gint64 now = rds_sim_engine_get_now (self);
  int max_records;

  if (!_rds_sim_engine_page_args (request, 100, &max_records, &marker, error))
    return NULL;
  if ((filters = rds_request_get_filters (request, error)) == NULL)
    return NULL;
  for (guint i = 0; i < filters->len; i++)
    {
      RdsFilter *filter = g_ptr_array_index (filters, i);

      if (!g_strv_contains (known, filter->name))
        {
          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                       "Unrecognized filter name: %s. The filters of DescribeDBInstanceAutomatedBackups "
                       "are status, db-instance-id and dbi-resource-id.", filter->name);
          return NULL;
        }
    }
  if (marker != NULL && (after = _rds_sim_decode_marker (marker, error)) == NULL)
    return NULL;

  for (GTreeNode *node = g_tree_node_first (RDS_SIM_INSTANCES (region)); node != NULL; node = g_tree_node_next (node))
    {
      RdsSimInstance *instance = g_tree_node_value (node);
      g_autoptr(RdsDbInstanceAutomatedBackup) backup = NULL;

      /* An Aurora instance's backups are its cluster's, not listed here. */
      if ((rds_shape_get_int (shape (instance), "backup-retention-period") <= 0 &&
           (instance->automated == NULL || instance->automated->len == 0)) ||
          instance->op == RDS_SIM_OP_DELETE || rds_shape_get_string (shape (instance), "db-cluster-identifier") != NULL)
        continue;
      if (instance_name != NULL && g_ascii_strcasecmp (instance_name, rds_db_instance_get_identifier (instance->model)) != 0)
        continue;
      backup = describe_active (self, instance, now);
      if (backup_matches (backup, instance_name, resource_id, arn, filters))
        g_ptr_array_add (all, g_steal_pointer (&backup));
    }
  for (GTreeNode *node = g_tree_node_first (_rds_sim_region_resources (region, &_rds_sim_kind_retained_backup));
       node != NULL; node = g_tree_node_next (node))
    {
      RdsSimRetainedBackup *retained = g_tree_node_value (node);

      if (backup_matches (retained->model, instance_name, resource_id, arn, filters))
        g_ptr_array_add (all, g_object_ref (retained->model));
    }

  if ((instance_name != NULL || resource_id != NULL || arn != NULL) && all->len == 0 && filters->len == 0)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_INSTANCE_AUTOMATED_BACKUP_NOT_FOUND,
                   "No automated backup found for %s.",
                   instance_name != NULL ? instance_name : resource_id != NULL ? resource_id : arn);
      return NULL;
    }

  /* In the order of their resource IDs, which the marker names. */
  g_ptr_array_sort (all, compare_backups);
  for (guint i = 0; i < all->len; i++)
    {
      RdsShape *backup = g_ptr_array_index (all, i);
      const char *id = rds_shape_get_string (backup, "dbi-resource-id");

      if (after != NULL && g_strcmp0 (id, after) <= 0)
        continue;
      if (result->items->len == (guint) max_records)
        {
          RdsShape *last = g_ptr_array_index (result->items, result->items->len - 1);

          result->marker = _rds_sim_encode_marker (rds_shape_get_string (last, "dbi-resource-id"));
          break;
        }
      g_ptr_array_add (result->items, g_object_ref (backup));
    }

  return g_steal_pointer (&result);
}

RdsQueryResult *
_rds_sim_action_delete_db_instance_automated_backup (RdsSimEngine  *self,
                                                     RdsSimRegion  *region,
                                                     RdsRequest    *request,
                                                     GError       **error)
{
  const char *resource_id = rds_request_get_string (request, "DbiResourceId");
  const char *arn = rds_request_get_string (request, "DBInstanceAutomatedBackupsArn");
  g_autoptr(RdsQueryResult) result = NULL;
  g_autoptr(RdsShape) model = NULL;
  RdsSimRetainedBackup *retained = NULL;
  RdsSimInstance *instance = NULL;

  if (resource_id == NULL && arn == NULL)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "Specify either DbiResourceId or DBInstanceAutomatedBackupsArn.");
      return NULL;
    }
  if (!_rds_sim_backup_lookup (self, region, resource_id, arn, &instance, &retained, error))
    return NULL;
  if (retained == NULL)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_DB_INSTANCE_AUTOMATED_BACKUP_STATE,
                   "The automated backups of %s belong to a running DB instance; they can only be "
                   "deleted once the instance is, or by setting its backup retention period to 0.",
                   rds_db_instance_get_identifier (instance->model));
      return NULL;
    }

  for (guint i = 0; i < retained->automated->len; i++)
    {
      RdsSimSnapshot *snapshot = g_tree_lookup (RDS_SIM_SNAPSHOTS (region), g_ptr_array_index (retained->automated, i));

      if (snapshot != NULL)
        _rds_sim_resource_remove (self, &snapshot->resource);
    }
  model = rds_shape_copy (RDS_SHAPE (retained->model));
  rds_shape_set_string (model, "status", "deleting");
  _rds_sim_resource_remove (self, &retained->resource);

  result = rds_query_result_new (rds_action_lookup ("DeleteDBInstanceAutomatedBackup"));
  result->item = g_steal_pointer (&model);
  return g_steal_pointer (&result);
}

/* The retained-backup kind */

static void
retained_fire (RdsSimEngine   *self,
               RdsSimResource *resource,
               guint           timer,
               gint64          now)
{
  RdsSimRetainedBackup *retained = (RdsSimRetainedBackup *) resource;
  int retention = rds_shape_get_int (RDS_SHAPE (retained->model), "backup-retention-period");

  expire (self, retained->region, retained->automated, now - retention * DAY + 1);
  if (retained->automated->len == 0)
    {
      _rds_sim_resource_remove (self, &retained->resource);
      return;
    }
  set_window (RDS_SHAPE (retained->model), _rds_sim_backup_earliest (retained->region, retained->automated),
              rds_shape_get_timestamp (RDS_SHAPE (retained->instance), "latest-restorable-time"));
  retained_schedule (self, retained);
  _rds_sim_resource_changed (self, &retained->resource);
}

static void
retained_free (RdsSimResource *resource)
{
  RdsSimRetainedBackup *retained = (RdsSimRetainedBackup *) resource;

  g_clear_object (&retained->model);
  g_clear_object (&retained->instance);
  g_clear_pointer (&retained->automated, g_ptr_array_unref);
  g_free (retained);
}

JsonArray *
_rds_sim_backup_save_names (GPtrArray *automated)
{
  JsonArray *names = json_array_new ();

  for (guint i = 0; automated != NULL && i < automated->len; i++)
    json_array_add_string_element (names, g_ptr_array_index (automated, i));
  return names;
}

GPtrArray *
_rds_sim_backup_load_names (JsonObject *sim)
{
  JsonNode *node = json_object_get_member (sim, "automated");
  GPtrArray *names;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *name = json_array_get_string_element (array, i);

      if (name != NULL)
        g_ptr_array_add (names, g_strdup (name));
    }
  return names;
}

/* Saved: {"automated": […], "instance": {the instance as it was}, "due": …} */
static void
retained_save (RdsSimResource *resource,
               JsonObject     *sim)
{
  RdsSimRetainedBackup *retained = (RdsSimRetainedBackup *) resource;

  json_object_set_array_member (sim, "automated", _rds_sim_backup_save_names (retained->automated));
  json_object_set_member (sim, "instance", rds_shape_to_json (RDS_SHAPE (retained->instance)));
  if (retained->due[0] != 0)
    json_object_set_int_member (sim, "due", retained->due[0]);
}

static RdsSimResource *
retained_load (RdsSimRegion  *region,
               RdsShape      *model,
               JsonObject    *sim,
               GError       **error)
{
  g_autoptr(RdsShape) owned = model;
  g_autoptr(RdsShape) instance = NULL;
  JsonNode *node = json_object_get_member (sim, "instance");
  RdsSimRetainedBackup *retained;

  if (node == NULL || (instance = rds_shape_new_from_json (RDS_TYPE_DB_INSTANCE, node, error)) == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             "a retained automated backup has no instance");
      return NULL;
    }

  retained = g_new0 (RdsSimRetainedBackup, 1);
  retained->kind = &_rds_sim_kind_retained_backup;
  retained->region = region;
  retained->model = RDS_DB_INSTANCE_AUTOMATED_BACKUP (g_steal_pointer (&owned));
  retained->instance = RDS_DB_INSTANCE (g_steal_pointer (&instance));
  retained->automated = _rds_sim_backup_load_names (sim);
  if (retained->automated == NULL)
    retained->automated = g_ptr_array_new_with_free_func (g_free);
  retained->due[0] = json_object_get_int_member_with_default (sim, "due", 0);
  return &retained->resource;
}

static const RdsSimAction retained_actions[] = {
  { "DescribeDBInstanceAutomatedBackups", _rds_sim_action_describe_db_instance_automated_backups },
  { "DeleteDBInstanceAutomatedBackup", _rds_sim_action_delete_db_instance_automated_backup },
  { NULL }
};

RdsSimKind _rds_sim_kind_retained_backup = {
  .name = "db-instance-automated-backup",
  .arn_type = "auto-backup",
  .model_type = rds_db_instance_automated_backup_get_type,
  .id_property = "dbi-resource-id",
  .not_found = RDS_AWS_ERROR_DB_INSTANCE_AUTOMATED_BACKUP_NOT_FOUND,
  .not_found_message = "No automated backup found for %s.",
  .timer_order = 2,
  .actions = retained_actions,
  .save = retained_save,
  .load = retained_load,
  .fire = retained_fire,
  .free = retained_free,
};
