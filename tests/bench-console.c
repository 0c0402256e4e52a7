/* bench-console.c: figures for the console: startup, memory, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it prints what it measured. Run it headless:
 *
 *   build-aux/headless build/tests/bench-console --console build/app/rds-console \
 *       --empty-window build/tests/bench-empty-window
 *
 * 1. Startup: the time from exec to the first frame painted, and the peak
 *    RSS by then, of rds-console on an embedded simulator holding 100
 *    instances, next to an empty libadwaita window measured in the same run
 *    (runs interleaved, medians of 15 after a warm-up). Also when the console
 *    first paints its loaded lists ("ready").
 * 2. Search: with 10,000 instances on the Databases page (in pages of 50,
 *    its default), the time from a keystroke in the filter to the frame
 *    that shows the filtered view.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rds-client.h"
#include "rds-databases-page.h"
#include "rds-resource-list.h"
#include "rds-session.h"
#include "rds-simulator.h"
#include "rds-slot-model.h"

#define ACCESS_KEY "AKIDBENCHCONSOLE"
#define SECRET_KEY "bench-console-secret"
#define START_TIME G_GINT64_CONSTANT (1767571200000000)
#define RUNS 15

static char *console_path;
static char *empty_path;
static int startup_instances = 100;
static int search_instances = 10000;

/* The simulator, in this process */

static void
started_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!rds_simulator_start_finish (RDS_SIMULATOR (object), result, &error))
    g_error ("simulator: %s", error->message);
  *(gboolean *) user_data = TRUE;
}

static RdsSimulator *
start_simulator (const char *dir)
{
  RdsSimulator *simulator = rds_simulator_new (dir, ACCESS_KEY, SECRET_KEY);
  gboolean started = FALSE;

  rds_simulator_set_paused (simulator, TRUE);
  rds_simulator_set_start_time (simulator, START_TIME);
  rds_simulator_start_async (simulator, NULL, started_cb, &started);
  while (!started)
    g_main_context_iteration (NULL, TRUE);

  return simulator;
}

static void
control (RdsClient  *client,
         const char *path,
         const char *json)
{
  g_autoptr(JsonNode) body = json_from_string (json, NULL);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = rds_client_control_sync (client, "POST", path, body, NULL, &error);
  if (answer == NULL)
    g_error ("%s: %s", path, error->message);
}

/* @n instances, available: the clock moves on an hour. */
static void
fill (RdsClient *client,
      int        n)
{
  g_autofree char *quotas = g_strdup_printf ("{\"DBInstances\": %d, \"AllocatedStorage\": %d}",
                                             n + 10, (n + 10) * 20);
  const char *engines[] = { "postgres", "mysql", "mariadb" };

  control (client, "quotas", quotas);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(RdsRequest) request = rds_request_new ("CreateDBInstance");
      g_autofree char *id = g_strdup_printf ("database-%05d", i);
      g_autoptr(GError) error = NULL;
      RdsQueryResult *answer;

      rds_request_set (request, "DBInstanceIdentifier", id);
      rds_request_set (request, "DBInstanceClass", "db.t3.micro");
      rds_request_set (request, "Engine", engines[i % 3]);
      rds_request_set (request, "MasterUsername", "admin_user");
      rds_request_set (request, "MasterUserPassword", "bench-password");
      rds_request_set_int (request, "AllocatedStorage", 20);
      answer = rds_client_call_sync (client, request, NULL, &error);
      if (answer == NULL)
        g_error ("create %s: %s", id, error->message);
      rds_query_result_free (answer);
    }
  control (client, "clock/advance", "{\"seconds\": 3600}");
}

/* 1. Startup */

typedef struct
{
  double first_ms;
  long   first_kib;
  double ready_ms;
  long   ready_kib;
} Run;

static Run
measure (const char * const *argv,
         gboolean            console)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  Run run = { -1, -1, -1, -1 };
  gint64 start;
  int status;

  env = g_environ_setenv (env, "RDS_CONSOLE_BENCHMARK", "1", TRUE);
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                     &error))
    g_error ("%s: %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s\n%s", argv[0], error->message, err);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 when;
      long kib;

      if (sscanf (lines[i], "first-frame %" G_GINT64_FORMAT " %ld", &when, &kib) == 2)
        {
          run.first_ms = (when - start) / 1000.0;
          run.first_kib = kib;
        }
      else if (sscanf (lines[i], "ready %" G_GINT64_FORMAT " %ld", &when, &kib) == 2)
        {
          run.ready_ms = (when - start) / 1000.0;
          run.ready_kib = kib;
        }
    }
  if (run.first_ms < 0 || (console && run.ready_ms < 0))
    g_error ("%s printed no figures:\n%s\n%s", argv[0], out, err);

  return run;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

