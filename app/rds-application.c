/* rds-application.c: RDS Console, the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One instance per user. At startup it looks up the embedded simulator's
 * credentials in the keyring (making and storing them the first time),
 * starts the simulator on its own thread, and opens a session on it. The
 * window draws meanwhile and shows the pages once the session is there.
 */

#include "config.h"

#include "rds-application.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "rds-accessible-names.h"
#include "rds-aws-profile.h"
#include "rds-command-line-dialog.h"
#include "rds-connection-store.h"
#include "rds-connections-window.h"
#include "rds-preferences-window.h"
#include "rds-screenshooter.h"
#include "rds-secrets.h"
#include "rds-session.h"
#include "rds-simulator.h"
#include "rds-window.h"
#include "rds-word-wrap.h"

#define ACCESS_KEY_PREFIX "AKIDRDSCONSOLE"

struct _RdsApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  RdsSecrets     *secrets;
  RdsSimulator   *simulator;
  RdsSession     *session;
  GError         *start_error;
  GCancellable   *cancellable;

  char           *state_dir;
  RdsConnectionStore *connections;
  RdsConnection  *connection;    /* the one in use */
  char           *endpoint;      /* the command line's endpoint, for its start */
  char           *profile;       /* and the AWS profile its credentials come from */
  gboolean        clock_paused;
  gint64          clock_start;
  gboolean        starting;
  char           *screenshots_dir;  /* --screenshots */
  char           *screenshots_state; /* its simulator's, removed at the end */
  gboolean        screenshots_dark; /* --style dark */
  GStrv           screenshots_only;   /* --only */
  int             screenshots_width;  /* --size */
  int             screenshots_height;
  guint64         seed;             /* the simulator's, when not 0 */
  int             exit_status;
};

G_DEFINE_FINAL_TYPE (RdsApplication, rds_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_START_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry option_entries[] = {
  { "state-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Keep the embedded simulator's state in DIR"), N_("DIR") },
  { "paused", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start the simulator's clock paused"), NULL },
  { "endpoint", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Manage the RDS at URL (a running rds-simd, or any RDS-compatible endpoint) instead of the "
       "embedded simulator, with the credentials the AWS CLI would use"), N_("URL") },
  { "profile", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Take the credentials, Region and endpoint of this AWS CLI profile (~/.aws/config and "
       "~/.aws/credentials)"), N_("NAME") },
  { "screenshots", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Render the console's pages into DIR as PNG images, with an index, on a simulator of its "
       "own with the sample environment, then quit"), N_("DIR") },
  { "style", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --screenshots: the style of the images, light (the default) or dark"), N_("STYLE") },
  { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --screenshots: the language of the images, en or ko (the default: the desktop’s)"), N_("LANG") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --screenshots: the window’s size, before the scale (the default: 1280x820)"), N_("WIDTHxHEIGHT") },
  { "scale", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("With --screenshots: pixels per point, 1 (the default), 2 or 3"), N_("N") },
  { "only", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --screenshots: only these scenes, by name, separated by commas (the default: all)"),
    N_("NAMES") },
  { NULL }
};

/* Settings */

static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Without the schema (an uninstalled build run by hand) the console
   * still runs, and remembers nothing. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

/* Starting the backend: credentials, simulator, session */

static void
set_start_error (RdsApplication *self,
                 GError         *error)
{
  g_clear_error (&self->start_error);
  self->start_error = error;
  self->starting = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_ERROR]);
}

static char *
default_state_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "rds-console", "simulator", NULL);
}

static char *
random_text (const char *alphabet,
             guint       length)
{
  GString *text = g_string_sized_new (length);
  guint n = strlen (alphabet);

  for (guint i = 0; i < length; i++)
    g_string_append_c (text, alphabet[g_random_int_range (0, n)]);

  return g_string_free (text, FALSE);
}

