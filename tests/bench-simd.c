/* bench-simd.c: figures for the simulator: Describe pages, creates per second, memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it prints what it measured.
 *
 *   bench-simd [--instances N] [--connections N] [--simd PATH]
 *
 * 1. In process: the server's work for one DescribeDBInstances page of 100
 *    (engine call + XML), over every page of N instances.
 * 2. Over HTTP against a real rds-simd (with its journal on disk):
 *    CreateDBInstance requests per second, one at a time and 32 in flight;
 *    the round trip of a DescribeDBInstances page of 100; and rds-simd's
 *    peak RSS holding N instances.
 * 3. 100,000 new connections, each with one signed DescribeDBInstances
 *    and closed by the client: rds-simd's RSS and file descriptors before
 *    and after.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rds-client.h"
#include "rds-sigv4.h"
#include "rds-sim-engine.h"
#include "rds-sim-store.h"
#include "rds-xml.h"

#define ACCESS_KEY "AKIDBENCH"
#define SECRET_KEY "bench-secret"
#define START_TIME G_GINT64_CONSTANT (1767571200000000)

static int n_instances = 10000;
static int n_connections = 100000;
static char *simd_path = NULL;

static RdsRequest *
create_request (guint i)
{
  g_autofree char *id = g_strdup_printf ("bench-%05u", i);
  RdsRequest *request = rds_request_new ("CreateDBInstance");
  const char *engines[] = { "postgres", "mysql", "mariadb" };

  rds_request_set (request, "DBInstanceIdentifier", id);
  rds_request_set (request, "DBInstanceClass", "db.t3.micro");
  rds_request_set (request, "Engine", engines[i % 3]);
  rds_request_set (request, "MasterUsername", "admin_user");
  rds_request_set (request, "MasterUserPassword", "bench-password");
  rds_request_set (request, "AllocatedStorage", "20");
  rds_request_add_tag (request, "Tags", "bench", "yes");
  return request;
}

static void
count_record_cb (JsonNode *record,
                 gpointer  user_data)
{
  g_autofree char *line = json_to_string (record, FALSE);

  *(gsize *) user_data += strlen (line) + 1;
}

typedef struct
{
  gint64 last;
  gint64 longest;
} Ticks;

static gboolean
tick_cb (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();

  ticks->longest = MAX (ticks->longest, now - ticks->last);
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

static void
checkpoint_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!rds_sim_store_checkpoint_finish (RDS_SIM_STORE (object), result, &error))
    g_error ("the checkpoint failed: %s", error->message);
  *(gboolean *) user_data = TRUE;
}

/* How long a checkpoint keeps the main loop, and how long it takes in all. */
static void
bench_checkpoint (RdsSimEngine *engine)
{
  g_autofree char *dir = g_dir_make_tmp ("rds-bench-XXXXXX", NULL);
  g_autoptr(RdsSimStore) store = rds_sim_store_open (dir, NULL);
  g_autoptr(GError) error = NULL;
  gsize size = 0;
  gint64 start = g_get_monotonic_time (), serialized, loop_time, written;

  rds_sim_engine_save_records (engine, count_record_cb, &size);
  serialized = g_get_monotonic_time () - start;

  start = g_get_monotonic_time ();
  g_assert_true (rds_sim_store_checkpoint (store, engine, &error));
  g_assert_no_error (error);
  loop_time = g_get_monotonic_time () - start;
  rds_sim_store_flush (store);
  written = g_get_monotonic_time () - start;

  g_print ("checkpoint of %d instances (%.1f MiB): records serialized in %.0f ms; at once, it holds "
           "the main loop %.0f ms and is on disk after %.0f ms\n", n_instances,
           size / 1048576.0, serialized / 1000.0, loop_time / 1000.0, written / 1000.0);

  /* In the background, as rds-simd writes them once the journal grew. */
  {
    gboolean done = FALSE;
    Ticks ticks = { g_get_monotonic_time (), 0 };
    guint tick_id;

    /* A request would wait at most as long as the longest gap between ticks. */
    tick_id = g_timeout_add (1, tick_cb, &ticks);
    start = g_get_monotonic_time ();
    rds_sim_store_checkpoint_async (store, engine, NULL, checkpoint_done_cb, &done);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (tick_id);
    g_print ("checkpoint of %d instances in the background: on disk after %.0f ms; meanwhile the "
             "main loop answered within %.1f ms\n", n_instances,
             (g_get_monotonic_time () - start) / 1000.0, ticks.longest / 1000.0);
  }

  rds_sim_store_close (store);
  {
    g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (handle)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (dir);
  }
}

