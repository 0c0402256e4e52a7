/* rds-session.c: the console's connection to an endpoint, in one Region
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages share one session: its client (signed for the current Region), the
 * lists of DB instances, snapshots and events it keeps current by polling,
 * and, when the endpoint is a simulator, its clock. A change made through
 * the session refreshes the lists at once rather than at the next tick.
 */

#include "config.h"

#include "rds-session.h"

#include "rds-encrypt-job.h"

#include <string.h>

#include "rds-db-instance.h"
#include "rds-db-snapshot.h"
#include "rds-shape.h"

#define DEFAULT_REGION "us-east-1"
/* The events the console keeps: the last 24 hours unless a page asks more. */
#define EVENT_MINUTES "1440"

struct _RdsSession
{
  GObject          parent_instance;

  char            *endpoint;
  char            *region;
  gboolean         simulator;
  RdsClient       *client;
  GHashTable      *region_clients;  /* region → RdsClient, for other Regions */
  GHashTable      *lists;           /* action → RdsResourceList, see rds_session_get_list() */
  GHashTable      *refresh_again;   /* lists to refresh once more when done */
  GError          *problem;         /* why the lists could not be refreshed */
  GListStore      *jobs;            /* RdsEncryptJob: the console's own long operations */

  guint            poll_source;
  GCancellable    *cancellable;
  gboolean         state_in_flight;

  gint64           clock_time;      /* simulated, at clock_mono */
  gint64           clock_mono;
  double           clock_rate;
  gboolean         clock_paused;
};

G_DEFINE_FINAL_TYPE (RdsSession, rds_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REGION,
  PROP_CLOCK_RATE,
  PROP_CLOCK_PAUSED,
  PROP_SIMULATED_TIME,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_toggled_cb (gpointer  data,
                             GObject  *object,
                             gboolean  is_last_ref);

static void
rds_session_dispose (GObject *object)
{
  RdsSession *self = RDS_SESSION (object);

  rds_session_stop_polling (self);
  if (self->jobs != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->jobs)); i++)
        {
          g_autoptr(RdsEncryptJob) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), i);

          rds_encrypt_job_stop (job);
        }
      g_clear_object (&self->jobs);
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->lists != NULL)
    {
      GHashTableIter iter;
      gpointer list;

      g_hash_table_iter_init (&iter, self->lists);
      while (g_hash_table_iter_next (&iter, NULL, &list))
        {
          g_signal_handlers_disconnect_by_data (list, self);
          g_object_remove_toggle_ref (list, list_toggled_cb, self);
        }
      g_clear_pointer (&self->lists, g_hash_table_unref);
    }
  g_clear_object (&self->client);
  g_clear_pointer (&self->region_clients, g_hash_table_unref);

  G_OBJECT_CLASS (rds_session_parent_class)->dispose (object);
}

static void
rds_session_finalize (GObject *object)
{
  RdsSession *self = RDS_SESSION (object);

  g_clear_pointer (&self->endpoint, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->refresh_again, g_hash_table_unref);
  g_clear_error (&self->problem);

  G_OBJECT_CLASS (rds_session_parent_class)->finalize (object);
}

