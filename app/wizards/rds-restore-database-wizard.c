/* rds-restore-database-wizard.c: Restore to point in time, and Restore snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The RDS console's two restore pages as one wizard (reference §5.3,
 * §5.4). Restore to point in time: at the top the restore time, the
 * latest restorable time or a custom date and time in UTC, checked
 * against the restorable window (DescribeDBInstanceAutomatedBackups'
 * RestoreWindow, or the oldest automated snapshot), which a time line
 * draws with the time chosen. Restore snapshot: the snapshot. Then the
 * source and what a restore keeps (engine and version, encryption, master
 * user, the least storage), read-only; then the form in its restore mode
 * (rds-database-form): the new identifier, class, storage, Multi-AZ,
 * connectivity (VPC security groups too), IAM DB authentication,
 * parameter and option groups, the source's tags, copying tags and
 * deletion protection, each starting as the source has it where the
 * source is known (the snapshot's instance, or the instance restored).
 * On the right the new instance's monthly cost. Restore DB instance sends
 * RestoreDBInstanceToPointInTime (RestoreTime or UseLatestRestorableTime)
 * or RestoreDBInstanceFromDBSnapshot; the service's refusal shows next to
 * its field (the restore time's too), or at the top; on success "created"
 * tells the window, which shows the new instance.
 */

#include "config.h"

#include "rds-restore-database-wizard.h"

#include "rds-widget-util.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rds-accessible-names.h"
#include "rds-aws-error.h"
#include "rds-cost-panel.h"
#include "rds-database-form.h"
#include "rds-db-instance.h"
#include "rds-endpoint.h"
#include "rds-form-field.h"
#include "rds-format.h"
#include "rds-heading.h"
#include "rds-info-button.h"
#include "rds-option-group-membership.h"
#include "rds-resource-list.h"
#include "rds-restore-timeline.h"
#include "rds-session.h"

struct _RdsRestoreDatabaseWizard
{
  GtkWidget        parent_instance;

  RdsSession      *session;
  RdsDbInstance   *instance;      /* the source, live from the session's list (point in time) */
  RdsDbSnapshot   *snapshot;      /* or the snapshot */
  RdsDbInstanceAutomatedBackup *backup; /* or the retained backups of a deleted instance */
  RdsDbInstance   *source;        /* what the form starts from */
  RdsDatabaseForm *form;
  GCancellable    *cancellable;
  gboolean         busy;
  gboolean         loading;       /* the restorable window */
  gboolean         syncing;       /* the entries and the time line, from each other */
  gint64           earliest;
  gint64           latest;
  char            *error_text;
  gboolean         error_at_top;

  GtkWidget       *heading;
  GtkWidget       *intro_label;
  GtkWidget       *form_box;
  GtkWidget       *error_box;
  GtkWidget       *error_label;
  GtkWidget       *time_section;
  GtkWidget       *window_label;
  GtkWidget       *latest_check;
  GtkWidget       *latest_label;
  GtkWidget       *custom_check;
  GtkWidget       *time_field;
  GtkWidget       *date_entry;
  GtkWidget       *clock_entry;
  GtkWidget       *timeline;
  GtkWidget       *source_value;
  GtkWidget       *engine_value;
  GtkWidget       *username_value;
  GtkWidget       *encryption_value;
  GtkWidget       *storage_value;
  RdsCostPanel    *cost_panel;
  GtkWidget       *spinner;
  GtkWidget       *status_label;
  GtkWidget       *restore_button;
  GtkWidget       *restore_spinner;
  GtkWidget       *restore_label;
};

G_DEFINE_FINAL_TYPE (RdsRestoreDatabaseWizard, rds_restore_database_wizard, GTK_TYPE_WIDGET)

enum {
  CANCELLED,
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
point_in_time (RdsRestoreDatabaseWizard *self)
{
  return self->snapshot == NULL;
}

static char *
format_utc (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return time != NULL ? rds_format_restore_time (NULL, time) : g_strdup ("");
}

/* The DB instance whose backups a point in time is of: by its name, or
 * the name it had. */
static const char *
source_identifier (RdsRestoreDatabaseWizard *self)
{
  if (self->backup != NULL)
    return rds_shape_get_string (RDS_SHAPE (self->backup), "db-instance-identifier");
  return self->instance != NULL ? rds_db_instance_get_identifier (self->instance) : NULL;
}

/* And its resource ID, which no other instance has, even one that took
 * the name of a deleted one. */
static const char *
source_resource_id (RdsRestoreDatabaseWizard *self)
{
  if (self->backup != NULL)
    return rds_db_instance_automated_backup_get_resource_id (self->backup);
  return self->instance != NULL ? rds_db_instance_get_resource_id (self->instance) : NULL;
}

/* The latest restorable time: the window's, or the instance's own when it
 * moved on since (it does, every 5 minutes). */
static gint64
latest_time (RdsRestoreDatabaseWizard *self)
{
  gint64 own = self->instance != NULL
               ? rds_shape_get_timestamp (RDS_SHAPE (self->instance), "latest-restorable-time") : 0;

  return MAX (self->latest, own);
}

/* The restore time */

/* Reads the custom date and time; NULL if they are well-formed, else what
 * to fix. */
static char *
parse_custom (RdsRestoreDatabaseWizard *self,
              gint64                   *usec)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  const char *clock = gtk_editable_get_text (GTK_EDITABLE (self->clock_entry));
  int year, month, day, hour, minute, second = 0;
  char end;
  g_autoptr(GDateTime) time = NULL;

