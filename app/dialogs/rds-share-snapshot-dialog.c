/* rds-share-snapshot-dialog.c: share a manual DB snapshot with other accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The accounts a manual snapshot is shared with are the values of its
 * "restore" attribute (DescribeDBSnapshotAttributes); "all" makes it
 * public. The dialog lists them, adds an account ID (12 digits, checked
 * as typed) or removes one, and saves the difference in one
 * ModifyDBSnapshotAttribute. An encrypted snapshot can't be public: the
 * switch says why.
 */

#include "config.h"

#include "rds-share-snapshot-dialog.h"

#include <glib/gi18n.h>

#include "rds-form-field.h"
#include "rds-session.h"
#include "rds-shape.h"

#define PUBLIC "all"
#define ACCOUNT_DIGITS 12

struct _RdsShareSnapshotDialog
{
  RdsActionDialog  parent_instance;

  GtkStringList   *accounts;       /* shown: what the snapshot will be shared with */
  GPtrArray       *shared;         /* what it is shared with now */
  gboolean         was_public;
  gboolean         loading;
  GCancellable    *cancellable;

  GtkWidget       *public_switch;
  GtkWidget       *account_entry;
  GtkWidget       *account_field;
  GtkWidget       *add_button;
  GtkWidget       *list_box;
  GtkWidget       *list_scroller;
  GtkWidget       *empty_label;
};

G_DEFINE_FINAL_TYPE (RdsShareSnapshotDialog, rds_share_snapshot_dialog, RDS_TYPE_ACTION_DIALOG)

static RdsShape *
snapshot (RdsShareSnapshotDialog *self)
{
  return rds_action_dialog_get_resource (RDS_ACTION_DIALOG (self));
}

static const char *
snapshot_id (RdsShareSnapshotDialog *self)
{
  return rds_shape_get_string (snapshot (self), "db-snapshot-identifier");
}

static gboolean
has_account (GListModel *model,
             const char *account,
             guint      *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), account) == 0)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
was_shared (RdsShareSnapshotDialog *self,
            const char             *account)
{
  return g_ptr_array_find_with_equal_func (self->shared, account, g_str_equal, NULL);
}

/* What the account ID field holds is wrong: why, or NULL. */
static const char *
account_problem (RdsShareSnapshotDialog *self,
                 const char             *text)
{
  guint length = 0;

  for (const char *p = text; *p != '\0'; p++, length++)
    if (!g_ascii_isdigit (*p))
      return _("An AWS account ID has 12 digits and nothing else.");
  if (length != ACCOUNT_DIGITS)
    return _("An AWS account ID has 12 digits.");
  if (has_account (G_LIST_MODEL (self->accounts), text, NULL))
    return _("The snapshot is shared with this account already.");
  return NULL;
}

static void
update_add (RdsShareSnapshotDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->account_entry));
  const char *problem = account_problem (self, text);

  rds_form_field_set_error (RDS_FORM_FIELD (self->account_field), *text != '\0' ? problem : NULL);
  gtk_widget_set_sensitive (self->add_button, problem == NULL && !self->loading);
}

static gboolean
changed (RdsShareSnapshotDialog *self)
{
  GListModel *model = G_LIST_MODEL (self->accounts);
  guint n = g_list_model_get_n_items (model);

  if (gtk_switch_get_active (GTK_SWITCH (self->public_switch)) != self->was_public || n != self->shared->len)
    return TRUE;
  for (guint i = 0; i < n; i++)
    if (!was_shared (self, gtk_string_list_get_string (self->accounts, i)))
      return TRUE;
  return FALSE;
}

static gboolean
rds_share_snapshot_dialog_validate (RdsActionDialog *dialog)
{
  RdsShareSnapshotDialog *self = RDS_SHARE_SNAPSHOT_DIALOG (dialog);

  return self->public_switch != NULL && !self->loading && changed (self);
}

