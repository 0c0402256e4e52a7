/* bench-charts.c: figures for the charts and the Monitoring tab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it prints what it measured. Run it headless with the cairo
 * renderer, as the budget says:
 *
 *   GSK_RENDERER=cairo build-aux/headless build/tests/bench-charts
 *
 * 1. Twelve charts of 20,160 points each (two weeks at a minute) in a
 *    window: the frames redrawing them all, first with new data (the
 *    columns worked out again) and then as a crosshair moves (the columns
 *    kept), from before-paint to after-paint.
 * 2. The Monitoring tab of a database with two weeks of history, on the
 *    embedded simulator over loopback: from choosing a time range to the
 *    first frame that shows its data.
 * 3. The topology of a Multi-AZ source with 15 read replicas in 3 Regions:
 *    the frames redrawing it as the replicas' lag changes.
 */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "rds-chart.h"
#include "rds-db-instance.h"
#include "rds-metrics-view.h"
#include "rds-resource-list.h"
#include "rds-session.h"
#include "rds-simulator.h"
#include "rds-topology-view.h"

#define POINTS 20160
#define CHARTS 12
#define FRAMES 60
#define START_TIME G_GINT64_CONSTANT (1767571200000000)

typedef struct
{
  GMainLoop *loop;
  gint64     before;
  GArray    *frames;     /* double, ms */
  guint      wanted;
  void     (*each) (gpointer data);
  gpointer   data;
} Frames;

static void
before_paint_cb (GdkFrameClock *clock,
                 Frames        *frames)
{
  frames->before = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *frames)
{
  double ms;

  if (frames->before == 0 || frames->loop == NULL)
    return;
  ms = (g_get_monotonic_time () - frames->before) / 1000.0;
  g_array_append_val (frames->frames, ms);
  frames->before = 0;
  if (frames->frames->len >= frames->wanted)
    g_main_loop_quit (frames->loop);
  else
    frames->each (frames->data);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_frames (const char *what,
              GArray     *frames)
{
  double total = 0;

  g_array_sort (frames, compare_doubles);
  for (guint i = 0; i < frames->len; i++)
    total += g_array_index (frames, double, i);
  g_print ("%s: median %.2f ms, mean %.2f ms, worst %.2f ms (%u frames)\n", what,
           g_array_index (frames, double, frames->len / 2), total / frames->len,
           g_array_index (frames, double, frames->len - 1), frames->len);
}

typedef struct
{
  RdsChart *charts[CHARTS];
  GArray   *times;
  GArray   *values[2];
  guint     round;
} Charts;

static void
new_data (gpointer data)
{
  Charts *charts = data;

  charts->round++;
  for (guint i = 0; i < CHARTS; i++)
    rds_chart_set_data (charts->charts[i], charts->times, charts->values[charts->round % 2], 60);
}

static void
move_crosshair (gpointer data)
{
  Charts *charts = data;

  charts->round++;
  for (guint i = 0; i < CHARTS; i++)
    rds_chart_select (charts->charts[i], (int) (charts->round * 97 % POINTS));
}

static void
run_frames (GtkWidget *window,
            Frames    *frames,
            guint      wanted,
            void     (*each) (gpointer data),
            gpointer   data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong before, after;

  frames->loop = g_main_loop_new (NULL, FALSE);
  frames->frames = g_array_new (FALSE, FALSE, sizeof (double));
  frames->wanted = wanted;
  frames->each = each;
  frames->data = data;
  frames->before = 0;
  before = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), frames);
  after = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), frames);
  each (data);
  g_main_loop_run (frames->loop);
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);
  g_clear_pointer (&frames->loop, g_main_loop_unref);
}

static gboolean
quit_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, quit_cb, loop);
  g_main_loop_run (loop);
}

