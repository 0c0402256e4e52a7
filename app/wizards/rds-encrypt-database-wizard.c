/* rds-encrypt-database-wizard.c: encrypt an unencrypted DB instance, and watch it happen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RDS encrypts a database only when it is created. The first page says so,
 * lets the user choose the KMS key and what happens at the end (the new
 * database takes the original name; what is left over goes), and explains
 * each step the real service needs. The second follows an RdsEncryptJob
 * step by step. The job belongs to the session, not to this window: closed,
 * the wizard leaves it running, and opened again (or after the console
 * restarted, from where the window saved it) it shows where the job is and
 * offers to go on.
 */

#include "config.h"

#include "rds-encrypt-database-wizard.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rds-client.h"
#include "rds-create-key-dialog.h"
#include "rds-db-instance.h"
#include "rds-encrypt-job.h"
#include "rds-session.h"
#include "rds-widget-util.h"

#define N_SHOWN_STEPS RDS_ENCRYPT_STEP_DONE

struct _RdsEncryptDatabaseWizard
{
  AdwWindow       parent_instance;

  RdsSession     *session;
  RdsDbInstance  *instance;     /* NULL when shown for a job */
  char           *region;
  RdsEncryptJob  *job;
  gulong          job_changed_id;
  GCancellable   *cancellable;
  GtkStringList  *key_names;
  GPtrArray      *key_ids;

  GtkWidget      *stack;
  GtkWidget      *intro_label;
  GtkWidget      *replicas_label;
  GtkWidget      *key_row;
  GtkWidget      *cut_over_row;
  GtkWidget      *cut_over_switch;
  GtkWidget      *clean_up_row;
  GtkWidget      *clean_up_switch;
  GtkWidget      *steps_group;
  GtkWidget      *warning_label;
  GtkWidget      *error_label;
  GtkWidget      *progress_label;
  GtkWidget      *progress_bar;
  GtkWidget      *progress_group;
  GtkWidget      *cancel_button;
  GtkWidget      *discard_button;
  GtkWidget      *continue_button;
  GtkWidget      *encrypt_button;
  GtkWidget      *close_button;
  GtkWidget      *step_rows[N_SHOWN_STEPS];
  GtkWidget      *step_icons[N_SHOWN_STEPS];
};

G_DEFINE_FINAL_TYPE (RdsEncryptDatabaseWizard, rds_encrypt_database_wizard, ADW_TYPE_WINDOW)

static const struct
{
  const char *title;
  const char *why;
} steps[N_SHOWN_STEPS] = {
  { N_("Take a snapshot"),
    N_("A snapshot of an unencrypted database is unencrypted too: RDS can't encrypt it as it is taken.") },
  { N_("Copy the snapshot, encrypted"),
    N_("A copy can be encrypted with a KMS key: this is the one way RDS turns unencrypted data into "
       "encrypted data.") },
  { N_("Restore a new database from the copy"),
    N_("A database restored from an encrypted snapshot is encrypted, with the same class, Multi-AZ, "
       "network, security, parameter and option groups, IAM authentication, log exports and tags as the "
       "original.") },
  { N_("Copy the backup and maintenance settings"),
    N_("A restore doesn't take the retention period, the windows, deletion protection, storage "
       "autoscaling, Enhanced Monitoring or Performance Insights from a snapshot.") },
  { N_("Switch the names"),
    N_("The original is renamed aside and the new database takes its name, so applications keep "
       "their endpoint. They reconnect while it is renaming.") },
  { N_("Delete what is left over"),
    N_("The original database (after the switch) and the two snapshots, which cost storage.") },
};

static const char *
source_name (RdsEncryptDatabaseWizard *self)
{
  return self->job != NULL ? rds_encrypt_job_get_source (self->job)
                           : rds_db_instance_get_identifier (self->instance);
}

