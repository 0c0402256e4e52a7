/* rds-sim-engine.c: the simulated RDS control plane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pure state machine on a virtual clock. Requests run against the state of
 * their Region; every change that takes time is a timer in one ordered
 * sequence, and before each request (or when the clock is advanced) the due
 * timers fire in order, each at its own simulated time, so a test that
 * advances the clock by an hour sees exactly what an hour of waiting would
 * show. Everything random is drawn from one seeded generator at request
 * time, never when a timer fires, so the state after a restart, which
 * replays no requests, goes on exactly as it would have.
 *
 * The engine also keeps track of what changed since the last time the store
 * asked (rds_sim_engine_take_changes()), which is what the store journals
 * before a request is acknowledged.
 */

#include "config.h"

#include "rds-sim-engine-private.h"

#include <string.h>

#include "rds-availability-zone.h"
#include "rds-db-security-group.h"
#include "rds-subnet.h"

G_DEFINE_FINAL_TYPE (RdsSimEngine, rds_sim_engine, G_TYPE_OBJECT)

#define STATE_FORMAT "rds-simulator-state"
#define STATE_VERSION 1

static const struct
{
  const char *name;
  gint64      default_value;
} quota_info[RDS_SIM_N_QUOTAS] = {
  [RDS_SIM_QUOTA_INSTANCES] = { "DBInstances", 40 },
  [RDS_SIM_QUOTA_STORAGE_GIB] = { "AllocatedStorage", 100000 },
  [RDS_SIM_QUOTA_MANUAL_SNAPSHOTS] = { "ManualSnapshots", 100 },
  [RDS_SIM_QUOTA_CLUSTERS] = { "DBClusters", 40 },
  [RDS_SIM_QUOTA_MANUAL_CLUSTER_SNAPSHOTS] = { "ManualClusterSnapshots", 100 },
};

/* The actions of no one kind; each kind lists its own. */
static const RdsSimAction actions[] = {
  { "DescribeEvents", _rds_sim_action_describe_events },
  { "DescribeDBEngineVersions", _rds_sim_action_describe_db_engine_versions },
  { "DescribeOrderableDBInstanceOptions", _rds_sim_action_describe_orderable_options },
  { "DescribeDBSubnetGroups", _rds_sim_action_describe_db_subnet_groups },
  { "DescribeDBParameterGroups", _rds_sim_action_describe_db_parameter_groups },
  { "DescribeDBSecurityGroups", _rds_sim_action_describe_db_security_groups },
  { "DescribeAccountAttributes", _rds_sim_action_describe_account_attributes },
  { "AddTagsToResource", _rds_sim_action_add_tags_to_resource },
  { "ListTagsForResource", _rds_sim_action_list_tags_for_resource },
  { "RemoveTagsFromResource", _rds_sim_action_remove_tags_from_resource },
  { "GetMetricStatistics", _rds_sim_action_get_metric_statistics, "monitoring" },
  { "GetMetricData", _rds_sim_action_get_metric_data, "monitoring" },
  { "ListMetrics", _rds_sim_action_list_metrics, "monitoring" },
  { NULL }
};

/* Tables of actions of no kind, registered before any engine: a service
 * whose answers are computed rather than stored (CloudWatch's metrics). */
static GPtrArray *registered_actions;

/**
 * rds_sim_engine_register_actions:
 * @table: actions, ending with { NULL }, to keep for the program's life
 *
 * Adds actions of no kind, before any engine is made.
 */
void
rds_sim_engine_register_actions (const RdsSimAction *table)
{
  g_return_if_fail (table != NULL);

  if (registered_actions == NULL)
    registered_actions = g_ptr_array_new ();
  g_ptr_array_add (registered_actions, (gpointer) table);
}

/* Every table: the kinds', the engine's own, the registered ones. */
static guint
n_tables (void)
{
  return rds_sim_kind_get_n_kinds () + 1 + (registered_actions != NULL ? registered_actions->len : 0);
}

static const RdsSimAction *
table (guint i)
{
  guint n_kinds = rds_sim_kind_get_n_kinds ();

  if (i < n_kinds)
    return rds_sim_kind_get (i)->actions;
  if (i == n_kinds)
    return actions;
  return g_ptr_array_index (registered_actions, i - n_kinds - 1);
}

static const char *
service_of (const RdsSimAction *action)
{
  return action->service != NULL ? action->service : rds_api_rds.service;
}

static RdsSimActionFunc
find_action (const char *service,
             const char *name)
{
  for (guint t = 0; t < n_tables (); t++)
    for (const RdsSimAction *a = table (t); a != NULL && a->name != NULL; a++)
      if (g_str_equal (a->name, name) && g_str_equal (service_of (a), service))
        return a->func;

  return NULL;
}

/**
 * rds_sim_engine_list_actions:
 *
 * Returns: (transfer full): "service:Action" for every action the
 *   simulator answers: its kinds', its own and those registered
 */
char **
rds_sim_engine_list_actions (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint t = 0; t < n_tables (); t++)
    for (const RdsSimAction *a = table (t); a != NULL && a->name != NULL; a++)
      {
        g_autofree char *name = g_strconcat (service_of (a), ":", a->name, NULL);

        g_strv_builder_add (builder, name);
      }

  return g_strv_builder_end (builder);
}

/**
 * rds_sim_engine_has_action:
 * @service: a SigV4 service name: "rds"
 *
 * Returns: whether the simulator answers @service's action @name
 */
