/* rds-sim-engine-snapshots.c: DB snapshots: create, describe, delete, copy, share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A copy is a manual snapshot of its own from the start, which holds its
 * source's ARN and Region; its one timer is the end of the copy (for a copy
 * from another Region, first the end of its wait in the queue). Deleting it
 * before then cancels the copy. Sharing is the "restore" attribute: the
 * accounts that may copy or restore a manual snapshot, or "all".
 */

#include "config.h"

#include "rds-sim-engine-private.h"

#include <string.h>

#include "rds-db-snapshot-attribute.h"
#include "rds-db-snapshot-attributes-result.h"
#include "rds-option-group-membership.h"
#include "rds-rules.h"
#include "rds-tag.h"

/* What every automated snapshot's name starts with, and the first name
 * after all of them (';' follows ':'). */
#define AUTOMATED_PREFIX "rds:"
#define AUTOMATED_END "rds;"

static void
snapshot_free (RdsSimResource *resource)
{
  RdsSimSnapshot *snapshot = (RdsSimSnapshot *) resource;

  g_clear_object (&snapshot->model);
  g_strfreev (snapshot->restore);
  g_free (snapshot->instance_class);
  g_free (snapshot->db_name);
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
  /* Automated backups are named rds:…, which no manual snapshot can be. */
  gboolean automated = g_str_has_prefix (id, "rds:");

  if (option_groups != NULL && g_list_model_get_n_items (option_groups) > 0)
    option_group = g_list_model_get_item (option_groups, 0);

  /* Field by field: g_object_new() with two dozen properties costs more
   * than the rest of a daily backup. */
  model = g_object_new (RDS_TYPE_DB_SNAPSHOT, NULL);
  rds_shape_set_string (model, "db-snapshot-identifier", id);
  rds_shape_set_string (model, "db-instance-identifier", rds_db_instance_get_identifier (instance->model));
  rds_shape_set_string (model, "engine", rds_db_instance_get_engine (instance->model));
  rds_shape_set_int (model, "allocated-storage", rds_shape_get_int (source, "allocated-storage"));
  rds_shape_set_string (model, "status", "creating");
  rds_shape_set_int (model, "port", endpoint != NULL ? rds_shape_get_int (endpoint, "port") : 0);
  rds_shape_set_string (model, "availability-zone", rds_shape_get_string (source, "availability-zone"));
  rds_shape_set_string (model, "vpc-id", subnet_group != NULL ? rds_shape_get_string (subnet_group, "vpc-id") : NULL);
  rds_shape_set_string (model, "master-username", rds_shape_get_string (source, "master-username"));
  rds_shape_set_string (model, "engine-version", rds_shape_get_string (source, "engine-version"));
  rds_shape_set_string (model, "license-model", rds_shape_get_string (source, "license-model"));
  rds_shape_set_string (model, "snapshot-type", automated ? "automated" : "manual");
  rds_shape_set_int (model, "iops", rds_shape_get_int (source, "iops"));
  rds_shape_set_string (model, "option-group-name",
                        option_group != NULL ? rds_shape_get_string (option_group, "option-group-name") : NULL);
  rds_shape_set_int (model, "percent-progress", 0);
  rds_shape_set_string (model, "storage-type", rds_shape_get_string (source, "storage-type"));
  rds_shape_set_boolean (model, "encrypted", rds_shape_get_boolean (source, "storage-encrypted"));
  rds_shape_set_string (model, "kms-key-id", rds_shape_get_string (source, "kms-key-id"));
  rds_shape_set_string (model, "db-snapshot-arn", arn);
  rds_shape_set_boolean (model, "iam-database-authentication-enabled",
                         rds_shape_get_boolean (source, "iam-database-authentication-enabled"));
  rds_shape_set_string (model, "dbi-resource-id", rds_db_instance_get_resource_id (instance->model));
  rds_shape_set_string (model, "snapshot-target", "region");
  rds_shape_set_int (model, "storage-throughput", rds_shape_get_int (source, "storage-throughput"));
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
  snapshot->instance_class = g_strdup (rds_shape_get_string (source, "db-instance-class"));
  snapshot->db_name = g_strdup (rds_shape_get_string (source, "db-name"));
  _rds_sim_region_add (instance->region, &snapshot->resource);
  _rds_sim_engine_schedule (self, &snapshot->resource, 0, due);

  emit (self, snapshot, automated ? "Creating automated snapshot." : "Creating manual snapshot.", "creation", now);
  _rds_sim_resource_changed (self, &snapshot->resource);

  return snapshot;
}