static void
bench_redraw (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *grid = gtk_grid_new ();
  Charts charts = { { NULL } };
  Frames frames = { NULL };

  charts.times = g_array_sized_new (FALSE, FALSE, sizeof (gint64), POINTS);
  charts.values[0] = g_array_sized_new (FALSE, FALSE, sizeof (double), POINTS);
  charts.values[1] = g_array_sized_new (FALSE, FALSE, sizeof (double), POINTS);
  for (guint i = 0; i < POINTS; i++)
    {
      gint64 t = START_TIME + (gint64) i * 60 * G_USEC_PER_SEC;
      double a = 40 + 30 * sin (i / 300.0) + (g_random_double () - 0.5) * 10;
      double b = 50 + 20 * cos (i / 200.0) + (g_random_double () - 0.5) * 10;

      g_array_append_val (charts.times, t);
      g_array_append_val (charts.values[0], a);
      g_array_append_val (charts.values[1], b);
    }

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  for (guint i = 0; i < CHARTS; i++)
    {
      charts.charts[i] = RDS_CHART (rds_chart_new ());
      rds_chart_set_display (charts.charts[i], RDS_METRIC_DISPLAY_PERCENT);
      rds_chart_set_range (charts.charts[i], START_TIME, START_TIME + (gint64) POINTS * 60 * G_USEC_PER_SEC);
      rds_chart_add_marker (charts.charts[i], START_TIME + (gint64) 5000 * 60 * G_USEC_PER_SEC,
                            RDS_CHART_MARKER_REBOOT, "DB instance restarted.");
      rds_chart_set_threshold (charts.charts[i], 80);
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (charts.charts[i]), i % 3, i / 3, 1, 1);
    }
  gtk_window_set_child (GTK_WINDOW (window), grid);
  gtk_window_present (GTK_WINDOW (window));
  spin (500);

  run_frames (window, &frames, FRAMES, new_data, &charts);
  print_frames ("12 charts of 20,160 points, new data each frame", frames.frames);
  g_array_unref (frames.frames);
  run_frames (window, &frames, FRAMES, move_crosshair, &charts);
  print_frames ("12 charts of 20,160 points, the crosshair moving", frames.frames);
  g_array_unref (frames.frames);

  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (charts.times);
  g_array_unref (charts.values[0]);
  g_array_unref (charts.values[1]);
}

/* The Monitoring tab */

typedef struct
{
  GMainLoop *loop;
  gboolean   done;
} Wait;

static void
started_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;
  g_autoptr(GError) error = NULL;

  if (!rds_simulator_start_finish (RDS_SIMULATOR (object), result, &error))
    g_error ("the simulator did not start: %s", error->message);
  wait->done = TRUE;
  g_main_loop_quit (wait->loop);
}

static void
called_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsQueryResult) answer = rds_session_call_finish (RDS_SESSION (object), result, &error);

  g_assert_no_error (error);
  g_main_loop_quit (wait->loop);
}

static void
controlled_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Wait *wait = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (rds_session_control_finish (RDS_SESSION (object), result, &error));
  g_main_loop_quit (wait->loop);
}

typedef struct
{
  GMainLoop      *loop;
  RdsMetricsView *view;
  gboolean        loaded;
  gint64          shown;
} RangeWait;

static void
range_loaded_cb (RdsMetricsView *view,
                 GParamSpec     *pspec,
                 RangeWait      *wait)
{
  if (!rds_metrics_view_is_loading (view))
    wait->loaded = TRUE;
}

static void
range_painted_cb (GdkFrameClock *clock,
                  RangeWait     *wait)
{
  if (wait->loaded && wait->shown == 0)
    {
      wait->shown = g_get_monotonic_time ();
      g_main_loop_quit (wait->loop);
    }
}

