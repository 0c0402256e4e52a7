/* rds-sample-environment.c: a handful of databases to start from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a new user may choose on the first start, so the console is alive
 * at once: five DB instances of different engines (one Multi-AZ), made
 * through the Query API like any others; then the simulator's clock jumps
 * ahead until they are available, one is stopped and one gets a manual
 * snapshot, and the clock jumps again until both are done. A customer
 * managed KMS key, alias/orders, waits to encrypt orders-mysql (the one
 * database left unencrypted) with the Encrypt database wizard. An Aurora
 * MySQL cluster, shop-aurora, has a writer, a reader in another zone and a
 * custom endpoint for reports. Their master passwords are managed by
 * (simulated) Secrets Manager, so none is made up and none needs the
 * keyring.
 */

#include "config.h"

#include "rds-sample-environment.h"

#include <glib/gi18n.h>

#include "rds-aws-error.h"
#include "rds-client.h"
#include "rds-db-instance.h"
#include "rds-session.h"

/* Long enough for the slowest create (Oracle Multi-AZ) and its first backup. */
#define CREATE_SECONDS 2400
/* Long enough for a stop and a snapshot of 100 GiB. */
#define SETTLE_SECONDS 900

typedef struct
{
  const char *identifier;
  const char *engine;
  const char *instance_class;
  const char *storage_type;
  int         allocated_storage;
  gboolean    multi_az;
  const char *license_model;
  const char *db_name;
  gboolean    unencrypted;   /* one to encrypt, as many older databases are */
} SampleInstance;

static const SampleInstance instances[] = {
  { "orders-mysql", "mysql", "db.t3.micro", "gp3", 20, FALSE, NULL, "orders", TRUE },
  { "billing-postgres", "postgres", "db.m5.large", "gp3", 100, TRUE, NULL, "billing" },
  { "catalog-mariadb", "mariadb", "db.t3.small", "gp2", 20, FALSE, NULL, "catalog" },
  { "reports-sqlserver", "sqlserver-ex", "db.t3.small", "gp2", 20, FALSE, "license-included", NULL },
  { "legacy-oracle", "oracle-se2", "db.m5.large", "gp3", 100, FALSE, "license-included", "LEGACY" },
};

#define STOPPED_INSTANCE "catalog-mariadb"
#define SNAPSHOT_INSTANCE "billing-postgres"
#define SNAPSHOT_NAME "billing-postgres-before-upgrade"
/* billing-postgres has read replicas: one for reports in its Region, one
 * for disaster recovery in another. */
#define REPLICA_SOURCE "billing-postgres"
#define REPLICA_NAME "billing-reports"
#define REMOTE_REPLICA_NAME "billing-dr"
#define REMOTE_REGION "us-west-2"
#define KEY_ALIAS "alias/orders"
/* next_step()'s step after the key's: the custom endpoint, then the last
 * jump of the clock. */
#define KEY_DONE_STEP (G_N_ELEMENTS (instances) + 11)
#define CLUSTER_NAME "shop-aurora"
#define CLUSTER_WRITER "shop-aurora-instance-1"
#define CLUSTER_READER "shop-aurora-instance-2"
#define CLUSTER_ENDPOINT "shop-reporting"

typedef struct
{
  guint step;
  char *source_arn;   /* of REPLICA_SOURCE, from its CreateDBInstance answer */
  char *key_id;       /* of the sample's KMS key, from its CreateKey answer */
} Progress;

static void
progress_free (Progress *progress)
{
  g_free (progress->source_arn);
  g_free (progress->key_id);
  g_free (progress);
}

static void next_step (GTask *task);

static void
call_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  RdsQueryResult *answer;

  answer = rds_session_call_finish (RDS_SESSION (object), result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (RDS_IS_DB_INSTANCE (answer->item) &&
      g_strcmp0 (rds_db_instance_get_identifier (RDS_DB_INSTANCE (answer->item)), REPLICA_SOURCE) == 0 &&
      rds_db_instance_get_arn (RDS_DB_INSTANCE (answer->item)) != NULL)
    {
      Progress *progress = g_task_get_task_data (task);

      g_free (progress->source_arn);
      progress->source_arn = g_strdup (rds_db_instance_get_arn (RDS_DB_INSTANCE (answer->item)));
    }
  if (g_strcmp0 (answer->action->name, "CreateKey") == 0 && answer->item != NULL &&
      rds_shape_get_object (answer->item, "key-metadata") != NULL)
    {
      Progress *progress = g_task_get_task_data (task);

      g_free (progress->key_id);
      progress->key_id = g_strdup (rds_shape_get_string (rds_shape_get_object (answer->item, "key-metadata"),
                                                         "key-id"));
    }
  rds_query_result_free (answer);
  next_step (g_steal_pointer (&task));
}

