/* rds-sim-engine-snapshots.c: DB snapshots: create, describe, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rds-sim-engine-private.h"

#include <string.h>

#include "rds-option-group-membership.h"
#include "rds-rules.h"
#include "rds-tag.h"

static void
snapshot_free (RdsSimResource *resource)
{
  RdsSimSnapshot *snapshot = (RdsSimSnapshot *) resource;

  g_clear_object (&snapshot->model);
  g_free (snapshot);
}

static const char *
snapshot_id (RdsSimSnapshot *snapshot)
{
  return rds_db_snapshot_get_identifier (snapshot->model);
}

static void
emit (RdsSimEngine   *self,
      RdsSimSnapshot *snapshot,
      const char     *message,
      const char     *category,
      gint64          now)
{
  _rds_sim_engine_emit (self, snapshot->region, "db-snapshot", snapshot_id (snapshot),
                        message, category, now);
}

static gboolean
count_manual_cb (gpointer key,
                 gpointer value,
                 gpointer data)
{
  RdsSimSnapshot *snapshot = value;

  if (g_strcmp0 (rds_shape_get_string (RDS_SHAPE (snapshot->model), "snapshot-type"), "manual") == 0)
    (*(guint *) data)++;
  return FALSE;
}

/* What counts against the manual snapshot quota. */
guint
_rds_sim_count_manual_snapshots (RdsSimRegion *region)
{
  guint count = 0;

  g_tree_foreach (RDS_SIM_SNAPSHOTS (region), count_manual_cb, &count);
  return count;
}

/**
 * _rds_sim_snapshot_check_new:
 * @snapshot_id: the lowercase identifier
 *
 * Whether a manual snapshot of that name can be created: a valid and unused
 * name, within the quota.
 */
gboolean
_rds_sim_snapshot_check_new (RdsSimEngine  *self,
                             RdsSimRegion  *region,
                             const char    *id,
                             GError       **error)
{
  gint64 quota = rds_sim_engine_get_quota (self, RDS_SIM_QUOTA_MANUAL_SNAPSHOTS);

  if (!rds_rules_check_identifier ("DBSnapshotIdentifier", id, 255, error))
    return FALSE;

  if (g_tree_lookup (RDS_SIM_SNAPSHOTS (region), id) != NULL)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_SNAPSHOT_ALREADY_EXISTS,
                   "Cannot create the snapshot because a snapshot with the identifier %s already "
                   "exists.", id);
      return FALSE;
    }

  if (_rds_sim_count_manual_snapshots (region) >= quota)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_SNAPSHOT_QUOTA_EXCEEDED,
                   "Cannot create more than %" G_GINT64_FORMAT " manual snapshots in this Region; "
                   "delete snapshots you no longer need.", quota);
      return FALSE;
    }

  return TRUE;
}

/* Incremental snapshots of a small volume take a minute or two; larger ones
 * longer. Drawn when the snapshot is requested. */
gint64
_rds_sim_snapshot_duration (RdsSimEngine   *self,
                            RdsSimInstance *instance)
{
  int allocated = rds_shape_get_int (RDS_SHAPE (instance->model), "allocated-storage");

  return USEC (60 + allocated / 4 + _rds_sim_engine_draw (self, 30, 120));
}

/**
 * _rds_sim_snapshot_start:
 * @tags: (nullable) (element-type RdsTag): the snapshot's tags, or %NULL to
 *   copy the instance's when it copies tags to snapshots
 *
 * Starts a manual snapshot of @instance that is done at @due.
 */
