/* test-api.c: RdsClient and RdsServer over loopback HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "rds-aws-error.h"
#include "rds-client.h"
#include "rds-db-instance.h"
#include "rds-metric-data.h"
#include "rds-metric-data-result.h"
#include "rds-server.h"
#include "rds-sim-kind.h"
#include "rds-sim-store.h"
#include "rds-xml.h"

#define START_TIME G_GINT64_CONSTANT (1767571200000000)
#define ACCESS_KEY "AKIDTESTCLIENT"
#define SECRET_KEY "test/secret+key"

typedef struct
{
  GMainContext *context;
  char         *dir;
  RdsSimClock  *clock;
  RdsSimEngine *engine;
  RdsSimStore  *store;
  RdsServer    *server;
  RdsClient    *client;
  char         *url;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->context = g_main_context_new ();
  g_main_context_push_thread_default (f->context);

  f->dir = g_dir_make_tmp ("rds-api-XXXXXX", &error);
  g_assert_no_error (error);
  f->clock = rds_sim_clock_new (START_TIME, 1.0, TRUE);
  f->engine = rds_sim_engine_new (11, f->clock);
  f->store = rds_sim_store_open (f->dir, &error);
  g_assert_no_error (error);
  g_assert_true (rds_sim_store_load (f->store, f->engine, NULL, &error));

  f->server = rds_server_new (f->engine, f->store);
  rds_server_add_credentials (f->server, ACCESS_KEY, SECRET_KEY);
  g_assert_true (rds_server_listen (f->server, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rds_server_get_port (f->server), >, 0);

  f->url = rds_server_get_url (f->server);
  f->client = rds_client_new (f->url, "us-east-1", ACCESS_KEY, SECRET_KEY);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->client);
  rds_server_disconnect (f->server);
  g_assert_finalize_object (f->server);
  rds_sim_store_close (f->store);
  g_clear_object (&f->store);
  g_clear_object (&f->engine);
  g_clear_object (&f->clock);

  while (g_main_context_iteration (f->context, FALSE))
    ;
  g_main_context_pop_thread_default (f->context);
  g_main_context_unref (f->context);

  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->url);
}

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

/* Sends a request the way the console does, and spins the loop until the
 * answer is in. */
static RdsQueryResult *
call_client (RdsClient   *client,
             RdsRequest  *request,
             GError     **error)
{
  Wait wait = { NULL };
  RdsQueryResult *result;

  rds_client_call_async (client, request, NULL, done_cb, &wait);
  while (wait.result == NULL)
    g_main_context_iteration (g_main_context_get_thread_default (), TRUE);

  result = rds_client_call_finish (client, wait.result, error);
  g_object_unref (wait.result);
  return result;
}

static RdsRequest *
request_new (const char *action,
             ...)
{
  RdsRequest *request = rds_request_new (action);
  const char *name;
  va_list args;

  va_start (args, action);
  while ((name = va_arg (args, const char *)) != NULL)
    rds_request_set (request, name, va_arg (args, const char *));
  va_end (args);

  return request;
}