static void
bench_startup (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rds-bench-console-XXXXXX", NULL);
  g_autofree char *state_arg = g_strdup_printf ("--state-dir=%s", dir);
  const char *console_argv[] = { console_path, state_arg, "--paused", NULL };
  const char *empty_argv[] = { empty_path, NULL };
  double console_first[RUNS], console_ready[RUNS], console_kib[RUNS], console_ready_kib[RUNS];
  double empty_first[RUNS], empty_kib[RUNS];
  double first, floor_first, kib, floor_kib;

  {
    g_autoptr(RdsSimulator) simulator = start_simulator (dir);
    g_autoptr(RdsClient) client = rds_client_new (rds_simulator_get_url (simulator), "us-east-1",
                                                  ACCESS_KEY, SECRET_KEY);

    fill (client, startup_instances);
    rds_simulator_stop (simulator);
  }

  /* Warm-up: caches, and the console's first-start keyring item. */
  measure (empty_argv, FALSE);
  measure (console_argv, TRUE);

  for (guint i = 0; i < RUNS; i++)
    {
      Run empty = measure (empty_argv, FALSE);
      Run console = measure (console_argv, TRUE);

      empty_first[i] = empty.first_ms;
      empty_kib[i] = empty.first_kib;
      console_first[i] = console.first_ms;
      console_kib[i] = console.first_kib;
      console_ready[i] = console.ready_ms;
      console_ready_kib[i] = console.ready_kib;
    }

  first = median (console_first, RUNS);
  floor_first = median (empty_first, RUNS);
  kib = median (console_kib, RUNS);
  floor_kib = median (empty_kib, RUNS);

  g_print ("Startup, exec to first frame (median of %d, %d instances in the simulator):\n",
           RUNS, startup_instances);
  g_print ("  empty libadwaita window  %7.1f ms   peak RSS %6.1f MiB\n", floor_first, floor_kib / 1024);
  g_print ("  rds-console              %7.1f ms   peak RSS %6.1f MiB\n", first, kib / 1024);
  g_print ("  ratio %.2fx (target <= 1.2x), RSS +%.1f MiB (target <= +30 MiB)\n",
           first / floor_first, (kib - floor_kib) / 1024);
  g_print ("  rds-console with its %d databases painted: %.1f ms, peak RSS %.1f MiB\n",
           startup_instances, median (console_ready, RUNS), median (console_ready_kib, RUNS) / 1024);
}

/* 2. Search */

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static guint frames;
static gint64 frame_started;
static gint64 frame_painted;
static gint64 frame_laid_out;

static void
before_paint_cb (GdkFrameClock *clock)
{
  frame_started = g_get_monotonic_time ();
}

static void
laid_out_cb (GdkFrameClock *clock)
{
  frame_laid_out = g_get_monotonic_time ();
}

static void
painted_cb (GdkFrameClock *clock)
{
  frame_painted = g_get_monotonic_time ();
  frames++;
}

/* From what the entry holds to @wanted as a user gets there: one character
 * typed at the end, or one erased (a backspace). */
/* Under `perf record --control fifo:CTL -D -1`, with BENCH_PERF_CTL=CTL,
 * perf samples the keystrokes only, not the filling of the simulator. */
static void
perf_control (const char *command)
{
  const char *path = g_getenv ("BENCH_PERF_CTL");
  FILE *fifo;

  if (path == NULL || (fifo = fopen (path, "w")) == NULL)
    return;
  fprintf (fifo, "%s\n", command);
  fclose (fifo);
}

static void
type_keystroke (GtkEditable *entry,
                const char  *wanted)
{
  const char *text = gtk_editable_get_text (entry);
  gsize have = strlen (text), want = strlen (wanted);
  int position = have;

  if (want == have + 1 && strncmp (text, wanted, have) == 0)
    gtk_editable_insert_text (entry, wanted + have, 1, &position);
  else if (want + 1 == have && strncmp (text, wanted, want) == 0)
    gtk_editable_delete_text (entry, want, have);
  else
    g_error ("“%s” is not one keystroke from “%s”", wanted, text);
}

