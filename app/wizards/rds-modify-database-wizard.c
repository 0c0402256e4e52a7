/* rds-modify-database-wizard.c: Modify DB instance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As in the RDS console: the form filled with the instance's settings;
 * Continue shows the summary of modifications (attribute, current value,
 * new value) and when to apply them: during the next maintenance window
 * (they wait in PendingModifiedValues) or immediately. An error from the
 * endpoint takes the user back to the field it concerns, with everything
 * as they left it.
 */

#include "config.h"

#include "rds-modify-database-wizard.h"

#include "rds-widget-util.h"

#include <glib/gi18n.h>

#include "rds-database-form.h"
#include "rds-db-instance.h"
#include "rds-secrets.h"
#include "rds-session.h"
#include "rds-application.h"

struct _RdsModifyDatabaseWizard
{
  GtkWidget        parent_instance;

  RdsSession      *session;
  RdsSecrets      *secrets;
  RdsDbInstance   *instance;
  RdsDatabaseForm *form;
  GCancellable    *cancellable;
  gboolean         busy;
  guint            n_changes;
  char            *error_text;

  GtkWidget       *steps;
  GtkWidget       *form_box;
  GtkWidget       *form_title;
  GtkWidget       *summary_title;
  GtkWidget       *changes_grid;
  GtkWidget       *apply_now;
  GtkWidget       *window_label;
  GtkWidget       *spinner;
  GtkWidget       *status_label;
  GtkWidget       *back_button;
  GtkWidget       *continue_button;
  GtkWidget       *modify_button;
};

G_DEFINE_FINAL_TYPE (RdsModifyDatabaseWizard, rds_modify_database_wizard, GTK_TYPE_WIDGET)

enum {
  CANCELLED,
  MODIFIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
on_summary (RdsModifyDatabaseWizard *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->steps)), "summary") == 0;
}

static void
update (RdsModifyDatabaseWizard *self)
{
  const char *waiting_for = rds_database_form_get_waiting_for (self->form);
  gboolean summary = on_summary (self);
  const char *status = self->error_text;
  gboolean spinning = self->busy || waiting_for != NULL;

  if (self->busy)
    status = _("Modifying…");
  else if (waiting_for != NULL)
    status = waiting_for;
  else if (summary && self->n_changes == 0)
    status = _("Nothing changed: go back and change a setting first.");

  gtk_label_set_label (GTK_LABEL (self->status_label), status != NULL ? status : "");
  gtk_widget_set_visible (self->spinner, spinning);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), spinning);

  gtk_widget_set_visible (self->back_button, summary);
  gtk_widget_set_visible (self->continue_button, !summary);
  gtk_widget_set_visible (self->modify_button, summary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.continue",
                                 !self->busy && rds_database_form_get_valid (self->form));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.modify",
                                 !self->busy && summary && self->n_changes > 0 &&
                                 rds_database_form_get_valid (self->form));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", !self->busy);
  /* Once sent, a modification cannot be taken back: wait for its answer. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.cancel", !self->busy);
}

static GtkWidget *
cell (const char *text,
      gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_selectable (GTK_LABEL (label), !heading);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
fill_summary (RdsModifyDatabaseWizard *self)
{
  g_autoptr(GPtrArray) changes = rds_database_form_get_changes (self->form);
  GtkWidget *child;
  const char *window = rds_shape_get_string (RDS_SHAPE (self->instance), "preferred-maintenance-window");
  g_autofree char *window_text = NULL;

  while ((child = gtk_widget_get_first_child (self->changes_grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->changes_grid), child);

  gtk_grid_attach (GTK_GRID (self->changes_grid), cell (_("Attribute"), TRUE), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->changes_grid), cell (_("Current value"), TRUE), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->changes_grid), cell (_("New value"), TRUE), 2, 0, 1, 1);
  for (guint i = 0; i < changes->len; i++)
    {
      RdsFormChange *change = g_ptr_array_index (changes, i);

      gtk_grid_attach (GTK_GRID (self->changes_grid), cell (change->attribute, FALSE), 0, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (self->changes_grid), cell (change->current, FALSE), 1, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (self->changes_grid), cell (change->wanted, FALSE), 2, i + 1, 1, 1);
    }
  if (changes->len == 0)
    gtk_grid_attach (GTK_GRID (self->changes_grid), cell (_("No modifications"), FALSE), 0, 1, 3, 1);
  self->n_changes = changes->len;

  /* Translators: %s is a maintenance window, "sun:05:00-sun:05:30" */
  window_text = g_strdup_printf (_("Current maintenance window: %s UTC"), window != NULL ? window : "-");
  gtk_label_set_label (GTK_LABEL (self->window_label), window_text);
}

