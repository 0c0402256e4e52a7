/* rds-sim-engine-cluster-snapshots.c: snapshots of Aurora cluster volumes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Manual snapshots (CreateDBClusterSnapshot, a cluster's final snapshot,
 * copies) and the daily automated ones, taken in the backup window and
 * kept for the retention period. Aurora's backups are continuous besides:
 * a cluster restores to any second of its window (see the clusters).
 */

#include "config.h"

#include <string.h>

#include "rds-sim-engine-private.h"

#include "rds-rules.h"
#include "rds-tag.h"

#define DAY (G_GINT64_CONSTANT (86400))
/* Automated snapshots are named rds:…, before any other name starting with
 * a letter. */
#define AUTOMATED_PREFIX "rds:"

static const char *
snapshot_id (RdsSimClusterSnapshot *snapshot)
{
  return rds_db_cluster_snapshot_get_identifier (snapshot->model);
}

static void
changed (RdsSimEngine          *self,
         RdsSimClusterSnapshot *snapshot)
{
  _rds_sim_resource_changed (self, &snapshot->resource);
}

static void
emit (RdsSimEngine          *self,
      RdsSimClusterSnapshot *snapshot,
      const char            *message,
      const char            *category,
      gint64                 now)
{
  _rds_sim_engine_emit (self, snapshot->region, "db-cluster-snapshot", snapshot_id (snapshot), message, category,
                        now);
}

static gboolean
is_automated (RdsSimClusterSnapshot *snapshot)
{
  return g_strcmp0 (rds_db_cluster_snapshot_get_snapshot_type (snapshot->model), "automated") == 0;
}

static guint
count_manual (RdsSimRegion *region)
{
  guint count = 0;

  for (GTreeNode *node = g_tree_node_first (RDS_SIM_CLUSTER_SNAPSHOTS (region)); node != NULL;
       node = g_tree_node_next (node))
    if (!is_automated (g_tree_node_value (node)))
      count++;
  return count;
}

gboolean
_rds_sim_cluster_snapshot_check_new (RdsSimEngine  *self,
                                     RdsSimRegion  *region,
                                     const char    *snapshot_id,
                                     GError       **error)
{
  gint64 quota = rds_sim_engine_get_quota (self, RDS_SIM_QUOTA_MANUAL_CLUSTER_SNAPSHOTS);

  if (g_tree_lookup (RDS_SIM_CLUSTER_SNAPSHOTS (region), snapshot_id) != NULL)
    return _rds_sim_fail (error, RDS_AWS_ERROR_DB_CLUSTER_SNAPSHOT_ALREADY_EXISTS,
                          "Cannot create the cluster snapshot because one with the identifier %s already exists.",
                          snapshot_id);
  if (count_manual (region) >= quota)
    return _rds_sim_fail (error, RDS_AWS_ERROR_SNAPSHOT_QUOTA_EXCEEDED,
                          "Cannot create more than %" G_GINT64_FORMAT " manual cluster snapshots.", quota);
  return TRUE;
}

/* A snapshot of a volume takes a minute or two, more for more data. */
static gint64
duration (RdsSimEngine *self,
          const char   *salt,
          double        volume_gib,
          gint64        now)
{
  g_autofree char *key = g_strdup_printf ("%s/%" G_GINT64_FORMAT, salt, now);

  return USEC (60 + (gint64) (rds_sim_hash (rds_sim_engine_get_seed (self), key) % 91) + (gint64) (volume_gib * 2));
}

static RdsSimClusterSnapshot *
snapshot_new (RdsSimRegion         *region,
              RdsDbClusterSnapshot *model)
{
  RdsSimClusterSnapshot *snapshot = g_new0 (RdsSimClusterSnapshot, 1);

  snapshot->kind = &_rds_sim_kind_db_cluster_snapshot;
  snapshot->region = region;
  snapshot->model = model;
  return snapshot;
}

/**
 * _rds_sim_cluster_snapshot_take:
 *
 * Starts a snapshot of @cluster's volume as it is at @now: manual, or
 * automated (its name then rds:CLUSTER-YYYY-MM-DD-HH-MM).
 */
