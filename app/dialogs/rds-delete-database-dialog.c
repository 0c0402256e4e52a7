/* rds-delete-database-dialog.c: delete a DB instance, with its final snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As the RDS console: create a final snapshot (named <id>-final-snapshot
 * unless changed) or not, retain automated backups or acknowledge that they
 * go, and type "delete me". With deletion protection on, the dialog says
 * why the instance can't be deleted and how to turn it off.
 */

#include "config.h"

#include "rds-delete-database-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rds-form-field.h"
#include "rds-rules.h"
#include "rds-session.h"
#include "rds-validation.h"

/* What the user types to confirm, in every language, as in the RDS console. */

struct _RdsDeleteDatabaseDialog
{
  RdsActionDialog  parent_instance;

  gboolean         protected;
  GtkWidget       *snapshot_check;
  GtkWidget       *name_entry;
  GtkWidget       *name_field;
  GtkWidget       *retain_check;
  GtkWidget       *acknowledge_check;
  GtkWidget       *confirm_entry;
  GtkWidget       *confirm_field;
};

G_DEFINE_FINAL_TYPE (RdsDeleteDatabaseDialog, rds_delete_database_dialog, RDS_TYPE_ACTION_DIALOG)

static gboolean
rds_delete_database_dialog_validate (RdsActionDialog *dialog)
{
  RdsDeleteDatabaseDialog *self = RDS_DELETE_DATABASE_DIALOG (dialog);
  g_autofree char *problem = NULL;
  gboolean snapshot;
  gboolean retain;

  if (self->protected || self->confirm_entry == NULL)
    return FALSE;

  snapshot = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->snapshot_check));
  gtk_widget_set_visible (self->name_field, snapshot);
  if (snapshot)
    problem = rds_validate_snapshot_identifier (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
  rds_form_field_set_error (RDS_FORM_FIELD (self->name_field), problem);

  /* Backups that are retained need no acknowledgement that they go. */
  retain = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->retain_check));
  gtk_widget_set_visible (self->acknowledge_check, !retain);

  return problem == NULL &&
         (retain || gtk_check_button_get_active (GTK_CHECK_BUTTON (self->acknowledge_check))) &&
         rds_action_dialog_delete_confirmed (self->confirm_entry);
}

static RdsRequest *
rds_delete_database_dialog_build_request (RdsActionDialog  *dialog,
                                          GError          **error)
{
  RdsDeleteDatabaseDialog *self = RDS_DELETE_DATABASE_DIALOG (dialog);
  RdsDbInstance *instance = rds_action_dialog_get_resource (dialog);
  RdsRequest *request = rds_request_new ("DeleteDBInstance");

  rds_request_set (request, "DBInstanceIdentifier", rds_db_instance_get_identifier (instance));
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->snapshot_check)))
    rds_request_set (request, "FinalDBSnapshotIdentifier",
                     gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
  else
    rds_request_set_boolean (request, "SkipFinalSnapshot", TRUE);
  rds_request_set_boolean (request, "DeleteAutomatedBackups",
                           !gtk_check_button_get_active (GTK_CHECK_BUTTON (self->retain_check)));

  return request;
}

static char *
rds_delete_database_dialog_describe_success (RdsActionDialog *dialog,
                                             RdsQueryResult  *result)
{
  RdsDbInstance *instance = rds_action_dialog_get_resource (dialog);

  /* Translators: %s is a DB instance identifier */
  return g_strdup_printf (_("Deleting %s"), rds_db_instance_get_identifier (instance));
}

static void
rds_delete_database_dialog_constructed (GObject *object)
{
  RdsDeleteDatabaseDialog *self = RDS_DELETE_DATABASE_DIALOG (object);
  RdsActionDialog *dialog = RDS_ACTION_DIALOG (self);
  RdsDbInstance *instance = rds_action_dialog_get_resource (dialog);
  const char *id = rds_db_instance_get_identifier (instance);
  const char *status = rds_db_instance_get_status (instance);
  g_autofree char *escaped = g_markup_escape_text (id, -1);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;
  gboolean snapshot_possible;

  G_OBJECT_CLASS (rds_delete_database_dialog_parent_class)->constructed (object);

  /* Translators: %s is a DB instance identifier */
  heading = g_strdup_printf (_("Delete %s?"), id);
  rds_action_dialog_set_heading (dialog, heading);
  rds_action_dialog_set_submit_label (dialog, _("_Delete"), TRUE);

  self->protected = rds_shape_get_boolean (RDS_SHAPE (instance), "deletion-protection");
  if (self->protected)
    {
      /* Translators: %s is a DB instance identifier */
      body = g_strdup_printf (_("<b>%s</b> has deletion protection turned on, so it can't be "
                                "deleted. To delete it, modify the DB instance, turn off "
                                "<i>Enable deletion protection</i> and apply the change."),
                              escaped);
      rds_action_dialog_set_body (dialog, body);
      rds_action_dialog_revalidate (dialog);
      return;
    }

  /* Translators: %s is a DB instance identifier */
  body = g_strdup_printf (_("Deleting <b>%s</b> can't be undone. Its data is gone unless you keep "
                            "a final snapshot."), escaped);
  rds_action_dialog_set_body (dialog, body);

  self->snapshot_check = rds_action_dialog_add_check (dialog, _("Create final _snapshot"));
  self->name_entry = rds_action_dialog_add_entry (dialog, _("Final snapshot name"),
                                                  "FinalDBSnapshotIdentifier", NULL,
                                                  &self->name_field);
  name = g_strconcat (id, "-final-snapshot", NULL);
  if (strlen (name) <= 255)
    gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name);

  /* No final snapshot can be taken of an instance that never ran. */
  snapshot_possible = rds_rules_final_snapshot_possible (status);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->snapshot_check), snapshot_possible);
  gtk_widget_set_sensitive (self->snapshot_check, snapshot_possible);
  if (!snapshot_possible)
    gtk_widget_set_tooltip_text (self->snapshot_check,
                                 _("A final snapshot can't be taken in this status."));

  self->retain_check = rds_action_dialog_add_check (dialog, _("_Retain automated backups"));
  self->acknowledge_check =
    rds_action_dialog_add_check (dialog, _("I _acknowledge that upon deletion, automated backups, "
                                           "including system snapshots and point-in-time "
                                           "recovery, will no longer be available."));

  self->confirm_entry = rds_action_dialog_add_delete_confirmation (dialog, &self->confirm_field);

  rds_action_dialog_revalidate (dialog);
}

static void
rds_delete_database_dialog_class_init (RdsDeleteDatabaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RdsActionDialogClass *dialog_class = RDS_ACTION_DIALOG_CLASS (klass);

  object_class->constructed = rds_delete_database_dialog_constructed;

  dialog_class->validate = rds_delete_database_dialog_validate;
  dialog_class->build_request = rds_delete_database_dialog_build_request;
  dialog_class->describe_success = rds_delete_database_dialog_describe_success;
}

static void
rds_delete_database_dialog_init (RdsDeleteDatabaseDialog *self)
{
}

RdsActionDialog *
rds_delete_database_dialog_new (RdsSession    *session,
                                RdsDbInstance *instance)
{
  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_DB_INSTANCE (instance), NULL);

  return g_object_new (RDS_TYPE_DELETE_DATABASE_DIALOG,
                       "session", session,
                       "resource", instance,
                       NULL);
}
