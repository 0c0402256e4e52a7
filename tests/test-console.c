/* test-console.c: the console, driven through its widgets and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case starts the real application (embedded simulator on a manual
 * clock, keyring from the private session bus) and drives it as a user
 * would: fills wizards through their widgets, activates the actions its
 * buttons and menus name, and moves the simulator's clock. Screenshots of
 * every page and wizard step go to $RDS_SCREENSHOT_DIR.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "rds-action-dialog.h"
#include "rds-credentials-dialog.h"
#include "rds-delete-database-dialog.h"
#include "rds-delete-snapshot-dialog.h"
#include "rds-reboot-database-dialog.h"
#include "rds-stop-database-dialog.h"
#include "rds-take-snapshot-dialog.h"
#include "rds-application.h"
#include "rds-cost-panel.h"
#include "rds-create-database-wizard.h"
#include "rds-additional-configuration-section.h"
#include "rds-authentication-section.h"
#include "rds-availability-section.h"
#include "rds-connectivity-section.h"
#include "rds-database-form.h"
#include "rds-engine-section.h"
#include "rds-instance-class-section.h"
#include "rds-monitoring-section.h"
#include "rds-orderable-db-instance-option.h"
#include "rds-settings-section.h"
#include "rds-storage-section.h"
#include "rds-dashboard-page.h"
#include "rds-event-row.h"
#include "rds-link-button.h"
#include "rds-status-badge.h"
#include "rds-database-page.h"
#include "rds-databases-page.h"
#include "rds-db-instance.h"
#include "rds-db-snapshot.h"
#include "rds-form-field.h"
#include "rds-instance-actions.h"
#include "rds-modify-database-wizard.h"
#include "rds-resource-list.h"
#include "rds-session.h"
#include "rds-secrets.h"
#include "rds-snapshots-page.h"
#include "rds-events-page.h"
#include "rds-clock-control.h"
#include "rds-search-filter.h"
#include "rds-widget-util.h"
#include "rds-window.h"

/* 2026-01-05 00:00:00 UTC, a Monday */
#define START_TIME G_GINT64_CONSTANT (1767571200000000)

typedef struct
{
  char           *dir;
  RdsApplication *app;
  RdsWindow      *window;
  RdsSession     *session;
} Fixture;

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

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

typedef gboolean (*Condition) (Fixture *f, gconstpointer data);

static gboolean
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

static gboolean
spin_until (Fixture       *f,
            Condition      condition,
            gconstpointer  data)
{
  return spin_until_ms (f, condition, data, 30000);
}

static gboolean
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

static void
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

/* A PNG of @window, as it is on screen. */
static void
screenshot (Fixture    *f,
            GtkWidget  *window,
            const char *name)
{
  const char *dir = g_getenv ("RDS_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  wait_for_frames (f, window);
  if (dir == NULL)
    return;

  paintable = gtk_widget_paintable_new (window);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_test_message ("no screenshot %s: nothing painted yet", name);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
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

typedef void (*TestBody) (Fixture *f);

typedef struct
{
  TestBody body;
  gboolean offer_sample;       /* a first start: the sample offer shows */
  gboolean no_keyring;         /* secrets in memory, as without a Secret Service */
  gboolean damaged_state;      /* the simulator's saved state cannot be read */
} TestCase;

typedef struct
{
  Fixture  *f;
  TestBody  body;
} Run;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  const TestCase *test = data;

  /* The memory backend is shared by the process: start from the defaults. */
  g_settings_reset (settings, "last-page");
  g_settings_reset (settings, "region");
  g_settings_set_boolean (settings, "sample-offer-answered", !test->offer_sample);

  f->dir = g_dir_make_tmp ("rds-console-XXXXXX", NULL);
  f->app = rds_application_new ();
  g_application_set_flags (G_APPLICATION (f->app), G_APPLICATION_NON_UNIQUE);
  rds_application_set_state_dir (f->app, f->dir);
  rds_application_set_clock_paused (f->app, TRUE);
  rds_application_set_clock_start (f->app, START_TIME);
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

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->app);
  remove_tree (f->dir);
  g_free (f->dir);
}

static gboolean
on_page (Fixture       *f,
         gconstpointer  data)
{
  return g_strcmp0 (rds_window_get_page (f->window), data) == 0;
}

/* Whether the Databases page has the database named @data selected; the
 * selection follows a new database once the list has its row. */
static gboolean
database_selected (Fixture       *f,
                   gconstpointer  data)
{
  RdsDatabasesPage *page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
  RdsDbInstance *selected = rds_databases_page_get_selected (page);

  return selected != NULL && g_strcmp0 (rds_db_instance_get_identifier (selected), data) == 0;
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
static void
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

static RdsDbInstance *
find_instance (Fixture    *f,
               const char *identifier)
{
  return rds_resource_list_find (rds_session_get_instances (f->session), identifier);
}

typedef struct
{
  const char *identifier;
  const char *status;
} Expected;

static gboolean
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

static void
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
static void
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

static RdsCreateDatabaseWizard *
open_create_wizard (Fixture *f)
{
  GtkWidget *wizard;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.create-database", NULL));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "create-database");
  wizard = rds_window_get_page_widget (f->window, "create-database");
  g_assert_true (RDS_IS_CREATE_DATABASE_WIZARD (wizard));

  return RDS_CREATE_DATABASE_WIZARD (wizard);
}

static GtkWidget *
form_widget (RdsDatabaseForm *form,
             const char      *name)
{
  GtkWidget *widget = rds_database_form_get_widget (form, name);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
field_error (RdsDatabaseForm *form,
             const char      *field)
{
  return rds_form_field_get_error (RDS_FORM_FIELD (form_widget (form, field)));
}

static void
type_into (RdsDatabaseForm *form,
           const char      *entry,
           const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (form_widget (form, entry)), text);
}

static gboolean
form_ready (Fixture       *f,
            gconstpointer  data)
{
  return rds_database_form_get_waiting_for ((RdsDatabaseForm *) data) == NULL;
}

static void
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

/* Whether the Actions menu of a databases page offers @action. */
static gboolean
action_enabled (GtkWidget  *page,
                const char *group,
                const char *action)
{
  RdsInstanceActions *actions = rds_databases_page_get_actions (RDS_DATABASES_PAGE (page));

  g_assert_cmpstr (group, ==, "db");
  return g_action_group_get_action_enabled (rds_instance_actions_get_group (actions), action);
}

/* Finding widgets as a user sees them: by their label */

typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
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

/* The databases table as shown */

static void
append_labels (GtkWidget *widget,
               GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\t", gtk_label_get_label (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_labels (child, text);
}

static gboolean
find_row_text (GtkWidget  *widget,
               const char *identifier,
               GString    *text)
{
  /* A row of the table is a "row" in its "listview"; its first label is
   * the identifier. */
  if (g_str_equal (gtk_widget_get_css_name (widget), "row") &&
      gtk_widget_get_parent (widget) != NULL &&
      g_str_equal (gtk_widget_get_css_name (gtk_widget_get_parent (widget)), "listview"))
    {
      g_autofree char *prefix = g_strconcat (identifier, "\t", NULL);

      g_string_truncate (text, 0);
      append_labels (widget, text);
      return g_str_has_prefix (text->str, prefix);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_row_text (child, identifier, text))
      return TRUE;
  return FALSE;
}

/* The labels of @identifier's row of the databases table, tab-separated,
 * or NULL when no row shows it. */
static char *
databases_row (Fixture    *f,
               const char *identifier)
{
  GtkWidget *page = rds_window_get_page_widget (f->window, "databases");
  GtkWidget *table = GTK_WIDGET (gtk_widget_get_template_child (page, RDS_TYPE_DATABASES_PAGE,
                                                                "column_view"));
  g_autoptr(GString) text = g_string_new (NULL);

  if (!find_row_text (table, identifier, text))
    return NULL;
  return g_strdup (text->str);
}

/* @data: "identifier\tlabel\tlabel…": the row shows each label. */
static gboolean
row_shows (Fixture       *f,
           gconstpointer  data)
{
  g_auto(GStrv) wanted = g_strsplit (data, "\t", -1);
  g_autofree char *row = databases_row (f, wanted[0]);

  if (row == NULL)
    return FALSE;
  for (guint i = 1; wanted[i] != NULL; i++)
    {
      g_autofree char *cell = g_strconcat ("\t", wanted[i], "\t", NULL);

      if (strstr (row, cell) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
assert_row_shows (Fixture    *f,
                  const char *wanted)
{
  if (!spin_until (f, row_shows, wanted))
    {
      g_autofree char *identifier = g_strndup (wanted, strcspn (wanted, "\t"));
      g_autofree char *row = databases_row (f, identifier);

      g_error ("the row of %s shows “%s”, not “%s”", identifier, row != NULL ? row : "nothing", wanted);
    }
}

static gboolean
is_check_labelled (GtkWidget     *widget,
                   gconstpointer  data)
{
  const char *label;

  if (!GTK_IS_CHECK_BUTTON (widget))
    return FALSE;
  label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  return label != NULL && strstr (label, data) != NULL;
}

static gboolean
is_entry_with_placeholder (GtkWidget     *widget,
                           gconstpointer  data)
{
  return GTK_IS_ENTRY (widget) &&
         g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), data) == 0;
}

static gboolean
is_password_label (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "password-box");
}

static gboolean
is_toggle (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget);
}

static gboolean
is_field_titled (GtkWidget     *widget,
                 gconstpointer  data)
{
  return RDS_IS_FORM_FIELD (widget) &&
         g_strcmp0 (rds_form_field_get_title (RDS_FORM_FIELD (widget)), data) == 0;
}

