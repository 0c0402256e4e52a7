/* rds-sim-engine-restores.c: new DB instances from backups: from a DB
 * snapshot, or from automated backups to a point in time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A restore is a CreateDBInstance whose engine, version, license, master
 * user, database name, storage and encryption come from the backup, and
 * whose class, storage type, Multi-AZ, zone, subnet, security, option and
 * parameter groups, port, public access, IAM authentication, log exports,
 * deletion protection and tags the request may change; the rest takes the
 * defaults, as RDS does. Without a class, the new instance has its
 * source's: the snapshot's instance's as it was when it was taken (which
 * the snapshot keeps), or the backups' instance's (as it was when it was
 * deleted, for retained automated backups). The new instance holds the data as of the backup
 * (or the time), which its metrics start from.
 */

#include "config.h"

#include "rds-sim-engine-private.h"

#include "rds-rules.h"

/* What a restore request may set, passed on as CreateDBInstance takes it. */
static const char * const passed_on[] = {
  "DBInstanceClass", "Port", "AvailabilityZone", "DBSubnetGroupName", "MultiAZ",
  "PubliclyAccessible", "AutoMinorVersionUpgrade", "Iops", "OptionGroupName",
  "CopyTagsToSnapshot", "StorageType", "DBParameterGroupName", "DeletionProtection",
  "EnableIAMDatabaseAuthentication", "MaxAllocatedStorage", "StorageThroughput", "NetworkType",
  "LicenseModel",
};

/* A password every engine takes: the restored instance keeps its source's,
 * which the simulator does not know. */
#define KEPT_PASSWORD "Kept1Password"

typedef struct
{
  const char *engine;
  const char *engine_version;
  const char *license_model;
  const char *master_username;
  const char *db_name;
  const char *instance_class;
  const char *storage_type;
  int         allocated;
  int         iops;
  int         throughput;
  int         port;
  gboolean    encrypted;
  const char *kms_key_id;
  const char *timezone;
  int         retention;
} Source;

static RdsRequest *
create_request (const char   *identifier,
                const Source *source,
                RdsRequest   *request,
                GError      **error)
{
  g_autoptr(RdsRequest) create = rds_request_new ("CreateDBInstance");
  g_autoptr(GPtrArray) tags = NULL;
  g_auto(GStrv) security_groups = NULL;
  g_auto(GStrv) log_exports = NULL;

  rds_request_set (create, "DBInstanceIdentifier", identifier);
  rds_request_set (create, "Engine", source->engine);
  rds_request_set (create, "EngineVersion", source->engine_version);
  rds_request_set (create, "LicenseModel", source->license_model);
  rds_request_set (create, "MasterUsername", source->master_username);
  rds_request_set (create, "MasterUserPassword", KEPT_PASSWORD);
  if (source->db_name != NULL)
    rds_request_set (create, "DBName", source->db_name);
  rds_request_set (create, "DBInstanceClass", source->instance_class);
  rds_request_set (create, "StorageType", source->storage_type);
  rds_request_set_int (create, "AllocatedStorage", source->allocated);
  if (source->iops > 0)
    rds_request_set_int (create, "Iops", source->iops);
  if (source->throughput > 0)
    rds_request_set_int (create, "StorageThroughput", source->throughput);
  if (source->port > 0)
    rds_request_set_int (create, "Port", source->port);
  rds_request_set_boolean (create, "StorageEncrypted", source->encrypted);
  if (source->encrypted && source->kms_key_id != NULL)
    rds_request_set (create, "KmsKeyId", source->kms_key_id);
  if (source->timezone != NULL)
    rds_request_set (create, "Timezone", source->timezone);
  rds_request_set_int (create, "BackupRetentionPeriod", source->retention);

  for (guint i = 0; i < G_N_ELEMENTS (passed_on); i++)
    if (rds_request_has (request, passed_on[i]))
      rds_request_set (create, passed_on[i], rds_request_get_string (request, passed_on[i]));

  /* Provisioned values go with the storage type they were for. */
  if (rds_request_has (request, "StorageType") && !rds_request_has (request, "Iops") &&
      g_strcmp0 (rds_request_get_string (request, "StorageType"), source->storage_type) != 0)
    {
      rds_request_set (create, "Iops", NULL);
      rds_request_set (create, "StorageThroughput", NULL);
    }

  security_groups = rds_request_get_list (request, "VpcSecurityGroupIds", "VpcSecurityGroupId");
  for (guint i = 0; security_groups != NULL && security_groups[i] != NULL; i++)
    rds_request_add_list_item (create, "VpcSecurityGroupIds", "VpcSecurityGroupId", security_groups[i]);
  log_exports = rds_request_get_list (request, "EnableCloudwatchLogsExports", "member");
  for (guint i = 0; log_exports != NULL && log_exports[i] != NULL; i++)
    rds_request_add_list_item (create, "EnableCloudwatchLogsExports", "member", log_exports[i]);

  if ((tags = rds_request_get_tags (request, "Tags", error)) == NULL)
    return NULL;
  for (guint i = 0; i < tags->len; i++)
    {
      RdsShape *tag = g_ptr_array_index (tags, i);

      rds_request_add_tag (create, "Tags", rds_shape_get_string (tag, "key"), rds_shape_get_string (tag, "value"));
    }

  return g_steal_pointer (&create);
}

