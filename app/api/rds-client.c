/* rds-client.c: an RDS Query API client, for any endpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signs form-encoded Query API requests with SigV4 and reads the answers
 * into the same model objects the simulator uses; the service's errors come
 * back as RDS_AWS_ERROR with its code and message. This is all the console
 * knows of its endpoint, be it the embedded simulator, rds-simd or the real
 * service.
 */

#include "config.h"

#include "rds-client.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "rds-aws-error.h"
#include "rds-sigv4.h"
#include "rds-json-protocol.h"
#include "rds-xml.h"

#define FORM_CONTENT_TYPE "application/x-www-form-urlencoded; charset=utf-8"

/* Retries, as the AWS SDKs' standard mode: three attempts in all for
 * throttling, a service's transient failure (HTTP 5xx) or a dropped
 * connection, the n-th retry after a random wait of up to base × 2^(n-1),
 * never over 20 s. */
#define DEFAULT_MAX_ATTEMPTS  3
#define DEFAULT_RETRY_BASE_MS 1000
#define MAX_BACKOFF_MS        20000

G_DEFINE_QUARK (rds-client-error-quark, rds_client_error)

struct _RdsClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *endpoint;
  char        *region;
  char        *access_key_id;
  char        *secret_access_key;
  char        *session_token;   /* temporary credentials (STS), or NULL */
  guint        max_attempts;
  guint        retry_base_ms;
};

G_DEFINE_FINAL_TYPE (RdsClient, rds_client, G_TYPE_OBJECT)

static void
rds_client_finalize (GObject *object)
{
  RdsClient *self = RDS_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->endpoint, g_free);
  if (self->session_token != NULL)
    explicit_bzero (self->session_token, strlen (self->session_token));
  g_clear_pointer (&self->session_token, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->access_key_id, g_free);
  if (self->secret_access_key != NULL)
    memset (self->secret_access_key, 0, strlen (self->secret_access_key));
  g_clear_pointer (&self->secret_access_key, g_free);

  G_OBJECT_CLASS (rds_client_parent_class)->finalize (object);
}

static void
rds_client_class_init (RdsClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rds_client_finalize;
}

static void
rds_client_init (RdsClient *self)
{
  self->session = soup_session_new_with_options ("user-agent", "rds-console/" PACKAGE_VERSION,
                                                 "timeout", 60,
                                                 NULL);
  self->max_attempts = DEFAULT_MAX_ATTEMPTS;
  self->retry_base_ms = DEFAULT_RETRY_BASE_MS;
}

/**
 * rds_client_new:
 * @endpoint: (nullable): the base URL of an endpoint that serves every
 *   service, such as the simulator's "http://127.0.0.1:9400"; or %NULL for
 *   AWS's own, one per service and Region (rds.REGION.amazonaws.com, ...)
 * @region: the Region requests are signed for
 *
 * Returns: (transfer full): a client
 */
RdsClient *
rds_client_new (const char *endpoint,
                const char *region,
                const char *access_key_id,
                const char *secret_access_key)
{
  RdsClient *self;

  g_return_val_if_fail (region != NULL, NULL);
  g_return_val_if_fail (access_key_id != NULL, NULL);
  g_return_val_if_fail (secret_access_key != NULL, NULL);

  self = g_object_new (RDS_TYPE_CLIENT, NULL);
  if (endpoint != NULL)
    self->endpoint = g_str_has_suffix (endpoint, "/") ? g_strndup (endpoint, strlen (endpoint) - 1)
                                                      : g_strdup (endpoint);
  self->region = g_strdup (region);
  self->access_key_id = g_strdup (access_key_id);
  self->secret_access_key = g_strdup (secret_access_key);

  return self;
}

/**
 * rds_client_new_for_region:
 *
 * Returns: (transfer full): a client of the same endpoint and credentials,
 *   signing for @region, that shares @self's connections
 */
