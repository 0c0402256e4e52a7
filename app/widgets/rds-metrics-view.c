/* rds-metrics-view.c: a DB instance's CloudWatch metrics and alarms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Monitoring tab of a database's page, as the RDS console has it: a
 * grid of the instance's metrics over a time range (the last hour to the
 * last two weeks, or a custom range), the instance's events as markers on
 * each chart, and its CloudWatch alarms with their state, their
 * thresholds drawn on the charts they watch. All of it comes from the
 * endpoint's CloudWatch: one GetMetricData for every chart, DescribeEvents
 * and DescribeAlarms. When the range ends now, the view follows the
 * clock: the simulator's, or the real one.
 *
 * Or an Aurora cluster's: the metrics CloudWatch keeps by
 * DBClusterIdentifier (its volume's size and I/O) and the cluster's
 * events; its alarms are its instances'.
 */

#include "config.h"

#include "rds-metrics-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rds-alarm-list.h"
#include "rds-create-alarm-dialog.h"
#include "rds-db-cluster.h"
#include "rds-db-instance.h"
#include "rds-dimension.h"
#include "rds-event.h"
#include "rds-format.h"
#include "rds-heading.h"
#include "rds-metric-data.h"
#include "rds-metric-data-result.h"
#include "rds-metrics.h"
#include "rds-resource-list.h"
#include "rds-session.h"
#include "rds-widget-util.h"

#define MINUTE_USEC (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)
#define HOUR_USEC (60 * MINUTE_USEC)
#define DAY_USEC (24 * HOUR_USEC)
#define MAX_POINTS_PER_CHART 1440

static const struct
{
  const char *label;
  gint64      span;
} ranges[RDS_METRICS_N_RANGES] = {
  [RDS_METRICS_RANGE_1_HOUR] = { N_("1 hour"), HOUR_USEC },
  [RDS_METRICS_RANGE_3_HOURS] = { N_("3 hours"), 3 * HOUR_USEC },
  [RDS_METRICS_RANGE_12_HOURS] = { N_("12 hours"), 12 * HOUR_USEC },
  [RDS_METRICS_RANGE_1_DAY] = { N_("1 day"), DAY_USEC },
  [RDS_METRICS_RANGE_3_DAYS] = { N_("3 days"), 3 * DAY_USEC },
  [RDS_METRICS_RANGE_1_WEEK] = { N_("1 week"), 7 * DAY_USEC },
  [RDS_METRICS_RANGE_2_WEEKS] = { N_("2 weeks"), 14 * DAY_USEC },
  [RDS_METRICS_RANGE_CUSTOM] = { N_("Custom"), 0 },
};

/* The simulator's workload profiles, as its /_sim/workload names them. */
static const struct
{
  const char *name;
  const char *label;
} profiles[] = {
  { "idle", N_("Idle") },
  { "steady-oltp", N_("Steady OLTP") },
  { "read-heavy-reporting", N_("Read-heavy reporting") },
  { "spiky-batch", N_("Spiky batch") },
};

struct _RdsMetricsView
{
  GtkWidget        parent_instance;

  RdsSession      *session;
  RdsDbInstance   *instance;
  RdsDbCluster    *cluster;      /* or a cluster's, instance NULL */
  char            *charts_key;   /* what the charts were built for */
  GCancellable    *cancellable;
  GSignalGroup    *list_signals;
  GSignalGroup    *session_signals;
  RdsMetricsRange  range;
  gint64           custom_start;
  gint64           custom_end;
  gint64           start;        /* of what the charts show */
  gint64           end;
  int              period;
  gint64           fetched_at;   /* the clock when the charts were last asked for */
  guint            in_flight;
  gboolean         again;        /* asked to refresh while a refresh was under way */
  GPtrArray       *charts;       /* RdsChart, in the order of rds_metrics_get_all () */
  GArray          *chart_metrics; /* RdsMetricId of each */
  GListStore      *alarms;       /* RdsMetricAlarm of this instance */

  GtkWidget       *box;
  GtkWidget       *range_dropdown;
  GtkWidget       *custom_popover;
  GtkWidget       *custom_start_entry;
  GtkWidget       *custom_end_entry;
  GtkWidget       *custom_error;
  GtkWidget       *charts_box;
  GtkWidget       *alarms_heading;
  GtkWidget       *alarms_stack;
  GtkWidget       *alarms_list;
  GtkWidget       *status_label;
  GtkWidget       *workload_box;
  GtkWidget       *profile_dropdown;
  GtkWidget       *multiplier_spin;
  gboolean         showing_workload;  /* setting the controls, not the user */
  gboolean         workload_in_flight;
  gboolean         events_continued;  /* a later page of events is awaited */
  GPtrArray       *alarms_collected;  /* the pages of alarms read so far */
  gboolean         workload_again;    /* changed again meanwhile: send the latest */
};

