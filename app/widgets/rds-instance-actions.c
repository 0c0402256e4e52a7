/* rds-instance-actions.c: the Actions menu of a DB instance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "db" action group of the Databases page (acting on the selected
 * row) and of a database's page: db.modify, db.reboot, db.stop, db.start,
 * db.delete, db.take-snapshot, db.create-read-replica, db.promote,
 * db.convert-to-multi-az, db.convert-to-single-az, db.restore-to-point-in-time, db.encrypt and db.open. Which are enabled follows the
 * instance's status as the RDS console's menu does, recomputed in one
 * place whenever the instance changes (rds_db_instance_allows()).
 */

#include "config.h"

#include "rds-instance-actions.h"

#include "rds-widget-util.h"

#include <glib/gi18n.h>

#include "rds-db-instance.h"
#include "rds-convert-multi-az-wizard.h"
#include "rds-encrypt-database-wizard.h"
#include "rds-convert-single-az-dialog.h"
#include "rds-delete-database-dialog.h"
#include "rds-promote-replica-dialog.h"
#include "rds-reboot-database-dialog.h"
#include "rds-session.h"
#include "rds-stop-database-dialog.h"
#include "rds-take-snapshot-dialog.h"

struct _RdsInstanceActions
{
  GObject             parent_instance;

  GtkWidget          *owner;     /* weak */
  RdsSession         *session;
  RdsDbInstance      *instance;
  GSignalGroup       *signals;
  GSimpleActionGroup *group;
  GCancellable       *cancellable;
};

G_DEFINE_FINAL_TYPE (RdsInstanceActions, rds_instance_actions, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INSTANCE,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char        *name;
  RdsInstanceAction  action;
} gated[] = {
  { "modify", RDS_INSTANCE_ACTION_MODIFY },
  { "reboot", RDS_INSTANCE_ACTION_REBOOT },
  { "stop", RDS_INSTANCE_ACTION_STOP },
  { "start", RDS_INSTANCE_ACTION_START },
  { "delete", RDS_INSTANCE_ACTION_DELETE },
  { "take-snapshot", RDS_INSTANCE_ACTION_TAKE_SNAPSHOT },
  { "create-read-replica", RDS_INSTANCE_ACTION_CREATE_READ_REPLICA },
  { "promote", RDS_INSTANCE_ACTION_PROMOTE },
  { "convert-to-multi-az", RDS_INSTANCE_ACTION_CONVERT_TO_MULTI_AZ },
  { "convert-to-single-az", RDS_INSTANCE_ACTION_CONVERT_TO_SINGLE_AZ },
  { "restore-to-point-in-time", RDS_INSTANCE_ACTION_RESTORE_TO_POINT_IN_TIME },
  { "encrypt", RDS_INSTANCE_ACTION_ENCRYPT },
};

static void
set_enabled (RdsInstanceActions *self,
             const char         *name,
             gboolean            enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->group), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update (RdsInstanceActions *self)
{
  gboolean ready = self->instance != NULL && self->session != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (gated); i++)
    set_enabled (self, gated[i].name,
                 ready && rds_db_instance_allows (self->instance, gated[i].action));
  set_enabled (self, "open", self->instance != NULL);
}

static GtkWindow *
parent_window (RdsInstanceActions *self)
{
  GtkRoot *root = self->owner != NULL ? gtk_widget_get_root (self->owner) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
present_dialog (RdsInstanceActions *self,
                RdsActionDialog    *dialog)
{
  rds_widget_present_over (self->owner, GTK_WINDOW (dialog));
}

static void
reboot_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  RdsInstanceActions *self = user_data;

  present_dialog (self, rds_reboot_database_dialog_new (self->session, self->instance));
}

static void
stop_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RdsInstanceActions *self = user_data;

  present_dialog (self, rds_stop_database_dialog_new (self->session, self->instance));
}

static void
delete_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  RdsInstanceActions *self = user_data;

  present_dialog (self, rds_delete_database_dialog_new (self->session, self->instance));
}

