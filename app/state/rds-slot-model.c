/* rds-slot-model.c: a list's items in slots that keep their positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel of RdsSlots, one per item of another model: slot i holds
 * item i. When that model changes (a search narrows it, a sort reorders
 * it), the slots stay where they are and only the items they hold change;
 * slots are added or removed at the end to match the new length. A view
 * over slots then keeps its row widgets and only binds them to other
 * items, where GTK 4.8's list views make a new row for every new item —
 * with a table of eight columns, some 200 rows for one keystroke.
 *
 * Growing still makes rows. With a :step, one change adds at most that
 * many slots (enough to fill the view) and the rest wait, counted by
 * :pending, for rds_slot_model_grow (), which the view calls on its next
 * frames: a search that widens from ten rows to a page of fifty shows the
 * rows in sight at once and those below them a frame later.
 *
 * Shrinking can keep rows too. With :keep, slots that lose their item
 * stay in the list, vacant (holding nothing), for the view to hide, and
 * take items first when the list grows again: a search that narrows a
 * page of fifty to ten and widens it back makes and drops no rows.
 */

#include "config.h"

#include "rds-slot-model.h"

#include "rds-slot.h"

struct _RdsSlotModel
{
  GObject     parent_instance;

  GListModel *model;
  gulong      changed_id;
  GPtrArray  *slots;        /* n_items in use, then spares kept for reuse */
  guint       n_items;      /* in the list: occupied, then vacant */
  guint       occupied;     /* slots holding an item */
  guint       keep;         /* most vacant slots the list keeps */
  guint       step;         /* most slots one change adds, 0 for no limit */
  guint       pending;      /* items of @model past the slots in use */
};

static void rds_slot_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RdsSlotModel, rds_slot_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      rds_slot_model_list_model_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_N_ITEMS,
  PROP_STEP,
  PROP_PENDING,
  PROP_OCCUPIED,
  PROP_KEEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
rds_slot_model_get_item_type (GListModel *model)
{
  return RDS_TYPE_SLOT;
}

static guint
rds_slot_model_get_n_items (GListModel *model)
{
  return RDS_SLOT_MODEL (model)->n_items;
}

static gpointer
rds_slot_model_list_get_item (GListModel *model,
                              guint       position)
{
  RdsSlotModel *self = RDS_SLOT_MODEL (model);

  if (position >= self->n_items)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->slots, position));
}

static void
rds_slot_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rds_slot_model_get_item_type;
  iface->get_n_items = rds_slot_model_get_n_items;
  iface->get_item = rds_slot_model_list_get_item;
}

/* Slots from @position on take their new items; the length follows, by
 * at most :step slots when it grows. Slots that hold nothing any more stay
 * in the list, vacant, up to :keep of them, and are the first to take
 * items again; past that they leave the list but are kept (holding
 * nothing) for the next time it grows: a search that narrows 10,000
 * instances to ten and back makes and frees no objects. */
static void
refill (RdsSlotModel *self,
        guint         position)
{
  guint old_n = self->n_items, old_occupied = self->occupied, old_pending = self->pending;
  guint model_n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  guint occupied = model_n, new_n;

  /* Vacant slots fill at once; the step bounds the slots added. */
  if (self->step > 0 && occupied > old_n && occupied - old_n > self->step)
    occupied = old_n + self->step;
  self->pending = model_n - occupied;
  new_n = MAX (occupied, MIN (old_n, self->keep));

  /* Vacant slots before @position take items too. */
  for (guint i = MIN (position, old_occupied); i < MIN (old_n, occupied); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->model, i);

      rds_slot_set_item (g_ptr_array_index (self->slots, i), item);
    }
  /* Vacant from now on, while still in the list. */
  for (guint i = MAX (position, occupied); i < MIN (old_occupied, new_n); i++)
    rds_slot_set_item (g_ptr_array_index (self->slots, i), NULL);
  self->occupied = occupied;

  if (new_n > old_n)
    {
      for (guint i = old_n; i < new_n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (self->model, i);

          if (i >= self->slots->len)
            g_ptr_array_add (self->slots, rds_slot_new ());
          rds_slot_set_item (g_ptr_array_index (self->slots, i), item);
        }
      self->n_items = new_n;
      g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
    }
  else if (new_n < old_n)
    {
      self->n_items = new_n;
      g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
      /* No row shows them any more. */
      for (guint i = new_n; i < old_n; i++)
        rds_slot_set_item (g_ptr_array_index (self->slots, i), NULL);
    }

  if (new_n != old_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (occupied != old_occupied)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCUPIED]);
  if (self->pending != old_pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  RdsSlotModel *self)
{
  /* Nothing moved after the change: only its slots change. */
  if (removed == added)
    {
      for (guint i = position; i < position + added && i < self->occupied; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);

          rds_slot_set_item (g_ptr_array_index (self->slots, i), item);
        }
      return;
    }

  refill (self, position);
}

static void
rds_slot_model_dispose (GObject *object)
{
  RdsSlotModel *self = RDS_SLOT_MODEL (object);

  if (self->model != NULL)
    g_clear_signal_handler (&self->changed_id, self->model);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (rds_slot_model_parent_class)->dispose (object);
}

static void
rds_slot_model_finalize (GObject *object)
{
  RdsSlotModel *self = RDS_SLOT_MODEL (object);

  g_clear_pointer (&self->slots, g_ptr_array_unref);

  G_OBJECT_CLASS (rds_slot_model_parent_class)->finalize (object);
}

