/* rds-sim-engine-replicas.c: read replicas: create, replicate, lag, promote
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A read replica begins as a snapshot of its source (a Single-AZ source is
 * backing-up meanwhile; a Multi-AZ one gives the snapshot from its
 * standby), is created from it, sets up replication (modifying), and then
 * replicates asynchronously: its ReplicaLag follows how hard its source
 * writes. When either is down, replication breaks and the lag grows; when
 * both are back, it resumes and catches up. A replica in the source's
 * Region is named by its identifier on both sides, one in another Region
 * by its ARN.
 */

#include "config.h"

#include "rds-sim-engine-private.h"

#include <string.h>

#include "rds-db-instance-status-info.h"
#include "rds-endpoint.h"
#include "rds-pending-modified-values.h"
#include "rds-rules.h"
#include "rds-tag.h"

#define MAX_DEPTH 3   /* source → replica → replica → replica */

static const char * const replication_names[RDS_SIM_N_REPLICATION_STATES] = {
  [RDS_SIM_REPLICATION_NONE] = "none",
  [RDS_SIM_REPLICATION_STARTING] = "starting",
  [RDS_SIM_REPLICATION_REPLICATING] = "replicating",
  [RDS_SIM_REPLICATION_ERROR] = "error",
};

const char *
_rds_sim_replication_get_name (RdsSimReplication state)
{
  g_return_val_if_fail (state < RDS_SIM_N_REPLICATION_STATES, "none");

  return replication_names[state];
}

gboolean
_rds_sim_replication_from_name (const char        *name,
                                RdsSimReplication *state)
{
  for (guint i = 0; i < RDS_SIM_N_REPLICATION_STATES; i++)
    if (g_strcmp0 (replication_names[i], name) == 0)
      {
        *state = i;
        return TRUE;
      }

  return FALSE;
}

static RdsShape *
shape (RdsSimInstance *instance)
{
  return RDS_SHAPE (instance->model);
}

/* "arn:aws:rds:REGION:ACCOUNT:db:ID" */
static gboolean
parse_arn (const char  *text,
           char       **region,
           char       **account,
           char       **id)
{
  g_auto(GStrv) parts = NULL;

  if (!g_str_has_prefix (text, "arn:"))
    return FALSE;
  parts = g_strsplit (text, ":", 7);
  if (g_strv_length (parts) != 7 || !g_str_equal (parts[1], "aws") || !g_str_equal (parts[2], "rds") ||
      !g_str_equal (parts[5], "db") || parts[6][0] == '\0')
    return FALSE;

  *region = g_strdup (parts[3]);
  *account = g_strdup (parts[4]);
  *id = g_ascii_strdown (parts[6], -1);
  return TRUE;
}

/* An instance named by its identifier in @region, or by its ARN in any. */
static RdsSimInstance *
find_instance (RdsSimEngine  *self,
               RdsSimRegion  *region,
               const char    *text,
               GError       **error)
{
  g_autofree char *region_name = NULL;
  g_autofree char *account = NULL;
  g_autofree char *id = NULL;
  RdsSimRegion *other;

  if (!g_str_has_prefix (text, "arn:"))
    return _rds_sim_instance_lookup (region, text, error);

  if (!parse_arn (text, &region_name, &account, &id))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "%s is not a valid DB instance ARN: it must be "
                          "arn:aws:rds:<region>:<account>:db:<identifier>.", text), NULL;
  other = _rds_sim_engine_get_region (self, region_name);
  if (other == NULL || !g_str_equal (account, rds_sim_engine_get_account_id (self)))
    return _rds_sim_fail (error, RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND, "DBInstance %s not found.", text), NULL;
  return _rds_sim_instance_lookup (other, id, error);
}

/* How @instance is named from @region: its identifier there, else its ARN. */
static const char *
reference (RdsSimInstance *instance,
           RdsSimRegion   *region)
{
  return instance->region == region ? instance->id : rds_db_instance_get_arn (instance->model);
}

RdsSimInstance *
_rds_sim_instance_get_source (RdsSimInstance *replica)
{
  const char *text = rds_shape_get_string (shape (replica), "read-replica-source-db-instance-identifier");

  if (text == NULL)
    return NULL;
  return find_instance (replica->region->engine, replica->region, text, NULL);
}

guint
_rds_sim_instance_count_replicas (RdsSimInstance *instance)
{
  const char * const *replicas = rds_shape_get_strv (shape (instance), "read-replica-db-instance-identifiers");

  return replicas != NULL ? g_strv_length ((char **) replicas) : 0;
}

/* The replicas of @source, in the order they were made. */
static GPtrArray *
replicas_of (RdsSimInstance *source)
{
  const char * const *names = rds_shape_get_strv (shape (source), "read-replica-db-instance-identifiers");
  GPtrArray *replicas = g_ptr_array_new ();

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      RdsSimInstance *replica = find_instance (source->region->engine, source->region, names[i], NULL);

      if (replica != NULL)
        g_ptr_array_add (replicas, replica);
    }

  return replicas;
}

