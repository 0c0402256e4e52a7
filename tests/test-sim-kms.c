/* test-sim-kms.c: KMS keys and aliases, and DB instances whose key stops working
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs the engine on a paused clock and moves it explicitly.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rds-db-instance.h"
#include "rds-request.h"
#include "rds-sim-engine.h"
#include "rds-sim-store.h"
#include "sim-calls.h"
#include "sim-state-text.h"

#define EAST "us-east-1"
#define WEST "us-west-2"
/* Monday 2026-01-05 00:00:00 UTC */
#define START_TIME G_GINT64_CONSTANT (1767571200000000)
#define MINUTE 60
#define HOUR 3600
#define DAY (24 * HOUR)
#define USEC_PER_DAY ((gint64) DAY * G_USEC_PER_SEC)
#define RECOVERABLE "inaccessible-encryption-credentials-recoverable"
#define INACCESSIBLE "inaccessible-encryption-credentials"

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

/* Calling KMS: name/value pairs ending in NULL, as the JSON body's paths
 * ("Tags.member.1.TagKey"). */

static RdsQueryResult *
kms_valist (RdsSimEngine  *engine,
            const char    *region,
            const char    *action,
            GError       **error,
            va_list        args)
{
  g_autoptr(RdsRequest) request = rds_request_new_for_api (&rds_api_kms, action);
  const char *name;

  g_assert_nonnull (rds_api_lookup_action (&rds_api_kms, action));
  /* A NULL value leaves its parameter out. */
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (value != NULL)
        rds_request_set (request, name, value);
    }

  return rds_sim_engine_call (engine, region, request, error);
}

static RdsQueryResult *
kms (RdsSimEngine *engine,
     const char   *action,
     ...)
{
  g_autoptr(GError) error = NULL;
  RdsQueryResult *result;
  va_list args;

  va_start (args, action);
  result = kms_valist (engine, EAST, action, &error, args);
  va_end (args);

  if (result == NULL)
    g_error ("%s failed: %s", action, error->message);
  return result;
}

/* Runs an action that answers nothing worth keeping. */
static void
kms_ok (RdsSimEngine *engine,
        const char   *action,
        ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsQueryResult) result = NULL;
  va_list args;

  va_start (args, action);
  result = kms_valist (engine, EAST, action, &error, args);
  va_end (args);

  if (result == NULL)
    g_error ("%s failed: %s", action, error->message);
}

/* Expects @action to fail with @code, saying @fragment. */
static void
kms_error (RdsSimEngine *engine,
           RdsAwsError   code,
           const char   *fragment,
           const char   *action,
           ...)
{
  g_autoptr(GError) error = NULL;
  RdsQueryResult *result;
  va_list args;

  va_start (args, action);
  result = kms_valist (engine, EAST, action, &error, args);
  va_end (args);

  if (result != NULL)
    g_error ("%s succeeded, but %s was expected", action, rds_aws_error_get_code (code));
  if (error->code != (int) code)
    g_error ("%s failed with %s (%s), but %s was expected", action,
             rds_aws_error_get_code (error->code), error->message, rds_aws_error_get_code (code));
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
}

/* A new key's ID. */
static char *
create_key (RdsSimEngine *engine,
            const char   *description)
{
  g_autoptr(RdsQueryResult) result = kms (engine, "CreateKey", "Description", description, NULL);

  return g_strdup (rds_shape_get_string (rds_shape_get_object (result->item, "key-metadata"), "key-id"));
}

/* The key's metadata, as DescribeKey answers. */
static RdsShape *
describe_key (RdsSimEngine *engine,
              const char   *key_id)
{
  g_autoptr(RdsQueryResult) result = kms (engine, "DescribeKey", "KeyId", key_id, NULL);

  return g_object_ref (rds_shape_get_object (result->item, "key-metadata"));
}

static char *
key_field (RdsSimEngine *engine,
           const char   *key_id,
           const char   *name)
{
  g_autoptr(RdsShape) metadata = describe_key (engine, key_id);

  return g_strdup (rds_shape_get_string (metadata, name));
}

/* Every alias name, or those of @key_id, in order. */
static char *
alias_names (RdsSimEngine *engine,
             const char   *key_id)
{
  g_autoptr(RdsQueryResult) result = kms (engine, "ListAliases", "KeyId", key_id, NULL);
  GListModel *aliases = rds_shape_get_list (result->item, "aliases");
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; aliases != NULL && i < g_list_model_get_n_items (aliases); i++)
    {
      g_autoptr(RdsShape) alias = g_list_model_get_item (aliases, i);

      g_string_append_printf (names, "%s%s", i > 0 ? " " : "", rds_shape_get_string (alias, "alias-name"));
    }
  return g_strdup (names->str);
}

/* An available DB instance encrypted with @key (NULL: RDS's own key). */
static void
make_instance (RdsSimEngine *engine,
               const char   *id,
               const char   *key)
{
  g_autoptr(RdsQueryResult) created = sim_call (engine, EAST, "CreateDBInstance",
                                                "DBInstanceIdentifier", id,
                                                "DBInstanceClass", "db.m5.large",
                                                "Engine", "postgres",
                                                "MasterUsername", "admin",
                                                "MasterUserPassword", "correct-horse-battery",
                                                "AllocatedStorage", "100",
                                                "StorageEncrypted", "true",
                                                "KmsKeyId", key,
                                                NULL);

  sim_advance_until (engine, EAST, id, "available", 2 * HOUR);
}

static char *
instance_field (RdsSimEngine *engine,
                const char   *id,
                const char   *name)
{
  g_autoptr(RdsDbInstance) instance = sim_describe (engine, EAST, id);

  return g_strdup (rds_shape_get_string (RDS_SHAPE (instance), name));
}

static gboolean
has_event (RdsSimEngine *engine,
           const char   *id,
           const char   *fragment)
{
  g_autoptr(GPtrArray) events = sim_events (engine, EAST, "db-instance", id, "20160");

  for (guint i = 0; i + 1 < events->len; i++)
    if (strstr (g_ptr_array_index (events, i), fragment) != NULL)
      return TRUE;
  return FALSE;
}

/* CreateKey, DescribeKey */