G_DEFINE_FINAL_TYPE (RdsMetricsView, rds_metrics_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void fetch (RdsMetricsView *self);

/**
 * rds_metrics_view_get_range_label:
 *
 * Returns: the range's name, translated: "1 hour"
 */
const char *
rds_metrics_view_get_range_label (RdsMetricsRange range)
{
  g_return_val_if_fail (range < RDS_METRICS_N_RANGES, NULL);

  return _(ranges[range].label);
}

static gint64
clock_now (RdsMetricsView *self)
{
  return self->session != NULL ? rds_session_get_now (self->session) : g_get_real_time ();
}

/* A period that gives at most 1,440 points, as CloudWatch keeps data of
 * the range's age. */
static int
period_for (gint64 start,
            gint64 end,
            gint64 now)
{
  gint64 span = MAX (MINUTE_USEC, end - start) / G_USEC_PER_SEC;
  int resolution = rds_metrics_resolution_for_age (now - start);
  int period = (int) MAX (60, (span + MAX_POINTS_PER_CHART - 1) / MAX_POINTS_PER_CHART);

  if (resolution == 0)
    resolution = 3600;
  period = (period + 59) / 60 * 60;
  return (period + resolution - 1) / resolution * resolution;
}

static void
set_loading (RdsMetricsView *self,
             gint            change)
{
  gboolean was = self->in_flight > 0;

  self->in_flight += change;
  if (was != (self->in_flight > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* The charts */

static const char *
instance_id (RdsMetricsView *self)
{
  return self->instance != NULL ? rds_db_instance_get_identifier (self->instance) : NULL;
}

/* Whose metrics and events: the instance's, or the cluster's. */
static const char *
source_id (RdsMetricsView *self)
{
  return self->cluster != NULL ? rds_db_cluster_get_identifier (self->cluster) : instance_id (self);
}

/* An Aurora reader publishes AuroraReplicaLag, its writer the maximum;
 * which is which the cluster says. Other engines' replicas, their lag. */
static gboolean
is_replica (RdsMetricsView *self)
{
  RdsShape *shape = RDS_SHAPE (self->instance);
  const char *cluster_id = rds_shape_get_string (shape, "db-cluster-identifier");

  if (cluster_id != NULL)
    {
      RdsDbCluster *cluster = self->session != NULL
                              ? rds_resource_list_find (rds_session_get_clusters (self->session), cluster_id)
                              : NULL;

      return cluster != NULL && rds_db_cluster_get_writer (cluster) != NULL &&
             g_strcmp0 (rds_db_cluster_get_writer (cluster), instance_id (self)) != 0;
    }
  return rds_shape_get_string (shape, "read-replica-source-db-instance-identifier") != NULL;
}

/* What the charts depend on: rebuilt when it changes. */
static char *
charts_key (RdsMetricsView *self)
{
  RdsShape *shape = RDS_SHAPE (self->instance);

  if (self->cluster != NULL)
    return g_strconcat ("cluster/", rds_db_cluster_get_identifier (self->cluster), NULL);
  if (self->instance == NULL)
    return NULL;
  return g_strdup_printf ("%s/%s/%s/%d", instance_id (self), rds_shape_get_string (shape, "db-instance-class"),
                          rds_shape_get_string (shape, "storage-type"), is_replica (self));
}

static GtkWidget *
chart_card (RdsMetricsView      *self,
            const RdsMetricInfo *info,
            RdsChart            *chart)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_(info->title));
  GtkWidget *enlarge = gtk_button_new_from_icon_name ("view-fullscreen-symbolic");
  GtkWidget *alarm = gtk_button_new_from_icon_name ("alarm-symbolic");
  g_autofree char *enlarge_name = g_strdup_printf (_("Enlarge %s"), _(info->title));
  g_autofree char *alarm_name = g_strdup_printf (_("Create an alarm on %s"), _(info->title));

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "chart-card");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_tooltip_text (title, _(info->description));
  gtk_widget_add_css_class (title, "heading");

  gtk_widget_add_css_class (enlarge, "flat");
  gtk_widget_set_tooltip_text (enlarge, enlarge_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (enlarge), GTK_ACCESSIBLE_PROPERTY_LABEL, enlarge_name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (enlarge), "metrics.enlarge");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (enlarge), "s", info->name);

  gtk_widget_add_css_class (alarm, "flat");
  gtk_widget_set_tooltip_text (alarm, alarm_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (alarm), GTK_ACCESSIBLE_PROPERTY_LABEL, alarm_name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (alarm), "metrics.create-alarm");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (alarm), "s", info->name);

  /* The alarms the console makes watch an instance. */
  gtk_widget_set_visible (alarm, self->instance != NULL);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), alarm);
  gtk_box_append (GTK_BOX (header), enlarge);
  gtk_box_append (GTK_BOX (card), header);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (chart));
  gtk_widget_set_name (card, info->name);
  return card;
}

/* A cluster's: its volume's, and its Serverless v2 instances' average
 * capacity once it has a range. */
static gboolean
cluster_publishes (RdsMetricsView      *self,
                   const RdsMetricInfo *info)
{
  return info->scope == RDS_METRIC_FOR_CLUSTER ||
         (info->id == RDS_METRIC_SERVERLESS_DATABASE_CAPACITY &&
          rds_shape_get_object (RDS_SHAPE (self->cluster), "serverless-v2-scaling-configuration") != NULL);
}

/* One chart per metric the instance (or the cluster) publishes. */
static void
rebuild_charts (RdsMetricsView *self)
{
  RdsShape *shape = self->instance != NULL ? RDS_SHAPE (self->instance) : NULL;
  const RdsMetricInfo *all;
  gboolean replica;
  guint n;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->charts_box)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->charts_box), child);
  g_ptr_array_set_size (self->charts, 0);
  g_array_set_size (self->chart_metrics, 0);
  gtk_widget_set_visible (self->alarms_heading, self->cluster == NULL);
  gtk_widget_set_visible (self->alarms_stack, self->cluster == NULL);
  if (shape == NULL && self->cluster == NULL)
    return;

  replica = shape != NULL && is_replica (self);
  all = rds_metrics_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      RdsChart *chart;

      if (self->cluster != NULL ? !cluster_publishes (self, &all[i])
                                : !rds_metrics_publishes (&all[i], rds_db_instance_get_engine (self->instance),
                                                          rds_shape_get_string (shape, "db-instance-class"),
                                                          rds_shape_get_string (shape, "storage-type"), replica))
        continue;
      chart = RDS_CHART (rds_chart_new ());
      rds_chart_set_title (chart, _(all[i].title));
      rds_chart_set_display (chart, all[i].display);
      rds_chart_set_empty_text (chart, _("No data"));
      gtk_widget_set_vexpand (GTK_WIDGET (chart), TRUE);
      g_ptr_array_add (self->charts, chart);
      g_array_append_val (self->chart_metrics, all[i].id);
      {
        GtkWidget *card = chart_card (self, &all[i], chart);

        gtk_flow_box_append (GTK_FLOW_BOX (self->charts_box), card);
        /* The chart and its buttons are Tab stops; the cell around them is not. */
        gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
      }
    }
}

/* The window the range means now. */
static void
update_window (RdsMetricsView *self)
{
  gint64 now = clock_now (self);

  if (self->range == RDS_METRICS_RANGE_CUSTOM)
    {
      self->start = self->custom_start;
      self->end = self->custom_end;
    }
  else
    {
      /* To the minute: a whole number of periods. */
      self->end = now - now % MINUTE_USEC;
      self->start = self->end - ranges[self->range].span;
    }
  self->period = period_for (self->start, self->end, now);
  self->fetched_at = now;
  for (guint i = 0; i < self->charts->len; i++)
    rds_chart_set_range (g_ptr_array_index (self->charts, i), self->start, self->end);
}

