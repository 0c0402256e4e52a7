/* test-model.c: the model described once: properties, copies, JSON, requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "rds-action.h"
#include "rds-aws-error.h"
#include "rds-db-instance.h"
#include "rds-db-snapshot.h"
#include "rds-db-subnet-group.h"
#include "rds-endpoint.h"
#include "rds-event.h"
#include "rds-pending-modified-values.h"
#include "rds-request.h"
#include "rds-tag.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_new_destroy (void)
{
  GType types[] = {
    RDS_TYPE_DB_INSTANCE, RDS_TYPE_DB_SNAPSHOT, RDS_TYPE_EVENT, RDS_TYPE_ENDPOINT,
    RDS_TYPE_PENDING_MODIFIED_VALUES, RDS_TYPE_DB_SUBNET_GROUP, RDS_TYPE_TAG,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      RdsShape *shape = g_object_new (types[i], NULL);

      g_assert_true (RDS_IS_SHAPE (shape));
      g_assert_finalize_object (shape);
    }
}

static void
test_wire_names (void)
{
  GObjectClass *klass = g_type_class_ref (RDS_TYPE_DB_INSTANCE);
  GParamSpec *pspec = g_object_class_find_property (klass, "db-instance-identifier");

  g_assert_nonnull (pspec);
  g_assert_cmpstr (g_param_spec_get_nick (pspec), ==, "DBInstanceIdentifier");
  g_assert_nonnull (g_param_spec_get_blurb (pspec));

  pspec = g_object_class_find_property (klass, "multi-az");
  g_assert_cmpstr (g_param_spec_get_nick (pspec), ==, "MultiAZ");
  g_assert_nonnull (rds_shape_class_find_wire_name (RDS_SHAPE_CLASS (klass), "TagList"));
  g_assert_null (rds_shape_class_find_wire_name (RDS_SHAPE_CLASS (klass), "NoSuchField"));

  g_type_class_unref (klass);
}

static void
test_notify_once (void)
{
  g_autoptr(RdsDbInstance) instance = g_object_new (RDS_TYPE_DB_INSTANCE, NULL);
  guint count = 0;

  g_signal_connect (instance, "notify::db-instance-status", G_CALLBACK (count_notify_cb), &count);

  rds_db_instance_set_status (instance, "creating");
  g_assert_cmpuint (count, ==, 1);
  rds_db_instance_set_status (instance, "creating");
  g_assert_cmpuint (count, ==, 1);
  g_object_set (instance, "db-instance-status", "available", NULL);
  g_assert_cmpuint (count, ==, 2);
  g_object_set (instance, "db-instance-status", "available", NULL);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpstr (rds_db_instance_get_status (instance), ==, "available");

  /* Other kinds notify once per change too. */
  count = 0;
  g_signal_connect (instance, "notify::allocated-storage", G_CALLBACK (count_notify_cb), &count);
  rds_shape_set_int (RDS_SHAPE (instance), "allocated-storage", 20);
  rds_shape_set_int (RDS_SHAPE (instance), "allocated-storage", 20);
  g_assert_cmpuint (count, ==, 1);
}

static void
test_optional_values (void)
{
  g_autoptr(RdsDbInstance) instance = g_object_new (RDS_TYPE_DB_INSTANCE, "iops", 3000, NULL);
  g_autoptr(RdsPendingModifiedValues) pending = g_object_new (RDS_TYPE_PENDING_MODIFIED_VALUES, NULL);
  int max_allocated;

  /* A construct-time value wins over the "absent" default. */
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (instance), "iops"), ==, 3000);
  g_object_get (instance, "max-allocated-storage", &max_allocated, NULL);
  g_assert_cmpint (max_allocated, ==, -1);

  g_assert_true (rds_pending_modified_values_is_empty (pending));
  rds_shape_set_tristate (RDS_SHAPE (pending), "multi-az", RDS_TRISTATE_FALSE);
  g_assert_false (rds_pending_modified_values_is_empty (pending));
}