static void
rds_session_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RdsSession *self = RDS_SESSION (object);

  switch (prop_id)
    {
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_CLOCK_RATE:
      g_value_set_double (value, self->clock_rate);
      break;
    case PROP_CLOCK_PAUSED:
      g_value_set_boolean (value, self->clock_paused);
      break;
    case PROP_SIMULATED_TIME:
      g_value_set_int64 (value, rds_session_get_simulated_time (self));
      break;
    case PROP_PROBLEM:
      g_value_set_boxed (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_session_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RdsSession *self = RDS_SESSION (object);

  switch (prop_id)
    {
    case PROP_REGION:
      rds_session_set_region (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_session_class_init (RdsSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rds_session_dispose;
  object_class->finalize = rds_session_finalize;
  object_class->get_property = rds_session_get_property;
  object_class->set_property = rds_session_set_property;

  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, DEFAULT_REGION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CLOCK_RATE] =
    g_param_spec_double ("clock-rate", NULL, NULL, 0.0, G_MAXDOUBLE, 1.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CLOCK_PAUSED] =
    g_param_spec_boolean ("clock-paused", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * RdsSession:simulated-time:
   *
   * The simulator's time in microseconds; it notifies when the clock jumps
   * (advanced, or seen for the first time), not as it runs.
   */
  properties[PROP_SIMULATED_TIME] =
    g_param_spec_int64 ("simulated-time", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * RdsSession:problem:
   *
   * Why the last refresh of a list failed (the endpoint unreachable, the
   * credentials refused, throttled past the retries), until one succeeds.
   */
  properties[PROP_PROBLEM] =
    g_param_spec_boxed ("problem", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
set_problem (RdsSession   *self,
             const GError *error)
{
  if (self->problem == NULL && error == NULL)
    return;
  if (self->problem != NULL && error != NULL && self->problem->domain == error->domain &&
      self->problem->code == error->code && g_strcmp0 (self->problem->message, error->message) == 0)
    return;
  g_clear_error (&self->problem);
  self->problem = error != NULL ? g_error_copy (error) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

static void
list_refreshed_cb (RdsResourceList *list,
                   const GError    *error,
                   RdsSession      *self)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_problem (self, error);
  if (g_hash_table_remove (self->refresh_again, list))
    rds_resource_list_refresh (list);
}

static void
rds_session_init (RdsSession *self)
{
  self->region = g_strdup (DEFAULT_REGION);
  self->cancellable = g_cancellable_new ();
  self->refresh_again = g_hash_table_new (NULL, NULL);
  self->lists = g_hash_table_new (g_str_hash, g_str_equal);
  self->clock_rate = 1.0;
}

/* Lists by action
 *
 * A page asks the session for the list of an action; the session makes it
 * on first use and keeps it current while something holds it (a page, a
 * watcher): a list nobody holds is not polled, and is refreshed once when
 * someone takes it again. */

typedef struct
{
  const char *action;
  const char *keys[6];     /* what identifies an item */
  const char *parameter;   /* and a parameter it is always sent with */
  const char *value;
} ListKind;

static const ListKind list_kinds[] = {
  { "DescribeDBInstances", { "DBInstanceIdentifier", NULL } },
  { "DescribeDBSnapshots", { "DBSnapshotIdentifier", NULL } },
  /* An instance's current backups and, once it is deleted, its retained
   * ones share its resource ID, never at the same time. */
  { "DescribeDBInstanceAutomatedBackups", { "DbiResourceId", NULL } },
  { "DescribeEvents", { "Date", "SourceType", "SourceIdentifier", "Message", NULL }, "Duration", EVENT_MINUTES },
  { "DescribeDBClusters", { "DBClusterIdentifier", NULL } },
  /* A cluster's own two endpoints have no identifier: its type tells them. */
  { "DescribeDBClusterEndpoints", { "DBClusterIdentifier", "EndpointType", "DBClusterEndpointIdentifier", NULL } },
  { "DescribeDBClusterSnapshots", { "DBClusterSnapshotIdentifier", NULL } },
};

static void
refresh_list (RdsSession      *self,
              RdsResourceList *list)
{
  if (!rds_resource_list_refresh (list))
    g_hash_table_add (self->refresh_again, list);
}

static gboolean
list_is_held (RdsResourceList *list)
{
  /* The session's own reference is a toggle reference. */
  return g_atomic_int_get (&G_OBJECT (list)->ref_count) > 1;
}

static void
list_toggled_cb (gpointer  data,
                 GObject  *object,
                 gboolean  is_last_ref)
{
  RdsSession *self = data;

  /* Taken again after a while alone: it may be stale. */
  if (!is_last_ref && self->poll_source != 0)
    refresh_list (self, RDS_RESOURCE_LIST (object));
}

/**
 * rds_session_get_list:
 * @action: a Describe action of the session's service, such as
 *   "DescribeDBInstances"
 *
 * Returns: (transfer none): the session's list of what @action describes,
 *   made on first use; hold a reference for it to be kept current
 */
RdsResourceList *
rds_session_get_list (RdsSession *self,
                      const char *action)
{
  RdsResourceList *list;
  const ListKind *kind = NULL;

  g_return_val_if_fail (RDS_IS_SESSION (self), NULL);
  g_return_val_if_fail (action != NULL, NULL);
  g_return_val_if_fail (self->lists != NULL, NULL);

  list = g_hash_table_lookup (self->lists, action);
  if (list != NULL)
    return list;

  for (guint i = 0; i < G_N_ELEMENTS (list_kinds); i++)
    if (g_str_equal (list_kinds[i].action, action))
      kind = &list_kinds[i];
  g_return_val_if_fail (kind != NULL, NULL);

  list = rds_resource_list_new (kind->action, kind->keys);
  if (kind->parameter != NULL)
    rds_resource_list_set_parameter (list, kind->parameter, kind->value);
  if (self->client != NULL)
    rds_resource_list_set_client (list, self->client);
  g_signal_connect_object (list, "refreshed", G_CALLBACK (list_refreshed_cb), self, 0);

  /* The session's reference: a toggle reference, to know when it is the
   * only one. */
  g_object_add_toggle_ref (G_OBJECT (list), list_toggled_cb, self);
  g_object_unref (list);
  g_hash_table_insert (self->lists, (gpointer) kind->action, list);
  return list;
}

/* Refreshes every list someone holds. */
static void
refresh_held_lists (RdsSession *self,
                    gboolean    queue)
{
  GHashTableIter iter;
  gpointer list;

  if (self->lists == NULL)
    return;
  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    if (list_is_held (list))
      {
        if (queue)
          refresh_list (self, list);
        else
          rds_resource_list_refresh (list);
      }
}

static void
set_client (RdsSession *self)
{
  GHashTableIter iter;
  gpointer list;

  if (self->lists == NULL)
    return;
  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    rds_resource_list_set_client (list, self->client);
}

/**
 * rds_session_new:
 * @endpoint: (nullable): the endpoint's URL, or %NULL for AWS's own (one
 *   per service and Region)
 * @simulator: whether the endpoint has the simulator's control API
 *
 * Returns: (transfer full): a session in us-east-1
 */
RdsSession *
rds_session_new (const char *endpoint,
                 const char *access_key_id,
                 const char *secret_access_key,
                 gboolean    simulator)
{
  RdsSession *self;

  g_return_val_if_fail (endpoint != NULL || !simulator, NULL);

  self = g_object_new (RDS_TYPE_SESSION, NULL);
  self->endpoint = g_strdup (endpoint);
  self->simulator = simulator;
  self->client = rds_client_new (endpoint, self->region, access_key_id, secret_access_key);
  set_client (self);

  return self;
}

const char *
rds_session_get_region (RdsSession *self)
{
  g_return_val_if_fail (RDS_IS_SESSION (self), NULL);

  return self->region;
}

/**
 * rds_session_set_region:
 *
 * Switches Region: the lists empty and load the new Region's resources.
 */
void
rds_session_set_region (RdsSession *self,
                        const char *region)
{
  g_return_if_fail (RDS_IS_SESSION (self));
  g_return_if_fail (region != NULL);

  if (g_strcmp0 (self->region, region) == 0)
    return;

  g_free (self->region);
  self->region = g_strdup (region);
  rds_client_set_region (self->client, region);
  g_hash_table_remove_all (self->refresh_again);
  set_client (self);
  rds_session_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}

/**
 * rds_session_get_region_client:
 *
 * Returns: (transfer none): a client of the session's endpoint signing for
 *   @region, to look at another Region without leaving the current one
 */
RdsClient *
rds_session_get_region_client (RdsSession *self,
                               const char *region)
{
  RdsClient *client;

  g_return_val_if_fail (RDS_IS_SESSION (self), NULL);
  g_return_val_if_fail (region != NULL, NULL);

  if (self->region_clients == NULL)
    self->region_clients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  client = g_hash_table_lookup (self->region_clients, region);
  if (client == NULL)
    {
      client = rds_client_new_for_region (self->client, region);
      g_hash_table_insert (self->region_clients, g_strdup (region), client);
    }

  return client;
}

RdsClient *
rds_session_get_client (RdsSession *self)
{
  g_return_val_if_fail (RDS_IS_SESSION (self), NULL);

  return self->client;
}

/**
 * rds_session_get_problem:
 *
 * Returns: (nullable): why the lists could not be refreshed lately, or
 *   %NULL when they were
 */
const GError *
rds_session_get_problem (RdsSession *self)
{
  g_return_val_if_fail (RDS_IS_SESSION (self), NULL);

  return self->problem;
}

/**
 * rds_session_get_endpoint:
 *
 * Returns: (nullable): the endpoint's URL; %NULL for AWS's own
 */
const char *
rds_session_get_endpoint (RdsSession *self)
{
  g_return_val_if_fail (RDS_IS_SESSION (self), NULL);

  return self->endpoint;
}

gboolean
rds_session_is_simulator (RdsSession *self)
{
  g_return_val_if_fail (RDS_IS_SESSION (self), FALSE);

  return self->simulator;
}

RdsResourceList *
rds_session_get_instances (RdsSession *self)
{
  g_return_val_if_fail (RDS_IS_SESSION (self), NULL);

  return rds_session_get_list (self, "DescribeDBInstances");
}

RdsResourceList *
rds_session_get_clusters (RdsSession *self)
{
  g_return_val_if_fail (RDS_IS_SESSION (self), NULL);

  return rds_session_get_list (self, "DescribeDBClusters");
}

RdsResourceList *
rds_session_get_snapshots (RdsSession *self)
{
  g_return_val_if_fail (RDS_IS_SESSION (self), NULL);

  return rds_session_get_list (self, "DescribeDBSnapshots");
}

/**
 * rds_session_find_snapshot_instance:
 * @snapshot: a DB snapshot of the session's Region
 *
 * Finds the DB instance @snapshot was taken of, if it is still there: by
 * its resource ID, since its name may now be another instance's (one that
 * took it after a delete). A snapshot shared by another account has none
 * here, whatever its instance was called.
 *
 * Returns: (transfer none) (nullable): the instance, from the session's list
 */
RdsDbInstance *
rds_session_find_snapshot_instance (RdsSession    *self,
                                    RdsDbSnapshot *snapshot)
{
  RdsShape *shape = RDS_SHAPE (snapshot);
  const char *type = rds_shape_get_string (shape, "snapshot-type");
  const char *resource_id = rds_shape_get_string (shape, "dbi-resource-id");
  const char *identifier = rds_shape_get_string (shape, "db-instance-identifier");
  RdsDbInstance *instance;

  g_return_val_if_fail (RDS_IS_SESSION (self), NULL);
  g_return_val_if_fail (RDS_IS_DB_SNAPSHOT (snapshot), NULL);

  if (identifier == NULL || g_strcmp0 (type, "shared") == 0 || g_strcmp0 (type, "public") == 0)
    return NULL;
  instance = rds_resource_list_find (rds_session_get_instances (self), identifier);
  /* An endpoint that doesn't say a snapshot's resource ID: by name alone. */
  if (instance != NULL && resource_id != NULL &&
      g_strcmp0 (rds_db_instance_get_resource_id (instance), resource_id) != 0)
    return NULL;
  return instance;
}

RdsResourceList *
rds_session_get_events (RdsSession *self)
{
  g_return_val_if_fail (RDS_IS_SESSION (self), NULL);

  return rds_session_get_list (self, "DescribeEvents");
}

/* Refreshes @list now, or as soon as the refresh in flight is done. */

/* The simulator's clock */

static void
apply_state (RdsSession *self,
             JsonNode   *state)
{
  JsonObject *object;
  double rate;
  gboolean paused;
  gboolean jumped;
  gint64 time;

  if (state == NULL || !JSON_NODE_HOLDS_OBJECT (state))
    return;

  /* Not every control answer is the simulator's state (a workload's). */
  object = json_node_get_object (state);
  if (!json_object_has_member (object, "timeUsec"))
    return;
  time = json_object_get_int_member_with_default (object, "timeUsec", 0);
  jumped = ABS (time - rds_session_get_simulated_time (self)) > G_USEC_PER_SEC;
  self->clock_time = time;
  self->clock_mono = g_get_monotonic_time ();
  rate = json_object_get_double_member_with_default (object, "rate", 1.0);
  paused = json_object_get_boolean_member_with_default (object, "paused", FALSE);

  if (rate != self->clock_rate)
    {
      self->clock_rate = rate;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK_RATE]);
    }
  if (paused != self->clock_paused)
    {
      self->clock_paused = paused;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK_PAUSED]);
    }
  /* Only a jump (or a paused clock moved) is news; a running clock moves
   * as extrapolated. */
  if (jumped)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIMULATED_TIME]);
}

static void
state_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RdsSession) self = user_data;
  g_autoptr(JsonNode) state = rds_client_control_finish (RDS_CLIENT (object), result, NULL);

  self->state_in_flight = FALSE;
  apply_state (self, state);
}

