/* rds-stop-database-dialog.c: stop a DB instance temporarily
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As the RDS console: the instance stops for at most seven days and then
 * starts again on its own; it can be saved in a snapshot first; the user
 * acknowledges the automatic restart.
 */

#include "config.h"

#include "rds-stop-database-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rds-form-field.h"
#include "rds-session.h"
#include "rds-validation.h"

struct _RdsStopDatabaseDialog
{
  RdsActionDialog  parent_instance;

  GtkWidget       *snapshot_check;
  GtkWidget       *name_entry;
  GtkWidget       *name_field;
  GtkWidget       *acknowledge_check;
};

G_DEFINE_FINAL_TYPE (RdsStopDatabaseDialog, rds_stop_database_dialog, RDS_TYPE_ACTION_DIALOG)

static gboolean
rds_stop_database_dialog_validate (RdsActionDialog *dialog)
{
  RdsStopDatabaseDialog *self = RDS_STOP_DATABASE_DIALOG (dialog);
  g_autofree char *problem = NULL;
  gboolean snapshot;

  if (self->acknowledge_check == NULL)
    return FALSE;

  snapshot = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->snapshot_check));
  gtk_widget_set_visible (self->name_field, snapshot);
  if (snapshot)
    problem = rds_validate_snapshot_identifier (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
  rds_form_field_set_error (RDS_FORM_FIELD (self->name_field), problem);

  return problem == NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (self->acknowledge_check));
}

static RdsRequest *
rds_stop_database_dialog_build_request (RdsActionDialog  *dialog,
                                        GError          **error)
{
  RdsStopDatabaseDialog *self = RDS_STOP_DATABASE_DIALOG (dialog);
  RdsDbInstance *instance = rds_action_dialog_get_resource (dialog);
  RdsRequest *request = rds_request_new ("StopDBInstance");

  rds_request_set (request, "DBInstanceIdentifier", rds_db_instance_get_identifier (instance));
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->snapshot_check)))
    rds_request_set (request, "DBSnapshotIdentifier",
                     gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));

  return request;
}

static char *
rds_stop_database_dialog_describe_success (RdsActionDialog *dialog,
                                           RdsQueryResult  *result)
{
  RdsDbInstance *instance = rds_action_dialog_get_resource (dialog);

  /* Translators: %s is a DB instance identifier */
  return g_strdup_printf (_("Stopping %s"), rds_db_instance_get_identifier (instance));
}

static void
rds_stop_database_dialog_constructed (GObject *object)
{
  RdsStopDatabaseDialog *self = RDS_STOP_DATABASE_DIALOG (object);
  RdsActionDialog *dialog = RDS_ACTION_DIALOG (self);
  RdsDbInstance *instance = rds_action_dialog_get_resource (dialog);
  const char *id = rds_db_instance_get_identifier (instance);
  g_autofree char *escaped = g_markup_escape_text (id, -1);
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GDateTime) now = NULL;
  gint64 simulated = rds_session_get_simulated_time (rds_action_dialog_get_session (dialog));

  G_OBJECT_CLASS (rds_stop_database_dialog_parent_class)->constructed (object);

  rds_action_dialog_set_heading (dialog, _("Stop DB instance temporarily"));
  /* Translators: %s is a DB instance identifier */
  body = g_strdup_printf (_("<b>%s</b> stops for up to 7 days. If you don't start it before, it "
                            "starts again automatically after 7 days. While it is stopped you pay "
                            "for its storage, not for its instance hours."), escaped);
  rds_action_dialog_set_body (dialog, body);

  self->snapshot_check = rds_action_dialog_add_check (dialog, _("_Save the DB instance in a snapshot"));
  self->name_entry = rds_action_dialog_add_entry (dialog, _("Snapshot name"), "DBSnapshotIdentifier",
                                                  NULL, &self->name_field);
  now = simulated > 0 ? g_date_time_new_from_unix_utc (simulated / G_USEC_PER_SEC)
                      : g_date_time_new_now_utc ();
  name = g_strdup_printf ("%s-stopped-%04d%02d%02d", id, g_date_time_get_year (now),
                          g_date_time_get_month (now), g_date_time_get_day_of_month (now));
  if (strlen (name) <= 255)
    gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name);

  self->acknowledge_check =
    rds_action_dialog_add_check (dialog, _("I _acknowledge that the DB instance starts again "
                                           "automatically after 7 days."));

  rds_action_dialog_set_submit_label (dialog, _("_Stop temporarily"), FALSE);
  rds_action_dialog_revalidate (dialog);
}

static void
rds_stop_database_dialog_class_init (RdsStopDatabaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RdsActionDialogClass *dialog_class = RDS_ACTION_DIALOG_CLASS (klass);

  object_class->constructed = rds_stop_database_dialog_constructed;

  dialog_class->validate = rds_stop_database_dialog_validate;
  dialog_class->build_request = rds_stop_database_dialog_build_request;
  dialog_class->describe_success = rds_stop_database_dialog_describe_success;
}

static void
rds_stop_database_dialog_init (RdsStopDatabaseDialog *self)
{
}

RdsActionDialog *
rds_stop_database_dialog_new (RdsSession    *session,
                              RdsDbInstance *instance)
{
  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_DB_INSTANCE (instance), NULL);

  return g_object_new (RDS_TYPE_STOP_DATABASE_DIALOG,
                       "session", session,
                       "resource", instance,
                       NULL);
}
