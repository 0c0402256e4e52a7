/* rds-sim-engine-kms.c: KMS keys and aliases, and what RDS does when a key
 * it uses stops working
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys and aliases are resources of two kinds of the "kms" service (AWS
 * JSON 1.1). A key is Enabled, Disabled or PendingDeletion; at the end of
 * its waiting period (its first timer) it is deleted, with its aliases.
 * The AWS managed key alias/aws/rds of a Region is made the first time RDS
 * or KMS is called there, with the ARN the Region's default_kms_key has
 * always had.
 *
 * RDS watches the keys its DB instances use (a key's second timer): a few
 * minutes after a key becomes unusable, the instances that use it stop and
 * go to inaccessible-encryption-credentials-recoverable; enabled again
 * within 7 days, the key lets them recover; after 7 days, or when the key
 * is deleted, they are inaccessible-encryption-credentials for good.
 */

#include "config.h"

#include "rds-sim-engine-private.h"

#include <string.h>

#include "rds-alias-list.h"
#include "rds-alias-list-entry.h"
#include "rds-key-deletion.h"
#include "rds-key-description.h"
#include "rds-key-list.h"
#include "rds-key-list-entry.h"
#include "rds-key-metadata.h"
#include "rds-kms-tag.h"
#include "rds-kms-tag-list.h"

#define MAX_KEYS 100000
#define MAX_ALIASES_PER_KEY 50
#define MAX_TAGS 50
#define MAX_DESCRIPTION 8192
#define DAY G_GINT64_CONSTANT (86400)
/* How soon RDS notices a key's change, and how often it looks again while
 * a key it uses is unusable. */
#define WATCH_INTERVAL USEC (5 * 60)
#define RECOVERABLE_DAYS 7

#define STATUS_RECOVERABLE "inaccessible-encryption-credentials-recoverable"
#define STATUS_INACCESSIBLE "inaccessible-encryption-credentials"

#define RDS_KEY_DESCRIPTION_TEXT "Default key that protects my RDS database volumes when no other key is defined"
#define RDS_KEY_ALIAS "alias/aws/rds"
#define RESERVED_ALIAS_PREFIX "alias/aws/"
#define ALIAS_DOC "https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html"

enum
{
  TIMER_DELETE,   /* the end of the waiting period of a key pending deletion */
  TIMER_WATCH,    /* RDS looks at the DB instances that use the key */
};

typedef struct
{
  union
  {
    RdsSimResource resource;
    struct { RDS_SIM_RESOURCE_FIELDS (RdsKeyMetadata) };
  };
  GPtrArray *tags;      /* RdsKmsTag, in the order they were added */
  GTree     *watched;   /* DB instance identifier → gint64 *: since when it is recoverable, or 0 */
} RdsSimKey;

typedef struct
{
  union
  {
    RdsSimResource resource;
    struct { RDS_SIM_RESOURCE_FIELDS (RdsAliasListEntry) };
  };
} RdsSimAlias;

static RdsShape *
key_shape (RdsSimKey *key)
{
  return RDS_SHAPE (key->model);
}

static const char *
key_id (RdsSimKey *key)
{
  return rds_shape_get_string (key_shape (key), "key-id");
}

static const char *
key_arn (RdsSimKey *key)
{
  return rds_shape_get_string (key_shape (key), "arn");
}

static const char *
key_state (RdsSimKey *key)
{
  return rds_shape_get_string (key_shape (key), "key-state");
}

static gboolean
key_is_aws_managed (RdsSimKey *key)
{
  return g_strcmp0 (rds_shape_get_string (key_shape (key), "key-manager"), "AWS") == 0;
}

static gboolean
key_is_pending_deletion (RdsSimKey *key)
{
  return g_strcmp0 (key_state (key), "PendingDeletion") == 0;
}

static gboolean
key_is_usable (RdsSimKey *key)
{
  return g_strcmp0 (key_state (key), "Enabled") == 0;
}

static GTree *
keys_of (RdsSimRegion *region)
{
  return _rds_sim_region_resources (region, &_rds_sim_kind_kms_key);
}

static GTree *
aliases_of (RdsSimRegion *region)
{
  return _rds_sim_region_resources (region, &_rds_sim_kind_kms_alias);
}

static char *
kms_arn (RdsSimEngine *self,
         RdsSimRegion *region,
         const char   *resource)
{
  return g_strdup_printf ("arn:aws:kms:%s:%s:%s", region->info->name, rds_sim_engine_get_account_id (self),
                          resource);
}

static char *
alias_arn (RdsSimEngine *self,
           RdsSimRegion *region,
           const char   *alias_name)
{
  return kms_arn (self, region, alias_name);
}

static gboolean
is_key_id (const char *text)
{
  if (strlen (text) != 36)
    return FALSE;
  for (guint i = 0; i < 36; i++)
    if ((i == 8 || i == 13 || i == 18 || i == 23) ? text[i] != '-' : !g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* Errors */

/* "KeyId" as KMS's validation messages name members: "keyId". */
static char *
member_name (const char *name)
{
  char *member = g_strdup (name);

  member[0] = g_ascii_tolower (member[0]);
  return member;
}

static const char *
required (RdsRequest  *request,
          const char  *name,
          GError     **error)
{
  const char *value = rds_request_get_string (request, name);

  if (value == NULL || *value == '\0')
    {
      g_autofree char *member = member_name (name);

      _rds_sim_fail (error, RDS_AWS_ERROR_VALIDATION, "1 validation error detected: Value null at '%s' "
                     "failed to satisfy constraint: Member must not be null", member);
      return NULL;
    }
  return value;
}

/* An integer parameter in [@low, @high]; @value is left alone when absent. */
static gboolean
get_int (RdsRequest  *request,
         const char  *name,
         int          low,
         int          high,
         int         *value,
         GError     **error)
{
  const char *text = rds_request_get_string (request, name);
  g_autofree char *member = member_name (name);
  gint64 number;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, G_MININT32, G_MAXINT32, &number, NULL))
    return _rds_sim_fail (error, RDS_AWS_ERROR_SERIALIZATION, "The value of %s must be an integer, not '%s'.",
                          name, text);
  if (number < low)
    return _rds_sim_fail (error, RDS_AWS_ERROR_VALIDATION, "1 validation error detected: Value '%"
                          G_GINT64_FORMAT "' at '%s' failed to satisfy constraint: Member must have value "
                          "greater than or equal to %d", number, member, low);
  if (number > high)
    return _rds_sim_fail (error, RDS_AWS_ERROR_VALIDATION, "1 validation error detected: Value '%"
                          G_GINT64_FORMAT "' at '%s' failed to satisfy constraint: Member must have value "
                          "less than or equal to %d", number, member, high);
  *value = (int) number;
  return TRUE;
}

static gboolean
pending_deletion (GError    **error,
                  RdsSimKey  *key)
{
  return _rds_sim_fail (error, RDS_AWS_ERROR_KMS_INVALID_STATE, "%s is pending deletion.", key_arn (key));
}

/* What the key policy of an AWS managed key allows no one. */
static gboolean
aws_managed (RdsSimEngine  *self,
             GError       **error,
             RdsSimKey     *key,
             const char    *action)
{
  return _rds_sim_fail (error, RDS_AWS_ERROR_ACCESS_DENIED_EXCEPTION, "User: arn:aws:iam::%s:root is not "
                        "authorized to perform: kms:%s on resource: %s because no resource-based policy "
                        "allows the kms:%s action. %s is an AWS managed key: only the service that owns it "
                        "uses it, and no one can disable, delete, alias or tag it.",
                        rds_sim_engine_get_account_id (self), action, key_arn (key), action, key_arn (key));
}

/* Finding keys and aliases */

static RdsSimKey *
find_key (RdsSimRegion *region,
          const char   *id)
{
  g_autofree char *lower = g_ascii_strdown (id, -1);

  return g_tree_lookup (keys_of (region), lower);
}

