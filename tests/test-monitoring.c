/* test-monitoring.c: a database's Monitoring tab: its charts against the
 * endpoint's CloudWatch, time ranges, events, alarms, following the clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "console-test.h"
#include "rds-aws-error.h"
#include "rds-alarm-list.h"
#include "rds-create-alarm-dialog.h"
#include "rds-metric-data-result.h"
#include "rds-metrics-view.h"
#include "rds-region-activity.h"

typedef struct
{
  gboolean        done;
  RdsQueryResult *result;
} Answer;

static void
answer_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Answer *answer = user_data;
  g_autoptr(GError) error = NULL;

  answer->result = rds_session_call_finish (RDS_SESSION (object), result, &error);
  g_assert_no_error (error);
  answer->done = TRUE;
}

static RdsQueryResult *
ask (Fixture    *f,
     RdsRequest *request)
{
  Answer answer = { FALSE, NULL };

  rds_session_call_async (f->session, request, NULL, answer_cb, &answer);
  g_assert_true (spin_until (f, flag_set, &answer.done));
  return answer.result;
}

static gboolean
is_chart (GtkWidget     *widget,
          gconstpointer  data)
{
  return RDS_IS_CHART (widget);
}

static gboolean
is_metrics_view (GtkWidget     *widget,
                 gconstpointer  data)
{
  return RDS_IS_METRICS_VIEW (widget);
}

static void
workload_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rds_session_control_finish (RDS_SESSION (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static RdsMetricsView *
open_monitoring (Fixture    *f,
                 const char *identifier)
{
  RdsDatabasePage *page = open_database_tab (f, identifier, "monitoring");

  return RDS_METRICS_VIEW (find_widget (GTK_WIDGET (page), is_metrics_view, NULL));
}

static gboolean
view_settled (Fixture       *f,
              gconstpointer  data)
{
  return !rds_metrics_view_is_loading (RDS_METRICS_VIEW ((gpointer) data));
}

static void
wait_settled (Fixture        *f,
              RdsMetricsView *view)
{
  g_assert_true (spin_until (f, view_settled, view));
}

/* What CloudWatch answers for one metric of @identifier over the view's window. */
static RdsShape *
engine_series (Fixture        *f,
               RdsMetricsView *view,
               const char     *identifier,
               const char     *metric)
{
  g_autoptr(RdsRequest) request = rds_request_new_for_api (&rds_api_monitoring, "GetMetricData");
  g_autoptr(RdsQueryResult) result = NULL;
  gint64 start, end;
  int period;

  rds_metrics_view_get_window (view, &start, &end, &period);
  rds_request_set (request, "MetricDataQueries.member.1.Id", "q");
  rds_request_set (request, "MetricDataQueries.member.1.MetricStat.Metric.Namespace", "AWS/RDS");
  rds_request_set (request, "MetricDataQueries.member.1.MetricStat.Metric.MetricName", metric);
  rds_request_set (request, "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name",
                   "DBInstanceIdentifier");
  rds_request_set (request, "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value", identifier);
  rds_request_set (request, "MetricDataQueries.member.1.MetricStat.Stat", "Average");
  rds_request_set_int (request, "MetricDataQueries.member.1.MetricStat.Period", period);
  rds_request_set_timestamp (request, "StartTime", start);
  rds_request_set_timestamp (request, "EndTime", end);
  rds_request_set (request, "ScanBy", "TimestampAscending");
  result = ask (f, request);
  return g_list_model_get_item (G_LIST_MODEL (rds_shape_get_list (result->item, "metric-data-results")), 0);
}

