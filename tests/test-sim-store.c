/* test-sim-store.c: the state on disk: durable, reloadable, never silently lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "rds-db-instance.h"
#include "rds-sim-store.h"
#include "sim-state-text.h"

#define REGION "us-east-1"
#define START_TIME G_GINT64_CONSTANT (1767571200000000)

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rds-store-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

static RdsSimEngine *
new_engine (guint64 seed)
{
  g_autoptr(RdsSimClock) clock = rds_sim_clock_new (START_TIME, 1.0, TRUE);

  return rds_sim_engine_new (seed, clock);
}

static void
create (RdsSimEngine *engine,
        const char   *id)
{
  g_autoptr(RdsRequest) request = rds_request_new ("CreateDBInstance");
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsQueryResult) result = NULL;

  rds_request_set (request, "DBInstanceIdentifier", id);
  rds_request_set (request, "DBInstanceClass", "db.t3.micro");
  rds_request_set (request, "Engine", "postgres");
  rds_request_set (request, "MasterUsername", "postgres");
  rds_request_set (request, "MasterUserPassword", "never-on-disk-123");
  rds_request_set (request, "AllocatedStorage", "20");
  result = rds_sim_engine_call (engine, REGION, request, &error);
  g_assert_no_error (error);
}

static gboolean
exists (RdsSimEngine *engine,
        const char   *id)
{
  g_autoptr(RdsRequest) request = rds_request_new ("DescribeDBInstances");
  g_autoptr(RdsQueryResult) result = NULL;

  rds_request_set (request, "DBInstanceIdentifier", id);
  result = rds_sim_engine_call (engine, REGION, request, NULL);
  return result != NULL;
}

/* Creates and journals one instance, as the server does. */
static void
create_durably (RdsSimStore  *store,
                RdsSimEngine *engine,
                const char   *id)
{
  g_autoptr(JsonNode) changes = NULL;
  g_autoptr(GError) error = NULL;

  create (engine, id);
  changes = rds_sim_engine_take_changes (engine);
  g_assert_nonnull (changes);
  g_assert_true (rds_sim_store_append_sync (store, changes, &error));
  g_assert_no_error (error);
}

static char *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, NULL);
  return contents;
}

static guint
count_files_with_prefix (const char *dir,
                         const char *prefix)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (handle)) != NULL)
    n += g_str_has_prefix (name, prefix);

  return n;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *state = NULL;

  {
    g_autoptr(RdsSimEngine) engine = new_engine (1);
    g_autoptr(RdsSimStore) store = rds_sim_store_open (f->dir, &error);

    g_assert_no_error (error);
    g_assert_true (rds_sim_store_load (store, engine, &warning, &error));
    g_assert_no_error (error);
    g_assert_null (warning);

    create_durably (store, engine, "one");
    create_durably (store, engine, "two");
    rds_sim_engine_advance (engine, 3600);

    /* Acknowledged changes are in the journal, and no secret is. */
    journal = read_file (f->dir, RDS_SIM_STORE_JOURNAL_FILE);
    g_assert_nonnull (strstr (journal, "\"DBInstanceIdentifier\":\"one\""));
    g_assert_null (strstr (journal, "never-on-disk-123"));
  }

  /* A new process: the checkpoint plus the journal. */
  {
    g_autoptr(RdsSimEngine) engine = new_engine (1);
    g_autoptr(RdsSimStore) store = rds_sim_store_open (f->dir, &error);

    g_assert_true (rds_sim_store_load (store, engine, &warning, &error));
    g_assert_no_error (error);
    g_assert_null (warning);
    g_assert_true (exists (engine, "one"));
    g_assert_true (exists (engine, "two"));

    /* Loading wrote a checkpoint and emptied the journal. */
    g_free (journal);
    journal = read_file (f->dir, RDS_SIM_STORE_JOURNAL_FILE);
    g_assert_cmpstr (journal, ==, "");
    state = read_file (f->dir, RDS_SIM_STORE_STATE_FILE);
    g_assert_true (g_str_has_prefix (state, "{\"format\":\"rds-simulator-state\""));
    g_assert_null (strstr (state, "never-on-disk-123"));
  }
}

/* A stored state keeps its own time, even when the clock it is loaded
 * into starts later (as a console's starts at the wall clock). */
