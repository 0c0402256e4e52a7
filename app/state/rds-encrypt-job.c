/* rds-encrypt-job.c: encrypting a DB instance the only way RDS allows, by
 * snapshot, encrypted copy and restore, step by step and resumable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RDS chooses encryption when an instance is created and never changes it.
 * An unencrypted instance is encrypted by taking a snapshot of it, copying
 * the snapshot with a KMS key (a copy may be encrypted, a snapshot of an
 * unencrypted instance can't be), and restoring a new instance from the
 * copy with the source's settings. Optionally the new instance then takes
 * the source's name, so that clients keep their endpoint (the source is
 * renamed aside first), and the old instance and the interim snapshots go.
 *
 * Each step sends its request once and then watches what it made until it
 * is ready. The job says where it is (rds_encrypt_job_to_json) after every
 * acknowledged request and finished step, so that a console closed half
 * way can go on from there: a step whose request may have been sent and not
 * acknowledged is sent again, and "already exists" (or "not found" for a
 * rename or a delete) means it was.
 *
 * A request refused for the state of what it acts on (the source backing
 * up in its backup window, or modifying) is not the end: the job watches
 * that resource and sends the request again once it is available, a
 * bounded number of times, saying what it waits for. A step is done when
 * what it asked for shows, not when its instance says "available" (RDS
 * says so for a moment after ModifyDBInstance, before it starts): the
 * settings equal to the original's with nothing pending, a rename's new
 * name there with no rename pending. The clean-up never deletes an
 * original that still has read replicas (deleting it would promote them
 * to standalone instances): it stays, renamed aside, and the job says so.
 */

#include "config.h"

#include "rds-encrypt-job.h"

#include "rds-aws-error.h"
#include "rds-client.h"
#include "rds-db-instance.h"
#include "rds-db-snapshot.h"
#include "rds-pending-modified-values.h"
#include "rds-session.h"

#include <glib/gi18n.h>
#include <string.h>

#define POLL_SECONDS 2
/* Polls that find nothing before what was made counts as gone. */
#define MAX_MISSING 30
/* Instance identifiers have at most 63 characters. */
#define MAX_INSTANCE_ID 63
/* Requests refused for their resource's state, in a row, before the job
 * gives up on the step. */
#define MAX_REFUSALS 30
/* How long (by the endpoint's clock) an instance may be available but not
 * (yet) as asked before the job says so. */
#define UNSETTLED_USEC (15 * 60 * G_USEC_PER_SEC)

struct _RdsEncryptJob
{
  GObject         parent_instance;

  RdsSession     *session;    /* weak: the session keeps its jobs */
  char           *endpoint;
  char           *region;
  RdsDbInstance  *source;     /* as it was when the job began */
  char           *kms_key_id;
  gboolean        cut_over;
  gboolean        clean_up;
  char           *names[RDS_ENCRYPT_N_STEPS];

  RdsEncryptStep  step;
  guint           part;       /* within a step of several requests */
  gboolean        attempted;  /* the current part's request was sent, maybe not received */
  gboolean        requested;  /* the current part's request was acknowledged */
  guint           missing;    /* polls in a row that found nothing */
  double          progress;   /* of the current step, 0 to 1 */
  gboolean        blocked;    /* the current part's request was refused for its resource's state */
  guint           refusals;   /* how often, in a row */
  char           *waiting_for; /* what the job waits for before it can go on, to show */
  gint64          unsettled;  /* since when the instance is available, not yet as asked; or 0 */
  gboolean        replicas_checked; /* the clean-up looked: the old instance has no replicas */
  RdsEncryptKept  kept;       /* why the clean-up left the original */

  gboolean        running;
  gboolean        busy;       /* a request or a poll in flight */
  GError         *error;
  GCancellable   *cancellable;
  guint           poll_source;
  GSignalGroup   *list_signals;
};