static RdsQueryResult *
call_ok (Fixture    *f,
         RdsRequest *request)
{
  g_autoptr(GError) error = NULL;
  RdsQueryResult *result = call_client (f->client, request, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* What the engine itself holds, without the wire. */
static RdsQueryResult *
engine_call (Fixture    *f,
             RdsRequest *request)
{
  g_autoptr(GError) error = NULL;
  RdsQueryResult *result = rds_sim_engine_call (f->engine, "us-east-1", request, &error);

  g_assert_no_error (error);
  return result;
}

static void
assert_same_items (RdsQueryResult *wire,
                   RdsQueryResult *engine)
{
  g_assert_cmpuint (wire->items->len, ==, engine->items->len);
  for (guint i = 0; i < wire->items->len; i++)
    {
      RdsShape *a = g_ptr_array_index (wire->items, i);
      RdsShape *b = g_ptr_array_index (engine->items, i);

      if (!rds_shape_equal (a, b))
        {
          g_autoptr(JsonNode) ja = rds_shape_to_json (a);
          g_autoptr(JsonNode) jb = rds_shape_to_json (b);
          g_autofree char *ta = json_to_string (ja, TRUE);
          g_autofree char *tb = json_to_string (jb, TRUE);

          g_error ("The wire changed a %s:\n%s\nversus\n%s", G_OBJECT_TYPE_NAME (a), ta, tb);
        }
    }
}

/* The server answers on this thread's context, so nothing here may wait
 * without iterating it. */
static JsonNode *
control (RdsClient   *client,
         const char  *method,
         const char  *path,
         JsonNode    *body,
         GError     **error)
{
  Wait wait = { NULL };
  JsonNode *state;

  rds_client_control_async (client, method, path, body, NULL, done_cb, &wait);
  while (wait.result == NULL)
    g_main_context_iteration (g_main_context_get_thread_default (), TRUE);
  state = rds_client_control_finish (client, wait.result, error);
  g_object_unref (wait.result);
  return state;
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GBytes **answer = user_data;

  *answer = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);
  if (*answer == NULL)
    *answer = g_bytes_new (NULL, 0);
}

static void
advance (Fixture *f,
         int      seconds)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { NULL };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seconds");
  json_builder_add_int_value (builder, seconds);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  rds_client_control_async (f->client, "POST", "clock/advance", body, NULL, done_cb, &wait);
  while (wait.result == NULL)
    g_main_context_iteration (g_main_context_get_thread_default (), TRUE);
  state = rds_client_control_finish (f->client, wait.result, &error);
  g_object_unref (wait.result);
  g_assert_no_error (error);
  g_assert_nonnull (state);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RdsRequest) create = request_new ("CreateDBInstance",
                                              "DBInstanceIdentifier", "wire-db",
                                              "DBInstanceClass", "db.m5.large",
                                              "Engine", "postgres",
                                              "MasterUsername", "postgres",
                                              "MasterUserPassword", "a&b<c>d'e+%=;",
                                              "AllocatedStorage", "400",
                                              "StorageType", "gp3",
                                              "MultiAZ", "true",
                                              "EnablePerformanceInsights", "true",
                                              "EnableCloudwatchLogsExports.member.1", "postgresql",
                                              "Tags.Tag.1.Key", "owner",
                                              "Tags.Tag.1.Value", "Ünïcode = +value@team:ops/db-1",
                                              NULL);
  const char *actions[] = { "DescribeDBInstances", "DescribeDBSnapshots", "DescribeEvents",
                            "DescribeDBSubnetGroups", "DescribeDBParameterGroups",
                            "DescribeDBSecurityGroups", NULL };
  g_autoptr(RdsQueryResult) created = call_ok (f, create);
  g_autoptr(RdsQueryResult) snapshot = NULL;

  g_assert_cmpstr (rds_db_instance_get_status (RDS_DB_INSTANCE (created->item)), ==, "creating");

  advance (f, 3600);
  {
    g_autoptr(RdsRequest) take = request_new ("CreateDBSnapshot", "DBInstanceIdentifier", "wire-db",
                                              "DBSnapshotIdentifier", "wire-snap", NULL);
    snapshot = call_ok (f, take);
  }

  /* Every field of every shape survives the wire. */
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_autoptr(RdsRequest) request = request_new (actions[i], "Duration", NULL, NULL);
      g_autoptr(RdsQueryResult) wire = NULL;
      g_autoptr(RdsQueryResult) engine = NULL;

      if (g_str_equal (actions[i], "DescribeEvents"))
        rds_request_set (request, "Duration", "600");
      wire = call_ok (f, request);
      engine = engine_call (f, request);
      g_assert_cmpuint (wire->items->len, >, 0);
      assert_same_items (wire, engine);
    }

  {
    g_autoptr(RdsRequest) versions = request_new ("DescribeDBEngineVersions", "Engine", "mysql", NULL);
    g_autoptr(RdsRequest) options = request_new ("DescribeOrderableDBInstanceOptions", "Engine", "postgres",
                                                 "DBInstanceClass", "db.r5.large", NULL);
    g_autoptr(RdsQueryResult) wire_versions = call_ok (f, versions);
    g_autoptr(RdsQueryResult) engine_versions = engine_call (f, versions);
    g_autoptr(RdsQueryResult) wire_options = call_ok (f, options);
    g_autoptr(RdsQueryResult) engine_options = engine_call (f, options);

    assert_same_items (wire_versions, engine_versions);
    assert_same_items (wire_options, engine_options);
  }

  {
    g_autoptr(RdsDbInstance) mine = NULL;
    g_autoptr(RdsRequest) tags = NULL;
    g_autoptr(RdsQueryResult) tag_list = NULL;
    g_autoptr(RdsRequest) describe = request_new ("DescribeDBInstances", NULL);
    g_autoptr(RdsQueryResult) wire = call_ok (f, describe);

    mine = g_object_ref (g_ptr_array_index (wire->items, 0));
    tags = request_new ("ListTagsForResource", "ResourceName", rds_db_instance_get_arn (mine), NULL);
    tag_list = call_ok (f, tags);
    g_assert_cmpuint (tag_list->items->len, ==, 1);
    g_assert_cmpstr (rds_shape_get_string (g_ptr_array_index (tag_list->items, 0), "value"), ==,
                     "Ünïcode = +value@team:ops/db-1");
  }
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RdsRequest) missing = request_new ("DescribeDBInstances", "DBInstanceIdentifier", "ghost", NULL);
  g_autoptr(RdsRequest) describe = request_new ("DescribeDBInstances", NULL);
  g_autoptr(RdsRequest) unknown = request_new ("DescribeWidgets", NULL);
  g_autoptr(RdsClient) wrong_secret = rds_client_new (f->url, "us-east-1", ACCESS_KEY, "wrong");
  g_autoptr(RdsClient) wrong_key = rds_client_new (f->url, "us-east-1", "AKIDNOBODY", SECRET_KEY);
  g_autoptr(RdsClient) wrong_region = rds_client_new (f->url, "xx-nowhere-1", ACCESS_KEY, SECRET_KEY);
  g_autoptr(GError) error = NULL;
  RdsQueryResult *result;

  result = call_client (f->client, missing, &error);
  g_assert_null (result);
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "DBInstance ghost not found.");
  g_clear_error (&error);

  result = call_client (wrong_secret, describe, &error);
  g_assert_null (result);
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_SIGNATURE_DOES_NOT_MATCH);
  g_clear_error (&error);

  result = call_client (wrong_key, describe, &error);
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_CLIENT_TOKEN_ID);
  g_clear_error (&error);

  result = call_client (wrong_region, describe, &error);
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_SIGNATURE_DOES_NOT_MATCH);
  g_assert_nonnull (strstr (error->message, "valid region"));
  g_clear_error (&error);

  result = call_client (f->client, unknown, &error);
  g_assert_error (error, RDS_CLIENT_ERROR, RDS_CLIENT_ERROR_UNKNOWN_ACTION);
  (void) result;
}

/* Requests no client of ours would send, straight over HTTP. */
static void
test_raw_requests (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", f->url);
  g_autoptr(GBytes) body = g_bytes_new_static ("Action=DescribeDBInstances&Version=2014-10-31", 45);
  g_autoptr(GBytes) answer = NULL;
  g_auto(RdsXmlErrorDocument) document = { 0 };
  gsize length;
  const char *text;

  soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", body);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, send_cb, &answer);
  while (answer == NULL)
    g_main_context_iteration (g_main_context_get_thread_default (), TRUE);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 403);
  text = g_bytes_get_data (answer, &length);
  g_assert_true (rds_xml_read_error (text, length, &document));
  g_assert_cmpstr (document.code, ==, "MissingAuthenticationToken");
  g_assert_nonnull (document.request_id);
  g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_response_headers (msg), "x-amzn-RequestId"),
                   ==, document.request_id);
}

static void
test_signed_bad_forms (Fixture       *f,
                       gconstpointer  data)
{
  /* Missing parameters and a wrong version, through a real signature. */
  g_autoptr(RdsRequest) no_identifier = request_new ("CreateDBSnapshot", "DBSnapshotIdentifier", "s", NULL);
  g_autoptr(GError) error = NULL;
  RdsQueryResult *result;

  result = call_client (f->client, no_identifier, &error);
  g_assert_null (result);
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_MISSING_PARAMETER);
  g_assert_nonnull (strstr (error->message, "DBInstanceIdentifier"));
}