gboolean
rds_sim_engine_has_action (const char *service,
                           const char *name)
{
  g_return_val_if_fail (service != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return find_action (service, name) != NULL;
}


/* Regions */

static char *
hex_id (guint64     seed,
        const char *salt,
        guint       length)
{
  g_autofree char *a = g_strdup_printf ("%016" G_GINT64_MODIFIER "x", rds_sim_hash (seed, salt));
  g_autofree char *salt2 = g_strconcat (salt, "/2", NULL);
  g_autofree char *b = g_strdup_printf ("%016" G_GINT64_MODIFIER "x", rds_sim_hash (seed, salt2));
  g_autofree char *both = g_strconcat (a, b, NULL);

  return g_strndup (both, length);
}

static char *
prefixed_hex_id (guint64     seed,
                 const char *salt_prefix,
                 const char *name,
                 const char *prefix,
                 guint       length)
{
  g_autofree char *salt = g_strconcat (salt_prefix, name, NULL);
  g_autofree char *hex = hex_id (seed, salt, length);

  return g_strconcat (prefix, hex, NULL);
}

/* Resources */

const char *
_rds_sim_resource_get_id (RdsSimResource *resource)
{
  return rds_shape_get_string (resource->shape, resource->kind->id_property);
}

static void timer_remove (RdsSimEngine *self,
                          RdsSimTimer  *timer);

static void
resource_free (gpointer data)
{
  RdsSimResource *resource = data;

  for (guint i = 0; i < RDS_SIM_MAX_TIMERS; i++)
    if (resource->timers[i] != NULL)
      timer_remove (resource->region->engine, resource->timers[i]);
  if (resource->kind->removed != NULL)
    resource->kind->removed (resource);
  resource->kind->free (resource);
}

/**
 * _rds_sim_region_add:
 *
 * Puts a new resource in its Region, replacing one of its kind with the
 * same identifier.
 */
void
_rds_sim_region_add (RdsSimRegion   *region,
                     RdsSimResource *resource)
{
  char *key = g_strdup (_rds_sim_resource_get_id (resource));

  g_tree_replace (_rds_sim_region_resources (region, resource->kind), key, resource);
  resource->id = key;
  if (resource->kind->added != NULL)
    resource->kind->added (resource);
}

/* A resource is gone: its deletion is journaled, and it leaves its Region,
 * freed. */
void
_rds_sim_resource_remove (RdsSimEngine   *self,
                          RdsSimResource *resource)
{
  g_autofree char *id = g_strdup (_rds_sim_resource_get_id (resource));

  _rds_sim_engine_mark_dirty (self, resource->kind, resource->region, id);
  g_tree_remove (_rds_sim_region_resources (resource->region, resource->kind), id);
}

/**
 * _rds_sim_resource_rekey:
 * @new_id: the resource's new identifier, free in its Region
 *
 * Renames a resource: it is saved under @new_id and its old record goes,
 * its timers kept.
 */
void
_rds_sim_resource_rekey (RdsSimEngine   *self,
                         RdsSimResource *resource,
                         const char     *new_id)
{
  GTree *tree = _rds_sim_region_resources (resource->region, resource->kind);
  gint64 due[RDS_SIM_MAX_TIMERS];
  gpointer old_key = NULL;

  /* Timers order themselves by the identifier: set again after. */
  for (guint i = 0; i < RDS_SIM_MAX_TIMERS; i++)
    {
      due[i] = resource->due[i];
      _rds_sim_engine_schedule (self, resource, i, 0);
    }

  _rds_sim_engine_mark_dirty (self, resource->kind, resource->region, resource->id);
  if (g_tree_lookup_extended (tree, resource->id, &old_key, NULL))
    g_tree_steal (tree, resource->id);
  g_free (old_key);

  rds_shape_set_string (resource->shape, resource->kind->id_property, new_id);
  resource->id = g_strdup (new_id);
  g_tree_insert (tree, (gpointer) resource->id, resource);

  for (guint i = 0; i < RDS_SIM_MAX_TIMERS; i++)
    if (due[i] != 0)
      _rds_sim_engine_schedule (self, resource, i, due[i]);
  _rds_sim_resource_changed (self, resource);
}

/**
 * _rds_sim_region_lookup:
 * @identifier: as the request gave it; identifiers are not case-sensitive
 *
 * Returns: (nullable): the resource, or %NULL with the kind's "not
 *   found" error
 */
RdsSimResource *
_rds_sim_region_lookup (RdsSimRegion      *region,
                        const RdsSimKind  *kind,
                        const char        *identifier,
                        GError           **error)
{
  g_autofree char *lower = identifier != NULL ? g_ascii_strdown (identifier, -1) : NULL;
  RdsSimResource *resource = lower != NULL ? g_tree_lookup (_rds_sim_region_resources (region, kind), lower)
                                           : NULL;

  if (resource == NULL)
    {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_set_error (error, RDS_AWS_ERROR, kind->not_found, kind->not_found_message,
                   identifier != NULL ? identifier : "");
#pragma GCC diagnostic pop
    }

  return resource;
}

static void
region_free (gpointer data)
{
  RdsSimRegion *region = data;

  g_clear_pointer (&region->resources, g_ptr_array_unref);
  g_clear_pointer (&region->events, g_ptr_array_unref);
  g_clear_pointer (&region->parameter_groups, g_ptr_array_unref);
  g_clear_object (&region->default_subnet_group);
  g_free (region->endpoint_label);
  g_free (region->vpc_id);
  g_free (region->security_group_id);
  g_free (region->default_kms_key);
  g_free (region);
}

static int
compare_parameter_groups (gconstpointer a,
                          gconstpointer b)
{
  RdsShape *ga = *(RdsShape * const *) a;
  RdsShape *gb = *(RdsShape * const *) b;

  return strcmp (rds_shape_get_string (ga, "db-parameter-group-name"),
                 rds_shape_get_string (gb, "db-parameter-group-name"));
}

/* Everything a Region has before anyone calls it: its network, its default
 * groups. All of it depends only on the seed and the Region's name. */
static RdsSimRegion *
region_new (RdsSimEngine    *self,
            const RdsRegion *info)
{
  RdsSimRegion *region = g_new0 (RdsSimRegion, 1);
  g_autofree char *salt = NULL;
  g_autofree char *key_uuid = NULL;
  g_autofree char *subnet_group_arn = NULL;
  g_autoptr(GHashTable) families = g_hash_table_new (g_str_hash, g_str_equal);
  const char *network_types[] = { "IPV4", "DUAL", NULL };
  GListStore *subnets;
  const RdsEngineInfo *engines;
  guint n_engines;

  region->engine = self;
  region->info = info;
  region->resources = g_ptr_array_new_with_free_func ((GDestroyNotify) g_tree_unref);
  for (guint i = 0; i < rds_sim_kind_get_n_kinds (); i++)
    g_ptr_array_add (region->resources,
                     g_tree_new_full ((GCompareDataFunc) strcmp, NULL, g_free, resource_free));
  region->events = g_ptr_array_new_with_free_func (g_object_unref);

  region->endpoint_label = prefixed_hex_id (self->seed, "endpoint/", info->name, "c", 11);
  region->vpc_id = prefixed_hex_id (self->seed, "vpc/", info->name, "vpc-", 17);
  region->security_group_id = prefixed_hex_id (self->seed, "sg/", info->name, "sg-", 17);
  salt = g_strconcat ("kms/", info->name, NULL);
  key_uuid = hex_id (self->seed, salt, 32);
  region->default_kms_key = g_strdup_printf ("arn:aws:kms:%s:%s:key/%.8s-%.4s-%.4s-%.4s-%.12s",
                                             info->name, self->account_id, key_uuid,
                                             key_uuid + 8, key_uuid + 12, key_uuid + 16,
                                             key_uuid + 20);
  g_free (salt);
  salt = g_strconcat ("windows/", info->name, NULL);
  region->window_block_start = (int) (rds_sim_hash (self->seed, salt) % 48) * 30;

  /* The default DB subnet group: one subnet in every Availability Zone. */
  subnet_group_arn = _rds_sim_engine_arn (self, region, "subgrp", "default");
  region->default_subnet_group = g_object_new (RDS_TYPE_DB_SUBNET_GROUP,
                                               "db-subnet-group-name", "default",
                                               "db-subnet-group-description", "default",
                                               "vpc-id", region->vpc_id,
                                               "subnet-group-status", "Complete",
                                               "db-subnet-group-arn", subnet_group_arn,
                                               "supported-network-types", network_types,
                                               NULL);
  subnets = rds_shape_ensure_list (RDS_SHAPE (region->default_subnet_group), "subnets");
  for (guint i = 0; i < rds_region_get_n_zones (info); i++)
    {
      g_autofree char *zone_name = rds_region_get_zone (info, i);
      g_autofree char *subnet_salt = g_strconcat ("subnet/", zone_name, NULL);
      g_autofree char *subnet_hex = hex_id (self->seed, subnet_salt, 17);
      g_autofree char *subnet_id = g_strconcat ("subnet-", subnet_hex, NULL);
      g_autoptr(RdsAvailabilityZone) zone = g_object_new (RDS_TYPE_AVAILABILITY_ZONE,
                                                          "name", zone_name, NULL);
      g_autoptr(RdsSubnet) subnet = g_object_new (RDS_TYPE_SUBNET,
                                                  "subnet-identifier", subnet_id,
                                                  "subnet-availability-zone", zone,
                                                  "subnet-status", "Active",
                                                  NULL);
      g_list_store_append (subnets, subnet);
    }

  /* A default parameter group per engine family. */
  region->parameter_groups = g_ptr_array_new_with_free_func (g_object_unref);
  engines = rds_catalog_get_engines (&n_engines);
  for (guint e = 0; e < n_engines; e++)
    for (guint v = 0; v < engines[e].n_versions; v++)
      {
        const char *family = engines[e].versions[v].family;
        g_autofree char *name = NULL;
        g_autofree char *description = NULL;
        g_autofree char *arn = NULL;

        if (g_hash_table_contains (families, family))
          continue;
        g_hash_table_add (families, (gpointer) family);

        name = g_strconcat ("default.", family, NULL);
        description = g_strdup_printf ("Default parameter group for %s", family);
        arn = _rds_sim_engine_arn (self, region, "pg", name);
        g_ptr_array_add (region->parameter_groups,
                         g_object_new (RDS_TYPE_DB_PARAMETER_GROUP,
                                       "db-parameter-group-name", name,
                                       "db-parameter-group-family", family,
                                       "description", description,
                                       "db-parameter-group-arn", arn,
                                       NULL));
      }
  g_ptr_array_sort (region->parameter_groups, compare_parameter_groups);

  return region;
}

/* Every timer forgotten at once, without ordering the heap again: the
 * resources are about to go, and ordering would compare the identifiers
 * of those gone already. */
static void
drop_timers (RdsSimEngine *self)
{
  for (guint i = 0; self->timers != NULL && i < self->timers->len; i++)
    {
      RdsSimTimer *timer = g_ptr_array_index (self->timers, i);

      timer->resource->timers[timer->timer] = NULL;
      timer->resource->due[timer->timer] = 0;
    }
  if (self->timers != NULL)
    g_ptr_array_set_size (self->timers, 0);
}

static void
create_regions (RdsSimEngine *self)
{
  const RdsRegion *all;
  guint n;

  drop_timers (self);
  g_hash_table_remove_all (self->regions);
  all = rds_region_get_all (&n);
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (self->regions, (gpointer) all[i].name, region_new (self, &all[i]));
}

static void
set_seed (RdsSimEngine *self,
          guint64       seed)
{
  g_autofree char *account = NULL;

  self->seed = seed;
  rds_sim_rng_init (&self->rng, seed);
  account = g_strdup_printf ("%012" G_GINT64_MODIFIER "u",
                             rds_sim_hash (seed, "account") % G_GUINT64_CONSTANT (900000000000) +
                             G_GUINT64_CONSTANT (100000000000));
  g_free (self->account_id);
  self->account_id = g_steal_pointer (&account);
}

/* GObject */

static void
rds_sim_engine_finalize (GObject *object)
{
  RdsSimEngine *self = RDS_SIM_ENGINE (object);

  drop_timers (self);
  g_clear_pointer (&self->regions, g_hash_table_unref);
  g_clear_pointer (&self->timers, g_ptr_array_unref);
  g_clear_pointer (&self->dirty, g_hash_table_unref);
  g_clear_pointer (&self->new_events, g_ptr_array_unref);
  g_clear_pointer (&self->new_event_regions, g_ptr_array_unref);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->account_id, g_free);

  G_OBJECT_CLASS (rds_sim_engine_parent_class)->finalize (object);
}