G_DEFINE_FINAL_TYPE (RdsEncryptJob, rds_encrypt_job, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const step_names[RDS_ENCRYPT_N_STEPS] = {
  "snapshot", "copy", "restore", "settings", "cut-over", "clean-up", "done"
};

static const char * const kept_names[] = {
  [RDS_ENCRYPT_KEPT_NONE] = "none",
  [RDS_ENCRYPT_KEPT_PROTECTED] = "protected",
  [RDS_ENCRYPT_KEPT_REPLICAS] = "replicas",
  [RDS_ENCRYPT_KEPT_NOT_OURS] = "not-ours",
};

static void step (RdsEncryptJob *self);

/* The job's Region's, whichever the session shows now. */
static RdsClient *
client (RdsEncryptJob *self)
{
  return rds_session_get_region_client (self->session, self->region);
}

static void
changed (RdsEncryptJob *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static const char *
source_id (RdsEncryptJob *self)
{
  return rds_db_instance_get_identifier (self->source);
}

/**
 * rds_encrypt_job_derive_name:
 * @suffix: "-before-encryption", "-encrypted-copy", "-encrypted" or
 *   "-unencrypted"
 * @max: the longest name allowed (63 for instances, 255 for snapshots)
 *
 * Returns: "<source><suffix>", the source's part cut to fit @max, as the
 *   job names what it makes
 */
char *
rds_encrypt_job_derive_name (const char *source,
                             const char *suffix,
                             gsize       max)
{
  gsize keep = MIN (strlen (source), max - strlen (suffix));

  /* Never a hyphen before the suffix's own. */
  while (keep > 1 && source[keep - 1] == '-')
    keep--;
  return g_strdup_printf ("%.*s%s", (int) keep, source, suffix);
}

static void
make_names (RdsEncryptJob *self)
{
  const char *source = source_id (self);

  self->names[RDS_ENCRYPT_STEP_SNAPSHOT] = rds_encrypt_job_derive_name (source, "-before-encryption", 255);
  self->names[RDS_ENCRYPT_STEP_COPY] = rds_encrypt_job_derive_name (source, "-encrypted-copy", 255);
  self->names[RDS_ENCRYPT_STEP_RESTORE] = rds_encrypt_job_derive_name (source, "-encrypted", MAX_INSTANCE_ID);
  self->names[RDS_ENCRYPT_STEP_CUT_OVER] = rds_encrypt_job_derive_name (source, "-unencrypted", MAX_INSTANCE_ID);
}

/* Failing */

static void
fail (RdsEncryptJob *self,
      GError        *error)
{
  g_clear_error (&self->error);
  self->error = error;
  self->running = FALSE;
  self->busy = FALSE;
  g_clear_handle_id (&self->poll_source, g_source_remove);
  changed (self);
}

/* Moving on */

static gboolean
step_wanted (RdsEncryptJob  *self,
             RdsEncryptStep  which)
{
  if (which == RDS_ENCRYPT_STEP_CUT_OVER)
    return self->cut_over;
  /* Without a cut-over the source stays; the interim snapshots may go. */
  return TRUE;
}

static void
next_part (RdsEncryptJob *self,
           gboolean       step_done)
{
  if (step_done)
    {
      do
        self->step++;
      while (self->step < RDS_ENCRYPT_STEP_DONE && !step_wanted (self, self->step));
      self->part = 0;
      self->progress = 0;
    }
  else
    {
      self->part++;
    }
  self->requested = FALSE;
  self->attempted = FALSE;
  self->missing = 0;
  self->blocked = FALSE;
  self->refusals = 0;
  self->unsettled = 0;
  self->replicas_checked = FALSE;
  g_clear_pointer (&self->waiting_for, g_free);
  if (self->step == RDS_ENCRYPT_STEP_DONE)
    self->running = FALSE;
  changed (self);
  step (self);
}

/* Watching what a step made */

static gboolean poll_cb (gpointer data);

static void
schedule_poll (RdsEncryptJob *self)
{
  if (self->running && self->poll_source == 0)
    self->poll_source = g_timeout_add_seconds (POLL_SECONDS, poll_cb, self);
}

typedef struct
{
  RdsEncryptJob *self;
  RdsEncryptStep step;
  guint          part;
  gboolean       resent;   /* the request may have been received before */
} Pending;

static Pending *
pending_new (RdsEncryptJob *self)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->self = g_object_ref (self);
  pending->step = self->step;
  pending->part = self->part;
  return pending;
}

static void
pending_free (Pending *pending)
{
  g_object_unref (pending->self);
  g_free (pending);
}

/* Whether the answer is still about where the job is. */
static gboolean
pending_current (Pending *pending)
{
  return pending->self->running && pending->self->step == pending->step && pending->self->part == pending->part;
}

/* What the current part waits for: the snapshot or the instance it made,
 * and whether it is ready. */
static const char *
watched_name (RdsEncryptJob *self,
              gboolean      *is_snapshot)
{
  *is_snapshot = FALSE;
  switch (self->step)
    {
    case RDS_ENCRYPT_STEP_SNAPSHOT:
    case RDS_ENCRYPT_STEP_COPY:
      *is_snapshot = TRUE;
      return self->names[self->step];
    case RDS_ENCRYPT_STEP_RESTORE:
    case RDS_ENCRYPT_STEP_SETTINGS:
      return self->names[RDS_ENCRYPT_STEP_RESTORE];
    case RDS_ENCRYPT_STEP_CUT_OVER:
      return self->part == 0 ? self->names[RDS_ENCRYPT_STEP_CUT_OVER] : source_id (self);
    case RDS_ENCRYPT_STEP_CLEAN_UP:
    case RDS_ENCRYPT_STEP_DONE:
    case RDS_ENCRYPT_N_STEPS:
    default:
      return NULL;
    }
}

/* What the current part's request acts on, whose state may refuse it. */
static const char *
target_name (RdsEncryptJob *self,
             gboolean      *is_snapshot)
{
  *is_snapshot = FALSE;
  switch (self->step)
    {
    case RDS_ENCRYPT_STEP_SNAPSHOT:
      return source_id (self);
    case RDS_ENCRYPT_STEP_COPY:
      *is_snapshot = TRUE;
      return self->names[RDS_ENCRYPT_STEP_SNAPSHOT];
    case RDS_ENCRYPT_STEP_RESTORE:
      *is_snapshot = TRUE;
      return self->names[RDS_ENCRYPT_STEP_COPY];
    case RDS_ENCRYPT_STEP_SETTINGS:
      return self->names[RDS_ENCRYPT_STEP_RESTORE];
    case RDS_ENCRYPT_STEP_CUT_OVER:
      return self->part == 0 ? source_id (self) : self->names[RDS_ENCRYPT_STEP_RESTORE];
    case RDS_ENCRYPT_STEP_CLEAN_UP:
      if (self->part == 0)
        return self->names[RDS_ENCRYPT_STEP_CUT_OVER];
      *is_snapshot = TRUE;
      return self->names[self->part == 1 ? RDS_ENCRYPT_STEP_SNAPSHOT : RDS_ENCRYPT_STEP_COPY];
    case RDS_ENCRYPT_STEP_DONE:
    case RDS_ENCRYPT_N_STEPS:
    default:
      return NULL;
    }
}

/* What a poll looks at: what a refused request waits for, else what the
 * part made. */
static const char *
polled_name (RdsEncryptJob *self,
             gboolean      *is_snapshot)
{
  return self->blocked ? target_name (self, is_snapshot) : watched_name (self, is_snapshot);
}

static void
set_waiting_for (RdsEncryptJob *self,
                 const char    *status)
{
  gboolean is_snapshot;
  const char *name = target_name (self, &is_snapshot);

  g_free (self->waiting_for);
  if (status != NULL)
    /* Translators: the first %s is a database or a snapshot, the second its status as RDS says it,
     * such as "backing-up" or "modifying" */
    self->waiting_for = g_strdup_printf (_("Waiting for %s, which is %s, to be available."), name, status);
  else
    /* Translators: %s is a database or a snapshot */
    self->waiting_for = g_strdup_printf (_("Waiting for %s to be available."), name);
}

/* Statuses an instance leaves by itself; in any other it would wait in
 * vain. Snapshots: every status but "failed". */
static gboolean
status_passes (const char *status)
{
  static const char * const lasting[] = {
    "failed", "stopped", "stopping", "storage-full", "incompatible-network", "incompatible-option-group",
    "incompatible-parameters", "incompatible-restore", "inaccessible-encryption-credentials",
    "inaccessible-encryption-credentials-recoverable", "restore-error", "insufficient-capacity", "deleting",
  };

  for (guint i = 0; i < G_N_ELEMENTS (lasting); i++)
    if (g_strcmp0 (status, lasting[i]) == 0)
      return FALSE;
  return TRUE;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return a == NULL || b == NULL ? a == b : g_ascii_strcasecmp (a, b) == 0;
}

/* Which of the settings the settings step asks for the new instance
 * doesn't have yet, or NULL when it has them all and none is pending. */
static const char *
settings_missing (RdsEncryptJob *self,
                  RdsShape      *item)
{
  RdsShape *source = RDS_SHAPE (self->source);
  RdsShape *pending = rds_shape_get_object (item, "pending-modified-values");
  const char *backup_window = rds_shape_get_string (source, "preferred-backup-window");
  const char *maintenance_window = rds_shape_get_string (source, "preferred-maintenance-window");

  if (pending != NULL && !rds_pending_modified_values_is_empty (RDS_PENDING_MODIFIED_VALUES (pending)))
    return _("the changes still pending");
  if (rds_shape_get_int (item, "backup-retention-period") != rds_shape_get_int (source, "backup-retention-period"))
    return _("the backup retention period");
  if (backup_window != NULL && !same_text (rds_shape_get_string (item, "preferred-backup-window"), backup_window))
    return _("the backup window");
  if (maintenance_window != NULL &&
      !same_text (rds_shape_get_string (item, "preferred-maintenance-window"), maintenance_window))
    return _("the maintenance window");
  if (rds_shape_get_boolean (item, "deletion-protection") != rds_shape_get_boolean (source, "deletion-protection"))
    return _("deletion protection");
  if (rds_shape_get_int (source, "max-allocated-storage") > 0 &&
      rds_shape_get_int (item, "max-allocated-storage") != rds_shape_get_int (source, "max-allocated-storage"))
    return _("the storage autoscaling threshold");
  if (rds_shape_get_int (source, "monitoring-interval") > 0 &&
      rds_shape_get_int (item, "monitoring-interval") != rds_shape_get_int (source, "monitoring-interval"))
    return _("the Enhanced Monitoring interval");
  if (rds_shape_get_tristate (source, "performance-insights-enabled") == RDS_TRISTATE_TRUE &&
      rds_shape_get_tristate (item, "performance-insights-enabled") != RDS_TRISTATE_TRUE)
    return _("Performance Insights");
  return NULL;
}

/* A rename is done when the instance has its new name, no rename is
 * pending, and it is available: the original (unencrypted) renamed aside,
 * then the new (encrypted) one renamed to the original's name. */
static gboolean
renamed (RdsEncryptJob *self,
         RdsShape      *item)
{
  RdsShape *pending = rds_shape_get_object (item, "pending-modified-values");
  gboolean is_snapshot;

  return same_text (rds_shape_get_string (item, "db-instance-identifier"), watched_name (self, &is_snapshot)) &&
         (pending == NULL || rds_shape_get_string (pending, "db-instance-identifier") == NULL) &&
         rds_shape_get_boolean (item, "storage-encrypted") == (self->part == 1);
}

/* A refused request's resource, looked at: sent again once it is
 * available, else waited for while it is in a passing state. */
static void
blocked_answer (RdsEncryptJob *self,
                RdsShape      *item)
{
  const char *status = item == NULL ? NULL
                       : rds_shape_get_string (item, RDS_IS_DB_SNAPSHOT (item) ? "status" : "db-instance-status");
  gboolean is_snapshot;

  if (g_strcmp0 (status, "available") == 0)
    {
      self->blocked = FALSE;
      step (self);
      return;
    }
  if (status != NULL && !status_passes (status))
    {
      fail (self, g_error_new (RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE,
                               /* Translators: the first %s is a database, the second its status as RDS
                                * says it, such as "stopped" */
                               _("%s is %s: the encryption can go on once it is available."),
                               target_name (self, &is_snapshot), status));
      return;
    }
  set_waiting_for (self, status);
  changed (self);
  schedule_poll (self);
}

static void
poll_answer_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Pending *pending = user_data;
  RdsEncryptJob *self = pending->self;
  g_autoptr(RdsQueryResult) answer = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ready = FALSE;
  gboolean is_snapshot;
  const char *status;
  RdsShape *item;

  answer = rds_client_call_finish (RDS_CLIENT (object), result, &error);
  if (!pending_current (pending))
    {
      pending_free (pending);
      return;
    }
  self->busy = FALSE;

  if (answer == NULL)
    {
      gboolean not_found = g_error_matches (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND) ||
                           g_error_matches (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_SNAPSHOT_NOT_FOUND);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ;
      /* Not there yet (a rename takes a moment to show), for a while; then
       * it is gone (deleted, renamed by someone else). */
      else if (not_found && ++self->missing < MAX_MISSING)
        schedule_poll (self);
      else if (not_found)
        fail (self, g_error_new (RDS_AWS_ERROR, error->code, _("%s no longer exists."),
                                 polled_name (self, &is_snapshot)));
      /* The endpoint did not answer, or asked to slow down: again later. */
      else if (error->domain != RDS_AWS_ERROR || rds_aws_error_code_is_retryable (rds_aws_error_get_code (error->code)))
        schedule_poll (self);
      else
        fail (self, g_steal_pointer (&error));
      pending_free (pending);
      return;
    }
  self->missing = 0;

  item = answer->items->len > 0 ? g_ptr_array_index (answer->items, 0) : NULL;
  if (self->blocked)
    {
      blocked_answer (self, item);
      pending_free (pending);
      return;
    }

  status = item != NULL ? rds_shape_get_string (item, RDS_IS_DB_SNAPSHOT (item) ? "status" : "db-instance-status") : NULL;
  if (item != NULL && RDS_IS_DB_SNAPSHOT (item))
    {
      self->progress = rds_shape_get_int (item, "percent-progress") / 100.0;
      ready = g_strcmp0 (status, "available") == 0;
    }
  else if (item != NULL)
    {
      gboolean available = g_strcmp0 (status, "available") == 0;

      /* Not "available" alone: what was asked must show. */
      if (self->step == RDS_ENCRYPT_STEP_SETTINGS)
        ready = available && settings_missing (self, item) == NULL;
      else if (self->step == RDS_ENCRYPT_STEP_CUT_OVER)
        ready = available && renamed (self, item);
      else
        ready = available;
      self->progress = ready ? 1.0 : MAX (self->progress, 0.5);

      if (available && !ready && self->unsettled == 0)
        self->unsettled = rds_session_get_now (self->session);
      if (available && !ready && rds_session_get_now (self->session) - self->unsettled >= UNSETTLED_USEC)
        {
          const char *missing = self->step == RDS_ENCRYPT_STEP_SETTINGS ? settings_missing (self, item) : NULL;

          /* Not what was asked, and not getting there: said, and sent
           * again if the job goes on. */
          self->requested = FALSE;
          self->attempted = FALSE;
          if (missing != NULL)
            /* Translators: the first %s is a database, the second a setting, such as "the backup window" */
            fail (self, g_error_new (RDS_AWS_ERROR, RDS_AWS_ERROR_UNKNOWN, _("%s didn’t take %s of the original."),
                                     watched_name (self, &is_snapshot), missing));
          else
            /* Translators: %s is a database */
            fail (self, g_error_new (RDS_AWS_ERROR, RDS_AWS_ERROR_UNKNOWN, _("%s wasn’t renamed."),
                                     rds_shape_get_string (item, "db-instance-identifier")));
          pending_free (pending);
          return;
        }
      if (!available)
        self->unsettled = 0;
    }

  if (g_strcmp0 (status, "failed") == 0)
    {
      fail (self, g_error_new (RDS_AWS_ERROR, RDS_AWS_ERROR_UNKNOWN, _("%s failed."), watched_name (self, &ready)));
      pending_free (pending);
      return;
    }

  if (ready)
    next_part (self, self->step != RDS_ENCRYPT_STEP_CUT_OVER || self->part == 1);
  else
    {
      changed (self);
      schedule_poll (self);
    }
  pending_free (pending);
}