static GtkWidget *
check_labelled (GtkWidget  *root,
                const char *label)
{
  GtkWidget *check = find_widget (root, is_check_labelled, label);

  g_assert_nonnull (check);
  return check;
}

static GtkWidget *
field_titled (GtkWidget  *root,
              const char *title)
{
  GtkWidget *field = find_widget (root, is_field_titled, title);

  g_assert_nonnull (field);
  return field;
}

/* The action dialog on screen, if any. */
static RdsActionDialog *
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

static gboolean
no_action_dialog (Fixture       *f,
                  gconstpointer  data)
{
  return action_dialog () == NULL;
}

static gboolean
dialog_idle (Fixture       *f,
             gconstpointer  data)
{
  return !rds_action_dialog_get_busy ((RdsActionDialog *) data);
}

static gboolean
dialog_submit_enabled (RdsActionDialog *dialog)
{
  return gtk_widget_get_sensitive (rds_action_dialog_get_submit_button (dialog));
}

static RdsShape *
find_snapshot (Fixture    *f,
               const char *identifier)
{
  return rds_resource_list_find (rds_session_get_snapshots (f->session), identifier);
}

static gboolean
snapshot_available (Fixture       *f,
                    gconstpointer  data)
{
  RdsShape *snapshot = find_snapshot (f, data);

  return snapshot != NULL && g_strcmp0 (rds_shape_get_string (snapshot, "status"), "available") == 0;
}

static gboolean
window_inactive (Fixture       *f,
                 gconstpointer  data)
{
  return !gtk_window_is_active (GTK_WINDOW (f->window));
}

static gboolean
notified (Fixture       *f,
          gconstpointer  data)
{
  for (guint i = 0; i < notifications->len; i++)
    if (g_str_equal (g_ptr_array_index (notifications, i), data))
      return TRUE;
  return FALSE;
}

/* Cases */

static void
window_pages (Fixture *f)
{
  const char *pages[] = { "dashboard", "databases", "snapshots", "events" };

  g_assert_cmpstr (rds_window_get_page (f->window), ==, "dashboard");
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("page-%s-empty", pages[i]);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s",
                                                 pages[i]));
      g_assert_cmpstr (rds_window_get_page (f->window), ==, pages[i]);
      screenshot (f, GTK_WIDGET (f->window), name);
    }
}

static void
create_modify_delete (Fixture *f)
{
  RdsCreateDatabaseWizard *wizard = open_create_wizard (f);
  RdsDatabaseForm *form = rds_create_database_wizard_get_form (wizard);
  RdsCostPanel *cost = rds_create_database_wizard_get_cost_panel (wizard);
  g_autofree char *cost_before = NULL;
  RdsDbInstance *instance;
  RdsDatabasesPage *databases;
  RdsSnapshotsPage *snapshots;
  GtkWidget *dialog;
  GtkWidget *other;

  g_assert_true (spin_until (f, form_ready, form));
  screenshot (f, GTK_WIDGET (f->window), "wizard-create-default");

  /* Bad identifiers, passwords and storage are refused next to their fields. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (form_widget (form, "engine_postgres")), TRUE);
  g_assert_true (spin_until (f, form_ready, form));
  g_assert_cmpstr (rds_database_form_get_engine (form), ==, "postgres");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form_widget (form, "username_entry"))), ==,
                   "postgres");

  type_into (form, "identifier_entry", "1st-db");
  g_assert_cmpstr (field_error (form, "identifier_field"), ==, "Must begin with a letter.");
  type_into (form, "identifier_entry", "orders--db");
  g_assert_cmpstr (field_error (form, "identifier_field"), ==, "Can't contain two consecutive hyphens.");
  type_into (form, "identifier_entry", "orders-db-");
  g_assert_nonnull (field_error (form, "identifier_field"));
  type_into (form, "password_entry", "short");
  g_assert_cmpstr (field_error (form, "password_field"), ==, "Must be at least 8 characters long.");
  type_into (form, "password_entry", "has/slash-in-it");
  g_assert_nonnull (strstr (field_error (form, "password_field"), "/ (slash)"));
  type_into (form, "allocated_entry", "5");
  g_assert_cmpstr (field_error (form, "allocated_field"), ==,
                   "Must be between 20 and 65536 GiB for this engine and storage type.");
  g_assert_false (rds_database_form_get_valid (form));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL) &&
                  rds_create_database_wizard_get_busy (wizard));
  rds_widget_reveal (form_widget (form, "identifier_field"));
  screenshot (f, GTK_WIDGET (f->window), "wizard-create-errors");

  /* Fixed, and with a class and storage that cost more. */
  type_into (form, "identifier_entry", "orders-db");
  type_into (form, "password_entry", "correct-horse-battery");
  type_into (form, "confirm_entry", "correct-horse-battery");
  type_into (form, "allocated_entry", "100");
  g_assert_null (field_error (form, "identifier_field"));
  g_assert_null (field_error (form, "password_field"));
  g_assert_null (field_error (form, "allocated_field"));
  cost_before = g_strdup (rds_cost_panel_get_total (cost));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_widget (form, "class_standard")), TRUE);
  select_dropdown_item (form_widget (form, "class_dropdown"), "db.m5.large");
  g_assert_cmpstr (cost_before, !=, rds_cost_panel_get_total (cost));
  g_assert_true (rds_database_form_get_valid (form));
  screenshot (f, GTK_WIDGET (f->window), "wizard-create-filled");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  wait_for_status (f, "orders-db", "creating");
  /* The password goes to the keyring before the window moves on. */
  g_assert_true (spin_until (f, on_page, "databases"));
  databases = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
  instance = find_instance (f, "orders-db");
  g_assert_cmpstr (rds_db_instance_get_engine (instance), ==, "postgres");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (instance), "db-instance-class"), ==, "db.m5.large");
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (instance), "allocated-storage"), ==, 100);
  /* The new row is selected; creating offers only Delete. */
  g_assert_true (spin_until (f, database_selected, "orders-db"));
  g_assert_true (rds_databases_page_get_selected (databases) == find_instance (f, "orders-db"));
  g_assert_false (action_enabled (GTK_WIDGET (databases), "db", "modify"));
  g_assert_false (action_enabled (GTK_WIDGET (databases), "db", "reboot"));
  g_assert_false (action_enabled (GTK_WIDGET (databases), "db", "stop"));
  g_assert_false (action_enabled (GTK_WIDGET (databases), "db", "start"));
  g_assert_false (action_enabled (GTK_WIDGET (databases), "db", "take-snapshot"));
  g_assert_true (action_enabled (GTK_WIDGET (databases), "db", "delete"));
  assert_row_shows (f, "orders-db\tCreating\tInstance\tPostgreSQL\tdb.m5.large\tNo\t100 GiB");
  screenshot (f, GTK_WIDGET (f->window), "page-databases-creating");

  /* With the window in the background, the end of the creation is a desktop
   * notification too. */
  other = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (other));
  g_assert_true (spin_until (f, window_inactive, NULL));
  advance_until (f, "orders-db", "available");
  g_assert_true (spin_until (f, notified, "orders-db is now Available"));
  gtk_window_destroy (GTK_WINDOW (other));
  g_assert_true (rds_databases_page_get_selected (databases) == instance);
  g_assert_true (action_enabled (GTK_WIDGET (databases), "db", "modify"));
  g_assert_true (action_enabled (GTK_WIDGET (databases), "db", "reboot"));
  g_assert_true (action_enabled (GTK_WIDGET (databases), "db", "stop"));
  g_assert_false (action_enabled (GTK_WIDGET (databases), "db", "start"));
  g_assert_true (action_enabled (GTK_WIDGET (databases), "db", "take-snapshot"));
  g_assert_true (action_enabled (GTK_WIDGET (databases), "db", "delete"));
  assert_row_shows (f, "orders-db\tAvailable\tdb.m5.large");
  screenshot (f, GTK_WIDGET (f->window), "page-databases-available");

  /* Modify, applied immediately: pending, then the new class. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (databases), "db.modify", NULL));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "modify-database");
  {
    RdsModifyDatabaseWizard *modify =
      RDS_MODIFY_DATABASE_WIZARD (rds_window_get_page_widget (f->window, "modify-database"));
    RdsDatabaseForm *modify_form = rds_modify_database_wizard_get_form (modify);

    g_assert_true (spin_until (f, form_ready, modify_form));
    screenshot (f, GTK_WIDGET (f->window), "wizard-modify-form");
    select_dropdown_item (form_widget (modify_form, "class_dropdown"), "db.m5.xlarge");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (modify), "wizard.continue", NULL));
    g_assert_cmpstr (rds_modify_database_wizard_get_step (modify), ==, "summary");
    screenshot (f, GTK_WIDGET (f->window), "wizard-modify-summary");
    {
      GtkWidget *attribute = gtk_grid_get_child_at (rds_modify_database_wizard_get_summary (modify), 0, 1);
      GtkWidget *wanted = gtk_grid_get_child_at (rds_modify_database_wizard_get_summary (modify), 2, 1);

      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (attribute)), ==, "DB instance class");
      g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (wanted)), "db.m5.xlarge"));
    }
    g_object_set (gtk_widget_get_template_child (GTK_WIDGET (modify), RDS_TYPE_MODIFY_DATABASE_WIZARD,
                                                 "apply_now"), "active", TRUE, NULL);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (modify), "wizard.modify", NULL));
  }
  wait_for_status (f, "orders-db", "modifying");
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "database");
  {
    RdsShape *pending = rds_shape_get_object (RDS_SHAPE (instance), "pending-modified-values");

    g_assert_nonnull (pending);
    g_assert_cmpstr (rds_shape_get_string (pending, "db-instance-class"), ==, "db.m5.xlarge");
    g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (instance), "db-instance-class"), ==, "db.m5.large");
  }
  screenshot (f, GTK_WIDGET (f->window), "page-database-modifying");
  advance_until (f, "orders-db", "available");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (instance), "db-instance-class"), ==, "db.m5.xlarge");
  assert_row_shows (f, "orders-db\tAvailable\tdb.m5.xlarge");

  /* Delete with a final snapshot, confirmed by typing "delete me". */
  g_assert_true (gtk_widget_activate_action (rds_window_get_page_widget (f->window, "database"),
                                             "db.delete", NULL));
  dialog = GTK_WIDGET (action_dialog ());
  g_assert_nonnull (dialog);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check_labelled (dialog, "final"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rds_form_field_get_child (
                     RDS_FORM_FIELD (field_titled (dialog, "Final snapshot name"))))), ==,
                   "orders-db-final-snapshot");
  screenshot (f, dialog, "dialog-delete");
  g_assert_false (dialog_submit_enabled (RDS_ACTION_DIALOG (dialog)));
  gtk_editable_set_text (GTK_EDITABLE (find_widget (dialog, is_entry_with_placeholder, "delete me")),
                         "delete me");
  /* Not yet: the automated backups go, and that needs acknowledging. */
  g_assert_false (dialog_submit_enabled (RDS_ACTION_DIALOG (dialog)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_labelled (dialog, "acknowledge")), TRUE);
  g_assert_true (dialog_submit_enabled (RDS_ACTION_DIALOG (dialog)));
  screenshot (f, dialog, "dialog-delete-confirmed");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.submit", NULL));
  g_assert_true (spin_until (f, no_action_dialog, NULL));
  wait_for_status (f, "orders-db", "deleting");
  advance_until (f, "orders-db", NULL);

  /* The final snapshot stays, on the Snapshots page. */
  g_assert_true (spin_until (f, snapshot_available, "orders-db-final-snapshot"));
  g_assert_cmpint (rds_shape_get_int (find_snapshot (f, "orders-db-final-snapshot"), "allocated-storage"),
                   ==, 100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "snapshots"));
  snapshots = RDS_SNAPSHOTS_PAGE (rds_window_get_page_widget (f->window, "snapshots"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rds_snapshots_page_get_selection (snapshots))),
                    ==, 1);
  screenshot (f, GTK_WIDGET (f->window), "page-snapshots-final");
}