static RdsChart *
chart_for (RdsMetricsView *self,
           RdsMetricId     metric)
{
  for (guint i = 0; i < self->chart_metrics->len; i++)
    if (g_array_index (self->chart_metrics, RdsMetricId, i) == metric)
      return g_ptr_array_index (self->charts, i);
  return NULL;
}

typedef struct
{
  RdsMetricsView *self;
  GHashTable     *times;    /* query id → GArray of gint64 */
  GHashTable     *values;   /* query id → GArray of double */
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_object_unref (fetch->self);
  g_hash_table_unref (fetch->times);
  g_hash_table_unref (fetch->values);
  g_free (fetch);
}

static RdsRequest *
metric_data_request (RdsMetricsView *self,
                     const char     *token)
{
  RdsRequest *request = rds_request_new_for_api (&rds_api_monitoring, "GetMetricData");

  for (guint i = 0; i < self->chart_metrics->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("m%u", i);

      rds_metrics_add_query_for (request, i + 1, id,
                                 rds_metrics_get (g_array_index (self->chart_metrics, RdsMetricId, i))->name,
                                 self->cluster != NULL ? RDS_METRICS_CLUSTER_DIMENSION : RDS_METRICS_DIMENSION,
                                 source_id (self), self->period, "Average", TRUE);
    }
  rds_request_set_timestamp (request, "StartTime", self->start);
  rds_request_set_timestamp (request, "EndTime", self->end);
  rds_request_set (request, "ScanBy", "TimestampAscending");
  rds_request_set (request, "NextToken", token);
  return request;
}

static void
metric_data_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Fetch *fetch = user_data;
  RdsMetricsView *self = fetch->self;
  g_autoptr(RdsQueryResult) answer = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *results;
  const char *token;

  answer = rds_session_call_finish (RDS_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fetch_free (fetch);
      return;
    }
  if (answer == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The metrics could not be read: %s"), error->message);

      gtk_label_set_label (GTK_LABEL (self->status_label), text);
      gtk_widget_set_visible (self->status_label, TRUE);
      set_loading (self, -1);
      fetch_free (fetch);
      return;
    }

  /* Pages of one answer, joined. */
  results = G_LIST_MODEL (rds_shape_ensure_list (answer->item, "metric-data-results"));
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(RdsShape) item = g_list_model_get_item (results, i);
      const char *id = rds_shape_get_string (item, "id");
      GArray *times = rds_shape_get_array (item, "timestamps");
      GArray *values = rds_shape_get_array (item, "values");
      GArray *all_times, *all_values;

      if (id == NULL || times == NULL)
        continue;
      all_times = g_hash_table_lookup (fetch->times, id);
      all_values = g_hash_table_lookup (fetch->values, id);
      if (all_times == NULL)
        {
          all_times = g_array_new (FALSE, FALSE, sizeof (gint64));
          all_values = g_array_new (FALSE, FALSE, sizeof (double));
          g_hash_table_insert (fetch->times, g_strdup (id), all_times);
          g_hash_table_insert (fetch->values, g_strdup (id), all_values);
        }
      g_array_append_vals (all_times, times->data, times->len);
      g_array_append_vals (all_values, values->data, values->len);
    }

  token = rds_shape_get_string (answer->item, "next-token");
  if (token != NULL)
    {
      g_autoptr(RdsRequest) request = metric_data_request (self, token);

      rds_session_call_async (self->session, request, self->cancellable, metric_data_cb, fetch);
      return;
    }

  for (guint i = 0; i < self->charts->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("m%u", i);

      rds_chart_set_data (g_ptr_array_index (self->charts, i), g_hash_table_lookup (fetch->times, id),
                          g_hash_table_lookup (fetch->values, id), self->period);
    }
  gtk_widget_set_visible (self->status_label, FALSE);
  set_loading (self, -1);
  fetch_free (fetch);
}

/* Events become markers. */
static gboolean
marker_kind (const char         *message,
             RdsChartMarkerKind *kind)
{
  if (strstr (message, "failover") != NULL)
    *kind = RDS_CHART_MARKER_FAILOVER;
  else if (strstr (message, "restarted") != NULL || strstr (message, "DB instance shutdown") != NULL ||
           strstr (message, "DB instance stopped") != NULL || strstr (message, "DB instance started") != NULL)
    *kind = RDS_CHART_MARKER_REBOOT;
  else if (strstr (message, "autoscaling") != NULL || strstr (message, "storage") != NULL)
    *kind = RDS_CHART_MARKER_STORAGE;
  else if (g_str_has_prefix (message, "Finished applying modification"))
    *kind = RDS_CHART_MARKER_MODIFICATION;
  else
    return FALSE;
  return TRUE;
}

static RdsRequest *events_request (RdsMetricsView *self,
                                   const char     *marker);

static void
events_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RdsMetricsView) self = user_data;
  g_autoptr(RdsQueryResult) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = rds_session_call_finish (RDS_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (answer == NULL)
    {
      set_loading (self, -1);
      return;
    }

  /* Page after page: the first clears the markers. */
  if (!self->events_continued)
    for (guint c = 0; c < self->charts->len; c++)
      rds_chart_clear_markers (g_ptr_array_index (self->charts, c));
  if (answer->marker != NULL)
    {
      g_autoptr(RdsRequest) next = events_request (self, answer->marker);

      self->events_continued = TRUE;
      rds_session_call_async (self->session, next, self->cancellable, events_cb, g_object_ref (self));
    }
  else
    {
      self->events_continued = FALSE;
      set_loading (self, -1);
    }
  for (guint i = 0; i < answer->items->len; i++)
    {
      RdsEvent *event = g_ptr_array_index (answer->items, i);
      const char *message = rds_event_get_message (event);
      RdsChartMarkerKind kind;

      if (message == NULL || !marker_kind (message, &kind))
        continue;
      for (guint c = 0; c < self->charts->len; c++)
        rds_chart_add_marker (g_ptr_array_index (self->charts, c), rds_event_get_date (event), kind, message);
    }
}

/* Alarms */

static const char *
operator_symbol (const char *op)
{
  if (g_strcmp0 (op, "GreaterThanOrEqualToThreshold") == 0)
    return "≥";
  if (g_strcmp0 (op, "GreaterThanThreshold") == 0)
    return ">";
  if (g_strcmp0 (op, "LessThanThreshold") == 0)
    return "<";
  return "≤";
}

