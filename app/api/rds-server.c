/* rds-server.c: the RDS Query API over HTTP, in front of the simulator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every request is checked with SigV4 first; its credential scope names the
 * Region. Query API requests (form-encoded, Action and Version) run on the
 * engine and answer with the service's XML documents; requests under /_sim/
 * control the simulator itself (its clock, its quotas) with JSON.
 *
 * A request that changes state is answered only once the store has made the
 * change durable: the message is paused while the journal is written, on the
 * store's writer thread, and the main loop goes on serving others.
 */

#include "config.h"

#include "rds-server.h"

#include <libsoup/soup.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "rds-aws-error.h"
#include "rds-region.h"
#include "rds-request.h"
#include "rds-server-connection.h"
#include "rds-sigv4.h"
#include "rds-json-protocol.h"
#include "rds-xml.h"

struct _RdsServer
{
  GObject       parent_instance;

  RdsSimEngine *engine;
  RdsSimStore  *store;
  SoupServer   *server;
  GHashTable   *credentials;   /* access key id → secret access key */
  GHashTable   *connections;   /* remote GSocketAddress → RdsServerConnection */
  GHashTable   *idle_watches;  /* RdsServerConnection → GSource, see idle_connection_cb() */
  GSocket      *listen_socket;
  GSource      *listen_source;
  GSocket      *unreachable;   /* the far end of libsoup's own listener */
  guint         port;
  char         *host;
  gboolean      store_failed;
  guint         n_in_flight;   /* commits waiting for the store */
  guint         generation;    /* of the engine's state, one more at each roll back */
};

G_DEFINE_FINAL_TYPE (RdsServer, rds_server, G_TYPE_OBJECT)

static void
clear_secret (gpointer data)
{
  char *secret = data;

  if (secret != NULL)
    {
      explicit_bzero (secret, strlen (secret));
      g_free (secret);
    }
}

static void
destroy_source (gpointer data)
{
  g_source_destroy (data);
  g_source_unref (data);
}

static void
rds_server_dispose (GObject *object)
{
  RdsServer *self = RDS_SERVER (object);

  rds_server_disconnect (self);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (rds_server_parent_class)->dispose (object);
}

static void
rds_server_finalize (GObject *object)
{
  RdsServer *self = RDS_SERVER (object);

  g_clear_object (&self->engine);
  g_clear_object (&self->store);
  g_clear_pointer (&self->credentials, g_hash_table_unref);
  g_clear_pointer (&self->idle_watches, g_hash_table_unref);
  g_clear_pointer (&self->connections, g_hash_table_unref);
  g_clear_pointer (&self->host, g_free);

  G_OBJECT_CLASS (rds_server_parent_class)->finalize (object);
}

static void
rds_server_class_init (RdsServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rds_server_dispose;
  object_class->finalize = rds_server_finalize;
}

static void
rds_server_init (RdsServer *self)
{
  self->credentials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, clear_secret);
  self->connections = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->idle_watches = g_hash_table_new_full (NULL, NULL, g_object_unref, destroy_source);
}

/* Answers */

static char *
new_request_id (void)
{
  return g_uuid_string_random ();
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *content_type,
         GBytes            *body,
         const char        *request_id)
{
  gsize length;
  const char *data = g_bytes_get_data (body, &length);

  if (request_id != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "x-amzn-RequestId", request_id);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, data, length);
}

/* An error document in @api's protocol (XML in no namespace before an API
 * is known); its content type in @content_type. */
static GBytes *
error_body (const RdsApi  *api,
            RdsAwsError    code,
            const char    *message,
            const char    *request_id,
            const char   **content_type)
{
  guint status = rds_aws_error_get_http_status (code);

  if (api != NULL && api->protocol == RDS_PROTOCOL_JSON)
    {
      *content_type = RDS_JSON_CONTENT_TYPE;
      return rds_json_write_error (rds_aws_error_get_code (code), message);
    }

  *content_type = "text/xml";
  return rds_xml_write_error (api != NULL ? api->xml_namespace : NULL, rds_aws_error_get_code (code),
                              message, status < 500, request_id);
}

/* @api: (nullable): the API that answers, or %NULL before one is known */
static void
respond_aws_error (SoupServerMessage *msg,
                   const RdsApi      *api,
                   RdsAwsError        code,
                   const char        *message,
                   const char        *request_id)
{
  const char *content_type;
  g_autoptr(GBytes) body = error_body (api, code, message, request_id, &content_type);

  respond (msg, rds_aws_error_get_http_status (code), content_type, body, request_id);
}

static RdsAwsError
sigv4_code (const GError *error)
{
  switch (error->code)
    {
    case RDS_SIGV4_ERROR_MISSING_AUTHENTICATION_TOKEN:
      return RDS_AWS_ERROR_MISSING_AUTHENTICATION_TOKEN;
    case RDS_SIGV4_ERROR_INCOMPLETE_SIGNATURE:
      return RDS_AWS_ERROR_INCOMPLETE_SIGNATURE;
    case RDS_SIGV4_ERROR_INVALID_CLIENT_TOKEN_ID:
      return RDS_AWS_ERROR_INVALID_CLIENT_TOKEN_ID;
    case RDS_SIGV4_ERROR_SIGNATURE_DOES_NOT_MATCH:
    case RDS_SIGV4_ERROR_REQUEST_EXPIRED:
    case RDS_SIGV4_ERROR_INVALID_SCOPE:
    default:
      return RDS_AWS_ERROR_SIGNATURE_DOES_NOT_MATCH;
    }
}

/* Authentication */

static const char *
lookup_secret (const char *access_key_id,
               gpointer    user_data)
{
  RdsServer *self = user_data;

  return g_hash_table_lookup (self->credentials, access_key_id);
}

static void
add_header_cb (const char *name,
               const char *value,
               gpointer    user_data)
{
  rds_sigv4_request_add_header (user_data, name, value);
}

/* Services
 *
 * One endpoint serves every AWS API of the model (rds_api_lookup ()),
 * chosen by the service its request was signed for (the credential
 * scope), each in its protocol: RDS and CloudWatch speak the Query API
 * (form-encoded, XML answers in their namespace), KMS AWS JSON 1.1
 * (X-Amz-Target, JSON both ways). The simulator answers each service's
 * actions by service and name. */

static void handle_query (RdsServer         *self,
                          const RdsApi      *api,
                          SoupServerMessage *msg,
                          const char        *region,
                          GBytes            *body,
                          const char        *request_id);
static void handle_json  (RdsServer         *self,
                          const RdsApi      *api,
                          SoupServerMessage *msg,
                          const char        *region,
                          GBytes            *body,
                          const char        *request_id);

/* "'rds'" or "'rds', 'monitoring' or 'kms'", for messages. */
static char *
list_services (void)
{
  g_autoptr(GPtrArray) apis = rds_api_get_all ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < apis->len; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == apis->len ? " or " : ", ");
      g_string_append_printf (out, "'%s'", ((const RdsApi *) g_ptr_array_index (apis, i))->service);
    }
  return g_string_free (out, FALSE);
}

/* Checks the signature; returns the Region it was signed for, and in
 * @api the API of its service (when it is one served, also on failure). */