static void
test_pagination (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) quota = json_from_string ("{\"DBInstances\": 200}", NULL);
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *marker = NULL;
  guint total = 0, pages = 0;

  state = control (f->client, "POST", "quotas", quota, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_node_get_object (state),
                                                                              "quotas"), "DBInstances"), ==, 200);

  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *id = g_strdup_printf ("db%03u", i);
      g_autoptr(RdsRequest) create = request_new ("CreateDBInstance", "DBInstanceIdentifier", id,
                                                  "DBInstanceClass", "db.t3.micro", "Engine", "mysql",
                                                  "MasterUsername", "admin", "MasterUserPassword", "password1",
                                                  "AllocatedStorage", "20", NULL);
      g_autoptr(RdsQueryResult) created = call_ok (f, create);
    }

  do
    {
      g_autoptr(RdsRequest) page = request_new ("DescribeDBInstances", "Marker", marker, NULL);
      g_autoptr(RdsQueryResult) result = call_ok (f, page);

      total += result->items->len;
      pages++;
      g_free (marker);
      marker = g_strdup (result->marker);
    }
  while (marker != NULL);

  g_assert_cmpuint (pages, ==, 2);
  g_assert_cmpuint (total, ==, 120);
}

static void
test_durable_before_acknowledged (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(RdsRequest) create = request_new ("CreateDBInstance", "DBInstanceIdentifier", "durable",
                                              "DBInstanceClass", "db.t3.micro", "Engine", "mariadb",
                                              "MasterUsername", "admin", "MasterUserPassword", "sekrit-pass",
                                              "AllocatedStorage", "20", NULL);
  g_autoptr(RdsQueryResult) created = call_ok (f, create);
  g_autofree char *path = g_build_filename (f->dir, RDS_SIM_STORE_JOURNAL_FILE, NULL);
  g_autofree char *journal = NULL;

  /* The answer came back, so the change is already on disk. */
  g_assert_true (g_file_get_contents (path, &journal, NULL, NULL));
  g_assert_nonnull (strstr (journal, "\"DBInstanceIdentifier\":\"durable\""));
  g_assert_null (strstr (journal, "sekrit-pass"));
}

static void
test_control (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(JsonNode) rate = json_from_string ("{\"rate\": 600, \"paused\": false}", NULL);
  g_autoptr(JsonNode) bad_rate = json_from_string ("{\"rate\": 0}", NULL);
  g_autoptr(JsonNode) advance_body = json_from_string ("{\"seconds\": 86400}", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsClient) wrong = rds_client_new (f->url, "us-east-1", ACCESS_KEY, "nope");
  gint64 before;
  JsonObject *object;

  state = control (f->client, "GET", "state", NULL, &error);
  g_assert_no_error (error);
  object = json_node_get_object (state);
  g_assert_cmpint (json_object_get_int_member (object, "timeUsec"), ==, START_TIME);
  g_assert_true (json_object_get_boolean_member (object, "paused"));
  g_assert_cmpstr (json_object_get_string_member (object, "seed"), ==, "11");
  before = json_object_get_int_member (object, "timeUsec");
  g_clear_pointer (&state, json_node_unref);

  state = control (f->client, "POST", "clock/advance", advance_body, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (state), "timeUsec"), ==,
                   before + G_GINT64_CONSTANT (86400000000));
  g_clear_pointer (&state, json_node_unref);

  state = control (f->client, "POST", "clock", rate, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (state), "rate"), ==, 600.0);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (state), "paused"));
  g_clear_pointer (&state, json_node_unref);

  state = control (f->client, "POST", "clock", bad_rate, &error);
  g_assert_null (state);
  g_assert_error (error, RDS_CLIENT_ERROR, RDS_CLIENT_ERROR_HTTP);
  g_assert_nonnull (strstr (error->message, "rate"));
  g_clear_error (&error);

  state = control (wrong, "GET", "state", NULL, &error);
  g_assert_null (state);
  g_assert_error (error, RDS_CLIENT_ERROR, RDS_CLIENT_ERROR_HTTP);
}

static void
test_regions_are_separate (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(RdsRequest) create = request_new ("CreateDBInstance", "DBInstanceIdentifier", "here",
                                              "DBInstanceClass", "db.t3.micro", "Engine", "postgres",
                                              "MasterUsername", "postgres", "MasterUserPassword", "password1",
                                              "AllocatedStorage", "20", NULL);
  g_autoptr(RdsRequest) describe = request_new ("DescribeDBInstances", NULL);
  g_autoptr(RdsQueryResult) created = call_ok (f, create);
  g_autoptr(RdsQueryResult) home = call_ok (f, describe);
  g_autoptr(RdsQueryResult) away = NULL;

  g_assert_cmpuint (home->items->len, ==, 1);
  rds_client_set_region (f->client, "ap-northeast-2");
  away = call_ok (f, describe);
  g_assert_cmpuint (away->items->len, ==, 0);
}

/* Where each service's requests go: the one endpoint, or AWS's own. */
static void
test_service_urls (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RdsClient) aws = rds_client_new (NULL, "eu-west-1", ACCESS_KEY, SECRET_KEY);
  g_autoptr(RdsClient) china = rds_client_new (NULL, "cn-north-1", ACCESS_KEY, SECRET_KEY);
  g_autoptr(RdsClient) moved = rds_client_new_for_region (aws, "ap-northeast-2");
  g_autofree char *rds = rds_client_get_service_url (aws, "rds");
  g_autofree char *monitoring = rds_client_get_service_url (aws, "monitoring");
  g_autofree char *kms = rds_client_get_service_url (china, "kms");
  g_autofree char *seoul = rds_client_get_service_url (moved, "rds");
  g_autofree char *simulator = rds_client_get_service_url (f->client, "monitoring");

  g_assert_null (rds_client_get_endpoint (aws));
  g_assert_cmpstr (rds, ==, "https://rds.eu-west-1.amazonaws.com");
  g_assert_cmpstr (monitoring, ==, "https://monitoring.eu-west-1.amazonaws.com");
  g_assert_cmpstr (kms, ==, "https://kms.cn-north-1.amazonaws.com.cn");
  g_assert_cmpstr (seoul, ==, "https://rds.ap-northeast-2.amazonaws.com");
  g_assert_cmpstr (simulator, ==, f->url);
}