/* Copies */

#define MAX_CROSS_REGION_COPIES 20

/* Whether the snapshot is a copy of another (which it says for good). */
static gboolean
is_copy (RdsSimSnapshot *snapshot)
{
  return rds_shape_get_string (RDS_SHAPE (snapshot->model), "source-db-snapshot-identifier") != NULL;
}

/* A copy whose data is still on its way. */
static gboolean
is_copying (RdsSimSnapshot *snapshot)
{
  return is_copy (snapshot) && snapshot->due[0] != 0;
}

static gboolean
is_cross_region (RdsSimSnapshot *snapshot)
{
  return g_strcmp0 (rds_shape_get_string (RDS_SHAPE (snapshot->model), "source-region"),
                    snapshot->region->info->name) != 0;
}

/* The name in a snapshot ARN: …:snapshot:NAME, where an automated
 * snapshot's NAME holds a colon itself (rds:mydb-…). */
static const char *
arn_snapshot_name (const char *arn)
{
  const char *part = arn != NULL ? strstr (arn, ":snapshot:") : NULL;

  return part != NULL ? part + strlen (":snapshot:") : arn;
}

/* A copy reads the whole snapshot: a few minutes for a small one in its own
 * Region; across Regions the data travels further. */
static gint64
copy_duration (RdsSimEngine   *self,
               RdsSimSnapshot *snapshot)
{
  gint64 allocated = rds_shape_get_int (RDS_SHAPE (snapshot->model), "allocated-storage");

  if (is_cross_region (snapshot))
    return USEC (600 + allocated * 12 + _rds_sim_engine_draw (self, 60, 600));
  return USEC (120 + allocated * 2 + _rds_sim_engine_draw (self, 30, 180));
}

static void
copy_fire (RdsSimEngine   *self,
           RdsSimSnapshot *snapshot,
           gint64          now)
{
  RdsShape *model = RDS_SHAPE (snapshot->model);
  const char *source = arn_snapshot_name (rds_shape_get_string (model, "source-db-snapshot-identifier"));
  g_autofree char *message = NULL;

  /* Out of the destination's queue: the data starts to move. */
  if (g_strcmp0 (rds_db_snapshot_get_status (snapshot->model), "pending") == 0)
    {
      rds_db_snapshot_set_status (snapshot->model, "copying");
      snapshot->started = now;
      _rds_sim_engine_schedule (self, &snapshot->resource, 0, now + copy_duration (self, snapshot));
      _rds_sim_resource_changed (self, &snapshot->resource);
      return;
    }

  rds_db_snapshot_set_status (snapshot->model, "available");
  rds_shape_set_int (model, "percent-progress", 100);
  if (is_cross_region (snapshot))
    {
      gint64 minutes = (now - rds_shape_get_timestamp (model, "snapshot-create-time") + USEC (59)) / USEC (60);

      message = g_strdup_printf ("Finished copy of snapshot %s from region %s in %" G_GINT64_FORMAT
                                 " minutes.", source, rds_shape_get_string (model, "source-region"),
                                 minutes);
    }
  else
    message = g_strdup_printf ("Finished copy of snapshot %s.", source);
  emit (self, snapshot, message, "notification", now);
  _rds_sim_resource_changed (self, &snapshot->resource);
}