RdsSimSnapshot *
_rds_sim_snapshot_start (RdsSimEngine   *self,
                         RdsSimInstance *instance,
                         const char     *id,
                         GPtrArray      *tags,
                         gint64          now,
                         gint64          due)
{
  RdsShape *source = RDS_SHAPE (instance->model);
  RdsShape *endpoint = rds_shape_get_object (source, "endpoint");
  RdsShape *subnet_group = rds_shape_get_object (source, "db-subnet-group");
  GListModel *option_groups = rds_shape_get_list (source, "option-group-memberships");
  g_autoptr(RdsShape) option_group = NULL;
  g_autofree char *arn = _rds_sim_engine_arn (self, instance->region, "snapshot", id);
  RdsSimSnapshot *snapshot;
  RdsShape *model;

  if (option_groups != NULL && g_list_model_get_n_items (option_groups) > 0)
    option_group = g_list_model_get_item (option_groups, 0);

  model = g_object_new (RDS_TYPE_DB_SNAPSHOT,
                        "db-snapshot-identifier", id,
                        "db-instance-identifier", rds_db_instance_get_identifier (instance->model),
                        "engine", rds_db_instance_get_engine (instance->model),
                        "allocated-storage", rds_shape_get_int (source, "allocated-storage"),
                        "status", "creating",
                        "port", endpoint != NULL ? rds_shape_get_int (endpoint, "port") : 0,
                        "availability-zone", rds_shape_get_string (source, "availability-zone"),
                        "vpc-id", subnet_group != NULL ? rds_shape_get_string (subnet_group, "vpc-id") : NULL,
                        "master-username", rds_shape_get_string (source, "master-username"),
                        "engine-version", rds_shape_get_string (source, "engine-version"),
                        "license-model", rds_shape_get_string (source, "license-model"),
                        "snapshot-type", "manual",
                        "iops", rds_shape_get_int (source, "iops"),
                        "option-group-name",
                        option_group != NULL ? rds_shape_get_string (option_group, "option-group-name") : NULL,
                        "percent-progress", 0,
                        "storage-type", rds_shape_get_string (source, "storage-type"),
                        "encrypted", rds_shape_get_boolean (source, "storage-encrypted"),
                        "kms-key-id", rds_shape_get_string (source, "kms-key-id"),
                        "db-snapshot-arn", arn,
                        "iam-database-authentication-enabled",
                        rds_shape_get_boolean (source, "iam-database-authentication-enabled"),
                        "dbi-resource-id", rds_db_instance_get_resource_id (instance->model),
                        "snapshot-target", "region",
                        "storage-throughput", rds_shape_get_int (source, "storage-throughput"),
                        NULL);
  rds_shape_set_timestamp (model, "snapshot-create-time", now);
  rds_shape_set_timestamp (model, "original-snapshot-create-time", now);
  rds_shape_set_timestamp (model, "snapshot-database-time", now);
  rds_shape_set_timestamp (model, "instance-create-time",
                           rds_shape_get_timestamp (source, "instance-create-time"));

  if (tags != NULL && tags->len > 0)
    _rds_sim_merge_tags (rds_shape_ensure_list (model, "tag-list"), tags);
  else if (rds_shape_get_boolean (source, "copy-tags-to-snapshot"))
    {
      GListModel *source_tags = rds_shape_get_list (source, "tag-list");
      GListStore *copies = rds_shape_ensure_list (model, "tag-list");

      for (guint i = 0; source_tags != NULL && i < g_list_model_get_n_items (source_tags); i++)
        {
          g_autoptr(RdsShape) tag = g_list_model_get_item (source_tags, i);
          g_autoptr(RdsShape) copy = rds_shape_copy (tag);

          g_list_store_append (copies, copy);
        }
    }

  snapshot = g_new0 (RdsSimSnapshot, 1);
  snapshot->kind = &_rds_sim_kind_db_snapshot;
  snapshot->region = instance->region;
  snapshot->model = RDS_DB_SNAPSHOT (model);
  snapshot->started = now;
  _rds_sim_region_add (instance->region, &snapshot->resource);
  _rds_sim_engine_schedule (self, &snapshot->resource, 0, due);

  emit (self, snapshot, "Creating manual snapshot.", "creation", now);
  _rds_sim_resource_changed (self, &snapshot->resource);

  return snapshot;
}

/* Its one timer: the copy is done. */
static void
snapshot_fire (RdsSimEngine   *self,
               RdsSimResource *resource,
               guint           timer,
               gint64          now)
{
  RdsSimSnapshot *snapshot = (RdsSimSnapshot *) resource;

  rds_db_snapshot_set_status (snapshot->model, "available");
  rds_shape_set_int (RDS_SHAPE (snapshot->model), "percent-progress", 100);
  emit (self, snapshot, "Manual snapshot created.", "creation", now);
  _rds_sim_resource_changed (self, &snapshot->resource);
}