static void
call_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  RdsQueryResult *answer = rds_session_call_finish (RDS_SESSION (object), result, &error);

  g_assert_no_error (error);
  rds_query_result_free (answer);
  *(gboolean *) user_data = TRUE;
}

/* Through the API (the session's, so the lists refresh after it), for what
 * a case only needs as a starting point. */
static void
call (Fixture    *f,
      RdsRequest *request)
{
  gboolean done = FALSE;

  rds_session_call_async (f->session, request, NULL, call_cb, &done);
  g_assert_true (spin_until (f, flag_set, &done));
}

static RdsDbInstance *
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

typedef struct
{
  const char *status;
  gboolean    modify, reboot, stop, start, delete, snapshot;
} Allowed;

static void
assert_menu (Fixture          *f,
             RdsDatabasesPage *page,
             const Allowed    *allowed)
{
  GtkWidget *widget = GTK_WIDGET (page);
  RdsDbInstance *instance = rds_databases_page_get_selected (page);

  g_assert_nonnull (instance);
  g_assert_cmpstr (rds_db_instance_get_status (instance), ==, allowed->status);
  g_assert_cmpint (action_enabled (widget, "db", "modify"), ==, allowed->modify);
  g_assert_cmpint (action_enabled (widget, "db", "reboot"), ==, allowed->reboot);
  g_assert_cmpint (action_enabled (widget, "db", "stop"), ==, allowed->stop);
  g_assert_cmpint (action_enabled (widget, "db", "start"), ==, allowed->start);
  g_assert_cmpint (action_enabled (widget, "db", "delete"), ==, allowed->delete);
  g_assert_cmpint (action_enabled (widget, "db", "take-snapshot"), ==, allowed->snapshot);
}

static gboolean
status_is (Fixture       *f,
           gconstpointer  data)
{
  const Expected *expected = data;

  return has_status (f, expected);
}

/* Every status the simulator goes through, and the Actions menu in it
 * (reference §2.2). The dialogs are driven as a user would. */
static void
actions_per_status (Fixture *f)
{
  const Allowed creating = { "creating", FALSE, FALSE, FALSE, FALSE, TRUE, FALSE };
  const Allowed available = { "available", TRUE, TRUE, TRUE, FALSE, TRUE, TRUE };
  const Allowed backing_up = { "backing-up", FALSE, FALSE, FALSE, FALSE, TRUE, FALSE };
  const Allowed rebooting = { "rebooting", FALSE, FALSE, FALSE, FALSE, TRUE, FALSE };
  const Allowed stopping = { "stopping", FALSE, FALSE, FALSE, FALSE, TRUE, FALSE };
  const Allowed stopped = { "stopped", FALSE, FALSE, FALSE, TRUE, TRUE, FALSE };
  const Allowed starting = { "starting", FALSE, FALSE, FALSE, FALSE, TRUE, FALSE };
  const Allowed deleting = { "deleting", FALSE, FALSE, FALSE, FALSE, FALSE, FALSE };
  RdsDatabasesPage *page;
  RdsActionDialog *dialog;

  create_instance (f, "menu-db", "mysql", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
  g_assert_true (rds_databases_page_select (page, "menu-db"));
  assert_menu (f, page, &creating);

  advance_until (f, "menu-db", "available");
  assert_menu (f, page, &available);

  /* Reboot, with failover since it is Multi-AZ. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "db.reboot", NULL));
  dialog = action_dialog ();
  g_assert_nonnull (dialog);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_labelled (GTK_WIDGET (dialog), "failover")), TRUE);
  screenshot (f, GTK_WIDGET (dialog), "dialog-reboot");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.submit", NULL));
  g_assert_true (spin_until (f, no_action_dialog, NULL));
  wait_for_status (f, "menu-db", "rebooting");
  assert_menu (f, page, &rebooting);
  advance_until (f, "menu-db", "available");

  /* Stop, saved in a snapshot; the 7 days need acknowledging. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "db.stop", NULL));
  dialog = action_dialog ();
  g_assert_false (dialog_submit_enabled (dialog));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_labelled (GTK_WIDGET (dialog), "acknowledge")), TRUE);
  g_assert_true (dialog_submit_enabled (dialog));
  screenshot (f, GTK_WIDGET (dialog), "dialog-stop");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.submit", NULL));
  g_assert_true (spin_until (f, no_action_dialog, NULL));
  wait_for_status (f, "menu-db", "stopping");
  assert_menu (f, page, &stopping);
  advance_until (f, "menu-db", "stopped");
  assert_menu (f, page, &stopped);
  screenshot (f, GTK_WIDGET (f->window), "page-databases-stopped");

  /* Start needs no dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "db.start", NULL));
  wait_for_status (f, "menu-db", "starting");
  assert_menu (f, page, &starting);
  advance_until (f, "menu-db", "available");

  /* A snapshot of a Single-AZ instance freezes its I/O: backing-up. */
  create_instance (f, "single-db", "postgres", FALSE);
  advance_until (f, "single-db", "available");
  g_assert_true (rds_databases_page_select (page, "single-db"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "db.take-snapshot", NULL));
  dialog = action_dialog ();
  g_assert_false (dialog_submit_enabled (dialog));
  gtk_editable_set_text (GTK_EDITABLE (rds_form_field_get_child (
                           RDS_FORM_FIELD (field_titled (GTK_WIDGET (dialog), "Snapshot name")))),
                         "single--db");
  g_assert_nonnull (rds_form_field_get_error (RDS_FORM_FIELD (field_titled (GTK_WIDGET (dialog),
                                                                             "Snapshot name"))));
  g_assert_false (dialog_submit_enabled (dialog));
  gtk_editable_set_text (GTK_EDITABLE (rds_form_field_get_child (
                           RDS_FORM_FIELD (field_titled (GTK_WIDGET (dialog), "Snapshot name")))),
                         "single-db-before");
  g_assert_true (dialog_submit_enabled (dialog));
  screenshot (f, GTK_WIDGET (dialog), "dialog-take-snapshot");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.submit", NULL));
  g_assert_true (spin_until (f, no_action_dialog, NULL));
  wait_for_status (f, "single-db", "backing-up");
  assert_menu (f, page, &backing_up);
  advance_until (f, "single-db", "available");
  g_assert_true (spin_until (f, snapshot_available, "single-db-before"));

  /* A second snapshot of that name is refused next to the name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "db.take-snapshot", NULL));
  dialog = action_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (rds_form_field_get_child (
                           RDS_FORM_FIELD (field_titled (GTK_WIDGET (dialog), "Snapshot name")))),
                         "single-db-before");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.submit", NULL));
  /* Sent, it waits for its answer: closing it does nothing meanwhile. */
  g_assert_true (rds_action_dialog_get_busy (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (action_dialog () == dialog);
  g_assert_true (spin_until (f, dialog_idle, dialog));
  g_assert_nonnull (strstr (rds_form_field_get_error (RDS_FORM_FIELD (field_titled (GTK_WIDGET (dialog),
                                                                                    "Snapshot name"))),
                            "already exists"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rds_form_field_get_child (
                     RDS_FORM_FIELD (field_titled (GTK_WIDGET (dialog), "Snapshot name"))))), ==,
                   "single-db-before");
  screenshot (f, GTK_WIDGET (dialog), "dialog-take-snapshot-error");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Deleting, without a final snapshot. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "db.delete", NULL));
  dialog = action_dialog ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_labelled (GTK_WIDGET (dialog), "final")), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_labelled (GTK_WIDGET (dialog), "acknowledge")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), is_entry_with_placeholder,
                                                    "delete me")), "delete me");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.submit", NULL));
  g_assert_true (spin_until (f, no_action_dialog, NULL));
  wait_for_status (f, "single-db", "deleting");
  assert_menu (f, page, &deleting);
  (void) status_is;
}