static void
continue_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RdsModifyDatabaseWizard *self = RDS_MODIFY_DATABASE_WIZARD (widget);

  if (!rds_database_form_get_valid (self->form))
    {
      rds_database_form_reveal_errors (self->form);
      return;
    }

  g_clear_pointer (&self->error_text, g_free);
  fill_summary (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->steps), "summary");
  update (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdsModifyDatabaseWizard *self = RDS_MODIFY_DATABASE_WIZARD (widget);

  gtk_stack_set_visible_child_name (GTK_STACK (self->steps), "form");
  update (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdsModifyDatabaseWizard *self = RDS_MODIFY_DATABASE_WIZARD (widget);

  if (self->busy)
    return;
  g_signal_emit (self, signals[CANCELLED], 0);
}

typedef struct
{
  RdsModifyDatabaseWizard *self;
  char                    *password;
  gboolean                 immediately;
} Modification;

static void
modification_free (Modification *modification)
{
  g_object_unref (modification->self);
  rds_secret_free (modification->password);
  g_free (modification);
}

static void
finish (Modification *modification)
{
  RdsModifyDatabaseWizard *self = modification->self;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *id = rds_db_instance_get_identifier (self->instance);
  g_autofree char *toast = NULL;

  if (modification->immediately)
    /* Translators: %s is a DB instance identifier */
    toast = g_strdup_printf (_("Modifying %s"), id);
  else
    /* Translators: %s is a DB instance identifier */
    toast = g_strdup_printf (_("The modifications of %s wait for its next maintenance window"), id);
  if (root != NULL)
    gtk_widget_activate_action (GTK_WIDGET (root), "win.toast", "s", toast);

  self->busy = FALSE;
  update (self);
  g_signal_emit (self, signals[MODIFIED], 0, id);
  modification_free (modification);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  rds_secrets_store_finish (RDS_SECRETS (object), result, NULL);
  finish (user_data);
}

static void
modified_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Modification *modification = user_data;
  RdsModifyDatabaseWizard *self = modification->self;
  g_autoptr(GError) error = NULL;
  RdsQueryResult *answer;
  GtkRoot *root;

  answer = rds_session_call_finish (RDS_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      modification_free (modification);
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (answer == NULL)
    {
      self->busy = FALSE;
      gtk_widget_set_sensitive (GTK_WIDGET (self->form), TRUE);
      g_free (self->error_text);
      self->error_text = g_strdup (error->message);
      if (rds_database_form_show_error (self->form, error))
        gtk_stack_set_visible_child_name (GTK_STACK (self->steps), "form");
      else if (root != NULL)
        gtk_widget_activate_action (GTK_WIDGET (root), "win.show-error", "s", error->message);
      update (self);
      modification_free (modification);
      return;
    }
  rds_query_result_free (answer);

  if (modification->password != NULL && self->secrets != NULL)
    {
      rds_secrets_store_master_password_async (self->secrets, rds_session_get_region (self->session),
                                               rds_db_instance_get_identifier (self->instance),
                                               modification->password, NULL, stored_cb, modification);
      return;
    }

  finish (modification);
}

static void
modify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdsModifyDatabaseWizard *self = RDS_MODIFY_DATABASE_WIZARD (widget);
  g_autoptr(RdsRequest) request = NULL;
  Modification *modification;

  if (self->busy || self->n_changes == 0)
    return;

  modification = g_new0 (Modification, 1);
  modification->self = g_object_ref (self);
  modification->immediately = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->apply_now));
  request = rds_database_form_build_modify_request (self->form, modification->immediately,
                                                    &modification->password);

  self->busy = TRUE;
  g_clear_pointer (&self->error_text, g_free);
  rds_widget_set_sensitive (GTK_WIDGET (self->form), FALSE);
  update (self);
  rds_session_call_async (self->session, request, self->cancellable, modified_cb, modification);
}

static void
rds_modify_database_wizard_dispose (GObject *object)
{
  RdsModifyDatabaseWizard *self = RDS_MODIFY_DATABASE_WIZARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->secrets);
  g_clear_object (&self->instance);
  gtk_widget_dispose_template (GTK_WIDGET (self), RDS_TYPE_MODIFY_DATABASE_WIZARD);
  rds_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (rds_modify_database_wizard_parent_class)->dispose (object);
}

static void
rds_modify_database_wizard_finalize (GObject *object)
{
  RdsModifyDatabaseWizard *self = RDS_MODIFY_DATABASE_WIZARD (object);

  g_clear_object (&self->cancellable);
  g_free (self->error_text);

  G_OBJECT_CLASS (rds_modify_database_wizard_parent_class)->finalize (object);
}

/* Ctrl+Return: the step's own button, Continue then Modify DB instance. */
static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdsModifyDatabaseWizard *self = RDS_MODIFY_DATABASE_WIZARD (widget);

  if (g_strcmp0 (rds_modify_database_wizard_get_step (self), "summary") == 0)
    modify_action (widget, "wizard.modify", NULL);
  else
    continue_action (widget, "wizard.continue", NULL);
}

