/* console-test.c: what the console's UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "console-test.h"

/* A desktop notification server on the private session bus, which records
 * what the console sends. */
static GPtrArray *notifications;

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "  </interface>"
  "</node>";

static void
notifications_method_cb (GDBusConnection       *connection,
                         const char            *sender,
                         const char            *path,
                         const char            *interface,
                         const char            *method,
                         GVariant              *parameters,
                         GDBusMethodInvocation *invocation,
                         gpointer               user_data)
{
  if (g_str_equal (method, "Notify"))
    {
      const char *summary;

      g_variant_get_child (parameters, 3, "&s", &summary);
      g_ptr_array_add (notifications, g_strdup (summary));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", notifications->len));
    }
  else if (g_str_equal (method, "GetCapabilities"))
    {
      const char *caps[] = { "body", "actions", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", "test", "rds", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
serve_notifications (void)
{
  static const GDBusInterfaceVTable vtable = { notifications_method_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  guint owner;

  g_assert_nonnull (bus);
  notifications = g_ptr_array_new_with_free_func (g_free);
  g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications", info->interfaces[0],
                                     &vtable, NULL, NULL, NULL);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.Notifications", 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  g_assert_nonnull (reply);
  /* 1: the primary owner. Two test processes on one bus would share it. */
  g_variant_get (reply, "(u)", &owner);
  g_assert_cmpuint (owner, ==, 1);
}

/* Spinning the main loop, never sleeping */

/* The simulators' seed: fixed, so that a run gives the same durations,
 * zones and windows as the last; RDS_TEST_SEED tries another. */
static guint64
test_seed (void)
{
  const char *text = g_getenv ("RDS_TEST_SEED");
  guint64 seed = text != NULL ? g_ascii_strtoull (text, NULL, 10) : 0;

  if (seed == 0)
    seed = 20260105;
  g_test_message ("simulator seed %" G_GUINT64_FORMAT, seed);
  return seed;
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
spin_until_ms (Fixture       *f,
               Condition      condition,
               gconstpointer  data,
               guint          ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * 1000;
  guint wake = g_timeout_add (10, wake_cb, NULL);
  gboolean done;

  while (!(done = condition (f, data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);

  return done;
}

gboolean
spin_until (Fixture       *f,
            Condition      condition,
            gconstpointer  data)
{
  return spin_until_ms (f, condition, data, 30000);
}

gboolean
flag_set (Fixture       *f,
          gconstpointer  data)
{
  return *(const gboolean *) data;
}

/* Two frames painted: what a screenshot or a user would see. */
static void
paint_cb (GdkFrameClock *clock,
          guint         *frames)
{
  (*frames)++;
}

static gboolean
two_frames (Fixture       *f,
            gconstpointer  data)
{
  return *(const guint *) data >= 2;
}

static gboolean
mapped (Fixture       *f,
        gconstpointer  data)
{
  return gtk_widget_get_mapped ((GtkWidget *) data);
}

void
wait_for_frames (Fixture   *f,
                 GtkWidget *widget)
{
  GdkFrameClock *clock;
  guint frames = 0;
  gulong id;

  g_assert_true (spin_until (f, mapped, widget));
  clock = gtk_widget_get_frame_clock (widget);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (paint_cb), &frames);
  gtk_widget_queue_draw (widget);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  if (!spin_until_ms (f, two_frames, &frames, 3000))
    g_test_message ("%s painted %u frames only", G_OBJECT_TYPE_NAME (widget), frames);
  g_signal_handler_disconnect (clock, id);
}

/* A PNG of @window, as it is on screen, the way `rds-console
 * --screenshots` makes them. */
void
screenshot (Fixture    *f,
            GtkWidget  *window,
            const char *name)
{
  const char *dir = g_getenv ("RDS_SCREENSHOT_DIR");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  wait_for_frames (f, window);
  if (dir == NULL)
    return;

  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  /* A redraw asked since the last frame (an answer came in; frames are
   * slow in a sanitized build): shot after the next frames. */
  for (guint tries = 0; !rds_screenshooter_save_png (window, path, &error); tries++)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY) && tries < 10)
        {
          g_clear_error (&error);
          wait_for_frames (f, window);
          continue;
        }
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_assert_no_error (error);
      g_test_message ("no screenshot %s: %s", name, error->message);
      break;
    }
}

/* The application */

static gboolean
has_session (Fixture       *f,
             gconstpointer  data)
{
  return rds_window_get_session (f->window) != NULL;
}

static gboolean
lists_loaded (Fixture       *f,
              gconstpointer  data)
{
  return rds_resource_list_get_loaded (rds_session_get_instances (f->session)) &&
         rds_resource_list_get_loaded (rds_session_get_snapshots (f->session)) &&
         rds_resource_list_get_loaded (rds_session_get_events (f->session));
}

/* moto's server (python3 -m moto.server), when this machine's python3 has
 * moto: the console is pointed at it, as at any RDS-compatible endpoint. */
static void
start_moto (Fixture *f)
{
  g_autoptr(GSocketListener) probe = g_socket_listener_new ();
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *port_text = NULL;
  g_autofree char *url = NULL;
  int status = -1;
  guint16 port;
  gint64 deadline;

  if (!g_spawn_command_line_sync ("python3 -c 'import moto.server'", NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return;

  port = g_socket_listener_add_any_inet_port (probe, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (probe);
  port_text = g_strdup_printf ("%u", port);
  f->moto = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              "python3", "-m", "moto.server", "-p", port_text, NULL);
  g_assert_no_error (error);

  /* Up once it takes connections: a process starting, not simulated time. */
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  for (;;)
    {
      g_autoptr(GSocketConnection) connection = g_socket_client_connect_to_host (client, "127.0.0.1", port,
                                                                                 NULL, NULL);

      if (connection != NULL)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (50000);
    }

  url = g_strdup_printf ("http://127.0.0.1:%u", port);
  g_setenv ("AWS_ACCESS_KEY_ID", "testing", TRUE);
  g_setenv ("AWS_SECRET_ACCESS_KEY", "testing", TRUE);
  rds_application_set_endpoint (f->app, url);
}

static void
external_started_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rds_simulator_start_finish (RDS_SIMULATOR (object), result, &error));
  *(gboolean *) user_data = TRUE;
}

void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  const TestCase *test = data;

  /* The memory backend is shared by the process: start from the defaults. */
  g_settings_reset (settings, "last-page");
  g_settings_reset (settings, "region");
  g_settings_reset (settings, "connections");
  g_settings_reset (settings, "connection");
  g_settings_reset (settings, "info-panel-open");
  g_settings_reset (settings, "info-topic");
  g_settings_set_boolean (settings, "sample-offer-answered", !test->offer_sample);

  f->dir = g_dir_make_tmp ("rds-console-XXXXXX", NULL);
  f->app = rds_application_new ();
  g_application_set_flags (G_APPLICATION (f->app), G_APPLICATION_NON_UNIQUE);
  rds_application_set_state_dir (f->app, f->dir);
  rds_application_set_clock_paused (f->app, TRUE);
  rds_application_set_clock_start (f->app, START_TIME);
  rds_application_set_seed (f->app, test_seed ());
  if (test->damaged_state)
    {
      g_autofree char *state = g_build_filename (f->dir, "state.json", NULL);

      g_assert_true (g_file_set_contents (state, "{\"format\":\"rds-simulator-state\",\"ver", -1, NULL));
    }
  if (test->no_keyring)
    {
      g_autoptr(RdsSecrets) secrets = rds_secrets_new_in_memory ();

      rds_application_set_secrets (f->app, secrets);
    }
  if (test->moto)
    start_moto (f);
  if (test->external || test->simd_running)
    {
      gboolean started = FALSE;

      /* As a user runs rds-simd and points the console at it. */
      f->external_dir = g_dir_make_tmp ("rds-external-XXXXXX", NULL);
      f->external = rds_simulator_new (f->external_dir, "AKIDEXTERNAL", "external-secret");
      rds_simulator_set_paused (f->external, TRUE);
      rds_simulator_set_start_time (f->external, START_TIME);
      rds_simulator_set_seed (f->external, test_seed ());
      rds_simulator_start_async (f->external, NULL, external_started_cb, &started);
      while (!started)
        g_main_context_iteration (NULL, TRUE);
    }
  if (test->external)
    {
      g_setenv ("AWS_ACCESS_KEY_ID", "AKIDEXTERNAL", TRUE);
      g_setenv ("AWS_SECRET_ACCESS_KEY", "external-secret", TRUE);
      rds_application_set_endpoint (f->app, rds_simulator_get_url (f->external));
    }
}

static gboolean
no_windows (Fixture       *f,
            gconstpointer  data)
{
  return g_list_model_get_n_items (gtk_window_get_toplevels ()) == 0;
}

static gboolean
run_body_cb (gpointer data)
{
  Run *run = data;
  Fixture *f = run->f;
  GListModel *toplevels = gtk_window_get_toplevels ();

  f->window = RDS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (f->app)));
  g_assert_nonnull (f->window);
  g_assert_true (spin_until (f, has_session, NULL));
  f->session = rds_window_get_session (f->window);
  g_assert_true (spin_until (f, lists_loaded, NULL));

  run->body (f);

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  g_assert_true (spin_until (f, no_windows, NULL));
  g_application_quit (G_APPLICATION (f->app));

  return G_SOURCE_REMOVE;
}