/* The sample's key, asked for first: a simulator that has it already
 * (the sample made again) gets no second one. */
static void
key_described_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Progress *progress = g_task_get_task_data (task);
  GError *error = NULL;
  RdsQueryResult *answer;

  answer = rds_session_call_finish (RDS_SESSION (object), result, &error);
  if (answer != NULL)
    {
      progress->step = KEY_DONE_STEP;
      rds_query_result_free (answer);
    }
  else if (g_error_matches (error, RDS_AWS_ERROR, RDS_AWS_ERROR_NOT_FOUND))
    g_clear_error (&error);
  else
    {
      g_task_return_error (task, error);
      return;
    }
  next_step (g_steal_pointer (&task));
}

static void
control_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!rds_session_control_finish (RDS_SESSION (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  next_step (g_steal_pointer (&task));
}

static void
client_call_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  RdsQueryResult *answer;

  answer = rds_client_call_finish (RDS_CLIENT (object), result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  rds_query_result_free (answer);
  next_step (g_steal_pointer (&task));
}

static void
advance (GTask *task,
         int    seconds)
{
  RdsSession *session = g_task_get_source_object (task);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seconds");
  json_builder_add_int_value (builder, seconds);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  rds_session_control_async (session, "clock/advance", body, g_task_get_cancellable (task),
                             control_cb, task);
}

static RdsRequest *
create_request (const SampleInstance *sample)
{
  RdsRequest *request = rds_request_new ("CreateDBInstance");

  rds_request_set (request, "DBInstanceIdentifier", sample->identifier);
  rds_request_set (request, "Engine", sample->engine);
  rds_request_set (request, "DBInstanceClass", sample->instance_class);
  rds_request_set (request, "StorageType", sample->storage_type);
  rds_request_set_int (request, "AllocatedStorage", sample->allocated_storage);
  rds_request_set_int (request, "MaxAllocatedStorage", sample->allocated_storage * 5);
  rds_request_set_boolean (request, "MultiAZ", sample->multi_az);
  rds_request_set (request, "MasterUsername", "admin");
  rds_request_set_boolean (request, "ManageMasterUserPassword", TRUE);
  rds_request_set_int (request, "BackupRetentionPeriod", 7);
  rds_request_set_boolean (request, "StorageEncrypted", !sample->unencrypted);
  rds_request_set_boolean (request, "CopyTagsToSnapshot", TRUE);
  if (sample->license_model != NULL)
    rds_request_set (request, "LicenseModel", sample->license_model);
  if (sample->db_name != NULL)
    rds_request_set (request, "DBName", sample->db_name);
  rds_request_add_tag (request, "Tags", "environment", "sample");

  return request;
}

static void
next_step (GTask *task)
{
  RdsSession *session = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  Progress *progress = g_task_get_task_data (task);
  guint step = progress->step++;
  g_autoptr(RdsRequest) request = NULL;

  if (step < G_N_ELEMENTS (instances))
    {
      request = create_request (&instances[step]);
      rds_session_call_async (session, request, cancellable, call_cb, task);
      return;
    }

  switch (step - G_N_ELEMENTS (instances))
    {
    case 0:
      request = rds_request_new ("CreateDBCluster");
      rds_request_set (request, "DBClusterIdentifier", CLUSTER_NAME);
      rds_request_set (request, "Engine", "aurora-mysql");
      rds_request_set (request, "MasterUsername", "admin");
      rds_request_set_boolean (request, "ManageMasterUserPassword", TRUE);
      rds_request_set (request, "DatabaseName", "shop");
      rds_request_set_int (request, "BackupRetentionPeriod", 7);
      rds_request_set_boolean (request, "StorageEncrypted", TRUE);
      rds_request_set_boolean (request, "CopyTagsToSnapshot", TRUE);
      rds_request_add_tag (request, "Tags", "environment", "sample");
      rds_session_call_async (session, request, cancellable, call_cb, task);
      return;
    case 1:
    case 2:
      request = rds_request_new ("CreateDBInstance");
      rds_request_set (request, "DBInstanceIdentifier", step == G_N_ELEMENTS (instances) + 1 ? CLUSTER_WRITER
                                                                                              : CLUSTER_READER);
      rds_request_set (request, "DBClusterIdentifier", CLUSTER_NAME);
      rds_request_set (request, "Engine", "aurora-mysql");
      rds_request_set (request, "DBInstanceClass", "db.r6g.large");
      rds_request_add_tag (request, "Tags", "environment", "sample");
      rds_session_call_async (session, request, cancellable, call_cb, task);
      return;
    case 3:
      advance (task, CREATE_SECONDS);
      return;
    case 4:
      request = rds_request_new ("StopDBInstance");
      rds_request_set (request, "DBInstanceIdentifier", STOPPED_INSTANCE);
      rds_session_call_async (session, request, cancellable, call_cb, task);
      return;
    case 5:
      request = rds_request_new ("CreateDBSnapshot");
      rds_request_set (request, "DBInstanceIdentifier", SNAPSHOT_INSTANCE);
      rds_request_set (request, "DBSnapshotIdentifier", SNAPSHOT_NAME);
      rds_session_call_async (session, request, cancellable, call_cb, task);
      return;
    case 6:
      request = rds_request_new ("CreateDBInstanceReadReplica");
      rds_request_set (request, "DBInstanceIdentifier", REPLICA_NAME);
      rds_request_set (request, "SourceDBInstanceIdentifier", REPLICA_SOURCE);
      rds_request_set (request, "DBInstanceClass", "db.m5.large");
      rds_request_add_tag (request, "Tags", "environment", "sample");
      rds_session_call_async (session, request, cancellable, call_cb, task);
      return;
    case 7:
      {
        /* Named by its ARN from the other Region; encrypted with a key of it. */
        request = rds_request_new ("CreateDBInstanceReadReplica");
        rds_request_set (request, "DBInstanceIdentifier", REMOTE_REPLICA_NAME);
        rds_request_set (request, "SourceDBInstanceIdentifier", progress->source_arn);
        rds_request_set (request, "KmsKeyId", "alias/aws/rds");
        rds_request_add_tag (request, "Tags", "environment", "sample");
        rds_client_call_async (rds_session_get_region_client (session, REMOTE_REGION), request, cancellable,
                               client_call_cb, task);
      }
      return;
    case 8:
      request = rds_request_new_for_api (&rds_api_kms, "DescribeKey");
      rds_request_set (request, "KeyId", KEY_ALIAS);
      rds_session_call_async (session, request, cancellable, key_described_cb, task);
      return;
    case 9:
      request = rds_request_new_for_api (&rds_api_kms, "CreateKey");
      rds_request_set (request, "Description", "Sample key for the orders database");
      rds_request_set (request, "KeyUsage", "ENCRYPT_DECRYPT");
      rds_request_set (request, "KeySpec", "SYMMETRIC_DEFAULT");
      rds_session_call_async (session, request, cancellable, call_cb, task);
      return;
    case 10:
      if (progress->key_id == NULL)
        {
          g_task_return_new_error (task, RDS_AWS_ERROR, RDS_AWS_ERROR_UNKNOWN,
                                   _("The endpoint created the sample’s KMS key without saying its ID."));
          g_object_unref (task);
          return;
        }
      request = rds_request_new_for_api (&rds_api_kms, "CreateAlias");
      rds_request_set (request, "AliasName", KEY_ALIAS);
      rds_request_set (request, "TargetKeyId", progress->key_id);
      rds_session_call_async (session, request, cancellable, call_cb, task);
      return;
    case 11:
      request = rds_request_new ("CreateDBClusterEndpoint");
      rds_request_set (request, "DBClusterIdentifier", CLUSTER_NAME);
      rds_request_set (request, "DBClusterEndpointIdentifier", CLUSTER_ENDPOINT);
      rds_request_set (request, "EndpointType", "READER");
      rds_request_add_list_item (request, "StaticMembers", "member", CLUSTER_READER);
      rds_session_call_async (session, request, cancellable, call_cb, task);
      return;
    case 12:
      advance (task, SETTLE_SECONDS);
      return;
    default:
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
}

/**
 * rds_sample_environment_create_async:
 *
 * Creates the sample environment in the session's Region. Only for a
 * simulator: it moves the simulator's clock.
 */
void
rds_sample_environment_create_async (RdsSession          *session,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RDS_IS_SESSION (session));
  g_return_if_fail (rds_session_is_simulator (session));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, rds_sample_environment_create_async);
  g_task_set_task_data (task, g_new0 (Progress, 1), (GDestroyNotify) progress_free);
  next_step (task);
}

gboolean
rds_sample_environment_create_finish (RdsSession    *session,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, session), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
