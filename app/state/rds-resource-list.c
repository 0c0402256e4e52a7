/* rds-resource-list.c: a Describe action's answer, kept current in a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each refresh reads every page of the action (MaxRecords/Marker) and then
 * updates the model in place: an item that is still there keeps its object
 * (its changed properties notify), new items are inserted and gone ones
 * removed, in runs, so a view bound to the model keeps its rows, selection
 * and scroll position. A refresh asked for while one is in flight is
 * skipped: polling never piles up requests.
 */

#include "config.h"

#include "rds-resource-list.h"

#include <string.h>

#include "rds-array-store.h"

struct _RdsResourceList
{
  GObject        parent_instance;

  RdsClient     *client;
  char          *action;
  char         **key_fields;
  GHashTable    *parameters;
  RdsArrayStore *store;
  GHashTable    *by_key;       /* key → item in store (borrowed) */
  GType          item_type;

  GCancellable  *cancellable;
  guint          generation;   /* of the client; older answers are dropped */
  GPtrArray     *fetched;      /* items of the refresh in flight */
  gboolean       loading;
  guint          serial;       /* refreshes started */
  guint          finished;     /* the number of the last one that finished */
  gboolean       loaded;
  GError        *error;
};

G_DEFINE_FINAL_TYPE (RdsResourceList, rds_resource_list, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_LOADED,
  N_PROPS
};

