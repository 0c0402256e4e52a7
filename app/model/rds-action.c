/* rds-action.c: the APIs the endpoint serves, their actions and the shape of their answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rds-action.h"

#include "rds-account-quota.h"
#include "rds-db-cluster.h"
#include "rds-db-cluster-endpoint.h"
#include "rds-db-cluster-snapshot.h"
#include "rds-db-engine-version.h"
#include "rds-db-instance-automated-backup.h"
#include "rds-db-instance.h"
#include "rds-db-parameter-group.h"
#include "rds-db-security-group.h"
#include "rds-db-snapshot.h"
#include "rds-db-snapshot-attributes-result.h"
#include "rds-db-subnet-group.h"
#include "rds-event.h"
#include "rds-alarm-history.h"
#include "rds-alias-list.h"
#include "rds-key-deletion.h"
#include "rds-key-description.h"
#include "rds-key-list.h"
#include "rds-kms-tag-list.h"
#include "rds-alarm-list.h"
#include "rds-metric-data.h"
#include "rds-metric-list.h"
#include "rds-metric-statistics.h"
#include "rds-orderable-db-instance-option.h"
#include "rds-tag.h"

#define ITEM(action, element, type, mutating) \
  { action, RDS_RESULT_ITEM, element, NULL, type, FALSE, mutating, &rds_api_rds }
#define LIST(action, element, member, type, paginated) \
  { action, RDS_RESULT_LIST, element, member, type, paginated, FALSE, &rds_api_rds }
#define NONE(action, mutating) \
  { action, RDS_RESULT_NONE, NULL, NULL, NULL, FALSE, mutating, &rds_api_rds }

static const RdsAction actions[] = {
  ITEM ("CreateDBInstance", "DBInstance", rds_db_instance_get_type, TRUE),
  ITEM ("ModifyDBInstance", "DBInstance", rds_db_instance_get_type, TRUE),
  ITEM ("RebootDBInstance", "DBInstance", rds_db_instance_get_type, TRUE),
  ITEM ("StopDBInstance", "DBInstance", rds_db_instance_get_type, TRUE),
  ITEM ("StartDBInstance", "DBInstance", rds_db_instance_get_type, TRUE),
  ITEM ("DeleteDBInstance", "DBInstance", rds_db_instance_get_type, TRUE),
  ITEM ("CreateDBInstanceReadReplica", "DBInstance", rds_db_instance_get_type, TRUE),
  ITEM ("PromoteReadReplica", "DBInstance", rds_db_instance_get_type, TRUE),
  LIST ("DescribeDBInstances", "DBInstances", "DBInstance", rds_db_instance_get_type, TRUE),
  ITEM ("RestoreDBInstanceFromDBSnapshot", "DBInstance", rds_db_instance_get_type, TRUE),
  ITEM ("RestoreDBInstanceToPointInTime", "DBInstance", rds_db_instance_get_type, TRUE),
  LIST ("DescribeDBInstanceAutomatedBackups", "DBInstanceAutomatedBackups", "DBInstanceAutomatedBackup",
        rds_db_instance_automated_backup_get_type, TRUE),
  ITEM ("DeleteDBInstanceAutomatedBackup", "DBInstanceAutomatedBackup",
        rds_db_instance_automated_backup_get_type, TRUE),
  ITEM ("CreateDBSnapshot", "DBSnapshot", rds_db_snapshot_get_type, TRUE),
  ITEM ("DeleteDBSnapshot", "DBSnapshot", rds_db_snapshot_get_type, TRUE),
  LIST ("DescribeDBSnapshots", "DBSnapshots", "DBSnapshot", rds_db_snapshot_get_type, TRUE),
  ITEM ("CopyDBSnapshot", "DBSnapshot", rds_db_snapshot_get_type, TRUE),
  ITEM ("ModifyDBSnapshotAttribute", "DBSnapshotAttributesResult",
        rds_db_snapshot_attributes_result_get_type, TRUE),
  ITEM ("DescribeDBSnapshotAttributes", "DBSnapshotAttributesResult",
        rds_db_snapshot_attributes_result_get_type, FALSE),
  LIST ("DescribeEvents", "Events", "Event", rds_event_get_type, TRUE),
  LIST ("DescribeDBEngineVersions", "DBEngineVersions", "DBEngineVersion",
        rds_db_engine_version_get_type, TRUE),
  LIST ("DescribeOrderableDBInstanceOptions", "OrderableDBInstanceOptions",
        "OrderableDBInstanceOption", rds_orderable_db_instance_option_get_type, TRUE),
  LIST ("DescribeDBSubnetGroups", "DBSubnetGroups", "DBSubnetGroup",
        rds_db_subnet_group_get_type, TRUE),
  LIST ("DescribeDBParameterGroups", "DBParameterGroups", "DBParameterGroup",
        rds_db_parameter_group_get_type, TRUE),
  LIST ("DescribeDBSecurityGroups", "DBSecurityGroups", "DBSecurityGroup",
        rds_db_security_group_get_type, TRUE),
  LIST ("ListTagsForResource", "TagList", "Tag", rds_tag_get_type, FALSE),
  LIST ("DescribeAccountAttributes", "AccountQuotas", "AccountQuota",
        rds_account_quota_get_type, FALSE),
  ITEM ("CreateDBCluster", "DBCluster", rds_db_cluster_get_type, TRUE),
  ITEM ("ModifyDBCluster", "DBCluster", rds_db_cluster_get_type, TRUE),
  ITEM ("DeleteDBCluster", "DBCluster", rds_db_cluster_get_type, TRUE),
  ITEM ("StopDBCluster", "DBCluster", rds_db_cluster_get_type, TRUE),
  ITEM ("StartDBCluster", "DBCluster", rds_db_cluster_get_type, TRUE),
  ITEM ("FailoverDBCluster", "DBCluster", rds_db_cluster_get_type, TRUE),
  LIST ("DescribeDBClusters", "DBClusters", "DBCluster", rds_db_cluster_get_type, TRUE),
  ITEM ("RestoreDBClusterFromSnapshot", "DBCluster", rds_db_cluster_get_type, TRUE),
  ITEM ("RestoreDBClusterToPointInTime", "DBCluster", rds_db_cluster_get_type, TRUE),
  ITEM ("CreateDBClusterSnapshot", "DBClusterSnapshot", rds_db_cluster_snapshot_get_type, TRUE),
  ITEM ("DeleteDBClusterSnapshot", "DBClusterSnapshot", rds_db_cluster_snapshot_get_type, TRUE),
  ITEM ("CopyDBClusterSnapshot", "DBClusterSnapshot", rds_db_cluster_snapshot_get_type, TRUE),
  LIST ("DescribeDBClusterSnapshots", "DBClusterSnapshots", "DBClusterSnapshot",
        rds_db_cluster_snapshot_get_type, TRUE),
  /* The endpoint's own fields make the answer; the list names each item
   * DBClusterEndpointList. */
  { "CreateDBClusterEndpoint", RDS_RESULT_SHAPE, NULL, NULL, rds_db_cluster_endpoint_get_type, FALSE, TRUE, &rds_api_rds },
  { "ModifyDBClusterEndpoint", RDS_RESULT_SHAPE, NULL, NULL, rds_db_cluster_endpoint_get_type, FALSE, TRUE, &rds_api_rds },
  { "DeleteDBClusterEndpoint", RDS_RESULT_SHAPE, NULL, NULL, rds_db_cluster_endpoint_get_type, FALSE, TRUE, &rds_api_rds },
  LIST ("DescribeDBClusterEndpoints", "DBClusterEndpoints", "DBClusterEndpointList",
        rds_db_cluster_endpoint_get_type, TRUE),
  NONE ("AddTagsToResource", TRUE),
  NONE ("RemoveTagsFromResource", TRUE),
};

