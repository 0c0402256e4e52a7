/* rds-databases-page.c: the Databases page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The RDS console's databases table: the session's DB instances, sorted by
 * the clicked column, filtered as the user types, one selectable at a
 * time. The pipeline (sort, then filter, then selection) is declared in
 * the template; sorting before filtering means a keystroke only filters,
 * which keeps it within a frame over 10,000 instances. The list updates
 * its items in place on every poll, so rows, selection and scroll
 * position stay. Modify and the Actions menu act on the selected row.
 *
 * Read replicas show under their source, as in the RDS console: the
 * filter keeps the top-level rows (sources, standalone instances, and
 * replicas whose source is in another Region), a page holds 50 of them,
 * and a GtkTreeListModel over that page alone adds their replicas. The
 * tree never sees the 10,000 instances, only the page: a keystroke costs
 * what it did. A replica in another Region shows under its source with
 * what its ARN tells (its identifier and Region).
 *
 * An Aurora cluster is a row of its own ("Regional cluster") with its
 * instances under it, the writer first, as the RDS console shows them:
 * the row is an RdsDbInstance standing for the cluster (DescribeDBClusters
 * is another list), which the sort, the search and the pages take as any
 * other row.
 */

#include "config.h"

#include "rds-databases-page.h"

#include "rds-widget-util.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "rds-db-cluster.h"
#include "rds-db-cluster-member.h"
#include "rds-db-instance.h"
#include "rds-format.h"
#include "rds-instance-actions.h"
#include "rds-link-button.h"
#include "rds-resource-list.h"
#include "rds-search-filter.h"
#include "rds-session.h"
#include "rds-slot.h"
#include "rds-slot-model.h"
#include "rds-status-badge.h"

struct _RdsDatabasesPage
{
  RdsPage             parent_instance;

  RdsInstanceActions *actions;

  GtkWidget          *title_label;
  GtkWidget          *actions_button;
  GtkWidget          *search_entry;
  GtkWidget          *pager;
  GtkWidget          *pager_label;
  GtkWidget          *content_stack;
  GtkWidget          *empty_page;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *identifier_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *role_column;
  GtkColumnViewColumn *engine_column;
  GtkColumnViewColumn *zone_column;
  GtkColumnViewColumn *class_column;
  GtkColumnViewColumn *multi_az_column;
  GtkColumnViewColumn *storage_column;
  GtkColumnViewColumn *cpu_column;
  GtkColumnViewColumn *activity_column;
  GtkSingleSelection *selection;
  GtkTreeListModel   *tree_model;   /* the page's rows, replicas under their source */
  GListStore         *page_store;   /* the page's top-level instances, as page_model has them */
  GtkFilter          *tree_filter;  /* top-level rows the search keeps, itself or by a replica */
  RdsSlotModel       *slots;
  RdsDbInstance      *selected;     /* weak: what the selected slot holds */
  gboolean            reselecting;
  guint               grow_tick;
  gint64              grow_after;   /* frame counter */
  GtkAdjustment      *vadjustment;  /* the table's */
  double              row_height;   /* about, once known */
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  RdsSearchFilter    *search_filter;
  GtkSliceListModel  *page_model;
  guint               page_size;
  GSimpleAction      *page_size_action;
  char               *wanted;       /* to select once the list has it */
  guint               wanted_idle;

  /* Who replicates whom, read from the list after each refresh */
  GHashTable         *replicas;     /* source identifier → GPtrArray of its replicas shown under it */
  GHashTable         *sources;      /* replica → its source, both in this Region's list */
  GHashTable         *elsewhere;    /* ARN → RdsDbInstance standing for a replica in another Region */

  /* Aurora clusters: a row each, their instances under it */
  RdsResourceList    *clusters;     /* the session's, held while the page is */
  GListStore         *cluster_rows; /* RdsDbInstance standing for each cluster */
  GHashTable         *cluster_stand_ins; /* cluster identifier → its row */
  GtkFlattenListModel *all_rows;    /* the instances, then the clusters' rows */
  GListStore         *row_lists;    /* what all_rows flattens */

  /* The CPU and connections of the databases on the page */
  GHashTable         *activity;     /* identifier → Activity */
  GPtrArray          *activity_cells; /* CellData of those columns */
  GCancellable       *activity_cancellable;
  gboolean            activity_in_flight;
  gboolean            activity_again;
  gint64              activity_at;  /* the clock when last asked */
};

G_DEFINE_FINAL_TYPE (RdsDatabasesPage, rds_databases_page, RDS_TYPE_PAGE)

static void filter_items_changed_cb (RdsDatabasesPage *self);

enum {
  PROP_0,
  PROP_PAGE_SIZE,
  N_PROPS
};

#define DEFAULT_PAGE_SIZE 50
/* Rows a change adds in one frame until the table has been laid out: about
 * what a maximized window shows. After, the rows in sight. */
#define ROWS_AT_ONCE 24

static GParamSpec *properties[N_PROPS];

/* Pages
 *
 * As in the RDS console, the table shows one page of what the search
 * finds, 50 databases unless the user chose otherwise (top-level rows,
 * each with the replicas under it: a page never parts them). Besides finding
 * one's way in 10,000 instances, it bounds the rows GTK 4.8's column view
 * makes and drops when a search keystroke changes how many match: it
 * keeps up to 200 rows of eight cells, and making 100 of them takes two
 * frames. */

static void
update_pager (RdsDatabasesPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint offset = gtk_slice_list_model_get_offset (self->page_model);
  g_autofree char *range = NULL;

  /* Past the end when the search or a deletion shortened the list. */
  if (offset > 0 && offset >= shown)
    {
      gtk_slice_list_model_set_offset (self->page_model,
                                       shown > 0 ? (shown - 1) / self->page_size * self->page_size : 0);
      offset = gtk_slice_list_model_get_offset (self->page_model);
    }

  gtk_widget_set_visible (self->pager, shown > self->page_size);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.previous-page", offset > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.next-page", offset + self->page_size < shown);

  /* Translators: the databases the table shows: "51–100 of 10000" */
  range = g_strdup_printf (_("%u–%u of %u"), MIN (offset + 1, shown), MIN (offset + self->page_size, shown),
                           shown);
  gtk_label_set_label (GTK_LABEL (self->pager_label), range);
}

static void
show_page_at (RdsDatabasesPage *self,
              guint             position)
{
  gtk_slice_list_model_set_offset (self->page_model, position / self->page_size * self->page_size);
  update_pager (self);
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RdsDatabasesPage *self = RDS_DATABASES_PAGE (widget);
  guint offset = gtk_slice_list_model_get_offset (self->page_model);

  show_page_at (self, offset >= self->page_size ? offset - self->page_size : 0);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RdsDatabasesPage *self = RDS_DATABASES_PAGE (widget);
  guint offset = gtk_slice_list_model_get_offset (self->page_model);

  if (offset + self->page_size < g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)))
    show_page_at (self, offset + self->page_size);
}

/* Read replicas
 *
 * A replica names its source in read-replica-source-db-instance-identifier,
 * a source its replicas in read-replica-db-instance-identifiers: by
 * identifier in the same Region, by ARN across Regions. A replica whose
 * source is listed here shows under it; one in another Region shows under
 * its source as what the ARN tells, and as a top-level row in its own
 * Region's table. The fields are read in place, found once: the walk over
 * 10,000 instances after each refresh costs a fraction of a millisecond. */

/* Source → replica → replica → replica, and some room. */
#define MAX_REPLICA_DEPTH 8

static const char *
replica_source (RdsDbInstance *instance)
{
  static const RdsField *field;

  if (G_UNLIKELY (field == NULL))
    field = rds_shape_class_find_field (RDS_SHAPE_GET_CLASS (instance),
                                        "read-replica-source-db-instance-identifier");
  return *(const char **) rds_shape_field_ptr (RDS_SHAPE (instance), field);
}

static const char * const *
replica_names (RdsDbInstance *instance)
{
  static const RdsField *field;

  if (G_UNLIKELY (field == NULL))
    field = rds_shape_class_find_field (RDS_SHAPE_GET_CLASS (instance),
                                        "read-replica-db-instance-identifiers");
  return *(const char * const **) rds_shape_field_ptr (RDS_SHAPE (instance), field);
}

static GQuark
elsewhere_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("rds-databases-page-elsewhere");
  return quark;
}

/* The Region of a row that stands for a replica in another Region, else
 * NULL: a row of this Region's list. */
static const char *
elsewhere_region (RdsDbInstance *instance)
{
  return g_object_get_qdata (G_OBJECT (instance), elsewhere_quark ());
}

static GQuark
cluster_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("rds-databases-page-cluster");
  return quark;
}

/* The cluster a row stands for, else NULL: a DB instance's row. */
static RdsDbCluster *
row_cluster (RdsDbInstance *instance)
{
  return g_object_get_qdata (G_OBJECT (instance), cluster_quark ());
}

/* What a row's rows are found by: a cluster's apart from an instance of
 * the same name. */
static char *
row_key (RdsDbInstance *instance)
{
  const char *identifier = rds_db_instance_get_identifier (instance);

  return row_cluster (instance) != NULL ? g_strconcat ("cluster:", identifier, NULL) : g_strdup (identifier);
}

