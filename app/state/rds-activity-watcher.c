/* rds-activity-watcher.c: notices when a resource's long operation ends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After each refresh of a resource list, compares every item's status with
 * the one it had before. When a resource leaves a transition (creating,
 * modifying, stopping, …) for a settled status, or disappears while being
 * deleted, "finished" tells the console, which shows a toast and, if its
 * window is not focused, a desktop notification. The first load and a
 * change of Region only record statuses.
 */

#include "config.h"

#include "rds-activity-watcher.h"

#include "rds-shape.h"

struct _RdsActivityWatcher
{
  GObject            parent_instance;

  RdsResourceList   *list;
  gulong             refreshed_id;
  char              *status_property;
  RdsTransitionFunc  is_transition;
  GHashTable        *statuses;    /* key → status (interned) */
  guint              stale_through; /* refreshes started before a reset */
  char              *region;
  gboolean           primed;
};

G_DEFINE_FINAL_TYPE (RdsActivityWatcher, rds_activity_watcher, G_TYPE_OBJECT)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
refreshed_cb (RdsResourceList    *list,
              const GError       *error,
              RdsActivityWatcher *self)
{
  GListModel *model = rds_resource_list_get_model (list);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GHashTable) now = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  RdsClient *client = rds_resource_list_get_client (list);
  const char *region = client != NULL ? rds_client_get_region (client) : NULL;
  const RdsField *status_field = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gboolean report;

  /* A refresh already on its way at a reset reads the state from before. */
  if (error != NULL || rds_resource_list_get_finished_serial (list) <= self->stale_through)
    return;

  /* After a change of Region every resource is new: nothing finished. */
  report = self->primed && g_strcmp0 (region, self->region) == 0;
  g_free (self->region);
  self->region = g_strdup (region);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsShape) item = g_list_model_get_item (model, i);
      const char *status;
      char *id;

      /* Read in place, the field resolved once: a refresh has thousands. */
      if (status_field == NULL)
        status_field = rds_shape_class_find_field (RDS_SHAPE_GET_CLASS (item), self->status_property);
      g_return_if_fail (status_field != NULL && status_field->kind == RDS_FIELD_KIND_INTERNED);
      status = *(const char **) rds_shape_field_ptr (item, status_field);
      id = rds_resource_list_key_of (list, item);
      const char *before = g_hash_table_lookup (self->statuses, id);

      if (report && before != NULL && before != status &&
          self->is_transition (before) && !self->is_transition (status))
        g_signal_emit (self, signals[FINISHED], 0, item, id, before, status);

      g_hash_table_insert (now, id, (gpointer) status);
    }

  g_hash_table_iter_init (&iter, self->statuses);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (report && !g_hash_table_contains (now, key) && g_strcmp0 (value, "deleting") == 0)
      g_signal_emit (self, signals[FINISHED], 0, NULL, key, value, NULL);

  g_clear_pointer (&self->statuses, g_hash_table_unref);
  self->statuses = g_steal_pointer (&now);
  self->primed = TRUE;
}

static void
rds_activity_watcher_dispose (GObject *object)
{
  RdsActivityWatcher *self = RDS_ACTIVITY_WATCHER (object);

  rds_activity_watcher_set_list (self, NULL);

  G_OBJECT_CLASS (rds_activity_watcher_parent_class)->dispose (object);
}

static void
rds_activity_watcher_finalize (GObject *object)
{
  RdsActivityWatcher *self = RDS_ACTIVITY_WATCHER (object);

  g_clear_pointer (&self->statuses, g_hash_table_unref);
  g_free (self->status_property);
  g_free (self->region);

  G_OBJECT_CLASS (rds_activity_watcher_parent_class)->finalize (object);
}

static void
rds_activity_watcher_class_init (RdsActivityWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rds_activity_watcher_dispose;
  object_class->finalize = rds_activity_watcher_finalize;

  /**
   * RdsActivityWatcher::finished:
   * @item: (nullable): the resource, %NULL when it is gone
   * @key: its identifier
   * @from: the transition it left
   * @to: (nullable): its status now, %NULL when it is gone
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, RDS_TYPE_SHAPE, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
}

static void
rds_activity_watcher_init (RdsActivityWatcher *self)
{
  self->statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * rds_activity_watcher_new:
 * @status_property: the items' status property, "db-instance-status"
 */
RdsActivityWatcher *
rds_activity_watcher_new (RdsResourceList   *list,
                          const char        *status_property,
                          RdsTransitionFunc  is_transition)
{
  RdsActivityWatcher *self;

  g_return_val_if_fail (status_property != NULL, NULL);
  g_return_val_if_fail (is_transition != NULL, NULL);

  self = g_object_new (RDS_TYPE_ACTIVITY_WATCHER, NULL);
  self->status_property = g_strdup (status_property);
  self->is_transition = is_transition;
  rds_activity_watcher_set_list (self, list);

  return self;
}

void
rds_activity_watcher_set_list (RdsActivityWatcher *self,
                               RdsResourceList    *list)
{
  g_return_if_fail (RDS_IS_ACTIVITY_WATCHER (self));

  if (self->list == list)
    return;

  if (self->list != NULL)
    {
      g_clear_signal_handler (&self->refreshed_id, self->list);
      g_clear_object (&self->list);
    }

  g_hash_table_remove_all (self->statuses);
  self->primed = FALSE;
  self->stale_through = 0;

  if (list != NULL)
    {
      self->list = g_object_ref (list);
      self->refreshed_id = g_signal_connect (list, "refreshed", G_CALLBACK (refreshed_cb), self);
    }
}

/**
 * rds_activity_watcher_reset:
 *
 * Forgets the statuses seen so far: the next refresh started after this
 * only records them, as the first load does; one already on its way is
 * ignored, as it may read the state from before. For changes the user already hears of otherwise
 * (the sample environment says once that it is ready).
 */
void
rds_activity_watcher_reset (RdsActivityWatcher *self)
{
  g_return_if_fail (RDS_IS_ACTIVITY_WATCHER (self));

  g_hash_table_remove_all (self->statuses);
  self->primed = FALSE;
  self->stale_through = self->list != NULL ? rds_resource_list_get_serial (self->list) : 0;
}