static char *keyring_password (Fixture    *f,
                               const char *key);

/* The Korean console: labels, statuses and the wizard's errors. */
static void
korean (Fixture *f)
{
  RdsCreateDatabaseWizard *wizard;
  RdsDatabaseForm *form;

  g_assert_cmpstr (_("Databases"), ==, "데이터베이스");
  screenshot (f, GTK_WIDGET (f->window), "ko-page-dashboard");

  create_instance (f, "seoul-db", "postgres", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  screenshot (f, GTK_WIDGET (f->window), "ko-page-databases");

  wizard = open_create_wizard (f);
  form = rds_create_database_wizard_get_form (wizard);
  g_assert_true (spin_until (f, form_ready, form));
  type_into (form, "identifier_entry", "1db");
  g_assert_cmpstr (field_error (form, "identifier_field"), ==, "문자로 시작해야 합니다.");
  type_into (form, "password_entry", "short");
  g_assert_cmpstr (field_error (form, "password_field"), ==, "8자 이상이어야 합니다.");
  rds_widget_reveal (form_widget (form, "identifier_field"));
  screenshot (f, GTK_WIDGET (f->window), "ko-wizard-create-errors");
}

static gboolean
sample_settled (Fixture       *f,
                gconstpointer  data)
{
  RdsDbInstance *stopped = find_instance (f, "catalog-mariadb");

  return g_list_model_get_n_items (rds_resource_list_get_model (rds_session_get_instances (f->session))) == 5 &&
         stopped != NULL && g_strcmp0 (rds_db_instance_get_status (stopped), "stopped") == 0 &&
         snapshot_available (f, "billing-postgres-before-upgrade");
}

static AdwMessageDialog *
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

static gboolean
has_message_dialog (Fixture       *f,
                    gconstpointer  data)
{
  return message_dialog () != NULL;
}

static gboolean
toast_is (Fixture       *f,
          gconstpointer  data)
{
  return g_strcmp0 (rds_window_get_last_toast (f->window), data) == 0;
}

static gboolean
is_label_showing (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

static gboolean
toast_gone (Fixture       *f,
            gconstpointer  data)
{
  return find_widget (GTK_WIDGET (f->window), is_label_showing, data) == NULL;
}

/* The first start on an empty simulator offers a living console. */
static void
sample_environment (Fixture *f)
{
  GListModel *instances = rds_resource_list_get_model (rds_session_get_instances (f->session));
  g_autoptr(GHashTable) engines = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  AdwMessageDialog *dialog;
  guint multi_az = 0;

  g_assert_true (spin_until (f, has_message_dialog, NULL));
  dialog = message_dialog ();
  screenshot (f, GTK_WIDGET (dialog), "dialog-sample-offer");
  adw_message_dialog_response (dialog, "sample");
  g_assert_true (g_settings_get_boolean (settings, "sample-offer-answered"));
  g_assert_cmpstr (rds_window_get_last_toast (f->window), ==, "Creating the sample environment…");
  g_assert_false (toast_gone (f, "Creating the sample environment…"));

  if (!spin_until (f, sample_settled, NULL))
    g_error ("the sample environment did not settle; last toast: %s",
             rds_window_get_last_toast (f->window));
  /* The progress toast stays until then, and no longer. */
  g_assert_true (spin_until (f, toast_gone, "Creating the sample environment…"));
  if (!spin_until (f, toast_is, "The sample environment is ready"))
    g_error ("no “ready” toast; the last toast: %s", rds_window_get_last_toast (f->window));
  rds_session_refresh (f->session);
  advance (f, 1);
  g_assert_cmpuint (g_list_model_get_n_items (instances), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(RdsDbInstance) instance = g_list_model_get_item (instances, i);
      const char *status = rds_db_instance_get_status (instance);

      g_hash_table_add (engines, (gpointer) rds_db_instance_get_engine (instance));
      multi_az += rds_shape_get_boolean (RDS_SHAPE (instance), "multi-az");
      g_assert_true (g_str_equal (status, "available") || g_str_equal (status, "stopped"));
    }
  g_assert_cmpuint (g_hash_table_size (engines), ==, 5);
  g_assert_cmpuint (multi_az, ==, 1);
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "databases");
  /* Not seven toasts more, one for each database it made available. */
  g_assert_cmpstr (rds_window_get_last_toast (f->window), ==, "The sample environment is ready");
  screenshot (f, GTK_WIDGET (f->window), "page-databases-sample");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "dashboard"));
  screenshot (f, GTK_WIDGET (f->window), "page-dashboard-sample");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-database", "s",
                                             "billing-postgres"));
  screenshot (f, GTK_WIDGET (f->window), "page-database-connectivity");
  {
    RdsDatabasePage *page = RDS_DATABASE_PAGE (rds_window_get_page_widget (f->window, "database"));
    AdwViewStack *tabs = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                        RDS_TYPE_DATABASE_PAGE, "tabs"));
    const char *names[] = { "configuration", "maintenance", "events", "tags" };

    g_assert_true (rds_database_page_get_instance (page) == find_instance (f, "billing-postgres"));
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *shot = g_strdup_printf ("page-database-%s", names[i]);

        adw_view_stack_set_visible_child_name (tabs, names[i]);
        screenshot (f, GTK_WIDGET (f->window), shot);
      }
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "events"));
  screenshot (f, GTK_WIDGET (f->window), "page-events-sample");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "snapshots"));
  screenshot (f, GTK_WIDGET (f->window), "page-snapshots-sample");
}

/* Without a Secret Service the console runs, says so once, and keeps
 * master passwords in memory. */
static void
no_keyring (Fixture *f)
{
  const char *warning = "No keyring is available: secrets are kept in memory until RDS Console quits";
  RdsCreateDatabaseWizard *wizard;
  RdsDatabaseForm *form;
  g_autofree char *secret = NULL;

  g_assert_true (spin_until (f, toast_is, warning));
  g_assert_false (rds_secrets_get_persistent (rds_application_get_secrets (f->app)));

  wizard = open_create_wizard (f);
  form = rds_create_database_wizard_get_form (wizard);
  g_assert_true (spin_until (f, form_ready, form));
  type_into (form, "identifier_entry", "memory-db");
  type_into (form, "password_entry", "Kept-In-Memory-1");
  type_into (form, "confirm_entry", "Kept-In-Memory-1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  g_assert_true (spin_until (f, on_page, "databases"));
  g_assert_cmpstr (rds_window_get_last_toast (f->window), ==, "Creating database memory-db");
  secret = keyring_password (f, "us-east-1/memory-db");
  g_assert_cmpstr (secret, ==, "Kept-In-Memory-1");
}

static gboolean
instances_shown (Fixture       *f,
                 gconstpointer  data)
{
  RdsDatabasesPage *page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));

  return g_list_model_get_n_items (G_LIST_MODEL (rds_databases_page_get_selection (page))) ==
         GPOINTER_TO_UINT (data) &&
         rds_resource_list_get_loaded (rds_session_get_instances (f->session));
}

/* Each Region has its own resources; the choice is remembered. */
static void
region (Fixture *f)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (f->window),
                                                                         RDS_TYPE_WINDOW,
                                                                         "region_dropdown"));
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *saved = NULL;

  create_instance (f, "virginia-db", "mysql", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  g_assert_true (spin_until (f, instances_shown, GUINT_TO_POINTER (1)));

  select_dropdown_item (GTK_WIDGET (dropdown), "ap-northeast-2");
  g_assert_cmpstr (rds_session_get_region (f->session), ==, "ap-northeast-2");
  saved = g_settings_get_string (settings, "region");
  g_assert_cmpstr (saved, ==, "ap-northeast-2");
  g_assert_true (spin_until (f, instances_shown, GUINT_TO_POINTER (0)));
  screenshot (f, GTK_WIDGET (f->window), "page-databases-other-region");
  create_instance (f, "seoul-db", "postgres", FALSE);
  g_assert_true (g_str_has_prefix (rds_shape_get_string (RDS_SHAPE (find_instance (f, "seoul-db")),
                                                         "availability-zone"), "ap-northeast-2"));

  select_dropdown_item (GTK_WIDGET (dropdown), "us-east-1");
  g_assert_true (spin_until (f, instances_shown, GUINT_TO_POINTER (1)));
  g_assert_nonnull (find_instance (f, "virginia-db"));
  g_assert_null (find_instance (f, "seoul-db"));
}

static gboolean
clock_is (Fixture       *f,
          gconstpointer  data)
{
  return g_strcmp0 (rds_clock_control_get_rate ((RdsClockControl *) data), "60") == 0 &&
         !rds_session_get_clock_paused (f->session) && rds_session_get_clock_rate (f->session) == 60;
}

static gboolean
clock_paused (Fixture       *f,
              gconstpointer  data)
{
  return rds_session_get_clock_paused (f->session);
}

static gboolean
clock_after (Fixture       *f,
             gconstpointer  data)
{
  return rds_session_get_simulated_time (f->session) >= *(const gint64 *) data;
}