static void
poll (RdsEncryptJob *self)
{
  g_autoptr(RdsRequest) request = NULL;
  gboolean is_snapshot;
  const char *name;

  if (!self->running || self->busy || !(self->requested || self->blocked) || self->session == NULL ||
      (name = polled_name (self, &is_snapshot)) == NULL)
    return;

  g_clear_handle_id (&self->poll_source, g_source_remove);
  request = rds_request_new (is_snapshot ? "DescribeDBSnapshots" : "DescribeDBInstances");
  rds_request_set (request, is_snapshot ? "DBSnapshotIdentifier" : "DBInstanceIdentifier", name);
  self->busy = TRUE;
  rds_client_call_async (client (self), request, self->cancellable, poll_answer_cb, pending_new (self));
}

static gboolean
poll_cb (gpointer data)
{
  RdsEncryptJob *self = data;

  self->poll_source = 0;
  poll (self);
  return G_SOURCE_REMOVE;
}

/* The session read its lists again (the clock moved, say): look now. */
static void
list_refreshed_cb (RdsEncryptJob *self)
{
  poll (self);
}

/* Sending a step's request */

static void
request_answer_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Pending *pending = user_data;
  RdsEncryptJob *self = pending->self;
  g_autoptr(RdsQueryResult) answer = NULL;
  GError *error = NULL;
  gboolean sent_before;

  answer = rds_client_call_finish (RDS_CLIENT (object), result, &error);
  if (!pending_current (pending))
    {
      g_clear_error (&error);
      pending_free (pending);
      return;
    }
  self->busy = FALSE;

  /* Sent before, by this job, before the console closed; otherwise "already
   * exists" is someone else's, and not ours to take. */
  sent_before = (self->step == RDS_ENCRYPT_STEP_CLEAN_UP &&
                 (g_error_matches (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND) ||
                  g_error_matches (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_SNAPSHOT_NOT_FOUND))) ||
                (pending->resent && (g_error_matches (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_SNAPSHOT_ALREADY_EXISTS) ||
                g_error_matches (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_INSTANCE_ALREADY_EXISTS) ||
                ((self->step == RDS_ENCRYPT_STEP_CUT_OVER || self->step == RDS_ENCRYPT_STEP_CLEAN_UP) &&
                 (g_error_matches (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND) ||
                  g_error_matches (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_SNAPSHOT_NOT_FOUND)))));
  /* Refused for the state of what it acts on (the source backing up,
   * say): sent again once that is available. What an earlier attempt may
   * have made still may be there. */
  if (answer == NULL && !sent_before && self->refusals < MAX_REFUSALS &&
      (g_error_matches (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE) ||
       g_error_matches (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_DB_SNAPSHOT_STATE)))
    {
      g_clear_error (&error);
      self->attempted = pending->resent;
      self->refusals++;
      self->blocked = TRUE;
      if (self->waiting_for == NULL)
        set_waiting_for (self, NULL);
      changed (self);
      schedule_poll (self);
      pending_free (pending);
      return;
    }
  if (answer == NULL && !sent_before)
    {
      /* The service answered no: nothing was made, and sending again
       * later is a first attempt again. */
      if (error->domain == RDS_AWS_ERROR)
        self->attempted = FALSE;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_clear_error (&error);
      else
        fail (self, g_steal_pointer (&error));
      pending_free (pending);
      return;
    }
  g_clear_error (&error);

  self->requested = TRUE;
  self->refusals = 0;
  g_clear_pointer (&self->waiting_for, g_free);
  changed (self);
  /* What it changed shows in the pages' lists (of the job's Region). */
  if (self->session != NULL && g_strcmp0 (rds_session_get_region (self->session), self->region) == 0)
    rds_session_refresh (self->session);

  /* Deleting needs no watching: gone is gone. */
  if (self->step == RDS_ENCRYPT_STEP_CLEAN_UP)
    next_part (self, self->part == 2);
  else
    poll (self);
  pending_free (pending);
}

