/* test-sim-kind.c: a kind of resource added from outside the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A test-only kind, the "gadget", lives entirely in this file: its model,
 * its actions, its timer, how it is saved and loaded. The engine and the
 * store take it through create, timers, tags, the journal, a crash and a
 * reload without a line of theirs knowing it. Then the built-in kinds get
 * the same round trips, and the engine's actions are checked against the
 * model's.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rds-event.h"
#include "rds-sim-engine-private.h"
#include "rds-sim-store.h"
#include "rds-tag.h"
#include "sim-state-text.h"

#define REGION "us-east-1"
#define START_TIME G_GINT64_CONSTANT (1767571200000000)
#define BUILD_TIME G_GINT64_CONSTANT (90)

/* The model */

#define TEST_TYPE_GADGET (test_gadget_get_type ())
G_DECLARE_FINAL_TYPE (TestGadget, test_gadget, TEST, GADGET, RdsShape)

struct _TestGadget
{
  RdsShape    parent_instance;

  char       *gadget_identifier;
  const char *status;
  GListStore *tag_list;
};

G_DEFINE_FINAL_TYPE (TestGadget, test_gadget, RDS_TYPE_SHAPE)

static const RdsField gadget_fields[] = {
  RDS_FIELD_STRING (TestGadget, gadget_identifier, "gadget-identifier", "GadgetIdentifier", "Its name"),
  RDS_FIELD_INTERNED (TestGadget, status, "status", "Status", "building or ready"),
  RDS_FIELD_LIST (TestGadget, tag_list, "tag-list", "TagList", "Its tags", rds_tag_get_type, "Tag"),
};

static void
test_gadget_class_init (TestGadgetClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), gadget_fields, G_N_ELEMENTS (gadget_fields));
}

static void
test_gadget_init (TestGadget *self)
{
}

/* The kind */

typedef struct
{
  union
  {
    RdsSimResource resource;
    struct { RDS_SIM_RESOURCE_FIELDS (TestGadget) };
  };
  int builds;  /* its own state, saved beside the model */
} Gadget;

static RdsSimKind gadget_kind;

static const RdsAction gadget_answer = { "CreateGadget", RDS_RESULT_ITEM, "Gadget", NULL, test_gadget_get_type,
                                         FALSE, TRUE, &rds_api_rds };

static RdsQueryResult *
create_gadget (RdsSimEngine  *self,
               RdsSimRegion  *region,
               RdsRequest    *request,
               GError       **error)
{
  const char *id = rds_request_require_string (request, "GadgetIdentifier", error);
  gint64 now = rds_sim_engine_get_now (self);
  RdsQueryResult *result;
  Gadget *gadget;

  if (id == NULL)
    return NULL;
  if (g_tree_lookup (_rds_sim_region_resources (region, &gadget_kind), id) != NULL)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "Gadget %s exists.", id);
      return NULL;
    }

  gadget = g_new0 (Gadget, 1);
  gadget->kind = &gadget_kind;
  gadget->region = region;
  gadget->model = g_object_new (TEST_TYPE_GADGET, "gadget-identifier", id, "status", "building", NULL);
  _rds_sim_region_add (region, &gadget->resource);
  _rds_sim_engine_schedule (self, &gadget->resource, 0, now + BUILD_TIME * G_USEC_PER_SEC);
  _rds_sim_engine_emit (self, region, gadget_kind.name, id, "Building the gadget.", "creation", now);
  _rds_sim_resource_changed (self, &gadget->resource);

  result = rds_query_result_new (&gadget_answer);
  result->item = g_object_ref (gadget->shape);
  return result;
}

static const RdsSimAction gadget_actions[] = {
  { "CreateGadget", create_gadget },
  { NULL }
};

static void
gadget_fire (RdsSimEngine   *self,
             RdsSimResource *resource,
             guint           timer,
             gint64          now)
{
  Gadget *gadget = (Gadget *) resource;

  g_assert_cmpuint (timer, ==, 0);
  rds_shape_set_string (gadget->shape, "status", "ready");
  gadget->builds++;
  _rds_sim_engine_emit (self, gadget->region, gadget_kind.name, _rds_sim_resource_get_id (resource),
                        "The gadget is ready.", "availability", now);
  _rds_sim_resource_changed (self, resource);
}

static void
gadget_save (RdsSimResource *resource,
             JsonObject     *sim)
{
  Gadget *gadget = (Gadget *) resource;

  json_object_set_int_member (sim, "builds", gadget->builds);
  if (gadget->due[0] != 0)
    json_object_set_int_member (sim, "due", gadget->due[0]);
}

