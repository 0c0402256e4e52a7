/* rds-disable-key-dialog.c: disable a customer managed KMS key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Disabling a key is undone by enabling it, but what it encrypts can't be
 * read meanwhile: the dialog names the DB instances that will lose access
 * and what RDS does with them.
 */

#include "config.h"

#include "rds-disable-key-dialog.h"

#include <glib/gi18n.h>

#include "rds-session.h"

struct _RdsDisableKeyDialog
{
  RdsActionDialog  parent_instance;

  RdsKeyItem      *key;
};

G_DEFINE_FINAL_TYPE (RdsDisableKeyDialog, rds_disable_key_dialog, RDS_TYPE_ACTION_DIALOG)

/**
 * rds_key_describe_users:
 * @used_by: (nullable): the DB instances that use a key
 *
 * Returns: (transfer full): Pango markup: what happens to them when the
 *   key can't be used
 */
char *
rds_key_describe_users (const char * const *used_by)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = used_by != NULL ? g_strv_length ((char **) used_by) : 0;

  if (n == 0)
    return g_strdup (_("No DB instance of this Region uses the key. Snapshots and other Regions’ copies "
                       "encrypted with it can’t be restored or copied while it can’t be used."));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (used_by[i], -1);

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append_printf (names, "<b>%s</b>", escaped);
    }

  /* Translators: %s is a list of DB instance identifiers, in bold */
  return g_strdup_printf (ngettext ("The DB instance %s will lose access to its storage: a few minutes "
                                       "later RDS stops it, as "
                                       "inaccessible-encryption-credentials-recoverable. Enable the key within "
                                       "7 days and it recovers by itself; after 7 days it can only be "
                                       "restored from a backup.",
                                       "The DB instances %s will lose access to their storage: a few "
                                       "minutes later RDS stops them, as "
                                       "inaccessible-encryption-credentials-recoverable. Enable the key within "
                                       "7 days and they recover by themselves; after 7 days they can only be "
                                       "restored from a backup.", n),
                          names->str);
}

static RdsRequest *
rds_disable_key_dialog_build_request (RdsActionDialog  *dialog,
                                      GError          **error)
{
  RdsDisableKeyDialog *self = RDS_DISABLE_KEY_DIALOG (dialog);
  RdsRequest *request = rds_request_new_for_api (&rds_api_kms, "DisableKey");

  rds_request_set (request, "KeyId", rds_key_item_get_key_id (self->key));
  return request;
}

static char *
rds_disable_key_dialog_describe_success (RdsActionDialog *dialog,
                                         RdsQueryResult  *result)
{
  g_autofree char *name = rds_key_item_dup_name (RDS_DISABLE_KEY_DIALOG (dialog)->key);

  /* Translators: %s is a KMS key's alias or ID */
  return g_strdup_printf (_("Key %s disabled"), name);
}

static void
rds_disable_key_dialog_dispose (GObject *object)
{
  g_clear_object (&RDS_DISABLE_KEY_DIALOG (object)->key);

  G_OBJECT_CLASS (rds_disable_key_dialog_parent_class)->dispose (object);
}

static void
rds_disable_key_dialog_class_init (RdsDisableKeyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RdsActionDialogClass *dialog_class = RDS_ACTION_DIALOG_CLASS (klass);

  object_class->dispose = rds_disable_key_dialog_dispose;

  dialog_class->build_request = rds_disable_key_dialog_build_request;
  dialog_class->describe_success = rds_disable_key_dialog_describe_success;
}

static void
rds_disable_key_dialog_init (RdsDisableKeyDialog *self)
{
}

RdsActionDialog *
rds_disable_key_dialog_new (RdsSession *session,
                            RdsKeyItem *key)
{
  RdsDisableKeyDialog *self;
  RdsActionDialog *dialog;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *users = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_KEY_ITEM (key), NULL);

  self = g_object_new (RDS_TYPE_DISABLE_KEY_DIALOG, "session", session, NULL);
  dialog = RDS_ACTION_DIALOG (self);
  self->key = g_object_ref (key);

  name = rds_key_item_dup_name (key);
  escaped = g_markup_escape_text (name, -1);
  /* Translators: %s is a KMS key's alias or ID */
  heading = g_strdup_printf (_("Disable key %s?"), name);
  rds_action_dialog_set_heading (dialog, heading);
  users = rds_key_describe_users (rds_key_item_get_used_by (key));
  /* Translators: the first %s is a KMS key's alias or ID; the second says what happens to the
   * databases that use it */
  body = g_strdup_printf (_("While <b>%s</b> is disabled nothing can encrypt or decrypt with it. %s"), escaped, users);
  rds_action_dialog_set_body (dialog, body);
  rds_action_dialog_set_submit_label (dialog, _("_Disable key"), TRUE);
  rds_action_dialog_revalidate (dialog);
  return dialog;
}