static void
test_clock_is_restored (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RdsSimEngine) engine = new_engine (1);
    g_autoptr(RdsSimStore) store = rds_sim_store_open (f->dir, &error);

    g_assert_true (rds_sim_store_load (store, engine, NULL, &error));
    create_durably (store, engine, "one");
  }

  {
    g_autoptr(RdsSimClock) clock = rds_sim_clock_new (START_TIME + (gint64) 86400 * 365 * G_USEC_PER_SEC,
                                                      1.0, TRUE);
    g_autoptr(RdsSimEngine) engine = rds_sim_engine_new (1, clock);
    g_autoptr(RdsSimStore) store = rds_sim_store_open (f->dir, &error);

    g_assert_true (rds_sim_store_load (store, engine, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (rds_sim_engine_get_now (engine), ==, START_TIME);
    g_assert_true (exists (engine, "one"));
  }
}

static void
test_lock (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsSimStore) first = rds_sim_store_open (f->dir, &error);
  g_autoptr(RdsSimStore) second = NULL;

  g_assert_no_error (error);
  second = rds_sim_store_open (f->dir, &error);
  g_assert_null (second);
  g_assert_error (error, RDS_SIM_STORE_ERROR, RDS_SIM_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "in use by another simulator"));
  g_clear_error (&error);

  rds_sim_store_close (first);
  second = rds_sim_store_open (f->dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
}

static void
append_torn_line (const char *dir,
                  const char *text)
{
  g_autofree char *path = g_build_filename (dir, RDS_SIM_STORE_JOURNAL_FILE, NULL);
  FILE *file = fopen (path, "a");

  g_assert_nonnull (file);
  fputs (text, file);
  fclose (file);
}

static void
test_torn_tail_is_reported (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;

  {
    g_autoptr(RdsSimEngine) engine = new_engine (1);
    g_autoptr(RdsSimStore) store = rds_sim_store_open (f->dir, &error);

    g_assert_true (rds_sim_store_load (store, engine, NULL, &error));
    create_durably (store, engine, "kept");
  }

  /* A crash in the middle of a write leaves half a line: never
   * acknowledged, but damage can look the same, so it is said. */
  append_torn_line (f->dir, "{\"seq\":2,\"changes\":{\"put\":[{\"type\":\"db-inst");

  {
    g_autoptr(RdsSimEngine) engine = new_engine (1);
    g_autoptr(RdsSimStore) store = rds_sim_store_open (f->dir, &error);

    g_assert_true (rds_sim_store_load (store, engine, &warning, &error));
    g_assert_no_error (error);
    g_assert_nonnull (warning);
    g_assert_nonnull (strstr (warning, "cut short"));
    g_assert_cmpuint (count_files_with_prefix (f->dir, "journal.jsonl.corrupt"), ==, 1);
    g_assert_true (exists (engine, "kept"));
    create_durably (store, engine, "after");
  }

  g_clear_pointer (&warning, g_free);
  {
    g_autoptr(RdsSimEngine) engine = new_engine (1);
    g_autoptr(RdsSimStore) store = rds_sim_store_open (f->dir, &error);

    g_assert_true (rds_sim_store_load (store, engine, &warning, &error));
    g_assert_null (warning);
    g_assert_true (exists (engine, "kept"));
    g_assert_true (exists (engine, "after"));
  }
}

static void
test_corrupt_journal_is_kept (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *path = g_build_filename (f->dir, RDS_SIM_STORE_JOURNAL_FILE, NULL);
  g_autofree char *journal = NULL;
  char *second_line;

  {
    g_autoptr(RdsSimEngine) engine = new_engine (1);
    g_autoptr(RdsSimStore) store = rds_sim_store_open (f->dir, &error);

    g_assert_true (rds_sim_store_load (store, engine, NULL, &error));
    create_durably (store, engine, "first");
    create_durably (store, engine, "second");
    create_durably (store, engine, "third");
  }

  /* Damage the middle line. */
  g_file_get_contents (path, &journal, NULL, NULL);
  second_line = strchr (journal, '\n') + 1;
  second_line[5] = '#';
  g_file_set_contents (path, journal, -1, NULL);

  {
    g_autoptr(RdsSimEngine) engine = new_engine (1);
    g_autoptr(RdsSimStore) store = rds_sim_store_open (f->dir, &error);

    g_assert_true (rds_sim_store_load (store, engine, &warning, &error));
    g_assert_no_error (error);
    g_assert_nonnull (warning);
    g_assert_nonnull (strstr (warning, "corrupt at line 2"));
    g_assert_true (exists (engine, "first"));
    g_assert_false (exists (engine, "second"));
    g_assert_cmpuint (count_files_with_prefix (f->dir, "journal.jsonl.corrupt"), ==, 1);
  }
}