static char *
authenticate (RdsServer          *self,
              SoupServerMessage  *msg,
              GBytes             *body,
              const RdsApi      **api,
              GError            **error)
{
  GUri *uri = soup_server_message_get_uri (msg);
  g_autoptr(RdsSigv4Request) request = NULL;
  g_auto(RdsSigv4Identity) identity = { 0 };
  gsize length;
  const guint8 *data = g_bytes_get_data (body, &length);
  gboolean ok;

  request = rds_sigv4_request_new (soup_server_message_get_method (msg),
                                   g_uri_get_path (uri), g_uri_get_query (uri));
  soup_message_headers_foreach (soup_server_message_get_request_headers (msg), add_header_cb, request);
  rds_sigv4_request_set_body (request, data, length);

  ok = rds_sigv4_verify (request, NULL, lookup_secret, self, g_get_real_time () / G_USEC_PER_SEC,
                         &identity, error);
  /* Even a bad signature is answered by the service it was meant for. */
  *api = identity.service != NULL ? rds_api_lookup (identity.service) : NULL;
  if (!ok)
    return NULL;
  if (*api == NULL)
    {
      g_autofree char *served = list_services ();

      /* As AWS words a request signed for another service. */
      g_set_error (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_INVALID_SCOPE,
                   "Credential should be scoped to correct service: %s. This endpoint does not "
                   "serve '%s'.", served, identity.service);
      return NULL;
    }

  if (!rds_sim_engine_has_region (self->engine, identity.region))
    {
      g_set_error (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_INVALID_SCOPE,
                   "Credential should be scoped to a valid region, not '%s'.", identity.region);
      return NULL;
    }

  return g_steal_pointer (&identity.region);
}

/* Making changes durable */

/* Beyond this many changed resources and events, a checkpoint (written one
 * record at a time) costs less memory than one journal entry holding them
 * all; advancing the clock over thousands of instances does that. That
 * checkpoint is written at once, not in the background: the change must be
 * durable before it is answered, and every answer after it shows it. */
#define MAX_JOURNALED_CHANGES 256

typedef void (*CommitDone) (RdsServer         *self,
                            SoupServerMessage *msg,
                            gpointer           data,
                            const GError      *error);

typedef struct
{
  RdsServer         *self;
  SoupServerMessage *msg;
  CommitDone         done;
  gpointer           data;
  GDestroyNotify     destroy;
  guint              generation;
} Commit;

static void
commit_finish (Commit       *commit,
               const GError *error)
{
  commit->done (commit->self, commit->msg, commit->data, error);

  if (commit->destroy != NULL)
    commit->destroy (commit->data);
  g_object_unref (commit->self);
  g_object_unref (commit->msg);
  g_free (commit);
}

/* A write failed: the engine goes back to what is on disk, which is what
 * was acknowledged, and the changes queued after it fail too. Once is
 * enough for every commit that was queued before. */
static void
roll_back (RdsServer *self,
           guint      generation)
{
  g_autoptr(GError) error = NULL;

  if (generation != self->generation || self->store_failed)
    return;
  self->generation++;

  if (!rds_sim_store_restore (self->store, self->engine, &error))
    {
      g_printerr ("rds-simd: %s\n", error->message);
      self->store_failed = TRUE;
    }
}

static void
checkpoint_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Tried again once the journal grows further. */
  if (!rds_sim_store_checkpoint_finish (RDS_SIM_STORE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_printerr ("rds-simd: %s\n", error->message);
}

static void
commit_append_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Commit *commit = user_data;
  RdsServer *self = commit->self;
  g_autoptr(SoupServerMessage) msg = g_object_ref (commit->msg);
  g_autoptr(GError) error = NULL;

  self->n_in_flight--;
  if (!rds_sim_store_append_finish (RDS_SIM_STORE (object), result, &error))
    {
      roll_back (self, commit->generation);
    }
  else if (rds_sim_store_needs_checkpoint (self->store))
    {
      /* The change is in the journal: the checkpoint is written beside
       * the requests, and one that fails loses nothing. */
      rds_sim_store_checkpoint_async (self->store, self->engine, NULL, checkpoint_cb, NULL);
    }

  commit_finish (commit, error);
  soup_server_message_unpause (msg);
}

/* Answers @msg through @done once everything it could show is durable:
 * the engine's own changes (the request's, or those of the timers that
 * fired before it), and those of the requests before it still being
 * written. Meanwhile @msg is paused and the main loop serves others. */
static void
commit (RdsServer         *self,
        SoupServerMessage *msg,
        CommitDone         done,
        gpointer           data,
        GDestroyNotify     destroy)
{
  g_autoptr(JsonNode) changes = NULL;
  g_autoptr(GError) error = NULL;
  Commit *pending = g_new0 (Commit, 1);

  pending->self = g_object_ref (self);
  pending->msg = g_object_ref (msg);
  pending->done = done;
  pending->data = data;
  pending->destroy = destroy;
  pending->generation = self->generation;

  if (self->store == NULL ||
      (!rds_sim_engine_is_dirty (self->engine) && self->n_in_flight == 0))
    {
      commit_finish (pending, NULL);
      return;
    }

  if (self->store_failed)
    {
      g_set_error_literal (&error, RDS_SIM_STORE_ERROR, RDS_SIM_STORE_ERROR_IO,
                           "The simulator could not save its state earlier and takes no more "
                           "changes. Restart it; every acknowledged change is safe.");
      commit_finish (pending, error);
      return;
    }

  if (rds_sim_engine_get_n_changes (self->engine) > MAX_JOURNALED_CHANGES)
    {
      /* Everything in flight is written first. */
      if (!rds_sim_store_checkpoint (self->store, self->engine, &error))
        roll_back (self, pending->generation);
      commit_finish (pending, error);
      return;
    }

  changes = rds_sim_engine_take_changes (self->engine);
  self->n_in_flight++;
  soup_server_message_pause (msg);
  rds_sim_store_append_async (self->store, changes, NULL, commit_append_cb, pending);
}

/* Query API */

typedef struct
{
  const RdsApi *api;
  const char   *content_type;
  guint         status;
  GBytes       *response;
  char         *request_id;
  gboolean      mutating;
} QueryAnswer;

static void
query_answer_free (gpointer data)
{
  QueryAnswer *answer = data;

  g_bytes_unref (answer->response);
  g_free (answer->request_id);
  g_free (answer);
}

static void
query_committed (RdsServer         *self,
                 SoupServerMessage *msg,
                 gpointer           data,
                 const GError      *error)
{
  QueryAnswer *answer = data;

  if (error == NULL)
    {
      respond (msg, answer->status, answer->content_type, answer->response, answer->request_id);
    }
  else if (answer->mutating)
    {
      g_autofree char *message = g_strdup_printf ("The simulator could not save the change, so it "
                                                  "was not acknowledged and did not happen: %s",
                                                  error->message);

      respond_aws_error (msg, answer->api, RDS_AWS_ERROR_INTERNAL_FAILURE, message,
                         answer->request_id);
    }
  else
    {
      g_autofree char *message = g_strdup_printf ("The simulator could not save its state and went "
                                                  "back to what it had saved; try again: %s",
                                                  error->message);

      respond_aws_error (msg, answer->api, RDS_AWS_ERROR_SERVICE_UNAVAILABLE, message,
                         answer->request_id);
    }
}

