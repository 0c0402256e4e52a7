/* test-sim-snapshots.c: copying DB snapshots, in a Region and across Regions, and sharing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs the engine on a paused clock and moves it explicitly.
 */

#include "config.h"

#include "rds-db-snapshot.h"
#include "rds-sim-engine.h"
#include "sim-calls.h"
#include "sim-state-text.h"

#define EAST "us-east-1"
#define WEST "us-west-2"
/* Monday 2026-01-05 00:00:00 UTC */
#define START_TIME G_GINT64_CONSTANT (1767571200000000)
#define MINUTE 60
#define HOUR 3600
#define AUTOMATED "rds:db-2026-01-05-00-30"

typedef struct
{
  RdsSimClock  *clock;
  RdsSimEngine *engine;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->clock = rds_sim_clock_new (START_TIME, 1.0, TRUE);
  f->engine = rds_sim_engine_new (42, f->clock);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->engine);
  g_assert_finalize_object (f->clock);
}

static RdsDbSnapshot *
describe (Fixture    *f,
          const char *region,
          const char *id)
{
  g_autoptr(RdsQueryResult) result = sim_call (f->engine, region, "DescribeDBSnapshots",
                                               "DBSnapshotIdentifier", id, NULL);

  g_assert_cmpuint (result->items->len, ==, 1);
  return g_object_ref (g_ptr_array_index (result->items, 0));
}

static char *
status (Fixture    *f,
        const char *region,
        const char *id)
{
  g_autoptr(RdsDbSnapshot) snapshot = describe (f, region, id);

  return g_strdup (rds_db_snapshot_get_status (snapshot));
}

/* Advances a minute at a time until the snapshot is available; returns
 * how many seconds that took. */
static gint64
advance_until_available (Fixture    *f,
                         const char *region,
                         const char *id,
                         gint64      limit)
{
  for (gint64 waited = 0; waited <= limit; waited += MINUTE)
    {
      g_autofree char *now = status (f, region, id);

      if (g_str_equal (now, "available"))
        return waited;
      rds_sim_engine_advance (f->engine, MINUTE);
    }

  g_error ("%s did not become available within %" G_GINT64_FORMAT " s", id, limit);
  return -1;
}

/* A new customer managed key of @region (KMS CreateKey): its ID, and its ARN
 * in @arn. */
