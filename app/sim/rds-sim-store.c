/* rds-sim-store.c: the simulator's state on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two files in the state directory:
 *
 *  - state.json: a checkpoint, one JSON document per line: a header (the
 *    seed, the clock, the generator, the journal sequence number it
 *    includes) and then one record per resource or event. It is written to
 *    a temporary file, synced and renamed over the old one, so it is always
 *    either the old or the new checkpoint, whole.
 *
 *  - journal.jsonl: what changed since, one line per acknowledged request
 *    ({"seq": n, "changes": …}). A request is acknowledged only after its
 *    line is written and fdatasync()ed; a writer thread does that for every
 *    line queued meanwhile at once (group commit), so the main loop never
 *    waits for the disk.
 *
 * A checkpoint is written in the background once the journal has grown:
 * the records are saved a slice at a time between requests, a thread
 * writes and syncs them, and the writer thread puts the file in place and
 * drops the journal lines before it (see "Checkpoints in the background").
 *
 * Loading reads the checkpoint and replays the journal. A line cut short by
 * a crash was never acknowledged and is dropped; anything else that does not
 * read is corruption: the file is kept aside, never overwritten, and the
 * caller gets a warning to show.
 */

#include "config.h"

#include "rds-sim-store.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

G_DEFINE_QUARK (rds-sim-store-error-quark, rds_sim_store_error)

#define CHECKPOINT_JOURNAL_SIZE (64 * 1024 * 1024)
#define WRITE_BUFFER_SIZE (256 * 1024)

typedef struct _Checkpoint Checkpoint;

typedef struct
{
  GBytes     *line;
  Checkpoint *mark;    /* where the journal after this checkpoint starts */
  Checkpoint *finish;  /* this checkpoint's file is written: put it in place */
  GTask      *task;    /* async appends, answered in the task's context */
  GError   *result;
  GMutex   *mutex;     /* sync appends and flushes wait on this */
  GCond    *cond;
  gboolean *done;
  GError  **error;
  gboolean  stop;
} Pending;

struct _RdsSimStore
{
  GObject      parent_instance;

  char        *directory;
  int          lock_fd;
  int          journal_fd;
  guint64      seq;            /* of the last line queued */
  guint64      checkpoint_seq; /* included in state.json */
  gint64       journal_size;   /* bytes queued since the checkpoint */
  GThread     *writer;
  GAsyncQueue *queue;
  gint         write_failed;
  goffset      durable_size;   /* of the journal, up to its last fdatasync () */
  Checkpoint  *checkpoint;     /* the one being written in the background */
};

/* Who ends a checkpoint, decided once: the writer thread, which puts it in
 * place and posts the outcome to the caller's context, or
 * cancel_checkpoint(), which frees it where it runs. */
typedef enum
{
  CHECKPOINT_RUNNING,
  CHECKPOINT_POSTED,
  CHECKPOINT_CANCELLED,
} CheckpointState;

/* A checkpoint being written in the background: see "Checkpoints in the
 * background". */
struct _Checkpoint
{
  RdsSimStore        *store;        /* kept alive by the task */
  RdsSimEngine       *engine;
  RdsSimEngineCursor *cursor;
  GTask              *task;
  GString            *buffer;
  guint64             n_records;    /* the header included */
  char               *temporary;
  GAsyncQueue        *chunks;       /* GBytes, then end_of_chunks */
  GThread            *thread;
  GSource            *source;       /* the slices */
  gboolean            ended;        /* end_of_chunks was queued */
  gint                queued;       /* bytes handed to the thread, not yet written */
  gint                cancelled;    /* stop writing */
  gint                state;        /* who ends it: see CheckpointState */
  GError             *error;        /* the thread's, then the writer's */
  goffset             mark_offset;  /* the writer's: where the lines after S begin */
};

static void finish_checkpoint (RdsSimStore *self,
                               Checkpoint  *checkpoint);
static Pending *pending_new (RdsSimStore *self,
                             JsonNode    *changes);
static void cancel_checkpoint (RdsSimStore *self);

G_DEFINE_FINAL_TYPE (RdsSimStore, rds_sim_store, G_TYPE_OBJECT)

static void
pending_free (Pending *pending)
{
  g_clear_pointer (&pending->line, g_bytes_unref);
  g_clear_object (&pending->task);
  g_clear_error (&pending->result);
  g_free (pending);
}

/* Runs in the task's own context: the writer thread never holds the last
 * reference to a task (and so to the store, which it would then join). */
static gboolean
deliver_cb (gpointer data)
{
  Pending *pending = data;

  if (pending->result != NULL)
    g_task_return_error (pending->task, g_steal_pointer (&pending->result));
  else
    g_task_return_boolean (pending->task, TRUE);
  pending_free (pending);

  return G_SOURCE_REMOVE;
}

/* @format: a whole sentence, marked with N_(), with %s for @path and %s for
 * the reason. It is translated here, after @saved_errno was read: gettext ()
 * may change errno. */
static gboolean
io_error (GError     **error,
          int          saved_errno,
          const char  *format,
          const char  *path)
{
  const char *reason = g_strerror (saved_errno);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, RDS_SIM_STORE_ERROR, RDS_SIM_STORE_ERROR_IO, _(format), path, reason);
#pragma GCC diagnostic pop
  return FALSE;
}

static gboolean
write_all (int            fd,
           const guint8  *data,
           gsize          length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return FALSE;
      data += written;
      length -= written;
    }

  return TRUE;
}

/* Whether the store still writes; if not, says so in @error. */
static gboolean
check_open (RdsSimStore  *self,
            GError      **error)
{
  if (self->journal_fd >= 0)
    return TRUE;

  g_set_error_literal (error, RDS_SIM_STORE_ERROR, RDS_SIM_STORE_ERROR_CLOSED,
                       _("The state store is closed."));
  return FALSE;
}

/* Checksums
 *
 * Every line the store writes ends in a tab and the CRC-32 of what comes
 * before it, in eight hex digits: a flipped byte or a line cut short is
 * found on loading, never taken silently. (JSON as written has no raw tab.)
 * A state file whose first line has no checksum is from an earlier version,
 * and is read as it is. */

#define CHECKSUM_LENGTH 9  /* "\t" and eight hex digits */

static guint32
crc32 (const char *data,
       gsize       length)
{
  static guint32 table[256];
  static gsize initialized = 0;
  guint32 crc = 0xFFFFFFFF;

  if (g_once_init_enter (&initialized))
    {
      for (guint32 i = 0; i < 256; i++)
        {
          guint32 c = i;

          for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320 ^ (c >> 1) : c >> 1;
          table[i] = c;
        }
      g_once_init_leave (&initialized, 1);
    }

  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ (guchar) data[i]) & 0xFF] ^ (crc >> 8);

  return crc ^ 0xFFFFFFFF;
}