/* The data the new instance starts with: @source's at @time, when its
 * history holds it. */
static double
used_at (RdsSimInstance *source,
         gint64          time)
{
  const RdsSimSegment *segment;

  if (source == NULL || (segment = rds_sim_workload_at (&source->workload, time)) == NULL)
    return -1;
  return rds_sim_segment_used_gib (segment, time);
}

static RdsQueryResult *
restore (RdsSimEngine   *self,
         RdsSimRegion   *region,
         const char     *action,
         const char     *identifier,
         const Source   *source,
         RdsRequest     *request,
         double          used_gib,
         const char     *note,
         GError        **error)
{
  g_autoptr(RdsRequest) create = NULL;
  g_autoptr(RdsQueryResult) created = NULL;
  RdsQueryResult *result;
  RdsSimInstance *instance;

  if ((create = create_request (identifier, source, request, error)) == NULL)
    return NULL;

  /* Storage never shrinks: the backup's size is the least. */
  if (rds_request_has (request, "AllocatedStorage"))
    {
      int allocated = 0;

      if (!rds_request_get_int (request, "AllocatedStorage", &allocated, error))
        return NULL;
      if (allocated < source->allocated)
        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                              "AllocatedStorage %d GiB is less than the %d GiB of the backup: a "
                              "restored DB instance's storage can't shrink.", allocated, source->allocated),
               NULL;
      rds_request_set_int (create, "AllocatedStorage", allocated);
    }

  if ((created = _rds_sim_action_create_db_instance (self, region, create, error)) == NULL)
    return NULL;

  instance = _rds_sim_instance_lookup (region, rds_db_instance_get_identifier (RDS_DB_INSTANCE (created->item)), NULL);
  g_assert (instance != NULL);

  /* Its password is its source's: nothing is pending. */
  rds_shape_set_string (_rds_sim_instance_pending (instance), "master-user-password", NULL);
  if (used_gib >= 0 && instance->workload.segments != NULL && instance->workload.segments->len > 0)
    g_array_index (instance->workload.segments, RdsSimSegment, instance->workload.segments->len - 1).used_gib =
      MIN (used_gib, source->allocated);
  g_free (instance->restore_note);
  instance->restore_note = g_strdup (note);
  _rds_sim_instance_dirty (self, instance);

  result = rds_query_result_new (rds_action_lookup (action));
  result->item = g_object_ref (created->item);
  return result;
}

/* RestoreDBInstanceFromDBSnapshot */

static void
source_from_snapshot (Source        *source,
                      RdsDbSnapshot *snapshot)
{
  RdsShape *model = RDS_SHAPE (snapshot);

  source->engine = rds_shape_get_string (model, "engine");
  source->engine_version = rds_shape_get_string (model, "engine-version");
  source->license_model = rds_shape_get_string (model, "license-model");
  source->master_username = rds_shape_get_string (model, "master-username");
  source->storage_type = rds_shape_get_string (model, "storage-type");
  source->allocated = rds_shape_get_int (model, "allocated-storage");
  source->iops = rds_shape_get_int (model, "iops");
  source->throughput = rds_shape_get_int (model, "storage-throughput");
  source->port = rds_shape_get_int (model, "port");
  source->encrypted = rds_shape_get_boolean (model, "encrypted");
  source->kms_key_id = rds_shape_get_string (model, "kms-key-id");
  source->timezone = rds_shape_get_string (model, "timezone");
  /* CreateDBInstance's default; the snapshot keeps no setting. */
  source->retention = 1;
}

static RdsSimInstance *
instance_by_resource_id (RdsSimRegion *region,
                         const char   *resource_id)
{
  for (GTreeNode *node = g_tree_node_first (RDS_SIM_INSTANCES (region)); resource_id != NULL && node != NULL;
       node = g_tree_node_next (node))
    {
      RdsSimInstance *instance = g_tree_node_value (node);

      if (g_strcmp0 (rds_db_instance_get_resource_id (instance->model), resource_id) == 0)
        return instance;
    }
  return NULL;
}