static void
simulator_started_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(RdsApplication) self = user_data;
  RdsSimulator *simulator = RDS_SIMULATOR (object);
  GError *error = NULL;
  const char *access_key_id;
  const char *secret;

  if (!rds_simulator_start_finish (simulator, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_start_error (self, error);
      else
        g_error_free (error);
      return;
    }

  access_key_id = g_object_get_data (object, "access-key-id");
  secret = g_object_get_data (object, "secret-access-key");
  self->session = rds_session_new (rds_simulator_get_url (simulator), access_key_id, secret, TRUE);
  g_object_set_data (object, "secret-access-key", NULL);

  if (self->settings != NULL)
    {
      g_autofree char *region = g_settings_get_string (self->settings, "region");

      rds_session_set_region (self->session, region);
    }

  self->starting = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
wipe_secret (gpointer data)
{
  rds_secret_free (data);
}

static void
start_simulator (RdsApplication *self,
                 const char     *credentials)
{
  g_auto(GStrv) parts = g_strsplit (credentials, ":", 2);
  g_autofree char *state_dir = NULL;

  state_dir = self->state_dir != NULL ? g_strdup (self->state_dir) : default_state_dir ();
  g_clear_object (&self->simulator);
  self->simulator = rds_simulator_new (state_dir, parts[0], parts[1]);
  rds_simulator_set_paused (self->simulator, self->clock_paused);
  if (self->settings != NULL)
    rds_simulator_set_port (self->simulator, g_settings_get_uint (self->settings, "simulator-port"));
  if (self->clock_start > 0)
    rds_simulator_set_start_time (self->simulator, self->clock_start);
  if (self->seed != 0)
    rds_simulator_set_seed (self->simulator, self->seed);

  /* The session is made from these once the simulator listens; the copy
   * is wiped as soon as it is used. */
  g_object_set_data_full (G_OBJECT (self->simulator), "access-key-id", g_strdup (parts[0]), g_free);
  g_object_set_data_full (G_OBJECT (self->simulator), "secret-access-key", g_strdup (parts[1]),
                          wipe_secret);
  explicit_bzero (parts[1], strlen (parts[1]));

  rds_simulator_start_async (self->simulator, self->cancellable, simulator_started_cb,
                             g_object_ref (self));
}

typedef struct
{
  RdsApplication *self;
  char           *credentials;
} StoreData;

static void
credentials_stored_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  StoreData *data = user_data;
  g_autoptr(GError) error = NULL;

  /* Without a keyring the credentials live in memory: the session still
   * starts, and the window says so. */
  if (!rds_secrets_store_finish (RDS_SECRETS (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    goto out;

  start_simulator (data->self, data->credentials);

out:
  g_object_unref (data->self);
  rds_secret_free (data->credentials);
  g_free (data);
}

static void
credentials_looked_up_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(RdsApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *state_dir = NULL;
  StoreData *data;
  char *credentials;

  credentials = rds_secrets_lookup_finish (RDS_SECRETS (object), result, &error);
  if (error != NULL)
    return;   /* cancelled: the application is going away */

  if (credentials != NULL && strchr (credentials, ':') != NULL)
    {
      start_simulator (self, credentials);
      rds_secret_free (credentials);
      return;
    }
  rds_secret_free (credentials);

  /* First start: credentials of the same form as AWS's. */
  data = g_new0 (StoreData, 1);
  data->self = g_object_ref (self);
  {
    g_autofree char *key_id = random_text ("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 6);
    g_autofree char *secret = random_text ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 40);

    data->credentials = g_strconcat (ACCESS_KEY_PREFIX, key_id, ":", secret, NULL);
    explicit_bzero (secret, strlen (secret));
  }

  state_dir = self->state_dir != NULL ? g_strdup (self->state_dir) : default_state_dir ();
  rds_secrets_store_async (self->secrets, RDS_SECRET_SIMULATOR, state_dir,
                           _("RDS Console simulator credentials"), data->credentials,
                           self->cancellable, credentials_stored_cb, data);
}

/* Another endpoint: a connection, or what the command line gave */

typedef struct
{
  RdsApplication *self;
  RdsClient      *client;         /* asks whether the endpoint is a simulator */
  char           *endpoint;       /* NULL: AWS's own */
  char           *access_key_id;
  char           *secret;
  char           *token;
  char           *region;
} Probe;

static void
probe_free (Probe *probe)
{
  g_object_unref (probe->self);
  g_clear_object (&probe->client);
  g_free (probe->endpoint);
  g_free (probe->access_key_id);
  rds_secret_free (probe->secret);
  rds_secret_free (probe->token);
  g_free (probe->region);
  g_free (probe);
}

static void
session_ready (Probe    *probe,
               gboolean  simulator)
{
  RdsApplication *self = probe->self;

  self->session = rds_session_new (probe->endpoint, probe->access_key_id, probe->secret, simulator);
  if (probe->token != NULL)
    rds_client_set_session_token (rds_session_get_client (self->session), probe->token);
  if (probe->region != NULL)
    rds_session_set_region (self->session, probe->region);
  else if (self->settings != NULL)
    {
      g_autofree char *region = g_settings_get_string (self->settings, "region");

      rds_session_set_region (self->session, region);
    }

  self->starting = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* Whether the endpoint is a simulator decides the clock and the sample
 * environment: one that answers its control API is. */
static void
probed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Probe *probe = user_data;
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(GError) error = NULL;

  state = rds_client_control_finish (RDS_CLIENT (object), result, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    session_ready (probe, state != NULL);
  probe_free (probe);
}

/* Takes @probe. AWS's own endpoints are no simulator. */
static void
connect_with (Probe *probe)
{
  RdsApplication *self = probe->self;

  if (probe->endpoint == NULL)
    {
      session_ready (probe, FALSE);
      probe_free (probe);
      return;
    }

  probe->client = rds_client_new (probe->endpoint, "us-east-1", probe->access_key_id, probe->secret);
  /* A simulator answers at once; anything else needs no second try. */
  rds_client_set_retries (probe->client, 1, 0);
  if (probe->token != NULL)
    rds_client_set_session_token (probe->client, probe->token);
  rds_client_control_async (probe->client, "GET", "state", NULL, self->cancellable, probed_cb, probe);
}

static Probe *
probe_new (RdsApplication *self,
           const char     *endpoint,
           const char     *region)
{
  Probe *probe = g_new0 (Probe, 1);

  probe->self = g_object_ref (self);
  probe->endpoint = g_strdup (endpoint);
  probe->region = g_strdup (region);
  return probe;
}

/* A profile's files are read on a worker thread. */
static void
resolve_profile_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  GError *error = NULL;
  RdsAwsProfile *profile = rds_aws_profile_resolve (task_data, &error);

  if (profile == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, profile, (GDestroyNotify) rds_aws_profile_free);
}

static void
profile_resolved_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  RdsApplication *self = RDS_APPLICATION (object);
  g_autoptr(RdsAwsProfile) profile = NULL;
  GError *error = NULL;
  const char *endpoint;
  const char *region;
  Probe *probe;

  profile = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_error_free (error);
      return;
    }
  if (profile == NULL)
    {
      set_start_error (self, error);
      return;
    }

  /* The URL given (on the command line, or in the connection) wins over
   * the profile's; with neither, AWS's own endpoints. */
  endpoint = rds_connection_get_url (self->connection);
  if (endpoint == NULL)
    endpoint = profile->endpoint_url;
  region = rds_connection_get_region (self->connection);
  probe = probe_new (self, endpoint, region != NULL ? region : profile->region);
  probe->access_key_id = g_strdup (profile->access_key_id);
  probe->secret = g_strdup (profile->secret_access_key);
  probe->token = g_strdup (profile->session_token);
  connect_with (probe);
}

static void
connect_profile (RdsApplication *self,
                 const char     *name)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, profile_resolved_cb, NULL);

  g_task_set_source_tag (task, connect_profile);
  g_task_set_task_data (task, g_strdup (name), g_free);
  g_task_run_in_thread (task, resolve_profile_thread);
}