static RdsDbInstance *
make_instance (void)
{
  RdsDbInstance *instance;
  g_autoptr(RdsEndpoint) endpoint = NULL;
  g_autoptr(RdsTag) tag = NULL;
  const char *exports[] = { "postgresql", "upgrade", NULL };

  endpoint = g_object_new (RDS_TYPE_ENDPOINT,
                           "address", "db1.cabcdefghijk.us-east-1.rds.amazonaws.com",
                           "port", 5432,
                           NULL);
  instance = g_object_new (RDS_TYPE_DB_INSTANCE,
                           "db-instance-identifier", "db1",
                           "engine", "postgres",
                           "allocated-storage", 20,
                           "multi-az", TRUE,
                           "endpoint", endpoint,
                           "enabled-cloudwatch-logs-exports", exports,
                           NULL);
  rds_shape_set_timestamp (RDS_SHAPE (instance), "instance-create-time",
                           G_GINT64_CONSTANT (1764064800123456));
  tag = g_object_new (RDS_TYPE_TAG, "key", "env", "value", "dev", NULL);
  g_list_store_append (rds_shape_ensure_list (RDS_SHAPE (instance), "tag-list"), tag);

  return instance;
}

static void
test_copy_equal (void)
{
  g_autoptr(RdsDbInstance) instance = make_instance ();
  g_autoptr(RdsShape) copy = rds_shape_copy (RDS_SHAPE (instance));
  RdsEndpoint *endpoint;

  g_assert_true (rds_shape_equal (RDS_SHAPE (instance), copy));
  g_assert_true (rds_shape_get_object (RDS_SHAPE (instance), "endpoint") !=
                 rds_shape_get_object (copy, "endpoint"));

  endpoint = rds_shape_get_object (copy, "endpoint");
  rds_shape_set_int (RDS_SHAPE (endpoint), "port", 5433);
  g_assert_false (rds_shape_equal (RDS_SHAPE (instance), copy));
}

static void
test_update_from (void)
{
  g_autoptr(RdsDbInstance) instance = make_instance ();
  g_autoptr(RdsShape) newer = rds_shape_copy (RDS_SHAPE (instance));
  RdsShape *endpoint = rds_shape_get_object (RDS_SHAPE (instance), "endpoint");
  GListModel *tags = rds_shape_get_list (RDS_SHAPE (instance), "tag-list");
  guint status_count = 0, engine_count = 0;

  g_signal_connect (instance, "notify::db-instance-status", G_CALLBACK (count_notify_cb), &status_count);
  g_signal_connect (instance, "notify::engine", G_CALLBACK (count_notify_cb), &engine_count);

  rds_shape_set_string (newer, "db-instance-status", "modifying");
  rds_shape_set_int (rds_shape_get_object (newer, "endpoint"), "port", 6543);
  rds_shape_update_from (RDS_SHAPE (instance), newer);

  g_assert_cmpuint (status_count, ==, 1);
  g_assert_cmpuint (engine_count, ==, 0);
  /* Nested objects and lists keep their identity. */
  g_assert_true (rds_shape_get_object (RDS_SHAPE (instance), "endpoint") == endpoint);
  g_assert_cmpint (rds_shape_get_int (endpoint, "port"), ==, 6543);
  g_assert_true (rds_shape_get_list (RDS_SHAPE (instance), "tag-list") == tags);
  g_assert_true (rds_shape_equal (RDS_SHAPE (instance), newer));
}