/* Appends @text as one line with its checksum. */
static void
append_line (GString    *out,
             const char *text)
{
  gsize start = out->len;

  g_string_append (out, text);
  g_string_append_printf (out, "\t%08x\n", crc32 (out->str + start, out->len - start));
}

static gboolean
has_checksum (const char *line,
              gsize       length)
{
  if (length < CHECKSUM_LENGTH || line[length - CHECKSUM_LENGTH] != '\t')
    return FALSE;
  for (gsize i = length - CHECKSUM_LENGTH + 1; i < length; i++)
    if (!g_ascii_isxdigit (line[i]))
      return FALSE;
  return TRUE;
}

/* Checks and strips the checksum of @line; @required says whether a line
 * without one is damaged. */
static gboolean
check_line (const char  *line,
            gsize       *length,
            gboolean     required,
            GError     **error)
{
  if (!has_checksum (line, *length))
    {
      if (!required)
        return TRUE;
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("the line has no checksum"));
      return FALSE;
    }

  if (g_ascii_strtoull (line + *length - CHECKSUM_LENGTH + 1, NULL, 16) !=
      crc32 (line, *length - CHECKSUM_LENGTH))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the line does not match its checksum"));
      return FALSE;
    }

  *length -= CHECKSUM_LENGTH;
  return TRUE;
}

/* Answers one append; takes @pending over. */
static void
complete (Pending *pending,
          GError  *error)
{
  if (pending->task != NULL)
    {
      GMainContext *context = g_task_get_context (pending->task);

      pending->result = error != NULL ? g_error_copy (error) : NULL;
      g_main_context_invoke_full (context, G_PRIORITY_DEFAULT, deliver_cb, pending, NULL);
      return;
    }

  if (pending->mutex != NULL)
    {
      g_mutex_lock (pending->mutex);
      if (error != NULL && pending->error != NULL)
        *pending->error = g_error_copy (error);
      *pending->done = TRUE;
      g_cond_signal (pending->cond);
      g_mutex_unlock (pending->mutex);
    }
  pending_free (pending);
}

/* The writer thread: takes everything queued, writes it in one go, syncs
 * once, then answers each request. */
static gpointer
writer_thread (gpointer data)
{
  RdsSimStore *self = data;
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  gboolean stop = FALSE;

  while (!stop)
    {
      Pending *pending = g_async_queue_pop (self->queue);
      g_autoptr(GError) error = NULL;

      g_ptr_array_add (batch, pending);
      while ((pending = g_async_queue_try_pop (self->queue)) != NULL)
        g_ptr_array_add (batch, pending);

      g_byte_array_set_size (buffer, 0);
      for (guint i = 0; i < batch->len; i++)
        {
          Pending *item = g_ptr_array_index (batch, i);

          stop |= item->stop;
          if (item->mark != NULL)
            item->mark->mark_offset = self->durable_size + buffer->len;
          if (item->line != NULL)
            {
              gsize length;
              const guint8 *bytes = g_bytes_get_data (item->line, &length);

              g_byte_array_append (buffer, bytes, length);
            }
        }

      if (g_atomic_int_get (&self->write_failed))
        g_set_error_literal (&error, RDS_SIM_STORE_ERROR, RDS_SIM_STORE_ERROR_IO,
                             _("An earlier write to the journal failed, and the changes after "
                               "it were not saved either."));
      else if (buffer->len > 0 &&
               (!write_all (self->journal_fd, buffer->data, buffer->len) ||
                fdatasync (self->journal_fd) != 0))
        {
          g_autofree char *path = g_build_filename (self->directory, RDS_SIM_STORE_JOURNAL_FILE, NULL);

          io_error (&error, errno, N_("Could not write %s: %s"), path);
          /* Nothing more is written until rds_sim_store_restore () has cut
           * the journal back to what is durable and the engine with it. */
          g_atomic_int_set (&self->write_failed, TRUE);
        }
      else
        {
          self->durable_size += buffer->len;
        }

      /* Every line queued before a checkpoint finished is on disk now:
       * the records it holds are all in the journal too. */
      for (guint i = 0; i < batch->len; i++)
        {
          Pending *item = g_ptr_array_index (batch, i);

          if (item->finish != NULL)
            finish_checkpoint (self, g_steal_pointer (&item->finish));
        }

      for (guint i = 0; i < batch->len; i++)
        complete (g_ptr_array_index (batch, i), error);
      g_ptr_array_set_size (batch, 0);
    }

  return NULL;
}

static void
rds_sim_store_finalize (GObject *object)
{
  RdsSimStore *self = RDS_SIM_STORE (object);

  rds_sim_store_close (self);
  g_clear_pointer (&self->queue, g_async_queue_unref);
  g_clear_pointer (&self->directory, g_free);

  G_OBJECT_CLASS (rds_sim_store_parent_class)->finalize (object);
}

static void
rds_sim_store_class_init (RdsSimStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rds_sim_store_finalize;
}

static void
rds_sim_store_init (RdsSimStore *self)
{
  self->lock_fd = -1;
  self->journal_fd = -1;
  self->queue = g_async_queue_new ();
}

static gboolean
fsync_directory (const char  *directory,
                 GError     **error)
{
  int fd = open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return io_error (error, errno, N_("Could not open %s: %s"), directory);
  if (fsync (fd) != 0)
    {
      int saved = errno;

      close (fd);
      return io_error (error, saved, N_("Could not write %s to disk: %s"), directory);
    }
  close (fd);
  return TRUE;
}

/**
 * rds_sim_store_open:
 * @directory: the state directory, created if needed (mode 0700)
 *
 * Takes the directory's lock: one simulator per state directory.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with
 *   %RDS_SIM_STORE_ERROR_LOCKED or %RDS_SIM_STORE_ERROR_IO
 */