/* The chart shows exactly what the endpoint's CloudWatch answers. */
static void
assert_chart_matches (Fixture        *f,
                      RdsMetricsView *view,
                      const char     *identifier,
                      const char     *metric)
{
  RdsChart *chart = rds_metrics_view_get_chart (view, metric);
  g_autoptr(RdsShape) series = engine_series (f, view, identifier, metric);
  GArray *times = rds_shape_get_array (series, "timestamps");
  GArray *values = rds_shape_get_array (series, "values");

  g_assert_nonnull (chart);
  g_assert_nonnull (times);
  g_assert_cmpuint (rds_chart_get_n_points (chart), ==, times->len);
  for (guint i = 0; i < times->len; i++)
    {
      gint64 t;
      double v;

      g_assert_true (rds_chart_get_point (chart, i, &t, &v));
      g_assert_cmpint (t, ==, g_array_index (times, gint64, i));
      g_assert_cmpfloat (v, ==, g_array_index (values, double, i));
    }
}

static gint64
last_point_time (RdsMetricsView *view)
{
  RdsChart *chart = rds_metrics_view_get_chart (view, "CPUUtilization");
  gint64 t = 0;

  rds_chart_get_point (chart, rds_chart_get_n_points (chart) - 1, &t, NULL);
  return t;
}

static gboolean
last_point_after (Fixture       *f,
                  gconstpointer  data)
{
  RdsMetricsView *view = RDS_METRICS_VIEW (((gpointer *) data)[0]);

  return !rds_metrics_view_is_loading (view) &&
         last_point_time (view) > *(gint64 *) ((gpointer *) data)[1];
}

/* Charts of every metric the instance publishes, each as CloudWatch has
 * it; ranges; a reboot on the time axis; the clock followed. */