RdsSimClusterSnapshot *
_rds_sim_cluster_snapshot_take (RdsSimEngine  *self,
                                RdsSimCluster *cluster,
                                const char    *snapshot_name,
                                gboolean       automated,
                                GPtrArray     *tags,
                                gint64         now)
{
  RdsShape *source = RDS_SHAPE (cluster->model);
  RdsSimRegion *region = cluster->region;
  RdsSimClusterSnapshot *snapshot;
  g_autofree char *arn = NULL;
  RdsShape *model;
  double volume = _rds_sim_cluster_volume_gib (cluster, now);

  arn = _rds_sim_engine_arn (self, region, "cluster-snapshot", snapshot_name);
  model = g_object_new (RDS_TYPE_DB_CLUSTER_SNAPSHOT,
                        "availability-zones", rds_shape_get_strv (source, "availability-zones"),
                        "db-cluster-snapshot-identifier", snapshot_name,
                        "db-cluster-identifier", rds_db_cluster_get_identifier (cluster->model),
                        "engine", rds_db_cluster_get_engine (cluster->model),
                        "engine-mode", "provisioned",
                        "allocated-storage", MAX (1, (int) (volume + 0.999)),
                        "status", "creating",
                        "port", rds_shape_get_int (source, "port"),
                        "vpc-id", region->vpc_id,
                        "master-username", rds_shape_get_string (source, "master-username"),
                        "engine-version", rds_shape_get_string (source, "engine-version"),
                        "license-model", g_str_equal (rds_db_cluster_get_engine (cluster->model), "aurora-postgresql")
                                           ? "postgresql-license" : "general-public-license",
                        "snapshot-type", automated ? "automated" : "manual",
                        "percent-progress", 0,
                        "storage-encrypted", rds_shape_get_boolean (source, "storage-encrypted"),
                        "kms-key-id", rds_shape_get_string (source, "kms-key-id"),
                        "db-cluster-snapshot-arn", arn,
                        "iam-database-authentication-enabled",
                        rds_shape_get_boolean (source, "iam-database-authentication-enabled"),
                        NULL);
  rds_shape_set_timestamp (model, "snapshot-create-time", now);
  rds_shape_set_timestamp (model, "cluster-create-time", rds_shape_get_timestamp (source, "cluster-create-time"));
  if (tags != NULL && tags->len > 0)
    _rds_sim_merge_tags (rds_shape_ensure_list (model, "tag-list"), tags);
  else if (rds_shape_get_boolean (source, "copy-tags-to-snapshot") && rds_shape_get_list (source, "tag-list") != NULL)
    {
      GListModel *list = rds_shape_get_list (source, "tag-list");
      g_autoptr(GPtrArray) copied = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (copied, g_list_model_get_item (list, i));
      _rds_sim_merge_tags (rds_shape_ensure_list (model, "tag-list"), copied);
    }

  snapshot = snapshot_new (region, RDS_DB_CLUSTER_SNAPSHOT (model));
  snapshot->started = now;
  snapshot->volume_gib = volume;
  snapshot->database_name = g_strdup (rds_shape_get_string (source, "database-name"));
  snapshot->storage_type = g_strdup (rds_shape_get_string (source, "storage-type"));
  snapshot->retention = rds_shape_get_int (source, "backup-retention-period");
  _rds_sim_region_add (region, &snapshot->resource);
  _rds_sim_engine_schedule (self, &snapshot->resource, 0,
                            now + duration (self, snapshot_name, volume, now));
  emit (self, snapshot, automated ? "Creating automated cluster snapshot" : "Creating manual cluster snapshot",
        automated ? "backup" : "backup", now);
  changed (self, snapshot);
  return snapshot;
}

static void
snapshot_fire (RdsSimEngine   *self,
               RdsSimResource *resource,
               guint           timer,
               gint64          now)
{
  RdsSimClusterSnapshot *snapshot = (RdsSimClusterSnapshot *) resource;

  rds_shape_set_string (snapshot->shape, "status", "available");
  rds_shape_set_int (snapshot->shape, "percent-progress", 100);
  emit (self, snapshot, is_automated (snapshot) ? "Automated cluster snapshot created"
                                                : "Manual cluster snapshot created", "backup", now);
  changed (self, snapshot);
}