static void
activated_cb (GApplication *app,
              Run          *run)
{
  g_idle_add_once ((GSourceOnceFunc) run_body_cb, run);
}

/* Runs @body in the real application, from its first activation to quit. */
static void
run_app (Fixture  *f,
         TestBody  body)
{
  Run run = { f, body };
  gulong id = g_signal_connect_after (f->app, "activate", G_CALLBACK (activated_cb), &run);

  g_assert_cmpint (g_application_run (G_APPLICATION (f->app), 0, NULL), ==, 0);
  g_signal_handler_disconnect (f->app, id);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->app);
  remove_tree (f->dir);
  g_free (f->dir);
  if (f->moto != NULL)
    {
      g_subprocess_force_exit (f->moto);
      g_subprocess_wait (f->moto, NULL, NULL);
      g_clear_object (&f->moto);
      g_unsetenv ("AWS_ACCESS_KEY_ID");
      g_unsetenv ("AWS_SECRET_ACCESS_KEY");
    }
  if (f->external != NULL)
    {
      rds_simulator_stop (f->external);
      g_clear_object (&f->external);
      remove_tree (f->external_dir);
      g_free (f->external_dir);
      g_unsetenv ("AWS_ACCESS_KEY_ID");
      g_unsetenv ("AWS_SECRET_ACCESS_KEY");
    }
}

