/* test-slot-model.c: slots keep their places while the items they hold change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "rds-slot-model.h"
#include "rds-slot.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
record_change_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static GListStore *
store_of_names (const char * const *names)
{
  GListStore *store = g_list_store_new (G_TYPE_APPLICATION);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GApplication) item = g_application_new (names[i], G_APPLICATION_NON_UNIQUE);

      g_list_store_append (store, item);
    }

  return store;
}

/* Slot i holds item i of the model, for every i, and nothing more. */
static void
assert_mirrors (RdsSlotModel *slots,
                GListModel   *model)
{
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autoptr(RdsSlot) slot = g_list_model_get_item (G_LIST_MODEL (slots), i);

      g_assert_true (rds_slot_get_item (slot) == item);
      g_assert_true (rds_slot_model_get_item (slots, i) == item);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (slots), n));
}

static void
test_slot_model_follows_removals_and_additions (void)
{
  const char *names[] = { "org.example.A", "org.example.B", "org.example.C", "org.example.D", NULL };
  g_autoptr(GListStore) store = store_of_names (names);
  g_autoptr(RdsSlotModel) slots = rds_slot_model_new (G_LIST_MODEL (store));
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(RdsSlot) first = NULL;
  g_autoptr(GApplication) extra = g_application_new ("org.example.E", G_APPLICATION_NON_UNIQUE);
  Change *change;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (slots)) == RDS_TYPE_SLOT);
  assert_mirrors (slots, G_LIST_MODEL (store));
  first = g_list_model_get_item (G_LIST_MODEL (slots), 0);
  g_signal_connect (slots, "items-changed", G_CALLBACK (record_change_cb), changes);

  /* Removing the first item shifts the rest into the same slots; only the
   * last slot goes away. */
  g_list_store_remove (store, 0);
  assert_mirrors (slots, G_LIST_MODEL (store));
  g_assert_cmpuint (changes->len, ==, 1);
  change = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (change->position, ==, 3);
  g_assert_cmpuint (change->removed, ==, 1);
  g_assert_cmpuint (change->added, ==, 0);
  {
    g_autoptr(RdsSlot) again = g_list_model_get_item (G_LIST_MODEL (slots), 0);

    g_assert_true (again == first);
  }

  /* Inserting at the front adds one slot at the end. */
  g_list_store_insert (store, 0, extra);
  assert_mirrors (slots, G_LIST_MODEL (store));
  g_assert_cmpuint (changes->len, ==, 2);
  change = &g_array_index (changes, Change, 1);
  g_assert_cmpuint (change->position, ==, 3);
  g_assert_cmpuint (change->removed, ==, 0);
  g_assert_cmpuint (change->added, ==, 1);

  /* A change that keeps the length moves no slot at all. */
  g_list_store_splice (store, 1, 1, (gpointer *) &extra, 1);
  assert_mirrors (slots, G_LIST_MODEL (store));
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpuint (rds_slot_model_find (slots, extra), ==, 0);

  g_list_store_remove_all (store);
  assert_mirrors (slots, G_LIST_MODEL (store));
  g_assert_cmpuint (rds_slot_model_find (slots, extra), ==, G_MAXUINT);
  /* An emptied slot holds nothing: it keeps no item alive. */
  g_assert_null (rds_slot_get_item (first));
}

static gboolean
name_contains (gpointer item,
               gpointer user_data)
{
  return strstr (g_application_get_application_id (item), user_data) != NULL;
}