/* Copies first: setting the field frees the strings it held. */
static void
add_name (RdsShape   *model,
          const char *field,
          const char *name)
{
  const char * const *names = rds_shape_get_strv (model, field);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) next = NULL;

  if (names != NULL)
    g_strv_builder_addv (builder, (const char **) names);
  g_strv_builder_add (builder, name);
  next = g_strv_builder_end (builder);
  rds_shape_set_strv (model, field, (const char * const *) next);
}

static void
remove_name (RdsShape   *model,
             const char *field,
             const char *name)
{
  const char * const *names = rds_shape_get_strv (model, field);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) next = NULL;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_strcmp0 (names[i], name) != 0)
      g_strv_builder_add (builder, names[i]);
  next = g_strv_builder_end (builder);
  rds_shape_set_strv (model, field, next[0] != NULL ? (const char * const *) next : NULL);
}

/* Replication and its lag */

/* Its storage is full: the engine is shut down. */
static gboolean
is_full (RdsSimInstance *instance)
{
  const RdsSimSegment *segment = rds_sim_workload_last (&instance->workload);

  return segment != NULL && segment->phase == RDS_SIM_PHASE_FULL;
}

gboolean
_rds_sim_instance_is_running (RdsSimInstance *instance)
{
  const char *status = rds_db_instance_get_status (instance->model);

  switch (instance->op)
    {
    case RDS_SIM_OP_NONE:
    case RDS_SIM_OP_OPTIMIZE:
    case RDS_SIM_OP_SNAPSHOT:
    case RDS_SIM_OP_FIRST_BACKUP:
    case RDS_SIM_OP_BACKUP:
    case RDS_SIM_OP_MODIFY:
    case RDS_SIM_OP_REPLICATE:
    case RDS_SIM_OP_PROMOTE:
      /* Not stopped, nor shut down by a full disk or a KMS key it can't use. */
      return g_strcmp0 (status, "stopped") != 0 && !is_full (instance) &&
             !g_str_has_prefix (status != NULL ? status : "", "inaccessible-encryption-credentials");
    default:
      return FALSE;
    }
}

/**
 * _rds_sim_instance_replica_lag:
 * @source: (nullable): its source, which the lag follows
 * @minute: a whole minute
 *
 * Returns: whether the replica published ReplicaLag over @minute, in @value
 */
gboolean
_rds_sim_instance_replica_lag (RdsSimInstance *replica,
                               RdsSimInstance *source,
                               gint64          minute,
                               double         *value)
{
  const RdsSimSegment *segment = rds_sim_workload_at (&replica->workload, minute);
  double writes = 0.0;

  if (segment == NULL || segment->replication == RDS_SIM_LAG_NONE)
    return FALSE;
  if (source != NULL)
    {
      const RdsSimSegment *at = rds_sim_workload_at (&source->workload, minute);

      if (!rds_sim_workload_sample (&source->workload, at, RDS_METRIC_WRITE_IOPS, minute, &writes))
        writes = 0.0;
    }

  return rds_sim_workload_replica_lag (&replica->workload, segment, minute, writes, value);
}

/* How far behind the replica is at @now, from its history alone. */
static double
backlog (RdsSimInstance *replica,
         gint64          now)
{
  const RdsSimSegment *segment = rds_sim_workload_last (&replica->workload);
  double since;

  if (segment == NULL || segment->replication == RDS_SIM_LAG_NONE)
    return 0.0;
  since = (double) (now - segment->start) / G_USEC_PER_SEC;
  if (segment->replication == RDS_SIM_LAG_BROKEN)
    return segment->lag_start + since;
  return MAX (0.0, segment->lag_start - 2.0 * since);
}

static void
set_status_info (RdsSimInstance *replica,
                 const char     *status,
                 const char     *message)
{
  GListStore *list = rds_shape_ensure_list (shape (replica), "status-infos");

  g_list_store_remove_all (list);
  if (status != NULL)
    {
      g_autoptr(RdsShape) info = g_object_new (RDS_TYPE_DB_INSTANCE_STATUS_INFO,
                                               "status-type", "read replication",
                                               "normal", g_str_equal (status, "replicating"),
                                               "status", status,
                                               "message", message,
                                               NULL);
      g_list_store_append (list, info);
    }
}

/* From @now the replica replicates (or not) with @lag seconds to catch up. */
static void
record_replication (RdsSimEngine   *self,
                    RdsSimInstance *replica,
                    RdsSimLagState  state,
                    double          lag,
                    gint64          now)
{
  RdsSimSegment *segment = _rds_sim_instance_record (self, replica, now, -1);

  segment->replication = state;
  segment->lag_start = (float) lag;
}

/* Why replication is broken, as its StatusInfo says. */
static const char *
error_message (RdsSimInstance *replica)
{
  if (_rds_sim_instance_is_running (replica))
    return "The read replica can't reach its source DB instance.";
  if (is_full (replica))
    return "The read replica's storage is full: it can't apply its source's changes until it has more "
           "storage.";
  return "The read replica is not running.";
}