/* The header's clock: rates, pause and jumps ahead. */
static void
clock_control (Fixture *f)
{
  RdsClockControl *clock = RDS_CLOCK_CONTROL (gtk_widget_get_template_child (GTK_WIDGET (f->window),
                                                                            RDS_TYPE_WINDOW,
                                                                            "clock_control"));
  gint64 later;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (clock)));
  /* The simulator was started paused; the header learns it from its state. */
  g_assert_true (spin_until (f, clock_paused, NULL));
  g_assert_cmpstr (rds_clock_control_get_rate (clock), ==, "paused");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (clock), "clock.rate", "s", "60"));
  g_assert_true (spin_until (f, clock_is, clock));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-clock", NULL));
  g_assert_true (spin_until (f, clock_paused, NULL));
  g_assert_cmpstr (rds_clock_control_get_rate (clock), ==, "paused");

  later = rds_session_get_simulated_time (f->session) + (gint64) 3600 * G_USEC_PER_SEC;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (clock), "clock.advance", "i", 3600));
  g_assert_true (spin_until (f, clock_after, &later));
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (clock),
                                                                            RDS_TYPE_CLOCK_CONTROL,
                                                                            "button"));

    gtk_menu_button_popup (button);
    screenshot (f, GTK_WIDGET (f->window), "header-clock");
    gtk_menu_button_popdown (button);
  }
}

/* Search as you type, over identifiers, engines and statuses as shown. */
static void
search (Fixture *f)
{
  RdsDatabasesPage *page;
  GtkEditable *entry;

  create_instance (f, "orders-mysql", "mysql", FALSE);
  create_instance (f, "billing-postgres", "postgres", FALSE);
  create_instance (f, "reports-postgres", "postgres", FALSE);
  advance_until (f, "orders-mysql", "available");
  advance_until (f, "billing-postgres", "available");
  advance_until (f, "reports-postgres", "available");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "databases");
  page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
  entry = rds_databases_page_get_search (page);

  g_assert_true (rds_databases_page_select (page, "reports-postgres"));
  g_assert_true (action_enabled (GTK_WIDGET (page), "db", "reboot"));

  /* The selection follows its database to its row in the results. */
  gtk_editable_set_text (entry, "postgres");
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (2)));
  g_assert_true (rds_databases_page_get_selected (page) == find_instance (f, "reports-postgres"));
  assert_row_shows (f, "billing-postgres\tAvailable\tPostgreSQL");
  assert_row_shows (f, "reports-postgres\tAvailable\tPostgreSQL");
  g_assert_null (databases_row (f, "orders-mysql"));
  gtk_editable_set_text (entry, "PostgreSQL");
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (2)));
  /* Hidden by the search, it is no longer what the actions act on… */
  gtk_editable_set_text (entry, "orders");
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (1)));
  assert_row_shows (f, "orders-mysql\tAvailable\tMySQL Community");
  g_assert_null (databases_row (f, "billing-postgres"));
  g_assert_null (rds_databases_page_get_selected (page));
  g_assert_false (action_enabled (GTK_WIDGET (page), "db", "reboot"));
  gtk_editable_set_text (entry, "Available");
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (3)));
  gtk_editable_set_text (entry, "nothing-like-this");
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (0)));
  screenshot (f, GTK_WIDGET (f->window), "page-databases-no-match");
  /* …and selected again when the search shows it again. */
  gtk_editable_set_text (entry, "");
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (3)));
  g_assert_true (rds_databases_page_get_selected (page) == find_instance (f, "reports-postgres"));
  g_assert_true (action_enabled (GTK_WIDGET (page), "db", "reboot"));
}

static gboolean
range_is (Fixture       *f,
          gconstpointer  data)
{
  RdsDatabasesPage *page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));

  return g_strcmp0 (rds_databases_page_get_range (page), data) == 0;
}

static void
assert_range (Fixture    *f,
              const char *range)
{
  if (!spin_until (f, range_is, range))
    g_error ("the Databases page shows “%s”, not “%s”",
             rds_databases_page_get_range (RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window,
                                                                                            "databases"))),
             range != NULL ? range : "one page");
}

static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

/* Whether the button a user knows by its tooltip can be clicked. */
static gboolean
button_sensitive (GtkWidget  *root,
                  const char *tooltip)
{
  GtkWidget *button = find_widget (root, is_button_with_tooltip, tooltip);

  g_assert_nonnull (button);
  return gtk_widget_is_sensitive (button);
}

/* One page of databases at a time, as many as the user chose. */
static void
pages (Fixture *f)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  RdsDatabasesPage *page;
  GtkWidget *widget;
  GtkEditable *entry;

  for (guint i = 1; i <= 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("db-%02u", i);

      create_instance (f, name, "postgres", FALSE);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
  widget = GTK_WIDGET (page);
  entry = rds_databases_page_get_search (page);

  /* 50 by default: all twelve on one page. */
  g_assert_cmpuint (rds_databases_page_get_page_size (page), ==, 50);
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (12)));
  assert_range (f, NULL);

  /* Ten, from the page's menu, remembered. */
  g_assert_true (gtk_widget_activate_action (widget, "page.page-size", "u", 10));
  g_assert_cmpuint (g_settings_get_uint (settings, "databases-page-size"), ==, 10);
  assert_range (f, "1–10 of 12");
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (10)));
  assert_row_shows (f, "db-10\tCreating");
  g_assert_null (databases_row (f, "db-11"));
  g_assert_false (button_sensitive (widget, "Previous page"));
  g_assert_true (button_sensitive (widget, "Next page"));
  screenshot (f, GTK_WIDGET (f->window), "page-databases-pages");

  g_assert_true (gtk_widget_activate_action (widget, "page.next-page", NULL));
  assert_range (f, "11–12 of 12");
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (2)));
  assert_row_shows (f, "db-12\tCreating");
  g_assert_null (databases_row (f, "db-01"));
  g_assert_true (button_sensitive (widget, "Previous page"));
  g_assert_false (button_sensitive (widget, "Next page"));

  /* A search shows what it finds from its first page. */
  gtk_editable_set_text (entry, "db-1");
  assert_range (f, NULL);
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (3)));
  assert_row_shows (f, "db-10\tCreating");
  gtk_editable_set_text (entry, "");
  assert_range (f, "1–10 of 12");

  /* Selecting a database shows its page. */
  g_assert_true (rds_databases_page_select (page, "db-12"));
  assert_range (f, "11–12 of 12");
  g_assert_true (rds_databases_page_get_selected (page) == find_instance (f, "db-12"));
  g_assert_true (gtk_widget_activate_action (widget, "page.previous-page", NULL));
  assert_range (f, "1–10 of 12");
  g_assert_null (rds_databases_page_get_selected (page));

  /* Deleting what made the last page leaves the page that remains. */
  g_assert_true (gtk_widget_activate_action (widget, "page.next-page", NULL));
  for (guint i = 11; i <= 12; i++)
    {
      g_autoptr(RdsRequest) request = rds_request_new ("DeleteDBInstance");
      g_autofree char *name = g_strdup_printf ("db-%02u", i);

      rds_request_set (request, "DBInstanceIdentifier", name);
      rds_request_set_boolean (request, "SkipFinalSnapshot", TRUE);
      call (f, request);
      advance_until (f, name, NULL);
    }
  assert_range (f, NULL);
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (10)));

  g_settings_set_uint (settings, "databases-page-size", 50);
  g_assert_cmpuint (rds_databases_page_get_page_size (page), ==, 50);
}

/* A search that widens past what the window shows adds the rows in sight
 * at once and the rest over the next frames; the selection, below the
 * fold, comes back with its row. (40 is the Region's quota.) */
static void
rows_in_sight_first (Fixture *f)
{
  RdsDatabasesPage *page;
  GtkEditable *entry;
  GListModel *shown;
  guint at_once;

  for (guint i = 1; i <= 40; i++)
    {
      g_autoptr(RdsRequest) request = rds_request_new ("CreateDBInstance");
      g_autofree char *name = g_strdup_printf ("db-%02u", i);

      rds_request_set (request, "DBInstanceIdentifier", name);
      rds_request_set (request, "Engine", "mariadb");
      rds_request_set (request, "DBInstanceClass", "db.t3.micro");
      rds_request_set_int (request, "AllocatedStorage", 20);
      rds_request_set (request, "MasterUsername", "admin");
      rds_request_set (request, "MasterUserPassword", "correct-horse-battery");
      call (f, request);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
  entry = rds_databases_page_get_search (page);
  shown = G_LIST_MODEL (rds_databases_page_get_selection (page));
  rds_session_refresh (f->session);
  g_assert_true (spin_until (f, instances_shown, GUINT_TO_POINTER (40)));

  g_assert_true (rds_databases_page_select (page, "db-38"));
  gtk_editable_set_text (entry, "db-38");
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (1)));
  g_assert_true (rds_databases_page_get_selected (page) == find_instance (f, "db-38"));
  /* Laid out with one row. */
  for (gint64 frame = gdk_frame_clock_get_frame_counter (gtk_widget_get_frame_clock (GTK_WIDGET (page)));
       gdk_frame_clock_get_frame_counter (gtk_widget_get_frame_clock (GTK_WIDGET (page))) < frame + 2; )
    g_main_context_iteration (NULL, TRUE);

  gtk_editable_set_text (entry, "");
  at_once = g_list_model_get_n_items (shown);
  g_test_message ("rows added at once: %u of 40", at_once);
  g_assert_cmpuint (at_once, >, 5);
  g_assert_cmpuint (at_once, <, 40);
  g_assert_null (databases_row (f, "db-38"));
  g_assert_null (rds_databases_page_get_selected (page));

  g_assert_true (spin_until (f, instances_shown, GUINT_TO_POINTER (40)));
  assert_row_shows (f, "db-01\tCreating");
  assert_row_shows (f, "db-40\tCreating");
  g_assert_true (rds_databases_page_get_selected (page) == find_instance (f, "db-38"));
  g_assert_true (action_enabled (GTK_WIDGET (page), "db", "delete"));

  /* Selecting a database whose row has yet to come selects it at once. */
  gtk_editable_set_text (entry, "db-01");
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (1)));
  gtk_editable_set_text (entry, "");
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, 39);
  g_assert_true (rds_databases_page_select (page, "db-39"));
  g_assert_true (rds_databases_page_get_selected (page) == find_instance (f, "db-39"));
}