static void
add_source_settings (RdsEncryptJob *self,
                     RdsRequest    *request)
{
  RdsShape *source = RDS_SHAPE (self->source);
  RdsShape *subnet_group = rds_shape_get_object (source, "db-subnet-group");
  GListModel *groups = rds_shape_get_list (source, "vpc-security-groups");
  GListModel *parameter_groups = rds_shape_get_list (source, "db-parameter-groups");
  GListModel *tags = rds_shape_get_list (source, "tag-list");
  GListModel *option_groups = rds_shape_get_list (source, "option-group-memberships");
  const char * const *log_exports = rds_shape_get_strv (source, "enabled-cloudwatch-logs-exports");
  RdsShape *endpoint = rds_shape_get_object (source, "endpoint");

  rds_request_set (request, "DBInstanceClass", rds_shape_get_string (source, "db-instance-class"));
  rds_request_set_boolean (request, "MultiAZ", rds_shape_get_boolean (source, "multi-az"));
  if (!rds_shape_get_boolean (source, "multi-az"))
    rds_request_set (request, "AvailabilityZone", rds_shape_get_string (source, "availability-zone"));
  rds_request_set_boolean (request, "PubliclyAccessible", rds_shape_get_boolean (source, "publicly-accessible"));
  rds_request_set_boolean (request, "CopyTagsToSnapshot", rds_shape_get_boolean (source, "copy-tags-to-snapshot"));
  rds_request_set_boolean (request, "AutoMinorVersionUpgrade",
                           rds_shape_get_boolean (source, "auto-minor-version-upgrade"));
  rds_request_set (request, "StorageType", rds_shape_get_string (source, "storage-type"));
  if (rds_shape_get_int (source, "iops") > 0)
    rds_request_set_int (request, "Iops", rds_shape_get_int (source, "iops"));
  if (rds_shape_get_int (source, "storage-throughput") > 0)
    rds_request_set_int (request, "StorageThroughput", rds_shape_get_int (source, "storage-throughput"));
  if (endpoint != NULL && rds_shape_get_int (endpoint, "port") > 0)
    rds_request_set_int (request, "Port", rds_shape_get_int (endpoint, "port"));
  if (subnet_group != NULL)
    rds_request_set (request, "DBSubnetGroupName", rds_shape_get_string (subnet_group, "db-subnet-group-name"));
  for (guint i = 0; groups != NULL && i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(RdsShape) group = g_list_model_get_item (groups, i);

      rds_request_add_list_item (request, "VpcSecurityGroupIds", "VpcSecurityGroupId",
                                 rds_shape_get_string (group, "vpc-security-group-id"));
    }
  if (parameter_groups != NULL && g_list_model_get_n_items (parameter_groups) > 0)
    {
      g_autoptr(RdsShape) group = g_list_model_get_item (parameter_groups, 0);

      rds_request_set (request, "DBParameterGroupName", rds_shape_get_string (group, "db-parameter-group-name"));
    }
  if (option_groups != NULL && g_list_model_get_n_items (option_groups) > 0)
    {
      g_autoptr(RdsShape) group = g_list_model_get_item (option_groups, 0);

      rds_request_set (request, "OptionGroupName", rds_shape_get_string (group, "option-group-name"));
    }
  rds_request_set_boolean (request, "EnableIAMDatabaseAuthentication",
                           rds_shape_get_boolean (source, "iam-database-authentication-enabled"));
  for (guint i = 0; log_exports != NULL && log_exports[i] != NULL; i++)
    rds_request_add_list_item (request, "EnableCloudwatchLogsExports", "member", log_exports[i]);
  for (guint i = 0; tags != NULL && i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(RdsShape) tag = g_list_model_get_item (tags, i);

      rds_request_add_tag (request, "Tags", rds_shape_get_string (tag, "key"), rds_shape_get_string (tag, "value"));
    }
}