static void
rds_sim_engine_class_init (RdsSimEngineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rds_sim_engine_finalize;
}

static void
rds_sim_engine_init (RdsSimEngine *self)
{
  _rds_sim_kinds_freeze ();
  self->regions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, region_free);
  self->timers = g_ptr_array_new_with_free_func (g_free);
  self->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->new_events = g_ptr_array_new_with_free_func (g_object_unref);
  self->new_event_regions = g_ptr_array_new ();

  for (guint i = 0; i < RDS_SIM_N_QUOTAS; i++)
    self->quotas[i] = quota_info[i].default_value;
}

/**
 * rds_sim_engine_new:
 * @seed: the seed of every random choice
 * @clock: the virtual clock
 *
 * Returns: (transfer full): an engine with empty Regions
 */
RdsSimEngine *
rds_sim_engine_new (guint64      seed,
                    RdsSimClock *clock)
{
  RdsSimEngine *self;

  g_return_val_if_fail (RDS_IS_SIM_CLOCK (clock), NULL);

  self = g_object_new (RDS_TYPE_SIM_ENGINE, NULL);
  self->clock = g_object_ref (clock);
  set_seed (self, seed);
  create_regions (self);

  return self;
}

RdsSimClock *
rds_sim_engine_get_clock (RdsSimEngine *self)
{
  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), NULL);

  return self->clock;
}

guint64
rds_sim_engine_get_seed (RdsSimEngine *self)
{
  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), 0);

  return self->seed;
}

const char *
rds_sim_engine_get_account_id (RdsSimEngine *self)
{
  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), NULL);

  return self->account_id;
}

gint64
rds_sim_engine_get_now (RdsSimEngine *self)
{
  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), 0);

  return rds_sim_clock_get_now (self->clock);
}

const char *
rds_sim_quota_get_name (RdsSimQuota quota)
{
  g_return_val_if_fail (quota < RDS_SIM_N_QUOTAS, NULL);

  return quota_info[quota].name;
}

gint64
rds_sim_engine_get_quota (RdsSimEngine *self,
                          RdsSimQuota   quota)
{
  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), 0);
  g_return_val_if_fail (quota < RDS_SIM_N_QUOTAS, 0);

  return self->quotas[quota];
}

void
rds_sim_engine_set_quota (RdsSimEngine *self,
                          RdsSimQuota   quota,
                          gint64        value)
{
  g_return_if_fail (RDS_IS_SIM_ENGINE (self));
  g_return_if_fail (quota < RDS_SIM_N_QUOTAS);
  g_return_if_fail (value >= 0);

  if (self->quotas[quota] == value)
    return;

  self->quotas[quota] = value;
  self->settings_dirty = TRUE;
}

gboolean
rds_sim_engine_has_region (RdsSimEngine *self,
                           const char   *region)
{
  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), FALSE);

  return region != NULL && g_hash_table_contains (self->regions, region);
}

RdsSimRegion *
_rds_sim_engine_get_region (RdsSimEngine *self,
                            const char   *name)
{
  return g_hash_table_lookup (self->regions, name);
}

char *
_rds_sim_engine_arn (RdsSimEngine *self,
                     RdsSimRegion *region,
                     const char   *type,
                     const char   *id)
{
  return g_strdup_printf ("arn:aws:rds:%s:%s:%s:%s", region->info->name, self->account_id, type, id);
}

gint64
_rds_sim_engine_draw (RdsSimEngine *self,
                      gint64        low,
                      gint64        high)
{
  return rds_sim_rng_range (&self->rng, low, high);
}

/* Timers */

/* Ties are broken by what the timer is for, never by when it was set, so
 * the order is the same after a restart. */
static int
compare_timers (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const RdsSimTimer *ta = a;
  const RdsSimTimer *tb = b;
  int cmp;

  if (ta->due != tb->due)
    return ta->due < tb->due ? -1 : 1;
  if (ta->resource->region != tb->resource->region &&
      (cmp = strcmp (ta->resource->region->info->name, tb->resource->region->info->name)) != 0)
    return cmp;
  if (ta->resource->kind->timer_order != tb->resource->kind->timer_order)
    return ta->resource->kind->timer_order < tb->resource->kind->timer_order ? -1 : 1;
  if (ta->resource->kind != tb->resource->kind)
    return ta->resource->kind->index < tb->resource->kind->index ? -1 : 1;
  if ((cmp = strcmp (ta->id, tb->id)) != 0)
    return cmp;
  return (int) ta->timer - (int) tb->timer;
}