/* How far a snapshot being made is, as DescribeDBClusterSnapshots says. */
static void
refresh (RdsSimClusterSnapshot *snapshot,
         gint64                 now)
{
  gint64 due = snapshot->due[0];

  if (due == 0 || due <= snapshot->started)
    return;
  rds_shape_set_int (snapshot->shape, "percent-progress",
                     (int) CLAMP ((now - snapshot->started) * 100 / (due - snapshot->started), 0, 99));
}

/* Automated snapshots: daily in the cluster's backup window */

void
_rds_sim_cluster_backup_schedule (RdsSimEngine  *self,
                                  RdsSimCluster *cluster,
                                  gint64         now)
{
  int start, length;
  gint64 day_start, due;

  if (cluster->op == RDS_SIM_CLUSTER_OP_DELETE ||
      !rds_rules_parse_backup_window (rds_shape_get_string (RDS_SHAPE (cluster->model), "preferred-backup-window"),
                                      &start, &length, NULL))
    {
      _rds_sim_engine_schedule (self, &cluster->resource, RDS_SIM_CLUSTER_TIMER_BACKUP, 0);
      return;
    }
  day_start = now / USEC (DAY) * USEC (DAY);
  due = day_start + USEC ((gint64) start * 60);
  if (due <= now)
    due += USEC (DAY);
  _rds_sim_engine_schedule (self, &cluster->resource, RDS_SIM_CLUSTER_TIMER_BACKUP, due);
}

/* Automated snapshots of @cluster, oldest first. */
static GPtrArray *
automated_of (RdsSimCluster *cluster)
{
  GPtrArray *found = g_ptr_array_new ();
  g_autofree char *prefix = g_strdup_printf (AUTOMATED_PREFIX "%s-", rds_db_cluster_get_identifier (cluster->model));
  GTreeNode *node = g_tree_lower_bound (RDS_SIM_CLUSTER_SNAPSHOTS (cluster->region), prefix);

  for (; node != NULL && g_str_has_prefix (g_tree_node_key (node), prefix); node = g_tree_node_next (node))
    {
      RdsSimClusterSnapshot *snapshot = g_tree_node_value (node);

      if (is_automated (snapshot) &&
          g_strcmp0 (rds_db_cluster_snapshot_get_cluster_identifier (snapshot->model),
                     rds_db_cluster_get_identifier (cluster->model)) == 0)
        g_ptr_array_add (found, snapshot);
    }
  return found;
}

void
_rds_sim_cluster_backup_fire (RdsSimEngine  *self,
                              RdsSimCluster *cluster,
                              gint64         now)
{
  g_autoptr(GPtrArray) automated = NULL;
  int retention = rds_shape_get_int (RDS_SHAPE (cluster->model), "backup-retention-period");

  /* None while stopped or busy being created or deleted. */
  if (g_strcmp0 (rds_db_cluster_get_status (cluster->model), "available") == 0 ||
      g_strcmp0 (rds_db_cluster_get_status (cluster->model), "failing-over") == 0)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
      g_autofree char *stamp = g_date_time_format (time, "%Y-%m-%d-%H-%M");
      g_autofree char *name = g_strdup_printf (AUTOMATED_PREFIX "%s-%s", rds_db_cluster_get_identifier (cluster->model),
                                               stamp);

      if (g_tree_lookup (RDS_SIM_CLUSTER_SNAPSHOTS (cluster->region), name) == NULL)
        _rds_sim_cluster_snapshot_take (self, cluster, name, TRUE, NULL, now);
    }

  /* Kept for the retention period. */
  automated = automated_of (cluster);
  for (guint i = 0; i < automated->len; i++)
    {
      RdsSimClusterSnapshot *snapshot = g_ptr_array_index (automated, i);

      if (rds_shape_get_timestamp (snapshot->shape, "snapshot-create-time") < now - USEC (retention * DAY))
        _rds_sim_resource_remove (self, &snapshot->resource);
    }
  _rds_sim_cluster_backup_schedule (self, cluster, now + USEC (1));
}