/* Its one timer: the copy is done. */
static void
snapshot_fire (RdsSimEngine   *self,
               RdsSimResource *resource,
               guint           timer,
               gint64          now)
{
  RdsSimSnapshot *snapshot = (RdsSimSnapshot *) resource;

  if (is_copy (snapshot))
    {
      copy_fire (self, snapshot, now);
      return;
    }

  rds_db_snapshot_set_status (snapshot->model, "available");
  rds_shape_set_int (RDS_SHAPE (snapshot->model), "percent-progress", 100);
  emit (self, snapshot,
        g_strcmp0 (rds_shape_get_string (RDS_SHAPE (snapshot->model), "snapshot-type"), "automated") == 0
        ? "Automated snapshot created." : "Manual snapshot created.", "creation", now);
  _rds_sim_resource_changed (self, &snapshot->resource);

  /* An automated backup taken without a backing-up step of the instance's
   * (a Multi-AZ one's, from its standby) is finished now. */
  if (g_strcmp0 (rds_shape_get_string (RDS_SHAPE (snapshot->model), "snapshot-type"), "automated") == 0)
    {
      RdsSimInstance *instance = _rds_sim_instance_lookup (snapshot->region,
                                                           rds_db_snapshot_get_db_instance_identifier (snapshot->model),
                                                           NULL);

      if (instance != NULL && instance->op != RDS_SIM_OP_BACKUP && instance->op != RDS_SIM_OP_FIRST_BACKUP &&
          g_strcmp0 (rds_db_instance_get_resource_id (instance->model),
                     rds_shape_get_string (RDS_SHAPE (snapshot->model), "dbi-resource-id")) == 0)
        _rds_sim_instance_emit (self, instance, "Finished DB Instance backup.", "backup", now);
    }
}

