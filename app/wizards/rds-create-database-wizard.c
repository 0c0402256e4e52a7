/* rds-create-database-wizard.c: Create database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The RDS console's Create database page: the form's sections on the left,
 * the estimated monthly costs on the right, Cancel and Create database at
 * the bottom with what the wizard is waiting for. Create database stays
 * disabled until every field is valid. Creating keeps the form as it is
 * until the endpoint answers: on success the master password goes to the
 * keyring (and, if generated, is shown once) and "created" tells the
 * window; on failure the service's message shows next to its field, or in
 * the footer and as a toast, and nothing typed is lost. An Aurora database
 * is a cluster and its instances: CreateDBCluster, then CreateDBInstance
 * for the writer and (with a replica in another zone) a reader, one after
 * the other.
 */

#include "config.h"

#include "rds-create-database-wizard.h"

#include "rds-widget-util.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rds-cost-panel.h"
#include "rds-credentials-dialog.h"
#include "rds-database-form.h"
#include "rds-heading.h"
#include "rds-secrets.h"
#include "rds-session.h"

struct _RdsCreateDatabaseWizard
{
  GtkWidget        parent_instance;

  RdsSession      *session;
  RdsSecrets      *secrets;
  RdsDatabaseForm *form;
  GCancellable    *cancellable;
  gboolean         busy;
  char            *busy_text;
  char            *error_text;

  GtkWidget       *form_box;
  RdsCostPanel    *cost_panel;
  GtkWidget       *spinner;
  GtkWidget       *status_label;
};

G_DEFINE_FINAL_TYPE (RdsCreateDatabaseWizard, rds_create_database_wizard, GTK_TYPE_WIDGET)

enum {
  CANCELLED,
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update (RdsCreateDatabaseWizard *self)
{
  const char *waiting_for = rds_database_form_get_waiting_for (self->form);
  RdsCostEstimate estimate;
  gboolean free_tier;

  const char *status;
  gboolean spinning = self->busy || waiting_for != NULL;

  /* The footer says what the wizard waits for, or what went wrong last. */
  if (self->busy)
    status = self->busy_text;
  else if (waiting_for != NULL)
    status = waiting_for;
  else
    status = self->error_text;

  gtk_label_set_label (GTK_LABEL (self->status_label), status != NULL ? status : "");
  gtk_widget_set_visible (self->spinner, spinning);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), spinning);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.create",
                                 !self->busy && rds_database_form_get_valid (self->form));
  /* Once sent, a create cannot be taken back: the wizard waits for its
   * answer, to keep the password it generated. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.cancel", !self->busy);

  rds_database_form_get_estimate (self->form, &estimate, &free_tier);
  rds_cost_panel_set_estimate (self->cost_panel, &estimate, free_tier);
}

/* A change after the service's error answers it: the footer forgets the
 * error (the field's own is checked again by the form). */
static void
form_changed_cb (RdsCreateDatabaseWizard *self)
{
  if (!self->busy)
    g_clear_pointer (&self->error_text, g_free);
  update (self);
}

static void
set_busy (RdsCreateDatabaseWizard *self,
          const char              *status)
{
  self->busy = status != NULL;
  g_free (self->busy_text);
  self->busy_text = g_strdup (status);
  rds_widget_set_sensitive (GTK_WIDGET (self->form), !self->busy);
  update (self);
}

typedef struct
{
  RdsCreateDatabaseWizard *self;
  char                    *identifier;
  char                    *username;
  char                    *password;
  gboolean                 generated;
  GPtrArray               *requests;    /* the calls after the one in flight */
  char                    *selected;    /* the row to show once created */
} Creation;

static void
creation_free (Creation *creation)
{
  g_clear_pointer (&creation->requests, g_ptr_array_unref);
  g_free (creation->selected);
  g_object_unref (creation->self);
  g_free (creation->identifier);
  g_free (creation->username);
  rds_secret_free (creation->password);
  g_free (creation);
}