static void
test_corrupt_state_is_kept_aside (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *path = g_build_filename (f->dir, RDS_SIM_STORE_STATE_FILE, NULL);
  g_autofree char *journal_path = g_build_filename (f->dir, RDS_SIM_STORE_JOURNAL_FILE, NULL);

  g_file_set_contents (path, "{\"format\":\"rds-simulator-state\",\"ver", -1, NULL);
  g_file_set_contents (journal_path, "{\"seq\":1}\n", -1, NULL);

  {
    g_autoptr(RdsSimEngine) engine = new_engine (1);
    g_autoptr(RdsSimStore) store = rds_sim_store_open (f->dir, &error);
    g_autofree char *aside = NULL;

    g_assert_true (rds_sim_store_load (store, engine, &warning, &error));
    g_assert_no_error (error);
    g_assert_nonnull (warning);
    g_assert_nonnull (strstr (warning, "could not be read"));
    g_assert_nonnull (strstr (warning, "starts empty"));

    /* Kept, not overwritten, and a fresh state now works: what is
     * acknowledged after goes to the journal, not to its copy. */
    g_assert_cmpuint (count_files_with_prefix (f->dir, "state.json.corrupt-"), ==, 1);
    g_assert_cmpuint (count_files_with_prefix (f->dir, "journal.jsonl.corrupt-"), ==, 1);
    create_durably (store, engine, "fresh");
  }

  {
    g_autoptr(RdsSimEngine) engine = new_engine (1);
    g_autoptr(RdsSimStore) store = rds_sim_store_open (f->dir, &error);

    g_clear_pointer (&warning, g_free);
    g_assert_true (rds_sim_store_load (store, engine, &warning, &error));
    g_assert_null (warning);
    g_assert_true (exists (engine, "fresh"));
  }
}

typedef struct
{
  guint pending;
  guint failed;
} AppendState;

static void
append_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AppendState *state = user_data;
  g_autoptr(GError) error = NULL;

  if (!rds_sim_store_append_finish (RDS_SIM_STORE (object), result, &error))
    state->failed++;
  state->pending--;
}

static void
test_async_group_commit (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AppendState state = { 0, 0 };
  g_autofree char *journal = NULL;
  guint lines = 0;

  {
    g_autoptr(RdsSimEngine) engine = new_engine (3);
    g_autoptr(RdsSimStore) store = rds_sim_store_open (f->dir, &error);

    g_assert_true (rds_sim_store_load (store, engine, NULL, &error));

    for (guint i = 0; i < 30; i++)
      {
        g_autofree char *id = g_strdup_printf ("db%u", i);
        g_autoptr(JsonNode) changes = NULL;

        create (engine, id);
        changes = rds_sim_engine_take_changes (engine);
        state.pending++;
        rds_sim_store_append_async (store, changes, NULL, append_cb, &state);
      }
    while (state.pending > 0)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (state.failed, ==, 0);

    journal = read_file (f->dir, RDS_SIM_STORE_JOURNAL_FILE);
    for (const char *p = journal; *p != '\0'; p++)
      lines += *p == '\n';
    g_assert_cmpuint (lines, ==, 30);
  }

  {
    g_autoptr(RdsSimEngine) engine = new_engine (3);
    g_autoptr(RdsSimStore) store = rds_sim_store_open (f->dir, &error);

    g_assert_true (rds_sim_store_load (store, engine, NULL, &error));
    for (guint i = 0; i < 30; i++)
      {
        g_autofree char *id = g_strdup_printf ("db%u", i);
        g_assert_true (exists (engine, id));
      }
  }
}

static void
test_closed (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsSimEngine) engine = new_engine (1);
  g_autoptr(RdsSimStore) store = rds_sim_store_open (f->dir, &error);
  g_autoptr(JsonNode) changes = NULL;

  g_assert_true (rds_sim_store_load (store, engine, NULL, &error));
  create (engine, "x");
  changes = rds_sim_engine_take_changes (engine);
  rds_sim_store_close (store);
  g_assert_false (rds_sim_store_append_sync (store, changes, &error));
  g_assert_error (error, RDS_SIM_STORE_ERROR, RDS_SIM_STORE_ERROR_CLOSED);
}