RdsClient *
rds_client_new_for_region (RdsClient  *self,
                           const char *region)
{
  RdsClient *client;

  g_return_val_if_fail (RDS_IS_CLIENT (self), NULL);
  g_return_val_if_fail (region != NULL, NULL);

  client = rds_client_new (self->endpoint, region, self->access_key_id, self->secret_access_key);
  client->session_token = g_strdup (self->session_token);
  client->max_attempts = self->max_attempts;
  client->retry_base_ms = self->retry_base_ms;
  g_set_object (&client->session, self->session);

  return client;
}

/**
 * rds_client_get_endpoint:
 *
 * Returns: (nullable): the endpoint given to rds_client_new(): %NULL for
 *   AWS's own
 */
const char *
rds_client_get_endpoint (RdsClient *self)
{
  g_return_val_if_fail (RDS_IS_CLIENT (self), NULL);

  return self->endpoint;
}

/**
 * rds_client_get_service_url:
 * @service: a SigV4 service name: "rds", "monitoring", "kms"...
 *
 * Returns: (transfer full): where requests to @service go: the one
 *   endpoint, or AWS's for the service in the client's Region
 */
char *
rds_client_get_service_url (RdsClient  *self,
                            const char *service)
{
  g_return_val_if_fail (RDS_IS_CLIENT (self), NULL);
  g_return_val_if_fail (service != NULL, NULL);

  if (self->endpoint != NULL)
    return g_strdup (self->endpoint);
  /* China's Regions have a domain of their own. */
  if (g_str_has_prefix (self->region, "cn-"))
    return g_strdup_printf ("https://%s.%s.amazonaws.com.cn", service, self->region);
  return g_strdup_printf ("https://%s.%s.amazonaws.com", service, self->region);
}

/**
 * rds_client_set_session_token:
 * @token: (nullable): the session token of temporary credentials
 *
 * Signs every request with it too (X-Amz-Security-Token), as temporary
 * credentials from STS or an AWS profile need.
 */
void
rds_client_set_session_token (RdsClient  *self,
                              const char *token)
{
  g_return_if_fail (RDS_IS_CLIENT (self));

  if (self->session_token != NULL)
    explicit_bzero (self->session_token, strlen (self->session_token));
  g_free (self->session_token);
  self->session_token = token != NULL && *token != '\0' ? g_strdup (token) : NULL;
}

/**
 * rds_client_set_retries:
 * @max_attempts: attempts in all for a request that fails for a moment
 *   (throttling, HTTP 5xx, a dropped connection); 1 never retries
 * @base_delay_ms: the first retry's longest wait; each next one doubles
 *
 * Changes how the client retries (tests make the waits short).
 */
void
rds_client_set_retries (RdsClient *self,
                        guint      max_attempts,
                        guint      base_delay_ms)
{
  g_return_if_fail (RDS_IS_CLIENT (self));
  g_return_if_fail (max_attempts >= 1);

  self->max_attempts = max_attempts;
  self->retry_base_ms = base_delay_ms;
}

const char *
rds_client_get_region (RdsClient *self)
{
  g_return_val_if_fail (RDS_IS_CLIENT (self), NULL);

  return self->region;
}

void
rds_client_set_region (RdsClient  *self,
                       const char *region)
{
  g_return_if_fail (RDS_IS_CLIENT (self));
  g_return_if_fail (region != NULL);

  if (g_strcmp0 (self->region, region) == 0)
    return;
  g_free (self->region);
  self->region = g_strdup (region);
}