/* The rows under @instance's row: its read replicas, or a cluster's
 * instances. */
static GPtrArray *
rows_under (RdsDatabasesPage *self,
            RdsDbInstance    *instance)
{
  g_autofree char *key = row_key (instance);

  return g_hash_table_lookup (self->replicas, key);
}

/* The row standing for @cluster, made once and kept up to date: what the
 * table shows of a cluster, in the fields it shows of an instance. */
static RdsDbInstance *
ensure_cluster_row (RdsDatabasesPage *self,
                    GHashTable       *rows,
                    RdsDbCluster     *cluster)
{
  const char *identifier = rds_db_cluster_get_identifier (cluster);
  RdsDbInstance *row = g_hash_table_lookup (self->cluster_stand_ins, identifier);
  RdsShape *shape;

  if (row != NULL)
    g_object_ref (row);
  else
    row = g_object_new (RDS_TYPE_DB_INSTANCE, "db-instance-identifier", identifier, NULL);
  g_object_set_qdata_full (G_OBJECT (row), cluster_quark (), g_object_ref (cluster), g_object_unref);
  shape = RDS_SHAPE (row);
  rds_shape_set_string (shape, "db-instance-status", rds_db_cluster_get_status (cluster));
  rds_shape_set_string (shape, "engine", rds_db_cluster_get_engine (cluster));
  rds_shape_set_boolean (shape, "multi-az", rds_shape_get_boolean (RDS_SHAPE (cluster), "multi-az"));
  rds_shape_set_string (shape, "db-cluster-identifier", identifier);
  g_hash_table_insert (rows, g_strdup (identifier), row);
  return row;
}

/* Whether @instance is its cluster's writer, as its cluster's row says. */
static gboolean
is_cluster_writer (RdsDatabasesPage *self,
                   RdsDbInstance    *instance)
{
  const char *cluster_id = rds_shape_get_string (RDS_SHAPE (instance), "db-cluster-identifier");
  RdsDbInstance *row = cluster_id != NULL ? g_hash_table_lookup (self->cluster_stand_ins, cluster_id) : NULL;

  return row != NULL && g_strcmp0 (rds_db_cluster_get_writer (row_cluster (row)),
                                   rds_db_instance_get_identifier (instance)) == 0;
}

/* The Size column: the class, or for Serverless v2 its cluster's range,
 * as the AWS console says it. */
static char *
class_text (RdsDatabasesPage *self,
            RdsDbInstance    *instance)
{
  const char *klass = rds_shape_get_string (RDS_SHAPE (instance), "db-instance-class");
  const char *cluster_id = rds_shape_get_string (RDS_SHAPE (instance), "db-cluster-identifier");
  RdsDbInstance *row = cluster_id != NULL ? g_hash_table_lookup (self->cluster_stand_ins, cluster_id) : NULL;
  RdsShape *scaling = row != NULL ? rds_shape_get_object (RDS_SHAPE (row_cluster (row)),
                                                          "serverless-v2-scaling-configuration")
                                  : NULL;

  if (g_strcmp0 (klass, "db.serverless") != 0 || scaling == NULL)
    return g_strdup (klass);
  /* Translators: Aurora Serverless v2 and its capacity range, "Serverless v2 (0.5–16 ACUs)" */
  return g_strdup_printf (_("Serverless v2 (%g–%g ACUs)"), rds_shape_get_double (scaling, "min-capacity"),
                          rds_shape_get_double (scaling, "max-capacity"));
}

/* "arn:aws:rds:REGION:ACCOUNT:db:ID": its Region and identifier. */
static gboolean
parse_instance_arn (const char  *arn,
                    char       **region,
                    char       **identifier)
{
  g_auto(GStrv) parts = NULL;

  if (!g_str_has_prefix (arn, "arn:"))
    return FALSE;
  parts = g_strsplit (arn, ":", 7);
  if (g_strv_length (parts) != 7 || !g_str_equal (parts[5], "db") || *parts[3] == '\0' || *parts[6] == '\0')
    return FALSE;
  *region = g_strdup (parts[3]);
  *identifier = g_strdup (parts[6]);
  return TRUE;
}

/* The row standing for the replica @arn in @region, under @source: the
 * same object from one refresh to the next, so a selection stays. */
static RdsDbInstance *
ensure_elsewhere (RdsDatabasesPage *self,
                  GHashTable       *elsewhere,
                  const char       *arn,
                  const char       *region,
                  const char       *identifier,
                  RdsDbInstance    *source)
{
  RdsDbInstance *instance = g_hash_table_lookup (elsewhere, arn);

  if (instance != NULL)
    return instance;

  instance = g_hash_table_lookup (self->elsewhere, arn);
  if (instance != NULL)
    g_object_ref (instance);
  else
    {
      instance = g_object_new (RDS_TYPE_DB_INSTANCE, NULL);
      rds_shape_set_string (RDS_SHAPE (instance), "db-instance-identifier", identifier);
      rds_shape_set_string (RDS_SHAPE (instance), "db-instance-arn", arn);
      /* What it says in its own Region: a replica, of the same engine. */
      rds_shape_set_string (RDS_SHAPE (instance), "read-replica-source-db-instance-identifier",
                            rds_db_instance_get_arn (source) != NULL
                            ? rds_db_instance_get_arn (source)
                            : rds_db_instance_get_identifier (source));
      rds_shape_set_string (RDS_SHAPE (instance), "engine", rds_db_instance_get_engine (source));
      g_object_set_qdata_full (G_OBJECT (instance), elsewhere_quark (), g_strdup (region), g_free);
    }
  g_hash_table_insert (elsewhere, g_strdup (arn), instance);
  return instance;
}

static void
add_replica (GHashTable    *replicas,
             const char    *source,
             RdsDbInstance *replica)
{
  GPtrArray *those = g_hash_table_lookup (replicas, source);

  if (those == NULL)
    {
      those = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (replicas, g_strdup (source), those);
    }
  g_ptr_array_add (those, g_object_ref (replica));
}

static gboolean
same_replicas (GHashTable *before,
               GHashTable *after)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (before) != g_hash_table_size (after))
    return FALSE;
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *now = value, *then = g_hash_table_lookup (before, key);

      if (then == NULL || then->len != now->len)
        return FALSE;
      for (guint i = 0; i < now->len; i++)
        if (g_ptr_array_index (then, i) != g_ptr_array_index (now, i))
          return FALSE;
    }
  return TRUE;
}

static gboolean
same_sources (GHashTable *before,
              GHashTable *after)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (before) != g_hash_table_size (after))
    return FALSE;
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_hash_table_lookup (before, key) != value)
      return FALSE;
  return TRUE;
}

/* Reads who replicates whom from the list (its keys are current once it
 * has refreshed): TRUE when that changed. */
static gboolean
read_replicas (RdsDatabasesPage *self)
{
  RdsResourceList *list = rds_page_get_list (RDS_PAGE (self));
  RdsSession *session = rds_page_get_session (RDS_PAGE (self));
  GListModel *all = list != NULL ? rds_resource_list_get_model (list) : NULL;
  const char *region = session != NULL ? rds_session_get_region (session) : NULL;
  guint n = all != NULL ? g_list_model_get_n_items (all) : 0;
  g_autoptr(GHashTable) replicas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) sources = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  g_autoptr(GHashTable) elsewhere = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  gboolean changed;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsDbInstance) instance = g_list_model_get_item (all, i);
      const char *source = replica_source (instance);
      const char * const *names = replica_names (instance);

      if (source != NULL && !g_str_has_prefix (source, "arn:"))
        {
          RdsDbInstance *parent = rds_resource_list_find (list, source);

          if (parent != NULL && parent != instance)
            {
              add_replica (replicas, source, instance);
              g_hash_table_insert (sources, g_object_ref (instance), g_object_ref (parent));
            }
        }
      for (guint j = 0; names != NULL && names[j] != NULL; j++)
        {
          g_autofree char *arn_region = NULL;
          g_autofree char *identifier = NULL;

          if (parse_instance_arn (names[j], &arn_region, &identifier) && g_strcmp0 (arn_region, region) != 0)
            add_replica (replicas, rds_db_instance_get_identifier (instance),
                         ensure_elsewhere (self, elsewhere, names[j], arn_region, identifier, instance));
        }
    }

  /* A cluster's row, and under it its instances, the writer first. */
  if (self->clusters != NULL)
    {
      GListModel *clusters = rds_resource_list_get_model (self->clusters);
      g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_autoptr(GPtrArray) order = g_ptr_array_new ();

      for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
        {
          g_autoptr(RdsDbCluster) cluster = g_list_model_get_item (clusters, i);
          RdsDbInstance *row = ensure_cluster_row (self, rows, cluster);
          GListModel *members = rds_db_cluster_get_members (cluster);
          g_autofree char *key = row_key (row);

          g_ptr_array_add (order, row);
          for (guint pass = 0; pass < 2; pass++)
            for (guint m = 0; members != NULL && m < g_list_model_get_n_items (members); m++)
              {
                g_autoptr(RdsDbClusterMember) member = g_list_model_get_item (members, m);
                RdsDbInstance *instance;

                if (rds_db_cluster_member_is_writer (member) != (pass == 0))
                  continue;
                instance = rds_resource_list_find (list, rds_db_cluster_member_get_instance_identifier (member));
                if (instance == NULL)
                  continue;
                add_replica (replicas, key, instance);
                g_hash_table_insert (sources, g_object_ref (instance), g_object_ref (row));
              }
        }
      g_clear_pointer (&self->cluster_stand_ins, g_hash_table_unref);
      self->cluster_stand_ins = g_steal_pointer (&rows);
      /* The clusters' rows, changed only if which they are changed. */
      {
        guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->cluster_rows));
        gboolean same = shown == order->len;

        for (guint i = 0; same && i < order->len; i++)
          {
            g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->cluster_rows), i);

            same = row == g_ptr_array_index (order, i);
          }
        if (!same)
          g_list_store_splice (self->cluster_rows, 0, shown, order->pdata, order->len);
      }
    }

  changed = !same_replicas (self->replicas, replicas) || !same_sources (self->sources, sources);
  g_clear_pointer (&self->replicas, g_hash_table_unref);
  self->replicas = g_steal_pointer (&replicas);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  self->sources = g_steal_pointer (&sources);
  g_clear_pointer (&self->elsewhere, g_hash_table_unref);
  self->elsewhere = g_steal_pointer (&elsewhere);
  return changed;
}

