/* rds-region-activity.c: the Region's recent alarms and its total connections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Dashboard's CloudWatch part: the alarms of the Region whose state
 * changed last, each leading to its database, and a chart of the
 * connections to all its databases over the last three hours. The total
 * is CloudWatch's metric math: one query per database (not returned) and
 * SUM(METRICS()), in one GetMetricData.
 */

#include "config.h"

#include "rds-region-activity.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rds-alarm-list.h"
#include "rds-db-instance.h"
#include "rds-dimension.h"
#include "rds-format.h"
#include "rds-heading.h"
#include "rds-metric-data.h"
#include "rds-metrics.h"
#include "rds-resource-list.h"
#include "rds-session.h"

#define MINUTE_USEC (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)
#define RANGE_USEC (3 * 60 * MINUTE_USEC)
#define PERIOD 300
#define MAX_DATABASES 100   /* summed; metric math takes 500 queries */
#define RECENT_ALARMS 5

struct _RdsRegionActivity
{
  GtkWidget     parent_instance;

  RdsSession   *session;
  GCancellable *cancellable;
  GSignalGroup *list_signals;
  GSignalGroup *session_signals;
  GListStore   *alarms;         /* the most recently changed first */
  GListStore   *collected;      /* the pages read so far */
  guint         in_flight;
  gint64        fetched_at;

  GtkWidget    *box;
  GtkWidget    *alarms_stack;
  GtkWidget    *alarms_list;
  RdsChart     *chart;
};

G_DEFINE_FINAL_TYPE (RdsRegionActivity, rds_region_activity, GTK_TYPE_WIDGET)

static gint64
clock_now (RdsRegionActivity *self)
{
  return self->session != NULL ? rds_session_get_now (self->session) : g_get_real_time ();
}

static GtkWidget *
alarm_row (RdsShape *alarm)
{
  GtkWidget *row = adw_action_row_new ();
  const char *state = rds_shape_get_string (alarm, "state-value");
  const char *database = rds_metrics_alarm_instance (alarm);
  const RdsMetricInfo *info = rds_metrics_lookup (rds_shape_get_string (alarm, "metric-name"));
  GtkWidget *badge = gtk_label_new (rds_format_alarm_state (state));
  g_autofree char *when = rds_format_time_short (NULL, rds_shape_get_timestamp (alarm, "state-updated-timestamp"));
  g_autofree char *subtitle = NULL;

  /* Translators: an alarm's metric, its database and when its state last changed */
  subtitle = g_strdup_printf (_("%s of %s, since %s"), info != NULL ? _(info->title)
                                                                     : rds_shape_get_string (alarm, "metric-name"),
                              database != NULL ? database : "-", when);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rds_shape_get_string (alarm, "alarm-name"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_add_css_class (badge, rds_alarm_state_get_css_class (state));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (badge, rds_shape_get_string (alarm, "state-reason"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  if (database != NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-database");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", database);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }
  return row;
}

static int
compare_updated (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  gint64 x = rds_shape_get_timestamp ((RdsShape *) a, "state-updated-timestamp");
  gint64 y = rds_shape_get_timestamp ((RdsShape *) b, "state-updated-timestamp");

  return x > y ? -1 : x < y ? 1 : 0;
}

static void
loading_done (RdsRegionActivity *self)
{
  if (self->in_flight > 0)
    self->in_flight--;
}

static void
alarms_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RdsRegionActivity) self = user_data;
  g_autoptr(RdsQueryResult) answer = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *alarms;
  GtkWidget *child;

  answer = rds_session_call_finish (RDS_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (answer == NULL)
    {
      loading_done (self);
      return;
    }

  /* Every page of the Region's alarms, then the most recent shown. */
  if (self->collected == NULL)
    self->collected = g_list_store_new (RDS_TYPE_SHAPE);
  alarms = G_LIST_MODEL (rds_shape_ensure_list (answer->item, "metric-alarms"));
  for (guint i = 0; i < g_list_model_get_n_items (alarms); i++)
    {
      g_autoptr(RdsShape) alarm = g_list_model_get_item (alarms, i);

      g_list_store_insert_sorted (self->collected, alarm, compare_updated, NULL);
    }
  if (rds_shape_get_string (answer->item, "next-token") != NULL)
    {
      g_autoptr(RdsRequest) next = rds_request_new_for_api (&rds_api_monitoring, "DescribeAlarms");

      rds_request_set_int (next, "MaxRecords", 100);
      rds_request_set (next, "NextToken", rds_shape_get_string (answer->item, "next-token"));
      rds_session_call_async (self->session, next, self->cancellable, alarms_cb, g_object_ref (self));
      return;
    }
  loading_done (self);
  g_clear_object (&self->alarms);
  self->alarms = g_steal_pointer (&self->collected);

  while ((child = gtk_widget_get_first_child (self->alarms_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->alarms_list), child);
  for (guint i = 0; i < MIN (RECENT_ALARMS, g_list_model_get_n_items (G_LIST_MODEL (self->alarms))); i++)
    {
      g_autoptr(RdsShape) alarm = g_list_model_get_item (G_LIST_MODEL (self->alarms), i);

      gtk_list_box_append (GTK_LIST_BOX (self->alarms_list), alarm_row (alarm));
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->alarms_stack),
                                    g_list_model_get_n_items (G_LIST_MODEL (self->alarms)) > 0 ? "list" : "empty");
}

static void
connections_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RdsRegionActivity) self = user_data;
  g_autoptr(RdsQueryResult) answer = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *results;

  answer = rds_session_call_finish (RDS_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  loading_done (self);
  if (answer == NULL)
    return;

  results = G_LIST_MODEL (rds_shape_ensure_list (answer->item, "metric-data-results"));
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(RdsShape) item = g_list_model_get_item (results, i);

      if (g_strcmp0 (rds_shape_get_string (item, "id"), "total") == 0)
        rds_chart_set_data (self->chart, rds_shape_get_array (item, "timestamps"),
                            rds_shape_get_array (item, "values"), PERIOD);
    }
}