gboolean
on_page (Fixture       *f,
         gconstpointer  data)
{
  return g_strcmp0 (rds_window_get_page (f->window), data) == 0;
}

/* The simulator */

static void
control_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rds_session_control_finish (RDS_SESSION (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
refreshed_cb (RdsResourceList *list,
              const GError    *error,
              guint           *count)
{
  (*count)++;
}

static gboolean
counted (Fixture       *f,
         gconstpointer  data)
{
  return *(const guint *) data > 0;
}

/* Moves the simulator's clock, and waits until the lists show the result. */
void
advance (Fixture *f,
         int      seconds)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  RdsResourceList *instances = rds_session_get_instances (f->session);
  RdsResourceList *snapshots = rds_session_get_snapshots (f->session);
  RdsResourceList *events = rds_session_get_events (f->session);
  guint instances_refreshed = 0, snapshots_refreshed = 0, events_refreshed = 0;
  gboolean done = FALSE;
  gulong a, b, c;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seconds");
  json_builder_add_int_value (builder, seconds);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  rds_session_control_async (f->session, "clock/advance", body, NULL, control_cb, &done);
  g_assert_true (spin_until (f, flag_set, &done));

  /* A refresh that began before the answer may show the old state: wait for
   * one that begins after it. */
  a = g_signal_connect (instances, "refreshed", G_CALLBACK (refreshed_cb), &instances_refreshed);
  b = g_signal_connect (snapshots, "refreshed", G_CALLBACK (refreshed_cb), &snapshots_refreshed);
  c = g_signal_connect (events, "refreshed", G_CALLBACK (refreshed_cb), &events_refreshed);
  g_assert_true (spin_until (f, counted, &instances_refreshed));
  instances_refreshed = snapshots_refreshed = events_refreshed = 0;
  rds_session_refresh (f->session);
  g_assert_true (spin_until (f, counted, &instances_refreshed));
  g_assert_true (spin_until (f, counted, &snapshots_refreshed));
  g_assert_true (spin_until (f, counted, &events_refreshed));
  g_signal_handler_disconnect (instances, a);
  g_signal_handler_disconnect (snapshots, b);
  g_signal_handler_disconnect (events, c);
}

RdsDbInstance *
find_instance (Fixture    *f,
               const char *identifier)
{
  return rds_resource_list_find (rds_session_get_instances (f->session), identifier);
}

gboolean
has_status (Fixture       *f,
            gconstpointer  data)
{
  const Expected *expected = data;
  RdsDbInstance *instance = find_instance (f, expected->identifier);

  if (expected->status == NULL)
    return instance == NULL;
  return instance != NULL &&
         g_strcmp0 (rds_db_instance_get_status (instance), expected->status) == 0;
}

void
wait_for_status (Fixture    *f,
                 const char *identifier,
                 const char *status)
{
  Expected expected = { identifier, status };

  if (!spin_until (f, has_status, &expected))
    {
      RdsDbInstance *instance = find_instance (f, identifier);

      g_error ("%s is %s, not %s", identifier,
               instance != NULL ? rds_db_instance_get_status (instance) : "gone",
               status != NULL ? status : "gone");
    }
}

/* Advances the clock a minute at a time until @identifier is @status. */
void
advance_until (Fixture    *f,
               const char *identifier,
               const char *status)
{
  Expected expected = { identifier, status };

  for (guint minutes = 0; minutes < 24 * 60 && !has_status (f, &expected); minutes += 5)
    advance (f, 300);
  wait_for_status (f, identifier, status);
}

/* The create wizard */

RdsCreateDatabaseWizard *
open_create_wizard (Fixture *f)
{
  GtkWidget *wizard;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.create-database", NULL));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "create-database");
  wizard = rds_window_get_page_widget (f->window, "create-database");
  g_assert_true (RDS_IS_CREATE_DATABASE_WIZARD (wizard));

  return RDS_CREATE_DATABASE_WIZARD (wizard);
}

GtkWidget *
form_widget (RdsDatabaseForm *form,
             const char      *name)
{
  GtkWidget *widget = rds_database_form_get_widget (form, name);

  g_assert_nonnull (widget);
  return widget;
}

const char *
field_error (RdsDatabaseForm *form,
             const char      *field)
{
  return rds_form_field_get_error (RDS_FORM_FIELD (form_widget (form, field)));
}

void
type_into (RdsDatabaseForm *form,
           const char      *entry,
           const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (form_widget (form, entry)), text);
}