void
_rds_sim_snapshot_refresh (RdsSimSnapshot *snapshot,
                           gint64          now)
{
  gint64 span = snapshot->due[0] - snapshot->started;
  int progress;

  if (snapshot->due[0] == 0 || span <= 0)
    return;

  progress = (int) CLAMP ((now - snapshot->started) * 100 / span, 0, 99);
  rds_shape_set_int (RDS_SHAPE (snapshot->model), "percent-progress", progress);
}

RdsSimSnapshot *
_rds_sim_snapshot_lookup (RdsSimRegion  *region,
                          const char    *identifier,
                          GError       **error)
{
  return (RdsSimSnapshot *) _rds_sim_region_lookup (region, &_rds_sim_kind_db_snapshot, identifier, error);
}

RdsQueryResult *
_rds_sim_action_create_db_snapshot (RdsSimEngine  *self,
                                    RdsSimRegion  *region,
                                    RdsRequest    *request,
                                    GError       **error)
{
  const char *snapshot_name, *instance_name, *status;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(RdsQueryResult) result = NULL;
  RdsSimInstance *instance;
  RdsSimSnapshot *snapshot;
  gint64 now = rds_sim_engine_get_now (self);
  gint64 due;

  if ((snapshot_name = rds_request_require_string (request, "DBSnapshotIdentifier", error)) == NULL ||
      (instance_name = rds_request_require_string (request, "DBInstanceIdentifier", error)) == NULL)
    return NULL;

  instance = _rds_sim_instance_lookup (region, instance_name, error);
  if (instance == NULL)
    return NULL;

  id = g_ascii_strdown (snapshot_name, -1);
  if (!_rds_sim_snapshot_check_new (self, region, id, error))
    return NULL;

  status = rds_db_instance_get_status (instance->model);
  if (!rds_rules_check_instance_action (instance->model, RDS_INSTANCE_ACTION_TAKE_SNAPSHOT, error))
    return NULL;

  tags = rds_request_get_tags (request, "Tags", error);
  if (tags == NULL || !_rds_rules_check_tags (tags, error))
    return NULL;

  due = now + _rds_sim_snapshot_duration (self, instance);
  snapshot = _rds_sim_snapshot_start (self, instance, id, tags, now, due);

  /* A Single-AZ instance freezes its I/O for the snapshot; a Multi-AZ one
   * takes it from the standby. */
  if (g_strcmp0 (status, "available") == 0 &&
      !rds_shape_get_boolean (RDS_SHAPE (instance->model), "multi-az"))
    {
      instance->op = RDS_SIM_OP_SNAPSHOT;
      rds_db_instance_set_status (instance->model, "backing-up");
      _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_STEP, due);
      _rds_sim_resource_changed (self, &instance->resource);
    }

  result = rds_query_result_new (rds_action_lookup ("CreateDBSnapshot"));
  result->item = g_object_ref (RDS_SHAPE (snapshot->model));
  return g_steal_pointer (&result);
}