static char *
create_key (Fixture     *f,
            const char  *region,
            char       **arn)
{
  g_autoptr(RdsRequest) request = rds_request_new_for_api (rds_api_lookup ("kms"), "CreateKey");
  g_autoptr(RdsQueryResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RdsShape *metadata;

  rds_request_set (request, "Description", "snapshots");
  result = rds_sim_engine_call (f->engine, region, request, &error);
  g_assert_no_error (error);
  metadata = rds_shape_get_object (result->item, "key-metadata");
  if (arn != NULL)
    *arn = g_strdup (rds_shape_get_string (metadata, "arn"));
  return g_strdup (rds_shape_get_string (metadata, "key-id"));
}

/* An available instance "db" in @region, and an available manual snapshot
 * "base" of it, tagged. */
static void
make (Fixture    *f,
      const char *region,
      gboolean    encrypted)
{
  g_autoptr(RdsQueryResult) created = NULL;
  g_autoptr(RdsQueryResult) snapshot = NULL;

  created = sim_call (f->engine, region, "CreateDBInstance",
                      "DBInstanceIdentifier", "db",
                      "DBInstanceClass", "db.m5.large",
                      "Engine", "postgres",
                      "MasterUsername", "admin",
                      "MasterUserPassword", "correct-horse-battery",
                      "AllocatedStorage", "100",
                      "StorageEncrypted", encrypted ? "true" : "false",
                      NULL);
  sim_advance_until (f->engine, region, "db", "available", HOUR);
  snapshot = sim_call (f->engine, region, "CreateDBSnapshot", "DBInstanceIdentifier", "db",
                       "DBSnapshotIdentifier", "base",
                       "Tags.Tag.1.Key", "team", "Tags.Tag.1.Value", "shop", NULL);
  advance_until_available (f, region, "base", HOUR);
}

static char *
arn (Fixture    *f,
     const char *region,
     const char *id)
{
  return g_strdup_printf ("arn:aws:rds:%s:%s:snapshot:%s", region,
                          rds_sim_engine_get_account_id (f->engine), id);
}

static RdsDbSnapshot *
copy (Fixture    *f,
      const char *region,
      const char *source,
      const char *target,
      ...)
{
  g_autoptr(GError) error = NULL;
  RdsQueryResult *result;
  RdsDbSnapshot *snapshot;
  va_list args;

  va_start (args, target);
  {
    g_autoptr(RdsRequest) request = rds_request_new ("CopyDBSnapshot");
    const char *name;

    rds_request_set (request, "SourceDBSnapshotIdentifier", source);
    rds_request_set (request, "TargetDBSnapshotIdentifier", target);
    while ((name = va_arg (args, const char *)) != NULL)
      rds_request_set (request, name, va_arg (args, const char *));
    result = rds_sim_engine_call (f->engine, region, request, &error);
  }
  va_end (args);

  g_assert_no_error (error);
  snapshot = g_object_ref (RDS_DB_SNAPSHOT (result->item));
  rds_query_result_free (result);
  return snapshot;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The keys of a snapshot's tags, sorted and joined: "env,team". */
static char *
tag_keys (RdsDbSnapshot *snapshot)
{
  GListModel *tags = rds_shape_get_list (RDS_SHAPE (snapshot), "tag-list");
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  for (guint i = 0; tags != NULL && i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(RdsShape) tag = g_list_model_get_item (tags, i);

      g_ptr_array_add (keys, (gpointer) rds_shape_get_string (tag, "key"));
    }
  g_ptr_array_sort (keys, compare_strings);
  g_ptr_array_add (keys, NULL);
  return g_strjoinv (",", (char **) keys->pdata);
}

/* Events in this order among the snapshot's. */
static void
assert_events (Fixture            *f,
               const char         *region,
               const char         *id,
               const char * const *messages)
{
  g_autoptr(GPtrArray) events = sim_events (f->engine, region, "db-snapshot", id, "1440");
  int last = -1;

  for (guint i = 0; messages[i] != NULL; i++)
    {
      int index = sim_event_index (events, messages[i]);

      if (index < 0)
        g_error ("%s has no event “%s”", id, messages[i]);
      g_assert_cmpint (index, >, last);
      last = index;
    }
}

static gboolean
has_event_with_prefix (Fixture    *f,
                       const char *region,
                       const char *id,
                       const char *prefix)
{
  g_autoptr(GPtrArray) events = sim_events (f->engine, region, "db-snapshot", id, "1440");

  for (guint i = 0; i + 1 < events->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (events, i), prefix))
      return TRUE;
  return FALSE;
}

/* An automated snapshot of "db", as the daily backup leaves one: loaded as a
 * record of the state file, since this test does not wait for a backup
 * window. */
static void
add_automated (Fixture    *f,
               const char *region)
{
  g_autoptr(RdsDbSnapshot) base = describe (f, region, "base");
  g_autoptr(RdsShape) model = rds_shape_copy (RDS_SHAPE (base));
  g_autofree char *automated_arn = arn (f, region, AUTOMATED);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) record = NULL;
  g_autoptr(GError) error = NULL;

  rds_shape_set_string (model, "db-snapshot-identifier", AUTOMATED);
  rds_shape_set_string (model, "db-snapshot-arn", automated_arn);
  rds_shape_set_string (model, "snapshot-type", "automated");
  g_list_store_remove_all (rds_shape_ensure_list (model, "tag-list"));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "db-snapshot");
  json_builder_set_member_name (builder, "region");
  json_builder_add_string_value (builder, region);
  json_builder_set_member_name (builder, "shape");
  json_builder_add_value (builder, rds_shape_to_json (model));
  json_builder_set_member_name (builder, "sim");
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  record = json_builder_get_root (builder);

  g_assert_true (rds_sim_engine_load_record (f->engine, record, &error));
  g_assert_no_error (error);
}

/* The values of the restore attribute in an answer, joined: "all,1111…". */
static char *
restore_values (RdsQueryResult *result)
{
  GListModel *attributes = rds_shape_get_list (result->item, "db-snapshot-attributes");
  g_autoptr(RdsShape) attribute = NULL;
  const char * const *values;

  g_assert_cmpuint (g_list_model_get_n_items (attributes), ==, 1);
  attribute = g_list_model_get_item (attributes, 0);
  g_assert_cmpstr (rds_shape_get_string (attribute, "attribute-name"), ==, "restore");
  values = rds_shape_get_strv (attribute, "attribute-values");
  return values != NULL ? g_strjoinv (",", (char **) values) : g_strdup ("");
}

static char *
share (Fixture    *f,
       const char *id,
       const char *name,
       const char *value)
{
  g_autoptr(RdsQueryResult) result = sim_call (f->engine, EAST, "ModifyDBSnapshotAttribute",
                                               "DBSnapshotIdentifier", id,
                                               "AttributeName", "restore",
                                               name, value, NULL);

  g_assert_cmpstr (rds_shape_get_string (result->item, "db-snapshot-identifier"), ==, id);
  return restore_values (result);
}