/* Three instances, checkpointed, then two more in the journal. */
static void
make_state (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsSimEngine) engine = new_engine (1);
  g_autoptr(RdsSimStore) store = rds_sim_store_open (f->dir, &error);

  g_assert_true (rds_sim_store_load (store, engine, NULL, &error));
  create_durably (store, engine, "one");
  create_durably (store, engine, "two");
  create_durably (store, engine, "three");
  g_assert_true (rds_sim_store_checkpoint (store, engine, &error));
  create_durably (store, engine, "four");
  create_durably (store, engine, "five");
}

/* Loads the directory: returns the engine, and the warning in @warning. */
static RdsSimEngine *
load_damaged (Fixture  *f,
              char    **warning)
{
  g_autoptr(GError) error = NULL;
  RdsSimEngine *engine = new_engine (1);
  g_autoptr(RdsSimStore) store = rds_sim_store_open (f->dir, &error);

  g_assert_true (rds_sim_store_load (store, engine, warning, &error));
  g_assert_no_error (error);
  return engine;
}

/* Flips one byte of @name: the @line-th line (from 1; 0 for the last),
 * @offset bytes in. */
static void
flip_byte (Fixture    *f,
           const char *name,
           guint       line,
           gsize       offset)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length;
  guint n;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  lines = g_strsplit (contents, "\n", -1);
  n = g_strv_length (lines) - 1;   /* the file ends in a newline */
  if (line == 0)
    line = n;
  g_assert_cmpuint (line, <=, n);
  g_assert_cmpuint (offset, <, strlen (lines[line - 1]));
  lines[line - 1][offset] ^= 0x04;
  g_free (contents);
  contents = g_strjoinv ("\n", lines);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static void
test_empty_state_is_reported (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, RDS_SIM_STORE_STATE_FILE, NULL);
  g_autofree char *warning = NULL;
  g_autoptr(RdsSimEngine) engine = NULL;

  make_state (f);
  g_assert_true (g_file_set_contents (path, "", 0, NULL));

  engine = load_damaged (f, &warning);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "the file is empty"));
  g_assert_cmpuint (count_files_with_prefix (f->dir, "state.json.corrupt-"), ==, 1);
  g_assert_cmpuint (count_files_with_prefix (f->dir, "journal.jsonl.corrupt-"), ==, 1);
}

static void
test_damaged_record_costs_only_itself (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *warning = NULL;
  g_autoptr(RdsSimEngine) engine = NULL;
  guint present = 0;

  make_state (f);
  /* Line 3 is the second of the checkpoint's instances; a flip inside a
   * string is still valid JSON, which only the checksum finds. */
  flip_byte (f, RDS_SIM_STORE_STATE_FILE, 3, 40);

  engine = load_damaged (f, &warning);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "line 3"));
  g_assert_nonnull (strstr (warning, "checksum"));
  g_assert_cmpuint (count_files_with_prefix (f->dir, "state.json.corrupt-records"), ==, 1);
  for (guint i = 0; i < 3; i++)
    present += exists (engine, (const char *[]) { "one", "two", "three" }[i]);
  g_assert_cmpuint (present, ==, 2);
  /* The journal still applies on top. */
  g_assert_true (exists (engine, "four"));
  g_assert_true (exists (engine, "five"));
}

static void
test_cut_state_is_reported (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, RDS_SIM_STORE_STATE_FILE, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *warning = NULL;
  g_autoptr(RdsSimEngine) engine = NULL;
  char *last;

  make_state (f);
  /* Whole lines lost from the end, as a bad copy would. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  contents[strlen (contents) - 1] = '\0';
  last = strrchr (contents, '\n');
  last[1] = '\0';
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));

  engine = load_damaged (f, &warning);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "cut short"));
  g_assert_cmpuint (count_files_with_prefix (f->dir, "state.json.corrupt-cut"), ==, 1);
  /* What came before the cut loaded, and the journal on top. */
  g_assert_true (exists (engine, "one"));
  g_assert_true (exists (engine, "four"));
}