void
_rds_sim_snapshot_refresh (RdsSimSnapshot *snapshot,
                           gint64          now)
{
  gint64 span = snapshot->due[0] - snapshot->started;
  int progress;

  /* A copy waiting in the queue has not started. */
  if (snapshot->due[0] == 0 || span <= 0 ||
      g_strcmp0 (rds_db_snapshot_get_status (snapshot->model), "pending") == 0)
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
  g_autofree char *canceled = NULL;
  RdsSimSnapshot *snapshot;
  const char *name, *status;
  gint64 now = rds_sim_engine_get_now (self);

  if ((name = rds_request_require_string (request, "DBSnapshotIdentifier", error)) == NULL ||
      (snapshot = _rds_sim_snapshot_lookup (region, name, error)) == NULL)
    return NULL;

  status = rds_db_snapshot_get_status (snapshot->model);

  /* Deleting a copy under way cancels it. */
  if (is_copying (snapshot))
    {
      const char *source = arn_snapshot_name (rds_shape_get_string (RDS_SHAPE (snapshot->model),
                                                                    "source-db-snapshot-identifier"));

      canceled = is_cross_region (snapshot)
                 ? g_strdup_printf ("Canceled snapshot copy request of %s from region %s.", source,
                                    rds_shape_get_string (RDS_SHAPE (snapshot->model), "source-region"))
                 : g_strdup_printf ("Canceled snapshot copy request of %s.", source);
    }
  else if (g_strcmp0 (rds_shape_get_string (RDS_SHAPE (snapshot->model), "snapshot-type"), "manual") != 0)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_DB_SNAPSHOT_STATE,
                   "Cannot delete the automated snapshot %s: automated snapshots go with their "
                   "instance's backup retention. Copy it to keep it.", snapshot_id (snapshot));
      return NULL;
    }
  else if (g_strcmp0 (status, "available") != 0 && g_strcmp0 (status, "failed") != 0)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_DB_SNAPSHOT_STATE,
                   "Cannot delete the snapshot %s because it is %s; wait until it is available.",
                   snapshot_id (snapshot), status);
      return NULL;
    }

  model = g_object_ref (snapshot->model);
  if (canceled != NULL)
    emit (self, snapshot, canceled, "notification", now);
  else
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
  /* "public": this account's own public snapshots; "shared" ones are other
   * accounts', which this one-account simulator has none of. */
  if (g_strcmp0 (snapshot_type, "public") == 0)
    {
      if (snapshot->restore == NULL || !g_strv_contains ((const char * const *) snapshot->restore, "all"))
        return FALSE;
    }
  else if (snapshot_type != NULL && g_strcmp0 (snapshot_type, rds_shape_get_string (model, "snapshot-type")) != 0)
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
  gboolean include_public = FALSE, include_shared = FALSE;
  int max_records;

  if (!_rds_sim_engine_page_args (request, 100, &max_records, &marker, error))
    return NULL;
  /* Other accounts' public and shared snapshots: there are none to add. */
  if (!rds_request_get_boolean (request, "IncludePublic", &include_public, error) ||
      !rds_request_get_boolean (request, "IncludeShared", &include_shared, error))
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
  /* Automated snapshots are the rds:… names, together in the tree: a
   * Region keeps thousands, so a type goes straight to them or past them. */
  if (g_strcmp0 (snapshot_type, "automated") == 0 &&
      (after == NULL || strcmp (after, AUTOMATED_PREFIX) < 0))
    node = g_tree_lower_bound (RDS_SIM_SNAPSHOTS (region), AUTOMATED_PREFIX);
  for (; node != NULL; node = g_tree_node_next (node))
    {
      RdsSimSnapshot *snapshot = g_tree_node_value (node);
      gboolean automated_name = g_str_has_prefix (g_tree_node_key (node), AUTOMATED_PREFIX);

      if (snapshot_type != NULL && !automated_name && g_str_equal (snapshot_type, "automated") &&
          strcmp (g_tree_node_key (node), AUTOMATED_PREFIX) > 0)
        break;
      if (snapshot_type != NULL && automated_name && !g_str_equal (snapshot_type, "automated"))
        {
          /* On to the first name after the rds: ones. */
          node = g_tree_lower_bound (RDS_SIM_SNAPSHOTS (region), AUTOMATED_END);
          if (node == NULL)
            break;
          snapshot = g_tree_node_value (node);
        }

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

/* CopyDBSnapshot */

/* A snapshot named by its identifier in @region, or by its ARN in any. */
static RdsSimSnapshot *
find_source (RdsSimEngine  *self,
             RdsSimRegion  *region,
             const char    *text,
             GError       **error)
{
  g_auto(GStrv) parts = NULL;
  RdsSimRegion *other;

  if (!g_str_has_prefix (text, "arn:"))
    return _rds_sim_snapshot_lookup (region, text, error);

  /* The identifier of an automated snapshot holds a colon: split it off last. */
  parts = g_strsplit (text, ":", 7);
  if (g_strv_length (parts) != 7 || !g_str_equal (parts[1], "aws") || !g_str_equal (parts[2], "rds") ||
      !g_str_equal (parts[5], "snapshot") || parts[6][0] == '\0')
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "%s is not a valid DB snapshot ARN: it must be "
                          "arn:aws:rds:<region>:<account>:snapshot:<identifier>.", text), NULL;

  other = _rds_sim_engine_get_region (self, parts[3]);
  if (other == NULL || !g_str_equal (parts[4], rds_sim_engine_get_account_id (self)))
    return _rds_sim_fail (error, RDS_AWS_ERROR_DB_SNAPSHOT_NOT_FOUND, "DBSnapshot %s not found.", text), NULL;
  return _rds_sim_snapshot_lookup (other, parts[6], error);
}

static guint
count_cross_region_copies (RdsSimRegion *region)
{
  guint count = 0;

  for (GTreeNode *node = g_tree_node_first (RDS_SIM_SNAPSHOTS (region)); node != NULL;
       node = g_tree_node_next (node))
    {
      RdsSimSnapshot *snapshot = g_tree_node_value (node);

      count += is_copying (snapshot) && is_cross_region (snapshot);
    }
  return count;
}