static char *
shared_with (Fixture    *f,
             const char *id)
{
  g_autoptr(RdsQueryResult) result = sim_call (f->engine, EAST, "DescribeDBSnapshotAttributes",
                                               "DBSnapshotIdentifier", id, NULL);

  return restore_values (result);
}

/* Copies */

static void
test_copy_in_region (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RdsDbSnapshot) base = NULL;
  g_autoptr(RdsDbSnapshot) started = NULL;
  g_autoptr(RdsDbSnapshot) midway = NULL;
  g_autoptr(RdsDbSnapshot) done = NULL;
  g_autoptr(RdsDbSnapshot) by_arn = NULL;
  g_autofree char *base_arn = NULL;
  g_autofree char *keys = NULL;
  const char *events[] = { "Started copy of snapshot base in region us-east-1.",
                           "Finished copy of snapshot base.", NULL };
  int progress;
  gint64 took;

  make (f, EAST, FALSE);
  base = describe (f, EAST, "base");
  base_arn = arn (f, EAST, "base");
  rds_sim_engine_advance (f->engine, HOUR);

  started = copy (f, EAST, "base", "Base-Copy", "CopyTags", "true",
                  "Tags.Tag.1.Key", "env", "Tags.Tag.1.Value", "prod", NULL);
  g_assert_cmpstr (rds_db_snapshot_get_identifier (started), ==, "base-copy");
  g_assert_cmpstr (rds_db_snapshot_get_status (started), ==, "creating");
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (started), "percent-progress"), ==, 0);
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (started), "snapshot-type"), ==, "manual");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (started), "source-db-snapshot-identifier"), ==, base_arn);
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (started), "source-region"), ==, EAST);
  g_assert_true (g_str_has_suffix (rds_db_snapshot_get_arn (started), ":snapshot:base-copy"));
  g_assert_cmpstr (rds_db_snapshot_get_db_instance_identifier (started), ==, "db");
  g_assert_false (rds_shape_get_boolean (RDS_SHAPE (started), "encrypted"));
  /* It keeps when the original was taken; it was made now. */
  g_assert_cmpint (rds_shape_get_timestamp (RDS_SHAPE (started), "original-snapshot-create-time"), ==,
                   rds_shape_get_timestamp (RDS_SHAPE (base), "original-snapshot-create-time"));
  g_assert_cmpint (rds_shape_get_timestamp (RDS_SHAPE (started), "snapshot-create-time"), ==,
                   rds_sim_engine_get_now (f->engine));
  keys = tag_keys (started);
  g_assert_cmpstr (keys, ==, "env,team");

  rds_sim_engine_advance (f->engine, 2 * MINUTE);
  midway = describe (f, EAST, "base-copy");
  progress = rds_shape_get_int (RDS_SHAPE (midway), "percent-progress");
  g_assert_cmpstr (rds_db_snapshot_get_status (midway), ==, "creating");
  g_assert_cmpint (progress, >, 0);
  g_assert_cmpint (progress, <, 100);

  took = advance_until_available (f, EAST, "base-copy", HOUR);
  g_assert_cmpint (took, <=, 10 * MINUTE);
  done = describe (f, EAST, "base-copy");
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (done), "percent-progress"), ==, 100);
  assert_events (f, EAST, "base-copy", events);
  g_assert_false (has_event_with_prefix (f, EAST, "base-copy", "Manual snapshot created"));

  /* Named by its ARN in its Region, too; without CopyTags, no tags. */
  by_arn = copy (f, EAST, base_arn, "by-arn", NULL);
  g_free (keys);
  keys = tag_keys (by_arn);
  g_assert_cmpstr (keys, ==, "");
  advance_until_available (f, EAST, "by-arn", HOUR);
}