static void
update_one (RdsSimEngine   *self,
            RdsSimInstance *replica,
            gint64          now)
{
  RdsSimInstance *source = _rds_sim_instance_get_source (replica);
  gboolean flowing = source != NULL && _rds_sim_instance_is_running (source) &&
                     _rds_sim_instance_is_running (replica);
  RdsSimReplication next = flowing ? RDS_SIM_REPLICATION_REPLICATING : RDS_SIM_REPLICATION_ERROR;

  if (replica->replication == RDS_SIM_REPLICATION_NONE || replica->replication == RDS_SIM_REPLICATION_STARTING)
    return;

  /* Still broken, maybe for another reason: the replica went down after
   * its source did, or came back before it. */
  if (replica->replication == next)
    {
      GListModel *infos = rds_shape_get_list (shape (replica), "status-infos");
      g_autoptr(RdsShape) info = infos != NULL ? g_list_model_get_item (infos, 0) : NULL;

      if (!flowing && (info == NULL || g_strcmp0 (rds_shape_get_string (info, "message"),
                                                  error_message (replica)) != 0))
        {
          set_status_info (replica, "error", error_message (replica));
          _rds_sim_instance_dirty (self, replica);
        }
      return;
    }

  if (flowing)
    {
      record_replication (self, replica, source->region == replica->region ? RDS_SIM_LAG_REPLICATING
                                                                           : RDS_SIM_LAG_REMOTE,
                          backlog (replica, now), now);
      set_status_info (replica, "replicating", NULL);
      _rds_sim_instance_emit (self, replica, "Replication for the Read Replica resumed.", "read replica", now);
    }
  else
    {
      record_replication (self, replica, RDS_SIM_LAG_BROKEN, backlog (replica, now), now);
      set_status_info (replica, "error", error_message (replica));
      _rds_sim_instance_emit (self, replica, "Replication has stopped.", "read replica", now);
    }
  replica->replication = next;
  _rds_sim_instance_dirty (self, replica);
}

/**
 * _rds_sim_replication_update:
 *
 * @instance started, stopped or failed: its replication, as a replica, and
 * its replicas' follow.
 */
void
_rds_sim_replication_update (RdsSimEngine   *self,
                             RdsSimInstance *instance,
                             gint64          now)
{
  g_autoptr(GPtrArray) replicas = NULL;

  update_one (self, instance, now);
  if (_rds_sim_instance_count_replicas (instance) == 0)
    return;
  replicas = replicas_of (instance);
  for (guint i = 0; i < replicas->len; i++)
    update_one (self, g_ptr_array_index (replicas, i), now);
}

/* CreateDBInstanceReadReplica */

static int
depth (RdsSimInstance *instance)
{
  int n = 0;

  for (RdsSimInstance *source = _rds_sim_instance_get_source (instance);
       source != NULL && n <= MAX_DEPTH;
       source = _rds_sim_instance_get_source (source))
    n++;
  return n;
}