/* Builds a signed message for @path with @body. */
static SoupMessage *
new_signed_message (RdsClient   *self,
                    const char  *service,
                    const char  *method,
                    const char  *path,
                    const char  *content_type,
                    const char  *target,
                    GBytes      *body,
                    GError     **error)
{
  g_autofree char *base = rds_client_get_service_url (self, service);
  g_autofree char *url = g_strconcat (base, path, NULL);
  g_autoptr(GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, error);
  g_autoptr(RdsSigv4Request) signing = NULL;
  g_autofree char *host = NULL;
  g_autofree char *amz_date = NULL;
  g_autofree char *authorization = NULL;
  SoupMessageHeaders *headers;
  SoupMessage *msg;
  int port;
  gsize length = 0;
  const guint8 *data = body != NULL ? g_bytes_get_data (body, &length) : NULL;

  if (uri == NULL)
    return NULL;

  /* The scheme's own port is left out of Host, as clients send it. */
  port = g_uri_get_port (uri);
  if (port == (g_strcmp0 (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80))
    port = -1;
  if (strchr (g_uri_get_host (uri), ':') != NULL)
    host = port > 0 ? g_strdup_printf ("[%s]:%d", g_uri_get_host (uri), port)
                    : g_strdup_printf ("[%s]", g_uri_get_host (uri));
  else
    host = port > 0 ? g_strdup_printf ("%s:%d", g_uri_get_host (uri), port)
                    : g_strdup (g_uri_get_host (uri));
  amz_date = rds_sigv4_format_amz_date (g_get_real_time () / G_USEC_PER_SEC);

  signing = rds_sigv4_request_new (method, g_uri_get_path (uri), g_uri_get_query (uri));
  if (content_type != NULL)
    rds_sigv4_request_add_header (signing, "Content-Type", content_type);
  rds_sigv4_request_add_header (signing, "Host", host);
  rds_sigv4_request_add_header (signing, "X-Amz-Date", amz_date);
  if (target != NULL)
    rds_sigv4_request_add_header (signing, "X-Amz-Target", target);
  if (self->session_token != NULL)
    rds_sigv4_request_add_header (signing, "X-Amz-Security-Token", self->session_token);
  rds_sigv4_request_set_body (signing, data, length);
  authorization = rds_sigv4_authorization (signing, NULL, self->access_key_id,
                                           self->secret_access_key, self->region, service);

  msg = soup_message_new_from_uri (method, uri);
  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Host", host);
  soup_message_headers_replace (headers, "X-Amz-Date", amz_date);
  soup_message_headers_replace (headers, "Authorization", authorization);
  if (target != NULL)
    soup_message_headers_replace (headers, "X-Amz-Target", target);
  if (self->session_token != NULL)
    soup_message_headers_replace (headers, "X-Amz-Security-Token", self->session_token);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);

  return msg;
}

/* The request in its API's protocol: a form for the Query API, a JSON
 * object and X-Amz-Target for AWS JSON 1.1. */
static SoupMessage *
new_query_message (RdsClient   *self,
                   RdsRequest  *request,
                   GError     **error)
{
  const RdsApi *api = rds_request_get_api (request);
  g_autoptr(GBytes) body = NULL;
  g_autofree char *target = NULL;
  const char *content_type = FORM_CONTENT_TYPE;
  SoupMessage *msg;

  if (api->protocol == RDS_PROTOCOL_JSON)
    {
      g_autoptr(JsonNode) root = rds_request_to_json (request);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      gsize length;
      char *text;

      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, &length);
      body = g_bytes_new_take (text, length);
      target = g_strconcat (api->target_prefix, ".", rds_request_get_action (request), NULL);
      content_type = RDS_JSON_CONTENT_TYPE;
    }
  else
    {
      char *form = rds_request_encode (request);
      gsize length = strlen (form);

      body = g_bytes_new_take (form, length);
    }

  msg = new_signed_message (self, api->service, "POST", "/", content_type, target, body, error);

  /* libsoup sends every POST on a new connection unless told it may reuse
   * one. Like the AWS SDKs, which retry any request whose connection failed,
   * the client reuses connections for every action: reconnecting for each
   * change costs time, and libsoup 3.2 servers keep some memory for every
   * connection they ever accepted. */
  if (msg != NULL)
    soup_message_add_flags (msg, SOUP_MESSAGE_IDEMPOTENT);

  return msg;
}