static RdsRequest *
build_request (RdsEncryptJob *self)
{
  RdsShape *source = RDS_SHAPE (self->source);
  RdsRequest *request = NULL;

  switch (self->step)
    {
    case RDS_ENCRYPT_STEP_SNAPSHOT:
      request = rds_request_new ("CreateDBSnapshot");
      rds_request_set (request, "DBInstanceIdentifier", source_id (self));
      rds_request_set (request, "DBSnapshotIdentifier", self->names[RDS_ENCRYPT_STEP_SNAPSHOT]);
      break;
    case RDS_ENCRYPT_STEP_COPY:
      request = rds_request_new ("CopyDBSnapshot");
      rds_request_set (request, "SourceDBSnapshotIdentifier", self->names[RDS_ENCRYPT_STEP_SNAPSHOT]);
      rds_request_set (request, "TargetDBSnapshotIdentifier", self->names[RDS_ENCRYPT_STEP_COPY]);
      rds_request_set (request, "KmsKeyId", self->kms_key_id);
      rds_request_set_boolean (request, "CopyTags", TRUE);
      break;
    case RDS_ENCRYPT_STEP_RESTORE:
      request = rds_request_new ("RestoreDBInstanceFromDBSnapshot");
      rds_request_set (request, "DBInstanceIdentifier", self->names[RDS_ENCRYPT_STEP_RESTORE]);
      rds_request_set (request, "DBSnapshotIdentifier", self->names[RDS_ENCRYPT_STEP_COPY]);
      add_source_settings (self, request);
      break;
    case RDS_ENCRYPT_STEP_SETTINGS:
      /* What a restore doesn't take from a snapshot, nor as a parameter
       * of its own; settings_missing() checks each. */
      request = rds_request_new ("ModifyDBInstance");
      rds_request_set (request, "DBInstanceIdentifier", self->names[RDS_ENCRYPT_STEP_RESTORE]);
      rds_request_set_int (request, "BackupRetentionPeriod", rds_shape_get_int (source, "backup-retention-period"));
      rds_request_set (request, "PreferredBackupWindow", rds_shape_get_string (source, "preferred-backup-window"));
      rds_request_set (request, "PreferredMaintenanceWindow",
                       rds_shape_get_string (source, "preferred-maintenance-window"));
      rds_request_set_boolean (request, "DeletionProtection", rds_shape_get_boolean (source, "deletion-protection"));
      if (rds_shape_get_int (source, "max-allocated-storage") > 0)
        rds_request_set_int (request, "MaxAllocatedStorage", rds_shape_get_int (source, "max-allocated-storage"));
      if (rds_shape_get_int (source, "monitoring-interval") > 0)
        {
          rds_request_set_int (request, "MonitoringInterval", rds_shape_get_int (source, "monitoring-interval"));
          rds_request_set (request, "MonitoringRoleArn", rds_shape_get_string (source, "monitoring-role-arn"));
        }
      if (rds_shape_get_tristate (source, "performance-insights-enabled") == RDS_TRISTATE_TRUE)
        {
          rds_request_set_boolean (request, "EnablePerformanceInsights", TRUE);
          if (rds_shape_get_int (source, "performance-insights-retention-period") > 0)
            rds_request_set_int (request, "PerformanceInsightsRetentionPeriod",
                                 rds_shape_get_int (source, "performance-insights-retention-period"));
          rds_request_set (request, "PerformanceInsightsKMSKeyId",
                           rds_shape_get_string (source, "performance-insights-kms-key-id"));
        }
      rds_request_set_boolean (request, "ApplyImmediately", TRUE);
      break;
    case RDS_ENCRYPT_STEP_CUT_OVER:
      request = rds_request_new ("ModifyDBInstance");
      rds_request_set (request, "DBInstanceIdentifier",
                       self->part == 0 ? source_id (self) : self->names[RDS_ENCRYPT_STEP_RESTORE]);
      rds_request_set (request, "NewDBInstanceIdentifier",
                       self->part == 0 ? self->names[RDS_ENCRYPT_STEP_CUT_OVER] : source_id (self));
      rds_request_set_boolean (request, "ApplyImmediately", TRUE);
      break;
    case RDS_ENCRYPT_STEP_CLEAN_UP:
      if (self->part == 0)
        {
          /* The old, unencrypted instance: only once the new one has its
           * name; step() keeps it when it is protected or has replicas. */
          if (!self->cut_over)
            return NULL;
          request = rds_request_new ("DeleteDBInstance");
          rds_request_set (request, "DBInstanceIdentifier", self->names[RDS_ENCRYPT_STEP_CUT_OVER]);
          rds_request_set_boolean (request, "SkipFinalSnapshot", TRUE);
        }
      else
        {
          request = rds_request_new ("DeleteDBSnapshot");
          rds_request_set (request, "DBSnapshotIdentifier",
                           self->names[self->part == 1 ? RDS_ENCRYPT_STEP_SNAPSHOT : RDS_ENCRYPT_STEP_COPY]);
        }
      break;
    case RDS_ENCRYPT_STEP_DONE:
    case RDS_ENCRYPT_N_STEPS:
    default:
      break;
    }
  return request;
}