RdsQueryResult *
_rds_sim_action_create_db_instance_read_replica (RdsSimEngine  *self,
                                                 RdsSimRegion  *region,
                                                 RdsRequest    *request,
                                                 GError       **error)
{
  RdsSimInstance *source, *replica;
  const RdsEngineInfo *engine;
  const RdsVersionInfo *version;
  RdsShape *source_model;
  const char *identifier, *source_text, *class_name, *zone_request, *subnet_group, *kms_request;
  const char *parameter_group, *monitoring_role;
  g_autofree char *id = NULL;
  g_autofree char *kms_key = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *resource_suffix = NULL;
  g_autofree char *resource_id = NULL;
  g_autofree char *arn = NULL;
  g_autofree char *monitoring_arn = NULL;
  g_auto(GStrv) security_groups = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  RdsShape *model;
  RdsSimStorage storage;
  gboolean multi_az = FALSE, cross_region, encrypted, publicly_accessible, auto_minor, copy_tags;
  gboolean deletion_protection = FALSE, iam_auth;
  int port, monitoring_interval = 0, max_allocated = -1;
  gint64 now = rds_sim_engine_get_now (self);
  gint64 snapshot_due, due;

  identifier = rds_request_require_string (request, "DBInstanceIdentifier", error);
  if (identifier == NULL || !rds_rules_check_identifier ("DBInstanceIdentifier", identifier, 63, error))
    return NULL;
  id = g_ascii_strdown (identifier, -1);
  source_text = rds_request_require_string (request, "SourceDBInstanceIdentifier", error);
  if (source_text == NULL || (source = find_instance (self, region, source_text, error)) == NULL)
    return NULL;

  source_model = shape (source);
  engine = rds_catalog_find_engine (rds_db_instance_get_engine (source->model));
  version = rds_catalog_find_version (engine, rds_shape_get_string (source_model, "engine-version"));
  cross_region = source->region != region;

  if (g_tree_lookup (RDS_SIM_INSTANCES (region), id) != NULL)
    return _rds_sim_fail (error, RDS_AWS_ERROR_DB_INSTANCE_ALREADY_EXISTS, "DB instance already exists"), NULL;

  if (!rds_rules_check_instance_action (source->model, RDS_INSTANCE_ACTION_CREATE_READ_REPLICA, error))
    return NULL;
  if (depth (source) + 1 > MAX_DEPTH)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                          "DB instance %s is a read replica %d levels from its primary; a replica can be at "
                          "most %d levels deep.", source->id, depth (source), MAX_DEPTH), NULL;
  if (cross_region && engine->family == RDS_FAMILY_SQLSERVER)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                          "Cross-Region read replicas are not supported for SQL Server."), NULL;

  /* Network: a subnet group only for another Region. */
  subnet_group = rds_request_get_string (request, "DBSubnetGroupName");
  if (subnet_group != NULL && !cross_region)
    return _rds_sim_fail (error, RDS_AWS_ERROR_DB_SUBNET_GROUP_NOT_ALLOWED,
                          "DbSubnetGroupName should not be specified for read replicas that are created "
                          "in the same region as the source"), NULL;
  if (subnet_group != NULL && g_ascii_strcasecmp (subnet_group, "default") != 0)
    return _rds_sim_fail (error, RDS_AWS_ERROR_DB_SUBNET_GROUP_NOT_FOUND,
                          "DBSubnetGroup '%s' not found.", subnet_group), NULL;

  class_name = rds_request_get_string (request, "DBInstanceClass");
  if (class_name == NULL)
    class_name = rds_shape_get_string (source_model, "db-instance-class");
  if (!_rds_sim_check_class (engine, version, class_name, rds_shape_get_string (source_model, "license-model"),
                             error))
    return NULL;

  if (!rds_request_get_boolean (request, "MultiAZ", &multi_az, error))
    return NULL;
  zone_request = rds_request_get_string (request, "AvailabilityZone");
  if (zone_request != NULL && !rds_region_has_zone (region->info, zone_request))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                          "Invalid Availability Zone %s: it is not a zone of %s.", zone_request,
                          region->info->name), NULL;
  if (multi_az && zone_request != NULL)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                          "Requesting a specific availability zone is not valid for Multi-AZ instances."), NULL;

  iam_auth = rds_shape_get_boolean (source_model, "iam-database-authentication-enabled");
  if (!rds_request_get_boolean (request, "EnableIAMDatabaseAuthentication", &iam_auth, error) ||
      !_rds_sim_check_features (engine, multi_az, iam_auth, error))
    return NULL;

  port = rds_shape_get_object (source_model, "endpoint") != NULL
           ? rds_shape_get_int (rds_shape_get_object (source_model, "endpoint"), "port")
           : engine->default_port;
  if (!rds_request_get_int (request, "Port", &port, error) || !rds_rules_check_port (engine, port, error))
    return NULL;

  /* Storage: the source's, or more. */
  storage.storage_type = rds_shape_get_string (source_model, "storage-type");
  storage.allocated = rds_shape_get_int (source_model, "allocated-storage");
  storage.iops = rds_shape_get_int (source_model, "iops");
  storage.throughput = rds_shape_get_int (source_model, "storage-throughput");
  if (!rds_request_get_int (request, "AllocatedStorage", &storage.allocated, error) ||
      !rds_request_get_int (request, "Iops", &storage.iops, error) ||
      !rds_request_get_int (request, "StorageThroughput", &storage.throughput, error) ||
      !rds_request_get_int (request, "MaxAllocatedStorage", &max_allocated, error))
    return NULL;
  if (rds_request_has (request, "StorageType"))
    {
      storage.storage_type = rds_request_get_string (request, "StorageType");
      if (!rds_request_has (request, "Iops"))
        storage.iops = -1;
      if (!rds_request_has (request, "StorageThroughput"))
        storage.throughput = -1;
    }
  if (storage.allocated < rds_shape_get_int (source_model, "allocated-storage"))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                          "A read replica's allocated storage (%d GiB) can't be less than its source's "
                          "(%d GiB).", storage.allocated,
                          rds_shape_get_int (source_model, "allocated-storage")), NULL;
  if (!_rds_sim_check_storage (engine, &storage, rds_request_has (request, "Iops"),
                               rds_request_has (request, "StorageThroughput"), error))
    return NULL;
  if (max_allocated >= 0 && max_allocated != storage.allocated &&
      !_rds_sim_check_max_allocated (engine, storage.storage_type, storage.allocated, max_allocated, error))
    return NULL;
  if (max_allocated == storage.allocated)
    max_allocated = -1;

  /* Encryption follows the source's; another Region needs a key of its own. */
  encrypted = rds_shape_get_boolean (source_model, "storage-encrypted");
  kms_request = rds_request_get_string (request, "KmsKeyId");
  if (kms_request != NULL && !encrypted)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                          "Cannot create an encrypted read replica of the unencrypted DB instance %s: a "
                          "replica is encrypted exactly when its source is.", source->id), NULL;
  if (encrypted && !cross_region)
    {
      if (kms_request != NULL)
        {
          kms_key = _rds_sim_resolve_kms_key (self, region, kms_request, error);
          if (kms_key == NULL)
            return NULL;
          if (g_strcmp0 (kms_key, rds_shape_get_string (source_model, "kms-key-id")) != 0)
            return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                                  "A read replica in its source's Region uses the source's KMS key; leave "
                                  "KmsKeyId out."), NULL;
        }
      else
        kms_key = g_strdup (rds_shape_get_string (source_model, "kms-key-id"));
    }
  else if (encrypted)
    {
      if (kms_request == NULL)
        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                              "KmsKeyId is required for an encrypted cross-Region read replica: give a KMS "
                              "key of %s.", region->info->name), NULL;
      if ((kms_key = _rds_sim_resolve_kms_key (self, region, kms_request, error)) == NULL)
        return NULL;
    }

  parameter_group = rds_request_get_string (request, "DBParameterGroupName");
  if (parameter_group != NULL && !_rds_sim_check_parameter_group (region, version, parameter_group, error))
    return NULL;
  security_groups = rds_request_get_list (request, "VpcSecurityGroupIds", "VpcSecurityGroupId");
  if (!_rds_sim_check_security_groups (region, security_groups, error))
    return NULL;

  publicly_accessible = rds_shape_get_boolean (source_model, "publicly-accessible");
  auto_minor = rds_shape_get_boolean (source_model, "auto-minor-version-upgrade");
  copy_tags = rds_shape_get_boolean (source_model, "copy-tags-to-snapshot");
  if (!rds_request_get_boolean (request, "PubliclyAccessible", &publicly_accessible, error) ||
      !rds_request_get_boolean (request, "AutoMinorVersionUpgrade", &auto_minor, error) ||
      !rds_request_get_boolean (request, "CopyTagsToSnapshot", &copy_tags, error) ||
      !rds_request_get_boolean (request, "DeletionProtection", &deletion_protection, error))
    return NULL;

  monitoring_role = rds_request_get_string (request, "MonitoringRoleArn");
  if (!rds_request_get_int (request, "MonitoringInterval", &monitoring_interval, error) ||
      !_rds_sim_check_monitoring (request, monitoring_interval, monitoring_role, error))
    return NULL;

  tags = rds_request_get_tags (request, "Tags", error);
  if (tags == NULL || !_rds_rules_check_tags (tags, error))
    return NULL;

  if (!_rds_sim_check_quotas (self, region, 1, storage.allocated, error))
    return NULL;

  /* All checked: the replica begins. */
  zone = zone_request != NULL ? g_strdup (zone_request)
         : rds_region_get_zone (region->info,
                                (guint) _rds_sim_engine_draw (self, 0, rds_region_get_n_zones (region->info) - 1));
  resource_suffix = rds_sim_rng_string (&self->rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 26);
  resource_id = g_strconcat ("db-", resource_suffix, NULL);
  arn = _rds_sim_engine_arn (self, region, "db", id);
  if (monitoring_interval > 0)
    monitoring_arn = g_strdup_printf ("arn:aws:logs:%s:%s:log-group:RDSOSMetrics:log-stream:%s",
                                      region->info->name, rds_sim_engine_get_account_id (self), resource_id);

  model = rds_shape_copy (source_model);
  g_object_freeze_notify (G_OBJECT (model));
  rds_shape_set_string (model, "db-instance-identifier", id);
  rds_db_instance_set_status (RDS_DB_INSTANCE (model), "creating");
  rds_shape_set_string (model, "db-instance-class", class_name);
  rds_shape_set_object (model, "endpoint", NULL);
  rds_shape_set_object (model, "certificate-details", NULL);
  rds_shape_set_object (model, "master-user-secret", NULL);
  rds_shape_set_object (model, "pending-modified-values", NULL);
  rds_shape_set_object (model, "db-subnet-group", region->default_subnet_group);
  rds_shape_set_timestamp (model, "instance-create-time", 0);
  rds_shape_set_timestamp (model, "latest-restorable-time", 0);
  rds_shape_set_timestamp (model, "automatic-restart-time", 0);
  rds_shape_set_int (model, "backup-retention-period", 0);
  rds_shape_set_string (model, "availability-zone", zone);
  rds_shape_set_boolean (model, "multi-az", multi_az);
  rds_shape_set_string (model, "secondary-availability-zone", NULL);
  rds_shape_set_string (model, "storage-type", storage.storage_type);
  rds_shape_set_int (model, "allocated-storage", storage.allocated);
  rds_shape_set_int (model, "iops", storage.iops);
  rds_shape_set_int (model, "storage-throughput", storage.throughput);
  rds_shape_set_int (model, "max-allocated-storage", max_allocated);
  rds_shape_set_boolean (model, "storage-encrypted", encrypted);
  rds_shape_set_string (model, "kms-key-id", kms_key);
  rds_shape_set_string (model, "dbi-resource-id", resource_id);
  rds_shape_set_string (model, "db-instance-arn", arn);
  rds_shape_set_string (model, "read-replica-source-db-instance-identifier", reference (source, region));
  rds_shape_set_strv (model, "read-replica-db-instance-identifiers", NULL);
  rds_shape_set_boolean (model, "publicly-accessible", publicly_accessible);
  rds_shape_set_boolean (model, "auto-minor-version-upgrade", auto_minor);
  rds_shape_set_boolean (model, "copy-tags-to-snapshot", copy_tags);
  rds_shape_set_boolean (model, "deletion-protection", deletion_protection);
  rds_shape_set_boolean (model, "iam-database-authentication-enabled", iam_auth);
  rds_shape_set_int (model, "monitoring-interval", monitoring_interval);
  rds_shape_set_string (model, "monitoring-role-arn", monitoring_interval > 0 ? monitoring_role : NULL);
  rds_shape_set_string (model, "enhanced-monitoring-resource-arn", monitoring_arn);
  if (rds_shape_get_tristate (model, "performance-insights-enabled") == RDS_TRISTATE_TRUE && cross_region)
    rds_shape_set_string (model, "performance-insights-kms-key-id", region->default_kms_key);
  g_list_store_remove_all (rds_shape_ensure_list (model, "tag-list"));
  g_list_store_remove_all (rds_shape_ensure_list (model, "status-infos"));
  if (tags->len > 0)
    _rds_sim_merge_tags (rds_shape_ensure_list (model, "tag-list"), tags);
  g_object_thaw_notify (G_OBJECT (model));

  replica = _rds_sim_instance_new (self, region, RDS_DB_INSTANCE (model), port, now);
  if (security_groups != NULL && security_groups[0] != NULL)
    _rds_sim_instance_set_security_groups (replica, security_groups);
  else if (cross_region)
    _rds_sim_instance_set_security_groups (replica, (char *[]) { region->security_group_id, NULL });
  if (parameter_group != NULL)
    _rds_sim_instance_set_parameter_group (replica, parameter_group, "in-sync");
  else if (cross_region)
    {
      g_autofree char *default_group = g_strconcat ("default.", version->family, NULL);

      _rds_sim_instance_set_parameter_group (replica, default_group, "in-sync");
    }
  replica->replication = RDS_SIM_REPLICATION_STARTING;

  /* The source gives a snapshot: from its standby when it is Multi-AZ, else
   * with a brief I/O suspension while it is backing up. */
  snapshot_due = now + USEC (_rds_sim_engine_draw (self, 60, 120));
  replica->replica_snapshot = snapshot_due;
  add_name (source_model, "read-replica-db-instance-identifiers", reference (replica, source->region));
  _rds_sim_instance_dirty (self, source);
  if (!rds_shape_get_boolean (source_model, "multi-az") && source->op == RDS_SIM_OP_NONE &&
      g_strcmp0 (rds_db_instance_get_status (source->model), "available") == 0)
    {
      _rds_sim_instance_emit (self, source, "Backing up DB instance.", "backup", now);
      _rds_sim_instance_start_op (self, source, RDS_SIM_OP_SNAPSHOT, "backing-up", snapshot_due);
    }

  due = snapshot_due + USEC (_rds_sim_engine_draw (self, 300, 540));
  if (multi_az)
    due += USEC (_rds_sim_engine_draw (self, 120, 240));
  if (engine->family == RDS_FAMILY_ORACLE || engine->family == RDS_FAMILY_SQLSERVER)
    due += USEC (_rds_sim_engine_draw (self, 600, 900));
  if (multi_az)
    {
      guint n = rds_region_get_n_zones (region->info);
      guint first = (guint) _rds_sim_engine_draw (self, 0, n - 1);

      for (guint i = 0; replica->standby_zone == NULL; i++)
        {
          g_autofree char *other = rds_region_get_zone (region->info, (first + i) % n);

          if (!g_str_equal (other, zone))
            replica->standby_zone = g_intern_string (other);
        }
      replica->standby = RDS_SIM_STANDBY_IN_SYNC;
      rds_shape_set_string (model, "secondary-availability-zone", replica->standby_zone);
    }
  _rds_sim_instance_start_op (self, replica, RDS_SIM_OP_CREATE, "creating", due);

  {
    RdsQueryResult *result = rds_query_result_new (rds_action_lookup ("CreateDBInstanceReadReplica"));

    result->item = g_object_ref (replica->shape);
    return result;
  }
}

