/* rds-connections-window.c: the connections, to add, edit, remove and use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per connection, the one in use marked: Connect switches to it
 * (app.connect, whose state is the connection in use), Edit opens the
 * editor as a subpage, Remove asks first, then forgets the connection and
 * its secret. The embedded simulator is always there, and is neither
 * edited nor removed.
 */

#include "config.h"

#include "rds-connections-window.h"

#include <glib/gi18n.h>

#include "rds-accessible-names.h"
#include "rds-connection-editor.h"
#include "rds-word-wrap.h"

struct _RdsConnectionsWindow
{
  AdwPreferencesWindow  parent_instance;

  GActionGroup         *application;
  RdsConnectionStore   *store;
  RdsSecrets           *secrets;
  GtkListBox           *list;
};

G_DEFINE_FINAL_TYPE (RdsConnectionsWindow, rds_connections_window, ADW_TYPE_PREFERENCES_WINDOW)

static char *
current_id (RdsConnectionsWindow *self)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (self->application, "connect");

  return state != NULL ? g_variant_dup_string (state, NULL) : NULL;
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *accessible)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  rds_accessible_set_name (button, accessible);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  RdsConnectionsWindow *self = user_data;
  RdsConnection *connection = item;
  const char *id = rds_connection_get_id (connection);
  const char *name = rds_connection_get_name (connection);
  g_autofree char *current = current_id (self);
  g_autofree char *description = rds_connection_describe (connection);
  gboolean in_use = g_strcmp0 (current, id) == 0;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
  gtk_widget_set_name (row, id);

  if (in_use)
    {
      GtkWidget *mark = gtk_label_new (_("In use"));

      gtk_widget_add_css_class (mark, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
    }
  else
    {
      /* Translators: %s is a connection's name */
      g_autofree char *accessible = g_strdup_printf (_("Connect to %s"), name);

      button = gtk_button_new_with_mnemonic (_("C_onnect"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      rds_accessible_set_name (button, accessible);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.connect");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  if (rds_connection_get_kind (connection) != RDS_CONNECTION_EMBEDDED)
    {
      /* Translators: %s is a connection's name */
      g_autofree char *edit = g_strdup_printf (_("Edit %s"), name);
      /* Translators: %s is a connection's name */
      g_autofree char *remove = g_strdup_printf (_("Remove %s"), name);

      button = icon_button ("document-edit-symbolic", _("Edit"), edit);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "connections.edit");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      button = icon_button ("user-trash-symbolic", _("Remove"), remove);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "connections.remove");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static void
rebuild (RdsConnectionsWindow *self)
{
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->store), create_row, self, NULL);
  rds_accessible_name_controls (GTK_WIDGET (self->list));
}

static void
state_changed_cb (RdsConnectionsWindow *self,
                  const char           *action_name,
                  GVariant             *state)
{
  if (g_strcmp0 (action_name, "connect") == 0)
    rebuild (self);
}

static void
editor_done_cb (RdsConnectionsWindow *self,
                RdsConnection        *connection,
                RdsConnectionEditor  *editor)
{
  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
  if (connection != NULL)
    {
      g_autofree char *current = current_id (self);
      /* Translators: %s is a connection's name */
      g_autofree char *saved = g_strdup_printf (_("“%s” saved"), rds_connection_get_name (connection));

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (saved));
      /* The one in use, edited: connect again with what changed. */
      if (g_strcmp0 (current, rds_connection_get_id (connection)) == 0)
        g_action_group_activate_action (self->application, "reconnect", NULL);
    }
}

static void
present_editor (RdsConnectionsWindow *self,
                RdsConnection        *connection)
{
  RdsConnectionEditor *editor = rds_connection_editor_new (self->store, connection, self->secrets);

  g_signal_connect_object (editor, "done", G_CALLBACK (editor_done_cb), self, G_CONNECT_SWAPPED);
  rds_accessible_name_controls (GTK_WIDGET (editor));
  rds_word_wrap_all (GTK_WIDGET (editor));
  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (self), GTK_WIDGET (editor));
}

/**
 * rds_connections_window_add:
 *
 * Opens the editor on a new connection.
 */
void
rds_connections_window_add (RdsConnectionsWindow *self)
{
  g_return_if_fail (RDS_IS_CONNECTIONS_WINDOW (self));

  present_editor (self, NULL);
}

/**
 * rds_connections_window_edit:
 *
 * Opens the editor on the connection @id.
 */