static RdsSimAlias *
find_alias (RdsSimRegion *region,
            const char   *name)
{
  return g_tree_lookup (aliases_of (region), name);
}

static gboolean
key_not_found (RdsSimEngine  *self,
               RdsSimRegion  *region,
               const char    *id,
               GError       **error)
{
  g_autofree char *resource = g_strconcat ("key/", id, NULL);
  g_autofree char *arn = kms_arn (self, region, resource);

  return _rds_sim_fail (error, RDS_AWS_ERROR_NOT_FOUND, "Key '%s' does not exist", arn);
}

static gboolean
alias_not_found (RdsSimEngine  *self,
                 RdsSimRegion  *region,
                 const char    *name,
                 GError       **error)
{
  g_autofree char *arn = alias_arn (self, region, name);

  return _rds_sim_fail (error, RDS_AWS_ERROR_NOT_FOUND, "Alias %s is not found.", arn);
}

/**
 * lookup_key:
 * @text: a key ID, a key ARN, an alias name or an alias ARN
 * @allow_alias: whether an alias may name the key
 *
 * Returns: (nullable): the key of @region that @text names, or %NULL with
 *   KMS's error
 */
static RdsSimKey *
lookup_key (RdsSimEngine  *self,
            RdsSimRegion  *region,
            const char    *text,
            gboolean       allow_alias,
            GError       **error)
{
  g_auto(GStrv) parts = NULL;
  const char *resource = text;
  RdsSimAlias *alias;
  RdsSimKey *key;

  if (g_str_has_prefix (text, "arn:"))
    {
      parts = g_strsplit (text, ":", 6);
      if (g_strv_length (parts) != 6 || !g_str_equal (parts[2], "kms") ||
          !(g_str_has_prefix (parts[5], "key/") || g_str_has_prefix (parts[5], "alias/")))
        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_ARN, "Invalid arn: %s is not the ARN of a KMS key "
                              "(arn:aws:kms:REGION:ACCOUNT:key/KEY-ID) or alias "
                              "(arn:aws:kms:REGION:ACCOUNT:alias/NAME).", text), NULL;
      if (!g_str_equal (parts[3], region->info->name))
        return _rds_sim_fail (error, RDS_AWS_ERROR_NOT_FOUND, "Invalid arn %s", parts[3]), NULL;
      if (!g_str_equal (parts[4], rds_sim_engine_get_account_id (self)))
        return _rds_sim_fail (error, RDS_AWS_ERROR_NOT_FOUND, "%s '%s' does not exist",
                              g_str_has_prefix (parts[5], "key/") ? "Key" : "Alias", text), NULL;
      resource = parts[5];
      if (g_str_has_prefix (resource, "key/"))
        {
          key = is_key_id (resource + 4) ? find_key (region, resource + 4) : NULL;
          if (key == NULL)
            return key_not_found (self, region, resource + 4, error), NULL;
          return key;
        }
    }

  if (g_str_has_prefix (resource, "alias/"))
    {
      if (!allow_alias)
        return _rds_sim_fail (error, RDS_AWS_ERROR_VALIDATION, "Aliases must refer to keys, not to aliases: "
                              "give the key ID or key ARN of the key %s names.", resource), NULL;
      alias = find_alias (region, resource);
      if (alias == NULL)
        return alias_not_found (self, region, resource, error), NULL;
      key = find_key (region, rds_shape_get_string (RDS_SHAPE (alias->model), "target-key-id"));
      if (key == NULL)
        return alias_not_found (self, region, resource, error), NULL;
      return key;
    }

  if (!is_key_id (text))
    return _rds_sim_fail (error, RDS_AWS_ERROR_NOT_FOUND, "Invalid keyId '%s'", text), NULL;
  key = find_key (region, text);
  if (key == NULL)
    return key_not_found (self, region, text, error), NULL;
  return key;
}

/* The key a request's KeyId names. */
static RdsSimKey *
request_key (RdsSimEngine  *self,
             RdsSimRegion  *region,
             RdsRequest    *request,
             const char    *name,
             gboolean       allow_alias,
             GError       **error)
{
  const char *text = required (request, name, error);

  return text != NULL ? lookup_key (self, region, text, allow_alias, error) : NULL;
}

/* Making keys and aliases */

static RdsSimKey *
key_new (RdsSimRegion   *region,
         RdsKeyMetadata *model)
{
  RdsSimKey *key = g_new0 (RdsSimKey, 1);

  key->kind = &_rds_sim_kind_kms_key;
  key->region = region;
  key->model = model;
  key->tags = g_ptr_array_new_with_free_func (g_object_unref);
  key->watched = g_tree_new_full ((GCompareDataFunc) strcmp, NULL, g_free, g_free);
  return key;
}

static RdsKeyMetadata *
metadata_new (RdsSimEngine *self,
              RdsSimRegion *region,
              const char   *id,
              const char   *description,
              const char   *manager,
              gint64        now)
{
  const char *algorithms[] = { "SYMMETRIC_DEFAULT", NULL };
  g_autofree char *resource = g_strconcat ("key/", id, NULL);
  g_autofree char *arn = kms_arn (self, region, resource);
  RdsKeyMetadata *model = g_object_new (RDS_TYPE_KEY_METADATA,
                                        "aws-account-id", rds_sim_engine_get_account_id (self),
                                        "key-id", id,
                                        "arn", arn,
                                        "enabled", TRUE,
                                        "description", description != NULL ? description : "",
                                        "key-usage", "ENCRYPT_DECRYPT",
                                        "key-state", "Enabled",
                                        "origin", "AWS_KMS",
                                        "key-manager", manager,
                                        "customer-master-key-spec", "SYMMETRIC_DEFAULT",
                                        "key-spec", "SYMMETRIC_DEFAULT",
                                        "encryption-algorithms", algorithms,
                                        "multi-region", RDS_TRISTATE_FALSE,
                                        NULL);

  rds_shape_set_timestamp (RDS_SHAPE (model), "creation-date", now);
  return model;
}

static RdsSimAlias *
alias_add (RdsSimEngine *self,
           RdsSimRegion *region,
           const char   *name,
           const char   *target,
           gint64        now)
{
  g_autofree char *arn = alias_arn (self, region, name);
  RdsSimAlias *alias = g_new0 (RdsSimAlias, 1);

  alias->kind = &_rds_sim_kind_kms_alias;
  alias->region = region;
  alias->model = g_object_new (RDS_TYPE_ALIAS_LIST_ENTRY,
                               "alias-name", name,
                               "alias-arn", arn,
                               "target-key-id", target,
                               NULL);
  rds_shape_set_timestamp (RDS_SHAPE (alias->model), "creation-date", now);
  rds_shape_set_timestamp (RDS_SHAPE (alias->model), "last-updated-date", now);
  _rds_sim_region_add (region, &alias->resource);
  _rds_sim_resource_changed (self, &alias->resource);
  return alias;
}

/* The AWS managed key of RDS in @region, made on first use. Its ID is the
 * one region->default_kms_key names, from the seed: no draw. */
static RdsSimKey *
ensure_rds_key (RdsSimEngine *self,
                RdsSimRegion *region)
{
  const char *id = strrchr (region->default_kms_key, '/') + 1;
  gint64 now = rds_sim_engine_get_now (self);
  RdsSimKey *key = find_key (region, id);

  if (key != NULL)
    return key;

  key = key_new (region, metadata_new (self, region, id, RDS_KEY_DESCRIPTION_TEXT, "AWS", now));
  _rds_sim_region_add (region, &key->resource);
  _rds_sim_resource_changed (self, &key->resource);
  if (find_alias (region, RDS_KEY_ALIAS) == NULL)
    alias_add (self, region, RDS_KEY_ALIAS, id, now);
  return key;
}