/* The replica is created: it sets up replication (modifying). */
void
_rds_sim_replica_finish_create (RdsSimEngine   *self,
                                RdsSimInstance *replica,
                                gint64          now)
{
  gint64 setup = _rds_sim_instance_hashed_duration (self, replica, "replicate", now, 120, 300);

  /* While replication is set up, the replica replays what it missed at
   * twice real time: where in its source's history it will be by then. */
  replica->replica_snapshot = MIN (replica->replica_snapshot + 2 * setup, now + setup);
  _rds_sim_instance_start_op (self, replica, RDS_SIM_OP_REPLICATE, "modifying", now + setup);
}

/* Replication is on: the replica starts as far behind as its snapshot is old. */
void
_rds_sim_replica_finish_setup (RdsSimEngine   *self,
                               RdsSimInstance *replica,
                               gint64          now)
{
  RdsSimInstance *source = _rds_sim_instance_get_source (replica);
  double behind = (double) (now - replica->replica_snapshot) / G_USEC_PER_SEC;

  /* Its source went (and it was promoted) while replication was set up. */
  if (replica->replication != RDS_SIM_REPLICATION_STARTING ||
      rds_shape_get_string (RDS_SHAPE (replica->model), "read-replica-source-db-instance-identifier") == NULL)
    {
      replica->replication = RDS_SIM_REPLICATION_NONE;
      _rds_sim_instance_become_available (self, replica, now);
      return;
    }

  replica->replication = RDS_SIM_REPLICATION_REPLICATING;
  record_replication (self, replica,
                      source == NULL || source->region == replica->region ? RDS_SIM_LAG_REPLICATING
                                                                          : RDS_SIM_LAG_REMOTE,
                      MAX (0.0, behind), now);
  set_status_info (replica, "replicating", NULL);
  _rds_sim_instance_emit (self, replica, "Replication for the Read Replica resumed.", "read replica", now);
  _rds_sim_instance_become_available (self, replica, now);
  _rds_sim_replication_update (self, replica, now);
}

