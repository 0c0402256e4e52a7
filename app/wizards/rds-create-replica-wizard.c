/* rds-create-replica-wizard.c: Create read replica
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The RDS console's Create read replica page: what a read replica is, the
 * form (rds-database-form in its replica mode: the source's settings, a
 * destination Region) on the left, the estimated monthly costs on the
 * right with the data transfer a replica in another Region costs, and
 * Cancel and Create read replica at the bottom. Create read replica stays
 * disabled until every field is valid, and shows its progress while the
 * request is away; the form can't be changed meanwhile. A replica in
 * another Region is created through that Region's endpoint. On failure
 * the service's message shows next to its field (and in the footer), or
 * at the top of the form, and nothing typed is lost; on success
 * "created" tells the window.
 */

#include "config.h"

#include "rds-create-replica-wizard.h"

#include "rds-widget-util.h"

#include <glib/gi18n.h>

#include "rds-accessible-names.h"
#include "rds-cost-panel.h"
#include "rds-database-form.h"
#include "rds-db-instance.h"
#include "rds-heading.h"
#include "rds-session.h"

/* Cross-Region replication, USD per GB sent (reference §9, approximate). */
#define TRANSFER_USD_PER_GB 0.02

struct _RdsCreateReplicaWizard
{
  GtkWidget        parent_instance;

  RdsSession      *session;
  RdsDbInstance   *source;
  RdsDatabaseForm *form;
  GCancellable    *cancellable;
  gboolean         busy;
  char            *error_text;
  gboolean         error_at_top;   /* the last error concerns no field */

  GtkWidget       *form_box;
  GtkWidget       *error_box;
  GtkWidget       *error_label;
  RdsCostPanel    *cost_panel;
  GtkWidget       *spinner;
  GtkWidget       *status_label;
  GtkWidget       *create_button;
  GtkWidget       *create_spinner;
  GtkWidget       *create_label;
};

G_DEFINE_FINAL_TYPE (RdsCreateReplicaWizard, rds_create_replica_wizard, GTK_TYPE_WIDGET)

enum {
  CANCELLED,
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
cross_region (RdsCreateReplicaWizard *self)
{
  return g_strcmp0 (rds_database_form_get_region (self->form), rds_session_get_region (self->session)) != 0;
}

/* Replication within a Region is free; to another, every change the
 * source makes is sent there. The volume: as much as the source holds,
 * each month. */
static void
update_transfer (RdsCreateReplicaWizard *self)
{
  int gib = MAX (rds_shape_get_int (RDS_SHAPE (self->source), "allocated-storage"), 0);
  g_autofree char *assumption = NULL;

  if (!cross_region (self))
    {
      rds_cost_panel_set_data_transfer (self->cost_panel, TRUE, 0.0,
                                        _("Replication within a Region has no data transfer charge."));
      return;
    }

  /* Translators: %d is a size in GiB. The price is per GB sent to the replica's Region. */
  assumption = g_strdup_printf (_("Replication to another Region costs 0.02 USD per GB. Assumed: as much data "
                                  "changes each month as the source holds, %d GiB."), gib);
  rds_cost_panel_set_data_transfer (self->cost_panel, TRUE, gib * TRANSFER_USD_PER_GB, assumption);
}

static void
update (RdsCreateReplicaWizard *self)
{
  const char *waiting_for = rds_database_form_get_waiting_for (self->form);
  gboolean spinning = waiting_for != NULL && !self->busy;
  RdsCostEstimate estimate;
  const char *status;

  /* The footer says what the wizard waits for, or what went wrong last
   * (unless the top of the form says it); the button says it is creating. */
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

  gtk_widget_set_visible (self->create_spinner, self->busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->create_spinner), self->busy);
  gtk_label_set_label (GTK_LABEL (self->create_label),
                       self->busy ? _("Creating read replica…") : _("C_reate read replica"));
  rds_accessible_set_name (self->create_button, gtk_label_get_text (GTK_LABEL (self->create_label)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.create",
                                 !self->busy && rds_database_form_get_valid (self->form));
  /* Once sent, a creation cannot be taken back: wait for its answer. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.cancel", !self->busy);

  rds_database_form_get_estimate (self->form, &estimate, NULL);
  update_transfer (self);
  rds_cost_panel_set_estimate (self->cost_panel, &estimate, FALSE);
}

/* A change after the service's error answers it: the footer forgets it
 * (the field's own is checked again by the form). */
static void
form_changed_cb (RdsCreateReplicaWizard *self)
{
  if (!self->busy)
    {
      g_clear_pointer (&self->error_text, g_free);
      self->error_at_top = FALSE;
    }
  update (self);
}

static void
set_busy (RdsCreateReplicaWizard *self,
          gboolean                busy)
{
  self->busy = busy;
  rds_widget_set_sensitive (GTK_WIDGET (self->form), !busy);
  update (self);
}

typedef struct
{
  RdsCreateReplicaWizard *self;
  char                   *identifier;
  char                   *region;
} Creation;

static void
creation_free (Creation *creation)
{
  g_object_unref (creation->self);
  g_free (creation->identifier);
  g_free (creation->region);
  g_free (creation);
}

static void
created (Creation       *creation,
         RdsQueryResult *answer,
         const GError   *error)
{
  RdsCreateReplicaWizard *self = creation->self;
  GtkRoot *root;
  g_autofree char *toast = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      creation_free (creation);
      return;
    }

  if (answer == NULL)
    {
      g_free (self->error_text);
      self->error_text = g_strdup (error->message);
      set_busy (self, FALSE);
      self->error_at_top = !rds_database_form_show_error (self->form, error);
      update (self);
      if (self->error_at_top)
        {
          GtkWidget *scroller = gtk_widget_get_ancestor (self->form_box, GTK_TYPE_SCROLLED_WINDOW);

          /* The top of the form, where the message is. */
          gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);
        }
      creation_free (creation);
      return;
    }
  rds_query_result_free (answer);