typedef struct
{
  char *token;
  char *authorization;
  char *target;
  char *content_type;
  char *body;
} Seen;

static void
seen_clear (Seen *seen)
{
  g_clear_pointer (&seen->token, g_free);
  g_clear_pointer (&seen->authorization, g_free);
  g_clear_pointer (&seen->target, g_free);
  g_clear_pointer (&seen->content_type, g_free);
  g_clear_pointer (&seen->body, g_free);
}

static void
capture_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  Seen *seen = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));

  seen_clear (seen);
  seen->token = g_strdup (soup_message_headers_get_one (headers, "X-Amz-Security-Token"));
  seen->authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));
  seen->target = g_strdup (soup_message_headers_get_one (headers, "X-Amz-Target"));
  seen->content_type = g_strdup (soup_message_headers_get_one (headers, "Content-Type"));
  seen->body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
}

/* Serves @capture on loopback, recording into @seen; returns its URL. */
static char *
capture_start (SoupServer *capture,
               Seen       *seen)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *url;

  soup_server_add_handler (capture, NULL, capture_cb, seen, NULL);
  g_assert_true (soup_server_listen_local (capture, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (capture);
  url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return url;
}

/* Temporary credentials: the token goes with every request, signed, and
 * the simulator takes it. */
static void
test_session_token (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SoupServer) capture = soup_server_new (NULL, NULL);
  g_autoptr(RdsClient) client = NULL;
  g_autoptr(RdsRequest) request = request_new ("DescribeDBInstances", NULL);
  g_autoptr(RdsQueryResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Seen seen = { NULL };

  url = capture_start (capture, &seen);

  client = rds_client_new (url, "us-east-1", ACCESS_KEY, SECRET_KEY);
  rds_client_set_retries (client, 1, 0);
  rds_client_set_session_token (client, "FwoGZXIvYXdzEXAMPLE//token=");
  result = call_client (client, request, &error);
  g_assert_null (result);
  g_clear_error (&error);

  g_assert_cmpstr (seen.token, ==, "FwoGZXIvYXdzEXAMPLE//token=");
  g_assert_nonnull (strstr (seen.authorization, "x-amz-security-token"));
  seen_clear (&seen);
  soup_server_disconnect (capture);

  /* The simulator checks the signature over it, and answers. */
  rds_client_set_session_token (f->client, "FwoGZXIvYXdzEXAMPLE//token=");
  g_clear_pointer (&result, rds_query_result_free);
  result = call_client (f->client, request, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
}

/* An endpoint that fails the first requests with a given error, then
 * answers; it counts the requests. */
typedef struct
{
  guint       hits;
  guint       failures;      /* how many fail first */
  guint       status;
  const char *code;          /* NULL: an HTTP error without a document */
} Flaky;

static void
flaky_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  Flaky *flaky = user_data;
  g_autofree char *body = NULL;

  flaky->hits++;
  if (flaky->hits <= flaky->failures)
    {
      if (flaky->code != NULL)
        body = g_strdup_printf ("<ErrorResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
                                "<Error><Type>Sender</Type><Code>%s</Code><Message>It failed.</Message>"
                                "</Error><RequestId>1</RequestId></ErrorResponse>", flaky->code);
      soup_server_message_set_status (msg, flaky->status, NULL);
    }
  else
    {
      body = g_strdup ("<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
                       "<DescribeDBInstancesResult><DBInstances/></DescribeDBInstancesResult>"
                       "<ResponseMetadata><RequestId>2</RequestId></ResponseMetadata>"
                       "</DescribeDBInstancesResponse>");
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
    }
  if (body != NULL)
    soup_server_message_set_response (msg, "text/xml", SOUP_MEMORY_COPY, body, strlen (body));
}

static char *
flaky_start (SoupServer *server,
             Flaky      *flaky)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *url;

  soup_server_add_handler (server, NULL, flaky_cb, flaky, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return url;
}

/* Throttling and transient failures are retried, as the AWS SDKs do: three
 * attempts in all, each signed anew; other errors are not. */
static void
test_retries (void)
{
  static const struct
  {
    guint       failures;
    guint       status;
    const char *code;
    guint       hits;        /* requests the endpoint saw */
    gboolean    succeeds;
  } cases[] = {
    { 2, 400, "Throttling", 3, TRUE },
    { 1, 400, "ThrottlingException", 2, TRUE },
    { 2, 503, NULL, 3, TRUE },
    { 1, 500, "InternalFailure", 2, TRUE },
    { 3, 400, "Throttling", 3, FALSE },
    { 1, 400, "InvalidParameterValue", 1, FALSE },
    { 1, 403, "AccessDenied", 1, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
      g_autoptr(RdsClient) client = NULL;
      g_autoptr(RdsRequest) request = request_new ("DescribeDBInstances", NULL);
      g_autoptr(RdsQueryResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *url = NULL;
      Flaky flaky = { 0, cases[i].failures, cases[i].status, cases[i].code };

      url = flaky_start (server, &flaky);
      client = rds_client_new (url, "us-east-1", ACCESS_KEY, SECRET_KEY);
      rds_client_set_retries (client, 3, 2);
      result = call_client (client, request, &error);
      g_assert_cmpuint (flaky.hits, ==, cases[i].hits);
      if (cases[i].succeeds)
        {
          g_assert_no_error (error);
          g_assert_nonnull (result);
        }
      else
        {
          g_assert_null (result);
          g_assert_nonnull (error);
        }
      if (g_strcmp0 (cases[i].code, "Throttling") == 0 && !cases[i].succeeds)
        g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_THROTTLING);
      /* Credentials and permissions: the service's words, and what to do. */
      if (g_strcmp0 (cases[i].code, "AccessDenied") == 0)
        {
          g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_ACCESS_DENIED);
          g_assert_true (g_str_has_prefix (error->message, "It failed. "));
          g_assert_nonnull (strstr (error->message, "IAM permission"));
        }
      soup_server_disconnect (server);
    }
}

/* Cancelled while it waits to retry, a call ends at once. */
static void
test_retry_cancelled (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(RdsClient) client = NULL;
  g_autoptr(RdsRequest) request = request_new ("DescribeDBInstances", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Flaky flaky = { 0, 10, 400, "Throttling" };
  Wait wait = { NULL };
  gint64 start;

  url = flaky_start (server, &flaky);
  client = rds_client_new (url, "us-east-1", ACCESS_KEY, SECRET_KEY);
  /* A wait of up to 20 s, were it not cancelled. */
  rds_client_set_retries (client, 3, 20000);
  rds_client_call_async (client, request, cancellable, done_cb, &wait);
  while (flaky.hits == 0)
    g_main_context_iteration (NULL, TRUE);
  start = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  while (wait.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (rds_client_call_finish (client, wait.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_assert_cmpuint (flaky.hits, ==, 1);
  g_object_unref (wait.result);
  soup_server_disconnect (server);
}

/* Nobody at the address: the error says where the client could not go. */
static void
test_unreachable (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(RdsClient) client = NULL;
  g_autoptr(RdsRequest) request = request_new ("DescribeDBInstances", NULL);
  g_autoptr(RdsQueryResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *expected = NULL;
  guint16 port;

  /* A port that was free a moment ago, and is closed. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, any, FALSE, &error));
  bound = g_socket_get_local_address (socket, &error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);

  url = g_strdup_printf ("http://127.0.0.1:%u", port);
  client = rds_client_new (url, "us-east-1", ACCESS_KEY, SECRET_KEY);
  result = call_client (client, request, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  expected = g_strdup_printf ("Could not reach http://127.0.0.1:%u/: ", port);
  g_assert_true (g_str_has_prefix (error->message, expected));
}

/* A second API on the endpoint: a CloudWatch-like service whose answer is
 * a shape of its own (GetMetricData's), with its own version and
 * namespace. */

#define TEST_TYPE_SERIES (test_series_get_type ())
G_DECLARE_FINAL_TYPE (TestSeries, test_series, TEST, SERIES, RdsShape)

struct _TestSeries
{
  RdsShape  parent_instance;

  char     *id;
  char    **values;
};

G_DEFINE_FINAL_TYPE (TestSeries, test_series, RDS_TYPE_SHAPE)

static const RdsField series_fields[] = {
  RDS_FIELD_STRING (TestSeries, id, "id", "Id", "Which query"),
  RDS_FIELD_STRV (TestSeries, values, "values", "Values", "The datapoints", "member"),
};

static void
test_series_class_init (TestSeriesClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), series_fields, G_N_ELEMENTS (series_fields));
}

static void
test_series_init (TestSeries *self)
{
}

#define TEST_TYPE_METRIC_DATA (test_metric_data_get_type ())
G_DECLARE_FINAL_TYPE (TestMetricData, test_metric_data, TEST, METRIC_DATA, RdsShape)

struct _TestMetricData
{
  RdsShape    parent_instance;

  GListStore *results;
  char       *next_token;
};

G_DEFINE_FINAL_TYPE (TestMetricData, test_metric_data, RDS_TYPE_SHAPE)

static const RdsField metric_data_fields[] = {
  RDS_FIELD_LIST (TestMetricData, results, "results", "MetricDataResults", "One per query",
                  test_series_get_type, "member"),
  RDS_FIELD_STRING (TestMetricData, next_token, "next-token", "NextToken", "Where the next page starts"),
};

static void
test_metric_data_class_init (TestMetricDataClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), metric_data_fields,
                                  G_N_ELEMENTS (metric_data_fields));
}

static void
test_metric_data_init (TestMetricData *self)
{
}

static const RdsApi test_api;

static const RdsAction test_actions[] = {
  { "GetMetricData", RDS_RESULT_SHAPE, NULL, NULL, test_metric_data_get_type, FALSE, FALSE, &test_api },
};

static const RdsApi test_api = {
  .service = "monitoring",
  .protocol = RDS_PROTOCOL_QUERY,
  .version = "2010-08-01",
  .xml_namespace = "http://monitoring.amazonaws.com/doc/2010-08-01/",
  .actions = test_actions,
  .n_actions = G_N_ELEMENTS (test_actions),
};

/* A service's answers, errors and requests follow its own API. */
static void
test_service_documents (void)
{
  const RdsAction *action = rds_api_lookup_action (&test_api, "GetMetricData");
  g_autoptr(RdsQueryResult) result = rds_query_result_new (action);
  g_autoptr(RdsQueryResult) read = NULL;
  g_autoptr(RdsShape) series = g_object_new (TEST_TYPE_SERIES, "id", "cpu", NULL);
  g_autoptr(RdsRequest) request = rds_request_new_for_api (&test_api, "GetMetricData");
  g_autoptr(GHashTable) form = NULL;
  g_autoptr(RdsRequest) decoded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) error_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  g_autofree char *request_id = NULL;
  const char *values[] = { "12.5", "40", NULL };

  g_assert_nonnull (action);
  g_assert_null (rds_api_lookup_action (&test_api, "DescribeDBInstances"));
  g_assert_true (rds_api_lookup ("rds") == &rds_api_rds);
  g_assert_null (rds_api_lookup ("sqs"));

  /* The answer: the result element holds the shape's members. */
  rds_shape_set_strv (series, "values", values);
  result->item = g_object_new (TEST_TYPE_METRIC_DATA, "next-token", "page-2", NULL);
  g_list_store_append (rds_shape_ensure_list (result->item, "results"), series);
  bytes = rds_xml_write_response (result, "req-1");
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "<GetMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
                                  "<GetMetricDataResult><MetricDataResults><member><Id>cpu</Id>"
                                  "<Values><member>12.5</member><member>40</member></Values></member>"
                                  "</MetricDataResults><NextToken>page-2</NextToken></GetMetricDataResult>"));

  read = rds_xml_read_response (action, text, -1, &request_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (request_id, ==, "req-1");
  g_assert_true (rds_shape_equal (read->item, result->item));

  /* Its errors carry its namespace; an error before any service, none. */
  g_clear_pointer (&text, g_free);
  error_bytes = rds_xml_write_error (test_api.xml_namespace, "InvalidParameterValue", "No.", TRUE, "req-2");
  text = g_strndup (g_bytes_get_data (error_bytes, NULL), g_bytes_get_size (error_bytes));
  g_assert_nonnull (strstr (text, "<ErrorResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"));
  g_clear_pointer (&error_bytes, g_bytes_unref);
  g_clear_pointer (&text, g_free);
  error_bytes = rds_xml_write_error (NULL, "SignatureDoesNotMatch", "No.", TRUE, "req-3");
  text = g_strndup (g_bytes_get_data (error_bytes, NULL), g_bytes_get_size (error_bytes));
  g_assert_nonnull (strstr (text, "<ErrorResponse><Error>"));

  /* Its requests name its version, which RDS does not speak. */
  rds_request_set (request, "MetricDataQueries.member.1.Id", "cpu");
  body = rds_request_encode (request);
  g_assert_true (g_str_has_prefix (body, "Action=GetMetricData&Version=2010-08-01&"));
  form = soup_form_decode (body);
  decoded = rds_request_new_from_form (&test_api, form, &error);
  g_assert_no_error (error);
  g_assert_true (rds_request_get_api (decoded) == &test_api);
  g_clear_object (&decoded);
  decoded = rds_request_new_from_form (&rds_api_rds, form, &error);
  g_assert_null (decoded);
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_ACTION);
  g_assert_nonnull (strstr (error->message, "version 2014-10-31"));
}

