/* rds-promote-replica-dialog.c: promote a read replica to a standalone DB instance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As the RDS console asks: how long to keep automated backups and when to
 * take them, since the standalone instance has backups of its own.
 * Replication stops for good, and the instance restarts.
 */

#include "config.h"

#include "rds-promote-replica-dialog.h"

#include <glib/gi18n.h>

#include "rds-form-field.h"
#include "rds-rules.h"
#include "rds-session.h"

struct _RdsPromoteReplicaDialog
{
  RdsActionDialog  parent_instance;

  GtkWidget       *retention_spin;
  GtkWidget       *window_entry;
  GtkWidget       *window_field;
};

G_DEFINE_FINAL_TYPE (RdsPromoteReplicaDialog, rds_promote_replica_dialog, RDS_TYPE_ACTION_DIALOG)

static gboolean
rds_promote_replica_dialog_validate (RdsActionDialog *dialog)
{
  RdsPromoteReplicaDialog *self = RDS_PROMOTE_REPLICA_DIALOG (dialog);
  const char *window;
  int start, length;

  if (self->window_entry == NULL)
    return FALSE;
  window = gtk_editable_get_text (GTK_EDITABLE (self->window_entry));
  if (*window != '\0' && !rds_rules_parse_backup_window (window, &start, &length, NULL))
    {
      rds_form_field_set_error (RDS_FORM_FIELD (self->window_field),
                                _("Use hh24:mi-hh24:mi in UTC, at least 30 minutes long, such as "
                                  "03:00-03:30."));
      return FALSE;
    }
  rds_form_field_set_error (RDS_FORM_FIELD (self->window_field), NULL);
  return TRUE;
}

static RdsRequest *
rds_promote_replica_dialog_build_request (RdsActionDialog  *dialog,
                                          GError          **error)
{
  RdsPromoteReplicaDialog *self = RDS_PROMOTE_REPLICA_DIALOG (dialog);
  RdsDbInstance *instance = rds_action_dialog_get_resource (dialog);
  RdsRequest *request = rds_request_new ("PromoteReadReplica");
  const char *window = gtk_editable_get_text (GTK_EDITABLE (self->window_entry));

  rds_request_set (request, "DBInstanceIdentifier", rds_db_instance_get_identifier (instance));
  rds_request_set_int (request, "BackupRetentionPeriod",
                       gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->retention_spin)));
  if (*window != '\0')
    rds_request_set (request, "PreferredBackupWindow", window);

  return request;
}

static char *
rds_promote_replica_dialog_describe_success (RdsActionDialog *dialog,
                                             RdsQueryResult  *result)
{
  RdsDbInstance *instance = rds_action_dialog_get_resource (dialog);

  /* Translators: %s is a DB instance identifier */
  return g_strdup_printf (_("Promoting %s"), rds_db_instance_get_identifier (instance));
}

static void
rds_promote_replica_dialog_constructed (GObject *object)
{
  RdsPromoteReplicaDialog *self = RDS_PROMOTE_REPLICA_DIALOG (object);
  RdsActionDialog *dialog = RDS_ACTION_DIALOG (self);
  RdsDbInstance *instance = rds_action_dialog_get_resource (dialog);
  const char *source = rds_shape_get_string (RDS_SHAPE (instance), "read-replica-source-db-instance-identifier");
  g_autofree char *escaped = g_markup_escape_text (rds_db_instance_get_identifier (instance), -1);
  g_autofree char *escaped_source = g_markup_escape_text (source != NULL ? source : "", -1);
  g_autofree char *body = NULL;
  GtkWidget *field;

  G_OBJECT_CLASS (rds_promote_replica_dialog_parent_class)->constructed (object);

  rds_action_dialog_set_heading (dialog, _("Promote read replica"));
  /* Translators: the first %s is a read replica, the second its source DB instance */
  body = g_strdup_printf (_("<b>%s</b> stops replicating from <b>%s</b> for good and restarts as a "
                            "standalone DB instance that takes writes. Its data is what it had "
                            "replicated when replication stopped. This can't be undone."),
                          escaped, escaped_source);
  rds_action_dialog_set_body (dialog, body);

  self->retention_spin = gtk_spin_button_new_with_range (0, 35, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->retention_spin), 1);
  field = rds_form_field_new (_("Backup retention period (days)"), self->retention_spin);
  rds_form_field_set_parameter (RDS_FORM_FIELD (field), "BackupRetentionPeriod");
  rds_form_field_set_hint (RDS_FORM_FIELD (field),
                           _("How long automated backups of the promoted instance are kept: 0 turns them "
                             "off."));
  rds_action_dialog_add (dialog, field);

  self->window_entry = rds_action_dialog_add_entry (dialog, _("Backup window (UTC)"), "PreferredBackupWindow",
                                                    _("Optional: when daily backups may start, such as "
                                                      "03:00-03:30. Empty keeps the current window."),
                                                    &self->window_field);
  g_signal_connect_object (self->window_entry, "changed", G_CALLBACK (rds_action_dialog_revalidate), self,
                           G_CONNECT_SWAPPED);

  rds_action_dialog_set_submit_label (dialog, _("_Promote read replica"), FALSE);
  rds_action_dialog_revalidate (dialog);
}

static void
rds_promote_replica_dialog_class_init (RdsPromoteReplicaDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RdsActionDialogClass *dialog_class = RDS_ACTION_DIALOG_CLASS (klass);

  object_class->constructed = rds_promote_replica_dialog_constructed;

  dialog_class->validate = rds_promote_replica_dialog_validate;
  dialog_class->build_request = rds_promote_replica_dialog_build_request;
  dialog_class->describe_success = rds_promote_replica_dialog_describe_success;
}

static void
rds_promote_replica_dialog_init (RdsPromoteReplicaDialog *self)
{
}

RdsActionDialog *
rds_promote_replica_dialog_new (RdsSession    *session,
                                RdsDbInstance *instance)
{
  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_DB_INSTANCE (instance), NULL);

  return g_object_new (RDS_TYPE_PROMOTE_REPLICA_DIALOG,
                       "session", session,
                       "resource", instance,
                       NULL);
}