/* A service's passing failure: the next attempt may succeed. */
static gboolean
status_is_transient (guint status)
{
  return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

/* Turns an answer into a result or the error it carries. */
static RdsQueryResult *
read_answer (const RdsAction  *action,
             guint             status,
             GBytes           *bytes,
             gboolean         *retryable,
             GError          **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  gboolean json = action->api->protocol == RDS_PROTOCOL_JSON;

  if (status >= 200 && status < 300)
    {
      g_autoptr(GError) local_error = NULL;
      RdsQueryResult *result = json ? rds_json_read_response (action, data != NULL ? data : "", length,
                                                              &local_error)
                                    : rds_xml_read_response (action, data != NULL ? data : "", length,
                                                             NULL, &local_error);

      if (retryable != NULL)
        *retryable = FALSE;
      if (result == NULL)
        g_set_error (error, RDS_CLIENT_ERROR, RDS_CLIENT_ERROR_MALFORMED_ANSWER,
                     _("The endpoint’s answer to %s could not be read: %s"), action->name,
                     local_error->message);
      return result;
    }

  {
    g_auto(RdsXmlErrorDocument) document = { 0 };

    /* A JSON service's own errors are JSON; those before any service, XML. */
    if (data != NULL && ((json && rds_json_read_error (data, length, &document.code, &document.message)) ||
                         rds_xml_read_error (data, length, &document)))
      {
        RdsAwsError code = rds_aws_error_from_code (document.code);
        const char *advice = rds_aws_error_code_get_advice (document.code);
        g_autofree char *message = NULL;

        if (code == RDS_AWS_ERROR_UNKNOWN)
          message = g_strdup_printf ("%s: %s", document.code, document.message != NULL ? document.message : "");
        else
          message = g_strdup (document.message != NULL ? document.message : document.code);
        /* What to do about it, where the service's words do not say. */
        if (advice != NULL)
          g_set_error (error, RDS_AWS_ERROR, code, "%s %s", message, advice);
        else
          g_set_error_literal (error, RDS_AWS_ERROR, code, message);
        if (retryable != NULL)
          *retryable = rds_aws_error_code_is_retryable (document.code) || status_is_transient (status);
      }
    else
      {
        if (retryable != NULL)
          *retryable = status_is_transient (status);
        g_set_error (error, RDS_CLIENT_ERROR, RDS_CLIENT_ERROR_HTTP,
                     _("The endpoint answered HTTP %u (%s) without an AWS error"), status,
                     soup_status_get_phrase (status));
      }
  }

  return NULL;
}

typedef struct
{
  RdsRequest      *request;
  SoupMessage     *msg;
  const RdsAction *action;
  guint            status;
  GBytes          *bytes;
  guint            attempt;     /* 1 for the first */
} CallData;

static void
call_data_free (CallData *data)
{
  g_clear_object (&data->request);
  g_clear_object (&data->msg);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

/* A dropped or timed-out connection: the next attempt may well succeed.
 * A refused one or an unknown host will not (and the console says so at
 * once rather than after the waits). */
static gboolean
transport_error_is_retryable (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT);
}

/* Says where the client could not get to, with GIO's reason. */
static void
prefix_transport_error (SoupMessage  *msg,
                        GError      **error)
{
  g_autofree char *where = NULL;
  GUri *uri = soup_message_get_uri (msg);

  if (g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  where = g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO | G_URI_HIDE_QUERY | G_URI_HIDE_FRAGMENT);
  g_prefix_error (error, _("Could not reach %s: "), where);
}

static void send_attempt (GTask *task);

/* The wait before another attempt ends early when the call is cancelled:
 * the cancellable is the wait's child source. */
static gboolean
retry_cb (gpointer user_data)
{
  GTask *task = user_data;

  if (!g_task_return_error_if_cancelled (task))
    send_attempt (task);
  return G_SOURCE_REMOVE;
}

static gboolean
schedule_retry (GTask *task)
{
  RdsClient *self = g_task_get_source_object (task);
  CallData *data = g_task_get_task_data (task);
  g_autoptr(GSource) wait = NULL;
  guint64 longest;

  if (data->attempt >= self->max_attempts)
    return FALSE;

  longest = MIN ((guint64) self->retry_base_ms << (data->attempt - 1), MAX_BACKOFF_MS);
  wait = g_timeout_source_new ((guint) g_random_double_range (0, (double) longest + 1));
  g_source_set_static_name (wait, "[rds-console] retry");
  if (g_task_get_cancellable (task) != NULL)
    {
      g_autoptr(GSource) cancelled = g_cancellable_source_new (g_task_get_cancellable (task));

      g_source_set_dummy_callback (cancelled);
      g_source_add_child_source (wait, cancelled);
    }
  g_source_set_callback (wait, retry_cb, g_object_ref (task), g_object_unref);
  g_source_attach (wait, g_task_get_context (task));
  return TRUE;
}

/* Reading a page of answers is real work (hundreds of KiB of XML for a page
 * of DB instances): it happens on a worker thread, never on the caller's. */
static void
read_answer_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  CallData *data = task_data;
  g_autoptr(GError) error = NULL;
  RdsQueryResult *answer = read_answer (data->action, data->status, data->bytes, NULL, &error);

  if (answer == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, answer, (GDestroyNotify) rds_query_result_free);
}