/* Answers are read by the console's own XML reader: what the Query API
 * sends is read, what is not well-formed is refused. */
static void
test_xml_reader (void)
{
  const RdsAction *action = rds_action_lookup ("DescribeDBInstances");
  const char *good[][2] = {
    { "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- hello -->"
      "<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
      "<DescribeDBInstancesResult><DBInstances/>"
      "<Marker>a&amp;b&#x41;&#66;&lt;&gt;&quot;&apos;<![CDATA[<c>&amp;]]></Marker>"
      "</DescribeDBInstancesResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>"
      "</DescribeDBInstancesResponse>\n", "a&bAB<>\"'<c>&amp;" },
    { "<DescribeDBInstancesResponse><DescribeDBInstancesResult a='1' b = \"x>y\" >"
      "<DBInstances><DBInstance><DBInstanceIdentifier>db-\xc3\xa9</DBInstanceIdentifier></DBInstance>"
      "</DBInstances><Marker >m</Marker ></DescribeDBInstancesResult></DescribeDBInstancesResponse>", "m" },
  };
  const char *bad[] = {
    "",
    "   ",
    "<DescribeDBInstancesResponse>",
    "<DescribeDBInstancesResponse></DescribeDBInstancesResult>",
    "<DescribeDBInstancesResponse/>trailing",
    "<DescribeDBInstancesResponse/><DescribeDBInstancesResponse/>",
    "<!DOCTYPE x><DescribeDBInstancesResponse/>",
    "<DescribeDBInstancesResponse><!-- open </DescribeDBInstancesResponse>",
    "<DescribeDBInstancesResponse><DescribeDBInstancesResult><Marker>&bogus;</Marker>"
    "</DescribeDBInstancesResult></DescribeDBInstancesResponse>",
    "<DescribeDBInstancesResponse><DescribeDBInstancesResult><Marker>&#0;</Marker>"
    "</DescribeDBInstancesResult></DescribeDBInstancesResponse>",
    "<DescribeDBInstancesResponse>\xff</DescribeDBInstancesResponse>",
    "<DescribeDBInstancesResponse a=1/>",
    "<DescribeDBInstancesResponse a=\"1/>",
    "<1DescribeDBInstancesResponse/>",
    "<OtherResponse/>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RdsQueryResult) result = rds_xml_read_response (action, good[i][0], -1, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (result->marker, ==, good[i][1]);
      if (i == 1)
        g_assert_cmpstr (rds_db_instance_get_identifier (g_ptr_array_index (result->items, 0)), ==, "db-\xc3\xa9");
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RdsQueryResult) result = rds_xml_read_response (action, bad[i], -1, NULL, &error);

      if (result != NULL)
        g_error ("“%s” was read", bad[i]);
      g_assert_error (error, RDS_XML_ERROR, RDS_XML_ERROR_MALFORMED);
    }

  /* Deep nesting is refused, not recursed into. */
  {
    g_autoptr(GString) deep = g_string_new ("<DescribeDBInstancesResponse>");
    g_autoptr(GError) error = NULL;
    g_autoptr(RdsQueryResult) result = NULL;

    for (guint i = 0; i < 10000; i++)
      g_string_append (deep, "<a>");
    result = rds_xml_read_response (action, deep->str, -1, NULL, &error);
    g_assert_null (result);
    g_assert_error (error, RDS_XML_ERROR, RDS_XML_ERROR_MALFORMED);
  }
}