static void
bench_range (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rds-bench-charts-XXXXXX", NULL);
  g_autoptr(RdsSimulator) simulator = rds_simulator_new (dir, "AKIDBENCH", "bench-secret");
  g_autoptr(RdsSession) session = NULL;
  g_autoptr(RdsRequest) create = rds_request_new ("CreateDBInstance");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Wait wait = { loop, FALSE };
  GtkWidget *window, *view;
  RdsDbInstance *instance = NULL;
  const RdsMetricsRange order[] = { RDS_METRICS_RANGE_1_DAY, RDS_METRICS_RANGE_2_WEEKS, RDS_METRICS_RANGE_1_HOUR,
                                    RDS_METRICS_RANGE_1_WEEK, RDS_METRICS_RANGE_3_HOURS, RDS_METRICS_RANGE_3_DAYS };
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  rds_simulator_set_paused (simulator, TRUE);
  rds_simulator_set_start_time (simulator, START_TIME);
  rds_simulator_set_seed (simulator, 7);
  rds_simulator_start_async (simulator, NULL, started_cb, &wait);
  g_main_loop_run (loop);
  session = rds_session_new (rds_simulator_get_url (simulator), "AKIDBENCH", "bench-secret", TRUE);

  rds_request_set (create, "DBInstanceIdentifier", "bench-db");
  rds_request_set (create, "DBInstanceClass", "db.m5.large");
  rds_request_set (create, "Engine", "postgres");
  rds_request_set (create, "MasterUsername", "postgres");
  rds_request_set (create, "MasterUserPassword", "bench-password");
  rds_request_set (create, "AllocatedStorage", "100");
  rds_session_call_async (session, create, NULL, called_cb, &wait);
  g_main_loop_run (loop);
  {
    g_autoptr(JsonNode) body = json_from_string ("{\"seconds\": 1296000}", NULL);

    rds_session_control_async (session, "clock/advance", body, NULL, controlled_cb, &wait);
    g_main_loop_run (loop);
  }
  {
    g_autoptr(RdsResourceList) instances = g_object_ref (rds_session_get_instances (session));

    rds_session_refresh (session);
    rds_resource_list_refresh (instances);
    while (instance == NULL)
      {
        g_main_context_iteration (NULL, TRUE);
        instance = rds_resource_list_find (instances, "bench-db");
      }
    /* The session polls it as the console's pages do. */
    rds_session_start_polling (session, 1000);
    g_object_set_data_full (G_OBJECT (session), "held", g_steal_pointer (&instances), g_object_unref);
  }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  view = rds_metrics_view_new ();
  {
    GtkWidget *scrolled = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
    gtk_window_set_child (GTK_WINDOW (window), scrolled);
  }
  gtk_window_present (GTK_WINDOW (window));
  rds_metrics_view_set_session (RDS_METRICS_VIEW (view), session);
  rds_metrics_view_set_instance (RDS_METRICS_VIEW (view), instance);
  while (rds_metrics_view_is_loading (RDS_METRICS_VIEW (view)))
    g_main_context_iteration (NULL, TRUE);
  spin (300);

  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        RangeWait range = { loop, RDS_METRICS_VIEW (view), FALSE, 0 };
        gulong loaded, painted;
        gint64 start;
        double ms;

        loaded = g_signal_connect (view, "notify::loading", G_CALLBACK (range_loaded_cb), &range);
        painted = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                                    G_CALLBACK (range_painted_cb), &range);
        start = g_get_monotonic_time ();
        rds_metrics_view_set_range (RDS_METRICS_VIEW (view), order[i]);
        g_main_loop_run (loop);
        ms = (range.shown - start) / 1000.0;
        g_array_append_val (times, ms);
        g_signal_handler_disconnect (view, loaded);
        g_signal_handler_disconnect (gtk_widget_get_frame_clock (window), painted);
      }

  g_array_sort (times, compare_doubles);
  g_print ("Monitoring tab, %u charts: a new time range to its first frame: median %.1f ms, worst %.1f ms "
           "(%u changes over loopback)\n", rds_metrics_view_get_n_charts (RDS_METRICS_VIEW (view)),
           g_array_index (times, double, times->len / 2), g_array_index (times, double, times->len - 1),
           times->len);

  gtk_window_destroy (GTK_WINDOW (window));
  rds_simulator_stop (simulator);
}

/* The topology */

typedef struct
{
  RdsTopologyView *view;
  GListStore      *instances;
  GHashTable      *lags;
  guint            round;
} Topology;

static void
new_lags (gpointer data)
{
  Topology *topology = data;
  GHashTableIter iter;
  gpointer value;

  topology->round++;
  g_hash_table_iter_init (&iter, topology->lags);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    *(double *) value = (topology->round % 7) * 0.3;
  rds_topology_view_set_state (topology->view, G_LIST_MODEL (topology->instances), NULL, topology->lags, NULL);
}