static void
test_create_describe (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RdsQueryResult) created = kms (f->engine, "CreateKey", "Description", "orders",
                                           "Tags.member.1.TagKey", "team", "Tags.member.1.TagValue", "data",
                                           NULL);
  RdsShape *metadata = rds_shape_get_object (created->item, "key-metadata");
  const char *id = rds_shape_get_string (metadata, "key-id");
  g_autofree char *arn = g_strdup_printf ("arn:aws:kms:us-east-1:%s:key/%s",
                                          rds_sim_engine_get_account_id (f->engine), id);
  g_autoptr(RdsShape) described = NULL;
  g_autoptr(RdsSimClock) other_clock = rds_sim_clock_new (START_TIME, 1.0, TRUE);
  g_autoptr(RdsSimEngine) other = rds_sim_engine_new (42, other_clock);
  g_autofree char *same = NULL;
  g_autofree char *second = NULL;

  /* A version 4 UUID, and what KMS says of a new symmetric key. */
  g_assert_cmpuint (strlen (id), ==, 36);
  g_assert_cmpint (id[14], ==, '4');
  g_assert_cmpstr (rds_shape_get_string (metadata, "arn"), ==, arn);
  g_assert_cmpstr (rds_shape_get_string (metadata, "aws-account-id"), ==, rds_sim_engine_get_account_id (f->engine));
  g_assert_cmpstr (rds_shape_get_string (metadata, "description"), ==, "orders");
  g_assert_cmpstr (rds_shape_get_string (metadata, "key-state"), ==, "Enabled");
  g_assert_true (rds_shape_get_boolean (metadata, "enabled"));
  g_assert_cmpstr (rds_shape_get_string (metadata, "key-manager"), ==, "CUSTOMER");
  g_assert_cmpstr (rds_shape_get_string (metadata, "key-usage"), ==, "ENCRYPT_DECRYPT");
  g_assert_cmpstr (rds_shape_get_string (metadata, "key-spec"), ==, "SYMMETRIC_DEFAULT");
  g_assert_cmpstr (rds_shape_get_string (metadata, "origin"), ==, "AWS_KMS");
  g_assert_cmpstrv (rds_shape_get_strv (metadata, "encryption-algorithms"),
                    ((const char *[]) { "SYMMETRIC_DEFAULT", NULL }));
  g_assert_cmpint (rds_shape_get_tristate (metadata, "multi-region"), ==, RDS_TRISTATE_FALSE);
  g_assert_cmpint (rds_shape_get_timestamp (metadata, "creation-date"), ==, START_TIME);
  g_assert_cmpint (rds_shape_get_timestamp (metadata, "deletion-date"), ==, 0);

  described = describe_key (f->engine, id);
  g_assert_true (rds_shape_equal (described, metadata));

  /* The same seed, the same requests: the same key. */
  same = create_key (other, "orders");
  g_assert_cmpstr (same, ==, id);
  second = create_key (f->engine, NULL);
  g_assert_cmpstr (second, !=, id);
  g_clear_pointer (&same, g_free);
  same = key_field (f->engine, second, "description");
  g_assert_cmpstr (same, ==, "");

  /* What the simulator does not make. */
  kms_error (f->engine, RDS_AWS_ERROR_UNSUPPORTED_OPERATION, "RSA_2048", "CreateKey", "KeySpec", "RSA_2048", NULL);
  kms_error (f->engine, RDS_AWS_ERROR_UNSUPPORTED_OPERATION, NULL, "CreateKey", "KeyUsage", "SIGN_VERIFY", NULL);
  kms_error (f->engine, RDS_AWS_ERROR_VALIDATION, "enum value set", "CreateKey", "KeyUsage", "SHRED", NULL);
  kms_error (f->engine, RDS_AWS_ERROR_UNSUPPORTED_OPERATION, NULL, "CreateKey", "MultiRegion", "true", NULL);
  kms_error (f->engine, RDS_AWS_ERROR_TAG, "aws:", "CreateKey", "Tags.member.1.TagKey", "aws:x",
             "Tags.member.1.TagValue", "y", NULL);
  kms_error (f->engine, RDS_AWS_ERROR_VALIDATION, "'keyId'", "DescribeKey", NULL);
}

/* ListKeys: pages by Limit and Marker */

static void
test_list_keys (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *marker = NULL;
  guint pages = 0;

  for (guint i = 0; i < 5; i++)
    g_free (create_key (f->engine, NULL));

  do
    {
      g_autoptr(RdsQueryResult) page = kms (f->engine, "ListKeys", "Limit", "2", "Marker", marker, NULL);
      GListModel *keys = rds_shape_get_list (page->item, "keys");

      pages++;
      g_assert_cmpuint (g_list_model_get_n_items (keys), <=, 2);
      for (guint i = 0; i < g_list_model_get_n_items (keys); i++)
        {
          g_autoptr(RdsShape) entry = g_list_model_get_item (keys, i);
          const char *id = rds_shape_get_string (entry, "key-id");

          g_assert_true (g_str_has_suffix (rds_shape_get_string (entry, "key-arn"), id));
          g_assert_false (g_ptr_array_find_with_equal_func (seen, id, g_str_equal, NULL));
          g_ptr_array_add (seen, g_strdup (id));
        }
      g_assert_cmpint (rds_shape_get_boolean (page->item, "truncated"), ==,
                       rds_shape_get_string (page->item, "next-marker") != NULL);
      g_free (marker);
      marker = g_strdup (rds_shape_get_string (page->item, "next-marker"));
    }
  while (marker != NULL);

  /* Five keys and RDS's own, made by the first call to KMS. */
  g_assert_cmpuint (seen->len, ==, 6);
  g_assert_cmpuint (pages, ==, 3);

  kms_error (f->engine, RDS_AWS_ERROR_INVALID_MARKER, NULL, "ListKeys", "Marker", "not-a-marker", NULL);
  kms_error (f->engine, RDS_AWS_ERROR_VALIDATION, "greater than or equal to 1", "ListKeys", "Limit", "0", NULL);
  kms_error (f->engine, RDS_AWS_ERROR_VALIDATION, "less than or equal to 1000", "ListKeys", "Limit", "1001",
             NULL);
}

/* Aliases */