/* Promoting */

/* The replica stands alone from now: its source forgets it. */
void
_rds_sim_replica_detach (RdsSimEngine   *self,
                         RdsSimInstance *replica)
{
  RdsSimInstance *source = _rds_sim_instance_get_source (replica);
  gint64 now = rds_sim_engine_get_now (self);

  if (source != NULL)
    {
      remove_name (shape (source), "read-replica-db-instance-identifiers", reference (replica, source->region));
      _rds_sim_instance_dirty (self, source);
    }
  rds_shape_set_string (shape (replica), "read-replica-source-db-instance-identifier", NULL);
  set_status_info (replica, NULL, NULL);
  if (replica->replication != RDS_SIM_REPLICATION_NONE && replica->replication != RDS_SIM_REPLICATION_STARTING)
    record_replication (self, replica, RDS_SIM_LAG_NONE, 0.0, now);
  replica->replication = RDS_SIM_REPLICATION_NONE;
  _rds_sim_instance_dirty (self, replica);
}

RdsQueryResult *
_rds_sim_action_promote_read_replica (RdsSimEngine  *self,
                                      RdsSimRegion  *region,
                                      RdsRequest    *request,
                                      GError       **error)
{
  RdsSimInstance *replica;
  const char *identifier, *window;
  int retention = 1, start, length;
  gint64 now = rds_sim_engine_get_now (self);

  identifier = rds_request_require_string (request, "DBInstanceIdentifier", error);
  if (identifier == NULL || (replica = _rds_sim_instance_lookup (region, identifier, error)) == NULL)
    return NULL;
  if (!rds_rules_check_instance_action (replica->model, RDS_INSTANCE_ACTION_PROMOTE, error))
    return NULL;
  if (!rds_request_get_int (request, "BackupRetentionPeriod", &retention, error) ||
      !_rds_sim_check_backup_retention (retention, error))
    return NULL;
  window = rds_request_get_string (request, "PreferredBackupWindow");
  if (window != NULL &&
      (!rds_rules_parse_backup_window (window, &start, &length, error) ||
       !rds_rules_check_windows (window, rds_shape_get_string (shape (replica), "preferred-maintenance-window"),
                                 error)))
    return NULL;

  if (window != NULL)
    {
      g_autofree char *formatted = rds_rules_format_backup_window (start, length);

      rds_shape_set_string (shape (replica), "preferred-backup-window", formatted);
    }
  rds_shape_set_int (_rds_sim_instance_pending (replica), "backup-retention-period", retention);
  _rds_sim_instance_start_op (self, replica, RDS_SIM_OP_PROMOTE, "modifying",
                              now + USEC (_rds_sim_engine_draw (self, 60, 180)));

  {
    RdsQueryResult *result = rds_query_result_new (rds_action_lookup ("PromoteReadReplica"));

    result->item = g_object_ref (replica->shape);
    return result;
  }
}