static RdsQueryResult *
copy_db_snapshot (RdsSimEngine  *self,
                  RdsSimRegion  *region,
                  RdsRequest    *request,
                  GError       **error)
{
  const char *source_text, *target_name, *kms_request, *option_group, *status;
  g_autofree char *id = NULL;
  g_autofree char *kms_key = NULL;
  g_autofree char *arn = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(RdsQueryResult) result = NULL;
  RdsSimSnapshot *source, *copy;
  RdsShape *source_model, *model;
  GListStore *tag_list;
  gboolean copy_tags = FALSE, cross_region;
  gint64 now = rds_sim_engine_get_now (self);
  gint64 due;

  if ((source_text = rds_request_require_string (request, "SourceDBSnapshotIdentifier", error)) == NULL ||
      (target_name = rds_request_require_string (request, "TargetDBSnapshotIdentifier", error)) == NULL ||
      (source = find_source (self, region, source_text, error)) == NULL)
    return NULL;
  source_model = RDS_SHAPE (source->model);
  cross_region = source->region != region;

  status = rds_db_snapshot_get_status (source->model);
  if (g_strcmp0 (status, "available") != 0)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_DB_SNAPSHOT_STATE,
                          "Cannot copy the snapshot %s because it is %s; a snapshot can be copied once "
                          "it is available.", source->id, status), NULL;

  id = g_ascii_strdown (target_name, -1);
  if (!_rds_sim_snapshot_check_new (self, region, id, error))
    return NULL;
  if (cross_region && count_cross_region_copies (region) >= MAX_CROSS_REGION_COPIES)
    return _rds_sim_fail (error, RDS_AWS_ERROR_SNAPSHOT_QUOTA_EXCEEDED,
                          "Cannot copy more than %d snapshots across Regions into %s at a time; wait "
                          "for a copy under way to finish.", MAX_CROSS_REGION_COPIES,
                          region->info->name), NULL;

  if (!rds_request_get_boolean (request, "CopyTags", &copy_tags, error))
    return NULL;
  tags = rds_request_get_tags (request, "Tags", error);
  if (tags == NULL || !_rds_rules_check_tags (tags, error))
    return NULL;

  /* A key given encrypts the copy with it (the one way to encrypt an
   * unencrypted snapshot); else an encrypted copy keeps its source's key,
   * which can't leave its Region. */
  kms_request = rds_request_get_string (request, "KmsKeyId");
  if (kms_request != NULL)
    {
      if ((kms_key = _rds_sim_resolve_kms_key (self, region, kms_request, error)) == NULL)
        return NULL;
    }
  else if (rds_shape_get_boolean (source_model, "encrypted") && cross_region)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "Must specify new KMS key for cross region encrypted snapshot copy: KMS keys "
                          "stay in their Region, so give KmsKeyId, a key of %s.",
                          region->info->name), NULL;
  else if (rds_shape_get_boolean (source_model, "encrypted"))
    kms_key = g_strdup (rds_shape_get_string (source_model, "kms-key-id"));

  /* Accepted as given: option groups are not simulated. */
  option_group = rds_request_get_string (request, "OptionGroupName");

  /* Nothing fails from here on. */
  arn = _rds_sim_engine_arn (self, region, "snapshot", id);
  model = rds_shape_copy (source_model);
  rds_shape_set_string (model, "db-snapshot-identifier", id);
  rds_shape_set_string (model, "db-snapshot-arn", arn);
  rds_shape_set_string (model, "status", cross_region ? "pending" : "creating");
  rds_shape_set_string (model, "snapshot-type", "manual");
  rds_shape_set_int (model, "percent-progress", 0);
  rds_shape_set_boolean (model, "encrypted", kms_key != NULL);
  rds_shape_set_string (model, "kms-key-id", kms_key);
  rds_shape_set_string (model, "source-db-snapshot-identifier", rds_db_snapshot_get_arn (source->model));
  rds_shape_set_string (model, "source-region", source->region->info->name);
  rds_shape_set_timestamp (model, "snapshot-create-time", now);
  if (rds_shape_get_timestamp (model, "original-snapshot-create-time") == 0)
    rds_shape_set_timestamp (model, "original-snapshot-create-time",
                             rds_shape_get_timestamp (source_model, "snapshot-create-time"));
  if (option_group != NULL)
    rds_shape_set_string (model, "option-group-name", option_group);

  tag_list = rds_shape_ensure_list (model, "tag-list");
  g_list_store_remove_all (tag_list);
  if (copy_tags)
    {
      GListModel *source_tags = rds_shape_get_list (source_model, "tag-list");

      for (guint i = 0; source_tags != NULL && i < g_list_model_get_n_items (source_tags); i++)
        {
          g_autoptr(RdsShape) tag = g_list_model_get_item (source_tags, i);
          g_autoptr(RdsShape) tag_copy = rds_shape_copy (tag);

          g_list_store_append (tag_list, tag_copy);
        }
    }
  _rds_sim_merge_tags (tag_list, tags);

  copy = g_new0 (RdsSimSnapshot, 1);
  copy->kind = &_rds_sim_kind_db_snapshot;
  copy->region = region;
  copy->model = RDS_DB_SNAPSHOT (model);
  copy->started = now;
  copy->instance_class = g_strdup (source->instance_class);
  copy->db_name = g_strdup (source->db_name);
  _rds_sim_region_add (region, &copy->resource);

  /* Across Regions, the copy first waits in the destination's queue. */
  due = now + (cross_region ? USEC (_rds_sim_engine_draw (self, 60, 240)) : copy_duration (self, copy));
  _rds_sim_engine_schedule (self, &copy->resource, 0, due);

  message = cross_region
            ? g_strdup_printf ("Started copy of snapshot %s from region %s.", source->id,
                               source->region->info->name)
            : g_strdup_printf ("Started copy of snapshot %s in region %s.", source->id,
                               region->info->name);
  emit (self, copy, message, "notification", now);
  _rds_sim_resource_changed (self, &copy->resource);

  result = rds_query_result_new (rds_action_lookup ("CopyDBSnapshot"));
  result->item = g_object_ref (model);
  return g_steal_pointer (&result);
}