/* Answers @request of @api, once what it changed is on disk. */
static void
answer_request (RdsServer         *self,
                const RdsApi      *api,
                SoupServerMessage *msg,
                const char        *region,
                RdsRequest        *request,
                const char        *request_id)
{
  g_autoptr(RdsQueryResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const RdsAction *action;
  QueryAnswer *answer;

  action = rds_api_lookup_action (api, rds_request_get_action (request));
  if (action == NULL)
    {
      g_autofree char *message = g_strdup_printf ("The action %s is not valid for this web service.",
                                                  rds_request_get_action (request));
      respond_aws_error (msg, api, api->protocol == RDS_PROTOCOL_JSON ? RDS_AWS_ERROR_UNKNOWN_OPERATION
                                                                      : RDS_AWS_ERROR_INVALID_ACTION,
                         message, request_id);
      return;
    }

  if (action->mutating && self->store_failed)
    {
      respond_aws_error (msg, api, RDS_AWS_ERROR_SERVICE_UNAVAILABLE,
                         "The simulator could not save its state earlier and takes no more "
                         "changes. Restart it; every acknowledged change is safe.", request_id);
      return;
    }

  answer = g_new0 (QueryAnswer, 1);
  answer->api = api;
  answer->request_id = g_strdup (request_id);
  answer->mutating = action->mutating;

  result = rds_sim_engine_call (self->engine, region, request, &error);
  if (result != NULL)
    {
      answer->status = SOUP_STATUS_OK;
      if (api->protocol == RDS_PROTOCOL_JSON)
        {
          answer->content_type = RDS_JSON_CONTENT_TYPE;
          answer->response = rds_json_write_response (result);
        }
      else
        {
          answer->content_type = "text/xml";
          answer->response = rds_xml_write_response (result, request_id);
        }
    }
  else
    {
      RdsAwsError code = error->domain == RDS_AWS_ERROR ? error->code : RDS_AWS_ERROR_INTERNAL_FAILURE;

      answer->status = rds_aws_error_get_http_status (code);
      answer->response = error_body (api, code, error->message, request_id, &answer->content_type);
    }

  /* Answer only with what is on disk: an error too may tell of a change
   * (a name already taken) that a crash would take back. */
  commit (self, msg, query_committed, answer, query_answer_free);
}

/* A Query API request: form-encoded Action, Version and parameters. */
static void
handle_query (RdsServer         *self,
              const RdsApi      *api,
              SoupServerMessage *msg,
              const char        *region,
              GBytes            *body,
              const char        *request_id)
{
  g_autoptr(GHashTable) form = NULL;
  g_autoptr(RdsRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (body, &length);

  /* Parameters may come in the query string too (GET). */
  form = rds_request_decode_form (data, length, g_uri_get_query (soup_server_message_get_uri (msg)),
                                  &error);
  if (form != NULL)
    request = rds_request_new_from_form (api, form, &error);
  if (request == NULL)
    {
      respond_aws_error (msg, api, error->code, error->message, request_id);
      return;
    }

  answer_request (self, api, msg, region, request, request_id);
}

static guint json_depth (const char *data,
                         gsize       length);

/* An AWS JSON 1.1 request: the action in X-Amz-Target ("TrentService.Encrypt"),
 * the parameters a JSON object. */
static void
handle_json (RdsServer         *self,
             const RdsApi      *api,
             SoupServerMessage *msg,
             const char        *region,
             GBytes            *body,
             const char        *request_id)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *target = soup_message_headers_get_one (headers, "X-Amz-Target");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(RdsRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (body, &length);
  gsize prefix = strlen (api->target_prefix);

  if (!g_str_equal (soup_server_message_get_method (msg), "POST") || target == NULL ||
      strncmp (target, api->target_prefix, prefix) != 0 || target[prefix] != '.' || target[prefix + 1] == '\0')
    {
      g_autofree char *message = g_strdup_printf ("A %s request is a POST whose X-Amz-Target header "
                                                  "names the action: %s.<Action>.", api->service,
                                                  api->target_prefix);
      respond_aws_error (msg, api, RDS_AWS_ERROR_UNKNOWN_OPERATION, message, request_id);
      return;
    }

  /* Parsing would recurse once per level. */
  if (json_depth (data, length) > RDS_SERVER_MAX_JSON_DEPTH)
    {
      g_autofree char *message = g_strdup_printf ("The request body nests arrays and objects more than %d "
                                                  "deep.", RDS_SERVER_MAX_JSON_DEPTH);

      respond_aws_error (msg, api, RDS_AWS_ERROR_SERIALIZATION, message, request_id);
      return;
    }

  /* An empty body is an empty object. */
  if (!json_parser_load_from_data (parser, length > 0 ? data : "{}", length > 0 ? (gssize) length : 2,
                                   &error))
    {
      g_autofree char *message = g_strdup_printf ("The request body is not JSON: %s", error->message);

      respond_aws_error (msg, api, RDS_AWS_ERROR_SERIALIZATION, message, request_id);
      return;
    }
  request = rds_request_new_from_json (api, target + prefix + 1, json_parser_get_root (parser), &error);
  if (request == NULL)
    {
      respond_aws_error (msg, api, error->code, error->message, request_id);
      return;
    }

  answer_request (self, api, msg, region, request, request_id);
}

/* The simulator's own control API */

static gboolean
is_control (SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);

  return uri != NULL && g_str_has_prefix (g_uri_get_path (uri), RDS_SERVER_CONTROL_PATH);
}

static GBytes *
json_bytes (JsonNode *node)
{
  char *text = json_to_string (node, TRUE);

  return g_bytes_new_take (text, strlen (text));
}

static void
respond_json (SoupServerMessage *msg,
              guint              status,
              JsonNode          *node)
{
  g_autoptr(GBytes) body = json_bytes (node);

  respond (msg, status, "application/json", body, NULL);
}

/* {"error": @message} */
static GBytes *
control_error_body (const char *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  return json_bytes (node);
}

static void
respond_control_error (SoupServerMessage *msg,
                       guint              status,
                       const char        *message)
{
  g_autoptr(GBytes) body = control_error_body (message);

  respond (msg, status, "application/json", body, NULL);
}

static JsonNode *
control_state (RdsServer *self)
{
  RdsSimClock *clock = rds_sim_engine_get_clock (self->engine);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *now = NULL;
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, rds_sim_engine_get_seed (self->engine));
  const RdsRegion *regions;
  gint64 next = rds_sim_engine_get_next_due (self->engine);
  guint n_regions;

  now = rds_format_timestamp (rds_sim_engine_get_now (self->engine));
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, now);
  json_builder_set_member_name (builder, "timeUsec");
  json_builder_add_int_value (builder, rds_sim_engine_get_now (self->engine));
  json_builder_set_member_name (builder, "rate");
  json_builder_add_double_value (builder, rds_sim_clock_get_rate (clock));
  json_builder_set_member_name (builder, "paused");
  json_builder_add_boolean_value (builder, rds_sim_clock_get_paused (clock));
  json_builder_set_member_name (builder, "nextChange");
  if (next != 0)
    {
      g_autofree char *text = rds_format_timestamp (next);
      json_builder_add_string_value (builder, text);
    }
  else
    {
      json_builder_add_null_value (builder);
    }
  json_builder_set_member_name (builder, "seed");
  json_builder_add_string_value (builder, seed);
  json_builder_set_member_name (builder, "accountId");
  json_builder_add_string_value (builder, rds_sim_engine_get_account_id (self->engine));
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);

  json_builder_set_member_name (builder, "quotas");
  json_builder_begin_object (builder);
  for (guint i = 0; i < RDS_SIM_N_QUOTAS; i++)
    {
      json_builder_set_member_name (builder, rds_sim_quota_get_name (i));
      json_builder_add_int_value (builder, rds_sim_engine_get_quota (self->engine, i));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "regions");
  json_builder_begin_array (builder);
  regions = rds_region_get_all (&n_regions);
  for (guint i = 0; i < n_regions; i++)
    json_builder_add_string_value (builder, regions[i].name);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