/* A metric's values and times: numbers both ways, whole numbers exactly,
 * others to six significant digits. */
static void
test_metric_values (void)
{
  const RdsAction *action = rds_api_lookup_action (&rds_api_monitoring, "GetMetricData");
  g_autoptr(RdsQueryResult) result = rds_query_result_new (action);
  g_autoptr(RdsQueryResult) read = NULL;
  g_autoptr(RdsShape) item = g_object_new (RDS_TYPE_METRIC_DATA_RESULT, "id", "m1", NULL);
  g_autoptr(RdsShape) read_item = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *times = g_array_new (FALSE, FALSE, sizeof (gint64));
  double numbers[] = { 12.5, 40, 0.000731234, 21474836480.0, -3.25, 99.99999999, 1234567.8, 0 };
  const char *expected = "<Values><member>12.5</member><member>40</member><member>0.000731234</member>"
                         "<member>21474836480</member><member>-3.25</member><member>100</member>"
                         "<member>1234568</member><member>0</member></Values>";
  gint64 when = G_GINT64_CONSTANT (1767616500000000); /* 2026-01-05T12:35:00Z */

  g_array_append_vals (values, numbers, G_N_ELEMENTS (numbers));
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      gint64 t = when - (gint64) i * 60 * G_USEC_PER_SEC;
      g_array_append_val (times, t);
    }
  rds_shape_take_array (item, "values", values);
  rds_shape_take_array (item, "timestamps", times);
  result->item = g_object_new (RDS_TYPE_METRIC_DATA, NULL);
  g_list_store_append (rds_shape_ensure_list (result->item, "metric-data-results"), item);

  bytes = rds_xml_write_response (result, "req-1");
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, expected));
  g_assert_nonnull (strstr (text, "<Timestamps><member>2026-01-05T12:35:00Z</member>"
                                  "<member>2026-01-05T12:34:00Z</member>"));

  read = rds_xml_read_response (action, text, -1, NULL, &error);
  g_assert_no_error (error);
  read_item = g_list_model_get_item (G_LIST_MODEL (rds_shape_get_list (read->item, "metric-data-results")), 0);
  g_assert_cmpuint (rds_shape_get_array (read_item, "values")->len, ==, G_N_ELEMENTS (numbers));
  g_assert_cmpfloat (g_array_index (rds_shape_get_array (read_item, "values"), double, 0), ==, 12.5);
  g_assert_cmpfloat (g_array_index (rds_shape_get_array (read_item, "values"), double, 3), ==, 21474836480.0);
  g_assert_cmpint (g_array_index (rds_shape_get_array (read_item, "timestamps"), gint64, 1), ==,
                   when - 60 * G_USEC_PER_SEC);

  /* Kept on disk exactly. */
  {
    g_autoptr(JsonNode) json = rds_shape_to_json (item);
    g_autoptr(RdsShape) back = rds_shape_new_from_json (RDS_TYPE_METRIC_DATA_RESULT, json, &error);

    g_assert_no_error (error);
    g_assert_true (rds_shape_equal (back, item));
  }
}