/* Whether the search keeps @instance: it matches, or a replica under it
 * does (it then shows as theirs). */
static gboolean
search_keeps (RdsDatabasesPage *self,
              RdsDbInstance    *instance,
              guint             depth)
{
  GPtrArray *replicas;

  if (gtk_filter_match (GTK_FILTER (self->search_filter), instance))
    return TRUE;
  if (depth >= MAX_REPLICA_DEPTH || elsewhere_region (instance) != NULL)
    return FALSE;

  replicas = rows_under (self, instance);
  for (guint i = 0; replicas != NULL && i < replicas->len; i++)
    if (search_keeps (self, g_ptr_array_index (replicas, i), depth + 1))
      return TRUE;
  return FALSE;
}

/* The filter while some replicas nest: top-level rows the search keeps. */
static gboolean
tree_filter_match_cb (gpointer item,
                      gpointer data)
{
  RdsDatabasesPage *self = data;

  return !g_hash_table_contains (self->sources, item) && search_keeps (self, item, 0);
}

/* The rows under @item: its replicas that the search keeps, sorted as the
 * table is; none for a database without. */
static GListModel *
create_replicas_cb (gpointer item,
                    gpointer data)
{
  RdsDatabasesPage *self = data;
  RdsDbInstance *instance = item;
  g_autoptr(GListStore) store = NULL;
  GtkSorter *sorter;
  GPtrArray *replicas;

  if (elsewhere_region (instance) != NULL)
    return NULL;
  replicas = rows_under (self, instance);
  if (replicas == NULL)
    return NULL;

  store = g_list_store_new (RDS_TYPE_DB_INSTANCE);
  for (guint i = 0; i < replicas->len; i++)
    if (search_keeps (self, g_ptr_array_index (replicas, i), 1))
      g_list_store_append (store, g_ptr_array_index (replicas, i));
  if (g_list_model_get_n_items (G_LIST_MODEL (store)) == 0)
    return NULL;

  sorter = gtk_column_view_get_sorter (self->column_view);
  return G_LIST_MODEL (gtk_sort_list_model_new (G_LIST_MODEL (g_steal_pointer (&store)), g_object_ref (sorter)));
}

/* The page's top-level instances as the tree's root: only what changed
 * changes, so rows showing the same instances stay as they are. */
static void
page_changed_cb (RdsDatabasesPage *self,
                 guint             position,
                 guint             removed,
                 guint             added,
                 GListModel       *page)
{
  GListModel *store = G_LIST_MODEL (self->page_store);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (added, g_object_unref);
  guint start = 0;

  for (guint i = 0; i < added; i++)
    g_ptr_array_add (items, g_list_model_get_item (page, position + i));

  /* A search that keeps the page's rows changes nothing of it. */
  for (; start < removed && start < added; start++)
    {
      g_autoptr(GObject) kept = g_list_model_get_item (store, position + start);

      if (kept != g_ptr_array_index (items, start))
        break;
    }
  for (; removed > start && added > start; removed--, added--)
    {
      g_autoptr(GObject) kept = g_list_model_get_item (store, position + removed - 1);

      if (kept != g_ptr_array_index (items, added - 1))
        break;
    }
  if (removed == start && added == start)
    return;

  g_list_store_splice (self->page_store, position + start, removed - start,
                       items->pdata + start, added - start);
}

/* Every row made again: who replicates whom, or what the search keeps of
 * it, changed (the tree asks for a row's replicas once, when it adds it). */
static void
remake_rows (RdsDatabasesPage *self)
{
  GListModel *page = G_LIST_MODEL (self->page_model);
  guint n = g_list_model_get_n_items (page);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (page, i));
  g_list_store_splice (self->page_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->page_store)),
                       items->pdata, n);
}

/* Without replicas, the search alone filters (as fast as it can); with
 * them, the tree's filter. */
static void
show_replicas (RdsDatabasesPage *self)
{
  gboolean nested = g_hash_table_size (self->replicas) > 0;
  GtkFilter *filter = nested ? self->tree_filter : GTK_FILTER (self->search_filter);

  if (gtk_filter_list_model_get_filter (self->filter_model) != filter)
    gtk_filter_list_model_set_filter (self->filter_model, filter);
  else if (nested)
    gtk_filter_changed (self->tree_filter, GTK_FILTER_CHANGE_DIFFERENT);
  remake_rows (self);
}

static void
search_filter_changed_cb (RdsDatabasesPage *self,
                          GtkFilterChange   change)
{
  /* Stricter or looser for a row's replicas is so for the row too. */
  if (gtk_filter_list_model_get_filter (self->filter_model) == self->tree_filter)
    gtk_filter_changed (self->tree_filter, change);
}

/* How many databases the search finds. Rows are not that when replicas
 * nest: a source shown for its replica's sake does not count, a replica
 * in another Region found under its source does. */
static guint
count_found (RdsDatabasesPage *self,
             GListModel       *all,
             guint             total)
{
  GHashTableIter iter;
  gpointer replica;
  guint n = 0;

  if (gtk_filter_list_model_get_filter (self->filter_model) != self->tree_filter)
    return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  if (gtk_filter_get_strictness (GTK_FILTER (self->search_filter)) == GTK_FILTER_MATCH_ALL)
    return total;

  for (guint i = 0; i < total; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (all, i);

      n += gtk_filter_match (GTK_FILTER (self->search_filter), item);
    }
  g_hash_table_iter_init (&iter, self->elsewhere);
  while (g_hash_table_iter_next (&iter, NULL, &replica))
    n += gtk_filter_match (GTK_FILTER (self->search_filter), replica);
  return n;
}

/* The instance a slot's row shows, or NULL for a vacant slot. */
static RdsDbInstance *
row_get_instance (GtkTreeListRow *row)
{
  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

/* The slot showing @instance, or GTK_INVALID_LIST_POSITION. */
static guint
find_slot (RdsDatabasesPage *self,
           RdsDbInstance    *instance)
{
  guint n = rds_slot_model_get_occupied (self->slots);

  if (instance == NULL)
    return GTK_INVALID_LIST_POSITION;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsDbInstance) shown = row_get_instance (rds_slot_model_get_item (self->slots, i));

      if (shown == instance)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
update_state (RdsDatabasesPage *self)
{
  RdsResourceList *list = rds_page_get_list (RDS_PAGE (self));
  GListModel *all = G_LIST_MODEL (self->all_rows);
  guint total = list != NULL ? g_list_model_get_n_items (all) : 0;
  guint shown = list != NULL ? count_found (self, all, total) : 0;
  g_autofree char *title = NULL;
  const char *page;

  if (shown < total)
    /* Translators: the Databases page's title while a search hides some: "Databases (2 of 1000)" */
    title = g_strdup_printf (_("Databases (%u of %u)"), shown, total);
  else
    /* Translators: the Databases page's title, with how many there are */
    title = g_strdup_printf (_("Databases (%u)"), total);
  gtk_label_set_label (GTK_LABEL (self->title_label), title);

  update_pager (self);

  /* The rows the search keeps, which a replica's match keeps too. */
  page = rds_widget_list_page (list, g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)));

  if (rds_page_get_session (RDS_PAGE (self)) != NULL && g_str_equal (page, "empty"))
    {
      /* Translators: %s is an AWS Region's name */
      g_autofree char *description =
        g_strdup_printf (_("You have no databases in %s yet."),
                         rds_format_region_name (rds_session_get_region (rds_page_get_session (RDS_PAGE (self)))));

      adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page), description);
    }

  gtk_stack_set_visible_child_name (GTK_STACK (self->content_stack), page);
}