static void
finish (Creation *creation)
{
  RdsCreateDatabaseWizard *self = creation->self;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *toast = NULL;

  /* Translators: %s is a DB instance identifier */
  toast = g_strdup_printf (_("Creating database %s"), creation->identifier);
  if (root != NULL)
    gtk_widget_activate_action (GTK_WIDGET (root), "win.toast", "s", toast);

  if (creation->generated && GTK_IS_WINDOW (root))
    rds_widget_present_over (GTK_WIDGET (root),
                             GTK_WINDOW (rds_credentials_dialog_new (GTK_WINDOW (root), creation->identifier,
                                                                     creation->username, creation->password,
                                                                     rds_secrets_get_persistent (self->secrets))));

  set_busy (self, NULL);
  g_signal_emit (self, signals[CREATED], 0,
                 creation->selected != NULL ? creation->selected : creation->identifier);
  creation_free (creation);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Creation *creation = user_data;

  rds_secrets_store_finish (RDS_SECRETS (object), result, NULL);
  finish (creation);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Creation *creation = user_data;
  RdsCreateDatabaseWizard *self = creation->self;
  g_autoptr(GError) error = NULL;
  RdsQueryResult *answer;

  answer = rds_session_call_finish (RDS_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      creation_free (creation);
      return;
    }

  if (answer == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      g_free (self->error_text);
      self->error_text = g_strdup (error->message);
      set_busy (self, NULL);
      if (!rds_database_form_show_error (self->form, error) && root != NULL)
        gtk_widget_activate_action (GTK_WIDGET (root), "win.show-error", "s", error->message);
      creation_free (creation);
      return;
    }
  rds_query_result_free (answer);

  /* A cluster's instances, one after the other. */
  if (creation->requests != NULL && creation->requests->len > 0)
    {
      g_autoptr(RdsRequest) next = g_ptr_array_steal_index (creation->requests, 0);
      g_autofree char *status = g_strdup_printf (_("Creating %s…"),
                                                 rds_request_get_string (next, "DBInstanceIdentifier"));

      set_busy (self, status);
      rds_session_call_async (self->session, next, self->cancellable, created_cb, creation);
      return;
    }

  if (creation->password != NULL && self->secrets != NULL)
    {
      rds_secrets_store_master_password_async (self->secrets, rds_session_get_region (self->session),
                                               creation->identifier, creation->password,
                                               NULL, stored_cb, creation);
      return;
    }

  finish (creation);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdsCreateDatabaseWizard *self = RDS_CREATE_DATABASE_WIZARD (widget);
  g_autoptr(RdsRequest) request = NULL;
  g_autofree char *status = NULL;
  Creation *creation;

  if (self->busy)
    return;
  if (!rds_database_form_get_valid (self->form))
    {
      rds_database_form_reveal_errors (self->form);
      return;
    }

  creation = g_new0 (Creation, 1);
  creation->self = g_object_ref (self);
  if (g_str_has_prefix (rds_database_form_get_engine (self->form), "aurora"))
    {
      creation->requests = rds_database_form_build_aurora_requests (self->form, &creation->password);
      request = g_ptr_array_steal_index (creation->requests, 0);
      creation->identifier = g_strdup (rds_request_get_string (request, "DBClusterIdentifier"));
      /* The writer's row, under its cluster's. */
      creation->selected = g_strdup (rds_request_get_string (g_ptr_array_index (creation->requests, 0),
                                                             "DBInstanceIdentifier"));
    }
  else
    {
      request = rds_database_form_build_create_request (self->form, &creation->password);
      creation->identifier = g_ascii_strdown (rds_request_get_string (request, "DBInstanceIdentifier"), -1);
    }
  creation->username = g_strdup (rds_request_get_string (request, "MasterUsername"));
  creation->generated = rds_database_form_get_password_generated (self->form);

  /* Translators: %s is a DB instance identifier */
  status = g_strdup_printf (_("Creating %s…"), creation->identifier);
  g_clear_pointer (&self->error_text, g_free);
  set_busy (self, status);
  rds_session_call_async (self->session, request, self->cancellable, created_cb, creation);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdsCreateDatabaseWizard *self = RDS_CREATE_DATABASE_WIZARD (widget);

  if (self->busy)
    return;
  g_signal_emit (self, signals[CANCELLED], 0);
}

