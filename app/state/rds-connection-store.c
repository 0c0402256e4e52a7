/* rds-connection-store.c: the connections the user made, and the last one used
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list model of connections: the embedded simulator first, always, then
 * those the user added, in the order added. Settings keep them ("connections",
 * without secrets) and the one last connected to ("connection"); without
 * settings they last as long as the store.
 */

#include "config.h"

#include "rds-connection-store.h"

#include <glib/gi18n.h>

struct _RdsConnectionStore
{
  GObject    parent_instance;

  GSettings *settings;
  GPtrArray *connections;   /* of RdsConnection, the embedded one first */
  char      *current_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RdsConnectionStore, rds_connection_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return RDS_TYPE_CONNECTION;
}

static guint
get_n_items (GListModel *model)
{
  return RDS_CONNECTION_STORE (model)->connections->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  RdsConnectionStore *self = RDS_CONNECTION_STORE (model);

  if (position >= self->connections->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->connections, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
rds_connection_store_finalize (GObject *object)
{
  RdsConnectionStore *self = RDS_CONNECTION_STORE (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->connections, g_ptr_array_unref);
  g_clear_pointer (&self->current_id, g_free);

  G_OBJECT_CLASS (rds_connection_store_parent_class)->finalize (object);
}

static void
rds_connection_store_class_init (RdsConnectionStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rds_connection_store_finalize;
}

static void
rds_connection_store_init (RdsConnectionStore *self)
{
  self->connections = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->connections, rds_connection_new_embedded ());
  self->current_id = g_strdup (RDS_CONNECTION_EMBEDDED_ID);
}

static void
write_settings (RdsConnectionStore *self)
{
  GVariantBuilder builder;

  if (self->settings == NULL)
    return;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{ss}"));
  for (guint i = 1; i < self->connections->len; i++)
    g_variant_builder_add_value (&builder, rds_connection_to_variant (g_ptr_array_index (self->connections, i)));
  g_settings_set_value (self->settings, "connections", g_variant_builder_end (&builder));
}

/**
 * rds_connection_store_new:
 * @settings: (nullable): the console's settings, to keep the connections
 *   in
 *
 * Returns: (transfer full): the store, with what @settings kept
 */
RdsConnectionStore *
rds_connection_store_new (GSettings *settings)
{
  RdsConnectionStore *self;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RDS_TYPE_CONNECTION_STORE, NULL);
  if (settings != NULL)
    {
      g_autoptr(GVariant) stored = g_settings_get_value (settings, "connections");
      g_autofree char *current = g_settings_get_string (settings, "connection");
      GVariantIter iter;
      GVariant *dict;

      self->settings = g_object_ref (settings);
      g_variant_iter_init (&iter, stored);
      while ((dict = g_variant_iter_next_value (&iter)) != NULL)
        {
          RdsConnection *connection = rds_connection_new_from_variant (dict);

          /* One that cannot be read (edited by hand) is skipped, not lost:
           * it stays in the settings until the list is next saved. */
          if (connection != NULL && rds_connection_store_lookup (self, rds_connection_get_id (connection)) == NULL)
            g_ptr_array_add (self->connections, connection);
          else
            g_clear_object (&connection);
          g_variant_unref (dict);
        }
      if (rds_connection_store_lookup (self, current) != NULL)
        {
          g_free (self->current_id);
          self->current_id = g_strdup (current);
        }
    }

  return self;
}

static int
find (RdsConnectionStore *self,
      const char         *id)
{
  for (guint i = 0; i < self->connections->len; i++)
    if (g_strcmp0 (rds_connection_get_id (g_ptr_array_index (self->connections, i)), id) == 0)
      return i;
  return -1;
}

/**
 * rds_connection_store_lookup:
 *
 * Returns: (transfer none) (nullable): the connection with @id
 */
RdsConnection *
rds_connection_store_lookup (RdsConnectionStore *self,
                             const char         *id)
{
  int i;

  g_return_val_if_fail (RDS_IS_CONNECTION_STORE (self), NULL);

  i = id != NULL ? find (self, id) : -1;
  return i >= 0 ? g_ptr_array_index (self->connections, i) : NULL;
}