void
_rds_sim_cluster_backups_delete (RdsSimEngine  *self,
                                 RdsSimCluster *cluster)
{
  g_autoptr(GPtrArray) automated = automated_of (cluster);

  for (guint i = 0; i < automated->len; i++)
    _rds_sim_resource_remove (self, &((RdsSimClusterSnapshot *) g_ptr_array_index (automated, i))->resource);
}

/* CreateDBClusterSnapshot */

static RdsQueryResult *
item_result (const char *action,
             gpointer    item)
{
  RdsQueryResult *result = rds_query_result_new (rds_action_lookup (action));

  result->item = g_object_ref (item);
  return result;
}

static RdsQueryResult *
create_db_cluster_snapshot (RdsSimEngine  *self,
                            RdsSimRegion  *region,
                            RdsRequest    *request,
                            GError       **error)
{
  const char *name, *cluster_name;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  RdsSimCluster *cluster;
  RdsSimClusterSnapshot *snapshot;

  if ((name = rds_request_require_string (request, "DBClusterSnapshotIdentifier", error)) == NULL ||
      !rds_rules_check_identifier ("DBClusterSnapshotIdentifier", name, 63, error) ||
      (cluster_name = rds_request_require_string (request, "DBClusterIdentifier", error)) == NULL ||
      (cluster = _rds_sim_cluster_lookup (region, cluster_name, error)) == NULL)
    return NULL;
  id = g_ascii_strdown (name, -1);
  tags = rds_request_get_tags (request, "Tags", error);
  if (tags == NULL || !_rds_rules_check_tags (tags, error))
    return NULL;
  if (g_strcmp0 (rds_db_cluster_get_status (cluster->model), "available") != 0)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_DB_CLUSTER_STATE,
                          "DbCluster %s is not in available state.", cluster_name), NULL;
  if (!_rds_sim_cluster_snapshot_check_new (self, region, id, error))
    return NULL;

  snapshot = _rds_sim_cluster_snapshot_take (self, cluster, id, FALSE, tags, rds_sim_engine_get_now (self));
  return item_result ("CreateDBClusterSnapshot", snapshot->model);
}

/* DeleteDBClusterSnapshot */

static RdsSimClusterSnapshot *
lookup (RdsSimRegion  *region,
        const char    *name,
        GError       **error)
{
  if (name != NULL && g_str_has_prefix (name, "arn:") && strrchr (name, ':') != NULL)
    name = strrchr (name, ':') + 1;
  return (RdsSimClusterSnapshot *) _rds_sim_region_lookup (region, &_rds_sim_kind_db_cluster_snapshot, name, error);
}

static RdsQueryResult *
delete_db_cluster_snapshot (RdsSimEngine  *self,
                            RdsSimRegion  *region,
                            RdsRequest    *request,
                            GError       **error)
{
  const char *name;
  RdsSimClusterSnapshot *snapshot;
  RdsQueryResult *result;

  if ((name = rds_request_require_string (request, "DBClusterSnapshotIdentifier", error)) == NULL ||
      (snapshot = lookup (region, name, error)) == NULL)
    return NULL;
  if (is_automated (snapshot))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_DB_CLUSTER_SNAPSHOT_STATE,
                          "Cannot delete automated cluster snapshot %s: it goes with its retention period. Copy "
                          "it to keep it.", name), NULL;
  if (g_strcmp0 (rds_db_cluster_snapshot_get_status (snapshot->model), "available") != 0)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_DB_CLUSTER_SNAPSHOT_STATE,
                          "DBClusterSnapshot %s is %s: only an available snapshot can be deleted.", name,
                          rds_db_cluster_snapshot_get_status (snapshot->model)), NULL;

  rds_shape_set_string (snapshot->shape, "status", "deleting");
  result = item_result ("DeleteDBClusterSnapshot", snapshot->model);
  _rds_sim_engine_emit (self, region, "db-cluster-snapshot", snapshot_id (snapshot), "Deleted cluster snapshot",
                        "notification", rds_sim_engine_get_now (self));
  _rds_sim_resource_remove (self, &snapshot->resource);
  return result;
}