RdsQueryResult *
_rds_sim_action_restore_db_instance_from_db_snapshot (RdsSimEngine  *self,
                                                      RdsSimRegion  *region,
                                                      RdsRequest    *request,
                                                      GError       **error)
{
  const char *identifier, *snapshot_name;
  g_autofree char *note = NULL;
  RdsSimInstance *original;
  RdsSimSnapshot *snapshot;
  Source source = { 0 };

  if ((identifier = rds_request_require_string (request, "DBInstanceIdentifier", error)) == NULL ||
      (snapshot_name = rds_request_require_string (request, "DBSnapshotIdentifier", error)) == NULL ||
      (snapshot = _rds_sim_snapshot_lookup (region, snapshot_name, error)) == NULL)
    return NULL;

  if (g_strcmp0 (rds_db_snapshot_get_status (snapshot->model), "available") != 0)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_DB_SNAPSHOT_STATE,
                          "DB snapshot %s is %s: a DB instance can be restored from it once it is "
                          "available.", rds_db_snapshot_get_identifier (snapshot->model),
                          rds_db_snapshot_get_status (snapshot->model)), NULL;
  if (rds_request_has (request, "DBClusterSnapshotIdentifier"))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                          "Specify DBSnapshotIdentifier or DBClusterSnapshotIdentifier, not both."), NULL;

  source_from_snapshot (&source, snapshot->model);
  /* "Default: the same DBInstanceClass as the original DB instance", which
   * the snapshot keeps, whether the instance is still there or not. */
  source.instance_class = snapshot->instance_class;
  source.db_name = snapshot->db_name;
  original = instance_by_resource_id (region, rds_shape_get_string (RDS_SHAPE (snapshot->model), "dbi-resource-id"));
  if (original != NULL && source.instance_class == NULL)
    source.instance_class = rds_shape_get_string (RDS_SHAPE (original->model), "db-instance-class");
  if (original != NULL && source.db_name == NULL)
    source.db_name = rds_shape_get_string (RDS_SHAPE (original->model), "db-name");
  if (source.instance_class == NULL)
    source.instance_class = rds_request_get_string (request, "DBInstanceClass");
  if (source.instance_class == NULL)
    return _rds_sim_fail (error, RDS_AWS_ERROR_MISSING_PARAMETER,
                          "The DB instance the snapshot was taken of is gone: give a DBInstanceClass."), NULL;

  note = g_strdup_printf ("Restored from snapshot %s.", rds_db_snapshot_get_identifier (snapshot->model));
  return restore (self, region, "RestoreDBInstanceFromDBSnapshot", identifier, &source, request,
                  used_at (original, rds_shape_get_timestamp (RDS_SHAPE (snapshot->model), "snapshot-create-time")),
                  note, error);
}

/* RestoreDBInstanceToPointInTime */

static void
source_from_instance (Source        *source,
                      RdsDbInstance *instance)
{
  RdsShape *model = RDS_SHAPE (instance);
  RdsShape *endpoint = rds_shape_get_object (model, "endpoint");

  source->engine = rds_db_instance_get_engine (instance);
  source->engine_version = rds_shape_get_string (model, "engine-version");
  source->license_model = rds_shape_get_string (model, "license-model");
  source->master_username = rds_shape_get_string (model, "master-username");
  source->db_name = rds_shape_get_string (model, "db-name");
  source->instance_class = rds_shape_get_string (model, "db-instance-class");
  source->storage_type = rds_shape_get_string (model, "storage-type");
  source->allocated = rds_shape_get_int (model, "allocated-storage");
  source->iops = rds_shape_get_int (model, "iops");
  source->throughput = rds_shape_get_int (model, "storage-throughput");
  source->port = endpoint != NULL ? rds_shape_get_int (endpoint, "port") : 0;
  source->encrypted = rds_shape_get_boolean (model, "storage-encrypted");
  source->kms_key_id = rds_shape_get_string (model, "kms-key-id");
  source->timezone = rds_shape_get_string (model, "timezone");
  source->retention = MAX (1, rds_shape_get_int (model, "backup-retention-period"));
}