RdsSimStore *
rds_sim_store_open (const char  *directory,
                    GError     **error)
{
  g_autoptr(RdsSimStore) self = NULL;
  g_autofree char *lock_path = NULL;
  g_autofree char *journal_path = NULL;
  g_autofree char *pid = NULL;

  g_return_val_if_fail (directory != NULL, NULL);

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      io_error (error, errno, N_("Could not create the state directory %s: %s"), directory);
      return NULL;
    }

  self = g_object_new (RDS_TYPE_SIM_STORE, NULL);
  self->directory = g_strdup (directory);

  lock_path = g_build_filename (directory, "lock", NULL);
  self->lock_fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (self->lock_fd < 0)
    {
      io_error (error, errno, N_("Could not open %s: %s"), lock_path);
      return NULL;
    }
  if (flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      char other[32] = { 0 };

      if (pread (self->lock_fd, other, sizeof other - 1, 0) < 0)
        other[0] = '\0';
      g_strstrip (other);
      if (other[0] != '\0')
        g_set_error (error, RDS_SIM_STORE_ERROR, RDS_SIM_STORE_ERROR_LOCKED,
                     /* Translators: the second %s is a process ID */
                     _("The state directory %s is in use by another simulator (process %s). Stop "
                       "it, or choose another state directory."), directory, other);
      else
        g_set_error (error, RDS_SIM_STORE_ERROR, RDS_SIM_STORE_ERROR_LOCKED,
                     _("The state directory %s is in use by another simulator. Stop it, or choose "
                       "another state directory."), directory);
      return NULL;
    }
  pid = g_strdup_printf ("%d\n", (int) getpid ());
  if (ftruncate (self->lock_fd, 0) != 0 || pwrite (self->lock_fd, pid, strlen (pid), 0) < 0)
    {
      io_error (error, errno, N_("Could not write %s: %s"), lock_path);
      return NULL;
    }

  journal_path = g_build_filename (directory, RDS_SIM_STORE_JOURNAL_FILE, NULL);
  self->journal_fd = open (journal_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (self->journal_fd < 0)
    {
      io_error (error, errno, N_("Could not open %s: %s"), journal_path);
      return NULL;
    }

  self->writer = g_thread_new ("rds-sim-store", writer_thread, self);

  return g_steal_pointer (&self);
}

const char *
rds_sim_store_get_directory (RdsSimStore *self)
{
  g_return_val_if_fail (RDS_IS_SIM_STORE (self), NULL);

  return self->directory;
}

/* Loading */

/* A name next to @path that no file has yet. */
static char *
aside_name (const char *path,
            const char *suffix)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  char *aside = g_strdup_printf ("%s.corrupt%s-%s", path, suffix, stamp);

  for (guint i = 1; g_file_test (aside, G_FILE_TEST_EXISTS); i++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.corrupt%s-%s-%u", path, suffix, stamp, i);
    }
  return aside;
}

static char *
keep_aside (const char *path)
{
  g_autofree char *aside = aside_name (path, "");

  return g_rename (path, aside) == 0 ? g_steal_pointer (&aside) : NULL;
}

/* Copies @path aside; the journal itself stays, its file descriptor open
 * for the changes to come. */
static char *
copy_aside (const char  *path,
            const char  *suffix,
            GError     **error)
{
  g_autofree char *aside = aside_name (path, suffix);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error) ||
      !g_file_set_contents_full (aside, contents, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;
  return g_steal_pointer (&aside);
}

/* Calls @func on each complete line of @path; a last line without its
 * newline is reported through @torn_at. */
typedef gboolean (*LineFunc) (const char  *line,
                              gsize        length,
                              guint        number,
                              gpointer     user_data,
                              GError     **error);

static gboolean
for_each_line (const char  *path,
               LineFunc     func,
               gpointer     user_data,
               guint       *failed_line,
               goffset     *torn_at,
               GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  const char *data, *end, *p;
  guint number = 0;

  *failed_line = 0;
  *torn_at = -1;

  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return FALSE;

  data = g_mapped_file_get_contents (file);
  end = data != NULL ? data + g_mapped_file_get_length (file) : NULL;
  for (p = data; p != NULL && p < end;)
    {
      const char *newline = memchr (p, '\n', end - p);

      number++;
      if (newline == NULL)
        {
          *torn_at = p - data;
          break;
        }
      /* A line with its newline was written whole: if it does not read,
       * it was damaged since, wherever it is in the file. Only a last line
       * without its newline is a write a crash cut short. */
      if (newline > p && !func (p, newline - p, number, user_data, error))
        {
          *failed_line = number;
          return FALSE;
        }
      p = newline + 1;
    }

  return TRUE;
}

typedef struct
{
  RdsSimEngine *engine;
  guint64       header_seq;
  guint64       last_seq;
  gboolean      checksums;     /* the state file has them: so must the journal */
  gboolean      have_header;
  gboolean      ended;         /* the state file's last line was read */
  guint64       n_records;
  guint         n_damaged;     /* records of the state file left out */
  guint         first_damaged;
  char         *damage;
} LoadState;

static JsonNode *
parse_line (const char  *line,
            gsize        length,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (!json_parser_load_from_data (parser, line, length, error))
    return NULL;

  return json_node_ref (json_parser_get_root (parser));
}

static gboolean
load_state_line (const char  *line,
                 gsize        length,
                 guint        number,
                 gpointer     user_data,
                 GError     **error)
{
  LoadState *state = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;

  if (number == 1)
    state->checksums = has_checksum (line, length);

  if (state->ended)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("there is more after the end of the state"));
      return FALSE;
    }

  if (!check_line (line, &length, state->checksums, &local_error) ||
      (node = parse_line (line, length, &local_error)) == NULL)
    {
      if (number == 1)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      goto damaged;
    }

  if (number == 1)
    {
      if (!rds_sim_engine_load_header (state->engine, node, error))
        return FALSE;
      state->header_seq = JSON_NODE_HOLDS_OBJECT (node)
        ? (guint64) json_object_get_int_member_with_default (json_node_get_object (node), "seq", 0)
        : 0;
      state->last_seq = state->header_seq;
      state->have_header = TRUE;
      return TRUE;
    }

  /* The last line counts the records, so a file cut short is found. */
  if (state->checksums && JSON_NODE_HOLDS_OBJECT (node) &&
      json_object_has_member (json_node_get_object (node), "end"))
    {
      gint64 count = json_object_get_int_member_with_default (json_node_get_object (node), "end", -1);

      state->ended = TRUE;
      if (count != (gint64) (state->n_records + state->n_damaged))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("the file does not hold as many records as it says"));
          return FALSE;
        }
      return TRUE;
    }

  if (rds_sim_engine_load_record (state->engine, node, &local_error))
    {
      state->n_records++;
      return TRUE;
    }

damaged:
  /* One damaged record costs that record, not the state: the rest loads,
   * and the caller keeps the file aside with a warning. */
  if (state->n_damaged++ == 0)
    {
      state->first_damaged = number;
      state->damage = g_strdup (local_error->message);
    }
  return TRUE;
}

static gboolean
load_journal_line (const char  *line,
                   gsize        length,
                   guint        number,
                   gpointer     user_data,
                   GError     **error)
{
  LoadState *state = user_data;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  gint64 seq;

  if (!check_line (line, &length, state->checksums, error) ||
      (node = parse_line (line, length, error)) == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node) ||
      (seq = json_object_get_int_member_with_default (json_node_get_object (node), "seq", -1)) < 0 ||
      !json_object_has_member (json_node_get_object (node), "changes"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("not a journal entry"));
      return FALSE;
    }

  object = json_node_get_object (node);
  /* Entries the checkpoint already holds. */
  if ((guint64) seq <= state->header_seq)
    return TRUE;

  if (!rds_sim_engine_apply_changes (state->engine, json_object_get_member (object, "changes"), error))
    return FALSE;
  state->last_seq = (guint64) seq;
  return TRUE;
}