static gboolean
tag_count_is (Fixture       *f,
              gconstpointer  data)
{
  RdsDbInstance *instance = find_instance (f, "tagged-db");
  GListModel *tags = rds_shape_get_list (RDS_SHAPE (instance), "tag-list");

  return (tags != NULL ? g_list_model_get_n_items (tags) : 0) == GPOINTER_TO_UINT (data);
}

static gboolean
field_has_error (Fixture       *f,
                 gconstpointer  data)
{
  return rds_form_field_get_error (RDS_FORM_FIELD ((gpointer) data)) != NULL;
}

/* Tags: view, add, remove, from a database's page. */
static void
tags (Fixture *f)
{
  RdsDatabasePage *page;
  GtkWidget *key, *value, *key_field;

  create_instance (f, "tagged-db", "mysql", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-database", "s", "tagged-db"));
  page = RDS_DATABASE_PAGE (rds_window_get_page_widget (f->window, "database"));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_template_child (
                                           GTK_WIDGET (page), RDS_TYPE_DATABASE_PAGE, "tabs")), "tags");
  key = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_DATABASE_PAGE, "tag_key_entry"));
  value = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_DATABASE_PAGE, "tag_value_entry"));
  key_field = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_DATABASE_PAGE, "tag_key_field"));

  gtk_editable_set_text (GTK_EDITABLE (key), "aws:owner");
  g_assert_nonnull (rds_form_field_get_error (RDS_FORM_FIELD (key_field)));
  gtk_editable_set_text (GTK_EDITABLE (key), "team");
  g_assert_null (rds_form_field_get_error (RDS_FORM_FIELD (key_field)));
  gtk_editable_set_text (GTK_EDITABLE (value), "payments");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "tags.add", NULL));
  g_assert_true (spin_until (f, tag_count_is, GUINT_TO_POINTER (1)));
  /* Added: the fields empty for the next one. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (key)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, "");

  gtk_editable_set_text (GTK_EDITABLE (key), "environment");
  gtk_editable_set_text (GTK_EDITABLE (value), "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "tags.add", NULL));
  g_assert_true (spin_until (f, tag_count_is, GUINT_TO_POINTER (2)));
  screenshot (f, GTK_WIDGET (f->window), "page-database-tags");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "tags.remove", "s", "team"));
  g_assert_true (spin_until (f, tag_count_is, GUINT_TO_POINTER (1)));

  /* Refused by the service (50 tags at most): its message next to the
   * key, what was typed kept to be corrected. */
  for (guint i = 1; i <= 49; i++)
    {
      g_autoptr(RdsRequest) request = rds_request_new ("AddTagsToResource");
      g_autofree char *tag = g_strdup_printf ("tag-%02u", i);

      rds_request_set (request, "ResourceName", rds_db_instance_get_arn (find_instance (f, "tagged-db")));
      rds_request_add_tag (request, "Tags", tag, "x");
      call (f, request);
    }
  gtk_editable_set_text (GTK_EDITABLE (key), "notes");
  gtk_editable_set_text (GTK_EDITABLE (value), "kept");
  /* Enter in the value, as a person adds a tag: whether or not the list
   * has already heard of the 50 tags (and made the Add button
   * insensitive), the service says why. */
  g_signal_emit_by_name (value, "activate");
  g_assert_true (spin_until (f, field_has_error, key_field));
  g_assert_nonnull (strstr (rds_form_field_get_error (RDS_FORM_FIELD (key_field)), "more than 50 tags"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (key)), ==, "notes");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, "kept");
}

static gboolean
instances_loaded (Fixture       *f,
                  gconstpointer  data)
{
  return rds_resource_list_get_loaded (rds_session_get_instances (f->session));
}

/* A database's page waits for the Region's databases before it says one
 * is gone. */
static void
database_loading_then_gone (Fixture *f)
{
  RdsDatabasePage *page;
  GtkStack *stack;

  create_instance (f, "here-db", "mysql", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-database", "s", "here-db"));
  page = RDS_DATABASE_PAGE (rds_window_get_page_widget (f->window, "database"));
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_DATABASE_PAGE, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "instance");

  /* Another Region: its databases are not known yet. */
  rds_session_set_region (f->session, "eu-west-1");
  rds_database_page_set_identifier (page, "elsewhere-db");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");
  rds_session_refresh (f->session);
  g_assert_true (spin_until (f, instances_loaded, NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "gone");
}

/* A saved state the simulator cannot read is kept aside, and the window
 * says so, and where. */
static void
damaged_state (Fixture *f)
{
  AdwMessageDialog *dialog;

  g_assert_true (spin_until (f, has_message_dialog, NULL));
  dialog = message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Simulator’s Saved State Was Damaged");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "could not be read"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "state.json.corrupt-"));
  screenshot (f, GTK_WIDGET (dialog), "dialog-damaged-state");
  adw_message_dialog_response (dialog, "close");
  g_assert_cmpuint (g_list_model_get_n_items (rds_resource_list_get_model (rds_session_get_instances (f->session))),
                    ==, 0);
}

/* Leaving the wizard half-filled and coming back loses nothing. */
static void
wizard_keeps_values (Fixture *f)
{
  RdsCreateDatabaseWizard *wizard = open_create_wizard (f);
  RdsDatabaseForm *form = rds_create_database_wizard_get_form (wizard);

  g_assert_true (spin_until (f, form_ready, form));
  type_into (form, "identifier_entry", "half-filled");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (form_widget (form, "engine_mariadb")), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "events"));
  g_assert_true (open_create_wizard (f) == wizard);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form_widget (form, "identifier_entry"))), ==,
                   "half-filled");
  g_assert_cmpstr (rds_database_form_get_engine (form), ==, "mariadb");

  /* Cancel empties it: the next one starts afresh. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.cancel", NULL));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "events");
  wizard = open_create_wizard (f);
  form = rds_create_database_wizard_get_form (wizard);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form_widget (form, "identifier_entry"))), ==,
                   "database-1");
}

static gboolean
wizard_idle (Fixture       *f,
             gconstpointer  data)
{
  return !rds_create_database_wizard_get_busy ((RdsCreateDatabaseWizard *) data);
}

/* The service's refusal shows next to the field it concerns. */
static void
wizard_service_error (Fixture *f)
{
  RdsCreateDatabaseWizard *wizard;
  RdsDatabaseForm *form;

  create_instance (f, "taken-db", "mysql", FALSE);
  wizard = open_create_wizard (f);
  form = rds_create_database_wizard_get_form (wizard);
  g_assert_true (spin_until (f, form_ready, form));
  type_into (form, "identifier_entry", "taken-db");
  type_into (form, "password_entry", "correct-horse-battery");
  type_into (form, "confirm_entry", "correct-horse-battery");
  g_assert_true (rds_database_form_get_valid (form));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  g_assert_true (spin_until (f, wizard_idle, wizard));

  g_assert_cmpstr (rds_window_get_page (f->window), ==, "create-database");
  g_assert_nonnull (strstr (field_error (form, "identifier_field"), "already exists"));
  g_assert_nonnull (strstr (rds_create_database_wizard_get_status (wizard), "already exists"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form_widget (form, "password_entry"))), ==,
                   "correct-horse-battery");
  screenshot (f, GTK_WIDGET (f->window), "wizard-create-service-error");

  /* Typing fixes it; nothing else was touched. */
  type_into (form, "identifier_entry", "free-db");
  g_assert_null (field_error (form, "identifier_field"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  wait_for_status (f, "free-db", "creating");
}

/* Easy create: engine, size, identifier and credentials; the rest defaults. */
static void
easy_create (Fixture *f)
{
  RdsCreateDatabaseWizard *wizard = open_create_wizard (f);
  RdsDatabaseForm *form = rds_create_database_wizard_get_form (wizard);
  RdsDbInstance *instance;

  g_assert_true (spin_until (f, form_ready, form));
  /* Easy create applies the size already chosen: Production protects
   * the database from deletion, Free tier would not. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_widget (form, "size_production")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_widget (form, "method_easy")), TRUE);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (form_widget (form, "deletion_check"))));
  g_assert_false (gtk_widget_get_visible (form_widget (form, "storage_section")));
  g_assert_false (gtk_widget_get_visible (form_widget (form, "template_section")));
  g_assert_true (gtk_widget_get_visible (form_widget (form, "size_section")));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (form_widget (form, "engine_postgres")), TRUE);
  g_assert_true (spin_until (f, form_ready, form));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_widget (form, "size_free")), TRUE);
  type_into (form, "identifier_entry", "easy-db");
  type_into (form, "password_entry", "correct-horse-battery");
  type_into (form, "confirm_entry", "correct-horse-battery");
  screenshot (f, GTK_WIDGET (f->window), "wizard-create-easy");
  g_assert_true (rds_database_form_get_valid (form));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  wait_for_status (f, "easy-db", "creating");

  instance = find_instance (f, "easy-db");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (instance), "db-instance-class"), ==, "db.t3.micro");
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (instance), "allocated-storage"), ==, 20);
  g_assert_false (rds_shape_get_boolean (RDS_SHAPE (instance), "multi-az"));
  g_assert_true (rds_shape_get_boolean (RDS_SHAPE (instance), "storage-encrypted"));
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (instance), "backup-retention-period"), ==, 7);
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

static char *
keyring_password (Fixture    *f,
                  const char *key)
{
  char *secret = NULL;

  rds_secrets_lookup_async (rds_application_get_secrets (f->app), RDS_SECRET_MASTER_PASSWORD, key,
                            NULL, lookup_cb, &secret);
  g_assert_true (spin_until (f, pointer_set, &secret));
  return secret;
}

static gboolean
file_contains (const char *dir,
               const char *needle)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_DIR) ? file_contains (path, needle)
          : g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* An auto-generated password: shown once, masked until asked, kept in the
 * keyring and nowhere on disk. */
static void
generated_password (Fixture *f)
{
  RdsCreateDatabaseWizard *wizard = open_create_wizard (f);
  RdsDatabaseForm *form = rds_create_database_wizard_get_form (wizard);
  g_autofree char *secret = NULL;
  g_autofree char *typed = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *show, *label;

  g_assert_true (spin_until (f, form_ready, form));
  type_into (form, "identifier_entry", "generated-db");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_widget (form, "autogen_check")), TRUE);
  g_assert_false (gtk_widget_get_visible (form_widget (form, "password_field")));
  g_assert_true (rds_database_form_get_valid (form));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  g_assert_true (spin_until (f, has_message_dialog, NULL));
  dialog = message_dialog ();
  wait_for_status (f, "generated-db", "creating");

  secret = keyring_password (f, "us-east-1/generated-db");
  g_assert_cmpuint (strlen (secret), ==, 20);
  label = find_widget (GTK_WIDGET (dialog), is_password_label, NULL);
  g_assert_nonnull (label);
  g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (label)), secret));
  screenshot (f, GTK_WIDGET (dialog), "dialog-generated-password");
  show = find_widget (GTK_WIDGET (dialog), is_toggle, NULL);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (show), TRUE);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, secret);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (show), FALSE);
  adw_message_dialog_response (dialog, "close");

  /* A password the user chose goes to the keyring too. */
  wizard = open_create_wizard (f);
  form = rds_create_database_wizard_get_form (wizard);
  g_assert_true (spin_until (f, form_ready, form));
  type_into (form, "identifier_entry", "chosen-db");
  type_into (form, "password_entry", "Chosen-Password-42");
  type_into (form, "confirm_entry", "Chosen-Password-42");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  wait_for_status (f, "chosen-db", "creating");
  g_assert_true (spin_until (f, on_page, "databases"));
  typed = keyring_password (f, "us-east-1/chosen-db");
  g_assert_cmpstr (typed, ==, "Chosen-Password-42");
  g_assert_true (rds_secrets_get_persistent (rds_application_get_secrets (f->app)));

  /* Never on disk: not in the simulator's state, not in the settings. */
  advance (f, 60);
  g_assert_false (file_contains (f->dir, secret));
  g_assert_false (file_contains (f->dir, "Chosen-Password-42"));
}