static void
refresh_clock (RdsSession *self)
{
  if (!self->simulator || self->state_in_flight)
    return;

  self->state_in_flight = TRUE;
  rds_client_control_async (self->client, "GET", "state", NULL, self->cancellable, state_cb,
                            g_object_ref (self));
}

/**
 * rds_session_get_now:
 *
 * Returns: the endpoint's time: the simulator's clock, once known, else
 *   the real one
 */
gint64
rds_session_get_now (RdsSession *self)
{
  gint64 now;

  g_return_val_if_fail (RDS_IS_SESSION (self), 0);

  now = self->simulator ? rds_session_get_simulated_time (self) : 0;
  return now > 0 ? now : g_get_real_time ();
}

/**
 * rds_session_get_simulated_time:
 *
 * Returns: the simulator's time now, in microseconds since the epoch, from
 *   its last known state and rate; 0 before the first answer
 */
gint64
rds_session_get_simulated_time (RdsSession *self)
{
  g_return_val_if_fail (RDS_IS_SESSION (self), 0);

  if (self->clock_time == 0 || self->clock_paused)
    return self->clock_time;

  return self->clock_time + (gint64) ((g_get_monotonic_time () - self->clock_mono) * self->clock_rate);
}

double
rds_session_get_clock_rate (RdsSession *self)
{
  g_return_val_if_fail (RDS_IS_SESSION (self), 1.0);

  return self->clock_rate;
}