static void
bench_in_process (void)
{
  g_autoptr(RdsSimClock) clock = rds_sim_clock_new (START_TIME, 1.0, TRUE);
  g_autoptr(RdsSimEngine) engine = rds_sim_engine_new (1, clock);
  g_autofree char *marker = NULL;
  gint64 total = 0, worst = 0, bytes = 0;
  guint pages = 0;

  rds_sim_engine_set_quota (engine, RDS_SIM_QUOTA_INSTANCES, n_instances);
  rds_sim_engine_set_quota (engine, RDS_SIM_QUOTA_STORAGE_GIB, (gint64) n_instances * 20);
  for (int i = 0; i < n_instances; i++)
    {
      g_autoptr(RdsRequest) request = create_request (i);
      g_autoptr(RdsQueryResult) result = rds_sim_engine_call (engine, "us-east-1", request, NULL);

      g_assert_nonnull (result);
    }
  rds_sim_engine_advance (engine, 3600);

  /* Warm up once, then walk every page. */
  for (int round = 0; round < 2; round++)
    {
      total = worst = bytes = 0;
      pages = 0;
      do
        {
          g_autoptr(RdsRequest) request = rds_request_new ("DescribeDBInstances");
          g_autoptr(RdsQueryResult) result = NULL;
          g_autoptr(GBytes) xml = NULL;
          gint64 start, spent;

          rds_request_set (request, "Marker", marker);
          start = g_get_monotonic_time ();
          result = rds_sim_engine_call (engine, "us-east-1", request, NULL);
          xml = rds_xml_write_response (result, "00000000-0000-0000-0000-000000000000");
          spent = g_get_monotonic_time () - start;

          total += spent;
          worst = MAX (worst, spent);
          bytes += g_bytes_get_size (xml);
          pages++;
          g_free (marker);
          marker = g_strdup (result->marker);
        }
      while (marker != NULL);
    }

  g_print ("in-process DescribeDBInstances, page of 100, %d instances: mean %.3f ms, worst %.3f ms "
           "(%u pages, %.0f KiB per page)\n", n_instances, total / 1000.0 / pages, worst / 1000.0,
           pages, bytes / 1024.0 / pages);

  bench_checkpoint (engine);
}

typedef struct
{
  RdsClient *client;
  guint      next;
  guint      done;
  guint      failed;
  guint      total;
} Flood;

static void flood_send (Flood *flood);

static void
flood_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Flood *flood = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsQueryResult) answer = rds_client_call_finish (RDS_CLIENT (object), result, &error);

  if (answer == NULL)
    {
      if (flood->failed++ < 3)
        g_printerr ("create failed: %s\n", error->message);
    }
  flood->done++;
  flood_send (flood);
}

static void
flood_send (Flood *flood)
{
  g_autoptr(RdsRequest) request = NULL;

  if (flood->next >= flood->total)
    return;
  request = create_request (flood->next++);
  rds_client_call_async (flood->client, request, NULL, flood_cb, flood);
}

static double
create_many (RdsClient *client,
             guint      first,
             guint      count,
             guint      in_flight)
{
  Flood flood = { client, first, 0, 0, first + count };
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < in_flight; i++)
    flood_send (&flood);
  while (flood.done < count)
    g_main_context_iteration (NULL, TRUE);

  if (flood.failed > 0)
    g_printerr ("%u creates failed\n", flood.failed);
  return count / ((g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
}

/* A figure in KiB from /proc/PID/status: "VmHWM:" (peak) or "VmRSS:". */
static gint64
status_kib (GPid        pid,
            const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL) || (line = strstr (status, field)) == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen (field), NULL, 10);
}

static gint64
peak_rss_kib (GPid pid)
{
  return status_kib (pid, "VmHWM:");
}

static gint64
rss_kib (GPid pid)
{
  return status_kib (pid, "VmRSS:");
}