/* A version 4 UUID from the engine's generator. */
static char *
draw_key_id (RdsSimEngine *self)
{
  guint32 a = (guint32) _rds_sim_engine_draw (self, 0, G_MAXUINT32);
  guint32 b = (guint32) _rds_sim_engine_draw (self, 0, G_MAXUINT32);
  guint32 c = (guint32) _rds_sim_engine_draw (self, 0, G_MAXUINT32);
  guint32 d = (guint32) _rds_sim_engine_draw (self, 0, G_MAXUINT32);

  return g_strdup_printf ("%08x-%04x-%04x-%04x-%04x%08x", a, b >> 16, (b & 0x0fff) | 0x4000,
                          ((c >> 16) & 0x3fff) | 0x8000, c & 0xffff, d);
}

/* Results */

static RdsQueryResult *
none_result (const char *action)
{
  return rds_query_result_new (rds_api_lookup_action (&rds_api_kms, action));
}

static RdsQueryResult *
description_result (const char *action,
                    RdsSimKey  *key)
{
  RdsQueryResult *result = rds_query_result_new (rds_api_lookup_action (&rds_api_kms, action));
  g_autoptr(RdsShape) metadata = rds_shape_copy (key_shape (key));

  result->item = g_object_new (RDS_TYPE_KEY_DESCRIPTION, NULL);
  rds_shape_set_object (result->item, "key-metadata", metadata);
  return result;
}

/* Tags */

static guint
find_tag (GPtrArray  *tags,
          const char *tag_key)
{
  for (guint i = 0; i < tags->len; i++)
    if (g_strcmp0 (rds_shape_get_string (g_ptr_array_index (tags, i), "tag-key"), tag_key) == 0)
      return i;
  return G_MAXUINT;
}

/* Tags.member.N.TagKey and .TagValue, each checked. */
static GPtrArray *
read_tags (RdsRequest  *request,
           GError     **error)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 1;; i++)
    {
      g_autofree char *any = g_strdup_printf ("Tags.member.%u", i);
      g_autofree char *key_name = g_strdup_printf ("Tags.member.%u.TagKey", i);
      g_autofree char *value_name = g_strdup_printf ("Tags.member.%u.TagValue", i);
      const char *tag_key = rds_request_get_string (request, key_name);
      const char *tag_value = rds_request_get_string (request, value_name);

      if (tag_key == NULL && tag_value == NULL && rds_request_is_empty_of (request, any))
        break;
      if (tag_key == NULL || tag_value == NULL)
        return _rds_sim_fail (error, RDS_AWS_ERROR_VALIDATION, "1 validation error detected: Value null at "
                              "'tags.%u.member.%s' failed to satisfy constraint: Member must not be null", i,
                              tag_key == NULL ? "tagKey" : "tagValue"), NULL;
      if (*tag_key == '\0' || g_utf8_strlen (tag_key, -1) > 128)
        return _rds_sim_fail (error, RDS_AWS_ERROR_VALIDATION, "1 validation error detected: Value '%s' at "
                              "'tags.%u.member.tagKey' failed to satisfy constraint: Member must have length "
                              "between 1 and 128", tag_key, i), NULL;
      if (g_utf8_strlen (tag_value, -1) > 256)
        return _rds_sim_fail (error, RDS_AWS_ERROR_VALIDATION, "1 validation error detected: Value at "
                              "'tags.%u.member.tagValue' failed to satisfy constraint: Member must have "
                              "length less than or equal to 256", i), NULL;
      if (g_str_has_prefix (tag_key, "aws:"))
        return _rds_sim_fail (error, RDS_AWS_ERROR_TAG, "Tag keys beginning with aws: are reserved for AWS: "
                              "“%s”.", tag_key), NULL;
      g_ptr_array_add (tags, g_object_new (RDS_TYPE_KMS_TAG, "tag-key", tag_key, "tag-value", tag_value, NULL));
    }

  return g_steal_pointer (&tags);
}

/* Adds @tags to @key's; a key already there gets the new value. */
static gboolean
merge_tags (RdsSimKey  *key,
            GPtrArray  *tags,
            GError    **error)
{
  guint n = key->tags->len;

  for (guint i = 0; i < tags->len; i++)
    {
      const char *tag_key = rds_shape_get_string (g_ptr_array_index (tags, i), "tag-key");
      gboolean repeated = find_tag (key->tags, tag_key) != G_MAXUINT;

      for (guint j = 0; j < i && !repeated; j++)
        repeated = g_strcmp0 (tag_key, rds_shape_get_string (g_ptr_array_index (tags, j), "tag-key")) == 0;
      n += !repeated;
    }
  if (n > MAX_TAGS)
    return _rds_sim_fail (error, RDS_AWS_ERROR_LIMIT_EXCEEDED_EXCEPTION, "A KMS key can have at most %d "
                          "tags; %s would have %u.", MAX_TAGS, key_arn (key), n);

  for (guint i = 0; i < tags->len; i++)
    {
      RdsShape *tag = g_ptr_array_index (tags, i);
      guint position = find_tag (key->tags, rds_shape_get_string (tag, "tag-key"));

      if (position == G_MAXUINT)
        g_ptr_array_add (key->tags, g_object_ref (tag));
      else
        rds_shape_set_string (g_ptr_array_index (key->tags, position), "tag-value",
                              rds_shape_get_string (tag, "tag-value"));
    }
  return TRUE;
}

/* Pages: Limit and Marker */

static gboolean
page_args (RdsRequest  *request,
           int          default_limit,
           int          max_limit,
           int         *limit,
           char       **after,
           GError     **error)
{
  const char *marker = rds_request_get_string (request, "Marker");

  *limit = default_limit;
  *after = NULL;
  if (!get_int (request, "Limit", 1, max_limit, limit, error))
    return FALSE;
  if (marker != NULL)
    {
      *after = _rds_sim_decode_marker (marker, NULL);
      if (*after == NULL)
        return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_MARKER, "Invalid marker: %s. Pass the NextMarker "
                              "of the previous answer unchanged.", marker);
    }
  return TRUE;
}

static void
set_page_end (RdsShape   *answer,
              const char *last,
              gboolean    more)
{
  rds_shape_set_boolean (answer, "truncated", more);
  if (more)
    {
      g_autofree char *marker = _rds_sim_encode_marker (last);

      rds_shape_set_string (answer, "next-marker", marker);
    }
}

/* RDS's watch over the DB instances that use a key */

static void
watch_soon (RdsSimEngine *self,
            RdsSimKey    *key,
            gint64        now)
{
  gint64 due = now + WATCH_INTERVAL;

  if (key->due[TIMER_WATCH] == 0 || key->due[TIMER_WATCH] > due)
    _rds_sim_engine_schedule (self, &key->resource, TIMER_WATCH, due);
}

static gboolean
instance_uses (RdsSimInstance *instance,
               RdsSimKey      *key)
{
  return g_strcmp0 (rds_shape_get_string (RDS_SHAPE (instance->model), "kms-key-id"), key_arn (key)) == 0;
}

/* The instance stops: its storage can't be read without the key. */
static void
become_recoverable (RdsSimEngine   *self,
                    RdsSimKey      *key,
                    RdsSimInstance *instance,
                    gint64          now)
{
  g_autofree char *message = NULL;

  if (key_is_pending_deletion (key))
    message = g_strdup_printf ("The DB instance can't access its KMS key %s, which is pending deletion, and is "
                               "stopped. Cancel the key's deletion and enable the key within %d days to "
                               "recover it; after that it can only be restored from a backup.",
                               key_arn (key), RECOVERABLE_DAYS);
  else
    message = g_strdup_printf ("The DB instance can't access its KMS key %s, which is disabled, and is "
                               "stopped. Enable the key within %d days to recover it; after that it can only "
                               "be restored from a backup.", key_arn (key), RECOVERABLE_DAYS);

  _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_RESTART, 0);
  rds_shape_set_timestamp (RDS_SHAPE (instance->model), "automatic-restart-time", 0);
  rds_db_instance_set_status (instance->model, STATUS_RECOVERABLE);
  _rds_sim_instance_record (self, instance, now, RDS_SIM_PHASE_STOPPED);
  _rds_sim_instance_emit (self, instance, message, "failure", now);
  _rds_sim_replication_update (self, instance, now);
  _rds_sim_instance_dirty (self, instance);
}