static void
rds_create_database_wizard_dispose (GObject *object)
{
  RdsCreateDatabaseWizard *self = RDS_CREATE_DATABASE_WIZARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->secrets);
  gtk_widget_dispose_template (GTK_WIDGET (self), RDS_TYPE_CREATE_DATABASE_WIZARD);
  rds_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (rds_create_database_wizard_parent_class)->dispose (object);
}

static void
rds_create_database_wizard_finalize (GObject *object)
{
  RdsCreateDatabaseWizard *self = RDS_CREATE_DATABASE_WIZARD (object);

  g_clear_object (&self->cancellable);
  g_free (self->busy_text);
  g_free (self->error_text);

  G_OBJECT_CLASS (rds_create_database_wizard_parent_class)->finalize (object);
}

static void
rds_create_database_wizard_class_init (RdsCreateDatabaseWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_create_database_wizard_dispose;
  object_class->finalize = rds_create_database_wizard_finalize;

  signals[CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RdsCreateDatabaseWizard::created:
   * @identifier: the new DB instance's identifier
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (RDS_TYPE_COST_PANEL);
  g_type_ensure (RDS_TYPE_HEADING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-create-database-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsCreateDatabaseWizard, form_box);
  gtk_widget_class_bind_template_child (widget_class, RdsCreateDatabaseWizard, cost_panel);
  gtk_widget_class_bind_template_child (widget_class, RdsCreateDatabaseWizard, spinner);
  gtk_widget_class_bind_template_child (widget_class, RdsCreateDatabaseWizard, status_label);

  gtk_widget_class_install_action (widget_class, "wizard.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "wizard.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "wizard.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "wizard.create", NULL);
}

static void
rds_create_database_wizard_init (RdsCreateDatabaseWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

RdsCreateDatabaseWizard *
rds_create_database_wizard_new (RdsSession *session,
                                RdsSecrets *secrets)
{
  RdsCreateDatabaseWizard *self;

  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (secrets == NULL || RDS_IS_SECRETS (secrets), NULL);

  self = g_object_new (RDS_TYPE_CREATE_DATABASE_WIZARD, NULL);
  self->session = g_object_ref (session);
  self->secrets = secrets != NULL ? g_object_ref (secrets) : rds_secrets_new_in_memory ();

  self->form = rds_database_form_new (session, RDS_DATABASE_FORM_CREATE, NULL);
  gtk_box_append (GTK_BOX (self->form_box), GTK_WIDGET (self->form));
  g_signal_connect_object (self->form, "changed", G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::valid", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::waiting-for", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  update (self);

  return self;
}

RdsDatabaseForm *
rds_create_database_wizard_get_form (RdsCreateDatabaseWizard *self)
{
  g_return_val_if_fail (RDS_IS_CREATE_DATABASE_WIZARD (self), NULL);

  return self->form;
}

RdsCostPanel *
rds_create_database_wizard_get_cost_panel (RdsCreateDatabaseWizard *self)
{
  g_return_val_if_fail (RDS_IS_CREATE_DATABASE_WIZARD (self), NULL);

  return self->cost_panel;
}

gboolean
rds_create_database_wizard_get_busy (RdsCreateDatabaseWizard *self)
{
  g_return_val_if_fail (RDS_IS_CREATE_DATABASE_WIZARD (self), FALSE);

  return self->busy;
}

/* What the footer says: what it waits for, or the last error. */
const char *
rds_create_database_wizard_get_status (RdsCreateDatabaseWizard *self)
{
  g_return_val_if_fail (RDS_IS_CREATE_DATABASE_WIZARD (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->status_label));
}