static void
charts (Fixture *f)
{
  RdsMetricsView *view;
  RdsChart *cpu;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start, end, before;
  int period;

  create_instance (f, "watched-db", "postgres", FALSE);
  advance_until (f, "watched-db", "available");
  advance (f, 2 * 3600);

  view = open_monitoring (f, "watched-db");
  g_assert_nonnull (view);
  wait_settled (f, view);
  screenshot (f, GTK_WIDGET (f->window), "monitoring");

  /* A db.t3.micro on gp2: the credits and burst balance too, no replica lag. */
  g_assert_nonnull (rds_metrics_view_get_chart (view, "CPUCreditBalance"));
  g_assert_nonnull (rds_metrics_view_get_chart (view, "BurstBalance"));
  g_assert_null (rds_metrics_view_get_chart (view, "ReplicaLag"));
  g_assert_cmpuint (rds_metrics_view_get_n_charts (view), ==, 17);

  /* The last hour, a point a minute, as CloudWatch answers it. */
  g_assert_cmpint (rds_metrics_view_get_range (view), ==, RDS_METRICS_RANGE_1_HOUR);
  rds_metrics_view_get_window (view, &start, &end, &period);
  g_assert_cmpint (end - start, ==, (gint64) 3600 * G_USEC_PER_SEC);
  g_assert_cmpint (period, ==, 60);
  cpu = rds_metrics_view_get_chart (view, "CPUUtilization");
  g_assert_cmpuint (rds_chart_get_n_points (cpu), >=, 58);
  assert_chart_matches (f, view, "watched-db", "CPUUtilization");
  assert_chart_matches (f, view, "watched-db", "FreeStorageSpace");

  /* A screen reader hears the series, and the point the keyboard is on. */
  description = rds_chart_describe (cpu);
  g_assert_nonnull (strstr (description, "lowest"));
  gtk_widget_grab_focus (GTK_WIDGET (cpu));
  rds_chart_select (cpu, 0);
  g_clear_pointer (&description, g_free);
  description = rds_chart_describe (cpu);
  g_assert_nonnull (strstr (description, "Selected:"));
  rds_chart_select (cpu, -1);

  /* One click enlarges a chart: the same points in a window of its own. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "metrics.enlarge", "s", "CPUUtilization"));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *big = NULL;
    RdsChart *chart;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

        if (gtk_window_get_transient_for (window) == GTK_WINDOW (f->window) && ADW_IS_WINDOW (window))
          big = window;
      }
    g_assert_nonnull (big);
    chart = RDS_CHART (find_widget (GTK_WIDGET (big), is_chart, NULL));
    g_assert_nonnull (chart);
    g_assert_cmpuint (rds_chart_get_n_points (chart), ==, rds_chart_get_n_points (cpu));
    g_assert_cmpstr (gtk_window_get_title (big), ==, "watched-db — CPU utilization");
    wait_for_frames (f, GTK_WIDGET (big));
    gtk_window_destroy (big);
  }

  /* A day: a point a minute still, the whole day. */
  rds_metrics_view_set_range (view, RDS_METRICS_RANGE_1_DAY);
  wait_settled (f, view);
  rds_metrics_view_get_window (view, &start, &end, &period);
  g_assert_cmpint (end - start, ==, (gint64) 86400 * G_USEC_PER_SEC);
  assert_chart_matches (f, view, "watched-db", "DatabaseConnections");
  /* Two weeks: a coarser period, at most 1,440 points a chart. */
  rds_metrics_view_set_range (view, RDS_METRICS_RANGE_2_WEEKS);
  wait_settled (f, view);
  rds_metrics_view_get_window (view, NULL, NULL, &period);
  g_assert_cmpint (period, ==, 840);
  assert_chart_matches (f, view, "watched-db", "CPUUtilization");

  /* A custom range, refused when it makes no sense. */
  g_assert_false (rds_metrics_view_set_custom_range (view, end, start, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_true (rds_metrics_view_set_custom_range (view, end - 2 * (gint64) 3600 * G_USEC_PER_SEC,
                                                    end - (gint64) 3600 * G_USEC_PER_SEC, &error));
  g_assert_no_error (error);
  wait_settled (f, view);
  g_assert_cmpint (rds_metrics_view_get_range (view), ==, RDS_METRICS_RANGE_CUSTOM);
  assert_chart_matches (f, view, "watched-db", "ReadIOPS");

  /* A reboot shows on the time axis, and the charts follow the clock. */
  rds_metrics_view_set_range (view, RDS_METRICS_RANGE_1_HOUR);
  wait_settled (f, view);
  before = last_point_time (view);
  {
    g_autoptr(RdsRequest) reboot = rds_request_new ("RebootDBInstance");

    rds_request_set (reboot, "DBInstanceIdentifier", "watched-db");
    call (f, reboot);
  }
  advance_until (f, "watched-db", "available");
  advance (f, 600);
  {
    gpointer data[] = { view, &before };

    g_assert_true (spin_until (f, last_point_after, data));
  }
  wait_settled (f, view);
  g_assert_cmpuint (rds_chart_get_n_markers (cpu), >=, 1);
  assert_chart_matches (f, view, "watched-db", "DatabaseConnections");
  screenshot (f, GTK_WIDGET (f->window), "monitoring-reboot");
}

static gboolean
alarm_state_is (Fixture       *f,
                gconstpointer  data)
{
  RdsMetricsView *view = RDS_METRICS_VIEW (((gpointer *) data)[0]);
  GListModel *alarms = rds_metrics_view_get_alarms (view);
  g_autoptr(RdsShape) alarm = NULL;

  if (rds_metrics_view_is_loading (view) || g_list_model_get_n_items (alarms) != 1)
    return FALSE;
  alarm = g_list_model_get_item (alarms, 0);
  return g_strcmp0 (rds_shape_get_string (alarm, "state-value"), ((gpointer *) data)[1]) == 0;
}

/* An alarm on the instance: listed with its state, its threshold on its
 * chart; it goes to ALARM when the clock advances past a busy spell. */
static void
alarms (Fixture *f)
{
  RdsMetricsView *view;
  g_autoptr(RdsRequest) put = rds_request_new_for_api (&rds_api_monitoring, "PutMetricAlarm");
  g_autoptr(RdsRequest) other = rds_request_new_for_api (&rds_api_monitoring, "PutMetricAlarm");
  gpointer ok[] = { NULL, (gpointer) "OK" };
  gpointer alarm[] = { NULL, (gpointer) "ALARM" };

  create_instance (f, "alarmed-db", "mysql", FALSE);
  advance_until (f, "alarmed-db", "available");
  view = open_monitoring (f, "alarmed-db");
  wait_settled (f, view);
  g_assert_cmpuint (g_list_model_get_n_items (rds_metrics_view_get_alarms (view)), ==, 0);

  rds_request_set (put, "AlarmName", "alarmed-db-connections");
  rds_request_set (put, "Namespace", "AWS/RDS");
  rds_request_set (put, "MetricName", "DatabaseConnections");
  rds_request_set (put, "Dimensions.member.1.Name", "DBInstanceIdentifier");
  rds_request_set (put, "Dimensions.member.1.Value", "alarmed-db");
  rds_request_set (put, "Statistic", "Maximum");
  rds_request_set (put, "Period", "300");
  rds_request_set (put, "EvaluationPeriods", "1");
  rds_request_set (put, "Threshold", "100");
  rds_request_set (put, "ComparisonOperator", "GreaterThanThreshold");
  call (f, put);
  /* Another database's alarm is not this one's. */
  rds_request_set (other, "AlarmName", "someone-else");
  rds_request_set (other, "Namespace", "AWS/RDS");
  rds_request_set (other, "MetricName", "CPUUtilization");
  rds_request_set (other, "Dimensions.member.1.Name", "DBInstanceIdentifier");
  rds_request_set (other, "Dimensions.member.1.Value", "another-db");
  rds_request_set (other, "Statistic", "Average");
  rds_request_set (other, "Period", "60");
  rds_request_set (other, "EvaluationPeriods", "1");
  rds_request_set (other, "Threshold", "1");
  rds_request_set (other, "ComparisonOperator", "GreaterThanThreshold");
  call (f, other);

  advance (f, 600);
  ok[0] = view;
  rds_metrics_view_refresh (view);
  g_assert_true (spin_until (f, alarm_state_is, ok));
  g_assert_cmpfloat (rds_chart_get_threshold (rds_metrics_view_get_chart (view, "DatabaseConnections")), ==, 100);
  g_assert_true (isnan (rds_chart_get_threshold (rds_metrics_view_get_chart (view, "CPUUtilization"))));

  /* Twenty times the load: more than 100 connections. */
  {
    g_autoptr(JsonNode) body = json_from_string ("{\"instance\": \"alarmed-db\", \"multiplier\": 20}", NULL);
    gboolean done = FALSE;

    rds_session_control_async (f->session, "workload", body, NULL, workload_cb, &done);
    g_assert_true (spin_until (f, flag_set, &done));
  }
  advance (f, 900);
  alarm[0] = view;
  rds_metrics_view_refresh (view);
  g_assert_true (spin_until (f, alarm_state_is, alarm));
  screenshot (f, GTK_WIDGET (f->window), "monitoring-alarm");
}

static RdsCreateAlarmDialog *
alarm_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (RDS_IS_CREATE_ALARM_DIALOG (window))
        return RDS_CREATE_ALARM_DIALOG (window);
    }
  return NULL;
}