/* A service the simulator does not serve. */
static const RdsApi unserved_api;

static const RdsAction unserved_actions[] = {
  { "ListQueues", RDS_RESULT_NONE, NULL, NULL, NULL, FALSE, FALSE, &unserved_api },
};

static const RdsApi unserved_api = {
  .service = "sqs",
  .protocol = RDS_PROTOCOL_QUERY,
  .version = "2012-11-05",
  .xml_namespace = "http://queue.amazonaws.com/doc/2012-11-05/",
  .actions = unserved_actions,
  .n_actions = G_N_ELEMENTS (unserved_actions),
};

/* The client signs a service's request for that service; the simulator
 * answers CloudWatch's with CloudWatch's errors, and refuses a service it
 * does not serve with an error that is not RDS's. */
static void
test_service_requests (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RdsRequest) unserved = rds_request_new_for_api (&unserved_api, "ListQueues");
  g_autoptr(SoupServer) capture = soup_server_new (NULL, NULL);
  g_autoptr(RdsClient) client = NULL;
  g_autoptr(RdsRequest) request = rds_request_new_for_api (&test_api, "GetMetricData");
  g_autoptr(RdsQueryResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Seen seen = { NULL };

  url = capture_start (capture, &seen);

  client = rds_client_new (url, "us-east-1", ACCESS_KEY, SECRET_KEY);
  result = call_client (client, request, &error);
  g_assert_null (result);
  g_clear_error (&error);
  g_assert_nonnull (strstr (seen.authorization, "/us-east-1/monitoring/aws4_request"));
  seen_clear (&seen);
  soup_server_disconnect (capture);

  result = call_client (f->client, request, &error);
  g_assert_null (result);
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_MISSING_PARAMETER);
  g_assert_cmpstr (error->message, ==, "The parameter StartTime is required.");
  g_clear_error (&error);

  result = call_client (f->client, unserved, &error);
  g_assert_null (result);
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_SIGNATURE_DOES_NOT_MATCH);
  g_assert_nonnull (strstr (error->message, "does not serve 'sqs'"));
}

/* A JSON service (AWS JSON 1.1, as KMS speaks it) on the same endpoint:
 * the action in X-Amz-Target, JSON both ways, typed numbers. A test's own
 * service, beside the model's KMS. */

static const RdsApi json_api;

static const RdsAction json_actions[] = {
  { "DescribeSeries", RDS_RESULT_SHAPE, NULL, NULL, test_series_get_type, FALSE, FALSE, &json_api },
};

static const RdsApi json_api = {
  .service = "series",
  .protocol = RDS_PROTOCOL_JSON,
  .version = "2014-11-01",
  .target_prefix = "SeriesService",
  .actions = json_actions,
  .n_actions = G_N_ELEMENTS (json_actions),
};

/* The simulator's side: the first Limit values asked for, under the Id. */
static RdsQueryResult *
describe_series (RdsSimEngine  *engine,
                 RdsSimRegion  *region,
                 RdsRequest    *request,
                 GError       **error)
{
  g_auto(GStrv) values = rds_request_get_list (request, "Values", "member");
  const char *id = rds_request_require_string (request, "Id", error);
  RdsQueryResult *result;
  int limit = 10;

  if (id == NULL || !rds_request_get_int (request, "Limit", &limit, error))
    return NULL;
  if (limit < 1 || limit > 3)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Limit must be between 1 and 3, not %d.", limit);
      return NULL;
    }
  if (values != NULL && g_strv_length (values) > (guint) limit)
    g_clear_pointer (&values[limit], g_free);

  result = rds_query_result_new (&json_actions[0]);
  result->item = g_object_new (TEST_TYPE_SERIES, "id", id, NULL);
  rds_shape_set_strv (result->item, "values", (const char * const *) values);
  return result;
}

static const RdsSimAction json_sim_actions[] = {
  { "DescribeSeries", describe_series, "series" },
  { NULL }
};