RdsQueryResult *
_rds_sim_action_delete_db_snapshot (RdsSimEngine  *self,
                                    RdsSimRegion  *region,
                                    RdsRequest    *request,
                                    GError       **error)
{
  g_autoptr(RdsQueryResult) result = NULL;
  g_autoptr(RdsDbSnapshot) model = NULL;
  RdsSimSnapshot *snapshot;
  const char *name, *status;
  gint64 now = rds_sim_engine_get_now (self);

  if ((name = rds_request_require_string (request, "DBSnapshotIdentifier", error)) == NULL ||
      (snapshot = _rds_sim_snapshot_lookup (region, name, error)) == NULL)
    return NULL;

  status = rds_db_snapshot_get_status (snapshot->model);
  if (g_strcmp0 (rds_shape_get_string (RDS_SHAPE (snapshot->model), "snapshot-type"), "manual") != 0)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_DB_SNAPSHOT_STATE,
                   "Cannot delete the automated snapshot %s: automated snapshots go with their "
                   "instance's backup retention. Copy it to keep it.", snapshot_id (snapshot));
      return NULL;
    }
  if (g_strcmp0 (status, "available") != 0 && g_strcmp0 (status, "failed") != 0)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_DB_SNAPSHOT_STATE,
                   "Cannot delete the snapshot %s because it is %s; wait until it is available.",
                   snapshot_id (snapshot), status);
      return NULL;
    }

  model = g_object_ref (snapshot->model);
  emit (self, snapshot, "Deleted user snapshot.", "deletion", now);
  _rds_sim_resource_remove (self, &snapshot->resource);

  rds_db_snapshot_set_status (model, "deleted");
  result = rds_query_result_new (rds_action_lookup ("DeleteDBSnapshot"));
  result->item = RDS_SHAPE (g_steal_pointer (&model));
  return g_steal_pointer (&result);
}

static gboolean
snapshot_matches (RdsSimSnapshot *snapshot,
                  const char     *instance_name,
                  const char     *snapshot_type,
                  const char     *resource_id,
                  GPtrArray      *filters)
{
  RdsShape *model = RDS_SHAPE (snapshot->model);

  if (instance_name != NULL &&
      g_ascii_strcasecmp (instance_name, rds_db_snapshot_get_db_instance_identifier (snapshot->model)) != 0)
    return FALSE;
  if (snapshot_type != NULL && g_strcmp0 (snapshot_type, rds_shape_get_string (model, "snapshot-type")) != 0)
    return FALSE;
  if (resource_id != NULL && g_strcmp0 (resource_id, rds_shape_get_string (model, "dbi-resource-id")) != 0)
    return FALSE;

  for (guint i = 0; i < filters->len; i++)
    {
      RdsFilter *filter = g_ptr_array_index (filters, i);
      gboolean any = FALSE;

      for (guint j = 0; filter->values[j] != NULL && !any; j++)
        {
          const char *value = filter->values[j];

          if (g_str_equal (filter->name, "db-instance-id"))
            {
              const char *instance = rds_db_snapshot_get_db_instance_identifier (snapshot->model);
              g_autofree char *arn_suffix = g_strconcat (":db:", instance, NULL);

              any = g_ascii_strcasecmp (value, instance) == 0 || g_str_has_suffix (value, arn_suffix);
            }
          else if (g_str_equal (filter->name, "db-snapshot-id"))
            any = g_ascii_strcasecmp (value, snapshot_id (snapshot)) == 0 ||
                  g_strcmp0 (value, rds_db_snapshot_get_arn (snapshot->model)) == 0;
          else if (g_str_equal (filter->name, "dbi-resource-id"))
            any = g_strcmp0 (value, rds_shape_get_string (model, "dbi-resource-id")) == 0;
          else if (g_str_equal (filter->name, "snapshot-type"))
            any = g_strcmp0 (value, rds_shape_get_string (model, "snapshot-type")) == 0;
          else if (g_str_equal (filter->name, "engine"))
            any = g_strcmp0 (value, rds_shape_get_string (model, "engine")) == 0;
        }

      if (!any)
        return FALSE;
    }

  return TRUE;
}