/* The old instance, renamed aside, looked at before the clean-up deletes
 * it: kept if its owner protects it, or if it still has read replicas
 * (deleting it would make them standalone instances, and they replicate
 * the unencrypted data anyway). */
static void
original_answer_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Pending *pending = user_data;
  RdsEncryptJob *self = pending->self;
  g_autoptr(RdsQueryResult) answer = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *replicas;
  RdsShape *item;

  answer = rds_client_call_finish (RDS_CLIENT (object), result, &error);
  if (!pending_current (pending))
    {
      pending_free (pending);
      return;
    }
  self->busy = FALSE;

  /* Gone: deleted before the console closed, say. */
  if (answer == NULL && !g_error_matches (error, RDS_AWS_ERROR, RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail (self, g_steal_pointer (&error));
      pending_free (pending);
      return;
    }

  item = answer != NULL && answer->items->len > 0 ? g_ptr_array_index (answer->items, 0) : NULL;
  replicas = item != NULL ? rds_shape_get_strv (item, "read-replica-db-instance-identifiers") : NULL;
  /* Only the instance the job renamed aside is deleted: one that merely
   * has its name (left by another run, or made since) is someone's. */
  if (item != NULL && rds_shape_get_string (item, "dbi-resource-id") != NULL &&
      rds_db_instance_get_resource_id (self->source) != NULL &&
      g_strcmp0 (rds_shape_get_string (item, "dbi-resource-id"),
                 rds_db_instance_get_resource_id (self->source)) != 0)
    self->kept = RDS_ENCRYPT_KEPT_NOT_OURS;
  else if (item != NULL && rds_shape_get_boolean (item, "deletion-protection"))
    self->kept = RDS_ENCRYPT_KEPT_PROTECTED;
  else if (replicas != NULL && replicas[0] != NULL)
    self->kept = RDS_ENCRYPT_KEPT_REPLICAS;

  if (self->kept != RDS_ENCRYPT_KEPT_NONE ||
      (item != NULL && g_strcmp0 (rds_shape_get_string (item, "db-instance-status"), "deleting") == 0))
    next_part (self, FALSE);
  else
    {
      self->replicas_checked = TRUE;
      step (self);
    }
  pending_free (pending);
}

static void
step (RdsEncryptJob *self)
{
  g_autoptr(RdsRequest) request = NULL;
  Pending *pending;

  if (!self->running || self->busy || self->step >= RDS_ENCRYPT_STEP_DONE)
    return;
  if (self->session == NULL)
    {
      rds_encrypt_job_stop (self);
      return;
    }

  if (self->requested)
    {
      poll (self);
      return;
    }

  if (self->step == RDS_ENCRYPT_STEP_CLEAN_UP && !self->clean_up)
    {
      next_part (self, TRUE);
      return;
    }

  /* The old instance, before it is deleted: as it is now. */
  if (self->step == RDS_ENCRYPT_STEP_CLEAN_UP && self->part == 0 && self->cut_over && !self->replicas_checked)
    {
      g_autoptr(RdsRequest) describe = rds_request_new ("DescribeDBInstances");

      rds_request_set (describe, "DBInstanceIdentifier", self->names[RDS_ENCRYPT_STEP_CUT_OVER]);
      self->busy = TRUE;
      rds_client_call_async (client (self), describe, self->cancellable, original_answer_cb, pending_new (self));
      return;
    }

  request = build_request (self);
  if (request == NULL)
    {
      /* Nothing to send for this part (no old instance to delete). */
      next_part (self, self->step == RDS_ENCRYPT_STEP_CLEAN_UP && self->part == 2);
      return;
    }

  /* Said before it is sent: a console closed before the answer sends it
   * again, and knows an "already exists" is its own. */
  pending = pending_new (self);
  pending->resent = self->attempted;
  if (!self->attempted)
    {
      self->attempted = TRUE;
      changed (self);
    }
  self->busy = TRUE;
  rds_client_call_async (client (self), request, self->cancellable, request_answer_cb, pending);
}