static void
redraw_only (gpointer data)
{
  Topology *topology = data;

  gtk_widget_queue_draw (GTK_WIDGET (topology->view));
}

static void
bench_topology (void)
{
  GtkWidget *window = gtk_window_new ();
  Topology topology = { NULL };
  Frames frames = { NULL };
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) replicas = NULL;
  g_autoptr(RdsDbInstance) source = NULL;
  const char *regions[] = { "us-east-1", "us-west-2", "eu-west-1" };
  const char *zones[] = { "us-east-1a", "us-east-1b", "us-east-1c" };

  topology.instances = g_list_store_new (RDS_TYPE_DB_INSTANCE);
  topology.lags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < 15; i++)
    {
      g_autofree char *id = g_strdup_printf ("replica-%02u", i);
      const char *region = regions[i % 3];

      if (i % 3 == 0)
        {
          g_autoptr(RdsDbInstance) replica = g_object_new (RDS_TYPE_DB_INSTANCE,
                                                           "db-instance-identifier", id,
                                                           "db-instance-status", "available",
                                                           "availability-zone", zones[i % 9 / 3],
                                                           "read-replica-source-db-instance-identifier", "source",
                                                           NULL);
          double *lag = g_new (double, 1);

          *lag = 0.2;
          g_hash_table_insert (topology.lags, g_strdup (id), lag);
          g_list_store_append (topology.instances, replica);
          g_strv_builder_add (names, id);
        }
      else
        {
          g_autofree char *arn = g_strdup_printf ("arn:aws:rds:%s:123456789012:db:%s", region, id);

          g_strv_builder_add (names, arn);
        }
    }
  replicas = g_strv_builder_end (names);
  source = g_object_new (RDS_TYPE_DB_INSTANCE,
                         "db-instance-identifier", "source",
                         "db-instance-status", "available",
                         "availability-zone", "us-east-1a",
                         "secondary-availability-zone", "us-east-1b",
                         "multi-az", TRUE,
                         "db-instance-arn", "arn:aws:rds:us-east-1:123456789012:db:source",
                         "read-replica-db-instance-identifiers", replicas,
                         NULL);
  g_list_store_append (topology.instances, source);

  topology.view = RDS_TOPOLOGY_VIEW (rds_topology_view_new ());
  rds_topology_view_set_instance (topology.view, source);
  rds_topology_view_set_state (topology.view, G_LIST_MODEL (topology.instances), NULL, topology.lags, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (topology.view));
  gtk_window_present (GTK_WINDOW (window));
  spin (500);

  run_frames (window, &frames, FRAMES, new_lags, &topology);
  print_frames ("Topology of a Multi-AZ source with 15 read replicas in 3 Regions, new lags each frame",
                frames.frames);
  g_array_unref (frames.frames);
  run_frames (window, &frames, FRAMES, redraw_only, &topology);
  print_frames ("The same topology redrawn (an animation frame)", frames.frames);
  g_array_unref (frames.frames);

  /* What a frame of the window costs with nothing in it. */
  {
    GtkWidget *empty = gtk_drawing_area_new ();
    Topology nothing = { RDS_TOPOLOGY_VIEW (NULL) };

    gtk_window_set_child (GTK_WINDOW (window), empty);
    nothing.view = (gpointer) empty;
    spin (200);
    run_frames (window, &frames, FRAMES, redraw_only, &nothing);
    print_frames ("The window's frame alone, for comparison", frames.frames);
    g_array_unref (frames.frames);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (topology.instances);
  g_hash_table_unref (topology.lags);
}

int
main (int   argc,
      char *argv[])
{
  gtk_init ();
  adw_init ();

  g_print ("renderer: %s\n", g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default");
  if (argc < 2 || g_str_equal (argv[1], "redraw"))
    bench_redraw ();
  if (argc < 2 || g_str_equal (argv[1], "range"))
    bench_range ();
  if (argc < 2 || g_str_equal (argv[1], "topology"))
    bench_topology ();
  return 0;
}