static void
test_damaged_last_journal_line_is_reported (Fixture       *f,
                                            gconstpointer  data)
{
  g_autofree char *warning = NULL;
  g_autoptr(RdsSimEngine) engine = NULL;

  make_state (f);
  /* A whole last line, newline and all, that no longer matches: it was
   * acknowledged, so its loss is said, not taken for a torn write. */
  flip_byte (f, RDS_SIM_STORE_JOURNAL_FILE, 0, 60);

  engine = load_damaged (f, &warning);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "corrupt at line 2"));
  g_assert_true (exists (engine, "four"));
  g_assert_cmpuint (count_files_with_prefix (f->dir, "journal.jsonl.corrupt"), ==, 1);
}

static void
test_state_without_checksums_loads (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *state_path = g_build_filename (f->dir, RDS_SIM_STORE_STATE_FILE, NULL);
  g_autofree char *journal_path = g_build_filename (f->dir, RDS_SIM_STORE_JOURNAL_FILE, NULL);
  g_autoptr(GRegex) checksum = g_regex_new ("\t[0-9a-f]{8}$", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GRegex) trailer = g_regex_new ("^\\{\"end\":[0-9]+\\}\n", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *warning = NULL;
  g_autoptr(RdsSimEngine) engine = NULL;
  const char *paths[] = { state_path, journal_path };

  /* What an earlier version wrote: the same lines, no checksums. */
  make_state (f);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *contents = NULL;
      g_autofree char *unsummed = NULL;
      g_autofree char *plain = NULL;

      g_assert_true (g_file_get_contents (paths[i], &contents, NULL, NULL));
      unsummed = g_regex_replace_literal (checksum, contents, -1, 0, "", 0, NULL);
      plain = g_regex_replace_literal (trailer, unsummed, -1, 0, "", 0, NULL);
      g_assert_true (strstr (plain, "\t") == NULL);
      g_assert_true (g_file_set_contents (paths[i], plain, -1, NULL));
    }

  engine = load_damaged (f, &warning);
  if (warning != NULL)
    g_test_message ("%s", warning);
  g_assert_null (warning);
  g_assert_true (exists (engine, "one"));
  g_assert_true (exists (engine, "five"));
}

/* A write the disk refuses (a file size limit fails it with EFBIG, as a
 * full disk does with ENOSPC): the change is never checkpointed, the
 * store goes back to what is durable, and writes resume once there is
 * room. */
static void
test_failed_write_is_rolled_back (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *journal_path = g_build_filename (f->dir, RDS_SIM_STORE_JOURNAL_FILE, NULL);
  g_autoptr(GError) error = NULL;
  struct rlimit saved, limited;
  GStatBuf info;

  getrlimit (RLIMIT_FSIZE, &saved);
  signal (SIGXFSZ, SIG_IGN);

  {
    g_autoptr(RdsSimEngine) engine = new_engine (1);
    g_autoptr(RdsSimStore) store = rds_sim_store_open (f->dir, &error);
    g_autoptr(JsonNode) changes = NULL;

    g_assert_true (rds_sim_store_load (store, engine, NULL, &error));
    create_durably (store, engine, "kept");

    g_assert_cmpint (g_stat (journal_path, &info), ==, 0);
    limited = saved;
    limited.rlim_cur = info.st_size + 16;
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);

    create (engine, "lost");
    changes = rds_sim_engine_take_changes (engine);
    g_assert_false (rds_sim_store_append_sync (store, changes, &error));
    g_assert_error (error, RDS_SIM_STORE_ERROR, RDS_SIM_STORE_ERROR_IO);
    g_clear_error (&error);

    /* Room again, but the engine still holds the unsaved change: no
     * checkpoint may take it. */
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
    g_assert_false (rds_sim_store_checkpoint (store, engine, &error));
    g_assert_error (error, RDS_SIM_STORE_ERROR, RDS_SIM_STORE_ERROR_IO);
    g_clear_error (&error);

    g_assert_true (rds_sim_store_restore (store, engine, &error));
    g_assert_no_error (error);
    g_assert_true (exists (engine, "kept"));
    g_assert_false (exists (engine, "lost"));

    create_durably (store, engine, "after");
    g_assert_true (rds_sim_store_checkpoint (store, engine, &error));
  }

  {
    g_autofree char *warning = NULL;
    g_autoptr(RdsSimEngine) engine = load_damaged (f, &warning);

    g_assert_null (warning);
    g_assert_true (exists (engine, "kept"));
    g_assert_true (exists (engine, "after"));
    g_assert_false (exists (engine, "lost"));
  }

  signal (SIGXFSZ, SIG_DFL);
}