/* GObject */

static void
rds_encrypt_job_dispose (GObject *object)
{
  RdsEncryptJob *self = RDS_ENCRYPT_JOB (object);

  rds_encrypt_job_stop (self);
  g_clear_object (&self->list_signals);

  G_OBJECT_CLASS (rds_encrypt_job_parent_class)->dispose (object);
}

static void
rds_encrypt_job_finalize (GObject *object)
{
  RdsEncryptJob *self = RDS_ENCRYPT_JOB (object);

  g_clear_weak_pointer (&self->session);
  g_clear_object (&self->source);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_free (self->endpoint);
  g_free (self->region);
  g_free (self->kms_key_id);
  g_free (self->waiting_for);
  for (guint i = 0; i < RDS_ENCRYPT_N_STEPS; i++)
    g_free (self->names[i]);

  G_OBJECT_CLASS (rds_encrypt_job_parent_class)->finalize (object);
}

static void
rds_encrypt_job_class_init (RdsEncryptJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rds_encrypt_job_dispose;
  object_class->finalize = rds_encrypt_job_finalize;

  /**
   * RdsEncryptJob::changed:
   *
   * The job moved on, failed, or learned how far its step is: its state
   * (and its JSON) changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rds_encrypt_job_init (RdsEncryptJob *self)
{
  self->cancellable = g_cancellable_new ();
  self->list_signals = g_signal_group_new (RDS_TYPE_RESOURCE_LIST);
  g_signal_group_connect_swapped (self->list_signals, "refreshed", G_CALLBACK (list_refreshed_cb), self);
}

static void
attach (RdsEncryptJob *self,
        RdsSession    *session)
{
  g_set_weak_pointer (&self->session, session);
  g_free (self->endpoint);
  self->endpoint = g_strdup (rds_session_get_endpoint (session));
  if (self->region == NULL)
    self->region = g_strdup (rds_session_get_region (session));
  g_signal_group_set_target (self->list_signals, rds_session_get_snapshots (session));
}

/**
 * rds_encrypt_job_new:
 * @source: the unencrypted instance, as it is now (its settings go to the
 *   encrypted one)
 * @kms_key_id: the key of the encrypted copy
 * @cut_over: whether the new instance takes @source's name (and @source is
 *   renamed aside)
 * @clean_up: whether the old instance (after a cut-over) and the interim
 *   snapshots are deleted at the end
 */
RdsEncryptJob *
rds_encrypt_job_new (RdsSession    *session,
                     RdsDbInstance *source,
                     const char    *kms_key_id,
                     gboolean       cut_over,
                     gboolean       clean_up)
{
  RdsEncryptJob *self;

  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_DB_INSTANCE (source), NULL);
  g_return_val_if_fail (kms_key_id != NULL, NULL);

  self = g_object_new (RDS_TYPE_ENCRYPT_JOB, NULL);
  self->source = RDS_DB_INSTANCE (rds_shape_copy (RDS_SHAPE (source)));
  self->kms_key_id = g_strdup (kms_key_id);
  self->cut_over = cut_over;
  self->clean_up = clean_up;
  attach (self, session);
  make_names (self);
  return self;
}

/* {"endpoint", "region", "source": {the instance}, "kmsKeyId", "cutOver",
 *  "cleanUp", "step", "part", "attempted", "requested", "originalKept"} */
JsonNode *
rds_encrypt_job_to_json (RdsEncryptJob *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (RDS_IS_ENCRYPT_JOB (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "endpoint");
  json_builder_add_string_value (builder, self->endpoint);
  json_builder_set_member_name (builder, "region");
  json_builder_add_string_value (builder, self->region);
  json_builder_set_member_name (builder, "source");
  json_builder_add_value (builder, rds_shape_to_json (RDS_SHAPE (self->source)));
  json_builder_set_member_name (builder, "kmsKeyId");
  json_builder_add_string_value (builder, self->kms_key_id);
  json_builder_set_member_name (builder, "cutOver");
  json_builder_add_boolean_value (builder, self->cut_over);
  json_builder_set_member_name (builder, "cleanUp");
  json_builder_add_boolean_value (builder, self->clean_up);
  json_builder_set_member_name (builder, "step");
  json_builder_add_string_value (builder, step_names[self->step]);
  json_builder_set_member_name (builder, "part");
  json_builder_add_int_value (builder, self->part);
  json_builder_set_member_name (builder, "attempted");
  json_builder_add_boolean_value (builder, self->attempted);
  json_builder_set_member_name (builder, "requested");
  json_builder_add_boolean_value (builder, self->requested);
  json_builder_set_member_name (builder, "originalKept");
  json_builder_add_string_value (builder, kept_names[self->kept]);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * rds_encrypt_job_new_from_json:
 *
 * A job where rds_encrypt_job_to_json() said it was, to go on with.
 */
RdsEncryptJob *
rds_encrypt_job_new_from_json (RdsSession  *session,
                               JsonNode    *node,
                               GError     **error)
{
  g_autoptr(RdsEncryptJob) self = NULL;
  g_autoptr(RdsShape) source = NULL;
  JsonObject *object;
  const char *step_name;
  gboolean found = FALSE;

  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      !json_object_has_member (object = json_node_get_object (node), "source") ||
      json_object_get_string_member_with_default (object, "kmsKeyId", NULL) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "not an encryption job");
      return NULL;
    }
  if ((source = rds_shape_new_from_json (RDS_TYPE_DB_INSTANCE, json_object_get_member (object, "source"),
                                         error)) == NULL)
    return NULL;

  self = g_object_new (RDS_TYPE_ENCRYPT_JOB, NULL);
  self->source = RDS_DB_INSTANCE (g_steal_pointer (&source));
  self->kms_key_id = g_strdup (json_object_get_string_member (object, "kmsKeyId"));
  self->cut_over = json_object_get_boolean_member_with_default (object, "cutOver", FALSE);
  self->clean_up = json_object_get_boolean_member_with_default (object, "cleanUp", FALSE);
  self->region = g_strdup (json_object_get_string_member_with_default (object, "region", NULL));
  self->part = (guint) CLAMP (json_object_get_int_member_with_default (object, "part", 0), 0, 2);
  self->requested = json_object_get_boolean_member_with_default (object, "requested", FALSE);
  self->attempted = json_object_get_boolean_member_with_default (object, "attempted", self->requested);
  for (guint i = 0; i < G_N_ELEMENTS (kept_names); i++)
    if (g_strcmp0 (json_object_get_string_member_with_default (object, "originalKept", NULL), kept_names[i]) == 0)
      self->kept = i;
  step_name = json_object_get_string_member_with_default (object, "step", "snapshot");
  for (guint i = 0; i < RDS_ENCRYPT_N_STEPS; i++)
    if (g_strcmp0 (step_name, step_names[i]) == 0)
      {
        self->step = i;
        found = TRUE;
      }
  if (!found || rds_db_instance_get_identifier (self->source) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "an encryption job at an unknown step %s",
                   step_name);
      return NULL;
    }
  attach (self, session);
  make_names (self);
  return g_steal_pointer (&self);
}