static void
add_warning (GString    *warnings,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_warning (GString    *warnings,
             const char *format,
             ...)
{
  va_list args;

  if (warnings->len > 0)
    g_string_append_c (warnings, ' ');
  va_start (args, format);
  g_string_append_vprintf (warnings, format, args);
  va_end (args);
}

/* Loads the checkpoint and replays the journal, adding what was wrong with
 * them to @warnings. */
static gboolean
load_files (RdsSimStore   *self,
            RdsSimEngine  *engine,
            GString       *warnings,
            GError       **error)
{
  g_autofree char *state_path = NULL;
  g_autofree char *journal_path = NULL;
  g_autoptr(JsonNode) initial = NULL;
  gboolean have_state, have_journal;
  LoadState state = { engine, 0, 0 };
  guint failed_line = 0;
  goffset torn_at = -1;
  struct stat info;

  state_path = g_build_filename (self->directory, RDS_SIM_STORE_STATE_FILE, NULL);
  journal_path = g_build_filename (self->directory, RDS_SIM_STORE_JOURNAL_FILE, NULL);
  initial = rds_sim_engine_save_header (engine);

  have_state = g_file_test (state_path, G_FILE_TEST_EXISTS);
  have_journal = g_stat (journal_path, &info) == 0 && info.st_size > 0;

  if (have_state)
    {
      g_autoptr(GError) local_error = NULL;

      gboolean read = for_each_line (state_path, load_state_line, &state, &failed_line, &torn_at,
                                     &local_error);
      g_autofree char *damage = g_steal_pointer (&state.damage);

      if (read && torn_at < 0 && !state.have_header)
        g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("the file is empty"));
      else if (read && torn_at < 0 && state.checksums && !state.ended)
        g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("the file is cut short"));

      if ((!read || torn_at >= 0 || local_error != NULL) && state.have_header)
        {
          /* Cut short, or damaged past repair from some line on: what
           * came before loaded, and the journal still applies on top. */
          g_autofree char *copy = copy_aside (state_path, "-cut", error);
          const char *reason = local_error != NULL ? local_error->message
                                                   : _("the file ends in the middle of a line");

          if (copy == NULL)
            return FALSE;
          guint line = failed_line != 0 ? failed_line : (guint) (state.n_records + state.n_damaged + 2);
          guint n_loaded = (guint) state.n_records;

          add_warning (warnings,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The simulator state in %s is damaged from line %u on (%s): the "
                                    "%u record before it was loaded, and the journal after it. The "
                                    "file was kept as %s.",
                                    "The simulator state in %s is damaged from line %u on (%s): the "
                                    "%u records before it were loaded, and the journal after them. "
                                    "The file was kept as %s.", n_loaded),
                       state_path, line, reason, n_loaded, copy);
        }
      else if (!read || torn_at >= 0 || local_error != NULL)
        {
          g_autofree char *journal_aside = NULL;
          g_autofree char *state_aside = NULL;

          if (have_journal && (journal_aside = copy_aside (journal_path, "", error)) == NULL)
            return FALSE;
          if ((state_aside = keep_aside (state_path)) == NULL)
            return io_error (error, errno, N_("Could not set %s aside: %s"), state_path);

          const char *reason = local_error != NULL ? local_error->message
                                                   : _("the file ends in the middle of a line");

          if (journal_aside != NULL)
            add_warning (warnings,
                         _("The simulator state in %s could not be read (line %u: %s). It was kept "
                           "as %s with its journal as %s, and the simulator starts empty."),
                         state_path, failed_line != 0 ? failed_line : 1, reason, state_aside,
                         journal_aside);
          else
            add_warning (warnings,
                         _("The simulator state in %s could not be read (line %u: %s). It was kept "
                           "as %s, and the simulator starts empty."),
                         state_path, failed_line != 0 ? failed_line : 1, reason, state_aside);
          rds_sim_engine_load_header (engine, initial, NULL);
          state.header_seq = state.last_seq = 0;
          state.n_damaged = 0;
          have_journal = FALSE;
        }
      else if (state.n_damaged > 0)
        {
          g_autofree char *copy = copy_aside (state_path, "-records", error);

          if (copy == NULL)
            return FALSE;
          add_warning (warnings,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%u record of the simulator state in %s could not be read (line "
                                    "%u: %s) and was left out; the rest loaded. The file was kept "
                                    "as %s.",
                                    "%u records of the simulator state in %s could not be read "
                                    "(first at line %u: %s) and were left out; the rest loaded. The "
                                    "file was kept as %s.", state.n_damaged),
                       state.n_damaged, state_path, state.first_damaged, damage, copy);
        }
    }
  else if (have_journal)
    {
      g_autofree char *journal_aside = copy_aside (journal_path, "", error);

      if (journal_aside == NULL)
        return FALSE;

      add_warning (warnings, _("The simulator journal %s has no state file to go with; it was "
                               "kept as %s, and the simulator starts empty."), journal_path,
                   journal_aside);
      have_journal = FALSE;
    }

  if (have_journal)
    {
      g_autoptr(GError) local_error = NULL;

      if (!for_each_line (journal_path, load_journal_line, &state, &failed_line, &torn_at, &local_error))
        {
          g_autofree char *suffix = g_strdup_printf ("-line-%u", failed_line);
          g_autofree char *copy = NULL;

          /* Keep a copy before the checkpoint empties the journal; what
           * loaded before the bad line stays. */
          if ((copy = copy_aside (journal_path, suffix, error)) == NULL)
            return FALSE;
          add_warning (warnings, _("The simulator journal %s is corrupt at line %u (%s). The "
                                   "changes before it were loaded; the journal was kept as %s."),
                       journal_path, failed_line, local_error->message, copy);
        }
      else if (torn_at >= 0)
        {
          g_autofree char *copy = copy_aside (journal_path, "-cut", error);

          /* Most likely a write a crash cut short, never acknowledged; but
           * a file damaged since looks the same, so it is said. */
          if (copy == NULL)
            return FALSE;
          add_warning (warnings, _("The simulator journal %s ends in a line cut short, most likely "
                                   "a write that a crash interrupted and that was never "
                                   "acknowledged. The changes before it were loaded; the journal "
                                   "was kept as %s."), journal_path, copy);
        }
    }

  self->seq = self->checkpoint_seq = state.last_seq;
  return TRUE;
}