static char *
alarm_condition (RdsShape *alarm)
{
  const RdsMetricInfo *info = rds_metrics_lookup (rds_shape_get_string (alarm, "metric-name"));
  const char *statistic = rds_shape_get_string (alarm, "statistic");
  g_autofree char *threshold = info != NULL ? rds_format_metric_value (info->display,
                                                                       rds_shape_get_double (alarm, "threshold"))
                                            : g_strdup_printf ("%g", rds_shape_get_double (alarm, "threshold"));
  int periods = rds_shape_get_int (alarm, "evaluation-periods");
  int needed = rds_shape_get_int (alarm, "datapoints-to-alarm");
  int period = rds_shape_get_int (alarm, "period");

  if (needed < 1)
    needed = periods;
  /* Translators: an alarm's rule: "Average CPU utilization > 80 % for 2 of 3 periods of 5 minutes" */
  return g_strdup_printf (_("%s %s %s %s for %d of %d periods of %d minutes"),
                          statistic != NULL ? statistic : rds_shape_get_string (alarm, "extended-statistic"),
                          info != NULL ? _(info->title) : rds_shape_get_string (alarm, "metric-name"),
                          operator_symbol (rds_shape_get_string (alarm, "comparison-operator")),
                          threshold, needed, periods, MAX (1, period / 60));
}

static GtkWidget *
alarm_row (RdsShape *alarm)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gtk_label_new (rds_format_alarm_state (rds_shape_get_string (alarm, "state-value")));
  g_autofree char *condition = alarm_condition (alarm);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rds_shape_get_string (alarm, "alarm-name"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), condition);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_add_css_class (badge, rds_alarm_state_get_css_class (rds_shape_get_string (alarm, "state-value")));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (badge, rds_shape_get_string (alarm, "state-reason"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  return row;
}

static void
show_alarms (RdsMetricsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->alarms));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->alarms_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->alarms_list), child);
  for (guint c = 0; c < self->charts->len; c++)
    rds_chart_set_threshold (g_ptr_array_index (self->charts, c), NAN);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsShape) alarm = g_list_model_get_item (G_LIST_MODEL (self->alarms), i);
      const RdsMetricInfo *info = rds_metrics_lookup (rds_shape_get_string (alarm, "metric-name"));
      RdsChart *chart = info != NULL ? chart_for (self, info->id) : NULL;

      gtk_list_box_append (GTK_LIST_BOX (self->alarms_list), alarm_row (alarm));
      if (chart != NULL && isnan (rds_chart_get_threshold (chart)))
        rds_chart_set_threshold (chart, rds_shape_get_double (alarm, "threshold"));
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->alarms_stack), n > 0 ? "list" : "empty");
}

static RdsRequest *
alarms_request (const char *token)
{
  RdsRequest *request = rds_request_new_for_api (&rds_api_monitoring, "DescribeAlarms");

  rds_request_set_int (request, "MaxRecords", 100);
  rds_request_set (request, "NextToken", token);
  return request;
}

static void
alarms_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RdsMetricsView) self = user_data;
  g_autoptr(RdsQueryResult) answer = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *alarms;
  const char *token;

  answer = rds_session_call_finish (RDS_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (answer == NULL)
    {
      set_loading (self, -1);
      return;
    }

  /* Every page of the Region's alarms; this instance's kept. */
  if (self->alarms_collected == NULL)
    self->alarms_collected = g_ptr_array_new_with_free_func (g_object_unref);
  alarms = G_LIST_MODEL (rds_shape_ensure_list (answer->item, "metric-alarms"));
  for (guint i = 0; i < g_list_model_get_n_items (alarms); i++)
    {
      RdsShape *alarm = g_list_model_get_item (alarms, i);

      if (g_strcmp0 (rds_metrics_alarm_instance (alarm), instance_id (self)) == 0)
        g_ptr_array_add (self->alarms_collected, alarm);
      else
        g_object_unref (alarm);
    }
  token = rds_shape_get_string (answer->item, "next-token");
  if (token != NULL)
    {
      g_autoptr(RdsRequest) next = alarms_request (token);

      rds_session_call_async (self->session, next, self->cancellable, alarms_cb, g_object_ref (self));
      return;
    }

  g_list_store_splice (self->alarms, 0, g_list_model_get_n_items (G_LIST_MODEL (self->alarms)),
                       self->alarms_collected->pdata, self->alarms_collected->len);
  g_clear_pointer (&self->alarms_collected, g_ptr_array_unref);
  show_alarms (self);
  set_loading (self, -1);
}

static RdsRequest *
events_request (RdsMetricsView *self,
                const char     *marker)
{
  RdsRequest *request = rds_request_new ("DescribeEvents");

  rds_request_set (request, "SourceType", self->cluster != NULL ? "db-cluster" : "db-instance");
  rds_request_set (request, "SourceIdentifier", source_id (self));
  rds_request_set_timestamp (request, "StartTime", MAX (self->start, clock_now (self) - 14 * DAY_USEC));
  rds_request_set_timestamp (request, "EndTime", MAX (self->end, self->start + MINUTE_USEC));
  rds_request_set_int (request, "MaxRecords", 100);
  rds_request_set (request, "Marker", marker);
  return request;
}

/* Asks for everything the view shows, for the window the range means now. */
static void
fetch (RdsMetricsView *self)
{
  g_autoptr(RdsRequest) data = NULL;
  g_autoptr(RdsRequest) events = NULL;
  g_autoptr(RdsRequest) alarms = NULL;
  Fetch *state;

  if (self->session == NULL || (self->instance == NULL && self->cluster == NULL))
    return;
  if (self->in_flight > 0)
    {
      self->again = TRUE;
      return;
    }
  self->again = FALSE;

  update_window (self);
  set_loading (self, self->instance != NULL ? 3 : 2);

  state = g_new0 (Fetch, 1);
  state->self = g_object_ref (self);
  state->times = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  state->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  data = metric_data_request (self, NULL);
  rds_session_call_async (self->session, data, self->cancellable, metric_data_cb, state);

  self->events_continued = FALSE;
  events = events_request (self, NULL);
  rds_session_call_async (self->session, events, self->cancellable, events_cb, g_object_ref (self));

  if (self->instance == NULL)
    return;
  g_clear_pointer (&self->alarms_collected, g_ptr_array_unref);
  alarms = alarms_request (NULL);
  rds_session_call_async (self->session, alarms, self->cancellable, alarms_cb, g_object_ref (self));
}

static void update_charts (RdsMetricsView *self);

static void
loading_changed_cb (RdsMetricsView *self)
{
  if (self->in_flight == 0 && self->again)
    fetch (self);
}