static void
become_inaccessible (RdsSimEngine   *self,
                     RdsSimInstance *instance,
                     const char     *message,
                     gint64          now)
{
  _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_RESTART, 0);
  rds_shape_set_timestamp (RDS_SHAPE (instance->model), "automatic-restart-time", 0);
  rds_db_instance_set_status (instance->model, STATUS_INACCESSIBLE);
  _rds_sim_instance_record (self, instance, now, RDS_SIM_PHASE_STOPPED);
  _rds_sim_instance_emit (self, instance, message, "failure", now);
  _rds_sim_replication_update (self, instance, now);
  _rds_sim_instance_dirty (self, instance);
}

/* The key works again: the instance starts, as StartDBInstance starts it. */
static void
begin_recovery (RdsSimEngine   *self,
                RdsSimKey      *key,
                RdsSimInstance *instance,
                gint64          now)
{
  g_autofree char *message = g_strdup_printf ("The KMS key %s is enabled again: recovering the DB instance.",
                                              key_arn (key));

  _rds_sim_instance_emit (self, instance, message, "recovery", now);
  _rds_sim_instance_start_op (self, instance, RDS_SIM_OP_START, "starting",
                              now + _rds_sim_instance_hashed_duration (self, instance, "kms-recovery", now,
                                                                       180, 420));
}

/* Running, and doing nothing that would end in another status. */
static gboolean
is_idle (RdsSimInstance *instance)
{
  const char *status = rds_db_instance_get_status (instance->model);

  return instance->op == RDS_SIM_OP_NONE && instance->faults == 0 && !_rds_sim_standby_is_building (instance) &&
         (g_strcmp0 (status, "available") == 0 || g_strcmp0 (status, "storage-full") == 0);
}

static gint64 *
since_new (gint64 since)
{
  gint64 *value = g_new (gint64, 1);

  *value = since;
  return value;
}

static void
watch_fire (RdsSimEngine *self,
            RdsSimKey    *key,
            gint64        now)
{
  g_autoptr(GTree) watched = g_tree_new_full ((GCompareDataFunc) strcmp, NULL, g_free, g_free);
  gboolean usable = key_is_usable (key);
  gint64 deadline = RECOVERABLE_DAYS * USEC (DAY);
  gint64 next = G_MAXINT64;

  for (GTreeNode *node = g_tree_node_first (RDS_SIM_INSTANCES (key->region)); node != NULL;
       node = g_tree_node_next (node))
    {
      RdsSimInstance *instance = g_tree_node_value (node);
      const char *id = g_tree_node_key (node);
      const char *status = rds_db_instance_get_status (instance->model);
      gint64 *old = g_tree_lookup (key->watched, id);
      gint64 since = old != NULL ? *old : 0;

      if (!instance_uses (instance, key) || instance->op == RDS_SIM_OP_DELETE ||
          g_strcmp0 (status, STATUS_INACCESSIBLE) == 0)
        continue;

      if (usable)
        {
          if (g_strcmp0 (status, STATUS_RECOVERABLE) == 0 && instance->op == RDS_SIM_OP_NONE)
            begin_recovery (self, key, instance, now);
          continue;
        }

      if (g_strcmp0 (status, STATUS_RECOVERABLE) == 0 && instance->op == RDS_SIM_OP_NONE)
        {
          if (since == 0)
            since = now;
          if (now >= since + deadline)
            {
              g_autofree char *message = g_strdup_printf ("The DB instance could not access its KMS key %s "
                                                          "for %d days and is now %s: restore it from a "
                                                          "snapshot or to a point in time.", key_arn (key),
                                                          RECOVERABLE_DAYS, STATUS_INACCESSIBLE);

              become_inaccessible (self, instance, message, now);
              continue;
            }
        }
      else if (is_idle (instance))
        {
          /* The 7 days count from its first loss in this outage: a start
           * that ends back here does not renew them. */
          if (since == 0)
            since = now;
          become_recoverable (self, key, instance, now);
        }

      /* Busy, stopped, or waiting: looked at again, as long as the key
       * can't be used. */
      g_tree_insert (watched, g_strdup (id), since_new (since));
      next = MIN (next, now + WATCH_INTERVAL);
      if (since != 0)
        next = MIN (next, since + deadline);
    }

  g_tree_unref (key->watched);
  key->watched = g_steal_pointer (&watched);
  _rds_sim_engine_schedule (self, &key->resource, TIMER_WATCH, next == G_MAXINT64 ? 0 : MAX (next, now + 1));
  _rds_sim_resource_changed (self, &key->resource);
}

/* The waiting period is over: the key and its aliases are gone, and so is
 * what the DB instances that used it stored. */
static void
delete_fire (RdsSimEngine *self,
             RdsSimKey    *key,
             gint64        now)
{
  g_autoptr(GPtrArray) aliases = g_ptr_array_new ();
  g_autofree char *message = g_strdup_printf ("The KMS key %s was deleted: the DB instance's data can't be "
                                              "decrypted any more, and it is now %s. Delete the DB instance.",
                                              key_arn (key), STATUS_INACCESSIBLE);

  for (GTreeNode *node = g_tree_node_first (RDS_SIM_INSTANCES (key->region)); node != NULL;
       node = g_tree_node_next (node))
    {
      RdsSimInstance *instance = g_tree_node_value (node);
      const char *status = rds_db_instance_get_status (instance->model);

      if (instance_uses (instance, key) && instance->op != RDS_SIM_OP_DELETE &&
          g_strcmp0 (status, STATUS_INACCESSIBLE) != 0)
        {
          /* Whatever it was doing ends here. */
          _rds_sim_engine_schedule (self, &instance->resource, RDS_SIM_TIMER_STEP, 0);
          instance->op = RDS_SIM_OP_NONE;
          become_inaccessible (self, instance, message, now);
        }
    }

  for (GTreeNode *node = g_tree_node_first (aliases_of (key->region)); node != NULL; node = g_tree_node_next (node))
    {
      RdsSimAlias *alias = g_tree_node_value (node);

      if (g_strcmp0 (rds_shape_get_string (RDS_SHAPE (alias->model), "target-key-id"), key_id (key)) == 0)
        g_ptr_array_add (aliases, alias);
    }
  for (guint i = 0; i < aliases->len; i++)
    _rds_sim_resource_remove (self, g_ptr_array_index (aliases, i));

  _rds_sim_resource_remove (self, &key->resource);
}

static void
key_fire (RdsSimEngine   *self,
          RdsSimResource *resource,
          guint           timer,
          gint64          now)
{
  RdsSimKey *key = (RdsSimKey *) resource;

  if (timer == TIMER_DELETE)
    delete_fire (self, key, now);
  else if (timer == TIMER_WATCH)
    watch_fire (self, key, now);
}

/* CreateKey */

static gboolean
check_choice (RdsRequest         *request,
              const char         *name,
              const char         *supported,
              const char * const *others,
              GError            **error)
{
  const char *value = rds_request_get_string (request, name);
  g_autofree char *member = member_name (name);
  g_autofree char *all = NULL;

  if (value == NULL || g_str_equal (value, supported))
    return TRUE;
  if (g_strv_contains (others, value))
    return _rds_sim_fail (error, RDS_AWS_ERROR_UNSUPPORTED_OPERATION, "This simulator makes only symmetric "
                          "encryption keys of AWS KMS: %s must be %s, not %s.", name, supported, value);
  all = g_strjoinv (", ", (char **) others);
  return _rds_sim_fail (error, RDS_AWS_ERROR_VALIDATION, "1 validation error detected: Value '%s' at '%s' "
                        "failed to satisfy constraint: Member must satisfy enum value set: [%s, %s]",
                        value, member, supported, all);
}