enum {
  REFRESHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
rds_resource_list_dispose (GObject *object)
{
  RdsResourceList *self = RDS_RESOURCE_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (rds_resource_list_parent_class)->dispose (object);
}

static void
rds_resource_list_finalize (GObject *object)
{
  RdsResourceList *self = RDS_RESOURCE_LIST (object);

  g_clear_pointer (&self->action, g_free);
  g_clear_pointer (&self->key_fields, g_strfreev);
  g_clear_pointer (&self->parameters, g_hash_table_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->fetched, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (rds_resource_list_parent_class)->finalize (object);
}

static void
rds_resource_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RdsResourceList *self = RDS_RESOURCE_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_resource_list_class_init (RdsResourceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rds_resource_list_dispose;
  object_class->finalize = rds_resource_list_finalize;
  object_class->get_property = rds_resource_list_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RdsResourceList::refreshed:
   * @error: (nullable): why the refresh failed, or %NULL
   *
   * Emitted when a refresh ends, however it ends (but for cancellation).
   */
  signals[REFRESHED] =
    g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
rds_resource_list_init (RdsResourceList *self)
{
  self->parameters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}

/**
 * rds_resource_list_new:
 * @action: a paginated Describe action, such as "DescribeDBInstances"
 * @key_fields: the wire names that identify an item, such as
 *   { "DBInstanceIdentifier", NULL }
 *
 * Returns: (transfer full): an empty list; give it a client and refresh it
 */
RdsResourceList *
rds_resource_list_new (const char         *action,
                       const char * const *key_fields)
{
  const RdsAction *info = rds_action_lookup (action);
  RdsResourceList *self;

  g_return_val_if_fail (info != NULL && info->kind == RDS_RESULT_LIST, NULL);
  g_return_val_if_fail (key_fields != NULL && key_fields[0] != NULL, NULL);

  self = g_object_new (RDS_TYPE_RESOURCE_LIST, NULL);
  self->action = g_strdup (action);
  self->key_fields = g_strdupv ((char **) key_fields);
  self->item_type = info->item_type ();
  self->store = rds_array_store_new (self->item_type);

  return self;
}

static void
set_loading (RdsResourceList *self,
             gboolean         loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * rds_resource_list_set_client:
 * @client: (nullable): the endpoint and Region to read from
 *
 * A new client (another Region, another endpoint) empties the list; what
 * was in flight is forgotten.
 */
void
rds_resource_list_set_client (RdsResourceList *self,
                              RdsClient       *client)
{
  g_return_if_fail (RDS_IS_RESOURCE_LIST (self));

  /* What is in flight finishes and is dropped: cancelling it would close
   * its connection, maybe before the server even accepted it. */
  self->generation++;
  g_clear_pointer (&self->fetched, g_ptr_array_unref);
  set_loading (self, FALSE);

  g_set_object (&self->client, client);
  g_hash_table_remove_all (self->by_key);
  rds_array_store_remove_all (self->store);
  if (self->loaded)
    {
      self->loaded = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
}

RdsClient *
rds_resource_list_get_client (RdsResourceList *self)
{
  g_return_val_if_fail (RDS_IS_RESOURCE_LIST (self), NULL);

  return self->client;
}

/* Extra parameters for every page, such as Duration for DescribeEvents. */
void
rds_resource_list_set_parameter (RdsResourceList *self,
                                 const char      *name,
                                 const char      *value)
{
  g_return_if_fail (RDS_IS_RESOURCE_LIST (self));

  if (value != NULL)
    g_hash_table_insert (self->parameters, g_strdup (name), g_strdup (value));
  else
    g_hash_table_remove (self->parameters, name);
}

GListModel *
rds_resource_list_get_model (RdsResourceList *self)
{
  g_return_val_if_fail (RDS_IS_RESOURCE_LIST (self), NULL);

  return G_LIST_MODEL (self->store);
}

char *
rds_resource_list_key_of (RdsResourceList *self,
                          RdsShape        *item)
{
  RdsShapeClass *klass = RDS_SHAPE_GET_CLASS (item);
  GString *key = g_string_new (NULL);

  for (guint i = 0; self->key_fields[i] != NULL; i++)
    {
      const RdsField *field = rds_shape_class_find_wire_name (klass, self->key_fields[i]);

      if (i > 0)
        g_string_append_c (key, '\n');
      if (field == NULL)
        continue;
      if (field->kind == RDS_FIELD_KIND_TIMESTAMP)
        g_string_append_printf (key, "%" G_GINT64_FORMAT,
                                *(gint64 *) rds_shape_field_ptr (item, field));
      else if (field->kind == RDS_FIELD_KIND_STRING || field->kind == RDS_FIELD_KIND_INTERNED)
        {
          const char *text = *(const char **) rds_shape_field_ptr (item, field);
          g_string_append (key, text != NULL ? text : "");
        }
    }

  return g_string_free (key, FALSE);
}

/**
 * rds_resource_list_find:
 *
 * Returns: (transfer none) (nullable): the item with @key
 */
gpointer
rds_resource_list_find (RdsResourceList *self,
                        const char      *key)
{
  g_return_val_if_fail (RDS_IS_RESOURCE_LIST (self), NULL);

  return g_hash_table_lookup (self->by_key, key);
}

/* Turns the store into @items (in that order), keeping the objects of the
 * items that stay and touching only the runs that change. */
static void
reconcile (RdsResourceList *self,
           GPtrArray       *items)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) in_store = NULL;
  /* The next by_key: each key once, to the item kept for it. */
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) updated = g_ptr_array_new_with_free_func (g_object_unref);
  guint n, position;

  /* Known items take the new values, new ones come as they are. An item
   * met twice (pages that shifted between requests) is kept once. */
  for (guint i = 0; i < items->len; i++)
    {
      RdsShape *fresh = g_ptr_array_index (items, i);
      char *key = rds_resource_list_key_of (self, fresh);
      RdsShape *known = g_hash_table_lookup (self->by_key, key);
      RdsShape *kept = known != NULL ? known : fresh;

      if (g_hash_table_contains (by_key, key))
        {
          g_free (key);
          continue;
        }
      if (known != NULL)
        rds_shape_update_from (known, fresh);
      g_ptr_array_add (updated, g_object_ref (kept));
      g_hash_table_add (wanted, kept);
      g_hash_table_insert (by_key, key, kept);
    }

  /* Remove what is gone, in runs, from the end. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = n; i > 0;)
    {
      guint end = i, start;

      if (g_hash_table_contains (wanted, rds_array_store_peek (self->store, i - 1)))
        {
          i--;
          continue;
        }
      start = i - 1;
      while (start > 0 && !g_hash_table_contains (wanted, rds_array_store_peek (self->store, start - 1)))
        start--;
      rds_array_store_splice (self->store, start, end - start, NULL, 0);
      i = start;
    }

  /* Insert what is new, in runs. The items that stayed keep their order. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  in_store = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n; i++)
    g_hash_table_add (in_store, rds_array_store_peek (self->store, i));
  position = 0;
  for (guint k = 0; k < updated->len;)
    {
      gpointer next = g_ptr_array_index (updated, k);
      gpointer current = rds_array_store_peek (self->store, position);
      guint run;

      if (current == next)
        {
          position++;
          k++;
          continue;
        }

      /* A run of items not in the store goes in before @current. */
      for (run = k; run < updated->len; run++)
        {
          gpointer candidate = g_ptr_array_index (updated, run);

          if (candidate == current || g_hash_table_contains (in_store, candidate))
            break;
        }

      if (run == k)
        {
          /* The order changed: replace the rest at once. */
          guint left = g_list_model_get_n_items (G_LIST_MODEL (self->store)) - position;

          rds_array_store_splice (self->store, position, left, updated->pdata + k, updated->len - k);
          break;
        }

      rds_array_store_splice (self->store, position, 0, updated->pdata + k, run - k);
      position += run - k;
      k = run;
    }

  g_clear_pointer (&self->by_key, g_hash_table_unref);
  self->by_key = g_steal_pointer (&by_key);
}

static void fetch_page (RdsResourceList *self,
                        const char      *marker);

typedef struct
{
  RdsResourceList *self;
  guint            generation;
} Page;

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Page *page = user_data;
  RdsResourceList *self = page->self;
  g_autoptr(RdsQueryResult) answer = NULL;
  g_autoptr(GError) error = NULL;
  gboolean current = page->generation == self->generation;