  if (sscanf (date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3)
    return g_strdup (_("Enter the date as YYYY-MM-DD, such as 2026-01-31."));
  if (sscanf (clock, "%2d:%2d:%2d%c", &hour, &minute, &second, &end) != 3 &&
      sscanf (clock, "%2d:%2d%c", &hour, &minute, &end) != 2)
    return g_strdup (_("Enter the time of day as HH:MM:SS in UTC, such as 14:05:00."));
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 ||
      (time = g_date_time_new_utc (year, month, day, hour, minute, second)) == NULL)
    return g_strdup (_("That date or time doesn’t exist. Enter a date as YYYY-MM-DD and a time as HH:MM:SS."));
  *usec = g_date_time_to_unix (time) * G_USEC_PER_SEC;
  return NULL;
}

/* What is wrong with the restore time chosen, if anything. */
static char *
time_problem (RdsRestoreDatabaseWizard *self)
{
  g_autofree char *earliest = NULL;
  g_autofree char *latest = NULL;
  gint64 usec = 0;
  char *problem;

  if (!point_in_time (self) || !rds_form_is_active (self->custom_check))
    return NULL;
  if ((problem = parse_custom (self, &usec)) != NULL)
    return problem;
  if (self->earliest <= 0)
    return NULL;
  if (usec >= self->earliest && usec <= latest_time (self))
    return NULL;
  earliest = format_utc (self->earliest);
  latest = format_utc (latest_time (self));
  /* Translators: the restorable window, from %s to %s */
  return g_strdup_printf (_("That time is outside the restorable window. Choose a time from %s to %s."),
                          earliest, latest);
}

static gboolean
time_valid (RdsRestoreDatabaseWizard *self)
{
  g_autofree char *problem = NULL;

  if (!point_in_time (self))
    return TRUE;
  if (self->loading || self->earliest <= 0)
    return FALSE;
  problem = time_problem (self);
  return problem == NULL;
}

static void
fill_custom (RdsRestoreDatabaseWizard *self,
             gint64                    usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autofree char *date = g_date_time_format (time, "%Y-%m-%d");
  g_autofree char *clock = g_date_time_format (time, "%H:%M:%S");

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
  gtk_editable_set_text (GTK_EDITABLE (self->clock_entry), clock);
  self->syncing = FALSE;
}

static void
update_time (RdsRestoreDatabaseWizard *self)
{
  gboolean custom = rds_form_is_active (self->custom_check);
  g_autofree char *problem = NULL;
  g_autofree char *window = NULL;
  g_autofree char *latest = NULL;
  gint64 usec = 0;

  if (!point_in_time (self))
    return;

  latest = self->latest > 0 || latest_time (self) > 0 ? format_utc (latest_time (self)) : NULL;
  if (self->loading)
    window = g_strdup (_("Loading the restorable window…"));
  else if (self->earliest <= 0)
    window = g_strdup (_("There is no restorable window yet: the first automated backup isn’t finished."));
  else
    {
      g_autofree char *earliest = format_utc (self->earliest);

      /* Translators: the restorable window, from %s to %s (UTC times) */
      window = g_strdup_printf (_("You can restore to any second from %s to %s."), earliest, latest);
    }
  gtk_label_set_label (GTK_LABEL (self->window_label), window);
  gtk_label_set_label (GTK_LABEL (self->latest_label), latest != NULL ? latest : "");
  gtk_widget_set_visible (self->time_field, custom);

  rds_restore_timeline_set_window (RDS_RESTORE_TIMELINE (self->timeline), self->earliest, latest_time (self));
  self->syncing = TRUE;
  if (!custom)
    rds_restore_timeline_set_chosen (RDS_RESTORE_TIMELINE (self->timeline), latest_time (self));
  else if ((problem = parse_custom (self, &usec)) == NULL)
    rds_restore_timeline_set_chosen (RDS_RESTORE_TIMELINE (self->timeline), usec);
  self->syncing = FALSE;

  g_free (problem);
  problem = time_problem (self);
  /* A refusal of the service stays until the time changes. */
  if (problem != NULL || self->error_text == NULL || self->error_at_top)
    rds_form_field_set_error (RDS_FORM_FIELD (self->time_field), problem);
}

