/* test-connections.c: connections to other endpoints, made and used as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "console-test.h"
#include "rds-connection-editor.h"
#include "rds-connection-store.h"
#include "rds-connections-window.h"

static RdsConnectionsWindow *
connections_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (RDS_IS_CONNECTIONS_WINDOW (window))
        return RDS_CONNECTIONS_WINDOW (window);
    }
  return NULL;
}

static gboolean
is_editor (GtkWidget     *widget,
           gconstpointer  data)
{
  return RDS_IS_CONNECTION_EDITOR (widget) && gtk_widget_get_mapped (widget);
}

static RdsConnectionEditor *
editor_of (RdsConnectionsWindow *window)
{
  return RDS_CONNECTION_EDITOR (find_widget (GTK_WIDGET (window), is_editor, NULL));
}

static gboolean
editor_shown (Fixture       *f,
              gconstpointer  data)
{
  return find_widget (GTK_WIDGET (data), is_editor, NULL) != NULL;
}

static gboolean
editor_gone (Fixture       *f,
             gconstpointer  data)
{
  return !editor_shown (f, data);
}

static GtkWidget *
editor_widget (RdsConnectionEditor *editor,
               const char          *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), RDS_TYPE_CONNECTION_EDITOR, name));
}

static const char *
editor_error (RdsConnectionEditor *editor,
              const char          *field)
{
  return rds_form_field_get_error (RDS_FORM_FIELD (editor_widget (editor, field)));
}

static void
editor_type (RdsConnectionEditor *editor,
             const char          *entry,
             const char          *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editor_widget (editor, entry)), text);
}

/* The window's Connections, opened from the menu, and its editor on a new
 * connection. */
static RdsConnectionEditor *
open_add_connection (Fixture *f)
{
  RdsConnectionsWindow *window;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "connections", NULL);
  window = connections_window ();
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "connections.add", NULL));
  g_assert_true (spin_until (f, editor_shown, window));
  return editor_of (window);
}

static gboolean
session_at (Fixture       *f,
            gconstpointer  data)
{
  RdsSession *session = rds_application_get_session (f->app);

  /* NULL: the embedded simulator's, wherever it listens now. */
  if (data == NULL)
    return session != NULL && rds_window_get_session (f->window) == session &&
           g_strcmp0 (rds_session_get_endpoint (session), rds_simulator_get_url (f->external)) != 0;
  return session != NULL && rds_window_get_session (f->window) == session &&
         g_strcmp0 (rds_session_get_endpoint (session), data) == 0;
}

static gboolean
aws_session (Fixture       *f,
             gconstpointer  data)
{
  RdsSession *session = rds_application_get_session (f->app);

  return session != NULL && rds_window_get_session (f->window) == session &&
         rds_session_get_endpoint (session) == NULL;
}

static gboolean
lists_loaded_now (Fixture       *f,
                  gconstpointer  data)
{
  RdsSession *session = rds_window_get_session (f->window);

  return session != NULL && rds_resource_list_get_loaded (rds_session_get_instances (session));
}

/* Connects to @id through the switcher's action, and waits for its session. */
static void
switch_to (Fixture    *f,
           const char *id,
           const char *endpoint)
{
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "connect", g_variant_new_string (id));
  if (!spin_until (f, session_at, endpoint))
    g_error ("No session at %s: %s (session %p at %s)", endpoint,
             rds_application_get_start_error (f->app) != NULL ? rds_application_get_start_error (f->app)->message : "no error",
             rds_application_get_session (f->app),
             rds_application_get_session (f->app) != NULL ? rds_session_get_endpoint (rds_application_get_session (f->app)) : "-");
  f->session = rds_window_get_session (f->window);
  g_assert_true (spin_until (f, lists_loaded_now, NULL));
}

static void
secret_looked_up_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  char **secret = user_data;

  *secret = rds_secrets_lookup_finish (RDS_SECRETS (object), result, &error);
  g_assert_no_error (error);
  if (*secret == NULL)
    *secret = g_strdup ("");
}

/* What the keyring has for the connection @id ("" for nothing). */
static char *
connection_secret (Fixture    *f,
                   const char *id)
{
  char *secret = NULL;

  rds_secrets_lookup_async (rds_application_get_secrets (f->app), RDS_SECRET_CONNECTION, id, NULL,
                            secret_looked_up_cb, &secret);
  while (secret == NULL)
    g_main_context_iteration (NULL, TRUE);
  return secret;
}

