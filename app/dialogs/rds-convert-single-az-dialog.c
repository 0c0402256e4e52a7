/* rds-convert-single-az-dialog.c: convert a Multi-AZ DB instance back to Single-AZ
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ModifyDBInstance MultiAZ=false: the standby goes, and with it automatic
 * failover; the instance stays available. Now, or in the maintenance
 * window.
 */

#include "config.h"

#include "rds-convert-single-az-dialog.h"

#include <glib/gi18n.h>

#include "rds-session.h"

struct _RdsConvertSingleAzDialog
{
  RdsActionDialog  parent_instance;

  GtkWidget       *now_check;
};

G_DEFINE_FINAL_TYPE (RdsConvertSingleAzDialog, rds_convert_single_az_dialog, RDS_TYPE_ACTION_DIALOG)

static RdsRequest *
rds_convert_single_az_dialog_build_request (RdsActionDialog  *dialog,
                                            GError          **error)
{
  RdsConvertSingleAzDialog *self = RDS_CONVERT_SINGLE_AZ_DIALOG (dialog);
  RdsDbInstance *instance = rds_action_dialog_get_resource (dialog);
  RdsRequest *request = rds_request_new ("ModifyDBInstance");

  rds_request_set (request, "DBInstanceIdentifier", rds_db_instance_get_identifier (instance));
  rds_request_set_boolean (request, "MultiAZ", FALSE);
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->now_check)))
    rds_request_set_boolean (request, "ApplyImmediately", TRUE);

  return request;
}

static char *
rds_convert_single_az_dialog_describe_success (RdsActionDialog *dialog,
                                               RdsQueryResult  *result)
{
  RdsConvertSingleAzDialog *self = RDS_CONVERT_SINGLE_AZ_DIALOG (dialog);
  RdsDbInstance *instance = rds_action_dialog_get_resource (dialog);

  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->now_check)))
    /* Translators: %s is a DB instance identifier */
    return g_strdup_printf (_("Converting %s to Single-AZ"), rds_db_instance_get_identifier (instance));
  /* Translators: %s is a DB instance identifier */
  return g_strdup_printf (_("%s becomes Single-AZ in its next maintenance window"),
                          rds_db_instance_get_identifier (instance));
}

static void
rds_convert_single_az_dialog_constructed (GObject *object)
{
  RdsConvertSingleAzDialog *self = RDS_CONVERT_SINGLE_AZ_DIALOG (object);
  RdsActionDialog *dialog = RDS_ACTION_DIALOG (self);
  RdsDbInstance *instance = rds_action_dialog_get_resource (dialog);
  g_autofree char *escaped = g_markup_escape_text (rds_db_instance_get_identifier (instance), -1);
  g_autofree char *body = NULL;

  G_OBJECT_CLASS (rds_convert_single_az_dialog_parent_class)->constructed (object);

  rds_action_dialog_set_heading (dialog, _("Convert to Single-AZ deployment"));
  /* Translators: %s is a DB instance identifier */
  body = g_strdup_printf (_("<b>%s</b> keeps running while its standby is removed, with no downtime. "
                            "Without a standby there is no automatic failover: if its host or its "
                            "Availability Zone fails, the database is unavailable until RDS recovers "
                            "it. The instance and storage cost half as much."), escaped);
  rds_action_dialog_set_body (dialog, body);

  self->now_check = rds_action_dialog_add_check (dialog, _("Apply _immediately"));
  gtk_widget_set_tooltip_text (self->now_check,
                               _("Otherwise the change waits for the next maintenance window."));

  rds_action_dialog_set_submit_label (dialog, _("_Convert to Single-AZ"), FALSE);
  rds_action_dialog_revalidate (dialog);
}

static void
rds_convert_single_az_dialog_class_init (RdsConvertSingleAzDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RdsActionDialogClass *dialog_class = RDS_ACTION_DIALOG_CLASS (klass);

  object_class->constructed = rds_convert_single_az_dialog_constructed;

  dialog_class->build_request = rds_convert_single_az_dialog_build_request;
  dialog_class->describe_success = rds_convert_single_az_dialog_describe_success;
}

static void
rds_convert_single_az_dialog_init (RdsConvertSingleAzDialog *self)
{
}

RdsActionDialog *
rds_convert_single_az_dialog_new (RdsSession    *session,
                                  RdsDbInstance *instance)
{
  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_DB_INSTANCE (instance), NULL);

  return g_object_new (RDS_TYPE_CONVERT_SINGLE_AZ_DIALOG,
                       "session", session,
                       "resource", instance,
                       NULL);
}
