/* rds-dashboard-page.c: the Dashboard page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As the RDS console's dashboard: Create database, the resources the
 * account uses in the Region against its quotas (DescribeAccountAttributes),
 * how many DB instances each Region has, and the latest events. The
 * Region counts are asked of each Region's endpoint when the page shows
 * and every 30 seconds while it does.
 */

#include "config.h"

#include "rds-dashboard-page.h"

#include "rds-widget-util.h"

#include <glib/gi18n.h>

#include "rds-account-quota.h"
#include "rds-db-instance.h"
#include "rds-event.h"
#include "rds-event-row.h"
#include "rds-format.h"
#include "rds-heading.h"
#include "rds-region.h"
#include "rds-region-activity.h"
#include "rds-resource-list.h"
#include "rds-session.h"
#include "rds-since-filter.h"

#define RECENT_EVENTS 6
#define REGIONS_INTERVAL_SECONDS 30

typedef enum
{
  TILE_INSTANCES,
  TILE_AVAILABLE,
  TILE_STOPPED,
  TILE_MULTI_AZ,
  TILE_STORAGE,
  TILE_SNAPSHOTS,
  N_TILES
} Tile;

typedef struct
{
  GtkWidget *value;
  GtkWidget *caption;
} TileWidgets;

typedef struct
{
  GtkWidget *row;
  GtkWidget *count;
  int        instances;
} RegionRow;

struct _RdsDashboardPage
{
  RdsPage             parent_instance;

  GPtrArray          *held;          /* the session's lists it shows, kept current */
  RdsRegionActivity  *activity;
  GtkWidget          *cloudwatch_box;
  GSignalGroup       *session_signals;
  GSignalGroup       *instances_signals;
  GSignalGroup       *snapshots_signals;
  GSignalGroup       *events_signals;
  GCancellable       *cancellable;
  GCancellable       *regions_cancellable;
  guint               regions_timer;
  guint               regions_pending;
  gboolean            quotas_in_flight;
  GHashTable         *quotas;        /* AccountQuotaName → max */

  TileWidgets         tiles[N_TILES];
  RegionRow          *regions;
  guint               n_regions;

  GtkFilterListModel *events_recent;   /* of the last day */
  RdsSinceFilter     *events_since;
  GtkSortListModel   *events_sorted;
  GtkSliceListModel  *events_slice;

  GtkWidget          *resources_label;
  GtkWidget          *tiles_box;
  GtkWidget          *regions_list;
  GtkWidget          *events_stack;
  GtkWidget          *events_list;
};

G_DEFINE_FINAL_TYPE (RdsDashboardPage, rds_dashboard_page, RDS_TYPE_PAGE)

/* Resources */

static char *
used_of (RdsDashboardPage *self,
         gint64            used,
         const char       *quota)
{
  gpointer max = self->quotas != NULL ? g_hash_table_lookup (self->quotas, quota) : NULL;

  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, used);

  if (max == NULL)
    return g_steal_pointer (&count);

  /* Translators: used of a quota, "3/40" */
  return g_strdup_printf (_("%s/%d"), count, GPOINTER_TO_INT (max));
}