static void
test_aliases (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *a = create_key (f->engine, "a");
  g_autofree char *b = create_key (f->engine, "b");
  g_autofree char *names = NULL;
  g_autofree char *marker = NULL;

  kms_ok (f->engine, "CreateAlias", "AliasName", "alias/orders", "TargetKeyId", a, NULL);
  kms_ok (f->engine, "CreateAlias", "AliasName", "alias/billing", "TargetKeyId", a, NULL);
  kms_error (f->engine, RDS_AWS_ERROR_ALREADY_EXISTS, "alias/orders already exists", "CreateAlias",
             "AliasName", "alias/orders", "TargetKeyId", b, NULL);
  kms_error (f->engine, RDS_AWS_ERROR_NOT_AUTHORIZED, "reserved", "CreateAlias",
             "AliasName", "alias/aws/mine", "TargetKeyId", a, NULL);
  kms_error (f->engine, RDS_AWS_ERROR_VALIDATION, "prefix \"alias/\"", "CreateAlias",
             "AliasName", "orders", "TargetKeyId", a, NULL);
  kms_error (f->engine, RDS_AWS_ERROR_VALIDATION, "regular expression", "CreateAlias",
             "AliasName", "alias/with space", "TargetKeyId", a, NULL);
  kms_error (f->engine, RDS_AWS_ERROR_VALIDATION, "not to aliases", "CreateAlias",
             "AliasName", "alias/other", "TargetKeyId", "alias/orders", NULL);
  kms_error (f->engine, RDS_AWS_ERROR_NOT_FOUND, "does not exist", "CreateAlias",
             "AliasName", "alias/other", "TargetKeyId", "00000000-0000-4000-8000-000000000000", NULL);

  /* By name, every alias; by key, its own. */
  names = alias_names (f->engine, NULL);
  g_assert_cmpstr (names, ==, "alias/aws/rds alias/billing alias/orders");
  g_free (names);
  names = alias_names (f->engine, a);
  g_assert_cmpstr (names, ==, "alias/billing alias/orders");
  g_free (names);
  names = alias_names (f->engine, "alias/aws/rds");
  g_assert_cmpstr (names, ==, "alias/aws/rds");

  /* An alias names its key wherever a KeyId goes. */
  {
    g_autofree char *through = key_field (f->engine, "alias/orders", "key-id");
    g_autofree char *alias_arn = g_strdup_printf ("arn:aws:kms:us-east-1:%s:alias/orders",
                                                  rds_sim_engine_get_account_id (f->engine));
    g_autofree char *through_arn = key_field (f->engine, alias_arn, "key-id");
    g_autoptr(RdsQueryResult) listed = kms (f->engine, "ListAliases", "KeyId", a, NULL);
    g_autoptr(RdsShape) first = g_list_model_get_item (rds_shape_get_list (listed->item, "aliases"), 1);

    g_assert_cmpstr (through, ==, a);
    g_assert_cmpstr (through_arn, ==, a);
    g_assert_cmpstr (rds_shape_get_string (first, "alias-arn"), ==, alias_arn);
    g_assert_cmpstr (rds_shape_get_string (first, "target-key-id"), ==, a);
    g_assert_cmpint (rds_shape_get_timestamp (first, "creation-date"), ==, START_TIME);
  }

  /* UpdateAlias moves it to another key. */
  rds_sim_engine_advance (f->engine, MINUTE);
  kms_ok (f->engine, "UpdateAlias", "AliasName", "alias/orders", "TargetKeyId", b, NULL);
  {
    g_autofree char *through = key_field (f->engine, "alias/orders", "key-id");
    g_autoptr(RdsQueryResult) listed = kms (f->engine, "ListAliases", "KeyId", b, NULL);
    g_autoptr(RdsShape) moved = g_list_model_get_item (rds_shape_get_list (listed->item, "aliases"), 0);

    g_assert_cmpstr (through, ==, b);
    g_assert_cmpint (rds_shape_get_timestamp (moved, "last-updated-date"), ==, START_TIME + MINUTE * G_USEC_PER_SEC);
    g_assert_cmpint (rds_shape_get_timestamp (moved, "creation-date"), ==, START_TIME);
  }
  kms_error (f->engine, RDS_AWS_ERROR_NOT_FOUND, "is not found", "UpdateAlias", "AliasName", "alias/nothing",
             "TargetKeyId", b, NULL);

  /* Pages of one. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RdsQueryResult) page = kms (f->engine, "ListAliases", "Limit", "1", "Marker", marker, NULL);

      g_assert_cmpuint (g_list_model_get_n_items (rds_shape_get_list (page->item, "aliases")), ==, 1);
      g_assert_cmpint (rds_shape_get_boolean (page->item, "truncated"), ==, i < 2);
      g_free (marker);
      marker = g_strdup (rds_shape_get_string (page->item, "next-marker"));
    }
  g_assert_null (marker);

  /* DeleteAlias, once. */
  kms_ok (f->engine, "DeleteAlias", "AliasName", "alias/billing", NULL);
  kms_error (f->engine, RDS_AWS_ERROR_NOT_FOUND, "alias/billing is not found", "DeleteAlias",
             "AliasName", "alias/billing", NULL);
  kms_error (f->engine, RDS_AWS_ERROR_NOT_FOUND, "alias/billing is not found", "DescribeKey",
             "KeyId", "alias/billing", NULL);
  kms_error (f->engine, RDS_AWS_ERROR_NOT_AUTHORIZED, NULL, "DeleteAlias", "AliasName", "alias/aws/rds", NULL);
  g_free (names);
  names = alias_names (f->engine, NULL);
  g_assert_cmpstr (names, ==, "alias/aws/rds alias/orders");
}

/* The forms of KeyId */

