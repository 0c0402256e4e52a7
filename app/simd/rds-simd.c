/* rds-simd.c: the simulated RDS, served headless
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Serves the same simulator the console embeds, for the AWS CLI, boto3,
 * Terraform, CI and teaching labs.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>

#include "rds-server.h"
#include "rds-shape.h"
#include "rds-sim-engine.h"
#include "rds-sim-store.h"

#define DEFAULT_LISTEN "127.0.0.1:9400"

static char *listen_address = NULL;
static char *state_dir = NULL;
static double rate = 0.0;
static gboolean paused = FALSE;
static char *seed_text = NULL;
static char *start_time_text = NULL;
static char *access_key_id = NULL;
static char *secret_access_key = NULL;
static gboolean show_version = FALSE;

static const GOptionEntry entries[] = {
  { "listen", 'l', 0, G_OPTION_ARG_STRING, &listen_address,
    N_("Address and port to serve on; port 0 picks a free one (default 127.0.0.1:9400)"),
    N_("HOST:PORT") },
  { "state-dir", 'd', 0, G_OPTION_ARG_FILENAME, &state_dir,
    N_("Where the simulator keeps its state (default: the user's data directory)"), N_("DIR") },
  { "rate", 'r', 0, G_OPTION_ARG_DOUBLE, &rate,
    N_("How fast simulated time runs, from 1 (real time) to 3600"), N_("N") },
  { "paused", 0, 0, G_OPTION_ARG_NONE, &paused,
    N_("Start with the clock paused; it moves only when advanced"), NULL },
  { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
    N_("Seed of every random choice, for a new state (default: random)"), N_("NUMBER") },
  { "start-time", 0, 0, G_OPTION_ARG_STRING, &start_time_text,
    N_("Simulated time a new state starts at, in ISO 8601 (default: now)"), N_("TIME") },
  { "access-key-id", 0, 0, G_OPTION_ARG_STRING, &access_key_id,
    N_("Access key ID that clients sign with (or RDS_SIMD_ACCESS_KEY_ID)"), N_("ID") },
  { "secret-access-key", 0, 0, G_OPTION_ARG_STRING, &secret_access_key,
    N_("Secret access key that clients sign with (or RDS_SIMD_SECRET_ACCESS_KEY)"), N_("KEY") },
  { "version", 0, 0, G_OPTION_ARG_NONE, &show_version, N_("Print the version and exit"), NULL },
  { NULL }
};

/* Whichever way main () returns, the options' strings are freed (and the
 * secret wiped) on the way out. */
static void
free_options (void)
{
  if (secret_access_key != NULL)
    explicit_bzero (secret_access_key, strlen (secret_access_key));
  g_clear_pointer (&listen_address, g_free);
  g_clear_pointer (&state_dir, g_free);
  g_clear_pointer (&seed_text, g_free);
  g_clear_pointer (&start_time_text, g_free);
  g_clear_pointer (&access_key_id, g_free);
  g_clear_pointer (&secret_access_key, g_free);
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
parse_listen (const char  *text,
              char       **host,
              guint       *port,
              GError     **error)
{
  const char *colon = strrchr (text, ':');
  guint64 number;

  /* An IPv6 host comes in brackets: [::1]:9400. */
  if (colon == NULL || colon == text ||
      (text[0] == '[' && (colon - text < 2 || colon[-1] != ']')) ||
      !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &number, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not HOST:PORT, such as 127.0.0.1:9400 (port 0 picks a free port)"),
                   text);
      return FALSE;
    }

  if (text[0] == '[')
    *host = g_strndup (text + 1, colon - text - 2);
  else
    *host = g_strndup (text, colon - text);
  *port = (guint) number;
  return TRUE;
}