  /* Translators: %s is a DB instance identifier */
  toast = g_strdup_printf (_("Creating read replica %s"), creation->identifier);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (root != NULL)
    gtk_widget_activate_action (GTK_WIDGET (root), "win.toast", "s", toast);

  set_busy (self, FALSE);
  g_signal_emit (self, signals[CREATED], 0, creation->identifier, creation->region);
  creation_free (creation);
}

static void
session_created_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  RdsQueryResult *answer = rds_session_call_finish (RDS_SESSION (object), result, &error);

  created (user_data, answer, error);
}

static void
region_created_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Creation *creation = user_data;
  g_autoptr(GError) error = NULL;
  RdsQueryResult *answer = rds_client_call_finish (RDS_CLIENT (object), result, &error);

  /* The source lists its new replica: the session's lists show it. */
  if (answer != NULL)
    rds_session_refresh (creation->self->session);
  created (creation, answer, error);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdsCreateReplicaWizard *self = RDS_CREATE_REPLICA_WIZARD (widget);
  g_autoptr(RdsRequest) request = NULL;
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
  creation->region = g_strdup (rds_database_form_get_region (self->form));
  request = rds_database_form_build_replica_request (self->form);
  creation->identifier = g_ascii_strdown (rds_request_get_string (request, "DBInstanceIdentifier"), -1);

  g_clear_pointer (&self->error_text, g_free);
  self->error_at_top = FALSE;
  set_busy (self, TRUE);
  if (cross_region (self))
    rds_client_call_async (rds_session_get_region_client (self->session, creation->region), request,
                           self->cancellable, region_created_cb, creation);
  else
    rds_session_call_async (self->session, request, self->cancellable, session_created_cb, creation);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdsCreateReplicaWizard *self = RDS_CREATE_REPLICA_WIZARD (widget);

  if (self->busy)
    return;
  g_signal_emit (self, signals[CANCELLED], 0);
}

static void
rds_create_replica_wizard_dispose (GObject *object)
{
  RdsCreateReplicaWizard *self = RDS_CREATE_REPLICA_WIZARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->source);
  gtk_widget_dispose_template (GTK_WIDGET (self), RDS_TYPE_CREATE_REPLICA_WIZARD);
  rds_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (rds_create_replica_wizard_parent_class)->dispose (object);
}

static void
rds_create_replica_wizard_finalize (GObject *object)
{
  RdsCreateReplicaWizard *self = RDS_CREATE_REPLICA_WIZARD (object);

  g_clear_object (&self->cancellable);
  g_free (self->error_text);

  G_OBJECT_CLASS (rds_create_replica_wizard_parent_class)->finalize (object);
}