static void
test_key_id_forms (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *id = create_key (f->engine, NULL);
  g_autofree char *arn = key_field (f->engine, id, "arn");
  g_autofree char *upper = g_ascii_strup (id, -1);
  g_autofree char *west = NULL;
  g_autofree char *other_account = NULL;
  g_autofree char *from_arn = key_field (f->engine, arn, "key-id");
  g_autofree char *from_upper = key_field (f->engine, upper, "key-id");

  g_assert_cmpstr (from_arn, ==, id);
  g_assert_cmpstr (from_upper, ==, id);

  west = g_strdup_printf ("arn:aws:kms:us-west-2:%s:key/%s", rds_sim_engine_get_account_id (f->engine), id);
  kms_error (f->engine, RDS_AWS_ERROR_NOT_FOUND, "Invalid arn us-west-2", "DescribeKey", "KeyId", west, NULL);
  other_account = g_strdup_printf ("arn:aws:kms:us-east-1:000000000000:key/%s", id);
  kms_error (f->engine, RDS_AWS_ERROR_NOT_FOUND, "does not exist", "DescribeKey", "KeyId", other_account, NULL);
  kms_error (f->engine, RDS_AWS_ERROR_INVALID_ARN, NULL, "DescribeKey", "KeyId", "arn:aws:kms:us-east-1", NULL);
  kms_error (f->engine, RDS_AWS_ERROR_INVALID_ARN, NULL, "DescribeKey", "KeyId",
             "arn:aws:rds:us-east-1:123456789012:db:x", NULL);
  kms_error (f->engine, RDS_AWS_ERROR_NOT_FOUND, "Invalid keyId 'orders'", "DescribeKey", "KeyId", "orders", NULL);
  kms_error (f->engine, RDS_AWS_ERROR_NOT_FOUND, "key/00000000-0000-4000-8000-000000000000' does not exist",
             "DescribeKey", "KeyId", "00000000-0000-4000-8000-000000000000", NULL);

  /* A key of one Region is not in another. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RdsRequest) request = rds_request_new_for_api (&rds_api_kms, "DescribeKey");
    g_autoptr(RdsQueryResult) result = NULL;

    rds_request_set (request, "KeyId", id);
    result = rds_sim_engine_call (f->engine, WEST, request, &error);
    g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_NOT_FOUND);
  }
}

/* EnableKey, DisableKey, and RDS refusing a disabled key */

static void
test_enable_disable (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *id = create_key (f->engine, NULL);
  g_autofree char *arn = key_field (f->engine, id, "arn");
  g_autofree char *state = NULL;
  g_autofree char *used = NULL;
  g_autoptr(RdsShape) disabled = NULL;

  kms_ok (f->engine, "CreateAlias", "AliasName", "alias/db", "TargetKeyId", id, NULL);
  kms_ok (f->engine, "DisableKey", "KeyId", id, NULL);
  disabled = describe_key (f->engine, id);
  g_assert_cmpstr (rds_shape_get_string (disabled, "key-state"), ==, "Disabled");
  g_assert_false (rds_shape_get_boolean (disabled, "enabled"));
  /* Again: nothing changes. */
  kms_ok (f->engine, "DisableKey", "KeyId", "alias/db", NULL);

  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_KMS_KEY_NOT_ACCESSIBLE, "is disabled", "CreateDBInstance",
                    "DBInstanceIdentifier", "db", "DBInstanceClass", "db.m5.large", "Engine", "postgres",
                    "MasterUsername", "admin", "MasterUserPassword", "correct-horse-battery",
                    "AllocatedStorage", "100", "StorageEncrypted", "true", "KmsKeyId", "alias/db", NULL);

  kms_ok (f->engine, "EnableKey", "KeyId", arn, NULL);
  state = key_field (f->engine, id, "key-state");
  g_assert_cmpstr (state, ==, "Enabled");

  /* RDS takes any form of the key, and keeps its ARN. */
  make_instance (f->engine, "db", "alias/db");
  used = instance_field (f->engine, "db", "kms-key-id");
  g_assert_cmpstr (used, ==, arn);

  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_KMS_KEY_NOT_ACCESSIBLE, "alias/none", "CreateDBInstance",
                    "DBInstanceIdentifier", "db2", "DBInstanceClass", "db.m5.large", "Engine", "postgres",
                    "MasterUsername", "admin", "MasterUserPassword", "correct-horse-battery",
                    "AllocatedStorage", "100", "StorageEncrypted", "true", "KmsKeyId", "alias/none", NULL);
}

/* ScheduleKeyDeletion, CancelKeyDeletion; the key goes at the end of its window */