/* Cells
 *
 * Made in C rather than from builder templates: rows are made and bound
 * again whenever a search changes which instances show, and parsing a
 * template for each cell of each row made a keystroke cost ~100 ms with
 * 10,000 instances. Each cell shows its slot's instance and follows the
 * one property it shows, until the slot holds another instance. */

typedef enum
{
  CELL_IDENTIFIER,
  CELL_STATUS,
  CELL_ROLE,
  CELL_ENGINE,
  CELL_ZONE,
  CELL_CLASS,
  CELL_MULTI_AZ,
  CELL_STORAGE,
  CELL_CPU,
  CELL_ACTIVITY,
} Cell;

/* What each cell follows: notify::<property> of its instance. */
static const char * const cell_notify[] = {
  [CELL_IDENTIFIER] = "notify::db-instance-identifier",
  [CELL_STATUS] = "notify::db-instance-status",
  [CELL_ROLE] = "notify",      /* from its source or its replicas */
  [CELL_ENGINE] = "notify::engine",
  [CELL_ZONE] = "notify::availability-zone",
  [CELL_CLASS] = "notify",     /* a Serverless v2 range is its cluster's */
  [CELL_MULTI_AZ] = "notify::multi-az",
  [CELL_STORAGE] = "notify::allocated-storage",
  /* From CloudWatch, not the instance: shown when its answer comes. */
  [CELL_CPU] = "notify::db-instance-identifier",
  [CELL_ACTIVITY] = "notify::db-instance-identifier",
};

/* The least width of each column's cells, in characters. */
static const int cell_width_chars[] = {
  [CELL_IDENTIFIER] = 10,
  [CELL_STATUS] = 10,
  [CELL_ROLE] = 14,
  [CELL_ENGINE] = 12,
  [CELL_ZONE] = 10,
  [CELL_CLASS] = 11,
  [CELL_MULTI_AZ] = 4,
  [CELL_STORAGE] = 7,
  [CELL_CPU] = 8,
  [CELL_ACTIVITY] = 14,
};

/* The latest CPU and connections of one database: NaN when unknown. */
typedef struct
{
  double cpu;
  double connections;
} Activity;

typedef struct
{
  GtkListItem      *item;
  Cell              kind;
  RdsDbInstance    *instance;      /* the one shown, followed through notify_id */
  gulong            notify_id;
  RdsDatabasesPage *page;          /* CPU and activity: where the values are */
  char             *expander_of;   /* the identifier: whose replicas its expander shows */
  gboolean          expander_cluster; /* and whether it is a cluster's, of its instances */
} CellData;

static void
cell_show (CellData *cell)
{
  GtkWidget *widget = gtk_list_item_get_child (cell->item);
  RdsDbInstance *instance = cell->instance;
  const char *region = elsewhere_region (instance);
  g_autofree char *text = NULL;

  /* A replica in another Region: what its ARN tells, and its source. */
  if (G_UNLIKELY (region != NULL) && cell->kind != CELL_IDENTIFIER && cell->kind != CELL_ROLE &&
      cell->kind != CELL_ENGINE)
    {
      if (cell->kind == CELL_STATUS)
        rds_status_badge_set_status (RDS_STATUS_BADGE (widget), NULL);
      else
        {
          text = g_strdup (cell->kind == CELL_ZONE ? region : "-");
          if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) != 0)
            gtk_label_set_label (GTK_LABEL (widget), text);
        }
      return;
    }

  /* An Aurora cluster: what the RDS console shows of one. */
  if (G_UNLIKELY (row_cluster (instance) != NULL) && cell->kind != CELL_IDENTIFIER && cell->kind != CELL_STATUS &&
      cell->kind != CELL_ENGINE && cell->kind != CELL_MULTI_AZ)
    {
      RdsDbCluster *cluster = row_cluster (instance);
      GListModel *members = rds_db_cluster_get_members (cluster);
      guint n = members != NULL ? g_list_model_get_n_items (members) : 0;

      if (cell->kind == CELL_ROLE)
        text = g_strdup (_("Regional cluster"));
      else if (cell->kind == CELL_ZONE)
        text = cell->page != NULL && rds_page_get_session (RDS_PAGE (cell->page)) != NULL
               ? g_strdup (rds_session_get_region (rds_page_get_session (RDS_PAGE (cell->page))))
               : g_strdup ("-");
      else if (cell->kind == CELL_CLASS)
        /* Translators: the size of an Aurora cluster in the Databases table */
        text = g_strdup_printf (ngettext ("%u instance", "%u instances", n), n);
      else
        text = g_strdup ("-");
      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) != 0)
        gtk_label_set_label (GTK_LABEL (widget), text);
      return;
    }

  switch (cell->kind)
    {
    case CELL_IDENTIFIER:
      {
        GtkWidget *link = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (widget));
        const char *action = row_cluster (instance) != NULL ? "win.open-cluster" : "win.open-database";

        if (g_strcmp0 (rds_link_button_get_action (RDS_LINK_BUTTON (link)), action) != 0)
          g_object_set (link, "action", action, NULL);
        rds_link_button_set_target (RDS_LINK_BUTTON (link), rds_db_instance_get_identifier (instance));
        /* One in another Region has no page in this one. */
        gtk_widget_set_sensitive (link, region == NULL);
      }
      return;
    case CELL_STATUS:
      rds_status_badge_set_status (RDS_STATUS_BADGE (widget), rds_db_instance_get_status (instance));
      return;
    case CELL_ROLE:
      if (rds_shape_get_string (RDS_SHAPE (instance), "db-cluster-identifier") != NULL)
        text = g_strdup (cell->page != NULL && is_cluster_writer (cell->page, instance)
                         ? _("Writer instance") : _("Reader instance"));
      else
        text = rds_format_role (NULL, instance);
      break;
    case CELL_ENGINE:
      text = rds_format_engine (NULL, rds_shape_get_string (RDS_SHAPE (instance), "engine"));
      break;
    case CELL_ZONE:
      text = rds_format_zone (NULL, rds_shape_get_string (RDS_SHAPE (instance), "availability-zone"));
      break;
    case CELL_CLASS:
      text = cell->page != NULL ? class_text (cell->page, instance)
                                : g_strdup (rds_shape_get_string (RDS_SHAPE (instance), "db-instance-class"));
      break;
    case CELL_MULTI_AZ:
      text = rds_format_yes_no (NULL, rds_shape_get_boolean (RDS_SHAPE (instance), "multi-az"));
      break;
    case CELL_STORAGE:
      /* An Aurora instance's data is on its cluster's volume. */
      if (rds_shape_get_string (RDS_SHAPE (instance), "db-cluster-identifier") != NULL)
        text = g_strdup ("-");
      else
        text = rds_format_gib (NULL, rds_shape_get_int (RDS_SHAPE (instance), "allocated-storage"));
      break;
    case CELL_CPU:
    case CELL_ACTIVITY:
      {
        Activity *activity = cell->page != NULL && cell->page->activity != NULL
                             ? g_hash_table_lookup (cell->page->activity, rds_db_instance_get_identifier (instance))
                             : NULL;
        double value = activity == NULL ? NAN : cell->kind == CELL_CPU ? activity->cpu : activity->connections;

        if (isnan (value))
          text = g_strdup ("-");
        else if (cell->kind == CELL_CPU)
          text = g_strdup_printf ("%.2f %%", value);
        else
          /* Translators: a database's current activity: its client connections */
          text = g_strdup_printf (ngettext ("%d connection", "%d connections",
                                               (unsigned long) value), (int) value);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  /* Rows rebound by a search mostly show what they showed (an engine, a
   * class, a zone): only what changed is set. */
  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text != NULL ? text : "") != 0)
    gtk_label_set_label (GTK_LABEL (widget), text != NULL ? text : "");
}

/* Cut short in a narrow column: the whole of it on hover. Asked for when
 * shown, not set with every row: GTK 4.8 asks the X server where the
 * pointer is for every tooltip set, half of a keystroke's work. */
static gboolean
cell_query_tooltip_cb (GtkWidget  *widget,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  GtkLabel *label = GTK_LABEL (widget);

  if (*gtk_label_get_label (label) == '\0' || !pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_label (label));
  return TRUE;
}

static void
cell_changed_cb (RdsDbInstance *instance,
                 GParamSpec    *pspec,
                 CellData      *cell)
{
  cell_show (cell);
}

/* The cell shows @instance from now on (or nothing). */
static void
cell_set_instance (CellData      *cell,
                   RdsDbInstance *instance)
{
  /* A cluster instance's role is its cluster's to say: the rows are made
   * again when it changes, with the same instances. */
  if (cell->instance == instance)
    {
      if (cell->kind == CELL_ROLE && instance != NULL)
        cell_show (cell);
      return;
    }

  if (cell->instance != NULL)
    {
      g_clear_signal_handler (&cell->notify_id, cell->instance);
      g_clear_object (&cell->instance);
    }
  if (instance == NULL)
    return;

  cell->instance = g_object_ref (instance);
  cell->notify_id = g_signal_connect (instance, cell_notify[cell->kind], G_CALLBACK (cell_changed_cb), cell);
  cell_show (cell);
}