/* Following the clock: each time the session's lists refresh, once the
 * clock has moved on a minute. */
static void
list_refreshed_cb (RdsMetricsView *self)
{
  /* A failover makes a reader the writer: other metrics. */
  update_charts (self);
  if (self->range == RDS_METRICS_RANGE_CUSTOM || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (ABS (clock_now (self) - self->fetched_at) >= MINUTE_USEC)
    fetch (self);
}

/* The simulated workload (a simulator's only) */

static void
show_workload (RdsMetricsView *self,
               JsonNode       *answer)
{
  JsonObject *object = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  const char *profile = object != NULL ? json_object_get_string_member_with_default (object, "profile", NULL) : NULL;

  if (profile == NULL)
    return;
  self->showing_workload = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    if (g_str_equal (profiles[i].name, profile))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->profile_dropdown), i);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->multiplier_spin),
                             json_object_get_double_member_with_default (object, "multiplier", 1.0));
  self->showing_workload = FALSE;
}

static void sync_workload (RdsMetricsView *self,
                           gboolean        change);

static void
workload_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RdsMetricsView) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = rds_session_control_finish_answer (RDS_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->workload_in_flight = FALSE;
  /* One change at a time, in order: the latest wins. */
  if (self->workload_again)
    {
      self->workload_again = FALSE;
      sync_workload (self, TRUE);
      return;
    }
  /* The answer of another database the view showed before. */
  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer) &&
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (answer), "instance", NULL),
                 instance_id (self)) != 0)
    {
      sync_workload (self, FALSE);
      return;
    }
  if (answer == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The simulated workload could not be changed: %s"),
                                               error->message);

      gtk_label_set_label (GTK_LABEL (self->status_label), text);
      gtk_widget_set_visible (self->status_label, TRUE);
      return;
    }
  show_workload (self, answer);
}

/* Reads the instance's workload, or with @change sets it from the controls. */
static void
sync_workload (RdsMetricsView *self,
               gboolean        change)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  gboolean simulator = self->session != NULL && rds_session_is_simulator (self->session);

  gtk_widget_set_visible (self->workload_box, simulator && self->instance != NULL);
  if (!simulator || self->instance == NULL)
    return;
  if (self->workload_in_flight)
    {
      self->workload_again |= change;
      return;
    }
  self->workload_in_flight = TRUE;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "instance");
  json_builder_add_string_value (builder, instance_id (self));
  if (change)
    {
      guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->profile_dropdown));

      json_builder_set_member_name (builder, "profile");
      json_builder_add_string_value (builder, profiles[MIN (selected, G_N_ELEMENTS (profiles) - 1)].name);
      json_builder_set_member_name (builder, "multiplier");
      json_builder_add_double_value (builder, gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->multiplier_spin)));
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  rds_session_control_async (self->session, "workload", body, self->cancellable, workload_cb, g_object_ref (self));
}

static void
workload_changed_cb (RdsMetricsView *self)
{
  if (!self->showing_workload)
    sync_workload (self, TRUE);
}

/* The range */

static void
range_selected_cb (RdsMetricsView *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->range_dropdown));

  if (selected == RDS_METRICS_RANGE_CUSTOM)
    {
      gint64 start = self->range == RDS_METRICS_RANGE_CUSTOM ? self->custom_start : self->start;
      gint64 end = self->range == RDS_METRICS_RANGE_CUSTOM ? self->custom_end : self->end;
      g_autofree char *start_text = rds_format_time_short (NULL, start);
      g_autoptr(GDateTime) start_time = g_date_time_new_from_unix_utc (start / G_USEC_PER_SEC);
      g_autoptr(GDateTime) end_time = g_date_time_new_from_unix_utc (end / G_USEC_PER_SEC);
      g_autofree char *start_entry = g_date_time_format (start_time, "%Y-%m-%d %H:%M");
      g_autofree char *end_entry = g_date_time_format (end_time, "%Y-%m-%d %H:%M");

      gtk_editable_set_text (GTK_EDITABLE (self->custom_start_entry), start_entry);
      gtk_editable_set_text (GTK_EDITABLE (self->custom_end_entry), end_entry);
      gtk_widget_set_visible (self->custom_error, FALSE);
      gtk_popover_popup (GTK_POPOVER (self->custom_popover));
      return;
    }
  rds_metrics_view_set_range (self, selected);
}

static gboolean
parse_entry_time (GtkWidget *entry,
                  gint64    *usec)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  iso = g_strdup_printf ("%sZ", text);
  g_strdelimit (iso, " ", 'T');
  if (strlen (iso) == strlen ("2026-01-05T10:00Z"))
    {
      g_autofree char *with_seconds = g_strdup_printf ("%.*s:00Z", (int) strlen (iso) - 1, iso);

      g_free (iso);
      iso = g_steal_pointer (&with_seconds);
    }
  time = g_date_time_new_from_iso8601 (iso, utc);
  if (time == NULL)
    return FALSE;
  *usec = g_date_time_to_unix (time) * G_USEC_PER_SEC;
  return TRUE;
}

static void
apply_custom_cb (RdsMetricsView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 start, end;

  if (!parse_entry_time (self->custom_start_entry, &start) || !parse_entry_time (self->custom_end_entry, &end))
    {
      gtk_label_set_label (GTK_LABEL (self->custom_error),
                           _("Write the times as YYYY-MM-DD HH:MM, in UTC."));
      gtk_widget_set_visible (self->custom_error, TRUE);
      return;
    }
  if (!rds_metrics_view_set_custom_range (self, start, end, &error))
    {
      gtk_label_set_label (GTK_LABEL (self->custom_error), error->message);
      gtk_widget_set_visible (self->custom_error, TRUE);
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (self->custom_popover));
}

static void
custom_closed_cb (RdsMetricsView *self)
{
  /* Cancelled: the dropdown shows the range in force. */
  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->range_dropdown)) != self->range)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->range_dropdown), self->range);
}

/* Actions */