const RdsApi rds_api_rds = {
  .service = "rds",
  .protocol = RDS_PROTOCOL_QUERY,
  .version = "2014-10-31",
  .xml_namespace = "http://rds.amazonaws.com/doc/2014-10-31/",
  .actions = actions,
  .n_actions = G_N_ELEMENTS (actions),
};

/* CloudWatch: its answers are shapes of their own, paginated by NextToken. */
#define SHAPE(action, type) \
  { action, RDS_RESULT_SHAPE, NULL, NULL, type, FALSE, FALSE, &rds_api_monitoring }
#define CHANGE(action) \
  { action, RDS_RESULT_NONE, NULL, NULL, NULL, FALSE, TRUE, &rds_api_monitoring }

static const RdsAction monitoring_actions[] = {
  SHAPE ("GetMetricStatistics", rds_metric_statistics_get_type),
  SHAPE ("GetMetricData", rds_metric_data_get_type),
  SHAPE ("ListMetrics", rds_metric_list_get_type),
  SHAPE ("DescribeAlarms", rds_alarm_list_get_type),
  SHAPE ("DescribeAlarmsForMetric", rds_alarm_list_get_type),
  SHAPE ("DescribeAlarmHistory", rds_alarm_history_get_type),
  CHANGE ("PutMetricAlarm"),
  CHANGE ("DeleteAlarms"),
  CHANGE ("SetAlarmState"),
};

const RdsApi rds_api_monitoring = {
  .service = "monitoring",
  .protocol = RDS_PROTOCOL_QUERY,
  .version = "2010-08-01",
  .xml_namespace = "http://monitoring.amazonaws.com/doc/2010-08-01/",
  .actions = monitoring_actions,
  .n_actions = G_N_ELEMENTS (monitoring_actions),
};

/* KMS (AWS JSON 1.1): each answer is a shape of its own; lists are paged
 * by Marker and NextMarker. */
#define KMS_SHAPE(action, type, mutating) \
  { action, RDS_RESULT_SHAPE, NULL, NULL, type, FALSE, mutating, &rds_api_kms }
#define KMS_NONE(action) \
  { action, RDS_RESULT_NONE, NULL, NULL, NULL, FALSE, TRUE, &rds_api_kms }