/* A search narrowing a list and widening it again reuses its slots. */
static void
test_slot_model_reuses_slots (void)
{
  const char *names[] = { "org.example.Alpha", "org.example.Beta", "org.example.Gamma",
                          "org.example.Delta", "org.example.Epsilon", NULL };
  g_autoptr(GListStore) store = store_of_names (names);
  g_autoptr(GListStore) shown = g_list_store_new (G_TYPE_APPLICATION);
  g_autoptr(RdsSlotModel) slots = rds_slot_model_new (G_LIST_MODEL (shown));
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  const char *searches[] = { "", "ta", "Epsilon", "nothing", "a", "", NULL };

  for (guint s = 0; searches[s] != NULL; s++)
    {
      g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
        {
          GObject *item = g_list_model_get_item (G_LIST_MODEL (store), i);

          if (name_contains (item, (gpointer) searches[s]))
            g_ptr_array_add (matches, item);
          else
            g_object_unref (item);
        }
      g_list_store_splice (shown, 0, g_list_model_get_n_items (G_LIST_MODEL (shown)),
                           matches->pdata, matches->len);
      assert_mirrors (slots, G_LIST_MODEL (shown));

      if (s == 0)
        for (guint i = 0; i < matches->len; i++)
          g_ptr_array_add (before, g_list_model_get_item (G_LIST_MODEL (slots), i));
    }

  /* Back to every item: the very same slot objects as at first. */
  for (guint i = 0; i < before->len; i++)
    {
      g_autoptr(RdsSlot) slot = g_list_model_get_item (G_LIST_MODEL (slots), i);

      g_assert_true (slot == g_ptr_array_index (before, i));
    }
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_slot_model_notifies_rows_of_new_items (void)
{
  const char *names[] = { "org.example.One", "org.example.Two", NULL };
  const char *others[] = { "org.example.Three", "org.example.Four", NULL };
  g_autoptr(GListStore) store = store_of_names (names);
  g_autoptr(GListStore) other = store_of_names (others);
  g_autoptr(RdsSlotModel) slots = rds_slot_model_new (G_LIST_MODEL (store));
  g_autoptr(RdsSlot) slot = g_list_model_get_item (G_LIST_MODEL (slots), 1);
  guint notified = 0;

  g_signal_connect (slot, "notify::item", G_CALLBACK (notify_count_cb), &notified);

  /* Another model of the same length: the rows rebind, none is replaced. */
  rds_slot_model_set_model (slots, G_LIST_MODEL (other));
  g_assert_true (rds_slot_model_get_model (slots) == G_LIST_MODEL (other));
  assert_mirrors (slots, G_LIST_MODEL (other));
  g_assert_cmpuint (notified, ==, 1);

  /* The old model no longer drives the slots. */
  g_list_store_remove_all (store);
  assert_mirrors (slots, G_LIST_MODEL (other));

  rds_slot_model_set_model (slots, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 0);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_null (rds_slot_get_item (slot));
}

/* With a step, growing adds that many slots per change or grow call; the
 * rest wait, counted, and every slot shown still mirrors its item. */
static void
test_slot_model_grows_in_steps (void)
{
  const char *names[] = { "org.example.A1", "org.example.A2", "org.example.A3", "org.example.A4",
                          "org.example.A5", "org.example.A6", "org.example.A7", NULL };
  g_autoptr(GListStore) store = store_of_names (names);
  g_autoptr(GListStore) shown = g_list_store_new (G_TYPE_APPLICATION);
  g_autoptr(RdsSlotModel) slots = rds_slot_model_new (G_LIST_MODEL (shown));
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  guint pending_notified = 0;
  Change *change;

  rds_slot_model_set_step (slots, 2);
  g_assert_cmpuint (rds_slot_model_get_step (slots), ==, 2);
  g_signal_connect (slots, "items-changed", G_CALLBACK (record_change_cb), changes);
  g_signal_connect (slots, "notify::pending", G_CALLBACK (notify_count_cb), &pending_notified);

  /* One item, then six more at once: two slots now, four wait. */
  {
    g_autoptr(GObject) first = g_list_model_get_item (G_LIST_MODEL (store), 0);

    g_list_store_append (shown, first);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 1);
  g_assert_cmpuint (rds_slot_model_get_pending (slots), ==, 0);
  g_array_set_size (changes, 0);
  {
    g_autoptr(GPtrArray) rest = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 1; i < 7; i++)
      g_ptr_array_add (rest, g_list_model_get_item (G_LIST_MODEL (store), i));
    g_list_store_splice (shown, 1, 0, rest->pdata, rest->len);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 3);
  g_assert_cmpuint (rds_slot_model_get_pending (slots), ==, 4);
  g_assert_cmpuint (pending_notified, ==, 1);
  g_assert_cmpuint (changes->len, ==, 1);
  change = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (change->position, ==, 1);
  g_assert_cmpuint (change->removed, ==, 0);
  g_assert_cmpuint (change->added, ==, 2);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (shown), i);

      g_assert_true (rds_slot_model_get_item (slots, i) == item);
    }
  g_assert_null (rds_slot_model_get_item (slots, 3));

  /* A change within the slots shown while some wait. */
  {
    g_autoptr(GObject) last = g_list_model_get_item (G_LIST_MODEL (store), 6);

    g_list_store_splice (shown, 0, 1, (gpointer *) &last, 1);
    g_assert_true (rds_slot_model_get_item (slots, 0) == (gpointer) last);
  }

  /* Each grow adds the next step; the last says nothing more waits. */
  g_assert_true (rds_slot_model_grow (slots));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 5);
  g_assert_cmpuint (rds_slot_model_get_pending (slots), ==, 2);
  g_assert_false (rds_slot_model_grow (slots));
  assert_mirrors (slots, G_LIST_MODEL (shown));
  g_assert_cmpuint (rds_slot_model_get_pending (slots), ==, 0);
  g_assert_false (rds_slot_model_grow (slots));

  /* Shrinking is never held back, and drops what waited. */
  g_list_store_splice (shown, 0, 1, NULL, 0);
  rds_slot_model_set_step (slots, 0);
  g_list_store_remove_all (shown);
  assert_mirrors (slots, G_LIST_MODEL (shown));
  g_assert_cmpuint (rds_slot_model_get_pending (slots), ==, 0);
}