static RdsSimResource *
gadget_load (RdsSimRegion  *region,
             RdsShape      *model,
             JsonObject    *sim,
             GError       **error)
{
  Gadget *gadget = g_new0 (Gadget, 1);

  gadget->kind = &gadget_kind;
  gadget->region = region;
  gadget->model = TEST_GADGET (model);
  gadget->builds = (int) json_object_get_int_member_with_default (sim, "builds", 0);
  gadget->due[0] = json_object_get_int_member_with_default (sim, "due", 0);
  return &gadget->resource;
}

static void
gadget_free (RdsSimResource *resource)
{
  g_clear_object (&resource->shape);
  g_free (resource);
}

static RdsSimKind gadget_kind = {
  .name = "test-gadget",
  .arn_type = "gadget",
  .model_type = test_gadget_get_type,
  .id_property = "gadget-identifier",
  .not_found = RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
  .not_found_message = "Gadget %s not found.",
  .timer_order = 2,
  .actions = gadget_actions,
  .save = gadget_save,
  .load = gadget_load,
  .fire = gadget_fire,
  .free = gadget_free,
};

/* Helpers */

static RdsSimEngine *
new_engine (void)
{
  g_autoptr(RdsSimClock) clock = rds_sim_clock_new (START_TIME, 1.0, TRUE);

  return rds_sim_engine_new (3, clock);
}