static void
test_json_round_trip (void)
{
  g_autoptr(RdsDbInstance) instance = make_instance ();
  g_autoptr(JsonNode) node = rds_shape_to_json (RDS_SHAPE (instance));
  g_autoptr(RdsShape) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(JsonNode) bad = json_from_string ("{\"AllocatedStorage\": \"twenty\"}", NULL);

  /* Wire names on disk, microseconds kept, absent fields left out. */
  g_assert_nonnull (strstr (text, "\"DBInstanceIdentifier\":\"db1\""));
  g_assert_nonnull (strstr (text, "\"InstanceCreateTime\":\"2025-11-25T10:00:00.123456Z\""));
  g_assert_null (strstr (text, "Iops"));

  back = rds_shape_new_from_json (RDS_TYPE_DB_INSTANCE, node, &error);
  g_assert_no_error (error);
  g_assert_true (rds_shape_equal (RDS_SHAPE (instance), back));

  g_assert_null (rds_shape_new_from_json (RDS_TYPE_DB_INSTANCE, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_timestamps (void)
{
  gint64 usec = 0;
  g_autofree char *text = rds_format_timestamp (G_GINT64_CONSTANT (1440938160000000));

  g_assert_cmpstr (text, ==, "2015-08-30T12:36:00.000Z");

  g_assert_true (rds_parse_timestamp ("2015-08-30T12:36:00Z", &usec));
  g_assert_cmpint (usec, ==, G_GINT64_CONSTANT (1440938160000000));
  g_assert_true (rds_parse_timestamp ("2015-08-30T12:36:00.250Z", &usec));
  g_assert_cmpint (usec, ==, G_GINT64_CONSTANT (1440938160250000));
  g_assert_true (rds_parse_timestamp ("2015-08-30T12:36:00+00:00", &usec));
  g_assert_true (rds_parse_timestamp ("1440938160", &usec));
  g_assert_cmpint (usec, ==, G_GINT64_CONSTANT (1440938160000000));
  g_assert_true (rds_parse_timestamp ("2024-02-29", &usec));

  g_assert_false (rds_parse_timestamp ("2023-02-29T00:00:00Z", &usec));
  g_assert_false (rds_parse_timestamp ("yesterday", &usec));
  g_assert_false (rds_parse_timestamp ("2015-08-30T25:00:00Z", &usec));
  g_assert_false (rds_parse_timestamp ("", &usec));
}

static void
test_request_encode_decode (void)
{
  g_autoptr(RdsRequest) request = rds_request_new ("CreateDBInstance");
  g_autoptr(RdsRequest) decoded = NULL;
  g_autoptr(GHashTable) form = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) groups = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GPtrArray) filters = NULL;
  const char *values[] = { "postgres", "mysql", NULL };
  int storage = 0;
  gboolean multi_az = FALSE;

  rds_request_set (request, "DBInstanceIdentifier", "db-1");
  rds_request_set_int (request, "AllocatedStorage", 20);
  rds_request_set_boolean (request, "MultiAZ", TRUE);
  rds_request_add_list_item (request, "VpcSecurityGroupIds", "VpcSecurityGroupId", "sg-1");
  rds_request_add_list_item (request, "VpcSecurityGroupIds", "VpcSecurityGroupId", "sg-2");
  rds_request_add_tag (request, "Tags", "env", "a b&c");
  rds_request_add_tag (request, "Tags", "team", NULL);
  rds_request_add_filter (request, "engine", values);

  body = rds_request_encode (request);
  g_assert_true (g_str_has_prefix (body, "Action=CreateDBInstance&Version=2014-10-31&"));
  g_assert_nonnull (strstr (body, "VpcSecurityGroupIds.VpcSecurityGroupId.2=sg-2"));
  g_assert_nonnull (strstr (body, "Tags.Tag.1.Value=a%20b%26c"));

  form = soup_form_decode (body);
  decoded = rds_request_new_from_form (&rds_api_rds, form, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rds_request_get_action (decoded), ==, "CreateDBInstance");

  g_assert_true (rds_request_get_int (decoded, "AllocatedStorage", &storage, &error));
  g_assert_cmpint (storage, ==, 20);
  g_assert_true (rds_request_get_boolean (decoded, "MultiAZ", &multi_az, &error));
  g_assert_true (multi_az);

  groups = rds_request_get_list (decoded, "VpcSecurityGroupIds", "VpcSecurityGroupId");
  g_assert_cmpstrv (groups, ((const char *[]) { "sg-1", "sg-2", NULL }));

  tags = rds_request_get_tags (decoded, "Tags", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, 2);
  g_assert_cmpstr (rds_shape_get_string (g_ptr_array_index (tags, 0), "value"), ==, "a b&c");
  g_assert_null (rds_shape_get_string (g_ptr_array_index (tags, 1), "value"));

  filters = rds_request_get_filters (decoded, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (filters->len, ==, 1);
  g_assert_cmpstrv (((RdsFilter *) g_ptr_array_index (filters, 0))->values, values);
}

static void
test_request_errors (void)
{
  g_autoptr(RdsRequest) request = rds_request_new ("CreateDBInstance");
  g_autoptr(GHashTable) form = soup_form_decode ("Action=DescribeDBInstances&Version=2010-01-01");
  g_autoptr(GError) error = NULL;
  int value = 7;
  gboolean flag = FALSE;

  rds_request_set (request, "AllocatedStorage", "20GiB");
  rds_request_set (request, "MultiAZ", "yes");

  g_assert_false (rds_request_get_int (request, "AllocatedStorage", &value, &error));
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE);
  g_assert_cmpint (value, ==, 7);
  g_clear_error (&error);

  g_assert_false (rds_request_get_boolean (request, "MultiAZ", &flag, &error));
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE);
  g_clear_error (&error);

  g_assert_null (rds_request_require_string (request, "Engine", &error));
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_MISSING_PARAMETER);
  g_clear_error (&error);

  /* Absent values leave the default alone. */
  g_assert_true (rds_request_get_int (request, "Iops", &value, &error));
  g_assert_cmpint (value, ==, 7);

  g_assert_null (rds_request_new_from_form (&rds_api_rds, form, &error));
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_ACTION);
}