/* GTK 4.8 shows the arrow of an expander to screen readers as a button
 * ("Expand") they have no way to press. The expander itself tells that
 * its row is expanded or not, and takes + and − (Shift+arrows, Ctrl+Space)
 * from the row's link: the arrow is hidden from them. GTK makes a new
 * arrow when a row gets replicas. */
static void
hide_arrow (GtkWidget *expander)
{
  for (GtkWidget *child = gtk_widget_get_first_child (expander);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (gtk_widget_get_css_name (child), "expander") &&
        g_object_get_data (G_OBJECT (child), "rds-hidden") == NULL)
      {
        gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
        g_object_set_data (G_OBJECT (child), "rds-hidden", GINT_TO_POINTER (TRUE));
      }
}

/* The expander of a row with replicas under it says whose they are; of
 * another, it is named by its link, as GTK names it. */
static void
cell_name_expander (CellData       *cell,
                    GtkTreeListRow *row,
                    RdsDbInstance  *instance)
{
  GtkWidget *expander = gtk_list_item_get_child (cell->item);
  const char *identifier = row != NULL && gtk_tree_list_row_is_expandable (row)
                           ? rds_db_instance_get_identifier (instance) : NULL;
  gboolean cluster = instance != NULL && row_cluster (instance) != NULL;

  if (identifier != NULL)
    hide_arrow (expander);
  if (g_strcmp0 (cell->expander_of, identifier) == 0 && cell->expander_cluster == cluster)
    return;

  g_free (cell->expander_of);
  cell->expander_of = g_strdup (identifier);
  cell->expander_cluster = cluster;
  if (identifier != NULL)
    {
      g_autofree char *label = cluster
        /* Translators: what a screen reader says of the arrow that shows and
         * hides an Aurora cluster's instances in the table; %s is its identifier */
        ? g_strdup_printf (_("Show instances of %s"), identifier)
        /* Translators: what a screen reader says of the arrow that shows and
         * hides a database's read replicas in the table; %s is its identifier */
        : g_strdup_printf (_("Show read replicas of %s"), identifier);

      gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      /* That alone, not followed by the link's name. */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander)), NULL, -1);
    }
}

/* The cell shows @row (or nothing): its instance, and in the identifier's
 * cell, where it is in the tree. */
static void
cell_set_row (CellData       *cell,
              GtkTreeListRow *row)
{
  g_autoptr(RdsDbInstance) instance = row_get_instance (row);

  if (cell->kind == CELL_IDENTIFIER)
    {
      gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (cell->item)), row);
      cell_name_expander (cell, row, instance);
    }
  cell_set_instance (cell, instance);
}

static void
cell_data_free (gpointer data)
{
  CellData *cell = data;

  cell_set_instance (cell, NULL);
  g_free (cell->expander_of);
  if (cell->page != NULL)
    {
      if (cell->page->activity_cells != NULL)
        g_ptr_array_remove_fast (cell->page->activity_cells, cell);
      g_object_remove_weak_pointer (G_OBJECT (cell->page), (gpointer *) &cell->page);
    }
  g_free (cell);
}

/* A vacant slot's row (see rds_slot_model_set_keep ()) is hidden, not
 * dropped, until the slot holds an instance again: a search that narrows
 * a page of 50 to ten and widens it back makes and drops no rows. The
 * row is GTK's, the parent of the cell that holds the child; its first
 * cell hides it while bound to the slot, and keeps the focus out of it
 * (the arrow keys stop at the last row shown). can-focus does that for
 * nothing: making the row and its link unfocusable costs two
 * accessibility events a row (8 ms for 40 rows), insensitive a restyle
 * of every cell when the row comes back. */
static void
cell_show_row (CellData *cell,
               RdsSlot  *slot)
{
  GtkWidget *child = gtk_list_item_get_child (cell->item);
  gboolean vacant = rds_slot_get_item (slot) == NULL;
  GtkWidget *row;

  if (cell->kind != CELL_IDENTIFIER || child == NULL || gtk_widget_get_parent (child) == NULL)
    return;
  row = gtk_widget_get_parent (gtk_widget_get_parent (child));
  if (row == NULL)
    return;
  gtk_widget_set_visible (row, !vacant);
  gtk_widget_set_can_focus (row, !vacant);
}

static void
slot_item_changed_cb (RdsSlot    *slot,
                      GParamSpec *pspec,
                      CellData   *cell)
{
  cell_set_row (cell, rds_slot_get_item (slot));
  cell_show_row (cell, slot);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  Cell kind = GPOINTER_TO_INT (data);
  CellData *cell = g_new0 (CellData, 1);
  GtkWidget *widget;

  switch (kind)
    {
    case CELL_IDENTIFIER:
      /* Replicas are indented under their source, which has the arrow
       * that shows and hides them (expanded at first). */
      widget = gtk_tree_expander_new ();
      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (widget),
                                   g_object_new (RDS_TYPE_LINK_BUTTON, "action", "win.open-database", NULL));
      break;
    case CELL_STATUS:
      widget = rds_status_badge_new ();
      break;
    case CELL_ROLE:
    case CELL_ENGINE:
    case CELL_ZONE:
    case CELL_CLASS:
    case CELL_MULTI_AZ:
    case CELL_STORAGE:
    case CELL_CPU:
    case CELL_ACTIVITY:
    default:
      widget = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (widget), 0);
      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
      /* A narrow window scrolls the table sideways rather than cut every
       * column to "I…"; each keeps room for what it usually shows. */
      gtk_label_set_width_chars (GTK_LABEL (widget), cell_width_chars[kind]);
      gtk_widget_set_has_tooltip (widget, TRUE);
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
      break;
    }

  gtk_list_item_set_child (item, widget);
  cell->item = item;
  cell->kind = kind;
  /* Activity comes from the page; a cluster instance's role and size and
   * a cluster's Region too. */
  if (kind == CELL_CPU || kind == CELL_ACTIVITY || kind == CELL_ROLE || kind == CELL_ZONE || kind == CELL_CLASS)
    {
      cell->page = g_object_get_data (G_OBJECT (factory), "page");
      g_object_add_weak_pointer (G_OBJECT (cell->page), (gpointer *) &cell->page);
      if (kind == CELL_CPU || kind == CELL_ACTIVITY)
        g_ptr_array_add (cell->page->activity_cells, cell);
    }
  g_object_set_data_full (G_OBJECT (item), "cell", cell, cell_data_free);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  CellData *cell = g_object_get_data (G_OBJECT (item), "cell");
  RdsSlot *slot = gtk_list_item_get_item (item);

  g_signal_connect (slot, "notify::item", G_CALLBACK (slot_item_changed_cb), cell);
  cell_set_row (cell, rds_slot_get_item (slot));
  cell_show_row (cell, slot);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  CellData *cell = g_object_get_data (G_OBJECT (item), "cell");

  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), slot_item_changed_cb, cell);
  cell_set_row (cell, NULL);
}

static void
set_cell_factory (GtkColumnViewColumn *column,
                  Cell                 kind,
                  RdsDatabasesPage    *page)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "page", page);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), NULL);
  gtk_column_view_column_set_factory (column, factory);
}

/* CPU and current activity
 *
 * As the RDS console's table shows them: the latest five minutes' average
 * CPU and connections of the databases on the page, from one
 * GetMetricData for the whole page, not one call per row; again when the
 * page shows other databases, and as the clock moves on. */

/* GetMetricData takes 500 queries: two a row, 250 rows a call. */
#define ACTIVITY_ROWS_PER_CALL 250

typedef struct
{
  RdsDatabasesPage *self;
  GPtrArray        *identifiers;   /* of the rows asked about, by query index */
  GHashTable       *activity;      /* the answers so far, shown when all are in */
  guint             pending;       /* calls awaited */
} ActivityFetch;

static void
activity_fetch_free (ActivityFetch *fetch)
{
  g_object_unref (fetch->self);
  g_ptr_array_unref (fetch->identifiers);
  g_hash_table_unref (fetch->activity);
  g_free (fetch);
}

static gint64
activity_now (RdsDatabasesPage *self)
{
  RdsSession *session = rds_page_get_session (RDS_PAGE (self));

  return session != NULL ? rds_session_get_now (session) : g_get_real_time ();
}

static void
show_activity (RdsDatabasesPage *self)
{
  for (guint i = 0; i < self->activity_cells->len; i++)
    {
      CellData *cell = g_ptr_array_index (self->activity_cells, i);

      if (cell->instance != NULL)
        cell_show (cell);
    }
}

static void fetch_activity (RdsDatabasesPage *self);