/* With :keep, slots left without an item stay in the list, vacant (their
 * rows hidden), and are the first to take items again, without a change
 * of the list; fewer kept drops the vacant ones past that. */
static void
test_slot_model_keeps_vacant_slots (void)
{
  const char *names[] = { "org.example.K1", "org.example.K2", "org.example.K3", "org.example.K4",
                          "org.example.K5", "org.example.K6", NULL };
  g_autoptr(GListStore) store = store_of_names (names);
  g_autoptr(GListStore) shown = g_list_store_new (G_TYPE_APPLICATION);
  g_autoptr(RdsSlotModel) slots = rds_slot_model_new (G_LIST_MODEL (shown));
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  guint occupied_notified = 0;
  g_autoptr(RdsSlot) fifth = NULL;
  Change *change;

  rds_slot_model_set_keep (slots, 4);
  g_assert_cmpuint (rds_slot_model_get_keep (slots), ==, 4);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_list_store_append (shown, item);
    }
  assert_mirrors (slots, G_LIST_MODEL (shown));
  g_assert_cmpuint (rds_slot_model_get_occupied (slots), ==, 6);
  g_signal_connect (slots, "items-changed", G_CALLBACK (record_change_cb), changes);
  g_signal_connect (slots, "notify::occupied", G_CALLBACK (notify_count_cb), &occupied_notified);

  /* Down to one: four slots stay in the list (the one in use and three
   * vacant), the last two leave it. */
  g_list_store_splice (shown, 1, 5, NULL, 0);
  g_assert_cmpuint (rds_slot_model_get_occupied (slots), ==, 1);
  g_assert_cmpuint (occupied_notified, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 4);
  g_assert_cmpuint (changes->len, ==, 1);
  change = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (change->position, ==, 4);
  g_assert_cmpuint (change->removed, ==, 2);
  g_assert_cmpuint (change->added, ==, 0);
  for (guint i = 1; i < 4; i++)
    {
      g_autoptr(RdsSlot) slot = g_list_model_get_item (G_LIST_MODEL (slots), i);

      g_assert_null (rds_slot_get_item (slot));
      g_assert_null (rds_slot_model_get_item (slots, i));
    }
  {
    g_autoptr(GObject) first = g_list_model_get_item (G_LIST_MODEL (store), 0);

    g_assert_true (rds_slot_model_get_item (slots, 0) == (gpointer) first);
    g_assert_cmpuint (rds_slot_model_find (slots, first), ==, 0);
  }

  /* Up to three: the vacant slots take them, the list does not change. */
  g_array_set_size (changes, 0);
  fifth = g_list_model_get_item (G_LIST_MODEL (slots), 2);
  {
    g_autoptr(GObject) second = g_list_model_get_item (G_LIST_MODEL (store), 4);
    g_autoptr(GObject) third = g_list_model_get_item (G_LIST_MODEL (store), 5);
    gpointer more[] = { second, third };

    g_list_store_splice (shown, 1, 0, more, 2);
    g_assert_true (rds_slot_get_item (fifth) == third);
  }
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpuint (rds_slot_model_get_occupied (slots), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 4);
  g_assert_null (rds_slot_model_get_item (slots, 3));

  /* Up to six: the vacant one, then two more slots. */
  {
    g_autoptr(GPtrArray) rest = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 1; i < 4; i++)
      g_ptr_array_add (rest, g_list_model_get_item (G_LIST_MODEL (store), i));
    g_list_store_splice (shown, 3, 0, rest->pdata, rest->len);
  }
  assert_mirrors (slots, G_LIST_MODEL (shown));
  g_assert_cmpuint (changes->len, ==, 1);
  change = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (change->position, ==, 4);
  g_assert_cmpuint (change->removed, ==, 0);
  g_assert_cmpuint (change->added, ==, 2);

  /* Keeping fewer drops the vacant slots past that; keeping none mirrors. */
  g_list_store_splice (shown, 2, 4, NULL, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 4);
  rds_slot_model_set_keep (slots, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 3);
  rds_slot_model_set_keep (slots, 0);
  assert_mirrors (slots, G_LIST_MODEL (shown));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/slot-model/follows-removals-and-additions",
                   test_slot_model_follows_removals_and_additions);
  g_test_add_func ("/slot-model/reuses-slots", test_slot_model_reuses_slots);
  g_test_add_func ("/slot-model/notifies-rows-of-new-items",
                   test_slot_model_notifies_rows_of_new_items);
  g_test_add_func ("/slot-model/grows-in-steps", test_slot_model_grows_in_steps);
  g_test_add_func ("/slot-model/keeps-vacant-slots", test_slot_model_keeps_vacant_slots);

  return g_test_run ();
}