static RdsQueryResult *
action_create_key (RdsSimEngine  *self,
                   RdsSimRegion  *region,
                   RdsRequest    *request,
                   GError       **error)
{
  static const char * const usages[] = { "SIGN_VERIFY", "GENERATE_VERIFY_MAC", NULL };
  static const char * const specs[] = { "RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384",
                                        "ECC_NIST_P521", "ECC_SECG_P256K1", "HMAC_224", "HMAC_256", "HMAC_384",
                                        "HMAC_512", "SM2", NULL };
  static const char * const origins[] = { "EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE", NULL };
  const char *description = rds_request_get_string (request, "Description");
  g_autoptr(GPtrArray) tags = NULL;
  g_autofree char *id = NULL;
  gboolean multi_region = FALSE;
  gint64 now = rds_sim_engine_get_now (self);
  RdsSimKey *key;

  ensure_rds_key (self, region);

  if (description != NULL && g_utf8_strlen (description, -1) > MAX_DESCRIPTION)
    return _rds_sim_fail (error, RDS_AWS_ERROR_VALIDATION, "1 validation error detected: Value at "
                          "'description' failed to satisfy constraint: Member must have length less than or "
                          "equal to %d", MAX_DESCRIPTION), NULL;
  if (rds_request_has (request, "KeySpec") && rds_request_has (request, "CustomerMasterKeySpec"))
    return _rds_sim_fail (error, RDS_AWS_ERROR_VALIDATION, "You cannot specify KeySpec and "
                          "CustomerMasterKeySpec in the same request. CustomerMasterKeySpec parameter is "
                          "deprecated. Use KeySpec."), NULL;
  if (!check_choice (request, "KeyUsage", "ENCRYPT_DECRYPT", usages, error) ||
      !check_choice (request, "KeySpec", "SYMMETRIC_DEFAULT", specs, error) ||
      !check_choice (request, "CustomerMasterKeySpec", "SYMMETRIC_DEFAULT", specs, error) ||
      !check_choice (request, "Origin", "AWS_KMS", origins, error))
    return NULL;
  if (!rds_request_get_boolean (request, "MultiRegion", &multi_region, NULL))
    return _rds_sim_fail (error, RDS_AWS_ERROR_SERIALIZATION, "MultiRegion must be true or false."), NULL;
  if (multi_region)
    return _rds_sim_fail (error, RDS_AWS_ERROR_UNSUPPORTED_OPERATION, "This simulator makes only "
                          "single-Region keys: leave MultiRegion out or false."), NULL;
  if (rds_request_has (request, "CustomKeyStoreId") || rds_request_has (request, "XksKeyId"))
    return _rds_sim_fail (error, RDS_AWS_ERROR_UNSUPPORTED_OPERATION, "This simulator has no custom key "
                          "stores: leave CustomKeyStoreId and XksKeyId out."), NULL;
  tags = read_tags (request, error);
  if (tags == NULL)
    return NULL;
  if (tags->len > MAX_TAGS)
    return _rds_sim_fail (error, RDS_AWS_ERROR_LIMIT_EXCEEDED_EXCEPTION, "A KMS key can have at most %d "
                          "tags, not %u.", MAX_TAGS, tags->len), NULL;
  if (g_tree_nnodes (keys_of (region)) >= MAX_KEYS)
    return _rds_sim_fail (error, RDS_AWS_ERROR_LIMIT_EXCEEDED_EXCEPTION, "The Region %s has %d KMS keys, its "
                          "quota.", region->info->name, MAX_KEYS), NULL;

  do
    {
      g_free (id);
      id = draw_key_id (self);
    }
  while (find_key (region, id) != NULL);

  key = key_new (region, metadata_new (self, region, id, description, "CUSTOMER", now));
  _rds_sim_region_add (region, &key->resource);
  merge_tags (key, tags, NULL);
  _rds_sim_resource_changed (self, &key->resource);

  return description_result ("CreateKey", key);
}

/* DescribeKey */

static RdsQueryResult *
action_describe_key (RdsSimEngine  *self,
                     RdsSimRegion  *region,
                     RdsRequest    *request,
                     GError       **error)
{
  RdsSimKey *key;

  ensure_rds_key (self, region);
  key = request_key (self, region, request, "KeyId", TRUE, error);
  return key != NULL ? description_result ("DescribeKey", key) : NULL;
}

/* ListKeys */

static RdsQueryResult *
action_list_keys (RdsSimEngine  *self,
                  RdsSimRegion  *region,
                  RdsRequest    *request,
                  GError       **error)
{
  g_autofree char *after = NULL;
  const char *last = NULL;
  RdsQueryResult *result;
  GListStore *list;
  GTreeNode *node;
  int limit;

  ensure_rds_key (self, region);
  if (!page_args (request, 100, 1000, &limit, &after, error))
    return NULL;

  result = rds_query_result_new (rds_api_lookup_action (&rds_api_kms, "ListKeys"));
  result->item = g_object_new (RDS_TYPE_KEY_LIST, NULL);
  list = rds_shape_ensure_list (result->item, "keys");
  node = after != NULL ? g_tree_upper_bound (keys_of (region), after) : g_tree_node_first (keys_of (region));
  for (; node != NULL && (int) g_list_model_get_n_items (G_LIST_MODEL (list)) < limit;
       node = g_tree_node_next (node))
    {
      RdsSimKey *key = g_tree_node_value (node);
      g_autoptr(RdsShape) entry = g_object_new (RDS_TYPE_KEY_LIST_ENTRY,
                                                "key-id", key_id (key),
                                                "key-arn", key_arn (key),
                                                NULL);

      g_list_store_append (list, entry);
      last = key_id (key);
    }
  set_page_end (result->item, last, node != NULL);
  return result;
}

/* Aliases */

static gboolean
check_alias_name (const char  *name,
                  GError     **error)
{
  if (!g_str_has_prefix (name, "alias/"))
    return _rds_sim_fail (error, RDS_AWS_ERROR_VALIDATION, "Alias must start with the prefix \"alias/\". "
                          "Please see " ALIAS_DOC);
  if (strlen (name) > 256)
    return _rds_sim_fail (error, RDS_AWS_ERROR_VALIDATION, "1 validation error detected: Value '%s' at "
                          "'aliasName' failed to satisfy constraint: Member must have length less than or "
                          "equal to 256", name);
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '/' && *p != '_' && *p != '-')
      return _rds_sim_fail (error, RDS_AWS_ERROR_VALIDATION, "1 validation error detected: Value '%s' at "
                            "'aliasName' failed to satisfy constraint: Member must satisfy regular "
                            "expression pattern: ^[a-zA-Z0-9/_-]+$", name);
  if (name[strlen ("alias/")] == '\0')
    return _rds_sim_fail (error, RDS_AWS_ERROR_VALIDATION, "The alias name alias/ has no name after the "
                          "prefix. Please see " ALIAS_DOC);
  if (g_str_has_prefix (name, RESERVED_ALIAS_PREFIX))
    return _rds_sim_fail (error, RDS_AWS_ERROR_NOT_AUTHORIZED, "%s: alias names that begin with %s are "
                          "reserved for AWS managed keys. Choose another name.", name, RESERVED_ALIAS_PREFIX);
  return TRUE;
}