/* The wizard */

static void
update (RdsRestoreDatabaseWizard *self)
{
  const char *waiting_for = rds_database_form_get_waiting_for (self->form);
  gboolean spinning;
  RdsCostEstimate estimate;
  const char *status;

  if (waiting_for == NULL && self->loading)
    waiting_for = _("Loading the restorable window…");
  spinning = waiting_for != NULL && !self->busy;

  update_time (self);

  if (self->busy || self->error_at_top)
    status = NULL;
  else if (waiting_for != NULL)
    status = waiting_for;
  else
    status = self->error_text;

  gtk_label_set_label (GTK_LABEL (self->status_label), status != NULL ? status : "");
  gtk_label_set_label (GTK_LABEL (self->error_label), self->error_text != NULL ? self->error_text : "");
  gtk_widget_set_visible (self->error_box, self->error_at_top && self->error_text != NULL);
  gtk_widget_set_visible (self->spinner, spinning);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), spinning);

  gtk_widget_set_visible (self->restore_spinner, self->busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->restore_spinner), self->busy);
  gtk_label_set_label (GTK_LABEL (self->restore_label),
                       self->busy ? _("Restoring…") : _("_Restore DB instance"));
  rds_accessible_set_name (self->restore_button, gtk_label_get_text (GTK_LABEL (self->restore_label)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.restore",
                                 !self->busy && rds_database_form_get_valid (self->form) && time_valid (self));
  /* Once sent, a restore cannot be taken back: wait for its answer. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.cancel", !self->busy);

  rds_database_form_get_estimate (self->form, &estimate, NULL);
  rds_cost_panel_set_estimate (self->cost_panel, &estimate, FALSE);
}

/* A change after the service's error answers it. */
static void
changed_cb (RdsRestoreDatabaseWizard *self)
{
  if (!self->busy)
    {
      g_clear_pointer (&self->error_text, g_free);
      self->error_at_top = FALSE;
    }
  update (self);
}

static void
custom_toggled_cb (RdsRestoreDatabaseWizard *self)
{
  /* A custom time starts at the latest, to move back from. */
  if (rds_form_is_active (self->custom_check) &&
      *gtk_editable_get_text (GTK_EDITABLE (self->date_entry)) == '\0' && latest_time (self) > 0)
    fill_custom (self, latest_time (self));
  changed_cb (self);
}

static void
entry_changed_cb (RdsRestoreDatabaseWizard *self)
{
  if (!self->syncing)
    changed_cb (self);
}

/* The time line moved: that time, as a custom one. */
static void
timeline_chosen_cb (RdsRestoreDatabaseWizard *self)
{
  gint64 chosen = rds_restore_timeline_get_chosen (RDS_RESTORE_TIMELINE (self->timeline));

  if (self->syncing || chosen <= 0)
    return;
  self->syncing = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->custom_check), TRUE);
  self->syncing = FALSE;
  fill_custom (self, chosen);
  changed_cb (self);
}

static void
latest_moved_cb (RdsRestoreDatabaseWizard *self)
{
  update (self);
}

static void
set_busy (RdsRestoreDatabaseWizard *self,
          gboolean                  busy)
{
  self->busy = busy;
  rds_widget_set_sensitive (GTK_WIDGET (self->form), !busy);
  rds_widget_set_sensitive (self->time_section, !busy);
  update (self);
}

/* The restorable window */

typedef struct
{
  RdsRestoreDatabaseWizard *self;
} Load;

static void
load_free (Load *load)
{
  g_object_unref (load->self);
  g_free (load);
}

static void
window_loaded (RdsRestoreDatabaseWizard *self,
               gint64                    earliest,
               gint64                    latest)
{
  self->loading = FALSE;
  self->earliest = earliest;
  self->latest = latest;
  update (self);
}

/* The fallback: the oldest automated snapshot begins the window. */
static void
snapshots_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(GError) error = NULL;
  RdsQueryResult *answer = rds_session_call_finish (RDS_SESSION (object), result, &error);
  gint64 earliest = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      load_free (load);
      return;
    }
  for (guint i = 0; answer != NULL && answer->items != NULL && i < answer->items->len; i++)
    {
      gint64 taken = rds_shape_get_timestamp (g_ptr_array_index (answer->items, i), "snapshot-create-time");

      if (taken > 0 && (earliest == 0 || taken < earliest))
        earliest = taken;
    }
  window_loaded (load->self, earliest, 0);
  g_clear_pointer (&answer, rds_query_result_free);
  load_free (load);
}