/* The timers are a binary heap in self->timers, each knowing its index. */

static void
heap_swap (RdsSimEngine *self,
           guint         i,
           guint         j)
{
  RdsSimTimer *a = g_ptr_array_index (self->timers, i);
  RdsSimTimer *b = g_ptr_array_index (self->timers, j);

  self->timers->pdata[i] = b;
  self->timers->pdata[j] = a;
  b->index = i;
  a->index = j;
}

static int
heap_compare (RdsSimEngine *self,
              guint         i,
              guint         j)
{
  return compare_timers (g_ptr_array_index (self->timers, i), g_ptr_array_index (self->timers, j), NULL);
}

static void
heap_up (RdsSimEngine *self,
         guint         i)
{
  while (i > 0 && heap_compare (self, i, (i - 1) / 2) < 0)
    {
      heap_swap (self, i, (i - 1) / 2);
      i = (i - 1) / 2;
    }
}

static void
heap_down (RdsSimEngine *self,
           guint         i)
{
  for (;;)
    {
      guint left = 2 * i + 1, right = left + 1, least = i;

      if (left < self->timers->len && heap_compare (self, left, least) < 0)
        least = left;
      if (right < self->timers->len && heap_compare (self, right, least) < 0)
        least = right;
      if (least == i)
        return;
      heap_swap (self, i, least);
      i = least;
    }
}

/* Takes @timer out of the heap and frees it. */
static void
timer_remove (RdsSimEngine *self,
              RdsSimTimer  *timer)
{
  guint i = timer->index, last = self->timers->len - 1;

  g_assert (g_ptr_array_index (self->timers, i) == timer);
  if (i != last)
    {
      heap_swap (self, i, last);
      g_ptr_array_remove_index (self->timers, last);
      heap_down (self, i);
      heap_up (self, i);
    }
  else
    {
      g_ptr_array_remove_index (self->timers, last);
    }
}

/**
 * _rds_sim_engine_schedule:
 * @timer: which of the resource's timers, below its kind's count
 * @due: simulated microseconds, or 0 to cancel
 *
 * Sets (or replaces, or cancels) one of a resource's timers.
 */
void
_rds_sim_engine_schedule (RdsSimEngine   *self,
                          RdsSimResource *resource,
                          guint           timer,
                          gint64          due)
{
  RdsSimTimer *entry;

  g_assert (timer < RDS_SIM_MAX_TIMERS);

  if (resource->timers[timer] != NULL)
    {
      timer_remove (self, resource->timers[timer]);
      resource->timers[timer] = NULL;
    }

  resource->due[timer] = due;
  if (due == 0)
    return;

  entry = g_new0 (RdsSimTimer, 1);
  entry->due = due;
  entry->timer = timer;
  entry->resource = resource;
  entry->id = resource->id != NULL ? resource->id : _rds_sim_resource_get_id (resource);
  resource->timers[timer] = entry;
  entry->index = self->timers->len;
  g_ptr_array_add (self->timers, entry);
  heap_up (self, entry->index);
}

gint64
rds_sim_engine_get_next_due (RdsSimEngine *self)
{
  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), 0);

  if (self->timers->len == 0)
    return 0;

  return ((RdsSimTimer *) g_ptr_array_index (self->timers, 0))->due;
}

/* Fires every timer due by @until, in order, each at its own time. */
static void
run_timers (RdsSimEngine *self,
            gint64        until)
{
  for (;;)
    {
      RdsSimTimer *timer;
      RdsSimResource *resource;
      guint which;
      gint64 due;

      if (self->timers->len == 0)
        break;
      timer = g_ptr_array_index (self->timers, 0);
      if (timer->due > until)
        break;

      resource = timer->resource;
      which = timer->timer;
      due = timer->due;

      /* The timer is spent before its handler runs, which may set it again. */
      resource->timers[which] = NULL;
      resource->due[which] = 0;
      timer_remove (self, timer);

      resource->kind->fire (self, resource, which, due);
    }
}

/**
 * rds_sim_engine_catch_up:
 *
 * Brings the state up to the clock's time.
 */
void
rds_sim_engine_catch_up (RdsSimEngine *self)
{
  g_return_if_fail (RDS_IS_SIM_ENGINE (self));

  run_timers (self, rds_sim_clock_get_now (self->clock));
}

/**
 * rds_sim_engine_advance:
 * @seconds: how far to move the clock
 *
 * Moves the clock forward, firing every timer on the way at its own time.
 */
void
rds_sim_engine_advance (RdsSimEngine *self,
                        gint64        seconds)
{
  gint64 target;

  g_return_if_fail (RDS_IS_SIM_ENGINE (self));
  g_return_if_fail (seconds >= 0);

  rds_sim_engine_catch_up (self);
  target = rds_sim_clock_get_now (self->clock) + USEC (seconds);

  for (;;)
    {
      gint64 next = rds_sim_engine_get_next_due (self);

      if (next == 0 || next > target)
        break;
      rds_sim_clock_set_now (self->clock, next);
      run_timers (self, next);
    }

  rds_sim_clock_set_now (self->clock, target);
  self->settings_dirty = TRUE;
}

/* Events */

#define PRUNE_BATCH 1024

static void
prune_events (RdsSimRegion *region,
              gint64        now)
{
  gint64 horizon = now - USEC ((gint64) RDS_SIM_EVENT_RETENTION_DAYS * 86400);
  guint n = 0, high = region->events->len;

  /* How many are older than the horizon: they are in date order. */
  while (n < high)
    {
      guint middle = n + (high - n) / 2;

      if (rds_event_get_date (g_ptr_array_index (region->events, middle)) < horizon)
        n = middle + 1;
      else
        high = middle;
    }

  /* In batches: moving every event to drop the oldest one costs more than
   * the events themselves. DescribeEvents shows none older than 14 days
   * anyway; the batch is a fixed size so that a state loaded back prunes
   * as its original did. */
  if (n >= PRUNE_BATCH)
    {
      g_ptr_array_remove_range (region->events, 0, n);
      region->events_base += n;
    }
}

static void
append_event (RdsSimRegion *region,
              RdsEvent     *event)
{
  prune_events (region, rds_event_get_date (event));
  g_ptr_array_add (region->events, g_object_ref (event));
}

/**
 * _rds_sim_engine_emit:
 * @category: (nullable): the one event category, or %NULL
 *
 * Records an event at @date, which is never before the last one.
 */
void
_rds_sim_engine_emit (RdsSimEngine *self,
                      RdsSimRegion *region,
                      const char   *source_type,
                      const char   *source_id,
                      const char   *message,
                      const char   *category,
                      gint64        date)
{
  const char *categories[] = { category, NULL };
  const RdsSimKind *kind = rds_sim_kind_lookup (source_type);
  g_autofree char *arn = NULL;
  /* Parameter groups are not simulated resources (yet), but events name them. */
  const char *arn_type = kind != NULL ? kind->arn_type
                         : g_str_equal (source_type, "db-parameter-group") ? "pg"
                         : NULL;
  g_autoptr(RdsEvent) event = NULL;

  g_return_if_fail (arn_type != NULL);

  arn = _rds_sim_engine_arn (self, region, arn_type, source_id);
  event = rds_event_new (source_id, source_type, arn, message, categories, date);
  append_event (region, event);

  if (!self->in_load)
    {
      g_ptr_array_add (self->new_events, g_object_ref (event));
      g_ptr_array_add (self->new_event_regions, (gpointer) region->info->name);
    }
}