static guint
count_aliases (RdsSimRegion *region,
               RdsSimKey    *key)
{
  guint n = 0;

  for (GTreeNode *node = g_tree_node_first (aliases_of (region)); node != NULL; node = g_tree_node_next (node))
    n += g_strcmp0 (rds_shape_get_string (RDS_SHAPE (((RdsSimAlias *) g_tree_node_value (node))->model),
                                          "target-key-id"), key_id (key)) == 0;
  return n;
}

/* The key an alias may name: a customer's, not pending deletion, with
 * room for one more alias. */
static RdsSimKey *
alias_target (RdsSimEngine  *self,
              RdsSimRegion  *region,
              RdsRequest    *request,
              const char    *action,
              GError       **error)
{
  RdsSimKey *key = request_key (self, region, request, "TargetKeyId", FALSE, error);

  if (key == NULL)
    return NULL;
  if (key_is_aws_managed (key))
    return aws_managed (self, error, key, action), NULL;
  if (key_is_pending_deletion (key))
    return pending_deletion (error, key), NULL;
  if (count_aliases (region, key) >= MAX_ALIASES_PER_KEY)
    return _rds_sim_fail (error, RDS_AWS_ERROR_LIMIT_EXCEEDED_EXCEPTION, "The key %s has %d aliases, as many "
                          "as a key can have.", key_arn (key), MAX_ALIASES_PER_KEY), NULL;
  return key;
}

static RdsQueryResult *
action_create_alias (RdsSimEngine  *self,
                     RdsSimRegion  *region,
                     RdsRequest    *request,
                     GError       **error)
{
  const char *name;
  RdsSimKey *key;

  ensure_rds_key (self, region);
  if ((name = required (request, "AliasName", error)) == NULL || !check_alias_name (name, error))
    return NULL;
  if ((key = alias_target (self, region, request, "CreateAlias", error)) == NULL)
    return NULL;
  if (find_alias (region, name) != NULL)
    {
      g_autofree char *arn = alias_arn (self, region, name);

      return _rds_sim_fail (error, RDS_AWS_ERROR_ALREADY_EXISTS, "An alias with the name %s already exists",
                            arn), NULL;
    }

  alias_add (self, region, name, key_id (key), rds_sim_engine_get_now (self));
  return none_result ("CreateAlias");
}

static RdsQueryResult *
action_delete_alias (RdsSimEngine  *self,
                     RdsSimRegion  *region,
                     RdsRequest    *request,
                     GError       **error)
{
  RdsSimAlias *alias;
  const char *name;

  ensure_rds_key (self, region);
  if ((name = required (request, "AliasName", error)) == NULL || !check_alias_name (name, error))
    return NULL;
  if ((alias = find_alias (region, name)) == NULL)
    return alias_not_found (self, region, name, error), NULL;

  _rds_sim_resource_remove (self, &alias->resource);
  return none_result ("DeleteAlias");
}

static RdsQueryResult *
action_update_alias (RdsSimEngine  *self,
                     RdsSimRegion  *region,
                     RdsRequest    *request,
                     GError       **error)
{
  RdsSimAlias *alias;
  const char *name;
  RdsSimKey *key;

  ensure_rds_key (self, region);
  if ((name = required (request, "AliasName", error)) == NULL || !check_alias_name (name, error))
    return NULL;
  if ((alias = find_alias (region, name)) == NULL)
    return alias_not_found (self, region, name, error), NULL;
  if ((key = request_key (self, region, request, "TargetKeyId", FALSE, error)) == NULL)
    return NULL;
  if (g_strcmp0 (rds_shape_get_string (RDS_SHAPE (alias->model), "target-key-id"), key_id (key)) != 0)
    {
      if ((key = alias_target (self, region, request, "UpdateAlias", error)) == NULL)
        return NULL;
      rds_shape_set_string (RDS_SHAPE (alias->model), "target-key-id", key_id (key));
      rds_shape_set_timestamp (RDS_SHAPE (alias->model), "last-updated-date", rds_sim_engine_get_now (self));
      _rds_sim_resource_changed (self, &alias->resource);
    }
  return none_result ("UpdateAlias");
}

static RdsQueryResult *
action_list_aliases (RdsSimEngine  *self,
                     RdsSimRegion  *region,
                     RdsRequest    *request,
                     GError       **error)
{
  g_autofree char *after = NULL;
  const char *last = NULL;
  RdsSimKey *key = NULL;
  RdsQueryResult *result;
  GListStore *list;
  GTreeNode *node;
  gboolean more = FALSE;
  int limit;

  ensure_rds_key (self, region);
  if (rds_request_get_string (request, "KeyId") != NULL &&
      (key = request_key (self, region, request, "KeyId", TRUE, error)) == NULL)
    return NULL;
  if (!page_args (request, 100, 1000, &limit, &after, error))
    return NULL;

  result = rds_query_result_new (rds_api_lookup_action (&rds_api_kms, "ListAliases"));
  result->item = g_object_new (RDS_TYPE_ALIAS_LIST, NULL);
  list = rds_shape_ensure_list (result->item, "aliases");
  node = after != NULL ? g_tree_upper_bound (aliases_of (region), after) : g_tree_node_first (aliases_of (region));
  for (; node != NULL; node = g_tree_node_next (node))
    {
      RdsSimAlias *alias = g_tree_node_value (node);
      g_autoptr(RdsShape) entry = NULL;

      if (key != NULL &&
          g_strcmp0 (rds_shape_get_string (RDS_SHAPE (alias->model), "target-key-id"), key_id (key)) != 0)
        continue;
      if ((int) g_list_model_get_n_items (G_LIST_MODEL (list)) == limit)
        {
          more = TRUE;
          break;
        }
      entry = rds_shape_copy (RDS_SHAPE (alias->model));
      g_list_store_append (list, entry);
      last = g_tree_node_key (node);
    }
  set_page_end (result->item, last, more);
  return result;
}

/* EnableKey, DisableKey */

static void
set_key_state (RdsSimEngine *self,
               RdsSimKey    *key,
               const char   *state)
{
  gboolean was_usable = key_is_usable (key);

  rds_shape_set_string (key_shape (key), "key-state", state);
  rds_shape_set_boolean (key_shape (key), "enabled", g_str_equal (state, "Enabled"));
  if (!g_str_equal (state, "PendingDeletion"))
    rds_shape_set_timestamp (key_shape (key), "deletion-date", 0);
  if (was_usable != key_is_usable (key))
    watch_soon (self, key, rds_sim_engine_get_now (self));
  _rds_sim_resource_changed (self, &key->resource);
}

/* The customer's key a request names for @action on it. */
static RdsSimKey *
customer_key (RdsSimEngine  *self,
              RdsSimRegion  *region,
              RdsRequest    *request,
              const char    *action,
              GError       **error)
{
  RdsSimKey *key;

  ensure_rds_key (self, region);
  key = request_key (self, region, request, "KeyId", TRUE, error);
  if (key != NULL && key_is_aws_managed (key))
    return aws_managed (self, error, key, action), NULL;
  return key;
}

static RdsQueryResult *
action_enable_key (RdsSimEngine  *self,
                   RdsSimRegion  *region,
                   RdsRequest    *request,
                   GError       **error)
{
  RdsSimKey *key = customer_key (self, region, request, "EnableKey", error);

  if (key == NULL)
    return NULL;
  if (key_is_pending_deletion (key))
    return pending_deletion (error, key), NULL;
  if (!key_is_usable (key))
    set_key_state (self, key, "Enabled");
  return none_result ("EnableKey");
}

static RdsQueryResult *
action_disable_key (RdsSimEngine  *self,
                    RdsSimRegion  *region,
                    RdsRequest    *request,
                    GError       **error)
{
  RdsSimKey *key = customer_key (self, region, request, "DisableKey", error);

  if (key == NULL)
    return NULL;
  if (key_is_pending_deletion (key))
    return pending_deletion (error, key), NULL;
  if (key_is_usable (key))
    set_key_state (self, key, "Disabled");
  return none_result ("DisableKey");
}

