/* rds-delete-automated-backup-dialog.c: delete a retained automated backup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a deleted DB instance left behind when it was deleted with its
 * automated backups kept: its system snapshots and transaction logs.
 * DeleteDBInstanceAutomatedBackup takes them all, by the instance's
 * resource ID (its name may belong to another instance by now).
 */

#include "config.h"

#include "rds-delete-automated-backup-dialog.h"

#include <glib/gi18n.h>

#include "rds-session.h"

struct _RdsDeleteAutomatedBackupDialog
{
  RdsActionDialog  parent_instance;

  GtkWidget       *confirm_entry;
};

G_DEFINE_FINAL_TYPE (RdsDeleteAutomatedBackupDialog, rds_delete_automated_backup_dialog,
                     RDS_TYPE_ACTION_DIALOG)

static const char *
backup_field (RdsActionDialog *dialog,
              const char      *field)
{
  return rds_shape_get_string (rds_action_dialog_get_resource (dialog), field);
}

static gboolean
rds_delete_automated_backup_dialog_validate (RdsActionDialog *dialog)
{
  RdsDeleteAutomatedBackupDialog *self = RDS_DELETE_AUTOMATED_BACKUP_DIALOG (dialog);

  return rds_action_dialog_delete_confirmed (self->confirm_entry);
}

static RdsRequest *
rds_delete_automated_backup_dialog_build_request (RdsActionDialog  *dialog,
                                                  GError          **error)
{
  RdsRequest *request = rds_request_new ("DeleteDBInstanceAutomatedBackup");

  rds_request_set (request, "DbiResourceId", backup_field (dialog, "dbi-resource-id"));
  return request;
}

static char *
rds_delete_automated_backup_dialog_describe_success (RdsActionDialog *dialog,
                                                     RdsQueryResult  *result)
{
  /* Translators: %s is the identifier the deleted DB instance had */
  return g_strdup_printf (_("Deleting the retained backups of %s"),
                          backup_field (dialog, "db-instance-identifier"));
}

static void
rds_delete_automated_backup_dialog_constructed (GObject *object)
{
  RdsDeleteAutomatedBackupDialog *self = RDS_DELETE_AUTOMATED_BACKUP_DIALOG (object);
  RdsActionDialog *dialog = RDS_ACTION_DIALOG (self);
  const char *identifier;
  g_autofree char *escaped = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  G_OBJECT_CLASS (rds_delete_automated_backup_dialog_parent_class)->constructed (object);

  identifier = backup_field (dialog, "db-instance-identifier");
  escaped = g_markup_escape_text (identifier != NULL ? identifier : "", -1);
  /* Translators: %s is the identifier the deleted DB instance had */
  heading = g_strdup_printf (_("Delete the retained backups of %s?"), identifier);
  rds_action_dialog_set_heading (dialog, heading);
  /* Translators: %s is the identifier the deleted DB instance had */
  body = g_strdup_printf (_("The system snapshots and transaction logs that <b>%s</b> left when it was "
                            "deleted are deleted with them. Afterwards it can't be restored to any "
                            "point in time; manual snapshots of it are kept."), escaped);
  rds_action_dialog_set_body (dialog, body);

  self->confirm_entry = rds_action_dialog_add_delete_confirmation (dialog, NULL);

  rds_action_dialog_set_submit_label (dialog, _("_Delete"), TRUE);
  rds_action_dialog_revalidate (dialog);
}

static void
rds_delete_automated_backup_dialog_class_init (RdsDeleteAutomatedBackupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RdsActionDialogClass *dialog_class = RDS_ACTION_DIALOG_CLASS (klass);

  object_class->constructed = rds_delete_automated_backup_dialog_constructed;

  dialog_class->validate = rds_delete_automated_backup_dialog_validate;
  dialog_class->build_request = rds_delete_automated_backup_dialog_build_request;
  dialog_class->describe_success = rds_delete_automated_backup_dialog_describe_success;
}

static void
rds_delete_automated_backup_dialog_init (RdsDeleteAutomatedBackupDialog *self)
{
}

RdsActionDialog *
rds_delete_automated_backup_dialog_new (RdsSession                   *session,
                                        RdsDbInstanceAutomatedBackup *backup)
{
  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_DB_INSTANCE_AUTOMATED_BACKUP (backup), NULL);

  return g_object_new (RDS_TYPE_DELETE_AUTOMATED_BACKUP_DIALOG,
                       "session", session,
                       "resource", backup,
                       NULL);
}