/* The rows that list the steps, with an icon that says where each is. */
static void
add_step_rows (RdsEncryptDatabaseWizard *self,
               GtkWidget                *group,
               gboolean                  with_icons)
{
  for (guint i = 0; i < N_SHOWN_STEPS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, _(steps[i].title));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(steps[i].why));
      if (with_icons)
        {
          self->step_icons[i] = gtk_image_new_from_icon_name ("content-loading-symbolic");
          gtk_widget_add_css_class (self->step_icons[i], "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->step_icons[i]);
          self->step_rows[i] = row;
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

/* The review page */

static gboolean
has_replicas (RdsEncryptDatabaseWizard *self)
{
  const char * const *replicas = self->instance != NULL
                                 ? rds_shape_get_strv (RDS_SHAPE (self->instance),
                                                       "read-replica-db-instance-identifiers")
                                 : NULL;

  return replicas != NULL && replicas[0] != NULL;
}

static void
update_options (RdsEncryptDatabaseWizard *self)
{
  gboolean cut_over = gtk_switch_get_active (GTK_SWITCH (self->cut_over_switch));
  g_autofree char *aside = rds_encrypt_job_derive_name (source_name (self), "-unencrypted", 63);
  g_autofree char *new_name = rds_encrypt_job_derive_name (source_name (self), "-encrypted", 63);
  g_autofree char *cut_over_text = NULL;
  g_autofree char *clean_up_text = NULL;

  /* Translators: the first %s is a database, the second its name once renamed aside */
  cut_over_text = g_strdup_printf (_("%s is renamed %s, and the encrypted database takes its name and endpoint."),
                                   source_name (self), aside);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->cut_over_row), cut_over_text);
  if (cut_over && has_replicas (self))
    /* Translators: %s is the original database's name once renamed aside */
    clean_up_text = g_strdup_printf (_("The two interim snapshots are deleted; %s stays while it has read "
                                       "replicas."), aside);
  else if (cut_over)
    /* Translators: %s is the original database's name once renamed aside */
    clean_up_text = g_strdup_printf (_("%s and the two interim snapshots are deleted."), aside);
  else
    /* Translators: %s is the new, encrypted database's name */
    clean_up_text = g_strdup_printf (_("The two interim snapshots are deleted; the original stays, and the "
                                       "encrypted database is %s."), new_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->clean_up_row), clean_up_text);
}

/* A customer's key in the list, once, by its alias ("alias/orders",
 * shown as the RDS console does, "orders"). */
static guint
add_key (RdsEncryptDatabaseWizard *self,
         const char               *alias)
{
  for (guint i = 0; i < self->key_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->key_ids, i), alias))
      return i;
  gtk_string_list_append (self->key_names, g_str_has_prefix (alias, "alias/") ? alias + strlen ("alias/") : alias);
  g_ptr_array_add (self->key_ids, g_strdup (alias));
  return self->key_ids->len - 1;
}

static void
keys_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RdsEncryptDatabaseWizard) self = user_data;
  g_autoptr(RdsQueryResult) answer = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *aliases;

  answer = rds_client_call_finish (RDS_CLIENT (object), result, &error);
  /* No KMS on this endpoint (or no right to list it): the AWS managed key. */
  if (answer == NULL || answer->item == NULL)
    return;

  aliases = rds_shape_get_list (answer->item, "aliases");
  for (guint i = 0; aliases != NULL && i < g_list_model_get_n_items (aliases); i++)
    {
      g_autoptr(RdsShape) alias = g_list_model_get_item (aliases, i);
      const char *name = rds_shape_get_string (alias, "alias-name");

      /* The customer's own keys, by their aliases. */
      if (name == NULL || g_str_has_prefix (name, "alias/aws/") ||
          rds_shape_get_string (alias, "target-key-id") == NULL)
        continue;
      add_key (self, name);
    }
}

static void
load_keys (RdsEncryptDatabaseWizard *self)
{
  g_autoptr(RdsRequest) request = rds_request_new_for_api (&rds_api_kms, "ListAliases");

  rds_request_set_int (request, "Limit", 100);
  rds_client_call_async (rds_session_get_region_client (self->session, self->region), request, self->cancellable,
                         keys_cb, g_object_ref (self));
}