static void
set_tile (RdsDashboardPage *self,
          Tile              tile,
          const char       *value)
{
  g_autofree char *accessible = NULL;
  GtkWidget *box;

  gtk_label_set_label (GTK_LABEL (self->tiles[tile].value), value);
  /* Translators: a dashboard tile for screen readers: "Databases: 5" */
  accessible = g_strdup_printf (_("%s: %s"), gtk_label_get_label (GTK_LABEL (self->tiles[tile].caption)),
                                value);
  box = gtk_widget_get_parent (self->tiles[tile].value);
  /* A tile that opens a page is a button: the button says it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (GTK_IS_BUTTON (gtk_widget_get_parent (box))
                                                  ? gtk_widget_get_parent (box) : box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void show_region_count (RdsDashboardPage *self,
                               guint             index);

static void
update_resources (RdsDashboardPage *self)
{
  GListModel *instances, *snapshots;
  guint n, n_snapshots;
  gint64 available = 0, stopped = 0, multi_az = 0, storage = 0, manual = 0;
  g_autofree char *text = NULL;

  /* Counted when shown: a hidden dashboard does not walk every instance
   * on every poll. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (rds_page_get_session (RDS_PAGE (self)) == NULL)
    return;

  /* Translators: %s is an AWS Region's name */
  text = g_strdup_printf (_("You are using the following Amazon RDS resources in %s (used/quota)."),
                          rds_format_region_name (rds_session_get_region (rds_page_get_session (RDS_PAGE (self)))));
  gtk_label_set_label (GTK_LABEL (self->resources_label), text);

  instances = rds_resource_list_get_model (rds_session_get_instances (rds_page_get_session (RDS_PAGE (self))));
  n = g_list_model_get_n_items (instances);
  /* The Region's own row counts what the list has, as the card above
   * does, without waiting for the next round of the Regions' counts. */
  if (rds_resource_list_get_loaded (rds_session_get_instances (rds_page_get_session (RDS_PAGE (self)))))
    for (guint i = 0; i < self->n_regions; i++)
      if (g_strcmp0 (rds_region_get_all (NULL)[i].name,
                     rds_session_get_region (rds_page_get_session (RDS_PAGE (self)))) == 0)
        {
          self->regions[i].instances = n;
          show_region_count (self, i);
        }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsDbInstance) instance = g_list_model_get_item (instances, i);
      const char *status = rds_db_instance_get_status (instance);

      available += g_strcmp0 (status, "available") == 0;
      stopped += g_strcmp0 (status, "stopped") == 0;
      multi_az += rds_shape_get_boolean (RDS_SHAPE (instance), "multi-az");
      storage += rds_shape_get_int (RDS_SHAPE (instance), "allocated-storage");
    }

  snapshots = rds_resource_list_get_model (rds_session_get_snapshots (rds_page_get_session (RDS_PAGE (self))));
  n_snapshots = g_list_model_get_n_items (snapshots);
  for (guint i = 0; i < n_snapshots; i++)
    {
      g_autoptr(RdsShape) snapshot = g_list_model_get_item (snapshots, i);

      manual += g_strcmp0 (rds_shape_get_string (snapshot, "snapshot-type"), "manual") == 0;
    }

  {
    g_autofree char *instances_text = used_of (self, n, "DBInstances");
    g_autofree char *available_text = g_strdup_printf ("%" G_GINT64_FORMAT, available);
    g_autofree char *stopped_text = g_strdup_printf ("%" G_GINT64_FORMAT, stopped);
    g_autofree char *multi_az_text = g_strdup_printf ("%" G_GINT64_FORMAT, multi_az);
    g_autofree char *storage_text = used_of (self, storage, "AllocatedStorage");
    g_autofree char *snapshots_text = used_of (self, manual, "ManualSnapshots");

    /* Not known until a list has loaded (the endpoint may never answer):
     * a dash, not a zero. */
    RdsSession *session = rds_page_get_session (RDS_PAGE (self));
    gboolean instances_known = rds_resource_list_get_loaded (rds_session_get_instances (session)) || n > 0;
    gboolean snapshots_known = rds_resource_list_get_loaded (rds_session_get_snapshots (session)) || n_snapshots > 0;

    set_tile (self, TILE_INSTANCES, instances_known ? instances_text : "—");
    set_tile (self, TILE_AVAILABLE, instances_known ? available_text : "—");
    set_tile (self, TILE_STOPPED, instances_known ? stopped_text : "—");
    set_tile (self, TILE_MULTI_AZ, instances_known ? multi_az_text : "—");
    set_tile (self, TILE_STORAGE, instances_known ? storage_text : "—");
    set_tile (self, TILE_SNAPSHOTS, snapshots_known ? snapshots_text : "—");
  }
}