static void
test_json_service (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SoupServer) capture = soup_server_new (NULL, NULL);
  g_autoptr(RdsClient) client = NULL;
  g_autoptr(RdsRequest) request = rds_request_new_for_api (&json_api, "DescribeSeries");
  g_autoptr(RdsRequest) bad = rds_request_new_for_api (&json_api, "DescribeSeries");
  g_autoptr(RdsRequest) rds_named = rds_request_new_for_api (&json_api, "DescribeDBInstances");
  g_autoptr(RdsQueryResult) result = NULL;
  g_autoptr(JsonNode) sent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Seen seen = { NULL };

  rds_request_set (request, "Id", "cpu");
  rds_request_set_int (request, "Limit", 2);
  rds_request_add_list_item (request, "Values", "member", "1.5");
  rds_request_add_list_item (request, "Values", "member", "2.5");
  rds_request_add_list_item (request, "Values", "member", "3.5");

  /* On the wire: POST, the target, the JSON type, a JSON object. */
  url = capture_start (capture, &seen);
  client = rds_client_new (url, "us-east-1", ACCESS_KEY, SECRET_KEY);
  result = call_client (client, request, &error);
  g_assert_null (result);
  g_clear_error (&error);
  g_assert_cmpstr (seen.target, ==, "SeriesService.DescribeSeries");
  g_assert_cmpstr (seen.content_type, ==, "application/x-amz-json-1.1");
  g_assert_nonnull (strstr (seen.authorization, "/us-east-1/series/aws4_request"));
  g_assert_nonnull (strstr (seen.authorization, "x-amz-target"));
  sent = json_from_string (seen.body, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (sent), "Limit"), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_node_get_object (sent),
                                                                                "Values"), 2), ==, "3.5");
  seen_clear (&seen);
  soup_server_disconnect (capture);

  /* The simulator answers it as the JSON service. */
  result = call_client (f->client, request, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rds_shape_get_string (result->item, "id"), ==, "cpu");
  g_assert_cmpstrv (rds_shape_get_strv (result->item, "values"), ((const char *[]) { "1.5", "2.5", NULL }));

  /* Its errors come back as JSON, with the service's code. */
  rds_request_set (bad, "Id", "cpu");
  rds_request_set_int (bad, "Limit", 9);
  g_clear_pointer (&result, rds_query_result_free);
  result = call_client (f->client, bad, &error);
  g_assert_null (result);
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE);
  g_assert_cmpstr (error->message, ==, "Limit must be between 1 and 3, not 9.");
  g_clear_error (&error);

  /* RDS's actions are not the JSON service's. */
  result = call_client (f->client, rds_named, &error);
  g_assert_null (result);
  g_assert_error (error, RDS_CLIENT_ERROR, RDS_CLIENT_ERROR_UNKNOWN_ACTION);
}

/* KMS through the client, as the console would call it: the model's JSON
 * service, its timestamps numbers on the wire, its errors its own. */
static void
test_kms_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RdsRequest) create = rds_request_new_for_api (&rds_api_kms, "CreateKey");
  g_autoptr(RdsRequest) alias = rds_request_new_for_api (&rds_api_kms, "CreateAlias");
  g_autoptr(RdsRequest) list = rds_request_new_for_api (&rds_api_kms, "ListAliases");
  g_autoptr(RdsRequest) missing = rds_request_new_for_api (&rds_api_kms, "DescribeKey");
  g_autoptr(RdsQueryResult) created = NULL;
  g_autoptr(RdsQueryResult) aliased = NULL;
  g_autoptr(RdsQueryResult) listed = NULL;
  g_autoptr(RdsQueryResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *aliases;
  RdsShape *metadata;

  rds_request_set (create, "Description", "round trip");
  rds_request_set (create, "Tags.member.1.TagKey", "team");
  rds_request_set (create, "Tags.member.1.TagValue", "api");
  created = call_client (f->client, create, &error);
  g_assert_no_error (error);
  metadata = rds_shape_get_object (created->item, "key-metadata");
  g_assert_cmpstr (rds_shape_get_string (metadata, "description"), ==, "round trip");
  g_assert_cmpstr (rds_shape_get_string (metadata, "key-state"), ==, "Enabled");
  g_assert_cmpint (rds_shape_get_timestamp (metadata, "creation-date"), ==, START_TIME);
  g_assert_cmpstrv (rds_shape_get_strv (metadata, "encryption-algorithms"),
                    ((const char *[]) { "SYMMETRIC_DEFAULT", NULL }));

  rds_request_set (alias, "AliasName", "alias/round-trip");
  rds_request_set (alias, "TargetKeyId", rds_shape_get_string (metadata, "key-id"));
  aliased = call_client (f->client, alias, &error);
  g_assert_no_error (error);

  rds_request_set_int (list, "Limit", 1);
  listed = call_client (f->client, list, &error);
  g_assert_no_error (error);
  aliases = rds_shape_get_list (listed->item, "aliases");
  g_assert_cmpuint (g_list_model_get_n_items (aliases), ==, 1);
  g_assert_true (rds_shape_get_boolean (listed->item, "truncated"));
  g_assert_nonnull (rds_shape_get_string (listed->item, "next-marker"));

  rds_request_set (missing, "KeyId", "alias/nobody");
  result = call_client (f->client, missing, &error);
  g_assert_null (result);
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "alias/nobody is not found"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Before any server or engine. */
  rds_api_register (&json_api);
  rds_sim_engine_register_actions (json_sim_actions);

  g_test_add_func ("/rds/api/service-documents", test_service_documents);
  g_test_add_func ("/rds/api/xml-reader", test_xml_reader);
  g_test_add_func ("/rds/api/metric-values", test_metric_values);
#define ADD(path, func) g_test_add ("/rds/api/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  g_test_add_func ("/rds/api/retries", test_retries);
  g_test_add_func ("/rds/api/retry-cancelled", test_retry_cancelled);
  g_test_add_func ("/rds/api/unreachable", test_unreachable);
  ADD ("round-trip", test_round_trip);
  ADD ("errors", test_errors);
  ADD ("raw-requests", test_raw_requests);
  ADD ("signed-bad-forms", test_signed_bad_forms);
  ADD ("pagination", test_pagination);
  ADD ("durable-before-acknowledged", test_durable_before_acknowledged);
  ADD ("control", test_control);
  ADD ("regions-are-separate", test_regions_are_separate);
  ADD ("service-urls", test_service_urls);
  ADD ("session-token", test_session_token);
  ADD ("service-requests", test_service_requests);
  ADD ("json-service", test_json_service);
  ADD ("kms-round-trip", test_kms_round_trip);
#undef ADD

  return g_test_run ();
}