/* A JSON service's request: the same flat list, read as paths, typed
 * where it was set typed, and back. */
static void
test_request_json (void)
{
  static const RdsAction none[] = { { "Encrypt", RDS_RESULT_NONE, NULL, NULL, NULL, FALSE, TRUE, NULL } };
  static const RdsApi api = { "kms", RDS_PROTOCOL_JSON, "2014-11-01", NULL, "TrentService", none, 1 };
  g_autoptr(RdsRequest) request = rds_request_new_for_api (&api, "Encrypt");
  g_autoptr(RdsRequest) decoded = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonNode) scalar = json_from_string ("[1, 2]", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int size = 0;
  gboolean dry = FALSE;

  rds_request_set (request, "KeyId", "alias/orders");
  rds_request_set_int (request, "NumberOfBytes", 32);
  rds_request_set_boolean (request, "DryRun", TRUE);
  rds_request_set (request, "EncryptionContext.purpose", "backup");
  rds_request_set (request, "Code", "0042");
  rds_request_set (request, "Tags.member.1.TagKey", "team");
  rds_request_set (request, "Tags.member.1.TagValue", "data");
  rds_request_set (request, "Tags.member.2.TagKey", "env");
  rds_request_add_list_item (request, "GrantTokens", "Token", "t1");

  json = rds_request_to_json (request);
  text = json_to_string (json, FALSE);
  g_assert_cmpstr (text, ==, "{\"Code\":\"0042\",\"DryRun\":true,\"EncryptionContext\":{\"purpose\":\"backup\"},\"GrantTokens\":[\"t1\"],"
                             "\"KeyId\":\"alias/orders\",\"NumberOfBytes\":32,"
                             "\"Tags\":[{\"TagKey\":\"team\",\"TagValue\":\"data\"},{\"TagKey\":\"env\"}]}");

  decoded = rds_request_new_from_json (&api, "Encrypt", json, &error);
  g_assert_no_error (error);
  g_assert_true (rds_request_get_api (decoded) == &api);
  g_assert_cmpstr (rds_request_get_string (decoded, "KeyId"), ==, "alias/orders");
  g_assert_cmpstr (rds_request_get_string (decoded, "Code"), ==, "0042");
  g_assert_cmpstr (rds_request_get_string (decoded, "EncryptionContext.purpose"), ==, "backup");
  g_assert_true (rds_request_get_int (decoded, "NumberOfBytes", &size, &error));
  g_assert_cmpint (size, ==, 32);
  g_assert_true (rds_request_get_boolean (decoded, "DryRun", &dry, &error));
  g_assert_true (dry);
  g_assert_cmpstr (rds_request_get_string (decoded, "Tags.member.2.TagKey"), ==, "env");
  g_assert_null (rds_request_get_string (decoded, "Tags.member.2.TagValue"));
  g_assert_cmpstr (rds_request_get_string (decoded, "GrantTokens.member.1"), ==, "t1");

  /* Only an object is a request. */
  g_assert_null (rds_request_new_from_json (&api, "Encrypt", scalar, &error));
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_SERIALIZATION);
}