RdsQueryResult *
_rds_sim_action_restore_db_instance_to_point_in_time (RdsSimEngine  *self,
                                                      RdsSimRegion  *region,
                                                      RdsRequest    *request,
                                                      GError       **error)
{
  const char *identifier, *source_name, *resource_id, *backups_arn;
  g_autofree char *note = NULL;
  g_autofree char *earliest_text = NULL;
  g_autofree char *latest_text = NULL;
  g_autofree char *time_text = NULL;
  RdsSimInstance *instance = NULL;
  RdsSimRetainedBackup *retained = NULL;
  RdsDbInstance *as_it_was;
  GPtrArray *automated;
  gboolean use_latest = FALSE;
  gint64 now = rds_sim_engine_get_now (self);
  gint64 time = 0, earliest, latest;
  Source source = { 0 };

  if ((identifier = rds_request_require_string (request, "TargetDBInstanceIdentifier", error)) == NULL)
    return NULL;
  source_name = rds_request_get_string (request, "SourceDBInstanceIdentifier");
  resource_id = rds_request_get_string (request, "SourceDbiResourceId");
  backups_arn = rds_request_get_string (request, "SourceDBInstanceAutomatedBackupsArn");
  if ((source_name != NULL) + (resource_id != NULL) + (backups_arn != NULL) != 1)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                          "Specify one of SourceDBInstanceIdentifier, SourceDbiResourceId and "
                          "SourceDBInstanceAutomatedBackupsArn."), NULL;

  if (!rds_request_get_boolean (request, "UseLatestRestorableTime", &use_latest, error) ||
      !rds_request_get_timestamp (request, "RestoreTime", &time, error))
    return NULL;
  if (use_latest == rds_request_has (request, "RestoreTime"))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                          use_latest ? "Specify RestoreTime or UseLatestRestorableTime, not both."
                                     : "Specify a RestoreTime, or UseLatestRestorableTime to restore to "
                                       "the latest restorable time."), NULL;

  if (source_name != NULL)
    {
      if ((instance = _rds_sim_instance_lookup (region, source_name, error)) == NULL)
        return NULL;
    }
  else if (!_rds_sim_backup_lookup (self, region, resource_id, backups_arn, &instance, &retained, error))
    return NULL;

  if (instance != NULL && instance->op == RDS_SIM_OP_DELETE)
    {
      /* Going: its backups are retained (by resource ID) or gone. */
      retained = NULL;
      _rds_sim_backup_lookup (self, region, rds_db_instance_get_resource_id (instance->model), NULL, NULL,
                              &retained, NULL);
      if (retained == NULL)
        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                              "DB instance %s is being deleted, with its automated backups.",
                              rds_db_instance_get_identifier (instance->model)), NULL;
      instance = NULL;
    }

  if (instance != NULL)
    {
      _rds_sim_instance_refresh (self, instance, now);
      if (rds_shape_get_int (RDS_SHAPE (instance->model), "backup-retention-period") == 0)
        return _rds_sim_fail (error, RDS_AWS_ERROR_POINT_IN_TIME_RESTORE_NOT_ENABLED,
                              "Point-in-time restore is not enabled for DB instance %s: its automated "
                              "backups are off (backup retention period 0).",
                              rds_db_instance_get_identifier (instance->model)), NULL;
      as_it_was = instance->model;
      automated = instance->automated;
      latest = rds_shape_get_timestamp (RDS_SHAPE (instance->model), "latest-restorable-time");
    }
  else
    {
      RdsShape *window = rds_shape_get_object (RDS_SHAPE (retained->model), "restore-window");

      as_it_was = retained->instance;
      automated = _rds_sim_retained_get_automated (retained);
      latest = window != NULL ? rds_shape_get_timestamp (window, "latest-time") : 0;
    }

  earliest = _rds_sim_backup_earliest (region, automated);
  if (earliest == 0 || latest < earliest)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                          "DB instance %s has no restorable time yet: its first automated backup isn't "
                          "finished.", rds_db_instance_get_identifier (as_it_was)), NULL;

  if (use_latest)
    time = latest;
  earliest_text = rds_format_timestamp (earliest);
  latest_text = rds_format_timestamp (latest);
  time_text = rds_format_timestamp (time);
  if (time < earliest || time > latest)
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_RESTORE,
                          "Restore time %s is outside the restorable window of DB instance %s: choose a "
                          "time from %s to %s.", time_text, rds_db_instance_get_identifier (as_it_was),
                          earliest_text, latest_text), NULL;

  source_from_instance (&source, as_it_was);
  /* As RDS words it (0019): the source, then the new instance; and the
   * time it is restored to. */
  note = g_strdup_printf ("Restored from DB instance %s to %s, as of %s.", rds_db_instance_get_identifier (as_it_was),
                          identifier, time_text);
  return restore (self, region, "RestoreDBInstanceToPointInTime", identifier, &source, request,
                  used_at (instance, time), note, error);
}