/* Read replicas stay with the original: said before anything starts. */
static void
show_replicas (RdsEncryptDatabaseWizard *self)
{
  const char * const *replicas = rds_shape_get_strv (RDS_SHAPE (self->instance),
                                                     "read-replica-db-instance-identifiers");
  g_autofree char *escaped = NULL;
  g_autofree char *list = NULL;
  g_autofree char *escaped_list = NULL;
  g_autofree char *text = NULL;
  guint n = replicas != NULL ? g_strv_length ((char **) replicas) : 0;

  gtk_widget_set_visible (self->replicas_label, n > 0);
  if (n == 0)
    return;

  escaped = g_markup_escape_text (rds_db_instance_get_identifier (self->instance), -1);
  list = g_strjoinv (", ", (char **) replicas);
  escaped_list = g_markup_escape_text (list, -1);
  /* Translators: the first %s is a database, the second its read replicas' names, separated by commas */
  text = g_strdup_printf (ngettext (
                                       "<b>%s has a read replica</b> (%s). It stays attached to the original, "
                                       "unencrypted database and doesn’t follow the encrypted one. The original "
                                       "is not deleted while it has a replica, since deleting it would promote "
                                       "the replica to a standalone database: create a replica of the encrypted "
                                       "database, then delete the original and its replica yourself.",
                                       "<b>%s has read replicas</b> (%s). They stay attached to the original, "
                                       "unencrypted database and don’t follow the encrypted one. The original "
                                       "is not deleted while it has replicas, since deleting it would promote "
                                       "them to standalone databases: create replicas of the encrypted "
                                       "database, then delete the original and its replicas yourself.", n),
                          escaped, escaped_list);
  gtk_label_set_label (GTK_LABEL (self->replicas_label), text);
}

/* The progress page */

static void
set_step_state (RdsEncryptDatabaseWizard *self,
                guint                     index,
                const char               *icon_name,
                const char               *state)
{
  GtkWidget *icon = self->step_icons[index];

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, state, -1);
  gtk_widget_set_css_classes (icon, g_str_equal (icon_name, "object-select-symbolic")
                                    ? (const char *[]) { "success", NULL }
                                    : g_str_equal (icon_name, "dialog-error-symbolic")
                                    ? (const char *[]) { "error", NULL }
                                    : (const char *[]) { "dim-label", NULL });
}