static void
rds_modify_database_wizard_class_init (RdsModifyDatabaseWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_modify_database_wizard_dispose;
  object_class->finalize = rds_modify_database_wizard_finalize;

  signals[CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RdsModifyDatabaseWizard::modified:
   * @identifier: the DB instance's identifier
   */
  signals[MODIFIED] = g_signal_new ("modified", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-modify-database-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsModifyDatabaseWizard, steps);
  gtk_widget_class_bind_template_child (widget_class, RdsModifyDatabaseWizard, form_box);
  gtk_widget_class_bind_template_child (widget_class, RdsModifyDatabaseWizard, form_title);
  gtk_widget_class_bind_template_child (widget_class, RdsModifyDatabaseWizard, summary_title);
  gtk_widget_class_bind_template_child (widget_class, RdsModifyDatabaseWizard, changes_grid);
  gtk_widget_class_bind_template_child (widget_class, RdsModifyDatabaseWizard, apply_now);
  gtk_widget_class_bind_template_child (widget_class, RdsModifyDatabaseWizard, window_label);
  gtk_widget_class_bind_template_child (widget_class, RdsModifyDatabaseWizard, spinner);
  gtk_widget_class_bind_template_child (widget_class, RdsModifyDatabaseWizard, status_label);
  gtk_widget_class_bind_template_child (widget_class, RdsModifyDatabaseWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, RdsModifyDatabaseWizard, continue_button);
  gtk_widget_class_bind_template_child (widget_class, RdsModifyDatabaseWizard, modify_button);

  gtk_widget_class_install_action (widget_class, "wizard.continue", NULL, continue_action);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "wizard.cancel", NULL);
  gtk_widget_class_install_action (widget_class, "wizard.modify", NULL, modify_action);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "wizard.next", NULL);
}

static void
rds_modify_database_wizard_init (RdsModifyDatabaseWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

RdsModifyDatabaseWizard *
rds_modify_database_wizard_new (RdsSession    *session,
                                RdsDbInstance *instance,
                                RdsSecrets    *secrets)
{
  RdsModifyDatabaseWizard *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_DB_INSTANCE (instance), NULL);
  g_return_val_if_fail (secrets == NULL || RDS_IS_SECRETS (secrets), NULL);

  self = g_object_new (RDS_TYPE_MODIFY_DATABASE_WIZARD, NULL);
  self->session = g_object_ref (session);
  self->secrets = secrets != NULL ? g_object_ref (secrets) : rds_secrets_new_in_memory ();
  self->instance = g_object_ref (instance);

  /* Translators: %s is a DB instance identifier */
  title = g_strdup_printf (_("Modify DB instance: %s"), rds_db_instance_get_identifier (instance));
  gtk_label_set_label (GTK_LABEL (self->form_title), title);
  gtk_label_set_label (GTK_LABEL (self->summary_title), title);

  self->form = rds_database_form_new (session, RDS_DATABASE_FORM_MODIFY, instance);
  gtk_box_append (GTK_BOX (self->form_box), GTK_WIDGET (self->form));
  g_signal_connect_object (self->form, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::valid", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::waiting-for", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  update (self);

  return self;
}

/**
 * rds_modify_database_wizard_get_instance:
 *
 * Returns: (transfer none): the instance being modified
 */
RdsDbInstance *
rds_modify_database_wizard_get_instance (RdsModifyDatabaseWizard *self)
{
  g_return_val_if_fail (RDS_IS_MODIFY_DATABASE_WIZARD (self), NULL);

  return self->instance;
}

RdsDatabaseForm *
rds_modify_database_wizard_get_form (RdsModifyDatabaseWizard *self)
{
  g_return_val_if_fail (RDS_IS_MODIFY_DATABASE_WIZARD (self), NULL);

  return self->form;
}

/* "form" or "summary" */
const char *
rds_modify_database_wizard_get_step (RdsModifyDatabaseWizard *self)
{
  g_return_val_if_fail (RDS_IS_MODIFY_DATABASE_WIZARD (self), NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (self->steps));
}

GtkGrid *
rds_modify_database_wizard_get_summary (RdsModifyDatabaseWizard *self)
{
  g_return_val_if_fail (RDS_IS_MODIFY_DATABASE_WIZARD (self), NULL);

  return GTK_GRID (self->changes_grid);
}

gboolean
rds_modify_database_wizard_get_busy (RdsModifyDatabaseWizard *self)
{
  g_return_val_if_fail (RDS_IS_MODIFY_DATABASE_WIZARD (self), FALSE);

  return self->busy;
}

const char *
rds_modify_database_wizard_get_status (RdsModifyDatabaseWizard *self)
{
  g_return_val_if_fail (RDS_IS_MODIFY_DATABASE_WIZARD (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->status_label));
}