static const RdsAction kms_actions[] = {
  KMS_SHAPE ("CreateKey", rds_key_description_get_type, TRUE),
  KMS_SHAPE ("DescribeKey", rds_key_description_get_type, FALSE),
  KMS_SHAPE ("ListKeys", rds_key_list_get_type, FALSE),
  KMS_SHAPE ("ListAliases", rds_alias_list_get_type, FALSE),
  KMS_NONE ("CreateAlias"),
  KMS_NONE ("DeleteAlias"),
  KMS_NONE ("UpdateAlias"),
  KMS_NONE ("EnableKey"),
  KMS_NONE ("DisableKey"),
  KMS_SHAPE ("ScheduleKeyDeletion", rds_key_deletion_get_type, TRUE),
  KMS_SHAPE ("CancelKeyDeletion", rds_key_deletion_get_type, TRUE),
  KMS_NONE ("TagResource"),
  KMS_NONE ("UntagResource"),
  KMS_SHAPE ("ListResourceTags", rds_kms_tag_list_get_type, FALSE),
};

const RdsApi rds_api_kms = {
  .service = "kms",
  .protocol = RDS_PROTOCOL_JSON,
  .version = "2014-11-01",
  .target_prefix = "TrentService",
  .actions = kms_actions,
  .n_actions = G_N_ELEMENTS (kms_actions),
};

/* Each API is a row; ElastiCache joins as a row of its own, with its
 * table of actions. */
static const RdsApi * const apis[] = {
  &rds_api_rds,
  &rds_api_monitoring,
  &rds_api_kms,
};

/* APIs added by rds_api_register (). */
static GPtrArray *registered;

/**
 * rds_api_register:
 * @api: an API to keep for the program's life
 *
 * Adds an API the model does not describe itself (a test's), before any
 * server or client uses it.
 */
void
rds_api_register (const RdsApi *api)
{
  g_return_if_fail (api != NULL && api->service != NULL);
  g_return_if_fail (rds_api_lookup (api->service) == NULL);

  if (registered == NULL)
    registered = g_ptr_array_new ();
  g_ptr_array_add (registered, (gpointer) api);
}

/**
 * rds_api_lookup:
 * @service: a SigV4 service name
 *
 * Returns: (nullable): the API signed as @service, or %NULL when the
 *   model has none
 */
const RdsApi *
rds_api_lookup (const char *service)
{
  for (guint i = 0; i < G_N_ELEMENTS (apis); i++)
    if (g_strcmp0 (apis[i]->service, service) == 0)
      return apis[i];
  for (guint i = 0; registered != NULL && i < registered->len; i++)
    if (g_strcmp0 (((const RdsApi *) g_ptr_array_index (registered, i))->service, service) == 0)
      return g_ptr_array_index (registered, i);
  return NULL;
}

/**
 * rds_api_get_all:
 *
 * Returns: (transfer container) (element-type RdsApi): every API, the
 *   model's and those registered
 */
GPtrArray *
rds_api_get_all (void)
{
  GPtrArray *all = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (apis); i++)
    g_ptr_array_add (all, (gpointer) apis[i]);
  for (guint i = 0; registered != NULL && i < registered->len; i++)
    g_ptr_array_add (all, g_ptr_array_index (registered, i));
  return all;
}

/**
 * rds_api_lookup_action:
 *
 * Returns: (nullable): @api's action @name, or %NULL when it has none
 */
const RdsAction *
rds_api_lookup_action (const RdsApi *api,
                       const char   *name)
{
  g_return_val_if_fail (api != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < api->n_actions; i++)
    if (g_str_equal (api->actions[i].name, name))
      return &api->actions[i];
  return NULL;
}

/**
 * rds_action_lookup:
 * @name: an action name such as "DescribeDBInstances"
 *
 * Returns: (nullable): the action, or %NULL when this endpoint lacks it
 */
/**
 * rds_action_get_all:
 * @n_actions: (out): how many
 *
 * Returns: (array length=n_actions): every action the model describes
 */
const RdsAction *
rds_action_get_all (guint *n_actions)
{
  *n_actions = G_N_ELEMENTS (actions);
  return actions;
}

const RdsAction *
rds_action_lookup (const char *name)
{
  return rds_api_lookup_action (&rds_api_rds, name);
}

RdsQueryResult *
rds_query_result_new (const RdsAction *action)
{
  RdsQueryResult *result;

  g_return_val_if_fail (action != NULL, NULL);

  result = g_new0 (RdsQueryResult, 1);
  result->action = action;
  if (action->kind == RDS_RESULT_LIST)
    result->items = g_ptr_array_new_with_free_func (g_object_unref);

  return result;
}

void
rds_query_result_free (RdsQueryResult *result)
{
  if (result == NULL)
    return;

  g_clear_object (&result->item);
  g_clear_pointer (&result->items, g_ptr_array_unref);
  g_clear_pointer (&result->marker, g_free);
  g_free (result);
}