static void
test_copy_across_regions (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RdsDbSnapshot) started = NULL;
  g_autoptr(RdsDbSnapshot) done = NULL;
  g_autofree char *base_arn = NULL;
  g_autofree char *state = NULL;
  gint64 took;

  make (f, EAST, FALSE);
  base_arn = arn (f, EAST, "base");

  /* Asked of the destination, with what the CLI adds (accepted, not checked). */
  started = copy (f, WEST, base_arn, "west-copy", "SourceRegion", EAST,
                  "PreSignedUrl", "https://rds.us-east-1.amazonaws.com/?Action=CopyDBSnapshot", NULL);
  g_assert_cmpstr (rds_db_snapshot_get_status (started), ==, "pending");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (started), "source-region"), ==, EAST);
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (started), "source-db-snapshot-identifier"), ==, base_arn);
  g_assert_true (g_str_has_prefix (rds_db_snapshot_get_arn (started), "arn:aws:rds:us-west-2:"));
  g_assert_true (has_event_with_prefix (f, WEST, "west-copy",
                                        "Started copy of snapshot base from region us-east-1."));
  /* Not in the source's Region. */
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_DB_SNAPSHOT_NOT_FOUND, NULL,
                    "DescribeDBSnapshots", "DBSnapshotIdentifier", "west-copy", NULL);

  /* Out of the queue, then copying, then available: longer than in a Region. */
  rds_sim_engine_advance (f->engine, 5 * MINUTE);
  state = status (f, WEST, "west-copy");
  g_assert_cmpstr (state, ==, "copying");
  took = advance_until_available (f, WEST, "west-copy", 4 * HOUR);
  g_assert_cmpint (took, >=, 15 * MINUTE);
  done = describe (f, WEST, "west-copy");
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (done), "percent-progress"), ==, 100);
  g_assert_true (has_event_with_prefix (f, WEST, "west-copy",
                                        "Finished copy of snapshot base from region us-east-1 in "));

  /* A name alone is looked for in the Region asked. */
  sim_assert_error (f->engine, WEST, RDS_AWS_ERROR_DB_SNAPSHOT_NOT_FOUND, NULL,
                    "CopyDBSnapshot", "SourceDBSnapshotIdentifier", "base",
                    "TargetDBSnapshotIdentifier", "x", NULL);
}

static void
test_copy_of_automated (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RdsDbSnapshot) kept = NULL;
  g_autoptr(RdsDbSnapshot) automated = NULL;
  g_autofree char *values = NULL;

  make (f, EAST, FALSE);
  add_automated (f, EAST);
  automated = describe (f, EAST, AUTOMATED);
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (automated), "snapshot-type"), ==, "automated");

  /* Its copy is a manual snapshot, and counts as one. */
  kept = copy (f, EAST, AUTOMATED, "kept", NULL);
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (kept), "snapshot-type"), ==, "manual");
  g_assert_true (g_str_has_suffix (rds_shape_get_string (RDS_SHAPE (kept), "source-db-snapshot-identifier"),
                                   ":snapshot:" AUTOMATED));
  advance_until_available (f, EAST, "kept", HOUR);
  assert_events (f, EAST, "kept", (const char *[]) { "Started copy of snapshot " AUTOMATED " in region us-east-1.",
                                                     "Finished copy of snapshot " AUTOMATED ".", NULL });

  /* The instance's own first backup, when the engine takes one. */
  {
    g_autoptr(RdsQueryResult) backups = sim_call (f->engine, EAST, "DescribeDBSnapshots",
                                                  "DBInstanceIdentifier", "db",
                                                  "SnapshotType", "automated", NULL);

    for (guint i = 0; i < backups->items->len; i++)
      {
        RdsDbSnapshot *backup = g_ptr_array_index (backups->items, i);
        g_autofree char *target = g_strdup_printf ("backup-%u", i);
        g_autoptr(RdsDbSnapshot) copied = NULL;

        if (g_strcmp0 (rds_db_snapshot_get_status (backup), "available") != 0)
          continue;
        copied = copy (f, EAST, rds_db_snapshot_get_identifier (backup), target, NULL);
        g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (copied), "snapshot-type"), ==, "manual");
        advance_until_available (f, EAST, target, HOUR);
      }
  }

  /* Automated snapshots can't be shared; their restore attribute is empty. */
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "Copy it to a manual snapshot",
                    "ModifyDBSnapshotAttribute", "DBSnapshotIdentifier", AUTOMATED,
                    "AttributeName", "restore", "ValuesToAdd.AttributeValue.1", "111122223333", NULL);
  values = shared_with (f, AUTOMATED);
  g_assert_cmpstr (values, ==, "");
}