gboolean
form_ready (Fixture       *f,
            gconstpointer  data)
{
  return rds_database_form_get_waiting_for ((RdsDatabaseForm *) data) == NULL;
}

void
select_dropdown_item (GtkWidget  *dropdown,
                      const char *text)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (strstr (gtk_string_object_get_string (item), text) != NULL)
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
          return;
        }
    }
  g_error ("no item “%s” in the dropdown", text);
}

GtkWidget *
find_widget (GtkWidget     *root,
             WidgetMatch    match,
             gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

RdsShape *
find_snapshot (Fixture    *f,
               const char *identifier)
{
  return rds_resource_list_find (rds_session_get_snapshots (f->session), identifier);
}

gboolean
snapshot_available (Fixture       *f,
                    gconstpointer  data)
{
  RdsShape *snapshot = find_snapshot (f, data);

  return snapshot != NULL && g_strcmp0 (rds_shape_get_string (snapshot, "status"), "available") == 0;
}

gboolean
notified (Fixture       *f,
          gconstpointer  data)
{
  for (guint i = 0; i < notifications->len; i++)
    if (g_str_equal (g_ptr_array_index (notifications, i), data))
      return TRUE;
  return FALSE;
}

typedef struct
{
  gboolean        done;
  RdsQueryResult *answer;
  GError         *error;      /* kept, for try_call (); else it must be NULL */
  gboolean        tolerant;
} Call;

static void
call_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Call *call = user_data;
  g_autoptr(GError) error = NULL;

  call->answer = rds_session_call_finish (RDS_SESSION (object), result, &error);
  if (call->tolerant)
    call->error = g_steal_pointer (&error);
  g_assert_no_error (error);
  call->done = TRUE;
}