static void
connection_secret_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(RdsApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  char *secret;
  Probe *probe;

  secret = rds_secrets_lookup_finish (RDS_SECRETS (object), result, &error);
  if (error != NULL)
    return;   /* cancelled: another connection, or the application going away */
  if (secret == NULL)
    {
      set_start_error (self, g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                          _("The keyring has no secret access key for “%s”: edit the "
                                            "connection and enter it again."),
                                          rds_connection_get_name (self->connection)));
      return;
    }

  probe = probe_new (self, rds_connection_get_url (self->connection),
                     rds_connection_get_region (self->connection));
  probe->access_key_id = g_strdup (rds_connection_get_access_key_id (self->connection));
  probe->secret = secret;
  connect_with (probe);
}

/* What the command line says wins, for this start. */
static RdsConnection *
command_line_connection (RdsApplication *self)
{
  RdsConnection *connection;

  connection = rds_connection_new (self->profile != NULL ? RDS_CONNECTION_PROFILE : RDS_CONNECTION_ENDPOINT);
  rds_connection_set_name (connection, self->endpoint != NULL ? self->endpoint : self->profile);
  rds_connection_set_url (connection, self->endpoint);
  rds_connection_set_profile (connection, self->profile);
  return connection;
}

/**
 * rds_application_set_endpoint:
 * @url: (nullable): an RDS endpoint, or %NULL for the embedded simulator
 *
 * Before the backend starts: manage the RDS at @url with the credentials
 * of the environment, as the AWS CLI finds them.
 */