control_committed (RdsServer         *self,
                   SoupServerMessage *msg,
                   gpointer           data,
                   const GError      *error)
{
  if (error == NULL)
    {
      g_autoptr(JsonNode) state = control_state (self);
      respond_json (msg, SOUP_STATUS_OK, state);
    }
  else
    {
      respond_control_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, error->message);
    }
}

/* Answers with the simulator's state once the change is durable. */
static void
control_commit (RdsServer         *self,
                SoupServerMessage *msg)
{
  commit (self, msg, control_committed, NULL, NULL);
}

/* How deeply @data nests arrays and objects, counted before parsing:
 * json-glib's parser recurses once per level and would overflow the stack
 * on a body of a hundred thousand '['. */
static guint
json_depth (const char *data,
            gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0, deepest = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          depth++;
          deepest = MAX (deepest, depth);
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return deepest;
}

static JsonObject *
parse_json_object (GBytes  *body,
                   GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;
  const char *data = g_bytes_get_data (body, &length);
  JsonNode *root;

  if (length == 0)
    return json_object_new ();
  if (json_depth (data, length) > RDS_SERVER_MAX_JSON_DEPTH)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "it nests arrays and objects more than %d deep.", RDS_SERVER_MAX_JSON_DEPTH);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The body must be a JSON object.");
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

static gboolean
json_number (JsonObject  *object,
             const char  *member,
             double      *value)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return FALSE;
  *value = json_node_get_double (node);
  return TRUE;
}

/* {"instance": …, "profile": …, "multiplier": …, "profiles": […]} */
static JsonNode *
workload_node (const char *instance,
               const char *profile,
               double      multiplier)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char * const *profiles = rds_sim_engine_list_profiles ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "instance");
  json_builder_add_string_value (builder, instance);
  json_builder_set_member_name (builder, "profile");
  json_builder_add_string_value (builder, profile);
  json_builder_set_member_name (builder, "multiplier");
  json_builder_add_double_value (builder, multiplier);
  json_builder_set_member_name (builder, "profiles");
  json_builder_begin_array (builder);
  for (guint i = 0; profiles[i] != NULL; i++)
    json_builder_add_string_value (builder, profiles[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
workload_committed (RdsServer         *self,
                    SoupServerMessage *msg,
                    gpointer           data,
                    const GError      *error)
{
  if (error == NULL)
    respond_json (msg, SOUP_STATUS_OK, data);
  else
    respond_control_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, error->message);
}

/* POST /_sim/workload {"instance": ID} answers its workload; with
 * "profile" or "multiplier" it changes it first. */
static void
control_workload (RdsServer         *self,
                  SoupServerMessage *msg,
                  const char        *region,
                  JsonObject        *object)
{
  g_autoptr(GError) error = NULL;
  JsonNode *instance_node = json_object_get_member (object, "instance");
  JsonNode *profile_node = json_object_get_member (object, "profile");
  const char *instance, *profile = NULL;
  double multiplier = 1.0;

  if (instance_node == NULL || !JSON_NODE_HOLDS_VALUE (instance_node) ||
      json_node_get_value_type (instance_node) != G_TYPE_STRING)
    {
      respond_control_error (msg, SOUP_STATUS_BAD_REQUEST, "\"instance\" must name a DB instance.");
      return;
    }
  instance = json_node_get_string (instance_node);
  if (profile_node != NULL && (!JSON_NODE_HOLDS_VALUE (profile_node) ||
                               json_node_get_value_type (profile_node) != G_TYPE_STRING))
    {
      respond_control_error (msg, SOUP_STATUS_BAD_REQUEST, "\"profile\" must be a string.");
      return;
    }
  if (json_object_has_member (object, "multiplier") && !json_number (object, "multiplier", &multiplier))
    {
      respond_control_error (msg, SOUP_STATUS_BAD_REQUEST, "\"multiplier\" must be a number from 0 to 100.");
      return;
    }

  if (!rds_sim_engine_get_workload (self->engine, region, instance, &profile, &(double) { 0 }, &error))
    {
      respond_control_error (msg, SOUP_STATUS_NOT_FOUND, error->message);
      return;
    }

  if (profile_node != NULL || json_object_has_member (object, "multiplier"))
    {
      double current;

      rds_sim_engine_get_workload (self->engine, region, instance, &profile, &current, NULL);
      if (!json_object_has_member (object, "multiplier"))
        multiplier = current;
      if (profile_node != NULL)
        profile = json_node_get_string (profile_node);
      if (!rds_sim_engine_set_workload (self->engine, region, instance, profile, multiplier, &error))
        {
          respond_control_error (msg, SOUP_STATUS_BAD_REQUEST, error->message);
          return;
        }
    }

  rds_sim_engine_get_workload (self->engine, region, instance, &profile, &multiplier, NULL);
  commit (self, msg, workload_committed, workload_node (instance, profile, multiplier),
          (GDestroyNotify) json_node_unref);
}

static JsonNode *
faults_node (RdsServer  *self,
             const char *region)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(GStrv) zones = rds_sim_engine_list_zones_down (self->engine, region);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "region");
  json_builder_add_string_value (builder, region);
  json_builder_set_member_name (builder, "zonesDown");
  json_builder_begin_array (builder);
  for (guint i = 0; zones[i] != NULL; i++)
    json_builder_add_string_value (builder, zones[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
json_string (JsonObject  *object,
             const char  *name,
             const char **value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *value = json_node_get_string (node);
  return TRUE;
}

/* POST /_sim/faults: {} answers the zones that are down; {"zone": Z,
 * "down": true|false} takes a zone down or back; {"instance": ID, "fail":
 * "host"|"storage"} fails an instance's host or storage; {"cluster": ID,
 * "copy": 0–5, "group": N} loses a copy of an Aurora cluster volume (of
 * one protection group, or without "group" of all). */
static void
control_faults (RdsServer         *self,
                SoupServerMessage *msg,
                const char        *region,
                JsonObject        *object)
{
  g_autoptr(GError) error = NULL;
  const char *zone = NULL, *instance = NULL, *what = NULL;
  JsonNode *down = json_object_get_member (object, "down");

  if (json_object_has_member (object, "zone"))
    {
      if (!json_string (object, "zone", &zone) || down == NULL || !JSON_NODE_HOLDS_VALUE (down) ||
          json_node_get_value_type (down) != G_TYPE_BOOLEAN)
        {
          respond_control_error (msg, SOUP_STATUS_BAD_REQUEST,
                                 "Give \"zone\" an Availability Zone and \"down\" true or false.");
          return;
        }
      if (!rds_sim_engine_set_zone_down (self->engine, region, zone, json_node_get_boolean (down), &error))
        {
          respond_control_error (msg, SOUP_STATUS_BAD_REQUEST, error->message);
          return;
        }
    }
  else if (json_object_has_member (object, "cluster"))
    {
      const char *cluster = NULL;
      double copy = -1, group = -1;

      if (!json_string (object, "cluster", &cluster) || !json_number (object, "copy", &copy) ||
          (json_object_has_member (object, "group") && !json_number (object, "group", &group)) ||
          copy != (int) copy || group != (int) group)
        {
          respond_control_error (msg, SOUP_STATUS_BAD_REQUEST,
                                 "Give \"cluster\" a DB cluster, \"copy\" a copy of its volume from 0 to 5, "
                                 "and \"group\" a protection group or nothing for all.");
          return;
        }
      if (!rds_sim_engine_fail_cluster_copy (self->engine, region, cluster, (int) copy, (int) group, &error))
        {
          respond_control_error (msg, g_error_matches (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_CLUSTER_NOT_FOUND)
                                        ? SOUP_STATUS_NOT_FOUND : SOUP_STATUS_BAD_REQUEST,
                                 error->message);
          return;
        }
    }
  else if (json_object_has_member (object, "instance"))
    {
      if (!json_string (object, "instance", &instance) || !json_string (object, "fail", &what))
        {
          respond_control_error (msg, SOUP_STATUS_BAD_REQUEST,
                                 "Give \"instance\" a DB instance and \"fail\" \"host\" or \"storage\".");
          return;
        }
      if (!rds_sim_engine_fail_instance (self->engine, region, instance, what, &error))
        {
          respond_control_error (msg, g_error_matches (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND)
                                        ? SOUP_STATUS_NOT_FOUND : SOUP_STATUS_BAD_REQUEST,
                                 error->message);
          return;
        }
    }

  commit (self, msg, workload_committed, faults_node (self, region), (GDestroyNotify) json_node_unref);
}

/* POST /_sim/instance {"instance": ID}: what the simulator knows of it
 * beyond the API (its standby, the steps of building one, its faults). */
static void
control_instance (RdsServer         *self,
                  SoupServerMessage *msg,
                  const char        *region,
                  JsonObject        *object)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  const char *instance = NULL;

  if (!json_string (object, "instance", &instance))
    {
      respond_control_error (msg, SOUP_STATUS_BAD_REQUEST, "\"instance\" must name a DB instance.");
      return;
    }
  node = rds_sim_engine_describe_instance (self->engine, region, instance, &error);
  if (node == NULL)
    {
      respond_control_error (msg, SOUP_STATUS_NOT_FOUND, error->message);
      return;
    }
  respond_json (msg, SOUP_STATUS_OK, node);
}

/* POST /_sim/cluster {"cluster": ID}: what the simulator knows of an
 * Aurora cluster beyond the API (its volume's copies and quorums, where
 * its endpoints send connections). */
static void
control_cluster (RdsServer         *self,
                 SoupServerMessage *msg,
                 const char        *region,
                 JsonObject        *object)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  const char *cluster = NULL;

  if (!json_string (object, "cluster", &cluster))
    {
      respond_control_error (msg, SOUP_STATUS_BAD_REQUEST, "\"cluster\" must name a DB cluster.");
      return;
    }
  node = rds_sim_engine_describe_cluster (self->engine, region, cluster, &error);
  if (node == NULL)
    {
      respond_control_error (msg, SOUP_STATUS_NOT_FOUND, error->message);
      return;
    }
  respond_json (msg, SOUP_STATUS_OK, node);
}