static gboolean
alarm_dialog_gone (Fixture       *f,
                   gconstpointer  data)
{
  return alarm_dialog () == NULL;
}

/* An alarm created from a chart, as a user would: its rule checked in the
 * dialog, then on the tab, going to ALARM as the clock advances. */
static void
alarm_from_chart (Fixture *f)
{
  RdsMetricsView *view;
  RdsCreateAlarmDialog *dialog;
  GtkWidget *submit;
  gpointer alarm[] = { NULL, (gpointer) "ALARM" };
  g_autoptr(RdsShape) created = NULL;

  create_instance (f, "charted-db", "mariadb", FALSE);
  advance_until (f, "charted-db", "available");
  view = open_monitoring (f, "charted-db");
  wait_settled (f, view);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "metrics.create-alarm", "s", "CPUUtilization"));
  dialog = alarm_dialog ();
  g_assert_nonnull (dialog);
  submit = rds_action_dialog_get_submit_button (RDS_ACTION_DIALOG (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rds_create_alarm_dialog_get_widget (dialog, "name"))), ==,
                   "charted-db-CPUUtilization");
  /* No threshold yet: nothing to create. A word is not one. */
  g_assert_false (gtk_widget_get_sensitive (submit));
  gtk_editable_set_text (GTK_EDITABLE (rds_create_alarm_dialog_get_widget (dialog, "threshold")), "lots");
  g_assert_false (gtk_widget_get_sensitive (submit));
  gtk_editable_set_text (GTK_EDITABLE (rds_create_alarm_dialog_get_widget (dialog, "threshold")), "1.5");
  g_assert_true (gtk_widget_get_sensitive (submit));
  /* More datapoints than periods: said next to the field. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rds_create_alarm_dialog_get_widget (dialog, "datapoints")), 3);
  g_assert_false (gtk_widget_get_sensitive (submit));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rds_create_alarm_dialog_get_widget (dialog, "periods")), 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rds_create_alarm_dialog_get_widget (dialog, "datapoints")), 2);
  g_assert_true (gtk_widget_get_sensitive (submit));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (rds_create_alarm_dialog_get_widget (dialog, "period")), 0);
  screenshot (f, GTK_WIDGET (dialog), "dialog-create-alarm");
  rds_action_dialog_submit (RDS_ACTION_DIALOG (dialog));
  g_assert_true (spin_until (f, alarm_dialog_gone, NULL));

  /* CloudWatch has it as it was set. */
  {
    g_autoptr(RdsRequest) describe = rds_request_new_for_api (&rds_api_monitoring, "DescribeAlarms");
    g_autoptr(RdsQueryResult) result = NULL;

    rds_request_set (describe, "AlarmNames.member.1", "charted-db-CPUUtilization");
    result = ask (f, describe);
    created = g_list_model_get_item (G_LIST_MODEL (rds_shape_get_list (result->item, "metric-alarms")), 0);
  }
  g_assert_cmpstr (rds_shape_get_string (created, "comparison-operator"), ==, "GreaterThanThreshold");
  g_assert_cmpstr (rds_shape_get_string (created, "statistic"), ==, "Average");
  g_assert_cmpfloat (rds_shape_get_double (created, "threshold"), ==, 1.5);
  g_assert_cmpint (rds_shape_get_int (created, "period"), ==, 60);
  g_assert_cmpint (rds_shape_get_int (created, "evaluation-periods"), ==, 3);
  g_assert_cmpint (rds_shape_get_int (created, "datapoints-to-alarm"), ==, 2);

  /* The CPU is busier than 1.5 %: in ALARM within minutes. */
  advance (f, 300);
  alarm[0] = view;
  rds_metrics_view_refresh (view);
  g_assert_true (spin_until (f, alarm_state_is, alarm));
  g_assert_cmpfloat (rds_chart_get_threshold (rds_metrics_view_get_chart (view, "CPUUtilization")), ==, 1.5);
}