/* Dispatch */

/**
 * rds_sim_engine_call:
 * @region: the Region of the request's credential scope
 * @request: the action and its parameters
 *
 * Runs one Query API action at the clock's current time.
 *
 * Returns: (transfer full) (nullable): what the action answers, or %NULL
 *   with an %RDS_AWS_ERROR; a failed action changes nothing
 */
RdsQueryResult *
rds_sim_engine_call (RdsSimEngine  *self,
                     const char    *region,
                     RdsRequest    *request,
                     GError       **error)
{
  RdsSimRegion *state;
  RdsSimActionFunc func;
  const char *action;

  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), NULL);
  g_return_val_if_fail (RDS_IS_REQUEST (request), NULL);

  state = region != NULL ? _rds_sim_engine_get_region (self, region) : NULL;
  if (state == NULL)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "The Region '%s' is not one this endpoint serves.", region ? region : "");
      return NULL;
    }

  rds_sim_engine_catch_up (self);

  action = rds_request_get_action (request);
  func = find_action (rds_request_get_api (request)->service, action);
  if (func != NULL)
    return func (self, state, request, error);

  g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_ACTION,
               "The action %s is not valid for this web service.", action);
  return NULL;
}

/* Pagination */

gboolean
_rds_sim_engine_page_args (RdsRequest  *request,
                           int          max_limit,
                           int         *max_records,
                           const char **marker,
                           GError     **error)
{
  *max_records = 100;
  if (!rds_request_get_int (request, "MaxRecords", max_records, error))
    return FALSE;

  if (*max_records < 20 || *max_records > max_limit)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid value %d for MaxRecords. Must be between 20 and %d",
                   *max_records, max_limit);
      return FALSE;
    }

  *marker = rds_request_get_string (request, "Marker");
  if (*marker != NULL && **marker == '\0')
    *marker = NULL;

  return TRUE;
}

static void
invalid_marker (const char  *marker,
                GError     **error)
{
  g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
               "The Marker '%s' is not valid: pass the Marker of the previous response unchanged.",
               marker != NULL ? marker : "");
}

char *
_rds_sim_encode_marker (const char *value)
{
  g_autofree char *text = g_strconcat ("rds-sim:", value, NULL);

  return g_base64_encode ((const guchar *) text, strlen (text));
}

char *
_rds_sim_decode_marker (const char  *marker,
                        GError     **error)
{
  gsize length = 0;
  g_autofree guchar *raw = NULL;
  g_autofree char *text = NULL;

  if (marker != NULL && *marker != '\0')
    {
      raw = g_base64_decode (marker, &length);
      text = g_strndup ((const char *) raw, length);
    }

  if (text == NULL || !g_str_has_prefix (text, "rds-sim:") || !g_utf8_validate (text, -1, NULL))
    {
      invalid_marker (marker, error);
      return NULL;
    }

  return g_strdup (text + strlen ("rds-sim:"));
}

/* Pages numbered by position (catalogs) or sequence (events): the marker
 * holds the index of the next row. */
char *
_rds_sim_encode_index_marker (guint64 index)
{
  g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, index);

  return _rds_sim_encode_marker (text);
}

/* A %NULL @marker is the first page, index 0. */
gboolean
_rds_sim_decode_index_marker (const char  *marker,
                              guint64     *index,
                              GError     **error)
{
  g_autofree char *text = NULL;

  *index = 0;
  if (marker == NULL)
    return TRUE;

  text = _rds_sim_decode_marker (marker, error);
  if (text == NULL)
    return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, index, NULL))
    {
      invalid_marker (marker, error);
      return FALSE;
    }
  return TRUE;
}

/* Persistence */

/* Wraps @object in a node, which takes it over. */
static JsonNode *
node_take_object (JsonObject *object)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  json_object_unref (object);
  return node;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
dirty_key (const char *kind,
           const char *region,
           const char *id)
{
  return g_strjoin ("\n", kind, region, id, NULL);
}

/**
 * _rds_sim_engine_mark_dirty:
 *
 * Says that a resource changed, or is gone: the next changes hold it
 * whole, or its deletion.
 */
void
_rds_sim_engine_mark_dirty (RdsSimEngine     *self,
                            const RdsSimKind *kind,
                            RdsSimRegion     *region,
                            const char       *id)
{
  if (self->in_load)
    return;

  g_hash_table_add (self->dirty, dirty_key (kind->name, region->info->name, id));
}

void
_rds_sim_resource_changed (RdsSimEngine   *self,
                           RdsSimResource *resource)
{
  _rds_sim_engine_mark_dirty (self, resource->kind, resource->region, _rds_sim_resource_get_id (resource));
}

/**
 * rds_sim_engine_settings_changed:
 *
 * Says the clock's rate or pause changed, so the next changes carry them.
 */
void
rds_sim_engine_settings_changed (RdsSimEngine *self)
{
  g_return_if_fail (RDS_IS_SIM_ENGINE (self));

  self->settings_dirty = TRUE;
}

/**
 * rds_sim_engine_get_n_changes:
 *
 * Returns: how many resources and events changed since the last
 *   rds_sim_engine_take_changes(), to choose between journaling them and
 *   writing a checkpoint
 */
guint
rds_sim_engine_get_n_changes (RdsSimEngine *self)
{
  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), 0);

  return g_hash_table_size (self->dirty) + self->new_events->len;
}

gboolean
rds_sim_engine_is_dirty (RdsSimEngine *self)
{
  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), FALSE);

  return g_hash_table_size (self->dirty) > 0 || self->new_events->len > 0 || self->settings_dirty;
}

static JsonNode *
clock_to_json (RdsSimEngine *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "time");
  json_builder_add_int_value (builder, rds_sim_clock_get_now (self->clock));
  json_builder_set_member_name (builder, "rate");
  json_builder_add_double_value (builder, rds_sim_clock_get_rate (self->clock));
  json_builder_set_member_name (builder, "paused");
  json_builder_add_boolean_value (builder, rds_sim_clock_get_paused (self->clock));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static JsonNode *
quotas_to_json (RdsSimEngine *self)
{
  JsonObject *object = json_object_new ();

  for (guint i = 0; i < RDS_SIM_N_QUOTAS; i++)
    json_object_set_int_member (object, quota_info[i].name, self->quotas[i]);

  return node_take_object (object);
}

/* {"us-east-1": ["us-east-1a"]}: the zones that are down, by Region. */
static JsonNode *
zones_to_json (RdsSimEngine *self)
{
  JsonObject *object = json_object_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->regions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RdsSimRegion *region = value;
      JsonArray *zones;

      if (region->zones_down == 0)
        continue;
      zones = json_array_new ();
      for (guint i = 0; i < rds_region_get_n_zones (region->info); i++)
        if (region->zones_down & (1u << i))
          {
            g_autofree char *zone = rds_region_get_zone (region->info, i);

            json_array_add_string_element (zones, zone);
          }
      json_object_set_array_member (object, region->info->name, zones);
    }

  return node_take_object (object);
}