/**
 * _rds_sim_replica_complete_promotion:
 *
 * Replication stops for good: the replica stands alone with the backups
 * PromoteReadReplica asked for. (A failure under a promotion completes it
 * so, before the instance recovers.)
 */
void
_rds_sim_replica_complete_promotion (RdsSimEngine   *self,
                                     RdsSimInstance *replica,
                                     gint64          now)
{
  RdsShape *values = _rds_sim_instance_pending (replica);
  int retention = rds_shape_get_int (values, "backup-retention-period");

  _rds_sim_replica_detach (self, replica);
  if (retention >= 0)
    rds_shape_set_int (shape (replica), "backup-retention-period", retention);
  rds_shape_set_int (values, "backup-retention-period", -1);
  _rds_sim_instance_emit (self, replica, "Promoted the read replica to a standalone DB instance; replication "
                          "has stopped.", "read replica", now);
  /* Its own backups begin with one at once. */
  if (rds_shape_get_int (shape (replica), "backup-retention-period") > 0)
    {
      _rds_sim_backup_take (self, replica, now,
                            now + _rds_sim_instance_hashed_duration (self, replica, "promote-backup", now, 60, 180));
      _rds_sim_backup_schedule (self, replica, now);
    }
}

/* Replication has stopped: the instance restarts on its own. */
void
_rds_sim_replica_finish_promote (RdsSimEngine   *self,
                                 RdsSimInstance *replica,
                                 gint64          now)
{
  _rds_sim_replica_complete_promotion (self, replica, now);
  _rds_sim_instance_record (self, replica, now, RDS_SIM_PHASE_REBOOTING);
  _rds_sim_instance_start_op (self, replica, RDS_SIM_OP_REBOOT, "rebooting",
                              now + _rds_sim_instance_hashed_duration (self, replica, "promote-reboot", now, 60, 120));
  /* Its own replicas, if any, wait for it to restart. */
  _rds_sim_replication_update (self, replica, now);
}