/* Like call (), for a request the service may refuse: FALSE and @error then. */
gboolean
try_call (Fixture     *f,
          RdsRequest  *request,
          GError     **error)
{
  Call call = { FALSE, NULL, NULL, TRUE };

  rds_session_call_async (f->session, request, NULL, call_cb, &call);
  g_assert_true (spin_until (f, flag_set, &call.done));
  rds_query_result_free (call.answer);
  if (call.error != NULL)
    {
      g_propagate_error (error, call.error);
      return FALSE;
    }
  return TRUE;
}

/* Through the API (the session's, so the lists refresh after it), for what
 * a case only needs as a starting point, or what it checks against. */
RdsQueryResult *
call_for_answer (Fixture    *f,
                 RdsRequest *request)
{
  Call call = { FALSE, NULL, NULL, FALSE };

  rds_session_call_async (f->session, request, NULL, call_cb, &call);
  g_assert_true (spin_until (f, flag_set, &call.done));
  return call.answer;
}

void
call (Fixture    *f,
      RdsRequest *request)
{
  rds_query_result_free (call_for_answer (f, request));
}

gboolean
is_named (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

/* The widget of @name (gtk_widget_set_name) under @root: there must be one. */
GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  GtkWidget *widget = find_widget (root, is_named, name);

  if (widget == NULL)
    g_error ("no widget named “%s”", name);
  return widget;
}

RdsDbInstance *
create_instance (Fixture    *f,
                 const char *identifier,
                 const char *engine,
                 gboolean    multi_az)
{
  g_autoptr(RdsRequest) request = rds_request_new ("CreateDBInstance");

  rds_request_set (request, "DBInstanceIdentifier", identifier);
  rds_request_set (request, "Engine", engine);
  rds_request_set (request, "DBInstanceClass", "db.t3.micro");
  rds_request_set_int (request, "AllocatedStorage", 20);
  rds_request_set (request, "MasterUsername", "admin");
  rds_request_set (request, "MasterUserPassword", "correct-horse-battery");
  rds_request_set_boolean (request, "MultiAZ", multi_az);
  call (f, request);
  wait_for_status (f, identifier, "creating");
  return find_instance (f, identifier);
}

AdwMessageDialog *
message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

gboolean
has_message_dialog (Fixture       *f,
                    gconstpointer  data)
{
  return message_dialog () != NULL;
}

gboolean
instances_shown (Fixture       *f,
                 gconstpointer  data)
{
  RdsDatabasesPage *page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));

  GtkSingleSelection *selection = rds_databases_page_get_selection (page);

  /* Rows past the slots in use are hidden. */
  return rds_slot_model_get_occupied (RDS_SLOT_MODEL (gtk_single_selection_get_model (selection))) ==
         GPOINTER_TO_UINT (data) &&
         rds_resource_list_get_loaded (rds_session_get_instances (f->session));
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  *(char **) user_data = rds_secrets_lookup_finish (RDS_SECRETS (object), result, &error);
  g_assert_no_error (error);
  if (*(char **) user_data == NULL)
    *(char **) user_data = g_strdup ("");
}

static gboolean
pointer_set (Fixture       *f,
             gconstpointer  data)
{
  return *(char * const *) data != NULL;
}