static void
enlarge_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RdsMetricsView *self = RDS_METRICS_VIEW (widget);
  RdsChart *chart = rds_metrics_view_get_chart (self, g_variant_get_string (parameter, NULL));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *window, *big, *toolbar, *header;
  const RdsMetricInfo *info = rds_metrics_lookup (g_variant_get_string (parameter, NULL));
  g_autofree char *title = NULL;

  if (chart == NULL || info == NULL)
    return;

  title = g_strdup_printf ("%s — %s", source_id (self), _(info->title));
  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 520);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));

  big = rds_chart_new ();
  rds_chart_set_title (RDS_CHART (big), _(info->title));
  rds_chart_set_display (RDS_CHART (big), info->display);
  rds_chart_set_empty_text (RDS_CHART (big), _("No data"));
  rds_chart_set_range (RDS_CHART (big), self->start, self->end);
  rds_chart_set_threshold (RDS_CHART (big), rds_chart_get_threshold (chart));
  {
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < rds_chart_get_n_points (chart); i++)
      {
        gint64 t;
        double v;

        rds_chart_get_point (chart, i, &t, &v);
        g_array_append_val (times, t);
        g_array_append_val (values, v);
      }
    rds_chart_set_data (RDS_CHART (big), times, values, self->period);
  }
  gtk_widget_set_vexpand (big, TRUE);
  gtk_widget_set_margin_start (big, 18);
  gtk_widget_set_margin_end (big, 18);
  gtk_widget_set_margin_top (big, 12);
  gtk_widget_set_margin_bottom (big, 18);

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), big);
  adw_window_set_content (ADW_WINDOW (window), toolbar);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (big);
}

static void
create_alarm_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RdsMetricsView *self = RDS_METRICS_VIEW (widget);
  RdsActionDialog *dialog;

  if (self->instance == NULL || self->session == NULL)
    return;
  dialog = rds_create_alarm_dialog_new (self->session, self->instance, g_variant_get_string (parameter, NULL));
  /* Created or not, the alarms are read again when it closes. */
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (rds_metrics_view_refresh), self, G_CONNECT_SWAPPED);
  rds_widget_present_over (widget, GTK_WINDOW (dialog));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  rds_metrics_view_refresh (RDS_METRICS_VIEW (widget));
}

/* GObject */

static void
rds_metrics_view_dispose (GObject *object)
{
  RdsMetricsView *self = RDS_METRICS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  /* The popover first: it hangs on a box inside self->box. */
  g_clear_pointer (&self->custom_popover, gtk_widget_unparent);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->session);
  g_clear_object (&self->instance);
  g_clear_object (&self->cluster);
  if (self->list_signals != NULL)
    g_signal_group_set_target (self->list_signals, NULL);
  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);

  G_OBJECT_CLASS (rds_metrics_view_parent_class)->dispose (object);
}

static void
rds_metrics_view_finalize (GObject *object)
{
  RdsMetricsView *self = RDS_METRICS_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->list_signals);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->alarms);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->chart_metrics, g_array_unref);
  g_clear_pointer (&self->alarms_collected, g_ptr_array_unref);
  g_free (self->charts_key);

  G_OBJECT_CLASS (rds_metrics_view_parent_class)->finalize (object);
}

static void
rds_metrics_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RdsMetricsView *self = RDS_METRICS_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, rds_metrics_view_is_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_metrics_view_map (GtkWidget *widget)
{
  RdsMetricsView *self = RDS_METRICS_VIEW (widget);

  GTK_WIDGET_CLASS (rds_metrics_view_parent_class)->map (widget);
  /* Back on the tab after a while: the charts catch up. */
  if (self->range != RDS_METRICS_RANGE_CUSTOM && ABS (clock_now (self) - self->fetched_at) >= MINUTE_USEC)
    fetch (self);
}

