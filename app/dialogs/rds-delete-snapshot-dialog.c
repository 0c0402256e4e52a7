/* rds-delete-snapshot-dialog.c: delete a manual DB snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rds-delete-snapshot-dialog.h"

#include <glib/gi18n.h>

#include "rds-session.h"

struct _RdsDeleteSnapshotDialog
{
  RdsActionDialog  parent_instance;

  GtkWidget       *confirm_entry;
};

G_DEFINE_FINAL_TYPE (RdsDeleteSnapshotDialog, rds_delete_snapshot_dialog, RDS_TYPE_ACTION_DIALOG)

static const char *
snapshot_id (RdsActionDialog *dialog)
{
  return rds_shape_get_string (rds_action_dialog_get_resource (dialog), "db-snapshot-identifier");
}

static gboolean
rds_delete_snapshot_dialog_validate (RdsActionDialog *dialog)
{
  RdsDeleteSnapshotDialog *self = RDS_DELETE_SNAPSHOT_DIALOG (dialog);

  return rds_action_dialog_delete_confirmed (self->confirm_entry);
}

static RdsRequest *
rds_delete_snapshot_dialog_build_request (RdsActionDialog  *dialog,
                                          GError          **error)
{
  RdsRequest *request = rds_request_new ("DeleteDBSnapshot");

  rds_request_set (request, "DBSnapshotIdentifier", snapshot_id (dialog));
  return request;
}

static char *
rds_delete_snapshot_dialog_describe_success (RdsActionDialog *dialog,
                                             RdsQueryResult  *result)
{
  /* Translators: %s is a snapshot name */
  return g_strdup_printf (_("Deleting snapshot %s"), snapshot_id (dialog));
}

static void
rds_delete_snapshot_dialog_constructed (GObject *object)
{
  RdsDeleteSnapshotDialog *self = RDS_DELETE_SNAPSHOT_DIALOG (object);
  RdsActionDialog *dialog = RDS_ACTION_DIALOG (self);
  g_autofree char *escaped = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  G_OBJECT_CLASS (rds_delete_snapshot_dialog_parent_class)->constructed (object);

  escaped = g_markup_escape_text (snapshot_id (dialog), -1);
  /* Translators: %s is a snapshot name */
  heading = g_strdup_printf (_("Delete snapshot %s?"), snapshot_id (dialog));
  rds_action_dialog_set_heading (dialog, heading);
  /* Translators: %s is a snapshot name */
  body = g_strdup_printf (_("Deleting <b>%s</b> can't be undone: nothing can be restored from it "
                            "afterwards."), escaped);
  rds_action_dialog_set_body (dialog, body);

  self->confirm_entry = rds_action_dialog_add_delete_confirmation (dialog, NULL);

  rds_action_dialog_set_submit_label (dialog, _("_Delete"), TRUE);
  rds_action_dialog_revalidate (dialog);
}

static void
rds_delete_snapshot_dialog_class_init (RdsDeleteSnapshotDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RdsActionDialogClass *dialog_class = RDS_ACTION_DIALOG_CLASS (klass);

  object_class->constructed = rds_delete_snapshot_dialog_constructed;

  dialog_class->validate = rds_delete_snapshot_dialog_validate;
  dialog_class->build_request = rds_delete_snapshot_dialog_build_request;
  dialog_class->describe_success = rds_delete_snapshot_dialog_describe_success;
}

static void
rds_delete_snapshot_dialog_init (RdsDeleteSnapshotDialog *self)
{
}

RdsActionDialog *
rds_delete_snapshot_dialog_new (RdsSession    *session,
                                RdsDbSnapshot *snapshot)
{
  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_DB_SNAPSHOT (snapshot), NULL);

  return g_object_new (RDS_TYPE_DELETE_SNAPSHOT_DIALOG,
                       "session", session,
                       "resource", snapshot,
                       NULL);
}