static void
test_deletion (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *id = create_key (f->engine, NULL);
  g_autofree char *arn = key_field (f->engine, id, "arn");
  g_autofree char *state = NULL;
  g_autofree char *names = NULL;
  g_autoptr(RdsShape) pending = NULL;

  kms_ok (f->engine, "CreateAlias", "AliasName", "alias/soon-gone", "TargetKeyId", id, NULL);
  kms_error (f->engine, RDS_AWS_ERROR_VALIDATION, "greater than or equal to 7", "ScheduleKeyDeletion",
             "KeyId", id, "PendingWindowInDays", "6", NULL);
  kms_error (f->engine, RDS_AWS_ERROR_VALIDATION, "less than or equal to 30", "ScheduleKeyDeletion",
             "KeyId", id, "PendingWindowInDays", "31", NULL);
  kms_error (f->engine, RDS_AWS_ERROR_KMS_INVALID_STATE, "is not pending deletion", "CancelKeyDeletion",
             "KeyId", id, NULL);

  /* 30 days by default. */
  {
    g_autoptr(RdsQueryResult) scheduled = kms (f->engine, "ScheduleKeyDeletion", "KeyId", id, NULL);

    g_assert_cmpstr (rds_shape_get_string (scheduled->item, "key-id"), ==, arn);
    g_assert_cmpstr (rds_shape_get_string (scheduled->item, "key-state"), ==, "PendingDeletion");
    g_assert_cmpint (rds_shape_get_int (scheduled->item, "pending-window-in-days"), ==, 30);
    g_assert_cmpint (rds_shape_get_timestamp (scheduled->item, "deletion-date"), ==, START_TIME + 30 * USEC_PER_DAY);
  }
  pending = describe_key (f->engine, "alias/soon-gone");
  g_assert_cmpstr (rds_shape_get_string (pending, "key-state"), ==, "PendingDeletion");
  g_assert_false (rds_shape_get_boolean (pending, "enabled"));
  g_assert_cmpint (rds_shape_get_timestamp (pending, "deletion-date"), ==, START_TIME + 30 * USEC_PER_DAY);

  kms_error (f->engine, RDS_AWS_ERROR_KMS_INVALID_STATE, "is pending deletion", "ScheduleKeyDeletion",
             "KeyId", id, NULL);
  kms_error (f->engine, RDS_AWS_ERROR_KMS_INVALID_STATE, "is pending deletion", "EnableKey", "KeyId", id, NULL);
  kms_error (f->engine, RDS_AWS_ERROR_KMS_INVALID_STATE, "is pending deletion", "DisableKey", "KeyId", id, NULL);
  kms_error (f->engine, RDS_AWS_ERROR_KMS_INVALID_STATE, "is pending deletion", "TagResource", "KeyId", id,
             "Tags.member.1.TagKey", "a", "Tags.member.1.TagValue", "b", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_KMS_KEY_NOT_ACCESSIBLE, "pending deletion", "CreateDBInstance",
                    "DBInstanceIdentifier", "db", "DBInstanceClass", "db.m5.large", "Engine", "postgres",
                    "MasterUsername", "admin", "MasterUserPassword", "correct-horse-battery",
                    "AllocatedStorage", "100", "StorageEncrypted", "true", "KmsKeyId", id, NULL);

  /* Cancelled: disabled, not deleted, even after the window. */
  {
    g_autoptr(RdsQueryResult) cancelled = kms (f->engine, "CancelKeyDeletion", "KeyId", id, NULL);

    g_assert_cmpstr (rds_shape_get_string (cancelled->item, "key-id"), ==, arn);
  }
  rds_sim_engine_advance (f->engine, 31 * DAY);
  state = key_field (f->engine, id, "key-state");
  g_assert_cmpstr (state, ==, "Disabled");
  {
    g_autoptr(RdsShape) disabled = describe_key (f->engine, id);

    g_assert_cmpint (rds_shape_get_timestamp (disabled, "deletion-date"), ==, 0);
  }

  /* Seven days: gone at the end of the seventh, with its aliases. */
  {
    g_autoptr(RdsQueryResult) scheduled = kms (f->engine, "ScheduleKeyDeletion", "KeyId", id,
                                               "PendingWindowInDays", "7", NULL);

    g_assert_cmpint (rds_shape_get_int (scheduled->item, "pending-window-in-days"), ==, 7);
  }
  rds_sim_engine_advance (f->engine, 7 * DAY - 1);
  g_free (state);
  state = key_field (f->engine, id, "key-state");
  g_assert_cmpstr (state, ==, "PendingDeletion");
  rds_sim_engine_advance (f->engine, 1);
  kms_error (f->engine, RDS_AWS_ERROR_NOT_FOUND, "does not exist", "DescribeKey", "KeyId", id, NULL);
  kms_error (f->engine, RDS_AWS_ERROR_NOT_FOUND, "is not found", "DescribeKey", "KeyId", "alias/soon-gone", NULL);
  names = alias_names (f->engine, NULL);
  g_assert_cmpstr (names, ==, "alias/aws/rds");
}

/* TagResource, UntagResource, ListResourceTags */

static void
test_tags (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *id = create_key (f->engine, NULL);
  g_autofree char *marker = NULL;
  g_autoptr(GString) all = g_string_new (NULL);

  kms_ok (f->engine, "TagResource", "KeyId", id,
               "Tags.member.1.TagKey", "team", "Tags.member.1.TagValue", "data",
               "Tags.member.2.TagKey", "env", "Tags.member.2.TagValue", "dev", NULL);
  kms_ok (f->engine, "TagResource", "KeyId", id,
               "Tags.member.1.TagKey", "env", "Tags.member.1.TagValue", "prod",
               "Tags.member.2.TagKey", "cost", "Tags.member.2.TagValue", "", NULL);

  /* Pages of two, in the order they were added; a new value in place. */
  do
    {
      g_autoptr(RdsQueryResult) page = kms (f->engine, "ListResourceTags", "KeyId", id, "Limit", "2",
                                            "Marker", marker, NULL);
      GListModel *tags = rds_shape_get_list (page->item, "tags");

      for (guint i = 0; tags != NULL && i < g_list_model_get_n_items (tags); i++)
        {
          g_autoptr(RdsShape) tag = g_list_model_get_item (tags, i);

          g_string_append_printf (all, "%s=%s;", rds_shape_get_string (tag, "tag-key"),
                                  rds_shape_get_string (tag, "tag-value"));
        }
      g_free (marker);
      marker = g_strdup (rds_shape_get_string (page->item, "next-marker"));
    }
  while (marker != NULL);
  g_assert_cmpstr (all->str, ==, "team=data;env=prod;cost=;");

  kms_ok (f->engine, "UntagResource", "KeyId", id, "TagKeys.member.1", "env", "TagKeys.member.2", "nope",
               NULL);
  {
    g_autoptr(RdsQueryResult) listed = kms (f->engine, "ListResourceTags", "KeyId", id, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (rds_shape_get_list (listed->item, "tags")), ==, 2);
    g_assert_false (rds_shape_get_boolean (listed->item, "truncated"));
  }

  kms_error (f->engine, RDS_AWS_ERROR_TAG, "reserved", "TagResource", "KeyId", id,
             "Tags.member.1.TagKey", "aws:owner", "Tags.member.1.TagValue", "me", NULL);
  kms_error (f->engine, RDS_AWS_ERROR_VALIDATION, "tagValue", "TagResource", "KeyId", id,
             "Tags.member.1.TagKey", "half", NULL);
  kms_error (f->engine, RDS_AWS_ERROR_VALIDATION, "'tags'", "TagResource", "KeyId", id, NULL);
  kms_error (f->engine, RDS_AWS_ERROR_VALIDATION, "'tagKeys'", "UntagResource", "KeyId", id, NULL);
  kms_error (f->engine, RDS_AWS_ERROR_INVALID_MARKER, NULL, "ListResourceTags", "KeyId", id, "Marker", "x", NULL);

  /* At most 50. */
  {
    g_autoptr(RdsRequest) request = rds_request_new_for_api (&rds_api_kms, "TagResource");
    g_autoptr(GError) error = NULL;
    g_autoptr(RdsQueryResult) result = NULL;

    rds_request_set (request, "KeyId", id);
    for (guint i = 1; i <= 49; i++)
      {
        g_autofree char *key_name = g_strdup_printf ("Tags.member.%u.TagKey", i);
        g_autofree char *value_name = g_strdup_printf ("Tags.member.%u.TagValue", i);
        g_autofree char *key = g_strdup_printf ("k%u", i);

        rds_request_set (request, key_name, key);
        rds_request_set (request, value_name, "v");
      }
    result = rds_sim_engine_call (f->engine, EAST, request, &error);
    g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_LIMIT_EXCEEDED_EXCEPTION);
  }
}