static void
automated_backups_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Load *load = user_data;
  RdsRestoreDatabaseWizard *self = load->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsRequest) request = NULL;
  RdsQueryResult *answer = rds_session_call_finish (RDS_SESSION (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      load_free (load);
      return;
    }
  for (guint i = 0; answer != NULL && answer->items != NULL && i < answer->items->len; i++)
    {
      RdsShape *window = rds_shape_get_object (g_ptr_array_index (answer->items, i), "restore-window");

      if (window != NULL && rds_shape_get_timestamp (window, "earliest-time") > 0)
        {
          window_loaded (self, rds_shape_get_timestamp (window, "earliest-time"),
                         rds_shape_get_timestamp (window, "latest-time"));
          rds_query_result_free (answer);
          load_free (load);
          return;
        }
    }
  g_clear_pointer (&answer, rds_query_result_free);

  /* An endpoint without automated backups' windows: the snapshots say. */
  request = rds_request_new ("DescribeDBSnapshots");
  if (source_resource_id (self) != NULL)
    rds_request_set (request, "DbiResourceId", source_resource_id (self));
  else
    rds_request_set (request, "DBInstanceIdentifier", source_identifier (self));
  rds_request_set (request, "SnapshotType", "automated");
  rds_session_call_async (self->session, request, self->cancellable, snapshots_cb, load);
}

static void
load_window (RdsRestoreDatabaseWizard *self)
{
  g_autoptr(RdsRequest) request = rds_request_new ("DescribeDBInstanceAutomatedBackups");
  Load *load = g_new0 (Load, 1);

  load->self = g_object_ref (self);
  self->loading = TRUE;
  /* By resource ID: a name may also be that of a deleted instance whose
   * backups are retained, or of the new instance that took it. */
  if (source_resource_id (self) != NULL)
    rds_request_set (request, "DbiResourceId", source_resource_id (self));
  else
    rds_request_set (request, "DBInstanceIdentifier", source_identifier (self));
  rds_session_call_async (self->session, request, self->cancellable, automated_backups_cb, load);
}

/* Restoring */

typedef struct
{
  RdsRestoreDatabaseWizard *self;
  char                     *identifier;
} Restore;

static void
restore_free (Restore *restore)
{
  g_object_unref (restore->self);
  g_free (restore->identifier);
  g_free (restore);
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Restore *restore = user_data;
  RdsRestoreDatabaseWizard *self = restore->self;
  g_autoptr(GError) error = NULL;
  RdsQueryResult *answer = rds_session_call_finish (RDS_SESSION (object), result, &error);
  g_autofree char *toast = NULL;
  GtkRoot *root;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      restore_free (restore);
      return;
    }

  if (answer == NULL)
    {
      gboolean about_time = point_in_time (self) && rds_aws_error_concerns (error, "RestoreTime");

      /* The window moved on meanwhile, or the time was never in it: the
       * time shows as a custom one, to change (still busy: nothing is
       * forgotten meanwhile). */
      if (about_time && !rds_form_is_active (self->custom_check))
        gtk_check_button_set_active (GTK_CHECK_BUTTON (self->custom_check), TRUE);
      g_free (self->error_text);
      self->error_text = g_strdup (error->message);
      set_busy (self, FALSE);
      if (about_time)
        {
          self->error_at_top = FALSE;
          rds_form_field_set_error (RDS_FORM_FIELD (self->time_field), error->message);
          gtk_widget_grab_focus (self->date_entry);
        }
      else
        self->error_at_top = !rds_database_form_show_error (self->form, error);
      update (self);
      if (self->error_at_top)
        {
          GtkWidget *scroller = gtk_widget_get_ancestor (self->form_box, GTK_TYPE_SCROLLED_WINDOW);

          gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);
        }
      restore_free (restore);
      return;
    }
  rds_query_result_free (answer);

  /* Translators: %s is the new DB instance's identifier */
  toast = g_strdup_printf (_("Restoring %s"), restore->identifier);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (root != NULL)
    gtk_widget_activate_action (GTK_WIDGET (root), "win.toast", "s", toast);
  rds_session_refresh (self->session);

  set_busy (self, FALSE);
  g_signal_emit (self, signals[CREATED], 0, restore->identifier);
  restore_free (restore);
}