static gboolean
activity_shown (Fixture       *f,
                gconstpointer  data)
{
  RdsDatabasesPage *page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
  double cpu, connections;

  return rds_databases_page_get_activity (page, data, &cpu, &connections) && !isnan (cpu) && !isnan (connections);
}

static gboolean
activity_unknown (Fixture       *f,
                  gconstpointer  data)
{
  RdsDatabasesPage *page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
  double cpu = 0;

  rds_databases_page_get_activity (page, data, &cpu, NULL);
  return isnan (cpu);
}

/* The Databases table's CPU and Current activity: the latest five minutes
 * of each database on the page, as CloudWatch has them. */
static void
table_activity (Fixture *f)
{
  RdsDatabasesPage *page;
  g_autoptr(RdsRequest) request = rds_request_new_for_api (&rds_api_monitoring, "GetMetricStatistics");
  g_autoptr(RdsQueryResult) result = NULL;
  g_autoptr(RdsShape) latest = NULL;
  GListModel *points;
  double cpu, connections;
  gint64 now;

  create_instance (f, "busy-db", "postgres", FALSE);
  create_instance (f, "quiet-db", "mysql", FALSE);
  advance_until (f, "busy-db", "available");
  advance_until (f, "quiet-db", "available");
  advance (f, 1800);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
  g_assert_true (spin_until (f, activity_shown, "busy-db"));
  g_assert_true (spin_until (f, activity_shown, "quiet-db"));
  screenshot (f, GTK_WIDGET (f->window), "databases-activity");

  rds_databases_page_get_activity (page, "busy-db", &cpu, &connections);
  now = rds_session_get_simulated_time (f->session);
  now -= now % (60 * G_USEC_PER_SEC);
  rds_request_set (request, "Namespace", "AWS/RDS");
  rds_request_set (request, "MetricName", "CPUUtilization");
  rds_request_set (request, "Dimensions.member.1.Name", "DBInstanceIdentifier");
  rds_request_set (request, "Dimensions.member.1.Value", "busy-db");
  rds_request_set (request, "Statistics.member.1", "Average");
  rds_request_set_int (request, "Period", 300);
  rds_request_set_timestamp (request, "StartTime", now - 300 * G_USEC_PER_SEC);
  rds_request_set_timestamp (request, "EndTime", now);
  result = ask (f, request);
  points = G_LIST_MODEL (rds_shape_get_list (result->item, "datapoints"));
  g_assert_cmpuint (g_list_model_get_n_items (points), ==, 1);
  latest = g_list_model_get_item (points, 0);
  /* As a list on the wire has it: to six significant digits. */
  g_assert_cmpfloat_with_epsilon (cpu, rds_shape_get_double (latest, "average"), 1e-5 * cpu);
  g_assert_cmpfloat (connections, >, 0);

  /* Stopped: nothing new to show. (Once it can be: the clock may have
   * reached its backup window, and a backing-up instance doesn't stop.) */
  {
    g_autoptr(RdsRequest) stop = rds_request_new ("StopDBInstance");

    rds_request_set (stop, "DBInstanceIdentifier", "quiet-db");
    for (guint tries = 0;; tries++)
      {
        g_autoptr(GError) error = NULL;

        if (try_call (f, stop, &error))
          break;
        g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE);
        g_assert_cmpuint (tries, <, 24);
        advance (f, 300);
      }
  }
  advance_until (f, "quiet-db", "stopped");
  advance (f, 900);
  g_assert_true (spin_until (f, activity_unknown, "quiet-db"));
  g_assert_true (activity_shown (f, "busy-db"));
}