static void
activity_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ActivityFetch *fetch = user_data;
  RdsDatabasesPage *self = fetch->self;
  g_autoptr(RdsQueryResult) answer = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *results;

  answer = rds_session_call_finish (RDS_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (--fetch->pending == 0)
        activity_fetch_free (fetch);
      return;
    }

  /* Without CloudWatch (another endpoint), the columns stay "-". */
  if (answer != NULL)
    {
      results = G_LIST_MODEL (rds_shape_ensure_list (answer->item, "metric-data-results"));
      for (guint i = 0; i < g_list_model_get_n_items (results); i++)
        {
          g_autoptr(RdsShape) item = g_list_model_get_item (results, i);
          const char *id = rds_shape_get_string (item, "id");
          GArray *values = rds_shape_get_array (item, "values");
          guint64 index;
          Activity *activity;

          if (id == NULL ||
              !g_ascii_string_to_unsigned (id + 1, 10, 0, fetch->identifiers->len - 1, &index, NULL))
            continue;
          activity = g_hash_table_lookup (fetch->activity, g_ptr_array_index (fetch->identifiers, index));
          if (activity == NULL)
            {
              activity = g_new (Activity, 1);
              activity->cpu = activity->connections = NAN;
              g_hash_table_insert (fetch->activity, g_strdup (g_ptr_array_index (fetch->identifiers, index)),
                                   activity);
            }
          /* Newest first: the latest period. */
          if (values != NULL && values->len > 0)
            {
              if (id[0] == 'c')
                activity->cpu = g_array_index (values, double, 0);
              else
                activity->connections = g_array_index (values, double, 0);
            }
        }
    }

  if (--fetch->pending > 0)
    return;

  self->activity_in_flight = FALSE;
  g_hash_table_unref (self->activity);
  self->activity = g_hash_table_ref (fetch->activity);
  show_activity (self);
  if (self->activity_again)
    fetch_activity (self);
  activity_fetch_free (fetch);
}

/* Rows came (a page, a source expanded): CloudWatch is asked only for
 * those not known yet, so expanding and collapsing costs no request. */
static void
tree_changed_cb (RdsDatabasesPage *self,
                 guint             position,
                 guint             removed,
                 guint             added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree_model), i);
      g_autoptr(RdsDbInstance) instance = row != NULL ? row_get_instance (row) : NULL;

      if (instance != NULL && elsewhere_region (instance) == NULL &&
          !g_hash_table_contains (self->activity, rds_db_instance_get_identifier (instance)))
        {
          fetch_activity (self);
          return;
        }
    }
}

static void
fetch_activity (RdsDatabasesPage *self)
{
  RdsSession *session = rds_page_get_session (RDS_PAGE (self));
  guint n = self->tree_model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->tree_model)) : 0;
  g_autoptr(GPtrArray) requests = NULL;
  ActivityFetch *fetch;
  guint asked = 0;
  gint64 now;

  if (session == NULL || n == 0)
    return;
  if (self->activity_in_flight)
    {
      self->activity_again = TRUE;
      return;
    }
  self->activity_again = FALSE;
  self->activity_in_flight = TRUE;

  now = activity_now (self);
  now -= now % (60 * G_USEC_PER_SEC);
  self->activity_at = now;
  fetch = g_new0 (ActivityFetch, 1);
  fetch->self = g_object_ref (self);
  fetch->identifiers = g_ptr_array_new_with_free_func (g_free);
  fetch->activity = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  requests = g_ptr_array_new_with_free_func (g_object_unref);
  /* The rows of the page, replicas too; not those in another Region. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree_model), i);
      g_autoptr(RdsDbInstance) instance = row_get_instance (row);
      const char *identifier;
      g_autofree char *cpu = NULL;
      g_autofree char *activity = NULL;
      guint in_call = asked % ACTIVITY_ROWS_PER_CALL;
      RdsRequest *request;

      if (instance == NULL || elsewhere_region (instance) != NULL || row_cluster (instance) != NULL)
        continue;
      identifier = rds_db_instance_get_identifier (instance);
      cpu = g_strdup_printf ("c%u", asked);
      activity = g_strdup_printf ("a%u", asked);
      asked++;
      if (in_call == 0)
        {
          request = rds_request_new_for_api (&rds_api_monitoring, "GetMetricData");
          rds_request_set_timestamp (request, "StartTime", now - 10 * 60 * G_USEC_PER_SEC);
          rds_request_set_timestamp (request, "EndTime", now);
          g_ptr_array_add (requests, request);
        }
      request = g_ptr_array_index (requests, requests->len - 1);
      g_ptr_array_add (fetch->identifiers, g_strdup (identifier));
      rds_metrics_add_query (request, 2 * in_call + 1, cpu, "CPUUtilization", identifier, 300, "Average", TRUE);
      rds_metrics_add_query (request, 2 * in_call + 2, activity, "DatabaseConnections", identifier, 300, "Average",
                             TRUE);
    }
  fetch->pending = requests->len;
  if (requests->len == 0)
    {
      self->activity_in_flight = FALSE;
      activity_fetch_free (fetch);
      return;
    }
  for (guint i = 0; i < requests->len; i++)
    rds_session_call_async (session, g_ptr_array_index (requests, i), self->activity_cancellable, activity_cb, fetch);
}

/* Clusters came, went or changed: their rows and who is under them. */
static void
clusters_refreshed_cb (RdsDatabasesPage *self)
{
  if (read_replicas (self))
    show_replicas (self);
  update_state (self);
}

/* The clock moved on a minute since: the values are read again. */
static void
list_refreshed_cb (RdsDatabasesPage *self)
{
  /* The list's items are all in, and its keys current. */
  if (read_replicas (self))
    show_replicas (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && ABS (activity_now (self) - self->activity_at) >= 60 * G_USEC_PER_SEC)
    fetch_activity (self);
}

static void
selection_changed_cb (RdsDatabasesPage *self)
{
  RdsSlot *slot = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(RdsDbInstance) instance = slot != NULL ? row_get_instance (rds_slot_get_item (slot)) : NULL;

  if (!self->reselecting)
    g_set_weak_pointer (&self->selected, instance);
  /* A replica in another Region is acted on there; a cluster on its page. */
  rds_instance_actions_set_instance (self->actions,
                                     instance != NULL && elsewhere_region (instance) == NULL &&
                                     row_cluster (instance) == NULL ? instance : NULL);
}

/* The list is about to change under the selection: whatever the selection
 * model makes of the rows that come and go, the selected instance stays. */
static void
filtering_cb (RdsDatabasesPage *self)
{

  self->reselecting = TRUE;
}

/* The slots now hold other instances: the selection follows its instance
 * to its new row, or goes when it is filtered out or gone. */
static void
filtered_cb (RdsDatabasesPage *self)
{
  guint position = find_slot (self, self->selected);

  self->reselecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  /* The actions act on the row selected now, if any. */
  selection_changed_cb (self);
  self->reselecting = FALSE;
}

/* A change adds at once the rows in sight; those below come over the next
 * frames. A search that widens from ten rows to a page of 50 or 100 then
 * shows what the user sees within the keystroke's frame: in GTK 4.8 each
 * new row costs a fifth of a millisecond, and the page holds them all. */
static void
update_step (RdsDatabasesPage *self,
             GtkAdjustment    *adjustment)
{
  guint n = rds_slot_model_get_occupied (self->slots);
  double upper = gtk_adjustment_get_upper (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  /* Row heights are known from a table taller than its view: a shorter
   * one fills the view all the same. The header is about a row high. */
  if (n > 0 && upper > page)
    self->row_height = upper / (n + 1);
  if (self->row_height > 0 && page > 0)
    rds_slot_model_set_step (self->slots, (guint) ceil (page / self->row_height) + 1);
}

/* Rows that did not fit in the keystroke's frame, a step per frame. */
static gboolean
grow_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       data)
{
  RdsDatabasesPage *self = RDS_DATABASES_PAGE (widget);
  gboolean more;

  /* Not in the frame of the change itself: that one has its rows. */
  if (gdk_frame_clock_get_frame_counter (clock) <= self->grow_after)
    return G_SOURCE_CONTINUE;

  more = rds_slot_model_grow (self->slots);
  /* The selected instance may be in the rows just added. */
  filtered_cb (self);
  if (more)
    return G_SOURCE_CONTINUE;
  self->grow_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
pending_cb (RdsDatabasesPage *self)
{
  if (rds_slot_model_get_pending (self->slots) == 0 || self->grow_tick != 0)
    return;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* The frame coming shows the change. */
      self->grow_after = gdk_frame_clock_get_frame_counter (gtk_widget_get_frame_clock (GTK_WIDGET (self))) + 1;
      self->grow_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), grow_tick_cb, NULL, NULL);
      return;
    }

  /* Nobody is looking: all at once. */
  while (rds_slot_model_grow (self->slots))
    ;
  filtered_cb (self);
}

static void
search_changed_cb (RdsDatabasesPage *self,
                   GtkEditable      *entry)
{
  /* What the search finds, from its first page. */
  show_page_at (self, 0);
  rds_search_filter_set_search (self->search_filter, gtk_editable_get_text (entry));
  /* Which replicas show under a row the search kept may have changed. */
  if (gtk_filter_list_model_get_filter (self->filter_model) == self->tree_filter)
    remake_rows (self);
}

static void
activate_cb (RdsDatabasesPage *self,
             guint             position)
{
  g_autoptr(RdsDbInstance) instance = row_get_instance (rds_slot_model_get_item (self->slots, position));

  if (instance != NULL && elsewhere_region (instance) == NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), row_cluster (instance) != NULL ? "win.open-cluster"
                                                                                 : "win.open-database",
                                "s", rds_db_instance_get_identifier (instance));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RdsDatabasesPage *self = RDS_DATABASES_PAGE (widget);

  gtk_widget_grab_focus (self->search_entry);
}