static void
fetch (RdsRegionActivity *self)
{
  g_autoptr(RdsRequest) alarms = NULL;
  g_autoptr(RdsRequest) data = NULL;
  GListModel *instances;
  gint64 now;
  guint n;

  if (self->session == NULL || self->in_flight > 0)
    return;

  now = clock_now (self);
  now -= now % MINUTE_USEC;
  self->fetched_at = now;
  rds_chart_set_range (self->chart, now - RANGE_USEC, now);

  alarms = rds_request_new_for_api (&rds_api_monitoring, "DescribeAlarms");
  rds_request_set_int (alarms, "MaxRecords", 100);
  g_clear_object (&self->collected);
  self->in_flight++;
  rds_session_call_async (self->session, alarms, self->cancellable, alarms_cb, g_object_ref (self));

  instances = rds_resource_list_get_model (rds_session_get_instances (self->session));
  n = MIN (MAX_DATABASES, g_list_model_get_n_items (instances));
  if (n == 0)
    {
      rds_chart_set_data (self->chart, NULL, NULL, PERIOD);
      return;
    }
  data = rds_request_new_for_api (&rds_api_monitoring, "GetMetricData");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsDbInstance) instance = g_list_model_get_item (instances, i);
      g_autofree char *id = g_strdup_printf ("c%u", i);

      rds_metrics_add_query (data, i + 1, id, "DatabaseConnections", rds_db_instance_get_identifier (instance),
                             PERIOD, "Average", FALSE);
    }
  {
    g_autofree char *prefix = g_strdup_printf ("MetricDataQueries.member.%u.", n + 1);
    g_autofree char *id_key = g_strconcat (prefix, "Id", NULL);
    g_autofree char *expression_key = g_strconcat (prefix, "Expression", NULL);

    rds_request_set (data, id_key, "total");
    rds_request_set (data, expression_key, "SUM(METRICS())");
  }
  rds_request_set_timestamp (data, "StartTime", now - RANGE_USEC);
  rds_request_set_timestamp (data, "EndTime", now);
  rds_request_set (data, "ScanBy", "TimestampAscending");
  self->in_flight++;
  rds_session_call_async (self->session, data, self->cancellable, connections_cb, g_object_ref (self));
}

static void
list_refreshed_cb (RdsRegionActivity *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && ABS (clock_now (self) - self->fetched_at) >= MINUTE_USEC)
    fetch (self);
}

static void
rds_region_activity_map (GtkWidget *widget)
{
  RdsRegionActivity *self = RDS_REGION_ACTIVITY (widget);

  GTK_WIDGET_CLASS (rds_region_activity_parent_class)->map (widget);
  if (ABS (clock_now (self) - self->fetched_at) >= MINUTE_USEC)
    fetch (self);
}

static void
rds_region_activity_dispose (GObject *object)
{
  RdsRegionActivity *self = RDS_REGION_ACTIVITY (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->session);
  if (self->list_signals != NULL)
    g_signal_group_set_target (self->list_signals, NULL);
  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);

  G_OBJECT_CLASS (rds_region_activity_parent_class)->dispose (object);
}