static void
rds_metrics_view_class_init (RdsMetricsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_metrics_view_dispose;
  object_class->finalize = rds_metrics_view_finalize;
  object_class->get_property = rds_metrics_view_get_property;
  widget_class->map = rds_metrics_view_map;

  /**
   * RdsMetricsView:loading:
   *
   * Whether answers are still awaited.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "metrics.enlarge", "s", enlarge_action);
  gtk_widget_class_install_action (widget_class, "metrics.create-alarm", "s", create_alarm_action);
  gtk_widget_class_install_action (widget_class, "metrics.refresh", NULL, refresh_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "metricsview");
}

static GtkWidget *
custom_range_popover (RdsMetricsView *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *from = gtk_label_new_with_mnemonic (_("_From (UTC)"));
  GtkWidget *to = gtk_label_new_with_mnemonic (_("_To (UTC)"));
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Apply"));

  self->custom_start_entry = gtk_entry_new ();
  self->custom_end_entry = gtk_entry_new ();
  self->custom_error = gtk_label_new (NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (from), self->custom_start_entry);
  gtk_label_set_mnemonic_widget (GTK_LABEL (to), self->custom_end_entry);
  gtk_label_set_xalign (GTK_LABEL (from), 0);
  gtk_label_set_xalign (GTK_LABEL (to), 0);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->custom_start_entry), "2026-01-05 10:00");
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->custom_end_entry), "2026-01-05 12:00");
  gtk_entry_set_activates_default (GTK_ENTRY (self->custom_end_entry), TRUE);
  gtk_label_set_wrap (GTK_LABEL (self->custom_error), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->custom_error), 36);
  gtk_label_set_xalign (GTK_LABEL (self->custom_error), 0);
  gtk_widget_add_css_class (self->custom_error, "field-error");
  gtk_widget_set_visible (self->custom_error, FALSE);
  gtk_widget_add_css_class (apply, "suggested-action");
  g_signal_connect_swapped (apply, "clicked", G_CALLBACK (apply_custom_cb), self);
  g_signal_connect_swapped (self->custom_start_entry, "activate", G_CALLBACK (apply_custom_cb), self);
  g_signal_connect_swapped (self->custom_end_entry, "activate", G_CALLBACK (apply_custom_cb), self);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_end (grid, 6);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_grid_attach (GTK_GRID (grid), from, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->custom_start_entry, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), to, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->custom_end_entry, 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->custom_error, 0, 2, 2, 1);
  gtk_grid_attach (GTK_GRID (grid), apply, 1, 3, 1, 1);
  gtk_widget_set_halign (apply, GTK_ALIGN_END);
  gtk_popover_set_child (GTK_POPOVER (popover), grid);
  g_signal_connect_swapped (popover, "closed", G_CALLBACK (custom_closed_cb), self);
  return popover;
}

static void
rds_metrics_view_init (RdsMetricsView *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *toolbar, *metrics_heading, *refresh, *alarms_heading, *empty, *range_box;

  self->cancellable = g_cancellable_new ();
  self->charts = g_ptr_array_new ();
  self->chart_metrics = g_array_new (FALSE, FALSE, sizeof (RdsMetricId));
  self->alarms = g_list_store_new (RDS_TYPE_SHAPE);
  /* As the RDS console opens it. */
  self->range = RDS_METRICS_RANGE_1_HOUR;
  self->period = 60;
  self->list_signals = g_signal_group_new (RDS_TYPE_RESOURCE_LIST);
  g_signal_group_connect_swapped (self->list_signals, "refreshed", G_CALLBACK (list_refreshed_cb), self);
  /* The clock jumped (advanced, or seen for the first time). */
  self->session_signals = g_signal_group_new (RDS_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::simulated-time", G_CALLBACK (list_refreshed_cb),
                                  self);
  g_signal_connect (self, "notify::loading", G_CALLBACK (loading_changed_cb), NULL);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  metrics_heading = rds_heading_new (_("CloudWatch metrics"), "heading", "cloudwatch-metrics");
  gtk_widget_set_hexpand (metrics_heading, TRUE);
  gtk_widget_set_valign (metrics_heading, GTK_ALIGN_CENTER);
  for (guint i = 0; i < RDS_METRICS_N_RANGES; i++)
    gtk_string_list_append (labels, _(ranges[i].label));
  self->range_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_widget_set_name (self->range_dropdown, "range");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->range_dropdown), self->range);
  gtk_widget_set_tooltip_text (self->range_dropdown, _("Time range"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->range_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Time range"), -1);
  g_signal_connect_swapped (self->range_dropdown, "notify::selected", G_CALLBACK (range_selected_cb), self);
  range_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (range_box), self->range_dropdown);
  self->custom_popover = custom_range_popover (self);
  gtk_widget_set_parent (self->custom_popover, range_box);
  refresh = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  gtk_widget_set_tooltip_text (refresh, _("Refresh"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (refresh), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Refresh"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (refresh), "metrics.refresh");
  gtk_box_append (GTK_BOX (toolbar), metrics_heading);
  gtk_box_append (GTK_BOX (toolbar), range_box);
  gtk_box_append (GTK_BOX (toolbar), refresh);
  gtk_box_append (GTK_BOX (self->box), toolbar);

  self->status_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->status_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->status_label), 0);
  gtk_widget_add_css_class (self->status_label, "field-error");
  gtk_widget_set_visible (self->status_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->status_label);

  /* The simulated workload: shown against a simulator only. */
  {
    g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
    GtkWidget *label = gtk_label_new_with_mnemonic (_("Simulated _workload"));
    GtkWidget *times = gtk_label_new_with_mnemonic (_("_Load ×"));

    for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
      gtk_string_list_append (names, _(profiles[i].label));
    self->workload_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    self->profile_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
    gtk_widget_set_name (self->profile_dropdown, "workload-profile");
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->profile_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Simulated workload"), -1);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->profile_dropdown), 1);
    self->multiplier_spin = gtk_spin_button_new_with_range (0, 100, 0.5);
    gtk_widget_set_name (self->multiplier_spin, "workload-multiplier");
    gtk_spin_button_set_digits (GTK_SPIN_BUTTON (self->multiplier_spin), 1);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->multiplier_spin), 1);
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->profile_dropdown);
    gtk_label_set_mnemonic_widget (GTK_LABEL (times), self->multiplier_spin);
    gtk_widget_set_tooltip_text (self->workload_box,
                                 _("What the simulator asks of this database from now on: its metrics, and how "
                                   "fast its data grows, follow."));
    gtk_widget_add_css_class (label, "dim-label");
    gtk_widget_add_css_class (times, "dim-label");
    gtk_widget_set_margin_start (times, 6);
    gtk_box_append (GTK_BOX (self->workload_box), label);
    gtk_box_append (GTK_BOX (self->workload_box), self->profile_dropdown);
    gtk_box_append (GTK_BOX (self->workload_box), times);
    gtk_box_append (GTK_BOX (self->workload_box), self->multiplier_spin);
    gtk_widget_set_visible (self->workload_box, FALSE);
    g_signal_connect_swapped (self->profile_dropdown, "notify::selected", G_CALLBACK (workload_changed_cb), self);
    g_signal_connect_swapped (self->multiplier_spin, "value-changed", G_CALLBACK (workload_changed_cb), self);
    gtk_box_append (GTK_BOX (self->box), self->workload_box);
  }

  self->charts_box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->charts_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->charts_box), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->charts_box), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->charts_box), 3);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->charts_box), 12);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->charts_box), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->charts_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("CloudWatch metrics"), -1);
  gtk_box_append (GTK_BOX (self->box), self->charts_box);

  alarms_heading = rds_heading_new (_("CloudWatch alarms"), "heading", "cloudwatch-alarms");
  gtk_widget_set_margin_top (alarms_heading, 12);
  gtk_box_append (GTK_BOX (self->box), alarms_heading);
  self->alarms_heading = alarms_heading;
  self->alarms_stack = gtk_stack_new ();
  gtk_stack_set_vhomogeneous (GTK_STACK (self->alarms_stack), FALSE);
  empty = gtk_label_new (_("No alarms watch this database. Create one from a chart's alarm button."));
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_label_set_xalign (GTK_LABEL (empty), 0);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_stack_add_named (GTK_STACK (self->alarms_stack), empty, "empty");
  self->alarms_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->alarms_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->alarms_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->alarms_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("CloudWatch alarms"), -1);
  gtk_stack_add_named (GTK_STACK (self->alarms_stack), self->alarms_list, "list");
  gtk_box_append (GTK_BOX (self->box), self->alarms_stack);
}

GtkWidget *
rds_metrics_view_new (void)
{
  return g_object_new (RDS_TYPE_METRICS_VIEW, NULL);
}

void
rds_metrics_view_set_session (RdsMetricsView *self,
                              RdsSession     *session)
{
  g_return_if_fail (RDS_IS_METRICS_VIEW (self));

  if (!g_set_object (&self->session, session))
    return;
  self->workload_in_flight = FALSE;
  self->workload_again = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->in_flight > 0)
    {
      self->in_flight = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
  g_signal_group_set_target (self->list_signals, session != NULL ? rds_session_get_instances (session) : NULL);
  g_signal_group_set_target (self->session_signals, session);
  sync_workload (self, FALSE);
  fetch (self);
}