static JsonNode *
resource_record (RdsSimResource *resource)
{
  JsonObject *record = json_object_new ();
  JsonObject *sim = json_object_new ();

  json_object_set_string_member (record, "type", resource->kind->name);
  json_object_set_string_member (record, "region", resource->region->info->name);
  json_object_set_member (record, "shape", rds_shape_to_json (resource->shape));
  resource->kind->save (resource, sim);
  json_object_set_object_member (record, "sim", sim);

  return node_take_object (record);
}

static JsonNode *
event_record (const char *region,
              RdsEvent   *event)
{
  JsonObject *record = json_object_new ();

  json_object_set_string_member (record, "type", "event");
  json_object_set_string_member (record, "region", region);
  json_object_set_member (record, "shape", rds_shape_to_json (RDS_SHAPE (event)));

  return node_take_object (record);
}

/**
 * rds_sim_engine_take_changes:
 *
 * Returns: (transfer full) (nullable): every change since the last call
 *   (resources written in full, deletions, new events, the clock, the
 *   generator), or %NULL when nothing changed
 */
JsonNode *
rds_sim_engine_take_changes (RdsSimEngine *self)
{
  g_autoptr(GPtrArray) keys = NULL;
  JsonObject *changes;
  JsonArray *put;
  JsonArray *removed;
  JsonArray *events;
  g_autofree char *rng = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), NULL);

  if (!rds_sim_engine_is_dirty (self))
    return NULL;

  /* Sorted, so equal histories journal equal bytes. */
  keys = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);

  changes = json_object_new ();
  put = json_array_new ();
  removed = json_array_new ();
  events = json_array_new ();

  for (guint i = 0; i < keys->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (keys, i), "\n", 3);
      RdsSimRegion *region = _rds_sim_engine_get_region (self, parts[1]);
      const RdsSimKind *kind = rds_sim_kind_lookup (parts[0]);
      RdsSimResource *resource;

      g_assert (kind != NULL && region != NULL);
      resource = g_tree_lookup (_rds_sim_region_resources (region, kind), parts[2]);
      if (resource != NULL)
        json_array_add_element (put, resource_record (resource));
      else
        {
          JsonObject *gone = json_object_new ();

          json_object_set_string_member (gone, "type", parts[0]);
          json_object_set_string_member (gone, "region", parts[1]);
          json_object_set_string_member (gone, "id", parts[2]);
          json_array_add_object_element (removed, gone);
        }
    }

  for (guint i = 0; i < self->new_events->len; i++)
    {
      RdsEvent *event = g_ptr_array_index (self->new_events, i);

      json_array_add_element (events,
                              event_record (g_ptr_array_index (self->new_event_regions, i), event));
    }

  rng = rds_sim_rng_to_string (&self->rng);
  json_object_set_member (changes, "clock", clock_to_json (self));
  json_object_set_string_member (changes, "rng", rng);
  json_object_set_member (changes, "quotas", quotas_to_json (self));
  json_object_set_member (changes, "zonesDown", zones_to_json (self));
  json_object_set_array_member (changes, "put", put);
  json_object_set_array_member (changes, "delete", removed);
  json_object_set_array_member (changes, "events", events);

  g_hash_table_remove_all (self->dirty);
  g_ptr_array_set_size (self->new_events, 0);
  g_ptr_array_set_size (self->new_event_regions, 0);
  self->settings_dirty = FALSE;

  return node_take_object (changes);
}

/**
 * rds_sim_engine_save_header:
 *
 * Returns: (transfer full): the first line of a state file: the seed, the
 *   account, the clock, the generator and the quotas
 */
JsonNode *
rds_sim_engine_save_header (RdsSimEngine *self)
{
  JsonObject *header;
  g_autofree char *seed = NULL;
  g_autofree char *rng = NULL;

  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), NULL);

  header = json_object_new ();
  seed = g_strdup_printf ("%" G_GUINT64_FORMAT, self->seed);
  rng = rds_sim_rng_to_string (&self->rng);
  json_object_set_string_member (header, "format", STATE_FORMAT);
  json_object_set_int_member (header, "version", STATE_VERSION);
  json_object_set_string_member (header, "seed", seed);
  json_object_set_string_member (header, "accountId", self->account_id);
  json_object_set_member (header, "clock", clock_to_json (self));
  json_object_set_string_member (header, "rng", rng);
  json_object_set_member (header, "quotas", quotas_to_json (self));
  json_object_set_member (header, "zonesDown", zones_to_json (self));

  return node_take_object (header);
}

typedef struct
{
  void   (*func) (JsonNode *record, gpointer user_data);
  gpointer user_data;
} SaveClosure;

static gboolean
save_resource_cb (gpointer key,
                  gpointer value,
                  gpointer data)
{
  SaveClosure *closure = data;
  g_autoptr(JsonNode) record = resource_record (value);

  closure->func (record, closure->user_data);
  return FALSE;
}

/**
 * rds_sim_engine_save_records:
 * @func: called with each record, one resource or event at a time, so a
 *   state file of any size is written without holding it in memory
 *
 * Writing the whole state also clears what rds_sim_engine_take_changes()
 * would have returned.
 */
void
rds_sim_engine_save_records (RdsSimEngine *self,
                             void        (*func) (JsonNode *record,
                                                  gpointer  user_data),
                             gpointer      user_data)
{
  SaveClosure closure = { func, user_data };
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (RDS_IS_SIM_ENGINE (self));

  g_hash_table_iter_init (&iter, self->regions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      RdsSimRegion *region = _rds_sim_engine_get_region (self, g_ptr_array_index (names, i));

      for (guint k = 0; k < region->resources->len; k++)
        g_tree_foreach (g_ptr_array_index (region->resources, k), save_resource_cb, &closure);
      for (guint j = 0; j < region->events->len; j++)
        {
          g_autoptr(JsonNode) record = event_record (region->info->name,
                                                     g_ptr_array_index (region->events, j));
          func (record, user_data);
        }
    }

  g_hash_table_remove_all (self->dirty);
  g_ptr_array_set_size (self->new_events, 0);
  g_ptr_array_set_size (self->new_event_regions, 0);
  self->settings_dirty = FALSE;
}

/* Saving a little at a time
 *
 * A checkpoint of a large state is written in slices between requests, and
 * the state changes meanwhile: each record is saved as it is when its slice
 * runs. That is enough because every change after the checkpoint began is
 * also in the journal, as whole records, and replaying it over the saved
 * records gives the same state. Events are the exception, since replaying
 * appends them: the checkpoint holds the events up to its start only. */

struct _RdsSimEngineCursor
{
  GPtrArray   *regions;     /* names, sorted */
  GArray      *event_ends;  /* guint64 per Region: its events at the start */
  guint        region;
  guint        phase;       /* a kind's index, or past them all: the events */
  char        *after;       /* the last identifier saved in this phase */
  guint64      next_event;  /* absolute, as events_base counts */
};

/**
 * rds_sim_engine_cursor_new:
 *
 * Starts saving the engine's records a slice at a time, with
 * rds_sim_engine_cursor_save().
 */
RdsSimEngineCursor *
rds_sim_engine_cursor_new (RdsSimEngine *self)
{
  RdsSimEngineCursor *cursor = g_new0 (RdsSimEngineCursor, 1);
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), NULL);

  cursor->regions = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, self->regions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (cursor->regions, g_strdup (key));
  g_ptr_array_sort (cursor->regions, compare_strings);

  cursor->event_ends = g_array_new (FALSE, FALSE, sizeof (guint64));
  for (guint i = 0; i < cursor->regions->len; i++)
    {
      RdsSimRegion *region = _rds_sim_engine_get_region (self, g_ptr_array_index (cursor->regions, i));
      guint64 end = region->events_base + region->events->len;

      g_array_append_val (cursor->event_ends, end);
    }

  return cursor;
}