void
rds_application_set_endpoint (RdsApplication *self,
                              const char     *url)
{
  g_return_if_fail (RDS_IS_APPLICATION (self));

  g_free (self->endpoint);
  self->endpoint = g_strdup (url);
}

/**
 * rds_application_connect:
 * @id: a connection's id in rds_application_get_connections()
 *
 * Leaves the endpoint in use (stopping the embedded simulator, if it ran)
 * and connects to @id's, which the console remembers as the last one.
 * The "session" property turns %NULL, then the new session once there.
 */
void
rds_application_connect (RdsApplication *self,
                         const char     *id)
{
  RdsConnection *connection;
  GAction *action;

  g_return_if_fail (RDS_IS_APPLICATION (self));

  connection = rds_connection_store_lookup (rds_application_get_connections (self), id);
  g_return_if_fail (connection != NULL);

  /* The command line's endpoint was for its start only. */
  g_clear_pointer (&self->endpoint, g_free);
  g_clear_pointer (&self->profile, g_free);
  rds_connection_store_set_current_id (self->connections, id);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "connect");
  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (id));

  /* Whatever was under way for the last one stops. */
  g_cancellable_cancel (self->cancellable);
  g_object_unref (self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->starting = FALSE;
  g_clear_error (&self->start_error);
  if (self->session != NULL)
    {
      rds_session_stop_polling (self->session);
      g_clear_object (&self->session);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
    }
  if (self->simulator != NULL)
    {
      rds_simulator_stop (self->simulator);
      g_clear_object (&self->simulator);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_ERROR]);

  rds_application_start_backend (self);
}

/**
 * rds_application_get_connections:
 *
 * Returns: (transfer none): the connections the user can choose from
 */
RdsConnectionStore *
rds_application_get_connections (RdsApplication *self)
{
  g_return_val_if_fail (RDS_IS_APPLICATION (self), NULL);

  if (self->connections == NULL)
    self->connections = rds_connection_store_new (self->settings);
  return self->connections;
}

/**
 * rds_application_get_connection:
 *
 * Returns: (transfer none) (nullable): the connection in use (the command
 *   line's is none of rds_application_get_connections()), once the backend
 *   started
 */
RdsConnection *
rds_application_get_connection (RdsApplication *self)
{
  g_return_val_if_fail (RDS_IS_APPLICATION (self), NULL);

  return self->connection;
}

/**
 * rds_application_start_backend:
 *
 * Starts the embedded simulator and connects to it, or tries again after a
 * failure. The "session" property changes when it is ready; "start-error"
 * when it failed.
 */
void
rds_application_start_backend (RdsApplication *self)
{
  g_autofree char *state_dir = NULL;

  g_return_if_fail (RDS_IS_APPLICATION (self));

  if (self->starting || self->session != NULL)
    return;

  self->starting = TRUE;
  if (self->start_error != NULL)
    {
      g_clear_error (&self->start_error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_ERROR]);
    }

  if (self->secrets == NULL)
    self->secrets = rds_secrets_new ();

  g_clear_object (&self->connection);
  if (self->endpoint != NULL || self->profile != NULL)
    self->connection = command_line_connection (self);
  else
    {
      RdsConnectionStore *store = rds_application_get_connections (self);

      self->connection = g_object_ref (rds_connection_store_lookup (store,
                                                                    rds_connection_store_get_current_id (store)));
    }

  switch (rds_connection_get_kind (self->connection))
    {
    case RDS_CONNECTION_ENDPOINT:
      if (self->endpoint != NULL)
        {
          /* The command line's: with the credentials the AWS CLI would use. */
          connect_profile (self, NULL);
          return;
        }
      G_GNUC_FALLTHROUGH;
    case RDS_CONNECTION_ACCOUNT:
      rds_secrets_lookup_async (self->secrets, RDS_SECRET_CONNECTION, rds_connection_get_id (self->connection),
                                self->cancellable, connection_secret_cb, g_object_ref (self));
      return;
    case RDS_CONNECTION_PROFILE:
      connect_profile (self, rds_connection_get_profile (self->connection));
      return;
    case RDS_CONNECTION_EMBEDDED:
    default:
      break;
    }

  state_dir = self->state_dir != NULL ? g_strdup (self->state_dir) : default_state_dir ();
  rds_secrets_lookup_async (self->secrets, RDS_SECRET_SIMULATOR, state_dir, self->cancellable,
                            credentials_looked_up_cb, g_object_ref (self));
}