static void
test_copy_encryption (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RdsDbSnapshot) encrypted = NULL;
  g_autoptr(RdsDbSnapshot) plain = NULL;
  g_autoptr(RdsDbSnapshot) same_key = NULL;
  g_autoptr(RdsDbSnapshot) west = NULL;
  g_autoptr(RdsDbSnapshot) base = NULL;
  g_autofree char *base_arn = NULL;
  g_autofree char *east_key = NULL;
  g_autofree char *west_key = NULL;
  g_autofree char *encrypted_arn = NULL;
  g_autofree char *key_id = NULL;

  make (f, EAST, FALSE);
  base_arn = arn (f, EAST, "base");
  key_id = create_key (f, EAST, &east_key);

  /* Without a key, a copy of an unencrypted snapshot stays unencrypted... */
  plain = copy (f, EAST, "base", "plain", NULL);
  g_assert_false (rds_shape_get_boolean (RDS_SHAPE (plain), "encrypted"));
  g_assert_null (rds_shape_get_string (RDS_SHAPE (plain), "kms-key-id"));

  /* ...with one, it is encrypted with it: the way to encrypt a database. */
  encrypted = copy (f, EAST, "base", "encrypted", "KmsKeyId", key_id, NULL);
  g_assert_true (rds_shape_get_boolean (RDS_SHAPE (encrypted), "encrypted"));
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (encrypted), "kms-key-id"), ==, east_key);
  advance_until_available (f, EAST, "encrypted", HOUR);
  base = describe (f, EAST, "base");
  g_assert_false (rds_shape_get_boolean (RDS_SHAPE (base), "encrypted"));

  /* A copy of an encrypted snapshot keeps its key by default. */
  same_key = copy (f, EAST, "encrypted", "same-key", NULL);
  g_assert_true (rds_shape_get_boolean (RDS_SHAPE (same_key), "encrypted"));
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (same_key), "kms-key-id"), ==, east_key);

  /* Across Regions, an encrypted copy needs a key of the destination. */
  encrypted_arn = arn (f, EAST, "encrypted");
  sim_assert_error (f->engine, WEST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "Must specify new KMS key",
                    "CopyDBSnapshot", "SourceDBSnapshotIdentifier", encrypted_arn,
                    "TargetDBSnapshotIdentifier", "west", NULL);
  sim_assert_error (f->engine, WEST, RDS_AWS_ERROR_KMS_KEY_NOT_ACCESSIBLE, NULL,
                    "CopyDBSnapshot", "SourceDBSnapshotIdentifier", encrypted_arn,
                    "TargetDBSnapshotIdentifier", "west", "KmsKeyId", east_key, NULL);
  west = copy (f, WEST, encrypted_arn, "west", "KmsKeyId", "alias/aws/rds", NULL);
  west_key = g_strdup (rds_shape_get_string (RDS_SHAPE (west), "kms-key-id"));
  g_assert_true (rds_shape_get_boolean (RDS_SHAPE (west), "encrypted"));
  g_assert_true (g_str_has_prefix (west_key, "arn:aws:kms:us-west-2:"));

  /* An unencrypted one goes across without a key. */
  g_clear_object (&plain);
  plain = copy (f, WEST, base_arn, "west-plain", NULL);
  g_assert_false (rds_shape_get_boolean (RDS_SHAPE (plain), "encrypted"));
}

static void
test_copy_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RdsQueryResult) busy = NULL;
  g_autofree char *other_account = NULL;

  make (f, EAST, FALSE);

  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_DB_SNAPSHOT_NOT_FOUND, "nothing",
                    "CopyDBSnapshot", "SourceDBSnapshotIdentifier", "nothing",
                    "TargetDBSnapshotIdentifier", "x", NULL);
  other_account = g_strdup_printf ("arn:aws:rds:%s:999999999999:snapshot:base", EAST);
  sim_assert_error (f->engine, WEST, RDS_AWS_ERROR_DB_SNAPSHOT_NOT_FOUND, NULL,
                    "CopyDBSnapshot", "SourceDBSnapshotIdentifier", other_account,
                    "TargetDBSnapshotIdentifier", "x", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "not a valid DB snapshot ARN",
                    "CopyDBSnapshot", "SourceDBSnapshotIdentifier", "arn:aws:rds:us-east-1:db:base",
                    "TargetDBSnapshotIdentifier", "x", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_MISSING_PARAMETER, NULL,
                    "CopyDBSnapshot", "SourceDBSnapshotIdentifier", "base", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_DB_SNAPSHOT_ALREADY_EXISTS, NULL,
                    "CopyDBSnapshot", "SourceDBSnapshotIdentifier", "base",
                    "TargetDBSnapshotIdentifier", "BASE", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, NULL,
                    "CopyDBSnapshot", "SourceDBSnapshotIdentifier", "base",
                    "TargetDBSnapshotIdentifier", "two--hyphens", NULL);

  /* A snapshot still being taken can't be copied. */
  busy = sim_call (f->engine, EAST, "CreateDBSnapshot", "DBInstanceIdentifier", "db",
                   "DBSnapshotIdentifier", "busy", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_SNAPSHOT_STATE, "creating",
                    "CopyDBSnapshot", "SourceDBSnapshotIdentifier", "busy",
                    "TargetDBSnapshotIdentifier", "x", NULL);

  /* A copy is a manual snapshot: it counts against the quota. */
  rds_sim_engine_set_quota (f->engine, RDS_SIM_QUOTA_MANUAL_SNAPSHOTS, 2);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_SNAPSHOT_QUOTA_EXCEEDED, NULL,
                    "CopyDBSnapshot", "SourceDBSnapshotIdentifier", "base",
                    "TargetDBSnapshotIdentifier", "x", NULL);
  /* A failed request changed nothing. */
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_DB_SNAPSHOT_NOT_FOUND, NULL,
                    "DescribeDBSnapshots", "DBSnapshotIdentifier", "x", NULL);
}