static void
quotas_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RdsDashboardPage) self = user_data;
  g_autoptr(GError) error = NULL;
  RdsQueryResult *answer;

  answer = rds_session_call_finish (RDS_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->quotas_in_flight = FALSE;
  if (answer != NULL)
    {
      g_hash_table_remove_all (self->quotas);
      for (guint i = 0; i < answer->items->len; i++)
        {
          RdsShape *quota = g_ptr_array_index (answer->items, i);

          g_hash_table_insert (self->quotas,
                               g_strdup (rds_shape_get_string (quota, "account-quota-name")),
                               GINT_TO_POINTER (rds_shape_get_int (quota, "max")));
        }
      rds_query_result_free (answer);
    }

  update_resources (self);
}

static void
load_quotas (RdsDashboardPage *self)
{
  g_autoptr(RdsRequest) request = NULL;

  if (rds_page_get_session (RDS_PAGE (self)) == NULL || self->quotas_in_flight)
    return;

  self->quotas_in_flight = TRUE;
  request = rds_request_new ("DescribeAccountAttributes");
  rds_session_call_async (rds_page_get_session (RDS_PAGE (self)), request, self->cancellable, quotas_cb, g_object_ref (self));
}

/* DB instances by Region */

typedef struct
{
  RdsDashboardPage *self;
  guint             index;
  int               count;
  RdsClient        *client;
} RegionCount;

static void count_region_page (RegionCount *count,
                               const char  *marker);

static void
region_count_free (RegionCount *count)
{
  g_object_unref (count->self);
  g_object_unref (count->client);
  g_free (count);
}

static void
show_region_count (RdsDashboardPage *self,
                   guint             index)
{
  RegionRow *row = &self->regions[index];
  /* Not counted yet (or the endpoint did not answer): a dash. */
  g_autofree char *text = row->instances >= 0 ? g_strdup_printf ("%d", row->instances) : g_strdup ("—");
  gboolean current = rds_page_get_session (RDS_PAGE (self)) != NULL &&
                     g_strcmp0 (rds_region_get_all (NULL)[index].name,
                                rds_session_get_region (rds_page_get_session (RDS_PAGE (self)))) == 0;

  gtk_label_set_label (GTK_LABEL (row->count), text);
  /* Regions without instances stay out of the way, but for the current one. */
  gtk_widget_set_visible (row->row, row->instances > 0 || current);
}

static void
region_page_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RegionCount *count = user_data;
  RdsDashboardPage *self = count->self;
  g_autoptr(GError) error = NULL;
  RdsQueryResult *answer;

  answer = rds_client_call_finish (RDS_CLIENT (object), result, &error);
  if (answer == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        self->regions_pending--;
      region_count_free (count);
      return;
    }

  count->count += answer->items->len;
  if (answer->marker != NULL)
    {
      g_autofree char *marker = g_strdup (answer->marker);

      rds_query_result_free (answer);
      count_region_page (count, marker);
      return;
    }

  rds_query_result_free (answer);
  self->regions[count->index].instances = count->count;
  show_region_count (self, count->index);
  self->regions_pending--;
  region_count_free (count);
}

static void
count_region_page (RegionCount *count,
                   const char  *marker)
{
  g_autoptr(RdsRequest) request = rds_request_new ("DescribeDBInstances");

  rds_request_set_int (request, "MaxRecords", 100);
  if (marker != NULL)
    rds_request_set (request, "Marker", marker);
  rds_client_call_async (count->client, request, count->self->regions_cancellable, region_page_cb,
                         count);
}