static guint
events_shown (Fixture *f)
{
  RdsEventsPage *page = RDS_EVENTS_PAGE (rds_window_get_page_widget (f->window, "events"));
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                        RDS_TYPE_EVENTS_PAGE,
                                                                        "column_view"));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

static gboolean
events_shown_are (Fixture       *f,
                  gconstpointer  data)
{
  return events_shown (f) == GPOINTER_TO_UINT (data);
}

static gboolean
dashboard_events_are (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *page = rds_window_get_page_widget (f->window, "dashboard");
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (page, RDS_TYPE_DASHBOARD_PAGE, "events_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), data) == 0;
}

/* Events: all of them, by source type, by search, by time range. */
static void
events_filters (Fixture *f)
{
  RdsEventsPage *page;
  GtkDropDown *types, *ranges;
  GtkEditable *search_entry;
  guint all, instances, snapshots;

  create_instance (f, "eventful-db", "mysql", FALSE);
  advance_until (f, "eventful-db", "available");
  {
    g_autoptr(RdsRequest) request = rds_request_new ("CreateDBSnapshot");

    rds_request_set (request, "DBInstanceIdentifier", "eventful-db");
    rds_request_set (request, "DBSnapshotIdentifier", "eventful-snapshot");
    call (f, request);
  }
  advance (f, 1800);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "events"));
  page = RDS_EVENTS_PAGE (rds_window_get_page_widget (f->window, "events"));
  types = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_EVENTS_PAGE,
                                                        "type_dropdown"));
  search_entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_EVENTS_PAGE,
                                                              "search_entry"));
  ranges = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_EVENTS_PAGE,
                                                         "range_dropdown"));
  all = events_shown (f);
  g_assert_cmpuint (all, >, 3);
  screenshot (f, GTK_WIDGET (f->window), "page-events");

  gtk_drop_down_set_selected (types, 1);
  instances = events_shown (f);
  gtk_drop_down_set_selected (types, 2);
  snapshots = events_shown (f);
  g_assert_cmpuint (instances, >, 0);
  g_assert_cmpuint (snapshots, >, 0);
  g_assert_cmpuint (instances + snapshots, ==, all);

  gtk_drop_down_set_selected (types, 0);
  gtk_editable_set_text (search_entry, "eventful-snapshot");
  g_assert_cmpuint (events_shown (f), ==, snapshots);
  gtk_editable_set_text (search_entry, "");
  g_assert_cmpuint (events_shown (f), ==, all);

  /* Two hours on, none of the last hour; the dashboard's last day keeps
   * them all the same. */
  advance (f, 2 * 3600);
  gtk_drop_down_set_selected (ranges, 0);
  g_assert_true (spin_until (f, events_shown_are, GUINT_TO_POINTER (0)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "dashboard"));
  g_assert_true (spin_until (f, dashboard_events_are, "list"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "events"));
  gtk_drop_down_set_selected (ranges, 1);
  g_assert_true (spin_until (f, events_shown_are, GUINT_TO_POINTER (all)));
}

static void
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
  return message != NULL &&
         (strstr (message, "could not get remote address") != NULL ||
          strstr (message, "did not receive a focus-out event") != NULL);
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

/* Every widget class the console builds from a template comes up and goes
 * away on its own, without a critical and without a leaked reference:
 * what its dispose forgets shows here first. */
static void
test_widgets_new_destroy (void)
{
  GType (*types[]) (void) = {
    rds_dashboard_page_get_type, rds_database_page_get_type, rds_databases_page_get_type,
    rds_events_page_get_type, rds_snapshots_page_get_type,
    rds_clock_control_get_type, rds_cost_panel_get_type, rds_event_row_get_type,
    rds_form_field_get_type, rds_link_button_get_type, rds_status_badge_get_type,
    rds_database_form_get_type, rds_create_database_wizard_get_type,
    rds_modify_database_wizard_get_type,
    rds_engine_section_get_type, rds_availability_section_get_type, rds_settings_section_get_type,
    rds_instance_class_section_get_type, rds_storage_section_get_type,
    rds_connectivity_section_get_type, rds_authentication_section_get_type,
    rds_monitoring_section_get_type, rds_additional_configuration_section_get_type,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *widget = g_object_new (types[i] (), NULL);

      g_test_message ("%s", G_OBJECT_TYPE_NAME (widget));
      g_object_ref_sink (widget);
      /* A moment in a window, as the console shows it. */
      {
        GtkWidget *window = gtk_window_new ();

        /* Rows live in a list box. */
        if (GTK_IS_LIST_BOX_ROW (widget))
          {
            GtkWidget *box = gtk_list_box_new ();

            gtk_list_box_append (GTK_LIST_BOX (box), widget);
            gtk_window_set_child (GTK_WINDOW (window), box);
          }
        else
          gtk_window_set_child (GTK_WINDOW (window), widget);
        gtk_window_present (GTK_WINDOW (window));
        while (g_main_context_iteration (NULL, FALSE))
          ;
        gtk_window_destroy (GTK_WINDOW (window));
        while (g_main_context_iteration (NULL, FALSE))
          ;
      }
      g_assert_finalize_object (widget);
    }
}

static RdsShape *
orderable_option (const char *instance_class,
                  const char *storage_type)
{
  RdsShape *option = g_object_new (RDS_TYPE_ORDERABLE_DB_INSTANCE_OPTION, NULL);

  rds_shape_set_string (option, "engine", "postgres");
  rds_shape_set_string (option, "db-instance-class", instance_class);
  rds_shape_set_string (option, "storage-type", storage_type);
  rds_shape_set_string (option, "license-model", "postgresql-license");
  return option;
}

static void
counter_cb (gpointer  object,
            guint    *count)
{
  (*count)++;
}

static const char *
section_error (RdsFormSection *section,
               const char     *field)
{
  return rds_form_field_get_error (RDS_FORM_FIELD (rds_form_section_get_widget (section, field)));
}

/* Sections work on their own, as the coming wizards (restore, read
 * replica, Multi-AZ conversion) will assemble them: each takes the
 * engine, checks its fields, adds its parameters to a request and says
 * what Modify would change. */