gboolean
rds_session_get_clock_paused (RdsSession *self)
{
  g_return_val_if_fail (RDS_IS_SESSION (self), FALSE);

  return self->clock_paused;
}

/* Refreshing */

void
rds_session_refresh (RdsSession *self)
{
  g_return_if_fail (RDS_IS_SESSION (self));

  refresh_held_lists (self, TRUE);
  refresh_clock (self);
}

static gboolean
poll_cb (gpointer data)
{
  RdsSession *self = data;

  /* A tick while a refresh is in flight is skipped, not queued. */
  refresh_held_lists (self, FALSE);
  refresh_clock (self);

  return G_SOURCE_CONTINUE;
}

void
rds_session_start_polling (RdsSession *self,
                           guint       interval_ms)
{
  g_return_if_fail (RDS_IS_SESSION (self));

  rds_session_stop_polling (self);
  rds_session_refresh (self);
  self->poll_source = g_timeout_add (interval_ms, poll_cb, self);
}

void
rds_session_stop_polling (RdsSession *self)
{
  g_return_if_fail (RDS_IS_SESSION (self));

  g_clear_handle_id (&self->poll_source, g_source_remove);
}

/* Calls */

static void
call_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RdsSession *self = g_task_get_source_object (task);
  RdsQueryResult *answer;
  GError *error = NULL;

  answer = rds_client_call_finish (RDS_CLIENT (object), result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (answer->action->mutating)
    refresh_held_lists (self, TRUE);

  g_task_return_pointer (task, answer, (GDestroyNotify) rds_query_result_free);
}