static gboolean
is_region_activity (GtkWidget     *widget,
                    gconstpointer  data)
{
  return RDS_IS_REGION_ACTIVITY (widget);
}

static gboolean
region_activity_shown (Fixture       *f,
                       gconstpointer  data)
{
  RdsRegionActivity *activity = RDS_REGION_ACTIVITY ((gpointer) data);

  return !rds_region_activity_is_loading (activity) &&
         rds_chart_get_n_points (rds_region_activity_get_chart (activity)) > 0 &&
         g_list_model_get_n_items (rds_region_activity_get_alarms (activity)) == 1;
}

/* The Dashboard: the Region's alarms, the last changed first, and the
 * connections to all its databases, summed by CloudWatch's metric math. */
static void
dashboard (Fixture *f)
{
  RdsRegionActivity *activity;
  RdsChart *chart;
  g_autoptr(RdsRequest) put = rds_request_new_for_api (&rds_api_monitoring, "PutMetricAlarm");
  double total = 0;
  gint64 last;

  create_instance (f, "first-db", "postgres", FALSE);
  create_instance (f, "second-db", "mysql", FALSE);
  advance_until (f, "first-db", "available");
  advance_until (f, "second-db", "available");
  rds_request_set (put, "AlarmName", "first-db-cpu");
  rds_request_set (put, "Namespace", "AWS/RDS");
  rds_request_set (put, "MetricName", "CPUUtilization");
  rds_request_set (put, "Dimensions.member.1.Name", "DBInstanceIdentifier");
  rds_request_set (put, "Dimensions.member.1.Value", "first-db");
  rds_request_set (put, "Statistic", "Average");
  rds_request_set (put, "Period", "60");
  rds_request_set (put, "EvaluationPeriods", "1");
  rds_request_set (put, "Threshold", "1");
  rds_request_set (put, "ComparisonOperator", "GreaterThanThreshold");
  call (f, put);
  advance (f, 3600);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "dashboard"));
  activity = RDS_REGION_ACTIVITY (find_widget (rds_window_get_page_widget (f->window, "dashboard"),
                                               is_region_activity, NULL));
  g_assert_nonnull (activity);
  rds_region_activity_refresh (activity);
  g_assert_true (spin_until (f, region_activity_shown, activity));
  screenshot (f, GTK_WIDGET (f->window), "dashboard-activity");

  {
    g_autoptr(RdsShape) alarm = g_list_model_get_item (rds_region_activity_get_alarms (activity), 0);

    g_assert_cmpstr (rds_shape_get_string (alarm, "alarm-name"), ==, "first-db-cpu");
    g_assert_cmpstr (rds_shape_get_string (alarm, "state-value"), ==, "ALARM");
  }

  /* The total at its last point is the two databases' sum then. */
  chart = rds_region_activity_get_chart (activity);
  rds_chart_get_point (chart, rds_chart_get_n_points (chart) - 1, &last, NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RdsRequest) request = rds_request_new_for_api (&rds_api_monitoring, "GetMetricStatistics");
      g_autoptr(RdsQueryResult) result = NULL;
      g_autoptr(RdsShape) point = NULL;

      rds_request_set (request, "Namespace", "AWS/RDS");
      rds_request_set (request, "MetricName", "DatabaseConnections");
      rds_request_set (request, "Dimensions.member.1.Name", "DBInstanceIdentifier");
      rds_request_set (request, "Dimensions.member.1.Value", i == 0 ? "first-db" : "second-db");
      rds_request_set (request, "Statistics.member.1", "Average");
      rds_request_set_int (request, "Period", 300);
      rds_request_set_timestamp (request, "StartTime", last);
      rds_request_set_timestamp (request, "EndTime", last + 300 * G_USEC_PER_SEC);
      result = ask (f, request);
      point = g_list_model_get_item (G_LIST_MODEL (rds_shape_get_list (result->item, "datapoints")), 0);
      total += rds_shape_get_double (point, "average");
    }
  {
    double shown;

    rds_chart_get_point (chart, rds_chart_get_n_points (chart) - 1, NULL, &shown);
    g_assert_cmpfloat_with_epsilon (shown, total, 1e-5 * total);
  }
}