/**
 * rds_metrics_view_set_instance:
 *
 * Shows @instance's metrics; the charts are rebuilt when what it
 * publishes changes (its class, its storage type), else kept.
 */
void
rds_metrics_view_set_instance (RdsMetricsView *self,
                               RdsDbInstance  *instance)
{
  g_return_if_fail (RDS_IS_METRICS_VIEW (self));
  g_return_if_fail (instance == NULL || RDS_IS_DB_INSTANCE (instance));

  g_set_object (&self->instance, instance);
  g_clear_object (&self->cluster);
  update_charts (self);
}

/**
 * rds_metrics_view_set_cluster:
 *
 * Shows the metrics of @cluster's volume and the cluster's events, by its
 * DBClusterIdentifier; its instances' metrics are theirs.
 */
void
rds_metrics_view_set_cluster (RdsMetricsView *self,
                              RdsDbCluster   *cluster)
{
  g_return_if_fail (RDS_IS_METRICS_VIEW (self));
  g_return_if_fail (cluster == NULL || RDS_IS_DB_CLUSTER (cluster));

  g_set_object (&self->cluster, cluster);
  g_clear_object (&self->instance);
  update_charts (self);
}

/* The charts rebuilt, and asked for again, when what they show changed. */
static void
update_charts (RdsMetricsView *self)
{
  g_autofree char *key = charts_key (self);

  if (g_strcmp0 (key, self->charts_key) == 0)
    return;
  g_free (self->charts_key);
  self->charts_key = g_steal_pointer (&key);

  /* What was asked about the one before goes unanswered: its answers would
   * land on this one's charts, its workload change on this database. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->again = FALSE;
  self->workload_in_flight = FALSE;
  self->workload_again = FALSE;
  self->events_continued = FALSE;
  g_clear_pointer (&self->alarms_collected, g_ptr_array_unref);
  if (self->in_flight > 0)
    {
      self->in_flight = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }

  g_list_store_remove_all (self->alarms);
  rebuild_charts (self);
  show_alarms (self);
  sync_workload (self, FALSE);
  fetch (self);
}

RdsMetricsRange
rds_metrics_view_get_range (RdsMetricsView *self)
{
  g_return_val_if_fail (RDS_IS_METRICS_VIEW (self), RDS_METRICS_RANGE_3_HOURS);

  return self->range;
}

/**
 * rds_metrics_view_set_range:
 * @range: any but %RDS_METRICS_RANGE_CUSTOM (see rds_metrics_view_set_custom_range ())
 */
void
rds_metrics_view_set_range (RdsMetricsView  *self,
                            RdsMetricsRange  range)
{
  g_return_if_fail (RDS_IS_METRICS_VIEW (self));
  g_return_if_fail (range < RDS_METRICS_RANGE_CUSTOM);

  self->range = range;
  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->range_dropdown)) != range)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->range_dropdown), range);
  fetch (self);
}

/**
 * rds_metrics_view_set_custom_range:
 *
 * Shows the metrics from @start to @end, as long as CloudWatch keeps them
 * (455 days) and no longer than that.
 *
 * Returns: whether the range is one CloudWatch can answer
 */
gboolean
rds_metrics_view_set_custom_range (RdsMetricsView  *self,
                                   gint64           start,
                                   gint64           end,
                                   GError         **error)
{
  gint64 now;

  g_return_val_if_fail (RDS_IS_METRICS_VIEW (self), FALSE);

  now = clock_now (self);
  if (end <= start)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The end of the range must come after its start."));
      return FALSE;
    }
  if (now - start > (gint64) RDS_METRICS_HOUR_RETENTION_DAYS * DAY_USEC)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("CloudWatch keeps metrics for %d days: start the range later."),
                   RDS_METRICS_HOUR_RETENTION_DAYS);
      return FALSE;
    }
  if (start > now)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The range starts in the future: there is no data yet."));
      return FALSE;
    }

  self->range = RDS_METRICS_RANGE_CUSTOM;
  self->custom_start = start;
  self->custom_end = end;
  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->range_dropdown)) != RDS_METRICS_RANGE_CUSTOM)
    {
      g_signal_handlers_block_by_func (self->range_dropdown, range_selected_cb, self);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->range_dropdown), RDS_METRICS_RANGE_CUSTOM);
      g_signal_handlers_unblock_by_func (self->range_dropdown, range_selected_cb, self);
    }
  fetch (self);
  return TRUE;
}

/**
 * rds_metrics_view_get_window:
 * @start: (out) (optional):
 * @end: (out) (optional):
 * @period: (out) (optional): seconds per point
 *
 * What the charts show, or were last asked to.
 */
void
rds_metrics_view_get_window (RdsMetricsView *self,
                             gint64         *start,
                             gint64         *end,
                             int            *period)
{
  g_return_if_fail (RDS_IS_METRICS_VIEW (self));

  if (start != NULL)
    *start = self->start;
  if (end != NULL)
    *end = self->end;
  if (period != NULL)
    *period = self->period;
}

/**
 * rds_metrics_view_get_chart:
 * @metric: a metric's name: "CPUUtilization"
 *
 * Returns: (transfer none) (nullable): its chart, if the instance has one
 */
RdsChart *
rds_metrics_view_get_chart (RdsMetricsView *self,
                            const char     *metric)
{
  const RdsMetricInfo *info = rds_metrics_lookup (metric);

  g_return_val_if_fail (RDS_IS_METRICS_VIEW (self), NULL);

  return info != NULL ? chart_for (self, info->id) : NULL;
}

guint
rds_metrics_view_get_n_charts (RdsMetricsView *self)
{
  g_return_val_if_fail (RDS_IS_METRICS_VIEW (self), 0);

  return self->charts->len;
}

/**
 * rds_metrics_view_get_alarms:
 *
 * Returns: (transfer none): the instance's alarms (RdsMetricAlarm)
 */
GListModel *
rds_metrics_view_get_alarms (RdsMetricsView *self)
{
  g_return_val_if_fail (RDS_IS_METRICS_VIEW (self), NULL);

  return G_LIST_MODEL (self->alarms);
}

gboolean
rds_metrics_view_is_loading (RdsMetricsView *self)
{
  g_return_val_if_fail (RDS_IS_METRICS_VIEW (self), FALSE);

  return self->in_flight > 0;
}

void
rds_metrics_view_refresh (RdsMetricsView *self)
{
  g_return_if_fail (RDS_IS_METRICS_VIEW (self));

  fetch (self);
}