  g_free (page);
  answer = rds_client_call_finish (RDS_CLIENT (object), result, &error);
  if (!current || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_unref (self);
      return;
    }

  if (answer == NULL)
    {
      g_clear_pointer (&self->fetched, g_ptr_array_unref);
      g_clear_error (&self->error);
      self->error = g_error_copy (error);
      self->finished = self->serial;
      set_loading (self, FALSE);
      g_signal_emit (self, signals[REFRESHED], 0, error);
      g_object_unref (self);
      return;
    }

  for (guint i = 0; i < answer->items->len; i++)
    g_ptr_array_add (self->fetched, g_object_ref (g_ptr_array_index (answer->items, i)));

  if (answer->marker != NULL)
    {
      fetch_page (self, answer->marker);
      g_object_unref (self);
      return;
    }

  reconcile (self, self->fetched);
  g_clear_pointer (&self->fetched, g_ptr_array_unref);
  g_clear_error (&self->error);
  self->finished = self->serial;
  set_loading (self, FALSE);
  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
  g_signal_emit (self, signals[REFRESHED], 0, NULL);
  g_object_unref (self);
}

static void
fetch_page (RdsResourceList *self,
            const char      *marker)
{
  g_autoptr(RdsRequest) request = rds_request_new (self->action);
  GHashTableIter iter;
  gpointer name, value;
  Page *page;

  g_hash_table_iter_init (&iter, self->parameters);
  while (g_hash_table_iter_next (&iter, &name, &value))
    rds_request_set (request, name, value);
  rds_request_set (request, "MaxRecords", "100");
  rds_request_set (request, "Marker", marker);

  page = g_new0 (Page, 1);
  page->self = g_object_ref (self);
  page->generation = self->generation;
  rds_client_call_async (self->client, request, self->cancellable, page_cb, page);
}

/**
 * rds_resource_list_refresh:
 *
 * Reads the whole list again, unless a refresh is already in flight.
 *
 * Returns: whether a refresh started
 */
gboolean
rds_resource_list_refresh (RdsResourceList *self)
{
  g_return_val_if_fail (RDS_IS_RESOURCE_LIST (self), FALSE);

  if (self->loading || self->client == NULL)
    return FALSE;

  self->fetched = g_ptr_array_new_with_free_func (g_object_unref);
  self->serial++;
  set_loading (self, TRUE);
  fetch_page (self, NULL);
  return TRUE;
}

/**
 * rds_resource_list_get_serial:
 *
 * Returns: how many refreshes started
 */
guint
rds_resource_list_get_serial (RdsResourceList *self)
{
  g_return_val_if_fail (RDS_IS_RESOURCE_LIST (self), 0);

  return self->serial;
}

/**
 * rds_resource_list_get_finished_serial:
 *
 * Returns: the number (as rds_resource_list_get_serial() counts) of the
 *   refresh that finished last. In ::refreshed it is the one announced,
 *   even when a handler before yours has already started the next.
 */
guint
rds_resource_list_get_finished_serial (RdsResourceList *self)
{
  g_return_val_if_fail (RDS_IS_RESOURCE_LIST (self), 0);

  return self->finished;
}

gboolean
rds_resource_list_get_loading (RdsResourceList *self)
{
  g_return_val_if_fail (RDS_IS_RESOURCE_LIST (self), FALSE);

  return self->loading;
}

gboolean
rds_resource_list_get_loaded (RdsResourceList *self)
{
  g_return_val_if_fail (RDS_IS_RESOURCE_LIST (self), FALSE);

  return self->loaded;
}

/**
 * rds_resource_list_get_error:
 *
 * Returns: (nullable): why the last refresh failed
 */
const GError *
rds_resource_list_get_error (RdsResourceList *self)
{
  g_return_val_if_fail (RDS_IS_RESOURCE_LIST (self), NULL);

  return self->error;
}