static void
rds_create_replica_wizard_class_init (RdsCreateReplicaWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_create_replica_wizard_dispose;
  object_class->finalize = rds_create_replica_wizard_finalize;

  signals[CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RdsCreateReplicaWizard::created:
   * @identifier: the new read replica's identifier
   * @region: the Region it was created in
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  g_type_ensure (RDS_TYPE_COST_PANEL);
  g_type_ensure (RDS_TYPE_HEADING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-create-replica-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsCreateReplicaWizard, form_box);
  gtk_widget_class_bind_template_child (widget_class, RdsCreateReplicaWizard, error_box);
  gtk_widget_class_bind_template_child (widget_class, RdsCreateReplicaWizard, error_label);
  gtk_widget_class_bind_template_child (widget_class, RdsCreateReplicaWizard, cost_panel);
  gtk_widget_class_bind_template_child (widget_class, RdsCreateReplicaWizard, spinner);
  gtk_widget_class_bind_template_child (widget_class, RdsCreateReplicaWizard, status_label);
  gtk_widget_class_bind_template_child (widget_class, RdsCreateReplicaWizard, create_button);
  gtk_widget_class_bind_template_child (widget_class, RdsCreateReplicaWizard, create_spinner);
  gtk_widget_class_bind_template_child (widget_class, RdsCreateReplicaWizard, create_label);

  gtk_widget_class_install_action (widget_class, "wizard.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "wizard.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "wizard.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "wizard.create", NULL);
}

static void
rds_create_replica_wizard_init (RdsCreateReplicaWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

/**
 * rds_create_replica_wizard_new:
 * @source: the DB instance to replicate
 */
RdsCreateReplicaWizard *
rds_create_replica_wizard_new (RdsSession    *session,
                               RdsDbInstance *source)
{
  RdsCreateReplicaWizard *self;

  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_DB_INSTANCE (source), NULL);

  self = g_object_new (RDS_TYPE_CREATE_REPLICA_WIZARD, NULL);
  self->session = g_object_ref (session);
  self->source = g_object_ref (source);

  self->form = rds_database_form_new (session, RDS_DATABASE_FORM_REPLICA, source);
  gtk_box_append (GTK_BOX (self->form_box), GTK_WIDGET (self->form));
  g_signal_connect_object (self->form, "changed", G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::valid", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::waiting-for", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  update (self);

  return self;
}

/**
 * rds_create_replica_wizard_get_source:
 *
 * Returns: (transfer none): the DB instance the replica copies
 */
RdsDbInstance *
rds_create_replica_wizard_get_source (RdsCreateReplicaWizard *self)
{
  g_return_val_if_fail (RDS_IS_CREATE_REPLICA_WIZARD (self), NULL);

  return self->source;
}

RdsDatabaseForm *
rds_create_replica_wizard_get_form (RdsCreateReplicaWizard *self)
{
  g_return_val_if_fail (RDS_IS_CREATE_REPLICA_WIZARD (self), NULL);

  return self->form;
}

RdsCostPanel *
rds_create_replica_wizard_get_cost_panel (RdsCreateReplicaWizard *self)
{
  g_return_val_if_fail (RDS_IS_CREATE_REPLICA_WIZARD (self), NULL);

  return self->cost_panel;
}

gboolean
rds_create_replica_wizard_get_busy (RdsCreateReplicaWizard *self)
{
  g_return_val_if_fail (RDS_IS_CREATE_REPLICA_WIZARD (self), FALSE);

  return self->busy;
}

/**
 * rds_create_replica_wizard_get_error:
 *
 * Returns: (nullable): the service's last refusal shown at the top of the
 *   form, one that concerns no field
 */
const char *
rds_create_replica_wizard_get_error (RdsCreateReplicaWizard *self)
{
  g_return_val_if_fail (RDS_IS_CREATE_REPLICA_WIZARD (self), NULL);

  return gtk_widget_get_visible (self->error_box) ? gtk_label_get_label (GTK_LABEL (self->error_label)) : NULL;
}

/* What the footer says: what it waits for, or the last error of a field. */
const char *
rds_create_replica_wizard_get_status (RdsCreateReplicaWizard *self)
{
  g_return_val_if_fail (RDS_IS_CREATE_REPLICA_WIZARD (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->status_label));
}