/* Sharing: the "restore" attribute */

#define MAX_SHARED_ACCOUNTS 20

/* A 12-digit AWS account ID, or "all". */
static gboolean
valid_restore_value (const char *value)
{
  if (g_str_equal (value, "all"))
    return TRUE;
  if (strlen (value) != 12)
    return FALSE;
  for (guint i = 0; i < 12; i++)
    if (!g_ascii_isdigit (value[i]))
      return FALSE;
  return TRUE;
}

/* Whether the snapshot is encrypted with the Region's AWS managed key
 * (alias/aws/rds), whose policy no other account can be given. */
static gboolean
uses_default_key (RdsSimSnapshot *snapshot)
{
  return g_strcmp0 (snapshot->region->default_kms_key,
                    rds_shape_get_string (RDS_SHAPE (snapshot->model), "kms-key-id")) == 0;
}

static RdsQueryResult *
attributes_result (const char     *action,
                   RdsSimSnapshot *snapshot)
{
  g_autoptr(RdsQueryResult) result = rds_query_result_new (rds_action_lookup (action));
  g_autoptr(RdsDbSnapshotAttribute) attribute = NULL;
  RdsShape *item;

  attribute = rds_db_snapshot_attribute_new ("restore", (const char * const *) snapshot->restore);
  item = g_object_new (RDS_TYPE_DB_SNAPSHOT_ATTRIBUTES_RESULT,
                       "db-snapshot-identifier", snapshot_id (snapshot),
                       NULL);
  g_list_store_append (rds_shape_ensure_list (item, "db-snapshot-attributes"), attribute);
  result->item = item;
  return g_steal_pointer (&result);
}

static gboolean
check_restore_values (char    **values,
                      GError  **error)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (!valid_restore_value (values[i]))
      return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                            "Invalid value '%s' for the restore attribute: give 12-digit AWS account "
                            "IDs, or all to make the snapshot public.", values[i]);
  return TRUE;
}