static void
handle_control (RdsServer         *self,
                SoupServerMessage *msg,
                const char        *path,
                const char        *region,
                GBytes            *body)
{
  const char *method = soup_server_message_get_method (msg);
  const char *what = path + strlen (RDS_SERVER_CONTROL_PATH);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;
  RdsSimClock *clock = rds_sim_engine_get_clock (self->engine);

  rds_sim_engine_catch_up (self->engine);

  if (g_str_equal (what, "state") && g_str_equal (method, "GET"))
    {
      control_commit (self, msg);
      return;
    }

  if (!g_str_equal (method, "POST"))
    {
      respond_control_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED,
                             "Use GET /_sim/state, or POST /_sim/clock, /_sim/clock/advance, "
                             "/_sim/quotas, /_sim/workload, /_sim/faults, /_sim/instance or /_sim/cluster with a JSON body.");
      return;
    }

  if (self->store_failed)
    {
      respond_control_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE,
                             "The simulator could not save its state earlier and takes no more "
                             "changes. Restart it.");
      return;
    }

  object = parse_json_object (body, &error);
  if (object == NULL)
    {
      g_autofree char *message = g_strdup_printf ("The body is not valid JSON: %s", error->message);
      respond_control_error (msg, SOUP_STATUS_BAD_REQUEST, message);
      return;
    }

  if (g_str_equal (what, "clock"))
    {
      double rate = rds_sim_clock_get_rate (clock);
      JsonNode *paused = json_object_get_member (object, "paused");

      if (json_object_has_member (object, "rate") &&
          (!json_number (object, "rate", &rate) || rate < 1.0 || rate > RDS_SIM_CLOCK_MAX_RATE))
        {
          respond_control_error (msg, SOUP_STATUS_BAD_REQUEST,
                                 "\"rate\" must be a number from 1 (real time) to 3600.");
          return;
        }
      if (paused != NULL && (!JSON_NODE_HOLDS_VALUE (paused) ||
                             json_node_get_value_type (paused) != G_TYPE_BOOLEAN))
        {
          respond_control_error (msg, SOUP_STATUS_BAD_REQUEST, "\"paused\" must be true or false.");
          return;
        }

      rds_sim_clock_set_rate (clock, rate);
      if (paused != NULL)
        rds_sim_clock_set_paused (clock, json_node_get_boolean (paused));
      rds_sim_engine_settings_changed (self->engine);
      control_commit (self, msg);
      return;
    }

  if (g_str_equal (what, "clock/advance"))
    {
      double seconds = 0;

      if (!json_number (object, "seconds", &seconds) || seconds < 0 || seconds > 366.0 * 86400)
        {
          respond_control_error (msg, SOUP_STATUS_BAD_REQUEST,
                                 "\"seconds\" must be a number of seconds from 0 to one year.");
          return;
        }

      rds_sim_engine_advance (self->engine, (gint64) seconds);
      control_commit (self, msg);
      return;
    }

  if (g_str_equal (what, "workload"))
    {
      control_workload (self, msg, region, object);
      return;
    }

  if (g_str_equal (what, "faults"))
    {
      control_faults (self, msg, region, object);
      return;
    }

  if (g_str_equal (what, "instance"))
    {
      control_instance (self, msg, region, object);
      return;
    }

  if (g_str_equal (what, "cluster"))
    {
      control_cluster (self, msg, region, object);
      return;
    }

  if (g_str_equal (what, "quotas"))
    {
      /* Check all, then change all. */
      for (guint i = 0; i < RDS_SIM_N_QUOTAS; i++)
        {
          double value;

          if (json_object_has_member (object, rds_sim_quota_get_name (i)) &&
              (!json_number (object, rds_sim_quota_get_name (i), &value) || value < 0 || value > 1e9))
            {
              g_autofree char *message = g_strdup_printf ("\"%s\" must be a number from 0 to 1000000000.",
                                                          rds_sim_quota_get_name (i));
              respond_control_error (msg, SOUP_STATUS_BAD_REQUEST, message);
              return;
            }
        }
      for (guint i = 0; i < RDS_SIM_N_QUOTAS; i++)
        {
          double value;

          if (json_number (object, rds_sim_quota_get_name (i), &value))
            rds_sim_engine_set_quota (self->engine, i, (gint64) value);
        }
      control_commit (self, msg);
      return;
    }

  respond_control_error (msg, SOUP_STATUS_NOT_FOUND,
                         "Unknown control path: use /_sim/state, /_sim/clock, /_sim/clock/advance, "
                         "/_sim/quotas, /_sim/workload, /_sim/faults, /_sim/instance or /_sim/cluster.");
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  RdsServer *self = user_data;
  g_autofree char *request_id = new_request_id ();
  g_autofree char *region = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *method = soup_server_message_get_method (msg);
  gboolean control = g_str_has_prefix (path, RDS_SERVER_CONTROL_PATH);
  const RdsApi *api = NULL;

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));

  if (!control && !g_str_equal (method, "POST") && !g_str_equal (method, "GET"))
    {
      respond_aws_error (msg, NULL, RDS_AWS_ERROR_INVALID_ACTION,
                         "The Query API takes POST (or GET) requests.", request_id);
      return;
    }

  region = authenticate (self, msg, body, &api, &error);
  if (region != NULL && control && api != &rds_api_rds)
    {
      g_clear_pointer (&region, g_free);
      g_set_error_literal (&error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_INVALID_SCOPE,
                           "Credential should be scoped to correct service: 'rds'.");
    }
  if (region == NULL)
    {
      if (control)
        respond_control_error (msg, SOUP_STATUS_FORBIDDEN, error->message);
      else
        respond_aws_error (msg, api, sigv4_code (error), error->message, request_id);
      return;
    }

  if (control)
    handle_control (self, msg, path, region, body);
  else if (api->protocol == RDS_PROTOCOL_JSON)
    handle_json (self, api, msg, region, body, request_id);
  else
    handle_query (self, api, msg, region, body, request_id);
}

