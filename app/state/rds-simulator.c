/* rds-simulator.c: the embedded simulator, on its own thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The console's default endpoint: the simulator engine, its store and its
 * RdsServer run on a thread of their own, with their own GMainContext, on a
 * free loopback port. The UI thread never touches the engine; it calls the
 * endpoint like any client. Starting loads the stored state on that thread,
 * so the window can draw meanwhile.
 */

#include "config.h"

#include "rds-simulator.h"

#include <string.h>

#include "rds-server.h"
#include "rds-sim-engine.h"
#include "rds-sim-store.h"

struct _RdsSimulator
{
  GObject       parent_instance;

  char         *state_dir;
  char         *access_key_id;
  char         *secret_access_key;
  gboolean      paused;
  gint64        start_time;
  guint64       seed;
  guint         port;          /* 0: any free port */

  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  char         *url;
  char         *warning;
};

G_DEFINE_FINAL_TYPE (RdsSimulator, rds_simulator, G_TYPE_OBJECT)

static void
rds_simulator_finalize (GObject *object)
{
  RdsSimulator *self = RDS_SIMULATOR (object);

  rds_simulator_stop (self);

  g_clear_pointer (&self->state_dir, g_free);
  g_clear_pointer (&self->access_key_id, g_free);
  if (self->secret_access_key != NULL)
    memset (self->secret_access_key, 0, strlen (self->secret_access_key));
  g_clear_pointer (&self->secret_access_key, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->warning, g_free);

  G_OBJECT_CLASS (rds_simulator_parent_class)->finalize (object);
}

static void
rds_simulator_class_init (RdsSimulatorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rds_simulator_finalize;
}

static void
rds_simulator_init (RdsSimulator *self)
{
  self->seed = ((guint64) g_random_int () << 32) | g_random_int ();
  self->start_time = g_get_real_time ();
}

/**
 * rds_simulator_new:
 * @state_dir: where the simulator keeps its state
 *
 * Returns: (transfer full): a simulator, not started
 */
RdsSimulator *
rds_simulator_new (const char *state_dir,
                   const char *access_key_id,
                   const char *secret_access_key)
{
  RdsSimulator *self;

  g_return_val_if_fail (state_dir != NULL, NULL);
  g_return_val_if_fail (access_key_id != NULL, NULL);
  g_return_val_if_fail (secret_access_key != NULL, NULL);

  self = g_object_new (RDS_TYPE_SIMULATOR, NULL);
  self->state_dir = g_strdup (state_dir);
  self->access_key_id = g_strdup (access_key_id);
  self->secret_access_key = g_strdup (secret_access_key);

  return self;
}

/* Paused applies to a stored state too; the start time and seed to a new
 * state only (a stored state keeps its own). */
void
rds_simulator_set_paused (RdsSimulator *self,
                          gboolean      paused)
{
  g_return_if_fail (RDS_IS_SIMULATOR (self));
  g_return_if_fail (self->thread == NULL);

  self->paused = paused;
}

void
rds_simulator_set_start_time (RdsSimulator *self,
                              gint64        usec)
{
  g_return_if_fail (RDS_IS_SIMULATOR (self));
  g_return_if_fail (self->thread == NULL);

  self->start_time = usec;
}

/* The loopback port to listen on, so the AWS CLI can find the simulator
 * the console shows; 0 (the default) takes any free port. */
void
rds_simulator_set_port (RdsSimulator *self,
                        guint         port)
{
  g_return_if_fail (RDS_IS_SIMULATOR (self));
  g_return_if_fail (self->thread == NULL);
  g_return_if_fail (port <= 65535);

  self->port = port;
}

void
rds_simulator_set_seed (RdsSimulator *self,
                        guint64       seed)
{
  g_return_if_fail (RDS_IS_SIMULATOR (self));
  g_return_if_fail (self->thread == NULL);

  self->seed = seed;
}

/* The simulator's thread: load, listen, say so, serve, and save on the way out. */
static gpointer
simulator_thread (gpointer data)
{
  g_autoptr(GTask) task = data;
  RdsSimulator *self = g_task_get_source_object (task);
  g_autoptr(RdsSimStore) store = NULL;
  g_autoptr(RdsSimClock) clock = NULL;
  g_autoptr(RdsSimEngine) engine = NULL;
  g_autoptr(RdsServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;

  g_main_context_push_thread_default (self->context);

  store = rds_sim_store_open (self->state_dir, &error);
  if (store == NULL)
    goto failed;

  /* Simulated time passes only while the simulator serves: held while the
   * state loads, it resumes where it stopped, at the saved rate, or paused
   * when asked to be. */
  clock = rds_sim_clock_new (self->start_time, 1.0, self->paused);
  rds_sim_clock_hold (clock);
  engine = rds_sim_engine_new (self->seed, clock);
  if (!rds_sim_store_load (store, engine, &warning, &error))
    goto failed;
  if (self->paused && !rds_sim_clock_get_paused (clock))
    {
      g_autoptr(JsonNode) changes = NULL;

      rds_sim_clock_set_paused (clock, TRUE);
      rds_sim_engine_settings_changed (engine);
      changes = rds_sim_engine_take_changes (engine);
      if (changes != NULL && !rds_sim_store_append_sync (store, changes, &error))
        goto failed;
    }

  server = rds_server_new (engine, store);
  rds_server_add_credentials (server, self->access_key_id, self->secret_access_key);
  if (!rds_server_listen (server, "127.0.0.1", self->port, &error))
    goto failed;

  self->url = rds_server_get_url (server);
  rds_sim_clock_release (clock);
  self->warning = g_steal_pointer (&warning);
  g_task_return_boolean (task, TRUE);
  g_clear_object (&task);

  g_main_loop_run (self->loop);

  rds_server_disconnect (server);
  /* The time serving stopped at is the time saved. */
  rds_sim_clock_hold (clock);
  rds_sim_store_flush (store);
  if (!rds_sim_store_checkpoint (store, engine, &error))
    g_warning ("Could not save the simulator's state: %s", error->message);
  rds_sim_store_close (store);

  g_main_context_pop_thread_default (self->context);
  return NULL;

failed:
  g_main_context_pop_thread_default (self->context);
  g_task_return_error (task, g_steal_pointer (&error));
  return NULL;
}

/**
 * rds_simulator_start_async:
 *
 * Starts the simulator's thread; completes once it listens (or failed).
 */
void
rds_simulator_start_async (RdsSimulator        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RDS_IS_SIMULATOR (self));
  g_return_if_fail (self->thread == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rds_simulator_start_async);

  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("rds-simulator", simulator_thread, g_steal_pointer (&task));
}

gboolean
rds_simulator_start_finish (RdsSimulator  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

const char *
rds_simulator_get_url (RdsSimulator *self)
{
  g_return_val_if_fail (RDS_IS_SIMULATOR (self), NULL);

  return self->url;
}

/**
 * rds_simulator_get_warning:
 *
 * Returns: (nullable): what was wrong with the stored state (kept aside),
 *   for the user
 */
const char *
rds_simulator_get_warning (RdsSimulator *self)
{
  g_return_val_if_fail (RDS_IS_SIMULATOR (self), NULL);

  return self->warning;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/**
 * rds_simulator_stop:
 *
 * Stops serving and saves the state; returns when the thread is done.
 */
void
rds_simulator_stop (RdsSimulator *self)
{
  g_return_if_fail (RDS_IS_SIMULATOR (self));

  if (self->thread == NULL)
    return;

  g_main_context_invoke (self->context, quit_cb, self->loop);
  g_thread_join (g_steal_pointer (&self->thread));
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
}