/* Actions */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RdsApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing each window saves its state. */
  for (GList *l = g_list_copy (windows); l != NULL; l = g_list_delete_link (l, l))
    gtk_window_close (l->data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RdsApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The RDS Console developers"), NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("RDS Console"));
  adw_about_window_set_application_icon (about, APPLICATION_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The RDS Console developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_comments (about,
                                 _("Manage Amazon RDS databases with a native desktop console, "
                                   "on a faithful simulator of the service out of the box."));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (about, "https://github.com/rdsconsole/rds-console");
  /* Translators: put your names here, one per line */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  gtk_window_set_transient_for (GTK_WINDOW (about), window);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RdsApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  RdsPreferencesWindow *preferences;

  if (self->settings == NULL)
    return;

  preferences = rds_preferences_window_new (self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), window);
  rds_accessible_name_controls (GTK_WIDGET (preferences));
  rds_word_wrap_all (GTK_WIDGET (preferences));
  gtk_window_present (GTK_WINDOW (preferences));
}

/* The embedded simulator's endpoint and credentials, for the AWS CLI. */
static void
command_line_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  RdsApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *state_dir = NULL;
  const char *access_key_id;
  GtkWidget *dialog;

  if (self->session == NULL || self->simulator == NULL)
    return;

  access_key_id = g_object_get_data (G_OBJECT (self->simulator), "access-key-id");
  state_dir = self->state_dir != NULL ? g_strdup (self->state_dir) : default_state_dir ();
  dialog = rds_command_line_dialog_new (window, rds_simulator_get_url (self->simulator),
                                        rds_session_get_region (self->session), access_key_id,
                                        self->secrets, state_dir);
  rds_accessible_name_controls (dialog);
  rds_word_wrap_all (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
connect_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  RdsApplication *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);

  if (rds_connection_store_lookup (rds_application_get_connections (self), id) == NULL)
    return;
  /* Choosing the one in use again does nothing (Try Again retries it). */
  if (self->endpoint == NULL && self->profile == NULL && self->connection != NULL &&
      g_str_equal (rds_connection_get_id (self->connection), id) && self->start_error == NULL)
    return;
  rds_application_connect (self, id);
}

/* The one in use, again: after it was edited, or to try once more. */
static void
reconnect_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  RdsApplication *self = user_data;

  rds_application_connect (self, rds_connection_store_get_current_id (rds_application_get_connections (self)));
}

static void
connections_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RdsApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  RdsConnectionsWindow *connections;

  connections = rds_connections_window_new (G_ACTION_GROUP (self), rds_application_get_connections (self),
                                            rds_application_get_secrets (self));
  gtk_window_set_transient_for (GTK_WINDOW (connections), window);
  rds_accessible_name_controls (GTK_WIDGET (connections));
  rds_word_wrap_all (GTK_WIDGET (connections));
  gtk_window_present (GTK_WINDOW (connections));
}

static const GActionEntry app_actions[] = {
  { "connect", connect_action, "s", "'embedded'" },
  { "reconnect", reconnect_action },
  { "connections", connections_action },
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "command-line", command_line_action },
};

/* The language, size and scale of --screenshots. The language is
 * gettext's (LANGUAGE) and, where the system has the locale, the dates'
 * and numbers' too; the scale is GDK's, set before the display opens. */