static void
secret_stored_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rds_secrets_store_finish (RDS_SECRETS (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
store_secret (Fixture    *f,
              const char *id,
              const char *secret)
{
  gboolean done = FALSE;

  rds_secrets_store_async (rds_application_get_secrets (f->app), RDS_SECRET_CONNECTION, id, "test", secret,
                           NULL, secret_stored_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
n_connections_is (Fixture       *f,
                  gconstpointer  data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (rds_application_get_connections (f->app))) ==
         GPOINTER_TO_UINT (data);
}

static gboolean
problem_shown (Fixture       *f,
               gconstpointer  data)
{
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (f->window), RDS_TYPE_WINDOW,
                                                                       "problem_revealer"));
  GtkLabel *label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (f->window), RDS_TYPE_WINDOW,
                                                              "problem_label"));

  return gtk_revealer_get_reveal_child (revealer) && strstr (gtk_label_get_label (label), data) != NULL;
}

static gboolean
problem_hidden (Fixture       *f,
                gconstpointer  data)
{
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (f->window), RDS_TYPE_WINDOW,
                                                                       "problem_revealer"));

  return !gtk_revealer_get_reveal_child (revealer);
}

/* A user adds a running rds-simd with the dialog, switches to it, makes a
 * database there, and goes back to the embedded simulator; the secret is
 * in the keyring and nowhere else. */
static void
add_and_use (Fixture *f)
{
  const char *url = rds_simulator_get_url (f->external);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GVariant) stored = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *secret = NULL;
  RdsConnectionsWindow *window;
  RdsConnectionEditor *editor;
  RdsConnection *connection;
  AdwWindowTitle *sidebar_title;

  editor = open_add_connection (f);
  window = connections_window ();
  screenshot (f, GTK_WIDGET (window), "dialog-connection-add");

  /* Save with nothing typed: each field says what it needs. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_cmpstr (editor_error (editor, "name_field"), ==, "Give the connection a name.");
  g_assert_nonnull (strstr (editor_error (editor, "url_field"), "Enter the endpoint’s URL"));
  g_assert_cmpstr (editor_error (editor, "key_field"), ==, "Enter the access key ID.");
  g_assert_cmpstr (editor_error (editor, "secret_field"), ==, "Enter the secret access key.");
  /* The first wrong field has the keyboard. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), editor_widget (editor, "name_field")));

  editor_type (editor, "name_entry", "Embedded simulator");
  g_assert_cmpstr (editor_error (editor, "name_field"), ==, "Another connection has this name: choose another.");
  editor_type (editor, "url_entry", "ftp://127.0.0.1:9400");
  g_assert_nonnull (strstr (editor_error (editor, "url_field"), "http://"));
  editor_type (editor, "key_entry", "AKID EXTERNAL");
  g_assert_cmpstr (editor_error (editor, "key_field"), ==, "An access key ID has no spaces.");
  screenshot (f, GTK_WIDGET (window), "dialog-connection-errors");

  editor_type (editor, "name_entry", "Lab simulator");
  editor_type (editor, "url_entry", url);
  editor_type (editor, "key_entry", "AKIDEXTERNAL");
  editor_type (editor, "secret_entry", "external-secret");
  g_assert_null (editor_error (editor, "name_field"));
  g_assert_null (editor_error (editor, "url_field"));
  g_assert_null (editor_error (editor, "key_field"));
  g_assert_null (editor_error (editor, "secret_field"));
  screenshot (f, GTK_WIDGET (window), "dialog-connection-filled");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (spin_until (f, n_connections_is, GUINT_TO_POINTER (2)));
  g_assert_true (spin_until (f, editor_gone, window));
  screenshot (f, GTK_WIDGET (window), "dialog-connections");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  screenshot (f, GTK_WIDGET (window), "dialog-connections-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Saved without its secret, which the keyring has. */
  connection = g_list_model_get_item (G_LIST_MODEL (rds_application_get_connections (f->app)), 1);
  g_object_unref (connection);   /* the store keeps it */
  g_assert_cmpstr (rds_connection_get_name (connection), ==, "Lab simulator");
  g_assert_cmpstr (rds_connection_get_url (connection), ==, url);
  stored = g_settings_get_value (settings, "connections");
  printed = g_variant_print (stored, FALSE);
  g_assert_nonnull (strstr (printed, "AKIDEXTERNAL"));
  g_assert_null (strstr (printed, "external-secret"));
  secret = connection_secret (f, rds_connection_get_id (connection));
  g_assert_cmpstr (secret, ==, "external-secret");

  /* Switch to it: the window shows that simulator's databases. */
  gtk_window_destroy (GTK_WINDOW (window));
  switch_to (f, rds_connection_get_id (connection), url);
  g_assert_true (rds_session_is_simulator (f->session));
  {
    g_autofree char *current = g_settings_get_string (settings, "connection");

    g_assert_cmpstr (current, ==, rds_connection_get_id (connection));
  }
  sidebar_title = ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (f->window), RDS_TYPE_WINDOW,
                                                                   "sidebar_title"));
  g_assert_cmpstr (adw_window_title_get_subtitle (sidebar_title), ==, "Lab simulator");
  create_instance (f, "lab-db", "mysql", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (1)));
  screenshot (f, GTK_WIDGET (f->window), "page-databases-external");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  screenshot (f, GTK_WIDGET (f->window), "page-databases-external-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* And back: the embedded simulator has none of them. */
  switch_to (f, RDS_CONNECTION_EMBEDDED_ID, NULL);
  g_assert_nonnull (rds_session_get_endpoint (f->session));
  g_assert_cmpstr (rds_session_get_endpoint (f->session), !=, url);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (0)));

  /* Removed (after a question): the connection and its secret are gone. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "connections", NULL);
  window = connections_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "connections.remove", "s",
                                             rds_connection_get_id (connection)));
  g_assert_true (spin_until (f, has_message_dialog, NULL));
  screenshot (f, GTK_WIDGET (message_dialog ()), "dialog-connection-remove");
  g_object_ref (connection);
  adw_message_dialog_response (message_dialog (), "remove");
  g_assert_true (spin_until (f, n_connections_is, GUINT_TO_POINTER (1)));
  g_free (secret);
  secret = connection_secret (f, rds_connection_get_id (connection));
  g_assert_cmpstr (secret, ==, "");
  g_object_unref (connection);
}

/* An endpoint connection made behind the dialog's back, with @secret in
 * the keyring, and connected to. */
