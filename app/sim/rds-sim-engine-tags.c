/* rds-sim-engine-tags.c: AddTagsToResource, ListTagsForResource, RemoveTagsFromResource
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rds-sim-engine-private.h"

#include <string.h>

#include "rds-rules.h"
#include "rds-tag.h"

#define MAX_TAGS 50

/**
 * _rds_rules_check_tags:
 * @tags: (element-type RdsTag): tags from a request
 *
 * Each tag as rds_rules_tag() says; at most 50 tags.
 */
gboolean
_rds_rules_check_tags (GPtrArray  *tags,
                     GError    **error)
{
  for (guint i = 0; i < tags->len; i++)
    {
      RdsShape *tag = g_ptr_array_index (tags, i);

      if (!rds_rules_check_tag (rds_shape_get_string (tag, "key"), rds_shape_get_string (tag, "value"), error))
        return FALSE;
    }

  if (tags->len > MAX_TAGS)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Cannot add %u tags: a resource can have at most %d.", tags->len, MAX_TAGS);
      return FALSE;
    }

  return TRUE;
}

static guint
find_key (GListModel *list,
          const char *key)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsShape) tag = g_list_model_get_item (list, i);

      if (g_strcmp0 (rds_shape_get_string (tag, "key"), key) == 0)
        return i;
    }

  return G_MAXUINT;
}

static guint
count_after_merge (GListModel *list,
                   GPtrArray  *tags)
{
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

  for (guint i = 0; i < tags->len; i++)
    {
      const char *key = rds_shape_get_string (g_ptr_array_index (tags, i), "key");
      gboolean repeated = FALSE;

      for (guint j = 0; j < i && !repeated; j++)
        repeated = g_strcmp0 (key, rds_shape_get_string (g_ptr_array_index (tags, j), "key")) == 0;
      if (!repeated && (list == NULL || find_key (list, key) == G_MAXUINT))
        n++;
    }

  return n;
}

/* Adds @tags to @list; a key already there gets the new value. */
void
_rds_sim_merge_tags (GListStore *list,
                     GPtrArray  *tags)
{
  for (guint i = 0; tags != NULL && i < tags->len; i++)
    {
      RdsShape *tag = g_ptr_array_index (tags, i);
      g_autoptr(RdsShape) copy = rds_shape_copy (tag);
      guint position = find_key (G_LIST_MODEL (list), rds_shape_get_string (tag, "key"));

      if (position == G_MAXUINT)
        g_list_store_append (list, copy);
      else
        g_list_store_splice (list, position, 1, (gpointer *) &copy, 1);
    }
}

/* Only RDS's own kinds keep tags in a TagList (not KMS keys, not alarms). */
static gboolean
has_tag_list (const RdsSimKind *kind)
{
  RdsShapeClass *klass = g_type_class_ref (kind->model_type ());
  gboolean found = rds_shape_class_find_field (klass, "tag-list") != NULL;

  g_type_class_unref (klass);
  return found;
}

/* Finds the resource an ARN names: arn:aws:rds:<region>:<account>:<type>:<name>. */
static RdsSimResource *
find_resource (RdsSimEngine  *self,
               RdsSimRegion  *region,
               const char    *arn,
               GError       **error)
{
  g_auto(GStrv) parts = g_strsplit (arn, ":", 7);

  if (g_strv_length (parts) != 7 || !g_str_equal (parts[0], "arn") || !g_str_equal (parts[2], "rds") ||
      !g_str_equal (parts[3], region->info->name) ||
      !g_str_equal (parts[4], rds_sim_engine_get_account_id (self)))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "The specified resource name does not match an RDS resource in this region: "
                   "%s. Use an ARN such as arn:aws:rds:%s:%s:db:mydb.", arn,
                   region->info->name, rds_sim_engine_get_account_id (self));
      return NULL;
    }

  for (guint i = 0; i < rds_sim_kind_get_n_kinds (); i++)
    {
      const RdsSimKind *kind = rds_sim_kind_get (i);

      if (g_str_equal (kind->arn_type, parts[5]) && has_tag_list (kind))
        return _rds_sim_region_lookup (region, kind, parts[6], error);
    }

  if (g_str_equal (parts[5], "cluster"))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_CLUSTER_NOT_FOUND,
                   "DBCluster %s not found.", parts[6]);
      return NULL;
    }

  g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
               "Tags on %s resources are not kept by this simulator; DB instances and DB "
               "snapshots can be tagged.", parts[5]);
  return NULL;
}

RdsQueryResult *
_rds_sim_action_add_tags_to_resource (RdsSimEngine  *self,
                                      RdsSimRegion  *region,
                                      RdsRequest    *request,
                                      GError       **error)
{
  g_autoptr(GPtrArray) tags = NULL;
  RdsSimResource *resource;
  const char *arn;

  if ((arn = rds_request_require_string (request, "ResourceName", error)) == NULL ||
      (resource = find_resource (self, region, arn, error)) == NULL)
    return NULL;

  tags = rds_request_get_tags (request, "Tags", error);
  if (tags == NULL || !_rds_rules_check_tags (tags, error))
    return NULL;
  if (tags->len == 0)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_MISSING_PARAMETER,
                           "The request must contain the parameter Tags.");
      return NULL;
    }
  if (count_after_merge (rds_shape_get_list (resource->shape, "tag-list"), tags) > MAX_TAGS)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Cannot add these tags: %s would have more than %d tags.", _rds_sim_resource_get_id (resource), MAX_TAGS);
      return NULL;
    }

  _rds_sim_merge_tags (rds_shape_ensure_list (resource->shape, "tag-list"), tags);
  _rds_sim_resource_changed (self, resource);

  return rds_query_result_new (rds_action_lookup ("AddTagsToResource"));
}

RdsQueryResult *
_rds_sim_action_list_tags_for_resource (RdsSimEngine  *self,
                                        RdsSimRegion  *region,
                                        RdsRequest    *request,
                                        GError       **error)
{
  g_autoptr(RdsQueryResult) result = NULL;
  GListModel *list;
  RdsSimResource *resource;
  const char *arn;

  if ((arn = rds_request_require_string (request, "ResourceName", error)) == NULL ||
      (resource = find_resource (self, region, arn, error)) == NULL)
    return NULL;

  result = rds_query_result_new (rds_action_lookup ("ListTagsForResource"));
  list = rds_shape_get_list (resource->shape, "tag-list");
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (result->items, g_list_model_get_item (list, i));

  return g_steal_pointer (&result);
}

RdsQueryResult *
_rds_sim_action_remove_tags_from_resource (RdsSimEngine  *self,
                                           RdsSimRegion  *region,
                                           RdsRequest    *request,
                                           GError       **error)
{
  g_auto(GStrv) keys = NULL;
  GListModel *list;
  RdsSimResource *resource;
  const char *arn;

  if ((arn = rds_request_require_string (request, "ResourceName", error)) == NULL ||
      (resource = find_resource (self, region, arn, error)) == NULL)
    return NULL;

  keys = rds_request_get_list (request, "TagKeys", "member");
  if (keys == NULL || keys[0] == NULL)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_MISSING_PARAMETER,
                           "The request must contain the parameter TagKeys.");
      return NULL;
    }

  list = rds_shape_get_list (resource->shape, "tag-list");
  for (guint i = 0; list != NULL && keys[i] != NULL; i++)
    {
      guint position = find_key (list, keys[i]);

      if (position != G_MAXUINT)
        g_list_store_remove (G_LIST_STORE (list), position);
    }
  _rds_sim_resource_changed (self, resource);

  return rds_query_result_new (rds_action_lookup ("RemoveTagsFromResource"));
}