/* CopyDBClusterSnapshot: in the same Region */

static RdsQueryResult *
copy_db_cluster_snapshot (RdsSimEngine  *self,
                          RdsSimRegion  *region,
                          RdsRequest    *request,
                          GError       **error)
{
  const char *source_name, *target_name, *kms_request;
  g_autofree char *target = NULL;
  g_autofree char *kms_key = NULL;
  g_autofree char *arn = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  RdsSimClusterSnapshot *source, *copy;
  gboolean copy_tags = FALSE;
  RdsShape *model;
  gint64 now = rds_sim_engine_get_now (self);

  if ((source_name = rds_request_require_string (request, "SourceDBClusterSnapshotIdentifier", error)) == NULL ||
      (target_name = rds_request_require_string (request, "TargetDBClusterSnapshotIdentifier", error)) == NULL ||
      !rds_rules_check_identifier ("TargetDBClusterSnapshotIdentifier", target_name, 63, error) ||
      !rds_request_get_boolean (request, "CopyTags", &copy_tags, error) ||
      (source = lookup (region, source_name, error)) == NULL)
    return NULL;
  target = g_ascii_strdown (target_name, -1);
  tags = rds_request_get_tags (request, "Tags", error);
  if (tags == NULL || !_rds_rules_check_tags (tags, error))
    return NULL;
  if (g_strcmp0 (rds_db_cluster_snapshot_get_status (source->model), "available") != 0)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_DB_CLUSTER_SNAPSHOT_STATE,
                          "DBClusterSnapshot %s is %s: only an available snapshot can be copied.", source_name,
                          rds_db_cluster_snapshot_get_status (source->model)), NULL;
  kms_request = rds_request_get_string (request, "KmsKeyId");
  if (kms_request != NULL && (kms_key = _rds_sim_resolve_kms_key (self, region, kms_request, error)) == NULL)
    return NULL;
  if (!_rds_sim_cluster_snapshot_check_new (self, region, target, error))
    return NULL;

  model = rds_shape_copy (source->shape);
  arn = _rds_sim_engine_arn (self, region, "cluster-snapshot", target);
  rds_shape_set_string (model, "db-cluster-snapshot-identifier", target);
  rds_shape_set_string (model, "db-cluster-snapshot-arn", arn);
  rds_shape_set_string (model, "source-db-cluster-snapshot-arn", rds_db_cluster_snapshot_get_arn (source->model));
  rds_shape_set_string (model, "snapshot-type", "manual");
  rds_shape_set_string (model, "status", "copying");
  rds_shape_set_int (model, "percent-progress", 0);
  if (kms_key != NULL)
    {
      rds_shape_set_boolean (model, "storage-encrypted", TRUE);
      rds_shape_set_string (model, "kms-key-id", kms_key);
    }
  if (!copy_tags)
    g_list_store_remove_all (rds_shape_ensure_list (model, "tag-list"));
  if (tags->len > 0)
    _rds_sim_merge_tags (rds_shape_ensure_list (model, "tag-list"), tags);

  copy = snapshot_new (region, RDS_DB_CLUSTER_SNAPSHOT (model));
  copy->started = now;
  copy->volume_gib = source->volume_gib;
  copy->database_name = g_strdup (source->database_name);
  copy->storage_type = g_strdup (source->storage_type);
  copy->retention = source->retention;
  _rds_sim_region_add (region, &copy->resource);
  _rds_sim_engine_schedule (self, &copy->resource, 0, now + duration (self, target, copy->volume_gib * 2, now));
  changed (self, copy);
  return item_result ("CopyDBClusterSnapshot", copy->model);
}

/* DescribeDBClusterSnapshots */