static void
rds_slot_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RdsSlotModel *self = RDS_SLOT_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    case PROP_STEP:
      g_value_set_uint (value, self->step);
      break;
    case PROP_PENDING:
      g_value_set_uint (value, self->pending);
      break;
    case PROP_OCCUPIED:
      g_value_set_uint (value, self->occupied);
      break;
    case PROP_KEEP:
      g_value_set_uint (value, self->keep);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_slot_model_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RdsSlotModel *self = RDS_SLOT_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      rds_slot_model_set_model (self, g_value_get_object (value));
      break;
    case PROP_STEP:
      rds_slot_model_set_step (self, g_value_get_uint (value));
      break;
    case PROP_KEEP:
      rds_slot_model_set_keep (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_slot_model_class_init (RdsSlotModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rds_slot_model_dispose;
  object_class->finalize = rds_slot_model_finalize;
  object_class->get_property = rds_slot_model_get_property;
  object_class->set_property = rds_slot_model_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STEP] =
    g_param_spec_uint ("step", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PENDING] =
    g_param_spec_uint ("pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OCCUPIED] =
    g_param_spec_uint ("occupied", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_KEEP] =
    g_param_spec_uint ("keep", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rds_slot_model_init (RdsSlotModel *self)
{
  self->slots = g_ptr_array_new_with_free_func (g_object_unref);
}

RdsSlotModel *
rds_slot_model_new (GListModel *model)
{
  return g_object_new (RDS_TYPE_SLOT_MODEL, "model", model, NULL);
}

GListModel *
rds_slot_model_get_model (RdsSlotModel *self)
{
  g_return_val_if_fail (RDS_IS_SLOT_MODEL (self), NULL);

  return self->model;
}

void
rds_slot_model_set_model (RdsSlotModel *self,
                          GListModel   *model)
{
  g_return_if_fail (RDS_IS_SLOT_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_clear_signal_handler (&self->changed_id, self->model);
  g_set_object (&self->model, model);
  if (model != NULL)
    self->changed_id = g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), self);

  refill (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

guint
rds_slot_model_get_step (RdsSlotModel *self)
{
  g_return_val_if_fail (RDS_IS_SLOT_MODEL (self), 0);

  return self->step;
}

/**
 * rds_slot_model_set_step:
 * @step: the most slots one change of the model adds, or 0 for no limit
 */
void
rds_slot_model_set_step (RdsSlotModel *self,
                         guint         step)
{
  g_return_if_fail (RDS_IS_SLOT_MODEL (self));

  if (self->step == step)
    return;

  self->step = step;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

guint
rds_slot_model_get_keep (RdsSlotModel *self)
{
  g_return_val_if_fail (RDS_IS_SLOT_MODEL (self), 0);

  return self->keep;
}

/**
 * rds_slot_model_set_keep:
 * @keep: the most vacant slots the list keeps when the model shrinks
 *
 * A view hides the rows of vacant slots (their item is %NULL) rather
 * than dropping them, and shows them again when the model grows: in
 * GTK 4.8 a row made or dropped costs a fifth of a millisecond.
 */
void
rds_slot_model_set_keep (RdsSlotModel *self,
                         guint         keep)
{
  g_return_if_fail (RDS_IS_SLOT_MODEL (self));

  if (self->keep == keep)
    return;

  self->keep = keep;
  /* Fewer kept: the vacant slots past that leave the list. */
  if (self->n_items > MAX (self->occupied, keep))
    {
      guint old_n = self->n_items;

      self->n_items = MAX (self->occupied, keep);
      g_list_model_items_changed (G_LIST_MODEL (self), self->n_items, old_n - self->n_items, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP]);
}

/**
 * rds_slot_model_get_occupied:
 *
 * Returns: how many slots, from the first, hold an item; the slots of the
 *   list after them are vacant
 */
guint
rds_slot_model_get_occupied (RdsSlotModel *self)
{
  g_return_val_if_fail (RDS_IS_SLOT_MODEL (self), 0);

  return self->occupied;
}

/**
 * rds_slot_model_get_pending:
 *
 * Returns: how many items of the model wait for rds_slot_model_grow ()
 */
guint
rds_slot_model_get_pending (RdsSlotModel *self)
{
  g_return_val_if_fail (RDS_IS_SLOT_MODEL (self), 0);

  return self->pending;
}

/**
 * rds_slot_model_grow:
 *
 * Adds the next :step of the slots that wait.
 *
 * Returns: whether more still wait
 */
gboolean
rds_slot_model_grow (RdsSlotModel *self)
{
  g_return_val_if_fail (RDS_IS_SLOT_MODEL (self), FALSE);

  if (self->pending > 0)
    refill (self, self->occupied);
  return self->pending > 0;
}

/**
 * rds_slot_model_get_item:
 *
 * Returns: (transfer none) (nullable): the item in slot @position
 */
gpointer
rds_slot_model_get_item (RdsSlotModel *self,
                         guint         position)
{
  g_return_val_if_fail (RDS_IS_SLOT_MODEL (self), NULL);

  if (position >= self->n_items)
    return NULL;
  return rds_slot_get_item (g_ptr_array_index (self->slots, position));
}

/**
 * rds_slot_model_find:
 *
 * Returns: the slot holding @item, or %GTK_INVALID_LIST_POSITION (%G_MAXUINT)
 */
guint
rds_slot_model_find (RdsSlotModel *self,
                     gpointer      item)
{
  g_return_val_if_fail (RDS_IS_SLOT_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->occupied; i++)
    if (rds_slot_get_item (g_ptr_array_index (self->slots, i)) == item)
      return i;

  return G_MAXUINT;
}