/**
 * rds_sim_store_load:
 * @engine: a new engine, which gets the stored state
 * @warning: (out) (optional) (nullable): what was wrong with the files, for
 *   the user, or %NULL when they loaded cleanly
 *
 * Loads the checkpoint and replays the journal, then writes a new checkpoint
 * so the journal starts empty. Corrupt files are kept aside with a warning;
 * only a failing disk is an error.
 */
gboolean
rds_sim_store_load (RdsSimStore   *self,
                    RdsSimEngine  *engine,
                    char         **warning,
                    GError       **error)
{
  g_autoptr(GString) warnings = g_string_new (NULL);

  g_return_val_if_fail (RDS_IS_SIM_STORE (self), FALSE);
  g_return_val_if_fail (RDS_IS_SIM_ENGINE (engine), FALSE);

  if (!load_files (self, engine, warnings, error) ||
      !rds_sim_store_checkpoint (self, engine, error))
    return FALSE;

  if (warning != NULL)
    *warning = warnings->len > 0 ? g_strdup (warnings->str) : NULL;

  return TRUE;
}

/* Opens the journal again on the same descriptor, in case a checkpoint's
 * rewrite of it could not switch over, and makes its name last. */
static gboolean
reopen_journal (RdsSimStore  *self,
                GError      **error)
{
  g_autofree char *path = g_build_filename (self->directory, RDS_SIM_STORE_JOURNAL_FILE, NULL);
  int fd = open (path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    return io_error (error, errno, N_("Could not open %s: %s"), path);
  if (dup2 (fd, self->journal_fd) < 0)
    {
      int saved = errno;

      close (fd);
      return io_error (error, saved, N_("Could not open %s: %s"), path);
    }
  fcntl (self->journal_fd, F_SETFD, FD_CLOEXEC);
  close (fd);
  return fsync_directory (self->directory, error);
}

/**
 * rds_sim_store_restore:
 * @engine: the engine whose changes could not be saved
 *
 * After a failed write: answers every append still queued (they fail
 * too), cuts the journal back to what was synced, and loads @engine again
 * from the files, so that it holds exactly what was acknowledged. Writing
 * resumes, and succeeds once the disk has room again.
 */
gboolean
rds_sim_store_restore (RdsSimStore   *self,
                       RdsSimEngine  *engine,
                       GError       **error)
{
  g_autoptr(GString) warnings = g_string_new (NULL);
  g_autofree char *journal_path = NULL;

  g_return_val_if_fail (RDS_IS_SIM_STORE (self), FALSE);
  g_return_val_if_fail (RDS_IS_SIM_ENGINE (engine), FALSE);

  if (!check_open (self, error))
    return FALSE;

  cancel_checkpoint (self);
  rds_sim_store_flush (self);

  journal_path = g_build_filename (self->directory, RDS_SIM_STORE_JOURNAL_FILE, NULL);
  if (!reopen_journal (self, error))
    return FALSE;
  if (ftruncate (self->journal_fd, self->durable_size) != 0 || fdatasync (self->journal_fd) != 0)
    return io_error (error, errno, N_("Could not empty %s: %s"), journal_path);

  if (!load_files (self, engine, warnings, error))
    return FALSE;
  if (warnings->len > 0)
    g_message ("%s", warnings->str);

  self->journal_size = self->durable_size;
  g_atomic_int_set (&self->write_failed, FALSE);
  return TRUE;
}

/* Checkpoints */

typedef struct
{
  int      fd;
  GString *buffer;
  gboolean failed;
  int      saved_errno;
  guint64  n_records;
} Writer;

static void
writer_flush (Writer *writer)
{
  if (!writer->failed && writer->buffer->len > 0 &&
      !write_all (writer->fd, (const guint8 *) writer->buffer->str, writer->buffer->len))
    {
      writer->failed = TRUE;
      writer->saved_errno = errno;
    }
  g_string_truncate (writer->buffer, 0);
}

static void
write_record_cb (JsonNode *record,
                 gpointer  user_data)
{
  Writer *writer = user_data;
  g_autofree char *line = json_to_string (record, FALSE);

  append_line (writer->buffer, line);
  writer->n_records++;
  if (writer->buffer->len >= WRITE_BUFFER_SIZE)
    writer_flush (writer);
}

/**
 * rds_sim_store_checkpoint:
 *
 * Writes the engine's whole state as the new checkpoint and empties the
 * journal. Waits for the journal writes in flight first.
 */
gboolean
rds_sim_store_checkpoint (RdsSimStore   *self,
                          RdsSimEngine  *engine,
                          GError       **error)
{
  g_autofree char *state_path = NULL;
  g_autofree char *temporary = NULL;
  g_autofree char *journal_path = NULL;
  g_autoptr(JsonNode) header = NULL;
  Writer writer = { -1, NULL, FALSE, 0, 0 };
  g_autofree char *trailer = NULL;

  g_return_val_if_fail (RDS_IS_SIM_STORE (self), FALSE);
  g_return_val_if_fail (RDS_IS_SIM_ENGINE (engine), FALSE);

  if (!check_open (self, error))
    return FALSE;

  cancel_checkpoint (self);
  rds_sim_store_flush (self);

  /* The engine holds changes that were answered as not saved: they must
   * not reach the checkpoint. rds_sim_store_restore () comes first. */
  if (g_atomic_int_get (&self->write_failed))
    {
      g_set_error_literal (error, RDS_SIM_STORE_ERROR, RDS_SIM_STORE_ERROR_IO,
                           _("An earlier write to the journal failed, and the changes after "
                             "it were not saved either."));
      return FALSE;
    }

  state_path = g_build_filename (self->directory, RDS_SIM_STORE_STATE_FILE, NULL);
  temporary = g_strconcat (state_path, ".tmp", NULL);
  journal_path = g_build_filename (self->directory, RDS_SIM_STORE_JOURNAL_FILE, NULL);

  writer.fd = open (temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (writer.fd < 0)
    return io_error (error, errno, N_("Could not create %s: %s"), temporary);
  writer.buffer = g_string_sized_new (WRITE_BUFFER_SIZE + 4096);

  header = rds_sim_engine_save_header (engine);
  json_object_set_int_member (json_node_get_object (header), "seq", (gint64) self->seq);
  write_record_cb (header, &writer);
  rds_sim_engine_save_records (engine, write_record_cb, &writer);
  /* Records, not counting the header. */
  trailer = g_strdup_printf ("{\"end\":%" G_GUINT64_FORMAT "}", writer.n_records - 1);
  append_line (writer.buffer, trailer);
  writer_flush (&writer);
  g_string_free (writer.buffer, TRUE);

  if (writer.failed || fsync (writer.fd) != 0)
    {
      int saved = writer.failed ? writer.saved_errno : errno;

      close (writer.fd);
      g_unlink (temporary);
      return io_error (error, saved, N_("Could not write %s: %s"), temporary);
    }
  close (writer.fd);

  if (g_rename (temporary, state_path) != 0)
    return io_error (error, errno, N_("Could not replace %s: %s"), state_path);
  if (!fsync_directory (self->directory, error))
    return FALSE;

  /* The checkpoint holds everything: the journal starts over. */
  if (ftruncate (self->journal_fd, 0) != 0 || fsync (self->journal_fd) != 0)
    return io_error (error, errno, N_("Could not empty %s: %s"), journal_path);

  self->checkpoint_seq = self->seq;
  self->journal_size = 0;
  self->durable_size = 0;
  return TRUE;
}

gboolean
rds_sim_store_needs_checkpoint (RdsSimStore *self)
{
  g_return_val_if_fail (RDS_IS_SIM_STORE (self), FALSE);

  return self->checkpoint == NULL && self->journal_size >= CHECKPOINT_JOURNAL_SIZE;
}

/* Checkpoints in the background
 *
 * Writing tens of MiB and syncing them takes long enough to stall every
 * request, so once the journal has grown a checkpoint is made beside the
 * requests:
 *
 *  1. On the main loop, the header is saved with the journal's last
 *     sequence number, S, and a mark is queued to the writer thread, which
 *     notes where the journal's lines after S begin.
 *  2. Idle slices of the main loop save the records a few at a time, each
 *     as it is at that moment, and hand them to a thread of the
 *     checkpoint's own, which writes them to state.json.tmp and syncs it.
 *     Requests go on, and journal their changes as usual.
 *  3. That thread queues "finish" to the writer thread. By then every line
 *     queued before the last slice is on disk, so each record saved holds
 *     nothing the journal lacks. The writer renames the file into place
 *     and rewrites the journal without its lines up to S.
 *
 * Loading replays the lines after S over the saved records. A record saved
 * late already holds some of those changes; replaying them again changes
 * nothing, since a journal line holds whole records. Events are appended
 * on replay, so the checkpoint holds only the events before S. A crash at
 * any point leaves the old checkpoint and the whole journal, or the new
 * checkpoint and the journal after S. */

#define CHECKPOINT_SLICE_USEC 2000
#define CHECKPOINT_MAX_QUEUED (4 * 1024 * 1024)
#define CHECKPOINT_BACKOFF_MSEC 5

static char end_of_chunks;

static void
checkpoint_free (Checkpoint *checkpoint)
{
  g_clear_pointer (&checkpoint->cursor, rds_sim_engine_cursor_free);
  g_clear_object (&checkpoint->engine);
  g_clear_object (&checkpoint->task);
  if (checkpoint->buffer != NULL)
    g_string_free (checkpoint->buffer, TRUE);
  g_clear_pointer (&checkpoint->chunks, g_async_queue_unref);
  g_clear_error (&checkpoint->error);
  g_free (checkpoint->temporary);
  g_free (checkpoint);
}

/* The checkpoint's thread: writes what the slices saved, then syncs. */
static gpointer
checkpoint_thread (gpointer data)
{
  Checkpoint *checkpoint = data;
  Pending *finish;
  int fd;

  fd = open (checkpoint->temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    io_error (&checkpoint->error, errno, N_("Could not create %s: %s"), checkpoint->temporary);

  for (;;)
    {
      gpointer item = g_async_queue_pop (checkpoint->chunks);
      gsize length;
      const guint8 *bytes;

      if (item == &end_of_chunks)
        break;

      bytes = g_bytes_get_data (item, &length);
      if (checkpoint->error == NULL && !g_atomic_int_get (&checkpoint->cancelled) &&
          !write_all (fd, bytes, length))
        io_error (&checkpoint->error, errno, N_("Could not write %s: %s"), checkpoint->temporary);
      g_atomic_int_add (&checkpoint->queued, - (gint) length);
      g_bytes_unref (item);
    }

  if (fd >= 0)
    {
      if (checkpoint->error == NULL && !g_atomic_int_get (&checkpoint->cancelled) && fsync (fd) != 0)
        io_error (&checkpoint->error, errno, N_("Could not write %s: %s"), checkpoint->temporary);
      close (fd);
    }

  finish = g_new0 (Pending, 1);
  finish->finish = checkpoint;
  g_async_queue_push (checkpoint->store->queue, finish);
  return NULL;
}

static void
hand_off (Checkpoint *checkpoint)
{
  GBytes *chunk;

  if (checkpoint->buffer->len == 0)
    return;

  g_atomic_int_add (&checkpoint->queued, (gint) checkpoint->buffer->len);
  chunk = g_string_free_to_bytes (checkpoint->buffer);
  checkpoint->buffer = g_string_sized_new (WRITE_BUFFER_SIZE + 4096);
  g_async_queue_push (checkpoint->chunks, chunk);
}

static void
end_chunks (Checkpoint *checkpoint)
{
  if (checkpoint->ended)
    return;

  checkpoint->ended = TRUE;
  g_async_queue_push (checkpoint->chunks, &end_of_chunks);
}

static void
checkpoint_record_cb (JsonNode *record,
                      gpointer  user_data)
{
  Checkpoint *checkpoint = user_data;
  g_autofree char *line = json_to_string (record, FALSE);

  append_line (checkpoint->buffer, line);
  checkpoint->n_records++;
  if (checkpoint->buffer->len >= WRITE_BUFFER_SIZE)
    hand_off (checkpoint);
}

static gboolean checkpoint_slice_cb (gpointer data);

/* Slices run when the main loop is idle, or after @delay_msec. */
static void
schedule_slices (Checkpoint *checkpoint,
                 guint       delay_msec)
{
  if (checkpoint->source != NULL)
    g_source_unref (checkpoint->source);
  checkpoint->source = delay_msec > 0 ? g_timeout_source_new (delay_msec) : g_idle_source_new ();
  g_source_set_priority (checkpoint->source, G_PRIORITY_LOW);
  g_source_set_callback (checkpoint->source, checkpoint_slice_cb, checkpoint, NULL);
  g_source_attach (checkpoint->source, g_main_context_get_thread_default ());
}

static gboolean
checkpoint_slice_cb (gpointer data)
{
  Checkpoint *checkpoint = data;
  gint64 deadline = g_get_monotonic_time () + CHECKPOINT_SLICE_USEC;
  g_autofree char *trailer = NULL;
  gboolean more;

  /* The disk is behind: let it catch up rather than hold the records,
   * and look again in a moment rather than spin. */
  if (g_atomic_int_get (&checkpoint->queued) > CHECKPOINT_MAX_QUEUED)
    {
      schedule_slices (checkpoint, CHECKPOINT_BACKOFF_MSEC);
      return G_SOURCE_REMOVE;
    }

  do
    more = rds_sim_engine_cursor_save (checkpoint->engine, checkpoint->cursor, 16,
                                       checkpoint_record_cb, checkpoint);
  while (more && g_get_monotonic_time () < deadline);

  if (more)
    {
      /* After a pause for the disk, back to running when idle. */
      if (g_source_get_ready_time (checkpoint->source) != -1)
        {
          schedule_slices (checkpoint, 0);
          return G_SOURCE_REMOVE;
        }
      return G_SOURCE_CONTINUE;
    }

  /* Records, not counting the header. */
  trailer = g_strdup_printf ("{\"end\":%" G_GUINT64_FORMAT "}", checkpoint->n_records - 1);
  append_line (checkpoint->buffer, trailer);
  hand_off (checkpoint);
  end_chunks (checkpoint);

  g_clear_pointer (&checkpoint->source, g_source_unref);
  return G_SOURCE_REMOVE;
}

/* Drops the lines up to @offset from the journal: the checkpoint holds
 * them. Runs on the writer thread, which alone writes the journal. */
static gboolean
trim_journal (RdsSimStore  *self,
              goffset       offset,
              GError      **error)
{
  g_autofree char *path = g_build_filename (self->directory, RDS_SIM_STORE_JOURNAL_FILE, NULL);
  g_autofree char *temporary = g_strconcat (path, ".tmp", NULL);
  guint8 buffer[64 * 1024];
  int in, out;

  if (offset <= 0)
    return TRUE;

  in = open (path, O_RDONLY | O_CLOEXEC);
  if (in < 0)
    return io_error (error, errno, N_("Could not open %s: %s"), path);
  out = open (temporary, O_WRONLY | O_APPEND | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (out < 0)
    {
      int saved = errno;

      close (in);
      return io_error (error, saved, N_("Could not create %s: %s"), temporary);
    }

  for (goffset at = offset; at < self->durable_size;)
    {
      gssize n = pread (in, buffer, MIN ((goffset) sizeof buffer, self->durable_size - at), at);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0 || !write_all (out, buffer, n))
        goto failed;
      at += n;
    }
  if (fsync (out) != 0 || g_rename (temporary, path) != 0)
    goto failed;
  close (in);
  self->durable_size -= offset;

  /* The journal's descriptor now writes the new file. If it cannot, or
   * the rename may not last, nothing more is written until
   * rds_sim_store_restore () has opened the journal again. */
  if (dup2 (out, self->journal_fd) < 0)
    {
      int saved = errno;

      close (out);
      g_atomic_int_set (&self->write_failed, TRUE);
      return io_error (error, saved, N_("Could not open %s: %s"), path);
    }
  fcntl (self->journal_fd, F_SETFD, FD_CLOEXEC);
  close (out);
  if (!fsync_directory (self->directory, error))
    {
      g_atomic_int_set (&self->write_failed, TRUE);
      return FALSE;
    }
  return TRUE;

failed:
  {
    int saved = errno;

    close (in);
    close (out);
    g_unlink (temporary);
    return io_error (error, saved, N_("Could not write %s: %s"), temporary);
  }
}

static gboolean
checkpoint_finished_cb (gpointer data)
{
  Checkpoint *checkpoint = data;
  RdsSimStore *self = checkpoint->store;

  if (checkpoint->thread != NULL)
    g_thread_join (g_steal_pointer (&checkpoint->thread));
  if (self->checkpoint == checkpoint)
    self->checkpoint = NULL;

  if (checkpoint->error != NULL)
    g_task_return_error (checkpoint->task, g_steal_pointer (&checkpoint->error));
  else
    g_task_return_boolean (checkpoint->task, TRUE);
  checkpoint_free (checkpoint);

  return G_SOURCE_REMOVE;
}

/* On the writer thread, once the lines before it are on disk. */
static void
finish_checkpoint (RdsSimStore *self,
                   Checkpoint  *checkpoint)
{
  g_autofree char *state_path = g_build_filename (self->directory, RDS_SIM_STORE_STATE_FILE, NULL);

  if (!g_atomic_int_compare_and_exchange (&checkpoint->state, CHECKPOINT_RUNNING, CHECKPOINT_POSTED))
    {
      /* Cancelled: cancel_checkpoint () waits for this, then frees it. */
      g_unlink (checkpoint->temporary);
      return;
    }

  /* Records saved after a failed write may hold changes never made durable. */
  if (checkpoint->error == NULL && g_atomic_int_get (&self->write_failed))
    g_set_error_literal (&checkpoint->error, RDS_SIM_STORE_ERROR, RDS_SIM_STORE_ERROR_IO,
                         _("An earlier write to the journal failed, and the changes after "
                           "it were not saved either."));

  if (checkpoint->error != NULL)
    g_unlink (checkpoint->temporary);
  else if (g_rename (checkpoint->temporary, state_path) != 0)
    io_error (&checkpoint->error, errno, N_("Could not replace %s: %s"), state_path);
  else if (fsync_directory (self->directory, &checkpoint->error))
    trim_journal (self, checkpoint->mark_offset, &checkpoint->error);

  g_main_context_invoke_full (g_task_get_context (checkpoint->task), G_PRIORITY_DEFAULT,
                              checkpoint_finished_cb, checkpoint, NULL);
}

/* Stops the checkpoint being written, if any: once this returns its file
 * is gone, or it was put in place just before. */
static void
cancel_checkpoint (RdsSimStore *self)
{
  Checkpoint *checkpoint = g_steal_pointer (&self->checkpoint);

  if (checkpoint == NULL)
    return;

  if (checkpoint->source != NULL)
    {
      g_source_destroy (checkpoint->source);
      g_clear_pointer (&checkpoint->source, g_source_unref);
    }

  if (!g_atomic_int_compare_and_exchange (&checkpoint->state, CHECKPOINT_RUNNING, CHECKPOINT_CANCELLED))
    {
      /* Finished already: its outcome is on its way to the caller. */
      return;
    }

  g_atomic_int_set (&checkpoint->cancelled, TRUE);
  end_chunks (checkpoint);
  g_thread_join (g_steal_pointer (&checkpoint->thread));
  /* The writer has the "finish" now, and drops the file. */
  rds_sim_store_flush (self);

  g_task_return_new_error (checkpoint->task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The checkpoint was cancelled");
  checkpoint_free (checkpoint);
}

/**
 * rds_sim_store_checkpoint_async:
 *
 * Writes the engine's state as the new checkpoint in the background, and
 * drops the journal lines it holds. Requests go on meanwhile: keep
 * journaling their changes as usual. The callback runs in the caller's
 * thread-default main context; a checkpoint that rds_sim_store_restore(),
 * rds_sim_store_checkpoint() or rds_sim_store_close() stopped fails with
 * %G_IO_ERROR_CANCELLED.
 */
void
rds_sim_store_checkpoint_async (RdsSimStore         *self,
                                RdsSimEngine        *engine,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) header = NULL;
  g_autofree char *state_path = NULL;
  GError *error = NULL;
  Checkpoint *checkpoint;
  Pending *mark;

  g_return_if_fail (RDS_IS_SIM_STORE (self));
  g_return_if_fail (RDS_IS_SIM_ENGINE (engine));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rds_sim_store_checkpoint_async);

  if (!check_open (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (self->checkpoint != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, "A checkpoint is being written");
      return;
    }
  if (g_atomic_int_get (&self->write_failed))
    {
      g_task_return_new_error (task, RDS_SIM_STORE_ERROR, RDS_SIM_STORE_ERROR_IO, "%s",
                               _("An earlier write to the journal failed, and the changes after "
                                 "it were not saved either."));
      return;
    }

  state_path = g_build_filename (self->directory, RDS_SIM_STORE_STATE_FILE, NULL);
  checkpoint = g_new0 (Checkpoint, 1);
  checkpoint->store = self;
  checkpoint->engine = g_object_ref (engine);
  checkpoint->task = g_steal_pointer (&task);
  checkpoint->temporary = g_strconcat (state_path, ".tmp", NULL);
  checkpoint->chunks = g_async_queue_new ();
  checkpoint->buffer = g_string_sized_new (WRITE_BUFFER_SIZE + 4096);

  /* Changes not journaled yet (timers a refused request caught up on)
   * are journaled first: the checkpoint starts after them. */
  if (rds_sim_engine_is_dirty (engine))
    {
      g_autoptr(JsonNode) changes = rds_sim_engine_take_changes (engine);

      g_async_queue_push (self->queue, pending_new (self, changes));
    }

  header = rds_sim_engine_save_header (engine);
  json_object_set_int_member (json_node_get_object (header), "seq", (gint64) self->seq);
  checkpoint_record_cb (header, checkpoint);
  checkpoint->cursor = rds_sim_engine_cursor_new (engine);

  mark = g_new0 (Pending, 1);
  mark->mark = checkpoint;
  g_async_queue_push (self->queue, mark);
  self->journal_size = 0;

  checkpoint->thread = g_thread_new ("rds-checkpoint", checkpoint_thread, checkpoint);
  schedule_slices (checkpoint, 0);
  self->checkpoint = checkpoint;
}

gboolean
rds_sim_store_checkpoint_finish (RdsSimStore   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Appending */

static Pending *
pending_new (RdsSimStore *self,
             JsonNode    *changes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) entry = NULL;
  g_autofree char *text = NULL;
  Pending *pending = g_new0 (Pending, 1);
  GString *line;

  self->seq++;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seq");
  json_builder_add_int_value (builder, (gint64) self->seq);
  json_builder_set_member_name (builder, "changes");
  json_builder_add_value (builder, json_node_ref (changes));
  json_builder_end_object (builder);
  entry = json_builder_get_root (builder);

  text = json_to_string (entry, FALSE);
  line = g_string_sized_new (strlen (text) + CHECKSUM_LENGTH + 1);
  append_line (line, text);
  self->journal_size += line->len;
  pending->line = g_string_free_to_bytes (line);

  return pending;
}

/**
 * rds_sim_store_append_async:
 * @changes: (nullable): what rds_sim_engine_take_changes() returned, or
 *   %NULL to only wait
 *
 * Journals @changes; the callback runs once they, and every change
 * appended before them, are on disk (or have failed), in the
 * thread-default main context of the caller. An answer that shows the
 * state waits for this, so that no client sees a change that a crash
 * would take back.
 */
void
rds_sim_store_append_async (RdsSimStore         *self,
                            JsonNode            *changes,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Pending *pending;

  g_return_if_fail (RDS_IS_SIM_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rds_sim_store_append_async);

  if (!check_open (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  pending = changes != NULL ? pending_new (self, changes) : g_new0 (Pending, 1);
  pending->task = g_steal_pointer (&task);
  g_async_queue_push (self->queue, pending);
}

gboolean
rds_sim_store_append_finish (RdsSimStore   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
wait_for (RdsSimStore  *self,
          Pending      *pending,
          GError      **error)
{
  GMutex mutex;
  GCond cond;
  gboolean done = FALSE;

  g_mutex_init (&mutex);
  g_cond_init (&cond);
  pending->mutex = &mutex;
  pending->cond = &cond;
  pending->done = &done;
  pending->error = error;

  g_mutex_lock (&mutex);
  g_async_queue_push (self->queue, pending);
  while (!done)
    g_cond_wait (&cond, &mutex);
  g_mutex_unlock (&mutex);

  g_mutex_clear (&mutex);
  g_cond_clear (&cond);

  return error == NULL || *error == NULL;
}

/**
 * rds_sim_store_append_sync:
 *
 * Journals @changes and returns once they are on disk. For rds-simd's
 * shutdown and for tests; the server uses the async variant.
 */
gboolean
rds_sim_store_append_sync (RdsSimStore  *self,
                           JsonNode     *changes,
                           GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RDS_IS_SIM_STORE (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;

  if (!wait_for (self, pending_new (self, changes), &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * rds_sim_store_flush:
 *
 * Returns once every append queued so far is on disk (or has failed).
 */
void
rds_sim_store_flush (RdsSimStore *self)
{
  g_return_if_fail (RDS_IS_SIM_STORE (self));

  if (self->writer != NULL)
    wait_for (self, g_new0 (Pending, 1), NULL);
}

/**
 * rds_sim_store_close:
 *
 * Finishes the writes in flight, stops the writer and releases the lock.
 * Appends after this fail with %RDS_SIM_STORE_ERROR_CLOSED.
 */
void
rds_sim_store_close (RdsSimStore *self)
{
  g_return_if_fail (RDS_IS_SIM_STORE (self));

  if (self->writer != NULL)
    cancel_checkpoint (self);

  if (self->writer != NULL)
    {
      Pending *stop = g_new0 (Pending, 1);

      stop->stop = TRUE;
      g_async_queue_push (self->queue, stop);
      g_thread_join (g_steal_pointer (&self->writer));
    }

  if (self->journal_fd >= 0)
    {
      close (self->journal_fd);
      self->journal_fd = -1;
    }
  if (self->lock_fd >= 0)
    {
      flock (self->lock_fd, LOCK_UN);
      close (self->lock_fd);
      self->lock_fd = -1;
    }
}