static RdsConnection *
add_endpoint (Fixture    *f,
              const char *name,
              const char *url,
              const char *secret)
{
  RdsConnection *connection = rds_connection_new (RDS_CONNECTION_ENDPOINT);

  rds_connection_set_name (connection, name);
  rds_connection_set_url (connection, url);
  rds_connection_set_access_key_id (connection, "AKIDEXTERNAL");
  rds_connection_store_save (rds_application_get_connections (f->app), connection);
  store_secret (f, rds_connection_get_id (connection), secret);
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "connect",
                                  g_variant_new_string (rds_connection_get_id (connection)));
  return connection;
}

/* A wrong secret, then an endpoint nobody serves: the window says what is
 * wrong above the page, and it goes once the cause is fixed. */
static void
problems (Fixture *f)
{
  RdsConnectionStore *store = rds_application_get_connections (f->app);
  const char *url = rds_simulator_get_url (f->external);
  g_autoptr(RdsConnection) wrong = add_endpoint (f, "Wrong secret", url, "not-the-secret");
  RdsConnectionsWindow *window;
  RdsConnectionEditor *editor;

  g_assert_true (spin_until (f, session_at, url));
  g_assert_true (spin_until (f, problem_shown, "Check the connection’s secret access key."));
  /* Nothing loaded: the dashboard counts nothing rather than zeros. */
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "dashboard");
  wait_for_frames (f, GTK_WIDGET (f->window));
  g_assert_nonnull (find_widget (GTK_WIDGET (f->window), is_label_showing, "—"));
  g_assert_null (find_widget (GTK_WIDGET (f->window), is_label_showing, "0"));
  screenshot (f, GTK_WIDGET (f->window), "page-connection-problem");

  /* Fixed in the editor: the console connects again, and the banner goes. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "connections", NULL);
  window = connections_window ();
  rds_connections_window_edit (window, rds_connection_get_id (wrong));
  g_assert_true (spin_until (f, editor_shown, window));
  editor = editor_of (window);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_widget (editor, "url_entry"))), ==, url);
  /* Empty, it keeps the keyring's; typed, it replaces it. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_widget (editor, "secret_entry"))), ==, "");
  editor_type (editor, "secret_entry", "external-secret");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (spin_until (f, editor_gone, window));
  g_assert_true (spin_until (f, session_at, url));
  f->session = rds_window_get_session (f->window);
  g_assert_true (spin_until (f, problem_hidden, NULL));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Nobody there. */
  {
    g_autoptr(RdsConnection) closed = NULL;
    g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                              G_SOCKET_PROTOCOL_TCP, NULL);
    g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
    g_autoptr(GSocketAddress) bound = NULL;
    g_autofree char *closed_url = NULL;

    g_assert_true (g_socket_bind (socket, any, FALSE, NULL));
    bound = g_socket_get_local_address (socket, NULL);
    closed_url = g_strdup_printf ("http://127.0.0.1:%u",
                                  g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
    g_socket_close (socket, NULL);

    closed = add_endpoint (f, "Nobody there", closed_url, "x");
    g_assert_true (spin_until (f, session_at, closed_url));
    {
      g_autofree char *expected = g_strdup_printf ("Could not reach %s/", closed_url);

      g_assert_true (spin_until (f, problem_shown, expected));
    }
    /* Not a simulator, as far as anyone can tell: no clock. */
    g_assert_false (rds_session_is_simulator (rds_window_get_session (f->window)));
  }

  /* A connection whose secret the keyring lost says so, and how to fix it. */
  {
    g_autoptr(RdsConnection) lost = rds_connection_new (RDS_CONNECTION_ACCOUNT);
    AdwStatusPage *failed = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (f->window),
                                                                            RDS_TYPE_WINDOW, "failed_page"));

    rds_connection_set_name (lost, "Lost key");
    rds_connection_set_access_key_id (lost, "AKIAIOSFODNN7EXAMPLE");
    rds_connection_store_save (store, lost);
    g_action_group_activate_action (G_ACTION_GROUP (f->app), "connect",
                                    g_variant_new_string (rds_connection_get_id (lost)));
    g_assert_true (spin_until (f, on_page, "failed"));
    g_assert_cmpstr (adw_status_page_get_title (failed), ==, "Could Not Connect");
    g_assert_nonnull (strstr (adw_status_page_get_description (failed), "edit the connection"));
    screenshot (f, GTK_WIDGET (f->window), "page-connection-failed");
  }

  /* An AWS account: AWS's own endpoints, in the connection's Region, and
   * no simulator's controls. (Whether AWS answers is not this test's.) */
  {
    g_autoptr(RdsConnection) account = rds_connection_new (RDS_CONNECTION_ACCOUNT);
    RdsSession *session;
    g_autofree char *service_url = NULL;

    rds_connection_set_name (account, "Production");
    rds_connection_set_access_key_id (account, "AKIAIOSFODNN7EXAMPLE");
    rds_connection_set_region (account, "eu-west-1");
    rds_connection_store_save (store, account);
    store_secret (f, rds_connection_get_id (account), "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    g_action_group_activate_action (G_ACTION_GROUP (f->app), "connect",
                                    g_variant_new_string (rds_connection_get_id (account)));
    g_assert_true (spin_until (f, aws_session, NULL));
    session = rds_window_get_session (f->window);
    g_assert_false (rds_session_is_simulator (session));
    g_assert_cmpstr (rds_session_get_region (session), ==, "eu-west-1");
    service_url = rds_client_get_service_url (rds_session_get_client (session), "rds");
    g_assert_cmpstr (service_url, ==, "https://rds.eu-west-1.amazonaws.com");
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), RDS_TYPE_WINDOW,
                                                                           "clock_control"))));
    switch_to (f, RDS_CONNECTION_EMBEDDED_ID, NULL);
  }
}