static void
rds_region_activity_finalize (GObject *object)
{
  RdsRegionActivity *self = RDS_REGION_ACTIVITY (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->list_signals);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->alarms);
  g_clear_object (&self->collected);

  G_OBJECT_CLASS (rds_region_activity_parent_class)->finalize (object);
}

static void
rds_region_activity_class_init (RdsRegionActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_region_activity_dispose;
  object_class->finalize = rds_region_activity_finalize;
  widget_class->map = rds_region_activity_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "regionactivity");
}

static GtkWidget *
column (const char *title,
        const char *info,
        GtkWidget  *content)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = rds_heading_new (title, "title-3", info);

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), content);
  gtk_widget_set_hexpand (box, TRUE);
  return box;
}

static void
rds_region_activity_init (RdsRegionActivity *self)
{
  GtkWidget *empty, *card;

  self->cancellable = g_cancellable_new ();
  self->alarms = g_list_store_new (RDS_TYPE_SHAPE);
  self->list_signals = g_signal_group_new (RDS_TYPE_RESOURCE_LIST);
  g_signal_group_connect_swapped (self->list_signals, "refreshed", G_CALLBACK (list_refreshed_cb), self);
  /* The clock jumped (advanced, or seen for the first time). */
  self->session_signals = g_signal_group_new (RDS_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::simulated-time", G_CALLBACK (list_refreshed_cb),
                                  self);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  gtk_box_set_homogeneous (GTK_BOX (self->box), TRUE);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->alarms_stack = gtk_stack_new ();
  gtk_stack_set_vhomogeneous (GTK_STACK (self->alarms_stack), FALSE);
  empty = gtk_label_new (_("No CloudWatch alarms in this Region. Create one from a database's Monitoring tab."));
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_label_set_xalign (GTK_LABEL (empty), 0);
  gtk_widget_set_valign (empty, GTK_ALIGN_START);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_stack_add_named (GTK_STACK (self->alarms_stack), empty, "empty");
  self->alarms_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->alarms_list), GTK_SELECTION_NONE);
  gtk_widget_set_valign (self->alarms_list, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->alarms_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->alarms_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Recent alarms"), -1);
  gtk_stack_add_named (GTK_STACK (self->alarms_stack), self->alarms_list, "list");
  gtk_box_append (GTK_BOX (self->box), column (_("Recent alarms"), "cloudwatch-alarms", self->alarms_stack));

  self->chart = RDS_CHART (rds_chart_new ());
  rds_chart_set_title (self->chart, _("Total connections"));
  rds_chart_set_display (self->chart, RDS_METRIC_DISPLAY_COUNT);
  rds_chart_set_empty_text (self->chart, _("No data"));
  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "chart-card");
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->chart));
  gtk_box_append (GTK_BOX (self->box), column (_("Total connections"), "cloudwatch-metrics", card));
}

GtkWidget *
rds_region_activity_new (void)
{
  return g_object_new (RDS_TYPE_REGION_ACTIVITY, NULL);
}

void
rds_region_activity_set_session (RdsRegionActivity *self,
                                 RdsSession        *session)
{
  g_return_if_fail (RDS_IS_REGION_ACTIVITY (self));

  if (!g_set_object (&self->session, session))
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->in_flight = 0;
  self->fetched_at = 0;
  g_signal_group_set_target (self->list_signals, session != NULL ? rds_session_get_instances (session) : NULL);
  g_signal_group_set_target (self->session_signals, session);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fetch (self);
}

RdsChart *
rds_region_activity_get_chart (RdsRegionActivity *self)
{
  g_return_val_if_fail (RDS_IS_REGION_ACTIVITY (self), NULL);

  return self->chart;
}

/**
 * rds_region_activity_get_alarms:
 *
 * Returns: (transfer none): the Region's alarms, the most recently changed first
 */
GListModel *
rds_region_activity_get_alarms (RdsRegionActivity *self)
{
  g_return_val_if_fail (RDS_IS_REGION_ACTIVITY (self), NULL);

  return G_LIST_MODEL (self->alarms);
}

gboolean
rds_region_activity_is_loading (RdsRegionActivity *self)
{
  g_return_val_if_fail (RDS_IS_REGION_ACTIVITY (self), FALSE);

  return self->in_flight > 0;
}

void
rds_region_activity_refresh (RdsRegionActivity *self)
{
  g_return_if_fail (RDS_IS_REGION_ACTIVITY (self));

  fetch (self);
}