static RdsQueryResult *
call (RdsSimEngine *engine,
      const char   *action,
      ...)
{
  g_autoptr(RdsRequest) request = rds_request_new (action);
  g_autoptr(GError) error = NULL;
  RdsQueryResult *result;
  va_list args;
  const char *name;

  va_start (args, action);
  while ((name = va_arg (args, const char *)) != NULL)
    rds_request_set (request, name, va_arg (args, const char *));
  va_end (args);

  result = rds_sim_engine_call (engine, REGION, request, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* The whole state as text (which also takes the engine's changes). */
static char *
dump (RdsSimEngine *engine)
{
  return sim_state_dump (engine);
}

static RdsSimEngine *
load (const char *text)
{
  RdsSimEngine *engine = new_engine ();

  sim_state_load (engine, text);
  return engine;
}

static GPtrArray *
journal_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
}

static void
journal_take (GPtrArray    *journal,
              RdsSimEngine *engine)
{
  JsonNode *changes = rds_sim_engine_take_changes (engine);

  if (changes != NULL)
    g_ptr_array_add (journal, changes);
}

/* Replays @journal over @base and checks it gives what @engine holds;
 * then checks a checkpoint of it loads the same, timers included. */
static void
assert_round_trips (const char   *base,
                    GPtrArray    *journal,
                    RdsSimEngine *engine)
{
  g_autoptr(RdsSimEngine) replayed = load (base);
  g_autoptr(RdsSimEngine) reloaded = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *after_engine = NULL;
  g_autofree char *after_reloaded = NULL;

  for (guint i = 0; i < journal->len; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (rds_sim_engine_apply_changes (replayed, g_ptr_array_index (journal, i), &error));
      g_assert_no_error (error);
    }

  expected = dump (engine);
  actual = dump (replayed);
  g_assert_cmpstr (actual, ==, expected);

  /* A checkpoint loads the same, and its timers still fire. */
  reloaded = load (expected);
  rds_sim_engine_advance (engine, 3600);
  rds_sim_engine_advance (reloaded, 3600);
  after_engine = dump (engine);
  after_reloaded = dump (reloaded);
  g_assert_cmpstr (after_reloaded, ==, after_engine);
}

/* Tests */

static void
test_kind_round_trips (void)
{
  g_autoptr(RdsSimEngine) engine = new_engine ();
  g_autoptr(GPtrArray) journal = journal_new ();
  g_autofree char *base = dump (engine);
  g_autofree char *arn = NULL;

  {
    g_autoptr(RdsQueryResult) created = call (engine, "CreateGadget", "GadgetIdentifier", "g1", NULL);

    g_assert_cmpstr (rds_shape_get_string (created->item, "status"), ==, "building");
  }
  journal_take (journal, engine);
  rds_sim_engine_advance (engine, BUILD_TIME + 1);
  journal_take (journal, engine);

  /* Tags and events find it through its kind. */
  arn = g_strdup_printf ("arn:aws:rds:%s:%s:gadget:g1", REGION, rds_sim_engine_get_account_id (engine));
  {
    g_autoptr(RdsQueryResult) tagged = call (engine, "AddTagsToResource", "ResourceName", arn,
                                             "Tags.Tag.1.Key", "team", "Tags.Tag.1.Value", "qa", NULL);
    g_autoptr(RdsQueryResult) tags = call (engine, "ListTagsForResource", "ResourceName", arn, NULL);

    g_assert_cmpuint (tags->items->len, ==, 1);
  }
  journal_take (journal, engine);
  {
    g_autoptr(RdsQueryResult) events = call (engine, "DescribeEvents", "Duration", "60", NULL);
    g_autoptr(GPtrArray) mine = g_ptr_array_new ();
    RdsShape *ready;

    /* Not a SourceType AWS knows, so found by identifier. */
    for (guint i = 0; i < events->items->len; i++)
      if (g_strcmp0 (rds_shape_get_string (g_ptr_array_index (events->items, i), "source-identifier"), "g1") == 0)
        g_ptr_array_add (mine, g_ptr_array_index (events->items, i));
    g_assert_cmpuint (mine->len, ==, 2);
    ready = g_ptr_array_index (mine, 1);
    g_assert_cmpstr (rds_shape_get_string (ready, "message"), ==, "The gadget is ready.");
    g_assert_true (g_str_has_suffix (rds_shape_get_string (ready, "source-arn"), ":gadget:g1"));
  }

  /* A second one, still building when the journal ends. */
  {
    g_autoptr(RdsQueryResult) created = call (engine, "CreateGadget", "GadgetIdentifier", "g2", NULL);
  }
  journal_take (journal, engine);

  assert_round_trips (base, journal, engine);
}

static void
test_kind_survives_a_crash (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rds-kind-XXXXXX", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RdsSimEngine) engine = new_engine ();
    g_autoptr(RdsSimStore) store = rds_sim_store_open (dir, &error);
    g_autoptr(RdsQueryResult) created = NULL;
    g_autoptr(JsonNode) changes = NULL;

    g_assert_true (rds_sim_store_load (store, engine, NULL, &error));
    created = call (engine, "CreateGadget", "GadgetIdentifier", "crash", NULL);
    changes = rds_sim_engine_take_changes (engine);
    g_assert_true (rds_sim_store_append_sync (store, changes, &error));
    g_assert_no_error (error);
    expected = dump (engine);
    /* Gone without a checkpoint: only the journal holds the gadget. */
  }

  {
    g_autoptr(RdsSimEngine) engine = new_engine ();
    g_autoptr(RdsSimStore) store = rds_sim_store_open (dir, &error);
    g_autofree char *warning = NULL;
    g_autofree char *loaded = NULL;

    g_assert_true (rds_sim_store_load (store, engine, &warning, &error));
    g_assert_no_error (error);
    g_assert_null (warning);
    loaded = dump (engine);
    g_assert_cmpstr (loaded, ==, expected);
    g_assert_nonnull (strstr (loaded, "\"type\":\"test-gadget\""));
  }

  {
    g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (handle)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (dir);
  }
}

/* Instances and snapshots, with timers pending, take the same trips. */
static void
test_builtin_kinds_round_trip (void)
{
  g_autoptr(RdsSimEngine) engine = new_engine ();
  g_autoptr(GPtrArray) journal = journal_new ();
  g_autofree char *base = dump (engine);

  {
    g_autoptr(RdsQueryResult) created = call (engine, "CreateDBInstance",
                                              "DBInstanceIdentifier", "db1",
                                              "DBInstanceClass", "db.t3.micro", "Engine", "postgres",
                                              "MasterUsername", "postgres",
                                              "MasterUserPassword", "kind-round-trip", "AllocatedStorage", "20",
                                              NULL);
  }
  journal_take (journal, engine);
  rds_sim_engine_advance (engine, 3600);
  journal_take (journal, engine);
  {
    g_autoptr(RdsQueryResult) snapshot = call (engine, "CreateDBSnapshot", "DBInstanceIdentifier", "db1",
                                               "DBSnapshotIdentifier", "snap1", NULL);
  }
  journal_take (journal, engine);
  rds_sim_engine_advance (engine, 30);
  journal_take (journal, engine);

  assert_round_trips (base, journal, engine);
}

/* A journal naming a kind this engine does not know is refused, whole. */
static void
test_unknown_kind_is_refused (void)
{
  g_autoptr(RdsSimEngine) engine = new_engine ();
  g_autofree char *before = dump (engine);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) changes = json_from_string (
    "{\"clock\":{\"time\":1767571200000000},\"rng\":\"x\",\"put\":[{\"type\":\"db-proxy\","
    "\"region\":\"us-east-1\",\"shape\":{\"DBClusterIdentifier\":\"c1\"},\"sim\":{}}],"
    "\"delete\":[],\"events\":[]}", NULL);
  g_autoptr(JsonNode) deletion = json_from_string (
    "{\"clock\":{\"time\":1767571200000000},\"rng\":\"x\",\"put\":[],"
    "\"delete\":[{\"type\":\"db-proxy\",\"region\":\"us-east-1\",\"id\":\"c1\"}],\"events\":[]}", NULL);
  g_autofree char *after = NULL;

  g_assert_false (rds_sim_engine_apply_changes (engine, changes, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "db-proxy"));
  g_clear_error (&error);

  g_assert_false (rds_sim_engine_apply_changes (engine, deletion, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);

  after = dump (engine);
  g_assert_cmpstr (after, ==, before);
}

/* In a journal on disk, such an entry is reported and the file kept, as
 * any damage; what came before it loads. */
static void
test_unknown_kind_in_a_journal_is_kept (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rds-kind-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RdsSimEngine) engine = new_engine ();
    g_autoptr(RdsSimStore) store = rds_sim_store_open (dir, &error);
    g_autoptr(RdsQueryResult) created = NULL;
    g_autoptr(JsonNode) changes = NULL;
    g_autoptr(JsonNode) unknown = json_from_string (
      "{\"clock\":{\"time\":1767571200000000},\"rng\":\"x\",\"put\":[{\"type\":\"db-proxy\","
      "\"region\":\"us-east-1\",\"shape\":{\"DBClusterIdentifier\":\"c1\"},\"sim\":{}}],"
      "\"delete\":[],\"events\":[]}", NULL);

    g_assert_true (rds_sim_store_load (store, engine, NULL, &error));
    created = call (engine, "CreateGadget", "GadgetIdentifier", "before", NULL);
    changes = rds_sim_engine_take_changes (engine);
    g_assert_true (rds_sim_store_append_sync (store, changes, &error));
    /* As a newer simulator, with clusters, would have written it. */
    g_assert_true (rds_sim_store_append_sync (store, unknown, &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(RdsSimEngine) engine = new_engine ();
    g_autoptr(RdsSimStore) store = rds_sim_store_open (dir, &error);
    g_autoptr(GDir) handle = NULL;
    g_autofree char *warning = NULL;
    g_autofree char *loaded = NULL;
    guint kept = 0;
    const char *name;

    g_assert_true (rds_sim_store_load (store, engine, &warning, &error));
    g_assert_no_error (error);
    g_assert_nonnull (warning);
    g_assert_nonnull (strstr (warning, "db-proxy"));
    loaded = dump (engine);
    g_assert_nonnull (strstr (loaded, "\"GadgetIdentifier\":\"before\""));

    handle = g_dir_open (dir, 0, NULL);
    while ((name = g_dir_read_name (handle)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        kept += g_str_has_prefix (name, RDS_SIM_STORE_JOURNAL_FILE ".corrupt");
        g_unlink (path);
      }
    g_assert_cmpuint (kept, ==, 1);
  }
  g_rmdir (dir);
}

/* Every action the model describes has a handler, and every handler an
 * action in the model (the test kind's own aside). */
static void
test_actions_agree (void)
{
  g_auto(GStrv) handled = rds_sim_engine_list_actions ();
  const RdsAction *described;
  guint n;

  described = rds_action_get_all (&n);
  for (guint i = 0; i < n; i++)
    if (!rds_sim_engine_has_action ("rds", described[i].name))
      g_error ("the model describes %s, but the simulator has no handler for it", described[i].name);

  for (guint i = 0; handled[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (handled[i], ":", 2);
      const RdsApi *api = rds_api_lookup (parts[0]);

      if (!g_str_equal (handled[i], "rds:CreateGadget") &&
          (api == NULL || rds_api_lookup_action (api, parts[1]) == NULL))
        g_error ("the simulator handles %s, which the model does not describe", handled[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Before any engine: Regions keep a tree per kind from their start. */
  rds_sim_kind_register (&gadget_kind);

  g_test_add_func ("/rds/sim/kind/round-trips", test_kind_round_trips);
  g_test_add_func ("/rds/sim/kind/survives-a-crash", test_kind_survives_a_crash);
  g_test_add_func ("/rds/sim/kind/builtin-kinds-round-trip", test_builtin_kinds_round_trip);
  g_test_add_func ("/rds/sim/kind/unknown-kind-is-refused", test_unknown_kind_is_refused);
  g_test_add_func ("/rds/sim/kind/unknown-kind-in-a-journal-is-kept", test_unknown_kind_in_a_journal_is_kept);
  g_test_add_func ("/rds/sim/kind/actions-agree", test_actions_agree);

  return g_test_run ();
}