static RdsQueryResult *
modify_db_snapshot_attribute (RdsSimEngine  *self,
                              RdsSimRegion  *region,
                              RdsRequest    *request,
                              GError       **error)
{
  const char *name, *attribute, *status;
  g_auto(GStrv) add = NULL;
  g_auto(GStrv) remove = NULL;
  g_autoptr(GPtrArray) values = NULL;
  RdsSimSnapshot *snapshot;
  RdsShape *model;
  guint accounts = 0;

  if ((name = rds_request_require_string (request, "DBSnapshotIdentifier", error)) == NULL ||
      (attribute = rds_request_require_string (request, "AttributeName", error)) == NULL ||
      (snapshot = _rds_sim_snapshot_lookup (region, name, error)) == NULL)
    return NULL;
  model = RDS_SHAPE (snapshot->model);

  if (!g_str_equal (attribute, "restore"))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "Invalid AttributeName %s: the one attribute of a DB snapshot is restore, "
                          "the accounts that may copy or restore it.", attribute), NULL;
  if (g_strcmp0 (rds_shape_get_string (model, "snapshot-type"), "manual") != 0)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "The parameter DBSnapshotIdentifier is not a valid identifier: %s is an "
                          "automated snapshot, which can't be shared. Copy it to a manual snapshot "
                          "and share the copy.", snapshot_id (snapshot)), NULL;
  status = rds_db_snapshot_get_status (snapshot->model);
  if (g_strcmp0 (status, "available") != 0)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_DB_SNAPSHOT_STATE,
                          "Cannot share the snapshot %s because it is %s; wait until it is "
                          "available.", snapshot_id (snapshot), status), NULL;

  add = rds_request_get_list (request, "ValuesToAdd", "AttributeValue");
  remove = rds_request_get_list (request, "ValuesToRemove", "AttributeValue");
  if (!check_restore_values (add, error) || !check_restore_values (remove, error))
    return NULL;

  if (rds_shape_get_boolean (model, "encrypted") && add != NULL && add[0] != NULL)
    {
      if (g_strv_contains ((const char * const *) add, "all"))
        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                              "The encrypted snapshot %s can't be made public: share it with AWS "
                              "account IDs instead of all.", snapshot_id (snapshot)), NULL;
      if (uses_default_key (snapshot))
        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                              "The snapshot %s is encrypted with the AWS managed key alias/aws/rds, "
                              "which other accounts can't use, so it can't be shared. Copy it with "
                              "a customer managed KmsKeyId and share the copy.",
                              snapshot_id (snapshot)), NULL;
    }

  /* The values after the change: what was there and what is added, less
   * what is removed. */
  values = g_ptr_array_new ();
  for (guint i = 0; snapshot->restore != NULL && snapshot->restore[i] != NULL; i++)
    g_ptr_array_add (values, snapshot->restore[i]);
  for (guint i = 0; add != NULL && add[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (values, add[i], g_str_equal, NULL))
      g_ptr_array_add (values, add[i]);
  for (guint i = 0; remove != NULL && remove[i] != NULL; i++)
    {
      guint position;

      if (g_ptr_array_find_with_equal_func (values, remove[i], g_str_equal, &position))
        g_ptr_array_remove_index (values, position);
    }

  for (guint i = 0; i < values->len; i++)
    accounts += !g_str_equal (g_ptr_array_index (values, i), "all");
  if (accounts > MAX_SHARED_ACCOUNTS)
    return _rds_sim_fail (error, RDS_AWS_ERROR_SHARED_SNAPSHOT_QUOTA_EXCEEDED,
                          "A manual snapshot can be shared with at most %d AWS accounts; %s would "
                          "be shared with %u. Remove accounts first, or make it public with all.",
                          MAX_SHARED_ACCOUNTS, snapshot_id (snapshot), accounts), NULL;

  /* Nothing fails from here on. */
  if (values->len > 0)
    {
      char **restore;

      g_ptr_array_add (values, NULL);
      restore = g_strdupv ((char **) values->pdata);
      g_strfreev (snapshot->restore);
      snapshot->restore = restore;
    }
  else
    g_clear_pointer (&snapshot->restore, g_strfreev);
  _rds_sim_resource_changed (self, &snapshot->resource);

  return attributes_result ("ModifyDBSnapshotAttribute", snapshot);
}