static gboolean
find_named_widget (GtkWidget     *widget,
                   gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

typedef struct
{
  gboolean  done;
  JsonNode *answer;
} ControlAnswer;

static void
control_answer_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ControlAnswer *answer = user_data;
  g_autoptr(GError) error = NULL;

  answer->answer = rds_session_control_finish_answer (RDS_SESSION (object), result, &error);
  g_assert_no_error (error);
  answer->done = TRUE;
}

static gboolean
workload_is (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JsonNode) body = json_from_string ("{\"instance\": \"worked-db\"}", NULL);
  ControlAnswer answer = { FALSE, NULL };
  gboolean same;

  rds_session_control_async (f->session, "workload", body, NULL, control_answer_cb, &answer);
  g_assert_true (spin_until (f, flag_set, &answer.done));
  same = g_strcmp0 (json_object_get_string_member (json_node_get_object (answer.answer), "profile"), data) == 0 &&
         json_object_get_double_member (json_node_get_object (answer.answer), "multiplier") == 3.0;
  json_node_unref (answer.answer);
  return same;
}

/* A simulated database's workload, changed from its Monitoring tab; the
 * control is the simulator's only. */
static void
workload (Fixture *f)
{
  RdsMetricsView *view;
  GtkWidget *profile, *multiplier;
  gint64 before;

  create_instance (f, "worked-db", "postgres", FALSE);
  advance_until (f, "worked-db", "available");
  view = open_monitoring (f, "worked-db");
  wait_settled (f, view);
  profile = find_widget (GTK_WIDGET (view), find_named_widget, "workload-profile");
  multiplier = find_widget (GTK_WIDGET (view), find_named_widget, "workload-multiplier");
  g_assert_nonnull (profile);
  g_assert_true (gtk_widget_is_visible (profile));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (profile)), ==, 1);

  /* Spiky batch at three times: the simulator has it, and the database's
   * data grows at the batch's rate from then on. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (profile), 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (multiplier), 3);
  g_assert_true (spin_until (f, workload_is, "spiky-batch"));
  before = rds_session_get_simulated_time (f->session);
  advance (f, 3600);
  rds_metrics_view_refresh (view);
  wait_settled (f, view);
  {
    RdsChart *free_space = rds_metrics_view_get_chart (view, "FreeStorageSpace");
    guint n = rds_chart_get_n_points (free_space);
    double first = 0, last = 0;
    gint64 t = 0;

    for (guint i = 0; i < n; i++)
      {
        rds_chart_get_point (free_space, i, &t, &last);
        if (t < before + 60 * G_USEC_PER_SEC)
          first = last;
      }
    /* 0.06 GiB an hour times three: about 0.18 GiB less. */
    g_assert_cmpfloat (first - last, >, 0.15 * 1073741824.0);
  }

  /* Against an endpoint that is not a simulator: no such control. */
  {
    g_autoptr(RdsSession) plain = rds_session_new (rds_session_get_endpoint (f->session), "AKIDCONSOLE",
                                                   "unused-secret", FALSE);
    GtkWidget *other = rds_metrics_view_new ();

    g_object_ref_sink (other);
    rds_metrics_view_set_session (RDS_METRICS_VIEW (other), plain);
    rds_metrics_view_set_instance (RDS_METRICS_VIEW (other), find_instance (f, "worked-db"));
    g_assert_false (gtk_widget_get_visible (find_widget (other, find_named_widget, "workload-profile")) &&
                    gtk_widget_get_visible (gtk_widget_get_parent (find_widget (other, find_named_widget,
                                                                                "workload-profile"))));
    rds_metrics_view_set_session (RDS_METRICS_VIEW (other), NULL);
    g_object_unref (other);
  }
}

int
main (int   argc,
      char *argv[])
{
  console_test_init (&argc, &argv);

  CONSOLE_TEST_ADD ("/console/monitoring/charts", charts);
  CONSOLE_TEST_ADD ("/console/monitoring/alarms", alarms);
  CONSOLE_TEST_ADD ("/console/monitoring/alarm-from-chart", alarm_from_chart);
  CONSOLE_TEST_ADD ("/console/monitoring/table-activity", table_activity);
  CONSOLE_TEST_ADD ("/console/monitoring/dashboard", dashboard);
  CONSOLE_TEST_ADD ("/console/monitoring/workload", workload);

  return g_test_run ();
}