/* In Korean: the list, the editor's errors, and the console on rds-simd. */
static void
korean (Fixture *f)
{
  const char *url = rds_simulator_get_url (f->external);
  RdsConnectionEditor *editor;
  RdsConnectionsWindow *window;
  RdsConnection *connection;

  g_assert_cmpstr (_("Connections"), ==, "연결");
  editor = open_add_connection (f);
  window = connections_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_cmpstr (editor_error (editor, "name_field"), ==, "연결 이름을 입력하십시오.");
  screenshot (f, GTK_WIDGET (window), "ko-dialog-connection-errors");
  editor_type (editor, "name_entry", "실습 시뮬레이터");
  editor_type (editor, "url_entry", url);
  editor_type (editor, "key_entry", "AKIDEXTERNAL");
  editor_type (editor, "secret_entry", "external-secret");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (spin_until (f, n_connections_is, GUINT_TO_POINTER (2)));
  g_assert_true (spin_until (f, editor_gone, window));
  screenshot (f, GTK_WIDGET (window), "ko-dialog-connections");
  gtk_window_destroy (GTK_WINDOW (window));

  connection = g_list_model_get_item (G_LIST_MODEL (rds_application_get_connections (f->app)), 1);
  switch_to (f, rds_connection_get_id (connection), url);
  g_object_unref (connection);
  screenshot (f, GTK_WIDGET (f->window), "ko-page-dashboard-external");
}

int
main (int   argc,
      char *argv[])
{
  console_test_init (&argc, &argv);

  if (g_getenv ("RDS_TEST_KOREAN") != NULL)
    {
      CONSOLE_TEST_ADD ("/console/connections/korean", korean, .simd_running = TRUE);
      return g_test_run ();
    }

  CONSOLE_TEST_ADD ("/console/connections/add-and-use", add_and_use, .simd_running = TRUE);
  CONSOLE_TEST_ADD ("/console/connections/problems", problems, .simd_running = TRUE);

  return g_test_run ();
}