/* The whole state as text; the engine must have no changes left to take. */
static char *
dump (RdsSimEngine *engine)
{
  g_assert_false (rds_sim_engine_is_dirty (engine));
  return sim_state_dump (engine);
}

static void
call_durably (RdsSimStore  *store,
              RdsSimEngine *engine,
              const char   *action,
              const char   *id)
{
  g_autoptr(RdsRequest) request = rds_request_new (action);
  g_autoptr(RdsQueryResult) result = NULL;
  g_autoptr(JsonNode) changes = NULL;
  g_autoptr(GError) error = NULL;

  rds_request_set (request, "DBInstanceIdentifier", id);
  if (g_str_equal (action, "DeleteDBInstance"))
    rds_request_set (request, "SkipFinalSnapshot", "true");
  result = rds_sim_engine_call (engine, REGION, request, &error);
  g_assert_no_error (error);
  changes = rds_sim_engine_take_changes (engine);
  g_assert_true (rds_sim_store_append_sync (store, changes, &error));
  g_assert_no_error (error);
}

static void
advance_durably (RdsSimStore  *store,
                 RdsSimEngine *engine,
                 gint64        seconds)
{
  g_autoptr(JsonNode) changes = NULL;
  g_autoptr(GError) error = NULL;

  rds_sim_engine_advance (engine, seconds);
  changes = rds_sim_engine_take_changes (engine);
  if (changes != NULL)
    g_assert_true (rds_sim_store_append_sync (store, changes, &error));
  g_assert_no_error (error);
}

static void
checkpoint_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GError **error = user_data;

  if (!rds_sim_store_checkpoint_finish (RDS_SIM_STORE (object), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");  /* a marker: it ended */
}

static void
copy_state (const char *from,
            const char *to)
{
  const char *names[] = { RDS_SIM_STORE_STATE_FILE, RDS_SIM_STORE_JOURNAL_FILE };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *contents = read_file (from, names[i]);
      g_autofree char *path = g_build_filename (to, names[i], NULL);

      g_assert_true (g_file_set_contents (path, contents, -1, NULL));
    }
}

/* A checkpoint written beside the requests: the changes made meanwhile
 * are neither lost nor doubled, the journal loses only what the checkpoint
 * holds, and a crash half way loads what was acknowledged. */