static void
take_snapshot_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  RdsInstanceActions *self = user_data;

  present_dialog (self, rds_take_snapshot_dialog_new (self->session, self->instance));
}

static void
modify_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  RdsInstanceActions *self = user_data;
  GtkWindow *window = parent_window (self);

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.modify-database", "s",
                                rds_db_instance_get_identifier (self->instance));
}

/* The window's wizards, for the instance. */
static void
window_action (RdsInstanceActions *self,
               const char         *name)
{
  GtkWindow *window = parent_window (self);

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), name, "s", rds_db_instance_get_identifier (self->instance));
}

static void
create_read_replica_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  window_action (user_data, "win.create-read-replica");
}

static void
restore_to_point_in_time_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  window_action (user_data, "win.restore-to-point-in-time");
}

static void
encrypt_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  RdsInstanceActions *self = user_data;

  rds_widget_present_over (self->owner, rds_encrypt_database_wizard_new (self->session, self->instance));
}

static void
convert_to_multi_az_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  RdsInstanceActions *self = user_data;

  rds_widget_present_over (self->owner, rds_convert_multi_az_wizard_new (self->session, self->instance));
}

static void
convert_to_single_az_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  RdsInstanceActions *self = user_data;

  present_dialog (self, rds_convert_single_az_dialog_new (self->session, self->instance));
}

static void
promote_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  RdsInstanceActions *self = user_data;

  present_dialog (self, rds_promote_replica_dialog_new (self->session, self->instance));
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RdsInstanceActions *self = user_data;
  GtkWindow *window = parent_window (self);

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.open-database", "s",
                                rds_db_instance_get_identifier (self->instance));
}

typedef struct
{
  GWeakRef  window;
  char     *identifier;
} StartData;

static void
start_data_free (StartData *data)
{
  g_weak_ref_clear (&data->window);
  g_free (data->identifier);
  g_free (data);
}

static void
start_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  StartData *data = user_data;
  g_autoptr(GtkWindow) window = g_weak_ref_get (&data->window);
  g_autoptr(GError) error = NULL;
  RdsQueryResult *answer;

  answer = rds_session_call_finish (RDS_SESSION (object), result, &error);
  if (window != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (answer != NULL)
        {
          /* Translators: %s is a DB instance identifier */
          g_autofree char *toast = g_strdup_printf (_("Starting %s"), data->identifier);

          gtk_widget_activate_action (GTK_WIDGET (window), "win.toast", "s", toast);
        }
      else
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-error", "s", error->message);
    }

  g_clear_pointer (&answer, rds_query_result_free);
  start_data_free (data);
}

/* Start needs no confirmation in the RDS console. */
static void
start_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RdsInstanceActions *self = user_data;
  g_autoptr(RdsRequest) request = rds_request_new ("StartDBInstance");
  StartData *data = g_new0 (StartData, 1);

  g_weak_ref_init (&data->window, parent_window (self));
  data->identifier = g_strdup (rds_db_instance_get_identifier (self->instance));
  rds_request_set (request, "DBInstanceIdentifier", data->identifier);
  rds_session_call_async (self->session, request, self->cancellable, start_cb, data);
}

static const GActionEntry entries[] = {
  { "open", open_action },
  { "modify", modify_action },
  { "reboot", reboot_action },
  { "stop", stop_action },
  { "start", start_action },
  { "delete", delete_action },
  { "take-snapshot", take_snapshot_action },
  { "create-read-replica", create_read_replica_action },
  { "promote", promote_action },
  { "convert-to-multi-az", convert_to_multi_az_action },
  { "convert-to-single-az", convert_to_single_az_action },
  { "restore-to-point-in-time", restore_to_point_in_time_action },
  { "encrypt", encrypt_action },
};

static void
rds_instance_actions_dispose (GObject *object)
{
  RdsInstanceActions *self = RDS_INSTANCE_ACTIONS (object);

  g_cancellable_cancel (self->cancellable);
  if (self->owner != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->owner), (gpointer *) &self->owner);
  self->owner = NULL;
  g_clear_object (&self->signals);
  g_clear_object (&self->instance);
  g_clear_object (&self->session);
  g_clear_object (&self->group);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rds_instance_actions_parent_class)->dispose (object);
}