static gboolean
screenshot_options (RdsApplication *self,
                    GVariantDict   *options)
{
  const char *lang = NULL;
  const char *size = NULL;
  const char *only = NULL;
  int scale = 1;

  self->screenshots_width = 1280;
  self->screenshots_height = 820;

  if (g_variant_dict_lookup (options, "lang", "&s", &lang))
    {
      const char *locale;

      if (g_strcmp0 (lang, "en") != 0 && g_strcmp0 (lang, "ko") != 0)
        {
          /* Translators: %s is what was given after --lang */
          g_printerr (_("Unknown language “%s”: use en or ko"), lang);
          g_printerr ("\n");
          return FALSE;
        }
      locale = g_str_equal (lang, "ko") ? "ko_KR.UTF-8" : "en_US.UTF-8";
      g_setenv ("LANGUAGE", lang, TRUE);
      /* Fontconfig picks its fonts for the language of the environment. */
      g_setenv ("FC_LANG", lang, TRUE);
      /* gettext reads LANGUAGE except in the C locale; setlocale () also
       * drops what it had looked up. English without en_US is C.UTF-8's
       * dates and numbers; Korean without ko_KR only the translations. */
      if (setlocale (LC_ALL, locale) == NULL &&
          (g_str_equal (lang, "ko") || setlocale (LC_ALL, "C.UTF-8") == NULL))
        {
          const char *messages = setlocale (LC_MESSAGES, NULL);

          if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
            setlocale (LC_MESSAGES, "C.UTF-8");
          else
            setlocale (LC_MESSAGES, messages);
        }
    }

  if (g_variant_dict_lookup (options, "size", "&s", &size))
    {
      guint64 width = 0, height = 0;
      g_auto(GStrv) parts = g_strsplit (size, "x", 3);

      if (g_strv_length (parts) != 2 ||
          !g_ascii_string_to_unsigned (parts[0], 10, 640, 7680, &width, NULL) ||
          !g_ascii_string_to_unsigned (parts[1], 10, 480, 4320, &height, NULL))
        {
          /* Translators: %s is what was given after --size */
          g_printerr (_("Unknown size “%s”: give WIDTHxHEIGHT in pixels, such as 1280x820, "
                        "from 640x480 to 7680x4320"), size);
          g_printerr ("\n");
          return FALSE;
        }
      self->screenshots_width = (int) width;
      self->screenshots_height = (int) height;
    }

  if (g_variant_dict_lookup (options, "only", "&s", &only))
    {
      g_auto(GStrv) names = g_strsplit (only, ",", -1);

      for (guint i = 0; names[i] != NULL; i++)
        if (rds_screenshooter_find_scene (g_strstrip (names[i])) == NULL)
          {
            /* Translators: %s is a name given after --only */
            g_printerr (_("No scene is called “%s”: the index of a full run lists their names"), names[i]);
            g_printerr ("\n");
            return FALSE;
          }
      g_strfreev (self->screenshots_only);
      self->screenshots_only = g_steal_pointer (&names);
    }

  if (g_variant_dict_lookup (options, "scale", "i", &scale))
    {
      g_autofree char *value = NULL;

      if (scale < 1 || scale > 3)
        {
          /* Translators: %d is what was given after --scale */
          g_printerr (_("Unknown scale %d: use 1, 2 or 3"), scale);
          g_printerr ("\n");
          return FALSE;
        }
      value = g_strdup_printf ("%d", scale);
      g_setenv ("GDK_SCALE", value, TRUE);
    }
  return TRUE;
}

/* GApplication */

static int
rds_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  RdsApplication *self = RDS_APPLICATION (application);
  g_autofree char *state_dir = NULL;

  if (g_variant_dict_lookup (options, "state-dir", "^ay", &state_dir))
    rds_application_set_state_dir (self, state_dir);
  if (g_variant_dict_contains (options, "paused"))
    self->clock_paused = TRUE;
  {
    const char *endpoint = NULL;
    const char *profile = NULL;

    if (g_variant_dict_lookup (options, "profile", "&s", &profile))
      {
        g_free (self->profile);
        self->profile = g_strdup (profile);
      }
    if (g_variant_dict_lookup (options, "endpoint", "&s", &endpoint))
      rds_application_set_endpoint (self, endpoint);
  }

  /* Screenshots: the same scene at every run, whatever the user's own
   * console holds or is doing. A simulator of its own (a new state, its
   * clock paused at a fixed time, a fixed seed), secrets in memory,
   * settings in memory, and an instance of its own. */
  {
    const char *style = NULL;

    if (g_variant_dict_lookup (options, "style", "&s", &style))
      {
        if (g_strcmp0 (style, "dark") != 0 && g_strcmp0 (style, "light") != 0)
          {
            /* Translators: %s is what was given after --style */
            g_printerr (_("Unknown style “%s”: use light or dark"), style);
            g_printerr ("\n");
            return 1;
          }
        self->screenshots_dark = g_str_equal (style, "dark");
      }
  }
  if (!g_variant_dict_contains (options, "screenshots"))
    {
      const char *only[] = { "style", "lang", "size", "scale", "only" };

      for (guint i = 0; i < G_N_ELEMENTS (only); i++)
        if (g_variant_dict_contains (options, only[i]))
          {
            /* Translators: %s is an option, such as --lang */
            g_printerr (_("--%s goes with --screenshots"), only[i]);
            g_printerr ("\n");
            return 1;
          }
    }
  if (!screenshot_options (self, options))
    return 1;
  if (g_variant_dict_lookup (options, "screenshots", "^ay", &self->screenshots_dir))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("rds-screenshots-XXXXXX", &error);
      g_autoptr(RdsSecrets) secrets = rds_secrets_new_in_memory ();

      if (dir == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
      rds_application_set_state_dir (self, dir);
      self->screenshots_state = g_steal_pointer (&dir);
      rds_application_set_secrets (self, secrets);
      self->clock_paused = TRUE;
      /* 2026-01-05 00:00 UTC */
      self->clock_start = G_GINT64_CONSTANT (1767571200000000);
      self->seed = 20260105;
      g_clear_pointer (&self->endpoint, g_free);
      g_clear_pointer (&self->profile, g_free);
    }

  return -1;
}