/* Connections
 *
 * The server accepts its clients itself rather than through libsoup's
 * listener, for two defects of libsoup 3.2 (Debian 12's): its listener
 * keeps every accepted socket (about 0.7 KiB a connection, for good; fixed
 * in 3.4), and it drops a client whose request head passes 64 KiB without
 * an answer. Each client is handed to libsoup as an RdsServerConnection,
 * which bounds the head and leaves the socket to the server when the
 * client is owed a 414 or 431.
 *
 * libsoup keeps a connection alive after a request only while it has a
 * listener of its own: it is given one that nobody can reach, one end of a
 * socket pair whose other end never writes. */

typedef struct
{
  RdsServer           *self;
  RdsServerConnection *connection;
  SoupServerMessage   *last;    /* the connection's last message */
} IdleWatch;

static void
idle_watch_free (gpointer data)
{
  IdleWatch *watch = data;

  g_clear_object (&watch->last);
  g_clear_object (&watch->connection);
  g_free (watch);
}

/* libsoup 3.2 reads the end of a keep-alive connection that the client
 * closed while idle, and then neither closes nor frees it (fixed upstream
 * in 3.3, commit d20c6601): every AWS CLI invocation would keep a file
 * descriptor of the server forever. The server watches each idle
 * connection and closes it when the client is gone. */
static gboolean
idle_connection_cb (GSocket      *socket,
                    GIOCondition  condition,
                    gpointer      user_data)
{
  IdleWatch *watch = user_data;
  g_autoptr(RdsServerConnection) connection = g_object_ref (watch->connection);
  char byte;
  gssize n;

  n = g_socket_is_closed (socket) ? 0 : recv (g_socket_get_fd (socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
    return G_SOURCE_CONTINUE;
  if (n <= 0)
    {
      /* Taking the connection back makes libsoup forget it. */
      g_autoptr(GIOStream) stream = soup_server_message_steal_connection (watch->last);

      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
    }
  /* n > 0: the next request; libsoup reads it. */

  g_hash_table_remove (watch->self->idle_watches, connection);
  return G_SOURCE_REMOVE;
}

static RdsServerConnection *
message_connection (RdsServer         *self,
                    SoupServerMessage *msg)
{
  return g_hash_table_lookup (self->connections, soup_server_message_get_remote_address (msg));
}

static void
request_finished_cb (SoupServer        *server,
                     SoupServerMessage *msg,
                     RdsServer         *self)
{
  RdsServerConnection *connection = message_connection (self, msg);
  GSocket *socket;
  IdleWatch *watch;
  GSource *source;

  if (connection == NULL)
    return;

  /* What the client sends next is the next request's head. */
  rds_server_connection_start_head (connection);

  socket = rds_server_connection_get_socket (connection);
  if (socket == NULL || g_socket_is_closed (socket) ||
      g_hash_table_contains (self->idle_watches, connection))
    return;

  watch = g_new0 (IdleWatch, 1);
  watch->self = self;
  watch->connection = g_object_ref (connection);
  watch->last = g_object_ref (msg);
  source = g_socket_create_source (socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  g_source_set_callback (source, (GSourceFunc) G_CALLBACK (idle_connection_cb), watch, idle_watch_free);
  g_source_attach (source, g_main_context_get_thread_default ());
  g_hash_table_insert (self->idle_watches, g_object_ref (connection), source);
}

/* Refusing before the body is read
 *
 * libsoup reads a whole body before the handler runs, and holds it in
 * memory. A body over the limit, or one that nobody signed, is refused as
 * soon as the headers say so: the message is paused, the connection taken
 * from the server, the answer written and the connection closed, without
 * reading the body. A head over its limit is answered the same way, once
 * libsoup lets its connection go. */

typedef struct
{
  SoupServerMessage *msg;          /* until its connection is taken */
  GIOStream         *stream;
  GBytes            *answer;       /* the whole HTTP answer */
  GCancellable      *cancellable;
  GSource           *timeout;
} Refusal;

/* The server runs in its thread's default context (the console's
 * simulator has a thread of its own): its sources go there too. */
static GSource *
attach_to_context (GSource     *source,
                   GSourceFunc  func,
                   gpointer     data)
{
  g_source_set_callback (source, func, data, NULL);
  g_source_attach (source, g_main_context_get_thread_default ());
  return source;
}

static void
refusal_free (Refusal *refusal)
{
  if (refusal->timeout != NULL)
    {
      g_source_destroy (refusal->timeout);
      g_source_unref (refusal->timeout);
    }
  if (refusal->stream != NULL)
    {
      g_io_stream_close_async (refusal->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_object_unref (refusal->stream);
    }
  g_clear_object (&refusal->msg);
  g_object_unref (refusal->cancellable);
  g_bytes_unref (refusal->answer);
  g_free (refusal);
}

/* Enough draining: the skip in flight ends, cancelled, and frees all. */
static gboolean
refusal_timeout_cb (gpointer data)
{
  Refusal *refusal = data;

  g_cancellable_cancel (refusal->cancellable);
  return G_SOURCE_REMOVE;
}

static void refusal_drain (Refusal *refusal);

/* Closing a socket that still has unread input resets the connection,
 * and the client may lose the answer: what it still sends is read and
 * dropped for a moment first. */
static void
refusal_drained_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Refusal *refusal = user_data;
  gssize skipped = g_input_stream_skip_finish (G_INPUT_STREAM (object), result, NULL);

  if (skipped <= 0 || g_cancellable_is_cancelled (refusal->cancellable))
    {
      refusal_free (refusal);
      return;
    }
  refusal_drain (refusal);
}

static void
refusal_drain (Refusal *refusal)
{
  g_input_stream_skip_async (g_io_stream_get_input_stream (refusal->stream), 64 * 1024,
                             G_PRIORITY_DEFAULT, refusal->cancellable, refusal_drained_cb, refusal);
}

static void
refusal_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Refusal *refusal = user_data;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, NULL))
    {
      refusal_free (refusal);
      return;
    }

  refusal->timeout = attach_to_context (g_timeout_source_new_seconds (2), refusal_timeout_cb, refusal);
  refusal_drain (refusal);
}

