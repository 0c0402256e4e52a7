/* rds-reboot-database-dialog.c: reboot a DB instance, with failover when Multi-AZ
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rds-reboot-database-dialog.h"

#include <glib/gi18n.h>

#include "rds-session.h"

struct _RdsRebootDatabaseDialog
{
  RdsActionDialog  parent_instance;

  GtkWidget       *failover_check;
};

G_DEFINE_FINAL_TYPE (RdsRebootDatabaseDialog, rds_reboot_database_dialog, RDS_TYPE_ACTION_DIALOG)

static RdsRequest *
rds_reboot_database_dialog_build_request (RdsActionDialog  *dialog,
                                          GError          **error)
{
  RdsRebootDatabaseDialog *self = RDS_REBOOT_DATABASE_DIALOG (dialog);
  RdsDbInstance *instance = rds_action_dialog_get_resource (dialog);
  RdsRequest *request = rds_request_new ("RebootDBInstance");

  rds_request_set (request, "DBInstanceIdentifier", rds_db_instance_get_identifier (instance));
  if (gtk_widget_get_visible (self->failover_check) &&
      gtk_check_button_get_active (GTK_CHECK_BUTTON (self->failover_check)))
    rds_request_set_boolean (request, "ForceFailover", TRUE);

  return request;
}

static char *
rds_reboot_database_dialog_describe_success (RdsActionDialog *dialog,
                                             RdsQueryResult  *result)
{
  RdsDbInstance *instance = rds_action_dialog_get_resource (dialog);

  /* Translators: %s is a DB instance identifier */
  return g_strdup_printf (_("Rebooting %s"), rds_db_instance_get_identifier (instance));
}

static void
rds_reboot_database_dialog_constructed (GObject *object)
{
  RdsRebootDatabaseDialog *self = RDS_REBOOT_DATABASE_DIALOG (object);
  RdsActionDialog *dialog = RDS_ACTION_DIALOG (self);
  RdsDbInstance *instance = rds_action_dialog_get_resource (dialog);
  g_autofree char *escaped = g_markup_escape_text (rds_db_instance_get_identifier (instance), -1);
  g_autofree char *body = NULL;

  G_OBJECT_CLASS (rds_reboot_database_dialog_parent_class)->constructed (object);

  rds_action_dialog_set_heading (dialog, _("Reboot DB instance"));
  /* Translators: %s is a DB instance identifier */
  body = g_strdup_printf (_("Are you sure you want to reboot <b>%s</b>? The database is unavailable "
                            "while it restarts, usually for a minute or two."), escaped);
  rds_action_dialog_set_body (dialog, body);

  self->failover_check = rds_action_dialog_add_check (dialog, _("Reboot with _failover"));
  gtk_widget_set_tooltip_text (self->failover_check,
                               _("The standby in the other Availability Zone becomes the "
                                 "primary."));
  gtk_widget_set_visible (self->failover_check,
                          rds_shape_get_boolean (RDS_SHAPE (instance), "multi-az"));

  rds_action_dialog_set_submit_label (dialog, _("_Reboot"), FALSE);
  rds_action_dialog_revalidate (dialog);
}

static void
rds_reboot_database_dialog_class_init (RdsRebootDatabaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RdsActionDialogClass *dialog_class = RDS_ACTION_DIALOG_CLASS (klass);

  object_class->constructed = rds_reboot_database_dialog_constructed;

  dialog_class->build_request = rds_reboot_database_dialog_build_request;
  dialog_class->describe_success = rds_reboot_database_dialog_describe_success;
}

static void
rds_reboot_database_dialog_init (RdsRebootDatabaseDialog *self)
{
}

RdsActionDialog *
rds_reboot_database_dialog_new (RdsSession    *session,
                                RdsDbInstance *instance)
{
  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_DB_INSTANCE (instance), NULL);

  return g_object_new (RDS_TYPE_REBOOT_DATABASE_DIALOG,
                       "session", session,
                       "resource", instance,
                       NULL);
}