static void
rds_application_startup (GApplication *application)
{
  RdsApplication *self = RDS_APPLICATION (application);
  const char *quit_accels[] = { "<Primary>q", NULL };
  const char *preferences_accels[] = { "<Primary>comma", NULL };
  const char *shortcuts_accels[] = { "<Primary>question", NULL };

  G_APPLICATION_CLASS (rds_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         shortcuts_accels);

  self->settings = settings_new ();
  if (self->screenshots_dir != NULL)
    {
      /* No animation caught half-way, no caret blinking, and the style
       * asked for rather than the desktop's. */
      g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, "gtk-cursor-blink", FALSE,
                    NULL);
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          self->screenshots_dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                                 : ADW_COLOR_SCHEME_FORCE_LIGHT);
      /* The screenshooter makes the sample environment itself. */
      if (self->settings != NULL)
        g_settings_set_boolean (self->settings, "sample-offer-answered", TRUE);
    }
  /* The state of app.connect is the connection in use. */
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "connect")),
                             g_variant_new_string (rds_connection_store_get_current_id (rds_application_get_connections (self))));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "preferences")),
                               self->settings != NULL);

  rds_application_start_backend (self);
}

static void
screenshots_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RdsApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rds_screenshooter_run_finish (RDS_SCREENSHOOTER (object), result, &error))
    {
      g_printerr ("%s\n", error->message);
      self->exit_status = 1;
    }
  g_application_release (G_APPLICATION (self));
  g_application_quit (G_APPLICATION (self));
}

static void
rds_application_activate (GApplication *application)
{
  RdsApplication *self = RDS_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (rds_window_new (self));
      if (self->screenshots_dir != NULL)
        gtk_window_set_default_size (window, self->screenshots_width, self->screenshots_height);
    }

  gtk_window_present (window);

  if (self->screenshots_dir != NULL && g_object_get_data (G_OBJECT (window), "screenshooter") == NULL)
    {
      RdsScreenshooter *screenshooter = rds_screenshooter_new (RDS_WINDOW (window), self->screenshots_dir);

      rds_screenshooter_set_only (screenshooter, (const char * const *) self->screenshots_only);

      rds_window_set_quiet (RDS_WINDOW (window), TRUE);
      g_object_set_data_full (G_OBJECT (window), "screenshooter", screenshooter, g_object_unref);
      /* Held until the screenshots are done. */
      g_application_hold (application);
      rds_screenshooter_run_async (screenshooter, self->cancellable, screenshots_done_cb, g_object_ref (self));
    }
}

/* A folder and what it holds (the screenshots' throwaway simulator state:
 * a few small files, once, as the command ends). */
static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                   NULL, NULL);
  GFile *child;

  while (children != NULL && g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
    remove_tree (child);
  g_file_delete (file, NULL, NULL);
}

static void
rds_application_shutdown (GApplication *application)
{
  RdsApplication *self = RDS_APPLICATION (application);

  g_cancellable_cancel (self->cancellable);
  if (self->session != NULL)
    rds_session_stop_polling (self->session);
  g_clear_object (&self->session);
  if (self->simulator != NULL)
    rds_simulator_stop (self->simulator);
  if (self->screenshots_state != NULL)
    {
      g_autoptr(GFile) state = g_file_new_for_path (self->screenshots_state);

      remove_tree (state);
    }

  G_APPLICATION_CLASS (rds_application_parent_class)->shutdown (application);
}

/* GObject */

static void
rds_application_dispose (GObject *object)
{
  RdsApplication *self = RDS_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->session);
  if (self->simulator != NULL)
    rds_simulator_stop (self->simulator);
  g_clear_object (&self->simulator);
  g_clear_object (&self->secrets);
  g_clear_object (&self->connection);
  g_clear_object (&self->connections);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rds_application_parent_class)->dispose (object);
}

static void
rds_application_finalize (GObject *object)
{
  RdsApplication *self = RDS_APPLICATION (object);

  g_clear_object (&self->cancellable);
  g_clear_error (&self->start_error);
  g_free (self->state_dir);
  g_free (self->endpoint);
  g_free (self->profile);
  g_free (self->screenshots_dir);
  g_strfreev (self->screenshots_only);
  g_free (self->screenshots_state);

  G_OBJECT_CLASS (rds_application_parent_class)->finalize (object);
}