/* Writes the answer on @stream (taken), drains it and closes it. */
static void
refusal_start (Refusal   *refusal,
               GIOStream *stream)
{
  refusal->stream = stream;
  g_output_stream_write_all_async (g_io_stream_get_output_stream (refusal->stream),
                                   g_bytes_get_data (refusal->answer, NULL),
                                   g_bytes_get_size (refusal->answer), G_PRIORITY_DEFAULT,
                                   refusal->cancellable, refusal_written_cb, refusal);
}

/* Out of the message's own signal: takes its connection and writes the
 * answer on it. */
static gboolean
refuse_cb (gpointer data)
{
  Refusal *refusal = data;
  GIOStream *stream = soup_server_message_steal_connection (refusal->msg);

  g_clear_object (&refusal->msg);
  if (stream == NULL)
    {
      refusal_free (refusal);
      return G_SOURCE_REMOVE;
    }

  refusal_start (refusal, stream);
  return G_SOURCE_REMOVE;
}

/* A whole HTTP answer that closes the connection. */
static Refusal *
refusal_new (guint        status,
             RdsAwsError  code,
             const char  *message,
             gboolean     control)
{
  Refusal *refusal = g_new0 (Refusal, 1);
  g_autofree char *request_id = NULL;
  g_autoptr(GBytes) body = NULL;
  GString *answer = g_string_new (NULL);
  const char *content_type;
  gsize length;
  const char *data;

  if (control)
    {
      content_type = "application/json";
      body = control_error_body (message);
    }
  else
    {
      content_type = "text/xml";
      request_id = new_request_id ();
      body = rds_xml_write_error (NULL, rds_aws_error_get_code (code), message, status < 500,
                                  request_id);
    }
  data = g_bytes_get_data (body, &length);

  /* libsoup 3.2 knows no phrase for 431 (RFC 6585). */
  g_string_append_printf (answer, "HTTP/1.1 %u %s\r\n", status,
                          status == 431 ? "Request Header Fields Too Large" : soup_status_get_phrase (status));
  g_string_append_printf (answer, "Content-Type: %s\r\n", content_type);
  g_string_append_printf (answer, "Content-Length: %" G_GSIZE_FORMAT "\r\n", length);
  if (request_id != NULL)
    g_string_append_printf (answer, "x-amzn-RequestId: %s\r\n", request_id);
  g_string_append (answer, "Connection: close\r\n\r\n");
  g_string_append_len (answer, data, length);

  refusal->answer = g_string_free_to_bytes (answer);
  refusal->cancellable = g_cancellable_new ();
  return refusal;
}

/* Answers @msg now, from its headers; what it would still send is not read. */
static void
refuse_early (RdsServer         *self,
              SoupServerMessage *msg,
              guint              status,
              RdsAwsError        code,
              const char        *message)
{
  Refusal *refusal = refusal_new (status, code, message, is_control (msg));

  refusal->msg = g_object_ref (msg);
  g_signal_handlers_disconnect_by_data (msg, self);
  soup_server_message_pause (msg);
  g_source_unref (attach_to_context (g_idle_source_new (), refuse_cb, refusal));
}

static gsize
body_limit (SoupServerMessage *msg)
{
  return is_control (msg) ? RDS_SERVER_MAX_CONTROL_BODY : RDS_SERVER_MAX_QUERY_BODY;
}

static void
refuse_too_large (RdsServer         *self,
                  SoupServerMessage *msg)
{
  g_autofree char *message = g_strdup_printf ("The request body is larger than the %" G_GSIZE_FORMAT
                                              " bytes this endpoint accepts.", body_limit (msg));

  refuse_early (self, msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                RDS_AWS_ERROR_REQUEST_ENTITY_TOO_LARGE, message);
}

static void
got_headers_cb (SoupServerMessage *msg,
                RdsServer         *self)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (soup_message_headers_get_one (headers, "Authorization") == NULL)
    {
      refuse_early (self, msg, SOUP_STATUS_FORBIDDEN, RDS_AWS_ERROR_MISSING_AUTHENTICATION_TOKEN,
                    "Request is missing Authentication Token: sign it with AWS Signature "
                    "Version 4 (an Authorization header).");
      return;
    }

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) body_limit (msg))
    refuse_too_large (self, msg);
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              RdsServer         *self)
{
  /* A body without a length (chunked) is counted as it comes. */
  if (soup_server_message_get_request_body (msg)->length > (goffset) body_limit (msg))
    refuse_too_large (self, msg);
}

static void
request_started_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    RdsServer         *self)
{
  RdsServerConnection *connection = message_connection (self, msg);

  if (connection != NULL)
    g_hash_table_remove (self->idle_watches, connection);

  g_signal_connect_object (msg, "got-headers", G_CALLBACK (got_headers_cb), self, 0);
  g_signal_connect_object (msg, "got-chunk", G_CALLBACK (got_chunk_cb), self, 0);
}

/* libsoup closed the connection: if its head was too long, the client is
 * still owed the answer. */
static void
connection_closed_cb (RdsServerConnection *connection,
                      RdsServer           *self)
{
  g_autoptr(RdsServerConnection) kept = g_object_ref (connection);
  guint status = rds_server_connection_get_refusal (connection);
  GIOStream *stream;
  Refusal *refusal;
  g_autofree char *message = NULL;

  g_hash_table_remove (self->idle_watches, connection);
  g_hash_table_remove (self->connections, rds_server_connection_get_remote_address (connection));
  g_signal_handlers_disconnect_by_data (connection, self);

  if (status == 0 || (stream = rds_server_connection_steal_base (connection)) == NULL)
    return;

  if (status == SOUP_STATUS_REQUEST_URI_TOO_LONG)
    {
      message = g_strdup_printf ("The request line is longer than the %u bytes this endpoint accepts.",
                                 RDS_SERVER_MAX_HEAD);
      refusal = refusal_new (status, RDS_AWS_ERROR_REQUEST_URI_TOO_LONG, message, FALSE);
    }
  else
    {
      message = g_strdup_printf ("The request line and headers are longer than the %u bytes "
                                 "this endpoint accepts.", RDS_SERVER_MAX_HEAD);
      refusal = refusal_new (status, RDS_AWS_ERROR_REQUEST_HEADER_SECTION_TOO_LARGE, message, FALSE);
    }
  refusal_start (refusal, stream);
}

static void
accept_client (RdsServer *self,
               GSocket   *socket)
{
  g_autoptr(GSocketConnection) base = g_socket_connection_factory_create_connection (socket);
  g_autoptr(RdsServerConnection) connection = NULL;
  GSocketAddress *remote;

  g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, TRUE, NULL);
  connection = rds_server_connection_new (base, RDS_SERVER_MAX_HEAD, NULL);
  if (connection == NULL)
    {
      /* Gone before it was accepted. */
      g_io_stream_close (G_IO_STREAM (base), NULL, NULL);
      return;
    }

  remote = rds_server_connection_get_remote_address (connection);
  g_hash_table_insert (self->connections, g_object_ref (remote), g_object_ref (connection));
  g_signal_connect_object (connection, "closed", G_CALLBACK (connection_closed_cb), self, 0);
  soup_server_accept_iostream (self->server, G_IO_STREAM (connection),
                               rds_server_connection_get_local_address (connection), remote, NULL);
}