char *
keyring_password (Fixture    *f,
                  const char *key)
{
  char *secret = NULL;

  rds_secrets_lookup_async (rds_application_get_secrets (f->app), RDS_SECRET_MASTER_PASSWORD, key,
                            NULL, lookup_cb, &secret);
  g_assert_true (spin_until (f, pointer_set, &secret));
  return secret;
}

void
run_test (Fixture       *f,
          gconstpointer  data)
{
  const TestCase *test = data;

  run_app (f, test->body);
}

/* Two warnings that are not failures of the console: libsoup's server (the
 * embedded simulator runs in this process) warns when a client closes a
 * connection it just opened, as the console does when it cancels a refresh
 * it no longer needs; and GTK warns about the focus events an X server
 * without a window manager sends. */
static gboolean
benign (const char *message)
{
  return message != NULL && strstr (message, "could not get remote address") != NULL;
}

static gboolean
fatal_log_cb (const char     *domain,
              GLogLevelFlags  level,
              const char     *message,
              gpointer        user_data)
{
  return !benign (message);
}

static GLogWriterOutput
log_writer_cb (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 && benign (fields[i].value))
      return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (level, fields, n_fields, user_data);
}

static gboolean
is_focusable_label (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_focusable (widget);
}

/* No label under @root takes the keyboard focus: the focus goes from
 * control to control, never into a title or a value (a caret in it, or
 * its text selected, when a page opens). */
void
assert_no_focusable_labels (GtkWidget *root)
{
  GtkWidget *label = find_widget (root, is_focusable_label, NULL);

  if (label != NULL)
    g_error ("the label “%s” takes the keyboard focus", gtk_label_get_label (GTK_LABEL (label)));
}

static gboolean
is_focusable_flow_cell (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_FLOW_BOX_CHILD (widget) && gtk_widget_get_focusable (widget) &&
         gtk_widget_get_can_focus (gtk_widget_get_parent (widget));
}

/* Nor does a flow's cell: Tab goes to the control in it, once. */
void
assert_no_focusable_flow_cells (GtkWidget *root)
{
  if (find_widget (root, is_focusable_flow_cell, NULL) != NULL)
    g_error ("a GtkFlowBox cell takes the keyboard focus besides its control");
}

/* A label that shows @data (for find_widget ()). */
gboolean
is_label_showing (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

static gboolean
is_field_titled (GtkWidget     *widget,
                 gconstpointer  data)
{
  return RDS_IS_FORM_FIELD (widget) &&
         g_strcmp0 (rds_form_field_get_title (RDS_FORM_FIELD (widget)), data) == 0;
}

/* The form field titled @title under @root: there must be one. */
GtkWidget *
field_titled (GtkWidget  *root,
              const char *title)
{
  GtkWidget *field = find_widget (root, is_field_titled, title);

  g_assert_nonnull (field);
  return field;
}

/* Tab and Shift+Tab go round the whole window and back to where they
 * started: the focus is never lost on the way, nor stuck. */
void
assert_focus_cycles (Fixture *f)
{
  const GtkDirectionType directions[] = { GTK_DIR_TAB_FORWARD, GTK_DIR_TAB_BACKWARD };

  for (guint d = 0; d < G_N_ELEMENTS (directions); d++)
    {
      GtkWidget *first = NULL;
      GtkWidget *previous = NULL;
      gboolean round = FALSE;

      gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
      for (guint i = 0; i < 500 && !round; i++)
        {
          GtkWidget *focus;

          g_signal_emit_by_name (f->window, "move-focus", directions[d]);
          focus = gtk_root_get_focus (GTK_ROOT (f->window));
          if (focus == NULL)
            g_error ("%s after %s %s lost the focus", d == 0 ? "Tab" : "Shift+Tab",
                     previous != NULL ? G_OBJECT_TYPE_NAME (previous) : "the start",
                     previous != NULL && gtk_widget_get_tooltip_text (previous) != NULL
                       ? gtk_widget_get_tooltip_text (previous) : "");
          if (focus == previous)
            g_error ("%s is stuck on a %s", d == 0 ? "Tab" : "Shift+Tab", G_OBJECT_TYPE_NAME (focus));
          if (first == NULL)
            first = focus;
          else
            round = focus == first;
          previous = focus;
        }
      g_assert_true (round);
    }
}

void
console_test_init (int    *argc,
                   char ***argv)
{
  const char *localedir = g_getenv ("RDS_CONSOLE_LOCALEDIR");

  /* As rds-console's main () does. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_log_set_writer_func (log_writer_cb, NULL, NULL);
  gtk_test_init (argc, argv, NULL);
  g_test_log_set_fatal_handler (fatal_log_cb, NULL);
  /* gtk_test_init () forces en_US.UTF-8; the Korean run wants its own. */
  if (g_getenv ("RDS_TEST_KOREAN") != NULL)
    g_assert_nonnull (setlocale (LC_ALL, ""));
  adw_init ();
  serve_notifications ();
  /* Screenshots show where transitions end, not their middle. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* Action dialogs, and the checks and entries in them */

gboolean
is_check_labelled (GtkWidget     *widget,
                   gconstpointer  data)
{
  const char *label;

  if (!GTK_IS_CHECK_BUTTON (widget))
    return FALSE;
  label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  return label != NULL && strstr (label, data) != NULL;
}

gboolean
is_entry_with_placeholder (GtkWidget     *widget,
                           gconstpointer  data)
{
  return GTK_IS_ENTRY (widget) &&
         g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), data) == 0;
}