static void
test_aws_error_codes (void)
{
  g_assert_cmpstr (rds_aws_error_get_code (RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND), ==,
                   "DBInstanceNotFound");
  g_assert_cmpuint (rds_aws_error_get_http_status (RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND), ==, 404);
  g_assert_cmpint (rds_aws_error_from_code ("DBInstanceNotFound"), ==,
                   RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND);
  g_assert_cmpint (rds_aws_error_from_code ("DBInstanceNotFoundFault"), ==,
                   RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND);
  g_assert_cmpint (rds_aws_error_from_code ("DBSubnetGroupNotFoundFault"), ==,
                   RDS_AWS_ERROR_DB_SUBNET_GROUP_NOT_FOUND);
  g_assert_cmpint (rds_aws_error_from_code ("SomethingNew"), ==, RDS_AWS_ERROR_UNKNOWN);
  g_assert_nonnull (rds_action_lookup ("DescribeDBInstances"));
  g_assert_null (rds_action_lookup ("DescribeNothing"));
}

/* What the Actions menus offer on a snapshot: by its status and type. */
static void
test_snapshot_allows (void)
{
  static const struct
  {
    const char *type;
    const char *status;
    gboolean    restore, copy, share, delete;
  } cases[] = {
    { "manual", "available", TRUE, TRUE, TRUE, TRUE },
    { "manual", "creating", FALSE, FALSE, FALSE, FALSE },
    { "manual", "deleting", FALSE, FALSE, FALSE, FALSE },
    { "automated", "available", TRUE, TRUE, FALSE, FALSE },
    { "shared", "available", TRUE, FALSE, FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RdsDbSnapshot) snapshot = g_object_new (RDS_TYPE_DB_SNAPSHOT,
                                                        "db-snapshot-identifier", "snap",
                                                        "snapshot-type", cases[i].type,
                                                        "status", cases[i].status, NULL);

      g_assert_true (rds_db_snapshot_allows (snapshot, RDS_SNAPSHOT_ACTION_RESTORE) == cases[i].restore);
      g_assert_true (rds_db_snapshot_allows (snapshot, RDS_SNAPSHOT_ACTION_COPY) == cases[i].copy);
      g_assert_true (rds_db_snapshot_allows (snapshot, RDS_SNAPSHOT_ACTION_SHARE) == cases[i].share);
      g_assert_true (rds_db_snapshot_allows (snapshot, RDS_SNAPSHOT_ACTION_DELETE) == cases[i].delete);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rds/model/new-destroy", test_new_destroy);
  g_test_add_func ("/rds/model/wire-names", test_wire_names);
  g_test_add_func ("/rds/model/notify-once", test_notify_once);
  g_test_add_func ("/rds/model/optional-values", test_optional_values);
  g_test_add_func ("/rds/model/copy-equal", test_copy_equal);
  g_test_add_func ("/rds/model/update-from", test_update_from);
  g_test_add_func ("/rds/model/json-round-trip", test_json_round_trip);
  g_test_add_func ("/rds/model/timestamps", test_timestamps);
  g_test_add_func ("/rds/model/request-encode-decode", test_request_encode_decode);
  g_test_add_func ("/rds/model/request-errors", test_request_errors);
  g_test_add_func ("/rds/model/request-json", test_request_json);
  g_test_add_func ("/rds/model/aws-error-codes", test_aws_error_codes);
  g_test_add_func ("/rds/model/snapshot-allows", test_snapshot_allows);

  return g_test_run ();
}