static void
count_regions (RdsDashboardPage *self)
{
  const RdsRegion *regions;

  /* A round still in flight is not doubled. */
  if (rds_page_get_session (RDS_PAGE (self)) == NULL || self->regions_pending > 0)
    return;

  regions = rds_region_get_all (NULL);
  g_cancellable_cancel (self->regions_cancellable);
  g_clear_object (&self->regions_cancellable);
  self->regions_cancellable = g_cancellable_new ();

  for (guint i = 0; i < self->n_regions; i++)
    {
      RegionCount *count = g_new0 (RegionCount, 1);

      count->self = g_object_ref (self);
      count->index = i;
      count->client = g_object_ref (rds_session_get_region_client (rds_page_get_session (RDS_PAGE (self)), regions[i].name));
      self->regions_pending++;
      count_region_page (count, NULL);
    }
}

static gboolean
regions_timer_cb (gpointer data)
{
  RdsDashboardPage *self = data;

  count_regions (self);
  load_quotas (self);
  return G_SOURCE_CONTINUE;
}

static void
region_changed_cb (RdsDashboardPage *self)
{
  for (guint i = 0; i < self->n_regions; i++)
    show_region_count (self, i);
  update_resources (self);
  load_quotas (self);
}

/* Recent events */

static GtkWidget *
create_event_row (gpointer item,
                  gpointer user_data)
{
  return rds_event_row_new (item);
}

/* The last day, in simulated time, as the empty list says. */
static void
update_events_since (RdsDashboardPage *self)
{
  gint64 now = rds_page_get_session (RDS_PAGE (self)) != NULL ? rds_session_get_simulated_time (rds_page_get_session (RDS_PAGE (self))) : 0;

  rds_since_filter_set_since (self->events_since, now > 0 ? now - (gint64) 24 * 3600 * G_USEC_PER_SEC : 0);
}

static void
events_changed_cb (RdsDashboardPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->events_slice));

  gtk_stack_set_visible_child_name (GTK_STACK (self->events_stack), n > 0 ? "list" : "empty");
}

/* RdsPage */

static gboolean
rds_dashboard_page_is_loading (RdsPage *page)
{
  RdsDashboardPage *self = RDS_DASHBOARD_PAGE (page);

  return self->regions_pending > 0 || self->quotas_in_flight ||
         rds_region_activity_is_loading (self->activity);
}

/* GtkWidget */

static void
rds_dashboard_page_map (GtkWidget *widget)
{
  RdsDashboardPage *self = RDS_DASHBOARD_PAGE (widget);

  GTK_WIDGET_CLASS (rds_dashboard_page_parent_class)->map (widget);

  update_resources (self);
  regions_timer_cb (self);
  if (self->regions_timer == 0)
    self->regions_timer = g_timeout_add_seconds (REGIONS_INTERVAL_SECONDS, regions_timer_cb, self);
}

static void
rds_dashboard_page_unmap (GtkWidget *widget)
{
  RdsDashboardPage *self = RDS_DASHBOARD_PAGE (widget);

  g_clear_handle_id (&self->regions_timer, g_source_remove);

  GTK_WIDGET_CLASS (rds_dashboard_page_parent_class)->unmap (widget);
}

/* GObject */

static void
rds_dashboard_page_dispose (GObject *object)
{
  RdsDashboardPage *self = RDS_DASHBOARD_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->regions_cancellable);
  g_clear_handle_id (&self->regions_timer, g_source_remove);
  g_clear_pointer (&self->held, g_ptr_array_unref);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->instances_signals);
  g_clear_object (&self->snapshots_signals);
  g_clear_object (&self->events_signals);
  g_clear_object (&self->events_slice);
  g_clear_object (&self->events_sorted);
  g_clear_object (&self->events_recent);
  g_clear_object (&self->events_since);
  gtk_widget_dispose_template (GTK_WIDGET (self), RDS_TYPE_DASHBOARD_PAGE);

  G_OBJECT_CLASS (rds_dashboard_page_parent_class)->dispose (object);
}