void
rds_sim_engine_cursor_free (RdsSimEngineCursor *cursor)
{
  if (cursor == NULL)
    return;

  g_ptr_array_unref (cursor->regions);
  g_array_unref (cursor->event_ends);
  g_free (cursor->after);
  g_free (cursor);
}

/* The first node after the cursor in @tree, or NULL. */
static GTreeNode *
cursor_next_node (RdsSimEngineCursor *cursor,
                  GTree              *tree)
{
  return cursor->after != NULL ? g_tree_upper_bound (tree, cursor->after) : g_tree_node_first (tree);
}

static gboolean
cursor_in_events (RdsSimEngineCursor *cursor)
{
  return cursor->phase >= rds_sim_kind_get_n_kinds ();
}

static void
cursor_next_phase (RdsSimEngineCursor *cursor)
{
  g_clear_pointer (&cursor->after, g_free);
  if (cursor_in_events (cursor))
    {
      cursor->phase = 0;
      cursor->region++;
    }
  else
    {
      cursor->phase++;
    }
  cursor->next_event = 0;
}

/**
 * rds_sim_engine_cursor_save:
 * @max_records: how many records this slice saves at most
 *
 * Saves the next records through @func. Unlike
 * rds_sim_engine_save_records(), it leaves what
 * rds_sim_engine_take_changes() returns alone: those changes go to the
 * journal as usual.
 *
 * Returns: %TRUE while records remain
 */
gboolean
rds_sim_engine_cursor_save (RdsSimEngine        *self,
                            RdsSimEngineCursor  *cursor,
                            guint                max_records,
                            void               (*func) (JsonNode *record,
                                                        gpointer  user_data),
                            gpointer             user_data)
{
  guint saved = 0;

  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), FALSE);
  g_return_val_if_fail (cursor != NULL, FALSE);

  while (cursor->region < cursor->regions->len && saved < max_records)
    {
      RdsSimRegion *region = _rds_sim_engine_get_region (self, g_ptr_array_index (cursor->regions,
                                                                                 cursor->region));
      GTreeNode *node;

      if (region == NULL)
        {
          cursor->phase = rds_sim_kind_get_n_kinds ();
          cursor_next_phase (cursor);
          continue;
        }

      if (!cursor_in_events (cursor))
        {
          node = cursor_next_node (cursor, g_ptr_array_index (region->resources, cursor->phase));
          if (node == NULL)
            {
              cursor_next_phase (cursor);
              continue;
            }
          {
            g_autoptr(JsonNode) record = resource_record (g_tree_node_value (node));

            func (record, user_data);
          }
          g_free (cursor->after);
          cursor->after = g_strdup (g_tree_node_key (node));
          saved++;
        }
      else
        {
          guint64 end = g_array_index (cursor->event_ends, guint64, cursor->region);

          /* Events pruned since the start are gone on load too. */
          cursor->next_event = MAX (cursor->next_event, region->events_base);
          if (cursor->next_event >= end ||
              cursor->next_event - region->events_base >= region->events->len)
            {
              cursor_next_phase (cursor);
              continue;
            }
          {
            g_autoptr(JsonNode) record =
              event_record (region->info->name,
                            g_ptr_array_index (region->events, cursor->next_event - region->events_base));

            func (record, user_data);
          }
          cursor->next_event++;
          saved++;
        }
    }

  return cursor->region < cursor->regions->len;
}

static gboolean
load_error (GError     **error,
            const char  *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s", what);
  return FALSE;
}

/* A member of the kind asked for, or NULL: a damaged file may lack it
 * or hold something else there. */
static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The settings of a state header or journal entry, read in full before
 * any of them is applied. */
typedef struct
{
  gint64    time;
  double    rate;
  gboolean  paused;
  RdsSimRng rng;
  gint64    quotas[RDS_SIM_N_QUOTAS];
  gboolean  has_quota[RDS_SIM_N_QUOTAS];
  JsonObject *zones_down;   /* the record's; NULL in a file from before faults */
} Settings;

static gboolean
read_settings (JsonObject  *object,
               Settings    *settings,
               GError     **error)
{
  JsonObject *clock = object_member (object, "clock");
  JsonObject *quotas = object_member (object, "quotas");
  const char *rng = json_object_get_string_member_with_default (object, "rng", NULL);

  if (clock == NULL || !json_object_has_member (clock, "time"))
    return load_error (error, "the clock is missing");

  settings->time = json_object_get_int_member (clock, "time");
  settings->rate = json_object_get_double_member_with_default (clock, "rate", 1.0);
  settings->paused = json_object_get_boolean_member_with_default (clock, "paused", FALSE);

  if (rng == NULL || !rds_sim_rng_from_string (&settings->rng, rng))
    return load_error (error, "the random generator state is missing or malformed");

  settings->zones_down = object_member (object, "zonesDown");

  for (guint i = 0; i < RDS_SIM_N_QUOTAS; i++)
    {
      settings->has_quota[i] = quotas != NULL && json_object_has_member (quotas, quota_info[i].name);
      if (settings->has_quota[i])
        settings->quotas[i] = json_object_get_int_member (quotas, quota_info[i].name);
    }

  return TRUE;
}

static void
apply_settings (RdsSimEngine   *self,
                const Settings *settings)
{
  rds_sim_clock_reset (self->clock, settings->time);
  rds_sim_clock_set_rate (self->clock, settings->rate);
  rds_sim_clock_set_paused (self->clock, settings->paused);
  self->rng = settings->rng;
  for (guint i = 0; i < RDS_SIM_N_QUOTAS; i++)
    if (settings->has_quota[i])
      self->quotas[i] = settings->quotas[i];

  if (settings->zones_down != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->regions);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          RdsSimRegion *region = value;
          JsonNode *node = json_object_get_member (settings->zones_down, region->info->name);
          JsonArray *zones = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

          region->zones_down = 0;
          for (guint z = 0; zones != NULL && z < json_array_get_length (zones); z++)
            for (guint i = 0; i < rds_region_get_n_zones (region->info); i++)
              {
                g_autofree char *zone = rds_region_get_zone (region->info, i);

                if (g_strcmp0 (zone, json_array_get_string_element (zones, z)) == 0)
                  region->zones_down |= 1u << i;
              }
        }
    }
}

/**
 * rds_sim_engine_load_header:
 *
 * Starts loading a state file: takes its seed, account, clock, generator
 * and quotas. The Regions are emptied.
 */
gboolean
rds_sim_engine_load_header (RdsSimEngine  *self,
                            JsonNode      *header,
                            GError       **error)
{
  JsonObject *object;
  const char *seed_text;
  guint64 seed;
  Settings settings;

  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (header))
    return load_error (error, "the header is not a JSON object");
  object = json_node_get_object (header);

  if (g_strcmp0 (json_object_get_string_member_with_default (object, "format", NULL),
                 STATE_FORMAT) != 0)
    return load_error (error, "this is not an RDS simulator state file");
  if (json_object_get_int_member_with_default (object, "version", 0) != STATE_VERSION)
    return load_error (error, "the state file has a version this program does not read");

  seed_text = json_object_get_string_member_with_default (object, "seed", NULL);
  if (seed_text == NULL || !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &seed, NULL))
    return load_error (error, "the seed is missing or malformed");

  if (!read_settings (object, &settings, error))
    return FALSE;

  set_seed (self, seed);
  create_regions (self);
  g_assert (self->timers->len == 0);
  apply_settings (self, &settings);

  g_hash_table_remove_all (self->dirty);
  g_ptr_array_set_size (self->new_events, 0);
  g_ptr_array_set_size (self->new_event_regions, 0);
  self->settings_dirty = FALSE;
  return TRUE;
}