/* ScheduleKeyDeletion, CancelKeyDeletion */

static RdsQueryResult *
deletion_result (const char *action,
                 RdsSimKey  *key,
                 gboolean    scheduled)
{
  RdsQueryResult *result = rds_query_result_new (rds_api_lookup_action (&rds_api_kms, action));

  result->item = g_object_new (RDS_TYPE_KEY_DELETION, "key-id", key_arn (key), NULL);
  if (scheduled)
    {
      rds_shape_set_string (result->item, "key-state", key_state (key));
      rds_shape_set_timestamp (result->item, "deletion-date",
                               rds_shape_get_timestamp (key_shape (key), "deletion-date"));
    }
  return result;
}

static RdsQueryResult *
action_schedule_key_deletion (RdsSimEngine  *self,
                              RdsSimRegion  *region,
                              RdsRequest    *request,
                              GError       **error)
{
  RdsSimKey *key = customer_key (self, region, request, "ScheduleKeyDeletion", error);
  gint64 now = rds_sim_engine_get_now (self);
  RdsQueryResult *result;
  int days = 30;

  if (key == NULL || !get_int (request, "PendingWindowInDays", 7, 30, &days, error))
    return NULL;
  if (key_is_pending_deletion (key))
    return pending_deletion (error, key), NULL;

  set_key_state (self, key, "PendingDeletion");
  rds_shape_set_timestamp (key_shape (key), "deletion-date", now + days * USEC (DAY));
  _rds_sim_engine_schedule (self, &key->resource, TIMER_DELETE, now + days * USEC (DAY));

  result = deletion_result ("ScheduleKeyDeletion", key, TRUE);
  rds_shape_set_int (result->item, "pending-window-in-days", days);
  return result;
}

static RdsQueryResult *
action_cancel_key_deletion (RdsSimEngine  *self,
                            RdsSimRegion  *region,
                            RdsRequest    *request,
                            GError       **error)
{
  RdsSimKey *key = customer_key (self, region, request, "CancelKeyDeletion", error);

  if (key == NULL)
    return NULL;
  if (!key_is_pending_deletion (key))
    return _rds_sim_fail (error, RDS_AWS_ERROR_KMS_INVALID_STATE, "%s is not pending deletion.",
                          key_arn (key)), NULL;

  _rds_sim_engine_schedule (self, &key->resource, TIMER_DELETE, 0);
  set_key_state (self, key, "Disabled");
  return deletion_result ("CancelKeyDeletion", key, FALSE);
}

/* TagResource, UntagResource, ListResourceTags */

static RdsQueryResult *
action_tag_resource (RdsSimEngine  *self,
                     RdsSimRegion  *region,
                     RdsRequest    *request,
                     GError       **error)
{
  RdsSimKey *key = customer_key (self, region, request, "TagResource", error);
  g_autoptr(GPtrArray) tags = NULL;

  if (key == NULL)
    return NULL;
  if (key_is_pending_deletion (key))
    return pending_deletion (error, key), NULL;
  tags = read_tags (request, error);
  if (tags == NULL)
    return NULL;
  if (tags->len == 0)
    return _rds_sim_fail (error, RDS_AWS_ERROR_VALIDATION, "1 validation error detected: Value null at "
                          "'tags' failed to satisfy constraint: Member must not be null"), NULL;
  if (!merge_tags (key, tags, error))
    return NULL;
  _rds_sim_resource_changed (self, &key->resource);
  return none_result ("TagResource");
}

static RdsQueryResult *
action_untag_resource (RdsSimEngine  *self,
                       RdsSimRegion  *region,
                       RdsRequest    *request,
                       GError       **error)
{
  RdsSimKey *key = customer_key (self, region, request, "UntagResource", error);
  g_auto(GStrv) tag_keys = NULL;

  if (key == NULL)
    return NULL;
  if (key_is_pending_deletion (key))
    return pending_deletion (error, key), NULL;
  tag_keys = rds_request_get_list (request, "TagKeys", "member");
  if (tag_keys == NULL || tag_keys[0] == NULL)
    return _rds_sim_fail (error, RDS_AWS_ERROR_VALIDATION, "1 validation error detected: Value null at "
                          "'tagKeys' failed to satisfy constraint: Member must not be null"), NULL;

  for (guint i = 0; tag_keys[i] != NULL; i++)
    {
      guint position = find_tag (key->tags, tag_keys[i]);

      if (position != G_MAXUINT)
        g_ptr_array_remove_index (key->tags, position);
    }
  _rds_sim_resource_changed (self, &key->resource);
  return none_result ("UntagResource");
}

static RdsQueryResult *
action_list_resource_tags (RdsSimEngine  *self,
                           RdsSimRegion  *region,
                           RdsRequest    *request,
                           GError       **error)
{
  g_autofree char *after = NULL;
  RdsQueryResult *result;
  GListStore *list;
  guint64 offset = 0;
  RdsSimKey *key;
  int limit;

  ensure_rds_key (self, region);
  if ((key = request_key (self, region, request, "KeyId", TRUE, error)) == NULL ||
      !page_args (request, 50, 50, &limit, &after, error))
    return NULL;
  if (after != NULL && (!g_ascii_string_to_unsigned (after, 10, 1, key->tags->len, &offset, NULL)))
    return _rds_sim_fail (error, RDS_AWS_ERROR_INVALID_MARKER, "Invalid marker: %s. Pass the NextMarker of "
                          "the previous answer unchanged.", rds_request_get_string (request, "Marker")), NULL;

  result = rds_query_result_new (rds_api_lookup_action (&rds_api_kms, "ListResourceTags"));
  result->item = g_object_new (RDS_TYPE_KMS_TAG_LIST, NULL);
  list = rds_shape_ensure_list (result->item, "tags");
  for (guint64 i = offset; i < key->tags->len && i < offset + (guint64) limit; i++)
    {
      g_autoptr(RdsShape) tag = rds_shape_copy (g_ptr_array_index (key->tags, i));

      g_list_store_append (list, tag);
    }
  if (offset + (guint64) limit < key->tags->len)
    {
      g_autofree char *next = g_strdup_printf ("%" G_GUINT64_FORMAT, offset + (guint64) limit);

      set_page_end (result->item, next, TRUE);
    }
  else
    set_page_end (result->item, NULL, FALSE);
  return result;
}

/* RDS's use of keys */

/**
 * _rds_sim_kms_resolve_for_rds:
 * @text: a KmsKeyId as RDS takes it: a key ID, key ARN, alias name or
 *   alias ARN
 *
 * Finds the key RDS is to encrypt with, making the Region's AWS managed
 * key on first use.
 *
 * Returns: (transfer full) (nullable): the key's ARN, or %NULL with
 *   KMSKeyNotAccessibleFault when there is no such key in @region or it
 *   is disabled or pending deletion
 */