static void
test_cancel_by_delete (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RdsDbSnapshot) started = NULL;
  g_autoptr(RdsDbSnapshot) remote = NULL;
  g_autoptr(RdsQueryResult) deleted = NULL;
  g_autoptr(RdsQueryResult) deleted_remote = NULL;
  g_autofree char *base_arn = NULL;

  make (f, EAST, FALSE);
  base_arn = arn (f, EAST, "base");
  started = copy (f, EAST, "base", "doomed", NULL);
  remote = copy (f, WEST, base_arn, "doomed-west", NULL);
  rds_sim_engine_advance (f->engine, MINUTE);

  /* Allowed while it is being copied, and it stops the copy. */
  deleted = sim_call (f->engine, EAST, "DeleteDBSnapshot", "DBSnapshotIdentifier", "doomed", NULL);
  g_assert_cmpstr (rds_db_snapshot_get_status (RDS_DB_SNAPSHOT (deleted->item)), ==, "deleted");
  deleted_remote = sim_call (f->engine, WEST, "DeleteDBSnapshot", "DBSnapshotIdentifier", "doomed-west", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_DB_SNAPSHOT_NOT_FOUND, NULL,
                    "DescribeDBSnapshots", "DBSnapshotIdentifier", "doomed", NULL);
  g_assert_true (has_event_with_prefix (f, EAST, "doomed", "Canceled snapshot copy request of base."));
  g_assert_true (has_event_with_prefix (f, WEST, "doomed-west",
                                        "Canceled snapshot copy request of base from region us-east-1."));

  /* Nothing finishes later. */
  rds_sim_engine_advance (f->engine, 6 * HOUR);
  g_assert_false (has_event_with_prefix (f, EAST, "doomed", "Finished copy"));
  g_assert_false (has_event_with_prefix (f, WEST, "doomed-west", "Finished copy"));

  /* The source is untouched, and can be copied again under the same name. */
  g_clear_object (&started);
  started = copy (f, EAST, "base", "doomed", NULL);
  advance_until_available (f, EAST, "doomed", HOUR);
}

/* Sharing */