static gboolean listen_cb (GSocket      *socket,
                           GIOCondition  condition,
                           gpointer      user_data);

static void
watch_listener (RdsServer *self)
{
  self->listen_source = g_socket_create_source (self->listen_socket, G_IO_IN, NULL);
  g_source_set_callback (self->listen_source, (GSourceFunc) G_CALLBACK (listen_cb), self, NULL);
  g_source_attach (self->listen_source, g_main_context_get_thread_default ());
}

static gboolean
resume_accepting_cb (gpointer data)
{
  RdsServer *self = data;

  g_clear_pointer (&self->listen_source, g_source_unref);
  watch_listener (self);
  return G_SOURCE_REMOVE;
}

static gboolean
listen_cb (GSocket      *socket,
           GIOCondition  condition,
           gpointer      user_data)
{
  RdsServer *self = user_data;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSocket) client = g_socket_accept (socket, NULL, &error);

      if (client != NULL)
        {
          accept_client (self, client);
          continue;
        }
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_OPEN_FILES) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        {
          /* Nothing more to accept now, or a client gone before it was
           * accepted: the next one is taken when it comes. */
          return G_SOURCE_CONTINUE;
        }

      /* Out of file descriptors or memory: try again in a moment rather
       * than spin, and never stop serving. */
      g_warning ("Could not accept a connection: %s", error->message);
      g_source_destroy (self->listen_source);
      g_source_unref (self->listen_source);
      self->listen_source = attach_to_context (g_timeout_source_new (100), resume_accepting_cb, self);
      return G_SOURCE_REMOVE;
    }
}
/**
 * rds_server_new:
 * @store: (nullable): where changes are made durable before they are
 *   acknowledged, or %NULL for a simulator that keeps nothing
 *
 * Returns: (transfer full): a server; it answers once it listens, in the
 *   thread-default main context of rds_server_listen()
 */
RdsServer *
rds_server_new (RdsSimEngine *engine,
                RdsSimStore  *store)
{
  RdsServer *self;

  g_return_val_if_fail (RDS_IS_SIM_ENGINE (engine), NULL);
  g_return_val_if_fail (store == NULL || RDS_IS_SIM_STORE (store), NULL);

  self = g_object_new (RDS_TYPE_SERVER, NULL);
  self->engine = g_object_ref (engine);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->server = soup_server_new ("server-header", "rds-simd/" PACKAGE_VERSION " ", NULL);
  soup_server_add_handler (self->server, NULL, server_cb, self, NULL);
  g_signal_connect_object (self->server, "request-started", G_CALLBACK (request_started_cb), self, 0);
  /* libsoup 3.2 keeps a connection alive after a 500 too, reporting it
   * as "request-aborted": the next head is counted and the idle
   * connection watched all the same. */
  g_signal_connect_object (self->server, "request-finished", G_CALLBACK (request_finished_cb), self, 0);
  g_signal_connect_object (self->server, "request-aborted", G_CALLBACK (request_finished_cb), self, 0);

  return self;
}

void
rds_server_add_credentials (RdsServer  *self,
                            const char *access_key_id,
                            const char *secret_access_key)
{
  g_return_if_fail (RDS_IS_SERVER (self));
  g_return_if_fail (access_key_id != NULL && *access_key_id != '\0');
  g_return_if_fail (secret_access_key != NULL && *secret_access_key != '\0');

  g_hash_table_insert (self->credentials, g_strdup (access_key_id), g_strdup (secret_access_key));
}

/* libsoup's own listener: one end of a socket pair, which nobody else can
 * reach and whose other end never writes. See "Connections" above. */
static gboolean
listen_unreachable (RdsServer  *self,
                    GError    **error)
{
  g_autoptr(GSocket) near = NULL;
  int fds[2];

  if (self->unreachable != NULL)
    return TRUE;

  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not make a socket pair: %s", g_strerror (saved_errno));
      return FALSE;
    }

  near = g_socket_new_from_fd (fds[0], error);
  if (near == NULL)
    {
      close (fds[0]);
      close (fds[1]);
      return FALSE;
    }
  self->unreachable = g_socket_new_from_fd (fds[1], error);
  if (self->unreachable == NULL)
    {
      close (fds[1]);
      return FALSE;
    }

  return soup_server_listen_socket (self->server, near, 0, error);
}

/**
 * rds_server_listen:
 * @host: an IP address; "localhost" and %NULL mean 127.0.0.1
 * @port: a port, or 0 for any free one
 */
gboolean
rds_server_listen (RdsServer   *self,
                   const char  *host,
                   guint        port,
                   GError     **error)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GSocket) socket = NULL;

  g_return_val_if_fail (RDS_IS_SERVER (self), FALSE);
  g_return_val_if_fail (self->listen_socket == NULL, FALSE);

  if (host == NULL || g_str_equal (host, "localhost"))
    host = "127.0.0.1";

  address = g_inet_address_new_from_string (host);
  if (address == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an IP address to listen on", host);
      return FALSE;
    }

  socket_address = g_inet_socket_address_new (address, port);
  socket = g_socket_new (g_socket_address_get_family (socket_address), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return FALSE;
  g_socket_set_listen_backlog (socket, SOMAXCONN);
  if (!g_socket_bind (socket, socket_address, TRUE, error) || !g_socket_listen (socket, error))
    return FALSE;
  g_socket_set_blocking (socket, FALSE);

  local = g_socket_get_local_address (socket, error);
  if (local == NULL || !listen_unreachable (self, error))
    return FALSE;

  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
  self->listen_socket = g_steal_pointer (&socket);
  watch_listener (self);

  g_free (self->host);
  self->host = g_strdup (host);

  return TRUE;
}

/**
 * rds_server_is_loopback:
 *
 * Returns: whether only this machine can reach the address listened on
 */
gboolean
rds_server_is_loopback (RdsServer *self)
{
  g_autoptr(GInetAddress) address = NULL;

  g_return_val_if_fail (RDS_IS_SERVER (self), FALSE);

  address = self->host != NULL ? g_inet_address_new_from_string (self->host) : NULL;
  return address != NULL && g_inet_address_get_is_loopback (address);
}

guint
rds_server_get_port (RdsServer *self)
{
  g_return_val_if_fail (RDS_IS_SERVER (self), 0);

  return self->port;
}

char *
rds_server_get_url (RdsServer *self)
{
  g_return_val_if_fail (RDS_IS_SERVER (self), NULL);

  if (strchr (self->host, ':') != NULL)
    return g_strdup_printf ("http://[%s]:%u", self->host, self->port);
  return g_strdup_printf ("http://%s:%u", self->host, self->port);
}

RdsSimEngine *
rds_server_get_engine (RdsServer *self)
{
  g_return_val_if_fail (RDS_IS_SERVER (self), NULL);

  return self->engine;
}

void
rds_server_disconnect (RdsServer *self)
{
  g_return_if_fail (RDS_IS_SERVER (self));

  if (self->listen_source != NULL)
    {
      g_source_destroy (self->listen_source);
      g_clear_pointer (&self->listen_source, g_source_unref);
    }
  if (self->listen_socket != NULL)
    {
      g_socket_close (self->listen_socket, NULL);
      g_clear_object (&self->listen_socket);
    }

  g_hash_table_remove_all (self->idle_watches);
  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_hash_table_remove_all (self->connections);
  g_clear_object (&self->unreachable);
}