static void
rds_dashboard_page_finalize (GObject *object)
{
  RdsDashboardPage *self = RDS_DASHBOARD_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->regions_cancellable);
  g_clear_pointer (&self->quotas, g_hash_table_unref);
  g_free (self->regions);

  G_OBJECT_CLASS (rds_dashboard_page_parent_class)->finalize (object);
}

static void
rds_dashboard_page_session_changed (RdsPage *page)
{
  RdsDashboardPage *self = RDS_DASHBOARD_PAGE (page);
  RdsSession *session = rds_page_get_session (page);

  /* Holding them keeps the session polling them. */
  g_ptr_array_set_size (self->held, 0);
  if (session != NULL)
    {
      g_ptr_array_add (self->held, g_object_ref (rds_session_get_instances (session)));
      g_ptr_array_add (self->held, g_object_ref (rds_session_get_snapshots (session)));
      g_ptr_array_add (self->held, g_object_ref (rds_session_get_events (session)));
    }

  g_signal_group_set_target (self->session_signals, session);
  g_signal_group_set_target (self->instances_signals,
                             session != NULL ? rds_session_get_instances (session) : NULL);
  g_signal_group_set_target (self->snapshots_signals,
                             session != NULL ? rds_session_get_snapshots (session) : NULL);
  g_signal_group_set_target (self->events_signals,
                             session != NULL ? rds_session_get_events (session) : NULL);
  update_events_since (self);
  gtk_filter_list_model_set_model (self->events_recent,
                                   session != NULL
                                   ? rds_resource_list_get_model (rds_session_get_events (session))
                                   : NULL);

  /* The last endpoint's counts go with it, and its rounds in flight. */
  g_cancellable_cancel (self->regions_cancellable);
  self->regions_pending = 0;
  for (guint i = 0; i < self->n_regions; i++)
    {
      self->regions[i].instances = -1;
      show_region_count (self, i);
    }

  rds_region_activity_set_session (self->activity, session);
  update_resources (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    regions_timer_cb (self);
}

static void
rds_dashboard_page_class_init (RdsDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdsPageClass *page_class = RDS_PAGE_CLASS (klass);

  object_class->dispose = rds_dashboard_page_dispose;
  object_class->finalize = rds_dashboard_page_finalize;
  page_class->session_changed = rds_dashboard_page_session_changed;
  page_class->is_loading = rds_dashboard_page_is_loading;

  widget_class->map = rds_dashboard_page_map;
  widget_class->unmap = rds_dashboard_page_unmap;

  g_type_ensure (RDS_TYPE_HEADING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsDashboardPage, resources_label);
  gtk_widget_class_bind_template_child_full (widget_class, "tiles", FALSE,
                                             G_STRUCT_OFFSET (RdsDashboardPage, tiles_box));
  gtk_widget_class_bind_template_child (widget_class, RdsDashboardPage, regions_list);
  gtk_widget_class_bind_template_child (widget_class, RdsDashboardPage, cloudwatch_box);
  gtk_widget_class_bind_template_child (widget_class, RdsDashboardPage, events_stack);
  gtk_widget_class_bind_template_child (widget_class, RdsDashboardPage, events_list);
}

static void
add_tile (RdsDashboardPage *self,
          Tile              tile,
          const char       *caption,
          const char       *page)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *child = box;

  self->tiles[tile].value = gtk_label_new ("0");
  gtk_label_set_xalign (GTK_LABEL (self->tiles[tile].value), 0);
  gtk_widget_add_css_class (self->tiles[tile].value, "title-1");
  gtk_widget_add_css_class (self->tiles[tile].value, "numeric");
  self->tiles[tile].caption = gtk_label_new (caption);
  gtk_label_set_xalign (GTK_LABEL (self->tiles[tile].caption), 0);
  gtk_label_set_wrap (GTK_LABEL (self->tiles[tile].caption), TRUE);
  gtk_widget_add_css_class (self->tiles[tile].caption, "dim-label");
  gtk_box_append (GTK_BOX (box), self->tiles[tile].value);
  gtk_box_append (GTK_BOX (box), self->tiles[tile].caption);

  /* A tile opens its page (every tile is a button: see
   * rds_flow_box_focus_controls ()). */
  if (page != NULL)
    {
      child = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (child), box);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (child), "win.show-page");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (child), "s", page);
      gtk_widget_add_css_class (child, "flat");
    }
  gtk_widget_add_css_class (child, "card");
  gtk_widget_add_css_class (child, "dashboard-tile");
  gtk_flow_box_append (GTK_FLOW_BOX (self->tiles_box), child);
}