/**
 * rds_encrypt_job_run:
 *
 * Goes on from where the job is (again, after a failure).
 */
void
rds_encrypt_job_run (RdsEncryptJob *self)
{
  g_return_if_fail (RDS_IS_ENCRYPT_JOB (self));

  if (self->running || self->step >= RDS_ENCRYPT_STEP_DONE)
    return;

  g_clear_error (&self->error);
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
    }
  self->running = TRUE;
  self->busy = FALSE;
  /* What was refused is sent again; what waited waits again. */
  self->blocked = FALSE;
  self->refusals = 0;
  self->unsettled = 0;
  g_clear_pointer (&self->waiting_for, g_free);
  changed (self);
  step (self);
}

/**
 * rds_encrypt_job_stop:
 *
 * Stops watching and sending; nothing is undone. rds_encrypt_job_run()
 * goes on.
 */
void
rds_encrypt_job_stop (RdsEncryptJob *self)
{
  g_return_if_fail (RDS_IS_ENCRYPT_JOB (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->poll_source, g_source_remove);
  if (self->running)
    {
      self->running = FALSE;
      self->busy = FALSE;
      changed (self);
    }
}

RdsEncryptStep
rds_encrypt_job_get_step (RdsEncryptJob *self)
{
  g_return_val_if_fail (RDS_IS_ENCRYPT_JOB (self), RDS_ENCRYPT_STEP_SNAPSHOT);

  return self->step;
}

/* How far the current step is, 0 to 1, as far as the API tells. */
double
rds_encrypt_job_get_step_progress (RdsEncryptJob *self)
{
  g_return_val_if_fail (RDS_IS_ENCRYPT_JOB (self), 0);

  return self->progress;
}

gboolean
rds_encrypt_job_get_running (RdsEncryptJob *self)
{
  g_return_val_if_fail (RDS_IS_ENCRYPT_JOB (self), FALSE);

  return self->running;
}

const GError *
rds_encrypt_job_get_error (RdsEncryptJob *self)
{
  g_return_val_if_fail (RDS_IS_ENCRYPT_JOB (self), NULL);

  return self->error;
}

const char *
rds_encrypt_job_get_source (RdsEncryptJob *self)
{
  g_return_val_if_fail (RDS_IS_ENCRYPT_JOB (self), NULL);

  return source_id (self);
}

const char *
rds_encrypt_job_get_kms_key_id (RdsEncryptJob *self)
{
  g_return_val_if_fail (RDS_IS_ENCRYPT_JOB (self), NULL);

  return self->kms_key_id;
}

/**
 * rds_encrypt_job_get_name:
 * @step: RDS_ENCRYPT_STEP_SNAPSHOT (the snapshot), COPY (the encrypted
 *   copy), RESTORE (the new instance's name before a cut-over) or CUT_OVER
 *   (the old instance's name after it)
 *
 * Returns: (nullable): the name the job gives what @step makes
 */
const char *
rds_encrypt_job_get_name (RdsEncryptJob  *self,
                          RdsEncryptStep  which)
{
  g_return_val_if_fail (RDS_IS_ENCRYPT_JOB (self), NULL);
  g_return_val_if_fail (which < RDS_ENCRYPT_N_STEPS, NULL);

  return self->names[which];
}

gboolean
rds_encrypt_job_get_cut_over (RdsEncryptJob *self)
{
  g_return_val_if_fail (RDS_IS_ENCRYPT_JOB (self), FALSE);

  return self->cut_over;
}

gboolean
rds_encrypt_job_get_clean_up (RdsEncryptJob *self)
{
  g_return_val_if_fail (RDS_IS_ENCRYPT_JOB (self), FALSE);

  return self->clean_up;
}

const char *
rds_encrypt_job_get_endpoint (RdsEncryptJob *self)
{
  g_return_val_if_fail (RDS_IS_ENCRYPT_JOB (self), NULL);

  return self->endpoint;
}

const char *
rds_encrypt_job_get_region (RdsEncryptJob *self)
{
  g_return_val_if_fail (RDS_IS_ENCRYPT_JOB (self), NULL);

  return self->region;
}

/**
 * rds_encrypt_job_get_waiting_for:
 *
 * Returns: (nullable): what the running job waits for before it can go
 *   on (the source backing up, say), to show; %NULL when nothing
 */
const char *
rds_encrypt_job_get_waiting_for (RdsEncryptJob *self)
{
  g_return_val_if_fail (RDS_IS_ENCRYPT_JOB (self), NULL);

  return self->running ? self->waiting_for : NULL;
}

/**
 * rds_encrypt_job_get_original_kept:
 *
 * Returns: why the clean-up left the original instance (renamed aside),
 *   or %RDS_ENCRYPT_KEPT_NONE
 */
RdsEncryptKept
rds_encrypt_job_get_original_kept (RdsEncryptJob *self)
{
  g_return_val_if_fail (RDS_IS_ENCRYPT_JOB (self), RDS_ENCRYPT_KEPT_NONE);

  return self->kept;
}