static gboolean
snapshot_matches (RdsSimClusterSnapshot *snapshot,
                  const char            *cluster_name,
                  const char            *snapshot_type,
                  GPtrArray             *filters)
{
  RdsDbClusterSnapshot *model = snapshot->model;

  if (cluster_name != NULL && g_ascii_strcasecmp (cluster_name, rds_db_cluster_snapshot_get_cluster_identifier (model)) != 0)
    return FALSE;
  if (snapshot_type != NULL && g_strcmp0 (snapshot_type, rds_db_cluster_snapshot_get_snapshot_type (model)) != 0)
    return FALSE;
  for (guint i = 0; i < filters->len; i++)
    {
      RdsFilter *filter = g_ptr_array_index (filters, i);
      gboolean any = FALSE;

      for (guint v = 0; filter->values[v] != NULL && !any; v++)
        {
          const char *value = filter->values[v];

          if (g_str_equal (filter->name, "db-cluster-id"))
            any = g_ascii_strcasecmp (value, rds_db_cluster_snapshot_get_cluster_identifier (model)) == 0;
          else if (g_str_equal (filter->name, "db-cluster-snapshot-id"))
            any = g_ascii_strcasecmp (value, rds_db_cluster_snapshot_get_identifier (model)) == 0 ||
                  g_strcmp0 (value, rds_db_cluster_snapshot_get_arn (model)) == 0;
          else if (g_str_equal (filter->name, "snapshot-type"))
            any = g_strcmp0 (value, rds_db_cluster_snapshot_get_snapshot_type (model)) == 0;
          else if (g_str_equal (filter->name, "engine"))
            any = g_strcmp0 (value, rds_shape_get_string (snapshot->shape, "engine")) == 0;
        }
      if (!any)
        return FALSE;
    }
  return TRUE;
}

static RdsQueryResult *
describe_db_cluster_snapshots (RdsSimEngine  *self,
                               RdsSimRegion  *region,
                               RdsRequest    *request,
                               GError       **error)
{
  static const char * const known[] = { "db-cluster-id", "db-cluster-snapshot-id", "snapshot-type", "engine", NULL };
  static const char * const types[] = { "automated", "manual", "shared", "public", NULL };
  g_autoptr(RdsQueryResult) result = rds_query_result_new (rds_action_lookup ("DescribeDBClusterSnapshots"));
  g_autoptr(GPtrArray) filters = NULL;
  g_autofree char *after = NULL;
  const char *name = rds_request_get_string (request, "DBClusterSnapshotIdentifier");
  const char *cluster_name = rds_request_get_string (request, "DBClusterIdentifier");
  const char *snapshot_type = rds_request_get_string (request, "SnapshotType");
  const char *marker;
  gint64 now = rds_sim_engine_get_now (self);
  int max_records;

  if (!_rds_sim_engine_page_args (request, 100, &max_records, &marker, error))
    return NULL;
  filters = rds_request_get_filters (request, error);
  if (filters == NULL)
    return NULL;
  for (guint i = 0; i < filters->len; i++)
    if (!g_strv_contains (known, ((RdsFilter *) g_ptr_array_index (filters, i))->name))
      return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                            "Unrecognized filter name: %s. The filters of DescribeDBClusterSnapshots are "
                            "db-cluster-id, db-cluster-snapshot-id, snapshot-type and engine.",
                            ((RdsFilter *) g_ptr_array_index (filters, i))->name), NULL;
  if (snapshot_type != NULL && !g_strv_contains (types, snapshot_type))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "Invalid SnapshotType %s: it must be automated, manual, shared or public.",
                          snapshot_type), NULL;
  if (marker != NULL && (after = _rds_sim_decode_marker (marker, error)) == NULL)
    return NULL;

  if (name != NULL)
    {
      RdsSimClusterSnapshot *snapshot = lookup (region, name, error);

      if (snapshot == NULL)
        return NULL;
      if (snapshot_matches (snapshot, cluster_name, snapshot_type, filters))
        {
          refresh (snapshot, now);
          g_ptr_array_add (result->items, g_object_ref (snapshot->model));
        }
      return g_steal_pointer (&result);
    }

  for (GTreeNode *node = after != NULL ? g_tree_upper_bound (RDS_SIM_CLUSTER_SNAPSHOTS (region), after)
                                       : g_tree_node_first (RDS_SIM_CLUSTER_SNAPSHOTS (region));
       node != NULL; node = g_tree_node_next (node))
    {
      RdsSimClusterSnapshot *snapshot = g_tree_node_value (node);

      if (!snapshot_matches (snapshot, cluster_name, snapshot_type, filters))
        continue;
      if (result->items->len == (guint) max_records)
        {
          RdsDbClusterSnapshot *last = g_ptr_array_index (result->items, result->items->len - 1);

          result->marker = _rds_sim_encode_marker (rds_db_cluster_snapshot_get_identifier (last));
          break;
        }
      refresh (snapshot, now);
      g_ptr_array_add (result->items, g_object_ref (snapshot->model));
    }
  return g_steal_pointer (&result);
}