static void
bench_search (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rds-bench-search-XXXXXX", NULL);
  g_autoptr(RdsSimulator) simulator = start_simulator (dir);
  g_autoptr(RdsClient) client = rds_client_new (rds_simulator_get_url (simulator), "us-east-1",
                                                ACCESS_KEY, SECRET_KEY);
  g_autoptr(RdsSession) session = NULL;
  const char *typed[] = { "d", "da", "dat", "data", "datab", "databa", "databas", "database",
                          "database-", "database-0", "database-01", "database-012", "database-0123",
                          "database-01234", "database-0123", "database-012", "database-01",
                          "database-0", "database-", "database", "databas", "databa", "datab",
                          "data", "dat", "da", "d", "", "p", "po", "pos", "post", "postg",
                          "postgr", "postgre", "postgres", "postgre", "postgr", "postg", "post",
                          "pos", "po", "p", "" };
  double ms[G_N_ELEMENTS (typed)], work[G_N_ELEMENTS (typed)];
  GtkWidget *window, *page;
  GtkEditable *entry;
  GListModel *shown;
  RdsSlotModel *slots;
  double follow_worst = 0;
  guint follow_frames = 0;
  GdkFrameClock *clock;
  gint64 start;
  guint wake;

  fill (client, search_instances);

  session = rds_session_new (rds_simulator_get_url (simulator), ACCESS_KEY, SECRET_KEY, TRUE);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  page = g_object_new (RDS_TYPE_DATABASES_PAGE, NULL);
  gtk_window_set_child (GTK_WINDOW (window), page);
  rds_page_set_session (RDS_PAGE (page), session);
  gtk_window_present (GTK_WINDOW (window));

  start = g_get_monotonic_time ();
  rds_session_refresh (session);
  wake = g_timeout_add (10, wake_cb, NULL);
  while (!rds_resource_list_get_loaded (rds_session_get_instances (session)) ||
         !gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  g_print ("Search, %d instances: the list loaded in %.0f ms (%u pages of 100)\n", search_instances,
           (g_get_monotonic_time () - start) / 1000.0, (search_instances + 99) / 100);

  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), NULL);
  g_signal_connect (clock, "layout", G_CALLBACK (laid_out_cb), NULL);
  entry = rds_databases_page_get_search (RDS_DATABASES_PAGE (page));
  shown = G_LIST_MODEL (rds_databases_page_get_selection (RDS_DATABASES_PAGE (page)));
  slots = RDS_SLOT_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (shown)));

  perf_control ("enable");
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      guint before;
      gint64 set;

      /* Settle as between a typist's keystrokes (frames done, the clock
       * idle for 100 ms), then one keystroke and the frame that shows it. */
      for (guint settle = frames + 2; frames < settle; )
        g_main_context_iteration (NULL, TRUE);
      for (gint64 idle = g_get_monotonic_time () + 100000; g_get_monotonic_time () < idle; )
        g_main_context_iteration (NULL, TRUE);
      before = frames;
      start = g_get_monotonic_time ();
      type_keystroke (entry, typed[i]);
      set = g_get_monotonic_time ();
      while (frames == before)
        g_main_context_iteration (NULL, TRUE);
      ms[i] = (frame_painted - start) / 1000.0;
      /* Without the wait for the display's next frame. */
      work[i] = ((set - start) + (frame_painted - MAX (frame_started, set))) / 1000.0;
      /* Rows below the view that did not fit in that frame come in the
       * next ones: their work counts too. */
      while (rds_slot_model_get_pending (slots) > 0)
        {
          before = frames;
          while (frames == before)
            g_main_context_iteration (NULL, TRUE);
          follow_worst = MAX (follow_worst, (frame_painted - frame_started) / 1000.0);
          follow_frames++;
        }
      if (g_getenv ("BENCH_VERBOSE"))
        {
          const char *range = rds_databases_page_get_range (RDS_DATABASES_PAGE (page));

          g_print ("  “%s”: %u rows (%s), %.2f ms to the frame, %.2f ms of work (%.2f ms filtering, "
                   "%.2f ms layout, %.2f ms paint)\n",
                   typed[i], rds_slot_model_get_occupied (slots), range != NULL ? range : "one page",
                   ms[i], work[i], (set - start) / 1000.0,
                   (frame_laid_out - MAX (frame_started, set)) / 1000.0,
                   (frame_painted - frame_laid_out) / 1000.0);
          /* Monotonic times, to match with `perf record -k CLOCK_MONOTONIC`. */
          if (g_getenv ("BENCH_PERF_CTL"))
            g_print ("    at %" G_GINT64_FORMAT " set %" G_GINT64_FORMAT " frame %" G_GINT64_FORMAT
                     "–%" G_GINT64_FORMAT "\n", start, set, frame_started, frame_painted);
        }
    }
  perf_control ("disable");
  g_source_remove (wake);

  {
    double worst = 0, worst_work = 0;
    guint n = G_N_ELEMENTS (typed), over = 0;

    for (guint i = 0; i < n; i++)
      {
        worst = MAX (worst, ms[i]);
        worst_work = MAX (worst_work, work[i]);
        over += work[i] >= 16.0;
      }
    g_print ("  keystroke to the frame that shows it: median %.2f ms, worst %.2f ms (%u keystrokes; "
             "the display paints at 60 Hz)\n", median (ms, n), worst, n);
    g_print ("  the console's work in it (filtering, layout, paint): median %.2f ms, worst %.2f ms, "
             "%u of %u at 16 ms or more (target < 16 ms)\n", median (work, n), worst_work, over, n);
    if (follow_frames > 0)
      g_print ("  rows below the view, in the %u frames after: work worst %.2f ms\n",
               follow_frames, follow_worst);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  rds_simulator_stop (simulator);
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "console", 0, 0, G_OPTION_ARG_FILENAME, &console_path, "rds-console to start", "PATH" },
    { "empty-window", 0, 0, G_OPTION_ARG_FILENAME, &empty_path, "the empty window to start", "PATH" },
    { "instances", 0, 0, G_OPTION_ARG_INT, &search_instances, "instances for the search", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  gtk_init ();
  adw_init ();

  if (console_path != NULL && empty_path != NULL)
    bench_startup ();
  bench_search ();

  return 0;
}