static void
rds_application_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RdsApplication *self = RDS_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_START_ERROR:
      g_value_set_boxed (value, self->start_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_application_class_init (RdsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = rds_application_dispose;
  object_class->finalize = rds_application_finalize;
  object_class->get_property = rds_application_get_property;

  app_class->handle_local_options = rds_application_handle_local_options;
  app_class->startup = rds_application_startup;
  app_class->activate = rds_application_activate;
  app_class->shutdown = rds_application_shutdown;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RDS_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_START_ERROR] =
    g_param_spec_boxed ("start-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rds_application_init (RdsApplication *self)
{
  self->cancellable = g_cancellable_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

RdsApplication *
rds_application_new (void)
{
  return g_object_new (RDS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/**
 * rds_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings, %NULL when the schema is
 *   not installed
 */
GSettings *
rds_application_get_settings (RdsApplication *self)
{
  g_return_val_if_fail (RDS_IS_APPLICATION (self), NULL);

  return self->settings;
}

RdsSecrets *
rds_application_get_secrets (RdsApplication *self)
{
  g_return_val_if_fail (RDS_IS_APPLICATION (self), NULL);

  if (self->secrets == NULL)
    self->secrets = rds_secrets_new ();
  return self->secrets;
}

/**
 * rds_application_get_session:
 *
 * Returns: (transfer none) (nullable): the session, once the backend started
 */
RdsSession *
rds_application_get_session (RdsApplication *self)
{
  g_return_val_if_fail (RDS_IS_APPLICATION (self), NULL);

  return self->session;
}

const GError *
rds_application_get_start_error (RdsApplication *self)
{
  g_return_val_if_fail (RDS_IS_APPLICATION (self), NULL);

  return self->start_error;
}

/**
 * rds_application_get_simulator_warning:
 *
 * Returns: (nullable): what the embedded simulator found wrong with its
 *   saved state (kept aside) when it started
 */
const char *
rds_application_get_simulator_warning (RdsApplication *self)
{
  g_return_val_if_fail (RDS_IS_APPLICATION (self), NULL);

  return self->simulator != NULL ? rds_simulator_get_warning (self->simulator) : NULL;
}

/**
 * rds_application_get_simulator_url:
 *
 * Returns: (nullable): the embedded simulator's URL, while it runs
 */
const char *
rds_application_get_simulator_url (RdsApplication *self)
{
  g_return_val_if_fail (RDS_IS_APPLICATION (self), NULL);

  return self->simulator != NULL ? rds_simulator_get_url (self->simulator) : NULL;
}

/* What main () returns when g_application_run () returned 0: 1 when
 * --screenshots failed. */
int
rds_application_get_exit_status (RdsApplication *self)
{
  g_return_val_if_fail (RDS_IS_APPLICATION (self), 1);

  return self->exit_status;
}

/* Before startup: where the embedded simulator keeps its state. */
void
rds_application_set_state_dir (RdsApplication *self,
                               const char     *state_dir)
{
  g_return_if_fail (RDS_IS_APPLICATION (self));

  g_free (self->state_dir);
  self->state_dir = g_strdup (state_dir);
}

/* Before startup: a simulator whose clock only moves when told (tests). */
void
rds_application_set_clock_paused (RdsApplication *self,
                                  gboolean        paused)
{
  g_return_if_fail (RDS_IS_APPLICATION (self));

  self->clock_paused = paused;
}

/* Before startup: when a new simulator's clock starts (tests). */
void
rds_application_set_clock_start (RdsApplication *self,
                                 gint64          usec)
{
  g_return_if_fail (RDS_IS_APPLICATION (self));

  self->clock_start = usec;
}

/* Before startup: the seed of the simulator's random choices (tests fix
 * it, so a failure comes back when run again); 0 draws one. */
void
rds_application_set_seed (RdsApplication *self,
                          guint64         seed)
{
  g_return_if_fail (RDS_IS_APPLICATION (self));

  self->seed = seed;
}

/* Before startup: where secrets go (tests use an in-memory store). */
void
rds_application_set_secrets (RdsApplication *self,
                             RdsSecrets     *secrets)
{
  g_return_if_fail (RDS_IS_APPLICATION (self));
  g_return_if_fail (RDS_IS_SECRETS (secrets));

  g_set_object (&self->secrets, secrets);
}