static void
test_sections_on_their_own (void)
{
  g_autoptr(RdsSession) session = rds_session_new ("http://127.0.0.1:9", "AKIDSECTIONS", "sections-secret", TRUE);
  const RdsEngineInfo *postgres = rds_catalog_find_engine ("postgres");
  g_autoptr(GListStore) orderable = g_list_store_new (RDS_TYPE_SHAPE);
  g_autoptr(RdsFormSection) storage = g_object_ref_sink (g_object_new (RDS_TYPE_STORAGE_SECTION, NULL));
  g_autoptr(RdsFormSection) classes = g_object_ref_sink (g_object_new (RDS_TYPE_INSTANCE_CLASS_SECTION, NULL));
  g_autoptr(RdsFormSection) modify = g_object_ref_sink (g_object_new (RDS_TYPE_STORAGE_SECTION, NULL));
  g_autoptr(RdsRequest) request = rds_request_new ("RestoreDBInstanceFromDBSnapshot");
  g_autoptr(RdsRequest) changes_request = rds_request_new ("ModifyDBInstance");
  g_autoptr(RdsDbInstance) instance = g_object_new (RDS_TYPE_DB_INSTANCE, NULL);
  RdsFormDiff diff = { g_ptr_array_new_with_free_func ((GDestroyNotify) rds_form_change_free), NULL };
  GtkWidget *allocated;
  guint changed = 0;
  int value = 0;

  const char *options[][2] = {
    { "db.t3.micro", "gp2" }, { "db.t3.micro", "gp3" }, { "db.m5.large", "io1" }, { "db.m5.large", "gp3" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autoptr(RdsShape) option = orderable_option (options[i][0], options[i][1]);

      g_list_store_append (orderable, option);
    }

  /* The class section offers the classes of the chosen family. */
  rds_form_section_setup (classes, session, RDS_DATABASE_FORM_CREATE, NULL);
  rds_form_section_set_engine (classes, postgres);
  rds_instance_class_section_set_offer (RDS_INSTANCE_CLASS_SECTION (classes), G_LIST_MODEL (orderable),
                                        "postgresql-license", NULL);
  rds_instance_class_section_choose (RDS_INSTANCE_CLASS_SECTION (classes), "db.m5.large");
  g_assert_cmpstr (rds_instance_class_section_get_class (RDS_INSTANCE_CLASS_SECTION (classes)), ==,
                   "db.m5.large");
  g_assert_true (rds_form_section_validate (classes));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (rds_form_section_get_widget (classes, "class_memory")),
                               TRUE);
  g_assert_null (rds_instance_class_section_get_class (RDS_INSTANCE_CLASS_SECTION (classes)));
  g_assert_false (rds_form_section_validate (classes));
  g_assert_nonnull (section_error (classes, "class_field"));

  /* The storage section: the types of the class, the rules of the engine. */
  rds_form_section_setup (storage, session, RDS_DATABASE_FORM_CREATE, NULL);
  rds_form_section_set_engine (storage, postgres);
  g_signal_connect (storage, "changed", G_CALLBACK (counter_cb), &changed);
  rds_storage_section_set_offer (RDS_STORAGE_SECTION (storage), G_LIST_MODEL (orderable), "db.t3.micro",
                                 "postgresql-license");
  rds_storage_section_choose (RDS_STORAGE_SECTION (storage), "gp2", 50, 0, 1000);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_true (rds_form_section_validate (storage));

  allocated = rds_form_section_get_widget (storage, "allocated_entry");
  gtk_editable_set_text (GTK_EDITABLE (allocated), "5");
  g_assert_cmpuint (changed, >, 0);
  g_assert_false (rds_form_section_validate (storage));
  g_assert_cmpstr (section_error (storage, "allocated_field"), ==,
                   "Must be between 20 and 65536 GiB for this engine and storage type.");
  gtk_editable_set_text (GTK_EDITABLE (allocated), "200");
  g_assert_true (rds_form_section_validate (storage));
  g_assert_null (section_error (storage, "allocated_field"));

  rds_form_section_add_to_create (storage, request);
  g_assert_cmpstr (rds_request_get_string (request, "StorageType"), ==, "gp2");
  g_assert_true (rds_request_get_int (request, "AllocatedStorage", &value, NULL));
  g_assert_cmpint (value, ==, 200);
  g_assert_cmpstr (rds_request_get_string (request, "MaxAllocatedStorage"), ==, "1000");

  /* Modifying: filled from the instance; storage never shrinks; the
   * summary and the request say what changes. */
  rds_shape_set_string (RDS_SHAPE (instance), "db-instance-identifier", "orders");
  rds_shape_set_string (RDS_SHAPE (instance), "engine", "postgres");
  rds_shape_set_string (RDS_SHAPE (instance), "storage-type", "gp3");
  rds_shape_set_int (RDS_SHAPE (instance), "allocated-storage", 100);
  rds_form_section_setup (modify, session, RDS_DATABASE_FORM_MODIFY, instance);
  rds_form_section_set_engine (modify, postgres);
  rds_storage_section_set_offer (RDS_STORAGE_SECTION (modify), G_LIST_MODEL (orderable), "db.t3.micro",
                                 "postgresql-license");
  allocated = rds_form_section_get_widget (modify, "allocated_entry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (allocated)), ==, "100");
  g_assert_true (rds_form_section_validate (modify));
  gtk_editable_set_text (GTK_EDITABLE (allocated), "80");
  g_assert_false (rds_form_section_validate (modify));
  g_assert_nonnull (section_error (modify, "allocated_field"));
  gtk_editable_set_text (GTK_EDITABLE (allocated), "150");
  g_assert_true (rds_form_section_validate (modify));

  diff.request = changes_request;
  rds_form_section_add_changes (modify, &diff);
  g_assert_cmpuint (diff.changes->len, ==, 1);
  g_assert_cmpstr (((RdsFormChange *) g_ptr_array_index (diff.changes, 0))->attribute, ==,
                   "Allocated storage (GiB)");
  g_assert_cmpstr (((RdsFormChange *) g_ptr_array_index (diff.changes, 0))->wanted, ==, "150");
  g_assert_cmpstr (rds_request_get_string (changes_request, "AllocatedStorage"), ==, "150");
  g_assert_null (rds_request_get_string (changes_request, "StorageType"));
  g_ptr_array_unref (diff.changes);
}

/* The dialogs likewise, shown and closed on their own (nothing is sent:
 * the session's endpoint is never called). */
static void
test_dialogs_new_destroy (void)
{
  g_autoptr(RdsSession) session = rds_session_new ("http://127.0.0.1:9", "AKIDDIALOGS", "dialogs-secret", TRUE);
  g_autoptr(RdsDbInstance) instance = g_object_new (RDS_TYPE_DB_INSTANCE,
                                                    "db-instance-identifier", "db1",
                                                    "engine", "postgres",
                                                    "db-instance-status", "available", NULL);
  g_autoptr(RdsDbSnapshot) snapshot = g_object_new (RDS_TYPE_DB_SNAPSHOT,
                                                    "db-snapshot-identifier", "snap1",
                                                    "db-instance-identifier", "db1",
                                                    "status", "available", NULL);
  GtkWindow *dialogs[] = {
    GTK_WINDOW (rds_credentials_dialog_new (NULL, "db1", "admin", "dialog-password-1", FALSE)),
    GTK_WINDOW (rds_delete_database_dialog_new (session, instance)),
    GTK_WINDOW (rds_delete_snapshot_dialog_new (session, snapshot)),
    GTK_WINDOW (rds_reboot_database_dialog_new (session, instance)),
    GTK_WINDOW (rds_stop_database_dialog_new (session, instance)),
    GTK_WINDOW (rds_take_snapshot_dialog_new (session, instance)),
  };

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      GtkWindow *dialog = dialogs[i];

      g_test_message ("%s", G_OBJECT_TYPE_NAME (dialog));
      g_object_ref (dialog);
      gtk_window_present (dialog);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      gtk_window_destroy (dialog);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_assert_finalize_object (dialog);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("RDS_CONSOLE_LOCALEDIR");

  /* As rds-console's main () does. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_log_set_writer_func (log_writer_cb, NULL, NULL);
  gtk_test_init (&argc, &argv, NULL);
  g_test_log_set_fatal_handler (fatal_log_cb, NULL);
  /* gtk_test_init () forces en_US.UTF-8; the Korean run wants its own. */
  if (g_getenv ("RDS_TEST_KOREAN") != NULL)
    g_assert_nonnull (setlocale (LC_ALL, ""));
  adw_init ();
  /* Only the main run needs one; the Korean run may share its bus. */
  if (g_getenv ("RDS_TEST_KOREAN") == NULL)
    serve_notifications ();
  /* Screenshots show where transitions end, not their middle. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, ...) \
  G_STMT_START { \
    static const TestCase test = { __VA_ARGS__ }; \
    g_test_add (path, Fixture, &test, fixture_setup, run_test, fixture_teardown); \
  } G_STMT_END

  if (g_getenv ("RDS_TEST_KOREAN") != NULL)
    {
      ADD ("/console/korean", korean);
      return g_test_run ();
    }

  g_test_add_func ("/console/widgets/new-destroy", test_widgets_new_destroy);
  g_test_add_func ("/console/dialogs/new-destroy", test_dialogs_new_destroy);
  g_test_add_func ("/console/wizard/sections-on-their-own", test_sections_on_their_own);
  ADD ("/console/window/pages", window_pages);
  ADD ("/console/window/sample-environment", sample_environment, .offer_sample = TRUE);
  ADD ("/console/window/no-keyring", no_keyring, .no_keyring = TRUE);
  ADD ("/console/window/damaged-state", damaged_state, .damaged_state = TRUE);
  ADD ("/console/window/region", region);
  ADD ("/console/window/clock", clock_control);
  ADD ("/console/databases/create-modify-delete", create_modify_delete);
  ADD ("/console/databases/actions-per-status", actions_per_status);
  ADD ("/console/databases/search", search);
  ADD ("/console/databases/pages", pages);
  ADD ("/console/databases/rows-in-sight-first", rows_in_sight_first);
  ADD ("/console/database/tags", tags);
  ADD ("/console/database/loading-then-gone", database_loading_then_gone);
  ADD ("/console/wizard/keeps-what-was-typed", wizard_keeps_values);
  ADD ("/console/wizard/service-error", wizard_service_error);
  ADD ("/console/wizard/easy-create", easy_create);
  ADD ("/console/wizard/generated-password", generated_password);
  ADD ("/console/events/filters", events_filters);

#undef ADD

  return g_test_run ();
}