static void
show_job (RdsEncryptDatabaseWizard *self)
{
  RdsEncryptStep step = rds_encrypt_job_get_step (self->job);
  const GError *error = rds_encrypt_job_get_error (self->job);
  gboolean running = rds_encrypt_job_get_running (self->job);
  gboolean done = step >= RDS_ENCRYPT_STEP_DONE;
  g_autofree char *escaped = g_markup_escape_text (source_name (self), -1);
  g_autofree char *text = NULL;
  g_autofree char *percent = NULL;
  double fraction;

  if (done)
    {
      const char *name = rds_encrypt_job_get_cut_over (self->job)
                         ? source_name (self) : rds_encrypt_job_get_name (self->job, RDS_ENCRYPT_STEP_RESTORE);
      g_autofree char *escaped_name = g_markup_escape_text (name, -1);
      g_autofree char *aside = g_markup_escape_text (rds_encrypt_job_get_name (self->job, RDS_ENCRYPT_STEP_CUT_OVER),
                                                     -1);

      switch (rds_encrypt_job_get_original_kept (self->job))
        {
        case RDS_ENCRYPT_KEPT_REPLICAS:
          /* Translators: the first %s is the encrypted database's name, the second the original's,
           * renamed aside */
          text = g_strdup_printf (_("<b>%s</b> is encrypted. The original, <b>%s</b>, was not deleted: it still "
                                    "has read replicas, which deleting it would promote to standalone "
                                    "databases. Replace them with replicas of the encrypted database, then "
                                    "delete it."), escaped_name, aside);
          break;
        case RDS_ENCRYPT_KEPT_PROTECTED:
          /* Translators: the first %s is the encrypted database's name, the second the original's,
           * renamed aside */
          text = g_strdup_printf (_("<b>%s</b> is encrypted. The original, <b>%s</b>, was not deleted: deletion "
                                    "protection is on."), escaped_name, aside);
          break;
        case RDS_ENCRYPT_KEPT_NOT_OURS:
          /* Translators: the first %s is the encrypted database's name, the second a database's name */
          text = g_strdup_printf (_("<b>%s</b> is encrypted. <b>%s</b> was not deleted: it isn’t the original "
                                    "database, only has the name the original was to be renamed to. Delete the "
                                    "original yourself when you no longer need it."), escaped_name, aside);
          break;
        case RDS_ENCRYPT_KEPT_NONE:
        default:
          /* Translators: %s is the encrypted database's name */
          text = g_strdup_printf (_("<b>%s</b> is encrypted."), escaped_name);
          break;
        }
    }
  else if (error != NULL)
    {
      g_autofree char *message = g_markup_escape_text (error->message, -1);

      /* Translators: the first %s is a database, the second what went wrong */
      text = g_strdup_printf (_("Encrypting <b>%s</b> stopped: %s"), escaped, message);
    }
  else if (running && rds_encrypt_job_get_waiting_for (self->job) != NULL)
    {
      g_autofree char *waiting = g_markup_escape_text (rds_encrypt_job_get_waiting_for (self->job), -1);

      /* Translators: the first %s is a database, the second what the encryption waits for, such as
       * "Waiting for ledger, which is backing-up, to be available." */
      text = g_strdup_printf (_("Encrypting <b>%s</b>. %s You can close this window: the console goes on."),
                              escaped, waiting);
    }
  else if (running)
    /* Translators: %s is a database. The steps take minutes each. */
    text = g_strdup_printf (_("Encrypting <b>%s</b>. You can close this window: the console goes on, and "
                              "Encrypt database shows where it is."), escaped);
  else
    /* Translators: %s is a database */
    text = g_strdup_printf (_("Encrypting <b>%s</b> stopped here, when the console closed. Continue from "
                              "this step?"), escaped);
  gtk_label_set_label (GTK_LABEL (self->progress_label), text);

  for (guint i = 0; i < N_SHOWN_STEPS; i++)
    {
      gboolean wanted = (i != RDS_ENCRYPT_STEP_CUT_OVER || rds_encrypt_job_get_cut_over (self->job)) &&
                        (i != RDS_ENCRYPT_STEP_CLEAN_UP || rds_encrypt_job_get_clean_up (self->job));

      gtk_widget_set_visible (self->step_rows[i], wanted);
      if (i < step || done)
        set_step_state (self, i, "object-select-symbolic", _("Done"));
      else if (i == step && error != NULL)
        set_step_state (self, i, "dialog-error-symbolic", _("Failed"));
      else if (i == step && running)
        set_step_state (self, i, "media-playback-start-symbolic", _("Under way"));
      else
        set_step_state (self, i, "content-loading-symbolic", _("To do"));
    }

  fraction = done ? 1.0 : (step + rds_encrypt_job_get_step_progress (self->job)) / N_SHOWN_STEPS;
  percent = g_strdup_printf (_("%d %%"), (int) (fraction * 100 + 0.5));
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), fraction);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress_bar), percent);

  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_set_visible (self->encrypt_button, FALSE);
  gtk_widget_set_visible (self->continue_button, !running && !done);
  gtk_widget_set_visible (self->discard_button, !running && !done);
  gtk_widget_set_visible (self->close_button, TRUE);
}

static void
job_changed_cb (RdsEncryptDatabaseWizard *self)
{
  show_job (self);
}

static void
follow (RdsEncryptDatabaseWizard *self,
        RdsEncryptJob            *job)
{
  self->job = g_object_ref (job);
  self->job_changed_id = g_signal_connect_swapped (job, "changed", G_CALLBACK (job_changed_cb), self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "progress");
  show_job (self);
}

/* Actions */

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RdsEncryptDatabaseWizard *self = RDS_ENCRYPT_DATABASE_WIZARD (widget);
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->key_row));
  g_autoptr(RdsEncryptJob) job = NULL;

  if (self->job != NULL || self->instance == NULL || selected >= self->key_ids->len)
    return;

  job = rds_encrypt_job_new (self->session, self->instance, g_ptr_array_index (self->key_ids, selected),
                             gtk_switch_get_active (GTK_SWITCH (self->cut_over_switch)),
                             gtk_switch_get_active (GTK_SWITCH (self->clean_up_switch)));
  rds_session_add_job (self->session, job);
  follow (self, job);
  rds_encrypt_job_run (job);
}

/* Create key: the KMS keys page's dialog, over the wizard; the new key,
 * by its alias, is the one chosen. */