static void
call_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  CallData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean retryable = FALSE;

  data->bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (data->bytes == NULL)
    {
      if (!transport_error_is_retryable (error) || !schedule_retry (task))
        {
          prefix_transport_error (data->msg, &error);
          g_task_return_error (task, g_steal_pointer (&error));
        }
      g_object_unref (task);
      return;
    }

  data->status = soup_message_get_status (data->msg);
  if (data->status >= 200 && data->status < 300)
    {
      /* A page of answers is read on a worker thread. */
      g_task_run_in_thread (task, read_answer_thread);
      g_object_unref (task);
      return;
    }

  /* An error document is small: read here, to know whether to retry. */
  read_answer (data->action, data->status, data->bytes, &retryable, &error);
  if (!retryable || !schedule_retry (task))
    g_task_return_error (task, g_steal_pointer (&error));
  g_object_unref (task);
}

/* Signs and sends @task's request (again: each attempt is signed anew). */
static void
send_attempt (GTask *task)
{
  RdsClient *self = g_task_get_source_object (task);
  CallData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  data->attempt++;
  g_clear_object (&data->msg);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  data->msg = new_query_message (self, data->request, &error);
  if (data->msg == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  soup_session_send_and_read_async (self->session, data->msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), call_cb, g_object_ref (task));
}

/**
 * rds_client_call_async:
 * @request: the action and its parameters
 *
 * Sends @request; the answer is read into model objects.
 */
void
rds_client_call_async (RdsClient           *self,
                       RdsRequest          *request,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CallData *data;

  g_return_if_fail (RDS_IS_CLIENT (self));
  g_return_if_fail (RDS_IS_REQUEST (request));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rds_client_call_async);

  data = g_new0 (CallData, 1);
  g_task_set_task_data (task, data, (GDestroyNotify) call_data_free);

  data->action = rds_api_lookup_action (rds_request_get_api (request),
                                        rds_request_get_action (request));
  if (data->action == NULL)
    {
      g_task_return_new_error (task, RDS_CLIENT_ERROR, RDS_CLIENT_ERROR_UNKNOWN_ACTION,
                               "The client does not know the action %s",
                               rds_request_get_action (request));
      return;
    }

  data->request = g_object_ref (request);
  send_attempt (task);
}

/**
 * rds_client_call_finish:
 *
 * Returns: (transfer full) (nullable): the answer, or %NULL with an
 *   RDS_AWS_ERROR (the service's), RDS_CLIENT_ERROR or transport error
 */