static void
test_background_checkpoint (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) outcome = NULL;
  g_autofree char *crash_dir = g_dir_make_tmp ("rds-store-crash-XXXXXX", NULL);
  g_autofree char *at_crash = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *journal = NULL;
  guint during = 0;

  {
    g_autoptr(RdsSimEngine) engine = new_engine (1);
    g_autoptr(RdsSimStore) store = rds_sim_store_open (f->dir, &error);

    g_assert_true (rds_sim_store_load (store, engine, NULL, &error));
    g_assert_no_error (error);
    rds_sim_engine_set_quota (engine, RDS_SIM_QUOTA_INSTANCES, 100000);
    rds_sim_engine_set_quota (engine, RDS_SIM_QUOTA_STORAGE_GIB, 10000000);
    rds_sim_engine_settings_changed (engine);
    for (guint i = 0; i < 150; i++)
      {
        g_autofree char *id = g_strdup_printf ("base-%03u", i);

        create_durably (store, engine, id);
      }
    advance_durably (store, engine, 3600);

    /* Changes not journaled yet when the checkpoint starts (as after a
     * refused request that caught up on timers) are journaled first. */
    create (engine, "unjournaled");
    rds_sim_engine_advance (engine, 1800);
    g_assert_true (rds_sim_engine_is_dirty (engine));
    rds_sim_store_checkpoint_async (store, engine, NULL, checkpoint_done_cb, &outcome);
    g_assert_false (rds_sim_engine_is_dirty (engine));

    /* Before any slice ran: a crash now keeps the old files. */
    create_durably (store, engine, "early");
    copy_state (f->dir, crash_dir);
    at_crash = dump (engine);

    while (outcome == NULL)
      {
        g_autofree char *id = g_strdup_printf ("during-%03u", during);

        g_main_context_iteration (NULL, FALSE);
        /* Every kind of change meanwhile: creates (with their events),
         * deletes, and timers firing. */
        create_durably (store, engine, id);
        if (during < 100)
          {
            g_autofree char *gone = g_strdup_printf ("base-%03u", 149 - during);

            call_durably (store, engine, "DeleteDBInstance", gone);
          }
        advance_durably (store, engine, 60);
        during++;
        g_assert_cmpuint (during, <, 100000);
      }
    g_assert_error (outcome, G_IO_ERROR, G_IO_ERROR_EXISTS);
    g_assert_cmpuint (during, >, 1);
    g_test_message ("%u rounds of changes while the checkpoint was written", during);

    create_durably (store, engine, "after");
    advance_durably (store, engine, 3600);
    expected = dump (engine);

    /* The journal starts after what the checkpoint holds. */
    journal = read_file (f->dir, RDS_SIM_STORE_JOURNAL_FILE);
    g_assert_null (strstr (journal, "\"DBInstanceIdentifier\":\"base-000\""));
    g_assert_nonnull (strstr (journal, "\"DBInstanceIdentifier\":\"after\""));
    g_assert_cmpuint (count_files_with_prefix (f->dir, RDS_SIM_STORE_STATE_FILE ".tmp"), ==, 0);
  }

  {
    g_autoptr(RdsSimEngine) engine = new_engine (1);
    g_autoptr(RdsSimStore) store = rds_sim_store_open (f->dir, &error);
    g_autofree char *warning = NULL;
    g_autofree char *loaded = NULL;

    g_assert_true (rds_sim_store_load (store, engine, &warning, &error));
    g_assert_no_error (error);
    g_assert_null (warning);
    loaded = dump (engine);
    g_assert_cmpstr (loaded, ==, expected);
  }

  {
    g_autoptr(RdsSimEngine) engine = new_engine (1);
    g_autoptr(RdsSimStore) store = rds_sim_store_open (crash_dir, &error);
    g_autofree char *warning = NULL;
    g_autofree char *loaded = NULL;

    g_assert_true (rds_sim_store_load (store, engine, &warning, &error));
    g_assert_no_error (error);
    g_assert_null (warning);
    loaded = dump (engine);
    g_assert_cmpstr (loaded, ==, at_crash);
  }

  remove_tree (crash_dir);
}

/* A checkpoint in the background stops for a checkpoint written at once,
 * and leaves nothing behind. */
static void
test_background_checkpoint_cancelled (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) outcome = NULL;
  g_autoptr(RdsSimEngine) engine = new_engine (1);
  g_autoptr(RdsSimStore) store = rds_sim_store_open (f->dir, &error);

  g_assert_true (rds_sim_store_load (store, engine, NULL, &error));
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *id = g_strdup_printf ("base-%03u", i);

      create_durably (store, engine, id);
    }

  rds_sim_store_checkpoint_async (store, engine, NULL, checkpoint_done_cb, &outcome);
  g_main_context_iteration (NULL, FALSE);
  g_assert_true (rds_sim_store_checkpoint (store, engine, &error));
  g_assert_no_error (error);

  while (outcome == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (outcome, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_files_with_prefix (f->dir, RDS_SIM_STORE_STATE_FILE ".tmp"), ==, 0);
  g_assert_false (rds_sim_store_needs_checkpoint (store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/rds/store/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("round-trip", test_round_trip);
  ADD ("lock", test_lock);
  ADD ("torn-tail-is-reported", test_torn_tail_is_reported);
  ADD ("clock-is-restored", test_clock_is_restored);
  ADD ("corrupt-journal-is-kept", test_corrupt_journal_is_kept);
  ADD ("corrupt-state-is-kept-aside", test_corrupt_state_is_kept_aside);
  ADD ("async-group-commit", test_async_group_commit);
  ADD ("closed", test_closed);
  ADD ("empty-state-is-reported", test_empty_state_is_reported);
  ADD ("damaged-record-costs-only-itself", test_damaged_record_costs_only_itself);
  ADD ("cut-state-is-reported", test_cut_state_is_reported);
  ADD ("damaged-last-journal-line-is-reported", test_damaged_last_journal_line_is_reported);
  ADD ("state-without-checksums-loads", test_state_without_checksums_loads);
  ADD ("failed-write-is-rolled-back", test_failed_write_is_rolled_back);
  ADD ("background-checkpoint", test_background_checkpoint);
  ADD ("background-checkpoint-cancelled", test_background_checkpoint_cancelled);
#undef ADD

  return g_test_run ();
}