GtkWidget *
check_labelled (GtkWidget  *root,
                const char *label)
{
  GtkWidget *check = find_widget (root, is_check_labelled, label);

  g_assert_nonnull (check);
  return check;
}

/* The action dialog on screen, if any. */
RdsActionDialog *
action_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (RDS_IS_ACTION_DIALOG (window))
        return RDS_ACTION_DIALOG (window);
    }
  return NULL;
}

gboolean
has_action_dialog (Fixture       *f,
                   gconstpointer  data)
{
  return action_dialog () != NULL;
}

gboolean
no_action_dialog (Fixture       *f,
                  gconstpointer  data)
{
  return action_dialog () == NULL;
}

gboolean
is_spin_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

/* The Databases table as shown: its rows from the top, "source,
 * > replica, > > its replica", a ">" for each level down. */

char *
databases_table_rows (Fixture *f)
{
  RdsDatabasesPage *page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
  RdsSlotModel *slots = RDS_SLOT_MODEL (gtk_single_selection_get_model (rds_databases_page_get_selection (page)));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < rds_slot_model_get_occupied (slots); i++)
    {
      GtkTreeListRow *row = rds_slot_model_get_item (slots, i);
      g_autoptr(RdsDbInstance) instance = gtk_tree_list_row_get_item (row);

      if (text->len > 0)
        g_string_append (text, ", ");
      for (guint depth = 0; depth < gtk_tree_list_row_get_depth (row); depth++)
        g_string_append (text, "> ");
      g_string_append (text, rds_db_instance_get_identifier (instance));
    }
  return g_string_free (text, FALSE);
}

static gboolean
databases_table_rows_are (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *rows = databases_table_rows (f);

  return g_strcmp0 (rows, data) == 0;
}

void
assert_databases_table_rows (Fixture    *f,
                             const char *wanted)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  if (!spin_until (f, databases_table_rows_are, wanted))
    {
      g_autofree char *rows = databases_table_rows (f);

      g_error ("the Databases table shows “%s”, not “%s”", rows, wanted);
    }
}