RdsQueryResult *
rds_client_call_finish (RdsClient     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rds_client_call_sync:
 *
 * Like rds_client_call_async(), waiting: for tests, benchmarks and tools,
 * never for the UI thread.
 */
RdsQueryResult *
rds_client_call_sync (RdsClient     *self,
                      RdsRequest    *request,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const RdsAction *action;

  g_return_val_if_fail (RDS_IS_CLIENT (self), NULL);
  g_return_val_if_fail (RDS_IS_REQUEST (request), NULL);

  action = rds_api_lookup_action (rds_request_get_api (request), rds_request_get_action (request));
  if (action == NULL)
    {
      g_set_error (error, RDS_CLIENT_ERROR, RDS_CLIENT_ERROR_UNKNOWN_ACTION,
                   "The client does not know the action %s", rds_request_get_action (request));
      return NULL;
    }

  msg = new_query_message (self, request, error);
  if (msg == NULL)
    return NULL;

  bytes = soup_session_send_and_read (self->session, msg, cancellable, error);
  if (bytes == NULL)
    {
      prefix_transport_error (msg, error);
      return NULL;
    }

  return read_answer (action, soup_message_get_status (msg), bytes, NULL, error);
}

/* Control API */

static SoupMessage *
new_control_message (RdsClient   *self,
                     const char  *method,
                     const char  *path,
                     JsonNode    *body,
                     GError     **error)
{
  g_autofree char *full_path = g_strconcat ("/_sim/", path, NULL);
  g_autoptr(GBytes) bytes = NULL;

  if (body != NULL)
    {
      g_autofree char *text = json_to_string (body, FALSE);
      gsize length = strlen (text);

      bytes = g_bytes_new_take (g_steal_pointer (&text), length);
    }

  SoupMessage *msg = new_signed_message (self, rds_api_rds.service, method, full_path, NULL,
                                         body != NULL ? "application/json" : NULL, bytes, error);

  if (msg != NULL)
    soup_message_add_flags (msg, SOUP_MESSAGE_IDEMPOTENT);
  return msg;
}

static JsonNode *
read_control_answer (guint    status,
                     GBytes  *bytes,
                     GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data != NULL ? data : "", length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (root = json_parser_get_root (parser)))
    {
      g_set_error (error, RDS_CLIENT_ERROR,
                   status >= 300 ? RDS_CLIENT_ERROR_HTTP : RDS_CLIENT_ERROR_MALFORMED_ANSWER,
                   _("The simulator answered HTTP %u without a JSON object"), status);
      return NULL;
    }

  if (status >= 300)
    {
      g_set_error (error, RDS_CLIENT_ERROR, RDS_CLIENT_ERROR_HTTP, "%s",
                   json_object_get_string_member_with_default (json_node_get_object (root),
                                                               "error", _("unknown error")));
      return NULL;
    }

  return json_node_ref (root);
}

static void
control_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SoupMessage *msg = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *answer;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (bytes == NULL || (answer = read_control_answer (soup_message_get_status (msg), bytes, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, answer, (GDestroyNotify) json_node_unref);
}

/**
 * rds_client_control_async:
 * @method: "GET" or "POST"
 * @path: below /_sim/, such as "state" or "clock/advance"
 * @body: (nullable): a JSON object to POST
 */
void
rds_client_control_async (RdsClient           *self,
                          const char          *method,
                          const char          *path,
                          JsonNode            *body,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessage *msg;

  g_return_if_fail (RDS_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rds_client_control_async);

  msg = new_control_message (self, method, path, body, &error);
  if (msg == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, msg, g_object_unref);

  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    control_cb, g_steal_pointer (&task));
}

/**
 * rds_client_control_finish:
 *
 * Returns: (transfer full) (nullable): the simulator's state after the call
 */
JsonNode *
rds_client_control_finish (RdsClient     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

JsonNode *
rds_client_control_sync (RdsClient     *self,
                         const char    *method,
                         const char    *path,
                         JsonNode      *body,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (RDS_IS_CLIENT (self), NULL);

  msg = new_control_message (self, method, path, body, error);
  if (msg == NULL)
    return NULL;

  bytes = soup_session_send_and_read (self->session, msg, cancellable, error);
  if (bytes == NULL)
    return NULL;

  return read_control_answer (soup_message_get_status (msg), bytes, error);
}