RdsQueryResult *
_rds_sim_action_describe_db_snapshots (RdsSimEngine  *self,
                                       RdsSimRegion  *region,
                                       RdsRequest    *request,
                                       GError       **error)
{
  static const char * const known[] = { "db-instance-id", "db-snapshot-id", "dbi-resource-id",
                                        "snapshot-type", "engine", NULL };
  static const char * const types[] = { "automated", "manual", "shared", "public", "awsbackup", NULL };
  g_autoptr(RdsQueryResult) result = rds_query_result_new (rds_action_lookup ("DescribeDBSnapshots"));
  g_autoptr(GPtrArray) filters = NULL;
  g_autofree char *after = NULL;
  const char *snapshot_name = rds_request_get_string (request, "DBSnapshotIdentifier");
  const char *instance_name = rds_request_get_string (request, "DBInstanceIdentifier");
  const char *snapshot_type = rds_request_get_string (request, "SnapshotType");
  const char *resource_id = rds_request_get_string (request, "DbiResourceId");
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
                       "Unrecognized filter name: %s. The filters of DescribeDBSnapshots are "
                       "db-instance-id, db-snapshot-id, dbi-resource-id, snapshot-type and engine.",
                       filter->name);
          return NULL;
        }
    }
  if (snapshot_type != NULL && !g_strv_contains (types, snapshot_type))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid SnapshotType %s: it must be automated, manual, shared, public or "
                   "awsbackup.", snapshot_type);
      return NULL;
    }
  if (marker != NULL && (after = _rds_sim_decode_marker (marker, error)) == NULL)
    return NULL;

  if (snapshot_name != NULL)
    {
      RdsSimSnapshot *snapshot = _rds_sim_snapshot_lookup (region, snapshot_name, error);

      if (snapshot == NULL)
        return NULL;
      if (snapshot_matches (snapshot, instance_name, snapshot_type, resource_id, filters))
        {
          _rds_sim_snapshot_refresh (snapshot, now);
          g_ptr_array_add (result->items, g_object_ref (snapshot->model));
        }
      return g_steal_pointer (&result);
    }

  node = after != NULL ? g_tree_upper_bound (RDS_SIM_SNAPSHOTS (region), after)
                       : g_tree_node_first (RDS_SIM_SNAPSHOTS (region));
  for (; node != NULL; node = g_tree_node_next (node))
    {
      RdsSimSnapshot *snapshot = g_tree_node_value (node);

      if (!snapshot_matches (snapshot, instance_name, snapshot_type, resource_id, filters))
        continue;

      if (result->items->len == (guint) max_records)
        {
          RdsDbSnapshot *last = g_ptr_array_index (result->items, result->items->len - 1);

          result->marker = _rds_sim_encode_marker (rds_db_snapshot_get_identifier (last));
          break;
        }

      _rds_sim_snapshot_refresh (snapshot, now);
      g_ptr_array_add (result->items, g_object_ref (snapshot->model));
    }

  return g_steal_pointer (&result);
}

/* Saved: when the copy started, and when it ends ({"started": …, "due": …}). */
static void
snapshot_save (RdsSimResource *resource,
               JsonObject     *sim)
{
  RdsSimSnapshot *snapshot = (RdsSimSnapshot *) resource;

  json_object_set_int_member (sim, "started", snapshot->started);
  if (snapshot->due[0] != 0)
    json_object_set_int_member (sim, "due", snapshot->due[0]);
}

static RdsSimResource *
snapshot_load (RdsSimRegion  *region,
               RdsShape      *model,
               JsonObject    *sim,
               GError       **error)
{
  RdsSimSnapshot *snapshot = g_new0 (RdsSimSnapshot, 1);

  snapshot->kind = &_rds_sim_kind_db_snapshot;
  snapshot->region = region;
  snapshot->model = RDS_DB_SNAPSHOT (model);
  snapshot->started = json_object_get_int_member_with_default (sim, "started", 0);
  snapshot->due[0] = json_object_get_int_member_with_default (sim, "due", 0);
  return &snapshot->resource;
}

static const RdsSimAction snapshot_actions[] = {
  { "CreateDBSnapshot", _rds_sim_action_create_db_snapshot },
  { "DeleteDBSnapshot", _rds_sim_action_delete_db_snapshot },
  { "DescribeDBSnapshots", _rds_sim_action_describe_db_snapshots },
  { NULL }
};

RdsSimKind _rds_sim_kind_db_snapshot = {
  .name = "db-snapshot",
  .arn_type = "snapshot",
  .model_type = rds_db_snapshot_get_type,
  .id_property = "db-snapshot-identifier",
  .not_found = RDS_AWS_ERROR_DB_SNAPSHOT_NOT_FOUND,
  .not_found_message = "DBSnapshot %s not found.",
  .timer_order = 0,
  .actions = snapshot_actions,
  .save = snapshot_save,
  .load = snapshot_load,
  .fire = snapshot_fire,
  .free = snapshot_free,
};