static void
append_cell_labels (GtkWidget *widget,
                    GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget) && *gtk_label_get_label (GTK_LABEL (widget)) != '\0')
    {
      if (text->len > 0)
        g_string_append_c (text, '\t');
      g_string_append (text, gtk_label_get_label (GTK_LABEL (widget)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_cell_labels (child, text);
}

/* The @n-th cell of a row of the table, as its labels say. */
static char *
row_cell_text (GtkWidget *row,
               guint      n)
{
  GString *text = g_string_new (NULL);
  guint i = 0;

  for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    if (g_str_equal (gtk_widget_get_css_name (cell), "cell") && i++ == n)
      {
        append_cell_labels (cell, text);
        break;
      }
  return g_string_free (text, FALSE);
}

/* The row of @identifier: a "row" of the table's "listview" whose first
 * cell shows it. */
static GtkWidget *
find_table_row (GtkWidget  *widget,
                const char *identifier)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (g_str_equal (gtk_widget_get_css_name (widget), "row") && parent != NULL &&
      g_str_equal (gtk_widget_get_css_name (parent), "listview"))
    {
      g_autofree char *first = gtk_widget_get_visible (widget) ? row_cell_text (widget, 0) : NULL;

      return g_strcmp0 (first, identifier) == 0 ? widget : NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_table_row (child, identifier);

      if (row != NULL)
        return row;
    }
  return NULL;
}

char *
databases_table_cell (Fixture    *f,
                      const char *identifier,
                      const char *column)
{
  GtkWidget *page = rds_window_get_page_widget (f->window, "databases");
  GtkColumnView *table = GTK_COLUMN_VIEW (gtk_widget_get_template_child (page, RDS_TYPE_DATABASES_PAGE,
                                                                         "column_view"));
  GListModel *columns = gtk_column_view_get_columns (table);
  GtkWidget *row = find_table_row (GTK_WIDGET (table), identifier);

  for (guint i = 0; row != NULL && i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) each = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (each), column) == 0)
        return row_cell_text (row, i);
    }
  return NULL;
}

typedef struct
{
  const char *identifier;
  const char *column;
  const char *wanted;
} CellWanted;

static gboolean
databases_table_cell_is (Fixture       *f,
                         gconstpointer  data)
{
  const CellWanted *cell = data;
  g_autofree char *text = databases_table_cell (f, cell->identifier, cell->column);

  return g_strcmp0 (text, cell->wanted) == 0;
}

/* The table, shown, shows @wanted in @identifier's row under @column. */
void
assert_databases_table_cell (Fixture    *f,
                             const char *identifier,
                             const char *column,
                             const char *wanted)
{
  CellWanted cell = { identifier, column, wanted };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  if (!spin_until (f, databases_table_cell_is, &cell))
    {
      g_autofree char *text = databases_table_cell (f, identifier, column);

      g_error ("the Databases table shows “%s” as %s of %s, not “%s”", text != NULL ? text : "no row", column,
               identifier, wanted);
    }
}

/* The Topology tab of a database's page */

static gboolean
is_topology_view (GtkWidget     *widget,
                  gconstpointer  data)
{
  return RDS_IS_TOPOLOGY_VIEW (widget);
}

/* The page of database @identifier, opened on its @tab, painted. */
RdsDatabasePage *
open_database_tab (Fixture    *f,
                   const char *identifier,
                   const char *tab)
{
  RdsDatabasePage *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-database", "s", identifier));
  page = RDS_DATABASE_PAGE (rds_window_get_page_widget (f->window, "database"));
  rds_database_page_show_tab (page, tab);
  wait_for_frames (f, GTK_WIDGET (page));
  return page;
}

RdsTopologyView *
open_topology (Fixture    *f,
               const char *identifier)
{
  RdsDatabasePage *page = open_database_tab (f, identifier, "topology");

  return RDS_TOPOLOGY_VIEW (find_widget (GTK_WIDGET (page), is_topology_view, NULL));
}

static gboolean
topology_describes (Fixture       *f,
                    gconstpointer  data)
{
  RdsTopologyView *view = ((gpointer *) data)[0];
  const char *fragment = ((gpointer *) data)[1];
  g_autofree char *text = rds_topology_view_describe (view);

  if (strstr (text, fragment) != NULL)
    return TRUE;
  rds_topology_view_refresh (view);
  return FALSE;
}

void
wait_describes (Fixture         *f,
                RdsTopologyView *view,
                const char      *fragment)
{
  gpointer data[] = { view, (gpointer) fragment };

  if (!spin_until (f, topology_describes, data))
    {
      g_autofree char *text = rds_topology_view_describe (view);

      g_error ("The topology says “%s”, not “%s”", text, fragment);
    }
}