/* In @model's @field, @from becomes @to. */
static void
replace_name (RdsShape   *model,
              const char *field,
              const char *from,
              const char *to)
{
  const char * const *names = rds_shape_get_strv (model, field);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) next = NULL;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    g_strv_builder_add (builder, g_str_equal (names[i], from) ? to : names[i]);
  next = g_strv_builder_end (builder);
  rds_shape_set_strv (model, field, (const char * const *) next);
}

/**
 * _rds_sim_replicas_find_related:
 *
 * Returns: (transfer container): @instance's source, if it is a replica,
 *   then its replicas: those that name it, which a rename must tell
 */
GPtrArray *
_rds_sim_replicas_find_related (RdsSimInstance *instance)
{
  GPtrArray *related = replicas_of (instance);
  RdsSimInstance *source = _rds_sim_instance_get_source (instance);

  g_ptr_array_insert (related, 0, source);
  return related;
}

/**
 * _rds_sim_replicas_renamed:
 * @related: from _rds_sim_replicas_find_related(), before the rename
 *
 * @instance was @old_id (@old_arn): its source and replicas name it anew.
 */
void
_rds_sim_replicas_renamed (RdsSimEngine   *self,
                           RdsSimInstance *instance,
                           GPtrArray      *related,
                           const char     *old_id,
                           const char     *old_arn)
{
  for (guint i = 0; i < related->len; i++)
    {
      RdsSimInstance *other = g_ptr_array_index (related, i);

      if (other == NULL)
        continue;
      if (i == 0)
        replace_name (shape (other), "read-replica-db-instance-identifiers",
                      other->region == instance->region ? old_id : old_arn, reference (instance, other->region));
      else
        rds_shape_set_string (shape (other), "read-replica-source-db-instance-identifier",
                              reference (instance, other->region));
      _rds_sim_instance_dirty (self, other);
    }
}

/**
 * _rds_sim_replicas_source_deleted:
 *
 * @source is being deleted: its replicas are promoted, as RDS does.
 */
void
_rds_sim_replicas_source_deleted (RdsSimEngine   *self,
                                  RdsSimInstance *source,
                                  gint64          now)
{
  g_autoptr(GPtrArray) replicas = replicas_of (source);

  for (guint i = 0; i < replicas->len; i++)
    {
      RdsSimInstance *replica = g_ptr_array_index (replicas, i);
      gboolean running = _rds_sim_instance_is_running (replica) && replica->op == RDS_SIM_OP_NONE;

      _rds_sim_replica_detach (self, replica);
      _rds_sim_instance_emit (self, replica, "Replication has stopped: the source DB instance was deleted, and "
                              "the read replica was promoted to a standalone DB instance.", "read replica", now);
      if (running)
        {
          _rds_sim_instance_record (self, replica, now, RDS_SIM_PHASE_REBOOTING);
          _rds_sim_instance_start_op (self, replica, RDS_SIM_OP_REBOOT, "rebooting",
                                      now + _rds_sim_instance_hashed_duration (self, replica, "promote-reboot",
                                                                               now, 60, 120));
        }
    }
  rds_shape_set_strv (shape (source), "read-replica-db-instance-identifiers", NULL);
  _rds_sim_instance_dirty (self, source);
}