/* RDS's own key: made on first use, the same ARN as ever, and no one's to change */

static void
test_aws_managed_key (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RdsShape) metadata = NULL;
  g_autofree char *used = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *state = NULL;
  const char *arn;
  const char *id;

  /* RDS uses it first: an instance encrypted by default. */
  {
    g_autoptr(RdsQueryResult) created = sim_call (f->engine, EAST, "CreateDBInstance",
                                                  "DBInstanceIdentifier", "db", "DBInstanceClass", "db.m5.large",
                                                  "Engine", "postgres", "MasterUsername", "admin",
                                                  "MasterUserPassword", "correct-horse-battery",
                                                  "AllocatedStorage", "100", "StorageEncrypted", "true", NULL);

    used = g_strdup (rds_shape_get_string (created->item, "kms-key-id"));
  }
  metadata = describe_key (f->engine, "alias/aws/rds");
  arn = rds_shape_get_string (metadata, "arn");
  id = rds_shape_get_string (metadata, "key-id");
  g_assert_cmpstr (arn, ==, used);
  g_assert_cmpstr (rds_shape_get_string (metadata, "key-manager"), ==, "AWS");
  g_assert_cmpstr (rds_shape_get_string (metadata, "description"), ==,
                   "Default key that protects my RDS database volumes when no other key is defined");
  g_assert_cmpint (rds_shape_get_timestamp (metadata, "creation-date"), ==, START_TIME);

  /* The key policy of an AWS managed key lets no one change it. */
  kms_error (f->engine, RDS_AWS_ERROR_ACCESS_DENIED_EXCEPTION, "kms:DisableKey", "DisableKey", "KeyId", id, NULL);
  kms_error (f->engine, RDS_AWS_ERROR_ACCESS_DENIED_EXCEPTION, "kms:EnableKey", "EnableKey", "KeyId", arn, NULL);
  kms_error (f->engine, RDS_AWS_ERROR_ACCESS_DENIED_EXCEPTION, "kms:ScheduleKeyDeletion", "ScheduleKeyDeletion",
             "KeyId", "alias/aws/rds", NULL);
  kms_error (f->engine, RDS_AWS_ERROR_ACCESS_DENIED_EXCEPTION, "kms:CancelKeyDeletion", "CancelKeyDeletion",
             "KeyId", id, NULL);
  kms_error (f->engine, RDS_AWS_ERROR_ACCESS_DENIED_EXCEPTION, "kms:TagResource", "TagResource", "KeyId", id,
             "Tags.member.1.TagKey", "a", "Tags.member.1.TagValue", "b", NULL);
  kms_error (f->engine, RDS_AWS_ERROR_ACCESS_DENIED_EXCEPTION, "kms:UntagResource", "UntagResource", "KeyId", id,
             "TagKeys.member.1", "a", NULL);
  kms_error (f->engine, RDS_AWS_ERROR_ACCESS_DENIED_EXCEPTION, "kms:CreateAlias", "CreateAlias",
             "AliasName", "alias/mine", "TargetKeyId", id, NULL);
  mine = create_key (f->engine, NULL);
  kms_ok (f->engine, "CreateAlias", "AliasName", "alias/mine", "TargetKeyId", mine, NULL);
  kms_error (f->engine, RDS_AWS_ERROR_ACCESS_DENIED_EXCEPTION, "kms:UpdateAlias", "UpdateAlias",
             "AliasName", "alias/mine", "TargetKeyId", id, NULL);
  kms_error (f->engine, RDS_AWS_ERROR_NOT_AUTHORIZED, "reserved", "UpdateAlias",
             "AliasName", "alias/aws/rds", "TargetKeyId", mine, NULL);
  state = key_field (f->engine, id, "key-state");
  g_assert_cmpstr (state, ==, "Enabled");
  {
    g_autoptr(RdsQueryResult) tags = kms (f->engine, "ListResourceTags", "KeyId", id, NULL);

    GListModel *list = rds_shape_get_list (tags->item, "tags");

    g_assert_cmpuint (list != NULL ? g_list_model_get_n_items (list) : 0, ==, 0);
  }
}

/* In a Region KMS is called first, the key is there from that call on,
 * with the ARN RDS has always used there. */
static void
test_aws_managed_key_on_first_call (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(RdsQueryResult) listed = kms (f->engine, "ListKeys", NULL);
  g_autoptr(RdsShape) only = g_list_model_get_item (rds_shape_get_list (listed->item, "keys"), 0);
  g_autofree char *names = alias_names (f->engine, NULL);
  g_autofree char *used = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (rds_shape_get_list (listed->item, "keys")), ==, 1);
  g_assert_cmpstr (names, ==, "alias/aws/rds");
  make_instance (f->engine, "db", "alias/aws/rds");
  used = instance_field (f->engine, "db", "kms-key-id");
  g_assert_cmpstr (used, ==, rds_shape_get_string (only, "key-arn"));
}

/* A DB instance whose key is disabled stops, and recovers when the key is
 * enabled again */

