/* rds-take-snapshot-dialog.c: take a manual snapshot of a DB instance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From a database (its Actions menu) the instance is given; from the
 * Snapshots page the user picks one of the instances that can be
 * snapshotted now.
 */

#include "config.h"

#include "rds-take-snapshot-dialog.h"

#include <glib/gi18n.h>

#include "rds-form-field.h"
#include "rds-resource-list.h"
#include "rds-session.h"
#include "rds-validation.h"

struct _RdsTakeSnapshotDialog
{
  RdsActionDialog  parent_instance;

  GtkWidget       *instance_dropdown;  /* when no instance was given */
  GtkStringList   *instance_names;
  GtkWidget       *name_entry;
  GtkWidget       *name_field;
  gboolean         edited;
};

G_DEFINE_FINAL_TYPE (RdsTakeSnapshotDialog, rds_take_snapshot_dialog, RDS_TYPE_ACTION_DIALOG)

static gboolean
rds_take_snapshot_dialog_validate (RdsActionDialog *dialog)
{
  RdsTakeSnapshotDialog *self = RDS_TAKE_SNAPSHOT_DIALOG (dialog);
  g_autofree char *problem = NULL;

  if (self->name_entry == NULL)
    return FALSE;
  if (self->instance_dropdown != NULL &&
      gtk_drop_down_get_selected (GTK_DROP_DOWN (self->instance_dropdown)) == GTK_INVALID_LIST_POSITION)
    return FALSE;

  problem = rds_validate_snapshot_identifier (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
  /* An empty field is not an error until the user typed in it. */
  self->edited |= *gtk_editable_get_text (GTK_EDITABLE (self->name_entry)) != '\0';
  rds_form_field_set_error (RDS_FORM_FIELD (self->name_field), self->edited ? problem : NULL);

  return problem == NULL;
}

static RdsRequest *
rds_take_snapshot_dialog_build_request (RdsActionDialog  *dialog,
                                        GError          **error)
{
  RdsTakeSnapshotDialog *self = RDS_TAKE_SNAPSHOT_DIALOG (dialog);
  RdsDbInstance *instance = rds_action_dialog_get_resource (dialog);
  RdsRequest *request = rds_request_new ("CreateDBSnapshot");
  const char *identifier;

  if (instance != NULL)
    identifier = rds_db_instance_get_identifier (instance);
  else
    identifier = gtk_string_list_get_string (self->instance_names,
                                             gtk_drop_down_get_selected (GTK_DROP_DOWN (self->instance_dropdown)));

  rds_request_set (request, "DBInstanceIdentifier", identifier);
  rds_request_set (request, "DBSnapshotIdentifier",
                   gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));

  return request;
}

static char *
rds_take_snapshot_dialog_describe_success (RdsActionDialog *dialog,
                                           RdsQueryResult  *result)
{
  RdsTakeSnapshotDialog *self = RDS_TAKE_SNAPSHOT_DIALOG (dialog);

  /* Translators: %s is a snapshot name */
  return g_strdup_printf (_("Creating snapshot %s"),
                          gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
}

static void
rds_take_snapshot_dialog_constructed (GObject *object)
{
  RdsTakeSnapshotDialog *self = RDS_TAKE_SNAPSHOT_DIALOG (object);
  RdsActionDialog *dialog = RDS_ACTION_DIALOG (self);
  RdsDbInstance *instance = rds_action_dialog_get_resource (dialog);
  g_autofree char *body = NULL;

  G_OBJECT_CLASS (rds_take_snapshot_dialog_parent_class)->constructed (object);

  rds_action_dialog_set_heading (dialog, _("Take DB snapshot"));
  if (instance != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (rds_db_instance_get_identifier (instance), -1);

      /* Translators: %s is a DB instance identifier */
      body = g_strdup_printf (_("A manual snapshot of <b>%s</b>: a backup of its whole storage "
                                "that stays until you delete it."), escaped);
      rds_action_dialog_set_body (dialog, body);
    }
  else
    {
      RdsSession *session = rds_action_dialog_get_session (dialog);
      GListModel *instances = rds_resource_list_get_model (rds_session_get_instances (session));
      guint n = g_list_model_get_n_items (instances);
      GtkWidget *field;

      rds_action_dialog_set_body (dialog, _("A manual snapshot is a backup of a DB instance's "
                                            "whole storage that stays until you delete it."));

      /* Only instances that can be snapshotted now are offered. */
      self->instance_names = gtk_string_list_new (NULL);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RdsDbInstance) item = g_list_model_get_item (instances, i);

          if (rds_db_instance_allows (item, RDS_INSTANCE_ACTION_TAKE_SNAPSHOT))
            gtk_string_list_append (self->instance_names, rds_db_instance_get_identifier (item));
        }
      self->instance_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->instance_names)),
                                                   NULL);
      field = rds_form_field_new (_("DB instance"), self->instance_dropdown);
      rds_form_field_set_parameter (RDS_FORM_FIELD (field), "DBInstanceIdentifier");
      if (g_list_model_get_n_items (G_LIST_MODEL (self->instance_names)) == 0)
        rds_form_field_set_error (RDS_FORM_FIELD (field),
                                  _("No DB instance is available for a snapshot now."));
      g_signal_connect_object (self->instance_dropdown, "notify::selected",
                               G_CALLBACK (rds_action_dialog_revalidate), self, G_CONNECT_SWAPPED);
      rds_action_dialog_add (dialog, field);
    }

  self->name_entry = rds_action_dialog_add_entry (dialog, _("Snapshot name"), "DBSnapshotIdentifier",
                                                  _("1 to 255 letters, digits or hyphens. Must "
                                                    "begin with a letter; can't end with a hyphen "
                                                    "or contain two consecutive hyphens."),
                                                  &self->name_field);
  rds_action_dialog_set_submit_label (dialog, _("_Take snapshot"), FALSE);
  rds_action_dialog_revalidate (dialog);
  gtk_window_set_focus (GTK_WINDOW (self), self->name_entry);
}

static void
rds_take_snapshot_dialog_dispose (GObject *object)
{
  RdsTakeSnapshotDialog *self = RDS_TAKE_SNAPSHOT_DIALOG (object);

  g_clear_object (&self->instance_names);

  G_OBJECT_CLASS (rds_take_snapshot_dialog_parent_class)->dispose (object);
}

static void
rds_take_snapshot_dialog_class_init (RdsTakeSnapshotDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RdsActionDialogClass *dialog_class = RDS_ACTION_DIALOG_CLASS (klass);

  object_class->constructed = rds_take_snapshot_dialog_constructed;
  object_class->dispose = rds_take_snapshot_dialog_dispose;

  dialog_class->validate = rds_take_snapshot_dialog_validate;
  dialog_class->build_request = rds_take_snapshot_dialog_build_request;
  dialog_class->describe_success = rds_take_snapshot_dialog_describe_success;
}

static void
rds_take_snapshot_dialog_init (RdsTakeSnapshotDialog *self)
{
}

RdsActionDialog *
rds_take_snapshot_dialog_new (RdsSession    *session,
                              RdsDbInstance *instance)
{
  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (instance == NULL || RDS_IS_DB_INSTANCE (instance), NULL);

  return g_object_new (RDS_TYPE_TAKE_SNAPSHOT_DIALOG,
                       "session", session,
                       "resource", instance,
                       NULL);
}