static RdsRequest *
build_request (RdsRestoreDatabaseWizard *self)
{
  RdsRequest *request;

  if (!point_in_time (self))
    {
      request = rds_database_form_build_restore_request (self->form, "RestoreDBInstanceFromDBSnapshot");
      rds_request_set (request, "DBSnapshotIdentifier", rds_db_snapshot_get_identifier (self->snapshot));
      return request;
    }

  request = rds_database_form_build_restore_request (self->form, "RestoreDBInstanceToPointInTime");
  if (self->backup != NULL)
    rds_request_set (request, "SourceDbiResourceId", rds_db_instance_automated_backup_get_resource_id (self->backup));
  else
    rds_request_set (request, "SourceDBInstanceIdentifier", rds_db_instance_get_identifier (self->instance));
  if (rds_form_is_active (self->custom_check))
    {
      gint64 usec = 0;
      g_autofree char *problem = parse_custom (self, &usec);

      g_assert (problem == NULL);
      rds_request_set_timestamp (request, "RestoreTime", usec);
    }
  else
    rds_request_set_boolean (request, "UseLatestRestorableTime", TRUE);
  return request;
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RdsRestoreDatabaseWizard *self = RDS_RESTORE_DATABASE_WIZARD (widget);
  g_autoptr(RdsRequest) request = NULL;
  const char *identifier;
  Restore *restore;

  if (self->busy)
    return;
  if (!rds_database_form_get_valid (self->form) || !time_valid (self))
    {
      rds_database_form_reveal_errors (self->form);
      update (self);
      return;
    }

  request = build_request (self);
  identifier = rds_request_get_string (request, point_in_time (self) ? "TargetDBInstanceIdentifier"
                                                                     : "DBInstanceIdentifier");
  restore = g_new0 (Restore, 1);
  restore->self = g_object_ref (self);
  restore->identifier = g_ascii_strdown (identifier, -1);

  g_clear_pointer (&self->error_text, g_free);
  self->error_at_top = FALSE;
  set_busy (self, TRUE);
  rds_session_call_async (self->session, request, self->cancellable, restored_cb, restore);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdsRestoreDatabaseWizard *self = RDS_RESTORE_DATABASE_WIZARD (widget);

  if (self->busy)
    return;
  g_signal_emit (self, signals[CANCELLED], 0);
}

/* GObject */

static void
rds_restore_database_wizard_dispose (GObject *object)
{
  RdsRestoreDatabaseWizard *self = RDS_RESTORE_DATABASE_WIZARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->instance);
  g_clear_object (&self->snapshot);
  g_clear_object (&self->backup);
  g_clear_object (&self->source);
  gtk_widget_dispose_template (GTK_WIDGET (self), RDS_TYPE_RESTORE_DATABASE_WIZARD);
  rds_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (rds_restore_database_wizard_parent_class)->dispose (object);
}