static RdsSimRegion *
record_region (RdsSimEngine  *self,
               JsonObject    *record,
               GError       **error)
{
  const char *name = json_object_get_string_member_with_default (record, "region", NULL);
  RdsSimRegion *region = name != NULL ? _rds_sim_engine_get_region (self, name) : NULL;

  if (region == NULL)
    load_error (error, "a record names an unknown Region");

  return region;
}

/* A record read and checked in full, not yet in the engine: a journal
 * entry is applied only once every record in it reads. */
typedef struct
{
  RdsSimRegion   *region;
  RdsSimResource *resource;  /* a resource, not in its Region yet; or */
  RdsShape       *event;     /* an event */
} Record;

static void
record_clear (gpointer data)
{
  Record *record = data;

  if (record->resource != NULL)
    record->resource->kind->free (g_steal_pointer (&record->resource));
  g_clear_object (&record->event);
}

static gboolean
read_record (RdsSimEngine  *self,
             JsonNode      *node,
             Record        *record,
             GError       **error)
{
  g_autoptr(RdsShape) model = NULL;
  const RdsSimKind *kind;
  JsonObject *object;
  JsonObject *sim;
  const char *type;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return load_error (error, "a record is not a JSON object");

  object = json_node_get_object (node);
  record->region = record_region (self, object, error);
  if (record->region == NULL)
    return FALSE;

  type = json_object_get_string_member_with_default (object, "type", "");
  if (!json_object_has_member (object, "shape"))
    return load_error (error, "a record has no shape");

  if (g_str_equal (type, "event"))
    {
      record->event = rds_shape_new_from_json (RDS_TYPE_EVENT, json_object_get_member (object, "shape"), error);
      return record->event != NULL;
    }

  kind = rds_sim_kind_lookup (type);
  if (kind == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "a record is of a kind this simulator does not know (“%s”)", type);
      return FALSE;
    }

  model = rds_shape_new_from_json (kind->model_type (), json_object_get_member (object, "shape"), error);
  if (model == NULL)
    return FALSE;

  sim = object_member (object, "sim");
  if (rds_shape_get_string (model, kind->id_property) == NULL || sim == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "a %s record lacks its identifier or state", kind->name);
      return FALSE;
    }

  record->resource = kind->load (record->region, g_steal_pointer (&model), sim, error);
  return record->resource != NULL;
}

/* Cannot fail: everything was checked when the record was read. */
static void
insert_record (RdsSimEngine *self,
               Record       *record)
{
  self->in_load = TRUE;
  if (record->resource != NULL)
    {
      RdsSimResource *resource = g_steal_pointer (&record->resource);

      /* Replaces, not duplicates, what an earlier record said. */
      _rds_sim_region_add (record->region, resource);
      for (guint i = 0; i < RDS_SIM_MAX_TIMERS; i++)
        {
          gint64 due = resource->due[i];

          resource->due[i] = 0;
          if (due != 0)
            _rds_sim_engine_schedule (self, resource, i, due);
        }
    }
  else
    {
      append_event (record->region, RDS_EVENT (record->event));
      g_clear_object (&record->event);
    }
  self->in_load = FALSE;
}

/**
 * rds_sim_engine_load_record:
 *
 * Loads one record that rds_sim_engine_save_records() wrote.
 */
gboolean
rds_sim_engine_load_record (RdsSimEngine  *self,
                            JsonNode      *node,
                            GError       **error)
{
  Record record = { 0, };

  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  if (!read_record (self, node, &record, error))
    {
      record_clear (&record);
      return FALSE;
    }

  insert_record (self, &record);
  record_clear (&record);
  return TRUE;
}

static gboolean
read_records (RdsSimEngine  *self,
              JsonArray     *array,
              GArray        *records,
              GError       **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Record record = { 0, };

      if (!read_record (self, json_array_get_element (array, i), &record, error))
        {
          record_clear (&record);
          return FALSE;
        }
      g_array_append_val (records, record);
    }
  return TRUE;
}

/**
 * rds_sim_engine_apply_changes:
 *
 * Replays what rds_sim_engine_take_changes() returned, on top of a loaded
 * state: all of it, or, if any part is malformed (which the store reports
 * as a corrupt journal), none of it.
 */
gboolean
rds_sim_engine_apply_changes (RdsSimEngine  *self,
                              JsonNode      *changes,
                              GError       **error)
{
  g_autoptr(GArray) puts = NULL;
  g_autoptr(GArray) events = NULL;
  JsonObject *object;
  JsonArray *put, *removed, *new_events;
  Settings settings;

  g_return_val_if_fail (RDS_IS_SIM_ENGINE (self), FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (changes))
    return load_error (error, "a journal entry is not a JSON object");
  object = json_node_get_object (changes);

  put = array_member (object, "put");
  removed = array_member (object, "delete");
  new_events = array_member (object, "events");
  if (put == NULL || removed == NULL || new_events == NULL)
    return load_error (error, "a journal entry lacks its changes");

  /* Read and check everything first. */
  for (guint i = 0; i < json_array_get_length (removed); i++)
    {
      JsonNode *node = json_array_get_element (removed, i);
      JsonObject *gone = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *type = gone != NULL ? json_object_get_string_member_with_default (gone, "type", "") : "";

      if (gone == NULL || record_region (self, gone, NULL) == NULL ||
          json_object_get_string_member_with_default (gone, "id", NULL) == NULL ||
          rds_sim_kind_lookup (type) == NULL)
        return load_error (error, "a journal entry deletes something malformed, or of a kind "
                                  "this simulator does not know");
    }

  puts = g_array_new (FALSE, TRUE, sizeof (Record));
  g_array_set_clear_func (puts, record_clear);
  events = g_array_new (FALSE, TRUE, sizeof (Record));
  g_array_set_clear_func (events, record_clear);
  if (!read_records (self, put, puts, error) || !read_records (self, new_events, events, error))
    return FALSE;
  for (guint i = 0; i < events->len; i++)
    if (g_array_index (events, Record, i).event == NULL)
      return load_error (error, "a journal entry's events hold something else");

  if (!read_settings (object, &settings, error))
    return FALSE;

  /* Then apply it all: nothing below fails. */
  for (guint i = 0; i < puts->len; i++)
    insert_record (self, &g_array_index (puts, Record, i));

  for (guint i = 0; i < json_array_get_length (removed); i++)
    {
      JsonObject *gone = json_array_get_object_element (removed, i);
      RdsSimRegion *region = record_region (self, gone, NULL);
      const char *id = json_object_get_string_member (gone, "id");

      const RdsSimKind *kind = rds_sim_kind_lookup (json_object_get_string_member (gone, "type"));

      g_tree_remove (_rds_sim_region_resources (region, kind), id);
    }

  for (guint i = 0; i < events->len; i++)
    insert_record (self, &g_array_index (events, Record, i));

  apply_settings (self, &settings);
  return TRUE;
}