static guint
count_fds (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/fd", (int) pid);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* One signed request as bytes, to send on connections of our own. */
static GBytes *
signed_request (guint port)
{
  const char *body = "Action=DescribeDBInstances&Version=2014-10-31&DBInstanceIdentifier=bench-00000";
  g_autofree char *host = g_strdup_printf ("127.0.0.1:%u", port);
  g_autofree char *amz_date = rds_sigv4_format_amz_date (g_get_real_time () / G_USEC_PER_SEC);
  g_autoptr(RdsSigv4Request) signing = rds_sigv4_request_new ("POST", "/", NULL);
  g_autofree char *authorization = NULL;
  GString *request = g_string_new ("POST / HTTP/1.1\r\n");

  rds_sigv4_request_add_header (signing, "Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
  rds_sigv4_request_add_header (signing, "Host", host);
  rds_sigv4_request_add_header (signing, "X-Amz-Date", amz_date);
  rds_sigv4_request_set_body (signing, (const guint8 *) body, strlen (body));
  authorization = rds_sigv4_authorization (signing, NULL, ACCESS_KEY, SECRET_KEY, "us-east-1", "rds");

  g_string_append_printf (request, "Host: %s\r\nX-Amz-Date: %s\r\nAuthorization: %s\r\n"
                          "Content-Type: application/x-www-form-urlencoded; charset=utf-8\r\n"
                          "Content-Length: %zu\r\n\r\n%s",
                          host, amz_date, authorization, strlen (body), body);
  return g_string_free_to_bytes (request);
}

static void
bench_connections (GPid  pid,
                   guint port,
                   guint n)
{
  g_autoptr(GBytes) request = signed_request (port);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new_from_string ("127.0.0.1", port);
  gint64 rss_before = rss_kib (pid), start = g_get_monotonic_time ();
  guint fds_before = count_fds (pid), failed = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                                G_SOCKET_PROTOCOL_TCP, NULL);
      gsize size;
      const char *data = g_bytes_get_data (request, &size);
      char reply[16384];
      gsize got = 0;
      gssize r;

      if (!g_socket_connect (socket, address, NULL, NULL) ||
          g_socket_send (socket, data, size, NULL, NULL) != (gssize) size)
        {
          failed++;
          continue;
        }
      /* Read the answer whole: its last element ends it. */
      while ((r = g_socket_receive (socket, reply + got, sizeof reply - 1 - got, NULL, NULL)) > 0)
        {
          got += r;
          reply[got] = '\0';
          if (strstr (reply, "</DescribeDBInstancesResponse>") != NULL || got == sizeof reply - 1)
            break;
        }
      if (strstr (reply, "HTTP/1.1 200") != reply)
        failed++;
      g_socket_close (socket, NULL);
    }

  g_print ("rds-simd %u new connections (%.0f/s): RSS %.1f -> %.1f MiB, file descriptors %u -> %u",
           n, n / ((g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC),
           rss_before / 1024.0, rss_kib (pid) / 1024.0, fds_before, count_fds (pid));
  if (failed > 0)
    g_print (", %u failed", failed);
  g_print ("\n");
}

static void
bench_over_http (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rds-bench-XXXXXX", NULL);
  const char *argv[] = { simd_path, "--listen", "127.0.0.1:0", "--state-dir", dir, "--paused",
                         "--seed", "1", "--access-key-id", ACCESS_KEY, "--secret-access-key",
                         SECRET_KEY, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsClient) client = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *line = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *quotas = NULL;
  g_autoptr(JsonNode) quota_body = NULL;
  g_autoptr(JsonNode) advance_body = json_from_string ("{\"seconds\": 3600}", NULL);
  g_autoptr(JsonNode) state = NULL;
  double sequential, concurrent;
  gint64 total = 0, worst = 0, idle_rss;
  guint pages = 0;
  GPid pid;
  int out_fd;
  const char *url;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                 &pid, NULL, &out_fd, NULL, &error))
    g_error ("could not start %s: %s", simd_path, error->message);

  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  if (g_io_channel_read_line (channel, &line, NULL, NULL, &error) != G_IO_STATUS_NORMAL ||
      (url = strstr (line, "http://")) == NULL)
    g_error ("rds-simd did not say where it listens");
  g_strchomp (line);

  client = rds_client_new (url, "us-east-1", ACCESS_KEY, SECRET_KEY);
  idle_rss = peak_rss_kib (pid);

  quotas = g_strdup_printf ("{\"DBInstances\": %d, \"AllocatedStorage\": %d}", n_instances,
                            n_instances * 20);
  quota_body = json_from_string (quotas, NULL);
  state = rds_client_control_sync (client, "POST", "quotas", quota_body, NULL, &error);
  g_assert_no_error (error);

  sequential = create_many (client, 0, 500, 1);
  concurrent = create_many (client, 500, n_instances - 500, 32);
  g_print ("rds-simd peak RSS after the creates: %.1f MiB\n", peak_rss_kib (pid) / 1024.0);
  g_clear_pointer (&state, json_node_unref);
  state = rds_client_control_sync (client, "POST", "clock/advance", advance_body, NULL, &error);
  g_assert_no_error (error);
  g_print ("rds-simd peak RSS after an hour of simulated time: %.1f MiB\n", peak_rss_kib (pid) / 1024.0);

  /* Two weeks of history for every instance, and a long metric answer. */
  {
    g_autoptr(JsonNode) weeks = json_from_string ("{\"seconds\": 1209600}", NULL);
    g_autoptr(JsonNode) advanced = NULL;
    g_autoptr(RdsRequest) request = rds_request_new_for_api (&rds_api_monitoring, "GetMetricData");
    g_autoptr(RdsQueryResult) result = NULL;
    const char *metrics[] = { "CPUUtilization", "DatabaseConnections", "FreeStorageSpace", "ReadIOPS",
                              "WriteIOPS" };
    gint64 start;

    advanced = rds_client_control_sync (client, "POST", "clock/advance", weeks, NULL, &error);
    g_assert_no_error (error);
    g_print ("rds-simd RSS with %d instances and 14 days of history: %.1f MiB (peak %.1f MiB)\n",
             n_instances, rss_kib (pid) / 1024.0, peak_rss_kib (pid) / 1024.0);

    for (guint m = 0; m < G_N_ELEMENTS (metrics); m++)
      {
        g_autofree char *prefix = g_strdup_printf ("MetricDataQueries.member.%u.", m + 1);
        const char *fields[][2] = {
          { "Id", NULL }, { "MetricStat.Metric.Namespace", "AWS/RDS" },
          { "MetricStat.Metric.MetricName", metrics[m] },
          { "MetricStat.Metric.Dimensions.member.1.Name", "DBInstanceIdentifier" },
          { "MetricStat.Metric.Dimensions.member.1.Value", "bench-00000" },
          { "MetricStat.Period", "60" }, { "MetricStat.Stat", "Average" },
        };
        g_autofree char *id = g_strdup_printf ("m%u", m);

        fields[0][1] = id;
        for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
          {
            g_autofree char *key = g_strconcat (prefix, fields[f][0], NULL);
            rds_request_set (request, key, fields[f][1]);
          }
      }
    {
      gint64 now = json_object_get_int_member (json_node_get_object (advanced), "timeUsec");

      now -= now % (60 * G_USEC_PER_SEC);
      rds_request_set_timestamp (request, "StartTime", now - (gint64) 14 * 86400 * G_USEC_PER_SEC);
      rds_request_set_timestamp (request, "EndTime", now);
    }
    start = g_get_monotonic_time ();
    result = rds_client_call_sync (client, request, NULL, &error);
    g_assert_no_error (error);
    {
      g_autoptr(RdsShape) first = g_list_model_get_item (G_LIST_MODEL (rds_shape_get_list (result->item,
                                                                                           "metric-data-results")), 0);
      GArray *values = rds_shape_get_array (first, "values");

      g_print ("rds-simd GetMetricData of 5 metrics x %u points over HTTP, client included: %.1f ms\n",
               values != NULL ? values->len : 0, (g_get_monotonic_time () - start) / 1000.0);
    }
  }

  do
    {
      g_autoptr(RdsRequest) request = rds_request_new ("DescribeDBInstances");
      g_autoptr(RdsQueryResult) result = NULL;
      gint64 start = g_get_monotonic_time (), spent;

      rds_request_set (request, "Marker", marker);
      result = rds_client_call_sync (client, request, NULL, &error);
      g_assert_no_error (error);
      spent = g_get_monotonic_time () - start;
      total += spent;
      worst = MAX (worst, spent);
      pages++;
      g_free (marker);
      marker = g_strdup (result->marker);
    }
  while (marker != NULL);

  g_print ("rds-simd CreateDBInstance (durable before acknowledged): %.0f requests/s one at a time, "
           "%.0f requests/s with 32 in flight\n", sequential, concurrent);
  g_print ("rds-simd DescribeDBInstances page of 100 over HTTP, client included: mean %.2f ms, "
           "worst %.2f ms (%u pages)\n", total / 1000.0 / pages, worst / 1000.0, pages);
  g_print ("rds-simd peak RSS: %.1f MiB holding %d instances (%.1f MiB at start)\n",
           peak_rss_kib (pid) / 1024.0, n_instances, idle_rss / 1024.0);

  {
    g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

    bench_connections (pid, g_uri_get_port (uri), n_connections);
  }

  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);

  {
    g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (handle)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "instances", 'n', 0, G_OPTION_ARG_INT, &n_instances, "Number of DB instances", "N" },
    { "connections", 'c', 0, G_OPTION_ARG_INT, &n_connections, "Number of new connections", "N" },
    { "simd", 0, 0, G_OPTION_ARG_FILENAME, &simd_path, "Path of rds-simd", "PATH" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  bench_in_process ();
  if (simd_path != NULL)
    bench_over_http ();

  return EXIT_SUCCESS;
}