static RdsRequest *
rds_share_snapshot_dialog_build_request (RdsActionDialog  *dialog,
                                         GError          **error)
{
  RdsShareSnapshotDialog *self = RDS_SHARE_SNAPSHOT_DIALOG (dialog);
  RdsRequest *request = rds_request_new ("ModifyDBSnapshotAttribute");
  gboolean public = gtk_switch_get_active (GTK_SWITCH (self->public_switch));

  rds_request_set (request, "DBSnapshotIdentifier", snapshot_id (self));
  rds_request_set (request, "AttributeName", "restore");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->accounts)); i++)
    {
      const char *account = gtk_string_list_get_string (self->accounts, i);

      if (!was_shared (self, account))
        rds_request_add_list_item (request, "ValuesToAdd", "AttributeValue", account);
    }
  if (public && !self->was_public)
    rds_request_add_list_item (request, "ValuesToAdd", "AttributeValue", PUBLIC);
  for (guint i = 0; i < self->shared->len; i++)
    {
      const char *account = g_ptr_array_index (self->shared, i);

      if (!has_account (G_LIST_MODEL (self->accounts), account, NULL))
        rds_request_add_list_item (request, "ValuesToRemove", "AttributeValue", account);
    }
  if (!public && self->was_public)
    rds_request_add_list_item (request, "ValuesToRemove", "AttributeValue", PUBLIC);
  return request;
}

static char *
rds_share_snapshot_dialog_describe_success (RdsActionDialog *dialog,
                                            RdsQueryResult  *result)
{
  /* Translators: %s is a snapshot name */
  return g_strdup_printf (_("Sharing of snapshot %s saved"), snapshot_id (RDS_SHARE_SNAPSHOT_DIALOG (dialog)));
}

/* The accounts */

static void
update_list (RdsShareSnapshotDialog *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->accounts)) == 0;

  gtk_widget_set_visible (self->list_scroller, !empty);
  gtk_widget_set_visible (self->empty_label, empty);
  update_add (self);
  rds_action_dialog_revalidate (RDS_ACTION_DIALOG (self));
}

gboolean
rds_share_snapshot_dialog_add_account (RdsShareSnapshotDialog *self,
                                       const char             *account)
{
  g_return_val_if_fail (RDS_IS_SHARE_SNAPSHOT_DIALOG (self), FALSE);
  g_return_val_if_fail (account != NULL, FALSE);

  if (account_problem (self, account) != NULL)
    return FALSE;
  gtk_string_list_append (self->accounts, account);
  update_list (self);
  return TRUE;
}

void
rds_share_snapshot_dialog_remove_account (RdsShareSnapshotDialog *self,
                                          const char             *account)
{
  guint position;

  g_return_if_fail (RDS_IS_SHARE_SNAPSHOT_DIALOG (self));

  if (has_account (G_LIST_MODEL (self->accounts), account, &position))
    gtk_string_list_remove (self->accounts, position);
  update_list (self);
}

static void
add_cb (RdsShareSnapshotDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->account_entry));

  if (rds_share_snapshot_dialog_add_account (self, text))
    gtk_editable_set_text (GTK_EDITABLE (self->account_entry), "");
}

static void
remove_cb (GtkButton              *button,
           RdsShareSnapshotDialog *self)
{
  rds_share_snapshot_dialog_remove_account (self, g_object_get_data (G_OBJECT (button), "account"));
}

static GtkWidget *
account_row_new (gpointer item,
                 gpointer user_data)
{
  RdsShareSnapshotDialog *self = user_data;
  const char *account = gtk_string_object_get_string (item);
  g_autofree char *remove_name = NULL;
  GtkWidget *box, *label, *button;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  label = gtk_label_new (account);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (button, "flat");
  /* Translators: %s is an AWS account ID */
  remove_name = g_strdup_printf (_("Remove account %s"), account);
  gtk_widget_set_tooltip_text (button, remove_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  g_object_set_data_full (G_OBJECT (button), "account", g_strdup (account), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_cb), self, 0);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static void
attributes_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RdsShareSnapshotDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsQueryResult) answer = rds_session_call_finish (RDS_SESSION (object), result, &error);
  GListModel *attributes;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || g_cancellable_is_cancelled (self->cancellable))
    return;

  self->loading = FALSE;
  if (answer == NULL)
    {
      /* Translators: %s is the service's error message */
      g_autofree char *message = g_strdup_printf (_("Who the snapshot is shared with could not be read: %s"),
                                                  error->message);

      gtk_label_set_label (GTK_LABEL (self->empty_label), message);
      update_list (self);
      return;
    }

  attributes = G_LIST_MODEL (rds_shape_ensure_list (answer->item, "db-snapshot-attributes"));
  for (guint i = 0; i < g_list_model_get_n_items (attributes); i++)
    {
      g_autoptr(RdsShape) attribute = g_list_model_get_item (attributes, i);
      const char * const *values = rds_shape_get_strv (attribute, "attribute-values");

      if (g_strcmp0 (rds_shape_get_string (attribute, "attribute-name"), "restore") != 0)
        continue;
      for (guint j = 0; values != NULL && values[j] != NULL; j++)
        {
          if (g_str_equal (values[j], PUBLIC))
            self->was_public = TRUE;
          else
            {
              g_ptr_array_add (self->shared, g_strdup (values[j]));
              gtk_string_list_append (self->accounts, values[j]);
            }
        }
    }
  gtk_switch_set_active (GTK_SWITCH (self->public_switch), self->was_public);
  /* Translators: said where the accounts a snapshot is shared with are listed, when there are none */
  gtk_label_set_label (GTK_LABEL (self->empty_label), _("The snapshot is shared with no other account."));
  update_list (self);
}