static void
rds_restore_database_wizard_finalize (GObject *object)
{
  RdsRestoreDatabaseWizard *self = RDS_RESTORE_DATABASE_WIZARD (object);

  g_clear_object (&self->cancellable);
  g_free (self->error_text);

  G_OBJECT_CLASS (rds_restore_database_wizard_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RdsRestoreDatabaseWizard, name)

static void
rds_restore_database_wizard_class_init (RdsRestoreDatabaseWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_restore_database_wizard_dispose;
  object_class->finalize = rds_restore_database_wizard_finalize;

  signals[CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RdsRestoreDatabaseWizard::created:
   * @identifier: the restored DB instance's identifier
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (RDS_TYPE_COST_PANEL);
  g_type_ensure (RDS_TYPE_HEADING);
  g_type_ensure (RDS_TYPE_INFO_BUTTON);
  g_type_ensure (RDS_TYPE_FORM_FIELD);
  g_type_ensure (RDS_TYPE_RESTORE_TIMELINE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-restore-database-wizard.ui");
  BIND (heading); BIND (intro_label); BIND (form_box); BIND (error_box); BIND (error_label);
  BIND (time_section); BIND (window_label); BIND (latest_check); BIND (latest_label);
  BIND (custom_check); BIND (time_field); BIND (date_entry); BIND (clock_entry); BIND (timeline);
  BIND (source_value); BIND (engine_value); BIND (username_value); BIND (encryption_value);
  BIND (storage_value); BIND (cost_panel); BIND (spinner); BIND (status_label);
  BIND (restore_button); BIND (restore_spinner); BIND (restore_label);

  gtk_widget_class_install_action (widget_class, "wizard.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "wizard.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "wizard.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "wizard.restore", NULL);
}

#undef BIND

static void
rds_restore_database_wizard_init (RdsRestoreDatabaseWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->custom_check, "toggled", G_CALLBACK (custom_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_entry, "changed", G_CALLBACK (entry_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clock_entry, "changed", G_CALLBACK (entry_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "notify::chosen", G_CALLBACK (timeline_chosen_cb), self,
                           G_CONNECT_SWAPPED);
}

/* What the backup keeps, shown read-only. */
static void
show_kept (RdsRestoreDatabaseWizard *self)
{
  RdsShape *source = RDS_SHAPE (self->source);
  g_autofree char *engine = rds_format_engine_version (NULL, rds_db_instance_get_engine (self->source),
                                                       rds_shape_get_string (source, "engine-version"));
  g_autofree char *from = NULL;
  g_autofree char *encryption = NULL;
  g_autofree char *storage = NULL;

  if (self->backup != NULL)
    /* Translators: %s is the identifier a deleted DB instance had */
    from = g_strdup_printf (_("The retained automated backups of %s, deleted"), source_identifier (self));
  else if (point_in_time (self))
    /* Translators: %s is a DB instance identifier */
    from = g_strdup_printf (_("DB instance %s, from its automated backups"),
                            rds_db_instance_get_identifier (self->instance));
  else
    {
      g_autofree char *taken = format_utc (rds_shape_get_timestamp (RDS_SHAPE (self->snapshot),
                                                                   "snapshot-create-time"));

      /* Translators: a snapshot's identifier, its DB instance's, and when it was taken */
      from = g_strdup_printf (_("Snapshot %s of %s, taken %s"), rds_db_snapshot_get_identifier (self->snapshot),
                              rds_db_instance_get_identifier (self->source), taken);
    }
  if (rds_shape_get_boolean (source, "storage-encrypted"))
    /* Translators: %s is a KMS key's ARN or alias */
    encryption = g_strdup_printf (_("Encrypted with KMS key %s"),
                                  rds_shape_get_string (source, "kms-key-id") != NULL
                                  ? rds_shape_get_string (source, "kms-key-id") : "aws/rds");
  else
    encryption = g_strdup (_("Not encrypted"));
  /* Translators: %d is a size in GiB */
  storage = g_strdup_printf (_("%d GiB, the backup’s size"), rds_shape_get_int (source, "allocated-storage"));

  gtk_label_set_label (GTK_LABEL (self->source_value), from);
  gtk_label_set_label (GTK_LABEL (self->engine_value), engine);
  gtk_label_set_label (GTK_LABEL (self->username_value), rds_shape_get_string (source, "master-username"));
  gtk_label_set_label (GTK_LABEL (self->encryption_value), encryption);
  gtk_label_set_label (GTK_LABEL (self->storage_value), storage);
}

static RdsRestoreDatabaseWizard *
wizard_new (RdsSession    *session,
            RdsDbInstance *source)
{
  RdsRestoreDatabaseWizard *self = g_object_new (RDS_TYPE_RESTORE_DATABASE_WIZARD, NULL);

  self->session = g_object_ref (session);
  self->source = source;
  self->form = rds_database_form_new (session, RDS_DATABASE_FORM_RESTORE, source);
  gtk_box_append (GTK_BOX (self->form_box), GTK_WIDGET (self->form));
  g_signal_connect_object (self->form, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::valid", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::waiting-for", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * rds_restore_database_wizard_new_point_in_time:
 * @instance: the DB instance whose automated backups to restore from,
 *   as the session's list has it
 */
RdsRestoreDatabaseWizard *
rds_restore_database_wizard_new_point_in_time (RdsSession    *session,
                                               RdsDbInstance *instance)
{
  RdsRestoreDatabaseWizard *self;

  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_DB_INSTANCE (instance), NULL);

  self = wizard_new (session, RDS_DB_INSTANCE (rds_shape_copy (RDS_SHAPE (instance))));
  self->instance = g_object_ref (instance);
  g_signal_connect_object (instance, "notify::latest-restorable-time", G_CALLBACK (latest_moved_cb), self,
                           G_CONNECT_SWAPPED);
  show_kept (self);
  load_window (self);
  update (self);

  return self;
}

/* What a backup (a snapshot, or an instance's automated backups) keeps
 * of its instance, onto @instance: engine, storage, encryption, master
 * user, IAM authentication, option group and port. Both shapes name them
 * alike. */
static void
take_from_backup (RdsShape *instance,
                  RdsShape *from)
{
  const char *strings[] = {
    "engine", "engine-version", "license-model", "master-username", "storage-type", "kms-key-id",
  };
  const char *ints[] = { "allocated-storage", "iops", "storage-throughput" };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    rds_shape_set_string (instance, strings[i], rds_shape_get_string (from, strings[i]));
  for (guint i = 0; i < G_N_ELEMENTS (ints); i++)
    rds_shape_set_int (instance, ints[i], rds_shape_get_int (from, ints[i]));
  rds_shape_set_boolean (instance, "storage-encrypted", rds_shape_get_boolean (from, "encrypted"));
  rds_shape_set_boolean (instance, "iam-database-authentication-enabled",
                         rds_shape_get_boolean (from, "iam-database-authentication-enabled"));
  rds_shape_set_int (instance, "max-allocated-storage", 0);
  if (rds_shape_get_string (from, "option-group-name") != NULL)
    {
      g_autoptr(RdsShape) membership = g_object_new (RDS_TYPE_OPTION_GROUP_MEMBERSHIP, NULL);
      GListStore *memberships = rds_shape_ensure_list (instance, "option-group-memberships");

      rds_shape_set_string (membership, "option-group-name", rds_shape_get_string (from, "option-group-name"));
      g_list_store_remove_all (memberships);
      g_list_store_append (memberships, membership);
    }
  if (rds_shape_get_int (from, "port") > 0)
    {
      g_autoptr(RdsShape) endpoint = g_object_new (RDS_TYPE_ENDPOINT, NULL);

      rds_shape_set_int (endpoint, "port", rds_shape_get_int (from, "port"));
      rds_shape_set_object (instance, "endpoint", endpoint);
    }
}

/* The instance the snapshot was taken of, as the snapshot keeps it, with
 * its tags (the snapshot's, when it has any); the rest from the instance
 * when it is still there. */
static RdsDbInstance *
instance_of_snapshot (RdsSession    *session,
                      RdsDbSnapshot *snapshot)
{
  RdsShape *from = RDS_SHAPE (snapshot);
  const char *identifier = rds_shape_get_string (from, "db-instance-identifier");
  RdsDbInstance *original = rds_session_find_snapshot_instance (session, snapshot);
  GListModel *tags = rds_shape_get_list (from, "tag-list");
  RdsShape *instance;

  if (original != NULL)
    instance = rds_shape_copy (RDS_SHAPE (original));
  else
    {
      instance = g_object_new (RDS_TYPE_DB_INSTANCE, NULL);
      rds_shape_set_string (instance, "db-instance-identifier",
                            identifier != NULL ? identifier : rds_db_snapshot_get_identifier (snapshot));
      rds_shape_set_string (instance, "db-instance-class", "db.t3.medium");
    }
  take_from_backup (instance, from);
  if (tags != NULL && g_list_model_get_n_items (tags) > 0)
    {
      GListStore *copies = rds_shape_ensure_list (instance, "tag-list");

      g_list_store_remove_all (copies);
      for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
        {
          g_autoptr(RdsShape) tag = g_list_model_get_item (tags, i);
          g_autoptr(RdsShape) copy = rds_shape_copy (tag);

          g_list_store_append (copies, copy);
        }
    }
  return RDS_DB_INSTANCE (instance);
}

/**
 * rds_restore_database_wizard_new_from_snapshot:
 * @snapshot: the available DB snapshot to restore
 */
RdsRestoreDatabaseWizard *
rds_restore_database_wizard_new_from_snapshot (RdsSession    *session,
                                               RdsDbSnapshot *snapshot)
{
  RdsRestoreDatabaseWizard *self;

  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_DB_SNAPSHOT (snapshot), NULL);

  self = wizard_new (session, instance_of_snapshot (session, snapshot));
  self->snapshot = g_object_ref (snapshot);
  rds_heading_set_label (RDS_HEADING (self->heading), _("Restore snapshot"));
  rds_heading_set_info (RDS_HEADING (self->heading), "backups");
  gtk_widget_set_visible (self->time_section, FALSE);
  show_kept (self);
  update (self);

  return self;
}

/* The instance the retained backups are of, as they keep it. Its class
 * isn't kept: the form offers one. */
static RdsDbInstance *
instance_of_backup (RdsDbInstanceAutomatedBackup *backup)
{
  RdsShape *from = RDS_SHAPE (backup);
  RdsShape *instance = g_object_new (RDS_TYPE_DB_INSTANCE, NULL);
  const char *strings[] = { "db-instance-identifier", "availability-zone", "dbi-resource-id" };

  rds_shape_set_string (instance, "db-instance-class", "db.t3.medium");
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    rds_shape_set_string (instance, strings[i], rds_shape_get_string (from, strings[i]));
  rds_shape_set_int (instance, "backup-retention-period", rds_shape_get_int (from, "backup-retention-period"));
  take_from_backup (instance, from);
  return RDS_DB_INSTANCE (instance);
}

/**
 * rds_restore_database_wizard_new_from_backup:
 * @backup: the retained automated backups of a deleted DB instance
 *
 * Restore to point in time from what a deleted instance left.
 */
RdsRestoreDatabaseWizard *
rds_restore_database_wizard_new_from_backup (RdsSession                   *session,
                                             RdsDbInstanceAutomatedBackup *backup)
{
  RdsRestoreDatabaseWizard *self;

  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_DB_INSTANCE_AUTOMATED_BACKUP (backup), NULL);

  self = wizard_new (session, instance_of_backup (backup));
  self->backup = g_object_ref (backup);
  show_kept (self);
  load_window (self);
  update (self);

  return self;
}

/**
 * rds_restore_database_wizard_new:
 * @source: what to restore from: an #RdsDbInstance (to a point in time),
 *   an #RdsDbSnapshot, or the retained #RdsDbInstanceAutomatedBackup of a
 *   deleted instance
 */
RdsRestoreDatabaseWizard *
rds_restore_database_wizard_new (RdsSession *session,
                                 gpointer    source)
{
  if (RDS_IS_DB_SNAPSHOT (source))
    return rds_restore_database_wizard_new_from_snapshot (session, source);
  if (RDS_IS_DB_INSTANCE_AUTOMATED_BACKUP (source))
    return rds_restore_database_wizard_new_from_backup (session, source);
  return rds_restore_database_wizard_new_point_in_time (session, source);
}

/**
 * rds_restore_database_wizard_get_source:
 *
 * Returns: (transfer none): what the wizard restores from, as given to
 *   rds_restore_database_wizard_new()
 */
gpointer
rds_restore_database_wizard_get_source (RdsRestoreDatabaseWizard *self)
{
  g_return_val_if_fail (RDS_IS_RESTORE_DATABASE_WIZARD (self), NULL);

  if (self->snapshot != NULL)
    return self->snapshot;
  if (self->backup != NULL)
    return self->backup;
  return self->instance;
}

/**
 * rds_restore_database_wizard_get_instance:
 *
 * Returns: (transfer none) (nullable): the DB instance restored to a
 *   point in time, or %NULL when restoring a snapshot
 */
RdsDbInstance *
rds_restore_database_wizard_get_instance (RdsRestoreDatabaseWizard *self)
{
  g_return_val_if_fail (RDS_IS_RESTORE_DATABASE_WIZARD (self), NULL);

  return self->instance;
}

/**
 * rds_restore_database_wizard_get_snapshot:
 *
 * Returns: (transfer none) (nullable): the snapshot restored, or %NULL
 */
RdsDbSnapshot *
rds_restore_database_wizard_get_snapshot (RdsRestoreDatabaseWizard *self)
{
  g_return_val_if_fail (RDS_IS_RESTORE_DATABASE_WIZARD (self), NULL);

  return self->snapshot;
}

RdsDatabaseForm *
rds_restore_database_wizard_get_form (RdsRestoreDatabaseWizard *self)
{
  g_return_val_if_fail (RDS_IS_RESTORE_DATABASE_WIZARD (self), NULL);

  return self->form;
}

/**
 * rds_restore_database_wizard_get_widget:
 * @name: a widget's id in the wizard's template, such as "date_entry"
 *
 * For tests, which fill the wizard through its widgets as a user would.
 *
 * Returns: (transfer none) (nullable): the widget
 */
GtkWidget *
rds_restore_database_wizard_get_widget (RdsRestoreDatabaseWizard *self,
                                        const char               *name)
{
  g_return_val_if_fail (RDS_IS_RESTORE_DATABASE_WIZARD (self), NULL);

  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), RDS_TYPE_RESTORE_DATABASE_WIZARD, name));
}

gboolean
rds_restore_database_wizard_get_busy (RdsRestoreDatabaseWizard *self)
{
  g_return_val_if_fail (RDS_IS_RESTORE_DATABASE_WIZARD (self), FALSE);

  return self->busy;
}

/* Whether anything the wizard shows is still loading. */
gboolean
rds_restore_database_wizard_get_loading (RdsRestoreDatabaseWizard *self)
{
  g_return_val_if_fail (RDS_IS_RESTORE_DATABASE_WIZARD (self), FALSE);

  return self->loading || rds_database_form_get_waiting_for (self->form) != NULL;
}

/**
 * rds_restore_database_wizard_get_error:
 *
 * Returns: (nullable): the service's last refusal shown at the top of the
 *   form, one that concerns no field
 */
const char *
rds_restore_database_wizard_get_error (RdsRestoreDatabaseWizard *self)
{
  g_return_val_if_fail (RDS_IS_RESTORE_DATABASE_WIZARD (self), NULL);

  return gtk_widget_get_visible (self->error_box) ? gtk_label_get_label (GTK_LABEL (self->error_label)) : NULL;
}