/**
 * rds_connection_store_save:
 *
 * Adds @connection, or puts it in the place of the one with its id.
 */
void
rds_connection_store_save (RdsConnectionStore *self,
                           RdsConnection      *connection)
{
  int i;

  g_return_if_fail (RDS_IS_CONNECTION_STORE (self));
  g_return_if_fail (RDS_IS_CONNECTION (connection));
  g_return_if_fail (rds_connection_get_kind (connection) != RDS_CONNECTION_EMBEDDED);

  i = find (self, rds_connection_get_id (connection));
  if (i >= 0)
    {
      RdsConnection *old = g_ptr_array_index (self->connections, i);

      g_ptr_array_index (self->connections, i) = g_object_ref (connection);
      g_object_unref (old);
      write_settings (self);
      g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
    }
  else
    {
      g_ptr_array_add (self->connections, g_object_ref (connection));
      write_settings (self);
      g_list_model_items_changed (G_LIST_MODEL (self), self->connections->len - 1, 0, 1);
    }
}

/**
 * rds_connection_store_remove:
 *
 * Removes the connection with @id (never the embedded simulator's). The
 * current one becomes the embedded simulator's if it was @id.
 */
void
rds_connection_store_remove (RdsConnectionStore *self,
                             const char         *id)
{
  int i;

  g_return_if_fail (RDS_IS_CONNECTION_STORE (self));
  g_return_if_fail (g_strcmp0 (id, RDS_CONNECTION_EMBEDDED_ID) != 0);

  i = find (self, id);
  if (i < 0)
    return;
  if (g_strcmp0 (self->current_id, id) == 0)
    rds_connection_store_set_current_id (self, RDS_CONNECTION_EMBEDDED_ID);
  g_ptr_array_remove_index (self->connections, i);
  write_settings (self);
  g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 0);
}

/**
 * rds_connection_store_check_name:
 *
 * Returns: (transfer full) (nullable): what is wrong with @connection's
 *   name (none, too long, another connection's), or %NULL
 */
char *
rds_connection_store_check_name (RdsConnectionStore *self,
                                 RdsConnection      *connection)
{
  g_autofree char *stripped = NULL;
  const char *name;

  g_return_val_if_fail (RDS_IS_CONNECTION_STORE (self), NULL);
  g_return_val_if_fail (RDS_IS_CONNECTION (connection), NULL);

  name = rds_connection_get_name (connection);
  stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*stripped == '\0')
    return g_strdup (_("Give the connection a name."));
  if (g_utf8_strlen (name, -1) > 64)
    return g_strdup (_("The name can be at most 64 characters long."));
  for (guint i = 0; i < self->connections->len; i++)
    {
      RdsConnection *other = g_ptr_array_index (self->connections, i);
      g_autofree char *a = g_utf8_casefold (name, -1);
      g_autofree char *b = g_utf8_casefold (rds_connection_get_name (other), -1);

      if (g_str_equal (a, b) && g_strcmp0 (rds_connection_get_id (other), rds_connection_get_id (connection)) != 0)
        return g_strdup (_("Another connection has this name: choose another."));
    }
  return NULL;
}

/**
 * rds_connection_store_get_current_id:
 *
 * Returns: the id of the connection the console uses, or last used
 */
const char *
rds_connection_store_get_current_id (RdsConnectionStore *self)
{
  g_return_val_if_fail (RDS_IS_CONNECTION_STORE (self), NULL);

  return self->current_id;
}

void
rds_connection_store_set_current_id (RdsConnectionStore *self,
                                     const char         *id)
{
  g_return_if_fail (RDS_IS_CONNECTION_STORE (self));
  g_return_if_fail (rds_connection_store_lookup (self, id) != NULL);

  if (self->current_id != id)
    {
      g_free (self->current_id);
      self->current_id = g_strdup (id);
    }
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "connection", id);
}