static void
key_created_cb (RdsEncryptDatabaseWizard *self,
                RdsQueryResult           *answer,
                RdsActionDialog          *dialog)
{
  g_autofree char *alias = rds_create_key_dialog_dup_alias (RDS_CREATE_KEY_DIALOG (dialog));

  adw_combo_row_set_selected (ADW_COMBO_ROW (self->key_row), add_key (self, alias));
}

static void
create_key_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RdsEncryptDatabaseWizard *self = RDS_ENCRYPT_DATABASE_WIZARD (widget);
  RdsActionDialog *dialog;

  /* The dialog makes keys in the session's Region, the database's. */
  if (self->job != NULL || g_strcmp0 (self->region, rds_session_get_region (self->session)) != 0)
    return;
  dialog = rds_create_key_dialog_new (self->session);
  g_signal_connect_object (dialog, "succeeded", G_CALLBACK (key_created_cb), self, G_CONNECT_SWAPPED);
  rds_widget_present_over (widget, GTK_WINDOW (dialog));
}

static void
continue_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RdsEncryptDatabaseWizard *self = RDS_ENCRYPT_DATABASE_WIZARD (widget);

  if (self->job != NULL)
    rds_encrypt_job_run (self->job);
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RdsEncryptDatabaseWizard *self = RDS_ENCRYPT_DATABASE_WIZARD (widget);

  if (self->job == NULL)
    return;
  rds_encrypt_job_stop (self->job);
  rds_session_remove_job (self->session, self->job);
  gtk_window_close (GTK_WINDOW (self));
}

/* GObject */

static void
rds_encrypt_database_wizard_dispose (GObject *object)
{
  RdsEncryptDatabaseWizard *self = RDS_ENCRYPT_DATABASE_WIZARD (object);

  g_cancellable_cancel (self->cancellable);
  if (self->job != NULL)
    g_clear_signal_handler (&self->job_changed_id, self->job);
  g_clear_object (&self->job);
  gtk_widget_dispose_template (GTK_WIDGET (self), RDS_TYPE_ENCRYPT_DATABASE_WIZARD);

  G_OBJECT_CLASS (rds_encrypt_database_wizard_parent_class)->dispose (object);
}

static void
rds_encrypt_database_wizard_finalize (GObject *object)
{
  RdsEncryptDatabaseWizard *self = RDS_ENCRYPT_DATABASE_WIZARD (object);

  g_clear_object (&self->session);
  g_clear_object (&self->instance);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->key_names);
  g_clear_pointer (&self->key_ids, g_ptr_array_unref);
  g_free (self->region);

  G_OBJECT_CLASS (rds_encrypt_database_wizard_parent_class)->finalize (object);
}

static void
rds_encrypt_database_wizard_class_init (RdsEncryptDatabaseWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_encrypt_database_wizard_dispose;
  object_class->finalize = rds_encrypt_database_wizard_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-encrypt-database-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsEncryptDatabaseWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, RdsEncryptDatabaseWizard, intro_label);
  gtk_widget_class_bind_template_child (widget_class, RdsEncryptDatabaseWizard, replicas_label);
  gtk_widget_class_bind_template_child (widget_class, RdsEncryptDatabaseWizard, key_row);
  gtk_widget_class_bind_template_child (widget_class, RdsEncryptDatabaseWizard, cut_over_row);
  gtk_widget_class_bind_template_child (widget_class, RdsEncryptDatabaseWizard, cut_over_switch);
  gtk_widget_class_bind_template_child (widget_class, RdsEncryptDatabaseWizard, clean_up_row);
  gtk_widget_class_bind_template_child (widget_class, RdsEncryptDatabaseWizard, clean_up_switch);
  gtk_widget_class_bind_template_child (widget_class, RdsEncryptDatabaseWizard, steps_group);
  gtk_widget_class_bind_template_child (widget_class, RdsEncryptDatabaseWizard, warning_label);
  gtk_widget_class_bind_template_child (widget_class, RdsEncryptDatabaseWizard, error_label);
  gtk_widget_class_bind_template_child (widget_class, RdsEncryptDatabaseWizard, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RdsEncryptDatabaseWizard, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RdsEncryptDatabaseWizard, progress_group);
  gtk_widget_class_bind_template_child (widget_class, RdsEncryptDatabaseWizard, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RdsEncryptDatabaseWizard, discard_button);
  gtk_widget_class_bind_template_child (widget_class, RdsEncryptDatabaseWizard, continue_button);
  gtk_widget_class_bind_template_child (widget_class, RdsEncryptDatabaseWizard, encrypt_button);
  gtk_widget_class_bind_template_child (widget_class, RdsEncryptDatabaseWizard, close_button);

  gtk_widget_class_install_action (widget_class, "encrypt.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "encrypt.create-key", NULL, create_key_action);
  gtk_widget_class_install_action (widget_class, "encrypt.continue", NULL, continue_action);
  gtk_widget_class_install_action (widget_class, "encrypt.discard", NULL, discard_action);
}