static void
test_instance_recovers (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id = create_key (f->engine, NULL);
  g_autofree char *other = create_key (f->engine, NULL);
  g_autofree char *status = NULL;

  make_instance (f->engine, "db", id);
  make_instance (f->engine, "bystander", other);
  kms_ok (f->engine, "DisableKey", "KeyId", id, NULL);

  /* RDS notices within minutes. */
  status = sim_status (f->engine, EAST, "db");
  g_assert_cmpstr (status, ==, "available");
  sim_advance_until (f->engine, EAST, "db", RECOVERABLE, 10 * MINUTE);
  g_assert_true (has_event (f->engine, "db", "which is disabled"));
  g_assert_true (has_event (f->engine, "db", "Enable the key within 7 days"));
  g_free (status);
  status = sim_status (f->engine, EAST, "bystander");
  g_assert_cmpstr (status, ==, "available");

  /* Only deleting it, or starting it, is allowed then. */
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, NULL, "RebootDBInstance",
                    "DBInstanceIdentifier", "db", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, NULL, "ModifyDBInstance",
                    "DBInstanceIdentifier", "db", "BackupRetentionPeriod", "3", "ApplyImmediately", "true", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, NULL, "StopDBInstance",
                    "DBInstanceIdentifier", "db", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, NULL, "CreateDBSnapshot",
                    "DBInstanceIdentifier", "db", "DBSnapshotIdentifier", "snap", NULL);

  /* A start while the key is still disabled ends where it began. */
  {
    g_autoptr(RdsQueryResult) started = sim_call (f->engine, EAST, "StartDBInstance",
                                                  "DBInstanceIdentifier", "db", NULL);
  }
  rds_sim_engine_advance (f->engine, 15 * MINUTE);
  g_assert_true (has_event (f->engine, "db", "DB instance started."));
  g_free (status);
  status = sim_status (f->engine, EAST, "db");
  g_assert_cmpstr (status, ==, RECOVERABLE);

  /* Enabled again: it recovers by itself. */
  rds_sim_engine_advance (f->engine, 2 * DAY);
  kms_ok (f->engine, "EnableKey", "KeyId", id, NULL);
  sim_advance_until (f->engine, EAST, "db", "starting", 10 * MINUTE);
  g_assert_true (has_event (f->engine, "db", "is enabled again: recovering the DB instance"));
  sim_advance_until (f->engine, EAST, "db", "available", HOUR);

  /* And stays so: the 7 days start again with the next loss. */
  rds_sim_engine_advance (f->engine, 8 * DAY);
  g_free (status);
  status = sim_status (f->engine, EAST, "db");
  g_assert_cmpstr (status, ==, "available");
}

/* After 7 days it is lost for good, and can only be deleted */

static void
test_instance_seven_days (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id = create_key (f->engine, NULL);
  g_autofree char *status = NULL;

  make_instance (f->engine, "db", id);
  kms_ok (f->engine, "DisableKey", "KeyId", id, NULL);
  sim_advance_until (f->engine, EAST, "db", RECOVERABLE, 10 * MINUTE);

  rds_sim_engine_advance (f->engine, 7 * DAY - 10 * MINUTE);
  status = sim_status (f->engine, EAST, "db");
  g_assert_cmpstr (status, ==, RECOVERABLE);
  sim_advance_until (f->engine, EAST, "db", INACCESSIBLE, 20 * MINUTE);
  g_assert_true (has_event (f->engine, "db", "for 7 days"));

  /* Enabling the key is too late now. */
  kms_ok (f->engine, "EnableKey", "KeyId", id, NULL);
  rds_sim_engine_advance (f->engine, HOUR);
  g_free (status);
  status = sim_status (f->engine, EAST, "db");
  g_assert_cmpstr (status, ==, INACCESSIBLE);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, NULL, "StartDBInstance",
                    "DBInstanceIdentifier", "db", NULL);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "final snapshot", "DeleteDBInstance",
                    "DBInstanceIdentifier", "db", "FinalDBSnapshotIdentifier", "last", NULL);
  {
    g_autoptr(RdsQueryResult) deleted = sim_call (f->engine, EAST, "DeleteDBInstance", "DBInstanceIdentifier", "db",
                                                  "SkipFinalSnapshot", "true", NULL);
  }
  rds_sim_engine_advance (f->engine, HOUR);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND, NULL, "DescribeDBInstances",
                    "DBInstanceIdentifier", "db", NULL);
}

/* A stopped DB instance is left alone until it starts; its 7 days begin
 * then. */

static void
test_instance_stopped (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = create_key (f->engine, NULL);
  g_autofree char *status = NULL;

  make_instance (f->engine, "db", id);
  {
    g_autoptr(RdsQueryResult) stopped = sim_call (f->engine, EAST, "StopDBInstance",
                                                  "DBInstanceIdentifier", "db", NULL);
  }
  sim_advance_until (f->engine, EAST, "db", "stopped", HOUR);
  kms_ok (f->engine, "DisableKey", "KeyId", id, NULL);
  rds_sim_engine_advance (f->engine, DAY);
  status = sim_status (f->engine, EAST, "db");
  g_assert_cmpstr (status, ==, "stopped");

  /* RDS starts it after 7 days stopped: it can't run without its key. */
  rds_sim_engine_advance (f->engine, 6 * DAY + 12 * HOUR);
  g_free (status);
  status = sim_status (f->engine, EAST, "db");
  g_assert_cmpstr (status, ==, RECOVERABLE);
  rds_sim_engine_advance (f->engine, 6 * DAY);
  g_free (status);
  status = sim_status (f->engine, EAST, "db");
  g_assert_cmpstr (status, ==, RECOVERABLE);
  rds_sim_engine_advance (f->engine, DAY);
  g_free (status);
  status = sim_status (f->engine, EAST, "db");
  g_assert_cmpstr (status, ==, INACCESSIBLE);
}

/* A key deleted under a DB instance takes its data with it */

static void
test_instance_key_deleted (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *id = create_key (f->engine, NULL);
  g_autofree char *status = NULL;

  make_instance (f->engine, "db", id);
  kms_ok (f->engine, "ScheduleKeyDeletion", "KeyId", id, "PendingWindowInDays", "7", NULL);
  sim_advance_until (f->engine, EAST, "db", RECOVERABLE, 10 * MINUTE);
  g_assert_true (has_event (f->engine, "db", "which is pending deletion"));

  rds_sim_engine_advance (f->engine, 7 * DAY);
  status = sim_status (f->engine, EAST, "db");
  g_assert_cmpstr (status, ==, INACCESSIBLE);
  g_assert_true (has_event (f->engine, "db", "was deleted"));
  kms_error (f->engine, RDS_AWS_ERROR_NOT_FOUND, NULL, "DescribeKey", "KeyId", id, NULL);
}

/* Keys, aliases and RDS's watch survive a restart: from a state file, and
 * from the journal. */