static void
test_share (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(RdsQueryResult) public = NULL;
  g_autoptr(RdsQueryResult) manual = NULL;
  g_autoptr(RdsQueryResult) shared = NULL;
  g_autoptr(RdsQueryResult) busy = NULL;
  g_autoptr(RdsDbSnapshot) encrypted = NULL;
  g_autoptr(RdsDbSnapshot) default_key = NULL;
  g_autoptr(RdsRequest) many = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *values = NULL;
  g_autofree char *key_id = NULL;

  make (f, EAST, FALSE);
  key_id = create_key (f, EAST, NULL);

  values = shared_with (f, "base");
  g_assert_cmpstr (values, ==, "");

  g_free (values);
  values = share (f, "base", "ValuesToAdd.AttributeValue.1", "111122223333");
  g_assert_cmpstr (values, ==, "111122223333");
  {
    g_autoptr(RdsQueryResult) result = sim_call (f->engine, EAST, "ModifyDBSnapshotAttribute",
                                                 "DBSnapshotIdentifier", "base", "AttributeName", "restore",
                                                 "ValuesToAdd.AttributeValue.1", "444455556666",
                                                 "ValuesToAdd.AttributeValue.2", "111122223333", NULL);
    g_free (values);
    values = restore_values (result);
    g_assert_cmpstr (values, ==, "111122223333,444455556666");
  }

  /* Public: "all", which SnapshotType=public finds. */
  g_free (values);
  values = share (f, "base", "ValuesToAdd.AttributeValue.1", "all");
  g_assert_cmpstr (values, ==, "111122223333,444455556666,all");
  public = sim_call (f->engine, EAST, "DescribeDBSnapshots", "SnapshotType", "public",
                     "IncludePublic", "true", NULL);
  g_assert_cmpuint (public->items->len, ==, 1);
  shared = sim_call (f->engine, EAST, "DescribeDBSnapshots", "SnapshotType", "shared",
                     "IncludeShared", "true", NULL);
  g_assert_cmpuint (shared->items->len, ==, 0);
  manual = sim_call (f->engine, EAST, "DescribeDBSnapshots", "SnapshotType", "manual",
                     "IncludeShared", "true", "IncludePublic", "true", NULL);
  g_assert_cmpuint (manual->items->len, ==, 1);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, NULL,
                    "DescribeDBSnapshots", "IncludePublic", "perhaps", NULL);

  g_free (values);
  values = share (f, "base", "ValuesToRemove.AttributeValue.1", "all");
  g_assert_cmpstr (values, ==, "111122223333,444455556666");
  g_free (values);
  values = shared_with (f, "BASE");
  g_assert_cmpstr (values, ==, "111122223333,444455556666");

  /* The errors of each rule. */
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "12-digit",
                    "ModifyDBSnapshotAttribute", "DBSnapshotIdentifier", "base", "AttributeName", "restore",
                    "ValuesToAdd.AttributeValue.1", "1234", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "restore",
                    "ModifyDBSnapshotAttribute", "DBSnapshotIdentifier", "base", "AttributeName", "copy",
                    "ValuesToAdd.AttributeValue.1", "111122223333", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_DB_SNAPSHOT_NOT_FOUND, NULL,
                    "ModifyDBSnapshotAttribute", "DBSnapshotIdentifier", "nothing", "AttributeName", "restore",
                    NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_DB_SNAPSHOT_NOT_FOUND, NULL,
                    "DescribeDBSnapshotAttributes", "DBSnapshotIdentifier", "nothing", NULL);
  busy = sim_call (f->engine, EAST, "CreateDBSnapshot", "DBInstanceIdentifier", "db",
                   "DBSnapshotIdentifier", "busy", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_SNAPSHOT_STATE, NULL,
                    "ModifyDBSnapshotAttribute", "DBSnapshotIdentifier", "busy", "AttributeName", "restore",
                    "ValuesToAdd.AttributeValue.1", "111122223333", NULL);

  /* At most 20 accounts ("all" aside): 2 and 18 more. */
  many = rds_request_new ("ModifyDBSnapshotAttribute");
  rds_request_set (many, "DBSnapshotIdentifier", "base");
  rds_request_set (many, "AttributeName", "restore");
  for (guint i = 0; i < 18; i++)
    {
      g_autofree char *account = g_strdup_printf ("2000000000%02u", i);

      rds_request_add_list_item (many, "ValuesToAdd", "AttributeValue", account);
    }
  {
    g_autoptr(RdsQueryResult) result = rds_sim_engine_call (f->engine, EAST, many, &error);

    g_assert_no_error (error);
    g_assert_nonnull (result);
  }
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_SHARED_SNAPSHOT_QUOTA_EXCEEDED, NULL,
                    "ModifyDBSnapshotAttribute", "DBSnapshotIdentifier", "base", "AttributeName", "restore",
                    "ValuesToAdd.AttributeValue.1", "999999999999", NULL);
  g_free (values);
  values = share (f, "base", "ValuesToAdd.AttributeValue.1", "all");
  g_assert_true (g_str_has_suffix (values, ",all"));
  g_free (values);
  values = share (f, "base", "ValuesToRemove.AttributeValue.1", "111122223333");
  {
    g_auto(GStrv) accounts = g_strsplit (values, ",", -1);

    /* 19 accounts and all */
    g_assert_cmpuint (g_strv_length (accounts), ==, 20);
  }

  /* Encrypted with a customer key: shared with accounts, never public. */
  encrypted = copy (f, EAST, "base", "encrypted", "KmsKeyId", key_id, NULL);
  advance_until_available (f, EAST, "encrypted", HOUR);
  g_free (values);
  values = shared_with (f, "encrypted");
  g_assert_cmpstr (values, ==, "");
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "can't be made public",
                    "ModifyDBSnapshotAttribute", "DBSnapshotIdentifier", "encrypted", "AttributeName", "restore",
                    "ValuesToAdd.AttributeValue.1", "all", NULL);
  g_free (values);
  values = share (f, "encrypted", "ValuesToAdd.AttributeValue.1", "111122223333");
  g_assert_cmpstr (values, ==, "111122223333");

  /* With the AWS managed key: not at all. */
  default_key = copy (f, EAST, "base", "default-key", "KmsKeyId", "alias/aws/rds", NULL);
  advance_until_available (f, EAST, "default-key", HOUR);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "alias/aws/rds",
                    "ModifyDBSnapshotAttribute", "DBSnapshotIdentifier", "default-key", "AttributeName", "restore",
                    "ValuesToAdd.AttributeValue.1", "111122223333", NULL);
  g_free (values);
  values = share (f, "default-key", "ValuesToRemove.AttributeValue.1", "111122223333");
  g_assert_cmpstr (values, ==, "");
}