/* Saving and loading: {"started": …, "due": …, "volumeGiB": …, "databaseName": …,
 * "storageType": …, "retention": …} */

static void
snapshot_save (RdsSimResource *resource,
               JsonObject     *sim)
{
  RdsSimClusterSnapshot *snapshot = (RdsSimClusterSnapshot *) resource;

  json_object_set_int_member (sim, "started", snapshot->started);
  if (snapshot->due[0] != 0)
    json_object_set_int_member (sim, "due", snapshot->due[0]);
  json_object_set_double_member (sim, "volumeGiB", snapshot->volume_gib);
  if (snapshot->database_name != NULL)
    json_object_set_string_member (sim, "databaseName", snapshot->database_name);
  if (snapshot->storage_type != NULL)
    json_object_set_string_member (sim, "storageType", snapshot->storage_type);
  json_object_set_int_member (sim, "retention", snapshot->retention);
}

static RdsSimResource *
snapshot_load (RdsSimRegion  *region,
               RdsShape      *model,
               JsonObject    *sim,
               GError       **error)
{
  RdsSimClusterSnapshot *snapshot = snapshot_new (region, RDS_DB_CLUSTER_SNAPSHOT (model));

  snapshot->started = json_object_get_int_member_with_default (sim, "started", 0);
  snapshot->due[0] = json_object_get_int_member_with_default (sim, "due", 0);
  snapshot->volume_gib = json_object_get_double_member_with_default (sim, "volumeGiB", 0);
  snapshot->database_name = g_strdup (json_object_get_string_member_with_default (sim, "databaseName", NULL));
  snapshot->storage_type = g_strdup (json_object_get_string_member_with_default (sim, "storageType", NULL));
  snapshot->retention = (int) json_object_get_int_member_with_default (sim, "retention", 1);
  return &snapshot->resource;
}

static void
snapshot_free (RdsSimResource *resource)
{
  RdsSimClusterSnapshot *snapshot = (RdsSimClusterSnapshot *) resource;

  g_clear_object (&snapshot->model);
  g_free (snapshot->database_name);
  g_free (snapshot->storage_type);
  g_free (snapshot);
}

static const RdsSimAction snapshot_actions[] = {
  { "CreateDBClusterSnapshot", create_db_cluster_snapshot },
  { "DeleteDBClusterSnapshot", delete_db_cluster_snapshot },
  { "CopyDBClusterSnapshot", copy_db_cluster_snapshot },
  { "DescribeDBClusterSnapshots", describe_db_cluster_snapshots },
  { NULL }
};

RdsSimKind _rds_sim_kind_db_cluster_snapshot = {
  .name = "db-cluster-snapshot",
  .arn_type = "cluster-snapshot",
  .model_type = rds_db_cluster_snapshot_get_type,
  .id_property = "db-cluster-snapshot-identifier",
  .not_found = RDS_AWS_ERROR_DB_CLUSTER_SNAPSHOT_NOT_FOUND,
  .not_found_message = "DBClusterSnapshot %s not found.",
  .timer_order = 0,
  .actions = snapshot_actions,
  .save = snapshot_save,
  .load = snapshot_load,
  .fire = snapshot_fire,
  .free = snapshot_free,
};