/**
 * rds_session_call_async:
 *
 * Sends @request in the session's Region; a change refreshes the lists.
 */
void
rds_session_call_async (RdsSession          *self,
                        RdsRequest          *request,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RDS_IS_SESSION (self));
  g_return_if_fail (RDS_IS_REQUEST (request));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rds_session_call_async);
  rds_client_call_async (self->client, request, cancellable, call_cb, task);
}

RdsQueryResult *
rds_session_call_finish (RdsSession    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
control_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RdsSession *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) state = NULL;
  GError *error = NULL;

  state = rds_client_control_finish (RDS_CLIENT (object), result, &error);
  if (state == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  apply_state (self, state);
  /* Moving the clock (or a fault, or a workload) moves resources along;
   * asking what the simulator knows doesn't. */
  if (!GPOINTER_TO_INT (g_task_get_task_data (task)))
    refresh_held_lists (self, TRUE);
  g_task_return_pointer (task, g_steal_pointer (&state), (GDestroyNotify) json_node_unref);
}

/**
 * rds_session_control_async:
 * @path: "clock", "clock/advance", "quotas", "workload", "faults", "instance" or "cluster"
 *
 * POSTs @body to the simulator's control API. The lists the session holds
 * are refreshed after a change (not after a question).
 */
void
rds_session_control_async (RdsSession          *self,
                           const char          *path,
                           JsonNode            *body,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RDS_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rds_session_control_async);
  /* Read-only: /_sim/instance and /_sim/cluster, and /_sim/faults or /_sim/workload asked
   * nothing but the instance (or nothing at all). */
  g_task_set_task_data (task,
                        GINT_TO_POINTER (g_str_equal (path, "instance") || g_str_equal (path, "cluster") ||
                                         ((g_str_equal (path, "faults") || g_str_equal (path, "workload")) &&
                                          body != NULL && JSON_NODE_HOLDS_OBJECT (body) &&
                                          json_object_get_size (json_node_get_object (body)) <=
                                            (g_str_equal (path, "workload") ? 1u : 0u))),
                        NULL);
  rds_client_control_async (self->client, "POST", path, body, cancellable, control_cb, task);
}