static void
page_size_change_cb (RdsDatabasesPage *self,
                     GVariant         *state)
{
  guint size = g_variant_get_uint32 (state);

  if (size >= 10 && size <= 1000)
    rds_databases_page_set_page_size (self, size);
}

static void
rds_databases_page_dispose (GObject *object)
{
  RdsDatabasesPage *self = RDS_DATABASES_PAGE (object);

  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->search_entry != NULL)
    g_signal_handlers_disconnect_by_data (self->search_entry, self);
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (self->column_view, self);
  g_clear_object (&self->actions);
  g_clear_object (&self->page_size_action);
  g_cancellable_cancel (self->activity_cancellable);
  g_clear_object (&self->activity_cancellable);
  g_clear_pointer (&self->activity, g_hash_table_unref);
  g_clear_weak_pointer (&self->selected);
  g_clear_handle_id (&self->wanted_idle, g_source_remove);
  g_clear_pointer (&self->wanted, g_free);
  if (self->grow_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->grow_tick);
  self->grow_tick = 0;
  if (self->slots != NULL)
    g_signal_handlers_disconnect_by_data (self->slots, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->vadjustment);
  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->slots);
  if (self->page_model != NULL)
    g_signal_handlers_disconnect_by_data (self->page_model, self);
  if (self->tree_model != NULL)
    g_signal_handlers_disconnect_by_data (self->tree_model, self);
  g_clear_object (&self->tree_model);
  g_clear_object (&self->page_store);
  /* The tree's filter reads the page's tables: the search alone from now on. */
  if (self->filter_model != NULL && gtk_filter_list_model_get_filter (self->filter_model) == self->tree_filter)
    gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->search_filter));
  if (self->search_filter != NULL)
    g_signal_handlers_disconnect_by_data (self->search_filter, self);
  g_clear_object (&self->tree_filter);
  if (self->clusters != NULL)
    g_signal_handlers_disconnect_by_data (self->clusters, self);
  g_clear_object (&self->clusters);
  gtk_widget_dispose_template (GTK_WIDGET (self), RDS_TYPE_DATABASES_PAGE);
  g_clear_object (&self->all_rows);
  g_clear_object (&self->row_lists);
  g_clear_object (&self->cluster_rows);

  G_OBJECT_CLASS (rds_databases_page_parent_class)->dispose (object);
}

static void
rds_databases_page_finalize (GObject *object)
{
  RdsDatabasesPage *self = RDS_DATABASES_PAGE (object);

  g_clear_pointer (&self->activity_cells, g_ptr_array_unref);
  g_clear_pointer (&self->replicas, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_clear_pointer (&self->elsewhere, g_hash_table_unref);
  g_clear_pointer (&self->cluster_stand_ins, g_hash_table_unref);

  G_OBJECT_CLASS (rds_databases_page_parent_class)->finalize (object);
}

static void
rds_databases_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RdsDatabasesPage *self = RDS_DATABASES_PAGE (object);

  switch (prop_id)
    {
    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->page_size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_databases_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RdsDatabasesPage *self = RDS_DATABASES_PAGE (object);

  switch (prop_id)
    {
    case PROP_PAGE_SIZE:
      rds_databases_page_set_page_size (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static RdsResourceList *
rds_databases_page_get_list (RdsPage    *page,
                             RdsSession *session)
{
  return rds_session_get_instances (session);
}

static void
rds_databases_page_session_changed (RdsPage *page)
{
  RdsDatabasesPage *self = RDS_DATABASES_PAGE (page);

  RdsSession *session = rds_page_get_session (page);
  RdsResourceList *list = rds_page_get_list (page);

  rds_instance_actions_set_session (self->actions, session);

  /* The rows: the session's instances, then its clusters'. */
  if (self->clusters != NULL)
    g_signal_handlers_disconnect_by_data (self->clusters, self);
  g_clear_object (&self->clusters);
  g_list_store_remove_all (self->cluster_rows);
  g_hash_table_remove_all (self->cluster_stand_ins);
  g_list_store_remove_all (self->row_lists);
  if (list != NULL)
    g_list_store_append (self->row_lists, rds_resource_list_get_model (list));
  g_list_store_append (self->row_lists, self->cluster_rows);
  if (session != NULL)
    {
      self->clusters = g_object_ref (rds_session_get_clusters (session));
      g_signal_connect_object (self->clusters, "refreshed", G_CALLBACK (clusters_refreshed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  g_cancellable_cancel (self->activity_cancellable);
  g_clear_object (&self->activity_cancellable);
  self->activity_cancellable = g_cancellable_new ();
  self->activity_in_flight = FALSE;
  g_hash_table_remove_all (self->activity);
  show_activity (self);
  if (read_replicas (self))
    show_replicas (self);
  update_state (self);
  fetch_activity (self);
}

static void
rds_databases_page_class_init (RdsDatabasesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdsPageClass *page_class = RDS_PAGE_CLASS (klass);

  object_class->dispose = rds_databases_page_dispose;
  object_class->finalize = rds_databases_page_finalize;
  object_class->get_property = rds_databases_page_get_property;
  object_class->set_property = rds_databases_page_set_property;
  page_class->get_list = rds_databases_page_get_list;
  page_class->session_changed = rds_databases_page_session_changed;

  /* The settings' databases-page-size. */
  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL, 10, 1000, DEFAULT_PAGE_SIZE,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RDS_TYPE_DB_INSTANCE);
  g_type_ensure (RDS_TYPE_LINK_BUTTON);
  g_type_ensure (RDS_TYPE_SEARCH_FILTER);
  g_type_ensure (RDS_TYPE_STATUS_BADGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-databases-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, actions_button);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, pager);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, pager_label);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, page_model);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, identifier_column);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, role_column);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, engine_column);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, zone_column);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, class_column);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, multi_az_column);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, storage_column);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, cpu_column);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, activity_column);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, selection);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, search_filter);

  gtk_widget_class_install_action (widget_class, "page.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "page.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "page.next-page", NULL, next_page_action);
}

static void
rds_databases_page_init (RdsDatabasesPage *self)
{
  self->activity = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->activity_cells = g_ptr_array_new ();
  self->replicas = g_hash_table_new (g_str_hash, g_str_equal);
  self->sources = g_hash_table_new (NULL, NULL);
  self->elsewhere = g_hash_table_new (g_str_hash, g_str_equal);
  self->activity_cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* What the table sorts: the instances and the clusters' rows together
   * (see rds_databases_page_session_changed ()). */
  self->cluster_rows = g_list_store_new (RDS_TYPE_DB_INSTANCE);
  self->cluster_stand_ins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->row_lists = g_list_store_new (G_TYPE_LIST_MODEL);
  self->all_rows = gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->row_lists)));
  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->all_rows));

  set_cell_factory (self->identifier_column, CELL_IDENTIFIER, self);
  set_cell_factory (self->status_column, CELL_STATUS, self);
  set_cell_factory (self->role_column, CELL_ROLE, self);
  set_cell_factory (self->engine_column, CELL_ENGINE, self);
  set_cell_factory (self->zone_column, CELL_ZONE, self);
  set_cell_factory (self->class_column, CELL_CLASS, self);
  set_cell_factory (self->multi_az_column, CELL_MULTI_AZ, self);
  set_cell_factory (self->storage_column, CELL_STORAGE, self);
  set_cell_factory (self->cpu_column, CELL_CPU, self);
  set_cell_factory (self->activity_column, CELL_ACTIVITY, self);

  rds_search_filter_add_field (self->search_filter, "db-instance-identifier", NULL);
  rds_search_filter_add_field (self->search_filter, "engine", rds_format_engine);
  rds_search_filter_add_field (self->search_filter, "db-instance-status", rds_format_status);
  rds_search_filter_add_field (self->search_filter, "db-instance-class", NULL);
  rds_search_filter_add_field (self->search_filter, "availability-zone", NULL);

  self->page_size = DEFAULT_PAGE_SIZE;
  gtk_slice_list_model_set_size (self->page_model, self->page_size);
  /* The Preferences menu's page sizes, a stateful action whose radio
   * items show the size chosen (GTK 4.8's widget property actions leave
   * them all unchecked). It follows the property, without holding the page. */
  {
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

    self->page_size_action = g_simple_action_new_stateful ("page-size", G_VARIANT_TYPE_UINT32,
                                                            g_variant_new_uint32 (self->page_size));
    g_signal_connect_object (self->page_size_action, "change-state", G_CALLBACK (page_size_change_cb), self,
                             G_CONNECT_SWAPPED);
    g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->page_size_action));
    gtk_widget_insert_action_group (GTK_WIDGET (self), "table", G_ACTION_GROUP (group));
  }
  /* The page's top-level rows, and under them their replicas. */
  self->tree_filter = GTK_FILTER (gtk_custom_filter_new (tree_filter_match_cb, self, NULL));
  g_signal_connect_swapped (self->search_filter, "changed", G_CALLBACK (search_filter_changed_cb), self);
  self->page_store = g_list_store_new (RDS_TYPE_DB_INSTANCE);
  g_signal_connect_swapped (self->page_model, "items-changed", G_CALLBACK (page_changed_cb), self);
  self->tree_model = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->page_store)), FALSE, TRUE,
                                              create_replicas_cb, self, NULL);
  g_signal_connect_swapped (self->tree_model, "items-changed", G_CALLBACK (filtering_cb), self);
  self->slots = rds_slot_model_new (G_LIST_MODEL (self->tree_model));
  rds_slot_model_set_step (self->slots, ROWS_AT_ONCE);
  rds_slot_model_set_keep (self->slots, self->page_size);
  self->vadjustment = g_object_ref (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view)));
  g_signal_connect_swapped (self->vadjustment, "changed", G_CALLBACK (update_step), self);
  g_signal_connect_swapped (self->slots, "notify::pending", G_CALLBACK (pending_cb), self);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->slots));
  /* After the slots took the new instances. */
  g_signal_connect_swapped (self->tree_model, "items-changed", G_CALLBACK (filtered_cb), self);
  g_signal_connect_swapped (self->tree_model, "items-changed", G_CALLBACK (tree_changed_cb), self);

  self->actions = rds_instance_actions_new (GTK_WIDGET (self));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->actions_button),
                                  rds_instance_actions_get_menu ());

  /* Sorted by identifier until the user clicks another column. */
  gtk_column_view_sort_by_column (self->column_view, self->identifier_column, GTK_SORT_ASCENDING);

  g_signal_group_connect_swapped (rds_page_get_list_signals (RDS_PAGE (self)), "refreshed",
                                  G_CALLBACK (list_refreshed_cb), self);
  g_signal_group_connect_swapped (rds_page_get_list_signals (RDS_PAGE (self)), "notify::loaded",
                                  G_CALLBACK (update_state), self);

  g_signal_connect_swapped (self->filter_model, "items-changed", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (self->filter_model, "items-changed",
                            G_CALLBACK (filter_items_changed_cb), self);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (activate_cb), self);

  update_state (self);
}

