/* rds-slot.c: one row of a view, whatever item it shows now
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See RdsSlotModel: a slot stays at its position while the item it holds
 * changes, so the row widgets bound to it stay too.
 */

#include "config.h"

#include "rds-slot.h"

struct _RdsSlot
{
  GObject  parent_instance;

  GObject *item;
};

G_DEFINE_FINAL_TYPE (RdsSlot, rds_slot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rds_slot_dispose (GObject *object)
{
  RdsSlot *self = RDS_SLOT (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (rds_slot_parent_class)->dispose (object);
}

static void
rds_slot_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  RdsSlot *self = RDS_SLOT (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_slot_class_init (RdsSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rds_slot_dispose;
  object_class->get_property = rds_slot_get_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rds_slot_init (RdsSlot *self)
{
}

RdsSlot *
rds_slot_new (void)
{
  return g_object_new (RDS_TYPE_SLOT, NULL);
}

/**
 * rds_slot_get_item:
 *
 * Returns: (transfer none) (type GObject) (nullable): what the slot shows
 */
gpointer
rds_slot_get_item (RdsSlot *self)
{
  g_return_val_if_fail (RDS_IS_SLOT (self), NULL);

  return self->item;
}

void
rds_slot_set_item (RdsSlot  *self,
                   gpointer  item)
{
  g_return_if_fail (RDS_IS_SLOT (self));
  g_return_if_fail (item == NULL || G_IS_OBJECT (item));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