static char *
take_env (const char *name)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsSimStore) store = NULL;
  g_autoptr(RdsSimClock) clock = NULL;
  g_autoptr(RdsSimEngine) engine = NULL;
  g_autoptr(RdsServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(JsonNode) changes = NULL;
  g_autofree char *host = NULL;
  g_autofree char *url = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *seed_shown = NULL;
  gint64 start_time = g_get_real_time ();
  guint64 seed;
  guint port = 0;

  /* GLib 2.74's slice allocator keeps every chunk it ever handed out; with
   * thousands of resources plain malloc returns far more to the system. */
  g_setenv ("G_SLICE", "always-malloc", FALSE);
  /* Answers and checkpoints allocate large buffers for a moment: a fixed
   * threshold keeps them out of the heap, where they would leave holes. */
  mallopt (M_MMAP_THRESHOLD, 128 * 1024);

  /* A file size limit makes a write fail (EFBIG), as a full disk does,
   * rather than end the process: the server then rolls the change back. */
  signal (SIGXFSZ, SIG_IGN);
  atexit (free_options);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Serves a simulated Amazon RDS, and its CloudWatch metrics and alarms, on the AWS Query API."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("rds-simd: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (show_version)
    {
      g_print ("rds-simd %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (access_key_id == NULL)
    access_key_id = take_env ("RDS_SIMD_ACCESS_KEY_ID");
  if (secret_access_key == NULL)
    secret_access_key = take_env ("RDS_SIMD_SECRET_ACCESS_KEY");
  if (access_key_id == NULL || secret_access_key == NULL)
    {
      g_printerr ("rds-simd: %s\n",
                  _("Give the credentials clients sign with: --access-key-id and "
                    "--secret-access-key (or RDS_SIMD_ACCESS_KEY_ID and "
                    "RDS_SIMD_SECRET_ACCESS_KEY in the environment)."));
      return EXIT_FAILURE;
    }

  if (!parse_listen (listen_address != NULL ? listen_address : DEFAULT_LISTEN, &host, &port, &error))
    {
      g_printerr ("rds-simd: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (rate != 0.0 && (rate < 1.0 || rate > RDS_SIM_CLOCK_MAX_RATE))
    {
      g_printerr ("rds-simd: %s\n", _("--rate must be from 1 (real time) to 3600."));
      return EXIT_FAILURE;
    }
  if (start_time_text != NULL && !rds_parse_timestamp (start_time_text, &start_time))
    {
      g_printerr ("rds-simd: %s\n", _("--start-time must be an ISO 8601 time such as 2026-01-05T00:00:00Z."));
      return EXIT_FAILURE;
    }
  if (seed_text != NULL)
    {
      if (!g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &seed, NULL))
        {
          g_printerr ("rds-simd: %s\n", _("--seed must be a whole number."));
          return EXIT_FAILURE;
        }
    }
  else
    {
      seed = ((guint64) g_random_int () << 32) | g_random_int ();
    }

  if (state_dir == NULL)
    state_dir = g_build_filename (g_get_user_data_dir (), "rds-console", "simd", NULL);

  store = rds_sim_store_open (state_dir, &error);
  if (store == NULL)
    {
      g_printerr ("rds-simd: %s\n", error->message);
      return EXIT_FAILURE;
    }

  /* A stored state keeps its seed, time and rate; the command line's rate
   * and pause apply on top. */
  clock = rds_sim_clock_new (start_time, rate != 0.0 ? rate : 1.0, paused);
  /* Time passes only while the simulator serves: not while it loads. */
  rds_sim_clock_hold (clock);
  engine = rds_sim_engine_new (seed, clock);
  if (!rds_sim_store_load (store, engine, &warning, &error))
    {
      g_printerr ("rds-simd: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (warning != NULL)
    g_printerr ("rds-simd: %s\n", warning);

  if (rate != 0.0)
    rds_sim_clock_set_rate (clock, rate);
  if (paused)
    rds_sim_clock_set_paused (clock, TRUE);
  rds_sim_engine_settings_changed (engine);
  changes = rds_sim_engine_take_changes (engine);
  if (changes != NULL && !rds_sim_store_append_sync (store, changes, &error))
    {
      g_printerr ("rds-simd: %s\n", error->message);
      return EXIT_FAILURE;
    }

  server = rds_server_new (engine, store);
  rds_server_add_credentials (server, access_key_id, secret_access_key);
  if (!rds_server_listen (server, host, port, &error))
    {
      g_printerr ("rds-simd: %s\n", error->message);
      return EXIT_FAILURE;
    }

  url = rds_server_get_url (server);
  rds_sim_clock_release (clock);
  if (!rds_server_is_loopback (server))
    g_printerr ("rds-simd: %s\n",
                _("Warning: listening on an address other machines can reach. The simulator "
                  "speaks plain HTTP: anyone on the network can read its traffic, and anyone who "
                  "has the credentials can change its state. Use --listen 127.0.0.1:PORT unless "
                  "that is what you want."));
  now_text = rds_format_timestamp (rds_sim_clock_get_now (clock));
  /* The first line is for programs: they read the endpoint from it. */
  g_print ("rds-simd: listening on %s\n", url);
  seed_shown = g_strdup_printf ("%" G_GUINT64_FORMAT, rds_sim_engine_get_seed (engine));
  g_print (_("State: %s (seed %s, account %s)\n"), state_dir, seed_shown,
           rds_sim_engine_get_account_id (engine));
  g_print (_("Simulated time: %s, %s at %gx\n"), now_text,
           rds_sim_clock_get_paused (clock) ? _("paused") : _("running"),
           rds_sim_clock_get_rate (clock));
  g_print (_("Point the AWS CLI at it:\n"
             "  export AWS_ACCESS_KEY_ID=%s\n"
             "  export AWS_SECRET_ACCESS_KEY=<the secret access key given to rds-simd>\n"
             "  aws rds describe-db-instances --endpoint-url %s --region us-east-1\n"),
           access_key_id, url);
  g_print (_("Control the clock (signed like any request): POST %s/_sim/clock {\"rate\": 60} or "
             "POST %s/_sim/clock/advance {\"seconds\": 600}; GET %s/_sim/state\n"), url, url, url);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  /* Stop taking requests, let the journal settle, and leave a checkpoint
   * with the time serving stopped at. */
  rds_server_disconnect (server);
  rds_sim_clock_hold (clock);
  rds_sim_store_flush (store);
  if (!rds_sim_store_checkpoint (store, engine, &error))
    {
      g_printerr ("rds-simd: %s\n", error->message);
      return EXIT_FAILURE;
    }
  rds_sim_store_close (store);

  return EXIT_SUCCESS;
}