void
rds_connections_window_edit (RdsConnectionsWindow *self,
                             const char           *id)
{
  RdsConnection *connection;

  g_return_if_fail (RDS_IS_CONNECTIONS_WINDOW (self));

  connection = rds_connection_store_lookup (self->store, id);
  if (connection != NULL && rds_connection_get_kind (connection) != RDS_CONNECTION_EMBEDDED)
    present_editor (self, connection);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  rds_connections_window_add (RDS_CONNECTIONS_WINDOW (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rds_connections_window_edit (RDS_CONNECTIONS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
remove_response_cb (AdwMessageDialog     *dialog,
                    const char           *response,
                    RdsConnectionsWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "connection-id");

  if (g_strcmp0 (response, "remove") != 0 || rds_connection_store_lookup (self->store, id) == NULL)
    return;

  /* The one in use goes: back to the embedded simulator first. */
  {
    g_autofree char *current = current_id (self);

    if (g_strcmp0 (current, id) == 0)
      g_action_group_activate_action (self->application, "connect",
                                      g_variant_new_string (RDS_CONNECTION_EMBEDDED_ID));
  }
  rds_secrets_clear_async (self->secrets, RDS_SECRET_CONNECTION, id, NULL, NULL, NULL);
  rds_connection_store_remove (self->store, id);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdsConnectionsWindow *self = RDS_CONNECTIONS_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  RdsConnection *connection = rds_connection_store_lookup (self->store, id);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (connection == NULL || rds_connection_get_kind (connection) == RDS_CONNECTION_EMBEDDED)
    return;

  /* Translators: %s is a connection's name */
  heading = g_strdup_printf (_("Remove “%s”?"), rds_connection_get_name (connection));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("The console forgets the connection and its secret "
                                                         "access key. The endpoint and its databases are "
                                                         "not touched.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "connection-id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  rds_accessible_name_controls (GTK_WIDGET (dialog));
  rds_word_wrap_all (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rds_connections_window_dispose (GObject *object)
{
  RdsConnectionsWindow *self = RDS_CONNECTIONS_WINDOW (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  self->list = NULL;
  if (self->application != NULL)
    g_signal_handlers_disconnect_by_data (self->application, self);
  g_clear_object (&self->application);
  g_clear_object (&self->store);
  g_clear_object (&self->secrets);

  G_OBJECT_CLASS (rds_connections_window_parent_class)->dispose (object);
}

static void
rds_connections_window_class_init (RdsConnectionsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_connections_window_dispose;

  gtk_widget_class_install_action (widget_class, "connections.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "connections.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "connections.remove", "s", remove_action);
}

/* The preferences window's own search (off here) is named by its type. */
static void
name_search_entries (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SEARCH_ENTRY (child))
        rds_accessible_set_name (child, _("Search"));
      name_search_entries (child);
    }
}

static void
rds_connections_window_init (RdsConnectionsWindow *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Connections"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 560);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Connections"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The endpoints the console can manage: its embedded simulator, "
                                           "a running rds-simd, another RDS-compatible endpoint, or AWS."));
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  rds_accessible_set_name (add, _("Add connection"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "connections.add");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Connections"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->list));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  /* Its tab in the (hidden) switcher is named by it. */
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Connections"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "network-server-symbolic");
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  name_search_entries (GTK_WIDGET (self));
}

/**
 * rds_connections_window_new:
 * @application: the actions "connect" (its state the connection in use)
 *   and "reconnect"
 *
 * Returns: (transfer full): the window
 */
RdsConnectionsWindow *
rds_connections_window_new (GActionGroup       *application,
                            RdsConnectionStore *store,
                            RdsSecrets         *secrets)
{
  RdsConnectionsWindow *self;

  g_return_val_if_fail (G_IS_ACTION_GROUP (application), NULL);
  g_return_val_if_fail (RDS_IS_CONNECTION_STORE (store), NULL);
  g_return_val_if_fail (RDS_IS_SECRETS (secrets), NULL);

  self = g_object_new (RDS_TYPE_CONNECTIONS_WINDOW, "modal", TRUE, NULL);
  self->application = g_object_ref (application);
  self->store = g_object_ref (store);
  self->secrets = g_object_ref (secrets);
  g_signal_connect_swapped (application, "action-state-changed", G_CALLBACK (state_changed_cb), self);
  rebuild (self);

  return self;
}