/* Persistence */

/* A copy under way and a shared snapshot survive a reload of the state,
 * and go on as if nothing had happened. */
static void
test_state_survives (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RdsSimClock) clock2 = rds_sim_clock_new (0, 1.0, TRUE);
  g_autoptr(RdsSimEngine) loaded = rds_sim_engine_new (1, clock2);
  g_autoptr(RdsDbSnapshot) same = NULL;
  g_autoptr(RdsDbSnapshot) remote = NULL;
  g_autofree char *base_arn = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;
  g_autofree char *after_a = NULL;
  g_autofree char *after_b = NULL;
  g_autofree char *values = NULL;
  Fixture g = { clock2, loaded };

  make (f, EAST, FALSE);
  base_arn = arn (f, EAST, "base");
  same = copy (f, EAST, "base", "same", NULL);
  remote = copy (f, WEST, base_arn, "remote", NULL);
  values = share (f, "base", "ValuesToAdd.AttributeValue.1", "111122223333");
  rds_sim_engine_advance (f->engine, 2 * MINUTE);

  saved = sim_state_dump (f->engine);
  g_assert_nonnull (strstr (saved, "\"restore\":[\"111122223333\"]"));
  sim_state_load (loaded, saved);
  again = sim_state_dump (loaded);
  g_assert_cmpstr (saved, ==, again);

  rds_sim_engine_advance (f->engine, 2 * HOUR);
  rds_sim_engine_advance (loaded, 2 * HOUR);
  after_a = sim_state_dump (f->engine);
  after_b = sim_state_dump (loaded);
  g_assert_cmpstr (after_a, ==, after_b);

  g_free (values);
  values = shared_with (&g, "base");
  g_assert_cmpstr (values, ==, "111122223333");
  g_assert_true (has_event_with_prefix (&g, EAST, "same", "Finished copy of snapshot base."));
  g_assert_true (has_event_with_prefix (&g, WEST, "remote", "Finished copy of snapshot base from region"));
}

/* What a journal holds is enough: a copy and a share replayed over the
 * state before them give the same state. */
static void
test_journal_replay (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RdsSimClock) clock2 = rds_sim_clock_new (0, 1.0, TRUE);
  g_autoptr(RdsSimEngine) replayed = rds_sim_engine_new (1, clock2);
  g_autoptr(RdsDbSnapshot) started = NULL;
  g_autoptr(JsonNode) discarded = NULL;
  g_autoptr(JsonNode) changes = NULL;
  g_autoptr(JsonNode) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *values = NULL;
  g_autofree char *key_id = NULL;
  Fixture g = { clock2, replayed };

  make (f, EAST, FALSE);
  key_id = create_key (f, EAST, NULL);
  discarded = rds_sim_engine_take_changes (f->engine);
  before = sim_state_dump (f->engine);

  started = copy (f, EAST, "base", "journaled", "KmsKeyId", key_id, NULL);
  values = share (f, "base", "ValuesToAdd.AttributeValue.1", "all");
  changes = rds_sim_engine_take_changes (f->engine);
  g_assert_nonnull (changes);

  sim_state_load (replayed, before);
  g_assert_true (rds_sim_engine_apply_changes (replayed, changes, &error));
  g_assert_no_error (error);
  expected = sim_state_dump (f->engine);
  actual = sim_state_dump (replayed);
  g_assert_cmpstr (expected, ==, actual);

  /* The timer came back too: the copy finishes in both, at the same time. */
  rds_sim_engine_advance (f->engine, HOUR);
  rds_sim_engine_advance (replayed, HOUR);
  later = rds_sim_engine_take_changes (f->engine);
  g_free (expected);
  g_free (actual);
  expected = sim_state_dump (f->engine);
  actual = sim_state_dump (replayed);
  g_assert_cmpstr (expected, ==, actual);
  g_free (values);
  values = status (&g, EAST, "journaled");
  g_assert_cmpstr (values, ==, "available");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/rds/sim/snapshots/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("copy/in-region", test_copy_in_region);
  ADD ("copy/across-regions", test_copy_across_regions);
  ADD ("copy/of-automated", test_copy_of_automated);
  ADD ("copy/encryption", test_copy_encryption);
  ADD ("copy/errors", test_copy_errors);
  ADD ("copy/cancel-by-delete", test_cancel_by_delete);
  ADD ("share", test_share);
  ADD ("state-survives", test_state_survives);
  ADD ("journal-replay", test_journal_replay);
#undef ADD

  return g_test_run ();
}