char *
_rds_sim_kms_resolve_for_rds (RdsSimEngine  *self,
                              RdsSimRegion  *region,
                              const char    *text,
                              GError       **error)
{
  g_autofree char *rds_alias_arn = alias_arn (self, region, RDS_KEY_ALIAS);
  const char *default_id = strrchr (region->default_kms_key, '/') + 1;
  g_auto(GStrv) parts = NULL;
  RdsSimKey *key;

  if (g_str_has_prefix (text, "arn:aws:kms:"))
    {
      parts = g_strsplit (text, ":", 6);
      if (g_strv_length (parts) == 6 && !g_str_equal (parts[3], region->info->name))
        return _rds_sim_fail (error, RDS_AWS_ERROR_KMS_KEY_NOT_ACCESSIBLE, "The specified KMS key [%s] does "
                              "not exist, is not enabled or you do not have permissions to access it. It is "
                              "a key of %s: a DB instance in %s needs a key of its own Region.",
                              text, parts[3], region->info->name), NULL;
    }

  /* RDS's own key is made the first time RDS uses it. */
  if (g_str_equal (text, RDS_KEY_ALIAS) || g_str_equal (text, rds_alias_arn) ||
      g_str_equal (text, region->default_kms_key) || g_ascii_strcasecmp (text, default_id) == 0)
    ensure_rds_key (self, region);

  key = lookup_key (self, region, text, TRUE, NULL);
  if (key == NULL)
    return _rds_sim_fail (error, RDS_AWS_ERROR_KMS_KEY_NOT_ACCESSIBLE, "The specified KMS key [%s] does not "
                          "exist, is not enabled or you do not have permissions to access it. Use "
                          "alias/aws/rds, or the key ID, key ARN, alias name or alias ARN of a key of %s.",
                          text, region->info->name), NULL;
  if (key_is_pending_deletion (key))
    return _rds_sim_fail (error, RDS_AWS_ERROR_KMS_KEY_NOT_ACCESSIBLE, "The specified KMS key [%s] is "
                          "pending deletion, so RDS can't use it. Cancel its deletion and enable it, or "
                          "choose another key.", text), NULL;
  if (!key_is_usable (key))
    return _rds_sim_fail (error, RDS_AWS_ERROR_KMS_KEY_NOT_ACCESSIBLE, "The specified KMS key [%s] is "
                          "disabled, so RDS can't use it. Enable it, or choose another key.", text), NULL;
  return g_strdup (key_arn (key));
}

/* The kinds */

static void
key_free (RdsSimResource *resource)
{
  RdsSimKey *key = (RdsSimKey *) resource;

  g_clear_object (&key->model);
  g_clear_pointer (&key->tags, g_ptr_array_unref);
  g_clear_pointer (&key->watched, g_tree_unref);
  g_free (key);
}

static gboolean
save_watched_cb (gpointer id,
                 gpointer since,
                 gpointer data)
{
  json_object_set_int_member (data, id, *(gint64 *) since);
  return FALSE;
}

/* Saved: {"due": {"delete": …, "watch": …}, "tags": [Tag…], "watched": {"db1": since}} */
static void
key_save (RdsSimResource *resource,
          JsonObject     *sim)
{
  RdsSimKey *key = (RdsSimKey *) resource;
  JsonObject *due = json_object_new ();
  JsonArray *tags = json_array_sized_new (key->tags->len);
  JsonObject *watched = json_object_new ();

  if (key->due[TIMER_DELETE] != 0)
    json_object_set_int_member (due, "delete", key->due[TIMER_DELETE]);
  if (key->due[TIMER_WATCH] != 0)
    json_object_set_int_member (due, "watch", key->due[TIMER_WATCH]);
  json_object_set_object_member (sim, "due", due);
  for (guint i = 0; i < key->tags->len; i++)
    json_array_add_element (tags, rds_shape_to_json (g_ptr_array_index (key->tags, i)));
  json_object_set_array_member (sim, "tags", tags);
  g_tree_foreach (key->watched, save_watched_cb, watched);
  json_object_set_object_member (sim, "watched", watched);
}

static RdsSimResource *
key_load (RdsSimRegion  *region,
          RdsShape      *model,
          JsonObject    *sim,
          GError       **error)
{
  RdsSimKey *key = key_new (region, RDS_KEY_METADATA (model));
  JsonNode *due = json_object_get_member (sim, "due");
  JsonNode *tags = json_object_get_member (sim, "tags");
  JsonNode *watched = json_object_get_member (sim, "watched");
  JsonArray *tag_list = tags != NULL && JSON_NODE_HOLDS_ARRAY (tags) ? json_node_get_array (tags) : NULL;

  if (due != NULL && JSON_NODE_HOLDS_OBJECT (due))
    {
      key->due[TIMER_DELETE] = json_object_get_int_member_with_default (json_node_get_object (due), "delete", 0);
      key->due[TIMER_WATCH] = json_object_get_int_member_with_default (json_node_get_object (due), "watch", 0);
    }
  for (guint i = 0; tag_list != NULL && i < json_array_get_length (tag_list); i++)
    {
      RdsShape *tag = rds_shape_new_from_json (RDS_TYPE_KMS_TAG, json_array_get_element (tag_list, i), error);

      if (tag == NULL)
        {
          key_free (&key->resource);
          return NULL;
        }
      g_ptr_array_add (key->tags, tag);
    }
  if (watched != NULL && JSON_NODE_HOLDS_OBJECT (watched))
    {
      JsonObjectIter iter;
      const char *id;
      JsonNode *since;

      json_object_iter_init (&iter, json_node_get_object (watched));
      while (json_object_iter_next (&iter, &id, &since))
        if (JSON_NODE_HOLDS_VALUE (since) && json_node_get_value_type (since) == G_TYPE_INT64)
          g_tree_insert (key->watched, g_strdup (id), since_new (json_node_get_int (since)));
    }
  return &key->resource;
}

static void
alias_free (RdsSimResource *resource)
{
  RdsSimAlias *alias = (RdsSimAlias *) resource;

  g_clear_object (&alias->model);
  g_free (alias);
}

static void
alias_save (RdsSimResource *resource,
            JsonObject     *sim)
{
}

static RdsSimResource *
alias_load (RdsSimRegion  *region,
            RdsShape      *model,
            JsonObject    *sim,
            GError       **error)
{
  RdsSimAlias *alias = g_new0 (RdsSimAlias, 1);

  alias->kind = &_rds_sim_kind_kms_alias;
  alias->region = region;
  alias->model = RDS_ALIAS_LIST_ENTRY (model);
  return &alias->resource;
}

static void
alias_fire (RdsSimEngine   *self,
            RdsSimResource *resource,
            guint           timer,
            gint64          now)
{
}

static const RdsSimAction key_actions[] = {
  { "CreateKey", action_create_key, "kms" },
  { "DescribeKey", action_describe_key, "kms" },
  { "ListKeys", action_list_keys, "kms" },
  { "EnableKey", action_enable_key, "kms" },
  { "DisableKey", action_disable_key, "kms" },
  { "ScheduleKeyDeletion", action_schedule_key_deletion, "kms" },
  { "CancelKeyDeletion", action_cancel_key_deletion, "kms" },
  { "TagResource", action_tag_resource, "kms" },
  { "UntagResource", action_untag_resource, "kms" },
  { "ListResourceTags", action_list_resource_tags, "kms" },
  { NULL }
};

static const RdsSimAction alias_actions[] = {
  { "CreateAlias", action_create_alias, "kms" },
  { "DeleteAlias", action_delete_alias, "kms" },
  { "UpdateAlias", action_update_alias, "kms" },
  { "ListAliases", action_list_aliases, "kms" },
  { NULL }
};

RdsSimKind _rds_sim_kind_kms_key = {
  .name = "kms-key",
  .arn_type = "key",
  .model_type = rds_key_metadata_get_type,
  .id_property = "key-id",
  .not_found = RDS_AWS_ERROR_NOT_FOUND,
  .not_found_message = "Key '%s' does not exist",
  /* After the instances' timers of the same time: it sees their state. */
  .timer_order = 2,
  .actions = key_actions,
  .save = key_save,
  .load = key_load,
  .fire = key_fire,
  .free = key_free,
};

RdsSimKind _rds_sim_kind_kms_alias = {
  .name = "kms-alias",
  .arn_type = "alias",
  .model_type = rds_alias_list_entry_get_type,
  .id_property = "alias-name",
  .not_found = RDS_AWS_ERROR_NOT_FOUND,
  .not_found_message = "Alias %s is not found.",
  .timer_order = 2,
  .actions = alias_actions,
  .save = alias_save,
  .load = alias_load,
  .fire = alias_fire,
  .free = alias_free,
};
