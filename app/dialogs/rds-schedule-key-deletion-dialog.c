/* rds-schedule-key-deletion-dialog.c: schedule a KMS key's deletion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KMS deletes a key only after a waiting period of 7 to 30 days (30 unless
 * chosen), during which the key can't be used and the deletion can be
 * canceled. Once deleted, what it encrypted is lost: the dialog names the
 * DB instances affected, and asks for the key's name typed to confirm.
 */

#include "config.h"

#include "rds-schedule-key-deletion-dialog.h"

#include <glib/gi18n.h>

#include "rds-disable-key-dialog.h"
#include "rds-form-field.h"
#include "rds-session.h"

#define MIN_DAYS 7
#define MAX_DAYS 30

struct _RdsScheduleKeyDeletionDialog
{
  RdsActionDialog  parent_instance;

  RdsKeyItem      *key;
  char            *name;
  GtkWidget       *days_spin;
  GtkWidget       *confirm_entry;
};

G_DEFINE_FINAL_TYPE (RdsScheduleKeyDeletionDialog, rds_schedule_key_deletion_dialog, RDS_TYPE_ACTION_DIALOG)

static gboolean
rds_schedule_key_deletion_dialog_validate (RdsActionDialog *dialog)
{
  RdsScheduleKeyDeletionDialog *self = RDS_SCHEDULE_KEY_DELETION_DIALOG (dialog);

  return self->confirm_entry != NULL &&
         g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->confirm_entry)), self->name) == 0;
}

static RdsRequest *
rds_schedule_key_deletion_dialog_build_request (RdsActionDialog  *dialog,
                                                GError          **error)
{
  RdsScheduleKeyDeletionDialog *self = RDS_SCHEDULE_KEY_DELETION_DIALOG (dialog);
  RdsRequest *request = rds_request_new_for_api (&rds_api_kms, "ScheduleKeyDeletion");

  rds_request_set (request, "KeyId", rds_key_item_get_key_id (self->key));
  rds_request_set_int (request, "PendingWindowInDays",
                       gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->days_spin)));
  return request;
}

static char *
rds_schedule_key_deletion_dialog_describe_success (RdsActionDialog *dialog,
                                                   RdsQueryResult  *result)
{
  RdsScheduleKeyDeletionDialog *self = RDS_SCHEDULE_KEY_DELETION_DIALOG (dialog);

  /* Translators: %s is a KMS key's alias or ID */
  return g_strdup_printf (_("Key %s is pending deletion"), self->name);
}

static void
rds_schedule_key_deletion_dialog_dispose (GObject *object)
{
  g_clear_object (&RDS_SCHEDULE_KEY_DELETION_DIALOG (object)->key);

  G_OBJECT_CLASS (rds_schedule_key_deletion_dialog_parent_class)->dispose (object);
}

static void
rds_schedule_key_deletion_dialog_finalize (GObject *object)
{
  g_free (RDS_SCHEDULE_KEY_DELETION_DIALOG (object)->name);

  G_OBJECT_CLASS (rds_schedule_key_deletion_dialog_parent_class)->finalize (object);
}

static void
rds_schedule_key_deletion_dialog_class_init (RdsScheduleKeyDeletionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RdsActionDialogClass *dialog_class = RDS_ACTION_DIALOG_CLASS (klass);

  object_class->dispose = rds_schedule_key_deletion_dialog_dispose;
  object_class->finalize = rds_schedule_key_deletion_dialog_finalize;

  dialog_class->validate = rds_schedule_key_deletion_dialog_validate;
  dialog_class->build_request = rds_schedule_key_deletion_dialog_build_request;
  dialog_class->describe_success = rds_schedule_key_deletion_dialog_describe_success;
}

static void
rds_schedule_key_deletion_dialog_init (RdsScheduleKeyDeletionDialog *self)
{
}

RdsActionDialog *
rds_schedule_key_deletion_dialog_new (RdsSession *session,
                                      RdsKeyItem *key)
{
  RdsScheduleKeyDeletionDialog *self;
  RdsActionDialog *dialog;
  g_autofree char *escaped = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *users = NULL;
  g_autofree char *body = NULL;
  g_autofree char *instruction = NULL;
  GtkWidget *field;

  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_KEY_ITEM (key), NULL);

  self = g_object_new (RDS_TYPE_SCHEDULE_KEY_DELETION_DIALOG, "session", session, NULL);
  dialog = RDS_ACTION_DIALOG (self);
  self->key = g_object_ref (key);
  self->name = rds_key_item_dup_name (key);

  escaped = g_markup_escape_text (self->name, -1);
  /* Translators: %s is a KMS key's alias or ID */
  heading = g_strdup_printf (_("Schedule deletion of key %s?"), self->name);
  rds_action_dialog_set_heading (dialog, heading);
  users = rds_key_describe_users (rds_key_item_get_used_by (key));
  /* Translators: the first %s is a KMS key's alias or ID; the second says what happens to the
   * databases that use it */
  body = g_strdup_printf (_("KMS deletes <b>%s</b> at the end of the waiting period; until then it can’t be "
                            "used, and you can cancel the deletion. Once it is deleted, nothing it encrypted "
                            "can ever be read again. %s"), escaped, users);
  rds_action_dialog_set_body (dialog, body);

  self->days_spin = gtk_spin_button_new_with_range (MIN_DAYS, MAX_DAYS, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->days_spin), MAX_DAYS);
  gtk_widget_set_halign (self->days_spin, GTK_ALIGN_START);
  gtk_widget_set_name (self->days_spin, "days");
  field = rds_form_field_new (_("Waiting period (days)"), self->days_spin);
  rds_form_field_set_parameter (RDS_FORM_FIELD (field), "PendingWindowInDays");
  rds_form_field_set_hint (RDS_FORM_FIELD (field), _("From 7 to 30 days."));
  rds_action_dialog_add (dialog, field);

  /* Translators: %s is the KMS key's alias (without alias/) or its key ID, to be typed */
  instruction = g_strdup_printf (_("To confirm, type “%s” into the field."), self->name);
  self->confirm_entry = rds_action_dialog_add_entry (dialog, instruction, NULL, NULL, NULL);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->confirm_entry), self->name);
  gtk_widget_set_name (self->confirm_entry, "confirm");

  rds_action_dialog_set_submit_label (dialog, _("_Schedule deletion"), TRUE);
  rds_action_dialog_revalidate (dialog);
  gtk_window_set_focus (GTK_WINDOW (self), self->confirm_entry);
  return dialog;
}
