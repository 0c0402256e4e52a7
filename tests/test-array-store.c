/* test-array-store.c: a list model over an array behaves as a GListStore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "rds-array-store.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_items;    /* the length the handler saw */
} Change;

static void
record_change_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added, g_list_model_get_n_items (model) };

  g_array_append_val (changes, change);
}

static GObject *
named (const char *name)
{
  GObject *object = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data_full (object, "name", g_strdup (name), g_free);
  return object;
}

/* The names of the store's items, in order, as one string. */
static char *
names_of (GListModel *model)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_string_append (names, g_object_get_data (item, "name"));
    }
  g_assert_null (g_list_model_get_item (model, g_list_model_get_n_items (model)));
  return g_string_free (names, FALSE);
}

static void
assert_change (GArray *changes,
               guint   index,
               guint   position,
               guint   removed,
               guint   added,
               guint   n_items)
{
  Change *change;

  g_assert_cmpuint (changes->len, >, index);
  change = &g_array_index (changes, Change, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  g_assert_cmpuint (change->n_items, ==, n_items);
}

static void
test_array_store_splices (void)
{
  g_autoptr(RdsArrayStore) store = rds_array_store_new (G_TYPE_OBJECT);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  GObject *a = named ("a"), *b = named ("b"), *c = named ("c"), *d = named ("d");
  gpointer abc[] = { a, b, c }, dd[] = { d, d };
  char *names;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == G_TYPE_OBJECT);
  g_signal_connect (store, "items-changed", G_CALLBACK (record_change_cb), changes);
  g_object_add_weak_pointer (b, (gpointer *) &b);

  rds_array_store_splice (store, 0, 0, abc, 3);
  assert_change (changes, 0, 0, 0, 3, 3);
  names = names_of (G_LIST_MODEL (store));
  g_assert_cmpstr (names, ==, "abc");
  g_free (names);
  g_assert_true (rds_array_store_peek (store, 1) == b);
  g_assert_null (rds_array_store_peek (store, 3));

  /* Growing in the middle: the tail moves up. */
  rds_array_store_splice (store, 1, 1, dd, 2);
  assert_change (changes, 1, 1, 1, 2, 4);
  names = names_of (G_LIST_MODEL (store));
  g_assert_cmpstr (names, ==, "addc");
  g_free (names);

  /* Shrinking in the middle: the tail moves down. */
  rds_array_store_splice (store, 0, 3, abc + 1, 1);
  assert_change (changes, 2, 0, 3, 1, 2);
  names = names_of (G_LIST_MODEL (store));
  g_assert_cmpstr (names, ==, "bc");
  g_free (names);

  /* Nothing to do is no change. */
  rds_array_store_splice (store, 2, 0, NULL, 0);
  g_assert_cmpuint (changes->len, ==, 3);

  g_object_unref (a);
  g_object_unref (b);
  g_object_unref (c);
  g_object_unref (d);
  /* The store holds what it shows, and lets go of it when removed. */
  g_assert_nonnull (b);
  rds_array_store_remove_all (store);
  assert_change (changes, 3, 0, 2, 0, 0);
  g_assert_null (b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/array-store/splices", test_array_store_splices);

  return g_test_run ();
}
