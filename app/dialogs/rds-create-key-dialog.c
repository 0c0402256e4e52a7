/* rds-create-key-dialog.c: create a customer managed KMS key with an alias
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two calls as the KMS console makes them: CreateKey (with the
 * description), then CreateAlias. When the alias is refused (it exists
 * already, say) the key is made all the same: the error shows next to the
 * alias, and Create again only names the key made.
 */

#include "config.h"

#include "rds-create-key-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rds-form-field.h"
#include "rds-format.h"
#include "rds-session.h"
#include "rds-shape.h"

#define ALIAS_PREFIX "alias/"
#define MAX_ALIAS 256

struct _RdsCreateKeyDialog
{
  RdsActionDialog  parent_instance;

  GtkWidget       *alias_entry;
  GtkWidget       *alias_field;
  GtkWidget       *description_entry;
  char            *key_id;      /* made by CreateKey, waiting for its alias */
  GHashTable      *aliases;     /* the Region's alias names, once listed */
  GCancellable    *cancellable;
};

G_DEFINE_FINAL_TYPE (RdsCreateKeyDialog, rds_create_key_dialog, RDS_TYPE_ACTION_DIALOG)

static const char *
strip_prefix (const char *name)
{
  return g_str_has_prefix (name, ALIAS_PREFIX) ? name + strlen (ALIAS_PREFIX) : name;
}

const char *
rds_key_alias_problem (const char *name)
{
  const char *bare;

  g_return_val_if_fail (name != NULL, NULL);

  bare = strip_prefix (name);
  if (*bare == '\0')
    return _("Enter an alias.");
  if (strlen (bare) + strlen (ALIAS_PREFIX) > MAX_ALIAS)
    return _("An alias has at most 250 characters.");
  for (const char *p = bare; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '/' && *p != '_' && *p != '-')
      return _("An alias has letters, digits, slashes (/), underscores (_) and hyphens (-) only.");
  if (g_str_has_prefix (bare, "aws/"))
    return _("Aliases that begin with aws/ are kept for AWS managed keys.");
  return NULL;
}

static char *
alias_name (RdsCreateKeyDialog *self)
{
  return g_strconcat (ALIAS_PREFIX, strip_prefix (gtk_editable_get_text (GTK_EDITABLE (self->alias_entry))), NULL);
}

static gboolean
rds_create_key_dialog_validate (RdsActionDialog *dialog)
{
  RdsCreateKeyDialog *self = RDS_CREATE_KEY_DIALOG (dialog);
  g_autofree char *name = NULL;
  const char *text, *problem;

  if (self->alias_entry == NULL)
    return FALSE;

  text = gtk_editable_get_text (GTK_EDITABLE (self->alias_entry));
  problem = rds_key_alias_problem (text);
  name = alias_name (self);
  /* Said before a key is made for it; the service says it too, if another
   * took the name meanwhile. */
  if (problem == NULL && self->key_id == NULL && g_hash_table_contains (self->aliases, name))
    problem = _("An alias with this name exists already in this Region.");
  /* An empty field is not wrong yet. */
  rds_form_field_set_error (RDS_FORM_FIELD (self->alias_field), *text != '\0' ? problem : NULL);
  return problem == NULL;
}

static RdsRequest *
alias_request (RdsCreateKeyDialog *self)
{
  RdsRequest *request = rds_request_new_for_api (&rds_api_kms, "CreateAlias");
  g_autofree char *name = alias_name (self);

  rds_request_set (request, "AliasName", name);
  rds_request_set (request, "TargetKeyId", self->key_id);
  return request;
}

static RdsRequest *
rds_create_key_dialog_build_request (RdsActionDialog  *dialog,
                                     GError          **error)
{
  RdsCreateKeyDialog *self = RDS_CREATE_KEY_DIALOG (dialog);
  RdsRequest *request;
  const char *description;

  if (self->key_id != NULL)
    return alias_request (self);

  request = rds_request_new_for_api (&rds_api_kms, "CreateKey");
  description = gtk_editable_get_text (GTK_EDITABLE (self->description_entry));
  if (*description != '\0')
    rds_request_set (request, "Description", description);
  rds_request_set (request, "KeyUsage", "ENCRYPT_DECRYPT");
  rds_request_set (request, "KeySpec", "SYMMETRIC_DEFAULT");
  return request;
}

static RdsRequest *
rds_create_key_dialog_next_request (RdsActionDialog *dialog,
                                    RdsQueryResult  *result)
{
  RdsCreateKeyDialog *self = RDS_CREATE_KEY_DIALOG (dialog);
  RdsShape *metadata;

  if (g_strcmp0 (result->action->name, "CreateKey") != 0 || result->item == NULL)
    return NULL;

  metadata = rds_shape_get_object (result->item, "key-metadata");
  if (metadata == NULL)
    return NULL;
  g_free (self->key_id);
  self->key_id = g_strdup (rds_shape_get_string (metadata, "key-id"));
  return alias_request (self);
}

static char *
rds_create_key_dialog_describe_success (RdsActionDialog *dialog,
                                        RdsQueryResult  *result)
{
  g_autofree char *name = alias_name (RDS_CREATE_KEY_DIALOG (dialog));

  /* Translators: %s is a KMS key's alias, "alias/orders" */
  return g_strdup_printf (_("Key %s created"), name);
}

static void list_aliases (RdsCreateKeyDialog *self,
                          const char         *marker);