static void
rds_dashboard_page_init (RdsDashboardPage *self)
{
  const RdsRegion *regions;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->activity = RDS_REGION_ACTIVITY (rds_region_activity_new ());
  gtk_box_append (GTK_BOX (self->cloudwatch_box), GTK_WIDGET (self->activity));

  self->cancellable = g_cancellable_new ();
  self->regions_cancellable = g_cancellable_new ();
  self->quotas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  add_tile (self, TILE_INSTANCES, _("DB instances"), "databases");
  add_tile (self, TILE_AVAILABLE, _("Available"), "databases");
  add_tile (self, TILE_STOPPED, _("Stopped"), "databases");
  add_tile (self, TILE_MULTI_AZ, _("Multi-AZ"), "databases");
  add_tile (self, TILE_STORAGE, _("Allocated storage (GiB)"), "databases");
  add_tile (self, TILE_SNAPSHOTS, _("Manual snapshots"), "snapshots");
  rds_flow_box_focus_controls (GTK_FLOW_BOX (self->tiles_box));

  regions = rds_region_get_all (&self->n_regions);
  self->regions = g_new0 (RegionRow, self->n_regions);
  for (guint i = 0; i < self->n_regions; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(regions[i].display_name));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), regions[i].name);
      self->regions[i].count = gtk_label_new ("—");
      self->regions[i].instances = -1;
      gtk_widget_add_css_class (self->regions[i].count, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->regions[i].count);
      self->regions[i].row = row;
      gtk_widget_set_visible (row, FALSE);
      gtk_list_box_append (GTK_LIST_BOX (self->regions_list), row);
    }

  /* The newest events of the last day, live: sorted by date, first few. */
  self->events_since = rds_since_filter_new ("date");
  self->events_recent = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->events_since)));
  self->events_sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->events_recent)),
    GTK_SORTER (gtk_numeric_sorter_new (rds_date_expression_new (RDS_TYPE_EVENT, "date"))));
  gtk_numeric_sorter_set_sort_order (GTK_NUMERIC_SORTER (gtk_sort_list_model_get_sorter (self->events_sorted)),
                                     GTK_SORT_DESCENDING);
  self->events_slice = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->events_sorted)),
                                                 0, RECENT_EVENTS);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->events_list), G_LIST_MODEL (self->events_slice),
                           create_event_row, NULL, NULL);
  g_signal_connect_swapped (self->events_slice, "items-changed", G_CALLBACK (events_changed_cb), self);

  self->held = g_ptr_array_new_with_free_func (g_object_unref);
  self->session_signals = g_signal_group_new (RDS_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::region",
                                  G_CALLBACK (region_changed_cb), self);
  self->instances_signals = g_signal_group_new (RDS_TYPE_RESOURCE_LIST);
  g_signal_group_connect_swapped (self->instances_signals, "refreshed",
                                  G_CALLBACK (update_resources), self);
  self->snapshots_signals = g_signal_group_new (RDS_TYPE_RESOURCE_LIST);
  g_signal_group_connect_swapped (self->snapshots_signals, "refreshed",
                                  G_CALLBACK (update_resources), self);
  self->events_signals = g_signal_group_new (RDS_TYPE_RESOURCE_LIST);
  g_signal_group_connect_swapped (self->events_signals, "refreshed",
                                  G_CALLBACK (update_events_since), self);

  events_changed_cb (self);
}

