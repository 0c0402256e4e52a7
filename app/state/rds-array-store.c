/* rds-array-store.c: a GListModel over an array
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like GListStore, but its items live in a plain array, so reading item i
 * costs the same wherever i is. GListStore keeps a GSequence, a balanced
 * tree: reading in order is cheap, but a sort model above it reads in
 * sorted order, which is random order for the store, and every read walks
 * the tree. A search over 10,000 DB instances reads them all on each
 * keystroke; here that is an index, there some 14 pointer hops.
 */

#include "config.h"

#include "rds-array-store.h"

#include <string.h>

struct _RdsArrayStore
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;       /* each referenced */
};

static void rds_array_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RdsArrayStore, rds_array_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      rds_array_store_list_model_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
rds_array_store_get_item_type (GListModel *model)
{
  return RDS_ARRAY_STORE (model)->item_type;
}

static guint
rds_array_store_get_n_items (GListModel *model)
{
  return RDS_ARRAY_STORE (model)->items->len;
}

static gpointer
rds_array_store_get_item (GListModel *model,
                          guint       position)
{
  RdsArrayStore *self = RDS_ARRAY_STORE (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
rds_array_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rds_array_store_get_item_type;
  iface->get_n_items = rds_array_store_get_n_items;
  iface->get_item = rds_array_store_get_item;
}

static void
rds_array_store_finalize (GObject *object)
{
  RdsArrayStore *self = RDS_ARRAY_STORE (object);

  g_ptr_array_foreach (self->items, (GFunc) g_object_unref, NULL);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (rds_array_store_parent_class)->finalize (object);
}

static void
rds_array_store_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RdsArrayStore *self = RDS_ARRAY_STORE (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_array_store_class_init (RdsArrayStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rds_array_store_finalize;
  object_class->get_property = rds_array_store_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rds_array_store_init (RdsArrayStore *self)
{
  self->items = g_ptr_array_new ();
}

RdsArrayStore *
rds_array_store_new (GType item_type)
{
  RdsArrayStore *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);

  self = g_object_new (RDS_TYPE_ARRAY_STORE, NULL);
  self->item_type = item_type;
  return self;
}

/**
 * rds_array_store_peek:
 *
 * Returns: (transfer none) (nullable): the item at @position
 */
gpointer
rds_array_store_peek (RdsArrayStore *self,
                      guint          position)
{
  g_return_val_if_fail (RDS_IS_ARRAY_STORE (self), NULL);

  return position < self->items->len ? g_ptr_array_index (self->items, position) : NULL;
}

/**
 * rds_array_store_splice:
 * @additions: (array length=n_additions) (element-type GObject): items to
 *   insert at @position, each referenced
 *
 * Removes @n_removals items at @position and inserts @additions there, as
 * one change.
 */
void
rds_array_store_splice (RdsArrayStore *self,
                        guint          position,
                        guint          n_removals,
                        gpointer      *additions,
                        guint          n_additions)
{
  g_autoptr(GPtrArray) removed = NULL;
  guint old_len, tail;

  g_return_if_fail (RDS_IS_ARRAY_STORE (self));
  g_return_if_fail (position <= self->items->len);
  g_return_if_fail (n_removals <= self->items->len - position);
  g_return_if_fail (n_additions == 0 || additions != NULL);
  for (guint i = 0; i < n_additions; i++)
    g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (additions[i], self->item_type));

  if (n_removals == 0 && n_additions == 0)
    return;

  /* The removed items are let go after the change: their last reference
   * may run code that reads this store. */
  removed = g_ptr_array_new_full (n_removals, g_object_unref);
  for (guint i = 0; i < n_removals; i++)
    g_ptr_array_add (removed, g_ptr_array_index (self->items, position + i));

  old_len = self->items->len;
  tail = old_len - position - n_removals;
  if (n_additions > n_removals)
    g_ptr_array_set_size (self->items, old_len + n_additions - n_removals);
  memmove (self->items->pdata + position + n_additions,
           self->items->pdata + position + n_removals,
           tail * sizeof (gpointer));
  if (n_additions < n_removals)
    g_ptr_array_set_size (self->items, old_len - (n_removals - n_additions));
  for (guint i = 0; i < n_additions; i++)
    self->items->pdata[position + i] = g_object_ref (additions[i]);

  g_list_model_items_changed (G_LIST_MODEL (self), position, n_removals, n_additions);
  if (n_removals != n_additions)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

void
rds_array_store_remove_all (RdsArrayStore *self)
{
  g_return_if_fail (RDS_IS_ARRAY_STORE (self));

  rds_array_store_splice (self, 0, self->items->len, NULL, 0);
}