static void
test_persistence (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *base = sim_state_dump (f->engine);
  g_autoptr(GPtrArray) journal = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autofree char *id = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autoptr(RdsSimClock) loaded_clock = rds_sim_clock_new (0, 1.0, TRUE);
  g_autoptr(RdsSimEngine) loaded = rds_sim_engine_new (7, loaded_clock);
  g_autoptr(RdsSimClock) replica_clock = rds_sim_clock_new (0, 1.0, TRUE);
  g_autoptr(RdsSimEngine) replica = rds_sim_engine_new (7, replica_clock);
  g_autoptr(GError) error = NULL;
  JsonNode *changes;

  g_assert_null (rds_sim_engine_take_changes (f->engine));
  id = create_key (f->engine, "kept");
  g_ptr_array_add (journal, rds_sim_engine_take_changes (f->engine));
  kms_ok (f->engine, "CreateAlias", "AliasName", "alias/kept", "TargetKeyId", id, NULL);
  g_ptr_array_add (journal, rds_sim_engine_take_changes (f->engine));
  kms_ok (f->engine, "TagResource", "KeyId", id, "Tags.member.1.TagKey", "a",
               "Tags.member.1.TagValue", "b", NULL);
  g_ptr_array_add (journal, rds_sim_engine_take_changes (f->engine));
  make_instance (f->engine, "db", "alias/kept");
  g_ptr_array_add (journal, rds_sim_engine_take_changes (f->engine));
  kms_ok (f->engine, "DisableKey", "KeyId", id, NULL);
  g_ptr_array_add (journal, rds_sim_engine_take_changes (f->engine));
  rds_sim_engine_advance (f->engine, 6 * MINUTE);
  kms_ok (f->engine, "ScheduleKeyDeletion", "KeyId", id, NULL);
  g_ptr_array_add (journal, rds_sim_engine_take_changes (f->engine));

  /* The journal replayed over the state before it. */
  sim_state_load (replica, base);
  for (guint i = 0; i < journal->len; i++)
    if ((changes = g_ptr_array_index (journal, i)) != NULL)
      {
        g_assert_true (rds_sim_engine_apply_changes (replica, changes, &error));
        g_assert_no_error (error);
      }
  expected = sim_state_dump (f->engine);
  actual = sim_state_dump (replica);
  g_assert_cmpstr (expected, ==, actual);
  g_assert_nonnull (strstr (actual, "\"AliasName\":\"alias/kept\""));
  g_assert_nonnull (strstr (actual, "\"TagKey\":\"a\""));

  /* A state file, loaded: it goes on as the original does. */
  middle = g_strdup (expected);
  sim_state_load (loaded, middle);
  rds_sim_engine_advance (f->engine, 8 * DAY);
  rds_sim_engine_advance (loaded, 8 * DAY);
  g_free (expected);
  g_free (actual);
  expected = sim_state_dump (f->engine);
  actual = sim_state_dump (loaded);
  g_assert_cmpstr (expected, ==, actual);
  g_assert_nonnull (strstr (actual, "\"DBInstanceStatus\":\"" INACCESSIBLE "\""));
}

/* Acknowledged is durable: CreateAlias journaled, then the process killed
 * before any checkpoint. */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
journal_step (RdsSimStore  *store,
              RdsSimEngine *engine)
{
  g_autoptr(JsonNode) changes = rds_sim_engine_take_changes (engine);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (changes);
  g_assert_true (rds_sim_store_append_sync (store, changes, &error));
  g_assert_no_error (error);
}

static void
test_alias_is_durable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rds-kms-XXXXXX", &error);
  g_autofree char *id = NULL;

  g_assert_no_error (error);
  {
    g_autoptr(RdsSimClock) clock = rds_sim_clock_new (START_TIME, 1.0, TRUE);
    g_autoptr(RdsSimEngine) engine = rds_sim_engine_new (3, clock);
    g_autoptr(RdsSimStore) store = rds_sim_store_open (dir, &error);

    g_assert_no_error (error);
    g_assert_true (rds_sim_store_load (store, engine, NULL, &error));
    g_assert_no_error (error);
    id = create_key (engine, NULL);
    journal_step (store, engine);
    kms_ok (engine, "CreateAlias", "AliasName", "alias/durable", "TargetKeyId", id, NULL);
    journal_step (store, engine);
  }

  /* Only in the journal: no checkpoint was written since. */
  {
    g_autofree char *path = g_build_filename (dir, RDS_SIM_STORE_JOURNAL_FILE, NULL);
    g_autofree char *journal = NULL;

    g_assert_true (g_file_get_contents (path, &journal, NULL, NULL));
    g_assert_nonnull (strstr (journal, "alias/durable"));
  }

  {
    g_autoptr(RdsSimClock) clock = rds_sim_clock_new (START_TIME, 1.0, TRUE);
    g_autoptr(RdsSimEngine) engine = rds_sim_engine_new (3, clock);
    g_autoptr(RdsSimStore) store = rds_sim_store_open (dir, &error);
    g_autofree char *names = NULL;
    g_autofree char *through = NULL;

    g_assert_true (rds_sim_store_load (store, engine, NULL, &error));
    g_assert_no_error (error);
    names = alias_names (engine, NULL);
    g_assert_cmpstr (names, ==, "alias/aws/rds alias/durable");
    through = key_field (engine, "alias/durable", "key-id");
    g_assert_cmpstr (through, ==, id);
  }

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/rds/sim-kms/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("create-describe", test_create_describe);
  ADD ("list-keys", test_list_keys);
  ADD ("aliases", test_aliases);
  ADD ("key-id-forms", test_key_id_forms);
  ADD ("enable-disable", test_enable_disable);
  ADD ("deletion", test_deletion);
  ADD ("tags", test_tags);
  ADD ("aws-managed-key", test_aws_managed_key);
  ADD ("aws-managed-key-on-first-call", test_aws_managed_key_on_first_call);
  ADD ("instance-recovers", test_instance_recovers);
  ADD ("instance-seven-days", test_instance_seven_days);
  ADD ("instance-stopped", test_instance_stopped);
  ADD ("instance-key-deleted", test_instance_key_deleted);
  ADD ("persistence", test_persistence);
#undef ADD
  g_test_add_func ("/rds/sim-kms/alias-is-durable", test_alias_is_durable);

  return g_test_run ();
}