static void
rds_instance_actions_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RdsInstanceActions *self = RDS_INSTANCE_ACTIONS (object);

  switch (prop_id)
    {
    case PROP_INSTANCE:
      g_value_set_object (value, self->instance);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_instance_actions_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RdsInstanceActions *self = RDS_INSTANCE_ACTIONS (object);

  switch (prop_id)
    {
    case PROP_INSTANCE:
      rds_instance_actions_set_instance (self, g_value_get_object (value));
      break;
    case PROP_SESSION:
      rds_instance_actions_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_instance_actions_class_init (RdsInstanceActionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rds_instance_actions_dispose;
  object_class->get_property = rds_instance_actions_get_property;
  object_class->set_property = rds_instance_actions_set_property;

  properties[PROP_INSTANCE] =
    g_param_spec_object ("instance", NULL, NULL, RDS_TYPE_DB_INSTANCE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RDS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rds_instance_actions_init (RdsInstanceActions *self)
{
  self->cancellable = g_cancellable_new ();
  self->group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->group), entries, G_N_ELEMENTS (entries),
                                   self);

  /* Any change of the instance may change what is allowed. */
  self->signals = g_signal_group_new (RDS_TYPE_DB_INSTANCE);
  g_signal_group_connect_swapped (self->signals, "notify", G_CALLBACK (update), self);

  update (self);
}

/**
 * rds_instance_actions_new:
 * @owner: the widget the group is inserted in; dialogs are transient for
 *   its window
 */
RdsInstanceActions *
rds_instance_actions_new (GtkWidget *owner)
{
  RdsInstanceActions *self;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);

  self = g_object_new (RDS_TYPE_INSTANCE_ACTIONS, NULL);
  self->owner = owner;
  g_object_add_weak_pointer (G_OBJECT (owner), (gpointer *) &self->owner);
  gtk_widget_insert_action_group (owner, "db", G_ACTION_GROUP (self->group));

  return self;
}

GActionGroup *
rds_instance_actions_get_group (RdsInstanceActions *self)
{
  g_return_val_if_fail (RDS_IS_INSTANCE_ACTIONS (self), NULL);

  return G_ACTION_GROUP (self->group);
}

RdsDbInstance *
rds_instance_actions_get_instance (RdsInstanceActions *self)
{
  g_return_val_if_fail (RDS_IS_INSTANCE_ACTIONS (self), NULL);

  return self->instance;
}

void
rds_instance_actions_set_instance (RdsInstanceActions *self,
                                   RdsDbInstance      *instance)
{
  g_return_if_fail (RDS_IS_INSTANCE_ACTIONS (self));
  g_return_if_fail (instance == NULL || RDS_IS_DB_INSTANCE (instance));

  if (!g_set_object (&self->instance, instance))
    return;

  g_signal_group_set_target (self->signals, instance);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSTANCE]);
}

RdsSession *
rds_instance_actions_get_session (RdsInstanceActions *self)
{
  g_return_val_if_fail (RDS_IS_INSTANCE_ACTIONS (self), NULL);

  return self->session;
}

void
rds_instance_actions_set_session (RdsInstanceActions *self,
                                  RdsSession         *session)
{
  g_return_if_fail (RDS_IS_INSTANCE_ACTIONS (self));
  g_return_if_fail (session == NULL || RDS_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * rds_instance_actions_get_menu:
 *
 * Returns: (transfer none): the Actions menu, naming db.* actions
 */
GMenuModel *
rds_instance_actions_get_menu (void)
{
  static GMenuModel *menu;

  if (menu == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PATH "/ui/rds-instance-actions-menu.ui");

      menu = g_object_ref (G_MENU_MODEL (gtk_builder_get_object (builder, "menu")));
    }

  return menu;
}