gboolean
rds_session_control_finish (RdsSession    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_autoptr(JsonNode) answer = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  answer = g_task_propagate_pointer (G_TASK (result), error);
  return answer != NULL;
}

/**
 * rds_session_control_finish_answer:
 *
 * Like rds_session_control_finish(), with what the simulator answered.
 *
 * Returns: (transfer full) (nullable): the answer, or %NULL with @error set
 */
JsonNode *
rds_session_control_finish_answer (RdsSession    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Jobs */

/**
 * rds_session_get_jobs:
 *
 * Returns: (transfer none): the encryption jobs on the session's endpoint
 *   that the console runs or could go on with (RdsEncryptJob)
 */
GListModel *
rds_session_get_jobs (RdsSession *self)
{
  g_return_val_if_fail (RDS_IS_SESSION (self), NULL);

  if (self->jobs == NULL)
    self->jobs = g_list_store_new (RDS_TYPE_ENCRYPT_JOB);
  return G_LIST_MODEL (self->jobs);
}

void
rds_session_add_job (RdsSession    *self,
                     RdsEncryptJob *job)
{
  g_return_if_fail (RDS_IS_SESSION (self));
  g_return_if_fail (RDS_IS_ENCRYPT_JOB (job));

  rds_session_get_jobs (self);
  g_list_store_append (self->jobs, job);
}

void
rds_session_remove_job (RdsSession    *self,
                        RdsEncryptJob *job)
{
  guint position;

  g_return_if_fail (RDS_IS_SESSION (self));

  if (self->jobs != NULL && g_list_store_find (self->jobs, job, &position))
    g_list_store_remove (self->jobs, position);
}

/**
 * rds_session_find_job:
 *
 * Returns: (transfer none) (nullable): the job encrypting @source in
 *   @region
 */
RdsEncryptJob *
rds_session_find_job (RdsSession *self,
                      const char *region,
                      const char *source)
{
  GListModel *jobs;

  g_return_val_if_fail (RDS_IS_SESSION (self), NULL);

  jobs = rds_session_get_jobs (self);
  for (guint i = 0; i < g_list_model_get_n_items (jobs); i++)
    {
      g_autoptr(RdsEncryptJob) job = g_list_model_get_item (jobs, i);

      if (g_strcmp0 (rds_encrypt_job_get_region (job), region) == 0 &&
          g_strcmp0 (rds_encrypt_job_get_source (job), source) == 0)
        return job;
    }
  return NULL;
}