/**
 * rds_databases_page_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected instance
 */
RdsDbInstance *
rds_databases_page_get_selected (RdsDatabasesPage *self)
{
  g_return_val_if_fail (RDS_IS_DATABASES_PAGE (self), NULL);

  return rds_instance_actions_get_instance (self->actions);
}

GtkSingleSelection *
rds_databases_page_get_selection (RdsDatabasesPage *self)
{
  g_return_val_if_fail (RDS_IS_DATABASES_PAGE (self), NULL);

  return self->selection;
}

GtkEditable *
rds_databases_page_get_search (RdsDatabasesPage *self)
{
  g_return_val_if_fail (RDS_IS_DATABASES_PAGE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

RdsInstanceActions *
rds_databases_page_get_actions (RdsDatabasesPage *self)
{
  g_return_val_if_fail (RDS_IS_DATABASES_PAGE (self), NULL);

  return self->actions;
}

static gboolean
select_wanted_cb (gpointer data)
{
  RdsDatabasesPage *self = data;

  self->wanted_idle = 0;
  if (self->wanted != NULL)
    rds_databases_page_select (self, self->wanted);
  return G_SOURCE_REMOVE;
}

/* A database asked for before the list had it (one just created, when
 * the list's refresh comes after the wizard's answer) is selected as soon
 * as its row comes, once the models have settled. */
static void
filter_items_changed_cb (RdsDatabasesPage *self)
{
  if (self->wanted != NULL && self->wanted_idle == 0)
    self->wanted_idle = g_idle_add (select_wanted_cb, self);
}

/* The row of @instance in the tree, its source's expanded on the way; NULL
 * when the search keeps it out. @top is the top-level row it is under. */
static GtkTreeListRow *
expand_to (RdsDatabasesPage *self,
           GtkTreeListRow   *top,
           RdsDbInstance    *instance)
{
  RdsDbInstance *chain[MAX_REPLICA_DEPTH + 1];
  g_autoptr(GtkTreeListRow) row = g_object_ref (top);
  guint depth = 0;

  /* From @instance up to its top-level source. */
  chain[0] = instance;
  while (depth < MAX_REPLICA_DEPTH && g_hash_table_lookup (self->sources, chain[depth]) != NULL)
    {
      chain[depth + 1] = g_hash_table_lookup (self->sources, chain[depth]);
      depth++;
    }

  while (depth-- > 0)
    {
      GListModel *replicas;
      GtkTreeListRow *next = NULL;

      gtk_tree_list_row_set_expanded (row, TRUE);
      replicas = gtk_tree_list_row_get_children (row);
      for (guint i = 0; replicas != NULL && next == NULL && i < g_list_model_get_n_items (replicas); i++)
        {
          g_autoptr(RdsDbInstance) replica = g_list_model_get_item (replicas, i);

          if (replica == chain[depth])
            next = gtk_tree_list_row_get_child_row (row, i);
        }
      if (next == NULL)
        return NULL;
      g_object_unref (row);
      row = next;
    }

  return g_steal_pointer (&row);
}

/* Selects the row of @identifier, on its page, under its source; FALSE
 * when the search hides it or there is none yet (then it is selected when
 * it comes). */
gboolean
rds_databases_page_select (RdsDatabasesPage *self,
                           const char       *identifier)
{
  RdsResourceList *list;
  RdsDbInstance *instance, *top;
  GListModel *model;
  guint n;

  g_return_val_if_fail (RDS_IS_DATABASES_PAGE (self), FALSE);

  /* select_wanted_cb () passes the wanted name itself. */
  if (self->wanted != identifier)
    {
      g_free (self->wanted);
      self->wanted = g_strdup (identifier);
    }

  list = rds_page_get_list (RDS_PAGE (self));
  instance = list != NULL ? rds_resource_list_find (list, identifier) : NULL;
  if (instance == NULL)
    return FALSE;
  /* A replica's row is on the page of its top-level source. */
  top = instance;
  for (guint depth = 0; depth < MAX_REPLICA_DEPTH; depth++)
    {
      RdsDbInstance *source = g_hash_table_lookup (self->sources, top);

      if (source == NULL)
        break;
      top = source;
    }

  model = G_LIST_MODEL (self->filter_model);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsDbInstance) item = g_list_model_get_item (model, i);
      g_autoptr(GtkTreeListRow) top_row = NULL;
      g_autoptr(GtkTreeListRow) row = NULL;
      guint position = GTK_INVALID_LIST_POSITION;

      if (item != top)
        continue;

      /* On its page, in its row: one that waits to be added comes now. */
      show_page_at (self, i);
      top_row = gtk_tree_list_model_get_child_row (self->tree_model,
                                                   i - gtk_slice_list_model_get_offset (self->page_model));
      row = top_row != NULL ? expand_to (self, top_row, instance) : NULL;
      if (row != NULL)
        while ((position = find_slot (self, instance)) == GTK_INVALID_LIST_POSITION &&
               rds_slot_model_get_pending (self->slots) > 0)
          rds_slot_model_grow (self->slots);
      gtk_single_selection_set_selected (self->selection, position);
      g_clear_pointer (&self->wanted, g_free);
      return position != GTK_INVALID_LIST_POSITION;
    }

  return FALSE;
}

guint
rds_databases_page_get_page_size (RdsDatabasesPage *self)
{
  g_return_val_if_fail (RDS_IS_DATABASES_PAGE (self), 0);

  return self->page_size;
}

void
rds_databases_page_set_page_size (RdsDatabasesPage *self,
                                  guint             page_size)
{
  guint first;

  g_return_if_fail (RDS_IS_DATABASES_PAGE (self));
  g_return_if_fail (page_size >= 10);

  if (self->page_size == page_size)
    return;

  /* The page that holds the first row shown so far. */
  first = gtk_slice_list_model_get_offset (self->page_model);
  self->page_size = page_size;
  gtk_slice_list_model_set_size (self->page_model, page_size);
  rds_slot_model_set_keep (self->slots, page_size);
  g_simple_action_set_state (self->page_size_action, g_variant_new_uint32 (page_size));
  show_page_at (self, first);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_SIZE]);
}

/* The page shown: "51–100 of 10000"; NULL when all fit on one. */
const char *
rds_databases_page_get_range (RdsDatabasesPage *self)
{
  g_return_val_if_fail (RDS_IS_DATABASES_PAGE (self), NULL);

  if (!gtk_widget_get_visible (self->pager))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (self->pager_label));
}

/**
 * rds_databases_page_get_activity:
 * @cpu: (out) (optional): the latest five minutes' average CPU, or NaN
 * @connections: (out) (optional): and connections, or NaN
 *
 * Returns: whether the page has values for @identifier (one on its page)
 */
gboolean
rds_databases_page_get_activity (RdsDatabasesPage *self,
                                 const char       *identifier,
                                 double           *cpu,
                                 double           *connections)
{
  Activity *activity;

  g_return_val_if_fail (RDS_IS_DATABASES_PAGE (self), FALSE);

  activity = g_hash_table_lookup (self->activity, identifier);
  if (cpu != NULL)
    *cpu = activity != NULL ? activity->cpu : NAN;
  if (connections != NULL)
    *connections = activity != NULL ? activity->connections : NAN;
  return activity != NULL;
}