static void
list_aliases_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RdsCreateKeyDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsQueryResult) answer = rds_client_call_finish (RDS_CLIENT (object), result, &error);
  GListModel *aliases;
  const char *marker;

  /* Without the list, the service's answer says it. */
  if (answer == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  aliases = G_LIST_MODEL (rds_shape_ensure_list (answer->item, "aliases"));
  for (guint i = 0; i < g_list_model_get_n_items (aliases); i++)
    {
      g_autoptr(RdsShape) entry = g_list_model_get_item (aliases, i);

      g_hash_table_add (self->aliases, g_strdup (rds_shape_get_string (entry, "alias-name")));
    }
  marker = rds_shape_get_string (answer->item, "next-marker");
  if (rds_shape_get_boolean (answer->item, "truncated") && marker != NULL)
    list_aliases (self, marker);
  rds_action_dialog_revalidate (RDS_ACTION_DIALOG (self));
}

static void
list_aliases (RdsCreateKeyDialog *self,
              const char         *marker)
{
  RdsSession *session = rds_action_dialog_get_session (RDS_ACTION_DIALOG (self));
  g_autoptr(RdsRequest) request = rds_request_new_for_api (&rds_api_kms, "ListAliases");

  rds_request_set_int (request, "Limit", 100);
  if (marker != NULL)
    rds_request_set (request, "Marker", marker);
  rds_client_call_async (rds_session_get_client (session), request, self->cancellable, list_aliases_cb,
                         g_object_ref (self));
}

static void
rds_create_key_dialog_dispose (GObject *object)
{
  g_cancellable_cancel (RDS_CREATE_KEY_DIALOG (object)->cancellable);

  G_OBJECT_CLASS (rds_create_key_dialog_parent_class)->dispose (object);
}

static void
rds_create_key_dialog_finalize (GObject *object)
{
  RdsCreateKeyDialog *self = RDS_CREATE_KEY_DIALOG (object);

  g_free (self->key_id);
  g_hash_table_unref (self->aliases);
  g_object_unref (self->cancellable);

  G_OBJECT_CLASS (rds_create_key_dialog_parent_class)->finalize (object);
}

static void
rds_create_key_dialog_constructed (GObject *object)
{
  RdsCreateKeyDialog *self = RDS_CREATE_KEY_DIALOG (object);
  RdsActionDialog *dialog = RDS_ACTION_DIALOG (self);
  RdsSession *session = rds_action_dialog_get_session (dialog);
  g_autofree char *body = NULL;
  g_autofree char *region = NULL;
  GtkWidget *field;

  G_OBJECT_CLASS (rds_create_key_dialog_parent_class)->constructed (object);

  rds_action_dialog_set_heading (dialog, _("Create key"));
  region = g_markup_escape_text (rds_format_region_name (rds_session_get_region (session)), -1);
  /* Translators: %s is a Region's name */
  body = g_strdup_printf (_("A symmetric customer managed key in <b>%s</b>, for encrypting databases and "
                            "snapshots. Unlike the AWS managed key alias/aws/rds, you can disable it or "
                            "delete it, and share snapshots it encrypts with other accounts."), region);
  rds_action_dialog_set_body (dialog, body);

  self->alias_entry = rds_action_dialog_add_entry (dialog, _("Alias"), "AliasName",
                                                   _("A name for the key, unique in the Region: letters, digits, "
                                                     "/, _ and -. “alias/” goes in front."),
                                                   &self->alias_field);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->alias_entry), "orders-db");
  gtk_widget_set_name (self->alias_entry, "alias");

  self->description_entry = rds_action_dialog_add_entry (dialog, _("Description (optional)"), "Description",
                                                         _("What the key is for."), &field);
  gtk_widget_set_name (self->description_entry, "description");

  rds_action_dialog_set_submit_label (dialog, _("_Create key"), FALSE);
  rds_action_dialog_revalidate (dialog);
  list_aliases (self, NULL);
  gtk_window_set_focus (GTK_WINDOW (self), self->alias_entry);
}

static void
rds_create_key_dialog_class_init (RdsCreateKeyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RdsActionDialogClass *dialog_class = RDS_ACTION_DIALOG_CLASS (klass);

  object_class->constructed = rds_create_key_dialog_constructed;
  object_class->dispose = rds_create_key_dialog_dispose;
  object_class->finalize = rds_create_key_dialog_finalize;

  dialog_class->validate = rds_create_key_dialog_validate;
  dialog_class->build_request = rds_create_key_dialog_build_request;
  dialog_class->next_request = rds_create_key_dialog_next_request;
  dialog_class->describe_success = rds_create_key_dialog_describe_success;
}

static void
rds_create_key_dialog_init (RdsCreateKeyDialog *self)
{
  self->aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}

RdsActionDialog *
rds_create_key_dialog_new (RdsSession *session)
{
  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);

  return g_object_new (RDS_TYPE_CREATE_KEY_DIALOG, "session", session, NULL);
}

/**
 * rds_create_key_dialog_get_key_id:
 *
 * Returns: (nullable): the key CreateKey made, once it answered
 */
const char *
rds_create_key_dialog_get_key_id (RdsCreateKeyDialog *self)
{
  g_return_val_if_fail (RDS_IS_CREATE_KEY_DIALOG (self), NULL);

  return self->key_id;
}

/**
 * rds_create_key_dialog_dup_alias:
 *
 * Returns: (transfer full): the alias the key is (or is to be) given, as
 *   "alias/NAME"
 */
char *
rds_create_key_dialog_dup_alias (RdsCreateKeyDialog *self)
{
  g_return_val_if_fail (RDS_IS_CREATE_KEY_DIALOG (self), NULL);

  return alias_name (self);
}