static void
revalidate_cb (RdsShareSnapshotDialog *self)
{
  rds_action_dialog_revalidate (RDS_ACTION_DIALOG (self));
}

/* GObject */

static void
rds_share_snapshot_dialog_dispose (GObject *object)
{
  g_cancellable_cancel (RDS_SHARE_SNAPSHOT_DIALOG (object)->cancellable);

  G_OBJECT_CLASS (rds_share_snapshot_dialog_parent_class)->dispose (object);
}

static void
rds_share_snapshot_dialog_finalize (GObject *object)
{
  RdsShareSnapshotDialog *self = RDS_SHARE_SNAPSHOT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->accounts);
  g_ptr_array_unref (self->shared);

  G_OBJECT_CLASS (rds_share_snapshot_dialog_parent_class)->finalize (object);
}

static void
rds_share_snapshot_dialog_constructed (GObject *object)
{
  RdsShareSnapshotDialog *self = RDS_SHARE_SNAPSHOT_DIALOG (object);
  RdsActionDialog *dialog = RDS_ACTION_DIALOG (self);
  g_autoptr(RdsRequest) request = rds_request_new ("DescribeDBSnapshotAttributes");
  g_autofree char *escaped = g_markup_escape_text (snapshot_id (self), -1);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  gboolean is_encrypted = rds_shape_get_boolean (snapshot (self), "encrypted");
  GtkWidget *box, *label, *field, *row, *scrolled, *title;

  G_OBJECT_CLASS (rds_share_snapshot_dialog_parent_class)->constructed (object);

  /* Translators: %s is a snapshot name */
  heading = g_strdup_printf (_("Share snapshot %s"), snapshot_id (self));
  rds_action_dialog_set_heading (dialog, heading);
  body = is_encrypted
         /* Translators: %s is a snapshot name */
         ? g_strdup_printf (_("The accounts you add can copy <b>%s</b> and restore it. It is encrypted: they "
                              "also need to be allowed to use its KMS key, which must be a customer managed "
                              "key (alias/aws/rds can’t be shared)."), escaped)
         /* Translators: %s is a snapshot name */
         : g_strdup_printf (_("The accounts you add can copy <b>%s</b> and restore it, with all the data it "
                              "holds."), escaped);
  rds_action_dialog_set_body (dialog, body);

  /* Public, or not; never for an encrypted snapshot. */
  self->public_switch = gtk_switch_new ();
  gtk_widget_set_name (self->public_switch, "public");
  gtk_widget_set_valign (self->public_switch, GTK_ALIGN_CENTER);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new (_("Public: every AWS account can copy and restore it"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), self->public_switch);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->public_switch), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  field = rds_form_field_new (_("Visibility"), box);
  rds_form_field_set_parameter (RDS_FORM_FIELD (field), "ValuesToAdd");
  if (is_encrypted)
    {
      gtk_widget_set_sensitive (self->public_switch, FALSE);
      rds_form_field_set_hint (RDS_FORM_FIELD (field),
                               _("An encrypted snapshot can’t be made public: share it with accounts instead."));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->public_switch), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("An encrypted snapshot can’t be made public: share it with accounts "
                                        "instead."), -1);
    }
  rds_action_dialog_add (dialog, field);

  /* Add an account. */
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->account_entry = gtk_entry_new ();
  gtk_widget_set_name (self->account_entry, "account");
  gtk_widget_set_hexpand (self->account_entry, TRUE);
  gtk_entry_set_input_purpose (GTK_ENTRY (self->account_entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_entry_set_max_length (GTK_ENTRY (self->account_entry), 32);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->account_entry), "123456789012");
  self->account_field = rds_form_field_new (_("AWS account ID"), self->account_entry);
  rds_form_field_set_hint (RDS_FORM_FIELD (self->account_field), _("12 digits."));
  gtk_widget_set_hexpand (self->account_field, TRUE);
  gtk_box_append (GTK_BOX (row), self->account_field);
  self->add_button = gtk_button_new_with_mnemonic (_("_Add account"));
  gtk_widget_set_name (self->add_button, "add-account");
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->add_button, 24);
  gtk_box_append (GTK_BOX (row), self->add_button);
  rds_action_dialog_add (dialog, row);

  /* The accounts it is (or will be) shared with. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  title = gtk_label_new (_("Shared with"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  self->list_box = gtk_list_box_new ();
  gtk_widget_set_name (self->list_box, "accounts");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list_box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list_box, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Accounts the snapshot is shared with"), -1);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->list_box), G_LIST_MODEL (self->accounts), account_row_new, self,
                           NULL);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 200);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_box);
  self->list_scroller = scrolled;
  gtk_box_append (GTK_BOX (box), scrolled);
  /* Translators: said while the accounts a snapshot is shared with are asked for */
  self->empty_label = gtk_label_new (_("Loading…"));
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_box_append (GTK_BOX (box), self->empty_label);
  rds_action_dialog_add (dialog, box);

  g_signal_connect_object (self->account_entry, "changed", G_CALLBACK (update_add), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account_entry, "activate", G_CALLBACK (add_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (add_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->public_switch, "notify::active", G_CALLBACK (revalidate_cb), self,
                           G_CONNECT_SWAPPED);

  rds_action_dialog_set_submit_label (dialog, _("_Save"), FALSE);
  self->loading = TRUE;
  update_list (self);
  gtk_widget_set_visible (self->empty_label, TRUE);
  rds_request_set (request, "DBSnapshotIdentifier", snapshot_id (self));
  rds_session_call_async (rds_action_dialog_get_session (dialog), request, self->cancellable, attributes_cb,
                          g_object_ref (self));
  gtk_window_set_focus (GTK_WINDOW (self), self->account_entry);
}

static void
rds_share_snapshot_dialog_class_init (RdsShareSnapshotDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RdsActionDialogClass *dialog_class = RDS_ACTION_DIALOG_CLASS (klass);

  object_class->constructed = rds_share_snapshot_dialog_constructed;
  object_class->dispose = rds_share_snapshot_dialog_dispose;
  object_class->finalize = rds_share_snapshot_dialog_finalize;

  dialog_class->validate = rds_share_snapshot_dialog_validate;
  dialog_class->build_request = rds_share_snapshot_dialog_build_request;
  dialog_class->describe_success = rds_share_snapshot_dialog_describe_success;
}

static void
rds_share_snapshot_dialog_init (RdsShareSnapshotDialog *self)
{
  self->accounts = gtk_string_list_new (NULL);
  self->shared = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();
}

RdsActionDialog *
rds_share_snapshot_dialog_new (RdsSession    *session,
                               RdsDbSnapshot *snapshot)
{
  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_DB_SNAPSHOT (snapshot), NULL);

  return g_object_new (RDS_TYPE_SHARE_SNAPSHOT_DIALOG, "session", session, "resource", snapshot, NULL);
}

/* Whether the accounts it is shared with are still being asked for. */
gboolean
rds_share_snapshot_dialog_get_loading (RdsShareSnapshotDialog *self)
{
  g_return_val_if_fail (RDS_IS_SHARE_SNAPSHOT_DIALOG (self), FALSE);

  return self->loading;
}

/**
 * rds_share_snapshot_dialog_get_accounts:
 *
 * Returns: (transfer none): the account IDs listed, as GtkStringObjects
 */
GListModel *
rds_share_snapshot_dialog_get_accounts (RdsShareSnapshotDialog *self)
{
  g_return_val_if_fail (RDS_IS_SHARE_SNAPSHOT_DIALOG (self), NULL);

  return G_LIST_MODEL (self->accounts);
}