static RdsQueryResult *
describe_db_snapshot_attributes (RdsSimEngine  *self,
                                 RdsSimRegion  *region,
                                 RdsRequest    *request,
                                 GError       **error)
{
  RdsSimSnapshot *snapshot;
  const char *name;

  if ((name = rds_request_require_string (request, "DBSnapshotIdentifier", error)) == NULL ||
      (snapshot = _rds_sim_snapshot_lookup (region, name, error)) == NULL)
    return NULL;

  return attributes_result ("DescribeDBSnapshotAttributes", snapshot);
}

/* Saved: when the copy started, and when it ends ({"started": …, "due": …}),
 * whom it is shared with ({"restore": […]}), and its instance's class and
 * database name ({"instanceClass": …, "dbName": …}). */
static void
snapshot_save (RdsSimResource *resource,
               JsonObject     *sim)
{
  RdsSimSnapshot *snapshot = (RdsSimSnapshot *) resource;

  json_object_set_int_member (sim, "started", snapshot->started);
  if (snapshot->due[0] != 0)
    json_object_set_int_member (sim, "due", snapshot->due[0]);
  if (snapshot->restore != NULL)
    {
      JsonArray *restore = json_array_new ();

      for (guint i = 0; snapshot->restore[i] != NULL; i++)
        json_array_add_string_element (restore, snapshot->restore[i]);
      json_object_set_array_member (sim, "restore", restore);
    }
  if (snapshot->instance_class != NULL)
    json_object_set_string_member (sim, "instanceClass", snapshot->instance_class);
  if (snapshot->db_name != NULL)
    json_object_set_string_member (sim, "dbName", snapshot->db_name);
}

static RdsSimResource *
snapshot_load (RdsSimRegion  *region,
               RdsShape      *model,
               JsonObject    *sim,
               GError       **error)
{
  g_autoptr(RdsShape) owned = model;
  g_autoptr(GStrvBuilder) restore = g_strv_builder_new ();
  JsonNode *restore_node = json_object_get_member (sim, "restore");
  RdsSimSnapshot *snapshot;

  if (restore_node != NULL)
    {
      JsonArray *values = JSON_NODE_HOLDS_ARRAY (restore_node) ? json_node_get_array (restore_node) : NULL;

      for (guint i = 0; values != NULL && i < json_array_get_length (values); i++)
        {
          JsonNode *value = json_array_get_element (values, i);

          if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
            values = NULL;
          else
            g_strv_builder_add (restore, json_node_get_string (value));
        }
      if (values == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "a DB snapshot record's restore attribute is not a list of accounts");
          return NULL;
        }
    }

  snapshot = g_new0 (RdsSimSnapshot, 1);
  snapshot->kind = &_rds_sim_kind_db_snapshot;
  snapshot->region = region;
  snapshot->model = RDS_DB_SNAPSHOT (g_steal_pointer (&owned));
  snapshot->started = json_object_get_int_member_with_default (sim, "started", 0);
  if (restore_node != NULL)
    snapshot->restore = g_strv_builder_end (restore);
  /* Private: no list at all. */
  if (snapshot->restore != NULL && snapshot->restore[0] == NULL)
    g_clear_pointer (&snapshot->restore, g_strfreev);
  snapshot->due[0] = json_object_get_int_member_with_default (sim, "due", 0);
  snapshot->instance_class = g_strdup (json_object_get_string_member_with_default (sim, "instanceClass", NULL));
  snapshot->db_name = g_strdup (json_object_get_string_member_with_default (sim, "dbName", NULL));
  return &snapshot->resource;
}

static const RdsSimAction snapshot_actions[] = {
  { "CreateDBSnapshot", _rds_sim_action_create_db_snapshot },
  { "DeleteDBSnapshot", _rds_sim_action_delete_db_snapshot },
  { "DescribeDBSnapshots", _rds_sim_action_describe_db_snapshots },
  { "CopyDBSnapshot", copy_db_snapshot },
  { "ModifyDBSnapshotAttribute", modify_db_snapshot_attribute },
  { "DescribeDBSnapshotAttributes", describe_db_snapshot_attributes },
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