static void
rds_encrypt_database_wizard_init (RdsEncryptDatabaseWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->key_ids = g_ptr_array_new_with_free_func (g_free);
  self->key_names = gtk_string_list_new (NULL);
  /* The AWS managed key, by its alias's name as the RDS console shows it. */
  gtk_string_list_append (self->key_names, "aws/rds");
  g_ptr_array_add (self->key_ids, g_strdup ("alias/aws/rds"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->key_row), G_LIST_MODEL (self->key_names));
  add_step_rows (self, self->steps_group, FALSE);
  add_step_rows (self, self->progress_group, TRUE);
  gtk_label_set_label (GTK_LABEL (self->warning_label),
                       _("Writes made after the snapshot is taken are not in the encrypted database. Stop the "
                         "applications that write to it first, and start them again on the new one."));
  g_signal_connect_swapped (self->cut_over_switch, "notify::active", G_CALLBACK (update_options), self);
}

/**
 * rds_encrypt_database_wizard_new:
 * @instance: an unencrypted DB instance of the session's Region
 *
 * Returns: (transfer floating): the wizard, or one following the session's
 *   job for @instance if it has one
 */
GtkWindow *
rds_encrypt_database_wizard_new (RdsSession    *session,
                                 RdsDbInstance *instance)
{
  RdsEncryptDatabaseWizard *self;
  RdsEncryptJob *job;
  g_autofree char *escaped = NULL;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_DB_INSTANCE (instance), NULL);

  self = g_object_new (RDS_TYPE_ENCRYPT_DATABASE_WIZARD, NULL);
  self->session = g_object_ref (session);
  self->instance = g_object_ref (instance);
  self->region = g_strdup (rds_session_get_region (session));

  job = rds_session_find_job (session, self->region, rds_db_instance_get_identifier (instance));
  if (job != NULL)
    {
      follow (self, job);
      return GTK_WINDOW (self);
    }

  escaped = g_markup_escape_text (rds_db_instance_get_identifier (instance), -1);
  /* Translators: %s is a DB instance identifier */
  intro = g_strdup_printf (_("<b>%s</b> is not encrypted. RDS chooses encryption only when a database is "
                             "created, so encrypting it means making a new, encrypted database from its "
                             "data. This wizard takes the steps the service needs, one after another, and "
                             "shows each as it happens."), escaped);
  gtk_label_set_label (GTK_LABEL (self->intro_label), intro);
  show_replicas (self);
  update_options (self);
  load_keys (self);
  return GTK_WINDOW (self);
}

/**
 * rds_encrypt_database_wizard_new_for_job:
 *
 * Returns: (transfer floating): the wizard following @job, where it is
 */
GtkWindow *
rds_encrypt_database_wizard_new_for_job (RdsSession    *session,
                                         RdsEncryptJob *job)
{
  RdsEncryptDatabaseWizard *self;

  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_ENCRYPT_JOB (job), NULL);

  self = g_object_new (RDS_TYPE_ENCRYPT_DATABASE_WIZARD, NULL);
  self->session = g_object_ref (session);
  self->region = g_strdup (rds_encrypt_job_get_region (job));
  follow (self, job);
  return GTK_WINDOW (self);
}

RdsEncryptJob *
rds_encrypt_database_wizard_get_job (RdsEncryptDatabaseWizard *self)
{
  g_return_val_if_fail (RDS_IS_ENCRYPT_DATABASE_WIZARD (self), NULL);

  return self->job;
}
